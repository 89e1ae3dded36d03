package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/store"
)

// writeFile writes a small file at dir/name and returns its path.
func writeFile(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte("country,indicator,year,value\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCheckInput(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "a.csv")
	for _, tt := range []struct {
		name, path string
		want       string // "" for accepted
	}{
		{"a file", file, ""},
		{"a folder", dir, "is a folder, not a file; give the path of a downloaded file"},
		{"missing: the reader says so", filepath.Join(dir, "missing.csv"), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := store.CheckInput(tt.path)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("accepted")
			}
			checkError(t, err, tt.path, tt.want)
		})
	}
}

func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "a.csv")
	other := writeFile(t, dir, "b.csv")
	hard := filepath.Join(dir, "hard.db")
	if err := os.Link(in, hard); err != nil {
		t.Fatal(err)
	}
	sym := filepath.Join(dir, "sym.db")
	symOK := os.Symlink(in, sym) == nil // Windows may refuse links to users
	existing := writeFile(t, dir, "old.db")
	inputs := []string{other, in}
	for _, tt := range []struct {
		name, out string
		errPath   string // the path the message names
		want      string // "" for accepted
	}{
		{"a new name", filepath.Join(dir, "new.db"), "", ""},
		{"an existing database", existing, "", ""},
		{"an input", in, in, "is one of the files to import; give --out a new name, so that the file is kept"},
		{"a hard link to an input", hard, hard, "is the same file as " + in + ", one of the files to import"},
		{"a symbolic link to an input", sym, sym, "is the same file as " + in + ", one of the files to import"},
		{"a folder", dir, dir, "is a folder; give --out the path of a database file in it"},
		{"in a folder that does not exist", filepath.Join(dir, "no", "x.db"), filepath.Join(dir, "no"), "is not a folder that exists"},
		{"under a file", filepath.Join(in, "x.db"), in, "is not a folder that exists"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.out == sym && !symOK {
				t.Skip("no symbolic links here")
			}
			err := store.CheckOutput(tt.out, inputs)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("accepted")
			}
			t.Log(err)
			checkError(t, err, tt.errPath, tt.want)
		})
	}
}

// TestTempNames: the temporary files of Write carry the writer's process id,
// the pattern CleanLeftovers looks for, and CreateTemp makes them private.
func TestCreateTemp(t *testing.T) {
	dir := t.TempDir()
	f, err := store.CreateTemp(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	name := filepath.Base(f.Name())
	if want := ".equity-" + strconv.Itoa(os.Getpid()) + "-"; !strings.HasPrefix(name, want) || !strings.HasSuffix(name, ".tmp") {
		t.Errorf("temporary file %q, want %s<random>.tmp", name, want)
	}
	// This process is alive: its file is kept.
	removed, err := store.CleanLeftovers(dir)
	if err != nil || len(removed) != 0 {
		t.Errorf("CleanLeftovers removed %v (%v) of a live process", removed, err)
	}
	if _, err := os.Stat(f.Name()); err != nil {
		t.Errorf("the file is gone: %v", err)
	}
}

func TestCleanLeftoversMissingFolder(t *testing.T) {
	_, err := store.CleanLeftovers(filepath.Join(t.TempDir(), "missing"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v, want one that is os.ErrNotExist", err)
	}
}
