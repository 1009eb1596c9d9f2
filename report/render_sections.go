package report

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// build lays the sections out in the order of the bulletin's layout: the
// fixed sections that have content, the bulletin's own sections where
// the layout names them, then the fixed sections with content the layout
// does not name (nothing is dropped), its own sections the layout does
// not name, then x- members that are sections ({title, paragraphs}).
func (v *view) build() error {
	b := v.b
	placed := map[string]bool{}
	keys := []string{}
	for _, sl := range b.layout().Sections {
		keys = append(keys, sl.Key)
	}
	for _, sl := range DefaultLayout().Sections {
		if !slices.Contains(keys, sl.Key) {
			keys = append(keys, sl.Key)
		}
	}
	v.top = map[string]bool{}
	for _, k := range keys {
		v.top[k] = true
	}
	for _, k := range keys {
		s, ok, err := v.section(k)
		if err != nil {
			return err
		}
		placed[k] = true
		if ok {
			v.sections = append(v.sections, s)
		}
	}
	for i := range b.Sections {
		if !placed[b.Sections[i].Key] {
			v.sections = append(v.sections, v.own(&b.Sections[i]))
		}
	}
	keys = keys[:0]
	for k := range b.Extensions {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		var x struct {
			Title      string   `json:"title"`
			Paragraphs []string `json:"paragraphs"`
		}
		if json.Unmarshal(b.Extensions[k], &x) == nil && x.Title != "" && x.Paragraphs != nil {
			v.sections = append(v.sections, sectionView{key: k, title: x.Title, paras: x.Paragraphs})
		}
	}
	return nil
}

// own renders one of the bulletin's own sections.
func (v *view) own(s *Section) sectionView {
	return sectionView{key: s.Key, title: v.b.title(s.Key, s.Title), paras: s.Paragraphs}
}

// listOf returns the entries of a section's list, each row's cells by
// keys, and the table of the rows under columns.
func listOf(columns, keys []string, rows [][]string) ([]map[string]string, *Table) {
	entries := make([]map[string]string, len(rows))
	for i, r := range rows {
		e := make(map[string]string, len(keys))
		for j, k := range keys {
			e[k] = r[j]
		}
		entries[i] = e
	}
	return entries, &Table{Columns: columns, Rows: slices.Clip(rows)}
}

// listed makes s a paragraph of lead followed by the list of entries,
// with table t when there are entries.
func (b *Bulletin) listed(s *sectionView, lead string, entries []map[string]string, t *Table) error {
	list, err := b.list(s.key, entries)
	if err != nil {
		return err
	}
	s.paras = []string{lead + list}
	s.lead = lead
	if len(entries) > 0 {
		s.table = t
	}
	return nil
}

