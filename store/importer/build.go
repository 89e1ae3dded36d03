package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/equitylandscape/equity/model"
)

// Inputs are the files of one import, by format.
type Inputs struct {
	Countries    string   // the Wikimedia canonical countries TSV
	WorldBank    []string // World Bank WDI indicator CSVs
	Geoeditors   []string // Geoeditors public monthly TSVs
	Observations []string // the project's own long CSVs
	// Pageviews are files of page views by country: REST API
	// top-by-country JSON, Wikistats 2 CSV exports, Wikipedia Views
	// Visualized per-country CSVs.
	Pageviews []string
}

// Paths lists every file of the inputs.
func (in Inputs) Paths() []string {
	var out []string
	if in.Countries != "" {
		out = append(out, in.Countries)
	}
	for _, list := range [][]string{in.WorldBank, in.Geoeditors, in.Pageviews, in.Observations} {
		out = append(out, list...)
	}
	return out
}

// Empty reports whether no file was given.
func (in Inputs) Empty() bool {
	return in.Countries == "" && len(in.WorldBank) == 0 && len(in.Geoeditors) == 0 && len(in.Observations) == 0 && len(in.Pageviews) == 0
}

// File is one file read by an import, as its sources row records it.
type File struct {
	Path   string
	Name   string // the file name, without its directory
	Format string
	Size   int64
	SHA256 string
	// Covers says what the file holds in words: "2023-01", "1960–2023",
	// "250 countries".
	Covers string
}

// Progress hears how far the reading of a file has got.
type Progress func(file string, read, size int64)

// Result is what an import read and built.
type Result struct {
	Dataset  *model.Dataset // nil when a problem was fatal
	Problems Problems
	Files    []File
	// Replaced are the catalog inputs whose figures now come from the files
	// (no longer modeled), and Summary says in a few lines what each file
	// gave.
	Replaced []string
	Summary  []string
	// Changes count, per indicator and year, the cells the import adds,
	// changes and clears: what --check prints.
	Changes []Change
}

// Build starts from base (the bundled sample, or another database), merges
// what the files provide, and scores the result again. A full release (a
// World Bank indicator file, Geoeditors months) replaces its indicators in
// the years it covers, and the countries it leaves out become missing with
// the release's reason; a long CSV changes only the cells it lists. Every
// other figure of the base stays as it was, with its class. It reads every
// file before building anything, and builds nothing when a problem is
// fatal.
func Build(base *model.Dataset, in Inputs, now time.Time, progress Progress) Result {
	// A month of the Geoeditors release is a million rows, each read into a
	// record that is garbage at once: a tighter collector while importing
	// keeps the peak within 100 MB for some CPU (the budget has room), and
	// the setting is given back when the import ends.
	defer debug.SetGCPercent(debug.SetGCPercent(50))
	var res Result
	b := builder{base: base, now: now, progress: progress, res: &res}
	countries := base.Countries
	if in.Countries != "" {
		if cs, ok := b.countries(in.Countries); ok {
			countries = cs
		}
	}
	for _, path := range in.WorldBank {
		b.worldBank(path, countries)
	}
	// Both Geoeditors releases are published as
	// geoeditors-monthly-YYYY-MM.tsv: their first line tells them apart.
	var bucketed, private []string
	for _, path := range in.Geoeditors {
		if isGeoeditorsDP(path) {
			private = append(private, path)
		} else {
			bucketed = append(bucketed, path)
		}
	}
	if len(bucketed) > 0 {
		b.geoeditors(bucketed, countries)
	}
	if len(private) > 0 {
		b.geoeditorsDP(private, countries)
	}
	for _, path := range in.Pageviews {
		b.pageviews(path, countries)
	}
	for _, path := range in.Observations {
		b.observations(path, countries)
	}
	if res.Problems.Fatal() {
		return res
	}
	// Reading leaves its garbage (a million rows' records) behind, and
	// assembling the new dataset beside the base is the import's peak: a
	// collection between the two keeps the peak to what is live.
	runtime.GC()
	d, err := b.assemble(countries)
	if err != nil {
		res.Problems = append(res.Problems, Problem{Msg: "the imported figures do not fit together: " + model.CleanText(err.Error()), Fatal: true})
		return res
	}
	if res.Problems.Fatal() {
		return res
	}
	res.Dataset = d
	return res
}

