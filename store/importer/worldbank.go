package importer

import (
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/equitylandscape/equity/model"
)

// WorldBankIndicators returns the World Bank WDI indicator codes that
// ReadWorldBank imports, with the catalog input each one fills.
func WorldBankIndicators() map[string]string {
	return map[string]string{
		"SP.POP.TOTL":       model.IndPopulation, // Population, total
		"IT.NET.USER.ZS":    model.IndInternet,   // Individuals using the Internet (% of population)
		"NY.GDP.PCAP.PP.CD": model.IndGDPPerCap,  // GDP per capita, PPP (current international $)
		"IT.CEL.SETS.P2":    model.IndMobile,     // Mobile cellular subscriptions (per 100 people)
		"SE.ADT.LITR.ZS":    model.IndLiteracy,   // Literacy rate, adult total (% of people ages 15 and above)
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
	Years        []int // the header's year columns, ascending, with a value or not
	// ISO2 of the countries given that have no row in the file at all, in
	// their order; filled only when the file was read to its end.
	Absent      []string
	First, Last int // the first and last years with a value; 0 when none
	Aggregates  int // aggregate rows skipped (WorldBankAggregates)
	// The file's "Last Updated Date" as YYYY-MM-DD; as written when it is
	// not a date ReadWorldBank reads (a problem says so); empty when the
	// file has no such line.
	LastUpdated string
}

// The first four fields of a WDI header row, before the years.
func wdiHeader() []string {
	return []string{"Country Name", "Country Code", "Indicator Name", "Indicator Code"}
}

// The labels of the preamble's lines, above the header.
const (
	wdiSource  = "Data Source"
	wdiUpdated = "Last Updated Date"
)

// SniffWorldBank reports whether the first line of a file (its byte order
// mark removed or not) is that of a WDI indicator CSV in one of the shapes
// ReadWorldBank reads: a line of the preamble ("Data Source" or "Last
// Updated Date", quoted or not), or the header, for a file whose preamble
// was deleted (its first four fields "Country Name", "Country Code",
// "Indicator Name", "Indicator Code", quoted or not).
func SniffWorldBank(firstLine string) bool {
	line := strings.TrimRight(strings.TrimPrefix(firstLine, "\uFEFF"), "\r\n")
	// None of the fields looked at holds a comma, so splitting the line
	// is enough: no CSV reader is needed to read them.
	fields := strings.SplitN(line, ",", len(wdiHeader())+1)
	for i := range fields {
		fields[i] = strings.Trim(strings.TrimSpace(fields[i]), `"`)
	}
	if fields[0] == wdiSource || fields[0] == wdiUpdated {
		return true
	}
	return slices.Equal(fields[:min(len(fields), len(wdiHeader()))], wdiHeader())
}

// ReadWorldBank reads a World Bank WDI indicator CSV in the shapes users'
// copies take:
//   - as downloaded (API_<CODE>_DS2_en_csv_v2_*.csv): a UTF-8 byte order
//     mark, the preamble ("Data Source","World Development Indicators", a
//     blank line, "Last Updated Date","YYYY-MM-DD", a blank line), the
//     header "Country Name","Country Code","Indicator Name","Indicator
//     Code","1960",... ending in a comma (one empty column), then one row
//     per economy or aggregate, keyed by ISO alpha-3 code, each as wide as
//     the header;
//   - re-saved by a spreadsheet, and perhaps renamed: quotes gone, the
//     preamble's lines padded with commas, the date written M/D/YYYY,
//     rows in another order, the trailing empty column gone, CRLF line
//     ends, numbers such as 1.23E+11, trailing empty cells of a row left
//     out;
//   - with the preamble, or some of its lines, deleted.
//
// The indicator is the rows' "Indicator Code", never the file's name.
// Before the header there may be only the preamble's two lines, in any
// order, and blank lines (empty, or commas only). The "Last Updated Date"
// is kept as YYYY-MM-DD: written M/D/YYYY (a US spreadsheet's order), or
// D/M/YYYY when it cannot be M/D/YYYY, or D.M.YYYY, it is turned into it;
// a date written otherwise is kept as written, with a problem that is not
// fatal. A date such as 3/4/2025 is read as March 4.
//
// Rows of economies in countries become observations of the indicator's
// catalog input, one per year column with a value (an empty cell is no
// value); countries with no row at all are listed in Absent. Aggregate
// rows are skipped and counted (one problem, not fatal, sums them up); a
// code that is neither a country nor a known aggregate is reported and
// skipped; blank rows are skipped. A row shorter than the header is read
// as if the cells it lacks were empty, as spreadsheets that drop trailing
// empty cells write it, unless the header itself keeps its trailing empty
// column: a writer that kept that one drops none, so the row was cut.
//
// Fatal: a line before the header that is neither blank nor of the
// preamble, a preamble line twice, no header, a header column that is not
// a year or repeats one, an indicator code that is not one of
// WorldBankIndicators (the message lists them), rows of two indicators, a
// row wider than the header or cut short, a value under no year, a value
// that is not a number, a country twice. A value with a comma ("1,234" or
// "35,2") is refused, not guessed at: the World Bank writes none, so a
// spreadsheet's number format put it there, and whether the comma
// separates thousands or decimals cannot be told from the cell.
func ReadWorldBank(r io.Reader, file string, countries []model.Country) (WorldBank, Problems) {
	var wb WorldBank
	rep := newReport(file)
	recs := newRecords(r, ',', rep)
	cols, ok := readWDIHead(recs, rep, &wb)
	if !ok {
		return wb, rep.problems()
	}
	wb.Years = cols.sortedYears()

	iso2Of := make(map[string]string, len(countries))
	for _, c := range countries {
		if c.ISO3 != "" {
			iso2Of[c.ISO3] = c.ISO2
		}
	}
	aggregates := WorldBankAggregates()
	var aggregateCodes []string
	seen := map[string]int{} // country code → line
	rowsRead := 0
	for {
		rec, ok := recs.next()
		if !ok {
			break
		}
		if blank(rec) {
			continue
		}
		rowsRead++
		line := recs.line
		if msg := cols.fits(len(rec)); msg != "" {
			rep.fatal(line, "%d columns, the header has %d: %s", len(rec), cols.width, msg)
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
		for i := len(wdiHeader()); i < len(rec); i++ {
			s := strings.TrimSpace(rec[i])
			if s == "" {
				continue
			}
			year := cols.years[i]
			if year == 0 {
				rep.fatal(line, "%s has a value, %s, in column %d, under no year: the row does not line up with the header", key, quote(s), i+1)
				continue
			}
			v, ok := parseNumber(s)
			if !ok {
				rep.fatal(line, "%s for %d is %s, not a number%s", key, year, quote(s), notNumberHint(s))
				continue
			}
			wb.Observations = append(wb.Observations, model.Observation{ISO2: iso2, Indicator: wb.Indicator, Year: year, Value: v})
			if wb.First == 0 || year < wb.First {
				wb.First = year
			}
			wb.Last = max(wb.Last, year)
		}
	}
	if rowsRead == 0 && !rep.hasFatal() {
		rep.fatal(0, "no rows after the header")
	}
	if wb.Aggregates > 0 {
		rep.warn(0, "%s of aggregates skipped (regions and groups, not countries: %s)", rows(wb.Aggregates), listSome(aggregateCodes, 8))
	}
	for _, c := range countries {
		if _, ok := seen[c.ISO3]; !ok {
			wb.Absent = append(wb.Absent, c.ISO2)
		}
	}
	return wb, rep.problems()
}

// notNumberHint says why a value with a comma is refused.
func notNumberHint(s string) string {
	if !strings.Contains(s, ",") {
		return ""
	}
	return "; the World Bank writes its values without thousands separators and with a decimal point, " +
		"so a spreadsheet's number format added this comma: save the file again with the values in the General format, or download it again"
}

// wdiColumns is what the header says of the columns of the rows.
type wdiColumns struct {
	years    []int // the year of each column; 0 for the first four and the trailing empty ones
	width    int   // the header's columns, trailing empty ones included
	lastYear int   // the index of the last year column
}

// fits says what is wrong with a row of n columns, or "" when nothing is.
func (c wdiColumns) fits(n int) string {
	switch {
	case n > c.width:
		return "a row may not be wider than the header"
	case n < len(wdiHeader()):
		return "the row is cut short"
	case n <= c.lastYear && c.width > c.lastYear+1:
		// The header kept its trailing empty column, so whatever wrote
		// the file did not drop empty cells: this row was cut.
		return "the row is cut short"
	}
	return ""
}

func (c wdiColumns) sortedYears() []int {
	var ys []int
	for _, y := range c.years {
		if y != 0 {
			ys = append(ys, y)
		}
	}
	slices.Sort(ys)
	return ys
}

// readWDIHead reads the preamble's lines there are, then the header; it
// reports false, with a fatal problem, when the rows cannot be read.
func readWDIHead(recs *records, rep *report, wb *WorldBank) (wdiColumns, bool) {
	preamble := map[string]int{} // label → line
	for {
		rec, ok := recs.next()
		if !ok {
			if rep.hasFatal() {
				return wdiColumns{}, false
			}
			if len(preamble) == 0 {
				rep.fatal(0, `the file is empty: a World Bank WDI CSV starts with its preamble ("Data Source","World Development Indicators") or its header ("Country Name","Country Code",...)`)
			} else {
				rep.fatal(0, `no header "Country Name","Country Code","Indicator Name","Indicator Code","1960",... after the preamble`)
			}
			return wdiColumns{}, false
		}
		if blank(rec) {
			continue
		}
		label := strings.TrimSpace(rec[0])
		if label == wdiSource || label == wdiUpdated {
			if first, dup := preamble[label]; dup {
				rep.fatal(recs.line, "a second %q line (the first is line %d): are two WDI files joined in this one? Give each as a file of its own", label, first)
				return wdiColumns{}, false
			}
			preamble[label] = recs.line
			if label == wdiUpdated {
				wb.LastUpdated = lastUpdated(recs.line, rec, rep)
			}
			continue
		}
		if !hasPrefix(rec, wdiHeader()) {
			rep.fatal(recs.line, `not a World Bank WDI CSV: before its header "Country Name","Country Code","Indicator Name","Indicator Code","1960",... `+
				`there may be only the preamble's "Data Source" and "Last Updated Date" lines and blank lines, and this line starts with %s`, quote(label))
			return wdiColumns{}, false
		}
		return wdiColumnsOf(recs.line, rec, rep)
	}
}

// wdiColumnsOf reads the header's year columns: after the first four, a
// year a column, then any number of empty ones.
func wdiColumnsOf(line int, rec []string, rep *report) (wdiColumns, bool) {
	c := wdiColumns{years: make([]int, len(rec)), width: len(rec), lastYear: len(rec) - 1}
	for c.lastYear >= len(wdiHeader()) && strings.TrimSpace(rec[c.lastYear]) == "" {
		c.lastYear--
	}
	if c.lastYear < len(wdiHeader()) {
		rep.fatal(line, `the header has no year columns after "Indicator Code"`)
		return c, false
	}
	column := map[int]int{} // year → column
	for i := len(wdiHeader()); i <= c.lastYear; i++ {
		h := strings.TrimSpace(rec[i])
		y, err := strconv.Atoi(h)
		if err != nil || len(h) != 4 {
			rep.fatal(line, "header column %d is %s, not a year", i+1, quote(h))
			return c, false
		}
		if first, dup := column[y]; dup {
			rep.fatal(line, "header columns %d and %d are both %d", first+1, i+1, y)
			return c, false
		}
		column[y] = i
		c.years[i] = y
	}
	return c, true
}

// lastUpdated reads the date of the preamble's "Last Updated Date" line.
func lastUpdated(line int, rec []string, rep *report) string {
	var s string
	if len(rec) > 1 {
		s = strings.TrimSpace(rec[1])
	}
	if s == "" {
		rep.warn(line, "the %q line has no date", wdiUpdated)
		return ""
	}
	if d, ok := wdiDate(s); ok {
		return d
	}
	rep.warn(line, "the %q %s is not a date written YYYY-MM-DD, M/D/YYYY or D.M.YYYY; it is kept as written", wdiUpdated, quote(s))
	return clip(s)
}

// wdiDate gives a date as YYYY-MM-DD: the World Bank writes it so, and a
// spreadsheet may rewrite it in its locale's order. Slashes are month
// first, as in US spreadsheets (and the re-saved files in circulation),
// unless that is no date and day first is; dots are day first.
func wdiDate(s string) (string, bool) {
	for _, layout := range []string{"2006-1-2", "2006/1/2", "1/2/2006", "2/1/2006", "2.1.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}

// blank reports whether every field of a record is empty: a blank line, or
// one of the comma-only lines a spreadsheet writes for it.
func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
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
	slices.Sort(out)
	return strings.Join(out, ", ")
}

// listSome joins up to n items, then says how many more there are.
func listSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + " and " + strconv.Itoa(len(items)-n) + " more"
}
