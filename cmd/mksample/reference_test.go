package main

import (
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

// wdiTable is one World Bank WDI CSV read by the test on its own, without
// the importer: value by ISO alpha-3 and year column.
type wdiTable struct {
	rows  map[string][]string // ISO3 → record
	years map[int]int         // year → column
}

// readWDITable finds the file of an indicator code in the reference folder
// by the code in its rows and reads it with encoding/csv.
func readWDITable(t *testing.T, code string) wdiTable {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(referenceDir, refWorldBank, "*.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\uFEFF")))
		r.FieldsPerRecord = -1
		tab := wdiTable{rows: map[string][]string{}, years: map[int]int{}}
		header := false
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if !header {
				if len(rec) > 4 && rec[0] == "Country Name" {
					header = true
					for i, h := range rec {
						if y, err := strconv.Atoi(h); err == nil {
							tab.years[y] = i
						}
					}
				}
				continue
			}
			if len(rec) > 3 && rec[3] != code {
				break
			}
			if len(rec) > 1 {
				tab.rows[rec[1]] = rec
			}
		}
		if len(tab.rows) > 0 {
			return tab
		}
	}
	t.Fatalf("no file of %s in %s", code, filepath.Join(referenceDir, refWorldBank))
	return wdiTable{}
}

// value is the reference's figure of a country in a year, as written.
func (w wdiTable) value(iso3 string, year int) (float64, bool) {
	rec, ok := w.rows[iso3]
	col, okCol := w.years[year]
	if !ok || !okCol || col >= len(rec) || strings.TrimSpace(rec[col]) == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(rec[col]), 64)
	return v, err == nil
}

// TestBundledContextIsTheWorldBanks checks a sample of the bundled
// database's context figures, country by country, against the World Bank
// files in the reference copy: for each of the five indicators, every
// seventh country with a World Bank figure (by ISO code), at the first,
// middle and last year of its series. A figure CLDR fills in must be of a
// country the World Bank has no figure for.
func TestBundledContextIsTheWorldBanks(t *testing.T) {
	if _, err := os.Stat(filepath.Join(referenceDir, refWorldBank)); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("reference data not present: %v", err)
	}
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatalf("%v; rebuild with %s", err, rebuildHint)
	}
	codes := map[string]string{
		model.IndPopulation: "SP.POP.TOTL",
		model.IndInternet:   "IT.NET.USER.ZS",
		model.IndGDPPerCap:  "NY.GDP.PCAP.PP.CD",
		model.IndLiteracy:   "SE.ADT.LITR.ZS",
		model.IndMobile:     "IT.CEL.SETS.P2",
	}
	countries := slices.Clone(d.Countries)
	slices.SortFunc(countries, func(a, b model.Country) int { return strings.Compare(a.ISO2, b.ISO2) })
	checked := 0
	for _, ind := range slices.Sorted(func(yield func(string) bool) {
		for id := range codes {
			if !yield(id) {
				return
			}
		}
	}) {
		code := codes[ind]
		ref := readWDITable(t, code)
		n, perIndicator := 0, 0
		for _, c := range countries {
			s := d.Series(c.ISO2, ind)
			if len(s) == 0 {
				continue
			}
			if s[0].Provenance().Source == srcCLDRFill {
				if len(s) != 1 {
					t.Errorf("%s %s: a CLDR figure beside %d others", c.ISO2, ind, len(s)-1)
				}
				for y := range ref.years {
					if v, ok := ref.value(c.ISO3, y); ok {
						t.Errorf("%s %s is CLDR's, but the World Bank has %v for %d", c.ISO2, ind, v, y)
						break
					}
				}
				continue
			}
			n++
			if n%7 != 1 {
				continue
			}
			for _, p := range []model.Point{s[0], s[len(s)/2], s[len(s)-1]} {
				want, ok := ref.value(c.ISO3, p.Year)
				if !ok {
					t.Errorf("%s %s %d: bundled %v, the World Bank has no figure", c.ISO2, ind, p.Year, p.Value)
					continue
				}
				if p.Value != want {
					t.Errorf("%s %s %d: bundled %v, the World Bank %v", c.ISO2, ind, p.Year, p.Value, want)
				}
				if pv := p.Provenance(); pv.Class != model.ClassReal || pv.Source != wdiSourceID(code) || pv.Period != strconv.Itoa(p.Year) {
					t.Errorf("%s %s %d: provenance %+v, want real from %s for %d", c.ISO2, ind, p.Year, pv, wdiSourceID(code), p.Year)
				}
				checked++
				perIndicator++
			}
		}
		if perIndicator < 4 {
			t.Errorf("%s: only %d figures checked", ind, perIndicator)
		}
	}
	t.Logf("%d figures checked against the World Bank files", checked)
	if checked < 20 {
		t.Errorf("%d figures checked, want at least 20", checked)
	}

	// The example: Mali's internet users, which the Factbook
	// extract had at 75.2 %.
	for year, want := range map[int]float64{2014: 7, 2022: 35.19919968} {
		p, ok := d.ContextAt("ML", model.IndInternet, year)
		if !ok || p.Year != year || math.Abs(p.Value-want) > 1e-9 || p.Class() != model.ClassReal {
			t.Errorf("Mali's internet users in %d: %+v, %v; want %v, real, of %d", year, p, ok, want, year)
		}
	}
}
