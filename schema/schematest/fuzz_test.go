package schematest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/zwfw/zwfw/schema/schematest"
)

func FuzzReadBack(f *testing.F) {
	parse := func(s string) (pair, error) {
		a, b, ok := strings.Cut(s, "=")
		if !ok || strings.Contains(b, "=") {
			return pair{}, fmt.Errorf("no single =")
		}
		return pair{a, b}, nil
	}
	schematest.FuzzReadBack(f, func(s string) (text, error) { p, err := parse(s); return text(p), err },
		func(a, b text) bool { return a == b }, nil, "a=b", "=", "a==b")
}

// text is a pair written a=b.
type text pair

func (t text) String() string { return t.A + "=" + t.B }
