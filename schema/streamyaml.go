package schema

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"unicode/utf8"
)

// RuleAliasAcrossItems is reported when a streamed YAML element uses an
// alias whose anchor lies outside it: elements are parsed one at a time.
const RuleAliasAcrossItems Rule = "syntax.alias-across-items"

// StreamYAML reads a YAML document whose top level is a block mapping from
// r without holding it whole, as [StreamJSON] does for JSON: the elements of
// the block sequences under the top-level keys named in streamed are cut
// from the text one at a time, parsed alone (as [ParseYAML] parses: by
// the fast reader of the module's block layout, else by yaml.v3) and
// handed to fn; every other member is kept in the header. Positions are those of the
// whole document.
//
// Anything the text cutter does not recognise as a plain block sequence (a
// flow sequence on the key's line, a tagged or anchored sequence) makes
// StreamYAML read the rest of the document whole, up to maxWhole bytes,
// and hand over its elements from the parsed tree: the result is the same,
// only the memory differs. An element that uses an alias defined outside
// it gets a [RuleAliasAcrossItems] problem.
//
// The input budget holds throughout: a line, an element, the header and
// what is read whole are each at most [MaxYAMLText] (and maxWhole), and a
// byte that cannot be in YAML text (invalid UTF-8, NUL and other control
// characters) stops the stream where it is, so that no input makes the
// reader hold more than that however long it is.
func StreamYAML(r io.Reader, file string, streamed []string, maxWhole int, fn StreamFunc) (*Node, List) {
	if r == nil {
		return nil, List{noInput(file)}
	}
	y := &yamlStreamer{file: file, r: bufio.NewReaderSize(yamlLineEnds(r), 256<<10), streamed: streamed}
	n, probs := y.run(min(maxWhole, MaxYAMLText), fn)
	if y.stop != nil {
		// The text itself is at fault: that is the one problem to report.
		return nil, append(probs, y.stop)
	}
	return n, probs
}

type yamlStreamer struct {
	file     string
	r        *bufio.Reader
	streamed []string
	line     int // lines read so far
	err      error
	pending  []byte // a line read but not yet used
	hasPend  bool
	stop     *Problem // why reading stopped early, if it did
	utf16    bool     // the text starts with a UTF-16 byte-order mark
	// headerSize is the text kept outside the streamed lists.
	headerSize int
}

// errStop ends the input where the text broke the budget or is not text.
var errStop = errors.New("schema: stopped")

// halt records why reading stops; the stream then sees the end of input.
func (y *yamlStreamer) halt(p *Problem) {
	if y.stop == nil {
		y.stop = p
	}
	y.err = errStop
}

// tooBig stops the stream for a piece of text that grew past the budget.
func (y *yamlStreamer) tooBig(what Msg, line int) {
	p := Errorf(Root, Pos{File: y.file, Line: line, Col: 1}, RuleTooLarge,
		"%s is larger than %s (the reading budget for YAML read in one piece): write long lists in block layout (\"- \" items), which is streamed, or save JSON text as .json", what, Bytes(MaxYAMLText))
	p.Err = ErrTooLarge
	y.halt(p)
}

// next returns the next line, with its line ending.
func (y *yamlStreamer) next() ([]byte, bool) {
	if y.hasPend {
		y.hasPend = false
		y.line++
		return y.pending, true
	}
	if y.err != nil {
		return nil, false
	}
	var b []byte
	checked := 0
	for {
		frag, err := y.r.ReadSlice('\n')
		if y.line == 0 && len(b) == 0 && utf16BOM(frag) {
			y.utf16 = true // yaml.v3 decodes it; the bytes are not UTF-8
		}
		if len(b)+len(frag) > MaxYAMLText {
			y.tooBig(M("line %d", y.line+1), y.line+1)
			return nil, false
		}
		b = append(b, frag...)
		// Check each fragment as it comes, so that a line of a device
		// that never ends is refused at its first bad byte.
		if !y.utf16 {
			off, what, bad := badText(b[checked:], err == bufio.ErrBufferFull)
			if bad {
				col := utf8.RuneCount(b[:checked+off]) + 1
				y.halt(&Problem{Pos: Pos{File: y.file, Line: y.line + 1, Col: col}, Rule: RuleBadText, Message: what + " in YAML text"})
				return nil, false
			}
			checked += off
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			y.err = err
			if len(b) == 0 {
				return nil, false
			}
		}
		break
	}
	y.line++
	return b, true
}

