package county

import (
	"errors"
	"slices"
	"testing"
)

func names(units []*Unit) []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.QualifiedName()
	}
	return out
}

func TestByName(t *testing.T) {
	h := mustLoadFile(t, "testdata/divisions/valid-forest.json")
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"repeated name gives all, depth first", "东区", []string{"乙市/东区", "甲市/东区"}},
		{"qualified", "甲市/东区", []string{"甲市/东区"}},
		{"anchored", "/甲市/东区", []string{"甲市/东区"}},
		{"anchored root", "/乙市", []string{"乙市"}},
		{"anchored not at root", "/东区", nil},
		{"wrong parent", "乙市/西区", nil},
		{"parent above root", "四川省/甲市", nil},
		{"unknown", "北区", nil},
		{"empty", "", nil},
		{"empty segment", "甲市//东区", nil},
		{"trailing slash", "甲市/", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := names(h.ByName(tt.in)); !slices.Equal(got, tt.want) {
				t.Errorf("ByName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFind(t *testing.T) {
	h := Suining()
	forest, _ := loadFileProblems("testdata/divisions/valid-forest.json")
	tests := []struct {
		name string
		h    *Hierarchy
		in   string
		want string // qualified name; "" when an error is expected
		err  error
	}{
		{"by code", h, "510921", "遂宁市/蓬溪县", nil},
		{"by 12-digit code", h, "510921000000", "遂宁市/蓬溪县", nil},
		{"by former code", h, "510922", "遂宁市/射洪市", nil},
		{"by name", h, "射洪市", "遂宁市/射洪市", nil},
		{"park by name", h, "河东新区", "遂宁市/河东新区", nil},
		{"qualified", h, "遂宁市/大英县", "遂宁市/大英县", nil},
		{"unknown code", h, "510999", "", ErrNotFound},
		{"unknown name", h, "普安街道", "", ErrNotFound},
		{"ambiguous", forest, "东区", "", ErrAmbiguous},
		{"malformed code", h, "51092", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := tt.h.Find(tt.in)
			if tt.want != "" {
				if err != nil || u.QualifiedName() != tt.want {
					t.Fatalf("Find(%q) = %v, %v; want %s", tt.in, u, err, tt.want)
				}
				return
			}
			if err == nil || u != nil {
				t.Fatalf("Find(%q) = %v, %v; want an error", tt.in, u, err)
			}
			if tt.err != nil && !errors.Is(err, tt.err) {
				t.Errorf("Find(%q) error %v is not %v", tt.in, err, tt.err)
			}
		})
	}
}

func TestWalking(t *testing.T) {
	h := mustLoadFile(t, "testdata/divisions/valid-minimal.yaml")
	root := h.Roots()[0]
	var all []string
	for u := range h.All() {
		all = append(all, u.Name())
	}
	want := []string{"示例市", "甲区", "一街道", "二镇", "乙县", "二镇", "四村", "五社区", "三乡", "丙市", "示例高新区", "园区社区"}
	if !slices.Equal(all, want) {
		t.Errorf("All() = %q, want %q", all, want)
	}
	var desc []string
	for u := range root.Descendants() {
		desc = append(desc, u.Name())
	}
	if !slices.Equal(desc, want[1:]) {
		t.Errorf("Descendants() = %q, want %q", desc, want[1:])
	}
	t.Run("stops early", func(t *testing.T) {
		n := 0
		for range root.Descendants() {
			n++
			if n == 5 {
				break
			}
		}
		for range h.All() {
			n++
			break
		}
		if n != 6 {
			t.Errorf("n = %d", n)
		}
	})
	t.Run("ancestors", func(t *testing.T) {
		u := h.ByCode(MustParseCode("999921100201"))
		var up []string
		for a := range u.Ancestors() {
			up = append(up, a.Name())
		}
		if !slices.Equal(up, []string{"二镇", "乙县", "示例市"}) {
			t.Errorf("Ancestors = %q", up)
		}
		for range u.Ancestors() {
			break
		}
	})
	t.Run("count", func(t *testing.T) {
		if got := root.Count(); got != h.Len()-1 {
			t.Errorf("Count() = %d, want %d", got, h.Len()-1)
		}
		if got := root.Count(Town, Township, Subdistrict); got != 4 {
			t.Errorf("Count(乡镇街道) = %d, want 4", got)
		}
	})
	t.Run("children are copies", func(t *testing.T) {
		c := root.Children()
		c[0] = nil
		if root.Children()[0] == nil {
			t.Error("Children returned the unit's own slice")
		}
		r := h.Roots()
		r[0] = nil
		if h.Roots()[0] == nil {
			t.Error("Roots returned the hierarchy's own slice")
		}
		f := h.ByCode(MustParseCode("999921")).Figures()
		f[0].Of[0] = Village
		if h.ByCode(MustParseCode("999921")).Figures()[0].Of[0] != Township {
			t.Error("Figures shares its Of slices")
		}
	})
}

func TestNilSafety(t *testing.T) {
	var u *Unit
	if u.Code().IsValid() || u.Name() != "" || u.Kind() != 0 || u.Level() != 0 || u.Parent() != nil ||
		u.Children() != nil || u.County() != nil || u.QualifiedName() != "" || u.Note() != "" ||
		u.FormerCodes() != nil || u.ServicePoints() != nil || u.Figures() != nil || u.Count() != 0 ||
		u.ParentCode().IsValid() || u.Pos().IsValid() || u.String() != "<nil>" {
		t.Error("a nil *Unit returned something")
	}
	for range u.Descendants() {
		t.Error("a nil *Unit has descendants")
	}
	for range u.Ancestors() {
		t.Error("a nil *Unit has ancestors")
	}
	for _, h := range []*Hierarchy{nil, new(Hierarchy)} {
		if h.Len() != 0 || h.Roots() != nil || h.Sources() != nil || h.ByCode(MustParseCode("510900")) != nil || h.ByName("x") != nil {
			t.Error("an empty hierarchy returned something")
		}
		for range h.All() {
			t.Error("an empty hierarchy has units")
		}
		if _, err := h.Find("遂宁市"); !errors.Is(err, ErrNotFound) {
			t.Errorf("Find on an empty hierarchy: %v", err)
		}
	}
	if got := Suining().ByCode(MustParseCode("510981")).Parent().County(); got != nil {
		t.Errorf("the city's county = %v, want nil", got)
	}
}
