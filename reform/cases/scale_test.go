package cases_test

import (
	"bufio"
	"encoding/csv"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/zwfw/zwfw/matters/matterstest"
	"github.com/zwfw/zwfw/matters/workday"
	"github.com/zwfw/zwfw/reform/cases"
	"github.com/zwfw/zwfw/reform/cases/casestest"
)

var scale = flag.Int("scale", 100000, "records in the file BenchmarkScale reads")

// scaleFile writes a synthetic export of about n records into dir: a
// month of one city hall with n·5/6 cases accepted, as casestest
// generates it.
func scaleFile(b *testing.B, dir string, n int) (string, int64) {
	b.Helper()
	path := filepath.Join(dir, "cases.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	acc := n * 5 / 6
	if err := casestest.WriteCSV(f, casestest.Options{Accepted: acc, Completed: acc * 2 / 3, CarriedOver: n - acc}); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return path, fi.Size()
}

// measure runs read on the file at path, of size bytes, b.N times, and
// reports the CPU time an operation took, the records the last run read
// and, with heap, the most heap in use while one ran, in MiB (objects and
// unused heap spans: matterstest.PeakHeap).
func measure(b *testing.B, path string, size int64, heap bool, read func(f *os.File) int64) {
	b.SetBytes(size)
	var n int64
	var peak uint64
	once := func() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		n = read(f)
	}
	cpu := matterstest.CPUTime()
	for range b.N {
		if heap {
			peak = max(peak, matterstest.PeakHeap(once, true))
		} else {
			once()
		}
	}
	b.ReportMetric(float64(matterstest.CPUTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
	b.ReportMetric(float64(n), "records")
	if heap {
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	}
}

// BenchmarkScale reads the same synthetic export of -scale records three
// ways: a bare encoding/csv read that only counts the rows (the baseline),
// reform/cases decoding every record (timestamps, terms, limits), and
// decoding it with calendar notes and counting it into a month's tally
// with its roll-ups. Run it at -cpu 1,2 to see it on one core and two.
// Compare the two as a ratio in one run; on a shared machine compare the
// cpu-ms/op too (the CPU time of the whole process, every thread), which
// varies far less than wall time:
//
//	go test ./reform/cases -run='^$' -bench=Scale -benchmem -benchtime=1x -scale=10000000
func BenchmarkScale(b *testing.B) {
	path, size := scaleFile(b, b.TempDir(), *scale)
	april := cases.Month(2021, time.April)
	b.Run("bare-encoding-csv", func(b *testing.B) {
		measure(b, path, size, true, func(f *os.File) int64 {
			// As a user would write it: a buffered file, Read in a
			// loop, the record's slice reused (the strings are not).
			r := csv.NewReader(bufio.NewReader(f))
			r.ReuseRecord = true
			r.FieldsPerRecord = -1
			var rows int64
			for {
				_, err := r.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
				rows++
			}
			return rows - 1 // the header
		})
	})
	b.Run("cases-decode-only", func(b *testing.B) {
		measure(b, path, size, false, func(f *os.File) int64 {
			d := cases.NewDecoder(f, path, nil)
			for range d.Cases() {
			}
			n, _ := d.Counts()
			return n
		})
	})
	b.Run("cases-decode-and-tally", func(b *testing.B) {
		measure(b, path, size, true, func(f *os.File) int64 {
			d := cases.NewDecoder(f, path, &cases.DecodeOptions{Calendar: workday.China()})
			t := cases.NewTally(april, nil)
			for c := range d.Cases() {
				t.Add(c)
			}
			if d.Problems().Err() != nil {
				b.Fatal(d.Problems())
			}
			tot := t.Total()
			if tot.Accepted == 0 || len(t.Rows(cases.ByDepartment)) == 0 {
				b.Fatal("nothing counted")
			}
			n, _ := d.Counts()
			return n
		})
	})
}
