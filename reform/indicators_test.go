package reform

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/matters"
)

func visits(n int) *int { return &n }

func wd(v string) matters.Limit {
	return matters.Limit{Value: matters.MustParseQuantity(v), Unit: matters.WorkingDays}
}

var (
	instantLimit = matters.Limit{Unit: matters.Instant}
	depth4       = matters.SetOf(matters.OnlineConsult, matters.OnlineAccept, matters.OnlineHandle)
)

// handCatalogue is the catalogue the table tests measure. The comments of
// each matter say what it contributes; the expected figures in
// TestIndicators are worked out from them by hand.
func handCatalogue() *matters.Catalogue {
	return &matters.Catalogue{
		Kind:  matters.ImplementationList,
		Level: matters.CountyLevel,
		Matters: []matters.Matter{
			{ // m1: application, limits 20→5, 0 visits, 全程网办, in hall, 川渝 batch 1, 遂潼通办
				Code: "M1", BaseCode: "000101001000", Type: matters.Licensing,
				LegalLimit: wd("20"), PromisedLimit: wd("5"), HandlingKind: matters.PromisedCase,
				Visits: visits(0), Online: depth4, InHall: true,
				Scopes: []matters.Scope{{Kind: matters.SichuanChongqing, Batch: 1}, {Kind: matters.Regional, Name: "遂潼通办"}},
			},
			{ // m2: application, legal in 自然日 (converted), 即办, 1 visit, 跨省 batch 2, 24h
				Code: "M2", BaseCode: "000201002000", Type: matters.PublicService,
				LegalLimit: matters.Limit{Value: matters.QuantityOf(60), Unit: matters.CalendarDays}, PromisedLimit: instantLimit,
				HandlingKind: matters.InstantCase, Visits: visits(1), SelfService24h: true,
				Scopes: []matters.Scope{{Kind: matters.CrossProvince, Batch: 2}},
			},
			{ // m3: application, 1 月 (22 working days) → 10, 0 visits, delegated to 乡镇级, 容缺, in hall, 全国通办
				Code: "M3", BaseCode: "000301003000", Type: matters.Benefit,
				LegalLimit: matters.Limit{Value: matters.QuantityOf(1), Unit: matters.Months}, PromisedLimit: wd("10"),
				Visits: visits(0), PowerSource: matters.DelegatedFrom,
				Delegation: &matters.Delegation{To: matters.Township}, TolerateMissing: true, InHall: true,
				Scopes: []matters.Scope{{Kind: matters.Nationwide}},
			},
			{ // m4: ex officio 行政处罚, limits 30→15 (not counted by 承诺提速率), visits not stated
				Code: "M4", BaseCode: "511B0000000001", Type: matters.Penalty,
				LegalLimit: wd("30"), PromisedLimit: wd("15"),
			},
			{ // m5: application, 10 → 即办, 2 visits, 川渝 batch 2, 全域通办, 就近可办, in hall, delegated to 村
				Code: "M5", BaseCode: "999999999999", Type: matters.Confirmation,
				LegalLimit: wd("10"), PromisedLimit: instantLimit, HandlingKind: matters.InstantCase,
				Visits: visits(2), InHall: true,
				Scopes: []matters.Scope{
					{Kind: matters.SichuanChongqing, Batch: 2},
					{Kind: matters.CountyWide}, {Kind: matters.Nearby},
					{Kind: matters.SichuanChongqing, Batch: 3}, // a second entry of the same scope counts once
					{Kind: matters.Regional, Name: "遂潼通办"}, {Kind: matters.Regional, Name: "西南五省通办"},
				},
				Delegation: &matters.Delegation{To: matters.Village},
			},
			{ // m6: type not stated, no limits
				Code: "M6",
			},
			{ // m7: application, no promised limit, visits not stated, 川渝 without batch,
				// delegated by power source without a receiving level
				Code: "M7", Type: matters.Licensing, LegalLimit: wd("5"),
				PowerSource: matters.DelegatedFrom,
				Scopes:      []matters.Scope{{Kind: matters.SichuanChongqing}},
			},
		},
		Bundles: []matters.Bundle{
			{Code: "B1", Name: "我要开餐馆", Matters: []matters.MatterCodeText{"M1", "M3"}},
			{Code: "B2", Name: "新生儿出生", Matters: []matters.MatterCodeText{"M2", "M5"}},
		},
	}
}

