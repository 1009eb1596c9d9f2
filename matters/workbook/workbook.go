package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"iter"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
)

// Sheet names.
const (
	MattersSheet   = "事项"
	MaterialsSheet = "申请材料"
	StepsSheet     = "办理流程"
	LawsSheet      = "设定依据"
	InfoSheet      = "目录信息"
)

// MaxBytes is the largest workbook file read.
const MaxBytes = 512 << 20

// Rules of the workbook reader.
const (
	RuleOpen          schema.Rule = "workbook.open"
	RuleTooLarge      schema.Rule = "workbook.too-large"
	RuleFormula       schema.Rule = "workbook.formula"
	RuleCell          schema.Rule = "workbook.cell"
	RuleHeader        schema.Rule = "workbook.header"
	RuleUnknownMatter schema.Rule = "workbook.unknown-matter"
)

// maxFormulas bounds the formula cells remembered per sheet; beyond it the
// rest are reported as one problem.
const maxFormulas = 10000

var codeHeaders = []string{"事项编码", "实施编码", "事项代码", "实施清单编码", "matterCode", "code"}

// ReadFile reads the workbook in the named file.
func ReadFile(name string, more ...schema.Option) (*matters.Catalogue, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, schema.Result(schema.ReadProblem(name, err), more...)
	}
	defer f.Close()
	return Read(f, name, more...)
}

// Read reads a catalogue from a workbook; name is the file name used in
// problems. Like [matters.ReadCSV], it returns the catalogue it could
// build and an error that is nil when there is no error problem (a
// [schema.List] otherwise; schema.Collect gives the warnings too).
func Read(r io.Reader, name string, more ...schema.Option) (*matters.Catalogue, error) {
	c, probs := read(r, name)
	return c, schema.Result(probs, more...)
}

func read(r io.Reader, name string) (c *matters.Catalogue, probs schema.List) {
	// The spreadsheet library is large and its input hostile: a panic in
	// it is a problem of the file, not of the program.
	defer func() {
		if v := recover(); v != nil {
			c = nil
			probs.Errorf(schema.Root, schema.Pos{File: name}, RuleOpen, "workbook: %s could not be read: %v", name, v)
		}
	}()
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, schema.ReadProblem(name, err)
	}
	if len(data) > MaxBytes {
		probs.Errorf(schema.Root, schema.Pos{File: name}, RuleTooLarge, "workbook: %s is larger than %d bytes", name, MaxBytes)
		return nil, probs
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		probs.Errorf(schema.Root, schema.Pos{File: name}, RuleOpen, "workbook: %s is not an .xlsx workbook: %v", name, err)
		return nil, probs
	}
	defer f.Close()
	formulas := formulaCells(data)
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		probs.Errorf(schema.Root, schema.Pos{File: name}, RuleOpen, "workbook: %s has no sheet", name)
		return nil, probs
	}
	main := sheets[0]
	for _, s := range sheets {
		if s == MattersSheet {
			main = s
		}
	}
	rd := &reader{f: f, name: name, main: main, formulas: formulas, probs: &probs}

	// The repeating sheets first: their rows wait for the matters.
	lists := map[string]*pending{}
	for _, s := range sheets {
		switch s {
		case MaterialsSheet, "材料", "申请材料清单":
			rd.readList(s, listMaterials, lists)
		case StepsSheet, "流程", "办理环节":
			rd.readList(s, listSteps, lists)
		case LawsSheet, "法律依据", "依据":
			rd.readList(s, listLaws, lists)
		}
	}
	c, rows := rd.readMatters(main)
	if c == nil {
		return nil, probs
	}
	for _, s := range sheets {
		switch s {
		case InfoSheet:
			rd.readInfo(s, c)
		case BundlesSheet:
			rd.readBundles(s, c)
		}
	}
	rd.attach(c, rows, lists)
	return c, probs
}

type reader struct {
	f          *excelize.File
	name       string
	main       string                     // the matters sheet
	formulas   map[string]map[string]bool // sheet → cell reference → formula
	probs      *schema.List
	bundleRows []int // the sheet row of each bundle
}

// at returns the position of a cell and its reference for messages.
func (rd *reader) at(sheet string, col, row int) (schema.Pos, string) {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		ref = "R" + strconv.Itoa(row) + "C" + strconv.Itoa(col)
	}
	return schema.Pos{File: rd.name + "[" + sheet + "]", Line: row, Col: col}, sheet + "!" + ref
}

