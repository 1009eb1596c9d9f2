package matters

import (
	"hash/maphash"
	"math"
	"slices"

	"github.com/zwfw/zwfw/schema"
)

// index holds what the whole-catalogue checks need: which codes were seen,
// and on which line first, and which matters are suspended or cancelled.
//
// It keeps a 64-bit fingerprint of each code (maphash, with a seed of its
// own) and the line, 12 bytes, never the code: a catalogue of ten million
// matters is streamed with about 150 MB of index. Two distinct codes share
// a fingerprint with a probability of about n²/2⁶⁵: 3·10⁻⁸ for a million
// matters, 3·10⁻⁶ for ten million; the second would be reported as a
// duplicate of the first. Staying exact would mean keeping the codes, 30
// bytes and more each.
//
// The fingerprints live in flat arrays without pointers, split by their top
// bits into shards. Each shard is a cuckoo hash table of buckets of eight
// slots, one cache line of fingerprints (their lines are kept apart, and
// read only for a duplicate): a fingerprint is in one of two buckets, both
// computed from its own bits, so a table can be rebuilt from what it holds.
// An insertion fills the first bucket, then the second, then moves a
// fingerprint of the first to its other bucket; as no bucket ever loses a
// fingerprint but for another, a code whose first bucket has a free slot is
// not held, and half the lookups of a new code or more read one bucket
// only. Buckets of eight fill to 90 % with fewer than one move an insertion
// on average (fuller, the moves make it slower than a Go map); a shard
// that reaches that grows by a quarter, alone, and the shards' sizes are
// staggered (shard i is 1.25^(i/256) times the size of shard 0) so that
// they grow one at a time, not in waves. The table is thus 72–90 % full, 15 bytes a code on average, and while a shard grows
// both its old and new arrays are held: 1/256 of the table. (The collector
// lets the heap grow to up to twice what is live before it collects, so
// the peak heap of a stream grows by up to twice that a matter.)
type index struct {
	seed   maphash.Seed
	rand   uint32 // xorshift state, to choose whom to move
	shards [nShards]shard
	// inactive holds the matters suspended or cancelled, by fingerprint.
	inactive map[uint64]Status
}

const (
	shardBits = 8
	nShards   = 1 << shardBits
	slots     = 8 // a bucket's
	growth    = 1.25
	// A shard grows when an insertion would fill it beyond maxLoadPct
	// percent, or when maxMoves moves cannot place a fingerprint.
	maxLoadPct = 90
	maxMoves   = 500
	// A bucket number is computed from 28 bits of the fingerprint: bits
	// 0–27 give the first bucket, 28–55 the second, 56–63 the shard.
	bucketBits = 28
	bucketMask = 1<<bucketBits - 1
)

// bucket holds up to eight fingerprints; 0 is a free slot, and the free
// slots come last.
type bucket [slots]uint64

// pair is two buckets and their lines, the line of each fingerprint's
// first use (0 if unknown): 192 bytes, three cache lines, so that a bucket
// of fingerprints is one line when the table is aligned, as the allocator
// aligns every block of more than a few hundred bytes.
type pair struct {
	fp   [2]bucket
	line [2][slots]uint32
}

// table is a shard's table: nb buckets, in pairs.
type table struct {
	p  []pair
	nb int
}

// newTable returns a table of at least nb buckets, and of as many more as
// fill the block the allocator gives.
func newTable(nb int) table {
	p := slices.Grow([]pair(nil), (nb+1)/2)
	p = p[:cap(p)]
	return table{p, 2 * len(p)}
}

func (t *table) bucket(b int) *bucket { return &t.p[b>>1].fp[b&1] }

func (t *table) lines(b int) *[slots]uint32 { return &t.p[b>>1].line[b&1] }

type shard struct {
	table
	n     int // fingerprints held
	grown int // times grown
}

func newIndex() *index {
	return &index{seed: maphash.MakeSeed(), rand: 0x9e3779b9}
}

// fingerprint returns the code's fingerprint, never 0.
func (ix *index) fingerprint(code string) uint64 {
	fp := maphash.String(ix.seed, code)
	if fp == 0 {
		fp = 1
	}
	return fp
}

func shardOf(fp uint64) int { return int(fp >> (64 - shardBits)) }

// buckets returns the two buckets of a fingerprint in a table of nb.
func buckets(fp uint64, nb int) (int, int) {
	n := uint64(nb)
	return int((fp & bucketMask) * n >> bucketBits), int((fp >> bucketBits & bucketMask) * n >> bucketBits)
}

