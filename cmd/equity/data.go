package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
	"github.com/equitylandscape/equity/ui/report"
)

// dbEnv names the environment variable that chooses a database, like --db.
const dbEnv = "EQUITY_DB"

// load opens the database the user chose (--db, then $EQUITY_DB) or the
// bundled one. A command that shows no editions, country wikis or movement
// figures passes store.Lean() (loadLean).
func load(e env, opts *options, lo ...store.LoadOption) (*model.Dataset, error) {
	// Nearly everything loading allocates stays live: collecting garbage
	// meanwhile finds little and cost a third of a command's time. The
	// collector resumes, as it was, once the dataset is built.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	path := opts.db
	if path == "" {
		path = e.getenv(dbEnv)
	}
	if path == "" {
		return store.LoadFS(sampledata.FS, sampledata.DBName, lo...)
	}
	return store.LoadFile(path, lo...)
}

// reportHeap bounds the heap of a command that prints and exits, which
// runs without the collector (holdCollector). Such a command's whole heap,
// the dataset included, is about 25 MB.
const reportHeap = 256 << 20

// holdCollector switches the garbage collector off for a command that
// loads the dataset, prints from it and exits: nearly all it allocates is
// the dataset, live to the end, so collecting finds little and cost an
// eighth of the command's time. The memory limit would still collect should
// a command ever grow that far; a lower GOMEMLIMIT is kept. It returns what
// restores the settings before it (tests run many commands in one process).
func holdCollector() (restore func()) {
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(-1)
	debug.SetMemoryLimit(min(limit, reportHeap))
	return func() {
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(percent)
	}
}

// loadLean loads what a command needs that shows none of the tables
// store.Lean leaves out.
func loadLean(e env, opts *options) (*model.Dataset, error) { return load(e, opts, store.Lean()) }

// loadYear loads the database and picks the year a command shows.
func loadYear(e env, opts *options, year int, lo ...store.LoadOption) (*model.Dataset, int, error) {
	d, err := load(e, opts, lo...)
	if err != nil {
		return nil, 0, err
	}
	y, err := pickYear(d, year)
	return d, y, err
}

// loadLeanYear is loadYear for a command that shows none of the tables
// store.Lean leaves out.
func loadLeanYear(e env, opts *options, year int) (*model.Dataset, int, error) {
	return loadYear(e, opts, year, store.Lean())
}

// addYearFlag is the --year flag of a command that shows one year; its
// default is the year the explorer opens on too.
func addYearFlag(cmd *cobra.Command, year *int, what string) {
	cmd.Flags().IntVarP(year, "year", "y", 0, what+" (default: the latest year whose scores rest mostly on published figures; `equity info` says which)")
}

// pickYear checks a --year value against the dataset; 0 means the default
// year (model.Dataset.DefaultYear).
func pickYear(d *model.Dataset, year int) (int, error) {
	if year == 0 {
		if y := d.DefaultYear(); y != 0 {
			return y, nil
		}
		return 0, fmt.Errorf("the database has no Wikimedia activity figures for any year")
	}
	if !d.HasYear(year) {
		// A --year out of the database's set is a mistake on the command
		// line, as a country it does not hold is.
		return 0, usageError{fmt.Errorf("the database has no figures for %d; its years are %s", year, report.YearSpan(d.Years))}
	}
	return year, nil
}
