package report

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// SchemaVersion is the schemaVersion the package reads and writes.
const SchemaVersion = 1

// Bulletin is one monthly work bulletin (工作简报): what the seed of April
// 2021 holds, section by section. Texts are templates whose placeholders
// name typed figures (see [Figure]); the fixed sections hold their counts
// as numbers and are phrased by the renderer.
type Bulletin struct {
	Period Period `doc:"period"` // the month reported on
	Issuer string `doc:"issuer"` // 编发单位, e.g. 遂宁市政务服务和大数据局
	Title  string `doc:"title"`  // e.g. 工作简报; optional

	// Masthead is the bulletin's head and distribution lines; nil when
	// the bulletin prints none.
	Masthead *Masthead `doc:"masthead"`
	// Divisions and Modes name the documents the bulletin's units and
	// reform modes are checked against (a divisions document of package
	// county, a modes document of package reform), as paths relative to
	// the bulletin's file; empty means the embedded Suining ones, unless
	// [Options] say otherwise.
	Divisions string `doc:"divisions"`
	Modes     string `doc:"modes"`
	// Layout is the bureau's template: the sections in order and the
	// wording of their sentences. Nil means [DefaultLayout].
	Layout *Layout `doc:"layout"`

	Updates     []Update     `doc:"updates"`     // 一、工作动态
	Visits      *Visits      `doc:"visits"`      // 二、部门调研; nil when the bulletin has none
	Submissions []Submission `doc:"submissions"` // 三、信息报送情况
	Attendance  *Attendance  `doc:"attendance"`  // 四、考勤考核
	Efficiency  *Efficiency  `doc:"efficiency"`  // 五、效能监察
	Attachments []Attachment `doc:"attachments"` // 附件, numbered from 1 in order
	// Sections are the bulletin's own sections (下步工作, 问题和建议),
	// placed where the layout names their keys.
	Sections []Section `doc:"sections"`

	Extensions Extensions
}

// Extensions holds a document's local x- members, each as compact JSON
// text, so they survive a round trip unchanged. Nil when there are none.
type Extensions map[string]json.RawMessage

// Update is one item of 工作动态: what one unit did, told in a headline, an
// optional lead, and numbered points (一是…二是…), each of which may be a
// measure of the unit's reform mode.
type Update struct {
	// Unit is the unit the update is about, by the name package county
	// knows it: 船山区, 蓬溪县, 河东新区, 射洪市, 遂宁市. Empty for an
	// update about a department.
	Unit string `doc:"unit"`
	// Department is the department the update is about (市医保局), when
	// it is about one; a department is not a unit and is not checked
	// against the divisions. An update names a unit, a department, or
	// both.
	Department string `doc:"department"`
	// Body is the office that acts, as the text names it
	// (船山区行政审批局); optional.
	Body string `doc:"body"`
	// Mode is the reform mode the update reports on ("3+2", "七办");
	// empty when the update is not about one.
	Mode string `doc:"mode"`

	Headline string    `doc:"headline"`      // template: the opening sentence
	Lead     string    `doc:"lead"`          // template: what comes before the points; optional
	Figures  []Figure  `doc:"figures,keyed"` // figures of Headline and Lead
	Measures []Measure `doc:"measures"`

	Extensions Extensions
}

// Measure is one numbered point of an [Update] (一是…). It is written as
// ordinal + "是" + Heading + "。" + Text, or ordinal + "是" + Text when it
// has no heading.
type Measure struct {
	// Name is the measure of the update's mode this point reports on
	// (一窗办, 马上办 …), as package reform knows it; empty for a point that
	// is no measure (a meeting's requirements).
	Name    string   `doc:"name"`
	Heading string   `doc:"heading"`       // template; optional
	Text    string   `doc:"text"`          // template
	Figures []Figure `doc:"figures,keyed"` // figures of Heading and Text

	Extensions Extensions
}

// Figure is one number in a text, as a typed value: 69 项, 76.85%, 4月9日.
// A template refers to it by Name in braces ("{delegated}"), and rendering
// writes it in full: qualifier, number (scaled), unit.
type Figure struct {
	Name   string     `doc:",key"`         // the placeholder name, unique within its update
	Kind   FigureKind `doc:"kind"`         // what the figure measures
	Value  Decimal    `doc:"value,manual"` // the number; zero for a date
	Date   time.Time  // the day, for a 日期; zero otherwise
	Unit   FigureUnit `doc:"unit"`   // how it is counted; none for a date
	Scale  Scale      `doc:"scale"`  // written in 万 or 亿; value stays the full number
	Approx Approx     `doc:"approx"` // 余, 约 …; zero when exact
	// Indicator names the indicator of package reform the figure reports
	// (即办比例, 下放事项数), when one exists: such figures can be set
	// against values computed from catalogues (see [Bulletin.Compare]).
	Indicator string `doc:"indicator"`
	// Subject is the unit the figure is about when it is not the update's
	// own (安居区 in an update of the city).
	Subject string `doc:"subject"`

	Extensions Extensions
}

