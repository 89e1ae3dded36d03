package model

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
)

// Class says how a figure came to be: published for that country and
// period, derived from published figures by a stated method, or generated
// where nothing is published. Every observation carries one, and every
// screen and export says it in words.
type Class string

// The three classes of a figure, from the most to the least trustworthy.
const (
	ClassReal      Class = "real"
	ClassEstimated Class = "estimated"
	ClassModeled   Class = "modeled"
)

// Classes lists the classes in order of trust.
func Classes() []Class { return []Class{ClassReal, ClassEstimated, ClassModeled} }

// Valid reports whether c is one of the three classes.
func (c Class) Valid() bool {
	return c == ClassReal || c == ClassEstimated || c == ClassModeled
}

// rank orders classes by trust: a figure made from two others is as good as
// the weaker of them.
func (c Class) rank() int {
	switch c {
	case ClassReal:
		return 0
	case ClassEstimated:
		return 1
	}
	return 2
}

// Weaker returns the less trustworthy of two classes.
func Weaker(a, b Class) Class {
	if a.rank() >= b.rank() {
		return a
	}
	return b
}

// Comparable reports whether two figures may be compared as a growth rate:
// a published figure against a modeled one measures the model, not the
// country, so such a rate is missing rather than shown.
func Comparable(a, b Class) bool { return (a == ClassModeled) == (b == ClassModeled) }

// rateClass is the class of a growth rate between two figures: the weaker
// of theirs, or none where one is modeled and the other not (Comparable).
func rateClass(now, before Class) (Class, bool) {
	return Weaker(now, before), Comparable(now, before)
}

// Provenance is where one observation comes from: its class, the sources
// row it cites, and the period it stands for ("2023", "2023-07 to
// 2023-12", "2016-06").
type Provenance struct {
	Class  Class
	Source string
	Period string
}

// Missing is a cell a release left empty, and why: a country not in the
// release because it is on the protection list, below the release
// threshold, or simply not in the file. A missing cell is shown with its
// reason, never as zero, and never averaged in.
type Missing struct {
	ISO2      string
	Indicator string
	Year      int
	Reason    string
	Source    string // the release that left it out
}

// Noise is the differential-privacy noise an observation carries: the
// Geoeditors release adds noise to every count, with a privacy budget
// epsilon by the country's risk. SD is the standard deviation of the noise
// in the observation as stored (a sum or mean of noisy counts).
type Noise struct {
	ISO2      string
	Indicator string
	Year      int
	Epsilon   float64 // the count's privacy budget
	SD        float64
	// SumEpsilon and Threshold are the release's other privacy parameters
	// for the country: the budget of its sums (edits), and the count below
	// which a wiki and country are left out. Zero when not published.
	SumEpsilon float64
	Threshold  float64
}

// Reading is how many page views one country gave one project or language
// edition in a period: which editions a country reads. Views are the
// published figure and Bounds the range it is known to lie in.
type Reading struct {
	ISO2    string
	Project string // "en.wikipedia", "all-projects"
	Year    int
	Period  string // "2017-06"
	Views   float64
	Bounds
	Share  float64 // % of the country's views of the period, 0 when not published
	Source string
}

// cellKey names one observation.
type cellKey = boundKey

