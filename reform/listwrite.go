package reform

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// ListOptions chooses how a published list is written. A nil *ListOptions
// is the zero ListOptions: Chinese labels, UTF-8.
type ListOptions struct {
	// Lang is the language of headings and column labels; the zero value
	// writes them in Chinese, as lists are published. Matters' own texts
	// (names, types, bodies) are written as the catalogue holds them.
	Lang *schema.Lang
	// Encoding is the encoding of CSV: UTF-8, UTF-8 with a byte-order
	// mark, or GB18030 for Excel on Chinese Windows.
	Encoding matters.Encoding
}

func (o *ListOptions) printer() *schema.Printer {
	if o == nil || o.Lang == nil {
		return schema.NewPrinter(schema.Chinese)
	}
	return schema.NewPrinter(*o.Lang)
}

func (o *ListOptions) encoding() matters.Encoding {
	if o == nil {
		return matters.UTF8
	}
	return o.Encoding
}

// listColumn is a column of a written list: its label (an English message
// key) and how a matter fills it.
type listColumn struct {
	label string
	cell  func(m *matters.Matter) string
}

var listColumns = []listColumn{
	{"code", func(m *matters.Matter) string { return string(m.Code) }},
	{"matter", func(m *matters.Matter) string { return m.Name }},
	{"type", func(m *matters.Matter) string { return m.Type.String() }},
	{"level", func(m *matters.Matter) string { return m.Level.String() }},
	{"implementing body", func(m *matters.Matter) string { return m.Body.Name }},
	{"promised limit", func(m *matters.Matter) string { return m.PromisedLimit.String() }},
	{"visits", func(m *matters.Matter) string {
		if m.Visits == nil {
			return ""
		}
		return strconv.Itoa(*m.Visits)
	}},
}

// labels returns the column labels in the printer's language.
func labels(p *schema.Printer) []string {
	out := make([]string, len(listColumns))
	for i, c := range listColumns {
		out[i] = p.Sprintf(c.label)
	}
	return out
}

// columnLabel keeps the labels in the message table: the scan that checks
// every message has every language finds them here.
var _ = []schema.Msg{
	schema.M("code"), schema.M("matter"), schema.M("type"), schema.M("level"),
	schema.M("implementing body"), schema.M("promised limit"), schema.M("visits"),
}

// Title returns the list's title as published: the unit's name and the
// list's (蓬溪县马上办清单).
func (s *Selection) Title() string { return s.Division.Name + s.List.Name }

// heading returns the facts under the title: the unit with its code, the
// as-of date, how many entries and how the list is grouped.
func (s *Selection) heading(p *schema.Printer) string {
	var facts []string
	if d := strings.TrimSpace(s.Division.Name + " " + s.Division.Code); d != "" {
		facts = append(facts, p.Sprintf("unit: %s", d))
	}
	if !s.AsOf.IsZero() {
		facts = append(facts, p.Sprintf("as of %s", s.AsOf.Format("2006-01-02")))
	}
	if s.List.bundles {
		facts = append(facts, p.Sprintf("%d bundles (%s)", s.Len(), s.List.Indicator))
	} else {
		facts = append(facts, p.Sprintf("%d matters (%s)", s.Len(), s.List.Indicator))
	}
	if s.GroupedBy != "" {
		facts = append(facts, p.Sprintf("by %s", s.GroupedBy))
	}
	return strings.Join(facts, p.Sprintf(" · "))
}

