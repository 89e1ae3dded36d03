package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/equitylandscape/equity/store/session"
	"github.com/equitylandscape/equity/ui"
	"github.com/equitylandscape/equity/ui/theme"
	"github.com/equitylandscape/equity/ui/tour"
)

// explore runs the interactive explorer on the terminal.
func explore(ctx context.Context, e env, opts *options) error {
	if err := theme.Check(opts.theme); err != nil {
		return usageError{err}
	}
	// A bad tour is said before the screen changes, and a tour keeps its
	// checklists' answers in memory: playing one never writes over the
	// facilitator's own.
	var t *tour.Tour
	if opts.tour != "" {
		var err error
		if t, err = tour.Load(opts.tour); err != nil {
			return err
		}
	}
	in, out := os.Stdin, e.stdout
	if tty, _ := isTerminal(out); !tty || !isTTY(in) {
		return errors.New("the explorer needs a terminal; in a script or a pipe use a command such as `equity countries --format csv` (see `equity --help`)")
	}
	d, err := load(e, opts)
	if err != nil {
		return err
	}
	name := opts.theme
	if name == theme.Auto && e.getenv("NO_COLOR") != "" {
		name = theme.Mono
	}
	// Checklists are kept in the user's data directory; without one they
	// last while the program runs, and the checklist screen says so.
	var sessions *session.Store
	if dir, err := session.DefaultDir(); err == nil && t == nil {
		sessions = session.New(dir)
	}
	root := ui.New(d, ui.Options{Theme: name, Sessions: sessions, Present: opts.present, Tour: t})
	popts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithOutput(out)}
	if out == io.Writer(os.Stdout) {
		// Lip Gloss found standard output's colours as the program started
		// (in tmux by running `tmux info`); Bubble Tea would look again, the
		// same way, before the first frame.
		popts = append(popts, tea.WithColorProfile(lipgloss.Writer.Profile))
	}
	p := tea.NewProgram(root, popts...)
	_, runErr := p.Run()
	// Whatever ended the program, what the user wrote is kept; if it could
	// not be, the exit status says so and the cause goes to stderr.
	return explorerExit(runErr, root.Flush())
}

// explorerExit is what the explorer's end says: nothing when it was quit
// (or killed) with every answer saved; else why not, so that the exit
// status is 1 when a checklist's last answers could not be kept.
func explorerExit(runErr, flushErr error) error {
	if runErr != nil && !errors.Is(runErr, tea.ErrProgramKilled) && !errors.Is(runErr, context.Canceled) {
		return errors.Join(fmt.Errorf("the explorer stopped: %w", runErr), checklistNotSaved(flushErr))
	}
	return checklistNotSaved(flushErr)
}

func isTTY(f *os.File) bool {
	tty, _ := isTerminal(f)
	return tty
}
