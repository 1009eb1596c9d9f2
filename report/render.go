package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/zwfw/zwfw/reform"
	"github.com/zwfw/zwfw/schema"
)

// RenderOptions chooses what a rendering adds to what the bulletin
// reports. A nil *RenderOptions is the zero RenderOptions.
type RenderOptions struct {
	// CompletionRate adds the ratio of completed to accepted cases
	// (办结受理比, [Efficiency.Rate], rounded half up to two decimals) to
	// 效能监察. It is computed, never read from the document, and is not
	// printed as 办结率: a month completes cases accepted earlier, so the
	// ratio is not a completion rate.
	CompletionRate bool
	// History holds bulletins of other months (any order). With it, the
	// Markdown and HTML renderings add the month-over-month part: each
	// figure followed across the months (see [Trends]), with the change
	// from last month and from a year before.
	History []*Bulletin
	// Targets are drawn against the indicator figures of the same name in
	// the HTML's month-over-month charts.
	Targets []reform.Target
	// Lang is the language of what the renderings add to the bulletin's
	// own text — chart captions, the month-over-month table; nil means
	// Chinese, as bulletins are published.
	Lang *schema.Lang
}

// Render writes the bulletin in format f:
//
//   - [Text]: the seed's own layout — sections numbered 一、二、…, (一)(二),
//     one line per paragraph, the figures written into the sentences;
//   - [Markdown]: the same text with headings, and tables for visits,
//     submissions and leave;
//   - [JSON]: a view for programs — the rendered sections, every reported
//     figure with its address, and the derived figures, kept apart;
//   - [DOCX]: a Word document in the layout of GB/T 9704-2012, the way
//     bulletins go out (see the package documentation);
//   - [HTML]: one self-contained page, readable and printable, with the
//     figures people would rather look at drawn as inline SVG charts.
//
// Totals the document does not state (visits, leave) are computed from
// their parts; a stated total is written as stated (a mismatch is a
// problem [Bulletin.Validate] reports, not something rendering hides). Render
// fails when a text cannot be filled, which [Parse] reports beforehand.
func (b *Bulletin) Render(w io.Writer, f Format, opts *RenderOptions) error {
	var o RenderOptions
	if opts != nil {
		o = *opts
	}
	v, err := b.view(o)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	switch f {
	case Text:
		v.text(bw)
	case Markdown:
		v.markdown(bw)
	case JSON:
		if err := v.json(bw); err != nil {
			return err
		}
	case DOCX:
		if err := v.docx(bw); err != nil {
			return err
		}
	case HTML:
		if err := v.html(bw); err != nil {
			return err
		}
	default:
		return fmt.Errorf("report: unknown format %d", f)
	}
	return bw.Flush()
}

// view is a bulletin with its texts filled in, the common ground of the
// three renderings.
type view struct {
	top      map[string]bool // the keys of the top-level sections
	b        *Bulletin
	opts     RenderOptions
	updates  []updateView
	sections []sectionView
}

type updateView struct {
	headline, lead string
	measures       []measureView
}

type measureView struct {
	ordinal, heading, text string
}

// sectionView is one numbered section or subsection: its paragraphs in
// the seed's layout, and for Markdown optional tables.
type sectionView struct {
	key   string // updates, visits, submissions, attendance, leave, clock, efficiency, or a section's own
	title string
	paras []string
	subs  []sectionView
	// For Markdown: the sentence before the table, and a table in place
	// of the entries the text runs into the paragraph.
	lead  string
	table *Table
}

// paragraph writes an update the way the seed does: headline, lead, then
// 一是…二是… in one run.
func (u updateView) paragraph() string {
	var s strings.Builder
	s.WriteString(u.headline)
	s.WriteString(u.lead)
	for _, m := range u.measures {
		s.WriteString(m.ordinal + "是")
		if m.heading != "" {
			s.WriteString(m.heading + "。")
		}
		s.WriteString(m.text)
	}
	return s.String()
}

