package importer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/equitylandscape/equity/model"
)

// The activity levels of the differentially private Geoeditors release,
// as indexes of DPCounts' arrays.
const (
	DPLevel1to4  = 0 // "1 to 4" edits in the month
	DPLevel5to99 = 1 // "5 to 99"
	DPLevel100   = 2 // "100 or more"
)

// DPLevelNames are the activity levels as the release writes them, by
// index.
func DPLevelNames() [3]string { return [3]string{"1 to 4", LevelActive, LevelVeryActive} }

// DPCounts are sums of rows of the differentially private release.
type DPCounts struct {
	Editors  [3]float64 // sum of the noisy editors counts, by activity level
	Rows     [3]int     // rows summed per level: the noise of a sum grows with them (DPNoise)
	Edits    float64    // sum of the noisy edits counts, over the rows that publish one
	EditRows int        // rows that publish an edits count
}

// DPCountry is one country in one month of the release.
type DPCountry struct {
	ISO2      string
	Wikipedia DPCounts // rows of the Wikipedias (see dpIsWikipedia)
	All       DPCounts // rows of every project, Wikipedias included
	// The privacy parameters of the country's rows: the epsilon of the
	// editors count, the epsilon of the edits sum and the release threshold
	// (counts under it are not published). 0 when the file does not give
	// them. Rows that disagree keep the smallest epsilons and the largest
	// threshold, the cautious reading.
	CountEps, SumEps, Threshold float64
	Wikis                       map[string]*[3]float64 // wiki_db → noisy editors by level
}

// DPMonth is one month of the release.
type DPMonth struct {
	Year, Month int
	Countries   map[string]*DPCountry // by ISO2
	Rows        int                   // rows of the month read, of any country, repeats included
	Unknown     int                   // rows of country "--" (Unknown), not counted in any country
	Skipped     int                   // rows of a country not in the countries list
	Repeated    int                   // rows that repeat an earlier row exactly, counted once
}

// DPRelease is one file of the differentially private Geoeditors release.
type DPRelease struct {
	File    string
	Months  []*DPMonth // ascending
	Header  bool       // the file names its columns on its first line
	Comma   bool       // comma-separated; else tab-separated
	Columns []string   // the columns as read, by their canonical names ("" for a column not read)
}

// dpPublished is the column order of the release as published
// (analytics.wikimedia.org/published/datasets/geoeditors_monthly/YYYY-MM.tsv,
// no header), the order the third-party readers of it also use.
func dpPublished() []string {
	return []string{"wiki_db", "project", "country", "country_code", "activity_level",
		"count_eps", "sum_eps", "count_release_thresh", "editors", "edits", "month"}
}

// dpColumnNames maps the names copies give the columns to their canonical
// names.
func dpColumnNames() map[string]string {
	return map[string]string{
		"wiki_db":                 "wiki_db",
		"project":                 "project",
		"country":                 "country",
		"country_name":            "country",
		"country_code":            "country_code",
		"activity_level":          "activity_level",
		"count_eps":               "count_eps",
		"sum_eps":                 "sum_eps",
		"count_release_thresh":    "count_release_thresh",
		"count_release_threshold": "count_release_thresh",
		"editors":                 "editors",
		"editors_ceil":            "editors",
		"edits":                   "edits",
		"edits_ceil":              "edits",
		"month":                   "month",
		"time":                    "month",
	}
}

// dpCols are the indexes of the columns in a row, -1 for a column the file
// does not have.
type dpCols struct {
	n     int      // columns a row has
	names []string // canonical name of each column, "" for one not read

	wiki, project, country, code, level, countEps, sumEps, thresh, editors, edits, month int
}

func (c *dpCols) set(name string, i int) {
	switch name {
	case "wiki_db":
		c.wiki = i
	case "project":
		c.project = i
	case "country":
		c.country = i
	case "country_code":
		c.code = i
	case "activity_level":
		c.level = i
	case "count_eps":
		c.countEps = i
	case "sum_eps":
		c.sumEps = i
	case "count_release_thresh":
		c.thresh = i
	case "editors":
		c.editors = i
	case "edits":
		c.edits = i
	case "month":
		c.month = i
	}
}

