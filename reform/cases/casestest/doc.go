// Package casestest generates case records for tests, benchmarks and
// demonstrations: a deterministic synthetic month of a city hall's cases
// at the scale of the April 2021 bulletin of Suining (32,307 accepted,
// 21,514 completed), with the catalogue they are drawn from.
//
// # What it generates
//
// Thirteen departments of the city hall with their windows and matters;
// cases accepted on the month's working days, a fifth of the month's
// number carried over from the weeks before, completions within the month
// or the next, most within the limit and some late, a few suspensions,
// ratings for six in ten completed cases, and a share of 不予受理 and 作废
// records that the figures leave out. A few records are dirty on purpose:
// a matter the catalogue does not hold, an older promised limit, a window
// acceptance on a Saturday. The same [Options] give the same records on
// every machine (math/rand/v2's PCG with a fixed seed).
//
// # Reading back
//
// [Collect] gathers what a [Source] (a [cases.Decoder], or a workbook's
// decoder) yields, so that tests compare the cases and problems of two
// readings as values.
package casestest
