package schema

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxDepth is the deepest nesting of arrays and objects a document may have.
// Deeper input is rejected with rule "syntax.too-deep" rather than risking
// the stack.
const MaxDepth = 1000

// Rules reported while reading text.
const (
	RuleSyntax         Rule = "syntax.invalid"
	RuleTooDeep        Rule = "syntax.too-deep"
	RuleDuplicateKey   Rule = "syntax.duplicate-key"
	RuleEmpty          Rule = "syntax.empty"
	RuleMultipleDocs   Rule = "syntax.multiple-documents"
	RuleNonScalarKey   Rule = "syntax.non-scalar-key"
	RuleNonJSONNumber  Rule = "syntax.non-json-number"
	RuleAliasExpansion Rule = "syntax.alias-expansion"
)

// jsonParser reads JSON text into nodes, keeping positions. It tracks lines
// and columns incrementally, so positions cost O(1) amortised even on a
// document that is one long line.
type jsonParser struct {
	file string
	data []byte
	off  int
	// position cache: line and column at byte offset posOff
	line, col, posOff int
	posBase           int // bytes before data, for Pos.Offset
	probs             List
	stack             []seg // path to the value being read, for problems
	// more is true while data may not hold the whole input: running into
	// its end then means "read more and try again", not a syntax error.
	more bool

	// Allocation: nodes come from slabs, members and elements are gathered
	// on scratch stacks and copied once into slices of their exact size,
	// and short strings (keys, enum terms) are interned.
	slab   []Node
	fields []Field
	items  []*Node
	intern map[string]string
	nodes  int // nodes made, against MaxNodes
}

func (p *jsonParser) node(k NodeKind, pos Pos) *Node {
	p.nodes++
	if p.nodes > MaxNodes {
		panic(syntaxError{off: p.off, rule: RuleTooLarge,
			msg: M("more than %d values in one piece of text (the reading budget)", MaxNodes)})
	}
	return fromSlab(&p.slab, 128, k, pos)
}

// popFrom returns a copy of what stack holds from mark on, the members or
// elements of the value just read, and truncates stack to mark, clearing
// what it drops so that the scratch space holds on to no node.
func popFrom[T any](stack *[]T, mark int) []T {
	out := make([]T, len(*stack)-mark)
	copy(out, (*stack)[mark:])
	clear((*stack)[mark:])
	*stack = (*stack)[:mark]
	return out
}

// fromSlab returns a node of kind k at pos from *slab, which it refills
// with size nodes when it is empty: one allocation for many nodes. What
// remains of a slab serves the next text.
func fromSlab(slab *[]Node, size int, k NodeKind, pos Pos) *Node {
	if len(*slab) == 0 {
		*slab = make([]Node, size)
	}
	n := &(*slab)[0]
	*slab = (*slab)[1:]
	n.Kind, n.Pos = k, pos
	return n
}

const (
	internMax     = 32   // longest string interned, in bytes
	internEntries = 4096 // most strings kept
)

var newline = []byte{'\n'}

// needMore is the panic value that stops a parse when the buffer ends
// before the input does.
type needMore struct{}

// eod reports running into the end of the data at off.
func (p *jsonParser) eod(off int, format string, args ...any) {
	if p.more {
		panic(needMore{})
	}
	p.fail(off, format, args...)
}

// seg is one step of a path under construction: a key or an index.
type seg struct {
	key string
	idx int // -1 for a key
}

func (p *jsonParser) path() Path {
	return pathOf(p.stack)
}

func pathOf(stack []seg) Path {
	var path Path
	for _, s := range stack {
		if s.idx >= 0 {
			path = path.Index(s.idx)
		} else {
			path = path.Key(s.key)
		}
	}
	return path
}

type syntaxError struct {
	off  int
	msg  Msg
	rule Rule
}

// caught returns what a reader panicked with to stop, a value of type T;
// any other panic goes on.
func caught[T any](r any) T {
	v, ok := r.(T)
	if !ok {
		panic(r)
	}
	return v
}

// syntaxProblems returns the problems found before the syntax error r, a
// syntaxError recovered from the parser, and that error.
func (p *jsonParser) syntaxProblems(r any) List {
	se := caught[syntaxError](r)
	return append(p.probs, Errorf(p.path(), p.pos(se.off), se.rule, se.msg.Format, se.msg.Args...))
}

