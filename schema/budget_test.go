package schema

import (
	"bytes"
	"io"
	"runtime"
	"strings"
	"testing"
)

// What the text says is what is read: numbers that would be read as
// another, and text that is not text, are located problems.
func TestExactReading(t *testing.T) {
	tests := []struct {
		name, file, text string
		rule             Rule
		path             string
		line, col        int
	}{
		{"yaml leading zero", "a.yaml", "visits: 010\n", RuleLeadingZero, "/visits", 1, 9},
		{"yaml leading zeros", "a.yaml", "x-window: 0012\n", RuleLeadingZero, "/x-window", 1, 11},
		{"yaml negative leading zero", "a.yaml", "a: -07\n", RuleLeadingZero, "/a", 1, 4},
		{"json lone high surrogate", "a.json", `{"a": "x\ud800y"}`, RuleBadText, "/a", 1, 9},
		{"json lone low surrogate", "a.json", `{"a": "\udc00"}`, RuleBadText, "/a", 1, 8},
		{"json underflow", "a.json", `{"a": 1e-400}`, RuleNumberRange, "/a", 1, 7},
		{"yaml underflow", "a.yaml", "a: 1e-400\n", RuleNumberRange, "/a", 1, 4},
		{"json overflow", "a.json", `{"a": 1e309}`, RuleNumberRange, "/a", 1, 7},
		{"json exponent past the reference validator", "a.json", `{"a": 1e1000001}`, RuleNumberRange, "/a", 1, 7},
		{"json tiny negative", "a.json", `{"a": -1e-1000001}`, RuleNumberRange, "/a", 1, 7},
		{"json integer past 2^53", "a.json", `{"a": 9999999999999999999}`, RuleNumberRange, "/a", 1, 7},
		{"yaml integer past 2^53", "a.yaml", "a: 9999999999999999999\n", RuleNumberRange, "/a", 1, 4},
		{"json integer 2^53", "a.json", `{"a": 9007199254740992}`, RuleNumberRange, "/a", 1, 7},
		{"yaml bad byte on line 3", "a.yaml", "a: 1\nb: 2\nc: x\xffy\n", RuleBadText, "", 3, 5},
		{"yaml NUL", "a.yaml", "a: 1\n\x00", RuleBadText, "", 2, 1},
		{"json bad byte before an escape", "a.json", "{\"a\": \"x\xff\\\"y\"}", RuleSyntax, "/a", 1, 9},
		{"yaml C1 control", "a.yaml", "a: 1\nb: x\u009by\n", RuleBadText, "", 2, 5},
		{"yaml escape", "a.yaml", "a: \x1b[2J\n", RuleBadText, "", 1, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := Parse(tt.file, []byte(tt.text))
			if len(probs) == 0 {
				t.Fatalf("no problem, want %s at %s", tt.rule, tt.path)
			}
			p := probs[0]
			if p.Rule != tt.rule || p.Path.String() != tt.path || p.Pos.Line != tt.line || p.Pos.Col != tt.col {
				t.Errorf("got %v (path %q, %d:%d), want %s at %q %d:%d", p, p.Path, p.Pos.Line, p.Pos.Col, tt.rule, tt.path, tt.line, tt.col)
			}
		})
	}
	// Values at the edges are read as written.
	for _, ok := range []string{`{"a": 9007199254740991}`, `{"a": -9007199254740991}`, `{"a": 1e308}`, `{"a": 0e-999999}`, `{"a": 5e-324}`, `{"a": 0.0}`} {
		if n, probs := ParseJSON("a.json", []byte(ok)); n == nil || len(probs) != 0 {
			t.Errorf("%s: %v", ok, probs)
		}
	}
	for _, ok := range []string{"a: 0\n", "a: 0x1F\n", "a: 0o17\n", "a: '010'\n", "a: 10\n", "a: 0.5\n"} {
		if n, probs := ParseYAML("a.yaml", []byte(ok)); n == nil || len(probs) != 0 {
			t.Errorf("%q: %v", ok, probs)
		}
	}
}

