package matters

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/problemtest"
	"github.com/zwfw/zwfw/schema/schematest"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// csvProblem is what the spreadsheet tests compare: rule, path and the
// row and column, never the message.
type csvProblem struct {
	Rule      schema.Rule
	Path      string
	Line, Col int
}

func csvProblems(l schema.List) []csvProblem {
	out := []csvProblem{}
	for _, p := range l {
		out = append(out, csvProblem{p.Rule, p.Path.String(), p.Pos.Line, p.Pos.Col})
	}
	return out
}

// csvLines returns problems as printed: position, path, message, rule.
func csvLines(l schema.List) []string {
	var out []string
	for _, p := range l {
		out = append(out, p.Error())
	}
	return out
}

func readCSVFile(t *testing.T, path string) (*Catalogue, schema.List) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return readCSV(f, path, nil)
}

// csvRepresentable returns a copy of c's matters reduced to what a
// spreadsheet row holds, as WriteCSV documents it.
func csvRepresentable(c *Catalogue) []Matter {
	out := make([]Matter, len(c.Matters))
	for i, m := range c.Matters {
		if m.MainItem == "未分类" {
			m.MainItem = ""
		}
		body := m.Body.Extensions
		m.Body.Extensions = nil
		if m.Body.CreditCode == "" {
			for _, k := range []string{ExtOrgCode, ExtBodyCode} {
				if s, ok := csvExtString(body[k]); ok && s != "" {
					m.Body.Extensions = Extensions{k: body[k]}
					break
				}
			}
		}
		m.LegalLimit.Extensions, m.PromisedLimit.Extensions = nil, nil
		m.Materials, m.Steps, m.LegalBasis = nil, nil, nil
		if r := m.Result; r != nil {
			r2 := *r
			r2.Extensions = nil
			m.Result = &r2
		}
		if m.LegalLimit.Unit == Instant {
			m.LegalLimit.Value = QuantityOf(0)
		}
		if m.PromisedLimit.Unit == Instant {
			m.PromisedLimit.Value = QuantityOf(0)
		}
		m.Scopes = slices.Clone(m.Scopes)
		for j := range m.Scopes {
			m.Scopes[j].Extensions = nil
		}
		if g := m.Delegation; g != nil {
			g2 := *g
			g2.Extensions = nil
			m.Delegation = &g2
			if g2.To == 0 && g2.Batch == 0 && g2.Document == "" {
				m.Delegation = nil
			}
		}
		if f := m.Fee; f != nil {
			f2 := *f
			f2.Extensions = nil
			f2.Items = nil
			for _, it := range f.Items {
				f2.Items = append(f2.Items, csvSplitItems(it)...)
			}
			m.Fee = &f2
		}
		var ext Extensions
		for k, v := range m.Extensions {
			if s, ok := csvExtString(v); ok && strings.TrimSpace(s) == "" {
				continue
			}
			if v[0] != '"' && v[0] != '[' && v[0] != '{' {
				v = csvJSONString(string(v)) // a number, true, false or null
			}
			if ext == nil {
				ext = Extensions{}
			}
			ext[k] = v
		}
		m.Extensions = ext
		out[i] = m
	}
	return out
}

// csvFiles are the catalogue documents the round-trip tests use; the
// sample of the examples is used when it is there.
func csvFiles(t *testing.T) []string {
	files := []string{"testdata/valid.yaml"}
	if _, err := os.Stat("../examples/data/catalogue-pengxi.yaml"); err == nil {
		files = append(files, "../examples/data/catalogue-pengxi.yaml")
	} else {
		t.Log("../examples/data/catalogue-pengxi.yaml not found; round trip of valid.yaml only")
	}
	return files
}

// TestCSVRoundTrip writes catalogues as spreadsheets in every encoding and
// reads them back: the matters are equal, up to what WriteCSV documents a
// row cannot hold, and so are the semantic problems.
func TestCSVRoundTrip(t *testing.T) {
	for _, file := range csvFiles(t) {
		orig := mustLoad(t, file)
		_, origProbs := loadFileProblems(file)
		for _, opts := range []CSVOptions{{}, {Encoding: UTF8BOM}, {Encoding: GB18030}, {English: true}, {Comma: ';'}} {
			t.Run(file+"/"+opts.Encoding.String()+"/english="+strconv.FormatBool(opts.English)+"/comma="+string(opts.comma()), func(t *testing.T) {
				var b bytes.Buffer
				if err := orig.WriteCSV(&b, &opts); err != nil {
					t.Fatal(err)
				}
				if opts.Encoding == GB18030 && utf8.Valid(b.Bytes()) {
					t.Errorf("GB18030 output is valid UTF-8")
				}
				if got := bytes.HasPrefix(b.Bytes(), []byte("\ufeff")); got != (opts.Encoding == UTF8BOM) {
					t.Errorf("byte-order mark written: %v", got)
				}
				back, probs := readCSV(&b, "out.csv", &opts)
				if err := probs.Err(); err != nil {
					t.Fatalf("reading back: %v", err)
				}
				if diff := cmp.Diff(csvRepresentable(orig), back.Matters, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("round trip changed the matters (-orig +back):\n%s", diff)
				}
				if back.Division.Code != orig.Division.Code {
					t.Errorf("division code %q, want %q", back.Division.Code, orig.Division.Code)
				}
				// The same checks find the same problems (paths and rules).
				if diff := cmp.Diff(problemtest.RulePaths(origProbs), problemtest.RulePaths(probs)); diff != "" {
					t.Errorf("problems differ (-document +spreadsheet):\n%s", diff)
				}
			})
		}
	}
}

