package importer

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

// The fixtures an import reads, by path from this package.
var (
	fxCountries  = filepath.Join("testdata", "countries.tsv")
	fxPop        = filepath.Join("testdata", "API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv")
	fxGDP        = filepath.Join("testdata", "API_NY.GDP.PCAP.PP.CD_DS2_en_csv_v2_fixture.csv")
	fxInternet   = filepath.Join("testdata", "API_IT.NET.USER.ZS_DS2_en_csv_v2_malformed.csv")
	fxLiteracy   = filepath.Join("testdata", "API_SE.ADT.LITR.ZS_DS2_en_csv_v2_fixture.csv")
	fxJan        = filepath.Join("testdata", "geoeditors", "geoeditors-monthly-2023-01.tsv")
	fxFeb        = filepath.Join("testdata", "geoeditors", "geoeditors-monthly-2023-02.tsv")
	fxGeoBad     = filepath.Join("testdata", "geoeditors-bad", "geoeditors-monthly-2023-03.tsv")
	fxGeoNoName  = filepath.Join("testdata", "geoeditors-bad", "geoeditors-2023-03.tsv")
	fxObs        = filepath.Join("testdata", "observations.csv")
	fxObsBad     = filepath.Join("testdata", "observations-bad.csv")
	fxCountries2 = filepath.Join("testdata", "countries-bad.tsv")
)

// buildDate is the date an import in these tests is made on.
var buildDate = time.Date(2025, 3, 4, 9, 30, 0, 0, time.UTC)

// bundled loads the bundled dataset, which an import starts from.
func bundled(tb testing.TB) *model.Dataset {
	tb.Helper()
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// fileFacts are a file's size and SHA-256, computed here rather than trusted
// to the importer.
func fileFacts(t testing.TB, path string) (int64, string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return int64(len(b)), hex.EncodeToString(sum[:])
}

// writeFile writes a file into dir and returns its path.
func writeFile(t testing.TB, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// copyFile copies a fixture to dir/name.
func copyFile(t testing.TB, from, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, name, string(b))
}

// fileWant is a file an import must record: the source id it gets and what
// it covers.
type fileWant struct {
	path, format, id, covers string
}

// sortObs orders observations for comparison.
func sortObs(obs []model.Observation) []model.Observation {
	out := append([]model.Observation(nil), obs...)
	model.SortObservations(out)
	return out
}

func sortScores(ss []model.Score) []model.Score {
	out := append([]model.Score(nil), ss...)
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.ISO2 != b.ISO2 {
			return a.ISO2 < b.ISO2
		}
		if a.Domain != b.Domain {
			return a.Domain < b.Domain
		}
		if a.Facet != b.Facet {
			return a.Facet < b.Facet
		}
		return a.Year < b.Year
	})
	return out
}

// observationsOf are a dataset's observations of one indicator, ordered.
func observationsOf(d *model.Dataset, indicator string) []model.Observation {
	var out []model.Observation
	for _, o := range d.Observations() {
		if o.Indicator == indicator {
			out = append(out, o)
		}
	}
	return sortObs(out)
}

func boundsOf(d *model.Dataset, indicator string) []model.BoundObservation {
	var out []model.BoundObservation
	for _, b := range d.AllBounds() {
		if b.Indicator == indicator {
			out = append(out, b)
		}
	}
	return out
}

// readersGive is what the readers, run on their own, give for each
// indicator the files provide: what the import must have put in the
// database, and nothing else.
type readersGive struct {
	// full are the figures of full releases (World Bank files, Geoeditors
	// months) by indicator, and fullYears the years each replaces; partial
	// those of long CSVs, which change only their cells.
	full         map[string][]model.Observation
	fullYears    map[string]map[int]bool
	partial      []model.Observation
	bounds       map[string][]model.BoundObservation
	countryWikis []model.CountryWiki
}

func runReaders(t *testing.T, base *model.Dataset, in Inputs) readersGive {
	t.Helper()
	countries := base.Countries
	if in.Countries != "" {
		cs, ps := ReadCountries(open(t, strings.TrimPrefix(in.Countries, "testdata/")), in.Countries)
		if ps.Fatal() {
			t.Fatal(ps)
		}
		countries = cs
	}
	rg := readersGive{full: map[string][]model.Observation{}, fullYears: map[string]map[int]bool{}, bounds: map[string][]model.BoundObservation{}}
	addFull := func(obs []model.Observation, ids []string, years []int) {
		for _, id := range ids {
			if rg.fullYears[id] == nil {
				rg.fullYears[id] = map[int]bool{}
			}
			for _, y := range years {
				rg.fullYears[id][y] = true
			}
		}
		for _, o := range obs {
			rg.full[o.Indicator] = append(rg.full[o.Indicator], o)
			rg.fullYears[o.Indicator][o.Year] = true
		}
	}
	for _, path := range in.WorldBank {
		wb, _ := ReadWorldBank(open(t, strings.TrimPrefix(path, "testdata/")), path, countries)
		addFull(wb.Observations, []string{wb.Indicator}, nil)
	}
	var months []GeoMonth
	for _, path := range in.Geoeditors {
		m, _ := ReadGeoeditors(open(t, strings.TrimPrefix(path, "testdata/")), path, NewNames(countries))
		months = append(months, m)
	}
	if len(months) > 0 {
		ed, _ := YearlyEditorship(months, base.Wikis)
		addFull(ed.Observations, []string{model.IndWPEditors, model.IndAllEditors, model.IndVeryActive}, ed.Years)
		for _, b := range ed.Bounds {
			rg.bounds[b.Indicator] = append(rg.bounds[b.Indicator], b)
		}
		rg.countryWikis = ed.CountryWikis
	}
	for _, path := range in.Observations {
		obs, _ := ReadObservations(open(t, strings.TrimPrefix(path, "testdata/")), path, NewNames(countries), base.Indicators)
		rg.partial = append(rg.partial, obs...)
	}
	return rg
}

