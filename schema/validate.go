package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

//go:embed *.schema.json
var files embed.FS

// Files holds the JSON Schema files the module validates with, as
// *.schema.json, for editors and other tools.
var Files = files

// Schema is one of the module's embedded JSON Schemas. It is compiled on
// first use, once per process; a Schema is safe for concurrent use.
//
// Validation runs in plain Go over the [Node] tree (the fast validator),
// which agrees with the reference implementation,
// github.com/santhosh-tekuri/jsonschema/v5, problem for problem; the tests
// hold it to that. [Schema.Reference] returns the same schema validated by
// the reference itself.
type Schema struct {
	name      string // file name in [Files]
	kind      string // the document kind it validates
	once      func() (*compiled, error)
	reference bool
	base      *Schema // the schema a reference view was made from
}

type compiled struct {
	id       string
	compiler *jsonschema.Compiler
	doc      *Node // the schema itself, to read enum values for messages
	mu       sync.Mutex
	subs     map[string]*sub // by JSON pointer into the schema; "" is the root
}

// sub is one (sub)schema compiled both ways.
type sub struct {
	ref     *jsonschema.Schema
	fast    *vschema // nil when the fast validator cannot run it
	fastErr error
}

// The embedded schemas, one per document kind.
var (
	Catalogue = newSchema("catalogue.schema.json", "Catalogue")
	Bulletin  = newSchema("bulletin.schema.json", "Bulletin")
	Divisions = newSchema("divisions.schema.json", "Divisions")
	Modes     = newSchema("modes.schema.json", "ReformModes")
)

var all = []*Schema{Catalogue, Bulletin, Divisions, Modes}

func newSchema(name, kind string) *Schema {
	s := &Schema{name: name, kind: kind}
	s.once = sync.OnceValues(s.compile)
	return s
}

// ForKind returns the schema for documents whose "kind" is kind, or nil.
func ForKind(kind string) *Schema {
	for _, s := range all {
		if s.kind == kind && s.exists() {
			return s
		}
	}
	return nil
}

func (s *Schema) exists() bool {
	_, err := files.Open(s.name)
	return err == nil
}

// Reference returns a view of s that validates with the reference
// implementation (jsonschema/v5) rather than the fast validator. Both report
// the same problems; the reference is slower.
func (s *Schema) Reference() *Schema {
	if s.reference {
		return s
	}
	return &Schema{name: s.name, kind: s.kind, once: s.once, reference: true, base: s}
}

// Kind returns the document kind the schema validates ("Catalogue", …).
func (s *Schema) Kind() string { return s.kind }

// Name returns the schema's file name in [Files].
func (s *Schema) Name() string { return s.name }

// Source returns the schema text.
func (s *Schema) Source() []byte {
	b, _ := files.ReadFile(s.name)
	return b
}

// PublishedBase is the address the schema files are published at, from
// which an editor can fetch them: the files of this package's directory on
// the module's main branch. A schema's $id ([Schema.ID]) names it and is
// not meant to be fetched.
const PublishedBase = "https://raw.githubusercontent.com/zwfw/zwfw/main/schema/"

// URL returns the address the schema can be fetched from, PublishedBase
// and its file name. An editor with no access to it (an intranet) can use
// a copy of the file instead: the same file is in [Files] and in this
// package's directory, and a document names it by a path relative to
// itself ("# yaml-language-server: $schema=../schema/catalogue.schema.json").
func (s *Schema) URL() string { return PublishedBase + s.name }

// ID returns the schema's $id.
func (s *Schema) ID() string {
	c, err := s.once()
	if err != nil {
		return ""
	}
	return c.id
}

// errNoLoad is what the validator gets if anything asks it to read a file
// or URL: documents never make it fetch anything.
var errNoLoad = errors.New("schema: loading external schemas is disabled")

