package casestest

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/workday"
	"github.com/zwfw/zwfw/reform/cases"
)

// Options say what month to generate and at what scale. The zero value
// is the seed's month: April 2021 at Suining's city hall.
type Options struct {
	Month     cases.Period // default April 2021
	Accepted  int          // cases accepted in the month; default 32,307
	Completed int          // cases completed in the month, of any acceptance date; default 21,514
	// CarriedOver is how many cases accepted before the month are open at
	// its start; default Accepted/5. Of them, Completed/4 (at most all)
	// complete in the month.
	CarriedOver int
	Seed        uint64 // default 1
	Unit        string // the unit every department belongs to; default 市本级
}

func (o Options) norm() Options {
	if o.Month == (cases.Period{}) {
		o.Month = cases.Month(2021, time.April)
	}
	if o.Accepted == 0 && o.Completed == 0 {
		o.Accepted, o.Completed = 32307, 21514
	}
	if o.CarriedOver == 0 {
		o.CarriedOver = o.Accepted / 5
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Unit == "" {
		o.Unit = "市本级"
	}
	return o
}

type dept struct {
	name    string
	weight  int
	windows []string
	matters []int // indexes into the matters table
}

type matter struct {
	code, name string
	limit      matters.Limit
}

// The city hall's departments, windows and matters. The names are those of
// Suining's bureaus; codes, limits and weights are made up.
var depts, table = build()

func build() ([]dept, []matter) {
	type spec struct {
		name    string
		weight  int
		windows int
		items   []string // name|value|unit
	}
	specs := []spec{
		{"市公安局", 22, 4, []string{"居民身份证换领|即办|", "户口迁移|5|工作日", "机动车驾驶证换证|即办|", "出入境证件签发|7|工作日", "无犯罪记录证明|1|工作日"}},
		{"市市场监督管理局", 16, 3, []string{"企业设立登记|1|工作日", "企业变更登记|1|工作日", "食品经营许可|10|工作日", "个体工商户登记|即办|"}},
		{"市不动产登记中心", 14, 3, []string{"不动产首次登记|5|工作日", "不动产转移登记|3|工作日", "不动产抵押登记|1|工作日", "不动产登记资料查询|即办|"}},
		{"市人力资源和社会保障局", 10, 2, []string{"社会保障卡申领|即办|", "失业保险金申领|10|工作日", "职业资格证书核发|15|工作日"}},
		{"市住房公积金管理中心", 8, 2, []string{"住房公积金提取|2|小时", "住房公积金贷款|10|工作日"}},
		{"市医疗保障局", 7, 2, []string{"医保关系转移|5|工作日", "异地就医备案|即办|"}},
		{"市税务局", 7, 2, []string{"发票领用|即办|", "税务登记|1|工作日"}},
		{"市交通运输局", 4, 1, []string{"道路运输经营许可|10|工作日", "出租汽车驾驶员证|5|工作日"}},
		{"市住房和城乡建设局", 4, 1, []string{"建筑工程施工许可|7|工作日", "商品房预售许可|20|自然日"}},
		{"市自然资源和规划局", 3, 1, []string{"建设用地规划许可|20|工作日", "建设工程规划许可|15|工作日"}},
		{"市民政局", 2, 1, []string{"婚姻登记|即办|", "社会团体登记|20|工作日"}},
		{"市卫生健康委员会", 2, 1, []string{"医师执业注册|20|工作日", "公共场所卫生许可|10|工作日"}},
		{"市生态环境局", 1, 1, []string{"环境影响评价审批|30|自然日"}},
	}
	var ds []dept
	var ms []matter
	for i, s := range specs {
		d := dept{name: s.name, weight: s.weight}
		for w := 1; w <= s.windows; w++ {
			d.windows = append(d.windows, fmt.Sprintf("%s%d号窗口", s.name[len("市"):], w))
		}
		for _, it := range s.items {
			var name, v, u string
			k := 0
			for j, part := range splitBar(it) {
				switch j {
				case 0:
					name = part
				case 1:
					v = part
				case 2:
					u = part
				}
				k++
			}
			l, err := matters.ParseLimit(v, u)
			if err != nil {
				panic(err)
			}
			d.matters = append(d.matters, len(ms))
			ms = append(ms, matter{code: fmt.Sprintf("51%02dA%05d-510900000000-000-1151090000%08d-1-00", i+1, len(ms)+1, 1000+i), name: name, limit: l})
		}
		ds = append(ds, d)
	}
	return ds, ms
}

func splitBar(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '|' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// Catalogue returns the catalogue the synthetic cases are drawn from, as
// the city publishes it. The cases differ from it on purpose: a few are of
// a matter it does not hold, a few carry an older promised limit.
func Catalogue() *matters.Catalogue {
	cat := &matters.Catalogue{Kind: matters.ImplementationList, Title: "遂宁市市本级政务服务事项（合成）",
		Division: matters.Division{Code: "510900", Name: "遂宁市"}}
	for _, d := range depts {
		for _, i := range d.matters {
			m := table[i]
			mm := matters.Matter{Code: matters.MatterCodeText(m.code), Name: m.name, Body: matters.Body{Name: d.name}, PromisedLimit: m.limit}
			if m.limit.Unit == matters.Instant {
				mm.HandlingKind = matters.InstantCase
			} else {
				mm.HandlingKind = matters.PromisedCase
			}
			cat.Matters = append(cat.Matters, mm)
		}
	}
	return cat
}

type gen struct {
	o      Options
	r      *rand.Rand
	cal    *workday.Calendar
	days   []workday.Date // working days of the month
	after  []workday.Date // working days of the month after
	before []workday.Date
	n      int
}

func pickDays(cal *workday.Calendar, from, to workday.Date) []workday.Date {
	var out []workday.Date
	for d := from; !d.After(to); d = d.AddDays(1) {
		if ok, err := cal.IsWorkday(d); err == nil && ok {
			out = append(out, d)
		}
	}
	return out
}

// Generate calls yield for each case of the synthetic month, in a fixed
// order: the same options give the same cases on every machine. Besides
// the cases counted, it yields a few the figures leave out (不予受理,
// 作废) and a few dirty ones (a matter missing from the catalogue, an old
// limit, a window timestamp on a closed day).
func Generate(opts Options, yield func(*cases.Case) error) error {
	o := opts.norm()
	g := &gen{o: o, r: rand.New(rand.NewPCG(o.Seed, 0x5a17)), cal: workday.China()}
	p := o.Month
	g.days = pickDays(g.cal, p.From, p.To)
	g.after = pickDays(g.cal, p.To.AddDays(1), p.To.AddDays(45))
	g.before = pickDays(g.cal, p.From.AddDays(-40), p.From.AddDays(-1))
	if len(g.days) == 0 || len(g.after) == 0 || len(g.before) == 0 {
		return fmt.Errorf("casestest: %s is not in the calendar's years", p)
	}
	carriedDone := min(o.Completed/4, o.CarriedOver)
	ownDone := o.Completed - carriedDone
	if ownDone > o.Accepted || ownDone < 0 {
		return fmt.Errorf("casestest: %d completed cannot come from %d accepted and %d carried over", o.Completed, o.Accepted, o.CarriedOver)
	}
	var c cases.Case
	emit := func() error { g.n++; return yield(&c) }
	for i := range o.CarriedOver {
		g.fill(&c, late(g.before, g.r), true)
		switch {
		case i < carriedDone:
			g.complete(&c, g.days, true)
		case g.r.IntN(3) == 0:
			g.open(&c)
		default:
			g.complete(&c, g.after, false)
		}
		if err := emit(); err != nil {
			return err
		}
	}
	for i := range o.Accepted {
		switch {
		case i < ownDone:
			g.fill(&c, g.days[g.r.IntN(len(g.days))], false)
			g.complete(&c, g.days, false)
		case g.r.IntN(5) == 0:
			g.fill(&c, g.days[g.r.IntN(len(g.days))], true)
			g.open(&c)
		default: // finished next month: accepted late in this one
			g.fill(&c, late(g.days, g.r), true)
			g.complete(&c, g.after, false)
		}
		if err := emit(); err != nil {
			return err
		}
		if g.r.IntN(160) == 0 { // an application refused
			g.fill(&c, g.days[g.r.IntN(len(g.days))], false)
			c.Status, c.Applied, c.Accepted = cases.NotAccepted, c.Accepted, time.Time{}
			c.Channel, c.Evaluation = cases.Online, 0
			if err := emit(); err != nil {
				return err
			}
		}
		if g.r.IntN(2000) == 0 { // a record voided
			g.fill(&c, g.days[g.r.IntN(len(g.days))], false)
			c.Status = cases.Void
			if err := emit(); err != nil {
				return err
			}
		}
	}
	return nil
}

// late picks one of the last four days.
func late(days []workday.Date, r *rand.Rand) workday.Date {
	n := min(4, len(days))
	return days[len(days)-n+r.IntN(n)]
}

func (g *gen) at(d workday.Date, fromHour, toHour int) time.Time {
	secs := fromHour*3600 + g.r.IntN((toHour-fromHour)*3600)
	return d.Time(cases.Beijing).Add(time.Duration(secs) * time.Second)
}

// draw draws a percentage and returns the index, of n, whose share it
// falls in; share(i) is the percentage of index i, and the last index
// takes what the shares leave.
func (g *gen) draw(n int, share func(i int) int) int {
	k := g.r.IntN(100)
	for i := range n - 1 {
		if k -= share(i); k < 0 {
			return i
		}
	}
	return n - 1
}

// A share is a value and the percentage of the draws that give it.
type share[T any] struct {
	pct   int
	value T
}

// pick draws one of the shares' values (see draw).
func pick[T any](g *gen, shares []share[T]) T {
	return shares[g.draw(len(shares), func(i int) int { return shares[i].pct })].value
}

// fill draws a case accepted on day acc. A slow case (one that stays open
// past the day) is of a matter with a limit in days.
func (g *gen) fill(c *cases.Case, acc workday.Date, slow bool) {
	d := &depts[g.draw(len(depts), func(i int) int { return depts[i].weight })]
	m := table[d.matters[g.r.IntN(len(d.matters))]]
	for slow && (m.limit.Unit == matters.Instant || m.limit.Unit == matters.Hours) {
		m = table[d.matters[g.r.IntN(len(d.matters))]]
	}
	*c = cases.Case{
		ID:         fmt.Sprintf("SN%s%07d", acc.Time(nil).Format("20060102"), g.n+1),
		MatterCode: m.code,
		MatterName: m.name,
		Department: d.name,
		Window:     d.windows[g.r.IntN(len(d.windows))],
		Unit:       g.o.Unit,
		Applicant:  cases.NaturalPerson,
		Status:     cases.Accepted,
		Limit:      m.limit,
	}
	if g.r.IntN(5) == 0 {
		c.Applicant = cases.LegalPerson
	}
	channels := [...]share[cases.Channel]{{38, cases.Online}, {50, cases.Window}, {8, cases.SelfServed}, {4, cases.Proxy}}
	c.Channel = pick(g, channels[:])
	switch g.r.IntN(500) {
	case 0: // a matter the catalogue does not hold
		c.MatterCode, c.MatterName = "5199A99999-510900000000-000-115109000000999X-1-00", "临时事项（未编入目录）"
	case 1: // the promise before the last cut
		if c.Limit.Unit == matters.WorkingDays {
			c.Limit.Value, _ = c.Limit.Value.Add(matters.QuantityOf(5))
		}
	case 2: // accepted at a window on the Saturday after
		sat := acc
		for sat.Weekday() != time.Saturday {
			sat = sat.AddDays(1)
		}
		if works, _ := g.cal.IsWorkday(sat); c.Channel != cases.Online && !works && g.o.Month.Contains(acc) == g.o.Month.Contains(sat) {
			acc = sat
		}
	}
	c.Accepted = g.at(acc, 9, 17)
	c.Applied = c.Accepted.Add(-time.Duration(g.r.IntN(3*86400)) * time.Second)
	if c.Channel != cases.Online {
		c.Applied = c.Accepted.Add(-time.Duration(g.r.IntN(1800)) * time.Second)
	}
}

// complete gives c a completion on one of days (working days in order),
// on or after acceptance: the k-th working day after it, moved into days.
// within says the case must finish within its limit.
func (g *gen) complete(c *cases.Case, days []workday.Date, within bool) {
	acc := workday.DateOf(c.Accepted)
	var limit int
	switch c.Limit.Unit {
	case matters.WorkingDays:
		n, _ := c.Limit.Value.Int()
		limit = int(n)
	case matters.CalendarDays:
		n, _ := c.Limit.Value.Int()
		limit = int(n) * 5 / 7
	}
	var k int
	switch {
	case c.Limit.Unit == matters.Instant || c.Limit.Unit == matters.Hours:
		if !within && g.r.IntN(40) == 0 {
			k = 1
		}
	case within || g.r.IntN(25) != 0:
		k = g.r.IntN(limit + 1)
	default:
		k = limit + 1 + g.r.IntN(5)
	}
	target, err := g.cal.AddWorkdays(acc, k)
	if err != nil {
		target = acc
	}
	idx, _ := slices.BinarySearchFunc(days, target, func(a, b workday.Date) int { return a.Compare(b) })
	done := days[min(idx, len(days)-1)]
	if done.Before(acc) {
		done = acc
	}
	c.Completed = g.at(done, 9, 18)
	if done == acc {
		c.Completed = c.Accepted.Add(time.Duration(5+g.r.IntN(90)) * time.Minute)
	}
	c.Status = cases.Completed
	c.Result = cases.Granted
	if g.r.IntN(50) == 0 {
		c.Result = cases.Refused
	}
	if limit > 3 && g.r.IntN(30) == 0 && done.Sub(acc) > 2 {
		from := g.at(acc.AddDays(1), 9, 12)
		c.Suspensions = []cases.Suspension{{From: from, To: from.Add(time.Duration(1+g.r.IntN(2)) * 24 * time.Hour)}}
	}
	if g.r.IntN(10) < 6 {
		evaluations := [...]share[cases.Evaluation]{{70, cases.VerySatisfied}, {22, cases.Satisfied}, {5, cases.FairlySatisfied}, {2, cases.Dissatisfied}, {1, cases.VeryDissatisfied}}
		c.Evaluation = pick(g, evaluations[:])
	}
}

func (g *gen) open(c *cases.Case) {
	switch g.r.IntN(10) {
	case 0:
		c.Status = cases.Supplementing
	case 1:
		c.Status = cases.Suspended
	default:
		c.Status = cases.Accepted
	}
}

// WriteCSV writes the synthetic month as a platform's CSV export (UTF-8,
// Chinese headers, the columns of [cases.Header]).
func WriteCSV(w io.Writer, opts Options) error {
	cw := cases.NewCSVWriter(w)
	if err := Generate(opts, cw.Write); err != nil {
		return err
	}
	return cw.Flush()
}
