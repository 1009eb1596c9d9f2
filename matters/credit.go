package matters

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/zwfw/zwfw/schema"
)

// CreditCode is a unified social credit code (统一社会信用代码, GB 32100-2015),
// the 18-character identifier of a legal person or other organisation, such
// as 11511301008778183N:
//
//	1       registration authority (登记管理部门): 1 机构编制, 5 民政, 9 工商, …
//	2       organisation category (机构类别): 11 机关, 12 事业单位, 91 企业, …
//	3–8     GB/T 2260 division of the registering authority
//	9–17    organisation code (组织机构代码, GB 11714, with its own check character)
//	18      check character
//
// Characters come from 0123456789ABCDEFGHJKLMNPQRTUWXY (no I, O, Z, S or V),
// valued 0 to 30; positions 1 to 17 are weighted 3^(i−1) mod 31 and the check
// character is the one valued (31 − Σ mod 31) mod 31.
//
// The zero CreditCode is not a code: IsValid reports false and String
// returns "". CreditCode values are comparable with == and usable as map
// keys.
type CreditCode struct {
	b [18]byte
}

const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditWeights are 3^(i−1) mod 31 for positions i = 1..17.
var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// creditCheck returns the check character of the first 17 characters of b,
// which must be in creditAlphabet.
func creditCheck(b string) byte {
	sum := 0
	for i := range 17 {
		sum += int(creditValue[b[i]]) * creditWeights[i]
	}
	return creditAlphabet[(31-sum%31)%31]
}

// creditValue is the value of each character of creditAlphabet, by byte;
// -1 for a byte outside it.
var creditValue = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := range len(creditAlphabet) {
		t[creditAlphabet[i]] = int8(i)
	}
	return t
}()

// ParseCreditCode parses an 18-character unified social credit code. It
// checks the alphabet, that characters 3–8 are digits, the check character
// and the check character of the embedded organisation code; on failure it
// returns a [*CodeError] at the first character that is wrong (a wrong
// check character is reported at its own position: 18, or 17 for the
// organisation code's).
//
// Letters must be upper-case, as GB 32100 writes them and as real data has
// them: a lower-case letter is an error at its position. Callers that want
// to accept lower-case input can pass strings.ToUpper(s).
func ParseCreditCode(s string) (CreditCode, error) {
	var c CreditCode
	for i := 0; i < len(s) && i < 18; i++ {
		ch := s[i]
		switch {
		case 2 <= i && i <= 7 && !isCodeDigit(ch):
			return CreditCode{}, codeErr(s, i, codeRuleMalformed,
				"credit code characters 3–8 are a division code; have %s, want a digit", quoteCodeChar(s, i))
		case isCodeLower(ch):
			return CreditCode{}, codeErr(s, i, codeRuleMalformed,
				"lower-case %s; credit codes use upper-case letters", quoteCodeChar(s, i))
		case creditValue[ch] < 0:
			return CreditCode{}, codeErr(s, i, codeRuleMalformed,
				"%s is not in the credit code alphabet %s", quoteCodeChar(s, i), creditAlphabet)
		}
		c.b[i] = ch
	}
	switch {
	case len(s) == 0:
		return CreditCode{}, codeErr(s, 0, codeRuleMalformed, "empty; want an 18-character credit code")
	case len(s) < 18:
		return CreditCode{}, codeErr(s, len(s), codeRuleMalformed,
			"credit code too short: %s characters, want 18", strconv.Itoa(len(s)))
	case len(s) > 18:
		return CreditCode{}, codeErr(s, 18, codeRuleMalformed,
			"unexpected character after the credit code's check character")
	}
	if want := creditCheck(s); s[17] != want {
		return CreditCode{}, codeErr(s, 17, codeRuleCheckCharacter,
			"credit code check character is %s, want %s", s[17:18], string(want))
	}
	if want := orgCheck(s[8:16]); s[16] != want {
		return CreditCode{}, codeErr(s, 16, codeRuleCheckCharacter,
			"check character of the embedded organisation code is %s, want %s", s[16:17], string(want))
	}
	return c, nil
}

// MustParseCreditCode is like [ParseCreditCode] but panics on error. It is
// meant for constants in tests and examples.
func MustParseCreditCode(s string) CreditCode { return schema.Must(ParseCreditCode(s)) }

// placeholder reports whether c is all zeros, as lists write a code they
// do not have.
func (c CreditCode) placeholder() bool {
	return c.b == [18]byte{'0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'}
}

// IsValid reports whether c is a code rather than the zero CreditCode.
func (c CreditCode) IsValid() bool { return c.b[0] != 0 }

// String returns the 18 characters of the code, or "" for the zero
// CreditCode.
func (c CreditCode) String() string {
	if !c.IsValid() {
		return ""
	}
	return string(c.b[:])
}

// Authority returns the registration authority character (position 1):
// '1' 机构编制, '5' 民政, '9' 工商 and so on; 0 for the zero CreditCode.
func (c CreditCode) Authority() byte { return c.b[0] }

// Category returns the organisation category character (position 2), read
// together with the authority: "11" 机关, "12" 事业单位, "51" 社会团体,
// "91" 企业 and so on; 0 for the zero CreditCode.
func (c CreditCode) Category() byte { return c.b[1] }

// Division returns the division of the registering authority (positions
// 3–8), or the zero DivisionCode if those digits name no GB/T 2260 province
// or if c is the zero CreditCode. Bodies registered at national level have
// the national code 100000.
func (c CreditCode) Division() DivisionCode {
	if !c.IsValid() {
		return DivisionCode{}
	}
	d, err := parseKnownDivision(string(c.b[2:8]))
	if err != nil {
		return DivisionCode{}
	}
	return d
}

// OrgCode returns the organisation code embedded at positions 9–17, or the
// zero OrgCode for the zero CreditCode.
func (c CreditCode) OrgCode() OrgCode {
	var o OrgCode
	copy(o.b[:], c.b[8:17])
	return o
}

// Check returns the check character (position 18), or 0 for the zero
// CreditCode.
func (c CreditCode) Check() byte { return c.b[17] }

// Compare returns an integer comparing c and d in the order of their
// text; the zero CreditCode sorts first.
func (c CreditCode) Compare(d CreditCode) int { return bytes.Compare(c.b[:], d.b[:]) }

// MarshalText implements [encoding.TextMarshaler]; the zero CreditCode
// marshals as empty text.
func (c CreditCode) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] through
// [ParseCreditCode]; empty text gives the zero CreditCode.
func (c *CreditCode) UnmarshalText(text []byte) error {
	return schema.UnmarshalOptional(c, text, ParseCreditCode)
}

// creditRegistry lists, per registration authority (GB 32100-2015 and its
// amendments), the organisation categories it registers: 1 机构编制, 2 外交,
// 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管 (工商), A 中央军委
// 改革和编制办公室, N 农业农村, Y 其他. 民政 also gives village and
// residents' committees (基层群众性自治组织) category 4: "54".
var creditRegistry = map[byte]string{
	'1': "1239", '2': "19", '3': "123459", '4': "19", '5': "12349", '6': "129",
	'7': "129", '8': "19", '9': "123", 'A': "19", 'N': "1239", 'Y': "1",
}

// Registered reports whether the code's registration authority registers
// organisations of its category (GB 32100), so that "11" (a government
// organ) is, and "19" or the all-zero code is not.
func (c CreditCode) Registered() bool {
	cats, ok := creditRegistry[c.Authority()]
	return ok && strings.IndexByte(cats, c.Category()) >= 0
}
