package importer

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
)

// pvReadershipDir is the real pageview files of the shared reference data.
const pvReadershipDir = referenceDir + "/wikimedia-readership"

// openPVReadership opens a real pageview file, skipping when it is absent.
func openPVReadership(t testing.TB, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join(pvReadershipDir, filepath.FromSlash(name)))
	if err != nil {
		t.Skipf("reference data absent: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func pvCountry(iso2 string, views, lo, hi float64, rank int) CountryViews {
	return CountryViews{ISO2: iso2, Views: views, Bounds: model.Bounds{Lower: lo, Upper: hi}, Rank: rank}
}

// pvCountryOf finds a country's views in a month.
func pvCountryOf(m ViewsMonth, iso2 string) (CountryViews, bool) {
	for _, c := range m.Countries {
		if c.ISO2 == iso2 {
			return c, true
		}
	}
	return CountryViews{}, false
}

func readPVTop(t *testing.T, name string) (Views, Problems) {
	t.Helper()
	return ReadTopByCountry(open(t, "pageviews/"+name), "testdata/pageviews/"+name, fixtureCountries(t))
}

func TestReadTopByCountryFixtures(t *testing.T) {
	for _, tc := range []struct {
		name  string
		want  []ViewsMonth
		probs []want
	}{
		{
			name: "top-by-country-en.wikipedia-2019-01.json",
			want: []ViewsMonth{{Project: "en.wikipedia", Access: "all-access", Year: 2019, Month: 1, Unknown: 1, Countries: []CountryViews{
				pvCountry("US", 2500000000, 2499999001, 2500000000, 1),
				pvCountry("IN", 700123000, 700122001, 700123000, 2),
				pvCountry("NG", 30001000, 30000001, 30001000, 4),
				// views_ceil 100000 in bucket 10000-99999: the bucket caps it.
				pvCountry("KE", 100000, 99001, 99999, 6),
				// the smallest bucket: views_ceil 1000 of 100 to 999 views.
				pvCountry("NA", 1000, 100, 999, 8),
			}}},
			probs: []want{
				{0, false, "1 row of unknown location (--) counted apart"},
				{0, false, `country code "ZZ" is not in the countries list (first item 1, country 5); 2 rows skipped`},
			},
		},
		{
			name: "top-by-country-all-projects-2025-09.json",
			want: []ViewsMonth{{Project: "all-projects", Access: "all-access", Year: 2025, Month: 9, Unknown: 1, Countries: []CountryViews{
				pvCountry("US", 3320643000, 3320642001, 3320643000, 1),
				pvCountry("IN", 627025000, 627024001, 627025000, 2),
				pvCountry("FR", 538006000, 538005001, 538006000, 3),
			}}},
			probs: []want{{0, false, "1 row of unknown location (--)"}},
		},
		{
			name: "top-by-country-multi.json",
			want: []ViewsMonth{
				{Project: "en.wikipedia", Access: "all-access", Year: 2019, Month: 1, Countries: []CountryViews{
					pvCountry("US", 2500000000, 2499999001, 2500000000, 1),
					pvCountry("KE", 9000000, 8999001, 9000000, 2),
					pvCountry("IN", 600000000, 599999001, 600000000, 3), // the fourth item, same month
				}},
				{Project: "en.wikipedia", Access: "all-access", Year: 2019, Month: 2, Unknown: 1, Countries: []CountryViews{
					pvCountry("US", 2300000000, 2299999001, 2300000000, 1),
					pvCountry("KE", 8500000, 8499001, 8500000, 3),
				}},
				{Project: "en.wikipedia", Access: "desktop", Year: 2019, Month: 1, Countries: []CountryViews{
					pvCountry("US", 1100000000, 1099999001, 1100000000, 1),
				}},
			},
			probs: []want{{0, false, "1 row of unknown location (--)"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, ps := readPVTop(t, tc.name)
			checkProblems(t, ps, "testdata/pageviews/"+tc.name, tc.probs...)
			deepEqual(t, "views", v, Views{File: "testdata/pageviews/" + tc.name, Format: FormatTopByCountry, Months: tc.want})
		})
	}
}

// The slice of a real response: 2015-06, English Wikipedia.
func TestReadTopByCountrySlice(t *testing.T) {
	v, ps := readPVTop(t, "en.wikipedia-2015-06-slice.json")
	// GB, ML and CX are not among the fixture countries.
	checkProblems(t, ps, "testdata/pageviews/en.wikipedia-2015-06-slice.json",
		want{0, false, "1 row of unknown location"},
		want{0, false, `"GB"`}, want{0, false, `"ML"`}, want{0, false, `"CX"`})
	deepEqual(t, "months", v.Months, []ViewsMonth{{Project: "en.wikipedia", Access: "all-access", Year: 2015, Month: 6, Unknown: 1, Countries: []CountryViews{
		pvCountry("US", 3323667000, 3323666001, 3323667000, 1),
		pvCountry("IN", 445937000, 445936001, 445937000, 3),
		pvCountry("NA", 852000, 851001, 852000, 128),
	}}})
}

func TestReadTopByCountryProblems(t *testing.T) {
	item := func(countries string) string {
		return `{"items":[{"project":"en.wikipedia","access":"all-access","year":"2019","month":"01","countries":[` + countries + `]}]}`
	}
	us := `{"country":"US","views":"1000000000-9999999999","rank":1,"views_ceil":2500000000}`
	for _, tc := range []struct {
		name, data string
		probs      []want
	}{
		{"empty", "", []want{{0, true, "the file is empty"}}},
		{"not json", "country,rank\nUS,1\n", []want{{0, true, "not a top-by-country JSON response: invalid JSON"}}},
		{"truncated", `{"items":[{"project":"en.wikipedia"`, []want{{0, true, "the JSON ends before it is complete"}}},
		{"a list", `[1,2]`, []want{{0, true, "is a JSON array where the response has an object"}}},
		{"items not a list", `{"items":{"a":1}}`, []want{{0, true, "items is a JSON object where the response has a list"}}},
		{"no items", `{"foo":1}`, []want{{0, true, `no "items"`}}},
		{"empty items", `{"items":[]}`, []want{{0, true, `"items" is empty`}}},
		{"api error", `{"type":"https://mediawiki.org/wiki/HyperSwitch/errors/not_found","title":"Not found.","method":"get","detail":"The date(s) you used are valid, but we either do not have data for those date(s), or the project you asked for is not loaded yet."}`,
			[]want{{0, true, "the file is an error answer of the API, not data: Not found. The date(s)"}}},
		{"two values", item(us) + item(us), []want{{0, true, "more than one JSON value"}}},
		{"no month", `{"items":[{"project":"en.wikipedia","access":"all-access","year":"2019","countries":[` + us + `]}]}`,
			[]want{{0, true, `item 1: year "2019" and month "" are not a month`}}},
		{"month 13", `{"items":[{"project":"en.wikipedia","access":"all-access","year":"2019","month":"13","countries":[]}]}`,
			[]want{{0, true, "are not a month"}}},
		{"bad project", `{"items":[{"project":"en wikipedia","access":"all-access","year":"2019","month":"01","countries":[]}]}`,
			[]want{{0, true, `project "en wikipedia" is not a project name`}}},
		{"bad access", `{"items":[{"project":"en.wikipedia","access":"mobile","year":"2019","month":"01","countries":[]}]}`,
			[]want{{0, true, `access "mobile" is not all-access`}}},
		{"views_ceil not a number", item(`{"country":"US","views":"1000-9999","rank":1,"views_ceil":"many"}`),
			[]want{{0, true, `item 1, country 1 (US): views_ceil "many" is not a count`}}},
		{"negative views_ceil", item(`{"country":"US","views":"1000-9999","rank":1,"views_ceil":-2000}`),
			[]want{{0, true, `views_ceil "-2000" is not a count`}}},
		{"fractional views_ceil", item(`{"country":"US","views":"1000-9999","rank":1,"views_ceil":2000.5}`),
			[]want{{0, true, `views_ceil "2000.5" is not a count`}}},
		{"bad bucket", item(`{"country":"US","views":"9999-1000","rank":1,"views_ceil":2000}`),
			[]want{{0, true, `views "9999-1000" is not a bucket`}}},
		{"bucket contradicts", item(`{"country":"US","views":"1000-9999","rank":1,"views_ceil":50000}`),
			[]want{{0, true, `views_ceil 50000 is not in views bucket "1000-9999"`}}},
		{"bad rank", item(`{"country":"US","views":"1000-9999","rank":0,"views_ceil":2000}`),
			[]want{{0, true, `rank "0" is not a whole number from 1`}}},
		{"no views", item(`{"country":"US","rank":1}`), []want{{0, true, "no views and no views_ceil"}}},
		{"object for a code", item(`{"country":{"a":1},"views":"1000-9999","views_ceil":2000}`),
			[]want{{0, true, "must be a string or a number"}}},
		{"no code", item(`{"country":"","views":"1000-9999","rank":1,"views_ceil":2000}`),
			[]want{{0, true, "item 1, country 1: no country code"}}},
		{"twice", item(us + "," + us), []want{{0, true, "country US appears twice in en.wikipedia of 2019-01 (first as item 1, country 1)"}}},
		{"twice across items", `{"items":[` + strings.TrimSuffix(strings.TrimPrefix(item(us), `{"items":[`), "]}") + "," + strings.TrimSuffix(strings.TrimPrefix(item(us), `{"items":[`), "]}") + "]}",
			[]want{{0, true, "country US appears twice"}}},
		{"bucket only", item(`{"country":"US","views":"1000-9999","rank":1}`),
			[]want{{0, false, "no views_ceil in 1 row, only a views bucket"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, ps := ReadTopByCountry(strings.NewReader(tc.data), "t.json", fixtureCountries(t))
			checkProblems(t, ps, "t.json", tc.probs...)
		})
	}
}

func TestReadTopByCountryValues(t *testing.T) {
	// A plain number for views is an exact count; a bucket alone gives its
	// middle.
	data := `{"items":[{"project":"EN.Wikipedia","access":"all-access","year":2019,"month":"1","countries":[
		{"country":"us","views":2345},
		{"country":"IN","views":"1000-9999"}]}]}`
	v, _ := ReadTopByCountry(strings.NewReader(data), "t.json", fixtureCountries(t))
	deepEqual(t, "months", v.Months, []ViewsMonth{{Project: "en.wikipedia", Access: "all-access", Year: 2019, Month: 1, Countries: []CountryViews{
		pvCountry("US", 2345, 2345, 2345, 0),
		pvCountry("IN", 5499.5, 1000, 9999, 0),
	}}})
}

func TestReadTopByCountryTooLarge(t *testing.T) {
	// A reader of endless pvSpaces: the decoder must stop at the limit, not
	// read it all.
	r := io.MultiReader(strings.NewReader(`{"items":[`), &pvSpaces{n: maxTopByCountry + 10})
	_, ps := ReadTopByCountry(r, "big.json", nil)
	checkProblems(t, ps, "big.json", want{0, true, "larger than 64 MiB"})
}

type pvSpaces struct{ n int }

func (s *pvSpaces) Read(p []byte) (int, error) {
	if s.n <= 0 {
		return 0, io.EOF
	}
	k := min(len(p), s.n)
	for i := range p[:k] {
		p[i] = ' '
	}
	s.n -= k
	return k, nil
}

func TestReadTopByCountryTwice(t *testing.T) {
	a, pa := readPVTop(t, "top-by-country-en.wikipedia-2019-01.json")
	b, pb := readPVTop(t, "top-by-country-en.wikipedia-2019-01.json")
	deepEqual(t, "second read", b, a)
	deepEqual(t, "second read's problems", pb, pa)
}

// The 74 real responses, May 2015 to June 2021.
func TestReadTopByCountryReal(t *testing.T) {
	countries := referenceCountries(t)
	files, _ := filepath.Glob(filepath.Join(pvReadershipDir, "aqs-top-by-country-enwiki", "*.json"))
	if len(files) == 0 {
		t.Skip("reference data absent")
	}
	if len(files) != 74 {
		t.Errorf("%d files, want 74", len(files))
	}
	for _, f := range files {
		base := filepath.Base(f)
		v, ps := ReadTopByCountry(openPVReadership(t, "aqs-top-by-country-enwiki/"+base), base, countries)
		// Every code is a known country: the one problem is the -- row.
		checkProblems(t, ps, base, want{0, false, "1 row of unknown location (--)"})
		if len(v.Months) != 1 {
			t.Fatalf("%s: %d months", base, len(v.Months))
		}
		m := v.Months[0]
		if got := fmt.Sprintf("%s %s %04d-%02d.json", m.Project, m.Access, m.Year, m.Month); got != "en.wikipedia all-access "+base {
			t.Errorf("%s: month %s", base, got)
		}
		for _, c := range m.Countries {
			if !(c.Bounds.Lower <= c.Views && c.Views-c.Bounds.Upper < 1000 && c.Bounds.Upper-c.Bounds.Lower <= 999) {
				t.Errorf("%s: %s %v outside or loose bounds %v", base, c.ISO2, c.Views, c.Bounds)
			}
		}
	}

	for _, tc := range []struct {
		file      string
		countries int
		sum       float64 // of views_ceil, without --
		check     []CountryViews
	}{
		{"2015-05.json", 239, 0, []CountryViews{
			pvCountry("US", 3700891000, 3700890001, 3700891000, 1),
			pvCountry("IR", 433311000, 433310001, 433311000, 4), // protected now, published then
			pvCountry("SH", 1000, 100, 999, 238),
		}},
		{"2015-06.json", 237, 0, []CountryViews{
			pvCountry("IN", 445937000, 445936001, 445937000, 3),
			pvCountry("CN", 72405000, 72404001, 72405000, 12),
			pvCountry("ML", 100000, 99001, 99999, 191),
		}},
		{"2020-04.json", 244, 9287433000, []CountryViews{
			pvCountry("IN", 817440000, 817439001, 817440000, 3),
			pvCountry("NG", 39975000, 39974001, 39975000, 25),
			pvCountry("KE", 15239000, 15238001, 15239000, 55),
		}},
		{"2021-06.json", 243, 0, []CountryViews{
			pvCountry("US", 2778594000, 2778593001, 2778594000, 1),
			pvCountry("IN", 788164000, 788163001, 788164000, 3),
		}},
	} {
		v, _ := ReadTopByCountry(openPVReadership(t, "aqs-top-by-country-enwiki/"+tc.file), tc.file, countries)
		m := v.Months[0]
		if len(m.Countries) != tc.countries || m.Unknown != 1 {
			t.Errorf("%s: %d countries and %d unknown, want %d and 1", tc.file, len(m.Countries), m.Unknown, tc.countries)
		}
		if tc.sum > 0 {
			var sum float64
			for _, c := range m.Countries {
				sum += c.Views
			}
			if sum != tc.sum {
				t.Errorf("%s: sum %v, want %v", tc.file, sum, tc.sum)
			}
		}
		for _, w := range tc.check {
			got, ok := pvCountryOf(m, w.ISO2)
			if !ok || got != w {
				t.Errorf("%s: %s = %+v, want %+v", tc.file, w.ISO2, got, w)
			}
		}
	}
}

func TestSniffTopByCountry(t *testing.T) {
	real := []byte{}
	if f, err := os.Open(filepath.Join(pvReadershipDir, "aqs-top-by-country-enwiki", "2015-05.json")); err == nil {
		real = make([]byte, 4096)
		n, _ := io.ReadFull(f, real)
		real = real[:n]
		f.Close()
	}
	head := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", "pageviews", name))
		if err != nil {
			t.Fatal(err)
		}
		return b[:min(len(b), 4096)]
	}
	for _, tc := range []struct {
		name string
		head []byte
		want bool
	}{
		{"en.wikipedia", head("top-by-country-en.wikipedia-2019-01.json"), true},
		{"all-projects with BOM", head("top-by-country-all-projects-2025-09.json"), true},
		{"multi", head("top-by-country-multi.json"), true},
		{"real slice", head("en.wikipedia-2015-06-slice.json"), true},
		{"first 300 bytes of a pretty response", head("en.wikipedia-2015-06-slice.json")[:300], true},
		{"api error", []byte(`{"type":"https://mediawiki.org/wiki/HyperSwitch/errors/not_found","title":"Not found."}`), false},
		{"other pageviews JSON", []byte(`{"items":[{"project":"en.wikipedia","article":"Kenya","granularity":"monthly","views":12}]}`), false},
		{"a list", []byte(`[{"items":[{"countries":[{"country":"US"}]}]}]`), false},
		{"wikistats2", head("all-projects_page-views-by-country_2025-09.csv"), false},
		{"wivivi", head("handmade-views-per-country-2017-06.csv"), false},
		{"wivivi per language", head("datamaps-views-per-language-2017-06.csv"), false},
		{"wdi", []byte("\uFEFF\"Data Source\",\"World Development Indicators\",\n"), false},
		{"long csv", []byte("country,indicator,year,value\n"), false},
		{"geoeditors", []byte("frwiki\tFrance\t5 to 99\t1001\t1010\n"), false},
		{"empty", nil, false},
	} {
		if got := SniffTopByCountry(tc.head); got != tc.want {
			t.Errorf("SniffTopByCountry(%s) = %v, want %v", tc.name, got, tc.want)
		}
	}
	if len(real) > 0 && !SniffTopByCountry(real) {
		t.Error("SniffTopByCountry(the first 4 KB of 2015-05.json) = false")
	}
}

func FuzzReadTopByCountry(f *testing.F) {
	addFiles(f, "pageviews/top-by-country-en.wikipedia-2019-01.json", "pageviews/top-by-country-multi.json",
		"pageviews/top-by-country-all-projects-2025-09.json")
	f.Add([]byte(`{"items":[{"project":"en.wikipedia","access":"all-access","year":"2019","month":"01","countries":[{"country":"US\u001b[31m","views":"1-2","views_ceil":1e999}]}]}`))
	countries := fixtureCountries(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		v, ps := ReadTopByCountry(bytes.NewReader(data), "t.json", countries)
		checkFuzzProblems(t, data, ps)
		checkPVViews(t, v)
	})
}

// checkPVViews checks what a reader returned, whatever the input: figures
// finite and within their bounds (a views_ceil may be above its bucket by
// less than 1,000), codes given.
func checkPVViews(t *testing.T, v Views) {
	t.Helper()
	for _, m := range v.Months {
		for _, c := range m.Countries {
			if math.IsNaN(c.Views) || c.Bounds.Lower > c.Views || c.Views >= c.Bounds.Upper+1000 || c.ISO2 == "" {
				t.Fatalf("country %+v: figure outside its bounds", c)
			}
		}
		for _, e := range m.Editions {
			if math.IsNaN(e.Views) || e.Bounds.Lower > e.Views*(1+1e-9) || e.Views > e.Bounds.Upper*(1+1e-9) {
				t.Fatalf("edition %+v: figure outside its bounds", e)
			}
		}
	}
}

// BenchmarkReadPageviews reads one real file of each format from memory.
func BenchmarkReadPageviews(b *testing.B) {
	f, err := os.Open(filepath.Join(referenceDir, "wikimedia-canonical-data", "countries.tsv"))
	if err != nil {
		b.Skipf("reference data absent: %v", err)
	}
	countries, _ := ReadCountries(f, "countries.tsv")
	f.Close()
	for _, tc := range []struct {
		name string
		read func(io.Reader, string, []model.Country) (Views, Problems)
	}{
		{"aqs-top-by-country-enwiki/2015-05.json", ReadTopByCountry},
		{"wikistats2/all-projects_page-views-by-country_2025-09.csv", ReadWikistats2},
		{"wivivi/datamaps-views-per-country-2017-06.csv", ReadWivivi},
	} {
		data, err := os.ReadFile(filepath.Join(pvReadershipDir, filepath.FromSlash(tc.name)))
		if err != nil {
			b.Skipf("reference data absent: %v", err)
		}
		b.Run(filepath.Base(tc.name), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, ps := tc.read(bytes.NewReader(data), tc.name, countries); ps.Fatal() {
					b.Fatal(ps)
				}
			}
		})
	}
}
