package matters

import (
	"bufio"
	"encoding"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zwfw/zwfw/schema"
)

// codesFixture returns the codes of testdata/codes/<name>.txt, one a line,
// without comments and blank lines.
func codesFixture(t testing.TB, name string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "codes", name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var codes []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			codes = append(codes, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return codes
}

// codesWantErr checks that err is a *CodeError with the rule and position.
func codesWantErr(t *testing.T, err error, rule schema.Rule, pos int) {
	t.Helper()
	var ce *CodeError
	if !errors.As(err, &ce) {
		t.Fatalf("error = %v, want a *CodeError", err)
	}
	if ce.Rule != rule || ce.Pos != pos {
		t.Errorf("error (rule, pos) = (%s, %d), want (%s, %d): %v", ce.Rule, ce.Pos, rule, pos, err)
	}
	if !strings.HasPrefix(ce.Error(), "matters: ") {
		t.Errorf("error %q does not start with the package name", ce.Error())
	}
}

// textRoundTrip checks that v unmarshals from the text it marshals to.
func textRoundTrip[T interface {
	comparable
	encoding.TextMarshaler
}, P interface {
	*T
	encoding.TextUnmarshaler
}](t testing.TB, v T) {
	t.Helper()
	text, err := v.MarshalText()
	if err != nil {
		t.Fatalf("%v: %v", v, err)
	}
	var back T
	if err := P(&back).UnmarshalText(text); err != nil || back != v {
		t.Fatalf("%v: text round trip of %q gives %v, %v", v, text, back, err)
	}
}

// badCode is a text a parser refuses, with the rule it breaks and the
// position of the first character at fault.
type badCode struct {
	name, code string
	rule       schema.Rule
	pos        int
}

// codesRefuse checks that parse refuses every case with its rule at its
// position, returning no valid code with the error.
func codesRefuse[C interface{ IsValid() bool }](t *testing.T, parse func(string) (C, error), cases []badCode) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			c, err := parse(tt.code)
			if c.IsValid() {
				t.Errorf("got %v with the error", c)
			}
			codesWantErr(t, err, tt.rule, tt.pos)
		})
	}
}

func TestParseCreditCode(t *testing.T) {
	valid := []struct {
		name, code     string
		authority, cat byte
		division, org  string
		check          byte
	}{
		{"Shanghai organ", "11310000MB2F30661Y", '1', '1', "310000", "MB2F30661", 'Y'},
		{"Guangdong organ", "11440000553612461J", '1', '1', "440000", "553612461", 'J'},
		{"Guang'an organ", "11511301008778183N", '1', '1', "511301", "008778183", 'N'},
		{"check character is a digit", "115113010833722043", '1', '1', "511301", "083372204", '3'},
		{"public institution", "12511300452259013M", '1', '2', "511300", "452259013", 'M'},
		{"organisation check X", "1151130100877844X4", '1', '1', "511301", "00877844X", '4'},
		{"weighted sum 0 mod 31", "115116020087182360", '1', '1', "511602", "008718236", '0'},
	}
	for _, tt := range valid {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseCreditCode(tt.code)
			if err != nil {
				t.Fatal(err)
			}
			if !c.IsValid() || c.String() != tt.code {
				t.Errorf("String() = %q, want %q", c.String(), tt.code)
			}
			if c.Authority() != tt.authority || c.Category() != tt.cat || c.Check() != tt.check {
				t.Errorf("authority, category, check = %c %c %c, want %c %c %c",
					c.Authority(), c.Category(), c.Check(), tt.authority, tt.cat, tt.check)
			}
			if got := c.Division().String(); got != tt.division {
				t.Errorf("Division() = %q, want %q", got, tt.division)
			}
			if got := c.OrgCode(); got.String() != tt.org || got != MustParseOrgCode(tt.org) {
				t.Errorf("OrgCode() = %q, want %q", got, tt.org)
			}
		})
	}

	codesRefuse(t, ParseCreditCode, []badCode{
		{"empty", "", codeRuleMalformed, 1},
		{"too short", "1151130100877818", codeRuleMalformed, 17},
		{"too long", "11511301008778183NN", codeRuleMalformed, 19},
		{"lower case", "11511301452259996u", codeRuleMalformed, 18},
		{"letter in the division", "11A11301008778183N", codeRuleMalformed, 3},
		{"letter I", "1151130100877818IN", codeRuleMalformed, 17},
		{"full-width digit", "１1511301008778183N", codeRuleMalformed, 1},
		{"check character", "11511301008778183M", codeRuleCheckCharacter, 18},
		{"check of a sum 0 mod 31 is 0, not Y", "11511602008718236Y", codeRuleCheckCharacter, 18},
		// The organisation check changed and the credit check made to fit.
		{"embedded organisation check", "11511301008778180D", codeRuleCheckCharacter, 17},
	})
}

