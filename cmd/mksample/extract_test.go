package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const (
	referenceDir = "../../../shared/reference"
	committedDir = "../../sample-data/sources"
)

var sourceFiles = []string{
	"countries.csv",
	"country_languages.csv",
	"editions.csv",
	"enwiki_views.csv",
	"geoeditors.csv",
	"languages.csv",
	"pageviews.csv",
	"regional_devices.csv",
	"regional_editors.csv",
	"territories.csv",
	"wdi.csv",
	"wdi_indicators.csv",
	"wikis.csv",
}

// handFiles are the CSVs written by hand from documents, not extracted:
// the movement context (SOURCES.md says so).
var handFiles = []string{"initiatives.csv", "movement_metrics.csv"}

// TestExtractMatchesCommitted proves that the committed CSVs are exactly what
// the extraction makes of the reference copies, so no hand edit hides in them.
func TestExtractMatchesCommitted(t *testing.T) {
	if _, err := os.Stat(referenceDir); err != nil {
		t.Skipf("reference data not present: %v", err)
	}
	out := t.TempDir()
	if err := extractSources(referenceDir, out); err != nil {
		t.Fatal(err)
	}

	for _, dir := range []string{out, committedDir} {
		names, err := filepath.Glob(filepath.Join(dir, "*.csv"))
		if err != nil {
			t.Fatal(err)
		}
		for i := range names {
			names[i] = filepath.Base(names[i])
		}
		names = slices.DeleteFunc(names, func(n string) bool { return slices.Contains(handFiles, n) })
		if !slices.Equal(names, sourceFiles) {
			t.Errorf("%s holds %v, want %v", dir, names, sourceFiles)
		}
	}

	for _, name := range sourceFiles {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(committedDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: extract differs from the committed file; run go run ./cmd/mksample -extract ../shared/reference", name)
		}
	}

	// A second run must not change a byte: map iteration must not leak out.
	again := t.TempDir()
	if err := extractSources(referenceDir, again); err != nil {
		t.Fatal(err)
	}
	for _, name := range sourceFiles {
		a, _ := os.ReadFile(filepath.Join(out, name))
		b, _ := os.ReadFile(filepath.Join(again, name))
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two extractions differ", name)
		}
	}
}

