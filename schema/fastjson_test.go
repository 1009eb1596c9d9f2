package schema

import (
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"testing"
	"time"
)

// The one-pass reader on a schema that uses every keyword it knows and
// some it leaves to nodes, held to the usual way: parse, validate, decode.

type fastKind uint8

func (k *fastKind) UnmarshalText(b []byte) error {
	for i, t := range []string{"", "a", "b", "c"} {
		if i > 0 && string(b) == t {
			*k = fastKind(i)
			return nil
		}
	}
	return errors.New("not a kind")
}

func (k fastKind) MarshalText() ([]byte, error) {
	return []byte([]string{"", "a", "b", "c"}[k%4]), nil
}

type fastSub struct {
	Unit  string  `doc:"unit"`
	Value float64 `doc:"value"`
	Ext   map[string]json.RawMessage
}

type fastDoc struct {
	Name  string      `doc:"name"`
	Kind  fastKind    `doc:"kind"`
	Tags  []string    `doc:"tags"`
	Count int         `doc:"count"`
	Small int8        `doc:"small"`
	Big   uint        `doc:"big"`
	Ratio float64     `doc:"ratio"`
	Num   json.Number `doc:"num"`
	When  time.Time   `doc:"when,date"`
	Sub   *fastSub    `doc:"sub"`
	Subs  []fastSub   `doc:"subs"`
	Kinds []fastKind  `doc:"kinds"`
	Flag  bool        `doc:"flag"`
	Code  string      `doc:"code"`
	Ext   map[string]json.RawMessage
}

const fastSchemaText = `{
  "$defs": {
    "doc": {
      "type": "object",
      "required": ["name"],
      "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": 8},
        "kind": {"enum": ["a", "b", "c", 1]},
        "tags": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}, "uniqueItems": true, "maxItems": 3},
        "count": {"type": "integer", "minimum": 0, "maximum": 100},
        "small": {"type": "integer"},
        "big": {"type": "integer", "minimum": 0},
        "ratio": {"type": "number", "minimum": 0.5, "exclusiveMaximum": 10},
        "num": {"type": "number"},
        "when": {"type": "string", "format": "date"},
        "sub": {"$ref": "#/$defs/sub"},
        "subs": {"type": "array", "items": {"$ref": "#/$defs/sub"}, "minItems": 1},
        "kinds": {"type": "array", "items": {"enum": ["a", "b", "c"]}},
        "flag": {"type": "boolean", "not": {"const": true}},
        "code": {"allOf": [{"$ref": "#/$defs/code"}, {"type": "string", "minLength": 2}]}
      },
      "patternProperties": {"^x-": true},
      "additionalProperties": false
    },
    "code": {"type": "string", "pattern": "^[0-9A-Z]{2,4}$"},
    "sub": {
      "type": "object",
      "properties": {"unit": {"type": "string", "enum": ["天", "月", "即办"]}, "value": {"type": "number", "minimum": 0}},
      "patternProperties": {"^x-": {"type": "string"}},
      "additionalProperties": false,
      "if": {"properties": {"unit": {"not": {"const": "即办"}}}},
      "then": {"required": ["value"]},
      "else": {"not": {"required": ["value"]}}
    }
  }
}`

var fastSeeds = []string{
	`{"name": "甲", "kind": "a", "tags": ["x", "y"], "count": 3, "small": -5, "big": 7, "ratio": 0.5, "num": 1e3, "when": "2021-04-30",
	  "sub": {"unit": "天", "value": 20}, "subs": [{"unit": "即办"}, {"unit": "月", "value": 1.5, "x-note": "注"}], "kinds": ["a", "c"],
	  "flag": false, "code": "AB12", "x-extra": {"a": [1, 2]}}`,
	`{"name":"乙","kind":"b","tags":[],"count":100}`,
	`{"name":"乙","kind":1}`,
	`{"name": "a\"b\\u4e2d", "tags": ["x", "x"]}`,
	`{"name": "丙", "sub": {"unit": "天"}}`,
	`{"name": "丁", "sub": {"unit": "即办", "value": 1}}`,
	`{"name": "戊", "flag": true}`,
	`{"name": "己", "small": 300, "big": -1, "ratio": 10}`,
	`{"name": "庚", "when": "2021-02-30", "code": "ab"}`,
	`{"name": "辛", "name": "辛"}`,
	`{"name": "壬", "kinds": ["a", "a"], "subs": []}`,
	`{"name": "癸", "x-a": 1, "x-a": 2}`,
	`{"name": "", "count": 1.0, "num": -0.0e-1}`,
	`{"name": "子", "sub": null}`,
	`{"name": "丑", "count": 12345678901234567890}`,
	`  {"name" : "寅" , "tags" : [ "a" , "b" ] }  `,
}

