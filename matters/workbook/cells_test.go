package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/zwfw/zwfw/matters"
)

// TestCellsAsAnotherReaderSees opens a written workbook with excelize's
// whole-sheet reader, not the streaming one Read uses: the matters sheet
// holds the title and, cell for cell, what WriteCSV writes; no cell holds
// a formula; text a spreadsheet would run has the text format.
func TestCellsAsAnotherReaderSees(t *testing.T) {
	c, err := matters.LoadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	c.Matters[0].Conditions = "=HYPERLINK(\"http://example.invalid\")"
	c.Matters[1].Place = "+86 窗口"
	c.Matters[2].Hours = "-9:00"
	c.Matters[3].Materials = []matters.Material{{Name: "@申请书"}}
	var b bytes.Buffer
	if err := Write(&b, c); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := c.WriteCSV(&want, nil); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&want).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs {
		for j := range rec {
			rec[j] = matters.CSVText(rec[j]) // a text cell needs no apostrophe
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := f.GetRows(MattersSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 || got[0][0] != c.Title {
		t.Fatalf("title row %v", got[:1])
	}
	got = got[1:]
	// GetRows drops trailing empty cells; so does the comparison. The
	// effective date is a date cell, its raw value a serial number.
	for i := range recs {
		for len(recs[i]) > 0 && recs[i][len(recs[i])-1] == "" {
			recs[i] = recs[i][:len(recs[i])-1]
		}
	}
	dateCol := -1
	for j, h := range recs[0] {
		if h == "生效日期" {
			dateCol = j
		}
	}
	for i := 1; i < len(got) && i < len(recs); i++ {
		if dateCol < len(got[i]) && got[i][dateCol] != "" {
			got[i][dateCol] = dateText(got[i][dateCol])
		}
	}
	if diff := cmp.Diff(recs, got); diff != "" {
		t.Errorf("matters sheet differs from the CSV (-csv +sheet):\n%s", diff)
	}
	for _, cell := range []struct{ sheet, text string }{
		{MattersSheet, c.Matters[0].Conditions}, {MattersSheet, "+86 窗口"}, {MattersSheet, "-9:00"}, {MaterialsSheet, "@申请书"},
	} {
		refs, err := f.SearchSheet(cell.sheet, "^"+regexp.QuoteMeta(cell.text)+"$", true)
		if err != nil || len(refs) != 1 {
			t.Errorf("%s: %q found at %v, %v", cell.sheet, cell.text, refs, err)
			continue
		}
		id, _ := f.GetCellStyle(cell.sheet, refs[0])
		st, err := f.GetStyle(id)
		if err != nil || st.NumFmt != 49 {
			t.Errorf("%s!%s %q: number format %v, want text (49)", cell.sheet, refs[0], cell.text, st)
		}
	}
	// No formula anywhere in the file.
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") {
			continue
		}
		rc, _ := zf.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(data, []byte("<f>")) || bytes.Contains(data, []byte("<f ")) {
			t.Errorf("%s holds a formula", zf.Name)
		}
	}
}
