package importer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/equitylandscape/equity/model"
)

// The two activity levels of the public Geoeditors release.
const (
	LevelActive     = "5 to 99"     // 5 to 99 edits in the month
	LevelVeryActive = "100 or more" // 100 or more edits in the month
)

// GeoUnknown is the country of editors the release could not locate.
const GeoUnknown = "Unknown"

// maxGeoLine is the longest line ReadGeoeditors accepts; a real line is
// some 40 bytes.
const maxGeoLine = 64 << 10

var geoName = regexp.MustCompile(`^geoeditors-monthly-([0-9]{4})-([0-9]{2})\.tsv(\.gz)?$`)

// MonthFromName reads the month of a Geoeditors file from its name,
// geoeditors-monthly-YYYY-MM.tsv (or .tsv.gz, as the dumps site serves
// it), in any directory: the file itself does not say which month it
// holds.
func MonthFromName(file string) (year, month int, err error) {
	base := filepath.Base(file)
	m := geoName.FindStringSubmatch(base)
	if m != nil {
		year, _ = strconv.Atoi(m[1])
		month, _ = strconv.Atoi(m[2])
		if month >= 1 && month <= 12 && year >= 2001 {
			return year, month, nil
		}
	}
	return 0, 0, fmt.Errorf("the month of a Geoeditors file is read from its name, geoeditors-monthly-YYYY-MM.tsv (as published), and %s is not such a name: rename the file to the month it holds", quote(base))
}

// GeoRow is one row of a Geoeditors file whose country is known: how many
// editors of the country were active on the wiki that month, at one
// activity level, as the published bounds.
type GeoRow struct {
	ISO2       string
	Wiki       string // database code: "frwiki"
	VeryActive bool   // "100 or more" edits; else "5 to 99"
	Bounds     model.Bounds
}

// GeoMonth is one Geoeditors file.
type GeoMonth struct {
	File        string
	Year, Month int
	Rows        []GeoRow
	Unknown     int // rows of country Unknown, skipped
}

