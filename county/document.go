package county

import (
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/zwfw/zwfw/schema"
)

// MaxSize is the largest divisions document [Load], [LoadFile] and [LoadFS]
// accept, in bytes. Every village of China fits several times over.
const MaxSize = 256 << 20

// maxSize is MaxSize, lowered by tests.
var maxSize = MaxSize

// ruleInvalidValue: a value the schema lets through cannot be used. The
// schema's enums, formats and bounds leave nothing for it today; it guards
// the decoder should the schema ever be loosened.
const ruleInvalidValue schema.Rule = "county.invalid-value"

// Parse reads a divisions document (YAML or JSON, see [schema.Parse]),
// validates it against [schema.Divisions] and then checks its meaning:
// parents exist, codes are unique and fit their unit's kind and parent,
// there are no cycles (see the Rule… constants). file names the input in
// problems. The hierarchy is nil when any problem is an error; warnings come
// with a hierarchy.
func Parse(file string, data []byte) (*Hierarchy, schema.List) {
	n, probs := schema.Parse(file, data)
	if n == nil {
		probs.Sort()
		return nil, probs
	}
	probs.Append(schema.Divisions.Validate(n))
	if probs.HasErrors() {
		probs.Dedupe()
		return nil, probs
	}
	recs, sources := decode(n, &probs)
	resolve(recs, &probs)
	h, probs := assemble(recs, sources, probs)
	if h != nil {
		h.ext = extensions(n)
	}
	return h, probs
}

// Load reads a divisions document from r; see [Parse]. It reads at most
// [MaxSize] bytes.
func Load(r io.Reader, file string) (*Hierarchy, schema.List) {
	data, err := io.ReadAll(io.LimitReader(r, int64(maxSize)+1))
	if err != nil {
		return nil, readProblem(file, err)
	}
	if len(data) > maxSize {
		return nil, schema.List{schema.Errorf(schema.Root, schema.Pos{File: file}, RuleTooLarge, "document is larger than %d bytes", maxSize)}
	}
	return Parse(file, data)
}

func readProblem(file string, err error) schema.List {
	p := schema.Errorf(schema.Root, schema.Pos{File: file}, RuleRead, "cannot read: %v", err)
	p.Err = err
	return schema.List{p}
}

// LoadFile reads the file at path: CSV in the statistical-code layout (see
// [ReadCSV]) when its name ends in .csv, a divisions document otherwise.
func LoadFile(path string) (*Hierarchy, schema.List) {
	f, err := os.Open(path)
	if err != nil {
		return nil, readProblem(path, err)
	}
	defer f.Close()
	return readAny(f, path)
}

// LoadFS is [LoadFile] for a file of fsys.
func LoadFS(fsys fs.FS, name string) (*Hierarchy, schema.List) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, readProblem(name, err)
	}
	defer f.Close()
	return readAny(f, name)
}

func readAny(r io.Reader, name string) (*Hierarchy, schema.List) {
	if strings.EqualFold(path.Ext(name), ".csv") {
		return ReadCSV(r, name)
	}
	return Load(r, name)
}

