package model

import (
	"fmt"
	"math"
	"slices"
	"sync"
)

// indexObservations files the observations (Parts.Runs, then
// Parts.Observations) by country and indicator, each series by year. A run
// of one country's indicator is checked and looked up once, not point by
// point, and becomes a series as it is (Runs). Observations in any order
// give the same series. What it counts on the way (filed) saves walking
// every point again.
func (d *Dataset) indexObservations(runs Runs, obs []Observation) (*filed, error) {
	f := &filed{
		years:     map[int]bool{},
		unsettled: map[seriesKey]bool{},
		classes:   make([]ClassCount, len(d.Indicators)),
	}
	f.tallied, f.rated = d.tallied()
	if err := d.fileRuns(runs, f); err != nil {
		return nil, err
	}
	if len(obs) > 0 {
		if err := d.fileRuns(runsOf(obs), f); err != nil {
			return nil, err
		}
	}
	for k := range f.unsettled {
		s := d.obs[k.iso2][k.indicator]
		slices.SortFunc(s, func(a, b Point) int { return a.Year - b.Year })
		for i := 1; i < len(s); i++ {
			if s[i].Year == s[i-1].Year {
				return nil, fmt.Errorf("indicator %s has two values for one country in %d", k.indicator, s[i].Year)
			}
		}
	}
	return f, nil
}

// filed is what filing the observations found: the years of activity
// figures, the series not in year order or joined from two runs (only
// these are sorted and checked for a year given twice), the figures of each
// indicator by class (ClassCount, by indicator index), and the year tally
// (yearFigures), which counts each run as it is filed and so holds only
// while no series is unsettled.
type filed struct {
	years     map[int]bool
	unsettled map[seriesKey]bool
	classes   []ClassCount
	tally     yearTally
	// tallied and rated are Dataset.tallied.
	tallied []DomainID
	rated   []bool
}

// seriesKey names a country's series of one indicator.
type seriesKey struct{ iso2, indicator string }

// settleAt is the fewest points whose runs are settled in two halves at
// once: fewer take less time than starting a goroutine.
const settleAt = 8192

// fileRuns settles the runs (settle) and files each as its series, or as
// more of it; a run out of year order, or joined to another, is unsettled.
// Settling visits every point: on a second core, half the runs are settled
// at the same time.
func (d *Dataset) fileRuns(r Runs, f *filed) error {
	var halves [2]settled
	if mid := len(r.Keys) / 2; r.Len() >= settleAt {
		var wg sync.WaitGroup
		wg.Go(func() { halves[1] = d.settle(r, mid, len(r.Keys), f) })
		halves[0] = d.settle(r, 0, mid, f)
		wg.Wait()
	} else {
		halves[0] = d.settle(r, 0, len(r.Keys), f)
	}
	for _, h := range halves { // the first error in the runs' order
		if h.err != nil {
			return h.err
		}
		for y := range h.years {
			f.years[y] = true
		}
		for _, k := range h.unsorted {
			f.unsettled[seriesKey{r.Keys[k].ISO2, r.Keys[k].Indicator}] = true
		}
		for i, c := range h.classes {
			f.classes[i].Real += c.Real
			f.classes[i].Estimated += c.Estimated
			f.classes[i].Modeled += c.Modeled
		}
		f.tally.add(h.tally)
	}
	for k, key := range r.Keys {
		run := r.run(k)
		if len(run) == 0 {
			continue
		}
		byInd := d.obs[key.ISO2]
		if byInd == nil {
			// Sized for the country's runs that follow, as a database
			// reads them: a map grown run by run was a tenth of a load.
			n := 1
			for n < len(r.Keys)-k && r.Keys[k+n].ISO2 == key.ISO2 {
				n++
			}
			byInd = make(map[string]Series, n)
			d.obs[key.ISO2] = byInd
		}
		if s, ok := byInd[key.Indicator]; ok {
			byInd[key.Indicator] = append(s, run...) // the indicator's earlier run
			f.unsettled[seriesKey{key.ISO2, key.Indicator}] = true
		} else {
			byInd[key.Indicator] = run
		}
	}
	return nil
}

// settled is what settling runs found: the years of their activity
// figures, the runs out of year order, their figures by class and their
// year tally (filed), and the first point refused.
type settled struct {
	years    map[int]bool
	unsorted []int
	classes  []ClassCount // by indicator index
	tally    yearTally
	err      error
}

