package matters

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"iter"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/zwfw/zwfw/matters/codeset"
	"github.com/zwfw/zwfw/schema"
)

// DecodeOptions tune a [Decoder]. The zero value is ready to use.
type DecodeOptions struct {
	// Reference validates with the reference JSON Schema implementation
	// (jsonschema/v5) instead of the fast validator. Both report the same
	// problems; the reference is several times slower.
	Reference bool
	// OnProblem, when set, receives each problem as it is found, and the
	// decoder keeps none: memory stays bounded however many there are.
	OnProblem func(*schema.Problem)
	// MaxProblems caps the problems the decoder keeps when OnProblem is
	// nil (default 10,000); past it, problems are counted, not kept, and one
	// last problem says how many were dropped.
	MaxProblems int
	// Progress, when set, is called with the number of matters read so
	// far, after each matter, on the goroutine that ranges over
	// [Decoder.Matters]: a program shows it (the examples write records
	// read, rate and elapsed time on a terminal); the library writes
	// nothing itself. It should return quickly.
	Progress func(matters int64)
	// OnBundle, when set, receives each bundle (一件事一次办) with its
	// index, in document order, and the decoder keeps none:
	// [Decoder.Catalogue] then has no Bundles. A bundle is handed over as
	// soon as it is validated and decoded (and, when the matters have all
	// been read, checked against them), on the goroutine that ranges over
	// [Decoder.Matters]; bundles that come before the matters are handed
	// over as they come and checked at the end, their problems the same
	// as without OnBundle. The *Bundle is valid only during the call: the
	// decoder reuses it after, so copy it (*b: its slices and map are not
	// reused) to keep it. Bundles are handed over as they are read, as
	// matters are yielded: a document found broken further on may have
	// handed over bundles it does not hold, and one with two "bundles"
	// members (an error) hands over the bundles of both.
	OnBundle func(i int, b *Bundle)
	// MaxSize is the largest document read, in bytes; 0 means
	// [MaxDocumentSize]. Past it, reading stops with a problem of rule
	// schema.RuleTooLarge where the input was cut. Memory grows by about
	// 11 to 15 bytes a matter whatever the size (the index of codes, and
	// the items a caller's indicators count): a larger limit mostly lets a
	// reader be kept busy longer. A program measuring a national catalogue
	// of ten million matters (7 GB of JSON) sets it.
	MaxSize int64
	// ReadAhead, with more than one CPU (GOMAXPROCS), has a second
	// goroutine read the valid matters of a JSON catalogue ahead in one
	// pass, from a copy of the text, while the goroutine that ranges over
	// [Decoder.Matters] reads the others and takes what was read ahead,
	// in order. Every check, the index of codes and the caller's code
	// still run on that goroutine, in the document's order, with the same
	// matters and problems. A program that reads one large catalogue with
	// a CPU to spare sets it: on a 2-CPU machine its wall time falls by
	// a tenth to a fifth, and its CPU time grows by a fifth to a quarter
	// (copying and scanning the text, and two goroutines decoding side by
	// side each running slower). A server that decodes several documents
	// at once should not: its CPUs are busy already.
	ReadAhead bool
	// Size is the document's size in bytes, when the reader does not
	// tell it; 0 if unknown. A regular file (an *os.File, an fs.File), a
	// bytes.Reader, a strings.Reader or a bytes.Buffer tells it. With it,
	// once the first 4,096 matters of a JSON document are read, the
	// decoder estimates from their size how many follow and makes its
	// index of codes that size, up to 16 times the matters read, instead
	// of growing it step by step (about a twentieth of the CPU time of a
	// large catalogue); it does so again at 65,536 matters, 1,048,576 and
	// so on. A size that is wrong costs only that: the index grows as it
	// would, or keeps room it does not use, about 11 bytes a matter
	// expected, at most 16 times the matters read.
	Size int64
}

// The index of codes of a document of known size is made the size of the
// whole after reserveAfter matters, and again each time the matters read
// are reserveStep times more, up to reserveStep times the matters read.
const (
	reserveAfter = 4096
	reserveStep  = 16
)

// RuleTooManyProblems closes a problem list that was cut short.
const RuleTooManyProblems schema.Rule = "document.too-many-problems"

