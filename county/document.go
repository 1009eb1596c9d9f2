package county

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
)

// MaxSize is the largest divisions document [Load], [LoadFile] and [LoadFS]
// accept, in bytes: the divisions of a province down to its villages fit,
// and a document read whole must also stay within the node budget of
// package schema (schema.MaxNodes).
const MaxSize = 64 << 20

// maxSize is MaxSize, lowered by tests.
var maxSize = MaxSize

// ruleInvalidValue: a value the schema lets through cannot be used. The
// schema's enums, formats and bounds leave nothing for it today; it guards
// the decoder should the schema ever be loosened.
const ruleInvalidValue schema.Rule = "county.invalid-value"

// Parse reads a divisions document (YAML or JSON, see [schema.Parse]),
// validates it against [schema.Divisions] and then checks its meaning:
// parents exist, codes are unique and fit their unit's kind and parent,
// there are no cycles (see the Rule… constants). file names the input in
// problems. The hierarchy is nil when any problem is an error, and so is
// the error then; warnings alone are not errors ([schema.Collect] gives
// them).
func Parse(file string, data []byte, opts ...schema.Option) (*Hierarchy, error) {
	return docLoader().Parse(file, data, opts...)
}

// Load reads a divisions document from r; see [Parse]. It reads at most
// [MaxSize] bytes.
func Load(r io.Reader, file string, opts ...schema.Option) (*Hierarchy, error) {
	return docLoader().Load(r, file, opts...)
}

// LoadFile reads the file at path: CSV in the statistical-code layout (see
// [ReadCSV]) when its name ends in .csv, a divisions document otherwise.
func LoadFile(path string, opts ...schema.Option) (*Hierarchy, error) {
	return loaderFor(path).LoadFile(path, opts...)
}

// LoadFS is [LoadFile] for a file of fsys.
func LoadFS(fsys fs.FS, name string, opts ...schema.Option) (*Hierarchy, error) {
	return loaderFor(name).LoadFS(fsys, name, opts...)
}

var csvLoader = &schema.Loader[*Hierarchy]{Read: readCSV}

func docLoader() *schema.Loader[*Hierarchy] {
	return &schema.Loader[*Hierarchy]{Decode: decodeDocument, MaxSize: maxSize}
}

func loaderFor(name string) *schema.Loader[*Hierarchy] {
	if strings.EqualFold(path.Ext(name), ".csv") {
		return csvLoader
	}
	return docLoader()
}

// decodeDocument validates, decodes and checks a document read by
// [schema.Parse].
func decodeDocument(n *schema.Node) (*Hierarchy, schema.List) {
	probs := schema.Divisions.Validate(n)
	if probs.HasErrors() {
		probs.Dedupe()
		return nil, probs
	}
	var doc divisionsDoc
	codec.Decode(n, &doc, n, schema.Root, &probs)
	malformedCodes(probs)
	recs := records(&doc, n)
	resolve(recs, &probs)
	h, probs := assemble(recs, doc.Sources, probs)
	if h != nil {
		h.ext = fields(doc.Extensions)
	}
	return h, probs
}

// malformedCodes gives the codes the codec could not read the rule and the
// wording of a malformed code: [Code] is matters' type, whose text method
// fails with a [matters.CodeError].
func malformedCodes(probs schema.List) {
	for _, p := range probs {
		var ce *matters.CodeError
		if errors.As(p.Err, &ce) {
			p.Rule = RuleMalformedCode
			p.Message = fmt.Sprintf("code %q is malformed: %s", ce.Code, ce.Msg)
		}
	}
}

// codec reads and writes divisions documents as the doc tags of the types
// below and of [Source], [FormerCode], [ServicePoint] and [Figure] declare
// them. What the schema lets through and still cannot be used (a code of
// a province that does not exist, a date that does not) is an invalid
// value.
var codec = &schema.Codec{Rule: ruleInvalidValue, TextRule: ruleInvalidValue, Prefix: "county: ", Header: []string{"kind", "schemaVersion"}}

// divisionsDoc is a divisions document as written.
type divisionsDoc struct {
	Sources    []Source  `doc:"sources"`
	Units      []unitDoc `doc:"units,keep"`
	Extensions map[string]json.RawMessage
}

