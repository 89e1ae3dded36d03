package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/report"
)

func newCountryCmd(e env, opts *options) *cobra.Command {
	var format string
	var year int
	cmd := &cobra.Command{
		Use:   "country CODE",
		Short: "Everything known about one country: classifications, languages, scores and their inputs",
		Long: "Prints one country's identity and classifications, population and access, languages and their\n" +
			"Wikipedias, which Wikipedia editions it reads (June 2016/2017) and its English Wikipedia views month by\n" +
			"month (2015–2021), the wikis its editors work on (in an imported database), each domain's presence and\n" +
			"growth scores with its rank in its region and the world, and every input's value, rank and weight.\n" +
			"A protected country's imported raw counts are given only as buckets (11–20), never exactly.\n" +
			"CODE is an ISO alpha-2 or alpha-3 code or a name.",
		Example: "  equity country NG\n  equity country nigeria --year 2021\n  equity country BRA --format md",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			d, y, err := loadYear(e, opts, year)
			if err != nil {
				return err
			}
			c, err := d.FindCountry(args[0])
			if err != nil {
				return usageError{err}
			}
			return emit(e, countryDoc(d, d.Profile(c, y)), format)
		},
	}
	addYearFlag(cmd, &year, "year of the scores")
	addFormatFlag(cmd, &format)
	return cmd
}

func countryDoc(d *model.Dataset, p model.Profile) report.Doc {
	c := p.Country
	sections := []report.Section{identitySection(c), contextSection(d, p), languagesSection(p)}
	editions, editionsNote := editionsSection(d, p)
	if editions != nil {
		sections = append(sections, editions)
	}
	enwiki, enwikiNote := enwikiSections(d, p)
	sections = append(sections, enwiki...)
	wikisNote := ""
	if w := wikisSection(d, p); w != nil {
		sections = append(sections, w)
		wikisNote = "Wikis: active editors (5 or more edits a month) located in the country on each wiki, and of them the very active (100 or more), the yearly mean of the monthly Geoeditors figures, which are published in ranges."
	}
	return report.Doc{
		Title:    fmt.Sprintf("%s (%s) — %d", c.Name, c.ISO2, p.Year),
		Sections: append(sections, scoresSection(d, p), inputsSection(d, p)),
		Notes: notes(
			"Scores are 0–100 ranks among countries (50 = the median country); ranks read \"3 of 54\": third of the 54 countries of the region that have a score. Pctile: an input's percentile rank among the countries that have it (87th: higher than about 87% of them).",
			editionsNote,
			enwikiNote,
			wikisNote,
			missingNote(d, p),
			estimatedNote(d, p),
			modeledNote(d),
		),
		About: about(d),
	}
}

// estimatedNote names the method of each estimated figure the inputs
// table shows: an estimate is never shown without how it was made.
func estimatedNote(d *model.Dataset, p model.Profile) string {
	var parts []string
	seen := map[string]bool{}
	for _, ind := range d.Indicators {
		if ind.Facet == model.Context || ind.Derived() {
			continue
		}
		pv, ok := d.Provenance(p.Country.ISO2, ind.ID, p.Year)
		if !ok || pv.Class != model.ClassEstimated || seen[pv.Source] {
			continue
		}
		seen[pv.Source] = true
		title := pv.Source
		if src, ok := d.Source(pv.Source); ok {
			title = src.Title
		}
		parts = append(parts, fmt.Sprintf("%s, %s: %s", ind.Name, pv.Period, title))
	}
	if len(parts) == 0 {
		return ""
	}
	return "ESTIMATED from published figures, not published: " + strings.Join(parts, "; ") + " (the method in full: `equity info`, Sources)."
}

