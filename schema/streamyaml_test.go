package schema

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/schema/schematest"
)

// streamYAML is StreamYAML with no limit on what it reads whole.
func streamYAML(r io.Reader, file string, streamed []string, fn StreamFunc) (*Node, List) {
	return StreamYAML(r, file, streamed, 1<<30, fn)
}

// checkYAMLStream compares streaming with parsing whole: the same tree
// (positions included) and the same problems.
func checkYAMLStream(t testing.TB, data []byte) {
	want, wantProbs := ParseYAML("f.yaml", data)
	got, probs := collect(streamYAML, bytes.NewReader(data), "f.yaml", "matters", "bundles")
	syntaxErr := false
	for _, p := range wantProbs {
		syntaxErr = syntaxErr || p.Rule == RuleSyntax
	}
	if want == nil || syntaxErr {
		// Text that is not YAML: the stream must say so too, though
		// yaml.v3 may place the error elsewhere in a part than in the
		// whole, and the parts before it were read.
		for _, p := range probs {
			if strings.HasPrefix(string(p.Rule), "syntax.") || p.Rule == "document.too-large" {
				return
			}
		}
		t.Fatalf("parse gave %v, stream found nothing wrong", wantProbs)
	}
	if got == nil {
		t.Fatalf("parse gave %v, stream %v", wantProbs, probs)
	}
	if want != nil && !reflect.DeepEqual(want, got) {
		t.Fatalf("stream differs from ParseYAML:\n%s", cmp.Diff(want, got))
	}
	if diff := cmp.Diff(findings(wantProbs), findings(probs)); diff != "" {
		t.Fatalf("problems differ (-parse +stream):\n%s", diff)
	}
}

func TestStreamYAMLMatchesParse(t *testing.T) {
	cases := map[string]string{
		"plain":       "kind: Catalogue\nmatters:\n  - code: A\n    name: x\n  - code: B\nbundles:\n  - {code: C}\ntitle: t\n",
		"unindented":  "matters:\n- code: A\n  n: 1\n# a comment\n- code: B\nafter: 1\n",
		"comments":    "# head\nmatters: # the list\n\n  # first\n  - code: A\n\n  - code: B\n    x: [1, 2]\n# tail\n",
		"crlf":        "kind: C\r\nmatters:\r\n  - code: A\r\n  - code: B\r\n",
		"flow":        "matters: [{code: A}, {code: B}]\nx: 1\n",
		"flow below":  "matters:\n  [{code: A},\n   {code: B}]\n",
		"empty":       "matters:\nx: 1\n",
		"nested seqs": "matters:\n  - code: A\n    scopes:\n      - scope: x\n      - scope: y\n  -\n    code: B\n",
		"scalar item": "matters:\n  - 1\n  - two\n  - - nested\n",
		"bad item":    "matters:\n  - code: A\n  - code: [B\n  - code: C\n",
		"bad header":  "kind: [\nmatters:\n  - code: A\n",
		"dup key":     "title: a\nmatters:\n  - code: A\ntitle: b\n",
		"dates":       "asOf: 2021-04-30\nmatters:\n  - date: 2021-04-30\n    n: 0x10\n",
		"no newline":  "matters:\n  - code: A",
		"anchor in":   "matters:\n  - a: &x 1\n    b: *x\n",
	}
	for _, pat := range []string{"testdata/*.yaml", "../*/testdata/*.yaml", "../examples/data/*.yaml"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil {
				cases[f] = string(b)
			}
		}
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) { checkYAMLStream(t, []byte(text)) })
	}
}

func TestStreamYAMLAliasAcrossItems(t *testing.T) {
	text := "matters:\n  - a: &x 1\n  - b: *x\n"
	_, probs := collect(streamYAML, strings.NewReader(text), "f.yaml", "matters")
	if len(probs) != 1 || probs[0].Rule != RuleAliasAcrossItems || probs[0].Pos.Line != 3 || probs[0].Path.String() != "/matters/1" {
		t.Errorf("got %v", probs)
	}
}

// FuzzStreamYAML checks that cutting a YAML document into elements gives
// what parsing it whole gives, wherever the document uses no alias across
// elements.
func FuzzStreamYAML(f *testing.F) {
	schematest.Seed(f, "testdata/*.yaml", "../matters/testdata/*.yaml")
	f.Add([]byte("matters:\n  - code: A\n  - code: B\nx: 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.ContainsAny(data, "*&") {
			return // aliases may cross elements: see TestStreamYAMLAliasAcrossItems
		}
		checkYAMLStream(t, data)
	})
}

// Text that is not text stops the stream, and the elements read before it
// are still handed over with their problems, on one CPU or several, every
// time: with parsers on other goroutines, those still being parsed were
// once dropped, depending on timing.
func TestStreamYAMLStopsAfterWhatWasRead(t *testing.T) {
	doc := []byte("kind: x\nmatters:\n  - a]\n    b: c: d\n  - e\n  - f\n g \xe4\xbd\n")
	run := func() string {
		var got []string
		_, probs := StreamYAML(bytes.NewReader(doc), "f.yaml", []string{"matters"}, MaxYAMLText, func(_ *Node, _ string, i int, n *Node) bool {
			got = append(got, fmt.Sprint(i))
			return true
		})
		for _, p := range probs {
			got = append(got, p.Pos.String()+" "+string(p.Rule))
		}
		return strings.Join(got, "; ")
	}
	old := runtime.GOMAXPROCS(1)
	want := run()
	runtime.GOMAXPROCS(2)
	defer runtime.GOMAXPROCS(old)
	if !strings.Contains(want, string(RuleSyntax)) || !strings.Contains(want, string(RuleBadText)) {
		t.Fatalf("on one CPU: %s; want a syntax problem and the bad text", want)
	}
	for range 500 {
		if got := run(); got != want {
			t.Fatalf("on two CPUs: %s\non one: %s", got, want)
		}
	}
}
