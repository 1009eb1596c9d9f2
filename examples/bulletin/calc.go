package main

import (
	"fmt"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/report"
)

// calculator computes indicators over the catalogues by unit name. The
// module has no indicator implementation yet: a figure whose unit has a
// catalogue is reported as not computable, one whose unit has none as
// lacking a catalogue.
func calculator(cats map[string]*matters.Catalogue) report.Calculator {
	return report.CalculatorFunc(func(unit, indicator string) (report.Computed, error) {
		if cats[unit] == nil {
			return report.Computed{}, fmt.Errorf("%w %s", report.ErrNoCatalogue, unit)
		}
		return report.Computed{}, fmt.Errorf("%s: %w", indicator, errNoIndicators)
	})
}
