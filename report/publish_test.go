package report_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"html"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/zwfw/zwfw/reform"
	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

// docxPart returns the named part of a .docx package.
func docxParts(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip package: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
	}
	return parts
}

// wordElem is a WordprocessingML element as read back: its name, its
// attributes by local name, and for a paragraph its style and text.
type wordElem struct {
	name  string
	attrs map[string]string
}

// readWord reads a WordprocessingML part back: the text of each paragraph
// with its style, and every element, so tests can look at what a word
// processor reads.
func readWord(t *testing.T, part []byte) (paras []string, styles []string, elems []wordElem) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(part))
	var text strings.Builder
	style, inText := "", false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := wordElem{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			elems = append(elems, e)
			switch tok.Name.Local {
			case "p":
				text.Reset()
				style = ""
			case "pStyle":
				style = e.attrs["val"]
			case "t":
				inText = true
			case "tab":
				text.WriteString("\t")
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "t":
				inText = false
			case "p":
				paras = append(paras, text.String())
				styles = append(styles, style)
			}
		case xml.CharData:
			if inText {
				text.Write(tok)
			}
		}
	}
	return paras, styles, elems
}

func find(elems []wordElem, name string) []wordElem {
	var out []wordElem
	for _, e := range elems {
		if e.name == name {
			out = append(out, e)
		}
	}
	return out
}

// containsInOrder reports the first of want that is not found, in order,
// among got; "" when all are.
func containsInOrder(got, want []string) string {
	i := 0
	for _, w := range want {
		for i < len(got) && got[i] != w {
			i++
		}
		if i == len(got) {
			return w
		}
		i++
	}
	return ""
}

// seedLines returns the lines of the seed document, or of the text
// rendering when the seed is not there (the text rendering equals the
// seed, which TestSeed checks where it can).
func seedLines(t *testing.T, b *report.Bulletin) []string {
	t.Helper()
	text, err := os.ReadFile(seedFile)
	if err != nil {
		t.Logf("%s is absent: checking against the text rendering instead", seedFile)
		text = []byte(render(t, b, report.Text, nil))
	}
	return strings.Split(strings.TrimSpace(string(text)), "\n")
}