// TestCSVSheet reads a spreadsheet laid out as people make them (title
// row, Chinese headers with stars and units, codes and terms mixed, line
// breaks in cells) that holds the matters of valid.yaml.
func TestCSVSheet(t *testing.T) {
	got, probs := readCSVFile(t, "testdata/sheet.csv")
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	want := mustLoad(t, "testdata/valid.yaml")
	if got.Title != "示例县政务服务事项实施清单（2021年4月）" || got.Kind != ImplementationList || got.Division.Code != "511301" {
		t.Errorf("header: %q %v %q", got.Title, got.Kind, got.Division.Code)
	}
	note, _ := csvExtString(got.Matters[1].Extensions["x-备注"])
	if note != "到号后请备好照片，\n\"回执\"当场领取" {
		t.Errorf("x-备注 = %q", note)
	}
	for i := range got.Matters {
		delete(got.Matters[i].Extensions, "x-备注")
	}
	if diff := cmp.Diff(want.Matters, got.Matters, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("matters (-valid.yaml +sheet.csv):\n%s", diff)
	}
}

// TestCSVGB18030 reads GB18030 copies of the fixtures, as Excel on Chinese
// Windows saves them: the catalogue and the problems are those of the
// UTF-8 original.
func TestCSVGB18030(t *testing.T) {
	for _, file := range []string{"testdata/sheet.csv", "testdata/portal.csv"} {
		t.Run(file, func(t *testing.T) {
			orig := schematest.ReadFile(t, file)
			text := bytes.TrimPrefix(orig, []byte("\ufeff"))
			gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(text)
			if err != nil {
				t.Fatal(err)
			}
			if utf8.Valid(gb) {
				t.Fatal("the GB18030 copy is valid UTF-8: it tests nothing")
			}
			want, wantProbs := readCSV(bytes.NewReader(orig), file, nil)
			got, gotProbs := readCSV(bytes.NewReader(gb), file, nil)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("catalogue (-utf8 +gb18030):\n%s", diff)
			}
			if diff := cmp.Diff(csvLines(wantProbs), csvLines(gotProbs)); diff != "" {
				t.Errorf("problems (-utf8 +gb18030):\n%s", diff)
			}
		})
	}
}

// TestCSVPortal reads a spreadsheet in the layout of the provincial portal
// with its kinds of dirt: organisation codes, internal ids, 未分类.
func TestCSVPortal(t *testing.T) {
	cat, probs := readCSVFile(t, "testdata/portal.csv")
	if err := probs.Err(); err != nil {
		t.Fatalf("errors: %v", err)
	}
	// The code checks see the same dirt in the codes (column 4).
	want := []csvProblem{
		{"code.org-code-for-credit-code", "/matters/2/code", 4, 4},
		{RuleBodyOrgCode, "/matters/2/body/x-orgCode", 4, 7},
		{"code.unfamiliar-prefix", "/matters/3/code", 5, 4},
		{RuleBodyOrgCode, "/matters/3/body/x-orgCode", 5, 7},
		{"code.bad-body", "/matters/4/code", 6, 4},
		{RuleBodyCode, "/matters/4/body/x-bodyCode", 6, 7},
		{"code.bad-body", "/matters/5/code", 7, 4},
		{RuleBodyCode, "/matters/5/body/x-bodyCode", 7, 7},
		{RuleCSVAreaMismatch, "/matters/6/x-areaCode", 8, 6},
		{"code.bad-body", "/matters/7/code", 9, 4},
		{RuleBodyCode, "/matters/7/body/x-bodyCode", 9, 7},
		{"code.unfamiliar-prefix", "/matters/8/code", 10, 4},
	}
	if diff := cmp.Diff(want, csvProblems(probs)); diff != "" {
		t.Errorf("problems (-want +got):\n%s\n%v", diff, probs)
	}
	if n := len(cat.Matters); n != 9 {
		t.Fatalf("%d matters, want 9", n)
	}
	m := cat.Matters
	if m[0].MainItem != "" || m[1].MainItem != "食品经营许可" {
		t.Errorf("main items %q %q", m[0].MainItem, m[1].MainItem)
	}
	if m[2].Name != "学生资助政策咨询（含中职,高中）" || m[2].Type != PublicService || m[2].Level != CountyLevel {
		t.Errorf("matter 2: %q %v %v", m[2].Name, m[2].Type, m[2].Level)
	}
	if string(m[2].Body.Extensions[ExtOrgCode]) != `"55512345-0"` || m[2].Body.CreditCode != "" {
		t.Errorf("org code: %v", m[2].Body)
	}
	if string(m[6].Extensions[ExtAreaCode]) != `"511699001000"` || m[6].Level != Township {
		t.Errorf("area mismatch: %v %v", m[6].Extensions, m[6].Level)
	}
	if cat.Division.Code != "511699000000" || m[8].Body.CreditCode != "115116995551234500" {
		t.Errorf("division %q, body %v", cat.Division.Code, m[8].Body)
	}
}

