package cases_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zwfw/zwfw/matters/workday"
	"github.com/zwfw/zwfw/reform/cases"
	"github.com/zwfw/zwfw/reform/cases/casestest"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/schematest"
)

func decodeFile(t *testing.T, name string) ([]cases.Case, schema.List) {
	t.Helper()
	b := schematest.ReadFile(t, filepath.Join("testdata", name))
	return decodeBytes(name, b)
}

func decodeBytes(name string, b []byte) ([]cases.Case, schema.List) {
	return casestest.Collect(cases.NewDecoder(bytes.NewReader(b), name, &cases.DecodeOptions{Calendar: workday.China()}))
}

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		file     string
		rule     schema.Rule
		path     string
		line     int
		col      int
		severity schema.Severity
	}{
		{"bad-status.csv", cases.RuleEnum, "/cases/0/status", 2, 11, schema.Error},
		{"bad-timestamp.csv", cases.RuleTimestamp, "/cases/0/accepted", 2, 9, schema.Error},
		{"bad-header.csv", cases.RuleHeader, "", 1, 1, schema.Error},
		{"bad-missing.csv", cases.RuleMissing, "/cases/0/completed", 2, 10, schema.Error},
		{"bad-limit.csv", cases.RuleLimit, "/cases/0/limit", 2, 12, schema.Error},
		{"bad-suspension.csv", cases.RuleSuspension, "/cases/0/suspensions", 2, 16, schema.Error},
		{"bad-quote.csv", cases.RuleRead, "", 2, 0, schema.Error},
		{"warn-dirty.csv", cases.RuleCompletedEarly, "/cases/0/completed", 2, 10, schema.Warning},
		{"warn-dirty.csv", cases.RuleClosedDay, "/cases/1/accepted", 3, 9, schema.Warning},
		{"warn-dirty.csv", cases.RuleUnknownYear, "/cases/2/accepted", 4, 9, schema.Warning},
		{"bad-unknown-key.jsonl", cases.RuleUnknownKey, "/cases/0/colour", 1, 0, schema.Error},
		{"bad-syntax.jsonl", "", "/cases/1", 2, 0, schema.Error},
		{"bad-suspension.jsonl", cases.RuleSuspension, "/cases/0/suspensions/0", 1, 0, schema.Error},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+string(tt.rule), func(t *testing.T) {
			_, probs := decodeFile(t, tt.file)
			for _, p := range probs {
				if (tt.rule == "" || p.Rule == tt.rule) && p.Path.String() == tt.path && p.Pos.Line == tt.line &&
					(tt.col == 0 || p.Pos.Col == tt.col) && p.Severity == tt.severity {
					return
				}
			}
			t.Errorf("want %s (%s, %s) at %d:%d; got:\n%v", tt.severity, tt.rule, tt.path, tt.line, tt.col, probs)
		})
	}
}

func TestDirtyRecordsStillCount(t *testing.T) {
	cs, probs := decodeFile(t, "warn-dirty.csv")
	if probs.Err() != nil {
		t.Fatalf("warnings only expected: %v", probs)
	}
	if len(cs) != 4 {
		t.Fatalf("%d cases, want 4", len(cs))
	}
	// X4 was accepted online on 05-03 (劳动节): no note, the platform is open.
	for _, p := range probs {
		if p.Path.String() == "/cases/3/accepted" {
			t.Errorf("online case noted: %v", p)
		}
	}
	tot := tally(cases.Month(2021, time.April), cs).Total()
	// X1 completed before it was accepted: counted, but its time is not judged.
	if tot.Completed != 1 || tot.Untimed != 1 {
		t.Errorf("办结 %d 未判定 %d, want 1 1", tot.Completed, tot.Untimed)
	}
}

func TestWorkbookRefused(t *testing.T) {
	_, probs := decodeBytes("april.xlsx", []byte("PK\x03\x04"))
	if len(probs) != 1 || probs[0].Rule != cases.RuleFormat {
		t.Fatalf("got %v, want one %s", probs, cases.RuleFormat)
	}
}

func TestUTF16Refused(t *testing.T) {
	_, probs := decodeBytes("april.csv", []byte{0xFF, 0xFE, 'a', 0})
	if len(probs) != 1 || probs[0].Rule != cases.RuleEncoding {
		t.Fatalf("got %v, want one %s", probs, cases.RuleEncoding)
	}
}

func TestEncodingsAndFormatsAgree(t *testing.T) {
	want, probs := decodeFile(t, "april.csv")
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	raw, _ := os.ReadFile(filepath.Join("testdata", "april.csv"))
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(raw)
	if err != nil {
		t.Fatal(err)
	}
	var csvOut, jsonl bytes.Buffer
	cw, jw := cases.NewCSVWriter(&csvOut), cases.NewJSONLinesWriter(&jsonl)
	for i := range want {
		cw.Write(&want[i])
		jw.Write(&want[i])
	}
	if err := cw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := jw.Flush(); err != nil {
		t.Fatal(err)
	}
	inputs := []struct {
		name string
		data []byte
	}{
		{"gb18030.csv", gb},
		{"bom.csv", append([]byte("\xEF\xBB\xBF"), raw...)},
		{"written.csv", csvOut.Bytes()},
		{"written.jsonl", jsonl.Bytes()},
		{"sniffed", jsonl.Bytes()},
		{"semicolons.csv", bytes.ReplaceAll(raw, []byte("~"), []byte("至"))},
	}
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			got, probs := decodeBytes(in.name, in.data)
			if len(probs) != 0 {
				t.Fatal(probs)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("cases differ (-april.csv +%s):\n%s", in.name, diff)
			}
		})
	}
}

