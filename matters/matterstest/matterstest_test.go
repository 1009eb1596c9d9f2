package matterstest_test

import (
	"fmt"
	"os"
	"regexp"
	"runtime"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/matterstest"
	"github.com/zwfw/zwfw/schema/schematest"
)

// recorder is a TB that records what the helpers report. Fatalf ends the
// goroutine, as testing.T's does.
type recorder struct {
	mu                   sync.Mutex
	errors, logs, fatals []string
	helper               bool
}

func (r *recorder) Helper() { r.mu.Lock(); r.helper = true; r.mu.Unlock() }
func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recorder) Logf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.logs = append(r.logs, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.mu.Lock()
	r.fatals = append(r.fatals, fmt.Sprintf(format, args...))
	r.mu.Unlock()
	runtime.Goexit()
}

// record runs f with a recorder on a goroutine of its own, so that
// Fatalf can end it.
func record(f func(*recorder)) *recorder {
	r := &recorder{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r
}

// problemLine matches a reported problem; the tests compare its position
// and rule, not its message.
var problemLine = regexp.MustCompile(`^(\S+:\d+:\d+): (error|warning): \S*:? ?.*\[([a-z0-9.-]+)\]$`)

// located returns "FILE:LINE:COL severity rule" for each line.
func located(t *testing.T, lines []string) []string {
	t.Helper()
	var out []string
	for _, l := range lines {
		m := problemLine.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("not a located problem: %q", l)
			continue
		}
		out = append(out, m[1]+" "+m[2]+" "+m[3])
	}
	return out
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name         string
		file         string
		opts         []matterstest.Option
		errors, logs []string
		matters      int
	}{
		{name: "valid", file: "testdata/catalogue.yaml", matters: 3},
		{
			name:    "broken",
			file:    "testdata/broken.yaml",
			errors:  []string{"testdata/broken.yaml:13:20 error matter.promised-exceeds-legal"},
			logs:    []string{"testdata/broken.yaml:21:12 warning matter.postal-missing"},
			matters: 2,
		},
		{
			name: "warnings as errors",
			file: "testdata/broken.yaml",
			opts: []matterstest.Option{matterstest.WarningsAsErrors()},
			errors: []string{
				"testdata/broken.yaml:13:20 error matter.promised-exceeds-legal",
				"testdata/broken.yaml:21:12 warning matter.postal-missing",
			},
			matters: 2,
		},
		{
			name:    "allowed",
			file:    "testdata/broken.yaml",
			opts:    []matterstest.Option{matterstest.Allow(matters.RulePromisedExceeds), matterstest.WarningsAsErrors()},
			errors:  []string{"testdata/broken.yaml:21:12 warning matter.postal-missing"},
			logs:    []string{"testdata/broken.yaml:13:20 error matter.promised-exceeds-legal"},
			matters: 2,
		},
		{
			name: "spreadsheet",
			file: "testdata/portal.csv",
			logs: []string{
				"testdata/portal.csv:3:3 warning code.org-code-for-credit-code",
				"testdata/portal.csv:3:6 warning matter.body-org-code",
			},
			matters: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cat *matters.Catalogue
			r := record(func(r *recorder) { cat = matterstest.Check(r, tt.file, tt.opts...) })
			if diff := cmp.Diff(tt.errors, located(t, r.errors)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.logs, located(t, r.logs)); diff != "" {
				t.Errorf("logs (-want +got):\n%s", diff)
			}
			if len(r.fatals) > 0 || !r.helper {
				t.Errorf("fatals %v, Helper called %v", r.fatals, r.helper)
			}
			if cat == nil || len(cat.Matters) != tt.matters {
				t.Errorf("catalogue %v, want %d matters", cat, tt.matters)
			}
		})
	}
}