// TestCSVHeaders checks which headers name which element.
func TestCSVHeaders(t *testing.T) {
	tests := []struct {
		name, header string
		want         csvElem
		unit         TimeUnit
		ok           bool
	}{
		{"chinese", "事项名称", csvName, 0, true},
		{"english", "name", csvName, 0, true},
		{"english case", "Body.Name", csvBodyName, 0, true},
		{"portal alias", "实施部门", csvBodyName, 0, true},
		{"type code", "事项类型代码", csvType, 0, true},
		{"star and space", " *事项 编码 ", csvCode, 0, true},
		{"required note", "事项名称（必填）", csvName, 0, true},
		{"unit in header", "法定办结时限（工作日）", csvLegalLimit, WorkingDays, true},
		{"unit in header ascii", "承诺时限(天)", csvPromisedLimit, CalendarDays, true},
		{"note on limit", "承诺办结时限(说明)", csvPromisedLimit, 0, true},
		{"unknown", "备注", 0, 0, false},
		{"unknown with note", "备注(必填)", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, u, ok := csvLookupHeader(tt.header)
			if e != tt.want || u != tt.unit || ok != tt.ok {
				t.Errorf("csvLookupHeader(%q) = %v, %v, %v; want %v, %v, %v", tt.header, e, u, ok, tt.want, tt.unit, tt.ok)
			}
		})
	}
}

// Codes in the form of Sichuan's portal.
const (
	csvTestCode  = "511A0100100001-511699000000-000-115116995551234500-1-00"
	csvTestCode2 = "511A0100100002-511699000000-000-115116995551234500-1-00"
)

// csvHeader is the header of the inline spreadsheets below.
const csvHeader = "事项编码,事项名称,事项类型,实施主体,实施主体编码,行使层级,法定办结时限,承诺办结时限,办件类型,到办事现场次数,网上办理深度,办理形式,通办范围,下放层级,是否收费,区划代码\n"

