package matters

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/problemtest"
	"github.com/zwfw/zwfw/schema/schematest"
)

// problemKey is what the tests compare of a problem: rule and path, never
// the message.
type problemKey struct {
	Rule schema.Rule
	Path string
}

func mustLoad(t *testing.T, path string) *Catalogue {
	t.Helper()
	c, probs := loadFileProblems(path)
	if err := probs.Err(); err != nil {
		t.Fatalf("LoadFile(%s): %v", path, err)
	}
	return c
}

func TestLoadValid(t *testing.T) {
	c := mustLoad(t, "testdata/valid.yaml")
	if got, want := len(c.Matters), 3; got != want {
		t.Fatalf("matters = %d, want %d", got, want)
	}
	m := c.Matters[1]
	if m.Type != PublicService || m.Level != CountyLevel || m.HandlingKind != InstantCase {
		t.Errorf("numeric codes decoded as %v %v %v", m.Type, m.Level, m.HandlingKind)
	}
	if !m.Forms.Has(AtWindow) || m.Forms.Len() != 1 {
		t.Errorf("forms = %v", m.Forms.Slice())
	}
	if c.AsOf.Format("2006-01-02") != "2021-04-30" {
		t.Errorf("asOf = %v", c.AsOf)
	}
	if string(c.Extensions["x-publisher"]) != `"示例"` || string(m.Extensions["x-window"]) != `"3号窗口"` {
		t.Errorf("extensions lost: %v %v", c.Extensions, m.Extensions)
	}
	if !c.Matters[0].FullyOnline() || c.Matters[1].FullyOnline() {
		t.Errorf("FullyOnline wrong")
	}
}

// TestRoundTrip writes a catalogue as YAML and as JSON and reads it back:
// nothing may be lost.
func TestRoundTrip(t *testing.T) {
	schematest.RoundTrip(t, mustLoad(t, "testdata/valid.yaml"), parseBack)
}

// parseBack reads a catalogue written back; the error holds its errors.
func parseBack(name string, data []byte) (*Catalogue, error) { return loader.Parse(name, data) }

// edit applies a textual change to the valid fixture.
func edit(t *testing.T, old, new string) []byte {
	t.Helper()
	b := schematest.ReadFile(t, "testdata/valid.yaml")
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("fixture does not contain %q", old)
	}
	return bytes.Replace(b, []byte(old), []byte(new), 1)
}

// withCheck completes 17 characters of a credit code with its check
// character.
func withCheck(s string) string {
	for _, c := range creditAlphabet {
		if _, err := ParseCreditCode(s + string(c)); err == nil {
			return s + string(c)
		}
	}
	panic("no check character for " + s)
}

