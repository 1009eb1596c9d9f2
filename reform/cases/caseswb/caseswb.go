package caseswb

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/zwfw/zwfw/matters/workbook"
	"github.com/zwfw/zwfw/reform/cases"
	"github.com/zwfw/zwfw/schema"
)

// headerRows is how many rows of a sheet are searched for the header.
const headerRows = 20

// Decoder reads case records from one workbook.
type Decoder struct {
	r     io.Reader
	name  string
	opts  *cases.DecodeOptions
	d     *cases.Decoder
	probs schema.List
}

// NewDecoder returns a decoder reading the workbook in r; name is the file
// name of problem positions. opts may be nil.
func NewDecoder(r io.Reader, name string, opts *cases.DecodeOptions) *Decoder {
	return &Decoder{r: r, name: name, opts: opts}
}

// Problems returns the problems found so far, sorted.
func (d *Decoder) Problems() schema.List {
	out := append(schema.List(nil), d.probs...)
	if d.d != nil {
		out = append(out, d.d.Problems()...)
	}
	out.Sort()
	return out
}

// Counts returns the number of records read and how many of them were
// left out for errors.
func (d *Decoder) Counts() (records, skipped int64) {
	if d.d == nil {
		return 0, 0
	}
	return d.d.Counts()
}

// Cases returns an iterator over the records that could be read, as
// [cases.Decoder.Cases] does. The *Case is reused. A Decoder reads its
// input once.
func (d *Decoder) Cases() iter.Seq[*cases.Case] {
	return func(yield func(*cases.Case) bool) {
		if d.r == nil {
			return
		}
		r := d.r
		d.r = nil
		f, data := d.open(r)
		if f == nil {
			return
		}
		defer f.Close()
		sheet := d.sheet(f)
		if sheet == "" {
			return
		}
		file := d.name + "[" + sheet + "]"
		rows := &sheetRows{d: d, f: f, sheet: sheet, file: file, formulas: workbook.FormulaCells(data)[sheet]}
		d.d = cases.NewRowDecoder(rows.all, file, d.opts)
		for c := range d.d.Cases() {
			if !yield(c) {
				return
			}
		}
	}
}

// guard turns a panic of the spreadsheet library into a problem at pos.
func (d *Decoder) guard(pos schema.Pos, fn func()) (ok bool) {
	defer func() {
		if v := recover(); v != nil {
			d.probs.Errorf(schema.Root, pos, workbook.RuleOpen, "workbook: %s could not be read: %v", d.name, v)
			ok = false
		}
	}()
	fn()
	return true
}

func (d *Decoder) open(r io.Reader) (f *excelize.File, data []byte) {
	data, err := io.ReadAll(io.LimitReader(r, workbook.MaxBytes+1))
	if err != nil {
		d.probs = append(d.probs, schema.ReadProblem(d.name, err)...)
		return nil, nil
	}
	if len(data) > workbook.MaxBytes {
		d.probs.Errorf(schema.Root, schema.Pos{File: d.name}, workbook.RuleTooLarge, "workbook: %s is larger than %d bytes", d.name, workbook.MaxBytes)
		return nil, nil
	}
	if !d.guard(schema.Pos{File: d.name}, func() { f, err = excelize.OpenReader(bytes.NewReader(data)) }) {
		return nil, nil
	}
	if err != nil {
		d.probs.Errorf(schema.Root, schema.Pos{File: d.name}, workbook.RuleOpen, "workbook: %s is not an .xlsx workbook: %v", d.name, err)
		return nil, nil
	}
	return f, data
}

// sheet returns the sheet holding the case header, or the first sheet.
func (d *Decoder) sheet(f *excelize.File) string {
	var sheets []string
	if !d.guard(schema.Pos{File: d.name}, func() { sheets = f.GetSheetList() }) {
		return ""
	}
	if len(sheets) == 0 {
		d.probs.Errorf(schema.Root, schema.Pos{File: d.name}, workbook.RuleOpen, "workbook: %s has no sheet", d.name)
		return ""
	}
	for _, s := range sheets {
		found := false
		d.guard(schema.Pos{File: d.name + "[" + s + "]"}, func() {
			rows, err := f.Rows(s)
			if err != nil {
				return
			}
			defer rows.Close()
			for n := 0; n < headerRows && rows.Next(); n++ {
				cols, err := rows.Columns()
				if err != nil {
					return
				}
				if cases.IsHeader(cols) {
					found = true
					return
				}
			}
		})
		if found {
			return s
		}
	}
	return sheets[0]
}