// TestCSVCells checks what each kind of bad cell reports, and where.
func TestCSVCells(t *testing.T) {
	const good = "C1,甲事项,行政许可,甲局,,县级,20个工作日,5工作日,承诺件,0,,,,,,\n"
	tests := []struct {
		name string
		text string
		want []csvProblem
	}{
		{"good", csvHeader + good, nil},
		{"bad type", csvHeader + "C1,甲事项,行政审批,甲局,,县级,,,,,,,,,,\n",
			[]csvProblem{{RuleCSVValue, "/matters/0/type", 2, 3}}},
		{"type code", csvHeader + "C1,甲事项,01,甲局,,4,,,,,,,,,,\n", nil},
		// The code's type letters (1A) say 行政许可.
		{"type against code", csvHeader + "C1,甲事项,20,甲局,,4,,,,,,,,,,\n",
			[]csvProblem{{RuleCodeType, "/matters/0/code", 2, 1}}},
		{"empty required", csvHeader + ",,,,,县级,,,,,,,,,,\n",
			[]csvProblem{{RuleCSVRequired, "/matters/0/code", 2, 1}, {RuleCSVRequired, "/matters/0/name", 2, 2}, {RuleCSVRequired, "/matters/0/type", 2, 3}, {RuleCSVRequired, "/matters/0/body/name", 2, 4}}},
		{"no level, no area", csvHeader + "C1,甲事项,行政许可,甲局,,,,,,,,,,,,\n",
			[]csvProblem{{RuleCSVRequired, "/matters/0/level", 2, 6}}},
		{"no level column, empty area", "事项编码,事项名称,事项类型,实施主体,区划代码\nC1,甲事项,行政许可,甲局,\nC2,乙事项,行政许可,甲局,511699\n",
			[]csvProblem{{RuleCSVRequired, "/matters/0/level", 2, 5}}},
		{"level from area", csvHeader + "C1,甲事项,行政许可,甲局,,,,,,,,,,,,511699000000\n", nil},
		{"bad limit", csvHeader + "C1,甲事项,行政许可,甲局,,县级,约二十个工作日,,,,,,,,,\n",
			[]csvProblem{{RuleCSVValue, "/matters/0/legalLimit", 2, 7}}},
		{"limit without unit", csvHeader + "C1,甲事项,行政许可,甲局,,县级,20,,,,,,,,,\n",
			[]csvProblem{{RuleCSVValue, "/matters/0/legalLimit", 2, 7}}},
		{"limit finer than a thousandth", csvHeader + "C1,甲事项,行政许可,甲局,,县级,0.3333个工作日,,,,,,,,,\n",
			[]csvProblem{{RuleQuantityInexact, "/matters/0/legalLimit", 2, 7}}},
		{"half a day", csvHeader + "C1,甲事项,行政许可,甲局,,县级,0.5个工作日,0.5个工作日,,,,,,,,\n", nil},
		{"day unit", csvHeader + "C1,甲事项,行政许可,甲局,,县级,60日,30天,,,,,,,,\n",
			[]csvProblem{{RuleCSVDayUnit, "/matters/0/legalLimit", 2, 7}, {RuleCSVDayUnit, "/matters/0/promisedLimit", 2, 8}}},
		{"promised beyond legal", csvHeader + "C1,甲事项,行政许可,甲局,,县级,5工作日,20工作日,,,,,,,,\n",
			[]csvProblem{{RulePromisedExceeds, "/matters/0/promisedLimit", 2, 8}}},
		{"instant mismatch", csvHeader + "C1,甲事项,行政许可,甲局,,县级,5工作日,即办,承诺件,,,,,,,\n",
			[]csvProblem{{RuleInstantMismatch, "/matters/0/handlingKind", 2, 9}}},
		{"visits", csvHeader + "C1,甲事项,行政许可,甲局,,县级,,,,10,,,,,,\n",
			[]csvProblem{{RuleCSVValue, "/matters/0/visits", 2, 10}}},
		{"visits without reason", csvHeader + "C1,甲事项,行政许可,甲局,,县级,,,,2次,,,,,,\n",
			[]csvProblem{{RuleOnsiteReason, "/matters/0/visits", 2, 10}}},
		{"depth level", csvHeader + "C1,甲事项,行政许可,甲局,,县级,,,,0,四级,,,,,\n",
			[]csvProblem{{RuleCSVDepthLevel, "/matters/0/online", 2, 11}}},
		{"bad form", csvHeader + "C1,甲事项,行政许可,甲局,,县级,,,,,,窗口办理、上门办理,,,,\n",
			[]csvProblem{{RuleCSVValue, "/matters/0/forms", 2, 12}}},
		{"bad scope", csvHeader + "C1,甲事项,行政许可,甲局,,县级,,,,,,,川渝通办（第一批）,,,\n",
			[]csvProblem{{RuleCSVValue, "/matters/0/scopes", 2, 13}}},
		{"delegated to county", csvHeader + "C1,甲事项,行政许可,甲局,,县级,,,,,,,,县级,,\n",
			[]csvProblem{{RuleCSVValue, "/matters/0/delegation/to", 2, 14}}},
		{"bad flag", csvHeader + "C1,甲事项,行政许可,甲局,,县级,,,,,,,,,收,\n",
			[]csvProblem{{RuleCSVValue, "/matters/0/fee/charged", 2, 15}}},
		{"charged without basis", csvHeader + "C1,甲事项,行政许可,甲局,,县级,,,,,,,,,是,\n",
			[]csvProblem{{RuleFeeBasis, "/matters/0/fee", 2, 15}}},
		{"credit code check", csvHeader + "C1,甲事项,行政许可,甲局,115113010833722044,县级,,,,,,,,,,\n",
			[]csvProblem{{RuleCreditCodeCheck, "/matters/0/body/creditCode", 2, 5}}},
		{"org code check", csvHeader + "C1,甲事项,行政许可,甲局,55512345-1,县级,,,,,,,,,,\n",
			[]csvProblem{{RuleBodyCode, "/matters/0/body/x-bodyCode", 2, 5}}},
		{"code as number", csvHeader + "5.11602E+11,甲事项,行政许可,甲局,,县级,,,,,,,,,,\n",
			[]csvProblem{{RuleCSVValue, "/matters/0/code", 2, 1}, {RuleCodeUnrecognised, "/matters/0/code", 2, 1}}},
		{"area as number", csvHeader + "C1,甲事项,行政许可,甲局,,,,,,,,,,,,5.11602E+11\n",
			[]csvProblem{{RuleCSVRequired, "/matters/0/level", 2, 6}, {RuleCSVValue, "/matters/0/x-areaCode", 2, 16}}},
		{"duplicate code", csvHeader + good + good,
			[]csvProblem{{RuleDuplicateCode, "/matters/1/code", 3, 1}}},
		{"blank rows skipped", csvHeader + "\n,,,,,,,,,,,,,,,\n" + good, nil},
		{"invalid utf-8 after utf-8", csvHeader + good + "C2,乙\xff事项,行政许可,甲局,,县级,,,,,,,,,,\n",
			[]csvProblem{{RuleCSVEncoding, "", 3, 2}}},
		{"bare quote", csvHeader + "C1,甲\"事项,行政许可,甲局,,县级,,,,,,,,,,\n" + good,
			[]csvProblem{{RuleCSVSyntax, "", 2, 2}}},
		{"unclosed quote", csvHeader + good + "C2,\"乙事项,行政许可\n",
			[]csvProblem{{RuleCSVSyntax, "", 3, 2}}},
		{"no header", "", []csvProblem{{RuleCSVHeader, "", 1, 1}}},
		{"title only", "某某清单\n", []csvProblem{{RuleCSVHeader, "", 1, 1}}},
		{"unknown header", "甲,乙\n1,2\n", []csvProblem{{RuleCSVHeader, "", 1, 1}}},
		{"missing columns", "事项名称,备注\n甲事项,无\n",
			[]csvProblem{{RuleCSVMissingColumn, "", 1, 0}, {RuleCSVMissingColumn, "", 1, 0}, {RuleCSVMissingColumn, "", 1, 0}, {RuleCSVMissingColumn, "", 1, 0}}},
		{"duplicate column", "事项编码,事项名称,事项类型,事项类型代码,实施主体,行使层级\nC1,甲事项,行政许可,01,甲局,县级\n",
			[]csvProblem{{RuleCSVDuplicateColumn, "", 1, 4}}},
		{"unnamed column", "事项编码,事项名称,事项类型,实施主体,行使层级,\nC1,甲事项,行政许可,甲局,县级,附注\n",
			[]csvProblem{{RuleCSVUnnamedColumn, "/matters/0/x-column-6", 2, 6}}},
		{"extra cells", "事项编码,事项名称,事项类型,实施主体,行使层级\nC1,甲事项,行政许可,甲局,县级,附注,又一\n",
			[]csvProblem{{RuleCSVUnnamedColumn, "/matters/0/x-column-6", 2, 6}, {RuleCSVUnnamedColumn, "/matters/0/x-column-7", 2, 7}}},
		{"utf-16", "\xff\xfe\x8b\x4e", []csvProblem{{RuleCSVEncoding, "", 1, 1}}},
	}
	// C1 and C2 stand for codes of a real form, of which the code checks
	// have nothing to say.
	codes := strings.NewReplacer("C1,", csvTestCode+",", "C2,", csvTestCode2+",")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, probs := readCSV(strings.NewReader(codes.Replace(tt.text)), "t.csv", nil)
			want := tt.want
			if want == nil {
				want = []csvProblem{}
			}
			if diff := cmp.Diff(want, csvProblems(probs)); diff != "" {
				t.Errorf("problems (-want +got):\n%s\n%v", diff, probs)
			}
			for _, p := range probs {
				if p.Pos.File != "t.csv" || !p.Pos.IsValid() {
					t.Errorf("problem not located: %v", p)
				}
			}
		})
	}
}

