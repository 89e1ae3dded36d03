package geo

import (
	"math"
	"slices"
)

// Sea marks a pixel no country covers.
const Sea = -1

// Raster is the world drawn into a grid of terminal cells, two square map
// pixels to a cell (a cell is about twice as tall as it is wide). It is
// made once per size and view, and recoloured for every measure.
type Raster struct {
	Cols, Rows int // cells
	W, H       int // pixels: W = Cols, H = 2 × Rows
	View       Box
	// Pix is the country index (into World.Countries) of every pixel, row
	// by row from the top; Sea where none.
	Pix []int16
	// Anchors are each country's anchor pixel; a country whose anchor is
	// out of view has X = -1.
	Anchors []PixelPt
	scale   float64
	ox, oy  float64
}

// PixelPt is a pixel's position.
type PixelPt struct{ X, Y int }

// Rasterize draws the world into cols × rows cells showing view, which is
// fitted whole and centred, keeping its proportions. Every country in view
// gets at least one pixel: one too small to cover a pixel's centre (an
// island drawn as a point, Luxembourg at world scale) takes the pixel of its
// anchor where that pixel is sea.
func (w *World) Rasterize(cols, rows int, view Box) *Raster {
	cols, rows = max(cols, 1), max(rows, 1)
	r := &Raster{Cols: cols, Rows: rows, W: cols, H: 2 * rows, View: view}
	r.Pix = make([]int16, r.W*r.H)
	for i := range r.Pix {
		r.Pix[i] = Sea
	}
	vw, vh := view.MaxX-view.MinX, view.MaxY-view.MinY
	if vw <= 0 || vh <= 0 {
		vw, vh = 1, 1
	}
	r.scale = min(float64(r.W)/vw, float64(r.H)/vh)
	r.ox = (float64(r.W) - vw*r.scale) / 2
	r.oy = (float64(r.H) - vh*r.scale) / 2

	r.Anchors = make([]PixelPt, len(w.Countries))
	var xs [][]float64 // intersections by pixel row, reused
	xs = make([][]float64, r.H)
	covered := make([]bool, len(w.Countries))
	for ci := range w.Countries {
		c := &w.Countries[ci]
		if c.Outlined && r.fill(ci, c, xs) {
			covered[ci] = true
		}
	}
	for ci, c := range w.Countries {
		x, y := r.ToPixel(c.Anchor)
		px, py := int(math.Floor(x)), int(math.Floor(y))
		if px < 0 || py < 0 || px >= r.W || py >= r.H {
			r.Anchors[ci] = PixelPt{-1, -1}
			continue
		}
		r.Anchors[ci] = PixelPt{px, py}
		if !covered[ci] && r.Pix[py*r.W+px] == Sea {
			r.Pix[py*r.W+px] = int16(ci)
		}
	}
	return r
}

// ToPixel places a point of the plane on the pixel grid (fractional).
func (r *Raster) ToPixel(p Pt) (float64, float64) {
	return (p.X-r.View.MinX)*r.scale + r.ox, (r.View.MaxY-p.Y)*r.scale + r.oy
}

// fill paints a country's rings by scanlines with the even-odd rule (holes
// and enclaves come out right: Lesotho inside South Africa). It reports
// whether any pixel centre fell inside.
func (r *Raster) fill(ci int, c *Country, xs [][]float64) bool {
	x0, y0 := r.ToPixel(Pt{c.Box.MinX, c.Box.MaxY})
	x1, y1 := r.ToPixel(Pt{c.Box.MaxX, c.Box.MinY})
	if x1 < 0 || y1 < 0 || x0 >= float64(r.W) || y0 >= float64(r.H) {
		return false
	}
	top, bottom := max(0, int(math.Floor(y0))), min(r.H-1, int(math.Ceil(y1)))
	for y := top; y <= bottom; y++ {
		xs[y] = xs[y][:0]
	}
	for _, ring := range c.Rings {
		for i := range ring {
			ax, ay := r.ToPixel(ring[i])
			bx, by := r.ToPixel(ring[(i+1)%len(ring)])
			if ay == by {
				continue
			}
			if ay > by {
				ax, ay, bx, by = bx, by, ax, ay
			}
			// Rows whose centre y+0.5 lies in [ay, by).
			from := max(top, int(math.Ceil(ay-0.5)))
			to := min(bottom, int(math.Ceil(by-0.5))-1)
			for y := from; y <= to; y++ {
				t := (float64(y) + 0.5 - ay) / (by - ay)
				xs[y] = append(xs[y], ax+t*(bx-ax))
			}
		}
	}
	hit := false
	for y := top; y <= bottom; y++ {
		row := xs[y]
		slices.Sort(row)
		for i := 0; i+1 < len(row); i += 2 {
			from := max(0, int(math.Ceil(row[i]-0.5)))
			to := min(r.W-1, int(math.Ceil(row[i+1]-0.5))-1)
			for x := from; x <= to; x++ {
				r.Pix[y*r.W+x] = int16(ci)
				hit = true
			}
		}
	}
	return hit
}

// At is the country of a pixel, or Sea.
func (r *Raster) At(x, y int) int {
	if x < 0 || y < 0 || x >= r.W || y >= r.H {
		return Sea
	}
	return int(r.Pix[y*r.W+x])
}

// CellCountry is the country under a cell, for a click: the upper pixel's,
// else the lower's, else the country whose anchor is nearest within two
// cells (a click beside a small island finds it).
func (r *Raster) CellCountry(col, row int) int {
	if c := r.At(col, 2*row); c != Sea {
		return c
	}
	if c := r.At(col, 2*row+1); c != Sea {
		return c
	}
	best, bestD := Sea, 5.0
	for i, a := range r.Anchors {
		if a.X < 0 {
			continue
		}
		d := math.Hypot(float64(a.X-col), float64(a.Y-2*row)/2)
		if d < bestD {
			best, bestD = i, d
		}
	}
	return best
}
