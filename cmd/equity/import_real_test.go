package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The releases users download today, imported together as a user would: a
// World Bank file as a spreadsheet saved it, a REST API month of page views
// and a month of the differentially private Geoeditors release (the real
// rows for Chile); then `info` lists each file as a source with its period
// and licence, and the inputs they made real. The reference copies live
// beside the project; the test skips without them.
func TestImportRealReleases(t *testing.T) {
	ref := filepath.Join("..", "..", "..", "shared", "reference")
	wdi := filepath.Join(ref, "world-bank-wdi", "API_IT.NET.USER.ZS_DS2_en_csv_v2_33086.csv")
	api := filepath.Join(ref, "wikimedia-readership", "aqs-top-by-country-enwiki", "2020-01.json")
	views := filepath.Join(ref, "wikimedia-readership", "wikistats2", "all-projects_page-views-by-country_2025-09.csv")
	chile := filepath.Join(ref, "wikimedia-editors", "geoeditors_monthly_CL_2023-07_to_2024.csv")
	for _, p := range []string{wdi, api, views, chile} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("no reference copy %s", p)
		}
	}
	dir := t.TempDir()
	// One month of the Chile rows, as the release publishes a month.
	b, err := os.ReadFile(chile)
	if err != nil {
		t.Fatal(err)
	}
	var month []string
	for i, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if i == 0 || strings.HasSuffix(l, ",2023-07") {
			month = append(month, l)
		}
	}
	dp := filepath.Join(dir, "2023-07.csv")
	if err := os.WriteFile(dp, []byte(strings.Join(month, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "x.db")
	stdout, stderr, status := equity(t, nil, "import", "--out", db, wdi, api, views, dp)
	if status != 0 {
		t.Fatalf("import: status %d\n%s", status, stderr)
	}
	mustContain(t, "import", stdout,
		"IT.NET.USER.ZS for 213 countries, 1990–2025",
		"Geoeditors (differentially private): 1 month, 2023-07: editors of 1 country",
		"2020-01.json: which editions 244 countries read, 2020-01 en.wikipedia",
		"page views of 214 countries, 2025-09 all-projects",
		"Real now (no modeled figure left): context.internet_pct.")
	mustContain(t, "import", stderr, "rows repeat an earlier row exactly")

	out, errOut, status := equity(t, nil, "--db", db, "info")
	if status != 0 {
		t.Fatalf("info: status %d: %s", status, errOut)
	}
	mustContain(t, "info", out,
		// each file, with the period it covers and its licence
		"World Bank WDI: Individuals using the Internet (% of population), 1990–2025 (API_IT.NET.USER.ZS_DS2_en_csv_v2_33086.csv)", "CC-BY-4.0",
		"Page views by country, 2020-01 en.wikipedia (2020-01.json)",
		"Page views by country, 2025-09 all-projects (all-projects_page-views-by-country_2025-09.csv)",
		"Geoeditors (differentially private), 2023-07 (2023-07.csv)", "CC0-1.0",
		// the inputs they made real, and those still partly modeled
		"Internet users                real",
		"Pageviews                     PARTLY MODELED",
		"Wikipedia editors             PARTLY MODELED",
		"readings")

	// Mali's internet users in 2022 are the World Bank's, and China's
	// September 2025 page views are missing with the reason.
	out, _, _ = equity(t, nil, "--db", db, "country", "ML", "--year", "2022")
	mustContain(t, "country ML", out, "35.2%", "World Bank WDI")
	out, _, _ = equity(t, nil, "--db", db, "country", "CN", "--year", "2025")
	mustContain(t, "country CN", out, "Missing in 2025: Pageviews: not in the release: protected country")
}
