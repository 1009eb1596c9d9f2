package workday

import (
	"strconv"
	"testing"

	"github.com/6tail/lunar-go/HolidayUtil"
)

// TestAgreesWithLunarGo sets the embedded schedules against the holiday
// table of github.com/6tail/lunar-go, kept independently from the same
// notices: every day of 2019–2026 must be a working day in both or in
// neither, and a day off must carry the same holiday.
func TestAgreesWithLunarGo(t *testing.T) {
	c := China()
	for _, y := range c.Years() {
		t.Run(strconv.Itoa(y), func(t *testing.T) {
			for d := NewDate(y, 1, 1); d.Year() == y; d = d.AddDays(1) {
				got, err := c.IsWorkday(d)
				if err != nil {
					t.Fatal(err)
				}
				yy, mm, dd := d.Date()
				want := d.Weekday() != 0 && d.Weekday() != 6
				if h := HolidayUtil.GetHolidayByYmd(yy, int(mm), dd); h != nil {
					want = h.IsWork()
				}
				if got != want {
					t.Errorf("%s: IsWorkday = %v, lunar-go says %v", d, got, want)
				}
			}
		})
	}
}
