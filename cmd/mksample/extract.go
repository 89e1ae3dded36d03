package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// Paths of the reference files, relative to the reference directory.
const (
	refCountries     = "wikimedia-canonical-data/countries.tsv"
	refWikis         = "wikimedia-canonical-data/wikis.tsv"
	refTerritoryInfo = "cldr-48/territoryInfo.json"
	refLanguageNames = "cldr-48/en-languages.json"
)

// table is one output CSV, held in memory until every source has been read
// so that a failed extraction leaves the committed files untouched.
type table struct {
	name   string
	header []string
	rows   [][]string
}

// scriptNames() gives the English name (CLDR's, with Han shortened to
// "Simplified"/"Traditional" as CLDR does inside language names) of every
// ISO 15924 script that occurs in a CLDR 48 language code of territoryInfo;
// the reference copy has no CLDR script-name file to read them from. It is deliberately closed: a new script must be added by
// hand rather than shown as a bare code.
func scriptNames() map[string]string {
	return map[string]string{
		"Adlm": "Adlam",
		"Arab": "Arabic",
		"Bali": "Balinese",
		"Cyrl": "Cyrillic",
		"Deva": "Devanagari",
		"Geor": "Georgian",
		"Hans": "Simplified",
		"Hant": "Traditional",
		"Latn": "Latin",
		"Mong": "Mongolian",
		"Mymr": "Myanmar",
		"Nkoo": "N’Ko",
		"Shaw": "Shavian",
		"Sinh": "Sinhala",
		"Tale": "Tai Le",
		"Tfng": "Tifinagh",
		"Thai": "Thai",
	}
}

// officialStatuses() are CLDR's values of _officialStatus; anything else means
// the source changed shape and the extract should be looked at.
func officialStatuses() map[string]bool {
	return map[string]bool{
		"":                  true,
		"official":          true,
		"de_facto_official": true,
		"official_regional": true,
		"official_minority": true,
	}
}

var (
	langCodeRE = regexp.MustCompile(`^[a-z]{2,3}(_[A-Z][a-z]{3})?$`)
	decimalRE  = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)
	iso2RE     = regexp.MustCompile(`^[A-Z]{2}$`)
)

// extractSources reads the reference copies under refDir and writes the
// project's source CSVs into outDir.
func extractSources(refDir, outDir string) error {
	countries, err := extractCountries(filepath.Join(refDir, refCountries))
	if err != nil {
		return err
	}
	canonical := make(map[string]bool, len(countries.rows))
	for _, r := range countries.rows {
		canonical[r[0]] = true
	}

	wikis, wikiLangNames, err := extractWikis(filepath.Join(refDir, refWikis))
	if err != nil {
		return err
	}
	territories, countryLangs, err := extractTerritoryInfo(filepath.Join(refDir, refTerritoryInfo), canonical)
	if err != nil {
		return err
	}
	languages, err := extractLanguages(filepath.Join(refDir, refLanguageNames), countryLangs, wikiLangNames)
	if err != nil {
		return err
	}
	wdi, wdiIndicators, err := extractWorldBank(filepath.Join(refDir, refWorldBank), countries)
	if err != nil {
		return err
	}

	pageviews, err := extractPageviews(refDir, countries)
	if err != nil {
		return err
	}
	regionDevices, err := extractRegionDevices(filepath.Join(refDir, refRegionDevice), countries)
	if err != nil {
		return err
	}
	regionEditors, err := extractRegionEditors(filepath.Join(refDir, refRegionEditors), countries)
	if err != nil {
		return err
	}
	topReaders, err := extractTopReaders(filepath.Join(refDir, refTopCountries), countries)
	if err != nil {
		return err
	}
	pageviews.rows = append(pageviews.rows, topReaders...)
	sortRows(pageviews.rows, 2)
	geoeditors, err := extractGeoeditors(filepath.Join(refDir, refGeoeditors), countries)
	if err != nil {
		return err
	}
	editions, err := extractEditions(refDir, countries)
	if err != nil {
		return err
	}
	enwiki, err := extractEnwiki(refDir, countries)
	if err != nil {
		return err
	}

	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", outDir, err)
	}
	for _, t := range []table{countries, territories, countryLangs, languages, pageviews, regionDevices, regionEditors, geoeditors, wdi, wdiIndicators, wikis, editions, enwiki} {
		if err := writeTable(filepath.Join(outDir, t.name), t); err != nil {
			return err
		}
	}
	return nil
}

