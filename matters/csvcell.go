package matters

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// This file reads and writes the text of single spreadsheet cells.

// csvInstant lists the cells that mean a limit of 即办.
var csvInstant = []string{"即办", "即时办结", "立即办结", "当场办结"}

// csvUnit reads a time-limit unit as spreadsheets write it. A bare 日 or 天
// is read as 自然日 and reported as ambiguous: only some laws (the
// Administrative Licensing Law, art. 82) count their 日 in working days.
func csvUnit(s string) (u TimeUnit, ambiguous, ok bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "个")
	switch s {
	case "工作日":
		return WorkingDays, false, true
	case "自然日":
		return CalendarDays, false, true
	case "日", "天":
		return CalendarDays, true, true
	case "小时", "时":
		return Hours, false, true
	case "分钟", "分":
		return Minutes, false, true
	case "月":
		return Months, false, true
	case "年":
		return Years, false, true
	}
	for _, t := range csvInstant {
		if s == t {
			return Instant, false, true
		}
	}
	return 0, false, false
}

// csvHalfWidth turns full-width digits and points into ASCII.
func csvHalfWidth(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= '０' && r <= '９' || r == '．' }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		}
		return r
	}, s)
}

var errCSVNoUnit = errors.New("gives no unit")

// csvLimit reads a time limit: "20个工作日", "20工作日", "20 工作日", "即办",
// "1个月", or a number with its unit in a unit cell or in the header
// (defUnit). ambiguous reports a bare 日 or 天.
func csvLimit(cell, unitCell string, defUnit TimeUnit) (l Limit, ambiguous bool, err error) {
	s := strings.TrimSpace(csvHalfWidth(cell))
	if s == "" {
		return Limit{}, false, nil
	}
	for _, t := range csvInstant {
		if s == t {
			return Limit{Unit: Instant}, false, nil
		}
	}
	if v, n := csvChineseNumber(s); n > 0 {
		// 二十个工作日: the number in Chinese numerals.
		s = strconv.Itoa(v) + s[n:]
	}
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	if i == 0 {
		return Limit{}, false, errorf(nil, "%q is not a time limit (want a number and a unit, as in 20个工作日, or 即办)", cell)
	}
	v, perr := ParseQuantity(s[:i])
	if qe, ok := perr.(*quantityError); ok {
		if qe.rule == RuleQuantitySyntax {
			return Limit{}, false, errorf(nil, "%q is not a time limit: %s is not a number", cell, s[:i])
		}
		return Limit{}, false, errorf(qe, "%q is not a time limit: %s", cell, qe.msg)
	}
	rest := strings.TrimSpace(s[i:])
	var u TimeUnit
	switch {
	case rest != "":
		var ok bool
		u, ambiguous, ok = csvUnit(rest)
		if !ok || u == Instant {
			return Limit{}, false, errorf(nil, "%q is not a time limit: %q is not a unit (want 工作日, 自然日, 小时, 分钟, 月 or 年)", cell, rest)
		}
		if uc := strings.TrimSpace(unitCell); uc != "" {
			if u2, _, ok := csvUnit(uc); !ok || u2 != u {
				return Limit{}, false, errorf(nil, "%q disagrees with its unit cell %q", cell, uc)
			}
		}
	case strings.TrimSpace(unitCell) != "":
		var ok bool
		u, ambiguous, ok = csvUnit(unitCell)
		if !ok {
			return Limit{}, false, errorf(nil, "unit %q is not a time-limit unit (want 工作日, 自然日, 小时, 分钟, 月, 年 or 即办)", unitCell)
		}
		if u == Instant {
			return Limit{Unit: Instant}, false, nil
		}
	case defUnit != 0 && defUnit != Instant:
		u = defUnit
	default:
		return Limit{}, false, errorf(errCSVNoUnit, "%q gives no unit (write it as 20个工作日, or add a unit column)", cell)
	}
	return Limit{Value: v, Unit: u}, ambiguous, nil
}

// csvChineseDigits are the values of the Chinese numeral digits.
var csvChineseDigits = map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// csvChineseUnits are the Chinese numeral multipliers a limit needs.
var csvChineseUnits = map[rune]int{'十': 10, '百': 100, '千': 1000}

// csvChineseNumber reads a whole number in Chinese numerals at the start of
// s (二十, 十五, 一百二十, 三〇) and returns it and the bytes it takes; n is
// 0 when s does not start with one. Numbers up to 9,999 are read, which is
// more than any time limit.
func csvChineseNumber(s string) (v, n int) {
	section, digit, seen := 0, -1, false
	for i, r := range s {
		if d, ok := csvChineseDigits[r]; ok {
			if digit >= 0 {
				digit = digit*10 + d // 三〇: digits one by one
			} else {
				digit = d
			}
			if digit > 9999 {
				return 0, 0
			}
			seen, n = true, i+len(string(r))
			continue
		}
		if u, ok := csvChineseUnits[r]; ok {
			if digit < 0 {
				digit = 1 // 十五 is 一十五
			}
			if digit > 9 {
				return 0, 0
			}
			section += digit * u
			digit, seen, n = -1, true, i+len(string(r))
			continue
		}
		break
	}
	if !seen {
		return 0, 0
	}
	if digit > 0 {
		section += digit
	}
	return section, n
}

