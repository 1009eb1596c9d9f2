package attendance

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/schema"
)

// Records are a hall's records for one or more months, and the rules
// they are counted by: the declared leave kinds, the calendar and the
// hours.
type Records struct {
	Roster      []Staff
	Leave       []LeaveRecord
	Punches     []Punch
	Visits      []VisitRecord
	Submissions []SubmissionRecord

	// Kinds are the leave kinds the bureau declares, in the order the
	// bulletin lists them. Nil means the kinds met in the leave records,
	// in the order met, none refused.
	Kinds []string
	// Aliases name declared kinds by other words a leave record may use
	// (事假 for 个人私事假, say), alias → kind.
	Aliases map[string]string
	// Calendar tells working days; required when there are punches or
	// leave to count.
	Calendar Calendar
	// Schedule is the hall's hours; required when there are punches.
	Schedule *Schedule
}

// The files [LoadFS] reads from a records directory. Only the roster is
// required; without a calendar file the records are counted on the
// official calendar ([Official]).
const (
	FileRoster      = "roster.csv"      // 窗口工作人员名册
	FileLeave       = "leave.csv"       // 请假记录
	FilePunches     = "punches.csv"     // 打卡记录
	FileVisits      = "visits.csv"      // 部门调研登记
	FileSubmissions = "submissions.csv" // 信息报送登记
	FileLeaveKinds  = "leave-kinds.csv" // 假别 (one column, 假别)
	FileSchedule    = "schedule.csv"    // 作息时间
	FileCalendar    = "calendar.csv"    // 节假日安排
)

// LoadFS reads the records directory dir of fsys (see the File
// constants). Every problem of every file is returned, sorted; the
// records are returned as far as they could be read.
func LoadFS(fsys fs.FS, dir string) (*Records, schema.List) {
	r := &Records{}
	var probs schema.List
	read := func(name string, required bool, f func(fs.File, string) schema.List) {
		p := path.Join(dir, name)
		file, err := fsys.Open(p)
		if errors.Is(err, fs.ErrNotExist) && !required {
			return
		}
		if err != nil {
			probs.Add(&schema.Problem{Pos: schema.Pos{File: p}, Rule: RuleRead, Severity: schema.Error,
				Message: "attendance: " + err.Error(), Msg: schema.M("%v", schema.ReadCause(err)), Err: err})
			return
		}
		defer file.Close()
		probs.Append(f(file, p))
	}
	read(FileRoster, true, func(f fs.File, n string) (l schema.List) { r.Roster, l = ReadRoster(f, n); return })
	read(FileLeave, false, func(f fs.File, n string) (l schema.List) { r.Leave, l = ReadLeave(f, n); return })
	read(FilePunches, false, func(f fs.File, n string) (l schema.List) { r.Punches, l = ReadPunches(f, n); return })
	read(FileVisits, false, func(f fs.File, n string) (l schema.List) { r.Visits, l = ReadVisits(f, n); return })
	read(FileSubmissions, false, func(f fs.File, n string) (l schema.List) { r.Submissions, l = ReadSubmissions(f, n); return })
	read(FileLeaveKinds, false, func(f fs.File, n string) (l schema.List) { r.Kinds, r.Aliases, l = ReadLeaveKinds(f, n); return })
	read(FileSchedule, false, func(f fs.File, n string) (l schema.List) { r.Schedule, l = ReadSchedule(f, n); return })
	r.Calendar = Official()
	read(FileCalendar, false, func(f fs.File, n string) (l schema.List) {
		var d *Declared
		d, l = ReadCalendar(f, n)
		if d != nil {
			r.Calendar = d
		}
		return
	})
	probs.Sort()
	return r, probs
}

var kindCols = []column{
	{key: "kind", names: []string{"假别", "请假类型"}, required: true},
	{key: "aliases", names: []string{"别名", "又称"}},
}

