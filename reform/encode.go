package reform

import (
	"io"
	"strconv"
	"time"

	"github.com/zwfw/zwfw/schema"
)

// strs adds a string array member, left out when empty unless always.
func strs(o schema.Builder, key string, ss []string, always bool) {
	if len(ss) == 0 && !always {
		return
	}
	o.Set(key, schema.Strings(ss))
}

func measureNames(ms []*Measure) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = measureName(m)
	}
	return out
}

// Node returns the document as a tree, members in the order the schema
// lists them, indicators by their Chinese names.
func (d *Modes) Node() *schema.Node {
	o := schema.NewBuilder()
	o.Text("kind", schema.Modes.Kind())
	o.Set("schemaVersion", &schema.Node{Kind: schema.Number, Value: strconv.Itoa(SchemaVersion)})
	o.Text("title", d.Title)
	o.Text("source", d.Source)
	if !d.AsOf.IsZero() {
		o.Text("asOf", d.AsOf.Format(time.DateOnly))
	}
	o.Text("notes", d.Notes)
	ms := &schema.Node{Kind: schema.Array, Items: []*schema.Node{}}
	for _, m := range d.Measures {
		mo := schema.NewBuilder()
		mo.Text("name", m.Name)
		mo.Text("mode", m.Mode)
		mo.Text("description", m.Description)
		names := make([]string, len(m.Indicators))
		for i, ind := range m.Indicators {
			names[i] = ind.String()
		}
		strs(mo, "indicators", names, true)
		strs(mo, "reported", m.Reported, m.Reported != nil)
		mo.Extensions(m.Extensions)
		ms.Items = append(ms.Items, mo.Node())
	}
	o.Set("measures", ms)
	modes := &schema.Node{Kind: schema.Array, Items: []*schema.Node{}}
	for _, m := range d.Modes {
		mo := schema.NewBuilder()
		mo.Text("name", m.Name)
		strs(mo, "aliases", m.Aliases, m.Aliases != nil)
		mo.Text("unit", m.Unit)
		mo.Text("description", m.Description)
		strs(mo, "measures", measureNames(m.Measures), true)
		if m.Groups != nil {
			gs := &schema.Node{Kind: schema.Array, Items: []*schema.Node{}}
			for _, g := range m.Groups {
				gob := schema.NewBuilder()
				gob.Text("name", g.Name)
				strs(gob, "measures", measureNames(g.Measures), true)
				gob.Extensions(g.Extensions)
				gs.Items = append(gs.Items, gob.Node())
			}
			mo.Set("groups", gs)
		}
		if m.Targets != nil {
			ts := &schema.Node{Kind: schema.Array, Items: []*schema.Node{}}
			for _, t := range m.Targets {
				to := schema.NewBuilder()
				to.Text("indicator", t.Indicator.String())
				key := "atLeast"
				if t.AtMost {
					key = "atMost"
				}
				to.Set(key, &schema.Node{Kind: schema.Number, Value: t.figure()})
				to.Extensions(t.Extensions)
				ts.Items = append(ts.Items, to.Node())
			}
			mo.Set("targets", ts)
		}
		mo.Extensions(m.Extensions)
		modes.Items = append(modes.Items, mo.Node())
	}
	o.Set("modes", modes)
	if c := d.Counting; c != nil {
		co := schema.NewBuilder()
		if c.Speedup != SpeedupSum {
			co.Text("speedup", c.Speedup.String())
		}
		if c.Units != ConvertUnits {
			co.Text("units", c.Units.String())
		}
		strs(co, "zeroVisitExempt", c.ZeroVisitExempt, c.ZeroVisitExempt != nil)
		if c.Custom != nil {
			texts := make([]string, len(c.Custom))
			for i, cu := range c.Custom {
				texts[i] = cu.String()
			}
			strs(co, "custom", texts, true)
		}
		co.Extensions(c.Extensions)
		o.Set("counting", co.Node())
	}
	o.Extensions(d.Extensions)
	return o.Node()
}

// MarshalJSON writes the document as compact JSON.
func (d *Modes) MarshalJSON() ([]byte, error) { return d.Node().MarshalJSON() }

// WriteJSON writes the document as indented JSON.
func (d *Modes) WriteJSON(w io.Writer) error { return schema.WriteJSON(w, d.Node()) }

// WriteYAML writes the document as YAML, with a first line that tells the
// YAML language server which schema to validate against.
func (d *Modes) WriteYAML(w io.Writer) error { return schema.WriteYAML(w, d.Node(), schema.Modes) }
