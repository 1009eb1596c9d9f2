package county

import (
	"bytes"
	"flag"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zwfw/zwfw/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// rulePaths returns the problems as "rule path" strings, sorted: what tests
// assert, never the message text.
func rulePaths(l schema.List) []string {
	out := make([]string, 0, len(l))
	for _, p := range l {
		out = append(out, string(p.Rule)+" "+p.Path.String())
	}
	slices.Sort(out)
	return out
}

// golden compares got with testdata/<name>, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
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
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file (run go test -update after checking):\n got:\n%s\nwant:\n%s", path, got, want)
	}
}

// render prints problems one a line, as a command would.
func render(l schema.List) []byte {
	var b strings.Builder
	for _, p := range l {
		b.WriteString(p.Error())
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// fixtures returns the names of the files under testdata/dir matching pattern.
func fixtures(t testing.TB, dir, pattern string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join("testdata", dir, pattern))
	if err != nil || len(names) == 0 {
		t.Fatalf("no fixtures %s/%s: %v", dir, pattern, err)
	}
	return names
}

// The readers with every problem, warnings included, as the tests compare
// them.
func parseProblems(file string, data []byte) (*Hierarchy, schema.List) {
	return docLoader().Problems(file, data)
}

func loadProblems(r io.Reader, file string) (*Hierarchy, schema.List) {
	return docLoader().LoadProblems(r, file)
}

func parseCSVProblems(file string, data []byte) (*Hierarchy, schema.List) {
	return readCSV(bytes.NewReader(data), file)
}

func loadFileProblems(path string) (*Hierarchy, schema.List) {
	var probs schema.List
	h, _ := LoadFile(path, schema.Collect(&probs))
	return h, probs
}

func loadFSProblems(fsys fs.FS, name string) (*Hierarchy, schema.List) {
	var probs schema.List
	h, _ := LoadFS(fsys, name, schema.Collect(&probs))
	return h, probs
}
