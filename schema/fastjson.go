package schema

import (
	"encoding"
	"encoding/binary"
	"encoding/json"
	"math/bits"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
	"unsafe"
)

// The one-pass decoder reads a JSON value straight from its text into a
// Go value, checking the schema's assertions as it goes: no node tree, no
// position bookkeeping, no allocation but the values themselves. It is the
// fast path for the common case, valid input: whenever it meets something
// to report, or something it does not read itself, it gives up and the
// caller reads the value the usual way (parse to nodes, validate, decode),
// which finds the same value valid or reports exactly what the usual way
// reports. So it must never accept what the usual way refuses, nor decode
// a value differently; the differential tests and fuzz targets check both.
//
// What it reads itself: objects into structs through a table of their
// members, arrays into slices and sets, strings, numbers, booleans, texts
// through their text methods (enumerations through a table made from the
// schema's enum), dates; and the assertions type, enum, minLength,
// maxLength, pattern, integer minimum and maximum, required, properties,
// additionalProperties, patternProperties, items, minItems, maxItems and
// uniqueItems on strings. A member or element it does not read itself (an
// x- extension, a struct that reads some members itself, a value under
// if/not/const) it cuts out of the text, parses to nodes and hands to the
// usual validator and decoder, quietly: any problem there still means
// giving up on the whole value.

// FastStatus says how [FastDecoder.Decode] ended.
type FastStatus uint8

const (
	// FastOK: the value was read, is valid and decoded without a problem.
	FastOK FastStatus = iota
	// FastFallback: read the value the usual way; it has something to
	// report, or a form the fast path leaves to the usual way.
	FastFallback
	// FastMore: the text ended inside the value; call again with more.
	FastMore
)

// A FastDecoder reads one JSON value of a subschema into a Go value in one
// pass (see [Schema.FastDecoder]). It is safe for concurrent use.
//
// The short strings of a value read (up to 256 bytes) share blocks of
// memory, a few hundred bytes each, sized by the values read before: one
// allocation for most of a value's strings instead of one each. A string
// kept after the value is dropped keeps its block.
type FastDecoder struct {
	root  *fnode
	typ   reflect.Type
	marks map[string]int
	// strBytes is about how many bytes of strings a value read holds, to
	// size the block they are cut from.
	strBytes atomic.Int32
}

// fastKey identifies a compiled fast node: a subschema read into a type.
type fastKey struct {
	s *vschema
	p *plan
}

var fastMu sync.Mutex

// FastDecoder returns a one-pass decoder of the subschema at JSON pointer
// def into values of type t (a struct type with doc tags), or nil when
// the schema is a reference view or its validator cannot be compiled.
// marks names members of the value's top-level object whose offsets
// [FastDecoder.Decode] reports, in that order (to locate a code, say).
func (s *Schema) FastDecoder(def string, t reflect.Type, marks ...string) *FastDecoder {
	if s.reference {
		return nil
	}
	c, err := s.once()
	if err != nil {
		return nil
	}
	sb, err := c.sub(def)
	if err != nil || sb.fast == nil {
		return nil
	}
	fastMu.Lock()
	defer fastMu.Unlock()
	fc := &fastCompile{memo: map[fastKey]*fnode{}}
	f := &FastDecoder{root: fc.node(sb.fast, planOf(t)), typ: t, marks: map[string]int{}}
	for i, m := range marks {
		f.marks[m] = i
	}
	if o := f.root.obj; o != nil {
		for i := range o.props {
			if k, ok := f.marks[o.props[i].key]; ok {
				o.props[i].mark = k
			}
		}
	}
	return f
}

// fnode is how one value is read: its subschema (with the schemas its $ref
// and allOf bring), and the plan of the Go value it goes into.
type fnode struct {
	s     *vschema   // the subschema, for the usual validator
	chain []*vschema // s, its $ref and allOf, flattened
	p     *plan
	// viaNodes: read this value as nodes (assertions or a plan the
	// one-pass reader does not do itself).
	viaNodes bool
	// generic: a scalar is checked by the usual validator on a node made
	// for it (const, format, not, if, non-integer bounds, …).
	generic  bool
	post     bool        // an object checked again as nodes once read
	hooks    bool        // a struct that reads its manual members from nodes
	postMemo *memo[bool] // the verdicts of the checks after reading, by text
	never    bool        // false schema: nothing is valid here
	kinds    uint8       // JSON kinds allowed, by bit (1 << NodeKind)
	integer  bool        // a number must be an integer
	enumAll  bool        // the chain has enums: a string is checked against their strings
	texts    []*textEnum
	// plainTerms: the chain asserts nothing of a string but its enums,
	// so a term found in texts needs no other check.
	plainTerms bool
	terms      map[string]string // of a set's items: the schema's own copy of each term
	setBits    map[string]uint64 // of a set of integer kind: the bits each term adds
	// fastItems: of such a set whose items have one enum and no other
	// assertion a term could fail: the bits of each term.
	fastItems map[string]uint64
	elem      *fnode // of a pointer: the pointee; of an array: its items
	obj       *fobject
	minLen    int
	maxLen    int
	minIt     int
	maxIt     int
	unique    bool
	empty     reflect.Value // of a slice: an empty one, not nil, as the decoder makes it
}

// textEnum is what the enum of strings of one schema decodes to, for a
// text type of integer kind: term → bits; and the terms themselves, to
// hand a set's AddText a string without making one.
type textEnum struct {
	bits  map[string]uint64
	terms map[string]string
}

type fobject struct {
	props   []fprop
	table   []int8 // dispatch: hash slot → prop index + 1
	mask    uint32
	reqMask uint64
	addl    *vschema // for members matched by no property (nil: allowed)
	noAddl  bool     // additionalProperties: false
	pats    []patternSchema
	hasExt  bool
	ext     int // index of the extensions field
}

type fprop struct {
	key    string
	field  int // index of the struct field, -1 when the plan has none
	f      *fnode
	bad    bool // present means giving up
	manual bool // read by the struct's DecodeNode: only checked here
	mark   int  // index in the offsets reported, or -1
	plain  bool // the key's JSON text is the key between quotes
}

// plainKey reports whether the JSON string of k is k between quotes: no
// quote, backslash or control character, and valid UTF-8.
func plainKey(k string) bool {
	for i := 0; i < len(k); i++ {
		if c := k[i]; c == '"' || c == '\\' || c < 0x20 {
			return false
		}
	}
	return utf8.ValidString(k)
}

type fastCompile struct {
	memo map[fastKey]*fnode
}

const kindAll = 1<<Null | 1<<Bool | 1<<Number | 1<<String | 1<<Array | 1<<Object

func kindBits(types []string) (uint8, bool) {
	if len(types) == 0 {
		return kindAll, false
	}
	var b uint8
	integer := false
	for _, t := range types {
		if t == "integer" {
			b |= 1 << Number
			integer = true
		} else if k := slices.Index(kindNames[:], t); k >= 0 {
			b |= 1 << k
		}
	}
	for _, t := range types {
		if t == "number" {
			integer = false
		}
	}
	return b, integer
}

