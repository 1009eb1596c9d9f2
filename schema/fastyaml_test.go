package schema

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/schema/schematest"
)

func init() {
	// A failure of the fast reader's own (an index out of range, say)
	// must fail the tests, not pass for "not sure".
	fastYAMLStrict = true
}

// sameNode reports whether a and b are the same tree, positions included.
func sameNode(a, b *Node) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind != b.Kind || a.Pos != b.Pos || a.Value != b.Value || len(a.Fields) != len(b.Fields) || len(a.Items) != len(b.Items) {
		return false
	}
	for i := range a.Fields {
		fa, fb := a.Fields[i], b.Fields[i]
		if fa.Key != fb.Key || fa.KeyPos != fb.KeyPos || !sameNode(fa.Value, fb.Value) {
			return false
		}
	}
	for i := range a.Items {
		if !sameNode(a.Items[i], b.Items[i]) {
			return false
		}
	}
	return true
}

// compareFastYAML parses data with the fast reader and, when it is sure,
// checks that yaml.v3 reads the same tree with no problems. It reports
// whether the fast reader was sure.
func compareFastYAML(t testing.TB, data []byte, lineOffset int) bool {
	t.Helper()
	if len(data) > MaxYAMLText || utf16BOM(data) {
		return false
	}
	if _, _, bad := badText(data, false); bad {
		return false
	}
	fast, ok := fastParseYAML("f.yaml", data, lineOffset)
	if !ok {
		return false
	}
	slow, probs := parseYAMLSlow("f.yaml", data, lineOffset)
	if len(probs) > 0 {
		t.Fatalf("fast reader read text in which yaml.v3 finds problems %v:\n%s", probs, data)
	}
	if !sameNode(fast, slow) {
		t.Fatalf("fast reader disagrees with yaml.v3 (-yaml.v3 +fast):\n%s\ntext:\n%s", cmp.Diff(slow, fast), data)
	}
	return true
}

// fixtureYAML returns the YAML fixtures of the module and, for each, the
// texts of the elements a stream would cut from it (each "- " item at
// the start of a line or under a key, with the lines indented under it).
func fixtureYAML(t testing.TB) (files []string, texts map[string][]byte) {
	texts = map[string][]byte{}
	for _, f := range fixtureFiles(t) {
		if ext := filepath.Ext(f); ext != ".yaml" && ext != ".yml" {
			continue
		}
		data := schematest.ReadFile(t, f)
		files = append(files, f)
		texts[f] = data
		for i, item := range cutItems(data) {
			texts[f+"#"+strconv.Itoa(i)] = item
		}
	}
	return files, texts
}

// cutItems cuts block sequence items out of text the simple way: a line
// that starts (after spaces) with "- " opens an item, which takes the
// lines indented more than its dash.
func cutItems(data []byte) [][]byte {
	lines := bytes.SplitAfter(data, []byte("\n"))
	var out [][]byte
	for i, l := range lines {
		ind := indentOf(l)
		if !isItem(l, ind) {
			continue
		}
		item := append([]byte(nil), l...)
		for _, m := range lines[i+1:] {
			if !blank(m) && indentOf(m) <= ind {
				break
			}
			item = append(item, m...)
		}
		out = append(out, item)
	}
	return out
}

// TestFastYAMLOnFixtures holds the fast reader to yaml.v3 on every YAML
// document of the module and on every element a stream cuts from them.
func TestFastYAMLOnFixtures(t *testing.T) {
	_, texts := fixtureYAML(t)
	sure := 0
	for name, data := range texts {
		t.Run(name, func(t *testing.T) {
			if compareFastYAML(t, data, 0) {
				sure++
			}
			compareFastYAML(t, data, 7) // a text cut from further down a file
		})
	}
	t.Logf("fast reader sure of %d of %d texts", sure, len(texts))
	if sure < len(texts)/2 {
		t.Errorf("fast reader sure of only %d of %d texts", sure, len(texts))
	}
}

// TestFastYAMLReadsWhatIsWritten checks that the fast reader reads the
// YAML this module writes ([Node.YAML]).
func TestFastYAMLReadsWhatIsWritten(t *testing.T) {
	files, texts := fixtureYAML(t)
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			n, _ := ParseYAML(f, texts[f])
			if n == nil {
				t.Skip("not a readable document")
			}
			out, err := n.YAML()
			if err != nil {
				t.Fatal(err)
			}
			if !compareFastYAML(t, out, 0) {
				t.Errorf("fast reader not sure of the module's own YAML:\n%s", out)
			}
		})
	}
}

