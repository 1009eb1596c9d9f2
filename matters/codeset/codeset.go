package codeset

import (
	"iter"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sync/atomic"
	"unsafe"
)

const (
	shardBits = 6
	nShards   = 1 << shardBits
	// restBits are the bits of a (mixed) fingerprint below its shard's.
	restBits = 64 - shardBits
	restMask = 1<<restBits - 1
	// Of those, a slot holds the low 26 as they are; the top 32 choose the
	// first bucket, and only their offset from the first of its range is
	// held.
	lowKeyBits = 26
	lowKeyMask = 1<<lowKeyBits - 1
	// A Bag's entry holds a value's low 6 bits.
	lowBits = 6
	lowMask = 1<<lowBits - 1
	// MaxValue is the largest value a set holds.
	MaxValue = math.MaxInt32
	slots    = 8 // a bucket's
	// stride is the words a bucket takes: its slots' words, then one word
	// of 8 bytes, a byte a slot.
	stride = slots + 1
	// A shard grows by about 20 % when an insertion would fill it beyond
	// maxLoadPct percent, or when maxMoves moves cannot place an entry.
	growth     = 1.2
	maxLoadPct = 93
	maxMoves   = 1000
)

// Set maps 64-bit fingerprints to values up to [MaxValue]. The zero Set is
// not usable; make one with New. A Set is not safe for concurrent use.
type Set struct {
	rand   uint32 // xorshift state, to choose whom to move
	n      int
	shards [nShards]*shard // nil until a fingerprint of the shard is added
	vals   valueSeq        // the values, in the order of insertion
}

type shard struct {
	table
	// stash holds what found no place in the table: rarely anything, as
	// the fingerprints are mixed first, unless many share their bits.
	stash []entry
	n     int32 // entries held
	grown int32 // times grown
}

// entry is a fingerprint's bits below its shard's, and its number.
type entry struct {
	rest uint64
	ord  uint32
}

// maxStash is how many entries a shard's stash takes before the shard
// grows, if it is full enough that growing helps.
const maxStash = 8

// mix spreads the bits of a fingerprint, one to one, so that fingerprints
// that are not random (1, 2, 3 …) fill the buckets evenly too.
func mix(x uint64) uint64 {
	x ^= x >> 32
	x *= mixMul
	return x ^ x>>32
}

// unmix undoes mix.
func unmix(x uint64) uint64 {
	x ^= x >> 32
	x *= mixInv
	return x ^ x>>32
}

const mixMul = 0xd6e8feb86659fd93

// mixInv is the inverse of mixMul modulo 2⁶⁴ (Newton's iteration doubles
// the bits that are right each time).
var mixInv = func() uint64 {
	inv := uint64(mixMul)
	for range 5 {
		inv *= 2 - mixMul*inv
	}
	return inv
}()

// stashed returns the place of rest in the shard's stash, or -1.
func (sh *shard) stashed(rest uint64) int {
	for j := range sh.stash {
		if sh.stash[j].rest == rest {
			return j
		}
	}
	return -1
}

// table is a shard's cuckoo table of nb buckets of 8 slots. A slot is 9
// bytes: a word, and a byte of the bucket's last word (bits 8j to 8j+7
// for slot j). The word holds,
// from its low bits: the fingerprint's low 26 bits; f, the top 32−k bits
// of the fraction x·nb mod 2³² of its next 32 bits x (2ᵏ ≤ nb); a bit
// set when the slot is in the fingerprint's second bucket; a bit set
// when the slot is taken; then the low bits of the entry's number (its
// order of insertion), whose next 8 bits are in the byte. A free slot is
// a zero word.
//
// The first bucket of x is ⌊x·nb/2³²⌋, and x is the one number whose
// x·nb falls in the 2ᵏ ≤ nb numbers the bucket and f leave: the table
// holds 64 − 6 − k bits of a fingerprint and loses none, and finds one
// with a multiplication, no division. The second bucket is the first
// moved by an amount the low 26 bits give, so that each bucket gives the
// other from what a slot holds.
type table struct {
	w  []uint64
	b  []byte // the same memory as w
	nb int32
	k  uint8 // ⌊log₂ nb⌋
	// flag and taken are the two bits above f; ord is where the number
	// starts.
	flag, taken uint64
	ord         uint8
	off         bool // the memory is off the collected heap
}

// key returns the first bucket of an entry and the bits its word holds of
// its fingerprint, with the taken bit.
func (t *table) key(rest uint64) (int, uint64) {
	p := (rest >> lowKeyBits) * uint64(t.nb)
	return int(p >> 32), rest&lowKeyMask | uint64(uint32(p)>>t.k)<<lowKeyBits | t.taken
}

