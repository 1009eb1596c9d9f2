package matters

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/zwfw/zwfw/schema"
)

// MatterCode is the code of a service matter in one of the forms of [CodeForm]:
//
//	基本编码 (base code), 12 characters, or Sichuan's local base code of 12 or 14:
//	    312003564000    511A0138000000
//	实施编码 (implementation code), 31 characters: the implementing body's credit
//	code, the exercise level digit (行使层级, 1 国家级 … 6 村(社区)级) and the base code:
//	    11310000MB2F30661Y 2 312003564000
//	业务办理项编码 (handling-item code), 33 characters: the implementation code and
//	a 2-digit sequence:
//	    11310000MB2F30661Y 2 312003564000 01
//	四川事项编码 (Sichuan's portal form): local base code, 12-digit area, 000, the
//	body's credit code, 1 or 2, 00, joined by hyphens:
//	    511A0138000000-511602000000-000-115113010833722043-1-00
//
// Sichuan's local base code is 51, two type characters and 8 or 10 digits;
// the type characters say the matter type (see [MatterCode.TypeHint]).
//
// [ParseMatterCode] accepts exactly these forms. Real catalogues hold codes
// that depart from them in known ways (an organisation code where the credit
// code belongs, a prefix such as G-000007-001 instead of a base code, a
// placeholder body); [ParseMatterCodeLenient] reads those too and reports
// each departure as a warning.
//
// A MatterCode keeps what the code holds, and String gives back the code
// exactly as it was written. The zero MatterCode is not a code: IsValid
// reports false and String returns "". MatterCode values are comparable
// with == and usable as map keys.
type MatterCode struct {
	form     CodeForm
	level    uint8 // exercise level digit of implementation and handling codes
	seq      uint8 // sequence of handling codes
	variant  uint8 // the 1 or 2 near the end of Sichuan codes
	bodyKind uint8 // how the body reads: codeBodyNone, codeBodyCredit, codeBodyOrg, codeBodyOther
	familiar bool  // base holds a base code, not an unfamiliar Sichuan prefix
	baseLen  uint8
	bodyLen  uint8
	base     [maxCodePrefixLen]byte // base code, or an unfamiliar prefix as written
	body     [maxCodeBodyLen]byte   // the body as written
	area     DivisionCode
}

const (
	maxMatterCodeLen = 64
	maxCodePrefixLen = 16 // longest unfamiliar prefix kept
	maxCodeBodyLen   = 20 // longest irregular body kept
)

const (
	codeBodyNone = iota
	codeBodyCredit
	codeBodyOrg
	codeBodyOther
)

// ParseMatterCode parses a matter code of one of the forms of [CodeForm]. On
// failure it returns a [*CodeError] at the first character that departs
// from the form. Irregularities that [ParseMatterCodeLenient] tolerates are
// errors here: an organisation code or an unfamiliar prefix with the rule
// it would warn with, any other body with the error that parsing it as a
// credit code gives.
func ParseMatterCode(s string) (MatterCode, error) {
	p := matterParser{s: s}
	return p.parse()
}

// ParseMatterCodeLenient is like [ParseMatterCode] but reads the irregular
// codes real catalogues hold, returning each irregularity as a warning (a
// [*CodeError] with one of the rules code.org-code-for-credit-code,
// code.bad-body, code.unfamiliar-prefix, code.missing-area), in the order of
// their positions. What it tolerates, all seen on Sichuan's portal:
//
//   - in place of the body's credit code, an organisation code, plain or
//     hyphenated (083372204, 45225901-3), or up to 20 other letters, digits
//     and hyphens: a credit code with a wrong check character or a lost
//     character, a lower-case letter, a placeholder (2222222222222);
//   - in place of the local base code, a prefix of up to 4 hyphenated parts
//     and 16 characters (G-000007-001, 1J-5100-00027);
//   - after a prefix of the form G-000007-001, only the body, without area,
//     000 and ending (E-000004-001-11511301008778386B).
//
// Anything else is an error, as from ParseMatterCode.
func ParseMatterCodeLenient(s string) (MatterCode, []*CodeError, error) {
	return parseLenient(s, "")
}