// TestCSVMessages checks that a cell's problem names the column's header,
// as the spreadsheet shows it.
func TestCSVMessages(t *testing.T) {
	_, probs := readCSV(strings.NewReader("事项编码,事项名称,事项类型代码,实施部门,行使层级\n"+csvTestCode+",甲,99,甲局,县级\n"), "t.csv", nil)
	if len(probs) != 1 || !strings.Contains(probs[0].Message, "事项类型代码") {
		t.Errorf("problems: %v", probs)
	}
}

// TestCSVExtensions checks how extension cells are read and written: in
// a column headed x-, JSON arrays, objects and strings are values; in
// others, all is text.
func TestCSVExtensions(t *testing.T) {
	text := "事项编码,事项名称,事项类型,实施主体,行使层级,x-list,x-note,备注\n" +
		csvTestCode + `,甲,行政许可,甲局,县级,"[""a"", ""b""]","""引号""","[""a""]"` + "\n" +
		csvTestCode2 + `,乙,行政许可,甲局,县级,{bad,"""开头"",未完","{""a"":1}"` + "\n"
	cat, probs := readCSV(strings.NewReader(text), "t.csv", nil)
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	want := []Extensions{
		{"x-list": json.RawMessage(`["a","b"]`), "x-note": json.RawMessage(`"引号"`), "x-备注": json.RawMessage(`"[\"a\"]"`)},
		{"x-list": json.RawMessage(`"{bad"`), "x-note": json.RawMessage(`"\"开头\",未完"`), "x-备注": json.RawMessage(`"{\"a\":1}"`)},
	}
	for i, m := range cat.Matters {
		if diff := cmp.Diff(want[i], m.Extensions); diff != "" {
			t.Errorf("matter %d (-want +got):\n%s", i, diff)
		}
	}
	// Written and read back, every value is the same, numbers excepted.
	cat.Matters[0].Extensions["x-number"] = json.RawMessage(`3`)
	var b bytes.Buffer
	if err := cat.WriteCSV(&b, nil); err != nil {
		t.Fatal(err)
	}
	back, _ := readCSV(&b, "back.csv", nil)
	want[0]["x-number"] = json.RawMessage(`"3"`)
	for i, m := range back.Matters {
		if diff := cmp.Diff(want[i], m.Extensions); diff != "" {
			t.Errorf("matter %d read back (-want +got):\n%s", i, diff)
		}
	}
}

