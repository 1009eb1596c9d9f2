package attendancetest

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/zwfw/zwfw/matters/workday"
)

// Spec is what the generated records are built to give. The generator
// places the records so that counting them by the package's rules gives
// these figures; the counting itself never sees a Spec.
type Spec struct {
	Year  int
	Month time.Month
	Staff int // people on the roster
	// Leave is the leave to place, by kind, in 人次, in the order the
	// bureau declares its kinds.
	Leave []KindCount
	// Kinds are further kinds the bureau declares but nobody takes.
	Kinds       []string
	Late        int // punches after the start of a session
	Missed      int // punches left out
	Field       int // sessions on field duty (外勤)
	Visits      []Visit
	Submissions []Submission
	Seed        uint64
}

// KindCount is a leave kind and how many records of it fall in the month.
type KindCount struct {
	Kind  string
	Count int
}

// Visit is an official and how often they came in the month.
type Visit struct {
	Department, Title, Name string
	Count                   int
}

// Submission is a department and how many items it submitted.
type Submission struct {
	Department string
	Count      int
}

// April2021 is the April 2021 bulletin of Suining, section 二 to 四: 306
// 人次 of leave (199, 7, 34, 45, 10, 7, 2, 1, 1 by kind), 2 late
// arrivals and 9 missed punches, 15 visits of 14 officials, one
// submission.
func April2021() Spec {
	return Spec{
		Year: 2021, Month: time.April, Staff: 72,
		Leave: []KindCount{
			{"窗口业务事假", 199}, {"派驻单位工作假", 7}, {"延时服务调休假", 34}, {"个人私事假", 45},
			{"病假", 10}, {"年休假", 7}, {"生育假", 2}, {"哺乳假", 1}, {"婚假", 1},
		},
		Kinds:  []string{"丧假", "探亲假", "工伤假"},
		Late:   2,
		Missed: 9,
		Field:  6,
		Visits: []Visit{
			{"市交通运输局", "副局长", "黄火平", 1}, {"市应急局", "副局长", "侯国辉", 1},
			{"市文化广电旅游局", "副局长", "胡建军", 1}, {"市气象局", "副局长", "许正义", 1},
			{"市市场监管局", "副局长", "朱丹", 1}, {"市水利局", "副局长", "荣泽黎", 1},
			{"市生态环境局", "副局长", "陈强", 1}, {"市住房和城乡建设局", "副局长", "唐静", 2},
			{"市房管局", "副局长", "米洪芝", 1}, {"市经济和信息化局", "副局长", "蔡学东", 1},
			{"船山区税务局", "副局长", "金继", 1}, {"市林业局", "总工", "易鹏飞", 1},
			{"市发展改革委", "副主任", "王玉军", 1}, {"市人防办", "副主任", "冷强军", 1},
		},
		Submissions: []Submission{{"市市场监管局", 1}},
		Seed:        202104,
	}
}

var departments = []string{
	"市公安局", "市自然资源和规划局", "市住房和城乡建设局", "市市场监管局", "市人力资源社会保障局",
	"市税务局", "市医保局", "市住房公积金中心", "市交通运输局", "市卫生健康委", "市民政局",
	"市生态环境局", "市水利局", "市农业农村局", "市商务局", "市文化广电旅游局", "市不动产登记中心", "市残联",
}

var (
	surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢")
	given    = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇浩然琳雪梅丹")
)

// Files are generated records by file name, as CSV in UTF-8.
type Files map[string][]byte

// Generate builds the records of spec: the roster, leave records,
// clock-in punches, the visits and submissions logs, the declared leave
// kinds and the hall's hours, with a few records of the months around
// it that must not count. It is deterministic.
func Generate(spec Spec) (Files, error) {
	g := &gen{spec: spec, rng: rand.New(rand.NewPCG(spec.Seed, 2021)), cal: workday.China()}
	return g.run()
}

type gen struct {
	spec Spec
	rng  *rand.Rand
	cal  *workday.Calendar

	first time.Time
	days  []time.Time // working days of the month
	staff []person
}

type person struct {
	name, id, dept, window string
	from, to               time.Time    // on the roster; zero for open
	busy                   map[int]bool // half days (index into days ×2) on leave
}

type session struct{ start, end int } // minutes after midnight

// The hall's hours in winter (from 10-01) and summer (from 05-01).
var winter = []session{{9 * 60, 12 * 60}, {13*60 + 30, 17*60 + 30}}

