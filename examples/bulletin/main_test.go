package main

import (
	"archive/zip"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/zwfw/zwfw/examples/internal/golden"
	"github.com/zwfw/zwfw/schema/schematest"
)

// The seed document, outside the repository.
const seedFile = "../../../shared/seed/suining-bulletin-2021-04.txt"

// The report package's golden copy of the text rendering.
const goldenText = "../../report/testdata/bulletin-2021-04.txt"

func runArgs(args ...string) (code int, stdout, stderr string) {
	return golden.Run(run, args...)
}

// With no arguments the program prints the embedded April 2021 bulletin as
// the bulletin printed it: the seed, with a newline after the last line.
func TestDefaultPrintsTheSeed(t *testing.T) {
	code, out, errs := runArgs()
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	golden := schematest.ReadFile(t, goldenText)
	if out != string(golden) {
		t.Errorf("output differs from %s", goldenText)
	}
	seed := schematest.ReadOutside(t, seedFile)
	if out != string(seed)+"\n" {
		t.Errorf("output is not the seed document followed by a newline")
	}
}

func TestFormats(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		ok   func(string) bool
	}{
		{"markdown", []string{"-format", "markdown"}, func(s string) bool { return strings.HasPrefix(s, "# 工作简报(2021年4月)\n") }},
		{"json", []string{"-format", "json"}, func(s string) bool {
			var v struct{ Period string }
			return json.Unmarshal([]byte(s), &v) == nil && v.Period == "2021-04"
		}},
		{"text with rate", []string{"-rate"}, func(s string) bool {
			return strings.Contains(s, "办结受理比66.59%") && !strings.Contains(s, "办结率")
		}},
		{"explicit file", []string{"-in", "../data/bulletin-2021-04.yaml"}, func(s string) bool { return strings.HasPrefix(s, "一、工作动态\n") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runArgs(tc.args...)
			if code != 0 || errs != "" {
				t.Fatalf("exit %d, stderr:\n%s", code, errs)
			}
			if !tc.ok(out) {
				t.Errorf("unexpected output:\n%.300s", out)
			}
		})
	}
}

var problemLine = regexp.MustCompile(`^(.+):(\d+):(\d+): (error|warning): (\S+): .* \[([a-z.-]+)\]$`)

func TestExitCodes(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		// problems expected on stderr: "file path rule"
		problems []string
	}{
		{"unknown format", []string{"-format", "pdf"}, 2, nil},
		{"unknown flag", []string{"-nope"}, 2, nil},
		{"arguments without -check", []string{"x.yaml"}, 2, nil},
		{"-check without catalogues or cases", []string{"-check"}, 2, nil},
		{"a total that does not add up", []string{"-in", "testdata/leave-mismatch.yaml"}, 1,
			[]string{"testdata/leave-mismatch.yaml /attendance/leave/total bulletin.total-mismatch"}},
		{"a missing file", []string{"-in", "testdata/none.yaml"}, 1, nil},
		{"-month without -records", []string{"-month", "2021-04"}, 2, nil},
		{"a month that is none", []string{"-records", "../data/records-2021-04", "-month", "2021-13"}, 2, nil},
		{"a records directory without a roster", []string{"-records", "testdata"}, 1, nil},
		{"the same catalogue twice", []string{"-check", "../data/catalogue-pengxi.yaml", "./../data/catalogue-pengxi.yaml"}, 2, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runArgs(tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.code, errs)
			}
			if code != 0 && out != "" {
				t.Errorf("printed a bulletin despite errors:\n%.200s", out)
			}
			var got []string
			for _, l := range strings.Split(strings.TrimSpace(errs), "\n") {
				if m := problemLine.FindStringSubmatch(l); m != nil {
					got = append(got, m[1]+" "+m[5]+" "+m[6])
				}
			}
			if tc.problems != nil && strings.Join(got, "\n") != strings.Join(tc.problems, "\n") {
				t.Errorf("problems %q, want %q; stderr:\n%s", got, tc.problems, errs)
			}
		})
	}
}