func flatten(s *vschema, out []*vschema, depth int) ([]*vschema, bool) {
	if depth > 16 {
		return out, false
	}
	out = append(out, s)
	ok := true
	if s.ref != nil {
		out, ok = flatten(s.ref, out, depth+1)
	}
	for _, a := range s.allOf {
		if !ok {
			break
		}
		out, ok = flatten(a, out, depth+1)
	}
	return out, ok
}

func hasObjectKeywords(s *vschema) bool {
	return s.required != nil || s.props != nil || s.patterns != nil || s.addlBool != nil || s.addl != nil || s.propNames != nil
}

func (fc *fastCompile) node(s *vschema, p *plan) *fnode {
	k := fastKey{s, p}
	if f, ok := fc.memo[k]; ok {
		return f
	}
	f := &fnode{s: s, p: p, kinds: kindAll, minLen: -1, maxLen: -1, minIt: -1, maxIt: -1, enumAll: true}
	fc.memo[k] = f
	if p != nil && p.kind == vSlice {
		f.empty = reflect.MakeSlice(p.typ, 0, 0)
	}
	if s != nil {
		chain, ok := flatten(s, nil, 0)
		if !ok {
			f.viaNodes = true
			return f
		}
		f.chain = chain
	}
	var objs []*vschema
	anyEnum := false
	for _, c := range f.chain {
		if c.always != nil {
			if !*c.always {
				f.never = true
			}
			continue
		}
		f.common(c)
		if c.constant != nil || c.format != nil || c.not != nil || c.ifS != nil || c.propNames != nil ||
			c.exclMin != nil || c.exclMax != nil ||
			c.minimum != nil && c.minInt == nil || c.maximum != nil && c.maxInt == nil {
			f.generic = true
		}
		if c.enum != nil {
			// Strings are checked against the enum's strings, other
			// values by the usual validator.
			anyEnum = true
		}
		if c.minItems >= 0 {
			f.minIt = max(f.minIt, c.minItems)
		}
		if c.maxItems >= 0 {
			if f.maxIt < 0 || c.maxItems < f.maxIt {
				f.maxIt = c.maxItems
			}
		}
		f.unique = f.unique || c.unique
		if hasObjectKeywords(c) {
			objs = append(objs, c)
		}
	}
	f.enumAll = anyEnum
	if len(objs) > 1 {
		f.viaNodes = true
	}
	switch p.kind {
	case vPtr:
		f.elem = fc.node(s, p.elem)
		f.viaNodes = f.viaNodes || f.elem.viaNodes
		return f
	case vText:
		if f.enumAll && p.memo != nil {
			f.texts = fc.enums(f.chain, p.typ)
			f.plainTerms = f.minLen < 0 && f.maxLen < 0
			for _, c := range f.chain {
				f.plainTerms = f.plainTerms && c.matches == nil
			}
		}
	case vSet:
		f.elem = &fnode{s: f.chainItems(), kinds: kindAll, minLen: -1, maxLen: -1, minIt: -1, maxIt: -1}
		fc.scalarOnly(f.elem)
		f.setBits = orTable(p.typ, f.elem.terms)
		f.fastItems = fastItems(f.elem, f.setBits)
	case vSlice:
		f.elem = fc.node(f.chainItems(), p.elem)
		if f.unique && p.elem.kind != vString && p.elem.kind != vText {
			f.viaNodes = true
		}
	case vStruct:
		// A struct that reads some members itself gets them as nodes
		// once the others are read.
		f.hooks = p.hooks
		var os *vschema
		if len(objs) == 1 {
			os = objs[0]
		}
		f.obj = fc.object(os, p)
		if f.obj == nil {
			f.viaNodes = true
		}
	case vString, vBool, vInt, vUint, vFloat, vNumber, vDate:
	default: // vExt, vAny
		f.viaNodes = true
	}
	if f.generic && (p.kind == vSlice || p.kind == vSet) {
		f.viaNodes = true
	}
	// An object under if, not or const is read in one pass, then checked
	// again whole as nodes.
	f.post = f.generic && p.kind == vStruct
	if f.post {
		f.postMemo = newMemo[bool](matchMemoEntries)
	}
	return f
}

// chainItems returns the items schema of the arrays f reads: the last one
// its chain has. Two in the chain (each of allOf, say) are left to the
// usual validator: f is then read as nodes.
func (f *fnode) chainItems() *vschema {
	var items *vschema
	for _, c := range f.chain {
		if c.items != nil {
			if items != nil {
				f.viaNodes = true
			}
			items = c.items
		}
	}
	return items
}

// scalarOnly prepares the node of a set's items, which are texts.
func (fc *fastCompile) scalarOnly(f *fnode) {
	if f.s == nil {
		return
	}
	chain, ok := flatten(f.s, nil, 0)
	if !ok {
		f.generic = true
		return
	}
	f.chain = chain
	for _, c := range chain {
		if c.always != nil {
			if !*c.always {
				f.never = true
			}
			continue
		}
		f.common(c)
		if c.enum != nil {
			f.enumAll = true
			if f.terms == nil {
				f.terms = map[string]string{}
				for t := range c.enumStr {
					f.terms[t] = t
				}
			}
		}
		if c.constant != nil || c.format != nil || c.not != nil || c.ifS != nil ||
			c.minimum != nil || c.maximum != nil || c.exclMin != nil || c.exclMax != nil || hasObjectKeywords(c) ||
			c.items != nil || c.minItems >= 0 || c.maxItems >= 0 || c.unique {
			f.generic = true
		}
	}
}

// common takes the assertions of c that every kind of node checks
// itself: the types and the string lengths.
func (f *fnode) common(c *vschema) {
	b, integer := kindBits(c.types)
	f.kinds &= b
	f.integer = f.integer || integer
	if c.minLength >= 0 {
		f.minLen = max(f.minLen, c.minLength)
	}
	if c.maxLength >= 0 && (f.maxLen < 0 || c.maxLength < f.maxLen) {
		f.maxLen = c.maxLength
	}
}

// fastItems returns the bits of the terms a set's items schema accepts
// whole (its one enum, its type, lengths and patterns checked here, once),
// or nil when a term could need more.
func fastItems(it *fnode, bits map[string]uint64) map[string]uint64 {
	if bits == nil || it.generic || it.never || it.kinds&(1<<String) == 0 {
		return nil
	}
	enums := 0
	for _, c := range it.chain {
		if c.enum != nil {
			enums++
		}
	}
	if enums != 1 {
		return nil
	}
	out := map[string]uint64{}
	for term, b := range bits {
		n := utf8.RuneCountInString(term)
		ok := b != 0 && (it.minLen < 0 || n >= it.minLen) && (it.maxLen < 0 || n <= it.maxLen)
		for _, c := range it.chain {
			ok = ok && (c.matches == nil || c.matches(term))
		}
		if ok {
			out[term] = b
		}
	}
	return out
}

