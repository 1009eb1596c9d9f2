package schema

import (
	"bytes"
	"math"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// The fast YAML reader parses the subset of YAML that this module writes
// and that hand-written catalogues mostly use, straight into [Node] trees:
// block mappings and sequences (compact "- key: value" items, nested "- -"
// items, sequences under a key at the key's indentation), plain scalars,
// single- and double-quoted scalars on one line, flow collections on one
// line, literal and folded block scalars without an indentation
// indicator, comments, LF or CRLF line ends. It exists for speed: yaml.v3
// builds tokens, events and its own node tree before the converter builds
// ours, which costs several times the text's size in work.
//
// It must agree with the yaml.v3 path exactly: same kinds, values, field
// order and positions, and no problems. So it gives up ("not sure") on
// anything else — anchors, aliases, tags, merge keys, plain or quoted
// scalars and flow collections over several lines, tabs, a CR alone,
// unusual indentation, duplicate keys, numbers the converter would report
// or that are not decimal, syntax errors — and the caller then reads the
// text with yaml.v3, which reports what there is to report. The
// differential tests hold it to that over every fixture and under a fuzz
// test (FuzzFastYAML).

// fastYAMLStrict makes the fast reader's own failures panic instead of
// being read as "not sure", for the tests.
var fastYAMLStrict = false

// notSure is the panic value with which the fast reader gives up.
type notSure struct{}

// fastParseYAML parses data as parseYAMLAt would, for data whose size and
// bytes have been checked. It returns false when it is not sure.
func fastParseYAML(file string, data []byte, lineOffset int) (n *Node, ok bool) {
	if utf16BOM(data) || !fastYAMLText(data) {
		return nil, false
	}
	p := fastYAMLPool.Get().(*fastYAML)
	p.data, p.file, p.lineOffset = data, file, lineOffset
	p.next, p.line, p.eof, p.depth, p.colLine = 0, 0, false, 0, 0
	defer func() {
		p.data = nil
		clear(p.fields) // what a text given up on left
		clear(p.items)
		p.fields, p.items = p.fields[:0], p.items[:0]
		fastYAMLPool.Put(p)
		if v := recover(); v != nil {
			if _, giveUp := v.(notSure); !giveUp && fastYAMLStrict {
				panic(v)
			}
			n, ok = nil, false
		}
	}()
	p.advance()
	if p.eof {
		return nil, false // yaml.v3 reports the empty document
	}
	n = p.node(p.ind, -1)
	if !p.eof {
		p.giveUp() // text after the document's node: yaml.v3 says what
	}
	return n, true
}

var fastYAMLPool = sync.Pool{New: func() any { return new(fastYAML) }}

// fastYAMLText reports whether the text holds none of what the fast reader
// leaves to yaml.v3 wherever it is: tabs, CR but in CRLF, the line breaks NEL, LS and
// PS, and byte-order marks.
func fastYAMLText(data []byte) bool {
	for i := 0; i < len(data); i++ {
		c := data[i]
		if !fastYAMLWatch[c] {
			continue
		}
		switch c {
		case '\t':
			return false
		case '\r': // CRLF ends a line as LF does; a CR alone is left to yaml.v3
			if i+1 == len(data) || data[i+1] != '\n' {
				return false
			}
		case 0xC2: // NEL is C2 85
			if i+1 < len(data) && data[i+1] == 0x85 {
				return false
			}
		case 0xE2: // LS and PS are E2 80 A8 and E2 80 A9
			if i+2 < len(data) && data[i+1] == 0x80 && (data[i+2] == 0xA8 || data[i+2] == 0xA9) {
				return false
			}
		case 0xEF: // BOM is EF BB BF
			if i+2 < len(data) && data[i+1] == 0xBB && data[i+2] == 0xBF {
				return false
			}
		}
	}
	return true
}

// fastYAMLWatch marks the bytes fastYAMLText looks at.
var fastYAMLWatch = [256]bool{'\t': true, '\r': true, 0xC2: true, 0xE2: true, 0xEF: true}

type fastYAML struct {
	data       []byte
	file       string
	lineOffset int
	// The current line: the first that holds content at or after the
	// reading position.
	ls, le int // its start and end (before the line break)
	next   int // where the line after it starts
	line   int // its number in data, from 1
	ind    int // its indentation; -1 at the end
	eof    bool
	depth  int
	// fields and items are stacks from which the members of each object
	// and array are copied once complete, sized exactly.
	fields []Field
	items  []*Node
	// flowEnd is where the flow collection last closed ends.
	flowEnd int
	slab    []Node
	// The column of byte colByte of line colLine, for pos.
	colLine, colByte, col int
}

func (p *fastYAML) giveUp() { panic(notSure{}) }

// newNode returns a node from a slab of nodes.
func (p *fastYAML) newNode(k NodeKind, pos Pos) *Node { return fromSlab(&p.slab, 64, k, pos) }

// leaf returns a scalar node.
func (p *fastYAML) leaf(k NodeKind, pos Pos, value string) *Node {
	n := p.newNode(k, pos)
	n.Value = value
	return n
}

// maxFastDepth is the nesting the fast reader handles, well below
// [MaxDepth].
const maxFastDepth = 100

// advance moves to the next line that holds content: not blank and not
// only a comment.
func (p *fastYAML) advance() {
	for p.next < len(p.data) {
		ls := p.next
		le := bytes.IndexByte(p.data[ls:], '\n')
		if le < 0 {
			le = len(p.data)
			p.next = le
		} else {
			le += ls
			p.next = le + 1
		}
		p.line++
		if le > ls && p.data[le-1] == '\r' {
			le--
		}
		i := ls
		for i < le && p.data[i] == ' ' {
			i++
		}
		if i == le || p.data[i] == '#' {
			continue
		}
		p.ls, p.le, p.ind = ls, le, i-ls
		if i == ls {
			// Directives and document markers.
			if c := p.data[ls]; c == '%' || le-ls >= 3 && (c == '-' || c == '.') && p.data[ls+1] == c && p.data[ls+2] == c {
				p.giveUp()
			}
		}
		return
	}
	p.eof, p.ind = true, -1
}

func (p *fastYAML) cur() []byte { return p.data[p.ls:p.le] }

// pos is the position of byte i of the current line; columns count
// characters, as yaml.v3 does.
func (p *fastYAML) pos(l []byte, i int) Pos {
	// Counted on from the last position asked for on this line, so that a
	// long line of many values costs its length once.
	if p.colLine != p.line || p.colByte > i {
		p.colLine, p.colByte, p.col = p.line, 0, 1
	}
	for _, b := range l[p.colByte:i] {
		if b&0xC0 != 0x80 {
			p.col++
		}
	}
	p.colByte = i
	return Pos{File: p.file, Line: p.line + p.lineOffset, Col: p.col}
}

// asciiPos is pos for an i that only spaces and "- " come before.
func (p *fastYAML) asciiPos(i int) Pos {
	return Pos{File: p.file, Line: p.line + p.lineOffset, Col: i + 1}
}

// isSeqLine reports whether l has a sequence entry ("- " or a lone "-")
// at byte i.
func isSeqLine(l []byte, i int) bool {
	return i < len(l) && l[i] == '-' && (i+1 == len(l) || l[i+1] == ' ')
}

// node reads the block node that starts at byte i of the current line and
// leaves the reader on the next line with content. owner is the
// indentation of the innermost block collection around it (-1 for none):
// a scalar's next line indented more would go on with the scalar.
func (p *fastYAML) node(i, owner int) *Node {
	if p.depth++; p.depth > maxFastDepth {
		p.giveUp()
	}
	defer func() { p.depth-- }()
	l := p.cur()
	if isSeqLine(l, i) {
		return p.seq(i)
	}
	if _, _, isKey := p.key(l, i); isKey {
		return p.mapping(i)
	}
	n := p.value(l, i, owner)
	if p.ind > owner {
		p.giveUp()
	}
	return n
}

// value reads the scalar or flow collection at byte i of the current line,
// or the block scalar that starts there, and moves to the next line with
// content.
func (p *fastYAML) value(l []byte, i, owner int) *Node {
	if c := l[i]; (c == '|' || c == '>') && owner >= 0 {
		return p.blockScalar(l, i, owner)
	}
	n := p.inline(l, i)
	p.advance()
	return n
}

// blockScalar reads a literal (|) or folded (>) block scalar whose
// indicator is at byte i of the current line, as yaml.v3 does
// (scannerc.go, yaml_parser_scan_block_scalar), for the common forms: no
// indentation indicator, no line of spaces only. owner is the indentation
// of the collection it is in.
func (p *fastYAML) blockScalar(l []byte, i, owner int) *Node {
	pos := p.pos(l, i)
	literal := l[i] == '|'
	chomp := 0
	k := i + 1
	if k < len(l) && (l[k] == '+' || l[k] == '-') {
		chomp = 1
		if l[k] == '-' {
			chomp = -1
		}
		k++
	}
	if j := skipSpaces(l, k); j < len(l) && (j == k || l[j] != '#') {
		p.giveUp() // an indentation indicator, or more on the line
	}
	// The lines that follow, as they are: a block scalar holds comments
	// and blank lines too.
	var s []byte
	var leadingBreak, trailingBreaks int
	leadingBlank := false
	indent := -1
	next, line := p.next, p.line
	for next < len(p.data) {
		ls := next
		le := bytes.IndexByte(p.data[ls:], '\n')
		ended := le >= 0
		if ended {
			le += ls
		} else {
			le = len(p.data)
		}
		content := le
		if content > ls && p.data[content-1] == '\r' {
			content--
		}
		sp := skipSpaces(p.data[:content], ls) - ls
		if ls+sp == content {
			if sp > 0 {
				p.giveUp() // a line of spaces only
			}
			trailingBreaks++
		} else {
			if indent < 0 {
				indent = max(sp, owner+1, 1)
			}
			if sp < indent {
				break // the end of the scalar
			}
			trailingBlank := p.data[ls+indent] == ' '
			if !literal && !leadingBlank && !trailingBlank && leadingBreak > 0 {
				if trailingBreaks == 0 {
					s = append(s, ' ')
				}
			} else {
				s = appendBreaks(s, leadingBreak)
			}
			s = appendBreaks(s, trailingBreaks)
			leadingBreak, trailingBreaks = 0, 0
			leadingBlank = trailingBlank
			s = append(s, p.data[ls+indent:content]...)
			if ended {
				leadingBreak = 1
			}
		}
		line++
		next = le + 1
		if !ended {
			next = le
		}
	}
	if chomp != -1 {
		s = appendBreaks(s, leadingBreak)
	}
	if chomp == 1 {
		s = appendBreaks(s, trailingBreaks)
	}
	// On from the line that ended the scalar.
	p.next, p.line = next, line
	p.advance()
	return p.leaf(String, pos, string(s))
}

func appendBreaks(s []byte, n int) []byte {
	for range n {
		s = append(s, '\n')
	}
	return s
}

// seq reads a block sequence whose first entry is at byte i of the
// current line.
func (p *fastYAML) seq(i int) *Node {
	s := p.newNode(Array, p.asciiPos(i))
	mark := len(p.items)
	for {
		l := p.cur()
		j := skipSpaces(l, i+1)
		var v *Node
		if j == len(l) || l[j] == '#' {
			v = p.below(i, p.asciiPos(i+1), false)
		} else {
			v = p.node(j, i)
		}
		p.items = append(p.items, v)
		if p.ind < i || p.ind == i && !isSeqLine(p.cur(), i) {
			// The end (a mapping at i goes on after a sequence under one
			// of its keys).
			break
		}
		if p.ind > i {
			p.giveUp()
		}
	}
	s.Items = popFrom(&p.items, mark)
	return s
}

// below reads the value of an entry or a key at column i whose line holds
// none: the lines indented deeper, or with seqAt a sequence at column i
// (YAML lets one stand under a key at the key's own column); else null, at
// pos.
func (p *fastYAML) below(i int, pos Pos, seqAt bool) *Node {
	null := p.newNode(Null, pos)
	p.advance()
	switch {
	case p.ind > i:
		return p.node(p.ind, i)
	case seqAt && p.ind == i && isSeqLine(p.cur(), i):
		return p.seq(i)
	}
	return null
}

// mapping reads a block mapping whose first key is at byte i of the
// current line.
func (p *fastYAML) mapping(i int) *Node {
	m := p.newNode(Object, p.asciiPos(i))
	mark := len(p.fields)
	for {
		l := p.cur()
		key, after, isKey := p.key(l, i)
		if !isKey {
			p.giveUp()
		}
		p.checkKey(mark, key)
		keyPos := p.asciiPos(i)
		j := skipSpaces(l, after)
		var v *Node
		if j == len(l) || l[j] == '#' {
			v = p.below(i, p.pos(l, after), true)
		} else {
			if p.depth++; p.depth > maxFastDepth {
				p.giveUp()
			}
			v = p.value(l, j, i)
			p.depth--
			if p.ind > i {
				p.giveUp()
			}
		}
		p.fields = append(p.fields, Field{Key: key, KeyPos: keyPos, Value: v})
		if p.ind < i {
			break
		}
		if p.ind > i {
			p.giveUp()
		}
	}
	m.Fields = popFrom(&p.fields, mark)
	return m
}

// checkKey gives up on a key the mapping whose members start at mark
// already has (the yaml.v3 path reports it), and on mappings so large that
// looking for one would cost more than reading them with yaml.v3.
func (p *fastYAML) checkKey(mark int, key string) {
	if len(p.fields)-mark > 256 {
		p.giveUp()
	}
	for _, f := range p.fields[mark:] {
		if f.Key == key {
			p.giveUp()
		}
	}
}

func skipSpaces(l []byte, i int) int {
	for i < len(l) && l[i] == ' ' {
		i++
	}
	return i
}

// key reads the mapping key at byte i of l, if l has one there: a plain or
// quoted scalar followed by ':' and a space or the line's end. after is
// the byte after the ':'.
func (p *fastYAML) key(l []byte, i int) (key string, after int, ok bool) {
	switch c := l[i]; c {
	case '"', '\'':
		v, k := p.quoted(l, i)
		if k < len(l) && l[k] == ':' && (k+1 == len(l) || l[k+1] == ' ') {
			if k-i > 1000 {
				p.giveUp() // yaml.v3 limits simple keys to 1024 characters
			}
			return internKey(v), k + 1, true
		}
		if j := skipSpaces(l, k); j < len(l) && l[j] == ':' {
			p.giveUp() // a key with space before its ':'
		}
		return "", 0, false
	case '-':
		if i+1 == len(l) || l[i+1] == ' ' {
			return "", 0, false
		}
	default:
		if indicator(c) {
			return "", 0, false
		}
	}
	for k := i; k < len(l); k++ {
		switch l[k] {
		case ':':
			if k+1 == len(l) || l[k+1] == ' ' {
				if k-i > 1000 {
					p.giveUp()
				}
				raw := bytes.TrimRight(l[i:k], " ")
				if string(raw) == "<<" {
					p.giveUp() // a merge key
				}
				return internKeyBytes(raw), k + 1, true
			}
		case '#':
			if l[k-1] == ' ' {
				return "", 0, false // a comment: no key on this line
			}
		}
	}
	return "", 0, false
}

// indicator reports whether c cannot start a plain scalar (YAML 1.2,
// c-indicator); '-' is handled by the callers.
func indicator(c byte) bool {
	switch c {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return true
	}
	return false
}

// inline reads the scalar or flow collection at byte i of the current
// line, which must take the rest of the line (but for a comment).
func (p *fastYAML) inline(l []byte, i int) *Node {
	var n *Node
	var k int
	switch c := l[i]; c {
	case '"', '\'':
		var v string
		v, k = p.quoted(l, i)
		n = p.leaf(String, p.pos(l, i), v)
	case '[', '{':
		n, k = p.flowNode(l, i)
	case '-':
		if i+1 == len(l) || l[i+1] == ' ' {
			p.giveUp() // "key: - x" is not YAML
		}
		n = p.blockPlain(l, i)
		return n
	default:
		if indicator(c) {
			p.giveUp()
		}
		return p.blockPlain(l, i)
	}
	p.lineEnd(l, k)
	return n
}

// lineEnd checks that nothing but a comment follows byte k of l.
func (p *fastYAML) lineEnd(l []byte, k int) {
	j := skipSpaces(l, k)
	if j == len(l) || j > k && l[j] == '#' {
		return
	}
	p.giveUp()
}

// blockPlain reads a plain scalar in block context that starts at byte i
// and ends the line, but for a comment.
func (p *fastYAML) blockPlain(l []byte, i int) *Node {
	end := len(l)
	for k := i + 1; k < len(l); k++ {
		switch l[k] {
		case ':':
			if k+1 == len(l) || l[k+1] == ' ' {
				p.giveUp() // a key where a value belongs
			}
		case '#':
			if l[k-1] == ' ' {
				end = k
				k = len(l)
			}
		}
	}
	for end > i && l[end-1] == ' ' {
		end--
	}
	return p.plain(l[i:end], p.pos(l, i))
}

// flowNode reads the flow node at byte i of l: a scalar, or a flow
// collection closed on the same line. It returns the byte after it.
func (p *fastYAML) flowNode(l []byte, i int) (*Node, int) {
	if p.depth++; p.depth > maxFastDepth {
		p.giveUp()
	}
	defer func() { p.depth-- }()
	switch c := l[i]; c {
	case '[':
		return p.flowSeq(l, i)
	case '{':
		return p.flowMap(l, i)
	case '"', '\'':
		v, k := p.quoted(l, i)
		return p.leaf(String, p.pos(l, i), v), k
	case '-':
		if i+1 == len(l) || l[i+1] == ' ' {
			p.giveUp()
		}
	default:
		if indicator(c) {
			p.giveUp()
		}
	}
	k := i
scan:
	for ; k < len(l); k++ {
		switch l[k] {
		case ',', ']', '}':
			break scan
		case ':', '?', '[', '{', '#':
			p.giveUp()
		}
	}
	end := k
	for end > i && l[end-1] == ' ' {
		end--
	}
	return p.plain(l[i:end], p.pos(l, i)), k
}

// flowSeq reads a flow sequence on one line from its '[' at byte i; it
// returns the byte after its ']'.
func (p *fastYAML) flowSeq(l []byte, i int) (*Node, int) {
	n := p.newNode(Array, p.pos(l, i))
	j := skipSpaces(l, i+1)
	if j < len(l) && l[j] == ']' {
		return n, j + 1
	}
	mark := len(p.items)
	for {
		if j >= len(l) {
			p.giveUp()
		}
		item, k := p.flowNode(l, j)
		p.items = append(p.items, item)
		if j = p.flowNext(l, k, ']'); j < 0 {
			break
		}
	}
	n.Items = popFrom(&p.items, mark)
	return n, p.flowEnd
}

// flowNext reads what follows an entry of a flow collection at byte k:
// the closing bracket, after which it returns -1 and sets flowEnd, or a
// comma, after which it returns where the next entry starts.
func (p *fastYAML) flowNext(l []byte, k int, closing byte) int {
	j := skipSpaces(l, k)
	if j >= len(l) {
		p.giveUp()
	}
	if l[j] == closing {
		p.flowEnd = j + 1
		return -1
	}
	if l[j] != ',' {
		p.giveUp()
	}
	if j = skipSpaces(l, j+1); j >= len(l) || l[j] == ']' || l[j] == '}' || l[j] == ',' {
		p.giveUp() // an empty entry, or a comma before the end
	}
	return j
}

// flowMap reads a flow mapping on one line from its '{' at byte i; it
// returns the byte after its '}'.
func (p *fastYAML) flowMap(l []byte, i int) (*Node, int) {
	n := p.newNode(Object, p.pos(l, i))
	j := skipSpaces(l, i+1)
	if j < len(l) && l[j] == '}' {
		return n, j + 1
	}
	mark := len(p.fields)
	for {
		if j >= len(l) {
			p.giveUp()
		}
		keyPos := p.pos(l, j)
		var key string
		switch c := l[j]; c {
		case '"', '\'':
			key, j = p.quoted(l, j)
		default:
			if indicator(c) {
				p.giveUp()
			}
			k := j
		scan:
			for ; k < len(l); k++ {
				switch l[k] {
				case ':':
					break scan
				case ',', '?', '[', ']', '{', '}', '#':
					p.giveUp()
				}
			}
			end := k
			for end > j && l[end-1] == ' ' {
				end--
			}
			if string(l[j:end]) == "<<" {
				p.giveUp()
			}
			key, j = internKeyBytes(l[j:end]), k
		}
		if j+1 >= len(l) || l[j] != ':' || l[j+1] != ' ' {
			p.giveUp()
		}
		if j-keyPos.Col > 1000 {
			p.giveUp()
		}
		p.checkKey(mark, key)
		j = skipSpaces(l, j+1)
		if j >= len(l) || l[j] == ',' || l[j] == '}' {
			p.giveUp() // an empty value
		}
		v, k := p.flowNode(l, j)
		p.fields = append(p.fields, Field{Key: key, KeyPos: keyPos, Value: v})
		if j = p.flowNext(l, k, '}'); j < 0 {
			break
		}
	}
	m := n
	m.Fields = popFrom(&p.fields, mark)
	return m, p.flowEnd
}

// quoted reads the single- or double-quoted scalar whose quote is at byte
// i, closed on the same line; it returns its value and the byte after the
// closing quote.
func (p *fastYAML) quoted(l []byte, i int) (string, int) {
	q := l[i]
	j := i + 1
	// Most quoted scalars hold no escape: the value is the text.
	for ; j < len(l); j++ {
		if l[j] == q {
			if q == '\'' && j+1 < len(l) && l[j+1] == '\'' {
				break
			}
			return string(l[i+1 : j]), j + 1
		}
		if l[j] == '\\' && q == '"' {
			break
		}
	}
	if j >= len(l) {
		p.giveUp() // it goes on over lines
	}
	buf := append([]byte(nil), l[i+1:j]...)
	for j < len(l) {
		c := l[j]
		switch {
		case c == q && q == '\'':
			if j+1 < len(l) && l[j+1] == '\'' {
				buf = append(buf, '\'')
				j += 2
				continue
			}
			return string(buf), j + 1
		case c == q:
			return string(buf), j + 1
		case c == '\\' && q == '"':
			if j+1 >= len(l) {
				p.giveUp() // an escaped line break
			}
			var r rune
			size := 0
			switch e := l[j+1]; e {
			case '0':
				buf = append(buf, 0)
			case 'a':
				buf = append(buf, '\a')
			case 'b':
				buf = append(buf, '\b')
			case 't':
				buf = append(buf, '\t')
			case 'n':
				buf = append(buf, '\n')
			case 'v':
				buf = append(buf, '\v')
			case 'f':
				buf = append(buf, '\f')
			case 'r':
				buf = append(buf, '\r')
			case 'e':
				buf = append(buf, 0x1B)
			case ' ', '"', '\'', '\\':
				buf = append(buf, e)
			case 'N':
				buf = append(buf, "\u0085"...)
			case '_':
				buf = append(buf, "\u00A0"...)
			case 'L':
				buf = append(buf, "\u2028"...)
			case 'P':
				buf = append(buf, "\u2029"...)
			case 'x':
				size = 2
			case 'u':
				size = 4
			case 'U':
				size = 8
			default:
				p.giveUp()
			}
			j += 2
			if size > 0 {
				if j+size > len(l) {
					p.giveUp()
				}
				for _, h := range l[j : j+size] {
					var d byte
					switch {
					case h >= '0' && h <= '9':
						d = h - '0'
					case h >= 'a' && h <= 'f':
						d = h - 'a' + 10
					case h >= 'A' && h <= 'F':
						d = h - 'A' + 10
					default:
						p.giveUp()
					}
					r = r<<4 | rune(d)
				}
				if r >= 0xD800 && r <= 0xDFFF || r > 0x10FFFF {
					p.giveUp()
				}
				buf = utf8.AppendRune(buf, r)
				j += size
			}
		default:
			buf = append(buf, c)
			j++
		}
	}
	p.giveUp() // not closed on this line
	return "", 0
}

// plain resolves a plain scalar as yaml.v3 does and converts it as the
// converter does (see yamlConverter.scalarNode).
func (p *fastYAML) plain(b []byte, pos Pos) *Node {
	if len(b) == 0 {
		p.giveUp()
	}
	switch c := b[0]; {
	case c == '-' || c == '+' || c >= '0' && c <= '9':
		return p.numeric(b, pos)
	case c == '.':
		if _, err := strconv.ParseFloat(string(b), 64); err == nil || len(b) == 4 && (b[1] == 'n' || b[1] == 'N' || b[1] == 'i' || b[1] == 'I') {
			p.giveUp() // a float, or .nan and .inf
		}
	case c == '~':
		if len(b) == 1 {
			return p.newNode(Null, pos)
		}
	case c == 't' || c == 'T' || c == 'f' || c == 'F' || c == 'n' || c == 'N':
		switch string(b) {
		case "true", "True", "TRUE":
			return p.leaf(Bool, pos, "true")
		case "false", "False", "FALSE":
			return p.leaf(Bool, pos, "false")
		case "null", "Null", "NULL":
			return p.newNode(Null, pos)
		}
	case c == '<':
		if string(b) == "<<" {
			p.giveUp()
		}
	}
	return p.leaf(String, pos, string(b))
}

// numeric resolves a plain scalar that starts with a digit or a sign.
func (p *fastYAML) numeric(b []byte, pos Pos) *Node {
	digits := b
	if b[0] == '-' || b[0] == '+' {
		digits = b[1:]
	}
	if len(digits) > 1 && digits[0] == '0' && (digits[1]|0x20 == 'x' || digits[1]|0x20 == 'o' || digits[1]|0x20 == 'b') {
		p.giveUp() // hexadecimal, octal or binary
	}
	if len(digits) > 0 && digits[0] == '.' {
		p.giveUp() // perhaps -.inf
	}
	decimal := len(digits) > 0
	for _, c := range digits {
		if c == '_' {
			p.giveUp()
		}
		if c < '0' || c > '9' {
			decimal = false
		}
	}
	if decimal {
		if len(digits) > 1 && digits[0] == '0' || len(digits) > 18 {
			p.giveUp() // a leading zero, which the converter reports, or a large number
		}
		v, _ := strconv.ParseInt(string(b), 10, 64)
		text := strconv.FormatInt(v, 10)
		if len(digits) > 15 {
			if _, bad := numberRange(text); bad {
				p.giveUp()
			}
		}
		return p.leaf(Number, pos, text)
	}
	s := string(b)
	if fastTimestamp(s) {
		return p.leaf(String, pos, s)
	}
	if yamlFloatText(s) {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			p.giveUp()
		}
		text := s
		if !isJSONNumber(s) {
			text = strconv.FormatFloat(f, 'g', -1, 64)
		}
		if _, bad := numberRange(text); bad {
			p.giveUp()
		}
		return p.leaf(Number, pos, text)
	}
	return p.leaf(String, pos, s)
}

