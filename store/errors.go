package store

import (
	"fmt"
	"strconv"

	"github.com/equitylandscape/equity/model"
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
