package schema

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

// A quote, a backslash or a control character at any place of a string,
// after ASCII or Chinese text, is found by the one pass, and the string
// read as the parser reads it; a control character sends the value to
// the usual way, which reports it.
func TestFastStringAnyOffset(t *testing.T) {
	fd, vs := fastTestDecoder(t)
	for _, fill := range []string{"a", "中", "é"} {
		for _, special := range []struct {
			text  string
			taken bool
		}{
			{"", true},
			{`\"`, true},
			{`\\`, true},
			{`\n`, true},
			{`\u4e2d`, true},
			{"\x01", false},
			{"\x1f", false},
			{"\x7f", true},
		} {
			// name holds 1 to 8 characters: 8 Chinese ones are 24 bytes.
			for k := range 8 {
				text := strings.Repeat(fill, k) + special.text + strings.Repeat(fill, 7-k)
				doc := []byte(`{"name":"` + text + `","count":1}`)
				if got := agree(t, fd, vs, doc); got != special.taken {
					t.Errorf("%q taken in one pass: %v, want %v", doc, got, special.taken)
				}
			}
		}
	}
}

// A byte that is not UTF-8, at any place of a string of 1 to 8
// characters (name's limit), is left to the usual way; the same string
// with a Chinese character there is read in one pass.
func TestFastStringInvalidUTF8AnyOffset(t *testing.T) {
	fd, vs := fastTestDecoder(t)
	for n := range 8 {
		for k := range n + 1 {
			for _, c := range []struct {
				text  string
				taken bool
			}{{"\xff", false}, {"\xe4\xb8", false}, {"中", true}} {
				text := strings.Repeat("a", k) + c.text + strings.Repeat("b", n-k)
				doc := []byte(`{"name":"` + text + `","count":1}`)
				if got := agree(t, fd, vs, doc); got != c.taken {
					t.Errorf("%q taken in one pass: %v, want %v", doc, got, c.taken)
				}
			}
		}
	}
}

// Keys are read as the usual way reads them whether they come in the
// order of the fields or not, written plainly or with escapes, or are
// a prefix or an extension of a known key.
func TestFastKeysAsWritten(t *testing.T) {
	fd, vs := fastTestDecoder(t)
	for _, c := range []struct {
		doc   string
		taken bool
	}{
		{`{"name":"a","kind":"b","count":1}`, true},
		{`{"count":1,"kind":"b","name":"a"}`, true},
		{`{"n\u0061me":"a","count":1}`, false},
		{`{"name":"a","c\u006funt":1}`, false},
		{`{"nam":"a","count":1}`, false},
		{`{"names":"a","count":1}`, false},
		{`{"name" : "a" , "count" : 1}`, true},
		{`{"name":"a","name":"b"}`, false},
		{`{"name":"a","x-name":1,"kind":"b"}`, true},
		{`{"name":"a","x-name":1,"name":"b"}`, false},
		{`{"name":"a","count":1,"kinds":["a"],"kind":"c"}`, true},
		{`{"name":"a","count`, false},
		{`{"name":"a","count"`, false},
		{`{"name":"a",count:1}`, false},
	} {
		if got := agree(t, fd, vs, []byte(c.doc)); got != c.taken {
			t.Errorf("%s taken in one pass: %v, want %v", c.doc, got, c.taken)
		}
	}
}

// The strings of values read one after another, on several goroutines,
// are each the text read: the blocks they are cut from are never written
// again, whatever the values read after.
func TestFastStringsKept(t *testing.T) {
	fd, _ := fastTestDecoder(t)
	const workers, each = 4, 500
	docs := make([][]fastDoc, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				// Lengths vary, so that values need one block or two.
				name := strings.Repeat("名", 1+(i+w)%8)
				tags := `"` + strings.Repeat("a", 1+i%40) + `","` + strings.Repeat("b", 1+i%300) + `"`
				doc := fmt.Sprintf(`{"name":%q,"tags":[%s],"code":"%02d"}`, name, tags, i%100)
				var v fastDoc
				if _, st := fd.Decode([]byte(doc), &v, nil); st != FastOK {
					t.Errorf("%s: status %v", doc, st)
					return
				}
				docs[w] = append(docs[w], v)
			}
		}()
	}
	wg.Wait()
	for w := range workers {
		for i, v := range docs[w] {
			want := []string{strings.Repeat("a", 1+i%40), strings.Repeat("b", 1+i%300)}
			if v.Name != strings.Repeat("名", 1+(i+w)%8) || !slices.Equal(v.Tags, want) || v.Code != fmt.Sprintf("%02d", i%100) {
				t.Fatalf("worker %d, value %d reads %q %q %q", w, i, v.Name, v.Tags, v.Code)
			}
		}
	}
}
