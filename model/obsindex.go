package model

import (
	"fmt"
	"math"
	"slices"
)

// indexObservations files the observations by country and indicator, each
// series by year, and returns the years of activity observations. Loading
// reads them in the database's key order (country, indicator, year): a run
// of one country's indicator is checked and looked up once, not row by row,
// and every series is a window on one array instead of a slice grown point by
// point, which was most of building a dataset. Observations in any other
// order give the same series.
func (d *Dataset) indexObservations(obs []Observation) (map[int]bool, error) {
	years := map[int]bool{}
	points := make([]Point, 0, len(obs))
	var (
		runISO2, runInd string
		runAt           = -1 // where the current run starts in points
		byInd           map[string]Series
		ind             Indicator
	)
	endRun := func() {
		if runAt < 0 {
			return
		}
		run := Series(points[runAt:len(points):len(points)]) // appending to it copies
		if s, ok := byInd[runInd]; ok {
			byInd[runInd] = append(s, run...) // the indicator's earlier run
		} else {
			byInd[runInd] = run
		}
	}
	for _, o := range obs {
		if math.IsNaN(o.Value) || math.IsInf(o.Value, 0) {
			return nil, fmt.Errorf("observation of %s for %s in %d is not a number", o.Indicator, o.ISO2, o.Year)
		}
		if runAt < 0 || o.ISO2 != runISO2 || o.Indicator != runInd {
			if _, ok := d.country[o.ISO2]; !ok {
				return nil, fmt.Errorf("observation of %s for unknown country %s", o.Indicator, o.ISO2)
			}
			i, ok := d.indicator[o.Indicator]
			if !ok {
				return nil, fmt.Errorf("observation for %s of unknown indicator %s", o.ISO2, o.Indicator)
			}
			if d.Indicators[i].Derived() {
				return nil, fmt.Errorf("observation for %s of derived indicator %s: it is computed, not stored", o.ISO2, o.Indicator)
			}
			endRun()
			byInd = d.obs[o.ISO2]
			if byInd == nil {
				byInd = map[string]Series{}
				d.obs[o.ISO2] = byInd
			}
			runISO2, runInd, runAt, ind = o.ISO2, o.Indicator, len(points), d.Indicators[i]
		}
		if ind.Facet != Context && !ind.MostRecent() {
			years[o.Year] = true
		}
		pv := o.Provenance
		if pv.Class == "" {
			pv.Class = ClassReal
			if ind.Modeled {
				pv.Class = ClassModeled
			}
		} else if !pv.Class.Valid() {
			return nil, fmt.Errorf("observation of %s for %s in %d has class %q: it is real, estimated or modeled", o.Indicator, o.ISO2, o.Year, pv.Class)
		}
		if pv.Source == "" {
			pv.Source = ind.SourceID
		}
		if pv.Period == "" {
			pv.Period = fmt.Sprint(o.Year)
		}
		points = append(points, Point{o.Year, o.Value, pv})
	}
	endRun()
	byYear := func(a, b Point) int { return a.Year - b.Year }
	for _, byInd := range d.obs {
		for id, s := range byInd {
			if !slices.IsSortedFunc(s, byYear) {
				slices.SortFunc(s, byYear)
			}
			for i := 1; i < len(s); i++ {
				if s[i].Year == s[i-1].Year {
					return nil, fmt.Errorf("indicator %s has two values for one country in %d", id, s[i].Year)
				}
			}
		}
	}
	return years, nil
}
