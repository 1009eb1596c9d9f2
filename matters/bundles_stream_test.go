package matters

import (
	"bytes"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/schema"
)

// Bundles are read element by element, as matters are: wherever they
// stand in the document, in JSON or YAML, on one core or two, in one pass
// or as nodes, the decoder gives the same bundles and the same problems of
// bundles, each at the line of the member it is about.
func TestBundlesStreamed(t *testing.T) {
	c := mustLoad(t, "../examples/data/catalogue-pengxi.yaml")
	if len(c.Bundles) == 0 {
		t.Fatal("the sample has no bundles")
	}
	// A member suspended, one unknown, and a bundle code used twice.
	member := string(c.Bundles[0].Matters[1])
	for i := range c.Matters {
		if string(c.Matters[i].Code) == member {
			c.Matters[i].Status = Suspended
		}
	}
	c.Bundles[0].Matters[0] = "11510921MB1C71426G4000999999001"
	extra := c.Bundles[0]
	extra.Name = "重复编码的一件事"
	c.Bundles = append(c.Bundles, extra)
	last := "/bundles/" + strconv.Itoa(len(c.Bundles)-1)
	want := []problemKey{
		{RuleBundleUnknownMember, "/bundles/0/matters/0"},
		{RuleBundleInactive, "/bundles/0/matters/1"},
		{RuleBundleDuplicateCode, last + "/code"},
		{RuleBundleUnknownMember, last + "/matters/0"},
		{RuleBundleInactive, last + "/matters/1"},
	}
	after := c.Node()
	before := c.Node()
	for i, f := range before.Fields {
		if f.Key == "bundles" {
			before.Fields = append([]schema.Field{f}, append(before.Fields[:i:i], before.Fields[i+1:]...)...)
			break
		}
	}
	for _, order := range []struct {
		name string
		node *schema.Node
	}{{"bundles after the matters", after}, {"bundles first", before}} {
		// JSON text named .yaml is YAML in flow style, read whole: its
		// bundles are left in the header.
		for _, format := range []string{"json", "yaml", "flow yaml"} {
			name := "c." + strings.TrimPrefix(format, "flow ")
			var buf bytes.Buffer
			var err error
			if format != "yaml" {
				err = schema.WriteJSON(&buf, order.node)
			} else {
				err = schema.WriteYAML(&buf, order.node, schema.Catalogue)
			}
			if err != nil {
				t.Fatal(err)
			}
			text := buf.Bytes()
			for _, way := range []struct {
				name   string
				procs  int
				noFast bool
			}{{"one pass", 1, false}, {"nodes, one core", 1, true}, {"nodes, two cores", 2, true}} {
				t.Run(order.name+"/"+format+"/"+way.name, func(t *testing.T) {
					old := runtime.GOMAXPROCS(way.procs)
					defer runtime.GOMAXPROCS(old)
					d := NewDecoder(bytes.NewReader(text), name, nil)
					d.noFast = way.noFast
					for range d.Matters() {
					}
					var got schema.List
					for _, p := range d.Problems() {
						if strings.HasPrefix(string(p.Rule), "bundle.") {
							got = append(got, p)
						}
					}
					if diff := cmp.Diff(want, problemKeys(got)); diff != "" {
						t.Errorf("problems (-want +got):\n%s", diff)
					}
					lines := strings.Split(string(text), "\n")
					for _, p := range got {
						if p.Pos.Line < 1 || p.Pos.Line > len(lines) {
							t.Fatalf("%s at line %d of %d", p.Path, p.Pos.Line, len(lines))
						}
						// The line holds what the problem is about.
						at := lines[p.Pos.Line-1]
						if p.Rule == RuleBundleDuplicateCode && !strings.Contains(at, extra.Code) ||
							p.Rule != RuleBundleDuplicateCode && !strings.Contains(at, "11510921MB1C71426G") {
							t.Errorf("%s %s at line %d: %q", p.Rule, p.Path, p.Pos.Line, at)
						}
					}
					if diff := cmp.Diff(c.Bundles, d.Catalogue().Bundles); diff != "" {
						t.Errorf("bundles (-want +got):\n%s", diff)
					}

					// Handed to OnBundle instead: the same bundles, in
					// the same order, none kept, the same problems.
					var handed []Bundle
					var problems schema.List
					od := NewDecoder(bytes.NewReader(text), name, &DecodeOptions{
						OnBundle: func(i int, b *Bundle) {
							if i != len(handed) {
								t.Errorf("bundle %d handed over as %d", len(handed), i)
							}
							handed = append(handed, *b)
						},
						OnProblem: func(p *schema.Problem) { problems = append(problems, p) },
					})
					od.noFast = way.noFast
					matters := 0
					for range od.Matters() {
						matters++
					}
					if matters != len(c.Matters) {
						t.Errorf("%d matters with OnBundle, want %d", matters, len(c.Matters))
					}
					if diff := cmp.Diff(c.Bundles, handed); diff != "" {
						t.Errorf("bundles handed over (-want +got):\n%s", diff)
					}
					if cat := od.Catalogue(); cat == nil || cat.Bundles != nil {
						t.Errorf("with OnBundle the catalogue has bundles: %v", cat)
					}
					problems.Dedupe()
					if diff := cmp.Diff(problemPlaces(d.Problems()), problemPlaces(problems)); diff != "" {
						t.Errorf("problems with OnBundle (-without +with):\n%s", diff)
					}
				})
			}
		}
	}
}

// problemPlaces gives each problem's rule, path and position.
func problemPlaces(l schema.List) []string {
	var out []string
	for _, p := range l {
		out = append(out, string(p.Rule)+" "+p.Path.String()+" "+p.Pos.String())
	}
	return out
}

func problemKeys(l schema.List) []problemKey {
	var out []problemKey
	for _, p := range l {
		out = append(out, problemKey{p.Rule, p.Path.String()})
	}
	return out
}
