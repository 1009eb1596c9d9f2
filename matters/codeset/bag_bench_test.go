package codeset

import (
	"math/rand/v2"
	"runtime"
	"testing"
)

// benchBags are the bags the benchmarks fill: a million random
// fingerprints with random small values, distinct, and a quarter of a
// million each added four times, in random order (as a city's catalogue
// lists an item once for each county).
var benchBags = []struct {
	name    string
	n       int // entries added
	repeats int // times each distinct fingerprint is added
}{
	{"distinct", 1_000_000, 1},
	{"repeated4", 1_000_000, 4},
}

// benchEntries returns the fingerprints and values to add.
func benchEntries(n, repeats int) ([]uint64, []uint32) {
	r := rand.New(rand.NewPCG(16, 2))
	distinct := make([]uint64, n/repeats)
	for i := range distinct {
		distinct[i] = r.Uint64()
	}
	fps, vs := make([]uint64, n), make([]uint32, n)
	for i := range fps {
		fps[i] = distinct[i%len(distinct)]
		vs[i] = uint32(r.IntN(MaxSmall + 1))
	}
	r.Shuffle(n, func(i, j int) { fps[i], fps[j] = fps[j], fps[i] })
	return fps, vs
}

// bagMemory returns the memory the process holds for bags and sets beyond
// base: off the heap, and the heap's live objects.
func bagMemory(base int64) int64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return OffHeap() + int64(ms.HeapAlloc) - base
}

// BenchmarkBagAdd fills a bag; bytes/entry is the memory it holds then,
// and peak-bytes/entry the most it held while filling (off the heap,
// sampled every 1024 entries), a distinct entry.
func BenchmarkBagAdd(b *testing.B) {
	for _, bb := range benchBags {
		b.Run(bb.name, func(b *testing.B) {
			fps, vs := benchEntries(bb.n, bb.repeats)
			distinct := float64(bb.n / bb.repeats)
			base := bagMemory(0)
			off := OffHeap()
			held, peak := int64(0), int64(0)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				bag := NewBag(least)
				for i, fp := range fps {
					bag.Add(fp, vs[i])
					if i%1024 == 0 {
						peak = max(peak, OffHeap()-off)
					}
				}
				b.StopTimer()
				held = bagMemory(base)
				bag.Free()
				b.StartTimer()
			}
			b.ReportMetric(float64(held)/distinct, "bytes/entry")
			b.ReportMetric(float64(peak)/distinct, "peak-bytes/entry")
		})
	}
}

// BenchmarkBagDistinct reads a filled bag's distinct entries.
func BenchmarkBagDistinct(b *testing.B) {
	for _, bb := range benchBags {
		b.Run(bb.name, func(b *testing.B) {
			fps, vs := benchEntries(bb.n, bb.repeats)
			bag := NewBag(least)
			defer bag.Free()
			for i, fp := range fps {
				bag.Add(fp, vs[i])
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				n := 0
				for range bag.Distinct() {
					n++
				}
				if n != bb.n/bb.repeats {
					b.Fatalf("%d distinct, want %d", n, bb.n/bb.repeats)
				}
			}
		})
	}
}
