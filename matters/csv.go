package matters

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zwfw/zwfw/schema"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// Body extension keys under which ReadCSV keeps a body code that is not a
// unified social credit code, and from which WriteCSV writes it back.
const (
	ExtOrgCode  = "x-orgCode"
	ExtBodyCode = "x-bodyCode"
)

// ExtAreaCode is the matter extension that keeps a 区划代码 other than the
// catalogue's.
const ExtAreaCode = "x-areaCode"

// MaxCSVRow is the longest row, in bytes, ReadCSV reads; a longer one is
// reported and ends reading, so a file with no line breaks cannot exhaust
// memory.
const MaxCSVRow = 1 << 20

// Encoding is the character encoding of a spreadsheet file.
type Encoding uint8

// Encodings WriteCSV writes.
const (
	// UTF8 is UTF-8 without a byte-order mark, what programs expect.
	UTF8 Encoding = iota
	// UTF8BOM is UTF-8 with a byte-order mark, which Excel needs to
	// recognise UTF-8.
	UTF8BOM
	// GB18030 is what Excel on Chinese Windows reads and writes (it writes
	// GBK, a subset), with no byte-order mark. Characters outside GBK are
	// written as four-byte GB18030 sequences, which older programs that
	// read GBK show as two wrong characters.
	GB18030
)

// String returns the encoding's name: UTF-8, "UTF-8 with BOM" or
// GB18030. It never panics.
func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "UTF-8"
	case UTF8BOM:
		return "UTF-8 with BOM"
	case GB18030:
		return "GB18030"
	}
	return "Encoding(" + strconv.Itoa(int(e)) + ")"
}

// CSVOptions configures [ReadCSV] and [Catalogue.WriteCSV]. A nil
// *CSVOptions means the zero value: UTF-8, Chinese headers, commas.
type CSVOptions struct {
	// Encoding is what WriteCSV writes. ReadCSV detects the encoding
	// itself.
	Encoding Encoding
	// English makes WriteCSV write the English headers (the document keys:
	// code, name, body.name, …) instead of the Chinese ones.
	English bool
	// Comma is the field separator; zero means ','.
	Comma rune
}

func (o *CSVOptions) comma() rune {
	if o == nil || o.Comma == 0 {
		return ','
	}
	return o.Comma
}

// ReadCSV reads a spreadsheet of matters, one matter a row, saved as CSV
// in UTF-8 (with or without byte-order mark) or in GB18030/GBK as Excel
// on Chinese Windows saves it; name is used in problem positions. It
// reads row by row and holds nothing but the catalogue it builds. Each
// matter gets the semantic checks [Parse] runs, with the same rules and
// severities, so that a spreadsheet and the document converted from it
// have the same problems. ReadCSV returns the catalogue, which is nil only
// when no header row could be read, and an error that is nil when no
// problem is an error, as [Parse] does. Problem positions give the line a row starts on (the row number
// the spreadsheet shows, unless a cell spans lines) and the column number
// (A = 1); messages name the column's header; paths are those of the
// catalogue document, /matters/<i>/<element>.
//
// See the package documentation (# Spreadsheets) for the columns it
// reads and how it reads their cells. A column that names no element is
// kept, cell by cell, as a matter extension: its key is "x-" and the
// header, or the header itself when it starts with x-; its values are
// strings, except that in a column headed x- a cell holding a JSON array,
// object or string is that JSON value, as [Catalogue.WriteCSV] writes
// them. The catalogue's kind is
// [ImplementationList] and its division code is the first row's
// 区划代码; its title is a single-cell row above the header, if any. The
// rest of the catalogue's header (division name, date) is not in a
// spreadsheet: set it before writing the catalogue as a document.
func ReadCSV(r io.Reader, name string, opts *CSVOptions, more ...schema.Option) (*Catalogue, error) {
	c, probs := readCSV(r, name, opts)
	return c, schema.Result(probs, more...)
}