func extractCountries(path string) (table, error) {
	header, recs, err := readDelimited(path, '\t')
	if err != nil {
		return table{}, err
	}
	// Output column, then the source column it comes from.
	mapping := [][2]string{
		{"iso2", "iso_code"},
		{"iso3", "iso_alpha3_code"},
		{"name", "name"},
		{"wikimedia_region", "wikimedia_region"},
		{"un_continent", "un_continent"},
		{"un_subregion", "un_subcontinent"},
		{"economic_region", "economic_region"},
		{"emerging_class", "emerging_classification"},
		{"market_class", "market_research_classification"},
		{"is_protected", "is_protected"},
		{"data_risk_score", "data_risk_score"},
		{"data_risk_class", "data_risk_classification"},
	}
	t := table{name: "countries.csv"}
	idx := make([]int, len(mapping))
	protected := 0
	for i, m := range mapping {
		t.header = append(t.header, m[0])
		if m[0] == "is_protected" {
			protected = i
		}
		if idx[i], err = column(header, m[1], path); err != nil {
			return table{}, err
		}
	}
	seen := map[string]bool{}
	for n, rec := range recs {
		row := make([]string, len(mapping))
		for i, j := range idx {
			row[i] = strings.TrimSpace(rec[j])
		}
		iso2 := row[0]
		if !iso2RE.MatchString(iso2) {
			return table{}, fmt.Errorf("read %s: row %d: iso_code %q is not two capital letters", path, n+2, iso2)
		}
		if seen[iso2] {
			return table{}, fmt.Errorf("read %s: iso_code %s appears twice", path, iso2)
		}
		seen[iso2] = true
		if row[protected], err = parsePythonBool(row[protected]); err != nil {
			return table{}, fmt.Errorf("read %s: %s is_protected: %w", path, iso2, err)
		}
		t.rows = append(t.rows, row)
	}
	sortRows(t.rows, 1)
	return t, nil
}

// parsePythonBool reads the True/False that pandas writes.
func parsePythonBool(s string) (string, error) {
	switch s {
	case "True":
		return "true", nil
	case "False":
		return "false", nil
	}
	return "", fmt.Errorf("%q is neither True nor False", s)
}

// extractWikis also returns each wiki language code's English name, which
// names the few languages that CLDR has no English name for.
func extractWikis(path string) (table, map[string]string, error) {
	header, recs, err := readDelimited(path, '\t')
	if err != nil {
		return table{}, nil, err
	}
	var idx [5]int
	for i, name := range []string{"database_code", "language_code", "database_group", "status", "language_name"} {
		if idx[i], err = column(header, name, path); err != nil {
			return table{}, nil, err
		}
	}
	t := table{name: "wikis.csv", header: []string{"db", "lang", "project", "status"}}
	names := map[string]string{}
	seen := map[string]bool{}
	for _, rec := range recs {
		row := make([]string, 4)
		for i := range row {
			row[i] = strings.TrimSpace(rec[idx[i]])
		}
		if row[0] == "" {
			return table{}, nil, fmt.Errorf("read %s: a row has no database_code", path)
		}
		if seen[row[0]] {
			return table{}, nil, fmt.Errorf("read %s: database_code %s appears twice", path, row[0])
		}
		seen[row[0]] = true
		t.rows = append(t.rows, row)

		lang, name := row[1], strings.TrimSpace(rec[idx[4]])
		if prev, ok := names[lang]; ok && prev != name {
			return table{}, nil, fmt.Errorf("read %s: language %s is named both %q and %q", path, lang, prev, name)
		}
		names[lang] = name
	}
	sortRows(t.rows, 1)
	return t, names, nil
}

type cldrTerritoryInfo struct {
	Supplemental struct {
		TerritoryInfo map[string]cldrTerritory `json:"territoryInfo"`
	} `json:"supplemental"`
}

// CLDR gives every figure as a JSON string; decoding into strings keeps the
// source's decimal text instead of round-tripping it through float64.
type cldrTerritory struct {
	Population string                  `json:"_population"`
	GDP        string                  `json:"_gdp"`
	Literacy   string                  `json:"_literacyPercent"`
	Languages  map[string]cldrLanguage `json:"languagePopulation"`
}

type cldrLanguage struct {
	PopulationPercent string `json:"_populationPercent"`
	OfficialStatus    string `json:"_officialStatus"`
}

