package main

import (
	"math"
	"testing"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

func TestCalibrateEditors(t *testing.T) {
	countries := []model.Country{
		{ISO2: "AA", WikimediaRegion: "R"}, {ISO2: "BB", WikimediaRegion: "R"},
		{ISO2: "CC", WikimediaRegion: "S"}, {ISO2: "DD"}, // no region: no total
	}
	modeled := func(iso2, ind string, year int, v float64) model.Observation {
		return model.Observation{ISO2: iso2, Indicator: ind, Year: year, Value: v, Provenance: model.Provenance{Class: model.ClassModeled, Source: srcModel}}
	}
	obs := []model.Observation{
		modeled("AA", model.IndAllEditors, 2021, 10), modeled("AA", model.IndWPEditors, 2021, 8),
		modeled("AA", model.IndAllEditors, 2022, 10), modeled("AA", model.IndWPEditors, 2022, 8),
		modeled("BB", model.IndAllEditors, 2022, 30),
		modeled("CC", model.IndAllEditors, 2022, 5),
		modeled("DD", model.IndAllEditors, 2022, 7),
	}
	// BB's 2022 figure is real (an import's): it is not scaled, and the
	// region's total less it is what AA is scaled to.
	obs[4].Provenance = model.Provenance{Class: model.ClassReal, Source: "release"}
	et := editorTotals{
		regions: map[string]map[int][]float64{"R": {2022: {40, 60}}}, // mean 50
		months:  map[int][]string{2022: {"2022-06", "2022-07"}},
	}
	out, n := et.calibrateEditors(countries, obs)
	tests := []struct {
		name  string
		i     int
		want  float64
		class model.Class
		src   string
	}{
		{"scaled to the total less the real figure", 2, 20, model.ClassModeled, srcCalibrated},
		{"Wikipedia editors scale with them", 3, 16, model.ClassModeled, srcCalibrated},
		{"a year before the first total takes its scale", 0, 20, model.ClassModeled, srcCalibrated},
		{"the real figure stands", 4, 30, model.ClassReal, "release"},
		{"a region without a total is left alone", 5, 5, model.ClassModeled, srcModel},
		{"a country without a region is left alone", 6, 7, model.ClassModeled, srcModel},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := out[tt.i]
			if o.Value != tt.want || o.Class != tt.class || o.Source != tt.src {
				t.Errorf("%s %s %d = %v %s %s; want %v %s %s", o.ISO2, o.Indicator, o.Year, o.Value, o.Class, o.Source, tt.want, tt.class, tt.src)
			}
		})
	}
	if n != 2 {
		t.Errorf("%d country-years calibrated, want 2", n)
	}
}

// In the bundled database each region's active editors add up to its real
// monthly total, averaged over the year's months with one.
func TestBundledEditorsAddUpToRegionalTotals(t *testing.T) {
	et, err := readEditorTotals(committedDir)
	if err != nil {
		t.Fatal(err)
	}
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatalf("%v; rebuild with %s", err, rebuildHint)
	}
	checked := 0
	for region, byYear := range et.regions {
		for year, totals := range byYear {
			sum := 0.0
			for _, c := range d.Countries {
				if c.WikimediaRegion != region {
					continue
				}
				if v, ok := d.Value(c.ISO2, model.IndAllEditors, year); ok {
					sum += v
				}
			}
			if want := mean(totals); math.Abs(sum-want) > 0.005*want {
				t.Errorf("%s %d: the countries' active editors add up to %.0f, the real total is %.0f", region, year, sum, want)
			}
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("only %d region-years checked", checked)
	}
}