// settle checks the points of runs [from, to), cleans their texts
// (CleanText) and fills in the provenance a point left to its indicator, in
// place: the points become the dataset's. It reads the dataset's indexes
// and writes only those runs' points.
func (d *Dataset) settle(r Runs, from, to int, f *filed) settled {
	out := settled{years: map[int]bool{}, classes: make([]ClassCount, len(d.Indicators))}
	// Points share their provenance, and a database shares its texts: the
	// last provenance found whole and clean, and the last clean texts, are
	// not checked again. One that is not gets a settled copy of its own,
	// one for each that needs the same (settledProvenance); the shared one
	// is never written, as the other half may be reading it.
	var good *Provenance
	var source, period string
	clean := func(s string, last *string) bool {
		if s == *last {
			return true
		}
		if CleanText(s) != s {
			return false
		}
		*last = s
		return true
	}
	var fixed map[fixKey]*Provenance
	lo, hi := 1, 0 // the span of years known to be in out.years; none yet
	fail := func(format string, a ...any) settled {
		out.err = fmt.Errorf(format, a...)
		return out
	}
	for k := from; k < to; k++ {
		key, run := r.Keys[k], r.run(k)
		if len(run) == 0 {
			continue
		}
		if v := run[0].Value; math.IsNaN(v) || math.IsInf(v, 0) {
			return fail("observation of %s for %s in %d is not a number", key.Indicator, key.ISO2, run[0].Year)
		}
		if _, ok := d.country[key.ISO2]; !ok {
			return fail("observation of %s for unknown country %s", key.Indicator, key.ISO2)
		}
		i, ok := d.indicator[key.Indicator]
		if !ok {
			return fail("observation for %s of unknown indicator %s", key.ISO2, key.Indicator)
		}
		ind := d.Indicators[i]
		if ind.Derived() {
			return fail("observation for %s of derived indicator %s: it is computed, not stored", key.ISO2, key.Indicator)
		}
		activity := ind.Facet != Context && !ind.MostRecent()
		sorted := true
		for j := range run {
			p := &run[j]
			if math.IsNaN(p.Value) || math.IsInf(p.Value, 0) {
				return fail("observation of %s for %s in %d is not a number", key.Indicator, key.ISO2, p.Year)
			}
			sorted = sorted && (j == 0 || p.Year > run[j-1].Year)
			if pv := p.prov; pv == nil || pv != good {
				if pv != nil && !pv.Class.Valid() {
					if c := Class(CleanText(string(pv.Class))); c != "" && !c.Valid() {
						return fail("observation of %s for %s in %d has class %q: it is real, estimated or modeled", key.Indicator, key.ISO2, p.Year, c)
					}
				}
				switch {
				case pv != nil && pv.Class.Valid() && pv.Source != "" && pv.Period != "" && clean(pv.Source, &source) && clean(pv.Period, &period):
					good = pv
				default:
					if fixed == nil {
						fixed = map[fixKey]*Provenance{}
					}
					p.prov = settledProvenance(fixed, pv, ind, p.Year)
				}
			}
			// Activity years are mostly one unbroken span: only a year
			// outside the span known to be in years reaches the map.
			if activity && (p.Year < lo || p.Year > hi) {
				out.years[p.Year] = true
				switch {
				case lo > hi:
					lo, hi = p.Year, p.Year
				case p.Year == hi+1:
					hi = p.Year
				case p.Year == lo-1:
					lo = p.Year
				}
			}
			switch c := &out.classes[i]; p.prov.Class {
			case ClassReal:
				c.Real++
			case ClassEstimated:
				c.Estimated++
			default:
				c.Modeled++
			}
		}
		if !sorted {
			out.unsorted = append(out.unsorted, k)
		} else if f.tallied[i] != "" {
			out.tally.series(run, f.tallied[i], f.rated[i])
		}
	}
	return out
}

// fixKey names a settled copy of a provenance: the one a point cited, and
// the indicator and year that fill in what it left out.
type fixKey struct {
	pv   *Provenance
	ind  string
	year int
}

// settledProvenance is pv with its texts cleaned (CleanText) and what it
// left out filled in: the class from the indicator (modeled or real), the
// indicator's source, and the year as the period. Points that need the
// same copy share it (fixed).
func settledProvenance(fixed map[fixKey]*Provenance, pv *Provenance, ind Indicator, year int) *Provenance {
	k := fixKey{pv, ind.ID, year}
	if f, ok := fixed[k]; ok {
		return f
	}
	var f Provenance
	if pv != nil {
		f = Provenance{Class: Class(CleanText(string(pv.Class))), Source: CleanText(pv.Source), Period: CleanText(pv.Period)}
	}
	if f.Class == "" {
		f.Class = ClassReal
		if ind.Modeled {
			f.Class = ClassModeled
		}
	}
	if f.Source == "" {
		f.Source = ind.SourceID
	}
	if f.Period == "" {
		f.Period = fmt.Sprint(year)
	}
	fixed[k] = &f
	return &f
}
