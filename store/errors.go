package store

import "fmt"

// Error is a database that cannot be used, said in one sentence that names the
// file, what is wrong with it and what to do.
type Error struct {
	Path    string // the file, or "the embedded database"
	Problem string // "does not exist", "is not a SQLite database", ...
	Hint    string // what to do about it
	Err     error  // the underlying error, if any
}

func (e *Error) Error() string {
	msg := fmt.Sprintf("%s %s", e.Path, e.Problem)
	if e.Hint != "" {
		msg += "; " + e.Hint
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }
