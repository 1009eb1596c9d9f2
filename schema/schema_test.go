package schema

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/schema/schematest"
)

func TestYAMLNormalisation(t *testing.T) {
	data := schematest.ReadFile(t, "testdata/mixed.yaml")
	n, probs := ParseYAML("mixed.yaml", data)
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	got := n.Interface()
	want := map[string]any{
		"date":    "2021-04-30",
		"stamp":   "2021-04-30T08:00:00Z",
		"1":       "integer key",
		"true":    "bool key",
		"hex":     jsonNumber("31"),
		"float":   jsonNumber("1.5"),
		"big":     jsonNumber("9007199254740991"),
		"text":    "01",
		"nothing": nil,
		"base":    map[string]any{"a": jsonNumber("1"), "b": jsonNumber("2")},
		"merged":  map[string]any{"a": jsonNumber("1"), "b": jsonNumber("3")},
		"list":    []any{map[string]any{"a": jsonNumber("1"), "b": jsonNumber("2")}, map[string]any{"a": jsonNumber("1"), "b": jsonNumber("2")}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("normalised value (-want +got):\n%s", diff)
	}
	if p := n.Get("merged").Get("b").Pos; p.Line != 14 || p.Col != 6 {
		t.Errorf("position of merged.b = %v, want 14:6", p)
	}
}

func TestJSONPositions(t *testing.T) {
	data := schematest.ReadFile(t, "testdata/mixed.json")
	n, probs := ParseJSON("mixed.json", data)
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	if got := n.Get("s").Value; got != "中文 😀" {
		t.Errorf("s = %q", got)
	}
	// Columns count characters; the value of "s" starts at column 42.
	if p := n.Get("s").Pos; p.Line != 1 || p.Col != 42 {
		t.Errorf("pos of s = %v", p)
	}
	if p := n.Get("o").Pos; p.Col != strings.Index(string(data), `{"k"`)+1 {
		t.Errorf("pos of o = %v", p)
	}
}

func TestSyntaxErrorsAreLocated(t *testing.T) {
	tests := []struct {
		name, file, text string
		rule             Rule
		line, col        int
	}{
		{"json missing value", "a.json", "{\n  \"a\": ,\n}", RuleSyntax, 2, 8},
		{"json trailing", "a.json", "{} x", RuleSyntax, 1, 4},
		{"json bad escape", "a.json", `{"a": "\q"}`, RuleSyntax, 1, 8},
		{"json invalid utf8", "a.json", "{\"a\": \"\xff\"}", RuleSyntax, 1, 8},
		{"json duplicate", "a.json", `{"a": 1, "a": 2}`, RuleDuplicateKey, 1, 10},
		{"json too deep", "a.json", strings.Repeat("[", MaxDepth+2), RuleTooDeep, 1, MaxDepth + 2},
		{"json empty", "a.json", "  ", RuleEmpty, 1, 3},
		{"yaml tab", "a.yaml", "a:\n\tb: 1\n", RuleSyntax, 2, 2},
		{"yaml duplicate", "a.yaml", "a: 1\na: 2\n", RuleDuplicateKey, 2, 1},
		{"yaml two documents", "a.yaml", "a: 1\n---\nb: 2\n", RuleMultipleDocs, 2, 1},
		{"yaml empty", "a.yaml", "# nothing\n", RuleEmpty, 1, 1},
		{"yaml infinity", "a.yaml", "a: .inf\n", RuleNonJSONNumber, 1, 4},
		{"yaml non-scalar key", "a.yaml", "? [a]\n: 1\n", RuleNonScalarKey, 1, 3},
		{"yaml recursive alias", "a.yaml", "a: &x [*x]\n", RuleAliasExpansion, 1, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := Parse(tt.file, []byte(tt.text))
			var found *Problem
			for _, p := range probs {
				if p.Rule == tt.rule {
					found = p
				}
			}
			if found == nil {
				t.Fatalf("no %s problem in %v", tt.rule, probs)
			}
			if found.Pos.File != tt.file || found.Pos.Line != tt.line || tt.col != 0 && found.Pos.Col != tt.col {
				t.Errorf("position %v, want %s:%d:%d", found.Pos, tt.file, tt.line, tt.col)
			}
		})
	}
}

