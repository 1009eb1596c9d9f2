package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zwfw/zwfw/schema"
)

func TestLang(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "zh_CN.UTF-8")
	tests := []struct {
		name string
		args []string
		want schema.Lang
	}{
		{"the environment", []string{"-json", "x.yaml"}, schema.Chinese},
		{"-lang en", []string{"-lang", "en", "x.yaml"}, schema.English},
		{"-lang=en", []string{"-lang=en"}, schema.English},
		{"--lang en", []string{"--lang", "en"}, schema.English},
		{"an unknown -lang leaves the environment's", []string{"-lang", "fr"}, schema.Chinese},
		{"after --, a file named -lang", []string{"--", "-lang", "en"}, schema.Chinese},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Lang(tt.args); got != tt.want {
				t.Errorf("Lang(%q) = %v, want %v", tt.args, got, tt.want)
			}
		})
	}
}

// TestProgress shows progress at most every interval, with the count, a
// rate and the time elapsed, and ends the line when done.
func TestProgress(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b, schema.NewPrinter(schema.English), schema.M("%s: %d matters read", "c.json"))
	p.interval = time.Hour
	p.Update(10)
	if b.Len() != 0 {
		t.Fatalf("shown before the interval: %q", b.String())
	}
	p.interval = 0
	p.last = p.last.Add(-time.Second)
	p.Update(20)
	if !strings.HasPrefix(b.String(), "\rc.json: 20 matters read, ") || !strings.Contains(b.String(), "/s, ") {
		t.Errorf("progress line %q", b.String())
	}
	p.Done(25)
	if !strings.Contains(b.String(), "\rc.json: 25 matters read, ") || !strings.HasSuffix(b.String(), " elapsed\n") {
		t.Errorf("final line %q", b.String())
	}

	b.Reset()
	zh := newProgress(&b, schema.NewPrinter(schema.Chinese), schema.M("%s: %d matters read", "c.json"))
	zh.Done(3)
	if !strings.Contains(b.String(), "c.json:已读取事项3项,每秒") {
		t.Errorf("Chinese progress %q", b.String())
	}

	// Quiet, or not a terminal: nothing, and a nil Progress is safe.
	if NewProgress(&b, nil, schema.M("%d matters read"), false) != nil {
		t.Error("progress on a buffer, which is no terminal")
	}
	var none *Progress
	none.Update(1)
	none.Done(1)
}

func TestParsed(t *testing.T) {
	tests := []struct {
		name, text string
		want       []int
		err        string
	}{
		{"a value", "7", []int{7}, ""},
		{"the package name dropped", "x", nil, "unknown number \"x\""},
		{"a message that names no package", "open", nil, "open x.yaml: no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []int
			set := Parsed(func(s string) (int, error) {
				switch s {
				case "7":
					return 7, nil
				case "open":
					return 0, errors.New("open x.yaml: no such file")
				}
				return 0, fmt.Errorf("reform: unknown number %q", s)
			}, func(n int) { got = append(got, n) })
			err := set(tt.text)
			if (err == nil) != (tt.err == "") || err != nil && err.Error() != tt.err {
				t.Errorf("error %v, want %q", err, tt.err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("set %v, want %v", got, tt.want)
			}
		})
	}
}

// TestLoadCatalogue reads the embedded sample, and reports a missing file
// as a problem of that file.
func TestLoadCatalogue(t *testing.T) {
	cat, probs := LoadCatalogue("")
	if cat == nil || probs.HasErrors() || len(cat.Matters) == 0 {
		t.Fatalf("the embedded sample: %v, %v", cat, probs)
	}
	for _, name := range []string{"testdata/missing.yaml", "testdata/missing.xlsx"} {
		cat, probs := LoadCatalogue(name)
		if cat != nil || !probs.HasErrors() || probs[0].Pos.File != name {
			t.Errorf("LoadCatalogue(%q) = %v, %v; want nil and a problem of the file", name, cat, probs)
		}
	}
}

// Size tells the size of a file and of the embedded catalogue, and 0 for
// standard input and readers with no Stat.
func TestSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.json")
	if err := os.WriteFile(path, []byte(`{"matters":[]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{path, ""} {
		r, file, err := Open(name)
		if err != nil {
			t.Fatal(err)
		}
		got := Size(r)
		n, err := io.Copy(io.Discard, r)
		r.Close()
		if err != nil || got != n {
			t.Errorf("%s: Size %d, want %d (%v)", file, got, n, err)
		}
	}
	r, _, _ := Open("-")
	if got := Size(r); got != 0 {
		t.Errorf("standard input: Size %d, want 0", got)
	}
	if got := Size(strings.NewReader("abc")); got != 0 {
		t.Errorf("a strings.Reader: Size %d, want 0", got)
	}
}