// section renders the section key; ok is false when the bulletin has
// nothing for it.
func (v *view) section(key string) (sectionView, bool, error) {
	b := v.b
	period := b.Period.Chinese()
	s := sectionView{key: key, title: b.title(key, key)}
	switch key {
	case KeyUpdates:
		if len(v.updates) == 0 {
			return s, false, nil
		}
		for _, u := range v.updates {
			s.paras = append(s.paras, u.paragraph())
		}
	case KeyVisits:
		vs := b.Visits
		if vs == nil {
			return s, false, nil
		}
		lead, err := b.phrase(key, "lead", map[string]string{"period": period, "place": vs.Place, "total": itoa(v.visitTotal())})
		if err != nil {
			return s, false, err
		}
		rows := make([][]string, len(vs.Entries))
		for i, e := range vs.Entries {
			rows[i] = []string{e.Department, e.Title, e.Name, itoa(e.Count)}
		}
		entries, t := listOf([]string{"部门", "职务", "姓名", "次数"}, []string{"department", "title", "name", "count"}, rows)
		t.Rows = append(t.Rows, []string{"合计(计算)", "", "", itoa(vs.Sum())})
		if err := b.listed(&s, lead, entries, t); err != nil {
			return s, false, err
		}
	case KeySubmissions:
		if len(b.Submissions) == 0 {
			return s, false, nil
		}
		rows := make([][]string, len(b.Submissions))
		for i, sub := range b.Submissions {
			rows[i] = []string{sub.Department, itoa(sub.Count)}
		}
		entries, t := listOf([]string{"部门", "上报条数"}, []string{"department", "count"}, rows)
		if err := b.listed(&s, "", entries, t); err != nil {
			return s, false, err
		}
	case KeyAttendance:
		a := b.Attendance
		if a == nil || a.Leave == nil && a.Clock == nil {
			return s, false, nil
		}
		var subs []string
		if sl := b.layout().section(key); sl != nil {
			for _, x := range sl.Sections {
				subs = append(subs, x.Key)
			}
		}
		for _, k := range []string{KeyLeave, KeyClock} {
			if !slices.Contains(subs, k) {
				subs = append(subs, k)
			}
		}
		for _, k := range subs {
			if v.top[k] {
				continue // the layout makes it a section of its own
			}
			sub, ok, err := v.section(k)
			if err != nil {
				return s, false, err
			}
			if ok {
				s.subs = append(s.subs, sub)
			}
		}
		if len(s.subs) == 0 {
			return s, false, nil
		}
	case KeyLeave:
		if b.Attendance == nil || b.Attendance.Leave == nil {
			return s, false, nil
		}
		l := b.Attendance.Leave
		lead, err := b.phrase(key, "lead", map[string]string{"period": period, "staff": l.Staff, "total": itoa(v.leaveTotal())})
		if err != nil {
			return s, false, err
		}
		rows := make([][]string, len(l.Kinds))
		for i, k := range l.Kinds {
			rows[i] = []string{k.Kind, itoa(k.Count)}
		}
		entries, t := listOf([]string{"假别", "人次"}, []string{"kind", "count"}, rows)
		t.Rows = append(t.Rows, []string{"合计(计算)", itoa(l.Sum())})
		if err := b.listed(&s, lead, entries, t); err != nil {
			return s, false, err
		}
	case KeyClock:
		if b.Attendance == nil || b.Attendance.Clock == nil {
			return s, false, nil
		}
		c := b.Attendance.Clock
		p, err := b.phrase(key, "lead", map[string]string{"period": period, "source": c.Source,
			"late": itoa(c.Late), "missed": itoa(c.Missed), "early": itoa(c.Early), "field": itoa(c.Field)})
		if err != nil {
			return s, false, err
		}
		if c.Attachment > 0 {
			x, err := b.phrase(key, "attachment", map[string]string{"attachment": strconv.Itoa(c.Attachment)})
			if err != nil {
				return s, false, err
			}
			p += x
		}
		s.paras = []string{p}
	case KeyEfficiency:
		e := b.Efficiency
		if e == nil {
			return s, false, nil
		}
		p, err := b.phrase(key, "lead", map[string]string{"period": period, "source": e.Source, "place": e.Place,
			"accepted": itoa(e.Accepted), "completed": itoa(e.Completed)})
		if err != nil {
			return s, false, err
		}
		if v.opts.CompletionRate {
			if r, ok := e.Rate().Percent(2); ok {
				x, err := b.phrase(key, "rate", map[string]string{"rate": r.String()})
				if err != nil {
					return s, false, err
				}
				p += x
			}
		}
		if e.Attachment > 0 {
			x, err := b.phrase(key, "attachment", map[string]string{"attachment": strconv.Itoa(e.Attachment)})
			if err != nil {
				return s, false, err
			}
			p += x
		}
		last, err := b.phrase(key, "last", nil)
		if err != nil {
			return s, false, err
		}
		s.paras = []string{p + last}
	default:
		i := slices.IndexFunc(b.Sections, func(x Section) bool { return x.Key == key })
		if i < 0 {
			return s, false, nil
		}
		return v.own(&b.Sections[i]), true, nil
	}
	return s, true, nil
}

// list writes entries as the layout's sentences of section key say:
// first, each entry, joined by separator, then last.
func (b *Bulletin) list(key string, entries []map[string]string) (string, error) {
	if len(entries) == 0 {
		return "", nil
	}
	var sb strings.Builder
	first, err := b.phrase(key, "first", nil)
	if err != nil {
		return "", err
	}
	sep, _ := b.phrase(key, "separator", nil)
	last, _ := b.phrase(key, "last", nil)
	sb.WriteString(first)
	for i, e := range entries {
		if i > 0 {
			sb.WriteString(sep)
		}
		x, err := b.phrase(key, "entry", e)
		if err != nil {
			return "", fmt.Errorf("report: layout of %s: %w", key, err)
		}
		sb.WriteString(x)
	}
	sb.WriteString(last)
	return sb.String(), nil
}