// csvLimitText writes a limit as WriteCSV does: "20工作日", "1个月", "即办".
func csvLimitText(l Limit) string {
	switch l.Unit {
	case 0:
		return ""
	case Instant:
		return Instant.String()
	case Months:
		return l.Value.String() + "个月"
	}
	return l.Value.String() + l.Unit.String()
}

// csvSplit splits a multi-valued cell: platforms join values with ^,
// spreadsheets with 、 , ; or line breaks.
func csvSplit(s string) []string { return csvSplitBy(s, "^、,，;；\n\r") }

// csvSplitItems splits free-text items (收费项目), which may themselves
// hold 、 or a comma: only line breaks, ^ and semicolons separate them.
func csvSplitItems(s string) []string { return csvSplitBy(s, "^;；\n\r") }

// csvSplitBy splits s at any of the runes of seps and returns the values
// trimmed, without empty ones.
func csvSplitBy(s, seps string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) })
	out := f[:0]
	for _, v := range f {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// csvBool reads 是/否 and the usual spreadsheet spellings of yes and no.
func csvBool(s string) (v, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "是", "有", "√", "true", "yes", "y", "1":
		return true, true
	case "否", "无", "×", "false", "no", "n", "0":
		return false, true
	}
	return false, false
}

func csvBoolText(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// csvVisits reads 到办事现场次数: 0 to 9, optionally followed by 次.
func csvVisitCount(s string) (int, error) {
	t := strings.TrimSuffix(strings.TrimSpace(csvHalfWidth(s)), "次")
	n, err := strconv.Atoi(strings.TrimSpace(t))
	if err != nil || n < 0 || n > 9 {
		return 0, fmt.Errorf("%q is not a number of visits from 0 to 9", s)
	}
	return n, nil
}

// csvScope reads one universal-handling scope with an optional batch:
// "川渝通办", "川渝通办（第1批）", "川渝通办(1)".
func csvScope(s string) (Scope, error) {
	s = strings.TrimSpace(strings.NewReplacer("（", "(", "）", ")").Replace(csvHalfWidth(s)))
	term, batch := s, ""
	if i := strings.IndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") {
		term = strings.TrimSpace(s[:i])
		batch = strings.TrimSpace(s[i+1 : len(s)-1])
	}
	sc, err := ParseScope(term)
	if err != nil {
		return Scope{}, errors.New(strings.TrimPrefix(err.Error(), "matters: "))
	}
	if batch != "" {
		b := strings.TrimSuffix(strings.TrimPrefix(batch, "第"), "批")
		n, err := strconv.Atoi(b)
		if err != nil || n < 1 {
			return Scope{}, fmt.Errorf("%q: %q is not a batch (want 第1批, 第2批, …)", s, batch)
		}
		sc.Batch = n
	}
	return sc, nil
}

func csvScopeText(s Scope) string {
	if s.Batch > 0 {
		return s.String() + "（第" + strconv.Itoa(s.Batch) + "批）"
	}
	return s.String()
}

// csvDepthItems maps the four-level depth buckets some spreadsheets give
// instead of the national items to the least set of items with that depth.
var csvDepthItems = map[string]Set[OnlineItem]{
	"一级": SetOf(OnlineConsult), "二级": SetOf(OnlineReceive), "三级": SetOf(OnlineAccept),
	"四级": SetOf(OnlineAccept, OnlineHandle), "全程网办": SetOf(OnlineAccept, OnlineHandle),
}

// csvCreditForm reports whether s has the form of a unified social credit
// code: 18 characters of its alphabet. The check character is left to the
// semantic checks.
func csvCreditForm(s string) bool {
	if len(s) != 18 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(creditAlphabet, s[i]) < 0 {
			return false
		}
	}
	return true
}

// csvCodeForm is the catalogue schema's pattern for codes.
func csvCodeForm(s string) bool {
	if s == "" || len(s) > 80 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9', c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z':
		case c == '-' && i > 0:
		default:
			return false
		}
	}
	return true
}

// csvExcelNumber reports whether s looks like a code that a spreadsheet
// turned into a number (5.11602E+11).
func csvExcelNumber(s string) bool {
	i := strings.IndexAny(s, "Ee")
	if i <= 0 || i+1 >= len(s) || s[i+1] != '+' {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// csvAreaLevel returns the level of the division a GB/T 2260 (6 digits),
// township (9) or statistical (12) code names.
func csvAreaLevel(code string) (Level, error) {
	d, err := parseKnownDivision(code)
	if err != nil {
		return 0, err
	}
	switch d.Level() {
	case DivisionNational:
		return National, nil
	case DivisionProvince:
		return Provincial, nil
	case DivisionCity:
		return Municipal, nil
	case DivisionCounty:
		return CountyLevel, nil
	case DivisionTownship:
		return Township, nil
	}
	return Village, nil
}