func (g *gen) run() (Files, error) {
	s := g.spec
	g.first = time.Date(s.Year, s.Month, 1, 0, 0, 0, 0, time.UTC)
	for d := g.first; d.Month() == s.Month; d = d.AddDate(0, 0, 1) {
		ok, err := g.cal.IsWorkday(workday.DateOf(d))
		if err != nil {
			return nil, err
		}
		if ok {
			g.days = append(g.days, d)
		}
	}
	if s.Month >= time.May && s.Month < time.October {
		return nil, fmt.Errorf("attendancetest: only months of the winter hours (October to April) are generated")
	}
	files := Files{}
	files["roster.csv"] = g.roster()
	leave, err := g.leave()
	if err != nil {
		return nil, err
	}
	files["leave.csv"] = leave
	files["punches.csv"] = g.punches()
	files["visits.csv"] = g.visits()
	files["submissions.csv"] = g.submissions()
	kinds := [][]string{{"假别"}}
	for _, k := range s.Leave {
		kinds = append(kinds, []string{k.Kind})
	}
	for _, k := range s.Kinds {
		kinds = append(kinds, []string{k})
	}
	files["leave-kinds.csv"] = write(kinds)
	files["schedule.csv"] = write([][]string{
		{"起始", "时段", "上班", "下班"},
		{"05-01", "上午", "09:00", "12:00"},
		{"05-01", "下午", "14:30", "18:00"},
		{"10-01", "上午", "09:00", "12:00"},
		{"10-01", "下午", "13:30", "17:30"},
	})
	return files, nil
}

func write(rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(rows)
	return b.Bytes()
}

func date(t time.Time) string { return t.Format(time.DateOnly) }

func (g *gen) roster() []byte {
	rows := [][]string{{"姓名", "工号", "派驻单位", "窗口", "起始日期", "截止日期"}}
	used := map[string]bool{}
	for i := 0; i < g.spec.Staff; i++ {
		var name string
		for {
			name = string(surnames[g.rng.IntN(len(surnames))]) + string(given[g.rng.IntN(len(given))])
			if g.rng.IntN(2) == 0 {
				name += string(given[g.rng.IntN(len(given))])
			}
			if !used[name] {
				break
			}
		}
		used[name] = true
		p := person{name: name, id: fmt.Sprintf("SN%03d", i+1), dept: departments[i%len(departments)],
			window: fmt.Sprintf("%d号窗口", i+1), from: time.Date(g.spec.Year-1, 1, 1, 0, 0, 0, 0, time.UTC), busy: map[int]bool{}}
		switch i {
		case g.spec.Staff - 1: // joins in the middle of the month
			p.from = g.days[len(g.days)/2]
		case g.spec.Staff - 2: // leaves in the middle of the month
			p.to = g.days[len(g.days)/2]
		}
		g.staff = append(g.staff, p)
		to := ""
		if !p.to.IsZero() {
			to = date(p.to)
		}
		rows = append(rows, []string{p.name, p.id, p.dept, p.window, date(p.from), to})
	}
	// Someone who left before the month: not on its roster.
	rows = append(rows, []string{"离任者", "SN999", departments[0], "99号窗口", date(g.first.AddDate(-1, 0, 0)), date(g.first.AddDate(0, -1, 0))})
	return write(rows)
}

// on reports whether p is on the roster on working day d.
func (p *person) on(d time.Time) bool {
	return !d.Before(p.from) && (p.to.IsZero() || !d.After(p.to))
}

