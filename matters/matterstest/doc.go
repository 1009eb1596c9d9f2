// Package matterstest helps the tests of repositories that keep catalogue
// data, in the spirit of testing/fstest: one call in a _test.go file loads
// a catalogue and reports every problem in it as a test failure, located
// FILE:LINE:COL with its rule, so a pull request that breaks the data
// fails its checks where the data is broken.
//
//	func TestCatalogue(t *testing.T) {
//		cat := matterstest.Check(t, "catalogue.yaml")
//		matterstest.CountWhere(t, cat, "全程网办", (*matters.Matter).FullyOnline, 42)
//	}
//
//	func TestNewEdition(t *testing.T) {
//		old := matterstest.Check(t, "2021-04/catalogue.yaml")
//		new := matterstest.Check(t, "2021-05/catalogue.yaml")
//		matterstest.NoRemovals(t, old, new)
//	}
//
// The helpers take a [TB], the part of testing.TB they use, so that
// *testing.T and *testing.B serve, and so can a recorder in a test of the
// helpers themselves.
//
// # Synthetic catalogues
//
// [WriteSynthetic] writes a valid catalogue of any size, JSON or YAML, that
// uses every element and every enum value; the same size always gives the
// same bytes. The module's scale benchmarks run on it, and report what
// [PeakHeap] and [CPUTime] measure beside the time the testing package
// takes.
package matterstest