func newDPCols(n int) dpCols {
	return dpCols{n: n, names: make([]string, n),
		wiki: -1, project: -1, country: -1, code: -1, level: -1, countEps: -1, sumEps: -1,
		thresh: -1, editors: -1, edits: -1, month: -1}
}

// isDPHeader tells a header from a data row: it names wiki_db.
func isDPHeader(rec []string) bool {
	for _, f := range rec {
		if strings.EqualFold(strings.TrimSpace(f), "wiki_db") {
			return true
		}
	}
	return false
}

// dpHeader reads the columns from a header, or says what is wrong with it.
func dpHeader(rec []string) (dpCols, string) {
	cols := newDPCols(len(rec))
	canonical := dpColumnNames()
	seen := map[string]string{}
	for i, f := range rec {
		f = strings.ToLower(strings.TrimSpace(f))
		name, ok := canonical[f]
		if !ok {
			continue // a column of its own that a copy added: not read
		}
		if prev, dup := seen[name]; dup {
			return cols, "the header names the " + name + " column twice (" + quote(prev) + " and " + quote(f) + "): keep one of them"
		}
		seen[name] = f
		cols.names[i] = name
		cols.set(name, i)
	}
	var missing []string
	if cols.wiki < 0 {
		missing = append(missing, "wiki_db")
	}
	if cols.country < 0 && cols.code < 0 {
		missing = append(missing, "country (or country_name, or country_code)")
	}
	if cols.level < 0 {
		missing = append(missing, "activity_level")
	}
	if cols.editors < 0 {
		missing = append(missing, "editors (or editors_ceil)")
	}
	if len(missing) > 0 {
		return cols, "the header has no " + strings.Join(missing, ", no ") + " column: a Geoeditors DP file names wiki_db, country or country_code, activity_level and editors"
	}
	return cols, ""
}

// dpLayout gives the columns of a file without a header, from its first
// row: the published order (dpPublished) with its 11 columns, or without
// the month (10 columns, the month then in the file name), or without the
// edits (10 columns whose last is a month), or without both (9).
func dpLayout(rec []string) (dpCols, bool) {
	order := dpPublished()
	switch len(rec) {
	case 11:
	case 10:
		if _, ok := parseDPMonth(strings.TrimSpace(rec[9])); ok {
			order = append(order[:9], "month")
		} else {
			order = order[:10]
		}
	case 9:
		order = order[:9]
	default:
		return dpCols{}, false
	}
	cols := newDPCols(len(order))
	for i, name := range order {
		cols.names[i] = name
		cols.set(name, i)
	}
	return cols, true
}

// dpLevel reads an activity level.
func dpLevel(s string) (int, bool) {
	switch s {
	case "1 to 4":
		return DPLevel1to4, true
	case LevelActive:
		return DPLevel5to99, true
	case LevelVeryActive:
		return DPLevel100, true
	}
	return 0, false
}

// dpMissing tells an unpublished value: the release leaves edits empty
// for higher-risk countries, and Hive and pandas copies write a null so.
func dpMissing(s string) bool {
	switch s {
	case "", `\N`, "NULL", "null", "NaN", "nan", "None":
		return true
	}
	return false
}

