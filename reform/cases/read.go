package cases

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"maps"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/workday"
	"github.com/zwfw/zwfw/schema"
)

// Rules of the problems reading case records reports.
const (
	RuleRead           schema.Rule = "cases.read"        // the input cannot be read, or is not CSV / JSON Lines
	RuleFormat         schema.Rule = "cases.format"      // a format this package does not read (.xlsx: see caseswb)
	RuleEncoding       schema.Rule = "cases.encoding"    // UTF-16, or bytes that are not text
	RuleHeader         schema.Rule = "cases.header"      // a required column is missing, or a column twice
	RuleMissing        schema.Rule = "cases.missing"     // a cell the case's status needs is empty
	RuleEnum           schema.Rule = "cases.enum"        // a status, channel, … that is not a known term
	RuleTimestamp      schema.Rule = "cases.timestamp"   // a cell that is not a timestamp
	RuleLimit          schema.Rule = "cases.limit"       // a promised limit that cannot be read
	RuleSuspension     schema.Rule = "cases.suspension"  // a suspension period that cannot be read
	RuleUnknownKey     schema.Rule = "cases.unknown-key" // a JSON Lines member the format does not have
	RuleTooMany        schema.Rule = "cases.too-many-problems"
	RuleCompletedEarly schema.Rule = "cases.completed-before-accepted" // warning
	RuleClosedDay      schema.Rule = "cases.closed-day"                // warning: a window timestamp on a day the hall was closed
	RuleUnknownYear    schema.Rule = "cases.calendar"                  // warning: a date outside the calendar's years
)

// field is one element of a case record.
type field uint8

const (
	fID field = iota
	fMatterCode
	fMatterName
	fDepartment
	fWindow
	fUnit
	fApplicant
	fApplied
	fAccepted
	fCompleted
	fStatus
	fLimit
	fLimitUnit
	fChannel
	fResult
	fSuspensions
	fEvaluation
	nFields
)

// columns gives each field its Chinese header (what exports write first),
// its JSON Lines key, and the other headers exports use.
var columns = [nFields]struct {
	zh, key string
	alias   []string
}{
	fID:          {"办件编号", "id", []string{"办件号", "办件流水号", "申办流水号", "业务流水号", "流水号", "受理编号"}},
	fMatterCode:  {"事项编码", "matterCode", []string{"实施编码", "业务办理项编码", "事项代码", "实施清单编码", "code"}},
	fMatterName:  {"事项名称", "matterName", []string{"业务办理项名称", "办理事项", "申请事项", "name"}},
	fDepartment:  {"受理部门", "department", []string{"部门", "部门名称", "承办部门", "办理部门", "实施主体", "实施部门"}},
	fWindow:      {"受理窗口", "window", []string{"窗口", "窗口名称", "办理窗口"}},
	fUnit:        {"所属单位", "unit", []string{"单位", "所属区县", "区县", "所属区划", "行政区划名称"}},
	fApplicant:   {"申请人类型", "applicant", []string{"申请人性质", "申请主体类型", "服务对象"}},
	fApplied:     {"申请时间", "applied", []string{"申报时间", "提交时间", "申请日期"}},
	fAccepted:    {"受理时间", "accepted", []string{"受理日期"}},
	fCompleted:   {"办结时间", "completed", []string{"办结日期", "办理完成时间", "完成时间"}},
	fStatus:      {"办件状态", "status", []string{"状态", "当前状态", "办理状态"}},
	fLimit:       {"承诺时限", "limit", []string{"承诺办结时限", "承诺期限"}},
	fLimitUnit:   {"时限单位", "limitUnit", []string{"承诺时限单位", "期限单位"}},
	fChannel:     {"办理渠道", "channel", []string{"申报渠道", "申请渠道", "办理方式", "受理方式"}},
	fResult:      {"办理结果", "result", []string{"办结结果", "审批结果"}},
	fSuspensions: {"暂停时段", "suspensions", []string{"挂起时段", "特别程序时段", "特别程序", "挂起"}},
	fEvaluation:  {"评价结果", "evaluation", []string{"好差评", "评价", "评价等级", "满意度"}},
}

// required are the columns without which no figure can be computed.
var required = []field{fID, fDepartment, fStatus, fAccepted}

var headerIndex = func() map[string]field {
	m := map[string]field{}
	for f, c := range columns {
		for _, h := range append([]string{c.zh, c.key}, c.alias...) {
			m[matters.NormalizeHeader(h)] = field(f)
		}
	}
	return m
}()

