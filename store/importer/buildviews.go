package importer

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/equitylandscape/equity/model"
)

// pageviews reads one file of page views by country, in any of the three
// published shapes, and makes it a release: all-projects (and Wikipedia
// Views Visualized's all-Wikipedias) views feed the Pageviews input, months
// averaged into their year; every other project's views, and wivivi's split
// over language editions, go to the reading table (which editions a country
// reads).
func (b *builder) pageviews(path string, countries []model.Country) {
	cf, file, ok := b.open(path, "page views by country")
	if !ok {
		return
	}
	br := bufio.NewReaderSize(cf, 64<<10)
	head, _ := br.Peek(8 << 10)
	first, _, _ := strings.Cut(strings.TrimPrefix(string(head), "\ufeff"), "\n")
	var (
		v       Views
		ps      Problems
		licence = "CC0-1.0"
		url     = "https://wikimedia.org/api/rest_v1/"
		pub     = "Wikimedia Foundation"
	)
	switch {
	case SniffTopByCountry(head):
		v, ps = ReadTopByCountry(br, path, countries)
	case SniffWikistats2(first):
		v, ps = ReadWikistats2(br, path, countries)
		url = "https://stats.wikimedia.org/"
	case SniffWivivi(first):
		v, ps = ReadWivivi(br, path, countries)
		licence, url = "CC-BY-SA", "https://stats.wikimedia.org/wikimedia/animations/wivivi/wivivi.html"
		pub = "Wikimedia Foundation, author Erik Zachte"
	default:
		_, _ = io.Copy(io.Discard, br)
		ps = Problems{{File: path, Msg: "is not a page views file this importer knows: give a REST API top-by-country JSON, a Wikistats 2 page views by country CSV, or a Wikipedia Views Visualized per-country CSV", Fatal: true}}
	}
	b.res.Problems = append(b.res.Problems, ps...)
	var months []string
	for _, m := range v.Months {
		months = append(months, fmt.Sprintf("%04d-%02d %s", m.Year, m.Month, m.Project))
	}
	covers := strings.Join(months, ", ")
	if covers == "" {
		covers = "no month"
	}
	file = b.done(cf, file, covers)
	if ps.Fatal() {
		return
	}
	rows := 0
	for _, m := range v.Months {
		rows += len(m.Countries)
	}
	if rows == 0 {
		b.noRows(file)
		return
	}
	last := 0
	for _, m := range v.Months {
		last = max(last, m.Year)
	}
	id := b.source(file, "import-views-"+file.SHA256[:12], "Page views by country, "+covers+" ("+file.Name+")", pub, licence, url, last,
		"Views are published rounded or in buckets; the bounds are kept beside each figure.")
	r := release{name: file.Name, path: file.Path, source: id, full: true, years: map[string][]int{},
		absent: absentFrom(true, "not in this file ("+file.Name+")")}

	// The Pageviews input: all projects, or all Wikipedias (wivivi), each
	// country's months averaged into the year.
	type cy struct {
		iso2 string
		year int
	}
	sums := map[cy]*struct {
		views model.Bounds
		mid   float64
	}{}
	monthsOf := map[int]int{}
	periods := map[int][]string{}
	wpOnly := false
	for _, m := range v.Months {
		if m.Project != "all-projects" && m.Project != "wikipedia" {
			continue
		}
		wpOnly = wpOnly || m.Project == "wikipedia"
		monthsOf[m.Year]++
		periods[m.Year] = append(periods[m.Year], fmt.Sprintf("%04d-%02d", m.Year, m.Month))
		for _, c := range m.Countries {
			s := sums[cy{c.ISO2, m.Year}]
			if s == nil {
				s = &struct {
					views model.Bounds
					mid   float64
				}{}
				sums[cy{c.ISO2, m.Year}] = s
			}
			s.mid += c.Views
			s.views.Lower += c.Bounds.Lower
			s.views.Upper += c.Bounds.Upper
		}
	}
	for k, s := range sums {
		n := float64(monthsOf[k.year])
		period := strings.Join(periods[k.year], ", ")
		if wpOnly {
			period += " (Wikipedia only)"
		}
		r.obs = append(r.obs, model.Observation{ISO2: k.iso2, Indicator: model.IndPageviews, Year: k.year, Value: s.mid / n,
			Provenance: model.Provenance{Class: model.ClassReal, Source: id, Period: period}})
		r.bounds = append(r.bounds, model.BoundObservation{ISO2: k.iso2, Indicator: model.IndPageviews, Year: k.year,
			Bounds: model.Bounds{Lower: s.views.Lower / n, Upper: s.views.Upper / n}})
	}
	for y := range monthsOf {
		r.years[model.IndPageviews] = append(r.years[model.IndPageviews], y)
	}
	sort.Ints(r.years[model.IndPageviews])

	// The reading table: one project's views (any project but all), and
	// wivivi's editions.
	for _, m := range v.Months {
		period := fmt.Sprintf("%04d-%02d", m.Year, m.Month)
		if m.Project != "all-projects" && m.Project != "wikipedia" {
			for _, c := range m.Countries {
				r.readings = append(r.readings, model.Reading{ISO2: c.ISO2, Project: m.Project, Year: m.Year, Period: period,
					Views: c.Views, Bounds: c.Bounds, Source: id})
			}
		}
		for _, e := range m.Editions {
			share := e.Share
			if share != share { // NaN: not published
				share = 0
			}
			r.readings = append(r.readings, model.Reading{ISO2: e.ISO2, Project: e.Project, Year: m.Year, Period: model.SplitPeriod(m.Year, m.Month),
				Views: e.Views, Bounds: e.Bounds, Share: share, Source: id})
		}
	}
	if len(r.years[model.IndPageviews]) == 0 {
		r.full = len(r.readings) > 0
		r.years = nil
	}
	b.releases = append(b.releases, r)
	what := fmt.Sprintf("%s: page views of %d countries, %s", file.Name, countriesIn(r.obs), covers)
	if len(r.obs) == 0 {
		what = fmt.Sprintf("%s: which editions %d countries read, %s", file.Name, readersIn(r.readings), covers)
	}
	if wpOnly {
		what += "; Wikipedia only: all projects would count a little more"
	}
	b.res.Summary = append(b.res.Summary, what)
}

func readersIn(rs []model.Reading) int {
	seen := map[string]bool{}
	for _, r := range rs {
		seen[r.ISO2] = true
	}
	return len(seen)
}
