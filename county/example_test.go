package county_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing/fstest"

	"github.com/zwfw/zwfw/county"
	"github.com/zwfw/zwfw/schema"
)

func ExampleSuining() {
	h := county.Suining()
	city := h.Roots()[0]
	fmt.Println(city.Name(), city.Code(), city.Level())
	for _, u := range city.Children() {
		code := u.Code().String()
		if code == "" {
			code = "(no code)"
		}
		fmt.Println(" ", code, u.Name(), u.Kind(), u.Level())
	}
	for _, s := range h.Sources() {
		fmt.Println(s.AsOf.Format("2006-01-02"), s.Title)
	}
	// Output:
	// 遂宁市 510900 市级
	//   510903 船山区 区 县级
	//   510904 安居区 区 县级
	//   510921 蓬溪县 县 县级
	//   510923 大英县 县 县级
	//   510981 射洪市 县级市 县级
	//   (no code) 遂宁高新区 园区 县级
	//   (no code) 遂宁经开区 园区 县级
	//   (no code) 河东新区 园区 县级
	// 2023-06-30 统计用区划代码（四川省遂宁市，市级和县级单位）
	// 2021-04-30 遂宁市政务服务工作简报（2021年4月）
}

func ExampleHierarchy_Find() {
	h := county.Suining()
	for _, s := range []string{"510921", "510922", "遂宁市/射洪市", "河东新区", "普安街道"} {
		u, err := h.Find(s)
		if err != nil {
			fmt.Println(s, "→", err, errors.Is(err, county.ErrNotFound))
			continue
		}
		fmt.Println(s, "→", u)
	}
	// Output:
	// 510921 → 遂宁市/蓬溪县 (510921)
	// 510922 → 遂宁市/射洪市 (510981)
	// 遂宁市/射洪市 → 遂宁市/射洪市 (510981)
	// 河东新区 → 遂宁市/河东新区
	// 普安街道 → county: no unit is named "普安街道": county: no such unit true
}

func ExampleHierarchy_ByName() {
	h, _ := county.Parse("two.yaml", []byte(`
kind: Divisions
schemaVersion: 1
units:
  - {code: "510900", name: 遂宁市, kind: 市}
  - {code: "510903", name: 船山区, kind: 区, parent: "510900"}
  - {code: "510903100", name: 龙凤镇, kind: 镇, parent: "510903"}
  - {code: "511600", name: 广安市, kind: 市}
  - {code: "511602", name: 广安区, kind: 区, parent: "511600"}
  - {code: "511602100", name: 龙凤镇, kind: 镇, parent: "511602"}
`))
	for _, name := range []string{"龙凤镇", "广安区/龙凤镇", "/遂宁市/船山区/龙凤镇"} {
		fmt.Println(name, len(h.ByName(name)))
	}
	_, err := h.Find("龙凤镇")
	fmt.Println(errors.Is(err, county.ErrAmbiguous))
	// Output:
	// 龙凤镇 2
	// 广安区/龙凤镇 1
	// /遂宁市/船山区/龙凤镇 1
	// true
}

