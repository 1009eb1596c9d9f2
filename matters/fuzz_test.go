package matters

import (
	"path/filepath"
	"testing"

	"github.com/zwfw/zwfw/schema/schematest"
)

// maxFuzzSeed is the largest file taken as a fuzzing seed.
const maxFuzzSeed = 4 << 10

// FuzzParse loads arbitrary documents: never a panic, every problem
// located, and a catalogue that loads without error survives a round trip
// through YAML and JSON.
func FuzzParse(f *testing.F) {
	// Small seeds only: every new input is minimised, and a seed of tens of
	// kilobytes makes each execution and each minimisation slow.
	for _, fx := range schematest.Fixtures(f, "testdata/*.yaml", "testdata/*.json", "../examples/data/catalogue-*.yaml") {
		if len(fx.Data) <= maxFuzzSeed {
			f.Add(filepath.Ext(fx.Name), fx.Data)
		}
	}
	f.Fuzz(func(t *testing.T, ext string, data []byte) {
		if ext != ".json" {
			ext = ".yaml"
		}
		cat, probs := loader.Problems("f"+ext, data)
		for _, p := range probs {
			if !p.Pos.IsValid() {
				t.Fatalf("problem without position: %v", p)
			}
		}
		if cat == nil || probs.Err() != nil {
			return
		}
		schematest.RoundTrip(t, cat, parseBack)
	})
}
