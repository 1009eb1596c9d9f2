// Command coverage computes the reform indicators of catalogues of service
// matters and the scorecard of a reform mode over them, and rolls the
// figures up the administrative hierarchy of Suining.
//
// Usage:
//
//	coverage [-in FILE]... [-mode NAME] [-modes FILE] [-base FILE] [-target T]... [-speedup F] [-units P] [-exempt CODE]... [-custom INDICATOR]... [-json] [-ahead]
//
// -base - reads the base catalogue from standard input (-in needs a file:
// it is read twice, for its header and then its matters).
//
// With no -in it measures the embedded sample catalogue
// (examples/data/catalogue-pengxi.yaml). Several -in catalogues are
// measured one by one; each belongs to the unit its division names, and
// the roll-up merges them up the hierarchy (county → city). -mode names the
// reform mode whose scorecard is printed ("七办" by default; see
// reform.Default for the others, or -modes for a bureau's own document).
// -base gives a base catalogue (基本目录; a document, a CSV spreadsheet or
// a workbook) to measure 认领率 and 国家标准事项覆盖率 against. -target sets a target such as "即办比例>=70%" (or a ceiling,
// "承诺提速率<=90%"), replacing the mode's own for that indicator.
//
// How indicators are counted is the bureau's to declare, in the counting
// section of its modes document (-modes) or by flags, which win: -speedup
// chooses the formula of 承诺提速率 (总时限压缩比, the default; 平均压缩比;
// 提速事项占比), -units how limits in 自然日, 小时 and 分钟 compare with
// working days (换算, the default: 7 自然日 = 5 工作日 = 40 小时; or
// 同单位), -exempt declares a matter exempt from 零跑动, and -custom adds a
// bureau's own indicator over the matters' elements ("网上可办率:
// online=互联网受理", a share of the application-based matters; see
// reform.ParseCustom).
//
// A file given twice is refused, and so are two catalogues of one
// division with the same as-of date; of two editions of a division the
// later is rolled up, with a warning. A spreadsheet names no division: the
// name package county knows for its code is used, with a note.
//
// Catalogues are streamed (matters.Decoder): their matters pass through the
// indicators one at a time and are never held, so a catalogue of a million
// matters is measured in the memory of one. -ahead reads a JSON
// catalogue's matters ahead on a second CPU
// (matters.DecodeOptions.ReadAhead): less wall time, more CPU time.
//
// Every figure is computed from the catalogues: shares print with their
// numerator and denominator, and every indicator says which matters it
// left out and why. With -json the same is printed as JSON.
//
// Problems with the documents are printed to standard error in the
// compiler convention editors parse:
//
//	FILE:LINE:COL: SEVERITY: PATH: MESSAGE [RULE]
//
// It exits 0 when no document has an error (warnings do not fail), 1 when
// any has, and 2 on a usage error.
package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/zwfw/zwfw/county"
	"github.com/zwfw/zwfw/examples/data"
	"github.com/zwfw/zwfw/examples/internal/cli"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/workbook"
	"github.com/zwfw/zwfw/reform"
	"github.com/zwfw/zwfw/schema"
)

func main() { cli.Main(run) }

// catalogue is one measured catalogue. Its matters and bundles are
// streamed through the indicators, never held: cat has the header only.
type catalogue struct {
	ahead   bool // read matters ahead on a second CPU
	file    string
	open    func() (io.ReadCloser, error)
	cat     *matters.Catalogue
	matters int
	bundles int
	unit    *county.Unit // nil when its division is not in the hierarchy
	x       *reform.Indicators
	// superseded is set when a later edition of the same division was
	// given: it is printed but left out of the roll-up.
	superseded bool
}

// oneEdition makes sure no division is counted twice: of two catalogues of
// one division, the one with the later as-of date is measured and the
// other left out of the roll-up, with a warning; two with the same date (or
// none) are refused.
func oneEdition(cats []*catalogue, pr *schema.Printer, stderr io.Writer) bool {
	ok := true
	for i, c := range cats {
		for _, e := range cats[:i] {
			if e.superseded || c.cat.Division.Code == "" || !sameDivision(c.cat.Division.Code, e.cat.Division.Code) {
				continue
			}
			switch {
			case c.cat.AsOf.After(e.cat.AsOf):
				e.superseded = true
				fmt.Fprintln(stderr, "coverage: "+pr.Sprintf("warning: %s and %s are editions of division %s; the later (%s, as of %s) is rolled up",
					e.file, c.file, c.cat.Division.Code, c.file, c.cat.AsOf.Format("2006-01-02")))
			case e.cat.AsOf.After(c.cat.AsOf):
				c.superseded = true
				fmt.Fprintln(stderr, "coverage: "+pr.Sprintf("warning: %s and %s are editions of division %s; the later (%s, as of %s) is rolled up",
					e.file, c.file, c.cat.Division.Code, e.file, e.cat.AsOf.Format("2006-01-02")))
			default:
				fmt.Fprintln(stderr, "coverage: "+pr.Sprintf("%s and %s both hold division %s with no later as-of date between them; give one of them (they would be counted twice)",
					e.file, c.file, c.cat.Division.Code))
				ok = false
			}
		}
	}
	return ok
}

