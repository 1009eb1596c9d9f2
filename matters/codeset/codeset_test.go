package codeset

import (
	"hash/maphash"
	"iter"
	"math/rand/v2"
	"strconv"
	"testing"
)

// A fingerprint added once is held with its value; added again it
// reports that value and changes nothing.
func TestAddGet(t *testing.T) {
	type op struct {
		fp       uint64
		v        uint32
		wantOld  uint32
		wantHeld bool
	}
	tests := []struct {
		name string
		ops  []op
	}{
		{"distinct", []op{{1, 3, 0, false}, {2, 9, 0, false}, {3 << 58, 15, 0, false}}},
		{"again keeps the first value", []op{{7, 3, 0, false}, {7, 9, 3, true}, {7, 11, 3, true}}},
		{"large values", []op{{7, 1 << 29, 0, false}, {8, 300, 0, false}, {7, 1, 1 << 29, true}, {8, 0, 300, true}}},
		{"values beyond MaxValue are MaxValue", []op{{7, 1 << 31, 0, false}, {7, 1, MaxValue, true}}},
		{"values going down", []op{{7, MaxValue, 0, false}, {8, 0, 0, false}, {9, 5, 0, false}, {7, 0, MaxValue, true}, {8, 1, 0, true}, {9, 1, 5, true}}},
		{"mixing to zero", []op{{0, 2, 0, false}, {unmix(1 << 58), 3, 0, false}, {0, 9, 2, true}, {unmix(1 << 58), 9, 3, true}}},
		{"a mix ending in zeros", []op{{unmix(4 << 58), 2, 0, false}, {unmix(4<<58 | 1), 9, 0, false}, {unmix(4 << 58), 0, 2, true}}},
		{"shards differ", []op{{unmix(1<<58 | 5), 2, 0, false}, {unmix(2<<58 | 5), 3, 0, false}, {unmix(1<<58 | 5), 0, 2, true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New()
			defer s.Free()
			for i, o := range tt.ops {
				old, held := s.Add(o.fp, o.v)
				if old != o.wantOld || held != o.wantHeld {
					t.Errorf("op %d: Add(%#x, %d) = %d, %v; want %d, %v", i, o.fp, o.v, old, held, o.wantOld, o.wantHeld)
				}
				if !s.Has(o.fp) {
					t.Errorf("op %d: Has(%#x) false after Add", i, o.fp)
				}
			}
		})
	}
}

// check compares s with a map of the same fingerprints, by Get, Len and
// All.
func check(t *testing.T, s *Set, want map[uint64]uint32) {
	t.Helper()
	if s.Len() != len(want) {
		t.Fatalf("Len %d, want %d", s.Len(), len(want))
	}
	for fp, v := range want {
		if got, ok := s.Get(fp); !ok || got != v || !s.Has(fp) {
			t.Fatalf("Get(%#x) = %d, %v (Has %v); want %d, true", fp, got, ok, s.Has(fp), v)
		}
	}
	yields(t, "All", s.All(), want, false)
}

// yields checks that seq yields every entry of want once and nothing else,
// in increasing order if ordered.
func yields(t *testing.T, name string, seq iter.Seq2[uint64, uint32], want map[uint64]uint32, ordered bool) {
	t.Helper()
	n, last := 0, uint64(0)
	for fp, v := range seq {
		if ordered && n > 0 && fp <= last {
			t.Fatalf("%s yields %#x after %#x: not increasing", name, fp, last)
		}
		last = fp
		n++
		if w, ok := want[fp]; !ok || w != v {
			t.Fatalf("%s yields %#x, %d; want %d, %v", name, fp, v, w, ok)
		}
	}
	if n != len(want) {
		t.Fatalf("%s yields %d, want %d", name, n, len(want))
	}
}

// Many fingerprints make every shard grow many times, from the heap to
// mapped memory: each keeps its value, nothing not added is found, and
// the set takes at most 11.5 bytes an entry when the values grow slowly
// (lines), 16 when they are at random, beyond a few entries a shard.
func TestGrowth(t *testing.T) {
	for _, tt := range []struct {
		name    string
		n       int
		random  bool
		maxByte float64
	}{
		{"fewer than shards", 100, false, 0},
		{"a few a shard", 3_000, true, 0},
		{"many growths, lines", 300_000, false, 11.5},
		{"many growths, values at random", 300_000, true, 16},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if testing.Short() && tt.n > 10_000 {
				t.Skip("many entries: not in -short")
			}
			seed := maphash.MakeSeed()
			fp := func(i int) uint64 { return maphash.String(seed, strconv.Itoa(i)) }
			val := func(i int) uint32 {
				if tt.random {
					return uint32(fp(-i)) & MaxValue
				}
				return uint32(2 + i*3/2)
			}
			s := New()
			want := make(map[uint64]uint32, tt.n)
			for i := range tt.n {
				if _, held := s.Add(fp(i), val(i)); held {
					t.Fatalf("entry %d held before it is added", i)
				}
				want[fp(i)] = val(i)
			}
			check(t, s, want)
			for i := tt.n; i < tt.n+1000; i++ {
				if _, ok := s.Get(fp(i)); ok || s.Has(fp(i)) {
					t.Fatalf("entry %d, never added, is held", i)
				}
			}
			per := float64(s.Bytes()) / float64(tt.n)
			t.Logf("%.2f bytes an entry", per)
			if tt.maxByte > 0 && per > tt.maxByte {
				t.Errorf("%.2f bytes an entry, want at most %.1f", per, tt.maxByte)
			}
			c := s.Clone()
			s.Free()
			if s.Len() != 0 || s.Bytes() != 0 {
				t.Errorf("after Free: Len %d, Bytes %d", s.Len(), s.Bytes())
			}
			check(t, c, want)
			s.Add(fp(0), 1)
			if v, ok := s.Get(fp(0)); !ok || v != 1 {
				t.Errorf("a freed set does not take a new entry: %d, %v", v, ok)
			}
			c.Free()
			s.Free()
		})
	}
}

