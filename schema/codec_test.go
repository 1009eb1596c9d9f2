package schema

import (
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/schema/schematest"
)

// color is an enumeration with text methods, as the document packages
// declare theirs.
type color uint8

var colors = []string{"红", "绿"}

func (c color) String() string {
	if c >= 1 && int(c) <= len(colors) {
		return colors[c-1]
	}
	return fmt.Sprintf("color(%d)", uint8(c))
}

func (c color) MarshalText() ([]byte, error) {
	if c < 1 || int(c) > len(colors) {
		return nil, fmt.Errorf("schema: invalid color %d", uint8(c))
	}
	return []byte(c.String()), nil
}

func (c *color) UnmarshalText(b []byte) error {
	for i, t := range colors {
		if string(b) == t || string(b) == fmt.Sprint(i+1) {
			*c = color(i + 1)
			return nil
		}
	}
	*c = 0
	return fmt.Errorf("schema: %q is not a color", b)
}

// colorSet is a set of colors in one value.
type colorSet uint8

func (s colorSet) Texts() []string {
	var out []string
	for c := color(1); int(c) <= len(colors); c++ {
		if s&(1<<c) != 0 {
			out = append(out, c.String())
		}
	}
	return out
}

func (s *colorSet) AddText(t string) error {
	var c color
	err := c.UnmarshalText([]byte(t))
	if err == nil {
		*s |= 1 << c
	}
	return err
}

// tenths is an exact number of tenths written as a JSON number, as the
// document packages declare their exact quantities.
type tenths int64

func (x tenths) MarshalNumber() string {
	s := strconv.FormatInt(int64(x)/10, 10)
	if f := int64(x) % 10; f != 0 {
		if x < 0 && x > -10 {
			s = "-" + s
		}
		s += "." + strconv.FormatInt(max(f, -f), 10)
	}
	return s
}

func (x tenths) MarshalText() ([]byte, error) { return []byte(x.MarshalNumber()), nil }

type tenthsError string

func (e tenthsError) Error() string { return string(e) }
func (e tenthsError) Rule() Rule    { return "sample.tenths" }

func (x *tenths) UnmarshalText(b []byte) error {
	r, ok := new(big.Rat).SetString(string(b))
	if !ok {
		return tenthsError("schema: " + strconv.Quote(string(b)) + " is not a number")
	}
	r.Mul(r, big.NewRat(10, 1))
	if !r.IsInt() || !r.Num().IsInt64() {
		return tenthsError("schema: " + strconv.Quote(string(b)) + " is not a whole number of tenths")
	}
	*x = tenths(r.Num().Int64())
	return nil
}

type span struct {
	Value float64 `doc:"value"`
	Unit  color   `doc:"unit"`
}

func (s span) IsZero() bool             { return s.Unit == 0 }
func (s span) KeepZero(key string) bool { return key == "value" }

type part struct {
	Name  string `doc:",key"`
	Count int64  `doc:"count,keep"`
}

type inner struct {
	Label string   `doc:"label" csv:"标签|标记"`
	Tags  []string `doc:"tags" csv:"标记词"`
	Ext   map[string]json.RawMessage
}

type sample struct {
	Name    string      `doc:"name" csv:"名称|名字"`
	Flag    bool        `doc:"flag" csv:"标志"`
	Always  bool        `doc:"always,keep"`
	Count   *int        `doc:"count" csv:"次数"`
	Small   int8        `doc:"small"`
	Color   color       `doc:"color" csv:"颜色"`
	Colors  colorSet    `doc:"colors" csv:"颜色集"`
	Day     time.Time   `doc:"day,date"`
	Span    span        `doc:"span"`
	Inner   inner       `doc:"inner"`
	More    *inner      `doc:"more"`
	Items   []inner     `doc:"items"`
	Parts   []part      `doc:"parts,keyed"`
	Exact   json.Number `doc:"exact"`
	Tenths  tenths      `doc:"tenths"`
	Skipped string
	Ext     map[string]json.RawMessage
}

var testCodec = &Codec{Rule: "sample.decode", Header: []string{"kind"}}

func decodeYAML(t *testing.T, text string) (sample, List) {
	t.Helper()
	n, probs := ParseYAML("s.yaml", []byte(text))
	if n == nil {
		t.Fatalf("not YAML: %v", probs)
	}
	var s sample
	var got List
	testCodec.Decode(n, &s, nil, Root, &got)
	return s, got
}

