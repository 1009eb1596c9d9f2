package matters

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/zwfw/zwfw/schema"
)

// RuleDecode is reported when a value that passed the schema still cannot
// be turned into its Go type (a number too large, a date that does not
// exist). It is rare: the schema catches almost everything first.
const RuleDecode schema.Rule = "matter.decode"

// decoder turns validated nodes into typed values. It reports what it cannot
// convert and goes on, so one pass gives every problem.
//
// Decoding builds no paths: a problem's path is found by searching the tree
// from root for the node concerned, which costs only when there is a
// problem.
type decoder struct {
	probs    *schema.List
	root     *schema.Node
	rootPath schema.Path
}

func (d *decoder) fail(n *schema.Node, format string, args ...any) {
	d.probs.Errorf(d.pathOf(n), n.Pos, RuleDecode, format, args...)
}

// pathOf returns the path of node n below the decoder's root.
func (d *decoder) pathOf(n *schema.Node) schema.Path {
	if p, ok := findPath(d.root, n, d.rootPath); ok {
		return p
	}
	return d.rootPath
}

func findPath(cur, want *schema.Node, at schema.Path) (schema.Path, bool) {
	if cur == want {
		return at, true
	}
	for _, f := range cur.Fields {
		if p, ok := findPath(f.Value, want, at.Key(f.Key)); ok {
			return p, true
		}
	}
	for i, it := range cur.Items {
		if p, ok := findPath(it, want, at.Index(i)); ok {
			return p, true
		}
	}
	return schema.Path{}, false
}

func (d *decoder) str(n *schema.Node) string {
	if n.Kind != schema.String {
		d.fail(n, "want a string, got %s", n.Kind)
		return ""
	}
	return n.Value
}

func (d *decoder) boolean(n *schema.Node) bool {
	if n.Kind != schema.Bool {
		d.fail(n, "want true or false, got %s", n.Kind)
		return false
	}
	return n.Value == "true"
}

func (d *decoder) integer(n *schema.Node) (int, bool) {
	if n.Kind != schema.Number {
		d.fail(n, "want an integer, got %s", n.Kind)
		return 0, false
	}
	v, err := strconv.Atoi(n.Value)
	if err != nil {
		// 1.0 and 1e2 are integers in JSON Schema.
		f, ferr := strconv.ParseFloat(n.Value, 64)
		if ferr != nil || f != float64(int(f)) || f > 1<<31 || f < -1<<31 {
			d.fail(n, "%s is not an integer in range", n.Value)
			return 0, false
		}
		v = int(f)
	}
	return v, true
}

func (d *decoder) number(n *schema.Node) float64 {
	if n.Kind != schema.Number {
		d.fail(n, "want a number, got %s", n.Kind)
		return 0
	}
	f, err := strconv.ParseFloat(n.Value, 64)
	if err != nil {
		d.fail(n, "%s is out of range", n.Value)
	}
	return f
}

// enumText is the text an enum member is written with: a string as is, a
// number as its digits.
func (d *decoder) enumText(n *schema.Node) (string, bool) {
	if n.Kind != schema.String && n.Kind != schema.Number {
		d.fail(n, "want a term or a code, got %s", n.Kind)
		return "", false
	}
	return n.Value, true
}

func decodeEnum(d *decoder, e *enum, n *schema.Node) uint8 {
	s, ok := d.enumText(n)
	if !ok {
		return 0
	}
	v, err := e.parse(s)
	if err != nil {
		d.probs.Add(&schema.Problem{Path: d.pathOf(n), Pos: n.Pos, Rule: "schema.enum", Message: strings.TrimPrefix(err.Error(), "matters: "), Err: err})
	}
	return v
}

func decodeSet[T ~uint8](d *decoder, e *enum, n *schema.Node) Set[T] {
	var s Set[T]
	if n.Kind != schema.Array {
		d.fail(n, "want an array, got %s", n.Kind)
		return s
	}
	for _, it := range n.Items {
		s = s.With(T(decodeEnum(d, e, it)))
	}
	return s
}

// ext stores an x- member; it reports whether key was one.
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

