package matters

import (
	"bytes"
	"strconv"

	"github.com/zwfw/zwfw/schema"
)

// OrgCode is an organisation code (组织机构代码, GB 11714), the 9-character
// identifier organisations had before credit codes, such as 008778183:
// eight body characters (digits or upper-case letters, valued 0–9 and
// A=10 … Z=35) and a check character. With weights 3 7 9 10 5 8 4 2 the
// check is 11 − Σ mod 11, written X for 10 and 0 for 11.
//
// Credit codes embed the organisation code at positions 9–17
// ([CreditCode.OrgCode]), and real catalogues sometimes write one where a
// credit code belongs, often hyphenated as 00877868-5.
//
// The zero OrgCode is not a code: IsValid reports false and String returns
// "". OrgCode values are comparable with ==.
type OrgCode struct {
	b [9]byte
}

var orgWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// orgCheck returns the check character of the 8-character body b, which
// must consist of digits and upper-case letters.
func orgCheck(b string) byte {
	sum := 0
	for i := range 8 {
		v := int(b[i] - '0')
		if isCodeUpper(b[i]) {
			v = int(b[i]-'A') + 10
		}
		sum += v * orgWeights[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return 'X'
	case 11:
		return '0'
	default:
		return byte('0' + c)
	}
}

// ParseOrgCode parses an organisation code of 9 characters, or 10 in the
// hyphenated form XXXXXXXX-X. On failure it returns a [*CodeError] at the
// first character that is wrong; a wrong check character is reported at its
// own position (9, or 10 in the hyphenated form). Letters must be
// upper-case.
func ParseOrgCode(s string) (OrgCode, error) {
	var o OrgCode
	for i := 0; i < len(s) && i < 8; i++ {
		ch := s[i]
		switch {
		case isCodeLower(ch):
			return OrgCode{}, codeErr(s, i, codeRuleMalformed,
				"lower-case %s; organisation codes use upper-case letters", quoteCodeChar(s, i))
		case !isCodeDigit(ch) && !isCodeUpper(ch):
			return OrgCode{}, codeErr(s, i, codeRuleMalformed,
				"organisation code has %s, want a digit or an upper-case letter", quoteCodeChar(s, i))
		}
		o.b[i] = ch
	}
	if len(s) == 0 {
		return OrgCode{}, codeErr(s, 0, codeRuleMalformed, "empty; want a 9-character organisation code")
	}
	if len(s) < 9 {
		return OrgCode{}, codeErr(s, len(s), codeRuleMalformed,
			"organisation code too short: %s characters, want 9", strconv.Itoa(len(s)))
	}
	at := 8
	if s[8] == '-' {
		at = 9
		if len(s) == 9 {
			return OrgCode{}, codeErr(s, 9, codeRuleMalformed, "missing check character after -")
		}
	}
	if len(s) > at+1 {
		return OrgCode{}, codeErr(s, at+1, codeRuleMalformed,
			"unexpected character after the organisation code's check character")
	}
	ch := s[at]
	if !isCodeDigit(ch) && ch != 'X' {
		return OrgCode{}, codeErr(s, at, codeRuleMalformed,
			"organisation code check character is %s, want a digit or X", quoteCodeChar(s, at))
	}
	if want := orgCheck(s[:8]); ch != want {
		return OrgCode{}, codeErr(s, at, codeRuleCheckCharacter,
			"organisation code check character is %s, want %s", s[at:at+1], string(want))
	}
	o.b[8] = ch
	return o, nil
}

// MustParseOrgCode is like [ParseOrgCode] but panics on error. It is meant
// for constants in tests and examples.
func MustParseOrgCode(s string) OrgCode { return schema.Must(ParseOrgCode(s)) }

// IsValid reports whether o is a code rather than the zero OrgCode.
func (o OrgCode) IsValid() bool { return o.b[0] != 0 }

// String returns the 9 characters of the code without a hyphen, or "" for
// the zero OrgCode.
func (o OrgCode) String() string {
	if !o.IsValid() {
		return ""
	}
	return string(o.b[:])
}

// Check returns the check character (position 9), or 0 for the zero
// OrgCode.
func (o OrgCode) Check() byte { return o.b[8] }

// Compare returns an integer comparing o and p in the order of their text;
// the zero OrgCode sorts first.
func (o OrgCode) Compare(p OrgCode) int { return bytes.Compare(o.b[:], p.b[:]) }

// MarshalText implements [encoding.TextMarshaler]; the zero OrgCode
// marshals as empty text.
func (o OrgCode) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] through
// [ParseOrgCode]; empty text gives the zero OrgCode.
func (o *OrgCode) UnmarshalText(text []byte) error {
	return schema.UnmarshalOptional(o, text, ParseOrgCode)
}
