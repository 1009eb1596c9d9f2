package cases

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/workday"
	"github.com/zwfw/zwfw/reform"
)

// Period is the stretch of days figures are computed over, From to To
// inclusive: usually a month.
type Period struct {
	From, To workday.Date
}

// Month returns the period of one calendar month.
func Month(year int, month time.Month) Period {
	return Period{workday.NewDate(year, month, 1), workday.NewDate(year, month+1, 0)}
}

// ParseMonth reads a month written 2021-04.
func ParseMonth(s string) (Period, error) {
	d, err := workday.ParseDate(s + "-01")
	if err != nil || len(s) != 7 {
		return Period{}, fmt.Errorf("cases: %q is not a month (want YYYY-MM)", s)
	}
	y, m, _ := d.Date()
	return Month(y, m), nil
}

// Contains reports whether d falls in p.
func (p Period) Contains(d workday.Date) bool { return !d.Before(p.From) && !d.After(p.To) }

// String writes a whole month as 2021-04, any other period as
// 2021-04-01..2021-06-30.
func (p Period) String() string {
	y, m, d := p.From.Date()
	if d == 1 && p.To == workday.NewDate(y, m+1, 0) {
		return fmt.Sprintf("%04d-%02d", y, int(m))
	}
	return p.From.String() + ".." + p.To.String()
}

// Figures are the efficiency figures of a set of cases over a period, as
// exact counts. Flows (受理, 办结, …) count what happened in the period;
// stocks (上月结转, 未办结, 超期未办结) the cases open at its start or end.
// Two Figures of the same period over different cases add up with
// [Figures.Add]; Figures of consecutive periods over the same cases chain
// with [Figures.Then] into those of the longer period, exactly.
type Figures struct {
	Period Period

	CarriedOver int64 // 上月结转: accepted before the period and open at its start
	Accepted    int64 // 受理: accepted in the period
	Online      int64 // of those, handled through the 网上 channel
	NotAccepted int64 // 不予受理: applications refused in the period

	Completed   int64                  // 办结: completed in the period, whenever accepted
	OnTime      int64                  // 按时办结: within the limit in force, suspensions excluded
	Overdue     int64                  // 超期办结
	Untimed     int64                  // completed with no limit stated, or dates the calendar cannot count
	Early       int64                  // 提前办结: in less than the limit
	SameDay     int64                  // completed on the day of acceptance (actual 即办)
	Evaluated   int64                  // completed cases rated (好差评)
	Good, Bad   int64                  // 好评 (非常满意, 满意) and 差评 (不满意, 非常不满意)
	DaysSum     int64                  // working days used by the completed cases counted in Days
	Days        map[int]int64          // completed cases by working days used (suspensions excluded)
	completedBy map[workday.Date]int64 // completed cases by day of acceptance

	OpenAtEnd   int64 // 未办结 at the period's end
	OverdueOpen int64 // 超期未办结: open at the end and past the limit
}

func (f *Figures) init() {
	if f.Days == nil {
		f.Days = map[int]int64{}
		f.completedBy = map[workday.Date]int64{}
	}
}

// CompletedCarried returns how many of the completed cases were accepted
// before the period (结转办结).
func (f *Figures) CompletedCarried() int64 {
	var n int64
	for d, k := range f.completedBy {
		if d.Before(f.Period.From) {
			n += k
		}
	}
	return n
}

// Add adds the figures of other cases over the same period.
func (f *Figures) Add(o *Figures) error {
	if f.Period == (Period{}) {
		f.Period = o.Period
	}
	if o.Period != f.Period {
		return fmt.Errorf("cases: cannot add figures of %s to figures of %s (chain consecutive periods with Then)", o.Period, f.Period)
	}
	f.CarriedOver += o.CarriedOver
	f.OpenAtEnd += o.OpenAtEnd
	f.OverdueOpen += o.OverdueOpen
	f.addFlows(o)
	return nil
}

