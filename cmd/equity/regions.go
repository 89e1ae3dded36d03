package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/report"
)

func newRegionsCmd(e env, opts *options) *cobra.Command {
	var group, format string
	var year int
	cmd := &cobra.Command{
		Use:   "regions",
		Short: "Sum up the countries of each region: people, internet users, the movement's share, domain scores",
		Long: "Prints one row per region of a grouping: its countries, population and internet users with\n" +
			"their share of the world, each domain's population-weighted mean and median score, the region's\n" +
			"share of the movement's readers, editors, grant dollars and affiliates, and its representation\n" +
			"ratios (a share of the movement over the share of the world's internet users; this project's\n" +
			"measure, not the Equity Landscape's).",
		Example: "  equity regions\n" +
			"  equity regions --group emerging --format md\n" +
			"  equity regions --group continent --year 2020 --format csv > continents-2020.csv",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			g, err := model.ParseGrouping(group)
			if err != nil {
				return usageError{err}
			}
			f, err := report.ParseFormat(format)
			if err != nil {
				return usageError{err}
			}
			d, y, err := loadLeanYear(e, opts, year)
			if err != nil {
				return err
			}
			return emit(e, regionsDoc(d, d.Aggregate(g, y), f), format)
		},
	}
	names := make([]string, 0, 5)
	for _, g := range model.Groupings() {
		names = append(names, string(g))
	}
	cmd.Flags().StringVarP(&group, "group", "g", string(model.GroupWikimedia), "how to group the countries: "+strings.Join(names, ", "))
	addYearFlag(cmd, &year, "year of the scores and activity")
	addFormatFlag(cmd, &format)
	return cmd
}

// shareCell is a region's share of a world total, or a dash.
func shareCell(p model.Part) report.Cell {
	if !p.OK {
		return report.Missing()
	}
	return report.Cell{Text: report.Percent(p.Share), Value: round(p.Share, 3)}
}

// amountCell is a region's sum, or a dash.
func amountCell(p model.Part, decimals int) report.Cell {
	if !p.OK {
		return report.Missing()
	}
	return report.Cell{Text: report.Number(p.Amount), Value: round(p.Amount, decimals)}
}

// ratioCell is a representation ratio with two decimals, or a dash.
func ratioCell(r model.Ratio) report.Cell {
	if !r.OK {
		return report.Missing()
	}
	return report.Cell{Text: fmt.Sprintf("%.2f", r.Value), Value: round(r.Value, 3)}
}

