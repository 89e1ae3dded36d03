package store_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store"
)

// leftovers lists the temporary files Write may have left in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		if n := e.Name(); strings.HasPrefix(n, ".equity-") || strings.HasSuffix(n, ".tmp") ||
			strings.HasSuffix(n, "-journal") || strings.HasSuffix(n, "-wal") || strings.HasSuffix(n, "-shm") {
			out = append(out, n)
		}
	}
	return out
}

func TestWriteReplaces(t *testing.T) {
	dir := t.TempDir()
	first := fixture(t)
	path := writeDataset(t, first, dir, "x.db")

	parts := fixtureParts()
	parts.Meta.Title = "The second one"
	parts.Observations = parts.Observations[:len(parts.Observations)/2]
	second, err := model.New(parts)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Write(path, second); err != nil {
		t.Fatal(err)
	}
	got, err := store.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	assertSameDataset(t, got, second, path)
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("Write left %v behind", l)
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("%d files in the directory, want 1", len(es))
	}
}

// TestWriteFailureKeepsTheOldFile makes Write fail after it has begun: the
// file it was to replace is intact, and no temporary file is left.
func TestWriteFailureKeepsTheOldFile(t *testing.T) {
	// Two countries with one code: model.New refuses them, but Countries is
	// exported, so a caller can still hand Write such a dataset, and the
	// schema's primary key refuses it halfway through writing.
	dupCountry := func(t testing.TB) *model.Dataset {
		d := fixture(t)
		d.Countries = append(d.Countries, d.Countries[0])
		return d
	}
	dupSource := func(t testing.TB) *model.Dataset {
		d := fixture(t)
		d.Sources = append(d.Sources, d.Sources[0])
		return d
	}
	tests := []struct {
		name    string
		dataset func(tb testing.TB) *model.Dataset
		target  func(t *testing.T, dir string) string // where to write
		root    bool                                  // whether the case holds for root
	}{
		{"duplicate country", dupCountry, func(t *testing.T, dir string) string { return filepath.Join(dir, "x.db") }, true},
		{"duplicate source", dupSource, func(t *testing.T, dir string) string { return filepath.Join(dir, "x.db") }, true},
		{"no such directory", fixture, func(t *testing.T, dir string) string { return filepath.Join(dir, "missing", "x.db") }, true},
		{"target is a directory", fixture, func(t *testing.T, dir string) string {
			path := filepath.Join(dir, "sub")
			if err := os.MkdirAll(filepath.Join(path, "inside"), 0o755); err != nil {
				t.Fatal(err)
			}
			return path
		}, true},
		{"read-only directory", fixture, func(t *testing.T, dir string) string {
			if err := os.Chmod(dir, 0o555); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(dir, 0o755) })
			return filepath.Join(dir, "x.db")
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.root && os.Geteuid() == 0 {
				t.Skip("root ignores file permissions")
			}
			dir := t.TempDir()
			old := writeDataset(t, fixture(t), dir, "x.db")
			oldBytes, err := os.ReadFile(old)
			if err != nil {
				t.Fatal(err)
			}
			d := tt.dataset(t)
			path := tt.target(t, dir)
			before := fileSnapshot(t, dir)

			err = store.Write(path, d)
			if err == nil {
				t.Fatal("Write succeeded")
			}
			t.Log(err)
			if strings.ContainsAny(err.Error(), "\n\r") {
				t.Errorf("error %q is more than one line", err)
			}
			sameSnapshot(t, before, fileSnapshot(t, dir))
			if b, err := os.ReadFile(old); err != nil || !bytes.Equal(b, oldBytes) {
				t.Errorf("the old file changed (%v)", err)
			}
			if l := leftovers(t, dir); len(l) > 0 {
				t.Errorf("Write left %v behind", l)
			}
			if _, err := store.LoadFile(old); err != nil {
				t.Errorf("the old file no longer loads: %v", err)
			}
		})
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := writeDataset(t, fixture(t), dir, "x.db")
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if m := st.Mode(); m != 0o644 {
		t.Errorf("mode %v, want -rw-r--r--", m)
	}
	if v := queryInt(t, path, "PRAGMA user_version"); v != store.SchemaVersion {
		t.Errorf("user_version %d, want %d", v, store.SchemaVersion)
	}
	// Written with no journal, but not left in a mode that would make
	// readers create files beside it.
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if b[18] != 1 || b[19] != 1 {
		t.Errorf("file format versions %d, %d: want 1, 1 (rollback journal, not WAL)", b[18], b[19])
	}
	if n := queryInt(t, path, "PRAGMA freelist_count"); n != 0 {
		t.Errorf("%d free pages: the file was not vacuumed", n)
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("Write left %v behind", l)
	}
}