func readCSV(r io.Reader, name string, opts *CSVOptions) (*Catalogue, schema.List) {
	cr := &csvReader{file: name, ix: newIndex()}
	return cr.read(r, opts.comma())
}

// csvCol is one column of the spreadsheet being read.
type csvCol struct {
	header string   // as written
	elem   csvElem  // when ext == ""
	ext    string   // extension key of a column that is no element
	unit   TimeUnit // unit named in the header of a time-limit column
	warned bool     // an unnamed column was reported
}

type csvReader struct {
	file    string
	probs   schema.List
	cat     *Catalogue
	lines   []int32 // the line each matter's row starts on
	ix      *index
	cols    []csvCol
	at      []int // column of each element, or -1
	pathCol map[string]int
	extKeys map[string]bool // extension keys of columns
	div     DivisionCode    // the catalogue's division, once known
	gb      bool            // decoding GB18030

	// the row being read
	line  int
	cells []string
	ext   []int // columns holding extension cells
}

var errCSVRowTooLong = fmt.Errorf("row is longer than %d bytes", MaxCSVRow)

func (cr *csvReader) read(r io.Reader, comma rune) (*Catalogue, schema.List) {
	lim := &schema.RowLimit{R: r, Max: MaxCSVRow, Err: errCSVRowTooLong}
	src, err := cr.source(lim)
	if err != nil {
		return nil, cr.probs
	}
	rd := csv.NewReader(schema.CSVLineEnds(src))
	rd.Comma = comma
	rd.FieldsPerRecord = -1
	rd.ReuseRecord = true
	header := false
	title := ""
	lastLine := 0
	cutShort := false // reading ended on an error
	for {
		rec, err := rd.Read()
		lim.Mark()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && pe.Err != errCSVRowTooLong {
				cr.probs.Errorf(schema.Root, schema.Pos{File: cr.file, Line: pe.StartLine, Col: len(rec) + 1}, RuleCSVSyntax,
					"row is not CSV: %v", schema.CSVCause(pe.Err))
				continue
			}
			cr.probs.Errorf(schema.Root, schema.Pos{File: cr.file, Line: lastLine + 1}, RuleCSVSyntax, "cannot read on: %v", err)
			cutShort = true
			break
		}
		line, _ := rd.FieldPos(0)
		lastLine = line
		if !header {
			// Rows with one cell above the header are a title.
			if n, first := csvNonEmpty(rec); n == 1 && !csvIsHeaderCell(first) {
				if title == "" {
					title = cr.text(first, line, 0)
				}
				continue
			} else if n == 0 {
				continue
			}
			if !cr.header(rec, line) {
				return nil, cr.probs
			}
			cr.cat = &Catalogue{Kind: ImplementationList, Title: title}
			header = true
			continue
		}
		cr.row(rec, line)
	}
	if !header {
		cr.probs.Errorf(schema.Root, schema.Pos{File: cr.file, Line: 1, Col: 1}, RuleCSVHeader, "no header row: the file holds no row of column names")
		return nil, cr.probs
	}
	if len(cr.cat.Matters) == 0 && !cutShort {
		// A header and nothing under it is what a file whose rows were
		// not told apart looks like: never a catalogue to go on with.
		cr.probs.Errorf(schema.Root, schema.Pos{File: cr.file, Line: lastLine + 1, Col: 1}, RuleCSVEmpty,
			"no matters: the file holds no row under its header")
	}
	cr.ix.checkBundles(cr.cat.Bundles, cr.locate, &cr.probs)
	cr.ix.free()
	cr.probs.Dedupe()
	return cr.cat, cr.probs
}

