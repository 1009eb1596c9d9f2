package schema_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/zwfw/zwfw/schema"
)

// level is an enumerated type declared on a table, as the module's are.
type level uint8

var levels = &schema.Terms{Pkg: "demo", Name: "行使层级",
	List:    []string{"国家级", "省级", "市级", "县级", "乡镇级", "村(社区)级"},
	Codes:   [][]string{{"1"}, {"2"}, {"3"}, {"4"}, {"5"}, {"6"}},
	Aliases: map[string]string{"区县级": "县级"},
}

func parseLevel(s string) (level, error) { v, err := levels.Parse(s); return level(v), err }

func (l level) String() string                { return levels.Term(uint8(l)) }
func (l level) MarshalText() ([]byte, error)  { return levels.Marshal(uint8(l)) }
func (l *level) UnmarshalText(b []byte) error { return schema.UnmarshalText(l, b, parseLevel) }

// kind is a type whose zero value is not a value, named by its Go type.
var kinds = &schema.Terms{Pkg: "demo", Name: "kind", Type: "demo.Kind", List: []string{"省", "市"}}

func TestTermsParse(t *testing.T) {
	tests := []struct {
		name, in string
		want     uint8
		ok       bool
	}{
		{"term", "县级", 4, true},
		{"full-width brackets", "村（社区）级", 6, true},
		{"code", "4", 4, true},
		{"code with a leading zero", "04", 4, true},
		{"alias", "区县级", 4, true},
		{"empty", "", 0, false},
		{"zero code", "0", 0, false},
		{"zeros", "000", 0, false},
		{"code out of range", "7", 0, false},
		{"unknown term", "区级", 0, false},
		{"term with a space", "县级 ", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := levels.Parse(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Fatalf("Parse(%q) = %d, %v; want %d, ok %v", tt.in, got, err, tt.want, tt.ok)
			}
			if err != nil && !strings.HasPrefix(err.Error(), "demo: ") {
				t.Errorf("error %q does not start with the package", err)
			}
		})
	}
}

// withGap has a value without a national code; formats count from 0.
var (
	withGap = &schema.Terms{Pkg: "demo", Name: "事项类型", List: []string{"行政许可", "行政备案"}, Codes: [][]string{{"01"}, nil}}
	formats = &schema.Terms{Pkg: "demo", Name: "format", FromZero: true, List: []string{"text", "json"}, Codes: [][]string{{"0"}, {"1"}}}
)

func TestTermsTerm(t *testing.T) {
	tests := []struct {
		name  string
		terms *schema.Terms
		v     uint8
		want  string
		valid bool
		code  string
	}{
		{"first", levels, 1, "国家级", true, "1"},
		{"zero, not stated", levels, 0, "", false, ""},
		{"out of range, by name", levels, 7, "行使层级(7)", false, ""},
		{"zero, by type", kinds, 0, "demo.Kind(0)", false, ""},
		{"out of range, by type", kinds, 255, "demo.Kind(255)", false, ""},
		{"table without codes", kinds, 1, "省", true, ""},
		{"code with a leading zero", withGap, 1, "行政许可", true, "01"},
		{"value without a code", withGap, 2, "行政备案", true, ""},
		{"from zero: zero", formats, 0, "text", true, "0"},
		{"from zero: last", formats, 1, "json", true, "1"},
		{"from zero: out of range", formats, 2, "format(2)", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.terms.Term(tt.v); got != tt.want {
				t.Errorf("Term(%d) = %q, want %q", tt.v, got, tt.want)
			}
			if got := tt.terms.Valid(tt.v); got != tt.valid {
				t.Errorf("Valid(%d) = %v, want %v", tt.v, got, tt.valid)
			}
			if got := tt.terms.Code(tt.v); got != tt.code {
				t.Errorf("Code(%d) = %q, want %q", tt.v, got, tt.code)
			}
			b, err := tt.terms.Marshal(tt.v)
			if (err == nil) != tt.valid || tt.valid && string(b) != tt.want {
				t.Errorf("Marshal(%d) = %q, %v", tt.v, b, err)
			}
			if !tt.valid {
				return
			}
			if v, err := tt.terms.Parse(tt.want); err != nil || v != tt.v {
				t.Errorf("Parse(%q) = %d, %v; want %d", tt.want, v, err, tt.v)
			}
		})
	}
}

func TestUnmarshalText(t *testing.T) {
	tests := []struct {
		name, in     string
		optional, ok bool
		want         level
	}{
		{"term", "省级", false, true, 2},
		{"unknown keeps the value", "省", false, false, 3},
		{"empty is an error", "", false, false, 3},
		{"optional: empty is zero", "", true, true, 0},
		{"optional: term", "乡镇级", true, true, 5},
		{"optional: unknown keeps the value", "x", true, false, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := level(3)
			var err error
			if tt.optional {
				err = schema.UnmarshalOptional(&l, []byte(tt.in), parseLevel)
			} else {
				err = l.UnmarshalText([]byte(tt.in))
			}
			if (err == nil) != tt.ok || l != tt.want {
				t.Errorf("UnmarshalText(%q) = %d, %v; want %d, ok %v", tt.in, l, err, tt.want, tt.ok)
			}
		})
	}
}

func TestValues(t *testing.T) {
	if got := schema.Values[level](formats); len(got) != 2 || got[0] != 0 || got[1] != 1 {
		t.Errorf("Values of a table from zero: %v", got)
	}
	got := schema.Values[level](levels)
	if len(got) != len(levels.List) {
		t.Fatalf("Values: %d values, want %d", len(got), len(levels.List))
	}
	for i, l := range got {
		if l.String() != levels.List[i] {
			t.Errorf("value %d is %v, want %s", i, l, levels.List[i])
		}
	}
}

// FuzzTermsParse checks that a term that parses writes back as a term
// that parses to the same value.
func FuzzTermsParse(f *testing.F) {
	for _, s := range []string{"县级", "村（社区）级", "04", "区县级", "", "0", "7"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := levels.Parse(s)
		if err != nil {
			if v != 0 {
				t.Fatalf("Parse(%q) = %d with error %v", s, v, err)
			}
			return
		}
		b, err := levels.Marshal(v)
		if err != nil {
			t.Fatalf("Parse(%q) = %d, which does not marshal: %v", s, v, err)
		}
		if w, err := levels.Parse(string(b)); err != nil || w != v {
			t.Fatalf("Parse(%q) = %d, written %q, read back as %d, %v", s, v, b, w, err)
		}
	})
}

func ExampleTerms() {
	var l level
	fmt.Println(l.UnmarshalText([]byte("村（社区）级")), l, levels.Code(uint8(l)))
	fmt.Println(l.UnmarshalText([]byte("区级")))
	fmt.Printf("%q %v\n", level(0), level(9))
	// Output:
	// <nil> 村(社区)级 6
	// demo: "区级" is not a 行使层级 (want one of 国家级, 省级, 市级, 县级, 乡镇级, 村(社区)级)
	// "" 行使层级(9)
}

func TestMust(t *testing.T) {
	if got := schema.Must(parseLevel("县级")); got != 4 {
		t.Errorf("Must(parseLevel(县级)) = %d, want 4", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("Must of an error did not panic")
		}
	}()
	schema.Must(parseLevel("区级"))
}
