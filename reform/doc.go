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
// The shares are:
//
//   - 承诺提速率 ([PromiseSpeedup]): (Σ legal − Σ promised) / Σ legal, over the
//     matters with both limits in units that convert to working days
//     (matters.Limit.WorkingDays: 工作日, 月, 年, 即办 as zero), summed in
//     whole hundredths of a working day. Limits in 自然日, 小时 or 分钟 are
//     left out, as are matters of any type that lack a limit.
//   - 即办比例, 全程网办占比, 进驻大厅比例 ([InstantShare], [FullyOnlineShare],
//     [InHallShare]): over the application-based (依申请) matters, those a
//     service hall handles; ex officio types (处罚, 强制, 征收, 检查) and
//     matters without a type are left out.
//   - 零跑动率 and 最多跑一次比例 ([ZeroVisitShare], [AtMostOnceShare]): over the
//     application-based matters that state their visits, less those declared
//     exempt in [Config.ZeroVisitExempt].
//   - 认领率 ([ClaimRate]): the base items claimed (some matter names them as
//     its base code) among the base items of the list's level
//     ([Config.Level]), against a [Base] made from a base catalogue.
//   - 国家标准事项覆盖率 ([NationalCoverage]): the matters whose base code is a
//     12-character national base code present in the base, among all
//     matters.
//
// The counts are 事项总数, 依申请事项数, 即办事项数, 全程网办事项数, 下放事项数 (by
// receiving level), 川渝通办事项数 and 跨省通办事项数 (by batch), 全域通办事项数,
// 就近可办事项数, 一件事一次办事项数 (bundles), 24小时自助事项数 and 容缺受理事项数.
//
// Every [Result] says which matters it counted and which it left out, as a
// count per [Reason] ("ex officio type 行政处罚", "limits incomparable:
// 自然日", "visits not stated") with up to [MaxExamples] example codes.
//
// # Scale
//
// An accumulator's size does not depend on the number of matters: counts,
// sums of limits in hundredths of a working day (exact in 64 bits for any
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
//	modes:
//	  - name: 二办
//	    measures: [马上办, 集中办]
//	    targets:
//	      - {indicator: 即办比例, atLeast: 70}
//
// Problems are located (file:line:col and JSON Pointer) and carry the rules
// "schema.*" for the document's shape and "reform.*" for its meaning:
// [RuleUnknownMeasure], [RuleUnknownIndicator], [RuleDuplicateMeasure],
// [RuleDuplicateMode], [RuleDuplicateIndicator], [RuleGroupOutsideMode],
// [RuleDuplicateTarget], [RuleTargetRange], [RuleTargetUnmeasured] and
// [RuleDecode].
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
// generated from the matters' attributes: [Lists] and [LookupList] give
// them, [List.Select] selects one from a catalogue. Each list agrees with a
// count indicator: it selects exactly the matters the indicator counts,
// in the indicator's groups.
package reform
