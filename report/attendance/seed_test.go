package attendance_test

import (
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/report/attendance"
	"github.com/zwfw/zwfw/report/attendance/attendancetest"
	"github.com/zwfw/zwfw/schema/schematest"
)

// recordsDir is where the generated April 2021 records are committed.
const recordsDir = "../../examples/data/records-2021-04"

func april(t *testing.T) (attendancetest.Files, *attendance.Month) {
	t.Helper()
	files, err := attendancetest.Generate(attendancetest.April2021())
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for name, b := range files {
		fsys["r/"+name] = &fstest.MapFile{Data: b}
	}
	recs, probs := attendance.LoadFS(fsys, "r")
	if len(probs) > 0 {
		t.Fatalf("reading generated records:\n%v", probs)
	}
	m, probs := recs.Month(report.Period{Year: 2021, Month: 4})
	for _, p := range probs {
		t.Errorf("%v", p)
	}
	if m == nil {
		t.FailNow()
	}
	return files, m
}

// The records built for April 2021 give the seed's section 四 and section
// 二, counted by the package's rules.
func TestApril2021GivesTheSeedFigures(t *testing.T) {
	_, m := april(t)
	type kc struct {
		Kind  string
		Count int64
	}
	var leave []kc
	for _, k := range m.Leave {
		if k.Count > 0 {
			leave = append(leave, kc{k.Kind, k.Count})
		}
	}
	want := []kc{{"窗口业务事假", 199}, {"派驻单位工作假", 7}, {"延时服务调休假", 34}, {"个人私事假", 45},
		{"病假", 10}, {"年休假", 7}, {"生育假", 2}, {"哺乳假", 1}, {"婚假", 1}}
	if d := cmp.Diff(want, leave); d != "" {
		t.Errorf("leave by kind (-seed +computed):\n%s", d)
	}
	if got := m.LeaveTotal(); got != 306 {
		t.Errorf("leave total %d, the seed says 306", got)
	}
	if m.Late != 2 || m.Missed != 9 {
		t.Errorf("迟到 %d, 未打卡 %d; the seed says 2 and 9", m.Late, m.Missed)
	}
	if m.VisitTotal() != 15 || len(m.Visits) != 14 {
		t.Errorf("visits %d by %d officials; the seed says 15 by 14", m.VisitTotal(), len(m.Visits))
	}
	if i := slices.IndexFunc(m.Visits, func(v attendance.VisitCount) bool { return v.Name == "唐静" }); i != 7 || m.Visits[i].Count != 2 {
		t.Errorf("唐静 is visit %d; the seed lists her 8th, twice", i+1)
	}
	if len(m.Submissions) != 1 || m.Submissions[0] != (attendance.SubmissionCount{Department: "市市场监管局", Count: 1}) {
		t.Errorf("submissions %v; the seed says 市市场监管局 1", m.Submissions)
	}
	if m.Workdays != 22 {
		t.Errorf("%d working days in April 2021, want 22 (清明 4/5 off, Sunday 4/25 worked)", m.Workdays)
	}
}

// The records committed under examples/data are what the generator
// writes; go test -update rewrites them.
func TestCommittedRecords(t *testing.T) {
	files, _ := april(t)
	for name, b := range files {
		schematest.Golden(t, filepath.Join(recordsDir, name), b)
	}
}