// handBase is a base catalogue for the claim rate and coverage cases.
func handBase() *matters.Catalogue {
	return &matters.Catalogue{
		Kind: matters.BaseCatalogue,
		Matters: []matters.Matter{
			{Code: "000101001000", Level: matters.CountyLevel},   // claimed by M1
			{Code: "000201002000", Level: matters.CountyLevel},   // claimed by M2
			{Code: "000301003000", Level: matters.Township},      // claimed by M3, but of another level
			{Code: "000401004000", Level: matters.CountyLevel},   // not claimed
			{Code: "511B0000000001", Level: matters.CountyLevel}, // claimed by M4 (not a 12-character national code)
			{Code: "000101001000", Level: matters.CountyLevel},   // the same item again: not counted twice
			{Code: "X", BaseCode: "000501005000"},                // level not stated: applies; not claimed
		},
	}
}

var (
	exOfficio     = Exclusion{Reason: ExOfficioPenalty, Count: 1, Examples: []string{"M4"}}
	visitsUnknown = []Exclusion{{Reason: VisitsNotStated, Count: 1, Examples: []string{"M7"}}}
	onlineUnknown = []Exclusion{{Reason: OnlineNotStated, Count: 4, Examples: []string{"M2", "M3", "M5"}}}
)
var noType = Exclusion{Reason: TypeNotStated, Count: 1, Examples: []string{"M6"}}