// TestCreditCodeWeightedSumZero checks the constructed code whose weighted
// sum is 0 mod 31 with weights computed here from their definition.
func TestCreditCodeWeightedSumZero(t *testing.T) {
	const code = "115116020087182360"
	sum, w := 0, 1
	for i := range 17 {
		sum += strings.IndexByte(creditAlphabet, code[i]) * w
		w = w * 3 % 31
	}
	if sum%31 != 0 {
		t.Fatalf("fixture broken: weighted sum %d is not 0 mod 31", sum)
	}
	if _, err := ParseCreditCode(code); err != nil {
		t.Errorf("check character 0 for a sum 0 mod 31 rejected: %v", err)
	}
}

// TestCreditCodeOneCharChanged changes every character of real codes to
// every other character of the alphabet: each change must be caught, at the
// check character, or at the character itself where a digit is required.
func TestCreditCodeOneCharChanged(t *testing.T) {
	for _, code := range []string{"11310000MB2F30661Y", "11440000553612461J", "11511301008778183N", "115113010833722043"} {
		t.Run(code, func(t *testing.T) {
			if _, err := ParseCreditCode(code); err != nil {
				t.Fatal(err)
			}
			for i := range 18 {
				for j := range len(creditAlphabet) {
					r := creditAlphabet[j]
					if r == code[i] {
						continue
					}
					changed := code[:i] + string(r) + code[i+1:]
					_, err := ParseCreditCode(changed)
					var ce *CodeError
					if !errors.As(err, &ce) {
						t.Fatalf("%s accepted", changed)
					}
					wantPos, wantRule := 18, codeRuleCheckCharacter
					if 2 <= i && i <= 7 && !isCodeDigit(r) {
						wantPos, wantRule = i+1, codeRuleMalformed
					}
					if ce.Pos != wantPos || ce.Rule != wantRule {
						t.Errorf("%s: (rule, pos) = (%s, %d), want (%s, %d)", changed, ce.Rule, ce.Pos, wantRule, wantPos)
					}
				}
			}
		})
	}
}

func TestParseOrgCode(t *testing.T) {
	valid := []struct{ name, code, want string }{
		{"digits", "083372204", "083372204"},
		{"letters", "MB2F30661", "MB2F30661"},
		{"hyphenated", "00877868-5", "008778685"},
		{"hyphenated with X", "76726532-X", "76726532X"},
		{"check value 10", "00871805X", "00871805X"},
		{"check value 11", "008718180", "008718180"},
	}
	for _, tt := range valid {
		t.Run(tt.name, func(t *testing.T) {
			o, err := ParseOrgCode(tt.code)
			if err != nil {
				t.Fatal(err)
			}
			if o.String() != tt.want || o.Check() != tt.want[8] {
				t.Errorf("String() = %q, Check() = %c; want %q", o, o.Check(), tt.want)
			}
		})
	}
	codesRefuse(t, ParseOrgCode, []badCode{
		{"empty", "", codeRuleMalformed, 1},
		{"check character", "083372205", codeRuleCheckCharacter, 9},
		{"hyphenated check character", "00877868-4", codeRuleCheckCharacter, 10},
		{"check value 10 written 0", "008718050", codeRuleCheckCharacter, 9},
		{"check value 11 written X", "00871818X", codeRuleCheckCharacter, 9},
		{"check character a letter", "08337220A", codeRuleMalformed, 9},
		{"lower case", "mb2f30661", codeRuleMalformed, 1},
		{"too short", "0833722", codeRuleMalformed, 8},
		{"too long", "0087790701", codeRuleMalformed, 10},
		{"hyphen without check", "00877868-", codeRuleMalformed, 10},
		{"hyphen elsewhere", "0087786-85", codeRuleMalformed, 8},
	})
}

