package attendance_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/report/attendance"
	"github.com/zwfw/zwfw/schema"
)

// seed adds the first lines of a committed record file, and a few broken
// forms of it.
func seed(f *testing.F, name string) {
	b, err := os.ReadFile(filepath.Join(recordsDir, name))
	if err != nil {
		f.Fatal(err)
	}
	if i := bytes.IndexByte(b[min(len(b), 400):], '\n'); i >= 0 {
		b = b[:min(len(b), 400)+i+1]
	}
	f.Add(b)
	f.Add(append([]byte("\xef\xbb\xbf"), b...))
	f.Add(bytes.ReplaceAll(b, []byte(","), []byte(",\"")))
	f.Add(b[:len(b)/2])
}

// Every reader returns located problems and never panics; what it reads
// is counted without panic on the official calendar.
func FuzzReaders(f *testing.F) {
	for _, n := range []string{attendance.FileRoster, attendance.FileLeave, attendance.FilePunches, attendance.FileVisits,
		attendance.FileSubmissions, attendance.FileSchedule, attendance.FileLeaveKinds} {
		seed(f, n)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		check := func(probs schema.List) {
			for _, p := range probs {
				if p.Rule == "" || p.Pos.File == "" {
					t.Errorf("problem without rule or file: %v", p)
				}
			}
		}
		recs := &attendance.Records{Calendar: attendance.Official()}
		var probs schema.List
		recs.Roster, probs = attendance.ReadRoster(bytes.NewReader(data), "f.csv")
		check(probs)
		recs.Leave, probs = attendance.ReadLeave(bytes.NewReader(data), "f.csv")
		check(probs)
		recs.Punches, probs = attendance.ReadPunches(bytes.NewReader(data), "f.csv")
		check(probs)
		recs.Visits, probs = attendance.ReadVisits(bytes.NewReader(data), "f.csv")
		check(probs)
		recs.Submissions, probs = attendance.ReadSubmissions(bytes.NewReader(data), "f.csv")
		check(probs)
		recs.Schedule, probs = attendance.ReadSchedule(bytes.NewReader(data), "f.csv")
		check(probs)
		_, probs = attendance.ReadCalendar(bytes.NewReader(data), "f.csv")
		check(probs)
		_, _, probs = attendance.ReadLeaveKinds(bytes.NewReader(data), "f.csv")
		check(probs)
		if recs.Schedule == nil {
			recs.Schedule = &attendance.Schedule{}
		}
		recs.Month(report.Period{Year: 2021, Month: 4})
	})
}
