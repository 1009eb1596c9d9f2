package matters

import (
	"encoding/json"
	"errors"
	"unicode/utf8"

	"github.com/zwfw/zwfw/matters/codeset"
	"github.com/zwfw/zwfw/schema"
)

// Locator returns the source position of a path, or the zero Pos.
type Locator func(schema.Path) schema.Pos

func noPos(schema.Path) schema.Pos { return schema.Pos{} }

// duplicateCode reports the second use of a code, at the code of the
// matter at path.
func duplicateCode(code string, first int, path schema.Path, pos schema.Pos, probs *schema.List) {
	where := schema.M("earlier")
	if first > 0 {
		where = schema.M("at line %d", first)
	}
	probs.Errorf(path.Key("code"), pos, RuleDuplicateCode, "code %s is used again (first %s)", code, where)
}

// status notes a matter that is suspended or cancelled, for the bundles.
func (ix *index) status(m *Matter) {
	if m.Status.Active() || m.Code == "" {
		return
	}
	if ix.inactive == nil {
		ix.inactive = codeset.New()
	}
	ix.inactive.Add(ix.fingerprint(string(m.Code)), uint32(m.Status))
}

// inactiveStatus returns the status of the matter of fingerprint fp if it
// is suspended or cancelled.
func (ix *index) inactiveStatus(fp uint64) (Status, bool) {
	if ix.inactive == nil {
		return 0, false
	}
	st, ok := ix.inactive.Get(fp)
	return Status(st), ok
}

func (ix *index) checkBundles(bundles []Bundle, loc Locator, probs *schema.List) {
	seen := map[uint64]int{}
	for i := range bundles {
		ix.checkBundle(i, &bundles[i], seen, loc, probs)
	}
}

// checkBundle checks bundle i: its code not used by an earlier one (seen
// holds the first bundle of each code, by the code's fingerprint, as the
// index holds matters: two codes that share one, with a probability of
// about n²/2⁶⁵ for n bundles, are taken as one), its members held and in
// use.
func (ix *index) checkBundle(i int, b *Bundle, seen map[uint64]int, loc Locator, probs *schema.List) {
	p := bundlePath(i)
	if b.Code != "" {
		fp := ix.fingerprint(b.Code)
		if j, dup := seen[fp]; dup {
			probs.Errorf(p.Key("code"), loc(p.Key("code")), RuleBundleDuplicateCode,
				"bundle code %s is used again (first by bundle %d)", b.Code, j)
		} else {
			seen[fp] = i
		}
	}
	for j, code := range b.Matters {
		fp := ix.fingerprint(string(code))
		if !ix.hasFP(fp) {
			mp := p.Key("matters").Index(j)
			probs.Errorf(mp, loc(mp), RuleBundleUnknownMember,
				"bundle %q names matter %s, which the catalogue does not hold", b.Name, code)
		} else if st, ok := ix.inactiveStatus(fp); ok {
			mp := p.Key("matters").Index(j)
			probs.Errorf(mp, loc(mp), RuleBundleInactive,
				"bundle %q lists matter %s as in use, but its status is %s", b.Name, code, st)
		}
	}
}

