package schema_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/zwfw/zwfw/schema"
)

func ExampleParse() {
	doc := []byte("kind: Catalogue\nasOf: 2021-04-30\ncount: 0x10\n")
	n, probs := schema.Parse("c.yaml", doc)
	fmt.Println(len(probs))
	for _, f := range n.Fields {
		fmt.Printf("%s %s %q at %s\n", f.Key, f.Value.Kind, f.Value.Value, f.Value.Pos)
	}
	// Output:
	// 0
	// kind string "Catalogue" at c.yaml:1:7
	// asOf string "2021-04-30" at c.yaml:2:7
	// count number "16" at c.yaml:3:8
}

// Every failure of the JSON Schema is a problem at the node concerned.
func ExampleSchema_Validate() {
	doc := []byte(`{"kind": "Catalogue", "schemaVersion": 1, "catalogueKind": "实施清单",
  "division": {"name": "蓬溪县", "code": "5109"},
  "matters": [], "colour": "red"}`)
	n, _ := schema.Parse("c.json", doc)
	for _, p := range schema.Catalogue.Validate(n) {
		fmt.Println(p)
	}
	// Output:
	// c.json:2:39: error: /division/code: does not match pattern '^([0-9]{6}|[0-9]{9}|[0-9]{12})$' [schema.pattern]
	// c.json:3:18: error: /colour: unknown member "colour" (local extensions must start with "x-") [schema.additional-properties]
}

// A List is an error when it holds an error; problems are found in it by
// rule with errors.Is, and read one by one with errors.As or by ranging.
func ExampleList() {
	var l schema.List
	fmt.Println(l.Err() == nil)
	l.Warningf(schema.Root.Key("title"), schema.Pos{File: "c.yaml", Line: 5, Col: 8}, "catalogue.title", "title is empty")
	fmt.Println(l.Err() == nil)
	l.Errorf(schema.Root.Key("matters").Index(3).Key("code"), schema.Pos{File: "c.yaml", Line: 40, Col: 11}, "matter.duplicate-code", "code A1 is used again")
	l.Sort()
	err := l.Err()
	fmt.Println(err)
	fmt.Println(errors.Is(err, &schema.Problem{Rule: "matter.duplicate-code"}))
	var p *schema.Problem
	if errors.As(err, &p) {
		fmt.Println(p.Path.Readable(), p.Pos.Line)
	}
	// Output:
	// true
	// true
	// c.yaml:40:11: error: /matters/3/code: code A1 is used again [matter.duplicate-code] (and 1 more problems)
	// true
	// title 5
}

func ExamplePath() {
	p := schema.Root.Key("matters").Index(12).Key("promisedLimit")
	fmt.Println(p)
	fmt.Println(p.Readable())
	fmt.Println(schema.ParsePointer("/matters/12/promisedLimit") == p)
	// Output:
	// /matters/12/promisedLimit
	// matters[12].promisedLimit
	// true
}

// StreamJSON hands over the elements of an array one at a time; the rest
// of the document comes back as the header.
func ExampleStreamJSON() {
	doc := `{"kind": "Catalogue", "matters": [{"code": "A"}, {"code": "B"}], "title": "t"}`
	header, probs := schema.StreamJSON(strings.NewReader(doc), "c.json", []string{"matters"},
		func(_ *schema.Node, key string, i int, n *schema.Node) bool {
			fmt.Println(key, i, n.Get("code").Value, n.Pos)
			return true
		})
	b, _ := header.MarshalJSON()
	fmt.Println(string(b), len(probs))
	// Output:
	// matters 0 A c.json:1:35
	// matters 1 B c.json:1:50
	// {"kind":"Catalogue","matters":[],"title":"t"} 0
}

func ExampleStreamYAML() {
	doc := "kind: Catalogue\nmatters:\n  - code: A\n  - code: B\ntitle: t\n"
	header, _ := schema.StreamYAML(strings.NewReader(doc), "c.yaml", []string{"matters"}, 1<<20,
		func(_ *schema.Node, key string, i int, n *schema.Node) bool {
			fmt.Println(key, i, n.Get("code").Value, n.Pos)
			return true
		})
	b, _ := header.MarshalJSON()
	fmt.Println(string(b))
	// Output:
	// matters 0 A c.yaml:3:5
	// matters 1 B c.yaml:4:5
	// {"kind":"Catalogue","matters":[],"title":"t"}
}

// The reference implementation finds the same problems as the fast
// validator, more slowly.
func ExampleSchema_Reference() {
	n, _ := schema.Parse("c.yaml", []byte("kind: Catalogue\nschemaVersion: 2\n"))
	fast := schema.Catalogue.Validate(n)
	ref := schema.Catalogue.Reference().Validate(n)
	fmt.Println(len(fast) == len(ref), fast.Rules())
	// Output:
	// true [schema.const schema.required]
}

// A document element is declared once, on its field; decoding with
// located problems, encoding and diffs follow.
func ExampleCodec() {
	type limit struct {
		Value float64 `doc:"value"`
		Unit  string  `doc:"unit"`
	}
	type item struct {
		Name  string `doc:"name" csv:"名称|事项名称"`
		Limit *limit `doc:"limit"`
	}
	codec := &schema.Codec{Rule: "item.decode"}
	n, _ := schema.ParseYAML("item.yaml", []byte("name: 食品经营许可\nlimit: {value: twenty, unit: 工作日}\n"))
	var it item
	var probs schema.List
	codec.Decode(n, &it, nil, schema.Root, &probs)
	fmt.Println(probs)

	it.Limit = &limit{Value: 20, Unit: "工作日"}
	out, _ := codec.Encode(&it).MarshalJSON()
	fmt.Println(string(out))

	changed := it
	changed.Limit = &limit{Value: 5, Unit: "工作日"}
	for _, d := range codec.Differences(&it, &changed) {
		fmt.Println(d.Path, d.Old.Value, "→", d.New.Value)
	}
	for _, c := range schema.Columns[item]() {
		fmt.Println(c.Header, c.English, c.Aliases)
	}
	// Output:
	// item.yaml:2:16: error: /limit/value: want a number, got string [item.decode]
	// {"name":"食品经营许可","limit":{"value":20,"unit":"工作日"}}
	// [limit value] 20 → 5
	// 名称 name [事项名称]
}

// A problem is written in the language of whoever reads it; its rule and
// path stay as they are.
func ExamplePrinter_Problem() {
	p := schema.Errorf(schema.Root.Key("matters").Index(0).Key("type"), schema.Pos{File: "catalogue.yaml", Line: 9, Col: 11},
		"schema.required", "missing required member %q", "type")
	fmt.Println(schema.NewPrinter(schema.English).Problem(p))
	fmt.Println(schema.NewPrinter(schema.Chinese).Problem(p))
	// Output:
	// catalogue.yaml:9:11: error: /matters/0/type: missing required member "type" [schema.required]
	// catalogue.yaml:9:11: 错误: /matters/0/type: 缺少必填成员"type" [schema.required]
}
