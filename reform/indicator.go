package reform

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/zwfw/zwfw/schema"
)

// Indicator is one figure a catalogue can answer. Its text form is the
// Chinese name platforms and bulletins use (即办比例); [ParseIndicator] also
// reads the usual alternative names (即办率). The zero Indicator is not an
// indicator.
//
// An indicator is either a share, a ratio of two counts printed as a
// percentage, or a count; see [Indicator.IsShare].
type Indicator uint8

// The indicators, in the order [AllIndicators] lists them.
const (
	TotalMatters          Indicator = 1 + iota // 事项总数: every matter
	ApplicationCount                           // 依申请事项数: application-based matters
	PromiseSpeedup                             // 承诺提速率: (Σ legal − Σ promised) / Σ legal limits
	InstantShare                               // 即办比例: instant / application-based matters
	InstantCount                               // 即办事项数: application-based instant matters
	FullyOnlineShare                           // 全程网办占比: fully online / application-based matters
	FullyOnlineCount                           // 全程网办事项数: application-based fully online matters
	ZeroVisitShare                             // 零跑动率: 0 visits / matters with visits stated
	AtMostOnceShare                            // 最多跑一次比例: ≤ 1 visit / matters with visits stated
	InHallShare                                // 进驻大厅比例: in the hall / application-based matters
	DelegatedCount                             // 下放事项数: delegated matters, per receiving level
	SichuanChongqingCount                      // 川渝通办事项数: per batch
	CrossProvinceCount                         // 跨省通办事项数: per batch
	CountyWideCount                            // 全域通办事项数
	NearbyCount                                // 就近可办事项数
	BundleCount                                // 一件事一次办事项数: one-thing bundles
	SelfService24hCount                        // 24小时自助事项数
	TolerateMissingCount                       // 容缺受理事项数
	ClaimRate                                  // 认领率: base items claimed / base items applicable
	NationalCoverage                           // 国家标准事项覆盖率: matters linked to a national base code / matters
	NationwideCount                            // 全国通办事项数
	RegionalCount                              // 区域通办事项数: per regional scope (遂潼通办 …)
	ZeroMaterialCount                          // 零材料提交事项数: matters whose every material is exempt
	ZeroMaterialShare                          // 零材料提交比例: zero-material matters / matters listing materials
	ExemptMaterialShare                        // 免提交材料占比: exempt materials / materials listed
	MaterialsPerMatter                         // 平均申请材料数: materials listed / matters listing materials (an average)
	ELicenceShare                              // 电子证照占比: results issued as electronic licences / matters stating a result

	numIndicators = iota + 1 // one more than the last indicator
)

type indicatorInfo struct {
	name    string
	aliases []string
	share   bool
	average bool
}

var indicatorTable = [numIndicators]indicatorInfo{
	TotalMatters:          {name: "事项总数"},
	ApplicationCount:      {name: "依申请事项数"},
	PromiseSpeedup:        {name: "承诺提速率", aliases: []string{"承诺时限压缩比", "承诺提速"}, share: true},
	InstantShare:          {name: "即办比例", aliases: []string{"即办率"}, share: true},
	InstantCount:          {name: "即办事项数", aliases: []string{"马上办事项数"}},
	FullyOnlineShare:      {name: "全程网办占比", aliases: []string{"全程网办率"}, share: true},
	FullyOnlineCount:      {name: "全程网办事项数"},
	ZeroVisitShare:        {name: "零跑动率", aliases: []string{"不见面审批率"}, share: true},
	AtMostOnceShare:       {name: "最多跑一次比例", aliases: []string{"最多跑一次率"}, share: true},
	InHallShare:           {name: "进驻大厅比例", aliases: []string{"进驻率"}, share: true},
	DelegatedCount:        {name: "下放事项数"},
	SichuanChongqingCount: {name: "川渝通办事项数"},
	CrossProvinceCount:    {name: "跨省通办事项数"},
	CountyWideCount:       {name: "全域通办事项数", aliases: []string{"全域可办事项数"}},
	NearbyCount:           {name: "就近可办事项数"},
	BundleCount:           {name: "一件事一次办事项数"},
	SelfService24hCount:   {name: "24小时自助事项数"},
	TolerateMissingCount:  {name: "容缺受理事项数", aliases: []string{"容缺预审事项数"}},
	ClaimRate:             {name: "认领率", aliases: []string{"目录清单事项认领率"}, share: true},
	NationalCoverage:      {name: "国家标准事项覆盖率", share: true},
	NationwideCount:       {name: "全国通办事项数"},
	RegionalCount:         {name: "区域通办事项数"},
	ZeroMaterialCount:     {name: "零材料提交事项数", aliases: []string{"零材料事项数"}},
	ZeroMaterialShare:     {name: "零材料提交比例", aliases: []string{"零材料提交率"}, share: true},
	ExemptMaterialShare:   {name: "免提交材料占比", aliases: []string{"免提交材料比例"}, share: true},
	MaterialsPerMatter:    {name: "平均申请材料数", aliases: []string{"事项平均材料数"}, average: true},
	ELicenceShare:         {name: "电子证照占比", aliases: []string{"电子证照比例", "电子证照率"}, share: true},
}

