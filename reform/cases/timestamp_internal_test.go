package cases

import (
	"testing"
	"time"
)

// FuzzParseDateTime checks the fixed-layout reading against the general
// one: what it reads, the general one reads the same, and what the general
// one reads, parseTime does.
func FuzzParseDateTime(f *testing.F) {
	for _, s := range []string{"2021-04-09 10:32:05", "2024-02-29 23:59:59", "2021-02-29 10:00:00", "2021-04-09 24:00:00", "1899-12-31 00:00:00", "2021-04-09 10:32:5x", "2021-04-09T10:32:05"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fixed, ok1 := parseDateTime(s)
		civil, ok2 := parseCivil(trim(s))
		if ok1 && (!ok2 || !fixed.Equal(civil)) {
			t.Fatalf("parseDateTime(%q) = %v; parseCivil %v, %v", s, fixed, civil, ok2)
		}
		if got, err := parseTime(s); ok2 && (err != nil || !got.Equal(civil)) {
			t.Fatalf("parseCivil(%q) = %v; parseTime %v, %v", s, civil, got, err)
		}
		if b, okb := parseDateTime([]byte(s)); okb != ok1 || !b.Equal(fixed) {
			t.Fatalf("parseDateTime of the bytes of %q = %v, %v; of the string %v, %v", s, b, okb, fixed, ok1)
		}
	})
}

func TestParseDateTime(t *testing.T) {
	tests := []struct {
		name, in string
		ok       bool
	}{
		{"ordinary", "2021-04-09 10:32:05", true},
		{"leap day", "2024-02-29 23:59:59", true},
		{"no leap day", "2021-02-29 10:00:00", false},
		{"hour 24", "2021-04-09 24:00:00", false},
		{"before 1900", "1899-12-31 00:00:00", false},
		{"letter", "2021-04-09 10:32:5x", false},
		{"slash", "2021/04/09 10:32:05", false},
		{"byte below zero", "2021-04-09 10:32:0/", false},
	}
	for _, s := range []string{"2021-04-09 10:32+08:0x", "2021-04-09 10:32+8:00 ", "2021-04-09 10:32+08:0"} {
		t.Run("zone "+s, func(t *testing.T) {
			if _, ok := parseCivil(s); ok {
				t.Errorf("parseCivil(%q) reads a zone that is not ±hh:mm", s)
			}
		})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseDateTime(tt.in)
			if ok != tt.ok {
				t.Fatalf("parseDateTime(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			}
			if ok && got.Format(time.DateTime) != tt.in {
				t.Errorf("parseDateTime(%q) = %s", tt.in, got.Format(time.DateTime))
			}
			if ok && got.Location() != Beijing {
				t.Errorf("parseDateTime(%q) is in %v, want Beijing time", tt.in, got.Location())
			}
		})
	}
}
