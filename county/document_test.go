package county

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/problemtest"
	"github.com/zwfw/zwfw/schema/schematest"
)

func TestLoadDivisions(t *testing.T) {
	loadFixtures(t, "divisions", []fixture{
		{"valid-minimal.yaml", 12, nil, "every kind of unit, point and figure"},
		{"valid-forest.json", 4, nil, "two cities, each with a 东区: names repeat across parents"},
		{"valid-unordered.yaml", 3, nil, "children may come before their parents"},
		{"warn-code-range.yaml", 3, []string{
			"county.kind-code-range /units/1/code",
			"county.kind-code-range /units/2/code",
		}, "a 镇 in the 街道 range and the reverse are warnings"},
		{"bad-unknown-parent.yaml", -1, []string{
			"county.unknown-parent /units/2/parent",
			"county.unknown-parent /units/3/parent",
			"county.unknown-parent /units/4/parent",
			"county.unknown-parent /units/5/parent",
		}, "a code not in the document below the top level, a name of no unit, a name of a unit with a code, a county without parent beside a city"},
		{"bad-missing-parent.yaml", -1, []string{"county.unknown-parent /units/1/parent"}, "a township root beside a city"},
		{"bad-duplicate-code.yaml", -1, []string{
			"county.duplicate-code /units/2/code",
			"county.duplicate-code /units/3/formerCodes/1/code",
			"county.duplicate-code /units/4/formerCodes/0/code",
		}, "a repeated code, a former code equal to the current one, a former code of two units"},
		{"bad-code-level.yaml", -1, []string{
			"county.code-level-mismatch /units/1/code",
			"county.code-level-mismatch /units/2/code",
			"county.code-level-mismatch /units/3/formerCodes/0/code",
		}, "a county with a township code, a park with a code, a former code of the wrong level"},
		{"bad-not-under-parent.yaml", -1, []string{
			"county.code-not-under-parent /units/1/code",
			"county.code-not-under-parent /units/3/code",
		}, "a county of another city; a town under a park checked against the park's city"},
		{"bad-cycle.yaml", -1, []string{
			"county.cycle /units/1/parent",
			"county.cycle /units/3/parent",
			"county.cycle /units/5/parent",
		}, "a cycle by codes, one by names, one unit its own parent; each reported once"},
		{"bad-level-order.yaml", -1, []string{
			"county.code-not-under-parent /units/3/code",
			"county.level-order /units/3/parent",
			"county.level-order /units/4/parent",
			"county.level-order /units/6/parent",
		}, "a town under a subdistrict, a park under a subdistrict, a township under a county's park"},
		{"bad-duplicate-name.yaml", -1, []string{
			"county.duplicate-name /units/2/name",
			"county.duplicate-name /units/5/name",
		}, "two counties of one name under one city, two parks without code of one name"},
		{"bad-ambiguous-parent.yaml", -1, []string{
			"county.ambiguous-parent /units/4/parent",
			"county.duplicate-name /units/3/name",
		}, "a parent name two parks share"},
		{"bad-service-point.yaml", -1, []string{
			"county.service-point-level /units/0/servicePoints/1/kind",
			"county.service-point-level /units/1/servicePoints/2/kind",
			"county.service-point-level /units/2/servicePoints/0/kind",
		}, "a township centre on a county, a village station on a town, a desk in a village"},
		{"bad-figure.yaml", -1, []string{
			"county.figure-subject /units/0/figures/0",
			"county.figure-subject /units/0/figures/1",
			"county.figure-subject /units/0/figures/2/of",
		}, "both subjects, none, counties below a county; parks below a county are fine"},
		{"bad-malformed-code.yaml", -1, []string{
			"county.malformed-code /units/0/code",
			"county.malformed-code /units/1/code",
			"county.malformed-code /units/2/parent",
			"county.malformed-code /units/3/formerCodes/0/code",
		}, "codes the schema's pattern lets through but no division has"},
		{"bad-schema.yaml", -1, []string{
			"schema.additional-properties /units/0/parnet",
			"schema.enum /units/0/kind",
			"schema.format /sources/0/asOf",
			"schema.minimum /units/1/figures/0/count",
			"schema.pattern /units/1/name",
			"schema.type /units/0/code",
		}, "the schema reports first; semantic checks wait for a valid document"},
		{"bad-kind.json", -1, []string{"schema.const /kind"}, "another kind of document"},
		{"bad-syntax.yaml", -1, []string{"syntax.invalid "}, "YAML that does not parse"},
	})
}

