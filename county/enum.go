package county

import "github.com/zwfw/zwfw/schema"

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

var levels = &schema.Terms{Pkg: "county", Name: "level", Type: "county.Level",
	List:  []string{"国家级", "省级", "市级", "县级", "乡镇级", "村(社区)级"},
	Codes: [][]string{{"1"}, {"2"}, {"3"}, {"4"}, {"5"}, {"6"}},
}

// AllLevels returns every level, highest first.
func AllLevels() []Level { return schema.Values[Level](levels) }

// IsValid reports whether l is one of the six levels.
func (l Level) IsValid() bool { return levels.Valid(uint8(l)) }

// String returns the Chinese term (县级); for a value that is not a level it
// returns "county.Level(N)". It never panics.
func (l Level) String() string { return levels.Term(uint8(l)) }

// ParseLevel reads a level from its Chinese term (县级) or its national code
// ("4").
func ParseLevel(s string) (Level, error) {
	v, err := levels.Parse(s)
	return Level(v), err
}

// MarshalText writes the Chinese term; it fails for a value that is not a
// level.
func (l Level) MarshalText() ([]byte, error) { return levels.Marshal(uint8(l)) }

// UnmarshalText reads a level through [ParseLevel].
func (l *Level) UnmarshalText(b []byte) error { return schema.UnmarshalText(l, b, ParseLevel) }

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

var kinds = &schema.Terms{Pkg: "county", Name: "kind of unit", Type: "county.Kind", List: []string{"省", "市", "区", "县", "县级市", "园区", "乡", "镇", "街道", "村", "社区"}}

var kindLevels = [...]Level{0, LevelProvince, LevelCity, LevelCounty, LevelCounty, LevelCounty, LevelCounty,
	LevelTownship, LevelTownship, LevelTownship, LevelVillage, LevelVillage}

// AllKinds returns every kind, highest tier first.
func AllKinds() []Kind { return schema.Values[Kind](kinds) }

// IsValid reports whether k is one of the kinds.
func (k Kind) IsValid() bool { return kinds.Valid(uint8(k)) }

// String returns the Chinese term (街道); for a value that is not a kind it
// returns "county.Kind(N)". It never panics.
func (k Kind) String() string { return kinds.Term(uint8(k)) }

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
	v, err := kinds.Parse(s)
	return Kind(v), err
}

// MarshalText writes the Chinese term; it fails for a value that is not a
// kind.
func (k Kind) MarshalText() ([]byte, error) { return kinds.Marshal(uint8(k)) }

// UnmarshalText reads a kind through [ParseKind].
func (k *Kind) UnmarshalText(b []byte) error { return schema.UnmarshalText(k, b, ParseKind) }

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

var points = &schema.Terms{Pkg: "county", Name: "kind of service point", Type: "county.PointKind", List: []string{"政务服务中心", "便民服务中心", "便民服务站", "便民服务室", "代办点", "帮办代办导办服务台"}}

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
func AllPointKinds() []PointKind { return schema.Values[PointKind](points) }

// IsValid reports whether k is one of the kinds of service point.
func (k PointKind) IsValid() bool { return points.Valid(uint8(k)) }

// String returns the Chinese term (便民服务站); for a value that is not a
// kind it returns "county.PointKind(N)". It never panics.
func (k PointKind) String() string { return points.Term(uint8(k)) }

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
	v, err := points.Parse(s)
	return PointKind(v), err
}

// MarshalText writes the Chinese term; it fails for a value that is not a
// kind.
func (k PointKind) MarshalText() ([]byte, error) { return points.Marshal(uint8(k)) }

// UnmarshalText reads a kind through [ParsePointKind].
func (k *PointKind) UnmarshalText(b []byte) error { return schema.UnmarshalText(k, b, ParsePointKind) }
