package matters

import (
	"bytes"
	"sync"
	"sync/atomic"

	"github.com/zwfw/zwfw/schema"
)

// ahead reads matters of a JSON catalogue ahead of the stream on a second
// goroutine, so that a decoder with two CPUs decodes on both.
//
// The stream hands the decoder one element at a time. At an element, the
// decoder gives the reader ahead a copy of the text that follows: it
// passes over the first elements of the copy by their brackets and quotes
// only (the decoder reads those itself meanwhile) and decodes the next
// ones in one pass. When the stream comes to an element read ahead, the
// decoder takes the result instead of reading the element again, and
// gives the reader ahead the text after the last one, so that it reads on
// while the decoder checks, counts and yields. How many elements the
// decoder reads itself follows which of the two waited for the other.
//
// A result is taken only for the element of the same index at the same
// offset of the document: it is the one-pass reading of the same bytes,
// and the text stays read in order. Every check, the index of codes and
// the caller's code run on the decoder's goroutine, in order, so problems,
// matters and their order are those of one goroutine. A matter the reader
// ahead does not take in one pass (one with something to report, a text
// cut by the copy's end) ends its batch; the stream then reads it as it
// would alone.
type ahead struct {
	fd      *schema.FastDecoder
	batch   int // elements a job covers
	skip    int // of them, the ones the decoder reads itself
	minText int // less text left than this: read on alone until more is read
	taken   int // results taken, for tests

	jobs    chan *aheadJob
	results chan *aheadJob
	stop    atomic.Bool
	exited  sync.WaitGroup
	started bool

	out     bool      // a job is out
	expect  int       // the index of the first element the job out decodes
	cur     *aheadJob // the batch whose results are being taken
	free    []*aheadJob
	avg     int // the bytes of an element with its separator, on average
	cool    int // elements to wait before giving out a job again
	backoff int // the next cool: doubled after each batch read empty
}

// aheadJob is a piece of the text to read ahead and, once read, its
// results. It passes between the two goroutines through channels, so
// only one of them holds it at a time.
type aheadJob struct {
	data  []byte // a copy of the text from the element at index
	off   int64  // the offset of data[0] in the document
	index int    // the index of the element at data[0]
	skip  int    // elements to pass over
	max   int    // elements to decode after them, at most

	res   []aheadResult // res[:n] are decoded, from index first on
	n     int
	first int
	next  int64 // the offset of the element after the last result; -1 if not known
	taken int   // results the decoder has taken
}

// aheadResult is one element read ahead.
type aheadResult struct {
	m    Matter
	off  int64 // the element's offset in the document
	end  int   // its length
	mark int   // the offset of its code in it, or -1
}

// Defaults of the reader ahead: a job covers 256 elements, of which the
// decoder reads a third itself at first, and is given out only with 16 KiB
// of text or more.
const (
	aheadBatch   = 256
	aheadMinText = 16 << 10
)

func newAhead(fd *schema.FastDecoder, batch, minText int) *ahead {
	batch = max(batch, 2)
	return &ahead{fd: fd, batch: batch, skip: max(batch/3, 1), minText: minText, avg: 1024}
}

// decode reads element i into m as [schema.FastDecoder.Decode] does, or
// returns the matter read ahead for it instead, which stays the decoder's
// until the next call.
func (a *ahead) decode(i int, e *schema.Element, m *Matter, marks []int) (*Matter, int, schema.FastStatus) {
	off := e.Offset()
	if a.cur == nil && a.out && i >= a.expect {
		a.receive(i, e, off)
	}
	if j := a.cur; j != nil {
		k := i - j.first
		if k == j.taken && k < j.n && j.res[k].off == off {
			r := &j.res[k]
			marks[0] = r.mark
			j.taken++
			a.taken++
			if j.taken == j.n {
				// Given back now, read again only after the next call.
				a.release(j)
			}
			return &r.m, r.end, schema.FastOK
		}
		// The stream is not where the batch is: drop it, and the job
		// given out from it.
		a.release(j)
		a.drain()
	}
	if !a.out {
		a.giveOut(i, e.Data, off)
	}
	*m = Matter{}
	end, st := a.fd.Decode(e.Data, m, marks)
	return m, end, st
}

// receive takes the results of the job out, at the stream's element i,
// and gives out the next job from the text after them.
func (a *ahead) receive(i int, e *schema.Element, off int64) {
	var j *aheadJob
	select {
	case j = <-a.results:
		// Ready: the reader ahead had time to spare; read less here.
		a.skip = max(a.skip-max(a.batch/32, 1), 1)
	default:
		j = <-a.results
		a.skip = min(a.skip+max(a.batch/16, 1), a.batch-1)
	}
	a.out = false
	if j.n == 0 || j.first != i || j.res[0].off != off {
		a.release(j)
		a.cool = a.backoff
		a.backoff = min(max(2*a.backoff, 8), 4096)
		return
	}
	a.backoff = 0
	a.cur = j
	if j.next < 0 {
		return // where the next element starts is not known
	}
	span := int(j.next - off)
	a.avg = (a.avg + span/j.n) / 2
	if span < len(e.Data) {
		a.giveOut(j.first+j.n, e.Data[span:], j.next)
	}
}