func (s *Schema) compile() (*compiled, error) {
	src, err := files.ReadFile(s.name)
	if err != nil {
		return nil, fmt.Errorf("schema: %s is not embedded", s.name)
	}
	doc, probs := ParseJSON(s.name, src)
	if err := probs.Err(); err != nil {
		return nil, err
	}
	id := doc.Get("$id")
	if id == nil || id.Kind != String {
		return nil, fmt.Errorf("schema: %s has no $id", s.name)
	}
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	c.LoadURL = func(string) (io.ReadCloser, error) { return nil, errNoLoad }
	// Every embedded schema is registered under its $id, so one may refer
	// to another and nothing is fetched.
	names, _ := fs.Glob(files, "*.schema.json")
	for _, name := range names {
		osrc, err := files.ReadFile(name)
		if err != nil {
			continue
		}
		odoc, _ := ParseJSON(name, osrc)
		if odoc == nil {
			return nil, fmt.Errorf("schema: %s is not JSON", name)
		}
		if oid := odoc.Get("$id"); oid != nil {
			if err := c.AddResource(oid.Value, bytes.NewReader(osrc)); err != nil {
				return nil, fmt.Errorf("schema: %s: %w", name, err)
			}
		}
	}
	cs := &compiled{id: id.Value, compiler: c, doc: doc, subs: map[string]*sub{}}
	if _, err := cs.sub(""); err != nil {
		return nil, err
	}
	return cs, nil
}

// sub returns the subschema at JSON pointer ptr ("" for the root, e.g.
// "/$defs/matter"), compiling it on first use.
func (c *compiled) sub(ptr string) (*sub, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.subs[ptr]; ok {
		return s, nil
	}
	ref, err := c.compiler.Compile(c.id + "#" + ptr)
	if err != nil {
		return nil, fmt.Errorf("schema: compiling %s#%s: %w", c.id, ptr, err)
	}
	s := &sub{ref: ref}
	s.fast, s.fastErr = compileFast(c.doc, ptr)
	c.subs[ptr] = s
	return s, nil
}

// Validate checks the document n against the schema and returns one problem
// per failed assertion, located at the node concerned: for a missing
// required member, the object that lacks it; for a member not allowed, the
// member's key. Problems are sorted.
func (s *Schema) Validate(n *Node) List { return s.ValidateAt(n, Root, "") }

// ValidateAt checks n, found at path at of a larger document, against the
// subschema at JSON pointer def of s ("" for the whole schema,
// "/$defs/matter" for one matter). Streaming readers use it to validate one
// element at a time; problem paths start with at.
func (s *Schema) ValidateAt(n *Node, at Path, def string) List {
	if n == nil {
		return List{{Path: at, Rule: "schema.internal", Message: "schema: no value to validate"}}
	}
	if probs := outOfRange(n, at); probs != nil {
		// The readers refuse such numbers; a tree built in code may hold
		// them. Neither validator reads them as written (the reference
		// panics on some), so neither is asked to.
		return probs
	}
	c, err := s.once()
	if err != nil {
		return List{{Rule: "schema.internal", Message: err.Error(), Err: err}}
	}
	sb, err := c.sub(def)
	if err != nil {
		return List{{Rule: "schema.internal", Message: err.Error(), Err: err}}
	}
	if sb.fast != nil && !s.reference {
		r := &fastRun{root: sb.fast, terms: c.enumTerms, doc: n, at: at}
		r.validate(sb.fast, n)
		r.out.Dedupe()
		return r.out
	}
	verr, bad := refValidate(sb.ref, n)
	if bad != nil {
		return List{{Path: at, Pos: n.Pos, Rule: "schema.internal", Message: bad.Error(), Err: bad}}
	}
	if verr == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(verr, &ve) {
		return List{{Rule: "schema.internal", Message: verr.Error(), Err: verr}}
	}
	var probs List
	c.collect(ve, n, at, &probs)
	probs.Dedupe()
	return probs
}

// outOfRange reports the numbers of n that cannot be read as written.
func outOfRange(n *Node, at Path) List {
	if allInRange(n) {
		return nil // the common case: no path is built
	}
	var out List
	var walk func(*Node, Path)
	walk = func(x *Node, p Path) {
		switch x.Kind {
		case Number:
			if msg, bad := numberRange(x.Value); bad {
				out = append(out, &Problem{Path: p, Pos: x.Pos, Rule: RuleNumberRange, Message: msg})
			}
		case Object:
			for _, f := range x.Fields {
				if f.Value != nil {
					walk(f.Value, p.Key(f.Key))
				}
			}
		case Array:
			for i, it := range x.Items {
				if it != nil {
					walk(it, p.Index(i))
				}
			}
		}
	}
	walk(n, at)
	return out
}