// Visits is 部门调研: officials of departments who came to see the hall's
// windows.
type Visits struct {
	Place   string  `doc:"place"` // where they came, e.g. 市政务大厅窗口
	Total   *int64  `doc:"total"` // the total as stated (人次); nil when not stated
	Entries []Visit `doc:"entries"`

	Extensions Extensions
}

// Visit is one official's visits.
type Visit struct {
	Department string `doc:"department"` // 市交通运输局
	Title      string `doc:"title"`      // 副局长; optional
	Name       string `doc:"name"`       // 黄火平
	Count      int64  `doc:"count,keep"` // times (次)

	Extensions Extensions
}

// Submission is one department's information submissions (信息报送), in
// items (条).
type Submission struct {
	Department string `doc:"department"`
	Count      int64  `doc:"count,keep"`

	Extensions Extensions
}

// Attendance is 考勤考核: leave, and clock-in statistics.
type Attendance struct {
	Leave *Leave `doc:"leave"` // (一)请假统计
	Clock *Clock `doc:"clock"` // (二)打卡考勤统计

	Extensions Extensions
}

// Leave is 请假统计: leave taken by the staff, by kind, in 人次.
type Leave struct {
	Staff string      `doc:"staff"` // whose leave, e.g. 窗口工作人员
	Total *int64      `doc:"total"` // the total as stated; nil when not stated
	Kinds []LeaveKind `doc:"kinds"`

	Extensions Extensions
}

// LeaveKind is the leave of one kind (事假, 病假 …), in 人次.
type LeaveKind struct {
	Kind  string `doc:"kind"`
	Count int64  `doc:"count,keep"`

	Extensions Extensions
}

// Clock is 打卡考勤统计: late arrivals and missed clock-ins, in 人次.
type Clock struct {
	Source     string `doc:"source"`      // the system counted, as the text names it
	Late       int64  `doc:"late,keep"`   // 迟到
	Missed     int64  `doc:"missed,keep"` // 未打卡
	Early      int64  `doc:"early"`       // 早退; printed only where the layout says
	Field      int64  `doc:"field"`       // 外勤; printed only where the layout says
	Attachment int    `doc:"attachment"`  // the attachment with the details (1-based); 0 for none

	Extensions Extensions
}

// Efficiency is 效能监察: cases accepted and completed, in 件.
type Efficiency struct {
	Source     string `doc:"source"`         // the platform counted, as the text names it
	Place      string `doc:"place"`          // where, e.g. 市政务大厅窗口
	Accepted   int64  `doc:"accepted,keep"`  // 受理
	Completed  int64  `doc:"completed,keep"` // 办结
	Attachment int    `doc:"attachment"`     // the attachment with the details (1-based); 0 for none

	Extensions Extensions
}

// Attachment is one attachment (附件) of the bulletin.
type Attachment struct {
	Title string `doc:"title"`
	Table *Table `doc:"table"` // the attachment's table, when the bulletin carries it

	Extensions Extensions
}

// Period is a calendar month, the period a bulletin reports on. The zero
// value is not valid.
type Period struct {
	Year  int
	Month time.Month
}

// ParsePeriod reads a month written YYYY-MM.
func ParsePeriod(s string) (Period, error) {
	t, err := time.Parse("2006-01", s)
	p := Period{t.Year(), t.Month()}
	if err != nil || len(s) != 7 || !p.IsValid() {
		return Period{}, fmt.Errorf("report: %q is not a month (YYYY-MM, from year 0001)", s)
	}
	return p, nil
}

// IsValid reports whether p is a month.
func (p Period) IsValid() bool { return p.Year > 0 && p.Year <= 9999 && p.Month >= 1 && p.Month <= 12 }

// String writes the month as YYYY-MM.
func (p Period) String() string { return fmt.Sprintf("%04d-%02d", p.Year, int(p.Month)) }

// Chinese writes the month as the bulletin does: 2021年4月.
func (p Period) Chinese() string {
	return strconv.Itoa(p.Year) + "年" + strconv.Itoa(int(p.Month)) + "月"
}

// Contains reports whether day t lies in the month.
func (p Period) Contains(t time.Time) bool { return t.Year() == p.Year && t.Month() == p.Month }

// MarshalText writes YYYY-MM.
func (p Period) MarshalText() ([]byte, error) {
	if !p.IsValid() {
		return nil, fmt.Errorf("report: invalid period %d-%d", p.Year, p.Month)
	}
	return []byte(p.String()), nil
}

// UnmarshalText reads YYYY-MM through [ParsePeriod].
func (p *Period) UnmarshalText(b []byte) error {
	v, err := ParsePeriod(string(b))
	*p = v
	return err
}

// Sum returns the sum of the visit counts: the total the text prints when
// none is stated.
func (v *Visits) Sum() int64 {
	var n int64
	for _, e := range v.Entries {
		n += e.Count
	}
	return n
}

// Sum returns the sum of the leave counts: the total the text prints when
// none is stated.
func (l *Leave) Sum() int64 {
	var n int64
	for _, k := range l.Kinds {
		n += k.Count
	}
	return n
}

