// Command bulletin reads a monthly work bulletin (工作简报), checks it, and
// prints it in its own layout, as Markdown or as JSON; or sets the figures
// it reports against those computed from catalogues.
//
// Usage:
//
//	bulletin [-in FILE] [-format text|markdown|json] [-rate]
//	bulletin [-in FILE] [-format text|markdown|json] -check CATALOGUE...
//
// With no -in it reads the embedded April 2021 bulletin of Suining
// (examples/data/bulletin-2021-04.yaml) and prints it as the bulletin
// printed it. -rate adds the completion rate (办结率), computed from the
// accepted and completed cases. With -check, each argument is a catalogue
// (an implementation list in the module's catalogue format) of the unit
// its division names; every figure of the bulletin that names an indicator
// is computed over the catalogue of its unit and listed with the reported
// value and whether the two agree.
//
// Problems are printed to standard error in the compiler convention
// editors parse:
//
//	FILE:LINE:COL: SEVERITY: PATH: MESSAGE [RULE]
//
// It exits 0 when no document has an error (warnings, and figures that
// disagree with the catalogues, do not fail), 1 when any has, and 2 on a
// usage error.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/zwfw/zwfw/examples/data"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/reform"
	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/schema"
)

// defaultFile is the embedded bulletin read when no -in is given.
const defaultFile = "bulletin-2021-04.yaml"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("bulletin", flag.ContinueOnError)
	fl.SetOutput(stderr)
	in := fl.String("in", "", "read the bulletin from `FILE` (YAML or JSON) instead of the embedded April 2021 bulletin")
	format := fl.String("format", "text", "output `format`: text, markdown or json")
	rate := fl.Bool("rate", false, "add the computed completion rate (办结率)")
	check := fl.Bool("check", false, "compare reported figures with those computed from the CATALOGUE arguments")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: bulletin [-in FILE] [-format text|markdown|json] [-rate]")
		fmt.Fprintln(stderr, "       bulletin [-in FILE] [-format text|markdown|json] -check CATALOGUE...")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	f, err := report.ParseFormat(*format)
	if err != nil {
		fmt.Fprintln(stderr, "bulletin:", strings.TrimPrefix(err.Error(), "report: "))
		fl.Usage()
		return 2
	}
	switch {
	case *check && fl.NArg() == 0:
		fmt.Fprintln(stderr, "bulletin: -check needs at least one CATALOGUE")
		fl.Usage()
		return 2
	case !*check && fl.NArg() > 0:
		fmt.Fprintf(stderr, "bulletin: unexpected argument %q (catalogues go with -check)\n", fl.Arg(0))
		fl.Usage()
		return 2
	}

	var b *report.Bulletin
	var probs schema.List
	if *in == "" {
		b, probs = report.LoadFS(data.FS, defaultFile, nil)
	} else {
		b, probs = report.LoadFile(*in, nil)
	}
	failed := printProblems(stderr, probs)

	if *check {
		var cats []*matters.Catalogue
		for _, path := range fl.Args() {
			c, cprobs := matters.LoadFile(path)
			if printProblems(stderr, cprobs) {
				failed = true
			}
			if c != nil {
				cats = append(cats, c)
			}
		}
		if b == nil || probs.HasErrors() {
			return 1
		}
		if err := printComparisons(stdout, f, b.Compare(report.Catalogues(reform.Config{}, cats...))); err != nil {
			fmt.Fprintln(stderr, "bulletin:", err)
			return 1
		}
	} else {
		if b == nil || failed {
			return 1
		}
		if err := b.Render(stdout, f, &report.RenderOptions{CompletionRate: *rate}); err != nil {
			fmt.Fprintln(stderr, "bulletin:", err)
			return 1
		}
	}
	if failed {
		return 1
	}
	return 0
}

// printProblems prints each problem on a line and reports whether any is
// an error.
func printProblems(w io.Writer, probs schema.List) bool {
	for _, p := range probs {
		fmt.Fprintln(w, p.Error())
	}
	return probs.HasErrors()
}

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

func printComparisons(w io.Writer, f report.Format, cs []report.Comparison) error {
	rows := make([]comparison, len(cs))
	for i, c := range cs {
		r := comparison{Address: c.Reported.Addr.String(), Path: c.Reported.Path.String(), Unit: c.Unit,
			Indicator: c.Reported.Figure.Indicator, Reported: c.Reported.Figure.String(), Agree: c.Agree}
		if c.Err != nil {
			r.Error = strings.TrimPrefix(c.Err.Error(), "report: ")
		} else {
			r.Computed = c.Computed.String()
		}
		rows[i] = r
	}
	verdict := func(r comparison) string {
		switch {
		case r.Error != "":
			return "无法比较: " + r.Error
		case r.Agree:
			return "一致"
		}
		return "不一致"
	}
	switch f {
	case report.JSON:
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	case report.Markdown:
		fmt.Fprintln(w, "| 单位 | 指标 | 报告值 | 计算值 | 结论 | 位置 |")
		fmt.Fprintln(w, "| --- | --- | ---: | ---: | --- | --- |")
		for _, r := range rows {
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | `%s` |\n", r.Unit, r.Indicator, r.Reported, r.Computed, verdict(r), r.Path)
		}
		return nil
	}
	for _, r := range rows {
		computed := r.Computed
		if computed == "" {
			computed = "-"
		}
		if _, err := fmt.Fprintf(w, "%s %s: 报告 %s, 计算 %s: %s (%s)\n", r.Unit, r.Indicator, r.Reported, computed, verdict(r), r.Path); err != nil {
			return err
		}
	}
	return nil
}
