package workbook

import (
	"encoding/csv"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
)

// Write writes c as a workbook: the matters sheet, the sheets of the
// repeating elements and the catalogue's own elements. Reading what it
// writes gives the catalogue back, except for what a CSV row cannot hold
// beside the lists ([matters.Catalogue.WriteCSV]): bundles and extensions
// other than the matters' own.
func Write(w io.Writer, c *matters.Catalogue) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := newSheetWriter(f, MattersSheet, true)
	if err != nil {
		return err
	}
	title := c.Title
	if title == "" {
		title = strings.TrimSpace(c.Division.Name + c.Kind.String())
	}
	if err := sw.row(title); err != nil {
		return err
	}
	// The matters, as the CSV writer lays them out, row by row.
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(c.WriteCSV(pw, nil)) }()
	cr := csv.NewReader(pr)
	cr.FieldsPerRecord = -1
	kinds := []cellKind(nil)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			pr.CloseWithError(err)
			return err
		}
		if kinds == nil {
			kinds = make([]cellKind, len(rec))
			for i, h := range rec {
				switch h {
				case "到办事现场次数", "下放批次":
					kinds[i] = number
				case "生效日期":
					kinds[i] = date
				}
			}
			if err := sw.strings(rec); err != nil {
				return err
			}
			continue
		}
		for i := range rec {
			// A sheet cell of text format is never run: the CSV's
			// apostrophe (matters.CSVCell) would show, so it goes.
			rec[i] = matters.CSVText(rec[i])
		}
		if err := sw.typed(rec, kinds); err != nil {
			return err
		}
	}
	if err := sw.flush(); err != nil {
		return err
	}
	if err := writeList(f, MaterialsSheet, "申请材料", schema.Columns[matters.Material](), c, func(m *matters.Matter) []any { return pointers(m.Materials) }); err != nil {
		return err
	}
	if err := writeList(f, StepsSheet, "办理流程", schema.Columns[matters.Step](), c, func(m *matters.Matter) []any { return pointers(m.Steps) }); err != nil {
		return err
	}
	if err := writeList(f, LawsSheet, "设定依据", schema.Columns[matters.Law](), c, func(m *matters.Matter) []any { return pointers(m.LegalBasis) }); err != nil {
		return err
	}
	if err := writeBundles(f, c); err != nil {
		return err
	}
	if err := writeInfo(f, c); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

type cellKind uint8

const (
	text cellKind = iota
	number
	date
)

// sheetWriter writes one sheet through excelize's stream writer.
type sheetWriter struct {
	sw        *excelize.StreamWriter
	n         int
	textStyle int // the text number format (@)
	dateStyle int
}

func newSheetWriter(f *excelize.File, name string, first bool) (*sheetWriter, error) {
	if first {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	ts, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return nil, err
	}
	fmtDate := "yyyy-mm-dd"
	ds, err := f.NewStyle(&excelize.Style{CustomNumFmt: &fmtDate})
	if err != nil {
		return nil, err
	}
	return &sheetWriter{sw: sw, textStyle: ts, dateStyle: ds}, nil
}

// textCell returns a text cell; text a spreadsheet would take for a
// formula gets the text number format.
func (s *sheetWriter) textCell(v string) any {
	if v != "" && strings.ContainsRune("=+-@", rune(v[0])) {
		return excelize.Cell{StyleID: s.textStyle, Value: v}
	}
	return v
}

func (s *sheetWriter) write(cells []any) error {
	s.n++
	ref, err := excelize.CoordinatesToCellName(1, s.n)
	if err != nil {
		return err
	}
	return s.sw.SetRow(ref, cells)
}

func (s *sheetWriter) row(cells ...string) error { return s.strings(cells) }

func (s *sheetWriter) strings(rec []string) error {
	cells := make([]any, len(rec))
	for i, v := range rec {
		cells[i] = s.textCell(v)
	}
	return s.write(cells)
}

func (s *sheetWriter) typed(rec []string, kinds []cellKind) error {
	cells := make([]any, len(rec))
	for i, v := range rec {
		cells[i] = s.textCell(v)
		if v == "" || i >= len(kinds) {
			continue
		}
		switch kinds[i] {
		case number:
			if n, err := strconv.Atoi(v); err == nil {
				cells[i] = n
			}
		case date:
			if t, err := time.Parse(time.DateOnly, v); err == nil {
				cells[i] = excelize.Cell{StyleID: s.dateStyle, Value: t}
			}
		}
	}
	return s.write(cells)
}

func (s *sheetWriter) flush() error { return s.sw.Flush() }

// writeList writes a repeating element's sheet: a title row, the header
// (事项编码 and the element's columns), one row an item.
// pointers returns a pointer to each element of s, for writeList.
func pointers[T any](s []T) []any {
	out := make([]any, len(s))
	for i := range s {
		out[i] = &s[i]
	}
	return out
}

