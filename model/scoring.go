package model

import (
	"math"
	"sort"
	"sync"
)

// The scoring method of the Equity Landscape, step by step:
//
//  1. For a year, each input becomes a percentile rank across the countries
//     that have it (0–100; ties take the mid rank).
//  2. A facet's raw score is the weighted mean of its inputs' ranks, with the
//     weights renormalised over the inputs a country has; it is missing when
//     less than half of the facet's weight is present (MinWeightShare).
//  3. The raw scores are ranked again to 0–100, so the median country sits
//     at 50. A country whose presence inputs in a domain are all zero has no
//     activity there and is not ranked (see NoActivity).
//  4. A domain's overall score is the mean of its presence and growth scores,
//     or its presence score alone where there is no growth score (a domain
//     without growth inputs, the first year, a growth from a zero base).
//
// Growth inputs are year-over-year rates of a presence input; a rate from a
// zero or absent base is missing, not infinite.

// NoActivity is this project's reading of "ranked across the countries that
// have it", where the Equity Landscape is silent: a country whose presence
// inputs in a domain are all zero (no affiliates, no grants, no events) does
// not have the domain, and gets no presence score rather than a share of a
// tie at the bottom. Ranking the many such countries would pile them on one
// mid rank near 30 and push the median country off 50. Their zero inputs
// still count in each input's ranks, and growth is always ranked: a flat year
// is a value, not an absence.
const NoActivity = "no activity recorded"

// MinWeightShare is the share of a facet's weight a country must have inputs
// for to get a score. The Equity Landscape asks for half.
const MinWeightShare = 0.5

// PercentileRanks ranks values from 0 (lowest) to 100 (highest). NaN marks a
// missing value: it gets a NaN rank and is not counted. Equal values share the
// mean of the positions they occupy, so a tie never favours list order. A
// single value sits at the middle, 50.
func PercentileRanks(values []float64) []float64 {
	ranks := make([]float64, len(values))
	idx := make([]int, 0, len(values))
	for i, v := range values {
		ranks[i] = math.NaN()
		if !math.IsNaN(v) {
			idx = append(idx, i)
		}
	}
	n := len(idx)
	if n == 0 {
		return ranks
	}
	if n == 1 {
		ranks[idx[0]] = 50
		return ranks
	}
	sort.SliceStable(idx, func(a, b int) bool { return values[idx[a]] < values[idx[b]] })
	for lo := 0; lo < n; {
		hi := lo
		for hi+1 < n && values[idx[hi+1]] == values[idx[lo]] {
			hi++
		}
		mid := float64(lo+hi) / 2
		for k := lo; k <= hi; k++ {
			ranks[idx[k]] = 100 * mid / float64(n-1)
		}
		lo = hi + 1
	}
	return ranks
}

// WeightedMean averages ranks with weights renormalised over the ranks that
// are present (not NaN). It reports false when the present weight is less
// than MinWeightShare of the total weight.
func WeightedMean(ranks, weights []float64) (float64, bool) {
	if len(ranks) != len(weights) {
		return 0, false
	}
	var total, present, sum float64
	for i, w := range weights {
		total += w
		if math.IsNaN(ranks[i]) {
			continue
		}
		present += w
		sum += w * ranks[i]
	}
	// The tolerance keeps published weights such as 33.3 + 16.7 of 100 at
	// exactly half despite floating-point sums.
	if total <= 0 || present <= 0 || present < MinWeightShare*total-1e-9 {
		return 0, false
	}
	return sum / present, true
}

// GrowthRate is the year-over-year change from prev to cur, in percent. From
// a zero base the change has no finite rate, so it is reported missing.
func GrowthRate(prev, cur float64) (float64, bool) {
	if prev == 0 || math.IsNaN(prev) || math.IsNaN(cur) {
		return 0, false
	}
	return 100 * (cur - prev) / math.Abs(prev), true
}

