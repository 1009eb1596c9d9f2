package matters

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

// The one-pass path must read every matter exactly as the node path does
// and report exactly the same problems; these tests run both on the same
// documents.

// catalogueFixtures returns the JSON text of the catalogue documents in
// the module's test data (YAML ones converted), by name.
func catalogueFixtures(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, pattern := range []string{"testdata/*", "matterstest/testdata/*", "../schema/testdata/*", "../examples/*/testdata/*", "../examples/data/*"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			ext := filepath.Ext(f)
			if ext != ".json" && ext != ".yaml" {
				continue
			}
			data := schematest.ReadFile(t, f)
			if !bytes.Contains(data, []byte("matters")) {
				continue
			}
			if ext == ".yaml" {
				n, _ := schema.ParseYAML(f, data)
				if n == nil {
					continue
				}
				data, _ = n.MarshalJSON()
				// Indented as people write it, so that positions vary.
				var b bytes.Buffer
				if err := json.Indent(&b, data, "", "  "); err == nil {
					data = b.Bytes()
				}
			}
			out[f] = data
		}
	}
	return out
}

type decoded struct {
	matters []Matter
	probs   []string
	header  *Catalogue
	taken   int
	ahead   int // matters read ahead on the second goroutine
}

// decodeWay decodes data as nodes (noFast), in one pass on one goroutine
// (ahead -1), with DecodeOptions.ReadAhead (0), or reading ahead on a
// second goroutine in batches of ahead, with whatever text there is.
func decodeWay(t testing.TB, name string, data []byte, noFast bool, ahead int) decoded {
	d := NewDecoder(bytes.NewReader(data), name, &DecodeOptions{ReadAhead: ahead == 0})
	d.noFast = noFast
	d.aheadBatch = ahead
	var out decoded
	for _, m := range d.Matters() {
		out.matters = append(out.matters, *m)
	}
	for _, p := range d.Problems() {
		out.probs = append(out.probs, p.Pos.String()+" "+p.Path.String()+" "+string(p.Rule)+" "+p.Message)
	}
	out.header = d.Catalogue()
	out.taken = d.fastTaken
	if d.ahead != nil {
		out.ahead = d.ahead.taken
	}
	return out
}

var fastCmp = []cmp.Option{cmp.AllowUnexported(MatterCode{}, CreditCode{}, DivisionCode{})}

func compareWays(t *testing.T, name string, data []byte) decoded {
	t.Helper()
	fast := decodeWay(t, name, data, false, -1)
	slow := decodeWay(t, name, data, true, -1)
	sameDecoding(t, name, "nodes", "one pass", slow, fast)
	// Read ahead in batches of 3, of which the decoder reads 1 itself
	// at first: most boundaries between the two goroutines.
	ahead := decodeWay(t, name, data, false, 3)
	sameDecoding(t, name, "one goroutine", "reading ahead", fast, ahead)
	fast.ahead = ahead.ahead
	return fast
}

func sameDecoding(t *testing.T, name, way1, way2 string, slow, fast decoded) {
	t.Helper()
	if diff := cmp.Diff(slow.matters, fast.matters, fastCmp...); diff != "" {
		t.Errorf("%s: matters differ (-%s +%s):\n%s", name, way1, way2, diff)
	}
	if diff := cmp.Diff(slow.probs, fast.probs); diff != "" {
		t.Errorf("%s: problems differ (-%s +%s):\n%s", name, way1, way2, diff)
	}
	if diff := cmp.Diff(slow.header, fast.header, fastCmp...); diff != "" {
		t.Errorf("%s: headers differ (-%s +%s):\n%s", name, way1, way2, diff)
	}
}

func TestFastPathAgreesOnFixtures(t *testing.T) {
	fixtures := catalogueFixtures(t)
	if len(fixtures) < 10 {
		t.Fatalf("only %d catalogue fixtures found", len(fixtures))
	}
	taken, ahead := 0, 0
	for name, data := range fixtures {
		t.Run(filepath.Base(filepath.Dir(name))+"/"+filepath.Base(name), func(t *testing.T) {
			got := compareWays(t, name+".json", data)
			taken += got.taken
			ahead += got.ahead
			// Cut short at every tenth of the text: the end of the input
			// inside a matter.
			for k := 1; k < 10; k++ {
				compareWays(t, name+".json", data[:len(data)*k/10])
			}
		})
	}
	if taken == 0 {
		t.Error("the one-pass path took no matter of the fixtures")
	}
	if ahead == 0 {
		t.Error("no matter of the fixtures was read ahead")
	}
}

