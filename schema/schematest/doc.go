// Package schematest holds what the module's tests share when they read
// their fixtures: a fixture read or the test ends ([ReadFile],
// [ReadCSV]), a fuzz target's corpus seeded from the fixtures ([Seed],
// [Fixtures]), and golden files compared byte for byte and rewritten when
// the tests run with -update ([Golden]).
//
// It imports nothing of the module, so that the tests of package schema
// itself, on the lowest floor, use it as every other package's tests do.
// A test binary that imports it has the -update flag; it must not declare
// one of its own.
package schematest