func (p *jsonParser) pos(off int) Pos {
	if off < p.posOff { // only on errors that look back
		if p.posBase > 0 {
			// The text before the buffer is gone: keep the last known
			// position rather than count from the wrong place.
			return Pos{File: p.file, Line: p.line, Col: p.col, Offset: p.posBase + off}
		}
		p.line, p.col, p.posOff = 1, 1, 0
	}
	if p.posOff < off {
		// Lines by counting newlines, the column by counting the
		// characters after the last one: both run at memory speed.
		seg := p.data[p.posOff:off]
		if nl := bytes.Count(seg, newline); nl > 0 {
			p.line += nl
			p.col = 1
			seg = seg[bytes.LastIndexByte(seg, '\n')+1:]
		}
		p.col += utf8.RuneCount(seg)
		p.posOff = off
	}
	return Pos{File: p.file, Line: p.line, Col: p.col, Offset: p.posBase + off}
}

func (p *jsonParser) fail(off int, format string, args ...any) {
	panic(syntaxError{off: off, msg: Msg{format, args}, rule: RuleSyntax})
}

// ParseJSON reads one JSON value from data. Problems carry file and
// positions; on a syntax error the returned node is nil.
func ParseJSON(file string, data []byte) (n *Node, probs List) {
	p := &jsonParser{file: file, data: data, line: 1, col: 1, intern: map[string]string{}}
	defer func() {
		if r := recover(); r != nil {
			n, probs = nil, p.syntaxProblems(r)
		}
	}()
	p.skipBOM()
	p.skipSpace()
	if p.off >= len(p.data) {
		return nil, List{Errorf(Root, p.pos(p.off), RuleEmpty, "document is empty")}
	}
	n = p.value(0)
	p.skipSpace()
	if p.off < len(p.data) {
		p.fail(p.off, "unexpected %s after the top-level value", p.describe(p.off))
	}
	return n, p.probs
}

func (p *jsonParser) skipBOM() {
	if len(p.data) >= 3 && p.data[0] == 0xEF && p.data[1] == 0xBB && p.data[2] == 0xBF {
		p.off = 3
		p.posOff = 3
	}
}

func (p *jsonParser) skipSpace() { p.off = blankEnd(p.data, p.off) }

