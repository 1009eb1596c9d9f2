package workday

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/zwfw/zwfw/schema"
)

// ErrUnknownYear is returned (wrapped in an [*UnknownYearError]) when a
// date falls in a year the calendar has no schedule for: whether such a day
// is a working day is not known, and the calendar does not guess.
var ErrUnknownYear = errors.New("workday: year not in the calendar")

// UnknownYearError names the year a calendar has no schedule for.
type UnknownYearError struct {
	Year  int
	Known []int // the years the calendar holds
}

func (e *UnknownYearError) Error() string { return e.Localize(schema.English) }

// Localize writes the error for a reader of l, so that a problem quoting
// it reads in that language: UnknownYearError is a [schema.Localizer].
func (e *UnknownYearError) Localize(l schema.Lang) string {
	if len(e.Known) == 0 {
		return schema.M("workday: %d: the calendar holds no year", e.Year).Localize(l)
	}
	return schema.M("workday: %d is not in the calendar (it holds %d–%d); load that year's schedule", e.Year, e.Known[0], e.Known[len(e.Known)-1]).Localize(l)
}

// Is makes errors.Is(err, ErrUnknownYear) true.
func (e *UnknownYearError) Is(target error) bool { return target == ErrUnknownYear }

// day kinds in a calendar's table
const (
	ordinary   uint8 = iota // Monday–Friday works, weekends rest
	holiday                 // a declared day off (放假)
	madeUpWork              // a weekend day declared a working day (调休上班)
)

// Calendar is an official working-day calendar: Monday to Friday, less the
// public holidays of each year's schedule, plus the weekend days the
// schedule declares working days. It answers only for the years it holds a
// schedule for. A Calendar is immutable and safe for concurrent use; the
// zero value holds no year.
type Calendar struct {
	first     int      // first year of the table
	known     []bool   // known[y-first]
	kinds     []uint8  // per day from first-01-01
	names     []string // holiday name per day, "" when ordinary
	cum       []int32  // cum[i] = working days among kinds[:i]
	unknown   []int32  // unknown[i] = days of years without a schedule among kinds[:i]
	start     Date     // first-01-01
	schedules []Schedule
}

// New returns a calendar holding the given schedules, one per year. Two
// schedules for one year, or two that disagree on a day, are an error.
func New(schedules ...Schedule) (*Calendar, error) {
	c := &Calendar{}
	if len(schedules) == 0 {
		return c, nil
	}
	ss := slices.Clone(schedules)
	slices.SortFunc(ss, func(a, b Schedule) int { return a.Year - b.Year })
	for i := 1; i < len(ss); i++ {
		if ss[i].Year == ss[i-1].Year {
			return nil, fmt.Errorf("workday: two schedules for %d", ss[i].Year)
		}
	}
	// A schedule may declare days of the year before (元旦 from 12-30).
	c.first = ss[0].Year - 1
	last := ss[len(ss)-1].Year
	c.start = NewDate(c.first, time.January, 1)
	end := NewDate(last+1, time.January, 1)
	n := end.Sub(c.start)
	c.known = make([]bool, last-c.first+1)
	c.kinds = make([]uint8, n)
	c.names = make([]string, n)
	for _, s := range ss {
		c.known[s.Year-c.first] = true
		for _, h := range s.Holidays {
			for d := h.From; !d.After(h.To); d = d.AddDays(1) {
				if err := c.set(d, holiday, h.Name); err != nil {
					return nil, err
				}
			}
			for _, d := range h.Workdays {
				if err := c.set(d, madeUpWork, h.Name); err != nil {
					return nil, err
				}
			}
		}
	}
	c.cum = make([]int32, n+1)
	c.unknown = make([]int32, n+1)
	for i := range c.kinds {
		w, u := int32(0), int32(0)
		if c.works(i) {
			w = 1
		}
		if !c.known[c.start.AddDays(i).Year()-c.first] {
			u = 1
		}
		c.cum[i+1] = c.cum[i] + w
		c.unknown[i+1] = c.unknown[i] + u
	}
	c.schedules = ss
	return c, nil
}

