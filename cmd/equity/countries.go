package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/report"
)

func newCountriesCmd(e env, opts *options) *cobra.Command {
	var region, sortBy, filter, format string
	var year int
	var reverse bool
	cmd := &cobra.Command{
		Use:   "countries",
		Short: "List every country with its population, internet access and domain scores",
		Example: "  equity countries\n" +
			"  equity countries --region \"South Asia\" --sort editorship\n" +
			"  equity countries --filter 'gdp<5k internet<20' --sort population --reverse\n" +
			"  equity countries --year 2020 --format csv > countries-2020.csv",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			d, y, err := loadLeanYear(e, opts, year)
			if err != nil {
				return err
			}
			if region != "" {
				if region, err = d.FindRegion(region); err != nil {
					return usageError{err}
				}
			}
			f, err := model.ParseFilter(filter)
			if err != nil {
				return usageError{fmt.Errorf("--filter %q: %w", filter, err)}
			}
			doc, err := countriesDoc(d, y, region, countriesQuery{sortBy: sortBy, reverse: reverse, filter: f})
			if err != nil {
				return err
			}
			return emit(e, doc, format)
		},
	}
	cmd.Flags().StringVarP(&region, "region", "r", "", "only the countries of this Wikimedia region (name or unique prefix)")
	cmd.Flags().StringVarP(&sortBy, "sort", "s", "name", "sort by name, population, or a domain ("+strings.Join(domainIDs(), ", ")+"), highest first")
	cmd.Flags().BoolVar(&reverse, "reverse", false, "reverse the order of --sort (countries without a score stay last)")
	cmd.Flags().StringVar(&filter, "filter", "", "only the countries the expression keeps, in the explorer's filter language: region:\"South Asia\" editorship<40 -protected:yes")
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

// countriesQuery is what of the countries `equity countries` lists, and in
// which order.
type countriesQuery struct {
	sortBy  string
	reverse bool
	filter  model.Filter
}

// countryOrder sorts countries by the --sort key, highest first, or lowest
// first when reversed; a country without the figure goes last either way.
// Name order is the dataset's, and nil.
func countryOrder(d *model.Dataset, year int, by string, reverse bool) (func(a, b model.Country) bool, error) {
	key := strings.ToLower(strings.TrimSpace(by))
	order := func(get func(c model.Country) (float64, bool)) func(a, b model.Country) bool {
		return func(a, b model.Country) bool {
			va, oka := get(a)
			vb, okb := get(b)
			switch {
			case oka != okb:
				return oka
			case reverse:
				return va < vb
			}
			return va > vb
		}
	}
	switch key {
	case "", "name":
		return nil, nil // the dataset's order is by name
	case "population":
		return order(func(c model.Country) (float64, bool) {
			p, ok := d.ContextAt(c.ISO2, model.IndPopulation, year)
			return p.Value, ok
		}), nil
	}
	for _, dom := range model.Domains() {
		if key == string(dom.ID) || key == strings.ToLower(dom.Short) {
			return order(func(c model.Country) (float64, bool) {
				return d.Score(c.ISO2, dom.ID, model.Overall, year)
			}), nil
		}
	}
	return nil, usageError{fmt.Errorf("cannot sort by %q; use name, population or one of %s", by, strings.Join(domainIDs(), ", "))}
}

func countriesDoc(d *model.Dataset, year int, region string, q countriesQuery) (report.Doc, error) {
	less, err := countryOrder(d, year, q.sortBy, q.reverse)
	if err != nil {
		return report.Doc{}, err
	}
	var countries []model.Country
	for _, c := range d.Countries {
		if (region == "" || c.WikimediaRegion == region) && q.filter.Match(d, c, year) {
			countries = append(countries, c)
		}
	}
	switch {
	case less != nil:
		sort.SliceStable(countries, func(i, j int) bool { return less(countries[i], countries[j]) })
	case q.reverse:
		slices.Reverse(countries)
	}

	// At 80 columns the scores stay and the context goes: the region
	// first, then population, then internet access (a note says which).
	cols := []report.Column{
		{Key: "iso2", Title: "Code"},
		{Key: "name", Title: "Name", Flex: true, Min: minName},
		{Key: "region", Title: "Region", Flex: true, Min: 12, Drop: 3},
		{Key: "population", Title: "Population", Short: "Pop.", Right: true, Drop: 2},
		{Key: "internet_pct", Title: "Internet", Short: "Net", Right: true, Drop: 1},
	}
	for _, dom := range model.Domains() {
		cols = append(cols, report.Column{Key: string(dom.ID), Title: dom.Short, Short: shortTitle(dom.Short), Right: true})
	}
	// For scripts: each context figure's own year, each score's class,
	// and whether any score of the row rests on a modeled figure.
	cols = append(cols, report.Column{Key: "population_year", Show: report.ForScripts}, report.Column{Key: "internet_year", Show: report.ForScripts})
	for _, dom := range model.Domains() {
		cols = append(cols, report.Column{Key: string(dom.ID) + "_class", Show: report.ForScripts})
	}
	cols = append(cols, report.Column{Key: "modeled", Title: "Modeled", Show: report.ForScripts})

	var rows [][]report.Cell
	for _, c := range countries {
		row := []report.Cell{report.Text(c.ISO2), report.Text(c.Name), report.Text(c.WikimediaRegion)}
		pop, popYear := contextCell(d, c.ISO2, model.IndPopulation, year, false)
		net, netYear := contextCell(d, c.ISO2, model.IndInternet, year, true)
		row = append(row, pop, net)
		var classes []report.Cell
		modeled := false
		for _, dom := range model.Domains() {
			v, ok := d.Score(c.ISO2, dom.ID, model.Overall, year)
			class := model.Class("")
			if ok {
				class, _ = d.ScoreClass(c.ISO2, dom.ID, model.Overall, year)
			}
			row = append(row, markedScoreCell(v, ok, class))
			modeled = modeled || class == model.ClassModeled
			classes = append(classes, classCell(class))
		}
		row = append(row, popYear, netYear)
		row = append(row, classes...)
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
			countedNote(len(rows), q.filter)+" Domain scores are 0–100 ranks among countries (50 = the median country; — = no score). "+marksNote,
			modeledNote(d),
			contextNote(d, year),
		),
		About: about(d),
	}, nil
}

// countedNote says how many countries the table lists, and which filter
// kept them.
func countedNote(n int, f model.Filter) string {
	if f.Empty() {
		return fmt.Sprintf("%d countries.", n)
	}
	return fmt.Sprintf("%d countries match the filter %s.", n, model.CleanText(f.String()))
}

// contextCell is a context figure as of year, or a dash, and the year it
// is of. A figure more than a year older than the year says its own year
// beside it, as the World Bank's "most recent value" does: American
// Samoa's internet users are the 1990 figure.
func contextCell(d *model.Dataset, iso2, ind string, year int, percent bool) (report.Cell, report.Cell) {
	p, ok := d.ContextAt(iso2, ind, year)
	if !ok {
		return report.Missing(), report.Missing()
	}
	text := report.Number(p.Value)
	if percent {
		text = report.Percent(p.Value)
	}
	if p.Year < year-1 {
		text += fmt.Sprintf(" (%d)", p.Year)
	}
	return report.Cell{Text: text, Value: p.Value}, report.Cell{Text: fmt.Sprint(p.Year), Value: p.Year}
}
