package schema

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestPrintable(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain Chinese", "蓬溪县行政审批局", "蓬溪县行政审批局"},
		{"newline forging a line", "甲\nfile.yaml:1:1: error: forged", `甲\nfile.yaml:1:1: error: forged`},
		{"carriage return", "a\rb", `a\rb`},
		{"escape sequence", "\x1b[2J\x1b]0;title\a", `\x1b[2J\x1b]0;title\a`},
		{"tab", "a\tb", `a\tb`},
		{"DEL and C1", "a\x7fb\u0085c\u009bd", `a\x7fb\u0085c\u009bd`},
		{"bidi override", "abc\u202edcba", `abc\u202edcba`},
		{"zero width", "a\u200bb", `a\u200bb`},
		{"invalid UTF-8", "a\xffb", `a\xffb`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Printable(tt.in)
			if got != tt.want {
				t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if strings.ContainsAny(got, "\n\r\x1b") {
				t.Errorf("control characters left in %q", got)
			}
		})
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "川渝通办", "川渝通办"},
		{"script", `<script>alert(1)</script>`, `&lt;script&gt;alert(1)&lt;/script&gt;`},
		{"entity", "a&amp;b", "a&amp;amp;b"},
		{"table cell", "a|b", `a\|b`},
		{"emphasis and links", "*x* _y_ [z](http://e)", `\*x\* \_y\_ \[z\](http://e)`},
		{"heading", "# x", `\# x`},
		{"newline, shown as \\n", "a\n# b", `a\\n# b`},
		{"backslash and code", "\\`", "\\\\\\`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Markdown(tt.in); got != tt.want {
				t.Errorf("Markdown(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// A problem is one line whatever its message quotes, and JSON stays valid
// for any string.
func TestProblemOneLine(t *testing.T) {
	p := &Problem{Pos: Pos{File: "a\nb.yaml", Line: 1, Col: 1}, Path: Root.Key("x\ny"), Rule: "r", Message: "name \"甲\n\x1b[31m\""}
	if s := p.Error(); strings.ContainsAny(s, "\n\x1b") {
		t.Errorf("problem line %q holds control characters", s)
	}
	b, err := json.Marshal(List{p})
	if err != nil || !json.Valid(b) {
		t.Errorf("JSON %s: %v", b, err)
	}
}

func TestCountComments(t *testing.T) {
	tests := []struct {
		name, text string
		want       int
	}{
		{"none", "a: 1\nb: 'x # y'\nc: \"# z\"\nd: a#b\n", 0},
		{"full lines and trailing", "# head\na: 1 # why\n  # indented\nb: 2\n", 3},
		{"no final newline", "a: 1 # c", 1},
		{"quotes closed before", "a: 'x' # c\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CountComments(strings.NewReader(tt.text))
			if err != nil || got != tt.want {
				t.Errorf("CountComments = %d, %v; want %d", got, err, tt.want)
			}
		})
	}
}

// JSON written from a node is valid JSON whatever its strings hold.
func TestNodeJSONAlwaysValid(t *testing.T) {
	for _, s := range []string{"\xff", "a\x00b", "\u2028\u2029", "\x1b[2J", `"\`, "\ud7ff\ue000", "<script>"} {
		n := &Node{Kind: Object, Fields: []Field{{Key: s, Value: &Node{Kind: String, Value: s}}}}
		b, err := n.MarshalJSON()
		if err != nil || !json.Valid(b) {
			t.Errorf("%q: %s, %v", s, b, err)
		}
	}
}
