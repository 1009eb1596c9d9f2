package reform

import (
	"hash/maphash"
	"maps"
	"slices"
	"strings"

	"github.com/zwfw/zwfw/matters"
)

// itemKey identifies the item a matter stands for, so that the scope
// counts (川渝通办事项数 …) count items, not matters: two counties claiming
// the same 川渝通办 item make one item at the city, as a bulletin's "2批210项"
// counts. The item is the matter's base code (stated, or the one its code
// holds) or, lacking one, its name and type. The key is a 64-bit hash of
// that text with a seed fixed for the process, so every accumulator of a
// process agrees on it and merges; two items share a key with a
// probability of about n²/2⁶⁵ (3·10⁻⁸ for a million items), as two codes
// share one in the index of package matters. A set of a million items
// takes about 16 MB.
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

// itemSet holds the distinct items of one scope with the earliest batch
// stated for each (0 when none is).
type itemSet map[itemKey]int32

func (s *itemSet) add(k itemKey, batch int) {
	if *s == nil {
		*s = itemSet{}
	}
	b32 := int32(min(max(batch, -1), 1<<30))
	if b, ok := (*s)[k]; !ok || earlier(int(b32), int(b)) {
		(*s)[k] = b32
	}
}

// earlier reports whether batch a comes before b; a stated batch comes
// before an unstated one.
func earlier(a, b int) bool {
	switch {
	case a <= 0:
		return false
	case b <= 0:
		return true
	}
	return a < b
}

func (s *itemSet) merge(o itemSet) {
	for k, b := range o {
		s.add(k, int(b))
	}
}

func (s itemSet) clone() itemSet { return maps.Clone(s) }

// groups counts the items by batch, in batch order, those with no batch
// last (批次未注明).
func (s itemSet) groups() []Subtotal {
	by := map[int]int64{}
	for _, b := range s {
		if b < 0 {
			b = 0
		}
		by[int(b)]++
	}
	keys := make([]int, 0, len(by))
	for b := range by {
		if b > 0 {
			keys = append(keys, b)
		}
	}
	slices.Sort(keys)
	var out []Subtotal
	for _, b := range keys {
		out = append(out, Subtotal{Key: batchKey(b), Count: by[b]})
	}
	if n := by[0]; n > 0 {
		out = append(out, Subtotal{Key: batchKey(0), Count: n})
	}
	return out
}
