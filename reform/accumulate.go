package reform

import (
	"errors"
	"maps"
	"math"
	"math/big"
	"slices"

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
		key := string(m.BaseCode)
		if key == "" {
			key = string(m.Code)
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
	// Speedup is the formula of PromiseSpeedup (zero: SpeedupSum).
	Speedup SpeedupFormula
	// Units says how limits in 自然日, 小时 and 分钟 compare with working
	// days (zero: ConvertUnits, 7 自然日 = 5 工作日 = 40 小时).
	Units UnitPolicy
	// Custom are the bureau's own indicators ([Indicators.CustomResult]).
	Custom []Custom
}

type config struct {
	base    *Base
	level   matters.Level
	exempt  map[string]struct{}
	speedup SpeedupFormula
	units   UnitPolicy
	custom  []Custom
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
	return c.base == d.base && c.level == d.level && maps.Equal(c.exempt, d.exempt) && c.speedup == d.speedup && c.units == d.units &&
		slices.EqualFunc(c.custom, d.custom, func(a, b Custom) bool { return a.Share == b.Share && a.String() == b.String() })
}

// Indicators accumulates every [Indicator] over the matters and bundles
// added to it. It keeps counts, sums and a few example codes, and for the
// scope counts (川渝通办事项数 …) a 16-byte key per distinct item, so that
// an item claimed by several counties counts once; its size grows with the
// items of those lists (hundreds in a province), not with the matters, and
// adding a matter whose items were seen before does not allocate. Accumulators made with the same Config merge exactly: the
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
	// Application-based matters not exempt from 零跑动 (those that do not
	// state their visits included, as unknown).
	visits, zeroVisits, atMostOnce int64
	// Application-based matters with comparable limits. Sums per limit
	// family in thousandths of the family's unit; converted pairs; the
	// per-matter cuts in millionths; matters sped up.
	limits, converted, cuts, spedUp int64
	legal, saved                    [numFamilies]int64
	// Matters measured against the base, and those linked to it.
	covered, linked int64

	delegated   [matters.Village + 1]int64    // by receiving level; 0: not stated
	scopes      [matters.Regional + 1]int64   // matters by scope kind
	items       [matters.Regional + 1]itemSet // distinct items by scope kind
	regional    map[string]itemSet            // distinct items by regional scope
	selfService int64
	tolerate    int64

	claimed []uint64 // bit i: base item i is claimed

	// Materials: matters listing them, those with every material exempt,
	// materials listed and exempt; results stated and electronic licences.
	withMaterials, zeroMaterial, materials, exemptMaterials int64
	results, eLicences                                      int64
	materialsOut, resultsOut                                exclusions

	appOut, visitsOut, limitsOut, coverOut exclusions
	// Matters counted in a denominator whose element is not stated.
	instantUnknown, onlineUnknown, visitsUnknown exclusions

	custom customCounts // matters satisfying each custom indicator
}

// New returns an empty accumulator measuring with cfg.
func New(cfg Config) *Indicators {
	c := &config{base: cfg.Base, level: cfg.Level, speedup: cfg.Speedup, units: cfg.Units, custom: slices.Clone(cfg.Custom)}
	if len(cfg.ZeroVisitExempt) > 0 {
		c.exempt = make(map[string]struct{}, len(cfg.ZeroVisitExempt))
		for _, code := range cfg.ZeroVisitExempt {
			c.exempt[code] = struct{}{}
		}
	}
	x := &Indicators{cfg: c}
	if len(c.custom) > 0 {
		x.custom = make(customCounts, len(c.custom))
	}
	if n := cfg.Base.Len(); n > 0 {
		x.claimed = make([]uint64, (n+63)/64)
	}
	return x
}

