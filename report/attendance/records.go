package attendance

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
)

// Rules the package reports. Those of a file's form (csv.*) are the rules
// of package matters' spreadsheet reader, so that one spreadsheet
// problem has one rule whichever reader finds it.
const (
	// RuleRead: a file could not be read.
	RuleRead schema.Rule = "attendance.read"
	// RuleSyntax: a row that is not CSV, or longer than MaxRow bytes.
	RuleSyntax = matters.RuleCSVSyntax
	// RuleEncoding: UTF-16 input, or bytes that are not text.
	RuleEncoding = matters.RuleCSVEncoding
	// RuleHeader: no header row, a column named twice; (warning) a
	// column that is not read.
	RuleHeader = matters.RuleCSVHeader
	// RuleMissingColumn: a required column is absent.
	RuleMissingColumn = matters.RuleCSVMissingColumn
	// RuleRequired: an empty cell in a required column.
	RuleRequired = matters.RuleCSVRequired
	// RuleValue: a cell that is no value of its column (a date that is no
	// date, a punch kind that is none).
	RuleValue = matters.RuleCSVValue
	// RuleDateOrder: a record that ends before it starts.
	RuleDateOrder schema.Rule = "attendance.date-order"
	// RuleDuplicateStaff: a staff id or, when there are no ids, a name on
	// the roster twice in overlapping periods.
	RuleDuplicateStaff schema.Rule = "attendance.duplicate-staff"
	// RuleUnknownPerson: a leave record or punch of someone who is not on
	// the roster (a warning for punches: they are left out).
	RuleUnknownPerson schema.Rule = "attendance.unknown-person"
	// RuleAmbiguousPerson: a name that two people on the roster share,
	// given without a staff id.
	RuleAmbiguousPerson schema.Rule = "attendance.ambiguous-person"
	// RuleUnknownLeaveKind: a leave kind the bureau has not declared.
	RuleUnknownLeaveKind schema.Rule = "attendance.unknown-leave-kind"
	// RuleLeaveOverlap (warning): two leave records of one person
	// covering the same half day; the half day counts once.
	RuleLeaveOverlap schema.Rule = "attendance.leave-overlap"
	// RuleCalendar: a day the calendar cannot tell about.
	RuleCalendar schema.Rule = "attendance.calendar"
	// RuleSchedule: a schedule with no hours, or sessions that overlap.
	RuleSchedule schema.Rule = "attendance.schedule"
)

// Staff is one person on the window roster (窗口工作人员名册).
type Staff struct {
	Name       string    // 姓名
	ID         string    // 工号; optional
	Department string    // 派驻单位, the home department
	Window     string    // 窗口; optional
	From, To   time.Time // on the roster from, to (inclusive); zero for open
	Pos        schema.Pos
}

// On reports whether the person is on the roster on day d.
func (s *Staff) On(d time.Time) bool {
	return (s.From.IsZero() || !d.Before(s.From)) && (s.To.IsZero() || !d.After(s.To))
}

// Half is a half day: 上午 or 下午.
type Half uint8

// The halves of a day.
const (
	Morning   Half = iota // 上午
	Afternoon             // 下午
)

// String returns 上午 or 下午.
func (h Half) String() string {
	if h == Afternoon {
		return "下午"
	}
	return "上午"
}

func parseHalf(s string) (Half, bool) {
	switch s {
	case "上午", "AM", "am", "morning":
		return Morning, true
	case "下午", "PM", "pm", "afternoon":
		return Afternoon, true
	}
	return 0, false
}

// LeaveRecord is one approved leave (请假记录): from a half day to a half
// day, both included.
type LeaveRecord struct {
	Name, ID string // the person, by name and optional staff id
	Kind     string // 假别, one of the kinds the bureau declares
	From     time.Time
	FromHalf Half
	To       time.Time
	ToHalf   Half
	Pos      schema.Pos
	Path     schema.Path
}

// PunchKind is what a clock-in punch records.
type PunchKind uint8

// Punch kinds, as the hall's app exports them.
const (
	In    PunchKind = iota + 1 // 上班打卡
	Out                        // 下班打卡
	Field                      // 外勤打卡: out of the hall on duty
)

