package matters

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/zwfw/zwfw/schema"

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
		handedOver(t, "f"+ext, data, cat, probs)
		if ext == ".json" {
			// Read ahead in batches of 2 on a second goroutine: the same
			// matters and problems as on one.
			sameDecoding(t, "f.json", "one goroutine", "reading ahead", decodeWay(t, "f.json", data, false, -1), decodeWay(t, "f.json", data, false, 2))
		}
		if cat == nil || probs.Err() != nil {
			return
		}
		schematest.RoundTrip(t, cat, parseBack)
	})
}

// handedOver decodes data again with the bundles handed to OnBundle: the
// same problems as loading it, and, when it loads without error, the same
// bundles (those of its last "bundles" member), none kept. (Bundles are
// handed over as they are read, as matters are yielded: a document found
// broken further on may have handed over bundles it does not hold.)
func handedOver(t *testing.T, name string, data []byte, cat *Catalogue, want schema.List) {
	t.Helper()
	var bundles []Bundle
	var probs schema.List
	d := NewDecoder(bytes.NewReader(data), name, &DecodeOptions{
		OnBundle: func(i int, b *Bundle) {
			if i == 0 {
				bundles = bundles[:0] // a later member replaces an earlier one
			}
			bundles = append(bundles, *b)
		},
		OnProblem: func(p *schema.Problem) { probs = append(probs, p) },
	})
	for range d.Matters() {
	}
	probs.Dedupe()
	if diff := cmp.Diff(problemPlaces(want), problemPlaces(probs)); diff != "" {
		t.Fatalf("problems with OnBundle (-without +with):\n%s", diff)
	}
	if cat == nil || want.Err() != nil {
		return
	}
	if c := d.Catalogue(); c == nil || c.Bundles != nil {
		t.Fatalf("with OnBundle the catalogue keeps bundles: %v", c)
	}
	if diff := cmp.Diff(cat.Bundles, bundles, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("bundles with OnBundle (-kept +handed over):\n%s", diff)
	}
}