// decode turns a document that passed the schema into records. It stays
// defensive: a node of an unexpected type is skipped.
func decode(doc *schema.Node, probs *schema.List) ([]*record, []Source) {
	var sources []Source
	for i, sn := range items(doc.Get("sources")) {
		s := Source{Title: text(sn.Get("title")), Note: text(sn.Get("note"))}
		if d := sn.Get("asOf"); d != nil {
			t, err := time.Parse(time.DateOnly, d.Value)
			if err != nil {
				probs.Errorf(schema.Root.Key("sources").Index(i).Key("asOf"), d.Pos, ruleInvalidValue, "date %q does not exist", d.Value)
			}
			s.AsOf = t
		}
		sources = append(sources, s)
	}
	var recs []*record
	for i, un := range items(doc.Get("units")) {
		if un.Kind != schema.Object {
			continue
		}
		base := schema.Root.Key("units").Index(i)
		r := &record{path: base, ref: text(un.Get("parent"))}
		r.locate = func(key string) (schema.Path, schema.Pos) {
			rel := schema.ParsePointer("/" + key)
			p := base
			for _, s := range rel.Segments() {
				if n, err := strconv.Atoi(s); err == nil {
					p = p.Index(n)
				} else {
					p = p.Key(s)
				}
			}
			if n, _ := un.Nearest(rel); n != nil {
				return p, n.Pos
			}
			return p, un.Pos
		}
		u := &r.u
		u.pos = un.Pos
		u.name = text(un.Get("name"))
		u.note = text(un.Get("note"))
		u.ext = extensions(un)
		u.code = decodeCode(r, un.Get("code"), "code", probs)
		if cn := un.Get("code"); cn != nil && !u.code.IsValid() {
			// Reported; a unit without its code would only raise
			// problems that are consequences of this one.
			continue
		}
		u.kind = decodeKind(r, un.Get("kind"), "kind", probs)
		for j, fn := range items(un.Get("formerCodes")) {
			key := "formerCodes/" + strconv.Itoa(j)
			fc := FormerCode{Code: decodeCode(r, fn.Get("code"), key+"/code", probs), Name: text(fn.Get("name")), Until: text(fn.Get("until"))}
			if fc.Code.IsValid() {
				u.former = append(u.former, fc)
			}
		}
		for j, pn := range items(un.Get("servicePoints")) {
			key := "servicePoints/" + strconv.Itoa(j) + "/kind"
			k, err := ParsePointKind(text(pn.Get("kind")))
			if err != nil {
				r.errorf(probs, key, ruleInvalidValue, "%v", err)
			}
			u.points = append(u.points, ServicePoint{Kind: k, Name: text(pn.Get("name"))})
		}
		for j, fn := range items(un.Get("figures")) {
			key := "figures/" + strconv.Itoa(j)
			f := Figure{Context: text(fn.Get("context")), Source: text(fn.Get("source"))}
			for l, kn := range items(fn.Get("of")) {
				if k := decodeKind(r, kn, key+"/of/"+strconv.Itoa(l), probs); k != 0 {
					f.Of = append(f.Of, k)
				}
			}
			if pn := fn.Get("point"); pn != nil {
				k, err := ParsePointKind(pn.Value)
				if err != nil {
					r.errorf(probs, key+"/point", ruleInvalidValue, "%v", err)
				}
				f.Point = k
			}
			f.Count = decodeCount(r, fn.Get("count"), key+"/count", probs)
			u.figures = append(u.figures, f)
		}
		recs = append(recs, r)
	}
	return recs, sources
}

// extensions returns the x- members of an object. They are kept so that a
// document written back holds what it was read with.
func extensions(n *schema.Node) []schema.Field {
	var ext []schema.Field
	for _, f := range n.Fields {
		if strings.HasPrefix(f.Key, "x-") {
			ext = append(ext, schema.Field{Key: f.Key, Value: f.Value})
		}
	}
	return ext
}

func items(n *schema.Node) []*schema.Node {
	if n == nil || n.Kind != schema.Array {
		return nil
	}
	return n.Items
}

func text(n *schema.Node) string {
	if n == nil || n.Kind != schema.String {
		return ""
	}
	return n.Value
}

func decodeCode(r *record, n *schema.Node, key string, probs *schema.List) Code {
	if n == nil {
		return Code{}
	}
	c, err := parseCode(n.Value)
	if err != nil {
		r.errorf(probs, key, RuleMalformedCode, "code %q is malformed: %v", n.Value, err)
	}
	return c
}

func decodeKind(r *record, n *schema.Node, key string, probs *schema.List) Kind {
	if n == nil {
		return 0
	}
	k, err := ParseKind(n.Value)
	if err != nil {
		r.errorf(probs, key, ruleInvalidValue, "%v", err)
	}
	return k
}

func decodeCount(r *record, n *schema.Node, key string, probs *schema.List) int {
	if n == nil {
		return 0
	}
	f, err := strconv.ParseFloat(n.Value, 64)
	if err != nil || f != math.Trunc(f) || f < 0 || f > math.MaxInt32 {
		r.errorf(probs, key, ruleInvalidValue, "count %s is not a whole number from 0 to %d", n.Value, math.MaxInt32)
		return 0
	}
	return int(f)
}

