package importer

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
)

func TestMonthFromName(t *testing.T) {
	for _, tc := range []struct {
		name        string
		year, month int
	}{
		{"geoeditors-monthly-2023-01.tsv", 2023, 1},
		{"/data/dumps/geoeditors-monthly-2019-12.tsv", 2019, 12},
		{"geoeditors-monthly-2024-06.tsv.gz", 2024, 6},
		{"geoeditors-2023-03.tsv", 0, 0},
		{"geoeditors-monthly-2023-13.tsv", 0, 0},
		{"geoeditors-monthly-2023-00.tsv", 0, 0},
		{"geoeditors-monthly-1999-01.tsv", 0, 0},
		{"geoeditors-monthly-2023-1.tsv", 0, 0},
		{"geoeditors-monthly-2023-01.csv", 0, 0},
		{"", 0, 0},
	} {
		y, m, err := MonthFromName(tc.name)
		if y != tc.year || m != tc.month || (err != nil) != (tc.year == 0) {
			t.Errorf("MonthFromName(%q) = %d, %d, %v; want %d, %d", tc.name, y, m, err, tc.year, tc.month)
		}
		if err != nil && !strings.Contains(err.Error(), "geoeditors-monthly-YYYY-MM.tsv") {
			t.Errorf("MonthFromName(%q): %v does not say how the file must be named", tc.name, err)
		}
	}
}

// readMonth reads a Geoeditors file of testdata.
func readMonth(t *testing.T, names *Names, name string) (GeoMonth, Problems) {
	t.Helper()
	return ReadGeoeditors(open(t, name), "testdata/"+name, names)
}

func row(iso2, wiki string, veryActive bool, lo, hi float64) GeoRow {
	return GeoRow{ISO2: iso2, Wiki: wiki, VeryActive: veryActive, Bounds: model.Bounds{Lower: lo, Upper: hi}}
}

func TestReadGeoeditors(t *testing.T) {
	names := NewNames(fixtureCountries(t))

	jan, ps := readMonth(t, names, "geoeditors/geoeditors-monthly-2023-01.tsv")
	checkProblems(t, ps, "testdata/geoeditors/geoeditors-monthly-2023-01.tsv",
		want{13, false, `country "Atlantis" is not in the countries list; 2 rows skipped`})
	deepEqual(t, "January", jan, GeoMonth{File: "testdata/geoeditors/geoeditors-monthly-2023-01.tsv", Year: 2023, Month: 1, Unknown: 2,
		Rows: []GeoRow{
			row("NG", "enwiki", false, 91, 100), row("NG", "enwiki", true, 11, 20), row("NG", "hawiki", false, 21, 30),
			row("KE", "enwiki", false, 41, 50), row("KE", "swwiki", false, 11, 20),
			row("IN", "enwiki", false, 1001, 1010), row("IN", "enwiki", true, 91, 100), row("IN", "commonswiki", false, 21, 30),
			row("CI", "frwiki", false, 31, 40), // "Côte d'Ivoire", an alias
			row("NG", "xyzwiki", false, 1, 10),
		}})

	feb, ps := readMonth(t, names, "geoeditors/geoeditors-monthly-2023-02.tsv")
	checkProblems(t, ps, "testdata/geoeditors/geoeditors-monthly-2023-02.tsv")
	deepEqual(t, "February", feb, GeoMonth{File: "testdata/geoeditors/geoeditors-monthly-2023-02.tsv", Year: 2023, Month: 2, Unknown: 3,
		Rows: []GeoRow{
			row("NG", "enwiki", false, 101, 110), row("NG", "enwiki", true, 11, 20),
			row("KE", "enwiki", false, 31, 40),
			row("IN", "enwiki", false, 991, 1000), row("IN", "enwiki", true, 101, 110), row("IN", "commonswiki", false, 11, 20),
			row("CI", "frwiki", false, 21, 30), row("CI", "frwiki", true, 1, 10),
			row("US", "enwiki", false, 2001, 2010), // "United States of America"
			row("NA", "enwiki", false, 1, 10),      // Namibia
		}})
}

