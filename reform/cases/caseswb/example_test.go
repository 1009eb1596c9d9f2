package caseswb_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/zwfw/zwfw/reform/cases"
	"github.com/zwfw/zwfw/reform/cases/caseswb"
)

func ExampleDecoder() {
	// A platform export: a title row, the header, the cases; one 办结时间
	// is a formula.
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "办件")
	rows := [][]any{
		{"2021年4月办件明细"},
		{"办件编号", "事项名称", "受理部门", "受理时间", "办结时间", "办件状态"},
		{"1", "食品经营许可", "市市场监督管理局", "2021-04-06 09:00", "2021-04-09 16:00", "办结"},
		{"2", "居民身份证换领", "市公安局", time.Date(2021, 4, 7, 9, 30, 0, 0, time.UTC), "", "办结"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("办件", cell, &r)
	}
	f.SetCellFormula("办件", "E4", "D4+1")
	var b bytes.Buffer
	f.Write(&b)

	d := caseswb.NewDecoder(&b, "april.xlsx", nil)
	t := cases.NewTally(cases.Month(2021, time.April), nil)
	for c := range d.Cases() {
		t.Add(c)
	}
	fmt.Println("受理", t.Total().Accepted, "办结", t.Total().Completed)
	for _, p := range d.Problems() {
		fmt.Println(p.Pos, p.Path, p.Rule)
	}
	// Output:
	// 受理 1 办结 1
	// april.xlsx[办件]:4:5 /cases/1/completed cases.missing
	// april.xlsx[办件]:4:5 /cases/1/completed workbook.formula
}
