package workday

import (
	"errors"
	"testing"
	"time"
)

func TestDateWeekdayAgreesWithTime(t *testing.T) {
	for d := MustParseDate("2018-12-01"); d.Before(MustParseDate("2027-02-01")); d = d.AddDays(1) {
		if got, want := d.Weekday(), d.Time(time.UTC).Weekday(); got != want {
			t.Fatalf("%s: Weekday %s, time says %s", d, got, want)
		}
		if back := DateOf(d.Time(time.FixedZone("CST", 8*3600))); back != d {
			t.Fatalf("%s: round trip through time gives %s", d, back)
		}
	}
}

func TestIsWorkday2021(t *testing.T) {
	c := China()
	tests := []struct {
		name string
		date string
		want bool
	}{
		{"元旦 day off", "2021-01-01", false},
		{"元旦 ends on a Sunday", "2021-01-03", false},
		{"first working day of the year", "2021-01-04", true},
		{"Sunday worked before 春节", "2021-02-07", true},
		{"春节 first day", "2021-02-11", false},
		{"春节 a weekday off", "2021-02-15", false},
		{"春节 last day", "2021-02-17", false},
		{"Saturday worked after 春节", "2021-02-20", true},
		{"ordinary Saturday", "2021-02-27", false},
		{"清明节 Monday off", "2021-04-05", false},
		{"Sunday worked before 劳动节", "2021-04-25", true},
		{"劳动节 Monday off", "2021-05-03", false},
		{"劳动节 last day", "2021-05-05", false},
		{"Thursday after 劳动节", "2021-05-06", true},
		{"Saturday worked after 劳动节", "2021-05-08", true},
		{"ordinary Sunday after it", "2021-05-09", false},
		{"端午节 Monday off", "2021-06-14", false},
		{"Saturday worked before 中秋节", "2021-09-18", true},
		{"中秋节 Tuesday off", "2021-09-21", false},
		{"Sunday worked before 国庆节", "2021-09-26", true},
		{"国庆节 Thursday off", "2021-10-07", false},
		{"Saturday worked after 国庆节", "2021-10-09", true},
		{"ordinary Wednesday", "2021-04-28", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.IsWorkday(MustParseDate(tt.date))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("IsWorkday(%s) = %v, want %v", tt.date, got, tt.want)
			}
		})
	}
}

func TestAddWorkdays(t *testing.T) {
	c := China()
	tests := []struct {
		name string
		from string
		n    int
		want string
	}{
		{"5 working days across 劳动节", "2021-04-29", 5, "2021-05-10"},
		{"0 is the day itself (即办)", "2021-04-29", 0, "2021-04-29"},
		{"1 from a Friday before 劳动节 is the day after the holiday", "2021-04-30", 1, "2021-05-06"},
		{"accepted on a holiday counts from the next working day", "2021-05-03", 1, "2021-05-06"},
		{"the Sunday worked counts", "2021-04-24", 1, "2021-04-25"},
		{"20 working days across 春节 and its two Sundays worked", "2021-02-01", 20, "2021-03-04"},
		{"across the new year 2020/2021", "2020-12-30", 3, "2021-01-05"},
		{"2020's 春节 extended to 02-02", "2020-01-23", 1, "2020-02-03"},
		{"2026's nine-day 春节", "2026-02-13", 2, "2026-02-24"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.AddWorkdays(MustParseDate(tt.from), tt.n)
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != tt.want {
				t.Errorf("AddWorkdays(%s, %d) = %s, want %s", tt.from, tt.n, got, tt.want)
			}
			if tt.n > 0 {
				back, err := c.WorkdaysBetween(MustParseDate(tt.from), got)
				if err != nil || back != tt.n {
					t.Errorf("WorkdaysBetween(%s, %s) = %d, %v; want %d", tt.from, got, back, err, tt.n)
				}
			}
		})
	}
}

func TestWorkdaysBetween(t *testing.T) {
	c := China()
	tests := []struct {
		name     string
		from, to string
		want     int
	}{
		{"same day", "2021-04-09", "2021-04-09", 0},
		{"April 2021 has 22 working days", "2021-03-31", "2021-04-30", 22},
		{"May 2021 has 19 working days", "2021-04-30", "2021-05-31", 19},
		{"the whole of 2021 has 250", "2020-12-31", "2021-12-31", 250},
		{"backwards is negative", "2021-05-10", "2021-04-29", -5},
		{"from a holiday to a holiday", "2021-05-01", "2021-05-05", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.WorkdaysBetween(MustParseDate(tt.from), MustParseDate(tt.to))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("WorkdaysBetween(%s, %s) = %d, want %d", tt.from, tt.to, got, tt.want)
			}
		})
	}
}

