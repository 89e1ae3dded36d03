package store

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/equitylandscape/equity/model"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Write writes the dataset to a new database at path. It writes a temporary
// file beside path and renames it into place only once it is complete and on
// disk, so that a crash or a full disk never leaves a half-written database
// where a good one was. An existing file at path is replaced: callers that
// must not replace one check first (CheckOutput). An error is a *WriteError.
func Write(path string, d *model.Dataset) error {
	_, err := WriteReport(path, d)
	return err
}

// WriteReport is Write that first removes, from path's folder, the
// temporary files of writes that were killed before they finished
// (CleanLeftovers), and returns their paths, so that the caller can say so.
func WriteReport(path string, d *model.Dataset) (removed []string, err error) {
	return write(path, d, "")
}

// write is Write with SQLite options added to the temporary file's URI, for
// tests that make the disk fill up.
func write(path string, d *model.Dataset, options string) (removed []string, err error) {
	if d.Partial() {
		// A lean load left tables out: written, they would be lost.
		return nil, &WriteError{Path: path, Problem: "the dataset was loaded without some of its tables", Hint: "load it whole to write it"}
	}
	dir := filepath.Dir(path)
	// A folder that cannot be listed will not take the new file either:
	// creating it says why.
	removed, _ = CleanLeftovers(dir)
	tmp, err := CreateTemp(dir)
	if err != nil {
		return removed, writeFailure(path, err)
	}
	tmpPath := tmp.Name()
	if err := tmp.Close(); err != nil {
		os.Remove(tmpPath)
		return removed, writeFailure(path, err)
	}
	defer func() {
		if err != nil {
			os.Remove(tmpPath)
		}
	}()

	// The journal is off: the temporary file is thrown away on any failure,
	// so there is nothing a journal could roll back to.
	db, err := sql.Open("sqlite", fileURI(tmpPath)+"?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)"+options)
	if err != nil {
		return removed, writeFailure(path, err)
	}
	if err := writeAll(db, d, fileURI(tmpPath)); err != nil {
		db.Close()
		return removed, writeFailure(path, err)
	}
	if err := db.Close(); err != nil {
		return removed, writeFailure(path, err)
	}
	if err := syncFile(tmpPath); err != nil {
		return removed, writeFailure(path, err)
	}
	// CreateTemp makes the file private; a database is shared like any
	// document.
	if err := os.Chmod(tmpPath, 0o644); err != nil {
		return removed, writeFailure(path, err)
	}
	if err := os.Rename(tmpPath, path); err != nil {
		return removed, writeFailure(path, err)
	}
	return removed, nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("sync %s: %w", path, err)
	}
	return f.Close()
}