// TestCSVValues checks how cells are read.
func TestCSVValues(t *testing.T) {
	text := "事项编码,事项名称,事项类型,实施主体,行使层级,法定办结时限,法定办结时限单位,承诺办结时限,网上办理深度,办理形式,服务对象,通办范围,下放层级,下放批次,是否收费,收费项目,备注,x-window\n" +
		strings.Replace(csvTestCode, "511A", "511Z", 1) + ",甲事项,其他行政权力,甲局,5,２０,工作日,0.5个工作日,1^2,\"1,2\",自然人；企业法人,川渝通办（第1批）、全省通办,村(社区)级,２,否,\"工本费、邮寄费\n加急费\",附注,\"{\"\"a\"\":1}\"\n"
	cat, probs := readCSV(strings.NewReader(text), "t.csv", nil)
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	got := cat.Matters[0]
	want := Matter{
		Code: MatterCodeText(strings.Replace(csvTestCode, "511A", "511Z", 1)), Name: "甲事项", Type: OtherPower, Level: Township, Body: Body{Name: "甲局"},
		LegalLimit:     Limit{Value: QuantityOf(20), Unit: WorkingDays},
		PromisedLimit:  Limit{Value: MustParseQuantity("0.5"), Unit: WorkingDays},
		Online:         SetOf(OnlineConsult, OnlineReceive),
		Forms:          SetOf(AtWindow, Online),
		ServiceObjects: SetOf(NaturalPerson, EnterpriseLegal),
		Scopes:         []Scope{{Kind: SichuanChongqing, Batch: 1}, {Kind: Province}},
		Delegation:     &Delegation{To: Village, Batch: 2},
		Fee:            &Fee{Items: []string{"工本费、邮寄费", "加急费"}},
		Extensions:     Extensions{"x-备注": json.RawMessage(`"附注"`), "x-window": json.RawMessage(`{"a":1}`)},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("matter (-want +got):\n%s", diff)
	}
}

func TestCSVLimit(t *testing.T) {
	tests := []struct {
		cell, unit string
		def        TimeUnit
		want       Limit
		ambiguous  bool
		err        bool
	}{
		{"20个工作日", "", 0, Limit{Value: QuantityOf(20), Unit: WorkingDays}, false, false},
		{"20工作日", "", 0, Limit{Value: QuantityOf(20), Unit: WorkingDays}, false, false},
		{" 20 工作日 ", "", 0, Limit{Value: QuantityOf(20), Unit: WorkingDays}, false, false},
		{"即办", "", 0, Limit{Unit: Instant}, false, false},
		{"当场办结", "", 0, Limit{Unit: Instant}, false, false},
		{"60日", "", 0, Limit{Value: QuantityOf(60), Unit: CalendarDays}, true, false},
		{"60天", "", 0, Limit{Value: QuantityOf(60), Unit: CalendarDays}, true, false},
		{"60自然日", "", 0, Limit{Value: QuantityOf(60), Unit: CalendarDays}, false, false},
		{"1个月", "", 0, Limit{Value: QuantityOf(1), Unit: Months}, false, false},
		{"2小时", "", 0, Limit{Value: QuantityOf(2), Unit: Hours}, false, false},
		{"30分钟", "", 0, Limit{Value: QuantityOf(30), Unit: Minutes}, false, false},
		{"1年", "", 0, Limit{Value: QuantityOf(1), Unit: Years}, false, false},
		{"20", "工作日", 0, Limit{Value: QuantityOf(20), Unit: WorkingDays}, false, false},
		{"20", "", WorkingDays, Limit{Value: QuantityOf(20), Unit: WorkingDays}, false, false},
		{"20个工作日", "工作日", 0, Limit{Value: QuantityOf(20), Unit: WorkingDays}, false, false},
		{"20个工作日", "", CalendarDays, Limit{Value: QuantityOf(20), Unit: WorkingDays}, false, false},
		{"0", "即办", 0, Limit{Unit: Instant}, false, false},
		{"20", "", 0, Limit{}, false, true},
		{"20个工作日", "自然日", 0, Limit{}, false, true},
		{"20周", "", 0, Limit{}, false, true},
		{"二十日", "", 0, Limit{Value: QuantityOf(20), Unit: CalendarDays}, true, false},
		{"二十个工作日", "", 0, Limit{Value: QuantityOf(20), Unit: WorkingDays}, false, false},
		{"十五工作日", "", 0, Limit{Value: QuantityOf(15), Unit: WorkingDays}, false, false},
		{"一百零五个工作日", "", 0, Limit{Value: QuantityOf(105), Unit: WorkingDays}, false, false},
		{"三〇自然日", "", 0, Limit{Value: QuantityOf(30), Unit: CalendarDays}, false, false},
		{"0个工作日", "", 0, Limit{Value: QuantityOf(0), Unit: WorkingDays}, false, false},
		{"20即办", "", 0, Limit{}, false, true},
		{"1.2.3工作日", "", 0, Limit{}, false, true},
		{"0.5个工作日", "", 0, Limit{Value: Thousandths(500), Unit: WorkingDays}, false, false},
		{"0.125小时", "", 0, Limit{Value: Thousandths(125), Unit: Hours}, false, false},
		{"0.3333个工作日", "", 0, Limit{}, false, true},
		{"99999999999999999999工作日", "", 0, Limit{}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.cell+"/"+tt.unit, func(t *testing.T) {
			got, amb, err := csvLimit(tt.cell, tt.unit, tt.def)
			if !cmp.Equal(got, tt.want) || amb != tt.ambiguous || (err != nil) != tt.err {
				t.Errorf("csvLimit(%q, %q, %v) = %v, %v, %v", tt.cell, tt.unit, tt.def, got, amb, err)
			}
		})
	}
}

