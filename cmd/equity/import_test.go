package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store"
	"github.com/equitylandscape/equity/ui"
	"github.com/equitylandscape/equity/ui/theme"
)

// The importer's hand-written fixtures (store/importer/testdata/README.md).
func fixture(name string) string {
	return filepath.Join("..", "..", "store", "importer", "testdata", filepath.FromSlash(name))
}

var (
	popFile      = fixture("API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv")
	internetFile = fixture("API_IT.NET.USER.ZS_DS2_en_csv_v2_malformed.csv")
	janFile      = fixture("geoeditors/geoeditors-monthly-2023-01.tsv")
	febFile      = fixture("geoeditors/geoeditors-monthly-2023-02.tsv")
)

// importFixtures runs the import, World Bank population and the two
// Geoeditors months, into dir/x.db.
func importFixtures(t *testing.T, dir string) (db, stdout, stderr string) {
	t.Helper()
	db = filepath.Join(dir, "x.db")
	stdout, stderr, status := equity(t, nil, "import", "--out", db, "--worldbank", popFile, "--geoeditors", janFile, "--geoeditors", febFile)
	if status != 0 {
		t.Fatalf("equity import: status %d\n%s", status, stderr)
	}
	return db, stdout, stderr
}

// dirNames lists what a directory holds, to show that an import left
// nothing behind (no database, no temporary file).
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func sha256Of(t *testing.T, path string) (int, string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return len(b), hex.EncodeToString(sum[:])
}

