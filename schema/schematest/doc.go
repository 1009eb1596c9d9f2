// Package schematest holds what the module's tests share:
//
//   - fixtures: a file read or the test ends ([ReadFile], [ReadCSV]), data
//     kept outside the module read or the test skipped ([ReadOutside],
//     [NeedOutside]), and a fuzz target's corpus seeded from the fixtures
//     ([Seed], [Fixtures]);
//   - text forms that read back as what they were read from ([FuzzReadBack]);
//   - golden files compared byte for byte and rewritten when the tests run
//     with -update ([Golden]);
//   - documents written as YAML and as JSON and read back equal
//     ([RoundTrip]);
//   - text for people held to its language ([InChinese], [InEnglish]).
//
// It imports nothing of the module, so that the tests of package schema
// itself, on the lowest floor, use it as every other package's tests do;
// what compares problems, which needs package schema, is in
// [github.com/zwfw/zwfw/schema/problemtest].
// A test binary that imports it has the -update flag; it must not declare
// one of its own.
package schematest