// orTable returns, for a set held in an integer, the bits each term of
// the schema adds, when adding a term is exactly or-ing its bits (checked
// on every pair of terms); else nil, and AddText is called.
func orTable(t reflect.Type, terms map[string]string) map[string]uint64 {
	if len(terms) == 0 || len(terms) > 64 || t.Kind() < reflect.Int || t.Kind() > reflect.Uint64 {
		return nil
	}
	add := func(v reflect.Value, term string) bool {
		return v.Addr().Interface().(TextAdder).AddText(term) == nil
	}
	bits := map[string]uint64{}
	for term := range terms {
		v := reflect.New(t).Elem()
		if add(v, term) {
			bits[term] = getBits(v)
		}
	}
	for a, ba := range bits {
		for b, bb := range bits {
			v := reflect.New(t).Elem()
			if !add(v, a) || !add(v, b) || getBits(v) != ba|bb {
				return nil
			}
		}
	}
	return bits
}

// enums decodes every term of the chain's string enums with the type's
// text method, once: a term it refuses is left out, so that reading it
// gives up and the usual way reports it.
func (fc *fastCompile) enums(chain []*vschema, t reflect.Type) []*textEnum {
	var out []*textEnum
	for _, c := range chain {
		if c.enum == nil {
			continue
		}
		te := &textEnum{bits: map[string]uint64{}, terms: map[string]string{}}
		for term := range c.enumStr {
			v := reflect.New(t)
			if err := v.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(term)); err == nil {
				te.bits[term] = getBits(v.Elem())
				te.terms[term] = term
			}
		}
		out = append(out, te)
	}
	return out
}

func (fc *fastCompile) object(os *vschema, p *plan) *fobject {
	o := &fobject{hasExt: p.ext >= 0, ext: p.ext}
	idx := map[string]int{}
	add := func(key string) *fprop {
		if i, ok := idx[key]; ok {
			return &o.props[i]
		}
		idx[key] = len(o.props)
		o.props = append(o.props, fprop{key: key, field: -1, mark: -1})
		return &o.props[len(o.props)-1]
	}
	for i := range p.fields {
		pf := &p.fields[i]
		fp := add(pf.key)
		fp.field = pf.index
		fp.manual = pf.manual
		if pf.keyed {
			fp.bad = true
		}
	}
	if os != nil {
		for key := range os.props {
			add(key)
		}
		o.pats = os.patterns
		o.addl = os.addl
		o.noAddl = os.addlBool != nil && !*os.addlBool
	}
	if len(o.props) > 64 {
		return nil
	}
	for i := range o.props {
		fp := &o.props[i]
		fp.plain = plainKey(fp.key)
		var s *vschema
		if os != nil {
			if ps, ok := os.props[fp.key]; ok {
				s = ps
			} else {
				switch {
				case o.noAddl:
					fp.bad = true
				case o.addl != nil:
					s = o.addl
				}
			}
			for _, pt := range o.pats {
				if pt.match(fp.key) {
					fp.bad = true // two schemas for one member: the usual way
				}
			}
			for _, r := range os.required {
				if r == fp.key {
					o.reqMask |= 1 << i
				}
			}
		}
		if fp.field < 0 {
			fp.bad = true // the decoder does not know it
			continue
		}
		if fp.manual {
			fp.f = &fnode{s: s, kinds: kindAll, minLen: -1, maxLen: -1, minIt: -1, maxIt: -1}
			fc.scalarOnly(fp.f)
			continue
		}
		fp.f = fc.node(s, p.fields[p.byKey[fp.key]].plan)
	}
	if os != nil {
		for _, r := range os.required {
			if _, ok := idx[r]; !ok {
				return nil // required but declared nowhere: always missing
			}
		}
	}
	size := 8
	for size < 4*len(o.props) {
		size <<= 1
	}
	o.table = make([]int8, size)
	o.mask = uint32(size - 1)
	for i := range o.props {
		h := keyHash(o.props[i].key) & o.mask
		for o.table[h] != 0 {
			h = (h + 1) & o.mask
		}
		o.table[h] = int8(i + 1)
	}
	return o
}

func keyHash[T string | []byte](k T) uint32 {
	n := uint32(len(k))
	if n == 0 {
		return 0
	}
	return n*0x9E3779B1 ^ uint32(k[0])*0x85EBCA6B ^ uint32(k[n-1])*0xC2B2AE35 ^ uint32(k[n/2])*0x27D4EB2F
}

func (o *fobject) lookup(k []byte) int {
	h := keyHash(k) & o.mask
	for {
		j := o.table[h]
		if j == 0 {
			return -1
		}
		if o.props[j-1].key == string(k) {
			return int(j - 1)
		}
		h = (h + 1) & o.mask
	}
}

// fastStop is the panic that ends a one-pass read early.
type fastStop FastStatus

// fdec is one run of the one-pass reader over a value's text.
type fdec struct {
	data   []byte
	i      int
	depth  int
	values int
	marks  []int
	buf    []byte     // scratch for strings with escapes
	spans  []textSpan // scratch for uniqueItems
	// The short strings of the value are cut from blocks: arena is what
	// is left of the last one, kept how many bytes they took in all.
	arena []byte
	kept  int
	est   int32 // the decoder's strBytes when the read began
}

// Strings of up to arenaMax bytes are cut from blocks of at least
// arenaMin bytes.
const (
	arenaMin = 64
	arenaMax = 256
)

// keep returns s as a string cut from the value's block of strings: one
// allocation for most of a value's strings rather than one each.
func (d *fdec) keep(s []byte) string {
	n := len(s)
	if n == 0 {
		return ""
	}
	if n > arenaMax {
		return string(s)
	}
	d.kept += n
	if n > len(d.arena) {
		// The first block holds what the values read before held, and
		// an eighth more; a next one, a quarter of that.
		size := int(d.est)
		if d.kept > n {
			size /= 4
		} else {
			size += size / 8
		}
		d.arena = make([]byte, max(size, n, arenaMin))
	}
	b := d.arena[:n:n]
	copy(b, s)
	d.arena = d.arena[n:]
	return unsafe.String(&b[0], n)
}

