package problemtest_test

import (
	"slices"
	"testing"

	"github.com/zwfw/zwfw/schema"
	"github.com/zwfw/zwfw/schema/problemtest"
)

type problemKey struct {
	Rule schema.Rule
	Path string
}

func TestKeys(t *testing.T) {
	l := schema.List{
		{Rule: "b.rule", Path: schema.Root.Key("x").Index(1)},
		{Rule: "a.rule", Path: schema.Root.Key("y")},
		{Rule: "a.rule", Path: schema.Root.Key("x")},
	}
	keys := problemtest.Keys[problemKey](l)
	if want := []problemKey{{"b.rule", "/x/1"}, {"a.rule", "/y"}, {"a.rule", "/x"}}; !slices.Equal(keys, want) {
		t.Errorf("Keys = %v, want %v", keys, want)
	}
	if got, want := problemtest.Sorted(keys), []problemKey{{"a.rule", "/x"}, {"a.rule", "/y"}, {"b.rule", "/x/1"}}; !slices.Equal(got, want) {
		t.Errorf("Sorted = %v, want %v", got, want)
	}
	if keys[0].Rule != "b.rule" {
		t.Error("Sorted changed its argument")
	}
	if got, want := problemtest.RulePaths(l), []string{"a.rule /x", "a.rule /y", "b.rule /x/1"}; !slices.Equal(got, want) {
		t.Errorf("RulePaths = %q, want %q", got, want)
	}
}
