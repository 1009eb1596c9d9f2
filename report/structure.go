package report

import (
	_ "embed"
	"strconv"
	"sync"
	"time"

	"github.com/zwfw/zwfw/schema"
)

// Masthead is the head of a bulletin (报头): its title, issue numbers,
// issuing body and date, and the distribution lines (报, 送, 发) printed at
// its foot.
type Masthead struct {
	Title   string    `doc:"title"`     // 工作简报; empty means the bulletin's Title
	Issue   int       `doc:"issue"`     // 期号 within the year (第4期); 0 when not numbered
	Running int       `doc:"running"`   // running number (总第112期); 0 when not numbered
	Issuer  string    `doc:"issuer"`    // 编发单位; empty means the bulletin's Issuer
	Date    time.Time `doc:"date,date"` // 印发日期; zero when not given

	Distribution []Distribution `doc:"distribution"`

	Extensions Extensions
}

// Distribution is one distribution line: to whom the bulletin is
// reported (报), sent (送) or issued (发).
type Distribution struct {
	Kind string   `doc:"kind"`    // 报, 送 or 发
	To   []string `doc:"to,keep"` // the bodies, in order

	Extensions Extensions
}

// AllDistributionKinds lists the kinds of distribution line, in the order
// they are printed.
func AllDistributionKinds() []string { return []string{"报", "送", "发"} }

// Section is a section of the bulletin's own (下步工作, 问题和建议): a title
// and paragraphs. The layout places it by its key; a section the layout
// does not name follows the layout's sections.
type Section struct {
	Key        string   `doc:"key"`
	Title      string   `doc:"title"`
	Paragraphs []string `doc:"paragraphs"`

	Extensions Extensions
}

// Table is a table of an attachment: 窗口工作人员考勤情况明细, say.
type Table struct {
	Columns []string   `doc:"columns,keep"`
	Rows    [][]string `doc:"rows,keep"`
}

// Layout is a bureau's template of its bulletin: the sections in order,
// their titles, and the wording of the sentences in which the fixed
// sections state their counts. The wording is made of templates whose
// placeholders name the counts ({period}, {place}, {total} …; see
// [DefaultLayout] for each section's). A nil *Layout is [DefaultLayout].
type Layout struct {
	Sections []SectionLayout `doc:"sections"`
}

// SectionLayout is one section of a [Layout]. Key is one of the fixed
// sections (updates, visits, submissions, attendance, efficiency), the
// subsections of attendance (leave, clock), or the key of one of the
// bulletin's own [Section]s.
type SectionLayout struct {
	Key      string            `doc:"key"`
	Title    string            `doc:"title"`
	Text     map[string]string `doc:"text"`     // the sentences, by name
	Sections []SectionLayout   `doc:"sections"` // subsections (attendance: leave, clock)
}

// The keys of the fixed sections.
const (
	KeyUpdates     = "updates"
	KeyVisits      = "visits"
	KeySubmissions = "submissions"
	KeyAttendance  = "attendance"
	KeyLeave       = "leave"
	KeyClock       = "clock"
	KeyEfficiency  = "efficiency"
)

//go:embed layout.yaml
var defaultLayoutYAML []byte

var defaultLayout = sync.OnceValue(func() *Layout {
	n, probs := schema.Parse("layout.yaml", defaultLayoutYAML)
	if probs.HasErrors() {
		panic("report: embedded layout.yaml: " + probs.Error())
	}
	l := &Layout{}
	codec.Decode(n, l, n, schema.Root, &probs)
	if probs.HasErrors() {
		panic("report: embedded layout.yaml: " + probs.Error())
	}
	return l
})

// DefaultLayout returns the layout of Suining's bulletin: the five
// sections of the seed, worded as the seed words them. The layout is
// data (layout.yaml in this package), read once; callers must not
// modify it. Its sentences and their placeholders:
//
//	visits      lead {period} {place} {total}; entry {department} {title} {name} {count};
//	            first, separator, last
//	submissions entry {department} {count}; separator, last
//	leave       lead {period} {staff} {total}; entry {kind} {count}; first, separator, last
//	clock       lead {period} {source} {late} {early} {missed} {field}; attachment {attachment}
//	efficiency  lead {period} {source} {place} {accepted} {completed}; rate {rate};
//	            attachment {attachment}; last
func DefaultLayout() *Layout { return defaultLayout() }

// layout is the bulletin's layout, or the default.
func (b *Bulletin) layout() *Layout {
	if b.Layout != nil {
		return b.Layout
	}
	return DefaultLayout()
}

// section returns the layout of the section key, searching subsections;
// nil when the layout has none.
func (l *Layout) section(key string) *SectionLayout {
	var find func([]SectionLayout) *SectionLayout
	find = func(ss []SectionLayout) *SectionLayout {
		for i := range ss {
			if ss[i].Key == key {
				return &ss[i]
			}
			if s := find(ss[i].Sections); s != nil {
				return s
			}
		}
		return nil
	}
	return find(l.Sections)
}

// phrase fills the sentence name of section key with the values given,
// from the bulletin's layout or else the default's.
func (b *Bulletin) phrase(key, name string, vals map[string]string) (string, error) {
	tmpl, ok := "", false
	if s := b.layout().section(key); s != nil {
		tmpl, ok = s.Text[name]
	}
	if !ok {
		if s := DefaultLayout().section(key); s != nil {
			tmpl = s.Text[name]
		}
	}
	return expand(tmpl, func(n string) (string, bool) {
		v, ok := vals[n]
		return v, ok
	})
}

// title is the title of section key in the layout, or def.
func (b *Bulletin) title(key, def string) string {
	if s := b.layout().section(key); s != nil && s.Title != "" {
		return s.Title
	}
	if s := DefaultLayout().section(key); s != nil && s.Title != "" {
		return s.Title
	}
	return def
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// issueLine writes the issue numbers: 第4期(总第112期).
func (m *Masthead) issueLine() string {
	s := ""
	if m.Issue > 0 {
		s = "第" + strconv.Itoa(m.Issue) + "期"
	}
	if m.Running > 0 {
		s += "(总第" + strconv.Itoa(m.Running) + "期)"
	}
	return s
}

// subject is what the update is about, for addressing its figures: its
// unit, or its department when it names no unit.
func (u *Update) subject() string {
	if u.Unit != "" {
		return u.Unit
	}
	return u.Department
}
