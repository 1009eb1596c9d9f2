package matters

import (
	"cmp"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/zwfw/zwfw/schema"
)

// Quantity is an exact decimal number with at most three places: the value
// of a time limit (20, 0.5, 1.25 工作日). It counts thousandths in an
// int64, so comparisons and sums are integer arithmetic and a value read
// is written back exactly as it reads. A number with more places than
// three (1/3 written as 0.333333) or beyond ±9,223,372,036,854,775.807 is
// refused when read, never rounded. Documents write it as a JSON number.
// The zero value is 0.
type Quantity struct {
	milli int64
}

// Rules of the quantities [ParseQuantity] refuses; the error it returns
// has a Rule method giving one of them.
const (
	RuleQuantitySyntax  schema.Rule = "quantity.syntax"  // not a decimal number
	RuleQuantityInexact schema.Rule = "quantity.inexact" // more than three places
	RuleQuantityRange   schema.Rule = "quantity.range"   // beyond the int64 of thousandths
)

// QuantityOf returns the whole number n as a quantity. It panics when n is
// beyond the range of a Quantity (about ±9.2·10¹⁵); it is for constants and
// counts.
func QuantityOf(n int64) Quantity {
	if n > math.MaxInt64/1000 || n < -math.MaxInt64/1000 {
		panic("matters: QuantityOf(" + strconv.FormatInt(n, 10) + ") is out of range")
	}
	return Quantity{n * 1000}
}

// Thousandths returns the quantity of n thousandths: Thousandths(500) is
// 0.5. The range is symmetric: math.MinInt64 is read as -math.MaxInt64.
func Thousandths(n int64) Quantity { return Quantity{max(n, -math.MaxInt64)} }

// Thousandths returns q in thousandths: 500 for 0.5.
func (q Quantity) Thousandths() int64 { return q.milli }

// quantityError is a number ParseQuantity refuses, with its rule.
type quantityError struct {
	rule schema.Rule
	msg  schema.Msg
}

func (e *quantityError) Error() string                 { return "matters: " + e.msg.String() }
func (e *quantityError) Rule() schema.Rule             { return e.rule }
func (e *quantityError) Localize(l schema.Lang) string { return e.msg.Localize(l) }

// maxExponent bounds the exponents ParseQuantity works with: any larger
// one makes a non-zero number overflow or lose places.
const maxExponent = 1 << 20

// ParseQuantity reads a decimal number: digits with an optional sign, point
// and fraction, and an optional exponent (20, 0.5, -1.25, 5e-1, 1E3);
// spreadsheets' forms .5 and 5. are read too. Trailing zeros do not count
// as places (1.2500 is 1.25). A number with a non-zero fourth place is
// refused (rule quantity.inexact), as is one beyond the range
// (quantity.range) and text that is not a number (quantity.syntax).
func ParseQuantity(s string) (Quantity, error) {
	refuse := func(rule schema.Rule, format string, args ...any) (Quantity, error) {
		return Quantity{}, &quantityError{rule, schema.M(format, args...)}
	}
	i := 0
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	// The significant digits, and how many of them follow the point.
	start := i
	var digits []byte
	frac := 0
	seenPoint := false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if c != '0' || len(digits) > 0 {
				digits = append(digits, c)
			}
			if seenPoint {
				frac++
			}
			continue
		case c == '.' && !seenPoint:
			seenPoint = true
			continue
		}
		break
	}
	if i-start == 0 || i-start == 1 && seenPoint {
		return refuse(RuleQuantitySyntax, "%s is not a number", quoteShort(s))
	}
	exp := 0
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		eneg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			eneg = s[i] == '-'
			i++
		}
		if i == len(s) {
			return refuse(RuleQuantitySyntax, "%s is not a number", quoteShort(s))
		}
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			if exp < maxExponent {
				exp = exp*10 + int(s[i]-'0')
			}
		}
		if eneg {
			exp = -exp
		}
	}
	if i != len(s) {
		return refuse(RuleQuantitySyntax, "%s is not a number", quoteShort(s))
	}
	if len(digits) == 0 {
		return Quantity{}, nil // zero, however written
	}
	// The value is digits · 10^k thousandths.
	k := exp - frac + 3
	for len(digits) > 0 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
		k++
	}
	if k < 0 {
		return refuse(RuleQuantityInexact, "%s has more than three decimal places", quoteShort(s))
	}
	if len(digits)+k > 19 {
		return refuse(RuleQuantityRange, "%s is out of range (at most ±9223372036854775.807)", quoteShort(s))
	}
	var u uint64
	for _, c := range digits {
		u = u*10 + uint64(c-'0')
	}
	for ; k > 0; k-- {
		if u > math.MaxUint64/10 {
			return refuse(RuleQuantityRange, "%s is out of range (at most ±9223372036854775.807)", quoteShort(s))
		}
		u *= 10
	}
	if u > math.MaxInt64 {
		return refuse(RuleQuantityRange, "%s is out of range (at most ±9223372036854775.807)", quoteShort(s))
	}
	if neg {
		return Quantity{-int64(u)}, nil
	}
	return Quantity{int64(u)}, nil
}

