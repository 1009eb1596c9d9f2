package schematest_test

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zwfw/zwfw/schema/schematest"
)

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestFixtures(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.yaml", "b: 2\n")
	write(t, dir, "a.yaml", "a: 1\n")
	write(t, dir, "c.json", `{"c":3}`)
	var got []string
	for _, fx := range schematest.Fixtures(t, filepath.Join(dir, "*.json"), filepath.Join(dir, "*.yaml"), filepath.Join(dir, "*.csv")) {
		got = append(got, filepath.Base(fx.Name)+" "+string(fx.Data))
	}
	// In the order of the patterns, and of the names within one.
	if want := []string{`c.json {"c":3}`, "a.yaml a: 1\n", "b.yaml b: 2\n"}; !slices.Equal(got, want) {
		t.Errorf("Fixtures = %q, want %q", got, want)
	}
}

func TestReadCSV(t *testing.T) {
	path := write(t, t.TempDir(), "r.csv", "名称,数量\n\"甲,乙\",2\n")
	got := schematest.ReadCSV(t, path)
	if len(got) != 2 || !slices.Equal(got[1], []string{"甲,乙", "2"}) {
		t.Errorf("ReadCSV = %q", got)
	}
}

func TestNeedOutside(t *testing.T) {
	var ran bool
	t.Run("absent", func(t *testing.T) {
		schematest.NeedOutside(t, filepath.Join(t.TempDir(), "absent.csv"))
		ran = true
	})
	if ran {
		t.Error("a test that needs an absent file ran on")
	}
	path := write(t, t.TempDir(), "here.csv", "a\n")
	if got := string(schematest.ReadOutside(t, path)); got != "a\n" {
		t.Errorf("ReadOutside = %q", got)
	}
}

func TestGolden(t *testing.T) {
	if schematest.Updating() {
		t.Skip("with -update, Golden writes instead of comparing")
	}
	path := write(t, t.TempDir(), "out.golden", "一\n二\n")
	schematest.Golden(t, path, []byte("一\n二\n"))
}

// pair is a document of two fields, written as YAML and as JSON.
type pair struct{ A, B string }

func (p pair) WriteYAML(w io.Writer) error {
	_, err := fmt.Fprintf(w, "a: %s\nb: %s\n", p.A, p.B)
	return err
}

func (p pair) WriteJSON(w io.Writer) error { return json.NewEncoder(w).Encode(p) }

func readPair(name string, data []byte) (pair, error) {
	var p pair
	if strings.HasSuffix(name, ".json") {
		return p, json.Unmarshal(data, &p)
	}
	_, err := fmt.Sscanf(string(data), "a: %s\nb: %s\n", &p.A, &p.B)
	return p, err
}

func TestRoundTrip(t *testing.T) {
	p := pair{"甲", "乙"}
	if got := string(schematest.Write(t, p, "yaml")); got != "a: 甲\nb: 乙\n" {
		t.Errorf("Write yaml = %q", got)
	}
	schematest.RoundTrip(t, p, readPair)
}

func TestLanguage(t *testing.T) {
	schematest.InChinese(t, "a message", "第3行：日期不是日期 [cases.timestamp]")
	schematest.InEnglish(t, "a message", "cases: line 3: the date is no date")
}

func FuzzReadBack(f *testing.F) {
	parse := func(s string) (pair, error) {
		a, b, ok := strings.Cut(s, "=")
		if !ok || strings.Contains(b, "=") {
			return pair{}, fmt.Errorf("no single =")
		}
		return pair{a, b}, nil
	}
	schematest.FuzzReadBack(f, func(s string) (text, error) { p, err := parse(s); return text(p), err },
		func(a, b text) bool { return a == b }, nil, "a=b", "=", "a==b")
}

// text is a pair written a=b.
type text pair

func (t text) String() string { return t.A + "=" + t.B }
