package importer

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
)

func obs(iso2, ind string, year int, v float64) model.Observation {
	return model.Observation{ISO2: iso2, Indicator: ind, Year: year, Value: v}
}

func TestReadWorldBankPopulation(t *testing.T) {
	const file = "API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv"
	wb, ps := ReadWorldBank(open(t, file), file, fixtureCountries(t))
	checkProblems(t, ps, file,
		want{9, false, `country code "CHI" (Channel Islands) is not in the countries list; row skipped`},
		want{0, false, "4 rows of aggregates skipped (regions and groups, not countries: AFE, ARB, INX, WLD)"},
	)
	if ps.Fatal() {
		t.Error("fatal")
	}
	p := model.IndPopulation
	deepEqual(t, "header", []any{wb.Code, wb.Indicator, wb.Name, wb.First, wb.Last, wb.Aggregates, wb.LastUpdated},
		[]any{"SP.POP.TOTL", p, "Population, total", 2020, 2023, 4, "2024-06-28"})
	deepEqual(t, "years", wb.Years, []int{2020, 2021, 2022, 2023})
	deepEqual(t, "absent", wb.Absent, []string{"AQ", "BQ", "CZ", "KE", "NG", "RU", "US"})
	deepEqual(t, "observations", wb.Observations, []model.Observation{
		obs("AF", p, 2020, 38972230), obs("AF", p, 2021, 40099462), obs("AF", p, 2022, 41128771), obs("AF", p, 2023, 42239854),
		obs("CI", p, 2020, 26811790), obs("CI", p, 2021, 27478249), obs("CI", p, 2022, 28160542), obs("CI", p, 2023, 28873034),
		// France has no value for 2023: an empty cell.
		obs("FR", p, 2020, 67571107), obs("FR", p, 2021, 67764304), obs("FR", p, 2022, 67971311),
		obs("IN", p, 2020, 1396387127), obs("IN", p, 2021, 1414203896), obs("IN", p, 2022, 1425423212), obs("IN", p, 2023, 1438069596),
		obs("XK", p, 2020, 1790133), obs("XK", p, 2021, 1786038), obs("XK", p, 2022, 1761985), obs("XK", p, 2023, 1756374),
		obs("NA", p, 2020, 2489098), obs("NA", p, 2021, 2530151), obs("NA", p, 2022, 2567012), obs("NA", p, 2023, 2604172),
	})
}

// The GDP fixture has Windows line ends and values for 2021 and 2022 only.
func TestReadWorldBankGDP(t *testing.T) {
	const file = "API_NY.GDP.PCAP.PP.CD_DS2_en_csv_v2_fixture.csv"
	wb, ps := ReadWorldBank(open(t, file), file, fixtureCountries(t))
	checkProblems(t, ps, file, want{0, false, "1 row of aggregates skipped (regions and groups, not countries: HIC)"})
	g := model.IndGDPPerCap
	deepEqual(t, "header", []any{wb.Code, wb.Indicator, wb.First, wb.Last, wb.Aggregates, wb.LastUpdated},
		[]any{"NY.GDP.PCAP.PP.CD", g, 2021, 2022, 1, "2024-07-01"})
	// Every year column is kept, 2020 and 2023 too, though no cell has a value.
	deepEqual(t, "years", wb.Years, []int{2020, 2021, 2022, 2023})
	deepEqual(t, "observations", wb.Observations, []model.Observation{
		obs("KE", g, 2021, 5211.5), obs("KE", g, 2022, 5830.75),
		obs("NG", g, 2021, 5405.25), obs("NG", g, 2022, 5860.5),
		obs("US", g, 2021, 70219.5), obs("US", g, 2022, 76329.5),
	})
}

// The download's shape keeps every row as wide as its header, trailing
// empty column included: Kenya's row, shorter, was cut.
func TestReadWorldBankMalformed(t *testing.T) {
	const file = "API_IT.NET.USER.ZS_DS2_en_csv_v2_malformed.csv"
	wb, ps := ReadWorldBank(open(t, file), file, fixtureCountries(t))
	checkProblems(t, ps, file,
		want{7, true, "5 columns, the header has 7: the row is cut short"},
		want{8, true, `NGA for 2021 is "n/a", not a number`},
		want{0, false, "1 row of aggregates skipped"},
	)
	if !ps.Fatal() {
		t.Error("not fatal")
	}
	i := model.IndInternet
	deepEqual(t, "observations", wb.Observations, []model.Observation{
		obs("IN", i, 2021, 46.3), obs("IN", i, 2022, 48.7), obs("NG", i, 2022, 45.5), obs("NA", i, 2021, 51.5), obs("NA", i, 2022, 53),
	})
	if got := ps[0].String(); got != file+":7: 5 columns, the header has 7: the row is cut short" {
		t.Errorf("String() = %q", got)
	}
}

