// Package cli holds what the example programs share on the command line:
// their entry point, the language of what they print (-lang, or
// LANG/LC_ALL), help texts in that language, flags read through the
// library's parsers, the files they are given, and progress on standard
// error.
package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/zwfw/zwfw/county"
	"github.com/zwfw/zwfw/examples/data"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/workbook"
	"github.com/zwfw/zwfw/schema"
)

// Main runs a program's entry point on the process's arguments and
// standard streams, and exits with the code it returns. A program's main
// calls it; its tests call run itself.
func Main(run func(args []string, stdout, stderr io.Writer) int) {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// Lang returns the language a program run with args speaks: the value of
// -lang when args hold one, else that of the environment. It reads args
// before flag parsing, so that the help printed for -h is already in the
// chosen language.
func Lang(args []string) schema.Lang {
	for i, a := range args {
		if a == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
		}
		if l, err := schema.ParseLang(value); err == nil {
			return l
		}
	}
	return schema.LangFromEnv()
}

// Program is a command-line program's flag set and printer.
type Program struct {
	Flags *flag.FlagSet
	P     *schema.Printer
	lang  string
}

// New returns a program named name whose flags report to stderr and whose
// help shows synopsis in the language args and the environment choose: a
// string is a line of command syntax, written after the program's name; a
// [schema.Msg] a line of prose, translated. It defines -lang.
func New(name string, args []string, stderr io.Writer, synopsis ...any) *Program {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(stderr)
	p := &Program{Flags: fl, P: schema.NewPrinter(Lang(args))}
	fl.StringVar(&p.lang, "lang", "", "language of messages: `zh` or en (default: from LC_ALL, LC_MESSAGES or LANG)")
	fl.Usage = func() {
		usage := p.P.Sprintf("usage:")
		for i, s := range synopsis {
			switch s := s.(type) {
			case string:
				prefix := strings.Repeat(" ", width(usage)+1)
				if i == 0 {
					prefix = usage + " "
				}
				fmt.Fprintln(stderr, prefix+name+" "+s)
			case schema.Msg:
				fmt.Fprintln(stderr, s.Localize(p.P.Lang))
			}
		}
		p.PrintDefaults(stderr)
	}
	return p
}

// width is the number of columns s takes on a terminal: two for a wide
// (CJK) character, one for others.
func width(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x1100 && (r <= 0x115F || r >= 0x2E80 && r <= 0xA4CF || r >= 0xAC00 && r <= 0xD7A3 || r >= 0xF900 && r <= 0xFAFF || r >= 0xFF00 && r <= 0xFF60) {
			n++
		}
	}
	return n
}

// Parse parses args; on a bad -lang it reports a usage error.
func (p *Program) Parse(args []string) error {
	if err := p.Flags.Parse(args); err != nil {
		return err
	}
	if p.lang != "" {
		l, err := schema.ParseLang(p.lang)
		if err != nil {
			p.Usagef("unknown language %q (want zh or en)", p.lang)
			return err
		}
		p.P.Lang = l
	}
	return nil
}

// Usagef prints a message in the program's language, prefixed with its
// name, and the help.
func (p *Program) Usagef(format string, args ...any) {
	fmt.Fprintln(p.Flags.Output(), p.Flags.Name()+": "+p.P.Sprintf(format, args...))
	p.Flags.Usage()
}

// PrintDefaults writes each flag with its usage text and default value in
// the program's language, in the layout of flag.PrintDefaults.
func (p *Program) PrintDefaults(w io.Writer) {
	var b strings.Builder
	p.Flags.VisitAll(func(f *flag.Flag) {
		usage := p.P.Sprintf(f.Usage)
		fmt.Fprintf(&b, "  -%s", f.Name)
		name, usage := flag.UnquoteUsage(&flag.Flag{Name: f.Name, Usage: usage, Value: f.Value, DefValue: f.DefValue})
		if name != "" {
			b.WriteString(" " + name)
		}
		if len(f.Name)+len(name) <= 2 {
			b.WriteString("\t")
		} else {
			b.WriteString("\n    \t")
		}
		b.WriteString(strings.ReplaceAll(usage, "\n", "\n    \t"))
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.DefValue != "[]" {
			b.WriteString(p.P.Sprintf(" (default %q)", f.DefValue))
		}
		b.WriteString("\n")
	})
	io.WriteString(w, b.String())
}

// Parsed returns the function of a flag given with [flag.FlagSet.Func]
// that reads the flag's text through parse and hands the value to set. A
// parse error is reported without the name of the package it comes from,
// after the flag's name.
func Parsed[T any](parse func(string) (T, error), set func(T)) func(string) error {
	return func(s string) error {
		v, err := parse(s)
		if err != nil {
			return errors.New(Bare(err))
		}
		set(v)
		return nil
	}
}

// Files is a repeatable flag of file names, each use adding one.
type Files []string

func (f *Files) String() string     { return strings.Join(*f, ",") }
func (f *Files) Set(s string) error { *f = append(*f, s); return nil }

