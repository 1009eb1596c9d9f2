package cases_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zwfw/zwfw/matters/workday"
	"github.com/zwfw/zwfw/reform/cases"
)

func load(t testing.TB, name string) []cases.Case {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d := cases.NewDecoder(f, name, &cases.DecodeOptions{Calendar: workday.China()})
	var out []cases.Case
	for c := range d.Cases() {
		cc := *c
		cc.Suspensions = append([]cases.Suspension(nil), c.Suspensions...)
		out = append(out, cc)
	}
	if err := d.Problems().Err(); err != nil {
		t.Fatal(d.Problems())
	}
	return out
}

func tally(p cases.Period, cs []cases.Case) *cases.Tally {
	t := cases.NewTally(p, nil)
	for i := range cs {
		t.Add(&cs[i])
	}
	return t
}

// The figures of testdata/april.csv, computed by hand (see the comments
// beside each row there and in TestHandComputed).
func TestHandComputed(t *testing.T) {
	april := cases.Month(2021, time.April)
	tot := tally(april, load(t, "april.csv")).Total()
	tests := []struct {
		name      string
		got, want int64
	}{
		// C1 (accepted 03-29, completed 04-02) and C2 (03-15, open).
		{"上月结转", tot.CarriedOver, 2},
		// A1–A4, B1, B2, E1, E2, F1, G1; not D1 (不予受理) nor D2 (作废).
		{"受理", tot.Accepted, 10},
		{"网上受理", tot.Online, 2}, // A2, E1
		{"不予受理", tot.NotAccepted, 1},
		// A2, A3, A4, B1, B2, C1, E1, F1.
		{"办结", tot.Completed, 8},
		{"结转办结", tot.CompletedCarried(), 1}, // C1
		// A2 4 of 5 working days (清明 04-03..05 off), A4 7 less 3 suspended,
		// B1 即办 same day, C1 4 of 5, F1 1.5 of 2 hours.
		{"按时办结", tot.OnTime, 5},
		// A3 8 of 5 working days, B2 即办 done the next day, E1 24 of 20 自然日.
		{"超期办结", tot.Overdue, 3},
		{"未判定", tot.Untimed, 0},
		{"提前办结", tot.Early, 4},   // A2, A4, C1, F1; 即办 on the day is on time, not early
		{"当日办结", tot.SameDay, 2}, // B1, F1
		{"评价", tot.Evaluated, 4},
		{"好评", tot.Good, 2},
		{"差评", tot.Bad, 1},
		// 4+8+4+0+1+4+16+0: E1 04-01..04-25 holds 16 working days, the Sunday 04-25 worked among them.
		{"用时合计", tot.DaysSum, 37},
		{"未办结", tot.OpenAtEnd, 3},     // A1, C2, E2; G1 returned is not open
		{"超期未办结", tot.OverdueOpen, 1}, // C2
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("%s = %d, want %d", tt.name, tt.got, tt.want)
			}
		})
	}
	ratios := []struct {
		name string
		got  string
		want string
	}{
		{"办结率 8/(2+10)", tot.CompletionRate().String(), "66.67%"},
		{"按时办结率 5/8", tot.OnTimeRate().String(), "62.50%"},
		{"提前办结率 4/8", tot.EarlyRate().String(), "50.00%"},
		{"即办率 2/8", tot.SameDayShare().String(), "25.00%"},
		{"网办率 2/10", tot.OnlineShare().String(), "20.00%"},
		{"好评率 2/4", tot.GoodRate().String(), "50.00%"},
		{"平均用时 37/8", cases.FormatDays(tot.MeanDays()), "4.63"},
		{"中位用时 of 0 0 1 4 4 4 8 16", cases.FormatDays(tot.MedianDays()), "4.00"},
	}
	for _, tt := range ratios {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %s, want %s", tt.got, tt.want)
			}
		})
	}
}

