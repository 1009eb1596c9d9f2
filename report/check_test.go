package report_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/problemtest"
	"github.com/zwfw/zwfw/schema/schematest"
)

// found is a problem as tests see it: rule, path and severity.
type found struct {
	rule     schema.Rule
	path     string
	severity schema.Severity
}

func problemsOf(l schema.List) []found {
	var out []found
	for _, p := range l {
		out = append(out, found{p.Rule, p.Path.String(), p.Severity})
	}
	return out
}

func e(rule schema.Rule, path string) found { return found{rule, path, schema.Error} }
func w(rule schema.Rule, path string) found { return found{rule, path, schema.Warning} }

// edit is a textual change to the April document.
type edit struct{ old, new string }

// applyEdits returns src with each edit's old text replaced, once, by its
// new one; an old text src lacks fails the test.
func applyEdits(t *testing.T, src []byte, edits []edit) []byte {
	t.Helper()
	doc := string(src)
	for _, ed := range edits {
		if !strings.Contains(doc, ed.old) {
			t.Fatalf("edit target %q not in the document", ed.old)
		}
		doc = strings.Replace(doc, ed.old, ed.new, 1)
	}
	return []byte(doc)
}

// wantFound checks that probs are want, by rule, path and severity, in any
// order.
func wantFound(t *testing.T, probs schema.List, want []found) {
	t.Helper()
	got := problemsOf(probs)
	want = slices.Clone(want)
	cmpFound := func(a, b found) int { return strings.Compare(a.path+string(a.rule), b.path+string(b.rule)) }
	slices.SortFunc(got, cmpFound)
	slices.SortFunc(want, cmpFound)
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%v\nwant (rule, path, severity): %v", lines(probs), want)
	}
}