// parseLenient is ParseMatterCodeLenient told a credit code text already
// read and valid (the matter's body's, or ""), which a code of the
// national form need not check again.
func parseLenient(s, known string) (MatterCode, []*CodeError, error) {
	p := matterParser{s: s, lenient: true, known: known}
	c, err := p.parse()
	if err != nil {
		return MatterCode{}, nil, err
	}
	return c, p.warns, nil
}

// MustParseMatterCode is like [ParseMatterCode] but panics on error. It is
// meant for constants in tests and examples.
func MustParseMatterCode(s string) MatterCode { return schema.Must(ParseMatterCode(s)) }

type matterParser struct {
	s       string
	lenient bool
	warns   []*CodeError
	known   string // a valid credit code, as written: not checked again
}

// irregular records w as a warning and returns nil when lenient; otherwise
// it returns strict, or w if strict is nil.
func (p *matterParser) irregular(w, strict *CodeError) error {
	if p.lenient {
		p.warns = append(p.warns, w)
		return nil
	}
	if strict != nil {
		return strict
	}
	return w
}

func (p *matterParser) parse() (MatterCode, error) {
	s := p.s
	if s == "" {
		return MatterCode{}, codeErr(s, 0, codeRuleMalformed, "empty; want a matter code")
	}
	hyphens := false
	for i := 0; i < len(s); i++ {
		if i == maxMatterCodeLen {
			return MatterCode{}, codeErr(s, i, codeRuleMalformed, "matter code longer than 64 characters")
		}
		switch c := s[i]; {
		case c == '-':
			switch {
			case i == 0:
				return MatterCode{}, codeErr(s, i, codeRuleMalformed, "matter code starts with -")
			case s[i-1] == '-':
				return MatterCode{}, codeErr(s, i, codeRuleMalformed, "empty part between hyphens")
			case i == len(s)-1:
				return MatterCode{}, codeErr(s, i, codeRuleMalformed, "matter code ends with -")
			}
			hyphens = true
		case isCodeDigit(c), isCodeUpper(c), isCodeLower(c):
		default:
			return MatterCode{}, codeErr(s, i, codeRuleMalformed,
				"%s is not allowed in a matter code; want letters, digits and hyphens", quoteCodeChar(s, i))
		}
	}
	if hyphens {
		return p.sichuan()
	}
	return p.national()
}

// national parses the forms without hyphens.
func (p *matterParser) national() (MatterCode, error) {
	s := p.s
	switch len(s) {
	case 12:
		if err := checkBaseChars(s, 0, 12); err != nil {
			return MatterCode{}, err
		}
		return newBaseCode(s), nil
	case 14:
		if off, msg := checkLocalBase(s); off >= 0 {
			return MatterCode{}, codeErr(s, off, codeRuleMalformed, "%s", msg)
		}
		return newBaseCode(s), nil
	case 31, 33:
		if s[:18] != p.known {
			if _, err := ParseCreditCode(s[:18]); err != nil {
				return MatterCode{}, shiftCodeErr(err.(*CodeError), s, 0)
			}
		}
		if s[18] < '1' || s[18] > '6' {
			return MatterCode{}, codeErr(s, 18, codeRuleMalformed,
				"have %s, want the exercise level digit 1–6 after the credit code", quoteCodeChar(s, 18))
		}
		if err := checkBaseChars(s, 19, 31); err != nil {
			return MatterCode{}, err
		}
		c := newBaseCode(s[19:31])
		c.form = FormImplementation
		c.level = s[18] - '0'
		c.bodyKind = codeBodyCredit
		c.bodyLen = uint8(copy(c.body[:], s[:18]))
		if len(s) == 33 {
			for i := 31; i < 33; i++ {
				if !isCodeDigit(s[i]) {
					return MatterCode{}, codeErr(s, i, codeRuleMalformed,
						"have %s, want a digit of the 2-digit sequence", quoteCodeChar(s, i))
				}
			}
			c.form = FormHandling
			c.seq = (s[31]-'0')*10 + s[32] - '0'
		}
		return c, nil
	}
	want := schema.M("a matter code without hyphens has 12 or 14 (base code), 31 (implementation code) or 33 (handling-item code) characters")
	if len(s) > 33 {
		return MatterCode{}, codeErr(s, 33, codeRuleMalformed, "unexpected character: %s", want)
	}
	return MatterCode{}, codeErr(s, len(s), codeRuleMalformed, "%d characters: %s", len(s), want)
}