func allInRange(x *Node) bool {
	switch x.Kind {
	case Number:
		_, bad := numberRange(x.Value)
		return !bad
	case Object:
		for _, f := range x.Fields {
			if f.Value != nil && !allInRange(f.Value) {
				return false
			}
		}
	case Array:
		for _, it := range x.Items {
			if it != nil && !allInRange(it) {
				return false
			}
		}
	}
	return true
}

// refValidate runs the reference validator, which panics on some values
// (a number whose exponent is beyond its reach, for one): a panic becomes
// an error rather than ending the program.
func refValidate(ref *jsonschema.Schema, n *Node) (verr, bad error) {
	defer func() {
		if r := recover(); r != nil {
			bad = fmt.Errorf("schema: the reference validator failed on this value: %v", r)
		}
	}()
	if n == nil {
		return nil, errors.New("schema: no value to validate")
	}
	return ref.Validate(n.Interface()), nil
}

// Fast reports whether the fast validator covers the whole schema; when it
// does not, validation uses the reference, and the error says why.
func (s *Schema) Fast() error {
	c, err := s.once()
	if err != nil {
		return err
	}
	sb, err := c.sub("")
	if err != nil {
		return err
	}
	return sb.fastErr
}

// collect maps the leaves of the validator's error tree to problems.
// unescapeLocation undoes the percent-encoding jsonschema/v5 applies to
// each token of an instance location (a member "0!" is at ".../0%21"), so
// that its paths are this package's JSON Pointers.
func unescapeLocation(ptr string) string {
	if !strings.Contains(ptr, "%") {
		return ptr
	}
	tokens := strings.Split(ptr, "/")
	for i, t := range tokens {
		if u, err := url.PathUnescape(t); err == nil {
			tokens[i] = u
		}
	}
	return strings.Join(tokens, "/")
}

func (c *compiled) collect(ve *jsonschema.ValidationError, doc *Node, at Path, out *List) {
	if len(ve.Causes) > 0 {
		for _, cause := range ve.Causes {
			c.collect(cause, doc, at, out)
		}
		return
	}
	rel := ParsePointer(unescapeLocation(ve.InstanceLocation))
	node, _ := doc.Nearest(rel)
	path := Path{at.ptr + rel.ptr}
	keyword := ve.KeywordLocation[strings.LastIndexByte(ve.KeywordLocation, '/')+1:]
	rule := Rule("schema." + kebab(keyword))
	pos := node.Pos
	switch keyword {
	case "required":
		// One problem per missing member, at the object that lacks it.
		for _, name := range quotedNames(ve.Message) {
			out.Add(Errorf(path.Key(name), pos, rule, "missing required member %q", name))
		}
		return
	case "additionalProperties":
		// One problem per member not allowed, at its key (the last, when
		// a key is repeated: that is the member the validator saw).
		last := lastIndexes(node)
		for i, f := range node.Fields {
			if last != nil && last[f.Key] != i {
				continue
			}
			if strings.Contains(ve.Message, quote(f.Key)) {
				out.Add(Errorf(path.Key(f.Key), f.KeyPos, rule, "unknown member %q (local extensions must start with \"x-\")", f.Key))
			}
		}
		return
	case "enum":
		_, frag, _ := strings.Cut(ve.AbsoluteKeywordLocation, "#")
		out.Add(Errorf(path, pos, rule, "%s is not allowed here; use one of: %s", describe(node), c.enumTerms(frag)))
		return
	case "const":
		out.Add(Errorf(path, pos, rule, "%s is not allowed here; %s", describe(node), ve.Message))
		return
	case "":
		rule = "schema.invalid"
	}
	out.Add(&Problem{Path: path, Pos: pos, Rule: rule, Message: ve.Message})
}

