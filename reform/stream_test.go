package reform

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/matters"
)

// sampleFile is the module's sample implementation list.
const sampleFile = "../examples/data/catalogue-pengxi.yaml"

// TestStreamEqualsLoad measures the sample catalogue twice, loaded whole
// and streamed matter by matter through matters.Decoder: the figures must
// be the same.
func TestStreamEqualsLoad(t *testing.T) {
	if _, err := os.Stat(sampleFile); err != nil {
		t.Skipf("sample catalogue not available: %v", err)
	}
	c, err := matters.LoadFile(sampleFile)
	if err != nil {
		t.Fatal(err)
	}
	whole := New(Config{})
	whole.AddCatalogue(c)

	f, err := os.Open(sampleFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := matters.NewDecoder(f, sampleFile, nil)
	streamed := New(Config{})
	n := 0
	for _, m := range dec.Matters() {
		streamed.Add(m)
		n++
	}
	if dec.Problems().HasErrors() {
		t.Fatal(dec.Problems())
	}
	for i := range dec.Catalogue().Bundles {
		streamed.AddBundle(&dec.Catalogue().Bundles[i])
	}
	if n != len(c.Matters) {
		t.Fatalf("streamed %d matters, loaded %d", n, len(c.Matters))
	}
	if diff := cmp.Diff(whole.Results(), streamed.Results()); diff != "" {
		t.Errorf("(-loaded +streamed):\n%s", diff)
	}
}
