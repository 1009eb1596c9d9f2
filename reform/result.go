package reform

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/zwfw/zwfw/matters"
)

// Result is the figure of one indicator with how it was reached.
type Result struct {
	Indicator Indicator
	// Name, Custom and Share describe a bureau's own indicator
	// ([Indicators.CustomResult]); Indicator is then zero.
	Name   string
	Custom bool
	Share  bool
	// Num and Den are, for a share, its numerator and denominator (for
	// PromiseSpeedup by the formula SpeedupSum: Σ (legal − promised) and
	// Σ legal, in 1/Scale of a working day; by SpeedupMean: the sum of the
	// per-matter cuts and the matters, in millionths; by SpeedupShare:
	// the matters sped up and the matters compared); for a count, Num is
	// the count and Den is zero.
	Num, Den int64
	// Scale is, for PromiseSpeedup by SpeedupSum, how many parts of a
	// working day Num and Den count in: 100 (hundredths) when every limit
	// was in 工作日, 月 or 年, more when limits in 自然日, 小时 or 分钟 were
	// converted. Zero otherwise.
	Scale int64
	// Formula is the formula PromiseSpeedup was computed by.
	Formula SpeedupFormula
	// Converted is, for PromiseSpeedup, how many matters had their limits
	// in two units that were converted to compare them (Config.Units).
	Converted int64
	// Distinct is set when Num counts distinct items rather than matters:
	// the scope counts (川渝通办事项数, 跨省通办事项数, 全域通办事项数,
	// 就近可办事项数) count an item once however many matters (of several
	// bodies or counties) claim it, by base code or, lacking one, by name
	// and type. Matters is then the number of matters counted.
	Distinct bool
	Matters  int64
	// Counted is how many matters the figure was taken over: the
	// denominator's matters for a share, the matters examined for a
	// count; bundles for BundleCount, base items for ClaimRate.
	Counted int64
	// Groups breaks a count down: DelegatedCount by receiving level,
	// SichuanChongqingCount and CrossProvinceCount by batch.
	Groups []Subtotal
	// Excluded says which matters were left out and why, one entry per
	// reason. For every indicator over matters, Counted plus the excluded
	// counts is the number of matters added.
	Excluded []Exclusion
	// Unknown says which matters in the denominator do not state what the
	// indicator asks (到现场次数 for 零跑动率): they are in Counted and the
	// denominator, not in the numerator, and are shown rather than
	// silently dropped.
	Unknown []Exclusion
}

// Subtotal is the count of one group of a [Result]: a receiving level
// (乡镇级) or a batch (第1批). Matters that do not say are grouped under
// 层级未注明 or 批次未注明.
type Subtotal struct {
	Key   string `json:"key"`
	Count int64  `json:"count"`
}

// Exclusion counts the matters an indicator left out for one reason, with
// up to [MaxExamples] of their codes (the smallest, sorted).
type Exclusion struct {
	Reason   Reason   `json:"reason"`
	Count    int64    `json:"count"`
	Examples []string `json:"examples,omitempty"`
}

// IsShare reports whether the figure is a share rather than a count.
func (r Result) IsShare() bool { return r.Indicator.IsShare() || r.Custom && r.Share }

// Label returns the indicator's name: the Chinese name of the
// [Indicator], or a custom indicator's own.
func (r Result) Label() string {
	if r.Custom {
		return r.Name
	}
	return r.Indicator.String()
}

// Ratio returns the share as a [Ratio]; for a count it is undefined.
func (r Result) Ratio() Ratio { return Ratio{Num: r.Num, Den: r.Den} }

// Value returns the figure as printed: a percentage with two decimals
// ("76.85%") or "undefined" for a share, the number for a count.
func (r Result) Value() string {
	if r.IsShare() {
		return r.Ratio().String()
	}
	if r.Indicator.IsAverage() {
		// Hundredths of Num/(100·Den) are hundredths of the average.
		h, ok := Ratio{Num: r.Num, Den: r.Den * 100}.Hundredths()
		if !ok {
			return "undefined"
		}
		return formatHundredths(h)
	}
	return strconv.FormatInt(r.Num, 10)
}