func writeList(f *excelize.File, sheet, title string, cols []schema.Column, c *matters.Catalogue, items func(*matters.Matter) []any) error {
	some := false
	for i := range c.Matters {
		if len(items(&c.Matters[i])) > 0 {
			some = true
			break
		}
	}
	if !some {
		return nil
	}
	sw, err := newSheetWriter(f, sheet, false)
	if err != nil {
		return err
	}
	if err := sw.row(title); err != nil {
		return err
	}
	header := []string{"事项编码"}
	for _, col := range cols {
		header = append(header, col.Header)
	}
	if err := sw.strings(header); err != nil {
		return err
	}
	for i := range c.Matters {
		m := &c.Matters[i]
		for _, it := range items(m) {
			cells := []any{sw.textCell(string(m.Code))}
			for k := range cols {
				col := &cols[k]
				var v string
				if st, ok := it.(*matters.Step); ok && col.English == "limit" {
					v = st.Limit.String()
				} else {
					v = col.Text(it)
				}
				cell := sw.textCell(v)
				if col.English == "copies" && v != "" {
					if n, err := strconv.Atoi(v); err == nil {
						cell = n
					}
				}
				cells = append(cells, cell)
			}
			if err := sw.write(cells); err != nil {
				return err
			}
		}
	}
	return sw.flush()
}

// writeInfo writes the catalogue's own elements as name–value rows.
func writeInfo(f *excelize.File, c *matters.Catalogue) error {
	sw, err := newSheetWriter(f, InfoSheet, false)
	if err != nil {
		return err
	}
	rows := [][2]string{
		{"目录类型", c.Kind.String()}, {"标题", c.Title}, {"区划代码", c.Division.Code},
		{"区划名称", c.Division.Name}, {"行使层级", c.Level.String()}, {"来源", c.Source}, {"说明", c.Notes},
	}
	if !c.AsOf.IsZero() {
		rows = append(rows, [2]string{"截至日期", c.AsOf.Format(time.DateOnly)})
	}
	for _, k := range slices.Sorted(maps.Keys(c.Extensions)) {
		rows = append(rows, [2]string{k, string(c.Extensions[k])})
	}
	if err := sw.row("目录信息"); err != nil {
		return err
	}
	for _, r := range rows {
		if r[1] == "" {
			continue
		}
		if err := sw.strings(r[:]); err != nil {
			return err
		}
	}
	return sw.flush()
}

// BundlesSheet holds the one-thing bundles (一件事一次办), one a row.
const BundlesSheet = "一件事一次办"

var bundleHeader = []string{"一件事编码", "一件事名称", "牵头部门", "事项编码", "承诺办结时限", "到办事现场次数"}

// writeBundles writes the bundles, the member codes in one cell, one a
// line.
func writeBundles(f *excelize.File, c *matters.Catalogue) error {
	if len(c.Bundles) == 0 {
		return nil
	}
	sw, err := newSheetWriter(f, BundlesSheet, false)
	if err != nil {
		return err
	}
	if err := sw.row("一件事一次办"); err != nil {
		return err
	}
	if err := sw.strings(bundleHeader); err != nil {
		return err
	}
	for i := range c.Bundles {
		b := &c.Bundles[i]
		cells := []any{sw.textCell(b.Code), sw.textCell(b.Name), sw.textCell(b.LeadBody),
			sw.textCell(joinCodes(b.Matters, "\n")), sw.textCell(b.PromisedLimit.String()), ""}
		if b.Visits != nil {
			cells[5] = *b.Visits
		}
		if err := sw.write(cells); err != nil {
			return err
		}
	}
	return sw.flush()
}

// WriteList writes a published list (马上办清单, …) as a workbook of one
// sheet: a title row, the header with a 序号 column first, and one row a
// matter numbered from 1. Cells are text, guarded as [Write] guards them.
func WriteList(w io.Writer, title string, header []string, rows [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := title
	if n := []rune(sheet); len(n) > 31 || sheet == "" || strings.ContainsAny(sheet, `:\/?*[]`) {
		sheet = "清单"
	}
	sw, err := newSheetWriter(f, sheet, true)
	if err != nil {
		return err
	}
	if err := sw.row(title); err != nil {
		return err
	}
	if err := sw.strings(append([]string{"序号"}, header...)); err != nil {
		return err
	}
	for i, r := range rows {
		cells := make([]any, 0, len(r)+1)
		cells = append(cells, i+1)
		for _, v := range r {
			cells = append(cells, sw.textCell(v))
		}
		if err := sw.write(cells); err != nil {
			return err
		}
	}
	if err := sw.flush(); err != nil {
		return err
	}
	return f.Write(w)
}

// joinCodes joins codes as strings.Join joins strings.
func joinCodes(codes []matters.MatterCodeText, sep string) string {
	var b strings.Builder
	for i, c := range codes {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(string(c))
	}
	return b.String()
}
