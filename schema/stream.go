package schema

import (
	"errors"
	"io"
	"slices"
)

// StreamFunc receives one element of a streamed array: the header read so
// far (the members before the array), the member's key, the element's index
// and the element. The element is the caller's to keep; the header is not
// complete until the stream ends. Returning false stops the stream.
type StreamFunc func(header *Node, key string, index int, n *Node) bool

// streamChunk is how much input a stream reads at a time.
const streamChunk = 1 << 20

// StreamJSON reads a JSON document whose top level is an object from r
// without holding it whole. The elements of the array members named in
// streamed are handed to fn one at a time, as soon as each is read; every
// other member is kept and returned in the header node, where each
// streamed member appears as an empty array at its position. Memory stays
// proportional to the largest element and the header, not to the document.
//
// Problems carry positions as [ParseJSON]'s do. On a syntax error the
// stream stops and the header is nil.
func StreamJSON(r io.Reader, file string, streamed []string, fn StreamFunc) (*Node, List) {
	if r == nil {
		return nil, List{noInput(file)}
	}
	s := &streamer{r: r}
	s.p = jsonParser{file: file, line: 1, col: 1, more: true, intern: map[string]string{}}
	return s.run(streamed, fn)
}

// FastFunc takes one element of a streamed array straight from its text,
// for [StreamJSONFast]. It returns [FastOK] when it has taken the element
// (setting e.End), [FastMore] when the text ends inside the element (it is
// called again with more, so it must not have acted yet), and
// [FastFallback] when the element is to be parsed to nodes and handed to
// the StreamFunc instead.
type FastFunc func(header *Node, key string, index int, e *Element) FastStatus

// Element is the text of one element of a streamed array: Data starts at
// its first byte and runs to the end of what has been read.
type Element struct {
	Data []byte
	// End is set by the FastFunc that takes the element: the offset in
	// Data just past it.
	End int
	// Stop is set by a FastFunc to end the stream after this element.
	Stop  bool
	s     *streamer
	start int
}

// Pos returns the position of Data[off] in the document. Call it only
// when taking the element, with offsets that do not decrease: positions
// are counted forward from the last one asked for.
func (e *Element) Pos(off int) Pos { return e.s.p.pos(e.start + off) }

// Offset returns the offset of Data[0] in the document, in bytes from its
// start: it tells an element apart from any other of the same stream, for
// a caller that reads ahead from a copy of the text.
func (e *Element) Offset() int64 { return int64(e.s.base) + int64(e.start) }

// StreamJSONFast is [StreamJSON] with a fast path: each element of a
// streamed array is first offered to fast as text; only the elements it
// does not take are parsed to nodes and handed to fn.
func StreamJSONFast(r io.Reader, file string, streamed []string, fast FastFunc, fn StreamFunc) (*Node, List) {
	if r == nil {
		return StreamJSON(r, file, streamed, fn)
	}
	s := &streamer{r: r, fast: fast}
	s.p = jsonParser{file: file, line: 1, col: 1, more: true, intern: map[string]string{}}
	return s.run(streamed, fn)
}

type streamer struct {
	fast FastFunc
	el   Element // the element offered to fast
	r    io.Reader
	p    jsonParser
	buf  []byte
	base int // bytes dropped from the front of buf so far
	err  error
}

// fill reads more input, first dropping what lies before keep. It reports
// false at the end of the input.
func (s *streamer) fill(keep int) bool {
	if keep > 0 {
		n := copy(s.buf, s.buf[keep:])
		s.buf = s.buf[:n]
		s.base += keep
		s.p.off -= keep
		s.p.posOff -= keep
		s.p.data = s.buf
		s.p.posBase = s.base
	}
	if s.err != nil {
		return false
	}
	if cap(s.buf)-len(s.buf) < streamChunk/2 {
		s.buf = slices.Grow(s.buf, streamChunk)
	}
	// Read a good amount before parsing again, so that a reader that
	// returns little at a time does not make restarts quadratic.
	total := 0
	for total < streamChunk/4 && len(s.buf) < cap(s.buf) {
		n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
		s.buf = s.buf[:len(s.buf)+n]
		total += n
		if err != nil {
			s.err = err
			break
		}
	}
	s.p.data = s.buf
	s.p.posBase = s.base
	return total > 0 || s.err == nil
}

