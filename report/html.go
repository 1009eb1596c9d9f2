package report

import (
	"bufio"
	"fmt"
	"html"
	"html/template"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/zwfw/zwfw/reform"
	"github.com/zwfw/zwfw/schema"
)

// html writes the bulletin as one self-contained page: no script, no
// request to any other address, styles inline, charts as inline SVG
// written here. It prints on A4 in the bulletin's order.
func (v *view) html(w *bufio.Writer) error {
	p := v.printer()
	page := htmlPage{
		Lang:     "zh-CN",
		Title:    v.title(),
		Masthead: v.b.Title,
		Issuer:   v.b.Issuer,
		Period:   v.b.Period.Chinese(),
	}
	if m := v.b.Masthead; m != nil {
		page.Masthead = firstOf(m.Title, v.b.Title)
		page.Number = m.issueLine()
		page.Issuer = firstOf(m.Issuer, v.b.Issuer)
		if !m.Date.IsZero() {
			page.Period = fmt.Sprintf("%d年%d月%d日", m.Date.Year(), int(m.Date.Month()), m.Date.Day())
		}
		page.Distribution = m.distributionLines()
	}
	if page.Masthead == "" {
		page.Masthead = "工作简报"
	}
	for i, s := range v.sections {
		hs := htmlSection{Heading: chineseNumber(i+1) + "、" + s.title, Paras: s.paras}
		for j, sub := range s.subs {
			hsub := htmlSection{Heading: "(" + chineseNumber(j+1) + ")" + sub.title, Paras: sub.paras}
			if sub.key == "leave" {
				hsub.Charts = append(hsub.Charts, v.leaveChart(p))
			}
			hs.Subs = append(hs.Subs, hsub)
		}
		switch s.key {
		case "visits":
			hs.Charts = append(hs.Charts, v.visitsChart(p))
		case "efficiency":
			hs.Charts = append(hs.Charts, v.efficiencyChart(p))
			if c, ok := v.departmentChart(p); ok {
				hs.Charts = append(hs.Charts, c)
			}
		}
		page.Sections = append(page.Sections, hs)
	}
	for i, a := range v.b.Attachments {
		page.Attachments = append(page.Attachments, fmt.Sprintf("%d.%s", i+1, a.Title))
		if a.Table != nil {
			page.Tables = append(page.Tables, htmlTable{Label: fmt.Sprintf("附件%d", i+1), Title: a.Title, Table: a.Table})
		}
	}
	if len(v.opts.History) > 0 {
		page.Trend = v.trendHTML(p)
	}
	if err := htmlTemplate.Execute(w, page); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

func (v *view) printer() *schema.Printer {
	if v.opts.Lang == nil {
		return schema.NewPrinter(schema.Chinese)
	}
	return schema.NewPrinter(*v.opts.Lang)
}

type htmlPage struct {
	Lang, Title, Masthead, Number, Issuer, Period string
	Sections                                      []htmlSection
	Attachments                                   []string
	Tables                                        []htmlTable
	Distribution                                  []string
	Trend                                         template.HTML
}

// htmlTable is an attachment's table.
type htmlTable struct {
	Label, Title string
	Table        *Table
}

type htmlSection struct {
	Heading string
	Paras   []string
	Charts  []template.HTML
	Subs    []htmlSection
}

var htmlTemplate = template.Must(template.New("bulletin").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { max-width: 156mm; margin: 2em auto; padding: 0 1em; color: #000; background: #fff;
  font: 16pt/1.8 "FangSong", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif; }
.masthead { text-align: center; color: #d00; font: bold 36pt/1.4 "方正小标宋简体", "Noto Serif CJK SC", serif; letter-spacing: .2em; margin: 0; }
.byline { display: flex; justify-content: space-between; border-bottom: 3px solid #d00; padding: 0 1em .3em; margin-bottom: 1em; }
h1 { text-align: center; font: 22pt/1.6 "方正小标宋简体", "Noto Serif CJK SC", serif; margin: .5em 0; }
h2 { font: 16pt/1.8 "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; margin: .8em 0 0; text-indent: 2em; }
h3 { font: 16pt/1.8 "KaiTi", "楷体_GB2312", "STKaiti", "Noto Serif CJK SC", serif; margin: .4em 0 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
figure { margin: .6em 0 .8em; page-break-inside: avoid; break-inside: avoid; }
figcaption { font-size: 12pt; text-align: center; color: #333; }
svg { display: block; margin: 0 auto; max-width: 100%; height: auto; font-family: "Noto Sans CJK SC", sans-serif; }
.number { text-align: center; text-indent: 0; }
.attachment { page-break-before: always; } .attachment h2 { text-indent: 0; }
.distribution { margin-top: 2em; border-top: 1px solid #000; border-bottom: 1px solid #000; font-size: 14pt; }
.distribution p { text-indent: 0; padding: 0 1em; }
.attachments p { text-indent: 0; } .attachments p.more { padding-left: 3em; }
table { border-collapse: collapse; width: 100%; font-size: 11pt; line-height: 1.4; margin: .5em 0; }
th, td { border: 1px solid #999; padding: .15em .4em; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.up { color: #b00; } .down { color: #060; }
@media print { body { margin: 0; max-width: none; } .trend { page-break-before: always; } }
</style>
</head>
<body>
<header>
<p class="masthead">{{.Masthead}}</p>
{{if .Number}}<p class="number">{{.Number}}</p>
{{end}}<div class="byline"><span>{{.Issuer}}</span><span>{{.Period}}</span></div>
</header>
<h1>{{.Title}}</h1>
{{range .Sections}}<section>
<h2>{{.Heading}}</h2>
{{range .Paras}}<p>{{.}}</p>
{{end}}{{range .Subs}}<h3>{{.Heading}}</h3>
{{range .Paras}}<p>{{.}}</p>
{{end}}{{range .Charts}}{{.}}
{{end}}{{end}}{{range .Charts}}{{.}}
{{end}}</section>
{{end}}{{if .Attachments}}<section class="attachments">
{{range $i, $a := .Attachments}}<p{{if ne $i 0}} class="more"{{end}}>{{if eq $i 0}}附件:{{end}}{{$a}}</p>
{{end}}</section>
{{end}}{{range .Tables}}<section class="attachment">
<h2>{{.Label}}</h2>
<h1>{{.Title}}</h1>
<table><thead><tr>{{range .Table.Columns}}<th>{{.}}</th>{{end}}</tr></thead><tbody>
{{range .Table.Rows}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody></table>
</section>
{{end}}{{.Trend}}{{if .Distribution}}<footer class="distribution">
{{range .Distribution}}<p>{{.}}</p>
{{end}}</footer>
{{end}}
</body>
</html>
`))

// bar is one bar of a chart.
type bar struct {
	label string
	value float64
	text  string // the value as written
	color string
}

const (
	chartBlue  = "#2f6db5"
	chartGreen = "#3a8f4b"
	chartRed   = "#c33"
	chartGrey  = "#999"
)

// barChart draws horizontal bars with their labels and values.
func barChart(caption string, bars []bar) template.HTML {
	const (
		width   = 560
		labelW  = 200
		valueW  = 120
		barH    = 18
		gap     = 8
		padding = 6
	)
	maxV := 0.0
	for _, b := range bars {
		maxV = math.Max(maxV, b.value)
	}
	height := padding*2 + len(bars)*(barH+gap)
	var s strings.Builder
	fmt.Fprintf(&s, `<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s">`,
		width, height, width, height, html.EscapeString(caption))
	for i, b := range bars {
		y := padding + i*(barH+gap)
		w := 0.0
		if maxV > 0 {
			w = b.value / maxV * float64(width-labelW-valueW)
		}
		color := b.color
		if color == "" {
			color = chartBlue
		}
		fmt.Fprintf(&s, `<text x="%d" y="%d" font-size="13" text-anchor="end">%s</text>`, labelW-6, y+barH-4, html.EscapeString(b.label))
		fmt.Fprintf(&s, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>`, labelW, y, w, barH, color)
		fmt.Fprintf(&s, `<text x="%.1f" y="%d" font-size="13">%s</text>`, float64(labelW)+w+4, y+barH-4, html.EscapeString(b.text))
	}
	fmt.Fprintf(&s, `</svg><figcaption>%s</figcaption></figure>`, html.EscapeString(caption))
	return template.HTML(s.String())
}

func (v *view) leaveChart(p *schema.Printer) template.HTML {
	l := v.b.Attendance.Leave
	var bars []bar
	for _, k := range l.Kinds {
		bars = append(bars, bar{label: k.Kind, value: float64(k.Count), text: p.Sprintf("%d person-times", k.Count)})
	}
	return barChart(p.Sprintf("Leave by kind, %s (total %d person-times)", v.b.Period.Chinese(), v.leaveTotal()), bars)
}

func (v *view) visitsChart(p *schema.Printer) template.HTML {
	var bars []bar
	for _, e := range v.b.Visits.Entries {
		bars = append(bars, bar{label: e.Department + e.Name, value: float64(e.Count), text: p.Sprintf("%d times", e.Count)})
	}
	return barChart(p.Sprintf("Visits by department, %s (total %d person-times)", v.b.Period.Chinese(), v.visitTotal()), bars)
}

func (v *view) efficiencyChart(p *schema.Printer) template.HTML {
	e := v.b.Efficiency
	bars := []bar{
		{label: p.Sprintf("accepted"), value: float64(e.Accepted), text: p.Sprintf("%d cases", e.Accepted), color: chartBlue},
		{label: p.Sprintf("completed"), value: float64(e.Completed), text: p.Sprintf("%d cases", e.Completed), color: chartGreen},
	}
	caption := p.Sprintf("Cases accepted and completed, %s", e.Place)
	if r, ok := e.Rate().Percent(2); ok {
		caption += p.Sprintf(" (completion rate %s%%, computed)", r)
	}
	return barChart(caption, bars)
}

// departmentChart draws cases accepted and completed by department from
// an attachment table that has a column of each (受理…, 办结…), as the
// platform's statistics table (附件1) has: a pair of bars a department,
// totals (合计) left out.
func (v *view) departmentChart(p *schema.Printer) (template.HTML, bool) {
	for _, a := range v.b.Attachments {
		t := a.Table
		if t == nil {
			continue
		}
		acc, done := -1, -1
		for i, c := range t.Columns {
			switch {
			case acc < 0 && strings.Contains(c, "受理"):
				acc = i
			case done < 0 && strings.Contains(c, "办结") && !strings.Contains(c, "率"):
				done = i
			}
		}
		if acc <= 0 || done <= 0 {
			continue
		}
		var bars []bar
		for _, r := range t.Rows {
			if len(r) <= max(acc, done) || strings.Contains(r[0], "合计") || strings.Contains(r[0], "总计") {
				continue
			}
			na, err1 := strconv.ParseInt(strings.TrimSpace(r[acc]), 10, 64)
			nd, err2 := strconv.ParseInt(strings.TrimSpace(r[done]), 10, 64)
			if err1 != nil || err2 != nil {
				continue
			}
			bars = append(bars,
				bar{label: r[0] + " " + p.Sprintf("accepted"), value: float64(na), text: p.Sprintf("%d cases", na), color: chartBlue},
				bar{label: r[0] + " " + p.Sprintf("completed"), value: float64(nd), text: p.Sprintf("%d cases", nd), color: chartGreen})
		}
		if len(bars) > 0 {
			return barChart(p.Sprintf("Cases accepted and completed by department (%s)", a.Title), bars), true
		}
	}
	return "", false
}

// trendHTML is the month-over-month part: a table of every followed
// figure with the change from last month and from last year, and a line
// chart of each across the months, against its target when one is set.
func (v *view) trendHTML(p *schema.Printer) template.HTML {
	series := Trends(append(append([]*Bulletin{}, v.opts.History...), v.b)...)
	cur := v.b.Period
	var s strings.Builder
	fmt.Fprintf(&s, `<section class="trend"><h2>%s</h2>`, html.EscapeString(p.Sprintf("Month over month")))
	fmt.Fprintf(&s, `<table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>`,
		html.EscapeString(p.Sprintf("figure")), html.EscapeString(cur.Chinese()),
		html.EscapeString(p.Sprintf("last month")), html.EscapeString(p.Sprintf("change on last month")),
		html.EscapeString(p.Sprintf("a year before")), html.EscapeString(p.Sprintf("change on a year before")))
	for i := range series {
		sr := &series[i]
		now, ok := sr.At(cur)
		if !ok {
			continue
		}
		fmt.Fprintf(&s, `<tr><td>%s</td><td class="n">%s</td>`, html.EscapeString(sr.Label), html.EscapeString(withUnit(now, sr.Unit)))
		for _, then := range []Period{cur.Prev(), cur.YearBefore()} {
			c, ok := sr.Change(then, cur)
			if !ok {
				s.WriteString(`<td class="n">—</td><td class="n">—</td>`)
				continue
			}
			fmt.Fprintf(&s, `<td class="n">%s</td><td class="n %s">%s</td>`, html.EscapeString(withUnit(c.Then, sr.Unit)),
				direction(c.Diff), html.EscapeString(changeText(c, sr.Unit, p)))
		}
		s.WriteString("</tr>")
	}
	s.WriteString("</tbody></table>")
	// A chart for each figure that moved, or that has a target to be
	// measured against; a flat line says nothing the table does not.
	for i := range series {
		sr := &series[i]
		target := v.target(sr)
		if len(sr.Points) >= 2 && (target != nil || moved(sr)) {
			s.WriteString(string(lineChart(sr, target, p)))
		}
	}
	s.WriteString("</section>")
	return template.HTML(s.String())
}

// target returns the target set for an indicator series, in the figure's
// own terms (percent or count), or nil.
func (v *view) target(s *Series) *big.Rat {
	ind, ok := strings.CutPrefix(s.Key, "indicator/")
	if !ok {
		return nil
	}
	_, name, _ := strings.Cut(ind, "/")
	i, err := reform.ParseIndicator(name)
	if err != nil {
		return nil
	}
	for _, t := range v.opts.Targets {
		if t.Indicator == i {
			if i.IsShare() {
				return big.NewRat(t.AtLeast, 100)
			}
			return big.NewRat(t.AtLeast, 1)
		}
	}
	return nil
}

// moved reports whether a figure took more than one value.
func moved(s *Series) bool {
	for _, pt := range s.Points[1:] {
		if pt.Value.Cmp(s.Points[0].Value) != 0 {
			return true
		}
	}
	return false
}

func withUnit(d Decimal, unit string) string {
	if unit == "%" {
		return d.String() + "%"
	}
	return d.String() + unit
}

func direction(d Decimal) string {
	switch d.Sign() {
	case 1:
		return "up"
	case -1:
		return "down"
	}
	return ""
}

// changeText writes a change: +12件 (+3.85%), or +1.20个百分点 for a
// percentage.
func changeText(c Change, unit string, p *schema.Printer) string {
	sign := ""
	if c.Diff.Sign() > 0 {
		sign = "+"
	}
	if unit == "%" {
		return p.Sprintf("%s%s percentage points", sign, c.Diff)
	}
	s := sign + c.Diff.String() + unit
	if c.Rel != nil {
		rs := ""
		if c.Rel.Sign() > 0 {
			rs = "+"
		}
		s += " (" + rs + c.Rel.String() + "%)"
	}
	return s
}

// lineChart draws a figure across months, with its target as a dashed
// line when one is set.
func lineChart(s *Series, target *big.Rat, p *schema.Printer) template.HTML {
	const (
		width, height = 560, 180
		left, right   = 60, 20
		top, bottom   = 16, 36
	)
	vals := make([]float64, len(s.Points))
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, pt := range s.Points {
		f, _ := pt.Value.Rat().Float64()
		vals[i] = f
		lo, hi = math.Min(lo, f), math.Max(hi, f)
	}
	var tv float64
	if target != nil {
		tv, _ = target.Float64()
		lo, hi = math.Min(lo, tv), math.Max(hi, tv)
	}
	lo = math.Min(lo, 0)
	if hi == lo {
		hi = lo + 1
	}
	x := func(i int) float64 {
		if len(vals) == 1 {
			return left
		}
		return left + float64(i)*float64(width-left-right)/float64(len(vals)-1)
	}
	y := func(f float64) float64 { return top + (hi-f)/(hi-lo)*float64(height-top-bottom) }
	caption := p.Sprintf("%s by month (%s)", s.Label, s.Unit)
	var b strings.Builder
	fmt.Fprintf(&b, `<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s">`,
		width, height, width, height, html.EscapeString(caption))
	fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="%s"/>`, left, y(lo), width-right, y(lo), chartGrey)
	fmt.Fprintf(&b, `<text x="%d" y="%.1f" font-size="11" text-anchor="end">%s</text>`, left-4, y(hi)+4, strconv.FormatFloat(hi, 'f', -1, 64))
	fmt.Fprintf(&b, `<text x="%d" y="%.1f" font-size="11" text-anchor="end">%s</text>`, left-4, y(lo)+4, strconv.FormatFloat(lo, 'f', -1, 64))
	if target != nil {
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="%s" stroke-dasharray="6 4"/>`, left, y(tv), width-right, y(tv), chartRed)
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" font-size="11" fill="%s" text-anchor="end">%s</text>`, width-right, y(tv)-4, chartRed,
			html.EscapeString(p.Sprintf("target %s", withUnit(decimalFromRat(target, 2), s.Unit))))
	}
	var pts []string
	for i, f := range vals {
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(f)))
	}
	fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>`, strings.Join(pts, " "), chartBlue)
	for i, pt := range s.Points {
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>`, x(i), y(vals[i]), chartBlue)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="11" text-anchor="middle">%s</text>`, x(i), y(vals[i])-6, html.EscapeString(pt.Value.String()))
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="11" text-anchor="middle">%s</text>`, x(i), height-bottom+16, html.EscapeString(pt.Period.String()))
	}
	fmt.Fprintf(&b, `</svg><figcaption>%s</figcaption></figure>`, html.EscapeString(caption))
	return template.HTML(b.String())
}
