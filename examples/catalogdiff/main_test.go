package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/zwfw/zwfw/examples/internal/golden"
)

// TestGolden runs the command and compares what it writes with
// testdata/NAME.golden: standard output, then standard error after a
// "-- stderr --" line when there is any.
func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"default", nil, 0},
		{"default-json", []string{"-json"}, 0},
		{"yaml", []string{"testdata/old.yaml", "testdata/new.yaml"}, 0},
		{"same", []string{"testdata/old.yaml", "testdata/old.yaml"}, 0},
		{"csv", []string{"testdata/portal.csv", "testdata/portal-2.csv"}, 0},
		{"broken", []string{"testdata/old.yaml", "testdata/broken.yaml"}, 1},
		{"missing", []string{"testdata/old.yaml", "testdata/missing.yaml"}, 1},
		{"one-file", []string{"testdata/old.yaml"}, 2},
		{"bad-flag", []string{"-html"}, 2},
		{"default-zh", []string{"-lang", "zh"}, 0},
		{"broken-zh", []string{"-lang", "zh", "testdata/old.yaml", "testdata/broken.yaml"}, 1},
		{"one-file-zh", []string{"-lang", "zh", "testdata/old.yaml"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit code %d, want %d\nstderr: %s", code, tt.code, stderr.String())
			}
			if code != 0 && stdout.Len() > 0 {
				t.Errorf("output written although the exit code is %d", code)
			}
			got := stdout.String()
			if stderr.Len() > 0 {
				got += "-- stderr --\n" + stderr.String()
			}
			golden.Check(t, filepath.Join("testdata", tt.name+".golden"), got)
		})
	}
}

// TestDefaultEditions checks the embedded May edition against what its
// header says changed since April.
func TestDefaultEditions(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-json"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
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
	if err := json.Unmarshal(stdout.Bytes(), &d); err != nil {
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
	const realCSV = "../../../shared/data/sichuan-guangan-district-matters.csv"
	if _, err := os.Stat(realCSV); err != nil {
		t.Skipf("the real list is not here (%v): it lives outside the module, in ../shared/data", err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{realCSV, realCSV}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit code %d\n%s", code, stderr.String())
	}
	if got := stdout.String(); got != "no differences\n" {
		t.Errorf("got %q", got)
	}
}

// TestMain fixes the language: the programs speak that of the
// environment, and the golden files are in English unless a case asks
// for Chinese.
func TestMain(m *testing.M) {
	os.Setenv("LC_ALL", "C.UTF-8")
	os.Exit(m.Run())
}
