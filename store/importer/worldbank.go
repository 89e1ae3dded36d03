package importer

import (
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/equitylandscape/equity/model"
)

// WorldBankIndicators returns the World Bank WDI indicator codes that
// ReadWorldBank imports, with the catalog input each one fills.
func WorldBankIndicators() map[string]string {
	return map[string]string{
		"SP.POP.TOTL":       model.IndPopulation, // Population, total
		"IT.NET.USER.ZS":    model.IndInternet,   // Individuals using the Internet (% of population)
		"NY.GDP.PCAP.PP.CD": model.IndGDPPerCap,  // GDP per capita, PPP (current international $)
	}
}

// WorldBankAggregates returns the codes of the rows of a WDI file that are
// not economies but groups of them (regions, income and lending groups,
// demographic and other classes), with their names, as the World Bank
// lists them in the country metadata file of its WDI downloads (the rows
// with an empty "Region"); a WDI indicator CSV of 2024 has these 49
// aggregate rows beside its 217 economies. ReadWorldBank skips and counts
// them. An aggregate the list does not know is reported as an unknown
// code, never dropped silently: add it here.
func WorldBankAggregates() map[string]string {
	return map[string]string{
		"AFE": "Africa Eastern and Southern",
		"AFW": "Africa Western and Central",
		"ARB": "Arab World",
		"CEB": "Central Europe and the Baltics",
		"CSS": "Caribbean small states",
		"EAP": "East Asia & Pacific (excluding high income)",
		"EAR": "Early-demographic dividend",
		"EAS": "East Asia & Pacific",
		"ECA": "Europe & Central Asia (excluding high income)",
		"ECS": "Europe & Central Asia",
		"EMU": "Euro area",
		"EUU": "European Union",
		"FCS": "Fragile and conflict affected situations",
		"HIC": "High income",
		"HPC": "Heavily indebted poor countries (HIPC)",
		"IBD": "IBRD only",
		"IBT": "IDA & IBRD total",
		"IDA": "IDA total",
		"IDB": "IDA blend",
		"IDX": "IDA only",
		"INX": "Not classified",
		"LAC": "Latin America & Caribbean (excluding high income)",
		"LCN": "Latin America & Caribbean",
		"LDC": "Least developed countries: UN classification",
		"LIC": "Low income",
		"LMC": "Lower middle income",
		"LMY": "Low & middle income",
		"LTE": "Late-demographic dividend",
		"MEA": "Middle East, North Africa, Afghanistan & Pakistan",
		"MIC": "Middle income",
		"MNA": "Middle East, North Africa, Afghanistan & Pakistan (excluding high income)",
		"NAC": "North America",
		"OED": "OECD members",
		"OSS": "Other small states",
		"PRE": "Pre-demographic dividend",
		"PSS": "Pacific island small states",
		"PST": "Post-demographic dividend",
		"SAS": "South Asia",
		"SSA": "Sub-Saharan Africa (excluding high income)",
		"SSF": "Sub-Saharan Africa",
		"SST": "Small states",
		"TEA": "East Asia & Pacific (IDA & IBRD countries)",
		"TEC": "Europe & Central Asia (IDA & IBRD countries)",
		"TLA": "Latin America & the Caribbean (IDA & IBRD countries)",
		"TMN": "Middle East, North Africa, Afghanistan & Pakistan (IDA & IBRD)",
		"TSA": "South Asia (IDA & IBRD)",
		"TSS": "Sub-Saharan Africa (IDA & IBRD countries)",
		"UMC": "Upper middle income",
		"WLD": "World",
	}
}

// WorldBank is what a WDI indicator CSV holds for the countries of the
// canonical list.
type WorldBank struct {
	Code         string // the World Bank's indicator code: "SP.POP.TOTL"
	Indicator    string // the catalog input it fills: model.IndPopulation
	Name         string // the World Bank's name: "Population, total"
	Observations []model.Observation
	First, Last  int    // the first and last years with a value; 0 when none
	Aggregates   int    // aggregate rows skipped (WorldBankAggregates)
	LastUpdated  string // the file's "Last Updated Date", as written
}

// The first four fields of a WDI header row, before the years.
func wdiHeader() []string {
	return []string{"Country Name", "Country Code", "Indicator Name", "Indicator Code"}
}

