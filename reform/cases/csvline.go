package cases

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// lineReader reads CSV records as encoding/csv reads them, without
// copying them out of its buffer or making strings of them, but for a
// quoted field that goes on over lines (its lines are joined in a buffer
// of their own) or holds quotes. A record it cannot read so (a quote out
// of place, a record longer than the buffer) it leaves where it is, for
// encoding/csv to read from there on: the two share the buffer, so
// encoding/csv sees every byte the lineReader has not consumed, and it
// reports the problems it finds as it always does. Between records
// encoding/csv keeps no state but its line count, which the lineReader
// hands on.
type lineReader struct {
	br      *bufio.Reader
	comma   byte
	line    int // lines consumed
	pending int // bytes of the last record, consumed on the next call
	fields  [][]byte
	quoted  []byte // quoted fields with "" unescaped
	joined  []byte // a record's lines, when a quoted field goes on over them
}

// lineBuffer is the size of the lineReader's buffer, the longest line it
// reads itself.
const lineBuffer = 64 << 10

// errHandOver says that the record at the reader's position is one for
// encoding/csv.
var errHandOver = errors.New("cases: record for encoding/csv")

// lineComma reports whether comma can separate the fields a lineReader
// reads: an ASCII character encoding/csv accepts as a separator.
func lineComma(comma rune) bool {
	return comma > 0 && comma < 0x80 && comma != '"' && comma != '\r' && comma != '\n'
}

func newLineReader(br *bufio.Reader, comma byte) *lineReader {
	return &lineReader{br: br, comma: comma}
}

// next returns the fields of the next record and the line it starts on.
// The fields are valid until the next call. At the end of the input it returns
// io.EOF; for a record encoding/csv must read, errHandOver with the
// reader positioned at its first line; for a failed read, that error.
func (r *lineReader) next() ([][]byte, int, error) {
	if r.pending > 0 {
		r.br.Discard(r.pending)
		r.pending = 0
	}
	for {
		raw, eof, err := r.peekLine(0)
		if err != nil {
			return nil, 0, err
		}
		if eof && len(raw) == 0 {
			return nil, 0, io.EOF
		}
		text := lineText(raw, eof)
		if len(text) == 0 { // encoding/csv skips empty lines
			r.br.Discard(len(raw))
			r.line++
			continue
		}
		if r.split(text) {
			r.pending = len(raw)
			r.line++
			return r.fields, r.line, nil
		}
		quotes := bytes.Count(text, quote)
		if quotes%2 == 0 {
			return nil, 0, errHandOver // a quote out of place
		}
		// A quoted field goes on over lines: join them, each line end a
		// \n as encoding/csv makes it, until the quotes are closed.
		r.joined = append(r.joined[:0], text...)
		size, lines := len(raw), 1
		for quotes%2 == 1 {
			if eof {
				return nil, 0, errHandOver
			}
			raw, eof, err = r.peekLine(size)
			if err != nil {
				return nil, 0, err
			}
			if eof && len(raw) == 0 {
				return nil, 0, errHandOver
			}
			text = lineText(raw, eof)
			r.joined = append(append(r.joined, '\n'), text...)
			quotes += bytes.Count(text, quote)
			size += len(raw)
			lines++
		}
		if !r.split(r.joined) {
			return nil, 0, errHandOver
		}
		r.pending = size
		first := r.line + 1
		r.line += lines
		return r.fields, first, nil
	}
}

var quote = []byte{'"'}

// lineText returns a line without its line end, as encoding/csv reads it;
// eof says the input ends with the line.
func lineText(raw []byte, eof bool) []byte {
	switch n := len(raw); {
	case n == 0:
		return raw
	case eof:
		// encoding/csv drops a \r before the end of the input.
		if raw[n-1] == '\r' {
			return raw[:n-1]
		}
		return raw
	case n >= 2 && raw[n-2] == '\r':
		return raw[:n-2]
	}
	return raw[:len(raw)-1]
}

// peekLine returns the line that starts from bytes into the buffer, its \n
// included, without consuming it; eof says the input ends with it (it has
// no \n then, and may be empty). A line that goes beyond the buffer is
// handed over. Peeking on may move the buffer's bytes: lines peeked
// before are not to be used after.
func (r *lineReader) peekLine(from int) (line []byte, eof bool, err error) {
	scanned := from
	for {
		n := r.br.Buffered()
		buf, _ := r.br.Peek(n)
		if i := bytes.IndexByte(buf[scanned:], '\n'); i >= 0 {
			return buf[from : scanned+i+1], false, nil
		}
		scanned = n
		if n >= r.br.Size() {
			return nil, false, errHandOver
		}
		if _, err := r.br.Peek(n + 1); err != nil {
			buf, _ := r.br.Peek(r.br.Buffered())
			if i := bytes.IndexByte(buf[scanned:], '\n'); i >= 0 {
				return buf[from : scanned+i+1], false, nil
			}
			if err == io.EOF {
				return buf[from:], true, nil
			}
			// encoding/csv would read the line and fail the record with
			// the error, which ends the reading.
			return nil, false, err
		}
	}
}

// split cuts a line, its line end removed, into fields, as encoding/csv
// does; it reports false for what it leaves to encoding/csv: a quoted
// field that does not end on the line, a quote in an unquoted field, or
// text after a closing quote.
func (r *lineReader) split(text []byte) bool {
	r.fields, r.quoted = r.fields[:0], r.quoted[:0]
	if bytes.IndexByte(text, '"') < 0 {
		// No quotes: the fields are what lies between the commas.
		for {
			i := bytes.IndexByte(text, r.comma)
			if i < 0 {
				r.fields = append(r.fields, text)
				return true
			}
			r.fields = append(r.fields, text[:i])
			text = text[i+1:]
		}
	}
	for {
		if len(text) > 0 && text[0] == '"' {
			body := text[1:]
			i := bytes.IndexByte(body, '"')
			if i < 0 {
				return false
			}
			field := body[:i]
			if i+1 < len(body) && body[i+1] == '"' {
				// "" stands for a quote: unescape into r.quoted.
				start := len(r.quoted)
				for {
					r.quoted = append(r.quoted, body[:i+1]...)
					body = body[i+2:]
					if i = bytes.IndexByte(body, '"'); i < 0 {
						return false
					}
					if i+1 >= len(body) || body[i+1] != '"' {
						break
					}
				}
				r.quoted = append(r.quoted, body[:i]...)
				field = r.quoted[start:len(r.quoted):len(r.quoted)]
			}
			text = body[i+1:]
			r.fields = append(r.fields, field)
			if len(text) == 0 {
				return true
			}
			if text[0] != r.comma {
				return false
			}
			text = text[1:]
			continue
		}
		i := bytes.IndexByte(text, r.comma)
		field := text
		if i >= 0 {
			field = text[:i]
		}
		if bytes.IndexByte(field, '"') >= 0 {
			return false
		}
		r.fields = append(r.fields, field)
		if i < 0 {
			return true
		}
		text = text[i+1:]
	}
}