// The reference validator is never handed a value that makes it panic, and
// a nil node is a problem, not a crash.
func TestValidatorsGuarded(t *testing.T) {
	n := &Node{Kind: Object, Fields: []Field{{Key: "a", Value: &Node{Kind: Number, Value: "1e1000001"}}}}
	for _, s := range []*Schema{Catalogue, Catalogue.Reference()} {
		_ = s.ValidateAt(n, Root, "") // must not panic
		if probs := s.ValidateAt(nil, Root, ""); len(probs) != 1 {
			t.Errorf("nil node: %v", probs)
		}
	}
}

// YAML read whole is refused past the budget, in bounded memory, however
// it is laid out; the same text in block layout streams.
func TestYAMLBudget(t *testing.T) {
	var flow bytes.Buffer
	flow.WriteString(`{"kind": "Catalogue", "matters": [`)
	for flow.Len() <= MaxYAMLText {
		flow.WriteString(`{"code": "11510000MB1234567X4000111000000", "name": "某某事项"},`)
	}
	flow.WriteString(`{}]}`)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, probs := ParseYAML("flow.yaml", flow.Bytes())
	runtime.ReadMemStats(&after)
	if len(probs) != 1 || probs[0].Rule != RuleTooLarge || probs[0].Pos.Line != 1 {
		t.Errorf("problems %v, want one located %s", probs, RuleTooLarge)
	}
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 1<<20 {
		t.Errorf("refusing %d bytes of flow YAML allocated %d bytes", flow.Len(), grown)
	}
	// Streamed, the same text is one line of the header: refused too.
	_, probs = StreamYAML(bytes.NewReader(flow.Bytes()), "flow.yaml", []string{"matters"}, MaxYAMLText, func(*Node, string, int, *Node) bool { return true })
	if len(probs) != 1 || probs[0].Rule != RuleTooLarge {
		t.Errorf("stream: problems %v, want one %s", probs, RuleTooLarge)
	}
}

// A stream that never ends is refused after a bounded read, whatever it
// holds, by both streaming readers.
func TestEndlessStreams(t *testing.T) {
	tests := []struct {
		name string
		json bool
		r    func() io.Reader
		rule Rule
	}{
		{"zeros as YAML", false, func() io.Reader { return &repeat{b: "\x00"} }, RuleBadText},
		{"one endless YAML line", false, func() io.Reader { return &repeat{b: "a"} }, RuleTooLarge},
		{"endless YAML header", false, func() io.Reader { return &repeat{b: "a: b\n"} }, RuleTooLarge},
		{"endless YAML element", false, func() io.Reader {
			return io.MultiReader(strings.NewReader("matters:\n  - a: |\n"), &repeat{b: "      text\n"})
		}, RuleTooLarge},
		{"zeros as JSON", true, func() io.Reader { return &repeat{b: "\x00"} }, RuleSyntax},
		{"endless JSON string", true, func() io.Reader {
			return io.MultiReader(strings.NewReader(`{"matters": ["`), &repeat{b: "a"})
		}, RuleTooLarge},
		{"endless JSON array outside the streamed ones", true, func() io.Reader {
			return io.MultiReader(strings.NewReader(`{"x": [`), &repeat{b: "1,"})
		}, RuleTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &counting{r: tt.r()}
			each := func(*Node, string, int, *Node) bool { return true }
			var probs List
			if tt.json {
				_, probs = StreamJSON(r, "in", []string{"matters"}, each)
			} else {
				_, probs = StreamYAML(r, "in", []string{"matters"}, MaxYAMLText, each)
			}
			if len(probs) == 0 || probs[len(probs)-1].Rule != tt.rule && probs[0].Rule != tt.rule {
				t.Errorf("problems %v, want %s", probs, tt.rule)
			}
			if r.n > 2*MaxValueText {
				t.Errorf("read %d bytes before stopping", r.n)
			}
		})
	}
}

