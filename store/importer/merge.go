package importer

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/equitylandscape/equity/model"
)

// release is what one file (or one set of monthly files) gives an import.
//
// A full release (a World Bank indicator file, a Geoeditors month, a month
// of page views by country) publishes its indicators for every country it
// covers: it replaces those indicators in the years it covers, and a
// country it leaves out becomes missing with the reason the release gives,
// never zero. A partial release (the project's long CSV) changes only the
// cells it lists.
type release struct {
	name   string // the file, or files, for messages
	path   string // the file problems name
	source string // the sources row its figures cite
	full   bool
	// years are, for a full release, the years of each indicator it
	// replaces.
	years    map[string][]int
	obs      []model.Observation
	bounds   []model.BoundObservation
	noise    []model.Noise
	readings []model.Reading
	// wikiYears are the years whose country × wiki figures it replaces.
	wikiYears []int
	wikis     []model.CountryWiki
	// absent says why a country is not in a full release.
	absent func(model.Country) string
	// leftOut, when set, are the only countries marked missing: a World
	// Bank file lists every economy it knows, and one with a row but no
	// figure for a year simply has none published (screens show its
	// latest earlier one).
	leftOut map[string]bool
}

// Change counts what an import does to one indicator in one year.
type Change struct {
	Indicator string
	Year      int
	Added     int // cells with no figure before and one now
	Changed   int // cells whose figure or class is another now
	Cleared   int // cells with a figure before and none now (missing, with the reason)
}

// String is a line of the --check report.
func (c Change) String() string {
	return fmt.Sprintf("%-32s %4d  %4d added  %4d changed  %4d cleared", c.Indicator, c.Year, c.Added, c.Changed, c.Cleared)
}

// reasonProtected is why a protected country is never in a Wikimedia
// release of per-country figures.
const reasonProtected = "not in the release: protected country (the Wikimedia Country and Territory Protection List)"

// absentFrom returns the reason a country is not in a full release: the
// protection list for Wikimedia releases, else the release's own reason.
func absentFrom(wikimedia bool, otherwise string) func(model.Country) string {
	return func(c model.Country) string {
		if wikimedia && c.Protected {
			return reasonProtected
		}
		return otherwise
	}
}

// merged is the cells of a dataset while an import changes them.
type merged struct {
	cells    map[cellKey]model.Observation
	bounds   map[cellKey]model.Bounds
	noise    map[cellKey]model.Noise
	missing  map[cellKey]model.Missing
	readings map[readingKey]model.Reading
	wikis    map[wikiKey]model.CountryWiki // the base's
	dropped  int                           // the base's figures of countries the import has not
	// newWikis are the releases' country × wiki figures: a release
	// replaces whole years of them, and two releases of one year are
	// refused, so they need no map (a year of Geoeditors has hundreds of
	// thousands).
	newWikis [][]model.CountryWiki
}

type cellKey struct {
	iso2, indicator string
	year            int
}

type readingKey struct {
	iso2, project string
	year          int
	period        string
}

type wikiKey struct {
	iso2, wiki string
	year       int
}