func TestParseDivisionCode(t *testing.T) {
	valid := []struct {
		name, code, str, stat string
		level                 DivisionLevel
		parent                string
		province, city        string
		county, township      string
	}{
		{"province", "510000", "510000", "510000000000", DivisionProvince, "100000", "510000", "", "", ""},
		{"city, 12 digits", "510900000000", "510900", "510900000000", DivisionCity, "510000", "510000", "510900", "", ""},
		{"county", "511602", "511602", "511602000000", DivisionCounty, "511600", "510000", "511600", "511602", ""},
		{"county, 12 digits", "511602000000", "511602", "511602000000", DivisionCounty, "511600", "510000", "511600", "511602", ""},
		{"township", "511602001", "511602001", "511602001000", DivisionTownship, "511602", "510000", "511600", "511602", "511602001"},
		{"township, 12 digits", "511602001000", "511602001", "511602001000", DivisionTownship, "511602", "510000", "511600", "511602", "511602001"},
		{"village", "511602001201", "511602001201", "511602001201", DivisionVillage, "511602001", "510000", "511600", "511602", "511602001"},
		{"township under a city", "441900003", "441900003", "441900003000", DivisionTownship, "441900", "440000", "441900", "", "441900003"},
		{"county under the province", "429004", "429004", "429004000000", DivisionCounty, "429000", "420000", "429000", "429004", ""},
		{"national", "100000", "100000", "100000000000", DivisionNational, "", "", "", "", ""},
	}
	str := func(d DivisionCode) string { return d.String() }
	for _, tt := range valid {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDivisionCode(tt.code)
			if err != nil {
				t.Fatal(err)
			}
			if d.String() != tt.str || d.Statistical() != tt.stat || d.Level() != tt.level {
				t.Errorf("String, Statistical, Level = %q %q %v; want %q %q %v",
					d, d.Statistical(), d.Level(), tt.str, tt.stat, tt.level)
			}
			got := []string{str(d.Parent()), str(d.Province()), str(d.City()), str(d.County()), str(d.Township())}
			want := []string{tt.parent, tt.province, tt.city, tt.county, tt.township}
			if !slices.Equal(got, want) {
				t.Errorf("Parent, Province, City, County, Township = %q, want %q", got, want)
			}
			for _, s := range []string{d.String(), d.Statistical()} {
				if e := MustParseDivisionCode(s); e != d {
					t.Errorf("ParseDivisionCode(%q) = %v, want %v", s, e, d)
				}
			}
			for p := d; p.IsValid(); p = p.Parent() {
				if !p.Contains(d) {
					t.Errorf("%v does not contain %v", p, d)
				}
				if p != d && d.Contains(p) {
					t.Errorf("%v contains its ancestor %v", d, p)
				}
			}
		})
	}
	codesRefuse(t, ParseDivisionCode, []badCode{
		{"empty", "", codeRuleMalformed, 1},
		{"letter", "51160X", codeRuleMalformed, 6},
		{"5 digits", "51160", codeRuleMalformed, 6},
		{"13 digits", "5116020000001", codeRuleMalformed, 13},
		{"7 digits", "5116020", codeRuleMalformed, 8},
		{"province 00", "000000", codeRuleMalformed, 1},
		{"county under city 00", "510012", codeRuleMalformed, 5},
		{"village under township 000", "511602000001", codeRuleMalformed, 12},
		{"parts under the national code", "100100", codeRuleMalformed, 4},
	})
}

// TestDivisionCodeKnown: a made-up province is well-formed, as a fixture's
// is, but not known; a matter code's area must be known.
func TestDivisionCodeKnown(t *testing.T) {
	tests := []struct {
		name, code string
		known      bool
	}{
		{"Sichuan", "511602", true},
		{"national", "100000", true},
		{"made-up province", "990000", false},
		{"made-up province, village", "991602001002", false},
		{"province 19, not listed", "191600", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDivisionCode(tt.code)
			if err != nil {
				t.Fatalf("ParseDivisionCode(%q): %v", tt.code, err)
			}
			if !d.IsValid() || d.IsKnown() != tt.known {
				t.Errorf("%s: IsValid %v, IsKnown %v, want true, %v", tt.code, d.IsValid(), d.IsKnown(), tt.known)
			}
			_, err = parseKnownDivision(tt.code)
			if tt.known && err != nil {
				t.Errorf("parseKnownDivision(%q): %v", tt.code, err)
			} else if !tt.known {
				codesWantErr(t, err, codeRuleUnknownProvince, 1)
			}
		})
	}
}