func TestReadWorldBankUnknownIndicator(t *testing.T) {
	const file = "wdi-unknown-indicator.csv"
	wb, ps := ReadWorldBank(open(t, file), file, fixtureCountries(t))
	checkProblems(t, ps, file, want{6, true, `indicator "EN.ATM.CO2E.PC" is not one this importer knows; it reads ` +
		"IT.CEL.SETS.P2 (context.mobile_per100), IT.NET.USER.ZS (context.internet_pct), NY.GDP.PCAP.PP.CD (context.gdp_pc_ppp), " +
		"SE.ADT.LITR.ZS (context.literacy_pct), SP.POP.TOTL (context.population)"})
	if len(wb.Observations) != 0 || wb.Code != "" {
		t.Errorf("read %+v", wb)
	}
}

// The WDI fixtures in each of the shapes users' files take.
func TestReadWorldBankShapes(t *testing.T) {
	mob, pop, gdp, lit := model.IndMobile, model.IndPopulation, model.IndGDPPerCap, model.IndLiteracy
	mobile := []model.Observation{
		obs("CI", mob, 1998, 0.95), obs("CI", mob, 1999, 1.75), obs("CI", mob, 2000, 2.75), obs("CI", mob, 2001, 4.5),
		obs("FR", mob, 1998, 19.25), obs("FR", mob, 1999, 36.5), obs("FR", mob, 2000, 49.25),
		obs("KE", mob, 1999, 0.03), obs("KE", mob, 2000, 0.5), obs("KE", mob, 2001, 1.75),
		obs("NG", mob, 1998, 9.12e-05), obs("NG", mob, 1999, 0.02), obs("NG", mob, 2000, 0.025), obs("NG", mob, 2001, 0.25),
	}
	for _, tc := range []struct {
		file, code, ind, name, updated string
		years                          []int
		first, last, aggregates        int
		absent                         []string
		obs                            []model.Observation // in the file's order of rows
		wants                          []want
	}{
		{
			file: "wdi-mobile.csv", code: "IT.CEL.SETS.P2", ind: mob, name: "Mobile cellular subscriptions (per 100 people)",
			updated: "2024-02-21", years: []int{1998, 1999, 2000, 2001}, first: 1998, last: 2001, aggregates: 1,
			absent: []string{"AF", "AQ", "BQ", "CZ", "IN", "XK", "NA", "RU", "US"},
			obs:    mobile,
			wants:  []want{{7, false, `country code "CHI" (Channel Islands) is not in the countries list`}, {0, false, "1 row of aggregates skipped (regions and groups, not countries: AFE)"}},
		},
		{
			// Excel's re-save of the same cells: unquoted, the preamble
			// padded with commas, M/D/YYYY, no trailing column, rows in
			// reverse order.
			file: "wdi-mobile-resaved.csv", code: "IT.CEL.SETS.P2", ind: mob, name: "Mobile cellular subscriptions (per 100 people)",
			updated: "2024-02-21", years: []int{1998, 1999, 2000, 2001}, first: 1998, last: 2001, aggregates: 1,
			absent: []string{"AF", "AQ", "BQ", "CZ", "IN", "XK", "NA", "RU", "US"},
			obs:    append(append(append(append([]model.Observation(nil), mobile[10:]...), mobile[7:10]...), mobile[4:7]...), mobile[:4]...),
			wants:  []want{{10, false, `country code "CHI" (Channel Islands) is not in the countries list`}, {0, false, "1 row of aggregates skipped"}},
		},
		{
			// A re-save that drops trailing empty cells: France's row ends
			// at 2022, Kosovo's has no value at all (it has a row, so it is
			// not absent); a date D.M.YYYY; numbers as 1.438069596E+09.
			file: "wdi-population-trimmed.csv", code: "SP.POP.TOTL", ind: pop, name: "Population, total",
			updated: "2026-07-13", years: []int{2020, 2021, 2022, 2023}, first: 2020, last: 2023, aggregates: 1,
			absent: []string{"AQ", "BQ", "CZ", "CI", "KE", "NA", "NG", "RU", "US"},
			obs: []model.Observation{
				obs("AF", pop, 2020, 38972230), obs("AF", pop, 2021, 40099462), obs("AF", pop, 2022, 41128771), obs("AF", pop, 2023, 42239854),
				obs("FR", pop, 2020, 67571107), obs("FR", pop, 2021, 67764304), obs("FR", pop, 2022, 67971311),
				obs("IN", pop, 2020, 1396387127), obs("IN", pop, 2021, 1414203896), obs("IN", pop, 2022, 1425423212), obs("IN", pop, 2023, 1438069596),
			},
			wants: []want{{10, false, `country code "KOR" (Korea, Rep.) is not in the countries list`}, {0, false, "1 row of aggregates skipped (regions and groups, not countries: WLD)"}},
		},
		{
			// The preamble deleted: the file starts at the header, and has
			// no date.
			file: "wdi-gdp-no-preamble.csv", code: "NY.GDP.PCAP.PP.CD", ind: gdp, name: "GDP per capita, PPP (current international $)",
			updated: "", years: []int{2021, 2022, 2023}, first: 2021, last: 2023, aggregates: 1,
			absent: []string{"AF", "AQ", "BQ", "CZ", "FR", "IN", "CI", "XK", "NA"},
			obs: []model.Observation{
				obs("KE", gdp, 2021, 5211.5), obs("KE", gdp, 2022, 5830.75), obs("KE", gdp, 2023, 6190.5),
				obs("NG", gdp, 2021, 5405.25), obs("NG", gdp, 2022, 5860.5),
				obs("RU", gdp, 2021, 35310.75), obs("RU", gdp, 2022, 36485.5), obs("RU", gdp, 2023, 39820.25),
				obs("US", gdp, 2021, 70219.5), obs("US", gdp, 2022, 76329.5), obs("US", gdp, 2023, 82769.5),
			},
			wants: []want{{2, false, `country code "CUW" (Curacao) is not in the countries list`}, {0, false, "1 row of aggregates skipped (regions and groups, not countries: HIC)"}},
		},
		{
			// Only the preamble's date line is left, among blank lines; a
			// blank line between rows and a line of commas at the end.
			file: "wdi-literacy-partial.csv", code: "SE.ADT.LITR.ZS", ind: lit, name: "Literacy rate, adult total (% of people ages 15 and above)",
			updated: "2025-01-28", years: []int{2021, 2022, 2023}, first: 2021, last: 2023, aggregates: 1,
			absent: []string{"AF", "AQ", "BQ", "CZ", "FR", "CI", "XK", "NG", "RU", "US"},
			obs:    []model.Observation{obs("IN", lit, 2022, 76), obs("IN", lit, 2023, 77), obs("KE", lit, 2021, 82.6), obs("NA", lit, 2023, 92.25)},
			wants:  []want{{6, false, `country code "CHI" (Channel Islands) is not in the countries list`}, {0, false, "1 row of aggregates skipped (regions and groups, not countries: SSF)"}},
		},
		{
			// The fixture the importer once refused: literacy is read now.
			file: "API_SE.ADT.LITR.ZS_DS2_en_csv_v2_fixture.csv", code: "SE.ADT.LITR.ZS", ind: lit, name: "Literacy rate, adult total (% of people ages 15 and above)",
			updated: "2024-06-28", years: []int{2021, 2022}, first: 2021, last: 2022,
			absent: []string{"AF", "AQ", "BQ", "CZ", "FR", "CI", "XK", "NA", "NG", "RU", "US"},
			obs:    []model.Observation{obs("IN", lit, 2022, 76.3), obs("KE", lit, 2021, 82.6)},
		},
	} {
		t.Run(tc.file, func(t *testing.T) {
			wb, ps := ReadWorldBank(open(t, tc.file), tc.file, fixtureCountries(t))
			checkProblems(t, ps, tc.file, tc.wants...)
			deepEqual(t, "header", []any{wb.Code, wb.Indicator, wb.Name, wb.LastUpdated, wb.First, wb.Last, wb.Aggregates},
				[]any{tc.code, tc.ind, tc.name, tc.updated, tc.first, tc.last, tc.aggregates})
			deepEqual(t, "years", wb.Years, tc.years)
			deepEqual(t, "absent", wb.Absent, tc.absent)
			deepEqual(t, "observations", wb.Observations, tc.obs)
		})
	}
}

