package matters

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/schema/schematest"
)

// diffEdition loads valid.yaml with textual replacements (old, new, old,
// new, …) applied: another edition of the same catalogue.
func diffEdition(t *testing.T, repl ...string) *Catalogue {
	t.Helper()
	b := schematest.ReadFile(t, "testdata/valid.yaml")
	s := string(b)
	for i := 0; i < len(repl); i += 2 {
		if !strings.Contains(s, repl[i]) {
			t.Fatalf("fixture does not contain %q", repl[i])
		}
		s = strings.Replace(s, repl[i], repl[i+1], 1)
	}
	c, probs := loader.Problems("edition.yaml", []byte(s))
	if c == nil {
		t.Fatalf("edition does not load: %v", probs)
	}
	return c
}

// diffEntry is what the tests compare of a diff: kind, code or key, and
// the paths that changed.
type diffEntry struct {
	Kind  ChangeKind
	Key   string
	Paths []string
}

func diffEntries(d *Diff) (catalogue []string, ms, bs []diffEntry) {
	for _, c := range d.Catalogue {
		catalogue = append(catalogue, c.Path)
	}
	paths := func(chs []Change) []string {
		var out []string
		for _, c := range chs {
			out = append(out, c.Path)
		}
		return out
	}
	for _, c := range d.Matters {
		ms = append(ms, diffEntry{c.Kind, string(c.Code), paths(c.Changes)})
	}
	for _, c := range d.Bundles {
		bs = append(bs, diffEntry{c.Kind, c.Key, paths(c.Changes)})
	}
	return catalogue, ms, bs
}

const (
	diffFood = "11511301008778183N4000101001000"
	diffID   = "1151130108337220434000201002000"
	diffAid  = "11511301008778183N5000301003000"
)

const diffNewMatter = `  - code: "N1"
    name: 新事项
    type: 公共服务
    level: 县级
    body: {name: 示例局}
bundles:`

