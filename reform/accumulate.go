package reform

import (
	"errors"
	"maps"
	"math"

	"github.com/zwfw/zwfw/matters"
)

// MaxLimitDays is the largest time limit, in working days, an indicator
// takes into account; a larger limit is excluded as [LimitOutOfRange]. It
// keeps the sums of [PromiseSpeedup] exact in 64-bit integers for far more
// matters than any country has.
const MaxLimitDays = 100_000_000

// MaxExamples is how many example codes a result keeps per exclusion
// reason: the smallest codes, so that the examples do not depend on the
// order matters were added or shards merged.
const MaxExamples = 3

// Base is a base catalogue (基本目录) prepared for measuring implementation
// lists against it: [ClaimRate] and [NationalCoverage]. Each base item is
// keyed by its base code, or by its code when it states none. A Base is
// read-only once made and safe for concurrent use.
type Base struct {
	index  map[string]int32
	codes  []string
	levels []matters.Level
}

// NewBase indexes the items of a base catalogue. An item whose key was seen
// before is the same base item and is not counted twice.
func NewBase(c *matters.Catalogue) *Base {
	b := &Base{index: make(map[string]int32, len(c.Matters))}
	for i := range c.Matters {
		m := &c.Matters[i]
		key := m.BaseCode
		if key == "" {
			key = m.Code
		}
		if _, dup := b.index[key]; dup || key == "" {
			continue
		}
		b.index[key] = int32(len(b.codes))
		b.codes = append(b.codes, key)
		b.levels = append(b.levels, m.Level)
	}
	return b
}

// Len returns the number of distinct base items.
func (b *Base) Len() int {
	if b == nil {
		return 0
	}
	return len(b.codes)
}

// Config says what to measure a catalogue against. The zero Config
// measures everything a catalogue answers by itself; [ClaimRate] and
// [NationalCoverage] then stay undefined.
type Config struct {
	// Base is the base catalogue for ClaimRate and NationalCoverage.
	Base *Base
	// Level is the exercise level of the implementation lists measured: the
	// base items of that level (and those stating none) are the ones a list
	// should claim. Zero means every base item applies.
	Level matters.Level
	// ZeroVisitExempt lists the codes or base codes of matters declared
	// exempt from 零跑动 (they need an applicant in person by law); they
	// are left out of ZeroVisitShare and AtMostOnceShare.
	ZeroVisitExempt []string
}

type config struct {
	base   *Base
	level  matters.Level
	exempt map[string]struct{}
}

func (c *config) same(d *config) bool {
	if c == d {
		return true
	}
	var zero config
	if c == nil {
		c = &zero
	}
	if d == nil {
		d = &zero
	}
	return c.base == d.base && c.level == d.level && maps.Equal(c.exempt, d.exempt)
}

// Indicators accumulates every [Indicator] over the matters and bundles
// added to it. It keeps counts, sums and a few example codes only, so its
// size does not grow with the number of matters, and adding a matter does
// not allocate. Accumulators made with the same Config merge exactly: the
// figures of merged shards are those of the union of their matters.
//
// The zero value is ready to use and measures with the zero [Config].
// An Indicators is not safe for concurrent use: give each goroutine its
// own and [Indicators.Merge] them.
type Indicators struct {
	cfg *config

	matters int64
	bundles int64

	// Application-based matters and the shares over them.
	app, instant, online, inHall int64
	// Matters with visits stated (application-based, not exempt).
	visits, zeroVisits, atMostOnce int64
	// Matters with comparable limits; sums in hundredths of a working day.
	limits, legal, saved int64
	// Matters measured against the base, and those linked to it.
	covered, linked int64

	delegated   [matters.Village + 1]int64 // by receiving level; 0: not stated
	scopes      [matters.Nearby + 1]int64  // by scope kind
	scBatches   batches                    // 川渝通办 by batch
	cpBatches   batches                    // 跨省通办 by batch
	selfService int64
	tolerate    int64

	claimed []uint64 // bit i: base item i is claimed

	appOut, visitsOut, limitsOut, coverOut exclusions
}

// New returns an empty accumulator measuring with cfg.
func New(cfg Config) *Indicators {
	c := &config{base: cfg.Base, level: cfg.Level}
	if len(cfg.ZeroVisitExempt) > 0 {
		c.exempt = make(map[string]struct{}, len(cfg.ZeroVisitExempt))
		for _, code := range cfg.ZeroVisitExempt {
			c.exempt[code] = struct{}{}
		}
	}
	x := &Indicators{cfg: c}
	if n := cfg.Base.Len(); n > 0 {
		x.claimed = make([]uint64, (n+63)/64)
	}
	return x
}

