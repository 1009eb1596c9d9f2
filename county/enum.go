package county

import (
	"fmt"
	"strconv"
)

// enum is the table behind one of the package's enumerated types: value
// i (from 1) has the Chinese term names[i]; value 0 is none.
type enum struct {
	typ     string   // the Go type, for String of a value out of range
	what    string   // what a value is, for the error of an unknown term
	invalid string   // the same, for the error of marshalling a value out of range; what when empty
	names   []string // names[0] is ""
	codes   bool     // whether the value's number ("4") is read as well
}

func (e *enum) valid(v uint8) bool { return v >= 1 && int(v) < len(e.names) }

// str returns the Chinese term, or "county.TYPE(N)" for a value out of
// range. It never panics.
func (e *enum) str(v uint8) string {
	if e.valid(v) {
		return e.names[v]
	}
	return "county." + e.typ + "(" + strconv.Itoa(int(v)) + ")"
}

func (e *enum) parse(s string) (uint8, error) {
	for v := 1; v < len(e.names); v++ {
		if s == e.names[v] || e.codes && s == strconv.Itoa(v) {
			return uint8(v), nil
		}
	}
	return 0, fmt.Errorf("county: unknown %s %q", e.what, s)
}

func (e *enum) marshal(v uint8) ([]byte, error) {
	if !e.valid(v) {
		invalid := e.invalid
		if invalid == "" {
			invalid = e.what
		}
		return nil, fmt.Errorf("county: cannot marshal invalid %s %d", invalid, v)
	}
	return []byte(e.names[v]), nil
}

