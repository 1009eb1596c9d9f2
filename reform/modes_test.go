package reform

import (
	"encoding"
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/problemtest"
	"github.com/zwfw/zwfw/schema/schematest"
)

func TestParseProblems(t *testing.T) {
	tests := []struct {
		file string
		want []problemKey
	}{
		{"valid.yaml", nil},
		{"unknown-measure.yaml", []problemKey{
			{RuleUnknownMeasure, "/modes/0/measures/1"},
			{RuleUnknownMeasure, "/modes/0/groups/0/measures/1"},
		}},
		{"duplicates.yaml", []problemKey{
			{RuleDuplicateMeasure, "/measures/1/name"},
			{RuleDuplicateMode, "/modes/1/aliases/0"},
			{RuleDuplicateMode, "/modes/2/name"},
		}},
		{"unknown-indicator.yaml", []problemKey{
			{RuleUnknownIndicator, "/measures/0/indicators/1"},
			{RuleDuplicateIndicator, "/measures/0/indicators/2"},
		}},
		{"targets.yaml", []problemKey{
			{RuleTargetRange, "/modes/0/targets/0/atLeast"},        // 120%
			{RuleTargetRange, "/modes/0/targets/1/atLeast"},        // 10.5 matters
			{RuleTargetRange, "/modes/0/targets/3/atLeast"},        // three decimals
			{RuleTargetUnmeasured, "/modes/0/targets/4/indicator"}, // 全程网办占比 not measured
			{RuleUnknownIndicator, "/modes/0/targets/5/indicator"}, // 满意率
			{RuleTargetRange, "/modes/0/targets/6/atLeast"},        // 1e30
			{RuleDuplicateTarget, "/modes/0/targets/7/indicator"},  // 即办率 is 即办比例 again
		}},
		{"counting.yaml", []problemKey{
			{RuleMeasureMode, "/measures/3/mode"},    // 丙办 is no mode
			{RuleMeasureMode, "/modes/1/measures/1"}, // 甲办's own 考核办
			{RuleTargetRange, "/modes/1/targets/0"},  // both bounds
			{RuleTargetRange, "/modes/1/targets/1"},  // no bound
		}},
		{"bad-counting.yaml", []problemKey{
			{RuleCounting, "/counting/speedup"},
			{RuleCounting, "/counting/units"},
			{"schema.additional-properties", "/counting/colour"},
		}},
		{"group-outside.yaml", []problemKey{
			{RuleGroupOutsideMode, "/modes/0/groups/0/measures/1"},
		}},
		{"schema.yaml", []problemKey{
			{"schema.const", "/schemaVersion"},
			{"schema.required", "/measures/0/indicators"},
			{"schema.additional-properties", "/measures/1/colour"},
			{"schema.min-items", "/modes/0/measures"},
			{"schema.required", "/modes/1/name"},
		}},
		{"wrong-kind.json", []problemKey{{"schema.const", "/kind"}}},
		{"syntax.yaml", []problemKey{{schema.RuleSyntax, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d, probs := loadFileProblems(filepath.Join("testdata", "modes", tt.file))
			if diff := cmp.Diff(tt.want, problemtest.Keys[problemKey](probs)); diff != "" {
				t.Errorf("problems (-want +got):\n%s\n%v", diff, probs)
			}
			if d == nil && tt.file != "syntax.yaml" {
				t.Errorf("no document returned")
			}
			for _, p := range probs {
				if !p.Pos.IsValid() {
					t.Errorf("problem without a position: %v", p)
				}
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, probs := loadFileProblems(filepath.Join("testdata", "modes", "no-such-file.yaml"))
	if diff := cmp.Diff([]problemKey{{"document.read", ""}}, problemtest.Keys[problemKey](probs)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestParseValid(t *testing.T) {
	d, probs := loadFileProblems("testdata/modes/valid.yaml")
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	mode := d.Mode("四办服务")
	if mode == nil || mode.Name != "四办" || d.Mode("四办") != mode {
		t.Fatalf("Mode by alias = %v", mode)
	}
	if d.Mode("五办") != nil {
		t.Errorf("Mode of an unknown name is not nil")
	}
	want := []Target{
		{Indicator: InstantShare, AtLeast: 7000},
		{Indicator: FullyOnlineShare, AtLeast: 7685},
		{Indicator: SichuanChongqingCount, AtLeast: 200, Extensions: map[string]json.RawMessage{"x-why": json.RawMessage(`"第二批前"`)}},
	}
	if diff := cmp.Diff(want, mode.Targets); diff != "" {
		t.Errorf("targets (-want +got):\n%s", diff)
	}
	// 即办率 and 承诺时限压缩比 are other names of 即办比例 and 承诺提速率.
	if got := d.Measure("马上办").Indicators; !slices.Equal(got, []Indicator{InstantShare, InstantCount}) {
		t.Errorf("马上办 indicators = %v", got)
	}
	if got := mode.Indicators(); !slices.Equal(got, []Indicator{InstantShare, InstantCount, FullyOnlineShare, PromiseSpeedup, DelegatedCount, SichuanChongqingCount}) {
		t.Errorf("mode indicators = %v", got)
	}
	if d.Measure("集中办").Measurable() || !d.Measure("马上办").Measurable() {
		t.Errorf("Measurable wrong")
	}
	if mode.Groups[1].Measures[2] != d.Measure("集中办") {
		t.Errorf("group members do not point at the document's measures")
	}
	if !d.AsOf.Equal(time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)) || d.Source == "" {
		t.Errorf("source %q as of %v", d.Source, d.AsOf)
	}
}

// TestDefault checks the embedded modes against the seed: every mode of
// DOMAIN.md §7 with its measures, and nothing to report.
func TestDefault(t *testing.T) {
	d, probs := loader.Problems("reform/modes.yaml", defaultDocument)
	if len(probs) != 0 {
		t.Fatalf("embedded modes have problems:\n%v", probs)
	}
	if Default() != Default() {
		t.Errorf("Default parses more than once")
	}
	if diff := cmp.Diff(d, Default()); diff != "" {
		t.Errorf("Default differs from parsing the document (-parse +Default):\n%s", diff)
	}
	if d.Source == "" || d.AsOf.IsZero() {
		t.Errorf("embedded modes do not record their source and date")
	}
	tests := []struct {
		mode     string
		measures []string
		groups   map[string][]string
	}{
		{"3+2", []string{"一窗办", "就近办", "集中办", "事代办", "物代购"},
			map[string][]string{"三办": {"一窗办", "就近办", "集中办"}, "双代办": {"事代办", "物代购"}}},
		{"七办", []string{"一网办", "一门办", "一窗办", "一次办", "马上办", "全天办", "就近办"}, nil},
		{`以"减"促"简"`, []string{"一窗办", "线上办", "帮代办", "就近办"}, nil},
		{"三抓三促", []string{"抓业务培训促能力提升", "抓调研督导促工作落地", "抓协调指导促问题解决"}, nil},
		{"三集中三到位", []string{"职能向一个科室集中", "科室向大厅集中", "审批向平台集中", "进驻到位", "授权到位", "电子监察到位"},
			map[string][]string{"三集中": {"职能向一个科室集中", "科室向大厅集中", "审批向平台集中"}, "三到位": {"进驻到位", "授权到位", "电子监察到位"}}},
		{"一网通办百日攻坚", []string{"一网通办"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			m := d.Mode(tt.mode)
			if m == nil {
				t.Fatalf("no mode %s", tt.mode)
			}
			if diff := cmp.Diff(tt.measures, measureNames(m.Measures)); diff != "" {
				t.Errorf("measures (-want +got):\n%s", diff)
			}
			var groups map[string][]string
			for _, g := range m.Groups {
				if groups == nil {
					groups = map[string][]string{}
				}
				groups[g.Name] = measureNames(g.Measures)
			}
			if diff := cmp.Diff(tt.groups, groups); diff != "" {
				t.Errorf("groups (-want +got):\n%s", diff)
			}
		})
	}
	// The measures the seed gives figures for name the indicators that
	// compute them; those no catalogue records say so.
	indicators := map[string][]Indicator{
		"马上办":        {InstantShare, InstantCount},
		"一网办":        {FullyOnlineShare, FullyOnlineCount, PromiseSpeedup, ZeroVisitShare},
		"一次办":        {BundleCount, AtMostOnceShare},
		"全天办":        {SelfService24hCount},
		"集中办":        {},
		"事代办":        {},
		"物代购":        {},
		"帮代办":        {},
		"帮办代办":       {},
		"抓业务培训促能力提升": {},
	}
	for name, want := range indicators {
		m := d.Measure(name)
		if m == nil {
			t.Errorf("no measure %s", name)
			continue
		}
		if !slices.Equal(m.Indicators, want) {
			t.Errorf("%s indicators = %v, want %v", name, m.Indicators, want)
		}
	}
	for _, name := range []string{"一网办", "一门办", "一窗办", "一次办", "马上办", "全天办", "集中办", "帮办代办", "事代办", "物代购", "容缺预审", "线上办", "帮代办"} {
		if d.Measure(name) == nil {
			t.Errorf("no measure %s", name)
		}
	}
	// 就近办 belongs to each mode that runs it, counted its own way:
	// 船山 delegates 69 matters to townships, 蓬溪 publishes the lists of
	// matters handled anywhere in the county, nearby and with Chongqing.
	own := []struct {
		mode string
		want []Indicator
	}{
		{"3+2", []Indicator{DelegatedCount}},
		{"七办", []Indicator{CountyWideCount, NearbyCount, SichuanChongqingCount}},
		{`以"减"促"简"`, []Indicator{DelegatedCount, CountyWideCount, NearbyCount}},
	}
	for _, tt := range own {
		t.Run("就近办 of "+tt.mode, func(t *testing.T) {
			m := d.MeasureOf(tt.mode, "就近办")
			if m == nil || m.Mode != tt.mode || !slices.Equal(m.Indicators, tt.want) {
				t.Fatalf("MeasureOf(%s, 就近办) = %+v, want indicators %v", tt.mode, m, tt.want)
			}
			if !slices.Contains(d.Mode(tt.mode).Measures, m) {
				t.Errorf("mode %s does not run its own 就近办", tt.mode)
			}
		})
	}
	if d.Measure("就近办") != nil {
		t.Errorf("就近办 is shared, but each mode has its own")
	}
}

// TestRoundTrip writes documents as YAML and JSON and reads them back:
// nothing may be lost.
// TestCounting reads a bureau's counting rules and own measures.
func TestCounting(t *testing.T) {
	d, _ := LoadFile("testdata/modes/counting.yaml")
	if d == nil {
		t.Fatal("not read")
	}
	want := &Counting{Speedup: SpeedupMean, Units: SameUnitOnly, ZeroVisitExempt: []string{"M1", "000101001000"}}
	if diff := cmp.Diff(want, d.Counting); diff != "" {
		t.Errorf("counting (-want +got):\n%s", diff)
	}
	cfg := d.Counting.Config(Config{ZeroVisitExempt: []string{"M9"}})
	if cfg.Speedup != SpeedupMean || cfg.Units != SameUnitOnly || !slices.Equal(cfg.ZeroVisitExempt, []string{"M9", "M1", "000101001000"}) {
		t.Errorf("Config = %+v", cfg)
	}
	if got := (*Counting)(nil).Config(Config{Level: matters.CountyLevel}); got.Level != matters.CountyLevel || got.Speedup != SpeedupSum {
		t.Errorf("nil Counting changed the config: %+v", got)
	}
	jia, yi := d.MeasureOf("甲办", "就近办"), d.MeasureOf("乙办", "就近办")
	if jia == nil || yi == nil || jia == yi || !slices.Equal(jia.Indicators, []Indicator{DelegatedCount}) {
		t.Errorf("就近办 of 甲办 %+v, of 乙办 %+v", jia, yi)
	}
	if tg := d.Mode("甲办").Targets; len(tg) != 1 || !tg[0].AtMost || tg[0].AtLeast != 9000 {
		t.Errorf("甲办 targets %+v", tg)
	}
	// Written and read back, the counting and the measures' modes stay.
	b := schematest.Write(t, d, "yaml")
	back, _ := Parse("back.yaml", b)
	if back == nil || !cmp.Equal(back.Counting, d.Counting) || back.MeasureOf("乙办", "就近办") == nil ||
		back.MeasureOf("乙办", "就近办").Mode != "乙办" || !back.Mode("甲办").Targets[0].AtMost {
		t.Errorf("not read back:\n%s", b)
	}
}

// problemKey is what the tests compare of a problem: rule and path, never
// the message.
type problemKey struct {
	Rule schema.Rule
	Path string
}

// parseBack reads a document written back: a warning is a problem too.
func parseBack(name string, data []byte) (*Modes, error) {
	d, probs := loader.Problems(name, data)
	if len(probs) != 0 {
		return d, probs
	}
	return d, nil
}

func TestRoundTrip(t *testing.T) {
	valid, probs := loadFileProblems("testdata/modes/valid.yaml")
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	for name, d := range map[string]*Modes{"valid": valid, "default": Default()} {
		t.Run(name, func(t *testing.T) { schematest.RoundTrip(t, d, parseBack) })
	}
	t.Run("UnmarshalJSON", func(t *testing.T) {
		raw, err := json.Marshal(valid)
		if err != nil {
			t.Fatal(err)
		}
		var back Modes
		if err := json.Unmarshal(raw, &back); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(valid, &back); diff != "" {
			t.Errorf("(-orig +back):\n%s", diff)
		}
		if err := json.Unmarshal([]byte(`{"kind":"ReformModes"}`), &back); len(schema.Problems(err)) == 0 {
			t.Errorf("UnmarshalJSON of an invalid document: %v, want problems", err)
		}
	})
}

// TestCheck runs the checks on modes built in code: what the document
// they write would give.
func TestCheck(t *testing.T) {
	a := &Measure{Name: "马上办", Indicators: []Indicator{InstantShare}}
	b := &Measure{Name: "一网办", Indicators: []Indicator{FullyOnlineShare, 99, FullyOnlineShare}}
	stray := &Measure{Name: "外来"}
	d := &Modes{
		Measures: []*Measure{a, b, {Name: "马上办"}},
		Modes: []*Mode{
			{Name: "一办", Measures: []*Measure{a, stray},
				Groups:  []MeasureGroup{{Name: "组", Measures: []*Measure{b}}},
				Targets: []Target{{Indicator: InstantShare, AtLeast: 7000}, {Indicator: InstantShare, AtLeast: 10001}, {Indicator: BundleCount, AtLeast: 1}}},
			{Name: "二办", Aliases: []string{"一办"}, Measures: []*Measure{b}},
		},
	}
	want := []problemKey{
		{"schema.unique-items", "/measures/1/indicators"},
		{RuleUnknownIndicator, "/measures/1/indicators/1"},
		{RuleDuplicateIndicator, "/measures/1/indicators/2"},
		{RuleDuplicateMeasure, "/measures/2/name"},
		{RuleGroupOutsideMode, "/modes/0/groups/0/measures/0"},
		{RuleUnknownMeasure, "/modes/0/measures/1"},
		{RuleTargetRange, "/modes/0/targets/1/atLeast"},
		{RuleTargetUnmeasured, "/modes/0/targets/2/indicator"},
		{RuleDuplicateMode, "/modes/1/aliases/0"},
	}
	if diff := cmp.Diff(want, problemtest.Keys[problemKey](d.Validate())); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if probs := Default().Validate(); len(probs) != 0 {
		t.Errorf("Default().Validate() = %v", probs)
	}
}

func TestParseTarget(t *testing.T) {
	tests := []struct {
		in   string
		want Target
		ok   bool
	}{
		{"即办比例>=70%", Target{Indicator: InstantShare, AtLeast: 7000}, true},
		{"即办率 ≥ 76.85%", Target{Indicator: InstantShare, AtLeast: 7685}, true},
		{"川渝通办事项数>=200", Target{Indicator: SichuanChongqingCount, AtLeast: 200}, true},
		{"认领率>=100%", Target{Indicator: ClaimRate, AtLeast: 10000}, true},
		{"即办比例>=70", Target{}, false},       // a share needs a percentage
		{"川渝通办事项数>=200%", Target{}, false},  // a count does not take one
		{"即办比例>=100.01%", Target{}, false},  // over 100%
		{"即办比例>=70.001%", Target{}, false},  // three decimals
		{"即办比例>=-1%", Target{}, false},      // negative
		{"即办比例=70%", Target{}, false},       // no >=
		{"满意率>=70%", Target{}, false},       // no such indicator
		{"川渝通办事项数>=1e400", Target{}, false}, // too large, and not built
		{"川渝通办事项数>=2.5", Target{}, false},   // not whole
		{"川渝通办事项数>=25e-1", Target{}, false}, // not whole either
		{"川渝通办事项数>=2500e-1", Target{Indicator: SichuanChongqingCount, AtLeast: 250}, true},
		{"承诺提速率<=90%", Target{Indicator: PromiseSpeedup, AtLeast: 9000, AtMost: true}, true},
		{"下放事项数 ≤ 69", Target{Indicator: DelegatedCount, AtLeast: 69, AtMost: true}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseTarget(tt.in)
			if (err == nil) != tt.ok {
				t.Fatalf("ParseTarget(%q) error = %v, want ok %v", tt.in, err, tt.ok)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if tt.ok {
				back, err := ParseTarget(got.String())
				if err != nil || !cmp.Equal(back, got) {
					t.Errorf("ParseTarget(%q) = %v, %v: String does not read back", got.String(), back, err)
				}
			}
		})
	}
}

func TestTargetCheck(t *testing.T) {
	tests := []struct {
		name string
		t    Target
		r    Result
		want Verdict
	}{
		{"share met", Target{Indicator: InstantShare, AtLeast: 7000}, Result{Indicator: InstantShare, Num: 7, Den: 10}, Met},
		{"share just short", Target{Indicator: InstantShare, AtLeast: 7000}, Result{Indicator: InstantShare, Num: 69996, Den: 100000}, NotMet},
		{"share undefined", Target{Indicator: InstantShare, AtLeast: 0}, Result{Indicator: InstantShare}, Undetermined},
		{"count met", Target{Indicator: BundleCount, AtLeast: 74}, Result{Indicator: BundleCount, Num: 74}, Met},
		{"count short", Target{Indicator: BundleCount, AtLeast: 74}, Result{Indicator: BundleCount, Num: 73}, NotMet},
		{"other indicator", Target{Indicator: BundleCount, AtLeast: 1}, Result{Indicator: InstantCount, Num: 5}, Undetermined},
		// Ceilings: at most the figure, exactly.
		{"ceiling share met exactly", Target{Indicator: InstantShare, AtLeast: 7000, AtMost: true}, Result{Indicator: InstantShare, Num: 7, Den: 10}, Met},
		{"ceiling share just over", Target{Indicator: InstantShare, AtLeast: 7000, AtMost: true}, Result{Indicator: InstantShare, Num: 70001, Den: 100000}, NotMet},
		{"ceiling share undefined", Target{Indicator: InstantShare, AtLeast: 7000, AtMost: true}, Result{Indicator: InstantShare}, Undetermined},
		{"ceiling count met", Target{Indicator: BundleCount, AtLeast: 74, AtMost: true}, Result{Indicator: BundleCount, Num: 74}, Met},
		{"ceiling count over", Target{Indicator: BundleCount, AtLeast: 74, AtMost: true}, Result{Indicator: BundleCount, Num: 75}, NotMet},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.t.Check(tt.r); got != tt.want {
				t.Errorf("Check = %v, want %v", got, tt.want)
			}
		})
	}
}

// textRoundTrip checks that every value of values unmarshals from the
// text it marshals to.
func textRoundTrip[T interface {
	comparable
	encoding.TextMarshaler
}, P interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, values []T) {
	t.Helper()
	for _, v := range values {
		b, err := v.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back T
		if err := P(&back).UnmarshalText(b); err != nil || back != v {
			t.Errorf("%T %v reads back as %v, %v", v, v, back, err)
		}
	}
}

func TestEnums(t *testing.T) {
	textRoundTrip(t, AllIndicators())
	textRoundTrip(t, AllReasons())
	textRoundTrip(t, AllVerdicts())
	// Values outside the enums print without panicking and do not marshal.
	if Indicator(200).String() != "reform.Indicator(200)" || Reason(0).String() != "reform.Reason(0)" || Verdict(9).String() != "reform.Verdict(9)" {
		t.Errorf("String of invalid values")
	}
	if _, err := Indicator(0).MarshalText(); err == nil {
		t.Errorf("Indicator(0).MarshalText succeeded")
	}
	if _, err := Reason(99).MarshalText(); err == nil {
		t.Errorf("Reason(99).MarshalText succeeded")
	}
	if _, err := ParseIndicator("满意率"); err == nil {
		t.Errorf("ParseIndicator(满意率) succeeded")
	}
	if _, err := ParseReason("because"); err == nil {
		t.Errorf("ParseReason succeeded")
	}
}

// FuzzParse feeds the modes reader arbitrary text: it must never panic,
// must return a document unless the text is not YAML or JSON at all, and
// what it accepts without problems must round-trip.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/modes/*")
	for _, name := range files {
		b := schematest.ReadFile(f, name)
		f.Add(filepath.Base(name), b)
	}
	f.Add("modes.yaml", defaultDocument)
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		d, probs := loader.Problems(name, data)
		if d == nil {
			if !probs.HasErrors() {
				t.Fatalf("no document and no error")
			}
			return
		}
		for _, p := range probs {
			if p.Rule == "" {
				t.Fatalf("problem without a rule: %v", p)
			}
		}
		if len(probs) != 0 {
			return
		}
		schematest.RoundTrip(t, d, parseBack)
	})
}

// FuzzParseTarget: ParseTarget never panics, and what it accepts prints
// back to the same target.
func FuzzParseTarget(f *testing.F) {
	same := func(a, b Target) bool { return a.Indicator == b.Indicator && a.AtLeast == b.AtLeast }
	schematest.FuzzReadBack(f, ParseTarget, same, func(t *testing.T, s string, tg Target) {
		if tg.AtLeast < 0 || tg.Indicator.IsShare() && tg.AtLeast > 10000 {
			t.Fatalf("ParseTarget(%q) = %v: out of range", s, tg)
		}
	}, "即办比例>=70%", "即办率 ≥ 76.85%", "川渝通办事项数>=200", "认领率>=100%",
		"即办比例>=1e1%", "川渝通办事项数>=2500e-1", "即办比例>=70", "满意率>=1%", "x>=1e400")
}

// loadFileProblems reads the modes document at path with every problem.
func loadFileProblems(path string) (*Modes, schema.List) {
	var probs schema.List
	d, _ := LoadFile(path, schema.Collect(&probs))
	return d, probs
}
