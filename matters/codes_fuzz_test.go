package matters

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// codesCheckErr checks the shape of a parse error: a *CodeError for the
// input, with a rule and a position within the input or one past its end.
func codesCheckErr(t *testing.T, s string, err error) {
	t.Helper()
	var ce *CodeError
	if !errors.As(err, &ce) {
		t.Fatalf("%q: error %v is not a *CodeError", s, err)
	}
	if ce.Code != s || ce.Rule == "" || ce.Msg == "" {
		t.Fatalf("%q: incomplete error %#v", s, ce)
	}
	if n := utf8.RuneCountInString(s); ce.Pos < 1 || ce.Pos > n+1 {
		t.Fatalf("%q: error position %d outside 1..%d: %v", s, ce.Pos, n+1, err)
	}
	if !strings.HasPrefix(ce.Error(), "matters: ") {
		t.Fatalf("%q: error %q lacks the package name", s, ce.Error())
	}
}

// codesSeed adds the fixtures of testdata/codes/<name>.txt to f, and also
// every code of the other fixtures, since each parser must refuse the
// others' codes cleanly.
func codesSeed(f *testing.F, name string) {
	for _, file := range []string{name, "credit", "org", "division", "matter"} {
		for _, s := range codesFixture(f, file) {
			f.Add(s)
		}
	}
}

// codesFuzz seeds f as codesSeed does and fuzzes parse: what it refuses
// is refused with a well-formed error and no valid value; what it reads,
// check checks.
func codesFuzz[C interface{ IsValid() bool }](f *testing.F, name string, parse func(string) (C, error), check func(t *testing.T, s string, c C)) {
	codesSeed(f, name)
	f.Fuzz(func(t *testing.T, s string) {
		c, err := parse(s)
		if err != nil {
			codesCheckErr(t, s, err)
			if c.IsValid() {
				t.Fatalf("%q: value %v with the error", s, c)
			}
			return
		}
		check(t, s, c)
	})
}

func FuzzParseCreditCode(f *testing.F) {
	codesFuzz(f, "credit", ParseCreditCode, func(t *testing.T, s string, c CreditCode) {
		if c.String() != s {
			t.Fatalf("%q prints as %q", s, c)
		}
		if back := MustParseCreditCode(c.String()); back != c {
			t.Fatalf("%q: round trip gives %v", s, back)
		}
		textRoundTrip(t, c)
		if o := c.OrgCode(); MustParseOrgCode(o.String()) != o {
			t.Fatalf("%q: embedded organisation code %v does not parse", s, o)
		}
		if d := c.Division(); d.IsValid() && d.String() != s[2:8] {
			t.Fatalf("%q: division %v", s, d)
		}
	})
}

func FuzzParseOrgCode(f *testing.F) {
	codesFuzz(f, "org", ParseOrgCode, func(t *testing.T, s string, o OrgCode) {
		if o.String() != strings.Replace(s, "-", "", 1) {
			t.Fatalf("%q prints as %q", s, o)
		}
		if back := MustParseOrgCode(o.String()); back != o {
			t.Fatalf("%q: round trip gives %v", s, back)
		}
		textRoundTrip(t, o)
	})
}

func FuzzParseDivisionCode(f *testing.F) {
	codesFuzz(f, "division", ParseDivisionCode, func(t *testing.T, s string, d DivisionCode) {
		for _, text := range []string{d.String(), d.Statistical()} {
			if back := MustParseDivisionCode(text); back != d {
				t.Fatalf("%q: %q parses as %v", s, text, back)
			}
		}
		if !strings.HasPrefix(d.Statistical(), s) || strings.Trim(d.Statistical()[len(s):], "0") != "" {
			t.Fatalf("%q: statistical form %q", s, d.Statistical())
		}
		textRoundTrip(t, d)
		// The parents lead up to the nation, each a level higher and
		// containing d.
		steps := 0
		for p, q := d, d.Parent(); q.IsValid(); p, q = q, q.Parent() {
			if steps++; steps > 5 || q.Level() >= p.Level() || !q.Contains(d) || p.Contains(q) {
				t.Fatalf("%q: parent %v (%v) of %v (%v)", s, q, q.Level(), p, p.Level())
			}
			if MustParseDivisionCode(q.String()) != q {
				t.Fatalf("%q: parent %v does not parse", s, q)
			}
		}
		for _, a := range []DivisionCode{d.Province(), d.City(), d.County(), d.Township()} {
			if a.IsValid() && !a.Contains(d) {
				t.Fatalf("%q: ancestor %v does not contain it", s, a)
			}
		}
	})
}

func FuzzParseMatterCode(f *testing.F) {
	codesSeed(f, "matter")
	f.Fuzz(func(t *testing.T, s string) {
		strict, serr := ParseMatterCode(s)
		c, warns, err := ParseMatterCodeLenient(s)
		if len(s) >= 18 {
			// Told a valid credit code it starts with, the parser reads
			// the same.
			if _, ccErr := ParseCreditCode(s[:18]); ccErr == nil {
				kc, kwarns, kerr := parseLenient(s, s[:18])
				if kc != c || fmt.Sprint(kwarns) != fmt.Sprint(warns) || fmt.Sprint(kerr) != fmt.Sprint(err) {
					t.Fatalf("%q: told its credit code, reads %v %v %v; else %v %v %v", s, kc, kwarns, kerr, c, warns, err)
				}
			}
		}
		if serr != nil {
			codesCheckErr(t, s, serr)
		}
		if err != nil {
			codesCheckErr(t, s, err)
			if serr == nil {
				t.Fatalf("%q: lenient parse fails (%v) where strict parse succeeds", s, err)
			}
			return
		}
		if (serr == nil) != (len(warns) == 0) {
			t.Fatalf("%q: strict error %v with lenient warnings %v", s, serr, warns)
		}
		if serr == nil && strict != c {
			t.Fatalf("%q: strict %v, lenient %v", s, strict, c)
		}
		for _, w := range warns {
			codesCheckErr(t, s, w)
		}
		if c.String() != s {
			t.Fatalf("%q prints as %q", s, c)
		}
		back, backWarns, err := ParseMatterCodeLenient(c.String())
		if err != nil || back != c || len(backWarns) != len(warns) {
			t.Fatalf("%q: round trip gives %v, %v, %v", s, back, backWarns, err)
		}
		textRoundTrip(t, c)
		if b := c.Base(); b.IsValid() && (MustParseMatterCode(b.String()) != b || b.TypeHint() != c.TypeHint()) {
			t.Fatalf("%q: base code %v", s, b)
		}
		if cc := c.CreditCode(); cc.IsValid() && (MustParseCreditCode(cc.String()) != cc || cc.OrgCode() != c.OrgCode()) {
			t.Fatalf("%q: credit code %v", s, cc)
		}
		if o := c.OrgCode(); o.IsValid() && MustParseOrgCode(o.String()) != o {
			t.Fatalf("%q: organisation code %v", s, o)
		}
		if d := c.Division(); d.IsValid() && MustParseDivisionCode(d.String()) != d {
			t.Fatalf("%q: division %v", s, d)
		}
		if c.Compare(back) != 0 {
			t.Fatalf("%q: Compare with itself %d", s, c.Compare(back))
		}
	})
}