func TestFastPathTakesValidMatters(t *testing.T) {
	for name, data := range catalogueFixtures(t) {
		if !strings.Contains(name, "valid") && !strings.Contains(name, "pengxi") {
			continue
		}
		got := compareWays(t, name+".json", data)
		t.Logf("%s: %d of %d matters taken in one pass", name, got.taken, len(got.matters))
	}
}

// FuzzFastMatter holds the one-pass reader to the usual way on single
// matters: whatever it takes must parse, validate and decode without a
// problem, to the same value.
func FuzzFastMatter(f *testing.F) {
	for _, data := range catalogueFixtures(f) {
		n, _ := schema.ParseJSON("seed.json", data)
		ms := n.Get("matters")
		if ms == nil {
			continue
		}
		for _, m := range ms.Items {
			b, _ := m.MarshalJSON()
			f.Add(b)
			var ind bytes.Buffer
			if json.Indent(&ind, b, "", "\t") == nil {
				f.Add(ind.Bytes())
			}
		}
	}
	fd := matterFast()
	if fd == nil {
		f.Fatal("no one-pass decoder for matters")
	}
	path := matterPath(0)
	f.Fuzz(func(t *testing.T, data []byte) {
		var fast Matter
		end, st := fd.Decode(data, &fast, nil)
		if st != schema.FastOK {
			return
		}
		n, probs := schema.ParseJSON("fuzz.json", data[:end])
		if len(probs) > 0 {
			t.Fatalf("taken in one pass, but the parser reports %v", probs)
		}
		if probs := schema.Catalogue.ValidateAt(n, path, "/$defs/matter"); len(probs) > 0 {
			t.Fatalf("taken in one pass, but the validator reports %v", probs)
		}
		var slow Matter
		var dp schema.List
		decodeMatter(&slow, n, path, &dp)
		if len(dp) > 0 {
			t.Fatalf("taken in one pass, but the decoder reports %v", dp)
		}
		if diff := cmp.Diff(slow, fast, fastCmp...); diff != "" {
			t.Fatalf("read differently (-nodes +one pass):\n%s", diff)
		}
	})
}

// The real list, written as JSON, read both ways: most of its matters
// carry warnings (codes in the platform's forms), which the one-pass path
// leaves to the node path, and the rest it takes.
func TestFastPathAgreesOnRealList(t *testing.T) {
	_, cat, _ := readRealList(t)
	got := compareWays(t, "real.json", schematest.Write(t, cat, "json"))
	t.Logf("%d of %d matters taken in one pass, %d problems", got.taken, len(got.matters), len(got.probs))
	if len(got.matters) != len(cat.Matters) {
		t.Errorf("%d matters read, want %d", len(got.matters), len(cat.Matters))
	}
}

// TestFastPathExactLimits reads limit values both ways: the one-pass path
// takes the exact ones as numbers and gives a value finer than a thousandth
// to the node path, which reports it.
func TestFastPathExactLimits(t *testing.T) {
	matter := func(code, legal, promised string) string {
		m := `{"code":"` + code + `","name":"甲","type":"行政许可","level":"县级","body":{"name":"甲局"},` +
			`"legalLimit":{"value":` + legal + `,"unit":"工作日"},"handlingKind":"承诺件"`
		if promised != "" {
			m += `,"promisedLimit":{"value":` + promised + `,"unit":"工作日"}`
		}
		return m + "}"
	}
	data := []byte(`{"kind":"Catalogue","schemaVersion":1,"catalogueKind":"实施清单","division":{"code":"511602","name":"广安区"},"matters":[` +
		matter("000101001000", "20", "0.5") + "," + matter("000101002000", "2.5e1", "1.0") + "," + matter("000101003000", "0.3333333", "0.125") + `]}`)
	got := compareWays(t, "limits.json", data)
	if got.taken < 2 {
		t.Errorf("the one-pass path took %d matters, want the 2 exact ones", got.taken)
	}
	var values []string
	for _, m := range got.matters {
		values = append(values, m.LegalLimit.Value.String()+"/"+m.PromisedLimit.Value.String())
	}
	if diff := cmp.Diff([]string{"20/0.5", "25/1", "0/0.125"}, values); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if len(got.probs) != 1 || !strings.Contains(got.probs[0], "/matters/2/legalLimit/value quantity.inexact") {
		t.Errorf("problems %v, want quantity.inexact at /matters/2/legalLimit/value", got.probs)
	}
}
