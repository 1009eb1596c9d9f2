package attendance

import (
	"slices"
	"strconv"

	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/schema"
)

// FillOptions are the words [Month.Fill] uses for a section the bulletin
// does not have yet. A nil *FillOptions is the zero FillOptions, whose
// empty fields mean the defaults below.
type FillOptions struct {
	Place  string // where officials came (二、部门调研); default 政务大厅窗口
	Staff  string // whose leave (请假统计); default 窗口工作人员
	Source string // the clock-in system (打卡考勤统计); default 考勤打卡系统
	// Detail is the title of the attachment with each person's figures;
	// default 窗口工作人员考勤情况明细.
	Detail string
}

func (o *FillOptions) or(get func(*FillOptions) string, def string) string {
	if o != nil && get(o) != "" {
		return get(o)
	}
	return def
}

// Fill writes the month into the bulletin: 二、部门调研, 三、信息报送情况,
// 四、考勤考核 and the attachment with each person's figures (附件
// 窗口工作人员考勤情况明细, a table). What b says in words (the place, whose
// leave, the system's name) is kept; the figures are replaced by those of
// the records, the totals stated as computed.
func (m *Month) Fill(b *report.Bulletin, opts *FillOptions) {
	if len(m.Visits) > 0 || b.Visits != nil {
		if b.Visits == nil {
			b.Visits = &report.Visits{Place: opts.or(func(o *FillOptions) string { return o.Place }, "政务大厅窗口")}
		}
		b.Visits.Entries = nil
		for _, v := range m.Visits {
			b.Visits.Entries = append(b.Visits.Entries, report.Visit{Department: v.Department, Title: v.Title, Name: v.Name, Count: v.Count})
		}
		t := m.VisitTotal()
		b.Visits.Total = &t
	}
	b.Submissions = nil
	for _, s := range m.Submissions {
		b.Submissions = append(b.Submissions, report.Submission{Department: s.Department, Count: s.Count})
	}
	if b.Attendance == nil {
		b.Attendance = &report.Attendance{}
	}
	a := b.Attendance
	if a.Leave == nil {
		a.Leave = &report.Leave{Staff: opts.or(func(o *FillOptions) string { return o.Staff }, "窗口工作人员")}
	}
	a.Leave.Kinds = nil
	for _, k := range m.Leave {
		if k.Count > 0 {
			a.Leave.Kinds = append(a.Leave.Kinds, report.LeaveKind{Kind: k.Kind, Count: k.Count})
		}
	}
	total := m.LeaveTotal()
	a.Leave.Total = &total
	if a.Clock == nil {
		a.Clock = &report.Clock{Source: opts.or(func(o *FillOptions) string { return o.Source }, "考勤打卡系统")}
	}
	a.Clock.Late, a.Clock.Early, a.Clock.Missed, a.Clock.Field = m.Late, m.Early, m.Missed, m.Field

	title := opts.or(func(o *FillOptions) string { return o.Detail }, "窗口工作人员考勤情况明细")
	i := slices.IndexFunc(b.Attachments, func(x report.Attachment) bool { return x.Title == title })
	if i < 0 && a.Clock.Attachment > 0 && a.Clock.Attachment <= len(b.Attachments) {
		i = a.Clock.Attachment - 1
	}
	if i < 0 {
		b.Attachments = append(b.Attachments, report.Attachment{Title: title})
		i = len(b.Attachments) - 1
	}
	b.Attachments[i].Table = m.Detail()
	a.Clock.Attachment = i + 1
}

// Detail is the table of each person's month (附件: 窗口工作人员考勤情况明细):
// department, window, late, early, missed, field, leave by kind (人次, only
// the kinds taken in the month), leave in all (人次 and working days), and
// a row of totals.
func (m *Month) Detail() *report.Table {
	var kinds []int
	for i, k := range m.Leave {
		if k.Count > 0 {
			kinds = append(kinds, i)
		}
	}
	t := &report.Table{Columns: []string{"序号", "姓名", "派驻单位", "窗口", "迟到", "早退", "未打卡", "外勤"}}
	for _, k := range kinds {
		t.Columns = append(t.Columns, m.Kinds[k])
	}
	t.Columns = append(t.Columns, "请假合计", "请假天数")
	n := func(v int64) string { return strconv.FormatInt(v, 10) }
	var halves int64
	for i, p := range m.People {
		row := []string{strconv.Itoa(i + 1), p.Name, p.Department, p.Window, n(p.Late), n(p.Early), n(p.Missed), n(p.Field)}
		var sum int64
		for _, k := range kinds {
			row = append(row, n(p.Leave[k]))
			sum += p.Leave[k]
		}
		row = append(row, n(sum), days(p.HalfDays))
		halves += p.HalfDays
		t.Rows = append(t.Rows, row)
	}
	row := []string{"", "合计", "", "", n(m.Late), n(m.Early), n(m.Missed), n(m.Field)}
	for _, k := range kinds {
		row = append(row, n(m.Leave[k].Count))
	}
	row = append(row, n(m.LeaveTotal()), days(halves))
	t.Rows = append(t.Rows, row)
	return t
}