// step runs f, which reads one token or value starting at the current
// offset. When f runs out of buffered input, step reads more and runs f
// again from the same place, with the position state it started with.
func (s *streamer) step(f func()) {
	start := s.p.off
	// The line/column cache as it was, somewhere at or before the start:
	// it is brought forward only when a position is asked for or input
	// is dropped, so that lines are counted in long runs.
	line, col, posOff, stack := s.p.line, s.p.col, s.p.posOff, len(s.p.stack)
	for {
		s.p.nodes = 0 // the node budget is per value read in one step
		if s.attempt(f) {
			return
		}
		// Drop the consumed input before this step's start and read more;
		// the step then starts at offset 0.
		s.p.line, s.p.col, s.p.posOff = line, col, posOff
		s.p.pos(start)
		line, col, posOff = s.p.line, s.p.col, 0
		if !s.fill(start) {
			s.p.more = false // the end of the input: errors are real now
		}
		start = 0
		s.p.off, s.p.posOff = 0, 0
		s.p.line, s.p.col = line, col
		if len(s.buf) > MaxValueText {
			// One value longer than the budget: refuse it here, before the
			// buffer grows with it.
			panic(syntaxError{off: 0, rule: RuleTooLarge,
				msg: M("one value is longer than %s, the most read at a time", Bytes(MaxValueText))})
		}
		s.p.stack = s.p.stack[:stack]
		clear(s.p.fields)
		s.p.fields = s.p.fields[:0]
		clear(s.p.items)
		s.p.items = s.p.items[:0]
	}
}

func (s *streamer) attempt(f func()) (done bool) {
	defer func() {
		if r := recover(); r != nil {
			caught[needMore](r)
			done = false
		}
	}()
	f()
	return true
}

// peek returns the next non-blank byte; expecting says what may come
// there, for the message at the end of the input.
func (s *streamer) peek(expecting string) byte {
	var c byte
	s.step(func() {
		s.p.skipSpace()
		if s.p.off >= len(s.p.data) {
			s.p.eod(s.p.off, "unexpected end of input, expecting %s", expecting)
		}
		c = s.p.data[s.p.off]
	})
	return c
}

func (s *streamer) run(streamed []string, fn StreamFunc) (header *Node, probs List) {
	defer func() {
		if r := recover(); r != nil {
			header, probs = nil, s.p.syntaxProblems(r)
		}
		if s.err != nil && !errors.Is(s.err, io.EOF) {
			// The input ended for the reader's error: what its end made
			// of the text at or past the place (an unterminated string …)
			// is no news.
			cut := s.p.pos(s.p.off)
			probs = slices.DeleteFunc(probs, func(p *Problem) bool {
				return p.Rule == RuleSyntax && (p.Pos.Line > cut.Line || p.Pos.Line == cut.Line && p.Pos.Col >= cut.Col)
			})
			probs = append(probs, readProblem(cut, s.err))
			header = nil
		}
	}()
	s.fill(0)
	s.step(func() {
		if s.p.more && len(s.p.data) < 3 {
			s.p.eod(0, "")
		}
		s.p.skipBOM()
		s.p.skipSpace()
		if s.p.off >= len(s.p.data) && s.p.more {
			panic(needMore{})
		}
	})
	if s.p.off >= len(s.p.data) {
		return nil, List{Errorf(Root, s.p.pos(s.p.off), RuleEmpty, "document is empty")}
	}
	if s.p.data[s.p.off] != '{' {
		// Not an object: nothing to stream; read it whole.
		var n *Node
		s.step(func() {
			s.p.skipSpace()
			n = s.p.value(0)
			s.p.skipSpace()
			if s.p.off < len(s.p.data) {
				s.p.fail(s.p.off, "unexpected %s after the top-level value", s.p.describe(s.p.off))
			}
			if s.p.more {
				s.p.eod(s.p.off, "")
			}
		})
		return n, s.p.probs
	}
	header = &Node{Kind: Object, Pos: s.p.pos(s.p.off)}
	s.p.off++
	first := true
	for {
		c := s.peek("',' or '}'")
		if c == '}' && first {
			s.p.off++
			break
		}
		if !first {
			switch c {
			case ',':
				s.p.off++
			case '}':
				s.p.off++
				s.finish()
				return header, s.p.probs
			default:
				s.p.fail(s.p.off, "unexpected %s, expecting ',' or '}'", s.p.describe(s.p.off))
			}
		}
		first = false
		var key string
		var keyPos Pos
		s.step(func() {
			s.p.skipSpace()
			if s.p.off >= len(s.p.data) {
				s.p.eod(s.p.off, "unexpected end of input, expecting a member name")
			}
			if s.p.data[s.p.off] != '"' {
				s.p.fail(s.p.off, "unexpected %s, expecting a member name in double quotes", s.p.describe(s.p.off))
			}
			off := s.p.off
			key = s.p.str()
			keyPos = s.p.pos(off)
			s.p.skipSpace()
			if s.p.off >= len(s.p.data) {
				s.p.eod(s.p.off, "unexpected end of input, expecting ':'")
			}
			if s.p.data[s.p.off] != ':' {
				s.p.fail(s.p.off, "unexpected %s, expecting ':' after member name", s.p.describe(s.p.off))
			}
			s.p.off++
		})
		dup := header.Get(key) != nil
		s.p.stack = append(s.p.stack[:0], seg{key: key, idx: -1})
		if slices.Contains(streamed, key) && s.peek("a value") == '[' {
			arr := &Node{Kind: Array, Pos: s.p.pos(s.p.off)}
			if f := header.Field(key); f != nil {
				f.Value = arr
			} else {
				header.Fields = append(header.Fields, Field{Key: key, KeyPos: keyPos, Value: arr})
			}
			s.p.off++
			if !s.elements(header, key, fn) {
				return header, s.p.probs // stopped: the rest is not read
			}
			s.p.stack = s.p.stack[:0]
			s.duplicate(dup, key, keyPos)
			continue
		}
		v := s.value(1)
		s.duplicate(dup, key, keyPos)
		if f := header.Field(key); f != nil {
			f.Value = v // the later value wins, as ParseJSON has it
		} else {
			header.Fields = append(header.Fields, Field{Key: key, KeyPos: keyPos, Value: v})
		}
	}
	s.finish()
	return header, s.p.probs
}

