package matters

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/zwfw/zwfw/schema"
)

// SchemaVersion is the schemaVersion the module reads and writes.
const SchemaVersion = 1

// positive adds an integer member that is left out when zero.
func positive(o schema.Builder, key string, v int) {
	if v != 0 {
		o.Int(key, int64(v))
	}
}

func setNode[T interface {
	~uint8
	fmt.Stringer
}](s Set[T]) *schema.Node {
	if s == 0 {
		return nil
	}
	n := &schema.Node{Kind: schema.Array}
	for v := range s.All() {
		n.Items = append(n.Items, schema.StringNode(v.String()))
	}
	return n
}

// Node returns the catalogue as a document tree in the order the schema
// lists the members, enums written as their Chinese terms.
func (c *Catalogue) Node() *schema.Node {
	o := schema.NewBuilder()
	o.Text("kind", "Catalogue")
	o.Int("schemaVersion", SchemaVersion)
	if c.Kind != 0 {
		o.Text("catalogueKind", c.Kind.String())
	}
	o.Text("title", c.Title)
	d := schema.NewBuilder()
	d.Text("code", c.Division.Code)
	d.Text("name", c.Division.Name)
	d.Extensions(c.Division.Extensions)
	o.Set("division", d.Node())
	if c.Level != 0 {
		o.Text("level", c.Level.String())
	}
	if !c.AsOf.IsZero() {
		o.Text("asOf", c.AsOf.Format(time.DateOnly))
	}
	o.Text("source", c.Source)
	o.Text("notes", c.Notes)
	ms := &schema.Node{Kind: schema.Array, Items: make([]*schema.Node, len(c.Matters))}
	for i := range c.Matters {
		ms.Items[i] = c.Matters[i].Node()
	}
	o.Set("matters", ms)
	if len(c.Bundles) > 0 {
		bs := &schema.Node{Kind: schema.Array}
		for i := range c.Bundles {
			bs.Items = append(bs.Items, c.Bundles[i].node())
		}
		o.Set("bundles", bs)
	}
	o.Extensions(c.Extensions)
	return o.Node()
}

// Node returns the matter as a document tree.
func (m *Matter) Node() *schema.Node {
	o := schema.NewBuilder()
	o.Text("code", m.Code)
	o.Text("baseCode", m.BaseCode)
	o.Text("name", m.Name)
	o.Text("mainItem", m.MainItem)
	if m.Type != 0 {
		o.Text("type", m.Type.String())
	}
	if m.Level != 0 {
		o.Text("level", m.Level.String())
	}
	b := schema.NewBuilder()
	b.Text("name", m.Body.Name)
	b.Text("creditCode", m.Body.CreditCode)
	if m.Body.Nature != 0 {
		b.Text("nature", m.Body.Nature.String())
	}
	b.Extensions(m.Body.Extensions)
	o.Set("body", b.Node())
	if m.PowerSource != 0 {
		o.Text("powerSource", m.PowerSource.String())
	}
	o.Set("legalLimit", m.LegalLimit.node())
	o.Set("promisedLimit", m.PromisedLimit.node())
	if m.HandlingKind != 0 {
		o.Text("handlingKind", m.HandlingKind.String())
	}
	if m.Visits != nil {
		o.Int("visits", int64(*m.Visits))
	}
	o.Text("onsiteReason", m.OnsiteReason)
	o.Set("online", setNode(m.Online))
	o.Set("forms", setNode(m.Forms))
	o.Set("serviceObjects", setNode(m.ServiceObjects))
	if len(m.Scopes) > 0 {
		ss := &schema.Node{Kind: schema.Array}
		for _, s := range m.Scopes {
			so := schema.NewBuilder()
			so.Text("scope", s.String())
			positive(so, "batch", s.Batch)
			so.Extensions(s.Extensions)
			ss.Items = append(ss.Items, so.Node())
		}
		o.Set("scopes", ss)
	}
	if g := m.Delegation; g != nil {
		go_ := schema.NewBuilder()
		if g.To != 0 {
			go_.Text("to", g.To.String())
		}
		positive(go_, "batch", g.Batch)
		go_.Text("document", g.Document)
		go_.Extensions(g.Extensions)
		o.Set("delegation", go_.Node())
	}
	o.Bool("selfService24h", m.SelfService24h)
	o.Bool("tolerateMissing", m.TolerateMissing)
	o.Bool("inHall", m.InHall)
	if f := m.Fee; f != nil {
		fo := schema.NewBuilder()
		fo.Set("charged", &schema.Node{Kind: schema.Bool, Value: strconv.FormatBool(f.Charged)})
		fo.Text("basis", f.Basis)
		if f.Items != nil {
			fo.Set("items", strsNode(f.Items))
		}
		fo.Extensions(f.Extensions)
		o.Set("fee", fo.Node())
	}
	o.Extensions(m.Extensions)
	return o.Node()
}

func strsNode(ss []string) *schema.Node {
	n := &schema.Node{Kind: schema.Array, Items: make([]*schema.Node, len(ss))}
	for i, s := range ss {
		n.Items[i] = schema.StringNode(s)
	}
	return n
}

func (l Limit) node() *schema.Node {
	if l.IsZero() {
		return nil
	}
	o := schema.NewBuilder()
	if l.Unit != Instant || l.Value != 0 {
		o.Set("value", &schema.Node{Kind: schema.Number, Value: strconv.FormatFloat(l.Value, 'f', -1, 64)})
	}
	o.Text("unit", l.Unit.String())
	o.Extensions(l.Extensions)
	return o.Node()
}

func (b *Bundle) node() *schema.Node {
	o := schema.NewBuilder()
	o.Text("code", b.Code)
	o.Text("name", b.Name)
	o.Text("leadBody", b.LeadBody)
	o.Set("matters", strsNode(b.Matters))
	o.Set("promisedLimit", b.PromisedLimit.node())
	if b.Visits != nil {
		o.Int("visits", int64(*b.Visits))
	}
	o.Extensions(b.Extensions)
	return o.Node()
}

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