func (f *Figures) addFlows(o *Figures) {
	f.init()
	f.Accepted += o.Accepted
	f.Online += o.Online
	f.NotAccepted += o.NotAccepted
	f.Completed += o.Completed
	f.OnTime += o.OnTime
	f.Overdue += o.Overdue
	f.Untimed += o.Untimed
	f.Early += o.Early
	f.SameDay += o.SameDay
	f.Evaluated += o.Evaluated
	f.Good += o.Good
	f.Bad += o.Bad
	f.DaysSum += o.DaysSum
	for k, v := range o.Days {
		f.Days[k] += v
	}
	for k, v := range o.completedBy {
		f.completedBy[k] += v
	}
}

// Then extends f, the figures of a period, by next, the figures of the
// same cases over the period that follows it: flows add up, the stock at
// the start is f's, the stocks at the end are next's. Months chain into a
// year exactly.
func (f *Figures) Then(next *Figures) error {
	if f.Period != (Period{}) && next.Period.From != f.Period.To.AddDays(1) {
		return fmt.Errorf("cases: %s does not follow %s", next.Period, f.Period)
	}
	if f.Period == (Period{}) {
		f.Period.From = next.Period.From
		f.CarriedOver = next.CarriedOver
	}
	f.Period.To = next.Period.To
	f.OpenAtEnd = next.OpenAtEnd
	f.OverdueOpen = next.OverdueOpen
	f.addFlows(next)
	for d := range f.completedBy {
		if !d.Before(f.Period.From) { // accepted within the longer period
			delete(f.completedBy, d)
		}
	}
	return nil
}

// CompletionRate is 办结率: 办结 / (上月结转 + 本月受理).
func (f *Figures) CompletionRate() reform.Ratio {
	return reform.Ratio{Num: f.Completed, Den: f.CarriedOver + f.Accepted}
}

// OnTimeRate is 按时办结率: 按时办结 / the completed cases whose time could
// be judged (办结 less those with no limit).
func (f *Figures) OnTimeRate() reform.Ratio {
	return reform.Ratio{Num: f.OnTime, Den: f.OnTime + f.Overdue}
}

// EarlyRate is 提前办结率: cases completed in less than their limit / the
// completed cases whose time could be judged.
func (f *Figures) EarlyRate() reform.Ratio {
	return reform.Ratio{Num: f.Early, Den: f.OnTime + f.Overdue}
}

// SameDayShare is the actual 即办 share: completed on the day of
// acceptance / completed.
func (f *Figures) SameDayShare() reform.Ratio { return reform.Ratio{Num: f.SameDay, Den: f.Completed} }

// OnlineShare is the actual 网上办 share: accepted online / accepted.
func (f *Figures) OnlineShare() reform.Ratio { return reform.Ratio{Num: f.Online, Den: f.Accepted} }

// GoodRate is 好评率: 好评 / rated.
func (f *Figures) GoodRate() reform.Ratio { return reform.Ratio{Num: f.Good, Den: f.Evaluated} }

// MeanDays is the average handling time in working days, as an exact
// ratio (Σ days / cases).
func (f *Figures) MeanDays() reform.Ratio {
	var n int64
	for _, v := range f.Days {
		n += v
	}
	return reform.Ratio{Num: f.DaysSum, Den: n}
}

// MedianDays is the median handling time in working days, as an exact
// ratio (a half when the middle falls between two values).
func (f *Figures) MedianDays() reform.Ratio {
	keys := make([]int, 0, len(f.Days))
	var n int64
	for k, v := range f.Days {
		if v != 0 {
			keys = append(keys, k)
			n += v
		}
	}
	if n == 0 {
		return reform.Ratio{}
	}
	sort.Ints(keys)
	at := func(i int64) int64 { // the i-th smallest, from 0
		for _, k := range keys {
			if i < f.Days[k] {
				return int64(k)
			}
			i -= f.Days[k]
		}
		return int64(keys[len(keys)-1])
	}
	return reform.Ratio{Num: at((n-1)/2) + at(n/2), Den: 2}
}

// FormatDays writes a ratio of days with two decimals, rounded half up
// ("3.25"), or "—" when undefined.
func FormatDays(r reform.Ratio) string {
	if !r.Defined() {
		return "—"
	}
	h, _ := reform.Ratio{Num: r.Num, Den: r.Den * 100}.Hundredths()
	return fmt.Sprintf("%d.%02d", h/100, h%100)
}

