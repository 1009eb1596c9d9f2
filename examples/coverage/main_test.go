package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
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
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"default", nil, 0},
		{"json", []string{"-json"}, 0},
		{"mode-3+2", []string{"-mode", "3+2"}, 0},
		{"mode-alias", []string{"-mode", "以减促简"}, 0},
		{"targets", []string{"-base", "testdata/base.yaml", "-target", "即办比例>=30%", "-target", "下放事项数>=69", "-target", "认领率>=100%"}, 0},
		{"modes-file", []string{"-modes", "testdata/modes.yaml", "-mode", "四办"}, 0},
		{"rollup", []string{"-in", "../data/catalogue-pengxi.yaml", "-in", "testdata/daying.yaml", "-in", "testdata/outside.yaml", "-target", "即办比例>=30%"}, 0},
		{"csv", []string{"-in", "../catalogdiff/testdata/portal.csv", "-speedup", "平均压缩比"}, 0},
		{"same-file-twice", []string{"-in", "../data/catalogue-pengxi.yaml", "-in", "./../data/catalogue-pengxi.yaml"}, 2},
		{"editions", []string{"-in", "../data/catalogue-pengxi-2021-05.yaml", "-in", "../data/catalogue-pengxi.yaml"}, 0},
		{"same-date", []string{"-in", "../data/catalogue-pengxi.yaml", "-in", "testdata/pengxi-same-date.yaml"}, 1},
		{"bad-speedup", []string{"-speedup", "average"}, 2},
		// Counting rules from the modes document; a flag overrides one.
		{"counting", []string{"-modes", "testdata/counting.yaml", "-mode", "一网办到底"}, 0},
		{"counting-flag", []string{"-modes", "testdata/counting.yaml", "-mode", "一网办到底", "-speedup", "sum", "-target", "零跑动率<=50%", "-custom", "川渝即办事项数: scope=川渝通办, handlingKind=即办件"}, 0},
		{"bad-custom", []string{"-custom", "网上可办率: online=互联网"}, 2},
		{"broken", []string{"-in", "testdata/broken.yaml"}, 1},
		{"missing", []string{"-in", "testdata/missing.yaml"}, 1},
		{"bad-modes", []string{"-modes", "testdata/bad-modes.yaml"}, 1},
		{"missing-base", []string{"-base", "testdata/missing.yaml"}, 1},
		{"unknown-mode", []string{"-mode", "八办"}, 2},
		{"bad-target", []string{"-target", "即办比例>=70"}, 2},
		{"stray-argument", []string{"catalogue.yaml"}, 2},
		{"usage", []string{"-nope"}, 2},
		{"targets-zh", []string{"-lang", "zh", "-base", "testdata/base.yaml", "-target", "即办比例>=30%", "-target", "下放事项数>=69", "-target", "认领率>=100%"}, 0},
		{"broken-zh", []string{"-lang", "zh", "-in", "testdata/broken.yaml"}, 1},
		{"usage-zh", []string{"-lang", "zh", "-h"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit code %d, want %d\nstderr: %s", code, tt.code, stderr.String())
			}
			got := stdout.String()
			if stderr.Len() > 0 {
				got += "-- stderr --\n" + stderr.String()
			}
			golden.Check(t, filepath.Join("testdata", tt.name+".golden"), got)
		})
	}
}

// Problem lines on standard error follow FILE:LINE:COL: SEVERITY: PATH:
// MESSAGE [RULE].
func TestCompilerConvention(t *testing.T) {
	for _, args := range [][]string{{"-in", "testdata/broken.yaml"}, {"-modes", "testdata/bad-modes.yaml"}} {
		var stdout, stderr bytes.Buffer
		run(args, &stdout, &stderr)
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
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
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-json"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
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
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	c, err := matters.LoadFS(data.FS, defaultFile)
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
	const realCSV = "../../../shared/data/sichuan-guangan-district-matters.csv"
	if _, err := os.Stat(realCSV); err != nil {
		t.Skipf("the real list is not here (%v): it lives outside the module, in ../shared/data", err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-in", realCSV}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit code %d\n%s", code, stderr.String())
	}
	out := stdout.String()
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

// TestMain fixes the language: the programs speak that of the
// environment, and the golden files are in English unless a case asks
// for Chinese.
func TestMain(m *testing.M) {
	os.Setenv("LC_ALL", "C.UTF-8")
	os.Exit(m.Run())
}

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
