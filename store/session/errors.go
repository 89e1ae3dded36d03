package session

import (
	"fmt"
	"strconv"

	"github.com/equitylandscape/equity/model"
)

// CorruptError is a saved checklist that Load could not read: a file that is
// not valid JSON, of another format version, for another use case or subject
// than its name says, or with an answer equity does not know. Load never
// overwrites or deletes such a file: it moves it aside, to MovedTo, and the
// checklist starts empty. When even that fails, MovedTo is "", Err says why,
// the file is left as it is, and Save refuses to replace it.
type CorruptError struct {
	Path    string // the saved checklist
	MovedTo string // where the file now is; "" when it could not be moved
	Reason  string // what is wrong with it, to follow the path: "is not valid JSON (…)"
	Err     error  // why it could not be moved aside, when MovedTo is ""
}

func (e *CorruptError) Error() string {
	if e.MovedTo == "" {
		return model.CleanText(fmt.Sprintf("the saved checklist %s %s and could not be set aside (%v), so it was left as it is and nothing will be saved over it",
			showPath(e.Path), e.Reason, e.Err))
	}
	return model.CleanText(fmt.Sprintf("the saved checklist %s %s, so it was set aside as %s and the checklist starts empty",
		showPath(e.Path), e.Reason, showPath(e.MovedTo)))
}

func (e *CorruptError) Unwrap() error { return e.Err }

// showPath quotes a path that holds a control character, so that a message
// stays on one line and names the file unambiguously.
func showPath(p string) string {
	if model.CleanText(p) != p {
		return strconv.Quote(p)
	}
	return p
}