// TestWriteIsDeterministic writes the same dataset twice: VACUUM lays the
// pages out afresh, so the files are byte for byte the same.
func TestWriteIsDeterministic(t *testing.T) {
	for _, tt := range []struct {
		name string
		d    func(t *testing.T) *model.Dataset
	}{
		{"fixture", func(t *testing.T) *model.Dataset { return fixture(t) }},
		{"embedded", func(t *testing.T) *model.Dataset { return loadEmbedded(t) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			a := writeDataset(t, tt.d(t), dir, "a.db")
			b := writeDataset(t, tt.d(t), dir, "b.db")
			ab, err := os.ReadFile(a)
			if err != nil {
				t.Fatal(err)
			}
			bb, err := os.ReadFile(b)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(ab, bb) {
				t.Errorf("two writes of one dataset differ (%d and %d bytes, first difference at byte %d)", len(ab), len(bb), firstDiff(ab, bb))
			}
		})
	}
}

// TestWriteEmbeddedAgain loads the embedded database and writes it again:
// everything it holds survives the round trip.
func TestWriteEmbeddedAgain(t *testing.T) {
	want := loadEmbedded(t)
	path := writeDataset(t, want, t.TempDir(), "again.db")
	got, err := store.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	assertSameDataset(t, got, want, path)
}

// TestWriteIsCompact checks that Write leaves no slack: VACUUM INTO, which
// copies a database into the fewest pages, does not make it smaller.
func TestWriteIsCompact(t *testing.T) {
	dir := t.TempDir()
	path := writeDataset(t, loadEmbedded(t), dir, "x.db")
	packed := filepath.Join(dir, "packed.db")
	execSQL(t, "file:"+path+"?mode=ro", "VACUUM INTO '"+packed+"'")
	got, want := queryInt(t, path, "PRAGMA page_count"), queryInt(t, packed, "PRAGMA page_count")
	if got > want {
		t.Errorf("Write made %d pages, VACUUM INTO %d", got, want)
	}
}

// TestEmbeddedIsWhatWriteMakes writes the embedded dataset again and expects
// the embedded file itself, byte for byte: cmd/mksample writes it with
// store.Write, so a difference means the bundled database is stale (written
// by an older schema, writer or SQLite): rebuild it with
// `go run ./cmd/mksample -out sample-data/equity.db`.
func TestEmbeddedIsWhatWriteMakes(t *testing.T) {
	path := writeDataset(t, loadEmbedded(t), t.TempDir(), "again.db")
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := embeddedBytes(t)
	if !bytes.Equal(got, want) {
		t.Errorf("writing the embedded dataset gives %d bytes that differ from the embedded %d from byte %d: "+
			"rebuild sample-data/equity.db with `go run ./cmd/mksample -out sample-data/equity.db`", len(got), len(want), firstDiff(got, want))
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestWriteDiskFull: a disk that fills while the database is written gives
// one sentence that says so, the file that was there is kept, and no
// temporary file is left.
func TestWriteDiskFull(t *testing.T) {
	dir := t.TempDir()
	path := writeDataset(t, fixture(t), dir, "my.db")
	before := fileSnapshot(t, dir)
	err := store.WriteWithMaxPages(path, loadEmbedded(t), 20)
	if err == nil {
		t.Fatal("Write succeeded")
	}
	want := "the disk is full writing " + path + ": nothing was written; free some space and try again"
	if err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	sameSnapshot(t, before, fileSnapshot(t, dir))
}

// TestWriteFailureWords: errors of the system while writing are said in
// words, with nothing but the path.
func TestWriteFailureWords(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{&os.PathError{Op: "write", Path: "/tmp/.equity-1-2.tmp", Err: syscall.ENOSPC},
			"the disk is full writing my.db: nothing was written; free some space and try again"},
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.EACCES},
			"permission was denied writing my.db: nothing was written; write it to a folder you can write to"},
		{&os.PathError{Op: "open", Path: "/x/.equity-1-2.tmp", Err: syscall.ENOENT},
			"the folder was not found writing my.db: nothing was written; create it, or write the database elsewhere"},
	} {
		if got := store.WriteFailure("my.db", tt.err).Error(); got != tt.want {
			t.Errorf("%v: %q, want %q", tt.err, got, tt.want)
		}
	}
}

// TestWriteErrorsLeakNothing: a write that fails on a row says which table,
// never the statement or the row's values.
func TestWriteErrorsLeakNothing(t *testing.T) {
	d := fixture(t)
	d.Countries = append(d.Countries, d.Countries[1]) // Åland, twice
	path := filepath.Join(t.TempDir(), "x.db")
	err := store.Write(path, d)
	if err == nil {
		t.Fatal("Write succeeded")
	}
	t.Log(err)
	msg := err.Error()
	for _, leak := range []string{"INSERT", "VALUES", "?", "Åland", "ALA", "AX", ".tmp"} {
		if strings.Contains(msg, leak) {
			t.Errorf("%q shows %q", msg, leak)
		}
	}
	if !strings.Contains(msg, "countries table") || !strings.Contains(msg, "nothing was written") {
		t.Errorf("%q does not name the table and say nothing was written", msg)
	}
}
