package reform

import (
	"fmt"
	"strings"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
)

// SpeedupFormula is how [PromiseSpeedup] is computed: bureaus print one of
// three figures under the name 承诺提速率. Its text form is the Chinese name
// of the variant. The zero value is [SpeedupSum].
type SpeedupFormula uint8

// The formulas of 承诺提速率.
const (
	// SpeedupSum is (Σ legal − Σ promised) / Σ legal: long limits weigh
	// more (总时限压缩比).
	SpeedupSum SpeedupFormula = iota
	// SpeedupMean is the mean over the matters of (legal − promised) /
	// legal, each matter's cut taken in whole millionths, rounded half up
	// (平均压缩比). A legal limit of 0 (即办) has a cut of 0.
	SpeedupMean
	// SpeedupShare is the share of matters whose promised limit is shorter
	// than their legal limit (提速事项占比).
	SpeedupShare
)

var speedupFormulas = &schema.Terms{Pkg: "reform", Name: "formula", Type: "reform.SpeedupFormula", FromZero: true,
	List: []string{SpeedupSum: "总时限压缩比", SpeedupMean: "平均压缩比", SpeedupShare: "提速事项占比"}}

var speedupAliases = map[string]SpeedupFormula{"sum": SpeedupSum, "mean": SpeedupMean, "share": SpeedupShare}

// String returns the Chinese name of the formula; it never panics.
func (f SpeedupFormula) String() string { return speedupFormulas.Term(uint8(f)) }

// ParseSpeedupFormula reads a formula from its Chinese name or its English
// key (sum, mean, share).
func ParseSpeedupFormula(s string) (SpeedupFormula, error) {
	for i, n := range speedupFormulas.List {
		if s == n {
			return SpeedupFormula(i), nil
		}
	}
	if f, ok := speedupAliases[strings.ToLower(s)]; ok {
		return f, nil
	}
	return 0, fmt.Errorf("reform: unknown 承诺提速率 formula %q (want %s, %s or %s; or sum, mean, share)", s, speedupFormulas.List[0], speedupFormulas.List[1], speedupFormulas.List[2])
}

// MarshalText writes the Chinese name.
func (f SpeedupFormula) MarshalText() ([]byte, error) { return speedupFormulas.Marshal(uint8(f)) }

// UnmarshalText reads a formula through [ParseSpeedupFormula].
func (f *SpeedupFormula) UnmarshalText(b []byte) error {
	return schema.UnmarshalText(f, b, ParseSpeedupFormula)
}

// UnitPolicy is how limits in units that do not convert to working days by
// law (自然日, 小时, 分钟) are compared with limits in working days. The zero
// value is [ConvertUnits].
type UnitPolicy uint8

// The unit policies.
const (
	// ConvertUnits converts: 7 自然日 are 5 working days, a working day is
	// 8 小时 or 480 分钟. Pairs in one unit compare directly; the converted
	// pairs (units differing) are counted in [Result.Converted].
	ConvertUnits UnitPolicy = iota
	// SameUnitOnly compares only pairs in one unit (or in units of the
	// working-day family: 工作日, 月, 年, 即办) and leaves the other pairs out
	// as incomparable.
	SameUnitOnly
)

var unitPolicies = &schema.Terms{Pkg: "reform", Name: "unit policy", Type: "reform.UnitPolicy", FromZero: true,
	List: []string{ConvertUnits: "换算", SameUnitOnly: "同单位"}}

// String returns the Chinese name of the policy; it never panics.
func (p UnitPolicy) String() string { return unitPolicies.Term(uint8(p)) }

// ParseUnitPolicy reads a policy from its Chinese name or its English key
// (convert, same-unit).
func ParseUnitPolicy(s string) (UnitPolicy, error) {
	switch strings.ToLower(s) {
	case unitPolicies.List[ConvertUnits], "convert":
		return ConvertUnits, nil
	case unitPolicies.List[SameUnitOnly], "same-unit":
		return SameUnitOnly, nil
	}
	return 0, fmt.Errorf("reform: unknown unit policy %q (want 换算 or 同单位; or convert, same-unit)", s)
}

// MarshalText writes the Chinese name.
func (p UnitPolicy) MarshalText() ([]byte, error) { return unitPolicies.Marshal(uint8(p)) }

// UnmarshalText reads a policy through [ParseUnitPolicy].
func (p *UnitPolicy) UnmarshalText(b []byte) error {
	return schema.UnmarshalText(p, b, ParseUnitPolicy)
}

// Limit families: sums are kept per family, in thousandths of the
// family's unit (a limit's exact value, matters.Quantity), and converted only when a result is asked for, so they stay exact.
const (
	famWorking  = iota // 工作日, 月 (22), 年 (250), 即办 (0)
	famCalendar        // 自然日
	famHours           // 小时
	famMinutes         // 分钟
	numFamilies
)

// familyRate is the working days one unit of a family counts as under
// [ConvertUnits], as a fraction num/den.
var familyRate = [numFamilies][2]int64{famWorking: {1, 1}, famCalendar: {5, 7}, famHours: {1, 8}, famMinutes: {1, 480}}

// scaleL is the common denominator of the family rates: a sum in
// thousandths of a family's unit times familyRate·scaleL is in
// 1/(1000·scaleL) of a working day.
const scaleL = 3360 // lcm(1, 7, 8, 480)

func familyOf(u matters.TimeUnit) (int, bool) {
	switch u {
	case matters.WorkingDays, matters.Months, matters.Years, matters.Instant:
		return famWorking, true
	case matters.CalendarDays:
		return famCalendar, true
	case matters.Hours:
		return famHours, true
	case matters.Minutes:
		return famMinutes, true
	}
	return 0, false
}

// thousandthsIn returns the limit in thousandths of its family's unit,
// exactly: a limit's value is a whole number of thousandths.
func thousandthsIn(l matters.Limit) (fam int, m int64, r Reason) {
	fam, ok := familyOf(l.Unit)
	if !ok {
		return 0, 0, LimitOutOfRange
	}
	v := l.Value
	if wd, ok := l.WorkingDays(); ok {
		v = wd
	} else if l.Unit == matters.Months || l.Unit == matters.Years {
		return 0, 0, LimitOutOfRange // too many working days for a Quantity
	}
	// Bound every family as working days are bounded:
	// v ≤ MaxLimitDays · den/num, in thousandths.
	m = v.Thousandths()
	if m < 0 || m > MaxLimitDays*familyRate[fam][1]*1000/familyRate[fam][0] {
		return 0, 0, LimitOutOfRange
	}
	return fam, m, 0
}

// scaled converts thousandths of a family's unit to 1/(1000·scaleL) of a
// working day.
func scaled(fam int, h int64) int64 {
	return h * familyRate[fam][0] * (scaleL / familyRate[fam][1])
}

// incomparable is the reason a pair in differing families is left out
// under [SameUnitOnly].
func incomparable(fam int) Reason {
	switch fam {
	case famCalendar:
		return IncomparableCalendarDays
	case famHours:
		return IncomparableHours
	case famMinutes:
		return IncomparableMinutes
	}
	return 0
}
