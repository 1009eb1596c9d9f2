// Command validate checks catalogue documents against the module's JSON
// Schema and semantic rules and prints every problem in the compiler
// convention editors parse:
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
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/zwfw/zwfw/examples/data"
	"github.com/zwfw/zwfw/matters"
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
		Matters  int         `json:"matters"`
		Problems schema.List `json:"problems"`
	}
	var results []result
	check := func(name string, data []byte) {
		cat, probs := validate(name, data)
		n := 0
		if cat != nil {
			n = len(cat.Matters)
		}
		if probs == nil {
			probs = schema.List{}
		}
		results = append(results, result{File: name, Matters: n, Problems: probs})
	}
	if fl.NArg() == 0 {
		b, err := fs.ReadFile(data.FS, defaultFile)
		if err != nil {
			fmt.Fprintln(stderr, "validate:", err)
			return 2
		}
		check(defaultFile, b)
	}
	for _, name := range fl.Args() {
		b, err := os.ReadFile(name)
		if err != nil {
			// An unreadable file is a problem of that document, not a
			// usage error: the other files are still checked.
			results = append(results, result{File: name, Problems: schema.List{{
				Pos: schema.Pos{File: name}, Rule: matters.RuleRead, Message: err.Error(), Err: err}}})
			continue
		}
		check(name, b)
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
			fmt.Fprintf(stdout, "%s: %d matters, %d errors, %d warnings\n",
				r.File, r.Matters, r.Problems.Count(schema.Error), r.Problems.Count(schema.Warning))
		}
	}
	if failed {
		return 1
	}
	return 0
}

// validate reads one document. A catalogue gets the schema, decoding and
// semantic checks; any other kind the module knows gets its schema.
func validate(name string, data []byte) (*matters.Catalogue, schema.List) {
	n, probs := schema.Parse(name, data)
	if n == nil {
		return nil, probs
	}
	if k := n.Get("kind"); k != nil && k.Value == "Catalogue" {
		cat, more := matters.Decode(n)
		probs.Append(more)
		probs.Dedupe()
		return cat, probs
	}
	if s := schema.Detect(n, &probs); s != nil {
		probs.Append(s.Validate(n))
	}
	probs.Dedupe()
	return nil, probs
}
