package schema

import (
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// Decode sets the value v points to from node n, following the tags of
// its type, and adds to probs what it cannot convert; it goes on after a
// problem, so one pass gives every problem. root is the node at path at
// (n itself or a node above it): a problem's path is found by searching
// root for the node concerned, which costs only when there is a problem.
// Unknown members are reported, except x- members, which the value's
// extensions field keeps.
func (c *Codec) Decode(n *Node, v any, root *Node, at Path, probs *List) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("schema: Decode needs a non-nil pointer")
	}
	if root == nil {
		root = n
	}
	d := decodeState{c: c, probs: probs, root: root, at: at}
	p := planOf(rv.Type().Elem())
	d.top = true
	d.value(p, rv.Elem(), n, false)
}

type decodeState struct {
	c     *Codec
	probs *List
	root  *Node
	at    Path
	top   bool
}

func (d *decodeState) rule() Rule {
	if d.c.Rule != "" {
		return d.c.Rule
	}
	return RuleDecode
}

func (d *decodeState) pathOf(n *Node) Path {
	if p, ok := findPath(d.root, n, d.at); ok {
		return p
	}
	return d.at
}

func findPath(cur, want *Node, at Path) (Path, bool) {
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
	return Path{}, false
}

func (d *decodeState) fail(n *Node, format string, args ...any) {
	d.probs.Errorf(d.pathOf(n), n.Pos, d.rule(), format, args...)
}

// textFail reports what a text method refused: for an enumeration (a
// type of integer kind) with the codec's TextRule, for any other text
// value (a month, a code) with its decode rule, unless the error names its
// rule.
func (d *decodeState) textFail(n *Node, err error, enum bool) {
	rule := d.rule()
	if enum {
		rule = d.c.TextRule
		if rule == "" {
			rule = "schema.enum"
		}
	}
	var r interface{ Rule() Rule }
	if errors.As(err, &r) {
		rule = r.Rule()
	}
	msg := err.Error()
	if d.c.Prefix != "" {
		msg = strings.TrimPrefix(msg, d.c.Prefix)
	}
	d.probs.Add(&Problem{Path: d.pathOf(n), Pos: n.Pos, Rule: rule, Message: msg, Err: err})
}

// wantKind is the JSON type each kind of value is read from, and how a
// problem names it.
var wantKind = [...]struct {
	kind NodeKind
	name string
}{
	vString: {String, "a string"},
	vBool:   {Bool, "true or false"},
	vInt:    {Number, "an integer"},
	vUint:   {Number, "an integer"},
	vNumber: {Number, "a number"},
	vFloat:  {Number, "a number"},
	vDate:   {String, "a string"},
	vSet:    {Array, "an array"},
	vSlice:  {Array, "an array"},
	vStruct: {Object, "an object"},
	vExt:    {Object, "an object"},
}

func (d *decodeState) value(p *plan, v reflect.Value, n *Node, keyed bool) {
	if int(p.kind) < len(wantKind) && wantKind[p.kind].name != "" && !keyed {
		if w := wantKind[p.kind]; n.Kind != w.kind {
			d.fail(n, "want %s, got %s", Msg{Format: w.name}, n.Kind)
			return
		}
	}
	switch p.kind {
	case vString, vNumber:
		v.SetString(n.Value)
	case vBool:
		v.SetBool(n.Value == "true")
	case vInt:
		i, ok := parseInt(n.Value, v.Type().Bits())
		if !ok {
			d.fail(n, "%s is not an integer in range", n.Value)
			return
		}
		v.SetInt(i)
	case vUint:
		u, err := strconv.ParseUint(n.Value, 10, v.Type().Bits())
		if err != nil {
			i, ok := parseInt(n.Value, v.Type().Bits())
			if !ok || i < 0 {
				d.fail(n, "%s is not an integer in range", n.Value)
				return
			}
			u = uint64(i)
		}
		v.SetUint(u)
	case vFloat:
		f, err := strconv.ParseFloat(n.Value, v.Type().Bits())
		if err != nil {
			d.fail(n, "%s is out of range", n.Value)
		}
		v.SetFloat(f)
	case vText:
		if p.num {
			if n.Kind != Number {
				d.fail(n, "want %s, got %s", Msg{Format: "a number"}, n.Kind)
				return
			}
			if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.Value)); err != nil {
				d.textFail(n, err, false)
			}
			return
		}
		if n.Kind != String && n.Kind != Number {
			d.fail(n, "want a term or a code, got %s", n.Kind)
			return
		}
		text := termText(n)
		if p.memo != nil {
			if u, ok := p.memo.get(text); ok {
				setBits(v, u)
				return
			}
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(text)); err != nil {
			d.textFail(n, err, p.memo != nil)
		} else if p.memo != nil {
			p.memo.put(text, getBits(v))
		}
	case vDate:
		t, err := time.Parse(time.DateOnly, n.Value)
		switch {
		case err != nil && n.Value != "":
			d.fail(n, "%q is not a date (YYYY-MM-DD)", n.Value)
		case err == nil && t.Year() < 1:
			// As bulletins have it: the calendar starts at year 0001.
			d.fail(n, "%q is not a date (YYYY-MM-DD, from year 0001)", n.Value)
			t = time.Time{}
		}
		v.Set(reflect.ValueOf(t))
	case vSet:
		a := v.Addr().Interface().(TextAdder)
		for _, it := range n.Items {
			if it.Kind != String && it.Kind != Number {
				d.fail(it, "want a term or a code, got %s", it.Kind)
				continue
			}
			if err := a.AddText(termText(it)); err != nil {
				d.textFail(it, err, true)
			}
		}
	case vPtr:
		// A scalar that cannot be read leaves the pointer nil: not stated.
		e := reflect.New(p.elem.typ)
		before := len(*d.probs)
		d.value(p.elem, e.Elem(), n, false)
		if len(*d.probs) == before || p.elem.kind == vStruct {
			v.Set(e)
		}
	case vSlice:
		if keyed {
			d.keyed(p, v, n)
			return
		}
		s := reflect.MakeSlice(p.typ, len(n.Items), len(n.Items))
		for i, it := range n.Items {
			d.value(p.elem, s.Index(i), it, false)
		}
		v.Set(s)
	case vStruct:
		d.object(p, v, n)
	case vExt:
		m := reflect.MakeMapWithSize(p.typ, len(n.Fields))
		for _, f := range n.Fields {
			b, _ := f.Value.MarshalJSON()
			m.SetMapIndex(reflect.ValueOf(f.Key), reflect.ValueOf(json.RawMessage(b)))
		}
		v.Set(m)
	default:
		b, _ := n.MarshalJSON()
		if err := json.Unmarshal(b, v.Addr().Interface()); err != nil {
			d.fail(n, "%v", err)
		}
	}
}

