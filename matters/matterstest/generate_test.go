package matterstest

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/schema"
)

func TestSyntheticIsValid(t *testing.T) {
	for _, format := range []string{"json", "yaml"} {
		var b bytes.Buffer
		if err := WriteSynthetic(&b, GenerateOptions{Matters: 500, Format: format}); err != nil {
			t.Fatal(err)
		}
		var probs schema.List
		cat, _ := matters.Parse("synthetic."+format, b.Bytes(), schema.Collect(&probs))
		for _, p := range probs {
			t.Errorf("%s", p)
		}
		if cat == nil || len(cat.Matters) != 500 {
			t.Fatalf("matters: %v", cat)
		}
		t.Logf("%s: %d bytes, %.0f bytes/matter, %d bundles", format, b.Len(), float64(b.Len())/500, len(cat.Bundles))
	}
}

// TestSyntheticUsesEveryValue checks that the first matters of a synthetic
// catalogue use every enum value and every optional element.
func TestSyntheticUsesEveryValue(t *testing.T) {
	bodies := syntheticBodies(200)
	seen := map[string]bool{}
	for i := 0; i < 500; i++ {
		m := syntheticMatter(i, bodies)
		seen["type "+m.Type.String()] = true
		seen["level "+m.Level.String()] = true
		seen["nature "+m.Body.Nature.String()] = true
		seen["source "+m.PowerSource.String()] = true
		seen["unit "+m.LegalLimit.Unit.String()] = true
		seen["unit "+m.PromisedLimit.Unit.String()] = true
		seen["kind "+m.HandlingKind.String()] = true
		for v := range m.Online.All() {
			seen["online "+v.String()] = true
		}
		for v := range m.Forms.All() {
			seen["form "+v.String()] = true
		}
		for v := range m.ServiceObjects.All() {
			seen["object "+v.String()] = true
		}
		for _, s := range m.Scopes {
			seen["scope "+s.Kind.String()] = true
		}
		if m.Delegation != nil {
			seen["delegated "+m.Delegation.To.String()] = true
		}
		if m.Fee != nil {
			seen["fee charged "+strconv.FormatBool(m.Fee.Charged)] = true
		}
		seen["mainItem "+strconv.FormatBool(m.MainItem != "")] = true
		seen["extension "+strconv.FormatBool(m.Extensions != nil)] = true
		seen["24h "+strconv.FormatBool(m.SelfService24h)] = true
		seen["tolerate "+strconv.FormatBool(m.TolerateMissing)] = true
		seen["hall "+strconv.FormatBool(m.InHall)] = true
	}
	var want []string
	want = named(want, "type", matters.AllTypes())
	want = named(want, "level", matters.AllLevels())
	want = named(want, "nature", matters.AllBodyNatures())
	want = named(want, "source", matters.AllPowerSources())
	want = named(want, "unit", matters.AllTimeUnits())
	want = named(want, "kind", matters.AllHandlingKinds())
	want = named(want, "online", upTo[matters.OnlineItem](7))
	want = named(want, "form", upTo[matters.Form](3))
	want = named(want, "object", upTo[matters.ServiceObject](7))
	want = named(want, "scope", matters.AllScopeKinds())
	want = append(want, "delegated 乡镇级", "delegated 村(社区)级", "fee charged true", "fee charged false")
	for _, k := range []string{"mainItem", "extension", "24h", "tolerate", "hall"} {
		want = append(want, k+" true", k+" false")
	}
	for _, w := range want {
		if !seen[w] {
			t.Errorf("synthetic matters never use %s", w)
		}
	}
}

// named appends the text of each value, after what and a space, to want.
func named[V fmt.Stringer](want []string, what string, vs []V) []string {
	for _, v := range vs {
		want = append(want, what+" "+v.String())
	}
	return want
}

// upTo lists the members 1 to n of a set's items.
func upTo[V ~uint8](n V) []V {
	var vs []V
	for v := V(1); v <= n; v++ {
		vs = append(vs, v)
	}
	return vs
}