// TestDOCX reads the Word document back: its parts, the page of GB/T
// 9704-2012, the fonts and sizes of the styles, the page numbers, and
// every line of the seed as a paragraph, in order.
func TestDOCX(t *testing.T) {
	b := april(t)
	parts := docxParts(t, []byte(render(t, b, report.DOCX, nil)))
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
		"word/styles.xml", "word/settings.xml", "word/footer1.xml", "word/footer2.xml", "docProps/core.xml"} {
		if parts[name] == nil {
			t.Errorf("package lacks %s", name)
		}
	}
	for name, part := range parts {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			readWord(t, part) // every part is well-formed
		}
	}
	paras, styles, elems := readWord(t, parts["word/document.xml"])

	t.Run("text", func(t *testing.T) {
		if missing := containsInOrder(paras, seedLines(t, b)); missing != "" {
			t.Errorf("no paragraph, in order, reads %q", missing)
		}
		if paras[0] != "工作简报" || paras[1] != "遂宁市政务服务和大数据局\t2021年4月" || paras[2] != "工作简报(2021年4月)" {
			t.Errorf("masthead and title %q", paras[:3])
		}
	})
	t.Run("styles of headings", func(t *testing.T) {
		for i, p := range paras {
			want := ""
			switch {
			case regexp.MustCompile(`^[一二三四五六七八九十]+、`).MatchString(p):
				want = "Heading1"
			case regexp.MustCompile(`^\([一二三四五六七八九十]+\)`).MatchString(p):
				want = "Heading2"
			}
			if want != "" && styles[i] != want {
				t.Errorf("%q has style %q, want %s", p, styles[i], want)
			}
		}
	})
	t.Run("page", func(t *testing.T) {
		sz := find(elems, "pgSz")
		mar := find(elems, "pgMar")
		grid := find(elems, "docGrid")
		if len(sz) != 1 || len(mar) != 1 || len(grid) != 1 {
			t.Fatalf("%d pgSz, %d pgMar, %d docGrid", len(sz), len(mar), len(grid))
		}
		mm := func(s string) float64 {
			var n float64
			for _, c := range s {
				n = n*10 + float64(c-'0')
			}
			return n / 56.6929
		}
		check := func(what, v string, want float64) {
			if got := mm(v); got < want-0.1 || got > want+0.1 {
				t.Errorf("%s is %.2f mm, want %.0f", what, got, want)
			}
		}
		check("page width", sz[0].attrs["w"], 210)
		check("page height", sz[0].attrs["h"], 297)
		check("top margin", mar[0].attrs["top"], 37)
		check("bottom margin", mar[0].attrs["bottom"], 35)
		check("left margin", mar[0].attrs["left"], 28)
		check("right margin", mar[0].attrs["right"], 26)
		if lines := 12756 / mm2twips(grid[0].attrs["linePitch"]); lines != 22 {
			t.Errorf("%d lines a page, want 22", lines)
		}
	})
	t.Run("fonts", func(t *testing.T) {
		styleText := string(parts["word/styles.xml"])
		for _, want := range []string{
			`w:eastAsia="仿宋_GB2312"`, `<w:sz w:val="32"/>`, // body: 3号 仿宋_GB2312
			`w:styleId="Title"`, `w:eastAsia="方正小标宋简体"`, `<w:sz w:val="44"/>`, // title: 2号 小标宋
			`w:eastAsia="黑体"`, `w:eastAsia="楷体_GB2312"`, // headings
		} {
			if !strings.Contains(styleText, want) {
				t.Errorf("styles.xml lacks %s", want)
			}
		}
	})
	t.Run("page numbers", func(t *testing.T) {
		for name, side := range map[string]string{"word/footer1.xml": "right", "word/footer2.xml": "left"} {
			paras, _, elems := readWord(t, parts[name])
			if len(paras) != 1 || paras[0] != "— 1 —" {
				t.Errorf("%s reads %q, want — 1 —", name, paras)
			}
			if jc := find(elems, "jc"); len(jc) != 1 || jc[0].attrs["val"] != side {
				t.Errorf("%s is not on the %s", name, side)
			}
			if !bytes.Contains(parts[name], []byte(`<w:instrText xml:space="preserve"> PAGE </w:instrText>`)) ||
				!bytes.Contains(parts[name], []byte(`w:eastAsia="宋体"/><w:sz w:val="28"/>`)) {
				t.Errorf("%s: no PAGE field in 4号 宋体", name)
			}
		}
		if !bytes.Contains(parts["word/settings.xml"], []byte("<w:evenAndOddHeaders/>")) {
			t.Error("even pages share the odd pages' footer")
		}
	})
}

func mm2twips(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

var (
	tagRE   = regexp.MustCompile(`(?s)<style.*?</style>|<svg.*?</svg>|<[^>]+>`)
	spaceRE = regexp.MustCompile(`\s*\n\s*`)
)

// htmlText returns the text of an HTML page as lines, charts left out.
func htmlText(page string) []string {
	text := html.UnescapeString(tagRE.ReplaceAllString(page, "\n"))
	return strings.Split(strings.TrimSpace(spaceRE.ReplaceAllString(text, "\n")), "\n")
}

// TestHTML checks the page: every line of the seed in order, charts drawn
// as SVG, and nothing fetched from elsewhere or run.
func TestHTML(t *testing.T) {
	b := april(t)
	page := render(t, b, report.HTML, nil)
	lines := htmlText(page)
	seed := seedLines(t, b)
	// The page writes 附件 as a paragraph per attachment, without the
	// line break the seed has inside the first.
	if missing := containsInOrder(lines, seed); missing != "" {
		t.Errorf("no line of the page, in order, reads %q", missing)
	}
	for _, bad := range []string{"<script", "src=", "href=", "url(", "@import", "https:"} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds %q: it must stand alone", bad)
		}
	}
	if n := strings.Count(page, "<svg "); n != 3 {
		t.Errorf("%d charts, want visits, leave and efficiency", n)
	}
	for _, label := range []string{"窗口业务事假", "199人次", "32307件", "21514件", "办结率66.59%"} {
		if !strings.Contains(page, label) {
			t.Errorf("the charts do not show %s", label)
		}
	}
}