// quoteShort quotes s for a message, cut to 40 characters.
func quoteShort(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return strconv.Quote(s)
}

// MustParseQuantity is like [ParseQuantity] but panics on error. It is for
// constants in programs and tests.
func MustParseQuantity(s string) Quantity { return schema.Must(ParseQuantity(s)) }

// String writes q in the fewest digits: "20", "0.5", "-1.25".
func (q Quantity) String() string {
	var b [24]byte
	return string(q.appendText(b[:0]))
}

func (q Quantity) appendText(b []byte) []byte {
	u := uint64(q.milli)
	if q.milli < 0 {
		b = append(b, '-')
		u = uint64(-q.milli) // -MinInt64 wraps to itself, read unsigned
	}
	b = strconv.AppendUint(b, u/1000, 10)
	if f := u % 1000; f != 0 {
		s := strconv.FormatUint(f+1000, 10)[1:] // three digits
		b = append(b, '.')
		b = append(b, strings.TrimRight(s, "0")...)
	}
	return b
}

// MarshalText writes q as [Quantity.String] does.
func (q Quantity) MarshalText() ([]byte, error) { return q.appendText(nil), nil }

// MarshalNumber writes q as a JSON number; it makes documents write a
// quantity as a number ([schema.NumberMarshaler]).
func (q Quantity) MarshalNumber() string { return q.String() }

// UnmarshalText reads a quantity through [ParseQuantity].
func (q *Quantity) UnmarshalText(b []byte) error { return schema.UnmarshalText(q, b, ParseQuantity) }

// IsZero reports whether q is 0.
func (q Quantity) IsZero() bool { return q.milli == 0 }

// Sign returns -1, 0 or +1.
func (q Quantity) Sign() int { return cmp.Compare(q.milli, 0) }

// Cmp compares q and r: -1, 0 or +1.
func (q Quantity) Cmp(r Quantity) int { return cmp.Compare(q.milli, r.milli) }

// Int returns q as a whole number; ok is false when q has a fractional
// part.
func (q Quantity) Int() (n int64, ok bool) { return q.milli / 1000, q.milli%1000 == 0 }

// Ceil returns the least whole number not less than q: a part of a day
// counts as a day.
func (q Quantity) Ceil() int64 {
	n := q.milli / 1000
	if q.milli%1000 > 0 {
		n++
	}
	return n
}

// Rat returns q as an exact fraction.
func (q Quantity) Rat() *big.Rat { return big.NewRat(q.milli, 1000) }

// Add returns q + r; ok is false when the sum is out of range.
func (q Quantity) Add(r Quantity) (sum Quantity, ok bool) {
	s := q.milli + r.milli
	if (s > q.milli) != (r.milli > 0) {
		return Quantity{}, false
	}
	return Quantity{s}, true
}

// Mul returns q·n; ok is false when the product is out of range.
func (q Quantity) Mul(n int64) (product Quantity, ok bool) {
	if q.milli == 0 || n == 0 {
		return Quantity{}, true
	}
	p := q.milli * n
	if p/n != q.milli || q.milli == math.MinInt64 || n == math.MinInt64 && q.milli != 1 {
		return Quantity{}, false
	}
	return Quantity{p}, true
}

// Equal reports whether q and r are the same number.
func (q Quantity) Equal(r Quantity) bool { return q.milli == r.milli }
