// Package report holds the monthly work bulletin (工作简报) of a
// government-service bureau as typed data: its model, the consistency
// checks a bulletin must pass, its renderings (the bulletin's own plain-text
// layout, Markdown, a JSON view), and the comparison of the figures it
// reports with figures computed from catalogues.
//
// The model follows the April 2021 bulletin of Suining (遂宁市), which the
// module ships as data (examples/data/bulletin-2021-04.yaml) and which
// [Bulletin.Render] reproduces character for character.
//
// # The bulletin
//
// A [Bulletin] has a [Period] and an issuer, and the sections of the seed
// (in the order and wording of its layout; see "A bureau's bulletin"):
//
//   - 一、工作动态: [Update]s, one per unit and story. An update names its unit
//     as package county knows it (船山区, 蓬溪县, 河东新区, 射洪市, 遂宁市), the
//     office that acts, and the reform mode it reports on ("3+2", 七办,
//     以“减”促“简”, 三抓三促). Its headline, lead and numbered points
//     ([Measure], written 一是…二是…) are texts; a point may name the measure
//     of the mode it reports (一窗办, 马上办 …).
//   - 二、部门调研: [Visits] by department officials, with their counts.
//   - 三、信息报送情况: [Submission]s per department.
//   - 四、考勤考核: [Leave] by kind with its total, and the [Clock] counts of late
//     arrivals and missed clock-ins with their source and attachment.
//   - 五、效能监察: [Efficiency], cases accepted and completed on the integrated
//     platform, with the source.
//   - [Attachment]s, numbered in order.
//
// # A bureau's bulletin
//
// A bulletin may carry a [Masthead] (title, 期号 within the year and
// running, issuing body, date, and the distribution lines 报, 送, 发),
// printed at its head and foot in every format. Its [Layout] is the
// bureau's template: the sections in order, their titles, and the
// wording of the sentences in which the fixed sections state their
// counts, as templates ({period},市直有关部门领导到{place}调研共{total}人次。).
// Without one, [DefaultLayout] applies: Suining's five sections, worded
// as the seed, from layout.yaml in this package. Sections of the
// bulletin's own ([Section]: 下步工作, 问题和建议) go where the layout
// names their keys, else after the layout's; a fixed section with content
// that the layout leaves out follows too, and a top-level x- member
// shaped as a section ({title, paragraphs}) is rendered last: nothing is
// dropped. An [Update] is about a unit, a department (市医保局), or both.
// Attachments may carry a [Table] (the attendance detail of package
// report/attendance).
//
// Units and modes are checked against data, not code: the divisions
// document (package county) and the modes document (package reform) the
// bulletin names in its divisions and modes members, read by [LoadFile]
// and [LoadFS] relative to it, or given as [Options.Units] and
// [Options.Modes]; Suining's embedded ones otherwise.
//
// # Texts and figures
//
// Every number in a text is a typed [Figure], not characters in a sentence.
// A text is a template whose placeholders name figures:
//
//	text: 共下放乡镇(街道)事项{delegated},促进政务服务事项向基层有效延伸。
//	figures:
//	  delegated: {kind: 事项数, value: 69, unit: 项, indicator: 下放事项数}
//
// Rendering writes "69项" in place of {delegated}; "{{" and "}}" are literal
// braces. A figure has a [FigureKind] (计数, 事项数, 办件数, 人数, 百分比, 时长,
// 年份, 序数, 日期), an exact [Decimal] value (or a date), a [FigureUnit] that must
// fit the kind, and may be written in a [Scale] (2万) or with an [Approx]
// qualifier (8000余项). Figures are addressed by unit, mode, measure and name
// ([Addr], [Bulletin.Figure], [Bulletin.Figures]), so they can be checked,
// added up across units ([Sum]) and compared ([Figure.Compare]).
//
// The fixed sections (visits, submissions, attendance, efficiency) hold
// their counts as numbers; the renderer phrases them as the seed does.
//
// # Reading and checking
//
// [Parse], [Load], [LoadFile] and [LoadFS] read YAML or JSON in one pass:
// [schema.Parse] with positions, validation against [schema.Bulletin], a
// typed decode, then the consistency checks ([Bulletin.Validate] runs the
// same on a bulletin built in Go). Every finding is a [schema.Problem]
// with file, line, column, JSON Pointer path and a stable rule:
// "bulletin.total-mismatch" when a stated total differs from the sum of its
// parts, "bulletin.undefined-figure" for a placeholder
// with no figure, "bulletin.unit-kind-mismatch" for a percentage in 项, and
// the others listed with the Rule constants. Checks that need other
// packages' knowledge — whether a unit exists, whether a reform mode, a
// measure or an indicator exists — are functions in [Options]. Unless the
// options say otherwise, units are checked against the embedded Suining
// hierarchy of package county ([UnitsIn]), modes and their measures against
// the modes of Suining's bulletin in package reform ([ModesIn],
// [MeasuresIn]), indicators against reform's. Only
// documents that pass the schema are checked further, so one fault is not
// reported twice.
//
// [Bulletin.WriteYAML], [Bulletin.WriteJSON] and [Bulletin.MarshalJSON]
// write the document's data back without loss, x- extension members
// included. Comments are not data: reading drops them and they are not
// written back (schema.CountComments counts them, for a warning).
//
// # Reported and derived figures
//
// What the bulletin states is kept apart from what is computed. The visit
// total and, when the document does not state it, the leave total are
// computed from their parts ([Visits.Sum], [Leave.Sum]); the ratio of
// completed to accepted cases (办结受理比, [Efficiency.Rate]) is computed and
// printed, rounded half up to two decimals, only when [RenderOptions] ask
// for it. It is not printed as 办结率: a month's completions include cases
// accepted earlier, so completed above accepted is normal and no check
// reports it; the completion rate needs the cases open at the month's
// start, which a bulletin does not hold. A stated total is printed
// as stated; whether it matches is the checks' business. The JSON rendering
// lists reported and derived figures under separate keys.
//
// # Comparing with catalogues
//
// Figures that report an indicator carry its name (indicator: 即办比例).
// [Bulletin.Compare] sets each against the value a [Calculator] computes for
// the unit's catalogue, and lists both with whether they agree at the
// precision the bulletin printed ([Comparison]). The calculator is the seam
// to the indicators of package reform and the catalogues of package
// matters: [Catalogues] computes reform's indicators over the catalogues of
// each unit; tests and other sources plug in their own ([CalculatorFunc]).
//
// # Publishing
//
// Bulletins go out as Word documents: [Bulletin.Render] with [DOCX] writes
// one in the layout of GB/T 9704-2012 (党政机关公文格式) — A4 with a type
// area of 156 × 225 mm (margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm
// right), the red masthead (版头) with the issuer and the month above a red
// rule, the title in 2号 小标宋, the body in 3号 仿宋_GB2312 at 22 lines of
// 28 characters a page, first-level headings in 黑体 and second-level ones
// in 楷体, page numbers in 4号 宋体 between dashes (— 1 —), on the right of
// odd pages and the left of even ones. The writer is the package's own:
// the minimal parts of a WordprocessingML package, written with
// archive/zip and encoding/xml, so the module takes no dependency for
// it; its tests read the document back, and open it in LibreOffice where
// LibreOffice is installed. Machines without the official fonts show
// their substitutes (Noto CJK on Debian).
//
// [HTML] writes one self-contained page — no script, nothing fetched — that
// reads and prints well, with inline SVG charts of what people would
// rather look at than read: visits by department, leave by kind, cases
// accepted and completed.
//
// # Month over month
//
// [Trends] follows the figures of several months' bulletins: the counts of
// the fixed sections and every figure that names an indicator, by unit.
// [Series.Change] gives the change from one month to another exactly
// (percentage points for a percentage). Given other months in
// [RenderOptions].History, the Markdown and HTML renderings add a table of
// every figure with the change from last month (环比) and from a year
// before (同比), and the HTML draws each figure that moved across the
// months, against its target when [RenderOptions].Targets sets one.
package report
