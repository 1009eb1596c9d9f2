// Command matterlist converts a catalogue between the module's formats:
// the YAML and JSON documents, the CSV spreadsheet, and a Markdown table
// for reading.
//
// Usage:
//
//	matterlist [-in FILE | FILE] [-format yaml|json|csv|markdown|xlsx] [-encoding utf-8|utf-8-bom|gb18030]
//	           [-division CODE] [-division-name NAME] [-level LEVEL] [-as-of DATE]
//	matterlist [-in FILE] -list NAME [-by-body] [-format markdown|csv|json|xlsx] [-encoding …]
//
// -in - reads a catalogue from standard input.
//
// FILE is read by its extension or, failing that, its first line: a
// workbook (.xlsx: a matters sheet and sheets of materials, steps, legal
// basis and bundles, package matters/workbook), a spreadsheet saved as CSV (UTF-8 or GB18030, detected), or a YAML or JSON
// document. With no file it reads the embedded sample catalogue
// (examples/data/catalogue-pengxi.yaml).
//
// A spreadsheet lacks what a catalogue document states in its header:
// the division's name, the catalogue's level and its as-of date.
// -division, -division-name, -level and -as-of give them. Without them the
// division's code is the first row's 区划代码 (or, with no such column,
// the area every matter's code states, when they agree), its name is the
// one package county knows for that code, and the level is the matters' level when
// they all agree; each inference is noted on standard error. A document
// that would still lack a required element (a division name the county
// package does not know) is not written: the module would refuse it.
// The converted catalogue goes to standard output; -encoding applies to CSV
// output (gb18030 for Excel on Chinese Windows). Problems go to standard
// error in the compiler convention editors parse:
//
//	FILE:LINE:COL: SEVERITY: PATH: MESSAGE [RULE]
//
// With -list it writes instead one of the lists a locality publishes,
// generated from the matters' attributes by package reform: 马上办清单,
// 全程网办清单, 川渝通办清单 and 跨省通办清单 (by batch), 下放事项清单 (by receiving
// level), 全域通办清单, 就近可办清单, 一件事一次办清单 (by bundle), 24小时自助清单
// and 容缺受理清单, as a Markdown table (the default), CSV, JSON or a workbook
// (xlsx), numbered (序号) under a heading with the unit and the as-of date;
// -by-body groups it by department instead. The lists and their writers
// are package reform's ([reform.Selection]); this program only chooses
// them.
//
// Help, headings and column labels follow -lang zh|en or the locale
// (LC_ALL, LC_MESSAGES, LANG: zh_* is Chinese).
//
// YAML output starts with the line that points editors (the YAML language
// server) at the catalogue schema, at the address it is published at
// (schema.PublishedBase); -schema REF writes REF instead, for an editor
// that reads a local copy (the schema files are in the module's schema
// directory). Comments of a YAML input are not part of the catalogue and
// are not written in any format: a warning on standard error says how many
// lines had them.
//
// It exits 0 when the catalogue has no error (warnings alone do not fail),
// 1 when it has one (nothing is written then), and 2 on a usage error.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/zwfw/zwfw/county"
	"github.com/zwfw/zwfw/examples/internal/cli"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/workbook"
	"github.com/zwfw/zwfw/reform"
	"github.com/zwfw/zwfw/schema"
)

func main() { cli.Main(run) }

// options are the command's flags.
type options struct {
	in       string
	format   string
	encoding matters.Encoding
	list     string // the published list to write instead of the catalogue
	// The catalogue's header, when given: division code and name, level,
	// as-of date.
	division, divisionName string
	level                  matters.Level
	asOf                   time.Time
	schema                 string // the schema reference written into YAML output
	byBody                 bool   // group the list by department
	p                      *schema.Printer
}

// formats are the output formats, by -format name.
var formats = map[string]func(io.Writer, *matters.Catalogue, *options) error{
	"yaml": writeYAML,
	"json": func(w io.Writer, c *matters.Catalogue, _ *options) error { return c.WriteJSON(w) },
	"csv": func(w io.Writer, c *matters.Catalogue, o *options) error {
		return c.WriteCSV(w, &matters.CSVOptions{Encoding: o.encoding})
	},
	"markdown": func(w io.Writer, c *matters.Catalogue, o *options) error { return c.WriteMarkdown(w, o.p) },
	"xlsx":     func(w io.Writer, c *matters.Catalogue, _ *options) error { return workbook.Write(w, c) },
}

