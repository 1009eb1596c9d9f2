package report

import (
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/reform"
)

// Catalogues returns a [Calculator] that computes the indicators of
// package reform over catalogues, measured against cfg. Each catalogue
// belongs to the unit its division names (蓬溪县); several catalogues of
// one unit are measured together, as shards of one list. Indicators are
// looked up by their name or an alias ([reform.ParseIndicator]). The
// calculator measures once, when made, and is safe for concurrent use.
func Catalogues(cfg reform.Config, cats ...*matters.Catalogue) Calculator {
	byUnit := map[string]*reform.Indicators{}
	for _, c := range cats {
		if c == nil {
			continue
		}
		x := byUnit[c.Division.Name]
		if x == nil {
			x = reform.New(cfg)
			byUnit[c.Division.Name] = x
		}
		x.AddCatalogue(c)
	}
	return CalculatorFunc(func(unit, indicator string) (Computed, error) {
		ind, err := reform.ParseIndicator(indicator)
		if err != nil {
			return Computed{}, errorf(ErrUnknownIndicator, "no such indicator %s", indicator)
		}
		x := byUnit[unit]
		if x == nil {
			return Computed{}, errorf(ErrNoCatalogue, "no catalogue for the unit %s", unit)
		}
		r := x.Result(ind)
		if ind.IsShare() {
			return RatioOf(r.Num, r.Den), nil
		}
		return CountOf(r.Num), nil
	})
}

// knowsIndicator is the indicator check of opts: its KnowsIndicator, or
// the indicators of package reform when that is nil.
func (o *Options) knowsIndicator() func(string) bool {
	if o != nil && o.KnowsIndicator != nil {
		return o.KnowsIndicator
	}
	return func(name string) bool {
		_, err := reform.ParseIndicator(name)
		return err == nil
	}
}

// ModesIn returns a [Options.KnowsMode] that knows the modes of d, by name
// or alias.
func ModesIn(d *reform.Modes) func(name string) bool {
	return func(name string) bool { return d.Mode(name) != nil }
}

// MeasuresIn returns a [Options.KnowsMeasure] that knows the measures of
// each mode of d, and the groups of measures a mode names: a point may
// report on the group 双代办 of "3+2" as a whole.
func MeasuresIn(d *reform.Modes) func(mode, measure string) bool {
	return func(mode, measure string) bool {
		m := d.Mode(mode)
		if m == nil {
			return false
		}
		for _, x := range m.Measures {
			if x.Name == measure {
				return true
			}
		}
		for _, g := range m.Groups {
			if g.Name == measure {
				return true
			}
		}
		return false
	}
}

// modes returns the modes document of opts, or the modes of Suining's
// bulletin ([reform.Default]) when it names none.
func (o *Options) modes() *reform.Modes {
	if o != nil && o.Modes != nil {
		return o.Modes
	}
	return reform.Default()
}

// knowsMode and knowsMeasure are the mode checks of opts: its own, or
// those of its modes document when nil.
func (o *Options) knowsMode() func(string) bool {
	if o != nil && o.KnowsMode != nil {
		return o.KnowsMode
	}
	return ModesIn(o.modes())
}

func (o *Options) knowsMeasure() func(string, string) bool {
	if o != nil && o.KnowsMeasure != nil {
		return o.KnowsMeasure
	}
	return MeasuresIn(o.modes())
}
