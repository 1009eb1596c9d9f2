package matters

import (
	"fmt"
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
	codec.Decode(n, m, n, at, probs)
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