// source strips a UTF-8 byte-order mark, refuses UTF-16 and decodes GB18030
// when the text is not UTF-8: the bytes up to the first non-ASCII one are
// the same in both, and that one and the next four kilobytes decide.
func (cr *csvReader) source(r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 8192)
	win, _ := br.Peek(4096)
	switch {
	case len(win) >= 2 && (win[0] == 0xFF && win[1] == 0xFE || win[0] == 0xFE && win[1] == 0xFF):
		err := errors.New("the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" or plain CSV")
		cr.probs.Errorf(schema.Root, schema.Pos{File: cr.file, Line: 1, Col: 1}, RuleCSVEncoding, "%v", err)
		return nil, err
	case bytes.IndexByte(win, 0) >= 0:
		// Text has no NUL bytes; UTF-16 has one in every ASCII
		// character (digits, commas, line ends), a binary file many.
		err := errors.New("the file is not text: it holds NUL bytes, as UTF-16 without a byte-order mark or a binary file does; save it as \"CSV UTF-8\" or plain CSV")
		cr.probs.Errorf(schema.Root, schema.PosAt(cr.file, win, bytes.IndexByte(win, 0)), RuleCSVEncoding, "%v", err)
		return nil, err
	case bytes.HasPrefix(win, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		return br, nil
	}
	return &csvSniffer{cr: cr, br: br}, nil
}

type csvSniffer struct {
	cr  *csvReader
	br  *bufio.Reader
	dec io.Reader // the decided source; nil until a non-ASCII byte is seen
}

func (s *csvSniffer) Read(p []byte) (int, error) {
	if s.dec != nil {
		return s.dec.Read(p)
	}
	if _, err := s.br.Peek(1); err != nil {
		return 0, err
	}
	buf, _ := s.br.Peek(s.br.Buffered())
	i := 0
	for i < len(buf) && buf[i] < utf8.RuneSelf {
		i++
	}
	if i == 0 {
		s.decide()
		return s.dec.Read(p)
	}
	n := copy(p, buf[:i])
	s.br.Discard(n)
	return n, nil
}

func (s *csvSniffer) decide() {
	win, err := s.br.Peek(4096)
	if err == nil {
		// Drop a character the window cuts in two.
		for k := 1; k <= 3 && k <= len(win); k++ {
			if utf8.RuneStart(win[len(win)-k]) {
				if !utf8.FullRune(win[len(win)-k:]) {
					win = win[:len(win)-k]
				}
				break
			}
		}
	}
	// Text in GB18030 read as UTF-8 is mostly invalid, with a few
	// sequences valid by chance; UTF-8 text may hold a stray byte, which
	// is then reported where it is rather than garbling the whole file.
	valid, invalid := 0, 0
	for len(win) > 0 {
		r, n := utf8.DecodeRune(win)
		switch {
		case r == utf8.RuneError && n == 1:
			invalid++
		case n > 1:
			valid++
		}
		win = win[n:]
	}
	if valid > 4*invalid {
		s.dec = s.br
		return
	}
	s.cr.gb = true
	s.dec = transform.NewReader(s.br, simplifiedchinese.GB18030.NewDecoder())
}

func csvNonEmpty(rec []string) (n int, first string) {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			if n == 0 {
				first = c
			}
			n++
		}
	}
	return n, first
}

func csvIsHeaderCell(s string) bool {
	_, _, ok := csvLookupHeader(s)
	return ok
}

// text returns a cell trimmed and without the apostrophe that keeps a
// spreadsheet from running it (see [CSVCell]), reporting bytes that are
// not text.
func (cr *csvReader) text(s string, line, col int) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "'")
	if strings.IndexByte(s, 0) >= 0 {
		cr.probs.Errorf(schema.Root, schema.Pos{File: cr.file, Line: line, Col: col + 1}, RuleCSVEncoding,
			"cell holds a NUL byte, which is not text")
		s = strings.ReplaceAll(s, "\x00", "")
	}
	if !utf8.ValidString(s) {
		cr.probs.Errorf(schema.Root, schema.Pos{File: cr.file, Line: line, Col: col + 1}, RuleCSVEncoding,
			"cell holds bytes that are not UTF-8 text")
		s = strings.ToValidUTF8(s, "\uFFFD")
	} else if cr.gb && strings.ContainsRune(s, utf8.RuneError) {
		cr.probs.Errorf(schema.Root, schema.Pos{File: cr.file, Line: line, Col: col + 1}, RuleCSVEncoding,
			"cell holds bytes that are not GB18030 text")
	}
	return s
}