func extractTerritoryInfo(path string, canonical map[string]bool) (territories, countryLangs table, err error) {
	var info cldrTerritoryInfo
	if err := readJSON(path, &info); err != nil {
		return table{}, table{}, err
	}
	territories = table{name: "territories.csv", header: []string{"iso2", "population", "gdp_ppp_usd", "literacy_pct"}}
	countryLangs = table{name: "country_languages.csv", header: []string{"iso2", "lang", "population_pct", "official_status"}}
	for iso2 := range canonical {
		t, ok := info.Supplemental.TerritoryInfo[iso2]
		if !ok {
			return table{}, table{}, fmt.Errorf("read %s: no territory %s", path, iso2)
		}
		for _, v := range []string{t.Population, t.GDP, t.Literacy} {
			if v != "" && !decimalRE.MatchString(v) {
				return table{}, table{}, fmt.Errorf("read %s: %s: %q is not a plain decimal", path, iso2, v)
			}
		}
		territories.rows = append(territories.rows, []string{iso2, t.Population, t.GDP, t.Literacy})
		for lang, l := range t.Languages {
			if !langCodeRE.MatchString(lang) {
				return table{}, table{}, fmt.Errorf("read %s: %s: unexpected language code %q", path, iso2, lang)
			}
			if !decimalRE.MatchString(l.PopulationPercent) {
				return table{}, table{}, fmt.Errorf("read %s: %s %s: population share %q is not a plain decimal", path, iso2, lang, l.PopulationPercent)
			}
			if !officialStatuses()[l.OfficialStatus] {
				return table{}, table{}, fmt.Errorf("read %s: %s %s: unknown official status %q", path, iso2, lang, l.OfficialStatus)
			}
			countryLangs.rows = append(countryLangs.rows, []string{iso2, lang, l.PopulationPercent, l.OfficialStatus})
		}
	}
	sortRows(territories.rows, 1)
	sortRows(countryLangs.rows, 2)
	return territories, countryLangs, nil
}

type cldrLocaleNames struct {
	Main struct {
		En struct {
			LocaleDisplayNames struct {
				Languages map[string]string `json:"languages"`
			} `json:"localeDisplayNames"`
		} `json:"en"`
	} `json:"main"`
}

func extractLanguages(path string, countryLangs table, wikiNames map[string]string) (table, error) {
	var names cldrLocaleNames
	if err := readJSON(path, &names); err != nil {
		return table{}, err
	}
	cldr := names.Main.En.LocaleDisplayNames.Languages
	if len(cldr) == 0 {
		return table{}, fmt.Errorf("read %s: no English language names", path)
	}
	t := table{name: "languages.csv", header: []string{"code", "name"}}
	seen := map[string]bool{}
	for _, r := range countryLangs.rows {
		code := r[1]
		if seen[code] {
			continue
		}
		seen[code] = true
		name, err := languageName(code, cldr, wikiNames)
		if err != nil {
			return table{}, err
		}
		t.rows = append(t.rows, []string{code, name})
	}
	sortRows(t.rows, 1)
	return t, nil
}

// languageName gives the English name of a CLDR language code such as "fr"
// or "kk_Arab". CLDR's own name wins, including for a whole script-suffixed
// code ("zh-Hant" is "Traditional Chinese"); otherwise a suffixed code is
// named "Base (Script)". CLDR 48 has no English name for some 200 minority
// languages of territoryInfo; for those the Wikimedia wiki's language name is
// used when a wiki exists, and otherwise the name is left empty rather than
// invented.
func languageName(code string, cldr, wikiNames map[string]string) (string, error) {
	if !langCodeRE.MatchString(code) {
		return "", fmt.Errorf("language %q is not a language code with an optional script", code)
	}
	// CLDR's name lists spell subtags with '-', territoryInfo with '_'.
	if name := cldr[strings.ReplaceAll(code, "_", "-")]; name != "" {
		return name, nil
	}
	base, script, hasScript := strings.Cut(code, "_")
	baseName := cldr[base]
	if baseName == "" {
		baseName = wikiNames[base]
	}
	if !hasScript {
		return baseName, nil
	}
	scriptName, ok := scriptNames()[script]
	if !ok {
		return "", fmt.Errorf("language %s: script %s has no English name in mksample's script list", code, script)
	}
	if baseName == "" {
		return "", nil
	}
	return baseName + " (" + scriptName + ")", nil
}

// readDelimited reads a header row and records that all have the header's
// width. encoding/csv also reads the TSVs: pandas quotes TSV fields the same
// way it quotes CSV ones.
func readDelimited(path string, comma rune) (header []string, recs [][]string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = comma
	all, err := r.ReadAll()
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(all) == 0 {
		return nil, nil, fmt.Errorf("read %s: empty file", path)
	}
	header = all[0]
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\uFEFF")
	}
	return header, all[1:], nil
}

func column(header []string, name, path string) (int, error) {
	for i, h := range header {
		if strings.TrimSpace(h) == name {
			return i, nil
		}
	}
	return 0, fmt.Errorf("read %s: no column %q", path, name)
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

// sortRows orders rows by their first n columns, bytewise, so the output
// does not depend on map iteration or source order.
func sortRows(rows [][]string, n int) {
	slices.SortFunc(rows, func(a, b []string) int {
		for i := range n {
			if c := strings.Compare(a[i], b[i]); c != 0 {
				return c
			}
		}
		return 0
	})
}

func writeTable(path string, t table) error {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.Write(t.header); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := w.WriteAll(t.rows); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