func (y *yamlStreamer) unread(b []byte) {
	y.pending, y.hasPend = b, true
	y.line--
}

// segment is a run of header lines with the line number of its first.
type segment struct {
	first int
	text  []byte
}

func indentOf(b []byte) int {
	n := 0
	for n < len(b) && b[n] == ' ' {
		n++
	}
	return n
}

// blank reports whether a line holds nothing but space and perhaps a
// comment.
func blank(b []byte) bool {
	t := bytes.TrimRight(bytes.TrimLeft(b, " \t"), "\r\n")
	return len(t) == 0 && !bytes.Contains(bytes.TrimRight(b, "\r\n"), []byte("\r")) || len(t) > 0 && t[0] == '#'
}

// streamedKey returns the key a line opens when it is "key:" at column 0
// with nothing after the colon but a comment, and key is streamed.
func (y *yamlStreamer) streamedKey(b []byte) (string, bool) {
	for _, k := range y.streamed {
		for _, form := range []string{k, `"` + k + `"`, `'` + k + `'`} {
			if !bytes.HasPrefix(b, []byte(form+":")) {
				continue
			}
			after := b[len(form)+1:]
			if len(after) > 0 && after[0] != ' ' && after[0] != '\t' && after[0] != '\n' && after[0] != '\r' {
				continue // "key:x" is a longer key, and "key:#" no comment
			}
			rest := bytes.TrimSpace(after)
			if len(rest) == 0 || rest[0] == '#' {
				return k, true
			}
		}
	}
	return "", false
}

// isItem reports whether a line starts a sequence item at indent ind.
func isItem(b []byte, ind int) bool {
	if indentOf(b) != ind || len(b) <= ind || b[ind] != '-' {
		return false
	}
	return len(b) == ind+1 || b[ind+1] == ' ' || b[ind+1] == '\n' || b[ind+1] == '\r'
}

