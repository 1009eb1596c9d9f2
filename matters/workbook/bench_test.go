package workbook

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"testing"

	"github.com/zwfw/zwfw/matters/matterstest"

	"github.com/xuri/excelize/v2"

	"github.com/zwfw/zwfw/matters"
)

// benchN is the number of rows BenchmarkRead200k reads.
var benchN = 200_000

func init() {
	if v := os.Getenv("WORKBOOK_BENCH_ROWS"); v != "" {
		benchN, _ = strconv.Atoi(v)
	}
}

var benchHeader = []string{"事项编码", "事项名称", "事项类型", "行使层级", "实施主体", "实施主体编码", "法定办结时限", "承诺办结时限", "办件类型", "到办事现场次数", "办理形式", "区划代码", "x-window"}

func benchRow(i int) []string {
	return []string{fmt.Sprintf("11510921MB1C71426G4%012d", i), fmt.Sprint("事项", i), "行政许可", "县级", "蓬溪县行政审批局",
		"11510921MB1C71426G", "20个工作日", fmt.Sprint(1+i%20, "工作日"), "承诺件", "0", "窗口办理、网上办理", "510921", fmt.Sprint(i%9, "号窗口")}
}

// manyRows writes a workbook of n matters (a title row, the header, the
// rows) with excelize's stream writer, and the same rows as CSV.
func manyRows(tb testing.TB, n int) (xlsx, csvText []byte) {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	var c bytes.Buffer
	row := func(r int, cells []string) {
		vs := make([]any, len(cells))
		for i, v := range cells {
			vs[i] = v
		}
		ref, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(ref, vs); err != nil {
			tb.Fatal(err)
		}
	}
	row(1, []string{"示例清单"})
	c.WriteString("示例清单\n")
	for i := 0; i <= n; i++ {
		cells := benchHeader
		if i > 0 {
			cells = benchRow(i)
		}
		row(i+2, cells)
		for j, v := range cells {
			if j > 0 {
				c.WriteByte(',')
			}
			c.WriteString(v)
		}
		c.WriteByte('\n')
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes(), c.Bytes()
}

// peakHeap returns the largest live heap seen while fn runs, in bytes.
func peakHeap(fn func()) uint64 { return matterstest.PeakHeap(fn, false) }

// BenchmarkRead200k reads 200,000 matters from a workbook and, as the
// baseline, the same rows from CSV. peak-heap-MB is the largest live heap
// seen while reading (the file's bytes, the catalogue built, one row);
// retained-MB is the heap held after reading, the catalogue itself. Run
// with -benchtime=1x: one read is several seconds.
func BenchmarkRead200k(b *testing.B) {
	n := benchN
	xlsx, csvText := manyRows(b, n)
	b.Logf("workbook %d bytes, CSV %d bytes", len(xlsx), len(csvText))
	for _, tt := range []struct {
		name string
		read func() *matters.Catalogue
	}{
		{"xlsx", func() *matters.Catalogue {
			c, err := Read(bytes.NewReader(xlsx), "many.xlsx")
			if err != nil {
				b.Fatal(err)
			}
			return c
		}},
		{"csv", func() *matters.Catalogue {
			c, err := matters.ReadCSV(bytes.NewReader(csvText), "many.csv", nil)
			if err != nil {
				b.Fatal(err)
			}
			return c
		}},
	} {
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			var peak, retained uint64
			for i := 0; i < b.N; i++ {
				var c *matters.Catalogue
				peak = max(peak, peakHeap(func() { c = tt.read() }))
				if len(c.Matters) != n {
					b.Fatalf("%d matters", len(c.Matters))
				}
				runtime.GC()
				s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
				metrics.Read(s)
				retained = s[0].Value.Uint64()
				runtime.KeepAlive(c)
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(retained)/(1<<20), "retained-MB")
		})
	}
}
