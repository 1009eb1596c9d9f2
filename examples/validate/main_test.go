package main

import (
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/zwfw/zwfw/examples/internal/golden"
	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

func TestGolden(t *testing.T) {
	tests := []golden.Case{
		{Name: "default"},
		{Name: "valid", Args: []string{"testdata/valid.yaml"}},
		{Name: "broken", Args: []string{"testdata/broken.yaml"}, Code: 1},
		{Name: "truncated", Args: []string{"testdata/truncated.json"}, Code: 1},
		{Name: "several", Args: []string{"testdata/valid.yaml", "testdata/broken.yaml"}, Code: 1},
		{Name: "json", Args: []string{"-json", "testdata/broken.yaml"}, Code: 1},
		{Name: "kinds", Args: []string{"../data/bulletin-2021-04.yaml", "../../county/suining.yaml", "../../reform/modes.yaml"}},
		{Name: "csv", Args: []string{"../catalogdiff/testdata/portal.csv"}},
		// A spreadsheet's problems are at row and column, one a line.
		{Name: "csv-bad", Args: []string{"testdata/portal-bad.csv"}, Code: 1},
		// Text that is no document is named by its start, not printed whole.
		{Name: "one-line", Args: []string{"testdata/one-line.txt"}, Code: 1},
		{Name: "usage", Args: []string{"-nope"}, Code: 2},
		{Name: "missing", Args: []string{"testdata/missing.yaml"}, Code: 1},
		{Name: "broken-zh", Args: []string{"testdata/broken.yaml"}, Code: 1, Lang: "zh_CN.UTF-8"},
		{Name: "broken-lang-zh", Args: []string{"-lang", "zh", "testdata/broken.yaml"}, Code: 1},
		{Name: "broken-lang-en", Args: []string{"-lang=en", "testdata/broken.yaml"}, Code: 1, Lang: "zh_CN.UTF-8"},
		{Name: "usage-zh", Args: []string{"-h"}, Code: 2, Lang: "zh_CN.UTF-8"},
		{Name: "usage-lang", Args: []string{"-lang", "fr"}, Code: 2},
		{Name: "several-zh", Args: []string{"-lang", "zh", "testdata/valid.yaml", "testdata/missing.yaml", "../data/bulletin-2021-04.yaml"}, Code: 1},
	}
	golden.Compare(t, run, tests, golden.Options{UsageOnly: true})
}

// Every problem line follows FILE:LINE:COL: SEVERITY: PATH: MESSAGE [RULE].
func TestCompilerConvention(t *testing.T) {
	t.Setenv("LC_ALL", "C")
	_, stdout, _ := golden.Run(run, "testdata/broken.yaml")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	for _, l := range lines[:len(lines)-1] {
		parts := strings.SplitN(l, ": ", 4)
		if len(parts) != 4 || strings.Count(parts[0], ":") != 2 || !strings.HasSuffix(l, "]") ||
			parts[1] != "error" && parts[1] != "warning" || !strings.HasPrefix(parts[2], "/") {
			t.Errorf("line not in the compiler convention: %s", l)
		}
	}
}

// TestRealList validates the real list: warnings only, each problem on a
// line of its own at row and column.
func TestRealList(t *testing.T) {
	golden.NeedRealList(t)
	stdout := golden.Output(t, run, []string{golden.RealList})
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	for _, l := range lines[:len(lines)-1] {
		if !strings.HasPrefix(l, golden.RealList+":") || strings.Count(l, "\n") > 0 || len(l) > 1000 || !strings.Contains(l, ": warning: ") {
			t.Errorf("not one located warning: %.200s", l)
		}
	}
	if last := lines[len(lines)-1]; !strings.HasSuffix(last, "1135 matters, 0 errors, "+strconv.Itoa(len(lines)-1)+" warnings") {
		t.Errorf("summary: %s", last)
	}
}

// The kind is the document's top-level member, never text that looks like
// it: a comment, a string, a nested member.
func TestKindFromTopLevel(t *testing.T) {
	bulletin := schematest.ReadFile(t, "../data/bulletin-2021-04.yaml")
	catalogue := schematest.ReadFile(t, "testdata/valid.yaml")
	tests := []struct {
		name, file string
		data       string
		kind       string
	}{
		{"comment naming another kind", "b.yaml", "# kind: Catalogue\n" + string(bulletin), "Bulletin"},
		{"nested kind first", "x.json", `{"x-meta": {"kind": "Catalogue"}, "kind": "ReformModes", "schemaVersion": 1, "modes": []}`, "ReformModes"},
		{"catalogue", "c.yaml", string(catalogue), "Catalogue"},
		{"catalogue with kind after its matters", "c.json", `{"schemaVersion": 1, "matters": [{"code": "X"}], "kind": "Catalogue"}`, "Catalogue"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kind, _, probs := validate(tt.file, strings.NewReader(tt.data), nil, false)
			if kind != tt.kind {
				t.Errorf("kind %q, want %q; problems:\n%v", kind, tt.kind, probs)
			}
			if tt.kind == "Bulletin" && probs.HasErrors() {
				t.Errorf("a valid bulletin has errors:\n%v", probs)
			}
		})
	}
}

// Input that is not a document at all, however long, ends in one located
// problem after reading a bounded amount of it.
func TestEndlessInput(t *testing.T) {
	for _, tt := range []struct {
		name string
		r    io.Reader
		rule schema.Rule
	}{
		{"zeros", &endless{b: 0}, schema.RuleBadText},
		{"one endless line", &endless{b: 'a'}, schema.RuleTooLarge},
		{"endless JSON string", io.MultiReader(strings.NewReader(`{"kind": "Catalogue", "matters": ["`), &endless{b: 'a'}), schema.RuleTooLarge},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, probs := validate("in", tt.r, nil, false)
			if len(probs) == 0 || probs[0].Rule != tt.rule || probs[0].Pos.Line == 0 {
				t.Errorf("problems %v, want a located %s", probs, tt.rule)
			}
		})
	}
}

// endless is a reader that never ends, of one byte repeated.
type endless struct{ b byte }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = e.b
	}
	return len(p), nil
}

// Each kind has one size limit, whichever program reads it: a bulletin
// larger than report.MaxDocumentSize is refused here as bulletin -in
// refuses it.
func TestKindLimits(t *testing.T) {
	big := `{"kind": "Bulletin", "schemaVersion": 1, "x-pad": "` + strings.Repeat("a", report.MaxDocumentSize) + `"}`
	kind, _, probs := validate("big.json", strings.NewReader(big), nil, false)
	if kind != "Bulletin" || len(probs) != 1 || probs[0].Rule != schema.RuleTooLarge || probs[0].Pos.Line != 1 {
		t.Errorf("kind %q, problems %v; want one located %s for a Bulletin", kind, probs, schema.RuleTooLarge)
	}
}

func TestMain(m *testing.M) { golden.Main(m) }
