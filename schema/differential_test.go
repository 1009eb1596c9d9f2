package schema

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/schema/schematest"
)

// finding is what the fast validator and the reference must agree on.
type finding struct {
	Path string
	Rule Rule
	Pos  string
}

func findings(l List) []finding {
	var out []finding
	for _, p := range l {
		out = append(out, finding{p.Path.String(), p.Rule, p.Pos.String()})
	}
	slices.SortFunc(out, func(a, b finding) int {
		return strings.Compare(a.Path+"\x00"+string(a.Rule)+"\x00"+a.Pos, b.Path+"\x00"+string(b.Rule)+"\x00"+b.Pos)
	})
	return slices.Compact(out)
}

// fixtureFiles lists every YAML and JSON document in the module's test data
// and example data.
func fixtureFiles(t testing.TB) []string {
	var files []string
	for _, pat := range []string{"testdata/*", "../*/testdata/*", "../*/*/testdata/*", "../examples/data/*", "../*/*.yaml"} {
		m, _ := filepath.Glob(pat)
		for _, f := range m {
			switch filepath.Ext(f) {
			case ".yaml", ".yml", ".json":
				files = append(files, f)
			}
		}
	}
	if len(files) == 0 {
		t.Fatal("no fixtures found")
	}
	return files
}

func compareValidators(t testing.TB, n *Node) {
	for _, s := range all {
		if !s.exists() {
			continue
		}
		if err := s.Fast(); err != nil {
			t.Fatalf("%s: %v", s.Name(), err)
		}
		fast := findings(s.Validate(n))
		ref := findings(s.Reference().Validate(n))
		if diff := cmp.Diff(ref, fast); diff != "" {
			b, _ := n.MarshalJSON()
			t.Fatalf("%s: fast validator disagrees with the reference (-reference +fast):\n%s\ndocument: %s", s.Name(), diff, b)
		}
	}
}

// TestFastAgreesOnFixtures holds the fast validator to the reference on
// every document the module ships, against every schema.
func TestFastAgreesOnFixtures(t *testing.T) {
	for _, file := range fixtureFiles(t) {
		data := schematest.ReadFile(t, file)
		n, _ := Parse(file, data)
		if n == nil {
			continue
		}
		t.Run(file, func(t *testing.T) { compareValidators(t, n) })
	}
}

// mutate applies small structural edits to a document, driven by ops: the
// kinds of error real documents have (a member removed, renamed or added,
// a value of the wrong type, a term misspelt, a number out of range, an
// array emptied or its items repeated).
func mutate(n *Node, ops []byte) {
	var all []*Node
	var walk func(*Node)
	walk = func(x *Node) {
		all = append(all, x)
		for _, f := range x.Fields {
			walk(f.Value)
		}
		for _, it := range x.Items {
			walk(it)
		}
	}
	walk(n)
	for i := 0; i+1 < len(ops); i += 2 {
		target := all[int(ops[i])%len(all)]
		arg := int(ops[i+1])
		switch arg % 10 {
		case 0: // remove a member
			if len(target.Fields) > 0 {
				k := arg / 10 % len(target.Fields)
				target.Fields = slices.Delete(target.Fields, k, k+1)
			}
		case 1: // rename a member
			if len(target.Fields) > 0 {
				target.Fields[arg/10%len(target.Fields)].Key += "x"
			}
		case 2: // add an extension or an unknown member
			key := "x-local"
			if arg%20 >= 10 {
				key = "unknown"
			}
			if target.Kind == Object {
				target.Fields = append(target.Fields, Field{Key: key, Value: &Node{Kind: String, Value: "v"}})
			}
		case 3: // a string where something else was
			*target = Node{Kind: String, Value: "文本", Pos: target.Pos}
		case 4: // a number, sometimes negative or fractional
			vals := []string{"0", "-1", "1.5", "20", "1e2", "99999999999999999999", "4", "-0.0"}
			*target = Node{Kind: Number, Value: vals[arg/10%len(vals)], Pos: target.Pos}
		case 5: // misspell a term
			if target.Kind == String {
				target.Value += "x"
			}
		case 6: // empty an array or object
			target.Items = target.Items[:0]
			target.Fields = target.Fields[:0]
		case 7: // repeat an array's first item (a copy: a tree has no shared nodes)
			if len(target.Items) > 0 {
				b, _ := target.Items[0].MarshalJSON()
				c, _ := ParseJSON("", b)
				target.Items = append(target.Items, c)
			}
		case 8: // null or a boolean
			if arg%20 >= 10 {
				*target = Node{Kind: Bool, Value: "true", Pos: target.Pos}
			} else {
				*target = Node{Kind: Null, Pos: target.Pos}
			}
		case 9: // a national code as a number or a string
			*target = Node{Kind: Number, Value: strconv.Itoa(arg / 10 % 25), Pos: target.Pos}
			if arg%20 >= 10 {
				target.Kind = String
			}
		}
	}
}

// FuzzFastAgreesWithReference generates documents by mutating the
// fixtures and checks that both validators find the same problems.
func FuzzFastAgreesWithReference(f *testing.F) {
	for i, file := range fixtureFiles(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		f.Add(data, []byte{byte(i), byte(i * 7), byte(i * 13), byte(i * 31)})
	}
	f.Fuzz(func(t *testing.T, data, ops []byte) {
		n, _ := Parse("f.yaml", data)
		if n == nil {
			return
		}
		mutate(n, ops)
		compareValidators(t, n)
	})
}

// TestMutationsAgree runs a fixed sample of mutations of every fixture, so
// the agreement is checked on every test run and not only while fuzzing.
func TestMutationsAgree(t *testing.T) {
	files := fixtureFiles(t)
	for seed := 0; seed < 400; seed++ {
		file := files[seed%len(files)]
		data := schematest.ReadFile(t, file)
		n, _ := Parse(file, data)
		if n == nil {
			continue
		}
		ops := make([]byte, 2+seed%7*2)
		for i := range ops {
			ops[i] = byte((seed*131 + i*71 + i*i*17) % 251)
		}
		mutate(n, ops)
		compareValidators(t, n)
	}
}
