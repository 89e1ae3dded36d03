package geo

import (
	"math"
	"slices"

	sampledata "github.com/equitylandscape/equity/sample-data"
)

// Country is one country's geometry: its outline rings (none for a country
// drawn as a point) and an anchor, the point its marker and the directions
// between countries use.
type Country struct {
	ISO2     string
	Rings    [][]Pt
	Anchor   Pt
	Box      Box
	Outlined bool
	// Sources are the source's names of the shapes joined to it
	// ("Somalia", "Somaliland").
	Sources []string
}

// World is the decoded map: every country with a shape, by ISO2.
type World struct {
	Countries []Country
	index     map[string]int
}

// Load decodes the map built into the binary. It takes well under a
// millisecond; callers keep the World for as long as they draw.
func Load() (*World, error) {
	shapes, err := Decode(sampledata.WorldGeo)
	if err != nil {
		return nil, err
	}
	return New(shapes), nil
}

// New joins shapes into countries: every shape of one ISO2 code is one
// country, ordered by code.
func New(shapes []Shape) *World {
	w := &World{index: map[string]int{}}
	for _, s := range shapes {
		i, ok := w.index[s.ISO2]
		if !ok {
			i = len(w.Countries)
			w.index[s.ISO2] = i
			w.Countries = append(w.Countries, Country{ISO2: s.ISO2})
		}
		c := &w.Countries[i]
		c.Sources = append(c.Sources, s.Source)
		if s.Kind == Point {
			if !c.Outlined {
				c.Anchor = s.At
				c.Box = Box{s.At.X, s.At.Y, s.At.X, s.At.Y}
			}
			continue
		}
		c.Outlined = true
		c.Rings = append(c.Rings, s.Rings...)
	}
	for i := range w.Countries {
		c := &w.Countries[i]
		if c.Outlined {
			c.Box, c.Anchor = ringsBox(c.Rings), anchorOf(c.Rings)
		}
	}
	slices.SortFunc(w.Countries, func(a, b Country) int { return compareStrings(a.ISO2, b.ISO2) })
	for i, c := range w.Countries {
		w.index[c.ISO2] = i
	}
	return w
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Index returns a country's position in Countries.
func (w *World) Index(iso2 string) (int, bool) {
	i, ok := w.index[iso2]
	return i, ok
}

// Bounds is the box around the countries named (unknown codes are left
// out); empty when none is known.
func (w *World) Bounds(iso2s []string) Box {
	var b Box
	first := true
	for _, code := range iso2s {
		i, ok := w.index[code]
		if !ok {
			continue
		}
		if first {
			b, first = w.Countries[i].Box, false
			continue
		}
		b = b.Union(w.Countries[i].Box)
	}
	return b
}

func ringsBox(rings [][]Pt) Box {
	b := Box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, r := range rings {
		for _, p := range r {
			b = Box{min(b.MinX, p.X), min(b.MinY, p.Y), max(b.MaxX, p.X), max(b.MaxY, p.Y)}
		}
	}
	return b
}

// anchorOf is the area centroid of the largest ring: the mainland, so that
// the United States' anchor is not pulled toward Alaska and Hawaii.
func anchorOf(rings [][]Pt) Pt {
	best, bestArea := -1, 0.0
	for i, r := range rings {
		if a := math.Abs(ringArea(r)); a > bestArea || best < 0 {
			best, bestArea = i, a
		}
	}
	r := rings[best]
	a := ringArea(r)
	if a == 0 {
		return r[0]
	}
	var cx, cy float64
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		f := p.X*q.Y - q.X*p.Y
		cx += (p.X + q.X) * f
		cy += (p.Y + q.Y) * f
	}
	return Pt{cx / (6 * a), cy / (6 * a)}
}

// ringArea is the signed area of a ring (shoelace formula).
func ringArea(r []Pt) float64 {
	var s float64
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		s += p.X*q.Y - q.X*p.Y
	}
	return s / 2
}
