package main

import (
	"fmt"
	"strings"

	mango "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

// manSections are the parts of the manual page that are not in --help;
// each line of their text is a paragraph.
var manSections = []struct{ name, text string }{
	{"Exit status", strings.Join([]string{
		"0  success.",
		"1  a file, the database, the data, the terminal or writing the output failed: a missing or damaged database, an import file that cannot be read, no terminal for the explorer.",
		"2  a mistake on the command line: an unknown command or flag, a missing or extra argument, a flag value of the wrong kind or out of its set (--format xml, --year 1900, a filter that does not parse), an unknown country or region.",
	}, "\n")},
	{"Environment", strings.Join([]string{
		"EQUITY_DB  the database to open instead of the bundled one, as --db.",
		"EQUITY_DATA  the folder where the explorer keeps checklists.",
		"NO_COLOR  no colour and no styles.",
		"COLUMNS  the width tables and help are fitted to, also in a pipe.",
		"PAGER  the pager for long output on a terminal (default: less -FRX); --no-pager prints directly.",
	}, "\n")},
	{"See also", "equity --help; equity COMMAND --help; the README at https://github.com/equitylandscape/equity"},
}

func newManCmd(e env) *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Write the manual page (roff) to standard output: equity man | man -l -",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			page, err := mango.NewManPage(1, cmd.Root())
			if err != nil {
				return fmt.Errorf("the manual page cannot be written: %w", err)
			}
			// The help's line breaks are for the source; a paragraph is
			// one line to mango.
			page = page.WithLongDescription(strings.Join(paragraphs(cmd.Root().Long), "\n"))
			for _, s := range manSections {
				page = page.WithSection(s.name, s.text)
			}
			_, err = fmt.Fprint(e.stdout, page.Build(roff.NewDocument()))
			return err
		},
	}
}
