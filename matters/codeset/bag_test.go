package codeset

import (
	"math/rand/v2"
	"runtime"
	"testing"
	"time"
)

// least is how the tests combine the values of one fingerprint.
func least(a, b uint32) uint32 { return min(a, b) }

// model is what a bag must give: each fingerprint's top 58 bits, with its
// values combined.
type model map[uint64]uint32

func (m model) add(fp uint64, v uint32) { m.addBy(least, fp, v) }

func (m model) addBy(keep func(a, b uint32) uint32, fp uint64, v uint32) {
	f := fp &^ lowMask
	if old, ok := m[f]; ok {
		v = keep(old, v)
	}
	m[f] = v
}

func checkBag(t *testing.T, b *Bag, want model) {
	t.Helper()
	yields(t, "Distinct", b.Distinct(), want, true)
}

// A bag gives each fingerprint once with the least value, whatever the
// order, the repeats, the chunks and the large values.
func TestBag(t *testing.T) {
	tests := []struct {
		name    string
		n       int
		span    uint64 // fingerprints drawn from so many (0: all)
		largeAt int    // every so many values is large (0: none)
	}{
		{"empty", 0, 0, 0},
		{"one", 1, 0, 0},
		{"distinct, many chunks", 100_000, 0, 0},
		{"repeated", 50_000, 3_000, 0},
		{"repeated with large values", 50_000, 3_000, 7},
		{"all large", 5_000, 500, 1},
		{"equal but for the low 6 bits", 2_000, 64, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, uint64(tt.n)))
			b, want := NewBag(least), model{}
			halves := [2]*Bag{NewBag(least), NewBag(least)}
			for i := range tt.n {
				fp := r.Uint64()
				if tt.span > 0 {
					fp = r.Uint64N(tt.span) * 0x9e3779b97f4a7c15
					if tt.span == 64 {
						fp = 0xabcdef<<20 | r.Uint64N(64)
					}
				}
				v := uint32(r.IntN(MaxSmall + 1))
				if tt.largeAt > 0 && i%tt.largeAt == 0 {
					v = MaxSmall + 1 + uint32(r.IntN(1000))
				}
				b.Add(fp, v)
				halves[i%2].Add(fp, v)
				want.add(fp, v)
			}
			if b.Len() != tt.n {
				t.Errorf("Len %d, want %d", b.Len(), tt.n)
			}
			checkBag(t, b, want)
			// Again, and after more: sorting the last chunk loses nothing.
			checkBag(t, b, want)
			b.Add(42<<20, 3)
			want.add(42<<20, 3)
			checkBag(t, b, want)
			m := halves[0].Clone()
			m.Merge(halves[1])
			m.Add(42<<20, 3)
			checkBag(t, m, want)
			for _, x := range []*Bag{b, m, halves[0], halves[1]} {
				x.Free()
			}
			checkBag(t, b, model{})
		})
	}
}

// However the entries come — repeated within a chunk or across many,
// merged into runs many times, with values held apart or combined above
// MaxSmall — Distinct gives what a map of them gives, reading changes
// nothing, and Free gives back all the bag held off the heap.
func TestBagMerges(t *testing.T) {
	or := func(a, b uint32) uint32 { return a | b } // 31|32 is above MaxSmall
	tests := []struct {
		name    string
		keep    func(a, b uint32) uint32
		n       int
		span    uint64 // fingerprints drawn from so many (0: all)
		largeAt int    // every so many values is large (0: none)
		sorted  bool   // the fingerprints come in increasing order
		dense   bool   // the keys are consecutive: gaps of 0
	}{
		{"distinct", least, 300_000, 0, 0, false, false},
		{"distinct, sorted", least, 100_000, 0, 0, true, false},
		{"each about 4 times", least, 300_000, 75_000, 0, false, false},
		{"each about 100 times, large values", least, 300_000, 3_000, 97, false, false},
		{"values combined above MaxSmall", or, 200_000, 20_000, 0, false, false},
		{"values combined above MaxSmall, large values", or, 200_000, 20_000, 13, false, false},
		{"few, in chunk after chunk", least, 100_000, 100, 0, false, false},
		{"consecutive keys, in any order", least, 100_000, 30_000, 0, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(7, uint64(tt.n)))
			b, want := NewBag(tt.keep), model{}
			before := OffHeap()
			for i := range tt.n {
				fp := r.Uint64()
				switch {
				case tt.dense:
					fp = r.Uint64N(tt.span) << lowBits
				case tt.span > 0:
					fp = r.Uint64N(tt.span) * 0x9e3779b97f4a7c15
				case tt.sorted:
					fp = uint64(i) << 40
				}
				v := uint32(r.IntN(MaxSmall + 1))
				if tt.largeAt > 0 && i%tt.largeAt == 0 {
					v = MaxSmall + 1 + uint32(r.IntN(1000))
				}
				b.Add(fp, v)
				want.addBy(tt.keep, fp, v)
			}
			if len(b.runs) == 0 {
				t.Fatalf("no run: the test adds too few")
			}
			bytes := b.Bytes()
			checkBag(t, b, want)
			checkBag(t, b, want)
			if b.Bytes() != bytes || b.Len() != tt.n {
				t.Errorf("after reading, Bytes %d and Len %d; before, %d and %d", b.Bytes(), b.Len(), bytes, tt.n)
			}
			c := b.Clone()
			checkBag(t, c, want)
			if c.Len() != b.Len() || c.Bytes() != b.Bytes() {
				t.Errorf("a clone's Len %d and Bytes %d, the bag's %d and %d", c.Len(), c.Bytes(), b.Len(), b.Bytes())
			}
			// The clone changes alone.
			const more = 0xdead << 44
			old, had := want[more]
			c.Add(more, 0)
			want.addBy(tt.keep, more, 0)
			checkBag(t, c, want)
			c.Free()
			if delete(want, more); had {
				want[more] = old
			}
			checkBag(t, b, want)
			// Merged into itself, it holds every entry twice.
			b.Merge(b)
			checkBag(t, b, want)
			if b.Len() != 2*tt.n {
				t.Errorf("merged into itself, Len %d; want %d", b.Len(), 2*tt.n)
			}
			b.Free()
			if got := OffHeap() - before; got != 0 {
				t.Errorf("after Free, %d bytes still off the heap", got)
			}
			checkBag(t, b, model{})
		})
	}
}

