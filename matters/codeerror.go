package matters

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zwfw/zwfw/schema"
)

// CodeError describes a code that could not be read, or, as a warning from
// [ParseMatterCodeLenient], a known irregularity in a code that could be.
//
// Pos is the 1-based position, in characters, where the code departs from
// its form; a position one past the end means characters are missing. Rule
// is a stable identifier callers may match on and turn into a
// [schema.Problem]; Msg says what was found and what was expected.
//
// Rules of errors:
//
//   - code.malformed: a character, a separator or the length is wrong.
//   - code.check-character: a check character does not match the rest.
//   - code.unknown-province: a division code names no GB/T 2260 province.
//
// Rules of irregularities (warnings from [ParseMatterCodeLenient], errors
// from [ParseMatterCode]):
//
//   - code.org-code-for-credit-code: a 9-character organisation code
//     stands where the implementing body's credit code belongs.
//   - code.bad-body: the body is neither a valid credit code nor a valid
//     organisation code (a wrong check character, a lost character, a
//     placeholder such as 2222222222222).
//   - code.unfamiliar-prefix: a Sichuan code starts with something other
//     than a Sichuan local base code, e.g. G-000007-001.
//   - code.missing-area: a Sichuan code has no area segment and no
//     -1-00 ending, e.g. E-000004-001-11511301008778386B.
type CodeError struct {
	Code string      // the code as given
	Pos  int         // 1-based character position; 0 if the whole code is concerned
	Rule schema.Rule // stable identifier, e.g. "code.check-character"
	Msg  string      // what was found and what was expected, in English

	text schema.Msg // Msg kept apart from its arguments, for other languages
}

// Error formats the error as
//
//	matters: "11310000MB2F30661Z": character 18: credit code check character is Z, want Y
func (e *CodeError) Error() string {
	return "matters: " + quoteCode(e.Code) + ": " + codePositionText(e.Pos) + e.Msg
}

// codeErr returns a CodeError located at byte offset off of s.
func codeErr(s string, off int, rule schema.Rule, format string, args ...any) *CodeError {
	if off > len(s) {
		off = len(s)
	}
	text := schema.M(format, args...)
	return &CodeError{Code: s, Pos: utf8.RuneCountInString(s[:off]) + 1, Rule: rule, Msg: text.String(), text: text}
}

// codeText returns the message of a code error as the Error method writes
// it, without the package name, kept apart from its arguments.
func codeText(err error) schema.Msg {
	var e *CodeError
	if !errors.As(err, &e) {
		return schema.M("%s", strings.TrimPrefix(err.Error(), "matters: "))
	}
	position, text := e.parts()
	return schema.M("%s: %s%s", quoteCode(e.Code), position, text)
}

// parts returns the position ("character 18: ", or nothing when the
// whole code is concerned) and the message of e, for the messages that
// name the code.
func (e *CodeError) parts() (position, text schema.Msg) {
	text = e.text
	if text.Format == "" {
		text = schema.M("%s", e.Msg)
	}
	position = schema.M("")
	if e.Pos > 0 {
		position = schema.M("character %d: ", e.Pos)
	}
	return position, text
}

// prefix puts p before the error's message.
func (e *CodeError) prefix(p schema.Msg) {
	e.text = schema.M("%s%s", p, e.text)
	e.Msg = e.text.String()
}

// quoteCodeChar formats the character at byte offset off of s for a message.
func quoteCodeChar(s string, off int) string {
	r, n := utf8.DecodeRuneInString(s[off:])
	if r == utf8.RuneError && n <= 1 {
		return "byte " + strconv.QuoteToASCII(s[off:off+1])
	}
	return strconv.QuoteRune(r)
}

// shiftCodeErr moves an error found in a part of a code that starts at byte offset
// off to the whole code s.
func shiftCodeErr(e *CodeError, s string, off int) *CodeError {
	c := *e
	c.Code = s
	c.Pos += utf8.RuneCountInString(s[:off])
	return &c
}

func isCodeDigit(c byte) bool { return '0' <= c && c <= '9' }
func isCodeUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isCodeLower(c byte) bool { return 'a' <= c && c <= 'z' }

// AsProblem returns e as a [schema.Problem] of severity sev at path, for a
// code whose first character is at pos: the problem's column and offset
// are moved to the character e points at. A pos without a line stays as it
// is. The problem wraps e.
func (e *CodeError) AsProblem(path schema.Path, pos schema.Pos, sev schema.Severity) *schema.Problem {
	if pos.IsValid() && pos.Col > 0 && e.Pos > 1 {
		pos.Col += e.Pos - 1
		pos.Offset += codeByteOffset(e.Code, e.Pos-1)
	}
	position, text := e.parts()
	p := schema.Errorf(path, pos, e.Rule, "code %s: %s%s", quoteCode(e.Code), position, text)
	p.Severity = sev
	p.Err = e
	return p
}

// codeByteOffset returns the byte offset of character n (from 0) of s, or
// len(s) if s is shorter.
func codeByteOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

func codePositionText(pos int) string {
	if pos > 0 {
		return "character " + strconv.Itoa(pos) + ": "
	}
	return ""
}

// quoteCode quotes code for a message, cut to 80 characters.
func quoteCode(code string) string {
	if cut := codeByteOffset(code, 80); cut < len(code) {
		code = code[:cut] + "…"
	}
	return strconv.Quote(code)
}