// ReadGeoeditors reads one Geoeditors public monthly TSV: no header row
// (a first line naming the columns, starting wiki_db, is skipped), and
// five tab-separated columns: wiki_db, country (an English name, or
// "Unknown"), activity_level ("5 to 99" or "100 or more"),
// editors_lower_bound, editors_upper_bound. The month comes from the file
// name (MonthFromName); a file whose name does not give it is refused
// without being read. A gzip-compressed file is read as it is.
//
// Country names are resolved with names (canonical names and Aliases).
// Rows of country Unknown are counted and skipped; a name that is not a
// known country is reported once, with its first line and number of rows,
// and its rows skipped. Fatal: a line that is not five columns, an empty
// wiki, another activity level, a bound that is not a whole number or a
// lower bound above the upper one, the same wiki, country and level twice,
// a line that is not UTF-8.
func ReadGeoeditors(r io.Reader, file string, names *Names) (GeoMonth, Problems) {
	g := GeoMonth{File: file}
	rep := newReport(file)
	var err error
	if g.Year, g.Month, err = MonthFromName(file); err != nil {
		rep.fatal(0, "%s", err.Error())
		return g, rep.problems()
	}
	br := newInput(r)
	if b, _ := br.Peek(2); len(b) == 2 && b[0] == 0x1f && b[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			rep.fatal(0, "not a readable gzip file: %v", err)
			return g, rep.problems()
		}
		defer gz.Close()
		br = bufio.NewReaderSize(gz, 64<<10)
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 0, 64<<10), maxGeoLine)

	// Wikis and countries are numbered as met, so that a row's key (wiki,
	// country, level) is one integer: the duplicate check of 100,000 rows
	// then costs a few MB.
	type entry struct {
		code string // the wiki's code, or the country's ISO2 ("" when unknown)
		id   uint64
	}
	type unknownName struct {
		name       string
		line, rows int
	}
	var (
		wikis     = map[string]entry{} // wiki code as written → one copy of it
		isoOf     = map[string]entry{} // country name as written → ISO2
		countryID = map[string]uint64{}
		unknowns  []*unknownName
		unknown   = map[string]*unknownName{}
		seen      = map[uint64]int{} // row key → line
		fields    [5][]byte
		line      int
		first     = true
	)
	for sc.Scan() {
		line++
		b := bytes.TrimSuffix(sc.Bytes(), []byte{'\r'})
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		if !utf8.Valid(b) {
			rep.fatal(line, notUTF8)
			break
		}
		n := splitTabs(b, fields[:])
		if first {
			first = false
			if n > 0 && string(bytes.TrimSpace(fields[0])) == "wiki_db" {
				continue
			}
		}
		if n != len(fields) {
			rep.fatal(line, "%d tab-separated columns, not 5 (wiki_db, country, activity_level, editors_lower_bound, editors_upper_bound)", n)
			continue
		}
		for i := range fields {
			fields[i] = bytes.TrimSpace(fields[i])
		}
		if len(fields[0]) == 0 {
			rep.fatal(line, "no wiki_db")
			continue
		}
		var veryActive bool
		switch string(fields[2]) {
		case LevelActive:
		case LevelVeryActive:
			veryActive = true
		default:
			rep.fatal(line, "activity_level %s is neither %q nor %q", quote(string(fields[2])), LevelActive, LevelVeryActive)
			continue
		}
		lower, okL := parseCount(fields[3])
		upper, okU := parseCount(fields[4])
		if !okL || !okU {
			bad := fields[3]
			if okL {
				bad = fields[4]
			}
			rep.fatal(line, "editor bound %s is not a whole number", quote(string(bad)))
			continue
		}
		if lower > upper {
			rep.fatal(line, "lower bound %v is above upper bound %v", lower, upper)
			continue
		}

		if string(fields[1]) == GeoUnknown {
			g.Unknown++
			continue
		}
		country, known := isoOf[string(fields[1])]
		if !known {
			name := string(fields[1])
			iso2, _ := names.Lookup(name)
			// Numbered by ISO2: two names of one country are one country.
			id, ok := countryID[iso2]
			if !ok {
				id = uint64(len(countryID))
				countryID[iso2] = id
			}
			country = entry{iso2, id}
			isoOf[name] = country
		}
		if country.code == "" {
			u := unknown[string(fields[1])]
			if u == nil {
				u = &unknownName{name: string(fields[1]), line: line}
				unknown[u.name] = u
				unknowns = append(unknowns, u)
			}
			u.rows++
			continue
		}
		wiki, ok := wikis[string(fields[0])]
		if !ok {
			raw := string(fields[0])
			wiki = entry{model.CleanText(raw), uint64(len(wikis))}
			wikis[raw] = wiki
		}
		k := wiki.id<<33 | country.id<<1
		if veryActive {
			k |= 1
		}
		if prev, dup := seen[k]; dup {
			rep.fatal(line, "%s, %s, %s appears twice (first on line %d)", wiki.code, country.code, string(fields[2]), prev)
			continue
		}
		seen[k] = line
		g.Rows = append(g.Rows, GeoRow{ISO2: country.code, Wiki: wiki.code, VeryActive: veryActive, Bounds: model.Bounds{Lower: lower, Upper: upper}})
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			rep.fatal(line+1, "a line longer than %d kB: not a Geoeditors TSV", maxGeoLine>>10)
		} else {
			rep.fatal(0, "read: %v", err)
		}
	}
	for _, u := range unknowns {
		rep.warn(u.line, "country %s is not in the countries list; %s skipped", quote(u.name), rows(u.rows))
	}
	return g, rep.problems()
}

// splitTabs splits b at tabs into fields, without allocating, and returns
// how many fields b has (which may be more than len(fields)).
func splitTabs(b []byte, fields [][]byte) int {
	n := 0
	for {
		i := bytes.IndexByte(b, '\t')
		if n < len(fields) {
			if i < 0 {
				fields[n] = b
			} else {
				fields[n] = b[:i]
			}
		}
		n++
		if i < 0 {
			return n
		}
		b = b[i+1:]
	}
}