func TestIndicators(t *testing.T) {
	hand := New(Config{})
	hand.AddCatalogue(handCatalogue())

	withBase := New(Config{Base: NewBase(handBase()), Level: matters.CountyLevel})
	withBase.AddCatalogue(handCatalogue())

	exempt := New(Config{ZeroVisitExempt: []string{"M3"}})
	exempt.AddCatalogue(handCatalogue())

	empty := New(Config{})
	emptyBase := New(Config{Base: NewBase(&matters.Catalogue{})})

	tests := []struct {
		name string
		x    *Indicators
		want Result
		text string
	}{
		{"matters", hand, Result{Indicator: TotalMatters, Num: 7, Counted: 7}, "7"},
		// 5 application-based: M1 M2 M3 M5 M7; M4 is a penalty, M6 has no type.
		{"application", hand, Result{Indicator: ApplicationCount, Num: 5, Counted: 5,
			Excluded: []Exclusion{noType, exOfficio}}, "5"},
		// Application-based with both limits: M1 20→5 wd, M2 60 自然日→即办
		// (converted: 7 自然日 = 5 wd), M3 1 月 = 22→10 wd, M5 10→即办. M4
		// (行政处罚) is left out although it has limits. In 1/700 of a
		// working day (1 wd = 700, 1 自然日 = 500): Σ legal = (20+22+10)·700
		// + 60·500 = 36400 + 30000 = 66400; Σ saved = (15+12+10)·700 +
		// 30000 = 55900; 55900/66400 = 84.1867…% → 84.19%.
		{"promise speed-up", hand, Result{Indicator: PromiseSpeedup, Num: 55900, Den: 66400, Scale: 700, Counted: 4, Converted: 1,
			Excluded: []Exclusion{noType, exOfficio,
				{Reason: PromisedLimitNotStated, Count: 1, Examples: []string{"M7"}},
			}}, "84.19%"},
		// Instant: M2 (即办件), M5 (即办) of 5 application-based = 40%; M7
		// states neither handling kind nor promised limit: unknown.
		{"instant share", hand, Result{Indicator: InstantShare, Num: 2, Den: 5, Counted: 5,
			Excluded: []Exclusion{noType, exOfficio}, Unknown: []Exclusion{{Reason: HandlingNotStated, Count: 1, Examples: []string{"M7"}}}}, "40.00%"},
		{"instant count", hand, Result{Indicator: InstantCount, Num: 2, Counted: 5,
			Excluded: []Exclusion{noType, exOfficio}, Unknown: []Exclusion{{Reason: HandlingNotStated, Count: 1, Examples: []string{"M7"}}}}, "2"},
		// Fully online: M1 only, 1/5; M2 M3 M5 M7 state no online items
		// and no forms: unknown.
		{"fully online share", hand, Result{Indicator: FullyOnlineShare, Num: 1, Den: 5, Counted: 5,
			Excluded: []Exclusion{noType, exOfficio}, Unknown: onlineUnknown}, "20.00%"},
		{"fully online count", hand, Result{Indicator: FullyOnlineCount, Num: 1, Counted: 5,
			Excluded: []Exclusion{noType, exOfficio}, Unknown: onlineUnknown}, "1"},
		// Visits among application-based: M1 0, M2 1, M3 0, M5 2; M7 does
		// not say and stays in the denominator as unknown. Zero: M1 M3 =
		// 2/5; at most once: M1 M2 M3 = 3/5.
		{"zero visit share", hand, Result{Indicator: ZeroVisitShare, Num: 2, Den: 5, Counted: 5,
			Excluded: []Exclusion{noType, exOfficio}, Unknown: visitsUnknown}, "40.00%"},
		{"at most once share", hand, Result{Indicator: AtMostOnceShare, Num: 3, Den: 5, Counted: 5,
			Excluded: []Exclusion{noType, exOfficio}, Unknown: visitsUnknown}, "60.00%"},
		// With M3 declared exempt: M1 M2 M5 M7 remain; zero 1/4 = 25%,
		// at most once 2/4 = 50%.
		{"zero visit share exempt", exempt, Result{Indicator: ZeroVisitShare, Num: 1, Den: 4, Counted: 4,
			Excluded: []Exclusion{noType, exOfficio,
				{Reason: ExemptFromZeroVisit, Count: 1, Examples: []string{"M3"}}}, Unknown: visitsUnknown}, "25.00%"},
		{"at most once share exempt", exempt, Result{Indicator: AtMostOnceShare, Num: 2, Den: 4, Counted: 4,
			Excluded: []Exclusion{noType, exOfficio,
				{Reason: ExemptFromZeroVisit, Count: 1, Examples: []string{"M3"}}}, Unknown: visitsUnknown}, "50.00%"},
		// In hall: M1 M3 M5 of 5.
		{"in hall share", hand, Result{Indicator: InHallShare, Num: 3, Den: 5, Counted: 5,
			Excluded: []Exclusion{noType, exOfficio}}, "60.00%"},
		// Delegated: M3 to 乡镇级, M5 to 村(社区)级, M7 by power source only.
		{"delegated", hand, Result{Indicator: DelegatedCount, Num: 3, Counted: 7,
			Groups: []Subtotal{{"乡镇级", 1}, {"村(社区)级", 1}, {"层级未注明", 1}}}, "3"},
		// 川渝: M1 batch 1, M5 batch 2 (its second entry ignored), M7 no batch.
		{"sichuan-chongqing", hand, Result{Indicator: SichuanChongqingCount, Num: 3, Counted: 7, Distinct: true, Matters: 3,
			Groups: []Subtotal{{"第1批", 1}, {"第2批", 1}, {"批次未注明", 1}}}, "3"},
		{"cross-province", hand, Result{Indicator: CrossProvinceCount, Num: 1, Counted: 7, Distinct: true, Matters: 1,
			Groups: []Subtotal{{"第2批", 1}}}, "1"},
		{"county-wide", hand, Result{Indicator: CountyWideCount, Num: 1, Counted: 7, Distinct: true, Matters: 1}, "1"},
		{"nearby", hand, Result{Indicator: NearbyCount, Num: 1, Counted: 7, Distinct: true, Matters: 1}, "1"},
		{"nationwide", hand, Result{Indicator: NationwideCount, Num: 1, Counted: 7, Distinct: true, Matters: 1}, "1"},
		// Regional scopes, each its own list: 遂潼通办 M1 M5, 西南五省通办 M5;
		// two items in all.
		{"regional", hand, Result{Indicator: RegionalCount, Num: 2, Counted: 7, Distinct: true, Matters: 2,
			Groups: []Subtotal{{"西南五省通办", 1}, {"遂潼通办", 2}}}, "2"},
		{"bundles", hand, Result{Indicator: BundleCount, Num: 2, Counted: 2}, "2"},
		{"24h", hand, Result{Indicator: SelfService24hCount, Num: 1, Counted: 7}, "1"},
		{"tolerate missing", hand, Result{Indicator: TolerateMissingCount, Num: 1, Counted: 7}, "1"},
		// No base: claim rate has nothing to count; coverage leaves every
		// matter out.
		{"claim rate without base", hand, Result{Indicator: ClaimRate}, "undefined"},
		{"coverage without base", hand, Result{Indicator: NationalCoverage,
			Excluded: []Exclusion{{Reason: NoBaseCatalogue, Count: 7, Examples: []string{"M1", "M2", "M3"}}}}, "undefined"},
		// Base items of 县级 or no level: 000101001000, 000201002000,
		// 000401004000, 511B0000000001, 000501005000 = 5 (the repeated
		// item once); 000301003000 is 乡镇级. Claimed among them: the first,
		// second and 511B… = 3/5.
		{"claim rate", withBase, Result{Indicator: ClaimRate, Num: 3, Den: 5, Counted: 5,
			Excluded: []Exclusion{{Reason: OtherLevel, Count: 1, Examples: []string{"000301003000"}}}}, "60.00%"},
		// Linked to a 12-character base code in the base: M1, M2, M3 (of
		// another level, but in the base). M4's is 14 characters, M5's is
		// not in the base. 3/7 = 42.857…% → 42.86%.
		{"coverage", withBase, Result{Indicator: NationalCoverage, Num: 3, Den: 7, Counted: 7}, "42.86%"},
		// Empty catalogue: counts are zero, shares undefined.
		{"empty matters", empty, Result{Indicator: TotalMatters}, "0"},
		{"empty speed-up", empty, Result{Indicator: PromiseSpeedup, Scale: 100}, "undefined"},
		{"empty instant share", empty, Result{Indicator: InstantShare}, "undefined"},
		{"empty zero visit", empty, Result{Indicator: ZeroVisitShare}, "undefined"},
		{"empty delegated", empty, Result{Indicator: DelegatedCount}, "0"},
		{"empty base claim", emptyBase, Result{Indicator: ClaimRate}, "undefined"},
		{"empty base coverage", emptyBase, Result{Indicator: NationalCoverage}, "undefined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.x.Result(tt.want.Indicator)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Result(%v) (-want +got):\n%s", tt.want.Indicator, diff)
			}
			if v := got.Value(); v != tt.text {
				t.Errorf("Value() = %q, want %q", v, tt.text)
			}
		})
	}
}

