package reform

import (
	"hash/maphash"
	"maps"
	"slices"
	"strings"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/codeset"
)

// itemKey identifies the item a matter stands for, so that the scope
// counts (川渝通办事项数 …) count items, not matters: two counties claiming
// the same 川渝通办 item make one item at the city, as a bulletin's "2批210项"
// counts. The item is the matter's base code (stated, or the one its code
// holds) or, lacking one, its name and type. The key is a 64-bit hash of
// that text with a seed fixed for the process, so every accumulator of a
// process agrees on it and merges; two items are taken for one with a
// probability of about n²/2⁵⁹ (2·10⁻⁶ for a million items), as a
// [codeset.Bag] keeps 58 bits of a key. A million distinct items counted in
// a scope take about 6 MB.
type itemKey uint64

var itemSeed = maphash.MakeSeed()

func keyOf(m *matters.Matter) itemKey {
	base := string(m.BaseCode)
	// Only codes that can hold a base code are parsed: the national
	// implementation and handling-item codes and Sichuan's hyphenated form.
	if base == "" && (len(m.Code) == 31 || len(m.Code) == 33 || strings.Count(string(m.Code), "-") >= 4) {
		if c, _, err := m.Code.ParseLenient(); err == nil && c.Base().IsValid() {
			base = c.Base().String()
		}
	}
	var h maphash.Hash
	h.SetSeed(itemSeed)
	if base != "" {
		h.WriteByte('b')
		h.WriteString(base)
	} else {
		h.WriteByte('n')
		h.WriteString(m.Name)
		h.WriteByte(0)
		h.WriteString(m.Type.String())
	}
	return itemKey(h.Sum64())
}

// itemSet holds the items of one scope as they come, each with the batch
// stated for it (0 when none is): about 6 bytes a distinct item, off the
// collected heap in large numbers ([codeset.Bag]). The distinct items,
// each with its earliest batch, are counted at the end.
type itemSet struct{ b *codeset.Bag }

func (s *itemSet) add(k itemKey, batch int) {
	if s.b == nil {
		s.b = codeset.NewBag(earliest)
	}
	s.b.Add(uint64(k), uint32(max(batch, 0)))
}

// earliest returns the earlier of two batches; a stated batch comes before
// an unstated one (0).
func earliest(a, b uint32) uint32 {
	switch {
	case a == 0:
		return b
	case b == 0:
		return a
	}
	return min(a, b)
}

func (s *itemSet) merge(o itemSet) {
	if o.b == nil {
		return
	}
	if s.b == nil {
		s.b = codeset.NewBag(earliest)
	}
	s.b.Merge(o.b)
}

func (s itemSet) clone() itemSet {
	if s.b == nil {
		return s
	}
	return itemSet{s.b.Clone()}
}

// tally returns the number of distinct items and their counts by batch, in
// batch order, those with no batch last (批次未注明).
func (s itemSet) tally() (int64, []Subtotal) {
	if s.b == nil {
		return 0, nil
	}
	by := map[uint32]int64{}
	n := int64(0)
	for _, b := range s.b.Distinct() {
		by[b]++
		n++
	}
	keys := slices.Sorted(maps.Keys(by))
	var out []Subtotal
	for _, b := range keys {
		if b > 0 {
			out = append(out, Subtotal{Key: batchKey(int(b)), Count: by[b]})
		}
	}
	if c := by[0]; c > 0 {
		out = append(out, Subtotal{Key: batchKey(0), Count: c})
	}
	return n, out
}
