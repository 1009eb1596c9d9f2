package matters

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/zwfw/zwfw/schema"
)

// MaxDocumentSize is the largest document Parse and the loaders read into
// memory, 1 GiB. Larger input is refused with a problem rather than
// exhausting memory.
const MaxDocumentSize = 1 << 30

// RuleRead is reported when a document cannot be read at all.
const RuleRead schema.Rule = "document.read"

// Parse reads a catalogue document (YAML or JSON; see [schema.Parse]) named
// name, validates it against the catalogue schema, decodes it and runs the
// semantic checks. It returns the catalogue, which is nil only when the
// text could not be read as YAML or JSON, and every problem found, sorted.
// Use probs.Err() to tell whether the catalogue is valid: warnings alone
// are not errors.
func Parse(name string, data []byte) (*Catalogue, schema.List) {
	n, probs := schema.Parse(name, data)
	if n == nil {
		return nil, probs
	}
	c, more := Decode(n)
	probs.Append(more)
	probs.Dedupe()
	return c, probs
}

// Decode validates a document already read by [schema.Parse] against the
// catalogue schema, decodes it and runs the semantic checks. Problems are
// located with the positions the nodes carry.
func Decode(n *schema.Node) (*Catalogue, schema.List) {
	probs := schema.Catalogue.Validate(n)
	loc := func(p schema.Path) schema.Pos {
		found, _ := n.Nearest(p)
		return found.Pos
	}
	// The decoder reports what the schema already did only where the
	// schema is silent, so each fault is reported once.
	var decProbs schema.List
	d := &decoder{probs: &decProbs}
	c := d.catalogue(n)
	probs.Append(uncovered(decProbs, probs))
	ix := newIndex()
	mroot := schema.Root.Key("matters")
	division, _ := ParseDivisionCode(c.Division.Code)
	for i := range c.Matters {
		p := mroot.Index(i)
		checkMatter(&c.Matters[i], p, loc, &probs)
		checkCode(&c.Matters[i], division, p, loc, &probs)
		ix.add(c.Matters[i].Code, p, loc, &probs)
	}
	ix.checkBundles(c.Bundles, loc, &probs)
	probs.Dedupe()
	return c, probs
}

// Load reads a catalogue document from r; name is used in problem
// positions. See [Parse].
func Load(r io.Reader, name string) (*Catalogue, schema.List) {
	data, err := io.ReadAll(io.LimitReader(r, MaxDocumentSize+1))
	if err != nil {
		return nil, readProblem(name, err)
	}
	if len(data) > MaxDocumentSize {
		return nil, readProblem(name, fmt.Errorf("document is larger than %d bytes", MaxDocumentSize))
	}
	return Parse(name, data)
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

// uncovered returns the problems of extra whose path is not at or below the
// path of an error in base.
func uncovered(extra, base schema.List) schema.List {
	if len(extra) == 0 {
		return nil
	}
	covered := make(map[schema.Path]bool, len(base))
	for _, b := range base {
		if b.Severity == schema.Error {
			covered[b.Path] = true
		}
	}
	var out schema.List
next:
	for _, e := range extra {
		for p := e.Path; ; p = p.Parent() {
			if covered[p] {
				continue next
			}
			if p.IsRoot() {
				break
			}
		}
		out = append(out, e)
	}
	return out
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
