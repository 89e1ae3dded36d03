package main

import (
	"encoding/csv"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

// readCSVFile reads a whole CSV with encoding/csv, header first.
func readCSVFile(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// abbrev reads a wivivi figure such as "3.3^B" on its own, without the
// importer, so that the test does not check the reader against itself.
func abbrev(t *testing.T, s string) float64 {
	t.Helper()
	mult := 1.0
	for suffix, m := range map[string]float64{"^K": 1e3, "^M": 1e6, "^B": 1e9} {
		if strings.HasSuffix(s, suffix) {
			s, mult = strings.TrimSuffix(s, suffix), m
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("wivivi figure %q: %v", s, err)
	}
	return math.Round(v * mult)
}

// referenceViews reads the three releases from the reference copy: views
// by ISO alpha-2 (via countries.csv for wivivi's alpha-3) and year.
func referenceViews(t *testing.T, iso3to2 map[string]string) map[string]map[int]float64 {
	t.Helper()
	out := map[string]map[int]float64{}
	add := func(iso2 string, year int, v float64) {
		if out[iso2] == nil {
			out[iso2] = map[int]float64{}
		}
		out[iso2][year] = v
	}
	ws := readCSVFile(t, filepath.Join(referenceDir, refWikistats2))
	for _, r := range ws[1:] {
		if r[0] == "--" { // views of unknown location
			continue
		}
		v, err := strconv.ParseFloat(r[3], 64)
		if err != nil {
			t.Fatalf("wikistats2 %v: %v", r, err)
		}
		add(r[0], 2025, v)
	}
	// The movement metrics' eleven countries, January 2022 (as corrected)
	// and January 2023, named as the file names them.
	top := map[string]string{"United States": "US", "Japan": "JP", "Germany": "DE", "United Kingdom": "GB", "India": "IN",
		"Russia": "RU", "France": "FR", "Italy": "IT", "Canada": "CA", "Poland": "PL", "Spain": "ES"}
	for _, r := range readCSVFile(t, filepath.Join(referenceDir, refTopCountries))[1:] {
		if r[0] != "readers" {
			continue
		}
		iso2, ok := top[r[1]]
		if !ok {
			t.Fatalf("top countries: %q is none of the eleven", r[1])
		}
		for year, col := range map[int]int{2022: 3, 2023: 4} {
			v, err := strconv.ParseFloat(r[col], 64)
			if err != nil {
				t.Fatalf("top countries %v: %v", r, err)
			}
			add(iso2, year, v)
		}
	}
	for year, rel := range map[int]string{2016: refWivivi2016, 2017: refWivivi2017} {
		recs := readCSVFile(t, filepath.Join(referenceDir, rel))
		for _, r := range recs[1:] {
			if iso2, ok := iso3to2[r[0]]; ok {
				add(iso2, year, abbrev(t, r[3]))
			}
		}
	}
	return out
}

// TestBundledPageviewsArePublished checks the committed page view facts,
// country by country, against the reference copies read on their own: every
// fifth row of sources/pageviews.csv, and the examples. It then
// checks that the database's estimates follow from those figures by the
// stated method, and that protected countries are missing, never modeled.
func TestBundledPageviewsArePublished(t *testing.T) {
	if _, err := os.Stat(filepath.Join(referenceDir, "wikimedia-readership")); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("reference data not present: %v", err)
	}
	iso3to2 := map[string]string{}
	for _, r := range readCSVFile(t, filepath.Join(committedDir, "countries.csv"))[1:] {
		iso3to2[r[1]] = r[0]
	}
	ref := referenceViews(t, iso3to2)

	rows := readCSVFile(t, filepath.Join(committedDir, pageviewsFile))[1:]
	checked := 0
	for i, r := range rows {
		year, _ := strconv.Atoi(r[1])
		v, _ := strconv.ParseFloat(r[3], 64)
		want, ok := ref[r[0]][year]
		switch {
		case !ok:
			t.Errorf("%s %d: bundled %v, the reference has no figure", r[0], year, v)
		case i%5 == 0 && v != want:
			t.Errorf("%s %d: bundled %v, the reference %v", r[0], year, v, want)
		case i%5 == 0:
			checked++
		}
	}
	t.Logf("%d of %d page view figures checked against the reference", checked, len(rows))
	if checked < 100 {
		t.Errorf("only %d figures checked", checked)
	}
	n := 0
	for _, byYear := range ref {
		n += len(byYear)
	}
	if n != len(rows) {
		t.Errorf("the reference has %d country figures, the bundled file %d", n, len(rows))
	}
	for _, tt := range []struct {
		iso2 string
		year int
		want float64
	}{
		{"US", 2025, 3320643000}, {"US", 2017, 3.2e9}, {"ML", 2017, 897000}, {"ML", 2025, 1127000}, {"CN", 2017, 106e6},
	} {
		if got := ref[tt.iso2][tt.year]; got != tt.want {
			t.Errorf("reference %s %d = %v, want %v", tt.iso2, tt.year, got, tt.want)
		}
	}

	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatalf("%v; rebuild with %s", err, rebuildHint)
	}
	// Log-linear between the nearest real figures before and after, read
	// at mid-year: June 2017 (June of the year), January 2022 and 2023
	// (for the eleven), September 2025.
	month := map[int]int{2016: 6, 2017: 6, 2022: 1, 2023: 1, 2025: 9}
	for _, iso2 := range []string{"US", "ML", "NG", "BR", "IN", "DE", "JP", "AX"} {
		for _, year := range []int{2018, 2021, 2024} {
			t0, t1, v0, v1 := 0, 0, 0.0, 0.0
			at := float64(year*12+6) - 0.5
			for _, y := range []int{2016, 2017, 2022, 2023, 2025} {
				v, ok := ref[iso2][y]
				m := y*12 + month[y] - 1
				switch {
				case !ok:
				case float64(m) <= at:
					t0, v0 = m, v
				case t1 == 0:
					t1, v1 = m, v
				}
			}
			want := math.Round(v0 * math.Pow(v1/v0, (at-float64(t0))/float64(t1-t0)))
			got, ok := d.Value(iso2, model.IndPageviews, year)
			pv, _ := d.Provenance(iso2, model.IndPageviews, year)
			if !ok || got != want || pv.Class != model.ClassEstimated || pv.Source != srcPageviewsEst {
				t.Errorf("%s %d page views = %v, %v, %+v; want %v, estimated, from %s", iso2, year, got, ok, pv, want, srcPageviewsEst)
			}
			if pv, _ := d.Provenance(iso2, model.IndDevices, year); pv.Class != model.ClassEstimated || pv.Source != srcDevicesEst {
				t.Errorf("%s %d unique devices: %+v; want estimated, from %s", iso2, year, pv, srcDevicesEst)
			}
		}
	}
	// The eleven's January figures are real in their years.
	for _, year := range []int{2022, 2023} {
		got, ok := d.Value("US", model.IndPageviews, year)
		pv, _ := d.Provenance("US", model.IndPageviews, year)
		if !ok || got != ref["US"][year] || pv.Class != model.ClassReal || pv.Source != srcTopReaders {
			t.Errorf("US %d page views = %v, %+v; want %v, real, from %s", year, got, pv, ref["US"][year], srcTopReaders)
		}
	}
	// Protected countries: real in 2016/2017, absent in 2025, so missing
	// after 2017 with the reason, and never modeled.
	for _, c := range d.Countries {
		if !c.Protected {
			continue
		}
		if _, ok := ref[c.ISO2][2025]; ok {
			t.Errorf("%s is protected but in the 2025 release", c.ISO2)
		}
		for year := firstYear; year <= lastYear; year++ {
			for _, ind := range []string{model.IndPageviews, model.IndDevices} {
				if _, published := ref[c.ISO2][year]; published && ind == model.IndPageviews {
					// Another release publishes it (Russia's January
					// page views): real, not missing.
					if pv, _ := d.Provenance(c.ISO2, ind, year); pv.Class != model.ClassReal {
						t.Errorf("%s %s %d: %+v; want the published figure, real", c.ISO2, ind, year, pv)
					}
					continue
				}
				if v, ok := d.Value(c.ISO2, ind, year); ok {
					t.Errorf("%s %s %d = %v; a protected country has no figure after 2017 but what a release publishes", c.ISO2, ind, year, v)
				}
				if m, ok := d.MissingReason(c.ISO2, ind, year); !ok || m.Reason != reasonProtected || m.Source != srcWikistats2 {
					t.Errorf("%s %s %d: missing %+v, %v; want the protection list's reason, from %s", c.ISO2, ind, year, m, ok, srcWikistats2)
				}
			}
		}
	}
}

// TestReadershipClasses: no readership figure of a country with real page
// views is modeled, and the modeled ones are the 21 inhabited territories
// with no real figure before 2025, as the notes say.
func TestReadershipClasses(t *testing.T) {
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatalf("%v; rebuild with %s", err, rebuildHint)
	}
	before := map[string]bool{}
	for _, r := range readCSVFile(t, filepath.Join(committedDir, pageviewsFile))[1:] {
		if r[1] < "2018" {
			before[r[0]] = true
		}
	}
	modeled := map[string]bool{}
	for _, ind := range []string{model.IndPageviews, model.IndDevices} {
		for _, c := range d.Countries {
			for _, p := range d.Series(c.ISO2, ind) {
				if p.Class() == model.ClassModeled {
					modeled[c.ISO2] = true
					if before[c.ISO2] {
						t.Errorf("%s %s %d is modeled, but the country has real page views", c.ISO2, ind, p.Year)
					}
				}
			}
		}
	}
	if len(modeled) != 21 || !strings.Contains(sampleNotes, "the 21 inhabited territories") {
		t.Errorf("%d countries with modeled readership, the notes say 21", len(modeled))
	}
}