// cells returns the cells of one row, formulas reported and emptied.
func (rd *reader) cells(sheet string, rows *excelize.Rows, row int) []string {
	cols, err := rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		pos, ref := rd.at(sheet, 1, row)
		rd.probs.Errorf(schema.Root, pos, RuleOpen, "%s: row does not read: %v", ref, err)
		return nil
	}
	if fs := rd.formulas[sheet]; len(fs) > 0 {
		for i := range cols {
			ref, _ := excelize.CoordinatesToCellName(i+1, row)
			if fs[ref] {
				pos, ref := rd.at(sheet, i+1, row)
				rd.probs.Errorf(schema.Root, pos, RuleFormula, "%s: the cell holds a formula, which is not evaluated; write its value", ref)
				cols[i] = ""
			}
		}
	}
	for i := range cols {
		cols[i] = strings.TrimSpace(cols[i])
	}
	return cols
}

// filledRows yields the cells, as cells reads them, of the rows of a
// sheet that have a cell filled; *row counts the rows read, from 1.
func (rd *reader) filledRows(sheet string, rows *excelize.Rows, row *int) iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		for rows.Next() {
			*row++
			if cells := rd.cells(sheet, rows, *row); filled(cells) > 0 && !yield(cells) {
				return
			}
		}
	}
}

// readMatters hands the matters sheet to the CSV reader row by row and
// returns the catalogue with the sheet row of each matter.
func (rd *reader) readMatters(sheet string) (*matters.Catalogue, []int32) {
	rows, err := rd.f.Rows(sheet)
	if err != nil {
		pos, _ := rd.at(sheet, 1, 1)
		rd.probs.Errorf(schema.Root, pos, RuleOpen, "workbook: sheet %s does not read: %v", sheet, err)
		return nil, nil
	}
	pr, pw := io.Pipe()
	var (
		lineRow    = []int32{0} // CSV line → sheet row
		matterRows []int32
		wg         sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer rows.Close()
		w := csv.NewWriter(pw)
		dateCol := -1
		header := false
		row := 0
		for cols := range rd.filledRows(sheet, rows, &row) {
			if !header && filled(cols) > 1 {
				header = true
				for i, h := range cols {
					switch strings.TrimLeft(h, "*＊") {
					case "生效日期", "实施日期", "effectiveDate":
						dateCol = i
					}
				}
			} else if header {
				matterRows = append(matterRows, int32(row))
				if dateCol >= 0 && dateCol < len(cols) {
					cols[dateCol] = dateText(cols[dateCol])
				}
			}
			if err := w.Write(cols); err != nil {
				pw.CloseWithError(err)
				return
			}
			lines := 1
			for _, c := range cols {
				lines += strings.Count(c, "\n")
			}
			for range lines {
				lineRow = append(lineRow, int32(row))
			}
			w.Flush()
		}
		if err := rows.Error(); err != nil {
			pw.CloseWithError(err)
			return
		}
		pw.Close()
	}()
	var csvProbs schema.List
	c, err := matters.ReadCSV(pr, rd.name, nil, schema.Collect(&csvProbs))
	io.Copy(io.Discard, pr)
	wg.Wait()
	if err != nil && !errors.As(err, new(schema.List)) {
		rd.probs.Errorf(schema.Root, schema.Pos{File: rd.name}, RuleOpen, "workbook: %v", err)
	}
	for _, p := range csvProbs {
		if p.Pos.File == rd.name && p.Pos.Line > 0 && p.Pos.Line < len(lineRow) {
			col := max(p.Pos.Col, 1)
			pos, ref := rd.at(sheet, col, int(lineRow[p.Pos.Line]))
			p.Pos = pos
			p.Message = ref + ": " + p.Message
		}
		rd.probs.Add(p)
	}
	return c, matterRows
}

// dateText turns a date cell's serial number into YYYY-MM-DD; other text
// is kept.
func dateText(s string) string {
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || x < 1 || x > 2958465 {
		return s
	}
	t, err := excelize.ExcelDateToTime(x, false)
	if err != nil {
		return s
	}
	return t.Format(time.DateOnly)
}

// list kinds.
type listKind uint8

const (
	listMaterials listKind = iota
	listSteps
	listLaws
)

func (k listKind) key() string { return [...]string{"materials", "steps", "legalBasis"}[k] }

