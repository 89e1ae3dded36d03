// Command mkmap builds the world map's geometry, once, from public reference
// files, into sample-data/world.geo (embedded in the binary) and its
// description sample-data/WORLDMAP.md:
//
//	go run ./cmd/mkmap -ref ../shared/reference -out sample-data
//
// It reads Natural Earth's 1:110m country outlines (TopoJSON with ISO 3166
// numeric ids, natural-earth/countries-110m.json) and CLDR's code mappings
// (numeric ↔ alpha-2, cldr-48/codeMappings.json), joins every outline to a
// country of the bundled dataset, projects it with the Equal Earth
// projection, which is equal-area, and gives each country the outlines lack
// a point (points.go). Its choices are stated in joins.go.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

const usage = "usage: mkmap [-ref DIR] [-out DIR]"

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run returns the exit status instead of exiting so that tests can drive it.
func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("mkmap", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, usage) }
	ref := fs.String("ref", "../shared/reference", "reference `DIR` holding natural-earth/ and cldr-48/")
	out := fs.String("out", "sample-data", "`DIR` to write world.geo and WORLDMAP.md into")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	if err := write(*ref, *out); err != nil {
		fmt.Fprintf(stderr, "mkmap: %v\n", err)
		return 1
	}
	return 0
}

// write builds the map and writes both files.
func write(ref, out string) error {
	m, err := build(ref)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out+"/"+geoFile, m.geo, 0o644); err != nil {
		return fmt.Errorf("cannot write %s: %v", out+"/"+geoFile, err)
	}
	if err := os.WriteFile(out+"/"+listFile, []byte(m.list), 0o644); err != nil {
		return fmt.Errorf("cannot write %s: %v", out+"/"+listFile, err)
	}
	return nil
}

// The files mkmap writes, in the output folder.
const (
	geoFile  = "world.geo"
	listFile = "WORLDMAP.md"
)
