// Package model holds what equity knows: countries and their classifications,
// the indicator catalog of the Equity Landscape, observations over the years,
// the scoring method, and the lookups every screen and command needs.
//
// It is pure Go and imports nothing from store or ui, so that the method can be
// read and tested on its own.
package model