// Provenance returns where the observation of an indicator for a country in
// a year comes from. A growth input is as good as the weaker of the two
// years it rates, and cites the later one. A MostRecent input's figure of an
// earlier year says so in its period: "2022 (most recent value)".
func (d *Dataset) Provenance(iso2, indicator string, year int) (Provenance, bool) {
	i, ok := d.indicator[indicator]
	if !ok {
		return Provenance{}, false
	}
	ind := d.Indicators[i]
	if ind.Derived() && ind.MostRecent() {
		prev, cur, ok := d.GrowthPoints(iso2, ind, year)
		if !ok || !Comparable(prev.Class(), cur.Class()) {
			return Provenance{}, false
		}
		pv := cur.Provenance()
		pv.Class = Weaker(cur.Class(), prev.Class())
		pv.Period = mostRecentPeriod(fmt.Sprintf("%d–%d", prev.Year, cur.Year), cur.Year, year)
		return pv, true
	}
	if ind.Derived() {
		now, ok1 := d.Provenance(iso2, ind.GrowthOf, year)
		before, ok2 := d.Provenance(iso2, ind.GrowthOf, year-1)
		class, comparable := rateClass(now.Class, before.Class)
		if !ok1 || !ok2 || !comparable {
			return Provenance{}, false
		}
		now.Class = class
		return now, true
	}
	if ind.MostRecent() {
		p, ok := d.obs[iso2][indicator].upTo(year)
		if !ok {
			return Provenance{}, false
		}
		pv := p.Provenance()
		pv.Period = mostRecentPeriod(pv.Period, p.Year, year)
		return pv, true
	}
	s := d.obs[iso2][indicator]
	j, found := slices.BinarySearchFunc(s, year, func(p Point, y int) int { return cmp.Compare(p.Year, y) })
	if !found {
		return Provenance{}, false
	}
	return s[j].Provenance(), true
}

// ClassOf is the class of an observation, or "" when there is none.
func (d *Dataset) ClassOf(iso2, indicator string, year int) Class {
	p, _ := d.Provenance(iso2, indicator, year)
	return p.Class
}

// MissingReason says why a cell has no figure, when a release said so.
func (d *Dataset) MissingReason(iso2, indicator string, year int) (Missing, bool) {
	m, ok := d.missing[cellKey{iso2, indicator, year}]
	return m, ok
}

// AllMissing returns every missing cell with its reason, ordered.
func (d *Dataset) AllMissing() []Missing {
	out := make([]Missing, 0, len(d.missing))
	for _, k := range cellKeys(d.missing) {
		out = append(out, d.missing[k])
	}
	return out
}

// cellKeys are a map's cells in the order of the database's rows:
// country, indicator, year.
func cellKeys[T any](m map[cellKey]T) []cellKey {
	return slices.SortedFunc(maps.Keys(m), func(a, b cellKey) int {
		return cmp.Or(cmp.Compare(a.iso2, b.iso2), cmp.Compare(a.indicator, b.indicator), cmp.Compare(a.year, b.year))
	})
}

// NoiseOf returns the privacy noise of an observation, when it has some.
func (d *Dataset) NoiseOf(iso2, indicator string, year int) (Noise, bool) {
	n, ok := d.noise[cellKey{iso2, indicator, year}]
	return n, ok
}

// AllNoise returns every noise record, ordered.
func (d *Dataset) AllNoise() []Noise {
	out := make([]Noise, 0, len(d.noise))
	for _, k := range cellKeys(d.noise) {
		out = append(out, d.noise[k])
	}
	return out
}

// Readings returns the editions a country reads in a year, most views first.
func (d *Dataset) Readings(iso2 string, year int) []Reading {
	var out []Reading
	for _, r := range d.readings[iso2] {
		if r.Year == year {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b Reading) int {
		return cmp.Or(cmp.Compare(b.Views, a.Views), cmp.Compare(a.Project, b.Project))
	})
	return out
}

// ReadingYears are the years for which a country has readings, ascending.
func (d *Dataset) ReadingYears(iso2 string) []int {
	var ys []int
	for _, r := range d.readings[iso2] {
		if !slices.Contains(ys, r.Year) {
			ys = append(ys, r.Year)
		}
	}
	slices.Sort(ys)
	return ys
}

// AllReadings returns every reading, ordered, for writing a database.
func (d *Dataset) AllReadings() []Reading {
	var out []Reading
	for _, rs := range d.readings {
		out = append(out, rs...)
	}
	slices.SortFunc(out, func(a, b Reading) int {
		return cmp.Or(cmp.Compare(a.ISO2, b.ISO2), cmp.Compare(a.Project, b.Project), cmp.Compare(a.Year, b.Year), cmp.Compare(a.Period, b.Period))
	})
	return out
}

