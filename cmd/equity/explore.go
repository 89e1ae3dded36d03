package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"

	"github.com/equitylandscape/equity/ui"
	"github.com/equitylandscape/equity/ui/theme"
)

// explore runs the interactive explorer on the terminal.
func explore(ctx context.Context, e env, opts *options) error {
	if err := theme.Check(opts.theme); err != nil {
		return usageError{err}
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
	p := tea.NewProgram(ui.New(d, ui.Options{Theme: name}), tea.WithContext(ctx), tea.WithOutput(out))
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("the explorer stopped: %w", err)
	}
	return nil
}

func isTTY(f *os.File) bool {
	tty, _ := isTerminal(f)
	return tty
}