// header maps the columns; it reports false when the row names no
// element at all.
func (cr *csvReader) header(rec []string, line int) bool {
	cr.at = make([]int, len(csvColumns()))
	for e := range cr.at {
		cr.at[e] = -1
	}
	cr.extKeys = map[string]bool{}
	known := 0
	for j, raw := range rec {
		h := cr.text(raw, line, j)
		col := csvCol{header: h}
		pos := schema.Pos{File: cr.file, Line: line, Col: j + 1}
		if e, unit, ok := csvLookupHeader(h); ok && !strings.HasPrefix(h, "x-") {
			if first := cr.at[e]; first >= 0 {
				cr.probs.Warningf(schema.Root, pos, RuleCSVDuplicateColumn,
					"column %s holds %s again (first in column %d); it is kept as an extension", h, csvColumns()[e].en, first+1)
			} else {
				col.elem, col.unit = e, unit
				cr.at[e] = j
				known++
				cr.cols = append(cr.cols, col)
				continue
			}
		}
		switch {
		case h == "":
			col.ext = cr.freeExt(j)
		case strings.HasPrefix(h, "x-"):
			col.ext = h
		default:
			col.ext = "x-" + h
		}
		if cr.extKeys[col.ext] {
			key := cr.freeExt(j)
			cr.probs.Warningf(schema.Root, pos, RuleCSVDuplicateColumn, "column %s is there twice; the second is kept as %s", h, key)
			col.ext = key
		}
		cr.extKeys[col.ext] = true
		cr.cols = append(cr.cols, col)
	}
	if known == 0 {
		cr.probs.Errorf(schema.Root, schema.Pos{File: cr.file, Line: line, Col: 1}, RuleCSVHeader,
			"the header row names no matter element (want 事项名称, 事项编码, 事项类型, 实施主体, … or name, code, type, body.name, …)")
		return false
	}
	missing := func(what string, es ...csvElem) {
		for _, e := range es {
			if cr.at[e] >= 0 {
				return
			}
		}
		cr.probs.Errorf(schema.Root, schema.Pos{File: cr.file, Line: line}, RuleCSVMissingColumn, "no column for %s", what)
	}
	missing("事项编码 (code)", csvCode)
	missing("事项名称 (name)", csvName)
	missing("事项类型 (type)", csvType)
	missing("实施主体 (body.name)", csvBodyName)
	missing("行使层级 (level) or 区划代码 (areaCode)", csvLevel, csvArea)

	// Paths to columns, for locating the semantic checks' problems: an
	// element's path and each of its parents name its column, the first
	// element of a group (body, fee, delegation) naming the group's.
	cr.pathCol = map[string]int{}
	for e := range csvColumns() {
		j := cr.at[e]
		if j < 0 {
			continue
		}
		p := csvColumns()[e].path
		for k := len(p); k > 0; k-- {
			key := strings.Join(p[:k], "/")
			if _, ok := cr.pathCol[key]; !ok {
				cr.pathCol[key] = j
			}
		}
	}
	for j, c := range cr.cols {
		if c.ext != "" {
			cr.pathCol[c.ext] = j
		}
	}
	// The body code the column holds when it is not a credit code.
	if j := cr.at[csvBodyCode]; j >= 0 {
		cr.pathCol["body/"+ExtOrgCode] = j
		cr.pathCol["body/"+ExtBodyCode] = j
	}
	return true
}

// freeExt returns the extension key for column j when its header gives
// none: x-column-N, primed until no other column has it.
func (cr *csvReader) freeExt(j int) string {
	key := "x-column-" + strconv.Itoa(j+1)
	for cr.extKeys[key] {
		key += "'"
	}
	return key
}

