package schematest

import (
	"bytes"
	"encoding/csv"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// ReadFile returns the contents of the file name; when it cannot be read,
// the test ends.
func ReadFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// ReadCSV returns the records of the CSV file name, as encoding/csv reads
// them with its defaults; when it cannot be read, the test ends.
func ReadCSV(t testing.TB, name string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(ReadFile(t, name))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return recs
}

// A Fixture is a file a test reads: its name, as matched, and its
// contents.
type Fixture struct {
	Name string
	Data []byte
}

// Fixtures returns the files matching the patterns (filepath.Glob), in
// the order of the patterns and, within one, of their names; when one
// cannot be read, the test ends.
func Fixtures(t testing.TB, patterns ...string) []Fixture {
	t.Helper()
	var out []Fixture
	for _, pattern := range patterns {
		names, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatalf("%q: %v", pattern, err)
		}
		for _, name := range names {
			out = append(out, Fixture{name, ReadFile(t, name)})
		}
	}
	return out
}

// Seed adds the contents of every file matching the patterns to the
// corpus of a fuzz target taking one []byte.
func Seed(f *testing.F, patterns ...string) {
	f.Helper()
	for _, fx := range Fixtures(f, patterns...) {
		f.Add(fx.Data)
	}
}

// Updating reports whether the tests run with -update.
func Updating() bool { return *update }

// Golden compares got with the file at path, or writes got there when the
// tests run with -update.
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -update after checking) (-want +got):\n%s", path, cmp.Diff(string(want), string(got)))
	}
}

// A Document writes itself as YAML and as JSON, as the module's documents
// do.
type Document interface {
	WriteYAML(w io.Writer) error
	WriteJSON(w io.Writer) error
}

// Formats are the forms a [Document] is written in, as [Write] names them.
var Formats = []string{"yaml", "json"}

// Write returns d written in format, "yaml" or "json"; when it cannot be
// written, the test ends.
func Write(t testing.TB, d Document, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	var err error
	switch format {
	case "yaml":
		err = d.WriteYAML(&b)
	case "json":
		err = d.WriteJSON(&b)
	default:
		t.Fatalf("schematest: no format %q", format)
	}
	if err != nil {
		t.Fatalf("writing %s: %v", format, err)
	}
	return b.Bytes()
}

// RoundTrip writes d in each of the [Formats], reads what it wrote with
// read, as a file named back.yaml or back.json, and ends the test unless it
// reads back without error and equal to d (go-cmp).
func RoundTrip[D Document](t testing.TB, d D, read func(name string, data []byte) (D, error)) {
	t.Helper()
	for _, format := range Formats {
		data := Write(t, d, format)
		back, err := read("back."+format, data)
		if err != nil {
			t.Fatalf("%s written back does not read: %v\n%s", format, err, data)
		}
		if diff := cmp.Diff(d, back); diff != "" {
			t.Fatalf("%s round trip changed it (-orig +back):\n%s", format, diff)
		}
	}
}
