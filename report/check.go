package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/zwfw/zwfw/schema"
)

// Rules the package reports, besides the "schema.*" and "syntax.*" rules of
// package schema.
const (
	// RuleRead: the document could not be read (I/O error, too large).
	RuleRead = schema.RuleRead
	// RuleDecode: a value passed the schema but cannot be typed (an
	// integer out of range).
	RuleDecode schema.Rule = "bulletin.decode"
	// RuleInvalidValue: a figure's value does not suit its kind (a count
	// that is negative or fractional, a date that is no date, a scale on
	// a percentage).
	RuleInvalidValue schema.Rule = "bulletin.invalid-value"
	// RuleTotalMismatch: a stated total differs from the sum of its parts
	// (leave by kind, visits). Reported at the total.
	RuleTotalMismatch schema.Rule = "bulletin.total-mismatch"
	// RuleCompletedExceedsAccepted is no longer reported: a month's
	// completions include cases accepted in earlier months, so more cases
	// completed than accepted is normal.
	//
	// Deprecated: no check reports it.
	RuleCompletedExceedsAccepted schema.Rule = "bulletin.completed-exceeds-accepted"
	// RulePercentageRange: a percentage below 0 or above 100.
	RulePercentageRange schema.Rule = "bulletin.percentage-range"
	// RuleNonPositiveCount: a visit counted zero or fewer times.
	RuleNonPositiveCount schema.Rule = "bulletin.non-positive-count"
	// RuleBadTemplate: a text with an unmatched brace or a bad
	// placeholder name.
	RuleBadTemplate schema.Rule = "bulletin.bad-template"
	// RuleUndefinedFigure: a placeholder that names no figure.
	RuleUndefinedFigure schema.Rule = "bulletin.undefined-figure"
	// RuleUnusedFigure: a figure no text of its scope uses.
	RuleUnusedFigure schema.Rule = "bulletin.unused-figure"
	// RuleDuplicateFigure: two figures of one update with the same name,
	// which makes addressing them ambiguous.
	RuleDuplicateFigure schema.Rule = "bulletin.duplicate-figure"
	// RuleUnitKindMismatch: a figure whose unit does not fit its kind (a
	// percentage in 项, a count of people in 件, a date with a unit).
	RuleUnitKindMismatch schema.Rule = "bulletin.unit-kind-mismatch"
	// RuleUntypedFigure (warning): a digit in the literal text of a
	// template, that is a number no figure types. Digits of the update's
	// mode name ("3+2") are not figures.
	RuleUntypedFigure schema.Rule = "bulletin.untyped-figure"
	// RuleUnknownUnit: a unit or subject [Options.KnowsUnit] does not
	// know.
	RuleUnknownUnit schema.Rule = "bulletin.unknown-unit"
	// RuleUnknownMode: a mode [Options.KnowsMode] does not know.
	RuleUnknownMode schema.Rule = "bulletin.unknown-mode"
	// RuleUnknownMeasure: a measure [Options.KnowsMeasure] does not know
	// for the update's mode.
	RuleUnknownMeasure schema.Rule = "bulletin.unknown-measure"
	// RuleUnknownIndicator: an indicator [Options.KnowsIndicator] does not
	// know.
	RuleUnknownIndicator schema.Rule = "bulletin.unknown-indicator"
	// RuleMeasureWithoutMode: a measure named in an update that has no
	// mode.
	RuleMeasureWithoutMode schema.Rule = "bulletin.measure-without-mode"
	// RuleUnknownAttachment: a reference to an attachment the bulletin
	// does not have.
	RuleUnknownAttachment schema.Rule = "bulletin.unknown-attachment"
	// RuleDuplicateEntry: a leave kind or a submitting department listed
	// twice.
	RuleDuplicateEntry schema.Rule = "bulletin.duplicate-entry"
	// RuleDateAfterPeriod (warning): a date later than the month the
	// bulletin reports on.
	RuleDateAfterPeriod schema.Rule = "bulletin.date-after-period"
)

// Validate runs on b what [Parse] runs on a document: the schema's rules
// and, when they pass, the consistency checks, on the document b writes,
// so that a bulletin that passes writes a document that parses. Problems
// have paths but no positions (b was not read from text).
func (b *Bulletin) Validate(opts *Options) schema.List {
	_, probs := decode(b.Node(), opts)
	return probs
}

type checker struct {
	b      *Bulletin
	opts   Options
	locate func(schema.Path) schema.Pos
	probs  schema.List
}

func (c *checker) errorf(p schema.Path, rule schema.Rule, format string, args ...any) {
	c.probs.Errorf(p, c.locate(p), rule, format, args...)
}

func (c *checker) warningf(p schema.Path, rule schema.Rule, format string, args ...any) {
	c.probs.Warningf(p, c.locate(p), rule, format, args...)
}

