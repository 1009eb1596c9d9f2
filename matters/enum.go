package matters

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// enum is the table behind one enumerated type: value i (from 1) has the
// Chinese term terms[i-1] and the national codes codes[i-1]. Value 0 is
// "not stated".
type enum struct {
	name  string // the Chinese name of the element, for messages
	terms []string
	codes [][]string
	// aliases maps other spellings platforms write to a term.
	aliases map[string]string
}

// enumWidth turns the full-width brackets platforms write (村（社区）级)
// into the half-width ones of the terms.
var enumWidth = strings.NewReplacer("（", "(", "）", ")")

func (e *enum) str(v uint8) string {
	if v == 0 {
		return ""
	}
	if int(v) <= len(e.terms) {
		return e.terms[v-1]
	}
	return e.name + "(" + strconv.Itoa(int(v)) + ")"
}

func (e *enum) valid(v uint8) bool { return v >= 1 && int(v) <= len(e.terms) }

// parse accepts the Chinese term or a national code; codes are accepted
// with or without a leading zero ("1" and "01").
func (e *enum) parse(s string) (uint8, error) {
	if strings.ContainsAny(s, "（）") {
		s = enumWidth.Replace(s)
	}
	if t, ok := e.aliases[s]; ok {
		s = t
	}
	for i, t := range e.terms {
		if s == t {
			return uint8(i + 1), nil
		}
	}
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		trimmed := strings.TrimLeft(s, "0")
		for i, cs := range e.codes {
			for _, c := range cs {
				if s == c || trimmed == strings.TrimLeft(c, "0") && trimmed != "" {
					return uint8(i + 1), nil
				}
			}
		}
	}
	return 0, fmt.Errorf("matters: %q is not a %s (want one of %s)", s, e.name, strings.Join(e.terms, ", "))
}

func (e *enum) marshal(v uint8) ([]byte, error) {
	if !e.valid(v) {
		return nil, fmt.Errorf("matters: invalid %s value %d", e.name, v)
	}
	return []byte(e.terms[v-1]), nil
}

func (e *enum) unmarshal(b []byte) (uint8, error) { return e.parse(string(b)) }

// code returns the first national code of v, or "".
func (e *enum) code(v uint8) string {
	if !e.valid(v) || len(e.codes) < int(v) || len(e.codes[v-1]) == 0 {
		return ""
	}
	return e.codes[v-1][0]
}

func values[T ~uint8](e *enum) []T {
	out := make([]T, len(e.terms))
	for i := range out {
		out[i] = T(i + 1)
	}
	return out
}

// CatalogueKind tells a base catalogue from an implementation list.
type CatalogueKind uint8

// Catalogue kinds.
const (
	BaseCatalogue      CatalogueKind = 1 + iota // 基本目录
	ImplementationList                          // 实施清单
)

var catalogueKinds = &enum{name: "目录类型", terms: []string{"基本目录", "实施清单"}}

func (k CatalogueKind) String() string               { return catalogueKinds.str(uint8(k)) }
func (k CatalogueKind) MarshalText() ([]byte, error) { return catalogueKinds.marshal(uint8(k)) }
func (k *CatalogueKind) UnmarshalText(b []byte) error {
	v, err := catalogueKinds.unmarshal(b)
	*k = CatalogueKind(v)
	return err
}

// Type is a matter's type (事项类型). The zero value means "not stated".
type Type uint8

// Matter types with their national codes.
const (
	Licensing     Type = 1 + iota // 行政许可 01
	Penalty                       // 行政处罚 02
	Coercion                      // 行政强制 03
	Levy                          // 行政征收 04
	Benefit                       // 行政给付 05
	Inspection                    // 行政检查 06
	Confirmation                  // 行政确认 07
	Award                         // 行政奖励 08
	Adjudication                  // 行政裁决 09
	OtherPower                    // 其他行政权力 10
	PublicService                 // 公共服务 20
	Filing                        // 行政备案 (no national code seen)
)

