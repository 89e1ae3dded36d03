package store_test

import (
	"database/sql"
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

// sameLoad fails unless two loads of one dataset are equal in everything
// but where they were loaded from.
func sameLoad(t *testing.T, got, want *model.Dataset, what string) {
	t.Helper()
	g, w := *got, *want
	g.Meta.Origin, w.Meta.Origin = "", ""
	if !reflect.DeepEqual(&g, &w) {
		t.Errorf("%s differs from the load through the packs", what)
	}
}

// The contract of the packs: a load through them gives exactly the dataset
// a load through the rows does, whole or lean.
func TestPacksChangeNothing(t *testing.T) {
	dir := t.TempDir()
	rows := filepath.Join(dir, "rows.db")
	if err := os.WriteFile(rows, withoutPacks(t, embeddedBytes(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	packed := copyEmbedded(t, dir, "packed.db")
	for _, opts := range [][]store.LoadOption{nil, {store.Lean()}} {
		viaPacks, err := store.LoadFS(sampledata.FS, sampledata.DBName, opts...)
		if err != nil {
			t.Fatal(err)
		}
		viaRows, err := store.LoadFile(rows, opts...)
		if err != nil {
			t.Fatal(err)
		}
		viaFile, err := store.LoadFile(packed, opts...)
		if err != nil {
			t.Fatal(err)
		}
		sameLoad(t, viaRows, viaPacks, "the load through the rows")
		sameLoad(t, viaFile, viaPacks, "a copy on disk")
		if len(viaPacks.Observations()) == 0 || viaPacks.Partial() != (opts != nil) {
			t.Fatal("this test compares nothing")
		}
	}
}

// Some of a table's queries packed and some not (a pack deleted by hand, or
// one in a layout this build does not read): the load reads the others
// from the rows and gives the same dataset.
func TestSomePacksMissing(t *testing.T) {
	want, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"SELECT count(*) FROM observations",
		"SELECT iso2, indicator_id, year, value, class, source_id, period FROM observations",
		"SELECT iso2, domain, facet, year, score FROM scores",
	} {
		path := copyEmbedded(t, t.TempDir(), "partly.db")
		execSQL(t, path, "DELETE FROM packs WHERE query = '"+q+"'")
		if n := queryStrings(t, path, "SELECT count(*) FROM packs WHERE query = '"+q+"'"); n[0] != "0" {
			t.Fatalf("the pack of %q is still there", q)
		}
		got, err := store.LoadFile(path)
		if err != nil {
			t.Fatalf("without the pack of %q: %v", q, err)
		}
		sameLoad(t, got, want, "a load without the pack of "+q)
	}
}

// A file an older equity wrote has no packs table: it loads from its rows.
func TestLoadWithoutPacksTable(t *testing.T) {
	path := copyEmbedded(t, t.TempDir(), "old.db")
	var drops []string
	for _, name := range queryStrings(t, path, "SELECT name FROM sqlite_master WHERE type = 'trigger'") {
		drops = append(drops, "DROP TRIGGER "+name)
	}
	if len(drops) == 0 {
		t.Fatal("the embedded database has no triggers")
	}
	execSQL(t, path, append(drops, "DROP TABLE packs", "VACUUM")...)
	got, err := store.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sameLoad(t, got, loadEmbedded(t), "the load of a file without packs")
}

// queryStrings runs a query of one text column on the database at path.
func queryStrings(tb testing.TB, path, q string) []string {
	tb.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(q)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			tb.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// A user who changes rows with sqlite3 sees the change: the triggers drop
// the packs of the tables changed, and the load reads their rows; the
// packs of other tables stay.
func TestPacksFollowEdits(t *testing.T) {
	want := loadEmbedded(t)
	o := want.Observations()[100]
	path := copyEmbedded(t, t.TempDir(), "x.db")
	execSQL(t, path,
		"UPDATE observations SET value = 12345.5 WHERE iso2 = '"+o.ISO2+"' AND indicator_id = '"+o.Indicator+"' AND year = "+strconv.Itoa(o.Year),
		"DELETE FROM scores WHERE iso2 = 'FR' AND year = 2019",
		"INSERT INTO languages VALUES ('zzz', 'Zedish')")
	got, err := store.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if v := got.Observations()[100]; v.Value != 12345.5 || v.ISO2 != o.ISO2 {
		t.Errorf("observation %+v, want the edited value 12345.5", v)
	}
	if n, m := len(got.Scores()), len(want.Scores()); n >= m {
		t.Errorf("%d scores after deleting France's of 2019, %d before", n, m)
	}
	if got.Languages["zzz"] != "Zedish" {
		t.Error("the inserted language is not there")
	}
	for table, want := range map[string]int{"observations": 0, "scores": 0, "languages": 0, "countries": 1, "readings": 2} {
		if n := queryInt(t, path, "SELECT count(*) FROM packs WHERE source = '"+table+"'"); n != want {
			t.Errorf("%d packs of %s, want %d", n, table, want)
		}
	}
}

// A change to the schema (here a column dropped) leaves every pack behind:
// the load reads the rows and says what it lacks, as without packs.
// VACUUM changes the schema's version too: the packs are then ignored,
// and the load is the same.
func TestPacksIgnoredAfterSchemaChange(t *testing.T) {
	path := copyEmbedded(t, t.TempDir(), "x.db")
	execSQL(t, path, "VACUUM")
	got, err := store.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sameLoad(t, got, loadEmbedded(t), "the load after VACUUM")
	execSQL(t, path, "ALTER TABLE countries DROP COLUMN market_class")
	if _, err := store.LoadFile(path); err == nil || !strings.Contains(err.Error(), "no such column: market_class") {
		t.Errorf("a dropped column: %v", err)
	}
}

// A pack whose bytes make no sense is a damaged database, said in one
// sentence.
func TestDamagedPackRefused(t *testing.T) {
	path := copyEmbedded(t, t.TempDir(), "x.db")
	execSQL(t, path, "UPDATE packs SET data = substr(data, 1, length(data) / 2) WHERE source = 'observations' AND rows > 1")
	_, err := store.LoadFile(path)
	t.Log(err)
	checkError(t, err, path, "is damaged", "the packed copy of observations", "cut short")
}

// store.Write writes the packs and their triggers: a database the importer
// or mksample writes loads through them.
func TestWriteWritesPacks(t *testing.T) {
	path := writeDataset(t, fixture(t), t.TempDir(), "fixture.db")
	if n := queryInt(t, path, "SELECT count(DISTINCT source) FROM packs"); n != 16 {
		t.Errorf("packs of %d tables, want 16", n)
	}
	if n := queryInt(t, path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"); n != 48 {
		t.Errorf("%d triggers, want 48", n)
	}
	if n := queryInt(t, path, "SELECT count(*) FROM packs WHERE schema_version != (SELECT schema_version FROM pragma_schema_version)"); n != 0 {
		t.Errorf("%d packs of another schema version", n)
	}
	if n := queryInt(t, path, "PRAGMA freelist_count"); n != 0 {
		t.Errorf("%d free pages", n)
	}
}

// A value changed inside a pack is refused as the same value in the rows
// is, in the same words: whether the load reads the pack row by row (the
// scores' of this test) or column by column while every value is fine
// (the observations').
func TestTamperedPackRefusedLikeRow(t *testing.T) {
	d := loadEmbedded(t)
	obs, scores := d.Observations(), d.Scores()
	// The first of three values side by side that no other bytes of a
	// pack repeat: the pack holds the rows in the order of their key.
	distinct := func(v func(int) float64) int {
		k := 0
		for v(k) == 0 || v(k+1) == 0 || v(k+2) == 0 || v(k) == v(k+1) {
			k++
		}
		return k
	}
	ko := distinct(func(i int) float64 { return obs[i].Value })
	ks := distinct(func(i int) float64 { return scores[i].Score })
	o, sc := obs[ko], scores[ks]
	tests := []struct {
		table, column, where string
		values               []float64
		bad                  float64
		badSQL, want         string
	}{
		{"scores", "score",
			"iso2 = '" + sc.ISO2 + "' AND domain = '" + string(sc.Domain) + "' AND facet = '" + string(sc.Facet) + "' AND year = " + strconv.Itoa(sc.Year),
			[]float64{scores[ks].Score, scores[ks+1].Score, scores[ks+2].Score}, 150, "150", "outside 0–100"},
		{"observations", "value",
			"iso2 = '" + o.ISO2 + "' AND indicator_id = '" + o.Indicator + "' AND year = " + strconv.Itoa(o.Year),
			[]float64{obs[ko].Value, obs[ko+1].Value, obs[ko+2].Value}, math.Inf(1), "9e999", "infinite value"},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		rowPath := copyEmbedded(t, dir, "row.db")
		execSQL(t, rowPath, "UPDATE "+tt.table+" SET "+tt.column+" = "+tt.badSQL+" WHERE "+tt.where)
		_, rowErr := store.LoadFile(rowPath)

		packPath := copyEmbedded(t, dir, "pack.db")
		db, err := sql.Open("sqlite", packPath)
		if err != nil {
			t.Fatal(err)
		}
		var q string
		var data []byte
		if err := db.QueryRow("SELECT query, data FROM packs WHERE source = ? AND rows > 1", tt.table).Scan(&q, &data); err != nil {
			t.Fatal(err)
		}
		var old []byte
		for _, v := range tt.values {
			old = binary.LittleEndian.AppendUint64(old, math.Float64bits(v))
		}
		at := strings.Index(string(data), string(old))
		if at < 0 {
			t.Fatalf("%s: the values are not in the pack", tt.table)
		}
		binary.LittleEndian.PutUint64(data[at:], math.Float64bits(tt.bad))
		if _, err := db.Exec("UPDATE packs SET data = ? WHERE query = ?", data, q); err != nil {
			t.Fatal(err)
		}
		db.Close()
		_, packErr := store.LoadFile(packPath)

		if rowErr == nil || packErr == nil {
			t.Fatalf("%s: accepted %v: rows %v, pack %v", tt.table, tt.bad, rowErr, packErr)
		}
		r := strings.ReplaceAll(rowErr.Error(), rowPath, "X")
		p := strings.ReplaceAll(packErr.Error(), packPath, "X")
		if r != p || !strings.Contains(p, tt.want) {
			t.Errorf("%s: the pack's %v: %q\nthe row's: %q", tt.table, tt.bad, p, r)
		}
	}
}
