package schematest

import (
	"fmt"
	"testing"
)

// FuzzReadBack fuzzes parse, a reader of a value's text form, with the
// seeds in its corpus: never a panic, and what it reads, written with its
// String method, reads back as a value same holds equal to it. check,
// when not nil, checks further what it reads from s.
func FuzzReadBack[T fmt.Stringer](f *testing.F, parse func(string) (T, error), same func(a, b T) bool, check func(t *testing.T, s string, v T), seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := parse(s)
		if err != nil {
			return
		}
		back, err := parse(v.String())
		if err != nil || !same(back, v) {
			t.Fatalf("%q reads as %v, which writes as %q and reads back as %v, %v", s, v, v.String(), back, err)
		}
		if check != nil {
			check(t, s, v)
		}
	})
}
