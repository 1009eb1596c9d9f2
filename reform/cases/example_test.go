package cases_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/workday"
	"github.com/zwfw/zwfw/reform/cases"
)

func ExampleTally() {
	export := `办件编号,事项编码,事项名称,受理部门,受理窗口,受理时间,办结时间,办件状态,承诺时限,时限单位,办理渠道
1,M1,食品经营许可,市市场监督管理局,1号窗口,2021-04-29 09:00,2021-05-10 10:00,办结,5,工作日,窗口
2,M1,食品经营许可,市市场监督管理局,1号窗口,2021-04-06 09:00,2021-04-16 09:00,办结,5,工作日,网上
3,M2,居民身份证换领,市公安局,3号窗口,2021-03-31 16:00,2021-04-01 09:30,办结,,即办,窗口
`
	dec := cases.NewDecoder(strings.NewReader(export), "export.csv", nil)
	t := cases.NewTally(cases.Month(2021, time.April), nil)
	for c := range dec.Cases() {
		t.Add(c)
	}
	tot := t.Total()
	fmt.Println("上月结转", tot.CarriedOver, "受理", tot.Accepted, "办结", tot.Completed, "办结率", tot.CompletionRate())
	fmt.Println("按时", tot.OnTime, "超期", tot.Overdue, "未办结", tot.OpenAtEnd, "网办率", tot.OnlineShare())
	for _, r := range t.Rows(cases.ByDepartment) {
		fmt.Println(r.Department, r.Accepted, r.Completed)
	}
	// Output:
	// 上月结转 1 受理 2 办结 2 办结率 66.67%
	// 按时 0 超期 2 未办结 1 网办率 50.00%
	// 市市场监督管理局 2 1
	// 市公安局 0 1
}

func ExampleDecoder_Problems() {
	export := `办件编号,事项名称,受理部门,受理时间,办结时间,办件状态
1,食品经营许可,市市场监督管理局,2021-04-31 09:00,,受理
2,食品经营许可,市市场监督管理局,2021-04-06 09:00,,进行中
`
	dec := cases.NewDecoder(strings.NewReader(export), "export.csv", nil)
	for range dec.Cases() {
	}
	for _, p := range dec.Problems() {
		fmt.Println(p.Pos, p.Path, p.Rule)
	}
	// Output:
	// export.csv:2:4 /cases/0/accepted cases.timestamp
	// export.csv:3:6 /cases/1/status cases.enum
}

func ExampleParseTime() {
	for _, s := range []string{"2021-04-09 10:32:05", "2021/4/9 10:32", "44295.43895"} {
		t, _ := cases.ParseTime(s)
		fmt.Println(t.Format(time.DateTime))
	}
	// Output:
	// 2021-04-09 10:32:05
	// 2021-04-09 10:32:00
	// 2021-04-09 10:32:05
}

func ExampleDeadline() {
	accepted, _ := cases.ParseTime("2021-04-29 09:00")
	c := &cases.Case{Accepted: accepted, Limit: matters.Limit{Value: matters.QuantityOf(5), Unit: matters.WorkingDays}}
	due, _ := cases.Deadline(workday.China(), c)
	fmt.Println(due.Format(time.DateTime))
	// Output: 2021-05-10 23:59:59
}

func ExampleCatalogueCheck() {
	cat := &matters.Catalogue{Matters: []matters.Matter{
		{Code: "M1", Name: "食品经营许可", PromisedLimit: matters.Limit{Value: matters.QuantityOf(5), Unit: matters.WorkingDays}},
	}}
	export := `办件编号,事项编码,事项名称,受理部门,受理时间,办件状态,承诺时限,时限单位
1,M1,食品经营许可,市市场监督管理局,2021-04-06 09:00,受理,10,工作日
2,M7,户口迁移,市公安局,2021-04-06 09:00,受理,5,工作日
`
	k := cases.NewCatalogueCheck(cat)
	for c := range cases.NewDecoder(strings.NewReader(export), "export.csv", nil).Cases() {
		k.Add(c)
	}
	for _, f := range k.Findings() {
		fmt.Println(f.Rule, f.MatterCode, f.Cases, f.InForce, f.Catalogue)
	}
	// Output:
	// cases.limit-differs M1 1 10 工作日 5 工作日
	// cases.not-in-catalogue M7 1
}
