package casestest_test

import (
	"bytes"
	"crypto/sha256"
	"testing"
	"time"

	"github.com/zwfw/zwfw/reform/cases"
	"github.com/zwfw/zwfw/reform/cases/casestest"
)

// The same options give the same export, byte for byte; another seed
// another one.
func TestDeterministic(t *testing.T) {
	sum := func(o casestest.Options) [32]byte {
		var b bytes.Buffer
		if err := casestest.WriteCSV(&b, o); err != nil {
			t.Fatal(err)
		}
		return sha256.Sum256(b.Bytes())
	}
	o := casestest.Options{Accepted: 600, Completed: 400}
	if sum(o) != sum(o) {
		t.Error("two runs with the same options differ")
	}
	o2 := o
	o2.Seed = 2
	if sum(o) == sum(o2) {
		t.Error("another seed gives the same export")
	}
}

// The generated month has the figures asked for, in every month the
// calendar covers.
func TestStatedFigures(t *testing.T) {
	tests := []struct {
		name string
		o    casestest.Options
	}{
		{"the seed's month", casestest.Options{}},
		{"February 2021, with 春节", casestest.Options{Month: cases.Month(2021, time.February), Accepted: 900, Completed: 700}},
		{"October 2024, with 国庆节", casestest.Options{Month: cases.Month(2024, time.October), Accepted: 500, Completed: 520, Unit: "射洪市"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.o.Month
			if p == (cases.Period{}) {
				p = cases.Month(2021, time.April)
			}
			tl := cases.NewTally(p, nil)
			err := casestest.Generate(tt.o, func(c *cases.Case) error { tl.Add(c); return nil })
			if err != nil {
				t.Fatal(err)
			}
			tot := tl.Total()
			wantAcc, wantDone := int64(tt.o.Accepted), int64(tt.o.Completed)
			if wantAcc == 0 {
				wantAcc, wantDone = 32307, 21514
			}
			if tot.Accepted != wantAcc || tot.Completed != wantDone {
				t.Errorf("受理 %d 办结 %d, want %d %d", tot.Accepted, tot.Completed, wantAcc, wantDone)
			}
		})
	}
	if err := casestest.Generate(casestest.Options{Month: cases.Month(2030, time.January)}, func(*cases.Case) error { return nil }); err == nil {
		t.Error("a month outside the calendar: no error")
	}
}
