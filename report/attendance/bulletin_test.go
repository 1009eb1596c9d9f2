package attendance_test

import (
	"testing"

	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/report/attendance"
)

// Fill writes the records' figures into a bulletin that has none of the
// sections, and Compare then finds nothing; each stated figure changed
// is found at its path.
func TestFillAndCompare(t *testing.T) {
	_, m := april(t)
	b := &report.Bulletin{Period: report.Period{Year: 2021, Month: 4}, Issuer: "某局"}
	m.Fill(b, nil)
	if probs := b.Validate(nil); probs.HasErrors() {
		t.Fatalf("the filled bulletin has problems:\n%v", probs)
	}
	if d := m.Compare(b); len(d) != 0 {
		t.Fatalf("differences after Fill: %+v", d)
	}
	if n := len(b.Attachments); n != 1 || b.Attendance.Clock.Attachment != 1 || b.Attachments[0].Table == nil ||
		len(b.Attachments[0].Table.Rows) != len(m.People)+1 {
		t.Fatalf("attachment %+v, clock refers to %d", b.Attachments, b.Attendance.Clock.Attachment)
	}
	for _, tc := range []struct {
		name  string
		edit  func(b *report.Bulletin)
		paths []string
	}{
		{"a visit count", func(b *report.Bulletin) { b.Visits.Entries[7].Count = 1 },
			[]string{"/visits/entries/7/count"}},
		{"an official left out", func(b *report.Bulletin) { b.Visits.Entries = b.Visits.Entries[1:] },
			[]string{"/visits/entries"}},
		{"a leave kind", func(b *report.Bulletin) { b.Attendance.Leave.Kinds[0].Count++ },
			[]string{"/attendance/leave/kinds/0/count"}},
		{"a total (Fill states the totals)", func(b *report.Bulletin) { t := int64(305); b.Attendance.Leave.Total = &t },
			[]string{"/attendance/leave/total"}},
		{"the missed punches", func(b *report.Bulletin) { b.Attendance.Clock.Missed = 8 },
			[]string{"/attendance/clock/missed"}},
		{"a submission", func(b *report.Bulletin) { b.Submissions[0].Count = 2 },
			[]string{"/submissions/0/count"}},
		{"a section not stated is not compared", func(b *report.Bulletin) { b.Attendance = nil; b.Visits = nil },
			nil},
		{"an editorial bulletin, words without figures, states nothing to compare", func(b *report.Bulletin) {
			b.Visits.Entries, b.Visits.Total, b.Submissions = nil, nil, nil
			b.Attendance.Leave.Kinds, b.Attendance.Leave.Total = nil, nil
			*b.Attendance.Clock = report.Clock{Source: "APP"}
		}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := *b
			v := *b.Visits
			v.Entries = append([]report.Visit(nil), b.Visits.Entries...)
			c.Visits = &v
			a := *b.Attendance
			l := *a.Leave
			l.Kinds = append([]report.LeaveKind(nil), a.Leave.Kinds...)
			k := *a.Clock
			a.Leave, a.Clock = &l, &k
			c.Attendance = &a
			c.Submissions = append([]report.Submission(nil), b.Submissions...)
			tc.edit(&c)
			var got []string
			for _, d := range m.Compare(&c) {
				got = append(got, d.Path.String())
			}
			if len(got) != len(tc.paths) {
				t.Fatalf("differences at %v, want %v", got, tc.paths)
			}
			for i := range got {
				if got[i] != tc.paths[i] {
					t.Errorf("difference %d at %s, want %s", i, got[i], tc.paths[i])
				}
			}
		})
	}
}

func TestMonthProblems(t *testing.T) {
	for _, tc := range []struct {
		name   string
		roster string
		leave  string
		period report.Period
		want   []found
	}{
		{
			name:   "one staff id twice in overlapping periods",
			roster: "姓名,工号,派驻单位,起始日期,截止日期\n甲,A1,市公安局,2020-01-01,\n甲,A1,市公安局,2021-01-01,2021-06-30\n",
			period: report.Period{Year: 2021, Month: 4},
			want:   []found{{attendance.RuleDuplicateStaff, "/rows/1/name", 3}},
		},
		{
			name:   "a name two people share, given without the id",
			roster: "姓名,工号,派驻单位\n甲,A1,市公安局\n甲,A2,市税务局\n",
			leave:  "姓名,假别,开始日期,结束日期\n甲,病假,2021-04-07,2021-04-07\n",
			period: report.Period{Year: 2021, Month: 4},
			want:   []found{{attendance.RuleAmbiguousPerson, "/rows/0/name", 2}},
		},
		{
			name:   "a year the calendar does not know",
			roster: "姓名,派驻单位\n甲,市公安局\n",
			period: report.Period{Year: 2040, Month: 4},
			want:   []found{{attendance.RuleCalendar, "", 0}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var probs []found
			staff, all := attendance.ReadRoster(stringsReader(tc.roster), "roster.csv")
			recs := &attendance.Records{Roster: staff, Calendar: attendance.Official()}
			if tc.leave != "" {
				leave, more := attendance.ReadLeave(stringsReader(tc.leave), "leave.csv")
				recs.Leave = leave
				all.Append(more)
			}
			_, more := recs.Month(tc.period)
			all.Append(more)
			for _, p := range all {
				probs = append(probs, found{p.Rule, p.Path.String(), p.Pos.Line})
			}
			if len(probs) != len(tc.want) {
				t.Fatalf("problems %v, want %v\n%v", probs, tc.want, all)
			}
			for i := range probs {
				if probs[i] != tc.want[i] {
					t.Errorf("problem %+v, want %+v", probs[i], tc.want[i])
				}
			}
		})
	}
}