func TestDivisionCodeContains(t *testing.T) {
	tests := []struct {
		name, d, e string
		want       bool
	}{
		{"city contains county", "510900", "510903", true},
		{"county contains itself", "510903", "510903", true},
		{"county does not contain city", "510903", "510900", false},
		{"sibling counties", "510903", "510904", false},
		{"nation contains village", "100000", "511602001201", true},
		{"other city", "511600", "510903", false},
		{"city contains township under it without county", "441900", "441900003", true},
		{"county contains township", "510921", "510921001", true},
		{"county contains village", "510921", "510921001201", true},
		{"city contains township", "510900", "510921001", true},
		{"province contains county", "510000", "510921", true},
		{"township does not contain its county", "510921001", "510921", false},
		{"sibling county's township", "510921", "510923001", false},
		{"sibling township's village", "510921001", "510921002201", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MustParseDivisionCode(tt.d).Contains(MustParseDivisionCode(tt.e)); got != tt.want {
				t.Errorf("%s.Contains(%s) = %v, want %v", tt.d, tt.e, got, tt.want)
			}
		})
	}
	var zero DivisionCode
	if zero.Contains(MustParseDivisionCode("510000")) || MustParseDivisionCode("100000").Contains(zero) || zero.Contains(zero) {
		t.Error("the zero DivisionCode takes part in containment")
	}
}

func TestDivisionLevel(t *testing.T) {
	for i, l := range AllDivisionLevels() {
		t.Run(l.String(), func(t *testing.T) {
			for _, s := range []string{l.String(), string(rune('1' + i))} {
				got, err := ParseDivisionLevel(s)
				if err != nil || got != l {
					t.Errorf("ParseDivisionLevel(%q) = %v, %v; want %v", s, got, err, l)
				}
			}
			textRoundTrip(t, l)
		})
	}
	if l, err := ParseDivisionLevel("村（社区）级"); err != nil || l != DivisionVillage {
		t.Errorf("full-width parentheses: %v, %v", l, err)
	}
	for _, s := range []string{"", "0", "7", "地级", "省"} {
		if _, err := ParseDivisionLevel(s); err == nil {
			t.Errorf("ParseDivisionLevel(%q) succeeded", s)
		}
	}
	if _, err := DivisionLevel(0).MarshalText(); err == nil {
		t.Error("MarshalText of the zero DivisionLevel succeeded")
	}
	if s := DivisionLevel(9).String(); s != "DivisionLevel(9)" {
		t.Errorf("String() = %q", s)
	}
}

func TestCodeForm(t *testing.T) {
	for _, f := range AllCodeForms() {
		t.Run(f.String(), func(t *testing.T) {
			textRoundTrip(t, f)
		})
	}
	if _, err := ParseCodeForm("编码"); err == nil {
		t.Error(`ParseCodeForm("编码") succeeded`)
	}
	if _, err := CodeForm(0).MarshalText(); err == nil {
		t.Error("MarshalText of the zero CodeForm succeeded")
	}
}

// codesWarning is a warning expected from ParseMatterCodeLenient.
type codesWarning struct {
	rule schema.Rule
	pos  int
}