// parseDPMonth reads YYYY-MM or YYYY-MM-DD into year*12 + month-1.
func parseDPMonth(s string) (int, bool) {
	if len(s) != 7 && len(s) != 10 {
		return 0, false
	}
	year, month, ok := monthAt(s, 0)
	if !ok {
		return 0, false
	}
	if len(s) == 10 {
		if s[7] != '-' || !isDigit(s[8]) || !isDigit(s[9]) {
			return 0, false
		}
		if d := int(s[8]-'0')*10 + int(s[9]-'0'); d < 1 || d > 31 {
			return 0, false
		}
	}
	return year*12 + month - 1, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// monthAt reads YYYY-MM at s[i:], a year from 2001 to 2099.
func monthAt(s string, i int) (year, month int, ok bool) {
	if i+7 > len(s) || s[i+4] != '-' {
		return 0, 0, false
	}
	for _, j := range []int{0, 1, 2, 3, 5, 6} {
		if !isDigit(s[i+j]) {
			return 0, 0, false
		}
	}
	year, _ = strconv.Atoi(s[i : i+4])
	month = int(s[i+5]-'0')*10 + int(s[i+6]-'0')
	if year < 2001 || year > 2099 || month < 1 || month > 12 {
		return 0, 0, false
	}
	return year, month, true
}

// MonthInName finds the month a file holds in its base name: the first
// YYYY-MM in it that no other digit touches, as in 2023-07.tsv (the
// published name), geoeditors-monthly-2023-07.tsv.gz or
// export_2023-07-01.csv.
func MonthInName(file string) (year, month int, ok bool) {
	base := filepath.Base(file)
	for i := 0; i+7 <= len(base); i++ {
		if i > 0 && isDigit(base[i-1]) {
			continue
		}
		if i+7 < len(base) && isDigit(base[i+7]) {
			continue
		}
		if year, month, ok = monthAt(base, i); ok {
			return year, month, true
		}
	}
	return 0, 0, false
}

// DPNoise is the standard deviation of a sum of n editors counts of the
// release, each released with privacy budget eps (count_eps). It assumes
// the Laplace mechanism with sensitivity 1 (an editor is in at most one
// activity level of one wiki and country a month) and independent noise:
// each count has scale 1/eps, so standard deviation sqrt(2)/eps, and a sum
// of n has sqrt(2n)/eps. The 95 % half-widths the release's users quote
// (2.72, 14.98 and 29.96 editors for eps 1.1, 0.2 and 0.1) are ln(20)/eps,
// the Laplace mechanism's. Rounding up (editors_ceil) and the release
// threshold are not counted: the first adds under one editor, the second
// drops rows rather than adding noise. It does not apply to edits, whose
// sensitivity (the clamp on one editor's edits) is not published. n ≤ 0 is
// no noise; an eps that is not above 0 is noise without bound (+Inf).
func DPNoise(n int, eps float64) float64 {
	if n <= 0 {
		return 0
	}
	if !(eps > 0) {
		return math.Inf(1)
	}
	return math.Sqrt(2*float64(n)) / eps
}

// SniffGeoeditorsDP tells from a file's first line (BOM removed) whether it
// is of the differentially private Geoeditors release: a header naming
// wiki_db, activity_level, editors (or editors_ceil) and a country, or a
// data row of 9 to 11 columns in the published order (dpPublished) whose
// fifth column is an activity level and whose next four are numbers. The
// older bucketed release (five columns, editors_lower_bound) is not.
func SniffGeoeditorsDP(firstLine string) bool {
	line := strings.TrimRight(firstLine, "\r\n")
	comma := '\t'
	if !strings.Contains(line, "\t") {
		if !strings.Contains(line, ",") {
			return false
		}
		comma = ','
	}
	cr := csv.NewReader(strings.NewReader(line))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	rec, err := cr.Read()
	if err != nil {
		return false
	}
	trimAll(rec)
	if isDPHeader(rec) {
		_, bad := dpHeader(rec)
		return bad == ""
	}
	if len(rec) < 9 || len(rec) > 11 || rec[0] == "" {
		return false
	}
	if _, ok := dpLevel(rec[4]); !ok {
		return false
	}
	for _, f := range rec[5:9] {
		if _, ok := parseNumber(f); !ok {
			return false
		}
	}
	return true
}

// ReadGeoeditorsDP reads one file of the Wikimedia Foundation's
// differentially private Geoeditors monthly release (January 2018 on,
// published a file a month as YYYY-MM.tsv): for each wiki, country and
// activity level, the noisy number of editors and, where published, of
// edits. Rows are summed as they are read, by month and country, into
// Wikipedia and all-project totals per activity level and per wiki; no row
// is kept.
//
// Copies vary, and the reader takes them as they come. Gzip-compressed or
// not; tab- or comma-separated (told from the first line: tabs if it has
// any); with a header or not. With a header, columns are found by name, in
// any order, others ignored: wiki_db, project, country or country_name,
// country_code, activity_level, count_eps, sum_eps, count_release_thresh,
// editors or editors_ceil, edits, month or time; wiki_db, a country,
// activity_level and editors are required. Without one, the published
// order is assumed: wiki_db, project, country, country_code,
// activity_level, count_eps, sum_eps, count_release_thresh, editors, edits,
// month (11 columns); a row of 10 has no month (or, when its last column is
// a month, no edits), a row of 9 neither. The month, YYYY-MM or
// YYYY-MM-DD, is read from its column, which may give several months (a
// concatenated copy), or else from the file name (MonthInName); a file
// whose month is in neither is refused without being read.
//
// The country is the country_code when it is a known ISO alpha-2 code, else
// the name in country (canonical names and aliases), else the code as an
// alias. Rows of country_code "--" (or country "Unknown") are counted in
// Unknown. A country that is not in names is reported once, with its first
// line and its number of rows, and its rows skipped. A row repeated exactly
// (a copy concatenated twice, as the one in circulation for Chile is) is
// counted once and reported once for the file.
//
// A row is a Wikipedia's when its project is "wikipedia" or ends in
// ".wikipedia" (as "en.wikipedia", "simple.wikipedia"); "en.commons",
// "commons.wikimedia", "wikidata" and "en.meta" are not. Only a file with
// no project column falls back on wiki_db: a Wikipedia's ends in "wiki"
// and is not one of the other projects' wikis (commonswiki, wikidatawiki,
// metawiki and the rest, dpNotWikipedias).
//
// Fatal: text that is not UTF-8; a row whose number of columns is not the
// header's (or the first row's); no wiki_db; an activity level other than
// "1 to 4", "5 to 99" and "100 or more"; editors, edits or a privacy
// parameter that is not a number; a negative count or parameter (the
// release publishes only counts at or above its threshold, and clamps
// edits at zero, so a negative one is not the release as published); a
// month that is not YYYY-MM; no month; the same month, wiki, country and
// level twice with different counts. A file with no rows is not refused
// here: Rows, Unknown and Skipped say what each month held, for the caller
// to decide.
func ReadGeoeditorsDP(r io.Reader, file string, names *Names) (DPRelease, Problems) {
	d := &dpReader{
		rel:       DPRelease{File: file},
		rep:       newReport(file),
		names:     names,
		months:    map[int]*dpMonth{},
		wikis:     map[string]*dpWiki{},
		byCode:    map[string]int32{},
		byName:    map[string]int32{},
		unknownOf: map[string]*dpUnknown{},
	}
	d.read(r)
	return d.finish()
}

// dpCountryUnknown and dpCountryBad mark, in the resolution caches, the
// rows of Unknown and of a country not in names.
const (
	dpCountryUnknown int32 = -1
	dpCountryBad     int32 = -2
	dpCodeNotISO2    int32 = -3 // a country_code that is not a known ISO2: go by the name
)

// dpCellChunk is how many cells are allocated at once.
const dpCellChunk = 4096

type dpReader struct {
	rel   DPRelease
	rep   *report
	names *Names
	cols  dpCols

	nameYM        int // month of the file name, -1 if none
	lastMonth     string
	lastYM        int
	lastMonthFrom *dpMonth

	months map[int]*dpMonth
	wikis  map[string]*dpWiki
	notWP  map[string]bool

	// Countries are numbered as met, so that a cell's key (country, wiki)
	// is one integer.
	iso2      []string
	isoIndex  map[string]int32
	byCode    map[string]int32 // country_code → country, or a mark
	byName    map[string]int32 // code + "\x00" + name → country, or a mark
	unknownOf map[string]*dpUnknown
	unknowns  []*dpUnknown

	// Each country × wiki of a month has a cell: its editors by level
	// (which DPCountry.Wikis points into) and what the repeat check needs.
	editors [][]([3]float64)
	metas   [][]dpMeta
	ncells  uint32

	// The last row's month and country × wiki, wiki and country_code:
	// rows come in runs of them.
	lastCellOf *dpMonth
	lastKey    uint64
	lastCell   uint32
	lastWiki   *dpWiki
	lastCode   string
	lastCodeI  int32

	repeated, repeatLine, repeatOf int
	paramsDiffer, paramsLine       int
	paramsWhat                     string
}

type dpWiki struct {
	raw       string // as written
	code      string // as written, cleaned
	id        uint32
	wikipedia bool
}

type dpMonth struct {
	m         *DPMonth
	cells     map[uint64]uint32 // country << 32 | wiki → cell
	countries []*DPCountry      // by country number
}

type dpMeta struct {
	edits [3]float64 // NaN when not published
	line  [3]int32
	seen  uint8 // levels seen, a bit each
}

type dpUnknown struct {
	what       string
	line, rows int
}

func (d *dpReader) read(r io.Reader) {
	br := newInput(r)
	var src io.Reader = br
	if b, _ := br.Peek(2); len(b) == 2 && b[0] == 0x1f && b[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			d.rep.fatal(0, "not a readable gzip file: %v", err)
			return
		}
		defer gz.Close()
		src = gz
	}
	in := bufio.NewReaderSize(src, 64<<10)
	head, _ := in.Peek(64 << 10)
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	switch {
	case bytes.IndexByte(head, '\t') >= 0:
	case bytes.IndexByte(head, ',') >= 0:
		d.rel.Comma = true
	case len(bytes.TrimSpace(head)) == 0:
		// An empty file (or one starting with a blank line): let the
		// records reader find out.
	default:
		d.rep.fatal(1, "the first line has neither tabs nor commas: a Geoeditors DP file has 9 to 11 columns (%s)", strings.Join(dpPublished(), ", "))
		return
	}
	comma := '\t'
	if d.rel.Comma {
		comma = ','
	}
	d.nameYM = -1
	if y, m, ok := MonthInName(d.rel.File); ok {
		d.nameYM = y*12 + m - 1
	}
	t := newRecords(in, comma, d.rep)
	first := true
	for {
		rec, ok := t.next()
		if !ok {
			return
		}
		trimAll(rec)
		if first {
			first = false
			if !d.layout(rec, t.line) {
				return
			}
			if d.rel.Header {
				continue
			}
		}
		if len(rec) != d.cols.n {
			what := "the first row"
			if d.rel.Header {
				what = "the header"
			}
			d.rep.fatal(t.line, "%d columns, not %d as %s has", len(rec), d.cols.n, what)
			continue
		}
		d.row(rec, t.line)
	}
}

