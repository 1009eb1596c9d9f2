package report

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/zwfw/zwfw/schema"
)

// decoder turns schema-validated nodes into typed values. It reports what
// it cannot convert and goes on, so one pass gives every problem; what the
// schema already reported is filtered out by the caller.
type decoder struct {
	probs schema.List
}

func (d *decoder) fail(n *schema.Node, path schema.Path, rule schema.Rule, format string, args ...any) {
	d.probs.Errorf(path, n.Pos, rule, format, args...)
}

func (d *decoder) str(n *schema.Node, path schema.Path) string {
	if n.Kind != schema.String {
		d.fail(n, path, RuleDecode, "want a string, got %s", n.Kind)
		return ""
	}
	return n.Value
}

func (d *decoder) integer(n *schema.Node, path schema.Path) int64 {
	if n.Kind != schema.Number {
		d.fail(n, path, RuleDecode, "want an integer, got %s", n.Kind)
		return 0
	}
	dec, err := ParseDecimal(n.Value)
	if err != nil {
		d.fail(n, path, RuleDecode, "%s is not a number", n.Value)
		return 0
	}
	v, ok := dec.Int64()
	if !ok {
		d.fail(n, path, RuleDecode, "%s is not an integer in range", n.Value)
		return 0
	}
	return v
}

func (d *decoder) object(n *schema.Node, path schema.Path) bool {
	if n.Kind != schema.Object {
		d.fail(n, path, RuleDecode, "want an object, got %s", n.Kind)
		return false
	}
	return true
}

func (d *decoder) array(n *schema.Node, path schema.Path) bool {
	if n.Kind != schema.Array {
		d.fail(n, path, RuleDecode, "want an array, got %s", n.Kind)
		return false
	}
	return true
}

// ext stores an x- member; it reports whether the member was one.
func (d *decoder) ext(x *Extensions, f *schema.Field) bool {
	if !strings.HasPrefix(f.Key, "x-") {
		return false
	}
	if *x == nil {
		*x = Extensions{}
	}
	b, _ := f.Value.MarshalJSON()
	(*x)[f.Key] = json.RawMessage(b)
	return true
}

// member handles what every object shares: x- members, and members the
// type does not have (which the schema reports first).
// members passes each member of the object n at path to set, with the
// member's path; set returns false for a key it does not know, which is
// kept as an x- extension in x or reported.
func (d *decoder) members(n *schema.Node, path schema.Path, x *Extensions, set func(f *schema.Field, p schema.Path) bool) {
	if !d.object(n, path) {
		return
	}
	for i := range n.Fields {
		f := &n.Fields[i]
		if !set(f, path.Key(f.Key)) {
			d.member(x, f, path)
		}
	}
}

func (d *decoder) member(x *Extensions, f *schema.Field, path schema.Path) {
	if !d.ext(x, f) {
		d.probs.Errorf(path.Key(f.Key), f.KeyPos, "schema.additional-properties", "unknown member %q (local extensions must start with \"x-\")", f.Key)
	}
}

func decodeEnum[T ~uint8](d *decoder, parse func(string) (T, error), n *schema.Node, path schema.Path) T {
	s := d.str(n, path)
	if s == "" && n.Kind != schema.String {
		return 0
	}
	v, err := parse(s)
	if err != nil {
		d.probs.Add(&schema.Problem{Path: path, Pos: n.Pos, Rule: "schema.enum", Message: strings.TrimPrefix(err.Error(), "report: "), Err: err})
	}
	return v
}

func (d *decoder) bulletin(n *schema.Node) *Bulletin {
	b := &Bulletin{}
	if !d.object(n, schema.Root) {
		return b
	}
	for i := range n.Fields {
		f := &n.Fields[i]
		p := schema.Root.Key(f.Key)
		v := f.Value
		switch f.Key {
		case "kind", "schemaVersion":
			// checked by the schema
		case "period":
			s := d.str(v, p)
			per, err := ParsePeriod(s)
			if err != nil && v.Kind == schema.String {
				d.fail(v, p, RuleDecode, "%q is not a month (YYYY-MM)", s)
			}
			b.Period = per
		case "issuer":
			b.Issuer = d.str(v, p)
		case "title":
			b.Title = d.str(v, p)
		case "updates":
			if d.array(v, p) {
				b.Updates = make([]Update, len(v.Items))
				for j, it := range v.Items {
					d.update(&b.Updates[j], it, p.Index(j))
				}
			}
		case "visits":
			b.Visits = d.visits(v, p)
		case "submissions":
			if d.array(v, p) {
				b.Submissions = make([]Submission, len(v.Items))
				for j, it := range v.Items {
					d.submission(&b.Submissions[j], it, p.Index(j))
				}
			}
		case "attendance":
			b.Attendance = d.attendance(v, p)
		case "efficiency":
			b.Efficiency = d.efficiency(v, p)
		case "masthead":
			b.Masthead = d.masthead(v, p)
		case "layout":
			b.Layout = d.layout(v, p)
		case "sections":
			b.Sections = d.sections(v, p)
		case "divisions":
			b.Divisions = d.str(v, p)
		case "modes":
			b.Modes = d.str(v, p)
		case "attachments":
			if d.array(v, p) {
				b.Attachments = make([]Attachment, len(v.Items))
				for j, it := range v.Items {
					d.attachment(&b.Attachments[j], it, p.Index(j))
				}
			}
		default:
			d.member(&b.Extensions, f, schema.Root)
		}
	}
	return b
}

