package schema

import (
	"bytes"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/schema/schematest"
)

// streamFn is StreamJSON, or StreamYAML with its limit fixed.
type streamFn func(r io.Reader, file string, streamed []string, fn StreamFunc) (*Node, List)

// collect streams what r holds with stream and puts the streamed elements
// back into the header, so the result can be compared with what parsing
// the whole text gives.
func collect(stream streamFn, r io.Reader, file string, keys ...string) (*Node, List) {
	got := map[string][]*Node{}
	header, probs := stream(r, file, keys, func(_ *Node, key string, i int, n *Node) bool {
		got[key] = append(got[key], n)
		return true
	})
	if header == nil {
		return nil, probs
	}
	for i := range header.Fields {
		if items, ok := got[header.Fields[i].Key]; ok {
			header.Fields[i].Value.Items = items
		}
	}
	return header, probs
}

func streamCases(t *testing.T) map[string][]byte {
	cases := map[string][]byte{
		"matters":    []byte(`{"kind":"Catalogue","matters":[{"code":"A","n":1.5e3},{"code":"中文"},[],"s",null,true],"bundles":[],"after":{"x":[1,2]}}`),
		"empty":      []byte(`{}`),
		"bom":        []byte("\xEF\xBB\xBF{\n  \"matters\": [\n    1,\n    2\n  ]\n}\n"),
		"not object": []byte(`[1, 2, 3]`),
		"duplicate":  []byte(`{"a": 1, "a": 2, "matters": [{"x": 1, "x": 2}]}`),
		"escapes":    []byte(`{"matters": ["\ud83d\ude00", "\u4e2d", "a\"b\\c"]}`),
	}
	if b, err := os.ReadFile("testdata/mixed.json"); err == nil {
		cases["mixed"] = b
	}
	return cases
}

func TestStreamMatchesParse(t *testing.T) {
	for name, data := range streamCases(t) {
		want, wantProbs := ParseJSON("f.json", data)
		for _, rd := range []struct {
			name string
			r    func() io.Reader
		}{
			{"whole", func() io.Reader { return bytes.NewReader(data) }},
			{"bytewise", func() io.Reader { return iotest.OneByteReader(bytes.NewReader(data)) }},
			{"halves", func() io.Reader { return iotest.HalfReader(bytes.NewReader(data)) }},
		} {
			t.Run(name+"/"+rd.name, func(t *testing.T) {
				got, probs := collect(StreamJSON, rd.r(), "f.json", "matters", "bundles")
				if !reflect.DeepEqual(want, got) {
					t.Errorf("stream differs from ParseJSON:\n%s", cmp.Diff(want, got))
				}
				if diff := cmp.Diff(findings(wantProbs), findings(probs)); diff != "" {
					t.Errorf("problems differ (-parse +stream):\n%s", diff)
				}
			})
		}
	}
}

func TestStreamSyntaxErrors(t *testing.T) {
	for _, text := range []string{
		`{"matters": [1, 2`,
		`{"matters": [1, 2,]}`,
		`{"matters": [{"a": tru}]}`,
		`{"matters": [1] "x": 2}`,
		`{"matters": ["abc`,
		`{"matters": [1]} extra`,
		`{"a": 12`,
		`{"a": "\ud83d`,
		"{\"a\": \"\xe4\xb8\"}",
		`{`,
		``,
		`   `,
		strings.Repeat(`{"a":`, MaxDepth+5),
	} {
		want, wantProbs := ParseJSON("f.json", []byte(text))
		for _, r := range []io.Reader{strings.NewReader(text), iotest.OneByteReader(strings.NewReader(text))} {
			got, probs := collect(StreamJSON, r, "f.json", "matters")
			if (want == nil) != (got == nil) {
				t.Errorf("%q: parse gave %v, stream %v", text, wantProbs, probs)
				continue
			}
			if diff := cmp.Diff(findings(wantProbs), findings(probs)); diff != "" {
				t.Errorf("%q: problems differ (-parse +stream):\n%s", text, diff)
			}
		}
	}
}

func TestStreamStops(t *testing.T) {
	n := 0
	_, probs := StreamJSON(strings.NewReader(`{"matters": [1, 2, 3, 4`), "f.json", []string{"matters"}, func(*Node, string, int, *Node) bool {
		n++
		return n < 2
	})
	if n != 2 || len(probs) != 0 {
		t.Errorf("n = %d, problems %v", n, probs)
	}
}

func TestStreamReadError(t *testing.T) {
	r := io.MultiReader(strings.NewReader(`{"matters": [1, `), iotest.ErrReader(io.ErrUnexpectedEOF))
	_, probs := StreamJSON(r, "f.json", []string{"matters"}, func(*Node, string, int, *Node) bool { return true })
	if len(probs) == 0 || probs[len(probs)-1].Rule != "document.read" {
		t.Errorf("read error not reported: %v", probs)
	}
}

// FuzzStreamJSON checks that streaming in small reads gives what ParseJSON
// gives on the whole text.
func FuzzStreamJSON(f *testing.F) {
	schematest.Seed(f, "testdata/*.json", "../matters/testdata/*.json")
	f.Add([]byte(`{"matters":[{"code":"A"},{"code":"B"}],"x":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		want, wantProbs := ParseJSON("f.json", data)
		got, probs := collect(StreamJSON, iotest.HalfReader(bytes.NewReader(data)), "f.json", "matters")
		if (want == nil) != (got == nil) {
			t.Fatalf("parse gave %v, stream %v", wantProbs, probs)
		}
		if want != nil && !reflect.DeepEqual(want, got) {
			t.Fatalf("stream differs:\n%s", cmp.Diff(want, got))
		}
		if diff := cmp.Diff(findings(wantProbs), findings(probs)); diff != "" {
			t.Fatalf("problems differ (-parse +stream):\n%s", diff)
		}
	})
}

// Element.Offset is where the element starts in the document, across the
// stream's refills, whatever the reader hands over at a time.
func TestElementOffset(t *testing.T) {
	var doc bytes.Buffer
	doc.WriteString(`{"a": 1, "items": [`)
	var want []int64
	for i := range 20000 {
		if i > 0 {
			doc.WriteString(",\n  ")
		}
		want = append(want, int64(doc.Len()))
		doc.WriteString(`{"n": "` + strings.Repeat("元", i%300) + `"}`)
	}
	doc.WriteString("]}")
	data := doc.Bytes()
	for _, r := range []io.Reader{bytes.NewReader(data), iotest.HalfReader(bytes.NewReader(data))} {
		var got []int64
		fast := func(_ *Node, _ string, i int, e *Element) FastStatus {
			end := bytes.IndexByte(e.Data, '}')
			if end < 0 {
				return FastMore
			}
			if off := e.Offset(); !bytes.Equal(data[off:off+int64(end)+1], e.Data[:end+1]) {
				t.Fatalf("element %d at offset %d: %q is not there", i, off, e.Data[:end+1])
			}
			got = append(got, e.Offset())
			e.End = end + 1
			return FastOK
		}
		_, probs := StreamJSONFast(r, "f.json", []string{"items"}, fast, func(*Node, string, int, *Node) bool { return true })
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("offsets (-want +got):\n%s", diff)
		}
	}
	if len(data) < 3*streamChunk {
		t.Fatalf("the document (%d bytes) does not span several reads", len(data))
	}
}