func (y *yamlStreamer) run(maxWhole int, fn StreamFunc) (*Node, List) {
	var probs List
	ps := y.startParsers(fn, &probs)
	defer ps.stop()
	var segs []segment
	cur := segment{first: 1}
	type streamedAt struct {
		key string
		pos Pos
	}
	var arrays []streamedAt
	var hquote byte // a quoted scalar of the header open over lines
	for {
		b, ok := y.next()
		if !ok {
			break
		}
		if y.headerSize += len(b); y.headerSize > MaxYAMLText {
			y.tooBig(M("the document outside its streamed lists"), y.line)
			break
		}
		if hquote != 0 {
			// Inside a quoted scalar of the header that spans lines: no
			// key starts here.
			cur.text = append(cur.text, b...)
			_, hquote, _ = scanLine(b, hquote)
			continue
		}
		key, isKey := y.streamedKey(b)
		if !isKey {
			cur.text = append(cur.text, b...)
			_, hquote, _ = scanLine(b, 0)
			continue
		}
		// A streamed key: cut its block sequence into elements.
		cur.text = append(cur.text, b...)
		segs = append(segs, cur)
		var partial *Node
		var item []byte
		itemLine, idx, ind, flow := 0, 0, -1, 0
		var quote byte // a quoted scalar open over lines
		var firstPos Pos
		flush := func() bool {
			if y.stop != nil {
				// The budget is spent or the text is not text: the rest
				// is not read, but the elements read before are handed
				// over, as on one goroutine, with their problems.
				ps.finish()
				return false
			}
			if item == nil {
				return true
			}
			if partial == nil {
				partial, _ = y.header(segs)
			}
			ok := ps.submit(&itemJob{partial: partial, key: key, idx: idx, text: item, line: itemLine})
			idx++
			item = nil
			return ok
		}
		stopped := false
		for !stopped {
			l, ok := y.next()
			if !ok {
				break
			}
			if ind < 0 {
				if blank(l) {
					segs[len(segs)-1].text = append(segs[len(segs)-1].text, l...)
					if y.headerSize += len(l); y.headerSize > MaxYAMLText {
						y.tooBig(M("the document outside its streamed lists"), y.line)
					}
					continue
				}
				if !isItem(l, indentOf(l)) {
					// Not a block sequence (a flow sequence, a mapping, a
					// tagged node …): read the rest whole.
					y.unread(l)
					return y.whole(segs, maxWhole, fn)
				}
				ind = indentOf(l)
				firstPos = Pos{File: y.file, Line: y.line, Col: ind + 1}
			}
			switch {
			case flow > 0 || quote != 0:
				// Inside a flow collection or a quoted scalar that spans
				// lines, indentation means nothing until it closes.
				item = append(item, l...)
				d, q, _ := scanLine(l, quote)
				flow, quote = flow+d, q
				if len(item) > MaxYAMLText {
					y.tooBig(M("element %d of %s", idx, key), itemLine)
				}
			case isItem(l, ind):
				stopped = !flush()
				item = append([]byte(nil), l...)
				itemLine = y.line
				flow, quote, _ = scanLine(l, 0)
			case blank(l) || indentOf(l) > ind:
				item = append(item, l...)
				d, q, _ := scanLine(l, quote)
				flow, quote = flow+d, q
				if len(item) > MaxYAMLText {
					y.tooBig(M("element %d of %s", idx, key), itemLine)
				}
			default:
				y.unread(l) // the end of the sequence
				stopped = !flush()
				item = nil
				if in := indentOf(l); in > 0 {
					// Only a top-level key may follow the sequence.
					probs.Add(Errorf(Root, Pos{File: y.file, Line: y.line + 1, Col: in + 1}, RuleSyntax, "did not find expected key: indentation does not match the sequence above"))
				}
				goto done
			}
		}
		if !stopped {
			stopped = !flush()
		}
	done:
		if !stopped {
			stopped = !ps.finish()
		}
		if stopped {
			return nil, probs
		}
		if ind < 0 {
			// "key:" with nothing under it is null, as YAML reads it: the
			// lines go on in the same header segment.
			cur, segs = segs[len(segs)-1], segs[:len(segs)-1]
			continue
		}
		arrays = append(arrays, streamedAt{key: key, pos: firstPos})
		cur = segment{first: y.line + 1}
	}
	if y.err != nil && !errors.Is(y.err, io.EOF) {
		if y.stop == nil {
			probs.Add(readProblem(Pos{File: y.file, Line: y.line + 1, Col: 1}, y.err))
		}
		return nil, probs
	}
	segs = append(segs, cur)
	// The header: each segment parsed at its own lines, the mappings
	// joined, each streamed key given an empty array at its position.
	header, hprobs := y.header(segs)
	probs.Append(hprobs)
	if header == nil {
		return nil, probs
	}
	for _, a := range arrays {
		if f := header.Field(a.key); f != nil && f.Value.Kind == Null {
			f.Value = &Node{Kind: Array, Pos: a.pos}
		}
	}
	// A streamed member the cutter did not see (JSON-style flow text, say)
	// was parsed with the header: hand its elements over from there.
	if !Split(header, y.streamed, fn) {
		return nil, probs
	}
	return header, probs
}

// Split hands the elements of the array members of n named in streamed to
// fn, as a stream would, leaving empty arrays in their place: it lets a
// document read whole go through the code that handles streams. It returns
// false if fn stopped.
func Split(n *Node, streamed []string, fn StreamFunc) bool {
	if n == nil || n.Kind != Object {
		return true
	}
	for i := range n.Fields {
		f := &n.Fields[i]
		if !slices.Contains(streamed, f.Key) || f.Value.Kind != Array || len(f.Value.Items) == 0 {
			continue
		}
		items := f.Value.Items
		f.Value = &Node{Kind: Array, Pos: f.Value.Pos}
		for k, it := range items {
			if !fn(n, f.Key, k, it) {
				return false
			}
			items[k] = nil // done with: let the collector have it
		}
	}
	return true
}

