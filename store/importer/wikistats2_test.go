package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readPVWikistats2(t *testing.T, name string) (Views, Problems) {
	t.Helper()
	return ReadWikistats2(open(t, "pageviews/"+name), "testdata/pageviews/"+name, fixtureCountries(t))
}

func TestReadWikistats2Fixtures(t *testing.T) {
	for _, tc := range []struct {
		name  string
		want  []ViewsMonth
		probs []want
	}{
		{
			// The slice of the real export: GB, JP, DE, GS, TF and CX are not
			// among the fixture countries.
			name: "all-projects_page-views-by-country_2025-09.csv",
			want: []ViewsMonth{{Project: "all-projects", Year: 2025, Month: 9, Unknown: 1, Countries: []CountryViews{
				pvCountry("US", 3320643000, 3320642001, 3320643000, 1),
				pvCountry("IN", 627025000, 627024001, 627025000, 5),
				pvCountry("FR", 538006000, 538005001, 538006000, 6),
				pvCountry("NG", 23540000, 23539001, 23540000, 49),
				pvCountry("KE", 9948000, 9947001, 9948000, 64),
			}}},
			probs: []want{
				{0, false, "1 row of unknown location (--) counted apart"},
				{3, false, `country code "JP" is not in the countries list; 1 row skipped`},
				{4, false, `"GB"`}, {5, false, `"DE"`}, {11, false, `"GS"`}, {12, false, `"TF"`}, {13, false, `"CX"`},
			},
		},
		{
			// BOM, CRLF, columns in another order, quoted fields; a figure
			// not of whole thousands is exact; the smallest figure is 1 to
			// 1000 views.
			name: "en.wikipedia_page-views-by-country_2024-01.csv",
			want: []ViewsMonth{{Project: "en.wikipedia", Year: 2024, Month: 1, Unknown: 1, Countries: []CountryViews{
				pvCountry("US", 2900000000, 2899999001, 2900000000, 1),
				pvCountry("IN", 810000000, 809999001, 810000000, 2),
				pvCountry("NA", 1000, 1, 1000, 5),
				pvCountry("AQ", 1234, 1234, 1234, 0),
			}}},
			probs: []want{
				{0, false, "1 row of unknown location (--)"},
				{5, false, `country code "ZZ" is not in the countries list; 1 row skipped`},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, ps := readPVWikistats2(t, tc.name)
			checkProblems(t, ps, "testdata/pageviews/"+tc.name, tc.probs...)
			deepEqual(t, "views", v, Views{File: "testdata/pageviews/" + tc.name, Format: FormatWikistats2, Months: tc.want})
		})
	}
}

