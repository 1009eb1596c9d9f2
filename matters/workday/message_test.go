package workday

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/zwfw/zwfw/schema"
)

// englishWords matches two lower-case English words in a row: a
// sentence left untranslated (names such as "CSV UTF-8" are no sentence).
var englishWords = regexp.MustCompile(`[a-z]{2,} [a-z]{2,}`)

func assertChinese(t *testing.T, what, s string) {
	t.Helper()
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		t.Errorf("%s in Chinese holds no Chinese: %s", what, s)
	}
	if w := englishWords.FindString(s); w != "" {
		t.Errorf("%s in Chinese holds English (%q): %s", what, w, s)
	}
}

func TestProblemsInChinese(t *testing.T) {
	_, probs := LoadSchedulesFS(fstest.MapFS{}, "holidays.yaml")
	if len(probs) != 1 || probs[0].Rule != RuleRead {
		t.Fatalf("LoadSchedulesFS of a missing file: %v, want one %s problem", probs, RuleRead)
	}
	assertChinese(t, "a file that is not there", probs[0].Text(schema.Chinese))
	if en := probs[0].Text(schema.English); !strings.HasPrefix(en, "workday: ") {
		t.Errorf("in English: %q, want the workday: prefix", en)
	}

	c, err := New(Schedule{Year: 2021})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.IsWorkday(NewDate(2030, 1, 2))
	loc, ok := err.(schema.Localizer)
	if !ok {
		t.Fatalf("IsWorkday in an unknown year: %v (%T), want a schema.Localizer", err, err)
	}
	assertChinese(t, "an unknown year", loc.Localize(schema.Chinese))
	if got := loc.Localize(schema.English); got != err.Error() {
		t.Errorf("in English %q, Error() %q", got, err.Error())
	}
}