// AllIndicators returns every indicator.
func AllIndicators() []Indicator {
	out := make([]Indicator, 0, numIndicators-1)
	for i := Indicator(1); i < numIndicators; i++ {
		out = append(out, i)
	}
	return out
}

// IsValid reports whether i is one of the indicators.
func (i Indicator) IsValid() bool { return i >= 1 && i < numIndicators }

// IsAverage reports whether the indicator is an average, Num over Den,
// printed with two decimals (2.50) rather than as a percentage.
func (i Indicator) IsAverage() bool { return i.IsValid() && indicatorTable[i].average }

// IsShare reports whether the indicator is a ratio of two counts, printed
// as a percentage, rather than a count.
func (i Indicator) IsShare() bool { return i.IsValid() && indicatorTable[i].share }

// String returns the Chinese name (即办比例); for a value that is not an
// indicator it returns "reform.Indicator(N)". It never panics.
func (i Indicator) String() string {
	if i.IsValid() {
		return indicatorTable[i].name
	}
	return "reform.Indicator(" + strconv.Itoa(int(i)) + ")"
}

// ParseIndicator reads an indicator from its Chinese name or one of its
// alternative names (即办率 for 即办比例, 承诺时限压缩比 for 承诺提速率).
func ParseIndicator(s string) (Indicator, error) {
	for i := Indicator(1); i < numIndicators; i++ {
		info := &indicatorTable[i]
		if s == info.name {
			return i, nil
		}
		for _, a := range info.aliases {
			if s == a {
				return i, nil
			}
		}
	}
	return 0, fmt.Errorf("reform: unknown indicator %q (want one of %s)", s, indicatorNames())
}

func indicatorNames() string {
	names := make([]string, 0, numIndicators-1)
	for i := Indicator(1); i < numIndicators; i++ {
		names = append(names, indicatorTable[i].name)
	}
	return strings.Join(names, ", ")
}

// MarshalText writes the Chinese name; it fails for a value that is not an
// indicator.
func (i Indicator) MarshalText() ([]byte, error) {
	if !i.IsValid() {
		return nil, fmt.Errorf("reform: cannot marshal invalid indicator %d", uint8(i))
	}
	return []byte(i.String()), nil
}

// UnmarshalText reads an indicator through [ParseIndicator].
func (i *Indicator) UnmarshalText(b []byte) error { return schema.UnmarshalText(i, b, ParseIndicator) }

// Reason says why an indicator left a matter (or, for [ClaimRate], a base
// item) out of its figure. Its text form is a short English phrase that
// names the Chinese term concerned ("ex officio type 行政处罚").
type Reason uint8

