package schema

import (
	"bytes"
	"io"
	"io/fs"
	"os"
)

// RuleRead is reported when a document cannot be read at all: the file
// does not open or the reader fails (a document too large is
// [RuleTooLarge], located where the limit is passed).
const RuleRead Rule = "document.read"

// Option adjusts a function that reads a document.
type Option struct{ collect *List }

// Collect makes a reading function add every problem it finds to *l,
// warnings included, whether or not the document has errors: what a tool
// that prints warnings asks for.
func Collect(l *List) Option { return Option{collect: l} }

// Result is what a reading function returns for the problems it found: an
// error that is nil when none is an error (warnings alone are not errors),
// and otherwise probs itself. It hands probs to the [Collect] options.
func Result(probs List, opts ...Option) error {
	for _, o := range opts {
		if o.collect != nil {
			o.collect.Append(probs)
		}
	}
	return probs.Err()
}

// Loader is the Parse, Load, LoadFile and LoadFS of one kind of document,
// written once: each document package declares one and its functions call
// it. Its reading functions return an error that is nil when the document
// has no error (warnings alone are not errors), and otherwise a [List]
// of every problem, warnings included, sorted ([Problems] gives it back);
// [Collect] gives the warnings of a valid document too.
type Loader[T any] struct {
	// Decode validates and decodes a document read by [Parse] and runs
	// the package's checks, returning every problem.
	Decode func(n *Node) (T, List)
	// Read, when set, reads a document from r itself (a catalogue is
	// streamed, a spreadsheet is no document tree); otherwise the loader
	// reads up to MaxSize bytes and parses them.
	Read func(r io.Reader, name string) (T, List)
	// MaxSize is the most bytes read into memory; past it the document is
	// refused with a problem rather than exhausting memory.
	MaxSize int
}

// Problems reads the document data named name (YAML or JSON, see [Parse]),
// and returns the value, which is the zero T only when the text could not
// be read, and every problem, sorted.
func (l *Loader[T]) Problems(name string, data []byte) (T, List) {
	if l.Read != nil {
		return l.Read(bytes.NewReader(data), name)
	}
	n, probs := Parse(name, data)
	if n == nil {
		var zero T
		probs.Sort()
		return zero, probs
	}
	v, more := l.Decode(n)
	probs.Append(more)
	probs.Dedupe()
	return v, probs
}

// LoadProblems is [Loader.Problems] for a document read from r.
func (l *Loader[T]) LoadProblems(r io.Reader, name string) (T, List) {
	if l.Read != nil {
		return l.Read(r, name)
	}
	data, probs := ReadAll(r, name, l.MaxSize)
	if probs != nil {
		var zero T
		return zero, probs
	}
	return l.Problems(name, data)
}

// Parse reads the document data named name. The value is the zero T only
// when the text could not be read; the error is nil when the document has
// no error.
func (l *Loader[T]) Parse(name string, data []byte, opts ...Option) (T, error) {
	v, probs := l.Problems(name, data)
	return v, Result(probs, opts...)
}

// Load reads a document from r; name is used in problem positions and its
// extension may tell the format. See [Loader.Parse].
func (l *Loader[T]) Load(r io.Reader, name string, opts ...Option) (T, error) {
	v, probs := l.LoadProblems(r, name)
	return v, Result(probs, opts...)
}

// LoadFile reads the document at path. See [Loader.Parse].
func (l *Loader[T]) LoadFile(path string, opts ...Option) (T, error) {
	f, err := os.Open(path)
	return l.loadOpened(f, err, path, opts)
}

// LoadFS reads the document name from fsys. See [Loader.Parse].
func (l *Loader[T]) LoadFS(fsys fs.FS, name string, opts ...Option) (T, error) {
	f, err := fsys.Open(name)
	return l.loadOpened(f, err, name, opts)
}

// loadOpened reads the document of file name, opened as f, or reports err,
// why it could not be opened.
func (l *Loader[T]) loadOpened(f io.ReadCloser, err error, name string, opts []Option) (T, error) {
	if err != nil {
		var zero T
		return zero, Result(ReadProblem(name, err), opts...)
	}
	defer f.Close()
	return l.Load(f, name, opts...)
}

// ReadProblem is the problem of a document that cannot be read, err
// reachable through it. Its English message is err's text; in Chinese the
// common causes (no such file, no permission) are named in Chinese and
// the rest follow 无法读取.
func ReadProblem(name string, err error) List {
	return List{{Pos: Pos{File: name}, Rule: RuleRead, Message: err.Error(), Msg: Msg{"%v", []any{cause{err: err}}}, Err: err}}
}