func TestParseMatterCode(t *testing.T) {
	tests := []struct {
		name, code  string
		form        CodeForm
		base        string // Base().String()
		division    string
		body        string
		credit, org string
		level, seq  int
		variant     int
		hint        string
		warnings    []codesWarning // nil: strictly valid
		strict      codesWarning   // the error of ParseMatterCode if not warnings[0]
	}{
		{name: "national base code", code: "312003564000", form: FormBase, base: "312003564000", seq: -1},
		{name: "Sichuan local base code, 14", code: "511A0138000000", form: FormBase, base: "511A0138000000", seq: -1, hint: "行政许可"},
		{name: "Sichuan local base code, 12", code: "511Z07001006", form: FormBase, base: "511Z07001006", seq: -1, hint: "其他行政权力"},
		{name: "implementation code", code: "11310000MB2F30661Y2312003564000", form: FormImplementation,
			base: "312003564000", body: "11310000MB2F30661Y", credit: "11310000MB2F30661Y", org: "MB2F30661", level: 2, seq: -1},
		{name: "handling-item code, Shanghai", code: "11310000MB2F30661Y231200356400001", form: FormHandling,
			base: "312003564000", body: "11310000MB2F30661Y", credit: "11310000MB2F30661Y", org: "MB2F30661", level: 2, seq: 1},
		{name: "handling-item code, Guangdong", code: "11440000553612461J244211105N00302", form: FormHandling,
			base: "44211105N003", body: "11440000553612461J", credit: "11440000553612461J", org: "553612461", level: 2, seq: 2},
		{name: "Sichuan licence", code: "511A0138000000-511602000000-000-115113010833722043-1-00", form: FormSichuan,
			base: "511A0138000000", division: "511602", body: "115113010833722043", credit: "115113010833722043",
			org: "083372204", seq: -1, variant: 1, hint: "行政许可"},
		{name: "Sichuan public service", code: "512C0053300008-511602000000-000-115113010833722043-1-00", form: FormSichuan,
			base: "512C0053300008", division: "511602", body: "115113010833722043", credit: "115113010833722043",
			org: "083372204", seq: -1, variant: 1, hint: "公共服务"},
		{name: "Sichuan public service 20", code: "51201500600004-511602000000-000-11511301MB1550442U-1-00", form: FormSichuan,
			base: "51201500600004", division: "511602", body: "11511301MB1550442U", credit: "11511301MB1550442U",
			org: "MB1550442", seq: -1, variant: 1, hint: "公共服务"},
		{name: "Sichuan confirmation, variant 2", code: "511F0167300000-511602000000-000-12511300452259013M-2-00", form: FormSichuan,
			base: "511F0167300000", division: "511602", body: "12511300452259013M", credit: "12511300452259013M",
			org: "452259013", seq: -1, variant: 2, hint: "行政确认"},

		{name: "organisation code for credit code", code: "512B0053300006-511602000000-000-083372204-1-00", form: FormSichuan,
			base: "512B0053300006", division: "511602", body: "083372204", org: "083372204", seq: -1, variant: 1, hint: "公共服务",
			warnings: []codesWarning{{codeRuleOrgForCredit, 33}}},
		{name: "hyphenated organisation code for credit code", code: "511F0167300000-511602000000-000-45225901-3-2-00", form: FormSichuan,
			base: "511F0167300000", division: "511602", body: "45225901-3", org: "452259013", seq: -1, variant: 2, hint: "行政确认",
			warnings: []codesWarning{{codeRuleOrgForCredit, 33}}},
		{name: "placeholder body", code: "511A0014100002-511602000000-000-2222222222222-1-00", form: FormSichuan,
			base: "511A0014100002", division: "511602", body: "2222222222222", seq: -1, variant: 1, hint: "行政许可",
			warnings: []codesWarning{{codeRuleBadBody, 33}}, strict: codesWarning{codeRuleMalformed, 46}},
		{name: "body with a wrong check character", code: "511A62001004-511602000000-000-TE5116020105116050-1-00", form: FormSichuan,
			base: "511A62001004", division: "511602", body: "TE5116020105116050", seq: -1, variant: 1, hint: "行政许可",
			warnings: []codesWarning{{codeRuleBadBody, 48}}, strict: codesWarning{codeRuleCheckCharacter, 48}},
		{name: "body in lower case", code: "511F0045400001-511602000000-000-11511301452259996u-1-00", form: FormSichuan,
			base: "511F0045400001", division: "511602", body: "11511301452259996u", seq: -1, variant: 1, hint: "行政确认",
			warnings: []codesWarning{{codeRuleBadBody, 50}}, strict: codesWarning{codeRuleMalformed, 50}},
		{name: "organisation code with a wrong check character", code: "511A0138000000-511602000000-000-083372205-1-00", form: FormSichuan,
			base: "511A0138000000", division: "511602", body: "083372205", seq: -1, variant: 1, hint: "行政许可",
			warnings: []codesWarning{{codeRuleBadBody, 41}}, strict: codesWarning{codeRuleMalformed, 42}},
		{name: "public security, body lost a character", code: "513A0161300000-511602000000-000-1151130000877869M-1-00", form: FormSichuan,
			base: "513A0161300000", division: "511602", body: "1151130000877869M", seq: -1, variant: 1,
			warnings: []codesWarning{{codeRuleBadBody, 33}}, strict: codesWarning{codeRuleMalformed, 50}},
		{name: "province area", code: "511A0077700002-510000000000-000-8282348-1-00", form: FormSichuan,
			base: "511A0077700002", division: "510000", body: "8282348", seq: -1, variant: 1, hint: "行政许可",
			warnings: []codesWarning{{codeRuleBadBody, 33}}, strict: codesWarning{codeRuleMalformed, 40}},
		{name: "unfamiliar prefix", code: "G-000007-001-511602000000-000-115113010833722043-1-00", form: FormSichuan,
			division: "511602", body: "115113010833722043", credit: "115113010833722043", org: "083372204", seq: -1, variant: 1,
			warnings: []codesWarning{{codeRuleUnfamiliarPrefix, 1}}},
		{name: "unfamiliar prefix with letters", code: "1J-5100-00027-511602000000-000-11511301008778386B-1-00", form: FormSichuan,
			division: "511602", body: "11511301008778386B", credit: "11511301008778386B", org: "008778386", seq: -1, variant: 1,
			warnings: []codesWarning{{codeRuleUnfamiliarPrefix, 1}}},
		{name: "near-miss local base code", code: "511A013800000-511602000000-000-115113010833722043-1-00", form: FormSichuan,
			division: "511602", body: "115113010833722043", credit: "115113010833722043", org: "083372204", seq: -1, variant: 1,
			warnings: []codesWarning{{codeRuleUnfamiliarPrefix, 14}}},
		{name: "no area", code: "E-000004-001-11511301008778386B", form: FormSichuan,
			body: "11511301008778386B", credit: "11511301008778386B", org: "008778386", seq: -1,
			warnings: []codesWarning{{codeRuleUnfamiliarPrefix, 1}, {codeRuleMissingArea, 14}}},
		{name: "no area, placeholder body", code: "H-000185-001-4444444444", form: FormSichuan, body: "4444444444", seq: -1,
			warnings: []codesWarning{{codeRuleUnfamiliarPrefix, 1}, {codeRuleMissingArea, 14}, {codeRuleBadBody, 14}}, strict: codesWarning{codeRuleUnfamiliarPrefix, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, warns, err := ParseMatterCodeLenient(tt.code)
			if err != nil {
				t.Fatal(err)
			}
			got := []any{c.Form(), c.Base().String(), c.Division().String(), c.BodyText(), c.CreditCode().String(),
				c.OrgCode().String(), c.LevelDigit(), c.Seq(), c.Variant(), c.TypeHint(), c.String()}
			want := []any{tt.form, tt.base, tt.division, tt.body, tt.credit, tt.org, tt.level, tt.seq, tt.variant, tt.hint, tt.code}
			if !slices.Equal(got, want) {
				t.Errorf("Form Base Division Body CreditCode OrgCode LevelDigit Seq Variant TypeHint String\n got %q\nwant %q", got, want)
			}
			var gotWarns []codesWarning
			for _, w := range warns {
				gotWarns = append(gotWarns, codesWarning{w.Rule, w.Pos})
			}
			if !slices.Equal(gotWarns, tt.warnings) {
				t.Errorf("warnings %v, want %v", gotWarns, tt.warnings)
			}
			s, err := ParseMatterCode(tt.code)
			switch {
			case tt.warnings == nil && (err != nil || s != c):
				t.Errorf("ParseMatterCode = %v, %v; want %v", s, err, c)
			case tt.warnings != nil:
				want := tt.strict
				if want == (codesWarning{}) {
					want = tt.warnings[0]
				}
				codesWantErr(t, err, want.rule, want.pos)
			}
			if b := c.Base(); b.IsValid() && MustParseMatterCode(b.String()) != b {
				t.Errorf("Base() %v does not parse to itself", b)
			}
		})
	}
}

