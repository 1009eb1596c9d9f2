package report

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// Decimal is an exact decimal number kept as written: "69", "76.85",
// "73.6". Keeping the text keeps the precision a bulletin printed (73.6% is
// not 73.60%), which is also the precision a computed value is rounded to
// when the two are compared. The zero value is 0.
type Decimal struct {
	text string // canonical: -?(0|[1-9][0-9]*)(\.[0-9]+)?; "" means 0
}

// ParseDecimal reads a decimal number in JSON syntax ("12", "-0.5",
// "99.64"); an exponent ("1e3") is accepted and written out in full.
// Leading zeros and a leading "+" are refused.
func ParseDecimal(s string) (Decimal, error) {
	if isPlainDecimal(s) {
		if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[3:], "0") == "" {
			s = s[1:]
		}
		return Decimal{s}, nil
	}
	if !isJSONNumber(s) {
		return Decimal{}, fmt.Errorf("report: %q is not a decimal number", s)
	}
	mant, exp, _ := strings.Cut(strings.ToLower(s), "e")
	e, err := strconv.Atoi(exp)
	if err != nil || e > 64 || e < -64 {
		return Decimal{}, fmt.Errorf("report: %q is out of range", s)
	}
	r, ok := new(big.Rat).SetString(mant)
	if !ok {
		return Decimal{}, fmt.Errorf("report: %q is not a decimal number", s)
	}
	places := 0
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		places = len(mant) - i - 1
	}
	places -= e
	if places < 0 {
		places = 0
	}
	r.Mul(r, new(big.Rat).SetFrac(pow10(max(e, 0)), pow10(max(-e, 0))))
	return decimalFromRat(r, places), nil
}

// MustParseDecimal is [ParseDecimal] that panics on error, for constants in
// programs and tests.
func MustParseDecimal(s string) Decimal {
	d, err := ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DecimalOf returns the decimal for an integer.
func DecimalOf(n int64) Decimal { return Decimal{strconv.FormatInt(n, 10)} }

func isPlainDecimal(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == start || s[start] == '0' && i-start > 1 {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		frac := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == frac {
			return false
		}
	}
	return i == len(s)
}

func isJSONNumber(s string) bool {
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	if !isPlainDecimal(mant) {
		return false
	}
	if !hasExp {
		return true
	}
	exp = strings.TrimPrefix(strings.TrimPrefix(exp, "+"), "-")
	if exp == "" {
		return false
	}
	for i := 0; i < len(exp); i++ {
		if exp[i] < '0' || exp[i] > '9' {
			return false
		}
	}
	return true
}

func pow10(n int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil) }

// decimalFromRat writes r with the given number of places; r must be exact
// at that precision.
func decimalFromRat(r *big.Rat, places int) Decimal {
	s := r.FloatString(places)
	if s == "-0" || strings.HasPrefix(s, "-") && strings.Trim(s[1:], "0.") == "" {
		s = s[1:]
	}
	return Decimal{s}
}

// String returns the number as written.
func (d Decimal) String() string {
	if d.text == "" {
		return "0"
	}
	return d.text
}

// Rat returns the exact value.
func (d Decimal) Rat() *big.Rat {
	r, _ := new(big.Rat).SetString(d.String())
	return r
}

// Int64 returns the value as an integer; ok is false when it has a
// fractional part or does not fit.
func (d Decimal) Int64() (n int64, ok bool) {
	s := d.String()
	if i := strings.IndexByte(s, '.'); i >= 0 {
		if strings.Trim(s[i+1:], "0") != "" {
			return 0, false
		}
		s = s[:i]
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// IsInt reports whether the value is a whole number.
func (d Decimal) IsInt() bool {
	s := d.String()
	i := strings.IndexByte(s, '.')
	return i < 0 || strings.Trim(s[i+1:], "0") == ""
}

// Sign returns -1, 0 or +1.
func (d Decimal) Sign() int { return d.Rat().Sign() }

// Places returns the number of digits written after the decimal point.
func (d Decimal) Places() int {
	s := d.String()
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// Cmp compares the values of d and e: -1, 0 or +1.
func (d Decimal) Cmp(e Decimal) int { return d.Rat().Cmp(e.Rat()) }

// Add returns d + e, with as many places as the more precise of the two.
func (d Decimal) Add(e Decimal) Decimal {
	r := new(big.Rat).Add(d.Rat(), e.Rat())
	return decimalFromRat(r, max(d.Places(), e.Places()))
}

// shift returns d divided by 10^n, written without trailing zeros.
func (d Decimal) shift(n int) Decimal {
	if n == 0 {
		return d
	}
	r := new(big.Rat).Quo(d.Rat(), new(big.Rat).SetInt(pow10(n)))
	s := r.FloatString(d.Places() + n)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return Decimal{s}
}

// MarshalText writes the number as written.
func (d Decimal) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a number through [ParseDecimal].
func (d *Decimal) UnmarshalText(b []byte) error {
	v, err := ParseDecimal(string(b))
	*d = v
	return err
}

// MarshalJSON writes the number as a JSON number.
func (d Decimal) MarshalJSON() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalJSON reads a JSON number.
func (d *Decimal) UnmarshalJSON(b []byte) error { return d.UnmarshalText(b) }

// Computed is a figure computed from data rather than reported: a count,
// or a ratio shown as a percentage. Numerator and denominator stay exact
// integers; rounding happens only when the ratio is written. The zero value
// is the count 0.
type Computed struct {
	num, den int64
	ratio    bool
}

// CountOf returns the computed count n.
func CountOf(n int64) Computed { return Computed{num: n} }

// RatioOf returns the computed ratio num/den.
func RatioOf(num, den int64) Computed { return Computed{num: num, den: den, ratio: true} }

// IsRatio reports whether c is a ratio rather than a count.
func (c Computed) IsRatio() bool { return c.ratio }

// Num returns the count, or the numerator of a ratio.
func (c Computed) Num() int64 { return c.num }

// Den returns the denominator of a ratio, 0 for a count.
func (c Computed) Den() int64 { return c.den }

// Percent returns the ratio as a percentage rounded half up to places
// decimals (21514/32307 at 2 places is 66.59). ok is false for a count or a
// ratio with a zero denominator.
func (c Computed) Percent(places int) (d Decimal, ok bool) {
	if !c.ratio || c.den == 0 || places < 0 {
		return Decimal{}, false
	}
	// round(num*100*10^places / den), half away from zero.
	n := new(big.Int).Mul(big.NewInt(c.num), big.NewInt(100))
	n.Mul(n, pow10(places))
	den := big.NewInt(c.den)
	neg := n.Sign()*den.Sign() < 0
	n.Abs(n)
	den.Abs(den)
	q, r := new(big.Int).QuoRem(n, den, new(big.Int))
	if r.Mul(r, big.NewInt(2)).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if neg {
		q.Neg(q)
	}
	return decimalFromRat(new(big.Rat).SetFrac(q, pow10(places)), places), true
}

// String writes a count as its digits and a ratio as a percentage with two
// decimals and its parts: "76.85% (1234/1606)".
func (c Computed) String() string {
	if !c.ratio {
		return strconv.FormatInt(c.num, 10)
	}
	p, ok := c.Percent(2)
	if !ok {
		return fmt.Sprintf("undefined (%d/%d)", c.num, c.den)
	}
	return fmt.Sprintf("%s%% (%d/%d)", p, c.num, c.den)
}
