package schema_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"testing/iotest"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zwfw/zwfw/schema"
)

// A spreadsheet saved by Excel on Chinese Windows is GB18030; CSVText
// reads it as UTF-8 and says so.
func ExampleCSVText() {
	gbk, _ := simplifiedchinese.GB18030.NewEncoder().String("事项名称,承诺时限\n不动产登记,5工作日\n")
	text, gb, utf16 := schema.CSVText(bytes.NewReader([]byte(gbk)))
	rows, _ := csv.NewReader(text).ReadAll()
	fmt.Println(gb, utf16, rows)

	_, _, utf16 = schema.CSVText(bytes.NewReader([]byte{0xFF, 0xFE, '1', 0}))
	fmt.Println(utf16)
	// Output:
	// true false [[事项名称 承诺时限] [不动产登记 5工作日]]
	// true
}

// A reader of rows marks the start of each; a row longer than Max fails
// the read, so a file with no line ends is refused rather than held whole.
// (The source here hands over a byte a read, as a large file does its
// buffers.)
func ExampleRowLimit() {
	errLong := errors.New("row is longer than 16 bytes")
	src := iotest.OneByteReader(strings.NewReader("a,b\n" + strings.Repeat("x", 64) + "\n"))
	lim := &schema.RowLimit{R: src, Max: 16, Err: errLong}
	rd := csv.NewReader(lim)
	for {
		rec, err := rd.Read()
		lim.Mark()
		if err != nil {
			fmt.Println(errors.Is(err, errLong))
			return
		}
		fmt.Println(rec)
	}
	// Output:
	// [a b]
	// true
}
