package workbook

import (
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

const platformFile = "testdata/platform.xlsx"

// buildPlatform lays out a workbook as the provincial platform exports
// it: a merged title row above the real list's headers, the rows of
// ../testdata/portal.csv with some dirt added, and a materials sheet.
func buildPlatform(t *testing.T) {
	t.Helper()
	recs := schematest.ReadCSV(t, "../testdata/portal.csv")
	recs[0][0] = recs[0][0][len("\ufeff"):]
	f := excelize.NewFile()
	defer f.Close()
	const s = "Sheet1"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellValue(s, "A1", "示例区政务服务事项实施清单"))
	must(f.MergeCell(s, "A1", "I1"))
	header := append(recs[0], "到办事现场次数", "生效日期")
	for i, rec := range append([][]string{header}, recs[1:]...) {
		for j, v := range rec {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+2)
			must(f.SetCellValue(s, cell, v))
		}
	}
	// Dirt: a formula where visits belong (row 3), a type that is no
	// type (row 4), a code used twice (row 11 repeats row 3), a typed date
	// and a number (row 5).
	must(f.SetCellFormula(s, "H3", "=1+1"))
	must(f.SetCellValue(s, "E4", "99"))
	must(f.SetCellValue(s, "H5", 0))
	must(f.SetCellValue(s, "I5", time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)))
	st, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(f.SetCellStyle(s, "I5", "I5", st))
	for j, v := range recs[1] {
		cell, _ := excelize.CoordinatesToCellName(j+1, 11)
		must(f.SetCellValue(s, cell, v))
	}
	// The materials sheet, keyed by the matter's code.
	_, err := f.NewSheet("申请材料")
	must(err)
	code := recs[1][3]
	rows := [][]any{
		{"申请材料"},
		{"事项编码", "材料名称", "材料形式", "份数", "必要性", "来源渠道"},
		{code, "食品经营许可申请书", "原件", 1, "必要", "申请人自备"},
		{code, "营业执照", "复印件", "两份", "必要", "政府部门核发"},
		{code, "食品安全管理制度", "原件", 1, "容缺后补", "申请人自备"},
		{code, "食品经营许可申请书", "原件", 1, "必要", "申请人自备"},
		{"511Z9999999999-511699000000-000-115116995551234500-1-00", "身份证", "复印件", 1, "必要", "申请人自备"},
		{code, "场所证明", "传真件", 1, "必要", "申请人自备"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		must(f.SetSheetRow("申请材料", cell, &r))
	}
	must(f.SaveAs(platformFile))
}

type located struct {
	Rule schema.Rule
	Path string
	Pos  string
}

// TestPlatformWorkbook reads a workbook as the platform exports it and
// finds its dirt, each problem at its sheet and cell.
func TestPlatformWorkbook(t *testing.T) {
	if _, err := os.Stat(platformFile); schematest.Updating() || err != nil {
		buildPlatform(t)
	}
	c, err := ReadFile(platformFile)
	var probs schema.List
	_, _ = ReadFile(platformFile, schema.Collect(&probs))
	if err == nil {
		t.Fatal("no error")
	}
	probs.Sort() // the order of emission is not part of the contract
	var got []located
	for _, p := range probs {
		if p.Severity == schema.Error {
			got = append(got, located{p.Rule, p.Path.String(), p.Pos.String()})
		}
	}
	const x = "testdata/platform.xlsx"
	want := []located{
		{RuleFormula, "", x + "[Sheet1]:3:8"},
		{"csv.value", "/matters/1/type", x + "[Sheet1]:4:5"},
		{"matter.duplicate-code", "/matters/8/code", x + "[Sheet1]:11:4"},
		{RuleCell, "/matters/0/materials/1/copies", x + "[申请材料]:4:4"},
		{"matter.tolerate-material-unmarked", "/matters/0/materials/2/necessity", x + "[申请材料]:5:1"},
		{"matter.duplicate-material", "/matters/0/materials/3/name", x + "[申请材料]:6:1"},
		{RuleUnknownMatter, "", x + "[申请材料]:7:1"},
		{RuleCell, "/matters/0/materials/4/forms", x + "[申请材料]:8:3"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s\n%v", diff, probs)
	}
	if c == nil {
		t.Fatal("no catalogue")
	}
	if c.Title != "示例区政务服务事项实施清单" || len(c.Matters) != 9 {
		t.Errorf("title %q, %d matters", c.Title, len(c.Matters))
	}
	if m := c.Matters[2]; m.EffectiveDate != "2021-03-01" || m.Visits == nil || *m.Visits != 0 {
		t.Errorf("typed cells: date %q, visits %v", m.EffectiveDate, m.Visits)
	}
	if n := len(c.Matters[0].Materials); n != 5 {
		t.Errorf("%d materials on the first matter, want 5", n)
	}
}