// blankEnd returns the offset of the first byte of data from i on that is
// not JSON white space, or len(data).
func blankEnd(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

func (p *jsonParser) describe(off int) string {
	if off >= len(p.data) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(p.data[off:])
	if r == utf8.RuneError {
		return fmt.Sprintf("byte %#02x", p.data[off])
	}
	return strconv.QuoteRune(r)
}

func (p *jsonParser) value(depth int) *Node {
	if depth > MaxDepth {
		panic(syntaxError{off: p.off, msg: M("nesting deeper than %d levels", MaxDepth), rule: RuleTooDeep})
	}
	if p.off >= len(p.data) {
		p.eod(p.off, "unexpected end of input, expecting a value")
	}
	start := p.off
	switch c := p.data[p.off]; c {
	case '{':
		return p.object(depth)
	case '[':
		return p.array(depth)
	case '"':
		s := p.str()
		n := p.node(String, p.pos(start))
		n.Value = s
		return n
	case 't':
		p.literal("true")
		n := p.node(Bool, p.pos(start))
		n.Value = "true"
		return n
	case 'f':
		p.literal("false")
		n := p.node(Bool, p.pos(start))
		n.Value = "false"
		return n
	case 'n':
		p.literal("null")
		return p.node(Null, p.pos(start))
	default:
		if c == '-' || c >= '0' && c <= '9' {
			v := p.number()
			if msg, bad := numberRange(v); bad {
				panic(syntaxError{off: start, msg: M("%s", msg), rule: RuleNumberRange})
			}
			n := p.node(Number, p.pos(start))
			n.Value = v
			return n
		}
		p.fail(p.off, "unexpected %s, expecting a value", p.describe(p.off))
	}
	return nil
}

func (p *jsonParser) literal(lit string) {
	rest := p.data[p.off:min(len(p.data), p.off+len(lit))]
	if p.more && len(rest) < len(lit) && strings.HasPrefix(lit, string(rest)) {
		panic(needMore{})
	}
	if string(rest) != lit {
		p.fail(p.off, "invalid literal, expecting %s", lit)
	}
	p.off += len(lit)
}

func (p *jsonParser) object(depth int) *Node {
	n := p.node(Object, p.pos(p.off))
	p.off++ // {
	p.skipSpace()
	if p.off < len(p.data) && p.data[p.off] == '}' {
		p.off++
		return n
	}
	start := len(p.fields)
	var seen map[string]int
	for {
		p.skipSpace()
		if p.off >= len(p.data) {
			p.eod(p.off, "unexpected end of input, expecting a member name")
		}
		if p.data[p.off] != '"' {
			p.fail(p.off, "unexpected %s, expecting a member name in double quotes", p.describe(p.off))
		}
		keyOff := p.off
		key := p.str()
		keyPos := p.pos(keyOff)
		p.skipSpace()
		if p.off >= len(p.data) {
			p.eod(p.off, "unexpected end of input, expecting ':'")
		}
		if p.data[p.off] != ':' {
			p.fail(p.off, "unexpected %s, expecting ':' after member name", p.describe(p.off))
		}
		p.off++
		p.skipSpace()
		p.stack = append(p.stack, seg{key: key, idx: -1})
		v := p.value(depth + 1)
		p.stack = p.stack[:len(p.stack)-1]
		cur := p.fields[start:]
		if len(cur) >= 8 && seen == nil {
			seen = make(map[string]int, 16)
			for i, f := range cur {
				seen[f.Key] = i
			}
		}
		dup := false
		if seen != nil {
			_, dup = seen[key]
			seen[key] = len(cur)
		} else {
			for i := range cur {
				if cur[i].Key == key {
					dup = true
					break
				}
			}
		}
		if dup {
			p.probs.Add(Errorf(p.path().Key(key), keyPos, RuleDuplicateKey, "duplicate member %q", key))
			// The later value wins, as in YAML and in every decoder to a
			// map: the node holds each key once, so both validators see
			// the same value.
			for i := range cur {
				if cur[i].Key == key {
					cur[i].Value = v
					break
				}
			}
		} else {
			p.fields = append(p.fields, Field{Key: key, KeyPos: keyPos, Value: v})
		}
		if p.closed('}') {
			n.Fields = popFrom(&p.fields, start)
			return n
		}
	}
}

// closed reads the separator after a member (end '}') or an element (end
// ']'): false after a comma, true after end.
func (p *jsonParser) closed(end byte) bool {
	p.skipSpace()
	if p.off < len(p.data) {
		if c := p.data[p.off]; c == ',' || c == end {
			p.off++
			return c == end
		}
	}
	p.badSeparator(end)
	return false
}

// badSeparator reports what stands where a comma or end should.
func (p *jsonParser) badSeparator(end byte) {
	switch {
	case end == '}' && p.off >= len(p.data):
		p.eod(p.off, "unexpected end of input, expecting ',' or '}'")
	case end == '}':
		p.fail(p.off, "unexpected %s, expecting ',' or '}'", p.describe(p.off))
	case p.off >= len(p.data):
		p.eod(p.off, "unexpected end of input, expecting ',' or ']'")
	default:
		p.fail(p.off, "unexpected %s, expecting ',' or ']'", p.describe(p.off))
	}
}

func (p *jsonParser) array(depth int) *Node {
	n := p.node(Array, p.pos(p.off))
	p.off++ // [
	p.skipSpace()
	if p.off < len(p.data) && p.data[p.off] == ']' {
		p.off++
		return n
	}
	start := len(p.items)
	for {
		p.skipSpace()
		p.stack = append(p.stack, seg{idx: len(p.items) - start})
		v := p.value(depth + 1)
		p.items = append(p.items, v)
		p.stack = p.stack[:len(p.stack)-1]
		if p.closed(']') {
			n.Items = popFrom(&p.items, start)
			return n
		}
	}
}

func (p *jsonParser) number() string {
	d := p.data
	start := p.off
	i := p.off
	if i < len(d) && d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case i < len(d) && d[i] >= '1' && d[i] <= '9':
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	default:
		if i >= len(d) {
			p.eod(i, "invalid number: expecting a digit")
		}
		p.fail(i, "invalid number: expecting a digit")
	}
	if i < len(d) && d[i] == '.' {
		i = p.digits(d, i+1, "invalid number: expecting a digit after the decimal point")
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		i = p.digits(d, i, "invalid number: expecting a digit in the exponent")
	}
	if i >= len(d) && p.more {
		panic(needMore{}) // the number may go on
	}
	p.off = i
	return string(d[start:i])
}

// digits reads the digits of a number's part from d[i] on and returns the
// offset after them; a part without one is reported as format says.
func (p *jsonParser) digits(d []byte, i int, format string, args ...any) int {
	if i >= len(d) {
		p.eod(i, format, args...)
	}
	if d[i] < '0' || d[i] > '9' {
		p.fail(i, format, args...)
	}
	for i < len(d) && d[i] >= '0' && d[i] <= '9' {
		i++
	}
	return i
}

