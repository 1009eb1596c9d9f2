package attendance

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/zwfw/zwfw/schema"
)

// Schedule is the hall's working hours: for each season (夏季, 冬季 …,
// starting on a day of the year) the hours of the morning and the
// afternoon. A season lasts until the next starts, the last until the
// first of the next year.
type Schedule struct {
	Seasons []Season
}

// Season is the hours from a day of the year on.
type Season struct {
	Month    time.Month
	Day      int
	Sessions []Session // in order of the day
}

// Session is one half day's hours, in seconds after midnight.
type Session struct {
	Half       Half
	Start, End int
}

func (s Session) String() string {
	return s.Half.String() + " " + clock(s.Start) + "–" + clock(s.End)
}

func clock(sec int) string { return fmt.Sprintf("%02d:%02d", sec/3600, sec/60%60) }

// On returns the sessions of day d.
func (s *Schedule) On(d time.Time) []Session {
	if s == nil || len(s.Seasons) == 0 {
		return nil
	}
	cur := s.Seasons[len(s.Seasons)-1]
	for _, x := range s.Seasons {
		if d.Month() > x.Month || d.Month() == x.Month && d.Day() >= x.Day {
			cur = x
		}
	}
	return cur.Sessions
}

var scheduleCols = []column{
	{key: "from", names: []string{"起始", "起始日期", "开始日期"}, required: true},
	{key: "half", names: []string{"时段"}, required: true},
	{key: "start", names: []string{"上班", "上班时间"}, required: true},
	{key: "end", names: []string{"下班", "下班时间"}, required: true},
}

// ReadSchedule reads the hall's hours: one row per season and half day,
// 起始 (the season's first day, MM-DD), 时段 (上午 or 下午), 上班 and 下班
// (HH:MM).
func ReadSchedule(r io.Reader, file string) (*Schedule, schema.List) {
	var probs schema.List
	t := openTable(r, file, scheduleCols, &probs)
	if t == nil {
		return nil, probs
	}
	s := &Schedule{}
	for t.next() {
		v, ok := t.required("from")
		if !ok {
			continue
		}
		m, d, err := monthDay(v)
		if err != nil {
			t.errorf("from", RuleValue, "%q is not a day of the year (MM-DD)", v)
			continue
		}
		h, ok := parseHalf(t.get("half"))
		if !ok {
			t.errorf("half", RuleValue, "%q is not a half day (上午 or 下午)", t.get("half"))
			continue
		}
		start, err1 := parseClock(t.get("start"), false)
		end, err2 := parseClock(t.get("end"), false)
		if err1 != nil || err2 != nil {
			key, val := "start", t.get("start")
			if err1 == nil {
				key, val = "end", t.get("end")
			}
			t.errorf(key, RuleValue, "%q is not a time of day (HH:MM)", val)
			continue
		}
		if end <= start {
			t.errorf("end", RuleSchedule, "%s ends at %s, not after it starts at %s", h, clock(end), clock(start))
			continue
		}
		i := slices.IndexFunc(s.Seasons, func(x Season) bool { return x.Month == m && x.Day == d })
		if i < 0 {
			s.Seasons = append(s.Seasons, Season{Month: m, Day: d})
			i = len(s.Seasons) - 1
		}
		x := &s.Seasons[i]
		if slices.ContainsFunc(x.Sessions, func(y Session) bool { return y.Half == h }) {
			t.errorf("half", RuleSchedule, "the season from %s has its %s already", v, h)
			continue
		}
		x.Sessions = append(x.Sessions, Session{Half: h, Start: start, End: end})
	}
	for i := range s.Seasons {
		x := &s.Seasons[i]
		slices.SortFunc(x.Sessions, func(a, b Session) int { return a.Start - b.Start })
		for j := 1; j < len(x.Sessions); j++ {
			if x.Sessions[j].Start < x.Sessions[j-1].End || x.Sessions[j].Half <= x.Sessions[j-1].Half {
				probs.Errorf(schema.Root, schema.Pos{File: file}, RuleSchedule, "in the season from %02d-%02d, %s and %s overlap or are out of order",
					x.Month, x.Day, x.Sessions[j-1], x.Sessions[j])
			}
		}
	}
	slices.SortFunc(s.Seasons, func(a, b Season) int { return int(a.Month)*100 + a.Day - int(b.Month)*100 - b.Day })
	if len(s.Seasons) == 0 && !probs.HasErrors() {
		probs.Errorf(schema.Root, schema.Pos{File: file}, RuleSchedule, "the schedule has no hours")
	}
	probs.Sort()
	return s, probs
}

func monthDay(s string) (time.Month, int, error) {
	parts := strings.Split(strings.NewReplacer("月", "-", "日", "", "/", "-").Replace(s), "-")
	if len(parts) != 2 {
		return 0, 0, fmt.Errorf("attendance: %q is not MM-DD", s)
	}
	m, err1 := strconv.Atoi(parts[0])
	d, err2 := strconv.Atoi(parts[1])
	// 2020 is a leap year: 02-29 is a day of the year.
	if err1 != nil || err2 != nil || m < 1 || m > 12 || d < 1 || time.Date(2020, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() != d {
		return 0, 0, fmt.Errorf("attendance: %q is not MM-DD", s)
	}
	return time.Month(m), d, nil
}
