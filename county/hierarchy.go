package county

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/zwfw/zwfw/schema"
)

// Hierarchy is a checked tree (or forest) of administrative units with
// their service points and stated figures. A Hierarchy is read-only once
// built — [Hierarchy.Merge] returns a new one — and safe for concurrent
// use. The zero Hierarchy is empty.
type Hierarchy struct {
	roots    []*Unit
	units    []*Unit // depth first, parents before children
	byCode   map[Code]*Unit
	byFormer map[Code]*Unit
	byName   map[string][]*Unit
	sources  []Source
	ext      []schema.Field // x- members of the document, written back as read
}

// Errors [Hierarchy.Find] returns, wrapped with the name looked for.
var (
	ErrNotFound  = errors.New("county: no such unit")
	ErrAmbiguous = errors.New("county: ambiguous unit name")
)

// index fills the lookup tables from the roots.
func (h *Hierarchy) index() {
	h.units = h.units[:0]
	walk(h.roots, func(u *Unit) bool {
		h.units = append(h.units, u)
		return true
	})
	h.byCode = make(map[Code]*Unit)
	h.byFormer = make(map[Code]*Unit)
	h.byName = make(map[string][]*Unit)
	for _, u := range h.units {
		if u.code.IsValid() {
			h.byCode[u.code] = u
		}
		for _, fc := range u.former {
			h.byFormer[fc.Code] = u
		}
		h.byName[u.name] = append(h.byName[u.name], u)
	}
}

// Sources returns where the hierarchy's data comes from. The slice is the
// caller's.
func (h *Hierarchy) Sources() []Source {
	if h == nil {
		return nil
	}
	return slices.Clone(h.sources)
}

// Roots returns the units without a parent in the hierarchy, in source
// order. The slice is the caller's.
func (h *Hierarchy) Roots() []*Unit {
	if h == nil {
		return nil
	}
	return slices.Clone(h.roots)
}

// Len returns the number of units.
func (h *Hierarchy) Len() int {
	if h == nil {
		return 0
	}
	return len(h.units)
}

// All walks every unit depth first, each before its children.
func (h *Hierarchy) All() iter.Seq[*Unit] {
	return func(yield func(*Unit) bool) {
		if h == nil {
			return
		}
		for _, u := range h.units {
			if !yield(u) {
				return
			}
		}
	}
}

// ByCode returns the unit whose code is c or, failing that, the unit that
// had c as a former code (510922 finds 射洪市). It returns nil when there is
// none.
func (h *Hierarchy) ByCode(c Code) *Unit {
	if h == nil || !c.IsValid() {
		return nil
	}
	if u := h.byCode[c]; u != nil {
		return u
	}
	return h.byFormer[c]
}

// ByName returns every unit the name matches, depth first. A name matches
// the units so called; a qualified name, names joined by "/", matches the
// units whose qualified name ends with it, so "蓬溪县/普安街道" finds 普安街道
// of 蓬溪县 only. A leading "/" anchors the name at a root:
// "/遂宁市/蓬溪县". Names repeat across counties; use [Hierarchy.Find] to
// insist on one unit.
func (h *Hierarchy) ByName(name string) []*Unit {
	if h == nil {
		return nil
	}
	anchored := strings.HasPrefix(name, "/")
	segs := strings.Split(strings.TrimPrefix(name, "/"), "/")
	if slices.Contains(segs, "") {
		return nil
	}
	var out []*Unit
	for _, u := range h.byName[segs[len(segs)-1]] {
		p, ok := u.parent, true
		for i := len(segs) - 2; i >= 0 && ok; i-- {
			if p == nil || p.name != segs[i] {
				ok = false
			} else {
				p = p.parent
			}
		}
		if ok && (!anchored || p == nil) {
			out = append(out, u)
		}
	}
	return out
}

// Find returns the one unit s names: a code of 6, 9 or 12 digits (see
// [Hierarchy.ByCode]), or a name or qualified name (see
// [Hierarchy.ByName]). The error wraps [ErrNotFound] when nothing matches
// and [ErrAmbiguous] when several units do; its message lists them by
// qualified name.
func (h *Hierarchy) Find(s string) (*Unit, error) {
	if isDigits(s) {
		c, err := ParseCode(s)
		if err != nil {
			return nil, err
		}
		if u := h.ByCode(c); u != nil {
			return u, nil
		}
		return nil, fmt.Errorf("county: no unit has code %s: %w", c, ErrNotFound)
	}
	units := h.ByName(s)
	switch len(units) {
	case 0:
		return nil, fmt.Errorf("county: no unit is named %q: %w", s, ErrNotFound)
	case 1:
		return units[0], nil
	}
	names := make([]string, len(units))
	for i, u := range units {
		names[i] = u.QualifiedName()
	}
	return nil, fmt.Errorf("county: %q names %d units (%s): %w", s, len(units), strings.Join(names, ", "), ErrAmbiguous)
}
