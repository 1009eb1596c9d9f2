package cases_test

import (
	"testing"
	"time"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/reform/cases"
	"github.com/zwfw/zwfw/reform/cases/casestest"
	"github.com/zwfw/zwfw/schema"
)

func TestCatalogueCheck(t *testing.T) {
	cat := &matters.Catalogue{Matters: []matters.Matter{
		{Code: "M1", Name: "食品经营许可", PromisedLimit: matters.Limit{Value: matters.QuantityOf(5), Unit: matters.WorkingDays}},
		{Code: "M2", Name: "居民身份证换领", PromisedLimit: matters.Limit{Unit: matters.Instant}, HandlingKind: matters.InstantCase},
		{Code: "M3", Name: "商品房预售许可", PromisedLimit: matters.Limit{Value: matters.QuantityOf(15), Unit: matters.CalendarDays}},
	}}
	k := cases.NewCatalogueCheck(cat)
	for _, c := range load(t, "april.csv") {
		k.Add(&c)
	}
	tests := []struct {
		rule    schema.Rule
		code    string
		inForce string
		cases   int64
	}{
		{cases.RuleNotInCatalogue, "M9", "", 1},     // F1
		{cases.RuleLimitDiffers, "M3", "20 自然日", 2}, // E1, E2 carry 20 自然日, the catalogue promises 15
		{cases.RuleNotInstant, "M2", "", 1},         // B2 done the day after; G1 was never completed
	}
	got := k.Findings()
	if len(got) != len(tests) {
		t.Errorf("%d findings, want %d: %+v", len(got), len(tests), got)
	}
	for _, tt := range tests {
		t.Run(string(tt.rule), func(t *testing.T) {
			for _, f := range got {
				if f.Rule == tt.rule && f.MatterCode == tt.code && f.InForce == tt.inForce {
					if f.Cases != tt.cases {
						t.Errorf("%d cases, want %d", f.Cases, tt.cases)
					}
					return
				}
			}
			t.Errorf("no finding (%s, %s)", tt.rule, tt.code)
		})
	}
}

// The synthetic month differs from its catalogue only where it means to.
func TestSyntheticAgainstItsCatalogue(t *testing.T) {
	k := cases.NewCatalogueCheck(casestest.Catalogue())
	tl := cases.NewTally(cases.Month(2021, time.April), nil)
	n := 0
	for _, c := range synthetic(t, casestest.Options{Accepted: 5000, Completed: 3000}) {
		k.Add(&c)
		tl.Add(&c)
		n++
	}
	rules := map[schema.Rule]int64{}
	for _, f := range k.Findings() {
		rules[f.Rule] += f.Cases
	}
	for _, r := range []schema.Rule{cases.RuleNotInCatalogue, cases.RuleLimitDiffers, cases.RuleNotInstant} {
		if rules[r] == 0 || rules[r] > int64(n)/50 {
			t.Errorf("%s: %d of %d cases", r, rules[r], n)
		}
	}
}
