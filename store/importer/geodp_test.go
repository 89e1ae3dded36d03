package importer

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
)

// dpNames are the fixture countries and Chile, whose real rows the tests
// read.
func dpNames(t testing.TB) *Names {
	t.Helper()
	return NewNames(append(fixtureCountries(t), model.Country{ISO2: "CL", ISO3: "CHL", Name: "Chile"}))
}

// dpCountryWant is a DPCountry as a test writes it; Wikis nil is not
// checked.
type dpCountryWant struct {
	Wikipedia, All DPCounts
	Params         [3]float64 // CountEps, SumEps, Threshold
	Wikis          map[string][3]float64
}

type dpMonthWant struct {
	Month                            string // YYYY-MM
	Rows, Unknown, Skipped, Repeated int
	Countries                        map[string]dpCountryWant
}

func dpGot(m *DPMonth, withWikis map[string]bool) dpMonthWant {
	g := dpMonthWant{
		Month: fmt.Sprintf("%04d-%02d", m.Year, m.Month),
		Rows:  m.Rows, Unknown: m.Unknown, Skipped: m.Skipped, Repeated: m.Repeated,
		Countries: map[string]dpCountryWant{},
	}
	for iso2, c := range m.Countries {
		if c.ISO2 != iso2 {
			iso2 += " filed as " + c.ISO2 // fails the comparison
		}
		w := dpCountryWant{Wikipedia: c.Wikipedia, All: c.All, Params: [3]float64{c.CountEps, c.SumEps, c.Threshold}}
		if withWikis[iso2] {
			w.Wikis = map[string][3]float64{}
			for wiki, e := range c.Wikis {
				w.Wikis[wiki] = *e
			}
		}
		g.Countries[iso2] = w
	}
	return g
}

func counts(editors [3]float64, rows [3]int, edits float64, editRows int) DPCounts {
	return DPCounts{Editors: editors, Rows: rows, Edits: edits, EditRows: editRows}
}

