package matters_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
)

// A spreadsheet in the portal's layout: the headers are the portal's, the
// type a national code, one department code an old organisation code.
func ExampleReadCSV() {
	const sheet = `实施部门,事项名称,事项编码,事项类型代码,区划代码,部门编码,承诺办结时限,备注
示例区市场监管局,食品经营许可,511A0100100001-511699000000-000-115116995551234500-1-00,1,511699000000,115116995551234500,5个工作日,
示例区教育局,学生资助政策咨询,512C0053300008-511699000000-000-55512345-0-1-00,20,511699000000,55512345-0,即办,电话咨询
`
	// The sheet has no error; schema.Collect gives its warnings too.
	var probs schema.List
	cat, err := matters.ReadCSV(strings.NewReader(sheet), "sheet.csv", nil, schema.Collect(&probs))
	fmt.Println(cat.Division.Code, len(cat.Matters), "matters", err)
	for _, m := range cat.Matters {
		fmt.Println(m.Name, m.Type, m.Level, m.Body.Name, m.PromisedLimit)
		if note, ok := m.Extensions["x-备注"]; ok {
			fmt.Println("  x-备注:", string(note))
		}
	}
	for _, p := range probs {
		fmt.Println(p)
	}
	// Output:
	// 511699000000 2 matters <nil>
	// 食品经营许可 行政许可 县级 示例区市场监管局 5 工作日
	// 学生资助政策咨询 公共服务 县级 示例区教育局 即办
	//   x-备注: "电话咨询"
	// sheet.csv:3:3: warning: /matters/1/code: code "512C0053300008-511699000000-000-55512345-0-1-00": character 33: organisation code 55512345-0 where the implementing body's credit code belongs [code.org-code-for-credit-code]
	// sheet.csv:3:6: warning: /matters/1/body/x-orgCode: 55512345-0 is an organisation code (GB 11714), not an 18-character unified social credit code [matter.body-org-code]
}

// Problems in cells name the row, the column and its header.
func ExampleReadCSV_errors() {
	const sheet = `事项编码,事项名称,事项类型,实施主体,行使层级,法定办结时限,承诺办结时限
511A0100100001-511699000000-000-115116995551234500-1-00,食品经营许可,行政许可,示例局,县级,20个工作日,30个工作日
511G0100200000-511699000000-000-115116995551234500-1-00,临时救助,行政给予,示例局,县级,1个月,10天
`
	_, err := matters.ReadCSV(strings.NewReader(sheet), "sheet.csv", nil)
	for _, p := range schema.Problems(err) {
		fmt.Println(p)
	}
	// Output:
	// sheet.csv:2:7: error: /matters/0/promisedLimit: promised limit 30 工作日 exceeds legal limit 20 工作日 [matter.promised-exceeds-legal]
	// sheet.csv:3:3: error: /matters/1/type: column 事项类型: "行政给予" is not a 事项类型 (want one of 行政许可, 行政处罚, 行政强制, 行政征收, 行政给付, 行政检查, 行政确认, 行政奖励, 行政裁决, 其他行政权力, 公共服务, 行政备案) [csv.value]
	// sheet.csv:3:7: warning: /matters/1/promisedLimit: column 承诺办结时限: "10天" is read as 10 自然日: a bare 日 or 天 is ambiguous; write 工作日 or 自然日 [csv.day-unit]
	// sheet.csv:3:7: warning: /matters/1/promisedLimit: promised limit 10 自然日 cannot be compared with legal limit 1 月: 自然日 does not convert to working days [matter.limits-incomparable]
}

func ExampleCatalogue_WriteCSV() {
	zero := 0
	cat := &matters.Catalogue{
		Kind:     matters.ImplementationList,
		Division: matters.Division{Code: "510921", Name: "蓬溪县"},
		Matters: []matters.Matter{{
			Code:          "M1",
			Name:          "食品经营许可（新办）",
			Type:          matters.Licensing,
			Level:         matters.CountyLevel,
			Body:          matters.Body{Name: "蓬溪县行政审批局", CreditCode: "11510921MB1C71426G"},
			LegalLimit:    matters.Limit{Value: matters.QuantityOf(20), Unit: matters.WorkingDays},
			PromisedLimit: matters.Limit{Value: matters.QuantityOf(3), Unit: matters.WorkingDays},
			HandlingKind:  matters.PromisedCase,
			Visits:        &zero,
			Forms:         matters.SetOf(matters.AtWindow, matters.Online),
			Scopes:        []matters.Scope{{Kind: matters.SichuanChongqing, Batch: 1}},
			InHall:        true,
			Extensions:    matters.Extensions{"x-window": []byte(`"3号窗口"`)},
		}},
	}
	// GB18030 for Excel on Chinese Windows; UTF-8 (the default) here.
	if err := cat.WriteCSV(os.Stdout, &matters.CSVOptions{Encoding: matters.UTF8}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 事项编码,基本编码,事项名称,主项名称,事项类型,行使层级,实施主体,实施主体编码,实施主体性质,权力来源,法定办结时限,承诺办结时限,办件类型,到办事现场次数,必须现场办理原因说明,网上办理深度,办理形式,服务对象,通办范围,下放层级,下放批次,下放文件,是否24小时自助,容缺受理,进驻大厅,是否收费,收费依据,收费项目,区划代码,咨询电话,业务办理项编码,主项编码,受理条件,办理地点,办理时间,监督电话,审批结果名称,审批结果类型,是否电子证照,委托部门,事项状态,版本号,生效日期,时限说明,受理窗口,网上办理地址,x-window
	// M1,,食品经营许可（新办）,,行政许可,县级,蓬溪县行政审批局,11510921MB1C71426G,,,20工作日,3工作日,承诺件,0,,,窗口办理、网上办理,,川渝通办（第1批）,,,,,,是,,,,510921,,,,,,,,,,,,,,,,,,3号窗口
}
