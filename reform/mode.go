package reform

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
)

// Modes is a document of kind ReformModes: the measures a bureau runs and
// the reform modes composed of them. [Default] holds the modes of the
// seed bulletin; [Parse] reads a bureau's own.
type Modes struct {
	Title  string
	Source string    // where the modes are described
	AsOf   time.Time // the date the source describes
	Notes  string
	// Measures are every measure the modes may name, in document order.
	Measures []*Measure
	Modes    []*Mode
	// Counting says how the bureau counts its indicators: the formula of
	// 承诺提速率, how limits in different units compare, which matters are
	// exempt from 零跑动. Nil means the defaults.
	Counting *Counting
	// Extensions holds the document's x- members as JSON text.
	Extensions matters.Extensions
}

// Measure is one reform measure (举措): 马上办, 就近办, 帮代办 … It names the
// indicators that show its progress. A measure no catalogue can measure
// (集中办, the training of 三抓三促) has no indicators and may name the
// figures only a report gives.
type Measure struct {
	Name string
	// Mode is the mode the measure belongs to, when it is that mode's
	// own: 船山's 就近办 (matters delegated to townships) is not 蓬溪's
	// 就近办 (the lists of matters handled anywhere or nearby). Empty for
	// a measure any mode may name.
	Mode        string
	Description string
	Indicators  []Indicator
	Reported    []string // figures a bulletin reports for it (培训人次, 代办点数 …)
	Extensions  matters.Extensions
}

// Measurable reports whether some indicator over a catalogue shows the
// measure's progress.
func (m *Measure) Measurable() bool { return len(m.Indicators) > 0 }

// Mode is a reform mode: a named set of measures a unit runs ("七办" of
// 蓬溪县行政审批局), optionally grouped ("3+2" is 三办 and 双代办) and with
// targets for its indicators.
type Mode struct {
	Name        string
	Aliases     []string // other names it is known or looked up by
	Unit        string   // the unit that runs it, as the source names it
	Description string
	Measures    []*Measure
	Groups      []MeasureGroup
	Targets     []Target
	Extensions  matters.Extensions
}

// MeasureGroup is a named group of a mode's measures.
type MeasureGroup struct {
	Name       string
	Measures   []*Measure
	Extensions matters.Extensions
}

// Mode returns the mode whose name or alias is name, or nil.
func (d *Modes) Mode(name string) *Mode {
	for _, m := range d.Modes {
		if m.Name == name {
			return m
		}
	}
	for _, m := range d.Modes {
		for _, a := range m.Aliases {
			if a == name {
				return m
			}
		}
	}
	return nil
}

// Measure returns the measure named name that belongs to no mode, or nil.
func (d *Modes) Measure(name string) *Measure { return d.MeasureOf("", name) }

// MeasureOf returns the measure named name as mode names it: the mode's
// own measure of that name if it has one, else the measure that belongs
// to no mode; nil if neither exists.
func (d *Modes) MeasureOf(mode, name string) *Measure {
	var shared *Measure
	for _, m := range d.Measures {
		switch {
		case m.Name != name:
		case m.Mode != "" && m.Mode == mode:
			return m
		case m.Mode == "" && shared == nil:
			shared = m
		}
	}
	return shared
}

// Counting is how a bureau counts its indicators, declared in its modes
// document: the formula of 承诺提速率, the unit policy for limits, and the
// matters exempt from 零跑动. [Counting.Config] turns it into a [Config].
type Counting struct {
	Speedup         SpeedupFormula
	Units           UnitPolicy
	ZeroVisitExempt []string // codes or base codes
	// Custom are the bureau's own indicators (网上可办率 …), written in a
	// document as [ParseCustom] reads them.
	Custom     []Custom
	Extensions matters.Extensions
}

// Config returns cfg with the counting rules of c set; a nil c returns
// cfg unchanged.
func (c *Counting) Config(cfg Config) Config {
	if c == nil {
		return cfg
	}
	cfg.Speedup = c.Speedup
	cfg.Units = c.Units
	cfg.ZeroVisitExempt = append(cfg.ZeroVisitExempt[:len(cfg.ZeroVisitExempt):len(cfg.ZeroVisitExempt)], c.ZeroVisitExempt...)
	cfg.Custom = append(cfg.Custom[:len(cfg.Custom):len(cfg.Custom)], c.Custom...)
	return cfg
}

