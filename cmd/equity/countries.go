package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/report"
)

func newCountriesCmd(e env, opts *options) *cobra.Command {
	var region, sortBy, format string
	var year int
	cmd := &cobra.Command{
		Use:   "countries",
		Short: "List every country with its population, internet access and domain scores",
		Example: "  equity countries\n" +
			"  equity countries --region \"South Asia\" --sort editorship\n" +
			"  equity countries --year 2020 --format csv > countries-2020.csv",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			d, y, err := loadYear(e, opts, year)
			if err != nil {
				return err
			}
			if region != "" {
				if region, err = d.FindRegion(region); err != nil {
					return err
				}
			}
			doc, err := countriesDoc(d, y, region, sortBy)
			if err != nil {
				return err
			}
			return emit(e, doc, format)
		},
	}
	cmd.Flags().StringVarP(&region, "region", "r", "", "only the countries of this Wikimedia region (name or unique prefix)")
	cmd.Flags().StringVarP(&sortBy, "sort", "s", "name", "sort by name, population, or a domain ("+strings.Join(domainIDs(), ", ")+"), highest first")
	addYearFlag(cmd, &year, "year of the scores")
	addFormatFlag(cmd, &format)
	return cmd
}

func domainIDs() []string {
	var ids []string
	for _, d := range model.Domains() {
		ids = append(ids, string(d.ID))
	}
	return ids
}

// countryOrder sorts countries by the --sort key.
func countryOrder(d *model.Dataset, year int, by string) (func(a, b model.Country) bool, error) {
	key := strings.ToLower(strings.TrimSpace(by))
	switch key {
	case "", "name":
		return nil, nil // the dataset's order is by name
	case "population":
		return func(a, b model.Country) bool {
			pa, _ := d.ContextAt(a.ISO2, model.IndPopulation, year)
			pb, _ := d.ContextAt(b.ISO2, model.IndPopulation, year)
			return pa.Value > pb.Value
		}, nil
	}
	for _, dom := range model.Domains() {
		if key == string(dom.ID) || key == strings.ToLower(dom.Short) {
			return func(a, b model.Country) bool {
				sa, oka := d.Score(a.ISO2, dom.ID, model.Overall, year)
				sb, okb := d.Score(b.ISO2, dom.ID, model.Overall, year)
				if oka != okb {
					return oka // countries without a score go last
				}
				return sa > sb
			}, nil
		}
	}
	return nil, usageError{fmt.Errorf("cannot sort by %q; use name, population or one of %s", by, strings.Join(domainIDs(), ", "))}
}

func countriesDoc(d *model.Dataset, year int, region, sortBy string) (report.Doc, error) {
	less, err := countryOrder(d, year, sortBy)
	if err != nil {
		return report.Doc{}, err
	}
	var countries []model.Country
	for _, c := range d.Countries {
		if region == "" || c.WikimediaRegion == region {
			countries = append(countries, c)
		}
	}
	if less != nil {
		sort.SliceStable(countries, func(i, j int) bool { return less(countries[i], countries[j]) })
	}

	cols := []report.Column{
		{Key: "iso2", Title: "Code"},
		{Key: "name", Title: "Name", Flex: true},
		{Key: "region", Title: "Region", Flex: true},
		{Key: "population", Title: "Population", Right: true},
		{Key: "internet_pct", Title: "Internet", Right: true},
	}
	for _, dom := range model.Domains() {
		cols = append(cols, report.Column{Key: string(dom.ID), Title: dom.Short, Right: true})
	}
	cols = append(cols, report.Column{Key: "modeled", Title: "Modeled", Show: report.ForScripts})

	modeled := d.Modeled()
	var rows [][]report.Cell
	for _, c := range countries {
		row := []report.Cell{report.Text(c.ISO2), report.Text(c.Name), report.Text(c.WikimediaRegion)}
		row = append(row, contextCell(d, c.ISO2, model.IndPopulation, year, false), contextCell(d, c.ISO2, model.IndInternet, year, true))
		for _, dom := range model.Domains() {
			v, ok := d.Score(c.ISO2, dom.ID, model.Overall, year)
			row = append(row, scoreCell(v, ok))
		}
		row = append(row, report.Cell{Text: fmt.Sprint(modeled), Value: modeled})
		rows = append(rows, row)
	}

	title := fmt.Sprintf("Countries — %d", year)
	if region != "" {
		title = fmt.Sprintf("%s — %d", region, year)
	}
	return report.Doc{
		Title:    title,
		Sections: []report.Section{&report.TableSection{Key: "countries", Columns: cols, Rows: rows}},
		Notes: notes(
			fmt.Sprintf("%d countries. Domain scores are 0–100 ranks among countries (50 = the median country; — = no score).", len(rows)),
			modeledNote(d),
			contextNote(d, year),
		),
		About: about(d),
	}, nil
}

// contextCell is a context figure as of year, or a dash.
func contextCell(d *model.Dataset, iso2, ind string, year int, percent bool) report.Cell {
	p, ok := d.ContextAt(iso2, ind, year)
	if !ok {
		return report.Missing()
	}
	if percent {
		return report.Cell{Text: report.Percent(p.Value), Value: p.Value}
	}
	return report.Cell{Text: report.Number(p.Value), Value: p.Value}
}