// regionsDoc is one row per region. Text and Markdown get three tables a
// person can read side by side with the region names (people; the
// movement's shares and the ratios; the domain scores as "mean / median");
// CSV and JSON get one table with every figure in a column of its own.
func regionsDoc(d *model.Dataset, agg model.Aggregates, f report.Format) report.Doc {
	noun, plural := groupNouns(agg.Grouping)
	name := report.Column{Key: "region", Title: noun, Flex: true}

	people := &report.TableSection{Key: "regions", Title: "People and internet users", Columns: []report.Column{
		name,
		{Key: "countries", Title: "Countries", Right: true},
		{Key: "population", Title: "Population", Right: true},
		{Key: "population_share", Title: "% of world", Right: true},
		{Key: "internet_users", Title: "Internet users", Right: true},
		{Key: "internet_share", Title: "% of world", Right: true},
	}}
	movement := &report.TableSection{Key: "movement", Title: "Share of the movement; representation ratio (share ÷ share of internet users; this project's measure)", Columns: []report.Column{
		name,
		{Key: "readers_share", Title: "Readers", Right: true},
		{Key: "editors_share", Title: "Editors", Right: true},
		{Key: "grants_share", Title: "Grant US$", Right: true},
		{Key: "affiliates_share", Title: "Affil.", Right: true},
		{Key: "readers_ratio", Title: "Readers ×", Right: true},
		{Key: "editors_ratio", Title: "Editors ×", Right: true},
		{Key: "grants_ratio", Title: "Grants ×", Right: true},
	}}
	scores := &report.TableSection{Key: "scores", Title: "Domain scores: population-weighted mean / median", Columns: []report.Column{name}}
	for _, dom := range model.Domains() {
		scores.Columns = append(scores.Columns, report.Column{Key: string(dom.ID), Title: dom.Short, Right: true})
	}

	// For scripts: every figure in its own column.
	flat := &report.TableSection{Key: "regions", Columns: append([]report.Column(nil), people.Columns...)}
	for _, dom := range model.Domains() {
		flat.Columns = append(flat.Columns,
			report.Column{Key: string(dom.ID) + "_mean"},
			report.Column{Key: string(dom.ID) + "_median"},
			report.Column{Key: string(dom.ID) + "_scored"})
	}
	flat.Columns = append(flat.Columns,
		report.Column{Key: "readers"}, report.Column{Key: "readers_share"},
		report.Column{Key: "editors"}, report.Column{Key: "editors_share"},
		report.Column{Key: "grants_usd"}, report.Column{Key: "grants_share"},
		report.Column{Key: "affiliates"}, report.Column{Key: "affiliates_share"},
		report.Column{Key: "readers_ratio"}, report.Column{Key: "editors_ratio"}, report.Column{Key: "grants_ratio"},
		report.Column{Key: "modeled"})

	for _, r := range agg.Regions {
		region := report.Text(r.Name)
		peopleRow := []report.Cell{
			region,
			{Text: fmt.Sprint(len(r.Countries)), Value: len(r.Countries)},
			amountCell(r.Population, 0), shareCell(r.Population),
			amountCell(r.InternetUsers, 0), shareCell(r.InternetUsers),
		}
		people.Rows = append(people.Rows, peopleRow)
		movement.Rows = append(movement.Rows, []report.Cell{
			region,
			shareCell(r.Readers), shareCell(r.Editors), shareCell(r.Grants), shareCell(r.Affiliates),
			ratioCell(r.ReadersRatio), ratioCell(r.EditorsRatio), ratioCell(r.GrantsRatio),
		})
		scoreRow := []report.Cell{region}
		flatRow := append([]report.Cell(nil), peopleRow...)
		for _, s := range r.Domains {
			mean, median := scoreCell(s.WeightedMean, s.HasWeighted), scoreCell(s.Median, s.OK)
			scoreRow = append(scoreRow, meanMedian(mean, median))
			flatRow = append(flatRow, mean, median, report.Cell{Text: fmt.Sprint(s.Scored), Value: s.Scored})
		}
		scores.Rows = append(scores.Rows, scoreRow)
		flatRow = append(flatRow,
			amountCell(r.Readers, 0), shareCell(r.Readers),
			amountCell(r.Editors, 0), shareCell(r.Editors),
			amountCell(r.Grants, 0), shareCell(r.Grants),
			amountCell(r.Affiliates, 0), shareCell(r.Affiliates),
			ratioCell(r.ReadersRatio), ratioCell(r.EditorsRatio), ratioCell(r.GrantsRatio),
			regionModeled(d, r, agg.Year))
		flat.Rows = append(flat.Rows, flatRow)
	}

	doc := report.Doc{
		Title: fmt.Sprintf("%s — %d", agg.Grouping.Title(), agg.Year),
		Notes: notes(
			worldNote(agg, plural),
			"Domain scores read “mean / median”: the mean weighs each country's 0–100 score by its population (what the region's people see on average), the median is the middle country's score; — where no country has a score.",
			fmt.Sprintf("The movement's shares are of the world's readers (unique devices), Wikipedia editors, grant US$ of %d and affiliates.", agg.Year),
			"Representation ratio = the region's share of readers, editors or grant dollars ÷ its share of the world's internet users. Below 1: fewer readers/editors/grant dollars than the region's share of internet users would suggest — this project's measure, not the Equity Landscape's.",
			internetNote(d, agg),
			modeledNote(d),
			contextNote(d, agg.Year),
		),
		About: about(d),
	}
	doc.About["grouping"] = string(agg.Grouping)
	doc.About["year"] = agg.Year
	if f == report.CSV || f == report.JSON {
		doc.Sections = []report.Section{flat}
	} else {
		doc.Sections = []report.Section{people, movement, scores}
	}
	return doc
}