func (ix *index) has(code string) bool { return ix.hasFP(ix.fingerprint(code)) }

func (ix *index) hasFP(fp uint64) bool {
	_, ok := ix.shards[shardOf(fp)].find(fp)
	return ok
}

// add records the code of the matter at path, at the line loc gives it,
// or reports it as a duplicate, with the line of its first use.
func (ix *index) add(code string, path schema.Path, loc Locator, probs *schema.List) {
	if code == "" {
		return
	}
	pos := loc(path.Key("code"))
	if first, dup := ix.addAt(code, pos.Line); dup {
		duplicateCode(code, first, path, pos, probs)
	}
}

// addAt records code as first used at line (0 or less if unknown), unless
// it is already held: then it returns the line of its first use (0 if
// unknown) and true. The empty code is never recorded.
func (ix *index) addAt(code string, line int) (firstLine int, dup bool) {
	if code == "" {
		return 0, false
	}
	fp := ix.fingerprint(code)
	i := shardOf(fp)
	s := &ix.shards[i]
	if l, ok := s.find(fp); ok {
		return int(l), true
	}
	var l uint32
	if line > 0 && uint64(line) <= math.MaxUint32 {
		l = uint32(line)
	}
	if (s.n+1)*100 > s.nb*slots*maxLoadPct {
		ix.grow(i)
	}
	for {
		var ok bool
		if fp, l, ok = ix.place(s.table, fp, l); ok {
			break
		}
		// fp is now the one moved last, which has no place.
		ix.grow(i)
	}
	s.n++
	return 0, false
}

// find returns the line of fp and whether the table holds it.
func (t *table) find(fp uint64) (uint32, bool) {
	if t.nb == 0 {
		return 0, false
	}
	b1, b2 := buckets(fp, t.nb)
	for j, f := range t.bucket(b1) {
		if f == fp {
			return t.lines(b1)[j], true
		}
		if f == 0 {
			return 0, false // see put
		}
	}
	for j, f := range t.bucket(b2) {
		if f == fp {
			return t.lines(b2)[j], true
		}
		if f == 0 {
			break
		}
	}
	return 0, false
}

// put places fp in bucket bi if it has a free slot. A fingerprint is in
// its second bucket only when its first was full, and stays so: a bucket
// gives up a fingerprint only for another.
func (t *table) put(bi int, fp uint64, line uint32) bool {
	b := t.bucket(bi)
	for j, f := range b {
		if f == 0 {
			b[j], t.lines(bi)[j] = fp, line
			return true
		}
	}
	return false
}

// place puts fp into one of its buckets in t, moving others to their
// other bucket to make room. If it cannot, it returns the fingerprint and
// line left without a place (fp or one moved) and false.
func (ix *index) place(t table, fp uint64, line uint32) (uint64, uint32, bool) {
	b1, b2 := buckets(fp, t.nb)
	if t.put(b1, fp, line) || t.put(b2, fp, line) {
		return 0, 0, true
	}
	at := b1
	for range maxMoves {
		ix.rand ^= ix.rand << 13
		ix.rand ^= ix.rand >> 17
		ix.rand ^= ix.rand << 5
		j := ix.rand % slots
		b, l := t.bucket(at), t.lines(at)
		fp, b[j] = b[j], fp
		line, l[j] = l[j], line
		if c1, c2 := buckets(fp, t.nb); at == c1 {
			at = c2
		} else {
			at = c1
		}
		if t.put(at, fp, line) {
			return 0, 0, true
		}
	}
	return fp, line, false
}

// grow rebuilds shard i larger: its k-th table has ⌈1.25^(k+i/256)⌉
// buckets (or more, should a table not take all the shard holds).
func (ix *index) grow(i int) {
	s := &ix.shards[i]
	for {
		s.grown++
		nb := int(math.Ceil(math.Pow(growth, float64(s.grown)+float64(i)/nShards)))
		t := newTable(max(nb, s.nb+1))
		if ix.rebuild(t, s.table) {
			s.table = t
			return
		}
	}
}

// rebuild places every fingerprint of old in t.
func (ix *index) rebuild(t, old table) bool {
	for bi := range old.nb {
		for j, fp := range old.bucket(bi) {
			if fp == 0 {
				break
			}
			if _, _, ok := ix.place(t, fp, old.lines(bi)[j]); !ok {
				return false
			}
		}
	}
	return true
}
