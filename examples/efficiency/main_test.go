package main

import (
	"encoding/json"
	"testing"

	"github.com/zwfw/zwfw/examples/internal/golden"
)

// TestGolden runs the program and compares what it prints with the golden
// files: standard output, then standard error after a "-- stderr --" line
// when there is any.
func TestGolden(t *testing.T) {
	tests := []golden.Case{
		{Name: "default"},
		{Name: "default-markdown", Args: []string{"-format", "markdown"}},
		{Name: "default-csv", Args: []string{"-format", "csv"}},
		{Name: "april", Args: []string{"-in", "testdata/april.csv", "-catalogue", "testdata/catalogue.csv", "-month", "2021-04"}},
		{Name: "april-window", Args: []string{"-in", "testdata/april.csv", "-by", "window"}},
		{Name: "april-matter-json", Args: []string{"-in", "testdata/april.csv", "-by", "matter", "-format", "json"}},
		{Name: "two-files", Args: []string{"-in", "testdata/april.csv", "-in", "testdata/dirty.csv", "-by", "unit"}},
		{Name: "march", Args: []string{"-in", "testdata/april.csv", "-month", "2021-03"}},
		{Name: "holidays-2027", Args: []string{"-in", "testdata/april.csv", "-holidays", "testdata/holidays-2027.yaml", "-by", "unit"}},
		{Name: "bad-records", Args: []string{"-in", "testdata/bad.csv"}, Code: 1},
		{Name: "missing-file", Args: []string{"-in", "testdata/missing.csv"}, Code: 1},
		{Name: "bad-month", Args: []string{"-month", "2021-13"}, Code: 2},
		{Name: "bad-format", Args: []string{"-format", "xml"}, Code: 2},
		{Name: "synthetic-other-month", Args: []string{"-month", "2021-05"}, Code: 2},
		{Name: "stray-argument", Args: []string{"cases.csv"}, Code: 2},
	}
	golden.Compare(t, run, tests, golden.Options{})
}

// The JSON output carries the figures as plain integers and names each
// department, and its totals equal the sum of its rows.
func TestJSONShape(t *testing.T) {
	stdout := golden.Output(t, run, []string{"-format", "json"})
	var out struct {
		SectionFive struct{ Accepted, Completed int64 }
		Total       map[string]any
		Rows        []struct {
			Department string
			Accepted   int64
			Completed  int64
		}
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
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
