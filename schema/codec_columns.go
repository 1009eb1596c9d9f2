package schema

import (
	"encoding"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Column is a spreadsheet column a csv tag declares: a member of the
// value, or of a struct member of it, held in one cell.
type Column struct {
	// Path is the member's keys below the value: [body name].
	Path []string
	// Header is the Chinese header the column is written with; English
	// is its path, dotted ("body.name").
	Header, English string
	// Aliases are the other headers it is read from.
	Aliases []string

	fields []int // field indexes from the value, through pointers
	plans  []*plan
}

// Columns returns the columns the csv tags of T and of its struct members
// declare, in the order of the fields.
func Columns[T any]() []Column {
	var out []Column
	columns(planOf(reflect.TypeFor[T]()), nil, nil, nil, &out)
	return out
}

func columns(p *plan, path []string, fields []int, plans []*plan, out *[]Column) {
	for i := range p.fields {
		f := &p.fields[i]
		fp := append(append([]string(nil), path...), f.key)
		fi := append(append([]int(nil), fields...), f.index)
		pl := append(append([]*plan(nil), plans...), f.plan)
		if len(f.csv) > 0 {
			*out = append(*out, Column{Path: fp, Header: f.csv[0], English: strings.Join(fp, "."), Aliases: f.csv[1:], fields: fi, plans: pl})
			continue
		}
		if sp := f.plan; sp.kind == vStruct && !sp.value || sp.kind == vPtr && sp.elem.kind == vStruct && !sp.elem.value {
			if sp.kind == vPtr {
				sp = sp.elem
			}
			columns(sp, fp, fi, pl, out)
		}
	}
}

// field returns the column's field in v (a pointer to the value); when
// alloc is false and a pointer on the way is nil, ok is false.
func (c *Column) field(v any, alloc bool) (reflect.Value, *plan, bool) {
	rv := reflect.ValueOf(v).Elem()
	for k, i := range c.fields {
		if k > 0 && rv.Kind() == reflect.Pointer {
			if rv.IsNil() {
				if !alloc {
					return reflect.Value{}, nil, false
				}
				rv.Set(reflect.New(rv.Type().Elem()))
			}
			rv = rv.Elem()
		}
		rv = rv.Field(i)
	}
	return rv, c.plans[len(c.plans)-1], true
}

// Text returns the cell of the column for the value v points to: a string
// as is, a flag as 是 or nothing, a number in decimals, a text value as
// its text; "" when the member is not stated.
func (c *Column) Text(v any) string {
	f, p, ok := c.field(v, false)
	if !ok {
		return ""
	}
	if p.kind == vPtr {
		if f.IsNil() {
			return ""
		}
		f, p = f.Elem(), p.elem
	}
	switch p.kind {
	case vBool:
		if f.Bool() {
			return "是"
		}
		return ""
	case vSet:
		return strings.Join(f.Interface().(TextSet).Texts(), "、")
	case vSlice:
		if p.elem.kind == vString {
			return strings.Join(f.Interface().([]string), "、")
		}
	}
	n := encodeValue(p, f, false, false)
	if n == nil {
		return ""
	}
	return n.Value
}

// SetText sets the member of the column in the value v points to from a
// cell: 是/否 (true/false, 1/0) for a flag, a decimal number, a text its
// text method reads, a list split on 、 ; , or a line break. An empty cell
// leaves the member as it is.
func (c *Column) SetText(v any, s string) error {
	if s == "" {
		return nil
	}
	f, p, _ := c.field(v, true)
	if p.kind == vPtr {
		e := reflect.New(p.elem.typ)
		f.Set(e)
		f, p = e.Elem(), p.elem
	}
	switch p.kind {
	case vString:
		f.SetString(s)
	case vBool:
		switch strings.ToLower(s) {
		case "是", "true", "1", "y", "yes":
			f.SetBool(true)
		case "否", "false", "0", "n", "no":
			f.SetBool(false)
		default:
			return fmt.Errorf("%q is not 是 or 否", s)
		}
	case vInt:
		i, err := strconv.ParseInt(s, 10, f.Type().Bits())
		if err != nil {
			return fmt.Errorf("%q is not an integer", s)
		}
		f.SetInt(i)
	case vUint:
		u, err := strconv.ParseUint(s, 10, f.Type().Bits())
		if err != nil {
			return fmt.Errorf("%q is not a whole number", s)
		}
		f.SetUint(u)
	case vFloat:
		x, err := strconv.ParseFloat(s, f.Type().Bits())
		if err != nil {
			return fmt.Errorf("%q is not a number", s)
		}
		f.SetFloat(x)
	case vText:
		return f.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s))
	case vSet:
		a := f.Addr().Interface().(TextAdder)
		for _, it := range splitCell(s) {
			if err := a.AddText(it); err != nil {
				return err
			}
		}
	case vSlice:
		if p.elem.kind != vString {
			return fmt.Errorf("schema: column %s cannot be read from a cell", c.English)
		}
		items := splitCell(s)
		sl := reflect.MakeSlice(p.typ, len(items), len(items))
		for i, it := range items {
			sl.Index(i).SetString(it)
		}
		f.Set(sl)
	default:
		return fmt.Errorf("schema: column %s cannot be read from a cell", c.English)
	}
	return nil
}

func splitCell(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == ';' || r == '；' || r == ',' || r == '，' || r == '\n'
	})
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
