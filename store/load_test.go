package store_test

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

func TestLoadEmbedded(t *testing.T) {
	d := loadEmbedded(t)

	if n := len(d.Countries); n != 250 {
		t.Errorf("%d countries, want 250", n)
	}
	if want := []int{2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025}; !slices.Equal(d.Years, want) {
		t.Errorf("Years = %v, want %v", d.Years, want)
	}
	if d.Meta.Kind != model.KindSample {
		t.Errorf("Meta.Kind = %q, want %q", d.Meta.Kind, model.KindSample)
	}
	if d.Meta.Origin != store.EmbeddedOrigin {
		t.Errorf("Meta.Origin = %q, want %q", d.Meta.Origin, store.EmbeddedOrigin)
	}
	if d.Meta.Title == "" || d.Meta.BuiltAt == "" || d.Meta.Notes == "" {
		t.Errorf("Meta lacks a title, date or notes: %+v", d.Meta)
	}
	if !d.Modeled() {
		t.Error("the sample dataset does not say that it is modeled")
	}

	contexts := 0
	for _, want := range model.Catalog() {
		got, ok := d.Indicator(want.ID)
		if !ok && want.ID != model.IndMobile {
			t.Errorf("indicator %s of the catalog is missing", want.ID)
		}
		if !ok {
			continue
		}
		// What the catalog defines is stored as is; source and modeled
		// belong to the dataset.
		got.SourceID, got.Modeled = "", false
		if !reflect.DeepEqual(got, want) {
			t.Errorf("indicator %s = %+v, want the catalog's %+v", want.ID, got, want)
		}
		got, _ = d.Indicator(want.ID)
		if want.Facet == model.Context {
			contexts++
			if got.Modeled {
				t.Errorf("context input %s is marked modeled; it is real", want.ID)
			}
		} else if got.Modeled == (want.Domain == model.Access) {
			// Access is scored from the World Bank's real figures
			t.Errorf("scored input %s of %s is marked modeled %v", want.ID, want.Domain, got.Modeled)
		}
		if _, ok := d.Source(got.SourceID); !ok {
			t.Errorf("indicator %s cites unknown source %q", want.ID, got.SourceID)
		}
	}
	if contexts != 3 {
		t.Errorf("the catalog has %d context inputs, this test expects 3", contexts)
	}
	// The sample has every input of the catalog.
	if len(d.Indicators) != len(model.Catalog()) {
		t.Errorf("%d indicators, the catalog has %d", len(d.Indicators), len(model.Catalog()))
	}
	if len(d.Observations()) == 0 || len(d.Scores()) == 0 || len(d.Languages) == 0 || len(d.Wikis) == 0 || len(d.Sources) == 0 {
		t.Errorf("a table came back empty: %d observations, %d scores, %d languages, %d wikis, %d sources",
			len(d.Observations()), len(d.Scores()), len(d.Languages), len(d.Wikis), len(d.Sources))
	}
}

// TestEmbeddedScoresAreDerived proves the derived data: the scores stored in
// the embedded database are exactly what model.ComputeScores makes of its
// observations.
func TestEmbeddedScoresAreDerived(t *testing.T) {
	d := loadEmbedded(t)
	if diffs := scoreDiffs(d.Scores(), model.ComputeScores(d)); len(diffs) > 0 {
		t.Errorf("%d stored scores differ from the recomputed ones, first ones:\n%s", len(diffs), strings.Join(diffs[:min(len(diffs), 20)], "\n"))
	}
}

