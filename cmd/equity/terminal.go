package main

import (
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"
)

// screen is what standard output is: a terminal of a size, or a pipe or a
// file (tty false).
type screen struct {
	tty           bool
	width, height int // 0 when unknown
}

// isTerminal reports whether w is a terminal, and its width.
func isTerminal(w io.Writer) (bool, int) {
	s := terminalOf(w)
	return s.tty, s.width
}

// terminalOf says whether w is a terminal, and its size.
func terminalOf(w io.Writer) screen {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return screen{}
	}
	width, height, err := term.GetSize(f.Fd())
	if err != nil {
		return screen{tty: true}
	}
	return screen{tty: true, width: width, height: height}
}

// stdoutScreen is standard output as the commands see it. COLUMNS, when it
// holds a width, wins over the terminal's own, and applies to a pipe too:
// `COLUMNS=80 equity countries | less` asks for 80 columns. Without it a
// pipe has no width, and text is as wide as its content.
func stdoutScreen(e env) screen {
	s := terminalOf(e.stdout)
	if n, err := strconv.Atoi(strings.TrimSpace(e.getenv("COLUMNS"))); err == nil && n > 0 {
		s.width = n
	}
	return s
}