// Header returns the Chinese column headers a CSV export is written with,
// in the order [WriteCSV] writes them.
func Header() []string {
	out := make([]string, nFields)
	for f := range columns {
		out[f] = columns[f].zh
	}
	return out
}

// DecodeOptions tune a [Decoder]. The zero value is ready to use.
type DecodeOptions struct {
	// Calendar, when set, is used to note window timestamps on days the
	// hall was closed and dates outside the calendar's years.
	Calendar *workday.Calendar
	// MaxProblems caps the problems kept (default 1000); beyond it they are
	// counted by rule and summed up in one last problem.
	MaxProblems int
	// Comma is the CSV field separator; zero means ','.
	Comma rune
}

// Decoder reads case records one at a time from a CSV export (UTF-8, with
// or without byte-order mark, or GB18030) or JSON Lines, in memory
// independent of the number of records.
type Decoder struct {
	r          io.Reader
	name       string
	opts       DecodeOptions
	probs      schema.List
	over       map[schema.Rule]int64 // problems past the cap, by rule
	rows, bad  int64
	c          Case
	gb         bool
	limits     map[string]limitValue    // by the text of the limit's two cells
	key        []byte                   // the key of limits being looked up
	names      map[string]string        // the names read, each kept once
	last       [nFields]string          // the name last read in each column
	remembered int                      // bytes of names and limits' keys
	table      iter.Seq2[int, []string] // rows read elsewhere (NewRowDecoder)
	csvOnly    bool                     // every record read by encoding/csv (tests)
}

// NewDecoder returns a decoder reading from r; name is used in problem
// positions, and its extension says the format (.csv, .jsonl, .ndjson,
// .json); other names are sniffed: a first character '{' is JSON Lines.
// opts may be nil.
func NewDecoder(r io.Reader, name string, opts *DecodeOptions) *Decoder {
	d := &Decoder{r: r, name: name}
	if opts != nil {
		d.opts = *opts
	}
	if d.opts.MaxProblems <= 0 {
		d.opts.MaxProblems = 1000
	}
	return d
}

// Problems returns the problems found so far, sorted.
func (d *Decoder) Problems() schema.List {
	out := append(schema.List(nil), d.probs...)
	out.Sort()
	for _, rule := range slices.Sorted(maps.Keys(d.over)) {
		out.Add(schema.Warningf(schema.Root, schema.Pos{File: d.name}, RuleTooMany, "%d more problems of rule %s not listed", d.over[rule], rule))
	}
	return out
}

// Counts returns the number of records read and how many of them were
// left out for errors.
func (d *Decoder) Counts() (records, skipped int64) { return d.rows, d.bad }

func (d *Decoder) add(p *schema.Problem) {
	if len(d.probs) >= d.opts.MaxProblems {
		if d.over == nil {
			d.over = map[schema.Rule]int64{}
		}
		d.over[p.Rule]++
		return
	}
	d.probs.Add(p)
}

// Cases returns an iterator over the records that could be read; a record
// with an error is reported and left out. The *Case is reused: copy it to
// keep it. A Decoder reads its input once.
func (d *Decoder) Cases() iter.Seq[*Case] {
	return func(yield func(*Case) bool) {
		if t := d.table; t != nil {
			d.table = nil
			d.rowTable(t, yield)
			return
		}
		if d.r == nil {
			return
		}
		r := d.r
		d.r = nil
		switch strings.ToLower(filepath.Ext(d.name)) {
		case ".xlsx", ".xls", ".et":
			d.add(schema.Errorf(schema.Root, schema.Pos{File: d.name}, RuleFormat,
				"cases: workbooks are read by package caseswb (.xlsx); save an .xls or .et sheet as .xlsx or CSV"))
			return
		case ".jsonl", ".ndjson", ".json":
			d.jsonLines(r, yield)
			return
		case ".csv", ".txt":
			d.csv(r, yield)
			return
		}
		br := bufio.NewReaderSize(r, 16<<10)
		for {
			b, err := br.Peek(1)
			if err != nil {
				d.csv(br, yield)
				return
			}
			if b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n' {
				br.Discard(1)
				continue
			}
			if b[0] == '{' {
				d.jsonLines(br, yield)
			} else {
				d.csv(br, yield)
			}
			return
		}
	}
}

// source strips a UTF-8 byte-order mark, refuses UTF-16, and decodes
// GB18030 when the first 16 KiB are not UTF-8.
func (d *Decoder) source(r io.Reader) (io.Reader, bool) {
	src, gb, utf16 := schema.CSVText(r)
	if utf16 {
		d.add(schema.Errorf(schema.Root, schema.Pos{File: d.name, Line: 1, Col: 1}, RuleEncoding,
			"cases: the file is UTF-16; save it as CSV UTF-8 or plain CSV"))
		return nil, false
	}
	d.gb = gb
	return src, true
}