// TestDevicesAddUpToRegions: a region's estimated unique devices add up to
// its real monthly average less the protected countries' part, to rounding.
func TestDevicesAddUpToRegions(t *testing.T) {
	f, err := readFacts(committedDir)
	if err != nil {
		t.Fatal(err)
	}
	regionOf, protectedOf := map[string]string{}, map[string]bool{}
	for _, c := range f.countries {
		regionOf[c.ISO2], protectedOf[c.ISO2] = c.WikimediaRegion, c.Protected
	}
	type ry struct {
		region string
		year   int
	}
	total, n := map[ry]float64{}, map[ry]float64{}
	for _, r := range readCSVFile(t, filepath.Join(committedDir, regionDevicesFile))[1:] {
		year, _ := strconv.Atoi(r[1][:4])
		v, _ := strconv.ParseFloat(r[2], 64)
		total[ry{r[0], year}] += v
		n[ry{r[0], year}]++
	}
	// The protected part: the protected countries' share of the region's
	// real Wikipedia views of June 2017.
	all, prot := map[string]float64{}, map[string]float64{}
	for _, r := range readCSVFile(t, filepath.Join(committedDir, pageviewsFile))[1:] {
		if r[1] == "2017" {
			v, _ := strconv.ParseFloat(r[3], 64)
			all[regionOf[r[0]]] += v
			if protectedOf[r[0]] {
				prot[regionOf[r[0]]] += v
			}
		}
	}
	got, count := map[ry]float64{}, map[ry]int{}
	for _, o := range f.readership.observations {
		if o.Indicator == model.IndDevices {
			got[ry{regionOf[o.ISO2], o.Year}] += o.Value
			count[ry{regionOf[o.ISO2], o.Year}]++
		}
	}
	if len(got) != 8*7 {
		t.Errorf("%d regions and years with devices, want 8 regions × 7 years", len(got))
	}
	for k, v := range got {
		want := total[k] / n[k] * (1 - prot[k.region]/all[k.region])
		if math.Abs(v-want) > float64(count[k]) {
			t.Errorf("%s %d: countries' devices add up to %.0f, want %.0f", k.region, k.year, v, want)
		}
	}
	if got[ry{"North America", 2024}] == 0 || n[ry{"North America", 2024}] != 2 {
		t.Errorf("2024 devices should rest on January and February: %v months", n[ry{"North America", 2024}])
	}
}
