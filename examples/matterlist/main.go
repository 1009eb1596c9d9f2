// Command matterlist converts a catalogue between the module's formats:
// the YAML and JSON documents, the CSV spreadsheet, and a Markdown table
// for reading.
//
// Usage:
//
//	matterlist [-in FILE | FILE] [-format yaml|json|csv|markdown|xlsx] [-encoding utf-8|utf-8-bom|gb18030]
//	           [-division CODE] [-division-name NAME] [-level LEVEL] [-as-of DATE]
//	matterlist [-in FILE] -list NAME [-format markdown|csv|json|xlsx] [-encoding …]
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
// (xlsx, with a 序号 column).
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
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/zwfw/zwfw/county"
	"github.com/zwfw/zwfw/examples/data"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/workbook"
	"github.com/zwfw/zwfw/reform"
	"github.com/zwfw/zwfw/schema"
)

// defaultFile is the embedded document read when no file is given.
const defaultFile = "catalogue-pengxi.yaml"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

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
}

// formats are the output formats, by -format name.
var formats = map[string]func(io.Writer, *matters.Catalogue, *options) error{
	"yaml": writeYAML,
	"json": func(w io.Writer, c *matters.Catalogue, _ *options) error { return c.WriteJSON(w) },
	"csv": func(w io.Writer, c *matters.Catalogue, o *options) error {
		return c.WriteCSV(w, &matters.CSVOptions{Encoding: o.encoding})
	},
	"markdown": writeMarkdown,
	"xlsx":     func(w io.Writer, c *matters.Catalogue, _ *options) error { return workbook.Write(w, c) },
}

var encodings = map[string]matters.Encoding{"utf-8": matters.UTF8, "utf-8-bom": matters.UTF8BOM, "gb18030": matters.GB18030}

func run(args []string, stdout, stderr io.Writer) int {
	o, code := parseFlags(args, stderr)
	if o == nil {
		return code
	}
	cat, probs := load(o.in)
	for _, p := range probs {
		fmt.Fprintln(stderr, p)
	}
	if cat == nil || probs.HasErrors() {
		return 1
	}
	completeHeader(cat, o, stderr)
	if o.list == "" && (o.format == "yaml" || o.format == "json") {
		if cat.Division.Name == "" {
			fmt.Fprintf(stderr, "matterlist: the catalogue names no division and %s is not a division package county knows; give -division-name (a %s document needs it)\n",
				cat.Division.Code, strings.ToUpper(o.format))
			return 1
		}
	}
	if o.list != "" {
		if err := listFormats[o.format](stdout, cat, reform.LookupList(o.list).Select(cat), o); err != nil {
			fmt.Fprintln(stderr, "matterlist:", err)
			return 1
		}
		return 0
	}
	if err := formats[o.format](stdout, cat, o); err != nil {
		fmt.Fprintln(stderr, "matterlist:", err)
		return 1
	}
	warnComments(stderr, o.in)
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
func warnComments(stderr io.Writer, name string) {
	var r io.ReadCloser
	var err error
	switch {
	case name == "":
		name = defaultFile
		r, err = data.FS.Open(defaultFile)
	case name == "-":
		return // read already
	default:
		r, err = os.Open(name)
	}
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
		fmt.Fprintf(stderr, "matterlist: warning: %s: %d lines with comments are not written (comments are not part of the catalogue; keep the commented file as the source)\n", name, n)
	}
}

