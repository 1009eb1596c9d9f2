package report

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
		o.set(key, strNode(s))
	}
}

func (o obj) integer(key string, v int64) {
	o.set(key, &schema.Node{Kind: schema.Number, Value: strconv.FormatInt(v, 10)})
}

func (o obj) optional(key string, v *int64) {
	if v != nil {
		o.integer(key, *v)
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

func array[T any](items []T, node func(*T) *schema.Node) *schema.Node {
	if items == nil {
		return nil
	}
	n := &schema.Node{Kind: schema.Array, Items: make([]*schema.Node, len(items))}
	for i := range items {
		n.Items[i] = node(&items[i])
	}
	return n
}

// Node returns the bulletin as a document tree, members in the order the
// schema lists them; x- members follow, sorted.
func (b *Bulletin) Node() *schema.Node {
	o := newObj()
	o.str("kind", "Bulletin")
	o.integer("schemaVersion", SchemaVersion)
	if b.Period.IsValid() {
		o.str("period", b.Period.String())
	}
	o.str("issuer", b.Issuer)
	o.str("title", b.Title)
	o.set("updates", array(b.Updates, (*Update).node))
	if b.Visits != nil {
		o.set("visits", b.Visits.node())
	}
	o.set("submissions", array(b.Submissions, (*Submission).node))
	if b.Attendance != nil {
		o.set("attendance", b.Attendance.node())
	}
	if b.Efficiency != nil {
		o.set("efficiency", b.Efficiency.node())
	}
	o.set("attachments", array(b.Attachments, (*Attachment).node))
	o.ext(b.Extensions)
	return o.n
}

func (u *Update) node() *schema.Node {
	o := newObj()
	o.str("unit", u.Unit)
	o.str("body", u.Body)
	o.str("mode", u.Mode)
	o.str("headline", u.Headline)
	o.str("lead", u.Lead)
	o.set("figures", figuresNode(u.Figures))
	o.set("measures", array(u.Measures, (*Measure).node))
	o.ext(u.Extensions)
	return o.n
}

func (m *Measure) node() *schema.Node {
	o := newObj()
	o.str("name", m.Name)
	o.str("heading", m.Heading)
	o.str("text", m.Text)
	o.set("figures", figuresNode(m.Figures))
	o.ext(m.Extensions)
	return o.n
}

func figuresNode(figs []Figure) *schema.Node {
	if figs == nil {
		return nil
	}
	o := newObj()
	for i := range figs {
		o.set(figs[i].Name, figs[i].node())
	}
	return o.n
}

func (f *Figure) node() *schema.Node {
	o := newObj()
	o.str("kind", f.Kind.String())
	if f.Kind == Date {
		if !f.Date.IsZero() {
			o.str("value", f.Date.Format(time.DateOnly))
		}
	} else {
		o.set("value", &schema.Node{Kind: schema.Number, Value: f.Value.String()})
	}
	o.str("unit", f.Unit.String())
	o.str("scale", f.Scale.String())
	o.str("approx", f.Approx.String())
	o.str("indicator", f.Indicator)
	o.str("subject", f.Subject)
	o.ext(f.Extensions)
	return o.n
}

func (v *Visits) node() *schema.Node {
	o := newObj()
	o.str("place", v.Place)
	o.optional("total", v.Total)
	o.set("entries", array(v.Entries, (*Visit).node))
	o.ext(v.Extensions)
	return o.n
}

func (v *Visit) node() *schema.Node {
	o := newObj()
	o.str("department", v.Department)
	o.str("title", v.Title)
	o.str("name", v.Name)
	o.integer("count", v.Count)
	o.ext(v.Extensions)
	return o.n
}

func (s *Submission) node() *schema.Node {
	o := newObj()
	o.str("department", s.Department)
	o.integer("count", s.Count)
	o.ext(s.Extensions)
	return o.n
}

func (a *Attendance) node() *schema.Node {
	o := newObj()
	if a.Leave != nil {
		o.set("leave", a.Leave.node())
	}
	if a.Clock != nil {
		o.set("clock", a.Clock.node())
	}
	o.ext(a.Extensions)
	return o.n
}

func (l *Leave) node() *schema.Node {
	o := newObj()
	o.str("staff", l.Staff)
	o.optional("total", l.Total)
	o.set("kinds", array(l.Kinds, (*LeaveKind).node))
	o.ext(l.Extensions)
	return o.n
}

func (k *LeaveKind) node() *schema.Node {
	o := newObj()
	o.str("kind", k.Kind)
	o.integer("count", k.Count)
	o.ext(k.Extensions)
	return o.n
}

func (c *Clock) node() *schema.Node {
	o := newObj()
	o.str("source", c.Source)
	o.integer("late", c.Late)
	o.integer("missed", c.Missed)
	if c.Attachment != 0 {
		o.integer("attachment", int64(c.Attachment))
	}
	o.ext(c.Extensions)
	return o.n
}

func (e *Efficiency) node() *schema.Node {
	o := newObj()
	o.str("source", e.Source)
	o.str("place", e.Place)
	o.integer("accepted", e.Accepted)
	o.integer("completed", e.Completed)
	if e.Attachment != 0 {
		o.integer("attachment", int64(e.Attachment))
	}
	o.ext(e.Extensions)
	return o.n
}

func (a *Attachment) node() *schema.Node {
	o := newObj()
	o.str("title", a.Title)
	o.ext(a.Extensions)
	return o.n
}

// MarshalJSON writes the bulletin document as compact JSON.
func (b *Bulletin) MarshalJSON() ([]byte, error) { return b.Node().MarshalJSON() }

// UnmarshalJSON reads a bulletin document, validating and checking it as
// [Parse] does with default options; the error is a [schema.List] when the
// document has errors.
func (b *Bulletin) UnmarshalJSON(data []byte) error {
	got, probs := Parse("", bytes.Clone(data), nil)
	if err := probs.Err(); err != nil {
		return err
	}
	*b = *got
	return nil
}

// WriteJSON writes the bulletin document as indented JSON.
func (b *Bulletin) WriteJSON(w io.Writer) error {
	raw, _ := b.MarshalJSON()
	var buf bytes.Buffer
	if err := json.Indent(&buf, raw, "", "  "); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}

// WriteYAML writes the bulletin document as YAML, with a first line that
// tells the YAML language server which schema to validate against.
func (b *Bulletin) WriteYAML(w io.Writer) error {
	y, err := b.Node().YAML()
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if _, err := fmt.Fprintf(w, "# yaml-language-server: $schema=%s\n", schema.Bulletin.ID()); err != nil {
		return err
	}
	_, err = w.Write(y)
	return err
}