// String returns the kind as the app writes it.
func (k PunchKind) String() string {
	switch k {
	case In:
		return "上班"
	case Out:
		return "下班"
	case Field:
		return "外勤"
	}
	return "PunchKind(" + strconv.Itoa(int(k)) + ")"
}

func parsePunchKind(s string) (PunchKind, bool) {
	switch s {
	case "上班", "上班打卡", "签到", "in":
		return In, true
	case "下班", "下班打卡", "签退", "out":
		return Out, true
	case "外勤", "外勤打卡", "field":
		return Field, true
	}
	return 0, false
}

// Punch is one clock-in punch (打卡记录).
type Punch struct {
	Name, ID string
	Time     time.Time // local time of the hall, to the minute or second
	Kind     PunchKind
	Pos      schema.Pos
	Path     schema.Path
}

// VisitRecord is one line of the visits log (部门调研登记): an official of a
// department who came to the hall's windows.
type VisitRecord struct {
	Date       time.Time
	Department string
	Title      string // 职务; optional
	Name       string
	Pos        schema.Pos
}

// SubmissionRecord is one line of the submissions log (信息报送登记).
type SubmissionRecord struct {
	Department string
	Date       time.Time
	Title      string // the item's title; optional
	Pos        schema.Pos
}

var (
	rosterCols = []column{
		{key: "name", names: []string{"姓名", "人员", "人员姓名"}, required: true},
		{key: "id", names: []string{"工号", "人员编号", "编号"}},
		{key: "department", names: []string{"派驻单位", "单位", "部门", "所属单位"}, required: true},
		{key: "window", names: []string{"窗口", "窗口名称"}},
		{key: "from", names: []string{"起始日期", "入驻日期", "开始日期"}},
		{key: "to", names: []string{"截止日期", "撤离日期", "结束日期"}},
	}
	leaveCols = []column{
		{key: "name", names: []string{"姓名", "请假人"}, required: true},
		{key: "id", names: []string{"工号", "人员编号"}},
		{key: "kind", names: []string{"假别", "请假类型", "类型"}, required: true},
		{key: "from", names: []string{"开始日期", "起始日期", "开始时间"}, required: true},
		{key: "fromHalf", names: []string{"开始时段", "起始时段"}},
		{key: "to", names: []string{"结束日期", "截止日期", "结束时间"}, required: true},
		{key: "toHalf", names: []string{"结束时段", "截止时段"}},
	}
	punchCols = []column{
		{key: "name", names: []string{"姓名", "人员"}, required: true},
		{key: "id", names: []string{"工号", "人员编号"}},
		{key: "time", names: []string{"打卡时间", "时间"}, required: true},
		{key: "kind", names: []string{"打卡类型", "类型"}, required: true},
	}
	visitCols = []column{
		{key: "date", names: []string{"日期", "调研日期"}, required: true},
		{key: "department", names: []string{"部门", "单位"}, required: true},
		{key: "title", names: []string{"职务"}},
		{key: "name", names: []string{"姓名"}, required: true},
	}
	submissionCols = []column{
		{key: "department", names: []string{"部门", "报送单位", "单位"}, required: true},
		{key: "date", names: []string{"日期", "报送日期"}, required: true},
		{key: "title", names: []string{"标题", "信息标题"}},
	}
)

// readRecords reads the records of a table with columns cols: row reads
// the one the table is at, which follows those read (out), and reports
// whether it is kept; it has reported the problems of one that is not.
func readRecords[T any](r io.Reader, file string, cols []column, row func(t *table, out []T) (T, bool)) ([]T, schema.List) {
	var probs schema.List
	t := openTable(r, file, cols, &probs)
	if t == nil {
		return nil, probs
	}
	var out []T
	for t.next() {
		if v, ok := row(t, out); ok {
			out = append(out, v)
		}
	}
	probs.Sort()
	return out, probs
}

