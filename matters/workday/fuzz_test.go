package workday

import (
	"testing"

	"github.com/zwfw/zwfw/schema/schematest"
)

// FuzzParseSchedules: any input yields schedules or located problems,
// never a panic; schedules without errors build a calendar.
func FuzzParseSchedules(f *testing.F) {
	schematest.Seed(f, "testdata/*.yaml")
	f.Add(ChinaSchedules())
	f.Fuzz(func(t *testing.T, data []byte) {
		ss, probs := ParseSchedules("fuzz.yaml", data)
		for _, p := range probs {
			if p.Rule == "" {
				t.Fatalf("problem without a rule: %v", p)
			}
		}
		if probs.Err() != nil {
			return
		}
		c, err := New(ss...)
		if err != nil {
			return // two schedules disagreeing across years is the calendar's to refuse
		}
		for _, s := range ss {
			for _, h := range s.Holidays {
				if ok, err := c.IsWorkday(h.From); err == nil && ok && h.From.Year() == s.Year {
					t.Fatalf("%s is a holiday of %d but a working day", h.From, s.Year)
				}
			}
		}
	})
}

func FuzzParseDate(f *testing.F) {
	same := func(a, b Date) bool { return a == b }
	schematest.FuzzReadBack(f, ParseDate, same, func(t *testing.T, s string, d Date) {
		if d.String() != s {
			t.Fatalf("ParseDate(%q) writes back as %q", s, d)
		}
	}, "2021-04-29", "2021-02-29", "0000-01-01", "9999-12-31", "2021-4-9")
}