// flowDepth returns how many flow collections ([ or {) a line opens more
// than it closes, outside quoted strings and comments.
func flowDepth(b []byte) int {
	d, _, _ := scanLine(b, 0)
	return d
}

// scanLine returns how many flow collections a line opens more than it
// closes, the quote (' or ") still open at its end, and whether the line
// ends in a comment (a # at its start or after a blank, outside quotes):
// a quoted scalar may go on over lines, and yaml.v3 reads its next lines
// whatever their indentation, so until it closes they belong to the
// element. quote is the quote open at the line's start (0 for none). A
// quote opens a quoted scalar only where a value starts (at the line's
// start or after ':', '-', '[', '{' or ','), so that a plain scalar such
// as 12 " is not one.
func scanLine(b []byte, quote byte) (depth int, open byte, comment bool) {
	d := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == quote {
				if quote == '\'' && i+1 < len(b) && b[i+1] == '\'' {
					i++ // '' inside single quotes
				} else {
					quote = 0
				}
			} else if c == '\\' && quote == '"' {
				i++
			}
		case c == '"' || c == '\'':
			if valueStarts(b[:i]) {
				quote = c
			}
		case c == '#' && (i == 0 || b[i-1] == ' ' || b[i-1] == '\t'):
			return d, 0, true
		case c == '[' || c == '{':
			d++
		case c == ']' || c == '}':
			d--
		}
	}
	return d, quote, false
}

// valueStarts reports whether a value may start after before: nothing but
// spaces, or a last non-space character that opens a flow collection or
// separates its entries, or ':' or '-' followed by a space (without one,
// as in :" or -", they are part of a plain scalar).
func valueStarts(before []byte) bool {
	spaced := false
	for i := len(before) - 1; i >= 0; i-- {
		switch before[i] {
		case ' ', '\t':
			spaced = true
			continue
		case '[', '{', ',':
			return true
		case ':', '-':
			return spaced
		}
		return false
	}
	return true
}

// An element is parsed alone, which is most of the work of streaming
// YAML; with more than one CPU, elements are parsed by a pool of
// goroutines and handed to fn in order.

type itemJob struct {
	partial *Node
	key     string
	idx     int
	text    []byte
	line    int
	out     chan itemResult
}

type itemResult struct {
	n     *Node
	probs List
}

// parseItem parses one element's text, starting at line of the document.
func (y *yamlStreamer) parseItem(j *itemJob) itemResult {
	n, p := parseYAMLText(y.file, j.text, j.line-1, !y.utf16)
	for _, pr := range p {
		if bytes.Contains([]byte(pr.Message), []byte("unknown anchor")) {
			pr.Rule = RuleAliasAcrossItems
			pr.Message += " (streamed elements are read one at a time: define anchors within the element)"
		}
		pr.Path = Root.Key(j.key).Index(j.idx).join(pr.Path, 1)
	}
	if n == nil || n.Kind != Array || len(n.Items) != 1 {
		return itemResult{probs: p}
	}
	return itemResult{n: n.Items[0], probs: p}
}

// safeParseItem parses an element, turning a panic of the YAML parser into
// a problem: it may run on a goroutine of its own, where a panic could not
// be recovered by the caller and would end the program.
func (y *yamlStreamer) safeParseItem(j *itemJob) (r itemResult) {
	defer func() {
		if v := recover(); v != nil {
			r = itemResult{probs: List{{Path: Root.Key(j.key).Index(j.idx), Pos: Pos{File: y.file, Line: j.line, Col: 1},
				Rule: RuleInternal, Message: fmt.Sprintf("the YAML parser failed on this element: %v", v)}}}
		}
	}()
	return y.parseItem(j)
}

// parsers hands elements to a pool of parsing goroutines and delivers the
// results to fn in document order.
type parsers struct {
	y       *yamlStreamer
	jobs    chan *itemJob
	pending []*itemJob
	fn      StreamFunc
	probs   *List
}

