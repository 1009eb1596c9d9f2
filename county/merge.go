package county

import (
	"slices"

	"github.com/zwfw/zwfw/schema"
)

// Merge returns a new hierarchy with the units of h and of other; neither
// is changed. It is how township and village lists are put under the
// embedded default:
//
//	towns, probs := county.LoadFile("townships.csv")
//	…
//	h, probs := county.Suining().Merge(towns)
//
// A unit of other is the same unit as one of h when it has the same code,
// or a former code of it (under that code's name), or, for a unit without
// a code, the same name. The two must agree on kind, name and parent, or
// the merge reports [RuleMergeConflict] — except that a root of h takes
// the parent other gives it when that parent has the code the root named
// (510000 above 遂宁市) or the root named none. Their former codes, service
// points, figures and x- members are joined, and h's note is kept when both
// have one. Other
// units are added under their parent: the unit other places them under or,
// for a root of other, the unit of h whose code it gives as its parent.
// h's units keep their order and new children follow them.
//
// The result is checked as a document is (see [Parse]) and is nil when any
// problem is an error. Problems locate units of h at /units/N, N counting
// h's units depth first, and units of other the same way, with the
// position they were read from.
func (h *Hierarchy) Merge(other *Hierarchy) (*Hierarchy, schema.List) {
	var recs []*record
	index := make(map[*Unit]int)
	byCode := make(map[Code]int)
	byFormer := make(map[Code]int)
	codeless := make(map[string]int)
	add := func(u *Unit, r *record) int {
		i := len(recs)
		recs = append(recs, r)
		index[u] = i
		if r.u.code.IsValid() {
			byCode[r.u.code] = i
		} else {
			codeless[r.u.name] = i
		}
		for _, fc := range r.u.former {
			byFormer[fc.Code] = i
		}
		return i
	}
	n := 0
	for u := range h.All() {
		r := newRecord(u, n)
		n++
		if u.parent != nil {
			r.parent = index[u.parent]
		}
		add(u, r)
	}
	var probs schema.List
	n = 0
	for ou := range other.All() {
		or := newRecord(ou, n)
		n++
		parent := -1
		if ou.parent != nil {
			parent = index[ou.parent]
		}
		m, byFormerCode := -1, false
		if ou.code.IsValid() {
			if i, ok := byCode[ou.code]; ok {
				m = i
			} else if i, ok := byFormer[ou.code]; ok {
				m, byFormerCode = i, true
			}
		} else if i, ok := codeless[ou.name]; ok {
			m = i
		}
		if m < 0 {
			if parent < 0 && ou.up.IsValid() {
				if i, ok := byCode[ou.up]; ok {
					parent = i
				} else if i, ok := byFormer[ou.up]; ok {
					parent = i
				}
				if parent >= 0 {
					or.u.up = Code{}
				}
			}
			or.parent = parent
			add(ou, or)
			continue
		}
		index[ou] = m
		mergeInto(recs, m, or, parent, byFormerCode, &probs)
	}
	sources := h.Sources()
	for _, s := range other.Sources() {
		if !slices.ContainsFunc(sources, s.equal) {
			sources = append(sources, s)
		}
	}
	merged, probs := assemble(recs, sources, probs)
	if merged != nil {
		merged.ext = joinExtensions(h.extensions(), other.extensions())
	}
	return merged, probs
}

func (h *Hierarchy) extensions() []schema.Field {
	if h == nil {
		return nil
	}
	return h.ext
}

// joinExtensions adds the x- members of b whose keys a lacks.
func joinExtensions(a, b []schema.Field) []schema.Field {
	out := slices.Clone(a)
	for _, f := range b {
		if !slices.ContainsFunc(out, func(g schema.Field) bool { return g.Key == f.Key }) {
			out = append(out, f)
		}
	}
	return out
}

// newRecord copies a unit into a record at /units/n.
func newRecord(u *Unit, n int) *record {
	r := &record{u: *u, parent: -1, path: schema.Root.Key("units").Index(n)}
	r.u.parent, r.u.children = nil, nil
	if u.parent != nil {
		r.u.up = Code{}
	}
	r.u.former = slices.Clone(u.former)
	r.u.points = slices.Clone(u.points)
	r.u.figures = slices.Clone(u.figures)
	r.u.ext = slices.Clone(u.ext)
	return r
}

// mergeInto merges the record or of the other hierarchy into recs[m], which
// is the same unit; parent is the index of or's parent, or -1.
func mergeInto(recs []*record, m int, or *record, parent int, byFormerCode bool, probs *schema.List) {
	base := recs[m]
	if or.u.kind != base.u.kind {
		or.errorf(probs, "kind", RuleMergeConflict, "%s is a %s, but %s at %s is a %s", or.describe(), or.u.kind, base.describe(), base.where(), base.u.kind)
	}
	if or.u.name != base.u.name {
		formerName := false
		if byFormerCode {
			for _, fc := range base.u.former {
				formerName = formerName || fc.Code == or.u.code && (fc.Name == or.u.name || fc.Name == "")
			}
		}
		if !formerName {
			or.errorf(probs, "name", RuleMergeConflict, "%s has the code of %s at %s", or.describe(), base.describe(), base.where())
		}
	}
	switch {
	case parent >= 0 && base.parent < 0 && (!base.u.up.IsValid() || base.u.up == recs[parent].u.code):
		// A root of h gets the parent it named, or lacked, from other.
		base.parent = parent
		base.u.up = Code{}
	case parent >= 0 && parent != base.parent:
		or.errorf(probs, "parent", RuleMergeConflict, "%s lies under %s, but under %s at %s", or.describe(), recs[parent].describe(), parentName(recs, base), base.where())
	case parent < 0 && or.u.up.IsValid():
		up := base.u.up
		if base.parent >= 0 {
			up = recs[base.parent].u.code
		}
		if up != or.u.up {
			or.errorf(probs, "parent", RuleMergeConflict, "%s lies under %s, but under %s at %s", or.describe(), or.u.up, parentName(recs, base), base.where())
		}
	}
	for _, fc := range or.u.former {
		if !slices.ContainsFunc(base.u.former, func(b FormerCode) bool { return b.Code == fc.Code }) {
			base.u.former = append(base.u.former, fc)
		}
	}
	for _, sp := range or.u.points {
		if !slices.Contains(base.u.points, sp) {
			base.u.points = append(base.u.points, sp)
		}
	}
	for _, f := range or.u.figures {
		if !slices.ContainsFunc(base.u.figures, f.equal) {
			base.u.figures = append(base.u.figures, f)
		}
	}
	if base.u.note == "" {
		base.u.note = or.u.note
	}
	base.u.ext = joinExtensions(base.u.ext, or.u.ext)
}

func parentName(recs []*record, r *record) string {
	switch {
	case r.parent >= 0:
		return recs[r.parent].describe()
	case r.u.up.IsValid():
		return r.u.up.String()
	}
	return "no parent"
}
