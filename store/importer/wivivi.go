package importer

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/equitylandscape/equity/model"
)

// wiviviColumns are the columns ReadWivivi needs of the per-country file,
// whose header is ISO,views_per_person,total_views_as_perc_of_world_views,
// total_views,population,perc_people_connected,flag_icon,
// breakdown_per_language.
func wiviviColumns() []string { return []string{"ISO", "total_views", "breakdown_per_language"} }

// wiviviUnknown is the code the reports give views they could not place in
// a country (three rows a month, of different sizes).
const wiviviUnknown = "XXX"

// SniffWivivi reports whether a file's first line is the header of a
// "Wikipedia Views Visualized" per-country file. The per-language file
// of the same reports (name,label,...,breakdown_by_language,...) is not.
func SniffWivivi(firstLine string) bool {
	line := strings.TrimRight(strings.TrimPrefix(firstLine, "\uFEFF"), "\r\n")
	return hasAll(fieldsOf(line, ","), wiviviColumns())
}

// wiviviName is the month at the end of a file's name:
// datamaps-views-per-country-2017-06.csv.
var wiviviName = regexp.MustCompile(`([0-9]{4})-([0-9]{2})\.csv$`)

// wiviviMonth reads the month of a wivivi file from its name: the file
// itself does not say which month it holds.
func wiviviMonth(file string) (year, month int, err error) {
	base := filepath.Base(file)
	if m := wiviviName.FindStringSubmatch(base); m != nil {
		year, _ = strconv.Atoi(m[1])
		month, _ = strconv.Atoi(m[2])
		if pvCheckMonth(year, month) == nil {
			return year, month, nil
		}
	}
	return 0, 0, fmt.Errorf("the month of a Wikipedia Views Visualized file is read from its name, which ends in YYYY-MM.csv as published (datamaps-views-per-country-2017-06.csv), and %s does not: rename the file to the month it holds", quote(base))
}

// ParseAbbrev reads a figure as the wivivi reports write it: a plain
// number ("842", "1234") or a number of thousands, millions or billions
// ("91^K", "324^M", "3.2^B"). An abbreviated figure is rounded to the
// digits shown (two or three significant ones), so its bounds are half a
// unit of the last shown digit either side: "3.2^B" is 3.15 to 3.25
// billion, "324^M" 323.5 to 324.5 million. A plain whole number is taken
// as exact, a plain decimal as rounded likewise.
func ParseAbbrev(s string) (v float64, b model.Bounds, ok bool) {
	s = strings.TrimSpace(s)
	mult, abbreviated := 1.0, false
	if i := strings.IndexByte(s, '^'); i >= 0 {
		switch s[i+1:] {
		case "K":
			mult = 1e3
		case "M":
			mult = 1e6
		case "B":
			mult = 1e9
		default:
			return 0, b, false
		}
		s, abbreviated = s[:i], true
	}
	n, decimals, ok := parseDecimal(s)
	if !ok {
		return 0, b, false
	}
	scale := math.Pow10(decimals)
	v = float64(n) * mult / scale
	if !abbreviated && decimals == 0 {
		return v, model.Bounds{Lower: v, Upper: v}, true
	}
	// In halves of the last digit, so that 3.15 and 3.25 billion are exact.
	lo := max(0, float64(2*n-1)) * mult / (2 * scale)
	hi := float64(2*n+1) * mult / (2 * scale)
	return v, model.Bounds{Lower: lo, Upper: hi}, true
}

// parseDecimal reads an unsigned decimal ("3", "3.2", "0.05") as its
// digits and the number of them after the point: at most 15 digits, so
// that the figure and its bounds are exact in a float64.
func parseDecimal(s string) (digits int64, decimals int, ok bool) {
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" || dot && frac == "" || len(whole)+len(frac) > 15 {
		return 0, 0, false
	}
	for _, part := range []string{whole, frac} {
		for i := 0; i < len(part); i++ {
			c := part[i]
			if c < '0' || c > '9' {
				return 0, 0, false
			}
			digits = digits*10 + int64(c-'0')
		}
	}
	return digits, len(frac), true
}