// CombineFacets gives a domain's overall score from its facet scores: their
// mean, or presence alone where there is no growth. Without presence there is
// no overall score.
func CombineFacets(presence float64, hasPresence bool, growth float64, hasGrowth bool) (float64, bool) {
	switch {
	case !hasPresence:
		return 0, false
	case !hasGrowth:
		return presence, true
	default:
		return (presence + growth) / 2, true
	}
}

// InputValue is what scoring ranks for an input: the observation itself (for
// a MostRecent input, the most recent at or before the year), a
// year-over-year rate for a growth input, or the observation divided by a
// context figure for a Per input. It also returns the divisor used, if any.
func (d *Dataset) InputValue(iso2 string, ind Indicator, year int) (value float64, divisor Point, ok bool) {
	switch {
	case ind.Derived():
		prev, cur, ok := d.GrowthPoints(iso2, ind, year)
		if !ok || !Comparable(prev.Class(), cur.Class()) {
			return 0, Point{}, false
		}
		v, ok := GrowthRate(prev.Value, cur.Value)
		return v, Point{}, ok
	case ind.Per != "":
		raw, ok := d.Value(iso2, ind.ID, year)
		if !ok {
			return 0, Point{}, false
		}
		div, ok := d.ContextAt(iso2, ind.Per, year)
		if !ok || div.Value <= 0 {
			return 0, Point{}, false
		}
		return raw / div.Value, div, true
	default:
		p, ok := d.FigureFor(iso2, ind, year)
		return p.Value, Point{}, ok
	}
}

// FacetRanking is one facet of one domain in one year, ranked across every
// country: the inputs' values and ranks, the weighted means, and the scores.
// It is both how scores are computed and how one is explained on screen.
type FacetRanking struct {
	Domain DomainID
	Facet  Facet
	Year   int
	Inputs []Indicator
	ISO2   []string    // every country, in dataset order
	Values [][]float64 // [input][country]; NaN where missing
	Divs   [][]Point   // [input][country]; the divisor of a Per input
	Ranks  [][]float64 // [input][country]; NaN where missing
	// AsOf is the year of each figure ranked, [input][country], for the
	// MostRecent inputs only (nil for the others): a figure of an earlier
	// year stands for the year, and says so.
	AsOf  [][]int
	Mean  []float64 // [country]; NaN where too little weight is present
	Score []float64 // [country]; the means ranked again; NaN where missing
	// Idle marks countries with presence inputs that are all zero: they have
	// no Mean and no Score (see NoActivity).
	Idle  []bool
	index map[string]int
}

// RankFacet ranks a facet of a domain for a year. Each facet and year is
// ranked once per dataset and kept: a profile asks for the same ranking for
// every country it shows, and ranking means reading every country's inputs.
// The ranking returned is shared with later calls: read it, never change it.
func (d *Dataset) RankFacet(domain DomainID, facet Facet, year int) FacetRanking {
	if d.ranks == nil {
		return d.rankFacet(domain, facet, year)
	}
	return d.ranks.get(rankKey{domain, facet, year}, func() FacetRanking { return d.rankFacet(domain, facet, year) })
}

// rankKey names a facet's ranking in a year.
type rankKey struct {
	domain DomainID
	facet  Facet
	year   int
}

// rankCache keeps what RankFacet and Rank computed. A Dataset's figures do
// not change once built, except its scores (SetScores), which forget the
// standings kept. Screens run commands on other goroutines, so it locks.
type rankCache struct {
	mu       sync.Mutex
	facets   map[rankKey]FacetRanking
	standing map[standingKey][]float64 // every score in the world or a region, highest first
	classes  map[rankKey][]facetClass  // each country's class of a facet, by country index
}

// standingKey names the scores of a facet and year in a region ("" for the
// world).
type standingKey struct {
	rankKey
	region string
}