// TestScoreDiffsCatchesTampering shows that the comparison above would see a
// stored score that is off, missing or extra.
func TestScoreDiffsCatchesTampering(t *testing.T) {
	const first = "(iso2, domain, facet, year) IN (SELECT iso2, domain, facet, year FROM scores LIMIT 1)"
	tests := []struct {
		name string
		sql  string
	}{
		{"a score off by 1e-6", "UPDATE scores SET score = score + 1e-6 WHERE " + first},
		{"a score missing", "DELETE FROM scores WHERE " + first},
		{"an extra score", "INSERT INTO scores VALUES ('AQ', 'readership', 'presence', 2017, 50)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := copyEmbedded(t, t.TempDir(), "tampered.db")
			execSQL(t, path, tt.sql)
			d, err := store.LoadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if diffs := scoreDiffs(d.Scores(), model.ComputeScores(d)); len(diffs) != 1 {
				t.Errorf("%d differences, want 1: %v", len(diffs), diffs)
			}
		})
	}
}

type scoreKey struct {
	iso2   string
	domain model.DomainID
	facet  model.Facet
	year   int
}

// scoreDiffs lists every score that is in one set and not the other, or
// differs by more than 1e-9.
func scoreDiffs(stored, computed []model.Score) []string {
	index := func(ss []model.Score) map[scoreKey]float64 {
		m := make(map[scoreKey]float64, len(ss))
		for _, s := range ss {
			m[scoreKey{s.ISO2, s.Domain, s.Facet, s.Year}] = s.Score
		}
		return m
	}
	st, co := index(stored), index(computed)
	var diffs []string
	for k, v := range st {
		w, ok := co[k]
		switch {
		case !ok:
			diffs = append(diffs, fmt.Sprintf("%v: stored %v, not computed", k, v))
		case math.IsNaN(v) || math.Abs(v-w) > 1e-9:
			diffs = append(diffs, fmt.Sprintf("%v: stored %v, computed %v", k, v, w))
		}
	}
	for k, w := range co {
		if _, ok := st[k]; !ok {
			diffs = append(diffs, fmt.Sprintf("%v: computed %v, not stored", k, w))
		}
	}
	sort.Strings(diffs)
	return diffs
}

func TestWriteLoadRoundTrip(t *testing.T) {
	want := fixture(t)
	want.Meta.Origin = "somewhere else" // never stored
	path := writeDataset(t, want, t.TempDir(), "fixture.db")

	got, err := store.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	assertSameDataset(t, got, want, path)

	// The fixture holds what the round trip must keep.
	if c, _ := got.Country("AX"); c.DataRiskScore != nil || !c.Protected {
		t.Errorf("AX: data risk score %v, protected %v; want nil, true", c.DataRiskScore, c.Protected)
	}
	if c, _ := got.Country("BR"); c.DataRiskScore == nil || *c.DataRiskScore != 2.75 || len(c.Languages) != 3 {
		t.Errorf("BR = %+v", c)
	}
	if c, _ := got.Country("KE"); c.DataRiskScore == nil || *c.DataRiskScore != 0 {
		t.Errorf("KE: a data risk score of 0 came back as %v", c.DataRiskScore)
	}
}

// assertSameDataset compares everything a database stores.
func assertSameDataset(t *testing.T, got, want *model.Dataset, origin string) {
	t.Helper()
	if got.Meta.Origin != origin {
		t.Errorf("Meta.Origin = %q, want %q", got.Meta.Origin, origin)
	}
	gm, wm := got.Meta, want.Meta
	gm.Origin, wm.Origin = "", ""
	if gm != wm {
		t.Errorf("Meta = %+v, want %+v", gm, wm)
	}
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"Countries", got.Countries, want.Countries},
		{"Sources", got.Sources, want.Sources},
		{"Indicators", got.Indicators, want.Indicators},
		{"Languages", got.Languages, want.Languages},
		{"Wikis", got.Wikis, want.Wikis},
		{"Years", got.Years, want.Years},
		{"Observations", got.Observations(), want.Observations()},
		{"Scores", got.Scores(), want.Scores()},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s differ after the round trip:\n got %+v\nwant %+v", c.name, c.got, c.want)
		}
	}
	// Exact, not within a tolerance: SQLite's REAL is a float64.
	gotObs := got.Observations()
	for i, o := range want.Observations() {
		if g := gotObs[i]; math.Float64bits(g.Value) != math.Float64bits(o.Value) {
			t.Errorf("observation %v came back as %v", o, g)
			break
		}
	}
}

