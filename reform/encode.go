package reform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
)

// obj builds an object node member by member, skipping what is not stated.
type obj struct{ n *schema.Node }

func newObj() obj { return obj{&schema.Node{Kind: schema.Object}} }

func (o obj) set(key string, v *schema.Node) {
	o.n.Fields = append(o.n.Fields, schema.Field{Key: key, Value: v})
}

func (o obj) str(key, s string) {
	if s != "" {
		o.set(key, strNode(s))
	}
}

func (o obj) strs(key string, ss []string, always bool) {
	if len(ss) == 0 && !always {
		return
	}
	n := &schema.Node{Kind: schema.Array, Items: []*schema.Node{}}
	for _, s := range ss {
		n.Items = append(n.Items, strNode(s))
	}
	o.set(key, n)
}

func (o obj) ext(x matters.Extensions) {
	keys := make([]string, 0, len(x))
	for k := range x {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		n, _ := schema.ParseJSON("", x[k])
		if n == nil {
			n = &schema.Node{Kind: schema.Null}
		}
		o.set(k, n)
	}
}

func strNode(s string) *schema.Node { return &schema.Node{Kind: schema.String, Value: s} }

func measureNames(ms []*Measure) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = measureName(m)
	}
	return out
}

// Node returns the document as a tree, members in the order the schema
// lists them, indicators by their Chinese names.
func (d *Modes) Node() *schema.Node {
	o := newObj()
	o.str("kind", schema.Modes.Kind())
	o.set("schemaVersion", &schema.Node{Kind: schema.Number, Value: strconv.Itoa(SchemaVersion)})
	o.str("title", d.Title)
	o.str("source", d.Source)
	if !d.AsOf.IsZero() {
		o.str("asOf", d.AsOf.Format(time.DateOnly))
	}
	o.str("notes", d.Notes)
	ms := &schema.Node{Kind: schema.Array, Items: []*schema.Node{}}
	for _, m := range d.Measures {
		mo := newObj()
		mo.str("name", m.Name)
		mo.str("description", m.Description)
		names := make([]string, len(m.Indicators))
		for i, ind := range m.Indicators {
			names[i] = ind.String()
		}
		mo.strs("indicators", names, true)
		mo.strs("reported", m.Reported, m.Reported != nil)
		mo.ext(m.Extensions)
		ms.Items = append(ms.Items, mo.n)
	}
	o.set("measures", ms)
	modes := &schema.Node{Kind: schema.Array, Items: []*schema.Node{}}
	for _, m := range d.Modes {
		mo := newObj()
		mo.str("name", m.Name)
		mo.strs("aliases", m.Aliases, m.Aliases != nil)
		mo.str("unit", m.Unit)
		mo.str("description", m.Description)
		mo.strs("measures", measureNames(m.Measures), true)
		if m.Groups != nil {
			gs := &schema.Node{Kind: schema.Array, Items: []*schema.Node{}}
			for _, g := range m.Groups {
				gob := newObj()
				gob.str("name", g.Name)
				gob.strs("measures", measureNames(g.Measures), true)
				gob.ext(g.Extensions)
				gs.Items = append(gs.Items, gob.n)
			}
			mo.set("groups", gs)
		}
		if m.Targets != nil {
			ts := &schema.Node{Kind: schema.Array, Items: []*schema.Node{}}
			for _, t := range m.Targets {
				to := newObj()
				to.str("indicator", t.Indicator.String())
				to.set("atLeast", &schema.Node{Kind: schema.Number, Value: t.figure()})
				to.ext(t.Extensions)
				ts.Items = append(ts.Items, to.n)
			}
			mo.set("targets", ts)
		}
		mo.ext(m.Extensions)
		modes.Items = append(modes.Items, mo.n)
	}
	o.set("modes", modes)
	o.ext(d.Extensions)
	return o.n
}

// MarshalJSON writes the document as compact JSON.
func (d *Modes) MarshalJSON() ([]byte, error) { return d.Node().MarshalJSON() }

// WriteJSON writes the document as indented JSON.
func (d *Modes) WriteJSON(w io.Writer) error {
	raw, _ := d.MarshalJSON()
	var b bytes.Buffer
	if err := json.Indent(&b, raw, "", "  "); err != nil {
		return fmt.Errorf("reform: %w", err)
	}
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

// WriteYAML writes the document as YAML, with a first line that tells the
// YAML language server which schema to validate against.
func (d *Modes) WriteYAML(w io.Writer) error {
	y, err := d.Node().YAML()
	if err != nil {
		return fmt.Errorf("reform: %w", err)
	}
	if _, err := fmt.Fprintf(w, "# yaml-language-server: $schema=%s\n", schema.Modes.ID()); err != nil {
		return err
	}
	_, err = w.Write(y)
	return err
}
