//go:build race

package store_test

// raceEnabled is true when tests run under the race detector, which makes
// each load some thirty times slower.
const raceEnabled = true
