package schematest

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// englishWords matches two lower-case English words in a row: a sentence
// left untranslated (names such as "CSV UTF-8" are no sentence).
var englishWords = regexp.MustCompile(`[a-z]{2,} [a-z]{2,}`)

// InChinese reports through t.Errorf when s, text for people in Chinese,
// holds no Chinese character, or holds an English sentence left
// untranslated. what names s in the report.
func InChinese(t testing.TB, what, s string) {
	t.Helper()
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		t.Errorf("%s in Chinese holds no Chinese: %q", what, s)
	}
	if w := englishWords.FindString(s); w != "" {
		t.Errorf("%s in Chinese holds English (%q): %q", what, w, s)
	}
}

// InEnglish reports through t.Errorf when s, text for people in English,
// holds no English sentence. what names s in the report.
func InEnglish(t testing.TB, what, s string) {
	t.Helper()
	if !englishWords.MatchString(s) {
		t.Errorf("%s in English holds no English sentence: %q", what, s)
	}
}
