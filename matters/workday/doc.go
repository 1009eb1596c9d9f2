// Package workday is China's official working-day calendar and the
// arithmetic time limits need: which days are working days, the n-th
// working day after acceptance, the working days a case has used.
//
// # The calendar
//
// Working days are Monday to Friday, less the public holidays the State
// Council announces each year, plus the weekend days it declares working
// days in exchange (调休). [China] returns the calendar for 2019–2026, built
// on first use from the yearly notices embedded in the package
// (china.yaml), each cited by title, 文号 and date of issue, with the
// notices that amended 2019 (劳动节) and 2020 (the longer 春节):
//
//	2019  国务院办公厅关于2019年部分节假日安排的通知 国办发明电〔2018〕15号 2018-12-06;
//	      国务院办公厅关于调整2019年劳动节假期安排的通知 国办发明电〔2019〕2号 2019-03-22
//	2020  国办发明电〔2019〕16号 2019-11-21; 国务院办公厅关于延长2020年春节假期的通知 国办发明电〔2020〕1号 2020-01-26
//	2021  国办发明电〔2020〕27号 2020-11-25
//	2022  国办发明电〔2021〕11号 2021-10-25
//	2023  国办发明电〔2022〕16号 2022-12-08
//	2024  国办发明电〔2023〕7号 2023-10-25
//	2025  国办发明电〔2024〕12号 2024-11-12
//	2026  国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04
//
// The tests check every day of those years against the independent table
// of github.com/6tail/lunar-go (a test-only dependency).
//
// A date in a year the calendar holds no schedule for is an error wrapping
// [ErrUnknownYear], never a guess: next year's holidays are not known until
// the notice is out. A bureau adds that year without a new release of this
// module by writing a document of the same form as china.yaml
// ([ChinaSchedules] returns it) and loading it:
//
//	ss, probs := workday.LoadSchedules("holidays-2027.yaml")
//	if err := probs.Err(); err != nil { … } // file:line:col, JSON Pointer, rule
//	cal, err := workday.China().With(ss...)
//
// # Counting
//
// A limit counts from the day after acceptance: [Calendar.AddWorkdays] of
// 5 from Thursday 2021-04-29 is Monday 2021-05-10 (4-30, 5-06, 5-07, the
// Saturday 5-08 worked, 5-10). [Calendar.WorkdaysBetween] is its inverse:
// the working days after one date up to and including another. A limit of
// 0 working days, or 即办, ends on the day of acceptance. Calendar days,
// hours and suspended periods are the caller's arithmetic on [Date] and
// time.Time; package reform/cases puts them together for case records.
//
// # Dates
//
// [Date] is a civil day with no zone, a small comparable value whose zero
// value means "no date", written 2006-01-02. [DateOf] takes the day of a
// time.Time in its own location: case timestamps are local (Beijing) time.
package workday
