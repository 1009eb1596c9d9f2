package matters

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

func TestMatterCodeTextParse(t *testing.T) {
	tests := []struct {
		name     string
		code     MatterCodeText
		strict   schema.Rule   // rule of Parse's error; "" when it parses
		lenient  schema.Rule   // rule of ParseLenient's error; "" when it reads
		warnings []schema.Rule // ParseLenient's warnings
		form     CodeForm
	}{
		{name: "national base code", code: "312003564000", form: FormBase},
		{name: "implementation code", code: "11310000MB2F30661Y2312003564000", form: FormImplementation},
		{name: "Sichuan form", code: "511A0138000000-511602000000-000-115113010833722043-1-00", form: FormSichuan},
		{name: "organisation code for the body", code: "512B0053300006-511602000000-000-083372204-1-00", form: FormSichuan,
			strict: codeRuleOrgForCredit, warnings: []schema.Rule{codeRuleOrgForCredit}},
		{name: "placeholder body", code: "511A0014100002-511602000000-000-2222222222222-1-00", form: FormSichuan,
			strict: codeRuleMalformed, warnings: []schema.Rule{codeRuleBadBody}},
		{name: "unfamiliar prefix", code: "G-000007-001-511602000000-000-115113010833722043-1-00", form: FormSichuan,
			strict: codeRuleUnfamiliarPrefix, warnings: []schema.Rule{codeRuleUnfamiliarPrefix}},
		{name: "no known form", code: "C1", strict: codeRuleMalformed, lenient: codeRuleMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := tt.code.Parse()
			if got := ruleOf(err); got != tt.strict {
				t.Errorf("Parse: rule %q, want %q (%v)", got, tt.strict, err)
			}
			if err == nil && c.String() != string(tt.code) {
				t.Errorf("Parse: %q, want the code as written", c)
			}
			c, warnings, err := tt.code.ParseLenient()
			if got := ruleOf(err); got != tt.lenient {
				t.Fatalf("ParseLenient: rule %q, want %q (%v)", got, tt.lenient, err)
			}
			var got []schema.Rule
			for _, w := range warnings {
				got = append(got, w.Rule)
			}
			if !slices.Equal(got, tt.warnings) {
				t.Errorf("ParseLenient: warnings %v, want %v", got, tt.warnings)
			}
			if err == nil && (c.Form() != tt.form || c.String() != tt.code.String()) {
				t.Errorf("ParseLenient: %v %q, want %v and the code as written", c.Form(), c, tt.form)
			}
		})
	}
}

func TestCreditCodeTextParse(t *testing.T) {
	tests := []struct {
		name string
		code CreditCodeText
		rule schema.Rule // "" when it parses
	}{
		{"organ", "11511301008778183N", ""},
		{"check digit", "115113010833722043", ""},
		{"wrong check character", "11511301008778183X", codeRuleCheckCharacter},
		{"lower case", "11511301008778183n", codeRuleMalformed},
		{"organisation code", "083372204", codeRuleMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := tt.code.Parse()
			if got := ruleOf(err); got != tt.rule {
				t.Fatalf("Parse: rule %q, want %q (%v)", got, tt.rule, err)
			}
			if err == nil && c.String() != tt.code.String() {
				t.Errorf("Parse: %q, want %q", c, tt.code)
			}
		})
	}
}

func ruleOf(err error) schema.Rule {
	var ce *CodeError
	if errors.As(err, &ce) {
		return ce.Rule
	}
	if err != nil {
		return "?"
	}
	return ""
}

// TestDirtyCodesReadAsWritten reads a catalogue whose codes do not parse:
// each is a warning of the checks at its path, never a decode problem, and
// the codes are written back exactly as written.
func TestDirtyCodesReadAsWritten(t *testing.T) {
	const (
		badBody  = "511A0014100002-511602000000-000-2222222222222-1-00"
		prefix   = "G-000007-001-511602000000-000-115113010833722043-1-00"
		local    = "511A0138000000"
		orgBody  = "512B0053300006-511602000000-000-083372204-1-00"
		badCheck = "11511301008778183X"
	)
	text := "kind: Catalogue\nschemaVersion: 1\ncatalogueKind: 实施清单\ndivision: {code: \"511602\", name: 广安区}\nmatters:\n" +
		"  - {code: " + badBody + ", name: 甲, type: 行政许可, level: 县级, body: {name: 甲局}}\n" +
		"  - {code: " + prefix + ", baseCode: " + local + ", name: 乙, type: 行政确认, level: 县级, body: {name: 乙局, creditCode: " + badCheck + "}, handlingCode: C-1, mainCode: M-1}\n" +
		"  - {code: " + orgBody + ", name: 丙, type: 公共服务, level: 县级, body: {name: 丙局}}\n" +
		"bundles:\n  - {code: B1, name: 一件事, matters: [" + badBody + ", " + orgBody + "]}\n"
	cat, err := Parse("dirty.yaml", []byte(text))
	var probs schema.List
	errors.As(err, &probs)
	var got []string
	for _, p := range probs {
		got = append(got, p.Severity.String()+" "+string(p.Rule)+" "+p.Path.String())
	}
	slices.Sort(got)
	want := []string{
		"error matter.credit-code-check /matters/1/body/creditCode",
		"warning code.bad-body /matters/0/code",
		"warning code.org-code-for-credit-code /matters/2/code",
		"warning code.unfamiliar-prefix /matters/1/code",
		"warning matter.base-code-form /matters/1/baseCode",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("problems (-want +got):\n%s", diff)
	}
	m := cat.Matters[1]
	if m.Code != prefix || m.BaseCode != local || m.Body.CreditCode != badCheck || m.HandlingCode != "C-1" || m.MainCode != "M-1" {
		t.Errorf("codes not kept as written: %+v", m)
	}
	b := schematest.Write(t, cat, "yaml")
	for _, code := range []string{badBody, prefix, local, orgBody, badCheck} {
		if !strings.Contains(string(b), code) {
			t.Errorf("written catalogue lacks %s:\n%s", code, b)
		}
	}
	back, _ := Parse("back.yaml", b)
	if diff := cmp.Diff(cat, back); diff != "" {
		t.Errorf("round trip (-read +written and read):\n%s", diff)
	}
}
