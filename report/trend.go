package report

import (
	"cmp"
	"math/big"
	"slices"
	"time"
)

// Series is one figure of the bulletin followed across months: the
// counts of the fixed sections (visits, submissions, leave by kind, late
// arrivals, missed clock-ins, cases accepted and completed, the
// completion rate) and every figure of the updates that names an
// indicator, by unit.
type Series struct {
	// Key identifies the figure across months: "efficiency.accepted",
	// "leave.kind/病假", "indicator/蓬溪县/即办比例".
	Key   string
	Label string // what a reader sees: 受理件数, 请假·病假, 蓬溪县 即办比例
	Unit  string // 件, 人次, 条, %, 项 …
	// Points are the months that report the figure, oldest first.
	Points []Point
}

// Point is a figure's value in one month.
type Point struct {
	Period Period
	Value  Decimal
}

// At returns the figure's value in month p.
func (s *Series) At(p Period) (Decimal, bool) {
	i, ok := slices.BinarySearchFunc(s.Points, p, func(pt Point, p Period) int { return comparePeriods(pt.Period, p) })
	if !ok {
		return Decimal{}, false
	}
	return s.Points[i].Value, true
}

// Change is how a figure moved: its value now, then, and the difference;
// Rel is the difference over the earlier value in percent (two decimals),
// unset when there is no earlier value or it is zero.
type Change struct {
	Now, Then, Diff Decimal
	Rel             *Decimal
}

// Change returns the change of the figure from month from to month to,
// and whether both months report it. For a percentage the difference is
// in percentage points and Rel is left unset.
func (s *Series) Change(from, to Period) (Change, bool) {
	then, ok1 := s.At(from)
	now, ok2 := s.At(to)
	if !ok1 || !ok2 {
		return Change{}, false
	}
	diff := new(big.Rat).Sub(now.Rat(), then.Rat())
	places := max(now.Places(), then.Places())
	c := Change{Now: now, Then: then, Diff: decimalFromRat(diff, places)}
	if s.Unit != "%" && then.Sign() != 0 {
		rel := decimalFromRat(new(big.Rat).Mul(new(big.Rat).Quo(diff, then.Rat()), big.NewRat(100, 1)), 2)
		c.Rel = &rel
	}
	return c, true
}

// Prev returns the month before p.
func (p Period) Prev() Period {
	t := time.Date(p.Year, p.Month-1, 1, 0, 0, 0, 0, time.UTC)
	return Period{Year: t.Year(), Month: t.Month()}
}

// YearBefore returns the same month a year before p.
func (p Period) YearBefore() Period { return Period{Year: p.Year - 1, Month: p.Month} }

func comparePeriods(a, b Period) int {
	if c := cmp.Compare(a.Year, b.Year); c != 0 {
		return c
	}
	return cmp.Compare(a.Month, b.Month)
}

// Trends follows the figures of bulletins across their months. The
// bulletins may come in any order; of two for the same month the later
// argument wins. Series come in the order their figures first appear in
// the most recent bulletin, then those only older bulletins report.
func Trends(bs ...*Bulletin) []Series {
	byPeriod := map[Period]*Bulletin{}
	for _, b := range bs {
		if b != nil {
			byPeriod[b.Period] = b
		}
	}
	periods := make([]Period, 0, len(byPeriod))
	for p := range byPeriod {
		periods = append(periods, p)
	}
	slices.SortFunc(periods, comparePeriods)

	index := map[string]*Series{}
	var order []string
	add := func(rank int, key, label, unit string, p Period, v Decimal) {
		s := index[key]
		if s == nil {
			s = &Series{Key: key, Label: label, Unit: unit}
			index[key] = s
			order = append(order, key)
		}
		s.Points = append(s.Points, Point{Period: p, Value: v})
	}
	// The newest month first, so the order is that of the latest bulletin.
	for r := len(periods) - 1; r >= 0; r-- {
		p := periods[r]
		for _, f := range fixedFigures(byPeriod[p]) {
			add(r, f.key, f.label, f.unit, p, f.value)
		}
	}
	out := make([]Series, 0, len(order))
	for _, k := range order {
		s := index[k]
		slices.SortFunc(s.Points, func(a, b Point) int { return comparePeriods(a.Period, b.Period) })
		out = append(out, *s)
	}
	return out
}

type fixedFigure struct {
	key, label, unit string
	value            Decimal
}

// fixedFigures lists the figures of one bulletin that a reader follows
// from month to month.
func fixedFigures(b *Bulletin) []fixedFigure {
	var out []fixedFigure
	add := func(key, label, unit string, v Decimal) {
		out = append(out, fixedFigure{key, label, unit, v})
	}
	if e := b.Efficiency; e != nil {
		add("efficiency.accepted", "受理件数", "件", DecimalOf(e.Accepted))
		add("efficiency.completed", "办结件数", "件", DecimalOf(e.Completed))
		if r, ok := e.Rate().Percent(2); ok {
			add("efficiency.rate", "办结率", "%", r)
		}
	}
	if a := b.Attendance; a != nil {
		if l := a.Leave; l != nil {
			total := l.Sum()
			if l.Total != nil {
				total = *l.Total
			}
			add("leave.total", "请假合计", "人次", DecimalOf(total))
			for _, k := range l.Kinds {
				add("leave.kind/"+k.Kind, "请假·"+k.Kind, "人次", DecimalOf(k.Count))
			}
		}
		if c := a.Clock; c != nil {
			add("clock.late", "迟到", "人次", DecimalOf(c.Late))
			add("clock.missed", "未打卡", "人次", DecimalOf(c.Missed))
		}
	}
	if v := b.Visits; v != nil {
		total := v.Sum()
		if v.Total != nil {
			total = *v.Total
		}
		add("visits.total", "部门调研", "人次", DecimalOf(total))
	}
	if len(b.Submissions) > 0 {
		var n int64
		for _, s := range b.Submissions {
			n += s.Count
		}
		add("submissions.total", "信息报送", "条", DecimalOf(n))
	}
	for r := range b.Figures() {
		f := r.Figure
		if f.Indicator == "" || f.Kind == Date {
			continue
		}
		unit := r.Addr.Unit
		if f.Subject != "" {
			unit = f.Subject
		}
		u := f.Unit.String()
		if f.Kind == Percentage {
			u = "%"
		}
		add("indicator/"+unit+"/"+f.Indicator, unit+" "+f.Indicator, u, f.Value)
	}
	return out
}
