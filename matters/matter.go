package matters

import (
	"encoding/json"
	"time"

	"github.com/zwfw/zwfw/schema"
)

// Catalogue is a list of service matters: a base catalogue (基本目录) or a
// locality's implementation list (实施清单), with its one-thing bundles.
type Catalogue struct {
	Kind     CatalogueKind `doc:"catalogueKind"`
	Title    string        `doc:"title"`
	Division Division      `doc:"division"` // the division that owns the catalogue
	Level    Level         `doc:"level"`    // the level the catalogue is exercised at, if stated
	AsOf     time.Time     `doc:"asOf,date"`
	Source   string        `doc:"source"`
	Notes    string        `doc:"notes"`
	Matters  []Matter      `doc:"matters,keep"`
	Bundles  []Bundle      `doc:"bundles"`
	// Extensions holds the document's x- members as JSON text.
	Extensions Extensions
}

// Division names an administrative division: its GB/T 2260 code (6
// digits), township code (9) or statistical code (12), and its name.
type Division struct {
	Code       string `doc:"code"`
	Name       string `doc:"name"`
	Extensions Extensions
}

// Matter is one service matter (政务服务事项) with the elements of the
// national implementation list. Zero values mean "not stated": a zero
// [Type] or [Level], an empty [Limit], a nil Visits.
type Matter struct {
	Code          MatterCodeText `doc:"code" csv:"事项编码|实施编码|事项代码|实施清单编码|matterCode"` // implementation code (实施编码) or the platform's matter code
	BaseCode      MatterCodeText `doc:"baseCode" csv:"基本编码|基本目录编码"`                  // the base code (基本编码) of the base item it claims
	Name          string         `doc:"name" csv:"事项名称|业务办理项名称|名称|matterName"`
	MainItem      string         `doc:"mainItem" csv:"主项名称|主项"` // the main item's name when this is a sub-item
	Type          Type           `doc:"type" csv:"事项类型|事项类型代码|权力类型"`
	Level         Level          `doc:"level" csv:"行使层级|层级"`
	Body          Body           `doc:"body"`
	PowerSource   PowerSource    `doc:"powerSource" csv:"权力来源"`
	LegalLimit    Limit          `doc:"legalLimit" csv:"法定办结时限|法定时限|法定期限"`    // 法定办结时限
	PromisedLimit Limit          `doc:"promisedLimit" csv:"承诺办结时限|承诺时限|承诺期限"` // 承诺办结时限
	HandlingKind  HandlingKind   `doc:"handlingKind" csv:"办件类型"`
	// Visits is how many times an applicant must come in person
	// (到办事现场次数); nil when not stated.
	Visits         *int               `doc:"visits" csv:"到办事现场次数|到现场次数|到现场办理次数|跑动次数"`
	OnsiteReason   string             `doc:"onsiteReason" csv:"必须现场办理原因说明|必须现场办理原因|现场办理原因"` // why the applicant must come in person
	Online         Set[OnlineItem]    `doc:"online" csv:"网上办理深度|网办深度"`
	Forms          Set[Form]          `doc:"forms" csv:"办理形式"`
	ServiceObjects Set[ServiceObject] `doc:"serviceObjects" csv:"服务对象"`
	Scopes         []Scope            `doc:"scopes" csv:"通办范围"`
	Delegation     *Delegation        `doc:"delegation"`
	SelfService24h bool               `doc:"selfService24h" csv:"是否24小时自助|24小时自助|是否支持24小时自助"` // 24小时自助
	// TolerateMissing is 容缺受理: accepted although a non-key document is
	// missing.
	TolerateMissing bool `doc:"tolerateMissing" csv:"容缺受理|是否容缺受理|是否支持容缺受理"`
	InHall          bool `doc:"inHall" csv:"进驻大厅|是否进驻大厅|是否进驻政务服务大厅|进驻政务服务大厅"` // 进驻政务服务大厅
	Fee             *Fee `doc:"fee"`
	// ConsultationPhone is the number applicants call with questions
	// (咨询电话).
	ConsultationPhone string `doc:"consultationPhone" csv:"咨询电话|咨询方式|咨询电话号码"`
	// HandlingCode is the 业务办理项编码, distinct from the implementation
	// code; MainCode is the code of the main item (主项) a sub-item (子项)
	// belongs to.
	HandlingCode MatterCodeText `doc:"handlingCode" csv:"业务办理项编码|办理项编码"`
	MainCode     MatterCodeText `doc:"mainCode" csv:"主项编码"`
	// Conditions are the conditions of acceptance (受理条件).
	Conditions string     `doc:"conditions" csv:"受理条件|受理标准"`
	Materials  []Material `doc:"materials"`  // 申请材料
	Steps      []Step     `doc:"steps"`      // 办理流程
	LegalBasis []Law      `doc:"legalBasis"` // 设定依据
	Place      string     `doc:"place" csv:"办理地点|受理地点"`
	Hours      string     `doc:"hours" csv:"办理时间|受理时间"`
	// SupervisionPhone is where applicants complain (监督电话, 投诉方式).
	SupervisionPhone string  `doc:"supervisionPhone" csv:"监督电话|投诉方式|监督投诉电话|投诉电话"`
	Result           *Result `doc:"result"` // 审批结果
	// EntrustingBody is the body the implementing body acts for when it
	// acts on delegation (委托部门).
	EntrustingBody string `doc:"entrustingBody" csv:"委托部门|委托机关"`
	Status         Status `doc:"status" csv:"事项状态|状态"`
	Version        string `doc:"version" csv:"版本号|事项版本"`
	// EffectiveDate is the day the matter's present version took effect,
	// as YYYY-MM-DD.
	EffectiveDate string `doc:"effectiveDate" csv:"生效日期|实施日期"`
	// LimitNotes explain the legal and promised limits (时限说明): what the
	// limit does not count, when it starts.
	LimitNotes    string `doc:"limitNotes" csv:"时限说明|办结时限说明"`
	Window        Window `doc:"window" csv:"受理窗口|窗口类型"`
	OnlineAddress string `doc:"onlineAddress" csv:"网上办理地址|在线办理地址"`
	Extensions    Extensions
}

