package workbook

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/zwfw/zwfw/matters"
)

const sample = "../../examples/data/catalogue-pengxi.yaml"

// TestRoundTrip writes the sample catalogue, which uses every element, as
// a workbook and reads it back: the catalogue is equal.
func TestRoundTrip(t *testing.T) {
	orig, err := matters.LoadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, orig); err != nil {
		t.Fatal(err)
	}
	back, err := Read(bytes.NewReader(b.Bytes()), "out.xlsx")
	if err != nil {
		t.Fatalf("reading back: %v", err)
	}
	if diff := cmp.Diff(orig, back, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("round trip changed the catalogue (-orig +back):\n%s", diff)
	}
}