func TestDiff(t *testing.T) {
	tests := []struct {
		name      string
		repl      []string
		catalogue []string
		matters   []diffEntry
		bundles   []diffEntry
	}{
		{name: "same"},
		{
			name:    "promised limit shortened",
			repl:    []string{"promisedLimit: {value: 5, unit: 工作日}\n    handlingKind", "promisedLimit: {value: 3, unit: 工作日}\n    handlingKind"},
			matters: []diffEntry{{Changed, diffFood, []string{"promisedLimit"}}},
		},
		{
			name:    "moved to another body",
			repl:    []string{"body: {name: 示例民政局, creditCode: \"11511301008778183N\"}", "body: {name: 示例行政审批局, creditCode: \"11511301008778183N\"}"},
			matters: []diffEntry{{Moved, diffAid, []string{"body.name"}}},
		},
		{
			name:    "moved to another level, with another change",
			repl:    []string{"level: 乡镇级", "level: 县级", "tolerateMissing: true", "tolerateMissing: false"},
			matters: []diffEntry{{Moved, diffAid, []string{"level", "tolerateMissing"}}},
		},
		{
			name:    "consultation phone changed",
			repl:    []string{"consultationPhone: 0825-2222222", "consultationPhone: 0825-3333333"},
			matters: []diffEntry{{Changed, diffFood, []string{"consultationPhone"}}},
		},
		{
			name:    "body nature is no move",
			repl:    []string{", nature: 法定机关}", "}"},
			matters: []diffEntry{{Changed, diffFood, []string{"body.nature"}}},
		},
		{
			name:    "added",
			repl:    []string{"bundles:", diffNewMatter},
			matters: []diffEntry{{Added, "N1", nil}},
		},
		{
			name: "removed, and the bundle that named it changed",
			repl: []string{
				"  - code: \"11511301008778183N5000301003000\"", "  - code: \"X\"\n    name: 占位\n    type: 公共服务\n    level: 县级\n    body: {name: 示例局}\n  - code: \"11511301008778183N5000301003001\"",
				"临时救助", "临时救助（改）",
				`matters: ["11511301008778183N4000101001000", "11511301008778183N5000301003000"]`, `matters: ["11511301008778183N4000101001000", "11511301008778183N5000301003001"]`,
			},
			matters: []diffEntry{{Removed, diffAid, nil}, {Added, diffAid[:len(diffAid)-1] + "1", nil}, {Added, "X", nil}},
			bundles: []diffEntry{{Changed, "B001", []string{"matters"}}},
		},
		{
			name:    "code changed: paired by name and base code",
			repl:    []string{"code: \"1151130108337220434000201002000\"", "code: \"1151130108337220434000201002001\""},
			matters: []diffEntry{{Changed, diffID[:len(diffID)-1] + "1", []string{"code"}}},
		},
		{
			name:    "code and body changed: moved",
			repl:    []string{"code: \"1151130108337220434000201002000\"", "code: \"11511301008778183N4000201002000\"", "creditCode: \"115113010833722043\"", "creditCode: \"11511301008778183N\""},
			matters: []diffEntry{{Moved, "11511301008778183N4000201002000", []string{"body.creditCode", "code"}}},
		},
		{
			name:    "extensions, fee and sets",
			repl:    []string{"x-window: 3号窗口", "x-window: 4号窗口\n    x-new: {a: 1}", "basis: 居民身份证工本费标准", "basis: 新标准", "forms: [1]", "forms: [1, 3]"},
			matters: []diffEntry{{Changed, diffID, []string{"fee.basis", "forms", "x-new", "x-window"}}},
		},
		{
			name:    "extension written differently, same JSON",
			repl:    []string{"x-window: 3号窗口", "x-window: {a: 1, b: [2]}"},
			matters: []diffEntry{{Changed, diffID, []string{"x-window"}}},
		},
		{
			name:      "catalogue elements",
			repl:      []string{"asOf: 2021-04-30", "asOf: 2021-05-31", "x-publisher: 示例", "x-publisher: 另一示例", "{code: \"511301\", name: 顺庆区}", "{code: \"511302\", name: 顺庆区}"},
			catalogue: []string{"asOf", "division.code", "x-publisher"},
		},
		{
			name:      "all extensions gone",
			repl:      []string{"x-publisher: 示例\n", ""},
			catalogue: []string{"x-publisher"},
		},
		{
			name:    "first extensions of a matter and of its body",
			repl:    []string{"name: 临时救助\n", "name: 临时救助\n    x-a: 1\n    x-b: [2]\n", "body: {name: 示例民政局, creditCode: \"11511301008778183N\"}", "body: {name: 示例民政局, creditCode: \"11511301008778183N\", x-c: 3}"},
			matters: []diffEntry{{Changed, diffAid, []string{"body.x-c", "x-a", "x-b"}}},
		},
		{
			name:    "bundle added, removed by code",
			repl:    []string{"- code: B001", "- code: B002"},
			bundles: []diffEntry{{Removed, "B001", nil}, {Added, "B002", nil}},
		},
		{
			name:    "bundle changed",
			repl:    []string{"我要开餐馆", "我要开饭店", "    leadBody: 示例行政审批局\n", "", "promisedLimit: {value: 5, unit: 工作日}\n    visits: 1", "promisedLimit: {value: 3, unit: 工作日}\n    visits: 1"},
			bundles: []diffEntry{{Changed, "B001", []string{"leadBody", "name", "promisedLimit"}}},
		},
	}
	old := diffEdition(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := old.Diff(diffEdition(t, tt.repl...))
			c, ms, bs := diffEntries(d)
			if diff := cmp.Diff(tt.catalogue, c); diff != "" {
				t.Errorf("catalogue changes (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.matters, ms); diff != "" {
				t.Errorf("matter changes (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.bundles, bs); diff != "" {
				t.Errorf("bundle changes (-want +got):\n%s", diff)
			}
			if d.Empty() != (len(tt.catalogue)+len(tt.matters)+len(tt.bundles) == 0) {
				t.Errorf("Empty() = %v", d.Empty())
			}
		})
	}
}