// Add adds one matter.
func (x *Indicators) Add(m *matters.Matter) {
	x.matters++
	code := string(m.Code)

	if isDelegated(m) {
		x.delegated[receivingLevel(m)]++
	}
	var seen uint16
	var key itemKey
	for i := range m.Scopes {
		s := &m.Scopes[i]
		k := s.Kind
		if k == 0 || k > matters.Regional {
			continue
		}
		if seen == 0 {
			key = keyOf(m)
		}
		if k == matters.Regional {
			// Each regional scope is a list of its own.
			if x.regional == nil {
				x.regional = map[string]itemSet{}
			}
			set := x.regional[s.Name]
			set.add(key, s.Batch)
			x.regional[s.Name] = set
		}
		if seen&(1<<k) != 0 {
			continue
		}
		seen |= 1 << k
		x.scopes[k]++
		x.items[k].add(key, s.Batch)
	}
	if m.SelfService24h {
		x.selfService++
	}
	if m.TolerateMissing {
		x.tolerate++
	}
	r := applicationReason(m.Type)
	// Materials and results, over the application-based matters.
	switch {
	case r != 0:
		x.materialsOut.add(r, code)
		x.resultsOut.add(r, code)
	default:
		x.addGuide(m, code)
	}
	if x.cfg != nil {
		for i := range x.cfg.custom {
			c := &x.cfg.custom[i]
			if (!c.Share || r == 0) && c.Where.Holds(m) {
				x.custom[i]++
			}
		}
	}
	if r != 0 {
		x.appOut.add(r, code)
		x.visitsOut.add(r, code)
		x.limitsOut.add(r, code)
	} else {
		x.app++
		switch {
		case m.IsInstant():
			x.instant++
		case m.HandlingKind == 0 && m.PromisedLimit.IsZero():
			x.instantUnknown.add(HandlingNotStated, code)
		}
		switch {
		case m.FullyOnline():
			x.online++
		case m.Online == 0 && m.Forms == 0:
			x.onlineUnknown.add(OnlineNotStated, code)
		}
		if m.InHall {
			x.inHall++
		}
		switch {
		case x.exempt(m):
			x.visitsOut.add(ExemptFromZeroVisit, code)
		case m.Visits == nil || *m.Visits < 0:
			x.visits++
			x.visitsUnknown.add(VisitsNotStated, code)
		default:
			x.visits++
			if *m.Visits == 0 {
				x.zeroVisits++
			}
			if *m.Visits <= 1 {
				x.atMostOnce++
			}
		}
		x.addLimits(m)
	}

	if x.cfg == nil || x.cfg.base == nil {
		x.coverOut.add(NoBaseCatalogue, code)
	} else {
		x.covered++
		if i, ok := x.cfg.base.index[string(m.BaseCode)]; ok && m.BaseCode != "" {
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
	x.converted += o.converted
	x.cuts += o.cuts
	x.spedUp += o.spedUp
	for f := range x.legal {
		x.legal[f] += o.legal[f]
		x.saved[f] += o.saved[f]
	}
	x.covered += o.covered
	x.linked += o.linked
	for i := range x.delegated {
		x.delegated[i] += o.delegated[i]
	}
	for i := range x.scopes {
		x.scopes[i] += o.scopes[i]
	}
	for k := range x.items {
		x.items[k].merge(o.items[k])
	}
	for name, set := range o.regional {
		if x.regional == nil {
			x.regional = map[string]itemSet{}
		}
		mine := x.regional[name]
		mine.merge(set)
		x.regional[name] = mine
	}
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
	for i := range o.custom {
		x.custom[i] += o.custom[i]
	}
	x.instantUnknown.merge(&o.instantUnknown)
	x.onlineUnknown.merge(&o.onlineUnknown)
	x.visitsUnknown.merge(&o.visitsUnknown)
	x.withMaterials += o.withMaterials
	x.zeroMaterial += o.zeroMaterial
	x.materials += o.materials
	x.exemptMaterials += o.exemptMaterials
	x.results += o.results
	x.eLicences += o.eLicences
	x.materialsOut.merge(&o.materialsOut)
	x.resultsOut.merge(&o.resultsOut)
	return nil
}

// Clone returns an independent copy of x, for merging into without
// changing x.
func (x *Indicators) Clone() *Indicators {
	c := *x
	if x.claimed != nil {
		c.claimed = append([]uint64(nil), x.claimed...)
	}
	c.custom = slices.Clone(x.custom)
	for k := range c.items {
		c.items[k] = x.items[k].clone()
	}
	if x.regional != nil {
		c.regional = make(map[string]itemSet, len(x.regional))
		for name, set := range x.regional {
			c.regional[name] = set.clone()
		}
	}
	return &c
}

func (x *Indicators) exempt(m *matters.Matter) bool {
	if x.cfg == nil || x.cfg.exempt == nil {
		return false
	}
	if _, ok := x.cfg.exempt[string(m.Code)]; ok {
		return true
	}
	_, ok := x.cfg.exempt[string(m.BaseCode)]
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

// addLimits adds the limits of an application-based matter to the sums
// of PromiseSpeedup, or says why they cannot be compared.
func (x *Indicators) addLimits(m *matters.Matter) {
	code := string(m.Code)
	if m.LegalLimit.IsZero() {
		x.limitsOut.add(LegalLimitNotStated, code)
		return
	}
	if m.PromisedLimit.IsZero() {
		x.limitsOut.add(PromisedLimitNotStated, code)
		return
	}
	lf, legal, r := thousandthsIn(m.LegalLimit)
	if r != 0 {
		x.limitsOut.add(r, code)
		return
	}
	pf, promised, r := thousandthsIn(m.PromisedLimit)
	if r != 0 {
		x.limitsOut.add(r, code)
		return
	}
	if lf != pf {
		if x.cfg != nil && x.cfg.units == SameUnitOnly {
			f := lf
			if f == famWorking {
				f = pf
			}
			x.limitsOut.add(incomparable(f), code)
			return
		}
		x.converted++
	}
	x.limits++
	x.legal[lf] += legal
	x.saved[lf] += legal
	x.saved[pf] -= promised
	// The matter's own cut, in one unit: directly when both are in one
	// family, converted otherwise.
	l, p := legal, promised
	if lf != pf {
		l, p = scaled(lf, legal), scaled(pf, promised)
	}
	if p < l {
		x.spedUp++
	}
	if l > 0 {
		// (l − p)/l in millionths, rounded half up.
		if d := l - p; abs(d) < math.MaxInt64/1_000_000 {
			x.cuts += divRound(d*1_000_000, l)
		} else {
			q := new(big.Int).Mul(big.NewInt(d), big.NewInt(2_000_000))
			q.Add(q, big.NewInt(l))
			x.cuts += q.Div(q, big.NewInt(2*l)).Int64()
		}
	}
}

// divRound divides rounding half away from zero.
func divRound(a, b int64) int64 {
	if (a < 0) != (b < 0) {
		return -((-a + b/2) / b)
	}
	return (a + b/2) / b
}

// speedupSums returns Σ (legal − promised) and Σ legal over every family,
// in 1/scale of a working day, with the smallest scale that keeps them
// whole, but no smaller than hundredths: hundredths when every limit was
// in hundredths of working days, thousandths when one had a thousandth.
func (x *Indicators) speedupSums() (saved, legal, scale int64) {
	for f := range x.legal {
		saved += scaled(f, x.saved[f])
		legal += scaled(f, x.legal[f])
	}
	g := gcd(gcd(abs(saved), legal), 10*scaleL)
	return saved / g, legal / g, 1000 * scaleL / g
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func abs(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
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

// addGuide counts the materials and the result of an application-based
// matter.
func (x *Indicators) addGuide(m *matters.Matter, code string) {
	if len(m.Materials) == 0 {
		x.materialsOut.add(MaterialsNotStated, code)
	} else {
		x.withMaterials++
		x.materials += int64(len(m.Materials))
		for i := range m.Materials {
			if m.Materials[i].Exempt {
				x.exemptMaterials++
			}
		}
		if m.ZeroMaterials() {
			x.zeroMaterial++
		}
	}
	if m.Result == nil {
		x.resultsOut.add(ResultNotStated, code)
	} else {
		x.results++
		if m.Result.ELicence {
			x.eLicences++
		}
	}
}
