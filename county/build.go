package county

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zwfw/zwfw/schema"
)

// Rules of the problems this package reports. They are stable: match on
// them, never on message text.
const (
	// RuleUnknownParent: a unit's parent is not in the hierarchy. A parent
	// outside is allowed only for units of the highest level present,
	// which become roots and keep the parent's code.
	RuleUnknownParent schema.Rule = "county.unknown-parent"
	// RuleAmbiguousParent: a parent named by name (a unit without a code)
	// matches several units.
	RuleAmbiguousParent schema.Rule = "county.ambiguous-parent"
	// RuleDuplicateCode: two units share a code, or two former codes are
	// the same.
	RuleDuplicateCode schema.Rule = "county.duplicate-code"
	// RuleDuplicateName: two units under one parent share a name, or two
	// units without a code do (they are referred to by name).
	RuleDuplicateName schema.Rule = "county.duplicate-name"
	// RuleInvalidName: a name is empty, contains "/" or a control
	// character, or has white space around it.
	RuleInvalidName schema.Rule = "county.invalid-name"
	// RuleMalformedCode: a code is not 6, 9 or 12 digits of a possible
	// division (see [ParseCode]).
	RuleMalformedCode schema.Rule = "county.malformed-code"
	// RuleCodeLevelMismatch: a code's level does not fit the unit's kind
	// (a 镇 with a 6-digit code), or a 园区 has a code.
	RuleCodeLevelMismatch schema.Rule = "county.code-level-mismatch"
	// RuleCodeNotUnderParent: a code does not start with the code of the
	// nearest ancestor that has one, nor with one of its former codes.
	RuleCodeNotUnderParent schema.Rule = "county.code-not-under-parent"
	// RuleKindCodeRange (a warning): a township or village code lies
	// outside the range the statistical code assigns to the unit's kind
	// (街道 001–099, 镇 100–199, 乡 200–399; 社区 001–199, 村 200–399).
	RuleKindCodeRange schema.Rule = "county.kind-code-range"
	// RuleLevelOrder: a unit does not stand below its parent (a 镇 under a
	// 街道), or a 园区 lies under a unit below 县级.
	RuleLevelOrder schema.Rule = "county.level-order"
	// RuleCycle: a unit is its own ancestor.
	RuleCycle schema.Rule = "county.cycle"
	// RuleServicePointLevel: a service point sits on a unit of a level its
	// kind does not serve (a 便民服务站 on a 镇); see [PointKind.Levels].
	RuleServicePointLevel schema.Rule = "county.service-point-level"
	// RuleFigureSubject: a figure counts neither units nor service points,
	// or both, or counts units that cannot lie below its unit.
	RuleFigureSubject schema.Rule = "county.figure-subject"
	// RuleMergeConflict: a unit of the hierarchy merged in disagrees with
	// the unit of the same code in the base on name, kind or parent.
	RuleMergeConflict schema.Rule = "county.merge-conflict"
	// RuleCSVHeader: the CSV header lacks or repeats a column, or names
	// one this package does not read (a warning).
	RuleCSVHeader schema.Rule = "county.csv-header"
	// RuleCSVSyntax: a CSV record cannot be read or has the wrong number
	// of fields.
	RuleCSVSyntax schema.Rule = "county.csv-syntax"
	// RuleUnknownLevel: a CSV level column holds a value that is neither a
	// tier word (city, county, …) nor a kind (街道, …).
	RuleUnknownLevel schema.Rule = "county.unknown-level"
	// RuleUnknownKind: the kind of a CSV row cannot be told from its level
	// and name (a township-level name ending in none of 街道, 镇, 乡).
	RuleUnknownKind schema.Rule = "county.unknown-kind"
	// RuleRead: the input could not be read, or a divisions document is
	// larger than [MaxSize]: the rule every document package reports.
	RuleRead = schema.RuleRead
)

// record is one unit on its way into a hierarchy: the unit's own data, its
// parent as an index into the record list, and where it was read from.
type record struct {
	u      Unit   // parent, children and level are not used
	ref    string // the parent as written (a code or a name), for readers
	parent int    // index of the parent record, or -1
	path   schema.Path
	// locate returns where a member of the record ("code", "parent",
	// "servicePoints/0/kind", …) was read from.
	locate   func(key string) (schema.Path, schema.Pos)
	detached bool // its parent is missing for a reason already reported
}

func (r *record) at(key string) (schema.Path, schema.Pos) {
	if r.locate != nil {
		return r.locate(key)
	}
	p := r.path
	for _, s := range strings.Split(key, "/") {
		if i, err := strconv.Atoi(s); err == nil {
			p = p.Index(i)
		} else {
			p = p.Key(s)
		}
	}
	return p, r.u.pos
}

