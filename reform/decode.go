package reform

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
)

// Rules of the checks on a modes document, beyond its JSON Schema. Each
// is a stable identifier; tests and callers match on them.
const (
	RuleDecode             schema.Rule = "reform.decode"
	RuleDuplicateMeasure   schema.Rule = "reform.duplicate-measure"
	RuleDuplicateMode      schema.Rule = "reform.duplicate-mode"
	RuleUnknownMeasure     schema.Rule = "reform.unknown-measure"
	RuleUnknownIndicator   schema.Rule = "reform.unknown-indicator"
	RuleDuplicateIndicator schema.Rule = "reform.duplicate-indicator"
	RuleGroupOutsideMode   schema.Rule = "reform.group-outside-mode"
	RuleDuplicateTarget    schema.Rule = "reform.duplicate-target"
	RuleTargetRange        schema.Rule = "reform.target-out-of-range"
	RuleTargetUnmeasured   schema.Rule = "reform.target-unmeasured"
	// RuleMeasureMode: a measure belongs to a mode the document does not
	// define, or a mode names another mode's own measure.
	RuleMeasureMode schema.Rule = "reform.measure-mode"
	// RuleCounting: a counting rule (formula, unit policy) that is not one.
	RuleCounting schema.Rule = "reform.counting"
)

// SchemaVersion is the schemaVersion of the modes documents the package
// reads and writes.
const SchemaVersion = 1

var loader = &schema.Loader[*Modes]{Decode: decode, MaxSize: MaxDocumentSize}

// Parse reads a modes document (kind ReformModes, YAML or JSON; see
// [schema.Parse]) named name, validates it against the modes schema,
// decodes it and runs the checks. It returns the modes, nil only when the
// text could not be read as YAML or JSON, and an error that is nil when the
// document has no error; see [schema.Loader] for the problems it holds and
// [schema.Collect] for warnings.
func Parse(name string, data []byte, opts ...schema.Option) (*Modes, error) {
	return loader.Parse(name, data, opts...)
}

// MaxDocumentSize is the largest reform-modes document the readers take,
// 16 MiB; the modes of a province are a few hundred kilobytes. Larger input
// is refused with a problem located where the limit was passed.
const MaxDocumentSize = 16 << 20

// Load reads a modes document from r; name is used in problem positions.
// See [Parse].
func Load(r io.Reader, name string, opts ...schema.Option) (*Modes, error) {
	return loader.Load(r, name, opts...)
}

// LoadFile reads the modes document at path. See [Parse].
func LoadFile(path string, opts ...schema.Option) (*Modes, error) {
	return loader.LoadFile(path, opts...)
}

// LoadFS reads the modes document name from fsys. See [Parse].
func LoadFS(fsys fs.FS, name string, opts ...schema.Option) (*Modes, error) {
	return loader.LoadFS(fsys, name, opts...)
}

// UnmarshalJSON reads a modes document, validating it as [Parse] does; the
// error is a [schema.List] when the document has errors.
func (d *Modes) UnmarshalJSON(b []byte) error {
	got, err := Parse("", bytes.Clone(b))
	if err != nil {
		return err
	}
	*d = *got
	return nil
}

// Decode validates a document already read by [schema.Parse] against the
// modes schema, decodes it and runs the checks. Problems are located with
// the positions the nodes carry. The result is never nil.
func Decode(n *schema.Node, opts ...schema.Option) (*Modes, error) {
	d, probs := decode(n)
	return d, schema.Result(probs, opts...)
}

func decode(n *schema.Node) (*Modes, schema.List) {
	probs := schema.Modes.Validate(n)
	var decProbs, sem schema.List
	var doc modesDoc
	codec.Decode(n, &doc, n, schema.Root, &decProbs)
	// An unknown indicator name is a finding of the checks, reported even
	// where the schema has something to say about the same member.
	for _, p := range decProbs {
		if p.Rule == RuleUnknownIndicator {
			sem.Add(p)
		}
	}
	decProbs = slices.DeleteFunc(decProbs, func(p *schema.Problem) bool { return p.Rule == RuleUnknownIndicator })
	b := &resolver{root: n, sem: &sem}
	d := b.modes(&doc, n)
	probs.Append(decProbs.Uncovered(probs))
	probs.Append(sem)
	probs.Dedupe()
	return d, probs
}

