package attendance_test

import (
	"os"
	"testing"

	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/report/attendance"
)

// BenchmarkApril2021 reads the committed April 2021 records (72 staff,
// 5,600 punches) and counts the month; BenchmarkCount counts records
// already read. Compare them as ratios in one run.
func BenchmarkApril2021(b *testing.B) {
	fsys := os.DirFS(recordsDir)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		recs, probs := attendance.LoadFS(fsys, ".")
		if probs.HasErrors() {
			b.Fatal(probs)
		}
		if _, probs := recs.Month(report.Period{Year: 2021, Month: 4}); probs.HasErrors() {
			b.Fatal(probs)
		}
	}
}

func BenchmarkCount(b *testing.B) {
	recs, probs := attendance.LoadFS(os.DirFS(recordsDir), ".")
	if probs.HasErrors() {
		b.Fatal(probs)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, probs := recs.Month(report.Period{Year: 2021, Month: 4}); probs.HasErrors() {
			b.Fatal(probs)
		}
	}
}