func TestParseMatterCodeErrors(t *testing.T) {
	tests := []struct {
		name, code string
		rule       schema.Rule
		pos        int
		lenientPos int // 0: as strict
	}{
		{"empty", "", codeRuleMalformed, 1, 0},
		{"space", "511A0138000000 ", codeRuleMalformed, 15, 0},
		{"Chinese", "许可511A0138000000", codeRuleMalformed, 1, 0},
		{"too long", strings.Repeat("1", 65), codeRuleMalformed, 65, 0},
		{"13 characters", "511A013800000", codeRuleMalformed, 14, 0},
		{"between 14 and 31", "11310000MB2F30661Y23120035640", codeRuleMalformed, 30, 0},
		{"longer than 33", "11310000MB2F30661Y23120035640000100", codeRuleMalformed, 34, 0},
		{"14 characters, not Sichuan", "521A0138000000", codeRuleMalformed, 2, 0},
		{"lower-case base code", "511a01380000", codeRuleMalformed, 4, 0},
		{"implementation code, bad credit code", "11310000MB2F30661X2312003564000", codeRuleCheckCharacter, 18, 0},
		{"implementation code, level 7", "11310000MB2F30661Y7312003564000", codeRuleMalformed, 19, 0},
		{"implementation code, level letter", "11310000MB2F30661YA312003564000", codeRuleMalformed, 19, 0},
		{"handling-item code, letter in sequence", "11310000MB2F30661Y23120035640000A", codeRuleMalformed, 33, 0},
		{"leading hyphen", "-511A0138000000-511602000000-000-115113010833722043-1-00", codeRuleMalformed, 1, 0},
		{"double hyphen", "511A0138000000--511602000000-000-115113010833722043-1-00", codeRuleMalformed, 16, 0},
		{"trailing hyphen", "511A0138000000-511602000000-000-115113010833722043-1-00-", codeRuleMalformed, 56, 0},
		{"area of 11 digits", "511A0138000000-51160200000-000-115113010833722043-1-00", codeRuleMalformed, 27, 0},
		{"area of 13 digits", "511A0138000000-5116020000000-000-115113010833722043-1-00", codeRuleMalformed, 28, 0},
		{"area with a letter", "511A0138000000-51160200000X-000-115113010833722043-1-00", codeRuleMalformed, 27, 0},
		{"area of an unknown province", "511A0138000000-991602000000-000-115113010833722043-1-00", codeRuleUnknownProvince, 16, 0},
		{"001 for 000", "511A0138000000-511602000000-001-115113010833722043-1-00", codeRuleMalformed, 29, 0},
		{"no body", "511A0138000000-511602000000-000", codeRuleMalformed, 32, 0},
		{"no ending", "511A0138000000-511602000000-000-115113010833722043", codeRuleMalformed, 51, 0},
		{"variant 3", "511A0138000000-511602000000-000-115113010833722043-3-00", codeRuleMalformed, 52, 0},
		{"ending 01", "511A0138000000-511602000000-000-115113010833722043-1-01", codeRuleMalformed, 54, 0},
		{"body too long", "511A0138000000-511602000000-000-11511301083372204300000-1-00", codeRuleMalformed, 53, 0},
		// Strictly the prefix is wrong; leniently the area is missing.
		{"unfamiliar prefix, no area", "G-000007-001-51160200000-000-115113010833722043-1-00", codeRuleUnfamiliarPrefix, 1, 3},
		{"prefix of 5 parts", "A-1-2-3-4-511602000000-000-115113010833722043-1-00", codeRuleUnfamiliarPrefix, 1, 9},
		{"prefix longer than 16", "A-00000000000000000-511602000000-000-115113010833722043-1-00", codeRuleUnfamiliarPrefix, 1, 17},
		{"prefix longer than 16 across a hyphen", "0000000000000000-0-110100000000-000-0-1-00", codeRuleUnfamiliarPrefix, 1, 17},
		{"lower-case prefix", "g-000007-001-511602000000-000-115113010833722043-1-00", codeRuleUnfamiliarPrefix, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseMatterCode(tt.code)
			codesWantErr(t, err, tt.rule, tt.pos)
			c, warns, err := ParseMatterCodeLenient(tt.code)
			if c.IsValid() || warns != nil {
				t.Errorf("lenient parse returned %v, %v with its error", c, warns)
			}
			rule, pos := tt.rule, tt.pos
			if tt.lenientPos != 0 {
				rule, pos = codeRuleMalformed, tt.lenientPos
			}
			codesWantErr(t, err, rule, pos)
		})
	}
}

