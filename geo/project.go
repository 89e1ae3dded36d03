package geo

import "math"

// Equal Earth's polynomial coefficients (Šavrič, Patterson and Jenny, "The
// Equal Earth map projection", IJGIS 2018).
const (
	eeA1 = 1.340264
	eeA2 = -0.081106
	eeA3 = 0.000893
	eeA4 = 0.003796
)

// Pt is a point on the projected plane: x grows east, y grows north, in
// units of the Earth's radius.
type Pt struct{ X, Y float64 }

// Project maps a longitude and latitude in degrees to the Equal Earth plane.
func Project(lon, lat float64) Pt {
	lam := lon * math.Pi / 180
	phi := lat * math.Pi / 180
	theta := math.Asin(math.Sqrt(3) / 2 * math.Sin(phi))
	t2 := theta * theta
	t6 := t2 * t2 * t2
	x := 2 * math.Sqrt(3) * lam * math.Cos(theta) / (3 * (9*eeA4*t6*t2 + 7*eeA3*t6 + 3*eeA2*t2 + eeA1))
	y := theta * (eeA1 + eeA2*t2 + t6*(eeA3+eeA4*t2))
	return Pt{x, y}
}

// Box is a rectangle of the projected plane.
type Box struct{ MinX, MinY, MaxX, MaxY float64 }

// Empty reports whether the box holds no area.
func (b Box) Empty() bool { return !(b.MaxX > b.MinX && b.MaxY > b.MinY) }

// Add grows the box to hold p.
func (b Box) Add(p Pt) Box {
	if b.Empty() && b.MinX == 0 && b.MaxX == 0 && b.MinY == 0 && b.MaxY == 0 {
		return Box{p.X, p.Y, p.X, p.Y}
	}
	return Box{min(b.MinX, p.X), min(b.MinY, p.Y), max(b.MaxX, p.X), max(b.MaxY, p.Y)}
}

// Union is the smallest box that holds both.
func (b Box) Union(o Box) Box {
	return Box{min(b.MinX, o.MinX), min(b.MinY, o.MinY), max(b.MaxX, o.MaxX), max(b.MaxY, o.MaxY)}
}

// Pad grows the box by a share of its size on every side, and to at least
// a minimum width and height (a single small island still gets a view).
func (b Box) Pad(share, least float64) Box {
	w, h := b.MaxX-b.MinX, b.MaxY-b.MinY
	dx, dy := max(w*share, (least-w)/2), max(h*share, (least-h)/2)
	return Box{b.MinX - dx, b.MinY - dy, b.MaxX + dx, b.MaxY + dy}
}

// Contains reports whether p lies in the box.
func (b Box) Contains(p Pt) bool {
	return p.X >= b.MinX && p.X <= b.MaxX && p.Y >= b.MinY && p.Y <= b.MaxY
}

// WorldBox is the default view: the whole width of the projection, from 84°
// north to 58° south. Antarctica below that is left out of the default view
// (it has no people to score and would take a fifth of the height); zooming
// to it still shows it.
func WorldBox() Box {
	e := Project(180, 0)
	return Box{MinX: -e.X, MinY: Project(0, -58).Y, MaxX: e.X, MaxY: Project(0, 84).Y}
}
