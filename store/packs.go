package store

import (
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"strings"
)

// The packs table holds the packed results of the load's queries (pack.go).
// It is derived data and optional: a database without it (an older equity
// wrote it, or a user dropped it) loads from its rows alone. Each pack
// holds the schema version (SQLite's schema cookie, which every change to
// a table's layout and every VACUUM increases) it was packed under, and
// triggers empty the packs of a table when a row of it is inserted,
// changed or deleted: the load never reads a copy older than the rows.
// (The triggers name the table: to do without packs, empty it with
// DELETE FROM packs; dropping it leaves triggers that refuse every change
// until they are dropped too.)
const packsSchema = `
CREATE TABLE packs (
	query          TEXT PRIMARY KEY,
	source         TEXT NOT NULL,
	schema_version INTEGER NOT NULL,
	columns        INTEGER NOT NULL,
	rows           INTEGER NOT NULL,
	data           BLOB NOT NULL
)`

// packsTable names the table among a database's tables.
const packsTable = "packs"

// packsTriggers are the statements that create the triggers that empty the
// packs of table when its rows change.
func packsTriggers(table string) []string {
	var out []string
	for _, event := range []string{"INSERT", "UPDATE", "DELETE"} {
		out = append(out, fmt.Sprintf("CREATE TRIGGER packs_%s_%s AFTER %s ON %s BEGIN DELETE FROM packs WHERE source = '%s'; END",
			table, strings.ToLower(event), event, table, table))
	}
	return out
}

// packsQuery lists the packs packed under the schema as it is now.
const packsQuery = `SELECT rowid, query, source, columns, rows FROM packs
	WHERE schema_version = (SELECT schema_version FROM pragma_schema_version)`

// loadPacks reads the packs of the tables want names.
func (r *rawDB) loadPacks(want map[string]bool) error {
	// Each page of a blob is read once: a page cache of a few pages
	// saves touching megabytes of fresh memory, most of a cold start.
	if err := r.query("PRAGMA cache_size = 16", func(row) error { return nil }); err != nil {
		return err
	}
	type found struct {
		rowid         int64
		query, source string
		columns, rows int
	}
	var todo []found
	err := r.query(packsQuery, func(w row) error {
		f := found{int64(w.int(0)), w.text(1), w.text(2), w.int(3), w.int(4)}
		if want[f.source] && f.columns == selectedColumns(f.query) && f.columns > 0 {
			todo = append(todo, f) // another columns is a query this build does not run
		}
		return nil
	})
	if err != nil {
		return err
	}
	packs := make(map[string]*pack, len(todo))
	for _, f := range todo {
		b, err := r.readBlob(packsTable, "data", f.rowid)
		if err != nil {
			return err
		}
		p, err := decodePack(b, f.columns, f.rows)
		if errors.Is(err, errPackFormat) {
			continue
		}
		if err != nil {
			return fmt.Errorf("the packed copy of %s %w", f.source, err)
		}
		packs[f.query] = p
	}
	if r.packs == nil {
		r.packs = packs
	} else {
		maps.Copy(r.packs, packs) // those of other tables, read before
	}
	return nil
}

// selectedColumns is the number of columns a SELECT of plain columns
// returns, 0 for another statement.
func selectedColumns(q string) int {
	m := selected.FindStringSubmatch(q)
	if m == nil {
		return 0
	}
	return strings.Count(m[1], ",") + 1
}

// packRecorder packs the result of every SELECT a connection runs.
type packRecorder struct {
	encs []*packEncoder
	keys []packKey
}

type packKey struct{ query, source string }

// start begins the pack of query, nil when there is nothing to record.
func (rec *packRecorder) start(q, source string, columns int) *packEncoder {
	if rec == nil || !strings.HasPrefix(q, "SELECT ") || source == "" {
		return nil
	}
	e := &packEncoder{cols: make([]columnEncoder, columns)}
	rec.encs = append(rec.encs, e)
	rec.keys = append(rec.keys, packKey{q, source})
	return e
}

// packRecord is a row of the packs table.
type packRecord struct {
	packKey
	columns, rows int
	data          []byte
}

// recordPacks loads the database at uri (just written) from its rows, as
// the load does, and returns the packs of the results of its queries.
func recordPacks(uri string) ([]packRecord, error) {
	db, err := openRaw(uri, "")
	if err != nil {
		return nil, err
	}
	defer db.close()
	db.rec = &packRecorder{}
	if _, err := readParts(db, nil, SchemaVersion, loadConfig{}); err != nil {
		return nil, err
	}
	var out []packRecord
	for i, e := range db.rec.encs {
		if b, ok := e.encode(); ok {
			out = append(out, packRecord{db.rec.keys[i], len(e.cols), e.rows, b})
		}
	}
	return out, nil
}

// writePacks adds the packs table to the database at uri, open as db, with
// the packs of every query the load runs on it and the triggers that keep
// them from outliving the rows. A dataset that does not load back (which
// the load will say when it reads the rows) gets no packs.
func writePacks(db *sql.DB, uri string) error {
	recs, err := recordPacks(uri)
	if err != nil || len(recs) == 0 {
		return nil
	}
	stmts := []string{packsSchema}
	seen := map[string]bool{}
	for _, k := range recs {
		if !seen[k.source] {
			seen[k.source] = true
			stmts = append(stmts, packsTriggers(k.source)...)
		}
	}
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			return &tableError{table: packsTable, err: err}
		}
	}
	// The schema is complete: its version now is the one the packs hold.
	var version int
	if err := db.QueryRow("PRAGMA schema_version").Scan(&version); err != nil {
		return fmt.Errorf("read the schema version: %w", err)
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit this is a no-op
	for _, k := range recs {
		if _, err := tx.Exec("INSERT INTO packs VALUES (?, ?, ?, ?, ?, ?)",
			k.query, k.source, version, k.columns, k.rows, k.data); err != nil {
			return &tableError{table: packsTable, err: err}
		}
	}
	return tx.Commit()
}
