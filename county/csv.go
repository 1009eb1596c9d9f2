package county

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/zwfw/zwfw/schema"
)

// csvColumns are the columns [ReadCSV] reads, and the record members they
// fill.
var csvColumns = []struct{ column, member string }{
	{"code", "code"},
	{"name", "name"},
	{"parentCode", "parent"},
	{"level", "kind"},
}

// ParseCSV reads units from CSV text; see [ReadCSV].
func ParseCSV(file string, data []byte, opts ...schema.Option) (*Hierarchy, error) {
	return ReadCSV(bytes.NewReader(data), file, opts...)
}

// ReadCSV reads units in the layout of the statistical division list
// (suining-divisions-2023.csv): a header naming the columns code, name,
// parentCode and level, in any order, then one unit a record. A UTF-8 byte
// order mark is skipped and fields are trimmed.
//
//   - code is a 6, 9 or 12-digit code; it may be empty only for a park.
//   - parentCode is the parent's code, or empty for a root. A parent not in
//     the file is allowed for the units of the highest level present: a
//     list of one city names its province (510000), a list of townships
//     their counties. They become roots that keep the parent's code, ready
//     for [Hierarchy.Merge].
//   - level is a tier — province, city, county, park, township, village —
//     or a kind (街道, 镇, …). A tier is refined into a kind by the name's
//     ending: a county ending in 区, 县 or 市 is a 区, 县 or 县级市; a
//     township ending in 街道, 镇 or 乡 a 街道, 镇 or 乡; a village ending in
//     社区, 居委会 or 居民委员会 a 社区, in 村, 村委会 or 村民委员会 a 村. A city
//     is a 市 and a province a 省 whatever their names.
//
// Problems are located at the record's line, with the field's column number
// (1 for the first field) as Pos.Col, and at the path
// /rows/N/<column>, where N counts records after the header from 0:
// data.csv:14:3: error: /rows/12/parentCode: … A syntax error stops the
// reading and has only a line. The rest is as for [Parse].
func ReadCSV(r io.Reader, file string, opts ...schema.Option) (*Hierarchy, error) {
	h, probs := readCSV(r, file)
	return h, schema.Result(probs, opts...)
}

func readCSV(r io.Reader, file string) (*Hierarchy, schema.List) {
	var probs schema.List
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xEF\xBB\xBF")) {
		br.Discard(3)
	}
	cr := csv.NewReader(schema.CSVLineEnds(br)) // CR-only files too
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			probs.Errorf(schema.Root.Key("header"), schema.Pos{File: file, Line: 1}, RuleCSVHeader, "no header: want columns code, name, parentCode, level")
		} else {
			probs.Add(csvSyntax(file, schema.Root.Key("header"), err))
		}
		return nil, probs
	}
	cols := make(map[string]int)
	for i, h := range header {
		h = strings.TrimSpace(h)
		line, _ := cr.FieldPos(i)
		at := schema.Root.Key("header").Index(i)
		pos := schema.Pos{File: file, Line: line, Col: i + 1}
		if _, dup := cols[h]; dup {
			probs.Errorf(at, pos, RuleCSVHeader, "column %q appears twice", h)
			continue
		}
		cols[h] = i
		known := false
		for _, c := range csvColumns {
			known = known || c.column == h
		}
		if !known {
			probs.Warningf(at, pos, RuleCSVHeader, "column %q is not read", h)
		}
	}
	for _, c := range csvColumns {
		if _, ok := cols[c.column]; !ok {
			probs.Errorf(schema.Root.Key("header"), schema.Pos{File: file, Line: 1}, RuleCSVHeader, "no column %q: want columns code, name, parentCode, level", c.column)
		}
	}
	if probs.HasErrors() {
		probs.Sort()
		return nil, probs
	}
	var recs []*record
	for row := 0; ; row++ {
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		path := schema.Root.Key("rows").Index(row)
		if err != nil {
			// The rest cannot be trusted; do not pile consequences on it.
			probs.Add(csvSyntax(file, path, err))
			probs.Sort()
			return nil, probs
		}
		line, _ := cr.FieldPos(0)
		if len(fields) != len(header) {
			probs.Errorf(path, schema.Pos{File: file, Line: line, Col: 1}, RuleCSVSyntax, "record has %d fields, the header %d", len(fields), len(header))
			continue
		}
		lines := make([]int, len(fields))
		for i := range fields {
			lines[i], _ = cr.FieldPos(i)
		}
		rec := &record{path: path}
		rec.locate = func(key string) (schema.Path, schema.Pos) {
			for _, c := range csvColumns {
				if c.member == key {
					i := cols[c.column]
					return path.Key(c.column), schema.Pos{File: file, Line: lines[i], Col: i + 1}
				}
			}
			return path, schema.Pos{File: file, Line: line, Col: 1}
		}
		get := func(column string) string { return strings.TrimSpace(fields[cols[column]]) }
		rec.u.pos = schema.Pos{File: file, Line: line, Col: 1}
		rec.u.name = get("name")
		rec.ref = get("parentCode")
		if s := get("code"); s != "" {
			c, err := parseCode(s)
			if err != nil {
				rec.errorf(&probs, "code", RuleMalformedCode, "code %q is malformed: %v", s, err)
				continue
			}
			rec.u.code = c
		}
		if rec.ref != "" && !isDigits(rec.ref) {
			rec.errorf(&probs, "parent", RuleMalformedCode, "parent code %q is malformed: not all digits", rec.ref)
			continue
		}
		k, ok := csvKind(rec, get("level"), &probs)
		if !ok {
			continue
		}
		rec.u.kind = k
		recs = append(recs, rec)
	}
	resolve(recs, &probs)
	return assemble(recs, nil, probs)
}

