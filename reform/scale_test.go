package reform_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"

	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/matterstest"
	"github.com/zwfw/zwfw/reform"
	"github.com/zwfw/zwfw/schema"
	"gopkg.in/yaml.v3"
)

// The scale benchmarks measure the whole pipeline on a synthetic catalogue
// against its baselines, in one run, on one core and then on two:
//
//	for p in 1 2; do GOMAXPROCS=$p go test ./reform -run='^$' -bench=Scale -benchmem -benchtime=1x -cpu=$p -scale=1000000; done
//
// (testing runs a benchmark's first iteration before it applies -cpu, and
// -benchtime=1x reports that iteration: in one command with -cpu=1,2 the
// first row would run on every core.)
//
// -scale sets the number of matters (default 20,000, so that the
// benchmarks also run quickly as a smoke test).
var (
	scale     = flag.Int("scale", 20_000, "matters in the synthetic catalogue of the scale benchmarks")
	scaleFile = flag.String("scalefile", "", "a synthetic catalogue of -scale matters written before (matterstest.WriteSynthetic), read instead of writing one; its extension gives the format")
)

var synthetic struct {
	sync.Mutex
	files map[string]string
	dir   string
}

// TestMain removes the synthetic catalogues the benchmarks wrote.
func TestMain(m *testing.M) {
	code := m.Run()
	if synthetic.dir != "" {
		os.RemoveAll(synthetic.dir)
	}
	os.Exit(code)
}

// syntheticFile writes (once per process) a synthetic catalogue of -scale
// matters in the given format and returns its path and size.
func syntheticFile(b *testing.B, format string) (string, int64) {
	synthetic.Lock()
	defer synthetic.Unlock()
	if synthetic.files == nil {
		synthetic.files = map[string]string{}
	}
	key := format + strconv.Itoa(*scale)
	path, ok := synthetic.files[key]
	if *scaleFile != "" {
		if filepath.Ext(*scaleFile) != "."+format {
			b.Skipf("-scalefile %s is not %s", *scaleFile, format)
		}
		path, ok = *scaleFile, true
	}
	if !ok {
		if synthetic.dir == "" {
			dir, err := os.MkdirTemp("", "zwfw-scale-")
			if err != nil {
				b.Fatal(err)
			}
			synthetic.dir = dir
		}
		path = filepath.Join(synthetic.dir, key+"."+format)
		f, err := os.Create(path)
		if err != nil {
			b.Fatal(err)
		}
		if err := matterstest.WriteSynthetic(f, matterstest.GenerateOptions{Matters: *scale, Format: format}); err != nil {
			b.Fatal(err)
		}
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
		synthetic.files[key] = path
	}
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return path, fi.Size()
}

// peakMemory measures the most heap in use while f runs, in MiB: the
// spans holding objects (matterstest.PeakHeap). The closing figures for
// whole programs are measured with /usr/bin/time -v.
func peakMemory(f func()) float64 { return float64(matterstest.PeakHeap(f, true)) / (1 << 20) }

func runScale(b *testing.B, format string, f func(path string)) {
	path, size := syntheticFile(b, format)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	peak := 0.0
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		if p := peakMemory(func() { f(path) }); p > peak {
			peak = p
		}
	}
	cpu = cpuTime() - cpu
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(*scale), "ns/matter")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(*scale), "cpu-ns/matter")
	b.ReportMetric(peak, "peak-heap-MiB")
}

// wireCatalogue is the document as plain Go types, for the baselines: what
// encoding/json decodes into with no validation at all.
type wireCatalogue struct {
	Kind          string         `json:"kind" yaml:"kind"`
	SchemaVersion int            `json:"schemaVersion" yaml:"schemaVersion"`
	CatalogueKind string         `json:"catalogueKind" yaml:"catalogueKind"`
	Title         string         `json:"title" yaml:"title"`
	Division      wireDivision   `json:"division" yaml:"division"`
	Level         string         `json:"level" yaml:"level"`
	Matters       []wireMatter   `json:"matters" yaml:"matters"`
	Bundles       []wireBundle   `json:"bundles" yaml:"bundles"`
	X             map[string]any `json:"-" yaml:"-"`
}

