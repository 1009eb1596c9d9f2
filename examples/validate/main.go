// Command validate checks the module's documents — catalogues, bulletins,
// divisions and reform modes — against their JSON Schemas and semantic
// rules, and prints every problem in the compiler convention editors parse:
//
//	FILE:LINE:COL: SEVERITY: PATH: MESSAGE [RULE]
//
// Usage:
//
//	validate [-json] [FILE...]
//
// With no files it validates the embedded sample catalogue
// (examples/data/catalogue-pengxi.yaml). It exits 0 when no document has an
// error (warnings alone do not fail), 1 when any has, and 2 on a usage
// error. With -json it prints the problems as a JSON array instead.
//
// Catalogues are streamed (matters.Decoder): a file of a million matters is
// checked in the memory of one matter and a compact index of codes. Other
// documents are small and read whole.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/zwfw/zwfw/county"
	"github.com/zwfw/zwfw/examples/data"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/workbook"
	"github.com/zwfw/zwfw/reform"
	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/schema"
)

// defaultFile is the embedded document validated when no file is given.
const defaultFile = "catalogue-pengxi.yaml"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("validate", flag.ContinueOnError)
	fl.SetOutput(stderr)
	asJSON := fl.Bool("json", false, "print problems as a JSON array")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: validate [-json] [FILE...]")
		fmt.Fprintln(stderr, "With no FILE, validates the embedded sample catalogue.")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
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
		kind, n, probs := validate(name, r)
		if probs == nil {
			probs = schema.List{}
		}
		results = append(results, result{File: name, Kind: kind, Matters: n, Problems: probs})
	}
	if fl.NArg() == 0 {
		f, err := data.FS.Open(defaultFile)
		if err != nil {
			fmt.Fprintln(stderr, "validate:", err)
			return 2
		}
		check(defaultFile, f)
		f.Close()
	}
	for _, name := range fl.Args() {
		f, err := os.Open(name)
		if err != nil {
			// An unreadable file is a problem of that document, not a
			// usage error: the other files are still checked.
			results = append(results, result{File: name, Problems: schema.List{{
				Pos: schema.Pos{File: name}, Rule: matters.RuleRead, Message: err.Error(), Err: err}}})
			continue
		}
		check(name, f)
		f.Close()
	}

	failed := false
	for _, r := range results {
		failed = failed || r.Problems.HasErrors()
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(results); err != nil {
			fmt.Fprintln(stderr, "validate:", err)
			return 2
		}
	} else {
		for _, r := range results {
			for _, p := range r.Problems {
				fmt.Fprintln(stdout, p)
			}
			what := r.Kind
			switch {
			case r.Kind == "Catalogue":
				what = fmt.Sprintf("%d matters", r.Matters)
			case r.Kind == "":
				what = "unreadable"
			}
			fmt.Fprintf(stdout, "%s: %s, %d errors, %d warnings\n",
				r.File, what, r.Problems.Count(schema.Error), r.Problems.Count(schema.Warning))
		}
	}
	if failed {
		return 1
	}
	return 0
}

// kindRE finds a document's kind near its start, to decide whether to
// stream it; the kind is checked properly by whatever reads the document.
var kindRE = regexp.MustCompile(`"?kind"?\s*:\s*"?([A-Za-z]+)`)

// validate reads one document and returns its kind, its number of matters
// if it is a catalogue, and its problems. A catalogue is streamed, and a
// spreadsheet saved as CSV is read as one (problems at row:column); other
// documents are read whole and checked by the package that models them.
func validate(name string, r io.Reader) (kind string, matterCount int, probs schema.List) {
	if strings.EqualFold(filepath.Ext(name), ".xlsx") {
		cat, _ := workbook.Read(r, name, schema.Collect(&probs))
		if cat != nil {
			matterCount = len(cat.Matters)
		}
		return "Catalogue", matterCount, probs
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(64 << 10)
	m := kindRE.FindSubmatch(head)
	if m != nil && string(m[1]) == "Catalogue" || m == nil && matters.IsCSV(name, head) {
		d := matters.NewDecoder(br, name, nil)
		for range d.Matters() {
			matterCount++
		}
		return "Catalogue", matterCount, d.Problems()
	}
	data, err := io.ReadAll(br)
	if err != nil {
		return "", 0, schema.List{{Pos: schema.Pos{File: name}, Rule: matters.RuleRead, Message: err.Error(), Err: err}}
	}
	n, probs := schema.Parse(name, data)
	if n == nil {
		return "", 0, probs
	}
	if k := n.Get("kind"); k != nil && k.Kind == schema.String {
		kind = k.Value
	}
	var more schema.List
	switch kind {
	case "Catalogue":
		var cat *matters.Catalogue
		cat, _ = matters.Decode(n, schema.Collect(&more))
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
		if s := schema.Detect(n, &probs); s != nil {
			more = s.Validate(n)
		}
	}
	probs.Append(more)
	probs.Dedupe()
	return kind, matterCount, probs
}
