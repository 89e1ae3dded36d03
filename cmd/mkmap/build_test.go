package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/equitylandscape/equity/geo"
)

const referenceDir = "../../../shared/reference"

func needReference(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(referenceDir, topoFile)); err != nil {
		t.Skip("../shared/reference is absent: the map's sources are not here")
	}
}

// The committed world.geo and WORLDMAP.md are what the sources make.
func TestRebuildMatchesCommitted(t *testing.T) {
	needReference(t)
	m, err := build(referenceDir)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string][]byte{geoFile: m.geo, listFile: []byte(m.list)} {
		got, err := os.ReadFile(filepath.Join("../../sample-data", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("sample-data/%s differs from a rebuild; rebuild with `go run ./cmd/mkmap`", name)
		}
	}
}

// All 177 outlines are joined, three of them by a stated choice; every
// other country of the dataset is a point.
func TestEveryOutlineJoined(t *testing.T) {
	needReference(t)
	m, err := build(referenceDir)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[geo.Kind]int{}
	for _, s := range m.shapes {
		kinds[s.Kind]++
	}
	if kinds[geo.Outline] != 177 || kinds[geo.Part] != len(splits) || kinds[geo.Point] != len(pointOf) {
		t.Errorf("outlines, parts, points: %v; want 177, %d, %d", kinds, len(splits), len(pointOf))
	}
	w := geo.New(m.shapes)
	if len(w.Countries) != 250 {
		t.Errorf("%d countries on the map, want the dataset's 250", len(w.Countries))
	}
}

// A ring across the 180° meridian becomes runs that keep to one side.
func TestCutAntimeridian(t *testing.T) {
	ring := [][2]float64{{170, 10}, {180, 10}, {-180, 10}, {-170, 10}, {-170, 0}, {-180, 0}, {180, 0}, {170, 0}}
	runs := cutAntimeridian(ring)
	if len(runs) != 2 {
		t.Fatalf("%d runs: %v", len(runs), runs)
	}
	for _, r := range runs {
		east := r[0][0] > 0
		for _, p := range r {
			if (p[0] > 0) != east {
				t.Errorf("a run crosses the meridian: %v", r)
			}
		}
	}
	pole := [][2]float64{{-180, -60}, {180, -60}, {180, -90}, {-180, -90}}
	if got := cutAntimeridian(pole); len(got) != 1 {
		t.Errorf("Antarctica's ring along the pole is cut: %v", got)
	}
}