// Decode reads the JSON value at the start of data (after white space)
// into v, a pointer to the decoder's type. On [FastOK] it returns the
// offset just past the value, and marks (when not nil) holds the offsets
// of the marked members' values (-1 for a member absent). On other
// statuses v holds partial data: reset it before reading it again.
func (f *FastDecoder) Decode(data []byte, v any, marks []int) (end int, st FastStatus) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.Type().Elem() != f.typ || rv.IsNil() {
		panic("schema: FastDecoder.Decode needs a non-nil *" + f.typ.String())
	}
	for i := range marks {
		marks[i] = -1
	}
	d := fdecs.Get().(*fdec)
	*d = fdec{data: data, marks: marks, buf: d.buf[:0], spans: d.spans[:0], est: f.strBytes.Load()}
	defer func() {
		if st == FastOK && d.kept != int(d.est) {
			// The estimate moves an eighth of the way to what this
			// value held (racing updates lose one another's step).
			est := d.est
			f.strBytes.Store(est + (int32(min(d.kept, 1<<24))-est)/8)
		}
		d.data, d.marks, d.arena = nil, nil, nil
		clear(d.spans[:cap(d.spans)])
		fdecs.Put(d)
		if r := recover(); r != nil {
			end, st = 0, FastStatus(caught[fastStop](r))
		}
	}()
	d.value(f.root, rv.Elem())
	return d.i, FastOK
}

// fdecs keeps the state of one-pass reads, with their scratch buffers.
var fdecs = sync.Pool{New: func() any { return new(fdec) }}

func (d *fdec) give() { panic(fastStop(FastFallback)) }

func (d *fdec) more() { panic(fastStop(FastMore)) }

func (d *fdec) ws() { d.i = blankEnd(d.data, d.i) }

// next returns the next byte that is not blank, without taking it.
func (d *fdec) next() byte {
	d.ws()
	if d.i >= len(d.data) {
		d.more()
	}
	return d.data[d.i]
}

// count keeps to the budget of values of one piece of text, as the parser
// does: past it, the usual way reports it.
func (d *fdec) count() {
	d.values++
	if d.values > MaxNodes {
		d.give()
	}
}

// str reads a string at d.i (its opening quote) and returns its text:
// a slice of the input when it has no escape, else of d.buf. esc says
// there was an escape.
func (d *fdec) str() (s []byte, esc bool) {
	s, esc, check := d.rawStr()
	if check && !utf8.Valid(s) {
		d.give()
	}
	return s, esc
}

// rawStr is str without the check of UTF-8, which check says is still
// to be made: a caller that finds the bytes among known texts need not.
func (d *fdec) rawStr() (s []byte, esc, check bool) {
	data := d.data
	start := d.i + 1
	i := start
	// Eight bytes at a time: a byte's high bit set in m marks a quote, a
	// backslash or a control character (the lowest one exactly; none is
	// marked without one).
	var hi8 uint64
	for i+8 <= len(data) {
		x := binary.LittleEndian.Uint64(data[i:])
		q, b := x^quotes8, x^slashes8
		m := ((q-ones8)&^q | (b-ones8)&^b | (x-spaces8)&^x) & highs8
		if m == 0 {
			hi8 |= x
			i += 8
			continue
		}
		k := bits.TrailingZeros64(m) >> 3
		hi8 |= x & (1<<(8*k) - 1) // the bytes before it
		i += k
		if data[i] != '"' {
			return d.strEnd(start, i)
		}
		d.i = i + 1
		return data[start:i], false, hi8&highs8 != 0
	}
	// The last bytes of the text, one at a time.
	hi := byte(0)
	if hi8&highs8 != 0 {
		hi = utf8.RuneSelf
	}
	for {
		if i >= len(data) {
			d.more()
		}
		c := data[i]
		if c == '"' {
			break
		}
		if c == '\\' || c < 0x20 {
			return d.strEnd(start, i)
		}
		hi |= c
		i++
	}
	d.i = i + 1
	return data[start:i], false, hi >= utf8.RuneSelf
}

// strEnd is rawStr at a backslash or a control character at i.
func (d *fdec) strEnd(start, i int) (s []byte, esc, check bool) {
	if d.data[i] != '\\' {
		d.give()
	}
	s, esc = d.escaped(start)
	return s, esc, false
}

const (
	ones8    = 0x0101010101010101
	highs8   = 0x8080808080808080
	quotes8  = '"' * ones8
	slashes8 = '\\' * ones8
	spaces8  = ' ' * ones8
)

// escaped reads a string with escapes; a surrogate pair is left to the
// usual way.
func (d *fdec) escaped(start int) ([]byte, bool) {
	data := d.data
	b := d.buf[:0]
	i := start
	for {
		if i >= len(data) {
			d.more()
		}
		c := data[i]
		switch {
		case c == '"':
			if !utf8.Valid(b) {
				d.give()
			}
			d.i = i + 1
			d.buf = b
			return b, true
		case c < 0x20:
			d.give()
		case c == '\\':
			if i+1 >= len(data) {
				d.more()
			}
			switch e := data[i+1]; {
			case jsonEscapes[e] != 0:
				b = append(b, jsonEscapes[e])
			case e == 'u':
				if i+6 > len(data) {
					d.more()
				}
				r, ok := hex4(data, i+2)
				if !ok || r >= 0xD800 && r < 0xE000 {
					d.give()
				}
				b = utf8.AppendRune(b, r)
				i += 4
			default:
				d.give()
			}
			i += 2
		default:
			b = append(b, c)
			i++
		}
	}
}