// readCommitted reads a committed CSV as maps keyed by header name. The fact
// checks below read the committed files, so they run without the reference.
func readCommitted(t *testing.T, name string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(committedDir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}

func TestCommittedCountries(t *testing.T) {
	rows := readCommitted(t, "countries.csv")
	if len(rows) != 250 {
		t.Errorf("got %d countries, want 250", len(rows))
	}
	byISO := map[string]map[string]string{}
	regions := map[string]int{}
	for i, r := range rows {
		byISO[r["iso2"]] = r
		regions[r["wikimedia_region"]]++
		if i > 0 && rows[i-1]["iso2"] >= r["iso2"] {
			t.Errorf("countries not sorted by iso2 at %s", r["iso2"])
		}
		if p := r["is_protected"]; p != "true" && p != "false" {
			t.Errorf("%s: is_protected %q", r["iso2"], p)
		}
	}
	if na := byISO["NA"]; na == nil || na["name"] != "Namibia" || na["iso3"] != "NAM" {
		t.Errorf("Namibia's code NA lost: %v", na)
	}
	if aq := byISO["AQ"]; aq == nil || aq["wikimedia_region"] != "" {
		t.Errorf("Antarctica should have no Wikimedia region: %v", aq)
	}
	wantRegions := map[string]int{
		"Sub-Saharan Africa":                      54,
		"Latin America & Caribbean":               53,
		"East, Southeast Asia, & Pacific":         48,
		"Northern & Western Europe":               33,
		"Central & Eastern Europe & Central Asia": 32,
		"Middle East & North Africa":              19,
		"South Asia":                              8,
		"North America":                           2,
		"":                                        1,
	}
	for region, n := range wantRegions {
		if regions[region] != n {
			t.Errorf("region %q has %d countries, want %d", region, regions[region], n)
		}
	}
	if len(regions) != len(wantRegions) {
		t.Errorf("regions %v, want %v", regions, wantRegions)
	}
}

func TestCommittedCrossReferences(t *testing.T) {
	countries := map[string]bool{}
	for _, r := range readCommitted(t, "countries.csv") {
		countries[r["iso2"]] = true
	}
	territories := readCommitted(t, "territories.csv")
	if len(territories) != len(countries) {
		t.Errorf("%d territories for %d countries", len(territories), len(countries))
	}
	for _, r := range territories {
		if !countries[r["iso2"]] {
			t.Errorf("territory %s is not a country", r["iso2"])
		}
	}

	languages := map[string]string{}
	for _, r := range readCommitted(t, "languages.csv") {
		languages[r["code"]] = r["name"]
	}
	used := map[string]bool{}
	for _, r := range readCommitted(t, "country_languages.csv") {
		if !countries[r["iso2"]] {
			t.Errorf("country_languages: %s is not a country", r["iso2"])
		}
		if _, ok := languages[r["lang"]]; !ok {
			t.Errorf("country_languages: %s has no row in languages.csv", r["lang"])
		}
		used[r["lang"]] = true
	}
	if len(used) != len(languages) {
		t.Errorf("languages.csv has %d codes, country_languages uses %d", len(languages), len(used))
	}
	for code, want := range map[string]string{
		"fr":       "French",
		"kk_Arab":  "Kazakh (Arabic)",
		"sr_Latn":  "Serbian (Latin)",
		"zh_Hant":  "Traditional Chinese", // CLDR names zh-Hant itself
		"yue_Hans": "Cantonese (Simplified)",
		"skr":      "Saraiki", // no CLDR name; from wikis.tsv
	} {
		if got := languages[code]; got != want {
			t.Errorf("language %s named %q, want %q", code, got, want)
		}
	}

	// CLDR 48 has no English name for these minority languages (and wikis.tsv
	// names none of them); a change in the count means the sources moved.
	unnamed := 0
	for _, name := range languages {
		if name == "" {
			unnamed++
		}
	}
	if unnamed != 208 {
		t.Errorf("%d languages without an English name, want 208", unnamed)
	}
}

func TestLanguageName(t *testing.T) {
	cldr := map[string]string{
		"kk":      "Kazakh",
		"zh":      "Chinese",
		"zh-Hant": "Traditional Chinese",
		"bm":      "Bambara",
		"und":     "Unknown language",
	}
	wiki := map[string]string{"skr": "Saraiki", "kk": "Kazakh (wiki)"}
	tests := []struct {
		code, want string
		wantErr    bool
	}{
		{code: "kk", want: "Kazakh"},
		{code: "und", want: "Unknown language"},
		{code: "kk_Arab", want: "Kazakh (Arabic)"},
		{code: "kk_Cyrl", want: "Kazakh (Cyrillic)"},
		{code: "zh_Hans", want: "Chinese (Simplified)"},
		{code: "zh_Hant", want: "Traditional Chinese"},
		{code: "bm_Nkoo", want: "Bambara (N’Ko)"},
		{code: "skr", want: "Saraiki"},
		{code: "skr_Arab", want: "Saraiki (Arabic)"},
		{code: "abq", want: ""},
		{code: "abq_Latn", want: ""},
		{code: "kk_Zzzz", wantErr: true},
		{code: "abq_Zzzz", wantErr: true},
		{code: "zh_Hant_HK", wantErr: true},
		{code: "zh-Hant", wantErr: true},
		{code: "", wantErr: true},
	}
	for _, tt := range tests {
		got, err := languageName(tt.code, cldr, wiki)
		if (err != nil) != tt.wantErr {
			t.Errorf("languageName(%q) error %v, wantErr %v", tt.code, err, tt.wantErr)
			continue
		}
		if err == nil && got != tt.want {
			t.Errorf("languageName(%q) = %q, want %q", tt.code, got, tt.want)
		}
		if err != nil && tt.code != "" && !strings.Contains(err.Error(), tt.code) {
			t.Errorf("languageName(%q) error %q does not name the code", tt.code, err)
		}
	}
}

func TestParsePythonBool(t *testing.T) {
	for in, want := range map[string]string{"True": "true", "False": "false", "true": "", "": "", "1": ""} {
		got, err := parsePythonBool(in)
		if want == "" {
			if err == nil {
				t.Errorf("parsePythonBool(%q) = %q, want an error", in, got)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("parsePythonBool(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestRunExtractError(t *testing.T) {
	var stderr bytes.Buffer
	code := run([]string{"-extract", filepath.Join(t.TempDir(), "missing"), "-sources", t.TempDir()}, &stderr)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if msg := stderr.String(); strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "countries.tsv") {
		t.Errorf("stderr %q, want one line naming the missing file", msg)
	}
}
