package matters

import (
	"github.com/zwfw/zwfw/schema"
)

// checkElements runs the checks over materials, steps and the result of
// one matter.
func checkElements(m *Matter, at func(string) (schema.Path, schema.Pos), loc Locator, path schema.Path, probs *schema.List) {
	// The step limits add up to no more than the promised limit, in
	// working days; steps in units that do not convert are left out of
	// the sum and the check is skipped.
	if promised, ok := m.PromisedLimit.WorkingDays(); ok && len(m.Steps) > 0 && m.PromisedLimit.Unit != Instant {
		var sum Quantity
		all := true
		for i := range m.Steps {
			if m.Steps[i].Limit.IsZero() {
				continue
			}
			d, ok := m.Steps[i].Limit.WorkingDays()
			if ok {
				sum, ok = sum.Add(d)
			}
			if !ok {
				all = false
				break
			}
		}
		if all && sum.Cmp(promised) > 0 {
			p, pos := at("steps")
			probs.Errorf(p, pos, RuleStepsExceedPromised, "the step limits add up to %s working days, more than the promised limit %s", sum, m.PromisedLimit)
		}
	}

	// 容缺后补 materials ⇔ 容缺受理.
	tolerated := -1
	seen := make(map[string]int, len(m.Materials))
	for i := range m.Materials {
		mt := &m.Materials[i]
		mp := path.Key("materials").Index(i)
		if mt.Necessity == FollowLater && tolerated < 0 {
			tolerated = i
		}
		if j, dup := seen[mt.Name]; dup && mt.Name != "" {
			p := mp.Key("name")
			probs.Errorf(p, located(loc, p, mp, path), RuleDuplicateMaterial, "material %q is listed again (first as material %d)", mt.Name, j)
		} else {
			seen[mt.Name] = i
		}
	}
	if tolerated >= 0 && !m.TolerateMissing {
		mp := path.Key("materials").Index(tolerated)
		p := mp.Key("necessity")
		probs.Errorf(p, located(loc, p, mp, path), RuleTolerateUnmarked, "material %q may follow later (容缺后补), but the matter is not marked tolerateMissing (容缺受理)", m.Materials[tolerated].Name)
	}
	if m.TolerateMissing && len(m.Materials) > 0 && tolerated < 0 {
		p, pos := at("tolerateMissing")
		probs.Errorf(p, pos, RuleTolerateNoMaterial, "the matter is marked tolerateMissing (容缺受理), but none of its %d materials may follow later (容缺后补)", len(m.Materials))
	}

	// An electronic licence names the licence.
	if r := m.Result; r != nil && r.ELicence && r.Name == "" {
		p, pos := at("result")
		probs.Errorf(p, pos, RuleLicenceNameMissing, "the result is issued as an electronic licence (电子证照) but has no name")
	}
}

// located returns the position of the first of the paths that has one.
func located(loc Locator, paths ...schema.Path) schema.Pos {
	for _, p := range paths {
		if pos := loc(p); pos.IsValid() {
			return pos
		}
	}
	return schema.Pos{}
}

// CheckElements runs the checks over the materials, steps and result of
// one matter at path, for readers that add the lists after reading the
// matter (a workbook keeps them on sheets of their own). The problems
// have no position.
func CheckElements(m *Matter, path schema.Path) schema.List {
	var probs schema.List
	at := func(key string) (schema.Path, schema.Pos) { return path.Key(key), schema.Pos{} }
	checkElements(m, at, noPos, path, &probs)
	return probs
}

// CheckBundles runs the checks over the bundles of c: members the
// catalogue does not hold or that are not in use, codes used twice. The
// problems have no position.
func CheckBundles(c *Catalogue) schema.List {
	var probs schema.List
	ix := newIndex()
	for i := range c.Matters {
		m := &c.Matters[i]
		ix.addAt(string(m.Code), 0)
		ix.status(m)
	}
	ix.checkBundles(c.Bundles, noPos, &probs)
	ix.free()
	return probs
}
