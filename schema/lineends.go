package schema

import (
	"bufio"
	"io"
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