// merge is the merge rule, written out for the test: the base's cells of
// the countries still there; a full release's indicator-years replaced
// by its figures; a long CSV's cells set one by one.
func (rg readersGive) merge(base *model.Dataset, known map[string]bool) map[string][]model.Observation {
	type key struct {
		iso2, ind string
		year      int
	}
	cells := map[key]float64{}
	for _, o := range base.Observations() {
		if known[o.ISO2] && !rg.fullYears[o.Indicator][o.Year] {
			cells[key{o.ISO2, o.Indicator, o.Year}] = o.Value
		}
	}
	for _, obs := range rg.full {
		for _, o := range obs {
			cells[key{o.ISO2, o.Indicator, o.Year}] = o.Value
		}
	}
	for _, o := range rg.partial {
		cells[key{o.ISO2, o.Indicator, o.Year}] = o.Value
	}
	out := map[string][]model.Observation{}
	for k, v := range cells {
		out[k.ind] = append(out[k.ind], model.Observation{ISO2: k.iso2, Indicator: k.ind, Year: k.year, Value: v})
	}
	for id := range out {
		out[id] = sortObs(out[id])
	}
	return out
}

// valuesOf drops the provenance of observations, for comparing figures.
func valuesOf(obs []model.Observation) []model.Observation {
	out := make([]model.Observation, len(obs))
	for i, o := range obs {
		out[i] = model.Observation{ISO2: o.ISO2, Indicator: o.Indicator, Year: o.Year, Value: o.Value}
	}
	return out
}

