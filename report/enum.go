package report

import "github.com/zwfw/zwfw/schema"

// FigureKind says what a [Figure] measures, and so which units fit it and how it
// is written. The zero value means "not stated".
type FigureKind uint8

// Figure kinds. The count kinds differ in what they count: [Count] is any
// count; the others name what is counted, so a unit that does not fit is
// caught (a count of people in 件).
const (
	Count       FigureKind = 1 + iota // 计数: any count (个, 类, 批, 篇, 场次, 户 …, or a unit of the kinds below)
	MatterCount                       // 事项数: service matters, in 项
	CaseCount                         // 办件数: cases, in 件 or 件次
	PeopleCount                       // 人数: people, in 人, 人次, 名 or 位
	Percentage                        // 百分比: a percentage 0–100, unit %
	Duration                          // 时长: a span of time (24小时)
	Year                              // 年份: a calendar year (2021年)
	Ordinal                           // 序数: a position (第2次), in a count unit
	Date                              // 日期: a calendar day, value YYYY-MM-DD, no unit
)

var kinds = &schema.Terms{Pkg: "report", Name: "数值类型", List: []string{"计数", "事项数", "办件数", "人数", "百分比", "时长", "年份", "序数", "日期"}}

// ParseFigureKind reads a kind from its Chinese term.
func ParseFigureKind(s string) (FigureKind, error) {
	v, err := kinds.Parse(s)
	return FigureKind(v), err
}

// AllFigureKinds lists the figure kinds in order.
func AllFigureKinds() []FigureKind { return schema.Values[FigureKind](kinds) }

// String returns the Chinese term; it never panics.
func (k FigureKind) String() string { return kinds.Term(uint8(k)) }

// MarshalText writes the Chinese term.
func (k FigureKind) MarshalText() ([]byte, error) { return kinds.Marshal(uint8(k)) }

// UnmarshalText reads the Chinese term through [ParseFigureKind].
func (k *FigureKind) UnmarshalText(b []byte) error {
	return schema.UnmarshalText(k, b, ParseFigureKind)
}

// isCount reports whether k counts things (and so its figures can be
// summed).
func (k FigureKind) isCount() bool { return k >= Count && k <= PeopleCount }

// FigureUnit is the unit a [Figure] is written with: 项, 件, 人次, %, 小时 …
// The zero value means "no unit" (a date has none).
type FigureUnit uint8

// Units, grouped by what they measure.
const (
	Item         FigureUnit = 1 + iota // 项 (matters)
	Piece                              // 件 (cases)
	PieceTimes                         // 件次
	Person                             // 人
	PersonTimes                        // 人次
	Headcount                          // 名
	Seat                               // 位
	Each                               // 个
	Household                          // 户
	Organisation                       // 家
	Class                              // 类
	Batch                              // 批
	Article                            // 篇
	Entry                              // 条
	Session                            // 场
	Sessions                           // 场次
	Times                              // 次
	Sheet                              // 张
	Machine                            // 台
	Place                              // 处
	Percent                            // %
	Hour                               // 小时
	Minute                             // 分钟
	Day                                // 天
	CalendarDay                        // 日
	WorkingDay                         // 工作日
	YearUnit                           // 年
)

var units = &schema.Terms{Pkg: "report", Name: "计量单位", List: []string{
	"项", "件", "件次", "人", "人次", "名", "位", "个", "户", "家", "类", "批", "篇", "条", "场", "场次", "次", "张", "台", "处",
	"%", "小时", "分钟", "天", "日", "工作日", "年",
}}

// ParseFigureUnit reads a unit from its written form ("项", "%", "小时" …).
func ParseFigureUnit(s string) (FigureUnit, error) {
	v, err := units.Parse(s)
	return FigureUnit(v), err
}

// AllFigureUnits lists the units in order.
func AllFigureUnits() []FigureUnit { return schema.Values[FigureUnit](units) }

// String returns the unit as written; it never panics.
func (u FigureUnit) String() string { return units.Term(uint8(u)) }

// MarshalText writes the unit as written.
func (u FigureUnit) MarshalText() ([]byte, error) { return units.Marshal(uint8(u)) }

// UnmarshalText reads the unit through [ParseFigureUnit].
func (u *FigureUnit) UnmarshalText(b []byte) error {
	return schema.UnmarshalText(u, b, ParseFigureUnit)
}