// Decoder reads a catalogue document one matter at a time, in memory
// proportional to one matter plus the catalogue's header and bundles
// (without them when [DecodeOptions.OnBundle] takes the bundles), not to
// the document. Each matter is validated against the schema, decoded and
// checked as it is read; the checks that need the whole catalogue
// (duplicate codes, bundle members) keep a compact index of codes and
// finish when the stream ends.
//
// JSON documents are streamed ([schema.StreamJSONFast]): a valid matter is
// read in one pass from its text, any other as nodes; YAML
// documents are cut into one text per matter, each parsed alone
// ([schema.StreamYAML]: by a fast reader of the block layout the module
// writes, else by yaml.v3), which needs the usual block layout; other YAML is
// read whole, up to schema.MaxYAMLText (8 MiB). Every piece read at a time
// stays within the budget of package schema, and the document within
// [MaxDocumentSize]: past either, reading stops with a located problem.
// JSON is read on the caller's goroutine (with [DecodeOptions.ReadAhead],
// matters are read ahead on a second one too); YAML, with more than one
// CPU, on a goroutine of its own. A panic of the io.Reader is recovered and
// reported as a problem either way, and a nil reader is a problem too.
type Decoder struct {
	r       io.Reader
	name    string
	opts    DecodeOptions
	sch     *schema.Schema
	header  *Catalogue
	probs   schema.List
	dropped int
	ix      *index
	div     DivisionCode
	done    bool
	// noFast turns the one-pass path off (tests compare the two ways);
	// fastTaken counts the matters it took.
	noFast    bool
	fastTaken int
	// ahead reads matters ahead on a second goroutine (ReadAhead). Tests
	// set aheadBatch: a batch to read ahead with whatever text there is,
	// on any number of CPUs, with or without the option (-1: never).
	ahead      *ahead
	aheadBatch int
	bodies     bodyCache // body credit codes read
	// The bundles, streamed as the matters are: each is validated,
	// decoded and checked as it comes, its nodes then dropped; those that
	// come before the matters end wait, with their nodes, for the end.
	// With OnBundle, none is kept: each is decoded into bundle1, handed
	// over, and decoded again from its nodes when it waited.
	bundles      []Bundle
	bundle1      Bundle         // the bundle handed to OnBundle, reused
	bundleCodes  map[uint64]int // the first bundle of each code, by fingerprint
	afterMatters bool           // the bundles come after the matters
	mattersSeen  bool           // a matter has been read
	waiting      []*schema.Node // nodes of the first len(waiting) bundles
	// size is the document's size, if known; firstAt, where its first
	// matter starts.
	size        int64
	firstAt     int64
	nextReserve int // the matter at which to size the index next
	reserved    int // the matters the index was made for, if it was
}

// NewDecoder returns a decoder reading from r; name is the file name used
// in problem positions, and its extension (.json, .yaml, .yml, .csv) says
// the format, which is otherwise sniffed from the first line ([IsCSV]) and
// character. A spreadsheet is read by [ReadCSV], whole, and its matters
// yielded one by one with the same checks and severities as a document's.
// opts may be nil.
func NewDecoder(r io.Reader, name string, opts *DecodeOptions) *Decoder {
	d := &Decoder{r: r, name: name, ix: newIndex(), sch: schema.Catalogue}
	if opts != nil {
		d.opts = *opts
	}
	if d.opts.MaxProblems <= 0 {
		d.opts.MaxProblems = 10_000
	}
	if d.opts.Reference {
		d.sch = d.sch.Reference()
	}
	d.size = d.opts.Size
	if d.size <= 0 {
		d.size = readerSize(r)
	}
	d.nextReserve = reserveAfter
	return d
}

// readerSize returns the bytes left to read from r, when r tells: a
// regular file (an *os.File, an fs.File), or a reader with a Len method;
// else 0.
func readerSize(r io.Reader) int64 {
	switch r := r.(type) {
	case interface{ Len() int }:
		return int64(r.Len())
	case interface{ Stat() (fs.FileInfo, error) }:
		fi, err := r.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return 0
		}
		var at int64
		if s, ok := r.(io.Seeker); ok {
			if at, err = s.Seek(0, io.SeekCurrent); err != nil {
				return 0
			}
		}
		return max(fi.Size()-at, 0)
	}
	return 0
}

