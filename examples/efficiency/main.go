// Command efficiency computes the efficiency figures (效能监察) of a month
// from the platform's case exports: the figures of a bulletin's section 五
// and its 附件1 (一体化政务服务平台系统业务数据统计表) by department, and what
// the cases show against the catalogue.
//
// Usage:
//
//	efficiency [-in FILE]... [-catalogue FILE] [-month 2021-04] [-by department|unit|window|matter]
//	           [-format text|markdown|csv|json] [-place 市政务大厅窗口] [-holidays FILE]
//
// -in names a case export (CSV in UTF-8 or GB18030, JSON Lines, or an
// .xlsx workbook; see package reform/cases for the columns); give it once per file, for
// several files or several months. -month is the month reported on: cases
// accepted in it count as 受理, cases completed in it as 办结, those open
// at its start as 上月结转. -catalogue sets the cases against a catalogue
// (YAML, JSON, CSV or a workbook). -holidays adds a year's official
// holiday schedule to the embedded 2019–2026 calendar (the format of
// package matters/workday).
//
// With no -in it runs on a synthetic month generated on the spot by
// package reform/cases/casestest at the scale of Suining's April 2021
// bulletin (32,307 cases accepted and 21,514 completed at the city hall),
// against the synthetic catalogue the cases are drawn from.
//
// Every figure is counted from the records. Rates print with two decimals,
// rounded half up; -format json gives counts as plain integers and rates
// as numerator and denominator. Problems with the exports are printed to
// standard error in the compiler convention (FILE:LINE:COL: SEVERITY:
// PATH: MESSAGE [RULE]). It exits 0 when no file has an error (a record
// with an error is left out and counted; warnings do not fail), 1 when
// any has, and 2 on a usage error.
package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/zwfw/zwfw/examples/internal/cli"
	"github.com/zwfw/zwfw/matters/workday"
	"github.com/zwfw/zwfw/reform"
	"github.com/zwfw/zwfw/reform/cases"
	"github.com/zwfw/zwfw/reform/cases/casestest"
	"github.com/zwfw/zwfw/reform/cases/caseswb"
	"github.com/zwfw/zwfw/schema"
)

func main() { cli.Main(run) }

// maxShown caps the problems printed per file; the rest are counted.
const maxShown = 20