func TestCheckFatal(t *testing.T) {
	for _, file := range []string{"testdata/missing.yaml", "testdata/not-yaml.yaml"} {
		t.Run(file, func(t *testing.T) {
			if file == "testdata/not-yaml.yaml" {
				file = t.TempDir() + "/not-yaml.yaml"
				if err := os.WriteFile(file, []byte("\tfoo: [\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			returned := false
			r := record(func(r *recorder) {
				matterstest.Check(r, file)
				returned = true
			})
			if len(r.fatals) != 1 || returned {
				t.Errorf("fatals %v, returned %v", r.fatals, returned)
			}
		})
	}
}

func TestCheckFS(t *testing.T) {
	data := schematest.ReadFile(t, "testdata/broken.yaml")
	fsys := fstest.MapFS{"data/broken.yaml": {Data: data}}
	r := record(func(r *recorder) { matterstest.CheckFS(r, fsys, "data/broken.yaml") })
	if diff := cmp.Diff([]string{"data/broken.yaml:13:20 error matter.promised-exceeds-legal"}, located(t, r.errors)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	r = record(func(r *recorder) { matterstest.CheckFS(r, fsys, "data/missing.yaml") })
	if len(r.fatals) != 1 {
		t.Errorf("fatals %v", r.fatals)
	}
}

func TestCountWhere(t *testing.T) {
	cat, _ := matters.LoadFile("testdata/catalogue.yaml")
	instant := (*matters.Matter).IsInstant
	for _, tt := range []struct {
		want   int
		errors int
	}{{2, 0}, {3, 1}} {
		var got int
		r := record(func(r *recorder) { got = matterstest.CountWhere(r, cat, "即办", instant, tt.want) })
		if got != 2 || len(r.errors) != tt.errors {
			t.Errorf("want %d: counted %d, errors %v", tt.want, got, r.errors)
		}
	}
}

func TestExpectDiff(t *testing.T) {
	old, _ := matters.LoadFile("testdata/catalogue.yaml")
	new, _ := matters.LoadFile("testdata/catalogue-2021-05.yaml")
	all := []matterstest.Change{
		{Kind: matters.Changed, Paths: []string{"asOf"}},
		{Kind: matters.Changed, Code: "11510921MB1C71426G4000174023001", Paths: []string{"promisedLimit"}},
		{Kind: matters.Removed, Code: "11510921MB1C71426G4000174023002"},
		{Kind: matters.Added, Code: "11510921MB1C71426G4000174023003"},
		{Kind: matters.Changed, Bundle: true, Code: "B001", Paths: []string{"name"}},
	}
	tests := []struct {
		name   string
		want   []matterstest.Change
		errors []string
	}{
		{name: "all", want: all},
		{name: "paths in any order, or any", want: append(all[:1:1],
			matterstest.Change{Kind: matters.Changed, Code: "11510921MB1C71426G4000174023001"},
			all[2], all[3], all[4])},
		{name: "missing", want: all[1:], errors: []string{"matterstest: unexpected change: catalogue 变更 [asOf]"}},
		{
			name: "wrong path",
			want: append(all[:1:1], matterstest.Change{Kind: matters.Changed, Code: "11510921MB1C71426G4000174023001", Paths: []string{"legalLimit"}}, all[2], all[3], all[4]),
			errors: []string{
				"matterstest: diff lacks 变更 11510921MB1C71426G4000174023001 [legalLimit] (has 变更 11510921MB1C71426G4000174023001 [promisedLimit])",
				"matterstest: unexpected change: 变更 11510921MB1C71426G4000174023001 [promisedLimit]",
			},
		},
		{
			name:   "not there",
			want:   append(all[:5:5], matterstest.Change{Kind: matters.Moved, Code: "X"}),
			errors: []string{"matterstest: diff lacks 划转 X"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d *matters.Diff
			r := record(func(r *recorder) { d = matterstest.ExpectDiff(r, old, new, tt.want...) })
			if diff := cmp.Diff(tt.errors, r.errors); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if d == nil || d.Count(matters.Added) != 1 {
				t.Errorf("diff %v", d)
			}
		})
	}
}

func TestNoRemovals(t *testing.T) {
	old, _ := matters.LoadFile("testdata/catalogue.yaml")
	new, _ := matters.LoadFile("testdata/catalogue-2021-05.yaml")
	r := record(func(r *recorder) { matterstest.NoRemovals(r, old, new) })
	want := []string{"matterstest: matter 11510921MB1C71426G4000174023002 食品经营许可（变更） (蓬溪县行政审批局) was removed"}
	if diff := cmp.Diff(want, r.errors); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	r = record(func(r *recorder) { matterstest.NoRemovals(r, new, new) })
	if len(r.errors) != 0 {
		t.Errorf("errors: %v", r.errors)
	}
	// Removed bundles count too.
	fewer := *new
	fewer.Bundles = nil
	r = record(func(r *recorder) { matterstest.NoRemovals(r, new, &fewer) })
	if diff := cmp.Diff([]string{"matterstest: bundle B001 我要开饭店 was removed"}, r.errors); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}
