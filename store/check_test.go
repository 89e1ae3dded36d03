package store_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

// TestLoadReportsFirstBadTable: the observations are read on a connection of
// their own beside the other tables (read.go), yet a database with bad values
// in several tables is refused for the first of them in the order the tables
// are read, whichever connection finds its bad value first.
func TestLoadReportsFirstBadTable(t *testing.T) {
	const ng = "iso2 = 'NG' AND indicator_id = 'affiliates.count' AND year = 2019"
	badObs := "UPDATE observations SET value = 'SECRET' WHERE " + ng
	badScore := "UPDATE scores SET score = 250 WHERE iso2 = 'NG' AND domain = 'affiliates' AND facet = 'growth' AND year = 2021"
	badCountry := "UPDATE countries SET is_protected = 'SECRET' WHERE iso2 = 'NG'"
	badReading := "INSERT INTO readings VALUES ('NG', 'ha.wikipedia', 2017, '2017-06', -5, 1, 2, 3, 'x')"
	tests := []struct {
		name  string
		stmts []string
		want  string
	}{
		{"a country before the observations", []string{badObs, badCountry},
			"has a value that is not a number in countries (NG), column is_protected"},
		{"the observations before the scores", []string{badScore, badObs},
			"has a value that is not a number in observations (NG, affiliates.count, 2019), column value"},
		{"the observations before the readings", []string{badReading, badObs},
			"has a value that is not a number in observations (NG, affiliates.count, 2019), column value"},
		{"the scores alone", []string{badScore},
			"has a score outside 0–100 in scores (NG, affiliates, growth, 2021), column score"},
		{"the scores before the readings", []string{badReading, badScore},
			"has a score outside 0–100 in scores (NG, affiliates, growth, 2021), column score"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := copyEmbedded(t, t.TempDir(), "x.db")
			execSQL(t, path, tt.stmts...)
			_, err := store.LoadFile(path)
			if err == nil {
				t.Fatal("LoadFile accepted it")
			}
			checkError(t, err, path, tt.want)
		})
	}
}

// TestLoadLean: store.Lean leaves out the editions, country wikis and
// movement figures, neither reading nor checking them, and keeps everything
// else as a whole load has it.
func TestLoadLean(t *testing.T) {
	path := copyEmbedded(t, t.TempDir(), "x.db")
	execSQL(t, path, "INSERT INTO readings VALUES ('NG', 'ha.wikipedia', 2017, '2017-06', -5, 1, 2, 3, 'x')")
	if _, err := store.LoadFile(path); err == nil {
		t.Fatal("a whole load accepted a negative count of views")
	}
	lean, err := store.LoadFile(path, store.Lean())
	if err != nil {
		t.Fatalf("a lean load checked the readings it leaves out: %v", err)
	}
	whole, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(lean.AllReadings()); n != 0 {
		t.Errorf("a lean load has %d readings, want none", n)
	}
	if !lean.Movement.Empty() {
		t.Error("a lean load has the movement's figures")
	}
	if len(whole.AllReadings()) == 0 || whole.Movement.Empty() {
		t.Fatal("the bundled database has no readings or movement figures: this test tests nothing")
	}
	if !reflect.DeepEqual(lean.Observations(), whole.Observations()) || !reflect.DeepEqual(lean.Scores(), whole.Scores()) ||
		!reflect.DeepEqual(lean.Countries, whole.Countries) || !reflect.DeepEqual(lean.Indicators, whole.Indicators) ||
		!reflect.DeepEqual(lean.Years, whole.Years) || lean.DefaultYear() != whole.DefaultYear() ||
		!reflect.DeepEqual(lean.AllMissing(), whole.AllMissing()) || !reflect.DeepEqual(lean.ClassCounts(), whole.ClassCounts()) {
		t.Error("a lean load differs from a whole one beyond the tables it leaves out")
	}
}

// A lean load is for reading: writing it would lose the tables it left
// out, so it is refused, and nothing is written.
func TestLeanLoadIsNotWritten(t *testing.T) {
	dir := t.TempDir()
	lean, err := store.LoadFS(sampledata.FS, sampledata.DBName, store.Lean())
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.db")
	err = store.Write(out, lean)
	if err == nil || !strings.Contains(err.Error(), "loaded without some of its tables") {
		t.Fatalf("Write of a lean load: %v", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a file was written: %v", err)
	}
	whole, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Write(out, whole); err != nil {
		t.Errorf("a whole load: %v", err)
	}
}
