package reform

import (
	"encoding/json"
	"io"

	"github.com/zwfw/zwfw/schema"
)

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
	doc := modesDoc{Title: d.Title, Source: d.Source, AsOf: d.AsOf, Notes: d.Notes,
		Measures: make([]measureDoc, len(d.Measures)), Modes: make([]modeDoc, len(d.Modes)), Extensions: d.Extensions}
	for i, m := range d.Measures {
		doc.Measures[i] = measureDoc{Name: m.Name, Mode: m.Mode, Description: m.Description,
			Indicators: m.Indicators, Reported: m.Reported, Extensions: m.Extensions}
		if m.Indicators == nil {
			doc.Measures[i].Indicators = []Indicator{}
		}
	}
	for i, m := range d.Modes {
		md := modeDoc{Name: m.Name, Aliases: m.Aliases, Unit: m.Unit, Description: m.Description,
			Measures: measureNames(m.Measures), Extensions: m.Extensions}
		if m.Groups != nil {
			md.Groups = make([]groupDoc, len(m.Groups))
			for j, g := range m.Groups {
				md.Groups[j] = groupDoc{Name: g.Name, Measures: measureNames(g.Measures), Extensions: g.Extensions}
			}
		}
		if m.Targets != nil {
			md.Targets = make([]targetDoc, len(m.Targets))
			for j, t := range m.Targets {
				td := targetDoc{Indicator: t.Indicator, Extensions: t.Extensions}
				if t.AtMost {
					td.AtMost = json.Number(t.figure())
				} else {
					td.AtLeast = json.Number(t.figure())
				}
				md.Targets[j] = td
			}
		}
		doc.Modes[i] = md
	}
	if c := d.Counting; c != nil {
		cd := &countingDoc{ZeroVisitExempt: c.ZeroVisitExempt, Extensions: c.Extensions}
		if c.Speedup != SpeedupSum {
			cd.Speedup = c.Speedup.String()
		}
		if c.Units != ConvertUnits {
			cd.Units = c.Units.String()
		}
		if c.Custom != nil {
			cd.Custom = make([]string, len(c.Custom))
			for i, cu := range c.Custom {
				cd.Custom[i] = cu.String()
			}
		}
		doc.Counting = cd
	}
	return codec.EncodeDocument(schema.Modes.Kind(), SchemaVersion, &doc)
}

// MarshalJSON writes the document as compact JSON.
func (d *Modes) MarshalJSON() ([]byte, error) { return d.Node().MarshalJSON() }

// WriteJSON writes the document as indented JSON.
func (d *Modes) WriteJSON(w io.Writer) error { return schema.WriteJSON(w, d.Node()) }

// WriteYAML writes the document as YAML, with a first line that tells the
// YAML language server which schema to validate against.
func (d *Modes) WriteYAML(w io.Writer) error { return schema.WriteYAML(w, d.Node(), schema.Modes) }
