package codeset

import (
	"iter"
	"math"
	"runtime"
	"slices"
	"sync/atomic"
	"unsafe"
)

const (
	shardBits = 6
	nShards   = 1 << shardBits
	// A word holds a fingerprint's low 58 bits and a value's low 6 bits;
	// a wide table keeps bits 6–29 of each value in 3 bytes more.
	fpBits   = 64 - shardBits
	fpMask   = 1<<fpBits - 1
	lowBits  = shardBits
	lowMask  = 1<<lowBits - 1
	MaxValue = 1<<(lowBits+24) - 1 // the largest value a set holds
	// A shard grows by about 5 % when an insertion would fill it beyond
	// maxLoadPct percent, or when maxMoves moves cannot place an entry.
	maxMoves = 1000
	// A bucket number is computed from 28 bits of the fingerprint: bits
	// 0–27 give the first bucket, 28–55 the second, both held in the word.
	bucketBits = 28
	bucketMask = 1<<bucketBits - 1
	// Bytes a bucket takes: its words, and 3 bytes a slot for the value's
	// bits 6–29 once a value needs them.
)

var (
	slots      = 8
	wordBytes  = slots * 8
	extraBytes = slots * 3
	growth     = 1.05
	maxLoadPct = 97
)

func setParams(sl int, g float64, l int) {
	slots, wordBytes, extraBytes, growth, maxLoadPct = sl, sl*8, sl*3, g, l
}

// Set maps 64-bit fingerprints to values up to [MaxValue]. The zero Set is not
// usable; make one with New. A Set is not safe for concurrent use.
type Set struct {
	rand   uint32 // xorshift state, to choose whom to move
	n      int
	shards [nShards]*shard // nil until a fingerprint of the shard is added
}

type shard struct {
	table
	n     int32 // entries held
	grown int32 // times grown
}

// table is a shard's cuckoo table of nb buckets. Its words and extra bytes
// are one block of memory, on or off the collected heap.
type table struct {
	w   []uint64 // nb·slots words: fingerprint bits 0–57, value bits 0–5 on top; 0 is a free slot
	x   []byte   // nil, or nb·slots·3 bytes: value bits 6–29
	nb  int32
	off bool // the block is off the collected heap
}

// New returns an empty set.
func New() *Set {
	s := &Set{rand: 0x9e3779b9}
	runtime.SetFinalizer(s, (*Set).Free)
	return s
}

// Len returns the number of fingerprints held.
func (s *Set) Len() int { return s.n }

// key returns the part of fp a table holds: its low 58 bits, 1 for 0.
func key(fp uint64) uint64 {
	if k := fp & fpMask; k != 0 {
		return k
	}
	return 1
}

func shardOf(fp uint64) int { return int(fp >> fpBits) }

// buckets returns the two buckets of a key in a table of nb.
func buckets(k uint64, nb int32) (int, int) {
	n := uint64(nb)
	return int((k & bucketMask) * n >> bucketBits), int((k >> bucketBits & bucketMask) * n >> bucketBits)
}

func (t *table) bucket(b int) []uint64 { return t.w[b*slots : b*slots+slots : b*slots+slots] }

func (t *table) value(i int) uint32 {
	v := uint32(t.w[i] >> fpBits)
	if t.x != nil {
		x := t.x[3*i : 3*i+3 : 3*i+3]
		v |= uint32(x[0])<<lowBits | uint32(x[1])<<(lowBits+8) | uint32(x[2])<<(lowBits+16)
	}
	return v
}

func (t *table) set(i int, k uint64, v uint32) {
	t.w[i] = k | uint64(v&lowMask)<<fpBits
	if t.x != nil {
		x := t.x[3*i : 3*i+3 : 3*i+3]
		x[0], x[1], x[2] = byte(v>>lowBits), byte(v>>(lowBits+8)), byte(v>>(lowBits+16))
	}
}

// find returns the slot of k, or -1. A key is in its second bucket only
// when its first was full, and stays so: a bucket gives up a key only for
// another, so a first bucket with a free slot ends the search.
func (t *table) find(k uint64) int {
	if t.nb == 0 {
		return -1
	}
	b1, b2 := buckets(k, t.nb)
	for j, w := range t.bucket(b1) {
		if w&fpMask == k {
			return b1*slots + j
		}
		if w == 0 {
			return -1
		}
	}
	for j, w := range t.bucket(b2) {
		if w&fpMask == k {
			return b2*slots + j
		}
		if w == 0 {
			break
		}
	}
	return -1
}

// Get returns the value of fp and whether the set holds it.
func (s *Set) Get(fp uint64) (uint32, bool) {
	sh := s.shards[shardOf(fp)]
	if sh == nil {
		return 0, false
	}
	i := sh.find(key(fp))
	var v uint32
	if i >= 0 {
		v = sh.value(i)
	}
	runtime.KeepAlive(s)
	return v, i >= 0
}

// Add adds fp with the value v unless the set holds it already: then it
// returns its value and true, and changes nothing. A value above
// [MaxValue] is held as MaxValue.
func (s *Set) Add(fp uint64, v uint32) (old uint32, held bool) {
	defer runtime.KeepAlive(s)
	v = min(v, MaxValue)
	si := shardOf(fp)
	sh := s.shards[si]
	if sh == nil {
		sh = &shard{}
		s.shards[si] = sh
	}
	k := key(fp)
	if i := sh.find(k); i >= 0 {
		return sh.value(i), true
	}
	wide := v > lowMask || sh.x != nil
	if wide && sh.x == nil && sh.nb > 0 {
		s.rebuild(sh, int(sh.nb), true)
	}
	if (int(sh.n)+1)*100 > int(sh.nb)*slots*maxLoadPct {
		s.grow(sh, si, wide)
	}
	for {
		var ok bool
		if k, v, ok = s.place(&sh.table, k, v); ok {
			break
		}
		// k is now the key moved last, which has no place.
		s.grow(sh, si, wide)
	}
	sh.n++
	s.n++
	return 0, false
}

