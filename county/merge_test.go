package county

import (
	"slices"
	"testing"

	"github.com/zwfw/zwfw/schema/problemtest"
)

func mustParse(t *testing.T, file, doc string) *Hierarchy {
	t.Helper()
	h, probs := parseProblems(file, []byte(doc))
	if probs.Err() != nil {
		t.Fatalf("%s: %v", file, probs)
	}
	return h
}

// divisions is a Divisions document of the units, written in YAML one a
// line after a line break.
func divisions(units string) string {
	return "kind: Divisions\nschemaVersion: 1\nunits:" + units
}

func TestMergeTownships(t *testing.T) {
	towns := mustLoadFile(t, "testdata/csv/valid-townships.csv")
	base := Suining()
	before := base.Len()
	h, probs := base.Merge(towns)
	if probs.Err() != nil {
		t.Fatal(probs)
	}
	if base.Len() != before {
		t.Errorf("Merge changed its receiver: %d units, was %d", base.Len(), before)
	}
	if got, want := h.Len(), before+towns.Len(); got != want {
		t.Errorf("merged %d units, want %d", got, want)
	}
	pengxi, _ := h.Find("蓬溪县")
	if got := names(pengxi.Children()); !slices.Equal(got, []string{"遂宁市/蓬溪县/甲镇", "遂宁市/蓬溪县/乙镇", "遂宁市/蓬溪县/丙乡", "遂宁市/蓬溪县/丁街道"}) {
		t.Errorf("蓬溪县's children = %q", got)
	}
	wu, err := h.Find("戊镇")
	if err != nil || wu.County().Name() != "船山区" || wu.Level() != LevelTownship || wu.ParentCode().String() != "510903" {
		t.Errorf("戊镇 = %v, %v", wu, err)
	}
	if len(h.Sources()) != len(base.Sources()) {
		t.Errorf("sources %v", h.Sources())
	}
	// The loaded units lose the parent code they kept as roots.
	if got := wu.Parent().Name(); got != "船山区" {
		t.Errorf("parent %q", got)
	}
	// Merging twice changes nothing.
	again, probs := h.Merge(towns)
	if probs.Err() != nil || again.Len() != h.Len() {
		t.Errorf("merging again: %d units, %v", again.Len(), probs)
	}
}

func TestMergeMatching(t *testing.T) {
	base := Suining()
	tests := []struct {
		name  string
		doc   string
		units int // -1: no hierarchy
		want  []string
	}{
		{"same units add service points and figures", `
kind: Divisions
schemaVersion: 1
sources: [{title: 补充材料, asOf: 2021-05-01}]
units:
  - {code: "510900", name: 遂宁市, kind: 市, parent: "510000"}
  - code: "510921"
    name: 蓬溪县
    kind: 县
    parent: "510900"
    servicePoints: [{kind: 帮办代办导办服务台}, {kind: 政务服务中心, name: 县政务服务大厅}]
  - {name: 河东新区, kind: 园区, parent: "510900", note: 另一说明}
`, 9, nil},
		{"old code under its old name", divisions(`
  - {code: "510922", name: 射洪县, kind: 县级市, parent: "510900"}
  - {code: "510922100", name: 甲镇, kind: 镇, parent: "510922"}
`), 10, nil},
		{"a second city becomes a second root", divisions(`
  - {code: "511600", name: 广安市, kind: 市, parent: "510000"}
  - {code: "511602", name: 广安区, kind: 区, parent: "511600"}
`), 11, nil},
		{"a province above the root", divisions(`
  - {code: "510000", name: 四川省, kind: 省}
  - {code: "510900", name: 遂宁市, kind: 市, parent: "510000"}
  - {code: "511600", name: 广安市, kind: 市, parent: "510000"}
`), 11, nil},
		{"conflicts", divisions(`
  - {code: "510921", name: 蓬溪, kind: 县, parent: "510900"}
  - {code: "510923", name: 大英县, kind: 区, parent: "510900"}
  - {code: "510904", name: 安居区, kind: 区, parent: "510800"}
  - {code: "510922", name: 射洪, kind: 县级市}
`), -1, []string{
			"county.merge-conflict /units/0/name",
			"county.merge-conflict /units/1/kind",
			"county.merge-conflict /units/2/parent",
			"county.merge-conflict /units/3/name",
		}},
		{"parent conflict inside the merged document", divisions(`
  - {code: "510921", name: 蓬溪县, kind: 县}
  - {name: 河东新区, kind: 园区, parent: "510921"}
`), -1, []string{"county.merge-conflict /units/1/parent"}},
		{"township whose county is unknown", divisions(`
  - {code: "510931100", name: 甲镇, kind: 镇, parent: "510931"}
`), -1, []string{"county.unknown-parent /units/0/parent"}},
		{"a new unit that breaks a rule of the whole", divisions(`
  - {code: "510924", name: 大英县, kind: 县, parent: "510900"}
`), -1, []string{"county.duplicate-name /units/0/name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			other := mustParse(t, "other.yaml", tt.doc)
			h, probs := base.Merge(other)
			if got := problemtest.RulePaths(probs); !slices.Equal(got, tt.want) {
				t.Errorf("problems\n got %q\nwant %q", got, tt.want)
			}
			if tt.units < 0 && h != nil || tt.units >= 0 && h.Len() != tt.units {
				t.Errorf("%d units, want %d", h.Len(), tt.units)
			}
			for _, p := range probs {
				if p.Pos.File != "other.yaml" {
					t.Errorf("problem %v is not located in the merged document", p)
				}
			}
		})
	}
}

