package importer

import (
	"io"
	"strconv"
	"strings"

	"github.com/equitylandscape/equity/model"
)

// The columns of the project's long CSV, in any order.
func observationColumns() []string {
	return []string{"country", "indicator", "year", "value"}
}

// Years an observation may be of.
const (
	minYear = 1900
	maxYear = 2100
)

// ReadObservations reads the project's own long CSV, which brings in any
// catalog input from any source (grants, events, affiliates, readership):
//
//	country,indicator,year,value
//	NG,programs.organizers,2023,41
//	KEN,affiliates.count,2023,2
//	Côte d'Ivoire,grants.annual_usd,2023,18500
//
// A header row names the four columns, in any order; other columns (a
// source, a note) are ignored. country is an ISO alpha-2 or alpha-3 code
// or a name (names: canonical names and Aliases, in any case and with or
// without accents); indicator is the id of a catalog input among
// indicators that is not derived (growth inputs are computed from the
// input they rate, never imported); year a whole number from 1900 to 2100;
// value a number, "." for decimals and no thousands separators.
//
// Not fatal, reported and skipped: an unknown country, an empty value, the
// same country, indicator and year twice with the same value. Fatal: no
// header, a row of the wrong width, an unknown or derived indicator (the
// message lists the inputs it may be), a year or value that is not a
// number, a negative value or a percentage above 100, the same country,
// indicator and year twice with different values.
//
// The observations are returned ordered by country, indicator and year.
func ReadObservations(r io.Reader, file string, names *Names, indicators []model.Indicator) ([]model.Observation, Problems) {
	rep := newReport(file)
	recs := newRecords(r, ',', rep)
	header, ok := recs.next()
	if !ok {
		if !rep.hasFatal() {
			rep.fatal(0, "the file is empty; it must start with the header country,indicator,year,value")
		}
		return nil, rep.problems()
	}
	header = append([]string(nil), trimAll(header)...)
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(h)] = i
	}
	for _, c := range observationColumns() {
		if _, ok := col[c]; !ok {
			rep.fatal(recs.line, "the header must name the columns country,indicator,year,value; it has no column %s", quote(c))
			return nil, rep.problems()
		}
	}

	byID := make(map[string]model.Indicator, len(indicators))
	for _, ind := range indicators {
		byID[ind.ID] = ind
	}
	refused := map[string]bool{} // indicator ids reported once
	type key struct {
		iso2, indicator string
		year            int
	}
	type first struct {
		line  int
		value float64
	}
	seen := map[key]first{}
	var out []model.Observation
	for {
		rec, ok := recs.next()
		if !ok {
			break
		}
		line := recs.line
		if len(rec) != len(header) {
			rep.fatal(line, "%d columns, the header has %d", len(rec), len(header))
			continue
		}
		rec = trimAll(rec)
		country, id, yearText, valueText := rec[col["country"]], rec[col["indicator"]], rec[col["year"]], rec[col["value"]]

		ind, known := byID[id]
		switch {
		case !known:
			if !refused[id] {
				refused[id] = true
				rep.fatal(line, "indicator %s is not a catalog input; it may be one of %s", quote(id), importable(indicators))
			}
			continue
		case ind.Derived():
			if !refused[id] {
				refused[id] = true
				rep.fatal(line, "indicator %s is computed from %s, not imported: import %s instead", id, ind.GrowthOf, ind.GrowthOf)
			}
			continue
		}
		year, err := strconv.Atoi(yearText)
		if err != nil || year < minYear || year > maxYear {
			rep.fatal(line, "year %s is not a year from %d to %d", quote(yearText), minYear, maxYear)
			continue
		}
		iso2, found := names.Lookup(country)
		if !found {
			rep.warn(line, "country %s is not in the countries list (an ISO code or a name); row skipped", quote(country))
			continue
		}
		if valueText == "" {
			rep.warn(line, "no value for %s %s %d; row skipped", iso2, id, year)
			continue
		}
		v, ok := parseNumber(valueText)
		if !ok {
			rep.fatal(line, "value %s is not a number", quote(valueText))
			continue
		}
		if v < 0 || v > 100 && strings.HasPrefix(ind.Unit, "%") {
			rep.fatal(line, "value %s is out of range for %s (%s)", quote(valueText), id, ind.Unit)
			continue
		}
		k := key{iso2, id, year}
		if f, dup := seen[k]; dup {
			if f.value == v {
				rep.warn(line, "%s %s %d repeats line %d; kept once", iso2, id, year, f.line)
			} else {
				rep.fatal(line, "two values for %s %s %d: %s here, %s on line %d", iso2, id, year,
					strconv.FormatFloat(v, 'f', -1, 64), strconv.FormatFloat(f.value, 'f', -1, 64), f.line)
			}
			continue
		}
		seen[k] = first{line, v}
		out = append(out, model.Observation{ISO2: iso2, Indicator: id, Year: year, Value: v})
	}
	model.SortObservations(out)
	return out, rep.problems()
}

// importable lists the ids of the inputs a long CSV may give.
func importable(indicators []model.Indicator) string {
	var ids []string
	for _, ind := range indicators {
		if !ind.Derived() {
			ids = append(ids, ind.ID)
		}
	}
	return strings.Join(ids, ", ")
}