func (b *Bulletin) view(o RenderOptions) (*view, error) {
	v := &view{b: b, opts: o}
	year := b.Period.Year
	for i := range b.Updates {
		u := &b.Updates[i]
		p := schema.Root.Key("updates").Index(i)
		fill := func(field string, tmpl string, figs []Figure) (string, error) {
			s, err := expand(tmpl, func(name string) (string, bool) {
				for _, f := range figs {
					if f.Name == name {
						return f.text(year), true
					}
				}
				return "", false
			})
			if err != nil {
				return "", fmt.Errorf("report: %s: %w", field, err)
			}
			return s, nil
		}
		var uv updateView
		var err error
		if uv.headline, err = fill(p.Key("headline").String(), u.Headline, u.Figures); err != nil {
			return nil, err
		}
		if uv.lead, err = fill(p.Key("lead").String(), u.Lead, u.Figures); err != nil {
			return nil, err
		}
		for j := range u.Measures {
			m := &u.Measures[j]
			mp := p.Key("measures").Index(j)
			mv := measureView{ordinal: chineseNumber(j + 1)}
			if mv.heading, err = fill(mp.Key("heading").String(), m.Heading, m.Figures); err != nil {
				return nil, err
			}
			if mv.text, err = fill(mp.Key("text").String(), m.Text, m.Figures); err != nil {
				return nil, err
			}
			uv.measures = append(uv.measures, mv)
		}
		v.updates = append(v.updates, uv)
	}

	if err := v.build(); err != nil {
		return nil, err
	}
	return v, nil
}

// visitTotal is the stated total of visits, or the sum when none is
// stated.
func (v *view) visitTotal() int64 {
	if t := v.b.Visits.Total; t != nil {
		return *t
	}
	return v.b.Visits.Sum()
}

// leaveTotal is the stated total of leave, or the sum when none is stated.
func (v *view) leaveTotal() int64 {
	if t := v.b.Attendance.Leave.Total; t != nil {
		return *t
	}
	return v.b.Attendance.Leave.Sum()
}

func (v *view) text(w *bufio.Writer) {
	if m := v.b.Masthead; m != nil {
		for _, l := range v.mastheadLines() {
			w.WriteString(txt(l) + "\n")
		}
	}
	for i, s := range v.sections {
		fmt.Fprintf(w, "%s、%s\n", chineseNumber(i+1), txt(s.title))
		for _, p := range s.paras {
			w.WriteString(txt(p) + "\n")
		}
		for j, sub := range s.subs {
			fmt.Fprintf(w, "(%s)%s\n", chineseNumber(j+1), txt(sub.title))
			for _, p := range sub.paras {
				w.WriteString(txt(p) + "\n")
			}
		}
	}
	for i, a := range v.b.Attachments {
		if i == 0 {
			w.WriteString("附件:")
		}
		fmt.Fprintf(w, "%d.%s\n", i+1, txt(a.Title))
	}
	for i, a := range v.b.Attachments {
		if a.Table == nil {
			continue
		}
		fmt.Fprintf(w, "附件%d\n%s\n", i+1, txt(a.Title))
		w.WriteString(txtRow(a.Table.Columns) + "\n")
		for _, r := range a.Table.Rows {
			w.WriteString(txtRow(r) + "\n")
		}
	}
	if m := v.b.Masthead; m != nil {
		for _, l := range m.distributionLines() {
			w.WriteString(txt(l) + "\n")
		}
	}
}

// mastheadLines are the head of the bulletin: title, issue, then issuer
// and date.
func (v *view) mastheadLines() []string {
	m := v.b.Masthead
	title := firstOf(m.Title, v.b.Title, "工作简报")
	lines := []string{title}
	if s := m.issueLine(); s != "" {
		lines = append(lines, s)
	}
	foot := firstOf(m.Issuer, v.b.Issuer)
	if !m.Date.IsZero() {
		d := strconv.Itoa(m.Date.Year()) + "年" + strconv.Itoa(int(m.Date.Month())) + "月" + strconv.Itoa(m.Date.Day()) + "日"
		if foot != "" {
			foot += "　"
		}
		foot += d
	}
	if foot != "" {
		lines = append(lines, foot)
	}
	return lines
}

