// Command bulletin reads a monthly work bulletin (工作简报), checks it, and
// prints it in its own layout, as Markdown or as JSON; or sets the figures
// it reports against those computed from catalogues.
//
// Usage:
//
//	bulletin [-in FILE] [-format text|markdown|json|docx|html] [-rate] [-history FILE]... [-o FILE]
//	bulletin [-in FILE] [-format text|markdown|json] -check CATALOGUE...
//	bulletin -records DIR [-month YYYY-MM] [-in EDITORIAL] [-format …] [-check]
//	bulletin [-in FILE] [-cases EXPORT]... [-month YYYY-MM] [-check [CATALOGUE...]]
//
// A FILE or CATALOGUE of "-" is read from standard input.
//
// With no -in it reads the embedded April 2021 bulletin of Suining
// (examples/data/bulletin-2021-04.yaml) and prints it as the bulletin
// printed it. -rate adds the ratio of completed to accepted cases
// (办结受理比), computed from them; it is not the completion rate (办结率): a
// month completes cases accepted earlier. -format docx writes a Word
// document in the layout of GB/T 9704-2012 (党政机关公文格式), html one
// self-contained web page with SVG charts; -o names the file to write.
// Each -history FILE is the bulletin of another month: Markdown and HTML
// then show every figure month over month, with the change from last
// month and from a year before. With -check, each argument is a catalogue
// (an implementation list in the module's catalogue format, a CSV
// spreadsheet or a workbook (.xlsx), named by package county from its
// code) of the unit
// its division names; every figure of the bulletin that names an indicator
// is computed over the catalogue of its unit and listed with the reported
// value and whether the two agree. A file given twice is refused; of two
// editions of one unit's list (different as-of dates) only the later is
// counted, with a warning; lists of one unit as of one date are shards of
// one list, measured together.
//
// With -records, the month's sections 二–四 and the attachment
// 窗口工作人员考勤情况明细 are computed from the records in DIR (roster,
// leave, punches, visits and submissions logs; see package
// report/attendance) and written into the editorial bulletin, which
// holds the updates' texts and the words around the figures: -in, else
// DIR/editorial.yaml, else the embedded bulletin. -month defaults to the
// editorial's period. With -check as well, every figure of sections 二–四
// that the editorial bulletin states and the records do not give is
// listed, and the program exits 1 when there is any.
//
// -divisions and -modes name the divisions document (package county) and
// the reform-modes document (package reform) the units and modes are
// checked against, in place of those the bulletin names or the embedded
// Suining ones.
//
// -cases names a case export of the platform (CSV or JSON Lines, see
// package reform/cases; repeatable): the cases of the month (-month, else
// the bulletin's period) give section 五 (效能监察) its 受理 and 办结, or,
// with -check, are set against the figures the bulletin reports there.
//
// Problems are printed to standard error in the compiler convention
// editors parse:
//
//	FILE:LINE:COL: SEVERITY: PATH: MESSAGE [RULE]
//
// It exits 0 when no document has an error (warnings do not fail) and,
// with -check, every figure that could be computed agrees with its
// catalogue, records or cases; 1 when a document has an error or a figure
// disagrees (figures that cannot be compared, for want of a catalogue of
// their unit, are listed and do not fail); and 2 on a usage error.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/zwfw/zwfw/county"
	"github.com/zwfw/zwfw/examples/data"
	"github.com/zwfw/zwfw/examples/internal/cli"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/reform"
	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/report/attendance"
	"github.com/zwfw/zwfw/schema"
)

func main() { cli.Main(run) }