// An import over the bundled dataset merges what the files give (full
// releases replace their indicator-years, a long CSV its cells), records
// every file as a source, keeps every other figure with its class, marks
// what a full release leaves out as missing with a reason, and scores again.
func TestBuild(t *testing.T) {
	_, obsSum := fileFacts(t, fxObs)
	obsSource := "import-obs-" + obsSum[:12]
	tests := []struct {
		name      string
		in        Inputs
		countries int
		// sources: the source the files' cells of each input cite.
		sources map[string]string
		// real: the inputs with no modeled cell left (Result.Replaced).
		real     []string
		files    []fileWant
		problems []string // file base name:line: part of the message; none fatal
		summary  []string
	}{
		{
			name: "every kind of file",
			in: Inputs{
				Countries:    fxCountries,
				WorldBank:    []string{fxPop, fxGDP},
				Geoeditors:   []string{fxJan, fxFeb},
				Observations: []string{fxObs},
			},
			countries: 13,
			sources: map[string]string{
				model.IndPopulation:    "import-wb-sp.pop.totl",
				model.IndGDPPerCap:     "import-wb-ny.gdp.pcap.pp.cd",
				model.IndWPEditors:     "import-geoeditors-2023-01-2023-02",
				model.IndAllEditors:    "import-geoeditors-2023-01-2023-02",
				model.IndVeryActive:    "import-geoeditors-2023-01-2023-02",
				model.IndOrganizers:    obsSource,
				model.IndGrantsYearUSD: obsSource,
				model.IndAffiliates:    obsSource,
				model.IndPageviews:     obsSource,
				model.IndLiteracy:      obsSource,
			},
			// Context inputs are real in the sample too; the activity
			// inputs keep their modeled cells in the years the files leave
			// alone, so they stay modeled as a whole.
			real: []string{model.IndGDPPerCap, model.IndLiteracy, model.IndPopulation},
			files: []fileWant{
				{fxCountries, "Wikimedia canonical countries", "import-countries", "13 countries"},
				{fxPop, "World Bank WDI", "import-wb-sp.pop.totl", "2020–2023"},
				{fxGDP, "World Bank WDI", "import-wb-ny.gdp.pcap.pp.cd", "2021–2022"},
				{fxJan, "Geoeditors monthly", "import-geo-2023-01", "2023-01"},
				{fxFeb, "Geoeditors monthly", "import-geo-2023-02", "2023-02"},
				{fxObs, "observations CSV", obsSource, "2022–2023"},
			},
			problems: []string{
				`API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv:9: country code "CHI" (Channel Islands) is not in the countries list`,
				"API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv:0: 4 rows of aggregates skipped",
				"API_NY.GDP.PCAP.PP.CD_DS2_en_csv_v2_fixture.csv:0: 1 row of aggregates skipped",
				`geoeditors-monthly-2023-01.tsv:13: country "Atlantis" is not in the countries list; 2 rows skipped`,
				`geoeditors-monthly-2023-01.tsv:0: wiki "xyzwiki" is not in the wikis list (1 row)`,
				"observations.csv:9: no value for NG programs.participants 2023; row skipped",
				// The bundled database has the World Bank's figures of
				// these years for the 13 countries: the fixtures' few
				// are warned about, not refused.
				"API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv:0: covers 5 countries for context.population in 2023, where the figures it replaces covered 11",
				"API_NY.GDP.PCAP.PP.CD_DS2_en_csv_v2_fixture.csv:0: covers 3 countries for context.gdp_pc_ppp in 2021, where the figures it replaces covered 11",
				"API_NY.GDP.PCAP.PP.CD_DS2_en_csv_v2_fixture.csv:0: covers 3 countries for context.gdp_pc_ppp in 2022, where the figures it replaces covered 11",
			},
			summary: []string{
				"countries.tsv: 13 countries and their classifications",
				"API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv: SP.POP.TOTL for 6 countries, 2020–2023 (4 aggregate rows skipped)",
				"API_NY.GDP.PCAP.PP.CD_DS2_en_csv_v2_fixture.csv: NY.GDP.PCAP.PP.CD for 3 countries, 2021–2022 (1 aggregate rows skipped)",
				"Geoeditors: 2 months, 2023-01 to 2023-02: editors of 6 countries on 6 wikis",
				"observations.csv: 7 values of 5 inputs, 2022–2023; every other figure is kept",
				"62967 figures of countries not in the countries file were left out",
				"Note: the explorer and the commands open on 2025, the latest year whose scores rest mostly on published figures (100% real or estimated), and Affiliates, All-project editors, Very active share, Wikipedia editors, Annual grants (USD), Event organizers stop at 2024: look at 2024 (--year 2024, or y in the explorer).",
			},
		},
		{
			name:      "World Bank and Geoeditors over the bundled countries",
			in:        Inputs{WorldBank: []string{fxPop}, Geoeditors: []string{fxJan, fxFeb}},
			countries: 250,
			sources: map[string]string{
				model.IndPopulation: "import-wb-sp.pop.totl",
				model.IndWPEditors:  "import-geoeditors-2023-01-2023-02",
				model.IndAllEditors: "import-geoeditors-2023-01-2023-02",
				model.IndVeryActive: "import-geoeditors-2023-01-2023-02",
			},
			real: []string{model.IndPopulation},
			files: []fileWant{
				{fxPop, "World Bank WDI", "import-wb-sp.pop.totl", "2020–2023"},
				{fxJan, "Geoeditors monthly", "import-geo-2023-01", "2023-01"},
				{fxFeb, "Geoeditors monthly", "import-geo-2023-02", "2023-02"},
			},
			problems: []string{
				`API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv:9: country code "CHI" (Channel Islands) is not in the countries list`,
				"API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv:0: 4 rows of aggregates skipped",
				`geoeditors-monthly-2023-01.tsv:13: country "Atlantis" is not in the countries list; 2 rows skipped`,
				`geoeditors-monthly-2023-01.tsv:0: wiki "xyzwiki" is not in the wikis list (1 row)`,
				"API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv:0: covers 6 countries for context.population in 2020, where the figures it replaces covered 216",
				"API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv:0: covers 6 countries for context.population in 2021, where the figures it replaces covered 216",
				"API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv:0: covers 6 countries for context.population in 2022, where the figures it replaces covered 216",
				"API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv:0: covers 5 countries for context.population in 2023, where the figures it replaces covered 216",
				// The bundled data has modeled editors for every country in
				// 2023; the two months give 6: a warning, not a refusal.
				"Geoeditors 2023-01 to 2023-02:0: covers 6 countries for editorship.all_editors in 2023, where the figures it replaces covered 242",
				"Geoeditors 2023-01 to 2023-02:0: covers 6 countries for editorship.very_active_pct in 2023, where the figures it replaces covered 207",
				"Geoeditors 2023-01 to 2023-02:0: covers 6 countries for editorship.wp_editors in 2023, where the figures it replaces covered 242",
			},
			summary: []string{
				"API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv: SP.POP.TOTL for 6 countries, 2020–2023 (4 aggregate rows skipped)",
				"Geoeditors: 2 months, 2023-01 to 2023-02: editors of 6 countries on 6 wikis",
				"Note: the explorer and the commands open on 2025, the latest year whose scores rest mostly on published figures (100% real or estimated), and All-project editors, Very active share, Wikipedia editors stop at 2024: look at 2024 (--year 2024, or y in the explorer).",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := bundled(t)
			res := Build(base, tt.in, buildDate, nil)
			if res.Dataset == nil || res.Problems.Fatal() {
				t.Fatalf("no dataset; problems:\n%v", res.Problems)
			}
			d := res.Dataset

			// Problems: the files' own, none fatal, each with its file and line.
			var got []string
			for _, p := range res.Problems {
				got = append(got, fmt.Sprintf("%s:%d: %s", filepath.Base(p.File), p.Line, p.Msg))
			}
			if len(got) != len(tt.problems) {
				t.Errorf("%d problems, want %d:\n%s", len(got), len(tt.problems), strings.Join(got, "\n"))
			}
			for i := 0; i < len(got) && i < len(tt.problems); i++ {
				if !strings.HasPrefix(got[i], tt.problems[i]) {
					t.Errorf("problem %d = %q, want %q…", i, got[i], tt.problems[i])
				}
			}
			deepEqual(t, "summary", res.Summary, tt.summary)
			deepEqual(t, "real", res.Replaced, tt.real)
			if len(d.Countries) != tt.countries {
				t.Errorf("%d countries, want %d", len(d.Countries), tt.countries)
			}

			// Every figure as the merge rule makes it.
			rg := runReaders(t, base, tt.in)
			known := map[string]bool{}
			for _, c := range d.Countries {
				known[c.ISO2] = true
			}
			want := rg.merge(base, known)
			for _, ind := range d.Indicators {
				if ind.Derived() {
					continue
				}
				deepEqual(t, ind.ID+" observations", valuesOf(observationsOf(d, ind.ID)), want[ind.ID])
			}

			// Each cell says where it comes from: the files' cells are real
			// and cite their file; the others keep the base's provenance.
			fromFiles := map[string]bool{}
			for _, obs := range rg.full {
				for _, o := range obs {
					fromFiles[fmt.Sprint(o.ISO2, o.Indicator, o.Year)] = true
				}
			}
			for _, o := range rg.partial {
				fromFiles[fmt.Sprint(o.ISO2, o.Indicator, o.Year)] = true
			}
			for _, o := range d.Observations() {
				pv, _ := d.Provenance(o.ISO2, o.Indicator, o.Year)
				if fromFiles[fmt.Sprint(o.ISO2, o.Indicator, o.Year)] {
					if pv.Class != model.ClassReal || pv.Source != tt.sources[o.Indicator] {
						t.Errorf("%s %s %d: %+v, want real from %s", o.ISO2, o.Indicator, o.Year, pv, tt.sources[o.Indicator])
					}
					continue
				}
				old, _ := base.Provenance(o.ISO2, o.Indicator, o.Year)
				if pv != old {
					t.Errorf("%s %s %d: %+v, want as the base: %+v", o.ISO2, o.Indicator, o.Year, pv, old)
				}
			}
			// An indicator is modeled while any cell of it is.
			for _, ind := range d.Indicators {
				if ind.Derived() {
					continue
				}
				modeled := false
				for _, o := range d.Observations() {
					if o.Indicator == ind.ID && o.Class == model.ClassModeled {
						modeled = true
					}
				}
				if ind.Modeled != modeled {
					t.Errorf("%s: modeled %v, but its cells say %v", ind.ID, ind.Modeled, modeled)
				}
				if _, ok := d.Source(ind.SourceID); !ok {
					t.Errorf("%s cites %s, which is not among the sources", ind.ID, ind.SourceID)
				}
			}

			// What a full release leaves out is missing, with a reason: Nigeria's
			// 2023 population is not in the WDI fixture, and Russia (protected)
			// is in no Geoeditors file.
			if m, ok := d.MissingReason("NG", model.IndPopulation, 2023); !ok || !strings.Contains(m.Reason, "not in this file") {
				t.Errorf("NG population 2023 missing = %+v, %v; want not in this file", m, ok)
			}
			if m, ok := d.MissingReason("RU", model.IndWPEditors, 2023); !ok || !strings.Contains(m.Reason, "protected") {
				t.Errorf("RU editors 2023 missing = %+v, %v; want protected", m, ok)
			}
			for _, x := range d.AllMissing() {
				if _, has := d.Value(x.ISO2, x.Indicator, x.Year); has {
					t.Errorf("%+v is missing and has a figure", x)
				}
			}
			// Years the files leave alone keep their figures.
			for _, y := range []int{2018, 2022, 2024} {
				if a, b := must(d.Value("NG", model.IndWPEditors, y)), must(base.Value("NG", model.IndWPEditors, y)); a != b || a < 0 {
					t.Errorf("NG editors %d = %v, want the base's %v", y, a, b)
				}
			}

			// Every file is a source: its name, size, SHA-256 and what it covers.
			if len(res.Files) != len(tt.files) {
				t.Errorf("%d files recorded, want %d: %+v", len(res.Files), len(tt.files), res.Files)
			}
			for i, fw := range tt.files {
				size, sum := fileFacts(t, fw.path)
				want := File{Path: fw.path, Name: filepath.Base(fw.path), Format: fw.format, Size: size, SHA256: sum, Covers: fw.covers}
				if i < len(res.Files) && res.Files[i] != want {
					t.Errorf("file %d = %+v, want %+v", i, res.Files[i], want)
				}
				s, ok := d.Source(fw.id)
				if !ok {
					t.Errorf("no source %s for %s", fw.id, want.Name)
					continue
				}
				wantNote := fmt.Sprintf("Imported by equity on 2025-03-04 from %s (%d bytes, SHA-256 %s), covering %s.", want.Name, size, sum, fw.covers)
				if !strings.HasPrefix(s.Note, wantNote) || !strings.Contains(s.Title, want.Name) {
					t.Errorf("source %s: title %q, note %q; want the title to name the file and the note to start %q", fw.id, s.Title, s.Note, wantNote)
				}
			}
			if len(tt.in.Geoeditors) > 0 {
				s, ok := d.Source("import-geoeditors-2023-01-2023-02")
				if !ok || !strings.Contains(s.Note, "2 monthly files, 2023-01 to 2023-02 (geoeditors-monthly-2023-01.tsv, geoeditors-monthly-2023-02.tsv)") {
					t.Errorf("import-geoeditors = %+v", s)
				}
			}
			// The sample's own sources stay while they are cited or describe
			// the countries and wikis.
			for _, id := range []string{"equity-sample-model", "wmf-canonical-2024", "wdi-it.net.user.zs"} {
				if _, ok := d.Source(id); !ok {
					t.Errorf("source %s of the sample is gone", id)
				}
			}
			for _, id := range []string{model.IndWPEditors, model.IndAllEditors} {
				if len(tt.in.Geoeditors) == 0 {
					continue
				}
				var got []model.BoundObservation
				for _, b := range boundsOf(d, id) {
					if b.Year == 2023 {
						got = append(got, b)
					}
				}
				deepEqual(t, id+" bounds", got, rg.bounds[id])
			}

			// Nigeria's editors of 2023, worked out by hand: January's
			// Wikipedia rows are enwiki 91–100 and 11–20 and hawiki 21–30
			// (xyzwiki is not a Wikipedia), February's enwiki 101–110 and
			// 11–20; the yearly mean of the months' sums is 117.5–140.
			// All-project editors add xyzwiki's 1–10: 118–145. Very active:
			// 11–20 both months, 15.5 over 131.5.
			spot := []struct {
				id     string
				value  float64
				bounds *model.Bounds
			}{
				{model.IndWPEditors, 128.75, &model.Bounds{Lower: 117.5, Upper: 140}},
				{model.IndAllEditors, 131.5, &model.Bounds{Lower: 118, Upper: 145}},
				{model.IndVeryActive, 100 * 15.5 / 131.5, nil},
			}
			for _, s := range spot {
				v, ok := d.Value("NG", s.id, 2023)
				if !ok || v != s.value {
					t.Errorf("NG %s 2023 = %v, %v; want %v", s.id, v, ok, s.value)
				}
				b, ok := d.Bounds("NG", s.id, 2023)
				if s.bounds == nil && ok || s.bounds != nil && (!ok || b != *s.bounds) {
					t.Errorf("NG %s 2023 bounds = %v, %v; want %v", s.id, b, ok, s.bounds)
				}
			}
			// enwiki: January 102–120 (of them 11–20 very active), February
			// 112–130 (11–20); hawiki and xyzwiki (not in the wikis list, but
			// a wiki the country's editors work on): January only, 21–30 and
			// 1–10 over two months.
			deepEqual(t, "NG wikis 2023", d.CountryWikis("NG", 2023), []model.CountryWiki{
				{ISO2: "NG", Wiki: "enwiki", Year: 2023, Editors: model.Bounds{Lower: 107, Upper: 125}, VeryActive: model.Bounds{Lower: 11, Upper: 20}},
				{ISO2: "NG", Wiki: "hawiki", Year: 2023, Editors: model.Bounds{Lower: 10.5, Upper: 15}},
				{ISO2: "NG", Wiki: "xyzwiki", Year: 2023, Editors: model.Bounds{Lower: 0.5, Upper: 5}},
			})

			// Meta: an imported database, whose notes list the real and the
			// modeled inputs.
			if d.Meta.Kind != model.KindImported || d.Meta.BuiltAt != "2025-03-04" || d.Meta.Title != "Wikimedia Movement Equity Landscape — imported 2025-03-04" {
				t.Errorf("meta %+v", d.Meta)
			}

			// Scores: computed again from the new figures.
			deepEqual(t, "scores", sortScores(d.Scores()), sortScores(model.ComputeScores(d)))
			if s, ok := d.Score("NG", model.Editorship, model.Presence, 2023); !ok || s == must(base.Score("NG", model.Editorship, model.Presence, 2023)) {
				t.Errorf("NG editorship presence 2023 = %v, %v: not scored again", s, ok)
			}

			// The changes counted are the cells that differ.
			var changed, cleared int
			for _, c := range res.Changes {
				changed += c.Added + c.Changed
				cleared += c.Cleared
			}
			if changed == 0 || (len(tt.in.Geoeditors) > 0 && cleared == 0) {
				t.Errorf("changes %+v: want cells added or changed, and cleared", res.Changes)
			}
		})
	}
}