// TestDiffRecodeAmbiguous: two removed matters share a name with an added
// one, so nothing pairs.
func TestDiffRecodeAmbiguous(t *testing.T) {
	a := &Catalogue{Matters: []Matter{{Code: "A1", Name: "甲"}, {Code: "A2", Name: "甲"}}}
	b := &Catalogue{Matters: []Matter{{Code: "B1", Name: "甲"}}}
	_, ms, _ := diffEntries(a.Diff(b))
	want := []diffEntry{{Removed, "A1", nil}, {Removed, "A2", nil}, {Added, "B1", nil}}
	if diff := cmp.Diff(want, ms); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDiffDuplicates pairs matters that share a code in order.
func TestDiffDuplicates(t *testing.T) {
	a := &Catalogue{Matters: []Matter{{Code: "A", Name: "甲"}, {Code: "A", Name: "乙"}}}
	b := &Catalogue{Matters: []Matter{{Code: "A", Name: "甲"}, {Code: "A", Name: "丙"}, {Code: "A", Name: "丁"}}}
	_, ms, _ := diffEntries(a.Diff(b))
	want := []diffEntry{{Added, "A", nil}, {Changed, "A", []string{"name"}}}
	if diff := cmp.Diff(want, ms); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestDiffEmptyEqualsAbsent: empty and absent lists and maps are no
// change.
func TestDiffEmptyEqualsAbsent(t *testing.T) {
	a := &Catalogue{Matters: []Matter{{Code: "A", Fee: &Fee{Items: nil}, Extensions: nil}}}
	b := &Catalogue{Matters: []Matter{{Code: "A", Fee: &Fee{Items: []string{}}, Extensions: Extensions{}, Scopes: []Scope{}}}}
	if d := a.Diff(b); !d.Empty() {
		t.Errorf("diff: %v", d)
	}
}

func TestDiffText(t *testing.T) {
	old := diffEdition(t)
	new := diffEdition(t,
		"asOf: 2021-04-30", "asOf: 2021-05-31",
		"promisedLimit: {value: 5, unit: 工作日}\n    handlingKind", "promisedLimit: {value: 3, unit: 工作日}\n    handlingKind",
		"body: {name: 示例民政局, creditCode: \"11511301008778183N\"}", "body: {name: 示例行政审批局, creditCode: \"11511301008778183N\"}",
		"scopes: [{scope: 跨省通办, batch: 2}]", "scopes: [{scope: 跨省通办, batch: 2}, {scope: 川渝通办}]",
		"bundles:", diffNewMatter,
		"我要开餐馆", "我要开饭店",
	)
	want := `catalogue:
  asOf: 2021-04-30 → 2021-05-31
matters: 1 added, 0 removed, 2 changed, 1 moved
  ~ 11511301008778183N4000101001000 食品经营许可
      promisedLimit: 5工作日 → 3工作日
  > 11511301008778183N5000301003000 临时救助
      body.name: 示例民政局 → 示例行政审批局
  ~ 1151130108337220434000201002000 居民身份证换领
      scopes: 跨省通办（第2批） → 跨省通办（第2批）、川渝通办
  + N1 新事项 (示例局)
bundles: 0 added, 0 removed, 1 changed
  ~ B001 我要开饭店
      name: 我要开餐馆 → 我要开饭店
`
	d := old.Diff(new)
	if diff := cmp.Diff(want, d.String()); diff != "" {
		t.Errorf("text (-want +got):\n%s", diff)
	}
	if got := old.Diff(old).String(); got != "no differences\n" {
		t.Errorf("empty diff: %q", got)
	}

	// JSON: the same content for programs.
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Summary struct {
			Matters map[string]int
		}
		Catalogue []struct {
			Path     string
			Old, New any
		}
		Matters []struct {
			Kind    ChangeKind
			Code    string
			Name    string
			New     map[string]any
			Changes []struct {
				Path     string
				Old, New any
			}
		}
		Bundles []struct {
			Kind ChangeKind
			Key  string
		}
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if v.Summary.Matters["added"] != 1 || v.Summary.Matters["moved"] != 1 || v.Summary.Matters["changed"] != 2 {
		t.Errorf("summary %v", v.Summary)
	}
	if len(v.Catalogue) != 1 || v.Catalogue[0].Old != "2021-04-30" || v.Catalogue[0].New != "2021-05-31" {
		t.Errorf("catalogue %v", v.Catalogue)
	}
	if len(v.Matters) != 4 || v.Matters[1].Kind != Moved || v.Matters[3].Kind != Added || v.Matters[3].New["name"] != "新事项" {
		t.Errorf("matters %+v", v.Matters)
	}
	lim, ok := v.Matters[0].Changes[0].New.(map[string]any)
	if !ok || lim["unit"] != "工作日" || lim["value"] != 3.0 {
		t.Errorf("promised limit change %+v", v.Matters[0].Changes)
	}
	if len(v.Bundles) != 1 || v.Bundles[0].Kind != Changed || v.Bundles[0].Key != "B001" {
		t.Errorf("bundles %+v", v.Bundles)
	}
}

func TestChangeKind(t *testing.T) {
	for _, k := range AllChangeKinds() {
		textRoundTrip(t, k)
	}
	if got := ChangeKind(9).String(); !strings.Contains(got, "9") {
		t.Errorf("String of a bad value = %q", got)
	}
	if _, err := ParseChangeKind("改"); err == nil {
		t.Error("ParseChangeKind accepted 改")
	}
}

// TestDiffDeterministic compares catalogues whose matters come in
// different orders: the diff is the same.
func TestDiffDeterministic(t *testing.T) {
	old := diffEdition(t)
	new := diffEdition(t, "bundles:", diffNewMatter, "asOf: 2021-04-30", "asOf: 2021-05-31")
	shuffled := *new
	shuffled.Matters = slices.Clone(new.Matters)
	slices.Reverse(shuffled.Matters)
	if a, b := old.Diff(new).String(), old.Diff(&shuffled).String(); a != b {
		t.Errorf("order matters:\n%s\n%s", a, b)
	}
}

// Names in a diff's text cannot forge lines or drive a terminal.
func TestDiffTextEscapes(t *testing.T) {
	old := diffEdition(t)
	new := diffEdition(t)
	new.Matters[0].Name = "甲\n+ X9 forged line\x1b[2J"
	text := old.Diff(new).String()
	for _, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if strings.Contains(l, "\x1b") || strings.HasPrefix(l, "+ X9") {
			t.Errorf("line %q carries data unescaped; diff:\n%s", l, text)
		}
	}
	if !strings.Contains(text, `甲\n+ X9 forged line\x1b[2J`) {
		t.Errorf("the name is not shown escaped:\n%s", text)
	}
}
