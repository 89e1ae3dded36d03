package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store/importer"
)

// The reading table's facts: which Wikipedia language editions each
// country read in June 2016 and June 2017, and its views of English
// Wikipedia month by month, May 2015 – June 2021.
const (
	refEnwikiDir = "wikimedia-readership/aqs-top-by-country-enwiki"
	editionsFile = "editions.csv"
	enwikiFile   = "enwiki_views.csv"
	srcAQSEnwiki = "aqs-enwiki"
	enwikiProj   = "en.wikipedia"
)

// editionReleases are the two reports with a split, and the sources rows
// they cite (the same as their page views', pageviews.go).
func editionReleases() []struct{ path, source string } {
	return []struct{ path, source string }{
		{refWivivi2016, srcWivivi2016},
		{refWivivi2017, srcWivivi2017},
	}
}

// editionWiki is the Wikipedia an edition of the split is, from the
// domain the reports name it by: the wiki's database code and language.
type editionWiki struct{ db, lang, name string }

// wikipediaByDomain maps a Wikipedia's domain code ("zh-yue", "be-tarask")
// to its wiki, whose database code and language may differ (zh_yuewiki,
// yue; be_x_oldwiki).
func wikipediaByDomain(path string) (map[string]editionWiki, error) {
	header, recs, err := readDelimited(path, '\t')
	if err != nil {
		return nil, err
	}
	var idx [5]int
	for i, name := range []string{"database_code", "domain_name", "database_group", "language_code", "language_name"} {
		if idx[i], err = column(header, name, path); err != nil {
			return nil, err
		}
	}
	out := map[string]editionWiki{}
	for _, rec := range recs {
		if strings.TrimSpace(rec[idx[2]]) != "wikipedia" {
			continue
		}
		code, ok := strings.CutSuffix(strings.TrimSpace(rec[idx[1]]), ".wikipedia.org")
		if !ok {
			return nil, fmt.Errorf("read %s: the Wikipedia %s has domain %q, not CODE.wikipedia.org", path, rec[idx[0]], rec[idx[1]])
		}
		out[code] = editionWiki{db: strings.TrimSpace(rec[idx[0]]), lang: strings.TrimSpace(rec[idx[3]]), name: strings.TrimSpace(rec[idx[4]])}
	}
	return out, nil
}

// extractEditions reads the split of each country's Wikipedia views over
// language editions, June 2016 and June 2017, through the importer's
// reader: one row per country, month and edition with its share as
// published, the views it gives of the country's total and their bounds
// (to the cent of a view, which drops the float noise of the product),
// and the edition's wiki and the English name of its language (CLDR's,
// else the wiki's own; "Other" for the reports' other editions together).
func extractEditions(refDir string, countries table) (table, error) {
	var cs []model.Country
	for _, r := range countries.rows {
		cs = append(cs, model.Country{ISO2: r[0], ISO3: r[1]})
	}
	wikis, err := wikipediaByDomain(filepath.Join(refDir, refWikis))
	if err != nil {
		return table{}, err
	}
	var names cldrLocaleNames
	if err := readJSON(filepath.Join(refDir, refLanguageNames), &names); err != nil {
		return table{}, err
	}
	cldr := names.Main.En.LocaleDisplayNames.Languages
	t := table{name: editionsFile, header: []string{"iso2", "year", "period", "project", "wiki", "lang", "language", "share", "views", "lower", "upper", "source"}}
	for _, rel := range editionReleases() {
		path := filepath.Join(refDir, rel.path)
		f, err := os.Open(path)
		if err != nil {
			return table{}, fmt.Errorf("read %s: %w", path, err)
		}
		v, ps := importer.ReadWivivi(f, filepath.Base(path), cs)
		f.Close()
		if ps.Fatal() {
			return table{}, errors.New(firstFatal(ps))
		}
		if len(v.Months) != 1 {
			return table{}, fmt.Errorf("read %s: %d months, want one", path, len(v.Months))
		}
		m := v.Months[0]
		for _, e := range m.Editions {
			code := strings.TrimSuffix(e.Project, ".wikipedia")
			w := editionWiki{name: "Other"}
			if e.Project != "other.wikipedia" {
				var ok bool
				if w, ok = wikis[code]; !ok {
					return table{}, fmt.Errorf("read %s: %s reads edition %s, which is not a Wikipedia of %s", path, e.ISO2, code, refWikis)
				}
				if n := cldr[w.lang]; n != "" {
					w.name = n
				}
			}
			t.rows = append(t.rows, []string{e.ISO2, strconv.Itoa(m.Year), model.SplitPeriod(m.Year, m.Month), e.Project, w.db, w.lang, w.name,
				num(e.Share), num(round(e.Views, 2)), num(round(e.Bounds.Lower, 2)), num(round(e.Bounds.Upper, 2)), rel.source})
		}
	}
	sortRows(t.rows, 4)
	return t, nil
}