// checkBaseChars checks that s[from:to] are digits and upper-case letters,
// as base codes are.
func checkBaseChars(s string, from, to int) *CodeError {
	for i := from; i < to; i++ {
		if !isCodeDigit(s[i]) && !isCodeUpper(s[i]) {
			return codeErr(s, i, codeRuleMalformed,
				"base code has %s, want a digit or an upper-case letter", quoteCodeChar(s, i))
		}
	}
	return nil
}

// checkLocalBase checks that b is a Sichuan local base code: 51, a type
// class 1, 2 or 3, a type character, and 8 or 10 digits. It returns -1, or
// the offset of the first departure and what was expected there.
func checkLocalBase(b string) (off int, msg schema.Msg) {
	for i := 0; i < len(b) && i < 14; i++ {
		c := b[i]
		switch {
		case i == 0 && c != '5', i == 1 && c != '1':
			return i, schema.M("have %s, want 51 (Sichuan) at the start of a local base code", quoteCodeChar(b, i))
		case i == 2 && (c < '1' || c > '3'):
			return i, schema.M("have %s, want the type class 1, 2 or 3 of a local base code", quoteCodeChar(b, i))
		case i == 3 && !isCodeDigit(c) && !isCodeUpper(c):
			return i, schema.M("have %s, want the type letter of a local base code", quoteCodeChar(b, i))
		case i >= 4 && !isCodeDigit(c):
			return i, schema.M("have %s, want a digit of a local base code", quoteCodeChar(b, i))
		}
	}
	switch n := len(b); {
	case n > 14:
		return 14, schema.M("local base code longer than 14 characters")
	case n != 12 && n != 14:
		return n, schema.M("local base code of %d characters, want 12 or 14", n)
	}
	return -1, schema.Msg{}
}

func newBaseCode(b string) MatterCode {
	c := MatterCode{form: FormBase, familiar: true}
	c.baseLen = uint8(copy(c.base[:], b))
	return c
}

// codeSegment is a hyphen-separated part of a code.
type codeSegment struct {
	text     string
	off, end int // byte offsets in the code
}

func codeSegments(s string) []codeSegment {
	var segs []codeSegment
	off := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '-' {
			segs = append(segs, codeSegment{s[off:i], off, i})
			off = i + 1
		}
	}
	return segs
}

func allCodeDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isCodeDigit(s[i]) {
			return false
		}
	}
	return true
}

