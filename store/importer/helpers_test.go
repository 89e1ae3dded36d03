package importer

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
)

// referenceDir is the shared reference data, next to the repository; tests
// that read it skip when it is absent.
const referenceDir = "../../../shared/reference"

// open opens a file of testdata for the duration of the test.
func open(t testing.TB, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// fixtureCountries reads testdata/countries.tsv, which must read cleanly.
func fixtureCountries(t testing.TB) []model.Country {
	t.Helper()
	cs, ps := ReadCountries(open(t, "countries.tsv"), "countries.tsv")
	if len(ps) > 0 {
		t.Fatalf("countries.tsv: %v", ps)
	}
	return cs
}

// fixtureWikis is the wikis list of the Geoeditors tests: xyzwiki, which the
// files name, is deliberately absent.
func fixtureWikis() []model.Wiki {
	return []model.Wiki{
		{DB: "commonswiki", Lang: "en", Project: "commons", Status: "open"},
		{DB: "dewiki", Lang: "de", Project: "wikipedia", Status: "open"},
		{DB: "enwiki", Lang: "en", Project: "wikipedia", Status: "open"},
		{DB: "frwiki", Lang: "fr", Project: "wikipedia", Status: "open"},
		{DB: "hawiki", Lang: "ha", Project: "wikipedia", Status: "open"},
		{DB: "swwiki", Lang: "sw", Project: "wikipedia", Status: "open"},
	}
}

// want is a problem as a test expects it.
type want struct {
	line  int
	fatal bool
	msg   string // a part of the message
}

// checkProblems compares problems with what is expected, in order.
func checkProblems(t *testing.T, got Problems, file string, wants ...want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Errorf("%d problems, want %d:\n%v", len(got), len(wants), got)
	}
	for i := 0; i < len(got) && i < len(wants); i++ {
		g, w := got[i], wants[i]
		if g.File != file || g.Line != w.line || g.Fatal != w.fatal || !strings.Contains(g.Msg, w.msg) {
			t.Errorf("problem %d = %+v, want %s line %d fatal %v containing %q", i, g, file, w.line, w.fatal, w.msg)
		}
	}
}

func deepEqual[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s =\n%+v\nwant\n%+v", what, got, want)
	}
}

func ptr(v float64) *float64 { return &v }
