package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwfw/zwfw/examples/data"
	"github.com/zwfw/zwfw/examples/internal/golden"
	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/reform"
)

// TestGolden runs the program and compares what it prints with the golden
// files: standard output, then standard error after a "-- stderr --" line
// when there is any.
func TestGolden(t *testing.T) {
	tests := []golden.Case{
		{Name: "default"},
		{Name: "json", Args: []string{"-json"}},
		{Name: "mode-3+2", Args: []string{"-mode", "3+2"}},
		{Name: "mode-alias", Args: []string{"-mode", "以减促简"}},
		{Name: "targets", Args: []string{"-base", "testdata/base.yaml", "-target", "即办比例>=30%", "-target", "下放事项数>=69", "-target", "认领率>=100%"}},
		{Name: "modes-file", Args: []string{"-modes", "testdata/modes.yaml", "-mode", "四办"}},
		{Name: "rollup", Args: []string{"-in", "../data/catalogue-pengxi.yaml", "-in", "testdata/daying.yaml", "-in", "testdata/outside.yaml", "-target", "即办比例>=30%"}},
		{Name: "csv", Args: []string{"-in", "../catalogdiff/testdata/portal.csv", "-speedup", "平均压缩比"}},
		{Name: "same-file-twice", Args: []string{"-in", "../data/catalogue-pengxi.yaml", "-in", "./../data/catalogue-pengxi.yaml"}, Code: 2},
		{Name: "editions", Args: []string{"-in", "../data/catalogue-pengxi-2021-05.yaml", "-in", "../data/catalogue-pengxi.yaml"}},
		{Name: "same-date", Args: []string{"-in", "../data/catalogue-pengxi.yaml", "-in", "testdata/pengxi-same-date.yaml"}, Code: 1},
		{Name: "bad-speedup", Args: []string{"-speedup", "average"}, Code: 2},
		// Counting rules from the modes document; a flag overrides one.
		{Name: "counting", Args: []string{"-modes", "testdata/counting.yaml", "-mode", "一网办到底"}},
		{Name: "counting-flag", Args: []string{"-modes", "testdata/counting.yaml", "-mode", "一网办到底", "-speedup", "sum", "-target", "零跑动率<=50%", "-custom", "川渝即办事项数: scope=川渝通办, handlingKind=即办件"}},
		{Name: "bad-custom", Args: []string{"-custom", "网上可办率: online=互联网"}, Code: 2},
		{Name: "broken", Args: []string{"-in", "testdata/broken.yaml"}, Code: 1},
		{Name: "missing", Args: []string{"-in", "testdata/missing.yaml"}, Code: 1},
		{Name: "bad-modes", Args: []string{"-modes", "testdata/bad-modes.yaml"}, Code: 1},
		{Name: "missing-base", Args: []string{"-base", "testdata/missing.yaml"}, Code: 1},
		{Name: "unknown-mode", Args: []string{"-mode", "八办"}, Code: 2},
		{Name: "bad-target", Args: []string{"-target", "即办比例>=70"}, Code: 2},
		{Name: "stray-argument", Args: []string{"catalogue.yaml"}, Code: 2},
		{Name: "usage", Args: []string{"-nope"}, Code: 2},
		{Name: "targets-zh", Args: []string{"-lang", "zh", "-base", "testdata/base.yaml", "-target", "即办比例>=30%", "-target", "下放事项数>=69", "-target", "认领率>=100%"}},
		{Name: "broken-zh", Args: []string{"-lang", "zh", "-in", "testdata/broken.yaml"}, Code: 1},
		{Name: "usage-zh", Args: []string{"-lang", "zh", "-h"}, Code: 2},
	}
	golden.Compare(t, run, tests, golden.Options{})
}

