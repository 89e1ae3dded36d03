package model

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
)

// Bounds are the range a published figure is known to lie in. The public
// Geoeditors release gives editor counts in buckets of ten, so an imported
// editor count is the middle of its bounds, and the bounds are kept beside
// it.
type Bounds struct {
	Lower, Upper float64
}

// BoundObservation is the range of one observation.
type BoundObservation struct {
	ISO2      string
	Indicator string
	Year      int
	Bounds
}

// CountryWiki is how many of a country's editors work on one wiki in a year
// (the yearly mean of the monthly counts, as bounds): which language
// editions a country's editors write.
type CountryWiki struct {
	ISO2       string
	Wiki       string // database code: "hawiki"
	Year       int
	Editors    Bounds // active editors, 5 or more edits a month
	VeryActive Bounds // of them, 100 or more edits a month
}

// Mid is the middle of the bounds: the figure scoring uses.
func (b Bounds) Mid() float64 { return (b.Lower + b.Upper) / 2 }

// boundKey indexes bounds like observations.
type boundKey struct {
	iso2, indicator string
	year            int
}

// Bounds returns the range of an observation, when one was published.
func (d *Dataset) Bounds(iso2, indicator string, year int) (Bounds, bool) {
	b, ok := d.bounds[boundKey{iso2, indicator, year}]
	return b, ok
}

// AllBounds returns every range, ordered, for writing a database.
func (d *Dataset) AllBounds() []BoundObservation {
	out := make([]BoundObservation, 0, len(d.bounds))
	for _, k := range cellKeys(d.bounds) {
		out = append(out, BoundObservation{k.iso2, k.indicator, k.year, d.bounds[k]})
	}
	return out
}

// CountryWikis returns the wikis a country's editors work on in a year,
// most editors first.
func (d *Dataset) CountryWikis(iso2 string, year int) []CountryWiki {
	var out []CountryWiki
	for _, cw := range d.countryWikis[iso2] {
		if cw.Year == year {
			out = append(out, cw)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Editors.Mid() != out[j].Editors.Mid() {
			return out[i].Editors.Mid() > out[j].Editors.Mid()
		}
		return out[i].Wiki < out[j].Wiki
	})
	return out
}

// AllCountryWikis returns every country × wiki figure, ordered, for writing
// a database.
func (d *Dataset) AllCountryWikis() []CountryWiki {
	var out []CountryWiki
	for _, cws := range d.countryWikis {
		out = append(out, cws...)
	}
	slices.SortFunc(out, func(a, b CountryWiki) int {
		return cmp.Or(cmp.Compare(a.ISO2, b.ISO2), cmp.Compare(a.Wiki, b.Wiki), cmp.Compare(a.Year, b.Year))
	})
	return out
}

// indexBounds checks and indexes the ranges and country × wiki figures of
// the parts.
func (d *Dataset) indexBounds(p Parts) error {
	d.bounds = make(map[boundKey]Bounds, len(p.Bounds))
	for _, b := range p.Bounds {
		if _, ok := d.country[b.ISO2]; !ok {
			return fmt.Errorf("bounds of %s for unknown country %s", b.Indicator, b.ISO2)
		}
		if _, ok := d.indicator[b.Indicator]; !ok {
			return fmt.Errorf("bounds for %s of unknown indicator %s", b.ISO2, b.Indicator)
		}
		if !finite(b.Lower) || !finite(b.Upper) || b.Lower > b.Upper {
			return fmt.Errorf("bounds of %s for %s in %d are not a range (%v to %v)", b.Indicator, b.ISO2, b.Year, b.Lower, b.Upper)
		}
		d.bounds[boundKey{b.ISO2, b.Indicator, b.Year}] = b.Bounds
	}
	d.countryWikis = map[string][]CountryWiki{}
	for _, cw := range p.CountryWikis {
		if _, ok := d.country[cw.ISO2]; !ok {
			return fmt.Errorf("wiki %s listed for unknown country %s", cw.Wiki, cw.ISO2)
		}
		d.countryWikis[cw.ISO2] = append(d.countryWikis[cw.ISO2], cw)
	}
	return nil
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// BucketWidth is the width of the buckets in which raw counts of protected
// countries are shown, as the public Geoeditors release gives counts: 1–10,
// 11–20, and so on.
const BucketWidth = 10.0

// Bucket is the bucket a count falls in: 0 is its own bucket; otherwise
// [10k+1, 10k+10].
func Bucket(v float64) Bounds {
	if v <= 0 {
		return Bounds{0, 0}
	}
	hi := math.Ceil(v/BucketWidth) * BucketWidth
	return Bounds{hi - BucketWidth + 1, hi}
}

// IsCount reports whether an indicator counts people or things (editors,
// pageviews, affiliates) rather than measuring a share or an amount of
// money. National statistics (Access) are rates, and the affiliates' size
// class and governance type are grades, not counts.
func (i Indicator) IsCount() bool {
	if i.Facet == Context || i.Derived() || i.MostRecent() {
		return false
	}
	switch i.ID {
	case IndAffMaxSize, IndAffGovernance, IndAffSizeGrowth:
		return false
	}
	u := strings.ToLower(i.Unit)
	return !strings.Contains(u, "%") && !strings.Contains(u, "us$")
}

// Exact reports whether an observation of the indicator may be shown
// exactly for the country. Imported raw counts of a country on the
// protection list are shown only in buckets (Bucket), as the public
// Geoeditors release does; modeled figures are not anyone's data, and
// scores are always shown.
func (d *Dataset) Exact(c Country, ind Indicator) bool {
	return !(c.Protected && ind.IsCount() && d.hasPublished(c.ISO2, ind))
}

// hasPublished reports whether any figure of a country's input is real or
// estimated (the indicator's own mark when the country has none). A
// protected country's counts are bucketed in every year once one is: a
// modeled year beside a real one would tell the real one apart.
func (d *Dataset) hasPublished(iso2 string, ind Indicator) bool {
	s := d.obs[iso2][ind.ID]
	if len(s) == 0 {
		return !ind.Modeled
	}
	for _, p := range s {
		if p.Class() != ClassModeled {
			return true
		}
	}
	return false
}

// Shown is how an observation of the indicator may be shown for the
// country: exactly (Bounds{v, v} and true), or, for an imported raw count of
// a country on the protection list (see Exact), only as the bucket it falls
// in (Bucket(v) and false). Whoever prints or exports a country's
// observation goes through Shown.
func (d *Dataset) Shown(c Country, ind Indicator, v float64) (Bounds, bool) {
	if d.Exact(c, ind) {
		return Bounds{v, v}, true
	}
	return Bucket(v), false
}
