package matters_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
)

func ExampleLoadFile() {
	cat, err := matters.LoadFile("testdata/valid.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cat.Division.Name, cat.Kind, len(cat.Matters), "matters")
	for _, m := range cat.Matters {
		fmt.Printf("%s %s %s promised %s\n", m.Name, m.Type, m.HandlingKind, m.PromisedLimit)
	}
	// Output:
	// 顺庆区 实施清单 3 matters
	// 食品经营许可 行政许可 承诺件 promised 5 工作日
	// 居民身份证换领 公共服务 即办件 promised 即办
	// 临时救助 行政给付 承诺件 promised 10 工作日
}

// Problems carry a JSON Pointer, a position and a stable rule; print them
// in the compiler convention, or branch on their fields.
func ExampleParse_errors() {
	doc := []byte(`kind: Catalogue
schemaVersion: 1
catalogueKind: 实施清单
division: {name: 示例县}
matters:
  - code: "000101001000"
    name: 食品经营许可
    type: 行政许可
    level: 县级
    body: {name: 示例局}
    legalLimit: {value: 20, unit: 工作日}
    promisedLimit: {value: 30, unit: 工作日}
    handlingKind: 承诺件
  - code: "000105002000"
    name: 临时救助
    type: 行政给予
    level: 县级
`)
	_, err := matters.Parse("catalogue.yaml", doc)
	probs := schema.Problems(err)
	for _, p := range probs {
		fmt.Println(p)
	}
	for _, p := range probs {
		if p.Rule == matters.RulePromisedExceeds {
			fmt.Println(p.Path.Readable(), "at line", p.Pos.Line)
		}
	}
	// Output:
	// catalogue.yaml:12:20: error: /matters/0/promisedLimit: promised limit 30 工作日 exceeds legal limit 20 工作日 [matter.promised-exceeds-legal]
	// catalogue.yaml:14:5: error: /matters/1/body: missing required member "body" [schema.required]
	// catalogue.yaml:16:11: error: /matters/1/type: "行政给予" is not allowed here; use one of: 行政许可, 行政处罚, 行政强制, 行政征收, 行政给付, 行政检查, 行政确认, 行政奖励, 行政裁决, 其他行政权力, 公共服务, 行政备案 (or the national code 01, 02, 03, 04, 05, 06, 07, 08, 09, 10, 20, 1, 2, 3, 4, 5, 6, 7, 8, 9) [schema.enum]
	// matters[0].promisedLimit at line 12
}

func ExampleCatalogue_WriteYAML() {
	one := 0
	cat := &matters.Catalogue{
		Kind:     matters.ImplementationList,
		Division: matters.Division{Code: "510921", Name: "蓬溪县"},
		Matters: []matters.Matter{{
			Code:          "M1",
			Name:          "个体工商户设立登记",
			Type:          matters.Licensing,
			Level:         matters.CountyLevel,
			Body:          matters.Body{Name: "蓬溪县市场监督管理局"},
			LegalLimit:    matters.Limit{Value: matters.QuantityOf(15), Unit: matters.WorkingDays},
			PromisedLimit: matters.Limit{Unit: matters.Instant},
			HandlingKind:  matters.InstantCase,
			Visits:        &one,
			Forms:         matters.SetOf(matters.Online, matters.AtWindow),
			Scopes:        []matters.Scope{{Kind: matters.SichuanChongqing, Batch: 1}},
		}},
	}
	if err := cat.Validate().Err(); err != nil {
		fmt.Println(err)
	}
	cat.WriteYAML(os.Stdout)
	// Output:
	// # yaml-language-server: $schema=https://raw.githubusercontent.com/zwfw/zwfw/main/schema/catalogue.schema.json
	// kind: Catalogue
	// schemaVersion: 1
	// catalogueKind: 实施清单
	// division:
	//   code: "510921"
	//   name: 蓬溪县
	// matters:
	//   - code: M1
	//     name: 个体工商户设立登记
	//     type: 行政许可
	//     level: 县级
	//     body:
	//       name: 蓬溪县市场监督管理局
	//     legalLimit:
	//       value: 15
	//       unit: 工作日
	//     promisedLimit:
	//       unit: 即办
	//     handlingKind: 即办件
	//     visits: 0
	//     forms: [窗口办理, 网上办理]
	//     scopes:
	//       - scope: 川渝通办
	//         batch: 1
}

func ExampleParseType() {
	for _, s := range []string{"行政许可", "01", "20", "行政备案"} {
		t, _ := matters.ParseType(s)
		fmt.Printf("%s → %s (code %q, application-based %v)\n", s, t, t.Code(), t.IsApplication())
	}
	_, err := matters.ParseType("许可")
	fmt.Println(err != nil)
	// Output:
	// 行政许可 → 行政许可 (code "01", application-based true)
	// 01 → 行政许可 (code "01", application-based true)
	// 20 → 公共服务 (code "20", application-based true)
	// 行政备案 → 行政备案 (code "", application-based true)
	// true
}

func ExampleLimit_WorkingDays() {
	for _, l := range []matters.Limit{
		{Value: matters.QuantityOf(20), Unit: matters.WorkingDays},
		{Value: matters.QuantityOf(1), Unit: matters.Months},
		{Unit: matters.Instant},
		{Value: matters.QuantityOf(30), Unit: matters.CalendarDays},
	} {
		d, ok := l.WorkingDays()
		fmt.Println(l, d, ok)
	}
	// Output:
	// 20 工作日 20 true
	// 1 月 22 true
	// 即办 0 true
	// 30 自然日 0 false
}

// A Decoder yields matters one at a time as it reads them: a catalogue of
// any size is checked in the memory of one matter.
func ExampleDecoder() {
	f, err := os.Open("testdata/valid.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	d := matters.NewDecoder(f, "valid.yaml", nil)
	instant := 0
	for i, m := range d.Matters() {
		fmt.Println(i, m.Name, m.Level)
		if m.IsInstant() {
			instant++
		}
	}
	c := d.Catalogue()
	fmt.Println(c.Division.Name, len(c.Bundles), "bundle,", instant, "instant,", len(d.Problems()), "problems")
	// Output:
	// 0 食品经营许可 县级
	// 1 居民身份证换领 县级
	// 2 临时救助 乡镇级
	// 顺庆区 1 bundle, 1 instant, 0 problems
}

// Problems can be handled as they are found, so that none are kept.
func ExampleDecodeOptions() {
	doc := `{"kind": "Catalogue", "schemaVersion": 1, "catalogueKind": "实施清单", "division": {"name": "示例县"},
"matters": [{"code": "000101001000", "name": "食品经营许可", "type": "行政许可", "level": "县级",
             "body": {"name": "示例局"}, "handlingKind": "即办件", "promisedLimit": {"value": 5, "unit": "工作日"}}]}`
	d := matters.NewDecoder(strings.NewReader(doc), "c.json", &matters.DecodeOptions{
		OnProblem: func(p *schema.Problem) { fmt.Println(p) },
	})
	for range d.Matters() {
	}
	fmt.Println(len(d.Problems()))
	// Output:
	// c.json:3:55: error: /matters/0/handlingKind: handling kind is 即办件 but promised limit is 5 工作日, not 即办 [matter.instant-mismatch]
	// 0
}

// Bundles can be taken as they come, so that none are kept: here they
// stand before the matters, are handed over at once, and are checked
// against the matters at the end.
func ExampleDecodeOptions_onBundle() {
	doc := `{"kind": "Catalogue", "schemaVersion": 1, "catalogueKind": "实施清单", "division": {"name": "示例县"},
"bundles": [{"code": "B001", "name": "我要开餐馆", "matters": ["000101001000", "000101009000"]},
            {"code": "B002", "name": "我要开药店", "matters": ["000101001000", "000101002000"]}],
"matters": [{"code": "000101001000", "name": "食品经营许可", "type": "行政许可", "level": "县级",
             "body": {"name": "示例局"}, "handlingKind": "承诺件", "promisedLimit": {"value": 5, "unit": "工作日"}},
            {"code": "000101002000", "name": "药品零售企业许可", "type": "行政许可", "level": "县级",
             "body": {"name": "示例局"}, "handlingKind": "承诺件", "promisedLimit": {"value": 10, "unit": "工作日"}}]}`
	members := 0
	d := matters.NewDecoder(strings.NewReader(doc), "c.json", &matters.DecodeOptions{
		OnBundle: func(i int, b *matters.Bundle) {
			fmt.Println("bundle", i, b.Code, b.Name)
			members += len(b.Matters)
		},
	})
	for i, m := range d.Matters() {
		fmt.Println("matter", i, m.Name)
	}
	fmt.Println(members, "members,", len(d.Catalogue().Bundles), "bundles kept")
	for _, p := range d.Problems() {
		fmt.Println(p)
	}
	// Output:
	// bundle 0 B001 我要开餐馆
	// bundle 1 B002 我要开药店
	// matter 0 食品经营许可
	// matter 1 药品零售企业许可
	// 4 members, 0 bundles kept
	// c.json:2:75: error: /bundles/0/matters/1: bundle "我要开餐馆" names matter 000101009000, which the catalogue does not hold [bundle.unknown-member]
}

// A program that reads one large JSON catalogue with a CPU to spare has a
// second goroutine read matters ahead. The matters, their order and the
// problems are the same as without; the loop runs on the caller's
// goroutine as always.
func ExampleDecodeOptions_readAhead() {
	doc := exampleCatalogue(2000)
	d := matters.NewDecoder(strings.NewReader(doc), "c.json", &matters.DecodeOptions{ReadAhead: true})
	n, last := 0, ""
	for i, m := range d.Matters() {
		if i != n {
			fmt.Println("out of order:", i, n)
		}
		n, last = n+1, m.Name
	}
	fmt.Println(n, "matters, the last", last+";", len(d.Problems()), "problems")
	// Output:
	// 2000 matters, the last 事项1999; 0 problems
}

// A reader that does not tell its size (a bufio.Reader, a pipe, a
// decompressor; here an io.MultiReader) is read with the size given,
// when the program knows it: after 4,096 matters of a JSON document the
// decoder makes its index of codes the size of the whole catalogue at
// once. A file handed to the decoder as it is tells its size itself.
func ExampleDecodeOptions_size() {
	doc := exampleCatalogue(10_000)
	r := io.MultiReader(strings.NewReader(doc))
	d := matters.NewDecoder(r, "c.json", &matters.DecodeOptions{Size: int64(len(doc))})
	n := 0
	for range d.Matters() {
		n++
	}
	fmt.Println(n, "matters,", len(d.Problems()), "problems")
	// Output:
	// 10000 matters, 0 problems
}

// exampleCatalogue returns a JSON catalogue of n valid matters.
func exampleCatalogue(n int) string {
	var doc strings.Builder
	doc.WriteString(`{"kind": "Catalogue", "schemaVersion": 1, "catalogueKind": "实施清单", "division": {"name": "示例县"}, "matters": [`)
	for i := range n {
		if i > 0 {
			doc.WriteString(",\n")
		}
		fmt.Fprintf(&doc, `{"code": "000101%03d%03d", "name": "事项%d", "type": "行政许可", "level": "县级", "body": {"name": "示例局"}, "handlingKind": "承诺件", "promisedLimit": {"value": 5, "unit": "工作日"}}`, i/1000+1, i%1000, i)
	}
	doc.WriteString("]}")
	return doc.String()
}

// A catalogue written for reading, with Chinese labels.
func ExampleCatalogue_WriteMarkdown() {
	visits := 0
	c := &matters.Catalogue{
		Title:    "蓬溪县实施清单",
		Division: matters.Division{Code: "510921", Name: "蓬溪县"},
		Matters: []matters.Matter{{Code: "A1", Name: "食品经营许可", Type: matters.Licensing, Body: matters.Body{Name: "蓬溪县行政审批局"},
			PromisedLimit: matters.Limit{Value: matters.QuantityOf(5), Unit: matters.WorkingDays}, Visits: &visits}},
	}
	c.WriteMarkdown(os.Stdout, schema.NewPrinter(schema.Chinese))
	// Output:
	// # 蓬溪县实施清单
	//
	// 蓬溪县 510921 · 事项1项(即办0项,全程网办0项)
	//
	// ## 蓬溪县行政审批局
	//
	// | 事项编码 | 事项名称 | 事项类型 | 行使层级 | 法定时限 | 承诺时限 | 办件类型 | 跑动次数 | 网办深度 | 通办范围 |
	// |---|---|---|---|---|---|---|---|---|---|
	// | A1 | 食品经营许可 | 行政许可 |  |  | 5 工作日 |  | 0 |  |  |
}

// A limit's value is exact: 0.5 工作日 is half a day, compared and summed
// in thousandths, and a number finer than a thousandth is refused with a
// rule rather than rounded.
func ExampleParseQuantity() {
	half := matters.MustParseQuantity("0.5")
	l := matters.Limit{Value: half, Unit: matters.Months}
	wd, _ := l.WorkingDays()
	fmt.Println(half, half.Thousandths(), wd)
	fmt.Println(half.Cmp(matters.QuantityOf(1)), half.Rat())

	_, err := matters.ParseQuantity("0.333333")
	var r interface{ Rule() schema.Rule }
	if errors.As(err, &r) {
		fmt.Println(r.Rule(), err)
	}
	// Output:
	// 0.5 500 11
	// -1 1/2
	// quantity.inexact matters: "0.333333" has more than three decimal places
}
