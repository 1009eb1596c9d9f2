package matters

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/schema/problemtest"
	"github.com/zwfw/zwfw/schema/schematest"
)

// pengxiList is an implementation list of 蓬溪县 holding ms, for the tests
// that build catalogues in Go.
func pengxiList(ms ...Matter) *Catalogue {
	return &Catalogue{Kind: ImplementationList, Division: Division{Code: "510921", Name: "蓬溪县"}, Matters: ms}
}

// TestValidateMatchesParse builds catalogues in Go and holds Validate to
// what reading their written document finds: a catalogue that validates
// writes a document that parses, and one that does not is refused for the
// same reasons, at the same paths.
func TestValidateMatchesParse(t *testing.T) {
	zero := 0
	good := func() *Catalogue {
		return pengxiList(Matter{
			Code: "M1", Name: "个体工商户设立登记", Type: Licensing, Level: CountyLevel,
			Body:          Body{Name: "蓬溪县市场监督管理局"},
			LegalLimit:    Limit{Value: QuantityOf(15), Unit: WorkingDays},
			PromisedLimit: Limit{Unit: Instant}, HandlingKind: InstantCase, Visits: &zero,
			ConsultationPhone: "0825-5422222",
		})
	}
	tests := []struct {
		name  string
		edit  func(c *Catalogue)
		clean bool
	}{
		{name: "complete", edit: func(*Catalogue) {}, clean: true},
		{name: "no type", edit: func(c *Catalogue) { c.Matters[0].Type = 0 }},
		{name: "no name or body", edit: func(c *Catalogue) { c.Matters[0].Name, c.Matters[0].Body.Name = "", "" }},
		{name: "no division", edit: func(c *Catalogue) { c.Division = Division{} }},
		{name: "no catalogue kind", edit: func(c *Catalogue) { c.Kind = 0 }},
		{name: "promised exceeds legal", edit: func(c *Catalogue) { c.Matters[0].PromisedLimit = Limit{Value: QuantityOf(30), Unit: WorkingDays} }},
		{name: "limit of zero working days is written with its value", edit: func(c *Catalogue) { c.Matters[0].LegalLimit = Limit{Unit: WorkingDays} }, clean: true},
		{name: "enumeration out of range", edit: func(c *Catalogue) { c.Matters[0].Level = 99 }},
		{name: "duplicate code", edit: func(c *Catalogue) { c.Matters = append(c.Matters, c.Matters[0]) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := good()
			tt.edit(c)
			got := c.Validate()
			if (got.Err() == nil) != tt.clean {
				t.Fatalf("Validate().Err() = %v, want clean %v", got.Err(), tt.clean)
			}
			b := schematest.Write(t, c, "yaml")
			_, probs := loader.Problems("written.yaml", b)
			if diff := cmp.Diff(problemtest.Sorted(problemtest.Keys[problemKey](probs)), problemtest.Sorted(problemtest.Keys[problemKey](got))); diff != "" {
				t.Errorf("Validate and parsing the written document differ (-parse +validate):\n%s\n%s", diff, b)
			}
		})
	}
}
