package model

import (
	"fmt"
	"strings"
)

// YearFigures counts one year's figures of the scored domains' inputs by
// class, presence figures and growth rates, and the domains that have any;
// inputs scored from their most recent figure (Indicator.MostRecent) are
// left out.
type YearFigures struct {
	Real, Estimated, Modeled int
	Domains                  map[DomainID]bool
}

// All is the number of figures.
func (t YearFigures) All() int { return t.Real + t.Estimated + t.Modeled }

// Published is the share, 0–1, of the figures that are real or estimated.
func (t YearFigures) Published() float64 {
	if t.All() == 0 {
		return 0
	}
	return float64(t.Real+t.Estimated) / float64(t.All())
}

// YearFigures returns the year's count of figures by class; the status
// line shows it on every frame, so it is counted once, when the dataset is
// built.
func (d *Dataset) YearFigures(year int) YearFigures { return d.yearFigures[year] }

// NoFigures reports whether no country has a figure of the domain's inputs
// in the year, while some year has: the dataset's figures of the domain
// stop short of it.
func (d *Dataset) NoFigures(dom DomainID, year int) bool {
	if d.yearFigures[year].Domains[dom] {
		return false
	}
	for _, t := range d.yearFigures {
		if t.Domains[dom] {
			return true
		}
	}
	return false
}

// NoFiguresNote says a score is missing because the year has no figures of
// its domain at all.
const NoFiguresNote = "none this year"

// tallied is, by indicator index, the domain whose figures the year tally
// counts an indicator's figures in ("" for none): the presence inputs of
// the scored domains, but those scored from their most recent figure (the
// World Bank's access figures), which say nothing of which years the
// Wikimedia figures are published for. rated says which of them a growth
// input rates: a growth rate is a figure of its year too, as good as the
// weaker of its two years (Provenance).
func (d *Dataset) tallied() (tallied []DomainID, rated []bool) {
	tallied, rated = make([]DomainID, len(d.Indicators)), make([]bool, len(d.Indicators))
	for _, dom := range Domains() {
		for i, ind := range d.Indicators {
			if ind.Domain != dom.ID || ind.Facet != Presence || ind.Weight <= 0 || ind.MostRecent() {
				continue
			}
			tallied[i] = dom.ID
			for _, g := range d.Indicators {
				rated[i] = rated[i] || g.GrowthOf == ind.ID && g.Weight > 0
			}
		}
	}
	return tallied, rated
}

// tallyYears counts the figures of every series (yearFigures). Building a
// dataset tallies them as it files them (settle); this is for when a
// series was filed in pieces or out of year order.
func (d *Dataset) tallyYears() map[int]YearFigures {
	tallied, rated := d.tallied()
	var t yearTally
	for i, ind := range d.Indicators {
		if tallied[i] == "" {
			continue
		}
		for _, byInd := range d.obs {
			t.series(byInd[ind.ID], tallied[i], rated[i])
		}
	}
	return t.figures()
}

// yearTally counts figures by year and class, and the domains each year
// has figures of (YearFigures). A figure's tally is found by its year's
// place in the span of years counted, with the domain last marked in it: a
// map lookup or two per figure was most of the tally.
type yearTally struct {
	first  int
	years  []*YearFigures
	marked []DomainID
}

// series counts the figures of a series in year order, and its growth
// rates when rated.
func (t *yearTally) series(s Series, dom DomainID, rated bool) {
	for i, p := range s {
		t.count(p.Year, dom, p.Class())
		if !rated || i == 0 || s[i-1].Year != p.Year-1 || s[i-1].Value == 0 {
			continue
		}
		if class, ok := rateClass(p.Class(), s[i-1].Class()); ok {
			t.count(p.Year, dom, class)
		}
	}
}

func (t *yearTally) count(year int, dom DomainID, c Class) {
	i := t.at(year)
	y := t.year(i)
	if t.marked[i] != dom {
		y.Domains[dom] = true
		t.marked[i] = dom
	}
	switch c {
	case ClassModeled:
		y.Modeled++
	case ClassEstimated:
		y.Estimated++
	default:
		y.Real++
	}
}

// year is the tally at place i, made when it is the first.
func (t *yearTally) year(i int) *YearFigures {
	if t.years[i] == nil {
		t.years[i] = &YearFigures{Domains: map[DomainID]bool{}}
	}
	return t.years[i]
}

// at is year's place in the span, which grows to hold it.
func (t *yearTally) at(year int) int {
	switch {
	case len(t.years) == 0:
		t.first, t.years, t.marked = year, make([]*YearFigures, 1, 16), make([]DomainID, 1, 16)
	case year < t.first:
		n := t.first - year
		t.years = append(make([]*YearFigures, n, n+len(t.years)), t.years...)
		t.marked = append(make([]DomainID, n, n+len(t.marked)), t.marked...)
		t.first = year
	case year >= t.first+len(t.years):
		n := year - t.first - len(t.years) + 1
		t.years = append(t.years, make([]*YearFigures, n)...)
		t.marked = append(t.marked, make([]DomainID, n)...)
	}
	return year - t.first
}

