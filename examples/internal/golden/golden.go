// Package golden runs the example programs in their tests and compares
// what they print with files kept under testdata, which it rewrites when
// the tests run with -update. It also fixes the language the tests run in
// and names the real list of matters kept outside the module.
package golden

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/zwfw/zwfw/schema/schematest"
)

// Check compares got with the file at path, or writes got there when the
// tests run with -update.
func Check(t testing.TB, path, got string) {
	t.Helper()
	schematest.Golden(t, path, []byte(got))
}

// Updating reports whether the tests run with -update.
func Updating() bool { return schematest.Updating() }

// Program is an example program's entry point: it reads args, writes on
// stdout and stderr and returns the exit code.
type Program func(args []string, stdout, stderr io.Writer) int

// Run runs prog with args and returns its exit code and what it wrote.
func Run(prog Program, args ...string) (code int, stdout, stderr string) {
	var out, errw bytes.Buffer
	code = prog(args, &out, &errw)
	return code, out.String(), errw.String()
}

// Output runs prog with args and returns its standard output; a run that
// fails ends the test.
func Output(t testing.TB, prog Program, args []string) string {
	t.Helper()
	code, stdout, stderr := Run(prog, args...)
	if code != 0 {
		t.Fatalf("%q: exit code %d\n%.2000s", args, code, stderr)
	}
	return stdout
}

// Case is one run of a program whose output is kept in
// testdata/NAME.golden.
type Case struct {
	Name string
	Args []string
	Code int // the exit code the run must end with
	// Lang, when set, is the run's LANG, with LC_ALL and LC_MESSAGES
	// cleared; else the run has the environment of the tests.
	Lang string
}

// Options say what a program's golden files hold.
type Options struct {
	// Quiet: a run that fails writes nothing on standard output.
	Quiet bool
	// UsageOnly: the file holds standard output, or standard error alone
	// when the run ends with a usage error (exit code 2). Without it, the
	// file holds standard output, then standard error after a
	// "-- stderr --" line when there is any.
	UsageOnly bool
}

// Compare runs prog for each case in a subtest named by the case, checks
// its exit code, and compares what it printed with the case's golden file.
func Compare(t *testing.T, prog Program, cases []Case, opt Options) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			if c.Lang != "" {
				t.Setenv("LC_ALL", "")
				t.Setenv("LC_MESSAGES", "")
				t.Setenv("LANG", c.Lang)
			}
			code, stdout, stderr := Run(prog, c.Args...)
			if code != c.Code {
				t.Errorf("exit code %d, want %d\nstderr: %s", code, c.Code, stderr)
			}
			if opt.Quiet && code != 0 && stdout != "" {
				t.Errorf("output written although the exit code is %d", code)
			}
			got := stdout
			switch {
			case opt.UsageOnly && c.Code == 2:
				got = stderr
			case !opt.UsageOnly && stderr != "":
				got += "-- stderr --\n" + stderr
			}
			Check(t, filepath.Join("testdata", c.Name+".golden"), got)
		})
	}
}

// RealList is the real list of matters, outside the module, as the
// example programs' tests see it.
const RealList = "../../../shared/data/sichuan-guangan-district-matters.csv"

// NeedRealList skips the test when the real list is not there.
func NeedRealList(t testing.TB) {
	t.Helper()
	schematest.NeedOutside(t, RealList)
}

// Main runs the tests of a program in a fixed language: the programs speak
// that of the environment, and the golden files are in English unless a
// case asks for Chinese. A program's TestMain calls it.
func Main(m *testing.M) {
	os.Setenv("LC_ALL", "C.UTF-8")
	os.Exit(m.Run())
}
