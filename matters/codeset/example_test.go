package codeset_test

import (
	"fmt"
	"hash/maphash"
	"math/rand/v2"

	"github.com/zwfw/zwfw/matters/codeset"
)

// A Set keeps each code's first line, and tells a code seen again.
func ExampleSet() {
	seed := maphash.MakeSeed()
	codes := codeset.New()
	defer codes.Free()
	for line, code := range []string{"11510921MB1536000X3000123", "11510921MB1536000X3000124", "11510921MB1536000X3000123"} {
		if first, again := codes.Add(maphash.String(seed, code), uint32(line+1)); again {
			fmt.Printf("line %d: %s first at line %d\n", line+1, code, first)
		}
	}
	fmt.Println(codes.Len(), "codes")
	// Output:
	// line 3: 11510921MB1536000X3000123 first at line 1
	// 2 codes
}

// A Bag counts distinct items with the earliest batch of each.
func ExampleBag() {
	seed := maphash.MakeSeed()
	items := codeset.NewBag(func(a, b uint32) uint32 { return min(a, b) })
	defer items.Free()
	for _, it := range []struct {
		base  string
		batch uint32
	}{{"000172006000", 2}, {"000172007000", 1}, {"000172006000", 1}} {
		items.Add(maphash.String(seed, it.base), it.batch)
	}
	byBatch := map[uint32]int{}
	for _, batch := range items.Distinct() {
		byBatch[batch]++
	}
	fmt.Println(items.Len(), "added;", byBatch[1], "distinct items, all of batch 1")
	// Output:
	// 3 added; 2 distinct items, all of batch 1
}

// A bag of many entries holds each in a few bytes: here 300,000 random
// fingerprints, with values from 1 to 16.
func ExampleBag_Bytes() {
	r := rand.New(rand.NewPCG(1, 2))
	items := codeset.NewBag(func(a, b uint32) uint32 { return min(a, b) })
	defer items.Free()
	for range 300_000 {
		items.Add(r.Uint64(), 1+r.Uint32N(16))
	}
	fmt.Printf("%d entries, about %.0f bytes each\n", items.Len(), float64(items.Bytes())/float64(items.Len()))
	// Output:
	// 300000 entries, about 6 bytes each
}
