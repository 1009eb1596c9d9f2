package matters

import (
	"bytes"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/problemtest"
	"github.com/zwfw/zwfw/schema/schematest"
)

func sampleJSON(t *testing.T) []byte {
	t.Helper()
	return schematest.Write(t, mustLoad(t, "../examples/data/catalogue-pengxi.yaml"), "json")
}

func streamAll(t *testing.T, name string, data []byte, opts *DecodeOptions) ([]Matter, *Catalogue, schema.List) {
	t.Helper()
	d := NewDecoder(bytes.NewReader(data), name, opts)
	var ms []Matter
	for i, m := range d.Matters() {
		if i != len(ms) {
			t.Fatalf("index %d, want %d", i, len(ms))
		}
		ms = append(ms, *m)
	}
	return ms, d.Catalogue(), d.Problems()
}

// Streaming on one core and on two (reading on its own goroutine) gives
// the same matters and the same problems.
func TestDecoderPipelineAgrees(t *testing.T) {
	data := sampleJSON(t)
	broken := bytes.Replace(data, []byte(`"承诺件"`), []byte(`"即办件"`), 3)
	for _, doc := range [][]byte{data, broken} {
		ms2, c2, p2 := streamAll(t, "c.json", doc, nil)
		old := runtime.GOMAXPROCS(1)
		ms1, c1, p1 := streamAll(t, "c.json", doc, nil)
		runtime.GOMAXPROCS(old)
		if diff := cmp.Diff(ms1, ms2); diff != "" {
			t.Errorf("matters differ (-one core +two):\n%s", diff)
		}
		if diff := cmp.Diff(c1, c2); diff != "" {
			t.Errorf("headers differ:\n%s", diff)
		}
		if diff := cmp.Diff(problemtest.Keys[problemKey](p1), problemtest.Keys[problemKey](p2)); diff != "" {
			t.Errorf("problems differ:\n%s", diff)
		}
	}
}

// The JSON and YAML forms of one catalogue stream to the same matters.
func TestDecoderFormatsAgree(t *testing.T) {
	yml := schematest.ReadFile(t, "../examples/data/catalogue-pengxi.yaml")
	ms1, c1, p1 := streamAll(t, "c.yaml", yml, nil)
	ms2, c2, p2 := streamAll(t, "c.json", sampleJSON(t), nil)
	if len(p1) != 0 || len(p2) != 0 {
		t.Fatalf("problems: %v %v", p1, p2)
	}
	if diff := cmp.Diff(ms1, ms2); diff != "" {
		t.Errorf("matters differ (-yaml +json):\n%s", diff)
	}
	if diff := cmp.Diff(c1, c2); diff != "" {
		t.Errorf("headers differ (-yaml +json):\n%s", diff)
	}
}

func TestDecoderStopsEarly(t *testing.T) {
	for _, name := range []string{"c.json", "c.yaml"} {
		data := sampleJSON(t)
		d := NewDecoder(bytes.NewReader(data), name, nil)
		n := 0
		for range d.Matters() {
			n++
			if n == 3 {
				break
			}
		}
		if n != 3 {
			t.Errorf("%s: %d matters", name, n)
		}
		for range d.Matters() {
			t.Errorf("%s: a second iteration yields matters", name)
		}
	}
}

func TestDecoderProblemLimits(t *testing.T) {
	data := bytes.ReplaceAll(sampleJSON(t), []byte(`"承诺件"`), []byte(`"即办件"`))
	_, _, all := streamAll(t, "c.json", data, &DecodeOptions{MaxProblems: 1 << 30})
	if len(all) < 5 {
		t.Fatalf("want many problems, got %d", len(all))
	}
	_, _, capped := streamAll(t, "c.json", data, &DecodeOptions{MaxProblems: 3})
	if len(capped) != 4 || capped[3].Rule != RuleTooManyProblems {
		t.Errorf("capped: %v", capped)
	}
	var seen schema.List
	_, _, none := streamAll(t, "c.json", data, &DecodeOptions{OnProblem: func(p *schema.Problem) { seen = append(seen, p) }})
	if len(none) != 0 {
		t.Errorf("problems kept despite OnProblem: %d", len(none))
	}
	seen.Dedupe()
	if diff := cmp.Diff(problemtest.Keys[problemKey](all), problemtest.Keys[problemKey](seen)); diff != "" {
		t.Errorf("OnProblem saw other problems:\n%s", diff)
	}
}