// number reads a number at d.i and returns its text, giving up on one the
// parser refuses (out of range).
func (d *fdec) number() []byte {
	data := d.data
	start := d.i
	i := start
	if data[i] == '-' {
		i++
	}
	digits := func() int {
		j := i
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
		return i - j
	}
	if i >= len(data) {
		d.more()
	}
	switch {
	case data[i] == '0':
		i++
	case data[i] >= '1' && data[i] <= '9':
		digits()
	default:
		d.give()
	}
	plain := true
	if i < len(data) && data[i] == '.' {
		plain = false
		i++
		if digits() == 0 {
			if i >= len(data) {
				d.more()
			}
			d.give()
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		plain = false
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if digits() == 0 {
			if i >= len(data) {
				d.more()
			}
			d.give()
		}
	}
	if i >= len(data) {
		d.more() // the number may go on
	}
	s := data[start:i]
	if !plain || len(s) >= 16 {
		if _, bad := numberRange(string(s)); bad {
			d.give()
		}
	}
	d.i = i
	return s
}

func (d *fdec) literal(lit string) {
	end := d.i + len(lit)
	if end > len(d.data) {
		if strings.HasPrefix(lit, string(d.data[d.i:])) {
			d.more()
		}
		d.give()
	}
	if string(d.data[d.i:end]) != lit {
		d.give()
	}
	d.i = end
}

// skip passes over one value, checking only that its brackets and strings
// close, and returns where it started; the parser checks the rest.
func (d *fdec) skip() int {
	d.next()
	start := d.i
	depth := 0
	data := d.data
	i := d.i
	for {
		if i >= len(data) {
			d.more()
		}
		switch c := data[i]; c {
		case '"':
			d.i = i
			d.rawStr() // the parser checks the text
			i = d.i
		case '{', '[':
			depth++
			i++
		case '}', ']':
			depth--
			i++
		case ' ', '\n', '\r', '\t', ',', ':':
			i++
			continue
		default:
			// A scalar: it ends at a delimiter, which must be in the text.
			for i < len(data) && !isDelim(data[i]) {
				i++
			}
			if i >= len(data) {
				d.more()
			}
		}
		if depth <= 0 {
			d.i = i
			return start
		}
		if depth > 64 {
			d.give()
		}
	}
}

func isDelim(c byte) bool {
	switch c {
	case ' ', '\n', '\r', '\t', ',', ':', '{', '}', '[', ']', '"':
		return true
	}
	return false
}

// viaNodes reads the value at d.i as nodes and runs the usual validator
// and decoder on it, quietly; any problem means giving up.
func (d *fdec) viaNodes(f *fnode, v reflect.Value) {
	n, done := d.parse()
	defer done()
	if f.s != nil && !quietValid(f.s, n) {
		d.give()
	}
	if !v.IsValid() {
		return
	}
	var probs List
	ds := decodeState{c: &Codec{}, probs: &probs, root: n}
	ds.value(f.p, v, n, false)
	if len(probs) > 0 {
		d.give()
	}
}

// scratchParsers keep the node slabs and scratch stacks of the parsers
// that read the pieces the one-pass reader hands to the usual way: their
// nodes live only while the piece is checked and decoded.
var scratchParsers = sync.Pool{New: func() any { return new(jsonParser) }}

// parse cuts the value at d.i out of the text and parses it. The nodes
// are valid until done is called.
func (d *fdec) parse() (n *Node, done func()) {
	start := d.skip()
	return d.parseSpan(start, d.i)
}

// parseSpan parses data[start:end], which skip or a one-pass read has
// found to be one value.
func (d *fdec) parseSpan(start, end int) (n *Node, done func()) {
	p := scratchParsers.Get().(*jsonParser)
	slab := p.slab
	if len(slab) < 64 {
		slab = make([]Node, 64)
	}
	*p = jsonParser{data: d.data[start:end], line: 1, col: 1, slab: slab, fields: p.fields[:0], items: p.items[:0]}
	before := d.values
	p.nodes = before
	// Deeper than it is: the parser's limit then holds wherever the value
	// stands in its document.
	n, ok := p.parseQuiet(2 + 2*d.depth + 64)
	d.values = p.nodes
	done = func() {
		// The parser's node method expects zeroed nodes.
		clear(slab[:min(len(slab), p.nodes-before)])
		clear(p.fields)
		clear(p.items)
		*p = jsonParser{slab: slab, fields: p.fields[:0], items: p.items[:0]}
		scratchParsers.Put(p)
	}
	if !ok {
		done()
		d.give()
	}
	return n, done
}

// parseQuiet parses the whole of p.data as one value; ok is false on any
// problem.
func (p *jsonParser) parseQuiet(depth int) (n *Node, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			caught[syntaxError](r)
			n, ok = nil, false
		}
	}()
	n = p.value(depth)
	p.skipSpace()
	return n, p.off == len(p.data) && len(p.probs) == 0
}

// quietValid reports whether n is valid against s, reporting nothing.
func quietValid(s *vschema, n *Node) bool {
	r := &fastRun{quiet: 1}
	r.validate(s, n)
	return r.fails == 0
}

func (d *fdec) value(f *fnode, v reflect.Value) {
	if f.never {
		d.give()
	}
	c := d.next()
	if f.viaNodes {
		d.viaNodes(f, v)
		return
	}
	if f.p.kind == vPtr {
		if c == 'n' {
			d.give()
		}
		e := reflect.New(f.p.elem.typ)
		d.value(f.elem, e.Elem())
		v.Set(e)
		return
	}
	switch c {
	case '{':
		start := d.i
		values := d.values
		d.object(f, v)
		if f.post {
			d.postCheck(f, start, values)
		}
		if f.hooks && !f.p.texts {
			d.decodeNode(v, start, values)
		}
	case '[':
		d.array(f, v)
	case '"':
		d.count()
		if f.texts != nil && !f.generic {
			// A term of the schema's enum, as written: its bits, with
			// no other check to make (the bytes of a known term are
			// valid UTF-8).
			start := d.i
			s, esc, _ := d.rawStr()
			if bits, ok := f.termBits(s); ok && !esc && f.kinds&(1<<String) != 0 && f.plainTerms {
				setBits(v, bits)
				break
			}
			d.i = start
		}
		s, esc := d.str()
		d.stringValue(f, v, s, esc)
	case 't', 'f':
		d.count()
		if f.kinds&(1<<Bool) == 0 || f.p.kind != vBool {
			d.give()
		}
		lit := "true"
		if c == 'f' {
			lit = "false"
		}
		d.literal(lit)
		if (f.generic || f.enumAll) && !quietValid(f.s, &Node{Kind: Bool, Value: lit}) {
			d.give()
		}
		v.SetBool(c == 't')
	case 'n':
		d.give() // null fits no field: the decoder reports it
	default:
		if c != '-' && (c < '0' || c > '9') {
			d.give()
		}
		d.count()
		d.numberValue(f, v)
	}
}

// postCheck evaluates on the text of an object just read the assertions
// the one-pass read left (if/then/else, not, const), without nodes when it
// can tell, else as nodes.
func (d *fdec) postCheck(f *fnode, start, values int) {
	end := d.i
	text := d.data[start:end]
	short := len(text) <= matchMemoText
	if short {
		if v, ok := f.postMemo.getBytes(text); ok {
			if !v {
				d.give()
			}
			return
		}
	}
	sure := true
	for _, c := range f.chain {
		v, ok := d.extraValid(c, start, true)
		if ok && !v {
			d.give()
		}
		sure = sure && ok
	}
	d.i = end
	if sure {
		if short {
			f.postMemo.put(string(text), true)
		}
		return
	}
	d.values = values // the parser counts them again
	n, done := d.parseSpan(start, end)
	ok := quietValid(f.s, n)
	done()
	if !ok {
		d.give()
	}
}

// decodeNode hands the object just read, as nodes, to the struct's own
// DecodeNode, for the members it reads itself.
func (d *fdec) decodeNode(v reflect.Value, start, values int) {
	end := d.i
	d.values = values // the parser counts them again
	n, done := d.parseSpan(start, end)
	defer done()
	var probs List
	ds := decodeState{c: &Codec{}, probs: &probs, root: n}
	v.Addr().Interface().(NodeDecoder).DecodeNode(n, &Decoding{&ds})
	if len(probs) > 0 {
		d.give()
	}
}

// manual checks a member the struct reads itself and, when the struct
// reads it from text, hands it over; otherwise DecodeNode gets the object
// as nodes once it is read.
func (d *fdec) manual(fp *fprop, v reflect.Value, texts bool) {
	if !texts {
		d.checkOnly(fp.f)
		return
	}
	start := d.i
	if d.next() != '"' {
		d.give() // not a string: DecodeNode says what it makes of it
	}
	d.checkOnly(fp.f)
	d.i = start
	d.next()
	s, _ := d.str()
	if err := v.Addr().Interface().(TextMemberDecoder).DecodeTextMember(fp.key, d.keep(s)); err != nil {
		d.give()
	}
}