// str reads a JSON string starting at the opening quote.
func (p *jsonParser) str() string {
	d := p.data
	start := p.off + 1
	i := start
	// Fast path: no escapes, ASCII or valid UTF-8.
	for i < len(d) {
		c := d[i]
		if c == '"' {
			s := d[start:i]
			if len(s) <= internMax && p.intern != nil {
				if v, ok := p.intern[string(s)]; ok {
					p.off = i + 1
					return v
				}
			}
			if !utf8.Valid(s) {
				i = start // find the bad byte on the slow path
				break
			}
			p.off = i + 1
			v := string(s)
			if len(s) <= internMax && p.intern != nil && len(p.intern) < internEntries {
				p.intern[v] = v
			}
			return v
		}
		if c == '\\' || c < 0x20 {
			break
		}
		i++
	}
	if !utf8.Valid(d[start:i]) {
		i = start // an escape ended the fast path: find the bad byte slowly
	}
	var b strings.Builder
	b.Write(d[start:i])
	for {
		if i >= len(d) {
			p.eod(p.off, "unterminated string")
		}
		c := d[i]
		switch {
		case c == '"':
			p.off = i + 1
			return b.String()
		case c < 0x20:
			p.fail(i, "control character %#02x in string", c)
		case c == '\\':
			if i+1 >= len(d) {
				p.eod(i, "unterminated escape")
			}
			switch e := d[i+1]; {
			case jsonEscapes[e] != 0:
				b.WriteByte(jsonEscapes[e])
				i += 2
			case e == 'u':
				r, ok := hex4(d, i+2)
				if !ok {
					if i+6 > len(d) {
						p.eod(i, "invalid \\u escape")
					}
					p.fail(i, "invalid \\u escape")
				}
				i += 6
				if utf16.IsSurrogate(r) && p.more && i+6 > len(d) {
					panic(needMore{}) // the second half may follow
				}
				if utf16.IsSurrogate(r) {
					r2, ok2 := rune(-1), false
					if i+1 < len(d) && d[i] == '\\' && d[i+1] == 'u' {
						r2, ok2 = hex4(d, i+2)
					}
					dec := utf16.DecodeRune(r, r2)
					if !ok2 || dec == utf8.RuneError {
						// Not a pair: there is no character to read, and
						// U+FFFD in its place would change the text.
						panic(syntaxError{off: i - 6, rule: RuleBadText,
							msg: M("\\u%04X is half of a UTF-16 surrogate pair, with no other half", r)})
					}
					r = dec
					i += 6
				}
				b.WriteRune(r)
			default:
				p.fail(i, "invalid escape \\%c", e)
			}
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			i++
		default:
			r, n := utf8.DecodeRune(d[i:])
			if r == utf8.RuneError && n == 1 {
				if !utf8.FullRune(d[i:]) {
					p.eod(i, "invalid UTF-8 in string")
				}
				p.fail(i, "invalid UTF-8 in string")
			}
			b.Write(d[i : i+n])
			i += n
		}
	}
}

// maxExact is the largest integer a 64-bit float holds exactly, 2^53−1.
const maxExact = 1<<53 - 1

// numberRange reports whether the JSON number s cannot be read as what it
// says: an integer (no fraction, no exponent) beyond ±(2^53−1), which
// programs reading the document as JSON round to another integer, or a
// number that overflows a 64-bit float or underflows it to zero.
func numberRange(s string) (msg string, bad bool) {
	if !strings.ContainsAny(s, ".eE") {
		digits := strings.TrimPrefix(s, "-")
		if len(digits) < 16 {
			return "", false
		}
		if v, err := strconv.ParseUint(digits, 10, 64); err == nil && v <= maxExact {
			return "", false
		}
		return fmt.Sprintf("integer %s is beyond ±%d, the largest read exactly", s, int64(maxExact)), true
	}
	f, _ := strconv.ParseFloat(s, 64)
	if math.IsInf(f, 0) {
		return fmt.Sprintf("number %s is too large to be read", abbreviate(s)), true
	}
	if f == 0 && strings.ContainsAny(mantissa(s), "123456789") {
		return fmt.Sprintf("number %s is too small to be read: it would become 0", abbreviate(s)), true
	}
	return "", false
}

// mantissa returns the part of a number before its exponent.
func mantissa(s string) string {
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		return s[:i]
	}
	return s
}

// abbreviate shortens a long number for a message.
func abbreviate(s string) string {
	if len(s) <= 40 {
		return s
	}
	return s[:20] + "…" + s[len(s)-12:]
}

// jsonEscapes maps the character after a backslash to what it stands for,
// for the escapes of one character; 0 for the others.
var jsonEscapes = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

func hex4(d []byte, i int) (rune, bool) {
	if i+4 > len(d) {
		return 0, false
	}
	var r rune
	for _, c := range d[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
