package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/equitylandscape/equity/model"
)

// Source ids of the bundled dataset.
const (
	srcCanonical = "wmf-canonical-2024"
	srcCLDR      = "cldr-48"
	srcCLDRFill  = "cldr-48-fill"
	srcModel     = "equity-sample-model"
)

// cldrYear dates CLDR's territory figures: CLDR gives no year per figure,
// so they are dated by the release (CLDR 48, 2025).
const cldrYear = 2025

// covariateYear is the year whose real figures the model starts from: its
// first modeled year, so that the 2018 levels rest on the 2018 figures.
// A country without a figure that year takes the latest earlier one, else
// the earliest later one, as screens do (model.Series.Latest).
const covariateYear = firstYear

// facts are the real, public figures read from sample-data/sources: what the
// bundled dataset states as fact, and what the modeled figures grow from.
type facts struct {
	countries    []model.Country
	languages    map[string]string
	wikis        []model.Wiki
	observations []model.Observation
	// sources of the figures: the World Bank's indicators and CLDR's
	// fill, by id
	sources []model.Source
	// filled are the countries whose figure of an indicator is CLDR's
	// because the World Bank has none, by indicator
	filled map[string][]string
	// covariates of the model as of covariateYear, by ISO2
	population map[string]float64
	gdpPerCap  map[string]float64 // US$ PPP
	literacy   map[string]float64 // % of adults
	internet   map[string]float64 // % of population, where the World Bank has it
	// readership is the real and estimated page views and unique devices,
	// and the cells the 2025 release leaves out
	readership readershipFacts
	// editors are the real editor figures the model is held to;
	// geoeditors the real figures of the countries a release gives
	editors    editorTotals
	geoeditors geoeditorFacts
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
	f := &facts{languages: map[string]string{}, filled: map[string][]string{}}
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

	wdi, err := f.readWorldBank(dir, at)
	if err != nil {
		return nil, err
	}
	if err := f.fillFromCLDR(dir, at); err != nil {
		return nil, err
	}
	f.sources = append(sortedSources(wdi), f.cldrFillSource())
	f.covariates()
	if f.readership, err = readReadership(dir, f.countries); err != nil {
		return nil, err
	}
	f.observations = append(f.observations, f.readership.observations...)
	f.sources = append(f.sources, f.readership.readershipSources()...)
	if f.editors, err = readEditorTotals(dir); err != nil {
		return nil, err
	}
	if f.geoeditors, err = readGeoeditors(dir); err != nil {
		return nil, err
	}
	return f, nil
}

// fillFromCLDR gives a country CLDR's population, GDP per capita (its GDP
// divided by its population) or literacy where the World Bank has no
// figure of that indicator for it in any year, citing a sources row of its
// own so that screens say the World Bank has none.
func (f *facts) fillFromCLDR(dir string, known map[string]int) error {
	has := map[string]map[string]bool{} // indicator → ISO2 with a World Bank figure
	for _, o := range f.observations {
		if has[o.Indicator] == nil {
			has[o.Indicator] = map[string]bool{}
		}
		has[o.Indicator][o.ISO2] = true
	}
	territories, err := readRecords(dir, "territories.csv")
	if err != nil {
		return err
	}
	for _, r := range territories {
		iso2 := r["iso2"]
		if _, ok := known[iso2]; !ok {
			return fmt.Errorf("territories.csv: unknown country %s", iso2)
		}
		var v [3]float64
		var ok [3]bool
		for i, col := range []string{"population", "gdp_ppp_usd", "literacy_pct"} {
			if v[i], ok[i], err = r.num(col); err != nil {
				return fmt.Errorf("territories.csv %s: %w", iso2, err)
			}
		}
		pop, gdp, lit := v[0], v[1], v[2]
		if ok[0] && !has[model.IndPopulation][iso2] {
			f.fill(iso2, model.IndPopulation, pop)
		}
		if ok[1] && ok[0] && pop > 0 && !has[model.IndGDPPerCap][iso2] {
			f.fill(iso2, model.IndGDPPerCap, round(gdp/pop, 0))
		}
		if ok[2] && !has[model.IndLiteracy][iso2] {
			f.fill(iso2, model.IndLiteracy, lit)
		}
	}
	return nil
}

