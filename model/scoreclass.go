package model

// ScoreClass is the class of a score: the weakest class of the figures it
// rests on (a score over one modeled input is modeled, however real the
// others are), so that a screen or an export never calls a score real or
// published when part of it is modeled, nor modeled when none of it is.
// It reports false when the country has no figure of the domain's inputs
// in that facet and year.
func (d *Dataset) ScoreClass(iso2 string, dom DomainID, f Facet, year int) (Class, bool) {
	if f == Overall {
		p, okP := d.ScoreClass(iso2, dom, Presence, year)
		g, okG := d.ScoreClass(iso2, dom, Growth, year)
		switch {
		case okP && okG:
			return Weaker(p, g), true
		case okP:
			return p, true
		}
		return g, okG
	}
	c, known := d.country[iso2]
	if d.ranks == nil || !known {
		fc := d.facetClass(iso2, dom, f, year)
		return fc.class, fc.ok
	}
	fc := d.ranks.facetClasses(rankKey{dom, f, year}, func() []facetClass {
		out := make([]facetClass, len(d.Countries))
		for i, country := range d.Countries {
			out[i] = d.facetClass(country.ISO2, dom, f, year)
		}
		return out
	})[c]
	return fc.class, fc.ok
}

// facetClass is the class of a country's score in a facet, if it has
// figures there.
type facetClass struct {
	class Class
	ok    bool
}

// facetClasses returns every country's class of a facet and year, reading
// each figure's provenance once per dataset.
func (c *rankCache) facetClasses(k rankKey, list func() []facetClass) []facetClass {
	return kept(&c.mu, c.classes, k, list)
}

// facetClass is ScoreClass of one presence or growth facet, uncached.
func (d *Dataset) facetClass(iso2 string, dom DomainID, f Facet, year int) facetClass {
	var class Class
	found := false
	for _, id := range d.facetInputs[facetKey{dom, f}] {
		if pv, ok := d.Provenance(iso2, id, year); ok {
			if !found {
				class, found = pv.Class, true
			} else {
				class = Weaker(class, pv.Class)
			}
		}
	}
	return facetClass{class, found}
}

// facetKey names a domain's facet.
type facetKey struct {
	dom   DomainID
	facet Facet
}

// findFacetInputs lists each domain's scored inputs by facet: ScoreClass
// asks for them for every cell of a table.
func (d *Dataset) findFacetInputs() map[facetKey][]string {
	out := map[facetKey][]string{}
	for _, ind := range d.Indicators {
		if ind.Weight > 0 && ind.Facet != Context {
			k := facetKey{ind.Domain, ind.Facet}
			out[k] = append(out[k], ind.ID)
		}
	}
	return out
}
