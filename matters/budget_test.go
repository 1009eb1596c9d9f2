package matters_test

import (
	"bufio"
	"bytes"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/matterstest"
	"github.com/zwfw/zwfw/schema"
)

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// A catalogue of 400 MB on one line, generated as it is read and never
// kept, streams through the decoder in bounded memory: the peak of the
// heap stays far below the document. Each matter carries a 64 KiB note (an
// x- extension), so that the test reads 400 MB in a few thousand matters.
func TestOneLineCatalogueBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a 400 MB document; skipped with -short")
	}
	size := 400 << 20
	if raceEnabled {
		size = 40 << 20 // the race detector makes every byte ten times dearer
	}
	note := strings.Repeat("办", 64<<10/3)
	n := size / len(note)
	var syn bytes.Buffer
	if err := matterstest.WriteSynthetic(&syn, matterstest.GenerateOptions{Matters: n}); err != nil {
		t.Fatal(err)
	}
	// The generator writes a line per matter: give each its note, and
	// write the document without a line break.
	lines := strings.Split(strings.TrimSpace(syn.String()), "\n")
	open := func() *io.PipeReader {
		pr, pw := io.Pipe()
		go func() {
			bw := bufio.NewWriterSize(pw, 1<<20)
			for _, l := range lines {
				if strings.HasPrefix(l, `{"code"`) {
					bw.WriteString(`{"x-note":"` + note + `",`)
					bw.WriteString(l[1:])
				} else {
					bw.WriteString(l)
				}
			}
			pw.CloseWithError(bw.Flush())
		}()
		return pr
	}
	t.Run("as JSON", func(t *testing.T) {
		pr := open()
		defer pr.Close()
		in := &countingReader{r: pr}
		count, errors := 0, 0
		peak := peakHeap(func() {
			d := matters.NewDecoder(in, "one-line.json", &matters.DecodeOptions{OnProblem: func(p *schema.Problem) {
				if p.Severity == schema.Error {
					errors++
					if errors < 5 {
						t.Error(p)
					}
				}
			}})
			for range d.Matters() {
				count++
			}
		})
		if count != n || errors > 0 {
			t.Errorf("%d matters, %d errors; want %d, 0", count, errors, n)
		}
		if in.n < int64(size) {
			t.Errorf("read %d bytes, want %d or more", in.n, size)
		}
		t.Logf("%d bytes on one line, %d matters, peak heap %d MiB", in.n, count, peak>>20)
		if limit := uint64(128 << 20); peak > limit {
			t.Errorf("peak heap %d MiB, want under %d MiB", peak>>20, limit>>20)
		}
	})
	// Named .yaml, the same text is one line of YAML in flow style, which
	// yaml.v3 could only parse whole: it is refused once the line passes
	// the budget, in memory bounded by it.
	t.Run("as YAML", func(t *testing.T) {
		pr := open()
		defer pr.Close()
		in := &countingReader{r: pr}
		var probs schema.List
		peak := peakHeap(func() {
			d := matters.NewDecoder(in, "one-line.yaml", nil)
			for range d.Matters() {
			}
			probs = d.Problems()
		})
		if len(probs) != 1 || probs[0].Rule != schema.RuleTooLarge || probs[0].Pos.Line != 1 {
			t.Errorf("problems %v, want one located %s", probs, schema.RuleTooLarge)
		}
		t.Logf("read %d bytes, peak heap %d MiB", in.n, peak>>20)
		if limit := uint64(8*schema.MaxYAMLText + 32<<20); peak > limit {
			t.Errorf("peak heap %d MiB, want under %d MiB", peak>>20, limit>>20)
		}
	})
}

// peakHeap runs f and returns the most heap in use while it ran, sampled
// every millisecond.
func peakHeap(f func()) uint64 { return matterstest.PeakHeap(f, false) }

// panicReader panics on its first read, as a faulty io.Reader may.
type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("faulty reader") }

// No input makes the decoder panic where its caller cannot recover: a nil
// reader is a problem, and a panic on the reading goroutine becomes one.
func TestDecoderNeverPanics(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2)) // the reading goroutine runs with two CPUs
	tests := []struct {
		name string
		run  func() schema.List
		rule schema.Rule
	}{
		{"NewDecoder(nil)", func() schema.List {
			d := matters.NewDecoder(nil, "a.yaml", nil)
			for range d.Matters() {
			}
			return d.Problems()
		}, matters.RuleRead},
		{"Load(nil)", func() schema.List { _, err := matters.Load(nil, "a.yaml"); return schema.Problems(err) }, matters.RuleRead},
		{"a reader that panics on the reading goroutine", func() schema.List {
			head := "kind: Catalogue\n" + strings.Repeat("# a comment line\n", 1024)
			d := matters.NewDecoder(io.MultiReader(strings.NewReader(head), panicReader{}), "a.yaml", nil)
			for range d.Matters() {
			}
			return d.Problems()
		}, schema.RuleInternal},
		{"a JSON reader that panics", func() schema.List {
			head := `{"kind": "Catalogue", "matters": [` + strings.Repeat(" ", 1<<16)
			d := matters.NewDecoder(io.MultiReader(strings.NewReader(head), panicReader{}), "a.json", nil)
			for range d.Matters() {
			}
			return d.Problems()
		}, schema.RuleInternal},
		{"a reader that panics at once", func() schema.List {
			d := matters.NewDecoder(io.MultiReader(strings.NewReader("kind: Catalogue\n"), panicReader{}), "a.yaml", nil)
			for range d.Matters() {
			}
			return d.Problems()
		}, schema.RuleInternal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			probs := tt.run()
			if len(probs) != 1 || probs[0].Rule != tt.rule {
				t.Errorf("problems %v, want one %s", probs, tt.rule)
			}
		})
	}
}
