package schema

import (
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// The fast validator interprets the same JSON Schema documents as
// jsonschema/v5 in plain Go over [Node] trees, for the keywords the
// module's schemas use. It exists for speed: the reference library decodes
// into generic values and builds an error tree per failure, which costs
// several times a typed decode of the same document. It must agree with
// the reference — same verdict, same (path, rule) problems — and the tests
// check that on every fixture and under a differential fuzz test. A schema
// that uses a keyword it does not know is validated by the reference alone.

// vschema is one compiled (sub)schema.
type vschema struct {
	loc       string // JSON pointer of this schema in its document, for enum terms
	always    *bool  // boolean schema
	ref       *vschema
	types     []string
	constant  *Node
	enum      []*Node
	enumStr   map[string]bool
	enumNum   map[string]bool // numbers by canonical rational text
	format    func(any) bool
	formatN   string
	required  []string
	props     map[string]*vschema
	propNames *vschema
	patterns  []patternSchema
	addlBool  *bool
	addl      *vschema
	items     *vschema
	minItems  int
	maxItems  int
	unique    bool
	minLength int
	maxLength int
	pattern   *regexp.Regexp
	matches   func(string) bool // pattern's matcher
	minimum   *big.Rat
	maximum   *big.Rat
	exclMin   *big.Rat
	exclMax   *big.Rat
	minInt    *int64 // minimum as an integer, for the common case
	maxInt    *int64
	not       *vschema
	ifS       *vschema
	thenS     *vschema
	elseS     *vschema
	allOf     []*vschema
}

type patternSchema struct {
	match func(string) bool
	s     *vschema
}

// fastCompiler turns schema nodes into vschemas, resolving local $refs.
type fastCompiler struct {
	doc  *Node
	memo map[string]*vschema
}

type unsupportedError string

func (e unsupportedError) Error() string {
	return "schema: fast validator does not support " + string(e)
}

// compileFast compiles the subschema at pointer ptr of doc.
func compileFast(doc *Node, ptr string) (v *vschema, err error) {
	c := &fastCompiler{doc: doc, memo: map[string]*vschema{}}
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, caught[unsupportedError](r)
		}
	}()
	return c.compile(ptr), nil
}

var annotations = map[string]bool{
	"$schema": true, "$id": true, "$defs": true, "definitions": true, "$comment": true,
	"title": true, "description": true, "examples": true, "default": true,
	"deprecated": true, "readOnly": true, "writeOnly": true,
}