func history(t *testing.T) []*report.Bulletin {
	t.Helper()
	var out []*report.Bulletin
	for _, f := range []string{"testdata/trend-2021-03.yaml", "testdata/trend-2020-04.yaml"} {
		var probs schema.List
		b, _ := report.LoadFile(f, nil, schema.Collect(&probs))
		if len(probs) > 0 {
			t.Fatalf("%s:\n%s", f, lines(probs))
		}
		out = append(out, b)
	}
	return out
}

// TestTrends follows figures across three months and computes their
// changes exactly.
func TestTrends(t *testing.T) {
	b := april(t)
	series := report.Trends(append(history(t), b)...)
	byKey := map[string]*report.Series{}
	for i := range series {
		byKey[series[i].Key] = &series[i]
	}
	apr, mar, lastYear := b.Period, b.Period.Prev(), b.Period.YearBefore()
	for _, tc := range []struct {
		key        string
		from       report.Period
		diff, rel  string
		points     int
		noRelative bool
	}{
		{"efficiency.accepted", mar, "2307", "7.69", 3, false},
		{"efficiency.accepted", lastYear, "7307", "29.23", 3, false},
		{"efficiency.rate", mar, "-0.08", "", 3, true}, // 66.59% against 66.67%: percentage points
		{"leave.kind/病假", mar, "-6", "-37.50", 3, false},
		{"clock.late", mar, "-3", "-60.00", 3, false},
		{"indicator/蓬溪县/承诺提速率", mar, "1.14", "", 3, true},
		{"indicator/蓬溪县/承诺提速率", lastYear, "4.64", "", 3, true},
	} {
		t.Run(tc.key+"/"+tc.from.String(), func(t *testing.T) {
			s := byKey[tc.key]
			if s == nil {
				t.Fatalf("no series %s", tc.key)
			}
			if len(s.Points) != tc.points {
				t.Errorf("%d points, want %d", len(s.Points), tc.points)
			}
			c, ok := s.Change(tc.from, apr)
			if !ok {
				t.Fatalf("no change from %s", tc.from)
			}
			if c.Diff.String() != tc.diff {
				t.Errorf("difference %s, want %s", c.Diff, tc.diff)
			}
			switch {
			case tc.noRelative && c.Rel != nil:
				t.Errorf("relative change %s of a percentage", c.Rel)
			case !tc.noRelative && (c.Rel == nil || c.Rel.String() != tc.rel):
				t.Errorf("relative change %v, want %s", c.Rel, tc.rel)
			}
		})
	}
	if _, ok := byKey["efficiency.accepted"].Change(report.Period{Year: 2019, Month: 4}, apr); ok {
		t.Error("a change from a month no bulletin reports")
	}
}

