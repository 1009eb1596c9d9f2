// Command validate checks the module's documents — catalogues, bulletins,
// divisions and reform modes — against their JSON Schemas and semantic
// rules, and prints every problem in the compiler convention editors parse:
//
//	FILE:LINE:COL: SEVERITY: PATH: MESSAGE [RULE]
//
// Usage:
//
//	validate [-json] [-q] [-ahead] [-lang zh|en] [FILE...]
//
// Messages, help and the summary are in Chinese when -lang zh is given or
// the locale (LC_ALL, LC_MESSAGES, LANG) is zh_*, in English otherwise;
// rule identifiers and JSON keys stay as they are. On a terminal, standard
// error shows how many matters have been read, the rate and the time
// elapsed while a catalogue streams; -q turns that off.
//
// A FILE of "-" is standard input (named <stdin> in problems; its format is
// told by its first character).
//
// With no files it validates the embedded sample catalogue
// (examples/data/catalogue-pengxi.yaml). It exits 0 when no document has an
// error (warnings alone do not fail), 1 when any has, and 2 on a usage
// error. With -json it prints the problems as a JSON array instead.
//
// Catalogues are streamed (matters.Decoder): a file of a million matters is
// checked in the memory of one matter and a compact index of codes. Other
// documents are small and read whole. -ahead reads a JSON catalogue's
// matters ahead on a second CPU (matters.DecodeOptions.ReadAhead): less
// wall time, more CPU time.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/zwfw/zwfw/county"
	"github.com/zwfw/zwfw/examples/internal/cli"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/workbook"
	"github.com/zwfw/zwfw/reform"
	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/schema"
)

func main() { cli.Main(run) }

func run(args []string, stdout, stderr io.Writer) int {
	prog := cli.New("validate", args, stderr, "[-json] [-q] [-ahead] [-lang zh|en] [FILE...]",
		schema.M("With no FILE, validates the embedded sample catalogue."))
	fl, pr := prog.Flags, prog.P
	asJSON := fl.Bool("json", false, "print problems as a JSON array")
	quiet := fl.Bool("q", false, "show no progress on standard error")
	ahead := fl.Bool("ahead", false, "read a JSON catalogue's matters ahead on a second CPU: less wall time, more CPU time")
	if err := prog.Parse(args); err != nil {
		return 2
	}

	type result struct {
		File     string      `json:"file"`
		Kind     string      `json:"kind,omitempty"`
		Matters  int         `json:"matters,omitempty"`
		Problems schema.List `json:"problems"`
	}
	var results []result
	check := func(name string, r io.Reader) {
		progress := cli.NewProgress(stderr, pr, schema.M("%s: %d matters read", name), *quiet)
		kind, n, probs := validate(name, r, progress, *ahead)
		if probs == nil {
			probs = schema.List{}
		}
		results = append(results, result{File: name, Kind: kind, Matters: n, Problems: probs})
	}
	names := fl.Args()
	if len(names) == 0 {
		names = []string{""} // the embedded sample
	}
	for _, name := range names {
		f, file, err := cli.Open(name)
		if err != nil {
			// An unreadable file is a problem of that document, not a
			// usage error: the other files are still checked.
			results = append(results, result{File: file, Problems: schema.ReadProblem(file, err)})
			continue
		}
		check(file, f)
		f.Close()
	}

	failed := false
	for _, r := range results {
		failed = failed || r.Problems.HasErrors()
	}
	if *asJSON {
		if err := cli.WriteJSON(stdout, results); err != nil {
			fmt.Fprintln(stderr, "validate:", err)
			return 2
		}
	} else {
		for _, r := range results {
			pr.List(stdout, r.Problems)
			what := r.Kind
			switch {
			case r.Kind == "Catalogue":
				what = plural(r.Matters, "matter")
				if pr.Lang != schema.English {
					what = pr.Sprintf("%d matters", r.Matters)
				}
			case r.Kind == "":
				what = pr.Sprintf("unreadable")
			case r.Kind == "Bulletin":
				what = pr.Sprintf("Bulletin")
			case r.Kind == "Divisions":
				what = pr.Sprintf("Divisions")
			case r.Kind == "ReformModes":
				what = pr.Sprintf("ReformModes")
			}
			if pr.Lang == schema.English {
				fmt.Fprintf(stdout, "%s: %s, %s, %s\n", r.File, what,
					plural(r.Problems.Count(schema.Error), "error"), plural(r.Problems.Count(schema.Warning), "warning"))
			} else {
				pr.Fprintln(stdout, "%s: %s, %d errors, %d warnings",
					r.File, what, r.Problems.Count(schema.Error), r.Problems.Count(schema.Warning))
			}
		}
	}
	if failed {
		return 1
	}
	return 0
}

// maxWhole is the most a document other than a catalogue may take: the
// largest of the limits of those kinds, each of which is then enforced.
const maxWhole = max(report.MaxDocumentSize, reform.MaxDocumentSize, county.MaxSize)

// limits are the document size limits of the kinds read whole.
var limits = map[string]int{
	"Bulletin":    report.MaxDocumentSize,
	"ReformModes": reform.MaxDocumentSize,
	"Divisions":   county.MaxSize,
}