func TestReadWikistats2Problems(t *testing.T) {
	const header = "country,rank,timestamp,total.total,month,timeRange.start,timeRange.end\n"
	row := func(country, total, month string) string {
		return country + ",1,1756684800000," + total + "," + month + ",2025-09-01T00:00:00.000Z,2025-10-01T00:00:00.000Z\n"
	}
	const sept = "2025-09-01T00:00:00.000Z"
	for _, tc := range []struct {
		name, file, data string
		probs            []want
	}{
		{"empty", "", "", []want{{0, true, "the file is empty"}}},
		{"header only", "", header, []want{{0, true, "no rows after the header"}}},
		{"no total", "", "country,rank,month\nUS,1,2025-09\n", []want{{1, true, "the header has no column total.total (it needs country, total.total, month)"}}},
		{"long csv", "", "country,indicator,year,value\nUS,population,2020,3\n", []want{{1, true, "no column total.total, month"}}},
		{"short row", "", header + "US,1,2\n", []want{{2, true, "3 columns, the header has 7"}}},
		{"total not a number", "", header + row("US", "3.3e9x", sept), []want{{2, true, `total.total "3.3e9x" is not a count`}}},
		{"total negative", "", header + row("US", "-1000", sept), []want{{2, true, `total.total "-1000" is not a count`}}},
		{"total decimal", "", header + row("US", "1000.5", sept), []want{{2, true, "is not a count"}}},
		{"no month", "", header + row("US", "1000", ""), []want{{2, true, `month "" is not a month such as 2025-09-01T00:00:00.000Z`}}},
		{"month 13", "", header + row("US", "1000", "2025-13-01T00:00:00.000Z"), []want{{2, true, "2025-13 is not a month"}}},
		{"month mid-month", "", header + row("US", "1000", "2025-09-15"), []want{{2, true, "is not a month such as"}}},
		{"bad rank", "", header + "US,first,1,1000," + sept + ",,\n", []want{{2, true, `rank "first" is not a whole number`}}},
		{"no code", "", header + row("", "1000", sept), []want{{2, true, "no country code"}}},
		{"twice", "", header + row("US", "1000", sept) + row("KE", "1000", sept) + row("US", "2000", sept),
			[]want{{4, true, "country US appears twice in all-projects of 2025-09 (first on line 2)"}}},
		{"two months", "", header + row("US", "1000", sept) + row("US", "2000", "2025-10-01T00:00:00.000Z"), nil},
		{"project not in the name", "page-views.csv", header + row("US", "1000", sept),
			[]want{{0, false, "the file does not say which project it is of"}}},
		{"not utf-8", "", header + row("US", "1000", sept) + "K\xffE,1,1,1000," + sept + ",,\n", []want{{3, true, "not UTF-8"}}},
		{"bad quoting", "", header + "\"US,1,1,1000\n", []want{{2, true, "the rest of the file is not read"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := tc.file
			if file == "" {
				file = "all-projects_page-views-by-country.csv"
			}
			_, ps := ReadWikistats2(strings.NewReader(tc.data), file, fixtureCountries(t))
			checkProblems(t, ps, file, tc.probs...)
		})
	}
}

func TestReadWikistats2TwoMonths(t *testing.T) {
	data := "country,total.total,month\nUS,2000,2025-09\nUS,3000,2025-10\nKE,1000,2025-09\n"
	v, ps := ReadWikistats2(strings.NewReader(data), "all-projects_x.csv", fixtureCountries(t))
	checkProblems(t, ps, "all-projects_x.csv")
	deepEqual(t, "months", v.Months, []ViewsMonth{
		{Project: "all-projects", Year: 2025, Month: 9, Countries: []CountryViews{pvCountry("US", 2000, 1001, 2000, 0), pvCountry("KE", 1000, 1, 1000, 0)}},
		{Project: "all-projects", Year: 2025, Month: 10, Countries: []CountryViews{pvCountry("US", 3000, 2001, 3000, 0)}},
	})
}

func TestReadWikistats2Twice(t *testing.T) {
	a, pa := readPVWikistats2(t, "en.wikipedia_page-views-by-country_2024-01.csv")
	b, pb := readPVWikistats2(t, "en.wikipedia_page-views-by-country_2024-01.csv")
	deepEqual(t, "second read", b, a)
	deepEqual(t, "second read's problems", pb, pa)
}

// The real export of September 2025, all projects.
func TestReadWikistats2Real(t *testing.T) {
	countries := referenceCountries(t)
	const name = "all-projects_page-views-by-country_2025-09.csv"
	v, ps := ReadWikistats2(openPVReadership(t, "wikistats2/"+name), name, countries)
	checkProblems(t, ps, name, want{0, false, "1 row of unknown location (--)"})
	if len(v.Months) != 1 {
		t.Fatalf("%d months, want 1", len(v.Months))
	}
	m := v.Months[0]
	if m.Project != "all-projects" || m.Year != 2025 || m.Month != 9 || len(m.Countries) != 214 || m.Unknown != 1 {
		t.Errorf("%s %04d-%02d: %d countries, %d unknown; want all-projects 2025-09, 214, 1", m.Project, m.Year, m.Month, len(m.Countries), m.Unknown)
	}
	var sum float64
	for _, c := range m.Countries {
		sum += c.Views
	}
	// The total of the file, 12,625,126,000, less the -- row's 3,320,000.
	if sum != 12621806000 {
		t.Errorf("sum of the countries = %v, want 12621806000", sum)
	}
	for _, w := range []CountryViews{
		pvCountry("US", 3320643000, 3320642001, 3320643000, 1),
		pvCountry("JP", 961196000, 961195001, 961196000, 2),
		pvCountry("IN", 627025000, 627024001, 627025000, 5),
		pvCountry("BR", 380115000, 380114001, 380115000, 9),
		pvCountry("NG", 23540000, 23539001, 23540000, 49),
		pvCountry("KE", 9948000, 9947001, 9948000, 64),
		pvCountry("CX", 1000, 1, 1000, 215),
	} {
		if got, ok := pvCountryOf(m, w.ISO2); !ok || got != w {
			t.Errorf("%s = %+v, want %+v", w.ISO2, got, w)
		}
	}
	// Protected countries are left out of the release, not zero.
	for _, iso2 := range []string{"CN", "RU", "IR", "PK", "BD", "EG", "VN", "TR", "SA", "AE"} {
		if c, ok := pvCountryOf(m, iso2); ok {
			t.Errorf("protected country %s appears: %+v", iso2, c)
		}
	}
}

// pvFirstLines are the first lines of the other formats the sniffers must
// not take for theirs.
func pvFirstLines() map[string]string {
	return map[string]string{
		"wdi preamble":     "\uFEFF\"Data Source\",\"World Development Indicators\",\n",
		"wdi header":       `"Country Name","Country Code","Indicator Name","Indicator Code","1960","1961",` + "\n",
		"long csv":         "country,indicator,year,value\n",
		"geoeditors":       "frwiki\tFrance\t5 to 99\t1001\t1010\n",
		"countries tsv":    "name\tiso_code\tiso_alpha3_code\twikidata_id\tis_protected\n",
		"wikistats2":       "country,rank,timestamp,total.total,month,timeRange.start,timeRange.end\n",
		"wikistats2 other": "month,country,total.total,rank\r\n",
		"wivivi":           "ISO,views_per_person,total_views_as_perc_of_world_views,total_views,population,perc_people_connected,flag_icon,breakdown_per_language\n",
		"wivivi language":  "name,label,population,perc_population,requests,breakdown_by_language,viewfreq_per_country\n",
		"json":             `{"items":[{"project":"en.wikipedia","access":"all-access","year":"2015","month":"05","countries":[{"country":"US"` + "\n",
		"wikistats2 total": "timestamp,total.total,month,timeRange.start,timeRange.end\n",
		"empty":            "",
	}
}

func TestSniffWikistats2(t *testing.T) {
	for name, line := range pvFirstLines() {
		want := name == "wikistats2" || name == "wikistats2 other"
		if got := SniffWikistats2(line); got != want {
			t.Errorf("SniffWikistats2(%s) = %v, want %v", name, got, want)
		}
	}
	for _, name := range []string{"all-projects_page-views-by-country_2025-09.csv", "en.wikipedia_page-views-by-country_2024-01.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", "pageviews", name))
		if err != nil {
			t.Fatal(err)
		}
		line, _, _ := bytes.Cut(b, []byte("\n"))
		if !SniffWikistats2(string(line)) {
			t.Errorf("SniffWikistats2(first line of %s) = false", name)
		}
	}
}

func FuzzReadWikistats2(f *testing.F) {
	addFiles(f, "pageviews/all-projects_page-views-by-country_2025-09.csv", "pageviews/en.wikipedia_page-views-by-country_2024-01.csv")
	f.Add([]byte("country,total.total,month\nUS,1000,2025-09\nUS,1000,2025-09\n\x1b[2J,x,y\n"))
	countries := fixtureCountries(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		v, ps := ReadWikistats2(bytes.NewReader(data), "all-projects_x.csv", countries)
		checkFuzzProblems(t, data, ps)
		checkPVViews(t, v)
	})
}