// TestMonthOverMonth renders the April bulletin with March 2021 and April
// 2020 beside it: Markdown and HTML show the changes.
func TestMonthOverMonth(t *testing.T) {
	b := april(t)
	opts := &report.RenderOptions{History: history(t), Targets: []reform.Target{{Indicator: reform.PromiseSpeedup, AtLeast: 9800}}}
	md := render(t, b, report.Markdown, opts)
	golden(t, "bulletin-2021-04-trend.md", md)
	for _, want := range []string{
		"## 月度对比",
		"| 受理件数 | 32307件 | 30000件 | +2307件 (+7.69%) | 25000件 | +7307件 (+29.23%) | 25000 → 30000 → 32307 |",
		"| 蓬溪县 承诺提速率 | 99.64% | 98.50% | +1.14个百分点 | 95.00% | +4.64个百分点 | 95.00 → 98.50 → 99.64 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	page := render(t, b, report.HTML, opts)
	if !strings.Contains(page, "月度对比") || !strings.Contains(page, "目标98.00%") {
		t.Error("html lacks the month-over-month part or the target line")
	}
	// Charts for the figures that moved (accepted, completed, rate, total
	// leave, 窗口业务事假, 病假, late, missed, 承诺提速率 which also has a
	// target).
	if n := strings.Count(page, "<polyline "); n != 9 {
		t.Errorf("%d trend charts, want 9", n)
	}
	if plain := render(t, b, report.Markdown, nil); strings.Contains(plain, "月度对比") {
		t.Error("a month-over-month part without other months")
	}
}

// tool returns the path of a program, or skips the test.
func tool(t *testing.T, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	t.Skipf("%s not installed (Debian: see .ci/run); skipping", names[0])
	return ""
}

// checkPNG decodes a screenshot and reports how much of it is not white.
func inkShare(t *testing.T, path string) float64 {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	r := img.Bounds()
	ink, all := 0, 0
	for y := r.Min.Y; y < r.Max.Y; y += 2 {
		for x := r.Min.X; x < r.Max.X; x += 2 {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			all++
			if cr < 0xc000 || cg < 0xc000 || cb < 0xc000 {
				ink++
			}
		}
	}
	return float64(ink) / float64(all)
}

// pdfText returns the text of a PDF by pdftotext.
func pdfText(t *testing.T, pdf string) string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext"), "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// TestDOCXInLibreOffice opens the Word document in LibreOffice, as a
// reader would, converts it to PDF and renders the first page: the PDF is
// A4 and holds the headings, the first page has ink on it. With -update
// the first two pages are kept in testdata as PNG to look at.
func TestDOCXInLibreOffice(t *testing.T) {
	soffice := tool(t, "soffice", "libreoffice")
	pdftoppm := tool(t, "pdftoppm")
	dir := t.TempDir()
	docx := filepath.Join(dir, "bulletin.docx")
	if err := os.WriteFile(docx, []byte(render(t, april(t), report.DOCX, nil)), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, docx)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "bulletin.pdf")
	text := pdfText(t, pdf)
	for _, want := range []string{"工作简报", "一、工作动态", "五、效能监察"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF LibreOffice made lacks %q", want)
		}
	}
	// Page numbers between dashes, odd ones on the right, even ones on
	// the left (pdftotext -layout keeps the indentation).
	for _, n := range []string{"1", "2"} {
		m := regexp.MustCompile(`(?m)^( *)— ?` + n + ` ?—\s*$`).FindStringSubmatch(text)
		switch {
		case m == nil:
			t.Errorf("no page number — %s —", n)
		case n == "1" && len(m[1]) < 20, n == "2" && len(m[1]) > 5:
			t.Errorf("page number %s indented %d columns", n, len(m[1]))
		}
	}
	if out, err := exec.Command(pdftoppm, "-r", "50", "-png", "-f", "1", "-l", "2", pdf, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(pages) != 2 {
		t.Fatalf("%d pages rendered", len(pages))
	}
	for i, p := range pages {
		if ink := inkShare(t, p); ink < 0.02 {
			t.Errorf("page %d is blank (%.1f%% ink)", i+1, ink*100)
		}
		if schematest.Updating() {
			copyFile(t, p, filepath.Join("testdata", "bulletin-2021-04-docx-page"+string(rune('1'+i))+".png"))
		}
	}
}