func TestReadGeoeditorsBad(t *testing.T) {
	names := NewNames(fixtureCountries(t))
	const file = "testdata/geoeditors-bad/geoeditors-monthly-2023-03.tsv"
	g, ps := readMonth(t, names, "geoeditors-bad/geoeditors-monthly-2023-03.tsv")
	checkProblems(t, ps, file,
		want{2, true, "4 tab-separated columns, not 5"},
		want{3, true, `activity_level "1 to 4" is neither "5 to 99" nor "100 or more"`},
		want{4, true, `editor bound "ten" is not a whole number`},
		want{5, true, "lower bound 30 is above upper bound 21"},
		want{6, true, "enwiki, NG, 5 to 99 appears twice (first on line 1)"},
	)
	if !ps.Fatal() {
		t.Error("not fatal")
	}
	deepEqual(t, "rows", g.Rows, []GeoRow{row("NG", "enwiki", false, 91, 100), row("KE", "enwiki", false, 11, 20)})

	g, ps = readMonth(t, names, "geoeditors-bad/geoeditors-2023-03.tsv")
	checkProblems(t, ps, "testdata/geoeditors-bad/geoeditors-2023-03.tsv",
		want{0, true, `the month of a Geoeditors file is read from its name, geoeditors-monthly-YYYY-MM.tsv (as published), and "geoeditors-2023-03.tsv" is not such a name`})
	if g.Year != 0 || len(g.Rows) != 0 {
		t.Errorf("read %+v from a file without a month", g)
	}
}

func TestReadGeoeditorsText(t *testing.T) {
	names := NewNames(fixtureCountries(t))
	const file = "geoeditors-monthly-2023-04.tsv"
	for _, tc := range []struct {
		name, text string
		rows       int
		wants      []want
	}{
		{"header and CRLF", "wiki_db\tcountry\tactivity_level\teditors_lower_bound\teditors_upper_bound\r\nenwiki\tKenya\t5 to 99\t1\t10\r\n\r\n", 1, nil},
		{"latin-1", "enwiki\tKenya\t5 to 99\t1\t10\nfrwiki\tC\xf4te d'Ivoire\t5 to 99\t1\t10\nenwiki\tNigeria\t5 to 99\t1\t10\n", 1,
			[]want{{2, true, "not UTF-8"}}},
		{"escape", "enwiki\t\x1b]0;pwned\x07Land\t5 to 99\t1\t10\n", 0, []want{{1, false, `country "]0;pwnedLand" is not in`}}},
		{"long line", "enwiki\tKenya\t5 to 99\t1\t10\n" + strings.Repeat("x", 70<<10) + "\n", 1, []want{{2, true, "a line longer than 64 kB"}}},
		{"six columns", "enwiki\tKenya\t5 to 99\t1\t10\t\n", 0, []want{{1, true, "6 tab-separated columns"}}},
		{"negative", "enwiki\tKenya\t5 to 99\t-1\t10\n", 0, []want{{1, true, `editor bound "-1" is not a whole number`}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, ps := ReadGeoeditors(strings.NewReader(tc.text), file, names)
			checkProblems(t, ps, file, tc.wants...)
			if len(g.Rows) != tc.rows {
				t.Errorf("%d rows, want %d", len(g.Rows), tc.rows)
			}
		})
	}
}

func TestReadGeoeditorsGzip(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	fmt.Fprint(zw, "enwiki\tKenya\t5 to 99\t11\t20\nenwiki\tUnknown\t5 to 99\t1\t10\n")
	zw.Close()
	g, ps := ReadGeoeditors(&buf, "geoeditors-monthly-2023-05.tsv.gz", NewNames(fixtureCountries(t)))
	checkProblems(t, ps, "geoeditors-monthly-2023-05.tsv.gz")
	deepEqual(t, "month", g, GeoMonth{File: "geoeditors-monthly-2023-05.tsv.gz", Year: 2023, Month: 5, Unknown: 1,
		Rows: []GeoRow{row("KE", "enwiki", false, 11, 20)}})
}

