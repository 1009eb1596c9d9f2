// Command catalogdiff prints what changed between two editions of a
// catalogue: matters added, removed, changed and moved to another body or
// level, element by element (old → new), bundles added, removed and
// changed, and the catalogue's own elements.
//
// Usage:
//
//	catalogdiff [-json] [OLD NEW]
//
// Either file may be "-", read from standard input.
//
// OLD and NEW are read by their extension: .csv as spreadsheets, anything
// else as YAML or JSON documents. With no files it compares the two
// editions of the embedded sample catalogue (examples/data/
// catalogue-pengxi.yaml, April 2021, and catalogue-pengxi-2021-05.yaml,
// May). Problems in the inputs go to standard error in the compiler
// convention editors parse:
//
//	FILE:LINE:COL: SEVERITY: PATH: MESSAGE [RULE]
//
// It exits 0 when it printed the diff (whether or not there are
// differences), 1 when an input has an error (no diff is printed then),
// and 2 on a usage error. With -json it prints the diff as JSON.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/zwfw/zwfw/examples/data"
	"github.com/zwfw/zwfw/examples/internal/cli"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
)

func main() { cli.Main(run) }

func run(args []string, stdout, stderr io.Writer) int {
	prog := cli.New("catalogdiff", args, stderr, "[-json] [-lang zh|en] [OLD NEW]",
		schema.M("With no files, compares the two embedded editions of the sample catalogue."))
	fl, pr := prog.Flags, prog.P
	asJSON := fl.Bool("json", false, "print the diff as JSON")
	if err := prog.Parse(args); err != nil {
		return 2
	}
	var old, new *matters.Catalogue
	failed := false
	read := func(cat *matters.Catalogue, probs schema.List) *matters.Catalogue {
		pr.List(stderr, probs)
		failed = failed || cat == nil || probs.HasErrors()
		return cat
	}
	switch fl.NArg() {
	case 0:
		old = read(cli.Embedded(data.Catalogue))
		new = read(cli.Embedded(data.CatalogueLater))
	case 2:
		old = read(cli.LoadCatalogue(fl.Arg(0)))
		new = read(cli.LoadCatalogue(fl.Arg(1)))
	default:
		prog.Usagef("want two files, OLD and NEW, or none; have %d", fl.NArg())
		return 2
	}
	if failed {
		return 1
	}
	d := old.Diff(new)
	if !*asJSON {
		if err := d.Print(stdout, pr); err != nil {
			fmt.Fprintln(stderr, "catalogdiff:", err)
			return 1
		}
		return 0
	}
	raw, err := json.Marshal(d)
	var b bytes.Buffer
	if err == nil {
		err = json.Indent(&b, raw, "", "  ")
	}
	if err != nil {
		fmt.Fprintln(stderr, "catalogdiff:", err)
		return 1
	}
	b.WriteByte('\n')
	if _, err := stdout.Write(b.Bytes()); err != nil {
		fmt.Fprintln(stderr, "catalogdiff:", err)
		return 1
	}
	return 0
}