// TestHTMLInChromium loads the page in headless Chromium and takes a
// screenshot of it, and prints it to PDF: the PDF holds the headings and
// the charts' labels, the screenshot has ink. With -update the
// screenshot is kept in testdata.
func TestHTMLInChromium(t *testing.T) {
	chromium := tool(t, "chromium", "chromium-browser", "google-chrome")
	dir := t.TempDir()
	page := filepath.Join(dir, "bulletin.html")
	opts := &report.RenderOptions{History: history(t), Targets: []reform.Target{{Indicator: reform.PromiseSpeedup, AtLeast: 9800}}}
	if err := os.WriteFile(page, []byte(render(t, april(t), report.HTML, opts)), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) {
		t.Helper()
		base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--user-data-dir=" + filepath.Join(dir, "profile"), "--hide-scrollbars"}
		cmd := exec.Command(chromium, append(append(base, args...), "file://"+page)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("chromium %s: %v\n%s", args, err, out)
		}
	}
	shot := filepath.Join(dir, "shot.png")
	run("--window-size=800,1400", "--screenshot="+shot)
	if ink := inkShare(t, shot); ink < 0.02 {
		t.Errorf("the screenshot is blank (%.1f%% ink)", ink*100)
	}
	pdf := filepath.Join(dir, "bulletin.pdf")
	run("--no-pdf-header-footer", "--print-to-pdf="+pdf)
	text := pdfText(t, pdf)
	for _, want := range []string{"工作简报", "一、工作动态", "五、效能监察", "窗口业务事假", "月度对比"} {
		if !strings.Contains(text, want) {
			t.Errorf("the page Chromium printed lacks %q", want)
		}
	}
	if schematest.Updating() {
		copyFile(t, shot, filepath.Join("testdata", "bulletin-2021-04-html.png"))
		// And the printed pages with charts: 效能监察's, and the first of
		// the month-over-month part.
		pdftoppm := tool(t, "pdftoppm")
		pages := strings.Split(text, "\f")
		kept := 0
		for i, pg := range pages {
			if !strings.Contains(pg, "受理与办结件数") && !strings.Contains(pg, "月度对比") {
				continue
			}
			n := strconv.Itoa(i + 1)
			out := filepath.Join(dir, "print"+n)
			if o, err := exec.Command(pdftoppm, "-r", "60", "-png", "-singlefile", "-f", n, "-l", n, pdf, out).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v\n%s", err, o)
			}
			kept++
			copyFile(t, out+".png", filepath.Join("testdata", "bulletin-2021-04-html-print"+strconv.Itoa(kept)+".png"))
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b := schematest.ReadFile(t, from)
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestHTMLDepartments draws cases by department when the platform's
// statistics table (附件1) is attached with 受理 and 办结 columns; its
// total row is left out of the chart.
func TestHTMLDepartments(t *testing.T) {
	b := april(t)
	b.Attachments[0].Table = &report.Table{
		Columns: []string{"部门", "受理件数", "办结件数", "办结率"},
		Rows:    [][]string{{"市市场监管局", "120", "100", "83.33%"}, {"市公安局", "80", "80", "100%"}, {"合计", "200", "180", "90%"}},
	}
	page := render(t, b, report.HTML, nil)
	charts := regexp.MustCompile(`(?s)<svg .*?</svg>`).FindAllString(page, -1)
	if len(charts) != 4 {
		t.Fatalf("%d charts, want 4", len(charts))
	}
	var dept string
	for _, c := range charts {
		if strings.Contains(c, "各部门受理与办结件数") {
			dept = c
		}
	}
	for _, want := range []string{"市市场监管局 受理", "120件", "市市场监管局 办结", "100件", "市公安局 办结", "80件"} {
		if !strings.Contains(dept, want) {
			t.Errorf("the department chart lacks %q", want)
		}
	}
	if strings.Contains(dept, "合计") {
		t.Error("the department chart draws the total")
	}
}
