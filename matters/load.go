package matters

import (
	"bytes"
	"io"
	"io/fs"
	"math"
	"os"

	"github.com/zwfw/zwfw/schema"
)

// MaxDocumentSize is the largest document Parse and the loaders read into
// memory, 1 GiB. Larger input is refused with a problem rather than
// exhausting memory.
const MaxDocumentSize = 1 << 30

// RuleRead is reported when a document cannot be read at all.
const RuleRead schema.Rule = "document.read"

// Parse reads a catalogue document (YAML or JSON) named name, validates it
// against the catalogue schema, decodes it and runs the semantic checks. It
// returns the catalogue, which is nil only when the text could not be read
// as YAML or JSON, and every problem found, sorted. Use probs.Err() to tell
// whether the catalogue is valid: warnings alone are not errors.
//
// Parse and the loaders collect what a [Decoder] streams: one path reads
// small documents and large ones.
func Parse(name string, data []byte) (*Catalogue, schema.List) {
	return Load(bytes.NewReader(data), name)
}

// Load reads a catalogue document from r; name is used in problem
// positions and its extension tells the format. A spreadsheet saved as
// CSV ([IsCSV]) is read by [ReadCSV]. See [Parse].
func Load(r io.Reader, name string) (*Catalogue, schema.List) {
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

// Decode validates a document already read by [schema.Parse] against the
// catalogue schema, decodes it and runs the semantic checks, as [Parse]
// does. Problems are located with the positions the nodes carry; the node
// tree is taken apart on the way.
func Decode(n *schema.Node) (*Catalogue, schema.List) {
	d := NewDecoder(nil, "", &DecodeOptions{MaxProblems: math.MaxInt})
	var ms []Matter
	each, _ := d.handler(func(_ int, m *Matter) bool {
		ms = append(ms, *m)
		return true
	})
	schema.Split(n, []string{"matters"}, each)
	d.finish(n)
	d.header.Matters = ms
	return d.header, d.Problems()
}

// LoadFile reads the catalogue document at path. See [Parse].
func LoadFile(path string) (*Catalogue, schema.List) {
	f, err := os.Open(path)
	if err != nil {
		return nil, readProblem(path, err)
	}
	defer f.Close()
	return Load(f, path)
}

// LoadFS reads the catalogue document name from fsys. See [Parse].
func LoadFS(fsys fs.FS, name string) (*Catalogue, schema.List) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, readProblem(name, err)
	}
	defer f.Close()
	return Load(f, name)
}

func readProblem(name string, err error) schema.List {
	return schema.List{{Pos: schema.Pos{File: name}, Rule: RuleRead, Message: err.Error(), Err: err}}
}

// UnmarshalJSON reads a catalogue document, validating it as [Parse] does;
// the error is a [schema.List] when the document has errors.
func (c *Catalogue) UnmarshalJSON(b []byte) error {
	got, probs := Parse("", bytes.Clone(b))
	if err := probs.Err(); err != nil {
		return err
	}
	*c = *got
	return nil
}
