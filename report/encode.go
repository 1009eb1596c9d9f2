package report

import (
	"bytes"
	"io"
	"time"

	"github.com/zwfw/zwfw/schema"
)

// optional adds an integer member when it is stated.
func optional(o schema.Builder, key string, v *int64) {
	if v != nil {
		o.Int(key, *v)
	}
}

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
	o := schema.NewBuilder()
	o.Text("kind", "Bulletin")
	o.Int("schemaVersion", SchemaVersion)
	if b.Period.IsValid() {
		o.Text("period", b.Period.String())
	}
	o.Text("issuer", b.Issuer)
	o.Text("title", b.Title)
	if b.Masthead != nil {
		o.Set("masthead", b.Masthead.node())
	}
	o.Text("divisions", b.Divisions)
	o.Text("modes", b.Modes)
	if b.Layout != nil {
		o.Set("layout", b.Layout.node())
	}
	o.Set("updates", array(b.Updates, (*Update).node))
	if b.Visits != nil {
		o.Set("visits", b.Visits.node())
	}
	o.Set("submissions", array(b.Submissions, (*Submission).node))
	if b.Attendance != nil {
		o.Set("attendance", b.Attendance.node())
	}
	if b.Efficiency != nil {
		o.Set("efficiency", b.Efficiency.node())
	}
	o.Set("attachments", array(b.Attachments, (*Attachment).node))
	o.Set("sections", array(b.Sections, (*Section).node))
	o.Extensions(b.Extensions)
	return o.Node()
}

func (u *Update) node() *schema.Node {
	o := schema.NewBuilder()
	o.Text("unit", u.Unit)
	o.Text("department", u.Department)
	o.Text("body", u.Body)
	o.Text("mode", u.Mode)
	o.Text("headline", u.Headline)
	o.Text("lead", u.Lead)
	o.Set("figures", figuresNode(u.Figures))
	o.Set("measures", array(u.Measures, (*Measure).node))
	o.Extensions(u.Extensions)
	return o.Node()
}

func (m *Measure) node() *schema.Node {
	o := schema.NewBuilder()
	o.Text("name", m.Name)
	o.Text("heading", m.Heading)
	o.Text("text", m.Text)
	o.Set("figures", figuresNode(m.Figures))
	o.Extensions(m.Extensions)
	return o.Node()
}

func figuresNode(figs []Figure) *schema.Node {
	if figs == nil {
		return nil
	}
	o := schema.NewBuilder()
	for i := range figs {
		o.Set(figs[i].Name, figs[i].node())
	}
	return o.Node()
}

func (f *Figure) node() *schema.Node {
	o := schema.NewBuilder()
	o.Text("kind", f.Kind.String())
	if f.Kind == Date {
		if !f.Date.IsZero() {
			o.Text("value", f.Date.Format(time.DateOnly))
		}
	} else {
		o.Set("value", &schema.Node{Kind: schema.Number, Value: f.Value.String()})
	}
	o.Text("unit", f.Unit.String())
	o.Text("scale", f.Scale.String())
	o.Text("approx", f.Approx.String())
	o.Text("indicator", f.Indicator)
	o.Text("subject", f.Subject)
	o.Extensions(f.Extensions)
	return o.Node()
}

func (v *Visits) node() *schema.Node {
	o := schema.NewBuilder()
	o.Text("place", v.Place)
	optional(o, "total", v.Total)
	o.Set("entries", array(v.Entries, (*Visit).node))
	o.Extensions(v.Extensions)
	return o.Node()
}

func (v *Visit) node() *schema.Node {
	o := schema.NewBuilder()
	o.Text("department", v.Department)
	o.Text("title", v.Title)
	o.Text("name", v.Name)
	o.Int("count", v.Count)
	o.Extensions(v.Extensions)
	return o.Node()
}

func (s *Submission) node() *schema.Node {
	o := schema.NewBuilder()
	o.Text("department", s.Department)
	o.Int("count", s.Count)
	o.Extensions(s.Extensions)
	return o.Node()
}

func (a *Attendance) node() *schema.Node {
	o := schema.NewBuilder()
	if a.Leave != nil {
		o.Set("leave", a.Leave.node())
	}
	if a.Clock != nil {
		o.Set("clock", a.Clock.node())
	}
	o.Extensions(a.Extensions)
	return o.Node()
}

func (l *Leave) node() *schema.Node {
	o := schema.NewBuilder()
	o.Text("staff", l.Staff)
	optional(o, "total", l.Total)
	o.Set("kinds", array(l.Kinds, (*LeaveKind).node))
	o.Extensions(l.Extensions)
	return o.Node()
}

func (k *LeaveKind) node() *schema.Node {
	o := schema.NewBuilder()
	o.Text("kind", k.Kind)
	o.Int("count", k.Count)
	o.Extensions(k.Extensions)
	return o.Node()
}

func (c *Clock) node() *schema.Node {
	o := schema.NewBuilder()
	o.Text("source", c.Source)
	o.Int("late", c.Late)
	o.Int("missed", c.Missed)
	if c.Early != 0 {
		o.Int("early", c.Early)
	}
	if c.Field != 0 {
		o.Int("field", c.Field)
	}
	if c.Attachment != 0 {
		o.Int("attachment", int64(c.Attachment))
	}
	o.Extensions(c.Extensions)
	return o.Node()
}

func (e *Efficiency) node() *schema.Node {
	o := schema.NewBuilder()
	o.Text("source", e.Source)
	o.Text("place", e.Place)
	o.Int("accepted", e.Accepted)
	o.Int("completed", e.Completed)
	if e.Attachment != 0 {
		o.Int("attachment", int64(e.Attachment))
	}
	o.Extensions(e.Extensions)
	return o.Node()
}

func (a *Attachment) node() *schema.Node {
	o := schema.NewBuilder()
	o.Text("title", a.Title)
	if a.Table != nil {
		o.Set("table", a.Table.node())
	}
	o.Extensions(a.Extensions)
	return o.Node()
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
func (b *Bulletin) WriteJSON(w io.Writer) error { return schema.WriteJSON(w, b.Node()) }

// WriteYAML writes the bulletin document as YAML, with a first line that
// tells the YAML language server which schema to validate against.
func (b *Bulletin) WriteYAML(w io.Writer) error {
	return schema.WriteYAML(w, b.Node(), schema.Bulletin)
}
