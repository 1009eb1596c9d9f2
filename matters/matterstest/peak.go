package matterstest

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
	"time"

	"github.com/zwfw/zwfw/matters/codeset"
)

// PeakHeap runs f and returns the most heap memory in use while it ran, in
// bytes, sampled every millisecond from runtime/metrics after a collection:
// the heap's objects, live or not yet swept, and, with spans, also the
// unused part of the spans that hold them (HeapInuse in runtime.MemStats
// terms), with the tables that package codeset holds off the heap
// (codeset.OffHeap). Unlike a process's peak RSS it is not raised by what
// earlier benchmarks in the same process left mapped, so benchmarks and
// tests of bounded memory report it.
func PeakHeap(f func(), spans bool) uint64 {
	runtime.GC()
	debug.FreeOSMemory()
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
	if !spans {
		samples = samples[:1]
	}
	read := func() uint64 {
		metrics.Read(samples)
		n := uint64(codeset.OffHeap())
		for _, s := range samples {
			n += s.Value.Uint64()
		}
		return n
	}
	var peak atomic.Uint64
	peak.Store(read())
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				if v := read(); v > peak.Load() {
					peak.Store(v)
				}
			}
		}
	}()
	f()
	close(done)
	<-stopped
	return max(peak.Load(), read())
}
