package matters

import (
	"strconv"
	"strings"
	"testing"

	"github.com/zwfw/zwfw/matters/codeset"
	"github.com/zwfw/zwfw/schema"
)

const maxLine = codeset.MaxValue

// A code recorded once is held with its line; recorded again it is a
// duplicate that reports the first line, whatever line it comes on.
func TestIndexAddAt(t *testing.T) {
	type add struct {
		code      string
		line      int
		wantFirst int
		wantDup   bool
	}
	past := maxLine // and one more: where int has 32 bits, a negative line
	past++
	tests := []struct {
		name string
		adds []add
	}{
		{"distinct codes", []add{{"A1", 3, 0, false}, {"A2", 9, 0, false}, {"A3", 15, 0, false}}},
		{"duplicate reports the first line", []add{{"A1", 3, 0, false}, {"A2", 9, 0, false}, {"A1", 15, 3, true}, {"A1", 21, 3, true}}},
		{"duplicate of a code with no line", []add{{"A1", 0, 0, false}, {"A1", 7, 0, true}}},
		{"a negative line is no line", []add{{"A1", -4, 0, false}, {"A1", 7, 0, true}}},
		{"a line past the largest kept is no line", []add{{"A1", past, 0, false}, {"A1", 7, 0, true}}},
		{"the largest line is kept", []add{{"A1", maxLine, 0, false}, {"A1", 7, maxLine, true}}},
		{"the empty code is never recorded", []add{{"", 3, 0, false}, {"", 5, 0, false}}},
		{"codes differing in case or space are distinct", []add{{"a1", 1, 0, false}, {"A1", 2, 0, false}, {"A1 ", 3, 0, false}, {"A1", 4, 2, true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := newIndex()
			for i, a := range tt.adds {
				first, dup := ix.addAt(a.code, a.line)
				if first != a.wantFirst || dup != a.wantDup {
					t.Errorf("add %d (%q at %d) = %d, %v; want %d, %v", i, a.code, a.line, first, dup, a.wantFirst, a.wantDup)
				}
				if a.code != "" && !ix.has(a.code) {
					t.Errorf("add %d: %q not held after it", i, a.code)
				}
			}
			if ix.has("") {
				t.Error("the empty code is held")
			}
		})
	}
}

// Many codes make every shard grow many times: each code keeps its line
// across the growth, and nothing not added is found.
func TestIndexGrowth(t *testing.T) {
	tests := []struct {
		name string
		n    int
	}{
		{"fewer codes than shards", 100},
		{"a few codes a shard", 3_000},
		{"many growths a shard", 200_000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if testing.Short() && tt.n > 10_000 {
				t.Skip("many codes: not in -short")
			}
			ix := newIndex()
			code := func(i int) string { return "11510000MB" + strconv.Itoa(1_000_000_000+i) + "X01" }
			for i := range tt.n {
				if first, dup := ix.addAt(code(i), i+1); dup {
					t.Fatalf("code %d is a duplicate of line %d", i, first)
				}
			}
			if held := ix.codes.Len(); held != tt.n {
				t.Errorf("the index holds %d codes, want %d", held, tt.n)
			}
			// The shards are staggered, so that the whole stays 78–93 %
			// full, and the lines packed: 11 bytes a code.
			if perCode := float64(ix.codes.Bytes()) / float64(tt.n); tt.n >= 100_000 && perCode > 11.5 {
				t.Errorf("%.1f bytes a code, want at most 11.5", perCode)
			}
			for i := range tt.n {
				if first, dup := ix.addAt(code(i), 0); !dup || first != i+1 {
					t.Fatalf("code %d again: %d, %v; want line %d, true", i, first, dup, i+1)
				}
			}
			for i := tt.n; i < tt.n+1000; i++ {
				if ix.has(code(i)) {
					t.Fatalf("code %d, never added, is held", i)
				}
			}
		})
	}
}

// add reports a duplicate code at the code's path and position, with the
// rule of duplicate codes, and nothing for a first use or an empty code.
func TestIndexAdd(t *testing.T) {
	at := func(line int) Locator {
		return func(schema.Path) schema.Pos { return schema.Pos{Line: line, Col: 5} }
	}
	ix := newIndex()
	var probs schema.List
	root := schema.Root.Key("matters")
	ix.add("A1", root.Index(0), at(4), &probs)
	ix.add("", root.Index(1), at(9), &probs)
	ix.add("", root.Index(2), at(14), &probs)
	ix.add("A1", root.Index(3), at(19), &probs)
	ix.add("A2", root.Index(4), noPos, &probs)
	ix.add("A2", root.Index(5), noPos, &probs)
	type got struct {
		rule schema.Rule
		path string
		line int
	}
	want := []got{
		{RuleDuplicateCode, "/matters/3/code", 19},
		{RuleDuplicateCode, "/matters/5/code", 0},
	}
	if len(probs) != len(want) {
		t.Fatalf("%d problems, want %d: %v", len(probs), len(want), probs)
	}
	for i, p := range probs {
		if g := (got{p.Rule, p.Path.String(), p.Pos.Line}); g != want[i] {
			t.Errorf("problem %d = %+v, want %+v", i, g, want[i])
		}
	}
	// The first line is the argument of the message's "first at line N"
	// (and the second duplicate, with no line, has none).
	for i, wantArgs := range [][]any{{4}, nil} {
		args := probs[i].Msg.Args
		if len(args) != 2 {
			t.Fatalf("problem %d: arguments %v", i, args)
		}
		where, ok := args[1].(schema.Msg)
		if !ok || len(where.Args) != len(wantArgs) || len(wantArgs) > 0 && where.Args[0] != wantArgs[0] {
			t.Errorf("problem %d: where %#v, want arguments %v", i, args[1], wantArgs)
		}
	}
}

