package main

import (
	"fmt"
	"slices"
	"strings"

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
		kind = "sample (real, estimated and MODELED Wikimedia activity figures, each marked)"
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
		{Key: "opens_on", Label: "Opens on", Cell: report.Cell{Text: d.Opening().Why(), Value: d.DefaultYear()}},
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
		{"missing", len(d.AllMissing())},
		{"readings", len(d.AllReadings())},
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
		{Key: "licence", Title: "Licence", Flex: true, Min: minName},
		{Key: "url", Title: "URL", Show: report.ForScripts},
		{Key: "note", Title: "Note", Show: report.ForScripts},
	}}
	for _, s := range d.Sources {
		sources.Rows = append(sources.Rows, []report.Cell{
			report.Text(s.ID), report.Text(s.Title), report.Text(s.Publisher),
			{Text: fmt.Sprint(s.Year), Value: s.Year}, report.Text(s.Licence), report.Text(s.URL), report.Text(s.Note),
		})
	}
	inputs := &report.TableSection{Key: "inputs", Title: "Figures: real, estimated, modeled", Columns: []report.Column{
		{Key: "id", Show: report.ForScripts},
		{Key: "input", Title: "Input", Flex: true},
		{Key: "figures", Title: "Figures"},
		{Key: "real_figures", Title: "Real", Right: true},
		{Key: "estimated_figures", Title: "Est.", Right: true},
		{Key: "modeled_figures", Title: "Modeled", Right: true},
		{Key: "missing_figures", Title: "Missing", Right: true},
		{Key: "modeled", Show: report.ForScripts},
		{Key: "source", Title: "Source", Flex: true},
	}}
	// The sources an input's real and estimated figures cite, in the order
	// first met: an input may be real from a release in some years and
	// modeled in others.
	published := map[string][]string{}
	for _, o := range d.Observations() {
		if o.Class != model.ClassModeled && !slices.Contains(published[o.Indicator], o.Source) {
			published[o.Indicator] = append(published[o.Indicator], o.Source)
		}
	}
	byClass := map[string]model.ClassCount{}
	for _, c := range d.ClassCounts() {
		byClass[c.Indicator] = c
	}
	for _, ind := range d.Indicators {
		if ind.Derived() {
			continue // a growth input is as real as the input it rates
		}
		c := byClass[ind.ID]
		figures := "real"
		switch {
		case c.Modeled > 0 && c.Real+c.Estimated > 0:
			figures = "PARTLY MODELED"
		case c.Modeled > 0 || (ind.Modeled && c.Real+c.Estimated == 0):
			figures = "MODELED"
		case c.Estimated > 0:
			figures = "real and estimated"
		}
		ids := published[ind.ID]
		if len(ids) == 0 {
			ids = []string{ind.SourceID}
		}
		var titles []string
		for _, id := range ids {
			if s, ok := d.Source(id); ok {
				id = s.Title
			}
			titles = append(titles, id)
		}
		n := func(v int) report.Cell { return report.Cell{Text: report.Count(v), Value: v} }
		modeled := c.Modeled > 0 || (ind.Modeled && c.Real+c.Estimated == 0)
		inputs.Rows = append(inputs.Rows, []report.Cell{
			report.Text(ind.ID), report.Text(ind.Name), report.Text(figures), n(c.Real), n(c.Estimated), n(c.Modeled), n(c.Missing),
			{Text: fmt.Sprint(modeled), Value: modeled}, report.Text(strings.Join(titles, "; ")),
		})
	}
	return report.Doc{
		Title:    "equity database",
		Sections: []report.Section{db, counts, inputs, sources},
		Notes:    notes(catalogNote(d)),
		About:    about(d),
	}
}

// modeledCell says how the scored inputs' figures stand: how many are
// real, estimated and modeled.
func modeledCell(d *model.Dataset) report.Cell {
	// The Wikimedia activity figures of the years the explorer steps
	// through; the World Bank's access figures, real since 1960, would
	// drown them.
	var real, est, modeled int
	for _, y := range d.Years {
		t := d.YearFigures(y)
		real, est, modeled = real+t.Real, est+t.Estimated, modeled+t.Modeled
	}
	all := max(real+est+modeled, 1)
	pct := func(n int) string { return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(all)) }
	text := fmt.Sprintf("%s of the Wikimedia activity figures and their growth rates of %s are modeled, %s estimated, %s real (%s, %s, %s); the access and context figures are real (World Bank, CLDR)",
		pct(modeled), report.YearSpan(d.Years), pct(est), pct(real), report.Count(modeled), report.Count(est), report.Count(real))
	return report.Cell{Text: text, Value: modeled > 0}
}
