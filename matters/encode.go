package matters

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/zwfw/zwfw/schema"
)

// SchemaVersion is the schemaVersion the module reads and writes.
const SchemaVersion = 1

// obj builds an object node member by member, skipping what is not stated.
type obj struct{ n *schema.Node }

func newObj() obj { return obj{&schema.Node{Kind: schema.Object}} }

func (o obj) set(key string, v *schema.Node) {
	if v != nil {
		o.n.Fields = append(o.n.Fields, schema.Field{Key: key, Value: v})
	}
}

func (o obj) str(key, s string) {
	if s != "" {
		o.set(key, &schema.Node{Kind: schema.String, Value: s})
	}
}

func (o obj) boolean(key string, b bool) {
	if b {
		o.set(key, &schema.Node{Kind: schema.Bool, Value: "true"})
	}
}

func (o obj) integer(key string, v int) {
	o.set(key, &schema.Node{Kind: schema.Number, Value: strconv.Itoa(v)})
}

func (o obj) positive(key string, v int) {
	if v != 0 {
		o.integer(key, v)
	}
}

func (o obj) ext(x Extensions) {
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

func setNode[T interface {
	~uint8
	fmt.Stringer
}](s Set[T]) *schema.Node {
	if s == 0 {
		return nil
	}
	n := &schema.Node{Kind: schema.Array}
	for v := range s.All() {
		n.Items = append(n.Items, strNode(v.String()))
	}
	return n
}

// Node returns the catalogue as a document tree in the order the schema
// lists the members, enums written as their Chinese terms.
func (c *Catalogue) Node() *schema.Node {
	o := newObj()
	o.str("kind", "Catalogue")
	o.integer("schemaVersion", SchemaVersion)
	if c.Kind != 0 {
		o.str("catalogueKind", c.Kind.String())
	}
	o.str("title", c.Title)
	d := newObj()
	d.str("code", c.Division.Code)
	d.str("name", c.Division.Name)
	d.ext(c.Division.Extensions)
	o.set("division", d.n)
	if c.Level != 0 {
		o.str("level", c.Level.String())
	}
	if !c.AsOf.IsZero() {
		o.str("asOf", c.AsOf.Format(time.DateOnly))
	}
	o.str("source", c.Source)
	o.str("notes", c.Notes)
	ms := &schema.Node{Kind: schema.Array, Items: make([]*schema.Node, len(c.Matters))}
	for i := range c.Matters {
		ms.Items[i] = c.Matters[i].Node()
	}
	o.set("matters", ms)
	if len(c.Bundles) > 0 {
		bs := &schema.Node{Kind: schema.Array}
		for i := range c.Bundles {
			bs.Items = append(bs.Items, c.Bundles[i].node())
		}
		o.set("bundles", bs)
	}
	o.ext(c.Extensions)
	return o.n
}

// Node returns the matter as a document tree.
func (m *Matter) Node() *schema.Node {
	o := newObj()
	o.str("code", m.Code)
	o.str("baseCode", m.BaseCode)
	o.str("name", m.Name)
	o.str("mainItem", m.MainItem)
	if m.Type != 0 {
		o.str("type", m.Type.String())
	}
	if m.Level != 0 {
		o.str("level", m.Level.String())
	}
	b := newObj()
	b.str("name", m.Body.Name)
	b.str("creditCode", m.Body.CreditCode)
	if m.Body.Nature != 0 {
		b.str("nature", m.Body.Nature.String())
	}
	b.ext(m.Body.Extensions)
	o.set("body", b.n)
	if m.PowerSource != 0 {
		o.str("powerSource", m.PowerSource.String())
	}
	o.set("legalLimit", m.LegalLimit.node())
	o.set("promisedLimit", m.PromisedLimit.node())
	if m.HandlingKind != 0 {
		o.str("handlingKind", m.HandlingKind.String())
	}
	if m.Visits != nil {
		o.integer("visits", *m.Visits)
	}
	o.str("onsiteReason", m.OnsiteReason)
	o.set("online", setNode(m.Online))
	o.set("forms", setNode(m.Forms))
	o.set("serviceObjects", setNode(m.ServiceObjects))
	if len(m.Scopes) > 0 {
		ss := &schema.Node{Kind: schema.Array}
		for _, s := range m.Scopes {
			so := newObj()
			so.str("scope", s.Kind.String())
			so.positive("batch", s.Batch)
			so.ext(s.Extensions)
			ss.Items = append(ss.Items, so.n)
		}
		o.set("scopes", ss)
	}
	if g := m.Delegation; g != nil {
		go_ := newObj()
		if g.To != 0 {
			go_.str("to", g.To.String())
		}
		go_.positive("batch", g.Batch)
		go_.str("document", g.Document)
		go_.ext(g.Extensions)
		o.set("delegation", go_.n)
	}
	o.boolean("selfService24h", m.SelfService24h)
	o.boolean("tolerateMissing", m.TolerateMissing)
	o.boolean("inHall", m.InHall)
	if f := m.Fee; f != nil {
		fo := newObj()
		fo.set("charged", &schema.Node{Kind: schema.Bool, Value: strconv.FormatBool(f.Charged)})
		fo.str("basis", f.Basis)
		if f.Items != nil {
			fo.set("items", strsNode(f.Items))
		}
		fo.ext(f.Extensions)
		o.set("fee", fo.n)
	}
	o.ext(m.Extensions)
	return o.n
}

func strsNode(ss []string) *schema.Node {
	n := &schema.Node{Kind: schema.Array, Items: make([]*schema.Node, len(ss))}
	for i, s := range ss {
		n.Items[i] = strNode(s)
	}
	return n
}

func (l Limit) node() *schema.Node {
	if l.IsZero() {
		return nil
	}
	o := newObj()
	if l.Unit != Instant || l.Value != 0 {
		o.set("value", &schema.Node{Kind: schema.Number, Value: strconv.FormatFloat(l.Value, 'f', -1, 64)})
	}
	o.str("unit", l.Unit.String())
	o.ext(l.Extensions)
	return o.n
}

func (b *Bundle) node() *schema.Node {
	o := newObj()
	o.str("code", b.Code)
	o.str("name", b.Name)
	o.str("leadBody", b.LeadBody)
	o.set("matters", strsNode(b.Matters))
	o.set("promisedLimit", b.PromisedLimit.node())
	if b.Visits != nil {
		o.integer("visits", *b.Visits)
	}
	o.ext(b.Extensions)
	return o.n
}

// MarshalJSON writes the catalogue document as compact JSON.
func (c *Catalogue) MarshalJSON() ([]byte, error) { return c.Node().MarshalJSON() }

// MarshalJSON writes the matter as compact JSON.
func (m *Matter) MarshalJSON() ([]byte, error) { return m.Node().MarshalJSON() }

// WriteJSON writes the catalogue document as indented JSON.
func (c *Catalogue) WriteJSON(w io.Writer) error {
	raw, _ := c.MarshalJSON()
	var b bytes.Buffer
	if err := json.Indent(&b, raw, "", "  "); err != nil {
		return fmt.Errorf("matters: %w", err)
	}
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

// WriteYAML writes the catalogue document as YAML, with a first line that
// tells the YAML language server which schema to validate against.
func (c *Catalogue) WriteYAML(w io.Writer) error {
	y, err := c.Node().YAML()
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, "# yaml-language-server: $schema=%s\n", schema.Catalogue.ID()); err != nil {
		return err
	}
	_, err = w.Write(y)
	return err
}