// The reference validator finds the same problems through the decoder.
func TestDecoderReference(t *testing.T) {
	data := []byte(strings.Replace(string(sampleJSON(t)), `"行政许可"`, `"行政许"`, 2))
	_, _, fast := streamAll(t, "c.json", data, nil)
	_, _, ref := streamAll(t, "c.json", data, &DecodeOptions{Reference: true})
	if len(fast) == 0 {
		t.Fatal("no problems")
	}
	if diff := cmp.Diff(problemtest.Keys[problemKey](ref), problemtest.Keys[problemKey](fast)); diff != "" {
		t.Errorf("(-reference +fast):\n%s", diff)
	}
}

// TestDecoderProgress calls the progress hook after each matter with the
// count so far.
func TestDecoderProgress(t *testing.T) {
	var got []int64
	d := NewDecoder(strings.NewReader(progressDoc), "c.yaml", &DecodeOptions{Progress: func(n int64) { got = append(got, n) }})
	n := 0
	for range d.Matters() {
		n++
	}
	if n != 3 || len(got) != 3 || got[0] != 1 || got[2] != 3 {
		t.Errorf("%d matters, progress %v", n, got)
	}
}

const progressDoc = `kind: Catalogue
schemaVersion: 1
division: {code: "510921", name: 蓬溪县}
matters:
  - {code: A1, name: 一, type: 行政许可, level: 县级, body: {name: 局}}
  - {code: A2, name: 二, type: 行政许可, level: 县级, body: {name: 局}}
  - {code: A3, name: 三, type: 行政许可, level: 县级, body: {name: 局}}
`

// A document past DecodeOptions.MaxSize is cut there with one problem, at
// the place of the cut, in English and in Chinese; the matters before it
// are read, and the text the cut leaves unfinished is no news. A size of
// the whole document or more reads it all.
func TestDecoderMaxSize(t *testing.T) {
	data := sampleJSON(t)
	whole, _, probs := streamAll(t, "c.json", data, nil)
	if err := probs.Err(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		max  int64
		cut  bool
	}{
		{"a third", int64(len(data) / 3), true},
		{"all but the last byte, a line end", int64(len(data) - 1), true},
		{"exactly", int64(len(data)), false},
		{"more", 1 << 40, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, procs := range []int{1, 2} {
				old := runtime.GOMAXPROCS(procs)
				ms, _, probs := streamAll(t, "c.json", data, &DecodeOptions{MaxSize: tt.max, ReadAhead: procs == 2})
				runtime.GOMAXPROCS(old)
				if !tt.cut {
					if err := probs.Err(); err != nil || len(ms) != len(whole) {
						t.Errorf("%d matters of %d, %v", len(ms), len(whole), err)
					}
					continue
				}
				if len(probs) != 1 || probs[0].Rule != schema.RuleTooLarge || probs[0].Pos.Line == 0 {
					t.Fatalf("problems %v, want one located %s", probs, schema.RuleTooLarge)
				}
				if len(ms) == 0 || len(ms) == len(whole) && data[len(data)-1] != '\n' {
					t.Errorf("%d matters read before the cut, of %d", len(ms), len(whole))
				}
				for _, l := range []schema.Lang{schema.English, schema.Chinese} {
					want := map[schema.Lang]string{schema.English: "catalogue document is larger than", schema.Chinese: "清单文档超过"}[l]
					if got := probs[0].Text(l); !strings.Contains(got, want) {
						t.Errorf("message %q, want %q in it", got, want)
					}
				}
			}
		})
	}
}