// TestExcludedAccountsForEveryMatter checks the bookkeeping: for every
// indicator over matters, counted plus excluded is every matter added.
func TestExcludedAccountsForEveryMatter(t *testing.T) {
	for _, cfg := range []Config{{}, {Base: NewBase(handBase()), Level: matters.CountyLevel}} {
		x := New(cfg)
		x.AddCatalogue(handCatalogue())
		for _, r := range x.Results() {
			switch r.Indicator {
			case BundleCount, ClaimRate:
				continue
			}
			t.Run(r.Indicator.String(), func(t *testing.T) {
				n := r.Counted
				for _, e := range r.Excluded {
					n += e.Count
				}
				if n != 7 {
					t.Errorf("counted %d + excluded = %d, want 7 matters", r.Counted, n)
				}
			})
		}
	}
}

func TestLimits(t *testing.T) {
	tests := []struct {
		name     string
		legal    matters.Limit
		promised matters.Limit
		reason   Reason
		num, den int64
	}{
		{"working days", wd("20"), wd("5"), 0, 1500, 2000},
		{"half days", wd("2.5"), wd("0.5"), 0, 200, 250},
		{"tenths do not drift", wd("0.1"), wd("0.1"), 0, 0, 10},
		// 1 年 = 250 working days, 3 月 = 66.
		{"months and years", matters.Limit{Value: matters.QuantityOf(1), Unit: matters.Years}, matters.Limit{Value: matters.QuantityOf(3), Unit: matters.Months}, 0, 18400, 25000},
		{"instant promised", wd("3"), instantLimit, 0, 300, 300},
		{"instant both", instantLimit, instantLimit, 0, 0, 0},
		// A promise over the legal limit slows the figure down; it is
		// counted as stated (the catalogue checks report it).
		{"promise exceeds legal", wd("5"), wd("8"), 0, -300, 500},
		{"legal missing", matters.Limit{}, wd("5"), LegalLimitNotStated, 0, 0},
		{"promised missing", wd("5"), matters.Limit{}, PromisedLimitNotStated, 0, 0},
		// Converted (ConvertUnits, the default): 30 自然日 = 150/7 wd; in
		// 1/700 wd, legal 30·500 = 15000, promised 5·700 = 3500, saved
		// 11500.
		{"calendar days", matters.Limit{Value: matters.QuantityOf(30), Unit: matters.CalendarDays}, wd("5"), 0, 11500, 15000},
		// 4 小时 = 0.5 wd: 4.5 of 5 wd saved, in hundredths.
		{"hours promised", wd("5"), matters.Limit{Value: matters.QuantityOf(4), Unit: matters.Hours}, 0, 450, 500},
		// 30 分钟 = 1/16 wd = 25/400.
		{"minutes", matters.Limit{Value: matters.QuantityOf(30), Unit: matters.Minutes}, instantLimit, 0, 25, 25},
		// One unit: 30 → 15 自然日 compare directly, weighed as 1/700 wd.
		{"calendar days both", matters.Limit{Value: matters.QuantityOf(30), Unit: matters.CalendarDays}, matters.Limit{Value: matters.QuantityOf(15), Unit: matters.CalendarDays}, 0, 7500, 15000},
		// A thousandth is counted exactly: the sums go to thousandths.
		{"thousandths of a day", wd("0.333"), wd("0"), 0, 333, 333},
		// 0.125 小时 = 1/64 wd: 63/64 saved, in 1/1600 wd.
		{"an eighth of an hour", wd("1"), matters.Limit{Value: matters.MustParseQuantity("0.125"), Unit: matters.Hours}, 0, 1575, 1600},
		{"too long", wd("100000001"), wd("5"), LimitOutOfRange, 0, 0},
		{"months beyond a Quantity", matters.Limit{Value: matters.QuantityOf(1e15), Unit: matters.Months}, wd("5"), LimitOutOfRange, 0, 0},
		{"negative", wd("-1"), wd("0"), LimitOutOfRange, 0, 0},
		{"unknown unit", matters.Limit{Value: matters.QuantityOf(1), Unit: 99}, wd("0"), LimitOutOfRange, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var x Indicators
			x.Add(&matters.Matter{Code: "A", Type: matters.Licensing, LegalLimit: tt.legal, PromisedLimit: tt.promised})
			r := x.Result(PromiseSpeedup)
			if r.Num != tt.num || r.Den != tt.den {
				t.Errorf("speed-up = %d/%d, want %d/%d", r.Num, r.Den, tt.num, tt.den)
			}
			var want []Exclusion
			counted := int64(1)
			if tt.reason != 0 {
				want = []Exclusion{{Reason: tt.reason, Count: 1, Examples: []string{"A"}}}
				counted = 0
			}
			if diff := cmp.Diff(want, r.Excluded); diff != "" || r.Counted != counted {
				t.Errorf("counted %d (want %d), excluded (-want +got):\n%s", r.Counted, counted, diff)
			}
		})
	}
}