// The fixture files, worked out by hand from their rows.
func dpFixtureWants() map[string]struct {
	header, comma bool
	months        []dpMonthWant
	problems      []want
} {
	india := dpCountryWant{
		All:       counts([3]float64{2161, 740, 90}, [3]int{3, 2, 1}, 45714, 6),
		Wikipedia: counts([3]float64{2150, 700, 90}, [3]int{2, 1, 1}, 44800, 4),
		Params:    [3]float64{1.1, 0.9, 8},
		Wikis: map[string][3]float64{
			"enwiki": {2000, 700, 90}, "hiwiki": {150, 0, 0}, "commonswiki": {0, 40, 0}, "metawiki": {11, 0, 0},
		},
	}
	nigeria := dpCountryWant{
		All:       counts([3]float64{300, 92, 0}, [3]int{1, 2, 0}, 2250, 3),
		Wikipedia: counts([3]float64{300, 92, 0}, [3]int{1, 2, 0}, 2250, 3),
		Params:    [3]float64{1.1, 0.9, 8},
		Wikis:     map[string][3]float64{"enwiki": {300, 80, 0}, "hawiki": {0, 12, 0}},
	}
	july := []dpMonthWant{{Month: "2023-07", Rows: 10, Unknown: 1,
		Countries: map[string]dpCountryWant{"IN": india, "NG": nigeria}}}
	type fx = struct {
		header, comma bool
		months        []dpMonthWant
		problems      []want
	}
	return map[string]fx{
		"header-tab.tsv": {header: true, months: []dpMonthWant{{Month: "2023-09", Rows: 10, Unknown: 1, Skipped: 1,
			Countries: map[string]dpCountryWant{
				"FR": {
					All:       counts([3]float64{150, 52, 10}, [3]int{2, 2, 1}, 3795, 5),
					Wikipedia: counts([3]float64{120, 40, 10}, [3]int{1, 1, 1}, 3450, 3),
					Params:    [3]float64{1.1, 0.9, 8},
					Wikis:     map[string][3]float64{"frwiki": {120, 40, 10}, "commonswiki": {30, 0, 0}, "wikidatawiki": {0, 12, 0}},
				},
				"KE": {
					All:       counts([3]float64{86, 30, 0}, [3]int{2, 1, 0}, 0, 0),
					Wikipedia: counts([3]float64{86, 30, 0}, [3]int{2, 1, 0}, 0, 0),
					Params:    [3]float64{0.2, 0.2, 25},
					Wikis:     map[string][3]float64{"enwiki": {60, 30, 0}, "swwiki": {26, 0, 0}},
				},
			}}},
			problems: []want{{11, false, `country "Atlantis" (code "QQ") is not in the countries list; 1 row skipped`}}},
		"header-comma.csv": {header: true, comma: true, months: []dpMonthWant{{Month: "2023-10", Rows: 6, Unknown: 1,
			Countries: map[string]dpCountryWant{
				"NA": {
					All:       counts([3]float64{22, 9, 0}, [3]int{2, 1, 0}, 25, 2),
					Wikipedia: counts([3]float64{14, 9, 0}, [3]int{1, 1, 0}, 20, 1),
					Params:    [3]float64{1.1, 0.9, 8},
					Wikis:     map[string][3]float64{"enwiki": {14, 0, 0}, "afwiki": {0, 9, 0}, "enwiktionary": {8, 0, 0}},
				},
				"CI": {
					All:       counts([3]float64{33, 0, 0}, [3]int{1, 0, 0}, 40, 1),
					Wikipedia: counts([3]float64{33, 0, 0}, [3]int{1, 0, 0}, 40, 1),
					Params:    [3]float64{1.1, 0.9, 8},
					Wikis:     map[string][3]float64{"frwiki": {33, 0, 0}},
				},
				"BQ": {
					All:       counts([3]float64{8, 0, 0}, [3]int{1, 0, 0}, 0, 0),
					Wikipedia: counts([3]float64{8, 0, 0}, [3]int{1, 0, 0}, 0, 0),
					Params:    [3]float64{0.2, 0.2, 25},
					Wikis:     map[string][3]float64{"frwiki": {8, 0, 0}},
				},
			}}}},
		"2023-07.tsv":    {months: july},
		"2023-07.tsv.gz": {months: july},
		"geoeditors-monthly-2023-07.tsv": {months: []dpMonthWant{{Month: "2023-07", Rows: 4,
			Countries: map[string]dpCountryWant{"CZ": {
				All:       counts([3]float64{70, 300, 40}, [3]int{2, 1, 1}, 0, 0),
				Wikipedia: counts([3]float64{45, 300, 40}, [3]int{1, 1, 1}, 0, 0),
				Params:    [3]float64{1.1, 0.9, 8},
				Wikis:     map[string][3]float64{"dewiki": {45, 0, 0}, "cswiki": {0, 300, 40}, "wikidatawiki": {25, 0, 0}},
			}}}}},
		"published.tsv": {months: []dpMonthWant{{Month: "2024-01", Rows: 4,
			Countries: map[string]dpCountryWant{"RU": {
				All:       counts([3]float64{960, 400, 120}, [3]int{2, 1, 1}, 0, 0),
				Wikipedia: counts([3]float64{900, 400, 120}, [3]int{1, 1, 1}, 0, 0),
				Params:    [3]float64{0.1, 0.1, 40},
				Wikis:     map[string][3]float64{"ruwiki": {900, 400, 120}, "commonswiki": {60, 0, 0}},
			}}}}},
		"multi-month.csv": {header: true, comma: true, months: []dpMonthWant{
			{Month: "2023-12", Rows: 1, Countries: map[string]dpCountryWant{"US": {
				All:       counts([3]float64{4900, 0, 0}, [3]int{1, 0, 0}, 6800, 1),
				Wikipedia: counts([3]float64{4900, 0, 0}, [3]int{1, 0, 0}, 6800, 1),
				Params:    [3]float64{1.1, 0.9, 8},
				Wikis:     map[string][3]float64{"enwiki": {4900, 0, 0}},
			}}},
			{Month: "2024-01", Rows: 5, Repeated: 1, Countries: map[string]dpCountryWant{
				"US": {
					All:       counts([3]float64{5500, 1500, 0}, [3]int{2, 1, 0}, 37600, 3),
					Wikipedia: counts([3]float64{5500, 1500, 0}, [3]int{2, 1, 0}, 37600, 3),
					Params:    [3]float64{0.2, 0.2, 25},
					Wikis:     map[string][3]float64{"enwiki": {5100, 1500, 0}, "eswiki": {400, 0, 0}},
				},
				"AF": {
					All:       counts([3]float64{40, 0, 0}, [3]int{1, 0, 0}, 0, 0),
					Wikipedia: counts([3]float64{40, 0, 0}, [3]int{1, 0, 0}, 0, 0),
					Params:    [3]float64{0.2, 0.2, 25},
					Wikis:     map[string][3]float64{"enwiki": {40, 0, 0}},
				},
			}},
			{Month: "2024-02", Rows: 1, Countries: map[string]dpCountryWant{"US": {
				All:       counts([3]float64{5000, 0, 0}, [3]int{1, 0, 0}, 7000, 1),
				Wikipedia: counts([3]float64{5000, 0, 0}, [3]int{1, 0, 0}, 7000, 1),
				Params:    [3]float64{1.1, 0.9, 8},
				Wikis:     map[string][3]float64{"enwiki": {5000, 0, 0}},
			}}},
		}, problems: []want{
			{7, false, "1 row repeats an earlier row exactly"},
			{5, false, "US in 2024-01 (count_eps 1.1 and 0.2, sum_eps 0.9 and 0.2, count_release_thresh 8 and 25)"},
		}},
		// Real rows (hand-summed with awk over the distinct rows of each
		// month): 2023-07 and 2023-08, then the first ten rows of 2023-07
		// again, as the concatenated copy repeats them.
		"chile-slice.csv": {header: true, comma: true, months: []dpMonthWant{
			{Month: "2023-07", Rows: 33, Repeated: 10, Countries: map[string]dpCountryWant{"CL": {
				All:       counts([3]float64{5973, 1153, 83}, [3]int{14, 6, 3}, 35569, 23),
				Wikipedia: counts([3]float64{5360, 962, 74}, [3]int{10, 2, 2}, 30128, 14),
				Params:    [3]float64{1.1, 0.9, 8},
			}}},
			{Month: "2023-08", Rows: 23, Countries: map[string]dpCountryWant{"CL": {
				All:       counts([3]float64{6791, 1175, 87}, [3]int{15, 6, 2}, 37202, 23),
				Wikipedia: counts([3]float64{6108, 966, 87}, [3]int{10, 3, 2}, 31930, 15),
				Params:    [3]float64{1.1, 0.9, 8},
			}}},
		}, problems: []want{{48, false, "10 rows repeat an earlier row exactly (same month, wiki, country, level and counts; the first repeats line 2)"}}},
	}
}

