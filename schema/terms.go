package schema

import (
	"fmt"
	"strconv"
	"strings"
)

// Terms is the table behind an enumerated type of the module: a small
// unsigned type whose values 1, 2, … are written as the terms List[0],
// List[1], … (事项类型 行政许可, 行政处罚, …), or whose values 0, 1, … are
// ([Terms.FromZero]). Packages matters, county,
// reform and report declare their enumerations with it, so that every
// enumeration reads, writes and reports an unknown term in the same way.
// A Terms is not changed once declared.
type Terms struct {
	Pkg  string // the package, which starts every error: "matters"
	Name string // what a value is, for errors: "事项类型", "level"
	// Type names the Go type, as "county.Level": String writes a value
	// that is no term, the zero value included, as "county.Level(7)". When
	// Type is empty, the zero value means "not stated" and is written as
	// "", and a value out of range as Name(7).
	Type string
	List []string // the terms, in the order of the values
	// FromZero makes the values count from 0, for a type whose zero value
	// is one of its values: 0 is List[0].
	FromZero bool
	// Codes lists the national codes of each value ("01" for 行政许可), read
	// as well as the term, with or without leading zeros ("01" and "1").
	Codes [][]string
	// Aliases maps other spellings platforms write to a term.
	Aliases map[string]string
}

// termWidth turns the full-width brackets platforms write (村（社区）级)
// into the half-width ones of the terms.
var termWidth = strings.NewReplacer("（", "(", "）", ")")

// first returns the value of List[0].
func (t *Terms) first() uint8 {
	if t.FromZero {
		return 0
	}
	return 1
}

// Valid reports whether v has a term.
func (t *Terms) Valid(v uint8) bool { return v >= t.first() && int(v-t.first()) < len(t.List) }

// Term returns the term of v, for the String method of the type; it
// never panics (see [Terms.Type] for a value that is no term).
func (t *Terms) Term(v uint8) string {
	switch {
	case t.Valid(v):
		return t.List[v-t.first()]
	case t.Type != "":
		return t.Type + "(" + strconv.Itoa(int(v)) + ")"
	case v == 0:
		return ""
	}
	return t.Name + "(" + strconv.Itoa(int(v)) + ")"
}

// Parse returns the value of the term s, of one of its aliases or of one
// of its national codes; full-width brackets are read as half-width ones.
func (t *Terms) Parse(s string) (uint8, error) {
	if strings.ContainsAny(s, "（）") {
		s = termWidth.Replace(s)
	}
	if a, ok := t.Aliases[s]; ok {
		s = a
	}
	for i, term := range t.List {
		if s == term {
			return uint8(i) + t.first(), nil
		}
	}
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		trimmed := strings.TrimLeft(s, "0")
		for i, cs := range t.Codes {
			for _, c := range cs {
				if s == c || trimmed == strings.TrimLeft(c, "0") && trimmed != "" {
					return uint8(i) + t.first(), nil
				}
			}
		}
	}
	return 0, fmt.Errorf("%s: %q is not a %s (want one of %s)", t.Pkg, s, t.Name, strings.Join(t.List, ", "))
}

// Marshal returns the term of v as text, for the MarshalText method of the
// type; it fails for a value that is no term.
func (t *Terms) Marshal(v uint8) ([]byte, error) {
	if !t.Valid(v) {
		return nil, fmt.Errorf("%s: invalid %s value %d", t.Pkg, t.Name, v)
	}
	return []byte(t.List[v-t.first()]), nil
}

// Code returns the first national code of v, or "".
func (t *Terms) Code(v uint8) string {
	if !t.Valid(v) || len(t.Codes) <= int(v-t.first()) || len(t.Codes[v-t.first()]) == 0 {
		return ""
	}
	return t.Codes[v-t.first()][0]
}

// Values returns every value of the enumerated type T that t is the table
// of, in order: what the type's All… function lists.
func Values[T ~uint8](t *Terms) []T {
	out := make([]T, len(t.List))
	for i := range out {
		out[i] = T(uint8(i) + t.first())
	}
	return out
}

// UnmarshalText is the UnmarshalText method of a type read by a parse
// function, as [net/netip.Addr]'s goes through ParseAddr: it sets *p to
// what parse reads from text, and leaves *p as it was when parse fails.
func UnmarshalText[T any](p *T, text []byte, parse func(string) (T, error)) error {
	v, err := parse(string(text))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// UnmarshalOptional is [UnmarshalText] for a type whose zero value is
// written as empty text (a code or a date not stated): empty text sets the
// zero value.
func UnmarshalOptional[T any](p *T, text []byte, parse func(string) (T, error)) error {
	if len(text) == 0 {
		var zero T
		*p = zero
		return nil
	}
	return UnmarshalText(p, text, parse)
}

// Must returns v, and panics with err when it is not nil: the MustParse…
// functions of the module's value types, for constants in programs and
// tests, are Must(Parse…(s)).
func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