func run(args []string, stdout, stderr io.Writer) int {
	prog := cli.New("efficiency", args, stderr, "[-in FILE]... [-catalogue FILE] [-month YYYY-MM] [-by department|unit|window|matter] [-format text|markdown|csv|json] [-lang zh|en]")
	fl, pr := prog.Flags, prog.P
	var in cli.Files
	fl.Var(&in, "in", "case export `FILE` (CSV or JSON Lines); repeatable")
	catFile := fl.String("catalogue", "", "catalogue `FILE` to set the cases against")
	month := fl.String("month", "2021-04", "the month reported on, `YYYY-MM`")
	by := fl.String("by", "department", "rows of 附件1: department, unit, window or matter")
	format := fl.String("format", "text", "output: text, markdown, csv or json")
	place := fl.String("place", "市政务大厅窗口", "where the cases were handled, as section 五 names it")
	holidays := fl.String("holidays", "", "holiday schedule `FILE` adding years to the official calendar")
	if err := prog.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		prog.Usagef("unexpected argument %q (give case exports with -in)", fl.Arg(0))
		return 2
	}
	period, err := cases.ParseMonth(*month)
	if err != nil {
		fmt.Fprintln(stderr, "efficiency:", err)
		return 2
	}
	levels := map[string]cases.Level{"department": cases.ByDepartment, "unit": cases.ByUnit, "window": cases.ByWindow, "matter": cases.ByMatter}
	level, ok := levels[*by]
	if !ok {
		prog.Usagef("-by %q: want department, unit, window or matter", *by)
		return 2
	}
	switch *format {
	case "text", "markdown", "csv", "json":
	default:
		prog.Usagef("-format %q: want text, markdown, csv or json", *format)
		return 2
	}
	code := 0
	report := func(l schema.List) {
		shown := 0
		for _, p := range l {
			if shown == maxShown {
				fmt.Fprintln(stderr, "efficiency: "+pr.Sprintf("%d more problems not shown", len(l)-shown))
				break
			}
			fmt.Fprintln(stderr, pr.Problem(p))
			shown++
		}
		if l.Err() != nil {
			code = 1
		}
	}
	cal := workday.China()
	if *holidays != "" {
		ss, probs := workday.LoadSchedules(*holidays)
		report(probs)
		if probs.Err() != nil {
			return 1
		}
		if cal, err = cal.With(ss...); err != nil {
			fmt.Fprintln(stderr, "efficiency:", err)
			return 1
		}
	}
	var check *cases.CatalogueCheck
	switch {
	case *catFile != "":
		cat, probs := cli.LoadCatalogue(*catFile)
		report(probs)
		if cat == nil {
			return 1
		}
		check = cases.NewCatalogueCheck(cat)
	case len(in) == 0:
		check = cases.NewCatalogueCheck(casestest.Catalogue())
	}
	tally := cases.NewTally(period, cal)
	var read, skipped int64
	each := func(c *cases.Case) {
		tally.Add(c)
		if check != nil {
			check.Add(c)
		}
	}
	source := ""
	if len(in) == 0 {
		if period != cases.Month(2021, time.April) {
			fmt.Fprintln(stderr, "efficiency: "+pr.Sprintf("the synthetic month is 2021-04; give -in exports for another month"))
			return 2
		}
		source = "合成数据（reform/cases/casestest，按2021年4月简报规模生成）"
		err := casestest.Generate(casestest.Options{}, func(c *cases.Case) error {
			read++
			each(c)
			return nil
		})
		if err != nil {
			fmt.Fprintln(stderr, "efficiency:", err)
			return 1
		}
	}
	for _, name := range in {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintln(stderr, "efficiency:", err)
			code = 1
			continue
		}
		d := caseswb.Open(f, name, &cases.DecodeOptions{Calendar: cal})
		for c := range d.Cases() {
			each(c)
		}
		f.Close()
		n, bad := d.Counts()
		read += n
		skipped += bad
		report(d.Problems())
		if source != "" {
			source += "、"
		}
		source += filepath.Base(name)
	}
	out := result{period: period, place: *place, source: source, level: level, tally: tally, read: read, skipped: skipped}
	if check != nil {
		out.findings = check.Findings()
		out.checked = true
	}
	switch *format {
	case "markdown":
		err = out.markdown(stdout)
	case "csv":
		err = out.csv(stdout)
	case "json":
		err = out.json(stdout)
	default:
		err = out.text(stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, "efficiency:", err)
		return 1
	}
	return code
}

type result struct {
	period        cases.Period
	place, source string
	level         cases.Level
	tally         *cases.Tally
	read, skipped int64
	findings      []cases.Finding
	checked       bool
}

// monthZH writes a month as the bulletin does: 2021年4月.
func monthZH(p cases.Period) string {
	y, m, _ := p.From.Date()
	s := fmt.Sprintf("%d年%d月", y, int(m))
	if p.String() != fmt.Sprintf("%04d-%02d", y, int(m)) {
		s = p.From.String() + "至" + p.To.String()
	}
	return s
}

// sectionFive is the paragraph of the bulletin's section 五.
func (r *result) sectionFive() string {
	t := r.tally.Total()
	return fmt.Sprintf("据“一体化政务服务平台”统计,%s%s受理各类行政审批和公共服务事项%d件,办结%d件(详见附件1)。",
		monthZH(r.period), r.place, t.Accepted, t.Completed)
}

// table is 附件1 as the library lays it out in cells.
func (r *result) table() (names int, rows [][]string) { return r.tally.Table(r.level) }

var ruleZH = map[string]string{
	string(cases.RuleNotInCatalogue): "目录外事项有办件",
	string(cases.RuleLimitDiffers):   "办件承诺时限与目录不一致",
	string(cases.RuleNotInstant):     "目录即办事项未当日办结",
}

const notes = `说明：受理为本月受理的办件；办结为本月办结的办件，含上月及以前受理的结转办件；` +
	`办结率 = 办结 ÷ (上月结转 + 本月受理)；按时、超期按办件适用的承诺时限计算，` +
	`工作日按国务院办公厅节假日安排（含调休）计，补齐补正、挂起、特别程序时间不计入；` +
	`提前办结率 = 用时少于承诺时限的办结件 ÷ 可判定时限的办结件；即办率 = 受理当日办结 ÷ 办结；` +
	`网办率 = 网上受理 ÷ 受理；好评率 = (非常满意 + 满意) ÷ 参评件。`

