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
	return &csvLineEnds{br: bufio.NewReader(r)}
}

type csvLineEnds struct {
	br     *bufio.Reader
	quoted bool
}

func (c *csvLineEnds) Read(p []byte) (int, error) {
	n, err := c.br.Read(p)
	for i := 0; i < n; i++ {
		switch p[i] {
		case '"':
			c.quoted = !c.quoted
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
