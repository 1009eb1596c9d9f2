package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

// The April 2021 bulletin as data: the file examples/data embeds.
const aprilFile = "../examples/data/bulletin-2021-04.yaml"

// The seed document the bulletin must reproduce, outside the repository.
const seedFile = "../../shared/seed/suining-bulletin-2021-04.txt"

// noUnits leaves the unit check out, for documents about places the
// embedded hierarchy does not hold.
var noUnits = &report.Options{KnowsUnit: func(string) bool { return true }}

func april(t testing.TB) *report.Bulletin {
	t.Helper()
	var probs schema.List
	b, _ := report.LoadFile(aprilFile, nil, schema.Collect(&probs))
	if len(probs) > 0 {
		t.Fatalf("%s: want no problems, got:\n%v", aprilFile, lines(probs))
	}
	return b
}

func lines(probs schema.List) string {
	var s []string
	for _, p := range probs {
		s = append(s, p.Error())
	}
	return strings.Join(s, "\n")
}

func render(t testing.TB, b *report.Bulletin, f report.Format, opts *report.RenderOptions) string {
	t.Helper()
	var buf bytes.Buffer
	if err := b.Render(&buf, f, opts); err != nil {
		t.Fatalf("Render(%s): %v", f, err)
	}
	return buf.String()
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	schematest.Golden(t, filepath.Join("testdata", name), []byte(got))
}

func TestRenderGolden(t *testing.T) {
	b := april(t)
	for _, tc := range []struct {
		name   string
		format report.Format
		opts   *report.RenderOptions
		file   string
	}{
		{"text in the seed's layout", report.Text, nil, "bulletin-2021-04.txt"},
		{"text with the computed completion rate", report.Text, &report.RenderOptions{CompletionRate: true}, "bulletin-2021-04-rate.txt"},
		{"markdown", report.Markdown, nil, "bulletin-2021-04.md"},
		{"json view with derived figures", report.JSON, &report.RenderOptions{CompletionRate: true}, "bulletin-2021-04.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			golden(t, tc.file, render(t, b, tc.format, tc.opts))
		})
	}
}

// TestTextReproducesSeed renders the embedded bulletin and compares it with
// the seed document character by character.
//
// The one difference, and why: the seed file ends without a newline after
// its last line ("2.窗口工作人员考勤情况明细"); the rendering ends every
// line, the last included, with "\n", as a text file and a terminal want.
// Nothing else differs: every sentence, punctuation mark (the seed's ASCII
// commas and colons, its “” quotes) and oddity ("了多形式开展", "回寄民意")
// is reproduced.
func TestTextReproducesSeed(t *testing.T) {
	// Without the seed, the golden copy in testdata is still compared.
	seed := schematest.ReadOutside(t, seedFile)
	got := render(t, april(t), report.Text, nil)

	want := string(seed)
	if strings.HasSuffix(want, "\n") {
		t.Fatalf("the seed now ends with a newline; drop the stated difference")
	}
	if !strings.HasSuffix(got, "\n") {
		t.Fatalf("the rendering does not end with a newline")
	}
	if got[:len(got)-1] == want {
		return
	}
	gl, wl := strings.Split(got[:len(got)-1], "\n"), strings.Split(want, "\n")
	if len(gl) != len(wl) {
		t.Errorf("rendering has %d lines, seed %d", len(gl), len(wl))
	}
	for i := 0; i < len(gl) && i < len(wl); i++ {
		if gl[i] != wl[i] {
			g, w := []rune(gl[i]), []rune(wl[i])
			j := 0
			for j < len(g) && j < len(w) && g[j] == w[j] {
				j++
			}
			t.Errorf("line %d differs at character %d:\n got: …%s\nseed: …%s", i+1, j+1,
				string(g[max(0, j-10):min(len(g), j+20)]), string(w[max(0, j-10):min(len(w), j+20)]))
		}
	}
}

// The seed's text with the derived figures is the seed's own sentences;
// only the option adds the completion rate.
func TestCompletionRateIsComputed(t *testing.T) {
	b := april(t)
	plain := render(t, b, report.Text, nil)
	rate := render(t, b, report.Text, &report.RenderOptions{CompletionRate: true})
	if strings.Contains(plain, "办结率") {
		t.Errorf("the plain rendering shows a completion rate the bulletin does not report")
	}
	// 21514 / 32307 = 0.665924…, 66.59% rounded half up.
	if !strings.Contains(rate, "办结21514件,办结受理比66.59%(详见附件1)。") || strings.Contains(rate, "办结率") {
		t.Errorf("completion rate missing or wrong in:\n%s", rate)
	}
}

func TestVisitTotalIsDerived(t *testing.T) {
	b := april(t)
	if b.Visits.Total != nil {
		t.Fatalf("the April data states the visit total; it should be derived")
	}
	if got := b.Visits.Sum(); got != 15 {
		t.Errorf("visit sum = %d, want 15", got)
	}
	if got := *b.Attendance.Leave.Total; got != 306 || b.Attendance.Leave.Sum() != 306 {
		t.Errorf("leave total %d, sum %d; want 306 and 306", got, b.Attendance.Leave.Sum())
	}
}