// sameDivision compares division codes however they are spelled (510921
// and 510921000000 are one).
func sameDivision(a, b string) bool {
	ca, errA := county.ParseCode(a)
	cb, errB := county.ParseCode(b)
	if errA != nil || errB != nil {
		return a == b
	}
	return ca == cb
}

// header reads a catalogue up to its first matter, for its level.
func (c *catalogue) header() (*matters.Catalogue, error) {
	r, err := c.open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	if cli.IsWorkbook(c.file) {
		cat, _ := workbook.Read(r, c.file)
		return cat, nil
	}
	d := matters.NewDecoder(r, c.file, nil)
	for range d.Matters() {
		break
	}
	return d.Catalogue(), nil
}

// measure streams the catalogue's matters through a new accumulator and
// returns the problems found.
func (c *catalogue) measure(cfg reform.Config, progress *cli.Progress) (schema.List, error) {
	r, err := c.open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	c.x = reform.New(cfg)
	if cli.IsWorkbook(c.file) {
		// A workbook is read whole, row by row.
		var probs schema.List
		c.cat, _ = workbook.Read(r, c.file, schema.Collect(&probs))
		if c.cat != nil {
			c.x.AddCatalogue(c.cat)
			c.matters, c.bundles = len(c.cat.Matters), len(c.cat.Bundles)
		}
		return probs, nil
	}
	opts := matters.DecodeOptions{OnBundle: func(_ int, b *matters.Bundle) {
		c.x.AddBundle(b)
		c.bundles++
	}, ReadAhead: c.ahead}
	if progress != nil {
		opts.Progress = progress.Update
	}
	d := matters.NewDecoder(r, c.file, &opts)
	for _, m := range d.Matters() {
		c.x.Add(m)
		c.matters++
	}
	progress.Done(int64(c.matters))
	c.cat = d.Catalogue()
	return d.Problems(), nil
}

