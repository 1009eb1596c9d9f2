package schema

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"
)

// A document element is declared once, on its Go field, with a doc tag in
// the manner of encoding/json:
//
//	Name  string `doc:"name" csv:"事项名称|业务办理项名称|名称"`
//	Fee   *Fee   `doc:"fee"`
//	Items []string `doc:"items,keep"`
//
// The tag's first part is the member key; the options are
//
//   - keep: written even when zero (a false flag, an empty list);
//   - date: a [time.Time] written as YYYY-MM-DD;
//   - keyed: a slice of structs written as an object, each element a
//     member whose key is the element's field tagged `doc:",key"`;
//   - manual: a member the type reads and writes itself, as a
//     [NodeDecoder] and [NodeEncoder]; the codec only accepts it.
//
// The csv tag names the spreadsheet column: the Chinese header it is
// written with, then the other headers it is read from, separated by |.
// Its English header is the member's path, dotted ("body.name").
//
// A field whose type is a map from string to [json.RawMessage] holds the
// value's x- members. Fields without a doc tag are not part of the
// document.
//
// How a field's value is read and written follows from its type: strings,
// booleans, integers and floats as JSON scalars; a type with text methods
// ([encoding.TextUnmarshaler], enumerations and codes) as its text, read
// from a string or a number; a [TextSet] as an array of texts; structs,
// pointers to them and slices of them as objects and arrays; a
// [json.Number] as a number, exactly as written. A struct
// type with an IsZero method is a value: it is left out when zero and a
// diff compares it whole; other structs are compared member by member.

// TextSet is implemented by a set held in one value (a bit set of
// enumeration members, say) that a document writes as an array of texts.
// The pointer type must implement [TextAdder].
type TextSet interface {
	Texts() []string
}

// TextAdder adds one member, given as text, to a [TextSet].
type TextAdder interface {
	AddText(s string) error
}

// NodeDecoder is implemented by a struct that reads some of its members
// itself (those tagged manual), for the rare element whose form depends on
// another: a figure's value is a number or a date according to its kind.
// The codec calls it after reading the other members.
type NodeDecoder interface {
	DecodeNode(n *Node, d *Decoding)
}

// TextMemberDecoder may be implemented beside [NodeDecoder] by a struct
// whose manual members, when they are strings, it can read from their
// text alone, exactly as DecodeNode reads them; the one-pass reader
// ([FastDecoder]) then needs no nodes for it. An error means the value is
// read again as nodes, where DecodeNode reports it.
type TextMemberDecoder interface {
	DecodeTextMember(key, text string) error
}

// NodeEncoder writes the members of a struct tagged manual; the codec
// calls it with the object of the other members, to add them to.
type NodeEncoder interface {
	EncodeNode(o Builder)
}

// NumberMarshaler is implemented by a value with text methods whose text
// is a number in JSON syntax (an exact decimal, say): the codec writes it
// as a JSON number rather than a string, with the text MarshalNumber
// returns, and reads it only from a number, through UnmarshalText with the
// number as written.
type NumberMarshaler interface {
	MarshalNumber() string
}

// ZeroKeeper is implemented by a struct some of whose zero members are
// still written, depending on the others (a time limit's value is written
// when its unit needs one).
type ZeroKeeper interface {
	KeepZero(key string) bool
}

// A Codec decodes positioned nodes into tagged Go values and encodes them
// back; its zero value is ready to use. The plan for a type is compiled
// once per process and shared by every codec.
type Codec struct {
	// Rule is reported when a node's JSON type does not fit the field or
	// a number is out of range ("matter.decode"); default "document.decode".
	Rule Rule
	// TextRule is reported when the text method of an enumeration (a
	// type of integer kind) refuses a value, unless its error has a Rule
	// method; default "schema.enum". Other text values refused are
	// reported with Rule.
	TextRule Rule
	// Prefix is cut from the messages of text errors ("matters: "), so
	// the problem reads like the others.
	Prefix string
	// Header lists the members a document's top level has beside the
	// value's own (kind, schemaVersion): they are skipped on decoding.
	Header []string
}

// RuleDecode is the default rule of a value that cannot be decoded.
const RuleDecode Rule = "document.decode"

type valueKind uint8

const (
	vString valueKind = iota
	vBool
	vInt
	vUint
	vFloat
	vText // encoding.TextUnmarshaler
	vDate // time.Time as YYYY-MM-DD
	vSet  // TextSet
	vStruct
	vPtr
	vSlice
	vExt
	vNumber // json.Number: a number kept as its decimal text
	vAny    // anything else: through its JSON form
)

// plan is how one type is read and written.
type plan struct {
	typ    reflect.Type
	kind   valueKind
	elem   *plan // of a pointer or slice
	fields []field
	byKey  map[string]int
	ext    int  // index of the extensions field, or -1
	value  bool // a struct with IsZero: compared whole
	keeper bool // implements ZeroKeeper
	keyIx  int  // index of the field that is the member key of a keyed element, or -1
	hooks  bool // implements NodeDecoder and NodeEncoder
	texts  bool // implements TextMemberDecoder as well
	num    bool // a text value written as a number: implements NumberMarshaler
	memo   *memo[uint64]
}

// memoSize is how many texts of an enumeration a codec remembers, with
// what they decode to, so that decoding a term costs a map look-up rather
// than a copy of the text for UnmarshalText. Only integer types are
// remembered (enumerations, whose text methods are pure functions of the
// text).
const memoSize = 512