// TestLoadFileRefuses feeds LoadFile what users and accidents give it. Each
// is refused with one sentence that names the file and the problem, and
// nothing on disk changes.
// A database of schema version 2 (an earlier equity import) still opens:
// its observations take their indicator's class, as they meant then, and it
// has no missing cells, noise or readings.
func TestLoadSchema2(t *testing.T) {
	path := copyEmbedded(t, t.TempDir(), "v2.db")
	execSQL(t, path,
		"DROP TABLE missing", "DROP TABLE noise", "DROP TABLE readings",
		"CREATE TABLE obs2 (iso2 TEXT NOT NULL, indicator_id TEXT NOT NULL, year INTEGER NOT NULL, value REAL NOT NULL, PRIMARY KEY (iso2, indicator_id, year)) WITHOUT ROWID",
		"INSERT INTO obs2 SELECT iso2, indicator_id, year, value FROM observations",
		"DROP TABLE observations", "ALTER TABLE obs2 RENAME TO observations",
		"PRAGMA user_version = 2")
	d, err := store.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatal(err)
	}
	got, wantObs := d.Observations(), want.Observations()
	if len(got) != len(wantObs) {
		t.Fatalf("%d observations, want %d", len(got), len(wantObs))
	}
	// A schema 2 observation takes its indicator's class and cites its
	// indicator's source: it had none of its own. (The sample's estimated
	// readership, in an indicator partly modeled, comes back modeled.)
	for i, o := range got {
		w := wantObs[i]
		ind, _ := want.Indicator(w.Indicator)
		class := model.ClassReal
		if ind.Modeled {
			class = model.ClassModeled
		}
		if o.Value != w.Value || o.Class != class || o.Source != ind.SourceID {
			t.Fatalf("observation %d = %+v, want %v, %s, citing %s", i, o, w.Value, class, ind.SourceID)
		}
	}
}

