package schema

import (
	"encoding/csv"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
)

func TestCSVLineEnds(t *testing.T) {
	want := [][]string{{"a", "b"}, {"1", "2"}, {"x\ry", "3"}}
	for _, tt := range []struct{ name, text string }{
		{"LF", "a,b\n1,2\n\"x\ry\",3\n"},
		{"CRLF", "a,b\r\n1,2\r\n\"x\ry\",3\r\n"},
		{"CR only", "a,b\r1,2\r\"x\ry\",3\r"},
		{"one lone CR", "a,b\n1,2\r\"x\ry\",3\n"},
		{"no final line end", "a,b\r1,2\r\"x\ry\",3"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, r := range []io.Reader{strings.NewReader(tt.text), iotest.OneByteReader(strings.NewReader(tt.text))} {
				got, err := csv.NewReader(CSVLineEnds(r)).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("rows (-want +got):\n%s", diff)
				}
			}
		})
	}
}
