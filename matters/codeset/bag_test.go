package codeset

import (
	"math/rand/v2"
	"testing"
)

// least is how the tests combine the values of one fingerprint.
func least(a, b uint32) uint32 { return min(a, b) }

// model is what a bag must give: each fingerprint's top 58 bits, with its
// values combined.
type model map[uint64]uint32

func (m model) add(fp uint64, v uint32) {
	f := fp &^ lowMask
	if old, ok := m[f]; ok {
		v = least(old, v)
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

// FuzzBag adds the fingerprints and values a text gives, split between
// two bags merged at the end, and compares with the model.
func FuzzBag(f *testing.F) {
	f.Add([]byte("\x01\x02\x03\x04\x05\x06\x01\x02\x03\x04\x05\x07"), uint16(0))
	f.Add([]byte("\xff\xff\xff\xff\xff\xff"), uint16(9000))
	f.Fuzz(func(t *testing.T, text []byte, more uint16) {
		bags := [2]*Bag{NewBag(least), NewBag(least)}
		want := model{}
		add := func(i int, fp uint64, v uint32) {
			bags[i%2].Add(fp, v)
			want.add(fp, v)
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
