// Package report renders what equity's commands and screens answer as a
// document of tables and fields, in the four formats a user can ask for:
// an aligned text table for the terminal, CSV and JSON for scripts, and
// Markdown for pasting into a report.
package report

import (
	"fmt"
	"io"
	"strings"
)

// Format is an output format.
type Format string

// The formats, as --format spells them.
const (
	Table    Format = "table"
	CSV      Format = "csv"
	JSON     Format = "json"
	Markdown Format = "md"
)

// Formats lists the formats for help texts and errors.
func Formats() []Format { return []Format{Table, CSV, JSON, Markdown} }

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if strings.EqualFold(s, string(f)) {
			return f, nil
		}
	}
	if strings.EqualFold(s, "markdown") {
		return Markdown, nil
	}
	names := make([]string, 0, 4)
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return "", fmt.Errorf("unknown format %q; use one of %s", s, strings.Join(names, ", "))
}

// Cell is one value: Text is what a person reads (table, Markdown), Value
// what a script gets (JSON, CSV): a float64, int, string, bool, or nil for a
// missing value.
type Cell struct {
	Text  string
	Value any
}

// Missing is the cell of a value that does not exist.
func Missing() Cell { return Cell{Text: "—", Value: nil} }

// Text is a cell holding a string.
func Text(s string) Cell { return Cell{Text: s, Value: s} }

// Column describes one column of a table.
type Column struct {
	Key   string // JSON and CSV name
	Title string // header in text and Markdown
	Right bool   // right-aligned (numbers)
	Flex  bool   // may be cut short to fit a narrow terminal
	Show  Show   // which outputs carry the column

	// How a text table narrower than its content fits (see Options.Width):
	// first the columns with a Short title take it, then the Flex columns
	// are cut, widest first, down to Min cells (6 when 0), and then the
	// columns with a Drop are left out, the highest Drop first, and a note
	// under the table names them. A column without a Drop is always shown.
	// A Wrap column is a Flex column whose cells wrap onto more lines at
	// spaces instead of being cut: text that is read, not scanned.
	Short string
	Min   int
	Drop  int
	Wrap  bool
}

// Show says which outputs carry a column: a reader wants "3 of 54", a script
// wants 3 and 54 apart; a per-row "modeled" flag repeats what a footnote says.
type Show int

// Where a column shows.
const (
	Everywhere Show = iota
	ForReaders      // text and Markdown only
	ForScripts      // CSV and JSON only
)

// Section is a part of a document: a table or a list of fields.
type Section interface {
	key() string
	show() Show
}

func (t *TableSection) show() Show  { return t.Show }
func (f *FieldsSection) show() Show { return f.Show }

// forReaders and forScripts pick the sections each kind of output carries.
func forReadersOnly(s Section) bool { return s.show() == ForReaders }
func forScriptsOnly(s Section) bool { return s.show() == ForScripts }

// TableSection is rows under columns.
type TableSection struct {
	Key     string
	Title   string
	Columns []Column
	Rows    [][]Cell
	Show    Show // a section for readers only, or for scripts only
}

func (t *TableSection) key() string { return t.Key }

// Field is one labelled value.
type Field struct {
	Key   string
	Label string
	Cell
	Show Show
}

// FieldsSection is a list of labelled values, such as a country's
// identity.
type FieldsSection struct {
	Key    string
	Title  string
	Fields []Field
	Show   Show
}

func (f *FieldsSection) key() string { return f.Key }

// Doc is a whole answer.
type Doc struct {
	Title    string
	Sections []Section
	// Notes are footnotes: where the figures come from and which are
	// modeled. They are printed under the text and Markdown output and
	// included in JSON; CSV, having no place for them, carries a modeled
	// column instead.
	Notes []string
	// About is extra top-level JSON (the dataset's provenance).
	About map[string]any
}

// Options shape text output.
type Options struct {
	// Width is the terminal's width; 0 means no limit (output to a file or
	// a pipe is never cut short).
	Width int
	// Styled adds bold headings and dim notes (the writer strips them where
	// colour is not wanted).
	Styled bool
}

// Write renders the document in a format.
func Write(w io.Writer, doc Doc, f Format, opt Options) error {
	switch f {
	case Table:
		return writeText(w, doc, opt)
	case CSV:
		return writeCSV(w, doc)
	case JSON:
		return writeJSON(w, doc)
	case Markdown:
		return writeMarkdown(w, doc)
	}
	return fmt.Errorf("unknown format %q", f)
}
