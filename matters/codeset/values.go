package codeset

import (
	"math/bits"
	"slices"
)

// seqBlock is the number of values packed together in a valueSeq.
const seqBlock = 128

// valueSeq holds a set's values in the order they were added, packed: a
// block of 128 is its first value and the differences from each value to
// the next, zigzag-coded (0, −1, 1, −2 … as 0, 1, 2, 3 …) in the bits the
// block's largest one needs. Values that grow slowly from one entry to
// the next, as the lines of a document's codes do, take a few bits each;
// any others at most 33. The block being filled is kept as it is.
//
// Reading a value decodes its block up to it: a few hundred nanoseconds,
// paid when a fingerprint is found again, not when it is added.
type valueSeq struct {
	pending []uint32 // the block being filled
	// heads holds two words a full block: its first value | its width
	// << 32, then the chunk | the word of the chunk its differences
	// start at.
	heads  []uint64
	chunks [][]uint64
	off    []bool // whether each chunk is off the collected heap
	used   int    // words of the last chunk in use
}

func zigzag(d int64) uint64   { return uint64(d<<1 ^ d>>63) }
func unzigzag(u uint64) int64 { return int64(u>>1) ^ -int64(u&1) }

// add appends v.
func (q *valueSeq) add(v uint32) {
	if q.pending == nil {
		q.pending = make([]uint32, 0, seqBlock)
	}
	q.pending = append(q.pending, v)
	if len(q.pending) == seqBlock {
		q.pack()
	}
}

// pack packs the block being filled.
func (q *valueSeq) pack() {
	p := q.pending
	var or uint64
	for i := 1; i < len(p); i++ {
		or |= zigzag(int64(p[i]) - int64(p[i-1]))
	}
	width := bits.Len64(or)
	need := ((len(p)-1)*width + 63) / 64
	if n := len(q.chunks); n == 0 || q.used+need > len(q.chunks[n-1]) {
		size := 8192 // 64 KiB, from the sixth chunk on
		if n < 5 {
			size = 256 << n
		}
		w, off := words(max(need, size))
		q.chunks = append(q.chunks, w)
		q.off = append(q.off, off)
		q.used = 0
	}
	w := q.chunks[len(q.chunks)-1][q.used : q.used+need]
	pos := 0
	for i := 1; i < len(p) && width > 0; i++ {
		d := zigzag(int64(p[i]) - int64(p[i-1]))
		w[pos/64] |= d << (pos % 64)
		if pos%64+width > 64 {
			w[pos/64+1] |= d >> (64 - pos%64)
		}
		pos += width
	}
	q.heads = append(q.heads, uint64(p[0])|uint64(width)<<32, uint64(len(q.chunks)-1)<<32|uint64(q.used))
	q.used += need
	q.pending = q.pending[:0]
}

// at returns value i.
func (q *valueSeq) at(i uint64) uint32 {
	blk, k := int(i/seqBlock), int(i%seqBlock)
	if blk == len(q.heads)/2 {
		return q.pending[k]
	}
	head, place := q.heads[2*blk], q.heads[2*blk+1]
	v, width := int64(uint32(head)), int(head>>32)
	if width == 0 {
		return uint32(v)
	}
	w := q.chunks[place>>32][uint32(place):]
	mask := uint64(1)<<width - 1
	for pos := 0; pos < k*width; pos += width {
		d := w[pos/64] >> (pos % 64)
		if pos%64+width > 64 {
			d |= w[pos/64+1] << (64 - pos%64)
		}
		v += unzigzag(d & mask)
	}
	return uint32(v)
}

func (q *valueSeq) clone() valueSeq {
	c := valueSeq{pending: slices.Clone(q.pending), heads: slices.Clone(q.heads), used: q.used}
	for _, ch := range q.chunks {
		w, off := words(len(ch))
		copy(w, ch)
		c.chunks = append(c.chunks, w)
		c.off = append(c.off, off)
	}
	return c
}

func (q *valueSeq) bytes() int {
	n := 4*cap(q.pending) + 8*cap(q.heads)
	for _, ch := range q.chunks {
		n += 8 * cap(ch)
	}
	return n
}

func (q *valueSeq) free() {
	for i, ch := range q.chunks {
		freeWords(ch, q.off[i])
	}
	*q = valueSeq{}
}
