package codeset

import (
	"cmp"
	"container/heap"
	"iter"
	"runtime"
	"slices"
	"unsafe"
)

// Bag collects fingerprints with a small value each, as they come, and
// gives each distinct fingerprint once at the end, with its values
// combined. It takes 8 bytes an entry added, distinct or not, and nothing
// more: no table to keep some of free, no lookup an entry. It keeps a
// fingerprint's top 58 bits: two distinct ones of n are taken for one
// with a probability of about n²/2⁵⁹ (2·10⁻⁶ for a million). Values up to
// [MaxSmall] are held in the entry; a larger one is held apart, as a rare
// case. The zero Bag is empty and ready to use; a Bag is not safe for
// concurrent use.
type Bag struct {
	chunks [][]uint64 // each full one sorted; the last one filling
	off    []bool     // whether each chunk is off the collected heap
	sorted int        // entries of the last chunk that are sorted
	n      int
	large  map[uint64]uint32 // values above MaxSmall, combined, by key
	keep   func(a, b uint32) uint32
	final  bool // the finalizer is set
}

// MaxSmall is the largest value a Bag holds in the entry itself.
const MaxSmall = lowMask - 1

const (
	escape   = lowMask // an entry's value is in large
	minChunk = 64      // entries of the first chunk
	maxChunk = 8192    // and of every chunk from the eighth: 64 KiB
)

// NewBag returns an empty bag whose values of one fingerprint combine by
// keep (which must be commutative and associative: min, say).
func NewBag(keep func(a, b uint32) uint32) *Bag { return &Bag{keep: keep} }

// Len returns the number of entries added.
func (b *Bag) Len() int { return b.n }

// Add adds fp with the value v.
func (b *Bag) Add(fp uint64, v uint32) {
	f := fp &^ lowMask
	if v > MaxSmall {
		if b.large == nil {
			b.large = map[uint64]uint32{}
		}
		if old, ok := b.large[f]; ok {
			v = b.keep(old, v)
		}
		b.large[f] = v
		v = escape
	}
	b.push(f | uint64(v))
}

func (b *Bag) push(e uint64) {
	n := len(b.chunks)
	if n == 0 || len(b.chunks[n-1]) == cap(b.chunks[n-1]) {
		if n > 0 {
			b.sortLast()
		}
		size := min(minChunk<<n, maxChunk)
		w, off := words(size)
		b.chunks = append(b.chunks, w[:0])
		b.off = append(b.off, off)
		b.sorted = 0
		if size == maxChunk && !b.final {
			b.final = true
			runtime.SetFinalizer(b, (*Bag).Free)
		}
	}
	last := &b.chunks[len(b.chunks)-1]
	*last = append(*last, e)
	b.n++
}

func (b *Bag) sortLast() {
	if n := len(b.chunks); n > 0 && b.sorted < len(b.chunks[n-1]) {
		slices.Sort(b.chunks[n-1])
		b.sorted = len(b.chunks[n-1])
	}
}

// words returns n words of zeroed memory, and whether they are off the
// heap (as when they fill whole pages).
func words(n int) ([]uint64, bool) {
	block, off := alloc(8 * n)
	return unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(block))), n), off
}

func freeWords(w []uint64, off bool) {
	w = w[:cap(w)]
	t := table{b: unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(w))), 8*len(w)), off: off}
	t.free()
}

// Merge adds every entry of o to b.
func (b *Bag) Merge(o *Bag) {
	if o == nil {
		return
	}
	for _, c := range o.chunks {
		for _, e := range c {
			if e&lowMask == escape {
				b.Add(e, o.large[e&^lowMask])
			} else {
				b.push(e)
			}
		}
	}
	runtime.KeepAlive(o)
}

// Clone returns a copy of b.
func (b *Bag) Clone() *Bag {
	c := NewBag(b.keep)
	c.Merge(b)
	return c
}

// Distinct yields each fingerprint added once, in increasing order, with
// its values combined. A bag keeps a fingerprint's top 58 bits: those
// equal in them are one, and are yielded with the low 6 bits 0.
func (b *Bag) Distinct() iter.Seq2[uint64, uint32] {
	return func(yield func(uint64, uint32) bool) {
		defer runtime.KeepAlive(b)
		h := make(cursors, 0, len(b.chunks))
		for i, c := range b.chunks {
			if i == len(b.chunks)-1 && b.sorted < len(c) {
				// The chunk filling is sorted in a copy: reading
				// changes nothing.
				c = slices.Sorted(slices.Values(c))
			}
			if len(c) > 0 {
				h = append(h, c)
			}
		}
		heap.Init(&h)
		for len(h) > 0 {
			e := h[0][0]
			fp, v := e&^lowMask, uint32(e&lowMask)
			var large uint32
			hasLarge := false
			for {
				// Take e off its chunk.
				if h[0] = h[0][1:]; len(h[0]) == 0 {
					heap.Pop(&h)
				} else {
					heap.Fix(&h, 0)
				}
				if ev := uint32(e & lowMask); ev == escape {
					large, hasLarge = b.large[fp], true
				} else if ev != v {
					v = b.combine(v, ev)
				}
				if len(h) == 0 || h[0][0]&^lowMask != fp {
					break
				}
				e = h[0][0]
			}
			if v == escape {
				v = large
			} else if hasLarge {
				v = b.keep(v, large)
			}
			if !yield(fp, v) {
				return
			}
		}
	}
}

// combine combines two small values of one fingerprint, either of which
// may be escape.
func (b *Bag) combine(a, c uint32) uint32 {
	switch {
	case a == escape:
		return c
	case c == escape:
		return a
	}
	return b.keep(a, c)
}

// Free gives back the bag's memory now and empties it.
func (b *Bag) Free() {
	for i, c := range b.chunks {
		freeWords(c, b.off[i])
	}
	*b = Bag{keep: b.keep, final: b.final}
}

// cursors is a heap of sorted chunks, by their first entry.
type cursors [][]uint64

func (h cursors) Len() int           { return len(h) }
func (h cursors) Less(i, j int) bool { return cmp.Less(h[i][0], h[j][0]) }
func (h cursors) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *cursors) Push(x any)        { *h = append(*h, x.([]uint64)) }
func (h *cursors) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
