package cases

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/zwfw/zwfw/matters/workday"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

// record is what reading a CSV input yields, one record or one error,
// written so that two readings compare.
type record struct {
	Line   int
	Fields []string
	Err    string
}

func recordErr(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("%d:%d:%d: %v", pe.StartLine, pe.Line, pe.Column, pe.Err)
	}
	return err.Error()
}

// viaRows reads in as the Decoder does, through csvRows.
func viaRows(in []byte, comma rune) []record {
	var out []record
	lim := &schema.RowLimit{R: bytes.NewReader(in), Max: MaxRow, Err: errRowTooLong}
	csvRows(bufio.NewReaderSize(lim, lineBuffer), comma, true, lim,
		func(rec [][]byte, line int) bool {
			r := record{Line: line}
			for _, f := range rec {
				r.Fields = append(r.Fields, trim(string(f)))
			}
			out = append(out, r)
			return true
		},
		func(row *csvRow) bool {
			if row.err != nil {
				out = append(out, record{Err: recordErr(row.err)})
				return isParseError(row.err)
			}
			out = append(out, record{Line: row.line, Fields: append([]string(nil), row.cells...)})
			return true
		})
	return out
}

// viaCSV reads in with encoding/csv alone.
func viaCSV(in []byte, comma rune) []record {
	var out []record
	rd := csv.NewReader(bytes.NewReader(in))
	rd.Comma = comma
	rd.FieldsPerRecord = -1
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			return out
		}
		if err != nil {
			out = append(out, record{Err: recordErr(err)})
			if !isParseError(err) {
				return out
			}
			continue
		}
		r := record{}
		r.Line, _ = rd.FieldPos(0)
		for _, f := range rec {
			r.Fields = append(r.Fields, trim(f))
		}
		out = append(out, r)
	}
}

func TestCSVRowsAsEncodingCSV(t *testing.T) {
	long := strings.Repeat("长", lineBuffer/3+10)
	tests := []struct {
		name, in string
		comma    rune
	}{
		{"plain", "a,b,c\n1,2,3\n", ','},
		{"no final line end", "a,b\n1,2", ','},
		{"crlf", "a,b\r\n1,2\r\n", ','},
		{"cr before the end", "a,b\n1,2\r", ','},
		{"lone cr in a field", "a,b\r\r\n1,\r2\n", ','},
		{"empty lines", "\n\r\na,b\n\n\n1,2\n\n", ','},
		{"empty fields", ",\n,,\na,\n", ','},
		{"quoted", "\"a\",\"b,c\"\n\"\",x\n", ','},
		{"quoted with quotes", "\"say \"\"hi\"\"\",\"\"\"\"\n", ','},
		{"quoted then comma at the end", "\"a\",\n", ','},
		{"quoted over lines", "a,\"b\nc\",d\n1,2\n3,\"4\"\n", ','},
		{"quoted over lines with crlf", "a,\"b\r\nc\"\r\n1,2\r\n", ','},
		{"bare quote", "a,b\"c\n1,2\n", ','},
		{"text after closing quote", "\"a\"x,b\n1,2\n", ','},
		{"quote never closed", "a,\"b\n1,2\n", ','},
		{"quote closed at the end", "a,\"b\n1,2\"", ','},
		{"error then good lines", "a\"b\n\n1,2\n3,4\n", ','},
		{"semicolons", "a;b;\"c;d\"\n1;2;3\n", ';'},
		{"tabs", "a\tb\n1\t2\n", '\t'},
		{"comma not ASCII", "a，b\n1，2\n", '，'},
		{"comma a quote", "a\"b\n", '"'},
		{"spaces trimmed", " a , b \n\u3000c\u3000,d\n", ','},
		{"line longer than the buffer", "a,b\n1," + long + "\n2,3\n", ','},
		{"line longer than the buffer at the end", "a,b\n1," + long, ','},
		{"invalid UTF-8", "a,\xff\xfe\n\x80,b\n", ','},
		{"empty lines in quotes", "a,\"b\n\n\r\nc\"\n1,2\n", ','},
		{"quotes over lines twice", "a,\"b\nc\",\"d\ne\"\"f\"\n1,2\n", ','},
		{"quote out of place after lines", "a,\"b\nc\"x,d\n1,2\n", ','},
		{"bare quote opening lines", "a\"b,\"c\nd\"\n1,2\n", ','},
		{"lone cr in quotes over lines", "a,\"b\r\rc\r\nd\"\r\n1,2\r\n", ','},
		{"quotes over lines at the end", "a,\"b\nc\"\r", ','},
		{"quotes over lines longer than the buffer", "a,\"b\n" + long + "\nc\"\n1,2\n", ','},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, got := viaCSV([]byte(tt.in), tt.comma), viaRows([]byte(tt.in), tt.comma)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("csvRows (-encoding/csv +csvRows):\n%s", diff)
			}
		})
	}
}

