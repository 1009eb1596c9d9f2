package attendance

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/zwfw/zwfw/schema"
)

// MaxRow is the longest row, in bytes, the readers read; a longer one is
// reported and ends reading, so a file with no line breaks cannot exhaust
// memory.
const MaxRow = 64 << 10

// MaxRows is the most data rows a reader reads from one file, 1,048,576
// (a hall's punches for years); a longer file is reported and read no
// further, so memory stays bounded whatever the input.
const MaxRows = 1 << 20

// maxRows is MaxRows, lowered by tests.
var maxRows = MaxRows

// column is one column a reader knows: its key (the English name, used in
// problem paths), the Chinese header and its aliases.
type column struct {
	key      string
	names    []string // the first is the header written in messages
	required bool
}

// table reads a CSV file row by row: encoding detected, header mapped
// through aliases, every cell located.
type table struct {
	file  string
	probs *schema.List
	cols  []column
	rd    *csv.Reader
	lim   *schema.RowLimit
	at    map[string]int // column index by key
	row   int            // data row, from 0
	line  int
	rec   []string
	gb    bool
}

// openTable reads the header of r. It returns nil, with the problems
// reported, when no usable header can be read.
func openTable(r io.Reader, file string, cols []column, probs *schema.List) *table {
	t := &table{file: file, probs: probs, cols: cols, row: -1, lim: &schema.RowLimit{R: r, Max: MaxRow, Err: errRowTooLong}}
	src, err := t.source(t.lim)
	if err != nil {
		return nil
	}
	t.rd = csv.NewReader(schema.CSVLineEnds(src)) // CR-only files too
	t.rd.FieldsPerRecord = -1
	t.rd.TrimLeadingSpace = true
	for {
		rec, ok := t.read()
		if !ok {
			if !probs.HasErrors() {
				probs.Errorf(schema.Root.Key("header"), schema.Pos{File: file, Line: 1}, RuleHeader,
					"no header row: want columns %s", t.wanted())
			}
			return nil
		}
		if nonEmpty(rec) == 0 {
			continue
		}
		if !t.header(rec) {
			return nil
		}
		return t
	}
}

func (t *table) wanted() string {
	var s []string
	for _, c := range t.cols {
		if c.required {
			s = append(s, c.names[0])
		}
	}
	return strings.Join(s, ", ")
}

// read reads one record; false at the end or after an error that ends
// reading.
func (t *table) read() ([]string, bool) {
	for {
		rec, err := t.rd.Read()
		t.lim.Mark()
		if err == io.EOF {
			return nil, false
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && pe.Err != errRowTooLong {
				t.probs.Errorf(schema.Root.Key("rows").Index(t.row+1), schema.Pos{File: t.file, Line: pe.StartLine, Col: pe.Column},
					RuleSyntax, "row is not CSV: %v", schema.CSVCause(pe.Err))
				t.row++
				continue
			}
			t.probs.Errorf(schema.Root, schema.Pos{File: t.file, Line: t.line + 1}, RuleSyntax, "cannot read on: %v", schema.CSVCause(err))
			return nil, false
		}
		t.line, _ = t.rd.FieldPos(0)
		for i, c := range rec {
			rec[i] = t.text(c, i)
		}
		return rec, true
	}
}

func (t *table) header(rec []string) bool {
	t.at = map[string]int{}
	for j, h := range rec {
		h = strings.TrimSpace(h)
		pos := schema.Pos{File: t.file, Line: t.line, Col: j + 1}
		c, ok := lookup(t.cols, h)
		switch {
		case !ok:
			if h != "" {
				t.probs.Warningf(schema.Root.Key("header").Index(j), pos, RuleHeader, "column %q is not read", h)
			}
		case t.at[c.key] != 0:
			t.probs.Errorf(schema.Root.Key("header").Index(j), pos, RuleHeader, "column %q holds %s again (first in column %d)", h, c.names[0], t.at[c.key])
		default:
			t.at[c.key] = j + 1
		}
	}
	ok := true
	for _, c := range t.cols {
		if c.required && t.at[c.key] == 0 {
			t.probs.Errorf(schema.Root.Key("header"), schema.Pos{File: t.file, Line: t.line, Col: 1}, RuleMissingColumn,
				"no column %s (also read as %s)", c.names[0], strings.Join(c.names[1:], ", "))
			ok = false
		}
	}
	return ok
}