func must(v float64, ok bool) float64 {
	if !ok {
		return -1
	}
	return v
}

// The files are read whole, and Progress hears it: growing counts, ending
// at each file's size.
func TestBuildProgress(t *testing.T) {
	type call struct{ read, size int64 }
	calls := map[string][]call{}
	in := Inputs{Countries: fxCountries, WorldBank: []string{fxPop, fxGDP}, Geoeditors: []string{fxJan, fxFeb}, Observations: []string{fxObs}}
	res := Build(bundled(t), in, buildDate, func(file string, read, size int64) {
		calls[file] = append(calls[file], call{read, size})
	})
	if res.Dataset == nil {
		t.Fatal(res.Problems)
	}
	for _, path := range []string{fxCountries, fxPop, fxGDP, fxJan, fxFeb, fxObs} {
		size, _ := fileFacts(t, path)
		cs := calls[filepath.Base(path)]
		if len(cs) == 0 {
			t.Errorf("%s: no progress", path)
			continue
		}
		for i, c := range cs {
			if c.size != size || c.read <= 0 || c.read > size || i > 0 && c.read <= cs[i-1].read {
				t.Errorf("%s: call %d of %v", path, i, cs)
			}
		}
		if last := cs[len(cs)-1]; last.read != size {
			t.Errorf("%s: progress ends at %d of %d", path, last.read, size)
		}
	}
	if len(calls) != 6 {
		t.Errorf("progress of %d files, want 6", len(calls))
	}
}