// reserve makes the index the size the document needs, as the first i
// matters, which ended at offset at, suggest, up to reserveStep times i.
func (d *Decoder) reserve(i int, at int64) {
	d.nextReserve = i * reserveStep
	span := at - d.firstAt
	if span <= 0 || d.size <= at {
		return
	}
	n := float64(i) + float64(d.size-at)*float64(i)/float64(span)
	if n <= float64(d.reserved) {
		return
	}
	d.reserved = int(min(n, float64(i*reserveStep), float64(codeset.MaxValue)))
	d.ix.codes.Reserve(d.reserved)
}

func (d *Decoder) report(l schema.List) {
	for _, p := range l {
		switch {
		case d.opts.OnProblem != nil:
			d.opts.OnProblem(p)
		case len(d.probs) < d.opts.MaxProblems:
			d.probs = append(d.probs, p)
		default:
			d.dropped++
		}
	}
}

// Problems returns the problems found so far, sorted. After [Decoder.Matters]
// has run to the end they include the whole-catalogue checks.
func (d *Decoder) Problems() schema.List {
	out := append(schema.List(nil), d.probs...)
	if d.dropped > 0 {
		out.Errorf(schema.Root, schema.Pos{File: d.name}, RuleTooManyProblems, "%d more problems were found and not kept", d.dropped)
	}
	out.Dedupe()
	return out
}

// Catalogue returns the catalogue's header (kind, division, level, …) and
// its bundles (none when [DecodeOptions.OnBundle] takes them), without
// matters. While [Decoder.Matters] runs it holds the members that precede
// the matters in the document (in the documents this module writes, all
// but the bundles); it is complete once the iteration has run to the end,
// and nil when the document could not be read.
func (d *Decoder) Catalogue() *Catalogue { return d.header }

// Matters returns an iterator over the matters of the document, in order,
// with their index. The *Matter is valid until the next iteration; copy it
// to keep it. Problems are collected as the iteration goes (see
// [Decoder.Problems]). A Decoder reads its input once: a second iteration
// yields nothing.
func (d *Decoder) Matters() iter.Seq2[int, *Matter] {
	return func(yield func(int, *Matter) bool) {
		if d.done {
			return
		}
		d.done = true
		d.run(yield)
	}
}

func (d *Decoder) isJSON(br *peekReader) bool {
	lower := strings.ToLower(d.name)
	switch {
	case strings.HasSuffix(lower, ".json"):
		return true
	case strings.HasSuffix(lower, ".yaml"), strings.HasSuffix(lower, ".yml"):
		return false
	}
	c := br.first()
	return c == '{' || c == '['
}

func (d *Decoder) run(yield func(int, *Matter) bool) {
	if d.r == nil {
		d.report(schema.List{schema.Errorf(schema.Root, schema.Pos{File: d.name}, RuleRead, "matters: no input: the reader is nil")})
		return
	}
	max := d.opts.MaxSize
	if max <= 0 {
		max = MaxDocumentSize
	}
	br := &peekReader{r: &sizeLimiter{r: d.r, left: max, max: max}}
	head, ok := d.peek(br)
	if !ok {
		return
	}
	if IsCSV(d.name, head) {
		d.runCSV(br, yield)
		return
	}
	each, stopped := d.handler(yield)
	keys := streamedKeys
	stream := func(r io.Reader, each schema.StreamFunc) (*schema.Node, schema.List) {
		return schema.StreamYAML(r, d.name, keys, schema.MaxYAMLText, each)
	}
	if d.isJSON(br) {
		stream = func(r io.Reader, each schema.StreamFunc) (*schema.Node, schema.List) {
			return schema.StreamJSON(r, d.name, keys, each)
		}
	}
	var header *schema.Node
	var probs schema.List
	if fd := d.fastDecoder(); fd != nil && d.isJSON(br) {
		// One pass: valid matters are read straight from the text; the
		// rest as nodes, as below. Asked to, with two CPUs, matters are
		// read ahead on a second goroutine too.
		switch {
		case d.aheadBatch > 0:
			d.ahead = newAhead(fd, d.aheadBatch, 0)
		case d.aheadBatch == 0 && d.opts.ReadAhead && runtime.GOMAXPROCS(0) > 1:
			d.ahead = newAhead(fd, aheadBatch, aheadMinText)
		}
		if d.ahead != nil {
			defer d.ahead.close()
		}
		header, probs = schema.StreamJSONFast(guardedReader{br}, d.name, keys, d.fastHandler(fd, yield, stopped), each)
		for _, p := range probs {
			var rp *readPanic
			if errors.As(p.Err, &rp) {
				// What the input's end made of the text is no news.
				header, probs = nil, schema.List{readFailed(d.name, rp.v)}
				break
			}
		}
	} else if runtime.GOMAXPROCS(0) > 1 {
		header, probs = d.pipeline(br, d.safe(stream), each)
	} else {
		// Here the stream calls the caller's code: a panic is theirs.
		header, probs = stream(br, each)
	}
	d.report(probs)
	if header == nil || *stopped {
		return
	}
	d.finish(header)
}

