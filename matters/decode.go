package matters

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/zwfw/zwfw/schema"
)

// RuleDecode is reported when a value that passed the schema still cannot
// be turned into its Go type (a number too large, a date that does not
// exist). It is rare: the schema catches almost everything first.
const RuleDecode schema.Rule = "matter.decode"

// codec reads and writes the catalogue's elements as their fields' doc
// tags declare them.
var codec = &schema.Codec{Rule: RuleDecode, TextRule: "schema.enum", Prefix: "matters: ", Header: []string{"kind", "schemaVersion"}}

// decodeCatalogue decodes the catalogue document n, found at path at below
// root, adding what it cannot convert to probs.
func decodeCatalogue(n, root *schema.Node, probs *schema.List) *Catalogue {
	c := &Catalogue{}
	codec.Decode(n, c, root, schema.Root, probs)
	return c
}

// decodeMatter decodes the matter n at path at.
func decodeMatter(m *Matter, n *schema.Node, at schema.Path, probs *schema.List) {
	before := len(*probs)
	codec.Decode(n, m, n, at, probs)
	// A limit whose value cannot be read exactly (0.333333) is not
	// stated: its problem says why, and no check reads a value it does
	// not have (the unit alone would read as 0 工作日, 即办).
	for _, p := range (*probs)[before:] {
		if !strings.HasPrefix(string(p.Rule), "quantity.") || p.Path.Last() != "value" {
			continue
		}
		switch l := p.Path.Parent(); {
		case l == at.Key("legalLimit"):
			m.LegalLimit = Limit{}
		case l == at.Key("promisedLimit"):
			m.PromisedLimit = Limit{}
		case l.Last() == "limit" && l.Parent().Parent() == at.Key("steps"):
			if i, err := strconv.Atoi(l.Parent().Last()); err == nil && i < len(m.Steps) {
				m.Steps[i].Limit = Limit{}
			}
		}
	}
}

// DecodeNode reads the scope's text, a kind's term or a regional scope's
// name, into Kind and Name; the codec has read the other members.
func (s *Scope) DecodeNode(n *schema.Node, d *schema.Decoding) {
	v := n.Get("scope")
	if v == nil {
		return
	}
	if v.Kind != schema.String && v.Kind != schema.Number {
		d.Fail(v, "", "want a term or a code, got %s", v.Kind)
		return
	}
	sc, err := ParseScope(v.Value)
	if err != nil {
		d.Fail(v, "schema.enum", "%s", strings.TrimPrefix(err.Error(), "matters: "))
	}
	s.Kind, s.Name = sc.Kind, sc.Name
}

// DecodeTextMember reads the scope's text as DecodeNode does, for the
// one-pass reader.
func (s *Scope) DecodeTextMember(key, text string) error {
	if key != "scope" {
		return fmt.Errorf("matters: a scope reads no member %q itself", key)
	}
	sc, err := ParseScope(text)
	if err != nil {
		return err
	}
	s.Kind, s.Name = sc.Kind, sc.Name
	return nil
}

// EncodeNode writes the scope's text.
func (s Scope) EncodeNode(o schema.Builder) { o.Text("scope", s.String()) }