// Put sets the value of fp, adding it if the set does not hold it. A
// value above [MaxValue] is held as MaxValue.
func (s *Set) Put(fp uint64, v uint32) {
	v = min(v, MaxValue)
	sh := s.shards[shardOf(fp)]
	if sh == nil {
		s.Add(fp, v)
		return
	}
	defer runtime.KeepAlive(s)
	k := key(fp)
	i := sh.find(k)
	if i < 0 {
		s.Add(fp, v)
		return
	}
	if v > lowMask && sh.x == nil {
		s.rebuild(sh, int(sh.nb), true)
		i = sh.find(k)
	}
	sh.set(i, k, v)
}

// put places k in bucket b if it has a free slot.
func (t *table) put(b int, k uint64, v uint32) bool {
	for j, w := range t.bucket(b) {
		if w == 0 {
			t.set(b*slots+j, k, v)
			return true
		}
	}
	return false
}

// place puts k into one of its buckets in t, moving others to their other
// bucket to make room. If it cannot, it returns the key and value left
// without a place (k or one moved) and false.
func (s *Set) place(t *table, k uint64, v uint32) (uint64, uint32, bool) {
	if t.nb == 0 {
		return k, v, false
	}
	b1, b2 := buckets(k, t.nb)
	if t.put(b1, k, v) || t.put(b2, k, v) {
		return 0, 0, true
	}
	at := b1
	for range maxMoves {
		s.rand ^= s.rand << 13
		s.rand ^= s.rand >> 17
		s.rand ^= s.rand << 5
		i := at*slots + int(s.rand%uint32(slots))
		k2, v2 := t.w[i]&fpMask, t.value(i)
		t.set(i, k, v)
		k, v = k2, v2
		if c1, c2 := buckets(k, t.nb); at == c1 {
			at = c2
		} else {
			at = c1
		}
		if t.put(at, k, v) {
			return 0, 0, true
		}
	}
	return k, v, false
}

// grow rebuilds shard i larger: its g-th table has about
// 1.05^(g+i/64) buckets, so that the shards grow one at a time.
func (s *Set) grow(sh *shard, i int, wide bool) {
	// A table can be larger than its step asks (it fills whole pages):
	// the step is then the first larger by a growth at least.
	nb := 0
	for nb < max(int(float64(sh.nb)*growth), int(sh.nb)+1) {
		sh.grown++
		nb = int(math.Ceil(math.Pow(growth, float64(sh.grown)+float64(i)/nShards)))
	}
	s.rebuild(sh, nb, wide)
}

// rebuild moves a shard to a table of at least nb buckets (more if it
// does not take all the shard holds), wide if it keeps values' high bits.
func (s *Set) rebuild(sh *shard, nb int, wide bool) {
	for {
		t := newTable(nb, wide)
		if s.refill(&t, &sh.table) {
			sh.free()
			sh.table = t
			return
		}
		t.free()
		sh.grown++
		nb = int(t.nb) + 1 + int(t.nb)/16
	}
}

// refill places every entry of old in t.
func (s *Set) refill(t, old *table) bool {
	for i, w := range old.w {
		if w == 0 {
			continue
		}
		if _, _, ok := s.place(t, w&fpMask, old.value(i)); !ok {
			return false
		}
	}
	return true
}

// All yields every fingerprint held with its value, in no set order. A
// fingerprint whose low 58 bits are 0 is held, and yielded, with them 1.
func (s *Set) All() iter.Seq2[uint64, uint32] {
	return func(yield func(uint64, uint32) bool) {
		defer runtime.KeepAlive(s)
		for si, sh := range s.shards {
			if sh == nil {
				continue
			}
			for i, w := range sh.w {
				if w != 0 && !yield(uint64(si)<<fpBits|w&fpMask, sh.value(i)) {
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
	for i, sh := range s.shards {
		if sh == nil {
			continue
		}
		ch := &shard{n: sh.n, grown: sh.grown}
		c.shards[i] = ch
		if sh.nb == 0 {
			continue
		}
		ch.table = newTable(int(sh.nb), sh.x != nil)
		copy(ch.w, sh.w)
		copy(ch.x, sh.x)
	}
	return c
}

// Bytes returns the memory the set's tables take.
func (s *Set) Bytes() int {
	n := 0
	for _, sh := range s.shards {
		if sh != nil {
			n += sh.bytes()
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
	s.n = 0
}

// newTable returns an empty table of at least nb buckets, and of as many
// more as fill the memory it takes (whole pages, or the allocator's block).
func newTable(nb int, wide bool) table {
	per := wordBytes
	if wide {
		per += extraBytes
	}
	block, off := alloc(nb * per)
	nb = min(len(block)/per, math.MaxInt32)
	t := table{nb: int32(nb), off: off}
	t.w = unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(block))), nb*slots)
	if wide {
		t.x = block[nb*wordBytes : nb*per : nb*per]
	}
	return t
}

// bytes returns the size of the table's block.
func (t *table) bytes() int { return 8*cap(t.w) + cap(t.x) }

func (t *table) free() {
	if t.off {
		// The mapping is the block in whole pages, as alloc made it.
		n := (t.bytes() + pageSize - 1) / pageSize * pageSize
		offHeap.Add(-int64(n))
		munmap(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(t.w))), n))
	}
	*t = table{}
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