func TestRoundTrip(t *testing.T) {
	opts := cmp.AllowUnexported(report.Decimal{})
	for _, file := range []string{aprilFile, "testdata/minimal.yaml", "testdata/extensions.json", structureFile} {
		var probs schema.List
		b1, _ := report.LoadFile(file, noUnits, schema.Collect(&probs))
		if probs.HasErrors() {
			t.Fatalf("%s: %v", file, lines(probs))
		}
		for _, tc := range []struct {
			name  string
			write func(*report.Bulletin, *bytes.Buffer) error
			ext   string
		}{
			{"yaml", func(b *report.Bulletin, w *bytes.Buffer) error { return b.WriteYAML(w) }, ".yaml"},
			{"json", func(b *report.Bulletin, w *bytes.Buffer) error { return b.WriteJSON(w) }, ".json"},
		} {
			t.Run(filepath.Base(file)+"/"+tc.name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := tc.write(b1, &buf); err != nil {
					t.Fatal(err)
				}
				var probs schema.List
				b2, _ := report.Parse("again"+tc.ext, buf.Bytes(), noUnits, schema.Collect(&probs))
				if probs.HasErrors() {
					t.Fatalf("written document does not read back:\n%v\n%s", lines(probs), buf.String())
				}
				if d := cmp.Diff(b1, b2, opts); d != "" {
					t.Errorf("round trip through %s lost something (-read +reread):\n%s", tc.name, d)
				}
				var again bytes.Buffer
				if err := tc.write(b2, &again); err != nil {
					t.Fatal(err)
				}
				if again.String() != buf.String() {
					t.Errorf("writing is not stable:\n%s\n---\n%s", buf.String(), again.String())
				}
			})
		}
	}
}

func TestUnmarshalJSON(t *testing.T) {
	raw, err := april(t).MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var b report.Bulletin
	if err := b.UnmarshalJSON(raw); err != nil {
		t.Fatal(err)
	}
	if len(b.Updates) != 6 || b.Period.String() != "2021-04" {
		t.Errorf("got %d updates for %s", len(b.Updates), b.Period)
	}
	bad := bytes.Replace(raw, []byte(`"count":10`), []byte(`"count":11`), 1)
	err = b.UnmarshalJSON(bad)
	if !containsRule(schema.Problems(err), report.RuleTotalMismatch, "/attendance/leave/total") {
		t.Errorf("UnmarshalJSON of a bad total: got %v", err)
	}
}

func containsRule(l schema.List, rule schema.Rule, path string) bool {
	for _, p := range l {
		if p.Rule == rule && p.Path.String() == path {
			return true
		}
	}
	return false
}

func TestReaders(t *testing.T) {
	data := schematest.ReadFile(t, aprilFile)
	var p1 schema.List
	fromFS, _ := report.LoadFS(os.DirFS("../examples/data"), "bulletin-2021-04.yaml", nil, schema.Collect(&p1))
	var p2 schema.List
	fromReader, _ := report.Load(bytes.NewReader(data), "x.yaml", nil, schema.Collect(&p2))
	if len(p1)+len(p2) > 0 {
		t.Fatalf("problems: %v %v", p1, p2)
	}
	if d := cmp.Diff(fromFS, fromReader, cmp.AllowUnexported(report.Decimal{})); d != "" {
		t.Errorf("ReadFS and Read differ:\n%s", d)
	}
	for _, tc := range []struct {
		name string
		got  func() schema.List
	}{
		{"missing file", func() schema.List {
			_, err := report.LoadFile("testdata/no-such-file.yaml", nil)
			return schema.Problems(err)
		}},
		{"missing in fs", func() schema.List {
			_, err := report.LoadFS(os.DirFS("testdata"), "nope.yaml", nil)
			return schema.Problems(err)
		}},
		{"too large", func() schema.List {
			var l schema.List
			_, _ = report.Load(bytes.NewReader(make([]byte, report.MaxDocumentSize+1)), "big.yaml", nil, schema.Collect(&l))
			return l
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := tc.got()
			want := report.RuleRead
			if tc.name == "too large" {
				want = schema.RuleTooLarge // located where the limit is passed
			}
			if len(l) != 1 || l[0].Rule != want || tc.name == "too large" && l[0].Pos.Line == 0 {
				t.Errorf("got %v, want one located %s problem", l, want)
			}
		})
	}
}