// TestProblemsCapped reads a file with a bad line in every row: the
// problems kept stop at MaxProblems and one more counts the rest.
func TestProblemsCapped(t *testing.T) {
	var b strings.Builder
	for i := range 120 {
		fmt.Fprintf(&b, "enwiki\tKenya\t5 to 99\t%d\n", i)
	}
	b.WriteString("enwiki\tAtlantis\t5 to 99\t1\t10\n")
	_, ps := ReadGeoeditors(strings.NewReader(b.String()), "geoeditors-monthly-2023-04.tsv", NewNames(fixtureCountries(t)))
	if len(ps) != MaxProblems+1 {
		t.Fatalf("%d problems, want %d", len(ps), MaxProblems+1)
	}
	last := ps[MaxProblems]
	if last.String() != "geoeditors-monthly-2023-04.tsv: and 71 more problems (70 of them fatal)" || !last.Fatal {
		t.Errorf("last problem = %+v", last)
	}
	if !ps.Fatal() {
		t.Error("not fatal")
	}
}

func bo(iso2, ind string, year int, lo, hi float64) model.BoundObservation {
	return model.BoundObservation{ISO2: iso2, Indicator: ind, Year: year, Bounds: model.Bounds{Lower: lo, Upper: hi}}
}

func cw(iso2, wiki string, year int, lo, hi, vlo, vhi float64) model.CountryWiki {
	return model.CountryWiki{ISO2: iso2, Wiki: wiki, Year: year, Editors: model.Bounds{Lower: lo, Upper: hi}, VeryActive: model.Bounds{Lower: vlo, Upper: vhi}}
}

// TestYearlyEditorship averages the two fixture months, worked out by hand.
// A month's count sums wikis and both activity levels; the year's is the
// sum of its months over 2; a country absent from a month counts zero.
func TestYearlyEditorship(t *testing.T) {
	names := NewNames(fixtureCountries(t))
	jan, _ := readMonth(t, names, "geoeditors/geoeditors-monthly-2023-01.tsv")
	feb, _ := readMonth(t, names, "geoeditors/geoeditors-monthly-2023-02.tsv")
	ed, ps := YearlyEditorship([]GeoMonth{jan, feb}, fixtureWikis())
	checkProblems(t, ps, jan.File, want{0, false, `wiki "xyzwiki" is not in the wikis list (1 row): counted in all-project editors only`})
	deepEqual(t, "years", ed.Years, []int{2023})
	deepEqual(t, "months", ed.Months, map[int]int{2023: 2})

	const wp, all, va = model.IndWPEditors, model.IndAllEditors, model.IndVeryActive
	deepEqual(t, "bounds", ed.Bounds, []model.BoundObservation{
		// Ivory Coast: Jan frwiki 31–40; Feb 21–30 and 1–10. Sum 53–80.
		bo("CI", all, 2023, 26.5, 40), bo("CI", wp, 2023, 26.5, 40),
		// India: enwiki 1001–1010 + 91–100, then 991–1000 + 101–110: 2184–2220;
		// commons 21–30 + 11–20 counts in all projects only.
		bo("IN", all, 2023, 1108, 1135), bo("IN", wp, 2023, 1092, 1110),
		// Kenya: Jan 41–50 + 11–20, Feb 31–40: 83–110.
		bo("KE", all, 2023, 41.5, 55), bo("KE", wp, 2023, 41.5, 55),
		// Namibia: only in February, 1–10.
		bo("NA", all, 2023, 0.5, 5), bo("NA", wp, 2023, 0.5, 5),
		// Nigeria: Jan 91–100 + 11–20 + hawiki 21–30, Feb 101–110 + 11–20:
		// 235–280; xyzwiki 1–10 is not a listed Wikipedia.
		bo("NG", all, 2023, 118, 145), bo("NG", wp, 2023, 117.5, 140),
		// United States: only in February, 2001–2010.
		bo("US", all, 2023, 1000.5, 1005), bo("US", wp, 2023, 1000.5, 1005),
	})
	deepEqual(t, "observations", ed.Observations, []model.Observation{
		// Very active: Feb 1–10 over two months, middle 2.75, of 33.25.
		obs("CI", all, 2023, 33.25), obs("CI", va, 2023, 100*2.75/33.25), obs("CI", wp, 2023, 33.25),
		// Very active: 91–100 + 101–110 = 192–210, over 2: 96–105, middle 100.5.
		obs("IN", all, 2023, 1121.5), obs("IN", va, 2023, 100*100.5/1121.5), obs("IN", wp, 2023, 1101),
		obs("KE", all, 2023, 48.25), obs("KE", va, 2023, 0), obs("KE", wp, 2023, 48.25),
		obs("NA", all, 2023, 2.75), obs("NA", va, 2023, 0), obs("NA", wp, 2023, 2.75),
		// Very active: 11–20 each month: 11–20, middle 15.5.
		obs("NG", all, 2023, 131.5), obs("NG", va, 2023, 100*15.5/131.5), obs("NG", wp, 2023, 128.75),
		obs("US", all, 2023, 1002.75), obs("US", va, 2023, 0), obs("US", wp, 2023, 1002.75),
	})
	deepEqual(t, "country wikis", ed.CountryWikis, []model.CountryWiki{
		cw("CI", "frwiki", 2023, 26.5, 40, 0.5, 5),
		cw("IN", "commonswiki", 2023, 16, 25, 0, 0),
		cw("IN", "enwiki", 2023, 1092, 1110, 96, 105),
		cw("KE", "enwiki", 2023, 36, 45, 0, 0),
		cw("KE", "swwiki", 2023, 5.5, 10, 0, 0),
		cw("NA", "enwiki", 2023, 0.5, 5, 0, 0),
		cw("NG", "enwiki", 2023, 107, 125, 11, 20),
		cw("NG", "hawiki", 2023, 10.5, 15, 0, 0),
		cw("NG", "xyzwiki", 2023, 0.5, 5, 0, 0),
		cw("US", "enwiki", 2023, 1000.5, 1005, 0, 0),
	})

	// The figures make a dataset.
	p := model.Parts{Countries: fixtureCountries(t), Indicators: model.Catalog(), Wikis: fixtureWikis(),
		Observations: ed.Observations, Bounds: ed.Bounds, CountryWikis: ed.CountryWikis}
	if _, err := model.New(p); err != nil {
		t.Errorf("model.New: %v", err)
	}
}