func (d *Decoder) pos(line, col int) schema.Pos {
	return schema.Pos{File: d.name, Line: line, Col: col}
}

// cellPos is where a cell was read; a Pos without the file name, so that
// filling one per cell costs no pointer writes.
type cellPos struct{ line, col int32 }

func (d *Decoder) at(p cellPos) schema.Pos {
	return schema.Pos{File: d.name, Line: int(p.line), Col: int(p.col)}
}

// csvRow is one record of a CSV file as the reading stage hands it over,
// its cells trimmed.
type csvRow struct {
	line  int
	cells []string
	err   error // a record that is not CSV
}

// rowBatch is how many rows the reading goroutine hands over at a time:
// enough to make the hand-over cheap, few enough to keep memory flat.
const rowBatch = 4096

// readRows reads CSV records with encoding/csv, for what a lineReader
// leaves, and trims their cells. With more than one CPU it does so on a
// goroutine of its own, a batch ahead of the caller, who decodes and
// counts: encoding/csv's reading costs about as much as those.
func readRows(rd *csv.Reader, lim *schema.RowLimit, yield func(*csvRow) bool) {
	read := func(row *csvRow, flat []string) []string {
		rec, err := rd.Read()
		lim.Mark()
		row.err = err
		if err != nil {
			return flat
		}
		row.line, _ = rd.FieldPos(0)
		start := len(flat)
		for _, c := range rec {
			flat = append(flat, trim(c))
		}
		row.cells = flat[start:len(flat):len(flat)]
		return flat
	}
	if runtime.GOMAXPROCS(0) < 2 {
		var row csvRow
		var flat []string
		for {
			flat = read(&row, flat[:0])
			if row.err == io.EOF || !yield(&row) || row.err != nil && !isParseError(row.err) {
				return
			}
		}
	}
	type batch struct {
		rows []csvRow
		flat []string
	}
	full, free := make(chan *batch, 2), make(chan *batch, 3)
	for range 3 {
		free <- &batch{rows: make([]csvRow, 0, rowBatch)}
	}
	done := make(chan struct{})
	go func() {
		defer close(full)
		for {
			var b *batch
			select {
			case b = <-free:
			case <-done:
				return
			}
			b.rows, b.flat = b.rows[:0], b.flat[:0]
			last := false
			for len(b.rows) < rowBatch {
				b.rows = append(b.rows, csvRow{})
				row := &b.rows[len(b.rows)-1]
				b.flat = read(row, b.flat)
				if row.err == io.EOF {
					b.rows = b.rows[:len(b.rows)-1]
					last = true
					break
				}
				if row.err != nil && !isParseError(row.err) {
					last = true
					break
				}
			}
			select {
			case full <- b:
			case <-done:
				return
			}
			if last {
				return
			}
		}
	}()
	defer close(done)
	for b := range full {
		for i := range b.rows {
			if !yield(&b.rows[i]) {
				return
			}
		}
		free <- b
	}
}

func isParseError(err error) bool {
	var pe *csv.ParseError
	return errors.As(err, &pe) && !errors.Is(err, errRowTooLong)
}

// MaxRow is the longest CSV record read, in bytes: a file with no line
// ends is refused rather than held whole.
const MaxRow = 1 << 20

var errRowTooLong = errorf("", "a row is longer than %d bytes", MaxRow)

func (d *Decoder) csv(r io.Reader, yield func(*Case) bool) {
	src, ok := d.source(r)
	if !ok {
		return
	}
	lim := &schema.RowLimit{R: src, Max: MaxRow, Err: errRowTooLong}
	comma := d.opts.Comma
	if comma == 0 {
		comma = ','
	}
	var st csvState
	csvRows(bufio.NewReaderSize(lim, lineBuffer), comma, !d.csvOnly, lim,
		func(rec [][]byte, line int) bool { return csvRecord(d, &st, rec, line, yield) },
		func(row *csvRow) bool {
			if err := row.err; err != nil {
				var pe *csv.ParseError
				if errors.As(err, &pe) && !errors.Is(err, errRowTooLong) {
					d.add(schema.Errorf(schema.Root, d.pos(pe.StartLine, pe.Column), RuleRead, "cases: row is not CSV: %v", schema.CSVCause(pe.Err)))
					d.bad++
					return true
				}
				d.add(schema.Errorf(schema.Root, d.pos(st.lastLine+1, 1), RuleRead, "cases: cannot read on: %v", schema.CSVCause(err)))
				return false
			}
			return csvRecord(d, &st, row.cells, row.line, yield)
		})
	if !st.header {
		d.add(schema.Errorf(schema.Root, d.pos(1, 1), RuleHeader, "cases: no header row (want %s, …)", strings.Join(Header()[:5], ", ")))
	}
}