// The acceptance: import the World Bank and Geoeditors fixtures,
// then `equity --db x.db info` lists the files as sources, the replaced
// inputs as real and the rest as modeled.
func TestImportThenInfo(t *testing.T) {
	dir := t.TempDir()
	db, stdout, stderr := importFixtures(t, dir)
	golden(t, "import-fixtures.txt", strings.ReplaceAll(stdout+"--- stderr\n"+stderr, dir, "$TMP"))
	if names := dirNames(t, dir); len(names) != 1 || names[0] != "x.db" {
		t.Errorf("the directory holds %v, want x.db alone", names)
	}

	out, errOut, status := equity(t, nil, "--db", db, "info")
	if status != 0 {
		t.Fatalf("info: status %d: %s", status, errOut)
	}
	golden(t, "import-info.txt", strings.ReplaceAll(out, dir, "$TMP"))
	mustContain(t, "info", out, "imported from public files", "of the Wikimedia activity figures and their growth rates of",
		"World Bank WDI: Population, total, 2020–2023 (API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv)",
		"Geoeditors, 2023-01 (geoeditors-monthly-2023-01.tsv)", "Geoeditors, 2023-02 (geoeditors-monthly-2023-02.tsv)")
	figures := regexp.MustCompile(`(?m)^(Unique devices|Pageviews|Wikipedia editors|All-project editors|Very active share|Event organizers|Affiliates|Population) +(real|MODELED|PARTLY MODELED) `)
	// The two months of 2023 make that year's editors real; the sample's
	// other years stay modeled, and info says so.
	want := map[string]string{
		"Unique devices": "PARTLY MODELED", "Pageviews": "PARTLY MODELED", "Event organizers": "MODELED", "Affiliates": "MODELED",
		"Wikipedia editors": "PARTLY MODELED", "All-project editors": "PARTLY MODELED", "Very active share": "PARTLY MODELED", "Population": "real",
	}
	for _, m := range figures.FindAllStringSubmatch(out, -1) {
		if want[m[1]] != m[2] {
			t.Errorf("info says %s is %s, want %s", m[1], m[2], want[m[1]])
		}
		delete(want, m[1])
	}
	if len(want) > 0 {
		t.Errorf("info does not say whether these are real: %v", want)
	}

	out, _, _ = equity(t, nil, "--db", db, "info", "--format", "json")
	var doc struct {
		Database struct {
			Kind    string `json:"kind"`
			Modeled bool   `json:"modeled"`
			Notes   string `json:"notes"`
		} `json:"database"`
		Inputs []struct {
			ID      string `json:"id"`
			Modeled bool   `json:"modeled"`
			Source  string `json:"source"`
		} `json:"inputs"`
		Sources []struct {
			ID    string `json:"id"`
			Title string `json:"title"`
			Note  string `json:"note"`
		} `json:"sources"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Database.Kind != model.KindImported || !doc.Database.Modeled {
		t.Errorf("database %+v: want imported, still partly modeled", doc.Database)
	}
	// The sources of each input's real figures; editors are real in 2023
	// alone, so still modeled as a whole.
	// The import's 2023 replaces the bundle's; Chile's real 2024 stays.
	chile := "Geoeditors public monthly release, 2023-01 to 2023-02; Geoeditors monthly release (differentially private): Chile, 2023-07 to 2024-06"
	real := map[string]string{
		model.IndPopulation: "World Bank WDI: Population, total (SP.POP.TOTL); World Bank WDI: Population, total, 2020–2023 (API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv); Unicode CLDR 48 territory information (the World Bank has no figure for this territory)",
		model.IndWPEditors:  chile,
		model.IndAllEditors: chile,
		model.IndVeryActive: chile,
	}
	partly := map[string]bool{model.IndWPEditors: true, model.IndAllEditors: true, model.IndVeryActive: true}
	// The sample's readership is estimated from published page views,
	// except a few territories' modeled figures: partly modeled, citing
	// the method most of its figures follow.
	estimated := map[string]string{
		model.IndDevices: "Unique devices 2018–2024 estimated: a region's real total split by page view share (equity project)",
		model.IndPageviews: "Wikipedia Views Visualized, June 2016: Wikipedia page views by country; Wikipedia Views Visualized, June 2017: Wikipedia page views by country; " +
			"Page views 2018–2024 estimated: log-linear between each country's nearest real figures (equity project); " +
			"Wikistats 2: All projects, Reading, Page views by country, September 2025; " +
			"Page views of the eleven largest countries, January 2022 and January 2023 (WMF movement metrics)",
	}
	contextReal := map[string]bool{model.IndInternet: true, model.IndLiteracy: true, model.IndGDPPerCap: true, model.IndMobile: true}
	for _, in := range doc.Inputs {
		src, isReal := real[in.ID]
		est, isEstimated := estimated[in.ID]
		switch {
		case isEstimated && (!in.Modeled || in.Source != est):
			t.Errorf("input %s: modeled %v, source %q; want partly modeled, from %q", in.ID, in.Modeled, in.Source, est)
		case isEstimated:
		case isReal && (in.Modeled != partly[in.ID] || in.Source != src):
			t.Errorf("input %s: modeled %v, source %q; want modeled %v, real figures from %q", in.ID, in.Modeled, in.Source, partly[in.ID], src)
		case !isReal && !contextReal[in.ID] && (!in.Modeled || in.Source != "Modeled Wikimedia activity (equity sample model)"):
			t.Errorf("input %s: modeled %v, source %q; want the sample's model", in.ID, in.Modeled, in.Source)
		case contextReal[in.ID] && in.Modeled:
			t.Errorf("input %s: the sample's real figure is now modeled", in.ID)
		}
	}
	// 18 presence inputs, the affiliates' observed size change, 3 context
	if len(doc.Inputs) != 22 {
		t.Errorf("%d inputs, want 22", len(doc.Inputs))
	}
	files := map[string]string{
		"import-wb-sp.pop.totl": popFile,
		"import-geo-2023-01":    janFile,
		"import-geo-2023-02":    febFile,
	}
	for _, s := range doc.Sources {
		path, ok := files[s.ID]
		if !ok {
			continue
		}
		delete(files, s.ID)
		size, sum := sha256Of(t, path)
		name := filepath.Base(path)
		if !strings.Contains(s.Title, name) || !strings.Contains(s.Note, name) || !strings.Contains(s.Note, sum) ||
			!strings.Contains(s.Note, "("+itoa(size)+" bytes, SHA-256 "+sum+")") {
			t.Errorf("source %s: title %q, note %q; want the file's name, size %d and SHA-256 %s", s.ID, s.Title, s.Note, size, sum)
		}
	}
	if len(files) > 0 {
		t.Errorf("files not recorded as sources: %v", files)
	}
	if !strings.Contains(doc.Database.Notes, "Still MODELED") {
		t.Errorf("notes %q do not say what is still modeled", doc.Database.Notes)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// A file with fatal problems: a non-zero exit, its problems on standard
// error as file:line, and nothing written, not even a temporary file.
func TestImportFatalWritesNothing(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		lines []string // what standard error must say, each on a line of its own
	}{
		{"a malformed World Bank file", []string{"--worldbank", popFile + "," + internetFile, "--geoeditors", janFile}, []string{
			internetFile + ":7: 5 columns, the header has 7",
			internetFile + `:8: NGA for 2021 is "n/a", not a number`,
		}},
		{"a malformed Geoeditors file", []string{"--geoeditors", fixture("geoeditors-bad/geoeditors-monthly-2023-03.tsv")}, []string{
			fixture("geoeditors-bad/geoeditors-monthly-2023-03.tsv") + ":2: 4 tab-separated columns, not 5",
		}},
		{"a malformed long CSV", []string{"--observations", fixture("observations-bad.csv")}, []string{
			fixture("observations-bad.csv") + `:5: indicator "programs.organisers" is not a catalog input`,
			fixture("observations-bad.csv") + ":8: two values for NG programs.organizers 2023: 40 here, 41 on line 2",
		}},
		{"a malformed countries file", []string{"--countries", fixture("countries-bad.tsv")}, []string{
			fixture("countries-bad.tsv") + ":3:",
		}},
		{"a file that does not exist", []string{"--observations", "no-such.csv"}, []string{
			"no-such.csv: cannot be read: no such file or directory",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "x.db")
			stdout, stderr, status := equity(t, nil, append([]string{"import", "--out", out}, tt.args...)...)
			if status == 0 {
				t.Errorf("status 0")
			}
			if stdout != "" {
				t.Errorf("stdout %q", stdout)
			}
			for _, want := range tt.lines {
				if !hasLinePrefix(stderr, want) {
					t.Errorf("stderr has no line starting %q:\n%s", want, stderr)
				}
			}
			if !strings.HasSuffix(stderr, "equity: the files have problems (above); nothing was written.\n") {
				t.Errorf("stderr does not end by saying nothing was written:\n%s", stderr)
			}
			if names := dirNames(t, dir); len(names) != 0 {
				t.Errorf("left behind: %v", names)
			}
		})
	}
}

func hasLinePrefix(s, prefix string) bool {
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

// An existing --out is replaced only with --force.
func TestImportForce(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "x.db")
	if err := os.WriteFile(out, []byte("my precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, status := equity(t, nil, "import", "--out", out, "--worldbank", popFile)
	if status != 1 || stdout != "" || stderr != "equity: "+out+" already exists; give --force to replace it.\n" {
		t.Errorf("without --force: status %d, stdout %q, stderr %q", status, stdout, stderr)
	}
	if b, _ := os.ReadFile(out); string(b) != "my precious" {
		t.Errorf("the file was touched: %q", b)
	}

	_, stderr, status = equity(t, nil, "import", "--out", out, "--worldbank", popFile, "--force")
	if status != 0 {
		t.Fatalf("with --force: status %d: %s", status, stderr)
	}
	d, err := store.LoadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.Kind != model.KindImported {
		t.Errorf("kind %q", d.Meta.Kind)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("the directory holds %v, want x.db alone", names)
	}
	st, err := os.Stat(out)
	if err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("x.db: %v, mode %v", err, st.Mode())
	}
}

// --check reads and reports, and writes nothing; it fails on bad files.
func TestImportCheck(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"import", "--check", "--worldbank", popFile, "--geoeditors", janFile + "," + febFile},
		{"import", "--check", "--out", filepath.Join(dir, "x.db"), "--worldbank", popFile},
	} {
		stdout, stderr, status := equity(t, nil, args...)
		if status != 0 {
			t.Errorf("%v: status %d: %s", args, status, stderr)
		}
		mustContain(t, strings.Join(args, " "), stdout, "SP.POP.TOTL for 6 countries", "Real now (no modeled figure left): context.population",
			"Checked: the files read well; nothing was written (--check).")
		mustContain(t, strings.Join(args, " "), stderr, popFile+`:9: country code "CHI"`)
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("--check wrote %v", names)
	}
	stdout, stderr, status := equity(t, nil, "import", "--check", "--worldbank", internetFile)
	if status != 1 || stdout != "" || !strings.Contains(stderr, internetFile+":7: ") {
		t.Errorf("--check of a bad file: status %d, stdout %q, stderr %q", status, stdout, stderr)
	}
}

// Mistakes on the command line are usage errors: one sentence, the hint to
// --help, status 2; a file that cannot be read or recognised, or an --out
// that cannot be written, is status 1, without the hint.
func TestImportUsage(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args   []string
		say    string
		status int
	}{
		{[]string{"import", "--out", filepath.Join(dir, "x.db")}, "give at least one file: --countries, --worldbank, --geoeditors, --pageviews or --observations.", exitUsage},
		{[]string{"import"}, "give at least one file", exitUsage},
		{[]string{"import", "--worldbank", popFile}, "give --out FILE to write the new database, or --check to read the files only.", exitUsage},
		{[]string{"import", "--out", filepath.Join(dir, "x.db"), fixture("countries.tsv"), fixture("countries-bad.tsv")}, "two countries files", exitUsage},
		{[]string{"import", "--out", filepath.Join(dir, "x.db"), "--worldbank", popFile, "stray"}, "stray cannot be read: no such file or directory", exitError},
		{[]string{"import", "--out", filepath.Join(dir, "no-such-folder", "x.db"), "--worldbank", popFile}, "the folder " + filepath.Join(dir, "no-such-folder") + " of --out does not exist; create it or write elsewhere.", exitError},
		{[]string{"import", "--out", dir, "--force", "--worldbank", popFile}, dir + " is a folder; give --out the path of a database file in it.", exitError},
		{[]string{"import", "--out", filepath.Join(dir, "x.db"), fixture("README.md")}, "cannot tell what kind of file", exitError},
	} {
		stdout, stderr, status := equity(t, nil, tc.args...)
		hint := strings.HasSuffix(stderr, " Run `equity --help` for usage.\n")
		if status != tc.status || stdout != "" || !strings.Contains(stderr, tc.say) || hint != (tc.status == exitUsage) ||
			strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: status %d, stdout %q, stderr %q; want status %d and one line saying %q", tc.args, status, stdout, stderr, tc.status, tc.say)
		}
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("left behind: %v", names)
	}
}

// EQUITY_DB opens the imported database in every command: Nigeria's
// editors are the fixtures' 2023 figures, with the ranges they were
// published in, and the wikis they work on.
func TestImportedCountry(t *testing.T) {
	db, _, _ := importFixtures(t, t.TempDir())
	env := map[string]string{"EQUITY_DB": db}
	out, stderr, status := equity(t, env, "country", "NG", "--year", "2023")
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	mustContain(t, "country NG", out, "Wikipedia editors             presence  129 (118–140)", "All-project editors           presence  132 (118–145)",
		"Very active share             presence          11.8%", "Wikis its editors work on", "enwiki   English    116 (107–125)  15.5 (11–20)",
		"hawiki   Hausa     12.8 (10.5–15)")
	mustNotContain(t, "country NG", out, "SAMPLE DATA")

	out, _, _ = equity(t, env, "country", "NG", "--year", "2023", "--format", "json")
	var doc struct {
		Dataset struct {
			Kind, Origin string
		}
		Inputs []map[string]any `json:"inputs"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Dataset.Kind != model.KindImported || doc.Dataset.Origin != db {
		t.Errorf("dataset %+v", doc.Dataset)
	}
	seen := false
	for _, in := range doc.Inputs {
		if in["indicator"] == "Wikipedia editors" {
			seen = true
			if in["value"] != 128.75 || in["lower"] != 117.5 || in["upper"] != 140.0 || in["modeled"] != false {
				t.Errorf("Wikipedia editors %v", in)
			}
		}
	}
	if !seen {
		t.Error("no Wikipedia editors input")
	}
}

// A protected country's count imported from a long CSV is shown only as its
// bucket, in every format; the same count of a country not on the list is
// shown exactly.
func TestImportedProtectedCount(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "organizers.csv")
	if err := os.WriteFile(csv, []byte("country,indicator,year,value\nRussia,programs.organizers,2023,4327\nNG,programs.organizers,2023,4327\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "x.db")
	if _, stderr, status := equity(t, nil, "import", "--out", db, "--observations", csv); status != 0 {
		t.Fatalf("import: status %d: %s", status, stderr)
	}
	d, err := store.LoadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if ru, _ := d.Country("RU"); !ru.Protected {
		t.Fatal("Russia is not on the protection list of the bundled data: pick another country")
	}
	for _, f := range []string{"table", "md", "csv", "json"} {
		out, stderr, status := equity(t, nil, "--db", db, "country", "RU", "--year", "2023", "--format", f)
		if status != 0 {
			t.Fatalf("%s: status %d: %s", f, status, stderr)
		}
		where := "country RU --format " + f
		// The count itself, not its digits inside another figure (a score
		// of 12.4327 is no leak).
		if exact := regexp.MustCompile(`(^|[^0-9.,])4,?327([^0-9]|$)`); exact.MatchString(out) {
			t.Errorf("%s shows the exact count: %q", where, exact.FindString(out))
		}
		if f == "table" || f == "md" {
			mustContain(t, where, out, "4,321–4,330")
		} else {
			mustContain(t, where, out, "4321", "4330")
		}
	}
	out, _, _ := equity(t, nil, "--db", db, "country", "NG", "--year", "2023")
	mustContain(t, "country NG", out, "Event organizers              presence     4,327")
}

// The explorer opens an imported database: its status line names the file
// and gives the share of the year's figures by class, and About names the
// files.
func TestImportedDatabaseInTheExplorer(t *testing.T) {
	t.Setenv("EQUITY_DATA", t.TempDir())
	db, _, _ := importFixtures(t, t.TempDir())
	d, err := store.LoadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	var m tea.Model = ui.New(d, ui.Options{Theme: theme.Mono})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	screen := ansi.Strip(m.View().Content)
	lines := strings.Split(screen, "\n")
	if len(lines) != 40 {
		t.Fatalf("%d lines:\n%s", len(lines), screen)
	}
	status := lines[len(lines)-2]
	// The badge is the opening year's share of figures by class.
	if !strings.Contains(status, "x.db") || !strings.Contains(status, "real ") || !strings.Contains(status, "%") || strings.Contains(status, "sample data") {
		t.Errorf("status line %q: want x.db and the year's share of real figures", status)
	}
	mustContain(t, "countries table", screen, "Afghanistan", "250 of 250 countries")

	m, _ = m.Update(tea.KeyPressMsg{Code: '4', Text: "4"})
	about := ansi.Strip(m.View().Content)
	for i := 0; i < 10 && !strings.Contains(about, "geoeditors-monthly-2023-02.tsv"); i++ {
		m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
		about += ansi.Strip(m.View().Content)
	}
	mustContain(t, "About", about, db, "API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv", "geoeditors-monthly-2023-02.tsv")
}

// Files given without a flag are recognised: a shell expands
// `--geoeditors geoeditors-monthly-2023-*.tsv` into one flagged file and
// the others bare, and a user may give every file bare. Either way the
// import is the one the flags give.
func TestImportBareFiles(t *testing.T) {
	dir := t.TempDir()
	_, flagged, _ := importFixtures(t, dir)
	flagged = strings.ReplaceAll(flagged, dir, "$TMP")
	for i, args := range [][]string{
		{"--worldbank", popFile, "--geoeditors", janFile, febFile},
		{febFile, popFile, janFile},
	} {
		sub := filepath.Join(dir, fmt.Sprint(i))
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		db := filepath.Join(sub, "x.db")
		stdout, stderr, status := equity(t, nil, append([]string{"import", "--out", db}, args...)...)
		if status != 0 {
			t.Fatalf("%v: status %d\n%s", args, status, stderr)
		}
		if got := strings.ReplaceAll(stdout, sub, "$TMP"); got != flagged {
			t.Errorf("%v says\n%s\nwant what the flags give:\n%s", args, got, flagged)
		}
	}
}

// Paths are anyone's text: a file or database name with escape and control
// characters reaches neither the terminal nor the database's sources as it
// is, in errors, problems, the import's summary or `info`.
func TestHostilePaths(t *testing.T) {
	dir := t.TempDir()
	hostile := filepath.Join(dir, "a\x1b[31mb\r\x07.csv")
	data, err := os.ReadFile(popFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(hostile, data, 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "x\x1b]0;title\x07.db")
	outputs := map[string]string{}
	stdout, stderr, status := equity(t, nil, "import", "--out", db, "--worldbank", hostile)
	if status != 0 {
		t.Fatalf("import: status %d: %s", status, stderr)
	}
	outputs["import"] = stdout + stderr
	stdout, stderr, _ = equity(t, nil, "--db", db, "info")
	outputs["info"] = stdout + stderr
	_, stderr, status = equity(t, nil, "--db", db+"\x1b[2J", "info")
	if status == 0 {
		t.Error("a database that does not exist opened")
	}
	outputs["missing database"] = stderr
	_, stderr, _ = equity(t, nil, "country", "\x1b[2Jatlantis\r")
	outputs["unknown country"] = stderr
	for name, out := range outputs {
		if strings.ContainsAny(out, "\x1b\r\x07") {
			t.Errorf("%s: control characters reach the terminal: %q", name, out)
		}
	}
	if !strings.Contains(outputs["info"], "a[31mb") {
		t.Errorf("info does not name the cleaned source file:\n%s", outputs["info"])
	}
}

// equityWithin runs equity with a time limit, so that an import that waits
// on a pipe fails the test instead of hanging it.
func equityWithin(t *testing.T, limit time.Duration, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	type result struct {
		stdout, stderr string
		status         int
	}
	done := make(chan result, 1)
	go func() {
		var r result
		r.stdout, r.stderr, r.status = equity(t, nil, args...)
		done <- r
	}()
	select {
	case r := <-done:
		return r.stdout, r.stderr, r.status
	case <-time.After(limit):
		t.Fatalf("equity %q did not return within %v", args, limit)
		return "", "", 0
	}
}

// An import refuses, before it reads anything, inputs that are not files
// and an --out that is not a database file or is one of the inputs: one
// sentence each, and nothing is touched.
func TestImportRefusesWhatIsNotAFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no named pipes or /dev/zero")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.csv")
	if out, err := exec.Command("mkfifo", fifo).CombinedOutput(); err != nil {
		t.Skipf("mkfifo: %v %s", err, out)
	}
	input := filepath.Join(dir, "pop.csv")
	data, err := os.ReadFile(popFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(input, data, 0o644); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.db")
	if err := os.Link(input, hard); err != nil {
		t.Fatal(err)
	}
	sym := filepath.Join(dir, "sym.db")
	if err := os.Symlink(input, sym); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "x.db")
	notFile := ", not a file; give the path of a downloaded file."
	for _, tc := range []struct {
		name string
		args []string
		say  string
	}{
		{"a named pipe, bare", []string{"--out", out, fifo}, fifo + " is a named pipe" + notFile},
		{"a named pipe, flagged", []string{"--out", out, "--worldbank", fifo}, fifo + " is a named pipe" + notFile},
		{"a named pipe, checked", []string{"--check", "--observations", fifo}, fifo + " is a named pipe" + notFile},
		{"/dev/zero, bare", []string{"--out", out, "/dev/zero"}, "/dev/zero is a device" + notFile},
		{"/dev/zero, flagged", []string{"--out", out, "--observations", "/dev/zero"}, "/dev/zero is a device" + notFile},
		{"a folder, flagged", []string{"--out", out, "--geoeditors", t.TempDir()}, " is a folder" + notFile},
		// Never a device as --out here: an equity without the check, run
		// as root, renames the new database over it (it did /dev/null).
		{"--out a named pipe", []string{"--out", fifo, "--force", "--worldbank", input},
			fifo + " is a named pipe, not a database file; give --out the path of a database file."},
		{"--out an input", []string{"--out", input, "--force", "--worldbank", input},
			input + " is one of the files to import; give --out a new name, so that the file is kept."},
		{"--out a hard link to an input", []string{"--out", hard, "--force", input},
			hard + " is the same file as " + input + ", one of the files to import; give --out a new name, so that the file is kept."},
		{"--out a link to an input", []string{"--out", sym, "--force", "--worldbank", input},
			sym + " is the same file as " + input + ", one of the files to import"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := dirNames(t, dir)
			stdout, stderr, status := equityWithin(t, 10*time.Second, append([]string{"import"}, tc.args...)...)
			if status != 1 || stdout != "" || !strings.Contains(stderr, tc.say) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("status %d, stdout %q, stderr %q; want one line saying %q", status, stdout, stderr, tc.say)
			}
			if after := dirNames(t, dir); !slices.Equal(before, after) {
				t.Errorf("the folder held %v, and after %v", before, after)
			}
			if b, err := os.ReadFile(input); err != nil || !bytes.Equal(b, data) {
				t.Errorf("the input changed (%v)", err)
			}
		})
	}
}