func newRankCache() *rankCache {
	return &rankCache{facets: map[rankKey]FacetRanking{}, standing: map[standingKey][]float64{}, classes: map[rankKey][]facetClass{}}
}

func (c *rankCache) get(k rankKey, rank func() FacetRanking) FacetRanking {
	return kept(&c.mu, c.facets, k, rank)
}

// scores returns the scores of a facet and year in the world or a region,
// highest first.
func (c *rankCache) scores(k standingKey, list func() []float64) []float64 {
	return kept(&c.mu, c.standing, k, list)
}

// kept returns what m holds under k, computing and keeping it the first time.
func kept[K comparable, V any](mu *sync.Mutex, m map[K]V, k K, compute func() V) V {
	mu.Lock()
	defer mu.Unlock()
	v, ok := m[k]
	if !ok {
		v = compute()
		m[k] = v
	}
	return v
}

// forgetScores drops the standings, which the scores decide.
func (c *rankCache) forgetScores() {
	// Cleared in place: kept is handed the map before it takes the lock.
	c.mu.Lock()
	clear(c.standing)
	c.mu.Unlock()
}

// rankFacet is RankFacet without the cache.
func (d *Dataset) rankFacet(domain DomainID, facet Facet, year int) FacetRanking {
	r := FacetRanking{
		Domain: domain,
		Facet:  facet,
		Year:   year,
		Inputs: d.Inputs(domain, facet),
		ISO2:   make([]string, len(d.Countries)),
		index:  make(map[string]int, len(d.Countries)),
	}
	for c, country := range d.Countries {
		r.ISO2[c] = country.ISO2
		r.index[country.ISO2] = c
	}
	weights := make([]float64, len(r.Inputs))
	for i, ind := range r.Inputs {
		weights[i] = ind.Weight
		vals := make([]float64, len(r.ISO2))
		divs := make([]Point, len(r.ISO2))
		for c, iso2 := range r.ISO2 {
			v, div, ok := d.InputValue(iso2, ind, year)
			if !ok {
				v = math.NaN()
			}
			vals[c], divs[c] = v, div
		}
		var asOf []int
		if ind.MostRecent() {
			asOf = make([]int, len(r.ISO2))
			for c, iso2 := range r.ISO2 {
				asOf[c] = d.figureYear(iso2, ind, year)
			}
		}
		r.AsOf = append(r.AsOf, asOf)
		r.Values = append(r.Values, vals)
		r.Divs = append(r.Divs, divs)
		r.Ranks = append(r.Ranks, PercentileRanks(vals))
	}
	r.Mean = make([]float64, len(r.ISO2))
	r.Idle = make([]bool, len(r.ISO2))
	column := make([]float64, len(r.Inputs))
	for c := range r.ISO2 {
		idle := facet == Presence
		for i := range r.Inputs {
			column[i] = r.Ranks[i][c]
			if v := r.Values[i][c]; !math.IsNaN(v) && v != 0 {
				idle = false
			}
		}
		m, ok := WeightedMean(column, weights)
		if !ok {
			m = math.NaN()
		}
		if ok && idle {
			m = math.NaN()
			r.Idle[c] = true
		}
		r.Mean[c] = m
	}
	r.Score = PercentileRanks(r.Mean)
	return r
}

// figureYear is the year of the figure of a MostRecent input that stands
// for year, 0 when there is none.
func (d *Dataset) figureYear(iso2 string, ind Indicator, year int) int {
	if ind.Derived() {
		_, cur, ok := d.GrowthPoints(iso2, ind, year)
		if !ok {
			return 0
		}
		return cur.Year
	}
	p, ok := d.FigureFor(iso2, ind, year)
	if !ok {
		return 0
	}
	return p.Year
}

