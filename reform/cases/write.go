package cases

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"time"

	"github.com/zwfw/zwfw/matters"
)

// Writer writes case records as a platform's export: CSV with the Chinese
// headers of [Header], or JSON Lines with the keys [Decoder] reads. What
// it writes reads back into equal cases.
type Writer struct {
	bw    *bufio.Writer
	cw    *csv.Writer
	jsonl bool
	rec   []string
	err   error
}

// NewCSVWriter returns a writer of a CSV export in UTF-8; the header row is
// written first.
func NewCSVWriter(w io.Writer) *Writer {
	bw := bufio.NewWriterSize(w, 256<<10)
	cw := csv.NewWriter(bw)
	x := &Writer{bw: bw, cw: cw, rec: make([]string, nFields)}
	x.err = cw.Write(Header())
	return x
}

// NewJSONLinesWriter returns a writer of JSON Lines, one case a line.
func NewJSONLinesWriter(w io.Writer) *Writer {
	return &Writer{bw: bufio.NewWriterSize(w, 256<<10), jsonl: true, rec: make([]string, nFields)}
}

const stamp = "2006-01-02 15:04:05"

func ts(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(Beijing)
	if t.Nanosecond() != 0 {
		return t.Format("2006-01-02 15:04:05.999999999")
	}
	return t.Format(stamp)
}

func (x *Writer) cells(c *Case) {
	limit, unit := "", ""
	switch {
	case c.Limit.Unit == matters.Instant:
		unit = matters.Instant.String()
	case !c.Limit.IsZero():
		limit, unit = c.Limit.Value.String(), c.Limit.Unit.String()
	}
	sus := ""
	for i, s := range c.Suspensions {
		if i > 0 {
			sus += ";"
		}
		sus += ts(s.From) + "~" + ts(s.To)
	}
	r := x.rec
	r[fID], r[fMatterCode], r[fMatterName] = c.ID, c.MatterCode, c.MatterName
	r[fDepartment], r[fWindow], r[fUnit] = c.Department, c.Window, c.Unit
	r[fApplicant], r[fApplied], r[fAccepted], r[fCompleted] = c.Applicant.String(), ts(c.Applied), ts(c.Accepted), ts(c.Completed)
	r[fStatus], r[fLimit], r[fLimitUnit], r[fChannel] = c.Status.String(), limit, unit, c.Channel.String()
	r[fResult], r[fSuspensions], r[fEvaluation] = c.Result.String(), sus, c.Evaluation.String()
}

// Write writes one case.
func (x *Writer) Write(c *Case) error {
	if x.err != nil {
		return x.err
	}
	x.cells(c)
	if !x.jsonl {
		x.err = x.cw.Write(x.rec)
		return x.err
	}
	x.bw.WriteByte('{')
	first := true
	for f, v := range x.rec {
		if v == "" {
			continue
		}
		if !first {
			x.bw.WriteByte(',')
		}
		first = false
		k, _ := json.Marshal(columns[f].key)
		x.bw.Write(k)
		x.bw.WriteByte(':')
		if field(f) == fSuspensions {
			x.bw.WriteByte('[')
			for i, s := range c.Suspensions {
				if i > 0 {
					x.bw.WriteByte(',')
				}
				a, _ := json.Marshal(ts(s.From))
				b, _ := json.Marshal(ts(s.To))
				x.bw.WriteString(`{"from":` + string(a) + `,"to":` + string(b) + `}`)
			}
			x.bw.WriteByte(']')
			continue
		}
		s, _ := json.Marshal(v)
		x.bw.Write(s)
	}
	_, x.err = x.bw.WriteString("}\n")
	return x.err
}

// Flush writes out what is buffered and returns the first error met.
func (x *Writer) Flush() error {
	if x.cw != nil {
		x.cw.Flush()
		if x.err == nil {
			x.err = x.cw.Error()
		}
	}
	if err := x.bw.Flush(); x.err == nil {
		x.err = err
	}
	return x.err
}
