package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"charm.land/fang/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/equitylandscape/equity/cmd/equity/internal/version"
	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/theme"
)

// env is what the program takes from its surroundings, so that tests can run
// it in-process with their own.
type env struct {
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	now    func() time.Time // the date reports carry
}

// options are the flags every command shares.
type options struct {
	db    string
	theme string
}

// run executes the command line and returns the exit status.
func run(ctx context.Context, args []string, e env) int {
	root := newRoot(e)
	if args == nil {
		args = []string{} // cobra reads os.Args when given nil
	}
	root.SetArgs(args)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	err := fang.Execute(ctx, root,
		fang.WithVersion(version.String()),
		fang.WithCommit(version.Commit()),
		fang.WithErrorHandler(errorHandler),
		fang.WithoutManpage(),
	)
	if err != nil {
		return 1
	}
	return 0
}

func newRoot(e env) *cobra.Command {
	opts := &options{}
	root := &cobra.Command{
		Use:   "equity",
		Short: "Explore the Wikimedia Movement Equity Landscape, offline",
		Long: "equity explores where the Wikimedia movement's readers, editors, organizers, grants and affiliates are,\n" +
			"set against each country's population, internet access and freedom. The data is inside the binary.\n\n" +
			"The bundled dataset's editors, events, grants and affiliates are MODELED sample data, not published\n" +
			"figures, and its readership is estimated from published page views;\n" +
			"countries, regions, population, languages and internet access are real (see `equity info`).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return explore(cmd.Context(), e, opts)
		},
	}
	root.PersistentFlags().StringVar(&opts.db, "db", "", "open this equity database instead of the bundled one (also $EQUITY_DB)")
	root.Flags().StringVar(&opts.theme, "theme", theme.Auto, "colours of the explorer: "+strings.Join(theme.Names(), ", ")+" (NO_COLOR gives mono)")
	root.AddCommand(
		newCountriesCmd(e, opts),
		newCountryCmd(e, opts),
		newChecklistCmd(e, opts),
		newRegionsCmd(e, opts), newCompareCmd(e, opts), newMovementCmd(e, opts),
		newImportCmd(e, opts),
		newIndicatorsCmd(e, opts),
		newInfoCmd(e, opts),
		newMapCmd(e, opts),
	)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		// pflag's own words name Go's parser ("strconv.ParseInt: parsing
		// ..."); say what the flag takes instead.
		var bad *pflag.InvalidValueError
		if errors.As(err, &bad) {
			takes := "another value"
			switch bad.GetFlag().Value.Type() {
			case "int", "int64", "uint":
				takes = "a whole number"
			case "float64", "float32":
				takes = "a number"
			case "bool":
				takes = "true or false"
			}
			err = fmt.Errorf("--%s takes %s, not %q", bad.GetFlag().Name, takes, bad.GetValue())
		}
		return usageError{err}
	})
	return root
}

// usageError is a mistake on the command line; its message points to --help.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

// errorHandler prints an error as one sentence. Standard error is often a
// terminal even when standard output is piped, so it stays plain text: the
// message is what matters.
func errorHandler(w io.Writer, _ fang.Styles, err error) {
	// Messages quote paths and arguments, which may hold anything.
	msg := sentence(model.CleanText(err.Error()))
	var u usageError
	if errors.As(err, &u) || isCobraUsage(err) {
		msg += " Run `equity --help` for usage."
	}
	fmt.Fprintln(w, "equity: "+msg)
}

// isCobraUsage recognises cobra's own argument errors, which do not pass
// through the flag error function.
func isCobraUsage(err error) bool {
	s := err.Error()
	for _, p := range []string{"unknown command", "accepts ", "requires ", "invalid argument", "unknown flag", "unknown shorthand flag", "flag needs an argument"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// sentence ends a message with a full stop unless it already ends a
// sentence.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "something went wrong."
	}
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// isTerminal reports whether w is a terminal, and its width.
func isTerminal(w io.Writer) (bool, int) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return false, 0
	}
	width, _, err := term.GetSize(f.Fd())
	if err != nil {
		return true, 0
	}
	return true, width
}