// width is how many columns s takes in a terminal: CJK characters two.
func width(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x1100 && (r <= 0x115f || r >= 0x2e80 && r <= 0xa4cf || r >= 0xac00 && r <= 0xd7a3 ||
			r >= 0xf900 && r <= 0xfaff || r >= 0xfe30 && r <= 0xfe4f || r >= 0xff00 && r <= 0xff60 || r >= 0xffe0 && r <= 0xffe6) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func pad(s string, w int, right bool) string {
	n := w - width(s)
	if n <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", n) + s
	}
	return s + strings.Repeat(" ", n)
}

// sectionFiveTitle heads the section of the bulletin the program writes.
const sectionFiveTitle = "五、效能监察"

// headings returns what the text and the Markdown print before the table:
// the title, the line on the source, section 五 and the table's title.
func (r *result) headings() (title, source, five, table string) {
	return "效能监察 " + monthZH(r.period),
		fmt.Sprintf("数据来源：%s；读取办件 %d 条，因错误未计 %d 条。", r.source, r.read, r.skipped),
		r.sectionFive(),
		"一体化政务服务平台系统业务数据统计表（" + monthZH(r.period) + "）"
}

func (r *result) text(w io.Writer) error {
	b := &strings.Builder{}
	title, source, five, table := r.headings()
	fmt.Fprintf(b, "%s\n%s\n\n%s\n%s\n\n附件1\n%s\n", title, source, sectionFiveTitle, five, table)
	nNames, tab := r.table()
	widths := make([]int, len(tab[0]))
	for _, row := range tab {
		for j, c := range row {
			widths[j] = max(widths[j], width(c))
		}
	}
	for _, row := range tab {
		for j, c := range row {
			if j > 0 {
				b.WriteString("  ")
			}
			cell := pad(c, widths[j], j >= nNames)
			if j == len(row)-1 {
				cell = strings.TrimRight(cell, " ")
			}
			b.WriteString(cell)
		}
		b.WriteByte('\n')
	}
	b.WriteString(notes + "\n")
	r.textFindings(b)
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *result) textFindings(b *strings.Builder) {
	if !r.checked {
		return
	}
	b.WriteString("\n与事项目录比对\n")
	if len(r.findings) == 0 {
		b.WriteString("未发现不一致。\n")
		return
	}
	for _, f := range r.findings {
		line := fmt.Sprintf("- %s：%s %s，%d件", ruleZH[string(f.Rule)], f.MatterCode, f.MatterName, f.Cases)
		if f.Rule == cases.RuleLimitDiffers {
			line += fmt.Sprintf("（办件 %s，目录 %s）", f.InForce, f.Catalogue)
		}
		b.WriteString(line + " [" + string(f.Rule) + "]\n")
	}
}