// WriteMarkdown writes the list as a Markdown document: its title with the
// unit, the as-of date and the count under it, then one table per group
// (batch, receiving level, department or bundle) with a 序号 (number)
// column that runs through the whole list, as published lists number
// their entries.
func (s *Selection) WriteMarkdown(w io.Writer, opts *ListOptions) error {
	p := opts.printer()
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n", mdCell(s.Title()), mdCell(s.heading(p)))
	cols := append([]string{p.Sprintf("no.")}, labels(p)...)
	header := "| " + strings.Join(cols, " | ") + " |\n|" + strings.Repeat("---|", len(cols)) + "\n"
	seq := 0
	for i, sec := range s.Sections {
		b.WriteByte('\n')
		switch {
		case sec.Bundle != nil:
			fmt.Fprintf(&b, "## %d. %s\n\n", i+1, mdCell(strings.TrimSpace(sec.Group+" "+sec.Bundle.Code)))
			if sec.Bundle.LeadBody != "" {
				b.WriteString(mdCell(p.Sprintf("lead department %s · %d matters", sec.Bundle.LeadBody, len(sec.Matters))) + "\n\n")
			}
			seq = 0 // a bundle's members are numbered within it
		case sec.Group != "":
			fmt.Fprintf(&b, "## %s (%d)\n\n", mdCell(sec.Group), len(sec.Matters))
		}
		b.WriteString(header)
		for _, m := range sec.Matters {
			seq++
			row := []string{strconv.Itoa(seq)}
			for _, c := range listColumns {
				row = append(row, mdCell(c.cell(m)))
			}
			b.WriteString("| " + strings.Join(row, " | ") + " |\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteCSV writes the list as a spreadsheet: a header row, then one row
// per matter with its 序号 (number) and group, in opts' encoding.
// Cells go through [matters.CSVCell], so that a spreadsheet never runs
// one as a formula.
func (s *Selection) WriteCSV(w io.Writer, opts *ListOptions) error {
	p := opts.printer()
	var b strings.Builder
	cw := csv.NewWriter(&b)
	cw.Write(append([]string{p.Sprintf("no."), p.Sprintf("group")}, labels(p)...))
	seq := 0
	for _, sec := range s.Sections {
		for _, m := range sec.Matters {
			seq++
			row := []string{strconv.Itoa(seq), matters.CSVCell(sec.Group)}
			for _, c := range listColumns {
				row = append(row, matters.CSVCell(c.cell(m)))
			}
			cw.Write(row)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("reform: %w", err)
	}
	out := b.String()
	switch opts.encoding() {
	case matters.UTF8BOM:
		out = "\uFEFF" + out
	case matters.GB18030:
		enc, err := simplifiedchinese.GB18030.NewEncoder().String(out)
		if err != nil {
			return fmt.Errorf("reform: %w", err)
		}
		out = enc
	}
	_, err := io.WriteString(w, out)
	return err
}

// WriteJSON writes the list for programs: name, unit, as-of date,
// indicator, count and the sections with their numbered matters. Keys are
// English; values are as the catalogue holds them.
func (s *Selection) WriteJSON(w io.Writer) error {
	type matter struct {
		Seq           int    `json:"seq"`
		Code          string `json:"code"`
		Name          string `json:"name"`
		Type          string `json:"type,omitempty"`
		Level         string `json:"level,omitempty"`
		Body          string `json:"body,omitempty"`
		PromisedLimit string `json:"promisedLimit,omitempty"`
		Visits        *int   `json:"visits,omitempty"`
	}
	type section struct {
		Group   string   `json:"group,omitempty"`
		Bundle  string   `json:"bundle,omitempty"`
		Matters []matter `json:"matters"`
	}
	out := struct {
		List      string    `json:"list"`
		Division  string    `json:"division"`
		AsOf      string    `json:"asOf,omitempty"`
		Indicator Indicator `json:"indicator"`
		GroupedBy string    `json:"groupedBy,omitempty"`
		Count     int       `json:"count"`
		Sections  []section `json:"sections"`
	}{List: s.List.Name, Division: strings.TrimSpace(s.Division.Code + " " + s.Division.Name), Indicator: s.List.Indicator,
		GroupedBy: s.GroupedBy, Count: s.Len(), Sections: []section{}}
	if !s.AsOf.IsZero() {
		out.AsOf = s.AsOf.Format("2006-01-02")
	}
	seq := 0
	for _, sec := range s.Sections {
		js := section{Group: sec.Group, Matters: []matter{}}
		if sec.Bundle != nil {
			js.Bundle = sec.Bundle.Code
			seq = 0
		}
		for _, m := range sec.Matters {
			seq++
			js.Matters = append(js.Matters, matter{Seq: seq, Code: string(m.Code), Name: m.Name, Type: m.Type.String(), Level: m.Level.String(),
				Body: m.Body.Name, PromisedLimit: m.PromisedLimit.String(), Visits: m.Visits})
		}
		out.Sections = append(out.Sections, js)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// ByBody returns the list grouped by department (实施主体) instead: one
// section per implementing body, in the order the bodies first appear,
// each keeping the list's order. A list of bundles is returned as it is.
func (s *Selection) ByBody() *Selection {
	if s.List.bundles {
		return s
	}
	out := *s
	out.GroupedBy = "实施主体"
	out.Sections = []Section{}
	index := map[string]int{}
	for _, sec := range s.Sections {
		for _, m := range sec.Matters {
			i, ok := index[m.Body.Name]
			if !ok {
				i = len(out.Sections)
				index[m.Body.Name] = i
				out.Sections = append(out.Sections, Section{Group: m.Body.Name})
			}
			out.Sections[i].Matters = append(out.Sections[i].Matters, m)
		}
	}
	for i := range out.Sections {
		out.Sections[i].Matters = slices.Clip(out.Sections[i].Matters)
	}
	return &out
}

// mdCell escapes text for Markdown, on one line, carrying no markup from
// the data ([schema.Markdown]).
func mdCell(s string) string { return schema.Markdown(strings.Join(strings.Fields(s), " ")) }