// String returns the indicator, its figure and, for a share, the counts
// it divides: "即办比例 76.85% (423/550)".
func (r Result) String() string {
	var b strings.Builder
	b.WriteString(r.Label())
	b.WriteByte(' ')
	b.WriteString(r.Value())
	if r.IsShare() || r.Indicator.IsAverage() {
		b.WriteString(" (")
		b.WriteString(strconv.FormatInt(r.Num, 10))
		b.WriteByte('/')
		b.WriteString(strconv.FormatInt(r.Den, 10))
		b.WriteByte(')')
	}
	return b.String()
}

// MarshalJSON writes the result with its printed value beside the exact
// counts.
func (r Result) MarshalJSON() ([]byte, error) { return json.Marshal(r.jsonForm(nil, 0)) }

// resultJSON is the JSON form of a [Result], and of a [Score] with its
// target and verdict.
type resultJSON struct {
	Indicator Indicator   `json:"indicator,omitempty"`
	Name      string      `json:"name,omitempty"`
	Value     string      `json:"value"`
	Num       int64       `json:"num"`
	Den       *int64      `json:"den,omitempty"`
	Counted   int64       `json:"counted"`
	Target    string      `json:"target,omitempty"`
	Verdict   Verdict     `json:"verdict,omitempty"`
	Groups    []Subtotal  `json:"groups,omitempty"`
	Excluded  []Exclusion `json:"excluded,omitempty"`
	Unknown   []Exclusion `json:"unknown,omitempty"`
	Formula   string      `json:"formula,omitempty"`
	Scale     int64       `json:"scale,omitempty"`
	Converted int64       `json:"converted,omitempty"`
	Distinct  bool        `json:"distinctItems,omitempty"`
	Matters   int64       `json:"matters,omitempty"`
}

func (r Result) jsonForm(t *Target, v Verdict) resultJSON {
	o := resultJSON{Indicator: r.Indicator, Value: r.Value(), Num: r.Num, Counted: r.Counted, Verdict: v, Groups: r.Groups, Excluded: r.Excluded,
		Unknown: r.Unknown, Scale: r.Scale, Converted: r.Converted, Distinct: r.Distinct, Matters: r.Matters}
	if r.Indicator == PromiseSpeedup {
		o.Formula = r.Formula.String()
	}
	if r.Custom {
		o.Name = r.Name
	}
	if r.IsShare() || r.Indicator.IsAverage() {
		den := r.Den
		o.Den = &den
	}
	if t != nil {
		o.Target = t.String()
	}
	return o
}