func TestSemanticRules(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     []problemKey
	}{
		{
			name: "duplicate code",
			old:  `code: "11511301008778183N5000301003000"`,
			new:  `code: "11511301008778183N4000101001000"`,
			// Matter 0's code also states level 4 (县级); matter 2 is 乡镇级.
			want: []problemKey{{RuleCodeLevel, "/matters/2/code"}, {RuleDuplicateCode, "/matters/2/code"}, {RuleBundleUnknownMember, "/bundles/0/matters/1"}},
		},
		{
			name: "promised beyond legal, same unit",
			old:  "promisedLimit: {value: 5, unit: 工作日}\n    handlingKind: 承诺件",
			new:  "promisedLimit: {value: 25, unit: 工作日}\n    handlingKind: 承诺件",
			want: []problemKey{{RulePromisedExceeds, "/matters/0/promisedLimit"}},
		},
		{
			name: "promised beyond legal, month converted",
			old:  "promisedLimit: {value: 10, unit: 工作日}",
			new:  "promisedLimit: {value: 23, unit: 工作日}",
			want: []problemKey{{RulePromisedExceeds, "/matters/2/promisedLimit"}},
		},
		{
			name: "incomparable units",
			old:  "legalLimit: {value: 1, unit: 月}",
			new:  "legalLimit: {value: 30, unit: 自然日}",
			want: []problemKey{{RuleLimitsIncomparable, "/matters/2/promisedLimit"}},
		},
		{
			name: "instant limit but promised case",
			old:  "handlingKind: 1",
			new:  "handlingKind: 2",
			want: []problemKey{{RuleInstantMismatch, "/matters/1/handlingKind"}},
		},
		{
			name: "instant case but limit in days",
			old:  "handlingKind: 承诺件\n    visits: 0\n    online",
			new:  "handlingKind: 即办件\n    visits: 0\n    online",
			want: []problemKey{{RuleInstantMismatch, "/matters/0/handlingKind"}},
		},
		{
			name: "fully online with visits",
			old:  "visits: 0\n    online",
			new:  "visits: 1\n    onsiteReason: 核验原件\n    online",
			want: []problemKey{{RuleOnlineVisits, "/matters/0/visits"}},
		},
		{
			name: "visits without reason",
			old:  "    onsiteReason: 需采集指纹和人像\n",
			new:  "",
			want: []problemKey{{RuleOnsiteReason, "/matters/1/visits"}},
		},
		{
			name: "no visit, not online, no post",
			old:  "forms: [窗口办理, 快递申请]",
			new:  "forms: [窗口办理]",
			want: []problemKey{{RulePostalMissing, "/matters/2/forms"}},
		},
		{
			name: "fee without basis",
			old:  "      basis: 居民身份证工本费标准\n",
			new:  "",
			want: []problemKey{{RuleFeeBasis, "/matters/1/fee"}},
		},
		{
			name: "delegated without receiving level",
			old:  "delegation: {to: 乡镇级, batch: 1, document: 示例下放决定}",
			new:  "delegation: {batch: 1, document: 示例下放决定}",
			want: []problemKey{{RuleDelegationLevel, "/matters/2/delegation"}},
		},
		{
			name: "power source delegated, no delegation",
			old:  "    delegation: {to: 乡镇级, batch: 1, document: 示例下放决定}\n",
			new:  "",
			want: []problemKey{{RuleDelegationLevel, "/matters/2/powerSource"}},
		},
		{
			name: "credit code check character",
			old:  `body: {name: 示例公安局, creditCode: "115113010833722043"}`,
			new:  `body: {name: 示例公安局, creditCode: "115113010833722044"}`,
			want: []problemKey{{RuleCreditCodeCheck, "/matters/1/body/creditCode"}},
		},
		{
			name: "code names another body",
			old:  `body: {name: 示例市场监督管理局, creditCode: "11511301008778183N", nature: 法定机关}`,
			new:  `body: {name: 示例市场监督管理局, creditCode: "115113010833722043", nature: 法定机关}`,
			want: []problemKey{{RuleCodeBody, "/matters/0/code"}},
		},
		{
			name: "code holds another base code",
			old:  `baseCode: "000101001000"`,
			new:  `baseCode: "000101001001"`,
			want: []problemKey{{RuleCodeBaseCode, "/matters/0/code"}},
		},
		{
			// The division in a credit code is where the body was
			// registered, not the matter's: it is not compared.
			name: "credit code registered elsewhere",
			old:  `division: {code: "511301", name: 顺庆区}`,
			new:  `division: {code: "510921", name: 蓬溪县}`,
			want: nil,
		},
		{
			name: "code names another division",
			old:  `code: "11511301008778183N5000301003000"`,
			new:  `code: "511G0053300008-510921000000-000-11511301008778183N-1-00"`,
			want: []problemKey{{RuleCodeDivision, "/matters/2/code"}, {RuleBundleUnknownMember, "/bundles/0/matters/1"}},
		},
		{
			name: "code states another level",
			old:  `code: "11511301008778183N5000301003000"`,
			new:  `code: "11511301008778183N4000301003000"`,
			want: []problemKey{{RuleCodeLevel, "/matters/2/code"}, {RuleBundleUnknownMember, "/bundles/0/matters/1"}},
		},
		{
			// 1A is 行政许可; matter 2 is 行政给付.
			name: "code states another type",
			old:  `code: "11511301008778183N5000301003000"`,
			new:  `code: "511A0053300008-511301000000-000-11511301008778183N-1-00"`,
			want: []problemKey{{RuleCodeType, "/matters/2/code"}, {RuleBundleUnknownMember, "/bundles/0/matters/1"}},
		},
		{
			// 17 is no category of 机构编制; the check characters are right.
			name: "credit code of no registered category",
			old:  `creditCode: "115113010833722043"`,
			new:  `creditCode: "` + withCheck("17511301083372204") + `"`,
			want: []problemKey{{RuleCodeBody, "/matters/1/code"}, {RuleCreditRegistry, "/matters/1/body/creditCode"}},
		},
		{
			name: "all-zero credit code",
			old:  `creditCode: "115113010833722043"`,
			new:  `creditCode: "000000000000000000"`,
			want: []problemKey{{RuleCodeBody, "/matters/1/code"}, {RuleCreditRegistry, "/matters/1/body/creditCode"}},
		},
		{
			name: "base code not national",
			old:  `baseCode: "000201002000"`,
			new:  `baseCode: "512C00533000"`,
			want: []problemKey{{RuleCodeBaseCode, "/matters/1/code"}, {RuleBaseCodeForm, "/matters/1/baseCode"}},
		},
		{
			name: "code names the county above a township list",
			old:  `division: {code: "511301", name: 顺庆区}`,
			new:  `division: {code: "511301001", name: 示例街道}`,
			want: nil,
		},
		{
			name: "code in no known form",
			old:  `code: "11511301008778183N5000301003000"`,
			new:  `code: "X-1"`,
			want: []problemKey{{RuleCodeUnrecognised, "/matters/2/code"}, {RuleBundleUnknownMember, "/bundles/0/matters/1"}},
		},
		{
			name: "bundle member missing",
			old:  `matters: ["11511301008778183N4000101001000", "11511301008778183N5000301003000"]`,
			new:  `matters: ["11511301008778183N4000101001000", "X1"]`,
			want: []problemKey{{RuleBundleUnknownMember, "/bundles/0/matters/1"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := loader.Problems("valid.yaml", edit(t, tt.old, tt.new))
			if diff := cmp.Diff(tt.want, problemtest.Keys[problemKey](probs)); diff != "" {
				t.Errorf("problems (-want +got):\n%s\n%v", diff, probs)
			}
			for _, p := range probs {
				if !p.Pos.IsValid() {
					t.Errorf("problem without position: %v", p)
				}
			}
		})
	}
}