// repeat is a reader that never ends, of one text repeated.
type repeat struct {
	b   string
	off int
}

func (r *repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = r.b[r.off]
		r.off = (r.off + 1) % len(r.b)
	}
	return len(p), nil
}

type counting struct {
	r io.Reader
	n int
}

func (c *counting) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// A nil reader is a problem, not a panic.
func TestNilReaders(t *testing.T) {
	each := func(*Node, string, int, *Node) bool { return true }
	if _, probs := StreamJSON(nil, "a.json", nil, each); len(probs) != 1 || probs[0].Rule != RuleRead {
		t.Errorf("StreamJSON: %v", probs)
	}
	if _, probs := StreamYAML(nil, "a.yaml", nil, 1, each); len(probs) != 1 || probs[0].Rule != RuleRead {
		t.Errorf("StreamYAML: %v", probs)
	}
	if _, probs := ReadAll(nil, "a", 1); len(probs) != 1 || probs[0].Rule != RuleRead {
		t.Errorf("ReadAll: %v", probs)
	}
}

// The fast validator and the reference agree on the inputs that once set
// them apart: a member named "", duplicate members, numbers out of range
// in a tree built in code, numeric codes written as 1.0 or 1e1.
func TestValidatorsAgreeOnEdges(t *testing.T) {
	docs := []struct{ name, file, text string }{
		{"member named empty", "a.json", `{"kind": "Catalogue", "schemaVersion": 1, "matters": [{"": 1, "code": "X"}]}`},
		{"duplicate members", "a.json", `{"kind": "Catalogue", "schemaVersion": 1, "schemaVersion": "x", "matters": [{"code": "X", "code": 5}]}`},
		{"duplicate keys in YAML", "a.yaml", "kind: Catalogue\nschemaVersion: 1\nschemaVersion: x\nmatters: []\n"},
		{"numeric codes written as decimals", "a.json", `{"kind": "Catalogue", "schemaVersion": 1.0, "matters": [{"code": "X", "type": 1.0, "level": 5.0, "handlingKind": 1e0}]}`},
	}
	for _, d := range docs {
		t.Run(d.name, func(t *testing.T) {
			n, _ := Parse(d.file, []byte(d.text))
			if n == nil {
				t.Fatal("does not parse")
			}
			compareValidators(t, n)
		})
	}
	t.Run("empty member path", func(t *testing.T) {
		n, _ := Parse("a.json", []byte(docs[0].text))
		for _, s := range []*Schema{Catalogue, Catalogue.Reference()} {
			found := false
			for _, p := range s.Validate(n) {
				found = found || p.Path.String() == "/matters/0/" && p.Rule == "schema.additional-properties"
			}
			if !found {
				t.Errorf("%s: no problem at /matters/0/ (member \"\")", s.Name())
			}
		}
	})
	t.Run("number out of range built in code", func(t *testing.T) {
		for _, v := range []string{"1e1000001", "-1e-1000001", "1e-400", "9999999999999999999"} {
			n := &Node{Kind: Object, Fields: []Field{{Key: "kind", Value: &Node{Kind: String, Value: "Catalogue"}},
				{Key: "schemaVersion", Value: &Node{Kind: Number, Value: v}}}}
			compareValidators(t, n)
			if probs := Catalogue.Reference().Validate(n); len(probs) != 1 || probs[0].Rule != RuleNumberRange || probs[0].Path.String() != "/schemaVersion" {
				t.Errorf("%s: %v", v, probs)
			}
		}
	})
}

func TestIntegerText(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"1", "1", true}, {"1.0", "1", true}, {"1e1", "10", true}, {"5.00", "5", true}, {"-0", "0", true},
		{"1.5", "", false}, {"1e-1", "", false}, {"1e400", "", false}, {"9007199254740993", "", false},
	} {
		got, ok := IntegerText(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("IntegerText(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
