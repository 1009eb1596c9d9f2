package workday

import (
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/zwfw/zwfw/schema"
)

// Schedule is one year's official holiday schedule: the holidays with their
// days off and the weekend days worked in exchange (调休), as the State
// Council's notice for that year sets them.
type Schedule struct {
	Year     int
	Notices  []Notice // the notice, and any later one amending it
	Holidays []Holiday
}

// Notice cites the document a schedule comes from.
type Notice struct {
	Title  string // 国务院办公厅关于2021年部分节假日安排的通知
	Number string // 国办发明电〔2020〕27号; empty when not known
	Date   Date   // date of issue
}

// Holiday is one holiday of a schedule: its days off, From to To inclusive,
// and the weekend days worked in exchange.
type Holiday struct {
	Name     string // 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节
	From, To Date
	Workdays []Date
}

// Rules of the problems a schedule document can have.
const (
	RuleRead        schema.Rule = "workday.read"         // the file cannot be read
	RuleKind        schema.Rule = "workday.kind"         // kind is not HolidaySchedule
	RuleUnknownKey  schema.Rule = "workday.unknown-key"  // a member the format does not have
	RuleMissing     schema.Rule = "workday.missing"      // a required member is absent
	RuleType        schema.Rule = "workday.type"         // a member of the wrong JSON type
	RuleDate        schema.Rule = "workday.date"         // not a date, or a range that runs backwards
	RuleYear        schema.Rule = "workday.year"         // a year out of range, twice, or a day outside it
	RuleWorkday     schema.Rule = "workday.workday"      // a made-up working day that is not a weekend day
	RuleConflict    schema.Rule = "workday.conflict"     // one day declared twice
	RuleLongHoliday schema.Rule = "workday.long-holiday" // a holiday of more than 15 days
)

// Kind is the value of the kind member of a schedule document.
const Kind = "HolidaySchedule"

// ParseSchedules reads a holiday-schedule document (YAML or JSON, chosen
// by file's extension as in [schema.Parse]):
//
//	kind: HolidaySchedule
//	schemaVersion: 1
//	years:
//	  - year: 2021
//	    notices:
//	      - title: 国务院办公厅关于2021年部分节假日安排的通知
//	        number: 国办发明电〔2020〕27号
//	        date: 2020-11-25
//	    holidays:
//	      - {name: 劳动节, from: 2021-05-01, to: 2021-05-05, workdays: [2021-04-25, 2021-05-08]}
//
// Every problem is located at file:line:col with a JSON Pointer and a rule.
func ParseSchedules(file string, data []byte) ([]Schedule, schema.List) {
	root, probs := schema.Parse(file, data)
	if root == nil || probs.Err() != nil {
		return nil, probs // schema's syntax.* rules
	}
	d := decoder{}
	out := d.document(root)
	d.probs.Sort()
	return out, d.probs
}

// LoadSchedules reads a schedule document from a file.
func LoadSchedules(path string) ([]Schedule, schema.List) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, schema.List{&schema.Problem{Pos: schema.Pos{File: path}, Rule: RuleRead, Message: "workday: " + err.Error(), Msg: schema.M("%v", schema.ReadCause(err)), Err: err}}
	}
	return ParseSchedules(path, data)
}

// LoadSchedulesFS reads a schedule document from fsys.
func LoadSchedulesFS(fsys fs.FS, name string) ([]Schedule, schema.List) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, schema.List{&schema.Problem{Pos: schema.Pos{File: name}, Rule: RuleRead, Message: "workday: " + err.Error(), Msg: schema.M("%v", schema.ReadCause(err)), Err: err}}
	}
	return ParseSchedules(name, data)
}

type decoder struct {
	probs schema.List
}

func (d *decoder) errorf(n *schema.Node, p schema.Path, rule schema.Rule, format string, args ...any) {
	var pos schema.Pos
	if n != nil {
		pos = n.Pos
	}
	d.probs.Errorf(p, pos, rule, format, args...)
}

