package main

import (
	"encoding/csv"
	"encoding/json"
	"github.com/zwfw/zwfw/examples/data"
	"github.com/zwfw/zwfw/examples/internal/golden"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/reform"
)

// TestListGolden runs -list and compares what it writes with
// testdata/list-NAME.golden, as TestGolden does.
func TestListGolden(t *testing.T) {
	tests := []golden.Case{
		{Name: "list-instant", Args: []string{"-list", "马上办清单"}},
		{Name: "list-chuanyu", Args: []string{"-list", "川渝通办清单", "-in", "testdata/valid.yaml"}},
		{Name: "list-delegated-csv", Args: []string{"-list", "下放事项", "-format", "csv"}},
		{Name: "list-bundles-json", Args: []string{"-list", "一件事一次办清单", "-format", "json"}},
		{Name: "list-24h-gb18030", Args: []string{"-list", "24小时自助清单", "-format", "csv", "-encoding", "gb18030"}},
		{Name: "list-unknown", Args: []string{"-list", "好差评清单"}, Code: 2},
		{Name: "list-yaml", Args: []string{"-list", "马上办清单", "-format", "yaml"}, Code: 2},
		{Name: "list-instant-zh", Args: []string{"-lang", "zh", "-list", "马上办清单"}},
		{Name: "list-delegated-by-body-zh", Args: []string{"-lang", "zh", "-list", "下放事项清单", "-by-body"}},
		{Name: "list-chuanyu-csv-zh", Args: []string{"-lang", "zh", "-list", "川渝通办清单", "-format", "csv"}},
		{Name: "list-unknown-zh", Args: []string{"-lang", "zh", "-list", "好差评清单"}, Code: 2},
	}
	golden.Compare(t, run, tests, golden.Options{})
}

// goTool returns the go command, or skips the test.
func goTool(t *testing.T) string {
	t.Helper()
	if p := filepath.Join(runtime.GOROOT(), "bin", "go"); fileExists(p) {
		return p
	}
	p, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to build examples/coverage: %v", err)
	}
	return p
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// coverageCounts builds examples/coverage, runs it with -json on the
// embedded sample and returns the figures it prints, by indicator.
func coverageCounts(t *testing.T) map[reform.Indicator]struct {
	Num    int64
	Groups []reform.Subtotal
} {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "coverage")
	build := exec.Command(goTool(t), "build", "-o", bin, "../coverage")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building examples/coverage: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "-json").Output()
	if err != nil {
		t.Fatalf("coverage -json: %v", err)
	}
	var doc struct {
		Catalogues []struct {
			File       string
			Indicators []struct {
				Indicator reform.Indicator
				Num       int64
				Groups    []reform.Subtotal
				Distinct  bool `json:"distinctItems"`
				Matters   int64
			}
		}
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("coverage -json: %v", err)
	}
	if len(doc.Catalogues) != 1 || doc.Catalogues[0].File != data.Catalogue {
		t.Fatalf("coverage measured %+v, want the sample %s", doc.Catalogues, data.Catalogue)
	}
	counts := map[reform.Indicator]struct {
		Num    int64
		Groups []reform.Subtotal
	}{}
	for _, r := range doc.Catalogues[0].Indicators {
		// A list has one entry per matter; a scope count counts the
		// distinct items among them (a base item claimed by two villages
		// once), grouped by item: the list is held to the matters.
		if r.Distinct {
			r.Num, r.Groups = r.Matters, nil
		}
		counts[r.Indicator] = struct {
			Num    int64
			Groups []reform.Subtotal
		}{r.Num, r.Groups}
	}
	return counts
}

// TestListsAgreeWithCoverage prints every list of the sample catalogue as
// JSON, CSV and Markdown and sets its entries, group by group, against the
// counts examples/coverage prints for the same catalogue.
func TestListsAgreeWithCoverage(t *testing.T) {
	counts := coverageCounts(t)
	for _, l := range reform.MatterLists() {
		t.Run(l.Name, func(t *testing.T) {
			want, ok := counts[l.Indicator]
			if !ok {
				t.Fatalf("coverage prints no %s", l.Indicator)
			}
			printed := func(format string) string {
				return golden.Output(t, run, []string{"-list", l.Name, "-format", format})
			}

			// JSON: the count, and the sections as groups.
			var doc struct {
				Count    int64
				Sections []struct {
					Group   string
					Matters []json.RawMessage
				}
			}
			if err := json.Unmarshal([]byte(printed("json")), &doc); err != nil {
				t.Fatal(err)
			}
			var groups []reform.Subtotal
			var inSections int64
			for _, s := range doc.Sections {
				groups = append(groups, reform.Subtotal{Key: s.Group, Count: int64(len(s.Matters))})
				inSections += int64(len(s.Matters))
			}
			bundles := l.Indicator == reform.BundleCount
			if bundles {
				inSections = int64(len(doc.Sections))
			}
			if doc.Count != want.Num || inSections != want.Num {
				t.Errorf("json: count %d, %d entries listed; coverage: %s = %d", doc.Count, inSections, l.Indicator, want.Num)
			}
			if !bundles && l.GroupedBy != "" && want.Groups != nil {
				if diff := cmp.Diff(want.Groups, groups); diff != "" {
					t.Errorf("json: groups differ from coverage's (-coverage +list):\n%s", diff)
				}
			}

			// CSV: one row per matter after the header.
			rows, err := csv.NewReader(strings.NewReader(printed("csv"))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if !bundles && int64(len(rows)-1) != want.Num {
				t.Errorf("csv: %d rows; coverage: %s = %d", len(rows)-1, l.Indicator, want.Num)
			}

			// Markdown: one table row per matter, one heading per group.
			var tableRows, headings int64
			for _, line := range strings.Split(printed("markdown"), "\n") {
				switch {
				case strings.HasPrefix(line, "## "):
					headings++
				case strings.HasPrefix(line, "| ") && !strings.HasPrefix(line, "| no. |"):
					tableRows++
				}
			}
			if bundles && headings != want.Num || !bundles && tableRows != want.Num {
				t.Errorf("markdown: %d rows under %d headings; coverage: %s = %d", tableRows, headings, l.Indicator, want.Num)
			}
		})
	}
}