// locate maps a problem's path to its row and column.
func (cr *csvReader) locate(p schema.Path) schema.Pos {
	segs := p.Segments()
	if len(segs) < 2 || segs[0] != "matters" {
		return schema.Pos{}
	}
	i, err := strconv.Atoi(segs[1])
	if err != nil || i < 0 || i >= len(cr.lines) {
		return schema.Pos{}
	}
	pos := schema.Pos{File: cr.file, Line: int(cr.lines[i])}
	for rest := segs[2:]; len(rest) > 0; rest = rest[:len(rest)-1] {
		if j, ok := cr.pathCol[strings.Join(rest, "/")]; ok {
			pos.Col = j + 1
			break
		}
	}
	return pos
}

// row reads one matter.
func (cr *csvReader) row(rec []string, line int) {
	if n, _ := csvNonEmpty(rec); n == 0 {
		return
	}
	cr.line = line
	cr.cells = make([]string, len(csvColumns()))
	cr.ext = cr.ext[:0]
	i := len(cr.cat.Matters)
	path := schema.Root.Key("matters").Index(i)
	for j, raw := range rec {
		if j >= len(cr.cols) {
			key := cr.freeExt(j)
			cr.extKeys[key] = true
			cr.cols = append(cr.cols, csvCol{ext: key})
		}
		c := &cr.cols[j]
		if c.ext == "" {
			cr.cells[c.elem] = cr.text(raw, line, j)
			continue
		}
		if t := strings.TrimSpace(raw); t == "" || t == "'" {
			continue // empty, or the apostrophe of an empty text
		}
		if c.header == "" && !c.warned {
			c.warned = true
			cr.probs.Warningf(path.Key(c.ext), cr.pos(j), RuleCSVUnnamedColumn,
				"column %d has no header; its cells are kept as %s", j+1, c.ext)
		}
		cr.ext = append(cr.ext, j)
	}

	cr.cat.Matters = append(cr.cat.Matters, Matter{})
	cr.lines = append(cr.lines, int32(line))
	m := &cr.cat.Matters[i]
	cr.matter(m, path)
	for _, j := range cr.ext {
		if m.Extensions == nil {
			m.Extensions = Extensions{}
		}
		c := &cr.cols[j]
		m.Extensions[c.ext] = csvExtValue(strings.HasPrefix(c.header, "x-"), cr.text(rec[j], line, j))
	}

	checkMatter(m, path, cr.locate, &cr.probs)
	// Code problems are placed on a character of the code; in a
	// spreadsheet the column is the cell's.
	var codeProbs schema.List
	checkCode(m, cr.div, path, cr.locate, &codeProbs, nil)
	for _, p := range codeProbs {
		p.Pos = cr.locate(p.Path)
	}
	cr.probs.Append(codeProbs)
	cr.ix.add(string(m.Code), path, cr.locate, &cr.probs)
	cr.ix.status(m)
}

// csvExtValue returns the JSON value of an extension cell: in a column
// headed x-, a cell that is a JSON array, object or string is that value;
// any other cell is a string.
func csvExtValue(xHeader bool, s string) json.RawMessage {
	if xHeader && s != "" && (s[0] == '[' || s[0] == '{' || s[0] == '"') && json.Valid([]byte(s)) {
		if n, probs := schema.ParseJSON("", []byte(s)); n != nil && len(probs) == 0 {
			b, _ := n.MarshalJSON()
			return b
		}
	}
	return csvJSONString(s)
}

func csvJSONString(s string) json.RawMessage {
	b, _ := (&schema.Node{Kind: schema.String, Value: s}).MarshalJSON()
	return b
}

func (cr *csvReader) pos(col int) schema.Pos {
	return schema.Pos{File: cr.file, Line: cr.line, Col: col + 1}
}

// cell returns the text of element e in the current row and whether the
// spreadsheet has a column for it.
func (cr *csvReader) cell(e csvElem) (string, bool) {
	return cr.cells[e], cr.at[e] >= 0
}

// fault reports a problem in the cell of element e.
func (cr *csvReader) fault(sev schema.Severity, path schema.Path, e csvElem, rule schema.Rule, format string, args ...any) {
	for _, k := range csvColumns()[e].path {
		path = path.Key(k)
	}
	j := cr.at[e]
	p := schema.Errorf(path, cr.pos(j), rule, "column %s: %s", cr.cols[j].header, schema.M(format, args...))
	p.Severity = sev
	cr.probs.Add(p)
}