// mergeReleases applies the releases to the base's cells, for the countries
// of the import. Two files of one import that give the same cell, or cover
// the same indicator and year in full, are refused: which one is right is
// the user's call, not the importer's.
func (b *builder) mergeReleases(countries []model.Country) (*merged, []Change, Problems) {
	var ps Problems
	known := map[string]bool{}
	for _, c := range countries {
		known[c.ISO2] = true
	}
	base := b.base
	all := base.Observations()
	m := &merged{
		// Sized for the base's cells: growing two maps of tens of
		// thousands doubles what an import allocates.
		cells:    make(map[cellKey]model.Observation, len(all)),
		bounds:   map[cellKey]model.Bounds{},
		noise:    map[cellKey]model.Noise{},
		missing:  map[cellKey]model.Missing{},
		readings: map[readingKey]model.Reading{},
		wikis:    map[wikiKey]model.CountryWiki{},
	}
	before := make(map[cellKey]model.Observation, len(all))
	for _, o := range all {
		if !known[o.ISO2] {
			m.dropped++
			continue
		}
		k := cellKey{o.ISO2, o.Indicator, o.Year}
		m.cells[k] = o
		before[k] = o
	}
	for _, bo := range base.AllBounds() {
		if known[bo.ISO2] {
			m.bounds[cellKey{bo.ISO2, bo.Indicator, bo.Year}] = bo.Bounds
		}
	}
	for _, n := range base.AllNoise() {
		if known[n.ISO2] {
			m.noise[cellKey{n.ISO2, n.Indicator, n.Year}] = n
		}
	}
	for _, x := range base.AllMissing() {
		if known[x.ISO2] {
			m.missing[cellKey{x.ISO2, x.Indicator, x.Year}] = x
		}
	}
	for _, r := range base.AllReadings() {
		if known[r.ISO2] {
			m.readings[readingKey{r.ISO2, r.Project, r.Year, r.Period}] = r
		}
	}
	for _, cw := range base.AllCountryWikis() {
		if known[cw.ISO2] {
			m.wikis[wikiKey{cw.ISO2, cw.Wiki, cw.Year}] = cw
		}
	}

	// Full releases first, each clearing what it replaces; then the cells
	// of every release. A cell given twice in this import is refused.
	type cover struct {
		indicator string
		year      int
	}
	coveredBy := map[cover]string{}
	for _, r := range b.releases {
		if !r.full {
			continue
		}
		for _, ind := range sortedKeys(r.years) {
			var twice []int
			prev := ""
			for _, y := range r.years[ind] {
				if p, dup := coveredBy[cover{ind, y}]; dup {
					twice, prev = append(twice, y), p
					continue
				}
				coveredBy[cover{ind, y}] = r.name
				for _, c := range countries {
					k := cellKey{c.ISO2, ind, y}
					delete(m.cells, k)
					delete(m.bounds, k)
					delete(m.noise, k)
					delete(m.missing, k)
				}
			}
			if len(twice) > 0 {
				ps = append(ps, Problem{File: r.path, Msg: fmt.Sprintf("gives %s for %s, which %s gives too: import one of them", ind, joinYears(twice), prev), Fatal: true})
			}
		}
		if len(r.wikiYears) > 0 {
			ys := map[int]bool{}
			for _, y := range r.wikiYears {
				ys[y] = true
			}
			for k := range m.wikis {
				if ys[k.year] {
					delete(m.wikis, k)
				}
			}
		}
		projects := map[[2]string]bool{}
		for _, rd := range r.readings {
			projects[[2]string{rd.Project, rd.Period}] = true
		}
		for k := range m.readings {
			if projects[[2]string{k.project, k.period}] {
				delete(m.readings, k)
			}
		}
	}
	givenBy := map[cellKey]string{}
	for _, r := range b.releases {
		type clash struct{ ind, other string }
		clashes := map[clash][]string{} // → the cells, "NG 2023"
		var order []clash
		for _, o := range r.obs {
			if !known[o.ISO2] {
				continue
			}
			k := cellKey{o.ISO2, o.Indicator, o.Year}
			prev, dup := givenBy[k]
			if !dup && !r.full {
				prev, dup = coveredBy[cover{o.Indicator, o.Year}]
			}
			if dup && prev != r.name {
				c := clash{o.Indicator, prev}
				if _, seen := clashes[c]; !seen {
					order = append(order, c)
				}
				clashes[c] = append(clashes[c], fmt.Sprintf("%s %d", o.ISO2, o.Year))
				continue
			}
			givenBy[k] = r.name
			m.cells[k] = o
			delete(m.missing, k)
			if !r.full {
				// A figure given by hand drops the range and noise of
				// the one it replaces.
				delete(m.bounds, k)
				delete(m.noise, k)
			}
		}
		for _, c := range order {
			cells := clashes[c]
			more := ""
			if len(cells) > 3 {
				more = fmt.Sprintf(" and %d more", len(cells)-3)
				cells = cells[:3]
			}
			ps = append(ps, Problem{File: r.path, Msg: fmt.Sprintf("gives %s for %s%s, which %s gives too: import one of them", c.ind, strings.Join(cells, ", "), more, c.other), Fatal: true})
		}
		for _, bo := range r.bounds {
			if known[bo.ISO2] {
				m.bounds[cellKey{bo.ISO2, bo.Indicator, bo.Year}] = bo.Bounds
			}
		}
		for _, n := range r.noise {
			if known[n.ISO2] {
				m.noise[cellKey{n.ISO2, n.Indicator, n.Year}] = n
			}
		}
		for _, rd := range r.readings {
			if known[rd.ISO2] {
				m.readings[readingKey{rd.ISO2, rd.Project, rd.Year, rd.Period}] = rd
			}
		}
		// Filtered in place: the release is the builder's own.
		kept := r.wikis[:0]
		for _, cw := range r.wikis {
			if known[cw.ISO2] {
				kept = append(kept, cw)
			}
		}
		m.newWikis = append(m.newWikis, kept)
	}
	// What a full release leaves out is missing, with its reason.
	for _, r := range b.releases {
		if !r.full {
			continue
		}
		for ind, years := range r.years {
			for _, y := range years {
				for _, c := range countries {
					k := cellKey{c.ISO2, ind, y}
					if r.leftOut != nil && !r.leftOut[c.ISO2] {
						continue
					}
					if _, ok := m.cells[k]; !ok {
						m.missing[k] = model.Missing{ISO2: c.ISO2, Indicator: ind, Year: y, Reason: r.absent(c), Source: r.source}
					}
				}
			}
		}
	}
	b.coverageWarnings(before)
	return m, diff(before, m.cells), ps
}

