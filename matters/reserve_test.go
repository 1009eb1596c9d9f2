package matters_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/matterstest"
)

// A decoder that knows the document's size, from its reader or from
// DecodeOptions.Size, makes its index of codes the size of the catalogue
// once it has read 4,096 matters (up to 16 times those), and reads the
// same matters with the same problems as one that does not know it; a
// size that is wrong costs nothing else.
func TestDecoderReservesIndex(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 matters: not in -short")
	}
	const n = 10_000
	var buf bytes.Buffer
	if err := matterstest.WriteSynthetic(&buf, matterstest.GenerateOptions{Matters: n}); err != nil {
		t.Fatal(err)
	}
	doc := buf.Bytes()
	file := filepath.Join(t.TempDir(), "synthetic.json")
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	type hidden struct{ io.Reader } // tells no size
	read := func(r io.Reader, opts *matters.DecodeOptions) (int, int, []string) {
		d := matters.NewDecoder(r, "synthetic.json", opts)
		count := 0
		for range d.Matters() {
			count++
		}
		var probs []string
		for _, p := range d.Problems() {
			probs = append(probs, p.Error())
		}
		return count, matters.Reserved(d), probs
	}
	wantCount, reserved, wantProbs := read(hidden{bytes.NewReader(doc)}, nil)
	if wantCount != n || reserved != 0 {
		t.Fatalf("a reader of no size: %d matters, index made for %d; want %d, 0", wantCount, reserved, n)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fsFile, err := fstest.MapFS{"synthetic.json": {Data: doc}}.Open("synthetic.json")
	if err != nil {
		t.Fatal(err)
	}
	defer fsFile.Close()
	for _, c := range []struct {
		name     string
		r        io.Reader
		opts     *matters.DecodeOptions
		min, max int
	}{
		{"bytes.Reader", bytes.NewReader(doc), nil, n * 95 / 100, n * 105 / 100},
		{"os.File", f, nil, n * 95 / 100, n * 105 / 100},
		{"fs.File", fsFile, nil, n * 95 / 100, n * 105 / 100},
		{"Size", hidden{bytes.NewReader(doc)}, &matters.DecodeOptions{Size: int64(len(doc))}, n * 95 / 100, n * 105 / 100},
		{"Size too small", hidden{bytes.NewReader(doc)}, &matters.DecodeOptions{Size: 100}, 0, 0},
		// Sized for at most 16 times the matters read.
		{"Size ten times too large", hidden{bytes.NewReader(doc)}, &matters.DecodeOptions{Size: 10 * int64(len(doc))}, 16 * 4096, 16 * 4096},
	} {
		t.Run(c.name, func(t *testing.T) {
			count, reserved, probs := read(c.r, c.opts)
			if count != wantCount {
				t.Errorf("%d matters, want %d", count, wantCount)
			}
			if reserved < c.min || reserved > c.max {
				t.Errorf("index made for %d matters, want %d to %d", reserved, c.min, c.max)
			}
			if diff := cmp.Diff(wantProbs, probs); diff != "" {
				t.Errorf("problems differ (-without size +with):\n%s", diff)
			}
		})
	}
}