func TestSchemaProblems(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     []problemKey
	}{
		{"unknown key", "    inHall: true\n", "    inhall: true\n", []problemKey{{"schema.additional-properties", "/matters/0/inhall"}}},
		{"missing name", "    name: 临时救助\n", "", []problemKey{{"schema.required", "/matters/2/name"}}},
		{"bad enum", "type: 行政给付", "type: 行政给予", []problemKey{{"schema.enum", "/matters/2/type"}}},
		{"bad date", "asOf: 2021-04-30", "asOf: 2021-04-31", []problemKey{{"schema.format", "/asOf"}}},
		{"wrong type", "visits: 1\n", "visits: one\n", []problemKey{{"schema.type", "/matters/1/visits"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := loader.Problems("valid.yaml", edit(t, tt.old, tt.new))
			got := problemtest.Keys[problemKey](probs)
			if diff := cmp.Diff(tt.want, got, sortKeys); diff != "" {
				t.Errorf("problems (-want +got):\n%s\n%v", diff, probs)
			}
		})
	}
}

var sortKeys = cmp.Transformer("sort", problemtest.Sorted[problemKey])

func TestNotADocument(t *testing.T) {
	for _, tt := range []struct{ name, text string }{
		{"garbage.yaml", "\tfoo: [\n"},
		{"garbage.json", "{\"kind\": "},
		{"list.yaml", "- 1\n- 2\n"},
		{"empty.yaml", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := loader.Problems(tt.name, []byte(tt.text))
			if probs.Err() == nil {
				t.Fatal("no error")
			}
			for _, p := range probs {
				if !p.Pos.IsValid() || p.Pos.File != tt.name {
					t.Errorf("problem not located: %v", p)
				}
				if !strings.HasPrefix(p.Error(), tt.name+":") {
					t.Errorf("problem does not print its file first: %v", p)
				}
			}
		})
	}
}