// Rate returns the month's completions over its acceptances (办结受理比).
// It is not the completion rate (办结率), which divides the completions by
// the cases open at the month's start plus those accepted in it, and may
// exceed 100%: a month completes cases accepted earlier.
func (e *Efficiency) Rate() Computed { return RatioOf(e.Completed, e.Accepted) }

// Figure returns the figure of u named name, in the update's own figures
// or in those of any of its measures.
func (u *Update) Figure(name string) (*Figure, bool) {
	for i := range u.Figures {
		if u.Figures[i].Name == name {
			return &u.Figures[i], true
		}
	}
	for j := range u.Measures {
		if f, ok := u.Measures[j].Figure(name); ok {
			return f, true
		}
	}
	return nil, false
}

// Figure returns the figure of m named name.
func (m *Measure) Figure(name string) (*Figure, bool) {
	for i := range m.Figures {
		if m.Figures[i].Name == name {
			return &m.Figures[i], true
		}
	}
	return nil, false
}

// String writes the figure as a text would, with the year of a date:
// "69项", "76.85%", "2万余项", "第2次", "2021年4月9日".
func (f Figure) String() string { return f.text(0) }

// text writes the figure; a date in year omitYear is written without its
// year, as a bulletin writes days of its own year.
func (f Figure) text(omitYear int) string {
	var b strings.Builder
	switch f.Kind {
	case Date:
		if f.Date.IsZero() {
			return "?"
		}
		if f.Date.Year() != omitYear {
			b.WriteString(strconv.Itoa(f.Date.Year()) + "年")
		}
		b.WriteString(strconv.Itoa(int(f.Date.Month())) + "月" + strconv.Itoa(f.Date.Day()) + "日")
		return b.String()
	case Ordinal:
		b.WriteString("第")
	}
	if f.Approx == About || f.Approx == Nearly {
		b.WriteString(f.Approx.String())
	}
	b.WriteString(f.Value.shift(f.Scale.exponent()).String())
	b.WriteString(f.Scale.String())
	if f.Approx == Over || f.Approx == More {
		b.WriteString(f.Approx.String())
	}
	b.WriteString(f.Unit.String())
	if f.Approx == OrAbove {
		b.WriteString(f.Approx.String())
	}
	return b.String()
}

// Sum adds counts or durations of one unit: the 川渝通办 items of several
// units, say. The result has the kind shared by all (or [Count]), their
// unit, the indicator they share, and a qualifier when any is inexact. It
// fails for percentages, dates, years and ordinals, and for mixed units.
func Sum(figs ...Figure) (Figure, error) {
	if len(figs) == 0 {
		return Figure{}, fmt.Errorf("report: nothing to sum")
	}
	out := Figure{Kind: figs[0].Kind, Unit: figs[0].Unit, Indicator: figs[0].Indicator}
	for i, f := range figs {
		if !f.Kind.isCount() && f.Kind != Duration {
			return Figure{}, fmt.Errorf("report: cannot sum %s figures (%s)", f.Kind, f)
		}
		if f.Unit != out.Unit {
			return Figure{}, fmt.Errorf("report: cannot sum %s and %s", out.Unit, f.Unit)
		}
		if f.Kind != out.Kind {
			if out.Kind == Duration || f.Kind == Duration {
				return Figure{}, fmt.Errorf("report: cannot sum %s and %s", out.Kind, f.Kind)
			}
			out.Kind = Count
		}
		if f.Indicator != out.Indicator {
			out.Indicator = ""
		}
		if i == 0 {
			out.Value = f.Value
			continue
		}
		out.Value = out.Value.Add(f.Value)
	}
	// Exact figures add up exactly; lower bounds add up to a lower bound;
	// anything else is approximate.
	for _, f := range figs {
		switch {
		case f.Approx == 0:
		case f.Approx.lowerBound() && (out.Approx == 0 || out.Approx == Over):
			out.Approx = Over
		default:
			out.Approx = About
		}
	}
	return out, nil
}

// Compare compares the values of two figures of the same unit (or two
// dates): -1, 0 or +1. Figures that cannot be compared give an error.
func (f Figure) Compare(g Figure) (int, error) {
	if (f.Kind == Date) != (g.Kind == Date) {
		return 0, fmt.Errorf("report: cannot compare %s with %s", f.Kind, g.Kind)
	}
	if f.Kind == Date {
		return f.Date.Compare(g.Date), nil
	}
	if f.Unit != g.Unit {
		return 0, fmt.Errorf("report: cannot compare %s with %s", f, g)
	}
	return f.Value.Cmp(g.Value), nil
}

// chineseNumber writes n (1–99) in Chinese numerals, as ordinals and
// section numbers are written: 一, 十, 十二, 二十三.
func chineseNumber(n int) string {
	digits := []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 0 || n > 99:
		return strconv.Itoa(n)
	case n < 10:
		return digits[n]
	case n < 20:
		if n == 10 {
			return "十"
		}
		return "十" + digits[n-10]
	case n%10 == 0:
		return digits[n/10] + "十"
	}
	return digits[n/10] + "十" + digits[n%10]
}