// missingNote says why the inputs a release left out are missing for the
// country this year: a missing figure is never a zero, and its reason is
// part of it.
func missingNote(d *model.Dataset, p model.Profile) string {
	var parts []string
	for _, ind := range d.Indicators {
		if m, ok := d.MissingReason(p.Country.ISO2, ind.ID, p.Year); ok {
			parts = append(parts, ind.Name+": "+m.Reason)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("Missing in %d: %s.", p.Year, strings.Join(parts, "; "))
}

func orNone(s string) report.Cell {
	if s == "" {
		return report.Cell{Text: "not classified", Value: nil}
	}
	return report.Text(s)
}

func identitySection(c model.Country) *report.FieldsSection {
	protected := report.Cell{Text: "no", Value: false}
	if c.Protected {
		protected = report.Cell{Text: "yes — " + model.ProtectionNote, Value: true}
	}
	risk := report.Cell{Text: "no score published", Value: nil}
	if c.DataRiskScore != nil {
		risk = report.Cell{Text: fmt.Sprintf("%.1f of 100 (higher is riskier)", *c.DataRiskScore), Value: *c.DataRiskScore}
	}
	return &report.FieldsSection{Key: "country", Title: "Country", Fields: []report.Field{
		{Key: "name", Label: "Name", Cell: report.Text(c.Name)},
		{Key: "codes", Label: "ISO codes", Cell: report.Text(c.ISO2 + " / " + c.ISO3), Show: report.ForReaders},
		{Key: "iso2", Cell: report.Text(c.ISO2), Show: report.ForScripts},
		{Key: "iso3", Cell: report.Text(c.ISO3), Show: report.ForScripts},
		{Key: "wikimedia_region", Label: "Wikimedia region", Cell: orNone(c.WikimediaRegion)},
		{Key: "un", Label: "UN region", Cell: report.Text(c.UNSubregion + ", " + c.UNContinent), Show: report.ForReaders},
		{Key: "un_subregion", Cell: report.Text(c.UNSubregion), Show: report.ForScripts},
		{Key: "un_continent", Cell: report.Text(c.UNContinent), Show: report.ForScripts},
		{Key: "economic_region", Label: "Economic region", Cell: orNone(c.EconomicRegion)},
		{Key: "emerging_class", Label: "Emerging community", Cell: orNone(c.EmergingClass)},
		{Key: "market_class", Label: "Market research", Cell: orNone(c.MarketClass)},
		{Key: "protected", Label: "Protected", Cell: protected},
		{Key: "data_risk_score", Label: "Data risk", Cell: risk},
		{Key: "data_risk_class", Label: "Data risk class", Cell: orNone(c.DataRiskClass)},
	}}
}

func contextSection(d *model.Dataset, p model.Profile) *report.TableSection {
	t := &report.TableSection{Key: "context", Title: "People and access", Columns: []report.Column{
		{Key: "indicator", Title: "Figure", Flex: true, Min: minName},
		{Key: "value", Title: "Value", Right: true},
		{Key: "unit", Title: "Unit", Show: report.ForScripts},
		{Key: "year", Title: "Year", Right: true},
		{Key: "class", Title: "Class"},
		{Key: "source", Title: "Source", Flex: true, Min: minName},
	}}
	for _, f := range p.Context {
		src := ""
		if s, ok := d.Source(f.SourceID()); ok {
			src = fmt.Sprintf("%s (%d)", s.Title, s.Year)
		}
		value, year, class := report.Missing(), report.Missing(), report.Missing()
		if f.OK {
			value = report.Cell{Text: report.Figure(f.Indicator.ID, f.Point.Value), Value: f.Point.Value}
			year = report.Cell{Text: fmt.Sprint(f.Point.Year), Value: f.Point.Year}
			class = report.Text(string(f.Point.Class()))
		}
		t.Rows = append(t.Rows, []report.Cell{report.Text(f.Indicator.Name), value, report.Text(f.Indicator.Unit), year, class, report.Text(src)})
	}
	return t
}

func languagesSection(p model.Profile) *report.TableSection {
	t := &report.TableSection{Key: "languages", Title: "Languages", Columns: []report.Column{
		{Key: "code", Title: "Code"},
		{Key: "name", Title: "Language", Flex: true, Min: minName},
		{Key: "population_pct", Title: "Speakers", Right: true},
		{Key: "official_status", Title: "Status"},
		{Key: "wikipedia", Title: "Wikipedia"},
		{Key: "wikipedia_open", Title: "Open", Show: report.ForScripts},
	}}
	for _, l := range p.Languages {
		wiki, open := report.Cell{Text: "none", Value: nil}, report.Cell{Text: "", Value: nil}
		if l.HasWiki {
			state := "closed"
			if l.Wikipedia.Open() {
				state = "open"
			}
			wiki = report.Cell{Text: l.Wikipedia.DB + " (" + state + ")", Value: l.Wikipedia.DB}
			open = report.Cell{Text: state, Value: l.Wikipedia.Open()}
		}
		status := report.Cell{Text: l.Status(), Value: l.OfficialStatus}
		t.Rows = append(t.Rows, []report.Cell{
			report.Text(l.Lang), report.Text(l.Named()),
			report.Cell{Text: report.Percent(l.PopulationPct), Value: l.PopulationPct},
			status, wiki, open,
		})
	}
	return t
}

// wikisSection is which wikis the country's editors work on, most editors
// first (imported Geoeditors figures, as ranges), or nil when the dataset
// has none for the country and year. A protected country's counts are
// buckets, as everywhere.
func wikisSection(d *model.Dataset, p model.Profile) *report.TableSection {
	cws := d.CountryWikis(p.Country.ISO2, p.Year)
	if len(cws) == 0 {
		return nil
	}
	t := &report.TableSection{Key: "wikis", Title: "Wikis its editors work on", Columns: []report.Column{
		{Key: "wiki", Title: "Wiki"},
		{Key: "language", Title: "Language", Flex: true},
		{Key: "editors", Title: "Editors", Right: true},
		{Key: "editors_lower", Show: report.ForScripts},
		{Key: "editors_upper", Show: report.ForScripts},
		{Key: "very_active", Title: "Very active", Right: true},
		{Key: "very_active_lower", Show: report.ForScripts},
		{Key: "very_active_upper", Show: report.ForScripts},
	}}
	cells := func(b model.Bounds) []report.Cell {
		o := report.WikiEditors(d, p.Country, b)
		value, r := report.Cell{Text: o.Text(), Value: b.Mid()}, b
		if !o.Exact {
			value.Value, r = nil, o.Range
		}
		return []report.Cell{value, {Text: "", Value: r.Lower}, {Text: "", Value: r.Upper}}
	}
	for _, cw := range cws {
		row := []report.Cell{report.Text(cw.Wiki), report.Text(report.WikiLanguage(d, cw.Wiki))}
		row = append(row, cells(cw.Editors)...)
		row = append(row, cells(cw.VeryActive)...)
		t.Rows = append(t.Rows, row)
	}
	return t
}

// standing writes a place as "3 of 54".
func standing(fs model.FacetScore, st model.Standing) report.Cell {
	if !fs.OK || st.Of == 0 {
		return report.Missing()
	}
	return report.Text(fmt.Sprintf("%d of %d", st.Pos, st.Of))
}

func place(fs model.FacetScore, st model.Standing) report.Cell {
	if !fs.OK || st.Of == 0 {
		return report.Missing()
	}
	return report.Cell{Text: fmt.Sprint(st.Pos), Value: st.Pos}
}

func scoresSection(d *model.Dataset, p model.Profile) *report.TableSection {
	t := &report.TableSection{Key: "scores", Title: "Domains", Columns: []report.Column{
		{Key: "domain", Title: "Domain", Flex: true, Min: minName},
		{Key: "presence", Title: "Presence", Right: true},
		{Key: "presence_in_region", Title: "In region", Right: true, Show: report.ForReaders, Drop: 4},
		{Key: "presence_in_world", Title: "In world", Right: true, Show: report.ForReaders, Drop: 1},
		{Key: "growth", Title: "Growth", Right: true},
		{Key: "growth_in_region", Title: "In region", Right: true, Show: report.ForReaders, Drop: 3},
		{Key: "growth_in_world", Title: "In world", Right: true, Show: report.ForReaders, Drop: 2},
		{Key: "overall", Title: "Overall", Right: true},
		{Key: "presence_region_rank", Show: report.ForScripts},
		{Key: "presence_region_of", Show: report.ForScripts},
		{Key: "presence_world_rank", Show: report.ForScripts},
		{Key: "presence_world_of", Show: report.ForScripts},
		{Key: "growth_region_rank", Show: report.ForScripts},
		{Key: "growth_region_of", Show: report.ForScripts},
		{Key: "growth_world_rank", Show: report.ForScripts},
		{Key: "growth_world_of", Show: report.ForScripts},
		{Key: "class", Title: "Class"},
		{Key: "note", Title: "Note", Flex: true, Min: minName},
		{Key: "modeled", Show: report.ForScripts},
	}}
	for _, dp := range p.Domains {
		// The weakest class of the figures the scores rest on: a score
		// is never called real when part of it is modeled.
		class := dp.Class
		modeled := class == model.ClassModeled
		pr, gr := dp.Presence, dp.Growth
		note := ""
		switch {
		case dp.Presence.Explanation.Idle:
			note = model.NoActivity
		case dp.NoFigures:
			note = model.NoFiguresNote
		case dp.Withheld != "":
			note = dp.Withheld
		case !pr.OK:
			note = "not enough data"
		case !dp.HasGrowth:
			note = "no growth inputs yet"
		case !gr.OK:
			note = "growth not measurable this year"
		}
		if !dp.Domain.WeightsPublished && note == "" {
			note = "project-defined weights"
		}
		of := func(st model.Standing, fs model.FacetScore) report.Cell {
			if !fs.OK || st.Of == 0 {
				return report.Missing()
			}
			return report.Cell{Text: fmt.Sprint(st.Of), Value: st.Of}
		}
		t.Rows = append(t.Rows, []report.Cell{
			report.Text(dp.Domain.Name),
			scoreCell(pr.Score, pr.OK), standing(pr, pr.InRegion), standing(pr, pr.InWorld),
			scoreCell(gr.Score, gr.OK), standing(gr, gr.InRegion), standing(gr, gr.InWorld),
			scoreCell(dp.Overall.Score, dp.Overall.OK),
			place(pr, pr.InRegion), of(pr.InRegion, pr), place(pr, pr.InWorld), of(pr.InWorld, pr),
			place(gr, gr.InRegion), of(gr.InRegion, gr), place(gr, gr.InWorld), of(gr.InWorld, gr),
			classCell(class),
			report.Text(note),
			report.Cell{Text: fmt.Sprint(modeled), Value: modeled},
		})
	}
	return t
}

func inputsSection(d *model.Dataset, p model.Profile) *report.TableSection {
	t := &report.TableSection{Key: "inputs", Title: "Inputs", Columns: []report.Column{
		{Key: "indicator", Title: "Input", Flex: true, Min: minName},
		{Key: "domain", Title: "Domain", Show: report.ForScripts},
		{Key: "facet", Title: "Facet"},
		{Key: "value", Title: "Value", Right: true},
		{Key: "lower", Show: report.ForScripts},
		{Key: "upper", Show: report.ForScripts},
		{Key: "unit", Title: "Unit", Show: report.ForScripts},
		{Key: "ranked_value", Show: report.ForScripts},
		{Key: "rank", Title: "Pctile", Right: true},
		{Key: "weight", Title: "Weight", Right: true},
		{Key: "contribution", Title: "Adds", Right: true},
		{Key: "class", Title: "Class"},
		{Key: "modeled", Title: "Modeled", Show: report.ForScripts},
		{Key: "period", Show: report.ForScripts},
		{Key: "source", Show: report.ForScripts},
		{Key: "why_missing", Show: report.ForScripts},
		{Key: "noise_sd", Show: report.ForScripts},
	}}
	for _, dp := range p.Domains {
		for _, e := range []model.Explanation{dp.Presence.Explanation, dp.Growth.Explanation} {
			for _, in := range e.Inputs {
				t.Rows = append(t.Rows, inputRow(d, p, e, in))
			}
		}
	}
	return t
}

// inputRow is one input of a facet: its value, rank, weight and
// contribution. A protected country's imported raw count is shown and
// exported only as its bucket (model.Dataset.Shown): value and ranked_value
// are null, lower and upper the bucket. An imported count published as a
// range has the range beside it, and in lower and upper.
func inputRow(d *model.Dataset, p model.Profile, e model.Explanation, in model.InputExplanation) []report.Cell {
	ind := in.Indicator
	value, ranked, rank, contrib := report.Missing(), report.Missing(), report.Missing(), report.Missing()
	lower, upper := report.Missing(), report.Missing()
	if in.Present {
		ranked = report.Cell{Text: "", Value: in.Value}
		// A percentile rank, 0–100, written as one ("87th"), never as a
		// place; scripts get the number.
		rank = report.Cell{Text: report.Percentile(in.Rank), Value: round(in.Rank, 2)}
		switch {
		case ind.Derived():
			// A growth rate is a derived figure: it stays exact.
			value = report.Cell{Text: report.Signed(in.Value), Value: in.Value}
		case ind.Per != "":
			raw := in.Value * in.Divisor.Value
			value = report.Cell{Text: report.Money(raw), Value: raw}
		case ind.Unit == "% of active editors":
			value = report.Cell{Text: report.Percent(in.Value), Value: in.Value}
		default:
			o := report.Observe(d, p.Country, ind, p.Year, in.Value, report.Number)
			value = report.Cell{Text: o.Text(), Value: in.Value}
			if !o.Exact {
				value.Value, ranked = nil, report.Cell{Text: "", Value: nil}
			}
			if o.HasRange {
				lower = report.Cell{Text: report.Number(o.Range.Lower), Value: o.Range.Lower}
				upper = report.Cell{Text: report.Number(o.Range.Upper), Value: o.Range.Upper}
			}
		}
	} else if raw, ok := d.Value(p.Country.ISO2, ind.ID, p.Year); ok && ind.Per != "" {
		// Grants exist but GDP does not: show the dollars, unranked.
		value = report.Cell{Text: report.Money(raw), Value: raw}
	}
	if e.HasScore && in.Present {
		contrib = report.Cell{Text: report.Score(in.Contribution), Value: round(in.Contribution, 4)}
	}
	// The cell's own provenance: an input may be real in one year and
	// modeled in another, and a release may have left the cell out.
	pv, has := d.Provenance(p.Country.ISO2, ind.ID, p.Year)
	if !has {
		pv = model.Provenance{Source: ind.SourceID}
	}
	src := pv.Source
	if s, ok := d.Source(pv.Source); ok {
		src = s.Title
	}
	class, why, noise := report.Missing(), report.Missing(), report.Missing()
	if has {
		class = report.Text(string(pv.Class))
	}
	if m, ok := d.MissingReason(p.Country.ISO2, ind.ID, p.Year); ok {
		class = report.Cell{Text: "missing", Value: "missing"}
		why = report.Text(m.Reason)
		if s, ok := d.Source(m.Source); ok {
			src = s.Title
		}
	}
	if n, ok := d.NoiseOf(p.Country.ISO2, ind.ID, p.Year); ok {
		noise = report.Cell{Text: report.Number(n.SD), Value: round(n.SD, 4)}
	}
	weight := fmt.Sprintf("%g", ind.Weight)
	if !ind.WeightPublished {
		weight += "†"
	}
	modeled := pv.Class == model.ClassModeled || (!has && ind.Modeled)
	return []report.Cell{
		report.Text(ind.Name), report.Text(string(ind.Domain)), report.Text(string(ind.Facet)),
		value, lower, upper, report.Text(ind.Unit), ranked, rank,
		report.Cell{Text: weight, Value: ind.Weight},
		contrib,
		class,
		report.Cell{Text: fmt.Sprint(modeled), Value: modeled},
		report.Text(pv.Period),
		report.Text(src),
		why,
		noise,
	}
}

// classCell is a score's class, or nothing when no figure backs it.
func classCell(class model.Class) report.Cell {
	if class == "" {
		return report.Missing()
	}
	return report.Cell{Text: string(class), Value: string(class)}
}