// csvRows reads the CSV records of br: those on one line with a
// lineReader (unless lines is false), handing their cells to fast; from
// the first other one on with encoding/csv, handing its rows to slow,
// their lines and those of their errors counted from the start of the
// input. Either stops the reading by returning false.
func csvRows(br *bufio.Reader, comma rune, lines bool, lim *schema.RowLimit, fast func([][]byte, int) bool, slow func(*csvRow) bool) {
	before := 0 // lines read before encoding/csv takes over
	if lines && lineComma(comma) {
		lr := newLineReader(br, byte(comma))
		for {
			rec, line, err := lr.next()
			lim.Mark()
			switch {
			case err == io.EOF:
				return
			case err == errHandOver:
				before = lr.line
			case err != nil:
				slow(&csvRow{line: lr.line + 1, err: err})
				return
			case fast(rec, line):
				continue
			default:
				return
			}
			break
		}
	}
	rd := csv.NewReader(br)
	rd.Comma = comma
	rd.FieldsPerRecord = -1
	rd.ReuseRecord = true
	readRows(rd, lim, func(row *csvRow) bool {
		row.line += before
		if pe, ok := row.err.(*csv.ParseError); ok && before > 0 {
			moved := *pe
			moved.StartLine += before
			moved.Line += before
			row.err = &moved
		}
		return slow(row)
	})
}

// csvState is what reading a CSV file keeps from row to row.
type csvState struct {
	header   bool         // the header has been read
	at       [nFields]int // the column of each field, -1 when absent
	lastLine int
}

// csvRecord decodes one CSV record, the header first, and yields the
// case it holds; it reports false to stop.
func csvRecord[S ~string | ~[]byte](d *Decoder, st *csvState, rec []S, line int, yield func(*Case) bool) bool {
	st.lastLine = line
	filled := false
	for j, c := range rec {
		if t := trim(c); len(t) != len(c) {
			c, rec[j] = t, t
		}
		filled = filled || len(c) > 0
	}
	if !filled {
		return true
	}
	if !st.header {
		st.header = true
		h := make([]string, len(rec))
		for j, c := range rec {
			h[j] = string(c)
		}
		return d.header(h, line, &st.at)
	}
	var cells [nFields]S
	var poss [nFields]cellPos
	for f := range cells {
		if j := st.at[f]; j >= 0 && j < len(rec) {
			cells[f], poss[f] = rec[j], cellPos{int32(line), int32(j + 1)}
		} else {
			poss[f] = cellPos{int32(line), 0}
		}
	}
	if d.gb {
		for f := range cells {
			if containsRuneError(cells[f]) {
				d.add(schema.Errorf(schema.Root.Key("cases").Index(int(d.rows)).Key(columns[f].key), d.at(poss[f]), RuleEncoding, "cases: cell holds bytes that are not GB18030 text"))
			}
		}
	}
	return !build(d, &cells, &poss, nil) || yield(&d.c)
}

// NewRowDecoder returns a decoder over rows read elsewhere, a workbook's
// sheet: rows yields each row's number (the line of its problems) and its
// cells, column 1 first (the decoder may change them). The rows are
// decoded as CSV records are, header aliases, timestamps, limits and
// terms alike; rows before the header with fewer than two cells filled
// are titles and skipped. name is the file of problem positions
// ("april.xlsx[办件]"). opts may be nil.
func NewRowDecoder(rows iter.Seq2[int, []string], name string, opts *DecodeOptions) *Decoder {
	d := NewDecoder(nil, name, opts)
	d.table = rows
	return d
}

// IsHeader reports whether cells are a header row of case records: they
// name every required column and the matter's code or name.
func IsHeader(cells []string) bool {
	var seen [nFields]bool
	for _, h := range cells {
		if f, ok := headerIndex[matters.NormalizeHeader(h)]; ok {
			seen[f] = true
		}
	}
	for _, f := range required {
		if !seen[f] {
			return false
		}
	}
	return seen[fMatterCode] || seen[fMatterName]
}

