package schema

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Drift compares the members the doc tags of T declare with the
// properties the JSON Schema s gives the document, object by object, and
// returns every member one has and the other lacks, as "pointer: …"
// lines; header lists the top-level members the document has beside T's
// own (kind, schemaVersion). It is empty when the two agree, which a test
// of every document package asserts, so that neither can change alone.
func Drift[T any](s *Schema, header ...string) []string {
	var root map[string]any
	if err := json.Unmarshal(s.Source(), &root); err != nil {
		return []string{"schema: " + err.Error()}
	}
	var out []string
	seen := map[string]bool{}
	drift(root, root, planOf(reflect.TypeFor[T]()), "", header, seen, &out)
	slices.Sort(out)
	return out
}

func drift(root, sch map[string]any, p *plan, at string, header []string, seen map[string]bool, out *[]string) {
	sch = resolve(root, sch)
	for p.kind == vPtr || p.kind == vSlice {
		p = p.elem
		if items, ok := sch["items"].(map[string]any); ok {
			sch = resolve(root, items)
		} else if ap, ok := sch["additionalProperties"].(map[string]any); ok {
			sch = resolve(root, ap) // a keyed list: an object of elements
		}
	}
	if p.kind != vStruct {
		return
	}
	// A recursive type meets the same schema again: compare it once.
	key := fmt.Sprintf("%p|%s", sch, p.typ)
	if seen[key] {
		return
	}
	seen[key] = true
	props, _ := sch["properties"].(map[string]any)
	for k := range props {
		if _, ok := p.byKey[k]; !ok && !slices.Contains(header, k) {
			*out = append(*out, fmt.Sprintf("%s/properties/%s: no field of %s declares it", at, k, p.typ))
		}
	}
	for _, f := range p.fields {
		sub, ok := props[f.key].(map[string]any)
		if !ok {
			*out = append(*out, fmt.Sprintf("%s/properties/%s: the schema lacks %s's member %s", at, f.key, p.typ, f.key))
			continue
		}
		drift(root, sub, f.plan, at+"/properties/"+f.key, nil, seen, out)
	}
}

// resolve follows a local $ref ("#/$defs/matter").
func resolve(root, sch map[string]any) map[string]any {
	for range 8 {
		ref, ok := sch["$ref"].(string)
		if !ok || !strings.HasPrefix(ref, "#/") {
			return sch
		}
		var cur any = root
		for _, seg := range strings.Split(ref[2:], "/") {
			m, _ := cur.(map[string]any)
			cur = m[seg]
		}
		next, ok := cur.(map[string]any)
		if !ok {
			return sch
		}
		sch = next
	}
	return sch
}
