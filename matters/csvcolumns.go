package matters

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/zwfw/zwfw/schema"
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
	col    *schema.Column
}

// csvElemPaths names the element of each column the reader and writer
// treat on their own (limits with their units, sets, scopes, codes); the
// headers come from the csv tags of the fields.
var csvElemPaths = [csvWritten]string{
	csvCode: "code", csvBaseCode: "baseCode", csvName: "name", csvMainItem: "mainItem",
	csvType: "type", csvLevel: "level", csvBodyName: "body.name", csvBodyCode: "body.creditCode",
	csvBodyNature: "body.nature", csvPowerSource: "powerSource", csvLegalLimit: "legalLimit",
	csvPromisedLimit: "promisedLimit", csvHandlingKind: "handlingKind", csvVisits: "visits",
	csvOnsiteReason: "onsiteReason", csvOnline: "online", csvForms: "forms",
	csvServiceObjects: "serviceObjects", csvScopes: "scopes", csvDelegationTo: "delegation.to",
	csvDelegationBatch: "delegation.batch", csvDelegationDocument: "delegation.document",
	csvSelfService: "selfService24h", csvTolerateMissing: "tolerateMissing", csvInHall: "inHall",
	csvFeeCharged: "fee.charged", csvFeeBasis: "fee.basis", csvFeeItems: "fee.items",
}

// csvColumns returns the canonical layout: the elements above in their
// order, the columns that are only read (the area code, the units of the
// limits), then every other column a csv tag of [Matter] declares, which
// are read and written as their cells' text ([schema.Column]), so that an
// element declared with a csv tag needs no code here. The Chinese headers
// are those of the national implementation-list template and the
// provincial portals; the English ones are the document keys, dotted below
// the matter.
var csvColumns = sync.OnceValue(func() []csvColumn {
	cols := make([]csvColumn, csvElems)
	cols[csvArea] = csvColumn{"区划代码", "areaCode", []string{ExtAreaCode}, []string{"区域编码", "行政区划代码", "区划编码"}, nil}
	cols[csvLegalUnitCol] = csvColumn{"法定办结时限单位", "legalLimit.unit", []string{"legalLimit", "unit"}, []string{"法定时限单位"}, nil}
	cols[csvPromisedUnitCol] = csvColumn{"承诺办结时限单位", "promisedLimit.unit", []string{"promisedLimit", "unit"}, []string{"承诺时限单位"}, nil}
	known := map[string]csvElem{}
	for e, p := range csvElemPaths {
		if p != "" {
			known[p] = csvElem(e)
		}
	}
	for _, c := range schema.Columns[Matter]() {
		col := csvColumn{zh: c.Header, en: c.English, path: c.Path, alias: c.Aliases, col: &c}
		if e, ok := known[c.English]; ok {
			cols[e] = col
			delete(known, c.English)
			continue
		}
		cols = append(cols, col)
	}
	if len(known) > 0 {
		panic(fmt.Sprintf("matters: no csv tag declares the columns %v", known))
	}
	return cols
})

// csvWrittenCols lists the columns WriteCSV writes, in order.
func csvWrittenCols() []csvElem {
	var out []csvElem
	for e := range csvElem(len(csvColumns())) {
		if e < csvWritten || e >= csvElems {
			out = append(out, e)
		}
	}
	return out
}

// csvHeaders maps every accepted header, normalised, to its element. It is
// built on first use.
var csvHeaders = sync.OnceValue(func() map[string]csvElem {
	m := make(map[string]csvElem)
	cols := csvColumns()
	for e := range cols {
		c := &cols[e]
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
func csvLookupHeader(h string) (e csvElem, unit TimeUnit, ok bool) {
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