// Each fatal problem, and what each shape tolerates.
func TestReadWorldBankShape(t *testing.T) {
	const (
		pre    = "\ufeff\"Data Source\",\"World Development Indicators\",\n\n\"Last Updated Date\",\"2024-06-28\",\n\n"
		header = `"Country Name","Country Code","Indicator Name","Indicator Code","2022","2023",` + "\n"
		row    = `"Nigeria","NGA","Population, total","SP.POP.TOTL","218541212","223804632",` + "\n"
		// A spreadsheet's re-save: no quotes, no trailing column.
		bare    = "Country Name,Country Code,Indicator Name,Indicator Code,2022,2023\n"
		bareRow = "Nigeria,NGA,Population,SP.POP.TOTL,"
	)
	for _, tc := range []struct {
		name, text string
		wants      []want
		values     int // observations read
	}{
		// What is read.
		{"pristine", pre + header + row, nil, 2},
		{"no preamble", header + row, nil, 2},
		{"no date line", "\"Data Source\",\"World Development Indicators\",\n\n" + header + row, nil, 2},
		{"only the date line", "Last Updated Date,2024-06-28\n" + header + row, nil, 2},
		{"the preamble's lines the other way round", "Last Updated Date,2024-06-28\nData Source,WDI\n" + header + row, nil, 2},
		{"blank lines and lines of commas", "\n,,,\n" + header + "\n,,,,,,\n" + row + ",,,,,,\n\n", nil, 2},
		{"re-saved", bare + bareRow + "218541212,223804632\r\n", nil, 2},
		{"trailing empty cells dropped", bare + bareRow + "218541212\n", nil, 1},
		{"no value at all", bare + "Nigeria,NGA,Population,SP.POP.TOTL\n", nil, 0},
		{"trailing column dropped from the rows only", pre + header + `"Nigeria","NGA","Population","SP.POP.TOTL","1","2"` + "\n", nil, 2},
		{"exponents", bare + bareRow + "2.18541212E+08,1.23e+11\n", nil, 2},
		{"a leading plus and spaces", bare + bareRow + " +218541212 , 223804632 \n", nil, 2},

		// Fatal.
		{"empty", "", []want{{0, true, "the file is empty: a World Bank WDI CSV starts with its preamble"}}, 0},
		{"blank lines only", "\n,,,\n\n", []want{{0, true, "the file is empty"}}, 0},
		{"preamble only", pre, []want{{0, true, `no header "Country Name","Country Code","Indicator Name","Indicator Code","1960",... after the preamble`}}, 0},
		{"no header", pre + row, []want{{5, true, `not a World Bank WDI CSV: before its header "Country Name"`}}, 0},
		{"not a WDI file", "country,indicator,year,value\n", []want{{1, true, `this line starts with "country"`}}, 0},
		{"two date lines", pre + "Last Updated Date,2024-07-01\n" + header + row, []want{{5, true, `a second "Last Updated Date" line (the first is line 3)`}}, 0},
		{"bad year", pre + `"Country Name","Country Code","Indicator Name","Indicator Code","2022","Y2023",` + "\n" + row,
			[]want{{5, true, `header column 6 is "Y2023", not a year`}}, 0},
		{"an empty column between years", "Country Name,Country Code,Indicator Name,Indicator Code,2022,,2023\n",
			[]want{{1, true, `header column 6 is "", not a year`}}, 0},
		{"a year twice", "Country Name,Country Code,Indicator Name,Indicator Code,2022,2023,2022\n",
			[]want{{1, true, "header columns 5 and 7 are both 2022"}}, 0},
		{"no years", "Country Name,Country Code,Indicator Name,Indicator Code,,\n" + "Nigeria,NGA,Population,SP.POP.TOTL\n",
			[]want{{1, true, `the header has no year columns after "Indicator Code"`}}, 0},
		{"no rows", pre + header, []want{{0, true, "no rows after the header"}}, 0},
		{"two indicators", pre + header + row + `"Kenya","KEN","Internet","IT.NET.USER.ZS","30","31",` + "\n",
			[]want{{7, true, `indicator "IT.NET.USER.ZS", but the file is of SP.POP.TOTL`}}, 2},
		{"twice", pre + header + row + row, []want{{7, true, "country NGA appears twice (first on line 6)"}}, 2},
		{"wider than the header", bare + bareRow + "1,2,3\n", []want{{2, true, "7 columns, the header has 6: a row may not be wider than the header"}}, 0},
		{"wider by an empty cell", bare + bareRow + "1,2,\n", []want{{2, true, "7 columns, the header has 6: a row may not be wider"}}, 0},
		{"cut short in a download", pre + header + `"Nigeria","NGA","Population, total","SP.POP.TOTL","218541212"` + "\n",
			[]want{{6, true, "5 columns, the header has 7: the row is cut short"}}, 0},
		{"no indicator code", bare + "Nigeria,NGA,Population\n", []want{{2, true, "3 columns, the header has 6: the row is cut short"}}, 0},
		{"a value under no year", pre + header + `"Nigeria","NGA","Population, total","SP.POP.TOTL","1","2","3"` + "\n",
			[]want{{6, true, `NGA has a value, "3", in column 7, under no year`}}, 2},
		{"infinite", pre + header + `"Nigeria","NGA","Population, total","SP.POP.TOTL","Inf","1e400",` + "\n",
			[]want{{6, true, `NGA for 2022 is "Inf", not a number`}, {6, true, `NGA for 2023 is "1e400", not a number`}}, 0},
		{"not a number", bare + bareRow + "n/a,..\n", []want{{2, true, `NGA for 2022 is "n/a", not a number`}, {2, true, `NGA for 2023 is "..", not a number`}}, 0},
		{"hexadecimal", bare + bareRow + "0x1p4,1_000\n", []want{{2, true, `"0x1p4", not a number`}, {2, true, `"1_000", not a number`}}, 0},
		{"a percentage", bare + bareRow + "35.2%,\n", []want{{2, true, `NGA for 2022 is "35.2%", not a number`}}, 0},
		{"thousands separators", bare + bareRow + "\"218,541,212\",\"223,804,632\"\n", []want{
			{2, true, `NGA for 2022 is "218,541,212", not a number; the World Bank writes its values without thousands separators and with a decimal point`},
			{2, true, `NGA for 2023 is "223,804,632", not a number; the World Bank writes`},
		}, 0},
		{"a decimal comma", bare + bareRow + "\"35,2\",\n", []want{{2, true, `NGA for 2022 is "35,2", not a number; the World Bank writes its values without thousands separators`}}, 0},
		{"latin-1", pre + header + "\"C\xf4te d'Ivoire\",\"CIV\",\"Population, total\",\"SP.POP.TOTL\",\"1\",\"2\",\n",
			[]want{{6, true, "not UTF-8"}}, 0},
		{"an unterminated quote", bare + "\"Nigeria,NGA\n", []want{{2, true, "the rest of the file is not read"}}, 0},

		// Not fatal.
		{"escape", pre + header + "\"\x1b[2JEvil\",\"EVL\",\"Population, total\",\"SP.POP.TOTL\",\"1\",\"2\",\n",
			[]want{{6, false, `country code "EVL" ([2JEvil) is not in the countries list`}}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wb, ps := ReadWorldBank(strings.NewReader(tc.text), "wb.csv", fixtureCountries(t))
			checkProblems(t, ps, "wb.csv", tc.wants...)
			if len(wb.Observations) != tc.values {
				t.Errorf("%d observations, want %d: %v", len(wb.Observations), tc.values, wb.Observations)
			}
		})
	}
}

