package county

import (
	"strings"
	"testing"

	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/problemtest"
	"github.com/zwfw/zwfw/schema/schematest"
)

func TestLoadCSV(t *testing.T) {
	loadFixtures(t, "csv", []fixture{
		{"valid-townships.csv", 5, nil, "townships only: their counties are outside the file"},
		{"valid-city.csv", 11, []string{"county.csv-header /header/4"}, "BOM, columns in another order, an extra column, kinds from names and from the level column"},
		{"bad-empty.csv", -1, []string{"county.csv-header /header"}, "no header"},
		{"bad-header.csv", -1, []string{"county.csv-header /header"}, "no level column"},
		{"bad-header-duplicate.csv", -1, []string{"county.csv-header /header/4"}, "code twice"},
		{"bad-code.csv", -1, []string{
			"county.malformed-code /rows/1/code",
			"county.malformed-code /rows/2/parentCode",
		}, "a 5-digit code, a parent code with a letter"},
		{"bad-field-count.csv", -1, []string{"county.csv-syntax /rows/1"}, "a record of three fields"},
		{"bad-kind.csv", -1, []string{
			"county.unknown-kind /rows/1/level",
			"county.unknown-kind /rows/2/level",
			"county.unknown-level /rows/3/level",
		}, "a 旗 and a 苏木 have no kind here; district is no tier word"},
		{"bad-syntax.csv", -1, []string{"county.csv-syntax /rows/1"}, "an unterminated quote stops the reading"},
		{"bad-semantic.csv", -1, []string{
			"county.duplicate-code /rows/3/code",
			"county.kind-code-range /rows/4/code",
			"county.unknown-parent /rows/2/parentCode",
		}, "semantic checks as for documents, at CSV rows"},
	})
}

// TestCSVPositions checks that a problem carries the record's line, the
// field's column number and the path of the column.
func TestCSVPositions(t *testing.T) {
	data := "code,name,parentCode,level\n" +
		"999900,示例市,990000,city\n" +
		"\"999921\",\"乙县\",\"999900\",\"county\"\n" +
		"999921100,\"二\n镇\",999999,township\n" +
		"999921101,三镇,999921,township\n"
	h, probs := parseCSVProblems("x.csv", []byte(data))
	if h != nil {
		t.Fatal("got a hierarchy")
	}
	tests := []struct {
		rule      schema.Rule
		path      string
		line, col int
	}{
		{RuleInvalidName, "/rows/2/name", 4, 2},
		{RuleUnknownParent, "/rows/2/parentCode", 5, 3},
	}
	if len(probs) != len(tests) {
		t.Fatalf("problems %q, want %d", problemtest.RulePaths(probs), len(tests))
	}
	for i, tt := range tests {
		p := probs[i]
		if p.Rule != tt.rule || p.Path.String() != tt.path || p.Pos.Line != tt.line || p.Pos.Col != tt.col || p.Pos.File != "x.csv" {
			t.Errorf("problem %d = %s %s %v, want %s %s x.csv:%d:%d", i, p.Rule, p.Path, p.Pos, tt.rule, tt.path, tt.line, tt.col)
		}
	}
}

func TestCSVKinds(t *testing.T) {
	h := mustLoadFile(t, "testdata/csv/valid-city.csv")
	tests := []struct {
		name string
		kind Kind
	}{
		{"示例市", City}, {"甲区", District}, {"乙县", County}, {"丙市", CountyCity},
		{"一街道", Subdistrict}, {"二镇", Town}, {"三乡", Township},
		{"四村民委员会", Village}, {"五社区居民委员会", Community}, {"示例园区", Park}, {"六村", Village},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := h.Find(tt.name)
			if err != nil {
				t.Fatal(err)
			}
			if u.Kind() != tt.kind {
				t.Errorf("kind %v, want %v", u.Kind(), tt.kind)
			}
		})
	}
	park, _ := h.Find("示例园区")
	if park.Code().IsValid() || park.Parent().Name() != "示例市" {
		t.Errorf("park: code %v parent %v", park.Code(), park.Parent())
	}
}

// CR, LF and CRLF line endings read alike: a CR-only file is not one row.
func TestCSVLineEndings(t *testing.T) {
	data := schematest.ReadFile(t, "testdata/csv/valid-city.csv")
	lf := strings.ReplaceAll(string(data), "\r\n", "\n")
	want, probs := readCSV(strings.NewReader(lf), "lf.csv")
	if want == nil || probs.HasErrors() {
		t.Fatalf("LF: %v", probs)
	}
	for _, tt := range []struct{ name, text string }{
		{"CRLF", strings.ReplaceAll(lf, "\n", "\r\n")},
		{"CR only", strings.ReplaceAll(lf, "\n", "\r")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, probs := readCSV(strings.NewReader(tt.text), "t.csv")
			if got == nil || probs.HasErrors() || got.Len() != want.Len() {
				t.Errorf("read %v units, problems %v; want %d units", got, probs, want.Len())
			}
		})
	}
}
