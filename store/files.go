package store

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// tempPrefix and tempSuffix frame the name of every temporary file equity
// writes before renaming it into place (a database by Write, a checklist by
// the session package): .equity-<pid>-<random>.tmp. The writer's process id
// in the name is what lets a later run tell a file whose writer was killed
// from one still being written.
const (
	tempPrefix = ".equity-"
	tempSuffix = ".tmp"
)

// CreateTemp creates a new temporary file in dir, named for this process,
// readable and writable by the user alone. A writer renames it into place or
// removes it; CleanLeftovers removes it when the writer was killed first.
func CreateTemp(dir string) (*os.File, error) {
	return os.CreateTemp(dir, fmt.Sprintf("%s%d-*%s", tempPrefix, os.Getpid(), tempSuffix))
}

// tempOwner reads the process id from the name of a temporary file that
// CreateTemp made, and reports whether the name is one.
func tempOwner(name string) (int, bool) {
	rest, ok := strings.CutPrefix(name, tempPrefix)
	if !ok {
		return 0, false
	}
	if rest, ok = strings.CutSuffix(rest, tempSuffix); !ok {
		return 0, false
	}
	pid, random, ok := strings.Cut(rest, "-")
	if !ok || !digits(pid) || !digits(random) || pid[0] == '0' || len(pid) > 10 {
		return 0, false
	}
	n, err := strconv.Atoi(pid)
	if err != nil || n <= 0 || n > math.MaxInt32 {
		return 0, false
	}
	return n, true
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// CleanLeftovers removes from dir the temporary files of writers that were
// stopped before they could finish (killed, or the machine went down), and
// returns their paths. A file whose writer may still be running is kept:
// only a process that is certainly gone has its file removed, and only a
// regular file (never a link) named as CreateTemp names them. err is the
// first file that could not be listed or removed; the others are still
// removed.
func CleanLeftovers(dir string) (removed []string, err error) {
	es, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	self := os.Getpid()
	for _, e := range es {
		pid, ok := tempOwner(e.Name())
		if !ok || pid == self || !e.Type().IsRegular() || !processGone(pid) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		switch rerr := os.Remove(path); {
		case rerr == nil:
			removed = append(removed, path)
		case errors.Is(rerr, fs.ErrNotExist):
			// another run removed it first
		case err == nil:
			err = rerr
		}
	}
	return removed, err
}

// notAFile says what a path that is not a regular file is ("is a named
// pipe"), or "" for a regular file. Reading a pipe waits for a writer, and
// reading a device such as /dev/zero never ends: neither may be opened.
func notAFile(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "is a folder"
	case m&fs.ModeNamedPipe != 0:
		return "is a named pipe"
	case m&fs.ModeSocket != 0:
		return "is a socket"
	case m&fs.ModeDevice != 0:
		return "is a device"
	}
	return "is a special file"
}

// CheckInput refuses a file to import that is not a regular file (a folder,
// a named pipe, a socket, a device such as /dev/zero), before anything opens
// it, so that an import never waits on a pipe or reads without end. A
// symbolic link is followed. A path that cannot be looked at is let through:
// the reader that opens it says why it cannot be read.
func CheckInput(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return nil
	}
	if what := notAFile(st.Mode()); what != "" {
		return &Error{Path: path, Problem: what + ", not a file", Hint: "give the path of a downloaded file"}
	}
	return nil
}

// CheckOutput refuses a database to write that is not a regular file or a
// new name: a folder, a named pipe, a socket, a device, a folder that does
// not exist, or one of the inputs (the same file, also through a symbolic
// or hard link), which the new database would replace. A path that cannot
// be looked at is let through: writing it says why.
func CheckOutput(out string, inputs []string) error {
	st, err := os.Stat(out)
	switch {
	case err != nil:
		dir := filepath.Dir(out)
		if dst, derr := os.Stat(dir); errors.Is(derr, fs.ErrNotExist) || errors.Is(derr, syscall.ENOTDIR) || derr == nil && !dst.IsDir() {
			return &Error{Path: dir, Problem: "is not a folder that exists", Hint: "create it, or write the database elsewhere"}
		}
		return nil
	case st.IsDir():
		return &Error{Path: out, Problem: "is a folder", Hint: "give --out the path of a database file in it"}
	}
	if what := notAFile(st.Mode()); what != "" {
		return &Error{Path: out, Problem: what + ", not a database file", Hint: "give --out the path of a database file"}
	}
	for _, in := range inputs {
		ist, err := os.Stat(in)
		if err != nil || !os.SameFile(st, ist) {
			continue
		}
		problem := "is one of the files to import"
		if in != out {
			problem = "is the same file as " + in + ", one of the files to import"
		}
		return &Error{Path: out, Problem: problem, Hint: "give --out a new name, so that the file is kept"}
	}
	return nil
}