func fastTestDecoder(t testing.TB) (*FastDecoder, *vschema) {
	doc, probs := ParseJSON("fast.schema.json", []byte(fastSchemaText))
	if doc == nil {
		t.Fatal(probs)
	}
	vs, err := compileFast(doc, "/$defs/doc")
	if err != nil {
		t.Fatal(err)
	}
	fc := &fastCompile{memo: map[fastKey]*fnode{}}
	return &FastDecoder{root: fc.node(vs, planOf(reflect.TypeFor[fastDoc]())), typ: reflect.TypeFor[fastDoc]()}, vs
}

// agree checks one input both ways; it reports whether the one-pass
// reader took it.
func agree(t *testing.T, fd *FastDecoder, vs *vschema, data []byte) bool {
	t.Helper()
	var fast fastDoc
	end, st := fd.Decode(data, &fast, nil)
	if st != FastOK {
		return false
	}
	n, probs := ParseJSON("t.json", data[:end])
	if len(probs) > 0 {
		t.Fatalf("%q taken in one pass, but the parser reports %v", data, probs)
	}
	r := &fastRun{root: vs, doc: n}
	r.validate(vs, n)
	if len(r.out) > 0 {
		t.Fatalf("%q taken in one pass, but the validator reports %v", data, r.out)
	}
	var slow fastDoc
	var dp List
	(&Codec{}).Decode(n, &slow, n, Root, &dp)
	if len(dp) > 0 {
		t.Fatalf("%q taken in one pass, but the decoder reports %v", data, dp)
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Fatalf("%q read differently:\none pass %+v\nnodes    %+v", data, fast, slow)
	}
	return true
}

func TestFastDecoderAgrees(t *testing.T) {
	fd, vs := fastTestDecoder(t)
	took := map[string]bool{}
	for _, s := range fastSeeds {
		took[s] = agree(t, fd, vs, []byte(s))
		for k := 0; k < len(s); k++ { // cut short anywhere
			var v fastDoc
			if _, st := fd.Decode([]byte(s[:k]), &v, nil); st == FastOK && k < len(s)-2 {
				t.Errorf("%q taken, cut at %d", s, k)
			}
		}
	}
	for _, s := range fastSeeds[:2] {
		if !took[s] {
			t.Errorf("valid %q was not taken in one pass", s)
		}
	}
	for _, s := range fastSeeds[2:12] {
		if took[s] {
			t.Errorf("%q, which has a problem, was taken in one pass", s)
		}
	}
}

func FuzzFastDecoder(f *testing.F) {
	for _, s := range fastSeeds {
		f.Add([]byte(s))
	}
	fd, vs := fastTestDecoder(f)
	f.Fuzz(func(t *testing.T, data []byte) { agree(t, fd, vs, data) })
}

// plainInt agrees with isPlainInt and strconv on every text.
func FuzzPlainInt(f *testing.F) {
	for _, s := range []string{"0", "-0", "7", "-7", "01", "-01", "", "-", "+1", "1e3", "1.0",
		"999999999999999999", "-999999999999999999", "9223372036854775807", "9223372036854775808",
		"-9223372036854775808", "-9223372036854775809", "12a", "1 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := plainInt([]byte(s))
		want, err := strconv.ParseInt(s, 10, 64)
		wantOK := isPlainInt(s) && err == nil
		if ok != wantOK || ok && v != want {
			t.Fatalf("plainInt(%q) = %d, %v; want %d, %v", s, v, ok, want, wantOK)
		}
	})
}