// FuzzIndex records the lines of a text as codes, each at its line number,
// and compares the index with a map of the codes themselves: the same
// duplicates, with the same first lines. A byte of the input also sets how
// many numbered codes come after, so that shards grow.
func FuzzIndex(f *testing.F) {
	f.Add([]byte("A1\nA2\nA1\n\nA2\n"), uint16(0))
	f.Add([]byte("11510921MB1536000X3000123\n11510921MB1536000X3000123"), uint16(3000))
	f.Add([]byte("\n\n\n"), uint16(40))
	f.Fuzz(func(t *testing.T, text []byte, more uint16) {
		ix := newIndex()
		want := map[string]int{}
		check := func(code string, line int) {
			first, dup := ix.addAt(code, line)
			w, wdup := want[code]
			if code == "" {
				w, wdup = 0, false
			} else if !wdup {
				want[code] = line
			}
			if first != w || dup != wdup {
				t.Fatalf("line %d, code %q: %d, %v; want %d, %v", line, code, first, dup, w, wdup)
			}
		}
		lines := strings.Split(string(text), "\n")
		for i, code := range lines {
			check(code, i+1)
		}
		for i := range int(more) {
			check("M"+strconv.Itoa(i), len(lines)+1+i)
		}
		for code := range want {
			if !ix.has(code) {
				t.Fatalf("code %q not held", code)
			}
		}
	})
}

// Suspended and cancelled matters are kept by fingerprint with their
// status, compactly however many there are; matters in use are not kept.
func TestIndexInactive(t *testing.T) {
	n := 100_000
	if testing.Short() {
		n = 5_000
	}
	ix := newIndex()
	defer ix.free()
	code := func(i int) MatterCodeText {
		return MatterCodeText("11510000MB" + strconv.Itoa(1_000_000_000+i) + "X01")
	}
	status := func(i int) Status { return []Status{InUse, Suspended, Cancelled, 0}[i%4] }
	for i := range n {
		ix.status(&Matter{Code: code(i), Status: status(i)})
	}
	for i := range n + 100 {
		st, ok := ix.inactiveStatus(ix.fingerprint(string(code(i))))
		want := status(i)
		if i >= n {
			want = 0
		}
		if ok != !want.Active() || ok && st != want {
			t.Fatalf("matter %d: %v, %v; want %v", i, st, ok, want)
		}
	}
	if per := float64(ix.inactive.Bytes()) / float64(n/2); n >= 100_000 && per > 12 {
		t.Errorf("%.1f bytes an inactive matter, want at most 12", per)
	}
}

// A decoder of a document of known size sizes its index at 4,096 matters,
// then at 65,536, 1,048,576 …, each time for the matters the document
// holds by the size of those read, but never for more than 16 times the
// matters read: a size given wrong costs bounded room.
func TestReserveSteps(t *testing.T) {
	for _, c := range []struct {
		name  string
		size  int64 // the document's, for matters of 100 bytes from offset 0
		steps []int // the matters read at each reservation
		want  []int // reserved after each
	}{
		{"a million matters", 100_000_000, []int{4096, 65536}, []int{65536, 1_000_000}},
		{"ten thousand", 1_000_000, []int{4096}, []int{10_000}},
		{"a size far too large", 1 << 50, []int{4096, 65536, 1 << 20}, []int{1 << 16, 1 << 20, 1 << 24}},
		{"a size too small", 1_000, []int{4096}, []int{0}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := NewDecoder(nil, "c.json", &DecodeOptions{Size: c.size})
			defer d.ix.free()
			for k, i := range c.steps {
				if i != d.nextReserve {
					t.Fatalf("step %d at matter %d, want %d", k, d.nextReserve, i)
				}
				d.reserve(i, int64(i)*100)
				if d.reserved != c.want[k] {
					t.Errorf("after %d matters, index made for %d, want %d", i, d.reserved, c.want[k])
				}
			}
			if d.nextReserve != c.steps[len(c.steps)-1]*16 {
				t.Errorf("next step at %d", d.nextReserve)
			}
		})
	}
}
