package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// Builder builds an object node member by member, leaving out what is not
// stated, so that a document written back is as short as its content. Make
// one with [NewBuilder].
type Builder struct{ n *Node }

// NewBuilder returns a builder of an empty object node.
func NewBuilder() Builder { return Builder{&Node{Kind: Object}} }

// Node returns the object built.
func (o Builder) Node() *Node { return o.n }

// Set adds member key with value v; a nil v is left out.
func (o Builder) Set(key string, v *Node) {
	if v != nil {
		o.n.Fields = append(o.n.Fields, Field{Key: key, Value: v})
	}
}

// Text adds a string member; an empty string is left out.
func (o Builder) Text(key, s string) {
	if s != "" {
		o.Set(key, StringNode(s))
	}
}

// Bool adds a boolean member; false is left out.
func (o Builder) Bool(key string, b bool) {
	if b {
		o.Set(key, &Node{Kind: Bool, Value: "true"})
	}
}

// Int adds an integer member.
func (o Builder) Int(key string, v int64) {
	o.Set(key, &Node{Kind: Number, Value: strconv.FormatInt(v, 10)})
}

// Extensions adds the x- members held as JSON text, sorted by key.
func (o Builder) Extensions(x map[string]json.RawMessage) {
	keys := make([]string, 0, len(x))
	for k := range x {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		n, _ := ParseJSON("", x[k])
		if n == nil {
			n = &Node{Kind: Null}
		}
		o.Set(k, n)
	}
}

// StringNode returns a string node.
func StringNode(s string) *Node { return &Node{Kind: String, Value: s} }

// Strings returns an array node of strings.
func Strings(ss []string) *Node {
	n := &Node{Kind: Array, Items: make([]*Node, len(ss))}
	for i, s := range ss {
		n.Items[i] = StringNode(s)
	}
	return n
}

// WriteJSON writes n as indented JSON, members in document order.
func WriteJSON(w io.Writer, n *Node) error {
	raw, _ := n.MarshalJSON()
	var b bytes.Buffer
	if err := json.Indent(&b, raw, "", "  "); err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

// SchemaLine starts the first line of the YAML documents WriteYAML writes;
// the schema's address follows. A program that writes documents for an
// editor that cannot reach [PublishedBase] replaces the address after it
// with a path to a local copy of the schema file.
const SchemaLine = "# yaml-language-server: $schema="

// WriteYAML writes n as YAML, with a first line that tells the YAML
// language server to validate against s, at the address it can be fetched
// from ([Schema.URL]); see [SchemaLine] to point it at a local copy.
// Comments are not part of a node and are not written.
func WriteYAML(w io.Writer, n *Node, s *Schema) error {
	y, err := n.YAML()
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, "%s%s\n", SchemaLine, s.URL()); err != nil {
		return err
	}
	_, err = w.Write(y)
	return err
}

// Uncovered returns the problems of l whose path is not at or below the path
// of an error in base. A decoder that runs after the schema uses it to
// report only what the schema did not already say.
func (l List) Uncovered(base List) List {
	if len(l) == 0 {
		return nil
	}
	covered := make(map[Path]bool, len(base))
	for _, b := range base {
		if b.Severity == Error {
			covered[b.Path] = true
		}
	}
	var out List
next:
	for _, e := range l {
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