// Bare returns the message of err without the package name it starts with
// ("reform: "), for a program that names itself.
func Bare(err error) string {
	msg := err.Error()
	pkg, rest, ok := strings.Cut(msg, ": ")
	if !ok || pkg == "" || strings.Trim(pkg, "abcdefghijklmnopqrstuvwxyz") != "" {
		return msg
	}
	return rest
}

// LoadCatalogue reads the catalogue in the file name with every problem,
// warnings included: a workbook (.xlsx), or a document or a spreadsheet
// (CSV) as package matters tells them apart; "-" is standard input and
// "" the embedded sample catalogue ([data.Catalogue]).
func LoadCatalogue(name string) (*matters.Catalogue, schema.List) {
	var probs schema.List
	var cat *matters.Catalogue
	switch {
	case name == "":
		return Embedded(data.Catalogue)
	case IsWorkbook(name):
		cat, _ = workbook.ReadFile(name, schema.Collect(&probs))
	case name == "-":
		cat, _ = matters.Load(os.Stdin, "<stdin>", schema.Collect(&probs))
	default:
		cat, _ = matters.LoadFile(name, schema.Collect(&probs))
	}
	return cat, probs
}

// Embedded reads the embedded catalogue name (package
// examples/data) with every problem, warnings included.
func Embedded(name string) (*matters.Catalogue, schema.List) {
	var probs schema.List
	cat, _ := matters.LoadFS(data.FS, name, schema.Collect(&probs))
	return cat, probs
}

// Open opens the file name for reading: "-" is standard input and "" the
// embedded sample catalogue ([data.Catalogue]). It returns the name to
// report the file by: <stdin>, the embedded file's or name.
func Open(name string) (r io.ReadCloser, file string, err error) {
	switch name {
	case "":
		r, err = data.FS.Open(data.Catalogue)
		return r, data.Catalogue, err
	case "-":
		return io.NopCloser(os.Stdin), "<stdin>", nil
	}
	r, err = os.Open(name)
	return r, name, err
}

// Size returns the size of what Open returned, when it is a regular file
// (or an embedded one), else 0: a decoder told it sizes its index at once
// (matters.DecodeOptions.Size).
func Size(r io.Reader) int64 {
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size()
		}
	}
	return 0
}

// IsWorkbook reports whether the file name is a workbook (.xlsx), which
// package matters/workbook reads.
func IsWorkbook(name string) bool { return strings.EqualFold(filepath.Ext(name), ".xlsx") }

// WriteJSON writes v to w as indented JSON, with <, > and & as they are
// (the output is read by people and programs, not put into HTML).
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// SameFile reports whether two names are one file.
func SameFile(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// NameDivision gives a catalogue read from file that names no division (a
// spreadsheet has only codes) the name package county knows for its code,
// and says so on the program's standard error: figures are looked up by
// the unit's name.
func (p *Program) NameDivision(d *matters.Division, file string) {
	if d.Name != "" || d.Code == "" {
		return
	}
	code, err := county.ParseCode(d.Code)
	if err != nil {
		return
	}
	if name, ok := county.Name(code); ok {
		d.Name = name
		fmt.Fprintln(p.Flags.Output(), p.Flags.Name()+": "+p.P.Sprintf("%s: note: the catalogue names no division; %s is %s", file, d.Code, name))
	}
}

// IsTerminal reports whether w is a terminal (a character device), where
// progress is worth showing.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// Progress writes how far long work has come — records read, rate,
// elapsed time — on one line of w that it rewrites, at most every
// interval. Its Update method fits the progress hooks of the library. A
// nil *Progress does nothing.
type Progress struct {
	w        io.Writer
	p        *schema.Printer
	what     schema.Msg // "%d matters read"
	start    time.Time
	last     time.Time
	interval time.Duration
	shown    bool
}

// NewProgress returns a progress line on w for records counted by what (a
// message whose format takes the count, such as "%d matters read"), or nil
// when quiet is set or w is not a terminal.
func NewProgress(w io.Writer, p *schema.Printer, what schema.Msg, quiet bool) *Progress {
	if quiet || !IsTerminal(w) {
		return nil
	}
	return newProgress(w, p, what)
}

func newProgress(w io.Writer, p *schema.Printer, what schema.Msg) *Progress {
	now := time.Now()
	return &Progress{w: w, p: p, what: what, start: now, last: now, interval: 200 * time.Millisecond}
}

// Update shows that n records have been read.
func (pr *Progress) Update(n int64) {
	if pr == nil {
		return
	}
	now := time.Now()
	if now.Sub(pr.last) < pr.interval {
		return
	}
	pr.last = now
	pr.show(n, now)
}

func (pr *Progress) show(n int64, now time.Time) {
	elapsed := now.Sub(pr.start)
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(n) / s
	}
	fmt.Fprintf(pr.w, "\r%s", pr.p.Sprintf("%s, %.0f/s, %s elapsed", pr.p.Sprintf(pr.what.Format, append(slices.Clip(pr.what.Args), n)...), rate, elapsed.Round(100*time.Millisecond)))
	pr.shown = true
}

// Done shows the final count and ends the line.
func (pr *Progress) Done(n int64) {
	if pr == nil {
		return
	}
	pr.show(n, time.Now())
	fmt.Fprintln(pr.w)
}