func TestReadGeoeditorsDPFixtures(t *testing.T) {
	names := dpNames(t)
	for file, w := range dpFixtureWants() {
		t.Run(file, func(t *testing.T) {
			rel, ps := ReadGeoeditorsDP(open(t, filepath.Join("geodp", file)), file, names)
			checkProblems(t, ps, file, w.problems...)
			if rel.File != file || rel.Header != w.header || rel.Comma != w.comma {
				t.Errorf("file %q header %v comma %v, want %q %v %v", rel.File, rel.Header, rel.Comma, file, w.header, w.comma)
			}
			if len(rel.Months) != len(w.months) {
				t.Fatalf("%d months, want %d", len(rel.Months), len(w.months))
			}
			for i, m := range rel.Months {
				withWikis := map[string]bool{}
				for iso2, c := range w.months[i].Countries {
					withWikis[iso2] = c.Wikis != nil
				}
				deepEqual(t, "month "+w.months[i].Month, dpGot(m, withWikis), w.months[i])
			}
		})
	}
}

// Each country's per-wiki editors add up to its all-project total, and
// no DPCountry or map entry is shared between months.
func TestReadGeoeditorsDPWikisAddUp(t *testing.T) {
	names := dpNames(t)
	rel, ps := ReadGeoeditorsDP(open(t, "geodp/multi-month.csv"), "multi-month.csv", names)
	if ps.Fatal() {
		t.Fatal(ps)
	}
	seen := map[*[3]float64]bool{}
	for _, m := range rel.Months {
		for _, c := range m.Countries {
			var sum [3]float64
			for _, e := range c.Wikis {
				if seen[e] {
					t.Fatalf("a wiki's counts are shared")
				}
				seen[e] = true
				for l := range sum {
					sum[l] += e[l]
				}
			}
			if sum != c.All.Editors {
				t.Errorf("%d-%02d %s: wikis add up to %v, all projects %v", m.Year, m.Month, c.ISO2, sum, c.All.Editors)
			}
		}
	}
}

