package cases_test

import (
	"errors"
	"testing"
	"time"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/workday"
	"github.com/zwfw/zwfw/reform/cases"
	"github.com/zwfw/zwfw/reform/cases/casestest"
)

func TestDeadline(t *testing.T) {
	at := func(s string) time.Time {
		v, err := cases.ParseTime(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	wd := func(n string) matters.Limit {
		return matters.Limit{Value: matters.MustParseQuantity(n), Unit: matters.WorkingDays}
	}
	tests := []struct {
		name string
		c    cases.Case
		want string
	}{
		{"5 working days across 劳动节", cases.Case{Accepted: at("2021-04-29 09:00"), Limit: wd("5")}, "2021-05-10"},
		{"suspended 04-07..04-12 adds 3 working days", cases.Case{Accepted: at("2021-04-06 09:00"), Limit: wd("5"),
			Suspensions: []cases.Suspension{{From: at("2021-04-07 09:00"), To: at("2021-04-12 17:00")}}}, "2021-04-16"},
		{"overlapping suspensions count once", cases.Case{Accepted: at("2021-04-06 09:00"), Limit: wd("5"),
			Suspensions: []cases.Suspension{{From: at("2021-04-07 09:00"), To: at("2021-04-12 17:00")}, {From: at("2021-04-08 09:00"), To: at("2021-04-09 17:00")}}}, "2021-04-16"},
		{"即办 is the day of acceptance", cases.Case{Accepted: at("2021-04-09 10:32"), Limit: matters.Limit{Unit: matters.Instant}}, "2021-04-09"},
		{"20 natural days", cases.Case{Accepted: at("2021-04-01 10:00"), Limit: matters.Limit{Value: matters.QuantityOf(20), Unit: matters.CalendarDays}}, "2021-04-21"},
		{"half a working day rounds up", cases.Case{Accepted: at("2021-04-30 10:00"), Limit: wd("0.5")}, "2021-05-06"},
		{"1 month", cases.Case{Accepted: at("2021-01-31 10:00"), Limit: matters.Limit{Value: matters.QuantityOf(1), Unit: matters.Months}}, "2021-03-03"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cases.Deadline(workday.China(), &tt.c)
			if err != nil {
				t.Fatal(err)
			}
			if s := got.Format("2006-01-02"); s != tt.want || got.Format("15:04:05") != "23:59:59" {
				t.Errorf("Deadline = %s, want the end of %s", got, tt.want)
			}
		})
	}
	hours := cases.Case{Accepted: at("2021-04-14 09:00"), Limit: matters.Limit{Value: matters.QuantityOf(2), Unit: matters.Hours},
		Suspensions: []cases.Suspension{{From: at("2021-04-14 10:00"), To: at("2021-04-14 10:30")}}}
	if got, err := cases.Deadline(workday.China(), &hours); err != nil || got.Format("15:04") != "11:30" {
		t.Errorf("2 hours with half an hour suspended: %v, %v; want 11:30", got, err)
	}
	if _, err := cases.Deadline(workday.China(), &cases.Case{Accepted: at("2021-04-14 09:00")}); !errors.Is(err, cases.ErrNoLimit) {
		t.Errorf("no limit: err = %v", err)
	}
	if _, err := cases.Deadline(workday.China(), &cases.Case{Accepted: at("2026-12-28 09:00"), Limit: wd("5")}); !errors.Is(err, workday.ErrUnknownYear) {
		t.Errorf("into 2027: err = %v, want workday.ErrUnknownYear", err)
	}
}

// A completed case is on time exactly when it was completed by its
// deadline: the tally and Deadline count alike.
func TestTallyAgreesWithDeadline(t *testing.T) {
	cal := workday.China()
	n := 0
	for _, c := range synthetic(t, casestest.Options{Accepted: 2000, Completed: 1500}) {
		if c.Completed.IsZero() || c.Completed.Before(c.Accepted) || c.Limit.IsZero() {
			continue
		}
		due, err := cases.Deadline(cal, &c)
		if err != nil {
			t.Fatal(err)
		}
		day := workday.DateOf(c.Completed)
		y, m, _ := day.Date()
		tl := cases.NewTally(cases.Month(y, m), cal)
		tl.Add(&c)
		tot := tl.Total()
		if want := !c.Completed.After(due); (tot.OnTime == 1) != want {
			t.Errorf("%s (%s, %d suspensions): accepted %s completed %s, deadline %s; tally on time %v",
				c.ID, c.Limit, len(c.Suspensions), c.Accepted, c.Completed, due, tot.OnTime == 1)
		}
		n++
	}
	if n < 1000 {
		t.Errorf("only %d cases checked", n)
	}
}
