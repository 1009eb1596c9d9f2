package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"github.com/zwfw/zwfw/examples/internal/golden"
	"github.com/zwfw/zwfw/schema/schematest"
)

// An .xlsx export, with a title row above its header, gives the CSV's
// figures.
func TestWorkbookInput(t *testing.T) {
	recs := schematest.ReadCSV(t, "testdata/april.csv")
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "办件明细")
	f.SetCellValue("办件明细", "A1", "2021年4月办件明细")
	for i, rec := range recs {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow("办件明细", cell, &rec); err != nil {
			t.Fatal(err)
		}
	}
	name := filepath.Join(t.TempDir(), "april.xlsx")
	if err := f.SaveAs(name); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out := func(in string) string {
		stdout := golden.Output(t, run, []string{"-in", in, "-by", "window", "-format", "json"})
		return strings.ReplaceAll(stdout, "april.xlsx", "april.csv")
	}
	if got, want := out(name), out("testdata/april.csv"); got != want {
		t.Errorf("workbook:\n%s\nCSV:\n%s", got, want)
	}
}
