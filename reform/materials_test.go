package reform

import (
	"testing"

	"github.com/zwfw/zwfw/matters"
)

// TestMaterialIndicators counts materials and results over matters built
// in Go, by hand.
func TestMaterialIndicators(t *testing.T) {
	exempt := matters.Material{Name: "营业执照", Exempt: true, ExemptBy: matters.ByELicence}
	own := matters.Material{Name: "申请书"}
	ms := []matters.Matter{
		{Code: "A", Type: matters.Licensing, Materials: []matters.Material{exempt, own, own}, Result: &matters.Result{Name: "许可证", ELicence: true}},
		{Code: "B", Type: matters.Licensing, Materials: []matters.Material{exempt}, Result: &matters.Result{Name: "批复"}},
		{Code: "C", Type: matters.Licensing, Materials: []matters.Material{exempt, exempt}},
		{Code: "D", Type: matters.Licensing},
		// Ex officio: left out of every figure.
		{Code: "E", Type: matters.Penalty, Materials: []matters.Material{exempt}, Result: &matters.Result{Name: "处罚决定书"}},
	}
	x := New(Config{})
	for i := range ms {
		x.Add(&ms[i])
	}
	tests := []struct {
		name          string
		ind           Indicator
		num, den, cnt int64
		value         string
		excluded      int64
	}{
		{"zero-material count", ZeroMaterialCount, 2, 0, 3, "2", 2},
		{"zero-material share", ZeroMaterialShare, 2, 3, 3, "66.67%", 2},
		{"exempt materials", ExemptMaterialShare, 4, 6, 3, "66.67%", 2},
		{"materials per matter", MaterialsPerMatter, 6, 3, 3, "2.00", 2},
		{"electronic licences", ELicenceShare, 1, 2, 2, "50.00%", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := x.Result(tt.ind)
			var ex int64
			for _, e := range r.Excluded {
				ex += e.Count
			}
			if r.Num != tt.num || r.Den != tt.den || r.Counted != tt.cnt || r.Value() != tt.value || ex != tt.excluded {
				t.Errorf("%s = %d/%d over %d, %q, %d left out; want %d/%d over %d, %q, %d",
					tt.ind, r.Num, r.Den, r.Counted, r.Value(), ex, tt.num, tt.den, tt.cnt, tt.value, tt.excluded)
			}
			if r.Counted+ex != int64(len(ms)) {
				t.Errorf("counted %d + left out %d != %d matters", r.Counted, ex, len(ms))
			}
		})
	}
	// Merging two halves gives the same figures.
	a, b := New(Config{}), New(Config{})
	a.Add(&ms[0])
	a.Add(&ms[1])
	b.Add(&ms[2])
	b.Add(&ms[3])
	b.Add(&ms[4])
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		if got, want := a.Result(tt.ind).String(), x.Result(tt.ind).String(); got != want {
			t.Errorf("merged %s = %s, want %s", tt.ind, got, want)
		}
	}
}