// noRows refuses a file that gave nothing: importing it would change
// nothing, or, for a full release, clear figures for nothing.
func (b *builder) noRows(file File) {
	b.res.Problems = append(b.res.Problems, Problem{File: file.Path, Msg: "has no rows for any country: nothing was imported", Fatal: true})
}

type builder struct {
	base     *model.Dataset
	now      time.Time
	progress Progress
	res      *Result
	sources  []model.Source
	releases []release
}

// open opens a file for reading, hashing and counting what is read.
func (b *builder) open(path, format string) (*countingFile, File, bool) {
	f, err := os.Open(path)
	if err != nil {
		b.res.Problems = append(b.res.Problems, Problem{File: path, Msg: "cannot be read: " + model.CleanText(unwrapPath(err)), Fatal: true})
		return nil, File{}, false
	}
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		f.Close()
		b.res.Problems = append(b.res.Problems, Problem{File: path, Msg: "is not a file", Fatal: true})
		return nil, File{}, false
	}
	h := sha256.New()
	// The name is shown and stored as the source's: any text a file name
	// may hold is cleaned.
	name := model.CleanText(filepath.Base(path))
	cf := &countingFile{f: f, h: h, size: st.Size(), name: name, progress: b.progress}
	return cf, File{Path: path, Name: name, Format: format, Size: st.Size()}, true
}

// done closes a file and records it.
func (b *builder) done(cf *countingFile, file File, covers string) File {
	// Hash what was not read (a reader that stopped early) so that the
	// digest is the file's, whatever the reader did.
	io.Copy(io.Discard, cf)
	cf.f.Close()
	file.SHA256 = hex.EncodeToString(cf.h.Sum(nil))
	file.Covers = covers
	b.res.Files = append(b.res.Files, file)
	return file
}

