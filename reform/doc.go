// Package reform measures catalogues of service matters against the reform
// modes a bureau runs: measures (马上办, 就近办, 一网办 …), reform modes
// composed of them ("七办", "3+2" …), indicators computed exactly over a
// catalogue, and scorecards per unit rolled up the administrative
// hierarchy.
//
// # Indicators
//
// An [Indicators] accumulates every [Indicator] over the matters added to
// it with [Indicators.Add] (and the one-thing bundles added with
// [Indicators.AddBundle]). It holds counts and sums only, so a million
// matters stream through it in constant memory, and adding a matter does not
// allocate. Accumulators made with the same [Config] merge exactly
// ([Indicators.Merge]): computing per county and merging gives the figures
// of the union, which is how figures roll up from counties to a city.
//
// Shares keep their numerator and denominator as integers; a [Ratio]
// prints as a percentage rounded half up to two decimals (99.64%) with
// integer arithmetic, and a zero denominator is "undefined", never NaN.
// Every share and every count of matters but 事项总数 is taken over the
// application-based (依申请) matters only, those a service hall handles:
// ex officio types (行政处罚, 行政强制, 行政征收, 行政检查) and matters without
// a type are left out, so a 行政处罚 with limits moves no figure. The
// shares, each with its denominator:
//
//   - 承诺提速率 ([PromiseSpeedup]) over the application-based matters that
//     state both limits. Its formula is the bureau's choice
//     ([Config.Speedup], [SpeedupFormula]): 总时限压缩比 (Σ legal − Σ promised)
//     / Σ legal, the default; 平均压缩比, the mean of each matter's (legal −
//     promised) / legal; or 提速事项占比, the matters whose promised limit is
//     shorter / the matters compared. Limits in one unit compare directly;
//     工作日, 月 (22) and 年 (250) are one family; limits in 自然日, 小时 or
//     分钟 are converted by a declared policy ([Config.Units],
//     [UnitPolicy]): by default 7 自然日 = 5 工作日 = 40 小时, or only pairs
//     in one unit are compared. The sums stay exact ([Result.Scale]) and
//     the converted matters are counted ([Result.Converted]).
//   - 即办比例 ([InstantShare]): instant matters (即办件, or a promised limit
//     of 即办 or 0 工作日) / application-based matters.
//   - 全程网办占比 ([FullyOnlineShare]): matters accepted and handled online
//     with no visit (matters.Matter.FullyOnline: online depth 四级; online
//     consultation and result feedback alone are not) / application-based
//     matters.
//   - 进驻大厅比例 ([InHallShare]): matters in the hall / application-based
//     matters.
//   - 零跑动率 and 最多跑一次比例 ([ZeroVisitShare], [AtMostOnceShare]):
//     matters with 0 (at most 1) visits / application-based matters less
//     those declared exempt ([Config.ZeroVisitExempt]).
//   - 认领率 ([ClaimRate]): the base items claimed (some matter names them as
//     its base code) / the base items of the list's level ([Config.Level]),
//     against a [Base] made from a base catalogue.
//   - 国家标准事项覆盖率 ([NationalCoverage]): the matters whose base code is a
//     12-character national base code present in the base / all matters.
//
// A matter that does not state what a share asks (到现场次数 for 零跑动率,
// neither handling kind nor promised limit for 即办比例, neither online
// items nor handling forms for 全程网办占比) stays in the denominator and is
// reported as unknown ([Result.Unknown]), never silently dropped.
//
// The counts are 事项总数, 依申请事项数, 即办事项数, 全程网办事项数, 下放事项数 (by
// receiving level), 一件事一次办事项数 (bundles), 24小时自助事项数, 容缺受理事项数,
// and the scope counts 川渝通办事项数 and 跨省通办事项数 (by batch), 全域通办事项数,
// 就近可办事项数, 全国通办事项数 and 区域通办事项数 (by regional scope:
// 遂潼通办, 西南五省通办 — any a bureau names in its catalogues, with no new
// release). The scope counts count distinct items, as a bulletin's
// "2批210项" does ([Result.Distinct]): an item is a base code (stated, or
// the one the matter's code holds) or, lacking one, a name and a type, so
// an item that two counties (or two villages) claim counts once when their
// figures merge, in the earliest batch that published it; [Result.Matters]
// says how many matters the items came from. The published lists ([Lists])
// list matters. An accumulator keeps each item counted as a 64-bit key and
// its batch, compactly and mostly off the collected heap (a [codeset.Bag]:
// about 5.5 bytes a distinct item), and finds the distinct ones when
// results are asked for.
//
// The service-guide elements give five more, over the application-based
// matters that list their materials or state their result: 零材料提交事项数
// ([ZeroMaterialCount], matters whose every material is exempt, 免提交) and
// 零材料提交比例 ([ZeroMaterialShare]), 免提交材料占比
// ([ExemptMaterialShare]: exempt materials among materials listed),
// 平均申请材料数 ([MaterialsPerMatter], an average printed with two decimals,
// [Indicator.IsAverage]) and 电子证照占比 ([ELicenceShare]: results issued as
// electronic licences among matters stating a result).
//
// Every [Result] says which matters it counted and which it left out, as a
// count per [Reason] ("ex officio type 行政处罚", "legal limit not stated",
// "visits not stated") with up to [MaxExamples] example codes.
//
// # Counting declared by a bureau
//
// How a bureau counts is data: the counting section of its modes document
// ([Counting]) declares the formula of 承诺提速率, the unit policy and the
// matters exempt from 零跑动, and the bureau's own indicators ([Custom]): a
// predicate over the matters' elements, a share of the application-based
// matters or a count (网上可办率: online=互联网受理, [ParseCustom],
// [Indicators.CustomResult]). examples/coverage takes the same from
// flags. A target may be a floor (atLeast) or a ceiling (atMost).
//
// # Scale
//
// An accumulator's size does not depend on the number of matters: counts,
// sums of limits in thousandths of a working day (exact in 64 bits for any
// realistic number of matters, limits beyond [MaxLimitDays] left out), one
// bit per base item, and per exclusion reason the [MaxExamples] smallest
// codes seen, which makes the examples independent of the order of adding
// and merging. Streamed with matters.Decoder, a catalogue of a million
// matters is measured in the memory of one matter; shards measured in
// parallel merge exactly.
//
// # Measures and modes
//
// A [Measure] names the indicators that show its progress: 马上办 is shown by
// 即办比例 and 即办事项数, 就近办 by 下放事项数, 就近可办事项数 and the 通办
// counts. A measure no catalogue records (集中办, the training and
// supervision of "三抓三促", 事代办 and 物代购) has no indicators and names
// the figures only a report gives.
//
// A [Mode] is a named set of measures, optionally grouped ("3+2" is 三办
// and 双代办) and with [Target] figures. [Default] returns the modes of the
// seed bulletin, embedded in the package and parsed on first use; a bureau
// defines its own in a document of kind ReformModes, validated by the
// module's schema modes.schema.json and read by [Parse], [Load], [LoadFile]
// or [LoadFS]:
//
//	kind: ReformModes
//	schemaVersion: 1
//	measures:
//	  - name: 马上办
//	    indicators: [即办比例, 即办事项数]
//	  - name: 集中办
//	    indicators: []
//	  - name: 就近办
//	    mode: 二办              # this mode's own measure
//	    indicators: [下放事项数]
//	modes:
//	  - name: 二办
//	    measures: [马上办, 集中办, 就近办]
//	    targets:
//	      - {indicator: 即办比例, atLeast: 70}
//	      - {indicator: 下放事项数, atMost: 100}
//	counting:
//	  speedup: 平均压缩比       # 总时限压缩比 (default), 平均压缩比, 提速事项占比
//	  units: 换算              # 换算 (default) or 同单位
//	  zeroVisitExempt: ["000117003001"]
//	  custom: ["网上可办率: online=互联网受理"]
//
// A measure belongs to every mode that names it, unless it states its own
// mode: 船山's 就近办 (matters delegated to townships) and 蓬溪's 就近办 (the
// lists of matters handled anywhere or nearby) are two measures with their
// own indicators, and a mode naming a measure finds its own first
// ([Modes.MeasureOf]).
//
// Problems are located (file:line:col and JSON Pointer) and carry the rules
// "schema.*" for the document's shape and "reform.*" for its meaning:
// [RuleUnknownMeasure], [RuleUnknownIndicator], [RuleDuplicateMeasure],
// [RuleDuplicateMode], [RuleDuplicateIndicator], [RuleGroupOutsideMode],
// [RuleDuplicateTarget], [RuleTargetRange], [RuleTargetUnmeasured],
// [RuleMeasureMode], [RuleCounting] and [RuleDecode].
//
// Each element of a modes document is declared once, by a doc tag on the
// field of the type it is read into (see schema.Codec); the package turns
// the decoded document into [Modes], measures named by their names
// becoming pointers to them, and runs the checks. A test holds the tags
// and the modes schema to each other.
//
// # Scorecards and roll-ups
//
// [Mode.Score] applies a mode to the figures of one unit: per measure, each
// indicator's [Result], its [Target] (the mode's, or one the caller gives,
// such as [ParseTarget]("即办比例>=70%")) and a [Verdict]. Targets compare
// exactly: a share that prints as 70.00% may still fall short of 70%, and
// an undefined share is [Undetermined].
//
// [RollUp] gives every unit of a county.Hierarchy the figures of its own
// catalogue merged with those of every unit below it, so that a city's
// scorecard is computed from its counties' and parks' accumulators, never
// from their printed percentages.
//
// # Lists
//
// The lists a locality publishes (马上办清单, 川渝通办清单 by batch, 下放事项清单
// by receiving level, 一件事一次办清单, 全程网办清单, 24小时自助清单 …) are views
// generated from the matters' attributes: [MatterLists] and [LookupList] give
// them, [MatterList.Select] selects one from a catalogue. Each list agrees with a
// count indicator: it selects exactly the matters the indicator counts,
// in the indicator's groups.
//
// A [Selection] writes itself as published: [Selection.WriteMarkdown] and
// [Selection.WriteCSV] (UTF-8, with a byte-order mark, or GB18030 for
// Excel on Chinese Windows) number the entries (序号) through the list,
// give each group (batch, receiving level, bundle; by department after
// [Selection.ByBody]) its own heading or column, and head the list with
// the unit, its code and the catalogue's as-of date; [Selection.WriteJSON]
// writes the same for programs. Labels are Chinese unless
// [ListOptions].Lang asks for English. A spreadsheet workbook (.xlsx) is
// not written here: it belongs in a package of its own, with its
// dependency.
package reform
