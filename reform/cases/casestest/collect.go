package casestest

import (
	"iter"

	"github.com/zwfw/zwfw/reform/cases"
	"github.com/zwfw/zwfw/schema"
)

// A Source yields the cases of a file and then tells the problems found
// reading them, as a [cases.Decoder] does.
type Source interface {
	Cases() iter.Seq[*cases.Case]
	Problems() schema.List
}

// Collect reads every case s yields, each a copy (its suspensions too:
// a source may reuse what it yields), and returns them with the problems.
func Collect(s Source) ([]cases.Case, schema.List) {
	var out []cases.Case
	for c := range s.Cases() {
		cc := *c
		cc.Suspensions = append([]cases.Suspension(nil), c.Suspensions...)
		out = append(out, cc)
	}
	return out, s.Problems()
}