func TestExamplesBounded(t *testing.T) {
	var x Indicators
	// Codes added in descending order: the examples are still the
	// smallest, sorted, and there are MaxExamples of them.
	for i := 999; i >= 0; i-- {
		code := string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676))
		x.Add(&matters.Matter{Code: matters.MatterCodeText(code), Type: matters.Penalty})
		x.Add(&matters.Matter{Code: matters.MatterCodeText(code), Type: matters.Penalty}) // duplicates are kept once
	}
	r := x.Result(InstantShare)
	want := []Exclusion{{Reason: ExOfficioPenalty, Count: 2000, Examples: []string{"aaa", "aab", "aba"}}}
	if diff := cmp.Diff(want, r.Excluded); diff != "" {
		t.Errorf("excluded (-want +got):\n%s", diff)
	}
}

func TestMergeConfigMismatch(t *testing.T) {
	base := NewBase(handBase())
	tests := []struct {
		name string
		a, b Config
		ok   bool
	}{
		{"zero configs", Config{}, Config{}, true},
		{"same base", Config{Base: base}, Config{Base: base}, true},
		{"same exemptions", Config{ZeroVisitExempt: []string{"a", "b"}}, Config{ZeroVisitExempt: []string{"b", "a"}}, true},
		{"base and none", Config{Base: base}, Config{}, false},
		{"different bases", Config{Base: base}, Config{Base: NewBase(handBase())}, false},
		{"different levels", Config{Base: base, Level: matters.CountyLevel}, Config{Base: base, Level: matters.Township}, false},
		{"different exemptions", Config{ZeroVisitExempt: []string{"a"}}, Config{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := New(tt.a), New(tt.b)
			b.Add(&matters.Matter{Code: "M", Type: matters.Licensing})
			err := a.Merge(b)
			if (err == nil) != tt.ok {
				t.Fatalf("Merge = %v, want ok %v", err, tt.ok)
			}
			if want := map[bool]int64{true: 1, false: 0}[tt.ok]; a.Result(TotalMatters).Num != want {
				t.Errorf("after Merge: %d matters, want %d", a.Result(TotalMatters).Num, want)
			}
		})
	}
}