// unknown reports a member the type does not have. The schema reports it
// first; this keeps the decoder honest when used on unvalidated input.
func (d *decoder) unknown(parent *schema.Node, f *schema.Field) {
	d.probs.Errorf(d.pathOf(parent).Key(f.Key), f.KeyPos, "schema.additional-properties", "unknown member %q (local extensions must start with \"x-\")", f.Key)
}

// members passes each member of the object n to set, which returns false
// for a key it does not know: that member is kept as an x- extension in x,
// or reported.
func (d *decoder) members(n *schema.Node, x *Extensions, set func(f *schema.Field) bool) {
	if !d.object(n) {
		return
	}
	for i := range n.Fields {
		f := &n.Fields[i]
		if !set(f) && !d.ext(x, f) {
			d.unknown(n, f)
		}
	}
}

func (d *decoder) object(n *schema.Node) bool {
	if n.Kind != schema.Object {
		d.fail(n, "want an object, got %s", n.Kind)
		return false
	}
	return true
}

func (d *decoder) catalogue(n *schema.Node) *Catalogue {
	c := &Catalogue{}
	d.members(n, &c.Extensions, func(f *schema.Field) bool {
		switch f.Key {
		case "kind", "schemaVersion":
			// checked by the schema
		case "catalogueKind":
			c.Kind = CatalogueKind(decodeEnum(d, catalogueKinds, f.Value))
		case "title":
			c.Title = d.str(f.Value)
		case "division":
			c.Division = d.division(f.Value)
		case "level":
			c.Level = Level(decodeEnum(d, levels, f.Value))
		case "asOf":
			s := d.str(f.Value)
			t, err := time.Parse(time.DateOnly, s)
			if err != nil && s != "" {
				d.fail(f.Value, "%q is not a date (YYYY-MM-DD)", s)
			}
			c.AsOf = t
		case "source":
			c.Source = d.str(f.Value)
		case "notes":
			c.Notes = d.str(f.Value)
		case "matters":
			if f.Value.Kind != schema.Array {
				d.fail(f.Value, "want an array, got %s", f.Value.Kind)
				return true
			}
			c.Matters = make([]Matter, len(f.Value.Items))
			for j, it := range f.Value.Items {
				d.matter(&c.Matters[j], it)
			}
		case "bundles":
			if f.Value.Kind != schema.Array {
				d.fail(f.Value, "want an array, got %s", f.Value.Kind)
				return true
			}
			c.Bundles = make([]Bundle, len(f.Value.Items))
			for j, it := range f.Value.Items {
				d.bundle(&c.Bundles[j], it)
			}
		default:
			return false
		}
		return true
	})
	return c
}

func (d *decoder) division(n *schema.Node) Division {
	var v Division
	d.members(n, &v.Extensions, func(f *schema.Field) bool {
		switch f.Key {
		case "code":
			v.Code = d.str(f.Value)
		case "name":
			v.Name = d.str(f.Value)
		default:
			return false
		}
		return true
	})
	return v
}

func (d *decoder) matter(m *Matter, n *schema.Node) {
	d.members(n, &m.Extensions, func(f *schema.Field) bool {
		v := f.Value
		switch f.Key {
		case "code":
			m.Code = d.str(v)
		case "baseCode":
			m.BaseCode = d.str(v)
		case "name":
			m.Name = d.str(v)
		case "mainItem":
			m.MainItem = d.str(v)
		case "type":
			m.Type = Type(decodeEnum(d, types, v))
		case "level":
			m.Level = Level(decodeEnum(d, levels, v))
		case "body":
			m.Body = d.body(v)
		case "powerSource":
			m.PowerSource = PowerSource(decodeEnum(d, powerSources, v))
		case "legalLimit":
			m.LegalLimit = d.limit(v)
		case "promisedLimit":
			m.PromisedLimit = d.limit(v)
		case "handlingKind":
			m.HandlingKind = HandlingKind(decodeEnum(d, handlingKinds, v))
		case "visits":
			if n, ok := d.integer(v); ok {
				m.Visits = &n
			}
		case "onsiteReason":
			m.OnsiteReason = d.str(v)
		case "online":
			m.Online = decodeSet[OnlineItem](d, onlineItems, v)
		case "forms":
			m.Forms = decodeSet[Form](d, forms, v)
		case "serviceObjects":
			m.ServiceObjects = decodeSet[ServiceObject](d, serviceObjects, v)
		case "scopes":
			if v.Kind != schema.Array {
				d.fail(v, "want an array, got %s", v.Kind)
				return true
			}
			m.Scopes = make([]Scope, len(v.Items))
			for j, it := range v.Items {
				m.Scopes[j] = d.scope(it)
			}
		case "delegation":
			m.Delegation = d.delegation(v)
		case "selfService24h":
			m.SelfService24h = d.boolean(v)
		case "tolerateMissing":
			m.TolerateMissing = d.boolean(v)
		case "inHall":
			m.InHall = d.boolean(v)
		case "fee":
			m.Fee = d.fee(v)
		default:
			return false
		}
		return true
	})
}