// A set that reserves room for the entries it is then given rebuilds no
// table, whether it held some before or not, holds them all with their
// values, and takes no more memory than one grown entry by entry; past
// what it reserved, it grows as before.
func TestReserve(t *testing.T) {
	for _, tt := range []struct {
		name          string
		before, n     int
		reserve, more int
	}{
		{"empty, exactly", 0, 200_000, 200_000, 0},
		{"after some", 5_000, 200_000, 205_000, 0},
		{"fewer than reserved", 0, 100_000, 200_000, 0},
		{"more than reserved", 0, 100_000, 100_000, 100_000},
		{"small", 0, 100, 100, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if testing.Short() && tt.n > 10_000 {
				t.Skip("many entries: not in -short")
			}
			seed := maphash.MakeSeed()
			fp := func(i int) uint64 { return maphash.String(seed, strconv.Itoa(i)) }
			s := New()
			defer s.Free()
			want := map[uint64]uint32{}
			add := func(from, to int) {
				for i := from; i < to; i++ {
					if _, held := s.Add(fp(i), uint32(i)); held {
						t.Fatalf("entry %d held before it is added", i)
					}
					want[fp(i)] = uint32(i)
				}
			}
			add(0, tt.before)
			s.Reserve(tt.reserve)
			check(t, s, want)
			var grown [nShards]int32
			for i, sh := range s.shards {
				grown[i] = sh.grown
			}
			bytes := s.Bytes()
			add(tt.before, tt.before+tt.n)
			rebuilt := 0
			for i, sh := range s.shards {
				if sh.grown != grown[i] {
					rebuilt++
				}
			}
			if rebuilt > 1 {
				// Two standard deviations and the steps' rounding up
				// leave a shard in some thousands to grow once.
				t.Errorf("%d shards rebuilt after Reserve(%d) and %d entries", rebuilt, tt.reserve, tt.n)
			}
			if tt.n >= 200_000 && tt.reserve == tt.before+tt.n {
				// Grown entry by entry, a set takes about 11 bytes an
				// entry with lines for values, 9.5 to 12 of them the
				// tables: no more when reserved (smaller shards lose
				// more to whole pages).
				if per := float64(bytes) / float64(tt.reserve); per > 12.5 {
					t.Errorf("%.2f bytes of tables an entry reserved, want at most 12.5", per)
				}
			}
			add(tt.before+tt.n, tt.before+tt.n+tt.more)
			check(t, s, want)
		})
	}
}