// ReadLeaveKinds reads the leave kinds a bureau declares, one a row in a
// column 假别, in the order its bulletin lists them, with an optional
// column 别名 of other words leave records use for the kind, separated by
// 、 , ; or ；.
func ReadLeaveKinds(rd io.Reader, file string) (kinds []string, aliases map[string]string, probs schema.List) {
	t := openTable(rd, file, kindCols, &probs)
	if t == nil {
		return nil, nil, probs
	}
	taken := func(w string) bool { _, ok := aliases[w]; return ok || slices.Contains(kinds, w) }
	for t.next() {
		k, ok := t.required("kind")
		if !ok {
			continue
		}
		if taken(k) {
			t.errorf("kind", RuleValue, "leave kind %s is declared twice", k)
			continue
		}
		kinds = append(kinds, k)
		for _, a := range strings.FieldsFunc(t.get("aliases"), func(r rune) bool { return strings.ContainsRune("、,;；，", r) }) {
			a = strings.TrimSpace(a)
			if a == "" {
				continue
			}
			if taken(a) {
				t.errorf("aliases", RuleValue, "%s names a kind already", a)
				continue
			}
			if aliases == nil {
				aliases = map[string]string{}
			}
			aliases[a] = k
		}
	}
	return kinds, aliases, probs
}

// Month is what the records give for one month: sections 二, 三 and 四 of
// the bulletin and its attachment 窗口工作人员考勤情况明细.
type Month struct {
	Period report.Period
	// Kinds are the leave kinds, in the bulletin's order.
	Kinds []string
	// Leave is the leave of each kind, in the order of Kinds.
	Leave []KindCount
	// People are the staff on the roster during the month, in roster
	// order.
	People []Person
	// Totals over People.
	Late, Early, Missed, Field int64

	Visits      []VisitCount
	Submissions []SubmissionCount
	// Workdays is the number of working days of the month.
	Workdays int
}

// KindCount is the leave of one kind in a month.
type KindCount struct {
	Kind     string
	Count    int64 // 人次
	HalfDays int64 // working half days on leave
}

// Person is one person's month.
type Person struct {
	Staff
	Late, Early, Missed, Field int64
	Leave                      []int64 // 人次 by kind, in the order of Month.Kinds
	HalfDays                   int64   // working half days on leave
}

// VisitCount is one official's visits in a month.
type VisitCount struct {
	Department, Title, Name string
	Count                   int64
}

// SubmissionCount is one department's submissions in a month.
type SubmissionCount struct {
	Department string
	Count      int64
}

// LeaveTotal is the leave of all kinds, in 人次.
func (m *Month) LeaveTotal() int64 { return total(m.Leave, func(k KindCount) int64 { return k.Count }) }

// VisitTotal is the visits of all officials, in 人次.
func (m *Month) VisitTotal() int64 {
	return total(m.Visits, func(v VisitCount) int64 { return v.Count })
}

// total adds up the count of each of s.
func total[T any](s []T, count func(T) int64) int64 {
	var n int64
	for _, x := range s {
		n += count(x)
	}
	return n
}