// value reads in one step the value that comes next, a top-level
// member's (depth 1) or an element's of a streamed array (depth 2), and
// leaves the path at its parent.
func (s *streamer) value(depth int) *Node {
	var n *Node
	s.step(func() {
		s.p.skipSpace()
		n = s.p.value(depth)
	})
	s.p.stack = s.p.stack[:depth-1]
	return n
}

// duplicate reports a repeated top-level member once its value is read, as
// ParseJSON does.
func (s *streamer) duplicate(dup bool, key string, keyPos Pos) {
	if dup {
		s.p.probs.Add(Errorf(Root.Key(key), keyPos, RuleDuplicateKey, "duplicate member %q", key))
	}
}

// elements streams the elements of the array whose '[' was just read. It
// returns false when fn asked to stop.
func (s *streamer) elements(header *Node, key string, fn StreamFunc) bool {
	s.p.stack = append(s.p.stack[:1], seg{idx: 0}) // as ParseJSON reports an empty end
	if s.peek("a value") == ']' {
		s.p.off++
		return true
	}
	for i := 0; ; i++ {
		s.p.stack = append(s.p.stack[:1], seg{idx: i})
		if s.fast != nil {
			taken, stop := s.fastElement(header, key, i)
			if stop {
				return false
			}
			if taken {
				s.p.stack = s.p.stack[:1]
				if !s.separator() {
					return true
				}
				continue
			}
		}
		n := s.value(2)
		if !fn(header, key, i, n) {
			// Skip the rest of the array unread.
			return false
		}
		if !s.separator() {
			return true
		}
	}
}

// fastElement offers element i to the fast path.
func (s *streamer) fastElement(header *Node, key string, i int) (taken, stop bool) {
	e := &s.el
	st := FastFallback
	s.step(func() {
		s.p.skipSpace()
		*e = Element{Data: s.p.data[s.p.off:], s: s, start: s.p.off}
		st = s.fast(header, key, i, e)
		if st == FastMore {
			if s.p.more {
				panic(needMore{})
			}
			st = FastFallback // the end of the input: the parser says what is wrong
		}
	})
	if st != FastOK {
		return false, false
	}
	s.p.off += e.End
	return true, e.Stop
}

// separator reads what follows an element: true after a comma, false
// after the closing bracket.
func (s *streamer) separator() bool {
	// The common case, the separator in the buffer, without a step.
	s.p.skipSpace()
	if s.p.off < len(s.p.data) {
		if c := s.p.data[s.p.off]; c == ',' || c == ']' {
			s.p.off++
			return c == ','
		}
	}
	switch s.peek("',' or ']'") {
	case ',':
		s.p.off++
		return true
	case ']':
		s.p.off++
		return false
	}
	s.p.fail(s.p.off, "unexpected %s, expecting ',' or ']'", s.p.describe(s.p.off))
	return false
}

// finish checks that nothing but white space follows the document.
func (s *streamer) finish() {
	s.step(func() {
		s.p.skipSpace()
		if s.p.off < len(s.p.data) {
			s.p.fail(s.p.off, "unexpected %s after the top-level value", s.p.describe(s.p.off))
		}
		if s.p.more {
			s.p.eod(s.p.off, "")
		}
	})
}
