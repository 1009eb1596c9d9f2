package cases

import (
	"strconv"
	"time"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
)

// Case is one case record (办件) as the platform exports it.
type Case struct {
	ID         string // 办件编号
	MatterCode string // 事项编码, as in the catalogue
	MatterName string // 事项名称
	Department string // 受理部门
	Window     string // 受理窗口
	Unit       string // the unit whose hall the department sits in (所属单位); "" for the city's own
	Applicant  Applicant
	Applied    time.Time // 申请时间
	Accepted   time.Time // 受理时间; zero when not accepted
	Completed  time.Time // 办结时间; zero when not completed
	Status     Status
	Channel    Channel
	Result     Result
	// Limit is the promised limit in force for this case (承诺时限 and
	// 时限单位); zero when the export does not say.
	Limit       matters.Limit
	Suspensions []Suspension // 特别程序 and 挂起: time that does not count
	Evaluation  Evaluation   // 好差评; zero when not evaluated
}

// Suspension is a period during which a case's clock stops: 补齐补正,
// 挂起, or a 特别程序 (hearing, inspection, expert review).
type Suspension struct {
	From, To time.Time
}

// Applicant is the kind of applicant (申请人类型).
type Applicant uint8

// Applicant kinds.
const (
	NaturalPerson Applicant = 1 + iota // 自然人
	LegalPerson                        // 法人
)

// Status is the state of a case (办件状态).
type Status uint8

// Statuses.
const (
	Applied       Status = 1 + iota // 申请
	Accepted                        // 受理
	NotAccepted                     // 不予受理
	Supplementing                   // 补齐补正
	Suspended                       // 挂起
	Completed                       // 办结
	Returned                        // 退件
	Void                            // 作废
)

// Channel is how a case was handled (办理渠道).
type Channel uint8

// Channels.
const (
	Online     Channel = 1 + iota // 网上
	Window                        // 窗口
	SelfServed                    // 自助
	Proxy                         // 代办
)

// Result is the outcome of a completed case (办理结果).
type Result uint8

// Results.
const (
	Granted Result = 1 + iota // 准予
	Refused                   // 不予
)

// Evaluation is the applicant's rating (好差评).
type Evaluation uint8

// Evaluations, from best to worst. 非常满意 and 满意 are good (好评),
// 不满意 and 非常不满意 bad (差评); 基本满意 is neither.
const (
	VerySatisfied    Evaluation = 1 + iota // 非常满意
	Satisfied                              // 满意
	FairlySatisfied                        // 基本满意
	Dissatisfied                           // 不满意
	VeryDissatisfied                       // 非常不满意
)

// Good reports whether e is a good rating (好评).
func (e Evaluation) Good() bool { return e == VerySatisfied || e == Satisfied }

// Bad reports whether e is a bad rating (差评).
func (e Evaluation) Bad() bool { return e == Dissatisfied || e == VeryDissatisfied }

// enum holds the terms of one enumeration: names[v-1] is the canonical
// Chinese term of value v; aliases map other spellings and the platforms'
// numeric codes.
type enum struct {
	what  schema.Msg
	names []string
	alias map[string]uint8
}

func (e *enum) str(v uint8) string {
	if v == 0 {
		return ""
	}
	if int(v) <= len(e.names) {
		return e.names[v-1]
	}
	return e.what.String() + "(" + strconv.Itoa(int(v)) + ")"
}

func (e *enum) parse(s string) (uint8, error) {
	s = trim(s)
	if v, ok := lookup(e, s); ok {
		return v, nil
	}
	return 0, errorf("cases: ", "%q is not a %s (want one of %s)", s, e.what, terms(e.names))
}

// lookup returns the value of the term s, a string or a cell's bytes,
// and whether it is one of e's.
func lookup[S ~string | ~[]byte](e *enum, s S) (uint8, bool) {
	for i, n := range e.names {
		if string(s) == n {
			return uint8(i + 1), true
		}
	}
	v, ok := e.alias[string(s)]
	return v, ok
}