// parseCount reads a whole number of editors (at most 15 digits).
func parseCount(b []byte) (float64, bool) {
	if len(b) == 0 || len(b) > 15 {
		return 0, false
	}
	var v int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return float64(v), true
}

// Editorship is the yearly editorship of countries computed from monthly
// Geoeditors files.
type Editorship struct {
	Observations []model.Observation      // IndWPEditors, IndAllEditors (middles), IndVeryActive (%)
	Bounds       []model.BoundObservation // IndWPEditors and IndAllEditors
	CountryWikis []model.CountryWiki
	Years        []int       // ascending
	Months       map[int]int // year → months imported for it
}

// YearlyEditorship turns monthly Geoeditors files into yearly editorship
// inputs. For each country and year, the monthly counts are averaged over
// the months imported for that year: the sum over those months divided by
// their number, so a country absent from one month's file counts as no
// editors that month (the release leaves out a wiki and country below its
// threshold). A country absent from every file of a year gets no figure
// for that year, not zero: the release leaves out protected countries
// altogether.
//
// A month's count is the sum of its rows over wikis and both activity
// levels ("5 to 99" and "100 or more" are disjoint): Wikipedia editors over
// the wikis whose project is wikipedia in the wikis list, all-project
// editors over every wiki. Geoeditors counts per wiki, so an editor active
// on two wikis counts on each (and one who edits both logged in and
// anonymously counts twice): these are sums of per-wiki counts, not
// distinct people. Lower and upper bounds are averaged separately and kept
// as bounds (model.BoundObservation); the observation is their middle. The
// very active share (IndVeryActive) is, over all wikis, the middle of the
// "100 or more" average over the middle of the all-active average, in
// percent; none when the latter is zero. A country whose rows in a year
// are all on wikis that are not Wikipedias has Wikipedia editors 0. Each country × wiki × year gets a
// model.CountryWiki with the same averages.
//
// A wiki not in the wikis list is reported (not fatal), once, and counted
// in all-project editors only. The same month given twice is fatal, since
// averaging it twice would be wrong. Months whose name gave no month
// (Year 0) are skipped: ReadGeoeditors has reported them.
func YearlyEditorship(months []GeoMonth, wikis []model.Wiki) (Editorship, Problems) {
	ed := Editorship{Months: map[int]int{}}
	project := make(map[string]string, len(wikis))
	for _, w := range wikis {
		project[w.DB] = w.Project
	}

	type countryYear struct {
		iso2 string
		year int
	}
	type sums struct {
		wp, all, veryActive model.Bounds
	}
	type countryWikiYear struct {
		iso2, wiki string
		year       int
	}
	type cwSums struct {
		editors, veryActive model.Bounds
	}
	type unlisted struct {
		wiki, file string
		rows       int
	}
	var (
		ps        Problems
		byMonth   = map[[2]int]string{} // year, month → file
		country   = map[countryYear]*sums{}
		cw        = map[countryWikiYear]cwSums{}
		notListed = map[string]*unlisted{}
		unlisteds []*unlisted
		add       = func(a *model.Bounds, b model.Bounds) { a.Lower += b.Lower; a.Upper += b.Upper }
	)
	for _, m := range months {
		if m.Year == 0 {
			continue
		}
		key := [2]int{m.Year, m.Month}
		if prev, dup := byMonth[key]; dup {
			ps = append(ps, Problem{File: m.File, Msg: fmt.Sprintf("%04d-%02d is imported twice (also from %s): each month counts once in a year's average", m.Year, m.Month, prev), Fatal: true})
			continue
		}
		byMonth[key] = m.File
		ed.Months[m.Year]++
		for _, r := range m.Rows {
			s := country[countryYear{r.ISO2, m.Year}]
			if s == nil {
				s = &sums{}
				country[countryYear{r.ISO2, m.Year}] = s
			}
			proj, listed := project[r.Wiki]
			if !listed {
				u := notListed[r.Wiki]
				if u == nil {
					u = &unlisted{wiki: r.Wiki, file: m.File}
					notListed[r.Wiki] = u
					unlisteds = append(unlisteds, u)
				}
				u.rows++
			}
			add(&s.all, r.Bounds)
			if proj == "wikipedia" {
				add(&s.wp, r.Bounds)
			}
			if r.VeryActive {
				add(&s.veryActive, r.Bounds)
			}
			k := countryWikiYear{r.ISO2, r.Wiki, m.Year}
			c := cw[k]
			add(&c.editors, r.Bounds)
			if r.VeryActive {
				add(&c.veryActive, r.Bounds)
			}
			cw[k] = c
		}
	}
	for _, u := range unlisteds {
		ps = append(ps, Problem{File: u.file, Msg: fmt.Sprintf("wiki %s is not in the wikis list (%s): counted in all-project editors only, not as a Wikipedia", quote(u.wiki), rows(u.rows))})
	}
	if len(ps) > MaxProblems {
		fatal := Problems(ps[MaxProblems:]).Fatal()
		more := len(ps) - MaxProblems
		ps = append(ps[:MaxProblems:MaxProblems], Problem{Msg: fmt.Sprintf("and %d more problems", more), Fatal: fatal})
	}

	ed.Observations = make([]model.Observation, 0, 3*len(country))
	ed.Bounds = make([]model.BoundObservation, 0, 2*len(country))
	ed.CountryWikis = make([]model.CountryWiki, 0, len(cw))
	mean := func(b model.Bounds, n int) model.Bounds {
		return model.Bounds{Lower: b.Lower / float64(n), Upper: b.Upper / float64(n)}
	}
	for k, s := range country {
		n := ed.Months[k.year]
		wp, all, va := mean(s.wp, n), mean(s.all, n), mean(s.veryActive, n)
		ed.Observations = append(ed.Observations,
			model.Observation{ISO2: k.iso2, Indicator: model.IndWPEditors, Year: k.year, Value: wp.Mid()},
			model.Observation{ISO2: k.iso2, Indicator: model.IndAllEditors, Year: k.year, Value: all.Mid()})
		if all.Mid() > 0 {
			ed.Observations = append(ed.Observations,
				model.Observation{ISO2: k.iso2, Indicator: model.IndVeryActive, Year: k.year, Value: 100 * va.Mid() / all.Mid()})
		}
		ed.Bounds = append(ed.Bounds,
			model.BoundObservation{ISO2: k.iso2, Indicator: model.IndWPEditors, Year: k.year, Bounds: wp},
			model.BoundObservation{ISO2: k.iso2, Indicator: model.IndAllEditors, Year: k.year, Bounds: all})
	}
	for k, c := range cw {
		n := ed.Months[k.year]
		ed.CountryWikis = append(ed.CountryWikis, model.CountryWiki{ISO2: k.iso2, Wiki: k.wiki, Year: k.year,
			Editors: mean(c.editors, n), VeryActive: mean(c.veryActive, n)})
	}
	for y := range ed.Months {
		ed.Years = append(ed.Years, y)
	}
	sort.Ints(ed.Years)
	sort.Slice(ed.Observations, func(i, j int) bool {
		a, b := ed.Observations[i], ed.Observations[j]
		if a.ISO2 != b.ISO2 {
			return a.ISO2 < b.ISO2
		}
		if a.Indicator != b.Indicator {
			return a.Indicator < b.Indicator
		}
		return a.Year < b.Year
	})
	sort.Slice(ed.Bounds, func(i, j int) bool {
		a, b := ed.Bounds[i], ed.Bounds[j]
		if a.ISO2 != b.ISO2 {
			return a.ISO2 < b.ISO2
		}
		if a.Indicator != b.Indicator {
			return a.Indicator < b.Indicator
		}
		return a.Year < b.Year
	})
	sort.Slice(ed.CountryWikis, func(i, j int) bool {
		a, b := ed.CountryWikis[i], ed.CountryWikis[j]
		if a.ISO2 != b.ISO2 {
			return a.ISO2 < b.ISO2
		}
		if a.Wiki != b.Wiki {
			return a.Wiki < b.Wiki
		}
		return a.Year < b.Year
	})
	return ed, ps
}
