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
	sqlite3 "modernc.org/sqlite/lib"
	"modernc.org/sqlite/vfs"
)

// EmbeddedOrigin is how the database compiled into the binary is named in
// messages and in a dataset's Meta.Origin.
const EmbeddedOrigin = "the embedded database"

// sqliteMagic opens every SQLite 3 database file.
const sqliteMagic = "SQLite format 3\x00"

// origin is a database as messages name it, with the advice that fits it:
// a file the user chose can be replaced, the embedded one only by getting
// equity again.
type origin struct {
	shown    string
	embedded bool
	path     string // the file on disk, "" for the embedded database
}

// fix is what to do about a database that cannot be used.
func (o origin) fix() string {
	if o.embedded {
		return "this copy of equity is damaged; download it again"
	}
	return "give a database written by this version of equity, or leave out --db to use the bundled data"
}

func (o origin) error(problem string, err error) *Error {
	return &Error{Path: o.shown, Problem: problem, Hint: o.fix(), Err: err}
}

// LoadFS loads the database called name inside fsys, reading it in place
// through a read-only SQLite VFS: the embedded database is never copied to
// disk.
func LoadFS(fsys fs.FS, name string, opts ...LoadOption) (*model.Dataset, error) {
	o := origin{shown: EmbeddedOrigin, embedded: true}
	if err := checkHeader(fsys, name, o); err != nil {
		return nil, err
	}
	vfsName, vfsFS, err := vfs.New(fsys)
	if err != nil {
		return nil, o.error("cannot be opened", err)
	}
	d, err := load("file:"+url.PathEscape(name), vfsName, o, configOf(opts))
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
func LoadFile(path string, opts ...LoadOption) (*model.Dataset, error) {
	o := origin{shown: path, path: path}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, &Error{Path: path, Problem: "does not exist", Hint: "check the path, or leave out --db to use the bundled data"}
	case err != nil:
		return nil, unreadable(o, err)
	case st.IsDir():
		return nil, &Error{Path: path, Problem: "is a directory, not a database file", Hint: "give the path of a .db file"}
	case !st.Mode().IsRegular():
		// Opening a named pipe waits for a writer; a device may never end.
		return nil, &Error{Path: path, Problem: notAFile(st.Mode()) + ", not a database file", Hint: "give the path of a .db file"}
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if err := checkHeader(os.DirFS(dir), base, o); err != nil {
		return nil, err
	}
	uri := fileURI(path)
	immutable, err := checkWAL(o)
	if err != nil {
		return nil, err
	}
	if immutable {
		uri += "?immutable=1"
	}
	d, err := load(uri, "", o, configOf(opts))
	if err != nil {
		return nil, err
	}
	return d, nil
}

// checkHeader refuses a file that is not a SQLite database before SQLite sees
// it, so that the message says so plainly (SQLite would treat an empty file as
// an empty database, and report others as "file is not a database").
func checkHeader(fsys fs.FS, name string, o origin) error {
	f, err := fsys.Open(name)
	if err != nil {
		return unreadable(o, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && (err == io.EOF || err == nil):
		return o.error("is empty, not an equity database", nil)
	case err != nil && err != io.ErrUnexpectedEOF:
		return unreadable(o, err)
	case !bytes.Equal(head[:n], []byte(sqliteMagic)):
		return o.error("is not a SQLite database", nil)
	}
	return nil
}

// unreadable says why a file could not be read, in the operating system's
// own words but without repeating the path.
func unreadable(o origin, err error) error {
	if errors.Is(err, fs.ErrPermission) {
		return &Error{Path: o.shown, Problem: "cannot be read (permission denied)", Hint: "check the file's permissions", Err: err}
	}
	reason := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		reason = pe.Err.Error()
	}
	hint := "check the path"
	if o.embedded {
		hint = o.fix()
	}
	return &Error{Path: o.shown, Problem: "cannot be read (" + model.CleanText(reason) + ")", Hint: hint, Err: err}
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
// it into a Dataset: whole, or without the tables c leaves out.
func load(uri, vfsName string, o origin, c loadConfig) (*model.Dataset, error) {
	// The rest of the dataset is prepared while the observations are
	// still being read, on a core that would otherwise wait for them.
	var prepared *model.Prepared
	var prepErr error
	c.meanwhile = func(p model.Parts) { prepared, prepErr = model.Prepare(p) }
	p, err := loadParts(uri, vfsName, o, c)
	if err != nil {
		return nil, err
	}
	if prepared == nil && prepErr == nil { // read on one goroutine
		prepared, prepErr = model.Prepare(*p)
	}
	if prepErr != nil {
		return nil, loadError(o, &inconsistentError{prepErr})
	}
	d, err := prepared.Finish(p.Runs, p.Observations)
	if err != nil {
		return nil, loadError(o, &inconsistentError{err})
	}
	d.Meta.Origin = model.CleanText(o.shown) // a path is anyone's text
	return d, nil
}

// loadParts is load up to the parts of the dataset, which model.New makes
// into one: what the store's own share of a load costs.
func loadParts(uri, vfsName string, o origin, c loadConfig) (*model.Parts, error) {
	db, err := openRaw(uri, vfsName)
	if err != nil {
		return nil, damaged(o, err)
	}
	defer db.close()

	version, err := db.one("PRAGMA user_version")
	if err != nil {
		return nil, damaged(o, err)
	}
	switch {
	case version == 0:
		return nil, o.error("is a SQLite database but not an equity database (it has no schema version)", nil)
	case version > SchemaVersion:
		return nil, &Error{Path: o.shown, Problem: fmt.Sprintf("was written by a newer equity (schema version %d; this one reads %d)", version, SchemaVersion), Hint: "open it with that version, or leave out --db to use the bundled data"}
	case version < OldestSchema:
		return nil, o.error(fmt.Sprintf("was written by an older equity (schema version %d; this one reads %d to %d)", version, OldestSchema, SchemaVersion), nil)
	}
	packed, err := checkTables(db, o, version)
	if err != nil {
		return nil, err
	}
	c.packs = packed
	// Reading checks every value as it reads it (check.go): a value a
	// column may not hold refuses the database before any figure is kept.
	p, err := readParts(db, func() (*rawDB, error) { return openRaw(uri, vfsName) }, version, c)
	if err != nil {
		return nil, loadError(o, err)
	}
	return p, nil
}

// loadError is the one sentence for what reading found wrong.
func loadError(o origin, err error) error {
	var inconsistent *inconsistentError
	var invalid *invalidError
	if errors.As(err, &invalid) {
		return o.invalid(invalid.problem)
	}
	if errors.As(err, &inconsistent) {
		return o.error("is inconsistent ("+model.CleanText(inconsistent.Error())+")", err)
	}
	return damaged(o, err)
}

// damaged reports what SQLite found wrong. A query that names a column the
// table lacks means another layout, not damage; what a program stopped
// mid-write left, or a path SQLite cannot take, is no damage either. Only
// SQLite's words for the kind of error are shown, never its detailed message,
// which may quote the file's own schema.
func damaged(o origin, err error) error {
	var se *sqliteError
	if !errors.As(err, &se) {
		return o.error("is damaged ("+model.CleanText(err.Error())+")", err)
	}
	if strings.HasPrefix(se.msg, "no such column") {
		return o.error("does not have the columns this equity reads ("+model.CleanText(se.msg)+")", err)
	}
	if o.path != "" {
		if e := openProblem(o, se); e != nil {
			return e
		}
	}
	return o.error("is damaged ("+model.CleanText(se.kind)+")", err)
}

// checkTables refuses a database that lacks one of the tables of its
// version, and says whether it has the optional packs table.
func checkTables(db *rawDB, o origin, version int) (packed bool, err error) {
	have := map[string]bool{}
	err = db.query("SELECT name FROM sqlite_master WHERE type = 'table'", func(w row) error {
		have[w.text(0)] = true
		return nil
	})
	if err != nil {
		return false, damaged(o, err)
	}
	for _, t := range tablesOf(version) {
		if !have[t] {
			return false, o.error(fmt.Sprintf("has no %q table, so it is not an equity database or it is damaged", t), nil)
		}
	}
	return have[packsTable], nil
}

// checkWAL looks beside a database in WAL mode before SQLite opens it, since
// SQLite would create a -shm file (and a -wal file) beside it and leave them
// there. A database whose -wal file is missing or empty holds everything, so
// it is opened immutable: read as it is, nothing created. One whose -wal
// holds changes and that has no -shm was left by a program stopped before
// it moved them into the file: reading them means creating a -shm file, so
// it is refused. With a -shm file, a program may be writing it right now, and
// SQLite reads through the files that are there.
func checkWAL(o origin) (immutable bool, err error) {
	if !walMode(o.path) {
		return false, nil
	}
	wal, err := os.Lstat(o.path + "-wal")
	if errors.Is(err, fs.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, nil // SQLite will say what is wrong
	}
	if _, err := os.Lstat(o.path + "-shm"); !errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if wal.Size() == 0 {
		return true, nil
	}
	return false, walChanges(o)
}

// walMode reports whether the file's header says it is in WAL mode.
func walMode(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var head [20]byte
	if _, err := io.ReadFull(f, head[:]); err != nil {
		return false
	}
	return head[18] == 2 || head[19] == 2
}

// walChanges refuses a database whose -wal file holds changes not yet in it.
func walChanges(o origin) *Error {
	wal := filepath.Base(o.path) + "-wal"
	if !folderWritable(filepath.Dir(o.path)) {
		return &Error{Path: o.shown,
			Problem: fmt.Sprintf("has changes in %s that are not in the file yet, and its folder cannot be written, so SQLite cannot read them", wal),
			Hint:    "copy both files to a folder you can write to and open the copy"}
	}
	return &Error{Path: o.shown,
		Problem: fmt.Sprintf("has changes in %s that are not in the file yet, left by a program that stopped before it moved them in", wal),
		Hint:    "open it once with sqlite3 (or the program that wrote it) to move them in, then try again"}
}

// openProblem says why SQLite could not open a file for what is not damage:
// an unfinished change beside it, a folder it cannot write the -shm file
// to, a path too long for it. nil means none of these.
func openProblem(o origin, se *sqliteError) *Error {
	switch {
	case se.ext == sqlite3.SQLITE_READONLY_ROLLBACK:
		return &Error{Path: o.shown,
			Problem: fmt.Sprintf("has an unfinished change in %s, left by a program that stopped while writing it", filepath.Base(o.path)+"-journal"),
			Hint:    "open it once with sqlite3 (or the program that wrote it) to roll the change back, then try again"}
	case se.code != sqlite3.SQLITE_CANTOPEN && se.ext != sqlite3.SQLITE_READONLY_CANTINIT &&
		se.ext != sqlite3.SQLITE_READONLY_RECOVERY && se.ext != sqlite3.SQLITE_READONLY_DIRECTORY:
		return nil
	}
	if n := len(realPath(o.path)); n >= maxSQLitePath {
		return &Error{Path: o.shown,
			Problem: fmt.Sprintf("cannot be opened: its path is longer than SQLite can open (%d bytes)", n),
			Hint:    "move it to a folder with a shorter path"}
	}
	if _, err := os.Lstat(o.path + "-wal"); err == nil {
		return walChanges(o)
	}
	return nil
}

// maxSQLitePath is the length from which SQLite's Unix file layer refuses a
// path (its MAX_PATHNAME, 512, counts the terminating NUL); a Windows path
// runs into the system's limit first.
const maxSQLitePath = 512

// realPath is the path SQLite works with: absolute, links followed.
func realPath(path string) string {
	if p, err := filepath.EvalSymlinks(path); err == nil {
		path = p
	}
	if p, err := filepath.Abs(path); err == nil {
		path = p
	}
	return path
}