var encodings = map[string]matters.Encoding{"utf-8": matters.UTF8, "utf-8-bom": matters.UTF8BOM, "gb18030": matters.GB18030}

func run(args []string, stdout, stderr io.Writer) int {
	o, code := parseFlags(args, stderr)
	if o == nil {
		return code
	}
	cat, probs := cli.LoadCatalogue(o.in)
	o.p.List(stderr, probs)
	if cat == nil || probs.HasErrors() {
		return 1
	}
	completeHeader(cat, o, stderr)
	if o.list == "" && (o.format == "yaml" || o.format == "json") {
		if cat.Division.Name == "" {
			fmt.Fprintf(stderr, "matterlist: %s\n", o.p.Sprintf("the catalogue names no division and %s is not a division package county knows; give -division-name (a %s document needs it)",
				cat.Division.Code, strings.ToUpper(o.format)))
			return 1
		}
	}
	if o.list != "" {
		sel := reform.LookupList(o.list).Select(cat)
		if o.byBody {
			sel = sel.ByBody()
		}
		lopts := &reform.ListOptions{Lang: &o.p.Lang, Encoding: o.encoding}
		var err error
		switch o.format {
		case "markdown":
			err = sel.WriteMarkdown(stdout, lopts)
		case "csv":
			err = sel.WriteCSV(stdout, lopts)
		case "json":
			err = sel.WriteJSON(stdout)
		case "xlsx":
			err = writeListXLSX(stdout, sel, o)
		}
		if err != nil {
			fmt.Fprintln(stderr, "matterlist:", err)
			return 1
		}
		return 0
	}
	if err := formats[o.format](stdout, cat, o); err != nil {
		fmt.Fprintln(stderr, "matterlist:", err)
		return 1
	}
	warnComments(stderr, o.p, o.in)
	return 0
}

// writeYAML writes the catalogue as YAML, its first line pointing editors
// at the schema: by default its published address, with -schema a local
// copy.
func writeYAML(w io.Writer, c *matters.Catalogue, o *options) error {
	if o.schema == "" {
		return c.WriteYAML(w)
	}
	var b strings.Builder
	if err := c.WriteYAML(&b); err != nil {
		return err
	}
	text := b.String()
	if strings.HasPrefix(text, schema.SchemaLine) {
		_, rest, _ := strings.Cut(text, "\n")
		text = schema.SchemaLine + o.schema + "\n" + rest
	}
	_, err := io.WriteString(w, text)
	return err
}

// warnComments says on standard error how many comment lines of a YAML
// input were not written: comments are not part of a catalogue, and no
// format keeps them.
func warnComments(stderr io.Writer, p *schema.Printer, name string) {
	if name == "-" {
		return // read already
	}
	r, name, err := cli.Open(name)
	if err != nil {
		return
	}
	defer r.Close()
	br := bufio.NewReader(r)
	head, _ := br.Peek(4096)
	if matters.IsCSV(name, head) || strings.EqualFold(filepath.Ext(name), ".json") {
		return // no comments in either
	}
	n, _ := schema.CountComments(br)
	if n > 1 { // the first line only points editors at the schema
		fmt.Fprintln(stderr, "matterlist: "+p.Sprintf("warning: %s: %d lines with comments are not written (comments are not part of the catalogue; keep the commented file as the source)", name, n))
	}
}