// csvSyntax reports an error of the CSV reader: a syntax error at its line,
// or a failure to read.
func csvSyntax(file string, path schema.Path, err error) *schema.Problem {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		p := schema.Errorf(schema.Root, schema.Pos{File: file}, RuleRead, "cannot read: %v", err)
		p.Err = err
		return p
	}
	p := schema.Errorf(path, schema.Pos{File: file, Line: pe.Line}, RuleCSVSyntax, "%v", pe.Err)
	p.Err = err
	return p
}

// csvTiers maps a tier of the level column to the kinds a unit of it may
// be, each with the endings of names that tell it, tried in order; the one
// kind of a tier needs no ending.
var csvTiers = map[string][]struct {
	kind Kind
	ends []string
}{
	"province": {{Province, nil}},
	"city":     {{City, nil}},
	"park":     {{Park, nil}},
	"county":   {{District, []string{"区"}}, {County, []string{"县"}}, {CountyCity, []string{"市"}}},
	"township": {{Subdistrict, []string{"街道"}}, {Town, []string{"镇"}}, {Township, []string{"乡"}}},
	"village":  {{Village, []string{"村", "村委会", "村民委员会"}}, {Community, []string{"社区", "居委会", "居民委员会"}}},
}

// csvKind tells a row's kind from its level column and its name.
func csvKind(rec *record, level string, probs *schema.List) (Kind, bool) {
	name := rec.u.name
	tier, ok := csvTiers[level]
	if !ok {
		pk, err := ParseKind(level)
		if err != nil {
			rec.errorf(probs, "kind", RuleUnknownLevel, "level %q is neither a tier (province, city, county, park, township, village) nor a kind of unit", level)
			return 0, false
		}
		return pk, true
	}
	var kinds []string
	for _, t := range tier {
		if t.ends == nil || slices.ContainsFunc(t.ends, func(e string) bool { return strings.HasSuffix(name, e) }) {
			return t.kind, true
		}
		kinds = append(kinds, t.kind.String())
	}
	rec.errorf(probs, "kind", RuleUnknownKind, "cannot tell the kind of %s %q from its name; write the kind (%s) in the level column", level, name, strings.Join(kinds, ", "))
	return 0, false
}