// HeaderKey returns the JSON key (the /cases/N/key of problem paths) of
// the column a header names, and whether it names one.
func HeaderKey(h string) (string, bool) {
	f, ok := headerIndex[matters.NormalizeHeader(h)]
	if !ok {
		return "", false
	}
	return columns[f].key, true
}

func (d *Decoder) rowTable(rows iter.Seq2[int, []string], yield func(*Case) bool) {
	var at [nFields]int
	header := false
	var cells [nFields]string
	var poss [nFields]cellPos
	for line, rec := range rows {
		n := 0
		for j, c := range rec {
			rec[j] = trim(c)
			if rec[j] != "" {
				n++
			}
		}
		if n == 0 || !header && n < 2 {
			continue
		}
		if !header {
			header = true
			if !d.header(rec, line, &at) {
				return
			}
			continue
		}
		for f := range cells {
			if j := at[f]; j >= 0 && j < len(rec) {
				cells[f], poss[f] = strings.ToValidUTF8(rec[j], "\uFFFD"), cellPos{int32(line), int32(j + 1)}
			} else {
				cells[f], poss[f] = "", cellPos{int32(line), 0}
			}
		}
		if build(d, &cells, &poss, nil) && !yield(&d.c) {
			return
		}
	}
	if !header {
		d.add(schema.Errorf(schema.Root, d.pos(1, 1), RuleHeader, "cases: no header row (want %s, …)", strings.Join(Header()[:5], ", ")))
	}
}

// trim is strings.TrimSpace, of a string or a cell's bytes, without its
// slow path for the common cell that starts and ends with a character
// that is not a space.
func trim[S ~string | ~[]byte](s S) S {
	if len(s) == 0 {
		return s
	}
	// Most cells start and end with a printable ASCII character or a CJK
	// ideograph (lead byte E4–E9 and two continuation bytes); neither is
	// ever a space, nor is what a lead byte E4–E9 starts when it is not
	// followed by continuation bytes.
	n := len(s)
	if (s[0] > ' ' && s[0] < utf8.RuneSelf || s[0] >= 0xE4 && s[0] <= 0xE9) &&
		(s[n-1] > ' ' && s[n-1] < utf8.RuneSelf ||
			n >= 3 && s[n-3] >= 0xE4 && s[n-3] <= 0xE9 && s[n-2]&0xC0 == 0x80 && s[n-1]&0xC0 == 0x80) {
		return s
	}
	for len(s) > 0 {
		// A string of at most utf8.UTFMax bytes is made without allocating.
		r, size := utf8.DecodeRuneInString(string(s[:min(len(s), utf8.UTFMax)]))
		if !isSpace(r) {
			break
		}
		s = s[size:]
	}
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(string(s[max(0, len(s)-utf8.UTFMax):]))
		if !isSpace(r) {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}

// isSpace is unicode.IsSpace, quick for ASCII and for CJK characters (no
// space lies above U+3000).
func isSpace(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r == ' ' || r >= '\t' && r <= '\r'
	case r > 0x3000:
		return false
	}
	return unicode.IsSpace(r)
}

func (d *Decoder) header(rec []string, line int, at *[nFields]int) bool {
	for f := range at {
		at[f] = -1
	}
	for j, h := range rec {
		f, ok := headerIndex[matters.NormalizeHeader(h)]
		if !ok {
			continue // other columns of an export are not needed
		}
		if at[f] >= 0 {
			d.add(schema.Errorf(schema.Root, d.pos(line, j+1), RuleHeader, "cases: column %s holds %s again (first in column %d)", h, columns[f].zh, at[f]+1))
			continue
		}
		at[f] = j
	}
	ok := true
	for _, f := range required {
		if at[f] < 0 {
			d.add(schema.Errorf(schema.Root, d.pos(line, 1), RuleHeader, "cases: the header has no column %s", columns[f].zh))
			ok = false
		}
	}
	if at[fMatterCode] < 0 && at[fMatterName] < 0 {
		d.add(schema.Errorf(schema.Root, d.pos(line, 1), RuleHeader, "cases: the header has neither %s nor %s", columns[fMatterCode].zh, columns[fMatterName].zh))
		ok = false
	}
	return ok
}