// -check lists every figure that names an indicator, computed over the
// catalogue of its unit when there is one; figures that disagree (the
// sample catalogue is not the one the bulletin counted) fail the check.
func TestCheck(t *testing.T) {
	code, out, errs := runArgs("-check", "-format", "json", "../data/catalogue-pengxi.yaml")
	if code != 1 || !strings.Contains(errs, "8 reported figures differ from the computed ones") {
		t.Fatalf("exit %d, want 1 with the figures that disagree counted; stderr:\n%s", code, errs)
	}
	var rows []struct {
		Unit, Indicator, Reported, Computed, Error string
		Agree                                      bool
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(rows) != 13 {
		t.Fatalf("%d comparisons, want the 13 figures with an indicator", len(rows))
	}
	computed := 0
	for _, r := range rows {
		switch {
		case r.Unit != "蓬溪县" && !strings.Contains(r.Error, "no catalogue"):
			t.Errorf("%s %s: computed without a catalogue: %+v", r.Unit, r.Indicator, r)
		case r.Unit == "蓬溪县" && (r.Error != "" || r.Computed == ""):
			t.Errorf("%s %s: not computed: %+v", r.Unit, r.Indicator, r)
		case r.Unit == "蓬溪县":
			computed++
		}
	}
	if computed != 8 {
		t.Errorf("%d figures of 蓬溪县 computed, want 8", computed)
	}
}

// Two editions of one county's list are never summed: the later is
// counted, with a warning. The May edition holds 75 application-based
// matters against April's 73, so 即办比例 is computed over 75.
func TestCheckEditions(t *testing.T) {
	code, out, errs := runArgs("-check", "-format", "json", "../data/catalogue-pengxi.yaml", "../data/catalogue-pengxi-2021-05.yaml")
	if code != 1 || !strings.Contains(errs, "8 reported figures differ from the computed ones") { // the sample catalogues are not the ones the bulletin counted
		t.Fatalf("exit %d, want 1 with the figures that disagree counted; stderr:\n%s", code, errs)
	}
	if !strings.Contains(errs, "warning: ../data/catalogue-pengxi.yaml is an earlier edition (as of 2021-04-30) of 蓬溪县") {
		t.Errorf("no warning about the earlier edition:\n%s", errs)
	}
	if !strings.Contains(out, "(26/75)") || strings.Contains(out, "/148)") {
		t.Errorf("editions summed, or the later not counted:\n%s", out)
	}
}

func TestMain(m *testing.M) { golden.Main(m) }

// With -lang zh, the -check lines are Chinese throughout: no English word
// outside the JSON Pointer at the end of each line.
func TestCheckChinese(t *testing.T) {
	code, out, errs := runArgs("-lang", "zh", "-check", "../data/catalogue-pengxi.yaml")
	if code != 1 { // figures disagree with the catalogue, so the check fails
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	word := regexp.MustCompile(`[A-Za-z]{2,}`)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 13 {
		t.Fatalf("%d lines, want 13:\n%s", len(lines), out)
	}
	for _, l := range lines {
		text, _, _ := strings.Cut(l, "(/")
		if w := word.FindString(text); w != "" {
			t.Errorf("English word %q in %s", w, l)
		}
		if !strings.Contains(text, "一致") && !strings.Contains(text, "无法比较") {
			t.Errorf("no verdict in %s", l)
		}
	}
}

// -format docx and html write the published forms: a Word package to the
// file -o names, a page with charts; -history adds the month-over-month
// part.
func TestPublish(t *testing.T) {
	dir := t.TempDir()
	docx := filepath.Join(dir, "b.docx")
	if code, out, errs := runArgs("-format", "docx", "-o", docx); code != 0 || out != "" {
		t.Fatalf("exit %d, stdout %d bytes, stderr:\n%s", code, len(out), errs)
	}
	z, err := zip.OpenReader(docx)
	if err != nil {
		t.Fatalf("not a Word package: %v", err)
	}
	names := map[string]bool{}
	for _, f := range z.File {
		names[f.Name] = true
	}
	z.Close()
	if !names["word/document.xml"] || !names["[Content_Types].xml"] {
		t.Errorf("package parts %v", names)
	}

	code, out, errs := runArgs("-format", "html", "-history", "../../report/testdata/trend-2021-03.yaml")
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	for _, want := range []string{"<!DOCTYPE html>", "<svg ", "Month over month", "32307"} {
		if !strings.Contains(out, want) {
			t.Errorf("html lacks %q", want)
		}
	}
	if code, _, errs := runArgs("-format", "docx", "-o", filepath.Join(dir, "none", "b.docx")); code != 1 || !strings.Contains(errs, "bulletin: ") {
		t.Errorf("an unwritable -o: exit %d, stderr %q", code, errs)
	}
}

// Under a Chinese locale the help is Chinese.
func TestHelpChinese(t *testing.T) {
	t.Setenv("LC_ALL", "zh_CN.UTF-8")
	code, _, errs := runArgs("-h")
	if code != 2 || !strings.HasPrefix(errs, "用法: bulletin ") || !strings.Contains(errs, "-format 格式") {
		t.Errorf("exit %d, help:\n%s", code, errs)
	}
}