func TestRollUp(t *testing.T) {
	tl := tally(cases.Month(2021, time.April), load(t, "april.csv"))
	type key struct{ unit, dept, window, matter string }
	tests := []struct {
		name      string
		level     cases.Level
		row       key
		accepted  int64
		completed int64
		overdue   int64
	}{
		{"unit 市本级", cases.ByUnit, key{unit: "市本级"}, 8, 7, 2},
		{"unit 射洪市", cases.ByUnit, key{unit: "射洪市"}, 2, 1, 1},
		{"department 市市场监督管理局", cases.ByDepartment, key{unit: "市本级", dept: "市市场监督管理局"}, 4, 4, 1},
		{"department 市公安局", cases.ByDepartment, key{unit: "市本级", dept: "市公安局"}, 4, 3, 1},
		{"window 2号窗口", cases.ByWindow, key{"市本级", "市市场监督管理局", "2号窗口", ""}, 1, 1, 0},
		{"matter M2", cases.ByMatter, key{matter: "M2"}, 3, 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, r := range tl.Rows(tt.level) {
				if (key{r.Unit, r.Department, r.Window, r.MatterCode}) == tt.row {
					if r.Accepted != tt.accepted || r.Completed != tt.completed || r.Overdue != tt.overdue {
						t.Errorf("受理 %d 办结 %d 超期 %d; want %d %d %d", r.Accepted, r.Completed, r.Overdue, tt.accepted, tt.completed, tt.overdue)
					}
					return
				}
			}
			t.Errorf("no row %v", tt.row)
		})
	}
	// The rows of each level add up to the total.
	tot := tl.Total()
	for _, level := range []cases.Level{cases.ByMatter, cases.ByWindow, cases.ByDepartment, cases.ByUnit} {
		var sum cases.Figures
		for _, r := range tl.Rows(level) {
			if err := sum.Add(&r.Figures); err != nil {
				t.Fatal(err)
			}
		}
		if sum.Accepted != tot.Accepted || sum.Completed != tot.Completed || sum.OverdueOpen != tot.OverdueOpen || sum.DaysSum != tot.DaysSum {
			t.Errorf("level %d does not add up to the total", level)
		}
	}
}

// Table lays out 附件1: the header, a row per department, the total.
func TestTable(t *testing.T) {
	names, rows := tally(cases.Month(2021, time.April), load(t, "april.csv")).Table(cases.ByDepartment)
	if names != 2 || len(rows) != 1+3+1 {
		t.Fatalf("%d name columns, %d rows", names, len(rows))
	}
	tests := []struct {
		name string
		row  []string
		want []string
	}{
		{"header", rows[0][:7], []string{"单位", "部门", "上月结转", "受理", "办结", "其中结转办结", "办结率"}},
		// 市市场监督管理局 and 市公安局 accepted 4 each; the unit's name orders them.
		{"first department", rows[1][:7], []string{"市本级", "市公安局", "0", "4", "3", "0", "75.00%"}},
		{"total", rows[4], []string{"合计", "", "2", "10", "8", "1", "66.67%", "5", "3", "1", "50.00%", "4.63", "4.00", "25.00%", "20.00%", "50.00%", "1", "1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if strings.Join(tt.row, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got  %q\nwant %q", tt.row, tt.want)
			}
		})
	}
}

// Cases without a matter code are counted by their matter's name, apart
// from a matter with a code and the same name.
func TestRowsByMatterName(t *testing.T) {
	acc := time.Date(2021, 4, 6, 9, 0, 0, 0, cases.Beijing)
	cs := []cases.Case{
		{ID: "1", MatterName: "食品经营许可", Department: "市市场监督管理局", Status: cases.Accepted, Accepted: acc},
		{ID: "2", MatterName: "食品经营许可", Department: "市市场监督管理局", Status: cases.Accepted, Accepted: acc},
		{ID: "3", MatterName: "税务登记", Department: "市税务局", Status: cases.Accepted, Accepted: acc},
		{ID: "4", MatterCode: "M1", MatterName: "食品经营许可", Department: "市市场监督管理局", Status: cases.Accepted, Accepted: acc},
	}
	rows := tally(cases.Month(2021, time.April), cs).Rows(cases.ByMatter)
	type row struct {
		code, name string
		accepted   int64
	}
	want := []row{{"", "食品经营许可", 2}, {"M1", "食品经营许可", 1}, {"", "税务登记", 1}}
	var got []row
	for _, r := range rows {
		got = append(got, row{r.MatterCode, r.MatterName, r.Accepted})
	}
	if len(got) != len(want) {
		t.Fatalf("rows %v, want %v", got, want)
	}
	for i := range want {
		t.Run(want[i].code+want[i].name, func(t *testing.T) {
			if got[i] != want[i] {
				t.Errorf("row %d = %v, want %v", i, got[i], want[i])
			}
		})
	}
}