// TestFastYAML lists the forms the fast reader reads and those it leaves
// to yaml.v3; where it reads, the tree must be yaml.v3's.
func TestFastYAML(t *testing.T) {
	for _, tc := range fastYAMLCases {
		t.Run(tc.name, func(t *testing.T) {
			if got := compareFastYAML(t, []byte(tc.text), 0); got != tc.sure {
				slow, probs := parseYAMLSlow("f.yaml", []byte(tc.text), 0)
				b, _ := slow.MarshalJSON()
				t.Errorf("sure = %v, want %v (yaml.v3 reads %s, %v)", got, tc.sure, b, probs)
			}
		})
	}
}

// fastYAMLCases are the forms the fast reader reads (sure) and those it
// leaves to yaml.v3; they seed FuzzFastYAML too, with CRLF line ends as
// well.
var fastYAMLCases = []struct {
	name string
	text string
	sure bool
}{
	{"mapping", "a: 1\nb: x\n", true},
	{"nested mapping", "a:\n  b:\n    c: d\n  e: f\n", true},
	{"sequence", "- a\n- b\n", true},
	{"indented item", "  - code: x\n    name: y\n    list:\n      - scope: a\n        batch: 1\n", true},
	{"sequence at the key's indentation", "a:\n- x\n- y\nb: 2\n", true},
	{"compact nested sequence", "- - a\n  - b\n- c\n", true},
	{"empty values", "a:\nb:   \nc: # comment\n- \n", true},
	{"empty value in mapping", "a:\nb:   \nc: # comment\nd: 1\n", true},
	{"empty item", "-\n- \n- x\n", true},
	{"flow sequence", "a: [x, 'y', \"z\", 1, -2.5, true, null]\n", true},
	{"empty flow", "a: []\nb: {}\nc: [ ]\n", true},
	{"flow with trailing comma", "a: [x, ]\n", false},
	{"nested flow", "a: [[x], {b: [c, 'd']}]\n", true},
	{"flow mapping", "a: {b: c, \"d e\": 1}\n", true},
	{"flow mapping over lines", "a: {b: c,\n  d: e}\n", false},
	{"flow mapping empty value", "a: {b: }\n", false},
	{"flow key without space", "a: {\"b\":1}\n", false},
	{"comments", "# head\na: 1 # one\n  # indented\nb: x#y\n", true},
	{"quoted", "a: 'it''s'\nb: \"tab\\tnew\\nline \\u00e9 \\x41 \\U0001F600 \\\\ \\\" \\/\"\n", false},
	{"quoted escapes", "a: 'it''s'\nb: \"tab\\tnew\\nline \\u00e9 \\x41 \\U0001F600 \\\\ \\\" \\N\\_\\L\\P\\0\\a\\b\\e\\f\\v\\r\\ \"\n", true},
	{"quoted key", "\"a b\": 1\n'c': 2\n", true},
	{"quoted over lines", "a: \"b\n  c\"\n", false},
	{"plain over lines", "a: b\n  c\n", false},
	{"item over lines", "- b\n  c\n", false},
	{"resolution", "a: yes\nb: No\nc: on\nd: ~\ne: Null\nf: TRUE\ng: 2021-04-30\nh: 0x1F\ni: 1e3\nj: 1.\nk: .5\nl: 1号窗口\nm: 11510921100000008H\nn: +5\no: -0\np: 3.25\n", false},
	{"resolution without floats", "a: yes\nb: No\nc: on\nd: ~\ne: Null\nf: TRUE\ng: 2021-04-30\ni: 1e3\nj: 1.\nl: 1号窗口\nm: 11510921100000008H\nn: +5\no: -0\np: 3.25\nq: 2001-12-14 21:59:43.10\nr: 1.5e+3\n", true},
	{"leading zero", "a: 012\n", false},
	{"hexadecimal", "a: 0x1F\n", false},
	{"large integers", "a: 9007199254740991\nb: -9007199254740991\n", true},
	{"too large integer", "a: 9007199254740993\n", false},
	{"underscore", "a: 1_000\n", false},
	{"infinity", "a: .inf\n", false},
	{"big integer", "a: 123456789012345678901234567890\n", false},
	{"anchor", "a: &x 1\nb: *x\n", false},
	{"merge", "a: &x {b: 1}\nc:\n  <<: *x\n", false},
	{"tag", "a: !!str 1\n", false},
	{"block scalar", "a: |\n  text\n", true},
	{"block scalars", "a: |\n  one\n\n    two # not a comment\n  three: x\n\nb: |-\n  strip\n\n\nc: |+\n  keep\n\n\nd: >\n  folded\n  lines\n\n  para\n    more\n  end\ne: >-\n  x\n  y\n# comment\nf: |\ng: end\n", true},
	{"block scalars in a sequence", "- |\n  a\n  b\n- >+\n  c\n\n- d: |\n    e\n  f: 1\n", true},
	{"block scalar at the end", "a: |\n  text", true},
	{"block scalar kept at the end", "a: |+\n  text\n\n", true},
	{"block scalar with comment", "a: | # note\n  text\n", true},
	{"block scalar indentation indicator", "a: |2\n   text\n", false},
	{"block scalar line of spaces", "a: |\n  text\n   \n  more\n", false},
	{"block scalar less indented", "a:\n  b: |\n      x\n    y\n", false},
	{"block scalar document", "|\n  text\n", false},
	{"tab", "a:\t1\n", false},
	{"crlf", "a: 1\r\nb: [x, 'y']\r\n\r\n# c\r\nc:\r\n  - d # e\r\n", true},
	{"crlf block scalars", "a: |\r\n  one\r\n\r\n  two\r\nb: >+\r\n  x\r\n  y\r\n\r\nc: 1\r\n", true},
	{"cr alone", "a: 1\rb: 2\n", false},
	{"cr in a line", "a: 1\r \nb: 2\n", false},
	{"duplicate key", "a: 1\na: 2\n", false},
	{"document marker", "---\na: 1\n", false},
	{"two documents", "a: 1\n---\nb: 2\n", false},
	{"bad indentation", "a:\n    b: 1\n  c: 2\n", false},
	{"mapping value in value", "a: b: c\n", false},
	{"dash after key", "a: - b\n", false},
	{"scalar document", "hello\n", true},
	{"empty document", "# nothing\n", false},
	{"non-ASCII columns", "名称: 值\n事项: [甲, 乙]\n键:\n备注: 'x'\n", true},
	{"key then sequence item at same indentation", "- a: 1\n  - b\n", false},
	{"sequence under compact key", "- a:\n  - x\n  b: 1\n", true},
	{"complex key", "? a\n: b\n", false},
	{"url", "a: http://example.com/x?y=1#z\n", true},
	{"url in flow", "a: [http://example.com]\n", false},
	{"dash scalar", "a: -x\nb: [-y]\n", true},
	{"colon scalar", "a: b:c\n", true},
	{"long key", strings.Repeat("k", 1100) + ": 1\n", false},
}

