package main

import (
	"fmt"
	"math"
	"strconv"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/report"
)

// viewsCells are a reading's views as they may be shown and exported: the
// count with its published bounds, or, for a protected country, its bucket
// alone (value null, lower and upper the bucket).
func viewsCells(d *model.Dataset, c model.Country, r model.Reading) []report.Cell {
	o := report.ReadingViews(d, c, r)
	b := r.Bounds
	value := report.Cell{Text: o.Value, Value: r.Views}
	if !o.Exact {
		value.Value, b = nil, o.Range
	}
	return []report.Cell{value, {Text: report.Number(b.Lower), Value: b.Lower}, {Text: report.Number(b.Upper), Value: b.Upper}}
}

// editionsSection is which Wikipedia editions the country read in the
// split as of the profile's year: each edition's share of its Wikipedia
// views as published, the views that gives, and the month, class and
// source; nil when the dataset has no split for it.
func editionsSection(d *model.Dataset, p model.Profile) (*report.TableSection, string) {
	rs := d.Editions(p.Country.ISO2, p.Year)
	if len(rs) == 0 {
		return nil, ""
	}
	when := model.MonthName(rs[0].Period)
	t := &report.TableSection{Key: "editions", Title: fmt.Sprintf("Editions it reads (%s, Wikipedia views only, %s)", when, rs[0].Class()), Columns: []report.Column{
		{Key: "edition", Title: "Edition"},
		{Key: "language", Title: "Language", Flex: true},
		{Key: "share_pct", Title: "Share", Right: true},
		{Key: "views", Title: "Views", Right: true},
		{Key: "views_lower", Show: report.ForScripts},
		{Key: "views_upper", Show: report.ForScripts},
		{Key: "spoken", Title: "Spoken here"},
		{Key: "period", Show: report.ForScripts},
		{Key: "class", Show: report.ForScripts},
		{Key: "source", Show: report.ForScripts},
	}}
	spoken := map[string]bool{}
	for _, l := range p.Languages {
		if l.HasWiki {
			spoken[l.Wikipedia.DB] = true
		}
	}
	for _, r := range rs {
		edition := r.Edition()
		if r.Project == model.OtherEdition {
			edition = "other"
		}
		w, ok := d.EditionWiki(r.Edition())
		here := report.Cell{Text: "no", Value: false}
		switch {
		case r.Project == model.OtherEdition:
			here = report.Cell{Text: "", Value: nil}
		case ok && spoken[w.DB]:
			here = report.Cell{Text: "yes", Value: true}
		}
		row := []report.Cell{report.Text(model.CleanText(edition)), report.Text(model.CleanText(d.EditionName(r))),
			{Text: report.Percent(r.Share), Value: r.Share}}
		row = append(row, viewsCells(d, p.Country, r)...)
		row = append(row, here, report.Text(r.Period), report.Text(string(r.Class())), report.Text(report.ReadingSource(d, r.Source)))
		t.Rows = append(t.Rows, row)
	}
	pct, n := d.SpokenShare(p.Country, rs)
	note := fmt.Sprintf("Editions: the split of the country's Wikipedia views (not the other projects) over language editions, %s, shares as published; "+
		"%s of its views went to the Wikipedias of its languages (%s). Source: %s.", when, report.Percent(math.Min(pct, 100)), editionsWord(n), report.ReadingSource(d, rs[0].Source))
	return t, note
}

// enwikiSections are the country's English Wikipedia views month by
// month: for readers a line a year (months, mean, lowest, highest), for
// scripts a row a month. Not a scored input.
func enwikiSections(d *model.Dataset, p model.Profile) ([]report.Section, string) {
	series := d.ReadingSeries(p.Country.ISO2, "en.wikipedia")
	if len(series) == 0 {
		return nil, ""
	}
	first, last := series[0], series[len(series)-1]
	title := fmt.Sprintf("English Wikipedia views by month (%s – %s, English Wikipedia only, %s)", model.MonthName(first.Period), model.MonthName(last.Period), first.Class())
	months := &report.TableSection{Key: "english_wikipedia", Title: title, Show: report.ForScripts, Columns: []report.Column{
		{Key: "period"}, {Key: "views"}, {Key: "views_lower"}, {Key: "views_upper"}, {Key: "class"}, {Key: "source"},
	}}
	years := &report.TableSection{Key: "english_wikipedia_years", Title: title, Show: report.ForReaders, Columns: []report.Column{
		{Key: "year", Title: "Year"},
		{Key: "months", Title: "Months", Right: true},
		{Key: "first", Title: "First", Right: true},
		{Key: "mean", Title: "Mean a month", Right: true},
		{Key: "low", Title: "Lowest", Right: true},
		{Key: "high", Title: "Highest", Right: true},
		{Key: "last", Title: "Last", Right: true},
	}}
	src := report.ReadingSource(d, first.Source)
	shown := func(r model.Reading) string { return report.ReadingViews(d, p.Country, r).Value }
	for i := 0; i < len(series); {
		j := i
		for j < len(series) && series[j].Year == series[i].Year {
			j++
		}
		ys := series[i:j]
		low, high, sum := ys[0], ys[0], 0.0
		for _, r := range ys {
			if r.Views < low.Views {
				low = r
			}
			if r.Views > high.Views {
				high = r
			}
			sum += r.Views
		}
		mean := model.Reading{ISO2: ys[0].ISO2, Views: sum / float64(len(ys))}
		years.Rows = append(years.Rows, []report.Cell{
			report.Text(strconv.Itoa(ys[0].Year)), report.Text(strconv.Itoa(len(ys))),
			report.Text(model.ShortMonth(ys[0].Period)),
			report.Text(shown(mean)),
			report.Text(shown(low) + " " + model.ShortMonth(low.Period)[:3]),
			report.Text(shown(high) + " " + model.ShortMonth(high.Period)[:3]),
			report.Text(model.ShortMonth(ys[len(ys)-1].Period)),
		})
		i = j
	}
	for _, r := range series {
		row := []report.Cell{report.Text(r.Period)}
		row = append(row, viewsCells(d, p.Country, r)...)
		row = append(row, report.Text(string(r.Class())), report.Text(src))
		months.Rows = append(months.Rows, row)
	}
	note := fmt.Sprintf("English Wikipedia: the country's page views of English Wikipedia alone, each month %s to %s (%d months), real; not a scored input. Source: %s.",
		model.MonthName(first.Period), model.MonthName(last.Period), len(series), src)
	return []report.Section{years, months}, note
}

func editionsWord(n int) string {
	if n == 1 {
		return "1 edition"
	}
	return fmt.Sprintf("%d editions", n)
}