// The temporary file of an import that was killed is removed by the next
// import into its folder, which says so.
func TestImportRemovesLeftovers(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Skipf("cannot run a process: %v", err)
	}
	dir := t.TempDir()
	leftover := filepath.Join(dir, fmt.Sprintf(".equity-%d-12345.tmp", cmd.Process.Pid))
	if err := os.WriteFile(leftover, []byte("SQLite format 3\x00 half"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "x.db")
	stdout, stderr, status := equity(t, nil, "import", "--out", out, "--worldbank", popFile)
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	mustContain(t, "import", stdout, "Removed a leftover temporary file of an import that was stopped: "+leftover+".\n")
	if names := dirNames(t, dir); !slices.Equal(names, []string{"x.db"}) {
		t.Errorf("the folder holds %v", names)
	}
}

// A cell a release left out is missing with its reason, in the country
// table's notes and in every export: Russia, on the protection list, is in
// no Geoeditors file.
func TestImportedMissingReason(t *testing.T) {
	db, _, _ := importFixtures(t, t.TempDir())
	env := map[string]string{"EQUITY_DB": db}
	out, stderr, status := equity(t, env, "country", "RU", "--year", "2023")
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	// The sample's readership of a protected country is missing too, for
	// the same reason, and comes first.
	mustContain(t, "country RU", out, "Missing in 2023: Unique devices: not in the release: protected country")
	mustContain(t, "country RU", out, "; Wikipedia editors: not in the release: protected country")
	out, _, _ = equity(t, env, "country", "RU", "--year", "2023", "--format", "json")
	var doc struct {
		Inputs []map[string]any `json:"inputs"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for _, in := range doc.Inputs {
		if in["indicator"] == "Wikipedia editors" {
			if in["class"] != "missing" || !strings.Contains(fmt.Sprint(in["why_missing"]), "protected country") || in["value"] != nil {
				t.Errorf("Wikipedia editors %v", in)
			}
			return
		}
	}
	t.Error("no Wikipedia editors input")
}
