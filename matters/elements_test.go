package matters

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/problemtest"
)

// TestElementRules holds the checks over materials, steps, the result and
// the status to their rules and paths.
func TestElementRules(t *testing.T) {
	zero := 0
	good := func() *Catalogue {
		c := pengxiList(Matter{
			Code: "M1", Name: "食品经营许可（新办）", Type: Licensing, Level: CountyLevel,
			Body:          Body{Name: "蓬溪县行政审批局"},
			LegalLimit:    Limit{Value: QuantityOf(20), Unit: WorkingDays},
			PromisedLimit: Limit{Value: QuantityOf(5), Unit: WorkingDays}, HandlingKind: PromisedCase, Visits: &zero,
			TolerateMissing: true,
			Materials: []Material{
				{Name: "申请书", Forms: SetOf(Original), Copies: 1, Necessity: Required, Source: FromApplicant},
				{Name: "营业执照", Forms: SetOf(Electronic), Necessity: Required, Source: FromGovernment, Issuer: "蓬溪县行政审批局", Exempt: true, ExemptBy: ByELicence},
				{Name: "食品安全管理制度", Necessity: FollowLater},
			},
			Steps: []Step{
				{Name: "受理", Limit: Limit{Unit: Instant}},
				{Name: "审查", Limit: Limit{Value: QuantityOf(2), Unit: WorkingDays}},
				{Name: "决定", Limit: Limit{Value: QuantityOf(3), Unit: WorkingDays}},
			},
			Result: &Result{Name: "食品经营许可证", Kind: Licence, ELicence: true},
			Status: InUse,
		}, Matter{
			Code: "M2", Name: "个体工商户设立登记", Type: Licensing, Level: CountyLevel,
			Body: Body{Name: "蓬溪县行政审批局"},
		})
		c.Bundles = []Bundle{{Name: "我要开餐馆", Matters: []MatterCodeText{"M1", "M2"}}}
		return c
	}
	tests := []struct {
		name string
		edit func(c *Catalogue)
		want []problemKey
	}{
		{name: "complete", edit: func(*Catalogue) {}},
		{name: "steps exceed promised limit", edit: func(c *Catalogue) { c.Matters[0].Steps[2].Limit.Value = QuantityOf(4) },
			want: []problemKey{{RuleStepsExceedPromised, "/matters/0/steps"}}},
		{name: "steps in a month exceed", edit: func(c *Catalogue) { c.Matters[0].Steps[2].Limit = Limit{Value: QuantityOf(1), Unit: Months} },
			want: []problemKey{{RuleStepsExceedPromised, "/matters/0/steps"}}},
		{name: "steps in calendar days are not summed", edit: func(c *Catalogue) { c.Matters[0].Steps[2].Limit = Limit{Value: QuantityOf(30), Unit: CalendarDays} }},
		{name: "follow-later material without 容缺受理", edit: func(c *Catalogue) { c.Matters[0].TolerateMissing = false },
			want: []problemKey{{RuleTolerateUnmarked, "/matters/0/materials/2/necessity"}}},
		{name: "容缺受理 without follow-later material", edit: func(c *Catalogue) { c.Matters[0].Materials[2].Necessity = Optional },
			want: []problemKey{{RuleTolerateNoMaterial, "/matters/0/tolerateMissing"}}},
		{name: "duplicate material", edit: func(c *Catalogue) { c.Matters[0].Materials[1].Name = "申请书" },
			want: []problemKey{{RuleDuplicateMaterial, "/matters/0/materials/1/name"}}},
		{name: "electronic licence without name", edit: func(c *Catalogue) { c.Matters[0].Result.Name = "" },
			want: []problemKey{{RuleLicenceNameMissing, "/matters/0/result"}}},
		{name: "suspended member of a bundle", edit: func(c *Catalogue) { c.Matters[1].Status = Suspended },
			want: []problemKey{{RuleBundleInactive, "/bundles/0/matters/1"}}},
		{name: "cancelled member of a bundle", edit: func(c *Catalogue) { c.Matters[0].Status = Cancelled },
			want: []problemKey{{RuleBundleInactive, "/bundles/0/matters/0"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := good()
			tt.edit(c)
			var errs schema.List
			for _, p := range c.Validate() {
				if p.Severity == schema.Error {
					errs = append(errs, p)
				}
			}
			if diff := cmp.Diff(tt.want, problemtest.Keys[problemKey](errs)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}