// sheetRows streams the rows of one sheet, formulas reported and emptied.
type sheetRows struct {
	d        *Decoder
	f        *excelize.File
	sheet    string
	file     string
	formulas map[string]bool
	keys     []string // by column, once the header is read
	records  int      // data rows seen after the header
}

func (s *sheetRows) pos(row, col int) schema.Pos {
	return schema.Pos{File: s.file, Line: row, Col: col}
}

func ref(col, row int) string {
	r, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return fmt.Sprintf("R%dC%d", row, col)
	}
	return r
}

// all yields each row's number and cells; the cells are reused.
func (s *sheetRows) all(yield func(int, []string) bool) {
	var rows *excelize.Rows
	var err error
	if !s.d.guard(s.pos(1, 1), func() { rows, err = s.f.Rows(s.sheet) }) {
		return
	}
	if err != nil {
		s.d.probs.Errorf(schema.Root, s.pos(1, 1), workbook.RuleOpen, "workbook: sheet %s does not read: %v", s.sheet, err)
		return
	}
	defer func() {
		s.d.guard(s.pos(1, 1), func() { rows.Close() })
	}()
	row := 0
	for {
		var more bool
		var cols []string
		if !s.d.guard(s.pos(row+1, 1), func() {
			if more = rows.Next(); more {
				cols, err = rows.Columns(excelize.Options{RawCellValue: true})
			} else {
				err = rows.Error()
			}
		}) {
			return
		}
		if !more {
			if err != nil {
				s.d.probs.Errorf(schema.Root, s.pos(row+1, 1), workbook.RuleOpen, "workbook: sheet %s does not read: %v", s.sheet, err)
			}
			return
		}
		row++
		if err != nil {
			s.d.probs.Errorf(schema.Root, s.pos(row, 1), workbook.RuleOpen, "%s: row does not read: %v", s.sheet+"!"+ref(1, row), err)
			continue
		}
		var formulas []int
		if len(s.formulas) > 0 {
			for i := range cols {
				if s.formulas[ref(i+1, row)] {
					formulas = append(formulas, i)
					cols[i] = ""
				}
			}
		}
		n := 0
		for _, c := range cols {
			if strings.TrimSpace(c) != "" {
				n++
			}
		}
		path := func(int) schema.Path { return schema.Root }
		switch {
		case n == 0 || s.keys == nil && n < 2:
		case s.keys == nil:
			s.keys = make([]string, len(cols))
			for i, h := range cols {
				s.keys[i], _ = cases.HeaderKey(strings.TrimSpace(h))
			}
		default:
			rec := s.records
			s.records++
			path = func(i int) schema.Path {
				if i < len(s.keys) && s.keys[i] != "" {
					return schema.Root.Key("cases").Index(rec).Key(s.keys[i])
				}
				return schema.Root.Key("cases").Index(rec)
			}
		}
		for _, i := range formulas {
			s.d.probs.Errorf(path(i), s.pos(row, i+1), workbook.RuleFormula, "%s: the cell holds a formula, which is not evaluated; write its value", s.sheet+"!"+ref(i+1, row))
		}
		if !yield(row, cols) {
			return
		}
	}
}

// Source is what reads case records from one file: a [cases.Decoder] or
// a workbook [Decoder].
type Source interface {
	Cases() iter.Seq[*cases.Case]
	Counts() (records, skipped int64)
	Problems() schema.List
}

// Open returns the reader of an export of any format: a workbook when
// name ends in .xlsx or the input starts as a zip archive does ("PK\x03\x04"),
// else a [cases.Decoder] (CSV, JSON Lines, which refuses .xls and .et).
func Open(r io.Reader, name string, opts *cases.DecodeOptions) Source {
	if strings.EqualFold(filepath.Ext(name), ".xlsx") {
		return NewDecoder(r, name, opts)
	}
	br := bufio.NewReader(r)
	if head, _ := br.Peek(4); string(head) == "PK\x03\x04" {
		return NewDecoder(br, name, opts)
	}
	return cases.NewDecoder(br, name, opts)
}
