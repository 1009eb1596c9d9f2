package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/zwfw/zwfw/examples/internal/golden"
)

// TestGolden runs the program and compares what it prints with the golden
// files: standard output, then standard error after a "-- stderr --" line
// when there is any.
func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"default", nil, 0},
		{"default-markdown", []string{"-format", "markdown"}, 0},
		{"default-csv", []string{"-format", "csv"}, 0},
		{"april", []string{"-in", "testdata/april.csv", "-catalogue", "testdata/catalogue.csv", "-month", "2021-04"}, 0},
		{"april-window", []string{"-in", "testdata/april.csv", "-by", "window"}, 0},
		{"april-matter-json", []string{"-in", "testdata/april.csv", "-by", "matter", "-format", "json"}, 0},
		{"two-files", []string{"-in", "testdata/april.csv", "-in", "testdata/dirty.csv", "-by", "unit"}, 0},
		{"march", []string{"-in", "testdata/april.csv", "-month", "2021-03"}, 0},
		{"holidays-2027", []string{"-in", "testdata/april.csv", "-holidays", "testdata/holidays-2027.yaml", "-by", "unit"}, 0},
		{"bad-records", []string{"-in", "testdata/bad.csv"}, 1},
		{"missing-file", []string{"-in", "testdata/missing.csv"}, 1},
		{"bad-month", []string{"-month", "2021-13"}, 2},
		{"bad-format", []string{"-format", "xml"}, 2},
		{"synthetic-other-month", []string{"-month", "2021-05"}, 2},
		{"stray-argument", []string{"cases.csv"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit code %d, want %d\nstderr: %s", code, tt.code, stderr.String())
			}
			got := stdout.String()
			if stderr.Len() > 0 {
				got += "-- stderr --\n" + stderr.String()
			}
			golden.Check(t, filepath.Join("testdata", tt.name+".golden"), got)
		})
	}
}

// The JSON output carries the figures as plain integers and names each
// department, and its totals equal the sum of its rows.
func TestJSONShape(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-format", "json"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var out struct {
		SectionFive struct{ Accepted, Completed int64 }
		Total       map[string]any
		Rows        []struct {
			Department string
			Accepted   int64
			Completed  int64
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if out.SectionFive.Accepted != 32307 || out.SectionFive.Completed != 21514 {
		t.Errorf("section 五: %+v", out.SectionFive)
	}
	var acc, done int64
	for _, r := range out.Rows {
		if r.Department == "" {
			t.Errorf("row without a department: %+v", r)
		}
		acc += r.Accepted
		done += r.Completed
	}
	if acc != out.SectionFive.Accepted || done != out.SectionFive.Completed {
		t.Errorf("rows sum to %d/%d, totals are %d/%d", acc, done, out.SectionFive.Accepted, out.SectionFive.Completed)
	}
}

// TestMain fixes the language: the program speaks that of the
// environment, and the golden files are in English.
func TestMain(m *testing.M) {
	os.Setenv("LC_ALL", "C.UTF-8")
	os.Exit(m.Run())
}