// Validate runs on modes built in code what [Parse] runs on a document,
// on the document the modes write: the schema's rules and the checks, so
// that modes that pass write a document that parses.
func (d *Modes) Validate() schema.List {
	_, probs := decode(d.Node())
	return probs
}

// Check runs the checks on modes built in code (a document read by Parse
// was checked on reading): every measure a mode or group names is one of
// d.Measures, names are unique, targets are in range and measured.
func (d *Modes) Check() schema.List {
	var probs schema.List
	seen := map[[2]string]int{}
	for i, m := range d.Measures {
		p := schema.Root.Key("measures").Index(i)
		if j, dup := seen[[2]string{m.Mode, m.Name}]; dup {
			probs.Errorf(p.Key("name"), schema.Pos{}, RuleDuplicateMeasure, "measure %s is defined again (first as measure %d)", m.Name, j)
		} else {
			seen[[2]string{m.Mode, m.Name}] = i
		}
		if m.Mode != "" && d.Mode(m.Mode) == nil {
			probs.Errorf(p.Key("mode"), schema.Pos{}, RuleMeasureMode, "measure %s belongs to mode %s, which the document does not define", m.Name, m.Mode)
		}
		var got [numIndicators]bool
		for j, ind := range m.Indicators {
			ip := p.Key("indicators").Index(j)
			switch {
			case !ind.IsValid():
				probs.Errorf(ip, schema.Pos{}, RuleUnknownIndicator, "%v is not an indicator", ind)
			case got[ind]:
				probs.Errorf(ip, schema.Pos{}, RuleDuplicateIndicator, "measure %s names %s twice", m.Name, ind)
			default:
				got[ind] = true
			}
		}
	}
	known := map[*Measure]bool{}
	for _, m := range d.Measures {
		known[m] = true
	}
	names := map[string]int{}
	for i, mode := range d.Modes {
		p := schema.Root.Key("modes").Index(i)
		checkModeName(mode.Name, p.Key("name"), i, names, func(schema.Path) schema.Pos { return schema.Pos{} }, &probs)
		for j, a := range mode.Aliases {
			checkModeName(a, p.Key("aliases").Index(j), i, names, func(schema.Path) schema.Pos { return schema.Pos{} }, &probs)
		}
		in := map[*Measure]bool{}
		for j, m := range mode.Measures {
			switch {
			case !known[m]:
				probs.Errorf(p.Key("measures").Index(j), schema.Pos{}, RuleUnknownMeasure, "mode %s names measure %s, which the document does not define", mode.Name, measureName(m))
			case m.Mode != "" && m.Mode != mode.Name:
				probs.Errorf(p.Key("measures").Index(j), schema.Pos{}, RuleMeasureMode, "mode %s names measure %s of mode %s", mode.Name, m.Name, m.Mode)
			}
			in[m] = true
		}
		for g, grp := range mode.Groups {
			for j, m := range grp.Measures {
				if !in[m] {
					probs.Errorf(p.Key("groups").Index(g).Key("measures").Index(j), schema.Pos{}, RuleGroupOutsideMode,
						"group %s names measure %s, which mode %s does not run", grp.Name, measureName(m), mode.Name)
				}
			}
		}
		paths := make([]schema.Path, len(mode.Targets))
		for j := range paths {
			paths[j] = p.Key("targets").Index(j)
		}
		checkTargets(mode, paths, func(schema.Path) schema.Pos { return schema.Pos{} }, &probs)
	}
	probs.Sort()
	return probs
}

func measureName(m *Measure) string {
	if m == nil {
		return "<nil>"
	}
	return m.Name
}

func checkModeName(name string, p schema.Path, i int, names map[string]int, loc func(schema.Path) schema.Pos, probs *schema.List) {
	if name == "" {
		return
	}
	if j, dup := names[name]; dup && j != i {
		probs.Errorf(p, loc(p), RuleDuplicateMode, "mode name %s is already used by mode %d", name, j)
		return
	} else if dup {
		return // an alias repeating the mode's own name is harmless
	}
	names[name] = i
}

