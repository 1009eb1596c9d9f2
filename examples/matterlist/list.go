package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/workbook"
	"github.com/zwfw/zwfw/reform"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// listFormats are the formats a published list is written in, by -format
// name.
var listFormats = map[string]func(io.Writer, *matters.Catalogue, *reform.Selection, *options) error{
	"markdown": writeListMarkdown,
	"csv":      writeListCSV,
	"xlsx":     writeListXLSX,
	"json":     writeListJSON,
}

// listNames returns the names of the lists -list accepts.
func listNames() string {
	var names []string
	for _, l := range reform.MatterLists() {
		names = append(names, l.Name)
	}
	return strings.Join(names, ", ")
}

// listColumns are the columns of a list's rows.
var listColumns = []string{"分组", "事项编码", "事项名称", "事项类型", "行使层级", "实施主体", "承诺时限", "跑动次数"}

func listRow(group string, m *matters.Matter) []string {
	visits := ""
	if m.Visits != nil {
		visits = fmt.Sprint(*m.Visits)
	}
	return []string{group, m.Code, m.Name, m.Type.String(), m.Level.String(), m.Body.Name, m.PromisedLimit.String(), visits}
}

// entries says what a list counts: bundles or matters.
func entries(sel *reform.Selection) string {
	if sel.List.Indicator == reform.BundleCount {
		return "bundles"
	}
	return "matters"
}

func writeListMarkdown(w io.Writer, c *matters.Catalogue, sel *reform.Selection, _ *options) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", cell(sel.List.Name))
	facts := []string{strings.TrimSpace(c.Division.Name + " " + c.Division.Code)}
	if !c.AsOf.IsZero() {
		facts = append(facts, "as of "+c.AsOf.Format("2006-01-02"))
	}
	facts = append(facts, fmt.Sprintf("%d %s (%s)", sel.Len(), entries(sel), sel.List.Indicator))
	if sel.List.GroupedBy != "" {
		facts = append(facts, "by "+sel.List.GroupedBy)
	}
	b.WriteString(cell(strings.Join(facts, " · ")) + "\n")
	header := "| " + strings.Join(listColumns[1:], " | ") + " |\n|" + strings.Repeat("---|", len(listColumns)-1) + "\n"
	for _, s := range sel.Sections {
		b.WriteByte('\n')
		switch {
		case s.Bundle != nil:
			fmt.Fprintf(&b, "## %s\n\n", cell(strings.TrimSpace(s.Group+" "+s.Bundle.Code)))
			if s.Bundle.LeadBody != "" {
				fmt.Fprintf(&b, "牵头部门 %s · %d matters\n\n", cell(s.Bundle.LeadBody), len(s.Matters))
			}
		case s.Group != "":
			fmt.Fprintf(&b, "## %s (%d)\n\n", cell(s.Group), len(s.Matters))
		}
		b.WriteString(header)
		for _, m := range s.Matters {
			row := listRow("", m)[1:]
			for i := range row {
				row[i] = cell(row[i])
			}
			b.WriteString("| " + strings.Join(row, " | ") + " |\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeListCSV(w io.Writer, _ *matters.Catalogue, sel *reform.Selection, o *options) error {
	var b strings.Builder
	cw := csv.NewWriter(&b)
	cw.Write(listColumns)
	for _, s := range sel.Sections {
		for _, m := range s.Matters {
			row := listRow(s.Group, m)
			for k := range row {
				row[k] = matters.CSVCell(row[k]) // shown, never run
			}
			cw.Write(row)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	out := b.String()
	switch o.encoding {
	case matters.UTF8BOM:
		out = "\uFEFF" + out
	case matters.GB18030:
		enc, err := simplifiedchinese.GB18030.NewEncoder().String(out)
		if err != nil {
			return err
		}
		out = enc
	}
	_, err := io.WriteString(w, out)
	return err
}

func writeListJSON(w io.Writer, c *matters.Catalogue, sel *reform.Selection, _ *options) error {
	type matter struct {
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
		List      string           `json:"list"`
		Division  string           `json:"division"`
		Indicator reform.Indicator `json:"indicator"`
		GroupedBy string           `json:"groupedBy,omitempty"`
		Count     int              `json:"count"`
		Sections  []section        `json:"sections"`
	}{List: sel.List.Name, Division: strings.TrimSpace(c.Division.Code + " " + c.Division.Name), Indicator: sel.List.Indicator,
		GroupedBy: sel.List.GroupedBy, Count: sel.Len(), Sections: []section{}}
	for _, s := range sel.Sections {
		sec := section{Group: s.Group, Matters: []matter{}}
		if s.Bundle != nil {
			sec.Bundle = s.Bundle.Code
		}
		for _, m := range s.Matters {
			sec.Matters = append(sec.Matters, matter{Code: m.Code, Name: m.Name, Type: m.Type.String(), Level: m.Level.String(),
				Body: m.Body.Name, PromisedLimit: m.PromisedLimit.String(), Visits: m.Visits})
		}
		out.Sections = append(out.Sections, sec)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// writeListXLSX writes the list as a workbook with a 序号 column.
func writeListXLSX(w io.Writer, _ *matters.Catalogue, sel *reform.Selection, o *options) error {
	var rows [][]string
	for _, s := range sel.Sections {
		for _, m := range s.Matters {
			rows = append(rows, listRow(s.Group, m))
		}
	}
	return workbook.WriteList(w, o.list, listColumns, rows)
}
