package importer

import (
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
	deepEqual(t, "observations", wb.Observations, []model.Observation{
		obs("KE", g, 2021, 5211.5), obs("KE", g, 2022, 5830.75),
		obs("NG", g, 2021, 5405.25), obs("NG", g, 2022, 5860.5),
		obs("US", g, 2021, 70219.5), obs("US", g, 2022, 76329.5),
	})
}

func TestReadWorldBankMalformed(t *testing.T) {
	const file = "API_IT.NET.USER.ZS_DS2_en_csv_v2_malformed.csv"
	wb, ps := ReadWorldBank(open(t, file), file, fixtureCountries(t))
	checkProblems(t, ps, file,
		want{7, true, "5 columns, the header has 7"},
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
	if got := ps[0].String(); got != file+":7: 5 columns, the header has 7" {
		t.Errorf("String() = %q", got)
	}
}

func TestReadWorldBankUnknownIndicator(t *testing.T) {
	const file = "API_SE.ADT.LITR.ZS_DS2_en_csv_v2_fixture.csv"
	wb, ps := ReadWorldBank(open(t, file), file, fixtureCountries(t))
	checkProblems(t, ps, file, want{6, true, `indicator "SE.ADT.LITR.ZS" is not one this importer knows; it reads ` +
		"IT.NET.USER.ZS (context.internet_pct), NY.GDP.PCAP.PP.CD (context.gdp_pc_ppp), SP.POP.TOTL (context.population)"})
	if len(wb.Observations) != 0 || wb.Code != "" {
		t.Errorf("read %+v", wb)
	}
}

func TestReadWorldBankShape(t *testing.T) {
	const (
		pre    = "\ufeff\"Data Source\",\"World Development Indicators\",\n\n\"Last Updated Date\",\"2024-06-28\",\n\n"
		header = `"Country Name","Country Code","Indicator Name","Indicator Code","2022","2023",` + "\n"
		row    = `"Nigeria","NGA","Population, total","SP.POP.TOTL","218541212","223804632",` + "\n"
	)
	for _, tc := range []struct {
		name, text string
		wants      []want
	}{
		{"empty", "", []want{{0, true, "not a World Bank WDI CSV: it must start with"}}},
		{"no preamble", header + row, []want{{1, true, "not a World Bank WDI CSV: it must start with"}}},
		{"no date", "\"Data Source\",\"World Development Indicators\",\n\n" + header + row, []want{{3, true, `"Last Updated Date" line is missing`}}},
		{"no header", pre + row, []want{{5, true, "no header"}}},
		{"bad year", pre + `"Country Name","Country Code","Indicator Name","Indicator Code","2022","Y2023",` + "\n" + row,
			[]want{{5, true, `header column 6 is "Y2023", not a year`}}},
		{"no rows", pre + header, []want{{0, true, "no rows after the header"}}},
		{"two indicators", pre + header + row + `"Kenya","KEN","Internet","IT.NET.USER.ZS","30","31",` + "\n",
			[]want{{7, true, `indicator "IT.NET.USER.ZS", but the file is of SP.POP.TOTL`}}},
		{"twice", pre + header + row + row, []want{{7, true, "country NGA appears twice (first on line 6)"}}},
		{"infinite", pre + header + `"Nigeria","NGA","Population, total","SP.POP.TOTL","Inf","1e400",` + "\n",
			[]want{{6, true, `NGA for 2022 is "Inf", not a number`}, {6, true, `NGA for 2023 is "1e400", not a number`}}},
		{"latin-1", pre + header + "\"C\xf4te d'Ivoire\",\"CIV\",\"Population, total\",\"SP.POP.TOTL\",\"1\",\"2\",\n",
			[]want{{6, true, "not UTF-8"}}},
		{"escape", pre + header + "\"\x1b[2JEvil\",\"EVL\",\"Population, total\",\"SP.POP.TOTL\",\"1\",\"2\",\n",
			[]want{{6, false, `country code "EVL" ([2JEvil) is not in the countries list`}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, ps := ReadWorldBank(strings.NewReader(tc.text), "wb.csv", fixtureCountries(t))
			checkProblems(t, ps, "wb.csv", tc.wants...)
		})
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
