package schema

import (
	"cmp"
	"strconv"
	"strings"
)

// Path locates a value inside a document. It is immutable: [Path.Key] and
// [Path.Index] return new paths. Its text form is a JSON Pointer (RFC 6901),
// the form JSON Schema validators report; [Path.Readable] gives the form
// people read ("matters[12].promisedLimit"). The zero value is the document
// root.
type Path struct {
	ptr string // JSON Pointer; "" is the root
}

// Root is the path of the whole document.
var Root = Path{}

// ParsePointer returns the path a JSON Pointer names: "" is the root, "/a/0"
// the first element of member "a". A string not starting with "/" is taken
// as a single key.
func ParsePointer(ptr string) Path {
	if ptr == "" || strings.HasPrefix(ptr, "/") {
		return Path{ptr}
	}
	return Root.Key(ptr)
}

// Key returns the path of member k of the object at p.
func (p Path) Key(k string) Path {
	k = strings.ReplaceAll(k, "~", "~0")
	k = strings.ReplaceAll(k, "/", "~1")
	return Path{p.ptr + "/" + k}
}

// Index returns the path of element i of the array at p.
func (p Path) Index(i int) Path { return Path{p.ptr + "/" + strconv.Itoa(i)} }

// IsRoot reports whether p is the document root.
func (p Path) IsRoot() bool { return p.ptr == "" }

// String returns p as a JSON Pointer; the root is "".
func (p Path) String() string { return p.ptr }

// Segments returns the unescaped reference tokens of p.
func (p Path) Segments() []string {
	if p.ptr == "" {
		return nil
	}
	parts := strings.Split(p.ptr[1:], "/")
	for i, s := range parts {
		if strings.Contains(s, "~") {
			s = strings.ReplaceAll(s, "~1", "/")
			parts[i] = strings.ReplaceAll(s, "~0", "~")
		}
	}
	return parts
}

// Parent returns the path of the value that contains p; the root's parent is
// the root.
func (p Path) Parent() Path {
	i := strings.LastIndexByte(p.ptr, '/')
	if i < 0 {
		return Root
	}
	return Path{p.ptr[:i]}
}

// Last returns the last segment of p, or "" for the root.
func (p Path) Last() string {
	s := p.Segments()
	if len(s) == 0 {
		return ""
	}
	return s[len(s)-1]
}

// HasPrefix reports whether p is q or lies inside q.
func (p Path) HasPrefix(q Path) bool {
	return p.ptr == q.ptr || strings.HasPrefix(p.ptr, q.ptr+"/")
}

// Readable returns p in the form people read: keys joined by dots, numeric
// segments as indexes, "(root)" for the root: matters[12].promisedLimit.
func (p Path) Readable() string {
	segs := p.Segments()
	if len(segs) == 0 {
		return "(root)"
	}
	var b strings.Builder
	for _, s := range segs {
		switch {
		case isIndex(s):
			b.WriteString("[" + s + "]")
		case isIdent(s):
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s)
		default:
			b.WriteString("[" + strconv.Quote(s) + "]")
		}
	}
	return b.String()
}

// MarshalText writes p as a JSON Pointer.
func (p Path) MarshalText() ([]byte, error) { return []byte(p.ptr), nil }

// UnmarshalText reads a JSON Pointer.
func (p *Path) UnmarshalText(b []byte) error {
	*p = ParsePointer(string(b))
	return nil
}

// Compare orders paths segment by segment, numeric segments by value, so
// /matters/2 sorts before /matters/10.
func (p Path) Compare(q Path) int {
	if p.ptr == q.ptr {
		return 0
	}
	a, b := p.Segments(), q.Segments()
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] == b[i] {
			continue
		}
		if isIndex(a[i]) && isIndex(b[i]) {
			if c := cmp.Compare(len(a[i]), len(b[i])); c != 0 {
				return c
			}
		}
		return cmp.Compare(a[i], b[i])
	}
	return cmp.Compare(len(a), len(b))
}

func isIndex(s string) bool {
	if s == "" || len(s) > 1 && s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || r == '-' || r == '$', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// join returns p followed by the segments of q after its first skip.
func (p Path) join(q Path, skip int) Path {
	segs := q.Segments()
	if len(segs) < skip {
		return p
	}
	out := p
	for _, s := range segs[skip:] {
		out = Path{out.ptr + "/" + escapePointer(s)}
	}
	return out
}
