package schema

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/schema/schematest"
)

// FuzzParseJSON checks the JSON reader against encoding/json and checks that
// what it reads survives being written and read again.
func FuzzParseJSON(f *testing.F) {
	schematest.Seed(f, "testdata/*.json", "*.schema.json", "../matters/testdata/*.json")
	f.Add([]byte(`{"a":[1,2,{"b":null}],"c":"\ud83d\ude00"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, probs := ParseJSON("f.json", data)
		for _, p := range probs {
			if !p.Pos.IsValid() {
				t.Fatalf("problem without position: %v", p)
			}
		}
		valid := json.Valid(data)
		if n != nil && !valid {
			t.Fatalf("accepted invalid JSON %q", data)
		}
		if n == nil && valid && utf8.Valid(data) && bytes.Count(data, []byte("["))+bytes.Count(data, []byte("{")) < MaxDepth && !readsAsWritten(probs) {
			t.Fatalf("rejected valid JSON %q: %v", data, probs)
		}
		if n == nil {
			return
		}
		out, _ := n.MarshalJSON()
		back, probs2 := ParseJSON("back.json", out)
		if back == nil {
			t.Fatalf("output not readable: %v\n%s", probs2, out)
		}
		// reflect.DeepEqual first: cmp.Diff is exponential on deeply nested
		// equal []any values.
		if a, b := n.Interface(), back.Interface(); !reflect.DeepEqual(a, b) {
			t.Fatalf("round trip changed the value:\n%s", cmp.Diff(a, b))
		}
	})
}

// FuzzParseYAML checks that the YAML reader never panics, that every
// problem is located, and that what it reads survives being written as
// YAML and read again.
func FuzzParseYAML(f *testing.F) {
	schematest.Seed(f, "testdata/*.yaml", "../matters/testdata/*.yaml", "../examples/data/*.yaml")
	f.Add([]byte("a: &x {b: [1, 2.5, .inf, 0x10, 2021-04-30]}\nc: *x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, probs := ParseYAML("f.yaml", data)
		for _, p := range probs {
			if !p.Pos.IsValid() {
				t.Fatalf("problem without position: %v", p)
			}
		}
		if n == nil {
			return
		}
		out, err := n.YAML()
		if err != nil {
			t.Fatalf("writing YAML: %v", err)
		}
		back, probs2 := ParseYAML("back.yaml", out)
		if back == nil {
			t.Fatalf("output not readable: %v\n%s", probs2, out)
		}
		if a, b := n.Interface(), back.Interface(); !reflect.DeepEqual(a, b) {
			t.Fatalf("round trip changed the value:\n%s\n%s", cmp.Diff(a, b), out)
		}
	})
}

// readsAsWritten reports whether probs refuse valid JSON on purpose: a
// number or a string that would not be read as written (a lone UTF-16
// surrogate, which encoding/json turns into U+FFFD), or the budget.
func readsAsWritten(probs List) bool {
	for _, p := range probs {
		switch p.Rule {
		case RuleBadText, RuleNumberRange, RuleTooLarge:
			return true
		}
	}
	return false
}
