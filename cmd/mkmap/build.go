package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/equitylandscape/equity/geo"
	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

// The reference files, under -ref.
const (
	topoFile    = "natural-earth/countries-110m.json"
	mappingFile = "cldr-48/codeMappings.json"
)

// built is what build makes: the file's bytes and its description.
type built struct {
	geo    []byte
	list   string
	shapes []geo.Shape
}

type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects struct {
		Countries struct {
			Geometries []geometry `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
}

type geometry struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Arcs       json.RawMessage `json:"arcs"`
	Properties struct {
		Name string `json:"name"`
	} `json:"properties"`
}

type codeMappings struct {
	Supplemental struct {
		CodeMappings map[string]struct {
			Numeric string `json:"_numeric"`
		} `json:"codeMappings"`
	} `json:"supplemental"`
}

// build reads the reference files and the bundled dataset's countries and
// makes the map.
func build(ref string) (*built, error) {
	var topo topology
	if err := readJSON(filepath.Join(ref, topoFile), &topo); err != nil {
		return nil, err
	}
	var cm codeMappings
	if err := readJSON(filepath.Join(ref, mappingFile), &cm); err != nil {
		return nil, err
	}
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		return nil, err
	}
	known := map[string]model.Country{}
	for _, c := range d.Countries {
		known[c.ISO2] = c
	}
	numeric := map[string]string{} // ISO numeric → the dataset's alpha-2
	for a2, m := range cm.Supplemental.CodeMappings {
		if _, ok := known[a2]; ok && m.Numeric != "" {
			numeric[m.Numeric] = a2
		}
	}
	arcs := decodeArcs(topo)

	var shapes []geo.Shape
	var joins []string
	for _, g := range topo.Objects.Countries.Geometries {
		code, how := numeric[g.ID], "ISO "+g.ID
		if g.ID == "" {
			code, how = byName[g.Properties.Name], "stated choice (no ISO id)"
		}
		if code == "" {
			return nil, fmt.Errorf("the outline %q (id %q) joins no country of the dataset; add it to byName in cmd/mkmap/joins.go", g.Properties.Name, g.ID)
		}
		polys, err := polygons(g, arcs)
		if err != nil {
			return nil, err
		}
		main := geo.Shape{ISO2: code, Kind: geo.Outline, Source: g.Properties.Name}
		parts := map[string]*geo.Shape{}
		for _, poly := range polys {
			to := ""
			for _, s := range splits {
				lon, lat := mean(poly[0])
				if s.from == code && s.in(lon, lat) {
					to = s.to
				}
			}
			target := &main
			if to != "" {
				if parts[to] == nil {
					parts[to] = &geo.Shape{ISO2: to, Kind: geo.Part, Source: g.Properties.Name}
				}
				target = parts[to]
			}
			for _, ring := range poly {
				for _, run := range cutAntimeridian(ring) {
					target.Rings = append(target.Rings, project(run))
				}
			}
		}
		shapes = append(shapes, main)
		if g.ID == "" {
			joins = append(joins, fmt.Sprintf("| %s | %s | %s (%s) |", g.Properties.Name, how, known[code].Name, code))
		}
		for _, to := range slices.Sorted(mapsKeys(parts)) {
			if _, ok := known[to]; !ok {
				return nil, fmt.Errorf("a split of %q goes to %s, which the dataset does not hold", g.Properties.Name, to)
			}
			shapes = append(shapes, *parts[to])
		}
	}
	have := map[string]bool{}
	for _, s := range shapes {
		have[s.ISO2] = true
	}
	var points []string
	for _, c := range d.Countries {
		if have[c.ISO2] {
			continue
		}
		at, ok := pointOf[c.ISO2]
		if !ok {
			return nil, fmt.Errorf("%s (%s) has no outline and no point; add one to pointOf in cmd/mkmap/points.go", c.Name, c.ISO2)
		}
		shapes = append(shapes, geo.Shape{ISO2: c.ISO2, Kind: geo.Point, Source: c.Name, At: geo.Project(at[1], at[0])})
		points = append(points, fmt.Sprintf("| %s | %s | %.2f | %.2f |", c.ISO2, c.Name, at[0], at[1]))
		have[c.ISO2] = true
	}
	for code := range pointOf {
		if _, ok := known[code]; !ok || !slices.ContainsFunc(shapes, func(s geo.Shape) bool { return s.ISO2 == code && s.Kind == geo.Point }) {
			return nil, fmt.Errorf("pointOf in cmd/mkmap/points.go has %s, which the dataset does not hold or which has an outline; remove it", code)
		}
	}
	data, err := geo.Encode(shapes)
	if err != nil {
		return nil, err
	}
	return &built{geo: data, shapes: shapes, list: describe(shapes, joins, points, len(d.Countries))}, nil
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("cannot read %s: %v; give the reference folder with -ref", path, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s is not the expected JSON: %v", path, err)
	}
	return nil
}

// decodeArcs turns TopoJSON's quantized, delta-encoded arcs into longitude
// and latitude.
func decodeArcs(t topology) [][][2]float64 {
	out := make([][][2]float64, len(t.Arcs))
	for i, arc := range t.Arcs {
		var x, y float64
		pts := make([][2]float64, len(arc))
		for j, d := range arc {
			x += d[0]
			y += d[1]
			pts[j] = [2]float64{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
		}
		out[i] = pts
	}
	return out
}

// polygons resolves a geometry's arc indexes into polygons of rings of
// longitude and latitude; a negative index ~i is arc i reversed.
func polygons(g geometry, arcs [][][2]float64) ([][][][2]float64, error) {
	var idx [][][]int
	switch g.Type {
	case "Polygon":
		var p [][]int
		if err := json.Unmarshal(g.Arcs, &p); err != nil {
			return nil, fmt.Errorf("outline %q has unreadable arcs: %v", g.Properties.Name, err)
		}
		idx = [][][]int{p}
	case "MultiPolygon":
		if err := json.Unmarshal(g.Arcs, &idx); err != nil {
			return nil, fmt.Errorf("outline %q has unreadable arcs: %v", g.Properties.Name, err)
		}
	default:
		return nil, fmt.Errorf("outline %q is a %s; only polygons are expected", g.Properties.Name, g.Type)
	}
	var out [][][][2]float64
	for _, p := range idx {
		var poly [][][2]float64
		for _, ring := range p {
			var pts [][2]float64
			for k, a := range ring {
				var arc [][2]float64
				if a >= 0 {
					arc = arcs[a]
				} else {
					arc = slices.Clone(arcs[^a])
					slices.Reverse(arc)
				}
				if k > 0 {
					arc = arc[1:] // shared with the previous arc's end
				}
				pts = append(pts, arc...)
			}
			if len(pts) > 1 && pts[0] == pts[len(pts)-1] {
				pts = pts[:len(pts)-1]
			}
			poly = append(poly, pts)
		}
		out = append(out, poly)
	}
	return out, nil
}

func mean(ring [][2]float64) (lon, lat float64) {
	for _, p := range ring {
		lon += p[0]
		lat += p[1]
	}
	n := float64(len(ring))
	return lon / n, lat / n
}

func project(ring [][2]float64) []geo.Pt {
	out := make([]geo.Pt, len(ring))
	for i, p := range ring {
		out[i] = geo.Project(p[0], p[1])
	}
	return out
}

// describe is WORLDMAP.md: what the file holds and every choice made.
func describe(shapes []geo.Shape, joins, points []string, countries int) string {
	outlines := 0
	var partRows []string
	for _, s := range shapes {
		if s.Kind == geo.Outline {
			outlines++
		}
	}
	for _, s := range splits {
		partRows = append(partRows, fmt.Sprintf("| %s | %s → %s |", s.why, s.from, s.to))
	}
	var b strings.Builder
	fmt.Fprintf(&b, `# The world map's geometry

Built by `+"`go run ./cmd/mkmap`"+` into `+"`world.geo`"+`; do not edit: a test rebuilds it from the sources.

- Outlines: Natural Earth 4.1.0, 1:110m countries (via npm world-atlas 2.0.2), public domain;
  %d outlines, each joined to a country of the dataset by its ISO 3166 numeric id through CLDR 48's
  code mappings, or by the stated choices below.
- Projection: Equal Earth (Šavrič, Patterson and Jenny, 2018), an equal-area projection: every
  country's share of the map is its share of the Earth's surface.
- %d countries of the dataset's %d have an outline (or a part of one); the other %d are drawn as a point.

## Outlines without an ISO id

| outline | joined by | to |
|---|---|---|
%s

## Rings moved to another country

| rings | from → to |
|---|---|
%s

## Countries drawn as a point

The 1:110m outlines have no shape for these small islands and territories. Each is marked at the
position of its main island, or its capital for a group of islands, entered by hand from general
reference maps to about 0.1° (`+"`cmd/mkmap/points.go`"+`): a place to find and mark the country, not a
measurement.

| code | country | latitude | longitude |
|---|---|---|---|
%s
`, outlines, countries-len(points), countries, len(points), strings.Join(joins, "\n"), strings.Join(partRows, "\n"), strings.Join(points, "\n"))
	return b.String()
}