// extractEnwiki reads the REST API's English Wikipedia views by country,
// one response a month, through the importer's reader: one row per
// country and month with the published count and the bounds its bucket
// and rounding give.
func extractEnwiki(refDir string, countries table) (table, error) {
	var cs []model.Country
	for _, r := range countries.rows {
		cs = append(cs, model.Country{ISO2: r[0], ISO3: r[1]})
	}
	dir := filepath.Join(refDir, refEnwikiDir)
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		return table{}, fmt.Errorf("read %s: no monthly responses (YYYY-MM.json) in it", dir)
	}
	slices.Sort(files)
	t := table{name: enwikiFile, header: []string{"iso2", "month", "views", "lower", "upper"}}
	seen := map[string]bool{}
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			return table{}, fmt.Errorf("read %s: %w", path, err)
		}
		v, ps := importer.ReadTopByCountry(f, filepath.Base(path), cs)
		f.Close()
		if ps.Fatal() {
			return table{}, errors.New(firstFatal(ps))
		}
		for _, m := range v.Months {
			if m.Project != enwikiProj || m.Access != "all-access" {
				return table{}, fmt.Errorf("read %s: a month of %s %s, want %s all-access", path, m.Project, m.Access, enwikiProj)
			}
			month := fmt.Sprintf("%04d-%02d", m.Year, m.Month)
			if seen[month] {
				return table{}, fmt.Errorf("read %s: month %s is in another file too", path, month)
			}
			seen[month] = true
			for _, c := range m.Countries {
				t.rows = append(t.rows, []string{c.ISO2, month, num(c.Views), num(c.Bounds.Lower), num(c.Bounds.Upper)})
			}
		}
	}
	sortRows(t.rows, 2)
	return t, nil
}

// readingFacts are the reading table's rows and the language names its
// editions need that the languages of countries do not give.
type readingFacts struct {
	readings []model.Reading
	names    map[string]string // wiki language code → English name
	enwiki   struct{ first, last string }
}