// Month counts the records of month p by the rules of the package
// documentation (# Counting). It returns the month, nil only when the
// calendar or the hours are missing or fail, and every problem found.
func (r *Records) Month(p report.Period) (*Month, schema.List) {
	var probs schema.List
	if !p.IsValid() {
		probs.Errorf(schema.Root, schema.Pos{}, RuleCalendar, "attendance: invalid month %s", p)
		return nil, probs
	}
	first := time.Date(p.Year, p.Month, 1, 0, 0, 0, 0, time.UTC)
	ndays := first.AddDate(0, 1, -1).Day()
	work := make([]bool, ndays)
	m := &Month{Period: p}
	if r.Calendar == nil {
		probs.Errorf(schema.Root, schema.Pos{}, RuleCalendar, "attendance: no calendar to tell working days")
		return nil, probs
	}
	for i := range work {
		ok, err := r.Calendar.IsWorkday(first.AddDate(0, 0, i))
		if err != nil {
			probs.Add(&schema.Problem{Rule: RuleCalendar, Severity: schema.Error, Message: err.Error(), Msg: schema.M("%v", err), Err: err})
			return nil, probs
		}
		work[i] = ok
		if ok {
			m.Workdays++
		}
	}
	if len(r.Punches) > 0 && r.Schedule == nil {
		probs.Errorf(schema.Root, schema.Pos{}, RuleSchedule, "attendance: punches to count but no hours (%s)", FileSchedule)
		return nil, probs
	}

	// The kinds: declared, or as met.
	m.Kinds = slices.Clone(r.Kinds)
	declared := len(r.Kinds) > 0
	if !declared {
		for _, l := range r.Leave {
			if !slices.Contains(m.Kinds, l.Kind) {
				m.Kinds = append(m.Kinds, l.Kind)
			}
		}
	}
	m.Leave = make([]KindCount, len(m.Kinds))
	for i, k := range m.Kinds {
		m.Leave[i].Kind = k
	}

	// The people on the roster during the month.
	idx := map[int]int{} // roster index → People index
	for i := range r.Roster {
		s := &r.Roster[i]
		if s.From.After(first.AddDate(0, 0, ndays-1)) || !s.To.IsZero() && s.To.Before(first) {
			continue
		}
		idx[i] = len(m.People)
		m.People = append(m.People, Person{Staff: *s, Leave: make([]int64, len(m.Kinds))})
	}
	who := newResolver(r.Roster)

	// Leave: the working half days each record covers in the month.
	onLeave := map[int][]bool{} // People index → half days of the month
	for i := range r.Leave {
		l := &r.Leave[i]
		ri, prob := who.find(l.Name, l.ID, l.Pos, l.Path, schema.Error)
		if ri < 0 {
			if prob != nil {
				probs.Add(prob)
			}
			continue
		}
		kind := l.Kind
		if a, ok := r.Aliases[kind]; ok {
			kind = a
		}
		k := slices.Index(m.Kinds, kind)
		if k < 0 {
			probs.Errorf(l.Path.Key("kind"), l.Pos, RuleUnknownLeaveKind, "leave kind %s is not one the bureau declares (%d kinds)", l.Kind, len(m.Kinds))
			continue
		}
		pi, ok := idx[ri]
		if !ok {
			continue // not on the roster this month
		}
		halves := onLeave[pi]
		if halves == nil {
			halves = make([]bool, 2*ndays)
			onLeave[pi] = halves
		}
		var n int64
		overlapped := false
		for d := 0; d < ndays; d++ {
			day := first.AddDate(0, 0, d)
			if !work[d] || !r.Roster[ri].On(day) || day.Before(l.From) || day.After(l.To) {
				continue
			}
			for h := Morning; h <= Afternoon; h++ {
				if day.Equal(l.From) && h < l.FromHalf || day.Equal(l.To) && h > l.ToHalf {
					continue
				}
				if halves[2*d+int(h)] {
					overlapped = true
					continue
				}
				halves[2*d+int(h)] = true
				n++
			}
		}
		if overlapped {
			probs.Warningf(l.Path, l.Pos, RuleLeaveOverlap, "%s's leave overlaps another record of the same person; each half day counts once", l.Name)
		}
		if n == 0 {
			continue
		}
		m.Leave[k].Count++
		m.Leave[k].HalfDays += n
		m.People[pi].Leave[k]++
		m.People[pi].HalfDays += n
	}

	// Punches, by person and day of the month.
	punches := map[int][][]Punch{}
	for i := range r.Punches {
		pu := &r.Punches[i]
		if !p.Contains(pu.Time) {
			continue
		}
		ri, prob := who.find(pu.Name, pu.ID, pu.Pos, pu.Path, schema.Warning)
		if ri < 0 {
			if prob != nil {
				probs.Add(prob)
			}
			continue
		}
		pi, ok := idx[ri]
		if !ok {
			continue
		}
		if punches[pi] == nil {
			punches[pi] = make([][]Punch, ndays)
		}
		d := pu.Time.Day() - 1
		punches[pi][d] = append(punches[pi][d], *pu)
	}
	if len(r.Punches) > 0 || r.Schedule != nil {
		for pi := range m.People {
			pe := &m.People[pi]
			for d := 0; d < ndays; d++ {
				day := first.AddDate(0, 0, d)
				if !work[d] || !pe.On(day) {
					continue
				}
				sessions := r.Schedule.On(day)
				var halves []bool
				if h := onLeave[pi]; h != nil {
					halves = h[2*d : 2*d+2]
				}
				var ps []Punch
				if punches[pi] != nil {
					ps = punches[pi][d]
				}
				pe.count(sessions, halves, ps)
			}
			m.Late += pe.Late
			m.Early += pe.Early
			m.Missed += pe.Missed
			m.Field += pe.Field
		}
	}

	// Visits and submissions, in order of the first in the month.
	vs := slices.Clone(r.Visits)
	slices.SortStableFunc(vs, func(a, b VisitRecord) int { return a.Date.Compare(b.Date) })
	for _, v := range vs {
		if !p.Contains(v.Date) {
			continue
		}
		i := slices.IndexFunc(m.Visits, func(x VisitCount) bool {
			return x.Department == v.Department && x.Name == v.Name && x.Title == v.Title
		})
		if i < 0 {
			m.Visits = append(m.Visits, VisitCount{Department: v.Department, Title: v.Title, Name: v.Name})
			i = len(m.Visits) - 1
		}
		m.Visits[i].Count++
	}
	ss := slices.Clone(r.Submissions)
	slices.SortStableFunc(ss, func(a, b SubmissionRecord) int { return a.Date.Compare(b.Date) })
	for _, s := range ss {
		if !p.Contains(s.Date) {
			continue
		}
		i := slices.IndexFunc(m.Submissions, func(x SubmissionCount) bool { return x.Department == s.Department })
		if i < 0 {
			m.Submissions = append(m.Submissions, SubmissionCount{Department: s.Department})
			i = len(m.Submissions) - 1
		}
		m.Submissions[i].Count++
	}
	probs.Dedupe()
	return m, probs
}