// ClassCount is how many observations of one indicator are of each class,
// and how many cells a release left missing with a reason.
type ClassCount struct {
	Indicator string
	Real      int
	Estimated int
	Modeled   int
	Missing   int
}

// ClassCounts counts the stored observations of every stored (not derived)
// indicator by class, in catalog order.
func (d *Dataset) ClassCounts() []ClassCount { return slices.Clone(d.counts) }

// countClasses lists the figures of each stored indicator by class, from
// those counted as they were filed (by indicator index), with its missing
// cells.
func (d *Dataset) countClasses(filed []ClassCount) []ClassCount {
	var out []ClassCount
	at := map[string]int{}
	for i, ind := range d.Indicators {
		if ind.Derived() {
			continue
		}
		c := filed[i]
		c.Indicator = ind.ID
		at[ind.ID] = len(out)
		out = append(out, c)
	}
	for _, m := range d.missing {
		if i, ok := at[m.Indicator]; ok {
			out[i].Missing++
		}
	}
	return out
}

// indexProvenance checks and indexes the missing cells, noise and readings
// of the parts.
func (d *Dataset) indexProvenance(p Parts) error {
	d.missing = make(map[cellKey]Missing, len(p.Missing))
	for _, m := range p.Missing {
		if _, ok := d.country[m.ISO2]; !ok {
			return fmt.Errorf("missing cell of %s for unknown country %s", m.Indicator, m.ISO2)
		}
		if _, ok := d.indicator[m.Indicator]; !ok {
			return fmt.Errorf("missing cell for %s of unknown indicator %s", m.ISO2, m.Indicator)
		}
		if _, has := d.Value(m.ISO2, m.Indicator, m.Year); has {
			return fmt.Errorf("%s of %s in %d is both given and missing", m.Indicator, m.ISO2, m.Year)
		}
		d.missing[cellKey{m.ISO2, m.Indicator, m.Year}] = m
	}
	d.noise = make(map[cellKey]Noise, len(p.Noise))
	for _, n := range p.Noise {
		if _, ok := d.country[n.ISO2]; !ok {
			return fmt.Errorf("noise of %s for unknown country %s", n.Indicator, n.ISO2)
		}
		if !finite(n.SD) || !finite(n.Epsilon) || n.SD < 0 || n.Epsilon <= 0 || !finite(n.SumEpsilon) || !finite(n.Threshold) || n.SumEpsilon < 0 || n.Threshold < 0 {
			return fmt.Errorf("noise of %s for %s in %d is not a standard deviation and a positive epsilon", n.Indicator, n.ISO2, n.Year)
		}
		d.noise[cellKey{n.ISO2, n.Indicator, n.Year}] = n
	}
	d.readings = map[string][]Reading{}
	for _, r := range p.Readings {
		if _, ok := d.country[r.ISO2]; !ok {
			return fmt.Errorf("reading of %s for unknown country %s", r.Project, r.ISO2)
		}
		if !finite(r.Views) || r.Views < 0 {
			return fmt.Errorf("reading of %s for %s in %d is not a count of views", r.Project, r.ISO2, r.Year)
		}
	}
	// Each country's readings are a window on the parts' own slice (the
	// dataset's copy, cleanParts), ordered by country: some twenty
	// thousand months of the English Wikipedia series are not copied again.
	rs := p.Readings
	if !slices.IsSortedFunc(rs, func(a, b Reading) int { return cmp.Compare(a.ISO2, b.ISO2) }) {
		slices.SortStableFunc(rs, func(a, b Reading) int { return cmp.Compare(a.ISO2, b.ISO2) })
	}
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && rs[j].ISO2 == rs[i].ISO2 {
			j++
		}
		d.readings[rs[i].ISO2] = rs[i:j:j]
		i = j
	}
	return nil
}