// checkTargets checks the targets of a mode; paths[j] is where target j
// was read.
func checkTargets(mode *Mode, paths []schema.Path, loc func(schema.Path) schema.Pos, probs *schema.List) {
	measured := map[Indicator]bool{}
	for _, ind := range mode.Indicators() {
		measured[ind] = true
	}
	seen := map[Indicator]int{}
	for j, t := range mode.Targets {
		tp := paths[j]
		if !t.Indicator.IsValid() {
			continue // reported where the name was read
		}
		if k, dup := seen[t.Indicator]; dup {
			probs.Errorf(tp.Key("indicator"), loc(tp.Key("indicator")), RuleDuplicateTarget, "%s has a target already (target %d)", t.Indicator, k)
		} else {
			seen[t.Indicator] = j
		}
		if t.AtLeast < 0 || t.Indicator.IsShare() && t.AtLeast > 10000 {
			key := "atLeast"
			if t.AtMost {
				key = "atMost"
			}
			probs.Errorf(tp.Key(key), loc(tp.Key(key)), RuleTargetRange, "target %s is out of range", t)
		}
		if !measured[t.Indicator] {
			probs.Warningf(tp.Key("indicator"), loc(tp.Key("indicator")), RuleTargetUnmeasured,
				"mode %s sets a target for %s, which none of its measures names", mode.Name, t.Indicator)
		}
	}
}

// codec reads and writes modes documents as the doc tags of the types
// below declare them. Indicator names are read through [ParseIndicator]:
// an unknown one is [RuleUnknownIndicator]. A member of the wrong JSON
// type is [RuleDecode].
var codec = &schema.Codec{Rule: RuleDecode, TextRule: RuleUnknownIndicator, Prefix: "reform: ", Header: []string{"kind", "schemaVersion"}}

// modesDoc is a modes document as written: measures and modes by name.
type modesDoc struct {
	Title      string       `doc:"title"`
	Source     string       `doc:"source"`
	AsOf       time.Time    `doc:"asOf,date"`
	Notes      string       `doc:"notes"`
	Measures   []measureDoc `doc:"measures,keep"`
	Modes      []modeDoc    `doc:"modes,keep"`
	Counting   *countingDoc `doc:"counting"`
	Extensions matters.Extensions
}

type measureDoc struct {
	Name        string      `doc:"name"`
	Mode        string      `doc:"mode"`
	Description string      `doc:"description"`
	Indicators  []Indicator `doc:"indicators,keep"`
	Reported    []string    `doc:"reported"`
	Extensions  matters.Extensions
}

type modeDoc struct {
	Name        string      `doc:"name"`
	Aliases     []string    `doc:"aliases"`
	Unit        string      `doc:"unit"`
	Description string      `doc:"description"`
	Measures    []string    `doc:"measures,keep"`
	Groups      []groupDoc  `doc:"groups"`
	Targets     []targetDoc `doc:"targets"`
	Extensions  matters.Extensions
}

type groupDoc struct {
	Name       string   `doc:"name"`
	Measures   []string `doc:"measures,keep"`
	Extensions matters.Extensions
}

// targetDoc is a target as written: one of its bounds, the figure exactly
// as the document gives it (a share with up to two decimals).
type targetDoc struct {
	Indicator  Indicator   `doc:"indicator"`
	AtLeast    json.Number `doc:"atLeast"`
	AtMost     json.Number `doc:"atMost"`
	Extensions matters.Extensions
}

// countingDoc is the counting rules as written. The formula, the unit
// policy and the bureau's own indicators are texts the resolver parses,
// so that what they refuse is [RuleCounting], located at the text.
type countingDoc struct {
	Speedup         string   `doc:"speedup"`
	Units           string   `doc:"units"`
	ZeroVisitExempt []string `doc:"zeroVisitExempt"`
	Custom          []string `doc:"custom"`
	Extensions      matters.Extensions
}

// resolver turns a decoded document into modes: measures by name become
// pointers, and the checks run with the positions the nodes carry. The
// codec has reported what it could not read; the resolver leaves out an
// element that is not an object, as the codec read nothing from it.
type resolver struct {
	root *schema.Node
	sem  *schema.List // the checks of this package
}

// loc returns the position of the node at p, or of the nearest one above.
func (r *resolver) loc(p schema.Path) schema.Pos {
	found, _ := r.root.Nearest(p)
	if found == nil {
		return schema.Pos{}
	}
	return found.Pos
}

// item returns element i of the array member key of n, or nil.
func item(n *schema.Node, key string, i int) *schema.Node {
	a := n.Get(key)
	if a == nil || a.Kind != schema.Array || i >= len(a.Items) {
		return nil
	}
	return a.Items[i]
}

func isObject(n *schema.Node) bool { return n != nil && n.Kind == schema.Object }

func posOf(n, fallback *schema.Node) schema.Pos {
	if n != nil {
		return n.Pos
	}
	return fallback.Pos
}

