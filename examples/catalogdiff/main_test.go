package main

import (
	"encoding/json"
	"testing"

	"github.com/zwfw/zwfw/examples/internal/golden"
)

// TestGolden runs the command and compares what it writes with
// testdata/NAME.golden: standard output, then standard error after a
// "-- stderr --" line when there is any.
func TestGolden(t *testing.T) {
	tests := []golden.Case{
		{Name: "default"},
		{Name: "default-json", Args: []string{"-json"}},
		{Name: "yaml", Args: []string{"testdata/old.yaml", "testdata/new.yaml"}},
		{Name: "same", Args: []string{"testdata/old.yaml", "testdata/old.yaml"}},
		{Name: "csv", Args: []string{"testdata/portal.csv", "testdata/portal-2.csv"}},
		{Name: "broken", Args: []string{"testdata/old.yaml", "testdata/broken.yaml"}, Code: 1},
		{Name: "missing", Args: []string{"testdata/old.yaml", "testdata/missing.yaml"}, Code: 1},
		{Name: "one-file", Args: []string{"testdata/old.yaml"}, Code: 2},
		{Name: "bad-flag", Args: []string{"-html"}, Code: 2},
		{Name: "default-zh", Args: []string{"-lang", "zh"}},
		{Name: "broken-zh", Args: []string{"-lang", "zh", "testdata/old.yaml", "testdata/broken.yaml"}, Code: 1},
		{Name: "one-file-zh", Args: []string{"-lang", "zh", "testdata/old.yaml"}, Code: 2},
	}
	golden.Compare(t, run, tests, golden.Options{Quiet: true})
}

// TestDefaultEditions checks the embedded May edition against what its
// header says changed since April.
func TestDefaultEditions(t *testing.T) {
	stdout := golden.Output(t, run, []string{"-json"})
	var d struct {
		Summary struct {
			Matters map[string]int
			Bundles map[string]int
		}
		Catalogue []struct{ Path string }
		Matters   []struct {
			Kind    string
			Changes []struct{ Path string }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &d); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"added": 2, "removed": 1, "changed": 3, "moved": 1}
	for k, n := range want {
		if d.Summary.Matters[k] != n {
			t.Errorf("%s: %d, want %d", k, d.Summary.Matters[k], n)
		}
	}
	if d.Summary.Bundles["changed"] != 1 {
		t.Errorf("bundles: %v", d.Summary.Bundles)
	}
	shortened := 0
	for _, m := range d.Matters {
		for _, c := range m.Changes {
			if c.Path == "promisedLimit" && m.Kind == "变更" {
				shortened++
			}
		}
	}
	if shortened != 3 {
		t.Errorf("%d promised limits changed, want 3", shortened)
	}
	if len(d.Catalogue) == 0 || d.Catalogue[0].Path != "asOf" {
		t.Errorf("catalogue changes: %v", d.Catalogue)
	}
}

// TestRealList compares the real list with itself: no change.
func TestRealList(t *testing.T) {
	golden.NeedRealList(t)
	stdout := golden.Output(t, run, []string{golden.RealList, golden.RealList})
	if stdout != "no differences\n" {
		t.Errorf("got %q", stdout)
	}
}

func TestMain(m *testing.M) { golden.Main(m) }