func (cr *csvReader) errorf(path schema.Path, e csvElem, rule schema.Rule, format string, args ...any) {
	cr.fault(schema.Error, path, e, rule, format, args...)
}

func (cr *csvReader) warnf(path schema.Path, e csvElem, rule schema.Rule, format string, args ...any) {
	cr.fault(schema.Warning, path, e, rule, format, args...)
}

// str returns a string element, reporting an empty required one.
func (cr *csvReader) str(path schema.Path, e csvElem, required bool) string {
	s, ok := cr.cell(e)
	if s == "" && ok && required {
		cr.errorf(path, e, RuleCSVRequired, "the cell is empty; every matter needs %s", csvColumns()[e].en)
	}
	return strings.Clone(s)
}

// code returns a code element, checked against the schema's pattern.
func (cr *csvReader) code(path schema.Path, e csvElem, required bool) string {
	s := cr.str(path, e, required)
	if s != "" && !csvCodeForm(s) {
		if csvExcelNumber(s) {
			cr.errorf(path, e, RuleCSVValue, "%q is a number, not a code: the spreadsheet turned the code into a number; format the column as text", s)
		} else {
			cr.errorf(path, e, RuleCSVValue, "%q is not a code (letters, digits and inner hyphens, at most 80)", s)
		}
	}
	return s
}

func (cr *csvReader) enum(path schema.Path, e csvElem, t *enum) uint8 {
	s, _ := cr.cell(e)
	if s == "" {
		return 0
	}
	v, err := t.parse(s)
	if err != nil {
		cr.errorf(path, e, RuleCSVValue, "%s", strings.TrimPrefix(err.Error(), "matters: "))
	}
	return v
}

func csvSet[T ~uint8](cr *csvReader, path schema.Path, e csvElem, t *enum) Set[T] {
	var set Set[T]
	s, _ := cr.cell(e)
	for _, v := range csvSplit(s) {
		if e == csvOnline {
			if it, ok := csvDepthItems[v]; ok {
				var names []string
				for x := range it.All() {
					set = set.With(T(x))
					names = append(names, x.String())
				}
				cr.warnf(path, e, RuleCSVDepthLevel, "%s is a depth level, not a list of 网上办理深度 items; read as %s", v, strings.Join(names, "、"))
				continue
			}
		}
		x, err := t.parse(v)
		if err != nil {
			cr.errorf(path, e, RuleCSVValue, "%s", strings.TrimPrefix(err.Error(), "matters: "))
			continue
		}
		set = set.With(T(x))
	}
	return set
}

func (cr *csvReader) boolean(path schema.Path, e csvElem) (v, stated bool) {
	s, _ := cr.cell(e)
	if s == "" {
		return false, false
	}
	v, ok := csvBool(s)
	if !ok {
		cr.errorf(path, e, RuleCSVValue, "%q is not 是 or 否", s)
	}
	return v, ok
}

func (cr *csvReader) limit(path schema.Path, e, unitCol csvElem) Limit {
	s, _ := cr.cell(e)
	u, _ := cr.cell(unitCol)
	if s == "" {
		if u != "" {
			if unit, _, ok := csvUnit(u); ok && unit == Instant {
				return Limit{Unit: Instant}
			}
			cr.errorf(path, unitCol, RuleCSVValue, "a unit with no time limit")
		}
		return Limit{}
	}
	l, ambiguous, err := csvLimit(s, u, cr.cols[cr.at[e]].unit)
	if err != nil {
		rule := RuleCSVValue
		var r interface{ Rule() schema.Rule }
		if errors.As(err, &r) {
			rule = r.Rule() // a number with more places than a Quantity has, say
		}
		cr.errorf(path, e, rule, "%v", err)
		return Limit{}
	}
	if ambiguous {
		cr.warnf(path, e, RuleCSVDayUnit, "%q is read as %s 自然日: a bare 日 or 天 is ambiguous; write 工作日 or 自然日", s, l.Value)
	}
	return l
}

