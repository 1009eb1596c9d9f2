package cases

import (
	"cmp"
	"slices"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/workday"
	"github.com/zwfw/zwfw/schema"
)

// Rules of what setting cases against the catalogue finds; all warnings.
const (
	RuleNotInCatalogue schema.Rule = "cases.not-in-catalogue" // cases of a matter the catalogue does not hold
	RuleLimitDiffers   schema.Rule = "cases.limit-differs"    // cases whose limit in force is not the catalogue's promise
	RuleNotInstant     schema.Rule = "cases.instant-not-instant"
)

// Finding is one thing [CatalogueCheck] found about one matter, with the
// number of cases it concerns.
type Finding struct {
	Rule       schema.Rule
	MatterCode string
	MatterName string
	Cases      int64
	Catalogue  string // the catalogue's promised limit, for limit findings
	InForce    string // the cases' limit, for limit findings
}

// CatalogueCheck sets case records against a catalogue: matters with cases
// but not in the catalogue, cases whose limit in force differs from the
// catalogue's promise, and cases of matters the catalogue marks 即办 (a
// promised limit of 即办, or handling kind 即办件) not completed on the day
// of acceptance. Cases link to matters by 事项编码, or by 事项名称 when the
// export gives no code. Memory grows with the number of distinct
// findings, not of cases.
type CatalogueCheck struct {
	byCode   map[string]*matters.Matter
	byName   map[string]*matters.Matter
	findings map[findingKey]*Finding
}

type findingKey struct {
	rule          schema.Rule
	code, inForce string
}

// NewCatalogueCheck indexes cat for checking cases.
func NewCatalogueCheck(cat *matters.Catalogue) *CatalogueCheck {
	k := &CatalogueCheck{byCode: map[string]*matters.Matter{}, byName: map[string]*matters.Matter{}, findings: map[findingKey]*Finding{}}
	for i := range cat.Matters {
		m := &cat.Matters[i]
		if m.Code != "" {
			k.byCode[string(m.Code)] = m
		}
		if _, dup := k.byName[m.Name]; !dup && m.Name != "" {
			k.byName[m.Name] = m
		}
	}
	return k
}

// Lookup returns the catalogue's matter for a case, or nil.
func (k *CatalogueCheck) Lookup(c *Case) *matters.Matter {
	if c.MatterCode != "" {
		return k.byCode[c.MatterCode]
	}
	return k.byName[c.MatterName]
}

func (k *CatalogueCheck) note(rule schema.Rule, c *Case, m *matters.Matter, inForce string) {
	key := findingKey{rule, c.MatterCode, inForce}
	if c.MatterCode == "" {
		key.code = "名称:" + c.MatterName
	}
	f := k.findings[key]
	if f == nil {
		f = &Finding{Rule: rule, MatterCode: c.MatterCode, MatterName: c.MatterName, InForce: inForce}
		if m != nil {
			f.MatterName = m.Name
			f.Catalogue = m.PromisedLimit.String()
		}
		k.findings[key] = f
	}
	f.Cases++
}

// Add checks one case. Voided cases are not checked.
func (k *CatalogueCheck) Add(c *Case) {
	if c.Status == Void {
		return
	}
	m := k.Lookup(c)
	if m == nil {
		k.note(RuleNotInCatalogue, c, nil, "")
		return
	}
	if !c.Limit.IsZero() && !m.PromisedLimit.IsZero() && (c.Limit.Unit != m.PromisedLimit.Unit || c.Limit.Value != m.PromisedLimit.Value) {
		k.note(RuleLimitDiffers, c, m, c.Limit.String())
	}
	instant := m.PromisedLimit.Unit == matters.Instant || m.HandlingKind == matters.InstantCase
	if instant && !c.Accepted.IsZero() && !c.Completed.IsZero() &&
		workday.DateOf(c.Accepted) != workday.DateOf(c.Completed) {
		k.note(RuleNotInstant, c, m, "")
	}
}

// Findings returns what the check found, by rule, then most cases first,
// then by matter code.
func (k *CatalogueCheck) Findings() []Finding {
	out := make([]Finding, 0, len(k.findings))
	for _, f := range k.findings {
		out = append(out, *f)
	}
	slices.SortFunc(out, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Rule, b.Rule), cmp.Compare(b.Cases, a.Cases),
			cmp.Compare(a.MatterCode, b.MatterCode), cmp.Compare(a.InForce, b.InForce))
	})
	return out
}
