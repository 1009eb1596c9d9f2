package matters

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/zwfw/zwfw/schema/schematest"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// FuzzReadCSV reads arbitrary bytes as a spreadsheet: never a panic,
// every problem located in the file, and a catalogue read without error
// written back as CSV reads back to equal matters.
func FuzzReadCSV(f *testing.F) {
	for _, fx := range schematest.Fixtures(f, "testdata/*.csv") {
		b := fx.Data
		if len(b) > maxFuzzSeed {
			continue
		}
		f.Add(b)
		if gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(bytes.TrimPrefix(b, []byte("\ufeff"))); err == nil {
			f.Add(gb)
		}
	}
	// Small documents only: a large seed makes every execution slow.
	docs, _ := filepath.Glob("testdata/*.yaml")
	for _, file := range docs {
		if c, probs := loadFileProblems(file); c != nil && probs.Err() == nil {
			var b bytes.Buffer
			if c.WriteCSV(&b, nil) == nil {
				f.Add(b.Bytes())
			}
		}
	}
	f.Add([]byte(csvHeader + "C1,甲事项,行政许可,甲局,55512345-0,县级,60日,即办,即办件,0,四级,1^2,川渝通办(1),,否,511699000000\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cat, probs := readCSV(bytes.NewReader(data), "f.csv", nil)
		for _, p := range probs {
			if p.Pos.File != "f.csv" || !p.Pos.IsValid() {
				t.Fatalf("problem not located: %v", p)
			}
		}
		if cat == nil || probs.Err() != nil {
			return
		}
		var b bytes.Buffer
		if err := cat.WriteCSV(&b, nil); err != nil {
			t.Fatal(err)
		}
		back, probs := readCSV(&b, "back.csv", nil)
		if err := probs.Err(); err != nil {
			t.Fatalf("written CSV does not read: %v\n%s", err, b.String())
		}
		if diff := cmp.Diff(cat.Matters, back.Matters, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip changed the matters:\n%s\n%s", diff, b.String())
		}
		if cat.Division.Code != back.Division.Code {
			t.Fatalf("division code %q, back %q", cat.Division.Code, back.Division.Code)
		}
	})
}

// FuzzCSVLimit reads arbitrary time-limit cells: a limit that reads
// writes back to text that reads as the same limit.
func FuzzCSVLimit(f *testing.F) {
	for _, s := range []string{"20个工作日", "20工作日", "即办", "60日", "60天", "1个月", "0.5小时", "30分钟", "1年", "２０个工作日", "20"} {
		f.Add(s, "", uint8(0))
	}
	f.Add("20", "工作日", uint8(0))
	f.Add("20", "", uint8(WorkingDays))
	f.Fuzz(func(t *testing.T, cell, unit string, def uint8) {
		l, _, err := csvLimit(cell, unit, TimeUnit(def%8))
		if err != nil || l.IsZero() {
			return
		}
		if l.Value.Sign() < 0 {
			t.Fatalf("csvLimit(%q) = %v: negative", cell, l)
		}
		back, _, err := csvLimit(csvLimitText(l), "", 0)
		if err != nil || !cmp.Equal(back, l) {
			t.Fatalf("csvLimit(%q) = %v, written %q, read back %v, %v", cell, l, csvLimitText(l), back, err)
		}
	})
}