// wiviviMarkup is the HTML the reports leave in some shares: the share in
// dark red, <font color=#800000>0.1%</font>.
var wiviviMarkup = regexp.MustCompile(`</?font[^>]*>`)

// wiviviEdition matches a language code of the split: "en", "zh-yue",
// "be-tarask", "simple"; "^" is all other editions.
var wiviviEdition = regexp.MustCompile(`^([a-z][a-z0-9]*(-[a-z0-9]+)*|\^)$`)

// ReadWivivi reads a per-country file of Erik Zachte's "Wikipedia Views
// Visualized" reports (datamaps-views-per-country-YYYY-MM.csv; June 2016
// and June 2017 were published): a header naming the columns (ISO,
// total_views and breakdown_per_language are read), then one row per
// country, keyed by ISO alpha-3, with the month's page views of all
// Wikipedias (total_views, as ParseAbbrev reads it, with its rounding as
// bounds) and the split of them over language editions,
// "en:English:91.3%|es:Spanish:1.6%|...|^:Other:1.1%" (some shares wrapped
// in HTML font tags, which are dropped). The month is not in the file: it
// is read from the file's name, and a file whose name does not give it is
// refused without being read. Rows of code XXX are views of unknown
// location, counted in Unknown and reported once.
//
// Each edition of a country's split becomes an EditionViews: project
// "xx.wikipedia" ("other.wikipedia" for "^"), its share, and its views,
// the country's total times the share. The share is rounded to the digit
// shown, so its bounds are half a unit of that digit either side, and the
// views' bounds are the product of the bounds of the total and the share.
// A split whose shares sum further from 100% than their rounding allows is
// reported (not fatal).
//
// Unlike the current releases, these reports include protected countries.
// Their smallest figures are whole thousands (1.0^K, 3.0^K, 9.0^K), as if
// counted in thousands or from a one-in-a-thousand sample of requests: the
// bounds here are those of the rounding shown, and say nothing of how the
// reports counted.
//
// Codes that are not among countries are reported once each and skipped.
// Fatal: a name without the month, a missing column (the per-language file
// of the same reports is named as such), a row of another width, a figure
// or share that is not a number, a split entry that is not code:name:share,
// an edition twice in a country's split, a country twice.
func ReadWivivi(r io.Reader, file string, countries []model.Country) (Views, Problems) {
	v := Views{File: file, Format: FormatWivivi}
	rep := newReport(file)
	year, month, err := wiviviMonth(file)
	if err != nil {
		rep.fatal(0, "%s", err.Error())
		return v, rep.problems()
	}
	recs := newRecords(r, ',', rep)
	header, ok := recs.next()
	if !ok {
		if !rep.hasFatal() {
			rep.fatal(0, "the file is empty: not a Wikipedia Views Visualized per-country file")
		}
		return v, rep.problems()
	}
	col, missing := headerColumns(header, wiviviColumns())
	if _, ok := col["breakdown_by_language"]; ok {
		rep.fatal(recs.line, "this is the per-language file of the Wikipedia Views Visualized reports (views per language edition); import the per-country file of the same month, datamaps-views-per-country-YYYY-MM.csv")
		return v, rep.problems()
	}
	if len(missing) > 0 {
		rep.fatal(recs.line, "not a Wikipedia Views Visualized per-country file: the header has no column %s (it needs %s)", strings.Join(missing, ", "), strings.Join(wiviviColumns(), ", "))
		return v, rep.problems()
	}
	width := len(header)
	cISO, cTotal, cSplit := col["ISO"], col["total_views"], col["breakdown_per_language"]

	iso2Of := make(map[string]string, len(countries))
	for _, c := range countries {
		iso2Of[c.ISO3] = c.ISO2
	}
	set := newPVMonths()
	m := set.month(pvKey{project: "wikipedia", year: year, month: month})
	unknown := newPVUnknownCodes()
	rowsRead := 0
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
		total, totalBounds, ok := ParseAbbrev(rec[cTotal])
		if !ok {
			rep.fatal(line, "total_views %s is not a figure such as 3.2^B, 324^M, 91^K or 842", quote(rec[cTotal]))
			continue
		}
		code := strings.ToUpper(rec[cISO])
		editions, ok := wiviviSplit(rep, line, rec[cSplit], total, totalBounds)
		if !ok {
			continue
		}
		switch {
		case code == "":
			rep.fatal(line, "no country code")
			continue
		case code == wiviviUnknown:
			set.months[m].Unknown++
			continue
		}
		iso2, known := iso2Of[code]
		if !known {
			unknown.add(code, line, "")
			continue
		}
		if !set.claim(rep, line, m, iso2, "on line "+strconv.Itoa(line)) {
			continue
		}
		set.months[m].Countries = append(set.months[m].Countries, CountryViews{ISO2: iso2, Views: total, Bounds: totalBounds})
		for i := range editions {
			editions[i].ISO2 = iso2
		}
		set.months[m].Editions = append(set.months[m].Editions, editions...)
	}
	if rowsRead == 0 && !rep.hasFatal() {
		rep.fatal(0, "no rows after the header")
	}
	v.Months = set.months
	pvReportUnknownLocation(rep, set.months[m].Unknown, wiviviUnknown)
	unknown.report(rep, "country code")
	return v, rep.problems()
}