// pending holds the rows of the repeating sheets for one matter code.
type pending struct {
	materials []item[matters.Material]
	steps     []item[matters.Step]
	laws      []item[matters.Law]
}

type item[T any] struct {
	v     T
	sheet string
	row   int
	errs  []cellErr
}

type cellErr struct {
	col int
	key string
	err error
}

// readList reads one repeating sheet.
func (rd *reader) readList(sheet string, kind listKind, lists map[string]*pending) {
	rows, err := rd.f.Rows(sheet)
	if err != nil {
		pos, _ := rd.at(sheet, 1, 1)
		rd.probs.Errorf(schema.Root, pos, RuleOpen, "workbook: sheet %s does not read: %v", sheet, err)
		return
	}
	defer rows.Close()
	var (
		cols    []*schema.Column // by sheet column; nil: not an element
		keys    []string
		codeCol = -1
		limCol  = -1
		header  bool
	)
	var columns []schema.Column
	switch kind {
	case listMaterials:
		columns = schema.Columns[matters.Material]()
	case listSteps:
		columns = schema.Columns[matters.Step]()
	case listLaws:
		columns = schema.Columns[matters.Law]()
	}
	row := 0
	for cells := range rd.filledRows(sheet, rows, &row) {
		if !header {
			if filled(cells) < 2 {
				continue // a title row
			}
			header = true
			cols = make([]*schema.Column, len(cells))
			keys = make([]string, len(cells))
			for i, h := range cells {
				h = normHeader(h)
				for _, ch := range codeHeaders {
					if h == normHeader(ch) {
						codeCol = i
					}
				}
				for j := range columns {
					c := &columns[j]
					for _, a := range append([]string{c.Header, c.English}, c.Aliases...) {
						if h == normHeader(a) {
							cols[i], keys[i] = c, c.English
						}
					}
				}
				if kind == listSteps && keys[i] == "limit" {
					limCol, cols[i] = i, nil
				}
			}
			if codeCol < 0 {
				pos, ref := rd.at(sheet, 1, row)
				rd.probs.Errorf(schema.Root, pos, RuleHeader, "%s: sheet %s has no 事项编码 column to key its rows by", ref, sheet)
				return
			}
			continue
		}
		code := ""
		if codeCol < len(cells) {
			code = cells[codeCol]
		}
		p := lists[code]
		if p == nil {
			p = &pending{}
			lists[code] = p
		}
		var errs []cellErr
		set := func(v any) {
			for i, c := range cells {
				if i < len(cols) && cols[i] != nil && c != "" {
					if err := cols[i].SetText(v, c); err != nil {
						errs = append(errs, cellErr{i + 1, keys[i], err})
					}
				}
			}
		}
		switch kind {
		case listMaterials:
			var m matters.Material
			set(&m)
			p.materials = append(p.materials, item[matters.Material]{m, sheet, row, errs})
		case listSteps:
			var s matters.Step
			set(&s)
			if limCol >= 0 && limCol < len(cells) {
				l, err := matters.ParseLimit(cells[limCol], "")
				if err != nil {
					errs = append(errs, cellErr{limCol + 1, "limit", err})
				}
				s.Limit = l
			}
			p.steps = append(p.steps, item[matters.Step]{s, sheet, row, errs})
		case listLaws:
			var l matters.Law
			set(&l)
			p.laws = append(p.laws, item[matters.Law]{l, sheet, row, errs})
		}
	}
	if err := rows.Error(); err != nil {
		pos, _ := rd.at(sheet, 1, row)
		rd.probs.Errorf(schema.Root, pos, RuleOpen, "workbook: sheet %s does not read: %v", sheet, err)
	}
}

// normHeader normalises a header: no spaces or stars, no note in
// parentheses.
func normHeader(h string) string {
	h = strings.NewReplacer(" ", "", "\u3000", "", "*", "", "＊", "", "\ufeff", "").Replace(h)
	if i := strings.IndexAny(h, "(（"); i > 0 {
		h = h[:i]
	}
	return strings.ToLower(h)
}

