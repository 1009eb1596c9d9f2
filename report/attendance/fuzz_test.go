package attendance_test

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"

	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/report/attendance"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

// seed adds the first lines of a committed record file, and a few broken
// forms of it.
func seed(f *testing.F, name string) {
	b := schematest.ReadFile(f, filepath.Join(recordsDir, name))
	if i := bytes.IndexByte(b[min(len(b), 400):], '\n'); i >= 0 {
		b = b[:min(len(b), 400)+i+1]
	}
	f.Add(b)
	f.Add(append([]byte("\xef\xbb\xbf"), b...))
	f.Add(bytes.ReplaceAll(b, []byte(","), []byte(",\"")))
	f.Add(b[:len(b)/2])
}

// located reads data with read and checks that every problem it reports
// has a rule and a file.
func located[T any](t *testing.T, read func(io.Reader, string) (T, schema.List), data []byte) T {
	t.Helper()
	v, probs := read(bytes.NewReader(data), "f.csv")
	for _, p := range probs {
		if p.Rule == "" || p.Pos.File == "" {
			t.Errorf("problem without rule or file: %v", p)
		}
	}
	return v
}

// Every reader returns located problems and never panics; what it reads
// is counted without panic on the official calendar.
func FuzzReaders(f *testing.F) {
	for _, n := range []string{attendance.FileRoster, attendance.FileLeave, attendance.FilePunches, attendance.FileVisits,
		attendance.FileSubmissions, attendance.FileSchedule, attendance.FileLeaveKinds} {
		seed(f, n)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		recs := &attendance.Records{Calendar: attendance.Official()}
		recs.Roster = located(t, attendance.ReadRoster, data)
		recs.Leave = located(t, attendance.ReadLeave, data)
		recs.Punches = located(t, attendance.ReadPunches, data)
		recs.Visits = located(t, attendance.ReadVisits, data)
		recs.Submissions = located(t, attendance.ReadSubmissions, data)
		recs.Schedule = located(t, attendance.ReadSchedule, data)
		located(t, attendance.ReadCalendar, data)
		located(t, func(r io.Reader, file string) ([]string, schema.List) {
			k, _, probs := attendance.ReadLeaveKinds(r, file)
			return k, probs
		}, data)
		if recs.Schedule == nil {
			recs.Schedule = &attendance.Schedule{}
		}
		recs.Month(report.Period{Year: 2021, Month: 4})
	})
}
