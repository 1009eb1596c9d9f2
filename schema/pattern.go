package schema

import (
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// A simplePattern matches the anchored patterns schemas use for codes —
// "^[0-9A-Z]{18}$", "^x-", "^[0-9A-Za-z][0-9A-Za-z-]{0,79}$" — without the
// regexp engine: a sequence of atoms, each a character class repeated
// between min and max times, matched greedily. It is built only when greedy
// matching is exact: every atom of variable length is followed by the end of
// the pattern or by an atom whose class it does not overlap. Anything else
// stays with package regexp.
type simplePattern struct {
	atoms   []patternAtom
	prefix  bool // no $ at the end: the atoms need only match a prefix
	literal string
}

type patternAtom struct {
	ranges   []rune    // pairs lo, hi as in syntax.Regexp.Rune
	ascii    [2]uint64 // the ASCII characters of ranges, a bit each
	min, max int       // max -1 for unbounded
}

// setASCII fills the atom's bits of ASCII characters from its ranges.
func (a *patternAtom) setASCII() {
	for i := 0; i+1 < len(a.ranges); i += 2 {
		for r := max(a.ranges[i], 0); r <= a.ranges[i+1] && r < utf8.RuneSelf; r++ {
			a.ascii[r/64] |= 1 << (r % 64)
		}
	}
}

func (a *patternAtom) has(r rune) bool {
	if r >= 0 && r < utf8.RuneSelf {
		return a.ascii[r/64]&(1<<(r%64)) != 0
	}
	for i := 0; i+1 < len(a.ranges); i += 2 {
		if r >= a.ranges[i] && r <= a.ranges[i+1] {
			return true
		}
	}
	return false
}

// matcher returns a function equivalent to re.MatchString, which keeps
// no reference to the text it is given (the memo keeps copies).
func matcher(re *regexp.Regexp) func(string) bool {
	if sp := compileSimple(re.String()); sp != nil {
		return sp.match
	}
	m := &matchMemo{re: re, m: newMemo[bool](matchMemoEntries)}
	return m.match
}

// matchMemo remembers the verdicts of a pattern the regexp engine runs,
// for short texts: the values a pattern checks (scopes, terms) repeat
// across a catalogue, and a look-up costs a fraction of a match.
type matchMemo struct {
	re *regexp.Regexp
	m  *memo[bool]
}

const (
	matchMemoText    = 64   // longest text remembered, in bytes
	matchMemoEntries = 4096 // most texts remembered
)

func (m *matchMemo) match(s string) bool {
	if len(s) > matchMemoText {
		return m.re.MatchString(s)
	}
	if v, ok := m.m.get(s); ok {
		return v
	}
	v := m.re.MatchString(s)
	m.m.put(s, v)
	return v
}

func compileSimple(pattern string) *simplePattern {
	ast, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	if ast.Op != syntax.OpConcat || len(ast.Sub) < 2 || ast.Sub[0].Op != syntax.OpBeginText {
		return nil
	}
	var subs []*syntax.Regexp
	for _, s := range ast.Sub[1:] {
		if s.Op == syntax.OpConcat {
			subs = append(subs, s.Sub...)
		} else {
			subs = append(subs, s)
		}
	}
	sp := &simplePattern{prefix: true}
	if last := subs[len(subs)-1]; last.Op == syntax.OpEndText {
		sp.prefix = false
		subs = subs[:len(subs)-1]
	}
	for _, s := range subs {
		a, ok := atomOf(s)
		if !ok {
			return nil
		}
		sp.atoms = append(sp.atoms, a...)
	}
	// Greedy matching is exact only if no variable atom could give back a
	// character the next atom needs.
	for i, a := range sp.atoms {
		if a.min == a.max {
			continue
		}
		if i+1 < len(sp.atoms) && overlaps(&a, &sp.atoms[i+1]) {
			return nil
		}
		if i+1 == len(sp.atoms) && sp.prefix {
			continue // a prefix match needs only the minimum
		}
	}
	for k := range sp.atoms {
		sp.atoms[k].setASCII()
	}
	return sp
}

func atomOf(s *syntax.Regexp) ([]patternAtom, bool) {
	switch s.Op {
	case syntax.OpLiteral:
		if s.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		var out []patternAtom
		for _, r := range s.Rune {
			out = append(out, patternAtom{ranges: []rune{r, r}, min: 1, max: 1})
		}
		return out, true
	case syntax.OpCharClass:
		return []patternAtom{{ranges: s.Rune, min: 1, max: 1}}, true
	case syntax.OpRepeat, syntax.OpStar, syntax.OpPlus, syntax.OpQuest:
		if len(s.Sub) != 1 || s.Sub[0].Op != syntax.OpCharClass && !(s.Sub[0].Op == syntax.OpLiteral && len(s.Sub[0].Rune) == 1) {
			return nil, false
		}
		if s.Flags&syntax.NonGreedy != 0 {
			return nil, false
		}
		sub := s.Sub[0]
		ranges := sub.Rune
		if sub.Op == syntax.OpLiteral {
			if sub.Flags&syntax.FoldCase != 0 {
				return nil, false
			}
			ranges = []rune{sub.Rune[0], sub.Rune[0]}
		}
		a := patternAtom{ranges: ranges}
		switch s.Op {
		case syntax.OpRepeat:
			a.min, a.max = s.Min, s.Max
			if a.min < 0 {
				return nil, false
			}
		case syntax.OpStar:
			a.min, a.max = 0, -1
		case syntax.OpPlus:
			a.min, a.max = 1, -1
		case syntax.OpQuest:
			a.min, a.max = 0, 1
		}
		return []patternAtom{a}, true
	}
	return nil, false
}

func overlaps(a, b *patternAtom) bool {
	for i := 0; i+1 < len(a.ranges); i += 2 {
		for j := 0; j+1 < len(b.ranges); j += 2 {
			if a.ranges[i] <= b.ranges[j+1] && b.ranges[j] <= a.ranges[i+1] {
				return true
			}
		}
	}
	return false
}

func (sp *simplePattern) match(s string) bool {
	i := 0
	for k := range sp.atoms {
		a := &sp.atoms[k]
		n := 0
		for i < len(s) && (a.max < 0 || n < a.max) {
			// A run of ASCII characters, a byte each, then one that
			// is not.
			lim := len(s)
			if a.max >= 0 {
				lim = min(lim, i+a.max-n)
			}
			j := i
			for j < lim && s[j] < utf8.RuneSelf && a.ascii[s[j]>>6]&(1<<(s[j]&63)) != 0 {
				j++
			}
			n += j - i
			i = j
			if i == lim || s[i] < utf8.RuneSelf {
				break
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !a.has(r) {
				break
			}
			i += size
			n++
		}
		if n < a.min {
			return false
		}
	}
	return sp.prefix || i == len(s)
}
