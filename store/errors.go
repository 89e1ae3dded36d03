package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"syscall"

	"github.com/equitylandscape/equity/model"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Error is a database that cannot be used, said in one sentence that names the
// file, what is wrong with it and what to do.
type Error struct {
	Path    string // the file, or "the embedded database"
	Problem string // "does not exist", "is not a SQLite database", ...
	Hint    string // what to do about it
	Err     error  // the underlying error, if any
}

func (e *Error) Error() string {
	// A file name may hold a newline or an escape sequence: quote it then, so
	// that the message stays one line and names the file unambiguously.
	path := e.Path
	if model.CleanText(path) != path {
		path = strconv.Quote(path)
	}
	msg := fmt.Sprintf("%s %s", path, e.Problem)
	if e.Hint != "" {
		msg += "; " + e.Hint
	}
	return model.CleanText(msg)
}

func (e *Error) Unwrap() error { return e.Err }

// WriteError is a database that could not be written, said in one sentence:
// what went wrong, the file, and that nothing was written (the file that was
// there, if any, is as it was).
type WriteError struct {
	Path    string // the database that was to be written
	Problem string // what went wrong, said before "writing PATH": "the disk is full"
	Hint    string // what to do about it, if anything
	Err     error
}

func (e *WriteError) Error() string {
	msg := fmt.Sprintf("%s writing %s: nothing was written", e.Problem, showPath(e.Path))
	if e.Hint != "" {
		msg += "; " + e.Hint
	}
	return model.CleanText(msg)
}

func (e *WriteError) Unwrap() error { return e.Err }

// showPath quotes a path that holds a control character, so that a message
// stays one line and names the file unambiguously.
func showPath(path string) string {
	if model.CleanText(path) != path {
		return strconv.Quote(path)
	}
	return path
}

// writeFailure says why writing path failed, in words: neither SQL nor the
// values of a row, only the table a row was refused by, and the system's or
// SQLite's name for the error.
func writeFailure(path string, err error) *WriteError {
	e := &WriteError{Path: path, Err: err}
	var se *sqlite.Error
	code := 0
	if errors.As(err, &se) {
		code = se.Code() & 0xff
	}
	switch {
	case code == sqlite3.SQLITE_FULL || errors.Is(err, syscall.ENOSPC):
		e.Problem, e.Hint = "the disk is full", "free some space and try again"
	case errors.Is(err, syscall.EROFS) || code == sqlite3.SQLITE_READONLY:
		e.Problem, e.Hint = "the disk is read-only", "write it to another disk"
	case errors.Is(err, fs.ErrPermission) || code == sqlite3.SQLITE_PERM:
		e.Problem, e.Hint = "permission was denied", "write it to a folder you can write to"
	case isDir(path):
		e.Problem, e.Hint = "the path is a folder", "give the path of a database file in it"
	case errors.Is(err, fs.ErrNotExist):
		e.Problem, e.Hint = "the folder was not found", "create it, or write the database elsewhere"
	case code == sqlite3.SQLITE_CONSTRAINT:
		table := "a"
		var te *tableError
		if errors.As(err, &te) {
			table = "the " + te.table
		}
		e.Problem = "SQLite refused two rows with one key in " + table + " table"
		e.Hint = "this is a bug in equity, please report it"
	case se != nil:
		e.Problem = "an error of SQLite (" + sqliteWords(se.Code()) + ")"
	default:
		e.Problem = "an error (" + osWords(err) + ")"
	}
	return e
}

// sqliteWords is SQLite's generic text for a result code, which quotes
// nothing of the statement or the data.
func sqliteWords(code int) string {
	if s, ok := sqlite.ErrorCodeString[code]; ok {
		return s
	}
	if s, ok := sqlite.ErrorCodeString[code&0xff]; ok {
		return s
	}
	return "error " + strconv.Itoa(code)
}

// osWords is the system's words for an error, without the operation and
// path that package os puts before them.
func osWords(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}