// ReadWorldBank reads a World Bank WDI indicator CSV as downloaded
// (API_<CODE>_DS2_en_csv_v2_*.csv): an optional UTF-8 byte order mark, the
// preamble ("Data Source","World Development Indicators", a blank line,
// "Last Updated Date","YYYY-MM-DD", a blank line), the header "Country
// Name","Country Code","Indicator Name","Indicator Code","1960",... ending
// in a comma (one empty column), then one row per economy or aggregate,
// keyed by ISO alpha-3 code, each as wide as the header.
//
// Rows of economies in countries become observations of the indicator's
// catalog input, one per year with a value (an empty cell is no value).
// Aggregate rows are skipped and counted (one problem, not fatal, sums them
// up); a code that is neither a country nor a known aggregate is reported
// and skipped. Fatal: a missing preamble or header, an indicator code that
// is not one of WorldBankIndicators (the message lists them), rows of two
// indicators, a row of the wrong width, a value that is not a number, a
// country twice.
func ReadWorldBank(r io.Reader, file string, countries []model.Country) (WorldBank, Problems) {
	var wb WorldBank
	rep := newReport(file)
	recs := newRecords(r, ',', rep)

	// The preamble, then the header.
	rec, ok := recs.next()
	if !ok || len(rec) < 2 || strings.TrimSpace(rec[0]) != "Data Source" {
		if !rep.hasFatal() {
			rep.fatal(recs.line, `not a World Bank WDI CSV: it must start with "Data Source","World Development Indicators" (the download's preamble)`)
		}
		return wb, rep.problems()
	}
	rec, ok = recs.next()
	if !ok || len(rec) < 2 || strings.TrimSpace(rec[0]) != "Last Updated Date" {
		if !rep.hasFatal() {
			rep.fatal(recs.line, `not a World Bank WDI CSV: the preamble's "Last Updated Date" line is missing`)
		}
		return wb, rep.problems()
	}
	wb.LastUpdated = model.CleanText(strings.TrimSpace(rec[1]))
	rec, ok = recs.next()
	if !ok || !hasPrefix(rec, wdiHeader()) {
		if !rep.hasFatal() {
			rep.fatal(recs.line, `not a World Bank WDI CSV: no header "Country Name","Country Code","Indicator Name","Indicator Code","1960",... after the preamble`)
		}
		return wb, rep.problems()
	}
	width := len(rec)
	years := make([]int, width) // 0 for a column that is not a year
	for i := len(wdiHeader()); i < width; i++ {
		h := strings.TrimSpace(rec[i])
		if h == "" && i == width-1 {
			continue // the trailing empty column
		}
		y, err := strconv.Atoi(h)
		if err != nil || len(h) != 4 {
			rep.fatal(recs.line, "header column %d is %s, not a year", i+1, quote(h))
			return wb, rep.problems()
		}
		years[i] = y
	}

	iso2Of := make(map[string]string, len(countries))
	for _, c := range countries {
		iso2Of[c.ISO3] = c.ISO2
	}
	aggregates := WorldBankAggregates()
	var aggregateCodes []string
	seen := map[string]int{} // country code → line
	for {
		rec, ok := recs.next()
		if !ok {
			break
		}
		line := recs.line
		if len(rec) != width {
			rep.fatal(line, "%d columns, the header has %d", len(rec), width)
			continue
		}
		code := strings.TrimSpace(rec[3])
		if wb.Code == "" {
			ind, known := WorldBankIndicators()[code]
			if !known {
				rep.fatal(line, "indicator %s is not one this importer knows; it reads %s", quote(code), knownWorldBank())
				return wb, rep.problems()
			}
			wb.Code, wb.Indicator, wb.Name = code, ind, model.CleanText(strings.TrimSpace(rec[2]))
		} else if code != wb.Code {
			rep.fatal(line, "indicator %s, but the file is of %s", quote(code), wb.Code)
			continue
		}

		key := strings.TrimSpace(rec[1])
		if _, agg := aggregates[key]; agg {
			wb.Aggregates++
			aggregateCodes = append(aggregateCodes, key)
			continue
		}
		iso2, known := iso2Of[key]
		if !known {
			rep.warn(line, "country code %s (%s) is not in the countries list; row skipped", quote(key), clip(strings.TrimSpace(rec[0])))
			continue
		}
		if first, dup := seen[key]; dup {
			rep.fatal(line, "country %s appears twice (first on line %d)", key, first)
			continue
		}
		seen[key] = line
		for i := len(wdiHeader()); i < width; i++ {
			s := strings.TrimSpace(rec[i])
			if years[i] == 0 || s == "" {
				continue
			}
			v, ok := parseNumber(s)
			if !ok {
				rep.fatal(line, "%s for %d is %s, not a number", key, years[i], quote(s))
				continue
			}
			wb.Observations = append(wb.Observations, model.Observation{ISO2: iso2, Indicator: wb.Indicator, Year: years[i], Value: v})
			if wb.First == 0 || years[i] < wb.First {
				wb.First = years[i]
			}
			wb.Last = max(wb.Last, years[i])
		}
	}
	if wb.Code == "" && !rep.hasFatal() {
		rep.fatal(0, "no rows after the header")
	}
	if wb.Aggregates > 0 {
		rep.warn(0, "%s of aggregates skipped (regions and groups, not countries: %s)", rows(wb.Aggregates), listSome(aggregateCodes, 8))
	}
	return wb, rep.problems()
}

// hasPrefix reports whether a record starts with the given fields.
func hasPrefix(rec, prefix []string) bool {
	if len(rec) < len(prefix) {
		return false
	}
	for i, p := range prefix {
		if strings.TrimSpace(rec[i]) != p {
			return false
		}
	}
	return true
}

// knownWorldBank lists the indicator codes ReadWorldBank reads.
func knownWorldBank() string {
	var out []string
	for code, ind := range WorldBankIndicators() {
		out = append(out, code+" ("+ind+")")
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// listSome joins up to n items, then says how many more there are.
func listSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + " and " + strconv.Itoa(len(items)-n) + " more"
}
