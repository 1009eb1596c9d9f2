package matters

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/zwfw/zwfw/schema"
)

// Diff is what changed between two editions of a catalogue: see
// [Catalogue.Diff]. Old and New pointers point into the two catalogues.
type Diff struct {
	// Catalogue lists the catalogue's own elements that changed (title,
	// asOf, division.code, x-…), sorted by path.
	Catalogue []Change
	// Matters lists the matters added, removed, changed and moved, sorted
	// by code, then kind.
	Matters []MatterChange
	// Bundles lists the bundles added, removed and changed, sorted by key.
	Bundles []BundleChange
}

// Change is one element that differs: its path below the matter, bundle
// or catalogue in the readable form ("promisedLimit", "body.name",
// "x-window") and its value in each edition as the document writes it, nil
// where the edition does not state it.
type Change struct {
	Path     string
	Old, New *schema.Node
}

// MatterChange is a matter that differs between the editions.
type MatterChange struct {
	Kind ChangeKind
	// Code is the matter's code in the new edition (in the old one when
	// it was removed). A matter whose code changed is listed under its new
	// code with a change at path "code".
	Code     MatterCodeText
	Old, New *Matter // nil when Added, Removed respectively
	Changes  []Change
}

// Name returns the matter's name in the latest edition holding it.
func (c *MatterChange) Name() string {
	if c.New != nil {
		return c.New.Name
	}
	if c.Old != nil {
		return c.Old.Name
	}
	return ""
}

// BundleChange is a bundle that differs between the editions.
type BundleChange struct {
	Kind     ChangeKind // Added, Removed or Changed
	Key      string     // the bundle's code, or its name when it has none
	Old, New *Bundle
	Changes  []Change
}

// Diff compares the catalogue, the old edition, with next, the new one.
// Matters are matched by code; then an old matter and a new one left
// unmatched are taken for one matter whose code changed when their names
// and base codes are equal and no other unmatched matter shares them
// (Sichuan's codes hold the body's credit code, so a matter moved to
// another body gets a new code). Bundles are matched by code, or by name
// when they have none. Elements are compared as the document writes them
// ([schema.Codec.Differences]): the body, fee, delegation and division
// member by member, other elements (limits, sets, scopes) as a whole, and
// extensions key by key, as JSON values. Empty and absent lists and maps
// are equal.
func (c *Catalogue) Diff(next *Catalogue) *Diff {
	d := &Diff{}
	oh, nh := *c, *next
	oh.Matters, oh.Bundles, nh.Matters, nh.Bundles = nil, nil, nil, nil
	d.Catalogue = diffChanges(&oh, &nh)
	d.diffMatters(c.Matters, next.Matters)
	d.diffBundles(c.Bundles, next.Bundles)
	return d
}

// diffOccurrence keys items by a string and how often it was seen before,
// so that duplicates pair up in order.
func diffKeys[T any](items []T, key func(*T) string) (keys []string, index map[string]int) {
	seen := map[string]int{}
	index = make(map[string]int, len(items))
	keys = make([]string, len(items))
	for i := range items {
		k := key(&items[i])
		if n := seen[k]; n > 0 {
			k += "\x00" + strconv.Itoa(n)
		}
		seen[key(&items[i])]++
		keys[i] = k
		index[k] = i
	}
	return keys, index
}

