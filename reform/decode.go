package reform

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
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

var loader = &schema.Loader[*Modes]{Decode: decode, MaxSize: matters.MaxDocumentSize}

// Parse reads a modes document (kind ReformModes, YAML or JSON; see
// [schema.Parse]) named name, validates it against the modes schema,
// decodes it and runs the checks. It returns the modes, nil only when the
// text could not be read as YAML or JSON, and an error that is nil when the
// document has no error; see [schema.Loader] for the problems it holds and
// [schema.Collect] for warnings.
func Parse(name string, data []byte, opts ...schema.Option) (*Modes, error) {
	return loader.Parse(name, data, opts...)
}

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
	dec := &decoder{root: n, probs: &decProbs, sem: &sem}
	d := dec.modes(n)
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

// decoder turns nodes into typed values. It does not trust the schema: it
// checks every kind it reads, so unvalidated input cannot make it panic.
type decoder struct {
	root  *schema.Node
	probs *schema.List // what the schema may have said already
	sem   *schema.List // the checks of this package
}

// loc returns the position of the node at p, or of the nearest one above.
func (d *decoder) loc(p schema.Path) schema.Pos {
	found, _ := d.root.Nearest(p)
	if found == nil {
		return schema.Pos{}
	}
	return found.Pos
}

func (d *decoder) fail(n *schema.Node, path schema.Path, format string, args ...any) {
	d.probs.Errorf(path, n.Pos, RuleDecode, format, args...)
}

func (d *decoder) str(n *schema.Node, path schema.Path) string {
	if n.Kind != schema.String {
		d.fail(n, path, "want a string, got %s", n.Kind)
		return ""
	}
	return n.Value
}

func (d *decoder) strs(n *schema.Node, path schema.Path) []string {
	if n.Kind != schema.Array {
		d.fail(n, path, "want an array, got %s", n.Kind)
		return nil
	}
	out := make([]string, 0, len(n.Items))
	for i, it := range n.Items {
		out = append(out, d.str(it, path.Index(i)))
	}
	return out
}

func (d *decoder) object(n *schema.Node, path schema.Path) bool {
	if n.Kind != schema.Object {
		d.fail(n, path, "want an object, got %s", n.Kind)
		return false
	}
	return true
}

// ext stores an x- member; it reports whether key was one.
func (d *decoder) ext(x *matters.Extensions, f *schema.Field) bool {
	if !strings.HasPrefix(f.Key, "x-") {
		return false
	}
	if *x == nil {
		*x = matters.Extensions{}
	}
	b, _ := f.Value.MarshalJSON()
	(*x)[f.Key] = json.RawMessage(b)
	return true
}

func (d *decoder) unknown(f *schema.Field, path schema.Path) {
	d.probs.Errorf(path.Key(f.Key), f.KeyPos, "schema.additional-properties", "unknown member %q (local extensions must start with \"x-\")", f.Key)
}

// named is a name read from the document with where it was read.
type named struct {
	name string
	node *schema.Node
	path schema.Path
}

func (d *decoder) modes(n *schema.Node) *Modes {
	doc := &Modes{}
	if !d.object(n, schema.Root) {
		return doc
	}
	var modeNodes *schema.Node
	for i := range n.Fields {
		f := &n.Fields[i]
		p := schema.Root.Key(f.Key)
		switch f.Key {
		case "kind", "schemaVersion":
			// checked by the schema
		case "title":
			doc.Title = d.str(f.Value, p)
		case "source":
			doc.Source = d.str(f.Value, p)
		case "notes":
			doc.Notes = d.str(f.Value, p)
		case "asOf":
			s := d.str(f.Value, p)
			if s != "" {
				t, err := time.Parse(time.DateOnly, s)
				if err != nil {
					d.fail(f.Value, p, "%q is not a date (YYYY-MM-DD)", s)
				}
				doc.AsOf = t
			}
		case "measures":
			d.measures(doc, f.Value, p)
		case "modes":
			modeNodes = f.Value
		case "counting":
			doc.Counting = d.counting(f.Value, p)
		default:
			if !d.ext(&doc.Extensions, f) {
				d.unknown(f, schema.Root)
			}
		}
	}
	// Modes are read after every measure, wherever the members stand.
	if modeNodes != nil {
		d.modeList(doc, modeNodes, schema.Root.Key("modes"))
	}
	for i, m := range doc.Measures {
		if m.Mode != "" && doc.Mode(m.Mode) == nil {
			p := schema.Root.Key("measures").Index(i).Key("mode")
			d.sem.Errorf(p, d.loc(p), RuleMeasureMode, "measure %s belongs to mode %s, which the document does not define", m.Name, m.Mode)
		}
	}
	return doc
}