// Fingerprints that are not random fill the table as well as random ones;
// fingerprints that mix to one bucket are stashed, found all the same, in
// bounded memory.
func TestNotRandom(t *testing.T) {
	for _, tt := range []struct {
		name    string
		fp      func(i int) uint64
		maxByte float64
	}{
		{"sequential", func(i int) uint64 { return uint64(i) }, 13},
		{"in the top bits", func(i int) uint64 { return uint64(i) << 40 }, 13},
		{"mixing to one bucket", func(i int) uint64 { return unmix(uint64(i)) }, 64},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n := 20_000
			if tt.maxByte > 13 {
				n = 2_000 // each lookup reads the stash
			}
			s := New()
			defer s.Free()
			want := map[uint64]uint32{}
			for i := 1; i <= n; i++ {
				s.Add(tt.fp(i), uint32(i%50))
				want[tt.fp(i)] = uint32(i % 50)
			}
			check(t, s, want)
			stashed := 0
			for _, sh := range s.shards {
				if sh != nil {
					stashed += len(sh.stash)
				}
			}
			if tt.maxByte > 13 && stashed == 0 {
				t.Error("nothing stashed: the case does not test the stash")
			}
			if per := float64(s.Bytes()) / float64(n); per > tt.maxByte {
				t.Errorf("%.1f bytes an entry, want at most %.0f", per, tt.maxByte)
			}
		})
	}
}

// Mapped memory is counted while held and given back by Free.
func TestOffHeap(t *testing.T) {
	if pageSize > 1<<20 {
		t.Skip("no memory off the heap on this system")
	}
	before := OffHeap()
	s := New()
	for i := range 200_000 {
		s.Add(rand.Uint64(), uint32(i))
	}
	if got := OffHeap() - before; got < int64(s.Bytes())*9/10 {
		t.Errorf("off the heap %d bytes, the set takes %d", got, s.Bytes())
	}
	s.Free()
	if got := OffHeap() - before; got != 0 {
		t.Errorf("after Free, %d bytes still off the heap", got)
	}
}

// FuzzSet adds the fingerprints a text gives, and compares the set with a
// map of them. Each 9 bytes are one operation: a fingerprint (made to fall
// into few shards and buckets, so that they fill), a value, and whether
// to look it up first; a number of the input also sets how many numbered
// ones follow.
func FuzzSet(f *testing.F) {
	f.Add([]byte("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x00\x01\x02\x03\x04\x05\x06\x07\x09"), uint16(0))
	f.Add([]byte("\xff\xff\xff\xff\xff\xff\xff\xff\xff"), uint16(3000))
	f.Add([]byte{}, uint16(40000))
	f.Fuzz(func(t *testing.T, text []byte, more uint16) {
		s := New()
		defer s.Free()
		want := map[uint64]uint32{}
		op := func(fp uint64, v uint32, get bool) {
			w, ok := want[fp]
			if get {
				if got, held := s.Get(fp); got != w || held != ok || s.Has(fp) != ok {
					t.Fatalf("Get(%#x) = %d, %v; want %d, %v", fp, got, held, w, ok)
				}
			}
			old, held := s.Add(fp, v)
			if old != w || held != ok {
				t.Fatalf("Add(%#x, %d) = %d, %v; want %d, %v", fp, v, old, held, w, ok)
			}
			if !ok {
				want[fp] = v
			}
		}
		for len(text) >= 9 {
			b := text[:9]
			text = text[9:]
			fp := uint64(b[0])<<58 | uint64(b[1])<<40 | uint64(b[2])<<28 | uint64(b[3])<<12 | uint64(b[4])
			v := uint32(b[5]) | uint32(b[6])<<(8+16*uint32(b[7]&1))
			if v > MaxValue {
				v = MaxValue
			}
			op(fp, v, b[8]&1 == 1)
		}
		for i := range int(more) {
			op(uint64(i)*0x9e3779b97f4a7c15, uint32(i/200), false) // runs of equal values
		}
		check(t, s, want)
	})
}

// BenchmarkAdd adds a million random fingerprints with values that grow
// as lines do (30 a matter) to a set and to the plain way, a Go map; it
// reports the bytes an entry takes:
//
//	go test ./matters/codeset -run='^$' -bench=Add -benchmem -count=6 | benchstat -col /set -
func BenchmarkAdd(b *testing.B) {
	const n = 1_000_000
	fps := make([]uint64, n)
	for i := range fps {
		fps[i] = rand.Uint64()
	}
	b.Run("set=map", func(b *testing.B) {
		for range b.N {
			m := map[uint64]uint32{}
			for i, fp := range fps {
				if _, ok := m[fp]; !ok {
					m[fp] = uint32(1 + 30*i)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/entry")
	})
	b.Run("set=codeset", func(b *testing.B) {
		bytes := 0
		for range b.N {
			s := New()
			for i, fp := range fps {
				s.Add(fp, uint32(1+30*i))
			}
			bytes = s.Bytes()
			s.Free()
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/entry")
		b.ReportMetric(float64(bytes)/n, "bytes/entry")
	})
}
