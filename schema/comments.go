package schema

import (
	"bufio"
	"errors"
	"io"
)

// CountComments returns the number of lines of YAML text that hold a
// comment: a # at the start of a line or after a blank, outside quotes.
// Reading a document into a [Node] drops its comments, so a program that
// writes a document back uses it to warn what is lost. It reads line by
// line, each line up to [MaxYAMLText] bytes; quotes are followed within a
// line, so a # inside a quoted string that spans lines may be counted.
func CountComments(r io.Reader) (int, error) {
	if r == nil {
		return 0, errors.New("schema: no input: the reader is nil")
	}
	br := bufio.NewReaderSize(r, 64<<10)
	n := 0
	var line []byte
	for {
		frag, err := br.ReadSlice('\n')
		if len(line)+len(frag) > MaxYAMLText {
			return n, ErrTooLarge
		}
		line = append(line, frag...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if hasComment(line) {
			n++
		}
		line = line[:0]
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

// hasComment reports whether a line of YAML holds a comment.
func hasComment(b []byte) bool {
	_, _, comment := scanLine(b, 0)
	return comment
}
