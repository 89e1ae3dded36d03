package importer

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
)

func TestParseAbbrev(t *testing.T) {
	for _, tc := range []struct {
		s      string
		v      float64
		lo, hi float64
		ok     bool
	}{
		{"3.2^B", 3.2e9, 3.15e9, 3.25e9, true},
		{"1.1^B", 1.1e9, 1.05e9, 1.15e9, true},
		{"324^M", 324e6, 323.5e6, 324.5e6, true},
		{"81.8^M", 81.8e6, 81.75e6, 81.85e6, true},
		{"32.0^M", 32e6, 31.95e6, 32.05e6, true},
		{"91^K", 91e3, 90.5e3, 91.5e3, true},
		{"966^K", 966e3, 965.5e3, 966.5e3, true},
		{"1.0^K", 1e3, 950, 1050, true},
		{"0.0^K", 0, 0, 50, true},
		{" 91^K ", 91e3, 90.5e3, 91.5e3, true},
		{"0091^K", 91e3, 90.5e3, 91.5e3, true},
		{"1234", 1234, 1234, 1234, true}, // a whole number written in full is exact
		{"842", 842, 842, 842, true},
		{"0", 0, 0, 0, true},
		{"1.5", 1.5, 1.45, 1.55, true}, // a plain decimal is rounded like the rest
		{"999999999999999", 999999999999999, 999999999999999, 999999999999999, true},
		{"", 0, 0, 0, false},
		{"^", 0, 0, 0, false},
		{"^K", 0, 0, 0, false},
		{"3.2^", 0, 0, 0, false},
		{"3.2^T", 0, 0, 0, false},
		{"3.2^k", 0, 0, 0, false},
		{"3.2^KB", 0, 0, 0, false},
		{"3.2^B^B", 0, 0, 0, false},
		{"3.2 ^B", 0, 0, 0, false},
		{"3.2B", 0, 0, 0, false},
		{"-3^K", 0, 0, 0, false},
		{"+3", 0, 0, 0, false},
		{"3.^K", 0, 0, 0, false},
		{".5^K", 0, 0, 0, false},
		{"1.2.3", 0, 0, 0, false},
		{"1e3", 0, 0, 0, false},
		{"1,234", 0, 0, 0, false},
		{"0x10", 0, 0, 0, false},
		{"NaN", 0, 0, 0, false},
		{"Inf", 0, 0, 0, false},
		{"--", 0, 0, 0, false},
		{"88%", 0, 0, 0, false},
		{"1234567890123456", 0, 0, 0, false}, // 16 digits
	} {
		v, b, ok := ParseAbbrev(tc.s)
		if ok != tc.ok || v != tc.v || b != (model.Bounds{Lower: tc.lo, Upper: tc.hi}) {
			t.Errorf("ParseAbbrev(%q) = %v, %+v, %v; want %v, [%v, %v], %v", tc.s, v, b, ok, tc.v, tc.lo, tc.hi, tc.ok)
		}
	}
}

func TestWiviviMonth(t *testing.T) {
	for _, tc := range []struct {
		name        string
		year, month int
	}{
		{"datamaps-views-per-country-2017-06.csv", 2017, 6},
		{"/data/wivivi/datamaps-views-per-country-2016-06.csv", 2016, 6},
		{"my-copy-2016-06.csv", 2016, 6},
		{"datamaps-views-per-country.csv", 0, 0},
		{"datamaps-views-per-country-2017-13.csv", 0, 0},
		{"datamaps-views-per-country-2017-6.csv", 0, 0},
		{"datamaps-views-per-country-2017-06.tsv", 0, 0},
		{"2017-06/datamaps.csv", 0, 0},
		{"", 0, 0},
	} {
		y, m, err := wiviviMonth(tc.name)
		if y != tc.year || m != tc.month || (err != nil) != (tc.year == 0) {
			t.Errorf("wiviviMonth(%q) = %d, %d, %v; want %d, %d", tc.name, y, m, err, tc.year, tc.month)
		}
		if err != nil && !strings.Contains(err.Error(), "YYYY-MM.csv") {
			t.Errorf("wiviviMonth(%q): %v does not say how the file must be named", tc.name, err)
		}
	}
}

func readPVWivivi(t *testing.T, name string) (Views, Problems) {
	t.Helper()
	return ReadWivivi(open(t, "pageviews/"+name), "testdata/pageviews/"+name, fixtureCountries(t))
}

// pvEdition is an edition's views as the reader must work them out: the total
// times the share, with bounds the product of the bounds.
type pvEdition struct {
	iso2, project    string
	share            float64
	views, low, high float64
}

