package schema

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Severity says how bad a [Problem] is. The zero value is [Error].
type Severity int

const (
	// Error makes a document invalid: [List.Err] returns non-nil.
	Error Severity = iota
	// Warning is worth fixing but does not make a document invalid.
	Warning
)

// String returns "error" or "warning"; it never panics.
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "severity(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText writes the severity as "error" or "warning".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads "error" or "warning".
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "error":
		*s = Error
	case "warning":
		*s = Warning
	default:
		return fmt.Errorf("schema: unknown severity %q", b)
	}
	return nil
}

// Pos is a position in a text document. Line and Col count from 1; Col
// counts Unicode characters (runes), as editors do. The zero value means
// "no position" (the input was not text, or the problem concerns the whole
// document).
type Pos struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Col    int    `json:"col,omitempty"`
	Offset int    `json:"-"` // byte offset, for callers that slice the input
}

// IsValid reports whether p has a line number.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String formats p as "file:line:col", omitting what is unknown.
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.IsValid() {
		if b.Len() > 0 {
			b.WriteByte(':')
		}
		b.WriteString(strconv.Itoa(p.Line))
		if p.Col > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(p.Col))
		}
	}
	if b.Len() == 0 {
		return "-"
	}
	return b.String()
}

// Rule identifies the check that found a problem. Rule identifiers are
// stable: tests and callers may match on them. They are dotted, lower-case,
// hyphenated words: "schema.required", "matter.promised-exceeds-legal".
type Rule string

// Problem is one finding of any check in the module: JSON Schema, semantic
// rules, consistency of a bulletin, code parsing. It is an error.
type Problem struct {
	Path     Path     `json:"path"`
	Pos      Pos      `json:"pos"`
	Rule     Rule     `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"` // in English
	// Msg is the message kept apart from its arguments, for [Problem.Text]
	// to write it in another language; empty when the problem has only a
	// Message.
	Msg Msg `json:"-"`
	// Err is the underlying error, if any, reachable through errors.Is/As.
	Err error `json:"-"`
}

// Error formats the problem in the compiler convention editors parse:
//
//	file:line:col: severity: /json/pointer: message [rule]
func (p *Problem) Error() string { return p.format(English) }

func (p *Problem) format(l Lang) string {
	var b strings.Builder
	if p.Pos.IsValid() || p.Pos.File != "" {
		b.WriteString(Printable(p.Pos.String()))
		b.WriteString(": ")
	}
	b.WriteString(p.Severity.Localize(l))
	b.WriteString(": ")
	if !p.Path.IsRoot() {
		b.WriteString(Printable(p.Path.String()))
		b.WriteString(": ")
	}
	// One problem, one line: data quoted in a message cannot add lines
	// or drive the terminal.
	b.WriteString(Printable(p.Text(l)))
	if p.Rule != "" {
		b.WriteString(" [")
		b.WriteString(string(p.Rule))
		b.WriteString("]")
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (p *Problem) Unwrap() error { return p.Err }

// Is reports whether target is a *Problem with the same rule, so that
// errors.Is(err, &schema.Problem{Rule: "schema.required"}) finds a problem
// of that rule anywhere in an error chain.
func (p *Problem) Is(target error) bool {
	t, ok := target.(*Problem)
	return ok && t.Rule != "" && t.Rule == p.Rule && t.Path.IsRoot() && t.Message == ""
}

// Errorf returns a problem of severity [Error].
func Errorf(path Path, pos Pos, rule Rule, format string, args ...any) *Problem {
	return &Problem{Path: path, Pos: pos, Rule: rule, Severity: Error, Message: fmt.Sprintf(format, args...), Msg: Msg{format, args}}
}

// Warningf returns a problem of severity [Warning].
func Warningf(path Path, pos Pos, rule Rule, format string, args ...any) *Problem {
	return &Problem{Path: path, Pos: pos, Rule: rule, Severity: Warning, Message: fmt.Sprintf(format, args...), Msg: Msg{format, args}}
}

// List is a list of problems. The zero value is an empty list ready to use.
// A List is an error: it prints its first problem and how many follow. Use
// [List.Err] to get nil when the list holds no error.
type List []*Problem

// Add appends a problem.
func (l *List) Add(p *Problem) { *l = append(*l, p) }

// Errorf appends a problem of severity [Error].
func (l *List) Errorf(path Path, pos Pos, rule Rule, format string, args ...any) {
	l.Add(Errorf(path, pos, rule, format, args...))
}

// Warningf appends a problem of severity [Warning].
func (l *List) Warningf(path Path, pos Pos, rule Rule, format string, args ...any) {
	l.Add(Warningf(path, pos, rule, format, args...))
}

// Append appends all problems of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Len returns the number of problems.
func (l List) Len() int { return len(l) }

// Compare orders problems by file, line, column, path, rule, severity and
// message; problems without a line sort after those with one.
func Compare(a, b *Problem) int {
	if a.Pos.IsValid() != b.Pos.IsValid() {
		if a.Pos.IsValid() {
			return -1
		}
		return 1
	}
	if c := cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Col, b.Pos.Col)); c != 0 {
		return c
	}
	// The path only between problems at one place: comparing paths costs
	// more.
	if c := a.Path.Compare(b.Path); c != 0 {
		return c
	}
	return cmp.Or(cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Severity, b.Severity), cmp.Compare(a.Message, b.Message))
}

// Sort sorts the list deterministically (see [Compare]).
func (l List) Sort() { slices.SortStableFunc(l, Compare) }

// Dedupe sorts the list and removes problems equal in position, path, rule,
// severity and message.
func (l *List) Dedupe() {
	l.Sort()
	*l = slices.CompactFunc(*l, func(a, b *Problem) bool { return Compare(a, b) == 0 })
}

// HasErrors reports whether any problem has severity [Error].
func (l List) HasErrors() bool {
	for _, p := range l {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of problems of severity s.
func (l List) Count(s Severity) int {
	n := 0
	for _, p := range l {
		if p.Severity == s {
			n++
		}
	}
	return n
}

// Err returns l as an error when it holds at least one problem of severity
// [Error], and nil otherwise (a list of warnings is not an error).
func (l List) Err() error {
	if l.HasErrors() {
		return l
	}
	return nil
}

// Error prints the first error (or the first problem) and how many follow.
func (l List) Error() string {
	switch len(l) {
	case 0:
		return "no problems"
	case 1:
		return l[0].Error()
	}
	first := l[0]
	for _, p := range l {
		if p.Severity == Error {
			first = p
			break
		}
	}
	return fmt.Sprintf("%s (and %d more problems)", first, len(l)-1)
}

// Unwrap returns the problems, so errors.Is and errors.As look through the
// list.
func (l List) Unwrap() []error {
	errs := make([]error, len(l))
	for i, p := range l {
		errs[i] = p
	}
	return errs
}

// Rules returns the distinct rules in the list, sorted.
func (l List) Rules() []Rule {
	var r []Rule
	for _, p := range l {
		r = append(r, p.Rule)
	}
	slices.Sort(r)
	return slices.Compact(r)
}

// Problems returns the *Problem values of err: err itself if it is a
// *Problem, the problems of a [List], and those found by unwrapping. It
// returns nil when err holds none.
func Problems(err error) List {
	if err == nil {
		return nil
	}
	var l List
	if errors.As(err, &l) {
		return l
	}
	var p *Problem
	if errors.As(err, &p) {
		return List{p}
	}
	return nil
}