func (d *decoder) body(n *schema.Node) Body {
	var b Body
	d.members(n, &b.Extensions, func(f *schema.Field) bool {
		switch f.Key {
		case "name":
			b.Name = d.str(f.Value)
		case "creditCode":
			b.CreditCode = d.str(f.Value)
		case "nature":
			b.Nature = BodyNature(decodeEnum(d, natures, f.Value))
		default:
			return false
		}
		return true
	})
	return b
}

func (d *decoder) limit(n *schema.Node) Limit {
	var l Limit
	d.members(n, &l.Extensions, func(f *schema.Field) bool {
		switch f.Key {
		case "value":
			l.Value = d.number(f.Value)
		case "unit":
			l.Unit = Unit(decodeEnum(d, units, f.Value))
		default:
			return false
		}
		return true
	})
	return l
}

func (d *decoder) scope(n *schema.Node) Scope {
	var s Scope
	d.members(n, &s.Extensions, func(f *schema.Field) bool {
		switch f.Key {
		case "scope":
			if t, ok := d.enumText(f.Value); ok {
				sc, err := ParseScope(t)
				if err != nil {
					d.probs.Add(&schema.Problem{Path: d.pathOf(f.Value), Pos: f.Value.Pos, Rule: "schema.enum", Message: strings.TrimPrefix(err.Error(), "matters: "), Err: err})
				}
				s.Kind, s.Name = sc.Kind, sc.Name
			}
		case "batch":
			s.Batch, _ = d.integer(f.Value)
		default:
			return false
		}
		return true
	})
	return s
}

func (d *decoder) delegation(n *schema.Node) *Delegation {
	g := &Delegation{}
	d.members(n, &g.Extensions, func(f *schema.Field) bool {
		switch f.Key {
		case "to":
			g.To = Level(decodeEnum(d, levels, f.Value))
		case "batch":
			g.Batch, _ = d.integer(f.Value)
		case "document":
			g.Document = d.str(f.Value)
		default:
			return false
		}
		return true
	})
	return g
}

func (d *decoder) fee(n *schema.Node) *Fee {
	fee := &Fee{}
	d.members(n, &fee.Extensions, func(f *schema.Field) bool {
		switch f.Key {
		case "charged":
			fee.Charged = d.boolean(f.Value)
		case "basis":
			fee.Basis = d.str(f.Value)
		case "items":
			fee.Items = d.strings(f.Value)
		default:
			return false
		}
		return true
	})
	return fee
}

func (d *decoder) strings(n *schema.Node) []string {
	if n.Kind != schema.Array {
		d.fail(n, "want an array, got %s", n.Kind)
		return nil
	}
	out := make([]string, len(n.Items))
	for i, it := range n.Items {
		out[i] = d.str(it)
	}
	return out
}

func (d *decoder) bundle(b *Bundle, n *schema.Node) {
	d.members(n, &b.Extensions, func(f *schema.Field) bool {
		switch f.Key {
		case "code":
			b.Code = d.str(f.Value)
		case "name":
			b.Name = d.str(f.Value)
		case "leadBody":
			b.LeadBody = d.str(f.Value)
		case "matters":
			b.Matters = d.strings(f.Value)
		case "promisedLimit":
			b.PromisedLimit = d.limit(f.Value)
		case "visits":
			if v, ok := d.integer(f.Value); ok {
				b.Visits = &v
			}
		default:
			return false
		}
		return true
	})
}
