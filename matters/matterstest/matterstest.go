package matterstest

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
)

// TB is the part of testing.TB the helpers use.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
	Logf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// Option changes how [Check] reports problems.
type Option func(*config)

type config struct {
	strict bool
	allow  map[schema.Rule]bool
}

// WarningsAsErrors reports warnings through Errorf, as errors are.
func WarningsAsErrors() Option { return func(c *config) { c.strict = true } }

// Allow reports problems of the given rules through Logf, even errors:
// for data whose known faults are accepted, such as a portal's export
// (Allow("matter.body-org-code", "code.bad-body")).
func Allow(rules ...schema.Rule) Option {
	return func(c *config) {
		if c.allow == nil {
			c.allow = map[schema.Rule]bool{}
		}
		for _, r := range rules {
			c.allow[r] = true
		}
	}
}

// Check loads the catalogue at file, a document (YAML or JSON, read by
// [matters.Load]) or, when its name ends in .csv, a spreadsheet (read by
// [matters.ReadCSV]), and reports each problem on a line of its own in the
// compiler convention, FILE:LINE:COL: SEVERITY: PATH: MESSAGE [RULE]:
// errors through t.Errorf, warnings through t.Logf (see [Option]). It
// returns the catalogue; when there is none to return (the file cannot be
// read, or is not YAML, JSON or CSV), it calls t.Fatalf.
func Check(t TB, file string, opts ...Option) *matters.Catalogue {
	t.Helper()
	f, err := os.Open(file)
	return checkOpened(t, f, err, file, opts)
}

// CheckFS is [Check] for the file name in fsys, such as an embed.FS of
// the data.
func CheckFS(t TB, fsys fs.FS, name string, opts ...Option) *matters.Catalogue {
	t.Helper()
	f, err := fsys.Open(name)
	return checkOpened(t, f, err, name, opts)
}

// checkOpened is check for a file as opening it gave it.
func checkOpened(t TB, f io.ReadCloser, err error, name string, opts []Option) *matters.Catalogue {
	t.Helper()
	if err != nil {
		t.Fatalf("matterstest: %v", err)
		return nil
	}
	defer f.Close()
	return check(t, f, name, opts)
}

func check(t TB, r io.Reader, name string, opts []Option) *matters.Catalogue {
	t.Helper()
	var c config
	for _, o := range opts {
		o(&c)
	}
	var cat *matters.Catalogue
	var probs schema.List
	if strings.EqualFold(path.Ext(name), ".csv") {
		cat, _ = matters.ReadCSV(r, name, nil, schema.Collect(&probs))
	} else {
		cat, _ = matters.Load(r, name, schema.Collect(&probs))
	}
	for _, p := range probs {
		if c.allow[p.Rule] || p.Severity == schema.Warning && !c.strict {
			t.Logf("%v", p)
		} else {
			t.Errorf("%v", p)
		}
	}
	if cat == nil {
		t.Fatalf("matterstest: %s holds no catalogue", name)
	}
	return cat
}

// CountWhere counts the matters of cat for which pred holds, reports
// through t.Errorf when the count is not want, and returns it. name says
// what is counted, for the message: CountWhere(t, cat, "即办件", isInstant,
// 423). Indicators that are ratios are two counts.
func CountWhere(t TB, cat *matters.Catalogue, name string, pred func(*matters.Matter) bool, want int) int {
	t.Helper()
	n := 0
	for i := range cat.Matters {
		if pred(&cat.Matters[i]) {
			n++
		}
	}
	if n != want {
		t.Errorf("matterstest: %s: %d of %d matters, want %d", name, n, len(cat.Matters), want)
	}
	return n
}

