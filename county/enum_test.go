package county

import (
	"strings"
	"testing"
)

// textEnum is what every enum of the package offers.
type textEnum interface {
	String() string
	MarshalText() ([]byte, error)
	IsValid() bool
}

func checkEnum[E textEnum](t *testing.T, all []E, parse func(string) (E, error), unmarshal func(*E, []byte) error) {
	t.Helper()
	seen := map[string]bool{}
	for _, v := range all {
		s := v.String()
		if seen[s] {
			t.Errorf("%q appears twice", s)
		}
		seen[s] = true
		if !v.IsValid() || strings.Contains(s, "(") && strings.HasPrefix(s, "county.") {
			t.Errorf("%v: not valid or has no term", s)
		}
		got, err := parse(s)
		if err != nil || got.String() != s {
			t.Errorf("parse(%q) = %v, %v", s, got, err)
		}
		b, err := v.MarshalText()
		if err != nil || string(b) != s {
			t.Errorf("MarshalText(%v) = %q, %v", v, b, err)
		}
		var u E
		if err := unmarshal(&u, b); err != nil || u.String() != s {
			t.Errorf("UnmarshalText(%q) = %v, %v", b, u, err)
		}
	}
	if _, err := parse("no such term"); err == nil || !strings.HasPrefix(err.Error(), "county: ") {
		t.Errorf("parse of an unknown term: error %v", err)
	}
	var zero E
	if err := unmarshal(&zero, []byte("no such term")); err == nil {
		t.Error("UnmarshalText of an unknown term succeeded")
	}
}

func TestLevel(t *testing.T) {
	checkEnum(t, AllLevels(), ParseLevel, (*Level).UnmarshalText)
	tests := []struct {
		in   string
		want Level
	}{
		{"国家级", LevelNational}, {"1", LevelNational}, {"3", LevelCity}, {"县级", LevelCounty},
		{"5", LevelTownship}, {"村(社区)级", LevelVillage}, {"6", LevelVillage},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got, err := ParseLevel(tt.in); err != nil || got != tt.want {
				t.Errorf("ParseLevel(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
	for _, bad := range []string{"0", "7", "村级", ""} {
		if _, err := ParseLevel(bad); err == nil {
			t.Errorf("ParseLevel(%q) succeeded", bad)
		}
	}
}

func TestKind(t *testing.T) {
	checkEnum(t, AllKinds(), ParseKind, (*Kind).UnmarshalText)
	levels := map[Kind]Level{
		Province: LevelProvince, City: LevelCity, District: LevelCounty, County: LevelCounty,
		CountyCity: LevelCounty, Park: LevelCounty, Township: LevelTownship, Town: LevelTownship,
		Subdistrict: LevelTownship, Village: LevelVillage, Community: LevelVillage,
	}
	if len(levels) != len(AllKinds()) {
		t.Fatalf("table covers %d kinds of %d", len(levels), len(AllKinds()))
	}
	for k, l := range levels {
		if k.Level() != l {
			t.Errorf("%v.Level() = %v, want %v", k, k.Level(), l)
		}
	}
}

func TestPointKind(t *testing.T) {
	checkEnum(t, AllPointKinds(), ParsePointKind, (*PointKind).UnmarshalText)
	for _, k := range AllPointKinds() {
		if len(k.Levels()) == 0 {
			t.Errorf("%v serves no level", k)
		}
	}
	l := ServiceCentre.Levels()
	l[0] = LevelNational
	if ServiceCentre.Levels()[0] != LevelTownship {
		t.Error("Levels returned the package's own slice")
	}
}

func TestInvalidEnums(t *testing.T) {
	tests := []struct {
		name string
		v    textEnum
		want string
	}{
		{"zero level", Level(0), "county.Level(0)"},
		{"level 7", Level(7), "county.Level(7)"},
		{"level 255", Level(255), "county.Level(255)"},
		{"zero kind", Kind(0), "county.Kind(0)"},
		{"kind 200", Kind(200), "county.Kind(200)"},
		{"zero point kind", PointKind(0), "county.PointKind(0)"},
		{"point kind 9", PointKind(9), "county.PointKind(9)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.v.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			if tt.v.IsValid() {
				t.Error("IsValid() = true")
			}
			if _, err := tt.v.MarshalText(); err == nil {
				t.Error("MarshalText succeeded")
			}
		})
	}
	if Kind(0).Level() != 0 || PointKind(0).Levels() != nil {
		t.Error("invalid enums report levels")
	}
}