// sichuan parses Sichuan's hyphenated form.
func (p *matterParser) sichuan() (MatterCode, error) {
	s := p.s
	segs := codeSegments(s)
	c := MatterCode{form: FormSichuan}
	k := 1 // index of the area segment
	if off, msg := checkLocalBase(segs[0].text); off < 0 {
		c.familiar = true
	} else {
		unfamiliar := codeErr(s, off, codeRuleUnfamiliarPrefix, "not a Sichuan local base code: %s", msg)
		if !p.lenient {
			return MatterCode{}, unfamiliar
		}
		for k = 1; k+1 < len(segs); k++ {
			if len(segs[k].text) == 12 && allCodeDigits(segs[k].text) && segs[k+1].text == "000" {
				break
			}
		}
		if k+1 >= len(segs) {
			return p.withoutArea(segs, unfamiliar)
		}
		if err := p.checkPrefix(segs[:k]); err != nil {
			return MatterCode{}, err
		}
		unfamiliar.prefix(schema.M("unfamiliar prefix %s: ", s[:segs[k-1].end]))
		p.warns = append(p.warns, unfamiliar)
	}
	c.baseLen = uint8(copy(c.base[:], s[:segs[k-1].end]))

	area := segs[k]
	for i := area.off; i < area.end && i < area.off+12; i++ {
		if !isCodeDigit(s[i]) {
			return MatterCode{}, codeErr(s, i, codeRuleMalformed,
				"have %s, want a digit of the 12-digit area code", quoteCodeChar(s, i))
		}
	}
	switch n := len(area.text); {
	case n > 12:
		return MatterCode{}, codeErr(s, area.off+12, codeRuleMalformed, "area code longer than 12 digits")
	case n < 12:
		return MatterCode{}, codeErr(s, area.end, codeRuleMalformed,
			"area code of %s digits, want 12", strconv.Itoa(n))
	}
	d, err := parseKnownDivision(area.text)
	if err != nil {
		return MatterCode{}, shiftCodeErr(err.(*CodeError), s, area.off)
	}
	c.area = d

	switch {
	case k+1 >= len(segs):
		return MatterCode{}, codeErr(s, len(s), codeRuleMalformed, "missing -000- after the area code")
	case segs[k+1].text != "000":
		return MatterCode{}, codeErr(s, segs[k+1].off, codeRuleMalformed,
			"have %s, want 000 after the area code", segs[k+1].text)
	case k+2 >= len(segs):
		return MatterCode{}, codeErr(s, len(s), codeRuleMalformed, "missing the implementing body after -000-")
	case k+4 >= len(segs):
		return MatterCode{}, codeErr(s, len(s), codeRuleMalformed, "missing -1-00 or -2-00 after the implementing body")
	}
	n := len(segs)
	if v := segs[n-2]; v.text != "1" && v.text != "2" {
		return MatterCode{}, codeErr(s, v.off, codeRuleMalformed, "have %s, want 1 or 2", v.text)
	}
	if e := segs[n-1]; e.text != "00" {
		return MatterCode{}, codeErr(s, e.off, codeRuleMalformed, "have %s, want 00 at the end", e.text)
	}
	c.variant = segs[n-2].text[0] - '0'
	if err := p.body(&c, segs[k+2].off, segs[n-3].end); err != nil {
		return MatterCode{}, err
	}
	return c, nil
}

// checkPrefix checks an unfamiliar prefix: up to 4 parts of digits and
// upper-case letters, up to 16 characters.
func (p *matterParser) checkPrefix(segs []codeSegment) error {
	s := p.s
	for i, g := range segs {
		if i == 4 {
			return codeErr(s, g.off, codeRuleMalformed, "prefix of more than 4 parts before the area code")
		}
		for j := g.off; j < g.end; j++ {
			if !isCodeDigit(s[j]) && !isCodeUpper(s[j]) {
				return codeErr(s, j, codeRuleMalformed,
					"prefix has %s, want a digit or an upper-case letter", quoteCodeChar(s, j))
			}
		}
	}
	if segs[len(segs)-1].end > maxCodePrefixLen {
		return codeErr(s, maxCodePrefixLen, codeRuleMalformed, "prefix longer than 16 characters before the area code")
	}
	return nil
}

// withoutArea reads a code that has no area segment as a prefix of the form
// G-000007-001 followed by the body, or fails.
func (p *matterParser) withoutArea(segs []codeSegment, unfamiliar *CodeError) (MatterCode, error) {
	s := p.s
	legacy := len(segs) >= 4 && len(segs) <= 5 &&
		codeLenIn(segs[0].text, 1, 2) && allCodeAlnum(segs[0].text) &&
		codeLenIn(segs[1].text, 3, 6) && allCodeDigits(segs[1].text) &&
		codeLenIn(segs[2].text, 3, 5) && allCodeDigits(segs[2].text)
	if !legacy {
		return MatterCode{}, codeErr(s, segs[1].off, codeRuleMalformed,
			"want a 12-digit area code followed by -000- after the prefix")
	}
	c := MatterCode{form: FormSichuan}
	c.baseLen = uint8(copy(c.base[:], s[:segs[2].end]))
	unfamiliar.prefix(schema.M("unfamiliar prefix %s: ", s[:segs[2].end]))
	p.warns = append(p.warns, unfamiliar,
		codeErr(s, segs[3].off, codeRuleMissingArea, "no area code, -000- or ending: read as prefix and body"))
	if err := p.body(&c, segs[3].off, len(s)); err != nil {
		return MatterCode{}, err
	}
	return c, nil
}

func codeLenIn(s string, lo, hi int) bool { return lo <= len(s) && len(s) <= hi }

func allCodeAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isCodeDigit(s[i]) && !isCodeUpper(s[i]) {
			return false
		}
	}
	return true
}

// body reads the implementing body at s[off:end] into c.
func (p *matterParser) body(c *MatterCode, off, end int) error {
	s := p.s
	b := s[off:end]
	_, cerr := ParseCreditCode(b)
	if cerr == nil {
		c.bodyKind = codeBodyCredit
		c.bodyLen = uint8(copy(c.body[:], b))
		return nil
	}
	if len(b) > maxCodeBodyLen {
		return codeErr(s, off+maxCodeBodyLen, codeRuleMalformed, "implementing body longer than 20 characters")
	}
	strict := shiftCodeErr(cerr.(*CodeError), s, off)
	_, oerr := ParseOrgCode(b)
	var w *CodeError
	c.bodyKind = codeBodyOther
	switch {
	case oerr == nil:
		c.bodyKind = codeBodyOrg
		w = codeErr(s, off, codeRuleOrgForCredit,
			"organisation code %s where the implementing body's credit code belongs", b)
		strict = nil
	case len(b) == 18:
		w = shiftCodeErr(cerr.(*CodeError), s, off)
		w.Rule = codeRuleBadBody
		w.prefix(schema.M("body %s: ", b))
	case len(b) == 9 || len(b) == 10 && b[8] == '-':
		w = shiftCodeErr(oerr.(*CodeError), s, off)
		w.Rule = codeRuleBadBody
		w.prefix(schema.M("body %s: ", b))
	default:
		w = codeErr(s, off, codeRuleBadBody,
			"body %s (%s characters) is neither an 18-character credit code nor a 9-character organisation code", b, strconv.Itoa(len(b)))
	}
	if err := p.irregular(w, strict); err != nil {
		return err
	}
	c.bodyLen = uint8(copy(c.body[:], b))
	return nil
}

// IsValid reports whether c is a code rather than the zero MatterCode.
func (c MatterCode) IsValid() bool { return c.form != 0 }

// Form returns the form of c, or 0 for the zero MatterCode.
func (c MatterCode) Form() CodeForm { return c.form }

// String returns the code exactly as it was parsed, or "" for the zero
// MatterCode.
func (c MatterCode) String() string {
	base := string(c.base[:c.baseLen])
	body := string(c.body[:c.bodyLen])
	switch c.form {
	case FormBase:
		return base
	case FormImplementation:
		return body + string('0'+c.level) + base
	case FormHandling:
		return body + string('0'+c.level) + base + string('0'+c.seq/10) + string('0'+c.seq%10)
	case FormSichuan:
		if !c.area.IsValid() {
			return base + "-" + body
		}
		return base + "-" + c.area.Statistical() + "-000-" + body + "-" + string('0'+c.variant) + "-00"
	}
	return ""
}

// Base returns the base code c holds as a code of form [FormBase]: c itself
// for a base code, the last 12 characters of an implementation code, the
// local base code of a Sichuan code. It returns the zero MatterCode when c
// holds none (a Sichuan code with an unfamiliar prefix).
func (c MatterCode) Base() MatterCode {
	if !c.familiar {
		return MatterCode{}
	}
	b := MatterCode{form: FormBase, familiar: true, baseLen: c.baseLen}
	b.base = c.base
	return b
}

// TypeHint returns the matter type the code states, as its Chinese term:
// "行政许可" for Sichuan's type characters 1A, "行政处罚" 1B, "行政强制" 1C,
// "行政征收" 1D, "行政裁决" 1E, "行政确认" 1F, "行政给付" 1G, "行政奖励" 1H,
// "行政检查" 1I, "其他行政权力" 1Z, "公共服务" 2x (2B, 2C, 20, …). It returns ""
// when the code does not say: national base codes, Sichuan's public-security
// items (3A), unfamiliar prefixes and type characters.
func (c MatterCode) TypeHint() string {
	if !c.familiar {
		return ""
	}
	// A local base code starts 51 and has 12 or 14 characters; anything
	// else (a national base code) says no type, and is told apart without
	// building checkLocalBase's message.
	if n := c.baseLen; n != 12 && n != 14 || c.base[0] != '5' || c.base[1] != '1' {
		return ""
	}
	b := string(c.base[:c.baseLen])
	if off, _ := checkLocalBase(b); off >= 0 {
		return ""
	}
	switch b[2] {
	case '1':
		switch b[3] {
		case 'A':
			return "行政许可"
		case 'B':
			return "行政处罚"
		case 'C':
			return "行政强制"
		case 'D':
			return "行政征收"
		case 'E':
			return "行政裁决"
		case 'F':
			return "行政确认"
		case 'G':
			return "行政给付"
		case 'H':
			return "行政奖励"
		case 'I':
			return "行政检查"
		case 'Z':
			return "其他行政权力"
		}
	case '2':
		return "公共服务"
	}
	return ""
}