func run(args []string, stdout, stderr io.Writer) int {
	prog := cli.New("bulletin", args, stderr,
		"[-in FILE] [-format text|markdown|json|docx|html] [-rate] [-history FILE]... [-target T]... [-o FILE] [-lang zh|en]",
		"[-in FILE] [-format text|markdown|json] -check CATALOGUE...",
		"-records DIR [-month YYYY-MM] [-in EDITORIAL] [-format text|markdown|json|docx|html] [-check]")
	fl, pr := prog.Flags, prog.P
	printer = pr
	in := fl.String("in", "", "read the bulletin from `FILE` (YAML or JSON) instead of the embedded April 2021 bulletin")
	format := fl.String("format", "text", "output `format`: text, markdown, json, docx (Word) or html (web page)")
	rate := fl.Bool("rate", false, "add the computed ratio of completed to accepted cases (办结受理比; not 办结率)")
	check := fl.Bool("check", false, "compare reported figures with those computed from the CATALOGUE arguments, or with -records from the records")
	records := fl.String("records", "", "compute sections 二–四 from the records in `DIR`")
	month := fl.String("month", "", "the `month` (YYYY-MM) to compute from the records; default the bulletin's period")
	divisions := fl.String("divisions", "", "check units against the divisions document `FILE`")
	modes := fl.String("modes", "", "check reform modes against the modes document `FILE`")
	var caseIn cli.Files
	fl.Var(&caseIn, "cases", "case export `FILE` (CSV or JSON Lines) to count section 五 from; repeatable")
	out := fl.String("o", "", "write the bulletin to `FILE` instead of standard output")
	var history []string
	fl.Func("history", "add the bulletin of another month in `FILE` (repeatable): markdown and html show each figure month over month", func(s string) error {
		history = append(history, s)
		return nil
	})
	var targets []reform.Target
	fl.Func("target", "draw a `TARGET` such as 即办比例>=80% (repeatable) in the html's month-over-month charts", cli.Parsed(reform.ParseTarget, func(t reform.Target) {
		targets = append(targets, t)
	}))
	if err := prog.Parse(args); err != nil {
		return 2
	}
	f, err := report.ParseFormat(*format)
	if err != nil {
		prog.Usagef("unknown format %q", *format)
		return 2
	}
	switch {
	case *check && fl.NArg() == 0 && *records == "" && len(caseIn) == 0:
		prog.Usagef("-check needs at least one CATALOGUE, -records or -cases")
		return 2
	case *month != "" && *records == "" && len(caseIn) == 0:
		prog.Usagef("-month goes with -records or -cases")
		return 2
	case !*check && fl.NArg() > 0:
		prog.Usagef("unexpected argument %q (catalogues go with -check)", fl.Arg(0))
		return 2
	}

	opts, failed := documents(*divisions, *modes, stderr)
	var b *report.Bulletin
	var probs schema.List
	editorial := *in
	if editorial == "" && *records != "" {
		if _, err := os.Stat(filepath.Join(*records, "editorial.yaml")); err == nil {
			editorial = filepath.Join(*records, "editorial.yaml")
		}
	}
	switch editorial {
	case "":
		b, _ = report.LoadFS(data.FS, data.Bulletin, opts, schema.Collect(&probs))
	case "-":
		b, _ = report.Load(os.Stdin, "<stdin>", opts, schema.Collect(&probs))
	default:
		b, _ = report.LoadFile(editorial, opts, schema.Collect(&probs))
	}
	if printProblems(stderr, probs) {
		failed = true
	}
	var fromCases []comparison
	if len(caseIn) > 0 && b != nil {
		period := b.Period
		if *month != "" {
			if period, err = report.ParsePeriod(*month); err != nil {
				fmt.Fprintln(stderr, "bulletin:", cli.Bare(err))
				return 2
			}
		}
		fig, bad := countCases(stderr, caseIn, period)
		failed = failed || bad
		if *check {
			fromCases = efficiencyComparisons(b, fig)
		} else {
			fillEfficiency(b, fig)
		}
	}
	if *records != "" {
		if b == nil || failed {
			return 1
		}
		code, done := fromRecords(b, *records, *month, *check, opts, stdout, stderr)
		if done || code != 0 {
			return code
		}
		if *check && fl.NArg() == 0 && len(caseIn) == 0 {
			return 0
		}
	}

	var hist []*report.Bulletin
	for _, h := range history {
		var hprobs schema.List
		hb, _ := report.LoadFile(h, nil, schema.Collect(&hprobs))
		if printProblems(stderr, hprobs) {
			failed = true
		}
		if hb != nil {
			hist = append(hist, hb)
		}
	}

	if *check {
		var cats []*matters.Catalogue
		var paths []string
		for i, path := range fl.Args() {
			for _, prev := range fl.Args()[:i] {
				if cli.SameFile(prev, path) {
					fmt.Fprintln(stderr, "bulletin: "+pr.Sprintf("%s is given twice (as %s and %s); each catalogue is counted once", path, prev, path))
					return 2
				}
			}
			c, cprobs := cli.LoadCatalogue(path)
			if printProblems(stderr, cprobs) {
				failed = true
			}
			if c != nil {
				prog.NameDivision(&c.Division, path)
				cats = append(cats, c)
				paths = append(paths, path)
			}
		}
		cats = latestEditions(cats, paths, pr, stderr)
		if b == nil || probs.HasErrors() {
			return 1
		}
		var cs []report.Comparison
		if len(cats) > 0 {
			cs = b.Compare(report.Catalogues(reform.Config{}, cats...))
		}
		if err := printComparisons(stdout, pr, f, cs, fromCases); err != nil {
			fmt.Fprintln(stderr, "bulletin:", err)
			return 1
		}
		disagree := 0
		for _, c := range cs {
			if c.Err == nil && !c.Agree {
				disagree++
			}
		}
		for _, c := range fromCases {
			if c.Error == "" && !c.Agree {
				disagree++
			}
		}
		if disagree > 0 {
			// A check that finds differences fails, as diff and cmp do.
			fmt.Fprintln(stderr, "bulletin: "+pr.Sprintf("%d reported figures differ from the computed ones", disagree))
			failed = true
		}
	} else {
		if b == nil || failed {
			return 1
		}
		dst := stdout
		var file *os.File
		if *out != "" {
			if file, err = os.Create(*out); err != nil {
				fmt.Fprintln(stderr, "bulletin:", err)
				return 1
			}
			dst = file
		}
		err := b.Render(dst, f, &report.RenderOptions{CompletionRate: *rate, History: hist, Targets: targets, Lang: &pr.Lang})
		if file != nil {
			if cerr := file.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintln(stderr, "bulletin:", err)
			return 1
		}
	}
	if failed {
		return 1
	}
	return 0
}

