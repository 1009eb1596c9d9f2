package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

const structureFile = "testdata/structure.yaml"

// The layout orders the sections (a section of the bulletin's own first),
// words the fixed sentences, and x- sections follow; the masthead heads
// and closes the bulletin in every format.
func TestStructureRenders(t *testing.T) {
	var probs schema.List
	b, _ := report.LoadFile(structureFile, nil, schema.Collect(&probs))
	if probs.HasErrors() {
		t.Fatal(lines(probs))
	}
	for _, f := range report.AllFormats() {
		t.Run(f.String(), func(t *testing.T) {
			var buf bytes.Buffer
			if err := b.Render(&buf, f, nil); err != nil {
				t.Fatal(err)
			}
			got := buf.String()
			if f == report.DOCX {
				// A Word package: its text is what a reader sees.
				paras, _, _ := readWord(t, docxParts(t, buf.Bytes())["word/document.xml"])
				got = strings.Join(paras, "\n")
			} else {
				golden(t, "structure."+map[report.Format]string{report.Text: "txt", report.Markdown: "md", report.JSON: "json", report.HTML: "html"}[f], got)
			}
			for _, want := range []string{"第5期(总第112期)", "下步工作", "问题和建议", "专栏", "报:市委办公室、市政府办公室", "发:各县(市、区)政务服务部门", "早退2人次", "市医保局推行"} {
				if !strings.Contains(got, want) {
					t.Errorf("no %q in the %s rendering", want, f)
				}
			}
		})
	}
}

func TestStructureRules(t *testing.T) {
	src := schematest.ReadFile(t, structureFile)
	for _, tc := range []struct {
		name  string
		edits []edit
		want  []found
	}{
		{name: "as it is"},
		{
			name:  "an update about nothing",
			edits: []edit{{"  - department: 市医保局\n    headline", "  - headline"}},
			want:  []found{e(report.RuleNoSubject, "/updates/0")},
		},
		{
			name:  "a department is not checked as a unit; a unit is",
			edits: []edit{{"  - department: 市医保局\n", "  - department: 市医保局\n    unit: 火星区\n"}},
			want:  []found{e(report.RuleUnknownUnit, "/updates/0/unit")},
		},
		{
			name:  "a layout sentence naming a count its section lacks",
			edits: []edit{{"{department}{count}条", "{department}{total}条"}},
			want:  []found{e(report.RuleLayout, "/layout/sections/3/text/entry")},
		},
		{
			name:  "a layout sentence a section does not have",
			edits: []edit{{"        separator: \",\"", "        middle: \",\""}},
			want:  []found{e(report.RuleLayout, "/layout/sections/3/text/middle")},
		},
		{
			name:  "a layout sentence that is not a template",
			edits: []edit{{"详见附件{attachment}。", "详见附件{attachment。"}},
			want:  []found{e(report.RuleLayout, "/layout/sections/2/sections/0/text/attachment")},
		},
		{
			name:  "wording for a section of the bulletin's own",
			edits: []edit{{"    - key: next\n", "    - key: next\n      text: {lead: x}\n"}},
			want:  []found{e(report.RuleLayout, "/layout/sections/0/text/lead")},
		},
		{
			name:  "a section laid out twice",
			edits: []edit{{"    - key: next\n", "    - key: next\n    - key: next\n"}},
			want:  []found{e(report.RuleLayout, "/layout/sections/1/key")},
		},
		{
			name:  "a section of the bulletin's own with a fixed key, and a key twice",
			edits: []edit{{"  - key: issues", "  - key: visits"}, {"  - key: next\n    title: 下步工作", "  - key: visits\n    title: 下步工作"}},
			want:  []found{e(report.RuleDuplicateSection, "/sections/0/key"), e(report.RuleDuplicateSection, "/sections/1/key")},
		},
		{
			name:  "a distribution line of a kind that is none",
			edits: []edit{{"{kind: 发,", "{kind: 抄,"}},
			want:  []found{e("schema.enum", "/masthead/distribution/0/kind")},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := applyEdits(t, src, tc.edits)
			var probs schema.List
			_, _ = report.Parse("b.yaml", doc, nil, schema.Collect(&probs))
			wantFound(t, probs, tc.want)
		})
	}
}

// A fixed section the layout leaves out is rendered after those it
// names, never dropped.
func TestLayoutDropsNothing(t *testing.T) {
	src := schematest.ReadFile(t, structureFile)
	doc := strings.Replace(string(src), "submissions:\n  - {department: 市医保局", "visits:\n  place: 大厅\n  entries: [{department: 市水利局, name: 张三, count: 1}]\nsubmissions:\n  - {department: 市医保局", 1)
	var probs schema.List
	b, _ := report.Parse("b.yaml", []byte(doc), nil, schema.Collect(&probs))
	if probs.HasErrors() {
		t.Fatal(lines(probs))
	}
	var buf bytes.Buffer
	if err := b.Render(&buf, report.Text, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "五、部门调研\n2021年5月,市直有关部门领导到大厅调研共1人次。其中,市水利局张三1次。\n六、问题和建议") {
		t.Errorf("the visits are not where they belong:\n%s", buf.String())
	}
}