// leave places the records of each kind: each covers working half days
// of the month no other record of the person covers.
func (g *gen) leave() ([]byte, error) {
	rows := [][]string{{"姓名", "工号", "假别", "开始日期", "开始时段", "结束日期", "结束时段"}}
	half := []string{"上午", "下午"}
	// Records that reach beyond the month, one per kind named here.
	long := map[string]func(p int) (time.Time, int, time.Time, int){
		"生育假": func(int) (time.Time, int, time.Time, int) {
			return g.first.AddDate(0, -2, 14), 0, g.first.AddDate(0, 3, 0), 1
		},
		"婚假": func(int) (time.Time, int, time.Time, int) {
			return g.days[len(g.days)-3], 0, g.first.AddDate(0, 1, 9), 1
		},
	}
	// The long records first, while people still have whole months free.
	kinds := slices.Clone(g.spec.Leave)
	slices.SortStableFunc(kinds, func(a, b KindCount) int {
		_, la := long[a.Kind]
		_, lb := long[b.Kind]
		switch {
		case la && !lb:
			return -1
		case lb && !la:
			return 1
		}
		return 0
	})
	for _, k := range kinds {
		for n := 0; n < k.Count; n++ {
			for try := 0; ; try++ {
				if try > 10000 {
					return nil, fmt.Errorf("attendancetest: no room for %s", k.Kind)
				}
				pi := g.rng.IntN(len(g.staff))
				p := &g.staff[pi]
				if f, ok := long[k.Kind]; ok && (n == 0 || k.Kind == "生育假") {
					from, fh, to, th := f(pi)
					if k.Kind == "生育假" && n == 1 {
						from, fh = g.days[10], 1 // starts in the afternoon, in the month
					}
					if !g.take(p, from, fh, to, th) {
						continue
					}
					rows = append(rows, []string{p.name, p.id, k.Kind, date(from), half[fh], date(to), half[th]})
					break
				}
				length := g.length(k.Kind)
				start := g.rng.IntN(2 * len(g.days))
				end := start + length - 1
				if end >= 2*len(g.days) {
					continue
				}
				from, to := g.days[start/2], g.days[end/2]
				if k.Kind == "年休假" && n == 0 {
					// Begins in the month before: split at the month's start.
					from, start = g.first.AddDate(0, 0, -2), 0
					end = 3
					to = g.days[end/2]
				}
				if !g.take(p, from, start%2, to, end%2) {
					continue
				}
				rows = append(rows, []string{p.name, p.id, k.Kind, date(from), half[start%2], date(to), half[end%2]})
				break
			}
		}
	}
	// Leave of the months around, which the month must not count.
	p := g.staff[0]
	rows = append(rows,
		[]string{p.name, p.id, "病假", date(g.first.AddDate(0, -1, 9)), "上午", date(g.first.AddDate(0, -1, 10)), "下午"},
		[]string{p.name, p.id, "个人私事假", date(g.first.AddDate(0, 1, 11)), "下午", date(g.first.AddDate(0, 1, 11)), "下午"})
	return write(rows), nil
}

// length draws the working half days of a record of kind.
func (g *gen) length(kind string) int {
	switch kind {
	case "窗口业务事假", "延时服务调休假", "个人私事假", "哺乳假":
		return 1 + g.rng.IntN(2) // a half or a whole day
	case "派驻单位工作假":
		return 2 + 2*g.rng.IntN(2)
	case "病假":
		return 2 + g.rng.IntN(5)
	case "年休假":
		return 6 + 2*g.rng.IntN(3)
	}
	return 2
}

// take marks the working half days of the month from (from, fh) to (to,
// th) as the person's leave; false, with nothing marked, when the person
// is off the roster or on leave in one of them, or none falls in the
// month.
func (g *gen) take(p *person, from time.Time, fh int, to time.Time, th int) bool {
	var halves []int
	for i, d := range g.days {
		for h := 0; h < 2; h++ {
			if d.Before(from) || d.After(to) || d.Equal(from) && h < fh || d.Equal(to) && h > th {
				continue
			}
			if p.busy[2*i+h] || !p.on(d) {
				return false
			}
			halves = append(halves, 2*i+h)
		}
	}
	if len(halves) == 0 {
		return false
	}
	for _, h := range halves {
		p.busy[h] = true
	}
	return true
}

type punch struct {
	t    time.Time
	p    *person
	kind string
}

