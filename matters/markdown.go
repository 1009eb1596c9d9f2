package matters

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/zwfw/zwfw/schema"
)

// WriteMarkdown writes the catalogue for reading: its title, a line of
// facts (division, as-of date, how many matters are 即办 and 全程网办, how
// many bundles), then a table of matters per implementing body, in the
// order the bodies first appear, and a table of the one-thing bundles.
// Labels are in the printer's language; a nil printer writes English.
func (c *Catalogue) WriteMarkdown(w io.Writer, p *schema.Printer) error {
	var b strings.Builder
	title := c.Title
	if title == "" {
		title = c.Division.Name + c.Kind.String()
	}
	fmt.Fprintf(&b, "# %s\n\n", mdCell(title))
	var facts []string
	if c.Division.Name != "" || c.Division.Code != "" {
		facts = append(facts, strings.TrimSpace(c.Division.Name+" "+c.Division.Code))
	}
	if !c.AsOf.IsZero() {
		facts = append(facts, p.Sprintf("as of %s", c.AsOf.Format("2006-01-02")))
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
	facts = append(facts, p.Sprintf("%d matters (%d 即办, %d 全程网办)", len(c.Matters), instant, online))
	if len(c.Bundles) > 0 {
		facts = append(facts, p.Sprintf("%d one-thing bundles", len(c.Bundles)))
	}
	b.WriteString(strings.Join(facts, " · ") + "\n")

	var bodies []string
	byBody := map[string][]*Matter{}
	for i := range c.Matters {
		m := &c.Matters[i]
		if _, ok := byBody[m.Body.Name]; !ok {
			bodies = append(bodies, m.Body.Name)
		}
		byBody[m.Body.Name] = append(byBody[m.Body.Name], m)
	}
	header := []string{p.Sprintf("code"), p.Sprintf("matter"), p.Sprintf("type"), p.Sprintf("level"), p.Sprintf("legal limit"),
		p.Sprintf("promised limit"), p.Sprintf("handling kind"), p.Sprintf("visits"), p.Sprintf("online depth"), p.Sprintf("scopes")}
	for _, body := range bodies {
		fmt.Fprintf(&b, "\n## %s\n\n", mdCell(body))
		b.WriteString("| " + strings.Join(header, " | ") + " |\n|" + strings.Repeat("---|", len(header)) + "\n")
		for _, m := range byBody[body] {
			visits := ""
			if m.Visits != nil {
				visits = fmt.Sprint(*m.Visits)
			}
			var scopes []string
			for _, s := range m.Scopes {
				scopes = append(scopes, s.Kind.String())
			}
			row := []string{string(m.Code), m.Name, m.Type.String(), m.Level.String(), m.LegalLimit.String(), m.PromisedLimit.String(),
				m.HandlingKind.String(), visits, m.Depth().String(), strings.Join(slices.Compact(scopes), "、")}
			for i := range row {
				row[i] = mdCell(row[i])
			}
			b.WriteString("| " + strings.Join(row, " | ") + " |\n")
		}
	}
	if len(c.Bundles) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", p.Sprintf("one-thing bundles"),
			p.Sprintf("bundle code"), p.Sprintf("bundle"), p.Sprintf("lead department"), p.Sprintf("matters"), p.Sprintf("promised limit"))
		for _, bu := range c.Bundles {
			fmt.Fprintf(&b, "| %s | %s | %s | %d | %s |\n", mdCell(bu.Code), mdCell(bu.Name), mdCell(bu.LeadBody), len(bu.Matters), mdCell(bu.PromisedLimit.String()))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCell escapes text for a Markdown table cell, on one line, carrying no
// markup from the data ([schema.Markdown]).
func mdCell(s string) string {
	return schema.Markdown(strings.Join(strings.Fields(s), " "))
}
