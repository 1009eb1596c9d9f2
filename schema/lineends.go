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
	i := 0
	for i < len(p) {
		b, err := c.br.ReadByte()
		if err != nil {
			if i > 0 {
				return i, nil
			}
			return 0, err
		}
		switch {
		case b == '"':
			c.quoted = !c.quoted
		case b == '\r' && !c.quoted:
			if next, err := c.br.Peek(1); err != nil || next[0] != '\n' {
				b = '\n'
			}
		}
		p[i] = b
		i++
		if c.br.Buffered() == 0 {
			return i, nil // do not wait on the source for more
		}
	}
	return i, nil
}
