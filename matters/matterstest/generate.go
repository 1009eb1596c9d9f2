package matterstest

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/zwfw/zwfw/matters"
)

// Synthetic catalogues: a deterministic generator of valid implementation
// lists of any size that use every element and every enum value, for
// benchmarks and scale tests. The same n always gives the same bytes.

// GenerateOptions shape a synthetic catalogue.
type GenerateOptions struct {
	Matters int    // number of matters
	Format  string // "json" (default) or "yaml"
}

// syntheticBody is one implementing body of the synthetic county.
type syntheticBody struct {
	name   string
	credit string
}

// syntheticBodies returns n bodies registered in 510921 with valid credit
// codes. The check characters are found by asking the library's own parser,
// so the generator holds no second copy of GB 32100.
func syntheticBodies(n int) []syntheticBody {
	const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	names := []string{"行政审批局", "市场监督管理局", "卫生健康局", "民政局", "人力资源和社会保障局", "公安局",
		"自然资源和规划局", "交通运输局", "住房和城乡建设局", "农业农村局", "水利局", "医疗保障局"}
	var out []syntheticBody
	for i := 0; len(out) < n; i++ {
		body := fmt.Sprintf("%08d", 10000000+i*7919%90000000)
	org:
		for _, oc := range "0123456789X" {
			for _, cc := range alphabet {
				s := "11510921" + body + string(oc) + string(cc)
				if len(s) != 18 {
					continue
				}
				if _, err := matters.ParseCreditCode(s); err == nil {
					out = append(out, syntheticBody{
						name:   "示例县" + names[len(out)%len(names)] + strconv.Itoa(len(out)/len(names)+1) + "分局",
						credit: s,
					})
					break org
				}
			}
		}
	}
	return out
}

var syntheticNames = []string{"食品经营许可", "公共场所卫生许可", "个体工商户设立登记", "建筑工程施工许可证核发",
	"城乡居民基本养老保险参保登记", "残疾人证办理", "最低生活保障对象认定", "临时救助", "高龄津贴发放",
	"医疗机构执业登记", "药品零售企业许可", "道路运输经营许可", "取水许可", "林木采伐许可证核发",
	"动物防疫条件合格证核发", "户口迁移", "法律援助", "不动产首次登记", "再生育审批", "职业资格证书核发"}

// SyntheticMatter returns matter i of a synthetic catalogue with the given
// bodies: valid, and varied so that every element and enum value appears
// within the first few hundred matters.
func syntheticMatter(i int, bodies []syntheticBody) matters.Matter {
	b := bodies[i%len(bodies)]
	types := matters.AllTypes()
	t := types[i%len(types)]
	levels := matters.AllLevels()
	level := levels[(i/3)%len(levels)]
	base := fmt.Sprintf("%012d", 100000000000+int64(i)*37)
	m := matters.Matter{
		Code:     matters.MatterCodeText(b.credit + level.Code() + base),
		BaseCode: matters.MatterCodeText(base),
		Name:     syntheticNames[i%len(syntheticNames)] + "（" + strconv.Itoa(i) + "）",
		Type:     t,
		Level:    level,
		Body: matters.Body{Name: b.name, CreditCode: matters.CreditCodeText(b.credit),
			Nature: matters.AllBodyNatures()[i%3]},
		PowerSource:     matters.AllPowerSources()[i%6],
		ServiceObjects:  matters.SetOf(matters.ServiceObject(1+i%7), matters.ServiceObject(1+(i/7)%7)),
		InHall:          i%4 != 0,
		TolerateMissing: i%5 == 0,
		SelfService24h:  i%9 == 0,
	}
	if i%10 == 0 {
		m.MainItem = syntheticNames[i%len(syntheticNames)]
	}
	// Limits: legal in working days (or months, years); promised within it.
	legal := 10 + i%50
	units := []matters.TimeUnit{matters.WorkingDays, matters.WorkingDays, matters.Months, matters.Years, matters.CalendarDays, matters.Hours, matters.Minutes}
	lu := units[i%len(units)]
	m.LegalLimit = matters.Limit{Value: matters.QuantityOf(int64(legal)), Unit: lu}
	if lu == matters.Months || lu == matters.Years {
		m.LegalLimit.Value = matters.QuantityOf(int64(1 + i%3))
	}
	if i%3 == 0 {
		m.PromisedLimit = matters.Limit{Unit: matters.Instant}
		m.HandlingKind = matters.InstantCase
	} else {
		switch lu {
		case matters.WorkingDays, matters.Months, matters.Years:
			m.PromisedLimit = matters.Limit{Value: matters.QuantityOf(int64(1 + i%10)), Unit: matters.WorkingDays}
		default:
			m.PromisedLimit = matters.Limit{Value: matters.QuantityOf(int64(1 + i%10)), Unit: lu}
		}
		m.HandlingKind = []matters.HandlingKind{matters.PromisedCase, matters.JointCase, matters.ReportedCase}[i%3-1+(i/3)%2]
	}
	// Online depth and visits agree: fully online means no visit.
	depth := i % 7
	for item := 1; item <= depth+1 && item <= 7; item++ {
		if depth > 0 || item == 1 {
			m.Online = m.Online.With(matters.OnlineItem(item))
		}
	}
	visits := 0
	if !m.FullyOnline() {
		visits = i % 3
	}
	m.Visits = &visits
	if visits > 0 {
		m.OnsiteReason = "需现场核验原件"
	}
	m.Forms = matters.SetOf(matters.AtWindow, matters.Online)
	if i%6 == 0 {
		m.Forms = matters.SetOf(matters.AtWindow, matters.ByPost)
	}
	kinds := matters.AllScopeKinds()
	if i%2 == 0 {
		m.Scopes = []matters.Scope{{Kind: kinds[i/2%len(kinds)], Batch: 1 + i%2}}
	}
	if m.PowerSource == matters.DelegatedFrom || i%11 == 0 {
		m.Delegation = &matters.Delegation{To: []matters.Level{matters.Township, matters.Village}[i%2], Batch: 1 + i%3, Document: "示例县下放决定"}
	}
	if i%8 == 0 {
		m.Fee = &matters.Fee{Charged: true, Basis: "示例收费标准文件", Items: []string{"工本费"}}
	} else if i%8 == 1 {
		m.Fee = &matters.Fee{Charged: false}
	}
	if i%25 == 0 {
		m.Extensions = matters.Extensions{"x-window": []byte(`"` + strconv.Itoa(1+i%30) + `号窗口"`)}
	}
	return m
}