// A big file reports progress as it is read, not only at the end.
func TestBuildProgressOfABigFile(t *testing.T) {
	var b strings.Builder
	b.WriteString("country,indicator,year,value\n")
	for y := 1901; y <= 2100; y++ {
		fmt.Fprintf(&b, "NG,programs.organizers,%d,%d\n", y, y)
	}
	for b.Len() < 300<<10 {
		b.WriteString("Atlantis,programs.organizers,2023,1\n")
	}
	path := writeFile(t, t.TempDir(), "big.csv", b.String())
	var reads []int64
	res := Build(bundled(t), Inputs{Observations: []string{path}}, buildDate, func(_ string, read, _ int64) { reads = append(reads, read) })
	if res.Dataset == nil {
		t.Fatal(res.Problems)
	}
	if len(reads) < 4 || reads[len(reads)-1] != int64(b.Len()) {
		t.Errorf("%d progress calls for %d bytes, last %v", len(reads), b.Len(), reads[len(reads)-1:])
	}
}

// A fatal problem in any file, or files that contradict each other, build
// nothing.
func TestBuildFatal(t *testing.T) {
	dir := t.TempDir()
	popCSV := writeFile(t, dir, "population.csv", "country,indicator,year,value\nNG,context.population,2023,223804632\n")
	editorsCSV := writeFile(t, dir, "editors.csv", "country,indicator,year,value\nKE,editorship.wp_editors,2023,50\n")
	popAgain := copyFile(t, fxPop, dir, "API_SP.POP.TOTL_DS2_en_csv_v2_again.csv")
	janAgain := copyFile(t, fxJan, filepath.Join(dir, "again"), "geoeditors-monthly-2023-01.tsv")
	missing := filepath.Join(dir, "no-such-file.csv")
	lit, err := os.ReadFile(fxLiteracy)
	if err != nil {
		t.Fatal(err)
	}
	health := writeFile(t, dir, "API_SH.XPD.CHEX.GD.ZS_DS2_en_csv_v2_fixture.csv", strings.ReplaceAll(string(lit), "SE.ADT.LITR.ZS", "SH.XPD.CHEX.GD.ZS"))
	tests := []struct {
		name string
		in   Inputs
		file string // the file the fatal problem names ("" for none)
		line int
		msg  string
	}{
		{"a file that does not exist", Inputs{WorldBank: []string{missing}}, missing, 0, "cannot be read: no such file or directory"},
		{"a directory", Inputs{Geoeditors: []string{filepath.Join("testdata", "geoeditors")}}, filepath.Join("testdata", "geoeditors"), 0, "is not a file"},
		{"a malformed World Bank file beside good ones", Inputs{WorldBank: []string{fxPop, fxInternet}, Geoeditors: []string{fxJan}}, fxInternet, 7, "5 columns, the header has 7"},
		{"a World Bank indicator the importer does not read", Inputs{WorldBank: []string{health}}, health, 6, `indicator "SH.XPD.CHEX.GD.ZS" is not one this importer knows`},
		{"a malformed Geoeditors file", Inputs{Geoeditors: []string{fxJan, fxGeoBad}}, fxGeoBad, 2, "4 tab-separated columns, not 5"},
		{"a Geoeditors file whose name has no month", Inputs{Geoeditors: []string{fxGeoNoName}}, fxGeoNoName, 0, "is not such a name"},
		{"a malformed long CSV", Inputs{Observations: []string{fxObsBad}}, fxObsBad, 0, ""},
		{"a malformed countries file", Inputs{Countries: fxCountries2, WorldBank: []string{fxPop}}, fxCountries2, 0, ""},
		{"population from the World Bank and a long CSV", Inputs{WorldBank: []string{fxPop}, Observations: []string{popCSV}}, popCSV, 0, "gives context.population for NG 2023, which API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv gives too: import one of them"},
		{"one World Bank indicator in two files", Inputs{WorldBank: []string{fxPop, popAgain}}, popAgain, 0, "gives context.population for 2020–2023, which API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv gives too"},
		{"editors from Geoeditors and a long CSV", Inputs{Geoeditors: []string{fxJan}, Observations: []string{editorsCSV}}, editorsCSV, 0, "gives editorship.wp_editors for KE 2023, which Geoeditors 2023-01 gives too"},
		{"one Geoeditors month twice", Inputs{Geoeditors: []string{fxJan, janAgain}}, janAgain, 0, "2023-01 is imported twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Build(bundled(t), tt.in, buildDate, nil)
			if res.Dataset != nil || !res.Problems.Fatal() {
				t.Fatalf("dataset %v, fatal %v; problems:\n%v", res.Dataset != nil, res.Problems.Fatal(), res.Problems)
			}
			found := false
			for _, p := range res.Problems {
				if p.Fatal && p.File == tt.file && (tt.line == 0 || p.Line == tt.line) && strings.Contains(p.Msg, tt.msg) {
					found = true
				}
			}
			if !found {
				t.Errorf("no fatal problem of %s line %d saying %q among:\n%v", tt.file, tt.line, tt.msg, res.Problems)
			}
		})
	}
}

