package matters

// The package's enumerations, declared in one place: each is a small type
// whose text form is its Chinese term, read and written through its table
// ([schema.Terms]).

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/zwfw/zwfw/schema"
)

// enum is the table behind one of the package's enumerated types; the
// readers of tables parse a cell with it.
type enum struct{ schema.Terms }

func (e *enum) parse(s string) (uint8, error) { return e.Parse(s) }

// CatalogueKind tells a base catalogue from an implementation list.
type CatalogueKind uint8

// Catalogue kinds.
const (
	BaseCatalogue      CatalogueKind = 1 + iota // 基本目录
	ImplementationList                          // 实施清单
)

var catalogueKinds = &enum{schema.Terms{Pkg: "matters", Name: "目录类型", List: []string{"基本目录", "实施清单"}}}

// ParseCatalogueKind accepts the Chinese term.
func ParseCatalogueKind(s string) (CatalogueKind, error) {
	v, err := catalogueKinds.Parse(s)
	return CatalogueKind(v), err
}

func (k CatalogueKind) String() string               { return catalogueKinds.Term(uint8(k)) }
func (k CatalogueKind) MarshalText() ([]byte, error) { return catalogueKinds.Marshal(uint8(k)) }
func (k *CatalogueKind) UnmarshalText(b []byte) error {
	return schema.UnmarshalText(k, b, ParseCatalogueKind)
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

var types = &enum{schema.Terms{Pkg: "matters", Name: "事项类型",
	List:  []string{"行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "行政奖励", "行政裁决", "其他行政权力", "公共服务", "行政备案"},
	Codes: [][]string{{"01"}, {"02"}, {"03"}, {"04"}, {"05"}, {"06"}, {"07"}, {"08"}, {"09"}, {"10"}, {"20"}, nil},
}}

// ParseType accepts the Chinese term or the national code ("01" or "1").
func ParseType(s string) (Type, error) {
	v, err := types.Parse(s)
	return Type(v), err
}

// AllTypes lists every matter type.
func AllTypes() []Type { return schema.Values[Type](&types.Terms) }

func (t Type) String() string                { return types.Term(uint8(t)) }
func (t Type) MarshalText() ([]byte, error)  { return types.Marshal(uint8(t)) }
func (t *Type) UnmarshalText(b []byte) error { return schema.UnmarshalText(t, b, ParseType) }

// Code returns the national code ("01" … "20"), or "" where none exists.
func (t Type) Code() string { return types.Code(uint8(t)) }

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

var levels = &enum{schema.Terms{Pkg: "matters", Name: "行使层级",
	List:  []string{"国家级", "省级", "市级", "县级", "乡镇级", "村(社区)级"},
	Codes: [][]string{{"1"}, {"2"}, {"3"}, {"4"}, {"5"}, {"6"}},
}}

// ParseLevel accepts the Chinese term or the national code 1–6.
func ParseLevel(s string) (Level, error) {
	v, err := levels.Parse(s)
	return Level(v), err
}

// AllLevels lists every exercise level, highest first.
func AllLevels() []Level { return schema.Values[Level](&levels.Terms) }

func (l Level) String() string                { return levels.Term(uint8(l)) }
func (l Level) MarshalText() ([]byte, error)  { return levels.Marshal(uint8(l)) }
func (l *Level) UnmarshalText(b []byte) error { return schema.UnmarshalText(l, b, ParseLevel) }

// Code returns the national code "1" … "6".
func (l Level) Code() string { return levels.Code(uint8(l)) }

// BodyNature is the legal nature of an implementing body (实施主体性质).
type BodyNature uint8

// Body natures with their national codes 1–3.
const (
	StatutoryOrgan BodyNature = 1 + iota // 法定机关
	AuthorisedBody                       // 授权组织
	EntrustedBody                        // 受委托组织
)

var natures = &enum{schema.Terms{Pkg: "matters", Name: "实施主体性质",
	List:  []string{"法定机关", "授权组织", "受委托组织"},
	Codes: [][]string{{"1"}, {"2"}, {"3"}},
}}

// ParseBodyNature accepts the Chinese term or the national code 1–3.
func ParseBodyNature(s string) (BodyNature, error) {
	v, err := natures.Parse(s)
	return BodyNature(v), err
}

// AllBodyNatures lists every body nature.
func AllBodyNatures() []BodyNature { return schema.Values[BodyNature](&natures.Terms) }

func (n BodyNature) String() string               { return natures.Term(uint8(n)) }
func (n BodyNature) MarshalText() ([]byte, error) { return natures.Marshal(uint8(n)) }
func (n *BodyNature) UnmarshalText(b []byte) error {
	return schema.UnmarshalText(n, b, ParseBodyNature)
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

var powerSources = &enum{schema.Terms{Pkg: "matters", Name: "权力来源",
	List: []string{"法定本级行使", "上级下放", "上级授权", "同级授权", "上级委托", "同级委托"},
}}

// ParsePowerSource accepts the Chinese term.
func ParsePowerSource(s string) (PowerSource, error) {
	v, err := powerSources.Parse(s)
	return PowerSource(v), err
}

// AllPowerSources lists every power source.
func AllPowerSources() []PowerSource { return schema.Values[PowerSource](&powerSources.Terms) }

func (p PowerSource) String() string               { return powerSources.Term(uint8(p)) }
func (p PowerSource) MarshalText() ([]byte, error) { return powerSources.Marshal(uint8(p)) }
func (p *PowerSource) UnmarshalText(b []byte) error {
	return schema.UnmarshalText(p, b, ParsePowerSource)
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

var units = &enum{schema.Terms{Pkg: "matters", Name: "时限单位", List: []string{"工作日", "自然日", "小时", "分钟", "月", "年", "即办"}}}

// ParseTimeUnit accepts the Chinese term.
func ParseTimeUnit(s string) (TimeUnit, error) {
	v, err := units.Parse(s)
	return TimeUnit(v), err
}

// AllTimeUnits lists every time-limit unit.
func AllTimeUnits() []TimeUnit { return schema.Values[TimeUnit](&units.Terms) }

func (u TimeUnit) String() string                { return units.Term(uint8(u)) }
func (u TimeUnit) MarshalText() ([]byte, error)  { return units.Marshal(uint8(u)) }
func (u *TimeUnit) UnmarshalText(b []byte) error { return schema.UnmarshalText(u, b, ParseTimeUnit) }

// HandlingKind is a matter's handling kind (办件类型).
type HandlingKind uint8

// Handling kinds with their national codes 1–4.
const (
	InstantCase  HandlingKind = 1 + iota // 即办件
	PromisedCase                         // 承诺件
	JointCase                            // 联办件
	ReportedCase                         // 上报件
)

var handlingKinds = &enum{schema.Terms{Pkg: "matters", Name: "办件类型",
	List:  []string{"即办件", "承诺件", "联办件", "上报件"},
	Codes: [][]string{{"1"}, {"2"}, {"3"}, {"4"}},
}}

// ParseHandlingKind accepts the Chinese term or the national code 1–4.
func ParseHandlingKind(s string) (HandlingKind, error) {
	v, err := handlingKinds.Parse(s)
	return HandlingKind(v), err
}

// AllHandlingKinds lists every handling kind.
func AllHandlingKinds() []HandlingKind { return schema.Values[HandlingKind](&handlingKinds.Terms) }

func (k HandlingKind) String() string               { return handlingKinds.Term(uint8(k)) }
func (k HandlingKind) MarshalText() ([]byte, error) { return handlingKinds.Marshal(uint8(k)) }
func (k *HandlingKind) UnmarshalText(b []byte) error {
	return schema.UnmarshalText(k, b, ParseHandlingKind)
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

var scopeKinds = &enum{schema.Terms{Pkg: "matters", Name: "通办范围",
	List: []string{"跨省通办", "川渝通办", "全省通办", "全市通办", "全域通办", "就近可办", "全国通办", "区域通办"},
	Aliases: map[string]string{
		"省内通办": "全省通办", "全县通办": "全域通办", "全区通办": "全域通办", "全县(区)通办": "全域通办",
		"全域可办": "全域通办",
	},
}}

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
	return Scope{}, fmt.Errorf("matters: %q is not a 通办范围 (want one of %s, or a regional scope ending in 通办)", s, strings.Join(scopeKinds.List[:len(scopeKinds.List)-1], ", "))
}

// ParseScopeKind accepts the Chinese term.
func ParseScopeKind(s string) (ScopeKind, error) {
	v, err := scopeKinds.Parse(s)
	return ScopeKind(v), err
}

// AllScopeKinds lists every universal-handling scope.
func AllScopeKinds() []ScopeKind { return schema.Values[ScopeKind](&scopeKinds.Terms) }

func (k ScopeKind) String() string                { return scopeKinds.Term(uint8(k)) }
func (k ScopeKind) MarshalText() ([]byte, error)  { return scopeKinds.Marshal(uint8(k)) }
func (k *ScopeKind) UnmarshalText(b []byte) error { return schema.UnmarshalText(k, b, ParseScopeKind) }

// OnlineItem is one item of the national multi-select 网上办理深度.
type OnlineItem uint8

// Online items with their national codes 1–7.
const (
	OnlineConsult  OnlineItem = 1 + iota // 互联网咨询
	OnlineReceive                        // 互联网收件
	OnlinePreview                        // 互联网预审
	OnlineAccept                         // 互联网受理
	OnlineHandle                         // 互联网办理
	OnlineFeedback                       // 互联网办理结果信息反馈
	OnlineLicence                        // 互联网电子证照反馈
)

var onlineItems = &enum{schema.Terms{Pkg: "matters", Name: "网上办理深度",
	List:  []string{"互联网咨询", "互联网收件", "互联网预审", "互联网受理", "互联网办理", "互联网办理结果信息反馈", "互联网电子证照反馈"},
	Codes: [][]string{{"1"}, {"2"}, {"3"}, {"4"}, {"5"}, {"6"}, {"7"}},
}}

// ParseOnlineItem accepts the Chinese term or the national code 1–7.
func ParseOnlineItem(s string) (OnlineItem, error) {
	v, err := onlineItems.Parse(s)
	return OnlineItem(v), err
}

func (o OnlineItem) String() string               { return onlineItems.Term(uint8(o)) }
func (o OnlineItem) MarshalText() ([]byte, error) { return onlineItems.Marshal(uint8(o)) }
func (o *OnlineItem) UnmarshalText(b []byte) error {
	return schema.UnmarshalText(o, b, ParseOnlineItem)
}

// Form is a handling form (办理形式).
type Form uint8

// Handling forms with their national codes 1–3.
const (
	AtWindow Form = 1 + iota // 窗口办理
	Online                   // 网上办理
	ByPost                   // 快递申请
)

var forms = &enum{schema.Terms{Pkg: "matters", Name: "办理形式",
	List: []string{"窗口办理", "网上办理", "快递申请"},
	// Platforms also write 邮寄申请 (or 邮寄) for an application by post.
	Aliases: map[string]string{"邮寄申请": "快递申请", "邮寄": "快递申请", "邮寄办理": "快递申请"},
	Codes:   [][]string{{"1"}, {"2"}, {"3"}},
}}

// ParseForm accepts the Chinese term or the national code 1–3.
func ParseForm(s string) (Form, error) {
	v, err := forms.Parse(s)
	return Form(v), err
}

func (f Form) String() string                { return forms.Term(uint8(f)) }
func (f Form) MarshalText() ([]byte, error)  { return forms.Marshal(uint8(f)) }
func (f *Form) UnmarshalText(b []byte) error { return schema.UnmarshalText(f, b, ParseForm) }

// ServiceObject is a kind of applicant (服务对象).
type ServiceObject uint8

// Service objects with their national codes 1–6 and 9.
const (
	NaturalPerson       ServiceObject = 1 + iota // 自然人
	EnterpriseLegal                              // 企业法人
	InstitutionLegal                             // 事业法人
	SocialOrgLegal                               // 社会组织法人
	UnincorporatedFirm                           // 非法人企业
	AdministrativeOrgan                          // 行政机关
	OtherOrganisation                            // 其他组织
)

var serviceObjects = &enum{schema.Terms{Pkg: "matters", Name: "服务对象",
	List:  []string{"自然人", "企业法人", "事业法人", "社会组织法人", "非法人企业", "行政机关", "其他组织"},
	Codes: [][]string{{"1"}, {"2"}, {"3"}, {"4"}, {"5"}, {"6"}, {"9"}},
}}

// ParseServiceObject accepts the Chinese term or the national code.
func ParseServiceObject(s string) (ServiceObject, error) {
	v, err := serviceObjects.Parse(s)
	return ServiceObject(v), err
}

func (o ServiceObject) String() string               { return serviceObjects.Term(uint8(o)) }
func (o ServiceObject) MarshalText() ([]byte, error) { return serviceObjects.Marshal(uint8(o)) }
func (o *ServiceObject) UnmarshalText(b []byte) error {
	return schema.UnmarshalText(o, b, ParseServiceObject)
}

// Depth is the four-level bucket platforms report for online depth:
// 一级 (consultation only), 二级 (documents sent online: receiving or
// pre-examination), 三级 (accepted online), 四级 (accepted and handled
// online: 全程网办). Zero means no online service at all.
type Depth uint8

// Online depth levels.
const (
	Depth1 Depth = 1 + iota // 一级
	Depth2                  // 二级
	Depth3                  // 三级
	Depth4                  // 四级 = 全程网办
)

var depths = &enum{schema.Terms{Pkg: "matters", Name: "网办深度", List: []string{"一级", "二级", "三级", "四级"}}}

func (d Depth) String() string { return depths.Term(uint8(d)) }

// MarshalText writes 一级 … 四级.
func (d Depth) MarshalText() ([]byte, error) { return depths.Marshal(uint8(d)) }

// DepthOf returns the four-level bucket of the online items in s: 四级 when
// the application is both accepted (互联网受理) and handled (互联网办理)
// online, 三级 when it is accepted online, 二级 for 互联网收件, 互联网预审 or
// 互联网办理 without online acceptance, 一级 for anything else online
// (consultation, or results fed back online: 互联网办理结果信息反馈 and
// 互联网电子证照反馈 alone do not make a matter handled online).
func DepthOf(s Set[OnlineItem]) Depth {
	switch {
	case s.Has(OnlineAccept) && s.Has(OnlineHandle):
		return Depth4
	case s.Has(OnlineAccept):
		return Depth3
	case s.Has(OnlineReceive) || s.Has(OnlinePreview) || s.Has(OnlineHandle):
		return Depth2
	case s != 0:
		return Depth1
	}
	return 0
}

// MaterialForm is the form a material is submitted in.
type MaterialForm uint8

// Material forms.
const (
	Original   MaterialForm = 1 + iota // 原件
	Photocopy                          // 复印件
	Electronic                         // 电子件
)

var materialForms = &enum{schema.Terms{Pkg: "matters", Name: "材料形式", List: []string{"原件", "复印件", "电子件"}}}

// ParseMaterialForm accepts the Chinese term.
func ParseMaterialForm(s string) (MaterialForm, error) {
	v, err := materialForms.Parse(s)
	return MaterialForm(v), err
}

func (f MaterialForm) String() string               { return materialForms.Term(uint8(f)) }
func (f MaterialForm) MarshalText() ([]byte, error) { return materialForms.Marshal(uint8(f)) }
func (f *MaterialForm) UnmarshalText(b []byte) error {
	return schema.UnmarshalText(f, b, ParseMaterialForm)
}

// Necessity says whether a material must be submitted.
type Necessity uint8

// Necessities.
const (
	Required    Necessity = 1 + iota // 必要
	Optional                         // 非必要
	FollowLater                      // 容缺后补
)

var necessities = &enum{schema.Terms{Pkg: "matters", Name: "材料必要性", List: []string{"必要", "非必要", "容缺后补"}}}

// ParseNecessity accepts the Chinese term.
func ParseNecessity(s string) (Necessity, error) {
	v, err := necessities.Parse(s)
	return Necessity(v), err
}

func (n Necessity) String() string                { return necessities.Term(uint8(n)) }
func (n Necessity) MarshalText() ([]byte, error)  { return necessities.Marshal(uint8(n)) }
func (n *Necessity) UnmarshalText(b []byte) error { return schema.UnmarshalText(n, b, ParseNecessity) }

// MaterialSource says where a material comes from.
type MaterialSource uint8

// Material sources.
const (
	FromApplicant  MaterialSource = 1 + iota // 申请人自备
	FromGovernment                           // 政府部门核发
)

var materialSources = &enum{schema.Terms{Pkg: "matters", Name: "材料来源", List: []string{"申请人自备", "政府部门核发"}}}

// ParseMaterialSource accepts the Chinese term.
func ParseMaterialSource(s string) (MaterialSource, error) {
	v, err := materialSources.Parse(s)
	return MaterialSource(v), err
}

func (s MaterialSource) String() string               { return materialSources.Term(uint8(s)) }
func (s MaterialSource) MarshalText() ([]byte, error) { return materialSources.Marshal(uint8(s)) }
func (s *MaterialSource) UnmarshalText(b []byte) error {
	return schema.UnmarshalText(s, b, ParseMaterialSource)
}

// ExemptWay says how a material the applicant need not submit is obtained.
type ExemptWay uint8

// Ways of exemption.
const (
	ByELicence   ExemptWay = 1 + iota // 电子证照
	BySharing                         // 数据共享
	ByCommitment                      // 告知承诺
)

var exemptWays = &enum{schema.Terms{Pkg: "matters", Name: "免提交方式", List: []string{"电子证照", "数据共享", "告知承诺"}}}

// ParseExemptWay accepts the Chinese term.
func ParseExemptWay(s string) (ExemptWay, error) {
	v, err := exemptWays.Parse(s)
	return ExemptWay(v), err
}

func (w ExemptWay) String() string                { return exemptWays.Term(uint8(w)) }
func (w ExemptWay) MarshalText() ([]byte, error)  { return exemptWays.Marshal(uint8(w)) }
func (w *ExemptWay) UnmarshalText(b []byte) error { return schema.UnmarshalText(w, b, ParseExemptWay) }

// ResultKind is the kind of a handling result (审批结果类型).
type ResultKind uint8

// Result kinds.
const (
	Licence     ResultKind = 1 + iota // 证照
	Approval                          // 批文
	OtherResult                       // 其他
)

var resultKinds = &enum{schema.Terms{Pkg: "matters", Name: "审批结果类型", List: []string{"证照", "批文", "其他"}}}

// ParseResultKind accepts the Chinese term.
func ParseResultKind(s string) (ResultKind, error) {
	v, err := resultKinds.Parse(s)
	return ResultKind(v), err
}

func (k ResultKind) String() string               { return resultKinds.Term(uint8(k)) }
func (k ResultKind) MarshalText() ([]byte, error) { return resultKinds.Marshal(uint8(k)) }
func (k *ResultKind) UnmarshalText(b []byte) error {
	return schema.UnmarshalText(k, b, ParseResultKind)
}

// Status is a matter's status (事项状态). The zero value means "not
// stated", which is taken as in use.
type Status uint8

// Statuses.
const (
	InUse     Status = 1 + iota // 在用
	Suspended                   // 暂停
	Cancelled                   // 取消
)

var statuses = &enum{schema.Terms{Pkg: "matters", Name: "事项状态", List: []string{"在用", "暂停", "取消"}}}

// ParseStatus accepts the Chinese term.
func ParseStatus(s string) (Status, error) {
	v, err := statuses.Parse(s)
	return Status(v), err
}

func (s Status) String() string                { return statuses.Term(uint8(s)) }
func (s Status) MarshalText() ([]byte, error)  { return statuses.Marshal(uint8(s)) }
func (s *Status) UnmarshalText(b []byte) error { return schema.UnmarshalText(s, b, ParseStatus) }

// Active reports whether a matter of this status is handled: in use or
// not stated.
func (s Status) Active() bool { return s == 0 || s == InUse }

// Window is the kind of window that receives applications (受理窗口).
type Window uint8

// Windows.
const (
	GeneralWindow   Window = 1 + iota // 综合窗口
	DedicatedWindow                   // 专窗
)

var windows = &enum{schema.Terms{Pkg: "matters", Name: "受理窗口", List: []string{"综合窗口", "专窗"}}}

// ParseWindow accepts the Chinese term.
func ParseWindow(s string) (Window, error) {
	v, err := windows.Parse(s)
	return Window(v), err
}

func (w Window) String() string                { return windows.Term(uint8(w)) }
func (w Window) MarshalText() ([]byte, error)  { return windows.Marshal(uint8(w)) }
func (w *Window) UnmarshalText(b []byte) error { return schema.UnmarshalText(w, b, ParseWindow) }

// ChangeKind says how a matter or a bundle differs between two editions
// of a catalogue. The zero value means "not stated".
type ChangeKind uint8

// Kinds of change.
const (
	Added   ChangeKind = 1 + iota // 新增: only in the new edition
	Removed                       // 取消: only in the old edition
	Changed                       // 变更: in both, with elements that differ
	// Moved is a change of implementing body (name or credit code) or of
	// level (划转, 下放, 上收): the matter changed hands, which readers of a
	// new edition look for first.
	Moved // 划转
)

var changeKinds = &enum{schema.Terms{Pkg: "matters", Name: "变化类型", List: []string{"新增", "取消", "变更", "划转"}}}

// ParseChangeKind accepts the Chinese term.
func ParseChangeKind(s string) (ChangeKind, error) {
	v, err := changeKinds.Parse(s)
	return ChangeKind(v), err
}

// AllChangeKinds lists every kind of change.
func AllChangeKinds() []ChangeKind { return schema.Values[ChangeKind](&changeKinds.Terms) }

// String returns the Chinese term (新增, 取消, 变更, 划转); it never panics.
func (k ChangeKind) String() string { return changeKinds.Term(uint8(k)) }

// MarshalText writes the Chinese term.
func (k ChangeKind) MarshalText() ([]byte, error) { return changeKinds.Marshal(uint8(k)) }

// UnmarshalText reads the Chinese term through [ParseChangeKind].
func (k *ChangeKind) UnmarshalText(b []byte) error {
	return schema.UnmarshalText(k, b, ParseChangeKind)
}

// DivisionLevel is the level of a division. Its values are numbered as the
// exercise levels (行使层级) of matters are, 1 国家级 to 6 村(社区)级, and its
// text form is the Chinese term. The zero DivisionLevel is not a level.
type DivisionLevel uint8

// Division levels.
const (
	DivisionNational DivisionLevel = 1 + iota // 国家级
	DivisionProvince                          // 省级
	DivisionCity                              // 市级
	DivisionCounty                            // 县级
	DivisionTownship                          // 乡镇级
	DivisionVillage                           // 村(社区)级
)

// divisionLevels shares the terms and numbers of the exercise levels.
var divisionLevels = &enum{schema.Terms{Pkg: "matters", Name: "区划层级", Type: "DivisionLevel", List: levels.List, Codes: levels.Codes}}

// AllDivisionLevels returns the division levels from the highest to the
// lowest.
func AllDivisionLevels() []DivisionLevel { return schema.Values[DivisionLevel](&divisionLevels.Terms) }

// ParseDivisionLevel parses the Chinese term of a division level (村(社区)级
// also with full-width parentheses) or its number, "1" to "6".
func ParseDivisionLevel(s string) (DivisionLevel, error) {
	v, err := divisionLevels.Parse(s)
	return DivisionLevel(v), err
}

// String returns the Chinese term of l, or "DivisionLevel(n)" for a value
// that is not a level.
func (l DivisionLevel) String() string { return divisionLevels.Term(uint8(l)) }

// MarshalText implements [encoding.TextMarshaler] with the Chinese term; it
// fails for a value that is not a level.
func (l DivisionLevel) MarshalText() ([]byte, error) { return divisionLevels.Marshal(uint8(l)) }

// UnmarshalText implements [encoding.TextUnmarshaler] through
// [ParseDivisionLevel].
func (l *DivisionLevel) UnmarshalText(text []byte) error {
	return schema.UnmarshalText(l, text, ParseDivisionLevel)
}

// CodeForm is the form of a [MatterCode]. Its text form is the Chinese term.
// The zero CodeForm is not a form.
type CodeForm uint8

// Forms of matter codes.
const (
	FormBase           CodeForm = 1 + iota // 基本编码: 12 characters, or Sichuan's 12 or 14
	FormImplementation                     // 实施编码: credit code, level digit, base code (31)
	FormHandling                           // 业务办理项编码: implementation code and sequence (33)
	FormSichuan                            // 四川事项编码: Sichuan's hyphenated portal form
)

var codeForms = &enum{schema.Terms{Pkg: "matters", Name: "编码形式", Type: "CodeForm",
	List: []string{"基本编码", "实施编码", "业务办理项编码", "四川事项编码"}}}

// AllCodeForms returns the forms of matter codes.
func AllCodeForms() []CodeForm { return schema.Values[CodeForm](&codeForms.Terms) }

// ParseCodeForm parses the Chinese term of a form.
func ParseCodeForm(s string) (CodeForm, error) {
	v, err := codeForms.Parse(s)
	return CodeForm(v), err
}

// String returns the Chinese term of f, or "CodeForm(n)" for a value that is not
// a form.
func (f CodeForm) String() string { return codeForms.Term(uint8(f)) }

// MarshalText implements [encoding.TextMarshaler] with the Chinese term; it
// fails for a value that is not a form.
func (f CodeForm) MarshalText() ([]byte, error) { return codeForms.Marshal(uint8(f)) }

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseCodeForm].
func (f *CodeForm) UnmarshalText(text []byte) error {
	return schema.UnmarshalText(f, text, ParseCodeForm)
}
