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

func newImportCmd(e env, opts *options) *cobra.Command {
	var in importer.Inputs
	var out string
	var check, force bool
	cmd := &cobra.Command{
		// The flags that take files are listed under Flags: a usage line
		// that named them all made every command's line in --help as wide.
		Use:   "import --out FILE [FILE...]",
		Short: "Build a database from public releases: real figures instead of the sample's modeled ones",
		Long: "Starts from the bundled dataset (or --db), merges what the files provide, scores every country again,\n" +
			"records each file (name, size, SHA-256, what it covers) as a source, and writes the new database.\n\n" +
			"Merge, never wipe: a full release (a World Bank file, Geoeditors months, a month of page views) replaces\n" +
			"its input in the years it covers, and a country it leaves out becomes missing with the release's reason\n" +
			"(protected, below the threshold, not in the file), never zero; a long CSV changes only the cells it lists.\n" +
			"Every figure keeps its class (real, estimated, modeled) and source, so the database says exactly which\n" +
			"figures are real. --check prints, per input and year, the cells that would be added, changed and cleared.\n\n" +
			"Files: the Wikimedia canonical countries TSV; World Bank WDI indicator CSVs (SP.POP.TOTL, IT.NET.USER.ZS,\n" +
			"NY.GDP.PCAP.PP.CD, IT.CEL.SETS.P2, SE.ADT.LITR.ZS), as downloaded or re-saved by a spreadsheet;\n" +
			"Geoeditors monthly files, bucketed or differentially private; page views by country (REST API\n" +
			"top-by-country JSON, Wikistats 2 CSV, Wikipedia Views Visualized CSV); and long CSVs\n" +
			"`country,indicator,year,value` for any input of `equity indicators`. A file given without a flag is\n" +
			"recognised by its content (or a Geoeditors name), so `equity import --out my.db *.csv *.tsv` works.",
		Example: "  equity import --out my.db --worldbank API_IT.NET.USER.ZS_DS2_en_csv_v2.csv --geoeditors 2023-*.tsv\n" +
			"  equity import --check --observations grants.csv\n" +
			"  equity --db my.db info",
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, files []string) error {
			for _, path := range files {
				// A file that cannot be read, or recognised, is a file's
				// problem (status 1), not the command line's.
				if err := store.CheckInput(path); err != nil { // before Recognize opens it
					return err
				}
				kind, err := importer.Recognize(path)
				if err != nil {
					return err
				}
				if err := in.Add(kind, path); err != nil {
					return usageError{err} // two files of one kind given
				}
			}
			if in.Empty() {
				return usageError{errors.New("give at least one file: --countries, --worldbank, --geoeditors, --pageviews or --observations")}
			}
			if out == "" && !check {
				return usageError{errors.New("give --out FILE to write the new database, or --check to read the files only")}
			}
			if err := checkFiles(in, out, check); err != nil {
				return err
			}
			if out != "" && !check {
				// Say so before reading the files, which may take a while.
				if st, err := os.Stat(filepath.Dir(out)); err != nil || !st.IsDir() {
					return fmt.Errorf("the folder %s of --out does not exist; create it or write elsewhere", filepath.Dir(out))
				}
				switch st, err := os.Stat(out); {
				case err == nil && st.IsDir():
					return fmt.Errorf("%s is a folder; give --out the path of a database file in it", out)
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
			bar := newProgressBar(e, in.Paths())
			res := importer.Build(base, in, e.now(), bar.update)
			bar.finish()
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
				fmt.Fprintf(e.stdout, "Real now (no modeled figure left): %s.\n", strings.Join(res.Replaced, ", "))
			}
			printSources(e.stdout, res.Dataset, res.Files)
			if check {
				printChanges(e.stdout, res.Changes, false)
				fmt.Fprintln(e.stdout, "Checked: the files read well; nothing was written (--check).")
				return nil
			}
			removed, err := store.WriteReport(out, res.Dataset)
			for _, name := range removed {
				fmt.Fprintf(e.stdout, "Removed a leftover temporary file of an import that was stopped: %s.\n", model.CleanText(name))
			}
			if err != nil {
				return err
			}
			printChanges(e.stdout, res.Changes, true)
			shown := model.CleanText(out)
			fmt.Fprintf(e.stdout, "Wrote %s; open it with `equity --db %s`.\n", shown, shown)
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "out", "o", "", "the database to write")
	cmd.Flags().StringVar(&in.Countries, "countries", "", "a Wikimedia canonical countries TSV")
	cmd.Flags().StringSliceVar(&in.WorldBank, "worldbank", nil, "World Bank WDI indicator CSVs (repeat or separate with commas)")
	cmd.Flags().StringSliceVar(&in.Geoeditors, "geoeditors", nil, "Geoeditors monthly files, bucketed or differentially private")
	cmd.Flags().StringSliceVar(&in.Pageviews, "pageviews", nil, "page views by country: REST API JSON, Wikistats 2 or Views Visualized CSV")
	cmd.Flags().StringSliceVar(&in.Observations, "observations", nil, "long CSVs country,indicator,year,value")
	cmd.Flags().BoolVar(&check, "check", false, "read the files and say what would change; write nothing")
	cmd.Flags().BoolVar(&force, "force", false, "replace --out if it exists")
	return cmd
}

// checkFiles refuses, before anything is read, an input that is not a file
// (a pipe would be waited on, /dev/zero read without end) and an --out that
// is not a database file or is one of the inputs, which writing would
// replace.
func checkFiles(in importer.Inputs, out string, check bool) error {
	inputs := in.Paths()
	for _, path := range inputs {
		if err := store.CheckInput(path); err != nil {
			return err
		}
	}
	if out == "" || check {
		return nil
	}
	if st, err := os.Stat(filepath.Dir(out)); err != nil || !st.IsDir() {
		return nil // said below, as before
	}
	return store.CheckOutput(out, inputs)
}
