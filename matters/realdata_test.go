package matters

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

// realCSV is the Sichuan portal's list of one district, kept outside the
// module.
const realCSV = "../../shared/data/sichuan-guangan-district-matters.csv"

// readRealList reads the real list, or skips the test when it is not
// there.
func readRealList(t *testing.T) ([]byte, *Catalogue, schema.List) {
	t.Helper()
	data := schematest.ReadOutside(t, realCSV)
	cat, probs := readCSV(bytes.NewReader(data), "real.csv", nil)
	if cat == nil {
		t.Fatalf("not read: %v", probs)
	}
	return data, cat, probs
}

func byRule(l schema.List) map[string]int {
	m := map[string]int{}
	for _, p := range l {
		m[p.Severity.String()+" "+string(p.Rule)]++
	}
	return m
}

// TestRealListConverts reads the real list, writes it as JSON and as YAML
// and reads it back: the problems by rule and severity are the same in
// every form, none is an error, and nothing changes on the way.
func TestRealListConverts(t *testing.T) {
	data, cat, probs := readRealList(t)
	if err := probs.Err(); err != nil {
		t.Fatalf("the real list has errors: %v", err)
	}
	// Loading by name through the Decoder reads the spreadsheet the same way.
	loaded, lprobs := loader.LoadProblems(bytes.NewReader(data), "real.csv")
	if diff := cmp.Diff(byRule(probs), byRule(lprobs)); diff != "" {
		t.Errorf("Load and ReadCSV disagree (-ReadCSV +Load):\n%s", diff)
	}
	if len(loaded.Matters) != len(cat.Matters) {
		t.Errorf("Load read %d matters, ReadCSV %d", len(loaded.Matters), len(cat.Matters))
	}
	want := byRule(probs)
	t.Logf("%d matters; problems by rule: %v", len(cat.Matters), want)

	cat.Division.Name = "广安区" // what a spreadsheet does not hold
	for _, tt := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"real.json", func(b *bytes.Buffer) error { return cat.WriteJSON(b) }},
		{"real.yaml", func(b *bytes.Buffer) error { return cat.WriteYAML(b) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			back, bprobs := loader.Problems(tt.name, b.Bytes())
			if back == nil {
				t.Fatalf("not read back: %v", bprobs)
			}
			if diff := cmp.Diff(want, byRule(bprobs)); diff != "" {
				t.Errorf("problems by rule (-csv +%s):\n%s", tt.name, diff)
			}
			if d := cat.Diff(back); !d.Empty() {
				t.Errorf("the catalogue changed on the way:\n%s", d)
			}
		})
	}
}

// TestPlatformForms reads cells as the platforms write them.
func TestPlatformForms(t *testing.T) {
	tests := []struct {
		name  string
		row   string
		check func(*Matter) bool
	}{
		{"0 工作日 with 即办件 is 即办", "C1,甲事项,行政许可,甲局,,县级,5工作日,0个工作日,即办件,,,,,,,\n",
			func(m *Matter) bool { return m.IsInstant() }},
		{"0工作日 without a kind is 即办", "C1,甲事项,行政许可,甲局,,县级,5工作日,0工作日,,,,,,,,\n",
			func(m *Matter) bool { return m.IsInstant() }},
		{"full-width brackets in a level", "C1,甲事项,行政许可,甲局,,村（社区）级,,,,,,,,,,\n",
			func(m *Matter) bool { return m.Level == Village }},
		{"邮寄申请 is a form", "C1,甲事项,行政许可,甲局,,县级,,,,,,窗口办理^邮寄申请,,,,\n",
			func(m *Matter) bool { return m.Forms.Has(ByPost) && m.Forms.Has(AtWindow) }},
		{"Chinese numerals in a limit", "C1,甲事项,行政许可,甲局,,县级,二十个工作日,十五个工作日,承诺件,,,,,,,\n",
			func(m *Matter) bool {
				return cmp.Equal(m.LegalLimit, wdLimit(20)) && cmp.Equal(m.PromisedLimit, wdLimit(15))
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, probs := readCSV(bytes.NewReader([]byte(csvHeader+tt.row)), "t.csv", nil)
			for _, p := range probs {
				if p.Rule != RuleCodeUnrecognised { // C1 is a placeholder code
					t.Errorf("problem: %v", p)
				}
			}
			if cat == nil || len(cat.Matters) != 1 || !tt.check(&cat.Matters[0]) {
				t.Errorf("read %+v", cat)
			}
		})
	}
}