// build fills d.c from the cells of one record, a string or the bytes of
// each, and reports whether it can be counted. sus, for JSON Lines, holds
// suspensions already read. Cells are checked to be UTF-8 only where they
// are not already known: a term, a timestamp, a limit or a name seen
// before is.
func build[S ~string | ~[]byte](d *Decoder, cells *[nFields]S, poss *[nFields]cellPos, sus []Suspension) bool {
	i := int(d.rows)
	d.rows++
	at := func(f field) schema.Path { return schema.Root.Key("cases").Index(i).Key(columns[f].key) }
	ok := true
	errf := func(f field, rule schema.Rule, format string, args ...any) {
		// The English text has the package's prefix, as every problem of
		// the package does; the Chinese is the message alone.
		p := schema.Errorf(at(f), d.at(poss[f]), rule, format, args...)
		p.Message = "cases: " + p.Message
		d.add(p)
		ok = false
	}
	// checked returns cell f with bytes that are not UTF-8 reported and
	// replaced.
	checked := func(f field) S {
		if !validUTF8(cells[f]) {
			d.add(schema.Errorf(at(f), d.at(poss[f]), RuleEncoding, "cases: cell holds bytes that are not UTF-8 text"))
			cells[f] = S(strings.ToValidUTF8(string(cells[f]), "\uFFFD"))
		}
		return cells[f]
	}
	// name returns the text of cell f, the same string for the same text
	// of every record: an export names few matters, departments, windows
	// and units.
	name := func(f field) string {
		s := cells[f]
		if len(s) == 0 {
			return ""
		}
		if v := d.last[f]; string(s) == v {
			return v
		}
		v, ok := d.names[string(s)]
		if !ok {
			v = strings.Clone(string(checked(f)))
			d.remember()
			d.names[v] = v
			d.remembered += len(v)
		}
		d.last[f] = v
		return v
	}
	c := &d.c
	susp := c.Suspensions[:0]
	*c = Case{
		ID: string(checked(fID)), MatterCode: name(fMatterCode), MatterName: name(fMatterName),
		Department: name(fDepartment), Window: name(fWindow), Unit: name(fUnit),
	}
	if c.ID == "" {
		errf(fID, RuleMissing, "办件编号 is empty")
	}
	if c.MatterCode == "" && c.MatterName == "" {
		errf(fMatterCode, RuleMissing, "neither 事项编码 nor 事项名称 is given")
	}
	if c.Department == "" {
		errf(fDepartment, RuleMissing, "受理部门 is empty")
	}
	enumCell := func(f field, e *enum) uint8 {
		if len(cells[f]) == 0 {
			return 0
		}
		if v, ok := lookup(e, cells[f]); ok {
			return v
		}
		v, err := e.parse(string(checked(f)))
		if err != nil {
			errf(f, RuleEnum, "%s: %v", columns[f].zh, unprefixed(err))
		}
		return v
	}
	c.Status = Status(enumCell(fStatus, statuses))
	if c.Status == 0 && len(cells[fStatus]) == 0 {
		errf(fStatus, RuleMissing, "办件状态 is empty")
	}
	c.Applicant = Applicant(enumCell(fApplicant, applicants))
	c.Channel = Channel(enumCell(fChannel, channels))
	c.Result = Result(enumCell(fResult, results))
	c.Evaluation = Evaluation(enumCell(fEvaluation, evaluations))
	timeCell := func(f field) time.Time {
		t, err := parseTime(cells[f])
		if err != nil {
			errf(f, RuleTimestamp, "%s %q is %v", columns[f].zh, string(checked(f)), err)
		}
		return t
	}
	c.Applied, c.Accepted, c.Completed = timeCell(fApplied), timeCell(fAccepted), timeCell(fCompleted)
	if len(cells[fLimit]) > 0 || len(cells[fLimitUnit]) > 0 {
		l, err := limitOf(d, cells, checked)
		if err != nil {
			errf(fLimit, RuleLimit, "承诺时限: %v", err)
		} else if l.Unit != matters.Instant && l.Value.Sign() < 0 {
			errf(fLimit, RuleLimit, "承诺时限 %s is negative", l)
		}
		c.Limit = l
	}
	if sus != nil {
		c.Suspensions = append(susp, sus...)
	} else if len(cells[fSuspensions]) > 0 {
		c.Suspensions = susp
		for _, part := range strings.FieldsFunc(string(checked(fSuspensions)), func(r rune) bool { return r == ';' || r == '；' || r == '\n' }) {
			a, b, found := strings.Cut(part, "~")
			if !found {
				a, b, found = strings.Cut(part, "至")
			}
			from, err1 := ParseTime(a)
			to, err2 := ParseTime(b)
			if !found || err1 != nil || err2 != nil || from.IsZero() || to.IsZero() || to.Before(from) {
				errf(fSuspensions, RuleSuspension, "暂停时段 %q: want periods written 2021-04-12 09:00~2021-04-14 17:00, separated by ;", strings.TrimSpace(part))
				break
			}
			c.Suspensions = append(c.Suspensions, Suspension{From: from, To: to})
		}
	} else {
		c.Suspensions = susp
	}
	if c.Status != 0 && c.Status != Applied && c.Status != NotAccepted && c.Status != Void && c.Accepted.IsZero() && len(cells[fAccepted]) == 0 {
		errf(fAccepted, RuleMissing, "a case in status %s has no 受理时间", c.Status)
	}
	if c.Status == Completed && c.Completed.IsZero() && len(cells[fCompleted]) == 0 {
		errf(fCompleted, RuleMissing, "a case in status 办结 has no 办结时间")
	}
	if !ok {
		d.bad++
		return false
	}
	if !c.Completed.IsZero() && !c.Accepted.IsZero() && c.Completed.Before(c.Accepted) {
		d.add(schema.Warningf(at(fCompleted), d.at(poss[fCompleted]), RuleCompletedEarly,
			"cases: 办结时间 %s is before 受理时间 %s; its handling time is not counted", c.Completed.Format(time.DateTime), c.Accepted.Format(time.DateTime)))
	}
	if cal := d.opts.Calendar; cal != nil {
		for _, f := range [...]field{fAccepted, fCompleted} {
			t := c.Accepted
			if f == fCompleted {
				t = c.Completed
			}
			if t.IsZero() {
				continue
			}
			day := workday.DateOf(t)
			works, err := cal.IsWorkday(day)
			switch {
			case err != nil:
				d.add(schema.Warningf(at(f), d.at(poss[f]), RuleUnknownYear, "cases: %s %s: %v; its limit is not checked", columns[f].zh, day, err))
			case !works && c.Channel != Online:
				name, _, _ := cal.Holiday(day)
				if name == "" {
					name = "周末"
				}
				d.add(schema.Warningf(at(f), d.at(poss[f]), RuleClosedDay, "cases: %s %s falls on a day the hall was closed (%s, %s)", columns[f].zh, day, name, weekdayZH[day.Weekday()]))
			}
		}
	}
	return true
}