func TestLoadFileRefuses(t *testing.T) {
	valid := embeddedBytes(t)
	pageSize := int(valid[16])<<8 | int(valid[17])
	if pageSize == 1 {
		pageSize = 65536
	}
	writeBytes := func(b []byte) func(t *testing.T, dir string) string {
		return func(t *testing.T, dir string) string {
			path := filepath.Join(dir, "x.db")
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			return path
		}
	}
	withSQL := func(stmts ...string) func(t *testing.T, dir string) string {
		return func(t *testing.T, dir string) string {
			path := copyEmbedded(t, dir, "x.db")
			execSQL(t, path, stmts...)
			return path
		}
	}
	// The load reads the packs, not the rows they copy: damage to the
	// rows is noticed in a copy without packs.
	rowsOnly := withoutPacks(t, valid)
	// garbageIn overwrites page n (1-based) of db with random bytes.
	garbageIn := func(db []byte, n int) func(t *testing.T, dir string) string {
		b := bytes.Clone(db)
		rng := rand.New(rand.NewPCG(1, uint64(n)))
		for i := (n - 1) * pageSize; i < n*pageSize; i++ {
			b[i] = byte(rng.Uint32())
		}
		return writeBytes(b)
	}
	garbage := func(n int) func(t *testing.T, dir string) string { return garbageIn(rowsOnly, n) }
	random := make([]byte, 64<<10)
	rng := rand.New(rand.NewPCG(42, 42))
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	pages := len(rowsOnly) / pageSize
	olderSchema := fmt.Sprintf("schema version %d", store.OldestSchema-1)
	if store.SchemaVersion == 1 {
		olderSchema = "not an equity database" // version 0 is no version
	}

	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) string // returns the path to load
		want  []string                              // what the message says
	}{
		{"missing", func(t *testing.T, dir string) string { return filepath.Join(dir, "nothing.db") },
			[]string{"does not exist"}},
		{"missing directory", func(t *testing.T, dir string) string { return filepath.Join(dir, "no", "such", "x.db") },
			[]string{"does not exist"}},
		{"missing, with control characters in its name", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "two\nlines \x1b[31mred\x07\u202e.db")
		}, []string{"does not exist"}},
		{"text, with control characters in its name", func(t *testing.T, dir string) string {
			path := filepath.Join(dir, "two\nlines \x1b[31mred\x07\u202e.db")
			if err := os.WriteFile(path, []byte("hello"), 0o644); err != nil {
				t.Fatal(err)
			}
			return path
		}, []string{"is not a SQLite database"}},
		{"under a file", func(t *testing.T, dir string) string {
			path := filepath.Join(dir, "file\nname")
			if err := os.WriteFile(path, []byte("hello"), 0o644); err != nil {
				t.Fatal(err)
			}
			return filepath.Join(path, "x.db")
		}, []string{"cannot be read", "not a directory"}},
		{"name too long", func(t *testing.T, dir string) string { return filepath.Join(dir, strings.Repeat("x", 300)+".db") },
			[]string{"cannot be read", "too long"}},
		{"unreadable", func(t *testing.T, dir string) string {
			if os.Geteuid() == 0 {
				t.Skip("root ignores file permissions")
			}
			path := copyEmbedded(t, dir, "x.db")
			if err := os.Chmod(path, 0); err != nil {
				t.Fatal(err)
			}
			return path
		}, []string{"permission denied"}},
		{"in an unreadable directory", func(t *testing.T, dir string) string {
			if os.Geteuid() == 0 {
				t.Skip("root ignores file permissions")
			}
			sub := filepath.Join(dir, "locked")
			if err := os.Mkdir(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			path := copyEmbedded(t, sub, "x.db")
			if err := os.Chmod(sub, 0); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(sub, 0o755) })
			return path
		}, []string{"permission denied"}},
		{"directory", func(t *testing.T, dir string) string {
			path := filepath.Join(dir, "sub.db")
			if err := os.Mkdir(path, 0o755); err != nil {
				t.Fatal(err)
			}
			return path
		}, []string{"is a directory"}},
		{"empty", writeBytes(nil), []string{"is empty"}},
		{"random bytes", writeBytes(random), []string{"is not a SQLite database"}},
		{"text", writeBytes([]byte("iso2,name\nFR,France\nKE,Kenya\n")), []string{"is not a SQLite database"}},
		{"one byte", writeBytes([]byte("S")), []string{"is not a SQLite database"}},
		{"the magic alone", writeBytes([]byte("SQLite format 3\x00")), []string{"is damaged"}},
		{"a prefix of the magic", writeBytes([]byte("SQLite")), []string{"is not a SQLite database"}},
		{"other SQLite database", func(t *testing.T, dir string) string {
			path := filepath.Join(dir, "x.db")
			execSQL(t, path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes (body) VALUES ('hello')")
			return path
		}, []string{"is a SQLite database but not an equity database"}},
		{"newer schema", withSQL("PRAGMA user_version = 7"),
			[]string{"schema version 7", fmt.Sprintf("this one reads %d", store.SchemaVersion), "newer equity", "open it with that version"}},
		{"older schema", withSQL(fmt.Sprintf("PRAGMA user_version = %d", store.OldestSchema-1)),
			[]string{olderSchema}},
		{"no scores table", withSQL("DROP TABLE scores"), []string{`has no "scores" table`}},
		{"no meta table", withSQL("DROP TABLE meta"), []string{`has no "meta" table`}},
		{"a column missing", withSQL("ALTER TABLE sources DROP COLUMN note"), []string{"does not have the columns this equity reads", "no such column: note"}},
		{"truncated to half", writeBytes(valid[:len(valid)/2]), []string{"is damaged"}},
		{"truncated past the header", writeBytes(valid[:101]), []string{"is damaged"}},
		{"truncated to one page", writeBytes(valid[:pageSize]), []string{"is damaged"}},
		{"garbage in a middle page", garbage(pages / 2), []string{"is damaged"}},
		{"garbage in a page of a pack", garbageIn(valid, len(valid)/pageSize-8), []string{"is damaged"}},
		{"observation of an unknown indicator", withSQL("INSERT INTO observations VALUES ('FR', 'readership.nothing', 2020, 1, 'modeled', 'equity-sample-model', '2020')"),
			[]string{"is inconsistent", "readership.nothing"}},
		{"observation of an unknown country", withSQL("INSERT INTO observations VALUES ('ZZ', 'readership.devices', 2020, 1, 'modeled', 'equity-sample-model', '2020')"),
			[]string{"is inconsistent", "ZZ"}},
		{"language of an unknown country", withSQL("INSERT INTO country_languages VALUES ('ZZ', 'fr', 10, '')"),
			[]string{"is inconsistent", "ZZ"}},
	}
	// Damage to the first page of each table (loading reads them all; it
	// does not read the indexes SQLite keeps for primary keys).
	for table, root := range rootPages(t, rowsOnly) {
		tests = append(tests, struct {
			name  string
			setup func(t *testing.T, dir string) string
			want  []string
		}{"garbage in the root page of " + table, garbage(root), []string{"is damaged"}})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := tt.setup(t, dir)
			before := snapshot(t, dir)

			d, err := store.LoadFile(path)
			if err == nil {
				t.Fatalf("LoadFile accepted it (%d countries)", len(d.Countries))
			}
			t.Log(err)
			checkError(t, err, path, tt.want...)
			sameSnapshot(t, before, snapshot(t, dir))
		})
	}
}

