package indicator

import (
	"math"
	"sort"

	"github.com/equitylandscape/equity/model"
)

// facetScore is one of the domain's three scores with the country's place
// in its region and in the world.
type facetScore struct {
	facet         model.Facet
	value         float64
	ok            bool
	region, world model.Standing
}

// entry is a country of the region list.
type entry struct {
	c     model.Country
	score float64
}

// facts are the figures the page shows for one year: gathered once per
// year, laid out again on every resize.
type facts struct {
	year      int
	prevYear  bool // the dataset holds the year before, so growth can be measured
	hasGrowth bool // the domain has growth inputs
	presence  model.Explanation
	growth    model.Explanation
	scores    []facetScore // presence, growth (when the domain has it), overall

	// all is every country's overall score (NaN where missing), for the
	// histogram; mine is this country's.
	all       []float64
	mine      float64
	hasMine   bool
	withScore int // countries with an overall score
	lower     int // of them, those with a lower score than this country
	region    string
	ranked    []entry // the region's countries with a score, best first
}

func gather(d *model.Dataset, c model.Country, dom model.DomainID, year int) facts {
	f := facts{year: year, prevYear: d.HasYear(year - 1), hasGrowth: d.HasFacet(dom, model.Growth), region: c.WikimediaRegion}
	f.presence = d.RankFacet(dom, model.Presence, year).Explain(c.ISO2)
	facets := []model.Facet{model.Presence}
	if f.hasGrowth {
		f.growth = d.RankFacet(dom, model.Growth, year).Explain(c.ISO2)
		facets = append(facets, model.Growth)
	}
	facets = append(facets, model.Overall)
	for _, fc := range facets {
		fs := facetScore{facet: fc}
		fs.value, fs.ok = d.Score(c.ISO2, dom, fc, year)
		if fs.ok {
			fs.world, _ = d.Rank(c.ISO2, dom, fc, year, nil)
			fs.region, _ = d.RankInRegion(c.ISO2, dom, fc, year)
		}
		f.scores = append(f.scores, fs)
	}

	f.mine, f.hasMine = d.Score(c.ISO2, dom, model.Overall, year)
	f.all = make([]float64, len(d.Countries))
	for i, o := range d.Countries {
		v, ok := d.Score(o.ISO2, dom, model.Overall, year)
		if !ok {
			f.all[i] = math.NaN()
			continue
		}
		f.all[i] = v
		f.withScore++
		if f.hasMine && v < f.mine-1e-9 {
			f.lower++
		}
		if c.WikimediaRegion == "" || o.WikimediaRegion == c.WikimediaRegion {
			f.ranked = append(f.ranked, entry{o, v})
		}
	}
	sort.SliceStable(f.ranked, func(i, j int) bool {
		a, b := f.ranked[i], f.ranked[j]
		if a.score != b.score {
			return a.score > b.score
		}
		return a.c.Name < b.c.Name
	})
	return f
}

// score returns one of the three scores.
func (f facts) score(fc model.Facet) facetScore {
	for _, s := range f.scores {
		if s.facet == fc {
			return s
		}
	}
	return facetScore{facet: fc}
}

// shown is the part of the region list the page lists: the top and bottom
// five, and the country itself when it is in neither. A gap of -1 stands
// between runs that are not next to each other.
func (f facts) shown(iso2 string) []int {
	n := len(f.ranked)
	if n <= 10 {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	pick := map[int]bool{}
	for i := 0; i < 5; i++ {
		pick[i], pick[n-1-i] = true, true
	}
	for i, e := range f.ranked {
		if e.c.ISO2 == iso2 {
			pick[i] = true
		}
	}
	// A gap of one country is shown instead: "⋮ 1 more" takes as much room.
	for i := 1; i < n-1; i++ {
		if !pick[i] && pick[i-1] && pick[i+1] {
			pick[i] = true
		}
	}
	var out []int
	for i := 0; i < n; i++ {
		if !pick[i] {
			continue
		}
		if len(out) > 0 && out[len(out)-1] != i-1 {
			out = append(out, -1)
		}
		out = append(out, i)
	}
	return out
}
