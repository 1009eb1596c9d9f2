// Package problemtest holds what the module's tests compare of problems:
// their rule and path, never their message, as package schema asks.
//
// It stands apart from package schematest, which imports nothing of the
// module so that package schema's own tests can use it; this one imports
// schema.
package problemtest

import (
	"cmp"
	"slices"

	"github.com/zwfw/zwfw/schema"
)

// key is what a test compares of a problem: its rule and its path as a
// JSON Pointer.
type key = struct {
	Rule schema.Rule
	Path string
}

// Key is the type of a test's keys: a struct of a problem's rule and path,
// declared in the test's own package, so that its tables write keys
// without field names:
//
//	type problemKey struct {
//		Rule schema.Rule
//		Path string
//	}
type Key interface{ ~key }

// Keys returns the keys of the problems, in the order of the list.
func Keys[K Key](l schema.List) []K {
	var out []K
	for _, p := range l {
		out = append(out, K(key{p.Rule, p.Path.String()}))
	}
	return out
}

// Sorted returns the keys sorted by rule, then path, for comparing lists
// whose order is no part of what they say; keys is left as it is.
func Sorted[K Key](keys []K) []K {
	out := slices.Clone(keys)
	slices.SortFunc(out, func(a, b K) int {
		x, y := key(a), key(b)
		return cmp.Or(cmp.Compare(x.Rule, y.Rule), cmp.Compare(x.Path, y.Path))
	})
	return out
}

// RulePaths returns the problems as "rule path" strings, sorted.
func RulePaths(l schema.List) []string {
	out := make([]string, 0, len(l))
	for _, k := range Keys[key](l) {
		out = append(out, string(k.Rule)+" "+k.Path)
	}
	slices.Sort(out)
	return out
}