// counting reads how the bureau counts its indicators.
func (d *decoder) counting(n *schema.Node, path schema.Path) *Counting {
	if !d.object(n, path) {
		return nil
	}
	c := &Counting{}
	for i := range n.Fields {
		f := &n.Fields[i]
		p := path.Key(f.Key)
		switch f.Key {
		case "speedup":
			if s := d.str(f.Value, p); s != "" {
				v, err := ParseSpeedupFormula(s)
				if err != nil {
					d.sem.Errorf(p, f.Value.Pos, RuleCounting, "%s", strings.TrimPrefix(err.Error(), "reform: "))
				}
				c.Speedup = v
			}
		case "units":
			if s := d.str(f.Value, p); s != "" {
				v, err := ParseUnitPolicy(s)
				if err != nil {
					d.sem.Errorf(p, f.Value.Pos, RuleCounting, "%s", strings.TrimPrefix(err.Error(), "reform: "))
				}
				c.Units = v
			}
		case "zeroVisitExempt":
			c.ZeroVisitExempt = d.strs(f.Value, p)
		case "custom":
			for j, text := range d.strs(f.Value, p) {
				cu, err := ParseCustom(text)
				if err != nil {
					ip := p.Index(j)
					d.sem.Errorf(ip, d.loc(ip), RuleCounting, "%s", strings.TrimPrefix(err.Error(), "reform: "))
					continue
				}
				c.Custom = append(c.Custom, cu)
			}
		default:
			if !d.ext(&c.Extensions, f) {
				d.unknown(f, path)
			}
		}
	}
	return c
}

func (d *decoder) measures(doc *Modes, n *schema.Node, path schema.Path) {
	if n.Kind != schema.Array {
		d.fail(n, path, "want an array, got %s", n.Kind)
		return
	}
	seen := map[[2]string]schema.Path{}
	for i, it := range n.Items {
		p := path.Index(i)
		m := d.measure(it, p)
		if m == nil {
			continue
		}
		key := [2]string{m.Mode, m.Name}
		if first, dup := seen[key]; dup && m.Name != "" {
			np := p.Key("name")
			d.sem.Errorf(np, posOf(it.Get("name"), it), RuleDuplicateMeasure, "measure %s is defined again (first at %s)", m.Name, first)
			continue
		}
		seen[key] = p
		doc.Measures = append(doc.Measures, m)
	}
}

func posOf(n, fallback *schema.Node) schema.Pos {
	if n != nil {
		return n.Pos
	}
	return fallback.Pos
}