func TestValidMinimal(t *testing.T) {
	h := mustLoadFile(t, "testdata/divisions/valid-minimal.yaml")
	type want struct {
		name   string
		kind   Kind
		level  Level
		parent string // qualified name
		county string
		points int
	}
	tests := []want{
		{"示例市", City, LevelCity, "", "", 2},
		{"甲区", District, LevelCounty, "示例市", "示例市/甲区", 0},
		{"丙市", CountyCity, LevelCounty, "示例市", "示例市/丙市", 0},
		{"示例高新区", Park, LevelCounty, "示例市", "示例市/示例高新区", 0},
		{"乙县/二镇", Town, LevelTownship, "示例市/乙县", "示例市/乙县", 2},
		{"甲区/二镇", Subdistrict, LevelTownship, "示例市/甲区", "示例市/甲区", 0},
		{"三乡", Township, LevelTownship, "示例市/乙县", "示例市/乙县", 0},
		{"四村", Village, LevelVillage, "示例市/乙县/二镇", "示例市/乙县", 1},
		{"五社区", Community, LevelVillage, "示例市/乙县/二镇", "示例市/乙县", 1},
		{"园区社区", Community, LevelVillage, "示例市/示例高新区", "示例市/示例高新区", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := h.Find(tt.name)
			if err != nil {
				t.Fatal(err)
			}
			if u.Kind() != tt.kind || u.Level() != tt.level {
				t.Errorf("kind %v level %v, want %v %v", u.Kind(), u.Level(), tt.kind, tt.level)
			}
			if got := u.Parent().QualifiedName(); got != tt.parent {
				t.Errorf("parent %q, want %q", got, tt.parent)
			}
			if got := u.County().QualifiedName(); got != tt.county {
				t.Errorf("county %q, want %q", got, tt.county)
			}
			if got := len(u.ServicePoints()); got != tt.points {
				t.Errorf("%d service points, want %d", got, tt.points)
			}
		})
	}
	src := h.Sources()
	if len(src) != 1 || src[0].Title != "测试数据" || src[0].AsOf.Format("2006-01-02") != "2024-01-31" {
		t.Errorf("sources = %+v", src)
	}
	if got := h.Roots()[0].ParentCode().String(); got != "990000" {
		t.Errorf("root's parent code = %q, want 990000", got)
	}
	yi, _ := h.Find("乙县")
	for _, f := range yi.Figures() {
		if len(f.Of) == 0 {
			continue
		}
		if got := yi.Count(f.Of...); got != f.Count {
			t.Errorf("figure %v: stated %d, counted %d", f.Of, f.Count, got)
		}
	}
}

func TestReadAndLoadFS(t *testing.T) {
	defer func(n int) { maxSize = n }(maxSize)
	maxSize = 4096
	data := schematest.ReadFile(t, "testdata/divisions/valid-minimal.yaml")
	csvData := schematest.ReadFile(t, "testdata/csv/valid-city.csv")
	fsys := fstest.MapFS{
		"d/minimal.yaml": {Data: data},
		"d/city.CSV":     {Data: csvData},
	}
	tests := []struct {
		name  string
		load  func() (*Hierarchy, schema.List)
		units int
		rules []string
	}{
		{"Read", func() (*Hierarchy, schema.List) { return loadProblems(strings.NewReader(string(data)), "m.yaml") }, 12, nil},
		{"LoadFS document", func() (*Hierarchy, schema.List) { return loadFSProblems(fsys, "d/minimal.yaml") }, 12, nil},
		{"LoadFS csv by extension", func() (*Hierarchy, schema.List) { return loadFSProblems(fsys, "d/city.CSV") }, 11, []string{"county.csv-header /header/4"}},
		{"LoadFS missing", func() (*Hierarchy, schema.List) { return loadFSProblems(fsys, "d/none.yaml") }, -1, []string{"document.read "}},
		{"Load missing", func() (*Hierarchy, schema.List) { return loadFileProblems("testdata/no-such-file.yaml") }, -1, []string{"document.read "}},
		{"Read failing reader", func() (*Hierarchy, schema.List) { return loadProblems(failReader{}, "x.yaml") }, -1, []string{"document.read "}},
		{"ReadCSV failing reader", func() (*Hierarchy, schema.List) { return readCSV(failReader{}, "x.csv") }, -1, []string{"document.read "}},
		{"Read too large", func() (*Hierarchy, schema.List) {
			return loadProblems(io.LimitReader(spaces{}, int64(maxSize)+1), "big.yaml")
		}, -1, []string{"document.too-large "}}, // located where the limit is passed
		{"Read at the limit", func() (*Hierarchy, schema.List) {
			return loadProblems(io.MultiReader(strings.NewReader(`{"kind":"Divisions","schemaVersion":1,"units":[]}`), io.LimitReader(spaces{}, int64(maxSize)-50)), "max.json")
		}, 0, nil},
		{"empty document", func() (*Hierarchy, schema.List) { return parseProblems("e.yaml", nil) }, -1, []string{"syntax.empty "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, probs := tt.load()
			if got := problemtest.RulePaths(probs); !slices.Equal(got, tt.rules) {
				t.Errorf("problems %q, want %q", got, tt.rules)
			}
			if tt.units < 0 && h != nil || tt.units >= 0 && h.Len() != tt.units {
				t.Errorf("%d units, want %d", h.Len(), tt.units)
			}
		})
	}
	t.Run("read error is reachable", func(t *testing.T) {
		_, probs := loadProblems(failReader{}, "x.yaml")
		if !errors.Is(probs.Err(), errFail) {
			t.Errorf("errors.Is(%v, errFail) = false", probs.Err())
		}
	})
}

var errFail = errors.New("disk on fire")

type failReader struct{}

func (failReader) Read([]byte) (int, error) { return 0, errFail }

type spaces struct{}

func (spaces) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

func TestEmptyDocument(t *testing.T) {
	h, probs := parseProblems("e.json", []byte(`{"kind":"Divisions","schemaVersion":1,"units":[]}`))
	if probs.Err() != nil || h == nil || h.Len() != 0 || len(h.Roots()) != 0 {
		t.Fatalf("empty document: %v, %v", h, probs)
	}
	b, err := h.MarshalJSON()
	if err != nil || string(b) != `{"kind":"Divisions","schemaVersion":1,"units":[]}` {
		t.Errorf("MarshalJSON = %s, %v", b, err)
	}
}
