package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store"
	"github.com/equitylandscape/equity/store/importer"
)

// progressFrom is the size from which reading a file reports its progress.
const progressFrom = 4 << 20

func newImportCmd(e env, opts *options) *cobra.Command {
	var in importer.Inputs
	var out string
	var check, force bool
	cmd := &cobra.Command{
		Use:   "import --out FILE [--countries F] [--worldbank F...] [--geoeditors F...] [--observations F...] [FILE...]",
		Short: "Build a database from public releases: real figures instead of the sample's modeled ones",
		Long: "Starts from the bundled dataset (or --db), replaces what the files provide, scores every country again,\n" +
			"records each file (name, size, SHA-256, what it covers) as a source, and writes the new database.\n" +
			"An indicator the files provide is no longer marked modeled; the others keep the mark, so the new\n" +
			"database says exactly which figures are real. Open it with `equity --db FILE` or EQUITY_DB=FILE.\n\n" +
			"Files: the Wikimedia canonical countries TSV; World Bank WDI indicator CSVs (SP.POP.TOTL,\n" +
			"IT.NET.USER.ZS, NY.GDP.PCAP.PP.CD); Geoeditors public monthly TSVs (geoeditors-monthly-YYYY-MM.tsv);\n" +
			"and long CSVs `country,indicator,year,value` for any input of `equity indicators`.\n" +
			"A file given without a flag is recognised by its name (Geoeditors) or its first line (the others),\n" +
			"so `--geoeditors geoeditors-monthly-2023-*.tsv` and `equity import --out my.db *.csv *.tsv` both work.",
		Example: "  equity import --out my.db --worldbank API_SP.POP.TOTL_DS2_en_csv_v2.csv --geoeditors geoeditors-monthly-2023-*.tsv\n" +
			"  equity import --check --observations grants.csv\n" +
			"  equity --db my.db info",
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, files []string) error {
			for _, path := range files {
				kind, err := importer.Recognize(path)
				if err == nil {
					err = in.Add(kind, path)
				}
				if err != nil {
					return usageError{err}
				}
			}
			if in.Empty() {
				return usageError{errors.New("give at least one file: --countries, --worldbank, --geoeditors or --observations")}
			}
			if out == "" && !check {
				return usageError{errors.New("give --out FILE to write the new database, or --check to read the files only")}
			}
			if out != "" && !check {
				// Say so before reading the files, which may take a while.
				if st, err := os.Stat(filepath.Dir(out)); err != nil || !st.IsDir() {
					return usageError{fmt.Errorf("the folder %s of --out does not exist; create it or write elsewhere", filepath.Dir(out))}
				}
				switch st, err := os.Stat(out); {
				case err == nil && st.IsDir():
					return usageError{fmt.Errorf("%s is a folder; give --out the path of a database file in it", out)}
				case err == nil && !force:
					return fmt.Errorf("%s already exists; give --force to replace it", out)
				case err != nil && !errors.Is(err, fs.ErrNotExist):
					return fmt.Errorf("%s cannot be checked (%v); choose another --out", out, errors.Unwrap(err))
				}
			}
			base, err := load(e, opts)
			if err != nil {
				return err
			}
			res := importer.Build(base, in, e.now(), progressLine(e))
			for _, p := range res.Problems {
				fmt.Fprintln(e.stderr, model.CleanText(p.String()))
			}
			if res.Problems.Fatal() || res.Dataset == nil {
				return fmt.Errorf("the files have problems (above); nothing was written")
			}
			for _, line := range res.Summary {
				fmt.Fprintln(e.stdout, line)
			}
			if len(res.Replaced) > 0 {
				fmt.Fprintf(e.stdout, "Real now: %s.\n", strings.Join(res.Replaced, ", "))
			}
			if check {
				fmt.Fprintln(e.stdout, "Checked: the files read well; nothing was written (--check).")
				return nil
			}
			if err := store.Write(out, res.Dataset); err != nil {
				return err
			}
			shown := model.CleanText(out)
			fmt.Fprintf(e.stdout, "Wrote %s; open it with `equity --db %s`.\n", shown, shown)
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "out", "o", "", "the database to write")
	cmd.Flags().StringVar(&in.Countries, "countries", "", "a Wikimedia canonical countries TSV")
	cmd.Flags().StringSliceVar(&in.WorldBank, "worldbank", nil, "World Bank WDI indicator CSVs (repeat or separate with commas)")
	cmd.Flags().StringSliceVar(&in.Geoeditors, "geoeditors", nil, "Geoeditors public monthly TSVs")
	cmd.Flags().StringSliceVar(&in.Observations, "observations", nil, "long CSVs country,indicator,year,value")
	cmd.Flags().BoolVar(&check, "check", false, "read and report on the files; write nothing")
	cmd.Flags().BoolVar(&force, "force", false, "replace --out if it exists")
	return cmd
}

// progressLine reports on standard error how far a large file has been
// read: a line updated in place on a terminal, a line every quarter in a
// log.
func progressLine(e env) importer.Progress {
	tty, _ := isTerminal(e.stderr)
	last := map[string]int{}
	return func(file string, read, size int64) {
		if size < progressFrom {
			return
		}
		pct := int(100 * read / size)
		step := 25
		if tty {
			step = 1
		}
		if pct/step == last[file]/step && read < size {
			return
		}
		last[file] = pct
		if tty {
			end := ""
			if read >= size {
				end = "\n"
			}
			fmt.Fprintf(e.stderr, "\rreading %s: %3d%%%s", filepath.Base(file), pct, end)
			return
		}
		fmt.Fprintf(e.stderr, "reading %s: %d%%\n", filepath.Base(file), pct)
	}
}
