package main

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// `equity regions` and `equity compare`, whole, as a user pastes them and
// a script reads them.
func TestRegionsAndCompareGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"regions.txt", []string{"regions"}},
		{"regions.csv", []string{"regions", "--format", "csv"}},
		{"regions-emerging.txt", []string{"regions", "--group", "emerging"}},
		{"regions-emerging.csv", []string{"regions", "-g", "Emerging", "-f", "csv"}},
		{"compare-ng-br-in.txt", []string{"compare", "NG", "BR", "IN"}},
		{"compare-ng-br-in.md", []string{"compare", "nigeria", "BRA", "in", "--format", "md"}},
		{"compare-ng-br-in.csv", []string{"compare", "NG", "BR", "IN", "--format", "csv"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, status := equity(t, nil, tt.args...)
			if status != 0 || errOut != "" {
				t.Fatalf("equity %v: status %d, stderr %q", tt.args, status, errOut)
			}
			golden(t, tt.name, out)
		})
	}
}

// The acceptance check: `equity regions --format csv` lists the 8
// Wikimedia regions with 54, 53, 48, 33, 32, 19, 8 and 2 countries, and
// their population shares add up to 100% (± 0.1).
func TestRegionsCSVAcceptance(t *testing.T) {
	out, errOut, status := equity(t, nil, "regions", "--format", "csv")
	if status != 0 {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, k := range recs[0] {
		col[k] = i
	}
	for _, k := range []string{"region", "countries", "population", "population_share", "internet_share", "readers_ratio", "readership_mean", "readership_median", "modeled"} {
		if _, ok := col[k]; !ok {
			t.Fatalf("no %q column in %v", k, recs[0])
		}
	}
	rows := recs[1:]
	if len(rows) != 8 {
		t.Fatalf("%d regions, want 8", len(rows))
	}
	var counts []int
	var share float64
	for _, r := range rows {
		n, err := strconv.Atoi(r[col["countries"]])
		if err != nil {
			t.Fatalf("%s: countries %q: %v", r[col["region"]], r[col["countries"]], err)
		}
		counts = append(counts, n)
		s, err := strconv.ParseFloat(r[col["population_share"]], 64)
		if err != nil {
			t.Fatalf("%s: population share %q: %v", r[col["region"]], r[col["population_share"]], err)
		}
		share += s
		// The opening year's scores rest on page views and access alone:
		// no region is modeled there (2024's are, TestRegionsJSON).
		if r[col["modeled"]] != "false" {
			t.Errorf("%s is marked modeled in the opening year", r[col["region"]])
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(counts)))
	if want := []int{54, 53, 48, 33, 32, 19, 8, 2}; !slices.Equal(counts, want) {
		t.Errorf("country counts %v, want %v", counts, want)
	}
	if math.Abs(share-100) > 0.1 {
		t.Errorf("population shares add up to %.3f%%, want 100 ± 0.1", share)
	}
}

// JSON is one object with the provenance, the notes, the grouping and year,
// and a row per region.
func TestRegionsJSON(t *testing.T) {
	out, _, status := equity(t, nil, "regions", "--format", "json", "--year", "2024")
	if status != 0 {
		t.Fatalf("status %d", status)
	}
	var doc struct {
		Dataset  struct{ Modeled bool }
		Grouping string
		Year     int
		Notes    []string
		Regions  []struct {
			Region          string
			Countries       int
			PopulationShare float64  `json:"population_share"`
			ReadersRatio    *float64 `json:"readers_ratio"`
			ReadershipMean  *float64 `json:"readership_mean"`
			Modeled         bool
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Regions) != 8 || doc.Grouping != "wikimedia" || doc.Year != 2024 || !doc.Dataset.Modeled {
		t.Fatalf("%d regions, grouping %q, year %d, modeled %v", len(doc.Regions), doc.Grouping, doc.Year, doc.Dataset.Modeled)
	}
	notes := strings.Join(doc.Notes, " ")
	for _, say := range []string{"MODELED", "this project's measure", "Below 1", "World Bank WDI"} {
		if !strings.Contains(notes, say) {
			t.Errorf("the notes do not say %q", say)
		}
	}
	for _, r := range doc.Regions {
		if r.Countries == 0 || r.ReadersRatio == nil || r.ReadershipMean == nil || !r.Modeled {
			t.Errorf("region %+v", r)
		}
	}
	if doc.Regions[0].Region != "Central & Eastern Europe & Central Asia" {
		t.Errorf("first region %q, want the regions by name", doc.Regions[0].Region)
	}
}

// Every grouping answers in every format.
func TestRegionsEveryGrouping(t *testing.T) {
	for _, g := range []string{"wikimedia", "subregion", "continent", "emerging", "economic"} {
		for _, f := range []string{"table", "csv", "json", "md"} {
			out, errOut, status := equity(t, nil, "regions", "--group", g, "--format", f, "--year", "2019")
			if status != 0 || errOut != "" || out == "" {
				t.Errorf("regions --group %s --format %s: status %d, stderr %q", g, f, status, errOut)
			}
		}
	}
}

// compare's JSON is keyed by measure, then by ISO2 code, with the
// countries in the order asked.
func TestCompareJSON(t *testing.T) {
	out, _, status := equity(t, nil, "compare", "in", "Nigeria", "BRA", "--format", "json", "--year", "2022")
	if status != 0 {
		t.Fatalf("status %d", status)
	}
	var doc struct {
		Year      int
		Countries []struct{ ISO2, Name string }
		Measures  map[string]struct {
			Label   string
			Modeled bool
			Values  map[string]any
		}
		Notes []string
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, c := range doc.Countries {
		order = append(order, c.ISO2)
	}
	if !slices.Equal(order, []string{"IN", "NG", "BR"}) || doc.Year != 2022 {
		t.Errorf("countries %v in %d, want IN NG BR in 2022", order, doc.Year)
	}
	pop := doc.Measures["population"]
	if v, ok := pop.Values["NG"].(float64); !ok || v < 200e6 || pop.Modeled {
		t.Errorf("population %+v", pop)
	}
	// Readership of 2022 is real or estimated for the three; their
	// editors are modeled.
	rp := doc.Measures["readership_presence"]
	if _, ok := rp.Values["BR"].(float64); !ok || rp.Modeled || rp.Label == "" {
		t.Errorf("readership presence %+v", rp)
	}
	if ep := doc.Measures["editorship_presence"]; !ep.Modeled {
		t.Errorf("editorship presence %+v: want modeled", ep)
	}
	if _, ok := doc.Measures["programs_growth"]; ok {
		t.Error("a programs growth measure, though Programs has no growth inputs")
	}
	if r := doc.Measures["wikimedia_region"].Values["IN"]; r != "South Asia" {
		t.Errorf("India's region %v", r)
	}
	if w, _ := doc.Measures["open_wikipedias"].Values["NG"].(string); !strings.HasPrefix(w, "en, pcm, ha") {
		t.Errorf("Nigeria's open Wikipedias %q", w)
	}
	if !strings.Contains(strings.Join(doc.Notes, " "), "MODELED") {
		t.Errorf("notes %q", doc.Notes)
	}
}

// Two to six countries, in any spelling; more or fewer, or one twice, is a
// mistake on the command line.
func TestCompareCount(t *testing.T) {
	six := []string{"compare", "NG", "BR", "IN", "ID", "PK", "BD"}
	if out, errOut, status := equity(t, nil, six...); status != 0 || strings.Count(out, "(PK)") != 1 {
		t.Errorf("compare of six: status %d, stderr %q", status, errOut)
	}
	if _, errOut, status := equity(t, nil, "compare", "ng", "Ghana"); status != 0 {
		t.Errorf("compare of two: status %d, stderr %q", status, errOut)
	}
}

// Mistakes on the command line end in one sentence on stderr, status 2,
// and nothing on stdout.
func TestRegionsAndCompareBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		say  string
	}{
		{"unknown grouping", []string{"regions", "--group", "galaxy"},
			`unknown grouping "galaxy"; use one of wikimedia, subregion, continent, emerging, economic. Run ` + "`equity --help`"},
		{"empty grouping", []string{"regions", "--group", ""}, `unknown grouping ""`},
		{"regions year out of range", []string{"regions", "--year", "2031"}, "no figures for 2031; its years are 2016–2025"},
		{"regions bad year", []string{"regions", "--year", "soon"}, `--year takes a whole number, not "soon".`},
		{"regions unknown format", []string{"regions", "--format", "xml"}, `unknown format "xml"; use one of table, csv, json, md`},
		{"regions argument", []string{"regions", "South Asia"}, `unknown command "South Asia"`},
		{"compare nothing", []string{"compare"}, "compare takes 2 to 6 countries, not 0. Run `equity --help`"},
		{"compare one", []string{"compare", "NG"}, "compare takes 2 to 6 countries, not 1."},
		{"compare seven", []string{"compare", "NG", "BR", "IN", "ID", "PK", "BD", "GH"}, "compare takes 2 to 6 countries, not 7."},
		{"compare unknown country", []string{"compare", "NG", "atlantis"}, `no country matches "atlantis"; did you mean`},
		{"compare ambiguous country", []string{"compare", "BR", "nige"}, "Niger (NE), Nigeria (NG)"},
		{"compare the same twice", []string{"compare", "NG", "BR", "ng"}, "Nigeria (NG) is named twice; name each country once."},
		{"compare two names for one", []string{"compare", "BR", "NGA", "nigeria"}, `"NGA" and "nigeria" are both Nigeria (NG); name each country once.`},
		{"compare year out of range", []string{"compare", "NG", "BR", "--year", "1999"}, "no figures for 1999"},
		{"compare unknown format", []string{"compare", "NG", "BR", "-f", "yaml"}, `unknown format "yaml"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, status := equity(t, nil, tt.args...)
			if status != exitUsage {
				t.Errorf("status %d, want %d", status, exitUsage)
			}
			if out != "" {
				t.Errorf("printed to stdout: %q", out)
			}
			if !strings.Contains(errOut, tt.say) {
				t.Errorf("stderr %q does not say %q", errOut, tt.say)
			}
			if strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.HasPrefix(errOut, "equity: ") {
				t.Errorf("stderr is not one line starting \"equity: \": %q", errOut)
			}
		})
	}
}
