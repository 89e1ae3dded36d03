// Command mksample builds the bundled sample database from the project's own
// CSVs of public facts, modeling the Wikimedia activity figures:
//
//	go run ./cmd/mksample -out sample-data/equity.db
//
// and regenerates those CSVs from the reference copies in ../shared/reference:
//
//	go run ./cmd/mksample -extract ../shared/reference
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

const usage = "usage: mksample [-sources DIR] (-out FILE | -extract REFERENCE_DIR)"

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run returns the exit status instead of exiting so that tests can drive it.
func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("mksample", flag.ContinueOnError)
	fs.SetOutput(stderr)
	// The flag package's default usage lists every flag; one line is enough.
	fs.Usage = func() { fmt.Fprintln(stderr, usage) }
	extractDir := fs.String("extract", "", "reference `DIR` to extract sample-data/sources from")
	sourcesDir := fs.String("sources", "sample-data/sources", "`DIR` of the project's source CSVs")
	out := fs.String("out", "", "`FILE` to write the sample database to (sample-data/equity.db)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}

	if *extractDir != "" {
		return report(stderr, extractSources(*extractDir, *sourcesDir))
	}
	if *out != "" {
		return report(stderr, build(*sourcesDir, *out, sampleDate()))
	}

	fmt.Fprintln(stderr, usage)
	return 2
}

// report turns a mode's error into one line on stderr and an exit status.
func report(stderr io.Writer, err error) int {
	if err != nil {
		fmt.Fprintf(stderr, "mksample: %v\n", err)
		return 1
	}
	return 0
}
