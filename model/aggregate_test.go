package model_test

import (
	"math"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

// The hand-made dataset the aggregate tests are worked out on: seven
// countries (dataset order by name: AQ BD FR GH IN KE NG), three Wikimedia
// regions and Antarctica in none.
//
//	    Wikimedia region  continent   UN sub-region   economic  emerging
//	AQ  —                 Antarctica  Antarctica      South     —
//	BD  South Asia        Asia        Southern Asia   South     Least Developed
//	FR  N. & W. Europe    Europe      Western Europe  North     —
//	GH  Sub-Sah. Africa   Africa      Western Africa  South     Least Developed
//	IN  South Asia        Asia        Southern Asia   South     Emerging
//	KE  Sub-Sah. Africa   Africa      Eastern Africa  South     Emerging
//	NG  Sub-Sah. Africa   Africa      Western Africa  South     Emerging
//
// Context, as of 2024 (the latest figure at or before the year, else the
// earliest after it). The populations are made up so that the world adds
// up to 2000 and its internet users to 1000:
//
//	    population                  internet % (2014)  internet users
//	AQ    60 (2024)                 —                  — (no internet figure)
//	BD   200 (2022)                 55                 200 × 55 / 100 = 110
//	FR   100 (2024)                 90                  90
//	GH    40 (2025, the only one)   50                  20
//	IN  1400 (2020; 1500 in 2025)   50                 700
//	KE     — (no population)        40                  — (no population)
//	NG   200 (2024)                 40                  80
//	world 2000                                         1000
//
// Activity in 2024 (IN also has 999 devices in 2023, which 2024 ignores):
//
//	    devices  WP editors  grant US$  affiliates
//	AQ    100     —           —          —
//	BD    100    10           0          1
//	FR    400   110           —          4
//	GH     30    10        2000          —
//	IN    300    40        5000          2
//	KE     20     —           —          0
//	NG     50    30        3000          1
//	world 1000  200       10000          8
//
// Overall scores in 2024 (set with SetScores; IN also has a readership
// presence of 99, a growth of 1 and a 2023 overall of 5, which the
// aggregates ignore). Nobody has a Programs score.
//
//	    readership  editorship  grants  affiliates
//	AQ     10        —           —       —
//	BD     40        —           —       0
//	FR     90        —          10     100
//	GH     20        —          50       —
//	IN     60        —          70       —
//	KE     50       30           —       —
//	NG     80        —          30       —
const aggYear = 2024

func aggParts() model.Parts {
	obs := func(iso2, ind string, year int, v float64) model.Observation {
		return model.Observation{ISO2: iso2, Indicator: ind, Year: year, Value: v}
	}
	const sa, ssa, nwe = "South Asia", "Sub-Saharan Africa", "Northern & Western Europe"
	return model.Parts{
		Meta:       model.Meta{Title: "aggregate fixture", Kind: model.KindSample},
		Indicators: model.Catalog(),
		Countries: []model.Country{
			{ISO2: "IN", ISO3: "IND", Name: "India", WikimediaRegion: sa, UNContinent: "Asia", UNSubregion: "Southern Asia", EconomicRegion: "Global South", EmergingClass: "Emerging"},
			{ISO2: "BD", ISO3: "BGD", Name: "Bangladesh", WikimediaRegion: sa, UNContinent: "Asia", UNSubregion: "Southern Asia", EconomicRegion: "Global South", EmergingClass: "Least Developed"},
			{ISO2: "NG", ISO3: "NGA", Name: "Nigeria", WikimediaRegion: ssa, UNContinent: "Africa", UNSubregion: "Western Africa", EconomicRegion: "Global South", EmergingClass: "Emerging"},
			{ISO2: "GH", ISO3: "GHA", Name: "Ghana", WikimediaRegion: ssa, UNContinent: "Africa", UNSubregion: "Western Africa", EconomicRegion: "Global South", EmergingClass: "Least Developed"},
			{ISO2: "KE", ISO3: "KEN", Name: "Kenya", WikimediaRegion: ssa, UNContinent: "Africa", UNSubregion: "Eastern Africa", EconomicRegion: "Global South", EmergingClass: "Emerging"},
			{ISO2: "FR", ISO3: "FRA", Name: "France", WikimediaRegion: nwe, UNContinent: "Europe", UNSubregion: "Western Europe", EconomicRegion: "Global North"},
			{ISO2: "AQ", ISO3: "ATA", Name: "Antarctica", UNContinent: "Antarctica", UNSubregion: "Antarctica", EconomicRegion: "Global South"},
		},
		Observations: []model.Observation{
			obs("IN", model.IndPopulation, 2020, 1400), obs("IN", model.IndPopulation, 2025, 1500),
			obs("BD", model.IndPopulation, 2022, 200),
			obs("NG", model.IndPopulation, 2024, 200),
			obs("GH", model.IndPopulation, 2025, 40),
			obs("FR", model.IndPopulation, 2024, 100),
			obs("AQ", model.IndPopulation, 2024, 60),

			obs("IN", model.IndInternet, 2014, 50),
			obs("BD", model.IndInternet, 2014, 55),
			obs("NG", model.IndInternet, 2014, 40),
			obs("GH", model.IndInternet, 2014, 50),
			obs("KE", model.IndInternet, 2014, 40),
			obs("FR", model.IndInternet, 2014, 90),

			obs("IN", model.IndDevices, 2023, 999),
			obs("IN", model.IndDevices, 2024, 300), obs("BD", model.IndDevices, 2024, 100),
			obs("NG", model.IndDevices, 2024, 50), obs("GH", model.IndDevices, 2024, 30),
			obs("KE", model.IndDevices, 2024, 20), obs("FR", model.IndDevices, 2024, 400),
			obs("AQ", model.IndDevices, 2024, 100),

			obs("IN", model.IndWPEditors, 2024, 40), obs("BD", model.IndWPEditors, 2024, 10),
			obs("NG", model.IndWPEditors, 2024, 30), obs("GH", model.IndWPEditors, 2024, 10),
			obs("FR", model.IndWPEditors, 2024, 110),

			obs("IN", model.IndGrantsYearUSD, 2024, 5000), obs("BD", model.IndGrantsYearUSD, 2024, 0),
			obs("NG", model.IndGrantsYearUSD, 2024, 3000), obs("GH", model.IndGrantsYearUSD, 2024, 2000),

			obs("IN", model.IndAffiliates, 2024, 2), obs("BD", model.IndAffiliates, 2024, 1),
			obs("NG", model.IndAffiliates, 2024, 1), obs("KE", model.IndAffiliates, 2024, 0),
			obs("FR", model.IndAffiliates, 2024, 4),
		},
	}
}

func aggScores() []model.Score {
	overall := func(iso2 string, dom model.DomainID, v float64) model.Score {
		return model.Score{ISO2: iso2, Domain: dom, Facet: model.Overall, Year: aggYear, Score: v}
	}
	return []model.Score{
		overall("AQ", model.Readership, 10), overall("BD", model.Readership, 40), overall("FR", model.Readership, 90),
		overall("GH", model.Readership, 20), overall("IN", model.Readership, 60), overall("KE", model.Readership, 50),
		overall("NG", model.Readership, 80),
		overall("KE", model.Editorship, 30),
		overall("FR", model.Grants, 10), overall("GH", model.Grants, 50), overall("IN", model.Grants, 70), overall("NG", model.Grants, 30),
		overall("BD", model.Affiliates, 0), overall("FR", model.Affiliates, 100),
		// decoys: other facets and another year
		{ISO2: "IN", Domain: model.Readership, Facet: model.Presence, Year: aggYear, Score: 99},
		{ISO2: "IN", Domain: model.Readership, Facet: model.Growth, Year: aggYear, Score: 1},
		{ISO2: "IN", Domain: model.Readership, Facet: model.Overall, Year: aggYear - 1, Score: 5},
	}
}

func aggDataset(t testing.TB) *model.Dataset {
	t.Helper()
	d, err := model.New(aggParts())
	if err != nil {
		t.Fatalf("New(aggregate fixture): %v", err)
	}
	d.SetScores(aggScores())
	return d
}

// aggPart is an expected Part: amount and share; a NaN amount means OK false.
type aggPart struct{ amount, share float64 }

// aggSummary is an expected DomainSummary: a NaN mean means no weighted mean,
// a NaN median no median.
type aggSummary struct {
	mean, median float64
	scored       int
}

type regionWant struct {
	name       string
	countries  string // ISO2 codes in the dataset's order
	population aggPart
	internet   aggPart
	readers    aggPart
	editors    aggPart
	grants     aggPart
	affiliates aggPart
	// ratios of readers, editors, grants; NaN when missing
	ratios  [3]float64
	domains []aggSummary // Domains() order: readership, editorship, programs, grants, affiliates; access and any later domain have no score here
}

var aggNoScore = aggSummary{nan, nan, 0}

// The regions of the fixture, worked out by hand from the tables above.
var (
	// South Asia = BD + IN. Population 200 + 1400 = 1600 of 2000 = 80%;
	// internet users 110 + 700 = 810 of 1000 = 81%; readers 100 + 300 =
	// 400 of 1000 = 40%; editors 10 + 40 = 50 of 200 = 25%; grants 0 +
	// 5000 of 10000 = 50%; affiliates 1 + 2 = 3 of 8 = 37.5%. Ratios are
	// shares over 81: 40/81, 25/81, 50/81.
	// Readership: (40×200 + 60×1400) / 1600 = 92000/1600 = 57.5; median
	// of two: (40 + 60) / 2 = 50. Grants: IN alone, 70. Affiliates: BD
	// alone with 0, a real score.
	wantSouthAsia = regionWant{
		name: "South Asia", countries: "BD IN",
		population: aggPart{1600, 80}, internet: aggPart{810, 81},
		readers: aggPart{400, 40}, editors: aggPart{50, 25}, grants: aggPart{5000, 50}, affiliates: aggPart{3, 37.5},
		ratios:  [3]float64{40.0 / 81, 25.0 / 81, 50.0 / 81},
		domains: []aggSummary{{57.5, 50, 2}, aggNoScore, aggNoScore, {70, 70, 1}, {0, 0, 1}},
	}
	// Sub-Saharan Africa = GH + KE + NG. KE has no population: it adds
	// nothing to the population or internet users and is left out of the
	// weighted means, but its scores count in the medians. Population 40 +
	// 200 = 240 = 12%; internet users 20 + 80 = 100 = 10%; readers 30 + 20
	// + 50 = 100 = 10%; editors 10 + 30 = 40 = 20%; grants 2000 + 3000 =
	// 5000 = 50%; affiliates 0 + 1 = 1 = 12.5%. Ratios 10/10, 20/10, 50/10.
	// Readership: (20×40 + 80×200) / 240 = 16800/240 = 70; median of three
	// (20, 50, 80) = 50. Editorship: KE's 30 is the median, and there is
	// no weighted mean. Grants: (50×40 + 30×200) / 240 = 8000/240 = 33.3…;
	// median (30 + 50) / 2 = 40.
	wantSubSaharan = regionWant{
		name: "Sub-Saharan Africa", countries: "GH KE NG",
		population: aggPart{240, 12}, internet: aggPart{100, 10},
		readers: aggPart{100, 10}, editors: aggPart{40, 20}, grants: aggPart{5000, 50}, affiliates: aggPart{1, 12.5},
		ratios:  [3]float64{1, 2, 5},
		domains: []aggSummary{{70, 50, 3}, {nan, 30, 1}, aggNoScore, {100.0 / 3, 40, 2}, aggNoScore},
	}
	// Northern & Western Europe = FR: 100 = 5%; 90 = 9%; readers 400 =
	// 40%; editors 110 = 55%; no grant figure, so no grants share and no
	// grants ratio; affiliates 4 = 50%. Ratios 40/9, 55/9.
	wantEurope = regionWant{
		name: "Northern & Western Europe", countries: "FR",
		population: aggPart{100, 5}, internet: aggPart{90, 9},
		readers: aggPart{400, 40}, editors: aggPart{110, 55}, grants: aggPart{nan, 0}, affiliates: aggPart{4, 50},
		ratios:  [3]float64{40.0 / 9, 55.0 / 9, nan},
		domains: []aggSummary{{90, 90, 1}, aggNoScore, aggNoScore, {10, 10, 1}, {100, 100, 1}},
	}
	// The world: every country, Antarctica too. Readership: (10×60 + 40×200
	// + 90×100 + 20×40 + 60×1400 + 80×200) / 2000 = 118400/2000 = 59.2 (KE
	// has no population); median of seven (10 20 40 50 60 80 90) = 50.
	// Editorship: KE alone. Grants: (10×100 + 50×40 + 70×1400 + 30×200) /
	// 1740 = 107000/1740 = 61.49…; median (30 + 50) / 2 = 40. Affiliates:
	// (0×200 + 100×100) / 300 = 33.3…; median 50. Every share is 100%, every
	// ratio 1.
	wantWorld = regionWant{
		name: "World", countries: "AQ BD FR GH IN KE NG",
		population: aggPart{2000, 100}, internet: aggPart{1000, 100},
		readers: aggPart{1000, 100}, editors: aggPart{200, 100}, grants: aggPart{10000, 100}, affiliates: aggPart{8, 100},
		ratios:  [3]float64{1, 1, 1},
		domains: []aggSummary{{59.2, 50, 7}, {nan, 30, 1}, aggNoScore, {107000.0 / 1740, 40, 4}, {100.0 / 3, 50, 2}},
	}
)

func TestAggregate(t *testing.T) {
	d := aggDataset(t)
	tests := []struct {
		grouping model.Grouping
		regions  []regionWant
	}{
		// Antarctica has no Wikimedia region: it is in the world's totals
		// but in no region, so the population shares add up to 97%.
		{model.GroupWikimedia, []regionWant{wantEurope, wantSouthAsia, wantSubSaharan}},
		{model.GroupContinent, []regionWant{
			{name: "Africa", countries: "GH KE NG", population: wantSubSaharan.population, internet: wantSubSaharan.internet,
				readers: wantSubSaharan.readers, editors: wantSubSaharan.editors, grants: wantSubSaharan.grants, affiliates: wantSubSaharan.affiliates,
				ratios: wantSubSaharan.ratios, domains: wantSubSaharan.domains},
			// Antarctica: 60 = 3% of the people, no internet figure, so no
			// internet users and no ratio at all, though it has 10% of the
			// readers. Readership 10.
			{name: "Antarctica", countries: "AQ",
				population: aggPart{60, 3}, internet: aggPart{nan, 0},
				readers: aggPart{100, 10}, editors: aggPart{nan, 0}, grants: aggPart{nan, 0}, affiliates: aggPart{nan, 0},
				ratios:  [3]float64{nan, nan, nan},
				domains: []aggSummary{{10, 10, 1}, aggNoScore, aggNoScore, aggNoScore, aggNoScore}},
			{name: "Asia", countries: "BD IN", population: wantSouthAsia.population, internet: wantSouthAsia.internet,
				readers: wantSouthAsia.readers, editors: wantSouthAsia.editors, grants: wantSouthAsia.grants, affiliates: wantSouthAsia.affiliates,
				ratios: wantSouthAsia.ratios, domains: wantSouthAsia.domains},
			{name: "Europe", countries: "FR", population: wantEurope.population, internet: wantEurope.internet,
				readers: wantEurope.readers, editors: wantEurope.editors, grants: wantEurope.grants, affiliates: wantEurope.affiliates,
				ratios: wantEurope.ratios, domains: wantEurope.domains},
		}},
		{model.GroupEmerging, []regionWant{
			// IN + KE + NG: 1400 + 200 = 1600 = 80%; 700 + 80 = 780 = 78%;
			// readers 300 + 20 + 50 = 370 = 37%; editors 40 + 30 = 70 =
			// 35%; grants 5000 + 3000 = 8000 = 80%; affiliates 2 + 0 + 1 =
			// 3 = 37.5%. Ratios 37/78, 35/78, 80/78.
			// Readership: (60×1400 + 80×200) / 1600 = 100000/1600 = 62.5;
			// median of (50, 60, 80) = 60. Grants: (70×1400 + 30×200) / 1600
			// = 104000/1600 = 65; median (30 + 70) / 2 = 50.
			{name: "Emerging", countries: "IN KE NG",
				population: aggPart{1600, 80}, internet: aggPart{780, 78},
				readers: aggPart{370, 37}, editors: aggPart{70, 35}, grants: aggPart{8000, 80}, affiliates: aggPart{3, 37.5},
				ratios:  [3]float64{37.0 / 78, 35.0 / 78, 80.0 / 78},
				domains: []aggSummary{{62.5, 60, 3}, {nan, 30, 1}, aggNoScore, {65, 50, 2}, aggNoScore}},
			// BD + GH: 200 + 40 = 240 = 12%; 110 + 20 = 130 = 13%; readers
			// 100 + 30 = 130 = 13%; editors 10 + 10 = 20 = 10%; grants 0 +
			// 2000 = 20%; affiliates 1 = 12.5%. Ratios 13/13, 10/13, 20/13.
			// Readership: (40×200 + 20×40) / 240 = 8800/240 = 36.6…; median
			// (20 + 40) / 2 = 30. Grants: GH alone, 50. Affiliates: BD's 0.
			{name: "Least Developed", countries: "BD GH",
				population: aggPart{240, 12}, internet: aggPart{130, 13},
				readers: aggPart{130, 13}, editors: aggPart{20, 10}, grants: aggPart{2000, 20}, affiliates: aggPart{1, 12.5},
				ratios:  [3]float64{1, 10.0 / 13, 20.0 / 13},
				domains: []aggSummary{{8800.0 / 240, 30, 2}, aggNoScore, aggNoScore, {50, 50, 1}, {0, 0, 1}}},
			// AQ + FR, with no class: 60 + 100 = 160 = 8%; FR's 90 = 9%;
			// readers 100 + 400 = 500 = 50%; editors 110 = 55%; no grants;
			// affiliates 4 = 50%. Ratios 50/9, 55/9.
			// Readership: (10×60 + 90×100) / 160 = 9600/160 = 60; median
			// (10 + 90) / 2 = 50.
			{name: model.NotClassified, countries: "AQ FR",
				population: aggPart{160, 8}, internet: aggPart{90, 9},
				readers: aggPart{500, 50}, editors: aggPart{110, 55}, grants: aggPart{nan, 0}, affiliates: aggPart{4, 50},
				ratios:  [3]float64{50.0 / 9, 55.0 / 9, nan},
				domains: []aggSummary{{60, 50, 2}, aggNoScore, aggNoScore, {10, 10, 1}, {100, 100, 1}}},
		}},
		{model.GroupEconomic, []regionWant{
			{name: "Global North", countries: "FR", population: wantEurope.population, internet: wantEurope.internet,
				readers: wantEurope.readers, editors: wantEurope.editors, grants: wantEurope.grants, affiliates: wantEurope.affiliates,
				ratios: wantEurope.ratios, domains: wantEurope.domains},
			// Everyone else: 1900 = 95%; 910 = 91%; readers 600 = 60%;
			// editors 90 = 45%; grants 10000 = 100%; affiliates 4 = 50%.
			// Ratios 60/91, 45/91, 100/91.
			// Readership: (10×60 + 40×200 + 20×40 + 60×1400 + 80×200) / 1900
			// = 109400/1900 = 57.57…; median of (10 20 40 50 60 80) = 45.
			// Grants: (50×40 + 70×1400 + 30×200) / 1640 = 106000/1640 =
			// 64.63…; median of (30 50 70) = 50. Affiliates: BD's 0.
			{name: "Global South", countries: "AQ BD GH IN KE NG",
				population: aggPart{1900, 95}, internet: aggPart{910, 91},
				readers: aggPart{600, 60}, editors: aggPart{90, 45}, grants: aggPart{10000, 100}, affiliates: aggPart{4, 50},
				ratios:  [3]float64{60.0 / 91, 45.0 / 91, 100.0 / 91},
				domains: []aggSummary{{109400.0 / 1900, 45, 6}, {nan, 30, 1}, aggNoScore, {106000.0 / 1640, 50, 3}, {0, 0, 1}}},
		}},
		{model.GroupSubregion, []regionWant{
			{name: "Antarctica", countries: "AQ",
				population: aggPart{60, 3}, internet: aggPart{nan, 0},
				readers: aggPart{100, 10}, editors: aggPart{nan, 0}, grants: aggPart{nan, 0}, affiliates: aggPart{nan, 0},
				ratios:  [3]float64{nan, nan, nan},
				domains: []aggSummary{{10, 10, 1}, aggNoScore, aggNoScore, aggNoScore, aggNoScore}},
			// KE alone: no population, so no population part and no internet
			// users (its internet share has nothing to apply to); readers
			// 20 = 2%; affiliates 0 = 0%, a real zero. No ratio without
			// internet users. Readership 50 and editorship 30 have a median
			// but no weighted mean.
			{name: "Eastern Africa", countries: "KE",
				population: aggPart{nan, 0}, internet: aggPart{nan, 0},
				readers: aggPart{20, 2}, editors: aggPart{nan, 0}, grants: aggPart{nan, 0}, affiliates: aggPart{0, 0},
				ratios:  [3]float64{nan, nan, nan},
				domains: []aggSummary{{nan, 50, 1}, {nan, 30, 1}, aggNoScore, aggNoScore, aggNoScore}},
			{name: "Southern Asia", countries: "BD IN", population: wantSouthAsia.population, internet: wantSouthAsia.internet,
				readers: wantSouthAsia.readers, editors: wantSouthAsia.editors, grants: wantSouthAsia.grants, affiliates: wantSouthAsia.affiliates,
				ratios: wantSouthAsia.ratios, domains: wantSouthAsia.domains},
			// GH + NG: 240 = 12%; 100 = 10%; readers 80 = 8%; editors 40 =
			// 20%; grants 5000 = 50%; affiliates 1 = 12.5%. Ratios 0.8, 2, 5.
			// Readership: (20×40 + 80×200) / 240 = 70; median (20 + 80) / 2
			// = 50. Grants as in Sub-Saharan Africa (KE has none).
			{name: "Western Africa", countries: "GH NG",
				population: aggPart{240, 12}, internet: aggPart{100, 10},
				readers: aggPart{80, 8}, editors: aggPart{40, 20}, grants: aggPart{5000, 50}, affiliates: aggPart{1, 12.5},
				ratios:  [3]float64{0.8, 2, 5},
				domains: []aggSummary{{70, 50, 2}, aggNoScore, aggNoScore, {100.0 / 3, 40, 2}, aggNoScore}},
			{name: "Western Europe", countries: "FR", population: wantEurope.population, internet: wantEurope.internet,
				readers: wantEurope.readers, editors: wantEurope.editors, grants: wantEurope.grants, affiliates: wantEurope.affiliates,
				ratios: wantEurope.ratios, domains: wantEurope.domains},
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.grouping), func(t *testing.T) {
			agg := d.Aggregate(tt.grouping, aggYear)
			if agg.Grouping != tt.grouping || agg.Year != aggYear {
				t.Errorf("Aggregate says grouping %q, year %d", agg.Grouping, agg.Year)
			}
			var names, want []string
			for _, r := range agg.Regions {
				names = append(names, r.Name)
			}
			for _, r := range tt.regions {
				want = append(want, r.name)
			}
			if !slices.Equal(names, want) {
				t.Fatalf("regions %q, want %q", names, want)
			}
			for i, w := range tt.regions {
				checkAggRegion(t, agg.Regions[i], w)
			}
			checkAggRegion(t, agg.World, wantWorld)
		})
	}
}

func checkAggRegion(t *testing.T, r model.Region, w regionWant) {
	t.Helper()
	var codes []string
	for _, c := range r.Countries {
		codes = append(codes, c.ISO2)
	}
	if got := strings.Join(codes, " "); got != w.countries {
		t.Errorf("%s: countries %s, want %s", w.name, got, w.countries)
	}
	for _, p := range []struct {
		what string
		got  model.Part
		want aggPart
	}{
		{"population", r.Population, w.population}, {"internet users", r.InternetUsers, w.internet},
		{"readers", r.Readers, w.readers}, {"editors", r.Editors, w.editors},
		{"grants", r.Grants, w.grants}, {"affiliates", r.Affiliates, w.affiliates},
	} {
		wantOK := !math.IsNaN(p.want.amount)
		switch {
		case p.got.OK != wantOK:
			t.Errorf("%s: %s OK %v, want %v (%+v)", w.name, p.what, p.got.OK, wantOK, p.got)
		case wantOK && (!same(p.got.Amount, p.want.amount) || !same(p.got.Share, p.want.share)):
			t.Errorf("%s: %s %v (%v%%), want %v (%v%%)", w.name, p.what, p.got.Amount, p.got.Share, p.want.amount, p.want.share)
		case !wantOK && (p.got.Amount != 0 || p.got.Share != 0):
			t.Errorf("%s: %s missing but %+v", w.name, p.what, p.got)
		}
	}
	for i, got := range []model.Ratio{r.ReadersRatio, r.EditorsRatio, r.GrantsRatio} {
		what := []string{"readers", "editors", "grants"}[i]
		want := w.ratios[i]
		if got.OK == math.IsNaN(want) || got.OK && !same(got.Value, want) {
			t.Errorf("%s: %s ratio %+v, want %v", w.name, what, got, want)
		}
	}
	if len(r.Domains) != len(model.Domains()) {
		t.Fatalf("%s: %d domain summaries, want %d", w.name, len(r.Domains), len(model.Domains()))
	}
	for i, dom := range model.Domains() {
		got, want := r.Domains[i], aggNoScore
		if i < len(w.domains) {
			want = w.domains[i]
		}
		if got.Domain != dom.ID {
			t.Errorf("%s: summary %d is of %s, want %s", w.name, i, got.Domain, dom.ID)
		}
		if got.HasWeighted == math.IsNaN(want.mean) || got.HasWeighted && !same(got.WeightedMean, want.mean) {
			t.Errorf("%s %s: weighted mean %v (has %v), want %v", w.name, dom.ID, got.WeightedMean, got.HasWeighted, want.mean)
		}
		if got.OK == math.IsNaN(want.median) || got.OK && !same(got.Median, want.median) {
			t.Errorf("%s %s: median %v (ok %v), want %v", w.name, dom.ID, got.Median, got.OK, want.median)
		}
		if got.Scored != want.scored {
			t.Errorf("%s %s: %d countries scored, want %d", w.name, dom.ID, got.Scored, want.scored)
		}
	}
}

// Context figures are the latest at or before the year: in 2025 India
// counts 1500 and Ghana its 2025 figure as before, so South Asia has 1500 +
// 200 = 1700 of a world of 2100 (80.95…%). There is no activity in 2025:
// no readers anywhere, so no shares and no ratios; no scores either.
func TestAggregateContextYear(t *testing.T) {
	d := aggDataset(t)
	agg := d.Aggregate(model.GroupWikimedia, 2025)
	sa := agg.Regions[1]
	if sa.Name != "South Asia" || !same(sa.Population.Amount, 1700) || !same(sa.Population.Share, 100*1700.0/2100) {
		t.Errorf("%s in 2025: population %+v, want 1700 of 2100", sa.Name, sa.Population)
	}
	// 1500 × 50% + 110 = 860 of 1000 - 700 + 750 = 1050
	if !same(sa.InternetUsers.Amount, 860) || !same(agg.World.InternetUsers.Amount, 1050) {
		t.Errorf("internet users %v of %v, want 860 of 1050", sa.InternetUsers.Amount, agg.World.InternetUsers.Amount)
	}
	if sa.Readers.OK || sa.ReadersRatio.OK || sa.Domains[0].OK || sa.Domains[0].HasWeighted {
		t.Errorf("South Asia in 2025 has readers %+v, ratio %+v, readership %+v; want none", sa.Readers, sa.ReadersRatio, sa.Domains[0])
	}
	// 2023: only India's 999 devices, so South Asia has all the readers;
	// India's 2023 readership score of 5 is the only one.
	agg = d.Aggregate(model.GroupWikimedia, 2023)
	sa = agg.Regions[1]
	if !same(sa.Readers.Amount, 999) || !same(sa.Readers.Share, 100) || !same(sa.ReadersRatio.Value, 100.0/81) {
		t.Errorf("South Asia in 2023: readers %+v, ratio %+v; want 999, 100%%, 100/81", sa.Readers, sa.ReadersRatio)
	}
	if r := sa.Domains[0]; !r.OK || !same(r.Median, 5) || !same(r.WeightedMean, 5) || r.Scored != 1 {
		t.Errorf("South Asia's readership in 2023: %+v, want India's 5", r)
	}
}

// NotClassified goes last whatever its name's place in the alphabet.
func TestAggregateNotClassifiedLast(t *testing.T) {
	d, err := model.New(model.Parts{Indicators: model.Catalog(), Countries: []model.Country{
		{ISO2: "AA", ISO3: "AAA", Name: "Aa", EmergingClass: "Transitional"}, // a made-up class after "Not classified"
		{ISO2: "BB", ISO3: "BBB", Name: "Bb"},
		{ISO2: "CC", ISO3: "CCC", Name: "Cc", EmergingClass: "Developed"},
		{ISO2: "DD", ISO3: "DDD", Name: "Dd", EmergingClass: "Zeta"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range d.Aggregate(model.GroupEmerging, 2024).Regions {
		names = append(names, r.Name)
	}
	if want := []string{"Developed", "Transitional", "Zeta", model.NotClassified}; !slices.Equal(names, want) {
		t.Errorf("emerging groups %q, want %q", names, want)
	}
	// the other groupings never make a NotClassified group: a country
	// without a place is in no group
	if regions := d.Aggregate(model.GroupWikimedia, 2024).Regions; len(regions) != 0 {
		t.Errorf("%d Wikimedia regions of countries without one", len(regions))
	}
}

func TestParseGrouping(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want model.Grouping
	}{
		{"wikimedia", model.GroupWikimedia}, {"subregion", model.GroupSubregion}, {"continent", model.GroupContinent},
		{"emerging", model.GroupEmerging}, {"economic", model.GroupEconomic},
		{"Wikimedia", model.GroupWikimedia}, {"SUBREGION", model.GroupSubregion}, {" Continent ", model.GroupContinent},
		{"eMeRgInG", model.GroupEmerging}, {"ECONOMIC\t", model.GroupEconomic},
	} {
		got, err := model.ParseGrouping(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseGrouping(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "wiki", "region", "un", "global south", "wikimedia regions"} {
		got, err := model.ParseGrouping(in)
		if err == nil {
			t.Errorf("ParseGrouping(%q) = %q, want an error", in, got)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, `"`+in+`"`) || !strings.Contains(msg, "wikimedia, subregion, continent, emerging, economic") {
			t.Errorf("ParseGrouping(%q): %q should quote the input and list every grouping", in, msg)
		}
	}
	// Groupings lists every grouping once, each parsing to itself.
	for _, g := range model.Groupings() {
		if got, err := model.ParseGrouping(string(g)); err != nil || got != g {
			t.Errorf("ParseGrouping(%q) = %q, %v", g, got, err)
		}
	}
	if n := len(model.Groupings()); n != 5 {
		t.Errorf("%d groupings, want 5", n)
	}
}

func TestGroupingTitle(t *testing.T) {
	for g, want := range map[model.Grouping]string{
		model.GroupWikimedia: "Wikimedia regions",
		model.GroupSubregion: "UN sub-regions",
		model.GroupContinent: "UN continents",
		model.GroupEmerging:  "Emerging-community classes",
		model.GroupEconomic:  "Global North and South",
		"other":              "other",
	} {
		if got := g.Title(); got != want {
			t.Errorf("%q.Title() = %q, want %q", g, got, want)
		}
	}
}

func TestGroupingOf(t *testing.T) {
	d := aggDataset(t)
	tests := []struct {
		iso2 string
		want [5]string // Groupings() order: wikimedia, subregion, continent, emerging, economic
	}{
		{"IN", [5]string{"South Asia", "Southern Asia", "Asia", "Emerging", "Global South"}},
		{"GH", [5]string{"Sub-Saharan Africa", "Western Africa", "Africa", "Least Developed", "Global South"}},
		{"FR", [5]string{"Northern & Western Europe", "Western Europe", "Europe", model.NotClassified, "Global North"}},
		{"AQ", [5]string{"", "Antarctica", "Antarctica", model.NotClassified, "Global South"}},
	}
	for _, tt := range tests {
		c, _ := d.Country(tt.iso2)
		for i, g := range model.Groupings() {
			if got := g.Of(c); got != tt.want[i] {
				t.Errorf("%s.Of(%s) = %q, want %q", g, tt.iso2, got, tt.want[i])
			}
		}
		if got := model.Grouping("other").Of(c); got != "" {
			t.Errorf("an unknown grouping puts %s in %q", tt.iso2, got)
		}
	}
}

func TestGroupingFilter(t *testing.T) {
	for _, tt := range []struct {
		g     model.Grouping
		group string
		want  string
	}{
		{model.GroupWikimedia, "Northern & Western Europe", `region:"Northern & Western Europe"`},
		{model.GroupWikimedia, `The "Quoted" Isles`, `region:"The \"Quoted\" Isles"`},
		{model.GroupSubregion, "Western Africa", `subregion:"Western Africa"`},
		{model.GroupContinent, "Asia", `continent:"Asia"`},
		{model.GroupEmerging, "Least Developed", `class:"Least Developed"`},
		{model.GroupEmerging, model.NotClassified, `-class:developed -class:emerging -class:least`},
		{model.GroupEconomic, "Global North", `economic:"Global North"`},
		{"other", "Anything", ""},
	} {
		if got := tt.g.Filter(tt.group); got != tt.want {
			t.Errorf("%s.Filter(%q) = %q, want %q", tt.g, tt.group, got, tt.want)
		}
	}

	// Every group's filter keeps exactly its countries.
	d := aggDataset(t)
	for _, g := range model.Groupings() {
		checkGroupFilters(t, d, g, aggYear)
	}

	// A name with quotes parses and matches.
	q, err := model.New(model.Parts{Countries: []model.Country{
		{ISO2: "QQ", ISO3: "QQQ", Name: "Qq", WikimediaRegion: `The "Quoted" Isles`},
		{ISO2: "RR", ISO3: "RRR", Name: "Rr", WikimediaRegion: "The Other Isles"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	checkGroupFilters(t, q, model.GroupWikimedia, aggYear)
}

// checkGroupFilters checks that each group's Filter parses and keeps exactly
// the group's countries.
func checkGroupFilters(t *testing.T, d *model.Dataset, g model.Grouping, year int) {
	t.Helper()
	for _, r := range d.Aggregate(g, year).Regions {
		expr := g.Filter(r.Name)
		f, err := model.ParseFilter(expr)
		if err != nil {
			t.Errorf("%s %q: filter %q does not parse: %v", g, r.Name, expr, err)
			continue
		}
		var got, want []string
		for _, c := range d.Countries {
			if f.Match(d, c, year) {
				got = append(got, c.ISO2)
			}
		}
		for _, c := range r.Countries {
			want = append(want, c.ISO2)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s %q: filter %q keeps %v, want %v", g, r.Name, expr, got, want)
		}
	}
}

func bundled(t testing.TB) *model.Dataset {
	t.Helper()
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The bundled dataset: the 8 Wikimedia regions hold 249 countries
// (Antarctica is in none), and their population shares add up to 100% in
// every year, Antarctica's 300 people being a rounding error. Every
// grouping's filters select its groups exactly.
func TestAggregateBundled(t *testing.T) {
	d := bundled(t)
	for _, year := range d.Years {
		agg := d.Aggregate(model.GroupWikimedia, year)
		var counts []int
		var share float64
		for _, r := range agg.Regions {
			counts = append(counts, len(r.Countries))
			share += r.Population.Share
		}
		sort.Sort(sort.Reverse(sort.IntSlice(counts)))
		if want := []int{54, 53, 48, 33, 32, 19, 8, 2}; !slices.Equal(counts, want) {
			t.Errorf("%d: Wikimedia regions of %v countries, want %v", year, counts, want)
		}
		if math.Abs(share-100) > 0.1 {
			t.Errorf("%d: population shares add up to %.3f%%, want 100 ± 0.1", year, share)
		}
		if len(agg.World.Countries) != len(d.Countries) {
			t.Errorf("%d: the world has %d countries, the dataset %d", year, len(agg.World.Countries), len(d.Countries))
		}
	}
	year := d.LatestYear()
	for _, g := range model.Groupings() {
		agg := d.Aggregate(g, year)
		n := 0
		for _, r := range agg.Regions {
			n += len(r.Countries)
			for _, part := range []model.Part{r.Population, r.InternetUsers, r.Readers, r.Editors, r.Grants, r.Affiliates} {
				if part.Share < 0 || part.Share > 100+1e-9 {
					t.Errorf("%s %q: a share of %v%%", g, r.Name, part.Share)
				}
			}
		}
		// Only the Wikimedia regions leave a country out (Antarctica).
		if want := len(d.Countries) - map[bool]int{true: 1}[g == model.GroupWikimedia]; n != want {
			t.Errorf("%s: %d countries in groups, want %d", g, n, want)
		}
		checkGroupFilters(t, d, g, year)
	}
}

// BenchmarkAggregate computes every aggregate of one grouping for one year
// on the bundled dataset. The budget is 1 ms.
func BenchmarkAggregate(b *testing.B) {
	d := bundled(b)
	year := d.LatestYear()
	for _, g := range model.Groupings() {
		b.Run(string(g), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d.Aggregate(g, year)
			}
		})
	}
}

// Idle is RankFacet's Idle for one country: on the bundled data, for every
// country, domain and year, the two agree, and some countries are idle.
func TestIdleAgreesWithRankFacet(t *testing.T) {
	d := bundled(t)
	idle := 0
	for _, dom := range model.Domains() {
		for _, year := range d.Years {
			r := d.RankFacet(dom.ID, model.Presence, year)
			for _, c := range d.Countries {
				want := r.Explain(c.ISO2).Idle
				if got := d.Idle(c.ISO2, dom.ID, year); got != want {
					t.Errorf("%s %s %d: Idle %v, RankFacet says %v", c.ISO2, dom.ID, year, got, want)
				}
				if want {
					idle++
				}
			}
		}
	}
	if idle == 0 {
		t.Error("no country is idle anywhere: the comparison proves nothing")
	}
}

// A checklist is computed when its subject or year changes, before the
// first page is drawn: the largest region's must not keep the user waiting.
func BenchmarkChecklistRegion(b *testing.B) {
	d := bundled(b)
	uc, _ := model.UseCaseByNumber(2)
	s := model.Subject{Region: "Sub-Saharan Africa", Grouping: model.GroupWikimedia}
	year := d.Years[len(d.Years)-1]
	for b.Loop() {
		d.Checklist(uc, s, year, model.Request{})
	}
}

// Countries the evidence names carry the modeled mark of their figures:
// scores and affiliate counts are modeled in the sample, language coverage
// (CLDR) is not.
func TestMentionsModeled(t *testing.T) {
	d := bundled(t)
	uc, _ := model.UseCaseByNumber(2)
	// The latest year with modeled figures: the sample's modeled years.
	year := 0
	for _, y := range d.Years {
		if d.YearFigures(y).Modeled > 0 {
			year = y
		}
	}
	seen := map[bool]int{}
	for _, region := range d.WikimediaRegions() {
		for _, a := range d.Checklist(uc, model.Subject{Region: region, Grouping: model.GroupWikimedia}, year, model.Request{}) {
			for _, m := range a.Mentions {
				want := a.Question.ID != "2.4"
				if m.Modeled != want {
					t.Errorf("%s %s, %s: modeled %v, want %v (%s)", region, a.Question.ID, m.ISO2, m.Modeled, want, m.Note)
				}
				seen[m.Modeled]++
			}
		}
	}
	if seen[true] == 0 || seen[false] == 0 {
		t.Errorf("mentions seen, by modeled: %v; want both kinds", seen)
	}
}