func (d *decoder) update(u *Update, n *schema.Node, path schema.Path) {
	d.members(n, path, &u.Extensions, func(f *schema.Field, p schema.Path) bool {
		switch f.Key {
		case "unit":
			u.Unit = d.str(f.Value, p)
		case "department":
			u.Department = d.str(f.Value, p)
		case "body":
			u.Body = d.str(f.Value, p)
		case "mode":
			u.Mode = d.str(f.Value, p)
		case "headline":
			u.Headline = d.str(f.Value, p)
		case "lead":
			u.Lead = d.str(f.Value, p)
		case "figures":
			u.Figures = d.figures(f.Value, p)
		case "measures":
			if d.array(f.Value, p) {
				u.Measures = make([]Measure, len(f.Value.Items))
				for j, it := range f.Value.Items {
					d.measure(&u.Measures[j], it, p.Index(j))
				}
			}
		default:
			return false
		}
		return true
	})
}

func (d *decoder) measure(m *Measure, n *schema.Node, path schema.Path) {
	d.members(n, path, &m.Extensions, func(f *schema.Field, p schema.Path) bool {
		switch f.Key {
		case "name":
			m.Name = d.str(f.Value, p)
		case "heading":
			m.Heading = d.str(f.Value, p)
		case "text":
			m.Text = d.str(f.Value, p)
		case "figures":
			m.Figures = d.figures(f.Value, p)
		default:
			return false
		}
		return true
	})
}

// figures reads the map of figures by name, keeping document order.
func (d *decoder) figures(n *schema.Node, path schema.Path) []Figure {
	if !d.object(n, path) {
		return nil
	}
	figs := make([]Figure, len(n.Fields))
	for i := range n.Fields {
		f := &n.Fields[i]
		figs[i].Name = f.Key
		d.figure(&figs[i], f.Value, path.Key(f.Key))
	}
	return figs
}

func (d *decoder) figure(fig *Figure, n *schema.Node, path schema.Path) {
	if !d.object(n, path) {
		return
	}
	var value *schema.Node
	for i := range n.Fields {
		f := &n.Fields[i]
		p := path.Key(f.Key)
		switch f.Key {
		case "kind":
			fig.Kind = decodeEnum(d, ParseKind, f.Value, p)
		case "value":
			value = f.Value
		case "unit":
			fig.Unit = decodeEnum(d, ParseUnit, f.Value, p)
		case "scale":
			fig.Scale = decodeEnum(d, ParseScale, f.Value, p)
		case "approx":
			fig.Approx = decodeEnum(d, ParseApprox, f.Value, p)
		case "indicator":
			fig.Indicator = d.str(f.Value, p)
		case "subject":
			fig.Subject = d.str(f.Value, p)
		default:
			d.member(&fig.Extensions, f, path)
		}
	}
	if value == nil {
		return // the schema reports it missing
	}
	p := path.Key("value")
	switch {
	case fig.Kind == Date:
		if value.Kind != schema.String {
			d.fail(value, p, RuleInvalidValue, "a date is written as a string YYYY-MM-DD, not a %s", value.Kind)
			return
		}
		t, err := time.Parse(time.DateOnly, value.Value)
		if err != nil {
			d.fail(value, p, RuleInvalidValue, "%q is not a date (YYYY-MM-DD)", value.Value)
			return
		}
		fig.Date = t
	case value.Kind == schema.Number:
		v, err := ParseDecimal(value.Value)
		if err != nil {
			d.fail(value, p, RuleInvalidValue, "%s is not a decimal number in range", value.Value)
			return
		}
		fig.Value = v
	case fig.Kind != 0:
		d.fail(value, p, RuleInvalidValue, "a %s figure needs a number, not a %s", fig.Kind, value.Kind)
	}
}