func (d *decoder) measure(n *schema.Node, path schema.Path) *Measure {
	if !d.object(n, path) {
		return nil
	}
	m := &Measure{}
	for i := range n.Fields {
		f := &n.Fields[i]
		p := path.Key(f.Key)
		switch f.Key {
		case "name":
			m.Name = d.str(f.Value, p)
		case "mode":
			m.Mode = d.str(f.Value, p)
		case "description":
			m.Description = d.str(f.Value, p)
		case "indicators":
			m.Indicators = []Indicator{}
			var got [numIndicators]bool
			if f.Value.Kind != schema.Array {
				d.fail(f.Value, p, "want an array, got %s", f.Value.Kind)
				continue
			}
			for j, it := range f.Value.Items {
				ip := p.Index(j)
				ind, ok := d.indicator(it, ip)
				if !ok {
					continue
				}
				if got[ind] {
					d.sem.Errorf(ip, it.Pos, RuleDuplicateIndicator, "%s is named twice (%s is another name for it)", ind, it.Value)
					continue
				}
				got[ind] = true
				m.Indicators = append(m.Indicators, ind)
			}
		case "reported":
			m.Reported = d.strs(f.Value, p)
		default:
			if !d.ext(&m.Extensions, f) {
				d.unknown(f, path)
			}
		}
	}
	return m
}

func (d *decoder) indicator(n *schema.Node, path schema.Path) (Indicator, bool) {
	if n.Kind != schema.String {
		d.fail(n, path, "want an indicator name, got %s", n.Kind)
		return 0, false
	}
	ind, err := ParseIndicator(n.Value)
	if err != nil {
		d.sem.Add(&schema.Problem{Path: path, Pos: n.Pos, Rule: RuleUnknownIndicator,
			Message: strings.TrimPrefix(err.Error(), "reform: "), Err: err})
		return 0, false
	}
	return ind, true
}

func (d *decoder) modeList(doc *Modes, n *schema.Node, path schema.Path) {
	if n.Kind != schema.Array {
		d.fail(n, path, "want an array, got %s", n.Kind)
		return
	}
	names := map[string]int{}
	for i, it := range n.Items {
		p := path.Index(i)
		mode, targetPaths := d.mode(doc, it, p)
		if mode == nil {
			continue
		}
		checkModeName(mode.Name, p.Key("name"), i, names, d.loc, d.sem)
		for j, a := range mode.Aliases {
			checkModeName(a, p.Key("aliases").Index(j), i, names, d.loc, d.sem)
		}
		checkTargets(mode, targetPaths, d.loc, d.sem)
		doc.Modes = append(doc.Modes, mode)
	}
}

// mode reads one mode and returns it with the paths its targets were read
// from.
func (d *decoder) mode(doc *Modes, n *schema.Node, path schema.Path) (*Mode, []schema.Path) {
	if !d.object(n, path) {
		return nil, nil
	}
	var targetPaths []schema.Path
	mode := &Mode{}
	var measureNode, groupNode, targetNode *schema.Node
	in := map[*Measure]bool{}
	for i := range n.Fields {
		f := &n.Fields[i]
		p := path.Key(f.Key)
		switch f.Key {
		case "name":
			mode.Name = d.str(f.Value, p)
		case "aliases":
			mode.Aliases = d.strs(f.Value, p)
		case "unit":
			mode.Unit = d.str(f.Value, p)
		case "description":
			mode.Description = d.str(f.Value, p)
		case "measures":
			measureNode = f.Value
		case "groups":
			groupNode = f.Value
		case "targets":
			targetNode = f.Value
		default:
			if !d.ext(&mode.Extensions, f) {
				d.unknown(f, path)
			}
		}
	}
	// Measures are resolved once the mode's name is known: a mode's own
	// measure comes before the shared one of the same name.
	if measureNode != nil {
		mode.Measures, _ = d.measureRefs(doc, mode.Name, measureNode, path.Key("measures"))
		for _, m := range mode.Measures {
			in[m] = true
		}
	}
	if groupNode != nil {
		p := path.Key("groups")
		if groupNode.Kind != schema.Array {
			d.fail(groupNode, p, "want an array, got %s", groupNode.Kind)
		} else {
			mode.Groups = []MeasureGroup{}
			for i, it := range groupNode.Items {
				if g, ok := d.group(doc, mode, in, it, p.Index(i)); ok {
					mode.Groups = append(mode.Groups, g)
				}
			}
		}
	}
	if targetNode != nil {
		p := path.Key("targets")
		if targetNode.Kind != schema.Array {
			d.fail(targetNode, p, "want an array, got %s", targetNode.Kind)
		} else {
			mode.Targets = []Target{}
			for i, it := range targetNode.Items {
				if t, ok := d.target(it, p.Index(i)); ok {
					mode.Targets = append(mode.Targets, t)
					targetPaths = append(targetPaths, p.Index(i))
				}
			}
		}
	}
	return mode, targetPaths
}

