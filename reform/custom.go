package reform

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/zwfw/zwfw/matters"
)

// Custom is an indicator a bureau defines as data rather than one of the
// package's [Indicator] values: the matters whose elements satisfy a
// [Predicate], as a share of the application-based (依申请) matters or as a
// count of them. 网上可办率, the matters accepted online over the
// application-based matters, is
//
//	Custom{Name: "网上可办率", Share: true, Where: Predicate{Online: matters.SetOf(matters.OnlineAccept)}}
//
// and in a modes document (customIndicators) or on examples/coverage's
// command line (-custom "网上可办率: online=互联网受理").
type Custom struct {
	Name  string
	Share bool // a share of the application-based matters; a count otherwise
	Where Predicate
}

// Predicate is a condition on a matter's elements; every element set must
// hold (and), and within a list one value is enough (or), except online
// items and forms, which must all be present. The zero Predicate holds for
// every matter.
type Predicate struct {
	Online    matters.Set[matters.OnlineItem] // has every one of these items
	Forms     matters.Set[matters.Form]       // offers every one of these forms
	Types     []matters.Type                  // is of one of these types
	Handling  matters.HandlingKind            // has this handling kind (即办 limits count as 即办件)
	MaxVisits *int                            // states at most this many visits
	Scopes    []string                        // is in one of these scopes (川渝通办, 遂潼通办)
	Flags     []string                        // 24小时自助, 容缺受理, 进驻大厅, 下放: each holds
}

// predicateFlags are the yes-or-no elements a predicate may require.
var predicateFlags = map[string]func(*matters.Matter) bool{
	"24小时自助": func(m *matters.Matter) bool { return m.SelfService24h },
	"容缺受理":   func(m *matters.Matter) bool { return m.TolerateMissing },
	"进驻大厅":   func(m *matters.Matter) bool { return m.InHall },
	"下放":     func(m *matters.Matter) bool { return m.IsDelegated() },
	"全程网办":   func(m *matters.Matter) bool { return m.FullyOnline() },
}

// Holds reports whether m satisfies the predicate.
func (p *Predicate) Holds(m *matters.Matter) bool {
	if m.Online&p.Online != p.Online || m.Forms&p.Forms != p.Forms {
		return false
	}
	if len(p.Types) > 0 && !slices.Contains(p.Types, m.Type) {
		return false
	}
	if p.Handling != 0 {
		kind := m.HandlingKind
		if m.PromisedLimit.IsInstant() {
			kind = matters.InstantCase
		}
		if kind != p.Handling {
			return false
		}
	}
	if p.MaxVisits != nil && (m.Visits == nil || *m.Visits > *p.MaxVisits) {
		return false
	}
	if len(p.Scopes) > 0 && !slices.ContainsFunc(m.Scopes, func(s matters.Scope) bool { return slices.Contains(p.Scopes, s.String()) }) {
		return false
	}
	for _, f := range p.Flags {
		if test, ok := predicateFlags[f]; !ok || !test(m) {
			return false
		}
	}
	return true
}

// ParseCustom reads a custom indicator written as
//
//	NAME: KEY=VALUE[|VALUE…][, KEY=VALUE…]
//
// with the keys online (网上办理深度 items), forms (办理形式), type (事项类型),
// handlingKind (办件类型), maxVisits (a number), scope (通办范围) and flag
// (24小时自助, 容缺受理, 进驻大厅, 下放, 全程网办). A name ending in 率, 比例 or
// 占比 is a share of the application-based matters; any other a count:
// "网上可办率: online=互联网受理", "邮寄办理事项数: forms=快递申请".
func ParseCustom(s string) (Custom, error) {
	name, body, ok := strings.Cut(s, ":")
	if !ok {
		name, body, ok = strings.Cut(s, "：")
	}
	name = strings.TrimSpace(name)
	if !ok || name == "" {
		return Custom{}, fmt.Errorf("reform: custom indicator %q: want NAME: KEY=VALUE, …", s)
	}
	c := Custom{Name: name, Share: shareName(name)}
	for _, cond := range strings.FieldsFunc(body, func(r rune) bool { return r == ',' || r == '，' || r == ';' }) {
		if strings.TrimSpace(cond) == "" {
			continue
		}
		key, vals, ok := strings.Cut(strings.TrimSpace(cond), "=")
		if !ok {
			return Custom{}, fmt.Errorf("reform: custom indicator %q: condition %q: want KEY=VALUE", s, cond)
		}
		if err := c.Where.set(strings.TrimSpace(key), strings.Split(vals, "|")); err != nil {
			return Custom{}, fmt.Errorf("reform: custom indicator %q: %v", s, err)
		}
	}
	return c, nil
}

