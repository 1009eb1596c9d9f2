package reform

import (
	"math/big"
	"strconv"
)

// Ratio is an exact ratio of two integers, the form every share takes:
// numerator and denominator are kept, never a float. A zero denominator
// makes the ratio undefined, which prints as "undefined" and meets no
// target; nothing ever divides by it.
type Ratio struct {
	Num, Den int64
}

// Defined reports whether the denominator is not zero.
func (r Ratio) Defined() bool { return r.Den != 0 }

// Hundredths returns the ratio as a percentage in hundredths of a percent,
// rounded half away from zero (half up for the non-negative ratios shares
// are): 423/550 is 7691 (76.91%). The second result is false when the ratio
// is undefined. The arithmetic is exact whatever the size of the counts.
func (r Ratio) Hundredths() (int64, bool) {
	if r.Den == 0 {
		return 0, false
	}
	n := big.NewInt(r.Num)
	d := big.NewInt(r.Den)
	neg := n.Sign()*d.Sign() < 0
	n.Abs(n)
	d.Abs(d)
	// round(n·10000/d) = ⌊(2·n·10000 + d) / 2d⌋ for n, d ≥ 0.
	n.Mul(n, big.NewInt(20000))
	n.Add(n, d)
	d.Lsh(d, 1)
	n.Quo(n, d)
	if neg {
		n.Neg(n)
	}
	// |Num/Den| ≤ 2⁶³, so the percentage fits in an int64 unless the
	// ratio is wildly above 100%; saturate rather than wrap.
	if !n.IsInt64() {
		if neg {
			return -1 << 63, true
		}
		return 1<<63 - 1, true
	}
	return n.Int64(), true
}

// String prints the ratio as a percentage with two decimals, rounded half
// up (99.64%), or "undefined" when the denominator is zero.
func (r Ratio) String() string {
	h, ok := r.Hundredths()
	if !ok {
		return "undefined"
	}
	return formatHundredths(h) + "%"
}

// formatHundredths formats a number of hundredths with two decimals:
// 7685 is "76.85", -5 is "-0.05".
func formatHundredths(h int64) string {
	neg := h < 0
	u := uint64(h)
	if neg {
		u = -u
	}
	s := strconv.FormatUint(u/100, 10) + "." + strconv.FormatUint(u%100/10, 10) + strconv.FormatUint(u%10, 10)
	if neg {
		return "-" + s
	}
	return s
}

// AtLeast reports whether the ratio, as a percentage, is at least the
// given number of hundredths of a percent, compared exactly (a ratio that
// prints as 70.00% may still fall short of 70%). An undefined ratio is at
// least nothing.
func (r Ratio) AtLeast(hundredths int64) bool {
	return r.Den != 0 && r.cmp(hundredths) >= 0
}

// AtMost reports whether the ratio is at most hundredths/100 percent,
// exactly; an undefined ratio is at most nothing.
func (r Ratio) AtMost(hundredths int64) bool {
	return r.Den != 0 && r.cmp(hundredths) <= 0
}

// cmp compares the ratio with hundredths/100 percent; Den must not be 0.
func (r Ratio) cmp(hundredths int64) int {
	// Num/Den ≥ h/10000 ⇔ Num·10000 ≥ h·Den when Den > 0.
	lhs := new(big.Int).Mul(big.NewInt(r.Num), big.NewInt(10000))
	rhs := new(big.Int).Mul(big.NewInt(hundredths), big.NewInt(r.Den))
	c := lhs.Cmp(rhs)
	if r.Den < 0 {
		c = -c
	}
	return c
}
