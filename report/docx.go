package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// The page of GB/T 9704-2012 (党政机关公文格式), in twentieths of a point
// (twips; 1 mm = 56.7 twips): A4, a type area of 156 × 225 mm with
// margins of 37 mm (top), 35 mm (bottom), 28 mm (left) and 26 mm (right);
// 22 lines of 28 characters of 3号 (16 pt) type a page.
const (
	a4Width      = 11906 // 210 mm
	a4Height     = 16838 // 297 mm
	marginTop    = 2098  // 37 mm
	marginBottom = 1984  // 35 mm
	marginLeft   = 1587  // 28 mm
	marginRight  = 1474  // 26 mm
	// linePitch is the type area's height over 22 lines: 12,756 / 22.
	linePitch = 579
	// letterSpacing narrows 3号 type by a quarter point a character, in
	// twips, so that 28 characters (28 × 15.75 pt = 441 pt) fill the
	// 156 mm (442.2 pt) line. A character grid (docGrid linesAndChars)
	// would say the same, but LibreOffice lays it out differently from
	// Word; spacing reads the same in both.
	letterSpacing = -5
	// footerDistance puts the page number 7 mm below the type area.
	footerDistance = 1304

	size3        = 32 // 3号, 16 pt, in half points
	size2        = 44 // 2号, 22 pt
	size4        = 28 // 4号, 14 pt
	sizeSmall4   = 24 // 小四, 12 pt, for tables
	sizeMasthead = 72 // the masthead's red title, 36 pt

	fontBody    = "仿宋_GB2312"
	fontTitle   = "方正小标宋简体"
	fontHeading = "黑体"
	fontSub     = "楷体_GB2312"
	fontPage    = "宋体"
	fontLatin   = "Times New Roman"
)