type wireDivision struct {
	Code string `json:"code" yaml:"code"`
	Name string `json:"name" yaml:"name"`
}

type wireLimit struct {
	Value float64 `json:"value" yaml:"value"`
	Unit  string  `json:"unit" yaml:"unit"`
}

type wireMatter struct {
	Code     string `json:"code"`
	BaseCode string `json:"baseCode"`
	Name     string `json:"name"`
	MainItem string `json:"mainItem"`
	Type     string `json:"type"`
	Level    string `json:"level"`
	Body     struct {
		Name       string `json:"name"`
		CreditCode string `json:"creditCode"`
		Nature     string `json:"nature"`
	} `json:"body"`
	PowerSource    string     `json:"powerSource"`
	LegalLimit     *wireLimit `json:"legalLimit"`
	PromisedLimit  *wireLimit `json:"promisedLimit"`
	HandlingKind   string     `json:"handlingKind"`
	Visits         *int       `json:"visits"`
	OnsiteReason   string     `json:"onsiteReason"`
	Online         []string   `json:"online"`
	Forms          []string   `json:"forms"`
	ServiceObjects []string   `json:"serviceObjects"`
	Scopes         []struct {
		Scope string `json:"scope"`
		Batch int    `json:"batch"`
	} `json:"scopes"`
	Delegation *struct {
		To       string `json:"to"`
		Batch    int    `json:"batch"`
		Document string `json:"document"`
	} `json:"delegation"`
	SelfService24h  bool `json:"selfService24h"`
	TolerateMissing bool `json:"tolerateMissing"`
	InHall          bool `json:"inHall"`
	Fee             *struct {
		Charged bool     `json:"charged"`
		Basis   string   `json:"basis"`
		Items   []string `json:"items"`
	} `json:"fee"`
	Window string `json:"x-window"`
}

type wireBundle struct {
	Code    string   `json:"code"`
	Name    string   `json:"name"`
	Matters []string `json:"matters"`
}

func openBuffered(b *testing.B, path string) (*os.File, io.Reader) {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	return f, bufio.NewReaderSize(f, 1<<20)
}

// BenchmarkScaleJSONBareDecode is the floor: encoding/json decoding the file
// into plain Go types, checking nothing.
func BenchmarkScaleJSONBareDecode(b *testing.B) {
	runScale(b, "json", func(path string) {
		f, r := openBuffered(b, path)
		defer f.Close()
		var c wireCatalogue
		if err := json.NewDecoder(r).Decode(&c); err != nil {
			b.Fatal(err)
		}
		if len(c.Matters) != *scale {
			b.Fatalf("decoded %d matters", len(c.Matters))
		}
	})
}

// BenchmarkScaleJSONBareStream is the baseline a user would write to read
// a large catalogue without holding it: encoding/json's Decoder, Token to
// the matters array, then Decode of each matter into a plain struct,
// checking nothing.
func BenchmarkScaleJSONBareStream(b *testing.B) {
	runScale(b, "json", func(path string) {
		f, r := openBuffered(b, path)
		defer f.Close()
		dec := json.NewDecoder(r)
		if _, err := dec.Token(); err != nil { // {
			b.Fatal(err)
		}
		n := 0
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				b.Fatal(err)
			}
			if key != "matters" {
				var skip json.RawMessage
				if err := dec.Decode(&skip); err != nil {
					b.Fatal(err)
				}
				continue
			}
			if _, err := dec.Token(); err != nil { // [
				b.Fatal(err)
			}
			for dec.More() {
				var m wireMatter
				if err := dec.Decode(&m); err != nil {
					b.Fatal(err)
				}
				n++
			}
			if _, err := dec.Token(); err != nil { // ]
				b.Fatal(err)
			}
		}
		if n != *scale {
			b.Fatalf("decoded %d matters", n)
		}
	})
}

// BenchmarkScaleJSONValid is json.Valid on the file read whole: reading
// the syntax and nothing else.
func BenchmarkScaleJSONValid(b *testing.B) {
	runScale(b, "json", func(path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		if !json.Valid(data) {
			b.Fatal("not valid JSON")
		}
	})
}

var naiveSchema = sync.OnceValue(func() *jsonschema.Schema {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	src := schema.Catalogue.Source()
	if err := c.AddResource(schema.Catalogue.ID(), bytes.NewReader(src)); err != nil {
		panic(err)
	}
	return c.MustCompile(schema.Catalogue.ID())
})

