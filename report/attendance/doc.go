// Package attendance computes sections 二, 三 and 四 of the monthly
// bulletin, and its attachment 窗口工作人员考勤情况明细, from the records a
// hall keeps: the window roster, leave records, the clock-in punches its
// app exports, the visits log and the submissions log.
//
// # Records
//
// Each record file is CSV in UTF-8 (with or without byte-order mark) or
// GB18030 as Excel on Chinese Windows saves it; headers are Chinese, with
// aliases (姓名 or 人员, 假别 or 请假类型, 打卡时间 or 时间 …) and the English
// keys of problem paths (name, kind, time …). [LoadFS] reads a directory
// of them (the File constants); the Read functions read one each:
//
//	roster.csv       姓名, 工号?, 派驻单位, 窗口?, 起始日期?, 截止日期?        [ReadRoster]
//	leave.csv        姓名, 工号?, 假别, 开始日期, 开始时段?, 结束日期, 结束时段?  [ReadLeave]
//	punches.csv      姓名, 工号?, 打卡时间, 打卡类型 (上班, 下班, 外勤)          [ReadPunches]
//	visits.csv       日期, 部门, 职务?, 姓名                                   [ReadVisits]
//	submissions.csv  部门, 日期, 标题?                                         [ReadSubmissions]
//	leave-kinds.csv  假别, 别名?: the kinds the bureau declares, in its order   [ReadLeaveKinds]
//	schedule.csv     起始 (MM-DD), 时段 (上午, 下午), 上班, 下班 (HH:MM)          [ReadSchedule]
//	calendar.csv     日期, 安排 (休, 班): a calendar of the bureau's own          [ReadCalendar]
//
// Every problem is a [schema.Problem] located at file:line:column, with
// the path /rows/N/column (N counts data rows from 0) and a stable rule
// (the Rule constants). A person in the punches who is not on the roster
// is a warning, once per person, and their punches are left out; leave of
// someone not on the roster, or of a kind the bureau does not declare, is
// an error. A row longer than [MaxRow] bytes or a file of more than
// [MaxRows] rows ends reading with a problem, so memory stays bounded.
//
// # Counting
//
// [Records.Month] counts one month on a [Calendar] — China's official one
// from package matters/workday ([Official]) unless the directory declares
// its own — and the hall's [Schedule] (its morning and afternoon hours,
// which may change with the season: summer from 05-01, winter from 10-01).
// The rules:
//
//   - Leave is counted in 人次: a leave record counts once in each month in
//     which it covers at least one working half day of its person while on
//     the roster. A record across a month's end counts in both months, each
//     for its own working half days; leave over days off alone counts
//     nowhere. Half days: a record runs from its 开始时段 (上午 unless
//     stated) of its first day to its 结束时段 (下午 unless stated) of its
//     last. Two records covering one half day count it once (a warning).
//   - Punches are counted per session (上午, 下午) of each working day a
//     person is on the roster and not on leave for that half day: the first
//     上班 punch in the session's window (from halfway after the previous
//     session's end) is late (迟到) when its minute is after the start; the
//     last 下班 punch (up to halfway to the next session) is early (早退)
//     when before the end; each missing one is one 未打卡. A 外勤 punch in
//     the window makes the session field duty (外勤) and nothing else is
//     counted for it. Days off count nothing, punches on them included; a
//     make-up working day (调休上班) counts as any working day.
//   - Visits count one per line of the visits log in the month, grouped by
//     official in the order of their first visit; submissions one per line,
//     by department.
//
// # Into the bulletin
//
// [Month.Fill] writes the month into a [report.Bulletin] (an editorial
// file holds the updates' texts; the records give the figures), with the
// attachment table [Month.Detail]; [Month.Compare] lists every figure an
// editorial bulletin states that differs from what the records give.
//
// The package stands on package report, whose [report.Bulletin] it fills,
// and on matters/workday for the calendar; report knows nothing of it.
//
// Package attendancetest generates synthetic records built to give stated
// figures; examples/data/records-2021-04 holds those of April 2021, which
// give exactly the seed's sections 二 and 四.
package attendance
