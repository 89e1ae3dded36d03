package importer

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/equitylandscape/equity/model"
)

// The published formats of page views by country that the importer reads.
const (
	FormatTopByCountry = "top-by-country" // Wikimedia REST API metrics/pageviews/top-by-country (ReadTopByCountry)
	FormatWikistats2   = "wikistats2"     // Wikistats 2 CSV export "Page views by country" (ReadWikistats2)
	FormatWivivi       = "wivivi"         // "Wikipedia Views Visualized" per-country CSV, 2016–2017 (ReadWivivi)
)

// UnknownLocation is the code the Wikimedia releases give views they could
// not place in a country.
const UnknownLocation = "--"

// CountryViews is one country's page views in one month, as published.
// Views is the published figure; Bounds the range the true count is known
// to lie in, which each reader works out from how its format rounds. The
// API's figure is rounded up, so it may be above Bounds.Upper (by less
// than 1,000) where the bucket the API also gives is tighter.
type CountryViews struct {
	ISO2   string
	Views  float64
	Bounds model.Bounds
	Rank   int // the rank the release gives; 0 when it gives none
}

// EditionViews is one country's views of one project or language edition.
type EditionViews struct {
	ISO2    string
	Project string  // "en.wikipedia", or "other.wikipedia" for wivivi's "^:Other"
	Share   float64 // % of the country's views, NaN when not given
	Views   float64
	Bounds  model.Bounds
}

// ViewsMonth is one month of one project's views by country.
type ViewsMonth struct {
	Project     string // "all-projects", "en.wikipedia", "wikipedia" (wivivi: all Wikipedias)
	Access      string // "all-access", "desktop", ...; empty when the format does not say
	Year, Month int
	Countries   []CountryViews
	Editions    []EditionViews // wivivi only: the split over editions
	Unknown     int            // rows of unknown location (--), not in Countries
}

// Views is what one file of page views by country holds.
type Views struct {
	File, Format string
	Months       []ViewsMonth
}

// pvKey names one month of one project.
type pvKey struct {
	project, access string
	year, month     int
}

// pvMonths gathers a file's rows into months, in the order the months are
// first met, and refuses a country twice in one month.
type pvMonths struct {
	months []ViewsMonth
	index  map[pvKey]int
	seen   []map[string]string // per month: ISO2 → where it was first met
}

func newPVMonths() *pvMonths { return &pvMonths{index: map[pvKey]int{}} }

// month returns the index of a month, adding it when new.
func (s *pvMonths) month(k pvKey) int {
	i, ok := s.index[k]
	if !ok {
		i = len(s.months)
		s.index[k] = i
		s.months = append(s.months, ViewsMonth{Project: k.project, Access: k.access, Year: k.year, Month: k.month})
		s.seen = append(s.seen, map[string]string{})
	}
	return i
}

// claim records that a country has a row in month i at where, or reports
// a fatal problem when it already has one: two rows of one country in one
// month cannot both be its views.
func (s *pvMonths) claim(rep *report, line, i int, iso2, where string) bool {
	if first, dup := s.seen[i][iso2]; dup {
		m := s.months[i]
		rep.fatal(line, "country %s appears twice in %s of %04d-%02d (first %s); a country has one figure a month", iso2, m.Project, m.Year, m.Month, first)
		return false
	}
	s.seen[i][iso2] = where
	return true
}

// pvUnknownCodes tallies codes that are not a known country, so that each is
// reported once, in the order met, with its first place and count.
type pvUnknownCodes struct {
	order []string
	first map[string]int    // code → line of its first row (0 in JSON)
	where map[string]string // code → its first place, when not a line
	rows  map[string]int
}

func newPVUnknownCodes() *pvUnknownCodes {
	return &pvUnknownCodes{first: map[string]int{}, where: map[string]string{}, rows: map[string]int{}}
}

func (u *pvUnknownCodes) add(code string, line int, where string) {
	if _, ok := u.rows[code]; !ok {
		u.order = append(u.order, code)
		u.first[code], u.where[code] = line, where
	}
	u.rows[code]++
}

// report warns once per unknown code; what says which kind of code it is.
func (u *pvUnknownCodes) report(rep *report, what string) {
	for _, code := range u.order {
		at := ""
		if u.where[code] != "" {
			at = " (first " + u.where[code] + ")"
		}
		rep.warn(u.first[code], "%s %s is not in the countries list%s; %s skipped", what, quote(code), at, rows(u.rows[code]))
	}
}

// pvReportUnknownLocation warns once of the rows of unknown location.
func pvReportUnknownLocation(rep *report, n int, code string) {
	if n > 0 {
		rep.warn(0, "%s of unknown location (%s) counted apart: their views are in no country", rows(n), code)
	}
}

// pvKnownISO2 is the set of the countries' ISO alpha-2 codes. The releases key
// countries by code, so a code is checked against the codes themselves,
// not against names (Names would also take "USA" or "France" in a code
// column).
func pvKnownISO2(countries []model.Country) map[string]bool {
	set := make(map[string]bool, len(countries))
	for _, c := range countries {
		set[c.ISO2] = true
	}
	return set
}

// pvProjectName matches a Wikimedia project as the API names it:
// "all-projects", "en.wikipedia", "commons.wikimedia", "www.wikidata",
// "zh-min-nan.wikipedia".
var pvProjectName = regexp.MustCompile(`^(all-projects|[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+)$`)

// pvNormalizeProject gives a project name as the API writes it: lower case,
// without "https://" or ".org" ("en.wikipedia.org" → "en.wikipedia").
func pvNormalizeProject(s string) (string, bool) {
	p := strings.ToLower(strings.TrimSpace(s))
	p = strings.TrimPrefix(strings.TrimPrefix(p, "https://"), "http://")
	p = strings.TrimSuffix(strings.TrimSuffix(p, "/"), ".org")
	if len(p) > 100 || !pvProjectName.MatchString(p) {
		return "", false
	}
	return p, true
}

// pvCeilBounds are the bounds of a count the pageview API publishes rounded
// up to the next thousand (views_ceil; Wikistats 2 shows the same figure):
// a count of 1 to 1,000 is published as 1,000, so the true count is at most
// the figure and more than the figure less 1,000. The rounding is up, not
// to the nearest: the 318 smallest rows of the 74 English Wikipedia months
// in the reference data, bucket "100-999", all read 1,000, where rounding
// to the nearest would give 0 for 100 to 499. A figure that is not a
// multiple of 1,000 was not rounded so, and is taken as exact.
func pvCeilBounds(v float64) model.Bounds {
	if v > 0 && v == float64(int64(v/1000))*1000 {
		return model.Bounds{Lower: v - 999, Upper: v}
	}
	return model.Bounds{Lower: v, Upper: v}
}

// pvCheckMonth checks a year and month read from a file.
func pvCheckMonth(year, month int) error {
	if month < 1 || month > 12 || year < 2001 || year > 2100 {
		return fmt.Errorf("%04d-%02d is not a month of the Wikimedia releases", year, month)
	}
	return nil
}

// headerColumns indexes a header's columns by name and lists the wanted
// ones it lacks.
func headerColumns(header, want []string) (col map[string]int, missing []string) {
	col = make(map[string]int, len(header))
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	for _, c := range want {
		if _, ok := col[c]; !ok {
			missing = append(missing, c)
		}
	}
	return col, missing
}
