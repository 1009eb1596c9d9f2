package matters

import (
	"encoding/json"
	"strconv"
	"time"
)

// Catalogue is a list of service matters: a base catalogue (基本目录) or a
// locality's implementation list (实施清单), with its one-thing bundles.
type Catalogue struct {
	Kind     CatalogueKind
	Title    string
	Division Division // the division that owns the catalogue
	Level    Level    // the level the catalogue is exercised at, if stated
	AsOf     time.Time
	Source   string
	Notes    string
	Matters  []Matter
	Bundles  []Bundle
	// Extensions holds the document's x- members as JSON text.
	Extensions Extensions
}

// Division names an administrative division: its GB/T 2260 code (6
// digits), township code (9) or statistical code (12), and its name.
type Division struct {
	Code       string
	Name       string
	Extensions Extensions
}

// Matter is one service matter (政务服务事项) with the elements of the
// national implementation list. Zero values mean "not stated": a zero
// [Type] or [Level], an empty [Limit], a nil Visits.
type Matter struct {
	Code          string // implementation code (实施编码) or the platform's matter code
	BaseCode      string // the base code (基本编码) of the base item it claims
	Name          string
	MainItem      string // the main item's name when this is a sub-item
	Type          Type
	Level         Level
	Body          Body
	PowerSource   PowerSource
	LegalLimit    Limit // 法定办结时限
	PromisedLimit Limit // 承诺办结时限
	HandlingKind  HandlingKind
	// Visits is how many times an applicant must come in person
	// (到办事现场次数); nil when not stated.
	Visits         *int
	OnsiteReason   string // why the applicant must come in person
	Online         Set[OnlineItem]
	Forms          Set[Form]
	ServiceObjects Set[ServiceObject]
	Scopes         []Scope
	Delegation     *Delegation
	SelfService24h bool // 24小时自助
	// TolerateMissing is 容缺受理: accepted although a non-key document is
	// missing.
	TolerateMissing bool
	InHall          bool // 进驻政务服务大厅
	Fee             *Fee
	Extensions      Extensions
}

// Body is an implementing body (实施主体).
type Body struct {
	Name       string
	CreditCode string // 统一社会信用代码
	Nature     BodyNature
	Extensions Extensions
}

// Limit is a time limit: a value and its unit. The zero value means "not
// stated"; a limit in unit [Instant] (即办) has no value.
type Limit struct {
	Value      float64
	Unit       Unit
	Extensions Extensions
}

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
	return strconv.FormatFloat(l.Value, 'f', -1, 64) + " " + l.Unit.String()
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
// calendar week holds five working days depends on the calendar.
func (l Limit) WorkingDays() (float64, bool) {
	switch l.Unit {
	case WorkingDays:
		return l.Value, true
	case Months:
		return l.Value * WorkingDaysPerMonth, true
	case Years:
		return l.Value * WorkingDaysPerYear, true
	case Instant:
		return 0, true
	}
	return 0, false
}

// Scope is a universal-handling scope with the batch it was published in
// (0 when not stated). A regional scope (kind [Regional]) has its name.
type Scope struct {
	Kind       ScopeKind
	Name       string // the regional scope's name (遂潼通办); empty for the others
	Batch      int
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
	To         Level // the receiving level: [Township] or [Village]
	Batch      int
	Document   string // the decision that delegated it
	Extensions Extensions
}

// Fee says whether a matter is charged for, on what basis, for what.
type Fee struct {
	Charged    bool
	Basis      string
	Items      []string
	Extensions Extensions
}

// Bundle is a one-thing bundle (一件事一次办): several matters handled as one
// thing, with one form, one submission and one result.
type Bundle struct {
	Code          string
	Name          string
	LeadBody      string
	Matters       []string // codes of the member matters
	PromisedLimit Limit
	Visits        *int
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
	return l.Unit == Instant || l.Unit == WorkingDays && l.Value == 0
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

// Matter returns the matter with the given code, or nil.
func (c *Catalogue) Matter(code string) *Matter {
	for i := range c.Matters {
		if c.Matters[i].Code == code {
			return &c.Matters[i]
		}
	}
	return nil
}