func run(args []string, stdout, stderr io.Writer) int {
	prog := cli.New("coverage", args, stderr, "[-in FILE]... [-mode NAME] [-modes FILE] [-base FILE] [-target T]... [-speedup F] [-units P] [-exempt CODE]... [-custom INDICATOR]... [-json] [-q] [-ahead] [-lang zh|en]",
		schema.M("With no -in, measures the embedded sample catalogue."))
	fl, pr := prog.Flags, prog.P
	var ins []string
	fl.Func("in", "measure the catalogue in `FILE` (YAML, JSON or a CSV spreadsheet; repeatable; default: the embedded sample)", func(s string) error {
		ins = append(ins, s)
		return nil
	})
	modeName := fl.String("mode", "七办", "print the scorecard of reform mode `NAME`")
	modesFile := fl.String("modes", "", "read the reform modes from `FILE` instead of the embedded ones")
	baseFile := fl.String("base", "", "measure 认领率 and 国家标准事项覆盖率 against the base catalogue in `FILE`")
	var targets []reform.Target
	fl.Func("target", "set a `TARGET` such as 即办比例>=70% or 承诺提速率<=90% (repeatable), replacing the mode's own for that indicator", cli.Parsed(reform.ParseTarget, func(t reform.Target) {
		targets = append(targets, t)
	}))
	var cfgFlags reform.Config
	var speedupSet, unitsSet bool
	fl.Func("custom", "add the bureau's own `INDICATOR`, such as \"网上可办率: online=互联网受理\" (repeatable; see reform.ParseCustom)", cli.Parsed(reform.ParseCustom, func(c reform.Custom) {
		cfgFlags.Custom = append(cfgFlags.Custom, c)
	}))
	fl.Func("exempt", "declare the matter with `CODE` (or base code) exempt from 零跑动 (repeatable)", func(s string) error {
		cfgFlags.ZeroVisitExempt = append(cfgFlags.ZeroVisitExempt, s)
		return nil
	})
	fl.Func("speedup", "compute 承诺提速率 by `FORMULA`: 总时限压缩比 (sum, the default), 平均压缩比 (mean) or 提速事项占比 (share)", cli.Parsed(reform.ParseSpeedupFormula, func(f reform.SpeedupFormula) {
		cfgFlags.Speedup, speedupSet = f, true
	}))
	fl.Func("units", "compare limits in 自然日, 小时, 分钟 with working days by `POLICY`: 换算 (convert, the default: 7 自然日 = 5 工作日 = 40 小时) or 同单位 (same-unit)", cli.Parsed(reform.ParseUnitPolicy, func(p reform.UnitPolicy) {
		cfgFlags.Units, unitsSet = p, true
	}))
	asJSON := fl.Bool("json", false, "print the figures as JSON")
	quiet := fl.Bool("q", false, "show no progress on standard error")
	ahead := fl.Bool("ahead", false, "read a JSON catalogue's matters ahead on a second CPU: less wall time, more CPU time")
	if err := prog.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		prog.Usagef("unexpected argument %q (catalogues go with -in)", fl.Arg(0))
		return 2
	}

	failed := false
	report := func(probs schema.List) {
		pr.List(stderr, probs)
		failed = failed || probs.HasErrors()
	}

	modes := reform.Default()
	if *modesFile != "" {
		var probs schema.List
		d, err := reform.LoadFile(*modesFile, schema.Collect(&probs))
		report(probs)
		if d == nil || err != nil {
			return 1
		}
		modes = d
	}
	mode := modes.Mode(*modeName)
	if mode == nil {
		fmt.Fprintln(stderr, "coverage: "+pr.Sprintf("no reform mode %q (known: %s)", *modeName, strings.Join(modes.Names(), ", ")))
		return 2
	}

	var base *matters.Catalogue
	if *baseFile != "" {
		var probs schema.List
		base, probs = cli.LoadCatalogue(*baseFile)
		report(probs)
	}

	var cats []*catalogue
	if len(ins) == 0 {
		cats = append(cats, &catalogue{file: data.Catalogue, ahead: *ahead, open: func() (io.ReadCloser, error) { return data.FS.Open(data.Catalogue) }})
	}
	for i, in := range ins {
		// The same file twice would be counted twice: refuse it.
		for _, prev := range ins[:i] {
			if cli.SameFile(prev, in) {
				fmt.Fprintln(stderr, "coverage: "+pr.Sprintf("%s is given twice (as %s and %s); each catalogue is measured once", in, prev, in))
				return 2
			}
		}
		cats = append(cats, &catalogue{file: in, ahead: *ahead, open: func() (io.ReadCloser, error) { return os.Open(in) }})
	}
	// The headers first: every accumulator needs the same Config, and the
	// level in it is the catalogues' common level.
	var levels []matters.Level
	for _, c := range cats {
		head, err := c.header()
		if err != nil {
			report(schema.ReadProblem(c.file, err))
			continue
		}
		if head != nil {
			levels = append(levels, head.Level)
		}
	}
	if failed {
		return 1
	}
	// The counting rules: the modes document's, then the flags'.
	cfg := modes.Counting.Config(reform.Config{})
	if speedupSet {
		cfg.Speedup = cfgFlags.Speedup
	}
	if unitsSet {
		cfg.Units = cfgFlags.Units
	}
	cfg.ZeroVisitExempt = append(cfg.ZeroVisitExempt, cfgFlags.ZeroVisitExempt...)
	cfg.Custom = append(cfg.Custom, cfgFlags.Custom...)
	cfg.Level = commonLevel(levels)
	if base != nil {
		cfg.Base = reform.NewBase(base)
	}
	for _, c := range cats {
		progress := cli.NewProgress(stderr, pr, schema.M("%s: %d matters read", c.file), *quiet)
		probs, err := c.measure(cfg, progress)
		if err != nil {
			probs = schema.ReadProblem(c.file, err)
		}
		report(probs)
	}
	if failed {
		return 1
	}

	for _, c := range cats {
		prog.NameDivision(&c.cat.Division, c.file)
	}
	if !oneEdition(cats, pr, stderr) {
		return 1
	}

	h := county.Suining()
	own := map[*county.Unit]*reform.Indicators{}
	for _, c := range cats {
		if c.superseded {
			continue
		}
		c.unit = unitOf(h, c.cat.Division)
		if c.unit == nil {
			fmt.Fprintln(stderr, "coverage: "+pr.Sprintf("%s: division %s %s is not a unit of %s; left out of the roll-up",
				c.file, c.cat.Division.Code, c.cat.Division.Name, rootName(h)))
			continue
		}
		if x := own[c.unit]; x != nil {
			if err := x.Merge(c.x); err != nil {
				fmt.Fprintln(stderr, "coverage:", err)
				return 1
			}
		} else {
			own[c.unit] = c.x.Clone()
		}
	}
	rolled, err := reform.RollUp(h, own)
	if err != nil {
		fmt.Fprintln(stderr, "coverage:", err)
		return 1
	}

	out := output{Mode: mode.Name, Base: *baseFile, Catalogues: []catalogueJSON{}, RollUp: []rollUpJSON{}}
	for _, c := range cats {
		name := c.cat.Division.Name
		if c.unit != nil {
			name = c.unit.Name()
		}
		out.Catalogues = append(out.Catalogues, catalogueJSON{
			File: c.file, Title: c.cat.Title, Division: c.cat.Division.Code + " " + c.cat.Division.Name,
			Matters: c.matters, Bundles: c.bundles,
			Indicators: c.x.Results(), Custom: c.x.CustomResults(), Scorecard: mode.Score(name, c.x, targets...),
		})
	}
	for u := range h.All() {
		x := rolled[u]
		if x == nil {
			continue
		}
		n := 0
		for _, c := range cats {
			if c.unit != nil && (c.unit == u || isBelow(c.unit, u)) {
				n++
			}
		}
		out.RollUp = append(out.RollUp, rollUpJSON{Unit: u.QualifiedName(), Code: u.Code().String(), Catalogues: n,
			Matters: x.Result(reform.TotalMatters).Num, Scorecard: mode.Score(u.Name(), x, targets...)})
	}

	if *asJSON {
		if err := cli.WriteJSON(stdout, out); err != nil {
			fmt.Fprintln(stderr, "coverage:", err)
			return 1
		}
		return 0
	}
	w := &writer{w: stdout, p: pr}
	for i, c := range out.Catalogues {
		if i > 0 {
			w.line("")
		}
		printCatalogue(w, c, cfg)
	}
	printRollUp(w, out.RollUp, rootName(h), mode)
	if w.err != nil {
		fmt.Fprintln(stderr, "coverage:", w.err)
		return 1
	}
	return 0
}