type field struct {
	key    string
	index  int
	keep   bool
	keyed  bool // a slice written as an object
	manual bool // read and written by the type's own methods
	plan   *plan
	csv    []string
}

var (
	plans       sync.Map // reflect.Type → *plan
	plansMu     sync.Mutex
	textUnm     = reflect.TypeFor[encoding.TextUnmarshaler]()
	textMar     = reflect.TypeFor[encoding.TextMarshaler]()
	textSet     = reflect.TypeFor[TextSet]()
	textAdder   = reflect.TypeFor[TextAdder]()
	zeroKeep    = reflect.TypeFor[ZeroKeeper]()
	numberMar   = reflect.TypeFor[NumberMarshaler]()
	nodeDecoder = reflect.TypeFor[NodeDecoder]()
	nodeEncoder = reflect.TypeFor[NodeEncoder]()
	textMember  = reflect.TypeFor[TextMemberDecoder]()
	rawType     = reflect.TypeFor[json.RawMessage]()
	timeType    = reflect.TypeFor[time.Time]()
	numberType  = reflect.TypeFor[json.Number]()
)

// planOf returns the plan of t, compiling it on first use.
func planOf(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	plansMu.Lock()
	defer plansMu.Unlock()
	return compile(t, map[reflect.Type]*plan{}, false)
}

func compile(t reflect.Type, inProgress map[reflect.Type]*plan, date bool) *plan {
	if date && t == timeType {
		return &plan{typ: t, kind: vDate}
	}
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	if p, ok := inProgress[t]; ok {
		return p
	}
	p := &plan{typ: t, ext: -1, keyIx: -1}
	inProgress[t] = p
	pt := reflect.PointerTo(t)
	switch {
	case t == numberType:
		p.kind = vNumber
	case t.Implements(textSet) && pt.Implements(textAdder):
		p.kind = vSet
	case pt.Implements(textUnm):
		p.kind = vText
		p.num = t.Implements(numberMar)
		if k := t.Kind(); k >= reflect.Int && k <= reflect.Uint64 {
			p.memo = newMemo[uint64](memoSize)
		}
	case t.Kind() == reflect.String:
		p.kind = vString
	case t.Kind() == reflect.Bool:
		p.kind = vBool
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Int64:
		p.kind = vInt
	case t.Kind() >= reflect.Uint && t.Kind() <= reflect.Uint64:
		p.kind = vUint
	case t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64:
		p.kind = vFloat
	case t.Kind() == reflect.Pointer:
		p.kind = vPtr
		p.elem = compile(t.Elem(), inProgress, false)
	case t.Kind() == reflect.Slice && (t.Elem().Kind() != reflect.Uint8 || reflect.PointerTo(t.Elem()).Implements(textUnm)):
		p.kind = vSlice
		p.elem = compile(t.Elem(), inProgress, false)
	case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String && t.Elem() == rawType:
		p.kind = vExt
	case t.Kind() == reflect.Struct && t != timeType:
		p.kind = vStruct
		p.byKey = map[string]int{}
		_, p.value = t.MethodByName("IsZero")
		p.keeper = t.Implements(zeroKeep)
		p.hooks = pt.Implements(nodeDecoder) && t.Implements(nodeEncoder)
		p.texts = p.hooks && pt.Implements(textMember)
		for i := range t.NumField() {
			sf := t.Field(i)
			if !sf.IsExported() {
				continue
			}
			tag, ok := sf.Tag.Lookup("doc")
			if !ok {
				if sf.Type.Kind() == reflect.Map && sf.Type.Key().Kind() == reflect.String && sf.Type.Elem() == rawType {
					p.ext = i
				}
				continue
			}
			if tag == "-" {
				continue
			}
			key, opts, _ := strings.Cut(tag, ",")
			if key == "" && opts == "key" {
				p.keyIx = i
				continue
			}
			f := field{key: key, index: i}
			isDate := false
			for _, o := range strings.Split(opts, ",") {
				switch o {
				case "keep":
					f.keep = true
				case "date":
					isDate = true
				case "keyed":
					f.keyed = true
				case "manual":
					f.manual = true
				case "":
				default:
					panic(fmt.Sprintf("schema: field %s.%s: unknown doc tag option %q", t, sf.Name, o))
				}
			}
			if h := sf.Tag.Get("csv"); h != "" {
				f.csv = strings.Split(h, "|")
			}
			f.plan = compile(sf.Type, inProgress, isDate)
			p.byKey[key] = len(p.fields)
			p.fields = append(p.fields, f)
		}
	default:
		p.kind = vAny
	}
	if !date {
		plans.Store(t, p)
	}
	return p
}

// Members returns the member keys the tags of T declare, in order, for
// the object at the given path of member keys below T ("body" names the
// members of T's body). It is how a test holds the Go type and the JSON
// Schema to each other.
func Members[T any](path ...string) []string {
	p := planOf(reflect.TypeFor[T]())
	for _, k := range path {
		p = structPlan(p)
		if p == nil {
			return nil
		}
		i, ok := p.byKey[k]
		if !ok {
			return nil
		}
		p = p.fields[i].plan
	}
	p = structPlan(p)
	if p == nil {
		return nil
	}
	out := make([]string, len(p.fields))
	for i, f := range p.fields {
		out[i] = f.key
	}
	return out
}

// structPlan returns the struct plan behind pointers and slices, or nil.
func structPlan(p *plan) *plan {
	for p != nil && (p.kind == vPtr || p.kind == vSlice) {
		p = p.elem
	}
	if p == nil || p.kind != vStruct {
		return nil
	}
	return p
}