// runCSV reads a spreadsheet ([ReadCSV]) and yields its matters. The
// spreadsheet is read whole first: its rows are small, and the reader's
// checks place problems on cells.
func (d *Decoder) runCSV(r io.Reader, yield func(int, *Matter) bool) {
	c, probs := readCSV(r, d.name, nil)
	d.report(probs)
	if c == nil {
		return
	}
	ms := c.Matters
	c.Matters = nil
	d.header = c
	for i := range ms {
		if !yield(i, &ms[i]) {
			return
		}
	}
}

// IsCSV reports whether a file named name that starts with head is a
// spreadsheet saved as CSV rather than a YAML or JSON document: its name
// ends in .csv or .tsv, or, when the name says neither .json, .yaml nor
// .yml, its first line holds a comma or tab and no colon, or its text is
// not UTF-8 (GB18030, as Excel saves it in China).
func IsCSV(name string, head []byte) bool {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".csv"), strings.HasSuffix(lower, ".tsv"):
		return true
	case strings.HasSuffix(lower, ".json"), strings.HasSuffix(lower, ".yaml"), strings.HasSuffix(lower, ".yml"):
		return false
	}
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	line, _, _ := bytes.Cut(head, []byte("\n"))
	t := bytes.TrimSpace(line)
	if len(t) == 0 || t[0] == '{' || t[0] == '[' || t[0] == '#' || bytes.HasPrefix(t, []byte("---")) {
		return false
	}
	if !utf8.Valid(line) && len(line) < len(head) {
		return true
	}
	return bytes.ContainsAny(line, ",\t") && !bytes.ContainsAny(line, ":：")
}

// peek reads the head of the input, reporting a panic of the reader as a
// problem, as the reading goroutine does.
func (d *Decoder) peek(br *peekReader) (head []byte, ok bool) {
	defer func() {
		if v := recover(); v != nil {
			d.report(schema.List{readFailed(d.name, v)})
			ok = false
		}
	}()
	return br.peek(), true
}

type streamFunc = func(io.Reader, schema.StreamFunc) (*schema.Node, schema.List)

// safe returns stream with a panic turned into a problem, for running it
// on a goroutine of its own, where a panic would end the program of
// whoever imports this package.
func (d *Decoder) safe(stream streamFunc) streamFunc {
	return func(r io.Reader, each schema.StreamFunc) (h *schema.Node, probs schema.List) {
		defer func() {
			if v := recover(); v != nil {
				h = nil
				probs = append(probs, readFailed(d.name, v))
			}
		}()
		return stream(r, each)
	}
}

// guardedReader turns a panic of the reader into an error, for the reading
// done on the caller's goroutine, where a panic of the caller's own code
// (in the loop over the matters) must stay a panic.
type guardedReader struct{ r io.Reader }

func (g guardedReader) Read(p []byte) (n int, err error) {
	defer func() {
		if v := recover(); v != nil {
			n, err = 0, &readPanic{v}
		}
	}()
	return g.r.Read(p)
}

// readFailed is the problem of a reader that panicked with v.
func readFailed(file string, v any) *schema.Problem {
	return schema.Errorf(schema.Root, schema.Pos{File: file}, schema.RuleInternal, "matters: reading failed: %v", v)
}

// readPanic is what a reader's panic becomes.
type readPanic struct{ v any }

func (e *readPanic) Error() string { return readFailed("", e.v).Message }

// sizeLimiter ends the input with an error once it passes max bytes.
type sizeLimiter struct {
	r         io.Reader
	left, max int64
}

