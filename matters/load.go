package matters

import (
	"bytes"
	"io"
	"io/fs"
	"math"

	"github.com/zwfw/zwfw/schema"
)

// MaxDocumentSize is the largest catalogue document a [Decoder], [Parse]
// and the loaders read, 4 GiB (about six million matters in JSON); larger
// input is refused with a problem. Memory grows little with the document
// (see [Decoder]): this limit bounds the time a reader can be kept busy.
// A Decoder reads more when [DecodeOptions].MaxSize says so.
// The pieces read at a time are bounded by the budget of package schema
// (schema.MaxYAMLText, schema.MaxValueText, schema.MaxNodes).
const MaxDocumentSize int64 = 4 << 30

// RuleRead is reported when a document cannot be read at all.
const RuleRead = schema.RuleRead

// loader reads catalogue documents: every one is streamed by a [Decoder],
// so one path reads small documents and large ones.
var loader = &schema.Loader[*Catalogue]{Read: read} // streamed: see MaxDocumentSize

func read(r io.Reader, name string) (*Catalogue, schema.List) {
	d := NewDecoder(r, name, &DecodeOptions{MaxProblems: math.MaxInt})
	var ms []Matter
	for _, m := range d.Matters() {
		ms = append(ms, *m)
	}
	c := d.Catalogue()
	if c != nil {
		c.Matters = ms
	}
	return c, d.Problems()
}

// Parse reads a catalogue document (YAML or JSON) named name, validates it
// against the catalogue schema, decodes it and runs the semantic checks.
// It returns the catalogue, which is nil only when the text could not be
// read as YAML or JSON, and an error that is nil when the catalogue has no
// error: warnings alone are not errors. When it is not nil, the error is
// a [schema.List] of every problem, warnings included, sorted and located
// ([schema.Problems] gives it back); [schema.Collect] gives every problem
// of a valid catalogue too, and [Catalogue.Validate] the problems of a
// catalogue built in Go.
func Parse(name string, data []byte, opts ...schema.Option) (*Catalogue, error) {
	return loader.Parse(name, data, opts...)
}

// Load reads a catalogue document from r; name is used in problem
// positions and its extension tells the format. A spreadsheet saved as
// CSV ([IsCSV]) is read by [ReadCSV]. See [Parse].
func Load(r io.Reader, name string, opts ...schema.Option) (*Catalogue, error) {
	return loader.Load(r, name, opts...)
}

// LoadFile reads the catalogue document at path. See [Parse].
func LoadFile(path string, opts ...schema.Option) (*Catalogue, error) {
	return loader.LoadFile(path, opts...)
}

// LoadFS reads the catalogue document name from fsys. See [Parse].
func LoadFS(fsys fs.FS, name string, opts ...schema.Option) (*Catalogue, error) {
	return loader.LoadFS(fsys, name, opts...)
}

// Decode validates a document already read by [schema.Parse] against the
// catalogue schema, decodes it and runs the semantic checks, as [Parse]
// does. Problems are located with the positions the nodes carry; the node
// tree is taken apart on the way.
func Decode(n *schema.Node, opts ...schema.Option) (*Catalogue, error) {
	c, probs := decode(n)
	return c, schema.Result(probs, opts...)
}

func decode(n *schema.Node) (*Catalogue, schema.List) {
	d := NewDecoder(nil, "", &DecodeOptions{MaxProblems: math.MaxInt})
	var ms []Matter
	each, _ := d.handler(func(_ int, m *Matter) bool {
		ms = append(ms, *m)
		return true
	})
	schema.Split(n, streamedKeys, each)
	d.finish(n)
	d.header.Matters = ms
	return d.header, d.Problems()
}

// Validate checks a catalogue as [Parse] checks a document: the schema's
// rules and the semantic checks, run on the document the catalogue writes,
// so that a catalogue that passes writes a document that parses. It
// returns every problem, warnings included, located by path.
func (c *Catalogue) Validate() schema.List {
	_, probs := decode(c.Node())
	return probs
}

// UnmarshalJSON reads a catalogue document, validating it as [Parse] does;
// the error is a [schema.List] when the document has errors.
func (c *Catalogue) UnmarshalJSON(b []byte) error {
	got, err := Parse("", bytes.Clone(b))
	if err != nil {
		return err
	}
	*c = *got
	return nil
}
