// Package attendancetest generates synthetic records of a hall for tests
// and examples: a window roster, leave records, clock-in punches, the
// visits and submissions logs, the declared leave kinds and the hall's
// hours, as the CSV files package attendance reads.
//
// # Built to give figures
//
// A [Spec] says what the month's records must give: leave by kind in
// 人次, late arrivals, missed punches, field sessions, visits and
// submissions. [Generate] places records so that they do, following the
// counting rules of package attendance (a leave record counts once in
// each month it covers a working half day; each missing 上班 or 下班
// punch of a session worked is one 未打卡), and adds records that must not
// count: leave of the months before and after, a record split across the
// month's start and one across its end, a punch on a day off, a second
// 上班 punch after the first, a person who left before the month, one
// who joins and one who leaves in it. [April2021] is the spec of
// Suining's April 2021 bulletin; its records are committed under
// examples/data/records-2021-04, and a test of package attendance keeps
// them equal to what [Generate] writes (go test -update rewrites them).
//
// The generator knows the figures; package attendance, which counts the
// records, never sees them.
package attendancetest