// ReadRoster reads the window roster: 姓名, 派驻单位 and optional 工号, 窗口,
// 起始日期, 截止日期 (with the aliases the package documentation lists).
func ReadRoster(r io.Reader, file string) ([]Staff, schema.List) {
	return readRecords(r, file, rosterCols, func(t *table, out []Staff) (Staff, bool) {
		s := Staff{Name: t.get("name"), ID: t.get("id"), Department: t.get("department"), Window: t.get("window"), Pos: t.here()}
		_, ok1 := t.required("name")
		_, ok2 := t.required("department")
		var ok3, ok4 = true, true
		if v := t.get("from"); v != "" {
			s.From, ok3 = t.date("from", v)
		}
		if v := t.get("to"); v != "" {
			s.To, ok4 = t.date("to", v)
		}
		if !(ok1 && ok2 && ok3 && ok4) {
			return s, false
		}
		if !s.From.IsZero() && !s.To.IsZero() && s.To.Before(s.From) {
			t.errorf("to", RuleDateOrder, "on the roster to %s, before %s", day(s.To), day(s.From))
			return s, false
		}
		for _, o := range out {
			if sameStaff(&o, &s) && overlap(&o, &s) {
				t.errorf("name", RuleDuplicateStaff, "%s is on the roster already (%s) for an overlapping period", s.Name, o.Pos)
			}
		}
		return s, true
	})
}

func sameStaff(a, b *Staff) bool {
	if a.ID != "" && b.ID != "" {
		return a.ID == b.ID
	}
	return a.Name == b.Name && a.ID == b.ID
}

func overlap(a, b *Staff) bool {
	before := func(x, y time.Time) bool { return !x.IsZero() && !y.IsZero() && x.Before(y) }
	return !before(a.To, b.From) && !before(b.To, a.From)
}

// ReadLeave reads leave records: 姓名, 假别, 开始日期, 结束日期 and optional
// 工号, 开始时段, 结束时段 (上午 or 下午; a record starts in the morning and
// ends in the afternoon unless they say otherwise).
func ReadLeave(r io.Reader, file string) ([]LeaveRecord, schema.List) {
	return readRecords(r, file, leaveCols, func(t *table, _ []LeaveRecord) (LeaveRecord, bool) {
		path, _ := t.where("")
		l := LeaveRecord{Name: t.get("name"), ID: t.get("id"), Kind: t.get("kind"), FromHalf: Morning, ToHalf: Afternoon, Pos: t.here(), Path: path}
		ok := true
		for _, k := range []string{"name", "kind"} {
			if _, o := t.required(k); !o {
				ok = false
			}
		}
		if v, o := t.required("from"); o {
			l.From, o = t.date("from", v)
			ok = ok && o
		} else {
			ok = false
		}
		if v, o := t.required("to"); o {
			l.To, o = t.date("to", v)
			ok = ok && o
		} else {
			ok = false
		}
		for _, h := range []struct {
			key string
			dst *Half
		}{{"fromHalf", &l.FromHalf}, {"toHalf", &l.ToHalf}} {
			if v := t.get(h.key); v != "" {
				x, o := parseHalf(v)
				if !o {
					t.errorf(h.key, RuleValue, "%q is not a half day (上午 or 下午)", v)
					ok = false
				}
				*h.dst = x
			}
		}
		if !ok {
			return l, false
		}
		if l.To.Before(l.From) || l.To.Equal(l.From) && l.ToHalf < l.FromHalf {
			t.errorf("to", RuleDateOrder, "leave ends %s%s, before it starts %s%s", day(l.To), l.ToHalf, day(l.From), l.FromHalf)
			return l, false
		}
		return l, true
	})
}

// ReadPunches reads clock-in punches as the hall's app exports them:
// 姓名, 打卡时间, 打卡类型 (上班, 下班, 外勤) and optional 工号.
func ReadPunches(r io.Reader, file string) ([]Punch, schema.List) {
	return readRecords(r, file, punchCols, func(t *table, _ []Punch) (Punch, bool) {
		path, _ := t.where("")
		p := Punch{Name: t.get("name"), ID: t.get("id"), Pos: t.here(), Path: path}
		_, ok := t.required("name")
		if v, o := t.required("time"); o {
			tm, err := parseTime(v)
			if err != nil {
				t.errorf("time", RuleValue, "%q is not a time (YYYY-MM-DD HH:MM[:SS])", v)
				ok = false
			}
			p.Time = tm
		} else {
			ok = false
		}
		if v, o := t.required("kind"); o {
			k, o := parsePunchKind(v)
			if !o {
				t.errorf("kind", RuleValue, "%q is not a punch kind (上班, 下班 or 外勤)", v)
				ok = false
			}
			p.Kind = k
		} else {
			ok = false
		}
		return p, ok
	})
}

