// Package cases models case records (办件) exported from the integrated
// government-service platform and computes from them what bureaus
// supervise (效能监察): cases accepted and completed, on time and overdue,
// actual 即办 and 网上办 shares, handling times in working days, 好差评 —
// the figures of a bulletin's section 五 and its 附件1.
//
// # Records
//
// A [Case] holds what exports hold: 办件编号, 事项编码 and 事项名称 (linking
// it to the catalogue's matter), 受理部门, 受理窗口 and the unit the hall
// belongs to, the applicant kind, 申请/受理/办结 times, status, channel,
// result, the promised limit in force and its unit, suspension periods and
// the rating.
//
// A [Decoder] streams records one at a time, in memory independent of
// their number, from CSV (UTF-8, with or without byte-order mark, or
// GB18030 as Excel on Chinese Windows saves it) or JSON Lines. CSV headers
// are the Chinese ones of [Header] or any of their aliases (申办流水号,
// 实施编码, 承办部门, 好差评, …), normalised as the catalogue spreadsheets'
// are; other columns are ignored. Timestamps are read in Beijing time in
// the forms exports use ([ParseTime]): "2021-04-09 10:32:05",
// "2021/4/9 10:32", ISO 8601, and Excel serial dates. Workbooks (.xlsx)
// are read by package [github.com/zwfw/zwfw/reform/cases/caseswb], apart
// so that this package does not build the spreadsheet library, through
// the same decoding ([NewRowDecoder]); here they are refused with
// cases.format. Suspension periods are written
// "2021-04-12 09:00~2021-04-14 17:00", several separated by ";" (JSON
// Lines: an array of {"from", "to"}).
//
// Every problem is a [schema.Problem] at file:line:col with the JSON
// Pointer /cases/<record>/<key> and a stable rule. A record with an error
// is left out of the figures and counted ([Decoder.Counts]); a dirty one is
// kept with a warning: completion before acceptance
// (cases.completed-before-accepted; its time is not judged), a window
// timestamp on a day the hall was closed (cases.closed-day, a note:
// halls do open on some weekends), a date the calendar does not cover
// (cases.calendar). Problems beyond [DecodeOptions.MaxProblems] are counted
// by rule, not kept.
//
// # Month semantics
//
// A [Tally] counts cases for one [Period], usually a month:
//
//   - 受理: cases accepted in the month; 网上 those accepted through the
//     online channel. 不予受理 counts apart, in the month of application.
//     作废 records count nowhere.
//   - 办结: cases completed in the month, whenever accepted; those accepted
//     earlier are 结转办结 ([Figures.CompletedCarried]), so 办结 may exceed
//     受理.
//   - 上月结转: cases accepted before the month and open at its start. A
//     case is open from acceptance to completion; a returned case (退件)
//     with no completion time is closed.
//   - 办结率 = 办结 / (上月结转 + 本月受理) ([Figures.CompletionRate]).
//   - 按时办结 / 超期办结: completed within the limit in force or not; 提前办结
//     in less than it. 超期未办结: open at the month's end and already past
//     the limit. Cases without a stated limit, or whose dates the calendar
//     cannot count, are 未判定 (Untimed) and stay out of those rates.
//   - Time used counts as limits do: from the day after acceptance, in
//     working days on the official calendar ([workday.Calendar]), natural
//     days, hours or minutes (months and years as calendar months), less
//     suspensions (补齐补正, 挂起, 特别程序) over the same days; 即办 means
//     completed on the day of acceptance. The handling time of every
//     completed case is kept in working days, exactly, as a histogram, for
//     the average and the median.
//   - Actual 即办 share: completed on the day of acceptance / 办结. 好评率:
//     非常满意 and 满意 / rated; 差评: 不满意 and 非常不满意.
//
// Every figure is an exact count and every rate a [reform.Ratio]. A Tally
// keeps its counts per unit, department, window and matter, and rolls them
// up ([Tally.Rows]) to the window, department and unit, and to the city
// ([Tally.Total]). [Tally.Table] lays the roll-up out in cells as the
// bulletin's 附件1 (一体化政务服务平台系统业务数据统计表); its 受理 and 办结 totals
// are the figures of section 五. Tallies of one month over different exports (counties,
// files) add up with [Tally.Merge]; tallies of consecutive months over the
// same cases chain with [Tally.Then] into the year's, exactly: flows add,
// the stock at the start is the first month's and the stocks at the end
// the last month's.
//
// # Against the catalogue
//
// [CatalogueCheck] sets cases against a catalogue of matters: matters
// with cases but not in the catalogue, cases whose limit in force differs
// from the catalogue's promise, and cases of matters the catalogue marks
// 即办 that were not done on the day.
//
// # Scale
//
// Reading and counting stream: memory grows with the number of distinct
// units, departments, windows and matters, never with the number of
// cases. A CSV record is read as bytes out of the reader's buffer (a
// quoted field going on over lines is joined in a buffer of its own): no
// string is made of it but its 办件编号; a matter's code and name, a
// department, a window and a unit are kept once, the same string in
// every case that names them; terms, timestamps and limits are read from
// the bytes; and a cell is checked to be UTF-8 only when it is not a
// known term, a timestamp, a limit or a name seen before. From the first
// record that cannot be read so (a quote out of place, a record over 64
// KiB) encoding/csv reads the rest of the file, with the same results
// and problems at the same positions. The benchmark BenchmarkScale sets
// reading and counting beside a bare encoding/csv read of the same file
// (see the README for figures): on one core or two, decoding and
// counting take less than twice its time. Package casestest generates a
// synthetic month at the seed's scale for tests, benchmarks and
// examples/efficiency.
package cases
