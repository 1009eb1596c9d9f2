package report

import (
	"slices"
	"strings"

	"github.com/zwfw/zwfw/schema"
)

// Rules of the bulletin's structure.
const (
	// RuleNoSubject: an update that names neither a unit nor a
	// department.
	RuleNoSubject schema.Rule = "bulletin.no-subject"
	// RuleLayout: a layout sentence that is not a template, or names a
	// count its section does not have; a section key twice in the layout.
	RuleLayout schema.Rule = "bulletin.layout"
	// RuleDuplicateSection: two sections of the bulletin's own with one
	// key, or one with the key of a fixed section.
	RuleDuplicateSection schema.Rule = "bulletin.duplicate-section"
)

// layoutPlaceholders are the counts each fixed section's sentences may
// name: the contract between the renderer and any layout.
var layoutPlaceholders = map[string]map[string][]string{
	KeyVisits: {"lead": {"period", "place", "total"}, "entry": {"department", "title", "name", "count"},
		"first": nil, "separator": nil, "last": nil},
	KeySubmissions: {"entry": {"department", "count"}, "first": nil, "separator": nil, "last": nil},
	KeyLeave: {"lead": {"period", "staff", "total"}, "entry": {"kind", "count"},
		"first": nil, "separator": nil, "last": nil},
	KeyClock:      {"lead": {"period", "source", "late", "early", "missed", "field"}, "attachment": {"attachment"}},
	KeyEfficiency: {"lead": {"period", "source", "place", "accepted", "completed"}, "rate": {"rate"}, "attachment": {"attachment"}, "last": nil},
}

var fixedKeys = []string{KeyUpdates, KeyVisits, KeySubmissions, KeyAttendance, KeyLeave, KeyClock, KeyEfficiency}

// structure checks what the bulletin adds to the seed's sections: the
// subject of each update, the layout, the bulletin's own sections.
func (c *checker) structure() {
	root := schema.Root
	for i := range c.b.Updates {
		u := &c.b.Updates[i]
		if u.Unit == "" && u.Department == "" {
			c.errorf(root.Key("updates").Index(i), RuleNoSubject, "the update names neither a unit nor a department")
		}
	}
	if l := c.b.Layout; l != nil {
		seen := map[string]bool{}
		var walk func(ss []SectionLayout, p schema.Path)
		walk = func(ss []SectionLayout, p schema.Path) {
			for i := range ss {
				s := &ss[i]
				sp := p.Index(i)
				if seen[s.Key] {
					c.errorf(sp.Key("key"), RuleLayout, "section %s is laid out twice", s.Key)
				}
				seen[s.Key] = true
				allowed, fixed := layoutPlaceholders[s.Key]
				names := make([]string, 0, len(s.Text))
				for n := range s.Text {
					names = append(names, n)
				}
				slices.Sort(names)
				for _, n := range names {
					tp := sp.Key("text").Key(n)
					segs, err := parseTemplate(s.Text[n])
					if err != nil {
						c.errorf(tp, RuleLayout, "%v", err)
						continue
					}
					if !fixed {
						c.errorf(tp, RuleLayout, "section %s has no sentences to word; only %s have", s.Key, strings.Join(mapKeys(layoutPlaceholders), ", "))
						continue
					}
					ph, ok := allowed[n]
					if !ok {
						c.errorf(tp, RuleLayout, "section %s has no sentence %s (it has %s)", s.Key, n, strings.Join(mapKeys(allowed), ", "))
						continue
					}
					for _, sg := range segs {
						if sg.name != "" && !slices.Contains(ph, sg.name) {
							c.errorf(tp, RuleLayout, "sentence %s of %s has no count {%s} (it has %s)", n, s.Key, sg.name, strings.Join(ph, ", "))
						}
					}
				}
				walk(s.Sections, sp.Key("sections"))
			}
		}
		walk(l.Sections, root.Key("layout").Key("sections"))
	}
	keys := map[string]bool{}
	for i, s := range c.b.Sections {
		if keys[s.Key] || slices.Contains(fixedKeys, s.Key) {
			c.errorf(root.Key("sections").Index(i).Key("key"), RuleDuplicateSection, "section key %s is taken", s.Key)
		}
		keys[s.Key] = true
	}
}

func mapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
