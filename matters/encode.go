package matters

import (
	"io"

	"github.com/zwfw/zwfw/schema"
)

// SchemaVersion is the schemaVersion the module reads and writes.
const SchemaVersion = 1

// Node returns the catalogue as a document tree in the order the schema
// lists the members, enums written as their Chinese terms.
func (c *Catalogue) Node() *schema.Node {
	return codec.EncodeDocument(schema.Catalogue.Kind(), SchemaVersion, c)
}

// Node returns the matter as a document tree.
func (m *Matter) Node() *schema.Node { return codec.Encode(m) }

func (b *Bundle) node() *schema.Node { return codec.Encode(b) }

// MarshalJSON writes the catalogue document as compact JSON.
func (c *Catalogue) MarshalJSON() ([]byte, error) { return c.Node().MarshalJSON() }

// MarshalJSON writes the matter as compact JSON.
func (m *Matter) MarshalJSON() ([]byte, error) { return m.Node().MarshalJSON() }

// WriteJSON writes the catalogue document as indented JSON.
func (c *Catalogue) WriteJSON(w io.Writer) error { return schema.WriteJSON(w, c.Node()) }

// WriteYAML writes the catalogue document as YAML, with a first line that
// tells the YAML language server which schema to validate against.
func (c *Catalogue) WriteYAML(w io.Writer) error {
	return schema.WriteYAML(w, c.Node(), schema.Catalogue)
}
