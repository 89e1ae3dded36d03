package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/report"
)

// The number of countries compare takes.
const (
	compareMin = 2
	compareMax = 6
)

// compareLanguages is how many language codes a reader sees per country;
// CSV and JSON get them all.
const compareLanguages = 6

func newCompareCmd(e env, opts *options) *cobra.Command {
	var format string
	var year int
	cmd := &cobra.Command{
		Use:   "compare CODE CODE...",
		Short: "Put 2 to 6 countries side by side: region, people, access, protection, scores and languages",
		Long: "Prints one column per country and one row per measure: Wikimedia region, population, internet\n" +
			"access, protection status, each domain's presence, growth and overall score with the country's\n" +
			"place in its region, and the languages spoken there that have an open Wikipedia. CODE is an ISO\n" +
			"alpha-2 or alpha-3 code or a name, as for `equity country`.",
		Example: "  equity compare NG BR IN\n" +
			"  equity compare nigeria ghana kenya --year 2021 --format md\n" +
			"  equity compare NGA BRA IND --format csv",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) < compareMin || len(args) > compareMax {
				return usageError{fmt.Errorf("compare takes %d to %d countries, not %d", compareMin, compareMax, len(args))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := report.ParseFormat(format)
			if err != nil {
				return usageError{err}
			}
			d, y, err := loadLeanYear(e, opts, year)
			if err != nil {
				return err
			}
			countries, err := findCountries(d, args)
			if err != nil {
				return err
			}
			profiles := make([]model.Profile, len(countries))
			for i, c := range countries {
				profiles[i] = d.Profile(c, y)
			}
			return emit(e, compareDoc(d, profiles, f), format)
		},
	}
	addYearFlag(cmd, &year, "year of the scores")
	addFormatFlag(cmd, &format)
	return cmd
}

// findCountries resolves each query, refusing a country named twice.
func findCountries(d *model.Dataset, queries []string) ([]model.Country, error) {
	var out []model.Country
	seen := map[string]string{} // ISO2 → the query that named it
	for _, q := range queries {
		c, err := d.FindCountry(q)
		if err != nil {
			return nil, usageError{err}
		}
		if prev, dup := seen[c.ISO2]; dup {
			if model.Fold(strings.TrimSpace(prev)) == model.Fold(strings.TrimSpace(q)) {
				return nil, usageError{fmt.Errorf("%s (%s) is named twice; name each country once", c.Name, c.ISO2)}
			}
			return nil, usageError{fmt.Errorf("%q and %q are both %s (%s); name each country once", prev, q, c.Name, c.ISO2)}
		}
		seen[c.ISO2] = q
		out = append(out, c)
	}
	return out, nil
}

// measure is one row of the comparison.
type measure struct {
	key, label string
	modeled    bool
	cells      []report.Cell // one per country
	forScripts bool          // only in CSV and JSON
}

// compareDoc lays the countries side by side: a row per measure, a column
// per country. Text, Markdown and CSV get that table (CSV keys the columns
// by ISO2 code). JSON gets what a script looks things up by: "measures",
// an object keyed by measure whose "values" are keyed by ISO2 code
// (measures.population.values.NG), and "countries", the countries in the
// order asked.
func compareDoc(d *model.Dataset, ps []model.Profile, f report.Format) report.Doc {
	scripts := f == report.CSV || f == report.JSON
	ms := compareMeasures(d, ps, scripts)

	var names []string
	for _, p := range ps {
		names = append(names, p.Country.Name)
	}
	year := ps[0].Year
	doc := report.Doc{
		Title: fmt.Sprintf("%s — %d", andList(names), year),
		Notes: notes(
			"Scores are 0–100 ranks among countries (50 = the median country); \"(3/53)\" is the country's place among the 53 countries of its Wikimedia region that have a score.",
			"Open Wikipedias: the languages spoken in the country that have an open Wikipedia, by wiki code, most spoken first.",
			protectionNote(ps),
			marksNote,
			modeledNote(d),
			contextNote(d, year),
		),
		About: about(d),
	}
	doc.About["year"] = year

	if f == report.JSON {
		countries := &report.TableSection{Key: "countries", Columns: []report.Column{{Key: "iso2"}, {Key: "iso3"}, {Key: "name"}}}
		for _, p := range ps {
			c := p.Country
			countries.Rows = append(countries.Rows, []report.Cell{report.Text(c.ISO2), report.Text(c.ISO3), report.Text(c.Name)})
		}
		fields := &report.FieldsSection{Key: "measures"}
		for _, m := range ms {
			values := make(map[string]any, len(ps))
			for i, p := range ps {
				values[p.Country.ISO2] = m.cells[i].Value
			}
			fields.Fields = append(fields.Fields, report.Field{Key: m.key, Cell: report.Cell{
				Value: map[string]any{"label": m.label, "modeled": m.modeled, "values": values},
			}})
		}
		doc.Sections = []report.Section{countries, fields}
		return doc
	}

	t := &report.TableSection{Key: "compare", Columns: []report.Column{
		{Key: "measure", Show: report.ForScripts},
		{Key: "label", Title: "", Show: report.ForReaders},
	}}
	for _, p := range ps {
		t.Columns = append(t.Columns, report.Column{Key: p.Country.ISO2, Title: p.Country.Name + " (" + p.Country.ISO2 + ")", Flex: true})
	}
	t.Columns = append(t.Columns, report.Column{Key: "modeled", Show: report.ForScripts})
	for _, m := range ms {
		if m.forScripts && !scripts {
			continue
		}
		row := []report.Cell{report.Text(m.key), report.Text(m.label)}
		row = append(row, m.cells...)
		row = append(row, report.Cell{Text: fmt.Sprint(m.modeled), Value: m.modeled})
		t.Rows = append(t.Rows, row)
	}
	doc.Sections = []report.Section{t}
	return doc
}

