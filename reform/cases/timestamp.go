package cases

import (
	"math"
	"strconv"
	"time"
)

// Beijing is the zone of the platforms' timestamps (UTC+8, no daylight
// saving since 1991), fixed so that no time-zone database is needed.
var Beijing = time.FixedZone("CST", 8*3600)

var errTimestamp = errorf("", "not a timestamp (want 2021-04-09 10:32:05, 2021/4/9 10:32, or an Excel serial date)")

// ParseTime reads a timestamp as case exports write it, in Beijing time:
// "2021-04-09 10:32:05", "2021-04-09 10:32", "2021/4/9 10:32",
// "2021-04-09T10:32:05" (with an optional zone, "Z" or "+08:00"), a date
// alone ("2021-04-09", midnight), or an Excel serial date ("44295.43895",
// days since 1899-12-30, as a workbook saved to CSV may hold). An empty
// cell is the zero time and no error.
func ParseTime(s string) (time.Time, error) { return parseTime(s) }

// parseTime is ParseTime over the bytes of a cell as well as a string.
func parseTime[S ~string | ~[]byte](s S) (time.Time, error) {
	if t, ok := parseDateTime(s); ok {
		return t, nil
	}
	s = trim(s)
	if len(s) == 0 {
		return time.Time{}, nil
	}
	if t, ok := parseCivil(s); ok {
		return t, nil
	}
	if t, ok := parseSerial(string(s)); ok {
		return t, nil
	}
	return time.Time{}, errTimestamp
}

// parseDateTime reads the layout nearly every export writes,
// 2021-04-09 10:32:05, by fixed offsets.
func parseDateTime[S ~string | ~[]byte](s S) (time.Time, bool) {
	if len(s) != 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	// A byte below '0' wraps around: every digit is at most 9.
	y0, y1, y2, y3 := s[0]-'0', s[1]-'0', s[2]-'0', s[3]-'0'
	m0, m1, d0, d1 := s[5]-'0', s[6]-'0', s[8]-'0', s[9]-'0'
	h0, h1, i0, i1, s0, s1 := s[11]-'0', s[12]-'0', s[14]-'0', s[15]-'0', s[17]-'0', s[18]-'0'
	if max(y0, y1, y2, y3, m0, m1, d0, d1, h0, h1, i0, i1, s0, s1) > 9 {
		return time.Time{}, false
	}
	y := int(y0)*1000 + int(y1)*100 + int(y2)*10 + int(y3)
	mo, d := int(m0)*10+int(m1), int(d0)*10+int(d1)
	h, mi, sec := int(h0)*10+int(h1), int(i0)*10+int(i1), int(s0)*10+int(s1)
	if mo < 1 || mo > 12 || d < 1 || d > monthDays(y, mo) || y < 1900 || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, false
	}
	secs := int64(daysFromCivil(y, mo, d))*86400 + int64(h*3600+mi*60+sec) - 8*3600
	return time.Unix(secs, 0).In(Beijing), true
}

// num reads 1 to max digits at s[i:].
func num[S ~string | ~[]byte](s S, i, max int) (v, j int, ok bool) {
	j = i
	for j < len(s) && j-i < max && s[j] >= '0' && s[j] <= '9' {
		v = v*10 + int(s[j]-'0')
		j++
	}
	return v, j, j > i
}

func parseCivil[S ~string | ~[]byte](s S) (time.Time, bool) {
	y, i, ok := num(s, 0, 4)
	if !ok || i != 4 || i >= len(s) || (s[i] != '-' && s[i] != '/') {
		return time.Time{}, false
	}
	sep := s[i]
	mo, i, ok := num(s, i+1, 2)
	if !ok || i >= len(s) || s[i] != sep {
		return time.Time{}, false
	}
	d, i, ok := num(s, i+1, 2)
	if !ok || mo < 1 || mo > 12 || d < 1 || d > monthDays(y, mo) || y < 1900 {
		return time.Time{}, false
	}
	var h, mi, sec, nsec int
	loc := Beijing
	if i < len(s) {
		if s[i] != ' ' && s[i] != 'T' {
			return time.Time{}, false
		}
		for i < len(s) && (s[i] == ' ' || s[i] == 'T') {
			i++
		}
		if h, i, ok = num(s, i, 2); !ok || i >= len(s) || s[i] != ':' {
			return time.Time{}, false
		}
		if mi, i, ok = num(s, i+1, 2); !ok || h > 23 || mi > 59 {
			return time.Time{}, false
		}
		if i < len(s) && s[i] == ':' {
			if sec, i, ok = num(s, i+1, 2); !ok || sec > 59 {
				return time.Time{}, false
			}
			if i < len(s) && s[i] == '.' {
				start := i + 1
				f, j, ok := num(s, start, 9)
				if !ok {
					return time.Time{}, false
				}
				for k := j - start; k < 9; k++ {
					f *= 10
				}
				nsec, i = f, j
			}
		}
		switch rest := string(s[i:]); {
		case rest == "":
		case rest == "Z":
			loc = time.UTC
		case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
			zh, j1, _ := num(rest, 1, 2)
			zm, j2, _ := num(rest, 4, 2)
			if j1 != 3 || j2 != 6 || zh > 14 || zm > 59 {
				return time.Time{}, false
			}
			off := zh*3600 + zm*60
			if rest[0] == '-' {
				off = -off
			}
			if off != 8*3600 {
				loc = time.FixedZone("", off)
			}
		default:
			return time.Time{}, false
		}
	}
	if loc == Beijing {
		// Beijing time has no daylight saving: the instant follows from
		// the civil day directly, without time.Date's zone lookup.
		secs := int64(daysFromCivil(y, mo, d))*86400 + int64(h*3600+mi*60+sec) - 8*3600
		return time.Unix(secs, int64(nsec)).In(Beijing), true
	}
	return time.Date(y, time.Month(mo), d, h, mi, sec, nsec, loc).In(Beijing), true
}

// Excel serial dates count days from 1899-12-30; 1900-01-01 is 2 (Excel's
// phantom 1900-02-29 lies before every date a platform exports).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, Beijing)

func parseSerial(s string) (time.Time, bool) {
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != '.' {
			return time.Time{}, false
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	// 1990-01-01 to 2099-12-31: anything else is not a case's date.
	if err != nil || v < 32874 || v >= 73051 {
		return time.Time{}, false
	}
	days := math.Floor(v)
	secs := math.Round((v - days) * 86400)
	return excelEpoch.AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second), true
}

// daysFromCivil returns the days from 1970-01-01 to y-m-d (H. Hinnant's
// algorithm).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400 // y ≥ 1900 here
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

var daysOfMonth = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func monthDays(y, m int) int {
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		return 29
	}
	return daysOfMonth[m]
}
