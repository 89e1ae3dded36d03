package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
)

// The readers take files from anywhere: whatever the bytes, a reader must
// not panic, and each problem must be one clean line that names a line of
// the file (0 for the whole file) no further than the file goes.

// addFiles seeds a fuzz target with testdata files.
func addFiles(f *testing.F, names ...string) {
	f.Helper()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("testdata", filepath.FromSlash(n)))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func checkFuzzProblems(t *testing.T, data []byte, ps Problems) {
	t.Helper()
	lines := bytes.Count(data, []byte("\n")) + 1
	for _, p := range ps {
		s := p.String()
		if strings.ContainsAny(s, "\n\r\x1b") || model.CleanText(s) != s {
			t.Fatalf("problem %q is not one clean line", s)
		}
		// The summary of problems past MaxProblems has no line; a line
		// past the end may be counted by a reader that reads one more.
		if p.Line < 0 || p.Line > lines+1 {
			t.Fatalf("problem at line %d of a file of %d lines: %s", p.Line, lines, s)
		}
	}
}

func FuzzReadCountries(f *testing.F) {
	addFiles(f, "countries.tsv", "countries-bad.tsv")
	f.Add([]byte("name\tiso_code\n\"unterminated\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, ps := ReadCountries(bytes.NewReader(data), "c.tsv")
		checkFuzzProblems(t, data, ps)
		if !ps.Fatal() {
			if _, err := model.New(model.Parts{Countries: cs}); err != nil && len(cs) > 0 {
				t.Fatalf("countries read without a fatal problem do not make a dataset: %v", err)
			}
		}
	})
}

func FuzzReadWorldBank(f *testing.F) {
	addFiles(f, "API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv", "API_IT.NET.USER.ZS_DS2_en_csv_v2_malformed.csv",
		"wdi-mobile-resaved.csv", "wdi-population-trimmed.csv", "wdi-gdp-no-preamble.csv", "wdi-literacy-partial.csv")
	countries := fixtureCountries(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		_, ps := ReadWorldBank(bytes.NewReader(data), "wb.csv", countries)
		checkFuzzProblems(t, data, ps)
	})
}

func FuzzReadGeoeditors(f *testing.F) {
	addFiles(f, "geoeditors/geoeditors-monthly-2023-01.tsv", "geoeditors-bad/geoeditors-monthly-2023-03.tsv")
	names := NewNames(fixtureCountries(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, ps := ReadGeoeditors(bytes.NewReader(data), "geoeditors-monthly-2023-01.tsv", names)
		checkFuzzProblems(t, data, ps)
	})
}

func FuzzReadObservations(f *testing.F) {
	addFiles(f, "observations.csv", "observations-bad.csv")
	countries := fixtureCountries(f)
	names := NewNames(countries)
	f.Fuzz(func(t *testing.T, data []byte) {
		_, ps := ReadObservations(bytes.NewReader(data), "o.csv", names, model.Catalog())
		checkFuzzProblems(t, data, ps)
	})
}
