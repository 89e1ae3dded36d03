package importer

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
)

func TestReadCountriesFixture(t *testing.T) {
	cs := fixtureCountries(t)
	if len(cs) != 13 {
		t.Fatalf("%d countries, want 13", len(cs))
	}
	byISO := map[string]model.Country{}
	for _, c := range cs {
		byISO[c.ISO2] = c
	}
	deepEqual(t, "AF", byISO["AF"], model.Country{ISO2: "AF", ISO3: "AFG", Name: "Afghanistan",
		WikimediaRegion: "South Asia", UNContinent: "Asia", UNSubregion: "Southern Asia", EconomicRegion: "Global South",
		EmergingClass: "Least Developed", MarketClass: "Build", Protected: true, DataRiskScore: ptr(60.25), DataRiskClass: "Medium risk"})
	// Antarctica: no Wikimedia region, no risk score, no classes.
	deepEqual(t, "AQ", byISO["AQ"], model.Country{ISO2: "AQ", ISO3: "ATA", Name: "Antarctica",
		UNContinent: "Antarctica", UNSubregion: "Antarctica", EconomicRegion: "Global South", DataRiskClass: "Lower risk"})
	// Namibia's code is NA, not a missing value.
	deepEqual(t, "NA", byISO["NA"], model.Country{ISO2: "NA", ISO3: "NAM", Name: "Namibia",
		WikimediaRegion: "Sub-Saharan Africa", UNContinent: "Africa", UNSubregion: "Southern Africa", EconomicRegion: "Global South",
		EmergingClass: "Least Developed", MarketClass: "Protect", DataRiskScore: ptr(19.09), DataRiskClass: "Lower risk"})
	// Quoted fields, with commas inside.
	if c := byISO["BQ"]; c.Name != "Bonaire, Sint Eustatius, and Saba" || c.DataRiskScore == nil || *c.DataRiskScore != 13 {
		t.Errorf("BQ = %+v", c)
	}
	if c := byISO["KE"]; c.WikimediaRegion != "Sub-Saharan Africa" || c.MarketClass != "Expand" || c.Protected {
		t.Errorf("KE = %+v", c)
	}
	if c := byISO["RU"]; !c.Protected || c.DataRiskClass != "Higher risk" {
		t.Errorf("RU = %+v", c)
	}
	if c := byISO["XK"]; c.ISO3 != "XKX" || c.Name != "Kosovo" {
		t.Errorf("XK = %+v", c)
	}
}

func TestReadCountriesBad(t *testing.T) {
	cs, ps := ReadCountries(open(t, "countries-bad.tsv"), "countries-bad.tsv")
	checkProblems(t, ps, "countries-bad.tsv",
		want{3, true, `is_protected "Yes" is neither True nor False`},
		want{4, true, "11 columns, the header has 12"},
		want{5, true, `"KE" appears twice (first on line 2)`},
		want{6, true, `iso_code "gh" is not two capital letters`},
		want{6, true, `data_risk_score "high" is not a number from 0 to 100`},
	)
	if !ps.Fatal() {
		t.Error("not fatal")
	}
	if len(cs) != 1 || cs[0].ISO2 != "KE" {
		t.Errorf("countries = %+v, want Kenya alone", cs)
	}
}

func TestReadCountriesShape(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       want
	}{
		{"empty", "", want{0, true, "the file is empty"}},
		{"no column", "name\tiso_code\tiso_alpha3_code\nNamibia\tNA\tNAM\n", want{1, true, "not a canonical countries TSV: no column is_protected, data_risk_score"}},
		{"header only", strings.Join(countryColumns(), "\t") + "\n", want{0, true, "no countries"}},
		{"bad quote", strings.Join(countryColumns(), "\t") + "\n\"Nami\"bia\tNA\n", want{2, true, "the rest of the file is not read"}},
		{"latin-1", strings.Join(countryColumns(), "\t") + "\nC\xf4te\tCI\tCIV\tFalse\t\t\t\t\t\t\t\t\n", want{2, true, "not UTF-8"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, ps := ReadCountries(strings.NewReader(tc.text), "c.tsv")
			checkProblems(t, ps, "c.tsv", tc.want)
		})
	}
}

// TestReadCountriesReference reads the real canonical list and checks it
// against the project's own extract of it (sample-data/sources).
func TestReadCountriesReference(t *testing.T) {
	cs := referenceCountries(t)
	if len(cs) != 250 {
		t.Errorf("%d countries, want 250", len(cs))
	}
	f, err := os.Open("../../sample-data/sources/countries.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	extract := map[string][]string{}
	for _, r := range rows[1:] {
		extract[r[0]] = r
	}
	if len(extract) != len(cs) {
		t.Errorf("the extract has %d countries, the reader %d", len(extract), len(cs))
	}
	for _, c := range cs {
		r, ok := extract[c.ISO2]
		if !ok {
			t.Errorf("%s is not in the extract", c.ISO2)
			continue
		}
		risk := ""
		if c.DataRiskScore != nil {
			risk = strconv.FormatFloat(*c.DataRiskScore, 'f', -1, 64)
		}
		got := []string{c.ISO2, c.ISO3, c.Name, c.WikimediaRegion, c.UNContinent, c.UNSubregion, c.EconomicRegion,
			c.EmergingClass, c.MarketClass, strconv.FormatBool(c.Protected), risk, c.DataRiskClass}
		deepEqual(t, c.ISO2, got, r)
	}
	for _, c := range cs {
		if c.ISO2 == "NA" && c.Name != "Namibia" {
			t.Errorf("NA is %q, want Namibia", c.Name)
		}
	}
}

// referenceCountries reads the shared canonical countries TSV, or skips.
func referenceCountries(t *testing.T) []model.Country {
	t.Helper()
	path := filepath.Join(referenceDir, "wikimedia-canonical-data", "countries.tsv")
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("no reference data at %s", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cs, ps := ReadCountries(f, path)
	if len(ps) > 0 {
		t.Fatalf("%s: %v", path, ps)
	}
	return cs
}
