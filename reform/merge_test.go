package reform

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/matters"
)

// randomMatter draws a matter whose every attribute an indicator reads
// varies, including the unusual: no type, no limits, units that do not
// compare, limits finer than a hundredth, large batches, duplicate codes.
func randomMatter(r *rand.Rand, basePool []string) matters.Matter {
	limit := func() matters.Limit {
		switch r.IntN(8) {
		case 0:
			return matters.Limit{}
		case 1:
			return matters.Limit{Unit: matters.Instant}
		case 2:
			return matters.Limit{Value: matters.QuantityOf(int64(r.IntN(90))), Unit: matters.CalendarDays}
		case 3:
			return matters.Limit{Value: matters.QuantityOf(int64(r.IntN(48))), Unit: matters.Hours}
		case 4:
			return matters.Limit{Value: matters.QuantityOf(int64(r.IntN(6))), Unit: matters.Months}
		case 5:
			return matters.Limit{Value: matters.Thousandths(1000 / int64(1+r.IntN(7))), Unit: matters.WorkingDays}
		}
		return matters.Limit{Value: matters.Thousandths(int64(r.IntN(6000)) * 10), Unit: matters.WorkingDays}
	}
	m := matters.Matter{
		Code:            matters.MatterCodeText(fmt.Sprintf("C%04d", r.IntN(5000))),
		Type:            matters.Type(r.IntN(13)),
		Level:           matters.Level(r.IntN(7)),
		LegalLimit:      limit(),
		PromisedLimit:   limit(),
		HandlingKind:    matters.HandlingKind(r.IntN(5)),
		Online:          matters.Set[matters.OnlineItem](r.IntN(256) &^ 1),
		SelfService24h:  r.IntN(5) == 0,
		TolerateMissing: r.IntN(4) == 0,
		InHall:          r.IntN(2) == 0,
	}
	if r.IntN(5) != 0 {
		v := r.IntN(4)
		m.Visits = &v
	}
	if r.IntN(3) != 0 {
		m.BaseCode = matters.MatterCodeText(basePool[r.IntN(len(basePool))])
	}
	for range r.IntN(4) {
		batch := r.IntN(5)
		if r.IntN(20) == 0 {
			batch = 60 + r.IntN(10) // some beyond the small table
		}
		m.Scopes = append(m.Scopes, matters.Scope{Kind: matters.ScopeKind(1 + r.IntN(6)), Batch: batch})
	}
	switch r.IntN(5) {
	case 0:
		m.PowerSource = matters.DelegatedFrom
	case 1:
		m.Delegation = &matters.Delegation{To: matters.Level(r.IntN(7))}
	}
	return m
}

func randomBase(r *rand.Rand) (*matters.Catalogue, []string) {
	base := &matters.Catalogue{Kind: matters.BaseCatalogue}
	var pool []string
	for i := range 150 {
		code := fmt.Sprintf("%012d", i)
		if i%10 == 0 {
			code = fmt.Sprintf("51%012d", i) // a 14-character local base code
		}
		pool = append(pool, code)
		base.Matters = append(base.Matters, matters.Matter{Code: matters.MatterCodeText(code), Level: matters.Level(r.IntN(7))})
	}
	// Codes the base does not hold.
	pool = append(pool, "999999999999", "000000000X")
	return base, pool
}

// TestMergeEqualsWhole is the property that makes roll-ups exact: for
// random catalogues split at random into shards, the merged indicators of
// the shards are the indicators of the whole.
func TestMergeEqualsWhole(t *testing.T) {
	r := rand.New(rand.NewPCG(2021, 4))
	baseCat, pool := randomBase(r)
	base := NewBase(baseCat)
	for iter := range 300 {
		cfg := Config{Base: base, Level: matters.Level(r.IntN(7)), ZeroVisitExempt: []string{"C0001", pool[3]}}
		if iter%3 == 0 {
			cfg = Config{}
		}
		n := r.IntN(200)
		shards := make([]*Indicators, 1+r.IntN(6))
		for i := range shards {
			shards[i] = New(cfg)
		}
		whole := New(cfg)
		for range n {
			m := randomMatter(r, pool)
			whole.Add(&m)
			shards[r.IntN(len(shards))].Add(&m)
		}
		for range r.IntN(5) {
			b := matters.Bundle{Name: "b"}
			whole.AddBundle(&b)
			shards[r.IntN(len(shards))].AddBundle(&b)
		}
		// Merge in a random order into a fresh accumulator.
		merged := New(cfg)
		for _, i := range r.Perm(len(shards)) {
			if err := merged.Merge(shards[i]); err != nil {
				t.Fatal(err)
			}
		}
		if diff := cmp.Diff(whole.Results(), merged.Results()); diff != "" {
			t.Fatalf("iteration %d (%d matters, %d shards): merged shards differ from the whole (-whole +merged):\n%s",
				iter, n, len(shards), diff)
		}
	}
}

// BenchmarkIndicators measures the hot path: adding matters to an
// accumulator. It must not allocate.
func BenchmarkIndicators(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	baseCat, pool := randomBase(r)
	ms := make([]matters.Matter, 4096)
	for i := range ms {
		ms[i] = randomMatter(r, pool)
		// Keep batches in the small table: a batch number over 63 costs a
		// map entry the first time it is seen.
		for j := range ms[i].Scopes {
			ms[i].Scopes[j].Batch %= 8
		}
	}
	x := New(Config{Base: NewBase(baseCat), Level: matters.CountyLevel, ZeroVisitExempt: []string{pool[0]}})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Add(&ms[i%len(ms)])
	}
}

func TestAddDoesNotAllocate(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	baseCat, pool := randomBase(r)
	x := New(Config{Base: NewBase(baseCat), ZeroVisitExempt: []string{pool[0]}})
	ms := make([]matters.Matter, 1000)
	for i := range ms {
		ms[i] = randomMatter(r, pool)
	}
	for i := range ms { // warm up: large batches get their map entries
		x.Add(&ms[i])
	}
	i := 0
	allocs := testing.AllocsPerRun(5000, func() {
		x.Add(&ms[i%len(ms)])
		i++
	})
	if allocs != 0 {
		t.Errorf("Add allocates %v times per matter, want 0", allocs)
	}
}