// checkPVEditions compares editions with hand-worked figures, to a relative
// 1e-12 (a product of two rounded decimals is not exact in a float).
func checkPVEditions(t *testing.T, got []EditionViews, wants []pvEdition) {
	t.Helper()
	if len(got) != len(wants) {
		t.Errorf("%d editions, want %d: %+v", len(got), len(wants), got)
		return
	}
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Max(1, math.Abs(b)) }
	for i, w := range wants {
		g := got[i]
		if g.ISO2 != w.iso2 || g.Project != w.project || g.Share != w.share || !near(g.Views, w.views) || !near(g.Bounds.Lower, w.low) || !near(g.Bounds.Upper, w.high) {
			t.Errorf("edition %d = %+v, want %+v", i, g, w)
		}
	}
}

func TestReadWiviviFixtures(t *testing.T) {
	for _, tc := range []struct {
		name      string
		year      int
		countries []CountryViews
		editions  []pvEdition
		probs     []want
	}{
		{
			name: "handmade-views-per-country-2017-06.csv", year: 2017,
			countries: []CountryViews{
				pvCountry("US", 3.2e9, 3.15e9, 3.25e9, 0),
				pvCountry("FR", 555e6, 554.5e6, 555.5e6, 0),
				pvCountry("IN", 581e6, 580.5e6, 581.5e6, 0),
				pvCountry("CZ", 50e6, 49.95e6, 50.05e6, 0),
				pvCountry("AF", 2e6, 1.95e6, 2.05e6, 0), // protected, published then
				pvCountry("NA", 842, 842, 842, 0),
			},
			editions: []pvEdition{
				// 3.2e9 × 91.3%; 3.15e9 × 91.25% to 3.25e9 × 91.35%.
				{"US", "en.wikipedia", 91.3, 2.9216e9, 2.874375e9, 2.968875e9},
				{"US", "es.wikipedia", 1.6, 51.2e6, 48.825e6, 53.625e6},
				{"US", "zh-yue.wikipedia", 0.3, 9.6e6, 7.875e6, 11.375e6},
				{"US", "simple.wikipedia", 0.1, 3.2e6, 1.575e6, 4.875e6},
				{"US", "be-tarask.wikipedia", 0.1, 3.2e6, 1.575e6, 4.875e6},
				{"US", "other.wikipedia", 6.6, 211.2e6, 206.325e6, 216.125e6},
				{"FR", "fr.wikipedia", 77.6, 430.68e6, 554.5e6 * 0.7755, 555.5e6 * 0.7765},
				{"FR", "en.wikipedia", 22.4, 124.32e6, 554.5e6 * 0.2235, 555.5e6 * 0.2245},
				{"IN", "en.wikipedia", 91.7, 532.777e6, 580.5e6 * 0.9165, 581.5e6 * 0.9175},
				{"IN", "hi.wikipedia", 8.3, 48.223e6, 580.5e6 * 0.0825, 581.5e6 * 0.0835}, // in <font> tags
				{"CZ", "cs.wikipedia", 60, 30e6, 49.95e6 * 0.5995, 50.05e6 * 0.6005},
				{"CZ", "en.wikipedia", 30, 15e6, 49.95e6 * 0.2995, 50.05e6 * 0.3005},
				// 100.0% is at most 100%.
				{"NA", "en.wikipedia", 100, 842, 842 * 0.9995, 842},
			},
			probs: []want{
				{7, false, "the shares of the split sum to 90%, further from 100% than their rounding allows"},
				{0, false, "1 row of unknown location (XXX) counted apart"},
				{6, false, `country code "ZZZ" is not in the countries list; 1 row skipped`},
			},
		},
		{
			name: "handmade-views-per-country-2016-06.csv", year: 2016,
			countries: []CountryViews{
				pvCountry("US", 3.3e9, 3.25e9, 3.35e9, 0),
				pvCountry("KE", 14.3e6, 14.25e6, 14.35e6, 0),
				pvCountry("BQ", 3000, 2950, 3050, 0),
			},
			editions: []pvEdition{
				{"US", "en.wikipedia", 92, 3.036e9, 3.25e9 * 0.9195, 3.35e9 * 0.9205},
				{"US", "other.wikipedia", 8, 264e6, 3.25e9 * 0.0795, 3.35e9 * 0.0805},
				{"KE", "en.wikipedia", 98, 14.014e6, 14.25e6 * 0.9795, 14.35e6 * 0.9805},
				{"KE", "sw.wikipedia", 2, 0.286e6, 14.25e6 * 0.0195, 14.35e6 * 0.0205},
				{"BQ", "nl.wikipedia", 100, 3000, 2950 * 0.9995, 3050},
			},
			probs: []want{{0, false, "1 row of unknown location (XXX)"}},
		},
		{
			// The real slices: ALA, VAT and FLK are not fixture countries.
			name: "datamaps-views-per-country-2016-06.csv", year: 2016,
			countries: []CountryViews{
				pvCountry("US", 3.3e9, 3.25e9, 3.35e9, 0),
				pvCountry("IN", 529e6, 528.5e6, 529.5e6, 0),
				pvCountry("NG", 33e6, 32.95e6, 33.05e6, 0),
				pvCountry("KE", 14.3e6, 14.25e6, 14.35e6, 0),
			},
			probs: []want{
				{0, false, "3 rows of unknown location (XXX)"},
				{8, false, `"ALA"`}, {10, false, `"VAT"`}, {11, false, `"FLK"`},
			},
		},
		{
			name: "datamaps-views-per-country-2017-06.csv", year: 2017,
			countries: []CountryViews{
				pvCountry("US", 3.2e9, 3.15e9, 3.25e9, 0),
				pvCountry("IN", 581e6, 580.5e6, 581.5e6, 0),
				pvCountry("NA", 1.2e6, 1.15e6, 1.25e6, 0),
			},
			probs: []want{
				{0, false, "3 rows of unknown location (XXX)"},
				{5, false, `"TUR"`}, {6, false, `"MLT"`}, {10, false, `"ERI"`}, {11, false, `"KIR"`},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, ps := readPVWivivi(t, tc.name)
			file := "testdata/pageviews/" + tc.name
			checkProblems(t, ps, file, tc.probs...)
			if v.File != file || v.Format != FormatWivivi || len(v.Months) != 1 {
				t.Fatalf("views %s %s with %d months", v.File, v.Format, len(v.Months))
			}
			m := v.Months[0]
			if m.Project != "wikipedia" || m.Year != tc.year || m.Month != 6 || m.Access != "" {
				t.Errorf("month %s %q %04d-%02d, want wikipedia %d-06", m.Project, m.Access, m.Year, m.Month, tc.year)
			}
			deepEqual(t, "countries", m.Countries, tc.countries)
			if tc.editions != nil {
				checkPVEditions(t, m.Editions, tc.editions)
			}
		})
	}
}