// A billion-laughs document must be refused quickly, not expanded.
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 10; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	n, probs := ParseYAML("bomb.yaml", []byte(b.String()))
	if n != nil || len(probs) == 0 || probs[len(probs)-1].Rule != RuleAliasExpansion {
		t.Fatalf("alias bomb not refused: %v", probs)
	}
}

func TestListIsAnError(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("zero List has an error")
	}
	l.Warningf(Root.Key("b"), Pos{File: "f", Line: 2, Col: 1}, "r.warn", "careful")
	if l.Err() != nil {
		t.Fatal("warnings alone are not an error")
	}
	l.Errorf(Root.Key("a").Index(10), Pos{File: "f", Line: 1, Col: 5}, "r.err", "broken")
	l.Errorf(Root.Key("a").Index(2), Pos{}, "r.err", "no position")
	l.Sort()
	if got := l[0].Error(); got != "f:1:5: error: /a/10: broken [r.err]" {
		t.Errorf("first = %q", got)
	}
	err := l.Err()
	if err == nil {
		t.Fatal("Err() = nil with an error")
	}
	var p *Problem
	if !errors.As(err, &p) || p.Rule != "r.err" {
		t.Errorf("errors.As through the list: %v", p)
	}
	if !errors.Is(err, &Problem{Rule: "r.warn"}) {
		t.Errorf("errors.Is by rule through the list")
	}
	if !strings.Contains(err.Error(), "(and 2 more problems)") {
		t.Errorf("Error() = %q", err.Error())
	}
}

func TestPath(t *testing.T) {
	p := Root.Key("matters").Index(12).Key("a/b~c")
	if got, want := p.String(), "/matters/12/a~1b~0c"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	if got, want := p.Readable(), `matters[12]["a/b~c"]`; got != want {
		t.Errorf("Readable = %q, want %q", got, want)
	}
	if ParsePointer(p.String()) != p {
		t.Errorf("ParsePointer does not invert String")
	}
	if Root.Key("m").Index(2).Compare(Root.Key("m").Index(10)) >= 0 {
		t.Errorf("indexes must compare numerically")
	}
	if got := p.Parent().Readable(); got != "matters[12]" {
		t.Errorf("Parent = %q", got)
	}
}

func TestValidateReportsOnlyLeaves(t *testing.T) {
	doc := `{"kind": "Catalogue", "schemaVersion": 1, "catalogueKind": "实施清单", "division": {"name": "x"},
"matters": [{"code": "A", "name": "n", "type": "行政许可", "level": "县级", "body": {"name": "b"}, "x-ok": 1, "extra": 2}]}`
	_, probs := Validate("c.json", []byte(doc), nil)
	want := []string{"schema.additional-properties /matters/0/extra 2:105"}
	var got []string
	for _, p := range probs {
		got = append(got, string(p.Rule)+" "+p.Path.String()+" "+strings.TrimPrefix(p.Pos.String(), "c.json:"))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestUnknownKind(t *testing.T) {
	_, probs := Validate("x.yaml", []byte("kind: Nope\n"), nil)
	if len(probs) != 1 || probs[0].Rule != RuleUnknownKind || probs[0].Pos.Line != 1 || probs[0].Pos.Col != 7 {
		t.Errorf("got %v", probs)
	}
}

func TestSchemasCompile(t *testing.T) {
	for _, s := range all {
		if !s.exists() {
			continue
		}
		t.Run(s.Name(), func(t *testing.T) {
			if _, err := s.once(); err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(s.ID(), "/"+s.Name()) {
				t.Errorf("$id %q does not end with the file name", s.ID())
			}
			// The file beside the package is the one embedded.
			disk, err := os.ReadFile(s.Name())
			if err != nil || string(disk) != string(s.Source()) {
				t.Errorf("embedded schema differs from %s on disk", s.Name())
			}
		})
	}
}

func jsonNumber(s string) json.Number { return json.Number(s) }

func TestSelfMerge(t *testing.T) {
	n, probs := ParseYAML("m.yaml", []byte("base: &b\n  <<: *b\n  b: 1\n"))
	if n != nil || len(probs) == 0 || probs[len(probs)-1].Rule != RuleAliasExpansion {
		t.Fatalf("self-merge not refused: %v", probs)
	}
}
