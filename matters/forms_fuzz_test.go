package matters

import (
	"testing"
	"unicode/utf8"

	"github.com/zwfw/zwfw/schema/schematest"
)

// FuzzParseScope reads any text as a scope: it never panics, and a scope it
// reads writes back as a name that reads as the same scope.
func FuzzParseScope(f *testing.F) {
	same := func(a, b Scope) bool { return a.Kind == b.Kind && a.Name == b.Name }
	schematest.FuzzReadBack(f, ParseScope, same, nil, "川渝通办", "全县（区）通办", "遂潼通办", "省内通办", "通办", "川渝同办")
}

// FuzzChineseNumber reads Chinese numerals at the start of any text: it
// never panics, takes whole characters, and gives a number a limit can be.
func FuzzChineseNumber(f *testing.F) {
	for _, s := range []string{"二十个工作日", "一百零五", "三〇自然日", "十", "千千", "九九九九九"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, n := csvChineseNumber(s)
		if n < 0 || n > len(s) || !utf8.ValidString(s[:n]) && utf8.ValidString(s) || v < 0 || v > 99_999 {
			t.Fatalf("csvChineseNumber(%q) = %d, %d", s, v, n)
		}
		if n == 0 && v != 0 {
			t.Fatalf("csvChineseNumber(%q) = %d with nothing read", s, v)
		}
	})
}

// FuzzIsCSV tells any head of a file as a spreadsheet or not without
// panicking.
func FuzzIsCSV(f *testing.F) {
	for _, s := range []string{"事项编码,事项名称\nA,B\n", "kind: Catalogue\n", "{\"kind\":\"Catalogue\"}", "\xEF\xBB\xBF事项编码,名称\n", "\xca\xc2\xcf\xee,\xc3\xfb\n"} {
		f.Add("", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, head []byte) {
		IsCSV(name, head)
	})
}
