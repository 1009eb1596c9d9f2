package cases_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/zwfw/zwfw/matters/workday"
	"github.com/zwfw/zwfw/reform/cases"
	"github.com/zwfw/zwfw/reform/cases/casestest"
)

func synthetic(t testing.TB, opts casestest.Options) []cases.Case {
	t.Helper()
	var out []cases.Case
	err := casestest.Generate(opts, func(c *cases.Case) error {
		cc := *c
		cc.Suspensions = append([]cases.Suspension(nil), c.Suspensions...)
		out = append(out, cc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var cmpFigures = cmp.AllowUnexported(cases.Figures{}, workday.Date{})

func TestSyntheticMonthScale(t *testing.T) {
	tot := tally(cases.Month(2021, time.April), synthetic(t, casestest.Options{})).Total()
	if tot.Accepted != 32307 || tot.Completed != 21514 {
		t.Errorf("受理 %d 办结 %d, want the seed's 32307 and 21514", tot.Accepted, tot.Completed)
	}
}

// Shards of the cases (two halves of the exports) merge into the figures of
// all of them, level by level.
func TestMergeShards(t *testing.T) {
	cs := synthetic(t, casestest.Options{Accepted: 3000, Completed: 2000})
	april := cases.Month(2021, time.April)
	whole := tally(april, cs)
	a, b := tally(april, cs[:len(cs)/3]), tally(april, cs[len(cs)/3:])
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	for _, level := range []cases.Level{cases.ByMatter, cases.ByWindow, cases.ByDepartment, cases.ByUnit} {
		if diff := cmp.Diff(whole.Rows(level), a.Rows(level), cmpFigures); diff != "" {
			t.Errorf("level %d (-whole +merged):\n%s", level, diff)
		}
	}
	if err := a.Merge(tally(cases.Month(2021, time.May), cs)); err == nil {
		t.Error("merging May into April: no error")
	}
}

// Month tallies of the same cases chain into the year's, exactly: flows
// add up, the year's carried-over is January's, its open and overdue cases
// December's.
func TestMonthsChainIntoYear(t *testing.T) {
	var cs []cases.Case
	for i, m := range []time.Month{time.January, time.June, time.December} {
		opt := casestest.Options{Month: cases.Month(2021, m), Accepted: 1500, Completed: 1000, Seed: uint64(10 + i)}
		cs = append(cs, synthetic(t, opt)...)
	}
	year := tally(cases.Period{From: workday.NewDate(2021, 1, 1), To: workday.NewDate(2021, 12, 31)}, cs)
	chained := tally(cases.Month(2021, time.January), cs)
	for m := time.February; m <= time.December; m++ {
		if err := chained.Then(tally(cases.Month(2021, m), cs)); err != nil {
			t.Fatal(err)
		}
	}
	for _, level := range []cases.Level{cases.ByMatter, cases.ByDepartment, cases.ByUnit} {
		if diff := cmp.Diff(year.Rows(level), chained.Rows(level), cmpFigures); diff != "" {
			t.Errorf("level %d (-year +chained months):\n%s", level, diff)
		}
	}
	yt, ct := year.Total(), chained.Total()
	if yt.CompletedCarried() != ct.CompletedCarried() || yt.CarriedOver == 0 || yt.OpenAtEnd == 0 {
		t.Errorf("year carried %d/%d open %d; chained carried %d", yt.CarriedOver, yt.CompletedCarried(), yt.OpenAtEnd, ct.CompletedCarried())
	}
	if err := chained.Then(tally(cases.Month(2021, time.March), cs)); err == nil {
		t.Error("chaining March after December: no error")
	}
}
