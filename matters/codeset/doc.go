// Package codeset keeps large sets of codes — matter codes, base codes —
// as 64-bit fingerprints with a 32-bit value each, in about 8 bytes an
// entry (11 once a value needs more than 8 bits), mostly off the collected
// heap. Package matters keeps the codes of a streamed catalogue in one,
// with the line of each code's first use, to report duplicates; package
// reform keeps the distinct items of each scope in others, with their
// earliest batch.
//
// The caller computes the fingerprints (with hash/maphash, say) and keeps
// the seed. Two distinct codes share a fingerprint with a probability of
// about n²/2⁶⁵ for n codes: 3·10⁻⁸ for a million, 3·10⁻⁶ for ten million;
// the set takes them for one.
//
// # Layout
//
// The fingerprints are split by their top 8 bits into 256 shards; a shard
// is a cuckoo hash table of buckets of eight 64-bit words, one cache line,
// each word holding a fingerprint's low 56 bits and a value's low 8 bits.
// A table whose values need more bits has 3 bytes more a slot, apart. A
// fingerprint is in one of two buckets, both computed from the bits its
// word holds, so a table can be rebuilt from what it holds. An insertion
// fills the first bucket, then the second, then moves an entry of the
// first to its other bucket; as no bucket ever loses an entry but for
// another, a fingerprint whose first bucket has a free slot is not held.
// Buckets of eight fill to 97 % with a few moves an insertion on average; a
// shard that reaches that grows by about 5 %, alone, and the shards' sizes
// are staggered (shard i is 1.05^(i/256) times the size of shard 0) so
// that they grow one at a time. The whole is thus 92–97 % full.
//
// # Memory
//
// A table of a page or more is mapped from the system (mmap) on Linux,
// the BSDs and macOS, and so is off the collected heap. The collector lets
// the heap grow to twice what is live before it collects again (with
// GOGC=100): a set of ten million codes on the heap would make the peak
// heap grow by twice its size, and off it grows the process by its size
// alone. Elsewhere, and for small tables, the memory is the heap's. Mapped
// memory is given back by [Set.Free], or when the collector finds the set
// unreachable; [OffHeap] tells how much the process holds.
//
// Memory off the heap is taken only through package syscall of the
// standard library, and read only through slices of it; no pointer is ever
// stored in it.
package codeset