// add counts o's figures too.
func (t *yearTally) add(o yearTally) {
	for i, y := range o.years {
		if y == nil {
			continue
		}
		n := t.year(t.at(o.first + i))
		n.Real, n.Estimated, n.Modeled = n.Real+y.Real, n.Estimated+y.Estimated, n.Modeled+y.Modeled
		for dom := range y.Domains {
			n.Domains[dom] = true
		}
	}
}

// figures are the tallies by year.
func (t yearTally) figures() map[int]YearFigures {
	out := make(map[int]YearFigures, len(t.years))
	for i, y := range t.years {
		if y != nil {
			out[t.first+i] = *y
		}
	}
	return out
}

// Opening is the year screens and commands open on, and why, so that a
// screen can say it: a published figure beats a modeled one, so the year
// to start from is one whose scores rest on published figures.
type Opening struct {
	Year int
	// Published is the share, 0–1, of the year's figures of scored inputs
	// that are real or estimated rather than modeled.
	Published float64
	// Solid is true when most of those figures are real or estimated.
	Solid bool
	// With are the scored domains that have figures in Year, Without the
	// ones that have figures in other years but none in this one.
	With, Without []Domain
}

// DefaultYear is the year screens and commands open on (Opening).
func (d *Dataset) DefaultYear() int { return d.opening.Year }

// Opening returns the year to open on and why.
func (d *Dataset) Opening() Opening {
	o := d.opening
	o.With, o.Without = append([]Domain(nil), o.With...), append([]Domain(nil), o.Without...)
	return o
}

// choose picks the year to open on. Among the years whose scores rest
// mostly on real or estimated figures it takes the one with figures in the
// most domains, the latest of those; so a release of page views alone
// after a year of published figures in every domain does not move it
// there. When no year rests mostly on published figures, it is the latest
// year with figures in the most domains, where the figures are modeled.
func (d *Dataset) choose() Opening {
	best, bestSolid, bestDomains := 0, false, -1
	for _, y := range d.Years {
		t := d.yearFigures[y]
		if t.All() == 0 {
			continue
		}
		solid := t.Published() > 0.5
		if solid && !bestSolid || solid == bestSolid && len(t.Domains) >= bestDomains {
			best, bestSolid, bestDomains = y, solid, len(t.Domains)
		}
	}
	if best == 0 {
		return Opening{Year: d.LatestYear()}
	}
	t := d.yearFigures[best]
	o := Opening{Year: best, Solid: bestSolid, Published: t.Published()}
	some := map[DomainID]bool{}
	for _, yt := range d.yearFigures {
		for dom := range yt.Domains {
			some[dom] = true
		}
	}
	for _, dom := range Domains() {
		switch {
		case t.Domains[dom.ID]:
			o.With = append(o.With, dom)
		case some[dom.ID]:
			o.Without = append(o.Without, dom)
		}
	}
	return o
}

// Why says in one sentence why the year was chosen and what it lacks.
func (o Opening) Why() string {
	why := o.Reason()
	if o.Year != 0 {
		why = fmt.Sprintf("%d is %s", o.Year, why)
	}
	if len(o.Without) > 0 {
		names := make([]string, len(o.Without))
		for i, dom := range o.Without {
			names[i] = dom.Name
		}
		verb := "have"
		if len(names) == 1 {
			verb = "has"
		}
		why += fmt.Sprintf("; %s %s no figures in %d", strings.Join(names, ", "), verb, o.Year)
	}
	return why
}

// Reason says why the year was chosen: "the latest year whose ...".
func (o Opening) Reason() string {
	switch {
	case o.Year == 0:
		return "the database has no Wikimedia activity figures"
	case o.Solid:
		return fmt.Sprintf("the latest year whose scores rest mostly on published figures (%s real or estimated)", SharePercent(o.Published))
	}
	return fmt.Sprintf("the latest year with figures in the most domains, though most of them are modeled (%s real or estimated)", SharePercent(o.Published))
}

// SharePercent writes a share, 0–1, as a whole percentage, never rounding
// a part to 0% or 100%: "under 1%", "over 99%".
func SharePercent(share float64) string {
	p := share * 100
	switch {
	case share > 0 && p < 1:
		return "under 1%"
	case share < 1 && p > 99:
		return "over 99%"
	}
	return fmt.Sprintf("%.0f%%", p)
}

// LatestFullYear is the latest year with figures in every scored domain
// that has figures at all, or 0 when no year has: in the bundled sample,
// the last year it models.
func (d *Dataset) LatestFullYear() int {
	for i := len(d.Years) - 1; i >= 0; i-- {
		full := true
		for _, dom := range Domains() {
			full = full && !d.NoFigures(dom.ID, d.Years[i])
		}
		if full {
			return d.Years[i]
		}
	}
	return 0
}
