package codeset

import (
	"math"
	"math/bits"
	"unsafe"
)

// A run is a bag's entries, sorted, each key once, coded in a stream of
// bits held in pieces of 64 KiB (the last one cut to the pages it needs).
//
// The stream is a sequence of blocks of blockLen entries (the last one
// fewer). A block starts with its Rice parameter k (6 bits), the least
// value of its entries (6 bits) and the width of their values above it
// (3 bits); then each entry: the gap from the previous key (its key's 58
// bits less the previous one's, less 1; the first key's gap is the key),
// Rice-coded — gap>>k in unary (that many 0 bits, then a 1), then its
// low k bits — and its value less the least, at the block's width. A gap
// whose unary part would be riceLimit or more is written as riceLimit 0
// bits, a 1 and the gap in 64 bits. Bits are written from the low end of
// each word up.
type run struct {
	pieces [][]uint64 // each as long as the words written in it
	off    []bool     // whether each piece is off the collected heap
	n      int        // entries
}

const (
	pieceWords = 8192 // a piece's words: 64 KiB
	blockLen   = 128  // entries a block
	riceLimit  = 24   // the unary part of a gap, at most
	noKey      = math.MaxUint64
)

func (r *run) free(mem *account) {
	for i, p := range r.pieces {
		mem.give(p, r.off[i])
	}
	*r = run{}
}

// account counts the memory a bag holds, and the most it held. It keeps a
// few pieces given back while runs merge, for the merge to write into, as
// mapping and unmapping memory costs more than copying it.
type account struct {
	held, peak int
	spare      [][]uint64 // pieces of pieceWords, off the heap
}

const maxSpare = 4

// take returns n words of zeroed memory from words (a spare piece need not
// be zeroed), counted.
func (a *account) take(n int) ([]uint64, bool) {
	if k := len(a.spare); n == pieceWords && k > 0 {
		w := a.spare[k-1]
		a.spare = a.spare[:k-1]
		return w[:n], true
	}
	w, off := words(n)
	a.held += 8 * cap(w)
	a.peak = max(a.peak, a.held)
	return w, off
}

// give gives back memory from take.
func (a *account) give(w []uint64, off bool) {
	if off && cap(w) == pieceWords && len(a.spare) < maxSpare {
		a.spare = append(a.spare, w[:0])
		return
	}
	a.held -= 8 * cap(w)
	freeWords(w, off)
}

// release gives back the spare pieces.
func (a *account) release() {
	for _, w := range a.spare {
		a.held -= 8 * cap(w)
		freeWords(w, true)
	}
	a.spare = nil
}

// words returns n words of zeroed memory (the capacity all the memory
// taken), and whether they are off the heap (as when they fill whole
// pages).
func words(n int) ([]uint64, bool) {
	block, off := alloc(8 * n)
	return unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(block))), len(block)/8)[:n], off
}

// freeWords gives back memory from words, now if it is off the heap.
func freeWords(w []uint64, off bool) {
	release(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(w))), 8*cap(w)), off)
}

// runWriter codes sorted entries, each key once, into a run.
type runWriter struct {
	mem   *account
	r     *run
	cur   []uint64 // the piece filling
	acc   uint64   // bits not yet in a word, from the low end
	nacc  uint
	block [blockLen]uint64 // entries of the block filling
	nb    int
	prev  uint64 // the key before the block's first; noKey before the first
}

func newRunWriter(mem *account) *runWriter {
	return &runWriter{mem: mem, r: &run{}, prev: noKey}
}

// add adds an entry whose key is above those added before.
func (w *runWriter) add(e uint64) {
	w.block[w.nb] = e
	if w.nb++; w.nb == blockLen {
		w.flush()
	}
}

// finish codes what is left and returns the run.
func (w *runWriter) finish() *run {
	w.flush()
	if w.nacc > 0 {
		w.word(w.acc)
		w.acc, w.nacc = 0, 0
	}
	r := w.r
	if len(r.pieces) > 0 {
		// Cut the last piece to the pages it needs.
		i := len(r.pieces) - 1
		r.pieces[i] = w.cur
		if last := w.cur; len(last) < cap(last) {
			p, off := w.mem.take(len(last))
			if cap(p) < cap(last) {
				copy(p, last)
				w.mem.give(last, r.off[i])
				r.pieces[i], r.off[i] = p, off
			} else {
				w.mem.give(p, off)
			}
		}
	}
	w.r, w.cur = nil, nil
	return r
}

// word appends a word to the stream.
func (w *runWriter) word(x uint64) {
	if len(w.cur) == cap(w.cur) {
		w.piece()
	}
	w.cur = append(w.cur, x)
}

