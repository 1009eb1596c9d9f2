package workday_test

import (
	"fmt"

	"github.com/zwfw/zwfw/matters/workday"
)

func ExampleCalendar_AddWorkdays() {
	cal := workday.China()
	accepted := workday.MustParseDate("2021-04-29")
	due, _ := cal.AddWorkdays(accepted, 5) // a limit of 5 工作日
	fmt.Println(due)
	// Output: 2021-05-10
}

func ExampleCalendar_IsWorkday() {
	cal := workday.China()
	for _, s := range []string{"2021-04-25", "2021-05-03", "2021-05-08", "2027-01-04"} {
		ok, err := cal.IsWorkday(workday.MustParseDate(s))
		name, _, _ := cal.Holiday(workday.MustParseDate(s))
		fmt.Println(s, ok, name, err)
	}
	// Output:
	// 2021-04-25 true 劳动节 <nil>
	// 2021-05-03 false 劳动节 <nil>
	// 2021-05-08 true 劳动节 <nil>
	// 2027-01-04 false  workday: 2027 is not in the calendar (it holds 2019–2026); load that year's schedule
}

func ExampleCalendar_WorkdaysBetween() {
	cal := workday.China()
	n, _ := cal.WorkdaysBetween(workday.MustParseDate("2021-03-31"), workday.MustParseDate("2021-04-30"))
	fmt.Println("April 2021:", n, "working days")
	// Output: April 2021: 22 working days
}

func ExampleParseSchedules() {
	doc := []byte(`kind: HolidaySchedule
schemaVersion: 1
years:
  - year: 2027
    notices: [{title: 2027年部分节假日安排, date: 2026-11-01}]
    holidays:
      - {name: 元旦, from: 2027-01-01, to: 2027-01-03, workdays: [2027-01-05]}
`)
	_, probs := workday.ParseSchedules("2027.yaml", doc)
	for _, p := range probs {
		fmt.Println(p)
	}
	// Output:
	// 2027.yaml:7:65: error: /years/0/holidays/0/workdays/0: 2027-01-05 is a Tuesday: only a weekend day can be declared a working day [workday.workday]
}