// rootPages returns the first page of each table of the database file.
func rootPages(t *testing.T, file []byte) map[string]int {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.db")
	if err := os.WriteFile(path, file, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT name, rootpage FROM sqlite_master WHERE type = 'table'")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var name string
		var page int
		if err := rows.Scan(&name, &page); err != nil {
			t.Fatal(err)
		}
		out[name] = page
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) != 17 { // schema 3, with the movement context's two tables, and packs
		t.Fatalf("%d tables: %v", len(out), out)
	}
	return out
}

// checkError checks that err is a *store.Error whose message is one line
// that names path and says each of want, and what to do.
func checkError(t *testing.T, err error, path string, want ...string) {
	t.Helper()
	var se *store.Error
	if !errors.As(err, &se) {
		t.Fatalf("error %q (%T) is not a *store.Error", err, err)
	}
	msg := err.Error()
	if se.Path != path {
		t.Errorf("Error.Path = %q, want %q", se.Path, path)
	}
	shown := path
	if model.CleanText(path) != path {
		shown = strconv.Quote(path) // one line, and unambiguous
	}
	if !strings.HasPrefix(msg, shown+" ") {
		t.Errorf("message %q does not start with the path %q", msg, shown)
	}
	if strings.ContainsAny(msg, "\n\r") {
		t.Errorf("message %q is more than one line", msg)
	}
	for _, r := range msg {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			t.Errorf("message %q holds control character %U", msg, r)
			break
		}
	}
	if !utf8.ValidString(msg) {
		t.Errorf("message %q is not valid UTF-8", msg)
	}
	if strings.Contains(strings.TrimSuffix(msg, "."), ". ") {
		t.Errorf("message %q is more than one sentence", msg)
	}
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("message %q does not say %q", msg, w)
		}
	}
	if se.Hint == "" {
		t.Errorf("message %q does not say what to do", msg)
	}
}

