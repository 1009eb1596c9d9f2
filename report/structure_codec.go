package report

import (
	"slices"
	"time"

	"github.com/zwfw/zwfw/schema"
)

func (d *decoder) strings(n *schema.Node, path schema.Path) []string {
	if !d.array(n, path) {
		return nil
	}
	out := make([]string, len(n.Items))
	for i, it := range n.Items {
		out[i] = d.str(it, path.Index(i))
	}
	return out
}

func (d *decoder) masthead(n *schema.Node, path schema.Path) *Masthead {
	m := &Masthead{}
	d.members(n, path, &m.Extensions, func(f *schema.Field, p schema.Path) bool {
		switch f.Key {
		case "title":
			m.Title = d.str(f.Value, p)
		case "issuer":
			m.Issuer = d.str(f.Value, p)
		case "issue":
			m.Issue = int(min(max(d.integer(f.Value, p), 0), 1<<30))
		case "running":
			m.Running = int(min(max(d.integer(f.Value, p), 0), 1<<30))
		case "date":
			s := d.str(f.Value, p)
			t, err := time.Parse(time.DateOnly, s)
			if err != nil && f.Value.Kind == schema.String {
				d.fail(f.Value, p, RuleDecode, "%q is not a date (YYYY-MM-DD)", s)
			}
			m.Date = t
		case "distribution":
			if d.array(f.Value, p) {
				m.Distribution = make([]Distribution, len(f.Value.Items))
				for j, it := range f.Value.Items {
					dl := &m.Distribution[j]
					d.members(it, p.Index(j), &dl.Extensions, func(f *schema.Field, p schema.Path) bool {
						switch f.Key {
						case "kind":
							dl.Kind = d.str(f.Value, p)
						case "to":
							dl.To = d.strings(f.Value, p)
						default:
							return false
						}
						return true
					})
				}
			}
		default:
			return false
		}
		return true
	})
	return m
}

func (d *decoder) layout(n *schema.Node, path schema.Path) *Layout {
	l := &Layout{}
	var none Extensions
	d.members(n, path, &none, func(f *schema.Field, p schema.Path) bool {
		if f.Key != "sections" {
			return false
		}
		l.Sections = d.sectionLayouts(f.Value, p)
		return true
	})
	return l
}

func (d *decoder) sectionLayouts(n *schema.Node, path schema.Path) []SectionLayout {
	if !d.array(n, path) {
		return nil
	}
	out := make([]SectionLayout, len(n.Items))
	for i, it := range n.Items {
		s := &out[i]
		var none Extensions
		d.members(it, path.Index(i), &none, func(f *schema.Field, p schema.Path) bool {
			switch f.Key {
			case "key":
				s.Key = d.str(f.Value, p)
			case "title":
				s.Title = d.str(f.Value, p)
			case "text":
				if d.object(f.Value, p) {
					s.Text = map[string]string{}
					for _, g := range f.Value.Fields {
						s.Text[g.Key] = d.str(g.Value, p.Key(g.Key))
					}
				}
			case "sections":
				s.Sections = d.sectionLayouts(f.Value, p)
			default:
				return false
			}
			return true
		})
	}
	return out
}

func (d *decoder) sections(n *schema.Node, path schema.Path) []Section {
	if !d.array(n, path) {
		return nil
	}
	out := make([]Section, len(n.Items))
	for i, it := range n.Items {
		s := &out[i]
		d.members(it, path.Index(i), &s.Extensions, func(f *schema.Field, p schema.Path) bool {
			switch f.Key {
			case "key":
				s.Key = d.str(f.Value, p)
			case "title":
				s.Title = d.str(f.Value, p)
			case "paragraphs":
				s.Paragraphs = d.strings(f.Value, p)
			default:
				return false
			}
			return true
		})
	}
	return out
}

func (d *decoder) table(n *schema.Node, path schema.Path) *Table {
	t := &Table{}
	var none Extensions
	d.members(n, path, &none, func(f *schema.Field, p schema.Path) bool {
		switch f.Key {
		case "columns":
			t.Columns = d.strings(f.Value, p)
		case "rows":
			if d.array(f.Value, p) {
				t.Rows = make([][]string, len(f.Value.Items))
				for j, it := range f.Value.Items {
					t.Rows[j] = d.strings(it, p.Index(j))
				}
			}
		default:
			return false
		}
		return true
	})
	return t
}

func (m *Masthead) node() *schema.Node {
	o := schema.NewBuilder()
	o.Text("title", m.Title)
	if m.Issue > 0 {
		o.Int("issue", int64(m.Issue))
	}
	if m.Running > 0 {
		o.Int("running", int64(m.Running))
	}
	o.Text("issuer", m.Issuer)
	if !m.Date.IsZero() {
		o.Text("date", m.Date.Format(time.DateOnly))
	}
	o.Set("distribution", array(m.Distribution, func(dl *Distribution) *schema.Node {
		o := schema.NewBuilder()
		o.Text("kind", dl.Kind)
		o.Set("to", schema.Strings(dl.To))
		o.Extensions(dl.Extensions)
		return o.Node()
	}))
	o.Extensions(m.Extensions)
	return o.Node()
}

func (l *Layout) node() *schema.Node {
	o := schema.NewBuilder()
	o.Set("sections", array(l.Sections, (*SectionLayout).node))
	return o.Node()
}

func (s *SectionLayout) node() *schema.Node {
	o := schema.NewBuilder()
	o.Text("key", s.Key)
	o.Text("title", s.Title)
	if s.Text != nil {
		t := schema.NewBuilder()
		keys := make([]string, 0, len(s.Text))
		for k := range s.Text {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			t.Set(k, schema.StringNode(s.Text[k]))
		}
		o.Set("text", t.Node())
	}
	o.Set("sections", array(s.Sections, (*SectionLayout).node))
	return o.Node()
}

func (s *Section) node() *schema.Node {
	o := schema.NewBuilder()
	o.Text("key", s.Key)
	o.Text("title", s.Title)
	if s.Paragraphs != nil {
		o.Set("paragraphs", schema.Strings(s.Paragraphs))
	}
	o.Extensions(s.Extensions)
	return o.Node()
}

func (t *Table) node() *schema.Node {
	o := schema.NewBuilder()
	o.Set("columns", schema.Strings(t.Columns))
	rows := &schema.Node{Kind: schema.Array, Items: make([]*schema.Node, len(t.Rows))}
	for i, r := range t.Rows {
		rows.Items[i] = schema.Strings(r)
	}
	o.Set("rows", rows)
	return o.Node()
}
