package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/report"
)

func newIndicatorsCmd(e env, opts *options) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "indicators",
		Short: "List the indicator catalog: every input, its weight, unit and source, modeled or real",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			d, err := loadLean(e, opts)
			if err != nil {
				return err
			}
			return emit(e, indicatorsDoc(d), format)
		},
	}
	addFormatFlag(cmd, &format)
	return cmd
}

func indicatorsDoc(d *model.Dataset) report.Doc {
	t := &report.TableSection{Key: "indicators", Columns: []report.Column{
		{Key: "id", Title: "Id", Show: report.ForScripts},
		{Key: "domain", Title: "Domain"},
		{Key: "facet", Title: "Facet"},
		{Key: "name", Title: "Input", Flex: true},
		{Key: "weight", Title: "Weight", Right: true},
		{Key: "weight_published", Title: "Weight from", Show: report.ForReaders},
		{Key: "weight_published", Show: report.ForScripts},
		{Key: "unit", Title: "Unit", Flex: true},
		{Key: "source", Title: "Source", Flex: true},
		{Key: "modeled", Title: "Figures"},
		{Key: "definition", Show: report.ForScripts},
	}}
	for _, ind := range d.Indicators {
		weight, from := report.Missing(), report.Text("")
		if ind.Facet != model.Context {
			weight = report.Cell{Text: fmt.Sprintf("%g", ind.Weight), Value: ind.Weight}
			from = report.Text("project")
			if ind.WeightPublished {
				from = report.Text("published")
			}
		}
		src := ind.SourceID
		if s, ok := d.Source(ind.SourceID); ok {
			src = fmt.Sprintf("%s (%d)", s.Title, s.Year)
		}
		figures := report.Cell{Text: "real", Value: false}
		if ind.Modeled {
			figures = report.Cell{Text: "MODELED", Value: true}
		}
		t.Rows = append(t.Rows, []report.Cell{
			report.Text(ind.ID), report.Text(string(ind.Domain)), report.Text(string(ind.Facet)), report.Text(ind.Name),
			weight, from, report.Cell{Text: from.Text, Value: ind.WeightPublished}, report.Text(ind.Unit), report.Text(src), figures,
			report.Text(ind.Definition),
		})
	}
	return report.Doc{
		Title:    "Indicator catalog",
		Sections: []report.Section{t},
		Notes: notes(
			"Weights come from the Equity Landscape's published Build 1 metrics schema (\"published\") or were chosen by this project where it published none (\"project\"). Growth inputs are year-over-year rates of the presence input they name.",
			catalogNote(d),
		),
		About: about(d),
	}
}