// output is what -json prints.
type output struct {
	Mode       string          `json:"mode"`
	Base       string          `json:"base,omitempty"`
	Catalogues []catalogueJSON `json:"catalogues"`
	RollUp     []rollUpJSON    `json:"rollUp"`
}

type catalogueJSON struct {
	File       string            `json:"file"`
	Title      string            `json:"title,omitempty"`
	Division   string            `json:"division"`
	Matters    int               `json:"matters"`
	Bundles    int               `json:"bundles"`
	Indicators []reform.Result   `json:"indicators"`
	Custom     []reform.Result   `json:"customIndicators,omitempty"`
	Scorecard  *reform.Scorecard `json:"scorecard"`
}

type rollUpJSON struct {
	Unit       string            `json:"unit"`
	Code       string            `json:"code,omitempty"`
	Catalogues int               `json:"catalogues"`
	Matters    int64             `json:"matters"`
	Scorecard  *reform.Scorecard `json:"scorecard"`
}

// commonLevel is the level all catalogues state, or zero when they differ:
// the base items a list should claim are those of its level.
func commonLevel(levels []matters.Level) matters.Level {
	var l matters.Level
	for i, v := range levels {
		if i == 0 {
			l = v
		} else if v != l {
			return 0
		}
	}
	return l
}

// unitOf finds the unit of a catalogue's division, by code and then by name.
func unitOf(h *county.Hierarchy, d matters.Division) *county.Unit {
	if d.Code != "" {
		if c, err := county.ParseCode(d.Code); err == nil {
			if u := h.ByCode(c); u != nil {
				return u
			}
		}
	}
	if u, err := h.Find(d.Name); err == nil {
		return u
	}
	return nil
}

func isBelow(u, above *county.Unit) bool {
	for a := range u.Ancestors() {
		if a == above {
			return true
		}
	}
	return false
}

func rootName(h *county.Hierarchy) string {
	var names []string
	for _, r := range h.Roots() {
		names = append(names, r.Name())
	}
	return strings.Join(names, ", ")
}

// writer remembers the first write error.
type writer struct {
	w   io.Writer
	p   *schema.Printer
	err error
}