// Body is an implementing body (实施主体).
type Body struct {
	Name       string         `doc:"name" csv:"实施主体|实施部门|实施主体名称|实施机构|部门名称|部门|body|department"`
	CreditCode CreditCodeText `doc:"creditCode" csv:"实施主体编码|部门编码|统一社会信用代码|实施主体统一社会信用代码|实施主体代码|creditCode|bodyCode|departmentCode"` // 统一社会信用代码
	Nature     BodyNature     `doc:"nature" csv:"实施主体性质"`
	Extensions Extensions
}

// Material is one application material (申请材料).
type Material struct {
	Name   string            `doc:"name" csv:"材料名称|申请材料名称"`
	Forms  Set[MaterialForm] `doc:"forms" csv:"材料形式|材料类型"` // 原件, 复印件, 电子件
	Copies int               `doc:"copies" csv:"份数|材料份数"`
	// Necessity is 必要, 非必要 or 容缺后补 (may follow after acceptance).
	Necessity Necessity      `doc:"necessity" csv:"必要性|是否必要|材料必要性"`
	Source    MaterialSource `doc:"source" csv:"来源渠道|材料来源|来源"`
	// Issuer is the body that issues the material when its source is
	// 政府部门核发.
	Issuer string `doc:"issuer" csv:"出具单位|来源渠道说明|核发部门"`
	// Exempt says the applicant need not submit it (免提交): the window
	// takes it from an electronic licence or by data sharing, as ExemptBy
	// says.
	Exempt     bool      `doc:"exempt" csv:"免提交|是否免提交"`
	ExemptBy   ExemptWay `doc:"exemptBy" csv:"免提交方式"`
	SampleURL  string    `doc:"sampleUrl" csv:"示例样表|样表下载"`
	BlankURL   string    `doc:"blankFormUrl" csv:"空白表格|空表下载"`
	Extensions Extensions
}

