package reform_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/zwfw/zwfw/county"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/reform"
	"github.com/zwfw/zwfw/schema"
)

func intp(n int) *int { return &n }

// sample is a tiny implementation list: two application-based matters and
// a penalty.
func sample() *matters.Catalogue {
	return &matters.Catalogue{
		Division: matters.Division{Code: "510921", Name: "蓬溪县"},
		Matters: []matters.Matter{
			{Code: "A1", BaseCode: "000174023001", Type: matters.Licensing,
				LegalLimit:    matters.Limit{Value: matters.QuantityOf(20), Unit: matters.WorkingDays},
				PromisedLimit: matters.Limit{Value: matters.QuantityOf(5), Unit: matters.WorkingDays},
				Visits:        intp(0), Online: matters.SetOf(matters.OnlineHandle),
				Scopes: []matters.Scope{{Kind: matters.SichuanChongqing, Batch: 1}}},
			{Code: "A2", BaseCode: "000201002000", Type: matters.PublicService,
				LegalLimit:    matters.Limit{Value: matters.QuantityOf(10), Unit: matters.WorkingDays},
				PromisedLimit: matters.Limit{Unit: matters.Instant}, HandlingKind: matters.InstantCase,
				Visits: intp(1), Delegation: &matters.Delegation{To: matters.Township}},
			{Code: "P1", Type: matters.Penalty,
				LegalLimit: matters.Limit{Value: matters.QuantityOf(90), Unit: matters.CalendarDays}},
		},
	}
}

func ExampleIndicators() {
	var x reform.Indicators
	x.AddCatalogue(sample())
	for _, i := range []reform.Indicator{reform.PromiseSpeedup, reform.InstantShare, reform.ZeroVisitShare, reform.SichuanChongqingCount} {
		r := x.Result(i)
		fmt.Println(r)
		for _, e := range r.Excluded {
			fmt.Printf("  left out %d (%s): %s\n", e.Count, e.Reason, strings.Join(e.Examples, " "))
		}
		for _, g := range r.Groups {
			fmt.Printf("  %s: %d\n", g.Key, g.Count)
		}
	}
	// Output:
	// 承诺提速率 83.33% (2500/3000)
	//   left out 1 (ex officio type 行政处罚): P1
	// 即办比例 50.00% (1/2)
	//   left out 1 (ex officio type 行政处罚): P1
	// 零跑动率 50.00% (1/2)
	//   left out 1 (ex officio type 行政处罚): P1
	// 川渝通办事项数 1
	//   第1批: 1
}

// Accumulators of shards merge into the figures of the whole.
func ExampleIndicators_Merge() {
	c := sample()
	a, b := reform.New(reform.Config{}), reform.New(reform.Config{})
	a.Add(&c.Matters[0])
	b.Add(&c.Matters[1])
	b.Add(&c.Matters[2])
	if err := a.Merge(b); err != nil {
		fmt.Println(err)
	}
	fmt.Println(a.Result(reform.InstantShare))
	// Output:
	// 即办比例 50.00% (1/2)
}

func ExampleNewBase() {
	base := reform.NewBase(&matters.Catalogue{
		Kind: matters.BaseCatalogue,
		Matters: []matters.Matter{
			{Code: "000174023001", Level: matters.CountyLevel},
			{Code: "000201002000", Level: matters.CountyLevel},
			{Code: "000301003000", Level: matters.CountyLevel},
			{Code: "000401004000", Level: matters.Provincial},
		},
	})
	x := reform.New(reform.Config{Base: base, Level: matters.CountyLevel})
	x.AddCatalogue(sample())
	fmt.Println(x.Result(reform.ClaimRate))
	fmt.Println(x.Result(reform.NationalCoverage))
	// Output:
	// 认领率 66.67% (2/3)
	// 国家标准事项覆盖率 66.67% (2/3)
}

func ExampleRatio() {
	fmt.Println(reform.Ratio{Num: 2491, Den: 2500})
	fmt.Println(reform.Ratio{Num: 1, Den: 3})
	fmt.Println(reform.Ratio{Num: 1, Den: 20000}) // 0.005% rounds half up
	fmt.Println(reform.Ratio{Num: 0, Den: 0})
	// Output:
	// 99.64%
	// 33.33%
	// 0.01%
	// undefined
}