// distributionLines are 报:…, 送:…, 发:… in that order.
func (m *Masthead) distributionLines() []string {
	var out []string
	for _, k := range AllDistributionKinds() {
		for _, d := range m.Distribution {
			if d.Kind == k {
				out = append(out, k+":"+strings.Join(d.To, "、"))
			}
		}
	}
	return out
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// numeric reports whether column i holds numbers (or nothing), which
// Markdown aligns right.
func (t *Table) numeric(i int) bool {
	any := false
	for _, r := range t.Rows {
		if i >= len(r) || r[i] == "" {
			continue
		}
		if _, err := ParseDecimal(r[i]); err != nil {
			return false
		}
		any = true
	}
	return any
}

func (v *view) mdTable(w *bufio.Writer, t *Table) {
	w.WriteString("\n|")
	for _, c := range t.Columns {
		w.WriteString(" " + md(c) + " |")
	}
	w.WriteString("\n|")
	for i := range t.Columns {
		if t.numeric(i) {
			w.WriteString(" ---: |")
		} else {
			w.WriteString(" --- |")
		}
	}
	w.WriteString("\n")
	for _, r := range t.Rows {
		w.WriteString("|")
		for i := range t.Columns {
			c := ""
			if i < len(r) {
				c = r[i]
			}
			if c == "" {
				w.WriteString(" |")
				continue
			}
			w.WriteString(" " + md(c) + " |")
		}
		w.WriteString("\n")
	}
}

// txt is text from the document in a line of text output: control
// characters written visibly, so that a name cannot add lines or drive a
// terminal.
func txt(s string) string { return schema.Printable(s) }

// txtRow is a table row of text output: cells joined by tabs, a tab or
// line break inside a cell written visibly.
func txtRow(cells []string) string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = txt(c)
	}
	return strings.Join(out, "\t")
}

// mdEscaper escapes Markdown's inline syntax with a backslash and HTML's
// markup characters as entities: no <script> or other tag from the data
// reaches a page.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `&lt;`, ">", `&gt;`, "&", `&amp;`, "|", `\|`, "~", `\~`, "#", `\#`,
)

func md(s string) string { return mdEscaper.Replace(schema.Printable(s)) }

// title is the bulletin's title with its month: 工作简报(2021年4月).
func (v *view) title() string {
	title := v.b.Title
	if title == "" {
		title = "工作简报"
	}
	return title + "(" + v.b.Period.Chinese() + ")"
}

