package matters

import (
	"testing"

	"github.com/zwfw/zwfw/schema"
)

// TestSchemaDrift holds the catalogue schema and the doc tags of the Go
// types to each other: every property has its field, every field its
// property.
func TestSchemaDrift(t *testing.T) {
	for _, d := range schema.Drift[Catalogue](schema.Catalogue, "kind", "schemaVersion") {
		t.Error(d)
	}
}