// TestLoadFSRefuses checks that LoadFS speaks of "the embedded database"
// and refuses broken contents the way LoadFile does.
func TestLoadFSRefuses(t *testing.T) {
	valid := embeddedBytes(t)
	// Damage to the rows, in a copy without packs (with them, the load
	// does not read the rows), and to the packs, which come last.
	damaged := withoutPacks(t, valid)
	clear(damaged[len(damaged)/2 : len(damaged)/2+8192])
	damagedPack := bytes.Clone(valid)
	clear(damagedPack[len(valid)-100<<10 : len(valid)-100<<10+8192])
	tests := []struct {
		name string
		fs   fstest.MapFS
		want string
	}{
		{"missing", fstest.MapFS{}, "cannot be read (file does not exist); this copy of equity is damaged; download it again"},
		{"empty", fstest.MapFS{"equity.db": {Data: nil}}, "is empty"},
		{"not SQLite", fstest.MapFS{"equity.db": {Data: []byte("hello, world, this is text")}}, "is not a SQLite database"},
		{"truncated", fstest.MapFS{"equity.db": {Data: valid[:len(valid)/2]}}, "is damaged"},
		{"damaged", fstest.MapFS{"equity.db": {Data: damaged}}, "is damaged"},
		{"damaged pack", fstest.MapFS{"equity.db": {Data: damagedPack}}, "is damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := store.LoadFS(tt.fs, "equity.db")
			if err == nil {
				t.Fatalf("LoadFS accepted it (%d countries)", len(d.Countries))
			}
			t.Log(err)
			checkError(t, err, store.EmbeddedOrigin, tt.want)
		})
	}
	// And a sound copy in another file system loads.
	d, err := store.LoadFS(fstest.MapFS{"a b?#%.db": {Data: valid}}, "a b?#%.db")
	if err != nil {
		t.Fatalf("LoadFS of a sound copy: %v", err)
	}
	if len(d.Countries) != 250 {
		t.Errorf("%d countries", len(d.Countries))
	}
}

