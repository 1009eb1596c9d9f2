package report

import (
	"testing"

	"github.com/zwfw/zwfw/schema"
)

// TestSchemaDrift holds the bulletin schema and the doc tags of the Go
// types to each other: every property has its field, every field its
// property.
func TestSchemaDrift(t *testing.T) {
	for _, d := range schema.Drift[Bulletin](schema.Bulletin, "kind", "schemaVersion") {
		t.Error(d)
	}
}