// The whole real copy: twelve months, every row twice. 2024-06 is summed
// by hand (awk over its distinct rows):
//
//	awk -F, '$11=="2024-06" && !seen[$0]++' geoeditors_monthly_CL_2023-07_to_2024.csv
func TestReadGeoeditorsDPRealChile(t *testing.T) {
	path := filepath.Join(referenceDir, "wikimedia-editors", "geoeditors_monthly_CL_2023-07_to_2024.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("reference file absent: %v", err)
	}
	defer f.Close()
	first := make([]byte, 200)
	n, _ := f.ReadAt(first, 0)
	line, _, _ := strings.Cut(string(first[:n]), "\n")
	if !SniffGeoeditorsDP(line) {
		t.Errorf("the real file's first line is not recognised: %q", line)
	}
	rel, ps := ReadGeoeditorsDP(f, path, dpNames(t))
	checkProblems(t, ps, path, want{274, false, "272 rows repeat an earlier row exactly"})
	if !rel.Header || !rel.Comma || len(rel.Months) != 12 {
		t.Fatalf("header %v comma %v, %d months", rel.Header, rel.Comma, len(rel.Months))
	}
	for i, m := range rel.Months {
		if y, mo := 2023+(6+i)/12, (6+i)%12+1; m.Year != y || m.Month != mo {
			t.Errorf("month %d is %d-%02d, want %d-%02d", i, m.Year, m.Month, y, mo)
		}
		if m.Repeated*2 != m.Rows || len(m.Countries) != 1 || m.Unknown != 0 || m.Skipped != 0 {
			t.Errorf("%d-%02d: %d rows, %d repeated, %d countries", m.Year, m.Month, m.Rows, m.Repeated, len(m.Countries))
		}
	}
	june := rel.Months[11]
	got := dpGot(june, map[string]bool{})
	deepEqual(t, "2024-06", got, dpMonthWant{Month: "2024-06", Rows: 40, Repeated: 20, Countries: map[string]dpCountryWant{"CL": {
		All:       counts([3]float64{5965, 1046, 78}, [3]int{12, 5, 3}, 32878, 20),
		Wikipedia: counts([3]float64{5360, 828, 57}, [3]int{7, 2, 1}, 26347, 10),
		Params:    [3]float64{1.1, 0.9, 8},
	}}})
	cl := june.Countries["CL"]
	for wiki, want := range map[string][3]float64{
		"eswiki":       {4476, 711, 57},
		"wikidatawiki": {371, 93, 11},
		"commonswiki":  {165, 116, 0},
	} {
		if e := cl.Wikis[wiki]; e == nil || *e != want {
			t.Errorf("2024-06 CL %s = %v, want %v", wiki, e, want)
		}
	}
}

const dpHeaderTab = "wiki_db\tproject\tcountry\tcountry_code\tactivity_level\tcount_eps\tsum_eps\tcount_release_thresh\teditors\tedits\tmonth\n"

// dpRow is a tab-separated row of the published order, the month last.
func dpRow(fields ...string) string { return strings.Join(fields, "\t") + "\n" }