// TestCodesTextRoundTrip marshals values of every code type to JSON and
// back.
func TestCodesTextRoundTrip(t *testing.T) {
	type record struct {
		Credit   CreditCode
		Org      OrgCode
		Division DivisionCode
		Matter   MatterCode
		Form     CodeForm
		Level    DivisionLevel
	}
	records := []record{
		{Form: FormBase, Level: DivisionNational},
		{
			Credit:   MustParseCreditCode("11511301008778183N"),
			Org:      MustParseOrgCode("00877868-5"),
			Division: MustParseDivisionCode("511602000000"),
			Matter:   MustParseMatterCode("511A0138000000-511602000000-000-115113010833722043-1-00"),
			Form:     FormSichuan,
			Level:    DivisionVillage,
		},
	}
	for _, code := range codesFixture(t, "matter") {
		if c, _, err := ParseMatterCodeLenient(code); err == nil {
			records = append(records, record{Matter: c, Form: c.Form(), Level: DivisionCounty})
		}
	}
	for _, r := range records {
		data, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back record
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		if back != r {
			t.Errorf("%s read back as %+v", data, back)
		}
	}
	// Text that is not a code fails to unmarshal with a located error.
	var c CreditCode
	codesWantErr(t, c.UnmarshalText([]byte("11511301008778183M")), codeRuleCheckCharacter, 18)
	var o OrgCode
	codesWantErr(t, o.UnmarshalText([]byte("083372205")), codeRuleCheckCharacter, 9)
	var d DivisionCode
	codesWantErr(t, d.UnmarshalText([]byte("510012")), codeRuleMalformed, 5)
	var m MatterCode
	codesWantErr(t, m.UnmarshalText([]byte("511A0138000000-511602000000-000-115113010833722043-3-00")), codeRuleMalformed, 52)
}