func lookup(cols []column, h string) (column, bool) {
	for _, c := range cols {
		if strings.EqualFold(h, c.key) {
			return c, true
		}
		for _, n := range c.names {
			if h == n {
				return c, true
			}
		}
	}
	return column{}, false
}

// next moves to the next data row, skipping empty ones.
func (t *table) next() bool {
	for {
		rec, ok := t.read()
		if !ok {
			return false
		}
		t.row++
		if t.row >= maxRows {
			t.probs.Errorf(schema.Root.Key("rows").Index(t.row), schema.Pos{File: t.file, Line: t.line}, RuleSyntax,
				"the file has more than %d rows; the rest is not read", maxRows)
			return false
		}
		if nonEmpty(rec) == 0 {
			continue
		}
		t.rec = rec
		return true
	}
}

// get returns the cell of column key in the current row, trimmed; "" when
// the column is absent or the row short.
func (t *table) get(key string) string {
	j := t.at[key]
	if j == 0 || j > len(t.rec) {
		return ""
	}
	return t.rec[j-1]
}

// has reports whether the file has column key.
func (t *table) has(key string) bool { return t.at[key] != 0 }

// where locates the cell of column key in the current row.
func (t *table) where(key string) (schema.Path, schema.Pos) {
	p := schema.Root.Key("rows").Index(t.row)
	col := t.at[key]
	if key == "" || col == 0 {
		return p, schema.Pos{File: t.file, Line: t.line, Col: 1}
	}
	line, _ := t.rd.FieldPos(0)
	if col <= len(t.rec) {
		line, _ = t.rd.FieldPos(col - 1)
	}
	return p.Key(key), schema.Pos{File: t.file, Line: line, Col: col}
}

// at returns where the current row is, to locate problems found later.
func (t *table) here() schema.Pos { return schema.Pos{File: t.file, Line: t.line, Col: 1} }

func (t *table) errorf(key string, rule schema.Rule, format string, args ...any) {
	p, pos := t.where(key)
	t.probs.Errorf(p, pos, rule, format, args...)
}

// required returns the cell of key, reporting it when empty.
func (t *table) required(key string) (string, bool) {
	s := t.get(key)
	if s == "" {
		c, _ := lookup(t.cols, key)
		t.errorf(key, RuleRequired, "%s is empty", c.names[0])
		return "", false
	}
	return s, true
}

// text returns a cell trimmed, reporting bytes that are not text.
func (t *table) text(s string, col int) string {
	s = strings.TrimSpace(s)
	bad := !utf8.ValidString(s) || t.gb && strings.ContainsRune(s, utf8.RuneError)
	if bad {
		enc := "UTF-8"
		if t.gb {
			enc = "GB18030"
		}
		t.probs.Errorf(schema.Root, schema.Pos{File: t.file, Line: t.line, Col: col + 1}, RuleEncoding,
			"cell holds bytes that are not %s text", enc)
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s
}

func nonEmpty(rec []string) int {
	n := 0
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

var errRowTooLong = msgError("row is longer than %d bytes", MaxRow)

// source strips a UTF-8 byte-order mark, refuses UTF-16 and decodes
// GB18030 (what Excel on Chinese Windows saves) when the first kilobytes
// are not UTF-8.
func (t *table) source(r io.Reader) (io.Reader, error) {
	src, gb, utf16 := schema.CSVText(r)
	if utf16 {
		err := msgError("the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" or plain CSV")
		t.probs.Errorf(schema.Root, schema.Pos{File: t.file, Line: 1, Col: 1}, RuleEncoding, "%v", err)
		return nil, err
	}
	t.gb = gb
	return src, nil
}