func TestReadGeoeditorsDPProblems(t *testing.T) {
	names := dpNames(t)
	fr := func(level, editors, edits, month string) string {
		return dpRow("frwiki", "fr.wikipedia", "France", "FR", level, "1.1", "0.9", "8", editors, edits, month)
	}
	for _, c := range []struct {
		name, file, data string
		want             []want
		rows             int // rows read (of any month)
	}{
		{name: "not UTF-8", file: "2023-07.tsv", data: dpHeaderTab + fr("1 to 4", "10", "12", "2023-07") + "frwiki\tfr.wikipedia\tFr\xffnce\tFR\t1 to 4\t1.1\t0.9\t8\t10\t12\t2023-07\n",
			want: []want{{3, true, notUTF8}}, rows: 1},
		{name: "short row", file: "x.tsv", data: dpHeaderTab + fr("1 to 4", "10", "12", "2023-07") + "frwiki\tfr.wikipedia\tFrance\tFR\t1 to 4\t1.1\n" + fr("5 to 99", "3", "4", "2023-07"),
			want: []want{{3, true, "6 columns, not 11 as the header has"}}, rows: 2},
		{name: "row longer than the first", file: "2023-07.tsv", data: dpRow("frwiki", "fr.wikipedia", "France", "FR", "1 to 4", "1.1", "0.9", "8", "10") + dpRow("frwiki", "fr.wikipedia", "France", "FR", "5 to 99", "1.1", "0.9", "8", "10", "4"),
			want: []want{{2, true, "10 columns, not 9 as the first row has"}}, rows: 1},
		{name: "old bucketed release", file: "geoeditors-monthly-2023-07.tsv", data: "frwiki\tFrance\t5 to 99\t11\t20\n",
			want: []want{{1, true, "5 columns and no header"}}},
		{name: "unknown level", file: "x.tsv", data: dpHeaderTab + fr("1-4", "10", "12", "2023-07"),
			want: []want{{2, true, `activity_level "1-4" is not "1 to 4", "5 to 99" or "100 or more"`}}},
		{name: "editors not a number", file: "x.tsv", data: dpHeaderTab + fr("1 to 4", "ten", "12", "2023-07") + fr("5 to 99", "0x10", "12", "2023-07"),
			want: []want{{2, true, `editors "ten" is not a number`}, {3, true, `editors "0x10" is not a number`}}},
		{name: "no editors", file: "x.tsv", data: dpHeaderTab + fr("1 to 4", "", "12", "2023-07"),
			want: []want{{2, true, "no editors count"}}},
		{name: "edits not a number", file: "x.tsv", data: dpHeaderTab + fr("1 to 4", "10", "1,2", "2023-07"),
			want: []want{{2, true, `edits "1,2" is not a number`}}},
		{name: "epsilon not a number", file: "x.tsv", data: dpHeaderTab + dpRow("frwiki", "fr.wikipedia", "France", "FR", "1 to 4", "high", "0.9", "8", "10", "12", "2023-07"),
			want: []want{{2, true, `count_eps "high" is not a number`}}},
		{name: "negative editors", file: "x.tsv", data: dpHeaderTab + fr("1 to 4", "-3", "12", "2023-07"),
			want: []want{{2, true, `editors "-3" is negative`}}},
		{name: "negative edits", file: "x.tsv", data: dpHeaderTab + fr("1 to 4", "3", "-12", "2023-07"),
			want: []want{{2, true, `edits "-12" is negative`}}},
		{name: "no month anywhere", file: "geoeditors-dp.tsv", data: dpRow("frwiki", "fr.wikipedia", "France", "FR", "1 to 4", "1.1", "0.9", "8", "10", "12"),
			want: []want{{0, true, "the month is not in the file and not in its name: rename it to the month it holds, as 2023-07.tsv"}}},
		{name: "no month column, none in the name", file: "dp.csv", data: "wiki_db,country_code,activity_level,editors\nfrwiki,FR,1 to 4,10\n",
			want: []want{{0, true, "the month is not in the file and not in its name"}}},
		{name: "empty month cell, none in the name", file: "dp.tsv", data: dpHeaderTab + fr("1 to 4", "10", "12", ""),
			want: []want{{2, true, "the row has no month and the file name none"}}},
		{name: "empty month cell, month in the name", file: "dp-2023-07.tsv", data: dpHeaderTab + fr("1 to 4", "10", "12", ""), rows: 1},
		{name: "bad month", file: "2023-07.tsv", data: dpHeaderTab + fr("1 to 4", "10", "12", "2023-13"),
			want: []want{{2, true, `month "2023-13" is not a month (YYYY-MM or YYYY-MM-DD)`}}},
		{name: "same row twice, different counts", file: "x.tsv", data: dpHeaderTab + fr("1 to 4", "10", "12", "2023-07") + fr("1 to 4", "11", "12", "2023-07"),
			want: []want{{3, true, "frwiki, FR, 1 to 4, 2023-07 appears twice with different counts (first on line 2)"}}, rows: 2},
		{name: "same row twice, edits published once", file: "x.tsv", data: dpHeaderTab + fr("1 to 4", "10", "12", "2023-07") + fr("1 to 4", "10", "", "2023-07"),
			want: []want{{3, true, "appears twice with different counts"}}, rows: 2},
		{name: "header without editors", file: "2023-07.csv", data: "wiki_db,country,activity_level,editors_lower_bound\nfrwiki,France,5 to 99,10\n",
			want: []want{{1, true, "the header has no editors (or editors_ceil) column"}}},
		{name: "header naming editors twice", file: "2023-07.csv", data: "wiki_db,country,activity_level,editors,editors_ceil\nfrwiki,France,5 to 99,10,10\n",
			want: []want{{1, true, `the header names the editors column twice ("editors" and "editors_ceil")`}}},
		{name: "one column", file: "2023-07.csv", data: "hello\n",
			want: []want{{1, true, "the first line has neither tabs nor commas"}}},
		{name: "not gzip after all", file: "2023-07.tsv.gz", data: "\x1f\x8b\x00\x00garbage",
			want: []want{{0, true, "not a readable gzip file"}}},
		{name: "empty file", file: "2023-07.tsv", data: ""},
		{name: "header only", file: "2023-07.tsv", data: dpHeaderTab},
		{name: "unknown countries once each", file: "2023-07.csv",
			data: "wiki_db,country,country_code,activity_level,editors\nfrwiki,Atlantis,,1 to 4,10\nenwiki,Atlantis,,1 to 4,10\nenwiki,,ZZ,1 to 4,10\nenwiki,Unknown,,1 to 4,10\nenwiki,,--,5 to 99,10\nenwiki,Unknown,ZZ,5 to 99,10\n",
			want: []want{{2, false, `country "Atlantis" is not in the countries list; 2 rows skipped`}, {4, false, `country code "ZZ" is not in the countries list; 1 row skipped`}}, rows: 6},
	} {
		t.Run(c.name, func(t *testing.T) {
			rel, ps := ReadGeoeditorsDP(strings.NewReader(c.data), c.file, names)
			checkProblems(t, ps, c.file, c.want...)
			n := 0
			for _, m := range rel.Months {
				n += m.Rows
			}
			if n != c.rows {
				t.Errorf("%d rows read, want %d", n, c.rows)
			}
		})
	}
}