// An import over a database an earlier import built: the file given again
// cites its new file, and what the earlier import's files still provide
// keeps their sources.
func TestBuildOverAnImport(t *testing.T) {
	first := Build(bundled(t), Inputs{WorldBank: []string{fxPop}, Geoeditors: []string{fxJan}}, buildDate, nil)
	if first.Dataset == nil {
		t.Fatal(first.Problems)
	}
	dir := t.TempDir()
	pop, err := os.ReadFile(fxPop)
	if err != nil {
		t.Fatal(err)
	}
	newer := writeFile(t, dir, "API_SP.POP.TOTL_DS2_en_csv_v2_newer.csv", strings.Replace(string(pop), `"2604172"`, `"2700000"`, 1))
	// A countries file without Kenya, whose Geoeditors figures the first
	// import brought.
	cs, err := os.ReadFile(fxCountries)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, l := range strings.Split(string(cs), "\n") {
		if !strings.HasPrefix(l, "Kenya\t") {
			kept = append(kept, l)
		}
	}
	noKenya := writeFile(t, dir, "countries-no-kenya.tsv", strings.Join(kept, "\n"))

	res := Build(first.Dataset, Inputs{WorldBank: []string{newer}}, buildDate.AddDate(0, 1, 0), nil)
	if res.Dataset == nil {
		t.Fatal(res.Problems)
	}
	d := res.Dataset
	if v, _ := d.Value("NA", model.IndPopulation, 2023); v != 2700000 {
		t.Errorf("NA population 2023 = %v, want the newer file's 2700000", v)
	}
	s, _ := d.Source("import-wb-sp.pop.totl")
	_, sum := fileFacts(t, newer)
	if !strings.Contains(s.Title, "newer.csv") || !strings.Contains(s.Note, sum) {
		t.Errorf("population cites %+v, not the newer file", s)
	}
	for _, id := range []string{"import-geoeditors-2023-01-2023-01", "import-geo-2023-01"} {
		if _, ok := d.Source(id); !ok {
			t.Errorf("source %s of the first import's Geoeditors figures is gone", id)
		}
	}
	if pv, _ := d.Provenance("NG", model.IndWPEditors, 2023); pv.Class != model.ClassReal || pv.Source != "import-geoeditors-2023-01-2023-01" || pv.Period != "2023 (1 month)" {
		t.Errorf("NG editors 2023 after a second import: %+v", pv)
	}

	res = Build(first.Dataset, Inputs{Countries: noKenya}, buildDate, nil)
	if res.Dataset == nil {
		t.Fatal(res.Problems)
	}
	if got := res.Dataset.CountryWikis("KE", 2023); len(got) != 0 {
		t.Errorf("Kenya, not in the countries file, has wikis %v", got)
	}
	if got := res.Dataset.CountryWikis("NG", 2023); len(got) == 0 {
		t.Error("Nigeria lost its wikis")
	}
	for _, id := range []string{"import-countries", "import-geo-2023-01", "import-wb-sp.pop.totl"} {
		if _, ok := res.Dataset.Source(id); !ok {
			t.Errorf("no source %s", id)
		}
	}

	// A later import without a countries file keeps the countries, and the
	// source that says where they come from.
	again := Build(res.Dataset, Inputs{WorldBank: []string{newer}}, buildDate, nil)
	if again.Dataset == nil {
		t.Fatal(again.Problems)
	}
	if s, ok := again.Dataset.Source("import-countries"); !ok || !strings.Contains(s.Note, "countries-no-kenya.tsv") {
		t.Errorf("the countries file's source = %+v, %v", s, ok)
	}

	// The sources of the first import's files that nothing uses any more go.
	res = Build(first.Dataset, Inputs{Geoeditors: []string{fxFeb}}, buildDate, nil)
	if res.Dataset == nil {
		t.Fatal(res.Problems)
	}
	if _, ok := res.Dataset.Source("import-geo-2023-01"); ok {
		t.Error("January's source stays, though February's Geoeditors replaced its figures")
	}
	if _, ok := res.Dataset.Source("import-geoeditors-2023-01-2023-01"); ok {
		t.Error("January's span stays, though February's Geoeditors replaced its year")
	}
	if s, _ := res.Dataset.Source("import-geoeditors-2023-02-2023-02"); !strings.Contains(s.Note, "geoeditors-monthly-2023-02.tsv") || strings.Contains(s.Note, "2023-01.tsv") {
		t.Errorf("import-geoeditors-2023-02-2023-02 = %+v", s)
	}
}

