package importer

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Kind is the format of an import file.
type Kind int

// The formats equity imports.
const (
	KindCountries Kind = iota + 1
	KindWorldBank
	KindGeoeditors
	KindObservations
	KindPageviews
)

// Flag is the command-line flag that names a file of the kind.
func (k Kind) Flag() string {
	switch k {
	case KindCountries:
		return "--countries"
	case KindWorldBank:
		return "--worldbank"
	case KindGeoeditors:
		return "--geoeditors"
	case KindObservations:
		return "--observations"
	case KindPageviews:
		return "--pageviews"
	}
	return ""
}

// Recognize tells the kind of an import file from its name and first line,
// so that files can be given without a flag: a shell expands
// `--geoeditors geoeditors-monthly-2023-*.tsv` into one flagged file and
// the rest bare, and `equity import --out x.db *.csv *.tsv` should just
// work. A Geoeditors file has no header, so its published name
// (geoeditors-monthly-YYYY-MM.tsv) is what says so; the others start with
// a line of their own: the WDI preamble, the countries TSV's header, the
// long CSV's header.
func Recognize(path string) (Kind, error) {
	f, err := os.Open(path)
	if err != nil && geoName.MatchString(filepath.Base(path)) {
		// The import names the file's problem, in its place.
		return KindGeoeditors, nil
	}
	if err != nil {
		return 0, fmt.Errorf("%s cannot be read: %s", path, unwrapPath(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return 0, fmt.Errorf("%s is a directory, not a file", path)
	}
	// A header is a few hundred bytes; a file with no line break in its
	// first 64 KiB is nothing equity reads.
	in := newInput(io.LimitReader(f, 64<<10))
	// A pretty-printed JSON response starts with a line of its own "{":
	// the first few KB tell.
	if head, _ := in.Peek(8 << 10); SniffTopByCountry(head) {
		return KindPageviews, nil
	}
	if sniffDPReader(in) {
		return KindGeoeditors, nil
	}
	if geoName.MatchString(filepath.Base(path)) {
		return KindGeoeditors, nil
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return 0, fmt.Errorf("%s cannot be read: %s", path, unwrapPath(err))
	}
	in = newInput(io.LimitReader(f, 64<<10))
	line, err := in.ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return 0, fmt.Errorf("%s cannot be read: %s", path, unwrapPath(err))
	}
	if k := kindOfFirstLine(line); k != 0 {
		return k, nil
	}
	return 0, unrecognized(path)
}

func unrecognized(path string) error {
	return fmt.Errorf("cannot tell what kind of file %s is; give it after --countries, --worldbank, --geoeditors, --pageviews or --observations", path)
}

// kindOfFirstLine reads a file's kind from its first line, BOM removed.
func kindOfFirstLine(line string) Kind {
	line = strings.TrimRight(line, "\r\n")
	if SniffWorldBank(line) {
		return KindWorldBank
	}
	if strings.Contains(line, "\t") && hasAll(fieldsOf(line, "\t"), countryColumns()) {
		return KindCountries
	}
	if hasAll(fieldsOf(strings.ToLower(line), ","), observationColumns()) {
		return KindObservations
	}
	if SniffWikistats2(line) || SniffWivivi(line) {
		return KindPageviews
	}
	return 0
}

// fieldsOf splits a header line, unquoting and trimming its fields.
func fieldsOf(line, sep string) map[string]bool {
	fields := map[string]bool{}
	for _, f := range strings.Split(line, sep) {
		fields[strings.Trim(strings.TrimSpace(f), `"`)] = true
	}
	return fields
}

func hasAll(fields map[string]bool, names []string) bool {
	for _, n := range names {
		if !fields[n] {
			return false
		}
	}
	return true
}

// Add puts a file into the inputs of its kind. There is one countries file
// at most, since every other file is keyed on it.
func (in *Inputs) Add(k Kind, path string) error {
	switch k {
	case KindCountries:
		if in.Countries != "" && in.Countries != path {
			return fmt.Errorf("two countries files, %s and %s: give one", in.Countries, path)
		}
		in.Countries = path
	case KindWorldBank:
		in.WorldBank = append(in.WorldBank, path)
	case KindGeoeditors:
		in.Geoeditors = append(in.Geoeditors, path)
	case KindObservations:
		in.Observations = append(in.Observations, path)
	case KindPageviews:
		in.Pageviews = append(in.Pageviews, path)
	default:
		return unrecognized(path)
	}
	return nil
}
