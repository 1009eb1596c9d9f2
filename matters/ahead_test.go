package matters

import (
	"bytes"
	"encoding/json"
	"runtime"
	"testing"
	"time"

	"github.com/zwfw/zwfw/schema"
)

// manyMatters returns a catalogue document of the sample's matters
// repeated rounds times, compact (one matter a line) or indented; every
// bad-th matter (0: none) has a problem, and every matter's name an
// escaped quote and a backslash at its end.
func manyMatters(t *testing.T, rounds int, indent bool, bad int) []byte {
	t.Helper()
	n, probs := schema.ParseJSON("sample.json", sampleJSON(t))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	var items [][]byte
	for _, m := range n.Get("matters").Items {
		b, err := m.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		b = bytes.Replace(b, []byte(`"name":"`), []byte(`"name":"\"{[\\`), 1)
		items = append(items, b)
	}
	n.Get("matters").Items = nil
	head, err := n.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.Write(head[:bytes.LastIndex(head, []byte(`"matters":[]`))+len(`"matters":[`)])
	k := 0
	for range rounds {
		for _, it := range items {
			if k > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n")
			if bad > 0 && k%bad == bad-1 {
				it = bytes.Replace(it, []byte(`"level":"`), []byte(`"level":"不是层级`), 1)
			}
			b.Write(it)
			k++
		}
	}
	b.WriteString("\n" + string(head[bytes.LastIndex(head, []byte(`"matters":[]`))+len(`"matters":[`):]))
	if !indent {
		return b.Bytes()
	}
	var ind bytes.Buffer
	if err := json.Indent(&ind, b.Bytes(), "", "  "); err != nil {
		t.Fatal(err)
	}
	return ind.Bytes()
}

// Reading ahead with the decoder's own batch and budget, on two CPUs,
// gives what one goroutine gives, and reads most matters ahead.
func TestAheadAgrees(t *testing.T) {
	old := runtime.GOMAXPROCS(2)
	defer runtime.GOMAXPROCS(old)
	for _, tt := range []struct {
		name   string
		indent bool
		bad    int
	}{
		{"compact", false, 0},
		{"indented", true, 0},
		{"a problem every 37", false, 37},
		{"a problem every 3", true, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := manyMatters(t, 40, tt.indent, tt.bad)
			one := decodeWay(t, "c.json", data, false, -1)
			two := decodeWay(t, "c.json", data, false, 0)
			sameDecoding(t, tt.name, "one goroutine", "reading ahead", one, two)
			if len(two.matters) != 40*78 && len(two.matters) != len(one.matters) {
				t.Fatalf("%d matters", len(two.matters))
			}
			t.Logf("%d matters, %d read ahead, %d problems", len(two.matters), two.ahead, len(two.probs))
			if tt.bad == 0 && two.ahead < len(two.matters)/3 {
				t.Errorf("%d of %d matters read ahead", two.ahead, len(two.matters))
			}
			if two.ahead == 0 {
				t.Error("no matter read ahead")
			}
			d := NewDecoder(bytes.NewReader(data), "c.json", nil)
			for range d.Matters() {
			}
			if d.ahead != nil {
				t.Error("read ahead without DecodeOptions.ReadAhead")
			}
			for _, batch := range []int{2, 5, 64} {
				got := decodeWay(t, "c.json", data, false, batch)
				sameDecoding(t, tt.name, "one goroutine", "reading ahead", one, got)
			}
		})
	}
}

// A caller that stops early stops the reader ahead: it is gone when the
// iteration returns.
func TestAheadStops(t *testing.T) {
	old := runtime.GOMAXPROCS(2)
	defer runtime.GOMAXPROCS(old)
	data := manyMatters(t, 20, false, 0)
	before := runtime.NumGoroutine()
	for _, stop := range []int{0, 1, 100, 1000} {
		d := NewDecoder(bytes.NewReader(data), "c.json", &DecodeOptions{ReadAhead: true})
		n := 0
		for i := range d.Matters() {
			n++
			if i == stop {
				break
			}
		}
		if n != stop+1 {
			t.Errorf("stopped at %d: %d matters yielded", stop, n)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after stopping, %d before", n, before)
	}
}

// A caller's panic leaves no reader ahead behind.
func TestAheadCallerPanics(t *testing.T) {
	old := runtime.GOMAXPROCS(2)
	defer runtime.GOMAXPROCS(old)
	data := manyMatters(t, 20, false, 0)
	before := runtime.NumGoroutine()
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the caller's panic was lost")
			}
		}()
		for i := range NewDecoder(bytes.NewReader(data), "c.json", &DecodeOptions{ReadAhead: true}).Matters() {
			if i == 500 {
				panic("caller")
			}
		}
	}()
	time.Sleep(50 * time.Millisecond)
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after the panic, %d before", n, before)
	}
}

func TestSkipObject(t *testing.T) {
	for _, obj := range []string{
		`{}`,
		`{"a":1}`,
		`{"a":"}"}`,
		`{"a":"\""}`,
		`{"a":"\\"}`,
		`{"a":"\\\"}"}`,
		`{"a":["]",{"b":"{"}],"c":{"d":[[]]}}`,
		`{ "名称" : "甲\u0022乙" , "x" : [ 1 , 2 ] }`,
	} {
		for _, after := range []string{"", ",", " ,\n\t{}", "]"} {
			data := []byte(obj + after)
			end, ok := skipObject(data, 0)
			if !ok || end != len(obj) {
				t.Errorf("skipObject(%q) = %d, %v; want %d", data, end, ok, len(obj))
			}
		}
		for k := range len(obj) - 1 {
			if end, ok := skipObject([]byte(obj[:k+1]), 0); ok {
				t.Errorf("skipObject(%q) = %d, true; want false (cut)", obj[:k+1], end)
			}
		}
	}
	for _, data := range []string{"", "[]", `"{}"`, " {}"} {
		if _, ok := skipObject([]byte(data), 0); ok {
			t.Errorf("skipObject(%q) took it", data)
		}
	}
	for _, tt := range []struct {
		data string
		p    int
		ok   bool
	}{
		{", {", 2, true},
		{"\n,\n  {", 5, true},
		{",", 0, false},
		{"]", 0, false},
		{" ] ,", 0, false},
		{", ", 0, false},
	} {
		p, ok := nextElement([]byte(tt.data), 0)
		if ok != tt.ok || ok && p != tt.p {
			t.Errorf("nextElement(%q) = %d, %v; want %d, %v", tt.data, p, ok, tt.p, tt.ok)
		}
	}
}

// FuzzSkipObject holds skipObject to encoding/json: an object it reads
// ends where json's decoder says, and nothing panics. (Of text that is not
// JSON it may take anything: the decoder takes a result read ahead only
// at the offset where the stream itself finds the element.)
func FuzzSkipObject(f *testing.F) {
	for _, s := range []string{`{"a":"\\\"}"},{}`, `{"a":[{"b":"]"}]}`, `{"a`, `{}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		end, ok := skipObject(data, 0)
		if ok && (end <= 0 || end > len(data)) {
			t.Fatalf("skipObject(%q) = %d", data, end)
		}
		if len(data) == 0 || data[0] != '{' {
			return
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		var raw json.RawMessage
		if dec.Decode(&raw) != nil {
			return
		}
		if want := int(dec.InputOffset()); !ok || end != want {
			t.Fatalf("skipObject(%q) = %d, %v; json ends it at %d", data, end, ok, want)
		}
	})
}