// attach gives each matter the rows of the repeating sheets with its code,
// reports rows for codes no matter has, then runs the checks that need the
// lists, located at their rows.
func (rd *reader) attach(c *matters.Catalogue, matterRows []int32, lists map[string]*pending) {
	byCode := make(map[matters.MatterCodeText]int, len(c.Matters))
	for i := range c.Matters {
		if _, dup := byCode[c.Matters[i].Code]; !dup {
			byCode[c.Matters[i].Code] = i
		}
	}
	type loc struct {
		sheet string
		row   int
	}
	where := map[string]loc{} // path → row
	for code, p := range lists {
		i, ok := byCode[matters.MatterCodeText(code)]
		if !ok {
			for _, r := range p.rows() {
				pos, ref := rd.at(r.sheet, 1, r.row)
				rd.probs.Errorf(schema.Root, pos, RuleUnknownMatter, "%s: no matter on the matters sheet has code %q", ref, code)
			}
			continue
		}
		m := &c.Matters[i]
		mp := schema.Root.Key("matters").Index(i)
		add := func(kind listKind, j int, sheet string, row int, errs []cellErr) {
			ip := mp.Key(kind.key()).Index(j)
			where[ip.String()] = loc{sheet, row}
			for _, e := range errs {
				pos, ref := rd.at(sheet, e.col, row)
				rd.probs.Add(&schema.Problem{Path: ip.Key(e.key), Pos: pos, Rule: RuleCell, Message: ref + ": " + e.err.Error(), Err: e.err})
			}
		}
		for j, it := range p.materials {
			m.Materials = append(m.Materials, it.v)
			add(listMaterials, j, it.sheet, it.row, it.errs)
		}
		for j, it := range p.steps {
			m.Steps = append(m.Steps, it.v)
			add(listSteps, j, it.sheet, it.row, it.errs)
		}
		for j, it := range p.laws {
			m.LegalBasis = append(m.LegalBasis, it.v)
			add(listLaws, j, it.sheet, it.row, it.errs)
		}
	}
	// The checks over the lists, now that they are there, and over the
	// bundles.
	var found schema.List
	for i := range c.Matters {
		if m := &c.Matters[i]; len(m.Materials)+len(m.Steps)+len(m.LegalBasis) > 0 {
			for _, p := range matters.CheckElements(m, schema.Root.Key("matters").Index(i)) {
				if p.Rule != matters.RuleLicenceNameMissing { // found on the matter's row already
					found = append(found, p)
				}
			}
		}
	}
	if len(c.Bundles) > 0 {
		found = append(found, matters.CheckBundles(c)...)
	}
	for _, p := range found {
		// Locate at the list row, or at the matter's or bundle's row.
		for q := p.Path; !q.IsRoot(); q = q.Parent() {
			if l, ok := where[q.String()]; ok {
				var ref string
				p.Pos, ref = rd.at(l.sheet, 1, l.row)
				p.Message = ref + ": " + p.Message
				break
			}
			segs := q.Segments()
			if len(segs) != 2 {
				continue
			}
			i, err := strconv.Atoi(segs[1])
			if err != nil {
				break
			}
			var ref string
			switch {
			case segs[0] == "bundles" && i < len(rd.bundleRows):
				p.Pos, ref = rd.at(BundlesSheet, 1, rd.bundleRows[i])
			case segs[0] == "matters" && i < len(matterRows):
				p.Pos, ref = rd.at(rd.main, 1, int(matterRows[i]))
			}
			if ref != "" {
				p.Message = ref + ": " + p.Message
			}
			break
		}
		rd.probs.Add(p)
	}
}

func (p *pending) rows() []item[struct{}] {
	var out []item[struct{}]
	for _, it := range p.materials {
		out = append(out, item[struct{}]{sheet: it.sheet, row: it.row})
	}
	for _, it := range p.steps {
		out = append(out, item[struct{}]{sheet: it.sheet, row: it.row})
	}
	for _, it := range p.laws {
		out = append(out, item[struct{}]{sheet: it.sheet, row: it.row})
	}
	return out
}

// FormulaCells returns, for each sheet of the workbook in data, the
// references ("C12") of the cells holding a formula, at most 10,000 a
// sheet; readers of other sheets (case records) report them as this
// package does, with [RuleFormula].
func FormulaCells(data []byte) map[string]map[string]bool { return formulaCells(data) }

