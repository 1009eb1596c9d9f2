package schema

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The input budget. Every reader of this package enforces these limits
// before it allocates for what lies past them, and reports a located
// problem when input goes beyond one, so that no input — a device that never
// ends, a document of one line, YAML in flow style — can exhaust memory.
// The packages that model documents add a limit on the size of each kind of
// document ([ReadAll] enforces it).
const (
	// MaxYAMLText is the most YAML text yaml.v3 parses in one piece: a
	// document read whole, one streamed element, the members around the
	// streamed ones. yaml.v3 needs about 40 bytes of memory per byte of
	// text in flow style ({...} and [...] — JSON saved as .yaml), so 8 MiB
	// parse in about 320 MiB. Larger YAML must be in block layout, so that
	// it can be streamed (see [StreamYAML]), or be written as JSON.
	MaxYAMLText = 8 << 20
	// MaxValueText is the most JSON text one streamed value may take: one
	// element of a streamed array, or one member outside it.
	MaxValueText = 32 << 20
	// MaxNodes is the most values (objects, arrays, scalars) one piece of
	// parsed text may hold: a document read whole, or one streamed value.
	// A node costs about 100 bytes of memory.
	MaxNodes = 2_000_000
)

// Rules of the input budget and of the text checks that go with it.
const (
	// RuleTooLarge: the input goes beyond a limit of the budget.
	RuleTooLarge Rule = "document.too-large"
	// RuleLeadingZero: a YAML integer written with a leading zero (010),
	// which YAML 1.1 reads as octal and YAML 1.2 as decimal.
	RuleLeadingZero Rule = "syntax.leading-zero"
	// RuleNumberRange: a number outside the range read exactly: an
	// integer beyond ±(2^53−1), or a number whose magnitude is too large
	// or too small (but not zero) for a 64-bit float.
	RuleNumberRange Rule = "syntax.number-range"
	// RuleBadText: bytes that are not text: invalid UTF-8, NUL or another
	// control character YAML and JSON do not allow, or a lone UTF-16
	// surrogate in a JSON \u escape.
	RuleBadText Rule = "syntax.bad-text"
	// RuleInternal: a reader failed (a panic, recovered); the input is
	// reported rather than the program ended.
	RuleInternal Rule = "document.internal"
)

// ErrTooLarge is wrapped by the problems of [RuleTooLarge] that
// [ReadAll] reports.
var ErrTooLarge = errors.New("schema: input too large")

// ReadAll reads r to its end, up to max bytes, for a document read whole.
// Past max it stops reading and returns a [RuleTooLarge] problem at the
// line and column where the limit was passed; an error from r is a
// [RuleRead] problem. A nil r is reported, not dereferenced.
func ReadAll(r io.Reader, file string, max int) ([]byte, List) {
	if r == nil {
		return nil, List{noInput(file)}
	}
	data, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, List{{Pos: Pos{File: file}, Rule: RuleRead, Message: err.Error(), Err: err}}
	}
	if len(data) > max {
		p := Errorf(Root, PosAt(file, data, max), RuleTooLarge, "document is larger than %s", Bytes(max))
		p.Err = ErrTooLarge
		return nil, List{p}
	}
	return data, nil
}

// PosAt returns the position of byte offset off of data, counting lines
// and characters (columns count characters, not bytes).
func PosAt(file string, data []byte, off int) Pos {
	line, col := 1, 1
	off = min(off, len(data))
	for i := 0; i < off; {
		c := data[i]
		switch {
		case c == '\n':
			line++
			col = 1
			i++
		case c < utf8.RuneSelf:
			col++
			i++
		default:
			_, n := utf8.DecodeRune(data[i:])
			col++
			i += n
		}
	}
	return Pos{File: file, Line: line, Col: col, Offset: off}
}

// Bytes formats a size for messages: "8 MiB", "1 GiB", "512 bytes".
func Bytes(n int) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// badText returns the offset and a description of the first byte of b
// that cannot be in YAML text: invalid UTF-8, a C0 control character
// other than tab, line feed and carriage return, DEL, a C1 control
// character other than NEL, or the noncharacters U+FFFE and U+FFFF. When
// there is none, bad is false and off is how many bytes were checked: all
// of them, but for a multi-byte character cut by the end of b when partial
// is true (the rest may follow).
func badText(b []byte, partial bool) (off int, what string, bad bool) {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F {
				return i, fmt.Sprintf("control character %#02x", c), true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			if partial && !utf8.FullRune(b[i:]) {
				return i, "", false
			}
			return i, fmt.Sprintf("byte %#02x that is not UTF-8", c), true
		}
		if r >= 0x80 && r < 0xA0 && r != 0x85 || r == 0xFFFE || r == 0xFFFF {
			return i, fmt.Sprintf("control character %U", r), true
		}
		i += n
	}
	return len(b), "", false
}

// noInput is the problem of a nil reader.
func noInput(file string) *Problem {
	return Errorf(Root, Pos{File: file}, RuleRead, "no input: the reader is nil")
}

// SizeError is the error of a reader that refuses a document's input past
// Max bytes; What names the document, in each language. It wraps
// ErrTooLarge, and a stream reports it as [RuleTooLarge] where the input
// was cut, with its message in each language.
type SizeError struct {
	What Msg
	Max  int64
}

func (e *SizeError) Error() string { return e.Msg().String() }
func (e *SizeError) Unwrap() error { return ErrTooLarge }

// Msg returns the error's message.
func (e *SizeError) Msg() Msg {
	size := fmt.Sprintf("%d bytes", e.Max)
	if e.Max <= math.MaxInt {
		size = Bytes(int(e.Max))
	}
	return M("%s is larger than %s", e.What, size)
}

// readProblem reports an error from the reader of a stream at pos: the
// budget's RuleTooLarge when the reader refused more input for its size.
func readProblem(pos Pos, err error) *Problem {
	if errors.Is(err, ErrTooLarge) {
		p := &Problem{Pos: pos, Rule: RuleTooLarge, Message: err.Error(), Err: err}
		var se *SizeError
		if errors.As(err, &se) {
			p.Msg = se.Msg()
		}
		return p
	}
	return &Problem{Pos: Pos{File: pos.File}, Rule: RuleRead, Message: err.Error(), Err: err}
}

// IntegerText returns the decimal digits of a JSON number whose value is
// an integer within ±(2^53−1), however it is written: "1.0", "1e1" and
// "10" are the numbers 1, 10 and 10 for JSON Schema, and so for whoever
// reads a numeric code after it. ok is false for any other number.
func IntegerText(num string) (text string, ok bool) {
	if _, bad := numberRange(num); bad {
		return "", false
	}
	if !strings.ContainsAny(num, ".eE") {
		if num == "-0" {
			return "0", true
		}
		return num, true
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > maxExact {
		return "", false
	}
	return strconv.FormatInt(int64(f), 10), true
}