func (r *record) errorf(probs *schema.List, key string, rule schema.Rule, format string, args ...any) {
	path, pos := r.at(key)
	probs.Errorf(path, pos, rule, format, args...)
}

// describe names a record in messages.
func (r *record) describe() string {
	if r.u.code.IsValid() {
		return r.u.name + " (" + r.u.code.String() + ")"
	}
	return r.u.name
}

// where tells where a record was read, for messages that point elsewhere.
func (r *record) where() string {
	if r.u.pos.IsValid() {
		return r.u.pos.String()
	}
	return r.path.String()
}

// resolve sets the parent index of records read from a document, from the
// parent each names: a code, or the name of a unit without a code. A code
// not in the list makes the record a root that keeps the code; assemble
// decides whether that is allowed.
func resolve(recs []*record, probs *schema.List) {
	byCode := make(map[Code]int)
	codeless := make(map[string][]int)
	named := make(map[string]bool)
	for i, r := range recs {
		named[r.u.name] = true
		if r.u.code.IsValid() {
			if _, dup := byCode[r.u.code]; !dup {
				byCode[r.u.code] = i
			}
		} else {
			codeless[r.u.name] = append(codeless[r.u.name], i)
		}
	}
	for _, r := range recs {
		r.parent = -1
		if r.ref == "" {
			continue
		}
		if isDigits(r.ref) {
			c, err := parseCode(r.ref)
			if err != nil {
				r.errorf(probs, "parent", RuleMalformedCode, "parent code %q is malformed: %v", r.ref, err)
				r.detached = true
				continue
			}
			if j, ok := byCode[c]; ok {
				r.parent = j
			} else {
				r.u.up = c
			}
			continue
		}
		switch js := codeless[r.ref]; {
		case len(js) == 1:
			r.parent = js[0]
		case len(js) > 1:
			r.errorf(probs, "parent", RuleAmbiguousParent, "parent %q names %d units without a code", r.ref, len(js))
			r.detached = true
		case named[r.ref]:
			r.errorf(probs, "parent", RuleUnknownParent, "parent %q has a code: refer to it by its code", r.ref)
			r.detached = true
		default:
			r.errorf(probs, "parent", RuleUnknownParent, "parent %q is not in the document", r.ref)
			r.detached = true
		}
	}
}

// validName reports whether s can be a unit's name: not empty, no "/" (it
// separates the names of a qualified name), no control characters, no white
// space around it.
func validName(s string) bool {
	if s == "" || strings.TrimSpace(s) != s || !utf8.ValidString(s) {
		return false
	}
	return !strings.ContainsFunc(s, func(r rune) bool { return r == '/' || unicode.IsControl(r) })
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// assemble checks records whose parents are resolved and builds the
// hierarchy. The hierarchy is nil when any error was found.
func assemble(recs []*record, sources []Source, probs schema.List) (*Hierarchy, schema.List) {
	checkCodes(recs, &probs)
	checkCycles(recs, &probs)
	children := make([][]int, len(recs))
	var roots []int
	for i, r := range recs {
		if r.parent >= 0 {
			children[r.parent] = append(children[r.parent], i)
		} else {
			roots = append(roots, i)
		}
	}
	levels := computeLevels(recs, roots, children, &probs)
	checkRoots(recs, roots, &probs)
	for i := range recs {
		checkRecord(recs, i, levels, &probs)
	}
	checkNames(recs, roots, children, &probs)
	probs.Sort()
	if probs.HasErrors() {
		return nil, probs
	}
	return link(recs, roots, children, levels, sources), probs
}

// checkCodes reports duplicate current codes and duplicate former codes.
func checkCodes(recs []*record, probs *schema.List) {
	first := make(map[Code]*record)
	for _, r := range recs {
		if !r.u.code.IsValid() {
			continue
		}
		if f, dup := first[r.u.code]; dup {
			r.errorf(probs, "code", RuleDuplicateCode, "code %s of %s is also the code of %s at %s", r.u.code, r.u.name, f.u.name, f.where())
			continue
		}
		first[r.u.code] = r
	}
	type at struct {
		r *record
		j int
	}
	formerFirst := make(map[Code]at)
	for _, r := range recs {
		for j, fc := range r.u.former {
			key := "formerCodes/" + strconv.Itoa(j) + "/code"
			if fc.Code == r.u.code {
				r.errorf(probs, key, RuleDuplicateCode, "former code %s is the unit's current code", fc.Code)
				continue
			}
			if f, dup := formerFirst[fc.Code]; dup {
				r.errorf(probs, key, RuleDuplicateCode, "former code %s of %s is also a former code of %s at %s", fc.Code, r.u.name, f.r.u.name, f.r.where())
				continue
			}
			formerFirst[fc.Code] = at{r, j}
		}
	}
}

// checkCycles reports every cycle of parents once, at its first record, and
// cuts it so that later checks terminate.
func checkCycles(recs []*record, probs *schema.List) {
	const (
		unseen = iota
		onPath
		done
	)
	state := make([]uint8, len(recs))
	var path []int
	for start := range recs {
		path = path[:0]
		i := start
		for i >= 0 && state[i] == unseen {
			state[i] = onPath
			path = append(path, i)
			i = recs[i].parent
		}
		if i >= 0 && state[i] == onPath {
			k := slices.Index(path, i)
			cycle := path[k:]
			min := slices.Min(cycle)
			names := make([]string, 0, len(cycle)+1)
			m := slices.Index(cycle, min)
			for n := 0; n <= len(cycle); n++ {
				names = append(names, recs[cycle[(m+n)%len(cycle)]].describe())
			}
			// names run child → parent; show them from the top down.
			slices.Reverse(names)
			recs[min].errorf(probs, "parent", RuleCycle, "%s is its own ancestor: %s", recs[min].describe(), strings.Join(names, " → "))
			for _, c := range cycle {
				recs[c].parent = -1
				recs[c].detached = true
			}
		}
		for _, p := range path {
			state[p] = done
		}
	}
}

// computeLevels gives every record its level, top down; a park stands one
// tier below its parent.
func computeLevels(recs []*record, roots []int, children [][]int, probs *schema.List) []Level {
	levels := make([]Level, len(recs))
	queue := slices.Clone(roots)
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		r := recs[i]
		levels[i] = r.u.kind.Level()
		if r.u.kind == Park && r.parent >= 0 {
			pl := levels[r.parent]
			if pl > LevelCounty || pl == 0 {
				r.errorf(probs, "parent", RuleLevelOrder, "a 园区 must lie under a unit of 县级 or above, not under %s of %s", recs[r.parent].describe(), pl)
			} else {
				levels[i] = pl + 1
			}
		}
		queue = append(queue, children[i]...)
	}
	return levels
}

