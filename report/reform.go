package report

import (
	"fmt"

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
			return Computed{}, fmt.Errorf("%w %s", ErrUnknownIndicator, indicator)
		}
		x := byUnit[unit]
		if x == nil {
			return Computed{}, fmt.Errorf("%w %s", ErrNoCatalogue, unit)
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
