package store_test

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

// embeddedBytes returns the bytes of the database compiled into the binary.
func embeddedBytes(tb testing.TB) []byte {
	tb.Helper()
	b, err := fs.ReadFile(sampledata.FS, sampledata.DBName)
	if err != nil {
		tb.Fatalf("read the embedded database: %v", err)
	}
	return b
}

// copyEmbedded writes a copy of the embedded database to dir/name.
func copyEmbedded(tb testing.TB, dir, name string) string {
	tb.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, embeddedBytes(tb), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// withoutPacks returns the database db with its packs deleted and the file
// vacuumed: a database the load reads from its rows, as an older equity
// wrote them.
func withoutPacks(tb testing.TB, db []byte) []byte {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "rows.db")
	if err := os.WriteFile(path, db, 0o644); err != nil {
		tb.Fatal(err)
	}
	execSQL(tb, path, "DELETE FROM packs", "VACUUM")
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// loadEmbedded loads the embedded database or fails the test.
func loadEmbedded(tb testing.TB) *model.Dataset {
	tb.Helper()
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		tb.Fatalf("LoadFS(embedded): %v", err)
	}
	return d
}

// execSQL runs statements on the database at path through database/sql, the
// way another program could change a file behind equity's back.
func execSQL(tb testing.TB, path string, stmts ...string) {
	tb.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			tb.Fatalf("%s: %v", s, err)
		}
	}
	if err := db.Close(); err != nil {
		tb.Fatalf("close %s: %v", path, err)
	}
}

// queryInt runs a query that returns one integer, read-only.
func queryInt(tb testing.TB, path, q string) int {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(q).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	return n
}

// snapshot records every file under dir: its mode, modification time and a
// hash of its bytes, so that a test can tell that nothing was created,
// removed or changed, even for a moment (a directory's time changes when a
// file comes and goes in it).
func snapshot(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	return snapshotOf(tb, dir, true)
}

// fileSnapshot is snapshot without the directories' times, for a test of
// something that may create a file and remove it again.
func fileSnapshot(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	return snapshotOf(tb, dir, false)
}

func snapshotOf(tb testing.TB, dir string, dirTimes bool) map[string]string {
	tb.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, path)
		if errors.Is(err, fs.ErrPermission) && e != nil && e.IsDir() {
			out[rel] = "unreadable directory"
			return fs.SkipDir
		}
		if err != nil {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		stamp := info.Mode().String() + " " + info.ModTime().Format(time.RFC3339Nano)
		if e.IsDir() {
			out[rel] = info.Mode().String()
			if dirTimes {
				out[rel] = stamp
			}
			return nil
		}
		b, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrPermission) {
			out[rel] = stamp + " unreadable"
			return nil
		}
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		out[rel] = stamp + " " + hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		tb.Fatalf("snapshot %s: %v", dir, err)
	}
	return out
}

// sameSnapshot reports every difference between two snapshots.
func sameSnapshot(tb testing.TB, before, after map[string]string) {
	tb.Helper()
	for k, v := range before {
		if w, ok := after[k]; !ok {
			tb.Errorf("%s was removed", k)
		} else if w != v {
			tb.Errorf("%s changed: %s, was %s", k, w, v)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			tb.Errorf("%s was created", k)
		}
	}
}

func ptr(f float64) *float64 { return &f }

