package matters

import (
	"cmp"
	"fmt"
	"strconv"

	"github.com/zwfw/zwfw/schema"
)

// DivisionCode is an administrative division code: a GB/T 2260 code of 6
// digits (province 2, city 2, county 2), or a statistical division code that
// adds 3 digits for the township and 3 for the village. 511602 is 广安区;
// 511602001 a township of it; Sichuan's portal writes 511602 as
// 511602000000.
//
// A DivisionCode does not remember how many digits it was written with: the
// 6-, 9- and 12-digit spellings of a code are the same value. String writes
// the shortest (6 digits down to county level, 9 for a township, 12 for a
// village); [DivisionCode.Statistical] always writes 12.
//
// Parsing checks that a code is well-formed, as golang.org/x/text/language
// does for tags, not that its division exists: the province part is not 00,
// a part may be non-zero only under a non-zero parent part (the county part
// may be 00 under a city with townships, as 东莞市 441900 has), and 100000,
// which credit codes use for bodies registered at national level, is the
// national code above all provinces. A made-up province (99 in a fixture)
// is well-formed; [DivisionCode.IsKnown] reports whether the province is
// one of GB/T 2260's, and the matter and credit codes, which name real
// divisions, report an unknown one (code.unknown-province).
//
// DivisionCode is the module's one division code: package county reads and
// writes its divisions with it (county.Code is the same type), so a
// catalogue's division and a unit of a divisions document compare with ==.
//
// The zero DivisionCode is not a code: IsValid reports false and String
// returns "". DivisionCode values are comparable with == and usable as map
// keys.
type DivisionCode struct {
	v uint64 // the 12-digit statistical code; 0 for the zero DivisionCode
}

const (
	divVillage  = 1
	divTownship = 1_000
	divCounty   = 1_000_000
	divCity     = 100_000_000
	divProvince = 10_000_000_000
	divNational = 100_000_000_000 // 100000 000000
)

// isProvince reports whether p is the province part of a GB/T 2260 code.
func isProvince(p uint64) bool {
	switch p {
	case 11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
		41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82:
		return true
	}
	return false
}

// ParseDivisionCode parses a division code of 6, 9 or 12 digits. On failure
// it returns a [*CodeError] at the first character that is wrong.
func ParseDivisionCode(s string) (DivisionCode, error) {
	var v uint64
	for i := 0; i < len(s) && i < 12; i++ {
		if !isCodeDigit(s[i]) {
			return DivisionCode{}, codeErr(s, i, codeRuleMalformed,
				"division code has %s, want a digit", quoteCodeChar(s, i))
		}
		v = v*10 + uint64(s[i]-'0')
	}
	switch n := len(s); {
	case n == 0:
		return DivisionCode{}, codeErr(s, 0, codeRuleMalformed, "empty; want a division code of 6, 9 or 12 digits")
	case n > 12:
		return DivisionCode{}, codeErr(s, 12, codeRuleMalformed, "division code longer than 12 digits")
	case n != 6 && n != 9 && n != 12:
		return DivisionCode{}, codeErr(s, n, codeRuleMalformed,
			"division code of %s digits, want 6, 9 or 12", strconv.Itoa(n))
	}
	for n := len(s); n < 12; n += 3 {
		v *= 1000
	}
	return checkDivision(s, v)
}

// checkDivision checks the structure of v, whose leading digits are s; the
// positions of errors are those of s.
func checkDivision(s string, v uint64) (DivisionCode, error) {
	// firstNonZero returns the offset of the first non-zero digit of s from
	// offset i on; the caller knows there is one.
	firstNonZero := func(i int) int {
		for i < len(s) && s[i] == '0' {
			i++
		}
		return i
	}
	prov := v / divProvince
	switch {
	case prov == 10:
		if v != divNational {
			return DivisionCode{}, codeErr(s, firstNonZero(2), codeRuleMalformed,
				"the national code 100000 has no parts below it")
		}
		return DivisionCode{v}, nil
	case prov == 0:
		return DivisionCode{}, codeErr(s, 0, codeRuleMalformed,
			"division code has province part 00")
	case v/divCity%100 == 0 && v%divCity != 0:
		return DivisionCode{}, codeErr(s, firstNonZero(4), codeRuleMalformed,
			"division code has a part below city part 00")
	case v/divTownship%1000 == 0 && v%divTownship != 0:
		return DivisionCode{}, codeErr(s, firstNonZero(9), codeRuleMalformed,
			"division code has a village part below township part 000")
	}
	return DivisionCode{v}, nil
}

// parseKnownDivision is [ParseDivisionCode] for a code that names a real
// division (the area of a matter code): a province GB/T 2260 does not list
// is an error, code.unknown-province.
func parseKnownDivision(s string) (DivisionCode, error) {
	d, err := ParseDivisionCode(s)
	if err == nil && !d.IsKnown() {
		return DivisionCode{}, codeErr(s, 0, codeRuleUnknownProvince, "no GB/T 2260 province has code %s", s[:2])
	}
	return d, err
}