// line writes one line in the printer's language; what the data puts in
// it (titles, names) is written through schema.Printable, so it stays one
// line.
func (w *writer) line(format string, args ...any) {
	if w.err == nil {
		_, w.err = fmt.Fprintln(w.w, schema.Printable(w.p.Sprintf(format, args...)))
	}
}

func printCatalogue(w *writer, c catalogueJSON, cfg reform.Config) {
	w.line("%s: %s", c.File, c.Title)
	w.line("  division %s, %d matters, %d bundles", c.Division, c.Matters, c.Bundles)
	w.line("")
	w.line("Indicators:")
	var printed []reform.Result
	for _, r := range c.Indicators {
		printResult(w, r, cfg, printed)
		printed = append(printed, r)
	}
	if len(c.Custom) > 0 {
		w.line("")
		w.line("Custom indicators:")
		for _, r := range c.Custom {
			printResult(w, r, cfg, printed)
			printed = append(printed, r)
		}
	}
	w.line("")
	printScorecard(w, c.Scorecard)
}

// converted closes the parenthesis of 承诺提速率, saying how many matters had
// their limits converted between units.
func converted(b *strings.Builder, p *schema.Printer, r reform.Result) {
	if r.Converted > 0 {
		b.WriteString(p.Sprintf(", %d with limits converted between units", r.Converted))
	}
	b.WriteByte(')')
}

// scaledDays formats a sum in 1/scale of a working day with two decimals,
// rounded half up.
func scaledDays(n, scale int64) string {
	if scale <= 0 || scale == 100 {
		return hundredths(n)
	}
	neg := n < 0
	if neg {
		n = -n
	}
	h := (n*100*2 + scale) / (2 * scale)
	if neg {
		h = -h
	}
	return hundredths(h)
}

// millionths formats a sum of cuts in millionths as a number with four
// decimals, rounded half up in integers (a float would round 0.00005
// either way).
func millionths(n int64) string {
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	q := n/100 + (n%100)/50 // ten-thousandths, half up
	return fmt.Sprintf("%s%d.%04d", sign, q/10000, q%10000)
}

// hundredths formats a sum in hundredths of a working day.
func hundredths(h int64) string {
	sign := ""
	if h < 0 {
		sign, h = "-", -h
	}
	return fmt.Sprintf("%s%d.%02d", sign, h/100, h%100)
}

func describe(p *schema.Printer, r reform.Result) string {
	var b strings.Builder
	if v := r.Value(); v == "undefined" {
		b.WriteString(p.Sprintf("undefined"))
	} else {
		b.WriteString(v)
	}
	switch {
	case r.Indicator == reform.PromiseSpeedup && r.Formula == reform.SpeedupMean:
		b.WriteString(p.Sprintf(" (%s: Σ per-matter cuts = %s of %d matters", r.Formula, millionths(r.Num), r.Counted))
		converted(&b, p, r)
	case r.Indicator == reform.PromiseSpeedup && r.Formula == reform.SpeedupShare:
		b.WriteString(p.Sprintf(" (%s: %d of %d matters sped up", r.Formula, r.Num, r.Den))
		converted(&b, p, r)
	case r.Indicator == reform.PromiseSpeedup:
		b.WriteString(p.Sprintf(" (Σ legal − Σ promised = %s of %s working days, over %d matters", scaledDays(r.Num, r.Scale), scaledDays(r.Den, r.Scale), r.Counted))
		converted(&b, p, r)
	case r.Indicator == reform.ClaimRate:
		b.WriteString(p.Sprintf(" (%d of %d base items claimed)", r.Num, r.Den))
	case r.Indicator == reform.ExemptMaterialShare:
		b.WriteString(p.Sprintf(" (%d of %d materials, over %d matters)", r.Num, r.Den, r.Counted))
	case r.Indicator.IsAverage():
		b.WriteString(p.Sprintf(" (%d materials over %d matters)", r.Num, r.Den))
	case r.IsShare():
		b.WriteString(p.Sprintf(" (%d of %d matters)", r.Num, r.Den))
	case r.Indicator == reform.BundleCount:
		b.WriteString(p.Sprintf(" bundles"))
	case r.Distinct:
		b.WriteString(p.Sprintf(" items (from %d matters)", r.Matters))
	}
	if len(r.Groups) > 0 {
		parts := make([]string, len(r.Groups))
		for i, g := range r.Groups {
			parts[i] = g.Key + " " + strconv.FormatInt(g.Count, 10)
		}
		b.WriteString(": " + strings.Join(parts, ", "))
	}
	return b.String()
}