// checkOnly checks a scalar a struct reads itself, against its schema.
func (d *fdec) checkOnly(f *fnode) {
	if f.never {
		d.give()
	}
	c := d.next()
	d.count()
	if c == '"' {
		start := d.i
		s, esc := d.str()
		if f.kinds&(1<<String) == 0 {
			d.give()
		}
		if !f.generic && !esc {
			d.checkString(f, s, "")
			return
		}
		d.i = start
	}
	d.checkScalar(f, c)
}

// checkScalar checks the scalar at d.i, which starts with c, with the
// usual validator.
func (d *fdec) checkScalar(f *fnode, c byte) {
	var n Node
	switch {
	case c == '"':
		s, _ := d.str()
		n = Node{Kind: String, Value: string(s)}
	case c == '-' || c >= '0' && c <= '9':
		n = Node{Kind: Number, Value: string(d.number())}
	case c == 't' || c == 'f':
		n = Node{Kind: Bool, Value: "true"}
		if c == 'f' {
			n.Value = "false"
		}
		d.literal(n.Value)
	default:
		d.give()
	}
	if f.kinds&(1<<n.Kind) == 0 || f.s != nil && !quietValid(f.s, &n) {
		d.give()
	}
}

// extraValid evaluates the assertions of c that the one-pass read leaves
// to the end: not, if/then/else and const.
func (d *fdec) extraValid(c *vschema, at int, object bool) (valid, sure bool) {
	sure = true
	if object && c.constant != nil {
		if c.constant.Kind == Object || c.constant.Kind == Array {
			return false, false
		}
		return false, true // an object is no scalar
	}
	if c.not != nil {
		v, ok := d.spanValid(c.not, at, 0)
		if ok && v {
			return false, true
		}
		sure = ok
	}
	if c.ifS != nil {
		v, ok := d.spanValid(c.ifS, at, 0)
		if !ok {
			return false, false
		}
		branch := c.elseS
		if v {
			branch = c.thenS
		}
		if branch != nil {
			bv, bok := d.spanValid(branch, at, 0)
			if bok && !bv {
				return false, true
			}
			sure = sure && bok
		}
	}
	return true, sure
}

// spanValid evaluates s on the well-formed value at data[at:], for the
// assertions it knows (type, const and enum of scalars, properties and
// required, not, if/then/else, $ref, allOf); sure is false when it cannot
// tell without nodes.
func (d *fdec) spanValid(s *vschema, at, depth int) (valid, sure bool) {
	if depth > 16 {
		return false, false
	}
	d.i = at
	c := d.next()
	if s.always != nil {
		return *s.always, true
	}
	sure = true
	unsure := func() { sure = false }
	kind := kindOf(c)
	if len(s.types) > 0 {
		match := false
		for _, t := range s.types {
			switch {
			case t == kind.String():
				match = true
			case t == "integer" && kind == Number:
				d.i = at
				d.next()
				if isPlainInt(string(d.number())) {
					match = true
				} else {
					unsure()
				}
			}
		}
		if !match && sure {
			return false, true
		}
	}
	if s.constant != nil || s.enum != nil {
		d.i = at
		d.next()
		var n Node
		switch kind {
		case String:
			b, esc := d.str()
			if esc {
				return false, false
			}
			n = Node{Kind: String, Value: string(b)}
		case Number:
			n = Node{Kind: Number, Value: string(d.number())}
		case Bool:
			n = Node{Kind: Bool, Value: "false"}
			if c == 't' {
				n.Value = "true"
			}
		case Null:
			n = Node{Kind: Null}
		default:
			return false, false
		}
		if s.constant != nil && !nodeEqual(&n, s.constant) || s.enum != nil && !s.inEnum(&n) {
			return false, true
		}
	}
	if s.format != nil || s.pattern != nil || s.minLength >= 0 || s.maxLength >= 0 ||
		s.minimum != nil || s.maximum != nil || s.exclMin != nil || s.exclMax != nil ||
		s.items != nil || s.minItems >= 0 || s.maxItems >= 0 || s.unique ||
		s.patterns != nil || s.addl != nil || s.addlBool != nil || s.propNames != nil {
		unsure()
	}
	if kind == Object && (s.props != nil || s.required != nil) {
		var seen [16]string
		ns := 0
		d.i = at
		d.next()
		for key, more := d.firstMember(); more; key, more = d.nextMember() {
			if ns == len(seen) {
				return false, false
			}
			ps, known := s.props[string(key)]
			seen[ns] = "" // the required ones are named by the schema's own strings
			for _, r := range s.required {
				if r == string(key) {
					seen[ns] = r
				}
			}
			ns++
			vstart := d.i
			if known {
				v, ok := d.spanValid(ps, vstart, depth+1)
				if ok && !v {
					return false, true
				}
				sure = sure && ok
			}
			d.i = vstart
			d.skip()
		}
		for _, r := range s.required {
			found := false
			for _, o := range seen[:ns] {
				found = found || o == r
			}
			if !found {
				return false, true
			}
		}
	}
	if s.ref != nil {
		v, ok := d.spanValid(s.ref, at, depth+1)
		if ok && !v {
			return false, true
		}
		sure = sure && ok
	}
	for _, sub := range s.allOf {
		v, ok := d.spanValid(sub, at, depth+1)
		if ok && !v {
			return false, true
		}
		sure = sure && ok
	}
	if v, ok := d.extraValid(s, at, false); ok && !v {
		return false, true
	} else {
		sure = sure && ok
	}
	return true, sure
}

func kindOf(c byte) NodeKind {
	switch c {
	case '{':
		return Object
	case '[':
		return Array
	case '"':
		return String
	case 't', 'f':
		return Bool
	case 'n':
		return Null
	}
	return Number
}

func (d *fdec) stringValue(f *fnode, v reflect.Value, s []byte, esc bool) {
	if f.kinds&(1<<String) == 0 {
		d.give()
	}
	text := ""
	switch {
	case f.p.kind == vString:
		text = d.keep(s)
	case f.p.kind == vDate || f.generic:
		text = string(s)
	}
	if f.generic {
		if !quietValid(f.s, &Node{Kind: String, Value: text}) {
			d.give()
		}
	} else {
		d.checkString(f, s, text)
	}
	switch f.p.kind {
	case vString:
		v.SetString(text)
	case vText:
		if f.p.num {
			d.give() // a number value is not read from a string
		}
		if f.texts != nil {
			bits, ok := f.termBits(s)
			if !ok {
				d.give()
			}
			setBits(v, bits)
			return
		}
		if f.p.memo != nil {
			if u, ok := f.p.memo.getBytes(s); ok {
				setBits(v, u)
				return
			}
		}
		// The text method copies what it keeps.
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(s); err != nil {
			d.give()
		}
		if f.p.memo != nil {
			f.p.memo.put(string(s), getBits(v))
		}
	case vDate:
		if len(s) == 0 {
			v.Set(reflect.ValueOf(time.Time{}))
			return
		}
		t, err := time.Parse(time.DateOnly, text)
		if err != nil || t.Year() < 1 {
			d.give()
		}
		v.Set(reflect.ValueOf(t))
	default:
		d.give()
	}
}

