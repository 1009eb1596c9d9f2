package workday

import (
	"cmp"
	"fmt"
	"strconv"
	"time"

	"github.com/zwfw/zwfw/schema"
)

// Date is a day of the civil calendar, with no time of day and no zone. The
// zero value is "no date" ([Date.IsZero]); every other value is a real day
// from year 1 on.
type Date struct {
	n int32 // days since 0001-01-01, plus one; 0 is the zero Date
}

// unixOffset is the day number of 1970-01-01 in Date's count.
const unixOffset = 719162 + 1

// NewDate returns the date y-m-d. Out-of-range months and days normalise
// as in time.Date (2021-04-31 is 2021-05-01).
func NewDate(y int, m time.Month, d int) Date {
	if m < 1 || m > 12 || d < 1 || d > 28 {
		return dateFromTime(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
	}
	return Date{int32(daysFromCivil(y, int(m), d) + unixOffset)}
}

// DateOf returns the day t falls on in t's own location.
func DateOf(t time.Time) Date {
	_, off := t.Zone()
	secs := t.Unix() + int64(off)
	days := secs / 86400
	if secs < 0 && secs%86400 != 0 {
		days--
	}
	return Date{int32(days + unixOffset)}
}

// daysFromCivil and civilFromDays convert between proleptic Gregorian
// dates and days since 1970-01-01 (H. Hinnant's algorithms), without the
// detour through time.Time that case records would pay millions of times.
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

func dateFromTime(t time.Time) Date {
	days := t.Unix() / 86400
	if t.Unix() < 0 && t.Unix()%86400 != 0 {
		days--
	}
	return Date{int32(days + unixOffset)}
}

// ParseDate reads a date written 2006-01-02.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("workday: %q is not a date (want YYYY-MM-DD)", s)
	}
	// Every place but the two dashes is a digit: strconv.Atoi alone would
	// take "+1" or "-1" as a month and the date would not write back.
	for i := 0; i < len(s); i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return Date{}, fmt.Errorf("workday: %q is not a date (want YYYY-MM-DD)", s)
		}
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:])
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return Date{}, fmt.Errorf("workday: %q is not a date (want YYYY-MM-DD)", s)
	}
	return NewDate(y, time.Month(m), d), nil
}

// MustParseDate is [ParseDate] that panics on error, for tests and constants.
func MustParseDate(s string) Date { return schema.Must(ParseDate(s)) }

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d.n == 0 }

// Time returns midnight at the start of d in loc.
func (d Date) Time(loc *time.Location) time.Time {
	t := time.Unix(int64(d.n-unixOffset)*86400, 0).UTC()
	if loc == nil || loc == time.UTC {
		return t
	}
	y, m, dd := t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}

// Date returns the year, month and day of d.
func (d Date) Date() (year int, month time.Month, day int) {
	y, m, dd := civilFromDays(int(d.n) - unixOffset)
	return y, time.Month(m), dd
}

// Year returns the year of d.
func (d Date) Year() int { y, _, _ := d.Date(); return y }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 0001-01-01 (n = 1) was a Monday.
	return time.Weekday((int(d.n) - 1 + 1) % 7)
}

// AddDays returns the date n days after d (before it when n < 0).
func (d Date) AddDays(n int) Date { return Date{d.n + int32(n)} }

// Sub returns the number of days from e to d.
func (d Date) Sub(e Date) int { return int(d.n - e.n) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int { return cmp.Compare(d.n, e.n) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.n > e.n }

// String formats d as 2006-01-02; the zero Date is "".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.Date()
	return fmt.Sprintf("%04d-%02d-%02d", y, int(m), dd)
}

// MarshalText writes d as [Date.String] does.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a date through [ParseDate]; empty text is the zero Date.
func (d *Date) UnmarshalText(b []byte) error { return schema.UnmarshalOptional(d, b, ParseDate) }