func (b *Bulletin) check(opts *Options, locate func(schema.Path) schema.Pos) schema.List {
	c := &checker{b: b, locate: locate}
	if opts != nil {
		c.opts = *opts
	}
	c.opts.KnowsUnit = opts.knowsUnit()
	c.opts.KnowsIndicator = opts.knowsIndicator()
	c.opts.KnowsMode = opts.knowsMode()
	c.opts.KnowsMeasure = opts.knowsMeasure()
	root := schema.Root
	c.structure()
	for i := range b.Updates {
		c.update(&b.Updates[i], root.Key("updates").Index(i))
	}
	if v := b.Visits; v != nil {
		p := root.Key("visits")
		for i, e := range v.Entries {
			if e.Count <= 0 {
				c.errorf(p.Key("entries").Index(i).Key("count"), RuleNonPositiveCount,
					"%s%s%s visited %d times; a listed visit counts at least once", e.Department, e.Title, e.Name, e.Count)
			}
		}
		if v.Total != nil && *v.Total != v.Sum() {
			c.errorf(p.Key("total"), RuleTotalMismatch, "total of visits %d人次 differs from the sum of the entries, %d", *v.Total, v.Sum())
		}
	}
	seen := map[string]bool{}
	for i, s := range b.Submissions {
		if seen[s.Department] {
			c.errorf(root.Key("submissions").Index(i).Key("department"), RuleDuplicateEntry, "department %s is listed twice", s.Department)
		}
		seen[s.Department] = true
	}
	if a := b.Attendance; a != nil {
		p := root.Key("attendance")
		if l := a.Leave; l != nil {
			lp := p.Key("leave")
			kinds := map[string]bool{}
			for i, k := range l.Kinds {
				if kinds[k.Kind] {
					c.errorf(lp.Key("kinds").Index(i).Key("kind"), RuleDuplicateEntry, "leave kind %s is listed twice", k.Kind)
				}
				kinds[k.Kind] = true
			}
			if l.Total != nil && *l.Total != l.Sum() {
				c.errorf(lp.Key("total"), RuleTotalMismatch, "total leave %d人次 differs from the sum of the kinds, %d", *l.Total, l.Sum())
			}
		}
		if k := a.Clock; k != nil {
			c.attachment(k.Attachment, p.Key("clock").Key("attachment"))
		}
	}
	if e := b.Efficiency; e != nil {
		p := root.Key("efficiency")
		// More completed than accepted is normal: a month completes cases
		// accepted in earlier months.
		c.attachment(e.Attachment, p.Key("attachment"))
	}
	return c.probs
}

func (c *checker) attachment(n int, p schema.Path) {
	if n > len(c.b.Attachments) {
		c.errorf(p, RuleUnknownAttachment, "attachment %d is referred to but the bulletin has %d", n, len(c.b.Attachments))
	}
}

// known runs one of the optional look-ups; a nil function knows all.
func known(f func(string) bool, name string) bool { return f == nil || f(name) }

func (c *checker) update(u *Update, p schema.Path) {
	if u.Unit != "" && !known(c.opts.KnowsUnit, u.Unit) {
		c.errorf(p.Key("unit"), RuleUnknownUnit, "unknown unit %s", u.Unit)
	}
	if u.Mode != "" && !known(c.opts.KnowsMode, u.Mode) {
		c.errorf(p.Key("mode"), RuleUnknownMode, "unknown reform mode %s", u.Mode)
	}
	// Figure names are unique within an update, so (unit, mode, name)
	// addresses a figure.
	names := map[string]bool{}
	dup := func(figs []Figure, fp schema.Path) {
		for _, f := range figs {
			if names[f.Name] {
				c.errorf(fp.Key(f.Name), RuleDuplicateFigure, "figure %s is already defined in this update", f.Name)
			}
			names[f.Name] = true
		}
	}
	dup(u.Figures, p.Key("figures"))
	c.scope(u, u.Figures, p.Key("figures"), text{p.Key("headline"), u.Headline}, text{p.Key("lead"), u.Lead})
	for i := range u.Measures {
		m := &u.Measures[i]
		mp := p.Key("measures").Index(i)
		dup(m.Figures, mp.Key("figures"))
		if m.Name != "" {
			switch {
			case u.Mode == "":
				c.errorf(mp.Key("name"), RuleMeasureWithoutMode, "measure %s is named but the update has no mode", m.Name)
			case known(c.opts.KnowsMode, u.Mode) && !c.opts.KnowsMeasure(u.Mode, m.Name):
				c.errorf(mp.Key("name"), RuleUnknownMeasure, "reform mode %s has no measure %s", u.Mode, m.Name)
			}
		}
		c.scope(u, m.Figures, mp.Key("figures"), text{mp.Key("heading"), m.Heading}, text{mp.Key("text"), m.Text})
	}
}

// text is a template and where it is.
type text struct {
	path schema.Path
	tmpl string
}