// ReadVisits reads the visits log: 日期, 部门, 姓名 and optional 职务.
func ReadVisits(r io.Reader, file string) ([]VisitRecord, schema.List) {
	return readRecords(r, file, visitCols, func(t *table, _ []VisitRecord) (VisitRecord, bool) {
		v := VisitRecord{Department: t.get("department"), Title: t.get("title"), Name: t.get("name"), Pos: t.here()}
		_, ok1 := t.required("department")
		_, ok2 := t.required("name")
		ok3 := false
		if s, o := t.required("date"); o {
			v.Date, ok3 = t.date("date", s)
		}
		return v, ok1 && ok2 && ok3
	})
}

// ReadSubmissions reads the submissions log: 部门, 日期 and optional 标题.
func ReadSubmissions(r io.Reader, file string) ([]SubmissionRecord, schema.List) {
	return readRecords(r, file, submissionCols, func(t *table, _ []SubmissionRecord) (SubmissionRecord, bool) {
		s := SubmissionRecord{Department: t.get("department"), Title: t.get("title"), Pos: t.here()}
		_, ok1 := t.required("department")
		ok2 := false
		if v, o := t.required("date"); o {
			s.Date, ok2 = t.date("date", v)
		}
		return s, ok1 && ok2
	})
}

// date reads a day written 2021-04-06, 2021/4/6 or 2021年4月6日,
// reporting a cell that is none.
func (t *table) date(key, s string) (time.Time, bool) {
	d, err := parseDate(s)
	if err != nil {
		t.errorf(key, RuleValue, "%q is not a date (YYYY-MM-DD)", s)
		return time.Time{}, false
	}
	return d, true
}

var dateSeparators = strings.NewReplacer("年", "-", "月", "-", "日", "", "/", "-", ".", "-")

func parseDate(s string) (time.Time, error) {
	parts := strings.Split(dateSeparators.Replace(strings.TrimSpace(s)), "-")
	if len(parts) != 3 {
		return time.Time{}, fmt.Errorf("attendance: %q is not a date", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || p == "" || len(p) > 4 || p[0] == '+' || p[0] == '-' {
			return time.Time{}, fmt.Errorf("attendance: %q is not a date", s)
		}
		n[i] = v
	}
	if n[0] < 1 || n[0] > 9999 || len(parts[0]) != 4 {
		return time.Time{}, fmt.Errorf("attendance: %q is not a date", s)
	}
	d := time.Date(n[0], time.Month(n[1]), n[2], 0, 0, 0, 0, time.UTC)
	if d.Year() != n[0] || int(d.Month()) != n[1] || d.Day() != n[2] {
		return time.Time{}, fmt.Errorf("attendance: %q is not a date", s)
	}
	return d, nil
}

// parseTime reads a day and a time of day, HH:MM or HH:MM:SS.
func parseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(strings.Replace(s, "T", " ", 1))
	i := strings.LastIndexByte(s, ' ')
	if i < 0 {
		return time.Time{}, fmt.Errorf("attendance: %q is not a time", s)
	}
	d, err := parseDate(s[:i])
	if err != nil {
		return time.Time{}, err
	}
	c, err := parseClock(strings.TrimSpace(s[i+1:]), true)
	if err != nil {
		return time.Time{}, err
	}
	return d.Add(time.Duration(c) * time.Second), nil
}

// parseClock reads HH:MM (or HH:MM:SS when seconds) as seconds after
// midnight.
func parseClock(s string, seconds bool) (int, error) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 || len(parts) == 3 && !seconds {
		return 0, fmt.Errorf("attendance: %q is not a time of day (HH:MM)", s)
	}
	limit := [3]int{23, 59, 59}
	v := 0
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || len(p) < 1 || len(p) > 2 || n < 0 || n > limit[i] || p[0] == '+' || p[0] == '-' {
			return 0, fmt.Errorf("attendance: %q is not a time of day (HH:MM)", s)
		}
		v = v*60 + n
	}
	if len(parts) == 2 {
		v *= 60
	}
	return v, nil
}

func day(t time.Time) string { return t.Format(time.DateOnly) }