// recorder keeps what is read through it, up to max bytes, so that the
// text read to find a document's kind can be read again.
type recorder struct {
	r    io.Reader
	buf  []byte
	max  int
	over bool
}

func (rc *recorder) Read(p []byte) (int, error) {
	n, err := rc.r.Read(p)
	if !rc.over {
		if len(rc.buf)+n > rc.max {
			rc.over, rc.buf = true, nil
		} else {
			rc.buf = append(rc.buf, p[:n]...)
		}
	}
	return n, err
}

// validate reads one document and returns its kind, its number of matters
// if it is a catalogue, and its problems. The kind is the document's own
// top-level member kind, read by the streaming readers of package schema
// up to the first matter (comments and nested members named kind do not
// count). A catalogue is then streamed; other documents are read whole,
// within their kind's size limit, and checked by the package that models
// them. A spreadsheet saved as CSV is read as a catalogue (problems at
// row:column). ahead reads a catalogue's matters ahead on a second CPU.
func validate(name string, r io.Reader, progress *cli.Progress, ahead bool) (kind string, matterCount int, probs schema.List) {
	// The bundles are checked as they come, and not kept.
	opts := matters.DecodeOptions{OnBundle: func(int, *matters.Bundle) {}, ReadAhead: ahead, Size: cli.Size(r)}
	if progress != nil {
		opts.Progress = progress.Update
	}
	if cli.IsWorkbook(name) {
		cat, _ := workbook.Read(r, name, schema.Collect(&probs))
		if cat != nil {
			matterCount = len(cat.Matters)
		}
		return "Catalogue", matterCount, probs
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(64 << 10); matters.IsCSV(name, head) {
		d := matters.NewDecoder(br, name, &opts)
		for range d.Matters() {
			matterCount++
		}
		if progress != nil {
			progress.Done(int64(matterCount))
		}
		return "Catalogue", matterCount, d.Problems()
	}
	rc := &recorder{r: br, max: maxWhole}
	var top *schema.Node
	stopped := false
	found := func(h *schema.Node, _ string, _ int, _ *schema.Node) bool {
		top, stopped = h, true
		return false // the first matter: the kind is known, if the document has one before it
	}
	streamed := []string{"matters"}
	var header *schema.Node
	if isJSON(name, br) {
		header, probs = schema.StreamJSON(rc, name, streamed, found)
	} else {
		header, probs = schema.StreamYAML(rc, name, streamed, schema.MaxYAMLText, found)
	}
	if stopped {
		header = nil // what was read of the header is in top
	} else {
		top = header
	}
	if top == nil {
		return "", 0, probs
	}
	if k := top.Get("kind"); k != nil && k.Kind == schema.String {
		kind = k.Value
	}
	if header == nil && (kind == "Catalogue" || kind == "") {
		// A list of matters: a catalogue, streamed from the start again.
		rest := io.MultiReader(bytes.NewReader(rc.buf), br)
		if rc.over {
			return kind, 0, schema.List{schema.Errorf(schema.Root, schema.Pos{File: name, Line: 1, Col: 1}, schema.RuleTooLarge,
				"the members before the first matter take more than %s", schema.Bytes(maxWhole))}
		}
		d := matters.NewDecoder(rest, name, &opts)
		for range d.Matters() {
			matterCount++
		}
		return "Catalogue", matterCount, d.Problems()
	}
	// Read whole: the rest of the document, within its kind's limit.
	limit, ok := limits[kind]
	if !ok {
		limit = maxWhole
	}
	if header == nil { // stopped at a matter of a document of another kind
		if _, err := io.Copy(io.Discard, rc); err != nil {
			return kind, 0, schema.List{{Pos: schema.Pos{File: name}, Rule: schema.RuleRead, Message: err.Error(), Err: err}}
		}
	}
	if rc.over || len(rc.buf) > limit {
		return kind, 0, schema.List{schema.Errorf(schema.Root, schema.PosAt(name, rc.buf, limit), schema.RuleTooLarge,
			"a %s document is larger than %s", kind, schema.Bytes(limit))}
	}
	data := rc.buf
	var more schema.List
	switch kind {
	case "Catalogue":
		var cat *matters.Catalogue
		cat, _ = matters.Decode(header, schema.Collect(&more))
		matterCount = len(cat.Matters)
	case "Bulletin":
		_, _ = report.Parse(name, data, nil, schema.Collect(&more))
		probs = nil // report.Parse reads the text itself
	case "Divisions":
		_, _ = county.Parse(name, data, schema.Collect(&more))
		probs = nil
	case "ReformModes":
		_, _ = reform.Parse(name, data, schema.Collect(&more))
		probs = nil
	default:
		if s := schema.Detect(header, &probs); s != nil {
			more = s.Validate(header)
		}
	}
	probs.Append(more)
	probs.Dedupe()
	return kind, matterCount, probs
}

// isJSON tells JSON from YAML by the file name, else by the first
// character that is not blank.
func isJSON(name string, br *bufio.Reader) bool {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".json"):
		return true
	case strings.HasSuffix(lower, ".yaml"), strings.HasSuffix(lower, ".yml"):
		return false
	}
	head, _ := br.Peek(4096)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	return len(head) > 0 && (head[0] == '{' || head[0] == '[')
}

// plural writes a count with its noun: "1 error", "2 errors".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