// Add adds one matter.
func (x *Indicators) Add(m *matters.Matter) {
	x.matters++
	code := m.Code

	if isDelegated(m) {
		x.delegated[receivingLevel(m)]++
	}
	var seen uint16
	for i := range m.Scopes {
		s := &m.Scopes[i]
		k := s.Kind
		if k == 0 || k > matters.Nearby || seen&(1<<k) != 0 {
			continue
		}
		seen |= 1 << k
		x.scopes[k]++
		switch k {
		case matters.SichuanChongqing:
			x.scBatches.add(s.Batch)
		case matters.CrossProvince:
			x.cpBatches.add(s.Batch)
		}
	}
	if m.SelfService24h {
		x.selfService++
	}
	if m.TolerateMissing {
		x.tolerate++
	}

	if r := applicationReason(m.Type); r != 0 {
		x.appOut.add(r, code)
		x.visitsOut.add(r, code)
	} else {
		x.app++
		if m.IsInstant() {
			x.instant++
		}
		if m.FullyOnline() {
			x.online++
		}
		if m.InHall {
			x.inHall++
		}
		switch {
		case m.Visits == nil || *m.Visits < 0:
			x.visitsOut.add(VisitsNotStated, code)
		case x.exempt(m):
			x.visitsOut.add(ExemptFromZeroVisit, code)
		default:
			x.visits++
			if *m.Visits == 0 {
				x.zeroVisits++
			}
			if *m.Visits <= 1 {
				x.atMostOnce++
			}
		}
	}

	if legal, promised, r := comparableLimits(m); r != 0 {
		x.limitsOut.add(r, code)
	} else {
		x.limits++
		x.legal += legal
		x.saved += legal - promised
	}

	if x.cfg == nil || x.cfg.base == nil {
		x.coverOut.add(NoBaseCatalogue, code)
	} else {
		x.covered++
		if i, ok := x.cfg.base.index[m.BaseCode]; ok && m.BaseCode != "" {
			x.claimed[i/64] |= 1 << (i % 64)
			if len(m.BaseCode) == 12 {
				x.linked++
			}
		}
	}
}

// AddBundle adds one one-thing bundle (一件事一次办).
func (x *Indicators) AddBundle(b *matters.Bundle) { x.bundles++ }

// AddCatalogue adds every matter and bundle of c.
func (x *Indicators) AddCatalogue(c *matters.Catalogue) {
	for i := range c.Matters {
		x.Add(&c.Matters[i])
	}
	for i := range c.Bundles {
		x.AddBundle(&c.Bundles[i])
	}
}

// ErrConfigMismatch is returned by [Indicators.Merge] when the two
// accumulators measure against different configurations: their figures
// would not add up.
var ErrConfigMismatch = errors.New("reform: cannot merge indicators measured with different configurations")

// Merge adds the matters and bundles of o to x, as if they had been added
// to x directly. Both must have been made with the same [Config] (the same
// *Base); otherwise Merge returns [ErrConfigMismatch] and leaves x alone.
func (x *Indicators) Merge(o *Indicators) error {
	if !x.cfg.same(o.cfg) {
		return ErrConfigMismatch
	}
	x.matters += o.matters
	x.bundles += o.bundles
	x.app += o.app
	x.instant += o.instant
	x.online += o.online
	x.inHall += o.inHall
	x.visits += o.visits
	x.zeroVisits += o.zeroVisits
	x.atMostOnce += o.atMostOnce
	x.limits += o.limits
	x.legal += o.legal
	x.saved += o.saved
	x.covered += o.covered
	x.linked += o.linked
	for i := range x.delegated {
		x.delegated[i] += o.delegated[i]
	}
	for i := range x.scopes {
		x.scopes[i] += o.scopes[i]
	}
	x.scBatches.merge(&o.scBatches)
	x.cpBatches.merge(&o.cpBatches)
	x.selfService += o.selfService
	x.tolerate += o.tolerate
	if x.claimed == nil && o.claimed != nil {
		x.claimed = make([]uint64, len(o.claimed))
	}
	for i := range o.claimed {
		x.claimed[i] |= o.claimed[i]
	}
	x.appOut.merge(&o.appOut)
	x.visitsOut.merge(&o.visitsOut)
	x.limitsOut.merge(&o.limitsOut)
	x.coverOut.merge(&o.coverOut)
	return nil
}

// Clone returns an independent copy of x, for merging into without
// changing x.
func (x *Indicators) Clone() *Indicators {
	c := *x
	if x.claimed != nil {
		c.claimed = append([]uint64(nil), x.claimed...)
	}
	c.scBatches.more = maps.Clone(x.scBatches.more)
	c.cpBatches.more = maps.Clone(x.cpBatches.more)
	return &c
}

func (x *Indicators) exempt(m *matters.Matter) bool {
	if x.cfg == nil || x.cfg.exempt == nil {
		return false
	}
	if _, ok := x.cfg.exempt[m.Code]; ok {
		return true
	}
	_, ok := x.cfg.exempt[m.BaseCode]
	return ok && m.BaseCode != ""
}

// applicationReason returns why a matter of type t is not application-based,
// or zero when it is.
func applicationReason(t matters.Type) Reason {
	switch t {
	case matters.Penalty:
		return ExOfficioPenalty
	case matters.Coercion:
		return ExOfficioCoercion
	case matters.Levy:
		return ExOfficioLevy
	case matters.Inspection:
		return ExOfficioInspection
	}
	if !t.IsApplication() {
		return TypeNotStated
	}
	return 0
}