// Step is one step of the handling procedure (办理流程).
type Step struct {
	Name       string `doc:"name" csv:"环节名称|办理环节|步骤名称"`
	Actor      string `doc:"actor" csv:"办理人员|审批人员|办理主体|岗位"`
	Limit      Limit  `doc:"limit" csv:"环节时限|办理时限"`
	Extensions Extensions
}

// Law is one provision of the legal basis (设定依据).
type Law struct {
	Name       string `doc:"name" csv:"法律法规名称|依据名称|法规名称"`
	Article    string `doc:"article" csv:"条款号|依据条款|条款"`
	Text       string `doc:"text" csv:"条款内容"`
	Extensions Extensions
}

// Result is the result of handling (审批结果).
type Result struct {
	Name string     `doc:"name" csv:"审批结果名称|办理结果名称|结果名称"`
	Kind ResultKind `doc:"kind" csv:"审批结果类型|结果类型"`
	// ELicence says the result is also issued as an electronic licence
	// (电子证照).
	ELicence   bool `doc:"eLicence" csv:"是否电子证照|电子证照|是否生成电子证照"`
	Extensions Extensions
}

// Limit is a time limit: a value and its unit. The zero value means "not
// stated"; a limit in unit [Instant] (即办) has no value. The value is
// exact ([Quantity]): 0.5 工作日 is half a working day, not a float near it.
type Limit struct {
	Value      Quantity `doc:"value"`
	Unit       TimeUnit `doc:"unit"`
	Extensions Extensions
}

// KeepZero reports that a zero value is written when the unit needs a
// value (all but [Instant]).
func (l Limit) KeepZero(key string) bool { return key == "value" && l.Unit != Instant }

// IsZero reports whether the limit is not stated.
func (l Limit) IsZero() bool { return l.Unit == 0 }

// String formats the limit as "20 工作日" or "即办".
func (l Limit) String() string {
	switch l.Unit {
	case 0:
		return ""
	case Instant:
		return Instant.String()
	}
	return l.Value.String() + " " + l.Unit.String()
}

// Localize writes the limit for a reader of l: "20 工作日" in English text,
// "20个工作日" as a Chinese sentence has it. It implements
// [schema.Localizer], so a problem's message reads naturally in both.
func (l Limit) Localize(lang schema.Lang) string {
	if lang != schema.Chinese || l.Unit == 0 || l.Unit == Instant {
		return l.String()
	}
	v := l.Value.String()
	switch l.Unit {
	case WorkingDays, CalendarDays, Hours, Months:
		return v + "个" + l.Unit.String()
	}
	return v + l.Unit.String()
}

// Working-day equivalents used to compare limits in different units, as
// the quality tools of provincial platforms do.
const (
	WorkingDaysPerMonth = 22
	WorkingDaysPerYear  = 250
)

// WorkingDays returns the limit in working days and whether it converts:
// 工作日 as is, 月 and 年 by [WorkingDaysPerMonth] and [WorkingDaysPerYear],
// 即办 as zero. Calendar days, hours and minutes do not convert: whether a
// calendar week holds five working days depends on the calendar; nor does
// a limit whose working days lie beyond the range of a [Quantity].
func (l Limit) WorkingDays() (Quantity, bool) {
	switch l.Unit {
	case WorkingDays:
		return l.Value, true
	case Months:
		return l.Value.Mul(WorkingDaysPerMonth)
	case Years:
		return l.Value.Mul(WorkingDaysPerYear)
	case Instant:
		return Quantity{}, true
	}
	return Quantity{}, false
}

