package cases_test

import (
	"strings"
	"testing"

	"github.com/zwfw/zwfw/reform/cases"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

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
			schematest.InChinese(t, "the problem", p.Text(schema.Chinese))
			if line := schema.NewPrinter(schema.Chinese).Problem(p); !strings.HasSuffix(line, " ["+string(tt.rule)+"]") {
				t.Errorf("in Chinese, %q does not end in its rule", line)
			}
			en := p.Text(schema.English)
			schematest.InEnglish(t, "the problem", en)
			if !strings.HasPrefix(en, "cases: ") {
				t.Errorf("in English: %q, want the cases: prefix", en)
			}
		})
	}
}