// Division returns the area of a Sichuan code (511602 for …-511602000000-…),
// or the zero DivisionCode for other forms and Sichuan codes without an
// area. The division of an implementation code's body is
// c.CreditCode().Division().
func (c MatterCode) Division() DivisionCode { return c.area }

// CreditCode returns the implementing body's credit code, or the zero
// CreditCode if c names its body otherwise or not at all.
func (c MatterCode) CreditCode() CreditCode {
	var cc CreditCode
	if c.bodyKind == codeBodyCredit {
		copy(cc.b[:], c.body[:18])
	}
	return cc
}

// OrgCode returns the implementing body's organisation code: the one
// embedded in its credit code, or the one written in its place. It returns
// the zero OrgCode if c names its body otherwise or not at all.
func (c MatterCode) OrgCode() OrgCode {
	var o OrgCode
	switch c.bodyKind {
	case codeBodyCredit:
		copy(o.b[:], c.body[8:17])
	case codeBodyOrg:
		copy(o.b[:], c.body[:8])
		o.b[8] = c.body[c.bodyLen-1]
	}
	return o
}

// BodyText returns the implementing body as written in the code (a credit code,
// an organisation code or whatever stands in their place), or "" for a base
// code.
func (c MatterCode) BodyText() string { return string(c.body[:c.bodyLen]) }

// LevelDigit returns the exercise level digit (行使层级: 1 国家级, 2 省级, 3 市级,
// 4 县级, 5 乡镇级, 6 村(社区)级) of an implementation or handling-item code, or 0
// for other forms.
func (c MatterCode) LevelDigit() int { return int(c.level) }

// Seq returns the sequence number, 0 to 99, of a handling-item code, or -1
// for other forms.
func (c MatterCode) Seq() int {
	if c.form != FormHandling {
		return -1
	}
	return int(c.seq)
}

// Variant returns the digit, 1 or 2, before the final 00 of a Sichuan code,
// or 0 for other forms and Sichuan codes without it. Its meaning is not
// published; on the portal 2 is rare and often on matters whose names end
// in (市级).
func (c MatterCode) Variant() int { return int(c.variant) }

// Compare returns an integer comparing c and d: by form, then base code or
// prefix, area, body, level digit, sequence and variant. The zero MatterCode
// sorts first. Compare(c, d) == 0 exactly when c == d.
func (c MatterCode) Compare(d MatterCode) int {
	return cmp.Or(
		cmp.Compare(c.form, d.form),
		strings.Compare(string(c.base[:c.baseLen]), string(d.base[:d.baseLen])),
		c.area.Compare(d.area),
		strings.Compare(c.BodyText(), d.BodyText()),
		cmp.Compare(c.level, d.level),
		cmp.Compare(c.seq, d.seq),
		cmp.Compare(c.variant, d.variant),
	)
}

// MarshalText implements [encoding.TextMarshaler] with [MatterCode.String].
func (c MatterCode) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] through
// [ParseMatterCodeLenient], dropping its warnings, so that every MatterCode
// that marshals reads back; empty text gives the zero MatterCode. Use the
// parse functions to see or refuse irregular codes.
func (c *MatterCode) UnmarshalText(text []byte) error {
	return schema.UnmarshalOptional(c, text, func(s string) (MatterCode, error) {
		v, _, err := ParseMatterCodeLenient(s)
		return v, err
	})
}
