package importer

import (
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/equitylandscape/equity/model"
)

// wikistats2Columns are the columns ReadWikistats2 needs; the export also
// has rank, timestamp, timeRange.start and timeRange.end.
func wikistats2Columns() []string { return []string{"country", "total.total", "month"} }

// SniffWikistats2 reports whether a file's first line is the header of a
// Wikistats 2 "Page views by country" export.
func SniffWikistats2(firstLine string) bool {
	line := strings.TrimRight(strings.TrimPrefix(firstLine, "\uFEFF"), "\r\n")
	return hasAll(fieldsOf(line, ","), wikistats2Columns())
}

// wikistats2Month matches the month column: "2025-09-01T00:00:00.000Z",
// or a plain "2025-09-01" or "2025-09".
var wikistats2Month = regexp.MustCompile(`^([0-9]{4})-([0-9]{2})(-01(T[0-9:.]*Z?)?)?$`)

// wikistats2Project reads a project from the start of a file name, as in
// "all-projects_page-views-by-country_2025-09.csv" or
// "en.wikipedia_page-views-by-country.csv".
var wikistats2Project = regexp.MustCompile(`^(all-projects|[a-z0-9-]+\.[a-z]+)[_ ]`)

// ReadWikistats2 reads the CSV that Wikistats 2 (stats.wikimedia.org)
// exports for "Reading › Page views by country": a header naming the
// columns country,rank,timestamp,total.total,month,timeRange.start,
// timeRange.end (columns are found by name; country, total.total and month
// are needed), then one row per country of the month: its ISO alpha-2 code
// ("--" is unknown location, counted in Unknown and reported once) and the
// month's page views. The month is that of the month column
// ("2025-09-01T00:00:00.000Z"); a file of several months gives several.
//
// Wikistats 2 draws the figure from the pageview API's views_ceil, the
// count rounded up to the next thousand (the export's smallest figures
// are 1000, never 0), so its bounds are the figure less 999 to the figure
// (pvCeilBounds). The file does not say which project it is of: the project
// is read from the start of the file name ("en.wikipedia_…",
// "all-projects_…"), and is all-projects, with a warning, when the name
// does not give it.
//
// Codes that are not among countries are reported once each and skipped.
// Protected countries are absent from the export by the release's privacy
// rule: their absence is no figure, not zero. Fatal: a missing column, a
// row of another width, a month or a total that is not one, a country
// twice in a month.
func ReadWikistats2(r io.Reader, file string, countries []model.Country) (Views, Problems) {
	v := Views{File: file, Format: FormatWikistats2}
	rep := newReport(file)
	recs := newRecords(r, ',', rep)
	header, ok := recs.next()
	if !ok {
		if !rep.hasFatal() {
			rep.fatal(0, "the file is empty: not a Wikistats 2 page views by country export")
		}
		return v, rep.problems()
	}
	col, missing := headerColumns(header, wikistats2Columns())
	if len(missing) > 0 {
		rep.fatal(recs.line, "not a Wikistats 2 page views by country export: the header has no column %s (it needs %s)", strings.Join(missing, ", "), strings.Join(wikistats2Columns(), ", "))
		return v, rep.problems()
	}
	width := len(header)
	cCountry, cTotal, cMonth := col["country"], col["total.total"], col["month"]
	cRank, hasRank := col["rank"]

	project := "all-projects"
	if m := wikistats2Project.FindStringSubmatch(filepath.Base(file)); m != nil {
		project = m[1]
	} else {
		rep.warn(0, "the file does not say which project it is of, and its name does not start with one (as all-projects_… or en.wikipedia_…): taken as all-projects")
	}

	known := pvKnownISO2(countries)
	set := newPVMonths()
	unknown := newPVUnknownCodes()
	unknownRows, rowsRead := 0, 0
	for {
		rec, ok := recs.next()
		if !ok {
			break
		}
		line := recs.line
		rowsRead++
		if len(rec) != width {
			rep.fatal(line, "%d columns, the header has %d", len(rec), width)
			continue
		}
		rec = trimAll(rec)
		mm := wikistats2Month.FindStringSubmatch(rec[cMonth])
		if mm == nil {
			rep.fatal(line, "month %s is not a month such as 2025-09-01T00:00:00.000Z", quote(rec[cMonth]))
			continue
		}
		year, _ := strconv.Atoi(mm[1])
		month, _ := strconv.Atoi(mm[2])
		if err := pvCheckMonth(year, month); err != nil {
			rep.fatal(line, "month %s: %v", quote(rec[cMonth]), err)
			continue
		}
		total, ok := pvWhole(rec[cTotal])
		if !ok {
			rep.fatal(line, "total.total %s is not a count of page views", quote(rec[cTotal]))
			continue
		}
		cv := CountryViews{Views: total, Bounds: pvCeilBounds(total)}
		if hasRank && rec[cRank] != "" {
			rank, err := strconv.Atoi(rec[cRank])
			if err != nil || rank < 1 {
				rep.fatal(line, "rank %s is not a whole number from 1", quote(rec[cRank]))
				continue
			}
			cv.Rank = rank
		}
		m := set.month(pvKey{project: project, year: year, month: month})
		code := strings.ToUpper(rec[cCountry])
		switch {
		case code == "":
			rep.fatal(line, "no country code")
			continue
		case code == UnknownLocation:
			set.months[m].Unknown++
			unknownRows++
			continue
		case !known[code]:
			unknown.add(code, line, "")
			continue
		}
		if !set.claim(rep, line, m, code, "on line "+strconv.Itoa(line)) {
			continue
		}
		cv.ISO2 = code
		set.months[m].Countries = append(set.months[m].Countries, cv)
	}
	if rowsRead == 0 && !rep.hasFatal() {
		rep.fatal(0, "no rows after the header")
	}
	v.Months = set.months
	pvReportUnknownLocation(rep, unknownRows, UnknownLocation)
	unknown.report(rep, "country code")
	return v, rep.problems()
}