// measureRefs resolves a list of measure names; at[k] is the index of the
// item the k-th measure was read from.
func (d *decoder) measureRefs(doc *Modes, mode string, n *schema.Node, path schema.Path) (out []*Measure, at []int) {
	if n.Kind != schema.Array {
		d.fail(n, path, "want an array, got %s", n.Kind)
		return nil, nil
	}
	out = []*Measure{}
	for i, it := range n.Items {
		p := path.Index(i)
		name := d.str(it, p)
		if name == "" {
			continue
		}
		m := doc.MeasureOf(mode, name)
		if m == nil {
			if other := ownerOf(doc, name); other != "" {
				d.sem.Errorf(p, it.Pos, RuleMeasureMode, "measure %s is mode %s's own; mode %s cannot name it", name, other, mode)
				continue
			}
			d.sem.Errorf(p, it.Pos, RuleUnknownMeasure, "measure %s is not defined in the document's measures", name)
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

func (d *decoder) group(doc *Modes, mode *Mode, in map[*Measure]bool, n *schema.Node, path schema.Path) (MeasureGroup, bool) {
	if !d.object(n, path) {
		return MeasureGroup{}, false
	}
	var g MeasureGroup
	for i := range n.Fields {
		f := &n.Fields[i]
		p := path.Key(f.Key)
		switch f.Key {
		case "name":
			g.Name = d.str(f.Value, p)
		case "measures":
			var at []int
			g.Measures, at = d.measureRefs(doc, mode.Name, f.Value, p)
			for k, m := range g.Measures {
				if !in[m] {
					ip := p.Index(at[k])
					d.sem.Errorf(ip, d.loc(ip), RuleGroupOutsideMode, "group %s names measure %s, which mode %s does not run", g.Name, m.Name, mode.Name)
				}
			}
		default:
			if !d.ext(&g.Extensions, f) {
				d.unknown(f, path)
			}
		}
	}
	return g, true
}

func (d *decoder) target(n *schema.Node, path schema.Path) (Target, bool) {
	if !d.object(n, path) {
		return Target{}, false
	}
	var t Target
	var at *schema.Node
	ok, bounds := true, 0
	for i := range n.Fields {
		f := &n.Fields[i]
		p := path.Key(f.Key)
		switch f.Key {
		case "indicator":
			t.Indicator, ok = d.indicator(f.Value, p)
		case "atLeast":
			at, bounds = f.Value, bounds+1
		case "atMost":
			at, bounds = f.Value, bounds+1
			t.AtMost = true
		default:
			if !d.ext(&t.Extensions, f) {
				d.unknown(f, path)
			}
		}
	}
	if bounds != 1 {
		d.sem.Errorf(path, n.Pos, RuleTargetRange, "a target gives one of atLeast and atMost, not %d", bounds)
		return Target{}, false
	}
	if !ok || t.Indicator == 0 || at == nil {
		return Target{}, false
	}
	p := path.Key("atLeast")
	if t.AtMost {
		p = path.Key("atMost")
	}
	if at.Kind != schema.Number {
		d.fail(at, p, "want a number, got %s", at.Kind)
		return Target{}, false
	}
	v, err := targetFigure(t.Indicator, at.Value)
	if err != nil {
		d.sem.Errorf(p, at.Pos, RuleTargetRange, "target for %s: %v", t.Indicator, err)
		return Target{}, false
	}
	t.AtLeast = v
	return t, true
}