// other returns the other bucket of a fingerprint with the given low bits
// in bucket b: its second if second is false, else its first.
func (t *table) other(b int, low uint64, second bool) int {
	nb := int(t.nb)
	by := 1 + int(low*uint64(nb-1)>>lowKeyBits)
	if second {
		if b -= by; b < 0 {
			b += nb
		}
		return b
	}
	if b += by; b >= nb {
		b -= nb
	}
	return b
}

// slot returns the word and byte of an entry in its first bucket, which
// it returns too.
func (t *table) slot(rest, ord uint64) (int, uint64, byte) {
	b, k := t.key(rest)
	return b, k | ord<<t.ord, byte(ord >> (64 - t.ord))
}

// decode returns the fingerprint bits and number a slot of bucket b holds.
func (t *table) decode(b int, w uint64, e byte) (rest, ord uint64) {
	low := w & lowKeyMask
	if w&t.flag != 0 {
		b = t.other(b, low, true)
	}
	f := w >> lowKeyBits & (t.flag>>lowKeyBits - 1)
	// x is the first with x·nb ≥ lo: a division in floating point is
	// within one of it (x < 2³², and a float64 has 53 bits), and faster
	// than one of integers.
	lo, nb := uint64(b)<<32|f<<t.k, uint64(t.nb)
	x := uint64(float64(lo) / float64(nb))
	for x*nb < lo {
		x++
	}
	for x > 0 && (x-1)*nb >= lo {
		x--
	}
	return x<<lowKeyBits | low, t.ordOf(w, e)
}

// ordOf returns the number a slot's word and byte hold.
func (t *table) ordOf(w uint64, e byte) uint64 { return w>>t.ord | uint64(e)<<(64-t.ord) }

func (t *table) bucket(b int) []uint64 {
	o := b * stride
	return t.w[o : o+slots : o+slots]
}

// extra returns the byte of slot j of bucket b.
func (t *table) extra(b, j int) byte { return byte(t.w[b*stride+slots] >> (8 * j)) }

// set writes slot j of bucket b.
func (t *table) set(b, j int, w uint64, e byte) {
	ws := t.w[b*stride : b*stride+stride : b*stride+stride]
	ws[j] = w
	ws[slots] = ws[slots]&^(0xff<<(8*j)) | uint64(e)<<(8*j)
}

// find returns the bucket and place of the slot holding rest, or -1. A
// fingerprint is in its second bucket only when its first was full, and
// stays so: a bucket gives up an entry only for another, so a first
// bucket with a free slot ends the search.
func (t *table) find(rest uint64) (int, int) {
	if t.nb == 0 {
		return -1, 0
	}
	b, k := t.key(rest)
	m := t.taken<<1 - 1
	for j, w := range t.bucket(b) {
		if w&m == k {
			return b, j
		}
		if w == 0 {
			return -1, 0
		}
	}
	b = t.other(b, rest&lowKeyMask, false)
	k |= t.flag
	for j, w := range t.bucket(b) {
		if w&m == k {
			return b, j
		}
		if w == 0 {
			break
		}
	}
	return -1, 0
}

// number returns the number of the entry in slot j of bucket b.
func (t *table) number(b, j int) uint64 {
	return t.ordOf(t.w[b*stride+j], t.extra(b, j))
}

// New returns an empty set.
func New() *Set {
	s := &Set{rand: 0x9e3779b9}
	runtime.SetFinalizer(s, (*Set).Free)
	return s
}

// Len returns the number of fingerprints held.
func (s *Set) Len() int { return s.n }

// split returns the shard of a fingerprint and its bits below the shard's,
// once mixed.
func split(fp uint64) (int, uint64) {
	h := mix(fp)
	return int(h >> restBits), h & restMask
}

// number returns the number of rest in the shard and whether it holds it.
func (sh *shard) number(rest uint64) (uint64, bool) {
	if b, j := sh.find(rest); b >= 0 {
		return sh.table.number(b, j), true
	}
	if len(sh.stash) > 0 {
		if j := sh.stashed(rest); j >= 0 {
			return uint64(sh.stash[j].ord), true
		}
	}
	return 0, false
}

// Get returns the value of fp and whether the set holds it.
func (s *Set) Get(fp uint64) (uint32, bool) {
	defer runtime.KeepAlive(s)
	si, rest := split(fp)
	if sh := s.shards[si]; sh != nil {
		if ord, ok := sh.number(rest); ok {
			return s.vals.at(ord), true
		}
	}
	return 0, false
}

// Has reports whether the set holds fp.
func (s *Set) Has(fp uint64) bool {
	defer runtime.KeepAlive(s)
	si, rest := split(fp)
	if sh := s.shards[si]; sh != nil {
		_, ok := sh.number(rest)
		return ok
	}
	return false
}