// Year columns moved about in a spreadsheet are still each their year; Years
// is ascending whatever the order of the columns.
func TestReadWorldBankYearOrder(t *testing.T) {
	const text = "Country Name,Country Code,Indicator Name,Indicator Code,2023,2021,2022\nKenya,KEN,Internet,IT.NET.USER.ZS,33,,31\n"
	wb, ps := ReadWorldBank(strings.NewReader(text), "wb.csv", fixtureCountries(t))
	checkProblems(t, ps, "wb.csv")
	i := model.IndInternet
	deepEqual(t, "years", wb.Years, []int{2021, 2022, 2023})
	deepEqual(t, "observations", wb.Observations, []model.Observation{obs("KE", i, 2023, 33), obs("KE", i, 2022, 31)})
	deepEqual(t, "first, last", []int{wb.First, wb.Last}, []int{2022, 2023})
}

// The "Last Updated Date" as written by the World Bank and by spreadsheets;
// a date not read is kept as written, with a warning.
func TestReadWorldBankLastUpdated(t *testing.T) {
	const rest = "Country Name,Country Code,Indicator Name,Indicator Code,2022\nNigeria,NGA,Population,SP.POP.TOTL,1\n"
	for _, tc := range []struct {
		written, want, warn string
	}{
		{`"2024-06-28"`, "2024-06-28", ""},
		{"2026-7-13", "2026-07-13", ""},
		{"2026/07/13", "2026-07-13", ""},
		{"7/13/2026", "2026-07-13", ""},  // a US spreadsheet
		{"07/13/2026", "2026-07-13", ""}, // with zeros
		{"13/7/2026", "2026-07-13", ""},  // day first, since 13 is no month
		{"3/4/2025", "2025-03-04", ""},   // month first when both could be
		{"13.07.2026", "2026-07-13", ""}, // a German spreadsheet
		{`"July 13, 2026"`, "July 13, 2026", `the "Last Updated Date" "July 13, 2026" is not a date written YYYY-MM-DD, M/D/YYYY or D.M.YYYY; it is kept as written`},
		{"46216", "46216", `"46216" is not a date`}, // a spreadsheet's day number
		{"2/30/2026", "2/30/2026", `"2/30/2026" is not a date`},
		{"7/13/26", "7/13/26", `"7/13/26" is not a date`}, // which century is not guessed
		{"", "", `the "Last Updated Date" line has no date`},
		{"\x1b[2J" + strings.Repeat("9", 100), "[2J" + strings.Repeat("9", 56) + "…", `"[2J999`},
	} {
		t.Run(tc.written, func(t *testing.T) {
			text := "Data Source,World Development Indicators\nLast Updated Date," + tc.written + "\n" + rest
			wb, ps := ReadWorldBank(strings.NewReader(text), "wb.csv", fixtureCountries(t))
			var wants []want
			if tc.warn != "" {
				wants = append(wants, want{2, false, tc.warn})
			}
			checkProblems(t, ps, "wb.csv", wants...)
			if wb.LastUpdated != tc.want {
				t.Errorf("LastUpdated = %q, want %q", wb.LastUpdated, tc.want)
			}
			if len(wb.Observations) != 1 {
				t.Errorf("observations %v", wb.Observations)
			}
		})
	}
	// A date line with nothing after its label.
	_, ps := ReadWorldBank(strings.NewReader("Last Updated Date\n"+rest), "wb.csv", fixtureCountries(t))
	checkProblems(t, ps, "wb.csv", want{1, false, "has no date"})
}