// unmarshal reads the text b into *p through parse.
func unmarshal[T any](parse func(string) (T, error), p *T, b []byte) error {
	v, err := parse(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Level is a tier of the administrative hierarchy and, with the same
// values, the exercise level (行使层级) of service matters: a matter a
// township centre handles is exercised at 乡镇级. The values are the
// national codes 1–6, so Level(4) is 县级. The zero Level is not a level.
//
// Its text form is the Chinese term; [ParseLevel] also reads the code.
type Level uint8

// The levels, highest first.
const (
	LevelNational Level = 1 + iota // 国家级
	LevelProvince                  // 省级
	LevelCity                      // 市级
	LevelCounty                    // 县级
	LevelTownship                  // 乡镇级
	LevelVillage                   // 村(社区)级
)

var levels = &enum{typ: "Level", what: "level", names: []string{"", "国家级", "省级", "市级", "县级", "乡镇级", "村(社区)级"}, codes: true}

// AllLevels returns every level, highest first.
func AllLevels() []Level {
	return []Level{LevelNational, LevelProvince, LevelCity, LevelCounty, LevelTownship, LevelVillage}
}

// IsValid reports whether l is one of the six levels.
func (l Level) IsValid() bool { return levels.valid(uint8(l)) }

// String returns the Chinese term (县级); for a value that is not a level it
// returns "county.Level(N)". It never panics.
func (l Level) String() string { return levels.str(uint8(l)) }

// ParseLevel reads a level from its Chinese term (县级) or its national code
// ("4").
func ParseLevel(s string) (Level, error) {
	v, err := levels.parse(s)
	return Level(v), err
}

// MarshalText writes the Chinese term; it fails for a value that is not a
// level.
func (l Level) MarshalText() ([]byte, error) { return levels.marshal(uint8(l)) }

// UnmarshalText reads a level through [ParseLevel].
func (l *Level) UnmarshalText(b []byte) error { return unmarshal(ParseLevel, l, b) }

// Kind is the kind of an administrative unit. Its text form is the Chinese
// term. The zero Kind is not a kind.
type Kind uint8

// The kinds of unit, highest tier first.
const (
	Province    Kind = 1 + iota // 省: a provincial unit (省, 自治区, 直辖市)
	City                        // 市: a prefecture-level unit (地级市, 自治州, …)
	District                    // 区: a district of a city (市辖区)
	County                      // 县
	CountyCity                  // 县级市: a county-level city
	Park                        // 园区: a separately accounted zone without a division code
	Township                    // 乡
	Town                        // 镇
	Subdistrict                 // 街道
	Village                     // 村
	Community                   // 社区
)

var kinds = &enum{typ: "Kind", what: "kind of unit", invalid: "kind", names: []string{"", "省", "市", "区", "县", "县级市", "园区", "乡", "镇", "街道", "村", "社区"}}

var kindLevels = [...]Level{0, LevelProvince, LevelCity, LevelCounty, LevelCounty, LevelCounty, LevelCounty,
	LevelTownship, LevelTownship, LevelTownship, LevelVillage, LevelVillage}

// AllKinds returns every kind, highest tier first.
func AllKinds() []Kind {
	return []Kind{Province, City, District, County, CountyCity, Park, Township, Town, Subdistrict, Village, Community}
}

// IsValid reports whether k is one of the kinds.
func (k Kind) IsValid() bool { return kinds.valid(uint8(k)) }

// String returns the Chinese term (街道); for a value that is not a kind it
// returns "county.Kind(N)". It never panics.
func (k Kind) String() string { return kinds.str(uint8(k)) }

// Level returns the tier units of kind k stand at: 县级 for 区, 县 and 县级市,
// 乡镇级 for 乡, 镇 and 街道. A 园区 stands where it is placed (see
// [Unit.Level]); Level returns 县级 for it, the tier of a park under a city.
func (k Kind) Level() Level {
	if k.IsValid() {
		return kindLevels[k]
	}
	return 0
}

// ParseKind reads a kind from its Chinese term.
func ParseKind(s string) (Kind, error) {
	v, err := kinds.parse(s)
	return Kind(v), err
}

// MarshalText writes the Chinese term; it fails for a value that is not a
// kind.
func (k Kind) MarshalText() ([]byte, error) { return kinds.marshal(uint8(k)) }

// UnmarshalText reads a kind through [ParseKind].
func (k *Kind) UnmarshalText(b []byte) error { return unmarshal(ParseKind, k, b) }

// PointKind is the kind of a service point of the 市县乡村 service system.
// Its text form is the Chinese term. The zero PointKind is not a kind.
type PointKind uint8

// The kinds of service point.
const (
	ServiceHall    PointKind = 1 + iota // 政务服务中心: the hall of a city, county or park
	ServiceCentre                       // 便民服务中心: a township or subdistrict centre
	ServiceStation                      // 便民服务站: a village or community station
	ServiceRoom                         // 便民服务室: a village or community room
	ProxyPoint                          // 代办点: where staff or volunteers handle matters for applicants
	AssistedDesk                        // 帮办代办导办服务台: a desk for assisted and proxy handling in a hall
)

var points = &enum{typ: "PointKind", what: "kind of service point", invalid: "service point kind", names: []string{"", "政务服务中心", "便民服务中心", "便民服务站", "便民服务室", "代办点", "帮办代办导办服务台"}}

// pointLevels lists the levels of unit a point of each kind may sit on.
var pointLevels = [...][]Level{
	nil,
	{LevelProvince, LevelCity, LevelCounty},
	{LevelTownship},
	{LevelVillage},
	{LevelVillage},
	{LevelTownship, LevelVillage},
	{LevelProvince, LevelCity, LevelCounty, LevelTownship},
}

// AllPointKinds returns every kind of service point, from the hall down.
func AllPointKinds() []PointKind {
	return []PointKind{ServiceHall, ServiceCentre, ServiceStation, ServiceRoom, ProxyPoint, AssistedDesk}
}

// IsValid reports whether k is one of the kinds of service point.
func (k PointKind) IsValid() bool { return points.valid(uint8(k)) }

// String returns the Chinese term (便民服务站); for a value that is not a
// kind it returns "county.PointKind(N)". It never panics.
func (k PointKind) String() string { return points.str(uint8(k)) }

// Levels returns the levels of unit a point of kind k may sit on: 便民服务中心
// on 乡镇级 units, 便民服务站 and 便民服务室 on 村(社区)级 units, 代办点 on
// either, 政务服务中心 on units of 县级 and above, 帮办代办导办服务台 in any
// hall down to the township.
func (k PointKind) Levels() []Level {
	if !k.IsValid() {
		return nil
	}
	return append([]Level(nil), pointLevels[k]...)
}

// ParsePointKind reads a kind of service point from its Chinese term.
func ParsePointKind(s string) (PointKind, error) {
	v, err := points.parse(s)
	return PointKind(v), err
}

// MarshalText writes the Chinese term; it fails for a value that is not a
// kind.
func (k PointKind) MarshalText() ([]byte, error) { return points.marshal(uint8(k)) }

// UnmarshalText reads a kind through [ParsePointKind].
func (k *PointKind) UnmarshalText(b []byte) error { return unmarshal(ParsePointKind, k, b) }
