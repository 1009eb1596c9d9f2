package schematest

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

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

// NeedOutside skips the test when the file name, one kept outside the
// module (the real data and the seed document, in ../shared beside it),
// is not there; when it is there but cannot be seen, the test ends.
func NeedOutside(t testing.TB, name string) {
	t.Helper()
	_, err := os.Stat(name)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is not here: it is kept outside the module, in ../shared beside it", name)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// ReadOutside returns the contents of the file name, one kept outside the
// module; when it is not there, the test is skipped ([NeedOutside]).
func ReadOutside(t testing.TB, name string) []byte {
	t.Helper()
	NeedOutside(t, name)
	return ReadFile(t, name)
}
