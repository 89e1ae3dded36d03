package model_test

import (
	"math"
	"reflect"
	"testing"

	"github.com/equitylandscape/equity/model"
)

// identical compares rankings float by float, bit for bit (NaN included):
// a cached ranking must be the very one computed afresh.
func identical(a, b model.FacetRanking) bool {
	bits := func(xs []float64) []uint64 {
		out := make([]uint64, len(xs))
		for i, x := range xs {
			out[i] = math.Float64bits(x)
		}
		return out
	}
	rows := func(xss [][]float64) [][]uint64 {
		var out [][]uint64
		for _, xs := range xss {
			out = append(out, bits(xs))
		}
		return out
	}
	return a.Domain == b.Domain && a.Facet == b.Facet && a.Year == b.Year &&
		reflect.DeepEqual(a.Inputs, b.Inputs) && reflect.DeepEqual(a.ISO2, b.ISO2) &&
		reflect.DeepEqual(rows(a.Values), rows(b.Values)) && reflect.DeepEqual(a.Divs, b.Divs) &&
		reflect.DeepEqual(rows(a.Ranks), rows(b.Ranks)) && reflect.DeepEqual(bits(a.Mean), bits(b.Mean)) &&
		reflect.DeepEqual(bits(a.Score), bits(b.Score)) && reflect.DeepEqual(a.Idle, b.Idle)
}

// TestRankFacetCached: a ranking asked for again, after others, is the one a
// fresh dataset computes on its first call, for every facet and year.
func TestRankFacetCached(t *testing.T) {
	d := bundled(t)
	for _, year := range d.Years {
		for _, dom := range model.Domains() {
			for _, f := range []model.Facet{model.Presence, model.Growth} {
				d.RankFacet(dom.ID, f, year) // fills the cache
			}
		}
	}
	for _, year := range []int{d.Years[0], d.LatestYear()} {
		for _, dom := range model.Domains() {
			for _, f := range []model.Facet{model.Presence, model.Growth} {
				fresh, err := model.New(d.Parts())
				if err != nil {
					t.Fatal(err)
				}
				want := fresh.RankFacet(dom.ID, f, year)
				if got := d.RankFacet(dom.ID, f, year); !identical(got, want) {
					t.Errorf("%s %s %d: the cached ranking differs from a fresh one", dom.ID, f, year)
				}
				if e, w := d.RankFacet(dom.ID, f, year).Explain("NG"), want.Explain("NG"); !reflect.DeepEqual(e, w) && !(math.IsNaN(e.Mean) && math.IsNaN(w.Mean)) {
					t.Errorf("%s %s %d: the explanation for NG differs: %+v, want %+v", dom.ID, f, year, e, w)
				}
			}
		}
	}
}

// TestStandingsKept: a standing found in the scores kept sorted, in the
// world or in the country's region, is the one counting the countries
// gives, before and after the scores change.
func TestStandingsKept(t *testing.T) {
	type standing func(d *model.Dataset, c model.Country, dom model.DomainID, f model.Facet, year int) (model.Standing, bool)
	tests := []struct {
		name      string
		kept      standing
		counted   standing
		noCountry standing
	}{
		{
			name: "world",
			kept: func(d *model.Dataset, c model.Country, dom model.DomainID, f model.Facet, year int) (model.Standing, bool) {
				return d.Rank(c.ISO2, dom, f, year, nil)
			},
			counted: func(d *model.Dataset, c model.Country, dom model.DomainID, f model.Facet, year int) (model.Standing, bool) {
				return d.Rank(c.ISO2, dom, f, year, func(model.Country) bool { return true })
			},
		},
		{
			name: "region",
			kept: func(d *model.Dataset, c model.Country, dom model.DomainID, f model.Facet, year int) (model.Standing, bool) {
				return d.RankInRegion(c.ISO2, dom, f, year)
			},
			counted: func(d *model.Dataset, c model.Country, dom model.DomainID, f model.Facet, year int) (model.Standing, bool) {
				if c.WikimediaRegion == "" {
					return model.Standing{}, false
				}
				return d.Rank(c.ISO2, dom, f, year, func(o model.Country) bool { return o.WikimediaRegion == c.WikimediaRegion })
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := bundled(t)
			check := func(when string) {
				t.Helper()
				bad := 0
				for _, year := range d.Years {
					for _, dom := range model.Domains() {
						for _, f := range []model.Facet{model.Presence, model.Growth, model.Overall} {
							for _, c := range d.Countries {
								got, gok := tt.kept(d, c, dom.ID, f, year)
								want, wok := tt.counted(d, c, dom.ID, f, year)
								if got != want || gok != wok {
									bad++
									if bad < 5 {
										t.Errorf("%s: %s %s %s %d: standing %+v %v, counting gives %+v %v", when, c.ISO2, dom.ID, f, year, got, gok, want, wok)
									}
								}
							}
						}
					}
				}
			}
			check("as loaded")
			// New scores, rounded so that ties appear: standings kept from
			// before would be wrong.
			scores := d.Scores()
			for i := range scores {
				scores[i].Score = math.Round(scores[i].Score / 20)
			}
			d.SetScores(scores)
			check("after SetScores")
			if _, ok := tt.kept(d, model.Country{ISO2: "XX", WikimediaRegion: "ESEAP"}, model.Readership, model.Overall, d.LatestYear()); ok {
				t.Error("an unknown country has a standing")
			}
		})
	}
}

// TestScoreClassKept: the classes kept per facet and year are the weakest
// class of each country's figures, read here from Provenance one by one,
// for every country, domain, facet and year of the bundled data.
func TestScoreClassKept(t *testing.T) {
	d := bundled(t)
	weakest := func(iso2 string, dom model.DomainID, f model.Facet, year int) (model.Class, bool) {
		var class model.Class
		found := false
		for _, ind := range d.Inputs(dom, f) {
			if pv, ok := d.Provenance(iso2, ind.ID, year); ok {
				if !found {
					class, found = pv.Class, true
				} else {
					class = model.Weaker(class, pv.Class)
				}
			}
		}
		return class, found
	}
	bad, seen := 0, map[model.Class]int{}
	for _, year := range d.Years {
		for _, dom := range model.Domains() {
			for _, f := range []model.Facet{model.Presence, model.Growth} {
				for _, c := range d.Countries {
					// Twice: the second answer comes from what the first kept.
					for range 2 {
						got, gok := d.ScoreClass(c.ISO2, dom.ID, f, year)
						want, wok := weakest(c.ISO2, dom.ID, f, year)
						seen[got]++
						if got != want || gok != wok {
							bad++
							if bad < 5 {
								t.Errorf("%s %s %s %d: class %q %v, its figures give %q %v", c.ISO2, dom.ID, f, year, got, gok, want, wok)
							}
						}
					}
				}
			}
		}
	}
	for _, c := range []model.Class{model.ClassReal, model.ClassEstimated, model.ClassModeled} {
		if seen[c] == 0 {
			t.Errorf("no score of class %q was checked: the bundled data should have all three", c)
		}
	}
}