func TestReadGeoeditorsDPCountries(t *testing.T) {
	names := dpNames(t)
	data := "wiki_db,country,country_code,activity_level,editors,month\n" +
		"frwiki,France,FR,1 to 4,1,2023-07\n" + // code
		"dewiki,Atlantis,FR,1 to 4,2,2023-07\n" + // the code wins over a name
		"enwiki,France,fr,1 to 4,4,2023-07\n" + // a lower-case code is no ISO2: the name
		"eswiki,Cote d'Ivoire,,1 to 4,8,2023-07\n" + // an alias, no code
		"itwiki,,CIV,1 to 4,16,2023-07\n" + // alpha-3 as the code
		"jawiki,Namibia,NA,1 to 4,32,2023-07\n" + // Namibia is NA, not a missing value
		"kowiki,Unknown,--,1 to 4,64,2023-07\n" +
		"nlwiki,Kosovo,XK,1 to 4,128,2023-07\n"
	rel, ps := ReadGeoeditorsDP(strings.NewReader(data), "c.csv", names)
	checkProblems(t, ps, "c.csv")
	if len(rel.Months) != 1 {
		t.Fatalf("%d months", len(rel.Months))
	}
	got := map[string]float64{}
	for iso2, c := range rel.Months[0].Countries {
		got[iso2] = c.All.Editors[0]
	}
	deepEqual(t, "editors by country", got, map[string]float64{"FR": 7, "CI": 24, "NA": 32, "XK": 128})
	if u := rel.Months[0].Unknown; u != 1 {
		t.Errorf("unknown %d, want 1", u)
	}
}

