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
	slots    = 8                   // a bucket's
	// A shard grows by about 15 % when an insertion would fill it beyond
	// maxLoadPct percent, or when maxMoves moves cannot place an entry.
	growth     = 1.15
	maxLoadPct = 93
	maxMoves   = 1000
	// A bucket number is computed from 28 bits of the fingerprint: bits
	// 0–27 give the first bucket, 28–55 the second, both held in the word.
	bucketBits = 28
	bucketMask = 1<<bucketBits - 1
	// Words a bucket takes: its slots' words, and in a wide table 3 words
	// more for 3 bytes a slot, right after them, so that a bucket is read
	// from memory in one or two neighbouring cache lines.
	narrow = slots
	wide   = slots + 3*slots/8
)

// Set maps 64-bit fingerprints to values up to [MaxValue]. The zero Set is
// not usable; make one with New. A Set is not safe for concurrent use.
type Set struct {
	rand   uint32 // xorshift state, to choose whom to move
	n      int
	shards [nShards]*shard // nil until a fingerprint of the shard is added
}

type shard struct {
	table
	// stash holds what found no place in the table: rarely anything, as
	// the fingerprints are mixed first, unless many share their bits.
	stash []entry
	n     int32 // entries held
	grown int32 // times grown
}

type entry struct {
	k uint64
	v uint32
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

// stashed returns the place of k in the shard's stash, or -1.
func (sh *shard) stashed(k uint64) int {
	for j := range sh.stash {
		if sh.stash[j].k == k {
			return j
		}
	}
	return -1
}

// table is a shard's cuckoo table of nb buckets, each stride words: the
// slots' words (fingerprint bits 0–57, value bits 0–5 on top; 0 is a free
// slot), then in a wide table the values' bits 6–29, 3 bytes a slot. A
// slot is numbered bucket·8 + its place in the bucket.
type table struct {
	w      []uint64
	b      []byte // the same memory as w
	nb     int32
	stride int32
	off    bool // the memory is off the collected heap
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

func (t *table) bucket(b int) []uint64 {
	o := b * int(t.stride)
	return t.w[o : o+slots : o+slots]
}

func (t *table) word(i int) *uint64 { return &t.w[i/slots*int(t.stride)+i%slots] }

// extra returns the 3 bytes of slot i's value in a wide table.
func (t *table) extra(i int) []byte {
	o := (i/slots*wide+slots)*8 + 3*(i%slots)
	return t.b[o : o+3 : o+3]
}

func (t *table) value(i int) uint32 {
	v := uint32(*t.word(i) >> fpBits)
	if t.stride == wide {
		x := t.extra(i)
		v |= uint32(x[0])<<lowBits | uint32(x[1])<<(lowBits+8) | uint32(x[2])<<(lowBits+16)
	}
	return v
}

func (t *table) set(i int, k uint64, v uint32) {
	*t.word(i) = k | uint64(v&lowMask)<<fpBits
	if t.stride == wide {
		x := t.extra(i)
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
	h := mix(fp)
	sh := s.shards[shardOf(h)]
	if sh == nil {
		return 0, false
	}
	defer runtime.KeepAlive(s)
	return sh.get(key(h))
}

// get returns the value of k and whether the shard holds it.
func (sh *shard) get(k uint64) (uint32, bool) {
	if i := sh.find(k); i >= 0 {
		return sh.value(i), true
	}
	if len(sh.stash) > 0 {
		if j := sh.stashed(k); j >= 0 {
			return sh.stash[j].v, true
		}
	}
	return 0, false
}

// Add adds fp with the value v unless the set holds it already: then it
// returns its value and true, and changes nothing. A value above
// [MaxValue] is held as MaxValue.
func (s *Set) Add(fp uint64, v uint32) (old uint32, held bool) {
	defer runtime.KeepAlive(s)
	v = min(v, MaxValue)
	h := mix(fp)
	si := shardOf(h)
	sh := s.shards[si]
	if sh == nil {
		sh = &shard{}
		s.shards[si] = sh
	}
	k := key(h)
	if old, held := sh.get(k); held {
		return old, true
	}
	w := v > lowMask || sh.stride == wide
	if w && sh.stride != wide && sh.nb > 0 {
		s.rebuild(sh, int(sh.nb), true)
	}
	sh.n++
	s.n++
	if int(sh.n)*100 > int(sh.nb)*slots*maxLoadPct {
		s.grow(sh, si, w)
	}
	if k, v, ok := s.place(&sh.table, k, v); !ok {
		// k is now the key moved last, which has no place.
		sh.stash = append(sh.stash, entry{k, v})
		if len(sh.stash) > maxStash && int(sh.n)*2 >= int(sh.nb)*slots {
			s.grow(sh, si, w)
		}
	}
	return 0, false
}

// Put sets the value of fp, adding it if the set does not hold it. A
// value above [MaxValue] is held as MaxValue.
func (s *Set) Put(fp uint64, v uint32) {
	v = min(v, MaxValue)
	h := mix(fp)
	sh := s.shards[shardOf(h)]
	if sh == nil {
		s.Add(fp, v)
		return
	}
	defer runtime.KeepAlive(s)
	k := key(h)
	if v > lowMask && sh.stride != wide && sh.nb > 0 {
		s.rebuild(sh, int(sh.nb), true)
	}
	if i := sh.find(k); i >= 0 {
		sh.set(i, k, v)
	} else if j := sh.stashed(k); j >= 0 {
		sh.stash[j].v = v
	} else {
		s.Add(fp, v)
	}
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
		k2, v2 := *t.word(i)&fpMask, t.value(i)
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
// 1.15^(g+i/64) buckets, so that the shards grow one at a time.
func (s *Set) grow(sh *shard, i int, w bool) {
	// A table can be larger than its step asks (it fills whole pages):
	// the step is then the first larger by a growth at least.
	nb := 0
	for nb < max(int(float64(sh.nb)*growth), int(sh.nb)+1) {
		sh.grown++
		nb = int(math.Ceil(math.Pow(growth, float64(sh.grown)+float64(i)/nShards)))
	}
	s.rebuild(sh, nb, w)
}

// rebuild moves a shard's entries, its stash's too, to a table of at
// least nb buckets, wide if it keeps values' high bits; what finds no
// place there is stashed.
func (s *Set) rebuild(sh *shard, nb int, w bool) {
	t := newTable(nb, w)
	var stash []entry
	keep := func(k uint64, v uint32) {
		if k, v, ok := s.place(&t, k, v); !ok {
			stash = append(stash, entry{k, v})
		}
	}
	for b := range int(sh.nb) {
		for j, word := range sh.bucket(b) {
			if word == 0 {
				break
			}
			keep(word&fpMask, sh.value(b*slots+j))
		}
	}
	for _, e := range sh.stash {
		keep(e.k, e.v)
	}
	sh.free()
	sh.table, sh.stash = t, stash
}

// All yields every fingerprint held with its value, in no set order. (A
// fingerprint is held mixed, and one of 2⁵⁸ whose mix ends in 58 zero bits
// is held as if it ended in a 1: it is yielded as that one.)
func (s *Set) All() iter.Seq2[uint64, uint32] {
	return func(yield func(uint64, uint32) bool) {
		defer runtime.KeepAlive(s)
		for si, sh := range s.shards {
			if sh == nil {
				continue
			}
			for b := range int(sh.nb) {
				for j, w := range sh.bucket(b) {
					if w != 0 && !yield(unmix(uint64(si)<<fpBits|w&fpMask), sh.value(b*slots+j)) {
						return
					}
				}
			}
			for _, e := range sh.stash {
				if !yield(unmix(uint64(si)<<fpBits|e.k), e.v) {
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
		ch := &shard{n: sh.n, grown: sh.grown, stash: slices.Clone(sh.stash)}
		c.shards[i] = ch
		if sh.nb == 0 {
			continue
		}
		ch.table = newTable(int(sh.nb), sh.stride == wide)
		copy(ch.w, sh.w)
	}
	return c
}

// Bytes returns the memory the set's tables take.
func (s *Set) Bytes() int {
	n := 0
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
	s.n = 0
}

// newTable returns an empty table of at least nb buckets, and of as many
// more as fill the memory it takes (whole pages, or the allocator's block),
// wide if it keeps values' high bits.
func newTable(nb int, w bool) table {
	stride := narrow
	if w {
		stride = wide
	}
	block, off := alloc(nb * stride * 8)
	nb = min(len(block)/(stride*8), math.MaxInt32)
	t := table{b: block[:nb*stride*8], nb: int32(nb), stride: int32(stride), off: off}
	t.w = unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(block))), nb*stride)
	return t
}

// bytes returns the size of the table's memory.
func (t *table) bytes() int { return cap(t.b) }

func (t *table) free() {
	if t.off {
		offHeap.Add(-int64(cap(t.b)))
		munmap(t.b[:cap(t.b)])
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
