package county

import (
	"testing"

	"github.com/zwfw/zwfw/schema"
)

// TestSchemaDrift holds the divisions schema and the doc tags of the Go
// types to each other: every property has its field, every field its
// property.
func TestSchemaDrift(t *testing.T) {
	for _, d := range schema.Drift[divisionsDoc](schema.Divisions, "kind", "schemaVersion") {
		t.Error(d)
	}
}