func TestDPIsWikipedia(t *testing.T) {
	not := dpNotWikipedias()
	for _, c := range []struct {
		db, project string
		want        bool
	}{
		{"enwiki", "en.wikipedia", true},
		{"simplewiki", "simple.wikipedia", true},
		{"zh_min_nanwiki", "zh-min-nan.wikipedia", true},
		{"enwiki", "en.wikipedia.org", true},
		{"enwiki", "wikipedia", true},
		{"commonswiki", "en.commons", false}, // as the real copy writes it
		{"commonswiki", "commons.wikimedia", false},
		{"wikidatawiki", "wikidata", false},
		{"wikidatawiki", "en.wikidata", false},
		{"metawiki", "en.meta", false},
		{"mediawikiwiki", "en.mediawiki", false},
		{"enwiktionary", "en.wiktionary", false},
		{"mrwikisource", "mr.wikisource", false},
		{"xwiki", "x.wikipedia", true}, // the project decides
		// No project: the database name.
		{"frwiki", "", true},
		{"zh_yuewiki", "", true},
		{"commonswiki", "", false},
		{"wikidatawiki", "", false},
		{"metawiki", "", false},
		{"specieswiki", "", false},
		{"mediawikiwiki", "", false},
		{"sourceswiki", "", false},
		{"incubatorwiki", "", false},
		{"foundationwiki", "", false},
		{"outreachwiki", "", false},
		{"wikifunctionswiki", "", false},
		{"frwiktionary", "", false},
		{"enwikisource", "", false},
		{"dewikimedia", "", false},
		{"wiki", "", false},
	} {
		if got := dpIsWikipedia(c.db, c.project, not); got != c.want {
			t.Errorf("dpIsWikipedia(%q, %q) = %v, want %v", c.db, c.project, got, c.want)
		}
	}
}

// Without a project column, the database name tells the Wikipedias.
func TestReadGeoeditorsDPNoProject(t *testing.T) {
	data := "wiki_db\tcountry_code\tactivity_level\teditors\n" +
		"frwiki\tFR\t1 to 4\t10\n" +
		"commonswiki\tFR\t1 to 4\t20\n" +
		"frwiktionary\tFR\t1 to 4\t40\n"
	rel, ps := ReadGeoeditorsDP(strings.NewReader(data), "2023-07.tsv", dpNames(t))
	checkProblems(t, ps, "2023-07.tsv")
	if len(rel.Months) != 1 || rel.Months[0].Countries["FR"] == nil {
		t.Fatalf("months %+v", rel.Months)
	}
	fr := rel.Months[0].Countries["FR"]
	if fr.Wikipedia.Editors[0] != 10 || fr.All.Editors[0] != 70 {
		t.Errorf("Wikipedia %v, all %v", fr.Wikipedia.Editors, fr.All.Editors)
	}
	if fr.CountEps != 0 || fr.SumEps != 0 || fr.Threshold != 0 {
		t.Errorf("parameters %v %v %v, want 0 when not given", fr.CountEps, fr.SumEps, fr.Threshold)
	}
	deepEqual(t, "columns", rel.Columns, []string{"wiki_db", "country_code", "activity_level", "editors"})
}

func TestMonthInName(t *testing.T) {
	for _, c := range []struct {
		file        string
		year, month int
		ok          bool
	}{
		{"2023-07.tsv", 2023, 7, true},
		{"geoeditors-monthly-2023-07.tsv", 2023, 7, true},
		{"/data/dumps/geoeditors-monthly-2024-12.tsv.gz", 2024, 12, true},
		{"export_2023-07-01.csv", 2023, 7, true},
		{"geoeditors_monthly_CL_2023-07_to_2024.csv", 2023, 7, true},
		{"2023-07/readme.tsv", 0, 0, false}, // the base name only
		{"2023-13.tsv", 0, 0, false},
		{"12023-07.tsv", 0, 0, false},
		{"2023-071.tsv", 0, 0, false},
		{"1999-07.tsv", 0, 0, false},
		{"x2023-13_2024-02.tsv", 2024, 2, true},
		{"202307.tsv", 0, 0, false},
		{"", 0, 0, false},
	} {
		y, m, ok := MonthInName(c.file)
		if y != c.year || m != c.month || ok != c.ok {
			t.Errorf("MonthInName(%q) = %d, %d, %v; want %d, %d, %v", c.file, y, m, ok, c.year, c.month, c.ok)
		}
	}
}

func TestDPNoise(t *testing.T) {
	for _, c := range []struct {
		n    int
		eps  float64
		want float64
	}{
		{1, 1, math.Sqrt2},
		{1, 1.1, math.Sqrt2 / 1.1},
		{8, 0.1, 40},  // sqrt(16)/0.1
		{50, 0.2, 50}, // sqrt(100)/0.2
		{0, 1.1, 0},
		{-1, 1.1, 0},
		{3, 0, math.Inf(1)},
		{3, -1, math.Inf(1)},
		{3, math.NaN(), math.Inf(1)},
	} {
		if got := DPNoise(c.n, c.eps); math.Abs(got-c.want) > 1e-12 && got != c.want {
			t.Errorf("DPNoise(%d, %v) = %v, want %v", c.n, c.eps, got, c.want)
		}
	}
}