// object checks n is an object with only the allowed members and returns
// the members by name.
func (d *decoder) object(n *schema.Node, p schema.Path, required []string, optional ...string) map[string]*schema.Node {
	if n.Kind != schema.Object {
		d.errorf(n, p, RuleType, "want an object, not %s", n.Kind)
		return nil
	}
	m := map[string]*schema.Node{}
	for _, f := range n.Fields {
		ok := false
		for _, k := range append(required, optional...) {
			ok = ok || k == f.Key
		}
		if !ok && !strings.HasPrefix(f.Key, "x-") {
			d.probs.Errorf(p.Key(f.Key), f.KeyPos, RuleUnknownKey, "unknown member %q", f.Key)
			continue
		}
		m[f.Key] = f.Value
	}
	for _, k := range required {
		if m[k] == nil {
			d.errorf(n, p, RuleMissing, "member %q is missing", k)
		}
	}
	return m
}

func (d *decoder) str(n *schema.Node, p schema.Path) string {
	if n == nil {
		return ""
	}
	if n.Kind != schema.String || n.Value == "" {
		d.errorf(n, p, RuleType, "want a non-empty string")
		return ""
	}
	return n.Value
}

func (d *decoder) date(n *schema.Node, p schema.Path) Date {
	if n == nil {
		return Date{}
	}
	if n.Kind != schema.String {
		d.errorf(n, p, RuleType, "want a date written YYYY-MM-DD, not %s", n.Kind)
		return Date{}
	}
	v, err := ParseDate(n.Value)
	if err != nil {
		d.errorf(n, p, RuleDate, "%q is not a date (want YYYY-MM-DD)", n.Value)
	}
	return v
}

func (d *decoder) document(n *schema.Node) []Schedule {
	m := d.object(n, schema.Root, []string{"kind", "schemaVersion", "years"})
	if m == nil {
		return nil
	}
	if k := m["kind"]; k != nil && (k.Kind != schema.String || k.Value != Kind) {
		d.errorf(k, schema.Root.Key("kind"), RuleKind, "kind must be %s", Kind)
		return nil
	}
	if v := m["schemaVersion"]; v != nil && (v.Kind != schema.Number || v.Value != "1") {
		d.errorf(v, schema.Root.Key("schemaVersion"), RuleType, "schemaVersion must be 1")
	}
	ys := m["years"]
	if ys == nil {
		return nil
	}
	p := schema.Root.Key("years")
	if ys.Kind != schema.Array {
		d.errorf(ys, p, RuleType, "want an array of years, not %s", ys.Kind)
		return nil
	}
	var out []Schedule
	seen := map[int]bool{}
	owner := map[Date]string{}
	for i, yn := range ys.Items {
		s, ok := d.year(yn, p.Index(i), owner)
		if !ok {
			continue
		}
		if seen[s.Year] {
			d.errorf(yn, p.Index(i).Key("year"), RuleYear, "year %d is given twice", s.Year)
			continue
		}
		seen[s.Year] = true
		out = append(out, s)
	}
	return out
}

func (d *decoder) year(n *schema.Node, p schema.Path, owner map[Date]string) (Schedule, bool) {
	before := len(d.probs)
	m := d.object(n, p, []string{"year", "notices", "holidays"})
	if m == nil {
		return Schedule{}, false
	}
	var s Schedule
	if yn := m["year"]; yn != nil {
		y, err := strconv.Atoi(yn.Value)
		if yn.Kind != schema.Number || err != nil || y < 1949 || y > 9998 {
			d.errorf(yn, p.Key("year"), RuleYear, "year must be a whole number from 1949 to 9998")
		}
		s.Year = y
	}
	if nn := m["notices"]; nn != nil {
		if nn.Kind != schema.Array || len(nn.Items) == 0 {
			d.errorf(nn, p.Key("notices"), RuleType, "want a non-empty array of notices")
		} else {
			for i, e := range nn.Items {
				ep := p.Key("notices").Index(i)
				em := d.object(e, ep, []string{"title", "date"}, "number")
				if em == nil {
					continue
				}
				no := Notice{Title: d.str(em["title"], ep.Key("title")), Date: d.date(em["date"], ep.Key("date"))}
				if em["number"] != nil {
					no.Number = d.str(em["number"], ep.Key("number"))
				}
				s.Notices = append(s.Notices, no)
			}
		}
	}
	if hn := m["holidays"]; hn != nil {
		if hn.Kind != schema.Array {
			d.errorf(hn, p.Key("holidays"), RuleType, "want an array of holidays, not %s", hn.Kind)
		} else {
			for i, e := range hn.Items {
				if h, ok := d.holiday(e, p.Key("holidays").Index(i), s.Year, owner); ok {
					s.Holidays = append(s.Holidays, h)
				}
			}
		}
	}
	return s, len(d.probs) == before
}