// Problem lines on standard error follow FILE:LINE:COL: SEVERITY: PATH:
// MESSAGE [RULE].
func TestCompilerConvention(t *testing.T) {
	for _, args := range [][]string{{"-in", "testdata/broken.yaml"}, {"-modes", "testdata/bad-modes.yaml"}} {
		_, _, stderr := golden.Run(run, args...)
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if len(lines) == 0 || lines[0] == "" {
			t.Fatalf("%v: no problems printed", args)
		}
		for _, l := range lines {
			parts := strings.SplitN(l, ": ", 4)
			if len(parts) != 4 || strings.Count(parts[0], ":") != 2 || !strings.HasSuffix(l, "]") ||
				parts[1] != "error" && parts[1] != "warning" || !strings.HasPrefix(parts[2], "/") {
				t.Errorf("line not in the compiler convention: %s", l)
			}
		}
	}
}

// TestJSONAgreesWithLibrary holds the printed figures to what package
// reform computes over the sample, so that no figure is stale or made up.
func TestJSONAgreesWithLibrary(t *testing.T) {
	stdout := golden.Output(t, run, []string{"-json"})
	var out struct {
		Catalogues []struct {
			Matters    int
			Indicators []struct {
				Indicator reform.Indicator
				Value     string
				Num       int64
				Den       int64
				Counted   int64
				Groups    []reform.Subtotal
			}
		}
		RollUp []struct {
			Unit    string
			Matters int64
		}
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	c, err := matters.LoadFS(data.FS, data.Catalogue)
	if err != nil {
		t.Fatal(err)
	}
	x := reform.New(reform.Config{Level: c.Level})
	x.AddCatalogue(c)
	if len(out.Catalogues) != 1 || out.Catalogues[0].Matters != len(c.Matters) {
		t.Fatalf("catalogues: %+v", out.Catalogues)
	}
	got := out.Catalogues[0].Indicators
	if len(got) != len(reform.AllIndicators()) {
		t.Fatalf("%d indicators printed, want %d", len(got), len(reform.AllIndicators()))
	}
	for i, want := range x.Results() {
		g := got[i]
		if g.Indicator != want.Indicator || g.Value != want.Value() || g.Num != want.Num || g.Den != want.Den || g.Counted != want.Counted {
			t.Errorf("%v: printed %+v, computed %v over %d", want.Indicator, g, want, want.Counted)
		}
		if diff := cmp.Diff(want.Groups, g.Groups); diff != "" {
			t.Errorf("%v groups (-computed +printed):\n%s", want.Indicator, diff)
		}
	}
	// The sample is 蓬溪县's: it rolls up to 遂宁市 unchanged.
	want := []string{"遂宁市", "遂宁市/蓬溪县"}
	if len(out.RollUp) != 2 || out.RollUp[0].Unit != want[0] || out.RollUp[1].Unit != want[1] ||
		out.RollUp[0].Matters != int64(len(c.Matters)) {
		t.Errorf("roll-up: %+v", out.RollUp)
	}
}

// TestRealList measures the real list: every indicator prints, every share
// with its numerator and denominator.
func TestRealList(t *testing.T) {
	golden.NeedRealList(t)
	out := golden.Output(t, run, []string{"-in", golden.RealList})
	for _, i := range reform.AllIndicators() {
		line := ""
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "  "+i.String()+": ") {
				line = l
				break
			}
		}
		switch {
		case line == "":
			t.Errorf("%s not printed", i)
		case i.IsShare() && !strings.Contains(line, " of "):
			t.Errorf("%s without numerator and denominator: %s", i, line)
		}
	}
	if !strings.Contains(out, "依申请事项数: 1135") {
		t.Errorf("the real list's 1135 matters are all application-based:\n%s", out)
	}
}

func TestMain(m *testing.M) { golden.Main(m) }

// TestMillionths holds the printing of a sum of cuts to rounding half up
// in integers.
func TestMillionths(t *testing.T) {
	tests := []struct {
		name string
		n    int64
		want string
	}{
		{"zero", 0, "0.0000"},
		{"whole", 2_000_000, "2.0000"},
		{"half up at the fifth place", 1_234_550, "1.2346"},
		{"below half", 1_234_549, "1.2345"},
		{"negative half", -50, "-0.0001"},
		{"large", 9_000_000_000_000_000_000, "9000000000000.0000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := millionths(tt.n); got != tt.want {
				t.Errorf("millionths(%d) = %s, want %s", tt.n, got, tt.want)
			}
		})
	}
}