func TestSniffWorldBank(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"\"Data Source\",\"World Development Indicators\",\r\n", true},
		{"\ufeff\"Data Source\",\"World Development Indicators\",", true},
		{"Data Source,World Development Indicators,,,,,,,,,,\r\n", true},
		{"\"Last Updated Date\",\"2024-06-28\",\n", true},
		{"Last Updated Date,7/13/2026", true},
		{"\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"1960\",\"1961\",\n", true},
		{"\ufeffCountry Name,Country Code,Indicator Name,Indicator Code,1960,1961\r\n", true},
		{" Country Name , Country Code ,Indicator Name,Indicator Code", true},
		{"Country Name,Country Code,Indicator Name\n", false},
		{"Country Name,Country Code,Indicator Code,Indicator Name,1960\n", false},
		{"Country,Country Code,Indicator Name,Indicator Code,1960\n", false},
		{"\"Series Name\",\"Series Code\",\"Country Name\",\"Country Code\",\"2000 [YR2000]\"\n", false}, // a DataBank extract
		{"country,indicator,year,value\n", false},
		{"name\tiso_code\tiso_alpha3_code\n", false},
		{"Data Sources,x\n", false},
		{"", false},
		{"\n", false},
	} {
		if got := SniffWorldBank(tc.line); got != tc.want {
			t.Errorf("SniffWorldBank(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
	// The first line of every WDI fixture.
	names, _ := filepath.Glob(filepath.Join("testdata", "wdi-*.csv"))
	api, _ := filepath.Glob(filepath.Join("testdata", "API_*.csv"))
	for _, name := range append(names, api...) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(b), "\n")
		// A file that starts with a blank line cannot be told from its
		// first line: it needs --worldbank.
		if want := strings.TrimSpace(strings.TrimPrefix(first, "\ufeff")) != ""; SniffWorldBank(first) != want {
			t.Errorf("%s: SniffWorldBank(%q) = %v", name, first, !want)
		}
	}
}