func (c *fastCompiler) compile(ptr string) *vschema {
	if v, ok := c.memo[ptr]; ok {
		return v
	}
	n := c.doc.Lookup(ParsePointer(ptr))
	if n == nil {
		panic(unsupportedError("unresolvable pointer " + ptr))
	}
	v := &vschema{loc: ptr, minItems: -1, maxItems: -1, minLength: -1, maxLength: -1}
	c.memo[ptr] = v
	if n.Kind == Bool {
		b := n.Value == "true"
		v.always = &b
		return v
	}
	if n.Kind != Object {
		panic(unsupportedError("a schema that is a " + n.Kind.String()))
	}
	for _, f := range n.Fields {
		at := ptr + "/" + escapePointer(f.Key)
		val := f.Value
		switch f.Key {
		case "$ref":
			if !strings.HasPrefix(val.Value, "#") {
				panic(unsupportedError("non-local $ref " + val.Value))
			}
			v.ref = c.compile(val.Value[1:])
		case "type":
			if val.Kind == String {
				v.types = []string{val.Value}
			} else {
				for _, t := range val.Items {
					v.types = append(v.types, t.Value)
				}
			}
		case "const":
			v.constant = val
		case "enum":
			v.enum = val.Items
			v.enumStr = map[string]bool{}
			v.enumNum = map[string]bool{}
			for _, it := range val.Items {
				switch it.Kind {
				case String:
					v.enumStr[it.Value] = true
				case Number:
					v.enumNum[canonicalNumber(it.Value)] = true
				}
			}
		case "format":
			v.format, v.formatN = jsonschema.Formats[val.Value], val.Value
		case "required":
			for _, it := range val.Items {
				v.required = append(v.required, it.Value)
			}
		case "properties":
			v.props = map[string]*vschema{}
			for _, p := range val.Fields {
				v.props[p.Key] = c.compile(at + "/" + escapePointer(p.Key))
			}
		case "propertyNames":
			v.propNames = c.compile(at)
		case "patternProperties":
			for _, p := range val.Fields {
				re, err := regexp.Compile(p.Key)
				if err != nil {
					panic(unsupportedError("pattern " + p.Key))
				}
				v.patterns = append(v.patterns, patternSchema{matcher(re), c.compile(at + "/" + escapePointer(p.Key))})
			}
		case "additionalProperties":
			if val.Kind == Bool {
				b := val.Value == "true"
				v.addlBool = &b
			} else {
				v.addl = c.compile(at)
			}
		case "items":
			if val.Kind != Object && val.Kind != Bool {
				panic(unsupportedError("items as an array"))
			}
			v.items = c.compile(at)
		case "minItems":
			v.minItems = atoi(val)
		case "maxItems":
			v.maxItems = atoi(val)
		case "uniqueItems":
			v.unique = val.Value == "true"
		case "minLength":
			v.minLength = atoi(val)
		case "maxLength":
			v.maxLength = atoi(val)
		case "pattern":
			re, err := regexp.Compile(val.Value)
			if err != nil {
				panic(unsupportedError("pattern " + val.Value))
			}
			v.pattern, v.matches = re, matcher(re)
		case "minimum":
			v.minimum, v.minInt = bound(val)
		case "maximum":
			v.maximum, v.maxInt = bound(val)
		case "exclusiveMinimum":
			v.exclMin, _ = bound(val)
		case "exclusiveMaximum":
			v.exclMax, _ = bound(val)
		case "not":
			v.not = c.compile(at)
		case "if":
			v.ifS = c.compile(at)
		case "then":
			v.thenS = c.compile(at)
		case "else":
			v.elseS = c.compile(at)
		case "allOf":
			for i := range val.Items {
				v.allOf = append(v.allOf, c.compile(at+"/"+strconv.Itoa(i)))
			}
		default:
			if !annotations[f.Key] {
				panic(unsupportedError("keyword " + f.Key))
			}
		}
	}
	return v
}

func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

func atoi(n *Node) int {
	i, err := strconv.Atoi(n.Value)
	if err != nil {
		panic(unsupportedError("non-integer bound " + n.Value))
	}
	return i
}

func bound(n *Node) (*big.Rat, *int64) {
	r, ok := new(big.Rat).SetString(n.Value)
	if !ok {
		panic(unsupportedError("bound " + n.Value))
	}
	if i, err := strconv.ParseInt(n.Value, 10, 64); err == nil {
		return r, &i
	}
	return r, nil
}

// canonicalNumber returns a text that is equal for equal numbers: "1",
// "1.0" and "1e0" all give "1".
func canonicalNumber(s string) string {
	if isPlainInt(s) {
		return strings.TrimPrefix(s, "+")
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return s
	}
	return r.RatString()
}

