// Package county models the administrative hierarchy that government
// services are organised along — city, county, park, township, village —
// with its division codes and the service system on it (市县乡村 four-level
// service system: halls, township centres, village stations, proxy points,
// assisted-handling desks), and ships Suining city (遂宁市, Sichuan) as the
// embedded default.
//
// It stands on the second floor of the module: it imports the standard
// library, package schema, whose problem model every check here reports
// with, and package matters (the same floor) for its division code only.
//
// # Units, kinds and levels
//
// A [Hierarchy] is a checked, read-only forest of [*Unit] values. Each unit
// has a name, a [Kind] — 省, 市, 区, 县, 县级市, 园区, 乡, 镇, 街道, 村, 社区 —
// a parent and children, and, where it exists, a [Code]. A 园区 (a
// separately accounted zone such as 遂宁高新区, 遂宁经开区 or 河东新区) has no
// division code and stands one tier below its parent: at 县级 under a city,
// at 乡镇级 under a county (as 蓬溪经开区 would).
//
// [Unit.Level] gives the tier as a [Level]: 市级, 县级, 乡镇级, 村(社区)级
// (with 国家级 and 省级 above). These are the terms and national codes (1–6)
// of the exercise level (行使层级) of service matters, so the level of the
// unit a matter is handled at reads directly as the matter's level; package
// matters has its own type for it, and the two convert through their text.
// [Unit.County] finds the county-level unit a unit belongs to.
//
// # Codes
//
// [Code] is matters.DivisionCode, the module's one division code type: it
// lives in matters because matter codes, credit codes and catalogues carry
// division codes and are read there, and a catalogue's division compares
// with a unit's code by ==. A code is read as well-formed (6, 9 or 12
// digits, no non-zero group below a zero one, province not 00), not as
// known: a made-up province in a fixture is a code, and IsKnown tells one
// GB/T 2260 lists.
//
// A [Code] holds one canonical form, the 12-digit statistical code
// (province 2, city 2, county 2, township 3, village 3 digits). The 6-digit
// GB/T 2260 code and the 9-digit township code are that code with its
// trailing zero groups dropped: 510921 ≡ 510921000000, 510921001 ≡
// 510921001000. [ParseCode] reads all three forms; String writes the
// shortest and Statistical all 12 digits, as Sichuan's portal writes
// areaCode=510900000000. A unit may also have [FormerCode] values: 射洪市,
// 510981 since 2019, was 510922 射洪县, and [Hierarchy.ByCode] finds it by
// either.
//
// # Finding units
//
// [Hierarchy.ByCode] looks up a code (current first, then former).
// Names repeat across counties, so [Hierarchy.ByName] returns every match;
// a qualified name, names joined by "/", narrows it from below:
// "蓬溪县/普安街道" matches 普安街道 under 蓬溪县 at any depth, and a leading
// "/" anchors it at a root. [Hierarchy.Find] takes a code or a name and
// insists on one unit, with [ErrNotFound] or [ErrAmbiguous] otherwise.
// [Hierarchy.All] and [Unit.Descendants] walk units depth first as
// iterators.
//
// # Service points and stated figures
//
// A [ServicePoint] is a typed point of the service system on a unit: a
// 政务服务中心 on a city, county or park, a 便民服务中心 on a township or
// subdistrict, a 便民服务站 or 便民服务室 on a village or community, a 代办点
// on either, a 帮办代办导办服务台 in any hall (see [PointKind.Levels]).
//
// Sources state counts they do not list unit by unit: "全县19个乡镇、普安街道
// …261个行政村和60个社区", "20个乡镇(街道)、85个村(社区)开展…试点". Such a
// count is a [Figure] on the unit it is about, kept as stated, never turned
// into invented units; [Unit.Count] computes the same count from the data,
// so the two can be set side by side.
//
// # Divisions documents
//
// A divisions document is YAML or JSON with kind Divisions and
// schemaVersion 1, validated by schema.Divisions (divisions.schema.json in
// package schema): optional sources (title, asOf, note) and a flat list of
// units, each with code, name, kind and parent — the parent's code or, for
// a parent without a code, its name — plus formerCodes, note, servicePoints
// and figures. Units may come in any order; members starting with x- are
// kept and written back on units and on the document (those of nested
// objects are accepted but not kept).
//
//	kind: Divisions
//	schemaVersion: 1
//	units:
//	  - {code: "510921", name: 蓬溪县, kind: 县, parent: "510900"}
//	  - code: "510921001"
//	    name: 普安街道
//	    kind: 街道
//	    parent: "510921"
//	    servicePoints: [{kind: 便民服务中心}]
//
// [Parse], [Load], [LoadFile] and [LoadFS] read one; [Hierarchy.Node] writes a
// hierarchy back (units depth first), and reading that gives an equal
// hierarchy. A parent outside the document is allowed for units of the
// highest level present — a city naming its province, a township list
// naming its counties — which become roots and keep the parent's code
// ([Unit.ParentCode]).
//
// # Statistical-code CSV
//
// [ReadCSV] and [ParseCSV] read the layout of the statistical division
// list, header code,name,parentCode,level, the level a tier word (city,
// county, township, …) refined into a kind by the name's ending, or a kind
// itself. Problems are located as FILE:LINE:COL, with the field's number
// (1 for the first) as the column, and the path /rows/N/<column>, N
// counting records after the header from 0. [LoadFile] and [LoadFS] pick CSV
// for names ending in .csv.
//
// # Merging
//
// [Hierarchy.Merge] returns a new hierarchy with the units of another put
// in: units with the same code (or a former code) are the same unit and
// must agree; others go under their parent, a root of the other hierarchy
// under the unit whose code it names as its parent. This is how township
// and village lists join the embedded default:
//
//	list, err := county.LoadFile("suining-divisions-2023.csv")
//	…
//	h, probs := county.Suining().Merge(list)
//
// # Problems
//
// Every reader returns an error that is nil when no problem is an error
// and is otherwise a schema.List (schema.Collect gives the warnings of a
// valid document): problems of the JSON Schema (rules
// schema.*) first — the semantic checks run only on a document the schema
// accepts — then the semantic ones, each with a stable rule:
// county.unknown-parent, county.ambiguous-parent, county.duplicate-code,
// county.duplicate-name, county.invalid-name, county.malformed-code,
// county.code-level-mismatch, county.code-not-under-parent,
// county.kind-code-range (a warning), county.level-order, county.cycle,
// county.service-point-level, county.figure-subject, county.merge-conflict,
// county.csv-header, county.csv-syntax, county.unknown-level,
// county.unknown-kind, and document.read for what cannot be read (see the Rule…
// constants). A hierarchy is returned exactly when no problem is an error.
// Match problems on (rule, path), never on message text.
//
// # Suining
//
// [Suining] returns the embedded default, parsed once on first use from a
// divisions document shipped in the package ([SuiningDocument]): 遂宁市
// (510900) with 船山区 510903, 安居区 510904, 蓬溪县 510921, 大英县 510923,
// 射洪市 510981 (formerly 510922 射洪县), the three parks, and the service
// points and figures the April 2021 bulletin states. Its township and
// village units are not embedded: merge a statistical list for them.
// [Hierarchy.Sources] says where each part comes from and as of when.
package county
