package reform

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/county"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema/schematest"
)

func scorecardMode(t *testing.T) *Mode {
	t.Helper()
	d, probs := loadFileProblems("testdata/modes/scorecard.yaml")
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	return d.Mode("四办")
}

// verdicts flattens a scorecard to measure → indicator → value and verdict.
type verdictRow struct {
	Measure, Group, Indicator, Value string
	Verdict                          Verdict
}

func verdicts(sc *Scorecard) []verdictRow {
	var out []verdictRow
	for _, ms := range sc.Measures {
		if len(ms.Scores) == 0 {
			out = append(out, verdictRow{Measure: ms.Measure.Name, Group: ms.Group})
		}
		for _, s := range ms.Scores {
			out = append(out, verdictRow{ms.Measure.Name, ms.Group, s.Result.Indicator.String(), s.Result.Value(), s.Verdict})
		}
	}
	return out
}

func TestScorecard(t *testing.T) {
	mode := scorecardMode(t)
	plain := New(Config{})
	plain.AddCatalogue(handCatalogue())
	withBase := New(Config{Base: NewBase(handBase()), Level: matters.CountyLevel})
	withBase.AddCatalogue(handCatalogue())

	// Every case gives the same rows: only the verdicts on 即办比例 (in
	// 马上办 and in 线上办) and the value and verdict of 认领率 differ.
	rows := func(instant Verdict, claimRate string, claim Verdict) []verdictRow {
		return []verdictRow{
			{"马上办", "线下", "即办比例", "40.00%", instant},
			{"马上办", "线下", "即办事项数", "2", 0},
			{"就近办", "线下", "下放事项数", "3", NotMet},
			{"就近办", "线下", "川渝通办事项数", "3", 0},
			{"集中办", "线下", "", "", 0},
			{"线上办", "", "认领率", claimRate, claim},
			{"线上办", "", "即办比例", "40.00%", instant},
		}
	}
	tests := []struct {
		name    string
		x       *Indicators
		targets []Target
		want    []verdictRow
		tally   [3]int
	}{
		{
			// 即办比例 2/5 = 40% meets ≥ 40%; 下放事项数 3 misses ≥ 4; 认领率 is
			// undefined without a base; counts without a target get no verdict.
			name:  "mode targets",
			x:     plain,
			want:  rows(Met, "undefined", Undetermined),
			tally: [3]int{1, 1, 1},
		},
		{
			// The caller's 40.01% replaces the mode's 40%: 40% falls short.
			name:    "caller target",
			x:       plain,
			targets: []Target{{Indicator: InstantShare, AtLeast: 4001}},
			want:    rows(NotMet, "undefined", Undetermined),
			tally:   [3]int{0, 2, 1},
		},
		{
			// Against the base, 认领率 is 3/5 = 60% ≥ 50%.
			name:  "with base",
			x:     withBase,
			want:  rows(Met, "60.00%", Met),
			tally: [3]int{2, 1, 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := mode.Score("蓬溪县", tt.x, tt.targets...)
			if sc.Unit != "蓬溪县" || sc.Mode != mode {
				t.Errorf("scorecard of %q for %v", sc.Unit, sc.Mode)
			}
			if diff := cmp.Diff(tt.want, verdicts(sc)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			met, notMet, und := sc.Tally()
			if got := [3]int{met, notMet, und}; got != tt.tally {
				t.Errorf("Tally = %v, want %v", got, tt.tally)
			}
		})
	}
}

func testHierarchy(t *testing.T) *county.Hierarchy {
	t.Helper()
	data := schematest.ReadFile(t, "testdata/divisions.yaml")
	h, err := county.Parse("testdata/divisions.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func find(t *testing.T, h *county.Hierarchy, s string) *county.Unit {
	t.Helper()
	u, err := h.Find(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestRollUp(t *testing.T) {
	h := testHierarchy(t)
	cat := handCatalogue()
	ms := cat.Matters
	cfg := Config{Base: NewBase(handBase()), Level: matters.CountyLevel}
	measure := func(part []matters.Matter, bundles []matters.Bundle) *Indicators {
		x := New(cfg)
		x.AddCatalogue(&matters.Catalogue{Matters: part, Bundles: bundles})
		return x
	}
	pengxi, chicheng, daying, hedong, city := find(t, h, "蓬溪县"), find(t, h, "赤城镇"), find(t, h, "大英县"), find(t, h, "河东新区"), find(t, h, "遂宁市")
	own := map[*county.Unit]*Indicators{
		pengxi:   measure(ms[0:3], nil),
		chicheng: measure(ms[3:5], nil),
		daying:   measure(ms[5:6], nil),
		hedong:   measure(ms[6:7], cat.Bundles),
	}
	before := map[*county.Unit][]Result{}
	for u, x := range own {
		before[u] = x.Results()
	}
	rolled, err := RollUp(h, own)
	if err != nil {
		t.Fatal(err)
	}
	want := map[*county.Unit]*Indicators{
		city:     measure(ms, cat.Bundles), // everything
		pengxi:   measure(ms[0:5], nil),    // its own and 赤城镇's
		chicheng: measure(ms[3:5], nil),
		daying:   measure(ms[5:6], nil),
		hedong:   measure(ms[6:7], cat.Bundles),
	}
	if len(rolled) != len(want) {
		t.Errorf("%d units rolled up, want %d", len(rolled), len(want))
	}
	for u, w := range want {
		t.Run(u.Name(), func(t *testing.T) {
			got := rolled[u]
			if got == nil {
				t.Fatal("no figures")
			}
			if diff := cmp.Diff(w.Results(), got.Results()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	for u, x := range own {
		if diff := cmp.Diff(before[u], x.Results()); diff != "" {
			t.Errorf("RollUp changed the accumulator of %s:\n%s", u.Name(), diff)
		}
	}
	// A scorecard of the city is the mode applied to the rolled-up figures.
	sc := Default().Mode("七办").Score(city.Name(), rolled[city])
	if got := sc.Measures[4].Scores[0].Result; got.Indicator != InstantShare || got.Num != 2 || got.Den != 5 {
		t.Errorf("city 马上办 = %v", got)
	}
}

func TestRollUpErrors(t *testing.T) {
	h := testHierarchy(t)
	pengxi, daying := find(t, h, "蓬溪县"), find(t, h, "大英县")
	t.Run("unit outside", func(t *testing.T) {
		other := county.Suining().ByCode(county.MustParseCode("510921"))
		if _, err := RollUp(h, map[*county.Unit]*Indicators{other: New(Config{})}); err == nil {
			t.Error("RollUp accepted a unit of another hierarchy")
		}
	})
	t.Run("config mismatch", func(t *testing.T) {
		own := map[*county.Unit]*Indicators{pengxi: New(Config{}), daying: New(Config{Base: NewBase(handBase())})}
		if _, err := RollUp(h, own); !errors.Is(err, ErrConfigMismatch) {
			t.Errorf("err = %v, want ErrConfigMismatch", err)
		}
	})
	t.Run("nothing", func(t *testing.T) {
		rolled, err := RollUp(h, nil)
		if err != nil || len(rolled) != 0 {
			t.Errorf("RollUp(nil) = %v, %v", rolled, err)
		}
	})
}
