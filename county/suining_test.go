package county

import (
	"slices"
	"testing"

	"github.com/zwfw/zwfw/schema/schematest"
)

func TestSuining(t *testing.T) {
	h := Suining()
	if h != Suining() {
		t.Error("Suining returned two hierarchies")
	}
	roots := h.Roots()
	if len(roots) != 1 || roots[0].Code().String() != "510900" || roots[0].Name() != "遂宁市" || roots[0].ParentCode().String() != "510000" {
		t.Fatalf("roots = %v", roots)
	}
	city := roots[0]
	var counties, parks []string
	for _, c := range city.Children() {
		if c.Level() != LevelCounty || c.County() != c {
			t.Errorf("%v stands at %v", c, c.Level())
		}
		if c.Kind() == Park {
			if c.Code().IsValid() {
				t.Errorf("park %v has a code", c)
			}
			parks = append(parks, c.Name())
		} else {
			counties = append(counties, c.Code().String()+" "+c.Name()+" "+c.Kind().String())
		}
	}
	if want := []string{"510903 船山区 区", "510904 安居区 区", "510921 蓬溪县 县", "510923 大英县 县", "510981 射洪市 县级市"}; !slices.Equal(counties, want) {
		t.Errorf("counties = %q, want %q", counties, want)
	}
	if want := []string{"遂宁高新区", "遂宁经开区", "河东新区"}; !slices.Equal(parks, want) {
		t.Errorf("parks = %q, want %q", parks, want)
	}
	shehong := h.ByCode(MustParseCode("510922"))
	if fc := shehong.FormerCodes(); shehong.Name() != "射洪市" || len(fc) != 1 || fc[0].Name != "射洪县" || fc[0].Until != "2019" {
		t.Errorf("510922 finds %v with former codes %v", shehong, fc)
	}
	src := h.Sources()
	if len(src) != 2 || src[0].AsOf.IsZero() || src[1].AsOf.Format("2006-01") != "2021-04" {
		t.Errorf("sources = %+v", src)
	}
	if city.Level().String() != "市级" {
		t.Errorf("city level %v", city.Level())
	}
	// The figures the seed states, kept as stated.
	stated := map[string]int{}
	for u := range h.All() {
		for _, f := range u.Figures() {
			key := u.Name() + " "
			for _, k := range f.Of {
				key += k.String()
			}
			if f.Point.IsValid() {
				key += f.Point.String()
			}
			stated[key] = f.Count
		}
	}
	want := map[string]int{
		"遂宁市 帮办代办导办服务台": 9, "遂宁市 乡镇街道": 20, "遂宁市 村社区": 85,
		"蓬溪县 乡镇": 19, "蓬溪县 街道": 1, "蓬溪县 园区": 1, "蓬溪县 村": 261, "蓬溪县 社区": 60,
	}
	if len(stated) != len(want) {
		t.Errorf("stated figures %v, want %v", stated, want)
	}
	for k, v := range want {
		if stated[k] != v {
			t.Errorf("figure %s = %d, want %d", k, stated[k], v)
		}
	}
	again, probs := parseProblems("copy.yaml", SuiningDocument())
	if probs.Err() != nil || again.Len() != h.Len() {
		t.Errorf("SuiningDocument reads as %d units, %v", again.Len(), probs)
	}
}

// TestSuiningDivisions2023 reads the real 2023 statistical division list of
// Suining and merges it under the embedded default.
func TestSuiningDivisions2023(t *testing.T) {
	const path = "../../shared/data/suining-divisions-2023.csv"
	schematest.NeedOutside(t, path)
	list, probs := loadFileProblems(path)
	if len(probs) > 0 {
		// Not even a warning: the codes of the real list keep to the
		// statistical ranges of their kinds.
		t.Fatalf("%s: %v", path, probs)
	}
	if r := list.Roots(); len(r) != 1 || r[0].Name() != "遂宁市" || r[0].ParentCode().String() != "510000" {
		t.Fatalf("roots = %v", r)
	}
	h, probs := Suining().Merge(list)
	if len(probs) > 0 {
		t.Fatalf("merging: %v", probs)
	}
	if got, want := h.Len(), Suining().Len()+list.Len()-6; got != want {
		t.Errorf("%d units after merging, want %d (the city and its 5 counties match)", got, want)
	}

	counties := 0
	kinds := map[Kind]int{}
	perCounty := map[string]int{}
	for u := range h.All() {
		switch u.Level() {
		case LevelCounty:
			if u.Kind() != Park {
				counties++
			}
		case LevelTownship:
			kinds[u.Kind()]++
			perCounty[u.County().Name()]++
			if !u.County().Code().Contains(u.Code()) {
				t.Errorf("%v lies outside its county's code", u)
			}
		}
	}
	townships := kinds[Subdistrict] + kinds[Town] + kinds[Township]
	t.Logf("counties %d; township-level units %d: 街道 %d, 镇 %d, 乡 %d; per county %v",
		counties, townships, kinds[Subdistrict], kinds[Town], kinds[Township], perCounty)
	if counties != 5 {
		t.Errorf("%d counties, want 5", counties)
	}
	if townships != 95 {
		t.Errorf("%d township-level units, want 95", townships)
	}
	if kinds[Subdistrict] != 20 {
		t.Errorf("%d subdistricts, want 20", kinds[Subdistrict])
	}

	pengxi, err := h.Find("遂宁市/蓬溪县")
	if err != nil {
		t.Fatal(err)
	}
	children := pengxi.Children()
	var subdistricts []string
	towns := 0
	for _, c := range children {
		switch c.Kind() {
		case Subdistrict:
			subdistricts = append(subdistricts, c.Name())
		case Town, Township:
			towns++
		default:
			t.Errorf("蓬溪县 has a %v: %v", c.Kind(), c)
		}
	}
	if !slices.Equal(subdistricts, []string{"普安街道"}) || towns != 19 {
		t.Errorf("蓬溪县 = %q + %d 乡镇, want 普安街道 + 19", subdistricts, towns)
	}
	// The seed's figures for 蓬溪县 set against the list.
	for _, f := range pengxi.Figures() {
		if slices.Equal(f.Of, []Kind{Township, Town}) || slices.Equal(f.Of, []Kind{Subdistrict}) {
			if got := pengxi.Count(f.Of...); got != f.Count {
				t.Errorf("figure %v: stated %d, counted %d", f.Of, f.Count, got)
			}
		}
	}
	if u, err := h.Find("蓬溪县/普安街道"); err != nil || u.Code().String() != "510921001" || u.Level() != LevelTownship {
		t.Errorf("蓬溪县/普安街道 = %v, %v", u, err)
	}
}