// checkRoots reports roots below the highest level present: their parent
// is missing.
func checkRoots(recs []*record, roots []int, probs *schema.List) {
	var top Level
	for _, r := range recs {
		if l := r.u.kind.Level(); l != 0 && (top == 0 || l < top) {
			top = l
		}
	}
	for _, i := range roots {
		r := recs[i]
		if r.detached || r.u.kind.Level() == top {
			continue
		}
		if r.u.up.IsValid() {
			r.errorf(probs, "parent", RuleUnknownParent, "parent %s of %s is not in the hierarchy", r.u.up, r.describe())
		} else {
			r.errorf(probs, "parent", RuleUnknownParent, "%s, a %s, has no parent, but the hierarchy has units of %s", r.describe(), r.u.kind, top)
		}
	}
}

// checkRecord runs the checks that concern one record and its ancestors.
func checkRecord(recs []*record, i int, levels []Level, probs *schema.List) {
	r := recs[i]
	u := &r.u
	if !validName(u.name) {
		r.errorf(probs, "name", RuleInvalidName, "name %q is empty, contains \"/\" or a control character, or has white space around it", u.name)
	}
	if u.code.IsValid() {
		switch {
		case u.kind == Park:
			r.errorf(probs, "code", RuleCodeLevelMismatch, "a 园区 has no division code, but %s has %s", u.name, u.code)
		case levelOf(u.code) != u.kind.Level():
			r.errorf(probs, "code", RuleCodeLevelMismatch, "code %s is a code of %s, but %s is a %s (%s)", u.code, levelOf(u.code), u.name, u.kind, u.kind.Level())
		default:
			checkRange(r, probs)
		}
	}
	for j, fc := range u.former {
		if u.kind != Park && levelOf(fc.Code) != u.kind.Level() {
			r.errorf(probs, "formerCodes/"+strconv.Itoa(j)+"/code", RuleCodeLevelMismatch, "former code %s is a code of %s, but %s is a %s (%s)", fc.Code, levelOf(fc.Code), u.name, u.kind, u.kind.Level())
		}
	}
	if r.parent >= 0 {
		p := recs[r.parent]
		if levels[i] != 0 && levels[r.parent] != 0 && levels[i] <= levels[r.parent] && u.kind != Park {
			r.errorf(probs, "parent", RuleLevelOrder, "%s (%s, %s) cannot lie under %s, a %s of %s", u.name, u.kind, levels[i], p.describe(), p.u.kind, levels[r.parent])
		}
		if u.code.IsValid() {
			a := p
			for a != nil && !a.u.code.IsValid() {
				if a.parent < 0 {
					a = nil
				} else {
					a = recs[a.parent]
				}
			}
			if a != nil && a.u.code != u.code && !underCodeOf(a, u.code) {
				r.errorf(probs, "code", RuleCodeNotUnderParent, "code %s of %s does not lie under %s", u.code, u.name, a.describe())
			}
		}
	}
	for j, sp := range u.points {
		if levels[i] != 0 && !slices.Contains(pointLevels[sp.Kind], levels[i]) {
			r.errorf(probs, "servicePoints/"+strconv.Itoa(j)+"/kind", RuleServicePointLevel, "a %s does not sit on a unit of %s such as %s", sp.Kind, levels[i], u.name)
		}
	}
	for j, f := range u.figures {
		key := "figures/" + strconv.Itoa(j)
		switch {
		case len(f.Of) > 0 && f.Point.IsValid(), len(f.Of) == 0 && !f.Point.IsValid():
			r.errorf(probs, key, RuleFigureSubject, "a figure counts either units (of) or service points (point)")
		case f.Count < 0:
			r.errorf(probs, key+"/count", RuleFigureSubject, "a figure counts at least 0")
		}
		for _, k := range f.Of {
			if k != Park && levels[i] != 0 && k.Level() <= levels[i] {
				r.errorf(probs, key+"/of", RuleFigureSubject, "units of kind %s (%s) cannot lie below %s (%s)", k, k.Level(), u.name, levels[i])
				break
			}
		}
	}
}

