package cases_test

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/zwfw/zwfw/reform/cases"
	"github.com/zwfw/zwfw/schema"
)

// englishWords matches two lower-case English words in a row: a
// sentence left untranslated (names such as "CSV UTF-8" are no sentence).
var englishWords = regexp.MustCompile(`[a-z]{2,} [a-z]{2,}`)

// TestProblemsInChinese renders a problem of each kind a bad cell makes in
// Chinese: it is written in Chinese, with no English sentence left.
func TestProblemsInChinese(t *testing.T) {
	tests := []struct {
		file string
		rule schema.Rule
	}{
		{"bad-limit.csv", cases.RuleLimit},
		{"bad-missing.csv", cases.RuleMissing},
		{"bad-status.csv", cases.RuleEnum},
		{"bad-timestamp.csv", cases.RuleTimestamp},
		{"bad-quote.csv", cases.RuleRead},
		{"long.csv", cases.RuleRead},
		{"warn-dirty.csv", cases.RuleUnknownYear},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+string(tt.rule), func(t *testing.T) {
			var probs schema.List
			if tt.file == "long.csv" {
				_, probs = decodeBytes(tt.file, []byte("办件编号,事项名称,受理部门,受理时间,办件状态\n"+strings.Repeat("x", 3*cases.MaxRow)))
			} else {
				_, probs = decodeFile(t, tt.file)
			}
			i := -1
			for j, p := range probs {
				if p.Rule == tt.rule {
					i = j
					break
				}
			}
			if i < 0 {
				t.Fatalf("no problem of rule %s; got:\n%v", tt.rule, probs)
			}
			p := probs[i]
			zh := p.Text(schema.Chinese)
			if !strings.ContainsFunc(zh, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Errorf("in Chinese, %q holds no Chinese", zh)
			}
			if w := englishWords.FindString(zh); w != "" {
				t.Errorf("in Chinese, %q holds English (%q)", zh, w)
			}
			if line := schema.NewPrinter(schema.Chinese).Problem(p); !strings.HasSuffix(line, " ["+string(tt.rule)+"]") {
				t.Errorf("in Chinese, %q does not end in its rule", line)
			}
			if en := p.Text(schema.English); !strings.HasPrefix(en, "cases: ") || !englishWords.MatchString(en) {
				t.Errorf("in English: %q", en)
			}
		})
	}
}
