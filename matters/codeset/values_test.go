package codeset

import (
	"math/rand/v2"
	"testing"
)

// A sequence of values gives each back as it was added, whatever the
// steps between them: none, small, large, down, from one end of the range
// to the other.
func TestValueSeq(t *testing.T) {
	for _, tt := range []struct {
		name string
		v    func(i int) uint32
	}{
		{"constant", func(int) uint32 { return 7 }},
		{"zero", func(int) uint32 { return 0 }},
		{"lines", func(i int) uint32 { return uint32(3 + i*31/10) }},
		{"going down", func(i int) uint32 { return uint32(1_000_000 - i) }},
		{"ends of the range", func(i int) uint32 { return uint32(i%2) * MaxValue }},
		{"all 32 bits", func(i int) uint32 { return uint32(i%2) * (1<<32 - 1) }},
		{"at random", func(int) uint32 { return rand.Uint32() }},
		{"constant, then a step", func(i int) uint32 { return uint32(i / 300) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var q valueSeq
			defer q.free()
			const n = 50_000
			want := make([]uint32, n)
			for i := range n {
				want[i] = tt.v(i)
				q.add(want[i])
				if i%997 == 0 {
					if got := q.at(uint64(i)); got != want[i] {
						t.Fatalf("at(%d) = %d just after adding %d", i, got, want[i])
					}
				}
			}
			c := q.clone()
			defer c.free()
			for i, w := range want {
				if got := q.at(uint64(i)); got != w {
					t.Fatalf("at(%d) = %d, want %d", i, got, w)
				}
				if got := c.at(uint64(i)); got != w {
					t.Fatalf("clone: at(%d) = %d, want %d", i, got, w)
				}
			}
		})
	}
}
