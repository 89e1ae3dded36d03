package report_test

import (
	"fmt"
	"testing"

	"github.com/equitylandscape/equity/ui/report"
)

// fitDoc is a table of every kind of column a narrow terminal changes: a
// name that keeps 12 cells, a region dropped first, a population dropped
// next and shortened before that, scores with short titles, and a note
// that wraps.
func fitDoc() report.Doc {
	return report.Doc{Sections: []report.Section{&report.TableSection{Key: "t",
		Columns: []report.Column{
			{Key: "iso2", Title: "Code"},
			{Key: "name", Title: "Name", Flex: true, Min: 12},
			{Key: "region", Title: "Region", Flex: true, Min: 12, Drop: 2},
			{Key: "population", Title: "Population", Short: "Pop.", Right: true, Drop: 1},
			{Key: "readers", Title: "Readers", Short: "Read", Right: true},
			{Key: "note", Title: "Note", Wrap: true, Min: 10},
		},
		Rows: [][]report.Cell{
			{report.Text("CF"), report.Text("Central African Republic"), report.Text("Sub-Saharan Africa"), report.Text("5.33 M"), report.Text("12.5"), report.Text("few readers, growing")},
			{report.Text("NG"), report.Text("Nigeria"), report.Text("Sub-Saharan Africa"), report.Text("232.68 M"), report.Text("79.0"), report.Text("")},
		},
	}}}
}

// Each width takes the next step only when the one before is not enough:
// whole, short titles, cut and wrapped cells, then columns left out
// (named under the table), the lowest priority first; names never go
// below 12 cells.
func TestFitTable(t *testing.T) {
	tests := []struct {
		width int
		want  string
	}{
		{0, lines(
			"CODE  NAME                      REGION              POPULATION  READERS  NOTE",
			"CF    Central African Republic  Sub-Saharan Africa      5.33 M     12.5  few readers, growing",
			"NG    Nigeria                   Sub-Saharan Africa    232.68 M     79.0",
		)},
		// 93 into 90: a short title saves 3 cells.
		{90, lines(
			"CODE  NAME                      REGION              POPULATION  READ  NOTE",
			"CF    Central African Republic  Sub-Saharan Africa      5.33 M  12.5  few readers, growing",
			"NG    Nigeria                   Sub-Saharan Africa    232.68 M  79.0",
		)},
		// Into 80: both short titles, then the Flex columns are cut a cell
		// at a time from the widest until even; Note wraps.
		{80, lines(
			"CODE  NAME                REGION                  POP.  READ  NOTE",
			"CF    Central African R…  Sub-Saharan Africa    5.33 M  12.5  few readers,",
			"                                                              growing",
			"NG    Nigeria             Sub-Saharan Africa  232.68 M  79.0",
		)},
		{70, lines(
			"CODE  NAME             REGION               POP.  READ  NOTE",
			"CF    Central Africa…  Sub-Saharan Af…    5.33 M  12.5  few readers,",
			"                                                        growing",
			"NG    Nigeria          Sub-Saharan Af…  232.68 M  79.0",
		)},
		// Name, Region and Note at their floors make 62: Region (the
		// highest Drop) goes, and the note under the table says so.
		{50, lines(
			"CODE  NAME               POP.  READ  NOTE",
			"CF    Central Afri…    5.33 M  12.5  few readers,",
			"                                     growing",
			"NG    Nigeria        232.68 M  79.0",
			"Column left out to fit 50 columns: Region; a wider",
			"terminal or --format csv shows all.",
		)},
		// Nothing left to leave out: the line stays 36 wide (the terminal
		// wraps it) rather than a name cut below 12 cells.
		{30, lines(
			"CODE  NAME          READ  NOTE",
			"CF    Central Afr…  12.5  few",
			"                          readers,",
			"                          growing",
			"NG    Nigeria       79.0",
			"Columns left out to fit 30",
			"columns: Region, Population; a",
			"wider terminal or --format csv",
			"shows all.",
		)},
	}
	for _, tt := range tests {
		got := write(t, fitDoc(), report.Table, report.Options{Width: tt.width})
		diff(t, fmt.Sprintf("width %d", tt.width), got, "\n"+tt.want)
	}
}
