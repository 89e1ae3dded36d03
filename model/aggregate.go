package model

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Grouping is a way of putting countries into regions.
type Grouping string

// The groupings the compare view and `equity regions` offer.
const (
	GroupWikimedia Grouping = "wikimedia" // the 8 Wikimedia regions of 2022
	GroupSubregion Grouping = "subregion" // UN sub-regions
	GroupContinent Grouping = "continent" // UN continents
	GroupEmerging  Grouping = "emerging"  // emerging-community classification
	GroupEconomic  Grouping = "economic"  // Global North / Global South
)

// NotClassified names the group of countries a grouping leaves out (no
// emerging classification, say).
const NotClassified = "Not classified"

// Groupings lists the groupings in the order they cycle.
func Groupings() []Grouping {
	return []Grouping{GroupWikimedia, GroupSubregion, GroupContinent, GroupEmerging, GroupEconomic}
}

// ParseGrouping reads a grouping's name.
func ParseGrouping(s string) (Grouping, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	for _, g := range Groupings() {
		if k == string(g) {
			return g, nil
		}
	}
	names := make([]string, 0, 5)
	for _, g := range Groupings() {
		names = append(names, string(g))
	}
	return "", fmt.Errorf("unknown grouping %q; use one of %s", s, strings.Join(names, ", "))
}

// Title names a grouping for headings.
func (g Grouping) Title() string {
	switch g {
	case GroupWikimedia:
		return "Wikimedia regions"
	case GroupSubregion:
		return "UN sub-regions"
	case GroupContinent:
		return "UN continents"
	case GroupEmerging:
		return "Emerging-community classes"
	case GroupEconomic:
		return "Global North and South"
	}
	return string(g)
}

// Of is the group a country is in, or "" when the grouping has no place
// for it (a country without a Wikimedia region: Antarctica). Countries the
// emerging classification leaves out form the NotClassified group.
func (g Grouping) Of(c Country) string {
	switch g {
	case GroupWikimedia:
		return c.WikimediaRegion
	case GroupSubregion:
		return c.UNSubregion
	case GroupContinent:
		return c.UNContinent
	case GroupEmerging:
		if c.EmergingClass == "" {
			return NotClassified
		}
		return c.EmergingClass
	case GroupEconomic:
		return c.EconomicRegion
	}
	return ""
}

// Filter is the filter-language expression that selects a group's
// countries, for opening the countries table on it.
func (g Grouping) Filter(group string) string {
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }
	switch g {
	case GroupWikimedia:
		return "region:" + q(group)
	case GroupSubregion:
		return "subregion:" + q(group)
	case GroupContinent:
		return "continent:" + q(group)
	case GroupEmerging:
		if group == NotClassified {
			return "-class:developed -class:emerging -class:least"
		}
		return "class:" + q(group)
	case GroupEconomic:
		return "economic:" + q(group)
	}
	return ""
}

// The activity inputs whose totals the movement's shares are made of.
const (
	ShareReaders    = IndDevices       // unique devices
	ShareEditors    = IndWPEditors     // Wikipedia active editors
	ShareGrants     = IndGrantsYearUSD // grant dollars in the year
	ShareAffiliates = IndAffiliates    // affiliates
)

// Part is a region's share of a world total: its amount, the total, and the
// share in percent. OK is false when no country of the region has a value.
type Part struct {
	Amount float64
	Share  float64 // percent of the world total
	OK     bool
}

// Ratio is a representation ratio: the region's share of something of the
// movement's divided by its share of the world's internet users. Below 1
// the region is underrepresented. This is this project's measure, not one
// the Equity Landscape publishes.
type Ratio struct {
	Value float64
	OK    bool
}

// DomainSummary is how a region's countries score in a domain.
type DomainSummary struct {
	Domain DomainID
	// WeightedMean is the countries' overall scores averaged with their
	// populations as weights: what the region's people see on average.
	WeightedMean float64
	HasWeighted  bool
	// Median is the middle country's score: what the region's countries
	// see, whatever their size.
	Median float64
	Scored int  // countries with a score
	OK     bool // there is a median: at least one country has a score
}

// Region is a group of countries summed up.
type Region struct {
	Name      string
	Countries []Country // by name
	// Population and internet users (population × internet share, over
	// the countries that have both figures), and their shares of the world.
	Population    Part
	InternetUsers Part
	Domains       []DomainSummary // in Domains() order
	// The region's part of the movement: readers (unique devices), editors
	// (Wikipedia active editors), grant dollars of the year, affiliates.
	Readers, Editors, Grants, Affiliates Part
	// Representation: the readers', editors' and grants' share over the
	// internet users' share.
	ReadersRatio, EditorsRatio, GrantsRatio Ratio
}

