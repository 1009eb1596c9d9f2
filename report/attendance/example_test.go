package attendance_test

import (
	"fmt"
	"strings"

	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/report/attendance"
)

// Count a month of records read from CSV: who was late, who missed a
// punch, whose leave counts. 张三 has no punch on the 29th (four missed)
// and came late on the 30th, missing the afternoon's 上班 punch; 李四's
// sick leave runs into May and counts in April for its four half days.
func ExampleRecords_Month() {
	// Both joined the hall's windows on Thursday 29 April 2021.
	roster, _ := attendance.ReadRoster(strings.NewReader("姓名,派驻单位,起始日期\n张三,市水利局,2021-04-29\n李四,市税务局,2021-04-29\n"), "roster.csv")
	leave, _ := attendance.ReadLeave(strings.NewReader(
		"姓名,假别,开始日期,开始时段,结束日期,结束时段\n李四,病假,2021-04-29,上午,2021-05-06,下午\n"), "leave.csv")
	punches, probs := attendance.ReadPunches(strings.NewReader(
		"姓名,打卡时间,打卡类型\n张三,2021-04-30 09:03,上班\n张三,2021-04-30 12:00,下班\n张三,2021-04-30 17:31,下班\n王五,2021-04-30 08:50,上班\n"), "punches.csv")
	schedule, _ := attendance.ReadSchedule(strings.NewReader("起始,时段,上班,下班\n10-01,上午,09:00,12:00\n10-01,下午,13:30,17:30\n"), "schedule.csv")
	recs := &attendance.Records{Roster: roster, Leave: leave, Punches: punches, Schedule: schedule, Calendar: attendance.Official()}

	m, more := recs.Month(report.Period{Year: 2021, Month: 4})
	probs.Append(more)
	for _, p := range probs {
		fmt.Println(p)
	}
	for _, p := range m.People {
		fmt.Printf("%s: 迟到 %d, 未打卡 %d, 请假 %d 个半天\n", p.Name, p.Late, p.Missed, p.HalfDays)
	}
	for _, k := range m.Leave {
		fmt.Printf("%s %d 人次\n", k.Kind, k.Count)
	}
	// Output:
	// punches.csv:5:1: warning: /rows/3/name: 王五 is not on the roster; their punches are left out [attendance.unknown-person]
	// 张三: 迟到 1, 未打卡 5, 请假 0 个半天
	// 李四: 迟到 0, 未打卡 0, 请假 4 个半天
	// 病假 1 人次
}