// writeAll writes d into the empty database db at uri.
func writeAll(db *sql.DB, d *model.Dataset, uri string) error {
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(schema); err != nil {
		return fmt.Errorf("create tables: %w", err)
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit this is a no-op

	ins := inserter{tx: tx}
	for _, kv := range [][2]string{
		{"title", d.Meta.Title}, {"kind", d.Meta.Kind}, {"built_at", d.Meta.BuiltAt}, {"notes", d.Meta.Notes},
	} {
		ins.row("INSERT INTO meta VALUES (?, ?)", kv[0], kv[1])
	}
	for _, c := range d.Countries {
		var risk any
		if c.DataRiskScore != nil {
			risk = *c.DataRiskScore
		}
		ins.row("INSERT INTO countries VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
			c.ISO2, c.ISO3, c.Name, c.WikimediaRegion, c.UNContinent, c.UNSubregion, c.EconomicRegion,
			c.EmergingClass, c.MarketClass, c.Protected, risk, c.DataRiskClass)
		for _, l := range c.Languages {
			ins.row("INSERT INTO country_languages VALUES (?,?,?,?)", c.ISO2, l.Lang, l.PopulationPct, l.OfficialStatus)
		}
	}
	for _, s := range d.Sources {
		ins.row("INSERT INTO sources VALUES (?,?,?,?,?,?,?)", s.ID, s.Title, s.Publisher, s.Year, s.Licence, s.URL, s.Note)
	}
	for _, i := range d.Indicators {
		ins.row("INSERT INTO indicators VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
			i.ID, string(i.Domain), string(i.Facet), i.Name, i.Unit, i.Definition, i.Weight, i.WeightPublished,
			i.GrowthOf, i.Per, i.SourceID, i.Modeled)
	}
	for _, code := range sortedKeys(d.Languages) {
		ins.row("INSERT INTO languages VALUES (?,?)", code, d.Languages[code])
	}
	for _, w := range d.Wikis {
		ins.row("INSERT INTO wikis VALUES (?,?,?,?)", w.DB, w.Lang, w.Project, w.Status)
	}
	for _, o := range d.Observations() {
		ins.row("INSERT INTO observations VALUES (?,?,?,?,?,?,?)", o.ISO2, o.Indicator, o.Year, o.Value, string(o.Class), o.Source, o.Period)
	}
	for _, s := range d.Scores() {
		ins.row("INSERT INTO scores VALUES (?,?,?,?,?)", s.ISO2, string(s.Domain), string(s.Facet), s.Year, s.Score)
	}
	for _, b := range d.AllBounds() {
		ins.row("INSERT INTO bounds VALUES (?,?,?,?,?)", b.ISO2, b.Indicator, b.Year, b.Lower, b.Upper)
	}
	for _, cw := range d.AllCountryWikis() {
		ins.row("INSERT INTO country_wikis VALUES (?,?,?,?,?,?,?)", cw.ISO2, cw.Wiki, cw.Year,
			cw.Editors.Lower, cw.Editors.Upper, cw.VeryActive.Lower, cw.VeryActive.Upper)
	}
	for _, x := range d.AllMissing() {
		ins.row("INSERT INTO missing VALUES (?,?,?,?,?)", x.ISO2, x.Indicator, x.Year, x.Reason, x.Source)
	}
	for _, n := range d.AllNoise() {
		ins.row("INSERT INTO noise VALUES (?,?,?,?,?,?,?)", n.ISO2, n.Indicator, n.Year, n.Epsilon, n.SD, n.SumEpsilon, n.Threshold)
	}
	for _, r := range d.AllReadings() {
		ins.row("INSERT INTO readings VALUES (?,?,?,?,?,?,?,?,?)", r.ISO2, r.Project, r.Year, r.Period, r.Views, r.Lower, r.Upper, r.Share, r.Source)
	}
	for _, m := range d.Movement.Metrics {
		ins.row("INSERT INTO movement_metrics VALUES (?,?,?,?,?,?,?,?,?,?)", m.ID, m.Position, m.Metric, m.Segment, m.Period,
			nullable(m.Value, m.HasValue), m.Unit, nullable(m.Change, m.HasChange), m.Note, m.Source)
	}
	for _, i := range d.Movement.Initiatives {
		ins.row("INSERT INTO initiatives VALUES (?,?,?,?,?,?,?,?,?,?)", i.Number, i.Name, i.Recommendation, i.RecommendationName,
			i.Votes, i.Quartile, i.Also, i.VoteNote, i.Bearing, i.Source)
	}
	if ins.err != nil {
		return ins.err
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion)); err != nil {
		return fmt.Errorf("set schema version: %w", err)
	}
	if err := ins.close(); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	// VACUUM lays the pages out afresh, so that the same dataset gives the
	// same compact file.
	if _, err := db.Exec("VACUUM"); err != nil {
		return fmt.Errorf("vacuum: %w", err)
	}
	// The packs come last: they are read from the rows as written, and
	// VACUUM changes the schema version they are tied to. Nothing is
	// deleted after it, so the file stays without free pages.
	return writePacks(db, uri)
}

// nullable is a figure for a column where NULL means the document gives
// none.
func nullable(v float64, ok bool) any {
	if !ok {
		return nil
	}
	return v
}

// inserter prepares each statement once and keeps the first error, so that
// writeAll reads as the list of what it writes.
type inserter struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	err   error
}

func (in *inserter) row(query string, args ...any) {
	if in.err != nil {
		return
	}
	if in.stmts == nil {
		in.stmts = map[string]*sql.Stmt{}
	}
	st, ok := in.stmts[query]
	if !ok {
		st, in.err = in.tx.Prepare(query)
		if in.err != nil {
			in.err = &tableError{table: tableOf(query), err: in.err}
			return
		}
		in.stmts[query] = st
	}
	if _, err := st.Exec(args...); err != nil {
		// The table only: the statement and the row's values stay out of
		// a message.
		in.err = &tableError{table: tableOf(query), err: err}
	}
}

// tableOf is the table an "INSERT INTO table ..." statement writes.
func tableOf(query string) string {
	if f := strings.Fields(query); len(f) > 2 {
		return f[2]
	}
	return ""
}

// tableError is a row that a table refused.
type tableError struct {
	table string
	err   error
}

func (e *tableError) Error() string { return "the " + e.table + " table: " + e.err.Error() }
func (e *tableError) Unwrap() error { return e.err }

func (in *inserter) close() error {
	for _, st := range in.stmts {
		if err := st.Close(); err != nil && in.err == nil {
			in.err = err
		}
	}
	return in.err
}
