package reform

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCustom computes a bureau's own indicators over the hand catalogue:
//
//	网上可办率: online=互联网受理 — application-based matters accepted online:
//	  M1 (depth 四级) of M1 M2 M3 M5 M7 = 1/5.
//	即办承诺件率: handlingKind=即办件 — M2 (即办件), M5 (即办件) = 2/5.
//	川渝通办下放事项数: scope=川渝通办, flag=下放 — M5 (to 村), M7 (by power
//	  source) among all matters = 2; M1 is 川渝 but not delegated.
//	少跑事项数: maxVisits=0, type=行政许可|行政给付 — M1 (许可, 0), M3 (给付, 0) = 2.
func TestCustom(t *testing.T) {
	texts := []string{
		"网上可办率: online=互联网受理",
		"即办承诺件率: handlingKind=即办件",
		"川渝通办下放事项数: scope=川渝通办, flag=下放",
		"少跑事项数: maxVisits=0, type=行政许可|行政给付",
	}
	var cs []Custom
	for _, s := range texts {
		c, err := ParseCustom(s)
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseCustom(c.String())
		if err != nil || !cmp.Equal(back, c) {
			t.Errorf("%q writes as %q, which reads back as %+v, %v", s, c.String(), back, err)
		}
		cs = append(cs, c)
	}
	x := New(Config{Custom: cs})
	x.AddCatalogue(handCatalogue())
	app := []Exclusion{noType, exOfficio}
	tests := []struct {
		name string
		want Result
		text string
	}{
		{"网上可办率", Result{Name: "网上可办率", Custom: true, Share: true, Num: 1, Den: 5, Counted: 5, Excluded: app}, "20.00%"},
		{"即办承诺件率", Result{Name: "即办承诺件率", Custom: true, Share: true, Num: 2, Den: 5, Counted: 5, Excluded: app}, "40.00%"},
		{"川渝通办下放事项数", Result{Name: "川渝通办下放事项数", Custom: true, Num: 2, Counted: 7}, "2"},
		{"少跑事项数", Result{Name: "少跑事项数", Custom: true, Num: 2, Counted: 7}, "2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := x.CustomResult(tt.name)
			if !ok {
				t.Fatal("not configured")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" || got.Value() != tt.text {
				t.Errorf("(-want +got):\n%s\nvalue %s, want %s", diff, got.Value(), tt.text)
			}
		})
	}
	if _, ok := x.CustomResult("满意率"); ok {
		t.Errorf("an indicator not configured has a result")
	}
	// Shards merge exactly; a shard counting otherwise does not merge.
	a, b := New(Config{Custom: cs}), New(Config{Custom: cs})
	for i, m := range handCatalogue().Matters {
		if i%2 == 0 {
			a.Add(&m)
		} else {
			b.Add(&m)
		}
	}
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(x.CustomResults(), a.CustomResults()); diff != "" {
		t.Errorf("merged shards differ from the whole (-whole +merged):\n%s", diff)
	}
	if err := a.Merge(New(Config{})); err != ErrConfigMismatch {
		t.Errorf("merging without the custom indicators: %v", err)
	}
	other, _ := ParseCustom("网上可办率: online=互联网办理")
	if err := a.Merge(New(Config{Custom: append([]Custom{other}, cs[1:]...)})); err != ErrConfigMismatch {
		t.Errorf("merging a custom indicator of the same name but another definition: %v", err)
	}
}

func TestParseCustom(t *testing.T) {
	tests := []struct {
		in    string
		share bool
		ok    bool
	}{
		{"网上可办率: online=互联网受理|互联网办理", true, true},
		{"邮寄事项占比：forms=快递申请", true, true},
		{"遂潼事项数: scope=遂潼通办", false, true},
		{"即办比例2: handlingKind=即办件", false, true}, // not ending in 率/比例/占比
		{"无条件事项数:", false, true},
		{"网上可办率 online=互联网受理", false, false},       // no colon
		{": online=互联网受理", false, false},           // no name
		{"甲率: colour=red", false, false},           // no such element
		{"甲率: online=互联网", false, false},           // no such item
		{"甲率: maxVisits=-1", false, false},         // not a number of visits
		{"甲率: flag=跑腿", false, false},              // no such flag
		{"甲率: scope=川渝同办", false, false},           // no such scope
		{"甲率: handlingKind=即办件|承诺件", false, false}, // one kind only
		{"甲率: online", false, false},               // no value
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, err := ParseCustom(tt.in)
			if (err == nil) != tt.ok || tt.ok && c.Share != tt.share {
				t.Errorf("ParseCustom(%q) = %+v, %v; want share %v, ok %v", tt.in, c, err, tt.share, tt.ok)
			}
		})
	}
}

func FuzzParseCustom(f *testing.F) {
	for _, s := range []string{"网上可办率: online=互联网受理", "甲数: scope=遂潼通办|川渝通办, flag=下放, maxVisits=1", "甲率: type=1|行政许可"} {
		f.Add(s)
	}
	m := handCatalogue().Matters
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCustom(s)
		if err != nil {
			return
		}
		back, err := ParseCustom(c.String())
		if err != nil || !cmp.Equal(back, c) {
			t.Fatalf("%q writes as %q, which reads back as %+v, %v", s, c.String(), back, err)
		}
		for i := range m {
			c.Where.Holds(&m[i]) // never panics
		}
	})
}