func (cr *csvReader) integer(path schema.Path, e csvElem) int {
	s, _ := cr.cell(e)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(csvHalfWidth(s))
	if err != nil || n < 1 {
		cr.errorf(path, e, RuleCSVValue, "%q is not a batch number (1, 2, …)", s)
		return 0
	}
	return n
}

// matter fills m from the current row.
func (cr *csvReader) matter(m *Matter, path schema.Path) {
	m.Code = MatterCodeText(cr.code(path, csvCode, true))
	m.BaseCode = MatterCodeText(cr.code(path, csvBaseCode, false))
	m.Name = cr.str(path, csvName, true)
	// Portals write 未分类 where a matter has no main item.
	if m.MainItem = cr.str(path, csvMainItem, false); m.MainItem == "未分类" {
		m.MainItem = ""
	}
	if s, ok := cr.cell(csvType); ok && s == "" {
		cr.errorf(path, csvType, RuleCSVRequired, "the cell is empty; every matter needs a type")
	}
	m.Type = Type(cr.enum(path, csvType, types))
	m.Level = Level(cr.enum(path, csvLevel, levels))
	m.Body.Name = cr.str(path, csvBodyName, true)
	cr.bodyCode(m, path)
	m.Body.Nature = BodyNature(cr.enum(path, csvBodyNature, natures))
	m.PowerSource = PowerSource(cr.enum(path, csvPowerSource, powerSources))
	m.LegalLimit = cr.limit(path, csvLegalLimit, csvLegalUnitCol)
	m.PromisedLimit = cr.limit(path, csvPromisedLimit, csvPromisedUnitCol)
	m.HandlingKind = HandlingKind(cr.enum(path, csvHandlingKind, handlingKinds))
	if s, _ := cr.cell(csvVisits); s != "" {
		if n, err := csvVisitCount(s); err != nil {
			cr.errorf(path, csvVisits, RuleCSVValue, "%v", err)
		} else {
			m.Visits = &n
		}
	}
	m.OnsiteReason = cr.str(path, csvOnsiteReason, false)
	m.Online = csvSet[OnlineItem](cr, path, csvOnline, onlineItems)
	m.Forms = csvSet[Form](cr, path, csvForms, forms)
	m.ServiceObjects = csvSet[ServiceObject](cr, path, csvServiceObjects, serviceObjects)
	if s, _ := cr.cell(csvScopes); s != "" {
		for _, v := range csvSplit(s) {
			sc, err := csvScope(v)
			if err != nil {
				cr.errorf(path, csvScopes, RuleCSVValue, "%v", err)
				continue
			}
			m.Scopes = append(m.Scopes, sc)
		}
	}
	cr.delegation(m, path)
	m.SelfService24h, _ = cr.boolean(path, csvSelfService)
	m.TolerateMissing, _ = cr.boolean(path, csvTolerateMissing)
	m.InHall, _ = cr.boolean(path, csvInHall)
	cr.fee(m, path)
	cr.area(m, path)
	cols := csvColumns()
	for e := csvElems; int(e) < len(cols); e++ {
		if s, _ := cr.cell(e); s != "" {
			if err := cols[e].col.SetText(m, strings.Clone(s)); err != nil {
				cr.errorf(path, e, RuleCSVValue, "%s", strings.TrimPrefix(err.Error(), "matters: "))
			}
		}
	}
}

// bodyCode files the body's code: a unified social credit code where the
// schema has it, an organisation code (GB 11714) as body extension
// x-orgCode, anything else as x-bodyCode. The semantic checks report the
// last two (matter.body-org-code, matter.body-code), as they do for a
// document holding the same extensions.
func (cr *csvReader) bodyCode(m *Matter, path schema.Path) {
	s, _ := cr.cell(csvBodyCode)
	switch {
	case s == "":
		return
	case csvCreditForm(s):
		m.Body.CreditCode = CreditCodeText(strings.Clone(s))
		return
	}
	key := ExtBodyCode
	if _, err := ParseOrgCode(s); err == nil {
		key = ExtOrgCode
	}
	m.Body.Extensions = Extensions{key: csvJSONString(s)}
}