// Names returns the names of the modes, in document order.
func (d *Modes) Names() []string {
	out := make([]string, len(d.Modes))
	for i, m := range d.Modes {
		out[i] = m.Name
	}
	return out
}

// Indicators returns the distinct indicators of the mode's measures, in
// the order the measures name them.
func (m *Mode) Indicators() []Indicator {
	var seen [numIndicators]bool
	var out []Indicator
	for _, ms := range m.Measures {
		for _, i := range ms.Indicators {
			if i.IsValid() && !seen[i] {
				seen[i] = true
				out = append(out, i)
			}
		}
	}
	return out
}

// Target is a target for one indicator: the figure must be at least
// AtLeast, which is in hundredths of a percent for a share (7000 is 70%)
// and a number of matters for a count; with AtMost, it must be at most
// that figure (a ceiling, as for a share of matters still needing visits).
type Target struct {
	Indicator  Indicator
	AtLeast    int64
	AtMost     bool // AtLeast is a ceiling, not a floor
	Extensions matters.Extensions
}

// ParseTarget reads a target written as "即办比例>=70%", "即办比例 ≥ 76.85%"
// or "川渝通办事项数>=200": an indicator name, >= or ≥ (<= or ≤ for a
// ceiling), and a figure, a percentage with at most two decimals for a
// share, a whole number for a count.
func ParseTarget(s string) (Target, error) {
	atMost := false
	name, fig, ok := strings.Cut(s, ">=")
	if !ok {
		name, fig, ok = strings.Cut(s, "≥")
	}
	if !ok {
		if name, fig, ok = strings.Cut(s, "<="); !ok {
			name, fig, ok = strings.Cut(s, "≤")
		}
		atMost = ok
	}
	if !ok {
		return Target{}, fmt.Errorf("reform: target %q: want INDICATOR>=FIGURE or INDICATOR<=FIGURE", s)
	}
	ind, err := ParseIndicator(strings.TrimSpace(name))
	if err != nil {
		return Target{}, err
	}
	fig = strings.TrimSpace(fig)
	pct := strings.HasSuffix(fig, "%")
	fig = strings.TrimSpace(strings.TrimSuffix(fig, "%"))
	if pct != ind.IsShare() {
		if ind.IsShare() {
			return Target{}, fmt.Errorf("reform: target %q: %s is a share; give a percentage", s, ind)
		}
		return Target{}, fmt.Errorf("reform: target %q: %s is a count; give a number, not a percentage", s, ind)
	}
	at, err := targetFigure(ind, fig)
	if err != nil {
		return Target{}, fmt.Errorf("reform: target %q: %w", s, err)
	}
	return Target{Indicator: ind, AtLeast: at, AtMost: atMost}, nil
}

// targetFigure reads the figure of a target for ind from decimal text
// (a JSON number): percent for a share, matters for a count.
func targetFigure(ind Indicator, text string) (int64, error) {
	h, err := decimalHundredths(text)
	if err != nil {
		return 0, fmt.Errorf("%s %w", text, err)
	}
	if ind.IsShare() {
		if h > 10000 {
			return 0, fmt.Errorf("%s%% is more than 100%%", text)
		}
		return h, nil
	}
	if h%100 != 0 {
		return 0, fmt.Errorf("%s is not a whole number of matters", text)
	}
	return h / 100, nil
}

// maxTargetHundredths bounds what decimalHundredths accepts, 10¹⁵ matters.
const maxTargetHundredths = 100_000_000_000_000_000