var (
	applicants = &enum{schema.M("applicant kind"), []string{"自然人", "法人"}, map[string]uint8{
		"1": 1, "个人": 1, "2": 2, "企业": 2, "企业法人": 2, "单位": 2, "事业法人": 2, "社会组织法人": 2, "机关法人": 2}}
	statuses = &enum{schema.M("case status"), []string{"申请", "受理", "不予受理", "补齐补正", "挂起", "办结", "退件", "作废"}, map[string]uint8{
		"已申请": 1, "待受理": 1, "已受理": 2, "办理中": 2, "在办": 2, "补正": 4, "补齐补正中": 4, "特别程序": 5, "已挂起": 5, "已办结": 6, "已退件": 7, "已作废": 8}}
	channels = &enum{schema.M("handling channel"), []string{"网上", "窗口", "自助", "代办"}, map[string]uint8{
		"网上办理": 1, "网办": 1, "在线": 1, "窗口办理": 2, "现场": 2, "自助终端": 3, "自助办理": 3, "帮办代办": 4, "代办点": 4}}
	results = &enum{schema.M("result"), []string{"准予", "不予"}, map[string]uint8{
		"准予许可": 1, "同意": 1, "通过": 1, "不予许可": 2, "不同意": 2, "不通过": 2}}
	evaluations = &enum{schema.M("evaluation"), []string{"非常满意", "满意", "基本满意", "不满意", "非常不满意"}, map[string]uint8{
		"5": 1, "4": 2, "3": 3, "2": 4, "1": 5}}
)

// String returns the Chinese term; it never panics.
func (a Applicant) String() string { return applicants.str(uint8(a)) }

// String returns the Chinese term; it never panics.
func (s Status) String() string { return statuses.str(uint8(s)) }

// String returns the Chinese term; it never panics.
func (c Channel) String() string { return channels.str(uint8(c)) }

// String returns the Chinese term; it never panics.
func (r Result) String() string { return results.str(uint8(r)) }

// String returns the Chinese term; it never panics.
func (e Evaluation) String() string { return evaluations.str(uint8(e)) }

// ParseApplicant reads 自然人 or 法人 (or 个人, 企业, 1, 2).
func ParseApplicant(s string) (Applicant, error) {
	v, err := applicants.parse(s)
	return Applicant(v), err
}

// ParseStatus reads a status term (办结, 已办结, …).
func ParseStatus(s string) (Status, error) { v, err := statuses.parse(s); return Status(v), err }

// ParseChannel reads a channel term (网上, 网上办理, 窗口, …).
func ParseChannel(s string) (Channel, error) { v, err := channels.parse(s); return Channel(v), err }

// ParseResult reads 准予 or 不予 (or 准予许可, 不予许可, …).
func ParseResult(s string) (Result, error) { v, err := results.parse(s); return Result(v), err }

// ParseEvaluation reads a rating (非常满意 … 非常不满意, or 5 … 1 stars).
func ParseEvaluation(s string) (Evaluation, error) {
	v, err := evaluations.parse(s)
	return Evaluation(v), err
}

// MarshalText writes the Chinese term.
func (a Applicant) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// MarshalText writes the Chinese term.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// MarshalText writes the Chinese term.
func (c Channel) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// MarshalText writes the Chinese term.
func (r Result) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// MarshalText writes the Chinese term.
func (e Evaluation) MarshalText() ([]byte, error) { return []byte(e.String()), nil }

// UnmarshalText reads through [ParseApplicant].
func (a *Applicant) UnmarshalText(b []byte) error { return unmarshalVia(a, ParseApplicant, b) }

// UnmarshalText reads through [ParseStatus].
func (s *Status) UnmarshalText(b []byte) error { return unmarshalVia(s, ParseStatus, b) }

// UnmarshalText reads through [ParseChannel].
func (c *Channel) UnmarshalText(b []byte) error { return unmarshalVia(c, ParseChannel, b) }

// UnmarshalText reads through [ParseResult].
func (r *Result) UnmarshalText(b []byte) error { return unmarshalVia(r, ParseResult, b) }

// UnmarshalText reads through [ParseEvaluation].
func (e *Evaluation) UnmarshalText(b []byte) error { return unmarshalVia(e, ParseEvaluation, b) }

// unmarshalVia sets *p to what parse reads in b and returns parse's
// error.
func unmarshalVia[T any](p *T, parse func(string) (T, error), b []byte) error {
	v, err := parse(string(b))
	*p = v
	return err
}

// AllStatuses lists every status; the other lists likewise feed "must be one
// of" messages and tests.
func AllStatuses() []Status { return all[Status](statuses) }

// AllChannels lists every channel.
func AllChannels() []Channel { return all[Channel](channels) }

// AllEvaluations lists every rating, best first.
func AllEvaluations() []Evaluation { return all[Evaluation](evaluations) }

func all[T ~uint8](e *enum) []T {
	out := make([]T, len(e.names))
	for i := range out {
		out[i] = T(i + 1)
	}
	return out
}