// compareMeasures builds the rows. scripts says whether the output is for
// a script: it then gets every language, not the first few.
func compareMeasures(d *model.Dataset, ps []model.Profile, scripts bool) []measure {
	each := func(key, label string, modeled bool, cell func(p model.Profile) report.Cell) measure {
		m := measure{key: key, label: label, modeled: modeled}
		for _, p := range ps {
			m.cells = append(m.cells, cell(p))
		}
		return m
	}
	context := func(p model.Profile, id string) report.Cell {
		for _, f := range p.Context {
			if f.Indicator.ID == id && f.OK {
				return report.Cell{Text: report.Figure(id, f.Point.Value), Value: f.Point.Value}
			}
		}
		return report.Missing()
	}
	contextModeled := func(id string) bool {
		ind, _ := d.Indicator(id)
		return ind.Modeled
	}

	ms := []measure{
		each("name", "Name", false, func(p model.Profile) report.Cell { return report.Text(p.Country.Name) }),
		each("iso3", "ISO alpha-3", false, func(p model.Profile) report.Cell { return report.Text(p.Country.ISO3) }),
	}
	ms[0].forScripts, ms[1].forScripts = true, true
	ms = append(ms,
		each("wikimedia_region", "Wikimedia region", false, func(p model.Profile) report.Cell {
			if p.Country.WikimediaRegion == "" {
				return report.Cell{Text: "none", Value: nil}
			}
			return report.Text(p.Country.WikimediaRegion)
		}),
		each("population", "Population", contextModeled(model.IndPopulation), func(p model.Profile) report.Cell { return context(p, model.IndPopulation) }),
		each("internet_pct", "Online, % of people", contextModeled(model.IndInternet), func(p model.Profile) report.Cell { return context(p, model.IndInternet) }),
		each("protected", "Protection", false, func(p model.Profile) report.Cell {
			if p.Country.Protected {
				return report.Cell{Text: "protected", Value: true}
			}
			return report.Cell{Text: "not protected", Value: false}
		}),
	)
	for i, dom := range model.Domains() {
		name := strings.ToUpper(string(dom.ID[:1])) + string(dom.ID[1:])
		facets := []model.Facet{model.Presence}
		if ps[0].Domains[i].HasGrowth {
			facets = append(facets, model.Growth)
		}
		facets = append(facets, model.Overall)
		for _, facet := range facets {
			// A row is modeled where a score it shows rests on a
			// modeled figure, not because the input is modeled elsewhere.
			modeled := false
			for _, p := range ps {
				class, _ := d.ScoreClass(p.Country.ISO2, dom.ID, facet, p.Year)
				modeled = modeled || class == model.ClassModeled
			}
			ms = append(ms, each(string(dom.ID)+"_"+string(facet), name+" "+string(facet), modeled, func(p model.Profile) report.Cell {
				dp := p.Domains[i]
				fs := map[model.Facet]model.FacetScore{model.Presence: dp.Presence, model.Growth: dp.Growth, model.Overall: dp.Overall}[facet]
				class, _ := d.ScoreClass(p.Country.ISO2, dom.ID, facet, p.Year)
				return rankedScore(fs, class)
			}))
		}
	}
	ms = append(ms, each("open_wikipedias", "Open Wikipedias", false, func(p model.Profile) report.Cell {
		codes := openWikipedias(p)
		all := strings.Join(codes, ", ")
		if scripts || len(codes) <= compareLanguages {
			if len(codes) == 0 {
				return report.Cell{Text: "none", Value: ""}
			}
			return report.Cell{Text: all, Value: all}
		}
		// compareLanguages-1 codes and the count of the rest, so that the
		// cell never holds more than compareLanguages items
		shown := compareLanguages - 1
		return report.Cell{Text: fmt.Sprintf("%s +%d more", strings.Join(codes[:shown], ", "), len(codes)-shown), Value: all}
	}))
	return ms
}

// rankedScore is a score with its class's mark and its place in the
// region: "96.3~ (1/53)".
func rankedScore(fs model.FacetScore, class model.Class) report.Cell {
	if !fs.OK {
		return report.Missing()
	}
	c := markedScoreCell(fs.Score, true, class)
	if st := fs.InRegion; st.Of > 0 {
		c.Text += fmt.Sprintf(" (%d/%d)", st.Pos, st.Of)
	}
	return c
}

// openWikipedias lists the wiki codes of a country's languages that have
// an open Wikipedia, most spoken first, each once (Hausa in Latin and in
// Arabic script both read hawiki).
func openWikipedias(p model.Profile) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range p.Languages {
		if !l.HasWiki || !l.Wikipedia.Open() || seen[l.Wikipedia.DB] {
			continue
		}
		seen[l.Wikipedia.DB] = true
		out = append(out, l.Wikipedia.Lang)
	}
	return out
}

// protectionNote explains the protection list when a compared country is
// on it.
func protectionNote(ps []model.Profile) string {
	for _, p := range ps {
		if p.Country.Protected {
			return "Protected: " + model.ProtectionNote + "."
		}
	}
	return ""
}

// andList joins names as a sentence does: "A, B and C".
func andList(xs []string) string {
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}