// Add adds fp with the value v unless the set holds it already: then it
// returns its value and true, and changes nothing. A value above
// [MaxValue] is held as MaxValue. A set holds up to 2³²−1 fingerprints.
func (s *Set) Add(fp uint64, v uint32) (old uint32, held bool) {
	defer runtime.KeepAlive(s)
	si, rest := split(fp)
	sh := s.shards[si]
	if sh == nil {
		sh = &shard{}
		s.shards[si] = sh
	}
	if ord, ok := sh.number(rest); ok {
		return s.vals.at(ord), true
	}
	if uint64(s.n) == math.MaxUint32 {
		panic("codeset: a set holds at most 2³²−1 fingerprints")
	}
	ord := uint64(s.n)
	s.vals.add(min(v, MaxValue))
	s.n++
	sh.n++
	if int(sh.n)*100 > int(sh.nb)*slots*maxLoadPct || bits.Len64(ord) > ordBits(int(sh.nb)) {
		s.grow(sh, si, ord)
	}
	if b, w, e, ok := s.place(&sh.table, rest, ord); !ok {
		// What is left is the entry moved last, which has no place.
		r, o := sh.decode(b, w, e)
		sh.stash = append(sh.stash, entry{r, uint32(o)})
		if len(sh.stash) > maxStash && int(sh.n)*2 >= int(sh.nb)*slots {
			s.grow(sh, si, ord)
		}
	}
	return 0, false
}

// put places a slot in bucket b if it has a free one.
func (t *table) put(b int, w uint64, e byte) bool {
	ws := t.w[b*stride : b*stride+stride : b*stride+stride]
	for j := range slots {
		if ws[j] == 0 {
			ws[j] = w
			ws[slots] = ws[slots]&^(0xff<<(8*j)) | uint64(e)<<(8*j)
			return true
		}
	}
	return false
}

// place puts an entry into one of its buckets in t, moving others to
// their other bucket to make room. If it cannot, it returns the slot left
// without a place (the entry's or one moved) and its bucket, and false.
func (s *Set) place(t *table, rest, ord uint64) (int, uint64, byte, bool) {
	at, w, e := t.slot(rest, ord)
	if t.put(at, w, e) {
		return 0, 0, 0, true
	}
	fb := t.flag
	if b2 := t.other(at, w&lowKeyMask, false); t.put(b2, w|fb, e) {
		return 0, 0, 0, true
	}
	for range maxMoves {
		s.rand ^= s.rand << 13
		s.rand ^= s.rand >> 17
		s.rand ^= s.rand << 5
		j := int(s.rand % slots)
		i := at*stride + j
		w2, e2 := t.w[i], t.extra(at, j)
		t.set(at, j, w, e)
		at = t.other(at, w2&lowKeyMask, w2&fb != 0)
		w, e = w2^fb, e2
		if t.put(at, w, e) {
			return 0, 0, 0, true
		}
	}
	return at, w, e, false
}

// Reserve makes room for about n fingerprints in all, so that a set that
// grows to that many rebuilds no table on the way: each shard's table is
// made the size it would grow to for its share of n, with room for the
// shares' spread (two standard deviations). A set that holds
// more than n goes on growing as it would have. A caller that knows
// roughly how many fingerprints are coming saves the rebuilds, about five
// moves an entry; one that reserves too many keeps the room unused, about
// 11 bytes a fingerprint.
func (s *Set) Reserve(n int) {
	defer runtime.KeepAlive(s)
	if n <= 0 {
		return
	}
	per := float64(n) / nShards
	per += 2 * math.Sqrt(per)
	need := int(math.Ceil(per * 100 / (slots * maxLoadPct)))
	for i, sh := range s.shards {
		if sh == nil {
			sh = &shard{}
			s.shards[i] = sh
		}
		if int(sh.nb) < need {
			s.growTo(sh, i, uint64(s.n), need)
		}
	}
}

// grow rebuilds shard i larger: its g-th table has about
// 1.2^(g+i/64) buckets, so that the shards grow one at a time, and holds
// numbers up to ord at least.
func (s *Set) grow(sh *shard, i int, ord uint64) {
	s.growTo(sh, i, ord, 0)
}

// growTo is grow to a table of at least least buckets.
func (s *Set) growTo(sh *shard, i int, ord uint64, least int) {
	// A table can be larger than its step asks (it fills whole pages):
	// the next is the first step larger than it.
	nb := 0
	for nb <= int(sh.nb) || nb < least || bits.Len64(ord) > ordBits(nb) {
		sh.grown++
		nb = int(math.Ceil(math.Pow(growth, float64(sh.grown)+float64(i)/nShards)))
	}
	s.rebuild(sh, nb)
}