// wiviviSplit reads a country's split over editions: its shares and the
// views they give of the country's total.
func wiviviSplit(rep *report, line int, split string, total float64, totalB model.Bounds) ([]EditionViews, bool) {
	split = wiviviMarkup.ReplaceAllString(split, "")
	if strings.TrimSpace(split) == "" {
		return nil, true
	}
	parts := strings.Split(split, "|")
	editions := make([]EditionViews, 0, len(parts))
	seen := make(map[string]bool, len(parts))
	var sum, slack float64
	for _, p := range parts {
		p = strings.TrimSpace(p)
		first, last := strings.IndexByte(p, ':'), strings.LastIndexByte(p, ':')
		if first < 0 || first == last {
			rep.fatal(line, "the split entry %s is not code:language:share such as en:English:91.3%%", quote(p))
			return nil, false
		}
		code, text := p[:first], strings.TrimSpace(p[last+1:])
		if !wiviviEdition.MatchString(code) {
			rep.fatal(line, "the split entry %s does not start with a language code such as en or zh-yue", quote(p))
			return nil, false
		}
		pct, ok := strings.CutSuffix(text, "%")
		n, decimals, okN := parseDecimal(pct)
		if !ok || !okN || n > 100*int64(math.Pow10(decimals)) {
			rep.fatal(line, "the share of %s, %s, is not a percentage from 0%% to 100%%", clip(code), quote(text))
			return nil, false
		}
		project := code + ".wikipedia"
		if code == "^" {
			project = "other.wikipedia"
		}
		if seen[project] {
			rep.fatal(line, "edition %s appears twice in the split", project)
			return nil, false
		}
		seen[project] = true
		scale := math.Pow10(decimals)
		share := float64(n) / scale
		half := 0.5 / scale
		lo, hi := max(0, share-half), min(100, share+half)
		sum += share
		slack += half
		editions = append(editions, EditionViews{
			Project: project,
			Share:   share,
			Views:   total * share / 100,
			Bounds:  model.Bounds{Lower: totalB.Lower * lo / 100, Upper: totalB.Upper * hi / 100},
		})
	}
	if math.Abs(sum-100) > slack+1e-9 {
		rep.warn(line, "the shares of the split sum to %s%%, further from 100%% than their rounding allows; the views of each edition are read as given", strconv.FormatFloat(math.Round(sum*1000)/1000, 'f', -1, 64))
	}
	return editions, true
}
