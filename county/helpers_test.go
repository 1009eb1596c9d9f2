package county

import (
	"bytes"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/problemtest"
	"github.com/zwfw/zwfw/schema/schematest"
)

// fixture is a file of testdata/DIR, what loading it gives and why.
type fixture struct {
	file  string
	units int      // -1: no hierarchy
	want  []string // the problems, by problemtest.RulePaths
	why   string
}

// loadFixtures loads each file of testdata/dir and checks its problems,
// each located in the file and rendered as in testdata/dir/NAME.golden,
// and its units.
func loadFixtures(t *testing.T, dir string, tests []fixture) {
	t.Helper()
	for _, tt := range tests {
		name := strings.TrimSuffix(tt.file, filepath.Ext(tt.file))
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", dir, tt.file)
			h, probs := loadFileProblems(path)
			if got := problemtest.RulePaths(probs); !slices.Equal(got, tt.want) {
				t.Errorf("%s: problems\n got %q\nwant %q", tt.why, got, tt.want)
			}
			if tt.units < 0 {
				if h != nil {
					t.Errorf("got a hierarchy despite errors")
				}
				if probs.Err() == nil {
					t.Errorf("Err() = nil")
				}
			} else if h.Len() != tt.units {
				t.Errorf("%d units, want %d", h.Len(), tt.units)
			}
			for _, p := range probs {
				if p.Pos.File != path || !p.Pos.IsValid() {
					t.Errorf("problem %v is not located in %s", p, path)
				}
			}
			if tt.units < 0 || len(probs) > 0 {
				golden(t, filepath.Join(dir, name+".golden"), render(probs))
			}
		})
	}
}

// golden compares got with testdata/<name>, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	schematest.Golden(t, filepath.Join("testdata", name), got)
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

// mustLoadFile reads the hierarchy at path, which must have no error.
func mustLoadFile(t *testing.T, path string) *Hierarchy {
	t.Helper()
	h, probs := loadFileProblems(path)
	if probs.Err() != nil {
		t.Fatal(probs)
	}
	return h
}

func loadFSProblems(fsys fs.FS, name string) (*Hierarchy, schema.List) {
	var probs schema.List
	h, _ := LoadFS(fsys, name, schema.Collect(&probs))
	return h, probs
}