func (d *decoder) holiday(n *schema.Node, p schema.Path, year int, owner map[Date]string) (Holiday, bool) {
	before := len(d.probs)
	m := d.object(n, p, []string{"name", "from", "to"}, "workdays")
	if m == nil {
		return Holiday{}, false
	}
	h := Holiday{
		Name: d.str(m["name"], p.Key("name")),
		From: d.date(m["from"], p.Key("from")),
		To:   d.date(m["to"], p.Key("to")),
	}
	inYear := func(v Date, vn *schema.Node, vp schema.Path) bool {
		// A schedule may begin 元旦 in the last days of the year before.
		if y := v.Year(); y != year && (y != year-1 || v.Before(NewDate(year-1, time.December, 25))) {
			d.errorf(vn, vp, RuleYear, "%s is not in %d", v, year)
			return false
		}
		return true
	}
	claim := func(v Date, vn *schema.Node, vp schema.Path, what string) {
		if prev, ok := owner[v]; ok {
			d.errorf(vn, vp, RuleConflict, "%s is declared twice (%s, and %s)", v, prev, what)
			return
		}
		owner[v] = what
	}
	if !h.From.IsZero() && !h.To.IsZero() && year != 0 {
		switch {
		case h.To.Before(h.From):
			d.errorf(m["to"], p.Key("to"), RuleDate, "holiday ends on %s, before it begins on %s", h.To, h.From)
		case h.To.Sub(h.From) >= 15:
			d.errorf(m["to"], p.Key("to"), RuleLongHoliday, "a holiday of %d days: no official holiday is longer than 15", h.To.Sub(h.From)+1)
		case inYear(h.From, m["from"], p.Key("from")) && inYear(h.To, m["to"], p.Key("to")):
			for v := h.From; !v.After(h.To); v = v.AddDays(1) {
				claim(v, m["from"], p.Key("from"), h.Name+" 放假")
			}
		}
	}
	if wn := m["workdays"]; wn != nil {
		wp := p.Key("workdays")
		if wn.Kind != schema.Array {
			d.errorf(wn, wp, RuleType, "want an array of dates, not %s", wn.Kind)
		} else {
			for i, e := range wn.Items {
				v := d.date(e, wp.Index(i))
				if v.IsZero() || year == 0 {
					continue
				}
				if wd := v.Weekday(); wd != time.Saturday && wd != time.Sunday {
					d.errorf(e, wp.Index(i), RuleWorkday, "%s is a %s: only a weekend day can be declared a working day", v, wd)
					continue
				}
				if inYear(v, e, wp.Index(i)) {
					claim(v, e, wp.Index(i), h.Name+" 调休上班")
					h.Workdays = append(h.Workdays, v)
				}
			}
		}
	}
	return h, len(d.probs) == before
}

// String formats the notice as its citation: title（number，date）.
func (n Notice) String() string {
	s := n.Title
	switch {
	case n.Number != "" && !n.Date.IsZero():
		s += fmt.Sprintf("（%s，%s）", n.Number, n.Date)
	case n.Number != "":
		s += "（" + n.Number + "）"
	case !n.Date.IsZero():
		s += "（" + n.Date.String() + "）"
	}
	return s
}
