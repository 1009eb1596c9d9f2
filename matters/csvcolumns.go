package matters

import (
	"strings"
	"sync"
	"unicode"
)

// csvElem is the matter element a spreadsheet column holds.
type csvElem uint8

const (
	csvCode csvElem = iota
	csvBaseCode
	csvName
	csvMainItem
	csvType
	csvLevel
	csvBodyName
	csvBodyCode
	csvBodyNature
	csvPowerSource
	csvLegalLimit
	csvPromisedLimit
	csvHandlingKind
	csvVisits
	csvOnsiteReason
	csvOnline
	csvForms
	csvServiceObjects
	csvScopes
	csvDelegationTo
	csvDelegationBatch
	csvDelegationDocument
	csvSelfService
	csvTolerateMissing
	csvInHall
	csvFeeCharged
	csvFeeBasis
	csvFeeItems
	csvArea
	// csvWritten is the number of columns WriteCSV writes; the elements
	// after it are only read.
	csvWritten
)

// The unit columns come after the written ones.
const (
	csvLegalUnitCol    = csvWritten
	csvPromisedUnitCol = csvWritten + 1
	csvElems           = csvWritten + 2
)

// csvColumn describes one column of the canonical layout.
type csvColumn struct {
	zh, en string   // the headers WriteCSV writes
	path   []string // the element's path below the matter
	alias  []string // other headers ReadCSV accepts
}

// csvColumns is the canonical layout, in the order WriteCSV writes it.
// The Chinese headers are those of the national implementation-list
// template and the provincial portals; the English ones are the document
// keys, dotted below the matter.
var csvColumns = [csvElems]csvColumn{
	csvCode:               {"事项编码", "code", []string{"code"}, []string{"实施编码", "业务办理项编码", "事项代码", "实施清单编码", "matterCode"}},
	csvBaseCode:           {"基本编码", "baseCode", []string{"baseCode"}, []string{"基本目录编码"}},
	csvName:               {"事项名称", "name", []string{"name"}, []string{"业务办理项名称", "名称", "matterName"}},
	csvMainItem:           {"主项名称", "mainItem", []string{"mainItem"}, []string{"主项"}},
	csvType:               {"事项类型", "type", []string{"type"}, []string{"事项类型代码", "权力类型"}},
	csvLevel:              {"行使层级", "level", []string{"level"}, []string{"层级"}},
	csvBodyName:           {"实施主体", "body.name", []string{"body", "name"}, []string{"实施部门", "实施主体名称", "实施机构", "部门名称", "部门", "body", "department"}},
	csvBodyCode:           {"实施主体编码", "body.creditCode", []string{"body", "creditCode"}, []string{"部门编码", "统一社会信用代码", "实施主体统一社会信用代码", "实施主体代码", "creditCode", "bodyCode", "departmentCode"}},
	csvBodyNature:         {"实施主体性质", "body.nature", []string{"body", "nature"}, nil},
	csvPowerSource:        {"权力来源", "powerSource", []string{"powerSource"}, nil},
	csvLegalLimit:         {"法定办结时限", "legalLimit", []string{"legalLimit"}, []string{"法定时限", "法定期限"}},
	csvPromisedLimit:      {"承诺办结时限", "promisedLimit", []string{"promisedLimit"}, []string{"承诺时限", "承诺期限"}},
	csvHandlingKind:       {"办件类型", "handlingKind", []string{"handlingKind"}, nil},
	csvVisits:             {"到办事现场次数", "visits", []string{"visits"}, []string{"到现场次数", "到现场办理次数", "跑动次数"}},
	csvOnsiteReason:       {"必须现场办理原因说明", "onsiteReason", []string{"onsiteReason"}, []string{"必须现场办理原因", "现场办理原因"}},
	csvOnline:             {"网上办理深度", "online", []string{"online"}, []string{"网办深度"}},
	csvForms:              {"办理形式", "forms", []string{"forms"}, nil},
	csvServiceObjects:     {"服务对象", "serviceObjects", []string{"serviceObjects"}, nil},
	csvScopes:             {"通办范围", "scopes", []string{"scopes"}, nil},
	csvDelegationTo:       {"下放层级", "delegation.to", []string{"delegation", "to"}, []string{"下放至"}},
	csvDelegationBatch:    {"下放批次", "delegation.batch", []string{"delegation", "batch"}, nil},
	csvDelegationDocument: {"下放文件", "delegation.document", []string{"delegation", "document"}, []string{"下放依据"}},
	csvSelfService:        {"是否24小时自助", "selfService24h", []string{"selfService24h"}, []string{"24小时自助", "是否支持24小时自助"}},
	csvTolerateMissing:    {"容缺受理", "tolerateMissing", []string{"tolerateMissing"}, []string{"是否容缺受理", "是否支持容缺受理"}},
	csvInHall:             {"进驻大厅", "inHall", []string{"inHall"}, []string{"是否进驻大厅", "是否进驻政务服务大厅", "进驻政务服务大厅"}},
	csvFeeCharged:         {"是否收费", "fee.charged", []string{"fee", "charged"}, nil},
	csvFeeBasis:           {"收费依据", "fee.basis", []string{"fee", "basis"}, nil},
	csvFeeItems:           {"收费项目", "fee.items", []string{"fee", "items"}, nil},
	csvArea:               {"区划代码", "areaCode", []string{ExtAreaCode}, []string{"区域编码", "行政区划代码", "区划编码"}},
	csvLegalUnitCol:       {"法定办结时限单位", "legalLimit.unit", []string{"legalLimit", "unit"}, []string{"法定时限单位"}},
	csvPromisedUnitCol:    {"承诺办结时限单位", "promisedLimit.unit", []string{"promisedLimit", "unit"}, []string{"承诺时限单位"}},
}

// csvHeaders maps every accepted header, normalised, to its element. It is
// built on first use.
var csvHeaders = sync.OnceValue(func() map[string]csvElem {
	m := make(map[string]csvElem)
	for e := range csvColumns {
		c := &csvColumns[e]
		for _, h := range append([]string{c.zh, c.en}, c.alias...) {
			m[csvNormHeader(h)] = csvElem(e)
		}
	}
	return m
})

// csvNormHeader normalises a header for lookup: no white space, no
// required-field stars, ASCII parentheses, ASCII letters in lower case.
func csvNormHeader(h string) string {
	var b strings.Builder
	for _, r := range h {
		switch {
		case unicode.IsSpace(r) || r == '\ufeff' || r == '*' || r == '＊':
		case r == '（':
			b.WriteByte('(')
		case r == '）':
			b.WriteByte(')')
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// csvLookupHeader returns the element a header names. A trailing
// parenthesis is dropped when the full header is unknown ("事项名称(必填)");
// on a time-limit column it may name the unit of cells that hold only a
// number ("法定办结时限(工作日)").
func csvLookupHeader(h string) (e csvElem, unit Unit, ok bool) {
	n := csvNormHeader(h)
	if e, ok := csvHeaders()[n]; ok {
		return e, 0, true
	}
	if !strings.HasSuffix(n, ")") {
		return 0, 0, false
	}
	i := strings.LastIndexByte(n, '(')
	if i <= 0 {
		return 0, 0, false
	}
	e, ok = csvHeaders()[n[:i]]
	if !ok {
		return 0, 0, false
	}
	if e == csvLegalLimit || e == csvPromisedLimit {
		if u, _, ok := csvUnit(n[i+1 : len(n)-1]); ok && u != Instant {
			unit = u
		}
	}
	return e, unit, true
}