// A bag takes about 6 bytes a distinct entry of random fingerprints and
// values (the bits they carry: 58 less log₂ of their number, Rice-coded,
// and 6 for the value), however often each is added; it never holds much
// more while its runs merge.
func TestBagBytes(t *testing.T) {
	tests := []struct {
		name     string
		distinct int
		repeats  int
		max      float64 // bytes a distinct entry, at most
		maxPeak  float64 // and while filling
	}{
		{"distinct", 300_000, 1, 6.5, 7},
		{"each 4 times", 250_000, 4, 7.5, 11},
		{"each 20 times", 50_000, 20, 9, 16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fps, vs := benchEntries(tt.distinct*tt.repeats, tt.repeats)
			b := NewBag(least)
			defer b.Free()
			for i, fp := range fps {
				b.Add(fp, vs[i])
			}
			got, peak := float64(b.Bytes())/float64(tt.distinct), float64(b.mem.peak)/float64(tt.distinct)
			t.Logf("%.2f bytes a distinct entry, %.2f at most while filling, in %d runs", got, peak, len(b.runs))
			if got > tt.max || peak > tt.maxPeak {
				t.Errorf("%.2f bytes a distinct entry, %.2f at most while filling; want at most %.2f and %.2f", got, peak, tt.max, tt.maxPeak)
			}
		})
	}
}

// A bag no longer reachable gives back its memory off the heap when the
// collector finds it.
func TestBagFinalizer(t *testing.T) {
	if pageSize > 1<<20 {
		t.Skip("no memory off the heap on this system")
	}
	before := OffHeap()
	func() {
		b := NewBag(least)
		for i := range 100_000 {
			b.Add(uint64(i)*0x9e3779b97f4a7c15, 1)
		}
		c := b.Clone()
		c.Merge(b)
		if OffHeap() == before {
			t.Fatal("nothing off the heap")
		}
	}()
	for i := 0; i < 100 && OffHeap() != before; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	if got := OffHeap() - before; got != 0 {
		t.Errorf("%d bytes off the heap after the bags are collected", got)
	}
}

// A bag read must not change: the reader stops rather than read memory
// given back.
func TestBagChangedWhileRead(t *testing.T) {
	b := NewBag(least)
	defer b.Free()
	for i := range 3 * maxChunk {
		b.Add(uint64(i)<<32, 1)
	}
	defer func() {
		if recover() == nil {
			t.Errorf("no panic when the bag changed while read")
		}
	}()
	for fp := range b.Distinct() {
		for i := range maxChunk {
			b.Add(fp+uint64(i+1)<<7, 2)
		}
	}
}

// FuzzBag adds the fingerprints and values a text gives, split between
// two bags merged at the end, and compares with the model; the values
// combine by min, or by bitwise or (whose result may be above MaxSmall).
func FuzzBag(f *testing.F) {
	f.Add([]byte("\x01\x02\x03\x04\x05\x06\x01\x02\x03\x04\x05\x07"), uint16(0), false)
	f.Add([]byte("\xff\xff\xff\xff\xff\xff"), uint16(9000), false)
	f.Add([]byte("\x01\x02\x03\x04\x1f\x00\x01\x02\x03\x04\x20\x00"), uint16(20000), true)
	f.Fuzz(func(t *testing.T, text []byte, more uint16, or bool) {
		keep := least
		if or {
			keep = func(a, b uint32) uint32 { return a | b }
		}
		bags := [2]*Bag{NewBag(keep), NewBag(keep)}
		want := model{}
		add := func(i int, fp uint64, v uint32) {
			bags[i%2].Add(fp, v)
			want.addBy(keep, fp, v)
		}
		for i := 0; len(text) >= 6; i++ {
			c := text[:6]
			text = text[6:]
			fp := uint64(c[0])<<58 | uint64(c[1])<<30 | uint64(c[2])<<4 | uint64(c[3])
			v := uint32(c[4]) | uint32(c[5])<<8
			add(int(c[5]), fp, v)
		}
		for i := range int(more) {
			add(i, uint64(i%5000)*0x9e3779b97f4a7c15, uint32(i%70))
		}
		bags[0].Merge(bags[1])
		checkBag(t, bags[0], want)
		bags[0].Free()
		bags[1].Free()
	})
}
