package report

import (
	"bytes"
	"io"
	"time"

	"github.com/zwfw/zwfw/schema"
)

// codec reads and writes the bulletin's elements as the doc tags of its
// types declare them.
var codec = &schema.Codec{Rule: RuleDecode, Prefix: "report: ", Header: []string{"kind", "schemaVersion"}}

// DecodeNode reads the figure's value: a number, or for a 日期 a date
// written YYYY-MM-DD. The codec has read the other members.
func (f *Figure) DecodeNode(n *schema.Node, d *schema.Decoding) {
	value := n.Get("value")
	if value == nil {
		return // the schema reports it missing
	}
	switch {
	case f.Kind == Date:
		if value.Kind != schema.String {
			d.Fail(value, RuleInvalidValue, "a date is written as a string YYYY-MM-DD, not a %s", value.Kind)
			return
		}
		t, err := time.Parse(time.DateOnly, value.Value)
		if err != nil {
			d.Fail(value, RuleInvalidValue, "%q is not a date (YYYY-MM-DD)", value.Value)
			return
		}
		f.Date = t
	case value.Kind == schema.Number:
		v, err := ParseDecimal(value.Value)
		if err != nil {
			d.Fail(value, RuleInvalidValue, "%s is not a decimal number in range", value.Value)
			return
		}
		f.Value = v
	case f.Kind != 0:
		d.Fail(value, RuleInvalidValue, "a %s figure needs a number, not a %s", f.Kind, value.Kind)
	}
}

// EncodeNode writes the figure's value, a date for a 日期.
func (f Figure) EncodeNode(o schema.Builder) {
	if f.Kind != Date {
		o.Set("value", &schema.Node{Kind: schema.Number, Value: f.Value.String()})
	} else if !f.Date.IsZero() {
		o.Text("value", f.Date.Format(time.DateOnly))
	}
}

func (f *Figure) node() *schema.Node { return codec.Encode(f) }

// Node returns the bulletin as a document tree, members in the order the
// schema lists them; x- members follow, sorted.
func (b *Bulletin) Node() *schema.Node {
	return codec.EncodeDocument(schema.Bulletin.Kind(), SchemaVersion, b)
}

// MarshalJSON writes the bulletin document as compact JSON.
func (b *Bulletin) MarshalJSON() ([]byte, error) { return b.Node().MarshalJSON() }

// UnmarshalJSON reads a bulletin document, validating and checking it as
// [Parse] does with default options; the error is a [schema.List] when the
// document has errors.
func (b *Bulletin) UnmarshalJSON(data []byte) error {
	got, err := Parse("", bytes.Clone(data), nil)
	if err != nil {
		return err
	}
	*b = *got
	return nil
}

// WriteJSON writes the bulletin document as indented JSON.
func (b *Bulletin) WriteJSON(w io.Writer) error { return schema.WriteJSON(w, b.Node()) }

// WriteYAML writes the bulletin document as YAML, with a first line that
// tells the YAML language server which schema to validate against.
func (b *Bulletin) WriteYAML(w io.Writer) error {
	return schema.WriteYAML(w, b.Node(), schema.Bulletin)
}