// coverageWarnings says when a full release covers far fewer countries
// than the figures it replaces had: a file cut short, or one region's
// extract, would otherwise silently clear the rest of the world.
func (b *builder) coverageWarnings(before map[cellKey]model.Observation) {
	type iy struct {
		ind  string
		year int
	}
	// Counted once: a World Bank file covers sixty years of an input, and
	// the base has tens of thousands of cells.
	had := map[iy]int{}
	for k := range before {
		had[iy{k.indicator, k.year}]++
	}
	for _, r := range b.releases {
		if !r.full {
			continue
		}
		has := map[iy]int{}
		for _, o := range r.obs {
			has[iy{o.Indicator, o.Year}]++
		}
		for _, ind := range sortedKeys(r.years) {
			for _, y := range r.years[ind] {
				n, was := has[iy{ind, y}], had[iy{ind, y}]
				if was >= 10 && n*2 < was {
					b.res.Problems = append(b.res.Problems, Problem{File: r.path, Msg: fmt.Sprintf("covers %s for %s in %d, where the figures it replaces covered %d: check that it is the whole release (the others become missing)", plural(n, "country"), ind, y, was)})
				}
			}
		}
	}
}

// diff counts, per indicator and year, the cells an import adds, changes
// and clears.
func diff(before, after map[cellKey]model.Observation) []Change {
	type iy struct {
		ind  string
		year int
	}
	by := map[iy]*Change{}
	get := func(k cellKey) *Change {
		c := by[iy{k.indicator, k.year}]
		if c == nil {
			c = &Change{Indicator: k.indicator, Year: k.year}
			by[iy{k.indicator, k.year}] = c
		}
		return c
	}
	for k, o := range after {
		old, had := before[k]
		switch {
		case !had:
			get(k).Added++
		case old.Value != o.Value || old.Class != o.Class:
			get(k).Changed++
		}
	}
	for k := range before {
		if _, has := after[k]; !has {
			get(k).Cleared++
		}
	}
	out := make([]Change, 0, len(by))
	for _, c := range by {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b Change) int {
		return cmp.Or(cmp.Compare(a.Indicator, b.Indicator), cmp.Compare(a.Year, b.Year))
	})
	return out
}

