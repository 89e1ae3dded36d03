package model

import (
	"fmt"
	"sort"
)

// MostRecentNote is how a figure that stands for a later year says so,
// after its own period: "2022 (most recent value)".
const MostRecentNote = "most recent value"

// MostRecentMaxAge is how many years old the most recent figure may be and
// still stand for a year: a territory's one mobile figure of 2012 would
// otherwise rank it first in the world in 2024.
const MostRecentMaxAge = 5

// upTo returns the latest point at or before year, at most
// MostRecentMaxAge years older: never a later one, which would score a year
// with a figure from its future.
func (s Series) upTo(year int) (Point, bool) {
	i := sort.Search(len(s), func(i int) bool { return s[i].Year > year })
	if i == 0 || year-s[i-1].Year > MostRecentMaxAge {
		return Point{}, false
	}
	return s[i-1], true
}

// FigureFor returns the figure of a stored input that stands for a year:
// the year's own, or for a MostRecent input the most recent at or before
// it, which keeps its own year and provenance.
func (d *Dataset) FigureFor(iso2 string, ind Indicator, year int) (Point, bool) {
	s := d.obs[iso2][ind.ID]
	if ind.MostRecent() {
		return s.upTo(year)
	}
	return s.point(year)
}

// GrowthPoints returns the two figures a growth input rates for a year: the
// year's and the year before's; for a MostRecent input, the most recent
// figure at or before the year and the one of the year before that figure.
// A rate across a gap of several years would not be a yearly change, so
// both must be there.
func (d *Dataset) GrowthPoints(iso2 string, ind Indicator, year int) (prev, cur Point, ok bool) {
	s := d.obs[iso2][ind.GrowthOf]
	if ind.MostRecent() {
		cur, ok = s.upTo(year)
	} else {
		cur, ok = s.point(year)
	}
	if !ok {
		return Point{}, Point{}, false
	}
	prev, ok = s.point(cur.Year - 1)
	if !ok {
		return Point{}, Point{}, false
	}
	return prev, cur, true
}

// GrowthRatio is the year-over-year change as the Foundation's pipeline
// computes it: this year ÷ last year (1.10 for +10 %). It ranks countries
// exactly as GrowthRate does; screens show both.
func GrowthRatio(prev, cur float64) (float64, bool) {
	if prev == 0 {
		return 0, false
	}
	return cur / prev, true
}

// mostRecentPeriod is the period of a figure that stands for a later year.
func mostRecentPeriod(period string, at, year int) string {
	if at == year {
		return period
	}
	return fmt.Sprintf("%s (%s)", period, MostRecentNote)
}