func ExampleDefault() {
	d := reform.Default()
	fmt.Println(d.Source, d.AsOf.Format("2006-01-02"))
	m := d.Mode("七办")
	fmt.Println(m.Name, m.Unit)
	for _, ms := range m.Measures {
		var names []string
		for _, i := range ms.Indicators {
			names = append(names, i.String())
		}
		if !ms.Measurable() {
			names = []string{"(no catalogue indicator; reported: " + strings.Join(ms.Reported, ", ") + ")"}
		}
		fmt.Printf("  %s: %s\n", ms.Name, strings.Join(names, ", "))
	}
	// Output:
	// 遂宁市政务服务工作简报(2021年4月) 2021-04-30
	// 七办 蓬溪县行政审批局
	//   一网办: 全程网办占比, 全程网办事项数, 承诺提速率, 零跑动率
	//   一门办: 进驻大厅比例
	//   一窗办: (no catalogue indicator; reported: 综合窗口数, 专窗数)
	//   一次办: 一件事一次办事项数, 最多跑一次比例
	//   马上办: 即办比例, 即办事项数
	//   全天办: 24小时自助事项数
	//   就近办: 全域通办事项数, 就近可办事项数, 川渝通办事项数
}

func ExampleParse() {
	doc := `kind: ReformModes
schemaVersion: 1
measures:
  - {name: 马上办, indicators: [即办率]}
  - {name: 集中办, indicators: []}
modes:
  - name: 二办
    measures: [马上办, 集中办]
    targets: [{indicator: 即办比例, atLeast: 70}]
`
	d, err := reform.Parse("modes.yaml", []byte(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	m := d.Mode("二办")
	fmt.Println(m.Measures[0].Indicators, m.Targets[0])
	// Output:
	// [即办比例] 即办比例 ≥ 70.00%
}

// Problems carry a position, a JSON Pointer and a rule.
func ExampleParse_errors() {
	doc := `kind: ReformModes
schemaVersion: 1
measures:
  - {name: 马上办, indicators: [即办比例, 办结率]}
modes:
  - {name: 二办, measures: [马上办, 全天办]}
`
	_, err := reform.Parse("modes.yaml", []byte(doc))
	for _, p := range schema.Problems(err) {
		fmt.Println(p.Pos, p.Path, p.Rule)
	}
	// Output:
	// modes.yaml:4:36 /measures/0/indicators/1 reform.unknown-indicator
	// modes.yaml:6:32 /modes/0/measures/1 reform.unknown-measure
}

func ExampleParseTarget() {
	t, err := reform.ParseTarget("即办比例>=70%")
	fmt.Println(t, err)
	_, err = reform.ParseTarget("即办比例>=70")
	fmt.Println(err)
	// Output:
	// 即办比例 ≥ 70.00% <nil>
	// reform: target "即办比例>=70": 即办比例 is a share; give a percentage
}

func ExampleMode_Score() {
	x := reform.New(reform.Config{})
	x.AddCatalogue(sample())
	target, _ := reform.ParseTarget("即办比例>=70%")
	sc := reform.Default().Mode("3+2").Score("船山区", x, target)
	for _, ms := range sc.Measures {
		fmt.Printf("%s/%s:", ms.Group, ms.Measure.Name)
		if len(ms.Scores) == 0 {
			fmt.Print(" not measured by a catalogue")
		}
		for _, s := range ms.Scores {
			fmt.Printf(" %s %s", s.Result.Indicator, s.Result.Value())
		}
		fmt.Println()
	}
	sc = reform.Default().Mode("七办").Score("蓬溪县", x, target)
	met, notMet, _ := sc.Tally()
	fmt.Println("七办 targets met:", met, "not met:", notMet)
	// Output:
	// 三办/一窗办: not measured by a catalogue
	// 三办/就近办: 下放事项数 1
	// 三办/集中办: not measured by a catalogue
	// 双代办/事代办: not measured by a catalogue
	// 双代办/物代购: not measured by a catalogue
	// 七办 targets met: 0 not met: 1
}

func ExampleRollUp() {
	h := county.Suining()
	pengxi, _ := h.Find("蓬溪县")
	daying, _ := h.Find("大英县")
	a, b := reform.New(reform.Config{}), reform.New(reform.Config{})
	a.AddCatalogue(sample())
	b.Add(&matters.Matter{Code: "D1", Type: matters.Confirmation, HandlingKind: matters.InstantCase})
	rolled, err := reform.RollUp(h, map[*county.Unit]*reform.Indicators{pengxi: a, daying: b})
	if err != nil {
		fmt.Println(err)
		return
	}
	for u := range h.All() {
		if x := rolled[u]; x != nil {
			fmt.Println(u.Name(), x.Result(reform.InstantShare))
		}
	}
	// Output:
	// 遂宁市 即办比例 66.67% (2/3)
	// 蓬溪县 即办比例 50.00% (1/2)
	// 大英县 即办比例 100.00% (1/1)
}

func ExampleMatterList_Select() {
	sel := reform.LookupList("川渝通办清单").Select(sample())
	for _, s := range sel.Sections {
		for _, m := range s.Matters {
			fmt.Println(s.Group, m.Code)
		}
	}
	fmt.Println(sel.Len(), "matters")
	// Output:
	// 第1批 A1
	// 1 matters
}

// A catalogue streams through an accumulator one matter at a time, so a
// list of any size is measured in bounded memory.
func ExampleIndicators_stream() {
	doc := `{"kind": "Catalogue", "schemaVersion": 1, "catalogueKind": "实施清单",
  "division": {"code": "510921", "name": "蓬溪县"},
  "matters": [
    {"code": "11510921MB1C71426G4000174023001", "baseCode": "000174023001", "name": "食品经营许可（新办）",
     "type": "行政许可", "level": "县级", "body": {"name": "蓬溪县行政审批局", "creditCode": "11510921MB1C71426G"},
     "handlingKind": "即办件", "promisedLimit": {"unit": "即办"}},
    {"code": "11510921MB1C71426G4000174023002", "baseCode": "000174023002", "name": "食品经营许可（变更）",
     "type": "行政许可", "level": "县级", "body": {"name": "蓬溪县行政审批局", "creditCode": "11510921MB1C71426G"},
     "handlingKind": "承诺件", "promisedLimit": {"value": 3, "unit": "工作日"}}
  ]}`
	dec := matters.NewDecoder(strings.NewReader(doc), "list.json", nil)
	var x reform.Indicators
	for _, m := range dec.Matters() {
		x.Add(m)
	}
	if err := dec.Problems().Err(); err != nil {
		fmt.Println(err)
		return
	}
	for i := range dec.Catalogue().Bundles {
		x.AddBundle(&dec.Catalogue().Bundles[i])
	}
	fmt.Println(x.Result(reform.InstantShare))
	// Output:
	// 即办比例 50.00% (1/2)
}

// A published list is selected from a catalogue and written as Markdown
// (or CSV, JSON): numbered, grouped, under a heading with the unit and the
// as-of date.
func ExampleSelection_WriteMarkdown() {
	c := sample()
	c.AsOf = time.Date(2021, 4, 30, 0, 0, 0, 0, time.UTC)
	sel := reform.LookupList("川渝通办清单").Select(c)
	if err := sel.WriteMarkdown(os.Stdout, nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # 蓬溪县川渝通办清单
	//
	// 单位:蓬溪县 510921 · 截至2021-04-30 · 共1项(川渝通办事项数) · 按批次分组
	//
	// ## 第1批 (1)
	//
	// | 序号 | 事项编码 | 事项名称 | 事项类型 | 行使层级 | 实施主体 | 承诺时限 | 跑动次数 |
	// |---|---|---|---|---|---|---|---|
	// | 1 | A1 |  | 行政许可 |  |  | 5 工作日 | 0 |
}

// The same list in English, as CSV.
func ExampleSelection_WriteCSV() {
	en := schema.English
	sel := reform.LookupList("下放事项清单").Select(sample())
	if err := sel.WriteCSV(os.Stdout, &reform.ListOptions{Lang: &en}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// no.,group,code,matter,type,level,implementing body,promised limit,visits
	// 1,乡镇级,A2,,公共服务,,,即办,1
}

// A list grouped by department instead of its own grouping.
func ExampleSelection_ByBody() {
	c := sample()
	c.Matters[0].Body.Name = "蓬溪县行政审批局"
	c.Matters[1].Body.Name = "蓬溪县民政局"
	c.Matters[1].Scopes = []matters.Scope{{Kind: matters.SichuanChongqing, Batch: 2}}
	sel := reform.LookupList("川渝通办清单").Select(c).ByBody()
	for _, s := range sel.Sections {
		fmt.Println(s.Group, len(s.Matters))
	}
	// Output:
	// 蓬溪县行政审批局 1
	// 蓬溪县民政局 1
}
