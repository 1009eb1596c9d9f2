package report_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

// FuzzParse feeds the bulletin reader arbitrary text. It must never panic
// and always locate what it reports; a document it accepts must render in
// every format and survive writing back unchanged.
func FuzzParse(f *testing.F) {
	for _, fx := range schematest.Fixtures(f, "testdata/*.yaml", "testdata/*.json", aprilFile) {
		f.Add(filepath.Base(fx.Name), fx.Data)
	}
	f.Add("x.yaml", []byte("kind: Bulletin\nschemaVersion: 1\nperiod: \"2021-04\"\nissuer: a\nupdates: [{unit: 船山区, headline: \"{a}{{\", figures: {a: {kind: 日期, value: \"2021-04-01\"}}}]\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		var probs schema.List
		b, _ := report.Parse(name, data, noUnits, schema.Collect(&probs))
		for _, p := range probs {
			if p.Rule == "" {
				t.Errorf("problem without a rule: %v", p)
			}
		}
		if b == nil || probs.HasErrors() {
			return
		}
		for _, format := range report.AllFormats() {
			var buf bytes.Buffer
			if err := b.Render(&buf, format, &report.RenderOptions{CompletionRate: true}); err != nil {
				t.Fatalf("accepted document does not render as %s: %v", format, err)
			}
		}
		written := schematest.Write(t, b, "json")
		again, err := report.Parse("again.json", written, noUnits)
		if err != nil {
			t.Fatalf("written document does not read back: %v\n%s", err, written)
		}
		if d := cmp.Diff(b, again, cmp.AllowUnexported(report.Decimal{})); d != "" {
			t.Fatalf("round trip lost something:\n%s", d)
		}
	})
}

// FuzzParseDecimal checks that every decimal the parser accepts is written
// in a form it reads back as the same value.
func FuzzParseDecimal(f *testing.F) {
	same := func(a, b report.Decimal) bool { return a.String() == b.String() && a.Cmp(b) == 0 }
	schematest.FuzzReadBack(f, report.ParseDecimal, same, nil, "69", "76.85", "73.6", "100", "-0.5", "1e3", "1.5E-2", "0", "-0", "007", "1.", ".5", "+1")
}