// printProblems prints each problem on a line, in the language of the
// run, and reports whether any is an error.
func printProblems(w io.Writer, probs schema.List) bool {
	printer.List(w, probs)
	return probs.HasErrors()
}

// printer writes problems in the language of the run.
var printer *schema.Printer

// comparison is one line of the -check output.
type comparison struct {
	Address   string `json:"address"`
	Path      string `json:"path"`
	Unit      string `json:"unit"`
	Indicator string `json:"indicator"`
	Reported  string `json:"reported"`
	Computed  string `json:"computed,omitempty"`
	Agree     bool   `json:"agree"`
	Error     string `json:"error,omitempty"`
}

func printComparisons(w io.Writer, pr *schema.Printer, f report.Format, cs []report.Comparison, extra []comparison) error {
	rows := make([]comparison, len(cs), len(cs)+len(extra))
	for i, c := range cs {
		r := comparison{Address: c.Reported.Addr.String(), Path: c.Reported.Path.String(), Unit: c.Unit,
			Indicator: c.Reported.Figure.Indicator, Reported: c.Reported.Figure.String(), Agree: c.Agree}
		if l, ok := c.Err.(schema.Localizer); ok {
			r.Error = l.Localize(pr.Lang)
		} else if c.Err != nil {
			r.Error = strings.TrimPrefix(c.Err.Error(), "report: ")
		} else {
			r.Computed = c.Computed.String()
		}
		rows[i] = r
	}
	rows = append(rows, extra...)
	verdict := func(r comparison) string {
		switch {
		case r.Error != "":
			return pr.Sprintf("cannot compare: %s", r.Error)
		case r.Agree:
			return pr.Sprintf("agree")
		}
		return pr.Sprintf("disagree")
	}
	switch f {
	case report.JSON:
		return cli.WriteJSON(w, rows)
	case report.Markdown:
		pr.Fprintln(w, "| unit | indicator | reported | computed | verdict | path |")
		fmt.Fprintln(w, "| --- | --- | ---: | ---: | --- | --- |")
		for _, r := range rows {
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", schema.Markdown(r.Unit), schema.Markdown(r.Indicator),
				schema.Markdown(r.Reported), schema.Markdown(r.Computed), schema.Markdown(verdict(r)), schema.Markdown(r.Path))
		}
		return nil
	}
	for _, r := range rows {
		computed := r.Computed
		if computed == "" {
			computed = "-"
		}
		line := pr.Sprintf("%s %s: reported %s, computed %s: %s (%s)", r.Unit, r.Indicator, r.Reported, computed, verdict(r), r.Path)
		if _, err := fmt.Fprintln(w, schema.Printable(line)); err != nil {
			return err
		}
	}
	return nil
}