// Fits reports whether unit u fits kind k: 项 fits 事项数 and 计数 but not
// 人数; % fits only 百分比; a date takes no unit.
func (u FigureUnit) Fits(k FigureKind) bool {
	switch k {
	case Count, Ordinal:
		return u >= Item && u <= Place
	case MatterCount:
		return u == Item
	case CaseCount:
		return u == Piece || u == PieceTimes
	case PeopleCount:
		return u >= Person && u <= Seat
	case Percentage:
		return u == Percent
	case Duration:
		return u >= Hour && u <= YearUnit
	case Year:
		return u == YearUnit
	case Date:
		return u == 0
	}
	return false
}

// Approx qualifies a figure that is not exact: "2万余项" is at least
// twenty thousand. The zero value means the figure is exact.
type Approx uint8

// Qualifiers. 余, 多 and 以上 say the figure is a lower bound; 约 and 近
// that it is close.
const (
	Over    Approx = 1 + iota // 余: 200余名 (written between number and unit)
	More                      // 多: 200多名 (between number and unit)
	About                     // 约: 约200名 (before the number)
	Nearly                    // 近: 近200名 (before the number)
	OrAbove                   // 以上: 200名以上 (after the unit)
)

var approxes = &schema.Terms{Pkg: "report", Name: "约数", List: []string{"余", "多", "约", "近", "以上"}}

// ParseApprox reads a qualifier from its Chinese term.
func ParseApprox(s string) (Approx, error) {
	v, err := approxes.Parse(s)
	return Approx(v), err
}

// AllApproxes lists the qualifiers in order.
func AllApproxes() []Approx { return schema.Values[Approx](approxes) }

// String returns the Chinese term, "" for an exact figure; it never panics.
func (a Approx) String() string { return approxes.Term(uint8(a)) }

// MarshalText writes the Chinese term.
func (a Approx) MarshalText() ([]byte, error) { return approxes.Marshal(uint8(a)) }

// UnmarshalText reads the Chinese term through [ParseApprox].
func (a *Approx) UnmarshalText(b []byte) error { return schema.UnmarshalText(a, b, ParseApprox) }

// lowerBound reports whether the figure states a minimum.
func (a Approx) lowerBound() bool { return a == Over || a == More || a == OrAbove }

// Scale is the magnitude a figure is written in: value 20000 with scale 万
// is written "2万". The zero value writes the number as it is.
type Scale uint8

// Scales.
const (
	Wan Scale = 1 + iota // 万: ten thousand
	Yi                   // 亿: a hundred million
)

var scales = &schema.Terms{Pkg: "report", Name: "数量级", List: []string{"万", "亿"}}

// ParseScale reads a scale from its Chinese term.
func ParseScale(s string) (Scale, error) {
	v, err := scales.Parse(s)
	return Scale(v), err
}

// AllScales lists the scales in order.
func AllScales() []Scale { return schema.Values[Scale](scales) }

// String returns the Chinese term, "" for none; it never panics.
func (s Scale) String() string { return scales.Term(uint8(s)) }

// MarshalText writes the Chinese term.
func (s Scale) MarshalText() ([]byte, error) { return scales.Marshal(uint8(s)) }

// UnmarshalText reads the Chinese term through [ParseScale].
func (s *Scale) UnmarshalText(b []byte) error { return schema.UnmarshalText(s, b, ParseScale) }

// exponent returns the power of ten the scale stands for.
func (s Scale) exponent() int {
	switch s {
	case Wan:
		return 4
	case Yi:
		return 8
	}
	return 0
}

// Format is an output format of [Bulletin.Render].
type Format uint8

// Output formats.
const (
	Text     Format = iota // the seed's own plain-text layout
	Markdown               // Markdown with tables
	JSON                   // a JSON view: rendered text, reported and derived figures
	DOCX                   // a Word document in the layout of GB/T 9704-2012
	HTML                   // a self-contained web page with SVG charts
)

var formats = &schema.Terms{Pkg: "report", Name: "format", FromZero: true, List: []string{"text", "markdown", "json", "docx", "html"}}

// ParseFormat reads "text", "markdown", "json", "docx" or "html".
func ParseFormat(s string) (Format, error) {
	v, err := formats.Parse(s)
	return Format(v), err
}

// AllFormats lists the output formats.
func AllFormats() []Format { return schema.Values[Format](formats) }

// String returns the format's name: "text", "markdown", "json", "docx" or
// "html"; it never panics.
func (f Format) String() string { return formats.Term(uint8(f)) }

// MarshalText writes the format's name.
func (f Format) MarshalText() ([]byte, error) { return formats.Marshal(uint8(f)) }

// UnmarshalText reads the format's name through [ParseFormat].
func (f *Format) UnmarshalText(b []byte) error { return schema.UnmarshalText(f, b, ParseFormat) }