// termBits returns what every enum of the chain decodes s to.
func (f *fnode) termBits(s []byte) (uint64, bool) {
	var bits uint64
	for i, te := range f.texts {
		b, ok := te.bits[string(s)]
		if !ok || i > 0 && b != bits {
			return 0, false
		}
		bits = b
	}
	return bits, true
}

// checkString runs the string assertions of the chain; text is s as a
// string when the caller has made it.
func (d *fdec) checkString(f *fnode, s []byte, text string) {
	if f.minLen >= 0 || f.maxLen >= 0 {
		n := len(s)
		if n > 0 && (f.maxLen >= 0 && n > f.maxLen || f.minLen > 0 && n < 4*f.minLen) {
			n = utf8.RuneCount(s)
		}
		if f.minLen >= 0 && n < f.minLen || f.maxLen >= 0 && n > f.maxLen {
			d.give()
		}
	}
	for _, c := range f.chain {
		if c.matches != nil {
			if text == "" && len(s) > 0 {
				// Matchers keep no text they are given (see
				// matcher): the bytes need no copy.
				text = unsafe.String(&s[0], len(s))
			}
			if !c.matches(text) {
				d.give()
			}
		}
	}
	if f.enumAll && f.texts == nil {
		d.inEnums(f, s)
	}
}

func (d *fdec) inEnums(f *fnode, s []byte) {
	for _, c := range f.chain {
		if c.enum != nil && !c.enumStr[string(s)] {
			d.give()
		}
	}
}

func (d *fdec) numberValue(f *fnode, v reflect.Value) {
	s := d.number()
	if f.kinds&(1<<Number) == 0 {
		d.give()
	}
	iv, plain := plainInt(s)
	if f.generic || f.enumAll {
		if !quietValid(f.s, &Node{Kind: Number, Value: string(s)}) {
			d.give()
		}
	} else {
		if f.integer && !plain && !isInteger(string(s)) {
			d.give()
		}
		for _, c := range f.chain {
			if c.minInt == nil && c.maxInt == nil {
				continue
			}
			if !plain {
				if !quietValid(f.s, &Node{Kind: Number, Value: string(s)}) {
					d.give()
				}
				break
			}
			if c.minInt != nil && iv < *c.minInt || c.maxInt != nil && iv > *c.maxInt {
				d.give()
			}
		}
	}
	switch f.p.kind {
	case vInt:
		if plain {
			bits := v.Type().Bits()
			if bits < 64 && (iv >= 1<<(bits-1) || iv < -1<<(bits-1)) {
				d.give()
			}
			v.SetInt(iv)
			return
		}
		i, ok := parseInt(string(s), v.Type().Bits())
		if !ok {
			d.give()
		}
		v.SetInt(i)
	case vUint:
		if plain && iv >= 0 {
			if bits := v.Type().Bits(); bits < 64 && uint64(iv) >= 1<<bits {
				d.give()
			}
			v.SetUint(uint64(iv))
			return
		}
		d.give()
	case vFloat:
		fl, err := strconv.ParseFloat(string(s), v.Type().Bits())
		if err != nil {
			d.give()
		}
		v.SetFloat(fl)
	case vNumber:
		v.SetString(string(s))
	case vText:
		if f.p.num {
			// A number value reads the number as written; the text
			// method copies what it keeps.
			if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(s); err != nil {
				d.give()
			}
			return
		}
		// A term or code written as a number is read by its value.
		text, ok := IntegerText(string(s))
		if !ok {
			text = string(s)
		}
		if f.p.memo != nil {
			if u, ok := f.p.memo.get(text); ok {
				setBits(v, u)
				return
			}
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(text)); err != nil {
			d.give()
		}
		if f.p.memo != nil {
			f.p.memo.put(text, getBits(v))
		}
	default:
		d.give()
	}
}

func (d *fdec) object(f *fnode, v reflect.Value) {
	d.count()
	if f.kinds&(1<<Object) == 0 || f.p.kind != vStruct {
		d.give()
	}
	o := f.obj
	d.depth++
	if d.depth > 64 {
		d.give()
	}
	top := d.depth == 1
	var seen uint64
	var ext []string
	next := 0 // members come mostly in the order of the fields: try that first
	for more := d.firstKey(); more; more = d.nextKey() {
		j := -1
		if next < len(o.props) && o.props[next].plain && d.takeKey(o.props[next].key) {
			j = next
		} else {
			key := d.memberKey()
			for k := next; k < len(o.props) && k < next+3; k++ {
				if o.props[k].key == string(key) {
					j = k
					break
				}
			}
			if j < 0 {
				j = o.lookup(key)
			}
			if j < 0 {
				next = 0
				ext = d.extension(o, v, key, ext)
				continue
			}
		}
		next = j + 1
		fp := &o.props[j]
		if fp.bad || seen&(1<<j) != 0 {
			d.give()
		}
		seen |= 1 << j
		if top && fp.mark >= 0 && fp.mark < len(d.marks) {
			d.ws()
			d.marks[fp.mark] = d.i
		}
		if fp.manual {
			d.manual(fp, v, f.p.texts)
		} else {
			d.value(fp.f, v.Field(fp.field))
		}
	}
	if seen&o.reqMask != o.reqMask {
		d.give()
	}
	d.depth--
}

// extension reads a member the struct has no field for: an x- member into
// the extensions, through nodes; anything else is for the usual way to
// report.
func (d *fdec) extension(o *fobject, v reflect.Value, key []byte, seen []string) []string {
	if !o.hasExt || len(key) < 2 || key[0] != 'x' || key[1] != '-' {
		d.give()
	}
	for _, k := range seen {
		if k == string(key) {
			d.give()
		}
	}
	k := string(key)
	n, done := d.parse()
	defer done()
	matched := false
	for _, pt := range o.pats {
		if pt.match(k) {
			matched = true
			if !quietValid(pt.s, n) {
				d.give()
			}
		}
	}
	if !matched {
		if o.noAddl || o.addl != nil && !quietValid(o.addl, n) {
			d.give()
		}
	}
	m := v.Field(o.ext)
	if m.IsNil() {
		m.Set(reflect.MakeMap(m.Type()))
	}
	b, _ := n.MarshalJSON()
	m.SetMapIndex(reflect.ValueOf(k), reflect.ValueOf(json.RawMessage(b)))
	return append(seen, k)
}

func (d *fdec) array(f *fnode, v reflect.Value) {
	d.count()
	if f.kinds&(1<<Array) == 0 {
		d.give()
	}
	switch f.p.kind {
	case vSlice:
		d.slice(f, v)
	case vSet:
		d.set(f, v)
	default:
		d.give()
	}
}