func (v *view) markdown(w *bufio.Writer) {
	b := v.b
	title := b.Title
	if title == "" {
		title = "工作简报"
	}
	if m := b.Masthead; m != nil {
		lines := v.mastheadLines()
		fmt.Fprintf(w, "# %s(%s)\n", md(lines[0]), b.Period.Chinese())
		for _, l := range lines[1:] {
			fmt.Fprintf(w, "\n%s\n", md(l))
		}
	} else {
		fmt.Fprintf(w, "# %s(%s)\n\n%s\n", md(title), b.Period.Chinese(), md(b.Issuer))
	}
	for i, s := range v.sections {
		fmt.Fprintf(w, "\n## %s、%s\n", chineseNumber(i+1), md(s.title))
		if s.key == KeyUpdates {
			for _, u := range v.updates {
				fmt.Fprintf(w, "\n### %s\n", md(u.headline))
				if u.lead != "" {
					fmt.Fprintf(w, "\n%s\n", md(u.lead))
				}
				for _, m := range u.measures {
					if m.heading != "" {
						fmt.Fprintf(w, "\n%s是**%s**。%s\n", m.ordinal, md(m.heading), md(m.text))
					} else {
						fmt.Fprintf(w, "\n%s是%s\n", m.ordinal, md(m.text))
					}
				}
			}
			continue
		}
		v.mdSection(w, s)
		for j, sub := range s.subs {
			fmt.Fprintf(w, "\n### (%s)%s\n", chineseNumber(j+1), md(sub.title))
			v.mdSection(w, sub)
		}
	}
	if len(b.Attachments) > 0 {
		w.WriteString("\n## 附件\n\n")
		for i, a := range b.Attachments {
			fmt.Fprintf(w, "%d. %s\n", i+1, md(a.Title))
		}
		for i, a := range b.Attachments {
			if a.Table != nil {
				fmt.Fprintf(w, "\n### 附件%d %s\n", i+1, md(a.Title))
				v.mdTable(w, a.Table)
			}
		}
	}
	if len(v.opts.History) > 0 {
		v.trendMarkdown(w)
	}
	if m := b.Masthead; m != nil {
		if lines := m.distributionLines(); len(lines) > 0 {
			w.WriteString("\n---\n")
			for _, l := range lines {
				fmt.Fprintf(w, "\n%s\n", md(l))
			}
		}
	}
}

// mdSection writes a section's body: the lead and a table where it has
// one, else its paragraphs.
func (v *view) mdSection(w *bufio.Writer, s sectionView) {
	if s.table != nil {
		if s.lead != "" {
			fmt.Fprintf(w, "\n%s\n", md(s.lead))
		}
		v.mdTable(w, s.table)
		return
	}
	for _, p := range s.paras {
		fmt.Fprintf(w, "\n%s\n", md(p))
	}
}

// trendMarkdown writes the month-over-month table: every followed figure,
// its value this month, last month and a year before with the changes,
// and its course over all the months given.
func (v *view) trendMarkdown(w *bufio.Writer) {
	p := v.printer()
	cur := v.b.Period
	series := Trends(append(append([]*Bulletin{}, v.opts.History...), v.b)...)
	fmt.Fprintf(w, "\n## %s\n\n", md(p.Sprintf("Month over month")))
	fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |\n",
		p.Sprintf("figure"), cur.Chinese(), p.Sprintf("last month"), p.Sprintf("change on last month"),
		p.Sprintf("a year before"), p.Sprintf("change on a year before"), p.Sprintf("course"))
	for i := range series {
		sr := &series[i]
		now, ok := sr.At(cur)
		if !ok {
			continue
		}
		row := []string{md(sr.Label), withUnit(now, sr.Unit)}
		for _, then := range []Period{cur.Prev(), cur.YearBefore()} {
			if c, ok := sr.Change(then, cur); ok {
				row = append(row, withUnit(c.Then, sr.Unit), md(changeText(c, sr.Unit, p)))
			} else {
				row = append(row, "—", "—")
			}
		}
		var course []string
		for _, pt := range sr.Points {
			course = append(course, pt.Value.String())
		}
		row = append(row, strings.Join(course, " → "))
		fmt.Fprintf(w, "| %s |\n", strings.Join(row, " | "))
	}
}

// jsonView is the JSON rendering: what a program needs to show or check a
// bulletin without parsing sentences.
type jsonView struct {
	Period      string        `json:"period"`
	Issuer      string        `json:"issuer"`
	Title       string        `json:"title,omitempty"`
	Sections    []jsonSection `json:"sections"`
	Attachments []string      `json:"attachments,omitempty"`
	// Masthead is the head and distribution lines, when the bulletin
	// has them.
	Masthead *jsonMasthead `json:"masthead,omitempty"`
	// Tables are the attachments' tables, by attachment number.
	Tables []jsonTable `json:"tables,omitempty"`
	// Reported are the figures as the bulletin states them.
	Reported []jsonFigure `json:"reported"`
	// Derived are computed from the reported data, never read.
	Derived []jsonDerived `json:"derived"`
}

