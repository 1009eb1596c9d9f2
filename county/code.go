package county

import (
	"cmp"
	"errors"
	"fmt"
	"strconv"

	"github.com/zwfw/zwfw/schema"
)

// Code is an administrative division code held in its canonical form, the
// 12-digit statistical code (统计用区划代码): province (2 digits), city (2),
// county (2), township (3), village (3). The 6-digit GB/T 2260 code and the
// 9-digit township code are the same code with the trailing zero groups
// dropped, so 510921 ≡ 510921000000 and 510921001 ≡ 510921001000; [ParseCode]
// reads all three forms and [Code.String] writes the shortest one that keeps
// every non-zero group.
//
// Codes are comparable with ==. The zero Code is not a valid code; it stands
// for "no code", as for a 园区, which has none.
type Code struct {
	v uint64 // the 12-digit code as a number; 0 for the zero Code
}

// widths of the groups of a statistical code, and the number of digits up to
// the end of each group.
var (
	groupEnd = [...]int{2, 4, 6, 9, 12}
	// groupLevel is the level a code stands at when group i is its last
	// non-zero group.
	groupLevel = [...]Level{LevelProvince, LevelCity, LevelCounty, LevelTownship, LevelVillage}
)

var errCodeEmpty = errors.New("empty")

// ParseCode reads a division code of 6, 9 or 12 decimal digits. It rejects
// codes whose province group is 00 and codes where a zero group is followed
// by a non-zero one (510021, 510921000001), which no division has.
func ParseCode(s string) (Code, error) {
	c, err := parseCode(s)
	if err != nil {
		return Code{}, codeError{fmt.Errorf("county: code %q is malformed: %w", s, err)}
	}
	return c, nil
}

// codeError is a malformed code; reading a document reports it under
// [RuleMalformedCode].
type codeError struct{ error }

func (e codeError) Unwrap() error { return e.error }

func (codeError) Rule() schema.Rule { return RuleMalformedCode }

func parseCode(s string) (Code, error) {
	switch len(s) {
	case 0:
		return Code{}, errCodeEmpty
	case 6, 9, 12:
	default:
		return Code{}, errors.New("want 6, 9 or 12 digits")
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return Code{}, errors.New("not all digits")
		}
		v = v*10 + uint64(s[i]-'0')
	}
	for i := len(s); i < 12; i++ {
		v *= 10
	}
	digits := s + "000000"[:12-len(s)]
	if digits[:2] == "00" {
		return Code{}, errors.New("province group is 00")
	}
	zero := false
	start := 0
	for _, end := range groupEnd {
		allZero := true
		for _, d := range digits[start:end] {
			if d != '0' {
				allZero = false
			}
		}
		if !allZero && zero {
			return Code{}, errors.New("a zero group precedes a non-zero one")
		}
		zero = zero || allZero
		start = end
	}
	return Code{v}, nil
}

// MustParseCode is like [ParseCode] but panics on a malformed code. It is
// meant for constants in programs and tests.
func MustParseCode(s string) Code {
	c, err := ParseCode(s)
	if err != nil {
		panic(err)
	}
	return c
}

// IsValid reports whether c is a code rather than the zero Code.
func (c Code) IsValid() bool { return c.v != 0 }

// Statistical returns the 12-digit form, or "" for the zero Code.
func (c Code) Statistical() string {
	if !c.IsValid() {
		return ""
	}
	s := strconv.FormatUint(c.v, 10)
	for len(s) < 12 {
		s = "0" + s
	}
	return s
}

// last returns the index of the last non-zero group of a valid code.
func (c Code) last() int {
	digits := c.Statistical()
	for i := len(groupEnd) - 1; i > 0; i-- {
		for _, d := range digits[groupEnd[i-1]:groupEnd[i]] {
			if d != '0' {
				return i
			}
		}
	}
	return 0
}

// String returns the shortest form: 6 digits for a province, city or
// county, 9 for a township, 12 for a village; "" for the zero Code.
func (c Code) String() string {
	if !c.IsValid() {
		return ""
	}
	s := c.Statistical()
	switch c.last() {
	case 3:
		return s[:9]
	case 4:
		return s
	}
	return s[:6]
}

// Level returns the level the code stands at, from its last non-zero
// group: 510000 is 省级, 510900 市级, 510921 县级, 510921001 乡镇级, a
// 12-digit code with a non-zero last group 村(社区)级. It returns the zero
// Level for the zero Code.
func (c Code) Level() Level {
	if !c.IsValid() {
		return 0
	}
	return groupLevel[c.last()]
}

// Parent returns the code one group up, by the code alone: 510921001 →
// 510921 → 510900 → 510000. A province code's parent is the zero Code.
func (c Code) Parent() Code {
	if !c.IsValid() {
		return Code{}
	}
	i := c.last()
	if i == 0 {
		return Code{}
	}
	digits := []byte(c.Statistical())
	for j := groupEnd[i-1]; j < groupEnd[i]; j++ {
		digits[j] = '0'
	}
	p, _ := parseCode(string(digits))
	return p
}

// Contains reports whether d is c or lies inside the division c names, by
// code prefix: 510921 contains 510921001 and 510921001002. Nothing contains
// or is contained in the zero Code.
func (c Code) Contains(d Code) bool {
	if !c.IsValid() || !d.IsValid() {
		return false
	}
	n := groupEnd[c.last()]
	return c.Statistical()[:n] == d.Statistical()[:n]
}

// Compare returns -1, 0 or +1 as c sorts before, with or after d, by the
// 12-digit form; the zero Code sorts first.
func (c Code) Compare(d Code) int { return cmp.Compare(c.v, d.v) }

// MarshalText writes [Code.String]; the zero Code writes as "".
func (c Code) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads a code through [ParseCode]; "" reads as the zero Code.
func (c *Code) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = Code{}
		return nil
	}
	p, err := ParseCode(string(b))
	if err != nil {
		return err
	}
	*c = p
	return nil
}
