package schematest_test

import (
	"os"
	"path/filepath"
	"slices"
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
