package matters

import (
	"sort"
	"testing"

	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

// codesDataFile is the real catalogue of 广安区 kept outside the module (see
// the data's README); tests skip when it is absent.
const codesDataFile = "../../shared/data/sichuan-guangan-district-matters.csv"

// codesTypeTerms maps the catalogue's type codes (事项类型代码) to the terms
// TypeHint returns.
var codesTypeTerms = map[string]string{
	"1": "行政许可", "2": "行政处罚", "3": "行政强制", "4": "行政征收", "5": "行政给付",
	"6": "行政检查", "7": "行政确认", "8": "行政奖励", "9": "行政裁决", "10": "其他行政权力",
	"20": "公共服务",
}

func codesReadData(t *testing.T) [][]string {
	t.Helper()
	schematest.NeedOutside(t, codesDataFile)
	rows := schematest.ReadCSV(t, codesDataFile)
	if len(rows) < 2 {
		t.Fatalf("%s: no rows", codesDataFile)
	}
	return rows
}

// TestCodesRealData parses every matter code, area code and department code
// of a real Sichuan catalogue: every matter code must parse leniently.
func TestCodesRealData(t *testing.T) {
	rows := codesReadData(t)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, h := range []string{"事项编码", "事项类型代码", "区划代码", "部门编码"} {
		if _, ok := col[h]; !ok {
			t.Fatalf("%s: no column %s", codesDataFile, h)
		}
	}
	var (
		n, strict, withWarnings, orgBodies, hinted, hintMismatch int
		forms                                                    = map[CodeForm]int{}
		rules                                                    = map[schema.Rule]int{}
		deptKinds                                                = map[string]int{}
		baseLens                                                 = map[int]int{}
	)
	for i, row := range rows[1:] {
		line := i + 2
		n++
		code := row[col["事项编码"]]
		c, warns, err := ParseMatterCodeLenient(code)
		if err != nil {
			t.Errorf("line %d: %v", line, err)
			continue
		}
		if got := c.String(); got != code {
			t.Errorf("line %d: String() = %q, want %q", line, got, code)
		}
		forms[c.Form()]++
		if b := c.Base(); b.IsValid() {
			baseLens[len(b.String())]++
		}
		if _, err := ParseMatterCode(code); err == nil {
			strict++
			if len(warns) > 0 {
				t.Errorf("line %d: strict parse accepts %q but lenient parse warns %v", line, code, warns)
			}
		} else if len(warns) == 0 {
			t.Errorf("line %d: strict parse fails (%v) without a lenient warning", line, err)
		}
		if len(warns) > 0 {
			withWarnings++
		}
		for _, w := range warns {
			rules[w.Rule]++
		}
		if !c.CreditCode().IsValid() && c.OrgCode().IsValid() {
			orgBodies++
		}
		if h := c.TypeHint(); h != "" {
			hinted++
			if h != codesTypeTerms[row[col["事项类型代码"]]] {
				hintMismatch++
				t.Logf("line %d: code says %s, type code %s", line, h, row[col["事项类型代码"]])
			}
		}
		area, err := ParseDivisionCode(row[col["区划代码"]])
		if err != nil {
			t.Errorf("line %d: area code: %v", line, err)
		} else if c.Division().IsValid() && !area.Contains(c.Division()) && !c.Division().Contains(area) {
			t.Logf("line %d: code area %s is unrelated to the row's area %s", line, c.Division(), area)
		}
		dept := row[col["部门编码"]]
		switch _, cerr := ParseCreditCode(dept); {
		case cerr == nil:
			deptKinds["credit code"]++
		default:
			if _, oerr := ParseOrgCode(dept); oerr == nil {
				deptKinds["organisation code"]++
			} else {
				deptKinds["other"]++
			}
		}
	}
	t.Logf("%d matter codes: %d strictly valid, %d with warnings", n, strict, withWarnings)
	for _, f := range AllCodeForms() {
		t.Logf("form %s: %d", f, forms[f])
	}
	t.Logf("base codes of 12 characters: %d, of 14: %d", baseLens[12], baseLens[14])
	t.Logf("organisation code instead of a credit code: %d", orgBodies)
	var names []string
	for r := range rules {
		names = append(names, string(r))
	}
	sort.Strings(names)
	for _, r := range names {
		t.Logf("warning %s: %d", r, rules[schema.Rule(r)])
	}
	t.Logf("type stated by the code: %d, disagreeing with the type column: %d", hinted, hintMismatch)
	t.Logf("department codes: %d credit codes, %d organisation codes, %d other",
		deptKinds["credit code"], deptKinds["organisation code"], deptKinds["other"])
}