// Idle reports whether a country's presence inputs in a domain are all zero
// with enough of them present to score: it has no activity there, and no
// presence score (see NoActivity). It is RankFacet's Idle for one country,
// without ranking every other.
func (d *Dataset) Idle(iso2 string, domain DomainID, year int) bool {
	inputs := d.Inputs(domain, Presence)
	present, weights := make([]float64, len(inputs)), make([]float64, len(inputs))
	for i, ind := range inputs {
		weights[i], present[i] = ind.Weight, math.NaN()
		if v, _, ok := d.InputValue(iso2, ind, year); ok {
			if v != 0 {
				return false
			}
			present[i] = 0
		}
	}
	_, enough := WeightedMean(present, weights)
	return enough
}

// InputExplanation is one input's part in a country's facet score.
type InputExplanation struct {
	Indicator Indicator
	Value     float64 // what was ranked (a rate for growth, a ratio for Per)
	Divisor   Point   // the context figure a Per input was divided by
	Present   bool
	// AsOf is, for a MostRecent input, the year of the figure that stands
	// for the year (for growth, the later of its two); 0 for the others,
	// whose figures are always of the year.
	AsOf   int
	Rank   float64 // 0–100 among Among countries
	Among  int     // countries that have this input
	Weight float64 // catalog weight
	Share  float64 // weight renormalised over present inputs (sums to 1)
	// Contribution is Rank × Share: the contributions sum to the facet mean.
	Contribution float64
}

// Explanation shows how a country's facet score comes from its inputs.
type Explanation struct {
	Domain        DomainID
	Facet         Facet
	Year          int
	Inputs        []InputExplanation
	PresentWeight float64
	TotalWeight   float64
	Mean          float64 // sum of the contributions
	Score         float64 // Mean ranked among Among countries
	Among         int     // countries with a mean
	HasScore      bool
	Idle          bool // every presence input is zero: not ranked (see NoActivity)
}

// Explain returns how the country's score in this facet is made.
func (r FacetRanking) Explain(iso2 string) Explanation {
	e := Explanation{Domain: r.Domain, Facet: r.Facet, Year: r.Year}
	c, ok := r.index[iso2]
	for i, ind := range r.Inputs {
		in := InputExplanation{Indicator: ind, Weight: ind.Weight, Among: countPresent(r.Ranks[i])}
		e.TotalWeight += ind.Weight
		if ok && !math.IsNaN(r.Ranks[i][c]) {
			in.Present = true
			in.Value = r.Values[i][c]
			in.Divisor = r.Divs[i][c]
			in.Rank = r.Ranks[i][c]
			if r.AsOf[i] != nil {
				in.AsOf = r.AsOf[i][c]
			}
			e.PresentWeight += ind.Weight
		}
		e.Inputs = append(e.Inputs, in)
	}
	e.Among = countPresent(r.Mean)
	e.Idle = ok && r.Idle[c]
	if !ok || math.IsNaN(r.Score[c]) {
		// No score: shares and contributions would sum to a mean that does
		// not exist, so they stay zero.
		return e
	}
	e.HasScore = true
	e.Mean = r.Mean[c]
	e.Score = r.Score[c]
	for i := range e.Inputs {
		if e.Inputs[i].Present {
			e.Inputs[i].Share = e.Inputs[i].Weight / e.PresentWeight
			e.Inputs[i].Contribution = e.Inputs[i].Rank * e.Inputs[i].Share
		}
	}
	return e
}

func countPresent(xs []float64) int {
	n := 0
	for _, x := range xs {
		if !math.IsNaN(x) {
			n++
		}
	}
	return n
}

// ComputeScores scores every country in every year of the dataset: presence
// and growth of each domain, and the overall domain score.
func ComputeScores(d *Dataset) []Score {
	var out []Score
	for _, year := range d.Years {
		for _, dom := range Domains() {
			facets := map[Facet][]float64{}
			for _, f := range []Facet{Presence, Growth} {
				if !d.HasFacet(dom.ID, f) {
					continue
				}
				r := d.RankFacet(dom.ID, f, year)
				facets[f] = r.Score
				for c, s := range r.Score {
					if !math.IsNaN(s) {
						out = append(out, Score{r.ISO2[c], dom.ID, f, year, s})
					}
				}
			}
			for c, country := range d.Countries {
				p, hasP := at(facets[Presence], c)
				g, hasG := at(facets[Growth], c)
				if v, ok := CombineFacets(p, hasP, g, hasG); ok {
					out = append(out, Score{country.ISO2, dom.ID, Overall, year, v})
				}
			}
		}
	}
	return out
}