// docx writes the bulletin as a Word document (WordprocessingML, the
// .docx of ISO/IEC 29500) in the layout of GB/T 9704-2012: the masthead
// (版头) in red with the issuer and the month above a red rule, the title
// in 2号 小标宋, the body in 3号 仿宋_GB2312 on a grid of 22 lines of 28
// characters, first-level headings (一、) in 黑体 and second-level ones
// ((一)) in 楷体, page numbers in 4号 宋体 between dashes (— 1 —), on the
// right of odd pages and the left of even ones. The package holds the
// minimal parts: content types, relationships, document, styles,
// settings, two footers and the core properties.
func (v *view) docx(w io.Writer) error {
	var doc bytes.Buffer
	d := &docxWriter{b: &doc}
	d.masthead(v)
	d.para(styleTitle, v.title())
	for i, s := range v.sections {
		d.para(styleHeading1, chineseNumber(i+1)+"、"+s.title)
		for _, p := range s.paras {
			d.para(styleBody, p)
		}
		for j, sub := range s.subs {
			d.para(styleHeading2, "("+chineseNumber(j+1)+")"+sub.title)
			for _, p := range sub.paras {
				d.para(styleBody, p)
			}
		}
	}
	for i, a := range v.b.Attachments {
		if i == 0 {
			d.para(styleBody, "") // GB/T 9704: a blank line before 附件
			d.para(styleAttachment, "附件:"+"1."+a.Title)
			continue
		}
		d.para(styleAttachmentMore, fmt.Sprintf("%d.%s", i+1, a.Title))
	}
	// Attachments with a table follow, each on a page of its own: 附件N
	// at the top left, its title, the table.
	for i, a := range v.b.Attachments {
		if a.Table == nil {
			continue
		}
		fmt.Fprintf(d.b, `<w:p><w:pPr><w:pStyle w:val="%s"/><w:pageBreakBefore/></w:pPr>`, styleAttachmentHead)
		d.run(fmt.Sprintf("附件%d", i+1), "")
		d.b.WriteString("</w:p>")
		d.para(styleTitle, a.Title)
		d.table(a.Table)
	}
	// 版记: the distribution (报, 送, 发) between rules at the end.
	if m := v.b.Masthead; m != nil {
		for _, l := range m.distributionLines() {
			d.para(styleDistribution, l)
		}
	}

	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"docProps/core.xml", coreProps(v.title(), v.b.Issuer)},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/document.xml", documentXML(doc.String())},
		{"word/styles.xml", stylesXML},
		{"word/settings.xml", settingsXML},
		{"word/footer1.xml", footerXML("right")},
		{"word/footer2.xml", footerXML("left")},
	}
	z := zip.NewWriter(w)
	for _, p := range parts {
		// A fixed time keeps the file the same from run to run.
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return fmt.Errorf("report: %w", err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// Paragraph styles of styles.xml.
const (
	styleBody           = "Body"
	styleHeading1       = "Heading1"
	styleHeading2       = "Heading2"
	styleMasthead       = "Masthead"
	styleMastheadLine   = "MastheadLine"
	styleTitle          = "Title"
	styleAttachment     = "Attachment"
	styleAttachmentMore = "AttachmentMore"
	styleAttachmentHead = "AttachmentHead"
	styleNumber         = "Number"
	styleTableCell      = "TableCell"
	styleDistribution   = "Distribution"
)

type docxWriter struct{ b *bytes.Buffer }

// para writes a paragraph of style with text.
func (d *docxWriter) para(style, text string) {
	fmt.Fprintf(d.b, `<w:p><w:pPr><w:pStyle w:val="%s"/></w:pPr>`, style)
	if text != "" {
		d.run(text, "")
	}
	d.b.WriteString("</w:p>")
}

// run writes a run of text with optional run properties.
func (d *docxWriter) run(text, rPr string) {
	d.b.WriteString("<w:r>")
	if rPr != "" {
		d.b.WriteString("<w:rPr>" + rPr + "</w:rPr>")
	}
	d.b.WriteString(`<w:t xml:space="preserve">`)
	xml.EscapeText(d.b, []byte(text))
	d.b.WriteString("</w:t></w:r>")
}

// masthead writes the 版头 of a bulletin: the red name of the bulletin, its
// number (期号) when the masthead gives one, then the issuer on the left
// and the date (or the month) on the right above a red rule.
func (d *docxWriter) masthead(v *view) {
	b := v.b
	title, number := b.Title, ""
	issuer, date := b.Issuer, b.Period.Chinese()
	if m := b.Masthead; m != nil {
		title = firstOf(m.Title, b.Title)
		number = m.issueLine()
		issuer = firstOf(m.Issuer, b.Issuer)
		if !m.Date.IsZero() {
			date = fmt.Sprintf("%d年%d月%d日", m.Date.Year(), int(m.Date.Month()), m.Date.Day())
		}
	}
	if title == "" {
		title = "工作简报"
	}
	d.para(styleMasthead, title)
	if number != "" {
		d.para(styleNumber, number)
	}
	fmt.Fprintf(d.b, `<w:p><w:pPr><w:pStyle w:val="%s"/></w:pPr>`, styleMastheadLine)
	d.run(issuer, "")
	d.b.WriteString(`<w:r><w:tab/></w:r>`)
	d.run(date, "")
	d.b.WriteString("</w:p>")
}

// table writes a table with ruled cells in 小四 (12 pt), its header row
// repeated on each page.
func (d *docxWriter) table(t *Table) {
	d.b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(d.b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
	}
	d.b.WriteString(`</w:tblBorders></w:tblPr>`)
	row := func(cells []string, header bool) {
		d.b.WriteString("<w:tr>")
		if header {
			d.b.WriteString("<w:trPr><w:tblHeader/></w:trPr>")
		}
		for i := range t.Columns {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			jc := "left"
			if header {
				jc = "center"
			} else if t.numeric(i) {
				jc = "right"
			}
			fmt.Fprintf(d.b, `<w:tc><w:p><w:pPr><w:pStyle w:val="%s"/><w:jc w:val="%s"/></w:pPr>`, styleTableCell, jc)
			if c != "" {
				d.run(c, "")
			}
			d.b.WriteString("</w:p></w:tc>")
		}
		d.b.WriteString("</w:tr>")
	}
	row(t.Columns, true)
	for _, r := range t.Rows {
		row(r, false)
	}
	d.b.WriteString("</w:tbl>")
}

func documentXML(body string) string {
	return xml.Header + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>` + body +
		`<w:sectPr>` +
		`<w:footerReference w:type="default" r:id="rIdFooterOdd"/>` +
		`<w:footerReference w:type="even" r:id="rIdFooterEven"/>` +
		fmt.Sprintf(`<w:pgSz w:w="%d" w:h="%d"/>`, a4Width, a4Height) +
		fmt.Sprintf(`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/>`,
			marginTop, marginRight, marginBottom, marginLeft, footerDistance) +
		fmt.Sprintf(`<w:docGrid w:type="lines" w:linePitch="%d"/>`, linePitch) +
		`</w:sectPr></w:body></w:document>`
}

const (
	nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

const contentTypes = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const packageRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const documentRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`<Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>` +
	`</Relationships>`

// settingsXML turns on distinct footers for even pages, where the page
// number sits on the left.
const settingsXML = xml.Header + `<w:settings xmlns:w="` + nsW + `"><w:evenAndOddHeaders/>` +
	`<w:defaultTabStop w:val="640"/><w:characterSpacingControl w:val="compressPunctuation"/></w:settings>`

func coreProps(title, creator string) string {
	var b strings.Builder
	b.WriteString(xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">`)
	b.WriteString("<dc:title>")
	xml.EscapeText(&b, []byte(title))
	b.WriteString("</dc:title><dc:creator>")
	xml.EscapeText(&b, []byte(creator))
	b.WriteString("</dc:creator><dc:language>zh-CN</dc:language></cp:coreProperties>")
	return b.String()
}

// fonts returns run fonts: east-Asian text in east, Latin text and digits
// in Times New Roman, as official documents set them.
func fonts(east string) string {
	return fmt.Sprintf(`<w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s"/>`, fontLatin, fontLatin, east, fontLatin)
}

// footerXML is a footer with the page number in 4号 宋体 between dashes,
// one character in from the side it sits on.
func footerXML(side string) string {
	rPr := fmt.Sprintf(`<w:rPr><w:rFonts w:ascii="%[1]s" w:hAnsi="%[1]s" w:eastAsia="%[1]s"/><w:sz w:val="%[2]d"/><w:szCs w:val="%[2]d"/></w:rPr>`, fontPage, size4)
	indent := `<w:ind w:right="280"/>`
	if side == "left" {
		indent = `<w:ind w:left="280"/>`
	}
	return xml.Header + `<w:ftr xmlns:w="` + nsW + `"><w:p><w:pPr><w:jc w:val="` + side + `"/>` + indent + `</w:pPr>` +
		`<w:r>` + rPr + `<w:t xml:space="preserve">— </w:t></w:r>` +
		`<w:r>` + rPr + `<w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r>` + rPr + `<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r>` + rPr + `<w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r>` + rPr + `<w:t>1</w:t></w:r>` +
		`<w:r>` + rPr + `<w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r>` + rPr + `<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`
}

// stylesXML: the body default is 3号 仿宋_GB2312, justified, exactly one
// grid line high, indented two characters on the first line.
var stylesXML = xml.Header + `<w:styles xmlns:w="` + nsW + `">` +
	`<w:docDefaults><w:rPrDefault><w:rPr>` + fonts(fontBody) +
	fmt.Sprintf(`<w:spacing w:val="%[2]d"/><w:sz w:val="%[1]d"/><w:szCs w:val="%[1]d"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>`, size3, letterSpacing) +
	`</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>` +
	fmt.Sprintf(`<w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/><w:jc w:val="both"/>`, linePitch) +
	`</w:pPr></w:pPrDefault></w:docDefaults>` +
	style(styleBody, "正文", `<w:ind w:firstLineChars="200" w:firstLine="640"/>`, "") +
	style(styleHeading1, "一级标题", `<w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="0"/>`, fonts(fontHeading)) +
	style(styleHeading2, "二级标题", `<w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="1"/>`, fonts(fontSub)) +
	style(styleTitle, "标题", `<w:jc w:val="center"/>`, fonts(fontTitle)+fmt.Sprintf(`<w:sz w:val="%[1]d"/><w:szCs w:val="%[1]d"/>`, size2)) +
	style(styleMasthead, "版头", `<w:jc w:val="center"/><w:spacing w:before="0" w:after="240" w:line="1200" w:lineRule="exact"/>`,
		fonts(fontTitle)+`<w:color w:val="FF0000"/><w:spacing w:val="20"/>`+fmt.Sprintf(`<w:sz w:val="%[1]d"/><w:szCs w:val="%[1]d"/>`, sizeMasthead)) +
	style(styleMastheadLine, "版头发文单位与日期",
		`<w:pBdr><w:bottom w:val="single" w:sz="24" w:space="4" w:color="FF0000"/></w:pBdr>`+
			fmt.Sprintf(`<w:tabs><w:tab w:val="right" w:pos="%d"/></w:tabs><w:spacing w:after="%d"/><w:ind w:left="320" w:right="320"/>`, a4Width-marginLeft-marginRight-640, linePitch), "") +
	style(styleAttachment, "附件说明", `<w:ind w:left="1600" w:hanging="1600"/>`, "") +
	style(styleAttachmentMore, "附件说明续", `<w:ind w:left="1600"/>`, "") +
	style(styleAttachmentHead, "附件标识", `<w:jc w:val="left"/>`, fonts(fontHeading)) +
	style(styleNumber, "期号", `<w:jc w:val="center"/>`, "") +
	style(styleTableCell, "表格", `<w:spacing w:line="360" w:lineRule="exact"/>`, fmt.Sprintf(`<w:sz w:val="%[1]d"/><w:szCs w:val="%[1]d"/><w:spacing w:val="0"/>`, sizeSmall4)) +
	style(styleDistribution, "版记", `<w:pBdr><w:top w:val="single" w:sz="4" w:space="1" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="1" w:color="000000"/></w:pBdr><w:ind w:left="280" w:right="280"/><w:jc w:val="left"/>`,
		fmt.Sprintf(`<w:sz w:val="%[1]d"/><w:szCs w:val="%[1]d"/>`, size4)) +
	`</w:styles>`

func style(id, name, pPr, rPr string) string {
	s := `<w:style w:type="paragraph" w:customStyle="1" w:styleId="` + id + `"><w:name w:val="` + name + `"/><w:qFormat/>`
	if pPr != "" {
		s += "<w:pPr>" + pPr + "</w:pPr>"
	}
	if rPr != "" {
		s += "<w:rPr>" + rPr + "</w:rPr>"
	}
	return s + "</w:style>"
}
