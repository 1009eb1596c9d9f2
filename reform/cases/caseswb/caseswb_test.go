package caseswb_test

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/zwfw/zwfw/matters/workbook"
	"github.com/zwfw/zwfw/matters/workday"
	"github.com/zwfw/zwfw/reform/cases"
	"github.com/zwfw/zwfw/reform/cases/casestest"
	"github.com/zwfw/zwfw/reform/cases/caseswb"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

// book writes rows to sheet (after a first sheet of notes) with a title
// row above them; cells that are time.Time become date cells.
func book(t testing.TB, sheet string, rows [][]any, formulas map[string]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "说明")
	f.SetCellValue("说明", "A1", "本工作簿由一体化政务服务平台导出")
	if _, err := f.NewSheet(sheet); err != nil {
		t.Fatal(err)
	}
	f.SetCellValue(sheet, "A1", "2021年4月办件明细")
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	for ref, fm := range formulas {
		if err := f.SetCellFormula(sheet, ref, fm); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// aprilBook turns testdata/april.csv into a workbook: a title row, the
// header, and the times of 受理时间 as date cells.
func aprilBook(t testing.TB) (csvData, xlsx []byte) {
	csvData = schematest.ReadFile(t, "../testdata/april.csv")
	recs := schematest.ReadCSV(t, "../testdata/april.csv")
	acc := -1
	for j, h := range recs[0] {
		if h == "受理时间" {
			acc = j
		}
	}
	var rows [][]any
	for i, rec := range recs {
		row := make([]any, len(rec))
		for j, c := range rec {
			row[j] = c
			if i > 0 && j == acc && c != "" {
				tm, err := cases.ParseTime(c)
				if err != nil {
					t.Fatal(err)
				}
				// A date cell holds the wall clock, without a zone.
				row[j] = time.Date(tm.Year(), tm.Month(), tm.Day(), tm.Hour(), tm.Minute(), tm.Second(), 0, time.UTC)
			}
		}
		rows = append(rows, row)
	}
	return csvData, book(t, "办件", rows, nil)
}

func TestWorkbookAsCSV(t *testing.T) {
	csvData, xlsx := aprilBook(t)
	opts := &cases.DecodeOptions{Calendar: workday.China()}
	want, wantProbs := casestest.Collect(cases.NewDecoder(bytes.NewReader(csvData), "april.csv", opts))
	got, probs := casestest.Collect(caseswb.NewDecoder(bytes.NewReader(xlsx), "april.xlsx", opts))
	if len(want) == 0 {
		t.Fatal("no cases in april.csv")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("cases differ from the CSV's (-csv +xlsx):\n%s", diff)
	}
	if len(probs) != len(wantProbs) {
		t.Errorf("problems: got %v, want as many as the CSV's %v", probs, wantProbs)
	}
	for _, p := range probs {
		if p.Pos.File != "april.xlsx[办件]" {
			t.Errorf("problem not located on the sheet: %v", p)
		}
	}
	period := cases.Month(2021, time.April)
	tw, tg := cases.NewTally(period, nil), cases.NewTally(period, nil)
	for i := range want {
		tw.Add(&want[i])
		tg.Add(&got[i])
	}
	if !reflect.DeepEqual(tw.Total(), tg.Total()) {
		t.Errorf("figures: got %+v, want %+v", tg.Total(), tw.Total())
	}
	if !reflect.DeepEqual(tw.Rows(cases.ByWindow), tg.Rows(cases.ByWindow)) {
		t.Error("rows by window differ from the CSV's")
	}
	// Open dispatches by the zip magic as well as by the name.
	got2, _ := casestest.Collect(caseswb.Open(bytes.NewReader(xlsx), "april.export", opts))
	if diff := cmp.Diff(want, got2); diff != "" {
		t.Errorf("Open by content (-csv +xlsx):\n%s", diff)
	}
	got3, _ := casestest.Collect(caseswb.Open(bytes.NewReader(csvData), "april.csv", opts))
	if diff := cmp.Diff(want, got3); diff != "" {
		t.Errorf("Open of CSV (-want +got):\n%s", diff)
	}
}

func TestWorkbookProblems(t *testing.T) {
	rows := [][]any{
		{"办件编号", "事项名称", "受理部门", "受理时间", "办结时间", "办件状态"},
		{"1", "食品经营许可", "市市场监督管理局", "2021-04-31 09:00", "", "受理"},
		{"2", "食品经营许可", "市市场监督管理局", "2021-04-06 09:00", "", "受理"},
		{"3", "食品经营许可", "市市场监督管理局", "2021-04-07 09:00", "", "进行中"},
		{"4", "食品经营许可", "市市场监督管理局", 44293.375, 44294.5, "办结"},
	}
	// Row 1 is the title, row 2 the header: record N is on row N+3.
	xlsx := book(t, "办件", rows, map[string]string{"E4": "D4+1"})
	got, probs := casestest.Collect(caseswb.NewDecoder(bytes.NewReader(xlsx), "dirty.xlsx", nil))
	type loc struct {
		Rule      schema.Rule
		Path, Pos string
	}
	var locs []loc
	for _, p := range probs {
		locs = append(locs, loc{p.Rule, p.Path.String(), p.Pos.String()})
	}
	want := []loc{
		{cases.RuleTimestamp, "/cases/0/accepted", "dirty.xlsx[办件]:3:4"},
		{workbook.RuleFormula, "/cases/1/completed", "dirty.xlsx[办件]:4:5"},
		{cases.RuleEnum, "/cases/2/status", "dirty.xlsx[办件]:5:6"},
	}
	if diff := cmp.Diff(want, locs); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if len(got) != 2 || got[0].ID != "2" || got[1].ID != "4" {
		t.Fatalf("cases: got %v", got)
	}
	if w := time.Date(2021, 4, 7, 9, 0, 0, 0, got[1].Accepted.Location()); !got[1].Accepted.Equal(w) {
		t.Errorf("serial 受理时间: got %v, want %v", got[1].Accepted, w)
	}
}

func TestNotWorkbook(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("PK\x03\x04garbage"), []byte("办件编号,受理部门\n")} {
		_, probs := casestest.Collect(caseswb.NewDecoder(bytes.NewReader(data), "x.xlsx", nil))
		if !probs.HasErrors() {
			t.Errorf("%q: no error", data)
		}
		for _, p := range probs {
			if p.Rule == "" || p.Pos.File == "" {
				t.Errorf("%q: problem without rule or file: %v", data, p)
			}
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(book(f, "办件", [][]any{
		{"办件编号", "事项名称", "受理部门", "受理时间", "办结时间", "办件状态"},
		{"1", "食品经营许可", "市市场监督管理局", 44293.375, 44294.5, "办结"},
	}, map[string]string{"E3": "D3+1"}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := caseswb.NewDecoder(bytes.NewReader(data), "fuzz.xlsx", nil)
		n := 0
		for range d.Cases() {
			n++
		}
		records, skipped := d.Counts()
		if int64(n) != records-skipped {
			t.Fatalf("%d cases yielded, %d records, %d skipped", n, records, skipped)
		}
		for _, p := range d.Problems() {
			if p.Rule == "" || p.Pos.File == "" {
				t.Fatalf("problem without rule or file: %v", p)
			}
		}
	})
}