func TestZeroValueMergesWithZeroConfig(t *testing.T) {
	var a Indicators
	b := New(Config{})
	b.AddCatalogue(handCatalogue())
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(b.Results(), a.Results()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestClone(t *testing.T) {
	x := New(Config{Base: NewBase(handBase())})
	x.AddCatalogue(handCatalogue())
	x.Add(&matters.Matter{Code: "Z", Type: matters.Licensing, Scopes: []matters.Scope{{Kind: matters.SichuanChongqing, Batch: 1000}}})
	c := x.Clone()
	before := x.Results()
	if err := c.Merge(c.Clone()); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, x.Results()); diff != "" {
		t.Errorf("merging into a clone changed the original (-before +after):\n%s", diff)
	}
	if got := c.Result(TotalMatters).Num; got != 16 {
		t.Errorf("clone merged with itself: %d matters, want 16", got)
	}
}

func TestRatio(t *testing.T) {
	tests := []struct {
		r    Ratio
		want string
	}{
		{Ratio{2491, 2500}, "99.64%"},
		{Ratio{423, 550}, "76.91%"},  // 76.909…
		{Ratio{1, 8}, "12.50%"},      // exact
		{Ratio{1, 3}, "33.33%"},      // 33.333…
		{Ratio{2, 3}, "66.67%"},      // 66.666…
		{Ratio{1, 20000}, "0.01%"},   // 0.005%: half rounds up
		{Ratio{1, 40000}, "0.00%"},   // 0.0025%
		{Ratio{3, 40000}, "0.01%"},   // 0.0075%
		{Ratio{-1, 20000}, "-0.01%"}, // half away from zero
		{Ratio{-1, 8}, "-12.50%"},
		{Ratio{1, -8}, "-12.50%"},
		{Ratio{0, 5}, "0.00%"},
		{Ratio{5, 0}, "undefined"},
		{Ratio{0, 0}, "undefined"},
		{Ratio{math.MaxInt64, math.MaxInt64}, "100.00%"},
		{Ratio{math.MaxInt64 - 1, math.MaxInt64}, "100.00%"},
		{Ratio{math.MaxInt64, 1}, "92233720368547758.07%"}, // saturated
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.r.String(); got != tt.want {
				t.Errorf("%d/%d = %s, want %s", tt.r.Num, tt.r.Den, got, tt.want)
			}
		})
	}
}

