package model

import "iter"

// scoreTable holds the scores in one array, indexed by country, domain,
// facet and year: a screen reads every country's score in every domain when
// the year changes, and a map keyed by three strings made that most of the
// keystroke's work. Scores outside the grid (a country, domain or facet the
// dataset does not list, which an import may still carry) are kept aside.
type scoreTable struct {
	iso2    []string // by the country index of the grid
	domains []DomainID
	first   int // the first year of the grid
	years   int // how many years it spans
	cells   []float64
	present []bool
	count   int
	extra   map[scoreKey]float64
}

// scoreFacets are the facets a score is kept for, in grid order.
func scoreFacets() [nScoreFacets]Facet { return [nScoreFacets]Facet{Presence, Growth, Overall} }

const nScoreFacets = 3

func facetIndex(f Facet) int {
	switch f {
	case Presence:
		return 0
	case Growth:
		return 1
	case Overall:
		return 2
	}
	return -1
}

// newScoreTable lays scores out for the dataset's countries (by the index
// countries gives) and the scored domains.
func newScoreTable(scores iter.Seq[Score], countries map[string]int) scoreTable {
	t := scoreTable{extra: map[scoreKey]float64{}}
	for iso2, i := range countries {
		if i >= len(t.iso2) {
			t.iso2 = append(t.iso2, make([]string, i+1-len(t.iso2))...)
		}
		t.iso2[i] = iso2
	}
	for _, dom := range Domains() {
		t.domains = append(t.domains, dom.ID)
	}
	lo, hi := 0, -1
	for s := range scores {
		if lo > hi {
			lo, hi = s.Year, s.Year
		}
		lo, hi = min(lo, s.Year), max(hi, s.Year)
	}
	if lo <= hi && hi-lo < 1000 {
		t.first, t.years = lo, hi-lo+1
		n := len(t.iso2) * len(t.domains) * nScoreFacets * t.years
		t.cells = make([]float64, n)
		t.present = make([]bool, n)
	}
	// Scores come in key order: a country's scores of a domain's facet are
	// placed in the grid once, not one by one.
	var at struct {
		iso2   string
		dom    DomainID
		facet  Facet
		cell   int
		inGrid bool
	}
	first := true
	for s := range scores {
		if first || s.ISO2 != at.iso2 || s.Domain != at.dom || s.Facet != at.facet {
			first = false
			at.iso2, at.dom, at.facet = s.ISO2, s.Domain, s.Facet
			at.cell, at.inGrid = t.series(countries, s.ISO2, s.Domain, s.Facet)
		}
		if y := s.Year - t.first; at.inGrid && y >= 0 && y < t.years {
			i := at.cell + y
			if !t.present[i] {
				t.count++
			}
			t.cells[i], t.present[i] = s.Score, true
			continue
		}
		k := scoreKey{s.ISO2, s.Domain, s.Facet, s.Year}
		if _, dup := t.extra[k]; !dup {
			t.count++
		}
		t.extra[k] = s.Score
	}
	return t
}

// at is the cell of a score, or false when it lies outside the grid.
func (t *scoreTable) at(countries map[string]int, iso2 string, dom DomainID, f Facet, year int) (int, bool) {
	y := year - t.first
	if y < 0 || y >= t.years {
		return 0, false
	}
	b, ok := t.series(countries, iso2, dom, f)
	return b + y, ok
}

// series is the first cell of a country's scores of a domain's facet, or
// false when they lie outside the grid.
func (t *scoreTable) series(countries map[string]int, iso2 string, dom DomainID, f Facet) (int, bool) {
	fi := facetIndex(f)
	if fi < 0 {
		return 0, false
	}
	di := -1
	for i, id := range t.domains {
		if id == dom {
			di = i
			break
		}
	}
	if di < 0 {
		return 0, false
	}
	c, ok := countries[iso2]
	if !ok {
		return 0, false
	}
	return ((c*len(t.domains)+di)*nScoreFacets + fi) * t.years, true
}

func (t *scoreTable) get(countries map[string]int, iso2 string, dom DomainID, f Facet, year int) (float64, bool) {
	if i, ok := t.at(countries, iso2, dom, f, year); ok {
		return t.cells[i], t.present[i]
	}
	v, ok := t.extra[scoreKey{iso2, dom, f, year}]
	return v, ok
}

// all lists every score, in no order.
func (t *scoreTable) all() []Score {
	out := make([]Score, 0, t.count)
	i := 0
	for _, iso2 := range t.iso2 {
		for _, dom := range t.domains {
			for _, f := range scoreFacets() {
				for y := range t.years {
					if t.present[i] {
						out = append(out, Score{iso2, dom, f, t.first + y, t.cells[i]})
					}
					i++
				}
			}
		}
	}
	for k, v := range t.extra {
		out = append(out, Score{k.iso2, k.domain, k.facet, k.year, v})
	}
	return out
}