// Level is how far a [Tally] is rolled up.
type Level uint8

// Roll-up levels, finest first.
const (
	ByMatter Level = iota
	ByWindow
	ByDepartment
	ByUnit
)

type leafKey struct {
	unit, department, window, matter string
}

// Tally counts cases into [Figures] for one period, kept per unit,
// department, window and matter, and rolled up from there: department →
// unit → city. Tallies of one period over different cases merge with
// [Tally.Merge]; tallies of consecutive periods over the same cases chain
// with [Tally.Then]. The zero Tally is not usable: call [NewTally].
type Tally struct {
	period   Period
	cal      *workday.Calendar
	leaves   map[leafKey]*Figures
	names    map[string]string // matter code → name
	named    map[string]string // matter name → its key without a code
	lastKey  leafKey
	lastLeaf *Figures
}

// NewTally returns an empty tally of period p counting working days on
// cal (nil means [workday.China]).
func NewTally(p Period, cal *workday.Calendar) *Tally {
	if cal == nil {
		cal = workday.China()
	}
	return &Tally{period: p, cal: cal, leaves: map[leafKey]*Figures{}, names: map[string]string{}}
}

// Period returns the period the tally counts.
func (t *Tally) Period() Period { return t.period }

func (t *Tally) leaf(c *Case) *Figures {
	m := c.MatterCode
	if m == "" {
		// Kept, so that an export without codes does not make a string a case.
		if m = t.named[c.MatterName]; m == "" {
			m = "名称:" + c.MatterName
			if t.named == nil {
				t.named = map[string]string{}
			}
			t.named[c.MatterName] = m
		}
	}
	k := leafKey{c.Unit, c.Department, c.Window, m}
	if t.lastLeaf != nil && k == t.lastKey {
		return t.lastLeaf
	}
	f := t.leaves[k]
	if f == nil {
		f = &Figures{Period: t.period}
		f.init()
		t.leaves[k] = f
		if _, ok := t.names[m]; !ok {
			t.names[m] = c.MatterName
		}
	}
	t.lastKey, t.lastLeaf = k, f
	return f
}

// Add counts one case. Voided cases (作废) and applications never accepted
// count for nothing; 不予受理 counts in the period its application (or, if
// none, its acceptance) falls in. A case is open from acceptance until its
// completion; a returned case (退件) with no completion time is never
// open.
func (t *Tally) Add(c *Case) {
	p := t.period
	switch c.Status {
	case Void:
		return
	case NotAccepted:
		at := c.Applied
		if at.IsZero() {
			at = c.Accepted
		}
		if !at.IsZero() && p.Contains(workday.DateOf(at)) {
			t.leaf(c).NotAccepted++
		}
		return
	}
	if c.Accepted.IsZero() {
		return
	}
	acc := workday.DateOf(c.Accepted)
	var comp workday.Date
	if !c.Completed.IsZero() {
		comp = workday.DateOf(c.Completed)
	}
	openAt := func(day workday.Date) bool {
		if acc.After(day) {
			return false
		}
		if comp.IsZero() {
			return c.Status != Returned && c.Status != Completed
		}
		return comp.After(day)
	}
	var f *Figures
	get := func() *Figures {
		if f == nil {
			f = t.leaf(c)
		}
		return f
	}
	if openAt(p.From.AddDays(-1)) {
		get().CarriedOver++
	}
	if p.Contains(acc) {
		get().Accepted++
		if c.Channel == Online {
			f.Online++
		}
	}
	if !comp.IsZero() && p.Contains(comp) {
		get()
		f.Completed++
		if acc.Before(p.From) {
			// Only acceptances before the period are kept: chained into a
			// longer period, those after its start are not carried over.
			f.completedBy[acc]++
		}
		if comp == acc {
			f.SameDay++
		}
		if c.Evaluation != 0 {
			f.Evaluated++
			if c.Evaluation.Good() {
				f.Good++
			} else if c.Evaluation.Bad() {
				f.Bad++
			}
		}
		m := t.measure(c, acc, comp, c.Completed)
		switch {
		case !m.judged:
			f.Untimed++
		case m.within:
			f.OnTime++
		default:
			f.Overdue++
		}
		if m.judged && m.early {
			f.Early++
		}
		if m.counted {
			f.DaysSum += int64(m.days)
			f.Days[m.days]++
		}
	}
	if openAt(p.To) {
		get().OpenAtEnd++
		end := p.To.AddDays(1).Time(Beijing)
		if m := t.measure(c, acc, p.To, end); m.judged && !m.within {
			f.OverdueOpen++
		}
	}
}