func parseFlags(args []string, stderr io.Writer) (*options, int) {
	fl := flag.NewFlagSet("matterlist", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var o options
	fl.StringVar(&o.in, "in", "", "read the catalogue from `FILE` (.xlsx, CSV, YAML or JSON); default: the embedded sample")
	fl.StringVar(&o.format, "format", "yaml", "write `yaml`, json, csv, markdown or xlsx")
	enc := fl.String("encoding", "utf-8", "encoding of CSV output: `utf-8`, utf-8-bom or gb18030")
	fl.StringVar(&o.schema, "schema", "", "write `REF` as the schema reference of YAML output (default: the published address; a path such as ../schema/catalogue.schema.json for a local copy)")
	fl.StringVar(&o.list, "list", "", "write the published list `NAME` (马上办清单, 川渝通办清单, …) as markdown, csv, json or xlsx instead of the catalogue")
	fl.StringVar(&o.division, "division", "", "the catalogue's division `CODE` (GB/T 2260, 6, 9 or 12 digits)")
	fl.StringVar(&o.divisionName, "division-name", "", "the catalogue's division `NAME` (广安区)")
	fl.Func("level", "the catalogue's exercise `LEVEL` (县级, or 1–6)", func(s string) error {
		l, err := matters.ParseLevel(s)
		if err != nil {
			return fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "matters: "))
		}
		o.level = l
		return nil
	})
	fl.Func("as-of", "the catalogue's as-of `DATE` (2023-06-30)", func(s string) error {
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return fmt.Errorf("%q is not a date like 2023-06-30", s)
		}
		o.asOf = t
		return nil
	})
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: matterlist [-in FILE | FILE] [-format yaml|json|csv|markdown|xlsx] [-encoding utf-8|utf-8-bom|gb18030]")
		fmt.Fprintln(stderr, "                  [-division CODE] [-division-name NAME] [-level LEVEL] [-as-of DATE]")
		fmt.Fprintln(stderr, "       matterlist [-in FILE] -list NAME [-format markdown|csv|json|xlsx] [-encoding ...]")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return nil, 2
	}
	usage := func(format string, args ...any) (*options, int) {
		fmt.Fprintf(stderr, "matterlist: "+format+"\n", args...)
		fl.Usage()
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
			return usage("-division: %s", strings.TrimPrefix(err.Error(), "matters: "))
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
		if _, ok := listFormats[o.format]; !ok {
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

// load reads the catalogue named by -in, or the embedded sample.
func load(name string) (*matters.Catalogue, schema.List) {
	var probs schema.List
	if name == "" {
		cat, _ := matters.LoadFS(data.FS, defaultFile, schema.Collect(&probs))
		return cat, probs
	}
	if strings.EqualFold(filepath.Ext(name), ".xlsx") {
		cat, _ := workbook.ReadFile(name, schema.Collect(&probs))
		return cat, probs
	}
	if name == "-" {
		cat, _ := matters.Load(os.Stdin, "<stdin>", schema.Collect(&probs))
		return cat, probs
	}
	cat, _ := matters.LoadFile(name, schema.Collect(&probs))
	return cat, probs
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
			code, _, err := matters.ParseMatterCodeLenient(c.Matters[i].Code)
			d := code.Division()
			if err != nil || !d.IsValid() || area.IsValid() && d != area {
				area = matters.DivisionCode{}
				break
			}
			area = d
		}
		if area.IsValid() {
			c.Division.Code = area.String()
			fmt.Fprintf(stderr, "matterlist: note: division %s, the area every matter's code states; -division gives another\n", c.Division.Code)
		}
	}
	if c.Division.Name == "" && c.Division.Code != "" {
		if code, err := county.ParseCode(c.Division.Code); err == nil {
			if name, ok := county.Name(code); ok {
				c.Division.Name = name
				fmt.Fprintf(stderr, "matterlist: note: division %s is %s (package county); -division-name gives another name\n", c.Division.Code, name)
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
			fmt.Fprintf(stderr, "matterlist: note: level %s, the level of every matter; -level gives another\n", l)
		}
	}
}

// writeMarkdown writes a heading, a summary and a table of the matters,
// grouped by body in the order the bodies first appear.
func writeMarkdown(w io.Writer, c *matters.Catalogue, _ *options) error {
	var b strings.Builder
	title := c.Title
	if title == "" {
		title = c.Division.Name + c.Kind.String()
	}
	fmt.Fprintf(&b, "# %s\n\n", cell(title))
	var facts []string
	if c.Division.Name != "" || c.Division.Code != "" {
		facts = append(facts, strings.TrimSpace(c.Division.Name+" "+c.Division.Code))
	}
	if !c.AsOf.IsZero() {
		facts = append(facts, "as of "+c.AsOf.Format("2006-01-02"))
	}
	instant, online := 0, 0
	for i := range c.Matters {
		if c.Matters[i].IsInstant() {
			instant++
		}
		if c.Matters[i].FullyOnline() {
			online++
		}
	}
	facts = append(facts, fmt.Sprintf("%d matters (%d 即办, %d 全程网办)", len(c.Matters), instant, online))
	if len(c.Bundles) > 0 {
		facts = append(facts, fmt.Sprintf("%d one-thing bundles", len(c.Bundles)))
	}
	b.WriteString(cell(strings.Join(facts, " · ")) + "\n")

	var bodies []string
	byBody := map[string][]*matters.Matter{}
	for i := range c.Matters {
		m := &c.Matters[i]
		if _, ok := byBody[m.Body.Name]; !ok {
			bodies = append(bodies, m.Body.Name)
		}
		byBody[m.Body.Name] = append(byBody[m.Body.Name], m)
	}
	for _, body := range bodies {
		fmt.Fprintf(&b, "\n## %s\n\n", cell(body))
		b.WriteString("| 事项编码 | 事项名称 | 事项类型 | 行使层级 | 法定时限 | 承诺时限 | 办件类型 | 跑动次数 | 网办深度 | 通办范围 |\n")
		b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
		for _, m := range byBody[body] {
			visits := ""
			if m.Visits != nil {
				visits = fmt.Sprint(*m.Visits)
			}
			var scopes []string
			for _, s := range m.Scopes {
				scopes = append(scopes, s.Kind.String())
			}
			row := []string{m.Code, m.Name, m.Type.String(), m.Level.String(), m.LegalLimit.String(), m.PromisedLimit.String(),
				m.HandlingKind.String(), visits, m.Depth().String(), strings.Join(slices.Compact(scopes), "、")}
			for i := range row {
				row[i] = cell(row[i])
			}
			b.WriteString("| " + strings.Join(row, " | ") + " |\n")
		}
	}
	if len(c.Bundles) > 0 {
		b.WriteString("\n## 一件事一次办\n\n| 编码 | 名称 | 牵头部门 | 事项数 | 承诺时限 |\n|---|---|---|---|---|\n")
		for _, bu := range c.Bundles {
			fmt.Fprintf(&b, "| %s | %s | %s | %d | %s |\n", cell(bu.Code), cell(bu.Name), cell(bu.LeadBody), len(bu.Matters), cell(bu.PromisedLimit.String()))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cell escapes text for a Markdown table cell or line: white space runs
// become one space, other control characters are written visibly, HTML
// markup becomes entities and Markdown syntax is escaped (schema.Markdown).
func cell(s string) string {
	return schema.Markdown(strings.Join(strings.Fields(s), " "))
}