// checkMatter runs the checks that need one matter only.
func checkMatter(m *Matter, path schema.Path, loc Locator, probs *schema.List) {
	at := func(key string) (schema.Path, schema.Pos) {
		p := path
		if key != "" {
			p = path.Key(key)
		}
		pos := loc(p)
		if !pos.IsValid() {
			pos = loc(path)
		}
		return p, pos
	}

	// Promised limit within the legal limit, compared in working days.
	// A promised limit of 即办 is within any legal limit.
	if !m.LegalLimit.IsZero() && !m.PromisedLimit.IsZero() && m.PromisedLimit.Unit != Instant {
		legal, lok := m.LegalLimit.WorkingDays()
		promised, pok := m.PromisedLimit.WorkingDays()
		switch {
		case m.LegalLimit.Unit == m.PromisedLimit.Unit:
			if m.PromisedLimit.Value.Cmp(m.LegalLimit.Value) > 0 {
				p, pos := at("promisedLimit")
				probs.Errorf(p, pos, RulePromisedExceeds, "promised limit %s exceeds legal limit %s", m.PromisedLimit, m.LegalLimit)
			}
		case lok && pok:
			if promised.Cmp(legal) > 0 {
				p, pos := at("promisedLimit")
				probs.Errorf(p, pos, RulePromisedExceeds, "promised limit %s (%s working days) exceeds legal limit %s (%s working days)",
					m.PromisedLimit, promised, m.LegalLimit, legal)
			}
		default:
			var which TimeUnit
			if !lok {
				which = m.LegalLimit.Unit
			} else {
				which = m.PromisedLimit.Unit
			}
			p, pos := at("promisedLimit")
			probs.Warningf(p, pos, RuleLimitsIncomparable,
				"promised limit %s cannot be compared with legal limit %s: %s does not convert to working days", m.PromisedLimit, m.LegalLimit, which)
		}
	}

	// 即办 promised limit ⇔ 即办件.
	instantLimit := m.PromisedLimit.IsInstant()
	if m.HandlingKind != 0 && instantLimit != (m.HandlingKind == InstantCase) {
		p, pos := at("handlingKind")
		if instantLimit {
			probs.Errorf(p, pos, RuleInstantMismatch, "promised limit is 即办 but handling kind is %s, not 即办件", m.HandlingKind)
		} else if !m.PromisedLimit.IsZero() {
			probs.Errorf(p, pos, RuleInstantMismatch, "handling kind is 即办件 but promised limit is %s, not 即办", m.PromisedLimit)
		}
	}

	// Fully online ⇒ zero visits.
	if m.Depth() == Depth4 && m.Visits != nil && *m.Visits > 0 {
		p, pos := at("visits")
		probs.Errorf(p, pos, RuleOnlineVisits, "matter is handled fully online (全程网办) but needs %d visits", *m.Visits)
	}

	// Visits ⇒ a reason for on-site handling.
	if m.Visits != nil && *m.Visits > 0 && m.OnsiteReason == "" {
		p, pos := at("visits")
		probs.Errorf(p, pos, RuleOnsiteReason, "matter needs %d visits but gives no onsiteReason", *m.Visits)
	}

	// Zero visits and not online ⇒ postal application.
	if m.Visits != nil && *m.Visits == 0 && m.Forms != 0 && !m.Forms.Has(Online) && !m.Forms.Has(ByPost) {
		p, pos := at("forms")
		probs.Warningf(p, pos, RulePostalMissing, "matter needs no visit and is not handled online, so forms should offer 快递申请")
	}

	// Fee charged ⇒ basis and items.
	if m.Fee != nil && m.Fee.Charged && (m.Fee.Basis == "" || len(m.Fee.Items) == 0) {
		p, pos := at("fee")
		probs.Errorf(p, pos, RuleFeeBasis, "matter is charged for but states no fee basis or fee items")
	}

	// A delegated matter says to which level.
	if m.IsDelegated() && (m.Delegation == nil || m.Delegation.To == 0) {
		key := "delegation"
		if m.Delegation == nil {
			key = "powerSource"
		}
		p, pos := at(key)
		probs.Errorf(p, pos, RuleDelegationLevel, "matter is delegated (下放) but does not say the receiving level (delegation.to)")
	}

	checkElements(m, at, loc, path, probs)

}