var types = &enum{name: "事项类型",
	terms: []string{"行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "行政奖励", "行政裁决", "其他行政权力", "公共服务", "行政备案"},
	codes: [][]string{{"01"}, {"02"}, {"03"}, {"04"}, {"05"}, {"06"}, {"07"}, {"08"}, {"09"}, {"10"}, {"20"}, nil},
}

// ParseType accepts the Chinese term or the national code ("01" or "1").
func ParseType(s string) (Type, error) { v, err := types.parse(s); return Type(v), err }

// Types lists every matter type.
func AllTypes() []Type { return values[Type](types) }

func (t Type) String() string               { return types.str(uint8(t)) }
func (t Type) MarshalText() ([]byte, error) { return types.marshal(uint8(t)) }
func (t *Type) UnmarshalText(b []byte) error {
	v, err := types.unmarshal(b)
	*t = Type(v)
	return err
}

// Code returns the national code ("01" … "20"), or "" where none exists.
func (t Type) Code() string { return types.code(uint8(t)) }

// IsApplication reports whether the type is application-based (依申请): the
// matters a service hall handles. Penalty, coercion, levy and inspection are
// ex officio (依职权).
func (t Type) IsApplication() bool {
	switch t {
	case Licensing, Confirmation, Adjudication, Benefit, Award, Filing, OtherPower, PublicService:
		return true
	}
	return false
}

// Level is an exercise level (行使层级). The zero value means "not stated".
type Level uint8

// Exercise levels with their national codes 1–6.
const (
	National    Level = 1 + iota // 国家级
	Provincial                   // 省级
	Municipal                    // 市级
	CountyLevel                  // 县级
	Township                     // 乡镇级
	Village                      // 村(社区)级
)

var levels = &enum{name: "行使层级",
	terms: []string{"国家级", "省级", "市级", "县级", "乡镇级", "村(社区)级"},
	codes: [][]string{{"1"}, {"2"}, {"3"}, {"4"}, {"5"}, {"6"}},
}

// ParseLevel accepts the Chinese term or the national code 1–6.
func ParseLevel(s string) (Level, error) { v, err := levels.parse(s); return Level(v), err }

// Levels lists every exercise level, highest first.
func AllLevels() []Level { return values[Level](levels) }

func (l Level) String() string               { return levels.str(uint8(l)) }
func (l Level) MarshalText() ([]byte, error) { return levels.marshal(uint8(l)) }
func (l *Level) UnmarshalText(b []byte) error {
	v, err := levels.unmarshal(b)
	*l = Level(v)
	return err
}

// Code returns the national code "1" … "6".
func (l Level) Code() string { return levels.code(uint8(l)) }

// BodyNature is the legal nature of an implementing body (实施主体性质).
type BodyNature uint8

// Body natures with their national codes 1–3.
const (
	StatutoryOrgan BodyNature = 1 + iota // 法定机关
	AuthorisedBody                       // 授权组织
	EntrustedBody                        // 受委托组织
)

var natures = &enum{name: "实施主体性质",
	terms: []string{"法定机关", "授权组织", "受委托组织"},
	codes: [][]string{{"1"}, {"2"}, {"3"}},
}

// ParseBodyNature accepts the Chinese term or the national code 1–3.
func ParseBodyNature(s string) (BodyNature, error) {
	v, err := natures.parse(s)
	return BodyNature(v), err
}

// BodyNatures lists every body nature.
func AllBodyNatures() []BodyNature { return values[BodyNature](natures) }

func (n BodyNature) String() string               { return natures.str(uint8(n)) }
func (n BodyNature) MarshalText() ([]byte, error) { return natures.marshal(uint8(n)) }
func (n *BodyNature) UnmarshalText(b []byte) error {
	v, err := natures.unmarshal(b)
	*n = BodyNature(v)
	return err
}

// PowerSource is where a body's power over a matter comes from (权力来源).
type PowerSource uint8

// Power sources.
const (
	Statutory       PowerSource = 1 + iota // 法定本级行使
	DelegatedFrom                          // 上级下放
	AuthorisedAbove                        // 上级授权
	AuthorisedPeer                         // 同级授权
	EntrustedAbove                         // 上级委托
	EntrustedPeer                          // 同级委托
)

var powerSources = &enum{name: "权力来源",
	terms: []string{"法定本级行使", "上级下放", "上级授权", "同级授权", "上级委托", "同级委托"},
}

// ParsePowerSource accepts the Chinese term.
func ParsePowerSource(s string) (PowerSource, error) {
	v, err := powerSources.parse(s)
	return PowerSource(v), err
}

// PowerSources lists every power source.
func AllPowerSources() []PowerSource { return values[PowerSource](powerSources) }

func (p PowerSource) String() string               { return powerSources.str(uint8(p)) }
func (p PowerSource) MarshalText() ([]byte, error) { return powerSources.marshal(uint8(p)) }
func (p *PowerSource) UnmarshalText(b []byte) error {
	v, err := powerSources.unmarshal(b)
	*p = PowerSource(v)
	return err
}

// TimeUnit is the unit of a time limit (时限单位). Instant (即办) means "done on
// the spot" and carries no value.
type TimeUnit uint8

// Time-limit units.
const (
	WorkingDays  TimeUnit = 1 + iota // 工作日
	CalendarDays                     // 自然日
	Hours                            // 小时
	Minutes                          // 分钟
	Months                           // 月
	Years                            // 年
	Instant                          // 即办
)

var units = &enum{name: "时限单位", terms: []string{"工作日", "自然日", "小时", "分钟", "月", "年", "即办"}}

// ParseTimeUnit accepts the Chinese term.
func ParseTimeUnit(s string) (TimeUnit, error) { v, err := units.parse(s); return TimeUnit(v), err }

// AllTimeUnits lists every time-limit unit.
func AllTimeUnits() []TimeUnit { return values[TimeUnit](units) }

func (u TimeUnit) String() string               { return units.str(uint8(u)) }
func (u TimeUnit) MarshalText() ([]byte, error) { return units.marshal(uint8(u)) }
func (u *TimeUnit) UnmarshalText(b []byte) error {
	v, err := units.unmarshal(b)
	*u = TimeUnit(v)
	return err
}

// HandlingKind is a matter's handling kind (办件类型).
type HandlingKind uint8

// Handling kinds with their national codes 1–4.
const (
	InstantCase  HandlingKind = 1 + iota // 即办件
	PromisedCase                         // 承诺件
	JointCase                            // 联办件
	ReportedCase                         // 上报件
)

var handlingKinds = &enum{name: "办件类型",
	terms: []string{"即办件", "承诺件", "联办件", "上报件"},
	codes: [][]string{{"1"}, {"2"}, {"3"}, {"4"}},
}

// ParseHandlingKind accepts the Chinese term or the national code 1–4.
func ParseHandlingKind(s string) (HandlingKind, error) {
	v, err := handlingKinds.parse(s)
	return HandlingKind(v), err
}

// HandlingKinds lists every handling kind.
func AllHandlingKinds() []HandlingKind { return values[HandlingKind](handlingKinds) }

func (k HandlingKind) String() string               { return handlingKinds.str(uint8(k)) }
func (k HandlingKind) MarshalText() ([]byte, error) { return handlingKinds.marshal(uint8(k)) }
func (k *HandlingKind) UnmarshalText(b []byte) error {
	v, err := handlingKinds.unmarshal(b)
	*k = HandlingKind(v)
	return err
}

// ScopeKind is a universal-handling scope (通办范围).
type ScopeKind uint8

// Universal-handling scopes.
const (
	CrossProvince    ScopeKind = 1 + iota // 跨省通办
	SichuanChongqing                      // 川渝通办
	Province                              // 全省通办
	City                                  // 全市通办
	CountyWide                            // 全域通办
	Nearby                                // 就近可办
	Nationwide                            // 全国通办
	// Regional is a regional scope a bureau names in its data (遂潼通办,
	// 西南五省通办): [Scope.Name] holds the name.
	Regional // 区域通办
)

var scopeKinds = &enum{name: "通办范围",
	terms: []string{"跨省通办", "川渝通办", "全省通办", "全市通办", "全域通办", "就近可办", "全国通办", "区域通办"},
	aliases: map[string]string{
		"省内通办": "全省通办", "全县通办": "全域通办", "全区通办": "全域通办", "全县(区)通办": "全域通办",
		"全域可办": "全域通办",
	},
}

// ParseScope reads a universal-handling scope by name. The national and
// provincial scopes are known: 全国通办, 跨省通办, 川渝通办, 全省通办 (省内通办),
// 全市通办, 全域通办 (全县(区)通办), 就近可办. Any other name of 3 to 30
// characters ending in 通办 is a regional scope a bureau declares by using
// it (遂潼通办, 西南五省通办): kind [Regional], with the name kept, so a new
// regional scope needs no new release.
func ParseScope(s string) (Scope, error) {
	k, err := ParseScopeKind(s)
	if err == nil && ScopeKind(k) != Regional {
		return Scope{Kind: k}, nil
	}
	if n := utf8.RuneCountInString(s); n >= 3 && n <= 30 && strings.HasSuffix(s, "通办") && !strings.ContainsAny(s, " \t\n、,，;；()（）") {
		return Scope{Kind: Regional, Name: s}, nil
	}
	return Scope{}, fmt.Errorf("matters: %q is not a 通办范围 (want one of %s, or a regional scope ending in 通办)", s, strings.Join(scopeKinds.terms[:len(scopeKinds.terms)-1], ", "))
}

// ParseScopeKind accepts the Chinese term.
func ParseScopeKind(s string) (ScopeKind, error) {
	v, err := scopeKinds.parse(s)
	return ScopeKind(v), err
}

// ScopeKinds lists every universal-handling scope.
func AllScopeKinds() []ScopeKind { return values[ScopeKind](scopeKinds) }

func (k ScopeKind) String() string               { return scopeKinds.str(uint8(k)) }
func (k ScopeKind) MarshalText() ([]byte, error) { return scopeKinds.marshal(uint8(k)) }
func (k *ScopeKind) UnmarshalText(b []byte) error {
	v, err := scopeKinds.unmarshal(b)
	*k = ScopeKind(v)
	return err
}
