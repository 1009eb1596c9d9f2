package schema

import (
	"io"
	"testing"
)

// BenchmarkPrintProblems writes 1,000 problems of the usual shapes (a
// located semantic problem with Localizer arguments, a schema problem, a
// plain message) in English, as Error does, and in Chinese from the table.
func BenchmarkPrintProblems(b *testing.B) {
	var l List
	for i := range 1000 {
		switch i % 3 {
		case 0:
			l.Add(Errorf(Root.Key("matters").Index(i).Key("promisedLimit"), Pos{File: "c.yaml", Line: i + 1, Col: 20},
				"matter.promised-exceeds-legal", "promised limit %s exceeds legal limit %s", days(30), days(20)))
		case 1:
			l.Add(Errorf(Root.Key("matters").Index(i), Pos{File: "c.yaml", Line: i + 1, Col: 5}, "schema.required", "missing required member %q", "type"))
		default:
			l.Add(&Problem{Pos: Pos{File: "c.yaml"}, Rule: "document.read", Message: "open c.yaml: permission denied"})
		}
	}
	for _, lang := range Langs() {
		b.Run(lang.String(), func(b *testing.B) {
			p := NewPrinter(lang)
			b.ReportAllocs()
			for range b.N {
				if err := p.List(io.Discard, l); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
