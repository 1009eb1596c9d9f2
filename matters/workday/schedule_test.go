package workday

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/zwfw/zwfw/schema"
)

func TestParseSchedulesProblems(t *testing.T) {
	tests := []struct {
		file string
		rule schema.Rule
		path string
		line int
	}{
		{"bad-workday-weekday.yaml", RuleWorkday, "/years/0/holidays/0/workdays/0", 7},
		{"bad-conflict.yaml", RuleConflict, "/years/0/holidays/0/workdays/0", 7},
		{"bad-date.yaml", RuleDate, "/years/0/holidays/0/to", 7},
		{"bad-backwards.yaml", RuleDate, "/years/0/holidays/0/to", 7},
		{"bad-year.yaml", RuleYear, "/years/0/holidays/0/from", 7},
		{"bad-duplicate-year.yaml", RuleYear, "/years/1/year", 7},
		{"bad-unknown-key.yaml", RuleUnknownKey, "/years/0/holidays/0/until", 7},
		{"bad-kind.yaml", RuleKind, "/kind", 1},
		{"bad-syntax.yaml", "syntax.invalid", "", 2},
		{"bad-long.yaml", RuleLongHoliday, "/years/0/holidays/0/to", 7},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			ss, probs := LoadSchedules(filepath.Join("testdata", tt.file))
			if probs.Err() == nil {
				t.Fatalf("no error; schedules %v", ss)
			}
			for _, p := range probs {
				if p.Rule == tt.rule && (tt.path == "" || p.Path.String() == tt.path) && (tt.line == 0 || p.Pos.Line == tt.line) {
					return
				}
			}
			t.Errorf("want (%s, %s) at line %d; got:\n%v", tt.rule, tt.path, tt.line, probs)
		})
	}
}

func TestLoadNextYear(t *testing.T) {
	ss, probs := LoadSchedules(filepath.Join("testdata", "valid-2027.yaml"))
	if probs.Err() != nil {
		t.Fatal(probs)
	}
	if _, err := China().IsWorkday(MustParseDate("2027-02-14")); !errors.Is(err, ErrUnknownYear) {
		t.Fatalf("before loading 2027: err = %v, want ErrUnknownYear", err)
	}
	c, err := China().With(ss...)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		date string
		want bool
	}{
		{"2027-02-14", true},  // a Sunday declared worked
		{"2027-02-08", false}, // a Monday of 春节
		{"2027-03-01", true},
		{"2026-12-31", true}, // 2026 still answers
	}
	for _, tt := range tests {
		t.Run(tt.date, func(t *testing.T) {
			got, err := c.IsWorkday(MustParseDate(tt.date))
			if err != nil || got != tt.want {
				t.Errorf("IsWorkday(%s) = %v, %v; want %v", tt.date, got, err, tt.want)
			}
		})
	}
	if _, err := China().With(China().Schedules()[2]); err == nil {
		t.Error("adding 2021 twice: no error")
	}
}

func TestChinaRoundTrip(t *testing.T) {
	// The embedded text is what a bureau copies: it must parse as is and
	// cite a notice for every year.
	ss, probs := ParseSchedules("china.yaml", ChinaSchedules())
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	for _, s := range ss {
		if len(s.Notices) == 0 || s.Notices[0].Title == "" || s.Notices[0].Date.IsZero() {
			t.Errorf("%d: no notice cited", s.Year)
		}
	}
	if b, err := os.ReadFile("china.yaml"); err != nil || string(b) != string(ChinaSchedules()) {
		t.Errorf("ChinaSchedules differs from china.yaml")
	}
}
