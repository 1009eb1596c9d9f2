// Package matters models catalogues of government service matters
// (政务服务事项): base catalogues (基本目录) and the implementation lists
// (实施清单) localities publish, their matters with the elements of the
// national implementation list, and one-thing bundles (一件事一次办).
//
// # Documents
//
// A catalogue document is YAML or JSON with kind "Catalogue" and
// schemaVersion 1, validated against the embedded JSON Schema
// (schema/catalogue.schema.json). Keys are English lowerCamelCase;
// enumerated values are the Chinese standard terms, and the national numeric
// codes are accepted on input ("01" or 1 for 行政许可); output always writes
// the Chinese term. Members starting with "x-" are local extensions: they
// are kept, as JSON text, in the Extensions of the value that holds them and
// written back unchanged. Any other unknown member is an error, so typos do
// not pass silently.
//
// [Parse], [Load], [LoadFile] and [LoadFS] read a document in one pass:
// structural validation against the schema, typed decoding, then the
// semantic checks. Every finding is a [schema.Problem] with a JSON Pointer,
// a file:line:col position and a stable rule; the returned catalogue is nil
// only when the text is not YAML or JSON at all. [Catalogue.WriteYAML] and
// [Catalogue.WriteJSON] write a catalogue's data back without loss: loading
// what they write gives an equal catalogue. Comments are not data: reading
// drops them and they are not written back, which a program that rewrites
// a commented file should say (schema.CountComments counts them;
// examples/matterlist warns).
//
// # Streaming
//
// A [Decoder] reads a catalogue one matter at a time and yields each as it
// is validated, decoded and checked, so a province's catalogue of a million
// matters is read, checked and measured in the memory of one matter and a
// compact index of codes for the checks that need the whole catalogue:
// about 11 bytes a matter, off the collected heap where the system allows
// (package [github.com/zwfw/zwfw/matters/codeset]), and freed when the
// stream ends. The one-thing bundles are streamed too: each is validated,
// decoded and checked as it comes, and only its decoded form is kept, for
// [Decoder.Catalogue], or none when [DecodeOptions.OnBundle] takes each
// as it comes. A valid matter of a JSON document is read in one
// pass, straight from its text into a [Matter] with the schema's checks
// compiled in ([schema.FastDecoder]), on the caller's goroutine; a matter
// with something to report is read again as nodes, so that every problem
// keeps its position. With [DecodeOptions.ReadAhead] and two CPUs, a
// second goroutine reads valid matters ahead in one pass while the
// caller's goroutine checks, counts and yields them in order: less wall
// time, more CPU time. YAML is cut into one text per matter, and with two
// CPUs its reading runs on a goroutine of its own. The schema checks use
// the module's fast validator, which agrees with the reference
// implementation problem for problem; [DecodeOptions] can ask for the
// reference, which turns the one-pass path off. [Parse], [Load], [LoadFile], [LoadFS] and [Decode] collect
// what a Decoder yields: one path serves small documents and large ones.
// A Decoder, and so every loader, also reads a spreadsheet saved as CSV,
// told by its name (.csv) or its first line ([IsCSV]), with [ReadCSV]:
// every program and test function that takes a catalogue takes the spreadsheet.
//
// # Semantic checks
//
// Beyond the schema, a catalogue must hold together. The checks and their
// rules:
//
//   - matter.duplicate-code: two matters share a code.
//   - matter.promised-exceeds-legal: the promised limit is longer than the
//     legal limit, compared in working days (1 月 = 22, 1 年 = 250, 即办 = 0);
//     matter.limits-incomparable (a warning) when a unit does not convert
//     (自然日, 小时, 分钟), naming the unit.
//   - matter.instant-mismatch: a promised limit of 即办 (or 0 工作日, as
//     platforms write it) without handling kind 即办件, or the reverse.
//   - matter.online-needs-zero-visits: accepted and handled online (depth
//     四级) yet needing visits.
//   - matter.onsite-reason-missing: visits without a reason for on-site
//     handling.
//   - matter.postal-missing (warning): no visit and not online, yet no
//     postal application.
//   - matter.fee-basis-missing: charged for without basis or items.
//   - matter.delegation-level-missing: delegated (下放) without the receiving
//     level.
//   - matter.credit-code-check: the body's unified social credit code has a
//     wrong check character (GB 32100-2015); matter.credit-code-registry (a
//     warning) when its registration authority does not register its
//     category of organisation, or it is all zeros.
//   - matter.code-base-code: the base code the matter's code holds is not
//     the one the matter claims.
//   - matter.code-division, matter.code-body (warnings): the area a Sichuan
//     code states is neither the catalogue's division, one within it, nor
//     one above it; the body the code names is not the implementing
//     body's credit code. Only the area the code states counts: the
//     division digits of a credit code name where the body was
//     registered, as codes stood then (射洪 bodies keep 510922; district
//     bodies often carry their city's code), and are never compared.
//   - matter.code-level, matter.code-type (warnings): a code's level digit
//     or its Sichuan type letters (1A 行政许可 …) disagree with the matter's
//     level or type.
//   - matter.base-code-form (a warning): a base code that is not in the
//     national form, 12 digits.
//   - matter.body-org-code, matter.body-code (warnings): the body is
//     identified by an organisation code (body extension x-orgCode) or by a
//     code that is neither (x-bodyCode), as portals' department columns
//     give.
//   - matter.code-unrecognised (a warning): the code is in no known form;
//     code.* warnings for the known irregular forms.
//   - matter.steps-exceed-promised: the limits of the handling steps add up
//     to more than the promised limit (in working days; not checked when a
//     step's unit does not convert).
//   - matter.tolerate-material-unmarked: a material may follow later
//     (容缺后补) on a matter not marked 容缺受理; matter.tolerate-without-material:
//     the reverse, on a matter that lists its materials.
//   - matter.duplicate-material: a material is listed twice.
//   - matter.licence-name-missing: a result issued as an electronic licence
//     (电子证照) without its name.
//   - bundle.unknown-member, bundle.duplicate-code: a one-thing bundle names
//     a matter the catalogue does not hold, or reuses a code;
//     bundle.inactive-member: it lists as in use a matter that is suspended
//     (暂停) or cancelled (取消).
//
// A finding has the same rule and severity whether the catalogue came from
// a spreadsheet, YAML or JSON, so a spreadsheet converted to a document
// validates with exactly the problems it had.
//
// Structural problems carry rules "schema.<keyword>" from the JSON Schema
// (schema.required, schema.enum, …); text that is not YAML or JSON gets
// "syntax.*" rules.
//
// # Service-guide elements
//
// Beyond its identity and limits a matter carries the elements of the
// service guide (办事指南): 受理条件 (conditions), 申请材料 ([Material]: name,
// form, copies, necessity, source and issuer, whether it is exempt (免提交)
// and how, sample and blank-form links), 办理流程 ([Step]: name, actor, step
// limit), 设定依据 ([Law]: law, article), 办理地点, 办理时间, 咨询电话 and
// 监督电话, 审批结果 ([Result]: name, kind, electronic licence), the
// 业务办理项编码 (handlingCode) and the main item's code of a sub-item
// (mainCode), 委托部门, 事项状态 ([Status]) with version and effective date,
// 时限说明, the receiving window ([Window]) and the online address. Each is
// declared once on its field; the lists are written in documents and on
// sheets of their own in workbooks, not in a CSV row.
//
// # Time limits
//
// A [Limit] is a value and a [TimeUnit]. The value is a [Quantity], an
// exact decimal of at most three places counted in thousandths: 20, 0.5,
// 1.25 工作日 read, compare, sum and convert (1 月 = 22 working days) in
// integer arithmetic, and are written back as they read, as plain JSON and
// YAML numbers. The JSON Schema allows any number from 0 to 1,000,000; a
// value with a non-zero fourth place (1/3 written 0.333333) is refused on
// reading with rule quantity.inexact at the value, never rounded, and a
// spreadsheet cell likewise at its cell. [ParseQuantity] reads the text,
// [QuantityOf] and [Thousandths] make one in code.
//
// # Codes
//
// Codes are small comparable values in the manner of net/netip:
// [CreditCode] (统一社会信用代码, GB 32100, with both check characters
// verified), [OrgCode] (组织机构代码, GB 11714, plain or hyphenated),
// [DivisionCode] (GB/T 2260 and statistical division codes of 6, 9 or 12
// digits, which are one value however they are spelled; the module's one
// division code, which package county uses as county.Code; well-formed is
// not known, see [DivisionCode.IsKnown]) and [MatterCode]
// (基本编码, the 31-character 实施编码, the 33-character 业务办理项编码 and
// Sichuan's hyphenated portal form). Each has a documented zero value,
// IsValid, Parse and MustParse, String, Compare and text marshalling through
// its parser. A code that cannot be read gives a [CodeError] naming the
// character where it goes wrong and a stable rule. [ParseMatterCodeLenient]
// also reads the irregular codes real catalogues hold — an organisation
// code where the credit code belongs, an unfamiliar prefix like
// G-000007-001, a placeholder body — and returns each irregularity as a
// warning that [CodeError.AsProblem] turns into a located problem.
// [MatterCode.String] gives back the code exactly as it was written.
//
// A matter and a body hold their codes as written, not parsed: a
// [Matter]'s code, baseCode, handlingCode and mainCode and a [Bundle]'s
// members are [MatterCodeText], a [Body]'s creditCode is
// [CreditCodeText], defined string types that documents and sheets read
// and write as strings. Real catalogues are dirty, so reading never fails
// on a code: the checks call [MatterCodeText.ParseLenient] and
// [CreditCodeText.Parse] and report what does not parse as a warning
// (code.*, matter.code-unrecognised, matter.body-org-code) or, for a
// credit code with a wrong check character, as matter.credit-code-check;
// the code is written back exactly as it was read. A bundle's own code
// and a division's code are not matter codes and stay strings.
//
// # Enumerations
//
// [Type], [Level], [BodyNature], [PowerSource], [TimeUnit], [HandlingKind],
// [ScopeKind], [OnlineItem], [Form] and [ServiceObject] are small typed
// values whose text form is the Chinese term. Each has a Parse function that
// accepts the term or the national code, a String method that never panics,
// and text marshalling through Parse. Multi-selects (online items, forms,
// service objects) are a [Set], a bit mask that is comparable and costs no
// allocation. The zero value of each enum means "not stated".
//
// # Spreadsheets
//
// [ReadCSV] reads a spreadsheet of matters saved as CSV, one matter a row;
// [Catalogue.WriteCSV] writes one. The reader takes what portals and Excel
// produce: UTF-8 with or without byte-order mark, or GB18030/GBK as Excel on
// Chinese Windows saves it (text that is mostly valid UTF-8 is UTF-8,
// anything else is decoded as GB18030; UTF-16 is refused with a hint); a
// one-cell title row above the header, which becomes the title; Chinese or
// English headers, with stars, spaces and notes in parentheses
// ("*事项名称（必填）"), and a unit in a limit's header ("法定办结时限（工作日）").
// It reads row by row and holds nothing but the catalogue it builds; a row
// longer than [MaxCSVRow] ends reading.
//
// The canonical layout, in the order WriteCSV writes it (Chinese header,
// English header, what else is accepted):
//
//	事项编码        code               实施编码, 业务办理项编码, 事项代码
//	基本编码        baseCode
//	事项名称        name
//	主项名称        mainItem           主项; 未分类 means none
//	事项类型        type               事项类型代码, 权力类型; term or national code
//	行使层级        level              term or code 1–6
//	实施主体        body.name          实施部门, 部门名称, 实施机构
//	实施主体编码    body.creditCode    部门编码, 统一社会信用代码
//	实施主体性质    body.nature
//	权力来源        powerSource
//	法定办结时限    legalLimit         法定时限; 20个工作日, 20工作日, 即办, 1个月
//	承诺办结时限    promisedLimit      承诺时限; likewise
//	办件类型        handlingKind
//	到办事现场次数  visits             0–9, "1次"
//	必须现场办理原因说明 onsiteReason
//	网上办理深度    online             items joined by ^ 、 , ; or line breaks
//	办理形式        forms              likewise; terms or codes
//	服务对象        serviceObjects     likewise
//	通办范围        scopes             川渝通办（第1批）、全域通办、遂潼通办 (regional, any name ending in 通办)
//	下放层级, 下放批次, 下放文件  delegation.to, .batch, .document
//	是否24小时自助, 容缺受理, 进驻大厅  selfService24h, tolerateMissing, inHall: 是/否
//	是否收费, 收费依据, 收费项目  fee.charged, fee.basis, fee.items (one a line)
//	区划代码        areaCode           区域编码, 行政区划代码
//	咨询电话        consultationPhone  咨询方式
//
// The headers are declared on the fields of [Matter] and [Body] (csv tags
// beside their doc tags); a tagged element with no reading of its own
// above is read and written as its text, after 区划代码, so that declaring
// an element is all a new column needs.
//
// A bare 日 or 天 is read as 自然日 with the warning csv.day-unit: Chinese
// law counts 日 in calendar days unless a law says otherwise, and the reader
// does not guess which law applies. Limits may be written in Chinese
// numerals (二十个工作日); terms take full-width brackets (村（社区）级); 邮寄申请
// is the form 快递申请. The body-code column takes what portals put there:
// an 18-character credit code is body.creditCode; a 9-character
// organisation code is kept as body extension x-orgCode
// (matter.body-org-code); anything else as x-bodyCode (matter.body-code).
// Columns that name no element are kept as matter extensions "x-" + header.
//
// Every problem is a [schema.Problem] at the row's line and the column's
// number (A = 1), with the header in its message and the document path
// /matters/<i>/<element>. After each row the semantic checks [Parse] runs
// are run too, with the same severities, located at the same cells.
// WriteCSV writes every column of the layout, then one
// column per matter extension key, in UTF-8, UTF-8 with byte-order mark, or
// GB18030 ([CSVOptions]); reading what it writes gives equal matters, except
// for what a row cannot hold, listed at [Catalogue.WriteCSV].
//
// # Diffs
//
// [Catalogue.Diff] compares two editions of a catalogue (事项动态调整). Matters
// are matched by code; an old and a new matter left over are taken for one
// re-coded matter when their names and base codes agree. Each matter that
// differs is one [MatterChange] of kind [Added] (新增), [Removed] (取消),
// [Changed] (变更) or [Moved] (划转: another body or level), with the
// elements that changed, each as a path ("promisedLimit", "body.name") and
// its old and new value. Bundles and the catalogue's own elements are
// reported the same way. Elements are compared as the document writes them,
// following the fields' doc tags, so a new element is compared with no
// further code. A [Diff] is a value for programs, prints like diff(1)
// (String, WriteText) and marshals to JSON; package matterstest turns it
// into test assertions.
package matters