func TestSniffGeoeditorsDP(t *testing.T) {
	firstLine := func(t *testing.T, file string) string {
		b, err := os.ReadFile(filepath.Join("testdata", "geodp", file))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(file, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if _, err := buf.ReadFrom(zr); err != nil {
				t.Fatal(err)
			}
			b = buf.Bytes()
		}
		b = bytes.TrimPrefix(b, []byte("\uFEFF"))
		line, _, _ := bytes.Cut(b, []byte("\n"))
		return string(line)
	}
	for file := range dpFixtureWants() {
		if line := firstLine(t, file); !SniffGeoeditorsDP(line) {
			t.Errorf("%s: first line %q not recognised", file, line)
		}
	}
	for _, c := range []struct {
		line string
		want bool
	}{
		{"wiki_db,project,country,country_code,activity_level,count_eps,sum_eps,count_release_thresh,editors,edits,time", true},
		{"wiki_db\tcountry_name\tactivity_level\teditors_ceil", true},
		{`"wiki_db","country_code","activity_level","editors"` + "\r\n", true},
		{"afwiki\taf.wikipedia\tChile\tCL\t1 to 4\t1.1\t0.9\t8\t9", true},
		{"afwiki,af.wikipedia,\"Korea, Republic of\",KR,100 or more,1.1,0.9,8,9,13,2023-07", true},
		// Other formats.
		{`"Data Source","World Development Indicators",`, false},
		{"name\tiso_code\tiso_alpha3_code\twikidata_id\tis_protected\tdata_risk_score\tdata_risk_classification", false},
		{"country,indicator,year,value", false},
		{"frwiki\tFrance\t5 to 99\t11\t20", false},
		{"wiki_db\tcountry\tactivity_level\teditors_lower_bound\teditors_upper_bound", false},
		{"afwiki\taf.wikipedia\tChile\tCL\t1-4\t1.1\t0.9\t8\t9", false},
		{"afwiki\taf.wikipedia\tChile\tCL\t1 to 4\t1.1\t0.9\tx\t9", false},
		{"", false},
		{"hello", false},
		{"\"unterminated,1,2", false},
	} {
		if got := SniffGeoeditorsDP(c.line); got != c.want {
			t.Errorf("SniffGeoeditorsDP(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

func FuzzReadGeoeditorsDP(f *testing.F) {
	addFiles(f, "geodp/header-tab.tsv", "geodp/header-comma.csv", "geodp/2023-07.tsv", "geodp/2023-07.tsv.gz",
		"geodp/published.tsv", "geodp/multi-month.csv", "geodp/chile-slice.csv")
	f.Add([]byte(dpHeaderTab + "frwiki\tfr.wikipedia\tFrance\tFR\t1 to 4\t1.1\t0.9\t8\t-1\t\t2023-13\n"))
	names := dpNames(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		rel, ps := ReadGeoeditorsDP(bytes.NewReader(data), "geoeditors-monthly-2023-07.tsv", names)
		// Lines are those of the text, which a gzip file holds compressed.
		text := data
		if zr, err := gzip.NewReader(bytes.NewReader(data)); err == nil {
			if b, err := io.ReadAll(io.LimitReader(zr, 1<<20)); len(b) > 0 || err == nil {
				text = b
			}
		}
		checkFuzzProblems(t, text, ps)
		_ = SniffGeoeditorsDP(string(data))
		for i, m := range rel.Months {
			if i > 0 && rel.Months[i-1].Year*12+rel.Months[i-1].Month >= m.Year*12+m.Month {
				t.Fatalf("months out of order")
			}
			for _, c := range m.Countries {
				for l := range 3 {
					if c.All.Editors[l] < 0 || c.Wikipedia.Editors[l] > c.All.Editors[l] || c.Wikipedia.Rows[l] > c.All.Rows[l] {
						t.Fatalf("%s: Wikipedia %+v, all %+v", c.ISO2, c.Wikipedia, c.All)
					}
				}
			}
		}
	})
}