type jsonMasthead struct {
	Lines        []string `json:"lines"`
	Distribution []string `json:"distribution,omitempty"`
}

type jsonTable struct {
	Attachment int        `json:"attachment"`
	Title      string     `json:"title"`
	Columns    []string   `json:"columns"`
	Rows       [][]string `json:"rows"`
}

type jsonSection struct {
	Number     string        `json:"number"`
	Title      string        `json:"title"`
	Paragraphs []string      `json:"paragraphs,omitempty"`
	Sections   []jsonSection `json:"sections,omitempty"`
}

type jsonFigure struct {
	Path    string          `json:"path"`
	Unit    string          `json:"unit"`
	Mode    string          `json:"mode,omitempty"`
	Measure string          `json:"measure,omitempty"`
	Name    string          `json:"name"`
	Text    string          `json:"text"`
	Figure  json.RawMessage `json:"figure"`
}

type jsonDerived struct {
	Name  string  `json:"name"`
	Label string  `json:"label"`
	Path  string  `json:"path"` // what it is derived from
	Value Decimal `json:"value"`
	Unit  string  `json:"unit"`
	Num   *int64  `json:"numerator,omitempty"`
	Den   *int64  `json:"denominator,omitempty"`
}

func (v *view) json(w *bufio.Writer) error {
	b := v.b
	jv := jsonView{Period: b.Period.String(), Issuer: b.Issuer, Title: b.Title,
		Sections: []jsonSection{}, Reported: []jsonFigure{}, Derived: []jsonDerived{}}
	for i, s := range v.sections {
		js := jsonSection{Number: chineseNumber(i + 1), Title: s.title, Paragraphs: s.paras}
		for j, sub := range s.subs {
			js.Sections = append(js.Sections, jsonSection{Number: "(" + chineseNumber(j+1) + ")", Title: sub.title, Paragraphs: sub.paras})
		}
		jv.Sections = append(jv.Sections, js)
	}
	for i, a := range b.Attachments {
		jv.Attachments = append(jv.Attachments, a.Title)
		if a.Table != nil {
			jv.Tables = append(jv.Tables, jsonTable{Attachment: i + 1, Title: a.Title, Columns: a.Table.Columns, Rows: a.Table.Rows})
		}
	}
	if m := b.Masthead; m != nil {
		jv.Masthead = &jsonMasthead{Lines: v.mastheadLines(), Distribution: m.distributionLines()}
	}
	for r := range b.Figures() {
		raw, _ := r.Figure.node().MarshalJSON()
		jv.Reported = append(jv.Reported, jsonFigure{Path: r.Path.String(), Unit: r.Addr.Unit, Mode: r.Addr.Mode,
			Measure: r.Addr.Measure, Name: r.Addr.Name, Text: r.Figure.text(b.Period.Year), Figure: raw})
	}
	if vs := b.Visits; vs != nil {
		jv.Derived = append(jv.Derived, jsonDerived{Name: "visitTotal", Label: "调研合计", Path: "/visits/entries",
			Value: DecimalOf(vs.Sum()), Unit: "人次"})
	}
	if a := b.Attendance; a != nil && a.Leave != nil {
		jv.Derived = append(jv.Derived, jsonDerived{Name: "leaveTotal", Label: "请假合计", Path: "/attendance/leave/kinds",
			Value: DecimalOf(a.Leave.Sum()), Unit: "人次"})
	}
	if e := b.Efficiency; e != nil && v.opts.CompletionRate {
		if r, ok := e.Rate().Percent(2); ok {
			num, den := e.Completed, e.Accepted
			jv.Derived = append(jv.Derived, jsonDerived{Name: "completedPerAccepted", Label: "办结受理比", Path: "/efficiency",
				Value: r, Unit: "%", Num: &num, Den: &den})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(jv); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}
