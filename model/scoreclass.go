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
	var class Class
	found := false
	for _, ind := range d.Indicators {
		if ind.Domain != dom || ind.Facet != f || ind.Weight <= 0 {
			continue
		}
		if pv, ok := d.Provenance(iso2, ind.ID, year); ok {
			if !found {
				class, found = pv.Class, true
			} else {
				class = Weaker(class, pv.Class)
			}
		}
	}
	return class, found
}
