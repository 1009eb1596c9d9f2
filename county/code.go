package county

import (
	"errors"
	"fmt"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
)

// Code is an administrative division code. It is [matters.DivisionCode],
// the module's one division code type, held in its canonical form, the
// 12-digit statistical code (统计用区划代码): province (2 digits), city (2),
// county (2), township (3), village (3). The 6-digit GB/T 2260 code and the
// 9-digit township code are the same code with the trailing zero groups
// dropped, so 510921 ≡ 510921000000 and 510921001 ≡ 510921001000; [ParseCode]
// reads all three forms and String writes the shortest one that keeps every
// non-zero group.
//
// A code is read as well-formed or not, not as known: a made-up province
// (99 in a test fixture) is a code; IsKnown tells a GB/T 2260 province.
// Codes are comparable with ==. The zero Code is not a valid code; it
// stands for "no code", as for a 园区, which has none.
type Code = matters.DivisionCode

// ParseCode reads a division code of 6, 9 or 12 decimal digits through
// [matters.ParseDivisionCode]. It rejects codes whose province group is 00
// and codes where a zero group is followed by a non-zero one (510021,
// 510921000001), which no division has, except a township directly under
// a city (441900003).
func ParseCode(s string) (Code, error) {
	c, err := parseCode(s)
	if err != nil {
		return Code{}, codeError{fmt.Errorf("county: code %q is malformed: %w", s, err)}
	}
	return c, nil
}

// codeError is a malformed code; reading a document reports it under
// [RuleMalformedCode].
type codeError struct{ error }

func (e codeError) Unwrap() error { return e.error }

func (codeError) Rule() schema.Rule { return RuleMalformedCode }

// MustParseCode is like [ParseCode] but panics on a malformed code. It is
// meant for constants in programs and tests.
func MustParseCode(s string) Code {
	c, err := ParseCode(s)
	if err != nil {
		panic(err)
	}
	return c
}

// levelOf returns the level a code stands at, from its last non-zero
// group; the levels of county and matters are numbered alike.
func levelOf(c Code) Level { return Level(c.Level()) }

// parseCode is [matters.ParseDivisionCode] with an error that says only
// what is wrong, for messages that quote the code themselves.
func parseCode(s string) (Code, error) {
	c, err := matters.ParseDivisionCode(s)
	var ce *matters.CodeError
	if errors.As(err, &ce) {
		return Code{}, errors.New(ce.Msg)
	}
	return c, err
}
