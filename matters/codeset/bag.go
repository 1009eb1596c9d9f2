package codeset

import (
	"iter"
	"maps"
	"runtime"
	"slices"
)

// Bag collects fingerprints with a small value each, as they come, and
// gives each distinct fingerprint once at the end, with its values
// combined. It holds them sorted and coded in about as many bits as they
// carry: about 6 bytes an entry for a million distinct ones with random
// values; a fingerprint added again is held again only until the runs
// holding it merge, soon. It keeps a fingerprint's top 58 bits: two
// distinct ones of n are taken for one with a probability of about n²/2⁵⁹
// (2·10⁻⁶ for a million). Values up to [MaxSmall] are held in the entry; a
// larger one is held apart, as a rare case. The zero Bag is empty and
// ready to use; a Bag is not safe for concurrent use.
type Bag struct {
	fill    []uint64 // entries as they come
	fillOff bool     // whether fill is off the collected heap
	runs    []*run   // sorted entries, each run more than twice the next
	n       int
	large   map[uint64]uint32 // values above MaxSmall, combined, by key
	keep    func(a, b uint32) uint32
	mem     account
	final   bool   // the finalizer is set
	changes uint64 // runs made or merged: readers of the old ones stop
}

// MaxSmall is the largest value a Bag holds in the entry itself.
const MaxSmall = lowMask - 1

const (
	escape   = lowMask // an entry's value is in large
	minChunk = 64      // entries of the first chunk
	maxChunk = 8192    // of a full chunk: 64 KiB
)

// NewBag returns an empty bag whose values of one fingerprint combine by
// keep, which must be commutative and associative (min, say); equal values
// are taken as one, without keep.
func NewBag(keep func(a, b uint32) uint32) *Bag { return &Bag{keep: keep} }

// Len returns the number of entries added (with those of merged bags),
// distinct or not.
func (b *Bag) Len() int { return b.n }

// Add adds fp with the value v.
func (b *Bag) Add(fp uint64, v uint32) {
	b.put(fp&^lowMask, v)
	b.n++
}

// put adds the key f (a fingerprint's top 58 bits) with the value v.
func (b *Bag) put(f uint64, v uint32) {
	if v > MaxSmall {
		b.fold(f, v)
		v = escape
	}
	b.push(f | uint64(v))
}

// fold combines v into the value held apart for the key f.
func (b *Bag) fold(f uint64, v uint32) {
	if b.large == nil {
		b.large = map[uint64]uint32{}
	}
	if old, ok := b.large[f]; ok && old != v {
		v = b.keep(old, v)
	}
	b.large[f] = v
}

func (b *Bag) push(e uint64) {
	if len(b.fill) == cap(b.fill) {
		if c := cap(b.fill); c < maxChunk {
			w, off := b.mem.take(max(minChunk, 2*c))
			copy(w, b.fill)
			b.mem.give(b.fill, b.fillOff)
			b.fill, b.fillOff = w[:c], off
			b.owned(off)
		} else {
			b.seal()
		}
	}
	b.fill = append(b.fill, e)
}

// owned sets the finalizer once the bag holds memory off the heap.
func (b *Bag) owned(off bool) {
	if off && !b.final {
		b.final = true
		runtime.SetFinalizer(b, (*Bag).Free)
	}
}

// seal codes the full chunk into a run, and merges the last two runs
// while the one before is at most twice the last. Each run is then more
// than twice the next, so an entry is merged about log₂(n/8192) times, as
// a binary counter carries, and the runs after the first hold fewer
// entries than it: keys added again and again are held less than twice.
func (b *Bag) seal() {
	tmp, off := b.mem.take(len(b.fill))
	sortKeys(b.fill, tmp)
	b.mem.give(tmp, off)
	w := newRunWriter(&b.mem)
	for i := 0; i < len(b.fill); {
		e := b.fill[i]
		f := e &^ lowMask
		for i++; i < len(b.fill) && b.fill[i]&^lowMask == f; i++ {
			e = f | b.unite(f, e&lowMask, b.fill[i]&lowMask)
		}
		w.add(e)
	}
	b.fill = b.fill[:0]
	b.runs = append(b.runs, w.finish())
	for n := len(b.runs); n >= 2 && b.runs[n-2].n <= 2*b.runs[n-1].n; n = len(b.runs) {
		m := b.mergeRuns(b.runs[n-2], b.runs[n-1])
		b.runs[n-1] = nil
		b.runs = append(b.runs[:n-2], m)
	}
	b.mem.release()
	for _, off := range b.runs[len(b.runs)-1].off {
		b.owned(off)
	}
	b.changes++
}

// mergeRuns merges two runs into one, giving back each piece of theirs as
// soon as it is read: the bag never holds both whole and the result.
func (b *Bag) mergeRuns(x, y *run) *run {
	w := newRunWriter(&b.mem)
	rx, ry := newRunReader(x, &b.mem), newRunReader(y, &b.mem)
	ex, okx := rx.next()
	ey, oky := ry.next()
	for okx && oky {
		switch kx, ky := ex&^lowMask, ey&^lowMask; {
		case kx < ky:
			w.add(ex)
			ex, okx = rx.next()
		case ky < kx:
			w.add(ey)
			ey, oky = ry.next()
		default:
			w.add(kx | b.unite(kx, ex&lowMask, ey&lowMask))
			ex, okx = rx.next()
			ey, oky = ry.next()
		}
	}
	for ; okx; ex, okx = rx.next() {
		w.add(ex)
	}
	for ; oky; ey, oky = ry.next() {
		w.add(ey)
	}
	rx.close()
	ry.close()
	return w.finish()
}

