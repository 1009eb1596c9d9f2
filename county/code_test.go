package county

import (
	"encoding/json"
	"testing"

	"github.com/zwfw/zwfw/schema/schematest"
)

func TestParseCode(t *testing.T) {
	tests := []struct {
		name, in    string
		ok          bool
		short, stat string
		level       Level
		parent      string
		why         string
	}{
		{"province", "510000", true, "510000", "510000000000", LevelProvince, "100000", "a province's parent is the national code"},
		{"made-up province", "990000", true, "990000", "990000000000", LevelProvince, "100000", "well-formed, not known"},
		{"township under a city", "441900003", true, "441900003", "441900003000", LevelTownship, "441900", "东莞市 has no counties"},
		{"city", "510900", true, "510900", "510900000000", LevelCity, "510000", ""},
		{"county", "510921", true, "510921", "510921000000", LevelCounty, "510900", ""},
		{"township", "510921001", true, "510921001", "510921001000", LevelTownship, "510921", ""},
		{"village", "510921001201", true, "510921001201", "510921001201", LevelVillage, "510921001", ""},
		{"county as 12 digits", "510921000000", true, "510921", "510921000000", LevelCounty, "510900", "trailing zero groups are dropped"},
		{"township as 12 digits", "510921001000", true, "510921001", "510921001000", LevelTownship, "510921", ""},
		{"city as 9 digits", "510900000", true, "510900", "510900000000", LevelCity, "510000", ""},
		{"empty", "", false, "", "", 0, "", ""},
		{"too short", "51092", false, "", "", 0, "", ""},
		{"seven digits", "5109210", false, "", "", 0, "", "only 6, 9 and 12"},
		{"letters", "51092a", false, "", "", 0, "", ""},
		{"sign", "+51092", false, "", "", 0, "", ""},
		{"full-width digits", "５１０９２１", false, "", "", 0, "", ""},
		{"province 00", "000000", false, "", "", 0, "", ""},
		{"province 00 with county", "001234", false, "", "", 0, "", ""},
		{"hole at city", "510021", false, "", "", 0, "", "a zero group before a non-zero one"},
		{"hole at township", "510921000001", false, "", "", 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseCode(tt.in)
			if (err == nil) != tt.ok {
				t.Fatalf("ParseCode(%q) error = %v, want ok %v (%s)", tt.in, err, tt.ok, tt.why)
			}
			if !tt.ok {
				if c.IsValid() {
					t.Errorf("ParseCode(%q) returned a valid code on error", tt.in)
				}
				return
			}
			if got := c.String(); got != tt.short {
				t.Errorf("String() = %q, want %q", got, tt.short)
			}
			if got := c.Statistical(); got != tt.stat {
				t.Errorf("Statistical() = %q, want %q", got, tt.stat)
			}
			if got := levelOf(c); got != tt.level {
				t.Errorf("Level() = %v, want %v", got, tt.level)
			}
			if got := c.Parent().String(); got != tt.parent {
				t.Errorf("Parent() = %q, want %q", got, tt.parent)
			}
			again, err := ParseCode(c.String())
			if err != nil || again != c {
				t.Errorf("ParseCode(String()) = %v, %v; want %v", again, err, c)
			}
		})
	}
}

func TestCodeZero(t *testing.T) {
	var c Code
	if c.IsValid() || c.String() != "" || c.Statistical() != "" || c.Level() != 0 || c.Parent().IsValid() {
		t.Errorf("zero Code: IsValid %v String %q Statistical %q Level %v", c.IsValid(), c.String(), c.Statistical(), c.Level())
	}
	if got := c.Compare(MustParseCode("110000")); got != -1 {
		t.Errorf("zero Compare = %d, want -1", got)
	}
}

func TestCodeText(t *testing.T) {
	type doc struct {
		Code  Code   `json:"code"`
		Codes []Code `json:"codes"`
	}
	in := `{"code":"510921","codes":["510900000000","510921001",""]}`
	var d doc
	if err := json.Unmarshal([]byte(in), &d); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"code":"510921","codes":["510900","510921001",""]}`; string(out) != want {
		t.Errorf("round trip = %s, want %s", out, want)
	}
	if err := json.Unmarshal([]byte(`{"code":"51092"}`), &d); err == nil {
		t.Error("malformed code unmarshalled without error")
	}
}

func TestMustParseCodePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustParseCode did not panic on a malformed code")
		}
	}()
	MustParseCode("x")
}

func FuzzParseCode(f *testing.F) {
	same := func(a, b Code) bool { return a == b }
	schematest.FuzzReadBack(f, ParseCode, same, func(t *testing.T, s string, c Code) {
		if s12, _ := ParseCode(c.Statistical()); s12 != c {
			t.Fatalf("Statistical form of %v does not read back", c)
		}
		if p := c.Parent(); p.IsValid() && (!p.Contains(c) || p.Level() >= c.Level()) {
			t.Fatalf("Parent %v of %v does not contain it", p, c)
		}
	}, "510900", "510921001", "510921001201", "000000", "510021", "", "5109210")
}

func TestName(t *testing.T) {
	tests := []struct {
		name, code, want string
		ok               bool
	}{
		{"suining county from the hierarchy", "510921", "蓬溪县", true},
		{"statistical code of a county", "511602000000", "广安区", true},
		{"city of Sichuan", "511600", "广安市", true},
		{"former code names the unit it became", "510922", "射洪市", true},
		{"unknown code", "110101", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Name(MustParseCode(tt.code))
			if got != tt.want || ok != tt.ok {
				t.Errorf("Name(%s) = %q, %v; want %q, %v", tt.code, got, ok, tt.want, tt.ok)
			}
		})
	}
}
