package schema

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// CSVLineEnds returns a reader of the CSV text of r with its line endings
// made LF, for encoding/csv: CRLF, LF and a CR alone (old Mac files, or one
// stray line in another file) each end a row, as spreadsheets read them,
// where encoding/csv would take a lone CR for data and read a CR-only file
// as one row. A CR inside a quoted cell is data and is kept. Line numbers
// that encoding/csv reports then count CR-only lines too.
func CSVLineEnds(r io.Reader) io.Reader {
	return &lineEnds{br: bufio.NewReader(r), quotes: true}
}

// yamlLineEnds makes a lone CR a LF in YAML text, which reads a CR alone
// as a line break anywhere (YAML 1.2, 5.4: line breaks in scalars are
// normalised to LF), so that a stream cut into lines sees the lines the
// parser sees.
func yamlLineEnds(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if head, _ := br.Peek(2); utf16BOM(head) {
		return br // UTF-16: a 0x0D byte is half of a character, not a CR
	}
	return &lineEnds{br: br}
}

type lineEnds struct {
	br     *bufio.Reader
	quotes bool // a CR inside double quotes is data (CSV)
	quoted bool
}

func (c *lineEnds) Read(p []byte) (int, error) {
	n, err := c.br.Read(p)
	for i := 0; i < n; i++ {
		switch p[i] {
		case '"':
			c.quoted = c.quotes && !c.quoted
		case '\r':
			if c.quoted {
				continue
			}
			if i+1 < n {
				if p[i+1] != '\n' {
					p[i] = '\n'
				}
				continue
			}
			// The last byte read: what follows decides.
			if next, perr := c.br.Peek(1); perr != nil || next[0] != '\n' {
				p[i] = '\n'
			}
		}
	}
	return n, err
}

// RowLimit is a reader that fails once the row being read has grown
// beyond Max bytes (give or take the buffers of the reader above it), so
// that a file with no line ends cannot exhaust memory. A reader of rows
// calls Mark as it starts each row.
type RowLimit struct {
	R   io.Reader
	Max int64
	Err error // what a read returns beyond Max

	n, mark int64
}

func (l *RowLimit) Read(p []byte) (int, error) {
	if l.n-l.mark > l.Max {
		return 0, l.Err
	}
	n, err := l.R.Read(p)
	l.n += int64(n)
	return n, err
}

// Mark starts a row at what has been read so far.
func (l *RowLimit) Mark() { l.mark = l.n }

// CSVText returns the text of r for a CSV reader: without a UTF-8
// byte-order mark, and decoded from GB18030 (what Excel on Chinese
// Windows saves; gb is true) when its first 16 KiB are not UTF-8. Text
// in UTF-16 (Excel's "Unicode text", with a byte-order mark) it does not
// read: text is nil and utf16 true.
func CSVText(r io.Reader) (text io.Reader, gb, utf16 bool) {
	br := bufio.NewReaderSize(r, 16<<10)
	head, _ := br.Peek(16 << 10)
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		return br, false, false
	case utf16BOM(head):
		return nil, false, true
	}
	// A window cut in the middle of a character is still UTF-8.
	for k := 1; k <= 3 && k <= len(head); k++ {
		if utf8.RuneStart(head[len(head)-k]) {
			if !utf8.FullRune(head[len(head)-k:]) {
				head = head[:len(head)-k]
			}
			break
		}
	}
	if utf8.Valid(head) {
		return br, false, false
	}
	return transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder()), true, false
}