// fastTimestamp reports whether yaml.v3 resolves s as a timestamp
// (resolve.go, parseTimestamp).
func fastTimestamp(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, format := range []string{"2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00", "2006-1-2 15:4:5.999999999", "2006-1-2"} {
		if _, err := time.Parse(format, s); err == nil {
			return true
		}
	}
	return false
}

// yamlFloatText reports whether s matches yaml.v3's float pattern
// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$.
func yamlFloatText(s string) bool {
	i := 0
	digits := func() int {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - start
	}
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	if digits() == 0 {
		if i >= len(s) || s[i] != '.' {
			return false
		}
		i++
		if digits() == 0 {
			return false
		}
	} else if i < len(s) && s[i] == '.' {
		i++
		digits()
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// The keys of a catalogue repeat in every element: they are kept once, in
// a table that is replaced (never changed) when it grows, up to a bound,
// so that readers on several goroutines share it without locks. Values
// are not kept: codes and names unique to one element would fill it.
var interned atomic.Pointer[map[string]string]

var internMu sync.Mutex

const (
	maxInterned    = 1024
	maxInternedLen = 48
)

func internKey(s string) string {
	if t := interned.Load(); t != nil {
		if v, ok := (*t)[s]; ok {
			return v
		}
	}
	addInterned(s)
	return s
}

func internKeyBytes(b []byte) string {
	if t := interned.Load(); t != nil {
		if v, ok := (*t)[string(b)]; ok {
			return v
		}
	}
	s := string(b)
	addInterned(s)
	return s
}

func addInterned(s string) {
	if len(s) > maxInternedLen {
		return
	}
	internMu.Lock()
	defer internMu.Unlock()
	old := interned.Load()
	var t map[string]string
	if old != nil {
		if _, ok := (*old)[s]; ok || len(*old) >= maxInterned {
			return
		}
		t = make(map[string]string, len(*old)+1)
		for k, v := range *old {
			t[k] = v
		}
	} else {
		t = map[string]string{}
	}
	t[s] = s
	interned.Store(&t)
}
