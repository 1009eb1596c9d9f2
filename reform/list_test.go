package reform

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/matters"
)

// sectionKeys flattens a selection to group → codes.
type sectionKey struct {
	Group string
	Codes []string
}

func sections(sel *Selection) []sectionKey {
	out := []sectionKey{}
	for _, s := range sel.Sections {
		k := sectionKey{Group: s.Group, Codes: []string{}}
		for _, m := range s.Matters {
			k.Codes = append(k.Codes, string(m.Code))
		}
		out = append(out, k)
	}
	return out
}

func TestLists(t *testing.T) {
	c := handCatalogue()
	tests := []struct {
		name string
		want []sectionKey
		n    int
	}{
		{"马上办清单", []sectionKey{{"", []string{"M2", "M5"}}}, 2},
		{"全程网办清单", []sectionKey{{"", []string{"M1"}}}, 1},
		{"川渝通办清单", []sectionKey{{"第1批", []string{"M1"}}, {"第2批", []string{"M5"}}, {"批次未注明", []string{"M7"}}}, 3},
		{"跨省通办清单", []sectionKey{{"第2批", []string{"M2"}}}, 1},
		{"下放事项清单", []sectionKey{{"乡镇级", []string{"M3"}}, {"村(社区)级", []string{"M5"}}, {"层级未注明", []string{"M7"}}}, 3},
		{"全域通办清单", []sectionKey{{"", []string{"M5"}}}, 1},
		{"就近可办清单", []sectionKey{{"", []string{"M5"}}}, 1},
		{"全国通办清单", []sectionKey{{"", []string{"M3"}}}, 1},
		{"一件事一次办清单", []sectionKey{{"我要开餐馆", []string{"M1", "M3"}}, {"新生儿出生", []string{"M2", "M5"}}}, 2},
		{"24小时自助清单", []sectionKey{{"", []string{"M2"}}}, 1},
		{"容缺受理清单", []sectionKey{{"", []string{"M3"}}}, 1},
	}
	if len(tests) != len(MatterLists()) {
		t.Errorf("%d lists tested, %d exist", len(tests), len(MatterLists()))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := LookupList(tt.name)
			if l == nil {
				t.Fatal("no such list")
			}
			sel := l.Select(c)
			if diff := cmp.Diff(tt.want, sections(sel)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if sel.Len() != tt.n {
				t.Errorf("Len = %d, want %d", sel.Len(), tt.n)
			}
		})
	}
	t.Run("empty catalogue", func(t *testing.T) {
		for _, l := range MatterLists() {
			if sel := l.Select(&matters.Catalogue{}); sel.Len() != 0 || len(sel.Sections) != 0 {
				t.Errorf("%s of nothing: %v", l.Name, sections(sel))
			}
		}
	})
}

func TestLookupList(t *testing.T) {
	tests := []struct{ in, want string }{
		{"马上办清单", "马上办清单"},
		{"马上办", "马上办清单"},
		{"下放事项", "下放事项清单"},
		{"川渝通办事项数", "川渝通办清单"}, // by its indicator
		{"即办率", ""},           // a share has no list
		{"清单", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := ""
			if l := LookupList(tt.in); l != nil {
				got = l.Name
			}
			if got != tt.want {
				t.Errorf("LookupList(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestListsAgreeWithIndicators checks on random catalogues that every list
// selects what its indicator counts, group by group.
func TestListsAgreeWithIndicators(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 2021))
	_, pool := randomBase(r)
	for iter := range 200 {
		c := &matters.Catalogue{}
		for range r.IntN(60) {
			c.Matters = append(c.Matters, randomMatter(r, pool))
		}
		for range r.IntN(4) {
			c.Bundles = append(c.Bundles, matters.Bundle{Name: "b", Matters: []matters.MatterCodeText{"C0001", "C0002"}})
		}
		x := New(Config{})
		x.AddCatalogue(c)
		for _, l := range MatterLists() {
			sel := l.Select(c)
			res := x.Result(l.Indicator)
			n := res.Num
			if res.Distinct {
				// A list has one entry per matter; the indicator counts
				// the distinct items among them, grouped by each item's
				// earliest batch.
				n = res.Matters
				if res.Num > res.Matters {
					t.Fatalf("iteration %d: %s counts %d items in %d matters", iter, l.Indicator, res.Num, res.Matters)
				}
			}
			if int64(sel.Len()) != n {
				t.Fatalf("iteration %d: %s has %d entries, %s = %d", iter, l.Name, sel.Len(), l.Indicator, n)
			}
			if l.GroupedBy == "" || l.Indicator == BundleCount || res.Distinct {
				continue
			}
			var groups []Subtotal
			for _, s := range sel.Sections {
				groups = append(groups, Subtotal{Key: s.Group, Count: int64(len(s.Matters))})
			}
			if diff := cmp.Diff(res.Groups, groups); diff != "" {
				t.Fatalf("iteration %d: %s groups differ from %s (-indicator +list):\n%s", iter, l.Name, l.Indicator, diff)
			}
			for _, s := range sel.Sections {
				for _, m := range s.Matters {
					if !l.Includes(m) || l.Group(m) != s.Group {
						t.Fatalf("%s: matter %s in section %s: Includes %v, Group %q", l.Name, m.Code, s.Group, l.Includes(m), l.Group(m))
					}
				}
			}
		}
	}
}