// layout reads the columns from the first record, a header or a row, and
// reports whether the rest can be read.
func (d *dpReader) layout(rec []string, line int) bool {
	if isDPHeader(rec) {
		cols, bad := dpHeader(rec)
		if bad != "" {
			d.rep.fatal(line, "%s", bad)
			return false
		}
		d.cols, d.rel.Header = cols, true
	} else {
		cols, ok := dpLayout(rec)
		if !ok {
			d.rep.fatal(line, "%d columns and no header: a Geoeditors DP file without a header has the published 11 (%s), or 10 or 9 without the month and edits", len(rec), strings.Join(dpPublished(), ", "))
			return false
		}
		d.cols = cols
	}
	d.rel.Columns = d.cols.names
	if d.cols.month < 0 && d.nameYM < 0 {
		d.rep.fatal(0, "the month is not in the file and not in its name: rename it to the month it holds, as 2023-07.tsv")
		return false
	}
	return true
}

// number reads a count or parameter of column col, reporting a value that
// is not a number or is negative. NaN when the column is absent or the
// value not published.
func (d *dpReader) number(rec []string, col int, name string, line int) (float64, bool) {
	if col < 0 || dpMissing(rec[col]) {
		return math.NaN(), true
	}
	v, ok := dpDigits(rec[col])
	if !ok {
		v, ok = parseNumber(rec[col])
	}
	if !ok {
		d.rep.fatal(line, "%s %s is not a number", name, quote(rec[col]))
		return 0, false
	}
	if v < 0 {
		d.rep.fatal(line, "%s %s is negative: the release publishes no negative counts or parameters, so this file is not the release as published", name, quote(rec[col]))
		return 0, false
	}
	return v, true
}