// checkCode checks the codes a matter carries: the body's credit code has
// valid check characters, and the matter's code agrees with
// the matter and its catalogue: the division it names lies within or above
// the catalogue's division (when that is known), the body it names is the
// implementing body, and its base code is the one the matter claims. A code
// in no known form is a warning: platforms write many.
func checkCode(m *Matter, division DivisionCode, path schema.Path, loc Locator, probs *schema.List, bodies *bodyCache) {
	// The body's credit code carries valid check characters. It is read
	// once, here, for this check and for the comparison with the code.
	var body CreditCode
	known := "" // the body's credit code as written, when valid
	if cc := m.Body.CreditCode; cc != "" {
		var registered bool
		var err error
		if body, registered, err = bodies.parse(cc); err != nil {
			p := path.Key("body").Key("creditCode")
			pos := loc(p)
			if !pos.IsValid() {
				p = path.Key("body")
				pos = loc(p)
			}
			pr := schema.Errorf(p, pos, RuleCreditCodeCheck, "%s", codeText(err))
			pr.Err = err
			probs.Add(pr)
		} else {
			known = string(cc)
			if !registered {
				checkRegistry(body, path.Key("body").Key("creditCode"), loc, probs)
			}
		}
	}
	if b := m.BaseCode; b != "" && !nationalBase(string(b)) {
		p := path.Key("baseCode")
		probs.Warningf(p, loc(p), RuleBaseCodeForm, "base code %s is not in the national form (12 digits)", b)
	}
	checkBodyExtension(m, path, loc, probs)
	if m.Code == "" {
		return
	}
	code, warnings, err := parseLenient(string(m.Code), known)
	// The code's path and position, made only for a problem.
	var p schema.Path
	var pos schema.Pos
	located := false
	at := func() {
		if !located {
			p, pos, located = path.Key("code"), loc(path.Key("code")), true
		}
	}
	if err != nil {
		at()
		pr := schema.Warningf(p, pos, RuleCodeUnrecognised, "code is in no known form: %s", codeText(err))
		pr.Err = err
		probs.Add(pr)
		return
	}
	for _, w := range warnings {
		at()
		probs.Add(w.AsProblem(p, pos, schema.Warning))
	}
	// A code may name the catalogue's division, one within it, or one
	// above it (a city body's matter in a county's list), not another.
	// Only the area the code states counts: the division inside a credit
	// code is where the body was registered, as the codes stood then (a
	// 射洪 body keeps 510922; a district body often carries its city's
	// code), never the body's division.
	if d := code.Division(); division.IsValid() && d.IsValid() && !division.Contains(d) && !d.Contains(division) {
		at()
		probs.Warningf(p, pos, RuleCodeDivision, "code names division %s, which is neither within nor above the catalogue's division %s", d, division)
	}
	if cc := code.CreditCode(); cc.IsValid() && cc != body && (!cc.Registered() || cc.placeholder()) {
		at()
		checkRegistry(cc, p, func(schema.Path) schema.Pos { return pos }, probs)
	}
	if lv := code.LevelDigit(); lv != 0 && m.Level != 0 && lv != int(m.Level) {
		at()
		probs.Warningf(p, pos, RuleCodeLevel, "code has level digit %d (%s), but the matter's level is %s", lv, Level(lv), m.Level)
	}
	if hint := code.TypeHint(); hint != "" && m.Type != 0 && hint != m.Type.String() {
		at()
		probs.Warningf(p, pos, RuleCodeType, "code's type letters say %s, but the matter's type is %s", hint, m.Type)
	}
	if body.IsValid() {
		switch {
		case code.CreditCode().IsValid() && code.CreditCode() != body:
			at()
			probs.Warningf(p, pos, RuleCodeBody, "code names body %s, but the implementing body's credit code is %s", code.CreditCode(), body)
		case !code.CreditCode().IsValid() && code.OrgCode().IsValid() && code.OrgCode() != body.OrgCode():
			at()
			probs.Warningf(p, pos, RuleCodeBody, "code names organisation %s, but the implementing body's credit code holds %s", code.OrgCode(), body.OrgCode())
		}
	}
	if m.BaseCode != "" {
		if base := code.Base(); base.IsValid() && string(base.base[:base.baseLen]) != string(m.BaseCode) {
			at()
			probs.Errorf(p, pos, RuleCodeBaseCode, "code holds base code %s, but the matter claims %s", base, m.BaseCode)
		}
	}
}

