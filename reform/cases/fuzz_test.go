package cases_test

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwfw/zwfw/reform/cases"
	"github.com/zwfw/zwfw/schema/schematest"
)

// fuzzDecode checks what any input must satisfy: no panic, every problem
// has a rule, and what was read writes out and reads back the same.
func fuzzDecode(t *testing.T, name string, data []byte, write func(*bytes.Buffer) *cases.Writer) {
	got, probs := decodeBytes(name, data)
	for _, p := range probs {
		if p.Rule == "" {
			t.Fatalf("problem without a rule: %v", p)
		}
	}
	var buf bytes.Buffer
	w := write(&buf)
	for i := range got {
		if err := w.Write(&got[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	again, probs2 := decodeBytes(name, buf.Bytes())
	if probs2.Err() != nil {
		t.Fatalf("written cases do not read back: %v\n%s", probs2, buf.Bytes())
	}
	if len(got) == 0 && len(again) == 0 {
		return
	}
	if diff := cmp.Diff(got, again); diff != "" {
		t.Fatalf("round trip (-read +written and read again):\n%s", diff)
	}
}

func FuzzDecodeCSV(f *testing.F) {
	schematest.Seed(f, "testdata/*.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzDecode(t, "fuzz.csv", data, func(b *bytes.Buffer) *cases.Writer { return cases.NewCSVWriter(b) })
	})
}

func FuzzDecodeJSONLines(f *testing.F) {
	schematest.Seed(f, "testdata/*.jsonl")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzDecode(t, "fuzz.jsonl", data, func(b *bytes.Buffer) *cases.Writer { return cases.NewJSONLinesWriter(b) })
	})
}

func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2021-04-09 10:32:05", "2021/4/9 10:32", "44295.4389467593", "2021-04-09T10:32:05+08:00", "2021-04-09 10:32:05.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, err := cases.ParseTime(s)
		if err != nil || tm.IsZero() {
			return
		}
		// What ParseTime reads, written as exports write it, reads the same.
		back, err := cases.ParseTime(tm.In(cases.Beijing).Format("2006-01-02 15:04:05.999999999"))
		if err != nil || !back.Equal(tm) {
			t.Fatalf("ParseTime(%q) = %v; written and read again %v, %v", s, tm, back, err)
		}
	})
}