// enumTerms lists the string values of the enum at a JSON pointer into the
// schema that are not numeric codes: the terms to write.
func (c *compiled) enumTerms(ptr string) Msg {
	n := c.doc.Lookup(ParsePointer(ptr))
	if n == nil || n.Kind != Array {
		return M("(see the schema)")
	}
	var terms, codes []string
	for _, it := range n.Items {
		switch {
		case it.Kind == String && !isDigits(it.Value):
			terms = append(terms, it.Value)
		case it.Kind == String:
			codes = append(codes, it.Value)
		}
	}
	s := strings.Join(terms, ", ")
	if len(terms) == 0 {
		s = strings.Join(codes, ", ")
	} else if len(codes) > 0 {
		var uniq []string
		for _, c := range codes {
			if !slices.Contains(uniq, c) {
				uniq = append(uniq, c)
			}
		}
		return M("%s (or the national code %s)", s, strings.Join(uniq, ", "))
	}
	return M("%s", s)
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// describe shows a value briefly for messages.
func describe(n *Node) any {
	switch n.Kind {
	case String:
		// A document that is one long scalar (a spreadsheet read as YAML)
		// is named by its start, never printed whole.
		if v := []rune(n.Value); len(v) > 40 {
			return fmt.Sprintf("the text %q… (%d characters)", string(v[:40]), len(v))
		}
		return fmt.Sprintf("%q", n.Value)
	case Number, Bool:
		if len(n.Value) > 40 {
			return n.Value[:40] + "…"
		}
		return n.Value
	case Null:
		return "null"
	}
	if n.Kind == Object {
		return M("this object")
	}
	return M("this array")
}

// quotedNames extracts the names jsonschema quotes in single quotes.
func quotedNames(msg string) []string {
	var names []string
	for {
		i := strings.IndexByte(msg, '\'')
		if i < 0 {
			return names
		}
		msg = msg[i+1:]
		var b strings.Builder
		j := 0
		for j < len(msg) && msg[j] != '\'' {
			if msg[j] == '\\' && j+1 < len(msg) {
				j++
			}
			b.WriteByte(msg[j])
			j++
		}
		// The name was quoted with Go escapes; undo them.
		var s string
		if err := json.Unmarshal([]byte(`"`+strings.ReplaceAll(b.String(), `"`, `\"`)+`"`), &s); err != nil {
			s = b.String()
		}
		names = append(names, s)
		if j >= len(msg) {
			return names
		}
		msg = msg[j+1:]
	}
}

// quote quotes s as jsonschema/v5 does in its messages.
func quote(s string) string {
	s = fmt.Sprintf("%q", s)
	s = strings.ReplaceAll(s, `\"`, `"`)
	s = strings.ReplaceAll(s, `'`, `\'`)
	return "'" + s[1:len(s)-1] + "'"
}

// kebab turns a keyword such as additionalProperties into
// additional-properties.
func kebab(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('-')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return "invalid"
	}
	return b.String()
}

// Validate parses data (see [Parse]), picks the schema from the document's
// "kind" member when want is nil, and validates. It returns the document and
// every problem found; the node is nil when the text could not be read.
func Validate(file string, data []byte, want *Schema) (*Node, List) {
	n, probs := Parse(file, data)
	if n == nil {
		return nil, probs
	}
	s := want
	if s == nil {
		s = Detect(n, &probs)
		if s == nil {
			probs.Sort()
			return n, probs
		}
	}
	probs = append(probs, s.Validate(n)...)
	probs.Dedupe()
	return n, probs
}

// RuleUnknownKind is reported when a document's kind names no schema.
const RuleUnknownKind Rule = "document.unknown-kind"

// Detect returns the schema for the document's "kind" member, adding a
// problem to probs when there is none.
func Detect(n *Node, probs *List) *Schema {
	kinds := make([]string, 0, len(all))
	for _, s := range all {
		if s.exists() {
			kinds = append(kinds, s.kind)
		}
	}
	k := n.Get("kind")
	switch {
	case n.Kind != Object:
		probs.Errorf(Root, n.Pos, RuleUnknownKind, "document is %s, not an object with a kind (%s)", describe(n), strings.Join(kinds, ", "))
	case k == nil:
		probs.Errorf(Root.Key("kind"), n.Pos, RuleUnknownKind, "document has no kind; want one of %s", strings.Join(kinds, ", "))
	case k.Kind != String || ForKind(k.Value) == nil:
		probs.Errorf(Root.Key("kind"), k.Pos, RuleUnknownKind, "unknown document kind %s; want one of %s", describe(k), strings.Join(kinds, ", "))
	default:
		return ForKind(k.Value)
	}
	return nil
}
