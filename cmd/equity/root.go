package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

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
	// noPager is --no-pager, which the root command sets; nil pages.
	noPager *bool
}

// options are the flags every command shares.
type options struct {
	db      string
	theme   string
	noPager bool
	present bool   // the explorer's presentation mode
	tour    string // a tour file to play in it
}

// run executes the command line and returns the exit status: 0, 1 for a
// file, the database, the terminal or I/O that failed, 2 for a mistake on
// the command line.
func run(ctx context.Context, args []string, e env) int {
	root := newRoot(e)
	if args == nil {
		args = []string{} // cobra reads os.Args when given nil
	}
	root.SetArgs(args)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	// Errors are printed once, by errorHandler, and without the usage
	// text: a sentence that says what to do reads better than a page.
	root.SilenceUsage, root.SilenceErrors = true, true
	root.Version = versionString()
	root.SetHelpFunc(func(c *cobra.Command, _ []string) { writeHelp(e, c) })
	// Every command but the explorer and the importer prints and exits.
	var restore func()
	root.PersistentPreRun = func(cmd *cobra.Command, _ []string) {
		if cmd != root && cmd.Name() != "import" {
			restore = holdCollector()
		}
	}
	defer func() {
		if restore != nil {
			restore()
		}
	}()
	err := root.ExecuteContext(ctx)
	if err != nil {
		errorHandler(e.stderr, err)
	}
	return exitStatus(err)
}

// versionString is the version --version prints, with the commit it was
// built from when known.
func versionString() string {
	v, commit := version.String(), version.Commit()
	if len(commit) >= 7 {
		v += " (" + commit[:7] + ")"
	}
	return v
}

func newRoot(e env) *cobra.Command {
	opts := &options{}
	e.noPager = &opts.noPager
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
	root.PersistentFlags().BoolVar(&opts.noPager, "no-pager", false, "print long output directly, not through $PAGER (less -FRX)")
	root.Flags().StringVar(&opts.theme, "theme", theme.Auto, "colours of the explorer: "+strings.Join(theme.Names(), ", ")+" (NO_COLOR gives mono)")
	root.Flags().BoolVar(&opts.present, "present", false, "presentation mode for a shared screen: the keys pressed in the footer, high contrast (P toggles it)")
	root.Flags().StringVar(&opts.tour, "tour", "", "play a tour file in presentation mode: space or → next step, ← back (see tours/)")
	root.AddCommand(
		newCountriesCmd(e, opts),
		newCountryCmd(e, opts),
		newChecklistCmd(e, opts),
		newRegionsCmd(e, opts), newCompareCmd(e, opts), newMovementCmd(e, opts),
		newImportCmd(e, opts),
		newIndicatorsCmd(e, opts),
		newInfoCmd(e, opts),
		newManCmd(e),
		newMapCmd(e, opts),
	)
	registerCompletions(root, newCompleter(e, opts))
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

// errorHandler prints an error as one sentence. Standard error is often a
// terminal even when standard output is piped, so it stays plain text: the
// message is what matters.
func errorHandler(w io.Writer, err error) {
	// Messages quote paths and arguments, which may hold anything.
	msg := sentence(model.CleanText(err.Error()))
	if isUsage(err) {
		msg += " Run `equity --help` for usage."
	}
	fmt.Fprintln(w, "equity: "+msg)
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