// TestRules changes the April bulletin one way at a time and checks the
// problems found: exactly these rules at exactly these paths.
func TestRules(t *testing.T) {
	src := schematest.ReadFile(t, aprilFile)
	rejectAll := func(bad string) func(string) bool { return func(s string) bool { return s != bad } }
	for _, tc := range []struct {
		name  string
		edits []edit
		opts  *report.Options
		want  []found
	}{
		{
			name: "the seed as it is",
		},
		{
			name:  "one leave count changed so the kinds no longer sum to 306",
			edits: []edit{{"{kind: 病假, count: 10}", "{kind: 病假, count: 11}"}},
			want:  []found{e(report.RuleTotalMismatch, "/attendance/leave/total")},
		},
		{
			name:  "leave total not stated is computed and cannot mismatch",
			edits: []edit{{"    total: 306\n", ""}, {"{kind: 病假, count: 10}", "{kind: 病假, count: 11}"}},
		},
		{
			name:  "visit total stated and right",
			edits: []edit{{"visits:\n  place: 市政务大厅窗口\n", "visits:\n  place: 市政务大厅窗口\n  total: 15\n"}},
		},
		{
			name:  "visit total stated and wrong",
			edits: []edit{{"visits:\n  place: 市政务大厅窗口\n", "visits:\n  place: 市政务大厅窗口\n  total: 16\n"}},
			want:  []found{e(report.RuleTotalMismatch, "/visits/total")},
		},
		{
			name:  "a visit count of zero",
			edits: []edit{{"name: 黄火平, count: 1", "name: 黄火平, count: 0"}},
			want:  []found{e(report.RuleNonPositiveCount, "/visits/entries/0/count")},
		},
		{
			name:  "a negative visit count",
			edits: []edit{{"name: 唐静, count: 2", "name: 唐静, count: -2"}},
			want:  []found{e(report.RuleNonPositiveCount, "/visits/entries/7/count")},
		},
		{
			// A month completes cases accepted earlier: not a problem.
			name:  "completed above accepted",
			edits: []edit{{"completed: 21514", "completed: 32308"}},
			want:  nil,
		},
		{
			name:  "a percentage above 100",
			edits: []edit{{"value: 76.85", "value: 176.85"}},
			want:  []found{e(report.RulePercentageRange, "/updates/1/measures/4/figures/instantShare/value")},
		},
		{
			name:  "a negative percentage",
			edits: []edit{{"value: 99.17", "value: -0.5"}},
			want:  []found{e(report.RulePercentageRange, "/updates/4/measures/1/figures/nationalCoverage/value")},
		},
		{
			name:  "100% is in range",
			edits: []edit{{"value: 99.17", "value: 100.00"}},
		},
		{
			name:  "a placeholder with no figure",
			edits: []edit{{"事项{delegated},促进", "事项{delegate},促进"}},
			want: []found{
				e(report.RuleUndefinedFigure, "/updates/0/measures/1/text"),
				e(report.RuleUnusedFigure, "/updates/0/measures/1/figures/delegated"),
			},
		},
		{
			name: "a figure no text uses",
			edits: []edit{{"          delegated: {kind: 事项数, value: 69, unit: 项, indicator: 下放事项数}\n",
				"          delegated: {kind: 事项数, value: 69, unit: 项, indicator: 下放事项数}\n          spare: {kind: 计数, value: 1, unit: 个}\n"}},
			want: []found{e(report.RuleUnusedFigure, "/updates/0/measures/1/figures/spare")},
		},
		{
			name:  "a figure of an update is not in scope in a measure",
			edits: []edit{{"要统筹兼顾,立足长远", "要统筹兼顾{year},立足长远"}},
			want:  []found{e(report.RuleUndefinedFigure, "/updates/2/measures/2/text")},
		},
		{
			name:  "an unterminated placeholder",
			edits: []edit{{"事项{delegated},促进", "事项{delegated,促进"}},
			want: []found{
				e(report.RuleBadTemplate, "/updates/0/measures/1/text"),
				e(report.RuleUnusedFigure, "/updates/0/measures/1/figures/delegated"),
			},
		},
		{
			name:  "an unmatched closing brace",
			edits: []edit{{"推进乡村振兴。", "推进乡村振兴}。"}},
			want:  []found{e(report.RuleBadTemplate, "/updates/0/lead")},
		},
		{
			name:  "escaped braces are text",
			edits: []edit{{"推进乡村振兴。", "推进乡村振兴{{}}。"}},
		},
		{
			name:  "a percentage in 项",
			edits: []edit{{"instantShare: {kind: 百分比, value: 76.85, unit: \"%\"", "instantShare: {kind: 百分比, value: 76.85, unit: 项"}},
			want:  []found{e(report.RuleUnitKindMismatch, "/updates/1/measures/4/figures/instantShare/unit")},
		},
		{
			name:  "a count of people in 件",
			edits: []edit{{"trained: {kind: 人数, value: 200, approx: 余, unit: 名}", "trained: {kind: 人数, value: 200, approx: 余, unit: 件}"}},
			want:  []found{e(report.RuleUnitKindMismatch, "/updates/4/measures/2/figures/trained/unit")},
		},
		{
			name:  "a count of matters without a unit",
			edits: []edit{{"delegated: {kind: 事项数, value: 69, unit: 项,", "delegated: {kind: 事项数, value: 69,"}},
			want:  []found{e(report.RuleUnitKindMismatch, "/updates/0/measures/1/figures/delegated/unit")},
		},
		{
			name:  "a date with a unit",
			edits: []edit{{`date: {kind: 日期, value: "2021-04-09"}`, `date: {kind: 日期, value: "2021-04-09", unit: 日}`}},
			want:  []found{e(report.RuleUnitKindMismatch, "/updates/2/figures/date/unit")},
		},
		{
			name:  "a fractional count",
			edits: []edit{{"delegated: {kind: 事项数, value: 69,", "delegated: {kind: 事项数, value: 69.5,"}},
			want:  []found{e(report.RuleInvalidValue, "/updates/0/measures/1/figures/delegated/value")},
		},
		{
			name:  "a negative count",
			edits: []edit{{"towns: {kind: 计数, value: 19,", "towns: {kind: 计数, value: -19,"}},
			want:  []found{e(report.RuleInvalidValue, "/updates/1/measures/0/figures/towns/value")},
		},
		{
			name:  "a date that is no date",
			edits: []edit{{`value: "2021-04-09"`, `value: "2021-04-31"`}},
			want:  []found{e(schema.Rule("schema.format"), "/updates/2/figures/date/value")},
		},
		{
			name:  "a date given as a number",
			edits: []edit{{`value: "2021-04-09"`, `value: 20210409`}},
			want:  []found{e(report.RuleInvalidValue, "/updates/2/figures/date/value")},
		},
		{
			name:  "a percentage in 万",
			edits: []edit{{"value: 97.99, unit: \"%\"", "value: 97.99, scale: 万, unit: \"%\""}},
			want:  []found{e(report.RuleInvalidValue, "/updates/1/measures/0/figures/online/scale")},
		},
		{
			name:  "an ordinal that is approximate",
			edits: []edit{{"session: {kind: 序数, value: 2,", "session: {kind: 序数, value: 2, approx: 约,"}},
			want:  []found{e(report.RuleInvalidValue, "/updates/2/figures/session/approx")},
		},
		{
			name:  "a number left in the text",
			edits: []edit{{"各乡镇因地制宜", "各3个乡镇因地制宜"}},
			want:  []found{w(report.RuleUntypedFigure, "/updates/0/measures/2/text")},
		},
		{
			name:  "two figures of one update with one name",
			edits: []edit{{"事项清单{instant}", "事项清单{towns}"}, {"          instant: {kind: 事项数", "          towns: {kind: 事项数"}},
			want:  []found{e(report.RuleDuplicateFigure, "/updates/1/measures/4/figures/towns")},
		},
		{
			name: "a unit the hierarchy does not know",
			opts: &report.Options{KnowsUnit: rejectAll("河东新区")},
			want: []found{e(report.RuleUnknownUnit, "/updates/2/unit")},
		},
		{
			name: "a subject the hierarchy does not know",
			opts: &report.Options{KnowsUnit: rejectAll("大英县")},
			want: []found{e(report.RuleUnknownUnit, "/updates/4/measures/3/figures/households/subject")},
		},
		{
			name:  "a mode the seed's modes do not have",
			edits: []edit{{"    mode: 七办\n", "    mode: 八办\n"}},
			want:  []found{e(report.RuleUnknownMode, "/updates/1/mode")},
		},
		{
			name:  "a measure 七办 does not have",
			edits: []edit{{"      - name: 全天办\n", "      - name: 夜间办\n"}},
			want:  []found{e(report.RuleUnknownMeasure, "/updates/1/measures/5/name")},
		},
		{
			name:  "a group of measures is known: 双代办 of 3+2",
			edits: []edit{{"      - name: 双代办\n", "      - name: 三办\n"}},
		},
		{
			name: "a mode reform does not know",
			opts: &report.Options{KnowsMode: rejectAll("三抓三促"), KnowsMeasure: func(mode, m string) bool { return mode != "三抓三促" }},
			want: []found{e(report.RuleUnknownMode, "/updates/5/mode")},
		},
		{
			name: "a measure the mode does not have",
			opts: &report.Options{KnowsMeasure: func(mode, m string) bool { return !(mode == "七办" && m == "全天办") }},
			want: []found{e(report.RuleUnknownMeasure, "/updates/1/measures/5/name")},
		},
		{
			name: "an indicator reform does not know",
			opts: &report.Options{KnowsIndicator: rejectAll("认领率")},
			want: []found{e(report.RuleUnknownIndicator, "/updates/4/measures/1/figures/claimRate/indicator")},
		},
		{
			name:  "a measure named in an update without a mode",
			edits: []edit{{"      - text: 要提高站位", "      - name: 开会\n        text: 要提高站位"}},
			want:  []found{e(report.RuleMeasureWithoutMode, "/updates/2/measures/0/name")},
		},
		{
			name:  "a reference to a missing attachment",
			edits: []edit{{"  missed: 9\n    attachment: 2", "  missed: 9\n    attachment: 3"}},
			want:  []found{e(report.RuleUnknownAttachment, "/attendance/clock/attachment")},
		},
		{
			name:  "a leave kind listed twice",
			edits: []edit{{"{kind: 婚假, count: 1}", "{kind: 病假, count: 1}"}},
			want:  []found{e(report.RuleDuplicateEntry, "/attendance/leave/kinds/8/kind")},
		},
		{
			name:  "a department submitting twice",
			edits: []edit{{"  - {department: 市市场监管局, count: 1}\n", "  - {department: 市市场监管局, count: 1}\n  - {department: 市市场监管局, count: 2}\n"}},
			want:  []found{e(report.RuleDuplicateEntry, "/submissions/1/department")},
		},
		{
			name:  "a date after the period",
			edits: []edit{{`value: "2021-04-27"`, `value: "2021-05-01"`}},
			want:  []found{w(report.RuleDateAfterPeriod, "/updates/3/figures/date/value")},
		},
		{
			name:  "schema: an unknown member",
			edits: []edit{{"  late: 2\n", "  late: 2\n    lateness: 1\n"}},
			want:  []found{e("schema.additional-properties", "/attendance/clock/lateness")},
		},
		{
			name:  "schema: a kind that is not a kind",
			edits: []edit{{"towns: {kind: 计数,", "towns: {kind: 数量,"}},
			want:  []found{e("schema.enum", "/updates/1/measures/0/figures/towns/kind")},
		},
		{
			name:  "schema: no period",
			edits: []edit{{"period: \"2021-04\"\n", ""}},
			want:  []found{e("schema.required", "/period")},
		},
		{
			name:  "schema: a figure name that is no name",
			edits: []edit{{"          towns: {kind", "          2towns: {kind"}},
			want:  []found{e("schema.pattern", "/updates/1/measures/0/figures/2towns")},
		},
		{
			name:  "x- members are extensions",
			edits: []edit{{"  late: 2\n", "  late: 2\n    x-early: 1\n"}, {"title: 工作简报\n", "title: 工作简报\nx-batch: 4\n"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := applyEdits(t, src, tc.edits)
			var probs schema.List
			b, _ := report.Parse("bulletin.yaml", doc, tc.opts, schema.Collect(&probs))
			if b == nil {
				t.Fatalf("no bulletin: %v", lines(probs))
			}
			wantFound(t, probs, tc.want)
			for _, p := range probs {
				if !p.Pos.IsValid() || p.Pos.File != "bulletin.yaml" {
					t.Errorf("problem without a position: %v", p)
				}
			}
		})
	}
}

// TestCheckConstructed runs the checks on a bulletin built in Go: the
// same rules, paths without positions. A bulletin that lacks what the
// schema requires is refused as its written document would be.
func TestCheckConstructed(t *testing.T) {
	total := int64(5)
	b := &report.Bulletin{
		Period: report.Period{Year: 2021, Month: 4},
		Issuer: "某局",
		Updates: []report.Update{{
			Unit:     "船山区",
			Headline: "下放{n}。",
			Figures:  []report.Figure{{Name: "n", Kind: report.MatterCount, Value: report.DecimalOf(3), Unit: report.Piece}},
		}},
		Attendance: &report.Attendance{Leave: &report.Leave{Staff: "人员", Total: &total,
			Kinds: []report.LeaveKind{{Kind: "病假", Count: 2}}}},
		Efficiency: &report.Efficiency{Source: "平台", Place: "大厅", Accepted: 1, Completed: 2},
	}
	got := problemsOf(b.Validate(nil))
	want := []found{
		e(report.RuleTotalMismatch, "/attendance/leave/total"),
		e(report.RuleUnitKindMismatch, "/updates/0/figures/n/unit"),
	}
	slices.SortFunc(got, func(a, b found) int { return strings.Compare(a.path, b.path) })
	slices.SortFunc(want, func(a, b found) int { return strings.Compare(a.path, b.path) })
	if !slices.Equal(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// TestValidateIncomplete validates bulletins built in Go that lack what
// a document must state: they are refused, as their written documents are.
func TestValidateIncomplete(t *testing.T) {
	tests := []struct {
		name string
		b    *report.Bulletin
		want []found
	}{
		{"no period or issuer", &report.Bulletin{}, []found{e("schema.required", "/issuer"), e("schema.required", "/period")}},
		{"efficiency without source or place", &report.Bulletin{Period: report.Period{Year: 2021, Month: 4}, Issuer: "某局",
			Efficiency: &report.Efficiency{Accepted: 1, Completed: 1}},
			[]found{e("schema.required", "/efficiency/place"), e("schema.required", "/efficiency/source")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.b.Validate(nil)
			_, err := report.Parse("written.yaml", schematest.Write(t, tt.b, "yaml"), nil)
			if slices.Compare(problemtest.RulePaths(got), problemtest.RulePaths(schema.Problems(err))) != 0 {
				t.Errorf("Validate %v, parsing the written document %v", got, err)
			}
			if g := problemsOf(got); !slices.Equal(g, tt.want) {
				t.Errorf("got %v\nwant %v", g, tt.want)
			}
		})
	}
}
