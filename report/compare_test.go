package report_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/zwfw/zwfw/report"
)

// fakeCalculator stands in for the indicators of package reform over the
// catalogues of package matters: values by unit and indicator.
type fakeCalculator map[string]map[string]report.Computed

func (f fakeCalculator) Compute(unit, indicator string) (report.Computed, error) {
	byInd, ok := f[unit]
	if !ok {
		return report.Computed{}, fmt.Errorf("%s: %w", unit, report.ErrNoCatalogue)
	}
	v, ok := byInd[indicator]
	if !ok {
		return report.Computed{}, fmt.Errorf("%s: %w", indicator, report.ErrUnknownIndicator)
	}
	return v, nil
}

func TestCompare(t *testing.T) {
	b := april(t)
	calc := fakeCalculator{
		"船山区": {"下放事项数": report.CountOf(69)},
		"蓬溪县": {
			"承诺提速率":       report.RatioOf(99640, 100000), // exactly 99.64%
			"全程网办占比":      report.RatioOf(1958, 1999),    // 97.9489…% rounds to 97.95%: disagrees
			"一件事一次办事项数":   report.CountOf(74),
			"即办事项数":       report.RatioOf(423, 550),   // a ratio where a count is reported
			"即办比例":        report.RatioOf(1537, 2000), // 76.85%
			"全域通办事项数":     report.CountOf(87),
			"就近可办事项数":     report.CountOf(170),
			"川渝通办事项数":     report.CountOf(210),
			"unrelated":   report.CountOf(1),
			"another one": report.CountOf(2),
		},
		"遂宁市": {
			"川渝通办事项数":   report.CountOf(210),
			"认领率":       report.RatioOf(996, 1000), // 99.6% is 100% at no decimals
			"国家标准事项覆盖率": report.RatioOf(0, 0),      // undefined
			"下放事项数":     report.CountOf(249),
		},
	}
	type want struct {
		agree bool
		err   error // nil, a sentinel, or errAny for "some error"
	}
	errAny := errors.New("any error")
	wants := map[string]want{
		"船山区/3+2/就近办/delegated":             {true, nil},
		"蓬溪县/七办/一网办/speedup":                {true, nil},
		"蓬溪县/七办/一网办/online":                 {false, nil},
		"蓬溪县/七办/一次办/bundles":                {true, nil},
		"蓬溪县/七办/马上办/instant":                {false, errAny},
		"蓬溪县/七办/马上办/instantShare":           {true, nil},
		"蓬溪县/七办/就近办/anywhere":               {true, nil},
		"蓬溪县/七办/就近办/nearby":                 {false, nil},
		"蓬溪县/七办/就近办/chuanyu":                {true, nil},
		`遂宁市/以"减"促"简"/一窗办/chuanyu`:          {true, nil},
		`遂宁市/以"减"促"简"/线上办/claimRate`:        {true, nil},
		`遂宁市/以"减"促"简"/线上办/nationalCoverage`: {false, errAny},
		`遂宁市/以"减"促"简"/就近办/delegated`:        {false, nil},
	}
	got := b.Compare(calc)
	if len(got) != len(wants) {
		t.Errorf("%d comparisons, want %d", len(got), len(wants))
	}
	for _, c := range got {
		addr := c.Reported.Addr.String()
		t.Run(addr, func(t *testing.T) {
			w, ok := wants[addr]
			if !ok {
				t.Fatalf("unexpected comparison %s", addr)
			}
			if c.Agree != w.agree {
				t.Errorf("agree = %v, want %v (reported %s, computed %s, err %v)", c.Agree, w.agree, c.Reported.Figure, c.Computed, c.Err)
			}
			switch {
			case w.err == nil && c.Err != nil:
				t.Errorf("unexpected error %v", c.Err)
			case w.err == errAny && c.Err == nil:
				t.Errorf("want an error")
			case w.err != nil && w.err != errAny && !errors.Is(c.Err, w.err):
				t.Errorf("err = %v, want %v", c.Err, w.err)
			}
			// The reported figure is the bulletin's, untouched.
			r, _ := b.Figure(c.Reported.Addr)
			if r.Figure.String() != c.Reported.Figure.String() {
				t.Errorf("reported %s, bulletin has %s", c.Reported.Figure, r.Figure)
			}
		})
	}
}

func TestCompareMissing(t *testing.T) {
	b := april(t)
	got := b.Compare(report.CalculatorFunc(func(unit, ind string) (report.Computed, error) {
		if unit == "蓬溪县" {
			return report.Computed{}, report.ErrUnknownIndicator
		}
		return report.Computed{}, report.ErrNoCatalogue
	}))
	if len(got) != 13 {
		t.Fatalf("%d comparisons, want the 13 figures that name an indicator", len(got))
	}
	for _, c := range got {
		want := report.ErrNoCatalogue
		if c.Unit == "蓬溪县" {
			want = report.ErrUnknownIndicator
		}
		if c.Agree || !errors.Is(c.Err, want) {
			t.Errorf("%s: agree %v err %v, want no agreement and %v", c.Reported.Addr, c.Agree, c.Err, want)
		}
	}
}

// A figure about another unit (its subject) is computed for that unit.
func TestCompareSubject(t *testing.T) {
	b := &report.Bulletin{Updates: []report.Update{{
		Unit: "遂宁市", Mode: "m",
		Measures: []report.Measure{{Figures: []report.Figure{
			{Name: "a", Kind: report.MatterCount, Value: report.DecimalOf(8000), Unit: report.Item, Approx: report.Over, Indicator: "x", Subject: "大英县"},
			{Name: "b", Kind: report.MatterCount, Value: report.DecimalOf(200), Unit: report.Item, Approx: report.About, Indicator: "x"},
			{Name: "c", Kind: report.MatterCount, Value: report.DecimalOf(200), Unit: report.Item, Approx: report.About, Indicator: "y"},
		}}},
	}}}
	calc := fakeCalculator{"大英县": {"x": report.CountOf(8123)}, "遂宁市": {"x": report.CountOf(209), "y": report.CountOf(211)}}
	var got []string
	for _, c := range b.Compare(calc) {
		got = append(got, fmt.Sprintf("%s %s %v", c.Reported.Addr.Name, c.Unit, c.Agree))
	}
	want := []string{"a 大英县 true", "b 遂宁市 true", "c 遂宁市 false"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestPercent(t *testing.T) {
	for _, tc := range []struct {
		c      report.Computed
		places int
		want   string
		ok     bool
	}{
		{report.RatioOf(21514, 32307), 2, "66.59", true},
		{report.RatioOf(1, 8), 2, "12.50", true},
		{report.RatioOf(1, 200), 0, "1", true},   // 0.5 rounds half up
		{report.RatioOf(1, 400), 1, "0.3", true}, // 0.25 rounds half up
		{report.RatioOf(2, 3), 0, "67", true},
		{report.RatioOf(-1, 8), 1, "-12.5", true},
		{report.RatioOf(-1, 200), 0, "-1", true}, // half away from zero
		{report.RatioOf(5, 0), 2, "", false},
		{report.CountOf(5), 2, "", false},
	} {
		t.Run(tc.c.String(), func(t *testing.T) {
			got, ok := tc.c.Percent(tc.places)
			if ok != tc.ok || ok && got.String() != tc.want {
				t.Errorf("Percent(%d) = %s, %v; want %s, %v", tc.places, got, ok, tc.want, tc.ok)
			}
		})
	}
}