// meanMedian writes a domain's two figures as one: "56.2 / 50.7".
func meanMedian(mean, median report.Cell) report.Cell {
	if mean.Value == nil && median.Value == nil {
		return report.Missing()
	}
	return report.Text(mean.Text + " / " + median.Text)
}

// groupNouns names a grouping's groups for a column heading and a count.
func groupNouns(g model.Grouping) (noun, plural string) {
	switch g {
	case model.GroupSubregion:
		return "Sub-region", "sub-regions"
	case model.GroupContinent:
		return "Continent", "continents"
	case model.GroupEmerging:
		return "Class", "classes"
	}
	return "Region", "regions"
}

// worldNote says how many groups there are and what the shares are of,
// naming the countries no group holds.
func worldNote(agg model.Aggregates, plural string) string {
	in := map[string]bool{}
	for _, r := range agg.Regions {
		for _, c := range r.Countries {
			in[c.ISO2] = true
		}
	}
	var out []string
	for _, c := range agg.World.Countries {
		if !in[c.ISO2] {
			out = append(out, c.Name)
		}
	}
	s := fmt.Sprintf("%d %s. Shares are of the world: all %d countries and territories", len(agg.Regions), plural, len(agg.World.Countries))
	switch {
	case len(out) == 0:
		return s + "."
	case len(out) <= 3:
		return fmt.Sprintf("%s, %s in none of them.", s, strings.Join(out, ", "))
	}
	return fmt.Sprintf("%s, %d in none of them.", s, len(out))
}

// internetNote says which countries the internet users count.
func internetNote(d *model.Dataset, agg model.Aggregates) string {
	n := 0
	for _, c := range agg.World.Countries {
		_, pop := d.ContextAt(c.ISO2, model.IndPopulation, agg.Year)
		_, net := d.ContextAt(c.ISO2, model.IndInternet, agg.Year)
		if pop && net {
			n++
		}
	}
	src := ""
	if ind, ok := d.Indicator(model.IndInternet); ok {
		if s, ok := d.Source(ind.SourceID); ok {
			src = " from " + s.Title
		}
	}
	return fmt.Sprintf("Internet users are population × the share online, summed over the %d of %d countries with a figure%s; the %d without one are left out of the internet users and their shares.",
		n, len(agg.World.Countries), src, len(agg.World.Countries)-n)
}

// commonYear is the year most countries' figure of a context input is of,
// as of year: the estimate years of internet users vary by country.
func commonYear(d *model.Dataset, id string, year int) (int, bool) {
	count := map[int]int{}
	best := 0
	for _, c := range d.Countries {
		if p, ok := d.ContextAt(c.ISO2, id, year); ok {
			count[p.Year]++
			if n := count[p.Year]; n > count[best] || n == count[best] && p.Year > best {
				best = p.Year
			}
		}
	}
	return best, len(count) > 0
}

// contextNote cites the population and internet figures, and says they are
// real where the database says so.
func contextNote(d *model.Dataset, year int) string {
	s := sourceNote(d, model.IndPopulation) + "; " + sourceNote(d, model.IndInternet) + ", each country's figure of its own estimate year"
	if y, ok := commonYear(d, model.IndInternet, year); ok {
		s += fmt.Sprintf(" (mostly %d)", y)
	}
	s += "."
	pop, _ := d.Indicator(model.IndPopulation)
	net, _ := d.Indicator(model.IndInternet)
	if !pop.Modeled && !net.Modeled {
		s += " Both are real, published figures."
	}
	return s
}

// regionModeled says whether any score of the region's countries in the
// year rests on a modeled figure: the region's means and shares are then
// partly the model's.
func regionModeled(d *model.Dataset, r model.Region, year int) report.Cell {
	modeled := false
	for _, c := range r.Countries {
		for _, dom := range model.Domains() {
			if class, _ := d.ScoreClass(c.ISO2, dom.ID, model.Overall, year); class == model.ClassModeled {
				modeled = true
			}
		}
	}
	return report.Cell{Text: fmt.Sprint(modeled), Value: modeled}
}