func TestRatioAtLeast(t *testing.T) {
	tests := []struct {
		name string
		r    Ratio
		h    int64
		want bool
	}{
		{"equal", Ratio{7, 10}, 7000, true},
		{"above", Ratio{71, 100}, 7000, true},
		// 69.996% prints as 70.00% but is below 70%.
		{"rounds up to target but below", Ratio{69996, 100000}, 7000, false},
		{"undefined meets nothing", Ratio{0, 0}, 0, false},
		{"negative denominator", Ratio{-7, -10}, 7000, true},
		{"huge", Ratio{math.MaxInt64, math.MaxInt64}, 10000, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.AtLeast(tt.h); got != tt.want {
				t.Errorf("%v.AtLeast(%d) = %v, want %v", tt.r, tt.h, got, tt.want)
			}
		})
	}
}

// TestSpeedupFormulas computes 承诺提速率 by each formula and unit policy
// over three application-based matters and one penalty:
//
//	A  20 → 5 工作日      cut 15/20 = 0.75
//	B  10 → 10 工作日     cut 0
//	C  14 自然日 → 5 工作日 (14 自然日 = 10 wd) cut 5/10 = 0.5, converted
//	P  行政处罚 30 → 1 工作日: never counted
func TestSpeedupFormulas(t *testing.T) {
	ms := []matters.Matter{
		{Code: "A", Type: matters.Licensing, LegalLimit: wd("20"), PromisedLimit: wd("5")},
		{Code: "B", Type: matters.Licensing, LegalLimit: wd("10"), PromisedLimit: wd("10")},
		{Code: "C", Type: matters.Licensing, LegalLimit: matters.Limit{Value: matters.QuantityOf(14), Unit: matters.CalendarDays}, PromisedLimit: wd("5")},
		{Code: "P", Type: matters.Penalty, LegalLimit: wd("30"), PromisedLimit: wd("1")},
	}
	tests := []struct {
		name      string
		cfg       Config
		num, den  int64
		counted   int64
		converted int64
		text      string
	}{
		// Σ: legal 20+10+10 = 40 wd, saved 15+0+5 = 20 wd; 14 自然日 is a
		// whole 10 wd, so the sums stay in hundredths: 2000 of 4000.
		{"sum", Config{}, 2000, 4000, 3, 1, "50.00%"},
		// Mean of cuts: (0.75 + 0 + 0.5)/3 in millionths.
		{"mean", Config{Speedup: SpeedupMean}, 1_250_000, 3_000_000, 3, 1, "41.67%"},
		// Share sped up: A and C of 3.
		{"share", Config{Speedup: SpeedupShare}, 2, 3, 3, 1, "66.67%"},
		// Same unit only: C is left out; A and B: 15 of 30 wd.
		{"sum same unit", Config{Units: SameUnitOnly}, 1500, 3000, 2, 0, "50.00%"},
		{"share same unit", Config{Speedup: SpeedupShare, Units: SameUnitOnly}, 1, 2, 2, 0, "50.00%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := New(tt.cfg)
			for i := range ms {
				x.Add(&ms[i])
			}
			r := x.Result(PromiseSpeedup)
			if r.Num != tt.num || r.Den != tt.den || r.Counted != tt.counted || r.Converted != tt.converted || r.Value() != tt.text {
				t.Errorf("got %d/%d counted %d converted %d %s, want %d/%d counted %d converted %d %s",
					r.Num, r.Den, r.Counted, r.Converted, r.Value(), tt.num, tt.den, tt.counted, tt.converted, tt.text)
			}
			if r.Formula != tt.cfg.Speedup {
				t.Errorf("formula %v, want %v", r.Formula, tt.cfg.Speedup)
			}
		})
	}
}