// dpDigits reads a whole number of at most 15 digits, as nearly every
// count is, faster than parseNumber.
func dpDigits(s string) (float64, bool) {
	if len(s) == 0 || len(s) > 15 {
		return 0, false
	}
	var v int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return float64(v), true
}

func (d *dpReader) row(rec []string, line int) {
	c := &d.cols
	ok := true
	wiki := rec[c.wiki]
	if wiki == "" {
		d.rep.fatal(line, "no wiki_db")
		ok = false
	}
	level, okL := dpLevel(rec[c.level])
	if !okL {
		d.rep.fatal(line, "activity_level %s is not \"1 to 4\", %q or %q", quote(rec[c.level]), LevelActive, LevelVeryActive)
		ok = false
	}
	editors, okE := d.number(rec, c.editors, "editors", line)
	if okE && math.IsNaN(editors) {
		d.rep.fatal(line, "no editors count")
		okE = false
	}
	edits, okD := d.number(rec, c.edits, "edits", line)
	countEps, ok1 := d.number(rec, c.countEps, "count_eps", line)
	sumEps, ok2 := d.number(rec, c.sumEps, "sum_eps", line)
	thresh, ok3 := d.number(rec, c.thresh, "count_release_thresh", line)
	ym, okM := d.month(rec, line)
	if !ok || !okE || !okD || !ok1 || !ok2 || !ok3 || !okM {
		return
	}

	ms := d.monthOf(ym)
	ms.m.Rows++
	country := d.country(rec, line)
	switch country {
	case dpCountryUnknown:
		ms.m.Unknown++
		return
	case dpCountryBad:
		ms.m.Skipped++
		return
	}
	w := d.wiki(wiki, rec)
	key := uint64(country)<<32 | uint64(w.id)
	dc := ms.country(country, d.iso2[country])
	// A wiki's levels for a country are usually on consecutive rows.
	cell, found := d.lastCell, d.lastCellOf == ms && d.lastKey == key
	if !found {
		cell, found = ms.cells[key]
	}
	if !found {
		cell = d.newCell()
		ms.cells[key] = cell
		dc.Wikis[w.code] = &d.editors[cell/dpCellChunk][cell%dpCellChunk]
	}
	d.lastCellOf, d.lastKey, d.lastCell = ms, key, cell
	ed := &d.editors[cell/dpCellChunk][cell%dpCellChunk]
	meta := &d.metas[cell/dpCellChunk][cell%dpCellChunk]
	if meta.seen&(1<<level) != 0 {
		sameEdits := meta.edits[level] == edits || (math.IsNaN(edits) && math.IsNaN(meta.edits[level]))
		if ed[level] == editors && sameEdits {
			ms.m.Repeated++
			if d.repeated == 0 {
				d.repeatLine, d.repeatOf = line, int(meta.line[level])
			}
			d.repeated++
			return
		}
		d.rep.fatal(line, "%s, %s, %s, %04d-%02d appears twice with different counts (first on line %d): keep one of the two rows",
			clip(w.code), dc.ISO2, DPLevelNames()[level], ms.m.Year, ms.m.Month, meta.line[level])
		return
	}
	meta.seen |= 1 << level
	meta.edits[level] = edits
	meta.line[level] = int32(min(line, math.MaxInt32))
	ed[level] = editors

	dpAdd(&dc.All, level, editors, edits)
	if w.wikipedia {
		dpAdd(&dc.Wikipedia, level, editors, edits)
	}
	d.params(dc, ms.m, line, countEps, sumEps, thresh)
}

