package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store/importer"
)

// printChanges says, per input and year, how many cells an import adds,
// changes and clears: what --check promises before anything is written,
// and what the import says after.
func printChanges(w io.Writer, changes []importer.Change, wrote bool) {
	verb := "would change"
	if wrote {
		verb = "changed"
	}
	if len(changes) == 0 {
		fmt.Fprintf(w, "The files %s no figure: every cell is as it was.\n", verb)
		return
	}
	var added, changed, cleared int
	for _, c := range changes {
		added += c.Added
		changed += c.Changed
		cleared += c.Cleared
	}
	fmt.Fprintf(w, "The import %s %d cells: %d added, %d changed, %d cleared (missing now, with the release's reason).\n",
		verb, added+changed+cleared, added, changed, cleared)
	fmt.Fprintf(w, "  %-32s %4s  %7s  %7s  %7s\n", "input", "year", "added", "changed", "cleared")
	for _, c := range changes {
		fmt.Fprintf(w, "  %-32s %4d  %7d  %7d  %7d\n", c.Indicator, c.Year, c.Added, c.Changed, c.Cleared)
	}
}

// printSources lists the files of an import as the sources they become:
// what each covers and under which licence.
func printSources(w io.Writer, d *model.Dataset, files []importer.File) {
	if d == nil || len(files) == 0 {
		return
	}
	fmt.Fprintln(w, "Sources:")
	files = slices.Clone(files)
	slices.SortFunc(files, func(a, b importer.File) int { return strings.Compare(a.Name, b.Name) })
	for _, f := range files {
		var lic, title string
		for _, s := range d.Sources {
			if strings.Contains(s.Note, " from "+f.Name+" (") {
				lic, title = s.Licence, s.Title
				break
			}
		}
		if title == "" {
			title = f.Format
		}
		fmt.Fprintf(w, "  %s: %s, covering %s; licence %s\n", model.CleanText(f.Name), model.CleanText(title), model.CleanText(f.Covers), orDash(lic))
	}
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return model.CleanText(s)
}
