package report_test

import (
	"fmt"
	"os"

	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/schema"
)

const exampleDoc = `kind: Bulletin
schemaVersion: 1
period: "2021-04"
issuer: 遂宁市政务服务和大数据局
updates:
  - unit: 蓬溪县
    mode: 七办
    headline: 蓬溪县行政审批局高效推进“七办”服务,政务环境不断优化。
    measures:
      - name: 马上办
        heading: 推进政务服务“马上办”
        text: 梳理“马上办”事项清单{instant},实现即办比例达{instantShare}。
        figures:
          instant: {kind: 事项数, value: 423, unit: 项, indicator: 即办事项数}
          instantShare: {kind: 百分比, value: 76.85, unit: "%", indicator: 即办比例}
attendance:
  leave:
    staff: 窗口工作人员
    total: 12
    kinds:
      - {kind: 病假, count: 10}
      - {kind: 婚假, count: 1}
efficiency:
  source: “一体化政务服务平台”
  place: 市政务大厅窗口
  accepted: 32307
  completed: 21514
`

// Parse a bulletin and print it in the bulletin's own layout, with the
// completion rate computed.
func ExampleParse() {
	var probs schema.List
	b, _ := report.Parse("bulletin.yaml", []byte(exampleDoc), nil, schema.Collect(&probs))
	for _, p := range probs {
		fmt.Println(p)
	}
	b.Render(os.Stdout, report.Text, &report.RenderOptions{CompletionRate: true})
	// Output:
	// bulletin.yaml:19:12: error: /attendance/leave/total: total leave 12人次 differs from the sum of the kinds, 11 [bulletin.total-mismatch]
	// 一、工作动态
	// 蓬溪县行政审批局高效推进“七办”服务,政务环境不断优化。一是推进政务服务“马上办”。梳理“马上办”事项清单423项,实现即办比例达76.85%。
	// 二、考勤考核
	// (一)请假统计
	// 2021年4月,窗口工作人员请假共计12人次。其中:病假10人次,婚假1人次。
	// 三、效能监察
	// 据“一体化政务服务平台”统计,2021年4月市政务大厅窗口受理各类行政审批和公共服务事项32307件,办结21514件,办结受理比66.59%。
}

// Problems carry a position, a JSON Pointer path and a stable rule; tests
// and programs match on the rule and the path.
func ExampleParse_errors() {
	doc := `kind: Bulletin
schemaVersion: 1
period: "2021-04"
issuer: 某局
updates:
  - unit: 船山区
    headline: 下放事项{delegated},即办比例{share}。
    figures:
      delegated: {kind: 事项数, value: 69, unit: 件}
      share: {kind: 百分比, value: 176.85, unit: "%"}
      spare: {kind: 计数, value: 1, unit: 个}
efficiency: {source: 平台, place: 大厅, accepted: 10, completed: 11}
`
	_, err := report.Parse("bad.yaml", []byte(doc), nil)
	for _, p := range schema.Problems(err) {
		fmt.Printf("%d:%d %s %s\n", p.Pos.Line, p.Pos.Col, p.Rule, p.Path)
	}
	fmt.Println(err != nil)
	// Output:
	// 9:47 bulletin.unit-kind-mismatch /updates/0/figures/delegated/unit
	// 10:33 bulletin.percentage-range /updates/0/figures/share/value
	// 11:14 bulletin.unused-figure /updates/0/figures/spare
	// true
}

// Compare the figures a bulletin reports with those computed from
// catalogues. The calculator here is a stand-in with fixed values.
func ExampleBulletin_Compare() {
	b, _ := report.Parse("bulletin.yaml", []byte(exampleDoc), nil)
	calc := report.CalculatorFunc(func(unit, indicator string) (report.Computed, error) {
		switch indicator {
		case "即办事项数":
			return report.CountOf(423), nil
		case "即办比例":
			return report.RatioOf(423, 551), nil
		}
		return report.Computed{}, report.ErrUnknownIndicator
	})
	for _, c := range b.Compare(calc) {
		fmt.Printf("%s %s: reported %s, computed %s, agree %v\n",
			c.Unit, c.Reported.Figure.Indicator, c.Reported.Figure, c.Computed, c.Agree)
	}
	// Output:
	// 蓬溪县 即办事项数: reported 423项, computed 423, agree true
	// 蓬溪县 即办比例: reported 76.85%, computed 76.77% (423/551), agree false
}

// Add up figures of one unit across updates.
func ExampleSum() {
	a := report.Figure{Kind: report.MatterCount, Value: report.DecimalOf(210), Unit: report.Item}
	b := report.Figure{Kind: report.MatterCount, Value: report.DecimalOf(8000), Unit: report.Item, Approx: report.Over}
	s, err := report.Sum(a, b)
	fmt.Println(s, err)
	_, err = report.Sum(a, report.Figure{Kind: report.Percentage, Value: report.DecimalOf(1), Unit: report.Percent})
	fmt.Println(err)
	// Output:
	// 8210余项 <nil>
	// report: cannot sum 百分比 figures (1%)
}

// A ratio keeps its numerator and denominator; it is rounded half up only
// when written.
func ExampleComputed_Percent() {
	rate := report.RatioOf(21514, 32307) // 办结 / 受理
	p, _ := rate.Percent(2)
	fmt.Println(p, rate)
	// Output: 66.59 66.59% (21514/32307)
}

// Figures are written as a bulletin writes them.
func ExampleFigure_String() {
	for _, f := range []report.Figure{
		{Kind: report.MatterCount, Value: report.DecimalOf(20000), Unit: report.Item, Scale: report.Wan, Approx: report.Over},
		{Kind: report.Percentage, Value: report.MustParseDecimal("73.6"), Unit: report.Percent},
		{Kind: report.Ordinal, Value: report.DecimalOf(2), Unit: report.Times},
		{Kind: report.PeopleCount, Value: report.DecimalOf(200), Unit: report.Headcount, Approx: report.OrAbove},
	} {
		fmt.Println(f)
	}
	// Output:
	// 2万余项
	// 73.6%
	// 第2次
	// 200名以上
}

// Figures followed across months, with the change from last month.
func ExampleTrends() {
	march, _ := report.LoadFile("testdata/trend-2021-03.yaml", nil)
	april, _ := report.LoadFile("../examples/data/bulletin-2021-04.yaml", nil)
	for _, s := range report.Trends(march, april) {
		if s.Key != "efficiency.accepted" && s.Key != "efficiency.rate" {
			continue
		}
		c, _ := s.Change(april.Period.Prev(), april.Period)
		fmt.Printf("%s: %s → %s (%s)\n", s.Label, c.Then, c.Now, c.Diff)
	}
	// Output:
	// 受理件数: 30000 → 32307 (2307)
	// 办结率: 66.67 → 66.59 (-0.08)
}
