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

// A value changed inside a pack is refused as the same value in the rows
// is, in the same words.
func TestTamperedPackRefusedLikeRow(t *testing.T) {
	dir := t.TempDir()
	first := loadEmbedded(t).Scores()[0]
	key := "iso2 = '" + first.ISO2 + "' AND domain = '" + string(first.Domain) + "' AND facet = '" + string(first.Facet) + "' AND year = " + strconv.Itoa(first.Year)

	rowPath := copyEmbedded(t, dir, "row.db")
	execSQL(t, rowPath, "UPDATE scores SET score = 150 WHERE "+key)
	_, rowErr := store.LoadFile(rowPath)

	packPath := copyEmbedded(t, dir, "pack.db")
	db, err := sql.Open("sqlite", packPath)
	if err != nil {
		t.Fatal(err)
	}
	var q string
	var data []byte
	if err := db.QueryRow("SELECT query, data FROM packs WHERE source = 'scores' AND rows > 1").Scan(&q, &data); err != nil {
		t.Fatal(err)
	}
	// The first score's 8 bytes: the first place they occur is the first
	// row of the score column, the last of the pack.
	old := binary.LittleEndian.AppendUint64(nil, math.Float64bits(first.Score))
	at := strings.Index(string(data), string(old))
	if at < 0 {
		t.Fatal("the first score is not in the pack")
	}
	binary.LittleEndian.PutUint64(data[at:], math.Float64bits(150))
	if _, err := db.Exec("UPDATE packs SET data = ? WHERE query = ?", data, q); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, packErr := store.LoadFile(packPath)

	if rowErr == nil || packErr == nil {
		t.Fatalf("accepted a score of 150: rows %v, pack %v", rowErr, packErr)
	}
	r := strings.ReplaceAll(rowErr.Error(), rowPath, "X")
	p := strings.ReplaceAll(packErr.Error(), packPath, "X")
	if r != p || !strings.Contains(p, "outside 0–100") {
		t.Errorf("the pack's bad score: %q\nthe row's: %q", p, r)
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

// An observation's value made infinite in the observations' pack, which
// the load reads column by column while every value is fine, is refused as
// the same change to its row is.
func TestTamperedObservationsPackRefusedLikeRow(t *testing.T) {
	dir := t.TempDir()
	obs := loadEmbedded(t).Observations()
	k := 0 // three values side by side that no other bytes of the pack repeat
	for obs[k].Value == 0 || obs[k+1].Value == 0 || obs[k+2].Value == 0 || obs[k].Value == obs[k+1].Value {
		k++
	}
	first := obs[k]
	key := "iso2 = '" + first.ISO2 + "' AND indicator_id = '" + first.Indicator + "' AND year = " + strconv.Itoa(first.Year)

	rowPath := copyEmbedded(t, dir, "row.db")
	execSQL(t, rowPath, "UPDATE observations SET value = 9e999 WHERE "+key)
	_, rowErr := store.LoadFile(rowPath)

	packPath := copyEmbedded(t, dir, "pack.db")
	db, err := sql.Open("sqlite", packPath)
	if err != nil {
		t.Fatal(err)
	}
	var q string
	var data []byte
	if err := db.QueryRow("SELECT query, data FROM packs WHERE source = 'observations' AND rows > 1").Scan(&q, &data); err != nil {
		t.Fatal(err)
	}
	// The pack holds the rows in the order of their key, the values side
	// by side.
	var old []byte
	for _, o := range obs[k : k+3] {
		old = binary.LittleEndian.AppendUint64(old, math.Float64bits(o.Value))
	}
	at := strings.Index(string(data), string(old))
	if at < 0 {
		t.Fatal("the values are not in the pack")
	}
	binary.LittleEndian.PutUint64(data[at:], math.Float64bits(math.Inf(1)))
	if _, err := db.Exec("UPDATE packs SET data = ? WHERE query = ?", data, q); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, packErr := store.LoadFile(packPath)

	if rowErr == nil || packErr == nil {
		t.Fatalf("accepted an infinite value: rows %v, pack %v", rowErr, packErr)
	}
	r := strings.ReplaceAll(rowErr.Error(), rowPath, "X")
	p := strings.ReplaceAll(packErr.Error(), packPath, "X")
	if r != p || !strings.Contains(p, first.ISO2) {
		t.Errorf("the pack's infinite value: %q\nthe row's: %q", p, r)
	}
}