func (c *Calendar) set(d Date, k uint8, name string) error {
	i := d.Sub(c.start)
	if i < 0 || i >= len(c.kinds) {
		return fmt.Errorf("workday: %s (%s) lies outside the schedules' years", d, name)
	}
	if c.kinds[i] != ordinary && (c.kinds[i] != k || c.names[i] != name) {
		return fmt.Errorf("workday: %s is declared twice (%s and %s)", d, c.names[i], name)
	}
	c.kinds[i], c.names[i] = k, name
	return nil
}

func (c *Calendar) works(i int) bool {
	switch c.kinds[i] {
	case holiday:
		return false
	case madeUpWork:
		return true
	}
	wd := c.start.AddDays(i).Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// With returns a new calendar holding c's schedules and the given ones (a
// bureau's schedule for next year, say). c is unchanged.
func (c *Calendar) With(schedules ...Schedule) (*Calendar, error) {
	return New(append(slices.Clone(c.schedules), schedules...)...)
}

// Years returns the years c holds a schedule for, in order.
func (c *Calendar) Years() []int {
	var ys []int
	for i, k := range c.known {
		if k {
			ys = append(ys, c.first+i)
		}
	}
	return ys
}

// Schedules returns the schedules c was built from, by year.
func (c *Calendar) Schedules() []Schedule { return slices.Clone(c.schedules) }

func (c *Calendar) index(d Date) (int, error) {
	if d.IsZero() {
		return 0, errors.New("workday: the zero Date has no calendar day")
	}
	i := d.Sub(c.start)
	if i < 0 || i >= len(c.kinds) || c.unknown[i+1] != c.unknown[i] {
		return 0, &UnknownYearError{Year: d.Year(), Known: c.Years()}
	}
	return i, nil
}

// IsWorkday reports whether d is a working day. A date in a year c holds
// no schedule for is an [ErrUnknownYear] error.
func (c *Calendar) IsWorkday(d Date) (bool, error) {
	i, err := c.index(d)
	if err != nil {
		return false, err
	}
	return c.works(i), nil
}

// Holiday returns the name of the holiday d belongs to ("劳动节") and
// whether d is a day off for it; for a made-up working day (调休上班) it
// returns the holiday's name and false. An ordinary day returns "", false.
func (c *Calendar) Holiday(d Date) (name string, off bool, err error) {
	i, err := c.index(d)
	if err != nil {
		return "", false, err
	}
	return c.names[i], c.kinds[i] == holiday, nil
}

// WorkdaysBetween returns the number of working days after from up to and
// including to: the days a limit counted from acceptance on from has used
// by to. It is negative when to is before from. Every year touched must be
// in the calendar.
func (c *Calendar) WorkdaysBetween(from, to Date) (int, error) {
	i, err := c.index(from)
	if err != nil {
		return 0, err
	}
	j, err := c.index(to)
	if err != nil {
		return 0, err
	}
	if lo, hi := min(i, j), max(i, j); c.unknown[hi+1] != c.unknown[lo] { // a gap between known years
		for k := lo; k <= hi; k++ {
			if c.unknown[k+1] != c.unknown[k] {
				return 0, &UnknownYearError{Year: c.start.AddDays(k).Year(), Known: c.Years()}
			}
		}
	}
	return int(c.cum[j+1] - c.cum[i+1]), nil
}

// AddWorkdays returns the n-th working day after d (counting starts the
// day after d, as limits do), or d itself when n is 0. n must not be
// negative. The result must fall in a year the calendar holds.
func (c *Calendar) AddWorkdays(d Date, n int) (Date, error) {
	i, err := c.index(d)
	if err != nil {
		return Date{}, err
	}
	if n < 0 {
		return Date{}, fmt.Errorf("workday: %d working days: want a count ≥ 0", n)
	}
	if n == 0 {
		return d, nil
	}
	target := c.cum[i+1] + int32(n)
	// The first k with cum[k] >= target; the day is k-1.
	k, _ := slices.BinarySearch(c.cum, target)
	if k >= len(c.cum) {
		last := c.start.AddDays(len(c.kinds) - 1)
		return Date{}, &UnknownYearError{Year: last.Year() + 1, Known: c.Years()}
	}
	out := c.start.AddDays(k - 1)
	if _, err := c.WorkdaysBetween(d, out); err != nil {
		return Date{}, err
	}
	return out, nil
}
