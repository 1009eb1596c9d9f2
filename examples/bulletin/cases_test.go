package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zwfw/zwfw/reform/cases/casestest"
)

// -cases fills section 五 with the figures of the bulletin's month.
func TestCasesFillSectionFive(t *testing.T) {
	code, out, errs := runArgs("-cases", "testdata/cases-april.csv")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	// testdata/cases-april.csv holds 10 cases accepted and 8 completed in
	// April 2021 (reform/cases/testdata/april.csv, counted by hand there).
	if want := "市政务大厅窗口受理各类行政审批和公共服务事项10件,办结8件"; !strings.Contains(out, want) {
		t.Errorf("section 五 does not read %q:\n%s", want, out)
	}
}

// -check with -cases sets the reported 受理 and 办结 against the cases: the
// synthetic month (generated at the seed's scale) agrees, a small export
// does not.
func TestCasesCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cases-2021-04.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := casestest.WriteCSV(f, casestest.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		file  string
		agree bool
	}{
		{"synthetic month at the seed's scale", path, true},
		{"a small export", "testdata/cases-april.csv", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runArgs("-check", "-format", "json", "-cases", tt.file)
			want := 0
			if !tt.agree {
				want = 1 // a check that finds differences fails
			}
			if code != want {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, want, errs)
			}
			var rows []struct {
				Path, Reported, Computed string
				Agree                    bool
			}
			if err := json.Unmarshal([]byte(out), &rows); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if len(rows) != 2 || rows[0].Path != "/efficiency/accepted" || rows[1].Path != "/efficiency/completed" {
				t.Fatalf("rows %+v", rows)
			}
			for _, r := range rows {
				if r.Agree != tt.agree {
					t.Errorf("%s: reported %s computed %s agree=%v", r.Path, r.Reported, r.Computed, r.Agree)
				}
			}
		})
	}
}
