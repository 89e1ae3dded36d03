package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// OtherEdition is the project of a split's "Other" part: the views of the
// editions the release did not name, together, as published.
const OtherEdition = "other.wikipedia"

// SplitPeriod is the period of a country's split over editions: the month,
// and that the split is of Wikipedia's views alone. It also keeps the
// split's English Wikipedia row apart from a series' row of the same
// month, which the REST API counts on its own.
func SplitPeriod(year, month int) string {
	return fmt.Sprintf("%04d-%02d (Wikipedia only)", year, month)
}

// Class is a reading's class. The reading table holds only what a release
// published for the country and period (a share, a count), so every
// reading is real.
func (r Reading) Class() Class { return ClassReal }

// InSplit reports whether a reading is one edition's part of a country's
// split of its views over editions: the release gave its share. A reading
// without one is a project's own count, a point of a series.
func (r Reading) InSplit() bool { return r.Share > 0 }

// Edition is the language code of the edition a reading is of ("en",
// "zh-yue"), or "" for a project that is not one Wikipedia.
func (r Reading) Edition() string {
	code, ok := strings.CutSuffix(r.Project, ".wikipedia")
	if !ok || r.Project == OtherEdition {
		return ""
	}
	return code
}

// MonthName writes a reading's period as a month in words, "June 2017",
// or the period as it is when it does not start with YYYY-MM.
func MonthName(period string) string {
	t, err := time.Parse("2006-01", period[:min(7, len(period))])
	if err != nil {
		return period
	}
	return t.Format("January 2006")
}

// ShortMonth writes a period as "Jun 2017".
func ShortMonth(period string) string {
	t, err := time.Parse("2006-01", period[:min(7, len(period))])
	if err != nil {
		return period
	}
	return t.Format("Jan 2006")
}

// Editions is a country's split of its Wikipedia views over language
// editions, as of a year: the split of that year, or of the latest year
// before it that has one (they were published for 2016 and 2017 only).
// Largest share first; the "Other" part, as published, last.
func (d *Dataset) Editions(iso2 string, year int) []Reading {
	at := 0
	for _, r := range d.readings[iso2] {
		if r.InSplit() && r.Year <= year && r.Year > at {
			at = r.Year
		}
	}
	var out []Reading
	for _, r := range d.readings[iso2] {
		if r.InSplit() && r.Year == at {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b Reading) int {
		if (a.Project == OtherEdition) != (b.Project == OtherEdition) {
			if a.Project == OtherEdition {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(b.Share, a.Share), cmp.Compare(a.Project, b.Project))
	})
	return out
}

// ReadingSeries is a country's count of one project's views month by
// month (the readings without a share), oldest first.
func (d *Dataset) ReadingSeries(iso2, project string) []Reading {
	var out []Reading
	for _, r := range d.readings[iso2] {
		if !r.InSplit() && r.Project == project {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b Reading) int { return cmp.Compare(a.Period, b.Period) })
	return out
}

// renamedWikipedias are the Wikipedias whose database code is not their
// domain's: the wiki was renamed and kept its old database.
func renamedWikipedias() map[string]string {
	return map[string]string{"be-tarask": "be_x_oldwiki"}
}

// EditionWiki is the Wikipedia an edition code names ("zh-yue" is
// zh_yuewiki, in the language yue).
func (d *Dataset) EditionWiki(code string) (Wiki, bool) {
	if code == "" {
		return Wiki{}, false
	}
	db, ok := renamedWikipedias()[code]
	if !ok {
		db = strings.ReplaceAll(code, "-", "_") + "wiki"
	}
	for _, w := range d.Wikis {
		if w.DB == db {
			return w, true
		}
	}
	return Wiki{}, false
}

// EditionName is the English name of a reading's edition: its language's
// name ("English", "Cantonese"), "Other" for the editions a split did not
// name, else the project as given.
func (d *Dataset) EditionName(r Reading) string {
	if r.Project == OtherEdition {
		return "Other"
	}
	if w, ok := d.EditionWiki(r.Edition()); ok {
		return d.LanguageName(w.Lang)
	}
	return r.Project
}

// SpokenShare is the share of a country's views in a split that went to
// the Wikipedias of the languages it speaks (each Wikipedia once), with
// how many of its editions were those.
func (d *Dataset) SpokenShare(c Country, split []Reading) (pct float64, editions int) {
	spoken := map[string]bool{}
	for _, l := range c.Languages {
		if w, ok := d.Wikipedia(l.Lang); ok {
			spoken[w.DB] = true
		}
	}
	for _, r := range split {
		if w, ok := d.EditionWiki(r.Edition()); ok && spoken[w.DB] {
			pct += r.Share
			editions++
		}
	}
	return pct, editions
}

// ShareOf is the share of a country's views in a split that went to one
// Wikipedia, and whether the split names it.
func (d *Dataset) ShareOf(split []Reading, wiki Wiki) (float64, bool) {
	for _, r := range split {
		if w, ok := d.EditionWiki(r.Edition()); ok && w.DB == wiki.DB {
			return r.Share, true
		}
	}
	return 0, false
}