func TestUnknownYear(t *testing.T) {
	c := China()
	tests := []struct {
		name string
		call func() error
	}{
		{"IsWorkday before 2019", func() error { _, err := c.IsWorkday(MustParseDate("2018-12-31")); return err }},
		{"IsWorkday after 2026", func() error { _, err := c.IsWorkday(MustParseDate("2027-01-04")); return err }},
		{"AddWorkdays running into 2027", func() error { _, err := c.AddWorkdays(MustParseDate("2026-12-25"), 10); return err }},
		{"WorkdaysBetween from 2018", func() error {
			_, err := c.WorkdaysBetween(MustParseDate("2018-12-28"), MustParseDate("2019-01-04"))
			return err
		}},
		{"the zero calendar", func() error { _, err := (&Calendar{}).IsWorkday(MustParseDate("2021-01-04")); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if !errors.Is(err, ErrUnknownYear) {
				t.Fatalf("err = %v, want ErrUnknownYear", err)
			}
		})
	}
	if _, err := c.AddWorkdays(MustParseDate("2021-01-04"), -1); err == nil || errors.Is(err, ErrUnknownYear) {
		t.Errorf("AddWorkdays(-1): err = %v, want a count error", err)
	}
}

func TestWorkdaysPerYear(t *testing.T) {
	// The yearly totals follow from the notices (2022: 260 weekdays, 18 of
	// them off, 7 weekend days worked).
	want := map[int]int{2019: 250, 2020: 249, 2021: 250, 2022: 249, 2023: 249, 2024: 251, 2025: 248, 2026: 248}
	c := China()
	for y, n := range want {
		t.Run(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006"), func(t *testing.T) {
			first, _ := c.IsWorkday(NewDate(y, 1, 1))
			got, err := c.WorkdaysBetween(NewDate(y, 1, 1), NewDate(y, 12, 31))
			if err != nil {
				t.Fatal(err)
			}
			if first {
				got++
			}
			if got != n {
				t.Errorf("%d has %d working days, want %d", y, got, n)
			}
		})
	}
}

func TestCivilAgreesWithTime(t *testing.T) {
	for d := NewDate(1899, 12, 1); d.Before(NewDate(2101, 3, 1)); d = d.AddDays(1) {
		tm := d.Time(time.UTC)
		y, m, dd := d.Date()
		if ty, tmn, td := tm.Date(); ty != y || tmn != m || td != dd {
			t.Fatalf("%d: Date() = %d-%d-%d, time says %s", d.n, y, m, dd, tm)
		}
		if NewDate(y, m, dd) != d {
			t.Fatalf("NewDate(%d, %d, %d) = %v, want %v", y, m, dd, NewDate(y, m, dd), d)
		}
		loc := time.FixedZone("CST", 8*3600)
		if DateOf(tm.Add(-8*time.Hour).In(loc)) != d || DateOf(tm.Add(16*time.Hour-time.Second).In(loc)) != d {
			t.Fatalf("DateOf at the edges of %s in CST", d)
		}
	}
}

func TestGapBetweenYears(t *testing.T) {
	ss := China().Schedules()
	var keep []Schedule
	for _, s := range ss {
		if s.Year == 2021 || s.Year == 2023 {
			keep = append(keep, s)
		}
	}
	c, err := New(keep...)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.WorkdaysBetween(NewDate(2021, 12, 30), NewDate(2023, 1, 5)); !errors.Is(err, ErrUnknownYear) {
		t.Errorf("across 2022: err = %v, want ErrUnknownYear", err)
	}
	if _, err := c.AddWorkdays(NewDate(2021, 12, 30), 3); !errors.Is(err, ErrUnknownYear) {
		t.Errorf("into 2022: err = %v, want ErrUnknownYear", err)
	}
	if n, err := c.WorkdaysBetween(NewDate(2023, 1, 1), NewDate(2023, 1, 6)); err != nil || n != 4 {
		t.Errorf("2023-01-01..06: %d, %v; want 4 (01-02 is 元旦)", n, err)
	}
}