// WriteSynthetic writes a synthetic catalogue document of opts.Matters
// matters to w, one matter at a time: memory does not grow with the count.
// Every hundredth matter starts a one-thing bundle of the next three.
func WriteSynthetic(w io.Writer, opts GenerateOptions) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	bodies := syntheticBodies(200)
	yaml := strings.EqualFold(opts.Format, "yaml")
	head := &matters.Catalogue{
		Kind:     matters.ImplementationList,
		Title:    "示例县政务服务事项实施清单（合成）",
		Division: matters.Division{Code: "510921", Name: "示例县"},
		Level:    matters.CountyLevel,
	}
	var bundles []matters.Bundle
	for i := 0; i+3 < opts.Matters; i += 100 {
		var codes []matters.MatterCodeText
		for j := i + 1; j <= i+3; j++ {
			codes = append(codes, syntheticMatter(j, bodies).Code)
		}
		bundles = append(bundles, matters.Bundle{Code: "B" + strconv.Itoa(i), Name: "一件事" + strconv.Itoa(i/100+1), Matters: codes})
	}
	if yaml {
		fmt.Fprintf(bw, "kind: Catalogue\nschemaVersion: 1\ncatalogueKind: %s\ntitle: %s\ndivision:\n  code: \"%s\"\n  name: %s\nlevel: %s\nmatters:\n",
			head.Kind, head.Title, head.Division.Code, head.Division.Name, head.Level)
	} else {
		fmt.Fprintf(bw, `{"kind":"Catalogue","schemaVersion":1,"catalogueKind":%q,"title":%q,"division":{"code":%q,"name":%q},"level":%q,"matters":[`+"\n",
			head.Kind.String(), head.Title, head.Division.Code, head.Division.Name, head.Level.String())
	}
	for i := 0; i < opts.Matters; i++ {
		m := syntheticMatter(i, bodies)
		if yaml {
			y, err := m.Node().YAML()
			if err != nil {
				return err
			}
			for k, line := range bytes.Split(bytes.TrimRight(y, "\n"), []byte("\n")) {
				if k == 0 {
					bw.WriteString("  - ")
				} else {
					bw.WriteString("    ")
				}
				bw.Write(line)
				bw.WriteByte('\n')
			}
			continue
		}
		if i > 0 {
			bw.WriteString(",\n")
		}
		j, _ := m.MarshalJSON()
		bw.Write(j)
	}
	if yaml {
		if opts.Matters == 0 {
			bw.WriteString("matters: []\n")
		}
		if len(bundles) > 0 {
			bw.WriteString("bundles:\n")
			for _, b := range bundles {
				fmt.Fprintf(bw, "  - code: %s\n    name: %s\n    matters: [%s]\n", b.Code, b.Name, strings.Join(quoteAll(b.Matters), ", "))
			}
		}
	} else {
		bw.WriteString("\n]")
		if len(bundles) > 0 {
			bw.WriteString(`,"bundles":[`)
			for k, b := range bundles {
				if k > 0 {
					bw.WriteByte(',')
				}
				fmt.Fprintf(bw, `{"code":%q,"name":%q,"matters":[%s]}`, b.Code, b.Name, strings.Join(quoteAll(b.Matters), ","))
			}
			bw.WriteString("]")
		}
		bw.WriteString("}\n")
	}
	return bw.Flush()
}

func quoteAll(ss []matters.MatterCodeText) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(string(s))
	}
	return out
}