// IsKnown reports whether d is the national code or lies in a province
// GB/T 2260 lists. A well-formed code of a made-up province is valid
// ([DivisionCode.IsValid]) but not known.
func (d DivisionCode) IsKnown() bool {
	return d.v == divNational || isProvince(d.v/divProvince)
}

// MustParseDivisionCode is like [ParseDivisionCode] but panics on error. It
// is meant for constants in tests and examples.
func MustParseDivisionCode(s string) DivisionCode { return schema.Must(ParseDivisionCode(s)) }

// IsValid reports whether d is a code rather than the zero DivisionCode.
func (d DivisionCode) IsValid() bool { return d.v != 0 }

// String returns the shortest spelling of d: 6 digits for the nation, a
// province, city or county, 9 for a township, 12 for a village; "" for the
// zero DivisionCode.
func (d DivisionCode) String() string {
	switch {
	case d.v == 0:
		return ""
	case d.v%divCounty == 0:
		return fmt.Sprintf("%06d", d.v/divCounty)
	case d.v%divTownship == 0:
		return fmt.Sprintf("%09d", d.v/divTownship)
	}
	return fmt.Sprintf("%012d", d.v)
}

// Statistical returns the 12-digit statistical spelling of d, such as
// 511602000000 for 广安区, or "" for the zero DivisionCode.
func (d DivisionCode) Statistical() string {
	if d.v == 0 {
		return ""
	}
	return fmt.Sprintf("%012d", d.v)
}

// Level returns the level of the division d names, or 0 for the zero
// DivisionCode.
func (d DivisionCode) Level() DivisionLevel {
	switch {
	case d.v == 0:
		return 0
	case d.v%divTownship != 0:
		return DivisionVillage
	case d.v%divCounty != 0:
		return DivisionTownship
	case d.v%divCity != 0:
		return DivisionCounty
	case d.v%divProvince != 0:
		return DivisionCity
	case d.v == divNational:
		return DivisionNational
	}
	return DivisionProvince
}

// Parent returns the division directly above d: the township of a village,
// the county (or, where the county part is 00, the city) of a township, the
// city of a county, the province of a city, the national code 100000 of a
// province; the zero DivisionCode for the national code and the zero
// DivisionCode.
func (d DivisionCode) Parent() DivisionCode {
	switch d.Level() {
	case DivisionVillage:
		return DivisionCode{d.v - d.v%divTownship}
	case DivisionTownship:
		return DivisionCode{d.v - d.v%divCounty}
	case DivisionCounty:
		return DivisionCode{d.v - d.v%divCity}
	case DivisionCity:
		return DivisionCode{d.v - d.v%divProvince}
	case DivisionProvince:
		return DivisionCode{divNational}
	}
	return DivisionCode{}
}

// Contains reports whether e is d or lies within d. The zero DivisionCode
// contains nothing and is contained in nothing.
func (d DivisionCode) Contains(e DivisionCode) bool {
	if d.v == 0 {
		return false
	}
	for ; e.v != 0; e = e.Parent() {
		if e == d {
			return true
		}
	}
	return false
}

// Province returns the province d lies in (d itself for a province), or the
// zero DivisionCode for the national code and the zero DivisionCode.
func (d DivisionCode) Province() DivisionCode {
	if d.v == 0 || d.v == divNational {
		return DivisionCode{}
	}
	return DivisionCode{d.v - d.v%divProvince}
}

// City returns the city-level division d lies in (d itself for a city), or
// the zero DivisionCode above city level.
func (d DivisionCode) City() DivisionCode {
	return d.part(divCity, divProvince)
}

// County returns the county-level division d lies in (d itself for a
// county), or the zero DivisionCode above county level and for townships
// directly under a city.
func (d DivisionCode) County() DivisionCode {
	return d.part(divCounty, divCity)
}

// Township returns the township-level division d lies in (d itself for a
// township), or the zero DivisionCode above township level.
func (d DivisionCode) Township() DivisionCode {
	return d.part(divTownship, divCounty)
}

// part returns d cut to the part whose lowest digit has weight unit and
// highest digit has weight next/10, or the zero DivisionCode if that part
// is zero.
func (d DivisionCode) part(unit, next uint64) DivisionCode {
	if d.v%next/unit == 0 || d.v == divNational {
		return DivisionCode{}
	}
	return DivisionCode{d.v - d.v%unit}
}

// Compare returns an integer comparing d and e numerically by their 12
// digits, which puts every division before those within it; the zero
// DivisionCode sorts first.
func (d DivisionCode) Compare(e DivisionCode) int { return cmp.Compare(d.v, e.v) }

// MarshalText implements [encoding.TextMarshaler] with the shortest
// spelling (see [DivisionCode.String]); the zero DivisionCode marshals as
// empty text.
func (d DivisionCode) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] through
// [ParseDivisionCode]; empty text gives the zero DivisionCode.
func (d *DivisionCode) UnmarshalText(text []byte) error {
	return schema.UnmarshalOptional(d, text, ParseDivisionCode)
}