// isPlainInt reports whether s is an integer written without fraction or
// exponent and without a redundant sign or zero: the common case that needs
// no rational arithmetic.
func isPlainInt(s string) bool {
	if s == "" || s == "-0" {
		return false
	}
	i := 0
	if s[0] == '-' {
		i = 1
	}
	if i >= len(s) || s[i] == '0' && len(s) > i+1 {
		return false
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// plainInt is isPlainInt with the value, when it fits in an int64.
func plainInt(s []byte) (int64, bool) {
	neg := len(s) > 0 && s[0] == '-'
	digits := s
	if neg {
		digits = s[1:]
	}
	if len(digits) > 18 {
		// 19 digits and more may not fit: the library tells.
		v, err := strconv.ParseInt(string(s), 10, 64)
		return v, err == nil && isPlainInt(string(s))
	}
	if len(digits) == 0 || digits[0] == '0' && (len(digits) > 1 || neg) {
		return 0, false // "", "-", a redundant zero, "-0"
	}
	var v int64
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	if neg {
		v = -v
	}
	return v, true
}

func rat(s string) *big.Rat {
	r, _ := new(big.Rat).SetString(s)
	if r == nil {
		r = new(big.Rat)
	}
	return r
}

func isInteger(s string) bool {
	if isPlainInt(s) {
		return true
	}
	return rat(s).IsInt()
}

// fastRun validates one document against a compiled schema. It builds no
// paths while validating: a problem's path is found from its node when the
// problem is reported, through a parent map made on the first problem.
type fastRun struct {
	root    *vschema
	doc     *Node // the instance validated
	at      Path  // the instance's path in its document
	parents map[*Node]parentLink
	terms   func(loc string) Msg // enum terms for messages
	out     List
	quiet   int // > 0 inside "if" and "not": failures are not reported
	fails   int // failures seen while quiet
}

type parentLink struct {
	parent *Node
	key    string
	index  int // -1 for a member
}

// quietFail counts a failure where nothing is reported (inside "if" and
// "not") and says so, so that the caller builds no message for it.
func (r *fastRun) quietFail() bool {
	if r.quiet > 0 {
		r.fails++
		return true
	}
	return false
}

// reportAt reports p at node n.
func (r *fastRun) reportAt(n *Node, p *Problem) {
	p.Path = r.pathOf(n)
	r.out = append(r.out, p)
}

// reportKey reports p at member key of n; a key may be "", which is a
// member like any other (/a/ is member "" of /a).
func (r *fastRun) reportKey(n *Node, key string, p *Problem) {
	p.Path = r.pathOf(n).Key(key)
	r.out = append(r.out, p)
}

// keyNode returns a string node standing for the key of member f of n, for
// propertyNames; its path is that of the member.
func (r *fastRun) keyNode(n *Node, f *Field) *Node {
	k := &Node{Kind: String, Value: f.Key, Pos: f.Value.Pos}
	r.link()
	r.parents[k] = parentLink{parent: n, key: f.Key, index: -1}
	return k
}

func (r *fastRun) link() {
	if r.parents != nil {
		return
	}
	r.parents = map[*Node]parentLink{}
	var walk func(*Node)
	walk = func(x *Node) {
		for _, f := range x.Fields {
			r.parents[f.Value] = parentLink{parent: x, key: f.Key, index: -1}
			walk(f.Value)
		}
		for i, it := range x.Items {
			r.parents[it] = parentLink{parent: x, index: i}
			walk(it)
		}
	}
	walk(r.doc)
}

func (r *fastRun) pathOf(n *Node) Path {
	r.link()
	var links []parentLink
	for x := n; x != r.doc; {
		l, ok := r.parents[x]
		if !ok {
			break
		}
		links = append(links, l)
		x = l.parent
	}
	p := r.at
	for i := len(links) - 1; i >= 0; i-- {
		if links[i].index >= 0 {
			p = p.Index(links[i].index)
		} else {
			p = p.Key(links[i].key)
		}
	}
	return p
}

// valid reports whether n is valid against s without reporting anything.
func (r *fastRun) valid(s *vschema, n *Node) bool {
	r.quiet++
	before := r.fails
	r.validate(s, n)
	r.quiet--
	ok := r.fails == before
	r.fails = before
	return ok
}

func nodeType(n *Node) string { return n.Kind.String() }

func (r *fastRun) validate(s *vschema, n *Node) {
	if s.always != nil {
		if !*s.always {
			if !r.quietFail() {
				r.reportAt(n, Errorf(Root, n.Pos, "schema.invalid", "not allowed"))
			}
		}
		return
	}
	if len(s.types) > 0 {
		t := nodeType(n)
		matched := false
		for _, want := range s.types {
			if want == t || want == "integer" && t == "number" && isInteger(n.Value) {
				matched = true
				break
			}
		}
		if !matched {
			if !r.quietFail() {
				r.reportAt(n, Errorf(Root, n.Pos, "schema.type", "expected %s, but got %s", typeNames(s.types), typeNames{t}))
			}
			return
		}
	}
	if s.constant != nil && !nodeEqual(n, s.constant) {
		msg := "value must be " + constText(s.constant)
		if !r.quietFail() {
			r.reportAt(n, Errorf(Root, n.Pos, "schema.const", "%s is not allowed here; %s", describe(n), msg))
		}
	}
	if s.enum != nil && !s.inEnum(n) {
		terms := M("(see the schema)")
		if r.quiet == 0 && r.terms != nil {
			terms = r.terms(s.loc + "/enum")
		}
		if !r.quietFail() {
			r.reportAt(n, Errorf(Root, n.Pos, "schema.enum", "%s is not allowed here; use one of: %s", describe(n), terms))
		}
	}
	if s.format != nil && !s.format(n.Interface()) {
		v := n.Value
		if n.Kind == String {
			v = quote(v)
		}
		if !r.quietFail() {
			r.reportAt(n, Errorf(Root, n.Pos, "schema.format", "%v is not valid %s", v, quote(s.formatN)))
		}
	}
	switch n.Kind {
	case Object:
		r.object(s, n)
	case Array:
		r.array(s, n)
	case String:
		if s.minLength >= 0 || s.maxLength >= 0 {
			l := utf8.RuneCountInString(n.Value)
			if s.minLength >= 0 && l < s.minLength {
				if !r.quietFail() {
					r.reportAt(n, Errorf(Root, n.Pos, "schema.min-length", "length must be >= %d, but got %d", s.minLength, l))
				}
			}
			if s.maxLength >= 0 && l > s.maxLength {
				if !r.quietFail() {
					r.reportAt(n, Errorf(Root, n.Pos, "schema.max-length", "length must be <= %d, but got %d", s.maxLength, l))
				}
			}
		}
		if s.pattern != nil && !s.matches(n.Value) {
			if !r.quietFail() {
				r.reportAt(n, Errorf(Root, n.Pos, "schema.pattern", "does not match pattern %s", quote(s.pattern.String())))
			}
		}
	case Number:
		r.number(s, n)
	}
	if s.ref != nil {
		r.validate(s.ref, n)
	}
	if s.not != nil && r.valid(s.not, n) {
		if !r.quietFail() {
			r.reportAt(n, Errorf(Root, n.Pos, "schema.not", "not failed"))
		}
	}
	for _, a := range s.allOf {
		r.validate(a, n)
	}
	if s.ifS != nil {
		if r.valid(s.ifS, n) {
			if s.thenS != nil {
				r.validate(s.thenS, n)
			}
		} else if s.elseS != nil {
			r.validate(s.elseS, n)
		}
	}
}

func constText(n *Node) string {
	switch n.Kind {
	case String:
		return fmt.Sprintf("%q", n.Value)
	case Object, Array:
		b, _ := n.MarshalJSON()
		return string(b)
	}
	return n.Value
}

func (s *vschema) inEnum(n *Node) bool {
	switch n.Kind {
	case String:
		return s.enumStr[n.Value]
	case Number:
		return s.enumNum[canonicalNumber(n.Value)]
	}
	for _, e := range s.enum {
		if nodeEqual(n, e) {
			return true
		}
	}
	return false
}

func (r *fastRun) object(s *vschema, n *Node) {
	for _, req := range s.required {
		if n.Get(req) == nil {
			if !r.quietFail() {
				r.reportKey(n, req, Errorf(Root, n.Pos, "schema.required", "missing required member %q", req))
			}
		}
	}
	// Members are validated once per key, the last value winning, as in
	// the generic values the reference sees.
	last := lastIndexes(n)
	for i := range n.Fields {
		f := &n.Fields[i]
		if last != nil && last[f.Key] != i {
			continue
		}
		evaluated := false
		if s.propNames != nil {
			// The reference locates a key's problem at its member's value.
			r.validate(s.propNames, r.keyNode(n, f))
		}
		if ps, ok := s.props[f.Key]; ok {
			evaluated = true
			r.validate(ps, f.Value)
		}
		for _, p := range s.patterns {
			if p.match(f.Key) {
				evaluated = true
				r.validate(p.s, f.Value)
			}
		}
		if evaluated {
			continue
		}
		switch {
		case s.addlBool != nil && !*s.addlBool:
			if !r.quietFail() {
				r.reportKey(n, f.Key, Errorf(Root, f.KeyPos, "schema.additional-properties", "unknown member %q (local extensions must start with \"x-\")", f.Key))
			}
		case s.addl != nil:
			r.validate(s.addl, f.Value)
		}
	}
}

// lastIndexes maps each key to the index of its last member when an
// object has duplicate keys, and returns nil when it has none (the common
// case, checked without allocating for small objects).
func lastIndexes(n *Node) map[string]int {
	dup := false
	if len(n.Fields) <= 16 {
		for i := 1; i < len(n.Fields) && !dup; i++ {
			for j := 0; j < i; j++ {
				if n.Fields[i].Key == n.Fields[j].Key {
					dup = true
					break
				}
			}
		}
		if !dup {
			return nil
		}
	}
	m := make(map[string]int, len(n.Fields))
	for i, f := range n.Fields {
		m[f.Key] = i
	}
	if !dup && len(m) == len(n.Fields) {
		return nil
	}
	return m
}

func (r *fastRun) array(s *vschema, n *Node) {
	if s.minItems >= 0 && len(n.Items) < s.minItems {
		if !r.quietFail() {
			r.reportAt(n, Errorf(Root, n.Pos, "schema.min-items", "minimum %d items required, but found %d items", s.minItems, len(n.Items)))
		}
	}
	if s.maxItems >= 0 && len(n.Items) > s.maxItems {
		if !r.quietFail() {
			r.reportAt(n, Errorf(Root, n.Pos, "schema.max-items", "maximum %d items required, but found %d items", s.maxItems, len(n.Items)))
		}
	}
	if s.unique {
	outer:
		for i := 1; i < len(n.Items); i++ {
			for j := 0; j < i; j++ {
				if nodeEqual(n.Items[i], n.Items[j]) {
					if !r.quietFail() {
						r.reportAt(n, Errorf(Root, n.Pos, "schema.unique-items", "items at index %d and %d are equal", j, i))
					}
					break outer
				}
			}
		}
	}
	if s.items != nil {
		for _, it := range n.Items {
			r.validate(s.items, it)
		}
	}
}

func (r *fastRun) number(s *vschema, n *Node) {
	if s.minimum == nil && s.maximum == nil && s.exclMin == nil && s.exclMax == nil {
		return
	}
	plain := isPlainInt(n.Value)
	var iv int64
	if plain {
		var err error
		iv, err = strconv.ParseInt(n.Value, 10, 64)
		plain = err == nil
	}
	var rv *big.Rat
	num := func() *big.Rat {
		if rv == nil {
			rv = rat(n.Value)
		}
		return rv
	}
	f64 := func(r *big.Rat) float64 { f, _ := r.Float64(); return f }
	if s.minimum != nil {
		below := false
		if plain && s.minInt != nil {
			below = iv < *s.minInt
		} else {
			below = num().Cmp(s.minimum) < 0
		}
		if below {
			if !r.quietFail() {
				r.reportAt(n, Errorf(Root, n.Pos, "schema.minimum", "must be >= %v but found %v", f64(s.minimum), n.Value))
			}
		}
	}
	if s.maximum != nil {
		above := false
		if plain && s.maxInt != nil {
			above = iv > *s.maxInt
		} else {
			above = num().Cmp(s.maximum) > 0
		}
		if above {
			if !r.quietFail() {
				r.reportAt(n, Errorf(Root, n.Pos, "schema.maximum", "must be <= %v but found %v", f64(s.maximum), n.Value))
			}
		}
	}
	if s.exclMin != nil && num().Cmp(s.exclMin) <= 0 {
		if !r.quietFail() {
			r.reportAt(n, Errorf(Root, n.Pos, "schema.exclusive-minimum", "must be > %v but found %v", f64(s.exclMin), n.Value))
		}
	}
	if s.exclMax != nil && num().Cmp(s.exclMax) >= 0 {
		if !r.quietFail() {
			r.reportAt(n, Errorf(Root, n.Pos, "schema.exclusive-maximum", "must be < %v but found %v", f64(s.exclMax), n.Value))
		}
	}
}

// nodeEqual is JSON equality: numbers by value, objects regardless of
// member order (the last of duplicate members counting).
func nodeEqual(a, b *Node) bool { return equalNodes(a, b, true) }

// equalNodes compares a and b as NodesEqual does and, with byValue, as
// JSON does: numbers by value (1.0 is 1) and every null alike.
func equalNodes(a, b *Node, byValue bool) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case Null:
		if byValue {
			return true
		}
	case Number:
		if byValue {
			return a.Value == b.Value || canonicalNumber(a.Value) == canonicalNumber(b.Value)
		}
	case Array:
		return slices.EqualFunc(a.Items, b.Items, func(x, y *Node) bool { return equalNodes(x, y, byValue) })
	case Object:
		ka, kb := lastMembers(a), lastMembers(b)
		if len(ka) != len(kb) {
			return false
		}
		for k, va := range ka {
			vb, ok := kb[k]
			if !ok || !equalNodes(va, vb, byValue) {
				return false
			}
		}
		return true
	}
	return a.Value == b.Value
}

func lastMembers(n *Node) map[string]*Node {
	m := make(map[string]*Node, len(n.Fields))
	for _, f := range n.Fields {
		m[f.Key] = f.Value
	}
	return m
}