// Scope is a universal-handling scope with the batch it was published in
// (0 when not stated). A regional scope (kind [Regional]) has its name.
type Scope struct {
	Kind       ScopeKind `doc:"scope,manual"` // with Name, the scope's text
	Name       string    // the regional scope's name (遂潼通办); empty for the others
	Batch      int       `doc:"batch"`
	Extensions Extensions
}

// String returns the scope's name: the regional name, or the kind's term.
func (s Scope) String() string {
	if s.Kind == Regional && s.Name != "" {
		return s.Name
	}
	return s.Kind.String()
}

// Delegation says a matter is handled at a lower level (下放).
type Delegation struct {
	To         Level  `doc:"to" csv:"下放层级|下放至"` // the receiving level: [Township] or [Village]
	Batch      int    `doc:"batch" csv:"下放批次"`
	Document   string `doc:"document" csv:"下放文件|下放依据"` // the decision that delegated it
	Extensions Extensions
}

// Fee says whether a matter is charged for, on what basis, for what.
type Fee struct {
	Charged    bool     `doc:"charged,keep" csv:"是否收费"`
	Basis      string   `doc:"basis" csv:"收费依据"`
	Items      []string `doc:"items" csv:"收费项目"`
	Extensions Extensions
}

// Bundle is a one-thing bundle (一件事一次办): several matters handled as one
// thing, with one form, one submission and one result.
type Bundle struct {
	Code          string           `doc:"code"`
	Name          string           `doc:"name"`
	LeadBody      string           `doc:"leadBody"`
	Matters       []MatterCodeText `doc:"matters,keep"` // codes of the member matters
	PromisedLimit Limit            `doc:"promisedLimit"`
	Visits        *int             `doc:"visits"`
	Extensions    Extensions
}

// Extensions holds a document's local x- members, each as compact JSON
// text, so they survive a round trip unchanged. Nil when there are none.
type Extensions map[string]json.RawMessage

// Depth returns the four-level online depth of the matter.
func (m *Matter) Depth() Depth { return DepthOf(m.Online) }

// FullyOnline reports whether the matter is handled fully online
// (全程网办): the application is accepted and handled online (depth 四级)
// and the applicant need not come in person (visits 0 or not stated; a
// matter stating visits is not fully online, whatever its items say).
func (m *Matter) FullyOnline() bool {
	return m.Depth() == Depth4 && (m.Visits == nil || *m.Visits == 0)
}

// IsInstant reports whether the matter is finished on the spot: handling
// kind 即办件 or a promised limit of 即办 (which platforms also write as 0
// 工作日).
func (m *Matter) IsInstant() bool {
	return m.HandlingKind == InstantCase || m.PromisedLimit.IsInstant()
}

// IsInstant reports whether the limit means 即办: unit 即办, or 0 工作日 as
// platforms write it.
func (l Limit) IsInstant() bool {
	return l.Unit == Instant || l.Unit == WorkingDays && l.Value.IsZero()
}

// HasScope reports whether the matter is in universal-handling scope k and
// returns its batch.
func (m *Matter) HasScope(k ScopeKind) (batch int, ok bool) {
	for _, s := range m.Scopes {
		if s.Kind == k {
			return s.Batch, true
		}
	}
	return 0, false
}

// IsDelegated reports whether the matter is delegated to a lower level:
// it has a delegation or its power source is 上级下放.
func (m *Matter) IsDelegated() bool {
	return m.Delegation != nil || m.PowerSource == DelegatedFrom
}

// ZeroMaterials reports whether the applicant submits no material
// (零材料提交): the matter lists materials and every one is exempt.
func (m *Matter) ZeroMaterials() bool {
	if len(m.Materials) == 0 {
		return false
	}
	for i := range m.Materials {
		if !m.Materials[i].Exempt {
			return false
		}
	}
	return true
}

// Matter returns the matter with the given code, or nil.
func (c *Catalogue) Matter(code MatterCodeText) *Matter {
	for i := range c.Matters {
		if c.Matters[i].Code == code {
			return &c.Matters[i]
		}
	}
	return nil
}