// Node returns the hierarchy as a divisions document: units depth first,
// parents before children, each naming its parent by code or, for a parent
// without a code, by name. Reading the document back gives an equal
// hierarchy. Write it with [schema.Node.YAML] or [schema.Node.MarshalJSON].
func (h *Hierarchy) Node() *schema.Node {
	doc := &schema.Node{Kind: schema.Object}
	set(doc, "kind", str("Divisions"))
	set(doc, "schemaVersion", &schema.Node{Kind: schema.Number, Value: "1"})
	if h != nil && len(h.sources) > 0 {
		list := &schema.Node{Kind: schema.Array}
		for _, s := range h.sources {
			sn := &schema.Node{Kind: schema.Object}
			set(sn, "title", str(s.Title))
			if !s.AsOf.IsZero() {
				set(sn, "asOf", str(s.AsOf.Format(time.DateOnly)))
			}
			if s.Note != "" {
				set(sn, "note", str(s.Note))
			}
			list.Items = append(list.Items, sn)
		}
		set(doc, "sources", list)
	}
	units := &schema.Node{Kind: schema.Array, Items: []*schema.Node{}}
	for u := range h.All() {
		units.Items = append(units.Items, unitNode(u))
	}
	set(doc, "units", units)
	if h != nil {
		doc.Fields = append(doc.Fields, h.ext...)
	}
	return doc
}

func unitNode(u *Unit) *schema.Node {
	n := &schema.Node{Kind: schema.Object}
	if u.code.IsValid() {
		set(n, "code", str(u.code.String()))
	}
	set(n, "name", str(u.name))
	set(n, "kind", str(u.kind.String()))
	switch {
	case u.parent != nil && u.parent.code.IsValid():
		set(n, "parent", str(u.parent.code.String()))
	case u.parent != nil:
		set(n, "parent", str(u.parent.name))
	case u.up.IsValid():
		set(n, "parent", str(u.up.String()))
	}
	if len(u.former) > 0 {
		list := &schema.Node{Kind: schema.Array}
		for _, fc := range u.former {
			fn := &schema.Node{Kind: schema.Object}
			set(fn, "code", str(fc.Code.String()))
			if fc.Name != "" {
				set(fn, "name", str(fc.Name))
			}
			if fc.Until != "" {
				set(fn, "until", str(fc.Until))
			}
			list.Items = append(list.Items, fn)
		}
		set(n, "formerCodes", list)
	}
	if u.note != "" {
		set(n, "note", str(u.note))
	}
	if len(u.points) > 0 {
		list := &schema.Node{Kind: schema.Array}
		for _, sp := range u.points {
			pn := &schema.Node{Kind: schema.Object}
			set(pn, "kind", str(sp.Kind.String()))
			if sp.Name != "" {
				set(pn, "name", str(sp.Name))
			}
			list.Items = append(list.Items, pn)
		}
		set(n, "servicePoints", list)
	}
	if len(u.figures) > 0 {
		list := &schema.Node{Kind: schema.Array}
		for _, f := range u.figures {
			fn := &schema.Node{Kind: schema.Object}
			if len(f.Of) > 0 {
				of := &schema.Node{Kind: schema.Array}
				for _, k := range f.Of {
					of.Items = append(of.Items, str(k.String()))
				}
				set(fn, "of", of)
			}
			if f.Point.IsValid() {
				set(fn, "point", str(f.Point.String()))
			}
			set(fn, "count", &schema.Node{Kind: schema.Number, Value: strconv.Itoa(f.Count)})
			if f.Context != "" {
				set(fn, "context", str(f.Context))
			}
			if f.Source != "" {
				set(fn, "source", str(f.Source))
			}
			list.Items = append(list.Items, fn)
		}
		set(n, "figures", list)
	}
	n.Fields = append(n.Fields, u.ext...)
	return n
}

func set(n *schema.Node, key string, v *schema.Node) {
	n.Fields = append(n.Fields, schema.Field{Key: key, Value: v})
}

func str(s string) *schema.Node { return &schema.Node{Kind: schema.String, Value: s} }

// MarshalJSON writes the hierarchy as a divisions document in JSON; see
// [Hierarchy.Node].
func (h *Hierarchy) MarshalJSON() ([]byte, error) { return h.Node().MarshalJSON() }