// Change is one entry expected of a diff by [ExpectDiff]: the kind of
// change, the code of the matter (Bundle false) or the key of the bundle
// (Bundle true), and for changed and moved ones the element paths that
// changed ("promisedLimit", "body.name"), in any order; nil Paths accept
// any. The catalogue's own elements are one entry with Kind
// [matters.Changed], Bundle false and Code "".
type Change struct {
	Kind   matters.ChangeKind
	Bundle bool
	Code   string
	Paths  []string
}

// String describes the change as the failure messages do: "变更 CODE
// [promisedLimit]", "bundle 新增 KEY", "catalogue 变更 [asOf]".
func (c Change) String() string {
	var b strings.Builder
	switch {
	case c.Bundle:
		b.WriteString("bundle ")
	case c.Code == "":
		b.WriteString("catalogue ")
	}
	b.WriteString(c.Kind.String())
	if c.Code != "" {
		b.WriteString(" " + c.Code)
	}
	if len(c.Paths) > 0 {
		b.WriteString(" [" + strings.Join(c.Paths, " ") + "]")
	}
	return b.String()
}

// changes lists the entries of d as Changes, paths sorted.
func changes(d *matters.Diff) []Change {
	paths := func(chs []matters.Change) []string {
		var out []string
		for _, c := range chs {
			out = append(out, c.Path)
		}
		slices.Sort(out)
		return out
	}
	var out []Change
	if len(d.Catalogue) > 0 {
		out = append(out, Change{Kind: matters.Changed, Paths: paths(d.Catalogue)})
	}
	for _, c := range d.Matters {
		out = append(out, Change{Kind: c.Kind, Code: string(c.Code), Paths: paths(c.Changes)})
	}
	for _, c := range d.Bundles {
		out = append(out, Change{Kind: c.Kind, Bundle: true, Code: c.Key, Paths: paths(c.Changes)})
	}
	return out
}

// ExpectDiff compares old with new, its next edition, and reports through
// t.Errorf each expected change the diff lacks and each change it has that
// was not expected; with no want, every change is unexpected. It returns
// the diff.
func ExpectDiff(t TB, old, new *matters.Catalogue, want ...Change) *matters.Diff {
	t.Helper()
	d := old.Diff(new)
	got := changes(d)
	matched := make([]bool, len(got))
	for _, w := range want {
		if w.Paths != nil {
			w.Paths = slices.Sorted(slices.Values(w.Paths))
		}
		found := false
		for i, g := range got {
			if matched[i] || g.Kind != w.Kind || g.Bundle != w.Bundle || g.Code != w.Code {
				continue
			}
			if w.Paths != nil && !cmp.Equal(w.Paths, g.Paths) {
				continue
			}
			matched[i], found = true, true
			break
		}
		if !found {
			t.Errorf("matterstest: diff lacks %v%s", w, nearest(got, matched, w))
		}
	}
	for i, g := range got {
		if !matched[i] {
			t.Errorf("matterstest: unexpected change: %v", g)
		}
	}
	return d
}

// nearest describes the unmatched change with the same code, if any.
func nearest(got []Change, matched []bool, w Change) string {
	for i, g := range got {
		if !matched[i] && g.Bundle == w.Bundle && g.Code == w.Code {
			return fmt.Sprintf(" (has %v)", g)
		}
	}
	return ""
}

// NoRemovals reports through t.Errorf each matter and bundle of old that
// new, its next edition, no longer holds (matched as [matters.Catalogue.Diff]
// matches them, so a matter whose code changed is not removed). It returns
// the diff.
func NoRemovals(t TB, old, new *matters.Catalogue) *matters.Diff {
	t.Helper()
	d := old.Diff(new)
	for _, c := range d.Matters {
		if c.Kind == matters.Removed {
			t.Errorf("matterstest: matter %s %s (%s) was removed", c.Code, c.Name(), c.Old.Body.Name)
		}
	}
	for _, c := range d.Bundles {
		if c.Kind == matters.Removed {
			t.Errorf("matterstest: bundle %s %s was removed", c.Key, c.Old.Name)
		}
	}
	return d
}