func (d *Diff) diffMatters(old, new []Matter) {
	code := func(m *Matter) string { return string(m.Code) }
	okeys, oindex := diffKeys(old, code)
	nkeys, nindex := diffKeys(new, code)
	var removed, added []int
	for i, k := range okeys {
		j, ok := nindex[k]
		if !ok {
			removed = append(removed, i)
			continue
		}
		d.pairMatters(&old[i], &new[j])
	}
	for j, k := range nkeys {
		if _, ok := oindex[k]; !ok {
			added = append(added, j)
		}
	}

	// Pair re-coded matters by name and base code, when unambiguous.
	type nb struct {
		name string
		base MatterCodeText
	}
	count := map[nb][2]int{}
	for _, i := range removed {
		k := nb{old[i].Name, old[i].BaseCode}
		n := count[k]
		n[0]++
		count[k] = n
	}
	for _, j := range added {
		k := nb{new[j].Name, new[j].BaseCode}
		n := count[k]
		n[1]++
		count[k] = n
	}
	pairedOld := map[nb]int{}
	for _, i := range removed {
		if k := (nb{old[i].Name, old[i].BaseCode}); count[k] == [2]int{1, 1} && k.name != "" {
			pairedOld[k] = i
		} else {
			d.Matters = append(d.Matters, MatterChange{Kind: Removed, Code: old[i].Code, Old: &old[i]})
		}
	}
	for _, j := range added {
		if i, ok := pairedOld[nb{new[j].Name, new[j].BaseCode}]; ok {
			d.pairMatters(&old[i], &new[j])
		} else {
			d.Matters = append(d.Matters, MatterChange{Kind: Added, Code: new[j].Code, New: &new[j]})
		}
	}
	slices.SortStableFunc(d.Matters, func(a, b MatterChange) int {
		return cmp.Or(cmp.Compare(a.Code, b.Code), cmp.Compare(a.Kind, b.Kind))
	})
}

func (d *Diff) pairMatters(o, n *Matter) {
	ch := diffChanges(o, n)
	if len(ch) == 0 {
		return
	}
	kind := Changed
	for _, c := range ch {
		switch c.Path {
		case "body.name", "body.creditCode", "level":
			kind = Moved
		}
	}
	d.Matters = append(d.Matters, MatterChange{Kind: kind, Code: n.Code, Old: o, New: n, Changes: ch})
}

func (d *Diff) diffBundles(old, new []Bundle) {
	key := func(b *Bundle) string {
		if b.Code != "" {
			return b.Code
		}
		return b.Name
	}
	okeys, oindex := diffKeys(old, key)
	nkeys, nindex := diffKeys(new, key)
	for i, k := range okeys {
		j, ok := nindex[k]
		if !ok {
			d.Bundles = append(d.Bundles, BundleChange{Kind: Removed, Key: key(&old[i]), Old: &old[i]})
			continue
		}
		o, n := &old[i], &new[j]
		if ch := diffChanges(o, n); len(ch) > 0 {
			d.Bundles = append(d.Bundles, BundleChange{Kind: Changed, Key: key(n), Old: o, New: n, Changes: ch})
		}
	}
	for j, k := range nkeys {
		if _, ok := oindex[k]; !ok {
			d.Bundles = append(d.Bundles, BundleChange{Kind: Added, Key: key(&new[j]), New: &new[j]})
		}
	}
	slices.SortStableFunc(d.Bundles, func(a, b BundleChange) int {
		return cmp.Or(cmp.Compare(a.Key, b.Key), cmp.Compare(a.Kind, b.Kind))
	})
}

// diffChanges compares a and b, two values of one element type, member
// by member as their doc tags declare them.
func diffChanges(a, b any) []Change {
	ds := codec.Differences(a, b)
	if len(ds) == 0 {
		return nil
	}
	out := make([]Change, len(ds))
	for i, d := range ds {
		out[i] = Change{Path: strings.Join(d.Path, "."), Old: d.Old, New: d.New}
	}
	return out
}

// Empty reports whether the editions hold the same catalogue.
func (d *Diff) Empty() bool {
	return len(d.Catalogue) == 0 && len(d.Matters) == 0 && len(d.Bundles) == 0
}

// Count returns how many matters changed in the given way.
func (d *Diff) Count(k ChangeKind) int {
	return countFunc(d.Matters, func(c *MatterChange) bool { return c.Kind == k })
}

func (d *Diff) bundleCount(k ChangeKind) int {
	return countFunc(d.Bundles, func(c *BundleChange) bool { return c.Kind == k })
}