// days writes half days as days: 3, 1.5.
func days(halves int64) string {
	s := strconv.FormatInt(halves/2, 10)
	if halves%2 != 0 {
		s += ".5"
	}
	return s
}

// Difference is a figure the bulletin states that the records do not
// give: a stated count set against the computed one. Stated is 0 for
// what the records give and the bulletin leaves out.
type Difference struct {
	Path     schema.Path // where the bulletin states it (or would)
	What     string      // 请假合计, 窗口业务事假, 市住房和城乡建设局副局长唐静 …
	Stated   int64
	Computed int64
}

// Compare lists every figure of sections 二–四 of b that differs from what
// the month's records give, in the order of the bulletin. A section b
// does not have, or visits and leave with neither entries nor total (an
// editorial bulletin's words alone), state nothing and are not compared;
// within a section that states figures, what the records give and b
// leaves out is listed with Stated 0. The clock's 迟到 and 未打卡 are
// compared whenever b has a clock section, 早退 and 外勤 when b states
// them. A bulletin that states no figure of sections 二–四 at all is an
// editorial one, whose figures are to come from the records: nothing is
// compared.
func (m *Month) Compare(b *report.Bulletin) []Difference {
	var out []Difference
	diff := func(p schema.Path, what string, stated, computed int64) {
		if stated != computed {
			out = append(out, Difference{Path: p, What: what, Stated: stated, Computed: computed})
		}
	}
	if !statesFigures(b) {
		return nil
	}
	root := schema.Root
	if v := b.Visits; v != nil && (v.Total != nil || v.Entries != nil) {
		p := root.Key("visits")
		stated := v.Sum()
		if v.Total != nil {
			stated = *v.Total
		}
		diff(p.Key("total"), "调研合计", stated, m.VisitTotal())
		seen := map[int]bool{}
		for i, e := range v.Entries {
			j := slices.IndexFunc(m.Visits, func(x VisitCount) bool { return x.Department == e.Department && x.Name == e.Name })
			var c int64
			if j >= 0 {
				c = m.Visits[j].Count
				seen[j] = true
			}
			diff(p.Key("entries").Index(i).Key("count"), e.Department+e.Title+e.Name, e.Count, c)
		}
		for j, x := range m.Visits {
			if !seen[j] {
				diff(p.Key("entries"), x.Department+x.Title+x.Name, 0, x.Count)
			}
		}
	}
	if b.Submissions != nil {
		seen := map[int]bool{}
		for i, s := range b.Submissions {
			j := slices.IndexFunc(m.Submissions, func(x SubmissionCount) bool { return x.Department == s.Department })
			var c int64
			if j >= 0 {
				c = m.Submissions[j].Count
				seen[j] = true
			}
			diff(root.Key("submissions").Index(i).Key("count"), s.Department+"信息报送", s.Count, c)
		}
		for j, x := range m.Submissions {
			if !seen[j] {
				diff(root.Key("submissions"), x.Department+"信息报送", 0, x.Count)
			}
		}
	}
	a := b.Attendance
	if a == nil {
		return out
	}
	p := root.Key("attendance")
	if l := a.Leave; l != nil && (l.Total != nil || l.Kinds != nil) {
		stated := l.Sum()
		if l.Total != nil {
			stated = *l.Total
		}
		diff(p.Key("leave").Key("total"), "请假合计", stated, m.LeaveTotal())
		seen := map[int]bool{}
		for i, k := range l.Kinds {
			j := slices.Index(m.Kinds, k.Kind)
			var c int64
			if j >= 0 {
				c = m.Leave[j].Count
				seen[j] = true
			}
			diff(p.Key("leave").Key("kinds").Index(i).Key("count"), k.Kind, k.Count, c)
		}
		for j, k := range m.Leave {
			if !seen[j] {
				diff(p.Key("leave").Key("kinds"), k.Kind, 0, k.Count)
			}
		}
	}
	if c := a.Clock; c != nil {
		cp := p.Key("clock")
		diff(cp.Key("late"), "迟到", c.Late, m.Late)
		diff(cp.Key("missed"), "未打卡", c.Missed, m.Missed)
		if c.Early != 0 {
			diff(cp.Key("early"), "早退", c.Early, m.Early)
		}
		if c.Field != 0 {
			diff(cp.Key("field"), "外勤", c.Field, m.Field)
		}
	}
	return out
}

// statesFigures reports whether b states any figure of sections 二–四.
func statesFigures(b *report.Bulletin) bool {
	if v := b.Visits; v != nil && (v.Total != nil || len(v.Entries) > 0) || len(b.Submissions) > 0 {
		return true
	}
	a := b.Attendance
	if a == nil {
		return false
	}
	if l := a.Leave; l != nil && (l.Total != nil || len(l.Kinds) > 0) {
		return true
	}
	c := a.Clock
	return c != nil && (c.Late != 0 || c.Missed != 0 || c.Early != 0 || c.Field != 0)
}
