package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A template is text with placeholders in braces naming figures:
// "共下放乡镇(街道)事项{delegated},促进…". A name is a letter or "_"
// followed by letters, digits or "_". "{{" and "}}" stand for literal
// braces.

// segment is a run of literal text, or a placeholder when name is set.
type segment struct {
	lit  string
	name string
	off  int // byte offset of the segment in the template
}

// templateError is a malformed template, with the byte offset of the fault.
type templateError struct {
	off int
	msg string
}

func (e *templateError) Error() string { return e.msg }

// parseTemplate splits a template into literal runs and placeholders.
func parseTemplate(s string) ([]segment, error) {
	var segs []segment
	var lit strings.Builder
	litOff := 0
	flush := func(next int) {
		if lit.Len() > 0 {
			segs = append(segs, segment{lit: lit.String(), off: litOff})
			lit.Reset()
		}
		litOff = next
	}
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '{' && i+1 < len(s) && s[i+1] == '{':
			lit.WriteByte('{')
			i += 2
		case c == '}' && i+1 < len(s) && s[i+1] == '}':
			lit.WriteByte('}')
			i += 2
		case c == '}':
			return nil, &templateError{i, "unmatched \"}\" (write \"}}\" for a literal brace)"}
		case c == '{':
			end := strings.IndexByte(s[i+1:], '}')
			if end < 0 {
				return nil, &templateError{i, "unterminated placeholder (write \"{{\" for a literal brace)"}
			}
			name := s[i+1 : i+1+end]
			if !isName(name) {
				return nil, &templateError{i, fmt.Sprintf("%q is not a figure name (a letter or _ followed by letters, digits or _)", name)}
			}
			flush(i)
			segs = append(segs, segment{name: name, off: i})
			i += end + 2
			litOff = i
		default:
			lit.WriteByte(c)
			i++
		}
	}
	flush(len(s))
	return segs, nil
}

func isName(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || unicode.IsLetter(r):
		case i > 0 && unicode.IsDigit(r):
		default:
			return false
		}
	}
	return true
}

// expand renders a template, writing each figure with f. It reports the
// first placeholder it cannot fill.
func expand(tmpl string, fig func(name string) (string, bool)) (string, error) {
	segs, err := parseTemplate(tmpl)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, s := range segs {
		if s.name == "" {
			b.WriteString(s.lit)
			continue
		}
		v, ok := fig(s.name)
		if !ok {
			return "", &templateError{s.off, fmt.Sprintf("no figure named %q", s.name)}
		}
		b.WriteString(v)
	}
	return b.String(), nil
}