// loadFileProblems reads the catalogue at path with every problem.
func loadFileProblems(path string) (*Catalogue, schema.List) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, schema.ReadProblem(path, err)
	}
	return loader.Problems(path, b)
}

// A numeric code is the number it is, however written: 1, 1.0 and 1e0 all
// pass the schema, and all decode to the same term.
func TestNumericCodesAsWritten(t *testing.T) {
	data := schematest.ReadFile(t, "testdata/valid.yaml")
	want, probs := loader.Problems("valid.yaml", []byte(strings.Replace(string(data), "type: 行政许可", "type: 1", 1)))
	if want == nil || probs.Err() != nil {
		t.Fatalf("with code 1: %v", probs)
	}
	for _, code := range []string{"1.0", "1e0", "1.00", "0.1e1"} {
		t.Run(code, func(t *testing.T) {
			got, probs := loader.Problems("valid.yaml", []byte(strings.Replace(string(data), "type: 行政许可", "type: "+code, 1)))
			if got == nil || probs.Err() != nil {
				t.Fatalf("problems: %v", probs)
			}
			if got.Matters[0].Type != want.Matters[0].Type {
				t.Errorf("type %v, want %v", got.Matters[0].Type, want.Matters[0].Type)
			}
		})
	}
}

// A catalogue's date is refused from where a bulletin's period is: year
// 0000 is no year of the calendar.
func TestAsOfYearZero(t *testing.T) {
	data := schematest.ReadFile(t, "testdata/valid.yaml")
	_, probs := loader.Problems("valid.yaml", []byte(strings.Replace(string(data), "asOf: 2021-04-30", "asOf: 0000-04-30", 1)))
	found := false
	for _, p := range probs {
		found = found || p.Path.String() == "/asOf" && p.Severity == schema.Error
	}
	if !found {
		t.Errorf("no error at /asOf: %v", probs)
	}
}

// A limit is read as written or refused: never rounded, never octal.
func TestLimitsAsWritten(t *testing.T) {
	data := schematest.ReadFile(t, "testdata/valid.yaml")
	tests := []struct {
		name, value string
		rule        schema.Rule
		path        string
	}{
		{"beyond the schema's maximum", "2000000", "schema.maximum", "/matters/0/legalLimit/value"},
		{"beyond exact integers", "9999999999999999999", schema.RuleNumberRange, "/matters/0/legalLimit/value"},
		{"leading zero", "010", schema.RuleLeadingZero, "/matters/0/legalLimit/value"},
		{"underflow", "1e-400", schema.RuleNumberRange, "/matters/0/legalLimit/value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, ext := range []string{".yaml", ".json"} {
				doc := strings.Replace(string(data), "legalLimit: {value: 20,", "legalLimit: {value: "+tt.value+",", 1)
				name := "valid" + ext
				if ext == ".json" {
					if tt.rule == schema.RuleLeadingZero {
						continue // not JSON at all
					}
					n, _ := schema.Parse("valid.yaml", []byte(strings.Replace(string(data), "legalLimit: {value: 20,", "legalLimit: {value: 7777,", 1)))
					b, _ := n.MarshalJSON()
					doc = strings.Replace(string(b), "7777", tt.value, 1)
				}
				_, probs := loader.Problems(name, []byte(doc))
				found := false
				for _, p := range probs {
					found = found || p.Rule == tt.rule && p.Path.String() == tt.path
				}
				if !found {
					t.Errorf("%s: no %s at %s: %v", ext, tt.rule, tt.path, probs)
				}
			}
		})
	}
}