// A file without line ends is refused, not read whole into memory.
func TestReadWorldBankLongLine(t *testing.T) {
	text := "Data Source,World Development Indicators,\rLast Updated Date,2024-06-28,\r" + strings.Repeat("1,", 600_000)
	_, ps := ReadWorldBank(strings.NewReader(text), "wb.csv", nil)
	checkProblems(t, ps, "wb.csv", want{1, true, "a line longer than 1024 kB"})
}

// No aggregate code is a country's: the list cannot hide one.
func TestWorldBankAggregatesReference(t *testing.T) {
	aggs := WorldBankAggregates()
	if len(aggs) != 49 {
		t.Errorf("%d aggregates, want the World Bank's 49", len(aggs))
	}
	for _, c := range referenceCountries(t) {
		if name, ok := aggs[c.ISO3]; ok {
			t.Errorf("aggregate %s (%s) is the code of %s", c.ISO3, name, c.Name)
		}
	}
}

// The real WDI files of the reference data, one in each shape. The figures
// were read off the files with grep and awk.
func TestReadWorldBankReference(t *testing.T) {
	countries := referenceCountries(t)
	type cell struct {
		iso2 string
		year int
		v    float64
	}
	for _, tc := range []struct {
		file, code, updated string
		firstYear, lastYear int // of the header
		first, last         int // with a value
		countries, values   int
		aggregates, chiLine int
		cells               []cell
		noValue             []cell // cells that are empty in the file
	}{
		{
			// Re-saved by a spreadsheet.
			file: "API_IT.NET.USER.ZS_DS2_en_csv_v2_33086.csv", code: "IT.NET.USER.ZS", updated: "2026-07-13",
			firstYear: 1960, lastYear: 2025, first: 1990, last: 2025, countries: 213, values: 6224, aggregates: 48, chiLine: 50,
			cells:   []cell{{"ML", 2014, 7}, {"ML", 2022, 35.19919968}, {"ML", 2023, 36.03879929}, {"IN", 2022, 55.9}, {"NG", 2023, 40.06399918}},
			noValue: []cell{{"ML", 2025, 0}},
		},
		{
			// The same re-save, renamed.
			file: "population.csv", code: "SP.POP.TOTL", updated: "2026-07-13",
			firstYear: 1960, lastYear: 2025, first: 1960, last: 2025, countries: 216, values: 14226, aggregates: 48, chiLine: 44,
			cells: []cell{{"NG", 2023, 227882945}, {"ML", 2022, 23072640}, {"IN", 2023, 1438069596}, {"FR", 2020, 67601110}},
		},
		{
			// The preamble deleted.
			file: "API_NY.GDP.PCAP.PP.CD_DS2_en_csv_v2_496395.csv", code: "NY.GDP.PCAP.PP.CD", updated: "",
			firstYear: 1960, lastYear: 2024, first: 1990, last: 2024, countries: 203, values: 6827, aggregates: 49, chiLine: 40,
			cells: []cell{{"ML", 2022, 3008.755546}, {"FR", 2023, 58317.82803}, {"NG", 2014, 5252.15095}},
		},
		{
			// As downloaded; sparse.
			file: "API_SE.ADT.LITR.ZS_DS2_en_csv_v2_76004.csv", code: "SE.ADT.LITR.ZS", updated: "2025-01-28",
			firstYear: 1960, lastYear: 2023, first: 1970, last: 2023, countries: 168, values: 1069, aggregates: 49, chiLine: 44,
			cells:   []cell{{"ML", 2018, 35}, {"ML", 2020, 31}, {"IN", 2022, 76}, {"NG", 2018, 62.0160102844238}},
			noValue: []cell{{"ML", 2019, 0}, {"FR", 2020, 0}},
		},
		{
			// As downloaded.
			file: "API_IT.CEL.SETS.P2_DS2_en_csv_v2_2987.csv", code: "IT.CEL.SETS.P2", updated: "2024-02-21",
			firstYear: 1960, lastYear: 2022, first: 1960, last: 2022, countries: 214, values: 10218, aggregates: 49, chiLine: 44,
			cells: []cell{{"NG", 2022, 101.6857635}, {"NG", 2020, 98.03255552}, {"ML", 2014, 133.9209668}, {"FR", 2022, 118.8472962}},
		},
	} {
		t.Run(tc.file, func(t *testing.T) {
			wb, ps := readReference(t, tc.file, countries)
			checkProblems(t, ps, tc.file,
				want{tc.chiLine, false, `country code "CHI" (Channel Islands) is not in the countries list`},
				want{0, false, rows(tc.aggregates) + " of aggregates skipped"},
			)
			deepEqual(t, "header", []any{wb.Code, wb.Indicator, wb.LastUpdated, wb.First, wb.Last, wb.Aggregates},
				[]any{tc.code, WorldBankIndicators()[tc.code], tc.updated, tc.first, tc.last, tc.aggregates})
			if len(wb.Years) != tc.lastYear-tc.firstYear+1 || wb.Years[0] != tc.firstYear || wb.Years[len(wb.Years)-1] != tc.lastYear {
				t.Errorf("years %v, want %d–%d", wb.Years, tc.firstYear, tc.lastYear)
			}
			if got := countriesIn(wb.Observations); got != tc.countries || len(wb.Observations) != tc.values {
				t.Errorf("%d countries, %d values; want %d, %d", got, len(wb.Observations), tc.countries, tc.values)
			}
			// The 34 territories of the canonical list the World Bank has
			// no row for (Taiwan, Réunion, the Vatican, ...).
			if len(wb.Absent) != 34 || !slices.Contains(wb.Absent, "TW") || !slices.Contains(wb.Absent, "VA") {
				t.Errorf("absent %v", wb.Absent)
			}
			got := map[cell]bool{}
			for _, o := range wb.Observations {
				got[cell{o.ISO2, o.Year, o.Value}] = true
				got[cell{o.ISO2, o.Year, 0}] = true
			}
			for _, c := range tc.cells {
				if !got[c] {
					t.Errorf("no %s %d = %v", c.iso2, c.year, c.v)
				}
			}
			for _, c := range tc.noValue {
				if got[c] {
					t.Errorf("a value for %s %d, whose cell is empty", c.iso2, c.year)
				}
			}
		})
	}
}