func TestMergeJoins(t *testing.T) {
	other := mustParse(t, "o.yaml", `
kind: Divisions
schemaVersion: 1
sources: [{title: 补充材料, asOf: 2021-05-01}]
units:
  - code: "510921"
    name: 蓬溪县
    kind: 县
    servicePoints: [{kind: 帮办代办导办服务台}, {kind: 政务服务中心, name: 县政务服务大厅}]
    figures: [{of: [村], count: 261, context: 政务服务机构清理和规范配置, source: 遂宁市政务服务工作简报（2021年4月）}, {of: [村], count: 262}]
    formerCodes: [{code: "510920"}]
  - {name: 河东新区, kind: 园区, parent: "510900", note: 另一说明}
`)
	// 蓬溪县 is a root of other without a parent code: it matches by code.
	h, probs := Suining().Merge(other)
	if probs.Err() != nil {
		t.Fatal(probs)
	}
	p, _ := h.Find("蓬溪县")
	if got := len(p.ServicePoints()); got != 2 {
		t.Errorf("%d service points, want 2 (one new, one already there)", got)
	}
	if got := len(p.Figures()); got != 6 {
		t.Errorf("%d figures, want 6 (one new, one already there)", got)
	}
	if got := len(p.FormerCodes()); got != 1 || h.ByCode(MustParseCode("510920")) != p {
		t.Errorf("former codes %v", p.FormerCodes())
	}
	if got := h.ByName("河东新区")[0].Note(); got != Suining().ByName("河东新区")[0].Note() {
		t.Errorf("note %q: the base's note should stay", got)
	}
	if got := len(h.Sources()); got != 3 {
		t.Errorf("%d sources, want 3", got)
	}
	if got := len(Suining().ByCode(MustParseCode("510921")).ServicePoints()); got != 1 {
		t.Errorf("the default changed: %d service points", got)
	}
}

func TestMergeNil(t *testing.T) {
	h, probs := Suining().Merge(nil)
	if probs.Err() != nil || h.Len() != Suining().Len() {
		t.Errorf("Merge(nil) = %d units, %v", h.Len(), probs)
	}
	var empty *Hierarchy
	h, probs = empty.Merge(Suining())
	if probs.Err() != nil || h.Len() != Suining().Len() {
		t.Errorf("nil.Merge = %d units, %v", h.Len(), probs)
	}
}

func TestMergeAdoptsProvince(t *testing.T) {
	other := mustParse(t, "sc.yaml", divisions(`
  - {code: "510000", name: 四川省, kind: 省}
  - {code: "510900", name: 遂宁市, kind: 市, parent: "510000"}
`))
	h, probs := Suining().Merge(other)
	if probs.Err() != nil {
		t.Fatal(probs)
	}
	roots := h.Roots()
	if len(roots) != 1 || roots[0].Name() != "四川省" || roots[0].Level() != LevelProvince {
		t.Fatalf("roots = %v", roots)
	}
	u, err := h.Find("/四川省/遂宁市/蓬溪县")
	if err != nil || u.Parent().Parent() != roots[0] {
		t.Errorf("蓬溪县 = %v, %v", u, err)
	}
	roundTrip(t, h)
}