func (f *facts) fill(iso2, ind string, v float64) {
	f.observe(iso2, ind, cldrYear, v, srcCLDRFill)
	f.filled[ind] = append(f.filled[ind], iso2)
}

// covariates sets the model's covariates from the observations: each
// country's figure as of covariateYear.
func (f *facts) covariates() {
	series := map[string]map[string]model.Series{} // indicator → ISO2 → points
	for _, o := range f.observations {
		if series[o.Indicator] == nil {
			series[o.Indicator] = map[string]model.Series{}
		}
		series[o.Indicator][o.ISO2] = append(series[o.Indicator][o.ISO2], model.Point{Year: o.Year, Value: o.Value})
	}
	asOf := func(ind string) map[string]float64 {
		out := map[string]float64{}
		for iso2, s := range series[ind] {
			slices.SortFunc(s, func(a, b model.Point) int { return a.Year - b.Year })
			if p, ok := s.Latest(covariateYear); ok {
				out[iso2] = p.Value
			}
		}
		return out
	}
	f.population = asOf(model.IndPopulation)
	f.gdpPerCap = asOf(model.IndGDPPerCap)
	f.literacy = asOf(model.IndLiteracy)
	f.internet = asOf(model.IndInternet)
}

func (f *facts) observe(iso2, ind string, year int, v float64, source string) {
	f.observations = append(f.observations, model.Observation{ISO2: iso2, Indicator: ind, Year: year, Value: v,
		Provenance: model.Provenance{Class: model.ClassReal, Source: source, Period: strconv.Itoa(year)}})
}

// cldrFillSource is the sources row of CLDR's figures for the territories
// the World Bank has no figure for: a row of its own, so that every such
// figure says so.
func (f *facts) cldrFillSource() model.Source {
	return model.Source{
		ID: srcCLDRFill, Title: "Unicode CLDR 48 territory information (the World Bank has no figure for this territory)", Publisher: "Unicode, Inc.",
		Year: cldrYear, Licence: "Unicode-3.0", URL: "https://github.com/unicode-org/cldr-json",
		Note: fmt.Sprintf("Where the World Bank WDI has no figure of an indicator for a territory in any year, CLDR's is given instead: "+
			"population for %d territories, GDP per capita PPP (CLDR's GDP divided by its population) for %d, adult literacy for %d "+
			"(the World Bank publishes no literacy rate for most high-income countries). CLDR's figures are largely from the CIA World Factbook; "+
			"CLDR gives no year per figure, so they are dated by the release.",
			len(f.filled[model.IndPopulation]), len(f.filled[model.IndGDPPerCap]), len(f.filled[model.IndLiteracy])),
	}
}

// realSources describes the public sources of the countries and languages,
// as the sources table states them.
func realSources() []model.Source {
	return []model.Source{
		{ID: srcCanonical, Title: "Wikimedia canonical data: countries and wikis", Publisher: "Wikimedia Foundation (Movement Insights)",
			Year: 2024, Licence: "CC0-1.0", URL: "https://github.com/wikimedia-research/canonical-data",
			Note: "Countries and territories, ISO codes, Wikimedia regions (2022), UN regions, Global North/South, emerging-community and market-research classifications, protection list, data risk score (Freedom House and RSF based); Wikimedia wikis and their status. August 2024."},
		{ID: srcCLDR, Title: "Unicode CLDR 48 territory information", Publisher: "Unicode, Inc.",
			Year: cldrYear, Licence: "Unicode-3.0", URL: "https://github.com/unicode-org/cldr-json",
			Note: "Languages spoken in each territory with their population share and official status, and English language names. Its population, GDP and literacy figures are used only where the World Bank has none (" + srcCLDRFill + ")."},
	}
}