// The same cells in another shape give the same result: the real
// population.csv, re-saved by a spreadsheet, against the download's layout
// written back from it; the real mobile download against a spreadsheet's
// re-save of it (no quotes, M/D/YYYY, rows by name backwards, trailing
// empty cells dropped, numbers in E notation).
func TestReadWorldBankReshaped(t *testing.T) {
	countries := referenceCountries(t)
	for _, tc := range []struct {
		file   string
		resave func(t *testing.T, recs [][]string) []byte
	}{
		{"population.csv", asDownloaded},
		{"API_IT.CEL.SETS.P2_DS2_en_csv_v2_2987.csv", asResaved},
		{"API_NY.GDP.PCAP.PP.CD_DS2_en_csv_v2_496395.csv", asDownloaded},
	} {
		t.Run(tc.file, func(t *testing.T) {
			wb, ps := readReference(t, tc.file, countries)
			b, err := os.ReadFile(filepath.Join(referenceDir, "world-bank-wdi", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
			cr.FieldsPerRecord = -1
			recs, err := cr.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			other := tc.resave(t, recs)
			wb2, ps2 := ReadWorldBank(bytes.NewReader(other), "reshaped.csv", countries)
			if ps.Fatal() || ps2.Fatal() || len(ps) != len(ps2) {
				t.Errorf("problems\n%v\nand\n%v", ps, ps2)
			}
			byCell := func(a, b model.Observation) int {
				return cmp.Or(cmp.Compare(a.ISO2, b.ISO2), cmp.Compare(a.Year, b.Year))
			}
			slices.SortFunc(wb.Observations, byCell)
			slices.SortFunc(wb2.Observations, byCell)
			if wb.LastUpdated == "" { // the download's layout has a date
				wb.LastUpdated = "2025-07-01"
			}
			deepEqual(t, "result", wb2, wb)
		})
	}
}

// readReference reads a file of the reference WDI data, skipping when it is
// absent.
func readReference(t *testing.T, file string, countries []model.Country) (WorldBank, Problems) {
	t.Helper()
	path := filepath.Join(referenceDir, "world-bank-wdi", file)
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("no reference data at %s", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return ReadWorldBank(f, file, countries)
}

// headerAt finds the header among a file's records.
func headerAt(t *testing.T, recs [][]string) int {
	t.Helper()
	for i, r := range recs {
		if hasPrefix(r, wdiHeader()) {
			return i
		}
	}
	t.Fatal("no header")
	return 0
}

// asDownloaded writes a WDI file's records in the download's layout: BOM,
// quoted preamble with the date as YYYY-MM-DD, every field quoted, a
// trailing empty column, rows by code.
func asDownloaded(t *testing.T, recs [][]string) []byte {
	h := headerAt(t, recs)
	date := "2025-07-01"
	for _, r := range recs[:h] {
		if r[0] == wdiUpdated {
			d, ok := wdiDate(r[1])
			if !ok {
				t.Fatalf("date %q", r[1])
			}
			date = d
		}
	}
	var b bytes.Buffer
	b.WriteString("\ufeff\"Data Source\",\"World Development Indicators\",\r\n\r\n\"Last Updated Date\",\"" + date + "\",\r\n\r\n")
	body := slices.Clone(recs[h+1:])
	slices.SortFunc(body, func(a, b []string) int { return cmp.Compare(a[1], b[1]) })
	for _, r := range append([][]string{recs[h]}, body...) {
		for _, f := range r {
			b.WriteString(`"` + strings.ReplaceAll(f, `"`, `""`) + `",`)
		}
		b.WriteString("\r\n")
	}
	return b.Bytes()
}

// asResaved writes a WDI file's records as a spreadsheet re-saves them:
// quotes only where needed, the preamble padded with commas and its date
// M/D/YYYY, no trailing empty column, rows by name backwards, trailing
// empty cells dropped, every other row's numbers in E notation.
func asResaved(t *testing.T, recs [][]string) []byte {
	h := headerAt(t, recs)
	header := recs[h]
	if header[len(header)-1] == "" {
		header = header[:len(header)-1]
	}
	pad := func(fs ...string) []string { return append(fs, make([]string, len(header)-len(fs))...) }
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	out := [][]string{pad("Data Source", "World Development Indicators"), pad()}
	for _, r := range recs[:h] {
		if r[0] == wdiUpdated {
			y, m, d := r[1][:4], strings.TrimLeft(r[1][5:7], "0"), strings.TrimLeft(r[1][8:10], "0")
			out = append(out, pad(wdiUpdated, m+"/"+d+"/"+y), pad())
		}
	}
	out = append(out, header)
	body := slices.Clone(recs[h+1:])
	slices.SortFunc(body, func(a, b []string) int { return cmp.Compare(b[0], a[0]) })
	for i, r := range body {
		r = slices.Clone(r[:len(header)])
		for j := len(wdiHeader()); j < len(r) && i%2 == 0; j++ {
			if v, err := strconv.ParseFloat(r[j], 64); err == nil {
				r[j] = strconv.FormatFloat(v, 'E', -1, 64)
			}
		}
		for len(r) > len(wdiHeader()) && r[len(r)-1] == "" {
			r = r[:len(r)-1]
		}
		out = append(out, r)
	}
	if err := w.WriteAll(out); err != nil {
		t.Fatal(err)
	}
	return append([]byte("\ufeff"), b.Bytes()...)
}

// Reading a real download of 266 rows of 63 years.
func BenchmarkReadWorldBank(b *testing.B) {
	countries := filepath.Join(referenceDir, "wikimedia-canonical-data", "countries.tsv")
	path := filepath.Join(referenceDir, "world-bank-wdi", "API_IT.CEL.SETS.P2_DS2_en_csv_v2_2987.csv")
	data, err := os.ReadFile(path)
	ctext, err2 := os.ReadFile(countries)
	if err != nil || err2 != nil {
		b.Skipf("no reference data: %v %v", err, err2)
	}
	cs, _ := ReadCountries(bytes.NewReader(ctext), countries)
	b.ReportAllocs()
	for b.Loop() {
		if _, ps := ReadWorldBank(bytes.NewReader(data), path, cs); ps.Fatal() {
			b.Fatal(ps)
		}
	}
}