// fixtureParts is a small dataset that uses every field the schema stores:
// countries with and without a data risk score and languages, sources,
// every indicator of the catalog, awkward floating-point values, wikis and
// meta.
func fixtureParts() model.Parts {
	inds := model.Catalog()
	for i := range inds {
		if inds[i].Facet == model.Context {
			inds[i].SourceID = "cldr"
		} else {
			inds[i].SourceID, inds[i].Modeled = "model", true
		}
	}
	p := model.Parts{
		Meta: model.Meta{
			Title: "Round trip — fixture", Kind: model.KindImported, BuiltAt: "2025-01-02",
			Notes: "Notes with ünïcode, 'quotes', \"double quotes\" and a ; semicolon.",
		},
		Countries: []model.Country{
			{ISO2: "BR", ISO3: "BRA", Name: "Brazil", WikimediaRegion: "Latin America & Caribbean", UNContinent: "Americas",
				UNSubregion: "South America", EconomicRegion: "Global South", EmergingClass: "Emerging", MarketClass: "Expand",
				DataRiskScore: ptr(2.75), DataRiskClass: "Moderate",
				Languages: []model.CountryLanguage{
					{Lang: "pt", PopulationPct: 98.5, OfficialStatus: "official"},
					{Lang: "de", PopulationPct: 1.0 / 3, OfficialStatus: ""},
					{Lang: "en", PopulationPct: 7, OfficialStatus: "official_regional"},
				}},
			{ISO2: "AX", ISO3: "ALA", Name: "Åland Islands", WikimediaRegion: "Northern & Western Europe", UNContinent: "Europe",
				UNSubregion: "Northern Europe", EconomicRegion: "Global North", EmergingClass: "", MarketClass: "",
				Protected: true, DataRiskScore: nil, DataRiskClass: "",
				Languages: []model.CountryLanguage{{Lang: "sv", PopulationPct: 100, OfficialStatus: "official"}}},
			{ISO2: "KE", ISO3: "KEN", Name: "Kenya", WikimediaRegion: "Sub-Saharan Africa", UNContinent: "Africa",
				UNSubregion: "Eastern Africa", EconomicRegion: "Global South", EmergingClass: "Least Developed", MarketClass: "Protect",
				Protected: true, DataRiskScore: ptr(0), DataRiskClass: "Low"},
			{ISO2: "NO", ISO3: "NOR", Name: "Norway", WikimediaRegion: "Northern & Western Europe", UNContinent: "Europe",
				UNSubregion: "Northern Europe", EconomicRegion: "Global North", EmergingClass: "Developed", MarketClass: "Build",
				DataRiskScore: ptr(-1e-300), DataRiskClass: "High",
				Languages: []model.CountryLanguage{{Lang: "nb", PopulationPct: 95, OfficialStatus: "official"}, {Lang: "se", PopulationPct: 0.5, OfficialStatus: "official_regional"}}},
		},
		Sources: []model.Source{
			{ID: "model", Title: "Modeled", Publisher: "equity", Year: 2025, Licence: "CC0-1.0", URL: "", Note: "modeled; do not cite"},
			{ID: "cldr", Title: "CLDR 48", Publisher: "Unicode, Inc.", Year: 2025, Licence: "Unicode-3.0", URL: "https://cldr.unicode.org/", Note: ""},
		},
		Indicators: inds,
		Languages:  map[string]string{"pt": "Portuguese", "de": "German", "en": "English", "sv": "Swedish", "nb": "Norwegian Bokmål", "se": "Northern Sami", "xx": ""},
		Wikis: []model.Wiki{
			{DB: "ptwiki", Lang: "pt", Project: "wikipedia", Status: "open"},
			{DB: "svwiki", Lang: "sv", Project: "wikipedia", Status: "open"},
			{DB: "sewiktionary", Lang: "se", Project: "wiktionary", Status: "closed"},
			{DB: "nowiki", Lang: "no", Project: "wikipedia", Status: "open"},
		},
	}
	// Values that a lossy store would change: thirds, huge and tiny
	// magnitudes, integral floats SQLite keeps as integers, negatives.
	awkward := []float64{1.0 / 3, 12345678.9, 1e-9, 7, 0, 2.5e15 + 0.5, math.MaxFloat64 / 4, 4.9e-324, 99.99, 1 << 53, -3.25}
	k := 0
	for ci, c := range p.Countries {
		for ii, ind := range inds {
			if ind.Derived() {
				continue
			}
			years := []int{2020, 2021, 2022}
			if ind.Facet == model.Context {
				years = []int{2019}
			}
			for _, y := range years {
				k++
				if (ci+ii+y)%7 == 0 {
					continue // leave gaps, as real data has
				}
				v := awkward[k%len(awkward)] * float64(1+ci)
				if ind.Facet != model.Context && v < 0 {
					v = -v
				}
				p.Observations = append(p.Observations, model.Observation{ISO2: c.ISO2, Indicator: ind.ID, Year: y, Value: v})
			}
		}
	}
	return p
}

// fixture is fixtureParts indexed and scored.
func fixture(tb testing.TB) *model.Dataset {
	tb.Helper()
	d, err := model.New(fixtureParts())
	if err != nil {
		tb.Fatalf("model.New(fixture): %v", err)
	}
	scores := model.ComputeScores(d)
	if len(scores) == 0 {
		tb.Fatal("the fixture has no scores")
	}
	d.SetScores(scores)
	return d
}

// writeDataset writes d to dir/name and returns the path.
func writeDataset(tb testing.TB, d *model.Dataset, dir, name string) string {
	tb.Helper()
	path := filepath.Join(dir, name)
	if err := store.Write(path, d); err != nil {
		tb.Fatalf("Write(%s): %v", path, err)
	}
	return path
}