func (r *resolver) modes(doc *modesDoc, n *schema.Node) *Modes {
	out := &Modes{Title: doc.Title, Source: doc.Source, AsOf: doc.AsOf, Notes: doc.Notes, Extensions: doc.Extensions}
	seen := map[[2]string]schema.Path{}
	for i := range doc.Measures {
		it := item(n, "measures", i)
		if !isObject(it) {
			continue
		}
		p := schema.Root.Key("measures").Index(i)
		m := r.measure(&doc.Measures[i], it, p)
		key := [2]string{m.Mode, m.Name}
		if first, dup := seen[key]; dup && m.Name != "" {
			r.sem.Errorf(p.Key("name"), posOf(it.Get("name"), it), RuleDuplicateMeasure, "measure %s is defined again (first at %s)", m.Name, first)
			continue
		}
		seen[key] = p
		out.Measures = append(out.Measures, m)
	}
	// Modes are resolved after every measure, wherever the members stand.
	names := map[string]int{}
	for i := range doc.Modes {
		it := item(n, "modes", i)
		if !isObject(it) {
			continue
		}
		p := schema.Root.Key("modes").Index(i)
		mode, targetPaths := r.mode(out, &doc.Modes[i], it, p)
		checkModeName(mode.Name, p.Key("name"), i, names, r.loc, r.sem)
		for j, a := range mode.Aliases {
			checkModeName(a, p.Key("aliases").Index(j), i, names, r.loc, r.sem)
		}
		checkTargets(mode, targetPaths, r.loc, r.sem)
		out.Modes = append(out.Modes, mode)
	}
	for i, m := range out.Measures {
		if m.Mode != "" && out.Mode(m.Mode) == nil {
			p := schema.Root.Key("measures").Index(i).Key("mode")
			r.sem.Errorf(p, r.loc(p), RuleMeasureMode, "measure %s belongs to mode %s, which the document does not define", m.Name, m.Mode)
		}
	}
	if isObject(n.Get("counting")) && doc.Counting != nil {
		out.Counting = r.counting(doc.Counting, n.Get("counting"), schema.Root.Key("counting"))
	}
	return out
}

// counting parses the texts of the counting rules.
func (r *resolver) counting(cd *countingDoc, n *schema.Node, path schema.Path) *Counting {
	c := &Counting{ZeroVisitExempt: cd.ZeroVisitExempt, Extensions: cd.Extensions}
	fail := func(p schema.Path, pos schema.Pos, err error) {
		r.sem.Errorf(p, pos, RuleCounting, "%s", strings.TrimPrefix(err.Error(), "reform: "))
	}
	if cd.Speedup != "" {
		v, err := ParseSpeedupFormula(cd.Speedup)
		if err != nil {
			fail(path.Key("speedup"), n.Get("speedup").Pos, err)
		}
		c.Speedup = v
	}
	if cd.Units != "" {
		v, err := ParseUnitPolicy(cd.Units)
		if err != nil {
			fail(path.Key("units"), n.Get("units").Pos, err)
		}
		c.Units = v
	}
	for j, text := range cd.Custom {
		cu, err := ParseCustom(text)
		if err != nil {
			ip := path.Key("custom").Index(j)
			fail(ip, r.loc(ip), err)
			continue
		}
		c.Custom = append(c.Custom, cu)
	}
	return c
}

func (r *resolver) measure(md *measureDoc, n *schema.Node, path schema.Path) *Measure {
	m := &Measure{Name: md.Name, Mode: md.Mode, Description: md.Description, Reported: md.Reported, Extensions: md.Extensions}
	if n.Get("indicators") != nil {
		m.Indicators = []Indicator{}
	}
	var got [numIndicators]bool
	for j, ind := range md.Indicators {
		if !ind.IsValid() {
			continue // reported where the name was read
		}
		if got[ind] {
			it := item(n, "indicators", j)
			r.sem.Errorf(path.Key("indicators").Index(j), it.Pos, RuleDuplicateIndicator, "%s is named twice (%s is another name for it)", ind, it.Value)
			continue
		}
		got[ind] = true
		m.Indicators = append(m.Indicators, ind)
	}
	return m
}