// punches writes the punches of every session worked: 上班 before the
// start, 下班 after the end, except Late sessions begun late, Missed
// punches left out and Field sessions on field duty; and a few punches
// that must not count (a holiday, an off-roster day).
func (g *gen) punches() []byte {
	type slot struct{ p, d, s int }
	var slots []slot
	for pi := range g.staff {
		p := &g.staff[pi]
		for di, d := range g.days {
			if !p.on(d) {
				continue
			}
			for si := range winter {
				if !p.busy[2*di+si] {
					slots = append(slots, slot{pi, di, si})
				}
			}
		}
	}
	// Distinct sessions for each kind of fault.
	pick := g.rng.Perm(len(slots))
	special := map[slot]string{}
	next := 0
	for _, f := range []struct {
		what string
		n    int
	}{{"late", g.spec.Late}, {"field", g.spec.Field}, {"double", 5}} {
		for i := 0; i < f.n; i++ {
			special[slots[pick[next]]] = f.what
			next++
		}
	}
	// A missed punch: the in or the out of a session; two of a session
	// are two missed punches.
	missed := map[slot][2]bool{}
	for i := 0; i < g.spec.Missed; {
		s := slots[pick[next]]
		next++
		if i+2 <= g.spec.Missed && i == 0 {
			missed[s] = [2]bool{true, true}
			i += 2
			continue
		}
		m := missed[s]
		m[g.rng.IntN(2)] = true
		missed[s] = m
		i++
	}
	var ps []punch
	at := func(d time.Time, min, sec int) time.Time {
		return d.Add(time.Duration(min)*time.Minute + time.Duration(sec)*time.Second)
	}
	for _, s := range slots {
		p, d, se := &g.staff[s.p], g.days[s.d], winter[s.s]
		switch special[s] {
		case "field":
			ps = append(ps, punch{at(d, se.start+10+g.rng.IntN(60), g.rng.IntN(60)), p, "外勤"})
			continue
		case "late":
			ps = append(ps, punch{at(d, se.start+1+g.rng.IntN(20), g.rng.IntN(60)), p, "上班"})
		case "double":
			// Two 上班 punches; the first counts.
			ps = append(ps, punch{at(d, se.start-1-g.rng.IntN(20), g.rng.IntN(60)), p, "上班"},
				punch{at(d, se.start+5+g.rng.IntN(20), g.rng.IntN(60)), p, "上班"})
		default:
			if !missed[s][0] {
				ps = append(ps, punch{at(d, se.start-1-g.rng.IntN(25), g.rng.IntN(60)), p, "上班"})
			}
		}
		if !missed[s][1] {
			ps = append(ps, punch{at(d, se.end+g.rng.IntN(25), g.rng.IntN(60)), p, "下班"})
		}
	}
	// Punches that must not count: on a public holiday of the month, if
	// any, and on a weekend day.
	for d := g.first; d.Month() == g.spec.Month; d = d.AddDate(0, 0, 1) {
		if !slices.ContainsFunc(g.days, d.Equal) {
			ps = append(ps, punch{at(d, 9*60+30, 0), &g.staff[1], "上班"})
			break
		}
	}
	slices.SortStableFunc(ps, func(a, b punch) int {
		if c := a.t.Compare(b.t); c != 0 {
			return c
		}
		return cmpString(a.p.id, b.p.id)
	})
	rows := [][]string{{"姓名", "工号", "打卡时间", "打卡类型"}}
	for _, p := range ps {
		rows = append(rows, []string{p.p.name, p.p.id, p.t.Format(time.DateTime), p.kind})
	}
	return write(rows)
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// visits writes the visits log: each official's visits on working days
// of the month in the order of the spec (a second visit late in the
// month), and one of the month before.
func (g *gen) visits() []byte {
	rows := [][]string{{"日期", "部门", "职务", "姓名"}}
	if len(g.spec.Visits) > 0 {
		v := g.spec.Visits[0]
		rows = append(rows, []string{date(g.first.AddDate(0, 0, -5)), v.Department, v.Title, v.Name})
	}
	var again []Visit
	for i, v := range g.spec.Visits {
		d := g.days[i*len(g.days)/(len(g.spec.Visits)+1)]
		rows = append(rows, []string{date(d), v.Department, v.Title, v.Name})
		for n := 1; n < v.Count; n++ {
			again = append(again, v)
		}
	}
	for i, v := range again {
		rows = append(rows, []string{date(g.days[len(g.days)-1-i%len(g.days)]), v.Department, v.Title, v.Name})
	}
	return write(rows)
}

// submissions writes the submissions log, with an item of the month
// before and one of the month after.
func (g *gen) submissions() []byte {
	rows := [][]string{{"部门", "日期", "标题"}}
	if len(g.spec.Submissions) > 0 {
		rows = append(rows, []string{g.spec.Submissions[0].Department, date(g.first.AddDate(0, 0, -3)), "上月信息"})
	}
	for _, s := range g.spec.Submissions {
		for n := 0; n < s.Count; n++ {
			rows = append(rows, []string{s.Department, date(g.days[(7+3*n)%len(g.days)]), fmt.Sprintf("%s政务服务工作信息(%d)", s.Department, n+1)})
		}
	}
	if len(g.spec.Submissions) > 0 {
		rows = append(rows, []string{g.spec.Submissions[0].Department, date(g.first.AddDate(0, 1, 2)), "下月信息"})
	}
	return write(rows)
}