// parseInt reads an integer of the given size; 1.0 and 1e2 are integers in
// JSON Schema, up to 2³¹ in size.
func parseInt(s string, bits int) (int64, bool) {
	if i, err := strconv.ParseInt(s, 10, bits); err == nil {
		return i, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != float64(int64(f)) || f > 1<<31 || f < -1<<31 {
		return 0, false
	}
	i := int64(f)
	if bits < 64 && (i >= 1<<(bits-1) || i < -1<<(bits-1)) {
		return 0, false
	}
	return i, true
}

func (d *decodeState) object(p *plan, v reflect.Value, n *Node) {
	if n.Kind != Object {
		d.fail(n, "want an object, got %s", n.Kind)
		return
	}
	top := d.top
	d.top = false
	var ext reflect.Value
	for i := range n.Fields {
		f := &n.Fields[i]
		if j, ok := p.byKey[f.Key]; ok {
			pf := &p.fields[j]
			if !pf.manual {
				d.value(pf.plan, v.Field(pf.index), f.Value, pf.keyed)
			}
			continue
		}
		if top && containsKey(d.c.Header, f.Key) {
			continue
		}
		if strings.HasPrefix(f.Key, "x-") && p.ext >= 0 {
			if !ext.IsValid() {
				ext = v.Field(p.ext)
				if ext.IsNil() {
					ext.Set(reflect.MakeMap(ext.Type()))
				}
			}
			b, _ := f.Value.MarshalJSON()
			ext.SetMapIndex(reflect.ValueOf(f.Key), reflect.ValueOf(json.RawMessage(b)))
			continue
		}
		// The schema reports it first; this keeps the decoder honest on
		// unvalidated input.
		d.probs.Errorf(d.pathOf(n).Key(f.Key), f.KeyPos, "schema.additional-properties", "unknown member %q (local extensions must start with \"x-\")", f.Key)
	}
	if p.hooks {
		v.Addr().Interface().(NodeDecoder).DecodeNode(n, &Decoding{d})
	}
}

// keyed reads an object into a slice of structs, one element a member,
// the key set in the element's key field.
func (d *decodeState) keyed(p *plan, v reflect.Value, n *Node) {
	if n.Kind != Object {
		d.fail(n, "want an object, got %s", n.Kind)
		return
	}
	s := reflect.MakeSlice(p.typ, len(n.Fields), len(n.Fields))
	for i, f := range n.Fields {
		e := s.Index(i)
		if p.elem.keyIx >= 0 {
			e.Field(p.elem.keyIx).SetString(f.Key)
		}
		d.value(p.elem, e, f.Value, false)
	}
	v.Set(s)
}

// Decoding is what a [NodeDecoder] reports its problems to.
type Decoding struct{ d *decodeState }

// Fail reports that node n cannot be read, with rule (the codec's decode
// rule when empty).
func (c *Decoding) Fail(n *Node, rule Rule, format string, args ...any) {
	if rule == "" {
		rule = c.d.rule()
	}
	c.d.probs.Errorf(c.d.pathOf(n), n.Pos, rule, format, args...)
}

func containsKey(keys []string, k string) bool {
	for _, h := range keys {
		if h == k {
			return true
		}
	}
	return false
}

func setBits(v reflect.Value, u uint64) {
	if v.CanUint() {
		v.SetUint(u)
	} else {
		v.SetInt(int64(u))
	}
}

func getBits(v reflect.Value) uint64 {
	if v.CanUint() {
		return v.Uint()
	}
	return uint64(v.Int())
}

// termText is the text of a term or code: a code written as a number is
// read by its value (1.0 and 1e0 are the code 1, as JSON Schema has it).
func termText(n *Node) string {
	if n.Kind == Number {
		if s, ok := IntegerText(n.Value); ok {
			return s
		}
	}
	return n.Value
}