// mode resolves one mode and returns it with the paths its targets were
// read from.
func (r *resolver) mode(doc *Modes, md *modeDoc, n *schema.Node, path schema.Path) (*Mode, []schema.Path) {
	mode := &Mode{Name: md.Name, Aliases: md.Aliases, Unit: md.Unit, Description: md.Description, Extensions: md.Extensions}
	// Measures are resolved once the mode's name is known: a mode's own
	// measure comes before the shared one of the same name.
	in := map[*Measure]bool{}
	if md.Measures != nil {
		mode.Measures, _ = r.measureRefs(doc, mode.Name, md.Measures, n.Get("measures"), path.Key("measures"))
		for _, m := range mode.Measures {
			in[m] = true
		}
	}
	if md.Groups != nil {
		mode.Groups = []MeasureGroup{}
		for i := range md.Groups {
			gn := item(n, "groups", i)
			if !isObject(gn) {
				continue
			}
			mode.Groups = append(mode.Groups, r.group(doc, mode, in, &md.Groups[i], gn, path.Key("groups").Index(i)))
		}
	}
	var targetPaths []schema.Path
	if md.Targets != nil {
		mode.Targets = []Target{}
		for i := range md.Targets {
			tn := item(n, "targets", i)
			if !isObject(tn) {
				continue
			}
			p := path.Key("targets").Index(i)
			if t, ok := r.target(&md.Targets[i], tn, p); ok {
				mode.Targets = append(mode.Targets, t)
				targetPaths = append(targetPaths, p)
			}
		}
	}
	return mode, targetPaths
}

// measureRefs resolves a list of measure names read from node n; at[k] is
// the index of the item the k-th measure was read from.
func (r *resolver) measureRefs(doc *Modes, mode string, names []string, n *schema.Node, path schema.Path) (out []*Measure, at []int) {
	out = []*Measure{}
	for i, name := range names {
		if name == "" {
			continue
		}
		p := path.Index(i)
		pos := n.Items[i].Pos
		m := doc.MeasureOf(mode, name)
		if m == nil {
			if other := ownerOf(doc, name); other != "" {
				r.sem.Errorf(p, pos, RuleMeasureMode, "measure %s is mode %s's own; mode %s cannot name it", name, other, mode)
				continue
			}
			r.sem.Errorf(p, pos, RuleUnknownMeasure, "measure %s is not defined in the document's measures", name)
			continue
		}
		out = append(out, m)
		at = append(at, i)
	}
	return out, at
}

// ownerOf returns the mode of the first measure named name that belongs
// to one, or "".
func ownerOf(doc *Modes, name string) string {
	for _, m := range doc.Measures {
		if m.Name == name && m.Mode != "" {
			return m.Mode
		}
	}
	return ""
}

func (r *resolver) group(doc *Modes, mode *Mode, in map[*Measure]bool, gd *groupDoc, n *schema.Node, path schema.Path) MeasureGroup {
	g := MeasureGroup{Name: gd.Name, Extensions: gd.Extensions}
	if gd.Measures != nil {
		p := path.Key("measures")
		var at []int
		g.Measures, at = r.measureRefs(doc, mode.Name, gd.Measures, n.Get("measures"), p)
		for k, m := range g.Measures {
			if !in[m] {
				ip := p.Index(at[k])
				r.sem.Errorf(ip, r.loc(ip), RuleGroupOutsideMode, "group %s names measure %s, which mode %s does not run", g.Name, m.Name, mode.Name)
			}
		}
	}
	return g
}

func (r *resolver) target(td *targetDoc, n *schema.Node, path schema.Path) (Target, bool) {
	t := Target{Indicator: td.Indicator, Extensions: td.Extensions}
	key, bounds := "atLeast", 0
	if n.Get("atLeast") != nil {
		bounds++
	}
	if n.Get("atMost") != nil {
		key, bounds = "atMost", bounds+1
		t.AtMost = true
	}
	if bounds != 1 {
		r.sem.Errorf(path, n.Pos, RuleTargetRange, "a target gives one of atLeast and atMost, not %d", bounds)
		return Target{}, false
	}
	fig := td.AtLeast
	if t.AtMost {
		fig = td.AtMost
	}
	if !t.Indicator.IsValid() || fig == "" {
		return Target{}, false // reported where it was read
	}
	v, err := targetFigure(t.Indicator, string(fig))
	if err != nil {
		r.sem.Errorf(path.Key(key), n.Get(key).Pos, RuleTargetRange, "target for %s: %v", t.Indicator, err)
		return Target{}, false
	}
	t.AtLeast = v
	return t, true
}
