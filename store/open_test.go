package store_test

import (
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store"
)

// dirNames lists the names in dir, sorted.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	slices.Sort(out)
	return out
}

// loadWithin runs LoadFile with a time limit, so that a load that waits on a
// pipe fails the test instead of hanging it.
func loadWithin(t *testing.T, path string, limit time.Duration) (*model.Dataset, error) {
	t.Helper()
	type result struct {
		d   *model.Dataset
		err error
	}
	done := make(chan result, 1)
	go func() {
		d, err := store.LoadFile(path)
		done <- result{d, err}
	}()
	select {
	case r := <-done:
		return r.d, r.err
	case <-time.After(limit):
		t.Fatalf("LoadFile(%s) did not return within %v", path, limit)
		return nil, nil
	}
}

// TestLoadFileCreatesNothingBeside opens databases in a folder that can be
// written, where SQLite would create -wal and -shm files if let: none
// appears.
func TestLoadFileCreatesNothingBeside(t *testing.T) {
	for _, tt := range []struct {
		name  string
		mode  string
		extra []string // files to put beside the database first
	}{
		{"rollback journal", "DELETE", nil},
		{"WAL", "WAL", nil},
		{"WAL with an empty -wal file", "WAL", []string{"-wal"}},
		{"rollback journal with an empty -journal file", "DELETE", []string{"-journal"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := copyEmbedded(t, dir, "x.db")
			execSQL(t, path, "PRAGMA journal_mode = "+tt.mode)
			for _, suffix := range tt.extra {
				if err := os.WriteFile(path+suffix, nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before := dirNames(t, dir)
			d, err := store.LoadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Countries) != 250 {
				t.Errorf("%d countries", len(d.Countries))
			}
			if after := dirNames(t, dir); !slices.Equal(before, after) {
				t.Errorf("the folder held %v, and after loading %v", before, after)
			}
		})
	}
}

// openTransaction starts a change to the database at path that spills to
// disk, and returns the connection holding it open, so that a copy of the
// files taken now is what a program killed mid-write leaves.
func openTransaction(t *testing.T, path string, pragmas ...string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	stmts := append(pragmas, "PRAGMA cache_size = 2", "BEGIN", "UPDATE observations SET value = value + 1")
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	return db
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestLoadFileUnfinishedWrites loads the files a program killed while
// writing leaves: each is refused with a sentence of its own, not "is
// damaged", and nothing on disk changes (no roll back, no -shm file).
func TestLoadFileUnfinishedWrites(t *testing.T) {
	for _, tt := range []struct {
		name    string
		pragmas []string
		copy    []string // the files to copy, by suffix
		want    []string
	}{
		{"a hot rollback journal", []string{"PRAGMA journal_mode = DELETE"}, []string{"", "-journal"},
			[]string{"has an unfinished change in x.db-journal", "sqlite3"}},
		{"a -wal file with changes and no -shm", []string{"PRAGMA journal_mode = WAL", "PRAGMA wal_autocheckpoint = 0"}, []string{"", "-wal"},
			[]string{"has changes in x.db-wal that are not in the file yet", "sqlite3"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := copyEmbedded(t, t.TempDir(), "x.db")
			db := openTransaction(t, src, tt.pragmas...)
			if strings.Contains(tt.name, "-wal") {
				// A committed change, not yet checkpointed into the file.
				if _, err := db.Exec("COMMIT"); err != nil {
					t.Fatal(err)
				}
			}
			dir := t.TempDir()
			path := filepath.Join(dir, "x.db")
			for _, suffix := range tt.copy {
				copyFile(t, src+suffix, path+suffix)
			}
			before := snapshot(t, dir)
			_, err := store.LoadFile(path)
			if err == nil {
				t.Fatal("LoadFile accepted it")
			}
			t.Log(err)
			checkError(t, err, path, tt.want...)
			if strings.Contains(err.Error(), "damaged") {
				t.Errorf("%q calls it damaged", err)
			}
			sameSnapshot(t, before, snapshot(t, dir))
		})
	}
}

// TestLoadFileWALInReadOnlyFolder: a -wal file with changes, in a folder
// equity cannot write, is refused for that reason.
func TestLoadFileWALInReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 || runtime.GOOS == "windows" {
		t.Skip("root ignores file permissions")
	}
	src := copyEmbedded(t, t.TempDir(), "x.db")
	db := openTransaction(t, src, "PRAGMA journal_mode = WAL", "PRAGMA wal_autocheckpoint = 0")
	if _, err := db.Exec("COMMIT"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "x.db")
	copyFile(t, src, path)
	copyFile(t, src+"-wal", path+"-wal")
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	_, err := store.LoadFile(path)
	if err == nil {
		t.Fatal("LoadFile accepted it")
	}
	t.Log(err)
	checkError(t, err, path, "its folder cannot be written")
}

// TestLoadFileLongPath loads a database whose path is longer than SQLite
// takes, though the system takes it.
func TestLoadFileLongPath(t *testing.T) {
	dir := t.TempDir()
	for len(dir) < 600 {
		dir = filepath.Join(dir, strings.Repeat("d", 100))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Skipf("the system refuses a long path: %v", err)
	}
	path := copyEmbedded(t, dir, "x.db")
	_, err := store.LoadFile(path)
	if err == nil {
		t.Skip("SQLite opened a long path on this system")
	}
	t.Log(err)
	checkError(t, err, path, "path is longer than SQLite can open")
}
