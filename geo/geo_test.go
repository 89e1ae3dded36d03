package geo

import (
	"math"
	"slices"
	"testing"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

func loadAll(tb testing.TB) (*World, *model.Dataset) {
	tb.Helper()
	w, err := Load()
	if err != nil {
		tb.Fatal(err)
	}
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		tb.Fatal(err)
	}
	return w, d
}

// Equal Earth: known values, symmetry, and equal area — a 1° × 1° cell
// covers cos(latitude) of the equator's cell, as on the globe.
func TestProject(t *testing.T) {
	for _, tc := range []struct {
		lon, lat, x, y float64
	}{
		{0, 0, 0, 0},
		{180, 0, 2.7066, 0},
		{-180, 0, -2.7066, 0},
		{0, 90, 0, 1.3173},
		{0, -90, 0, -1.3173},
	} {
		p := Project(tc.lon, tc.lat)
		if math.Abs(p.X-tc.x) > 1e-3 || math.Abs(p.Y-tc.y) > 1e-3 {
			t.Errorf("Project(%v, %v) = %v, want (%v, %v)", tc.lon, tc.lat, p, tc.x, tc.y)
		}
	}
	cell := func(lat float64) float64 {
		a, b, c := Project(10, lat), Project(11, lat), Project(10, lat+1)
		return (b.X - a.X) * (c.Y - a.Y)
	}
	for _, lat := range []float64{0, 30, 45, 60, 75} {
		want := math.Sin((lat+1)*math.Pi/180) - math.Sin(lat*math.Pi/180)
		ratio := cell(lat) / cell(0)
		wantRatio := want / math.Sin(math.Pi/180)
		if math.Abs(ratio-wantRatio) > 0.01*wantRatio {
			t.Errorf("cell at %v°: %.4f of the equator's, want %.4f (equal area)", lat, ratio, wantRatio)
		}
	}
}

func TestEncodeDecode(t *testing.T) {
	in := []Shape{
		{ISO2: "AA", Kind: Outline, Source: "A", Rings: [][]Pt{{{0, 0}, {1, 0}, {1, 1}}, {{0.2, 0.2}, {0.3, 0.2}, {0.3, 0.3}}}},
		{ISO2: "AA", Kind: Part, Source: "A", Rings: [][]Pt{{{-1, -1}, {-0.5, -1}, {-0.5, -0.5}}}},
		{ISO2: "BB", Kind: Point, Source: "Bé", At: Pt{-2.5, 1.25}},
	}
	b, err := Encode(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(in) || out[2].At != in[2].At || out[0].Rings[1][2] != in[0].Rings[1][2] || out[1].Kind != Part || out[2].Source != "Bé" {
		t.Errorf("round trip: %+v", out)
	}
	for _, bad := range [][]byte{nil, []byte("EQGEO1\n"), b[:len(b)-1], append(slices.Clone(b), 0)} {
		if _, err := Decode(bad); err == nil {
			t.Errorf("Decode(%d bytes) took a damaged file", len(bad))
		}
	}
	if _, err := Encode([]Shape{{ISO2: "ABC"}}); err == nil {
		t.Error("Encode took a three-letter code")
	}
}

// Every Natural Earth outline is joined to a country of the dataset, and
// every country of the dataset has a shape: an outline or a point.
func TestEmbeddedJoins(t *testing.T) {
	shapes, err := Decode(sampledata.WorldGeo)
	if err != nil {
		t.Fatal(err)
	}
	_, d := loadAll(t)
	outlines := 0
	for _, s := range shapes {
		if _, ok := d.Country(s.ISO2); !ok {
			t.Errorf("shape %q joins %s, which the dataset does not hold", s.Source, s.ISO2)
		}
		if s.Kind == Outline {
			outlines++
		}
	}
	if outlines != 177 {
		t.Errorf("%d Natural Earth outlines, want 177", outlines)
	}
	w := New(shapes)
	for _, c := range d.Countries {
		if _, ok := w.Index(c.ISO2); !ok {
			t.Errorf("%s (%s) has no place on the map", c.Name, c.ISO2)
		}
	}
	for name, code := range map[string]string{"Kosovo": "XK", "Somaliland": "SO", "N. Cyprus": "CY"} {
		if !slices.ContainsFunc(shapes, func(s Shape) bool { return s.Source == name && s.ISO2 == code }) {
			t.Errorf("%s is not joined to %s", name, code)
		}
	}
}

// A square country fills its pixels; one smaller than a pixel still gets
// its anchor's pixel; a hole stays sea.
func TestRasterize(t *testing.T) {
	square := func(x0, y0, x1, y1 float64) []Pt { return []Pt{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}} }
	w := New([]Shape{
		{ISO2: "AA", Kind: Outline, Rings: [][]Pt{square(0, 0, 10, 10), square(4, 4, 6, 6)}},
		{ISO2: "BB", Kind: Outline, Rings: [][]Pt{square(12, 5, 12.1, 5.1)}},
		{ISO2: "CC", Kind: Point, At: Pt{15, 2}},
	})
	r := w.Rasterize(20, 10, Box{0, 0, 20, 20})
	count := map[int]int{}
	for _, p := range r.Pix {
		count[int(p)]++
	}
	if count[0] != 100-4 || count[1] != 1 || count[2] != 1 {
		t.Errorf("pixels per country %v; want AA 96, BB 1, CC 1", count)
	}
	if r.At(5, 14) != Sea || r.At(1, 18) != 0 {
		t.Errorf("hole or body wrong: %d %d", r.At(5, 14), r.At(1, 18))
	}
	if c := r.CellCountry(15, 9); c != 2 {
		t.Errorf("a click on the point's cell finds %d", c)
	}
}

