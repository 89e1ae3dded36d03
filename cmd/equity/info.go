package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store"
	"github.com/equitylandscape/equity/ui/report"
)

func newInfoCmd(e env, opts *options) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "info",
		Short: "Say which database is open, what it holds, and where its figures come from",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			d, err := load(e, opts)
			if err != nil {
				return err
			}
			return emit(e, infoDoc(d), format)
		},
	}
	addFormatFlag(cmd, &format)
	return cmd
}

func infoDoc(d *model.Dataset) report.Doc {
	kind := d.Meta.Kind
	switch kind {
	case model.KindSample:
		kind = "sample (Wikimedia activity figures are MODELED)"
	case model.KindImported:
		kind = "imported from public files"
	}
	db := &report.FieldsSection{Key: "database", Title: "Database", Fields: []report.Field{
		{Key: "origin", Label: "Open", Cell: report.Text(d.Meta.Origin)},
		{Key: "title", Label: "Title", Cell: report.Text(d.Meta.Title)},
		{Key: "kind", Label: "Kind", Cell: report.Cell{Text: kind, Value: d.Meta.Kind}},
		{Key: "built_at", Label: "Built", Cell: report.Text(d.Meta.BuiltAt)},
		{Key: "schema_version", Label: "Schema version", Cell: report.Cell{Text: fmt.Sprint(store.SchemaVersion), Value: store.SchemaVersion}},
		{Key: "years", Label: "Years", Cell: report.Cell{Text: report.YearSpan(d.Years), Value: d.Years}},
		{Key: "modeled", Label: "Modeled figures", Cell: modeledCell(d)},
		{Key: "notes", Label: "Notes", Cell: report.Text(d.Meta.Notes)},
	}}

	var langs int
	for _, c := range d.Countries {
		langs += len(c.Languages)
	}
	counts := &report.TableSection{Key: "tables", Title: "Contents", Columns: []report.Column{
		{Key: "table", Title: "Table"},
		{Key: "rows", Title: "Rows", Right: true},
	}}
	for _, r := range []struct {
		name string
		n    int
	}{
		{"countries", len(d.Countries)},
		{"country_languages", langs},
		{"languages", len(d.Languages)},
		{"wikis", len(d.Wikis)},
		{"indicators", len(d.Indicators)},
		{"observations", len(d.Observations())},
		{"scores", len(d.Scores())},
		{"sources", len(d.Sources)},
	} {
		counts.Rows = append(counts.Rows, []report.Cell{report.Text(r.name), {Text: report.Count(r.n), Value: r.n}})
	}

	sources := &report.TableSection{Key: "sources", Title: "Sources", Columns: []report.Column{
		{Key: "id", Title: "Id", Show: report.ForScripts},
		{Key: "title", Title: "Source", Flex: true},
		{Key: "publisher", Title: "Publisher", Flex: true},
		{Key: "year", Title: "Year", Right: true},
		{Key: "licence", Title: "Licence"},
		{Key: "url", Title: "URL", Show: report.ForScripts},
		{Key: "note", Title: "Note", Show: report.ForScripts},
	}}
	for _, s := range d.Sources {
		sources.Rows = append(sources.Rows, []report.Cell{
			report.Text(s.ID), report.Text(s.Title), report.Text(s.Publisher),
			{Text: fmt.Sprint(s.Year), Value: s.Year}, report.Text(s.Licence), report.Text(s.URL), report.Text(s.Note),
		})
	}
	inputs := &report.TableSection{Key: "inputs", Title: "Figures: real or modeled", Columns: []report.Column{
		{Key: "id", Show: report.ForScripts},
		{Key: "input", Title: "Input", Flex: true},
		{Key: "figures", Title: "Figures"},
		{Key: "modeled", Show: report.ForScripts},
		{Key: "source", Title: "Source", Flex: true},
	}}
	for _, ind := range d.Indicators {
		if ind.Derived() {
			continue // a growth input is as real as the input it rates
		}
		figures := "real"
		if ind.Modeled {
			figures = "MODELED"
		}
		src := ind.SourceID
		if s, ok := d.Source(ind.SourceID); ok {
			src = s.Title
		}
		inputs.Rows = append(inputs.Rows, []report.Cell{
			report.Text(ind.ID), report.Text(ind.Name), report.Text(figures), {Text: figures, Value: ind.Modeled}, report.Text(src),
		})
	}
	return report.Doc{
		Title:    "equity database",
		Sections: []report.Section{db, counts, inputs, sources},
		Notes:    notes(catalogNote(d)),
		About:    about(d),
	}
}

// modeledCell says which scored inputs are modeled.
func modeledCell(d *model.Dataset) report.Cell {
	var modeled, real int
	for _, ind := range d.Indicators {
		if ind.Facet == model.Context || ind.Derived() {
			continue
		}
		if ind.Modeled {
			modeled++
		} else {
			real++
		}
	}
	text := fmt.Sprintf("%d of %d scored inputs are modeled; %d are real", modeled, modeled+real, real)
	return report.Cell{Text: text, Value: modeled > 0}
}
