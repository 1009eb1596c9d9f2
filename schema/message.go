package schema

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// Lang is a language people read the module's messages in. The zero value
// is [English].
type Lang uint8

const (
	// English is the language of the message keys themselves.
	English Lang = iota
	// Chinese is simplified Chinese (简体中文), as a bureau writes it.
	Chinese
)

// Langs lists the languages every message exists in.
func Langs() []Lang { return []Lang{English, Chinese} }

// String returns "en" or "zh"; it never panics.
func (l Lang) String() string {
	switch l {
	case English:
		return "en"
	case Chinese:
		return "zh"
	}
	return fmt.Sprintf("lang(%d)", uint8(l))
}

// ParseLang reads a language tag or a POSIX locale: "zh", "zh-CN",
// "zh_CN.UTF-8", "zh-Hans" are [Chinese]; "en", "en_US.UTF-8", "C" and
// "POSIX" are [English].
func ParseLang(s string) (Lang, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(t, ".@"); i >= 0 {
		t = t[:i]
	}
	base := t
	if i := strings.IndexAny(t, "_-"); i >= 0 {
		base = t[:i]
	}
	switch base {
	case "zh", "chinese", "中文":
		return Chinese, nil
	case "en", "english", "c", "posix":
		return English, nil
	}
	return English, fmt.Errorf("schema: unknown language %q (want zh or en)", s)
}

// LangFromEnv returns the language of the environment, as the C library
// chooses it: the first of LC_ALL, LC_MESSAGES and LANG that is set
// decides; a zh_* locale is [Chinese], anything else [English].
func LangFromEnv() Lang {
	return langFrom(os.Getenv)
}

func langFrom(getenv func(string) string) Lang {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" {
			l, _ := ParseLang(s)
			return l
		}
	}
	return English
}

// Localizer is a value that reads differently in each language: an
// argument of a message implementing it is written by its Localize method
// rather than by fmt.
type Localizer interface {
	Localize(Lang) string
}

// Msg is a message kept apart from its arguments, so that it is written in
// the language of whoever reads it. Format is the English text, a fmt
// format that is also the message's key in the Chinese table; Args are its
// arguments, which may themselves be [Localizer]s (a Msg is one).
type Msg struct {
	Format string
	Args   []any
}

// M returns the message format with args.
func M(format string, args ...any) Msg { return Msg{Format: format, Args: args} }

// String returns the message in English.
func (m Msg) String() string { return m.Localize(English) }

// Localize returns the message in language l; a message the table lacks is
// written in English.
func (m Msg) Localize(l Lang) string {
	format := m.Format
	if l == Chinese {
		if zh, ok := zhMessages[m.Format]; ok {
			format = zh
		}
	}
	if len(m.Args) == 0 {
		// No arguments: the format is the text ("100%" stays as written).
		return format
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		if loc, ok := a.(Localizer); ok {
			a = loc.Localize(l)
		}
		args[i] = a
	}
	return fmt.Sprintf(format, args...)
}

// HasText reports whether the message table of language l holds format:
// English holds every format (it is its own text); Chinese those of the
// module's table.
func HasText(l Lang, format string) bool {
	if l == English {
		return true
	}
	_, ok := zhMessages[format]
	return ok
}

// Printer writes messages, problems and program texts in one language. A
// nil *Printer writes English.
type Printer struct {
	Lang Lang
}

// NewPrinter returns a printer for language l.
func NewPrinter(l Lang) *Printer { return &Printer{Lang: l} }

func (p *Printer) lang() Lang {
	if p == nil {
		return English
	}
	return p.Lang
}

// Sprintf returns the message format with args in the printer's language.
func (p *Printer) Sprintf(format string, args ...any) string {
	return Msg{format, args}.Localize(p.lang())
}

// Fprintf writes the message format with args in the printer's language.
func (p *Printer) Fprintf(w io.Writer, format string, args ...any) (int, error) {
	return io.WriteString(w, p.Sprintf(format, args...))
}

// Fprintln writes the message format with args and a newline.
func (p *Printer) Fprintln(w io.Writer, format string, args ...any) (int, error) {
	return io.WriteString(w, p.Sprintf(format, args...)+"\n")
}

// Problem returns pr in the compiler convention of [Problem.Error], with
// the severity and message in the printer's language; rule and path stay
// as they are, since programs and tests match on them.
func (p *Printer) Problem(pr *Problem) string { return pr.format(p.lang()) }

// List writes every problem of l on a line of its own.
func (p *Printer) List(w io.Writer, l List) error {
	var b strings.Builder
	for _, pr := range l {
		b.WriteString(p.Problem(pr))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Localize returns the severity's word in l: error/warning, 错误/警告.
func (s Severity) Localize(l Lang) string {
	if l == Chinese {
		switch s {
		case Error:
			return "错误"
		case Warning:
			return "警告"
		}
	}
	return s.String()
}

// Text returns the problem's message in language l. A problem made by
// [Errorf] or [Warningf] keeps its format and arguments and is written
// from the message table; one built with a Message only is written as it
// is.
func (p *Problem) Text(l Lang) string {
	if p.Msg.Format == "" || l == English && p.Message != "" {
		return p.Message
	}
	return p.Msg.Localize(l)
}

// ReadCause returns err, why a file could not be read, as an argument of a
// message that a reader of each language reads: a missing file or a
// refused permission is said in that language, any other error is quoted.
func ReadCause(err error) Localizer { return cause{err: err} }

// CSVCause returns err, why a row is not CSV (the Err of a
// *csv.ParseError), as an argument of a message that a reader of each
// language reads: the errors of encoding/csv and those that are
// Localizers are said in that language, any other error is quoted. A
// *csv.ParseError is said by its cause, since a problem gives the position.
func CSVCause(err error) Localizer { return cause{err: err, csv: true} }

// cause is an error as the argument of a message, said as it is in
// English: why a document could not be read or, with csv, why a row is
// not CSV.
type cause struct {
	err error
	csv bool
}

func (c cause) String() string { return c.err.Error() }

func (c cause) Localize(l Lang) string {
	switch {
	case l == English:
		return c.err.Error()
	case c.csv:
		return csvText(c.err, l)
	}
	path := ""
	var pe *fs.PathError
	if errors.As(c.err, &pe) {
		path = pe.Path
	}
	switch {
	case path != "" && errors.Is(c.err, fs.ErrNotExist):
		return M("file %s does not exist", path).Localize(l)
	case path != "" && errors.Is(c.err, fs.ErrPermission):
		return M("no permission to read %s", path).Localize(l)
	}
	return M("cannot read: %v", c.err).Localize(l)
}

// csvText says err, why a row is not CSV, in l.
func csvText(err error, l Lang) string {
	// The problem gives the row's position: the cause alone is said.
	var pe *csv.ParseError
	if errors.As(err, &pe) && pe.Err != nil {
		return csvText(pe.Err, l)
	}
	var loc Localizer
	switch {
	case errors.As(err, &loc):
		return loc.Localize(l)
	case errors.Is(err, csv.ErrBareQuote):
		return M("a quote mark (\") inside a cell that does not start with one").Localize(l)
	case errors.Is(err, csv.ErrQuote):
		return M("a quote mark (\") too many or missing in a quoted cell").Localize(l)
	case errors.Is(err, csv.ErrFieldCount):
		return M("the row has the wrong number of cells").Localize(l)
	}
	return err.Error()
}