// TestDistinctItems counts the scope lists in items, as bulletins do: two
// counties claiming one 川渝通办 item make one item at the city.
//
//	county A: X1 (base 000101001000, 第2批), Y (no base code, 甲证办理 行政许可, 第1批)
//	county B: X2 (base 000101001000, 第1批: the item's earliest batch),
//	          Y2 (甲证办理 行政许可, no base code: the same item as Y),
//	          Z  (甲证办理 公共服务: another type, another item, no batch)
//	          S  (Sichuan code holding local base 511A0100100001)
//	county C: S2 (another body's Sichuan code, same local base)
func TestDistinctItems(t *testing.T) {
	sc := func(batch int) []matters.Scope {
		return []matters.Scope{{Kind: matters.SichuanChongqing, Batch: batch}}
	}
	a, b, c := New(Config{}), New(Config{}), New(Config{})
	a.Add(&matters.Matter{Code: "X1", BaseCode: "000101001000", Name: "乙", Type: matters.Licensing, Scopes: sc(2)})
	a.Add(&matters.Matter{Code: "Y", Name: "甲证办理", Type: matters.Licensing, Scopes: sc(1)})
	b.Add(&matters.Matter{Code: "X2", BaseCode: "000101001000", Name: "乙（县级）", Type: matters.Licensing, Scopes: sc(1)})
	b.Add(&matters.Matter{Code: "Y2", Name: "甲证办理", Type: matters.Licensing, Scopes: sc(1)})
	b.Add(&matters.Matter{Code: "Z", Name: "甲证办理", Type: matters.PublicService, Scopes: sc(0)})
	b.Add(&matters.Matter{Code: "511A0100100001-511699000000-000-115116995551234500-1-00", Name: "丙", Type: matters.Licensing, Scopes: sc(1)})
	c.Add(&matters.Matter{Code: "511A0100100001-511698000000-000-11511698MB1D03862R-1-00", Name: "丙", Type: matters.Licensing, Scopes: sc(1)})

	city := New(Config{})
	for _, x := range []*Indicators{a, b, c} {
		if err := city.Merge(x); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name    string
		x       *Indicators
		items   int64
		matters int64
		groups  []Subtotal
	}{
		{"county A", a, 2, 2, []Subtotal{{"第1批", 1}, {"第2批", 1}}},
		{"county B", b, 4, 4, []Subtotal{{"第1批", 3}, {"批次未注明", 1}}},
		// X, Y, Z, S: 4 items from 7 matters; X's earliest batch is 1.
		{"city", city, 4, 7, []Subtotal{{"第1批", 3}, {"批次未注明", 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.x.Result(SichuanChongqingCount)
			if r.Num != tt.items || r.Matters != tt.matters || !r.Distinct {
				t.Errorf("%d items from %d matters (distinct %v), want %d from %d", r.Num, r.Matters, r.Distinct, tt.items, tt.matters)
			}
			if diff := cmp.Diff(tt.groups, r.Groups); diff != "" {
				t.Errorf("batches (-want +got):\n%s", diff)
			}
		})
	}
	// A clone is independent of what it was cloned from.
	cl := a.Clone()
	cl.Add(&matters.Matter{Code: "W", Name: "丁", Type: matters.Licensing, Scopes: sc(1)})
	if a.Result(SichuanChongqingCount).Num != 2 || cl.Result(SichuanChongqingCount).Num != 3 {
		t.Errorf("clone shares its items")
	}
}