func TestFiguresAddressable(t *testing.T) {
	b := april(t)
	for _, tc := range []struct {
		addr report.Addr
		want string
	}{
		{report.Addr{Unit: "船山区", Mode: "3+2", Measure: "就近办", Name: "delegated"}, "69项"},
		{report.Addr{Unit: "蓬溪县", Mode: "七办", Measure: "马上办", Name: "instantShare"}, "76.85%"},
		{report.Addr{Unit: "蓬溪县", Mode: "七办", Name: "instant"}, "423项"},
		{report.Addr{Unit: "遂宁市", Mode: `以"减"促"简"`, Measure: "线上办", Name: "configured"}, "2万余项"},
		{report.Addr{Unit: "河东新区", Name: "session"}, "第2次"},
		{report.Addr{Unit: "河东新区", Name: "date"}, "2021年4月9日"},
	} {
		t.Run(tc.addr.String(), func(t *testing.T) {
			r, ok := b.Figure(tc.addr)
			if !ok {
				t.Fatalf("no figure at %s", tc.addr)
			}
			if got := r.Figure.String(); got != tc.want {
				t.Errorf("figure %s = %s, want %s", r.Path, got, tc.want)
			}
		})
	}
	if _, ok := b.Figure(report.Addr{Unit: "船山区", Mode: "3+2", Name: "nope"}); ok {
		t.Errorf("found a figure that does not exist")
	}

	// Summed across units: 川渝通办 items of 蓬溪县 and of the city.
	var chuanyu []report.Figure
	n := 0
	for r := range b.Figures() {
		n++
		if r.Figure.Indicator == "川渝通办事项数" {
			chuanyu = append(chuanyu, r.Figure)
		}
	}
	if n != 49 {
		t.Errorf("the April bulletin has %d figures, want 49", n)
	}
	sum, err := report.Sum(chuanyu...)
	if err != nil || sum.String() != "420项" || sum.Indicator != "川渝通办事项数" {
		t.Errorf("sum of 川渝通办 = %v (%v), want 420项", sum, err)
	}
	if c, err := chuanyu[0].Compare(chuanyu[1]); err != nil || c != 0 {
		t.Errorf("蓬溪县 and city 川渝通办 compare %d, %v; want equal", c, err)
	}
}

func TestSum(t *testing.T) {
	fig := func(kind report.FigureKind, v string, unit report.FigureUnit, approx report.Approx) report.Figure {
		return report.Figure{Kind: kind, Value: report.MustParseDecimal(v), Unit: unit, Approx: approx}
	}
	for _, tc := range []struct {
		name    string
		figs    []report.Figure
		want    string
		wantErr bool
	}{
		{"exact counts", []report.Figure{fig(report.MatterCount, "69", report.Item, 0), fig(report.MatterCount, "250", report.Item, 0)}, "319项", false},
		{"a lower bound makes a lower bound", []report.Figure{fig(report.MatterCount, "8000", report.Item, report.Over), fig(report.MatterCount, "1435", report.Item, 0)}, "9435余项", false},
		{"an estimate makes an estimate", []report.Figure{fig(report.PeopleCount, "200", report.Headcount, report.About), fig(report.PeopleCount, "180", report.Headcount, report.Over)}, "约380名", false},
		{"different count kinds sum as counts", []report.Figure{fig(report.MatterCount, "1", report.Item, 0), fig(report.Count, "2", report.Item, 0)}, "3项", false},
		{"mixed units", []report.Figure{fig(report.Count, "1", report.Each, 0), fig(report.Count, "2", report.Batch, 0)}, "", true},
		{"percentages do not add", []report.Figure{fig(report.Percentage, "1", report.Percent, 0), fig(report.Percentage, "2", report.Percent, 0)}, "", true},
		{"nothing", nil, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := report.Sum(tc.figs...)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %v", err, tc.wantErr)
			}
			if err == nil && got.String() != tc.want {
				t.Errorf("sum = %s, want %s", got, tc.want)
			}
		})
	}
}

// Text from the document cannot forge lines or drive a terminal in text
// output, nor put markup in Markdown.
func TestRenderEscapesData(t *testing.T) {
	data := schematest.ReadFile(t, aprilFile)
	evil := "船山区行政审批局\\n三、forged section\\u001b[2J<script>alert(1)</script>"
	doc := strings.Replace(string(data), "headline: 船山区行政审批局创新打造", "headline: \""+evil+"\"\n    x-was: ", 1)
	var probs schema.List
	b, _ := report.Parse("evil.yaml", []byte(doc), nil, schema.Collect(&probs))
	if b == nil || probs.HasErrors() {
		t.Fatalf("does not load: %v", lines(probs))
	}
	text := render(t, b, report.Text, nil)
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "三、forged") || strings.Contains(l, "\x1b") {
			t.Errorf("text line %q carries the data unescaped", l)
		}
	}
	if !strings.Contains(text, `\n三、forged section\x1b[2J`) {
		t.Errorf("the headline is not in the text, escaped:\n%.600s", text)
	}
	md := render(t, b, report.Markdown, nil)
	if !strings.Contains(md, "&lt;script&gt;") {
		t.Errorf("the headline is not in the markdown, escaped:\n%.600s", md)
	}
	if strings.Contains(md, "<script>") || strings.Contains(md, "\x1b") || strings.Contains(md, "\n三、forged") {
		t.Errorf("markdown carries the data unescaped:\n%.600s", md)
	}
}