// BenchmarkScaleJSONNaive is what a program does without this module:
// decode into generic values, validate them with jsonschema/v5, decode the
// bytes again into types, then count.
func BenchmarkScaleJSONNaive(b *testing.B) {
	sch := naiveSchema()
	runScale(b, "json", func(path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		d := json.NewDecoder(bytes.NewReader(data))
		d.UseNumber()
		var v any
		if err := d.Decode(&v); err != nil {
			b.Fatal(err)
		}
		if err := sch.Validate(v); err != nil {
			b.Fatal(err)
		}
		var c wireCatalogue
		if err := json.Unmarshal(data, &c); err != nil {
			b.Fatal(err)
		}
		instant, online := 0, 0
		for i := range c.Matters {
			if c.Matters[i].HandlingKind == "即办件" {
				instant++
			}
			if len(c.Matters[i].Online) >= 5 {
				online++
			}
		}
		if instant == 0 || online == 0 {
			b.Fatal("nothing counted")
		}
	})
}

// BenchmarkScaleJSONStream is this module's streaming path: read, validate
// against the schema, decode, check and measure every indicator, one
// matter at a time.
func BenchmarkScaleJSONStream(b *testing.B) {
	runScale(b, "json", func(path string) { streamOnce(b, path, false) })
}

// BenchmarkScaleJSONStreamAhead is BenchmarkScaleJSONStream with
// DecodeOptions.ReadAhead: with -cpu=2, a second goroutine reads matters
// ahead (with -cpu=1 it is the same as without).
func BenchmarkScaleJSONStreamAhead(b *testing.B) {
	runScale(b, "json", func(path string) { streamOnce(b, path, true) })
}

// BenchmarkScaleYAMLStream is the same on the YAML form of the catalogue.
func BenchmarkScaleYAMLStream(b *testing.B) {
	runScale(b, "yaml", func(path string) { streamOnce(b, path, false) })
}

// streamOnce reads the file as examples/coverage does: the decoder reads
// the file itself, in large pieces, and learns its size from it.
func streamOnce(b *testing.B, path string, ahead bool) {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	ind := reform.New(reform.Config{})
	bundles := 0
	d := matters.NewDecoder(f, path, &matters.DecodeOptions{
		OnBundle: func(_ int, b *matters.Bundle) {
			ind.AddBundle(b)
			bundles++
		},
		MaxSize:   1 << 40, // ten million matters are 7 GB
		ReadAhead: ahead,
	})
	n := 0
	for _, m := range d.Matters() {
		ind.Add(m)
		n++
	}
	if err := d.Problems().Err(); err != nil || n != *scale {
		b.Fatalf("%d matters, %v", n, err)
	}
	// One bundle starts at every hundredth matter with three after it.
	if want := (*scale + 96) / 100; bundles != want || ind.Result(reform.BundleCount).Num != int64(want) {
		b.Fatalf("%d bundles handed over, %d counted, want %d", bundles, ind.Result(reform.BundleCount).Num, want)
	}
	if !ind.Result(reform.InstantShare).Ratio().Defined() {
		b.Fatal("nothing measured")
	}
}

// BenchmarkScaleJSONLoad is the non-streaming Load: the whole catalogue in
// memory, then every indicator.
func BenchmarkScaleJSONLoad(b *testing.B) {
	runScale(b, "json", func(path string) {
		f, r := openBuffered(b, path)
		defer f.Close()
		c, err := matters.Load(r, path)
		if err != nil {
			b.Fatal(err)
		}
		ind := reform.New(reform.Config{})
		ind.AddCatalogue(c)
		if len(c.Matters) != *scale {
			b.Fatalf("%d matters", len(c.Matters))
		}
	})
}

// BenchmarkScaleYAMLBareNodes is the YAML floor: yaml.v3 parsing the file
// into its node tree, checking nothing.
func BenchmarkScaleYAMLBareNodes(b *testing.B) {
	runScale(b, "yaml", func(path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		var n yaml.Node
		if err := yaml.Unmarshal(data, &n); err != nil {
			b.Fatal(err)
		}
	})
}