// FuzzFastYAML holds the fast reader to yaml.v3: whenever it is sure of a
// text, yaml.v3 must read the same tree, positions included, with no
// problems.
func FuzzFastYAML(f *testing.F) {
	_, texts := fixtureYAML(f)
	for _, data := range texts {
		f.Add(data)
	}
	for _, tc := range fastYAMLCases {
		f.Add([]byte(tc.text))
		f.Add([]byte(strings.ReplaceAll(tc.text, "\n", "\r\n")))
	}
	if d := texts["../examples/data/catalogue-pengxi.yaml#0"]; d != nil {
		f.Add(bytes.ReplaceAll(d, []byte("\n"), []byte("\r\n")))
	}
	f.Add([]byte("a: [x, 'y', \"z\\u00e9\"]\nb:\n- 1\n- - 2\n  - c: d\n    e: 2021-04-30\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		compareFastYAML(t, data, 0)
	})
}

// benchItem is one matter as the module writes it in a catalogue.
const benchItem = `  - code: 11510921100000008H1100000000000
    baseCode: "100000000000"
    name: 食品经营许可（0）
    mainItem: 食品经营许可
    type: 行政许可
    level: 国家级
    body:
      name: 示例县行政审批局1分局
      creditCode: 11510921100000008H
      nature: 法定机关
    powerSource: 法定本级行使
    legalLimit:
      value: 10
      unit: 工作日
    promisedLimit:
      unit: 即办
    handlingKind: 即办件
    visits: 0
    online: [互联网咨询]
    forms: [窗口办理, 快递申请]
    serviceObjects: [自然人]
    scopes:
      - scope: 跨省通办
        batch: 1
    delegation:
      to: 乡镇级
      batch: 1
      document: 示例县下放决定
    selfService24h: true
    tolerateMissing: true
    fee:
      charged: true
      basis: 示例收费标准文件
      items: [工本费]
    x-window: 1号窗口
`

// BenchmarkParseYAMLItem compares the fast reader with yaml.v3 and the
// converter on one streamed element:
//
//	go test ./schema -run='^$' -bench=ParseYAMLItem -benchmem
func BenchmarkParseYAMLItem(b *testing.B) {
	data := []byte(benchItem)
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for range b.N {
			if _, ok := fastParseYAML("f.yaml", data, 100); !ok {
				b.Fatal("not sure")
			}
		}
	})
	b.Run("yaml.v3", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for range b.N {
			if n, _ := parseYAMLSlow("f.yaml", data, 100); n == nil {
				b.Fatal("no node")
			}
		}
	})
}
