package county

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

// view is what a hierarchy holds, seen through its exported methods and
// without the cycles of parent pointers: what go-cmp compares.
type view struct {
	Sources    []Source
	Units      []unitView // depth first
	Extensions string
}

type unitView struct {
	Name, Code, ParentCode string
	Kind, Level            string
	County, Note           string
	Children               int
	Former                 []FormerCode
	Points                 []ServicePoint
	Figures                []Figure
	Extensions             string
}

func extText(ext []schema.Field) string {
	b, _ := (&schema.Node{Kind: schema.Object, Fields: ext}).MarshalJSON()
	return string(b)
}

func viewOf(h *Hierarchy) view {
	v := view{Sources: h.Sources(), Extensions: extText(h.extensions())}
	for u := range h.All() {
		v.Units = append(v.Units, unitView{
			Name: u.QualifiedName(), Code: u.Code().String(), ParentCode: u.ParentCode().String(),
			Kind: u.Kind().String(), Level: u.Level().String(),
			County: u.County().QualifiedName(), Note: u.Note(), Children: len(u.Children()),
			Former: u.FormerCodes(), Points: u.ServicePoints(), Figures: u.Figures(),
			Extensions: extText(u.ext),
		})
	}
	return v
}

// cmpHierarchy compares hierarchies through their views, on everything but
// where their units were read from.
var cmpHierarchy = []cmp.Option{
	cmp.Transformer("view", viewOf),
	cmp.Comparer(func(a, b Code) bool { return a == b }),
	cmpopts.EquateEmpty(),
}

// roundTrip writes h as a divisions document, in YAML and in JSON, reads
// both back and compares them with h.
func roundTrip(t *testing.T, h *Hierarchy) {
	t.Helper()
	yml, err := h.Node().YAML()
	if err != nil {
		t.Fatal(err)
	}
	js, err := h.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range []struct {
		file string
		data []byte
	}{{"round.yaml", yml}, {"round.json", js}} {
		again, probs := parseProblems(doc.file, doc.data)
		if probs.Err() != nil {
			t.Fatalf("%s does not read back: %v\n%s", doc.file, probs, doc.data)
		}
		if diff := cmp.Diff(h, again, cmpHierarchy...); diff != "" {
			t.Errorf("%s: hierarchy changed on the round trip (-before +after):\n%s", doc.file, diff)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	t.Run("suining", func(t *testing.T) { roundTrip(t, Suining()) })
	names := fixtures(t, "divisions", "valid-*.yaml")
	names = append(names, fixtures(t, "divisions", "valid-*.json")...)
	names = append(names, fixtures(t, "csv", "valid-*.csv")...)
	for _, name := range names {
		t.Run(filepath.Base(name), func(t *testing.T) {
			h := mustLoadFile(t, name)
			roundTrip(t, h)
		})
	}
	t.Run("suining with the townships of the fixture", func(t *testing.T) {
		towns, _ := loadFileProblems("testdata/csv/valid-townships.csv")
		h, probs := Suining().Merge(towns)
		if probs.Err() != nil {
			t.Fatal(probs)
		}
		roundTrip(t, h)
	})
	t.Run("suining with the 2023 list", func(t *testing.T) {
		const path = "../../shared/data/suining-divisions-2023.csv"
		schematest.NeedOutside(t, path)
		list, _ := loadFileProblems(path)
		h, probs := Suining().Merge(list)
		if probs.Err() != nil {
			t.Fatal(probs)
		}
		roundTrip(t, h)
	})
}

// TestRoundTripDetectsChange makes sure the comparison can fail.
func TestRoundTripDetectsChange(t *testing.T) {
	a, _ := loadFileProblems("testdata/divisions/valid-minimal.yaml")
	b, _ := loadFileProblems("testdata/divisions/valid-minimal.yaml")
	if diff := cmp.Diff(a, b, cmpHierarchy...); diff != "" {
		t.Fatalf("two reads differ:\n%s", diff)
	}
	b.units[0].points = b.units[0].points[:1]
	if cmp.Equal(a, b, cmpHierarchy...) {
		t.Error("a removed service point went unnoticed")
	}
	c, _ := loadFileProblems("testdata/divisions/valid-minimal.yaml")
	c.units[6].code = MustParseCode("999921101")
	d, _ := loadFileProblems("testdata/divisions/valid-minimal.yaml")
	d.units[3].ext = nil
	if cmp.Equal(a, d, cmpHierarchy...) {
		t.Error("a lost extension member went unnoticed")
	}
	if cmp.Equal(a, c, cmpHierarchy...) {
		t.Error("a changed code went unnoticed")
	}
}

// TestGoldenYAML keeps the written form of a document in view.
func TestGoldenYAML(t *testing.T) {
	h := mustLoadFile(t, "testdata/divisions/valid-minimal.yaml")
	b, err := h.Node().YAML()
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "divisions/valid-minimal.written.yaml.golden", b)
}
