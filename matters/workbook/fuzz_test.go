package workbook

import (
	"bytes"
	"os"
	"testing"

	"github.com/zwfw/zwfw/matters"
)

// FuzzRead reads any bytes as a workbook: never a panic, every problem
// has a rule and names the file, and a workbook read without error is
// written and read again to the same matters.
func FuzzRead(f *testing.F) {
	c := &matters.Catalogue{Kind: matters.ImplementationList, Division: matters.Division{Code: "510921", Name: "蓬溪县"},
		Matters: []matters.Matter{{Code: "M1", Name: "食品经营许可", Type: matters.Licensing, Level: matters.CountyLevel,
			Body: matters.Body{Name: "蓬溪县行政审批局"}, Materials: []matters.Material{{Name: "申请书", Copies: 1}},
			Steps: []matters.Step{{Name: "受理", Limit: matters.Limit{Unit: matters.Instant}}}}}}
	var b bytes.Buffer
	if err := Write(&b, c); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	if data, err := os.ReadFile(platformFile); err == nil {
		f.Add(data)
	}
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("事项编码,事项名称\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, probs := read(bytes.NewReader(data), "fuzz.xlsx")
		for _, p := range probs {
			if p.Rule == "" || p.Pos.File == "" {
				t.Fatalf("problem without rule or file: %v", p)
			}
		}
		if c == nil || probs.HasErrors() {
			return
		}
		var out bytes.Buffer
		if err := Write(&out, c); err != nil {
			t.Fatalf("writing what was read: %v", err)
		}
		back, err := Read(bytes.NewReader(out.Bytes()), "again.xlsx")
		if err != nil {
			t.Fatalf("reading what was written: %v", err)
		}
		if len(back.Matters) != len(c.Matters) {
			t.Fatalf("%d matters, then %d", len(c.Matters), len(back.Matters))
		}
	})
}