// TestCodesCompare checks that Compare orders consistently with == on the
// fixtures.
func TestCodesCompare(t *testing.T) {
	var codes []MatterCode
	for _, s := range codesFixture(t, "matter") {
		if c, _, err := ParseMatterCodeLenient(s); err == nil {
			codes = append(codes, c, c.Base())
		}
	}
	for _, a := range codes {
		for _, b := range codes {
			if (a.Compare(b) == 0) != (a == b) || a.Compare(b) != -b.Compare(a) {
				t.Errorf("Compare(%v, %v) = %d, Compare back %d, == %v", a, b, a.Compare(b), b.Compare(a), a == b)
			}
		}
	}
	var divs []DivisionCode
	for _, s := range codesFixture(t, "division") {
		if d, err := ParseDivisionCode(s); err == nil {
			divs = append(divs, d)
		}
	}
	slices.SortFunc(divs, DivisionCode.Compare)
	for i, d := range divs {
		for _, e := range divs[:i] {
			if d.Contains(e) && d != e {
				t.Errorf("%v sorts after %v, which it contains", d, e)
			}
		}
	}
}

func TestCodeErrorAsProblem(t *testing.T) {
	_, warns, err := ParseMatterCodeLenient("512B0053300006-511602000000-000-083372204-1-00")
	if err != nil || len(warns) != 1 {
		t.Fatal(warns, err)
	}
	path := schema.Root.Key("matters").Index(3).Key("code")
	p := warns[0].AsProblem(path, schema.Pos{File: "c.yaml", Line: 7, Col: 11, Offset: 100}, schema.Warning)
	if p.Rule != codeRuleOrgForCredit || p.Path != path || p.Severity != schema.Warning {
		t.Errorf("problem %v", p)
	}
	if want := (schema.Pos{File: "c.yaml", Line: 7, Col: 11 + 32, Offset: 132}); p.Pos != want {
		t.Errorf("Pos = %+v, want %+v", p.Pos, want)
	}
	var ce *CodeError
	if !errors.As(p, &ce) || ce != warns[0] {
		t.Error("the problem does not wrap the CodeError")
	}
	if q := warns[0].AsProblem(path, schema.Pos{}, schema.Error); q.Pos != (schema.Pos{}) {
		t.Errorf("no position became %+v", q.Pos)
	}
}

// TestCodesFixtures parses every fixture: each line parses or fails without
// panicking, and the valid ones print back.
func TestCodesFixtures(t *testing.T) {
	for _, s := range codesFixture(t, "credit") {
		if c, err := ParseCreditCode(s); err == nil && c.String() != s {
			t.Errorf("credit %q prints as %q", s, c)
		}
	}
	for _, s := range codesFixture(t, "org") {
		if o, err := ParseOrgCode(s); err == nil && o.String() != strings.Replace(s, "-", "", 1) {
			t.Errorf("org %q prints as %q", s, o)
		}
	}
	for _, s := range codesFixture(t, "division") {
		if d, err := ParseDivisionCode(s); err == nil && MustParseDivisionCode(d.String()) != d {
			t.Errorf("division %q prints as %q", s, d)
		}
	}
	for _, s := range codesFixture(t, "matter") {
		if c, _, err := ParseMatterCodeLenient(s); err == nil && c.String() != s {
			t.Errorf("matter %q prints as %q", s, c)
		}
	}
}