func TestNearest(t *testing.T) {
	w := New([]Shape{
		{ISO2: "CC", Kind: Point, At: Pt{0, 0}},
		{ISO2: "EE", Kind: Point, At: Pt{2, 0.5}},
		{ISO2: "FE", Kind: Point, At: Pt{5, 0}},
		{ISO2: "NN", Kind: Point, At: Pt{0.3, 2}},
		{ISO2: "SS", Kind: Point, At: Pt{-0.2, -3}},
		{ISO2: "WW", Kind: Point, At: Pt{-4, 3}},
	})
	idx := func(c string) int { i, _ := w.Index(c); return i }
	for _, tc := range []struct {
		dir  Dir
		want string
	}{{Right, "EE"}, {Up, "NN"}, {Down, "SS"}, {Left, "WW"}} {
		if got := w.Nearest(idx("CC"), tc.dir, Box{}); got != idx(tc.want) {
			t.Errorf("from CC %v: %s, want %s", tc.dir, w.Countries[got].ISO2, tc.want)
		}
	}
	if got := w.Nearest(idx("FE"), Right, Box{}); got != -1 {
		t.Errorf("east of the easternmost: %d", got)
	}
	if got := w.Nearest(idx("CC"), Right, Box{-0.1, -0.1, 6, 0.2}); got != idx("FE") {
		t.Errorf("in a box leaving EE out: %d", got)
	}
}

// Every country is in one class, no data, or withheld; the legend sums up.
func TestCompute(t *testing.T) {
	_, d := loadAll(t)
	for _, m := range Measures(d) {
		v := Compute(d, m, d.DefaultYear())
		sum := v.NoData + v.MissingN
		for _, n := range v.Counts {
			sum += n
		}
		if sum != len(d.Countries) {
			t.Errorf("%s: %d countries classed, want %d", m.ID, sum, len(d.Countries))
		}
		shown := 0
		for _, n := range v.ByClass {
			shown += n
		}
		if shown != sum-v.NoData-v.MissingN {
			t.Errorf("%s: %d figures by class, want %d", m.ID, shown, sum-v.NoData-v.MissingN)
		}
		for i := 1; i <= Bins; i++ {
			if v.Breaks[i] < v.Breaks[i-1] {
				t.Errorf("%s: breaks %v", m.ID, v.Breaks)
			}
		}
		if len(Legend(v)) != Bins+2 {
			t.Errorf("%s: legend of %d rows", m.ID, len(Legend(v)))
		}
	}
	if _, err := FindMeasure(d, "colour"); err == nil {
		t.Error("FindMeasure took an unknown measure")
	}
	if m, err := FindMeasure(d, "Editorship"); err != nil || m.Domain != model.Editorship || m.Facet != model.Overall {
		t.Errorf("FindMeasure(Editorship) = %+v, %v", m, err)
	}
}

// Drawing 200x60 from a cached raster, the map's whole redraw.
func BenchmarkDraw200x60(b *testing.B) {
	w, d := loadAll(b)
	m, _ := FindMeasure(d, "editorship")
	v := Compute(d, m, d.DefaultYear())
	r := w.Rasterize(200, 60, WorldBox())
	b.ResetTimer()
	for b.Loop() {
		r.Draw(Fills(w, v, nil), DrawOptions{Mode: Colour, Selected: 3})
	}
}

// Switching the measure: computing its values and classes, then drawing.
func BenchmarkSwitchMeasure200x60(b *testing.B) {
	w, d := loadAll(b)
	ms := Measures(d)
	r := w.Rasterize(200, 60, WorldBox())
	year := d.DefaultYear()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		v := Compute(d, ms[i%len(ms)], year)
		r.Draw(Fills(w, v, nil), DrawOptions{Mode: Colour, Selected: 3})
		i++
	}
}

// Rasterising anew, as on a resize.
func BenchmarkRasterize200x60(b *testing.B) {
	w, _ := loadAll(b)
	for b.Loop() {
		w.Rasterize(200, 60, WorldBox())
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
