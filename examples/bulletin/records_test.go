package main

import (
	"os"
	"strings"
	"testing"

	"github.com/zwfw/zwfw/examples/internal/golden"
	"github.com/zwfw/zwfw/schema/schematest"
)

const recordsDir = "../data/records-2021-04"

// With -records the month's sections 二–四 come from the records: the
// text up to the attachments is the seed's, line for line, and the
// attachment's table follows.
func TestRecordsGiveTheSeed(t *testing.T) {
	code, out, errs := runArgs("-records", recordsDir, "-month", "2021-04", "-in", "../data/bulletin-2021-04.yaml")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	golden.Check(t, "testdata/records-2021-04.txt", out)
	want := schematest.ReadFile(t, goldenText)
	if !strings.HasPrefix(out, string(want)) {
		t.Errorf("the bulletin built from the records does not start with the seed's text")
	}
	if !strings.Contains(out, "附件2\n窗口工作人员考勤情况明细\n序号\t姓名\t派驻单位") {
		t.Errorf("no attachment table in:\n%.300s", out[len(want):])
	}
}

// -check sets every figure the editorial bulletin states against the
// records: the embedded bulletin agrees everywhere; a copy with a leave
// kind, a visit and the late arrivals mistyped is caught at each.
func TestRecordsCheck(t *testing.T) {
	code, out, errs := runArgs("-lang", "zh", "-records", recordsDir, "-check", "-in", "../data/bulletin-2021-04.yaml")
	if code != 0 || errs != "" || out != "2021年4月: 0 处与记录不一致\n" {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, out, errs)
	}
	b := schematest.ReadFile(t, "../data/bulletin-2021-04.yaml")
	s := string(b)
	for _, e := range [][2]string{
		{"{kind: 病假, count: 10}", "{kind: 病假, count: 11}"},
		{"name: 唐静, count: 2}", "name: 唐静, count: 1}"},
		{"late: 2", "late: 3"},
		{"total: 306", "total: 307"},
	} {
		if !strings.Contains(s, e[0]) {
			t.Fatalf("no %q in the bulletin", e[0])
		}
		s = strings.Replace(s, e[0], e[1], 1)
	}
	// The stated total now agrees with the kinds, so the bulletin is valid.
	path := t.TempDir() + "/editorial.yaml"
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs = runArgs("-lang", "zh", "-records", recordsDir, "-in", path, "-check")
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, errs)
	}
	golden.Check(t, "testdata/records-check.txt", out)
}

// The editorial file beside the records holds the updates' texts and the
// words; the records give the figures and the detail.
func TestEditorial(t *testing.T) {
	code, out, errs := runArgs("-records", recordsDir)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	golden.Check(t, "testdata/records-editorial.txt", out)
	for _, want := range []string{"工作简报\n第4期\n", "调研共15人次", "请假共计306人次", "迟到2人次;未打卡9人次。(详见附件2)", "六、下步工作", "发:各县(市、区)政务服务部门"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in the bulletin", want)
		}
	}
}

// Another city's bulletin, with its own divisions, modes, layout and
// sections, renders from data alone; the same units fail against
// Suining's divisions given by flag.
func TestAnotherCity(t *testing.T) {
	const city = "../data/guangan/bulletin-2021-05.yaml"
	for _, f := range []string{"text", "markdown", "json"} {
		t.Run(f, func(t *testing.T) {
			code, out, errs := runArgs("-in", city, "-format", f)
			if code != 0 || errs != "" {
				t.Fatalf("exit %d, stderr:\n%s", code, errs)
			}
			golden.Check(t, "testdata/guangan-2021-05."+map[string]string{"text": "txt", "markdown": "md", "json": "json"}[f], out)
		})
	}
	t.Run("units checked against the divisions given by flag", func(t *testing.T) {
		code, _, errs := runArgs("-in", city, "-divisions", "../../county/suining.yaml")
		if code != 1 || !strings.Contains(errs, "/updates/0/unit: ") || !strings.Contains(errs, "[bulletin.unknown-unit]") {
			t.Errorf("exit %d, stderr:\n%s", code, errs)
		}
	})
}