func TestHeaderAliases(t *testing.T) {
	in := "申办流水号,实施编码,办理事项,承办部门,窗口名称,状态,受理日期,完成时间,承诺办结时限,申报渠道,好差评\n" +
		"Y1,M1,食品经营许可,市市场监督管理局,1号窗口,已办结,2021/4/9 10:32,2021/4/9 11:00,即办,网上办理,5\n"
	cs, probs := decodeBytes("alias.csv", []byte(in))
	if len(probs) != 0 || len(cs) != 1 {
		t.Fatalf("%d cases, problems %v", len(cs), probs)
	}
	c := cs[0]
	if c.Status != cases.Completed || c.Channel != cases.Online || c.Evaluation != cases.VerySatisfied || c.Limit.String() != "即办" ||
		c.Accepted.Format("2006-01-02 15:04") != "2021-04-09 10:32" {
		t.Errorf("read %+v", c)
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"2021-04-09 10:32:05", "2021-04-09 10:32:05"},
		{"2021-04-09 10:32", "2021-04-09 10:32:00"},
		{"2021/4/9 10:32", "2021-04-09 10:32:00"},
		{"2021/4/9 9:05:07", "2021-04-09 09:05:07"},
		{"2021-04-09T10:32:05", "2021-04-09 10:32:05"},
		{"2021-04-09T02:32:05Z", "2021-04-09 10:32:05"},
		{"2021-04-09T10:32:05+08:00", "2021-04-09 10:32:05"},
		{"2021-04-09", "2021-04-09 00:00:00"},
		{"44295.4389467593", "2021-04-09 10:32:05"},
		{"44295", "2021-04-09 00:00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := cases.ParseTime(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if s := got.In(cases.Beijing).Format("2006-01-02 15:04:05"); s != tt.want {
				t.Errorf("ParseTime(%q) = %s, want %s", tt.in, s, tt.want)
			}
		})
	}
	for _, bad := range []string{"2021-02-29 10:00", "2021-04-09 24:00", "9 April 2021", "2021-04-09 10", "123", "2021-04-09 10:32:05+25:00", "2021-04-09x"} {
		t.Run("bad "+bad, func(t *testing.T) {
			if _, err := cases.ParseTime(bad); err == nil || !strings.Contains(err.Error(), "timestamp") {
				t.Errorf("ParseTime(%q): err = %v, want a timestamp error", bad, err)
			}
		})
	}
}

// Past MaxProblems, problems are counted by rule, not kept.
func TestProblemCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("办件编号,事项名称,受理部门,受理时间,办件状态\n")
	for i := range 30 {
		b.WriteString("X" + strings.Repeat("1", i+1) + ",食品经营许可,市市场监督管理局,2021-04-06 09:00,进行中\n")
	}
	d := cases.NewDecoder(strings.NewReader(b.String()), "many.csv", &cases.DecodeOptions{MaxProblems: 5})
	for range d.Cases() {
	}
	probs := d.Problems()
	if len(probs) != 6 {
		t.Fatalf("%d problems, want 5 and a summary:\n%v", len(probs), probs)
	}
	if last := probs[5]; last.Rule != cases.RuleTooMany || !strings.Contains(last.Message, "25 more") {
		t.Errorf("summary %v", last)
	}
	if n, bad := d.Counts(); n != 30 || bad != 30 {
		t.Errorf("Counts = %d, %d; want 30, 30", n, bad)
	}
}

// A file with no line ends is refused, not held whole.
func TestRowTooLong(t *testing.T) {
	in := "办件编号,事项名称,受理部门,受理时间,办件状态\n1,食品经营许可,市市场监督管理局,2021-04-06 09:00,受理\n" +
		strings.Repeat("x", 3*cases.MaxRow)
	cs, probs := decodeBytes("long.csv", []byte(in))
	if len(cs) != 1 || len(probs) != 1 || probs[0].Rule != cases.RuleRead || probs[0].Pos.Line != 3 {
		t.Fatalf("%d cases, problems %v", len(cs), probs)
	}
}

// Past MaxProblems, the summaries of two rules come in the same order on
// every run.
func TestProblemCapOrder(t *testing.T) {
	var b strings.Builder
	b.WriteString("办件编号,事项名称,受理部门,受理时间,办件状态\n")
	for i := range 40 {
		if i%2 == 0 {
			b.WriteString("X1,食品经营许可,市市场监督管理局,2021-04-06 09:00,进行中\n") // cases.enum
		} else {
			b.WriteString("X2,食品经营许可,市市场监督管理局,2021-04-06 9点,受理\n") // cases.timestamp
		}
	}
	var first []string
	for run := range 20 {
		d := cases.NewDecoder(strings.NewReader(b.String()), "many.csv", &cases.DecodeOptions{MaxProblems: 4})
		for range d.Cases() {
		}
		var got []string
		for _, p := range d.Problems()[4:] {
			if p.Rule != cases.RuleTooMany {
				t.Fatalf("run %d: %v after the first 4 problems, want a summary", run, p)
			}
			got = append(got, p.Message)
		}
		if len(got) != 2 {
			t.Fatalf("run %d: %d summaries, want one for each of 2 rules", run, len(got))
		}
		if run == 0 {
			first = got
		} else if !slices.Equal(got, first) {
			t.Fatalf("run %d: summaries %q, then %q", run, first, got)
		}
	}
}