// comparableLimits returns the legal and promised limits of m in
// hundredths of a working day, or why they cannot be compared. A promised
// limit of 即办 counts as zero.
func comparableLimits(m *matters.Matter) (legal, promised int64, r Reason) {
	if m.LegalLimit.IsZero() {
		return 0, 0, LegalLimitNotStated
	}
	if m.PromisedLimit.IsZero() {
		return 0, 0, PromisedLimitNotStated
	}
	if legal, r = hundredthsOf(m.LegalLimit); r != 0 {
		return 0, 0, r
	}
	if promised, r = hundredthsOf(m.PromisedLimit); r != 0 {
		return 0, 0, r
	}
	return legal, promised, 0
}

// hundredthsOf converts a limit to hundredths of a working day. Limit
// values are decimals written with at most two places in practice; a value
// within 10⁻⁴ of a whole number of hundredths is taken as that number,
// anything finer is reported rather than rounded away.
func hundredthsOf(l matters.Limit) (int64, Reason) {
	wd, ok := l.WorkingDays()
	if !ok {
		switch l.Unit {
		case matters.CalendarDays:
			return 0, IncomparableCalendarDays
		case matters.Hours:
			return 0, IncomparableHours
		case matters.Minutes:
			return 0, IncomparableMinutes
		}
		return 0, LimitOutOfRange
	}
	h := wd * 100
	if !(h >= 0 && h <= MaxLimitDays*100) {
		return 0, LimitOutOfRange
	}
	r := math.Round(h)
	if math.Abs(h-r) > 1e-4 {
		return 0, LimitInexact
	}
	return int64(r), 0
}

// isDelegated is the test of [DelegatedCount] and the 下放事项清单.
func isDelegated(m *matters.Matter) bool { return m.IsDelegated() }

// receivingLevel returns the level a delegated matter goes to, or 0 when
// it is not stated.
func receivingLevel(m *matters.Matter) matters.Level {
	if m.Delegation != nil && m.Delegation.To <= matters.Village {
		return m.Delegation.To
	}
	return 0
}

// batches counts matters by batch. Batches are small numbers; the rare
// large one goes to a map.
type batches struct {
	small [64]int64 // index: batch; 0: not stated
	more  map[int]int64
}

func (b *batches) add(batch int) {
	if batch < 0 {
		batch = 0
	}
	if batch < len(b.small) {
		b.small[batch]++
		return
	}
	if b.more == nil {
		b.more = make(map[int]int64)
	}
	b.more[batch]++
}

func (b *batches) merge(o *batches) {
	for i := range b.small {
		b.small[i] += o.small[i]
	}
	for k, v := range o.more {
		if b.more == nil {
			b.more = make(map[int]int64)
		}
		b.more[k] += v
	}
}

// exclusions counts the matters left out of a population, per reason, with
// the smallest few codes of each as examples.
type exclusions struct {
	n  [numReasons]int64
	ex [numReasons]examples
}

func (e *exclusions) add(r Reason, code string) {
	e.n[r]++
	e.ex[r].add(code)
}

func (e *exclusions) merge(o *exclusions) {
	for r := range e.n {
		e.n[r] += o.n[r]
		for _, c := range o.ex[r].list() {
			e.ex[r].add(c)
		}
	}
}

func (e *exclusions) total() int64 {
	var t int64
	for _, n := range e.n {
		t += n
	}
	return t
}

func (e *exclusions) list() []Exclusion {
	var out []Exclusion
	for r := Reason(1); r < numReasons; r++ {
		if e.n[r] == 0 {
			continue
		}
		out = append(out, Exclusion{Reason: r, Count: e.n[r], Examples: append([]string(nil), e.ex[r].list()...)})
	}
	return out
}

// examples keeps the smallest distinct codes seen, sorted. Keeping the
// smallest rather than the first makes merging order-independent.
type examples struct {
	codes [MaxExamples]string
	n     int
}

func (e *examples) list() []string { return e.codes[:e.n] }

func (e *examples) add(code string) {
	if code == "" {
		return
	}
	if e.n == MaxExamples && code >= e.codes[MaxExamples-1] {
		return
	}
	i := 0
	for i < e.n && e.codes[i] < code {
		i++
	}
	if i < e.n && e.codes[i] == code {
		return
	}
	if e.n < MaxExamples {
		e.n++
	}
	copy(e.codes[i+1:e.n], e.codes[i:e.n-1])
	e.codes[i] = code
}

// claimedApplicable counts the applicable base items claimed and returns
// the applicable total and the items of another level.
func (x *Indicators) claimCounts() (claimed, applicable int64, other exclusions) {
	if x.cfg == nil || x.cfg.base == nil {
		return 0, 0, other
	}
	b := x.cfg.base
	for i, lv := range b.levels {
		if x.cfg.level != 0 && lv != 0 && lv != x.cfg.level {
			other.add(OtherLevel, b.codes[i])
			continue
		}
		applicable++
		if i/64 < len(x.claimed) && x.claimed[i/64]&(1<<(i%64)) != 0 {
			claimed++
		}
	}
	return claimed, applicable, other
}
