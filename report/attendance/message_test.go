package attendance_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/report/attendance"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

// TestProblemsInChinese renders problems of reading and of the calendar in
// Chinese: each is written in Chinese, with no English sentence left.
func TestProblemsInChinese(t *testing.T) {
	first := func(t *testing.T, probs schema.List, rule schema.Rule) *schema.Problem {
		t.Helper()
		for _, p := range probs {
			if p.Rule == rule {
				return p
			}
		}
		t.Fatalf("no problem of rule %s; got:\n%v", rule, probs)
		return nil
	}
	month := func(t *testing.T, cal attendance.Calendar, year int) schema.List {
		t.Helper()
		recs, probs := attendance.LoadFS(fstest.MapFS{"r/roster.csv": {Data: []byte(roster)}, "r/schedule.csv": {Data: []byte(schedule)}}, "r")
		if probs.HasErrors() {
			t.Fatal(probs)
		}
		recs.Calendar = cal
		_, probs = recs.Month(report.Period{Year: year, Month: 4})
		return probs
	}
	for _, tc := range []struct {
		name  string
		rule  schema.Rule
		probs func(t *testing.T) schema.List
	}{
		{"a roster that is not there", attendance.RuleRead, func(t *testing.T) schema.List {
			_, probs := attendance.LoadFS(fstest.MapFS{}, "r")
			return probs
		}},
		{"UTF-16", attendance.RuleEncoding, func(t *testing.T) schema.List {
			_, probs := counted(t, map[string]string{"submissions.csv": "\xff\xfe\x00\x00"})
			return probs
		}},
		{"a punch kind that is none", attendance.RuleValue, func(t *testing.T) schema.List {
			_, probs := counted(t, map[string]string{"punches.csv": "姓名,打卡时间,打卡类型\n甲,2021-04-07 09:00,午休\n"})
			return probs
		}},
		{"a row that is not CSV", attendance.RuleSyntax, func(t *testing.T) schema.List {
			_, probs := counted(t, map[string]string{"visits.csv": "日期,部门,姓名\n2021-04-07,\"市水利局,张三\n"})
			return probs
		}},
		{"a year the declared calendar does not hold", attendance.RuleCalendar, func(t *testing.T) schema.List {
			return month(t, attendance.NewDeclared(nil, nil), 2021)
		}},
		{"a year the official calendar does not hold", attendance.RuleCalendar, func(t *testing.T) schema.List {
			return month(t, attendance.Official(), 2041)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := first(t, tc.probs(t), tc.rule)
			schematest.InChinese(t, "the problem", p.Text(schema.Chinese))
			if line := schema.NewPrinter(schema.Chinese).Problem(p); !strings.HasSuffix(line, " ["+string(tc.rule)+"]") {
				t.Errorf("in Chinese, %q does not end in its rule", line)
			}
			schematest.InEnglish(t, "the problem", p.Text(schema.English))
		})
	}
}
