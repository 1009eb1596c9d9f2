package cases

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/workday"
)

// ErrNoLimit is returned by [Deadline] for a case with no limit stated.
var ErrNoLimit = errors.New("cases: the case states no promised limit")

// Deadline returns the last instant a case may be completed in and still
// be on time: the end of the day the limit runs out for limits in days
// (working days on cal, counted from the day after acceptance, or natural
// days), the instant itself for hours and minutes, the end of the day of
// acceptance for 即办. The case's suspensions push the deadline back by
// the working days, days or time they cover. A fractional number of days
// is rounded up.
func Deadline(cal *workday.Calendar, c *Case) (time.Time, error) {
	if c.Accepted.IsZero() {
		return time.Time{}, errors.New("cases: the case was not accepted")
	}
	acc := workday.DateOf(c.Accepted)
	endOf := func(d workday.Date) time.Time { return d.AddDays(1).Time(Beijing).Add(-time.Nanosecond) }
	sus := c.Suspensions
	if len(sus) > 1 {
		sus = mergeSuspensions(sus)
	}
	l := c.Limit
	switch l.Unit {
	case 0:
		return time.Time{}, ErrNoLimit
	case matters.Instant:
		return endOf(acc), nil
	case matters.WorkingDays:
		n := int(l.Value.Ceil())
		for _, s := range sus {
			a, b := later(workday.DateOf(s.From), acc), workday.DateOf(s.To)
			if a.Before(b) {
				k, err := cal.WorkdaysBetween(a, b)
				if err != nil {
					return time.Time{}, err
				}
				n += k
			}
		}
		d, err := cal.AddWorkdays(acc, n)
		if err != nil {
			return time.Time{}, err
		}
		return endOf(d), nil
	case matters.CalendarDays, matters.Months, matters.Years:
		var d workday.Date
		if l.Unit == matters.CalendarDays {
			d = acc.AddDays(int(l.Value.Ceil()))
		} else {
			months := l.Value
			if l.Unit == matters.Years {
				months, _ = months.Mul(12)
			}
			y, m, dd := acc.Date()
			d = workday.NewDate(y, m+time.Month(months.Ceil()), dd)
		}
		for _, s := range sus {
			a, b := later(workday.DateOf(s.From), acc), workday.DateOf(s.To)
			if a.Before(b) {
				d = d.AddDays(b.Sub(a))
			}
		}
		return endOf(d), nil
	case matters.Hours, matters.Minutes:
		unit := time.Hour
		if l.Unit == matters.Minutes {
			unit = time.Minute
		}
		due := c.Accepted.Add(limitDuration(l.Value, unit))
		for _, s := range sus {
			if a := later(s.From, c.Accepted); a.Before(s.To) {
				due = due.Add(s.To.Sub(a))
			}
		}
		return due.In(Beijing), nil
	}
	return time.Time{}, fmt.Errorf("cases: a limit in %s has no deadline", l.Unit)
}

// limitDuration returns q hours or minutes (unit) as a duration, exactly
// to the nanosecond; a limit beyond the longest duration (about 292 years)
// is the longest duration.
func limitDuration(q matters.Quantity, unit time.Duration) time.Duration {
	m := q.Thousandths()
	whole, part := m/1000, m%1000
	if whole > math.MaxInt64/int64(unit)-1 {
		return math.MaxInt64
	}
	if whole < math.MinInt64/int64(unit)+1 {
		return math.MinInt64
	}
	return time.Duration(whole)*unit + time.Duration(part)*unit/1000
}
