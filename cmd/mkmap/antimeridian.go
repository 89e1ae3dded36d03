package main

import "math"

// cutAntimeridian splits a ring that crosses the 180° meridian (Russia's
// mainland, Fiji) into runs that each keep to one side. The outlines come
// cut at the meridian, but as one ring that jumps from +180° to −180°: drawn
// on the plane that jump is an edge across the whole world. Each run is
// closed along the meridian instead. An edge along a pole (Antarctica's
// ring runs along −90°) is no jump.
func cutAntimeridian(ring [][2]float64) [][][2]float64 {
	jump := func(i int) bool {
		p, q := ring[i], ring[(i+1)%len(ring)]
		return math.Abs(p[0]-q[0]) > 180 && math.Abs(p[1]) < 89.9 && math.Abs(q[1]) < 89.9
	}
	first := -1
	for i := range ring {
		if jump(i) {
			first = i
			break
		}
	}
	if first < 0 {
		return [][][2]float64{ring}
	}
	// Walk the ring from just after a jump, so that every run starts at
	// one jump and ends at the next.
	var runs [][][2]float64
	var run [][2]float64
	for k := 1; k <= len(ring); k++ {
		i := (first + k) % len(ring)
		run = append(run, ring[i])
		if jump(i) {
			runs = append(runs, run)
			run = nil
		}
	}
	return runs
}