// remember makes room for a name or a limit to be remembered.
func (d *Decoder) remember() {
	if d.names == nil || d.remembered > maxRemembered {
		d.names, d.limits, d.remembered = map[string]string{}, map[string]limitValue{}, 0
	}
}

// maxRemembered bounds the bytes of the names and limits a Decoder
// remembers; past it, it starts afresh.
const maxRemembered = 4 << 20

// validUTF8 is utf8.Valid of a string or a cell's bytes.
func validUTF8[S ~string | ~[]byte](s S) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		// The ranges of a second byte after each first byte, as in the
		// table of Unicode 15 §3.9 (D92); later bytes are 80–BF.
		lo, hi, n := byte(0x80), byte(0xBF), 0
		switch {
		case c >= 0xC2 && c <= 0xDF:
			n = 2
		case c == 0xE0:
			lo, n = 0xA0, 3
		case c == 0xED:
			hi, n = 0x9F, 3
		case c >= 0xE1 && c <= 0xEF:
			n = 3
		case c == 0xF0:
			lo, n = 0x90, 4
		case c >= 0xF1 && c <= 0xF3:
			n = 4
		case c == 0xF4:
			hi, n = 0x8F, 4
		default:
			return false
		}
		if i+n > len(s) || s[i+1] < lo || s[i+1] > hi {
			return false
		}
		for k := 2; k < n; k++ {
			if s[i+k] < 0x80 || s[i+k] > 0xBF {
				return false
			}
		}
		i += n
	}
	return true
}

// containsRuneError reports whether s holds U+FFFD, what a GB18030
// decoder writes for bytes that are not GB18030.
func containsRuneError[S ~string | ~[]byte](s S) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == 0xEF && s[i+1] == 0xBF && s[i+2] == 0xBD {
			return true
		}
	}
	return false
}

type limitValue struct {
	l   matters.Limit
	err error
}