// parts turns the merged cells back into dataset parts.
func (m *merged) observations() []model.Observation {
	out := make([]model.Observation, 0, len(m.cells))
	for _, o := range m.cells {
		out = append(out, o)
	}
	model.SortObservations(out)
	return out
}

func (m *merged) boundList() []model.BoundObservation {
	out := make([]model.BoundObservation, 0, len(m.bounds))
	for k, bo := range m.bounds {
		if _, ok := m.cells[k]; ok {
			out = append(out, model.BoundObservation{ISO2: k.iso2, Indicator: k.indicator, Year: k.year, Bounds: bo})
		}
	}
	slices.SortFunc(out, func(a, b model.BoundObservation) int {
		return cmp.Or(cmp.Compare(a.ISO2, b.ISO2), cmp.Compare(a.Indicator, b.Indicator), cmp.Compare(a.Year, b.Year))
	})
	return out
}

func (m *merged) noiseList() []model.Noise {
	out := make([]model.Noise, 0, len(m.noise))
	for k, n := range m.noise {
		if _, ok := m.cells[k]; ok {
			out = append(out, n)
		}
	}
	return out
}

func (m *merged) missingList() []model.Missing {
	out := make([]model.Missing, 0, len(m.missing))
	for _, x := range m.missing {
		out = append(out, x)
	}
	return out
}

func (m *merged) readingList() []model.Reading {
	out := make([]model.Reading, 0, len(m.readings))
	for _, r := range m.readings {
		out = append(out, r)
	}
	return out
}

func (m *merged) wikiList() []model.CountryWiki {
	n := len(m.wikis)
	for _, ws := range m.newWikis {
		n += len(ws)
	}
	if len(m.wikis) == 0 && len(m.newWikis) == 1 {
		// One release's figures, in its own slice: no copy of them.
		out := m.newWikis[0]
		slices.SortFunc(out, func(a, b model.CountryWiki) int {
			return cmp.Or(cmp.Compare(a.ISO2, b.ISO2), cmp.Compare(a.Wiki, b.Wiki), cmp.Compare(a.Year, b.Year))
		})
		return out
	}
	out := make([]model.CountryWiki, 0, n)
	for _, cw := range m.wikis {
		out = append(out, cw)
	}
	for _, ws := range m.newWikis {
		out = append(out, ws...)
	}
	slices.SortFunc(out, func(a, b model.CountryWiki) int {
		return cmp.Or(cmp.Compare(a.ISO2, b.ISO2), cmp.Compare(a.Wiki, b.Wiki), cmp.Compare(a.Year, b.Year))
	})
	return out
}

// classOf says how an indicator's cells stand after a merge: modeled while
// any cell is, and citing the source most of its cells cite.
func (m *merged) classOf(indicator string) (modeled bool, source string, any bool) {
	count := map[string]int{}
	for k, o := range m.cells {
		if k.indicator != indicator {
			continue
		}
		any = true
		if o.Class == model.ClassModeled {
			modeled = true
		}
		count[o.Source]++
	}
	best := -1
	for s, n := range count {
		if n > best || (n == best && s < source) {
			source, best = s, n
		}
	}
	return modeled, source, any
}

// joinYears writes years compactly: "2016, 2017, 2019–2023".
func joinYears(ys []int) string {
	ys = slices.Clone(ys)
	slices.Sort(ys)
	ys = slices.Compact(ys)
	var parts []string
	for i := 0; i < len(ys); {
		j := i
		for j+1 < len(ys) && ys[j+1] == ys[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d–%d", ys[i], ys[j]))
		} else {
			parts = append(parts, fmt.Sprint(ys[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
