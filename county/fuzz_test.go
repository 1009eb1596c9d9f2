package county

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

// checkResult holds for every input: a hierarchy exactly when there is no
// error, every problem located in the file and ruled, and a hierarchy that
// reads back equal from the document it writes.
func checkResult(t *testing.T, file string, h *Hierarchy, probs schema.List) {
	t.Helper()
	if (h == nil) != probs.HasErrors() {
		t.Fatalf("hierarchy %v with problems %v", h != nil, probs)
	}
	for _, p := range probs {
		if p.Rule == "" || p.Pos.File != file {
			t.Fatalf("problem without rule or file: %#v", p)
		}
	}
	if h == nil {
		return
	}
	js, err := h.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	again, probs := parseProblems("again.json", js)
	if probs.Err() != nil {
		t.Fatalf("written document does not read back: %v\n%s", probs, js)
	}
	if diff := cmp.Diff(h, again, cmpHierarchy...); diff != "" {
		t.Fatalf("round trip changed the hierarchy:\n%s", diff)
	}
}

func FuzzParse(f *testing.F) {
	schematest.Seed(f, "testdata/divisions/*.yaml", "testdata/divisions/*.json", "suining.yaml")
	f.Fuzz(func(t *testing.T, data []byte) {
		h, probs := parseProblems("fuzz", data)
		checkResult(t, "fuzz", h, probs)
	})
}

func FuzzParseCSV(f *testing.F) {
	schematest.Seed(f, "testdata/csv/*.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		h, probs := parseCSVProblems("fuzz.csv", data)
		checkResult(t, "fuzz.csv", h, probs)
	})
}