// printResult prints one indicator with what it left out; when an
// indicator printed before left out the same matters, it says so rather
// than listing them again.
func printResult(w *writer, r reform.Result, cfg reform.Config, before []reform.Result) {
	line := describe(w.p, r)
	if r.Indicator == reform.ClaimRate && cfg.Base == nil {
		line += w.p.Sprintf(" (no base catalogue: see -base)")
	} else if r.Indicator == reform.ClaimRate && cfg.Level != 0 {
		line += w.p.Sprintf(", base items of %s", cfg.Level)
	}
	w.line("  %s: %s", r.Label(), line)
	if len(r.Unknown) > 0 {
		var n int64
		for _, e := range r.Unknown {
			n += e.Count
		}
		w.line("    unknown %d, counted in the denominator: %s", n, exclusionList(w.p, r.Unknown))
	}
	if len(r.Excluded) == 0 {
		return
	}
	var n int64
	for _, e := range r.Excluded {
		n += e.Count
	}
	for _, b := range before {
		if sameExclusions(b.Excluded, r.Excluded) {
			w.line("    left out %d: the same as %s", n, b.Label())
			return
		}
	}
	w.line("    left out %d: %s", n, exclusionList(w.p, r.Excluded))
}

// exclusionList prints matters left out or unknown: per reason, the count
// and example codes.
func exclusionList(p *schema.Printer, es []reform.Exclusion) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = fmt.Sprintf("%s %d", e.Reason.Localize(p.Lang), e.Count)
		if len(e.Examples) > 0 {
			more := ""
			if int64(len(e.Examples)) < e.Count {
				more = " …"
			}
			parts[i] += " (" + strings.Join(e.Examples, ", ") + more + ")"
		}
	}
	return strings.Join(parts, "; ")
}

func sameExclusions(a, b []reform.Exclusion) bool {
	return slices.EqualFunc(a, b, func(x, y reform.Exclusion) bool {
		return x.Reason == y.Reason && x.Count == y.Count && slices.Equal(x.Examples, y.Examples)
	})
}

func printScorecard(w *writer, sc *reform.Scorecard) {
	w.line("Scorecard %s (as run by %s) for %s:", sc.Mode.Name, sc.Mode.Unit, sc.Unit)
	for _, ms := range sc.Measures {
		name := ms.Measure.Name
		if ms.Group != "" {
			name = ms.Group + "/" + name
		}
		if len(ms.Scores) == 0 {
			note := w.p.Sprintf("not measured by a catalogue")
			if len(ms.Measure.Reported) > 0 {
				note += w.p.Sprintf("; reported figures: %s", strings.Join(ms.Measure.Reported, ", "))
			}
			w.line("  %s: %s", name, note)
			continue
		}
		w.line("  %s:", name)
		for _, s := range ms.Scores {
			line := describe(w.p, s.Result)
			if s.Target != nil {
				line += w.p.Sprintf("; target %s: %s", s.Target, s.Verdict)
			}
			w.line("    %s %s", s.Result.Indicator, line)
		}
	}
	w.line("  targets: %s", tally(w.p, sc))
}

// tally summarises the verdicts of a scorecard's targets.
func tally(p *schema.Printer, sc *reform.Scorecard) string {
	met, notMet, und := sc.Tally()
	if met+notMet+und == 0 {
		return p.Sprintf("none set")
	}
	return p.Sprintf("%d met, %d not met, %d undetermined", met, notMet, und)
}

func printRollUp(w *writer, rows []rollUpJSON, root string, mode *reform.Mode) {
	w.line("")
	if len(rows) == 0 {
		w.line("Roll-up: no catalogue belongs to a unit of %s", root)
		return
	}
	w.line("Roll-up along %s, mode %s:", root, mode.Name)
	for _, r := range rows {
		w.line("  %s: %d matters from %d catalogue(s); targets: %s", r.Unit, r.Matters, r.Catalogues, tally(w.p, r.Scorecard))
		var parts []string
		seen := map[reform.Indicator]bool{}
		for _, ms := range r.Scorecard.Measures {
			for _, s := range ms.Scores {
				if !seen[s.Result.Indicator] {
					seen[s.Result.Indicator] = true
					parts = append(parts, s.Result.Indicator.String()+" "+s.Result.Value())
				}
			}
		}
		if len(parts) > 0 {
			w.line("    %s", strings.Join(parts, ", "))
		}
	}
}