type measured struct {
	days    int  // working days used, suspensions excluded
	counted bool // days is known
	judged  bool // within and early are known
	within  bool
	early   bool
}

// measure judges the time c has used from acceptance to end (endDay its
// day) against its limit.
func (t *Tally) measure(c *Case, acc, endDay workday.Date, end time.Time) measured {
	var m measured
	if end.Before(c.Accepted) {
		return m
	}
	sus := c.Suspensions
	if len(sus) > 1 {
		sus = mergeSuspensions(sus)
	}
	wd, err := t.cal.WorkdaysBetween(acc, endDay)
	if err == nil {
		for _, s := range sus {
			a, b := workday.DateOf(s.From), workday.DateOf(s.To)
			a, b = later(a, acc), earlier(b, endDay)
			if a.Before(b) {
				n, err2 := t.cal.WorkdaysBetween(a, b)
				if err2 != nil {
					err = err2
					break
				}
				wd -= n
			}
		}
	}
	if err == nil {
		m.days, m.counted = max(wd, 0), true
	}
	l := c.Limit
	// What the case used and what its limit allows: whole days, or
	// nanoseconds for limits in hours and minutes.
	var used, limit int64
	switch l.Unit {
	case 0:
		return m
	case matters.Instant:
		m.judged, m.within = true, endDay == acc
		return m
	case matters.WorkingDays:
		if !m.counted {
			return m
		}
		used, limit = int64(m.days), l.Value.Ceil() // a part of a day is a day, as Deadline counts
	case matters.CalendarDays:
		n := endDay.Sub(acc)
		for _, s := range sus {
			a, b := later(workday.DateOf(s.From), acc), earlier(workday.DateOf(s.To), endDay)
			if a.Before(b) {
				n -= b.Sub(a)
			}
		}
		used, limit = int64(max(n, 0)), l.Value.Ceil()
	case matters.Hours, matters.Minutes:
		d := end.Sub(c.Accepted)
		for _, s := range sus {
			a, b := later(s.From, c.Accepted), earlier(s.To, end)
			if a.Before(b) {
				d -= b.Sub(a)
			}
		}
		unit := time.Hour
		if l.Unit == matters.Minutes {
			unit = time.Minute
		}
		used, limit = int64(max(d, 0)), int64(limitDuration(l.Value, unit))
	case matters.Months, matters.Years:
		months, ok := l.Value, true
		if l.Unit == matters.Years {
			months, ok = months.Mul(12)
		}
		whole, isInt := months.Int()
		if !ok || !isInt {
			return m
		}
		n := endDay.Sub(acc)
		for _, s := range sus {
			a, b := later(workday.DateOf(s.From), acc), earlier(workday.DateOf(s.To), endDay)
			if a.Before(b) {
				n -= b.Sub(a)
			}
		}
		y, mo, d := acc.Date()
		deadline := workday.NewDate(y, mo+time.Month(whole), d)
		used, limit = int64(n), int64(deadline.Sub(acc))
	default:
		return m
	}
	m.judged, m.within, m.early = true, used <= limit, used < limit
	return m
}

// later returns the later of a and b (dates or times), b when neither is.
func later[T interface{ After(T) bool }](a, b T) T {
	if a.After(b) {
		return a
	}
	return b
}

// earlier returns the earlier of a and b, b when neither is.
func earlier[T interface{ Before(T) bool }](a, b T) T {
	if a.Before(b) {
		return a
	}
	return b
}