// Each year is averaged over its own months; a month given twice is fatal.
func TestYearlyEditorshipYears(t *testing.T) {
	m := func(file string, year, month int, rows ...GeoRow) GeoMonth {
		return GeoMonth{File: file, Year: year, Month: month, Rows: rows}
	}
	ed, ps := YearlyEditorship([]GeoMonth{
		m("a", 2022, 12, row("KE", "enwiki", false, 11, 20)),
		m("b", 2023, 1, row("KE", "enwiki", false, 1, 10)),
		m("c", 2023, 2),
		m("d", 2023, 3, row("KE", "enwiki", false, 21, 30)),
		m("e", 2023, 2, row("KE", "enwiki", false, 91, 100)),
		m("f", 0, 0, row("KE", "enwiki", false, 91, 100)), // no month: skipped
	}, fixtureWikis())
	checkProblems(t, ps, "e", want{0, true, "2023-02 is imported twice (also from c)"})
	deepEqual(t, "months", ed.Months, map[int]int{2022: 1, 2023: 3})
	deepEqual(t, "years", ed.Years, []int{2022, 2023})
	deepEqual(t, "bounds", ed.Bounds, []model.BoundObservation{
		bo("KE", model.IndAllEditors, 2022, 11, 20), bo("KE", model.IndAllEditors, 2023, 22.0/3, 40.0/3),
		bo("KE", model.IndWPEditors, 2022, 11, 20), bo("KE", model.IndWPEditors, 2023, 22.0/3, 40.0/3),
	})
}

// Two names of one country are one country: the same wiki and level under
// both is a duplicate.
func TestReadGeoeditorsTwoNames(t *testing.T) {
	const file = "geoeditors-monthly-2023-04.tsv"
	text := "frwiki\tIvory Coast\t5 to 99\t1\t10\nfrwiki\tCôte d'Ivoire\t100 or more\t1\t10\nfrwiki\tCote d'Ivoire\t5 to 99\t11\t20\n"
	g, ps := ReadGeoeditors(strings.NewReader(text), file, NewNames(fixtureCountries(t)))
	checkProblems(t, ps, file, want{3, true, "frwiki, CI, 5 to 99 appears twice (first on line 1)"})
	deepEqual(t, "rows", g.Rows, []GeoRow{row("CI", "frwiki", false, 1, 10), row("CI", "frwiki", true, 1, 10)})
}