// scope checks the templates of one scope (an update's headline and lead,
// or a measure's heading and text) against the figures of that scope.
func (c *checker) scope(u *Update, figs []Figure, fp schema.Path, texts ...text) {
	used := map[string]bool{}
	for _, t := range texts {
		segs, err := parseTemplate(t.tmpl)
		if err != nil {
			c.errorf(t.path, RuleBadTemplate, "%v", err)
			continue
		}
		for _, s := range segs {
			if s.name == "" {
				lit := s.lit
				if u.Mode != "" {
					lit = strings.ReplaceAll(lit, u.Mode, "")
				}
				if d := firstDigits(lit); d != "" {
					c.warningf(t.path, RuleUntypedFigure, "number %s in the text is not a typed figure", d)
				}
				continue
			}
			if !hasFigure(figs, s.name) {
				c.errorf(t.path, RuleUndefinedFigure, "placeholder {%s} names no figure of this %s", s.name, scopeName(t.path))
			}
			used[s.name] = true
		}
	}
	for _, f := range figs {
		c.figure(&f, fp.Key(f.Name))
		if !used[f.Name] {
			c.errorf(fp.Key(f.Name), RuleUnusedFigure, "figure %s is used by no text of this %s", f.Name, scopeName(fp))
		}
	}
}

func scopeName(p schema.Path) string {
	if strings.Contains(p.String(), "/measures/") {
		return "measure"
	}
	return "update"
}

func hasFigure(figs []Figure, name string) bool {
	for _, f := range figs {
		if f.Name == name {
			return true
		}
	}
	return false
}

// firstDigits returns the first run of decimal digits (ASCII or full
// width) in s, or "".
func firstDigits(s string) string {
	start := -1
	for i, r := range s {
		digit := r >= '0' && r <= '9' || r >= '０' && r <= '９'
		switch {
		case digit && start < 0:
			start = i
		case !digit && start >= 0:
			return s[start:i]
		}
	}
	if start >= 0 {
		return s[start:]
	}
	return ""
}

func (c *checker) figure(f *Figure, p schema.Path) {
	if f.Kind == 0 {
		return // the schema requires a kind
	}
	switch {
	case f.Unit == 0 && f.Kind != Date:
		c.errorf(p.Key("unit"), RuleUnitKindMismatch, "a %s figure needs a unit", f.Kind)
	case !f.Unit.Fits(f.Kind):
		c.errorf(p.Key("unit"), RuleUnitKindMismatch, "unit %s does not fit a %s figure (%s)", f.Unit, f.Kind, fitting(f.Kind))
	}
	vp := p.Key("value")
	switch f.Kind {
	case Count, MatterCount, CaseCount, PeopleCount:
		if !f.Value.IsInt() || f.Value.Sign() < 0 {
			c.errorf(vp, RuleInvalidValue, "a %s figure is a whole number of at least 0, not %s", f.Kind, f.Value)
		}
	case Year, Ordinal:
		if !f.Value.IsInt() || f.Value.Sign() <= 0 {
			c.errorf(vp, RuleInvalidValue, "a %s figure is a whole number of at least 1, not %s", f.Kind, f.Value)
		}
	case Duration:
		if f.Value.Sign() < 0 {
			c.errorf(vp, RuleInvalidValue, "a duration is not negative: %s", f.Value)
		}
	case Percentage:
		if f.Value.Sign() < 0 || f.Value.Cmp(DecimalOf(100)) > 0 {
			c.errorf(vp, RulePercentageRange, "percentage %s%% is outside 0–100", f.Value)
		}
	case Date:
		if !f.Date.IsZero() && c.b.Period.IsValid() {
			end := time.Date(c.b.Period.Year, c.b.Period.Month+1, 1, 0, 0, 0, 0, time.UTC)
			if !f.Date.Before(end) {
				c.warningf(vp, RuleDateAfterPeriod, "date %s is after the period %s", f.Date.Format(time.DateOnly), c.b.Period)
			}
		}
	}
	if f.Scale != 0 && !f.Kind.isCount() && f.Kind != Duration {
		c.errorf(p.Key("scale"), RuleInvalidValue, "a %s figure is not written in %s", f.Kind, f.Scale)
	}
	if f.Approx != 0 && (f.Kind == Date || f.Kind == Year || f.Kind == Ordinal) {
		c.errorf(p.Key("approx"), RuleInvalidValue, "a %s figure is exact; %s does not apply", f.Kind, f.Approx)
	}
	if f.Indicator != "" && !known(c.opts.KnowsIndicator, f.Indicator) {
		c.errorf(p.Key("indicator"), RuleUnknownIndicator, "unknown indicator %s", f.Indicator)
	}
	if f.Subject != "" && !known(c.opts.KnowsUnit, f.Subject) {
		c.errorf(p.Key("subject"), RuleUnknownUnit, "unknown unit %s", f.Subject)
	}
}

// fitting lists the units that fit k, for messages.
func fitting(k FigureKind) string {
	var us []string
	for _, u := range AllFigureUnits() {
		if u.Fits(k) {
			us = append(us, u.String())
		}
	}
	if len(us) == 0 {
		return "it takes no unit"
	}
	return fmt.Sprintf("use %s", strings.Join(us, ", "))
}