func (d *decoder) visits(n *schema.Node, path schema.Path) *Visits {
	v := &Visits{}
	d.members(n, path, &v.Extensions, func(f *schema.Field, p schema.Path) bool {
		switch f.Key {
		case "place":
			v.Place = d.str(f.Value, p)
		case "total":
			t := d.integer(f.Value, p)
			v.Total = &t
		case "entries":
			if d.array(f.Value, p) {
				v.Entries = make([]Visit, len(f.Value.Items))
				for j, it := range f.Value.Items {
					d.visit(&v.Entries[j], it, p.Index(j))
				}
			}
		default:
			return false
		}
		return true
	})
	return v
}

func (d *decoder) visit(v *Visit, n *schema.Node, path schema.Path) {
	d.members(n, path, &v.Extensions, func(f *schema.Field, p schema.Path) bool {
		switch f.Key {
		case "department":
			v.Department = d.str(f.Value, p)
		case "title":
			v.Title = d.str(f.Value, p)
		case "name":
			v.Name = d.str(f.Value, p)
		case "count":
			v.Count = d.integer(f.Value, p)
		default:
			return false
		}
		return true
	})
}

func (d *decoder) submission(s *Submission, n *schema.Node, path schema.Path) {
	d.members(n, path, &s.Extensions, func(f *schema.Field, p schema.Path) bool {
		switch f.Key {
		case "department":
			s.Department = d.str(f.Value, p)
		case "count":
			s.Count = d.integer(f.Value, p)
		default:
			return false
		}
		return true
	})
}

func (d *decoder) attendance(n *schema.Node, path schema.Path) *Attendance {
	a := &Attendance{}
	d.members(n, path, &a.Extensions, func(f *schema.Field, p schema.Path) bool {
		switch f.Key {
		case "leave":
			a.Leave = d.leave(f.Value, p)
		case "clock":
			a.Clock = d.clock(f.Value, p)
		default:
			return false
		}
		return true
	})
	return a
}

func (d *decoder) leave(n *schema.Node, path schema.Path) *Leave {
	l := &Leave{}
	d.members(n, path, &l.Extensions, func(f *schema.Field, p schema.Path) bool {
		switch f.Key {
		case "staff":
			l.Staff = d.str(f.Value, p)
		case "total":
			t := d.integer(f.Value, p)
			l.Total = &t
		case "kinds":
			if d.array(f.Value, p) {
				l.Kinds = make([]LeaveKind, len(f.Value.Items))
				for j, it := range f.Value.Items {
					d.leaveKind(&l.Kinds[j], it, p.Index(j))
				}
			}
		default:
			return false
		}
		return true
	})
	return l
}

func (d *decoder) leaveKind(k *LeaveKind, n *schema.Node, path schema.Path) {
	d.members(n, path, &k.Extensions, func(f *schema.Field, p schema.Path) bool {
		switch f.Key {
		case "kind":
			k.Kind = d.str(f.Value, p)
		case "count":
			k.Count = d.integer(f.Value, p)
		default:
			return false
		}
		return true
	})
}

func (d *decoder) clock(n *schema.Node, path schema.Path) *Clock {
	c := &Clock{}
	d.members(n, path, &c.Extensions, func(f *schema.Field, p schema.Path) bool {
		switch f.Key {
		case "source":
			c.Source = d.str(f.Value, p)
		case "late":
			c.Late = d.integer(f.Value, p)
		case "missed":
			c.Missed = d.integer(f.Value, p)
		case "early":
			c.Early = d.integer(f.Value, p)
		case "field":
			c.Field = d.integer(f.Value, p)
		case "attachment":
			c.Attachment = d.attachmentRef(f.Value, p)
		default:
			return false
		}
		return true
	})
	return c
}

func (d *decoder) efficiency(n *schema.Node, path schema.Path) *Efficiency {
	e := &Efficiency{}
	d.members(n, path, &e.Extensions, func(f *schema.Field, p schema.Path) bool {
		switch f.Key {
		case "source":
			e.Source = d.str(f.Value, p)
		case "place":
			e.Place = d.str(f.Value, p)
		case "accepted":
			e.Accepted = d.integer(f.Value, p)
		case "completed":
			e.Completed = d.integer(f.Value, p)
		case "attachment":
			e.Attachment = d.attachmentRef(f.Value, p)
		default:
			return false
		}
		return true
	})
	return e
}

func (d *decoder) attachmentRef(n *schema.Node, path schema.Path) int {
	v := d.integer(n, path)
	if v < 0 || v > 1<<20 {
		d.fail(n, path, RuleDecode, "attachment number %s out of range", strconv.FormatInt(v, 10))
		return 0
	}
	return int(v)
}

func (d *decoder) attachment(a *Attachment, n *schema.Node, path schema.Path) {
	d.members(n, path, &a.Extensions, func(f *schema.Field, p schema.Path) bool {
		switch f.Key {
		case "title":
			a.Title = d.str(f.Value, p)
		case "table":
			a.Table = d.table(f.Value, p)
		default:
			return false
		}
		return true
	})
}