// unwrapPath drops the path from an error that repeats it.
func unwrapPath(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// countingFile hashes and counts what is read from a file, for the sources
// row and the progress line.
type countingFile struct {
	f        *os.File
	h        hash.Hash
	read     int64
	size     int64
	name     string
	progress Progress
}

func (c *countingFile) Read(p []byte) (int, error) {
	n, err := c.f.Read(p)
	if n > 0 {
		c.h.Write(p[:n])
		c.read += int64(n)
		if c.progress != nil {
			c.progress(c.name, c.read, c.size)
		}
	}
	return n, err
}

func (b *builder) source(file File, id, title, publisher, licence, url string, year int, extra string) string {
	note := fmt.Sprintf("Imported by equity on %s from %s (%d bytes, SHA-256 %s), covering %s.", b.now.UTC().Format(time.DateOnly), file.Name, file.Size, file.SHA256, file.Covers)
	if extra != "" {
		note += " " + extra
	}
	b.sources = append(b.sources, model.Source{ID: id, Title: title, Publisher: publisher, Year: year, Licence: licence, URL: url, Note: note})
	return id
}

func (b *builder) countries(path string) ([]model.Country, bool) {
	cf, file, ok := b.open(path, "Wikimedia canonical countries")
	if !ok {
		return nil, false
	}
	cs, ps := ReadCountries(cf, path)
	b.res.Problems = append(b.res.Problems, ps...)
	file = b.done(cf, file, fmt.Sprintf("%d countries", len(cs)))
	if ps.Fatal() || len(cs) == 0 {
		return nil, false
	}
	// The countries file has no languages: keep the ones the base knows.
	for i := range cs {
		if old, ok := b.base.Country(cs[i].ISO2); ok {
			cs[i].Languages = old.Languages
		}
	}
	b.source(file, "import-countries", "Wikimedia canonical data: countries ("+file.Name+")", "Wikimedia Foundation (Movement Insights)", "CC0-1.0",
		"https://github.com/wikimedia-research/canonical-data", b.now.Year(), "Countries, regions, classifications, protection list and data risk scores.")
	b.res.Summary = append(b.res.Summary, fmt.Sprintf("%s: %d countries and their classifications", file.Name, len(cs)))
	return cs, true
}

func (b *builder) worldBank(path string, countries []model.Country) {
	cf, file, ok := b.open(path, "World Bank WDI")
	if !ok {
		return
	}
	wb, ps := ReadWorldBank(cf, path, countries)
	b.res.Problems = append(b.res.Problems, ps...)
	covers := "no years"
	if wb.First > 0 {
		covers = fmt.Sprintf("%d–%d", wb.First, wb.Last)
	}
	file = b.done(cf, file, covers)
	if ps.Fatal() || wb.Indicator == "" {
		return
	}
	if len(wb.Observations) == 0 {
		b.noRows(file)
		return
	}
	extra := fmt.Sprintf("%s (%s).", wb.Name, wb.Code)
	if wb.LastUpdated != "" {
		extra += " Last updated by the World Bank " + wb.LastUpdated + "."
	}
	id := b.source(file, "import-wb-"+strings.ToLower(wb.Code), "World Bank WDI: "+wb.Name+", "+covers+" ("+file.Name+")", "World Bank", "CC-BY-4.0",
		"https://data.worldbank.org/indicator/"+wb.Code, wb.Last, extra)
	obs := make([]model.Observation, len(wb.Observations))
	years := map[int]bool{}
	for i, o := range wb.Observations {
		o.Provenance = model.Provenance{Class: model.ClassReal, Source: id, Period: fmt.Sprint(o.Year)}
		obs[i] = o
		years[o.Year] = true
	}
	leftOut := map[string]bool{}
	for _, iso2 := range wb.Absent {
		leftOut[iso2] = true
	}
	b.releases = append(b.releases, release{
		name: file.Name, path: file.Path, source: id, full: true,
		years:   map[string][]int{wb.Indicator: sortedYears(years)},
		obs:     obs,
		absent:  absentFrom(false, "not in this file: the World Bank lists no row for it ("+file.Name+")"),
		leftOut: leftOut,
	})
	b.res.Summary = append(b.res.Summary, fmt.Sprintf("%s: %s for %d countries, %s (%d aggregate rows skipped)",
		file.Name, wb.Code, countriesIn(wb.Observations), covers, wb.Aggregates))
}

func sortedYears(set map[int]bool) []int {
	ys := make([]int, 0, len(set))
	for y := range set {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

func countriesIn(obs []model.Observation) int {
	seen := map[string]bool{}
	for _, o := range obs {
		seen[o.ISO2] = true
	}
	return len(seen)
}

func (b *builder) geoeditors(paths []string, countries []model.Country) {
	names := NewNames(countries)
	var months []GeoMonth
	var files []string
	for _, path := range paths {
		cf, file, ok := b.open(path, "Geoeditors monthly")
		if !ok {
			continue
		}
		m, ps := ReadGeoeditors(cf, path, names)
		b.res.Problems = append(b.res.Problems, ps...)
		covers := "no month"
		if m.Year > 0 {
			covers = fmt.Sprintf("%04d-%02d", m.Year, m.Month)
		}
		file = b.done(cf, file, covers)
		if ps.Fatal() || m.Year == 0 {
			continue
		}
		months = append(months, m)
		files = append(files, file.Name)
		b.source(file, fmt.Sprintf("import-geo-%04d-%02d", m.Year, m.Month), "Geoeditors, "+covers+" ("+file.Name+")", "Wikimedia Foundation", "CC0-1.0",
			"https://dumps.wikimedia.org/other/geoeditors/", m.Year, fmt.Sprintf("%d rows; %d of country Unknown.", len(m.Rows), m.Unknown))
	}
	if len(months) == 0 {
		return
	}
	ed, ps := YearlyEditorship(months, b.base.Wikis)
	b.res.Problems = append(b.res.Problems, ps...)
	if ps.Fatal() {
		return
	}
	sort.Slice(months, func(i, j int) bool { return months[i].Year*100+months[i].Month < months[j].Year*100+months[j].Month })
	first, last := months[0], months[len(months)-1]
	span := spanOf(first.Year, first.Month, last.Year, last.Month)
	// The id names the span: an earlier import's months of other years keep
	// their own source.
	geoID := fmt.Sprintf("import-geoeditors-%04d-%02d-%04d-%02d", first.Year, first.Month, last.Year, last.Month)
	b.sources = append(b.sources, model.Source{
		ID: geoID, Title: "Geoeditors public monthly release, " + span, Publisher: "Wikimedia Foundation",
		Year: last.Year, Licence: "CC0-1.0", URL: "https://dumps.wikimedia.org/other/geoeditors/",
		Note: fmt.Sprintf("%d monthly files, %s (%s): active editors by country and wiki in buckets of ten, averaged over each year's months; countries on the protection list are not in the release. An editor active on two wikis counts on each.",
			len(months), span, strings.Join(files, ", ")),
	})
	if len(ed.Observations) == 0 {
		b.noRows(File{Path: strings.Join(paths, ", ")})
		return
	}
	obs := make([]model.Observation, len(ed.Observations))
	for i, o := range ed.Observations {
		o.Provenance = model.Provenance{Class: model.ClassReal, Source: geoID, Period: monthsOf(o.Year, ed.Months[o.Year])}
		obs[i] = o
	}
	years := map[string][]int{}
	for _, id := range []string{model.IndWPEditors, model.IndAllEditors, model.IndVeryActive} {
		years[id] = ed.Years
	}
	b.releases = append(b.releases, release{
		name: "Geoeditors " + span, path: "Geoeditors " + span, source: geoID, full: true,
		years: years, obs: obs, bounds: ed.Bounds,
		wikiYears: ed.Years, wikis: ed.CountryWikis,
		absent: absentFrom(true, "not in the release: below its threshold (a wiki and country appear with 3 or more active editors)"),
	})
	b.res.Summary = append(b.res.Summary, fmt.Sprintf("Geoeditors: %d months, %s: editors of %d countries on %d wikis",
		len(months), span, countriesIn(ed.Observations), wikisIn(ed.CountryWikis)))
}

// spanOf writes a span of months: "2023-07", "2023-01 to 2023-12".
func spanOf(y1, m1, y2, m2 int) string {
	if y1 == y2 && m1 == m2 {
		return fmt.Sprintf("%04d-%02d", y1, m1)
	}
	return fmt.Sprintf("%04d-%02d to %04d-%02d", y1, m1, y2, m2)
}

// monthsOf is the period a yearly mean of monthly figures stands for.
func monthsOf(year, months int) string {
	if months == 1 {
		return fmt.Sprintf("%d (1 month)", year)
	}
	return fmt.Sprintf("%d (mean of %d months)", year, months)
}

func wikisIn(cws []model.CountryWiki) int {
	seen := map[string]bool{}
	for _, cw := range cws {
		seen[cw.Wiki] = true
	}
	return len(seen)
}

func (b *builder) observations(path string, countries []model.Country) {
	cf, file, ok := b.open(path, "observations CSV")
	if !ok {
		return
	}
	obs, ps := ReadObservations(cf, path, NewNames(countries), b.base.Indicators)
	b.res.Problems = append(b.res.Problems, ps...)
	byInd := map[string][]model.Observation{}
	var ids []string
	first, last := 0, 0
	for _, o := range obs {
		if _, ok := byInd[o.Indicator]; !ok {
			ids = append(ids, o.Indicator)
		}
		byInd[o.Indicator] = append(byInd[o.Indicator], o)
		if first == 0 || o.Year < first {
			first = o.Year
		}
		last = max(last, o.Year)
	}
	sort.Strings(ids)
	covers := "no values"
	if first > 0 {
		covers = fmt.Sprintf("%d–%d", first, last)
	}
	file = b.done(cf, file, covers)
	if ps.Fatal() {
		return
	}
	if len(obs) == 0 {
		b.noRows(file)
		return
	}
	id := b.source(file, "import-obs-"+file.SHA256[:12], "Observations, "+covers+" ("+file.Name+")", "given by the person who imported it", "as stated by its publisher",
		"", last, "Inputs: "+strings.Join(ids, ", ")+".")
	given := make([]model.Observation, len(obs))
	for i, o := range obs {
		o.Provenance = model.Provenance{Class: model.ClassReal, Source: id, Period: fmt.Sprint(o.Year)}
		given[i] = o
	}
	b.releases = append(b.releases, release{name: file.Name, path: file.Path, source: id, obs: given})
	b.res.Summary = append(b.res.Summary, fmt.Sprintf("%s: %d values of %d inputs, %s; every other figure is kept", file.Name, len(obs), len(ids), covers))
}

// assemble builds the new dataset: the base with the replaced indicators'
// figures swapped for the files', the sources of the files added, and every
// score computed again.
func (b *builder) assemble(countries []model.Country) (*model.Dataset, error) {
	base := b.base
	known := map[string]bool{}
	for _, c := range countries {
		known[c.ISO2] = true
	}
	m, changes, ps := b.mergeReleases(countries)
	if m != nil && m.dropped > 0 {
		b.res.Summary = append(b.res.Summary, fmt.Sprintf("%d figures of countries not in the countries file were left out", m.dropped))
	}
	b.res.Problems = append(b.res.Problems, ps...)
	if ps.Fatal() {
		return nil, nil
	}
	b.res.Changes = changes

	// An indicator is modeled while any of its cells is; it cites the
	// source most of its cells cite. A cell's own class and source are
	// what screens show.
	touched := map[string]bool{}
	for _, r := range b.releases {
		for _, o := range r.obs {
			touched[o.Indicator] = true
		}
		for id := range r.years {
			touched[id] = true
		}
	}
	indicators := append([]model.Indicator(nil), base.Indicators...)
	// A file may bring an input the base does not have (mobile
	// subscriptions are in no sample): it comes in from the catalog.
	for _, ind := range model.Catalog() {
		if _, ok := base.Indicator(ind.ID); !ok && touched[ind.ID] {
			indicators = append(indicators, ind)
		}
	}
	var ids []string
	for i := range indicators {
		ind := &indicators[i]
		if !touched[ind.ID] {
			continue
		}
		ids = append(ids, ind.ID)
		if modeled, source, any := m.classOf(ind.ID); any {
			ind.Modeled, ind.SourceID = modeled, source
		} else {
			ind.Modeled = false
		}
	}
	sort.Strings(ids)
	b.res.Replaced = nil
	for _, id := range ids {
		if ind, ok := findIndicator(indicators, id); ok && !ind.Modeled {
			b.res.Replaced = append(b.res.Replaced, id)
		}
	}

	// The files' sources, then the base's that still describe figures of
	// the new database. A file's source wins over the base's of the same id
	// (a base built by an earlier import, and the same indicator imported
	// again from a newer file): the figures are the new file's.
	cited := map[string]bool{}
	for _, ind := range indicators {
		cited[ind.SourceID] = true
	}
	for _, o := range m.cells {
		cited[o.Source] = true
	}
	for _, x := range m.missing {
		cited[x.Source] = true
	}
	for _, rd := range m.readings {
		cited[rd.Source] = true
	}
	var sources []model.Source
	have := map[string]bool{}
	for _, s := range b.sources {
		if !have[s.ID] {
			sources = append(sources, s)
			have[s.ID] = true
		}
	}
	// Sources no figure cites that an earlier import left: its countries
	// file (the countries are still its, unless this import brought a new
	// one, whose source has the same id and came first); a Geoeditors
	// month's file while figures of its year still come from its months.
	geoYears := map[string]bool{} // "import-geoeditors-…:2023"
	for _, o := range m.cells {
		if strings.HasPrefix(o.Source, "import-geoeditors-") {
			geoYears[fmt.Sprintf("%s:%d", o.Source, o.Year)] = true
		}
	}
	for _, s := range base.Sources {
		keep := cited[s.ID]
		switch {
		case keep:
		case s.ID == "import-countries":
			keep = true
		case strings.HasPrefix(s.ID, "import-geo-"):
			keep = monthStillUsed(s.ID, geoYears)
		default:
			keep = !strings.HasPrefix(s.ID, "import-") && s.ID != "equity-sample-model"
		}
		if keep && !have[s.ID] {
			sources = append(sources, s)
			have[s.ID] = true
		}
	}

	d, err := model.New(model.Parts{
		Meta:         b.meta(indicators),
		Countries:    countries,
		Sources:      sources,
		Indicators:   indicators,
		Languages:    base.Languages,
		Wikis:        base.Wikis,
		Observations: m.observations(),
		Bounds:       m.boundList(),
		CountryWikis: m.wikiList(),
		Missing:      m.missingList(),
		Noise:        m.noiseList(),
		Readings:     m.readingList(),
	})
	if err != nil {
		return nil, err
	}
	d.SetScores(model.ComputeScores(d))
	b.coverage(d, ids)
	return d, nil
}

// monthStillUsed reports whether a Geoeditors month's file (import-geo-
// YYYY-MM) still gives figures: some cell of its year cites a Geoeditors
// span (import-geoeditors-YYYY-MM-YYYY-MM) that holds the month.
func monthStillUsed(id string, geoYears map[string]bool) bool {
	var y, mo int
	if _, err := fmt.Sscanf(id, "import-geo-%04d-%02d", &y, &mo); err != nil {
		return false
	}
	for k := range geoYears {
		var y1, m1, y2, m2, year int
		if _, err := fmt.Sscanf(k, "import-geoeditors-%04d-%02d-%04d-%02d:%d", &y1, &m1, &y2, &m2, &year); err != nil {
			continue
		}
		at := y*100 + mo
		if year == y && at >= y1*100+m1 && at <= y2*100+m2 {
			return true
		}
	}
	return false
}

func findIndicator(inds []model.Indicator, id string) (model.Indicator, bool) {
	for _, ind := range inds {
		if ind.ID == id {
			return ind, true
		}
	}
	return model.Indicator{}, false
}

// coverage says where the inputs the files gave stand against the year
// the explorer and the commands open on (model.Dataset.Opening): an input
// that stops before it has
// no figures there (its modeled ones are gone); one that goes on after it
// is seen only by moving the year.
func (b *builder) coverage(d *model.Dataset, ids []string) {
	opening := d.Opening()
	start := opening.Year
	byLast := map[int][]string{}
	var lasts []int
	for _, id := range ids {
		ind, ok := d.Indicator(id)
		if !ok || ind.Facet == model.Context {
			continue
		}
		last := 0
		for _, c := range d.Countries {
			if s := d.Series(c.ISO2, id); len(s) > 0 {
				last = max(last, s[len(s)-1].Year)
			}
		}
		if last > 0 && last != start {
			if _, seen := byLast[last]; !seen {
				lasts = append(lasts, last)
			}
			byLast[last] = append(byLast[last], ind.Name)
		}
	}
	sort.Ints(lasts)
	for _, last := range lasts {
		verb := "stop at"
		if last > start {
			verb = "go on to"
		}
		b.res.Summary = append(b.res.Summary, fmt.Sprintf("Note: the explorer and the commands open on %d, %s, and %s %s %d: look at %d (--year %d, or y in the explorer).",
			start, opening.Reason(), strings.Join(byLast[last], ", "), verb, last, last, last))
	}
}

// meta says what the new database is and which of its figures are real.
func (b *builder) meta(indicators []model.Indicator) model.Meta {
	var real, modeled []string
	for _, ind := range indicators {
		if ind.Derived() {
			continue
		}
		if ind.Modeled {
			modeled = append(modeled, ind.Name)
		} else {
			real = append(real, ind.Name)
		}
	}
	var names []string
	for _, f := range b.res.Files {
		names = append(names, f.Name)
	}
	notes := fmt.Sprintf("Built by equity import on %s from %s, starting from %s.", b.now.UTC().Format(time.DateOnly), strings.Join(names, ", "), b.base.Meta.Title)
	notes += " Real: " + strings.Join(real, ", ") + "."
	if len(modeled) > 0 {
		notes += " Still MODELED (from the sample, not published data): " + strings.Join(modeled, ", ") + "."
	}
	return model.Meta{
		Title:   "Wikimedia Movement Equity Landscape — imported " + b.now.UTC().Format(time.DateOnly),
		Kind:    model.KindImported,
		BuiltAt: b.now.UTC().Format(time.DateOnly),
		Notes:   notes,
	}
}