// decimalHundredths reads a non-negative decimal (JSON number syntax, an
// exponent allowed) as a whole number of hundredths, exactly. It fails on
// more than two decimals and on numbers beyond maxTargetHundredths,
// without ever building a huge number.
func decimalHundredths(s string) (int64, error) {
	errSyntax := errors.New("is not a non-negative decimal number")
	mant, exp := s, 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant = s[:i]
		e, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+"))
		if err != nil {
			return 0, errSyntax
		}
		if e < -40 || e > 40 {
			return 0, errTooLarge
		}
		exp = e
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	if intPart == "" || strings.Trim(intPart, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		return 0, errSyntax
	}
	digits := strings.TrimLeft(intPart+frac, "0")
	// value = digits × 10^(exp − len(frac)), that is digits ×
	// 10^(exp − len(frac) + 2) hundredths.
	scale := exp - len(frac) + 2
	for scale < 0 && strings.HasSuffix(digits, "0") {
		digits = digits[:len(digits)-1]
		scale++
	}
	if digits == "" {
		return 0, nil
	}
	if scale < 0 {
		return 0, errors.New("has more than two decimals")
	}
	if len(digits)+scale > 18 {
		return 0, errTooLarge
	}
	v, err := strconv.ParseInt(digits+strings.Repeat("0", scale), 10, 64)
	if err != nil || v > maxTargetHundredths {
		return 0, errTooLarge
	}
	return v, nil
}

var errTooLarge = errors.New("is too large")

// String writes the target as "即办比例 ≥ 70.00%", "川渝通办事项数 ≥ 200" or,
// for a ceiling, "承诺提速率 ≤ 90.00%".
func (t Target) String() string {
	op := " ≥ "
	if t.AtMost {
		op = " ≤ "
	}
	if t.Indicator.IsShare() {
		return t.Indicator.String() + op + formatHundredths(t.AtLeast) + "%"
	}
	return t.Indicator.String() + op + strconv.FormatInt(t.AtLeast, 10)
}

// figure writes AtLeast as the document's atLeast number.
func (t Target) figure() string {
	if t.Indicator.IsShare() {
		s := formatHundredths(t.AtLeast)
		s = strings.TrimRight(s, "0")
		return strings.TrimSuffix(s, ".")
	}
	return strconv.FormatInt(t.AtLeast, 10)
}

// Check tells whether r meets the target. It compares exactly: a share
// that prints as 70.00% may still fall short of 70%.
func (t Target) Check(r Result) Verdict {
	if r.Indicator != t.Indicator {
		return Undetermined
	}
	var ok bool
	switch {
	case t.Indicator.IsShare() && !r.Ratio().Defined():
		return Undetermined
	case t.Indicator.IsShare() && t.AtMost:
		ok = r.Ratio().AtMost(t.AtLeast)
	case t.Indicator.IsShare():
		ok = r.Ratio().AtLeast(t.AtLeast)
	case t.AtMost:
		ok = r.Num <= t.AtLeast
	default:
		ok = r.Num >= t.AtLeast
	}
	if ok {
		return Met
	}
	return NotMet
}

// Verdict says whether a figure meets its target. The zero Verdict means
// there is no target.
type Verdict uint8

// The verdictTerms.
const (
	Met          Verdict = 1 + iota // 达标
	NotMet                          // 未达标
	Undetermined                    // 无法判定: the figure is undefined
)

var verdictTerms = &schema.Terms{Pkg: "reform", Name: "verdict", Type: "reform.Verdict", List: []string{"达标", "未达标", "无法判定"}}

// AllVerdicts returns every verdict.
func AllVerdicts() []Verdict { return schema.Values[Verdict](verdictTerms) }

// String returns the Chinese term (达标), "" for no target, and
// "reform.Verdict(N)" for a value that is not a verdict. It never panics.
func (v Verdict) String() string {
	if v == 0 {
		return ""
	}
	return verdictTerms.Term(uint8(v))
}

// ParseVerdict reads a verdict from its Chinese term.
func ParseVerdict(s string) (Verdict, error) {
	v, err := verdictTerms.Parse(s)
	return Verdict(v), err
}

// MarshalText writes the Chinese term; it fails for a value that is not a
// verdict. The zero Verdict writes as "".
func (v Verdict) MarshalText() ([]byte, error) {
	if v == 0 {
		return []byte{}, nil
	}
	return verdictTerms.Marshal(uint8(v))
}

// UnmarshalText reads a verdict through [ParseVerdict]; "" reads as no
// target.
func (v *Verdict) UnmarshalText(b []byte) error { return schema.UnmarshalOptional(v, b, ParseVerdict) }