// count counts one working day of a person: for each session not on
// leave, a field punch in its window, or the first 上班 punch (late when
// after the start) and the last 下班 punch (early when before the end),
// each missing one a 未打卡.
func (pe *Person) count(sessions []Session, leave []bool, ps []Punch) {
	for i, s := range sessions {
		if leave != nil && leave[s.Half] {
			continue
		}
		// A session's window reaches halfway to its neighbours.
		lo, hi := 0, 24*3600
		if i > 0 {
			lo = (sessions[i-1].End + s.Start) / 2
		}
		if i+1 < len(sessions) {
			hi = (s.End + sessions[i+1].Start) / 2
		}
		in, out := -1, -1
		field := false
		for _, p := range ps {
			t := p.Time.Hour()*3600 + p.Time.Minute()*60 + p.Time.Second()
			switch {
			case p.Kind == Field && t >= lo && t < hi:
				field = true
			case p.Kind == In && t >= lo && t < s.End && (in < 0 || t < in):
				in = t
			case p.Kind == Out && t > s.Start && t < hi && t > out:
				out = t
			}
		}
		if field {
			pe.Field++
			continue
		}
		switch {
		case in < 0:
			pe.Missed++
		case in/60*60 > s.Start:
			pe.Late++
		}
		switch {
		case out < 0:
			pe.Missed++
		case out/60*60 < s.End:
			pe.Early++
		}
	}
}

// resolver finds people of the roster by staff id or name. A person on
// the roster twice (two periods) is one person; a name two people share
// needs the staff id.
type resolver struct {
	roster []Staff
	byID   map[string]int
	byName map[string][]int
	told   map[string]bool // unknown people reported, once each
}

func newResolver(roster []Staff) *resolver {
	r := &resolver{roster: roster, byID: map[string]int{}, byName: map[string][]int{}, told: map[string]bool{}}
	for i, s := range roster {
		if s.ID != "" {
			if _, ok := r.byID[s.ID]; !ok {
				r.byID[s.ID] = i
			}
		}
		if !slices.ContainsFunc(r.byName[s.Name], func(j int) bool { return roster[j].ID == s.ID }) {
			r.byName[s.Name] = append(r.byName[s.Name], i)
		}
	}
	return r
}

// find returns the roster index of the person, or -1 with the problem to
// report (nil when it was reported before).
func (r *resolver) find(name, id string, pos schema.Pos, p schema.Path, sev schema.Severity) (int, *schema.Problem) {
	if id != "" {
		if i, ok := r.byID[id]; ok {
			return i, nil
		}
	} else {
		switch is := r.byName[name]; len(is) {
		case 1:
			return is[0], nil
		case 0:
		default:
			return -1, schema.Errorf(p.Key("name"), pos, RuleAmbiguousPerson, "%s is the name of %d people on the roster; give the 工号", name, len(is))
		}
	}
	// Each leave record of an unknown person is an error of its own; an
	// unknown person's punches are one warning.
	key := name + "\x00" + id
	if sev == schema.Warning && r.told[key] {
		return -1, nil
	}
	r.told[key] = true
	who := name
	if id != "" {
		who += " (" + id + ")"
	}
	pr := schema.Errorf(p.Key("name"), pos, RuleUnknownPerson, "%s is not on the roster", who)
	pr.Severity = sev
	if sev == schema.Warning {
		pr.Message += "; their punches are left out"
	}
	return -1, pr
}