// The reasons, in the order [AllReasons] lists them.
const (
	TypeNotStated            Reason = 1 + iota // the matter's type is not stated
	ExOfficioPenalty                           // ex officio (依职权) type 行政处罚
	ExOfficioCoercion                          // ex officio type 行政强制
	ExOfficioLevy                              // ex officio type 行政征收
	ExOfficioInspection                        // ex officio type 行政检查
	LegalLimitNotStated                        // no legal limit
	PromisedLimitNotStated                     // no promised limit
	IncomparableCalendarDays                   // a limit in 自然日, which does not convert to working days
	IncomparableHours                          // a limit in 小时
	IncomparableMinutes                        // a limit in 分钟
	// Deprecated: no limit is left out as inexact: a limit's value is
	// exact to the thousandth (matters.Quantity) and the sums are kept in
	// thousandths. The reason keeps its place so the others keep their
	// values.
	LimitInexact
	LimitOutOfRange     // a limit beyond MaxLimitDays
	VisitsNotStated     // the number of visits is not stated
	ExemptFromZeroVisit // declared exempt from 零跑动 (Config.ZeroVisitExempt)
	NoBaseCatalogue     // no base catalogue was given to measure against
	OtherLevel          // a base item of another exercise level
	HandlingNotStated   // neither handling kind nor promised limit stated
	OnlineNotStated     // neither online items nor handling forms stated
	MaterialsNotStated  // the matter lists no application materials
	ResultNotStated     // the matter states no result

	numReasons = iota + 1
)

var reasonNames = [numReasons]schema.Msg{
	TypeNotStated:            schema.M("type not stated"),
	ExOfficioPenalty:         schema.M("ex officio type 行政处罚"),
	ExOfficioCoercion:        schema.M("ex officio type 行政强制"),
	ExOfficioLevy:            schema.M("ex officio type 行政征收"),
	ExOfficioInspection:      schema.M("ex officio type 行政检查"),
	LegalLimitNotStated:      schema.M("legal limit not stated"),
	PromisedLimitNotStated:   schema.M("promised limit not stated"),
	IncomparableCalendarDays: schema.M("limits incomparable: 自然日"),
	IncomparableHours:        schema.M("limits incomparable: 小时"),
	IncomparableMinutes:      schema.M("limits incomparable: 分钟"),
	LimitInexact:             schema.M("limit finer than 0.01 工作日"),
	LimitOutOfRange:          schema.M("limit out of range"),
	VisitsNotStated:          schema.M("visits not stated"),
	ExemptFromZeroVisit:      schema.M("exempt from 零跑动"),
	NoBaseCatalogue:          schema.M("no base catalogue"),
	OtherLevel:               schema.M("base item at another level"),
	HandlingNotStated:        schema.M("handling kind not stated"),
	OnlineNotStated:          schema.M("online depth not stated"),
	MaterialsNotStated:       schema.M("materials not stated"),
	ResultNotStated:          schema.M("result not stated"),
}

// reasonTerms is the table of the reasons' phrases, built on first use.
var reasonTerms = sync.OnceValue(func() *schema.Terms {
	t := &schema.Terms{Pkg: "reform", Name: "reason for leaving out", Type: "reform.Reason"}
	for _, m := range reasonNames[1:] {
		t.List = append(t.List, m.Format)
	}
	return t
})

// AllReasons returns every reason.
func AllReasons() []Reason { return schema.Values[Reason](reasonTerms()) }

// IsValid reports whether r is one of the reasons.
func (r Reason) IsValid() bool { return r >= 1 && r < numReasons }

// String returns the reason's phrase; for a value that is not a reason it
// returns "reform.Reason(N)". It never panics.
func (r Reason) String() string { return reasonTerms().Term(uint8(r)) }

// Localize returns the reason's phrase in language l; it implements
// [schema.Localizer].
func (r Reason) Localize(l schema.Lang) string {
	if r.IsValid() {
		return reasonNames[r].Localize(l)
	}
	return r.String()
}

// ParseReason reads a reason from its phrase.
func ParseReason(s string) (Reason, error) {
	r, err := reasonTerms().Parse(s)
	return Reason(r), err
}

// MarshalText writes the reason's phrase; it fails for a value that is not
// a reason.
func (r Reason) MarshalText() ([]byte, error) { return reasonTerms().Marshal(uint8(r)) }

// UnmarshalText reads a reason through [ParseReason].
func (r *Reason) UnmarshalText(b []byte) error { return schema.UnmarshalText(r, b, ParseReason) }
