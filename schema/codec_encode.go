package schema

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"time"
)

// Encode returns the document tree of the value v (or v points to),
// members in the order its type declares them and x- members last, sorted
// by key. Members that are not stated are left out (see the doc tag's keep
// option), so a document written back is as short as its content.
func (c *Codec) Encode(v any) *Node {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return &Node{Kind: Null}
		}
		rv = rv.Elem()
	}
	n := encodeValue(planOf(rv.Type()), rv, true, false)
	if n == nil {
		n = &Node{Kind: Null}
	}
	return n
}

// EncodeDocument returns the document tree of v: members kind and
// schemaVersion first, then v's own, as [Codec.Encode] writes them.
func (c *Codec) EncodeDocument(kind string, version int, v any) *Node {
	o := NewBuilder()
	o.Text("kind", kind)
	o.Int("schemaVersion", int64(version))
	n := o.Node()
	n.Fields = append(n.Fields, c.Encode(v).Fields...)
	return n
}

// encodeValue returns the node of v, or nil when v is not stated and not
// forced (a member with keep, an element of an array, a pointer's target).
func encodeValue(p *plan, v reflect.Value, force, keyed bool) *Node {
	switch p.kind {
	case vString:
		if v.Len() == 0 && !force {
			return nil
		}
		return StringNode(v.String())
	case vBool:
		if !v.Bool() && !force {
			return nil
		}
		return &Node{Kind: Bool, Value: strconv.FormatBool(v.Bool())}
	case vInt:
		if v.Int() == 0 && !force {
			return nil
		}
		return &Node{Kind: Number, Value: strconv.FormatInt(v.Int(), 10)}
	case vUint:
		if v.Uint() == 0 && !force {
			return nil
		}
		return &Node{Kind: Number, Value: strconv.FormatUint(v.Uint(), 10)}
	case vFloat:
		if v.Float() == 0 && !force {
			return nil
		}
		return &Node{Kind: Number, Value: strconv.FormatFloat(v.Float(), 'f', -1, v.Type().Bits())}
	case vNumber:
		if v.Len() == 0 {
			return nil
		}
		return &Node{Kind: Number, Value: v.String()}
	case vText:
		if v.IsZero() && !force {
			return nil
		}
		if p.num {
			return &Node{Kind: Number, Value: v.Interface().(NumberMarshaler).MarshalNumber()}
		}
		return StringNode(valueText(v))
	case vDate:
		t := v.Interface().(time.Time)
		if t.IsZero() && !force {
			return nil
		}
		return StringNode(t.Format(time.DateOnly))
	case vSet:
		texts := v.Interface().(TextSet).Texts()
		if len(texts) == 0 && !force {
			return nil
		}
		return Strings(texts)
	case vPtr:
		if v.IsNil() {
			return nil
		}
		return encodeValue(p.elem, v.Elem(), true, false)
	case vSlice:
		if v.IsNil() && !force {
			return nil
		}
		if keyed {
			o := NewBuilder()
			for i := range v.Len() {
				e := v.Index(i)
				key := ""
				if p.elem.keyIx >= 0 {
					key = e.Field(p.elem.keyIx).String()
				}
				o.n.Fields = append(o.n.Fields, Field{Key: key, Value: encodeValue(p.elem, e, true, false)})
			}
			return o.Node()
		}
		n := &Node{Kind: Array, Items: make([]*Node, v.Len())}
		for i := range v.Len() {
			if n.Items[i] = encodeValue(p.elem, v.Index(i), true, false); n.Items[i] == nil {
				n.Items[i] = &Node{Kind: Null}
			}
		}
		return n
	case vStruct:
		if p.value && !force && v.IsZero() {
			return nil
		}
		return encodeObject(p, v)
	case vExt:
		if v.Len() == 0 && !force {
			return nil
		}
		o := NewBuilder()
		o.Extensions(v.Convert(reflect.TypeFor[map[string]json.RawMessage]()).Interface().(map[string]json.RawMessage))
		return o.Node()
	}
	if v.IsZero() && !force {
		return nil
	}
	return FromValue(v.Interface())
}