func FuzzCSVRows(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.csv"))
	for _, name := range files {
		b := schematest.ReadFile(f, name)
		f.Add(b, byte(','))
	}
	f.Add([]byte("a;\"b\"\"\";c\r\n\"1\n2\";3"), byte(';'))
	f.Fuzz(func(t *testing.T, in []byte, comma byte) {
		want, got := viaCSV(in, rune(comma)), viaRows(in, rune(comma))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("csvRows of %q, comma %q (-encoding/csv +csvRows):\n%s", in, comma, diff)
		}
	})
}

func TestValidUTF8(t *testing.T) {
	tests := []struct{ name, in string }{
		{"empty", ""}, {"ASCII", "SN2021"}, {"Chinese", "市公安局"}, {"two bytes", "é"}, {"four bytes", "𠀀"},
		{"lone continuation", "\x80"}, {"overlong", "\xc0\xaf"}, {"surrogate", "\xed\xa0\x80"},
		{"beyond U+10FFFF", "\xf4\x90\x80\x80"}, {"cut short", "市\xe5\xb8"}, {"E0 low", "\xe0\x80\x80"},
		{"F0 low", "\xf0\x80\x80\x80"}, {"max", "\xf4\x8f\xbf\xbf"}, {"bad third byte", "\xe5\xb8\x41"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := validUTF8(tt.in), utf8.ValidString(tt.in); got != want {
				t.Errorf("validUTF8(%q) = %v, want %v", tt.in, got, want)
			}
			if got, want := validUTF8([]byte(tt.in)), utf8.ValidString(tt.in); got != want {
				t.Errorf("validUTF8([]byte(%q)) = %v, want %v", tt.in, got, want)
			}
		})
	}
}

func FuzzValidUTF8(f *testing.F) {
	for _, s := range []string{"", "市公安局", "\xed\xa0\x80", "\xf4\x90\x80\x80", "a\xffb"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if validUTF8(b) != utf8.Valid(b) || validUTF8(string(b)) != utf8.Valid(b) {
			t.Fatalf("validUTF8(%q) = %v, utf8.Valid %v", b, validUTF8(b), utf8.Valid(b))
		}
		if trim(string(b)) != strings.TrimSpace(string(b)) || string(trim(b)) != strings.TrimSpace(string(b)) {
			t.Fatalf("trim(%q) = %q, strings.TrimSpace %q", b, trim(string(b)), strings.TrimSpace(string(b)))
		}
	})
}

// TestRememberedBounded reads more distinct names and limits than a
// Decoder keeps: what it remembers stays within its bound.
func TestRememberedBounded(t *testing.T) {
	pad := strings.Repeat("部", 100)
	pr, pw := io.Pipe()
	go func() {
		w := bufio.NewWriter(pw)
		fmt.Fprintln(w, "办件编号,事项名称,受理部门,受理窗口,办件状态,受理时间,承诺时限,时限单位")
		for i := range 40000 {
			fmt.Fprintf(w, "N%d,事项%d%s,部门%d%s,窗口%d,受理,2021-04-09 10:32:05,%d,工作日\n", i, i, pad, i, pad, i, i)
		}
		w.Flush()
		pw.Close()
	}()
	d := NewDecoder(pr, "many.csv", nil)
	most, n := 0, 0
	for c := range d.Cases() {
		most = max(most, d.remembered)
		n++
		if c.Department == "" {
			t.Fatalf("case %d has no department", n)
		}
	}
	if err := d.Problems().Err(); err != nil {
		t.Fatal(err)
	}
	if n != 40000 {
		t.Fatalf("read %d cases, want 40000", n)
	}
	if limit := maxRemembered + 1024; most > limit {
		t.Errorf("remembered %d bytes of names and limits, want at most %d", most, limit)
	}
	if most < maxRemembered/2 {
		t.Errorf("remembered at most %d bytes: the test does not reach the bound %d", most, maxRemembered)
	}
}

// decodeDump decodes in as a CSV export, every record by encoding/csv
// when csvOnly is set, and writes out what it read.
func decodeDump(in []byte, csvOnly bool) string {
	d := NewDecoder(bytes.NewReader(in), "in.csv", &DecodeOptions{Calendar: workday.China()})
	d.csvOnly = csvOnly
	var b strings.Builder
	for c := range d.Cases() {
		fmt.Fprintf(&b, "%+v\n", *c)
	}
	for _, p := range d.Problems() {
		fmt.Fprintf(&b, "%v %v %v %v %s\n", p.Pos, p.Path, p.Rule, p.Severity, p.Message)
	}
	n, bad := d.Counts()
	fmt.Fprintln(&b, n, bad)
	return b.String()
}

// FuzzDecodeLinesAsEncodingCSV decodes each input twice, its records on
// one line read from the buffer and all of them read by encoding/csv:
// the cases and problems are the same.
func FuzzDecodeLinesAsEncodingCSV(f *testing.F) {
	schematest.Seed(f, "testdata/*.csv")
	f.Fuzz(func(t *testing.T, in []byte) {
		if want, got := decodeDump(in, true), decodeDump(in, false); got != want {
			t.Fatalf("decoding %q (-encoding/csv +lines):\n%s", in, cmp.Diff(want, got))
		}
	})
}