func TestCSVAreaLevel(t *testing.T) {
	tests := []struct {
		code string
		want Level
	}{
		{"510000", Provincial}, {"510900", Municipal}, {"510921", CountyLevel},
		{"510921000000", CountyLevel}, {"510921100000", Township}, {"510921100201", Village},
		{"510921100", Township}, {"100000", National}, {"000000", 0}, {"5109", 0}, {"51092a", 0},
	}
	for _, tt := range tests {
		got, err := csvAreaLevel(tt.code)
		if got != tt.want || (err != nil) != (tt.want == 0) {
			t.Errorf("csvAreaLevel(%q) = %v, %v; want %v", tt.code, got, err, tt.want)
		}
	}
}

// TestCSVLongRow feeds a row with no end: reading stops with a problem
// once the row passes MaxCSVRow, without reading the rest.
func TestCSVLongRow(t *testing.T) {
	src := io.MultiReader(strings.NewReader(csvHeader+"C1,\""), &endless{})
	cat, probs := readCSV(src, "t.csv", nil)
	if cat == nil || len(cat.Matters) != 0 {
		t.Fatalf("catalogue: %v", cat)
	}
	if diff := cmp.Diff([]csvProblem{{RuleCSVSyntax, "", 2, 0}}, csvProblems(probs)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// endless is an unending stream of one byte, failing the test if it is
// read much beyond MaxCSVRow.
type endless struct{ n int }

func (e *endless) Read(p []byte) (int, error) {
	if e.n > 2*MaxCSVRow {
		return 0, errors.New("read far beyond MaxCSVRow")
	}
	for i := range p {
		p[i] = 'a'
	}
	e.n += len(p)
	return len(p), nil
}

// TestCSVGuangan reads the 1,135 matters of 广安区 as the provincial portal
// publishes them. Every matter, type and code must be accounted for, the
// portal's dirt giving warnings, not errors.
func TestCSVGuangan(t *testing.T) {
	const file = "../../shared/data/sichuan-guangan-district-matters.csv"
	raw := schematest.ReadOutside(t, file)
	cat, probs := readCSV(bytes.NewReader(raw), file, nil)
	if err := probs.Err(); err != nil {
		t.Fatalf("errors: %v", err)
	}

	// The rows as plain CSV, to account for every one.
	rd := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\ufeff"))))
	rows, err := rd.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header, rows := rows[0], rows[1:]
	col := func(name string) int {
		i := slices.Index(header, name)
		if i < 0 {
			t.Fatalf("no column %s", name)
		}
		return i
	}
	cCode, cName, cType, cBody, cBodyCode := col("事项编码"), col("事项名称"), col("事项类型代码"), col("实施部门"), col("部门编码")
	if len(cat.Matters) != len(rows) || len(rows) != 1135 {
		t.Fatalf("%d matters from %d rows, want 1135", len(cat.Matters), len(rows))
	}
	t.Logf("matters: %d", len(cat.Matters))

	types := map[string]int{}
	var uscc, org, other int
	for i, m := range cat.Matters {
		r := rows[i]
		if string(m.Code) != r[cCode] || m.Name != r[cName] || m.Body.Name != r[cBody] || m.Level != CountyLevel {
			t.Errorf("row %d: %q %q %q %v", i+2, m.Code, m.Name, m.Body.Name, m.Level)
		}
		if strings.TrimLeft(m.Type.Code(), "0") != r[cType] {
			t.Errorf("row %d: type %v from %q", i+2, m.Type, r[cType])
		}
		types[strings.TrimLeft(m.Type.Code(), "0")]++
		dept := r[cBodyCode]
		kept := string(m.Body.CreditCode)
		for _, k := range []string{ExtOrgCode, ExtBodyCode} {
			if s, ok := csvExtString(m.Body.Extensions[k]); ok {
				kept = s
			}
		}
		if kept != dept {
			t.Errorf("row %d: department code %q kept as %q", i+2, dept, kept)
		}
		switch len(strings.ReplaceAll(dept, "-", "")) {
		case 18:
			uscc++
		case 9:
			org++
		default:
			other++
		}
	}
	want := map[string]int{"1": 536, "20": 348, "10": 182, "7": 50, "5": 9, "9": 8, "8": 2}
	if diff := cmp.Diff(want, types); diff != "" {
		t.Errorf("type counts (-want +got):\n%s", diff)
	}
	t.Logf("types by national code: %v", types)
	t.Logf("department codes: %d of 18 characters, %d organisation codes of 9 characters, %d other", uscc, org, other)

	byRule := map[schema.Rule]int{}
	for _, p := range probs {
		byRule[p.Rule]++
	}
	t.Logf("warnings by rule: %v", byRule)
	orgKept := 0
	for _, m := range cat.Matters {
		if _, ok := m.Body.Extensions[ExtOrgCode]; ok {
			orgKept++
		}
	}
	if byRule[RuleBodyOrgCode] != orgKept || orgKept == 0 || orgKept > org {
		t.Errorf("%d org-code warnings, %d x-orgCode, %d 9-character codes", byRule[RuleBodyOrgCode], orgKept, org)
	}
	if byRule[RuleBodyOrgCode]+byRule[RuleBodyCode] != len(cat.Matters)-countCredit(cat) {
		t.Errorf("body-code warnings do not account for every code that is not a credit code")
	}
}

func countCredit(c *Catalogue) int {
	n := 0
	for _, m := range c.Matters {
		if m.Body.CreditCode != "" {
			n++
		}
	}
	return n
}

// Cells a spreadsheet would run are written with a leading apostrophe and
// read back as they were; every line-ending convention reads the same.
func TestCSVSafety(t *testing.T) {
	cat, probs := readCSV(strings.NewReader(csvHeader+"C1,甲事项,行政许可,甲局,55512345-0,县级,60日,即办,即办件,0,四级,1^2,川渝通办(1),,否,511699000000\n"), "t.csv", nil)
	if cat == nil || probs.Err() != nil || len(cat.Matters) != 1 {
		t.Fatalf("seed catalogue: %v", probs)
	}
	names := []string{"=HYPERLINK(\"http://x\",\"点我\")", "+1", "-1", "@SUM(A1)", "'quoted", "''twice", "\t=tab"}
	for _, name := range names {
		t.Run("name "+name, func(t *testing.T) {
			c := *cat
			c.Matters = slices.Clone(cat.Matters)
			c.Matters[0].Name = name
			for _, enc := range []Encoding{UTF8, UTF8BOM, GB18030} {
				var b bytes.Buffer
				if err := c.WriteCSV(&b, &CSVOptions{Encoding: enc}); err != nil {
					t.Fatal(err)
				}
				for _, line := range strings.Split(b.String(), "\n")[1:] {
					for _, cell := range strings.Split(line, ",") {
						cell = strings.TrimPrefix(cell, "\"")
						if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
							t.Errorf("%s: cell %q would run in a spreadsheet", enc, cell)
						}
					}
				}
				back, _ := readCSV(&b, "t.csv", nil)
				want := name // the apostrophe keeps even the leading tab
				if back == nil || len(back.Matters) != 1 || back.Matters[0].Name != want {
					t.Errorf("%s: read back %v, want name %q", enc, back, want)
				}
			}
		})
	}

	row := "C1,甲事项,行政许可,甲局,55512345-0,县级,60日,即办,即办件,0,四级,1^2,川渝通办(1),,否,511699000000"
	row2 := strings.Replace(row, "C1,甲事项", "C2,乙事项", 1)
	header := strings.TrimSuffix(csvHeader, "\n")
	for _, tt := range []struct {
		name, text string
		matters    int
		rules      []schema.Rule
	}{
		{"LF", header + "\n" + row + "\n" + row2 + "\n", 2, nil},
		{"CRLF", header + "\r\n" + row + "\r\n" + row2 + "\r\n", 2, nil},
		{"CR only", header + "\r" + row + "\r" + row2 + "\r", 2, nil},
		{"one lone CR", header + "\n" + row + "\r" + row2 + "\n", 2, nil},
		{"CR inside quotes is data", header + "\n" + strings.Replace(row, "甲事项", "\"甲\r事项\"", 1) + "\n", 1, nil},
		{"header only", header + "\n", 0, []schema.Rule{RuleCSVEmpty}},
		{"UTF-16 without BOM", string(utf16LE(header + "\n" + row + "\n")), 0, []schema.Rule{RuleCSVEncoding}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cat, probs := readCSV(strings.NewReader(tt.text), "t.csv", nil)
			n := 0
			if cat != nil {
				n = len(cat.Matters)
			}
			var rules []schema.Rule
			for _, p := range probs {
				if p.Severity == schema.Error {
					rules = append(rules, p.Rule)
				}
			}
			if n != tt.matters || !slices.Equal(rules, tt.rules) {
				t.Errorf("%d matters, errors %v; want %d, %v\n%v", n, rules, tt.matters, tt.rules, probs)
			}
		})
	}
}

func utf16LE(s string) []byte {
	var b []byte
	for _, r := range s {
		if r > 0xFFFF {
			r = '?'
		}
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}
