package schema

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// NodeKind is the JSON type of a [Node].
type NodeKind uint8

// The JSON types. The zero value is Null.
const (
	Null NodeKind = iota
	Bool
	Number
	String
	Object
	Array
)

var kindNames = [...]string{"null", "boolean", "number", "string", "object", "array"}

// String returns the JSON Schema name of the type ("object", "number", …).
func (k NodeKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// kindTexts are the types as a sentence names them, for [NodeKind.Localize].
var kindTexts = [...]Msg{M("null"), M("a boolean"), M("a number"), M("a string"), M("an object"), M("an array")}

// Localize names the type for a reader of l: "a string" in English
// messages, 字符串 in Chinese ones. It implements [Localizer].
func (k NodeKind) Localize(l Lang) string {
	if l == English || int(k) >= len(kindTexts) {
		return k.String()
	}
	return kindTexts[k].Localize(l)
}

// typeNames are JSON Schema type names in a message: "array or object" in
// English, 数组或对象 in Chinese.
type typeNames []string

var typeTexts = map[string]Msg{
	"null": kindTexts[Null], "boolean": kindTexts[Bool], "number": kindTexts[Number], "string": kindTexts[String],
	"object": kindTexts[Object], "array": kindTexts[Array], "integer": M("an integer"),
	"true or false": M("true or false"), // what the codec wants of a boolean
}

func (t typeNames) String() string { return strings.Join(t, " or ") }

// Localize implements [Localizer].
func (t typeNames) Localize(l Lang) string {
	if l == English {
		return t.String()
	}
	parts := make([]string, len(t))
	for i, n := range t {
		parts[i] = n
		if m, ok := typeTexts[n]; ok {
			parts[i] = m.Localize(l)
		}
	}
	return strings.Join(parts, M(" or ").Localize(l))
}

// Node is a JSON value read from YAML or JSON text, with the position it was
// read from. YAML is normalised to JSON types on the way in: bare dates and
// timestamps become strings as written, non-string map keys become their
// text, numbers keep their decimal text.
type Node struct {
	Kind NodeKind
	Pos  Pos
	// Value is the text of a scalar: the string itself, the JSON number
	// ("12", "-0.5", "1e3"), "true" or "false". Empty for null, objects and
	// arrays.
	Value  string
	Fields []Field // members of an object, in document order
	Items  []*Node // elements of an array
}

// Field is one member of an object.
type Field struct {
	Key    string
	KeyPos Pos
	Value  *Node
}

// Get returns the value of member key of an object node, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != Object {
		return nil
	}
	for i := range n.Fields {
		if n.Fields[i].Key == key {
			return n.Fields[i].Value
		}
	}
	return nil
}

// Field returns the member key of an object node, or nil.
func (n *Node) Field(key string) *Field {
	if n == nil || n.Kind != Object {
		return nil
	}
	for i := range n.Fields {
		if n.Fields[i].Key == key {
			return &n.Fields[i]
		}
	}
	return nil
}

// Lookup returns the node at path p below n, or nil when there is none.
func (n *Node) Lookup(p Path) *Node {
	found, exact := n.Nearest(p)
	if !exact {
		return nil
	}
	return found
}

// Nearest returns the node at path p, or the deepest existing node on the
// way to it with exact false.
func (n *Node) Nearest(p Path) (found *Node, exact bool) {
	cur := n
	for _, seg := range p.Segments() {
		var next *Node
		switch cur.Kind {
		case Object:
			next = cur.Get(seg)
		case Array:
			if i, err := strconv.Atoi(seg); err == nil && i >= 0 && i < len(cur.Items) {
				next = cur.Items[i]
			}
		}
		if next == nil {
			return cur, false
		}
		cur = next
	}
	return cur, true
}

// Interface returns the value as Go JSON types: map[string]any, []any,
// string, json.Number, bool or nil. Later members of an object win over
// earlier ones with the same key, as in encoding/json.
func (n *Node) Interface() any {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case Bool:
		return n.Value == "true"
	case Number:
		return json.Number(n.Value)
	case String:
		return n.Value
	case Object:
		m := make(map[string]any, len(n.Fields))
		for _, f := range n.Fields {
			m[f.Key] = f.Value.Interface()
		}
		return m
	case Array:
		a := make([]any, len(n.Items))
		for i, it := range n.Items {
			a[i] = it.Interface()
		}
		return a
	}
	return nil
}

// MarshalJSON writes the node as compact JSON, members in document order.
func (n *Node) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	n.appendJSON(&b)
	return b.Bytes(), nil
}

func (n *Node) appendJSON(b *bytes.Buffer) {
	if n == nil {
		b.WriteString("null")
		return
	}
	switch n.Kind {
	case Null:
		b.WriteString("null")
	case Bool, Number:
		b.WriteString(n.Value)
	case String:
		appendJSONString(b, n.Value)
	case Object:
		b.WriteByte('{')
		for i, f := range n.Fields {
			if i > 0 {
				b.WriteByte(',')
			}
			appendJSONString(b, f.Key)
			b.WriteByte(':')
			f.Value.appendJSON(b)
		}
		b.WriteByte('}')
	case Array:
		b.WriteByte('[')
		for i, it := range n.Items {
			if i > 0 {
				b.WriteByte(',')
			}
			it.appendJSON(b)
		}
		b.WriteByte(']')
	}
}

// appendJSONString writes s as a JSON string: quotes, backslashes and
// control characters escaped, invalid UTF-8 replaced by U+FFFD, U+2028 and
// U+2029 escaped (as encoding/json does, for JavaScript); nothing escaped
// for HTML, since documents are not HTML.
func appendJSONString(b *bytes.Buffer, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				b.WriteString(`\u00`)
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			b.WriteString(s[start:i])
			// \u2028, \u2029, or \ufffd (r is U+FFFD for an invalid byte).
			b.WriteString(`\u` + strconv.FormatUint(uint64(r), 16))
			i += size
			start = i
			continue
		}
		i += size
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

// FromValue builds a node from Go JSON types (what [Node.Interface] returns,
// or what encoding/json decodes into any). Object members are sorted by key,
// since Go maps have no order. Positions are zero.
func FromValue(v any) *Node {
	switch v := v.(type) {
	case nil:
		return &Node{Kind: Null}
	case bool:
		return &Node{Kind: Bool, Value: strconv.FormatBool(v)}
	case json.Number:
		return &Node{Kind: Number, Value: v.String()}
	case float64:
		return &Node{Kind: Number, Value: strconv.FormatFloat(v, 'g', -1, 64)}
	case int:
		return &Node{Kind: Number, Value: strconv.Itoa(v)}
	case int64:
		return &Node{Kind: Number, Value: strconv.FormatInt(v, 10)}
	case string:
		return &Node{Kind: String, Value: v}
	case map[string]any:
		n := &Node{Kind: Object}
		for _, k := range sortedKeys(v) {
			n.Fields = append(n.Fields, Field{Key: k, Value: FromValue(v[k])})
		}
		return n
	case []any:
		n := &Node{Kind: Array, Items: make([]*Node, len(v))}
		for i, e := range v {
			n.Items[i] = FromValue(e)
		}
		return n
	}
	// Anything else goes through its JSON form.
	b, err := json.Marshal(v)
	if err != nil {
		return &Node{Kind: Null}
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var w any
	if d.Decode(&w) != nil {
		return &Node{Kind: Null}
	}
	return FromValue(w)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
