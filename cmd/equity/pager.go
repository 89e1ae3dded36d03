package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
)

// defaultPager is the pager when $PAGER is not set: -F quits at once when
// the text fits the screen, -R lets the styles through, -X leaves the text
// on the screen after quitting.
const defaultPager = "less -FRX"

// paged writes what write produces to standard output. On a terminal, text
// longer than the screen goes through $PAGER, unless --no-pager; a pipe or a
// file is never paged. A pager that cannot be started is no error: the text
// is printed as it is.
func paged(e env, s screen, write func(io.Writer) error) error {
	if !s.tty || (e.noPager != nil && *e.noPager) {
		return write(e.stdout)
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	if s.height > 0 && bytes.Count(buf.Bytes(), []byte("\n")) < s.height {
		_, err := e.stdout.Write(buf.Bytes())
		return err
	}
	if runPager(e, buf.Bytes()) {
		return nil
	}
	_, err := e.stdout.Write(buf.Bytes())
	return err
}

// runPager shows text in the pager, and reports whether the pager could be
// started. $PAGER is split at spaces, not read by a shell.
func runPager(e env, text []byte) bool {
	spec := strings.TrimSpace(e.getenv("PAGER"))
	if spec == "" {
		spec = defaultPager
	}
	args := strings.Fields(spec)
	path, err := exec.LookPath(args[0])
	if err != nil {
		return false
	}
	cmd := exec.Command(path, args[1:]...)
	cmd.Stdin = bytes.NewReader(text)
	cmd.Stdout, cmd.Stderr = e.stdout, e.stderr
	if e.getenv("LESS") == "" {
		// `PAGER=less` alone would show the styles as escape codes.
		cmd.Env = append(os.Environ(), "LESS=FRX")
	}
	// Ctrl-C belongs to the pager while it runs: were equity to end on it,
	// the shell would take the terminal back from a pager still reading.
	signal.Ignore(os.Interrupt)
	defer signal.Reset(os.Interrupt)
	if err := cmd.Start(); err != nil {
		return false
	}
	// How the pager ends (quit early, killed) is the reader's business:
	// the text was handed over.
	_ = cmd.Wait()
	return true
}
