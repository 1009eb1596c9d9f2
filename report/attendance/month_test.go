package attendance_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/report/attendance"
	"github.com/zwfw/zwfw/schema"
)

// One person, the hall's winter hours, April 2021 on the official
// calendar (清明 4/3–4/5 off; Sunday 4/25 worked).
const (
	roster   = "姓名,工号,派驻单位,起始日期\n甲,A1,市公安局,2020-01-01\n乙,B2,市税务局,2021-05-06\n"
	schedule = "起始,时段,上班,下班\n10-01,上午,09:00,12:00\n10-01,下午,13:30,17:30\n05-01,上午,09:00,12:00\n05-01,下午,14:30,18:00\n"
)

// day writes the four punches of a normal day of 甲.
func day(d string) string {
	return "甲,," + d + " 08:50,上班\n甲,," + d + " 12:01,下班\n甲,," + d + " 13:20,上班\n甲,," + d + " 17:31,下班\n"
}

// counted reads records of 甲 and 乙 in April 2021 and counts them. 乙
// joins in May: only 甲 is counted.
func counted(t *testing.T, files map[string]string) (*attendance.Month, schema.List) {
	t.Helper()
	fsys := fstest.MapFS{"r/roster.csv": {Data: []byte(roster)}, "r/schedule.csv": {Data: []byte(schedule)}}
	for n, s := range files {
		fsys["r/"+n] = &fstest.MapFile{Data: []byte(s)}
	}
	recs, probs := attendance.LoadFS(fsys, "r")
	if probs.HasErrors() {
		return nil, probs
	}
	m, more := recs.Month(report.Period{Year: 2021, Month: 4})
	probs.Append(more)
	return m, probs
}

// allDays writes 甲's punches for every working day of April 2021 except
// those listed.
func allDays(except ...string) string {
	var b strings.Builder
	b.WriteString("姓名,工号,打卡时间,打卡类型\n")
	for d := 1; d <= 30; d++ {
		ds := "2021-04-" + two(d)
		skip := false
		for _, e := range except {
			skip = skip || e == ds
		}
		if skip {
			continue
		}
		b.WriteString(day(ds))
	}
	return b.String()
}

func two(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

func TestCounting(t *testing.T) {
	const leaveHead = "姓名,假别,开始日期,开始时段,结束日期,结束时段\n"
	for _, tc := range []struct {
		name  string
		files map[string]string
		// leave 人次 and half days of the one kind, late, early, missed, field
		leave, halves, late, early, missed, field int64
	}{
		{
			name:  "punches every day, weekends and the holiday included, count nothing",
			files: map[string]string{"punches.csv": allDays()},
		},
		{
			name:   "no punch on the make-up working day, Sunday 4/25, is four missed punches",
			files:  map[string]string{"punches.csv": allDays("2021-04-25")},
			missed: 4,
		},
		{
			name:  "no punch on the holiday 4/5 is nothing",
			files: map[string]string{"punches.csv": allDays("2021-04-05")},
		},
		{
			name:   "leave covering a missing day: one 人次, two half days, nothing missed",
			files:  map[string]string{"punches.csv": allDays("2021-04-07"), "leave.csv": leaveHead + "甲,病假,2021-04-07,上午,2021-04-07,下午\n"},
			leave:  1,
			halves: 2,
		},
		{
			name:   "a half day's leave covers its half only: the afternoon's two punches are missed",
			files:  map[string]string{"punches.csv": allDays("2021-04-07"), "leave.csv": leaveHead + "甲,事假,2021-04-07,上午,2021-04-07,上午\n"},
			leave:  1,
			halves: 1,
			missed: 2,
		},
		{
			name:   "leave from an afternoon to the next morning is two half days, one 人次",
			files:  map[string]string{"punches.csv": allDays("2021-04-07", "2021-04-08"), "leave.csv": leaveHead + "甲,事假,2021-04-07,下午,2021-04-08,上午\n"},
			leave:  1,
			halves: 2,
			missed: 4,
		},
		{
			name:   "leave across the month's end counts in April for its April working days",
			files:  map[string]string{"punches.csv": allDays("2021-04-29", "2021-04-30"), "leave.csv": leaveHead + "甲,婚假,2021-04-29,上午,2021-05-10,下午\n"},
			leave:  1,
			halves: 4,
		},
		{
			name:   "leave across the month's start counts in April for its April working days",
			files:  map[string]string{"punches.csv": allDays("2021-04-01"), "leave.csv": leaveHead + "甲,年休假,2021-03-30,上午,2021-04-01,下午\n"},
			leave:  1,
			halves: 2,
		},
		{
			name:  "leave over the holiday alone covers no working day and counts nothing",
			files: map[string]string{"punches.csv": allDays(), "leave.csv": leaveHead + "甲,事假,2021-04-03,上午,2021-04-05,下午\n"},
		},
		{
			name:   "a kind named by an alias the bureau declares counts as its kind",
			files:  map[string]string{"punches.csv": allDays("2021-04-07"), "leave-kinds.csv": "假别,别名\n个人私事假,事假\n", "leave.csv": leaveHead + "甲,事假,2021-04-07,上午,2021-04-07,下午\n"},
			leave:  1,
			halves: 2,
		},
		{
			name:  "leave of March counts nothing in April",
			files: map[string]string{"punches.csv": allDays(), "leave.csv": leaveHead + "甲,病假,2021-03-10,上午,2021-03-12,下午\n"},
		},
		{
			name:   "leave on the make-up Sunday counts",
			files:  map[string]string{"punches.csv": allDays("2021-04-25"), "leave.csv": leaveHead + "甲,调休假,2021-04-25,上午,2021-04-25,下午\n"},
			leave:  1,
			halves: 2,
		},
		{
			name: "a calendar the bureau declares (4/6 off) replaces the official one",
			files: map[string]string{"punches.csv": allDays("2021-04-06"),
				"calendar.csv": "日期,安排\n2021-04-03,休\n2021-04-04,休\n2021-04-05,休\n2021-04-06,休\n2021-04-25,班\n"},
		},
		{
			name:  "a punch at 09:00:59 is on time (minutes count), 09:01 is late, 17:29 early",
			files: map[string]string{"punches.csv": allDays("2021-04-07") + "甲,,2021-04-07 09:00:59,上班\n甲,,2021-04-07 12:00,下班\n甲,,2021-04-07 13:31,上班\n甲,,2021-04-07 17:29,下班\n"},
			late:  1,
			early: 1,
		},
		{
			name:  "the first 上班 punch counts, the last 下班",
			files: map[string]string{"punches.csv": allDays() + "甲,,2021-04-07 09:10,上班\n甲,,2021-04-07 11:30,下班\n"},
		},
		{
			name:  "a field punch stands for its session",
			files: map[string]string{"punches.csv": allDays("2021-04-07") + "甲,,2021-04-07 10:00,外勤\n甲,,2021-04-07 13:20,上班\n甲,,2021-04-07 17:40,下班\n"},
			field: 1,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, probs := counted(t, tc.files)
			if probs.HasErrors() || m == nil {
				t.Fatalf("problems:\n%v", probs)
			}
			var leave, halves int64
			for _, k := range m.Leave {
				leave += k.Count
				halves += k.HalfDays
			}
			got := [6]int64{leave, halves, m.Late, m.Early, m.Missed, m.Field}
			want := [6]int64{tc.leave, tc.halves, tc.late, tc.early, tc.missed, tc.field}
			if got != want {
				t.Errorf("leave, half days, late, early, missed, field = %v, want %v", got, want)
			}
		})
	}
}

