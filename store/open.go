package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/equitylandscape/equity/model"
	"modernc.org/sqlite/vfs"
)

// EmbeddedOrigin is how the database compiled into the binary is named in
// messages and in a dataset's Meta.Origin.
const EmbeddedOrigin = "the embedded database"

// sqliteMagic opens every SQLite 3 database file.
const sqliteMagic = "SQLite format 3\x00"

const rebuildHint = "rebuild it with `equity import`, or leave out --db to use the bundled data"

// LoadFS loads the database called name inside fsys, reading it in place
// through a read-only SQLite VFS: the embedded database is never copied to
// disk.
func LoadFS(fsys fs.FS, name string) (*model.Dataset, error) {
	if err := checkHeader(fsys, name, EmbeddedOrigin); err != nil {
		return nil, err
	}
	vfsName, vfsFS, err := vfs.New(fsys)
	if err != nil {
		return nil, &Error{Path: EmbeddedOrigin, Problem: "cannot be opened", Hint: "this binary is broken; download it again", Err: err}
	}
	d, err := load("file:"+url.PathEscape(name), vfsName, EmbeddedOrigin)
	if cerr := vfsFS.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close embedded database: %w", cerr)
	}
	if err != nil {
		return nil, err
	}
	return d, nil
}

// LoadFile loads the database at path, read-only: nothing is ever written to
// a file the user did not ask to write.
func LoadFile(path string) (*model.Dataset, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, &Error{Path: path, Problem: "does not exist", Hint: "check the path, or leave out --db to use the bundled data"}
	case errors.Is(err, fs.ErrPermission):
		return nil, &Error{Path: path, Problem: "cannot be read (permission denied)", Hint: "check the file's permissions", Err: err}
	case err != nil:
		return nil, &Error{Path: path, Problem: "cannot be read", Hint: err.Error(), Err: err}
	case st.IsDir():
		return nil, &Error{Path: path, Problem: "is a directory, not a database file", Hint: "give the path of a .db file"}
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if err := checkHeader(os.DirFS(dir), base, path); err != nil {
		return nil, err
	}
	uri := fileURI(path)
	if settledWAL(path) {
		uri += "?immutable=1"
	}
	d, err := load(uri, "", path)
	if err != nil {
		return nil, err
	}
	return d, nil
}

// settledWAL reports whether path is a database in WAL mode with no -wal file
// beside it, so that the file holds everything. SQLite would open it by
// creating -wal and -shm files, which a read-only connection then leaves
// behind; opened as immutable, it is read as it is and nothing is created.
func settledWAL(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var head [20]byte
	if _, err := io.ReadFull(f, head[:]); err != nil || (head[18] != 2 && head[19] != 2) {
		return false
	}
	_, err = os.Lstat(path + "-wal")
	return errors.Is(err, fs.ErrNotExist)
}

// checkHeader refuses a file that is not a SQLite database before SQLite sees
// it, so that the message says so plainly (SQLite would treat an empty file as
// an empty database, and report others as "file is not a database").
func checkHeader(fsys fs.FS, name, shown string) error {
	f, err := fsys.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return &Error{Path: shown, Problem: "cannot be read (permission denied)", Hint: "check the file's permissions", Err: err}
		}
		return &Error{Path: shown, Problem: "cannot be opened", Hint: err.Error(), Err: err}
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && (err == io.EOF || err == nil):
		return &Error{Path: shown, Problem: "is empty, not an equity database", Hint: rebuildHint}
	case err != nil && err != io.ErrUnexpectedEOF:
		return &Error{Path: shown, Problem: "cannot be read", Hint: err.Error(), Err: err}
	case !bytes.Equal(head[:n], []byte(sqliteMagic)):
		return &Error{Path: shown, Problem: "is not a SQLite database", Hint: "give the path of a database written by `equity import`, or leave out --db to use the bundled data"}
	}
	return nil
}

// fileURI turns a path into an SQLite URI filename, so that options such as
// mode=ro apply and characters like '?' or '#' in the path are not read as
// URI syntax.
func fileURI(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: file:/C:/dir/x.db
	}
	u := url.URL{Path: p}
	return "file:" + u.EscapedPath()
}

// load opens the database, checks its schema version and tables, and reads
// it whole into a Dataset.
func load(uri, vfsName, shown string) (*model.Dataset, error) {
	db, err := openRaw(uri, vfsName)
	if err != nil {
		return nil, damaged(shown, err)
	}
	defer db.close()

	version, err := db.one("PRAGMA user_version")
	if err != nil {
		return nil, damaged(shown, err)
	}
	if version != SchemaVersion {
		hint := rebuildHint
		if version > SchemaVersion {
			hint = "it was written by a newer equity; use that version, or leave out --db to use the bundled data"
		}
		if version == 0 {
			return nil, &Error{Path: shown, Problem: "is a SQLite database but not an equity database (no schema version)", Hint: hint}
		}
		return nil, &Error{Path: shown, Problem: fmt.Sprintf("has schema version %d, and this equity reads version %d", version, SchemaVersion), Hint: hint}
	}
	if err := checkTables(db, shown); err != nil {
		return nil, err
	}
	d, err := read(db)
	if err != nil {
		var inconsistent *inconsistentError
		if errors.As(err, &inconsistent) {
			return nil, &Error{Path: shown, Problem: "is inconsistent (" + model.CleanText(inconsistent.Error()) + ")", Hint: rebuildHint, Err: err}
		}
		return nil, damaged(shown, err)
	}
	d.Meta.Origin = shown
	return d, nil
}

func damaged(shown string, err error) error {
	msg := err.Error()
	var se *sqliteError
	if errors.As(err, &se) {
		msg = se.msg
	}
	return &Error{Path: shown, Problem: "is damaged (" + model.CleanText(msg) + ")", Hint: rebuildHint, Err: err}
}

func checkTables(db *rawDB, shown string) error {
	have := map[string]bool{}
	err := db.query("SELECT name FROM sqlite_master WHERE type = 'table'", func(w row) error {
		have[w.text(0)] = true
		return nil
	})
	if err != nil {
		return damaged(shown, err)
	}
	for _, t := range tableNames() {
		if !have[t] {
			return &Error{Path: shown, Problem: fmt.Sprintf("has no %q table", t), Hint: "it is not an equity database or it is damaged; " + rebuildHint}
		}
	}
	return nil
}