// formulaCells finds the cells holding a formula in every sheet, reading
// the sheets' XML as a stream of tokens.
func formulaCells(data []byte) map[string]map[string]bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	// Sheet names to their parts, through the workbook's relationships.
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if decodePart(files["xl/workbook.xml"], &wb) != nil || decodePart(files["xl/_rels/workbook.xml.rels"], &rels) != nil {
		return nil
	}
	out := map[string]map[string]bool{}
	for _, s := range wb.Sheets {
		for _, r := range rels.Rels {
			if r.ID != s.ID {
				continue
			}
			target := r.Target
			if strings.HasPrefix(target, "/") {
				target = target[1:]
			} else {
				target = path.Join("xl", target)
			}
			if fs := sheetFormulas(files[target]); len(fs) > 0 {
				out[s.Name] = fs
			}
		}
	}
	return out
}

func decodePart(f *zip.File, v any) error {
	if f == nil {
		return errors.New("missing part")
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, 64<<20)).Decode(v)
}

func sheetFormulas(f *zip.File) map[string]bool {
	if f == nil {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	out := map[string]bool{}
	cell := ""
	for len(out) < maxFormulas {
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "c":
				cell = ""
				for _, a := range se.Attr {
					if a.Name.Local == "r" {
						cell = a.Value
					}
				}
			case "f":
				if cell != "" {
					out[cell] = true
				}
			}
		}
	}
	return out
}

// readInfo reads the catalogue's own elements from name–value rows.
func (rd *reader) readInfo(sheet string, c *matters.Catalogue) {
	rows, err := rd.f.Rows(sheet)
	if err != nil {
		return
	}
	defer rows.Close()
	row := 0
	for rows.Next() {
		row++
		cells := rd.cells(sheet, rows, row)
		if len(cells) < 2 || cells[1] == "" {
			continue
		}
		v := cells[1]
		var err error
		switch cells[0] {
		case "目录类型":
			err = c.Kind.UnmarshalText([]byte(v))
		case "标题":
			c.Title = v
		case "区划代码":
			c.Division.Code = v
		case "区划名称":
			c.Division.Name = v
		case "行使层级":
			err = c.Level.UnmarshalText([]byte(v))
		case "截至日期":
			c.AsOf, err = time.Parse(time.DateOnly, dateText(v))
		case "来源":
			c.Source = v
		case "说明":
			c.Notes = v
		default:
			if strings.HasPrefix(cells[0], "x-") {
				if !json.Valid([]byte(v)) {
					v = strconv.Quote(v)
				}
				if c.Extensions == nil {
					c.Extensions = matters.Extensions{}
				}
				c.Extensions[cells[0]] = json.RawMessage(v)
			}
		}
		if err != nil {
			pos, ref := rd.at(sheet, 2, row)
			rd.probs.Errorf(schema.Root, pos, RuleCell, "%s: %v", ref, err)
		}
	}
}

// readBundles reads the one-thing bundles, in the columns writeBundles
// writes them.
func (rd *reader) readBundles(sheet string, c *matters.Catalogue) {
	rows, err := rd.f.Rows(sheet)
	if err != nil {
		return
	}
	defer rows.Close()
	row, header := 0, false
	for rows.Next() {
		row++
		cells := rd.cells(sheet, rows, row)
		if len(cells) < 2 {
			continue // the title row, or an empty one
		}
		if !header {
			header = true
			continue
		}
		cells = append(cells, make([]string, len(bundleHeader))...)
		i := len(c.Bundles)
		b := matters.Bundle{Code: cells[0], Name: cells[1], LeadBody: cells[2]}
		for _, code := range strings.Split(cells[3], "\n") {
			if code = strings.TrimSpace(code); code != "" {
				b.Matters = append(b.Matters, matters.MatterCodeText(code))
			}
		}
		bad := func(col int, key string, err error) {
			pos, ref := rd.at(sheet, col, row)
			rd.probs.Add(&schema.Problem{Path: schema.Root.Key("bundles").Index(i).Key(key), Pos: pos, Rule: RuleCell, Message: ref + ": " + err.Error(), Err: err})
		}
		if l, err := matters.ParseLimit(cells[4], ""); err != nil {
			bad(5, "promisedLimit", err)
		} else {
			b.PromisedLimit = l
		}
		if cells[5] != "" {
			if v, err := strconv.Atoi(cells[5]); err != nil {
				bad(6, "visits", err)
			} else {
				b.Visits = &v
			}
		}
		c.Bundles = append(c.Bundles, b)
		rd.bundleRows = append(rd.bundleRows, row)
	}
}

// filled returns how many cells of a row are not empty.
func filled(cells []string) int {
	n := 0
	for _, c := range cells {
		if c != "" {
			n++
		}
	}
	return n
}
