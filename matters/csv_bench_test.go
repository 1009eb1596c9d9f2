package matters

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// csvRows is a spreadsheet of n matters in the canonical layout, made up
// row by row as it is read.
type csvRows struct {
	n, i int
	buf  bytes.Buffer
}

func (r *csvRows) Read(p []byte) (int, error) {
	for r.buf.Len() < len(p) && r.i <= r.n {
		if r.i == 0 {
			r.buf.WriteString("事项编码,事项名称,事项类型,行使层级,实施主体,实施主体编码,法定办结时限,承诺办结时限,办件类型,到办事现场次数,办理形式,区划代码,x-window\n")
		} else {
			fmt.Fprintf(&r.buf, "11510921MB1C71426G4%012d,事项%d,行政许可,县级,蓬溪县行政审批局,11510921MB1C71426G,20个工作日,%d工作日,承诺件,0,窗口办理^网上办理,510921,%d号窗口\n",
				r.i, r.i, 1+r.i%20, r.i%9)
		}
		r.i++
	}
	if r.buf.Len() == 0 {
		return 0, io.EOF
	}
	return r.buf.Read(p)
}

// TestCSVMany reads a large spreadsheet from a stream: every row becomes
// a matter, each checked.
func TestCSVMany(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	const n = 50_000
	cat, probs := readCSV(&csvRows{n: n}, "many.csv", nil)
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs[:min(len(probs), 5)])
	}
	if len(cat.Matters) != n || cat.Matters[n-1].Name != fmt.Sprint("事项", n) {
		t.Fatalf("%d matters", len(cat.Matters))
	}
}

func BenchmarkReadCSV(b *testing.B) {
	var in bytes.Buffer
	io.Copy(&in, &csvRows{n: 10_000})
	b.SetBytes(int64(in.Len()))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		cat, _ := readCSV(bytes.NewReader(in.Bytes()), "bench.csv", nil)
		if len(cat.Matters) != 10_000 {
			b.Fatal(len(cat.Matters))
		}
	}
}

func BenchmarkWriteCSV(b *testing.B) {
	cat, _ := readCSV(&csvRows{n: 10_000}, "bench.csv", nil)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := cat.WriteCSV(io.Discard, nil); err != nil {
			b.Fatal(err)
		}
	}
}