// readReadings reads editions.csv and enwiki_views.csv into readings. The
// split's rows keep their published share; the English Wikipedia series'
// have none, which is how the two are told apart.
func readReadings(dir string, countries []model.Country) (readingFacts, error) {
	rf := readingFacts{names: map[string]string{}}
	known := map[string]bool{}
	for _, c := range countries {
		known[c.ISO2] = true
	}
	nums := func(file string, r record, cols ...string) ([]float64, error) {
		out := make([]float64, len(cols))
		for i, col := range cols {
			v, ok, err := r.num(col)
			if err != nil || !ok || v < 0 {
				return nil, fmt.Errorf("%s %s: column %s is missing or not a count", file, r["iso2"], col)
			}
			out[i] = v
		}
		return out, nil
	}
	rows, err := readRecords(dir, editionsFile)
	if err != nil {
		return rf, err
	}
	for _, r := range rows {
		if !known[r["iso2"]] {
			return rf, fmt.Errorf("%s: unknown country %s", editionsFile, r["iso2"])
		}
		year, err := strconv.Atoi(r["year"])
		if err != nil {
			return rf, fmt.Errorf("%s %s: year %q is not a year", editionsFile, r["iso2"], r["year"])
		}
		v, err := nums(editionsFile, r, "share", "views", "lower", "upper")
		if err != nil {
			return rf, err
		}
		if v[0] <= 0 || v[0] > 100 {
			return rf, fmt.Errorf("%s %s %s: share %v is not a published share of 0.1%% to 100%%", editionsFile, r["iso2"], r["project"], v[0])
		}
		rf.readings = append(rf.readings, model.Reading{ISO2: r["iso2"], Project: r["project"], Year: year, Period: r["period"],
			Views: v[1], Bounds: model.Bounds{Lower: v[2], Upper: v[3]}, Share: v[0], Source: r["source"]})
		if r["lang"] != "" && r["language"] != "" {
			rf.names[r["lang"]] = r["language"]
		}
	}
	rows, err = readRecords(dir, enwikiFile)
	if err != nil {
		return rf, err
	}
	for _, r := range rows {
		if !known[r["iso2"]] {
			return rf, fmt.Errorf("%s: unknown country %s", enwikiFile, r["iso2"])
		}
		month := r["month"]
		year, err := strconv.Atoi(month[:min(4, len(month))])
		if err != nil || len(month) != 7 || month[4] != '-' {
			return rf, fmt.Errorf("%s %s: month %q is not YYYY-MM", enwikiFile, r["iso2"], month)
		}
		v, err := nums(enwikiFile, r, "views", "lower", "upper")
		if err != nil {
			return rf, err
		}
		rf.readings = append(rf.readings, model.Reading{ISO2: r["iso2"], Project: enwikiProj, Year: year, Period: month,
			Views: v[0], Bounds: model.Bounds{Lower: v[1], Upper: v[2]}, Source: srcAQSEnwiki})
		if rf.enwiki.first == "" || month < rf.enwiki.first {
			rf.enwiki.first = month
		}
		rf.enwiki.last = max(rf.enwiki.last, month)
	}
	return rf, nil
}

// nameEditions gives the languages of the editions read that no country
// speaks (Simple English, Belarusian in its Taraškievica orthography) the
// names the extract found for them; a name the languages already have
// stays.
func (rf readingFacts) nameEditions(languages map[string]string) {
	for lang, name := range rf.names {
		if languages[lang] == "" {
			languages[lang] = name
		}
	}
}

// readingSources is the sources row of the English Wikipedia series; the
// split cites the two reports' own rows.
func (rf readingFacts) readingSources() []model.Source {
	last, _ := strconv.Atoi(rf.enwiki.last[:min(4, len(rf.enwiki.last))])
	return []model.Source{{
		ID: srcAQSEnwiki, Title: "Wikimedia REST API: English Wikipedia page views by country, monthly", Publisher: "Wikimedia Foundation",
		Year: last, Licence: "CC0-1.0", URL: "https://wikimedia.org/api/rest_v1/#/Pageviews%20data/get_metrics_pageviews_top_by_country__project___access___year___month_",
		Note: fmt.Sprintf("Real, published: the page views of English Wikipedia alone (all access) from each country, one month at a time, %s to %s, "+
			"as the endpoint metrics/pageviews/top-by-country/en.wikipedia/all-access/YYYY/MM answered. Each figure is views_ceil, the count "+
			"rounded up to the thousand; the bounds are where it and the published bucket (views) agree. Not a scored input: the readership "+
			"domain counts all projects. Saved by ahmed-k-aly/Global-Wikimedia-requests-map (pageCountsByCountry/, commit 15382bc0).",
			rf.enwiki.first, rf.enwiki.last),
	}}
}
