package geo

import "math"

// Dir is a direction on the map.
type Dir int

// The four directions.
const (
	Left Dir = iota
	Right
	Up
	Down
)

// Nearest is the country nearest to from in a direction, by their anchors:
// within a cone of about 60° either side of the direction when there is
// one, else anywhere on that side; countries whose anchor lies outside in
// (when in is not empty) are left out, so that a zoomed map keeps to what
// it shows. It returns -1 when there is none.
func (w *World) Nearest(from int, dir Dir, in Box) int {
	if from < 0 || from >= len(w.Countries) {
		return -1
	}
	a := w.Countries[from].Anchor
	best, bestScore := -1, math.Inf(1)
	wide, wideScore := -1, math.Inf(1)
	for i, c := range w.Countries {
		if i == from || (!in.Empty() && !in.Contains(c.Anchor)) {
			continue
		}
		dx, dy := c.Anchor.X-a.X, c.Anchor.Y-a.Y
		var along, across float64
		switch dir {
		case Left:
			along, across = -dx, dy
		case Right:
			along, across = dx, dy
		case Up:
			along, across = dy, dx
		case Down:
			along, across = -dy, dx
		}
		if along <= 1e-9 {
			continue
		}
		score := along + 2*math.Abs(across)
		if math.Abs(across) <= 1.7*along && score < bestScore {
			best, bestScore = i, score
		}
		if score < wideScore {
			wide, wideScore = i, score
		}
	}
	if best >= 0 {
		return best
	}
	return wide
}
