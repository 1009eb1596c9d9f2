// Package codeset keeps large sets of codes — matter codes, base codes —
// as 64-bit fingerprints with a small value each, compactly and mostly off
// the collected heap. Package matters keeps the codes of a streamed
// catalogue in a [Set], with the line of each code's first use, to report
// duplicates; package reform keeps the items of each scope in a [Bag],
// with their batch, to count the distinct ones.
//
// The caller computes the fingerprints (with hash/maphash, say) and keeps
// the seed. A Set tells two fingerprints apart by all their 64 bits: two
// distinct codes of n share one with a probability of about n²/2⁶⁵ (3·10⁻⁸
// for a million, 3·10⁻⁶ for ten million), and the set takes them for one.
// A Bag keeps 58 bits (2·10⁻⁶ for a million).
//
// # Set
//
// A Set maps fingerprints to values up to [MaxValue] (2³¹−1): a code to
// the line of its first use, say. It takes about 11 bytes an entry when
// the values grow slowly from one entry to the next, as lines do, and
// about 15 when they are at random.
//
// The fingerprints are split by their top 6 bits into 64 shards, and those
// bits are not stored. A shard is a cuckoo hash table of buckets of eight
// slots of 9 bytes (eight words, and a ninth for a byte a slot). A slot
// holds the entry's number (the order in which it was added), and of its
// fingerprint only what its bucket does not tell: the first bucket of a
// fingerprint is its next 32 bits x times the number of buckets nb, over
// 2³², so that the bucket and the top 32 − ⌊log₂ nb⌋ bits of the fraction
// give x back, with no division to find it. The second bucket is the first
// moved by an amount that the fingerprint's low bits give. A table is
// rebuilt from what it holds.
//
// An insertion fills the first bucket, then the second, then moves an
// entry of the first to its other bucket; as no bucket ever loses an entry
// but for another, a fingerprint whose first bucket has a free slot is not
// held, and the lookup of a new code often reads one bucket only. Buckets
// of eight fill to 93 % with a few moves an insertion on average; a shard
// that reaches that grows by about 20 %, alone, and the shards' sizes are
// staggered (shard i is 1.2^(i/64) times the size of shard 0) so that they
// grow one at a time: the whole is 78–93 % full, 85 % on average, and what
// a growing shard holds twice is a 64th of the set.
//
// A caller that knows about how many fingerprints are coming calls
// [Set.Reserve]: each shard's table is then made the size it would grow
// to, and the entries are not moved five times on the way.
//
// The values are kept apart, in the order of the entries' numbers, in
// blocks of 128: a block is its first value and the differences from one
// value to the next in as many bits as its largest difference needs. The
// lines of a document's codes take one to a few bits each. Reading a value
// decodes its block: it is done when a fingerprint is found again, not
// when one is added.
//
// # Bag
//
// A Bag collects fingerprints with a value up to [MaxSmall] each (larger
// ones are held apart, as a rare case), as they come, into a chunk of up
// to 8192 entries of 8 bytes, with no table and no lookup. A full chunk is
// sorted, each key kept once with its values combined, and coded into a
// run: a stream of bits in pieces of 64 KiB, in blocks of 128 entries.
// An entry is the gap from the key before, Rice-coded with a parameter k
// the block chooses (about log₂ of its mean gap: a gap's bits above k in
// unary, the k below as they are), and its value in the bits the block's
// values span (none when they are equal, as the batches of a scope often
// are). The gaps between n random keys of 58 bits are about 2⁵⁸/n, so an
// entry takes about 60−log₂n bits, and its value up to 6 more.
//
// When a run is at least half the one before it, the two are merged into
// one, the values of a key combined: the runs shrink by half or more from
// the first, an entry is merged about log₂(n/8192) times, and a key added
// again and again is held in a few runs at most until they merge. A merge
// reads its runs piece by piece and gives each piece back as soon as it is
// read, so the bag never holds both runs whole and their merge. Distinct
// merges the runs and a sorted copy of the chunk, and changes nothing.
//
// A bag of a million random fingerprints with random small values takes
// 5.9 bytes an entry, against 8 as one chunk after another; a quarter of a
// million each added four times, 7.1 bytes a distinct one (1.8 an entry
// added), against 32; the items of a scope in reform's synthetic benchmark
// (187,500 distinct keys of one batch), 5.5 bytes an entry. Adding costs
// about 0.3 µs an entry at a million, for the merges, against 0.1;
// Distinct about 50 ns an entry, against 200 (`go test -bench=Bag
// ./matters/codeset`).
//
// # Memory
//
// Memory of a page or more is mapped from the system (mmap) on Linux, the
// BSDs and macOS, and so is off the collected heap. The collector lets the
// heap grow to twice what is live before it collects again (with
// GOGC=100): a set of ten million codes on the heap would make the peak
// heap grow by twice its size, and off it the process grows by its size
// alone. Elsewhere, and for small sets, the memory is the heap's. Mapped
// memory is given back by Free, or when the collector finds the set or bag
// unreachable; [OffHeap] tells how much the process holds.
//
// Memory off the heap is taken only through package syscall of the
// standard library, and read only through slices of it; no pointer is ever
// stored in it.
package codeset
