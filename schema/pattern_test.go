package schema

import (
	"regexp"
	"testing"
	"unsafe"
)

var patternCases = []string{
	`^x-`,
	`^[0-9A-Za-z][0-9A-Za-z-]{0,79}$`,
	`^[0-9A-HJ-NPQRTUWXY]{18}$`,
	`^([0-9]{6}|[0-9]{9}|[0-9]{12})$`,
	`^[a-z]+[0-9]*$`,
	`^a*a$`,
	`^[0-9]{4}-[0-9]{2}$`,
	`abc`,
	`^中文[一-龥]?$`,
	`^[^a-z]+$`,
	`^[\x00-\x7f]{1,3}é?$`,
	`^[ -~é]{2,4}$`,
}

func TestSimplePatternAgrees(t *testing.T) {
	inputs := []string{"", "x", "x-", "x-a", "X-", "11510921MB1C71426G", "11510921MB1C71426", "A", "a1", "a-1", "-a",
		"2021-04", "2021-4", "中文", "中文字", "中", "aaa", "a", "abc", "zabcz", "510921", "5109210001", "\xff",
		"\x00", "\x7f", "a\x7f", "é", "aé", "Zé", "~ é", "\x7f\x00é", "A\xffB"}
	for _, pat := range patternCases {
		re := regexp.MustCompile(pat)
		m := matcher(re)
		for _, in := range inputs {
			if got, want := m(in), re.MatchString(in); got != want {
				t.Errorf("%s on %q: got %v, want %v", pat, in, got, want)
			}
		}
	}
	if compileSimple(`^a*a$`) != nil {
		t.Errorf("a pattern needing backtracking was taken as simple")
	}
	if compileSimple(`^x-`) == nil || compileSimple(`^[0-9A-HJ-NPQRTUWXY]{18}$`) == nil {
		t.Errorf("simple patterns not recognised")
	}
}

func FuzzSimplePattern(f *testing.F) {
	for i, p := range patternCases {
		f.Add(i, "x-a")
		f.Add(i, p)
	}
	f.Fuzz(func(t *testing.T, i int, in string) {
		if i < 0 {
			i = -i
		}
		re := regexp.MustCompile(patternCases[i%len(patternCases)])
		if got, want := matcher(re)(in), re.MatchString(in); got != want {
			t.Fatalf("%s on %q: got %v, want %v", re, in, got, want)
		}
	})
}

// A matcher keeps no text it is given: a text made over bytes that change
// afterwards is remembered as it was.
func TestMatcherKeepsNoText(t *testing.T) {
	re := regexp.MustCompile(`^(就近可办|[^\s、,，;；()（）]{1,28}通办)$`)
	m := &matchMemo{re: re, m: newMemo[bool](matchMemoEntries)}
	b := []byte("川渝通办")
	if !m.match(unsafe.String(&b[0], len(b))) {
		t.Fatal("川渝通办 does not match")
	}
	copy(b, "川渝通、")
	if v, ok := m.m.get("川渝通办"); !ok || !v {
		t.Fatalf("川渝通办 remembered as %v, %v", v, ok)
	}
	if m.match(unsafe.String(&b[0], len(b))) {
		t.Fatal("川渝通、 matches")
	}
}
