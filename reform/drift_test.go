package reform

import (
	"testing"

	"github.com/zwfw/zwfw/schema"
)

// TestSchemaDrift holds the modes schema and the doc tags of the Go types
// to each other: every property has its field, every field its property.
func TestSchemaDrift(t *testing.T) {
	for _, d := range schema.Drift[modesDoc](schema.Modes, "kind", "schemaVersion") {
		t.Error(d)
	}
}