// giveOut gives the reader ahead the text from the element at index, at
// offset off, unless too little of it is read yet.
func (a *ahead) giveOut(index int, text []byte, off int64) {
	if a.cool > 0 {
		a.cool--
		return
	}
	if len(text) < max(a.minText, 1) {
		return
	}
	var j *aheadJob
	if n := len(a.free); n > 0 {
		j, a.free = a.free[n-1], a.free[:n-1]
	} else {
		j = &aheadJob{res: make([]aheadResult, a.batch)}
	}
	want := min(len(text), a.batch*a.avg*5/4+4096)
	j.data = append(j.data[:0], text[:want]...)
	j.off, j.index, j.skip, j.max, j.taken = off, index, a.skip, a.batch-a.skip, 0
	if !a.started {
		a.started = true
		a.jobs = make(chan *aheadJob, 1)
		a.results = make(chan *aheadJob, 1)
		a.exited.Add(1)
		go a.run()
	}
	a.jobs <- j
	a.out = true
	a.expect = index + j.skip
}

// release takes back a batch whose results are taken or dropped. Its
// matters are dropped as the reader ahead decodes the next job into it.
func (a *ahead) release(j *aheadJob) {
	if a.cur == j {
		a.cur = nil
	}
	a.free = append(a.free, j)
}

// drain waits for the job out and drops its results.
func (a *ahead) drain() {
	if a.out {
		a.release(<-a.results)
		a.out = false
	}
}

// close stops the reader ahead and waits for it to end.
func (a *ahead) close() {
	if !a.started {
		return
	}
	a.stop.Store(true)
	a.drain()
	close(a.jobs)
	a.exited.Wait()
	a.started = false
}

// run is the reader ahead: it reads each job given out and hands it back.
func (a *ahead) run() {
	defer a.exited.Done()
	fd, marks := a.fd, make([]int, 1)
	for j := range a.jobs {
		a.read(fd, j, marks)
		a.results <- j
	}
}

// read passes over j.skip elements of j.data and decodes up to j.max
// more, stopping at the first that the one pass does not take.
func (a *ahead) read(fd *schema.FastDecoder, j *aheadJob, marks []int) {
	j.n, j.first, j.next = 0, j.index+j.skip, -1
	p := 0
	for k := 0; k < j.skip; k++ {
		end, ok := skipObject(j.data, p)
		if !ok {
			return
		}
		if p, ok = nextElement(j.data, end); !ok {
			return
		}
	}
	defer func() {
		if recover() != nil {
			j.n, j.next = 0, -1 // the decoder reads them again and meets it there
		}
	}()
	for j.n < j.max {
		if j.n%16 == 0 && a.stop.Load() {
			return
		}
		r := &j.res[j.n]
		r.m = Matter{}
		end, st := fd.Decode(j.data[p:], &r.m, marks)
		if st != schema.FastOK {
			return
		}
		r.off, r.end, r.mark = j.off+int64(p), end, marks[0]
		j.n++
		var ok bool
		if p, ok = nextElement(j.data, p+end); !ok {
			j.next = -1
			return
		}
		j.next = j.off + int64(p)
	}
}

// skipObject returns the offset just past the JSON object that starts at
// data[p], found by its brackets and quotes alone; false when the text
// ends first or does not start an object.
func skipObject(data []byte, p int) (int, bool) {
	if p >= len(data) || data[p] != '{' {
		return 0, false
	}
	depth := 0
	for p < len(data) {
		switch data[p] {
		case '"':
			q := p + 1
			for {
				k := bytes.IndexByte(data[q:], '"')
				if k < 0 {
					return 0, false
				}
				q += k
				b := q - 1
				for data[b] == '\\' {
					b--
				}
				if (q-1-b)%2 == 0 { // not escaped
					break
				}
				q++
			}
			p = q + 1
		case '{', '[':
			depth++
			p++
		case '}', ']':
			depth--
			p++
			if depth == 0 {
				return p, true
			}
		default:
			p++
		}
	}
	return 0, false
}

// nextElement returns the offset of the element after the one that ends
// at data[p]: past white space, a comma and white space, as the stream
// reads them; false at the array's end or the text's.
func nextElement(data []byte, p int) (int, bool) {
	p = blank(data, p)
	if p >= len(data) || data[p] != ',' {
		return 0, false
	}
	p = blank(data, p+1)
	return p, p < len(data)
}

// blank returns the offset of the first byte of data from p on that is
// not JSON white space, or len(data).
func blank(data []byte, p int) int {
	return len(data) - len(bytes.TrimLeft(data[p:], " \t\n\r"))
}
