package matters_test

import (
	"hash/maphash"
	"runtime"
	"testing"
	"time"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/codeset"
	"github.com/zwfw/zwfw/matters/matterstest"
)

// mapIndex is the plain way to keep the codes' first lines, and the
// baseline of BenchmarkIndex: a Go map of a 128-bit hash of each code to
// its line.
type mapIndex struct {
	seeds [2]maphash.Seed
	codes map[[2]uint64]int32
}

func (ix *mapIndex) addAt(code string, line int) (int, bool) {
	k := [2]uint64{maphash.String(ix.seeds[0], code), maphash.String(ix.seeds[1], code)}
	if first, dup := ix.codes[k]; dup {
		return int(first), true
	}
	ix.codes[k] = int32(line)
	return 0, false
}

// liveHeap returns the bytes of the live heap, after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// settledOffHeap returns what codeset holds off the heap once the sets
// no longer reachable have given their tables back (their finalizers run
// after a collection, on a goroutine of their own).
func settledOffHeap() uint64 {
	for range 200 {
		runtime.GC()
		if codeset.OffHeap() == 0 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	return uint64(codeset.OffHeap())
}

// benchCode writes the i-th of the benchmark's distinct codes into buf, in
// the Sichuan form of the synthetic catalogue: a body's credit code, a
// level digit and a base code.
func benchCode(buf []byte, i int) []byte {
	buf = append(buf[:0], "11510921MB1536000X3000"...)
	for d := 100_000_000; d > 0; d /= 10 {
		buf = append(buf, byte('0'+i/d%10))
	}
	return buf
}

// BenchmarkIndex records a million distinct codes, as a Decoder does for
// a catalogue of a million matters, in the index of codes and in the
// baseline, a map of 128-bit hashes; it reports, a code, the time, the CPU
// time, the growth of the peak heap while the index is filled (what it
// holds, with what it has outgrown and the collector has not yet taken
// back) and the live heap it holds at the end:
//
//	go test ./matters -run='^$' -bench=Index -benchmem -count=6 | benchstat -col /index -
func BenchmarkIndex(b *testing.B) {
	const n = 1_000_000
	for _, bc := range []struct {
		name string
		add  func() func(string, int) (int, bool)
	}{
		{"map", func() func(string, int) (int, bool) {
			ix := &mapIndex{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}, codes: map[[2]uint64]int32{}}
			return ix.addAt
		}},
		{"table", func() func(string, int) (int, bool) { return matters.NewCodeIndex().AddAt }},
	} {
		b.Run("index="+bc.name, func(b *testing.B) {
			b.ReportAllocs()
			var add func(string, int) (int, bool)
			fill := func() {
				add = bc.add()
				var buf []byte
				for i := range n {
					// A new string each time, as a decoder makes them.
					buf = benchCode(buf, i)
					c := string(buf)
					if _, dup := add(c, 1+i*30); dup {
						b.Fatalf("code %s is a duplicate", c)
					}
				}
			}
			cpu := cpuTime()
			for range b.N {
				fill()
			}
			cpu = cpuTime() - cpu
			b.StopTimer()
			add = nil
			base := matterstest.PeakHeap(func() {}, true)
			peak := matterstest.PeakHeap(fill, true)
			// What the index holds at the end: the live heap with it,
			// after a collection, less the live heap without it.
			live := liveHeap() + uint64(codeset.OffHeap())
			runtime.KeepAlive(add)
			add = nil
			live -= liveHeap() + settledOffHeap()
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/code")
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/n, "cpu-ns/code")
			b.ReportMetric(float64(peak-min(base, peak))/n, "peak-B/code")
			b.ReportMetric(float64(live)/n, "live-B/code")
		})
	}
}
