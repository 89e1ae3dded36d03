package country

import (
	"fmt"
	"math"
	"strings"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/report"
)

// shownEditions is how many editions the reading block names before it
// counts the rest; the split's "Other" is always named.
const shownEditions = 12

// split is the country's split of its Wikipedia views over editions as of
// the profile's year (published for June 2016 and June 2017).
func split(d *model.Dataset, pr model.Profile) []model.Reading {
	return d.Editions(pr.Country.ISO2, pr.Year)
}

// editions is which Wikipedia editions the country reads: each edition's
// share of its Wikipedia views as published, the share that went to the
// Wikipedias of its own languages, the month, class and source.
func (p *page) editions(d *model.Dataset, pr model.Profile) {
	th := p.th
	rs := split(d, pr)
	if len(rs) == 0 {
		return
	}
	p.blank()
	when := model.MonthName(rs[0].Period)
	p.text(th.Heading.Render("Editions it reads") + "  " + th.Muted.Render(when+" · Wikipedia views only · "+string(rs[0].Class())))
	var segs []string
	named := 0
	for _, r := range rs {
		if r.Project == model.OtherEdition {
			continue
		}
		if named == shownEditions {
			segs = append(segs, th.Muted.Render(fmt.Sprintf("+%d more", len(rs)-named-otherIn(rs))))
			break
		}
		segs = append(segs, model.CleanText(d.EditionName(r))+" "+report.Percent(r.Share))
		named++
	}
	for _, r := range rs {
		if r.Project == model.OtherEdition {
			segs = append(segs, "Other "+report.Percent(r.Share))
		}
	}
	for _, l := range flow(segs, th.Muted.Render(" · "), p.width) {
		p.text(l)
	}
	pct, n := d.SpokenShare(pr.Country, rs)
	editions := fmt.Sprintf("%d editions", n)
	if n == 1 {
		editions = "1 edition"
	}
	for _, l := range components.Wrap(fmt.Sprintf("%s of its views went to the Wikipedias of its languages (%s).",
		report.Percent(math.Min(pct, 100)), editions), p.width) {
		p.text(l)
	}
	for _, l := range components.Wrap("Source: "+report.ReadingSource(d, rs[0].Source)+".", p.width) {
		p.text(th.Muted.Render(l))
	}
}

func otherIn(rs []model.Reading) int {
	n := 0
	for _, r := range rs {
		if r.Project == model.OtherEdition {
			n++
		}
	}
	return n
}

// enwiki is the country's English Wikipedia views month by month, as a
// sparkline between its first and last month with their figures and the
// peak. Not a scored input: it is shown for what it tells of the years
// before the estimates.
func (p *page) enwiki(d *model.Dataset, pr model.Profile) {
	th := p.th
	series := d.ReadingSeries(pr.Country.ISO2, "en.wikipedia")
	if len(series) == 0 {
		return
	}
	periods, views := report.Monthly(series)
	first, last := series[0], series[len(series)-1]
	peak := first
	for _, r := range series {
		if r.Views > peak.Views {
			peak = r
		}
	}
	shown := func(r model.Reading) string { return report.ReadingViews(d, pr.Country, r).Value }
	p.blank()
	p.text(th.Heading.Render("English Wikipedia by month") + "  " +
		th.Muted.Render(fmt.Sprintf("%s – %s · English Wikipedia only · %s", model.ShortMonth(periods[0]), model.ShortMonth(periods[len(periods)-1]), first.Class())))
	left := model.ShortMonth(first.Period) + " " + shown(first) + " "
	right := " " + shown(last) + " " + model.ShortMonth(last.Period)
	room := p.width - len([]rune(left)) - len([]rune(right))
	cells, per := report.SeriesCells(views, room)
	if room >= 12 {
		p.text(left + th.Bar.Render(components.Sparkline(cells)) + right)
	} else {
		p.text(strings.TrimSpace(left) + " … " + strings.TrimSpace(right))
	}
	gaps := 0
	for _, v := range views {
		if math.IsNaN(v) {
			gaps++
		}
	}
	note := fmt.Sprintf("Peak %s (%s); %d months", shown(peak), model.ShortMonth(peak.Period), len(series))
	if gaps > 0 {
		note += fmt.Sprintf(", %d not in the month's list (blank)", gaps)
	}
	if per > 1 {
		note += fmt.Sprintf("; a cell is %d months", per)
	}
	note += ". Source: " + report.ReadingSource(d, first.Source) + "."
	for _, l := range components.Wrap(note, p.width) {
		p.text(th.Muted.Render(l))
	}
}
