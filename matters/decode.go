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
type decoder struct {
	probs *schema.List
}

func (d *decoder) fail(n *schema.Node, path schema.Path, format string, args ...any) {
	d.probs.Errorf(path, n.Pos, RuleDecode, format, args...)
}

func (d *decoder) str(n *schema.Node, path schema.Path) string {
	if n.Kind != schema.String {
		d.fail(n, path, "want a string, got %s", n.Kind)
		return ""
	}
	return n.Value
}

func (d *decoder) boolean(n *schema.Node, path schema.Path) bool {
	if n.Kind != schema.Bool {
		d.fail(n, path, "want true or false, got %s", n.Kind)
		return false
	}
	return n.Value == "true"
}

func (d *decoder) integer(n *schema.Node, path schema.Path) (int, bool) {
	if n.Kind != schema.Number {
		d.fail(n, path, "want an integer, got %s", n.Kind)
		return 0, false
	}
	v, err := strconv.Atoi(n.Value)
	if err != nil {
		// 1.0 and 1e2 are integers in JSON Schema.
		f, ferr := strconv.ParseFloat(n.Value, 64)
		if ferr != nil || f != float64(int(f)) || f > 1<<31 || f < -1<<31 {
			d.fail(n, path, "%s is not an integer in range", n.Value)
			return 0, false
		}
		v = int(f)
	}
	return v, true
}

func (d *decoder) number(n *schema.Node, path schema.Path) float64 {
	if n.Kind != schema.Number {
		d.fail(n, path, "want a number, got %s", n.Kind)
		return 0
	}
	f, err := strconv.ParseFloat(n.Value, 64)
	if err != nil {
		d.fail(n, path, "%s is out of range", n.Value)
	}
	return f
}

// enumText is the text an enum member is written with: a string as is, a
// number as its digits.
func (d *decoder) enumText(n *schema.Node, path schema.Path) (string, bool) {
	if n.Kind != schema.String && n.Kind != schema.Number {
		d.fail(n, path, "want a term or a code, got %s", n.Kind)
		return "", false
	}
	return n.Value, true
}

func decodeEnum(d *decoder, e *enum, n *schema.Node, path schema.Path) uint8 {
	s, ok := d.enumText(n, path)
	if !ok {
		return 0
	}
	v, err := e.parse(s)
	if err != nil {
		d.probs.Add(&schema.Problem{Path: path, Pos: n.Pos, Rule: "schema.enum", Message: strings.TrimPrefix(err.Error(), "matters: "), Err: err})
	}
	return v
}