// limit reads the promised limit of a record's cells; an export holds few
// distinct ones, so they are remembered, by the text of both cells.
func limitOf[S ~string | ~[]byte](d *Decoder, cells *[nFields]S, checked func(field) S) (matters.Limit, error) {
	key := func(value, unit S) []byte {
		d.key = binary.AppendUvarint(d.key[:0], uint64(len(value)))
		d.key = append(append(d.key, value...), unit...)
		return d.key
	}
	if v, ok := d.limits[string(key(cells[fLimit], cells[fLimitUnit]))]; ok {
		return v.l, v.err
	}
	value, unit := string(checked(fLimit)), string(checked(fLimitUnit))
	l, err := matters.ParseLimit(value, unit)
	if value == "" {
		// 即办 is often written in the unit column alone.
		l, err = matters.ParseLimit(unit, "")
		if err == nil && l.Unit != matters.Instant {
			err = errorf("", "%s gives a unit but 承诺时限 is empty", columns[fLimitUnit].zh)
		}
	}
	d.remember()
	k := string(key(cells[fLimit], cells[fLimitUnit]))
	d.limits[k] = limitValue{l, err}
	d.remembered += len(k)
	return l, err
}

var weekdayZH = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// MaxLine is the longest JSON Lines record read, in bytes.
const MaxLine = 1 << 20

func (d *Decoder) jsonLines(r io.Reader, yield func(*Case) bool) {
	src, ok := d.source(r)
	if !ok {
		return
	}
	sc := bufio.NewScanner(src)
	sc.Buffer(make([]byte, 64<<10), MaxLine)
	keyField := map[string]field{}
	for f, c := range columns {
		keyField[c.key] = field(f)
	}
	var cells [nFields]string
	var poss [nFields]cellPos
	line := 0
	for sc.Scan() {
		line++
		text := sc.Bytes()
		if len(bytes.TrimSpace(text)) == 0 {
			continue
		}
		base := schema.Root.Key("cases").Index(int(d.rows))
		n, probs := schema.ParseJSON(d.name, text)
		for _, p := range probs {
			p.Pos.Line = line
			p.Path = base
			if p.Rule == "" {
				p.Rule = RuleRead
			}
			d.add(p)
		}
		if probs.Err() != nil || n == nil {
			d.rows++
			d.bad++
			continue
		}
		if n.Kind != schema.Object {
			d.add(schema.Errorf(base, d.pos(line, n.Pos.Col), RuleRead, "cases: a JSON Lines record is an object, not %s", n.Kind))
			d.rows++
			d.bad++
			continue
		}
		for f := range cells {
			cells[f], poss[f] = "", cellPos{int32(line), 1}
		}
		var sus []Suspension
		good := true
		for _, m := range n.Fields {
			f, known := keyField[m.Key]
			p := m.Value.Pos
			p.Line = line
			switch {
			case !known && strings.HasPrefix(m.Key, "x-"):
				continue
			case !known:
				kp := m.KeyPos
				kp.Line = line
				d.add(schema.Errorf(base.Key(m.Key), kp, RuleUnknownKey, "cases: unknown member %q", m.Key))
				good = false
				continue
			}
			poss[f] = cellPos{int32(line), int32(p.Col)}
			v := m.Value
			switch {
			case v.Kind == schema.Null:
			case f == fSuspensions && v.Kind == schema.Array:
				sus = []Suspension{}
				for k, e := range v.Items {
					from, err1 := ParseTime(nodeText(e.Get("from")))
					to, err2 := ParseTime(nodeText(e.Get("to")))
					if e.Kind != schema.Object || err1 != nil || err2 != nil || from.IsZero() || to.IsZero() || to.Before(from) {
						ep := e.Pos
						ep.Line = line
						d.add(schema.Errorf(base.Key("suspensions").Index(k), ep, RuleSuspension, "cases: want {\"from\": \"2021-04-12 09:00\", \"to\": \"2021-04-14 17:00\"}"))
						good = false
						break
					}
					sus = append(sus, Suspension{From: from, To: to})
				}
			case v.Kind == schema.String || (v.Kind == schema.Number && (f == fLimit || f == fID || f == fEvaluation)):
				cells[f] = strings.TrimSpace(v.Value)
			default:
				d.add(schema.Errorf(base.Key(m.Key), p, RuleRead, "cases: %s: want a string, not %s", m.Key, v.Kind))
				good = false
			}
		}
		if !good {
			d.rows++
			d.bad++
			continue
		}
		if build(d, &cells, &poss, sus) {
			if !yield(&d.c) {
				return
			}
		}
	}
	if err := sc.Err(); err != nil {
		d.add(schema.Errorf(schema.Root, d.pos(line+1, 1), RuleRead, "cases: cannot read on: %v", err))
	}
}

// String formats a case briefly, for messages and tests.
func (c *Case) String() string {
	return fmt.Sprintf("%s %s %s %s", c.ID, c.MatterName, c.Department, c.Status)
}

func nodeText(n *schema.Node) string {
	if n == nil || n.Kind != schema.String {
		return "?"
	}
	return n.Value
}