func encodeObject(p *plan, v reflect.Value) *Node {
	o := NewBuilder()
	var keeper ZeroKeeper
	if p.keeper {
		keeper = v.Interface().(ZeroKeeper)
	}
	manual := false
	for i := range p.fields {
		f := &p.fields[i]
		if f.manual {
			if p.hooks && !manual {
				v.Interface().(NodeEncoder).EncodeNode(o)
			}
			manual = true
			continue
		}
		force := f.keep || keeper != nil && keeper.KeepZero(f.key)
		o.Set(f.key, encodeValue(f.plan, v.Field(f.index), force, f.keyed))
	}
	if p.ext >= 0 {
		if x := v.Field(p.ext); x.Len() > 0 {
			o.Extensions(x.Convert(reflect.TypeFor[map[string]json.RawMessage]()).Interface().(map[string]json.RawMessage))
		}
	}
	return o.Node()
}

// valueText is the text a text-marshalling value is written with; a value
// its MarshalText refuses (an enumeration out of range) is written as its
// String, so that validation, not writing, reports it.
func valueText(v reflect.Value) string {
	if m, ok := v.Interface().(encoding.TextMarshaler); ok {
		if b, err := m.MarshalText(); err == nil {
			return string(b)
		}
	} else if v.CanAddr() {
		if m, ok := v.Addr().Interface().(encoding.TextMarshaler); ok {
			if b, err := m.MarshalText(); err == nil {
				return string(b)
			}
		}
	}
	return fmt.Sprint(v.Interface())
}

// Difference is one member that differs between two values: its path of
// member keys below the value and its value on each side as the document
// writes it, nil where that side does not state it.
type Difference struct {
	Path     []string
	Old, New *Node
}

// Differences returns the members that differ between a and b, values
// of one tagged type, sorted by path. Members are compared as the
// document writes them, so what a document cannot tell apart (an empty
// list and none) is equal; objects are compared whatever the order of
// their members. Structs are followed member by member, x- members key by
// key; other members (lists, sets, struct types with an IsZero method) are
// compared whole. An empty list equals none.
func (c *Codec) Differences(a, b any) []Difference {
	ra, rb := reflect.ValueOf(a), reflect.ValueOf(b)
	for ra.Kind() == reflect.Pointer && rb.Kind() == reflect.Pointer && !ra.IsNil() && !rb.IsNil() {
		ra, rb = ra.Elem(), rb.Elem()
	}
	if ra.Type() != rb.Type() {
		panic("schema: Differences of values of different types")
	}
	var out []Difference
	diffValue(planOf(ra.Type()), ra, rb, nil, &out)
	slices.SortFunc(out, func(x, y Difference) int { return slices.Compare(x.Path, y.Path) })
	return out
}

func diffValue(p *plan, a, b reflect.Value, path []string, out *[]Difference) {
	if p.kind == vPtr && !a.IsNil() && !b.IsNil() {
		p, a, b = p.elem, a.Elem(), b.Elem()
	}
	if p.kind != vStruct || p.value {
		na, nb := noEmpty(encodeValue(p, a, false, false)), noEmpty(encodeValue(p, b, false, false))
		if !NodesEqual(na, nb) {
			*out = append(*out, Difference{Path: slices.Clone(path), Old: na, New: nb})
		}
		return
	}
	for i := range p.fields {
		f := &p.fields[i]
		diffValue(f.plan, a.Field(f.index), b.Field(f.index), append(path, f.key), out)
	}
	if p.ext < 0 {
		return
	}
	xa, xb := extNodes(a.Field(p.ext)), extNodes(b.Field(p.ext))
	keys := make([]string, 0, len(xa)+len(xb))
	for k := range xa {
		keys = append(keys, k)
	}
	for k := range xb {
		if _, ok := xa[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !NodesEqual(xa[k], xb[k]) {
			*out = append(*out, Difference{Path: append(slices.Clone(path), k), Old: xa[k], New: xb[k]})
		}
	}
}

// noEmpty returns nil for an empty array: an empty list and none are
// equal in a diff.
func noEmpty(n *Node) *Node {
	if n != nil && n.Kind == Array && len(n.Items) == 0 {
		return nil
	}
	return n
}

func extNodes(x reflect.Value) map[string]*Node {
	if x.Len() == 0 {
		return nil
	}
	m := make(map[string]*Node, x.Len())
	it := x.MapRange()
	for it.Next() {
		n, _ := ParseJSON("", it.Value().Bytes())
		if n == nil {
			n = &Node{Kind: Null}
		}
		m[it.Key().String()] = n
	}
	return m
}

// NodesEqual reports whether a and b hold the same JSON value: the members
// of objects in any order (the last of a repeated key counting), numbers
// and strings by their text. Positions do not count; nil equals nil only.
func NodesEqual(a, b *Node) bool { return equalNodes(a, b, false) }