type found struct {
	rule schema.Rule
	path string
	line int
}

func TestProblems(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []found
	}{
		{
			name:  "a punch of someone not on the roster is reported once and left out",
			files: map[string]string{"punches.csv": allDays() + "丙,,2021-04-07 09:00,上班\n丙,,2021-04-07 12:00,下班\n"},
			want:  []found{{attendance.RuleUnknownPerson, "/rows/120/name", 122}},
		},
		{
			name:  "leave of someone not on the roster",
			files: map[string]string{"leave.csv": "姓名,假别,开始日期,结束日期\n丁,病假,2021-04-07,2021-04-07\n"},
			want:  []found{{attendance.RuleUnknownPerson, "/rows/0/name", 2}},
		},
		{
			name:  "a kind the bureau does not declare",
			files: map[string]string{"leave-kinds.csv": "假别\n病假\n", "leave.csv": "姓名,假别,开始日期,结束日期\n甲,事假,2021-04-07,2021-04-07\n"},
			want:  []found{{attendance.RuleUnknownLeaveKind, "/rows/0/kind", 2}},
		},
		{
			name:  "a kind named by its alias counts as the kind; an alias that names a kind is refused",
			files: map[string]string{"leave-kinds.csv": "假别,别名\n个人私事假,事假、私事假\n病假,私事假\n", "leave.csv": "姓名,假别,开始日期,结束日期\n甲,事假,2021-04-07,2021-04-07\n"},
			want:  []found{{attendance.RuleValue, "/rows/1/aliases", 3}},
		},
		{
			name:  "leave that ends before it starts",
			files: map[string]string{"leave.csv": "姓名,假别,开始日期,结束日期\n甲,病假,2021-04-07,2021-04-06\n"},
			want:  []found{{attendance.RuleDateOrder, "/rows/0/to", 2}},
		},
		{
			name:  "a date that is no date, a half that is none",
			files: map[string]string{"leave.csv": "姓名,假别,开始日期,开始时段,结束日期\n甲,病假,2021-02-30,上午,2021-04-06\n甲,病假,2021-04-06,中午,2021-04-06\n"},
			want:  []found{{attendance.RuleValue, "/rows/0/from", 2}, {attendance.RuleValue, "/rows/1/fromHalf", 3}},
		},
		{
			name:  "overlapping leave counts each half day once",
			files: map[string]string{"leave.csv": "姓名,假别,开始日期,结束日期\n甲,病假,2021-04-07,2021-04-08\n甲,事假,2021-04-08,2021-04-08\n"},
			want:  []found{{attendance.RuleLeaveOverlap, "/rows/1", 3}},
		},
		{
			name:  "a punch file without its time column",
			files: map[string]string{"punches.csv": "姓名,类型\n甲,上班\n"},
			want:  []found{{attendance.RuleMissingColumn, "/header", 1}},
		},
		{
			name:  "a punch kind that is none, a time that is none",
			files: map[string]string{"punches.csv": "姓名,打卡时间,打卡类型\n甲,2021-04-07 09:00,午休\n甲,2021-04-07 25:00,上班\n"},
			want:  []found{{attendance.RuleValue, "/rows/0/kind", 2}, {attendance.RuleValue, "/rows/1/time", 3}},
		},
		{
			name:  "a row that is not CSV",
			files: map[string]string{"visits.csv": "日期,部门,姓名\n2021-04-07,\"市水利局,张三\n"},
			want:  []found{{attendance.RuleSyntax, "/rows/0", 2}},
		},
		{
			name:  "UTF-16 is refused",
			files: map[string]string{"submissions.csv": "\xff\xfe\x00\x00"},
			want:  []found{{attendance.RuleEncoding, "", 1}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, probs := counted(t, tc.files)
			var got []found
			for _, p := range probs {
				got = append(got, found{p.Rule, p.Path.String(), p.Pos.Line})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("problems:\n%v\nwant %v", probs, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("problem %d: %+v, want %+v\n%v", i, got[i], tc.want[i], probs[i])
				}
			}
		})
	}
}

