package schema

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzJSONString checks the JSON string writer against encoding/json: what
// it writes reads back as the string encoding/json would read from its own
// output (invalid UTF-8 becoming U+FFFD in both).
func FuzzJSONString(f *testing.F) {
	f.Add("a\"b\\c\n\x01<>&\u2028\xff中")
	f.Fuzz(func(t *testing.T, s string) {
		var b bytes.Buffer
		appendJSONString(&b, s)
		var back string
		if err := json.Unmarshal(b.Bytes(), &back); err != nil {
			t.Fatalf("%q -> %s: %v", s, b.Bytes(), err)
		}
		want, _ := json.Marshal(s)
		var w string
		json.Unmarshal(want, &w)
		if back != w {
			t.Fatalf("%q: got %q want %q", s, back, w)
		}
	})
}
