//go:build race

package matters_test

const raceEnabled = true