// Township lists are merged under the embedded default; the stated figures
// of the bulletin can then be set against the data.
func ExampleHierarchy_Merge() {
	list, err := county.ParseCSV("pengxi.csv", []byte(`code,name,parentCode,level
510921001,普安街道,510921,township
510921100,赤城镇,510921,township
510921207,荷叶乡,510921,township
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	h, probs := county.Suining().Merge(list)
	if err := probs.Err(); err != nil {
		fmt.Println(err)
		return
	}
	pengxi, _ := h.Find("蓬溪县")
	for u := range pengxi.Descendants() {
		fmt.Println(u.Code(), u.QualifiedName(), u.Kind(), u.Level())
	}
	for _, f := range pengxi.Figures() {
		if len(f.Of) > 0 {
			fmt.Printf("%v: stated %d, in the data %d\n", f.Of, f.Count, pengxi.Count(f.Of...))
		}
	}
	// Output:
	// 510921001 遂宁市/蓬溪县/普安街道 街道 乡镇级
	// 510921100 遂宁市/蓬溪县/赤城镇 镇 乡镇级
	// 510921207 遂宁市/蓬溪县/荷叶乡 乡 乡镇级
	// [乡 镇]: stated 19, in the data 2
	// [街道]: stated 1, in the data 1
	// [园区]: stated 1, in the data 0
	// [村]: stated 261, in the data 0
	// [社区]: stated 60, in the data 0
}

func ExampleParse() {
	h, err := county.Parse("town.yaml", []byte(`
kind: Divisions
schemaVersion: 1
units:
  - {code: "510921", name: 蓬溪县, kind: 县, parent: "510900"}
  - code: "510921001"
    name: 普安街道
    kind: 街道
    parent: "510921"
    servicePoints: [{kind: 便民服务中心}, {kind: 代办点}]
`))
	fmt.Println(err, h.Len())
	u, _ := h.Find("普安街道")
	fmt.Println(u.County().Name(), u.Level())
	for _, p := range u.ServicePoints() {
		fmt.Println(p.Kind)
	}
	// Output:
	// <nil> 2
	// 蓬溪县 乡镇级
	// 便民服务中心
	// 代办点
}

func ExampleParse_errors() {
	_, err := county.Parse("bad.yaml", []byte(`kind: Divisions
schemaVersion: 1
units:
  - {code: "510921", name: 蓬溪县, kind: 县, parent: "510900"}
  - {code: "510923001", name: 普安街道, kind: 街道, parent: "510921"}
  - {code: "510921100", name: 赤城镇, kind: 镇, parent: "510923001"}
  - {code: "510921100", name: 新会镇, kind: 镇, parent: "510921"}
`))
	probs := schema.Problems(err)
	for _, p := range probs {
		fmt.Println(p.Pos, p.Rule, p.Path)
	}
	fmt.Println(probs[0])
	// Output:
	// bad.yaml:5:12 county.code-not-under-parent /units/1/code
	// bad.yaml:6:12 county.code-not-under-parent /units/2/code
	// bad.yaml:6:53 county.level-order /units/2/parent
	// bad.yaml:7:12 county.duplicate-code /units/3/code
	// bad.yaml:5:12: error: /units/1/code: code 510923001 of 普安街道 does not lie under 蓬溪县 (510921) [county.code-not-under-parent]
}

func ExampleReadCSV() {
	data := "code,name,parentCode,level\n" +
		"510921,蓬溪县,510900,county\n" +
		"510921001,普安街道,510921,township\n" +
		"510921100,赤城镇,510922,township\n"
	_, err := county.ReadCSV(strings.NewReader(data), "list.csv")
	for _, p := range schema.Problems(err) {
		fmt.Println(p)
	}
	// Output:
	// list.csv:4:3: error: /rows/2/parentCode: parent 510922 of 赤城镇 (510921100) is not in the hierarchy [county.unknown-parent]
}

func ExampleLoadFS() {
	fsys := fstest.MapFS{"data/list.csv": {Data: []byte("code,name,parentCode,level\n510921,蓬溪县,510900,county\n")}}
	h, err := county.LoadFS(fsys, "data/list.csv")
	fmt.Println(err, h.Roots()[0], h.Roots()[0].ParentCode())
	// Output:
	// <nil> 蓬溪县 (510921) 510900
}

func ExampleLoadFile() {
	h, err := county.LoadFile("testdata/divisions/valid-forest.json")
	fmt.Println(err, h.Len(), len(h.Roots()))
	// Output:
	// <nil> 4 2
}

func ExampleHierarchy_Node() {
	h, _ := county.Parse("in.json", []byte(`{"kind":"Divisions","schemaVersion":1,"units":[
		{"code":"510921","name":"蓬溪县","kind":"县","parent":"510900"},
		{"name":"蓬溪经开区","kind":"园区","parent":"510921"}]}`))
	out, _ := h.Node().YAML()
	os.Stdout.Write(out)
	// Output:
	// kind: Divisions
	// schemaVersion: 1
	// units:
	//   - code: "510921"
	//     name: 蓬溪县
	//     kind: 县
	//     parent: "510900"
	//   - name: 蓬溪经开区
	//     kind: 园区
	//     parent: "510921"
}

func ExampleParseCode() {
	for _, s := range []string{"510921", "510921001", "510921001000", "510021"} {
		c, err := county.ParseCode(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(c, c.Statistical(), c.Level(), c.Parent())
	}
	// Output:
	// 510921 510921000000 县级 510900
	// 510921001 510921001000 乡镇级 510921
	// 510921001 510921001000 乡镇级 510921
	// county: code "510021" is malformed: division code has a part below city part 00
}

func ExampleCode_Contains() {
	pengxi := county.MustParseCode("510921")
	fmt.Println(pengxi.Contains(county.MustParseCode("510921001")), pengxi.Contains(county.MustParseCode("510923001")))
	// Output:
	// true false
}

// The level of a unit is the exercise level of the matters handled there.
func ExampleUnit_Level() {
	h := county.Suining()
	for _, s := range []string{"遂宁市", "射洪市", "遂宁高新区"} {
		u, _ := h.Find(s)
		fmt.Println(u.Name(), u.Level(), int(u.Level()))
	}
	l, _ := county.ParseLevel("5")
	fmt.Println(l)
	// Output:
	// 遂宁市 市级 3
	// 射洪市 县级 4
	// 遂宁高新区 县级 4
	// 乡镇级
}

func ExampleParseKind() {
	k, err := county.ParseKind("街道")
	fmt.Println(k, k.Level(), err)
	_, err = county.ParseKind("地级市")
	fmt.Println(err)
	fmt.Println(county.AllKinds())
	// Output:
	// 街道 乡镇级 <nil>
	// county: "地级市" is not a kind of unit (want one of 省, 市, 区, 县, 县级市, 园区, 乡, 镇, 街道, 村, 社区)
	// [省 市 区 县 县级市 园区 乡 镇 街道 村 社区]
}

func ExamplePointKind_Levels() {
	for _, k := range county.AllPointKinds() {
		fmt.Println(k, k.Levels())
	}
	// Output:
	// 政务服务中心 [省级 市级 县级]
	// 便民服务中心 [乡镇级]
	// 便民服务站 [村(社区)级]
	// 便民服务室 [村(社区)级]
	// 代办点 [乡镇级 村(社区)级]
	// 帮办代办导办服务台 [省级 市级 县级 乡镇级]
}
