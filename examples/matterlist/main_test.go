package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zwfw/zwfw/examples/internal/cli"
	"github.com/zwfw/zwfw/examples/internal/golden"
	"github.com/zwfw/zwfw/schema/schematest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
)

// TestGolden runs the command and compares what it writes with
// testdata/NAME.golden: standard output, then standard error after a
// "-- stderr --" line when there is any.
func TestGolden(t *testing.T) {
	tests := []golden.Case{
		{Name: "default"},
		{Name: "default-markdown", Args: []string{"-format", "markdown"}},
		{Name: "yaml", Args: []string{"-in", "testdata/valid.yaml"}},
		{Name: "json", Args: []string{"-in", "testdata/valid.yaml", "-format", "json"}},
		{Name: "csv", Args: []string{"-in", "testdata/valid.yaml", "-format", "csv"}},
		{Name: "csv-gb18030", Args: []string{"-in", "testdata/valid.yaml", "-format", "csv", "-encoding", "gb18030"}},
		{Name: "markdown", Args: []string{"-in", "testdata/valid.yaml", "-format", "markdown"}},
		{Name: "markdown-zh", Args: []string{"-lang", "zh", "-in", "testdata/valid.yaml", "-format", "markdown"}},
		{Name: "usage-zh", Args: []string{"-lang", "zh", "-h"}, Code: 2},
		{Name: "from-csv", Args: []string{"-in", "testdata/portal.csv", "-format", "markdown"}},
		{Name: "broken", Args: []string{"-in", "testdata/broken.yaml"}, Code: 1},
		{Name: "missing", Args: []string{"-in", "testdata/missing.csv"}, Code: 1},
		{Name: "bad-format", Args: []string{"-format", "xml"}, Code: 2},
		{Name: "bad-encoding", Args: []string{"-format", "csv", "-encoding", "latin1"}, Code: 2},
		{Name: "argument", Args: []string{"testdata/valid.yaml"}},
		{Name: "two-arguments", Args: []string{"testdata/valid.yaml", "testdata/portal.csv"}, Code: 2},
		// A spreadsheet lacks the header a document needs: given on the
		// command line it is written; unknown to package county and not
		// given, the document is not written.
		{Name: "csv-header", Args: []string{"-format", "json", "-division", "511699", "-division-name", "示例区", "-level", "县级", "-as-of", "2023-06-30", "testdata/portal.csv"}},
		{Name: "csv-no-division-name", Args: []string{"-format", "yaml", "testdata/portal.csv"}, Code: 1},
		{Name: "bad-as-of", Args: []string{"-as-of", "30/06/2023"}, Code: 2},
		// No 区划代码 column: the division is the area the codes agree on
		// (511602, which package county names 广安区).
		{Name: "no-area", Args: []string{"-format", "json", "testdata/no-area.csv"}},
	}
	golden.Compare(t, run, tests, golden.Options{Quiet: true})
}

// TestConversions converts the sample to each format and back: the
// catalogue is the same (for CSV, its matters, as a row holds them).
func TestConversions(t *testing.T) {
	orig, err := matters.LoadFile("../data/catalogue-pengxi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, format := range []string{"yaml", "json", "csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			stdout := golden.Output(t, run, []string{"-format", format})
			file := filepath.Join(dir, "out."+format)
			if err := os.WriteFile(file, []byte(stdout), 0o644); err != nil {
				t.Fatal(err)
			}
			back, probs := cli.LoadCatalogue(file)
			if err := probs.Err(); err != nil {
				t.Fatalf("reading back: %v", err)
			}
			if format == "csv" {
				// A row holds no repeating elements.
				want := slices.Clone(orig.Matters)
				for i := range want {
					want[i].Materials, want[i].Steps, want[i].LegalBasis = nil, nil, nil
				}
				if diff := cmp.Diff(want, back.Matters, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("matters changed (-orig +back):\n%s", diff)
				}
				return
			}
			if format == "xlsx" {
				if diff := cmp.Diff(orig, back, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("catalogue changed (-orig +back):\n%s", diff)
				}
				return
			}
			if diff := cmp.Diff(orig, back); diff != "" {
				t.Errorf("catalogue changed (-orig +back):\n%s", diff)
			}
		})
	}
}

// TestRealListConverts converts the real list to JSON and YAML as a user
// would, with nothing but the file: each document is accepted and has
// exactly the problems, rule by rule and severity by severity, that the
// spreadsheet has.
func TestRealListConverts(t *testing.T) {
	golden.NeedRealList(t)
	byRule := func(l schema.List) map[string]int {
		m := map[string]int{}
		for _, p := range l {
			m[p.Severity.String()+" "+string(p.Rule)]++
		}
		return m
	}
	var want schema.List
	matters.LoadFile(golden.RealList, schema.Collect(&want))
	for _, format := range []string{"json", "yaml"} {
		t.Run(format, func(t *testing.T) {
			stdout := golden.Output(t, run, []string{"-format", format, golden.RealList})
			var got schema.List
			matters.Parse("real."+format, []byte(stdout), schema.Collect(&got))
			if got.HasErrors() {
				t.Errorf("the converted document is refused: %v", got.Err())
			}
			if diff := cmp.Diff(byRule(want), byRule(got)); diff != "" {
				t.Errorf("problems by rule (-csv +%s):\n%s", format, diff)
			}
		})
	}
}

// Text a spreadsheet would run is written neutralised in every CSV the
// program writes, the lists included; Markdown carries no markup from the
// data.
func TestOutputSafety(t *testing.T) {
	data := schematest.ReadFile(t, "testdata/valid.yaml")
	doc := strings.Replace(string(data), "name: 居民身份证换领", `name: "=HYPERLINK(\"http://x\",\"<b>点我</b>\")"`, 1)
	doc = strings.Replace(doc, "body: {name: 示例公安局,", `body: {name: "@SUM(A1)",`, 1)
	in := filepath.Join(t.TempDir(), "evil.yaml")
	if err := os.WriteFile(in, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"-in", in, "-format", "csv"},
		{"-in", in, "-format", "csv", "-encoding", "gb18030"},
		{"-in", in, "-list", "马上办清单", "-format", "csv"},
	} {
		stdout := golden.Output(t, run, args)
		rd := csv.NewReader(strings.NewReader(stdout))
		rd.FieldsPerRecord = -1
		recs, err := rd.ReadAll()
		if err != nil && args[len(args)-1] != "gb18030" {
			t.Fatalf("%v: %v", args, err)
		}
		seen := false
		for _, rec := range recs {
			for _, c := range rec {
				if c != "" && strings.ContainsRune("=+-@", rune(c[0])) {
					t.Errorf("%v: cell %q would run in a spreadsheet", args, c)
				}
				seen = seen || strings.Contains(c, "HYPERLINK")
			}
		}
		if !seen && args[len(args)-1] != "gb18030" {
			t.Errorf("%v: the matter is not in the output", args)
		}
	}
	for _, args := range [][]string{{"-in", in, "-format", "markdown"}, {"-in", in, "-list", "马上办清单"}} {
		if out := golden.Output(t, run, args); strings.Contains(out, "<b>") || !strings.Contains(out, "&lt;b&gt;") {
			t.Errorf("%v: markup not escaped:\n%s", args, out)
		}
	}
}

func TestMain(m *testing.M) { golden.Main(m) }
