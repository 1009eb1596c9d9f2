package schema

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Printable returns s for one line of text output: every character that
// would end the line, overwrite it or drive a terminal — C0 controls
// (line feed, carriage return, tab, escape …), DEL, C1 controls — and the
// Unicode format characters that reorder or hide what a reader sees
// (bidirectional controls, zero-width characters) are written as Go
// escapes (\n, \x1b, \u202e); bytes that are not UTF-8 become \xff. Other
// text, Chinese included, is unchanged, so data can neither forge a line
// of output nor send a terminal a command.
func Printable(s string) string {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r, n) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(s[i])|0x100, 16)[1:])
		case unsafeRune(r, n):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func unsafeRune(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n == 1:
		return true
	case r < 0x20, r >= 0x7F && r < 0xA0:
		return true
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0xFEFF, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

// markdownEscaper writes the characters Markdown reads as syntax inline
// with a backslash, and those HTML reads as markup as entities.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `|`, `\|`,
	`<`, `&lt;`, `>`, `&gt;`, `&`, `&amp;`,
)

// Markdown returns s for Markdown text or a table cell: [Printable], then
// HTML's <, > and & as entities (so data cannot inject <script> or any
// other markup), and Markdown's inline syntax (\ ` * _ [ ] |) escaped
// with a backslash, as is a # that starts the text.
func Markdown(s string) string {
	s = markdownEscaper.Replace(Printable(s))
	if strings.HasPrefix(s, "#") {
		s = `\` + s
	}
	return s
}