// Empty says whether any file was given: `equity import` refuses to run
// without one.
func TestInputsEmpty(t *testing.T) {
	for _, tc := range []struct {
		in   Inputs
		want bool
	}{
		{Inputs{}, true},
		{Inputs{Countries: "c.tsv"}, false},
		{Inputs{WorldBank: []string{"w.csv"}}, false},
		{Inputs{Geoeditors: []string{"g.tsv"}}, false},
		{Inputs{Observations: []string{"o.csv"}}, false},
	} {
		if got := tc.in.Empty(); got != tc.want {
			t.Errorf("%+v.Empty() = %v", tc.in, got)
		}
	}
}

// geo100kReal writes a Geoeditors file of 100,000 rows into dir, named as
// published, with the bundled dataset's own country names and wiki
// databases: 200 countries × 250 wikis × the two activity levels.
func geo100kReal(tb testing.TB, dir string, d *model.Dataset) string {
	tb.Helper()
	if len(d.Countries) < 200 || len(d.Wikis) < 250 {
		tb.Fatalf("%d countries and %d wikis in the bundled dataset", len(d.Countries), len(d.Wikis))
	}
	path := filepath.Join(dir, "geoeditors-monthly-2023-06.tsv")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	n := 0
	for i, wk := range d.Wikis[:250] {
		for j, c := range d.Countries[:200] {
			lo := 10*((i+j)%40) + 1
			fmt.Fprintf(w, "%s\t%s\t5 to 99\t%d\t%d\n", wk.DB, c.Name, lo, lo+9)
			fmt.Fprintf(w, "%s\t%s\t100 or more\t%d\t%d\n", wk.DB, c.Name, lo/10+1, lo/10+10)
			n += 2
		}
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	if n != geoRows {
		tb.Fatalf("%d rows", n)
	}
	return path
}

// BenchmarkImportGeoeditors100k is the budget of the issue, as `equity
// import --geoeditors` spends it: a Geoeditors file of 100,000 rows read,
// hashed and averaged, the bundled dataset's editors replaced by it, and
// every score computed again. Budget: under 2 s and 200 MB.
func BenchmarkImportGeoeditors100k(b *testing.B) {
	base, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		b.Fatal(err)
	}
	path := geo100kReal(b, b.TempDir(), base)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		res := Build(base, Inputs{Geoeditors: []string{path}}, time.Now(), nil)
		if res.Dataset == nil || len(res.Problems) > 0 {
			b.Fatalf("problems: %v", res.Problems)
		}
		if n := len(res.Dataset.AllCountryWikis()); n != geoRows/2 {
			b.Fatalf("%d country wikis, want %d", n, geoRows/2)
		}
	}
}

// TestImportGeoeditors100kBudget holds the budget of the whole import in the
// test suite, as TestGeoeditors100kBudget does for the reader: what one
// Build of 100,000 Geoeditors rows over the bundled dataset allocates in
// all (an upper bound on what it holds at once), and its time, with a wide
// margin for slow and instrumented builds.
func TestImportGeoeditors100kBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	base, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatal(err)
	}
	path := geo100kReal(t, t.TempDir(), base)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	res := Build(base, Inputs{Geoeditors: []string{path}}, time.Now(), nil)
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	if res.Dataset == nil || len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("import of 100,000 rows: %v, %.1f MB allocated", took.Round(time.Millisecond), float64(alloc)/(1<<20))
	if alloc > budgetBytes {
		t.Errorf("allocated %d MB, budget %d MB", alloc>>20, budgetBytes>>20)
	}
	if took > 5*budgetTime {
		t.Errorf("took %v, budget %v", took, budgetTime)
	}
}