// documents reads the divisions and modes documents of -divisions and
// -modes into options; failed reports an error in either.
func documents(divisions, modes string, stderr io.Writer) (opts *report.Options, failed bool) {
	if divisions == "" && modes == "" {
		return nil, false
	}
	opts = &report.Options{}
	if divisions != "" {
		var probs schema.List
		h, _ := county.LoadFile(divisions, schema.Collect(&probs))
		failed = printProblems(stderr, probs) || h == nil
		opts.Units = h
	}
	if modes != "" {
		var probs schema.List
		m, _ := reform.LoadFile(modes, schema.Collect(&probs))
		failed = printProblems(stderr, probs) || m == nil || failed
		opts.Modes = m
	}
	return opts, failed
}

// fromRecords computes the month from the records in dir and writes it
// into b; with check it prints the figures b states that differ and
// reports done. The exit code is 1 on a problem or a difference.
func fromRecords(b *report.Bulletin, dir, month string, check bool, opts *report.Options, stdout, stderr io.Writer) (code int, done bool) {
	period := b.Period
	if month != "" {
		p, err := report.ParsePeriod(month)
		if err != nil {
			fmt.Fprintln(stderr, "bulletin:", cli.Bare(err))
			return 2, true
		}
		period = p
	}
	recs, probs := attendance.LoadFS(os.DirFS(dir), ".")
	for _, p := range probs {
		p.Pos.File = filepath.Join(dir, p.Pos.File)
	}
	failed := printProblems(stderr, probs)
	m, mprobs := recs.Month(period)
	for _, p := range mprobs {
		if p.Pos.File != "" {
			p.Pos.File = filepath.Join(dir, p.Pos.File)
		}
	}
	if printProblems(stderr, mprobs) || failed || m == nil {
		return 1, true
	}
	if check {
		diffs := m.Compare(b)
		for _, d := range diffs {
			printer.Fprintln(stdout, "%s: %s: bulletin %d, records %d", d.Path, d.What, d.Stated, d.Computed)
		}
		printer.Fprintln(stdout, "%s: %d differ from the records", period.Chinese(), len(diffs))
		if len(diffs) > 0 {
			return 1, true
		}
		return 0, false
	}
	if b.Period != period {
		fmt.Fprintln(stderr, "bulletin: "+printer.Sprintf("the editorial bulletin is of %s, the records are counted for %s", b.Period, period))
		return 2, true
	}
	m.Fill(b, nil)
	if probs := b.Validate(opts); printProblems(stderr, probs) {
		return 1, true
	}
	return 0, false
}

// latestEditions keeps, of catalogues of one division with different as-of
// dates, the latest edition, with a warning: editions are never summed.
// Catalogues of one division as of one date are shards of one list and
// are measured together.
func latestEditions(cats []*matters.Catalogue, paths []string, pr *schema.Printer, stderr io.Writer) []*matters.Catalogue {
	latest := map[string]time.Time{}
	for _, c := range cats {
		if t, ok := latest[c.Division.Name]; !ok || c.AsOf.After(t) {
			latest[c.Division.Name] = c.AsOf
		}
	}
	var out []*matters.Catalogue
	for i, c := range cats {
		if t := latest[c.Division.Name]; !c.AsOf.Equal(t) {
			fmt.Fprintln(stderr, "bulletin: "+pr.Sprintf("warning: %s is an earlier edition (as of %s) of %s than another given (as of %s); only the latest is counted",
				paths[i], c.AsOf.Format("2006-01-02"), c.Division.Name, t.Format("2006-01-02")))
			continue
		}
		out = append(out, c)
	}
	return out
}