func TestReadWiviviProblems(t *testing.T) {
	const header = "ISO,views_per_person,total_views_as_perc_of_world_views,total_views,population,perc_people_connected,flag_icon,breakdown_per_language\n"
	row := func(iso, total, split string) string {
		return iso + ",1.0,0.1," + total + ",1^M,50%,," + split + "\n"
	}
	const name = "datamaps-views-per-country-2017-06.csv"
	for _, tc := range []struct {
		name, file, data string
		probs            []want
	}{
		{"no month in the name", "datamaps-views-per-country.csv", header + row("USA", "3.2^B", "en:English:100.0%"),
			[]want{{0, true, `which ends in YYYY-MM.csv as published (datamaps-views-per-country-2017-06.csv), and "datamaps-views-per-country.csv" does not`}}},
		{"month 13", "datamaps-views-per-country-2017-13.csv", header, []want{{0, true, "ends in YYYY-MM.csv"}}},
		{"empty", name, "", []want{{0, true, "the file is empty"}}},
		{"header only", name, header, []want{{0, true, "no rows after the header"}}},
		{"per-language file", "datamaps-views-per-language-2017-06.csv",
			"name,label,population,perc_population,requests,breakdown_by_language,viewfreq_per_country\n#1: English Wikipedia,EN,1.5^B,20.3% of 7.4^B,7.1^B,1:USA:US:N:NA:3.0^B:41.5%,USA:2.2;\n",
			[]want{{1, true, "this is the per-language file"}}},
		{"missing columns", name, "ISO,total_views\nUSA,3.2^B\n", []want{{1, true, "the header has no column breakdown_per_language"}}},
		{"short row", name, header + "USA,1,2\n", []want{{2, true, "3 columns, the header has 8"}}},
		{"total not a figure", name, header + row("USA", "3.2^T", "en:English:100.0%"), []want{{2, true, `total_views "3.2^T" is not a figure`}}},
		{"total empty", name, header + row("USA", "", "en:English:100.0%"), []want{{2, true, `total_views "" is not a figure`}}},
		{"split entry", name, header + row("USA", "3.2^B", "en-English-100.0%"), []want{{2, true, `the split entry "en-English-100.0%" is not code:language:share`}}},
		{"split code", name, header + row("USA", "3.2^B", "EN:English:100.0%"), []want{{2, true, "does not start with a language code"}}},
		{"share not a number", name, header + row("USA", "3.2^B", "en:English:many%"), []want{{2, true, `the share of en, "many%", is not a percentage`}}},
		{"share without %", name, header + row("USA", "3.2^B", "en:English:100.0"), []want{{2, true, "is not a percentage"}}},
		{"share over 100", name, header + row("USA", "3.2^B", "en:English:100.1%"), []want{{2, true, "is not a percentage from 0% to 100%"}}},
		{"share negative", name, header + row("USA", "3.2^B", "en:English:-1.0%|de:German:101.0%"), []want{{2, true, "is not a percentage"}}},
		{"edition twice", name, header + row("USA", "3.2^B", "en:English:50.0%|en:English:50.0%"), []want{{2, true, "edition en.wikipedia appears twice in the split"}}},
		{"country twice", name, header + row("USA", "3.2^B", "en:English:100.0%") + row("KEN", "1^M", "") + row("USA", "3.0^B", ""),
			[]want{{4, true, "country US appears twice in wikipedia of 2017-06 (first on line 2)"}}},
		{"no code", name, header + row("", "3.2^B", ""), []want{{2, true, "no country code"}}},
		{"alpha-2 code", name, header + row("US", "3.2^B", ""), []want{{2, false, `country code "US" is not in the countries list; 1 row skipped`}}},
		{"shares off", name, header + row("USA", "3.2^B", "en:English:50.0%|de:German:49.0%"), []want{{2, false, "sum to 99%"}}},
		{"shares within rounding", name, header + row("USA", "3.2^B", "en:English:50.0%|de:German:49.9%"), nil},
		{"not utf-8", name, header + row("USA", "3.2^B", "en:Engl\xffish:100.0%"), []want{{2, true, "not UTF-8"}}},
		{"markup in a name", name, header + row("USA", "3.2^B", "en:<b>English</b>:100.0%"), nil},
		{"escape in a code", name, header + row("\x1b[31mUSA", "3.2^B", ""), []want{{2, false, `country code "[31MUSA" is not in the countries list`}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, ps := ReadWivivi(strings.NewReader(tc.data), tc.file, fixtureCountries(t))
			checkProblems(t, ps, tc.file, tc.probs...)
		})
	}
}

