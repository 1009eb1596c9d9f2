package reform

import (
	"cmp"
	"slices"
	"time"

	"github.com/zwfw/zwfw/matters"
)

// MatterList is one of the lists a locality publishes (马上办清单, 川渝通办清单 …): a
// view generated from the matters' attributes, never a second copy of the
// truth. Each list agrees with a count indicator: the matters it selects
// from a catalogue are those the indicator counts, grouped as the
// indicator's Groups are.
type MatterList struct {
	Name      string    // 马上办清单
	Indicator Indicator // the count the list agrees with
	// GroupedBy says how the list is divided: "批次" (batch), "承接层级"
	// (receiving level), "一件事" (one section per bundle), or "" when it
	// is not.
	GroupedBy string

	include func(*matters.Matter) bool
	group   func(*matters.Matter) (key string, order int)
	bundles bool
}

// Section is one group of a selected list: the matters of one batch, one
// receiving level or one bundle, in catalogue order. An ungrouped list has
// one section with an empty Group.
type Section struct {
	Group   string
	Bundle  *matters.Bundle // the bundle of a section of 一件事一次办清单
	Matters []*matters.Matter
}

// Selection is a list selected from a catalogue, ready to be written
// ([Selection.WriteMarkdown], [Selection.WriteCSV], [Selection.WriteJSON]).
type Selection struct {
	List     *MatterList
	Division matters.Division // the unit whose list it is, from the catalogue
	AsOf     time.Time        // the catalogue's as-of date; zero when it has none
	// GroupedBy says how the sections divide the list: the list's own
	// grouping, or 实施主体 after [Selection.ByBody].
	GroupedBy string
	Sections  []Section
}

// Len returns the number of entries: bundles for 一件事一次办清单, matters
// for any other list. It equals the count of the list's indicator over the
// same catalogue.
func (s *Selection) Len() int {
	if s.List.bundles {
		return len(s.Sections)
	}
	n := 0
	for _, sec := range s.Sections {
		n += len(sec.Matters)
	}
	return n
}

func byBatch(k matters.ScopeKind) func(*matters.Matter) (string, int) {
	return func(m *matters.Matter) (string, int) {
		b, _ := m.HasScope(k)
		if b <= 0 {
			return batchKey(0), int(^uint(0) >> 1)
		}
		return batchKey(b), b
	}
}

func hasScope(k matters.ScopeKind) func(*matters.Matter) bool {
	return func(m *matters.Matter) bool { _, ok := m.HasScope(k); return ok }
}

func byReceivingLevel(m *matters.Matter) (string, int) {
	l := receivingLevel(m)
	if l == 0 {
		return levelKey(0), int(matters.Village) + 1
	}
	return levelKey(l), int(l)
}

var lists = []*MatterList{
	{Name: "马上办清单", Indicator: InstantCount,
		include: func(m *matters.Matter) bool { return applicationReason(m.Type) == 0 && m.IsInstant() }},
	{Name: "全程网办清单", Indicator: FullyOnlineCount,
		include: func(m *matters.Matter) bool { return applicationReason(m.Type) == 0 && m.FullyOnline() }},
	{Name: "川渝通办清单", Indicator: SichuanChongqingCount, GroupedBy: "批次",
		include: hasScope(matters.SichuanChongqing), group: byBatch(matters.SichuanChongqing)},
	{Name: "跨省通办清单", Indicator: CrossProvinceCount, GroupedBy: "批次",
		include: hasScope(matters.CrossProvince), group: byBatch(matters.CrossProvince)},
	{Name: "下放事项清单", Indicator: DelegatedCount, GroupedBy: "承接层级",
		include: isDelegated, group: byReceivingLevel},
	{Name: "全域通办清单", Indicator: CountyWideCount, include: hasScope(matters.CountyWide)},
	{Name: "就近可办清单", Indicator: NearbyCount, include: hasScope(matters.Nearby)},
	{Name: "全国通办清单", Indicator: NationwideCount, include: hasScope(matters.Nationwide)},
	{Name: "一件事一次办清单", Indicator: BundleCount, GroupedBy: "一件事", bundles: true},
	{Name: "24小时自助清单", Indicator: SelfService24hCount,
		include: func(m *matters.Matter) bool { return m.SelfService24h }},
	{Name: "容缺受理清单", Indicator: TolerateMissingCount,
		include: func(m *matters.Matter) bool { return m.TolerateMissing }},
}

// MatterLists returns every list the package knows, in a fixed order. The lists
// are shared: do not modify them.
func MatterLists() []*MatterList { return slices.Clone(lists) }

// LookupList returns the list named name, with or without the trailing
// 清单 (马上办清单 or 马上办), or the list that agrees with the indicator
// named name; nil if there is none.
func LookupList(name string) *MatterList {
	for _, l := range lists {
		if name == l.Name || name+"清单" == l.Name {
			return l
		}
	}
	if ind, err := ParseIndicator(name); err == nil {
		for _, l := range lists {
			if l.Indicator == ind {
				return l
			}
		}
	}
	return nil
}

// Includes reports whether m belongs on the list. For 一件事一次办清单,
// which lists bundles, it reports false.
func (l *MatterList) Includes(m *matters.Matter) bool { return l.include != nil && l.include(m) }

// Group returns the group m falls in on the list (第1批, 乡镇级, 批次未注明),
// or "" for a list that is not grouped by matter.
func (l *MatterList) Group(m *matters.Matter) string {
	if l.group == nil {
		return ""
	}
	k, _ := l.group(m)
	return k
}

// Select selects the list from a catalogue. Matter lists keep catalogue
// order within each section; sections follow batch or level order, those
// not stated last. 一件事一次办清单 has a section per bundle with its member
// matters (a member the catalogue does not hold is left out).
func (l *MatterList) Select(c *matters.Catalogue) *Selection {
	sel := &Selection{List: l, Division: c.Division, AsOf: c.AsOf, GroupedBy: l.GroupedBy, Sections: []Section{}}
	if l.bundles {
		for i := range c.Bundles {
			b := &c.Bundles[i]
			sec := Section{Group: b.Name, Bundle: b, Matters: []*matters.Matter{}}
			for _, code := range b.Matters {
				if m := c.Matter(code); m != nil {
					sec.Matters = append(sec.Matters, m)
				}
			}
			sel.Sections = append(sel.Sections, sec)
		}
		return sel
	}
	type bucket struct {
		order int
		sec   Section
	}
	var buckets []*bucket
	index := map[string]*bucket{}
	for i := range c.Matters {
		m := &c.Matters[i]
		if !l.include(m) {
			continue
		}
		key, order := "", 0
		if l.group != nil {
			key, order = l.group(m)
		}
		b := index[key]
		if b == nil {
			b = &bucket{order: order, sec: Section{Group: key}}
			index[key] = b
			buckets = append(buckets, b)
		}
		b.sec.Matters = append(b.sec.Matters, m)
	}
	slices.SortStableFunc(buckets, func(a, b *bucket) int { return cmp.Compare(a.order, b.order) })
	for _, b := range buckets {
		sel.Sections = append(sel.Sections, b.sec)
	}
	return sel
}