// Result returns the figure of indicator i over what was added so far.
// For a value that is not an indicator it returns a Result with only
// Indicator set.
func (x *Indicators) Result(i Indicator) Result {
	r := Result{Indicator: i}
	share := func(num, den int64, out *exclusions) {
		r.Num, r.Den, r.Counted, r.Excluded = num, den, den, out.list()
	}
	count := func(n int64) { r.Num, r.Counted = n, x.matters }
	switch i {
	case TotalMatters:
		count(x.matters)
	case ApplicationCount:
		r.Num, r.Counted, r.Excluded = x.app, x.app, x.appOut.list()
	case PromiseSpeedup:
		r.Counted, r.Excluded, r.Converted = x.limits, x.limitsOut.list(), x.converted
		if x.cfg != nil {
			r.Formula = x.cfg.speedup
		}
		switch r.Formula {
		case SpeedupMean:
			r.Num, r.Den = x.cuts, x.limits*1_000_000
		case SpeedupShare:
			r.Num, r.Den = x.spedUp, x.limits
		default:
			r.Num, r.Den, r.Scale = x.speedupSums()
		}
	case InstantShare:
		share(x.instant, x.app, &x.appOut)
		r.Unknown = x.instantUnknown.list()
	case InstantCount:
		r.Num, r.Counted, r.Excluded, r.Unknown = x.instant, x.app, x.appOut.list(), x.instantUnknown.list()
	case FullyOnlineShare:
		share(x.online, x.app, &x.appOut)
		r.Unknown = x.onlineUnknown.list()
	case FullyOnlineCount:
		r.Num, r.Counted, r.Excluded, r.Unknown = x.online, x.app, x.appOut.list(), x.onlineUnknown.list()
	case ZeroVisitShare:
		share(x.zeroVisits, x.visits, &x.visitsOut)
		r.Unknown = x.visitsUnknown.list()
	case AtMostOnceShare:
		share(x.atMostOnce, x.visits, &x.visitsOut)
		r.Unknown = x.visitsUnknown.list()
	case InHallShare:
		share(x.inHall, x.app, &x.appOut)
	case DelegatedCount:
		var n int64
		for _, v := range x.delegated {
			n += v
		}
		count(n)
		for _, lv := range matters.AllLevels() {
			if v := x.delegated[lv]; v != 0 {
				r.Groups = append(r.Groups, Subtotal{Key: levelKey(lv), Count: v})
			}
		}
		if v := x.delegated[0]; v != 0 {
			r.Groups = append(r.Groups, Subtotal{Key: levelKey(0), Count: v})
		}
	case SichuanChongqingCount, CrossProvinceCount, CountyWideCount, NearbyCount, NationwideCount, RegionalCount:
		k := scopeOf[i]
		n, groups := x.items[k].tally()
		count(n)
		r.Distinct, r.Matters = true, x.scopes[k]
		switch i {
		case SichuanChongqingCount, CrossProvinceCount:
			r.Groups = groups
		case RegionalCount:
			names := slices.Sorted(maps.Keys(x.regional))
			for _, name := range names {
				n, _ := x.regional[name].tally()
				r.Groups = append(r.Groups, Subtotal{Key: name, Count: n})
			}
		}
	case BundleCount:
		r.Num, r.Counted = x.bundles, x.bundles
	case SelfService24hCount:
		count(x.selfService)
	case TolerateMissingCount:
		count(x.tolerate)
	case ClaimRate:
		claimed, applicable, other := x.claimCounts()
		share(claimed, applicable, &other)
	case NationalCoverage:
		share(x.linked, x.covered, &x.coverOut)
	case ZeroMaterialCount:
		r.Num, r.Counted, r.Excluded = x.zeroMaterial, x.withMaterials, x.materialsOut.list()
	case ZeroMaterialShare:
		share(x.zeroMaterial, x.withMaterials, &x.materialsOut)
	case ExemptMaterialShare:
		r.Num, r.Den, r.Counted, r.Excluded = x.exemptMaterials, x.materials, x.withMaterials, x.materialsOut.list()
	case MaterialsPerMatter:
		share(x.materials, x.withMaterials, &x.materialsOut)
	case ELicenceShare:
		share(x.eLicences, x.results, &x.resultsOut)
	}
	return r
}

// scopeOf is the scope each scope count counts.
var scopeOf = map[Indicator]matters.ScopeKind{
	SichuanChongqingCount: matters.SichuanChongqing, CrossProvinceCount: matters.CrossProvince,
	CountyWideCount: matters.CountyWide, NearbyCount: matters.Nearby,
	NationwideCount: matters.Nationwide, RegionalCount: matters.Regional,
}

// Results returns the figures of every indicator, in the order of
// [AllIndicators].
func (x *Indicators) Results() []Result {
	out := make([]Result, 0, numIndicators-1)
	for i := Indicator(1); i < numIndicators; i++ {
		out = append(out, x.Result(i))
	}
	return out
}

// batchKey names a batch as lists group by it: 第1批, or 批次未注明 for 0.
func batchKey(batch int) string {
	if batch <= 0 {
		return "批次未注明"
	}
	return "第" + strconv.Itoa(batch) + "批"
}

// levelKey names a receiving level as lists group by it: 乡镇级, or
// 层级未注明 for 0.
func levelKey(l matters.Level) string {
	if l == 0 {
		return "层级未注明"
	}
	return l.String()
}
