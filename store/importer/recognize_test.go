package importer

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestRecognize(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	for _, tc := range []struct {
		name string
		path string
		want Kind
		err  string // a part of the error, when one is expected
	}{
		{"World Bank fixture, with its BOM", filepath.Join("testdata", "API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv"), KindWorldBank, ""},
		{"World Bank, malformed further down", filepath.Join("testdata", "API_IT.NET.USER.ZS_DS2_en_csv_v2_malformed.csv"), KindWorldBank, ""},
		{"countries TSV", filepath.Join("testdata", "countries.tsv"), KindCountries, ""},
		{"long CSV", filepath.Join("testdata", "observations.csv"), KindObservations, ""},
		{"Geoeditors, by its name", filepath.Join("testdata", "geoeditors", "geoeditors-monthly-2023-01.tsv"), KindGeoeditors, ""},
		{"Geoeditors gzipped, by its name alone", filepath.Join(dir, "geoeditors-monthly-2024-12.tsv.gz"), KindGeoeditors, ""},
		{"long CSV, columns in another order and case", write("obs.csv", "Year,Value,Country,Indicator,source\r\n2023,1,NG,affiliates.count,x\r\n"), KindObservations, ""},
		{"World Bank unquoted", write("wb.csv", "Data Source,World Development Indicators,\n"), KindWorldBank, ""},
		{"a Geoeditors file renamed", write("editors.tsv", "Nigeria\tenwiki\t5 to 99\t10\n"), 0, "cannot tell what kind of file"},
		{"a countries TSV missing a column", write("c.tsv", "name\tiso_code\n"), 0, "give it after --countries, --worldbank, --geoeditors, --pageviews or --observations"},
		{"empty", write("empty.csv", ""), 0, "cannot tell what kind of file"},
		{"random bytes", write("rnd.csv", "\x00\x01\xff\xfe"+strings.Repeat("x", 70<<10)), 0, "cannot tell what kind of file"},
		{"missing", filepath.Join(dir, "no-such.csv"), 0, "cannot be read"},
		{"a directory", dir, 0, "is a directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Recognize(tc.path)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || strings.Count(err.Error(), "\n") > 0 {
					t.Fatalf("Recognize(%s) = %v, %v; want an error saying %q", tc.path, got, err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("Recognize(%s) = %v, %v; want %v", tc.path, got, err, tc.want)
			}
		})
	}
}

func TestInputsAdd(t *testing.T) {
	var in Inputs
	for _, f := range []struct {
		k    Kind
		path string
	}{{KindCountries, "c.tsv"}, {KindWorldBank, "a.csv"}, {KindWorldBank, "b.csv"}, {KindGeoeditors, "g.tsv"}, {KindObservations, "o.csv"}, {KindCountries, "c.tsv"}} {
		if err := in.Add(f.k, f.path); err != nil {
			t.Fatalf("Add(%v, %s): %v", f.k, f.path, err)
		}
	}
	want := Inputs{Countries: "c.tsv", WorldBank: []string{"a.csv", "b.csv"}, Geoeditors: []string{"g.tsv"}, Observations: []string{"o.csv"}}
	if !reflect.DeepEqual(in, want) {
		t.Errorf("inputs %+v, want %+v", in, want)
	}
	if err := in.Add(KindCountries, "other.tsv"); err == nil || !strings.Contains(err.Error(), "two countries files") {
		t.Errorf("a second countries file: %v, want an error", err)
	}
	if err := in.Add(0, "x"); err == nil {
		t.Error("Add of no kind: no error")
	}
}