func (l *sizeLimiter) Read(p []byte) (int, error) {
	if l.left <= 0 {
		// A document of max bytes exactly is not too large: is there more?
		var one [1]byte
		if n, err := l.r.Read(one[:]); n == 0 {
			return 0, err
		}
		return 0, &schema.SizeError{What: schema.M("catalogue document"), Max: l.max}
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// streamedKeys are the members of a catalogue read element by element;
// bundleKeys the one of them a reader may leave in the header.
var (
	streamedKeys = []string{"matters", "bundles"}
	bundleKeys   = []string{"bundles"}
)

// nodeLocator returns the positions of the paths under path, which is the
// path of n, from n's nodes.
func nodeLocator(n *schema.Node, path schema.Path) Locator {
	return func(p schema.Path) schema.Pos {
		rel := strings.TrimPrefix(p.String(), path.String())
		found, _ := n.Nearest(schema.ParsePointer(rel))
		return found.Pos
	}
}

// batchSize is how many matter nodes the reading goroutine hands over at a
// time: enough to make the hand-over cheap, few enough to keep memory flat.
const batchSize = 64

type nodeBatch struct {
	key    string // the member streamed
	first  int
	nodes  []*schema.Node
	header *schema.Node // with the first batch: the members read before the matters
}

// pipeline reads and parses on one goroutine while the caller's goroutine
// validates, decodes, checks and yields: reading and checking cost about
// the same for JSON, so two cores come close to halving the time. The reader
// hands over nodes it no longer touches; the header stays with it until
// the end.
func (d *Decoder) pipeline(r io.Reader, stream func(io.Reader, schema.StreamFunc) (*schema.Node, schema.List), each schema.StreamFunc) (*schema.Node, schema.List) {
	batches := make(chan nodeBatch, 4)
	done := make(chan struct{})
	type result struct {
		header *schema.Node
		probs  schema.List
	}
	res := make(chan result, 1)
	go func() {
		var cur nodeBatch
		send := func() bool {
			select {
			case batches <- cur:
				cur = nodeBatch{key: cur.key, first: cur.first + len(cur.nodes)}
				return true
			case <-done:
				return false
			}
		}
		h, probs := stream(r, func(h *schema.Node, key string, i int, n *schema.Node) bool {
			if key != cur.key && len(cur.nodes) > 0 && !send() {
				return false
			}
			if i == 0 {
				cur.key, cur.first = key, 0
			}
			if i == 0 && h != nil {
				// A copy of the top level: the reader goes on adding to h.
				// Streamed lists are left out: the reader may still be
				// handing over their elements.
				cur.header = &schema.Node{Kind: h.Kind, Pos: h.Pos, Fields: slices.Clone(h.Fields)}
				for j, f := range cur.header.Fields {
					if slices.Contains(streamedKeys, f.Key) && f.Value != nil {
						cur.header.Fields[j].Value = &schema.Node{Kind: schema.Array, Pos: f.Value.Pos}
					}
				}
			}
			cur.nodes = append(cur.nodes, n)
			return len(cur.nodes) < batchSize || send()
		})
		if len(cur.nodes) > 0 {
			send()
		}
		close(batches)
		res <- result{h, probs}
	}()
	stopped := false
	for b := range batches {
		if stopped {
			continue // drain, so the reader finishes
		}
		for k, n := range b.nodes {
			if !each(b.header, b.key, b.first+k, n) {
				stopped = true
				close(done)
				break
			}
		}
	}
	out := <-res
	if stopped {
		return nil, out.probs
	}
	return out.header, out.probs
}

// handler returns the function that takes each matter node from the
// reader, and a flag that tells whether the consumer stopped early.
func (d *Decoder) handler(yield func(int, *Matter) bool) (schema.StreamFunc, *bool) {
	var m Matter
	stopped := new(bool)
	return func(h *schema.Node, key string, i int, n *schema.Node) bool {
		if *stopped {
			return false
		}
		if key == "bundles" {
			d.bundle(h, i, n)
			return true
		}
		d.mattersSeen = true
		if i == 0 {
			d.setHeader(h)
		}
		m = Matter{}
		d.matter(&m, i, n)
		return d.deliver(i, &m, yield, stopped)
	}, stopped
}

// setHeader decodes the members read before the first matter, so that
// the catalogue's division (for the check that codes name it) and the rest
// of its header are known while matters stream. Their problems are
// reported once, when the whole header is checked at the end.
func (d *Decoder) setHeader(h *schema.Node) {
	if h == nil || h.Kind != schema.Object {
		return
	}
	var ignored schema.List
	d.header = decodeCatalogue(h, h, &ignored)
	if d.opts.OnBundle != nil {
		d.header.Bundles = nil // handed over
	}
	d.div, _ = ParseDivisionCode(d.header.Division.Code)
}

// matter validates, decodes and checks one matter.
func (d *Decoder) matter(m *Matter, i int, n *schema.Node) {
	path := matterPath(i)
	probs := d.sch.ValidateAt(n, path, "/$defs/matter")
	var decProbs schema.List
	decodeMatter(m, n, path, &decProbs)
	probs.Append(decProbs.Uncovered(probs))
	loc := nodeLocator(n, path)
	checkMatter(m, path, loc, &probs)
	checkCode(m, d.div, path, loc, &probs, &d.bodies)
	d.ix.add(string(m.Code), path, loc, &probs)
	d.ix.status(m)
	d.report(probs)
}

// matterFast is the one-pass decoder of a matter; nil when the schema's
// validator cannot be compiled for it.
var matterFast = sync.OnceValue(func() *schema.FastDecoder {
	return schema.Catalogue.FastDecoder("/$defs/matter", reflect.TypeFor[Matter](), "code")
})

func (d *Decoder) fastDecoder() *schema.FastDecoder {
	if d.opts.Reference || d.noFast {
		return nil
	}
	return matterFast()
}

// fastHandler returns the function that takes a matter straight from its
// text when it is valid and raises no problem; any other matter is left
// to each, which reads it as nodes and reports with positions.
func (d *Decoder) fastHandler(fd *schema.FastDecoder, yield func(int, *Matter) bool, stopped *bool) schema.FastFunc {
	var m Matter
	var marks [1]int
	var probs schema.List
	return func(h *schema.Node, key string, i int, e *schema.Element) schema.FastStatus {
		if *stopped {
			e.Stop = true
			return schema.FastOK
		}
		if key == "bundles" {
			return schema.FastFallback // few: read as nodes
		}
		if d.size > 0 {
			switch i {
			case 0:
				d.firstAt = e.Offset()
			case d.nextReserve:
				d.reserve(i, e.Offset())
			}
		}
		d.mattersSeen = true
		mp := &m
		var end int
		var st schema.FastStatus
		if d.ahead != nil {
			mp, end, st = d.ahead.decode(i, e, &m, marks[:])
		} else {
			m = Matter{}
			end, st = fd.Decode(e.Data, &m, marks[:])
		}
		if st != schema.FastOK {
			return st
		}
		if i == 0 {
			d.setHeader(h)
		}
		// The checks' problems are not reported from here (the matter is
		// then read again as nodes), so they need no path.
		probs = probs[:0]
		checkMatter(mp, schema.Root, noPos, &probs)
		checkCode(mp, d.div, schema.Root, noPos, &probs, &d.bodies)
		if len(probs) > 0 {
			return schema.FastFallback // to be reported with positions
		}
		if mp.Code != "" {
			pos := e.Pos(marks[0])
			if first, dup := d.ix.addAt(string(mp.Code), pos.Line); dup {
				var dp schema.List
				duplicateCode(string(mp.Code), first, matterPath(i), pos, &dp)
				d.report(dp)
			}
		}
		d.ix.status(mp)
		d.fastTaken++
		e.End = end
		e.Stop = !d.deliver(i, mp, yield, stopped)
		return schema.FastOK
	}
}

// deliver hands matter i to the caller and reports whether to go on.
func (d *Decoder) deliver(i int, m *Matter, yield func(int, *Matter) bool, stopped *bool) bool {
	if !yield(i, m) {
		*stopped = true
		return false
	}
	if d.opts.Progress != nil {
		d.opts.Progress(int64(i) + 1)
	}
	return true
}

// matterPath is the path of the i-th matter of a catalogue.
func matterPath(i int) schema.Path { return schema.Root.Key("matters").Index(i) }

// finish validates and decodes the header once the stream has ended, and
// runs the whole-catalogue checks.
func (d *Decoder) finish(header *schema.Node) {
	// Bundles a reader left in the header are taken as streamed ones.
	schema.Split(header, bundleKeys, func(h *schema.Node, _ string, i int, n *schema.Node) bool {
		d.bundle(h, i, n)
		return true
	})
	probs := d.sch.Validate(header)
	var decProbs schema.List
	d.header = decodeCatalogue(header, header, &decProbs)
	probs.Append(decProbs.Uncovered(probs))
	switch {
	case d.opts.OnBundle != nil:
		d.header.Bundles = nil // handed over
	case header.Get("bundles") != nil:
		d.header.Bundles = d.bundles
	}
	for i, n := range d.waiting {
		b := &d.bundle1
		if d.opts.OnBundle == nil {
			b = &d.bundles[i]
		} else {
			// Handed over and dropped: decoded again, its problems
			// already reported.
			*b = Bundle{}
			var ignored schema.List
			path := bundlePath(i)
			codec.Decode(n, b, n, path, &ignored)
		}
		d.checkBundle(i, b, n, &probs)
	}
	d.waiting = nil
	d.ix.free() // the stream has ended: nothing more to compare
	d.report(probs)
}

// bundle validates and decodes bundle i, and checks it if the matters have
// all been read, else keeps its nodes for the end; with OnBundle, it then
// hands the bundle over and keeps nothing else.
func (d *Decoder) bundle(_ *schema.Node, i int, n *schema.Node) {
	if i == 0 {
		// A later "bundles" member replaces an earlier one, as a
		// document read whole has it.
		d.bundles, d.waiting, d.bundleCodes = d.bundles[:0], nil, nil
		// The matters have all been read when one has been: bundles
		// stand before or after the matters, not among them. (The
		// header cannot tell: a copy of it, as the reading goroutine
		// hands over, holds no matters whether or not they were read.)
		// Bundles of a catalogue without matters wait for the end,
		// which finds the same problems.
		d.afterMatters = d.mattersSeen
	}
	path := bundlePath(i)
	probs := d.sch.ValidateAt(n, path, "/$defs/bundle")
	var decProbs schema.List
	b := &d.bundle1
	if d.opts.OnBundle == nil {
		d.bundles = append(d.bundles, Bundle{})
		b = &d.bundles[i]
	} else {
		*b = Bundle{}
	}
	codec.Decode(n, b, n, path, &decProbs)
	probs.Append(decProbs.Uncovered(probs))
	if d.afterMatters {
		d.checkBundle(i, b, n, &probs)
	} else {
		d.waiting = append(d.waiting, n)
	}
	d.report(probs)
	if d.opts.OnBundle != nil {
		d.opts.OnBundle(i, b)
	}
}

// bundlePath is the path of the i-th bundle of a catalogue.
func bundlePath(i int) schema.Path { return schema.Root.Key("bundles").Index(i) }

// checkBundle checks bundle i, b, against the matters read, with
// positions from its nodes.
func (d *Decoder) checkBundle(i int, b *Bundle, n *schema.Node, probs *schema.List) {
	loc := nodeLocator(n, bundlePath(i))
	if d.bundleCodes == nil {
		d.bundleCodes = map[uint64]int{}
	}
	d.ix.checkBundle(i, b, d.bundleCodes, loc, probs)
}

// peekReader lets the decoder look at the first non-blank byte of its input
// to tell JSON from YAML without consuming it.
type peekReader struct {
	r    io.Reader
	head []byte
}

// peek returns up to the first 4 KiB of the input without consuming them.
func (p *peekReader) peek() []byte {
	buf := make([]byte, 512)
	for len(p.head) < 4096 {
		n, err := p.r.Read(buf)
		p.head = append(p.head, buf[:n]...)
		if err != nil {
			break
		}
	}
	return p.head
}

func (p *peekReader) first() byte {
	buf := make([]byte, 512)
	for len(p.head) < 4096 {
		n, err := p.r.Read(buf)
		p.head = append(p.head, buf[:n]...)
		t := bytes.TrimLeft(bytes.TrimPrefix(p.head, []byte("\xEF\xBB\xBF")), " \t\r\n")
		if len(t) > 0 {
			return t[0]
		}
		if err != nil {
			break
		}
	}
	return 0
}

func (p *peekReader) Read(b []byte) (int, error) {
	if len(p.head) > 0 {
		n := copy(b, p.head)
		p.head = p.head[n:]
		return n, nil
	}
	return p.r.Read(b)
}
