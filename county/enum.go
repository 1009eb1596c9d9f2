package county

import (
	"fmt"
	"strconv"
)

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

var levelNames = [...]string{"", "国家级", "省级", "市级", "县级", "乡镇级", "村(社区)级"}

// AllLevels returns every level, highest first.
func AllLevels() []Level {
	return []Level{LevelNational, LevelProvince, LevelCity, LevelCounty, LevelTownship, LevelVillage}
}

// IsValid reports whether l is one of the six levels.
func (l Level) IsValid() bool { return l >= LevelNational && l <= LevelVillage }

// String returns the Chinese term (县级); for a value that is not a level it
// returns "county.Level(N)". It never panics.
func (l Level) String() string {
	if l.IsValid() {
		return levelNames[l]
	}
	return "county.Level(" + strconv.Itoa(int(l)) + ")"
}

// ParseLevel reads a level from its Chinese term (县级) or its national code
// ("4").
func ParseLevel(s string) (Level, error) {
	for l := LevelNational; l <= LevelVillage; l++ {
		if s == levelNames[l] || s == strconv.Itoa(int(l)) {
			return l, nil
		}
	}
	return 0, fmt.Errorf("county: unknown level %q", s)
}

// MarshalText writes the Chinese term; it fails for a value that is not a
// level.
func (l Level) MarshalText() ([]byte, error) {
	if !l.IsValid() {
		return nil, fmt.Errorf("county: cannot marshal invalid level %d", uint8(l))
	}
	return []byte(levelNames[l]), nil
}

// UnmarshalText reads a level through [ParseLevel].
func (l *Level) UnmarshalText(b []byte) error {
	v, err := ParseLevel(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

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

var kindNames = [...]string{"", "省", "市", "区", "县", "县级市", "园区", "乡", "镇", "街道", "村", "社区"}

var kindLevels = [...]Level{0, LevelProvince, LevelCity, LevelCounty, LevelCounty, LevelCounty, LevelCounty,
	LevelTownship, LevelTownship, LevelTownship, LevelVillage, LevelVillage}

// AllKinds returns every kind, highest tier first.
func AllKinds() []Kind {
	return []Kind{Province, City, District, County, CountyCity, Park, Township, Town, Subdistrict, Village, Community}
}

// IsValid reports whether k is one of the kinds.
func (k Kind) IsValid() bool { return k >= Province && k <= Community }

// String returns the Chinese term (街道); for a value that is not a kind it
// returns "county.Kind(N)". It never panics.
func (k Kind) String() string {
	if k.IsValid() {
		return kindNames[k]
	}
	return "county.Kind(" + strconv.Itoa(int(k)) + ")"
}

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
	for k := Province; k <= Community; k++ {
		if s == kindNames[k] {
			return k, nil
		}
	}
	return 0, fmt.Errorf("county: unknown kind of unit %q", s)
}

// MarshalText writes the Chinese term; it fails for a value that is not a
// kind.
func (k Kind) MarshalText() ([]byte, error) {
	if !k.IsValid() {
		return nil, fmt.Errorf("county: cannot marshal invalid kind %d", uint8(k))
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText reads a kind through [ParseKind].
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

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

var pointNames = [...]string{"", "政务服务中心", "便民服务中心", "便民服务站", "便民服务室", "代办点", "帮办代办导办服务台"}

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
func (k PointKind) IsValid() bool { return k >= ServiceHall && k <= AssistedDesk }

// String returns the Chinese term (便民服务站); for a value that is not a
// kind it returns "county.PointKind(N)". It never panics.
func (k PointKind) String() string {
	if k.IsValid() {
		return pointNames[k]
	}
	return "county.PointKind(" + strconv.Itoa(int(k)) + ")"
}

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
	for k := ServiceHall; k <= AssistedDesk; k++ {
		if s == pointNames[k] {
			return k, nil
		}
	}
	return 0, fmt.Errorf("county: unknown kind of service point %q", s)
}

// MarshalText writes the Chinese term; it fails for a value that is not a
// kind.
func (k PointKind) MarshalText() ([]byte, error) {
	if !k.IsValid() {
		return nil, fmt.Errorf("county: cannot marshal invalid service point kind %d", uint8(k))
	}
	return []byte(pointNames[k]), nil
}

// UnmarshalText reads a kind through [ParsePointKind].
func (k *PointKind) UnmarshalText(b []byte) error {
	v, err := ParsePointKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}