// countFunc counts the elements of xs that f holds for.
func countFunc[T any](xs []T, f func(*T) bool) int {
	n := 0
	for i := range xs {
		if f(&xs[i]) {
			n++
		}
	}
	return n
}

// diffSigns mark the kinds of change in the text form, as diff(1) does.
var diffSigns = [...]string{Added: "+", Removed: "-", Changed: "~", Moved: ">"}

// WriteText writes the diff for people: the catalogue's changed elements,
// then a line per matter (+ added, - removed, ~ changed, > moved) with an
// indented line per element that changed, old → new, then the bundles
// likewise. An empty diff is the line "no differences". The labels are
// English; [Diff.Print] writes them in another language.
func (d *Diff) WriteText(w io.Writer) error { return d.Print(w, nil) }

// Print writes the diff as [Diff.WriteText] does, with its labels in the
// printer's language (a nil printer writes English).
func (d *Diff) Print(w io.Writer, p *schema.Printer) error {
	var b bytes.Buffer
	if d.Empty() {
		p.Fprintln(&b, "no differences")
	}
	if len(d.Catalogue) > 0 {
		p.Fprintln(&b, "catalogue:")
		diffWriteChanges(&b, p, "  ", d.Catalogue)
	}
	if len(d.Matters) > 0 {
		p.Fprintln(&b, "matters: %d added, %d removed, %d changed, %d moved",
			d.Count(Added), d.Count(Removed), d.Count(Changed), d.Count(Moved))
		for i := range d.Matters {
			c := &d.Matters[i]
			fmt.Fprintf(&b, "  %s %s %s", diffSigns[c.Kind], schema.Printable(string(c.Code)), schema.Printable(c.Name()))
			switch c.Kind {
			case Added:
				fmt.Fprintf(&b, " (%s)", schema.Printable(c.New.Body.Name))
			case Removed:
				fmt.Fprintf(&b, " (%s)", schema.Printable(c.Old.Body.Name))
			}
			b.WriteByte('\n')
			diffWriteChanges(&b, p, "      ", c.Changes)
		}
	}
	if len(d.Bundles) > 0 {
		p.Fprintln(&b, "bundles: %d added, %d removed, %d changed",
			d.bundleCount(Added), d.bundleCount(Removed), d.bundleCount(Changed))
		for i := range d.Bundles {
			c := &d.Bundles[i]
			name := ""
			if c.New != nil {
				name = c.New.Name
			} else if c.Old != nil {
				name = c.Old.Name
			}
			fmt.Fprintf(&b, "  %s %s", diffSigns[c.Kind], schema.Printable(c.Key))
			if name != c.Key {
				fmt.Fprintf(&b, " %s", schema.Printable(name))
			}
			b.WriteByte('\n')
			diffWriteChanges(&b, p, "      ", c.Changes)
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// String returns the text WriteText writes.
func (d *Diff) String() string {
	var b strings.Builder
	d.WriteText(&b)
	return b.String()
}

func diffWriteChanges(b *bytes.Buffer, p *schema.Printer, indent string, chs []Change) {
	text := func(n *schema.Node) string {
		if n == nil {
			return p.Sprintf("(none)")
		}
		return diffText(n)
	}
	for _, c := range chs {
		fmt.Fprintf(b, "%s%s: %s → %s\n", indent, schema.Printable(c.Path), schema.Printable(text(c.Old)), schema.Printable(text(c.New)))
	}
}

// diffText renders an element's value on one line: scalars as they are,
// limits as "20工作日", scopes as "川渝通办（第1批）", lists joined with 、,
// other objects as compact JSON; (none) where the edition has no value.
func diffText(n *schema.Node) string {
	if n == nil {
		return "(none)"
	}
	switch n.Kind {
	case schema.String, schema.Number, schema.Bool:
		if n.Kind == schema.String && n.Value == "" {
			return `""`
		}
		return n.Value
	case schema.Array:
		parts := make([]string, len(n.Items))
		for i, it := range n.Items {
			parts[i] = diffText(it)
		}
		if len(parts) == 0 {
			return "[]"
		}
		return strings.Join(parts, "、")
	case schema.Object:
		if u := n.Get("unit"); u != nil && len(n.Fields) <= 2 {
			var l Limit
			l.Unit, _ = ParseTimeUnit(u.Value)
			if v := n.Get("value"); v != nil {
				l.Value, _ = ParseQuantity(v.Value)
			}
			if l.Unit != 0 {
				return csvLimitText(l)
			}
		}
		if s := n.Get("scope"); s != nil && len(n.Fields) <= 2 {
			if sc, err := ParseScope(s.Value); err == nil {
				if bt := n.Get("batch"); bt != nil {
					sc.Batch, _ = strconv.Atoi(bt.Value)
				}
				return csvScopeText(sc)
			}
		}
	}
	j, _ := n.MarshalJSON()
	return string(j)
}

// MarshalJSON writes the diff as a JSON object with members catalogue,
// matters and bundles, each an array: a change is {"path", "old", "new"}
// with the values as the documents write them (absent where an edition
// has none); a matter or bundle is {"kind", "code" or "key", "name",
// "old", "new", "changes"}, old and new being whole matters or bundles for
// removed and added ones. Kinds are the Chinese terms (新增, 取消, 变更, 划转).
func (d *Diff) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"summary":`)
	sum := map[string]any{
		"matters": map[string]int{"added": d.Count(Added), "removed": d.Count(Removed), "changed": d.Count(Changed), "moved": d.Count(Moved)},
		"bundles": map[string]int{"added": d.bundleCount(Added), "removed": d.bundleCount(Removed), "changed": d.bundleCount(Changed)},
	}
	sj, _ := json.Marshal(sum)
	b.Write(sj)
	b.WriteString(`,"catalogue":`)
	diffJSONChanges(&b, d.Catalogue)
	b.WriteString(`,"matters":[`)
	for i := range d.Matters {
		c := &d.Matters[i]
		o := schema.NewBuilder()
		o.Text("kind", c.Kind.String())
		o.Text("code", string(c.Code))
		o.Text("name", c.Name())
		diffWriteEntry(&b, i, o, c.Kind, c.Old, c.New, (*Matter).Node, c.Changes)
	}
	b.WriteString(`],"bundles":[`)
	for i := range d.Bundles {
		c := &d.Bundles[i]
		o := schema.NewBuilder()
		o.Text("kind", c.Kind.String())
		o.Text("key", c.Key)
		diffWriteEntry(&b, i, o, c.Kind, c.Old, c.New, (*Bundle).node, c.Changes)
	}
	b.WriteString("]}")
	return b.Bytes(), nil
}

// diffWriteEntry writes the i-th matter or bundle of a diff, o, with the
// whole old or new one when it is removed or added, and its changes.
func diffWriteEntry[T any](b *bytes.Buffer, i int, o schema.Builder, kind ChangeKind, old, new *T, node func(*T) *schema.Node, chs []Change) {
	if i > 0 {
		b.WriteByte(',')
	}
	if kind == Removed && old != nil {
		o.Set("old", node(old))
	}
	if kind == Added && new != nil {
		o.Set("new", node(new))
	}
	j, _ := o.Node().MarshalJSON()
	b.Write(j[:len(j)-1])
	if len(chs) > 0 {
		b.WriteString(`,"changes":`)
		diffJSONChanges(b, chs)
	}
	b.WriteByte('}')
}

func diffJSONChanges(b *bytes.Buffer, chs []Change) {
	b.WriteByte('[')
	for i, c := range chs {
		if i > 0 {
			b.WriteByte(',')
		}
		o := schema.NewBuilder()
		o.Text("path", c.Path)
		o.Set("old", c.Old)
		o.Set("new", c.New)
		j, _ := o.Node().MarshalJSON()
		b.Write(j)
	}
	b.WriteByte(']')
}