// textSpan is where one string element was, for uniqueItems.
type textSpan struct {
	from, to int
	num      string // a number's canonical text; "" for a string
}

func (d *fdec) slice(f *fnode, v reflect.Value) {
	d.depth++
	if d.depth > 64 {
		d.give()
	}
	var spans []textSpan
	if f.unique {
		spans = d.spans[:0]
	}
	var s reflect.Value
	n := 0
	for c, more := d.firstItem(); more; c, more = d.nextItem() {
		if n == 0 {
			s = reflect.MakeSlice(f.p.typ, 4, 4)
		} else if n == s.Len() {
			s = grow(s, n)
		}
		start := d.i
		if f.unique && c != '"' {
			d.give()
		}
		d.value(f.elem, s.Index(n))
		if f.unique {
			if d.data[d.i-1] != '"' || hasBackslash(d.data[start:d.i]) {
				d.give()
			}
			spans = append(spans, textSpan{from: start, to: d.i})
		}
		n++
	}
	d.checkItems(f, n, spans)
	if n == 0 {
		v.Set(f.empty)
		d.depth--
		return
	}
	v.Set(s)
	if n < s.Len() {
		v.SetLen(n)
		v.SetCap(n) // of its exact size, as the decoder makes it
	}
	d.depth--
}

// firstMember reads past the '{' at d.i and, when a member follows, its
// key (without escapes: a key with one is left to the usual way) and ':'.
func (d *fdec) firstMember() ([]byte, bool) {
	if !d.firstKey() {
		return nil, false
	}
	return d.memberKey(), true
}

// firstKey reads past the '{' at d.i and reports whether a member
// follows, leaving d.i at the quote of its key.
func (d *fdec) firstKey() bool {
	d.i++ // {
	switch d.next() {
	case '}':
		d.i++
		return false
	case '"':
		return true
	}
	d.give()
	return false
}

// nextKey reads past what follows a member's value and reports whether
// another member follows, leaving d.i at the quote of its key.
func (d *fdec) nextKey() bool {
	switch d.next() {
	case ',':
		d.i++
		if d.next() != '"' {
			d.give()
		}
		return true
	case '}':
		d.i++
		return false
	}
	d.give()
	return false
}

// takeKey reads past the key at d.i and its colon if the key is k, a
// plain key, as written.
func (d *fdec) takeKey(k string) bool {
	i := d.i + 1
	end := i + len(k)
	if end >= len(d.data) || d.data[end] != '"' || string(d.data[i:end]) != k {
		return false
	}
	d.i = end + 1
	if d.next() != ':' {
		d.give()
	}
	d.i++
	return true
}

// nextMember reads past what follows a member's value: the next key
// after a comma, or the closing brace.
func (d *fdec) nextMember() ([]byte, bool) {
	if !d.nextKey() {
		return nil, false
	}
	return d.memberKey(), true
}

func (d *fdec) memberKey() []byte {
	if d.data[d.i] != '"' {
		d.give()
	}
	key, esc := d.str()
	if esc || d.next() != ':' {
		d.give()
	}
	d.i++
	return key
}

// firstItem reads past the '[' at d.i and reports whether an element
// follows, and its first byte.
func (d *fdec) firstItem() (byte, bool) {
	d.i++ // [
	if c := d.next(); c != ']' {
		return c, true
	}
	d.i++
	return 0, false
}

// nextItem reads past what follows an element: true and the next
// element's first byte after a comma, false after the closing bracket.
func (d *fdec) nextItem() (byte, bool) {
	switch d.next() {
	case ',':
		d.i++
		return d.next(), true
	case ']':
		d.i++
		return 0, false
	}
	d.give()
	return 0, false
}

func grow(s reflect.Value, n int) reflect.Value {
	c := max(4, 2*n)
	ns := reflect.MakeSlice(s.Type(), c, c)
	reflect.Copy(ns, s)
	return ns
}

func hasBackslash(b []byte) bool {
	for _, c := range b {
		if c == '\\' {
			return true
		}
	}
	return false
}

func (d *fdec) checkItems(f *fnode, n int, spans []textSpan) {
	d.spans = spans[:0] // kept for the next array
	if f.minIt >= 0 && n < f.minIt || f.maxIt >= 0 && n > f.maxIt {
		d.give()
	}
	for i := 1; i < len(spans); i++ {
		a := d.data[spans[i].from:spans[i].to]
		for j := 0; j < i; j++ {
			if spans[i].num != spans[j].num {
				continue
			}
			if spans[i].num != "" || string(a) == string(d.data[spans[j].from:spans[j].to]) {
				d.give()
			}
		}
	}
}

func (d *fdec) set(f *fnode, v reflect.Value) {
	d.depth++
	var spans []textSpan
	if f.unique {
		spans = d.spans[:0]
	}
	it := f.elem
	if it.never {
		d.give()
	}
	n := 0
	for c, more := d.firstItem(); more; c, more = d.nextItem() {
		d.count()
		start := d.i
		var text string
		if c == '"' && f.fastItems != nil {
			// A term of the schema's enum, as written: or its bits in
			// (the bytes of a known term are valid UTF-8).
			s, esc, _ := d.rawStr()
			b, ok := f.fastItems[string(s)]
			if ok && !esc {
				have := getBits(v)
				if f.unique && have&b != 0 {
					d.give() // a term again, or two sharing bits: the usual way tells
				}
				setBits(v, have|b)
				n++
				continue
			}
			d.i = start
		}
		switch {
		case c == '"':
			s, esc := d.str()
			if it.kinds&(1<<String) == 0 || f.unique && esc {
				d.give()
			}
			if it.generic {
				text = string(s)
				if !quietValid(it.s, &Node{Kind: String, Value: text}) {
					d.give()
				}
			} else {
				d.checkString(it, s, "")
			}
			if term, ok := it.terms[string(s)]; ok {
				text = term // the schema's copy: no string made
			} else if text == "" {
				text = string(s)
			}
			if f.unique {
				spans = append(spans, textSpan{from: start, to: d.i})
			}
		case c == '-' || c >= '0' && c <= '9':
			// A term written as a number is read by its value.
			num := string(d.number())
			if it.kinds&(1<<Number) == 0 || it.s != nil && !quietValid(it.s, &Node{Kind: Number, Value: num}) {
				d.give()
			}
			var ok bool
			if text, ok = IntegerText(num); !ok {
				text = num
			}
			if f.unique {
				spans = append(spans, textSpan{num: canonicalNumber(num)})
			}
		default:
			d.give()
		}
		if b, ok := f.setBits[text]; ok {
			setBits(v, getBits(v)|b)
		} else if err := v.Addr().Interface().(TextAdder).AddText(text); err != nil {
			d.give()
		}
		n++
	}
	d.checkItems(f, n, spans)
	d.depth--
}