func TestCodecDecodeProblems(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // rule path
	}{
		{"valid", "kind: x\nname: a\nflag: true\ncount: 2\ncolor: 绿\ncolors: [红, 2]\nday: 2021-04-30\nspan: {value: 1.5, unit: 红}\ninner: {label: b, x-y: 1}\nparts: {p: {count: 3}}\nexact: 1.50\ntenths: 1.5\nx-z: [1]\n", nil},
		{"string wanted", "name: 1\n", []string{"sample.decode /name"}},
		{"bool wanted", "flag: yes please\n", []string{"sample.decode /flag"}},
		{"integer wanted", "count: 1.5\n", []string{"sample.decode /count"}},
		{"integer out of its size", "small: 300\n", []string{"sample.decode /small"}},
		{"enumeration refused", "color: 蓝\n", []string{"schema.enum /color"}},
		{"set member refused", "colors: [红, 蓝]\n", []string{"schema.enum /colors/1"}},
		{"date refused", "day: 2021-02-30\n", []string{"sample.decode /day"}},
		{"object wanted", "inner: [1]\n", []string{"sample.decode /inner"}},
		{"array wanted", "items: {}\n", []string{"sample.decode /items"}},
		{"keyed wants an object", "parts: [1]\n", []string{"sample.decode /parts"}},
		{"nested", "items: [{label: a}, {label: [1]}]\n", []string{"sample.decode /items/1/label"}},
		{"unknown member", "nme: a\ninner: {lable: b}\n", []string{"schema.additional-properties /inner/lable", "schema.additional-properties /nme"}},
		{"header only at the top", "inner: {kind: b}\n", []string{"schema.additional-properties /inner/kind"}},
		{"number wanted", "exact: \"1\"\n", []string{"sample.decode /exact"}},
		{"number, not text, for a NumberMarshaler", "tenths: \"1.5\"\n", []string{"sample.decode /tenths"}},
		{"number refused by its text method, with its rule", "tenths: 1.55\n", []string{"sample.tenths /tenths"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := decodeYAML(t, tt.text)
			var got []string
			for _, p := range probs {
				got = append(got, string(p.Rule)+" "+p.Path.String())
				if !p.Pos.IsValid() {
					t.Errorf("problem without a position: %v", p)
				}
			}
			slices.Sort(got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestCodecRoundTrip(t *testing.T) {
	text := "kind: x\nname: a\nflag: true\nalways: false\ncount: 0\ncolor: 绿\ncolors: [红, 绿]\nday: 2021-04-30\nspan: {value: 0, unit: 红}\ninner: {label: b, tags: [], x-y: {a: 1}}\nmore: {}\nitems: [{label: c}]\nparts: {p: {count: 0}, q: {count: 2}}\nexact: 1.50\ntenths: -0.5\nx-z: [1]\n"
	s, probs := decodeYAML(t, text)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	n := testCodec.Encode(&s)
	var back sample
	var more List
	testCodec.Decode(n, &back, nil, Root, &more)
	if len(more) > 0 {
		t.Fatal(more)
	}
	if diff := cmp.Diff(s, back); diff != "" {
		t.Errorf("round trip (-first +back):\n%s", diff)
	}
	// The members come in declaration order, x- members last; what is
	// not stated is left out, except with keep or KeepZero.
	var keys []string
	for _, f := range n.Fields {
		keys = append(keys, f.Key)
	}
	want := []string{"name", "flag", "always", "count", "color", "colors", "day", "span", "inner", "more", "items", "parts", "exact", "tenths", "x-z"}
	if diff := cmp.Diff(want, keys); diff != "" {
		t.Errorf("members (-want +got):\n%s", diff)
	}
	if v := n.Lookup(ParsePointer("/span/value")); v == nil || v.Value != "0" {
		t.Errorf("span value written as %v, want 0 (KeepZero)", v)
	}
	if v := n.Lookup(ParsePointer("/exact")); v == nil || v.Value != "1.50" {
		t.Errorf("exact written as %v, want 1.50 as read", v)
	}
	if v := n.Lookup(ParsePointer("/tenths")); v == nil || v.Kind != Number || v.Value != "-0.5" {
		t.Errorf("tenths written as %v, want the number -0.5", v)
	}
	if got := testCodec.Encode(&sample{}); len(got.Fields) != 2 || got.Fields[0].Key != "always" || got.Fields[1].Key != "inner" {
		t.Errorf("zero value writes %v, want always and inner only", got.Fields)
	}
}

func TestCodecDifferences(t *testing.T) {
	a, _ := decodeYAML(t, "name: a\ncolors: [红]\ninner: {label: b, tags: [], x-y: {a: 1, b: 2}}\nspan: {value: 1, unit: 红}\n")
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"equal, empty list as none, members in another order", "name: a\ncolors: [红]\ninner: {label: b, x-y: {b: 2, a: 1}}\nspan: {unit: 红, value: 1}\n", nil},
		{"struct member by member, value types whole", "name: a\ncolors: [红, 绿]\ninner: {label: c, x-y: {a: 1, b: 2}}\nspan: {value: 2, unit: 红}\n", []string{"colors", "inner.label", "span"}},
		{"extensions key by key", "name: a\ncolors: [红]\ninner: {label: b, x-y: 1, x-new: 2}\nspan: {value: 1, unit: 红}\n", []string{"inner.x-new", "inner.x-y"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, _ := decodeYAML(t, tt.text)
			var got []string
			for _, d := range testCodec.Differences(&a, &b) {
				got = append(got, strings.Join(d.Path, "."))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestColumns(t *testing.T) {
	cols := Columns[sample]()
	var got []string
	for _, c := range cols {
		got = append(got, c.Header+"="+c.English+"|"+strings.Join(c.Aliases, ","))
	}
	want := []string{"名称=name|名字", "标志=flag|", "次数=count|", "颜色=color|", "颜色集=colors|", "标签=inner.label|标记", "标记词=inner.tags|", "标签=more.label|标记", "标记词=more.tags|"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	tests := []struct {
		col, cell, back string
		fails           bool
	}{
		{"name", "甲", "甲", false},
		{"flag", "是", "是", false},
		{"flag", "也许", "", true},
		{"count", "3", "3", false},
		{"count", "三", "", true},
		{"color", "2", "绿", false},
		{"colors", "红、绿", "红、绿", false},
		{"more.tags", "a;b", "a、b", false},
	}
	for _, tt := range tests {
		t.Run(tt.col+"/"+tt.cell, func(t *testing.T) {
			i := slices.IndexFunc(cols, func(c Column) bool { return c.English == tt.col })
			var s sample
			err := cols[i].SetText(&s, tt.cell)
			if (err != nil) != tt.fails {
				t.Fatalf("SetText(%q) = %v, want failure %v", tt.cell, err, tt.fails)
			}
			if got := cols[i].Text(&s); got != tt.back {
				t.Errorf("Text = %q, want %q", got, tt.back)
			}
		})
	}
}

func TestMembers(t *testing.T) {
	if got := Members[sample]("items"); !slices.Equal(got, []string{"label", "tags"}) {
		t.Errorf("Members(items) = %v", got)
	}
	if got := Members[sample]("nothing"); got != nil {
		t.Errorf("Members(nothing) = %v, want nil", got)
	}
}

// FuzzCodecDecode decodes any YAML into a tagged type: it never panics,
// every problem has a rule and a position, and what decodes without a
// problem encodes to a tree that decodes to the same value.
func FuzzCodecDecode(f *testing.F) {
	schematest.Seed(f, "testdata/codec/*.yaml")
	f.Add([]byte("name: a\ncolors: [红, 3]\nparts: {p: {count: 1e2}}\nspan: {unit: 绿}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, _ := ParseYAML("f.yaml", data)
		if n == nil {
			return
		}
		var s sample
		var probs List
		testCodec.Decode(n, &s, nil, Root, &probs)
		for _, p := range probs {
			if p.Rule == "" || !p.Pos.IsValid() {
				t.Fatalf("problem without rule or position: %v", p)
			}
		}
		if len(probs) > 0 {
			return
		}
		var back sample
		testCodec.Decode(testCodec.Encode(&s), &back, nil, Root, &probs)
		if len(probs) > 0 {
			t.Fatalf("written value does not read back: %v", probs)
		}
		if diff := cmp.Diff(s, back); diff != "" {
			t.Fatalf("round trip (-first +back):\n%s", diff)
		}
	})
}
