package main

import (
	"errors"
	"strings"
)

// The exit statuses, as the man page documents them: scripts can tell a
// command line to fix from a file, database or terminal that failed.
const (
	exitOK    = 0
	exitError = 1 // files, the database, the data, the terminal, I/O
	exitUsage = 2 // the command line itself
)

// usageError is a mistake on the command line (an unknown command or flag,
// a missing or extra argument, a flag value of the wrong kind or out of its
// set, an unknown country, region or indicator given as an argument); its
// message points to --help and the exit status is 2.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

// asUsage marks err, if any, as a mistake on the command line.
func asUsage(err error) error {
	if err == nil {
		return nil
	}
	return usageError{err}
}

// isUsage reports whether err is a mistake on the command line: ours, or
// cobra's own argument errors, which do not pass through the flag error
// function.
func isUsage(err error) bool {
	var u usageError
	if errors.As(err, &u) {
		return true
	}
	s := err.Error()
	for _, p := range []string{"unknown command", "accepts ", "requires ", "invalid argument", "unknown flag", "unknown shorthand flag", "flag needs an argument", "bad flag syntax"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// exitStatus is the status a run that ended with err exits with.
func exitStatus(err error) int {
	switch {
	case err == nil:
		return exitOK
	case isUsage(err):
		return exitUsage
	}
	return exitError
}
