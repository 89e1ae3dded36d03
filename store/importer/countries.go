package importer

import (
	"io"
	"strings"

	"github.com/equitylandscape/equity/model"
)

// Columns of the canonical countries TSV that ReadCountries reads; the file
// has more (wikidata_id, un_m49_code, grant_committee_region, is_eu, ...),
// which it ignores, and may have them in any order.
func countryColumns() []string {
	return []string{
		"name", "iso_code", "iso_alpha3_code", "is_protected", "data_risk_score", "data_risk_classification",
		"un_continent", "un_subcontinent", "wikimedia_region", "economic_region", "emerging_classification",
		"market_research_classification",
	}
}

// ReadCountries reads the Wikimedia canonical countries TSV
// (canonical-data's countries.tsv): a header row naming the columns, then
// one country a row, tab-separated, quoted the way pandas quotes. It gives
// each country its codes, name, regions, classifications, protection and
// data risk; languages are not in the file.
//
// Everything in it is taken literally: Namibia's "NA" is a code, not a
// missing value; an empty region (Antarctica's) or classification is
// empty; an empty data risk score is no score. is_protected is pandas'
// True or False. Every other departure is fatal, since every other file is
// keyed on this one: a missing column, a row of the wrong width, a code
// that is not two (three) capital letters, a name or code that appears
// twice, a risk score that is not a number from 0 to 100.
func ReadCountries(r io.Reader, file string) ([]model.Country, Problems) {
	rep := newReport(file)
	recs := newRecords(r, '\t', rep)
	header, ok := recs.next()
	if !ok {
		if !rep.hasFatal() {
			rep.fatal(0, "the file is empty; a countries TSV starts with a header row naming its columns")
		}
		return nil, rep.problems()
	}
	header = append([]string(nil), trimAll(header)...)
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	var missing []string
	for _, c := range countryColumns() {
		if _, ok := col[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		rep.fatal(recs.line, "not a canonical countries TSV: no column %s in the header", strings.Join(missing, ", "))
		return nil, rep.problems()
	}

	var out []model.Country
	seen := map[string]int{} // ISO2, ISO3 and folded names → line
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
		get := func(name string) string { return model.CleanText(rec[col[name]]) }
		c := model.Country{
			ISO2:            get("iso_code"),
			ISO3:            get("iso_alpha3_code"),
			Name:            get("name"),
			WikimediaRegion: get("wikimedia_region"),
			UNContinent:     get("un_continent"),
			UNSubregion:     get("un_subcontinent"),
			EconomicRegion:  get("economic_region"),
			EmergingClass:   get("emerging_classification"),
			MarketClass:     get("market_research_classification"),
			DataRiskClass:   get("data_risk_classification"),
		}
		bad := false
		if !isUpper(c.ISO2, 2) {
			rep.fatal(line, "iso_code %s is not two capital letters", quote(c.ISO2))
			bad = true
		}
		if !isUpper(c.ISO3, 3) {
			rep.fatal(line, "iso_alpha3_code %s is not three capital letters", quote(c.ISO3))
			bad = true
		}
		if c.Name == "" {
			rep.fatal(line, "the country %s has no name", c.ISO2)
			bad = true
		}
		switch p := get("is_protected"); strings.ToLower(p) {
		case "true":
			c.Protected = true
		case "false":
		default:
			rep.fatal(line, "is_protected %s is neither True nor False", quote(p))
			bad = true
		}
		if s := get("data_risk_score"); s != "" {
			v, ok := parseNumber(s)
			if !ok || v < 0 || v > 100 {
				rep.fatal(line, "data_risk_score %s is not a number from 0 to 100", quote(s))
				bad = true
			} else {
				c.DataRiskScore = &v
			}
		}
		if bad {
			continue
		}
		for _, key := range []string{c.ISO2, c.ISO3, model.Fold(c.Name)} {
			if first, dup := seen[key]; dup {
				rep.fatal(line, "%s appears twice (first on line %d)", quote(key), first)
				bad = true
			}
		}
		if bad {
			continue
		}
		seen[c.ISO2], seen[c.ISO3], seen[model.Fold(c.Name)] = line, line, line
		out = append(out, c)
	}
	if len(out) == 0 && !rep.hasFatal() {
		rep.fatal(0, "no countries: the file has a header and no rows")
	}
	return out, rep.problems()
}

// isUpper reports whether s is n ASCII capital letters.
func isUpper(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < n; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}
