package model

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestFiledCountsAsFullPass: the figures by class and the year tally that
// filing counts run by run are those a pass over the whole dataset counts,
// whatever the classes, gaps, zeros and growth rates; and observations in
// another order (series unsettled, tallied again whole) give the same.
func TestFiledCountsAsFullPass(t *testing.T) {
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 7))
		var stored []Indicator
		for _, ind := range Catalog() {
			if !ind.Derived() {
				stored = append(stored, ind)
			}
		}
		p := Parts{Indicators: Catalog(), Sources: []Source{{ID: "s"}}}
		var obs []Observation
		for c := range 4 + 3*int(seed) { // past settleAt from seed 9
			iso2 := string(rune('A'+c%26)) + string(rune('A'+c/26))
			p.Countries = append(p.Countries, Country{ISO2: iso2, Name: iso2})
			for _, ind := range stored {
				for y := 2010; y < 2025; y++ {
					if rng.IntN(4) == 0 {
						continue // a gap
					}
					o := Observation{ISO2: iso2, Indicator: ind.ID, Year: y, Value: float64(rng.IntN(3) * 10)}
					o.Class = []Class{"", ClassReal, ClassEstimated, ClassModeled}[rng.IntN(4)]
					obs = append(obs, o)
				}
			}
		}
		inOrder := p
		inOrder.Observations = obs
		d, err := New(inOrder)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Years) == 0 {
			t.Fatal("no activity years: this test compares nothing")
		}
		if whole := d.tallyYears(); !reflect.DeepEqual(d.yearFigures, whole) {
			t.Errorf("seed %d: tallied as filed %v, whole %v", seed, d.yearFigures, whole)
		}
		counts := map[string]ClassCount{}
		for _, byInd := range d.obs {
			for id, s := range byInd {
				c := counts[id]
				c.Indicator = id
				for _, pt := range s {
					switch pt.Class() {
					case ClassReal:
						c.Real++
					case ClassEstimated:
						c.Estimated++
					default:
						c.Modeled++
					}
				}
				counts[id] = c
			}
		}
		for _, c := range d.counts {
			if want := counts[c.Indicator]; c.Real != want.Real || c.Estimated != want.Estimated || c.Modeled != want.Modeled {
				t.Errorf("seed %d: %s counted %+v as filed, %+v whole", seed, c.Indicator, c, want)
			}
		}
		shuffled := p
		shuffled.Observations = append([]Observation(nil), obs...)
		rng.Shuffle(len(obs), func(i, j int) {
			shuffled.Observations[i], shuffled.Observations[j] = shuffled.Observations[j], shuffled.Observations[i]
		})
		e, err := New(shuffled)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(e.yearFigures, d.yearFigures) || !reflect.DeepEqual(e.counts, d.counts) {
			t.Errorf("seed %d: observations out of order tally %v, counts %v; in order %v, %v", seed, e.yearFigures, e.counts, d.yearFigures, d.counts)
		}
	}
}