// TestLoadSurvivesDamage overwrites each page of a small database in turn:
// whatever the damage, loading reports it as a *store.Error or loads, and
// never panics or hangs.
func TestLoadSurvivesDamage(t *testing.T) {
	dir := t.TempDir()
	path := writeDataset(t, fixture(t), dir, "fixture.db")
	valid, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(valid[16])<<8 | int(valid[17])
	rng := rand.New(rand.NewPCG(7, 7))
	refused := 0
	for page := 1; page*pageSize <= len(valid); page++ {
		for _, fill := range []string{"random", "zeros", "ones"} {
			b := bytes.Clone(valid)
			start := (page - 1) * pageSize
			if page == 1 {
				start = 100 // keep the header, damage what follows
			}
			for i := start; i < page*pageSize; i++ {
				switch fill {
				case "random":
					b[i] = byte(rng.Uint32())
				case "zeros":
					b[i] = 0
				case "ones":
					b[i] = 0xff
				}
			}
			broken := filepath.Join(dir, "broken.db")
			if err := os.WriteFile(broken, b, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := store.LoadFile(broken)
			if err == nil {
				continue // a page loading does not read, such as an index
			}
			refused++
			var se *store.Error
			if !errors.As(err, &se) {
				t.Errorf("page %d (%s): error %q (%T) is not a *store.Error", page, fill, err, err)
			} else if strings.ContainsAny(err.Error(), "\n\r") {
				t.Errorf("page %d (%s): message %q is more than one line", page, fill, err)
			}
		}
	}
	if refused == 0 {
		t.Error("no damage was noticed")
	}
	t.Logf("%d pages, %d damaged copies refused", len(valid)/pageSize, refused)
}

// TestControlCharactersNeverGetThrough writes hostile strings and checks that
// they load cleaned: no escape sequence, bell, bidi override or newline
// reaches a terminal.
func TestControlCharactersNeverGetThrough(t *testing.T) {
	const hostile = "Evil\x1b[2J\x1b]0;pwned\x07Land\a\u202eesrever\nsecond line\r\x00\x7f\u009b31m\u2028end\t."
	p := fixtureParts()
	p.Meta.Title = "Title " + hostile
	p.Meta.Notes = hostile
	for i := range p.Countries {
		if p.Countries[i].ISO2 == "BR" {
			p.Countries[i].Name = "Brazil " + hostile
			p.Countries[i].WikimediaRegion = "Region " + hostile
			p.Countries[i].Languages[0].OfficialStatus = hostile
		}
	}
	p.Languages["pt"] = "Portuguese " + hostile
	p.Sources[0].Note = "Note " + hostile
	p.Sources[1].URL = "https://example.org/\x1b[31m"
	p.Indicators[0].Name = "Devices " + hostile
	p.Wikis[0].DB = "pt\x1b[0mwiki"
	d, err := model.New(p)
	if err != nil {
		t.Fatal(err)
	}
	path := writeDataset(t, d, t.TempDir(), "hostile.db")

	got, err := store.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	br, ok := got.Country("BR")
	if !ok {
		t.Fatal("BR is missing")
	}
	src, _ := got.Source(p.Sources[0].ID)
	for _, c := range []struct{ name, got, orig string }{
		{"meta title", got.Meta.Title, p.Meta.Title},
		{"meta notes", got.Meta.Notes, p.Meta.Notes},
		{"country name", br.Name, "Brazil " + hostile},
		{"region", br.WikimediaRegion, "Region " + hostile},
		{"official status", br.Languages[0].OfficialStatus, hostile},
		{"language name", got.LanguageName("pt"), p.Languages["pt"]},
		{"source note", src.Note, p.Sources[0].Note},
		{"indicator name", got.Indicators[0].Name, p.Indicators[0].Name},
	} {
		if want := model.CleanText(c.orig); c.got != want {
			t.Errorf("%s = %q, want %q", c.name, c.got, want)
		}
	}
	// And nothing anywhere in the dataset holds one.
	n := 0
	walkStrings(reflect.ValueOf(got).Elem(), "Dataset", func(where, s string) {
		n++
		for _, r := range s {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u202e' || r == '\u2028' || r == utf8.RuneError {
				t.Errorf("%s = %q holds %U", where, s, r)
				return
			}
		}
	})
	if n < 300 {
		t.Errorf("walked only %d strings", n)
	}
}

// walkStrings calls visit with every string reachable from v.
func walkStrings(v reflect.Value, where string, visit func(where, s string)) {
	switch v.Kind() {
	case reflect.String:
		visit(where, v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), where, visit)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			walkStrings(v.Field(i), where+"."+v.Type().Field(i).Name, visit)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkStrings(v.Index(i), fmt.Sprintf("%s[%d]", where, i), visit)
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			walkStrings(it.Key(), where+"{key}", visit)
			walkStrings(it.Value(), fmt.Sprintf("%s[%v]", where, it.Key()), visit)
		}
	}
}

// TestLoadFileAwkwardPaths loads databases whose paths hold characters that
// mean something in a URI.
func TestLoadFileAwkwardPaths(t *testing.T) {
	want := fixture(t)
	for _, name := range []string{
		"plain.db",
		"with space.db",
		"question?mode=rw.db",
		"hash#fragment.db",
		"percent%20encoded%.db",
		"all of ?#% and &vfs=x.db",
		"ünïcode — ☃.db",
	} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "dir with ?#% too")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			// Written by Write...
			path := filepath.Join(dir, name)
			if err := store.Write(path, want); err != nil {
				t.Fatalf("Write: %v", err)
			}
			got, err := store.LoadFile(path)
			if err != nil {
				t.Fatalf("LoadFile: %v", err)
			}
			assertSameDataset(t, got, want, path)
			// ...and copied in by hand.
			path = copyEmbedded(t, dir, "copy "+name)
			before := snapshot(t, dir)
			got, err = store.LoadFile(path)
			if err != nil {
				t.Fatalf("LoadFile: %v", err)
			}
			if len(got.Countries) != 250 || got.Meta.Origin != path {
				t.Errorf("%d countries, origin %q", len(got.Countries), got.Meta.Origin)
			}
			sameSnapshot(t, before, snapshot(t, dir))
		})
	}
}