func (y *yamlStreamer) startParsers(fn StreamFunc, probs *List) *parsers {
	ps := &parsers{y: y, fn: fn, probs: probs}
	if n := runtime.GOMAXPROCS(0); n > 1 {
		ps.jobs = make(chan *itemJob, 4*n)
		for range n {
			go func() {
				for j := range ps.jobs {
					j.out <- y.safeParseItem(j)
				}
			}()
		}
	}
	return ps
}

// submit queues one element; it returns false once fn has asked to stop.
func (ps *parsers) submit(j *itemJob) bool {
	if ps.jobs == nil {
		return ps.deliver(ps.y.safeParseItem(j), j)
	}
	j.out = make(chan itemResult, 1)
	ps.jobs <- j
	ps.pending = append(ps.pending, j)
	return ps.drain(len(ps.pending) > 16)
}

// drain delivers the parsed elements at the head of the queue: all of them
// when wait is true, otherwise those already parsed.
func (ps *parsers) drain(wait bool) bool {
	for len(ps.pending) > 0 {
		j := ps.pending[0]
		var r itemResult
		if wait {
			r = <-j.out
		} else {
			select {
			case r = <-j.out:
			default:
				return true
			}
		}
		ps.pending = ps.pending[1:]
		if !ps.deliver(r, j) {
			return false
		}
		wait = wait && len(ps.pending) > 8
	}
	return true
}

func (ps *parsers) deliver(r itemResult, j *itemJob) bool {
	ps.probs.Append(r.probs)
	if r.n == nil {
		return true
	}
	return ps.fn(j.partial, j.key, j.idx, r.n)
}

// finish delivers everything still queued; it returns false if fn stopped.
func (ps *parsers) finish() bool {
	for len(ps.pending) > 0 {
		if !ps.drain(true) {
			return false
		}
	}
	return true
}

// stop lets the parsing goroutines end once they have done what is queued.
func (ps *parsers) stop() {
	if ps.jobs != nil {
		close(ps.jobs)
	}
}

// header parses the header segments and joins their top-level members.
func (y *yamlStreamer) header(segs []segment) (*Node, List) {
	var out *Node
	var probs List
	for _, s := range segs {
		if blankText(s.text) {
			continue
		}
		n, p := parseYAMLAt(y.file, s.text, s.first-1)
		probs.Append(p)
		if n == nil {
			return nil, probs
		}
		if out == nil {
			out = n
			continue
		}
		if n.Kind != Object || out.Kind != Object {
			probs.Add(Errorf(Root, n.Pos, RuleSyntax, "expected more members of the top-level mapping"))
			return nil, probs
		}
		for _, f := range n.Fields {
			if prev := out.Field(f.Key); prev != nil {
				// As ParseYAML does: report it, the later value wins.
				probs.Add(Errorf(Root.Key(f.Key), f.KeyPos, RuleDuplicateKey, "duplicate key %q", f.Key))
				prev.Value = f.Value
				continue
			}
			out.Fields = append(out.Fields, f)
		}
	}
	if out == nil {
		return nil, List{Errorf(Root, Pos{File: y.file, Line: 1, Col: 1}, RuleEmpty, "document is empty")}
	}
	return out, probs
}

func blankText(b []byte) bool {
	for _, l := range bytes.Split(b, []byte("\n")) {
		if !blank(l) {
			return false
		}
	}
	return true
}

// whole reads the rest of the document at once and hands over its
// elements from the parsed tree.
func (y *yamlStreamer) whole(segs []segment, maxWhole int, fn StreamFunc) (*Node, List) {
	var buf bytes.Buffer
	for _, s := range segs {
		buf.Write(s.text)
	}
	for {
		b, ok := y.next()
		if !ok {
			break
		}
		buf.Write(b)
		if buf.Len() > maxWhole {
			p := Errorf(Root, Pos{File: y.file, Line: y.line, Col: 1}, RuleTooLarge,
				"document is larger than %s and not in a form that can be streamed (a block sequence under its key); YAML read whole is limited to that size", Bytes(maxWhole))
			p.Err = ErrTooLarge
			return nil, List{p}
		}
	}
	n, probs := ParseYAML(y.file, buf.Bytes())
	if !Split(n, y.streamed, fn) {
		return nil, probs
	}
	return n, probs
}
