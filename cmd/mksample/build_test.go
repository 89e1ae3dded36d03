package main

import (
	"bytes"
	"cmp"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

const (
	committedDB  = "../../sample-data/equity.db"
	rebuildHint  = "go run ./cmd/mksample -out sample-data/equity.db"
	canonicalTSV = referenceDir + "/wikimedia-canonical-data/countries.tsv"
	// realTolerance is the relative difference two REAL values may have and
	// still be equal: math functions may differ in the last bit between
	// architectures.
	realTolerance = 1e-12
	// maxDiffs is how many differing rows a table reports.
	maxDiffs = 5
)

// TestRebuildMatchesCommitted proves that the committed database is what the
// committed sources and code build: every table, every column, every row,
// except the date it was built.
func TestRebuildMatchesCommitted(t *testing.T) {
	rebuilt := filepath.Join(t.TempDir(), "equity.db")
	if err := build(committedDir, rebuilt, time.Date(2000, 1, 2, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	committed := openRO(t, committedDB)
	fresh := openRO(t, rebuilt)

	for name, db := range map[string]*sql.DB{"committed": committed, "rebuilt": fresh} {
		var v int
		if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
			t.Fatal(err)
		}
		if v != store.SchemaVersion {
			t.Errorf("%s database has schema version %d, want store.SchemaVersion %d; rebuild with %s", name, v, store.SchemaVersion, rebuildHint)
		}
	}

	wantTables := tablesOf(t, fresh)
	if got := tablesOf(t, committed); !slices.Equal(got, wantTables) {
		t.Fatalf("committed database has tables %v, a rebuild has %v; rebuild with %s", got, wantTables, rebuildHint)
	}
	for _, table := range wantTables {
		t.Run(table, func(t *testing.T) {
			if table == "packs" {
				// Packed copies of the other tables, built_at among them:
				// store's TestPacksChangeNothing proves that the committed
				// ones load exactly as the committed rows do.
				return
			}
			cols, pk := columnsOf(t, fresh, table)
			if gotCols, gotPK := columnsOf(t, committed, table); !slices.Equal(gotCols, cols) || !slices.Equal(gotPK, pk) {
				t.Fatalf("committed columns %v (key %v), rebuilt %v (key %v); rebuild with %s", gotCols, gotPK, cols, pk, rebuildHint)
			}
			q := fmt.Sprintf("SELECT * FROM %q", table)
			if table == "meta" {
				q += " WHERE key <> 'built_at'"
			}
			q += " ORDER BY " + quoteAll(pk)
			want := rowsOf(t, fresh, q, len(cols))
			got := rowsOf(t, committed, q, len(cols))
			if diffs := diffRows(cols, len(pk), got, want); len(diffs) > 0 {
				t.Errorf("table %s of the committed database differs from a rebuild (%d rows committed, %d rebuilt); rebuild with %s\n%s",
					table, len(got), len(want), rebuildHint, strings.Join(diffs, "\n"))
			}
		})
	}

	// The date is the one thing a rebuild may change, and it must be there.
	var builtAt string
	if err := fresh.QueryRow("SELECT value FROM meta WHERE key = 'built_at'").Scan(&builtAt); err != nil || builtAt != "2000-01-02" {
		t.Errorf("rebuilt built_at %q, %v; want 2000-01-02", builtAt, err)
	}
}

func openRO(t *testing.T, path string) *sql.DB {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("%v; build it with %s", err, rebuildHint)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func tablesOf(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return names
}

// columnsOf returns a table's columns as "name TYPE", and its primary key
// columns in key order.
func columnsOf(t *testing.T, db *sql.DB, table string) (cols, pk []string) {
	t.Helper()
	rows, err := db.Query(fmt.Sprintf("SELECT name, type, pk FROM pragma_table_info(%s) ORDER BY cid", quoteString(table)))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	keyAt := map[int]string{}
	for rows.Next() {
		var name, typ string
		var k int
		if err := rows.Scan(&name, &typ, &k); err != nil {
			t.Fatal(err)
		}
		cols = append(cols, name+" "+typ)
		if k > 0 {
			keyAt[k] = name
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for k := 1; k <= len(keyAt); k++ {
		pk = append(pk, keyAt[k])
	}
	if len(pk) == 0 {
		t.Fatalf("table %s has no primary key to order its rows by", table)
	}
	// SELECT * lists the key columns wherever they are; diffRows wants them
	// first, so a key is never compared with a tolerance.
	for i, k := range pk {
		if !strings.HasPrefix(cols[i], k+" ") {
			t.Fatalf("table %s: key column %s is not column %d", table, k, i+1)
		}
	}
	return cols, pk
}

func quoteString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

func rowsOf(t *testing.T, db *sql.DB, q string, n int) [][]any {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out [][]any
	for rows.Next() {
		vals := make([]any, n)
		ptrs := make([]any, n)
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// diffRows matches the rows of two tables by their first nkey columns and
// describes the first few that are missing, extra or different.
func diffRows(cols []string, nkey int, committed, rebuilt [][]any) []string {
	key := func(r []any) string { return fmt.Sprint(r[:nkey]...) }
	byKey := make(map[string][]any, len(committed))
	for _, r := range committed {
		byKey[key(r)] = r
	}
	var diffs []string
	add := func(s string) bool {
		diffs = append(diffs, s)
		return len(diffs) < maxDiffs
	}
	seen := make(map[string]bool, len(rebuilt))
	for _, want := range rebuilt {
		k := key(want)
		seen[k] = true
		got, ok := byKey[k]
		if !ok {
			if !add(fmt.Sprintf("  missing from committed: %v", want)) {
				return diffs
			}
			continue
		}
		var cells []string
		for i := nkey; i < len(cols); i++ {
			if !sameCell(got[i], want[i]) {
				cells = append(cells, fmt.Sprintf("%s: committed %#v, rebuilt %#v", strings.Fields(cols[i])[0], got[i], want[i]))
			}
		}
		if len(cells) > 0 && !add(fmt.Sprintf("  row %v: %s", want[:nkey], strings.Join(cells, "; "))) {
			return diffs
		}
	}
	for _, got := range committed {
		if !seen[key(got)] && !add(fmt.Sprintf("  only in committed: %v", got)) {
			return diffs
		}
	}
	return diffs
}

// sameCell compares REAL values within realTolerance and anything else
// exactly, type included.
func sameCell(a, b any) bool {
	fa, okA := a.(float64)
	fb, okB := b.(float64)
	if okA && okB {
		return fa == fb || math.Abs(fa-fb) <= realTolerance*math.Max(math.Abs(fa), math.Abs(fb))
	}
	if ba, ok := a.([]byte); ok {
		bb, ok := b.([]byte)
		return ok && bytes.Equal(ba, bb)
	}
	return fmt.Sprintf("%T", a) == fmt.Sprintf("%T", b) && a == b
}

func TestSameCell(t *testing.T) {
	for _, tt := range []struct {
		a, b any
		want bool
	}{
		{1.0, 1.0, true},
		{1.0, 1.0 + 1e-14, true},
		{1e6, 1e6 + 1e-7, true},
		{1.0, 1.0 + 1e-9, false},
		{0.0, 1e-300, false},
		{int64(1), int64(1), true},
		{int64(1), 1.0, false},
		{"a", "a", true},
		{"a", "b", false},
		{nil, nil, true},
		{nil, 0.0, false},
	} {
		if got := sameCell(tt.a, tt.b); got != tt.want {
			t.Errorf("sameCell(%#v, %#v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	cols := []string{"id TEXT", "v REAL"}
	diffs := diffRows(cols, 1,
		[][]any{{"a", 1.0}, {"b", 2.0}, {"d", 4.0}},
		[][]any{{"a", 1.0}, {"b", 2.5}, {"c", 3.0}})
	want := []string{
		`  row [b]: v: committed 2, rebuilt 2.5`,
		`  missing from committed: [c 3]`,
		`  only in committed: [d 4]`,
	}
	if !slices.Equal(diffs, want) {
		t.Errorf("diffRows = %q, want %q", diffs, want)
	}
}

// TestCommittedAnswers checks that the bundled database, as the binary loads
// it, holds what the issue asks of it.
func TestCommittedAnswers(t *testing.T) {
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatalf("%v; rebuild with %s", err, rebuildHint)
	}

	t.Run("countries and regions", func(t *testing.T) {
		if len(d.Countries) != 250 {
			t.Errorf("%d countries, want 250", len(d.Countries))
		}
		regions := map[string]int{}
		for _, c := range d.Countries {
			regions[c.WikimediaRegion]++
		}
		want := map[string]int{
			"Sub-Saharan Africa":                      54,
			"Latin America & Caribbean":               53,
			"East, Southeast Asia, & Pacific":         48,
			"Northern & Western Europe":               33,
			"Central & Eastern Europe & Central Asia": 32,
			"Middle East & North Africa":              19,
			"South Asia":                              8,
			"North America":                           2,
			"":                                        1, // Antarctica
		}
		if fmt.Sprint(regions) != fmt.Sprint(want) {
			t.Errorf("countries by Wikimedia region %v, want %v", regions, want)
		}
		if aq, ok := d.Country("AQ"); !ok || aq.WikimediaRegion != "" {
			t.Errorf("Antarctica %+v, %v; want it present without a Wikimedia region", aq, ok)
		}
	})

	t.Run("countries match the canonical data", func(t *testing.T) {
		rows := readCanonicalCountries(t)
		if len(rows) != len(d.Countries) {
			t.Errorf("canonical data has %d countries, the database %d", len(rows), len(d.Countries))
		}
		for _, r := range rows {
			iso2 := r["iso_code"]
			c, ok := d.Country(iso2)
			if !ok {
				t.Errorf("%s (%s) is missing", iso2, r["name"])
				continue
			}
			protected := r["is_protected"] == "True"
			if r["is_protected"] != "True" && r["is_protected"] != "False" {
				t.Errorf("%s: canonical is_protected %q", iso2, r["is_protected"])
			}
			for _, f := range []struct{ field, got, want string }{
				{"Wikimedia region", c.WikimediaRegion, r["wikimedia_region"]},
				{"name", c.Name, r["name"]},
				{"ISO3", c.ISO3, r["iso_alpha3_code"]},
				{"protected", fmt.Sprint(c.Protected), fmt.Sprint(protected)},
				{"emerging classification", c.EmergingClass, r["emerging_classification"]},
			} {
				if f.got != f.want {
					t.Errorf("%s %s: %q, canonical data says %q", iso2, f.field, f.got, f.want)
				}
			}
		}
		if na, ok := d.Country("NA"); !ok || na.Name != "Namibia" {
			t.Errorf("Namibia's code NA: %+v, %v", na, ok)
		}
	})

	t.Run("presence scores span 0 to 100", func(t *testing.T) {
		// The real page view releases of 2016, 2017 and 2025 stand alone;
		// the modeled domains run 2018–2024.
		if want := []int{2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025}; !slices.Equal(d.Years, want) {
			t.Errorf("years %v, want %v", d.Years, want)
		}
		for _, year := range d.Years {
			for _, dom := range model.Domains() {
				var scores []float64
				for _, c := range d.Countries {
					if s, ok := d.Score(c.ISO2, dom.ID, model.Presence, year); ok {
						scores = append(scores, s)
					}
				}
				// Access is scored every year from the World Bank's most
				// recent figures; readership every year from page views.
				modeledYear := year >= 2018 && year <= 2024
				if !modeledYear && dom.ID != model.Readership && dom.ID != model.Access {
					if len(scores) > 0 {
						t.Errorf("%d %s: %d countries have a presence score, in a year of page views alone", year, dom.ID, len(scores))
					}
					continue
				}
				if len(scores) < 20 {
					t.Errorf("%d %s: only %d countries have a presence score", year, dom.ID, len(scores))
					continue
				}
				// Countries tied at the bottom (a release's rounding to the
				// thousand) share the bottom percentile.
				lo, hi, mid := slices.Min(scores), slices.Max(scores), testMedian(scores)
				tied := 0
				for _, s := range scores {
					if s == lo {
						tied++
					}
				}
				if lo > max(1, 100*float64(tied)/float64(len(scores))) || hi < 99 || math.Abs(mid-50) > 2 {
					t.Errorf("%d %s presence over %d countries: lowest %.2f (%d tied), median %.2f, highest %.2f; want ≤ 1 or the tied share, 50 ± 2, ≥ 99",
						year, dom.ID, len(scores), lo, tied, mid, hi)
				}
			}
		}
	})

	t.Run("provenance", func(t *testing.T) {
		wantSource := map[string]string{
			model.IndPopulation: "wdi-sp.pop.totl",
			model.IndLiteracy:   "wdi-se.adt.litr.zs",
			model.IndGDPPerCap:  "wdi-ny.gdp.pcap.pp.cd",
			model.IndInternet:   "wdi-it.net.user.zs",
			model.IndMobile:     "wdi-it.cel.sets.p2",
		}
		wantScored := map[string]string{
			model.IndDevices: srcDevicesEst, model.IndDevices + "_growth": srcDevicesEst,
			model.IndPageviews: srcPageviewsEst, model.IndPageviews + "_growth": srcPageviewsEst,
		}
		// Access rests on the World Bank's real figures.
		wantReal := map[string]string{
			model.IndInternet: "wdi-it.net.user.zs", model.IndInternet + "_growth": "wdi-it.net.user.zs",
			model.IndMobile: "wdi-it.cel.sets.p2", model.IndMobile + "_growth": "wdi-it.cel.sets.p2",
		}
		for _, ind := range d.Indicators {
			if ind.Facet == model.Context {
				want, ok := wantSource[ind.ID]
				if !ok {
					t.Errorf("unexpected context indicator %s", ind.ID)
				}
				if ind.Modeled || ind.SourceID != want {
					t.Errorf("context %s: modeled %v, source %q; want real, from %q", ind.ID, ind.Modeled, ind.SourceID, want)
				}
				delete(wantSource, ind.ID)
			} else if want, ok := wantReal[ind.ID]; ok {
				if ind.Modeled || ind.SourceID != want {
					t.Errorf("Access input %s: modeled %v, source %q; want real, from %q", ind.ID, ind.Modeled, ind.SourceID, want)
				}
				delete(wantSource, ind.ID)
			} else if want := wantScored[ind.ID]; !ind.Modeled || ind.SourceID != cmp.Or(want, srcModel) {
				// The readership is estimated but for a few territories'
				// modeled figures: partly modeled, citing its method.
				t.Errorf("scored input %s: modeled %v, source %q; want modeled, from %q", ind.ID, ind.Modeled, ind.SourceID, cmp.Or(want, srcModel))
			}
			if _, ok := d.Source(ind.SourceID); !ok {
				t.Errorf("%s cites source %q, which is not in the sources table", ind.ID, ind.SourceID)
			}
		}
		if len(wantSource) > 0 {
			t.Errorf("context indicators missing: %v", wantSource)
		}
		// Every context figure is real: the World Bank's, or CLDR's where
		// the World Bank has none, citing the row that says so.
		filled := map[string]int{}
		for _, ind := range d.Indicators {
			if ind.Facet != model.Context {
				continue
			}
			for _, c := range d.Countries {
				for _, p := range d.Series(c.ISO2, ind.ID) {
					pv := p.Provenance()
					if pv.Class != model.ClassReal || (pv.Source != ind.SourceID && pv.Source != srcCLDRFill) {
						t.Errorf("%s %s %d: %+v, want real from %s or %s", c.ISO2, ind.ID, p.Year, pv, ind.SourceID, srcCLDRFill)
					}
					if pv.Source == srcCLDRFill {
						filled[ind.ID]++
					}
				}
			}
		}
		wantFilled := map[string]int{model.IndPopulation: 34, model.IndGDPPerCap: 47, model.IndLiteracy: 82}
		if fmt.Sprint(filled) != fmt.Sprint(wantFilled) {
			t.Errorf("territories filled from CLDR, by indicator: %v, want %v", filled, wantFilled)
		}
		if fill, ok := d.Source(srcCLDRFill); !ok || !strings.Contains(fill.Title, "the World Bank has no figure") {
			t.Errorf("CLDR's fill source %+v, %v; want its title to say the World Bank has no figure", fill, ok)
		}
		if !d.Modeled() {
			t.Error("the dataset does not say it is modeled")
		}
		for _, s := range d.Sources {
			if s.Title == "" || s.Publisher == "" || s.Year < 1990 || s.Year > 2100 || s.Licence == "" {
				t.Errorf("source %s lacks a title, publisher, year or licence: %+v", s.ID, s)
			}
		}
	})

	t.Run("meta", func(t *testing.T) {
		if d.Meta.Kind != model.KindSample {
			t.Errorf("kind %q, want %q", d.Meta.Kind, model.KindSample)
		}
		if !strings.Contains(d.Meta.Notes, "MODELED") {
			t.Errorf("notes %q do not say the activity figures are MODELED", d.Meta.Notes)
		}
		if d.Meta.Title == "" {
			t.Error("no title")
		}
		if _, err := time.Parse(time.DateOnly, d.Meta.BuiltAt); err != nil {
			t.Errorf("built_at %q is not a date: %v", d.Meta.BuiltAt, err)
		}
	})
}

// readCanonicalCountries reads the canonical countries.tsv by column name,
// skipping the test when the reference copy is not present.
func readCanonicalCountries(t *testing.T) []map[string]string {
	t.Helper()
	f, err := os.Open(canonicalTSV)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("reference data not present: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		row := map[string]string{}
		for i, h := range header {
			row[h] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}

func TestRunOut(t *testing.T) {
	path := filepath.Join(t.TempDir(), "equity.db")
	var stderr bytes.Buffer
	if code := run([]string{"-sources", committedDir, "-out", path}, &stderr); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr %q, want nothing", stderr.String())
	}
	d, err := store.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Countries) != 250 || !d.Modeled() {
		t.Errorf("written database has %d countries, modeled %v", len(d.Countries), d.Modeled())
	}
}

func TestRunOutMissingSources(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such-sources")
	path := filepath.Join(dir, "out", "equity.db")
	if err := os.Mkdir(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if code := run([]string{"-sources", missing, "-out", path}, &stderr); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	msg := stderr.String()
	if strings.Count(msg, "\n") != 1 || !strings.HasSuffix(msg, "\n") || !strings.Contains(msg, "no-such-sources") {
		t.Errorf("stderr %q, want one line naming the missing directory", msg)
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) > 0 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		sort.Strings(names)
		t.Errorf("a failed build left %v behind", names)
	}
}

// testMedian is the median of xs, written apart from the model's own.
func testMedian(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return math.NaN()
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