// underCodeOf reports whether c lies under the code of a or under one of
// its former codes: townships keep their old codes for a while after their
// county is renamed.
func underCodeOf(a *record, c Code) bool {
	if a.u.code.Contains(c) {
		return true
	}
	for _, fc := range a.u.former {
		if fc.Code.Contains(c) {
			return true
		}
	}
	return false
}

// ranges of the township and village groups of statistical codes by kind.
var kindRanges = map[Kind][2]int{
	Subdistrict: {1, 99}, Town: {100, 199}, Township: {200, 399},
	Community: {1, 199}, Village: {200, 399},
}

func checkRange(r *record, probs *schema.List) {
	rg, ok := kindRanges[r.u.kind]
	if !ok {
		return
	}
	digits := r.u.code.Statistical()
	part := digits[6:9]
	if r.u.kind.Level() == LevelVillage {
		part = digits[9:12]
	}
	n, _ := strconv.Atoi(part)
	if n < rg[0] || n > rg[1] {
		path, pos := r.at("code")
		probs.Warningf(path, pos, RuleKindCodeRange, "%s of code %s lies outside %03d–%03d, the range of %s", part, r.u.code, rg[0], rg[1], r.u.kind)
	}
}

// checkNames reports siblings sharing a name and units without a code
// sharing a name anywhere.
func checkNames(recs []*record, roots []int, children [][]int, probs *schema.List) {
	sib := func(group []int) {
		seen := make(map[string]*record, len(group))
		for _, i := range group {
			r := recs[i]
			if f, dup := seen[r.u.name]; dup {
				r.errorf(probs, "name", RuleDuplicateName, "%s has a sibling of the same name at %s", r.u.name, f.where())
				continue
			}
			seen[r.u.name] = r
		}
	}
	sib(roots)
	for _, c := range children {
		sib(c)
	}
	codeless := make(map[string]*record)
	for _, r := range recs {
		if r.u.code.IsValid() {
			continue
		}
		if f, dup := codeless[r.u.name]; dup {
			if f.parent != r.parent {
				r.errorf(probs, "name", RuleDuplicateName, "%s has no code and shares its name with the unit at %s", r.u.name, f.where())
			}
			continue
		}
		codeless[r.u.name] = r
	}
}

// link builds the hierarchy from checked records.
func link(recs []*record, roots []int, children [][]int, levels []Level, sources []Source) *Hierarchy {
	units := make([]Unit, len(recs))
	for i, r := range recs {
		units[i] = r.u
		units[i].level = levels[i]
		units[i].parent = nil
		units[i].children = nil
		if r.parent >= 0 {
			units[i].parent = &units[r.parent]
			units[i].up = Code{}
		}
		if len(children[i]) > 0 {
			units[i].children = make([]*Unit, len(children[i]))
			for j, c := range children[i] {
				units[i].children[j] = &units[c]
			}
		}
	}
	h := &Hierarchy{sources: slices.Clone(sources)}
	for _, i := range roots {
		h.roots = append(h.roots, &units[i])
	}
	h.index()
	return h
}
