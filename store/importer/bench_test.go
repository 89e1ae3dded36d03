package importer

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/equitylandscape/equity/model"
)

// The budget: a Geoeditors file of 100,000 rows is read and averaged into
// yearly editorship in under 2 s and 200 MB.
const (
	geoRows     = 100_000
	budgetTime  = 2 * time.Second
	budgetBytes = 200 << 20
)

// geo100k writes a Geoeditors file of 100,000 rows into dir: 200 countries
// × 250 wikis × the two activity levels, with a "Unknown" row for each wiki
// on top, and returns the countries and wikis it names.
func geo100k(tb testing.TB, dir string) (path string, countries []model.Country, wikis []model.Wiki) {
	tb.Helper()
	for i := range 200 {
		code := string([]byte{'A' + byte(i/26), 'A' + byte(i%26)})
		countries = append(countries, model.Country{ISO2: code, ISO3: code + "X", Name: "Republic of " + code})
	}
	for i := range 250 {
		project := "wikipedia"
		if i%5 == 0 {
			project = "wiktionary"
		}
		wikis = append(wikis, model.Wiki{DB: fmt.Sprintf("w%03dwiki", i), Project: project, Status: "open"})
	}
	path = filepath.Join(dir, "geoeditors-monthly-2023-01.tsv")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	n := 0
	for i, wk := range wikis {
		for j, c := range countries {
			lo := 10*((i+j)%40) + 1
			fmt.Fprintf(w, "%s\t%s\t5 to 99\t%d\t%d\n", wk.DB, c.Name, lo, lo+9)
			fmt.Fprintf(w, "%s\t%s\t100 or more\t%d\t%d\n", wk.DB, c.Name, lo/10+1, lo/10+10)
			n += 2
		}
		fmt.Fprintf(w, "%s\tUnknown\t5 to 99\t1\t10\n", wk.DB)
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
	return path, countries, wikis
}

// import100k reads the file and averages it, as `equity import` does.
func import100k(tb testing.TB, path string, names *Names, wikis []model.Wiki) Editorship {
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	g, ps := ReadGeoeditors(f, path, names)
	if len(ps) > 0 || len(g.Rows) != geoRows || g.Unknown != 250 {
		tb.Fatalf("%d rows, %d unknown, problems %v", len(g.Rows), g.Unknown, ps)
	}
	ed, ps := YearlyEditorship([]GeoMonth{g}, wikis)
	if len(ps) > 0 || len(ed.CountryWikis) != geoRows/2 || len(ed.Observations) != 3*200 {
		tb.Fatalf("%d country wikis, %d observations, problems %v", len(ed.CountryWikis), len(ed.Observations), ps)
	}
	return ed
}

// BenchmarkGeoeditors100k reads a Geoeditors file of 100,000 rows from disk
// and computes the yearly editorship from it.
func BenchmarkGeoeditors100k(b *testing.B) {
	path, countries, wikis := geo100k(b, b.TempDir())
	names := NewNames(countries)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		import100k(b, path, names, wikis)
	}
}

// TestGeoeditors100kBudget holds the budget in the test suite: what one
// import of 100,000 rows allocates in all (an upper bound on the memory it
// holds at once), and the time it takes, with a wide margin for slow and
// instrumented builds.
func TestGeoeditors100kBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	path, countries, wikis := geo100k(t, t.TempDir())
	names := NewNames(countries)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	import100k(t, path, names, wikis)
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("100,000 rows: %v, %.1f MB allocated", took.Round(time.Millisecond), float64(alloc)/(1<<20))
	if alloc > budgetBytes {
		t.Errorf("allocated %d MB, budget %d MB", alloc>>20, budgetBytes>>20)
	}
	if took > 5*budgetTime {
		t.Errorf("took %v, budget %v", took, budgetTime)
	}
}