func dpAdd(c *DPCounts, level int, editors, edits float64) {
	c.Editors[level] += editors
	c.Rows[level]++
	if !math.IsNaN(edits) {
		c.Edits += edits
		c.EditRows++
	}
}

// params merges a row's privacy parameters into its country's: a
// parameter not given (NaN) or 0 is left out; where rows disagree, the
// smallest epsilon and the largest threshold are kept (the most noise, the
// most left out).
func (d *dpReader) params(dc *DPCountry, m *DPMonth, line int, countEps, sumEps, thresh float64) {
	differ := false
	merge := func(have *float64, v float64, keepMin bool) {
		if math.IsNaN(v) || v == 0 {
			return
		}
		switch {
		case *have == 0:
			*have = v
		case *have != v:
			differ = true
			if (v < *have) == keepMin {
				*have = v
			}
		}
	}
	before := [3]float64{dc.CountEps, dc.SumEps, dc.Threshold}
	merge(&dc.CountEps, countEps, true)
	merge(&dc.SumEps, sumEps, true)
	merge(&dc.Threshold, thresh, false)
	if differ {
		if d.paramsDiffer == 0 {
			d.paramsLine = line
			d.paramsWhat = dc.ISO2 + " in " + strconv.Itoa(m.Year) + "-" + twoDigits(m.Month) +
				" (count_eps " + fmtNum(before[0]) + " and " + fmtNum(countEps) +
				", sum_eps " + fmtNum(before[1]) + " and " + fmtNum(sumEps) +
				", count_release_thresh " + fmtNum(before[2]) + " and " + fmtNum(thresh) + ")"
		}
		d.paramsDiffer++
	}
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func fmtNum(v float64) string {
	if math.IsNaN(v) {
		return "none"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// month gives the month of a row: its month column, else the file name's.
func (d *dpReader) month(rec []string, line int) (int, bool) {
	if d.cols.month >= 0 {
		s := rec[d.cols.month]
		if s != "" {
			if s == d.lastMonth {
				return d.lastYM, true
			}
			ym, ok := parseDPMonth(s)
			if !ok {
				d.rep.fatal(line, "month %s is not a month (YYYY-MM or YYYY-MM-DD)", quote(s))
				return 0, false
			}
			d.lastMonth, d.lastYM = s, ym
			return ym, true
		}
	}
	if d.nameYM < 0 {
		d.rep.fatal(line, "the row has no month and the file name none: rename the file to the month it holds, as 2023-07.tsv, or fill in the month")
		return 0, false
	}
	return d.nameYM, true
}

func (d *dpReader) monthOf(ym int) *dpMonth {
	if d.lastMonthFrom != nil && d.lastMonthFrom.m.Year*12+d.lastMonthFrom.m.Month-1 == ym {
		return d.lastMonthFrom
	}
	ms := d.months[ym]
	if ms == nil {
		ms = &dpMonth{
			m:     &DPMonth{Year: ym / 12, Month: ym%12 + 1, Countries: map[string]*DPCountry{}},
			cells: map[uint64]uint32{},
		}
		d.months[ym] = ms
	}
	d.lastMonthFrom = ms
	return ms
}

func (ms *dpMonth) country(i int32, iso2 string) *DPCountry {
	for int(i) >= len(ms.countries) {
		ms.countries = append(ms.countries, nil)
	}
	c := ms.countries[i]
	if c == nil {
		c = &DPCountry{ISO2: iso2, Wikis: map[string]*[3]float64{}}
		ms.countries[i] = c
		ms.m.Countries[iso2] = c
	}
	return c
}

func (d *dpReader) newCell() uint32 {
	i := d.ncells
	if i%dpCellChunk == 0 {
		d.editors = append(d.editors, make([][3]float64, dpCellChunk))
		d.metas = append(d.metas, make([]dpMeta, dpCellChunk))
	}
	d.ncells++
	return i
}

func (d *dpReader) wiki(raw string, rec []string) *dpWiki {
	if d.lastWiki != nil && d.lastWiki.raw == raw {
		return d.lastWiki
	}
	w := d.wikis[raw]
	if w != nil {
		d.lastWiki = w
		return w
	}
	project := ""
	if d.cols.project >= 0 {
		project = rec[d.cols.project]
	}
	if d.notWP == nil {
		d.notWP = dpNotWikipedias()
	}
	raw = strings.Clone(raw)
	w = &dpWiki{
		raw:       raw,
		code:      model.CleanText(raw),
		id:        uint32(len(d.wikis)),
		wikipedia: dpIsWikipedia(raw, project, d.notWP),
	}
	d.wikis[raw] = w
	d.lastWiki = w
	return w
}

// dpIsWikipedia tells a Wikipedia's row: by its project when given, else
// by its wiki_db.
func dpIsWikipedia(wikiDB, project string, notWikipedias map[string]bool) bool {
	if p := strings.ToLower(strings.TrimSpace(project)); p != "" {
		p = strings.TrimSuffix(p, ".org")
		return p == "wikipedia" || strings.HasSuffix(p, ".wikipedia")
	}
	db := strings.ToLower(strings.TrimSpace(wikiDB))
	return len(db) > len("wiki") && strings.HasSuffix(db, "wiki") && !notWikipedias[db]
}

// dpNotWikipedias are the database names that end in "wiki" but are not a
// Wikipedia's: the shared and special projects, and test and closed
// wikis. (Wiktionaries and the other sister projects end otherwise:
// frwiktionary, enwikisource.)
func dpNotWikipedias() map[string]bool {
	m := map[string]bool{}
	for _, db := range []string{
		"commonswiki", "wikidatawiki", "metawiki", "specieswiki", "mediawikiwiki",
		"sourceswiki", "incubatorwiki", "foundationwiki", "outreachwiki",
		"wikimaniawiki", "wikifunctionswiki", "wikitechwiki", "labswiki", "labtestwiki",
		"loginwiki", "votewiki", "strategywiki", "usabilitywiki", "apiportalwiki",
		"testwiki", "test2wiki", "testwikidatawiki", "testcommonswiki",
		"nostalgiawiki", "tenwiki", "donatewiki", "collabwiki", "advisorywiki",
		"officewiki", "boardwiki", "internalwiki", "checkuserwiki", "stewardwiki",
	} {
		m[db] = true
	}
	return m
}

// country resolves a row's country to its number, dpCountryUnknown or
// dpCountryBad (reported once).
func (d *dpReader) country(rec []string, line int) int32 {
	code, name := "", ""
	if d.cols.code >= 0 {
		code = rec[d.cols.code]
	}
	if d.cols.country >= 0 {
		name = rec[d.cols.country]
	}
	if code != "" {
		i, ok := d.lastCodeI, d.lastCode == code
		if !ok {
			i, ok = d.byCode[code]
		}
		if !ok {
			i = dpCodeNotISO2
			if code == "--" {
				i = dpCountryUnknown
			} else if iso2, found := d.names.Lookup(code); found && iso2 == code {
				i = d.countryNumber(iso2)
			}
			code = strings.Clone(code)
			d.byCode[code] = i
		}
		d.lastCode, d.lastCodeI = code, i
		if i != dpCodeNotISO2 {
			return i
		}
	}
	key := code + "\x00" + name
	i, ok := d.byName[key]
	if !ok {
		i = d.resolveName(code, name)
		d.byName[key] = i
	}
	if i == dpCountryBad {
		u := d.unknownOf[key]
		if u == nil {
			what := quote(name)
			if name == "" {
				what = "code " + quote(code)
			} else if code != "" {
				what += " (code " + quote(code) + ")"
			}
			u = &dpUnknown{what: what, line: line}
			d.unknownOf[key] = u
			d.unknowns = append(d.unknowns, u)
		}
		u.rows++
	}
	return i
}

func (d *dpReader) resolveName(code, name string) int32 {
	if code == "" && (name == "" || name == "--" || strings.EqualFold(name, GeoUnknown)) {
		return dpCountryUnknown
	}
	if name != "" {
		if iso2, ok := d.names.Lookup(name); ok {
			return d.countryNumber(iso2)
		}
	}
	if code != "" {
		if iso2, ok := d.names.Lookup(code); ok {
			return d.countryNumber(iso2)
		}
	}
	if strings.EqualFold(name, GeoUnknown) {
		return dpCountryUnknown
	}
	return dpCountryBad
}

// countryNumber gives a country its number, met for the first time or not.
func (d *dpReader) countryNumber(iso2 string) int32 {
	if d.isoIndex == nil {
		d.isoIndex = map[string]int32{}
	}
	i, ok := d.isoIndex[iso2]
	if !ok {
		i = int32(len(d.iso2))
		d.isoIndex[iso2] = i
		d.iso2 = append(d.iso2, iso2)
	}
	return i
}

func (d *dpReader) finish() (DPRelease, Problems) {
	for _, u := range d.unknowns {
		d.rep.warn(u.line, "country %s is not in the countries list; %s skipped", u.what, rows(u.rows))
	}
	if d.repeated > 0 {
		verb := "repeat"
		if d.repeated == 1 {
			verb = "repeats"
		}
		d.rep.warn(d.repeatLine, "%s %s an earlier row exactly (same month, wiki, country, level and counts; the first repeats line %d), as a file concatenated twice does: each is counted once",
			rows(d.repeated), verb, d.repeatOf)
	}
	if d.paramsDiffer > 0 {
		d.rep.warn(d.paramsLine, "the privacy parameters of a country in a month differ between its rows (%s disagree with an earlier one; the first, %s): the smallest epsilons and the largest threshold are kept",
			rows(d.paramsDiffer), d.paramsWhat)
	}
	keys := make([]int, 0, len(d.months))
	for ym := range d.months {
		keys = append(keys, ym)
	}
	sort.Ints(keys)
	for _, ym := range keys {
		d.rel.Months = append(d.rel.Months, d.months[ym].m)
	}
	return d.rel, d.rep.problems()
}
