package report

import "github.com/zwfw/zwfw/county"

// UnitsIn returns a [Options.KnowsUnit] that knows the units of h, by name
// or qualified name (see [county.Hierarchy.ByName]).
func UnitsIn(h *county.Hierarchy) func(name string) bool {
	return func(name string) bool { return len(h.ByName(name)) > 0 }
}

// knowsUnit is the unit check of opts: its KnowsUnit, or the embedded
// Suining hierarchy of package county when that is nil.
func (o *Options) knowsUnit() func(string) bool {
	if o != nil && o.KnowsUnit != nil {
		return o.KnowsUnit
	}
	if o != nil && o.Units != nil {
		return UnitsIn(o.Units)
	}
	return UnitsIn(county.Suining())
}