func parseFlags(args []string, stderr io.Writer) (*options, int) {
	prog := cli.New("matterlist", args, stderr,
		"[-in FILE | FILE] [-format yaml|json|csv|markdown|xlsx] [-encoding utf-8|utf-8-bom|gb18030] [-division CODE] [-division-name NAME] [-level LEVEL] [-as-of DATE] [-lang zh|en]",
		"[-in FILE] -list NAME [-by-body] [-format markdown|csv|json|xlsx] [-encoding ...]")
	fl := prog.Flags
	o := options{p: prog.P}
	fl.StringVar(&o.in, "in", "", "read the catalogue from `FILE` (.xlsx, CSV, YAML or JSON); default: the embedded sample")
	fl.StringVar(&o.format, "format", "yaml", "write `yaml`, json, csv, markdown or xlsx")
	enc := fl.String("encoding", "utf-8", "encoding of CSV output: `utf-8`, utf-8-bom or gb18030")
	fl.StringVar(&o.schema, "schema", "", "write `REF` as the schema reference of YAML output (default: the published address; a path such as ../schema/catalogue.schema.json for a local copy)")
	fl.StringVar(&o.list, "list", "", "write the published list `NAME` (马上办清单, 川渝通办清单, …) as markdown, csv, json or xlsx instead of the catalogue")
	fl.BoolVar(&o.byBody, "by-body", false, "group the list by department (实施主体) instead of its own grouping")
	fl.StringVar(&o.division, "division", "", "the catalogue's division `CODE` (GB/T 2260, 6, 9 or 12 digits)")
	fl.StringVar(&o.divisionName, "division-name", "", "the catalogue's division `NAME` (广安区)")
	fl.Func("level", "the catalogue's exercise `LEVEL` (县级, or 1–6)", cli.Parsed(matters.ParseLevel, func(l matters.Level) {
		o.level = l
	}))
	fl.Func("as-of", "the catalogue's as-of `DATE` (2023-06-30)", func(s string) error {
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return fmt.Errorf("%q is not a date like 2023-06-30", s)
		}
		o.asOf = t
		return nil
	})
	if err := prog.Parse(args); err != nil {
		return nil, 2
	}
	usage := func(format string, args ...any) (*options, int) {
		prog.Usagef(format, args...)
		return nil, 2
	}
	switch {
	case fl.NArg() == 1 && o.in == "":
		o.in = fl.Arg(0)
	case fl.NArg() > 0:
		return usage("unexpected argument %q (one input, given with -in or alone)", fl.Arg(fl.NArg()-1))
	}
	if o.division != "" {
		if _, err := matters.ParseDivisionCode(o.division); err != nil {
			return usage("-division: %s", cli.Bare(err))
		}
	}
	if o.list != "" {
		formatSet := false
		fl.Visit(func(f *flag.Flag) { formatSet = formatSet || f.Name == "format" })
		if !formatSet {
			o.format = "markdown"
		}
		if reform.LookupList(o.list) == nil {
			return usage("unknown list %q (lists: %s)", o.list, listNames())
		}
		if o.format != "markdown" && o.format != "csv" && o.format != "json" && o.format != "xlsx" {
			return usage("a list is written as markdown, csv, json or xlsx, not %q", o.format)
		}
	}
	if _, ok := formats[o.format]; !ok {
		return usage("unknown format %q", o.format)
	}
	var ok bool
	if o.encoding, ok = encodings[strings.ToLower(*enc)]; !ok {
		return usage("unknown encoding %q", *enc)
	}
	return &o, 0
}

// completeHeader sets the header elements given by flags, and infers the
// division's name and the catalogue's level when the catalogue does not
// state them, noting each inference.
func completeHeader(c *matters.Catalogue, o *options, stderr io.Writer) {
	if o.division != "" {
		c.Division.Code = o.division
	}
	if o.divisionName != "" {
		c.Division.Name = o.divisionName
	}
	if o.level != 0 {
		c.Level = o.level
	}
	if !o.asOf.IsZero() {
		c.AsOf = o.asOf
	}
	if c.Division.Code == "" {
		// No 区划代码 column: the area the matters' codes state, when
		// they all state the same.
		var area matters.DivisionCode
		for i := range c.Matters {
			code, _, err := c.Matters[i].Code.ParseLenient()
			d := code.Division()
			if err != nil || !d.IsValid() || area.IsValid() && d != area {
				area = matters.DivisionCode{}
				break
			}
			area = d
		}
		if area.IsValid() {
			c.Division.Code = area.String()
			fmt.Fprintln(stderr, "matterlist: "+o.p.Sprintf("note: division %s, the area every matter's code states; -division gives another", c.Division.Code))
		}
	}
	if c.Division.Name == "" && c.Division.Code != "" {
		if code, err := county.ParseCode(c.Division.Code); err == nil {
			if name, ok := county.Name(code); ok {
				c.Division.Name = name
				fmt.Fprintln(stderr, "matterlist: "+o.p.Sprintf("note: division %s is %s (package county); -division-name gives another name", c.Division.Code, name))
			}
		}
	}
	if c.Level == 0 && len(c.Matters) > 0 {
		l := c.Matters[0].Level
		for i := range c.Matters {
			if c.Matters[i].Level != l {
				return
			}
		}
		if l != 0 {
			c.Level = l
			fmt.Fprintln(stderr, "matterlist: "+o.p.Sprintf("note: level %s, the level of every matter; -level gives another", l))
		}
	}
}
