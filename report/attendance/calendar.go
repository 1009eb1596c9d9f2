package attendance

import (
	"io"
	"slices"
	"time"

	"github.com/zwfw/zwfw/matters/workday"
	"github.com/zwfw/zwfw/schema"
)

// Official returns China's official calendar, that of package workday
// ([workday.China]); the records are counted on it unless a records
// directory declares its own.
func Official() Calendar { return Workdays(workday.China()) }

// Workdays adapts a calendar of package workday, with a later year
// loaded say, to a [Calendar].
func Workdays(c *workday.Calendar) Calendar { return workdays{c} }

type workdays struct{ c *workday.Calendar }

func (w workdays) IsWorkday(t time.Time) (bool, error) { return w.c.IsWorkday(workday.DateOf(t)) }

// Calendar tells working days from days off: China's official calendar
// (Monday to Friday, less the public holidays, plus the weekend days
// declared working days) or any other. It fails for a day it has no
// knowledge of, so that a year nobody declared is not counted as if it
// had no holidays.
type Calendar interface {
	IsWorkday(day time.Time) (bool, error)
}

// Declared is a calendar the bureau declares: weekdays work, weekends
// rest, except the days listed. It knows the years its lists touch. The
// zero value knows no year.
type Declared struct {
	rest, work map[time.Time]bool
	years      map[int]bool
}

// NewDeclared returns the calendar with the public holidays rest and the
// make-up working days work (调休上班).
func NewDeclared(rest, work []time.Time) *Declared {
	d := &Declared{rest: map[time.Time]bool{}, work: map[time.Time]bool{}, years: map[int]bool{}}
	for _, t := range rest {
		t = dayOf(t)
		d.rest[t] = true
		d.years[t.Year()] = true
	}
	for _, t := range work {
		t = dayOf(t)
		d.work[t] = true
		d.years[t.Year()] = true
	}
	return d
}

// IsWorkday reports whether day is a working day.
func (d *Declared) IsWorkday(day time.Time) (bool, error) {
	day = dayOf(day)
	if d == nil || !d.years[day.Year()] {
		return false, msgError("attendance: the calendar declares nothing for %d", day.Year())
	}
	switch {
	case d.rest[day]:
		return false, nil
	case d.work[day]:
		return true, nil
	}
	wd := day.Weekday()
	return wd != time.Saturday && wd != time.Sunday, nil
}

// Years lists the years the calendar knows, in order.
func (d *Declared) Years() []int {
	var ys []int
	for y := range d.years {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	return ys
}

var calendarCols = []column{
	{key: "date", names: []string{"日期"}, required: true},
	{key: "arrangement", names: []string{"安排", "类型", "类别"}, required: true},
}

// ReadCalendar reads a declared calendar: one row per day that is not as
// its weekday would have it, 日期 and 安排 (休 for a holiday, 班 for a
// make-up working day; 休息, 放假, 节假日 and 上班, 调休上班, 工作日 are read
// too).
func ReadCalendar(r io.Reader, file string) (*Declared, schema.List) {
	var probs schema.List
	t := openTable(r, file, calendarCols, &probs)
	if t == nil {
		return nil, probs
	}
	var rest, work []time.Time
	for t.next() {
		v, ok := t.required("date")
		if !ok {
			continue
		}
		d, ok := t.date("date", v)
		if !ok {
			continue
		}
		switch a := t.get("arrangement"); a {
		case "休", "休息", "放假", "节假日", "假":
			rest = append(rest, d)
		case "班", "上班", "调休上班", "工作日":
			work = append(work, d)
		default:
			t.errorf("arrangement", RuleValue, "%q is not an arrangement (休 or 班)", a)
		}
	}
	probs.Sort()
	return NewDeclared(rest, work), probs
}

func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