// rebuild moves a shard's entries, its stash's too, to a table of at
// least nb buckets; what finds no place there is stashed.
func (s *Set) rebuild(sh *shard, nb int) {
	t := newTable(nb)
	var stash []entry
	keep := func(rest, ord uint64) {
		if b, w, e, ok := s.place(&t, rest, ord); !ok {
			r, o := t.decode(b, w, e)
			stash = append(stash, entry{r, uint32(o)})
		}
	}
	for b := range int(sh.nb) {
		ws := sh.w[b*stride : b*stride+stride : b*stride+stride]
		for j, w := range ws[:slots] {
			if w == 0 {
				break
			}
			keep(sh.decode(b, w, byte(ws[slots]>>(8*j))))
		}
	}
	for _, e := range sh.stash {
		keep(e.rest, uint64(e.ord))
	}
	sh.free()
	sh.table, sh.stash = t, stash
}

// All yields every fingerprint held with its value, in no set order.
func (s *Set) All() iter.Seq2[uint64, uint32] {
	return func(yield func(uint64, uint32) bool) {
		defer runtime.KeepAlive(s)
		for si, sh := range s.shards {
			if sh == nil {
				continue
			}
			for b := range int(sh.nb) {
				for j, w := range sh.bucket(b) {
					if w == 0 {
						break
					}
					rest, ord := sh.decode(b, w, sh.extra(b, j))
					if !yield(unmix(uint64(si)<<restBits|rest), s.vals.at(ord)) {
						return
					}
				}
			}
			for _, e := range sh.stash {
				if !yield(unmix(uint64(si)<<restBits|e.rest), s.vals.at(uint64(e.ord))) {
					return
				}
			}
		}
	}
}

// Clone returns a copy of s.
func (s *Set) Clone() *Set {
	defer runtime.KeepAlive(s)
	c := New()
	c.n = s.n
	c.vals = s.vals.clone()
	for i, sh := range s.shards {
		if sh == nil {
			continue
		}
		ch := &shard{n: sh.n, grown: sh.grown, stash: slices.Clone(sh.stash)}
		c.shards[i] = ch
		if sh.nb == 0 {
			continue
		}
		ch.table = newTable(int(sh.nb))
		copy(ch.w, sh.w)
	}
	return c
}

// Bytes returns the memory the set takes: its tables and values.
func (s *Set) Bytes() int {
	n := s.vals.bytes()
	for _, sh := range s.shards {
		if sh != nil {
			n += sh.bytes() + cap(sh.stash)*int(unsafe.Sizeof(entry{}))
		}
	}
	return n
}

// Free gives back the memory of the set's tables now and empties it; the
// set stays usable. A set that is no longer reachable gives it back when
// the collector finds it so, but memory off the heap does not make the
// collector run: Free at once what is done with.
func (s *Set) Free() {
	for i, sh := range s.shards {
		if sh != nil {
			sh.free()
			s.shards[i] = nil
		}
	}
	s.vals.free()
	s.n = 0
}

// ordBits returns the bits of an entry's number a table of nb buckets
// holds.
func ordBits(nb int) int {
	if nb == 0 {
		return 0
	}
	return 12 + bits.Len(uint(nb)) - 1
}

// newTable returns an empty table of at least nb buckets, and of as many
// more as fill the memory it takes (whole pages, or the allocator's block).
func newTable(nb int) table {
	block, off := alloc(nb * stride * 8)
	nb = min(len(block)/(stride*8), math.MaxInt32)
	k := bits.Len(uint(nb)) - 1
	flag := uint64(1) << (lowKeyBits + 32 - k)
	t := table{b: block[:nb*stride*8], nb: int32(nb), k: uint8(k), flag: flag, taken: flag << 1, ord: uint8(lowKeyBits + 32 - k + 2), off: off}
	t.w = unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(block))), nb*stride)
	return t
}

// bytes returns the size of the table's memory.
func (t *table) bytes() int { return cap(t.b) }

func (t *table) free() {
	release(t.b, t.off)
	*t = table{}
}

// release gives back memory from alloc now, if it is off the heap (the
// collector takes the rest).
func release(b []byte, off bool) {
	if off && cap(b) > 0 {
		offHeap.Add(-int64(cap(b)))
		munmap(b[:cap(b)])
	}
}

// offHeap counts the bytes of tables held off the collected heap.
var offHeap atomic.Int64

// OffHeap returns the bytes that the sets of the process hold off the
// collected heap.
func OffHeap() int64 { return offHeap.Load() }

// alloc returns zeroed memory of at least n bytes, aligned to 8: off the
// heap in whole pages when n is a page or more and the system allows it,
// else from the heap, all of the allocator's block.
func alloc(n int) ([]byte, bool) {
	if page := pageSize; n >= page {
		n = (n + page - 1) / page * page
		if b, ok := mmap(n); ok {
			offHeap.Add(int64(len(b)))
			return b, true
		}
	}
	w := slices.Grow([]uint64(nil), (n+7)/8)
	w = w[:cap(w)]
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(w))), 8*len(w)), false
}