func TestReadWiviviTwice(t *testing.T) {
	a, pa := readPVWivivi(t, "handmade-views-per-country-2017-06.csv")
	b, pb := readPVWivivi(t, "handmade-views-per-country-2017-06.csv")
	deepEqual(t, "second read", b, a)
	deepEqual(t, "second read's problems", pb, pa)
}

// The two real per-country files, June 2016 and June 2017.
func TestReadWiviviReal(t *testing.T) {
	countries := referenceCountries(t)
	for _, tc := range []struct {
		name                string
		countries, editions int
		check               []CountryViews
		absent              []string
		editionChecks       []pvEdition
	}{
		{
			name: "datamaps-views-per-country-2016-06.csv", countries: 218, editions: 1382,
			check: []CountryViews{
				pvCountry("US", 3.3e9, 3.25e9, 3.35e9, 0),
				pvCountry("TR", 153e6, 152.5e6, 153.5e6, 0),
				pvCountry("CN", 127e6, 126.5e6, 127.5e6, 0), // protected, published then
				pvCountry("FK", 3000, 2950, 3050, 0),
			},
			absent: []string{"ER", "KI"},
			editionChecks: []pvEdition{
				{"TR", "tr.wikipedia", 76, 116.28e6, 152.5e6 * 0.7595, 153.5e6 * 0.7605},
			},
		},
		{
			name: "datamaps-views-per-country-2017-06.csv", countries: 219, editions: 1489,
			check: []CountryViews{
				pvCountry("US", 3.2e9, 3.15e9, 3.25e9, 0),
				pvCountry("IN", 581e6, 580.5e6, 581.5e6, 0),
				pvCountry("TR", 5.6e6, 5.55e6, 5.65e6, 0), // Wikipedia blocked in Turkey from April 2017
				pvCountry("CN", 106e6, 105.5e6, 106.5e6, 0),
				pvCountry("KI", 1000, 950, 1050, 0),
			},
			absent: []string{"FK"},
			editionChecks: []pvEdition{
				{"US", "en.wikipedia", 91.3, 2.9216e9, 2.874375e9, 2.968875e9},
				{"CN", "en.wikipedia", 77.2, 81.832e6, 105.5e6 * 0.7715, 106.5e6 * 0.7725},
				{"KI", "en.wikipedia", 100, 1000, 950 * 0.9995, 1050},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, ps := ReadWivivi(openPVReadership(t, "wivivi/"+tc.name), tc.name, countries)
			checkProblems(t, ps, tc.name, want{0, false, "3 rows of unknown location (XXX)"})
			m := v.Months[0]
			if len(m.Countries) != tc.countries || len(m.Editions) != tc.editions || m.Unknown != 3 {
				t.Errorf("%d countries, %d editions, %d unknown; want %d, %d, 3", len(m.Countries), len(m.Editions), m.Unknown, tc.countries, tc.editions)
			}
			for _, w := range tc.check {
				if got, ok := pvCountryOf(m, w.ISO2); !ok || got != w {
					t.Errorf("%s = %+v, want %+v", w.ISO2, got, w)
				}
			}
			for _, iso2 := range tc.absent {
				if _, ok := pvCountryOf(m, iso2); ok {
					t.Errorf("%s appears", iso2)
				}
			}
			for _, w := range tc.editionChecks {
				found := false
				for _, e := range m.Editions {
					if e.ISO2 == w.iso2 && e.Project == w.project {
						checkPVEditions(t, []EditionViews{e}, []pvEdition{w})
						found = true
					}
				}
				if !found {
					t.Errorf("no edition %s of %s", w.project, w.iso2)
				}
			}
			// Each country's editions add up to its total, to the rounding
			// of the shares (they sum to 99.8% to 100.1%).
			sums := map[string]float64{}
			for _, e := range m.Editions {
				sums[e.ISO2] += e.Views
			}
			for _, c := range m.Countries {
				if s := sums[c.ISO2]; math.Abs(s-c.Views) > 0.0021*c.Views {
					t.Errorf("%s: editions sum to %v of %v", c.ISO2, s, c.Views)
				}
			}
		})
	}
}