func wdLimit(v int64) Limit { return Limit{Value: QuantityOf(v), Unit: WorkingDays} }

// TestDepth holds DepthOf to the four levels: feedback alone is not
// handling online, and 全程网办 needs acceptance and handling online with
// no visit.
func TestDepth(t *testing.T) {
	zero, one := 0, 1
	tests := []struct {
		name   string
		items  Set[OnlineItem]
		visits *int
		depth  Depth
		fully  bool
	}{
		{"consultation and result feedback", SetOf(OnlineConsult, OnlineFeedback), &zero, Depth1, false},
		{"e-licence feedback alone", SetOf(OnlineLicence), nil, Depth1, false},
		{"received online", SetOf(OnlineReceive, OnlineFeedback), &zero, Depth2, false},
		{"handled without online acceptance", SetOf(OnlineHandle), &zero, Depth2, false},
		{"accepted online", SetOf(OnlineAccept), &zero, Depth3, false},
		{"accepted and handled online", SetOf(OnlineAccept, OnlineHandle), &zero, Depth4, true},
		{"accepted and handled online, visits not stated", SetOf(OnlineAccept, OnlineHandle), nil, Depth4, true},
		{"accepted and handled online but one visit", SetOf(OnlineAccept, OnlineHandle), &one, Depth4, false},
		{"nothing online", 0, &zero, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Matter{Online: tt.items, Visits: tt.visits}
			if m.Depth() != tt.depth || m.FullyOnline() != tt.fully {
				t.Errorf("depth %v fully online %v, want %v %v", m.Depth(), m.FullyOnline(), tt.depth, tt.fully)
			}
		})
	}
}

// TestScopes reads scopes as an open set: the known ones by their names and
// other spellings, a regional one by a name ending in 通办.
func TestScopes(t *testing.T) {
	tests := []struct {
		in   string
		want Scope
		ok   bool
	}{
		{"川渝通办", Scope{Kind: SichuanChongqing}, true},
		{"全国通办", Scope{Kind: Nationwide}, true},
		{"省内通办", Scope{Kind: Province}, true},
		{"全县（区）通办", Scope{Kind: CountyWide}, true},
		{"全县(区)通办", Scope{Kind: CountyWide}, true},
		{"遂潼通办", Scope{Kind: Regional, Name: "遂潼通办"}, true},
		{"西南五省通办", Scope{Kind: Regional, Name: "西南五省通办"}, true},
		{"川渝同办", Scope{}, false}, // a typo is not a scope
		{"通办", Scope{}, false},
		{"遂潼、川渝通办", Scope{}, false}, // two scopes in one name
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseScope(tt.in)
			if (err == nil) != tt.ok || !cmp.Equal(got, tt.want) {
				t.Errorf("ParseScope(%q) = %+v, %v; want %+v, ok %v", tt.in, got, err, tt.want, tt.ok)
			}
		})
	}
	// In a spreadsheet and in a document, read and written back.
	cat, probs := readCSV(bytes.NewReader([]byte(csvHeader+"C1,甲事项,行政许可,甲局,,县级,,,,,,,川渝通办（第2批）、遂潼通办（第1批）、全县(区)通办,,,\n")), "t.csv", nil)
	for _, p := range probs {
		if p.Rule != RuleCodeUnrecognised {
			t.Errorf("problem: %v", p)
		}
	}
	want := []Scope{{Kind: SichuanChongqing, Batch: 2}, {Kind: Regional, Name: "遂潼通办", Batch: 1}, {Kind: CountyWide}}
	if diff := cmp.Diff(want, cat.Matters[0].Scopes); diff != "" {
		t.Fatalf("scopes (-want +got):\n%s", diff)
	}
	cat.Division.Name = "示例区"
	b := schematest.Write(t, cat, "yaml")
	back, bprobs := loader.Problems("back.yaml", b)
	if bprobs.HasErrors() || !cmp.Equal(back.Matters[0].Scopes, want) {
		t.Errorf("read back %+v, %v\n%s", back.Matters[0].Scopes, bprobs, b)
	}
	bad := bytes.Replace(b, []byte("遂潼通办"), []byte("遂潼同办"), 1)
	if _, p := loader.Problems("bad.yaml", bad); !p.HasErrors() {
		t.Errorf("a scope not ending in 通办 was accepted")
	}
}