// mergeSuspensions sorts periods and joins those that overlap, so no time
// is excluded twice.
func mergeSuspensions(in []Suspension) []Suspension {
	s := slices.Clone(in)
	slices.SortFunc(s, func(a, b Suspension) int { return a.From.Compare(b.From) })
	out := s[:1]
	for _, x := range s[1:] {
		last := &out[len(out)-1]
		if !x.From.After(last.To) {
			if x.To.After(last.To) {
				last.To = x.To
			}
			continue
		}
		out = append(out, x)
	}
	return out
}

// Merge adds the counts of o, a tally of the same period over other cases
// (another county, another export file).
func (t *Tally) Merge(o *Tally) error {
	if o.period != t.period {
		return fmt.Errorf("cases: cannot merge a tally of %s into one of %s", o.period, t.period)
	}
	for k, f := range o.leaves {
		g := t.leaves[k]
		if g == nil {
			g = &Figures{Period: t.period}
			g.init()
			t.leaves[k] = g
		}
		g.Add(f)
	}
	for k, v := range o.names {
		if _, ok := t.names[k]; !ok {
			t.names[k] = v
		}
	}
	return nil
}

// Then extends t by next, a tally of the same cases over the period that
// follows t's (see [Figures.Then]).
func (t *Tally) Then(next *Tally) error {
	if next.period.From != t.period.To.AddDays(1) {
		return fmt.Errorf("cases: %s does not follow %s", next.period, t.period)
	}
	keys := map[leafKey]bool{}
	for k := range t.leaves {
		keys[k] = true
	}
	for k := range next.leaves {
		keys[k] = true
	}
	for k := range keys {
		a, b := t.leaves[k], next.leaves[k]
		if a == nil {
			a = &Figures{Period: t.period}
			a.init()
			t.leaves[k] = a
		}
		if b == nil {
			b = &Figures{Period: next.period}
			b.init()
		}
		a.Then(b)
	}
	for k, v := range next.names {
		if _, ok := t.names[k]; !ok {
			t.names[k] = v
		}
	}
	t.period.To = next.period.To
	t.lastLeaf = nil
	return nil
}

// Row is one line of a roll-up: the figures of one unit, department,
// window or matter. The names of the levels above it are filled in; those
// below are empty.
type Row struct {
	Unit       string
	Department string
	Window     string
	MatterCode string
	MatterName string
	Figures
}

// Total returns the figures of every case counted: the city's.
func (t *Tally) Total() Figures {
	out := Figures{Period: t.period}
	out.init()
	for _, f := range t.leaves {
		out.Add(f)
	}
	return out
}

// Rows rolls the tally up to level: one row per unit, per department of a
// unit, per window of a department, or per matter (of every department
// together). Rows come in order of cases accepted, most first, then by
// name.
func (t *Tally) Rows(level Level) []Row {
	groups := map[leafKey]*Row{}
	for k, f := range t.leaves {
		var g leafKey
		switch level {
		case ByUnit:
			g = leafKey{unit: k.unit}
		case ByDepartment:
			g = leafKey{unit: k.unit, department: k.department}
		case ByWindow:
			g = leafKey{unit: k.unit, department: k.department, window: k.window}
		default:
			g = leafKey{matter: k.matter}
		}
		r := groups[g]
		if r == nil {
			r = &Row{Unit: g.unit, Department: g.department, Window: g.window, Figures: Figures{Period: t.period}}
			if level == ByMatter {
				r.MatterCode, r.MatterName = g.matter, t.names[g.matter]
				if strings.HasPrefix(g.matter, "名称:") {
					r.MatterCode = ""
				}
			}
			r.init()
			groups[g] = r
		}
		r.Add(f)
	}
	out := make([]Row, 0, len(groups))
	for _, r := range groups {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b Row) int {
		if c := cmp.Or(cmp.Compare(b.Accepted, a.Accepted), cmp.Compare(a.Unit, b.Unit),
			cmp.Compare(a.Department, b.Department), cmp.Compare(a.Window, b.Window)); c != 0 {
			return c
		}
		return cmp.Compare(a.MatterCode+a.MatterName, b.MatterCode+b.MatterName)
	})
	return out
}