// bodyCache remembers the body credit codes read, up to bodyCacheSize of
// them: a list's matters come from a few dozen or a few hundred bodies,
// one after another or interleaved. The zero value is ready, and a nil
// cache reads every code.
type bodyCache struct {
	last bodySlot
	m    map[CreditCodeText]bodySlot
}

const bodyCacheSize = 4096

type bodySlot struct {
	text       CreditCodeText
	code       CreditCode
	err        error
	registered bool // Registered, and not a placeholder
}

// parse reads cc, and tells whether GB 32100 registers its pair of
// authority and category (and it is not a placeholder).
func (c *bodyCache) parse(cc CreditCodeText) (code CreditCode, registered bool, err error) {
	if c != nil && c.last.text == cc && cc != "" {
		return c.last.code, c.last.registered, c.last.err
	}
	s, ok := bodySlot{}, false
	if c != nil {
		s, ok = c.m[cc]
	}
	if !ok {
		s = bodySlot{text: cc}
		s.code, s.err = cc.Parse()
		s.registered = s.err == nil && s.code.Registered() && !s.code.placeholder()
		if c != nil && len(c.m) < bodyCacheSize {
			if c.m == nil {
				c.m = map[CreditCodeText]bodySlot{}
			}
			c.m[cc] = s
		}
	}
	if c != nil {
		c.last = s
	}
	return s.code, s.registered, s.err
}

// checkRegistry reports a credit code whose authority and category pair
// GB 32100 does not have.
func checkRegistry(c CreditCode, p schema.Path, loc Locator, probs *schema.List) {
	if c.Registered() {
		return
	}
	if c.placeholder() {
		probs.Warningf(p, loc(p), RuleCreditRegistry, "credit code %s is all zeros: a placeholder, not a body's code", c)
		return
	}
	probs.Warningf(p, loc(p), RuleCreditRegistry, "credit code %s: registration authority %c does not register organisation category %c (GB 32100)",
		c, c.Authority(), c.Category())
}

// nationalBase reports whether b is a base code in the national form: 12
// digits.
func nationalBase(b string) bool {
	if len(b) != 12 {
		return false
	}
	for i := 0; i < len(b); i++ {
		if b[i] < '0' || b[i] > '9' {
			return false
		}
	}
	return true
}

// checkBodyExtension reports a body identified by a code other than a
// credit code, kept as body extension x-orgCode or x-bodyCode (as the
// spreadsheet reader files what portals put in their department column).
func checkBodyExtension(m *Matter, path schema.Path, loc Locator, probs *schema.List) {
	if m.Body.CreditCode != "" || m.Body.Extensions == nil {
		return
	}
	for _, key := range [...]string{ExtOrgCode, ExtBodyCode} {
		raw, ok := m.Body.Extensions[key]
		if !ok {
			continue
		}
		var s string
		if json.Unmarshal(raw, &s) != nil || s == "" {
			continue
		}
		p := path.Key("body").Key(key)
		pos := loc(p)
		_, err := ParseOrgCode(s)
		var ce *CodeError
		switch {
		case err == nil:
			probs.Warningf(p, pos, RuleBodyOrgCode,
				"%s is an organisation code (GB 11714), not an 18-character unified social credit code", s)
		case errors.As(err, &ce) && ce.Rule == "code.check-character":
			probs.Warningf(p, pos, RuleBodyCode, "%s has the form of an organisation code, but %s", s, ce.Msg)
		case csvExcelNumber(s):
			probs.Warningf(p, pos, RuleBodyCode, "%s is a number: the spreadsheet turned the code into a number", s)
		default:
			probs.Warningf(p, pos, RuleBodyCode,
				"%s (%d characters) is neither a unified social credit code (18 characters of its alphabet) nor an organisation code (9)",
				s, utf8.RuneCountInString(s))
		}
		return
	}
}