// shareName reports whether an indicator's name says it is a share.
func shareName(name string) bool {
	for _, suffix := range []string{"率", "比例", "占比"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// set adds the condition key = one of vals.
func (p *Predicate) set(key string, vals []string) error {
	for i := range vals {
		vals[i] = strings.TrimSpace(vals[i])
	}
	switch key {
	case "online":
		return parseEach(vals, matters.ParseOnlineItem, func(it matters.OnlineItem) { p.Online = p.Online.With(it) })
	case "forms":
		return parseEach(vals, matters.ParseForm, func(f matters.Form) { p.Forms = p.Forms.With(f) })
	case "type":
		return parseEach(vals, matters.ParseType, func(t matters.Type) { p.Types = append(p.Types, t) })
	case "handlingKind":
		if len(vals) != 1 {
			return fmt.Errorf("handlingKind takes one value")
		}
		k, err := matters.ParseHandlingKind(vals[0])
		if err != nil {
			return trim(err)
		}
		p.Handling = k
	case "maxVisits":
		n, err := strconv.Atoi(vals[0])
		if len(vals) != 1 || err != nil || n < 0 {
			return fmt.Errorf("maxVisits takes one number of visits, not %q", strings.Join(vals, "|"))
		}
		p.MaxVisits = &n
	case "scope":
		return parseEach(vals, matters.ParseScope, func(sc matters.Scope) { p.Scopes = append(p.Scopes, sc.String()) })
	case "flag":
		for _, v := range vals {
			if _, ok := predicateFlags[v]; !ok {
				return fmt.Errorf("flag %q is not one of 24小时自助, 容缺受理, 进驻大厅, 下放, 全程网办", v)
			}
			p.Flags = append(p.Flags, v)
		}
	default:
		return fmt.Errorf("unknown element %q (want online, forms, type, handlingKind, maxVisits, scope or flag)", key)
	}
	return nil
}

func trim(err error) error { return fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "matters: ")) }

// parseEach reads every value of vals with parse and hands it to add.
func parseEach[T any](vals []string, parse func(string) (T, error), add func(T)) error {
	for _, v := range vals {
		x, err := parse(v)
		if err != nil {
			return trim(err)
		}
		add(x)
	}
	return nil
}

// customCounts counts, per custom indicator of the config, the matters
// that satisfy it: among the application-based ones for a share, among all
// for a count.
type customCounts []int64

// CustomResult returns the figure of the custom indicator named name, as
// configured ([Config.Custom]): for a share, Num of Den application-based
// matters, with the matters left out; for a count, Num. The Result's
// Indicator is zero and Name is set. ok is false when the config has no
// such indicator.
func (x *Indicators) CustomResult(name string) (r Result, ok bool) {
	if x.cfg == nil {
		return Result{}, false
	}
	for i, c := range x.cfg.custom {
		if c.Name != name {
			continue
		}
		r = Result{Name: c.Name, Custom: true}
		if i < len(x.custom) {
			r.Num = x.custom[i]
		}
		if c.Share {
			r.Den, r.Counted, r.Excluded = x.app, x.app, x.appOut.list()
			r.Share = true
		} else {
			r.Counted = x.matters
		}
		return r, true
	}
	return Result{}, false
}

// CustomResults returns the figures of every custom indicator of the
// config, in its order.
func (x *Indicators) CustomResults() []Result {
	if x.cfg == nil {
		return nil
	}
	out := make([]Result, 0, len(x.cfg.custom))
	for _, c := range x.cfg.custom {
		r, _ := x.CustomResult(c.Name)
		out = append(out, r)
	}
	return out
}

// String writes the indicator as [ParseCustom] reads it.
func (c Custom) String() string {
	var conds []string
	add := func(key string, vals []string) {
		if len(vals) > 0 {
			conds = append(conds, key+"="+strings.Join(vals, "|"))
		}
	}
	var vs []string
	for it := range c.Where.Online.All() {
		vs = append(vs, it.String())
	}
	add("online", vs)
	vs = nil
	for f := range c.Where.Forms.All() {
		vs = append(vs, f.String())
	}
	add("forms", vs)
	vs = nil
	for _, t := range c.Where.Types {
		vs = append(vs, t.String())
	}
	add("type", vs)
	if c.Where.Handling != 0 {
		add("handlingKind", []string{c.Where.Handling.String()})
	}
	if c.Where.MaxVisits != nil {
		add("maxVisits", []string{strconv.Itoa(*c.Where.MaxVisits)})
	}
	add("scope", c.Where.Scopes)
	add("flag", c.Where.Flags)
	return c.Name + ": " + strings.Join(conds, ", ")
}