// piece starts a new piece.
func (w *runWriter) piece() {
	if n := len(w.r.pieces); n > 0 {
		w.r.pieces[n-1] = w.cur
	}
	p, off := w.mem.take(pieceWords)
	w.cur = p[:0]
	w.r.pieces = append(w.r.pieces, w.cur)
	w.r.off = append(w.r.off, off)
}

// bits writes the low n bits of x (n ≤ 64; x has no higher ones).
func (w *runWriter) bits(x uint64, n uint) {
	w.acc |= x << w.nacc
	if w.nacc+n < 64 {
		w.nacc += n
		return
	}
	w.word(w.acc)
	used := 64 - w.nacc // bits of x in that word
	w.acc = x >> used   // 0 when used is 64
	w.nacc += n - 64
}

// flush codes the block filling.
func (w *runWriter) flush() {
	n := w.nb
	if n == 0 {
		return
	}
	var gaps [blockLen]uint64
	vmin, vmax := uint64(lowMask), uint64(0)
	prev, sum := w.prev, uint64(0)
	for i, e := range w.block[:n] {
		k := e >> lowBits
		gaps[i] = k - prev - 1 // the key itself after noKey
		prev = k
		sum += gaps[i] >> 7 // no overflow: a gap has 58 bits
		vmin, vmax = min(vmin, e&lowMask), max(vmax, e&lowMask)
	}
	k := riceParam(gaps[:n], sum)
	vw := uint(bits.Len64(vmax - vmin))
	w.bits(uint64(k)|vmin<<6|uint64(vw)<<12, 15)
	low := uint64(1)<<k - 1
	acc, nacc := w.acc, w.nacc
	for i, g := range gaps[:n] {
		v := w.block[i]&lowMask - vmin
		q := uint(g >> (k & 63))
		if t := q + 1 + k + vw; q < riceLimit && t <= 64 {
			// The common case, in one piece of at most 64 bits. (The
			// shifts are masked: all are below 64.)
			x := 1<<(q&63) | (g&low)<<((q+1)&63) | v<<((q+1+k)&63)
			acc |= x << (nacc & 63)
			if nacc += t; nacc >= 64 {
				if len(w.cur) == cap(w.cur) {
					w.piece()
				}
				w.cur = append(w.cur, acc)
				nacc -= 64
				acc = x >> 1 >> ((t - nacc - 1) & 63) // the bits of x left; 0 if none
			}
			continue
		}
		w.acc, w.nacc = acc, nacc
		if q < riceLimit {
			w.bits(1<<q, q+1)
			w.bits(g&low, k)
		} else {
			w.bits(1<<riceLimit, riceLimit+1)
			w.bits(g, 64)
		}
		w.bits(v, vw)
		acc, nacc = w.acc, w.nacc
	}
	w.acc, w.nacc = acc, nacc
	w.prev = prev
	w.r.n += n
	w.nb = 0
}

// riceParam returns the Rice parameter that codes gaps in the fewest
// bits: about log₂ of their mean, the best of three near it. sum is the
// sum of the gaps' bits above the lowest 7.
func riceParam(gaps []uint64, sum uint64) uint {
	n := uint64(len(gaps))
	k0 := bits.Len64(sum/n) + 7 - 1 // log₂ of the mean
	if sum == 0 {
		var lo uint64
		for _, g := range gaps {
			lo += g
		}
		k0 = bits.Len64(lo/n) - 1
	}
	k0 = max(k0, 1)
	// The bits of the unary parts for k0-1, k0 and k0+1, from y, the gap
	// shifted by k0-1 (capped as a gap coded whole): Σ⌊y/2⌋ = (Σy−Σ(y&1))/2
	// and Σ⌊y/4⌋ = (Σy−Σ(y&3))/4.
	var sy, s1, s3 uint64
	for _, g := range gaps {
		y := min(g>>(k0-1), riceLimit+64)
		sy += y
		s1 += y & 1
		s3 += y & 3
	}
	c := [3]uint64{sy, (sy-s1)/2 + n, (sy-s3)/4 + 2*n}
	best := 0
	for i := 1; i < 3; i++ {
		if c[i] < c[best] {
			best = i
		}
	}
	return uint(min(k0-1+best, 58))
}