// unitDoc is a unit as written: its parent by code or name.
type unitDoc struct {
	Code          Code           `doc:"code"`
	Name          string         `doc:"name"`
	Kind          Kind           `doc:"kind"`
	Parent        string         `doc:"parent"`
	FormerCodes   []FormerCode   `doc:"formerCodes"`
	Note          string         `doc:"note"`
	ServicePoints []ServicePoint `doc:"servicePoints"`
	Figures       []Figure       `doc:"figures"`
	Extensions    map[string]json.RawMessage
}

// records turns the units of a decoded document into records, leaving out
// a unit whose code could not be read (a unit without its code would only
// raise problems that are consequences of that one) and the values that
// could not be read in the others.
func records(doc *divisionsDoc, n *schema.Node) []*record {
	units := n.Get("units")
	var recs []*record
	for i := range doc.Units {
		w := &doc.Units[i]
		un := units.Items[i]
		if un.Get("code") != nil && !w.Code.IsValid() {
			continue
		}
		base := schema.Root.Key("units").Index(i)
		r := &record{path: base, ref: w.Parent}
		r.locate = func(key string) (schema.Path, schema.Pos) {
			p := base
			for _, s := range strings.Split(key, "/") {
				if n, err := strconv.Atoi(s); err == nil {
					p = p.Index(n)
				} else {
					p = p.Key(s)
				}
			}
			rel := schema.ParsePointer("/" + key)
			if n, _ := un.Nearest(rel); n != nil {
				return p, n.Pos
			}
			return p, un.Pos
		}
		u := &r.u
		u.pos, u.name, u.note, u.code, u.kind = un.Pos, w.Name, w.Note, w.Code, w.Kind
		u.ext = fields(w.Extensions)
		for _, fc := range w.FormerCodes {
			if fc.Code.IsValid() {
				u.former = append(u.former, fc)
			}
		}
		u.points = w.ServicePoints
		for _, f := range w.Figures {
			f.Of = slices.DeleteFunc(f.Of, func(k Kind) bool { return k == 0 })
			if len(f.Of) == 0 {
				f.Of = nil
			}
			u.figures = append(u.figures, f)
		}
		recs = append(recs, r)
	}
	return recs
}

// fields returns x- members as fields sorted by key, as a document writes
// them.
func fields(x map[string]json.RawMessage) []schema.Field {
	if len(x) == 0 {
		return nil
	}
	o := schema.NewBuilder()
	o.Extensions(x)
	return o.Node().Fields
}

// extensionMap returns x- members kept as fields as the codec holds them.
func extensionMap(fs []schema.Field) map[string]json.RawMessage {
	if len(fs) == 0 {
		return nil
	}
	m := make(map[string]json.RawMessage, len(fs))
	for _, f := range fs {
		b, _ := f.Value.MarshalJSON()
		m[f.Key] = b
	}
	return m
}

// Node returns the hierarchy as a divisions document: units depth first,
// parents before children, each naming its parent by code or, for a parent
// without a code, by name. Reading the document back gives an equal
// hierarchy. Write it with [schema.Node.YAML] or [schema.Node.MarshalJSON].
func (h *Hierarchy) Node() *schema.Node {
	doc := divisionsDoc{}
	if h != nil {
		doc.Sources, doc.Extensions = h.sources, extensionMap(h.ext)
	}
	for u := range h.All() {
		w := unitDoc{Code: u.code, Name: u.name, Kind: u.kind, FormerCodes: u.former, Note: u.note,
			ServicePoints: u.points, Figures: u.figures, Extensions: extensionMap(u.ext)}
		switch {
		case u.parent != nil && u.parent.code.IsValid():
			w.Parent = u.parent.code.String()
		case u.parent != nil:
			w.Parent = u.parent.name
		case u.up.IsValid():
			w.Parent = u.up.String()
		}
		doc.Units = append(doc.Units, w)
	}
	return codec.EncodeDocument(schema.Divisions.Kind(), 1, &doc)
}

// MarshalJSON writes the hierarchy as a divisions document in JSON; see
// [Hierarchy.Node].
func (h *Hierarchy) MarshalJSON() ([]byte, error) { return h.Node().MarshalJSON() }
