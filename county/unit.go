package county

import (
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/zwfw/zwfw/schema"
)

// Unit is one administrative unit of a [Hierarchy]: a city, county, park,
// township, village, … Units are read-only and belong to one hierarchy;
// their methods are safe for concurrent use. Methods of a nil *Unit return
// zero values, so lookups chain: h.ByCode(c).County().Name().
type Unit struct {
	code     Code
	name     string
	kind     Kind
	level    Level
	note     string
	up       Code // of a root: its parent outside the hierarchy, if known
	former   []FormerCode
	points   []ServicePoint
	figures  []Figure
	parent   *Unit
	children []*Unit
	pos      schema.Pos
	ext      []schema.Field // x- members of the unit, written back as read
}

// FormerCode is a code a unit had before: 射洪市 (510981) was 510922 射洪县
// until 2019.
type FormerCode struct {
	Code  Code   `doc:"code"`
	Name  string `doc:"name"`  // the unit's name under that code, if it differed
	Until string `doc:"until"` // year, year-month or date the code ceased ("2019")
}

// ServicePoint is one point of the service system on a unit: its hall,
// centre, station, room, proxy point or assisted-handling desk.
type ServicePoint struct {
	Kind PointKind `doc:"kind"`
	Name string    `doc:"name"` // as the source names it; may be empty
}

// Figure is a count a source states about a unit: how many units of some
// kinds lie below it ("19个乡镇" is Of: [乡 镇], Count: 19) or how many
// service points of one kind it has. A stated figure is kept as stated; set
// it against [Unit.Count] to see whether the data agrees.
type Figure struct {
	Of      []Kind    `doc:"of"`         // the kinds of unit counted, or nil
	Point   PointKind `doc:"point"`      // the kind of service point counted, or zero
	Count   int       `doc:"count,keep"` // how many
	Context string    `doc:"context"`    // the programme or statement the count belongs to
	Source  string    `doc:"source"`     // where it is stated
}

func (f Figure) equal(g Figure) bool {
	return slices.Equal(f.Of, g.Of) && f.Point == g.Point && f.Count == g.Count &&
		f.Context == g.Context && f.Source == g.Source
}

// Source says where a hierarchy's data comes from and as of when.
type Source struct {
	Title string    `doc:"title"`
	AsOf  time.Time `doc:"asOf,date"` // the date the data describes; zero if not stated
	Note  string    `doc:"note"`
}

func (s Source) equal(t Source) bool {
	return s.Title == t.Title && s.AsOf.Equal(t.AsOf) && s.Note == t.Note
}

// Code returns the unit's division code, or the zero Code for a unit
// without one (a 园区).
func (u *Unit) Code() Code {
	if u == nil {
		return Code{}
	}
	return u.code
}

// Name returns the unit's name.
func (u *Unit) Name() string {
	if u == nil {
		return ""
	}
	return u.name
}

// Kind returns the unit's kind.
func (u *Unit) Kind() Kind {
	if u == nil {
		return 0
	}
	return u.kind
}

// Level returns the tier the unit stands at, which is also the exercise
// level (行使层级) of matters handled there: 市级 for a city, 县级 for a
// district, county or county-level city, 乡镇级 for a township, town or
// subdistrict, 村(社区)级 for a village or community. A 园区 stands one tier
// below its parent: 县级 under a city, 乡镇级 under a county.
func (u *Unit) Level() Level {
	if u == nil {
		return 0
	}
	return u.level
}

// Note returns what the source says about the unit besides its name, such
// as a park's full name.
func (u *Unit) Note() string {
	if u == nil {
		return ""
	}
	return u.note
}

// Parent returns the unit above u, or nil for a root.
func (u *Unit) Parent() *Unit {
	if u == nil {
		return nil
	}
	return u.parent
}

// ParentCode returns the code of the unit above u. For a root it is the
// code its source gave for a parent outside the hierarchy (510000 for
// 遂宁市), or the zero Code.
func (u *Unit) ParentCode() Code {
	switch {
	case u == nil:
		return Code{}
	case u.parent != nil:
		return u.parent.code
	}
	return u.up
}

// Children returns the units directly below u, in source order. The slice
// is the caller's.
func (u *Unit) Children() []*Unit {
	if u == nil {
		return nil
	}
	return slices.Clone(u.children)
}

// Descendants walks the units below u depth first, each before its
// children, children in source order. u itself is not included.
func (u *Unit) Descendants() iter.Seq[*Unit] {
	return func(yield func(*Unit) bool) {
		if u != nil {
			walk(u.children, yield)
		}
	}
}

func walk(units []*Unit, yield func(*Unit) bool) bool {
	for _, c := range units {
		if !yield(c) || !walk(c.children, yield) {
			return false
		}
	}
	return true
}

// Ancestors walks the units above u, nearest first.
func (u *Unit) Ancestors() iter.Seq[*Unit] {
	return func(yield func(*Unit) bool) {
		if u == nil {
			return
		}
		for p := u.parent; p != nil; p = p.parent {
			if !yield(p) {
				return
			}
		}
	}
}

// County returns the county-level unit u belongs to — the 区, 县, 县级市 or
// park at 县级 on its way up, u itself if it is one — or nil when u stands
// above that level.
func (u *Unit) County() *Unit {
	for p := u; p != nil; p = p.parent {
		if p.level == LevelCounty {
			return p
		}
	}
	return nil
}

// QualifiedName returns the names from the root down to u joined by "/":
// 遂宁市/蓬溪县/普安街道.
func (u *Unit) QualifiedName() string {
	if u == nil {
		return ""
	}
	names := []string{u.name}
	for p := u.parent; p != nil; p = p.parent {
		names = append(names, p.name)
	}
	slices.Reverse(names)
	return strings.Join(names, "/")
}

// FormerCodes returns the codes the unit had before. The slice is the
// caller's.
func (u *Unit) FormerCodes() []FormerCode {
	if u == nil {
		return nil
	}
	return slices.Clone(u.former)
}

// ServicePoints returns the service points on the unit. The slice is the
// caller's.
func (u *Unit) ServicePoints() []ServicePoint {
	if u == nil {
		return nil
	}
	return slices.Clone(u.points)
}

// Figures returns the figures sources state about the unit. The slice and
// the Of slices in it are the caller's.
func (u *Unit) Figures() []Figure {
	if u == nil {
		return nil
	}
	fs := slices.Clone(u.figures)
	for i := range fs {
		fs[i].Of = slices.Clone(fs[i].Of)
	}
	return fs
}

// Count returns the number of units below u whose kind is one of kinds, or
// of all units below u when kinds is empty: the computed side of a stated
// [Figure].
func (u *Unit) Count(kinds ...Kind) int {
	n := 0
	for d := range u.Descendants() {
		if len(kinds) == 0 || slices.Contains(kinds, d.kind) {
			n++
		}
	}
	return n
}

// Pos returns where the unit was read from; the zero Pos when it was not
// read from text.
func (u *Unit) Pos() schema.Pos {
	if u == nil {
		return schema.Pos{}
	}
	return u.pos
}

// String returns the qualified name followed by the code, if any:
// "遂宁市/蓬溪县 (510921)".
func (u *Unit) String() string {
	if u == nil {
		return "<nil>"
	}
	if u.code.IsValid() {
		return u.QualifiedName() + " (" + u.code.String() + ")"
	}
	return u.QualifiedName()
}