// runReader reads a run's entries in order. A consuming one gives back
// each piece once read.
type runReader struct {
	mem     *account // a consuming one's
	r       *run
	consume bool
	piece   int      // the piece read
	p       []uint64 // its words
	pos     int      // the next word in it
	cur     uint64   // bits not yet read, from the low end; none above ncur
	ncur    uint
	nxt     uint64 // the word after them
	left    int    // entries not yet decoded
	prev    uint64 // the last key decoded
	buf     [blockLen]uint64
	bi, bn  int // the next entry in buf, and the entries there
}

func newRunReader(r *run, mem *account) runReader {
	rd := runReader{r: r, mem: mem, consume: mem != nil, left: r.n, prev: noKey, piece: -1}
	rd.nxt = rd.nextPiece()
	return rd
}

// word returns the next word of the stream, 0 past its end.
func (rd *runReader) word() uint64 {
	if rd.pos == len(rd.p) {
		return rd.nextPiece()
	}
	x := rd.p[rd.pos]
	rd.pos++
	return x
}

// nextPiece gives back the piece read, if consuming, and returns the first
// word of the next one.
func (rd *runReader) nextPiece() uint64 {
	if rd.consume && rd.piece >= 0 && rd.piece < len(rd.r.pieces) {
		rd.mem.give(rd.r.pieces[rd.piece], rd.r.off[rd.piece])
		rd.r.pieces[rd.piece] = nil
	}
	if rd.piece++; rd.piece >= len(rd.r.pieces) {
		rd.p, rd.pos = nil, 0
		return 0
	}
	rd.p, rd.pos = rd.r.pieces[rd.piece], 1
	return rd.p[0]
}

// peek returns the next 64 bits, not read.
func (rd *runReader) peek() uint64 { return rd.cur | rd.nxt<<rd.ncur }

// skip reads n bits (n ≤ 64).
func (rd *runReader) skip(n uint) {
	if n < rd.ncur {
		rd.cur >>= n
		rd.ncur -= n
		return
	}
	rd.refill(n)
}

// refill reads n bits, more than those of cur.
func (rd *runReader) refill(n uint) {
	n -= rd.ncur
	rd.cur = rd.nxt >> n
	rd.ncur = 64 - n
	rd.nxt = rd.word()
}

// bits reads n bits (n ≤ 64).
func (rd *runReader) bits(n uint) uint64 {
	x := rd.peek() & (1<<n - 1)
	rd.skip(n)
	return x
}

// next returns the next entry, or false at the end.
func (rd *runReader) next() (uint64, bool) {
	if rd.bi == rd.bn && !rd.block() {
		return 0, false
	}
	e := rd.buf[rd.bi]
	rd.bi++
	return e, true
}

// block decodes the next block into buf.
func (rd *runReader) block() bool {
	if rd.left == 0 {
		return false
	}
	n := min(blockLen, rd.left)
	h := rd.bits(15)
	k, vmin, vw := uint(h&63), h>>6&63, uint(h>>12)
	lowK, lowV := uint64(1)<<k-1, uint64(1)<<vw-1
	cur, ncur, nxt, prev := rd.cur, rd.ncur, rd.nxt, rd.prev
	for i := range n {
		x := cur | nxt<<ncur               // ncur may be 64
		q := uint(bits.TrailingZeros64(x)) // at most riceLimit
		var g, v uint64
		if t := q + 1 + k + vw; q < riceLimit && t <= 64 {
			// The common case, in the 64 bits at hand. (The shifts
			// masked are below 64.)
			x >>= (q + 1) & 63
			g = uint64(q)<<(k&63) | x&lowK
			v = x >> (k & 63) & lowV
			if t < ncur {
				cur >>= t & 63
				ncur -= t
			} else {
				t -= ncur
				cur, ncur = nxt>>t, 64-t
				if rd.pos < len(rd.p) {
					nxt = rd.p[rd.pos]
					rd.pos++
				} else {
					nxt = rd.nextPiece()
				}
			}
		} else {
			rd.cur, rd.ncur, rd.nxt = cur, ncur, nxt
			if q < riceLimit {
				rd.skip(q + 1)
				g = uint64(q)<<k | rd.bits(k)
			} else {
				rd.skip(riceLimit + 1)
				g = rd.bits(64)
			}
			v = rd.bits(vw)
			cur, ncur, nxt = rd.cur, rd.ncur, rd.nxt
		}
		prev += 1 + g
		rd.buf[i] = prev<<lowBits | (vmin + v)
	}
	rd.cur, rd.ncur, rd.nxt, rd.prev = cur, ncur, nxt, prev
	rd.left -= n
	rd.bi, rd.bn = 0, n
	return true
}

// close gives back what a consuming reader has not read.
func (rd *runReader) close() {
	if rd.consume {
		rd.r.free(rd.mem)
	}
}
