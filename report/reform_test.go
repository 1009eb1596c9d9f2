package report_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/reform"
	"github.com/zwfw/zwfw/report"
	"github.com/zwfw/zwfw/schema"
)

const pengxiFile = "../examples/data/catalogue-pengxi.yaml"

func pengxi(t *testing.T) *matters.Catalogue {
	t.Helper()
	c, err := matters.LoadFile(pengxiFile)
	if err != nil {
		t.Fatalf("%s: %v", pengxiFile, err)
	}
	return c
}

// The calculator over catalogues gives what package reform computes, for
// the unit the catalogue belongs to, and nothing for other units.
func TestCataloguesCalculator(t *testing.T) {
	c := pengxi(t)
	x := reform.New(reform.Config{})
	x.AddCatalogue(c)
	got := april(t).Compare(report.Catalogues(reform.Config{}, c))
	if len(got) != 13 {
		t.Fatalf("%d comparisons, want 13", len(got))
	}
	computed := 0
	for _, cmpn := range got {
		t.Run(cmpn.Reported.Addr.String(), func(t *testing.T) {
			if cmpn.Unit != "蓬溪县" {
				if !errors.Is(cmpn.Err, report.ErrNoCatalogue) {
					t.Errorf("err = %v, want ErrNoCatalogue", cmpn.Err)
				}
				return
			}
			ind, err := reform.ParseIndicator(cmpn.Reported.Figure.Indicator)
			if err != nil {
				t.Fatal(err)
			}
			r := x.Result(ind)
			if cmpn.Computed.Num() != r.Num || cmpn.Computed.IsRatio() != ind.IsShare() ||
				ind.IsShare() && cmpn.Computed.Den() != r.Den {
				t.Errorf("computed %s, reform says %s", cmpn.Computed, r)
			}
			computed++
		})
	}
	if computed != 8 {
		t.Errorf("%d figures of 蓬溪县 computed, want 8", computed)
	}
}

// Catalogues of one unit measure together: two halves give what the whole
// gives.
func TestCataloguesShards(t *testing.T) {
	c := pengxi(t)
	half := len(c.Matters) / 2
	a, b := *c, *c
	a.Matters, a.Bundles = c.Matters[:half], c.Bundles
	b.Matters, b.Bundles = c.Matters[half:], nil
	whole := april(t).Compare(report.Catalogues(reform.Config{}, c))
	shards := april(t).Compare(report.Catalogues(reform.Config{}, &a, &b))
	opt := cmp.Comparer(func(x, y report.Computed) bool { return x == y })
	for i := range whole {
		if d := cmp.Diff(whole[i].Computed, shards[i].Computed, opt); d != "" || whole[i].Agree != shards[i].Agree {
			t.Errorf("%s: whole %s, shards %s", whole[i].Reported.Addr, whole[i].Computed, shards[i].Computed)
		}
	}
}

func TestUnknownIndicatorDefault(t *testing.T) {
	doc := `kind: Bulletin
schemaVersion: 1
period: "2021-04"
issuer: 某局
updates:
  - unit: 蓬溪县
    headline: 即办{a},零跑动{b}。
    figures:
      a: {kind: 百分比, value: 50, unit: "%", indicator: 即办率}
      b: {kind: 百分比, value: 50, unit: "%", indicator: 零跑腿率}
`
	var probs schema.List
	_, _ = report.Parse("x.yaml", []byte(doc), nil, schema.Collect(&probs))
	got := problemsOf(probs)
	want := []found{e(report.RuleUnknownIndicator, "/updates/0/figures/b/indicator")}
	if !cmp.Equal(got, want, cmp.AllowUnexported(found{})) {
		t.Errorf("got %v, want %v", got, want)
	}
}
