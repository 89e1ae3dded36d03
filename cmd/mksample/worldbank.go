package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store/importer"
)

// refWorldBank is the folder of the World Bank WDI indicator CSVs, relative
// to the reference directory. Its files are told apart by the indicator
// code in their rows, not by their names (one was renamed by whoever saved
// it).
const refWorldBank = "world-bank-wdi"

// The project's CSVs of the World Bank's figures: one row per country,
// indicator and year with a value, and one row per indicator saying which
// file it came from and when the World Bank last updated it.
const (
	wdiFile          = "wdi.csv"
	wdiIndicatorFile = "wdi_indicators.csv"
)

// wdiOrigins names the original source the World Bank cites for each
// series, as its attribution asks ("The World Bank: World Development
// Indicators", with the original source named).
func wdiOrigins() map[string]string {
	return map[string]string{
		"SP.POP.TOTL":       "UN World Population Prospects, national statistical offices and others",
		"IT.NET.USER.ZS":    "International Telecommunication Union (ITU)",
		"NY.GDP.PCAP.PP.CD": "International Comparison Program (ICP), World Bank",
		"IT.CEL.SETS.P2":    "International Telecommunication Union (ITU)",
		"SE.ADT.LITR.ZS":    "UNESCO Institute for Statistics (UIS)",
	}
}

// wdiSourceID is the sources row of one World Bank indicator.
func wdiSourceID(code string) string { return "wdi-" + strings.ToLower(code) }

// extractWorldBank reads every WDI CSV in dir through the importer's reader
// and returns the figures of the canonical countries (every year the World
// Bank publishes) and one row per indicator. Each of the five indicators
// must come from exactly one file.
func extractWorldBank(dir string, countries table) (figures, indicators table, err error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil || len(paths) == 0 {
		return table{}, table{}, fmt.Errorf("read %s: no World Bank WDI CSV files in it", dir)
	}
	var cs []model.Country
	for _, r := range countries.rows {
		cs = append(cs, model.Country{ISO2: r[0], ISO3: r[1]})
	}
	figures = table{name: wdiFile, header: []string{"iso2", "indicator", "year", "value"}}
	indicators = table{name: wdiIndicatorFile, header: []string{"indicator", "name", "file", "last_updated", "first_year", "last_year"}}
	from := map[string]string{} // indicator code → file
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return table{}, table{}, fmt.Errorf("read %s: %w", path, err)
		}
		wb, ps := importer.ReadWorldBank(f, path, cs)
		f.Close()
		if ps.Fatal() {
			return table{}, table{}, errors.New(firstFatal(ps))
		}
		if prev, dup := from[wb.Code]; dup {
			return table{}, table{}, fmt.Errorf("read %s: indicator %s is also in %s; keep one file per indicator", path, wb.Code, prev)
		}
		from[wb.Code] = path
		for _, o := range wb.Observations {
			figures.rows = append(figures.rows, []string{o.ISO2, wb.Code, strconv.Itoa(o.Year), strconv.FormatFloat(o.Value, 'f', -1, 64)})
		}
		indicators.rows = append(indicators.rows, []string{wb.Code, wb.Name, filepath.Base(path), wb.LastUpdated, strconv.Itoa(wb.First), strconv.Itoa(wb.Last)})
	}
	for code := range importer.WorldBankIndicators() {
		if _, ok := from[code]; !ok {
			return table{}, table{}, fmt.Errorf("read %s: no file of indicator %s", dir, code)
		}
	}
	// Years sort as text correctly: every one has four digits.
	sortRows(figures.rows, 3)
	sortRows(indicators.rows, 1)
	return figures, indicators, nil
}

// firstFatal is the first fatal problem of a read, in its own words.
func firstFatal(ps importer.Problems) string {
	for _, p := range ps {
		if p.Fatal {
			return p.String()
		}
	}
	return ps.String()
}

// wdiIndicator is one row of wdi_indicators.csv.
type wdiIndicator struct {
	code, name, file, lastUpdated string
	first, last                   int
}

// readWorldBank reads the World Bank's figures into f as real observations,
// each citing its indicator's sources row and its own year, and returns
// those sources rows, by indicator code.
func (f *facts) readWorldBank(dir string, known map[string]int) (map[string]model.Source, error) {
	rows, err := readRecords(dir, wdiIndicatorFile)
	if err != nil {
		return nil, err
	}
	catalog := importer.WorldBankIndicators()
	sources := map[string]model.Source{}
	for _, r := range rows {
		w := wdiIndicator{code: r["indicator"], name: r["name"], file: r["file"], lastUpdated: r["last_updated"]}
		if _, ok := catalog[w.code]; !ok {
			return nil, fmt.Errorf("%s: indicator %q is not one of the World Bank indicators mksample knows", wdiIndicatorFile, w.code)
		}
		if w.first, err = strconv.Atoi(r["first_year"]); err != nil {
			return nil, fmt.Errorf("%s %s: first_year %q is not a year", wdiIndicatorFile, w.code, r["first_year"])
		}
		if w.last, err = strconv.Atoi(r["last_year"]); err != nil {
			return nil, fmt.Errorf("%s %s: last_year %q is not a year", wdiIndicatorFile, w.code, r["last_year"])
		}
		sources[w.code] = wdiSource(w)
	}
	for code := range catalog {
		if _, ok := sources[code]; !ok {
			return nil, fmt.Errorf("%s: no row for indicator %s; run go run ./cmd/mksample -extract ../shared/reference", wdiIndicatorFile, code)
		}
	}

	figures, err := readRecords(dir, wdiFile)
	if err != nil {
		return nil, err
	}
	for _, r := range figures {
		iso2, code := r["iso2"], r["indicator"]
		if _, ok := known[iso2]; !ok {
			return nil, fmt.Errorf("%s: unknown country %s", wdiFile, iso2)
		}
		ind, ok := catalog[code]
		if !ok {
			return nil, fmt.Errorf("%s %s: indicator %q is not one of the World Bank indicators mksample knows", wdiFile, iso2, code)
		}
		year, err := strconv.Atoi(r["year"])
		if err != nil {
			return nil, fmt.Errorf("%s %s %s: year %q is not a year", wdiFile, iso2, code, r["year"])
		}
		v, ok, err := r.num("value")
		if err != nil || !ok {
			return nil, fmt.Errorf("%s %s %s %d: missing or bad value", wdiFile, iso2, code, year)
		}
		f.observe(iso2, ind, year, v, wdiSourceID(code))
	}
	return sources, nil
}

// wdiSource is the sources row of one World Bank indicator, with the
// attribution its CC BY 4.0 licence asks for.
func wdiSource(w wdiIndicator) model.Source {
	updated := "The file gives no Last Updated Date"
	if w.lastUpdated != "" {
		updated = "Last Updated Date " + w.lastUpdated
	}
	return model.Source{
		ID: wdiSourceID(w.code), Title: "World Bank WDI: " + w.name + " (" + w.code + ")", Publisher: "World Bank",
		Year: w.last, Licence: "CC-BY-4.0", URL: "https://data.worldbank.org/indicator/" + w.code,
		Note: fmt.Sprintf("The World Bank: World Development Indicators, %s (%s), %d–%d; original source: %s. %s (%s). "+
			"Each figure is the World Bank's for its own year; a year without one shows the latest earlier figure with its year.",
			w.name, w.code, w.first, w.last, wdiOrigins()[w.code], updated, w.file),
	}
}

// sortedSources lists sources rows by id, for a stable sources table.
func sortedSources(m map[string]model.Source) []model.Source {
	out := make([]model.Source, 0, len(m))
	for _, s := range m {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b model.Source) int { return strings.Compare(a.ID, b.ID) })
	return out
}