func at(xs []float64, i int) (float64, bool) {
	if i >= len(xs) || math.IsNaN(xs[i]) {
		return 0, false
	}
	return xs[i], true
}

// Standing is a country's position in a group by one score: 1 is the highest,
// countries with equal scores share a position.
type Standing struct {
	Pos, Of int
}

// scoreTolerance is how far apart two scores may be and still tie: an
// overall score computed as a mean may differ from an equal one in the last
// bits.
const scoreTolerance = 1e-9

// Rank places a country among the countries for which in returns true, by a
// facet of a domain in a year. It reports false when the country has no score
// or is not itself in the group.
func (d *Dataset) Rank(iso2 string, domain DomainID, facet Facet, year int, in func(Country) bool) (Standing, bool) {
	mine, ok := d.Score(iso2, domain, facet, year)
	if !ok {
		return Standing{}, false
	}
	if self, found := d.Country(iso2); !found || in != nil && !in(self) {
		return Standing{}, false
	}
	if in == nil && d.ranks != nil {
		return d.standing(mine, domain, facet, year, nil, ""), true
	}
	return d.rank(mine, domain, facet, year, in), true
}

// RankInRegion is Rank among the countries of the country's own Wikimedia
// region; false when the country has no region or no score.
func (d *Dataset) RankInRegion(iso2 string, domain DomainID, facet Facet, year int) (Standing, bool) {
	self, found := d.Country(iso2)
	if !found || self.WikimediaRegion == "" {
		return Standing{}, false
	}
	in := func(o Country) bool { return o.WikimediaRegion == self.WikimediaRegion }
	mine, ok := d.Score(iso2, domain, facet, year)
	if !ok {
		return Standing{}, false
	}
	if d.ranks == nil {
		return d.rank(mine, domain, facet, year, in), true
	}
	return d.standing(mine, domain, facet, year, in, self.WikimediaRegion), true
}

// standing is a search in the scores of the world or a region, sorted once
// and kept: a screen asks for every country's standing when the year changes.
func (d *Dataset) standing(mine float64, domain DomainID, facet Facet, year int, in func(Country) bool, region string) Standing {
	all := d.ranks.scores(standingKey{rankKey{domain, facet, year}, region}, func() []float64 { return d.sortedScores(domain, facet, year, in) })
	above := sort.Search(len(all), func(i int) bool { return !(all[i] > mine+scoreTolerance) })
	return Standing{Pos: 1 + above, Of: len(all)}
}

// sortedScores are the scores of a facet and year of the countries in (all
// when nil), highest first.
func (d *Dataset) sortedScores(domain DomainID, facet Facet, year int, in func(Country) bool) []float64 {
	var all []float64
	for _, c := range d.Countries {
		if in != nil && !in(c) {
			continue
		}
		if s, ok := d.Score(c.ISO2, domain, facet, year); ok {
			all = append(all, s)
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(all)))
	return all
}

// rank is Rank by counting, for any group.
func (d *Dataset) rank(mine float64, domain DomainID, facet Facet, year int, in func(Country) bool) Standing {
	st := Standing{Pos: 1}
	for _, c := range d.Countries {
		if in != nil && !in(c) {
			continue
		}
		s, ok := d.Score(c.ISO2, domain, facet, year)
		if !ok {
			continue
		}
		st.Of++
		if s > mine+scoreTolerance {
			st.Pos++
		}
	}
	return st
}