// anyFilled reports whether the row has a cell filled among those of the
// elements es, an optional group of columns.
func (cr *csvReader) anyFilled(es ...csvElem) bool {
	for _, e := range es {
		if s, _ := cr.cell(e); s != "" {
			return true
		}
	}
	return false
}

func (cr *csvReader) delegation(m *Matter, path schema.Path) {
	if !cr.anyFilled(csvDelegationTo, csvDelegationBatch, csvDelegationDocument) {
		return
	}
	doc, _ := cr.cell(csvDelegationDocument)
	g := &Delegation{Document: strings.Clone(doc)}
	g.To = Level(cr.enum(path, csvDelegationTo, levels))
	if g.To != 0 && g.To != Township && g.To != Village {
		cr.errorf(path, csvDelegationTo, RuleCSVValue, "matters are delegated to 乡镇级 or 村(社区)级, not %s", g.To)
	}
	g.Batch = cr.integer(path, csvDelegationBatch)
	if g.To != 0 || g.Batch != 0 || g.Document != "" {
		m.Delegation = g
	}
}

func (cr *csvReader) fee(m *Matter, path schema.Path) {
	if !cr.anyFilled(csvFeeCharged, csvFeeBasis, csvFeeItems) {
		return
	}
	basis, _ := cr.cell(csvFeeBasis)
	items, _ := cr.cell(csvFeeItems)
	f := &Fee{Basis: strings.Clone(basis)}
	f.Charged, _ = cr.boolean(path, csvFeeCharged)
	for _, it := range csvSplitItems(items) {
		f.Items = append(f.Items, strings.Clone(it))
	}
	m.Fee = f
}

// area reads 区划代码: the first one is the catalogue's division, and it
// gives the level of rows that state none.
func (cr *csvReader) area(m *Matter, path schema.Path) {
	s, _ := cr.cell(csvArea)
	var lvl Level
	if s != "" {
		l, err := csvAreaLevel(s)
		switch {
		case err != nil && csvExcelNumber(s):
			cr.errorf(path, csvArea, RuleCSVValue, "%q is a number, not a division code: the spreadsheet turned the code into a number; format the column as text", s)
		case err != nil:
			cr.errorf(path, csvArea, RuleCSVValue, "%s", strings.TrimPrefix(err.Error(), "matters: "))
		case cr.cat.Division.Code == "":
			cr.cat.Division.Code = strings.Clone(s)
			cr.div, _ = ParseDivisionCode(s)
			lvl = l
		case cr.cat.Division.Code != s:
			cr.warnf(path, csvArea, RuleCSVAreaMismatch, "%s is not the catalogue's division %s (from the first row); kept as %s", s, cr.cat.Division.Code, ExtAreaCode)
			if m.Extensions == nil {
				m.Extensions = Extensions{}
			}
			m.Extensions[ExtAreaCode] = csvJSONString(s)
			lvl = l
		default:
			lvl = l
		}
	} else if cr.div.IsValid() {
		lvl, _ = csvAreaLevel(cr.cat.Division.Code)
	}
	if m.Level != 0 {
		return
	}
	if s, ok := cr.cell(csvLevel); ok && s != "" {
		return // reported as a bad value
	}
	if lvl != 0 {
		m.Level = lvl
		return
	}
	switch {
	case cr.at[csvLevel] >= 0:
		cr.errorf(path, csvLevel, RuleCSVRequired, "the cell is empty and no 区划代码 gives the level; every matter needs a level")
	case cr.at[csvArea] >= 0:
		j := cr.at[csvArea]
		cr.probs.Errorf(path.Key("level"), cr.pos(j), RuleCSVRequired,
			"column %s: the cell is empty and there is no 行使层级 column; every matter needs a level", cr.cols[j].header)
	}
}