// unite returns the value of one entry standing for two of the key f with
// the values x and y: escape when either is, with the other combined into
// the value held apart, or when the combined value is above MaxSmall.
func (b *Bag) unite(f, x, y uint64) uint64 {
	switch {
	case x == y:
		return x
	case x == escape:
		b.fold(f, uint32(y))
		return escape
	case y == escape:
		b.fold(f, uint32(x))
		return escape
	}
	v := b.keep(uint32(x), uint32(y))
	if v > MaxSmall {
		b.fold(f, v)
		return escape
	}
	return uint64(v)
}

// Merge adds every entry of o to b.
func (b *Bag) Merge(o *Bag) {
	if o == nil {
		return
	}
	if o == b {
		o = b.Clone()
		defer o.Free()
	}
	for e := range o.entries() {
		f, v := e&^lowMask, uint32(e&lowMask)
		if v == escape {
			v = o.large[f]
		}
		b.put(f, v)
	}
	b.n += o.n
	runtime.KeepAlive(o)
}

// entries yields the entries the bag holds, each run's in order, then the
// chunk filling's.
func (b *Bag) entries() iter.Seq[uint64] {
	return func(yield func(uint64) bool) {
		changes := b.changes
		for _, r := range b.runs {
			rd := newRunReader(r, nil)
			for e, ok := rd.next(); ok; e, ok = rd.next() {
				if !yield(e) {
					return
				}
				b.unchanged(changes)
			}
		}
		for _, e := range b.fill {
			if !yield(e) {
				return
			}
		}
	}
}

// unchanged panics if the runs changed since a reader started, rather than
// let it read memory given back.
func (b *Bag) unchanged(changes uint64) {
	if b.changes != changes {
		panic("codeset: Bag changed while read")
	}
}

// Clone returns a copy of b.
func (b *Bag) Clone() *Bag {
	c := NewBag(b.keep)
	c.n = b.n
	if len(b.large) > 0 {
		c.large = maps.Clone(b.large)
	}
	for _, r := range b.runs {
		cr := &run{n: r.n}
		for _, p := range r.pieces {
			w, off := c.mem.take(len(p))
			copy(w, p)
			cr.pieces, cr.off = append(cr.pieces, w), append(cr.off, off)
			c.owned(off)
		}
		c.runs = append(c.runs, cr)
	}
	if len(b.fill) > 0 {
		w, off := c.mem.take(cap(b.fill))
		c.fill, c.fillOff = w[:copy(w, b.fill)], off
		c.owned(off)
	}
	runtime.KeepAlive(b)
	return c
}

// Bytes returns the memory the bag holds for its entries (the values held
// apart not counted).
func (b *Bag) Bytes() int { return b.mem.held }

// Distinct yields each fingerprint added once, in increasing order, with
// its values combined. A bag keeps a fingerprint's top 58 bits: those
// equal in them are one, and are yielded with the low 6 bits 0. Reading
// changes nothing; the bag must not change while it is read.
func (b *Bag) Distinct() iter.Seq2[uint64, uint32] {
	return func(yield func(uint64, uint32) bool) {
		defer runtime.KeepAlive(b)
		changes := b.changes
		h := make(cursors, 0, len(b.runs)+1)
		for _, r := range b.runs {
			c := &cursor{rd: newRunReader(r, nil)}
			if c.next() {
				h = append(h, c)
			}
		}
		if len(b.fill) > 0 {
			// The chunk filling is sorted in a copy: reading changes
			// nothing.
			c := &cursor{rest: slices.Sorted(slices.Values(b.fill)), fill: true}
			if c.next() {
				h = append(h, c)
			}
		}
		h.init()
		for len(h) > 0 {
			f := h[0].e &^ lowMask
			var small, large uint32
			hasSmall, hasLarge := false, false
			for len(h) > 0 && h[0].e&^lowMask == f {
				switch v := uint32(h[0].e & lowMask); {
				case v == escape:
					large, hasLarge = b.large[f], true
				case !hasSmall:
					small, hasSmall = v, true
				case v != small:
					small = b.keep(small, v)
				}
				if h[0].next() {
					h.down(0)
				} else {
					h.pop()
				}
			}
			v := small
			switch {
			case hasLarge && hasSmall && small != large:
				v = b.keep(small, large)
			case hasLarge:
				v = large
			}
			if !yield(f, v) {
				return
			}
			b.unchanged(changes)
		}
	}
}

// Free gives back the bag's memory now and empties it.
func (b *Bag) Free() {
	b.mem.give(b.fill, b.fillOff)
	for _, r := range b.runs {
		r.free(&b.mem)
	}
	b.mem.release()
	*b = Bag{keep: b.keep, final: b.final, changes: b.changes + 1}
}

// cursor reads a run, or the sorted copy of the chunk filling.
type cursor struct {
	e    uint64 // the entry read
	rd   runReader
	rest []uint64
	fill bool
}

func (c *cursor) next() bool {
	if c.fill {
		if len(c.rest) == 0 {
			return false
		}
		c.e, c.rest = c.rest[0], c.rest[1:]
		return true
	}
	e, ok := c.rd.next()
	c.e = e
	return ok
}

// cursors is a heap of cursors, by their entries' keys.
type cursors []*cursor

func (h cursors) less(i, j int) bool { return h[i].e&^lowMask < h[j].e&^lowMask }

func (h cursors) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h cursors) down(i int) {
	for {
		c := 2*i + 1
		if c >= len(h) {
			return
		}
		if c+1 < len(h) && h.less(c+1, c) {
			c++
		}
		if !h.less(c, i) {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}

func (h *cursors) pop() {
	old := *h
	n := len(old) - 1
	old[0] = old[n]
	old[n] = nil
	*h = old[:n]
	h.down(0)
}
