package main

import (
	"bytes"
	"github.com/zwfw/zwfw/examples/internal/golden"
	"path/filepath"
	"strings"
	"testing"
)

func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"default", nil, 0},
		{"valid", []string{"testdata/valid.yaml"}, 0},
		{"broken", []string{"testdata/broken.yaml"}, 1},
		{"truncated", []string{"testdata/truncated.json"}, 1},
		{"several", []string{"testdata/valid.yaml", "testdata/broken.yaml"}, 1},
		{"json", []string{"-json", "testdata/broken.yaml"}, 1},
		{"kinds", []string{"../data/bulletin-2021-04.yaml", "../../county/suining.yaml", "../../reform/modes.yaml"}, 0},
		{"usage", []string{"-nope"}, 2},
		{"missing", []string{"testdata/missing.yaml"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit code %d, want %d\nstderr: %s", code, tt.code, stderr.String())
			}
			got := stdout.String()
			if tt.code == 2 {
				got = stderr.String()
			}
			golden.Check(t, filepath.Join("testdata", tt.name+".golden"), got)
		})
	}
}

// Every problem line follows FILE:LINE:COL: SEVERITY: PATH: MESSAGE [RULE].
func TestCompilerConvention(t *testing.T) {
	var stdout, stderr bytes.Buffer
	run([]string{"testdata/broken.yaml"}, &stdout, &stderr)
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	for _, l := range lines[:len(lines)-1] {
		parts := strings.SplitN(l, ": ", 4)
		if len(parts) != 4 || strings.Count(parts[0], ":") != 2 || !strings.HasSuffix(l, "]") ||
			parts[1] != "error" && parts[1] != "warning" || !strings.HasPrefix(parts[2], "/") {
			t.Errorf("line not in the compiler convention: %s", l)
		}
	}
}