// The language-side file of the same reports is neither read nor sniffed
// as a per-country file.
func TestReadWiviviLanguageFile(t *testing.T) {
	const name = "datamaps-views-per-language-2017-06.csv"
	_, ps := readPVWivivi(t, name)
	checkProblems(t, ps, "testdata/pageviews/"+name, want{1, true, "this is the per-language file"})
}

func TestSniffPageviewFormats(t *testing.T) {
	for name, line := range pvFirstLines() {
		if got, want := SniffWivivi(line), name == "wivivi"; got != want {
			t.Errorf("SniffWivivi(%s) = %v, want %v", name, got, want)
		}
		if got, want := SniffTopByCountry([]byte(line)), name == "json"; got != want {
			t.Errorf("SniffTopByCountry(%s) = %v, want %v", name, got, want)
		}
		// Nor do the older kinds take the first lines of these formats.
		if k := kindOfFirstLine(line); (k == KindCountries || k == KindWorldBank || k == KindObservations) &&
			(name == "wivivi" || name == "wikistats2" || name == "json") {
			t.Errorf("the first line of %s is taken for kind %v", name, k)
		}
	}
	for _, name := range []string{"handmade-views-per-country-2016-06.csv", "handmade-views-per-country-2017-06.csv",
		"datamaps-views-per-country-2016-06.csv", "datamaps-views-per-country-2017-06.csv"} {
		b := readPVFixture(t, name)
		line, _, _ := bytes.Cut(b, []byte("\n"))
		if !SniffWivivi(string(line)) {
			t.Errorf("SniffWivivi(first line of %s) = false", name)
		}
	}
	if line, _, _ := bytes.Cut(readPVFixture(t, "datamaps-views-per-language-2017-06.csv"), []byte("\n")); SniffWivivi(string(line)) {
		t.Error("SniffWivivi takes the per-language file for the per-country one")
	}
}

func readPVFixture(t *testing.T, name string) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := b.ReadFrom(open(t, "pageviews/"+name)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func FuzzReadWivivi(f *testing.F) {
	addFiles(f, "pageviews/handmade-views-per-country-2017-06.csv", "pageviews/handmade-views-per-country-2016-06.csv",
		"pageviews/datamaps-views-per-country-2016-06.csv")
	countries := fixtureCountries(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		v, ps := ReadWivivi(bytes.NewReader(data), "datamaps-views-per-country-2017-06.csv", countries)
		checkFuzzProblems(t, data, ps)
		checkPVViews(t, v)
	})
}

func FuzzParseAbbrev(f *testing.F) {
	for _, s := range []string{"3.2^B", "324^M", "91^K", "1234", "0.0^K", "1.5", "-3^K"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, b, ok := ParseAbbrev(s)
		if !ok {
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || b.Lower < 0 || b.Lower > v || v > b.Upper {
			t.Fatalf("ParseAbbrev(%q) = %v, %+v", s, v, b)
		}
	})
}