// Aggregates are the regions of a grouping in a year.
type Aggregates struct {
	Grouping Grouping
	Year     int
	Regions  []Region // by name, NotClassified last
	// World holds the totals the shares are of: every country of the
	// dataset, those outside any group included.
	World Region
}

// Aggregate sums up the countries of every group of a grouping, for a year.
// Context figures are the latest at or before the year (ContextAt);
// activity figures are the year's own. A country without a figure adds
// nothing to a sum and is left out of a mean or median.
func (d *Dataset) Aggregate(g Grouping, year int) Aggregates {
	byName := map[string]*Region{}
	var order []string
	world := &Region{Name: "World"}
	for _, c := range d.Countries {
		d.addCountry(world, c, year)
		name := g.Of(c)
		if name == "" {
			continue
		}
		r, ok := byName[name]
		if !ok {
			r = &Region{Name: name}
			byName[name] = r
			order = append(order, name)
		}
		d.addCountry(r, c, year)
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if (a == NotClassified) != (b == NotClassified) {
			return b == NotClassified
		}
		return a < b
	})
	out := Aggregates{Grouping: g, Year: year}
	d.finish(world, world, year)
	for _, name := range order {
		r := byName[name]
		d.finish(r, world, year)
		out.Regions = append(out.Regions, *r)
	}
	out.World = *world
	return out
}

// addCountry adds a country's figures to a region's sums.
func (d *Dataset) addCountry(r *Region, c Country, year int) {
	r.Countries = append(r.Countries, c)
	pop, okPop := d.ContextAt(c.ISO2, IndPopulation, year)
	if okPop {
		r.Population.Amount += pop.Value
		r.Population.OK = true
	}
	if net, ok := d.ContextAt(c.ISO2, IndInternet, year); ok && okPop {
		r.InternetUsers.Amount += pop.Value * net.Value / 100
		r.InternetUsers.OK = true
	}
	for _, p := range []struct {
		part *Part
		ind  string
	}{{&r.Readers, ShareReaders}, {&r.Editors, ShareEditors}, {&r.Grants, ShareGrants}, {&r.Affiliates, ShareAffiliates}} {
		if v, ok := d.Value(c.ISO2, p.ind, year); ok {
			// A protected country's imported count enters the sums as the
			// middle of its bucket: an exact sum, less its neighbours'
			// exact counts, would give its count away.
			if ind, known := d.Indicator(p.ind); known {
				if b, exact := d.Shown(c, ind, v); !exact {
					v = b.Mid()
				}
			}
			p.part.Amount += v
			p.part.OK = true
		}
	}
}

// finish computes a region's shares of the world and its domain summaries.
func (d *Dataset) finish(r, world *Region, year int) {
	for _, p := range []struct{ part, total *Part }{
		{&r.Population, &world.Population}, {&r.InternetUsers, &world.InternetUsers},
		{&r.Readers, &world.Readers}, {&r.Editors, &world.Editors},
		{&r.Grants, &world.Grants}, {&r.Affiliates, &world.Affiliates},
	} {
		if p.part.OK && p.total.Amount > 0 {
			p.part.Share = 100 * p.part.Amount / p.total.Amount
		}
	}
	r.ReadersRatio = ratio(r.Readers, r.InternetUsers)
	r.EditorsRatio = ratio(r.Editors, r.InternetUsers)
	r.GrantsRatio = ratio(r.Grants, r.InternetUsers)

	r.Domains = r.Domains[:0]
	scores := make([]float64, 0, len(r.Countries))
	pops := make([]float64, len(r.Countries)) // 0 where unknown
	for i, c := range r.Countries {
		if pop, ok := d.ContextAt(c.ISO2, IndPopulation, year); ok && pop.Value > 0 {
			pops[i] = pop.Value
		}
	}
	for _, dom := range Domains() {
		ds := DomainSummary{Domain: dom.ID}
		scores = scores[:0]
		var sum, weight float64
		for i, c := range r.Countries {
			s, ok := d.Score(c.ISO2, dom.ID, Overall, year)
			if !ok {
				continue
			}
			scores = append(scores, s)
			sum += s * pops[i]
			weight += pops[i]
		}
		ds.Scored = len(scores)
		if len(scores) > 0 {
			ds.Median, ds.OK = median(scores), true
		}
		if weight > 0 {
			ds.WeightedMean, ds.HasWeighted = sum/weight, true
		}
		r.Domains = append(r.Domains, ds)
	}
}

func ratio(part, internet Part) Ratio {
	if !part.OK || !internet.OK || internet.Share <= 0 {
		return Ratio{}
	}
	return Ratio{Value: part.Share / internet.Share, OK: true}
}

// median sorts xs in place and returns its middle value (the mean of the
// two middle values for an even count).
func median(xs []float64) float64 {
	sort.Float64s(xs)
	n := len(xs)
	if n == 0 {
		return math.NaN()
	}
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}
