package matters

import (
	"errors"
	"fmt"

	"github.com/zwfw/zwfw/schema"
)

func ExampleParseCreditCode() {
	c, err := ParseCreditCode("11511301008778183N")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("authority %c, category %c%c\n", c.Authority(), c.Authority(), c.Category())
	fmt.Println("division", c.Division())
	fmt.Println("organisation code", c.OrgCode())
	fmt.Printf("check %c\n", c.Check())
	// Output:
	// authority 1, category 11
	// division 511301
	// organisation code 008778183
	// check N
}

func ExampleParseCreditCode_error() {
	_, err := ParseCreditCode("11511301008778183M")
	fmt.Println(err)
	var ce *CodeError
	if errors.As(err, &ce) {
		fmt.Println(ce.Rule, ce.Pos)
	}
	// Output:
	// matters: "11511301008778183M": character 18: credit code check character is M, want N
	// code.check-character 18
}

func ExampleParseOrgCode() {
	for _, s := range []string{"45225901-3", "452259013", "45225901-4"} {
		o, err := ParseOrgCode(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(o)
	}
	// Output:
	// 452259013
	// 452259013
	// matters: "45225901-4": character 10: organisation code check character is 4, want 3
}

func ExampleParseDivisionCode() {
	d := MustParseDivisionCode("511602000000") // as Sichuan's portal writes it
	fmt.Println(d, d.Statistical(), d.Level())
	fmt.Println("parent", d.Parent(), "province", d.Province())
	town := MustParseDivisionCode("511602001")
	fmt.Println(town, town.Level(), d.Contains(town), town.Contains(d))
	_, err := ParseDivisionCode("510012")
	fmt.Println(err)
	// Output:
	// 511602 511602000000 县级
	// parent 511600 province 510000
	// 511602001 乡镇级 true false
	// matters: "510012": character 5: division code has a part below city part 00
}

func ExampleParseMatterCode() {
	for _, s := range []string{
		"511A0138000000-511602000000-000-115113010833722043-1-00",
		"11440000553612461J244211105N00302",
	} {
		c, err := ParseMatterCode(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s %s %s %q\n", c.Form(), c.Base(), c.CreditCode(), c.TypeHint())
		switch c.Form() {
		case FormSichuan:
			fmt.Println("  area", c.Division(), "variant", c.Variant())
		case FormHandling:
			fmt.Println("  level", c.LevelDigit(), "sequence", c.Seq())
		}
	}
	// Output:
	// 四川事项编码 511A0138000000 115113010833722043 "行政许可"
	//   area 511602 variant 1
	// 业务办理项编码 44211105N003 11440000553612461J ""
	//   level 2 sequence 2
}

func ExampleParseMatterCodeLenient() {
	for _, s := range []string{
		"511F0167300000-511602000000-000-45225901-3-2-00",
		"G-000007-001-511602000000-000-115113010833722043-1-00",
	} {
		c, warnings, err := ParseMatterCodeLenient(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: body %s, organisation %s, type %q\n", c.Form(), c.BodyText(), c.OrgCode(), c.TypeHint())
		for _, w := range warnings {
			fmt.Println(" ", w.Rule, "at", w.Pos)
		}
	}
	// Output:
	// 四川事项编码: body 45225901-3, organisation 452259013, type "行政确认"
	//   code.org-code-for-credit-code at 33
	// 四川事项编码: body 115113010833722043, organisation 083372204, type ""
	//   code.unfamiliar-prefix at 1
}

func ExampleCodeError_AsProblem() {
	// A catalogue reader knows where the code stands in its file.
	path := schema.Root.Key("matters").Index(3).Key("code")
	pos := schema.Pos{File: "catalogue.yaml", Line: 41, Col: 11}

	var problems schema.List
	_, warnings, err := ParseMatterCodeLenient("512B0053300006-511602000000-000-083372204-1-00")
	if err != nil {
		problems.Add(err.(*CodeError).AsProblem(path, pos, schema.Error))
	}
	for _, w := range warnings {
		problems.Add(w.AsProblem(path, pos, schema.Warning))
	}
	fmt.Println(problems[0])
	// Output:
	// catalogue.yaml:41:43: warning: /matters/3/code: code "512B0053300006-511602000000-000-083372204-1-00": character 33: organisation code 083372204 where the implementing body's credit code belongs [code.org-code-for-credit-code]
}

func ExampleAllDivisionLevels() {
	for _, l := range AllDivisionLevels() {
		fmt.Print(int(l), " ", l, "; ")
	}
	fmt.Println()
	// Output:
	// 1 国家级; 2 省级; 3 市级; 4 县级; 5 乡镇级; 6 村(社区)级;
}

func ExampleAllCodeForms() {
	for _, f := range AllCodeForms() {
		fmt.Println(f)
	}
	// Output:
	// 基本编码
	// 实施编码
	// 业务办理项编码
	// 四川事项编码
}

// A matter's code is kept as the catalogue writes it; ParseLenient reads
// what it holds, with each irregularity as a warning.
func ExampleMatterCodeText_ParseLenient() {
	m := Matter{Code: "512B0053300006-511602000000-000-083372204-1-00"}
	code, warnings, err := m.Code.ParseLenient()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(code.Form(), code.Division(), code.OrgCode())
	for _, w := range warnings {
		fmt.Println(w.Rule)
	}
	// Output:
	// 四川事项编码 511602 083372204
	// code.org-code-for-credit-code
}

// A body's credit code is kept as written; Parse checks both of its check
// characters.
func ExampleCreditCodeText_Parse() {
	b := Body{Name: "广安市广安区经济和信息化局", CreditCode: "11511301008778183X"}
	if _, err := b.CreditCode.Parse(); err != nil {
		var ce *CodeError
		if errors.As(err, &ce) {
			fmt.Println(ce.Rule, ce.Pos)
		}
	}
	fmt.Println(b.CreditCode)
	// Output:
	// code.check-character 18
	// 11511301008778183X
}