func (r *result) markdown(w io.Writer) error {
	b := &strings.Builder{}
	title, source, five, table := r.headings()
	fmt.Fprintf(b, "# %s\n\n%s\n\n## %s\n\n%s\n\n## 附件1 %s\n\n", title, source, sectionFiveTitle, five, table)
	nNames, tab := r.table()
	esc := func(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
	for i, row := range tab {
		for j := range row {
			row[j] = esc(row[j])
		}
		b.WriteString("| " + strings.Join(row, " | ") + " |\n")
		if i == 0 {
			seps := make([]string, len(row))
			for j := range seps {
				seps[j] = "---"
				if j >= nNames {
					seps[j] = "---:"
				}
			}
			b.WriteString("|" + strings.Join(seps, "|") + "|\n")
		}
	}
	b.WriteString("\n" + notes + "\n")
	if r.checked {
		fb := &strings.Builder{}
		r.textFindings(fb)
		b.WriteString(strings.Replace(fb.String(), "\n与事项目录比对\n", "\n## 与事项目录比对\n\n", 1))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *result) csv(w io.Writer) error {
	cw := csv.NewWriter(w)
	_, tab := r.table()
	for _, row := range tab {
		for j, c := range row {
			// A cell a spreadsheet would run as a formula is quoted as text.
			if c != "" && strings.ContainsRune("=+-@", rune(c[0])) && c != "—" {
				row[j] = "'" + c
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

type jsonRatio struct {
	Num int64 `json:"num"`
	Den int64 `json:"den"`
}

type jsonFigures struct {
	Unit             string    `json:"unit,omitempty"`
	Department       string    `json:"department,omitempty"`
	Window           string    `json:"window,omitempty"`
	MatterCode       string    `json:"matterCode,omitempty"`
	MatterName       string    `json:"matterName,omitempty"`
	CarriedOver      int64     `json:"carriedOver"`
	Accepted         int64     `json:"accepted"`
	Completed        int64     `json:"completed"`
	CompletedCarried int64     `json:"completedCarried"`
	OnTime           int64     `json:"onTime"`
	Overdue          int64     `json:"overdue"`
	Untimed          int64     `json:"untimed"`
	Early            int64     `json:"early"`
	OverdueOpen      int64     `json:"overdueOpen"`
	OpenAtEnd        int64     `json:"openAtEnd"`
	SameDay          int64     `json:"sameDay"`
	Online           int64     `json:"online"`
	Evaluated        int64     `json:"evaluated"`
	Good             int64     `json:"good"`
	Bad              int64     `json:"bad"`
	NotAccepted      int64     `json:"notAccepted"`
	CompletionRate   jsonRatio `json:"completionRate"`
	OnTimeRate       jsonRatio `json:"onTimeRate"`
	EarlyRate        jsonRatio `json:"earlyRate"`
	SameDayShare     jsonRatio `json:"sameDayShare"`
	OnlineShare      jsonRatio `json:"onlineShare"`
	GoodRate         jsonRatio `json:"goodRate"`
	MeanDays         jsonRatio `json:"meanDays"`
	MedianDays       jsonRatio `json:"medianDays"`
}

func ratio(x reform.Ratio) jsonRatio { return jsonRatio{x.Num, x.Den} }

func toJSON(f *cases.Figures) jsonFigures {
	return jsonFigures{
		CarriedOver: f.CarriedOver, Accepted: f.Accepted, Completed: f.Completed, CompletedCarried: f.CompletedCarried(),
		OnTime: f.OnTime, Overdue: f.Overdue, Untimed: f.Untimed, Early: f.Early, OverdueOpen: f.OverdueOpen,
		OpenAtEnd: f.OpenAtEnd, SameDay: f.SameDay, Online: f.Online, Evaluated: f.Evaluated, Good: f.Good, Bad: f.Bad,
		NotAccepted: f.NotAccepted, CompletionRate: ratio(f.CompletionRate()), OnTimeRate: ratio(f.OnTimeRate()),
		EarlyRate: ratio(f.EarlyRate()), SameDayShare: ratio(f.SameDayShare()), OnlineShare: ratio(f.OnlineShare()),
		GoodRate: ratio(f.GoodRate()), MeanDays: ratio(f.MeanDays()), MedianDays: ratio(f.MedianDays()),
	}
}

func (r *result) json(w io.Writer) error {
	tot := r.tally.Total()
	type finding struct {
		Rule       string `json:"rule"`
		MatterCode string `json:"matterCode,omitempty"`
		MatterName string `json:"matterName,omitempty"`
		Cases      int64  `json:"cases"`
		InForce    string `json:"inForce,omitempty"`
		Catalogue  string `json:"catalogue,omitempty"`
	}
	out := struct {
		Period  string `json:"period"`
		Place   string `json:"place"`
		Source  string `json:"source"`
		Records struct {
			Read    int64 `json:"read"`
			Skipped int64 `json:"skipped"`
		} `json:"records"`
		SectionFive struct {
			Text      string `json:"text"`
			Accepted  int64  `json:"accepted"`
			Completed int64  `json:"completed"`
		} `json:"sectionFive"`
		Total    jsonFigures   `json:"total"`
		Rows     []jsonFigures `json:"rows"`
		Findings []finding     `json:"catalogueFindings,omitempty"`
	}{Period: r.period.String(), Place: r.place, Source: r.source}
	out.Records.Read, out.Records.Skipped = r.read, r.skipped
	out.SectionFive.Text, out.SectionFive.Accepted, out.SectionFive.Completed = r.sectionFive(), tot.Accepted, tot.Completed
	out.Total = toJSON(&tot)
	out.Rows = []jsonFigures{}
	for _, row := range r.tally.Rows(r.level) {
		j := toJSON(&row.Figures)
		j.Unit, j.Department, j.Window, j.MatterCode, j.MatterName = row.Unit, row.Department, row.Window, row.MatterCode, row.MatterName
		out.Rows = append(out.Rows, j)
	}
	for _, f := range r.findings {
		out.Findings = append(out.Findings, finding{string(f.Rule), f.MatterCode, f.MatterName, f.Cases, f.InForce, f.Catalogue})
	}
	return cli.WriteJSON(w, out)
}