func decodeSet[T ~uint8](d *decoder, e *enum, n *schema.Node, path schema.Path) Set[T] {
	var s Set[T]
	if n.Kind != schema.Array {
		d.fail(n, path, "want an array, got %s", n.Kind)
		return s
	}
	for i, it := range n.Items {
		s = s.With(T(decodeEnum(d, e, it, path.Index(i))))
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
func (d *decoder) unknown(f *schema.Field, path schema.Path) {
	d.probs.Errorf(path.Key(f.Key), f.KeyPos, "schema.additional-properties", "unknown member %q (local extensions must start with \"x-\")", f.Key)
}

func (d *decoder) object(n *schema.Node, path schema.Path) bool {
	if n.Kind != schema.Object {
		d.fail(n, path, "want an object, got %s", n.Kind)
		return false
	}
	return true
}

func (d *decoder) catalogue(n *schema.Node) *Catalogue {
	c := &Catalogue{}
	if !d.object(n, schema.Root) {
		return c
	}
	for i := range n.Fields {
		f := &n.Fields[i]
		p := schema.Root.Key(f.Key)
		switch f.Key {
		case "kind", "schemaVersion":
			// checked by the schema
		case "catalogueKind":
			c.Kind = CatalogueKind(decodeEnum(d, catalogueKinds, f.Value, p))
		case "title":
			c.Title = d.str(f.Value, p)
		case "division":
			c.Division = d.division(f.Value, p)
		case "level":
			c.Level = Level(decodeEnum(d, levels, f.Value, p))
		case "asOf":
			s := d.str(f.Value, p)
			t, err := time.Parse(time.DateOnly, s)
			if err != nil && s != "" {
				d.fail(f.Value, p, "%q is not a date (YYYY-MM-DD)", s)
			}
			c.AsOf = t
		case "source":
			c.Source = d.str(f.Value, p)
		case "notes":
			c.Notes = d.str(f.Value, p)
		case "matters":
			if f.Value.Kind != schema.Array {
				d.fail(f.Value, p, "want an array, got %s", f.Value.Kind)
				continue
			}
			c.Matters = make([]Matter, len(f.Value.Items))
			for j, it := range f.Value.Items {
				d.matter(&c.Matters[j], it, p.Index(j))
			}
		case "bundles":
			if f.Value.Kind != schema.Array {
				d.fail(f.Value, p, "want an array, got %s", f.Value.Kind)
				continue
			}
			c.Bundles = make([]Bundle, len(f.Value.Items))
			for j, it := range f.Value.Items {
				d.bundle(&c.Bundles[j], it, p.Index(j))
			}
		default:
			if !d.ext(&c.Extensions, f) {
				d.unknown(f, schema.Root)
			}
		}
	}
	return c
}

func (d *decoder) division(n *schema.Node, path schema.Path) Division {
	var v Division
	if !d.object(n, path) {
		return v
	}
	for i := range n.Fields {
		f := &n.Fields[i]
		switch f.Key {
		case "code":
			v.Code = d.str(f.Value, path.Key(f.Key))
		case "name":
			v.Name = d.str(f.Value, path.Key(f.Key))
		default:
			if !d.ext(&v.Extensions, f) {
				d.unknown(f, path)
			}
		}
	}
	return v
}

func (d *decoder) matter(m *Matter, n *schema.Node, path schema.Path) {
	if !d.object(n, path) {
		return
	}
	for i := range n.Fields {
		f := &n.Fields[i]
		p := path.Key(f.Key)
		v := f.Value
		switch f.Key {
		case "code":
			m.Code = d.str(v, p)
		case "baseCode":
			m.BaseCode = d.str(v, p)
		case "name":
			m.Name = d.str(v, p)
		case "mainItem":
			m.MainItem = d.str(v, p)
		case "type":
			m.Type = Type(decodeEnum(d, types, v, p))
		case "level":
			m.Level = Level(decodeEnum(d, levels, v, p))
		case "body":
			m.Body = d.body(v, p)
		case "powerSource":
			m.PowerSource = PowerSource(decodeEnum(d, powerSources, v, p))
		case "legalLimit":
			m.LegalLimit = d.limit(v, p)
		case "promisedLimit":
			m.PromisedLimit = d.limit(v, p)
		case "handlingKind":
			m.HandlingKind = HandlingKind(decodeEnum(d, handlingKinds, v, p))
		case "visits":
			if n, ok := d.integer(v, p); ok {
				m.Visits = &n
			}
		case "onsiteReason":
			m.OnsiteReason = d.str(v, p)
		case "online":
			m.Online = decodeSet[OnlineItem](d, onlineItems, v, p)
		case "forms":
			m.Forms = decodeSet[Form](d, forms, v, p)
		case "serviceObjects":
			m.ServiceObjects = decodeSet[ServiceObject](d, serviceObjects, v, p)
		case "scopes":
			if v.Kind != schema.Array {
				d.fail(v, p, "want an array, got %s", v.Kind)
				continue
			}
			m.Scopes = make([]Scope, len(v.Items))
			for j, it := range v.Items {
				m.Scopes[j] = d.scope(it, p.Index(j))
			}
		case "delegation":
			m.Delegation = d.delegation(v, p)
		case "selfService24h":
			m.SelfService24h = d.boolean(v, p)
		case "tolerateMissing":
			m.TolerateMissing = d.boolean(v, p)
		case "inHall":
			m.InHall = d.boolean(v, p)
		case "fee":
			m.Fee = d.fee(v, p)
		default:
			if !d.ext(&m.Extensions, f) {
				d.unknown(f, path)
			}
		}
	}
}

func (d *decoder) body(n *schema.Node, path schema.Path) Body {
	var b Body
	if !d.object(n, path) {
		return b
	}
	for i := range n.Fields {
		f := &n.Fields[i]
		p := path.Key(f.Key)
		switch f.Key {
		case "name":
			b.Name = d.str(f.Value, p)
		case "creditCode":
			b.CreditCode = d.str(f.Value, p)
		case "nature":
			b.Nature = BodyNature(decodeEnum(d, natures, f.Value, p))
		default:
			if !d.ext(&b.Extensions, f) {
				d.unknown(f, path)
			}
		}
	}
	return b
}

func (d *decoder) limit(n *schema.Node, path schema.Path) Limit {
	var l Limit
	if !d.object(n, path) {
		return l
	}
	for i := range n.Fields {
		f := &n.Fields[i]
		p := path.Key(f.Key)
		switch f.Key {
		case "value":
			l.Value = d.number(f.Value, p)
		case "unit":
			l.Unit = Unit(decodeEnum(d, units, f.Value, p))
		default:
			if !d.ext(&l.Extensions, f) {
				d.unknown(f, path)
			}
		}
	}
	return l
}

func (d *decoder) scope(n *schema.Node, path schema.Path) Scope {
	var s Scope
	if !d.object(n, path) {
		return s
	}
	for i := range n.Fields {
		f := &n.Fields[i]
		p := path.Key(f.Key)
		switch f.Key {
		case "scope":
			s.Kind = ScopeKind(decodeEnum(d, scopeKinds, f.Value, p))
		case "batch":
			s.Batch, _ = d.integer(f.Value, p)
		default:
			if !d.ext(&s.Extensions, f) {
				d.unknown(f, path)
			}
		}
	}
	return s
}

func (d *decoder) delegation(n *schema.Node, path schema.Path) *Delegation {
	g := &Delegation{}
	if !d.object(n, path) {
		return g
	}
	for i := range n.Fields {
		f := &n.Fields[i]
		p := path.Key(f.Key)
		switch f.Key {
		case "to":
			g.To = Level(decodeEnum(d, levels, f.Value, p))
		case "batch":
			g.Batch, _ = d.integer(f.Value, p)
		case "document":
			g.Document = d.str(f.Value, p)
		default:
			if !d.ext(&g.Extensions, f) {
				d.unknown(f, path)
			}
		}
	}
	return g
}

func (d *decoder) fee(n *schema.Node, path schema.Path) *Fee {
	fee := &Fee{}
	if !d.object(n, path) {
		return fee
	}
	for i := range n.Fields {
		f := &n.Fields[i]
		p := path.Key(f.Key)
		switch f.Key {
		case "charged":
			fee.Charged = d.boolean(f.Value, p)
		case "basis":
			fee.Basis = d.str(f.Value, p)
		case "items":
			fee.Items = d.strings(f.Value, p)
		default:
			if !d.ext(&fee.Extensions, f) {
				d.unknown(f, path)
			}
		}
	}
	return fee
}

func (d *decoder) strings(n *schema.Node, path schema.Path) []string {
	if n.Kind != schema.Array {
		d.fail(n, path, "want an array, got %s", n.Kind)
		return nil
	}
	out := make([]string, len(n.Items))
	for i, it := range n.Items {
		out[i] = d.str(it, path.Index(i))
	}
	return out
}

func (d *decoder) bundle(b *Bundle, n *schema.Node, path schema.Path) {
	if !d.object(n, path) {
		return
	}
	for i := range n.Fields {
		f := &n.Fields[i]
		p := path.Key(f.Key)
		switch f.Key {
		case "code":
			b.Code = d.str(f.Value, p)
		case "name":
			b.Name = d.str(f.Value, p)
		case "leadBody":
			b.LeadBody = d.str(f.Value, p)
		case "matters":
			b.Matters = d.strings(f.Value, p)
		case "promisedLimit":
			b.PromisedLimit = d.limit(f.Value, p)
		case "visits":
			if v, ok := d.integer(f.Value, p); ok {
				b.Visits = &v
			}
		default:
			if !d.ext(&b.Extensions, f) {
				d.unknown(f, path)
			}
		}
	}
}