func TestLoadFileRelativePath(t *testing.T) {
	dir := t.TempDir()
	copyEmbedded(t, dir, "rel ?#.db")
	t.Chdir(dir)
	d, err := store.LoadFile("rel ?#.db")
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.Origin != "rel ?#.db" {
		t.Errorf("Origin = %q, want the path as given", d.Meta.Origin)
	}
	_, err = store.LoadFile("missing.db")
	checkError(t, err, "missing.db", "does not exist")
}

// TestLoadFileWritesNothing loads databases another program may have left in
// any journal mode: loading creates no journal, WAL or shared-memory file
// and changes no byte.
func TestLoadFileWritesNothing(t *testing.T) {
	for _, mode := range []string{"DELETE", "TRUNCATE", "PERSIST", "MEMORY", "WAL", "OFF"} {
		t.Run(mode, func(t *testing.T) {
			dir := t.TempDir()
			path := copyEmbedded(t, dir, "x.db")
			execSQL(t, path, "PRAGMA journal_mode = "+mode)
			// Read-only, in a read-only directory (for all but root).
			if err := os.Chmod(path, 0o444); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(dir, 0o555); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(dir, 0o755) })
			before := snapshot(t, dir)
			d, err := store.LoadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Countries) != 250 {
				t.Errorf("%d countries", len(d.Countries))
			}
			sameSnapshot(t, before, snapshot(t, dir))
		})
	}
}

// TestLoadFileSeesLiveWAL loads a WAL-mode database while another program
// holds it open with changes not yet checkpointed into the file: loading
// reads them, rather than the stale file alone.
func TestLoadFileSeesLiveWAL(t *testing.T) {
	path := copyEmbedded(t, t.TempDir(), "x.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, s := range []string{
		"PRAGMA journal_mode = WAL",
		"PRAGMA wal_autocheckpoint = 0",
		"UPDATE meta SET value = 'Changed in the WAL' WHERE key = 'title'",
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("no -wal file: %v", err)
	}
	d, err := store.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.Title != "Changed in the WAL" {
		t.Errorf("title %q: the change in the WAL was not read", d.Meta.Title)
	}
}

// TestLoadLeaksNothing loads many times: the vfs package refuses to close a
// file system a database is still open on, so a connection left open would
// show as an error; and the count of open file descriptors stays put.
func TestLoadLeaksNothing(t *testing.T) {
	n := 200
	if testing.Short() || raceEnabled {
		n = 20
	}
	for i := range n {
		if _, err := store.LoadFS(sampledata.FS, sampledata.DBName); err != nil {
			t.Fatalf("load %d: %v", i, err)
		}
	}

	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc/self/fd to count open files in")
	}
	dir := t.TempDir()
	good := copyEmbedded(t, dir, "good.db")
	bad := filepath.Join(dir, "bad.db")
	b := embeddedBytes(t)
	if err := os.WriteFile(bad, b[:len(b)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.db")
	execSQL(t, other, "CREATE TABLE t (x)")
	fds := func() int {
		es, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Fatal(err)
		}
		return len(es)
	}
	before := fds()
	for i := range n / 4 {
		if _, err := store.LoadFile(good); err != nil {
			t.Fatalf("load %d: %v", i, err)
		}
		for _, p := range []string{bad, other} {
			if _, err := store.LoadFile(p); err == nil {
				t.Fatalf("load %d of %s succeeded", i, p)
			}
		}
	}
	if after := fds(); after > before {
		t.Errorf("%d files open after %d loads, %d before", after, 3*(n/4), before)
	}
}
