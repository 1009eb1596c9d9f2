package matterstest_test

import (
	"fmt"

	"github.com/zwfw/zwfw/matters"
	"github.com/zwfw/zwfw/matters/matterstest"
)

// printer is a TB that prints what a *testing.T would report, so the
// examples can show it.
type printer struct{}

func (printer) Helper()                           {}
func (printer) Errorf(format string, args ...any) { fmt.Printf("FAIL "+format+"\n", args...) }
func (printer) Logf(format string, args ...any)   { fmt.Printf("log  "+format+"\n", args...) }
func (printer) Fatalf(format string, args ...any) { panic(fmt.Sprintf(format, args...)) }

// In a test, t is the *testing.T: each error fails the test at the line of
// the data that is wrong.
func ExampleCheck() {
	var t printer
	cat := matterstest.Check(t, "testdata/broken.yaml")
	fmt.Println(len(cat.Matters), "matters")
	// Output:
	// FAIL testdata/broken.yaml:13:20: error: /matters/0/promisedLimit: promised limit 30 工作日 exceeds legal limit 20 工作日 [matter.promised-exceeds-legal]
	// log  testdata/broken.yaml:21:12: warning: /matters/1/forms: matter needs no visit and is not handled online, so forms should offer 快递申请 [matter.postal-missing]
	// 2 matters
}

// A spreadsheet from a portal, with its known dirt accepted.
func ExampleAllow() {
	var t printer
	matterstest.Check(t, "testdata/portal.csv", matterstest.WarningsAsErrors(),
		matterstest.Allow(matters.RuleBodyOrgCode, "code.org-code-for-credit-code"))
	// Output:
	// log  testdata/portal.csv:3:3: warning: /matters/1/code: code "512C0053300008-511699000000-000-55512345-0-1-00": character 33: organisation code 55512345-0 where the implementing body's credit code belongs [code.org-code-for-credit-code]
	// log  testdata/portal.csv:3:6: warning: /matters/1/body/x-orgCode: 55512345-0 is an organisation code (GB 11714), not an 18-character unified social credit code [matter.body-org-code]
}

func ExampleCountWhere() {
	var t printer
	cat := matterstest.Check(t, "testdata/catalogue.yaml")
	matterstest.CountWhere(t, cat, "即办", (*matters.Matter).IsInstant, 2)
	matterstest.CountWhere(t, cat, "全程网办", (*matters.Matter).FullyOnline, 3)
	// Output:
	// FAIL matterstest: 全程网办: 2 of 3 matters, want 3
}

// The May edition of a list against the April one: every change must be
// one the test expects.
func ExampleExpectDiff() {
	var t printer
	april := matterstest.Check(t, "testdata/catalogue.yaml")
	may := matterstest.Check(t, "testdata/catalogue-2021-05.yaml")
	matterstest.ExpectDiff(t, april, may,
		matterstest.Change{Kind: matters.Changed, Paths: []string{"asOf"}},
		matterstest.Change{Kind: matters.Changed, Code: "11510921MB1C71426G4000174023001", Paths: []string{"promisedLimit"}},
		matterstest.Change{Kind: matters.Added, Code: "11510921MB1C71426G4000174023003"},
		matterstest.Change{Kind: matters.Changed, Bundle: true, Code: "B001"},
	)
	matterstest.NoRemovals(t, april, may)
	// Output:
	// FAIL matterstest: unexpected change: 取消 11510921MB1C71426G4000174023002
	// FAIL matterstest: matter 11510921MB1C71426G4000174023002 食品经营许可（变更） (蓬溪县行政审批局) was removed
}
