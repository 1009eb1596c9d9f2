package main

import (
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/zwfw/zwfw/reform/cases"
	"github.com/zwfw/zwfw/reform/cases/caseswb"
	"github.com/zwfw/zwfw/report"
)

// countCases reads the case exports and counts the bulletin's month:
// the figures of section 五. It reports whether any file had an error.
func countCases(stderr io.Writer, files []string, p report.Period) (cases.Figures, bool) {
	t := cases.NewTally(cases.Month(p.Year, p.Month), nil)
	failed := false
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintln(stderr, "bulletin:", err)
			failed = true
			continue
		}
		d := caseswb.Open(f, name, nil)
		for c := range d.Cases() {
			t.Add(c)
		}
		f.Close()
		if printProblems(stderr, d.Problems()) {
			failed = true
		}
	}
	return t.Total(), failed
}

// fillEfficiency sets section 五 from the computed figures.
func fillEfficiency(b *report.Bulletin, fig cases.Figures) {
	if b.Efficiency == nil {
		b.Efficiency = &report.Efficiency{Source: "“一体化政务服务平台”", Place: "市政务大厅窗口"}
	}
	b.Efficiency.Accepted, b.Efficiency.Completed = fig.Accepted, fig.Completed
}

// efficiencyComparisons sets the reported figures of section 五 against
// those computed from the case exports.
func efficiencyComparisons(b *report.Bulletin, fig cases.Figures) []comparison {
	e := b.Efficiency
	if e == nil {
		e = &report.Efficiency{}
	}
	row := func(name, key string, reported, computed int64) comparison {
		return comparison{Address: "效能监察/" + name, Path: "/efficiency/" + key, Unit: e.Place, Indicator: name,
			Reported: strconv.FormatInt(reported, 10) + "件", Computed: strconv.FormatInt(computed, 10) + "件", Agree: reported == computed}
	}
	return []comparison{
		row("受理", "accepted", e.Accepted, fig.Accepted),
		row("办结", "completed", e.Completed, fig.Completed),
	}
}