// GB18030, as Excel on Chinese Windows saves, reads as UTF-8 does.
func TestGB18030(t *testing.T) {
	gb := []byte{0xd0, 0xd5, 0xc3, 0xfb, ',', 0xc5, 0xc9, 0xd7, 0xa4, 0xb5, 0xa5, 0xce, 0xbb, '\n', 0xbc, 0xd7, ',', 0xca, 0xd0, 0xb9, 0xab, 0xb0, 0xb2, 0xbe, 0xd6, '\n'}
	staff, probs := attendance.ReadRoster(strings.NewReader(string(gb)), "roster.csv")
	if len(probs) > 0 || len(staff) != 1 || staff[0].Name != "甲" || staff[0].Department != "市公安局" {
		t.Errorf("read %+v, problems %v", staff, probs)
	}
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

func TestScheduleSeasons(t *testing.T) {
	s, probs := attendance.ReadSchedule(strings.NewReader(schedule), "schedule.csv")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for _, tc := range []struct {
		name, day, afternoon string
	}{
		{"winter hours in April", "2021-04-30", "下午 13:30–17:30"},
		{"summer hours from 05-01", "2021-05-01", "下午 14:30–18:00"},
		{"summer hours to the end of September", "2021-09-30", "下午 14:30–18:00"},
		{"winter hours from 10-01", "2021-10-01", "下午 13:30–17:30"},
		{"winter hours in January: the last season runs into the new year", "2021-01-04", "下午 13:30–17:30"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := time.Parse(time.DateOnly, tc.day)
			if err != nil {
				t.Fatal(err)
			}
			ss := s.On(d)
			if len(ss) != 2 || ss[1].String() != tc.afternoon {
				t.Errorf("sessions %v, want the afternoon %s", ss, tc.afternoon)
			}
		})
	}
}

// Headers are read under their aliases, and cells in any order.
func TestHeaderAliases(t *testing.T) {
	leave, probs := attendance.ReadLeave(strings.NewReader("截止日期,请假类型,起始日期,请假人,备注\n2021-04-08,病假,2021/4/7,甲,感冒\n"), "leave.csv")
	if len(leave) != 1 || leave[0].Name != "甲" || leave[0].Kind != "病假" || leave[0].From.Day() != 7 || leave[0].To.Day() != 8 {
		t.Errorf("read %+v", leave)
	}
	if len(probs) != 1 || probs[0].Rule != attendance.RuleHeader || probs[0].Severity != schema.Warning || probs[0].Path.String() != "/header/4" {
		t.Errorf("problems %v, want one warning: column 备注 is not read", probs)
	}
}

// A file longer than the row limit is read up to it and reported.
func TestMaxRows(t *testing.T) {
	defer attendance.SetMaxRows(3)()
	subs, probs := attendance.ReadSubmissions(strings.NewReader("部门,日期\n甲,2021-04-01\n乙,2021-04-01\n丙,2021-04-01\n丁,2021-04-01\n"), "s.csv")
	if len(subs) != 3 || len(probs) != 1 || probs[0].Rule != attendance.RuleSyntax || probs[0].Pos.Line != 5 {
		t.Errorf("read %d rows, problems %v", len(subs), probs)
	}
}
