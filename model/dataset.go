package model

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"sort"
	"sync"
)

// Dataset kinds, as recorded in a database's meta table.
const (
	KindSample   = "sample"   // the bundled dataset: Wikimedia activity is modeled
	KindImported = "imported" // built by `equity import` from public files
)

// Meta describes a dataset as a whole.
type Meta struct {
	Title   string
	Kind    string // KindSample or KindImported
	BuiltAt string // RFC 3339 date the database was written
	Notes   string
	// Origin names where the dataset was loaded from ("embedded" or a path);
	// it is set by whoever loads it and never stored.
	Origin string
}

// Source is where a set of figures comes from.
type Source struct {
	ID        string
	Title     string
	Publisher string
	Year      int
	Licence   string
	URL       string
	Note      string
}

// Observation is one value of one indicator for one country and year, with
// where it comes from. A zero Provenance takes the indicator's: modeled
// when the indicator is, else real, citing the indicator's source.
type Observation struct {
	ISO2      string
	Indicator string
	Year      int
	Value     float64
	Provenance
}

// Score is one scored facet of a domain for one country and year.
type Score struct {
	ISO2   string
	Domain DomainID
	Facet  Facet // Presence, Growth or Overall
	Year   int
	Score  float64
}

// Point is a value in a given year, with where it comes from.
type Point struct {
	Year  int
	Value float64
	// prov is shared by the points of one class, source and period: a
	// database has a few hundred of them among tens of thousands of
	// points, and a point that held its own copy was three times the size
	// (most of what a load wrote to memory). Nil is none given.
	prov *Provenance
}

// PointOf makes a point that cites pv, shared rather than copied: pv must
// not change afterwards. Nil is no provenance.
func PointOf(year int, value float64, pv *Provenance) Point {
	return Point{Year: year, Value: value, prov: pv}
}

// Provenance returns where the point comes from: its class, source and
// period, or none.
func (p Point) Provenance() Provenance {
	if p.prov == nil {
		return Provenance{}
	}
	return *p.prov
}

// Class is the point's class, or "" when none was given.
func (p Point) Class() Class {
	if p.prov == nil {
		return ""
	}
	return p.prov.Class
}

// Series is the observations of one indicator for one country, by year.
type Series []Point

// At returns the value observed in year.
func (s Series) At(year int) (float64, bool) {
	i := sort.Search(len(s), func(i int) bool { return s[i].Year >= year })
	if i < len(s) && s[i].Year == year {
		return s[i].Value, true
	}
	return 0, false
}

// point returns the point of year, with its provenance.
func (s Series) point(year int) (Point, bool) {
	i := sort.Search(len(s), func(i int) bool { return s[i].Year >= year })
	if i < len(s) && s[i].Year == year {
		return s[i], true
	}
	return Point{}, false
}

// Latest returns the value of the latest year at or before year, or else the
// earliest one after it. Context figures (population, internet access) are
// published for a few years only, and the nearest one is what a reader of a
// given year wants to see, with its own year beside it.
func (s Series) Latest(year int) (Point, bool) {
	if len(s) == 0 {
		return Point{}, false
	}
	i := sort.Search(len(s), func(i int) bool { return s[i].Year > year })
	if i == 0 {
		return s[0], true
	}
	return s[i-1], true
}

// Dataset is everything a database holds, loaded into memory once and
// indexed for the lookups screens make on every keystroke.
type Dataset struct {
	Meta       Meta
	Countries  []Country // by name
	Sources    []Source  // by id
	Indicators []Indicator
	Languages  map[string]string // language code → English name
	Wikis      []Wiki            // by database code
	// Years are the years with Wikimedia activity observations, ascending:
	// the years a score can be asked for.
	Years []int
	// Movement is the movement's published plan figures and strategy
	// initiatives (movement.go).
	Movement Movement

	country   map[string]int // ISO2 → index into Countries
	indicator map[string]int // id → index into Indicators
	source    map[string]int
	obs       map[string]map[string]Series // ISO2 → indicator → series
	scores    scoreTable
	wikipedia map[string]Wiki // wiki language code → its Wikipedia

	bounds        map[boundKey]Bounds
	countryWikis  map[string][]CountryWiki // by ISO2
	missing       map[cellKey]Missing
	noise         map[cellKey]Noise
	readings      map[string][]Reading  // by ISO2
	counts        []ClassCount          // by indicator, counted once
	modeledInputs []Indicator           // ModeledInputs, found once
	yearFigures   map[int]YearFigures   // YearFigures, counted once
	opening       Opening               // Opening, chosen once
	ranks         *rankCache            // rankings and standings, computed once
	facetInputs   map[facetKey][]string // the scored inputs of each domain and facet, found once
	partial       bool                  // Parts.Partial
}

type scoreKey struct {
	iso2   string
	domain DomainID
	facet  Facet
	year   int
}

// Parts are the tables a Dataset is built from.
type Parts struct {
	Meta         Meta
	Countries    []Country
	Sources      []Source
	Indicators   []Indicator
	Languages    map[string]string
	Wikis        []Wiki
	Observations []Observation
	// Runs are observations too, as a database reads them (store): New
	// makes their points its series, and from then on owns them. Parts may
	// carry both; a series in both is joined.
	Runs   Runs
	Scores []Score
	// ScoresFrom yields more scores, which go into the dataset as they
	// come rather than held first as Scores: a store's, 64 bytes each,
	// were a megabyte and a half of every load. It is read after the call
	// that is given it (New, or Finish after Prepare), and may be read
	// twice.
	ScoresFrom iter.Seq[Score]
	// Bounds are the published ranges of observations that come in buckets
	// (imported Geoeditors counts); CountryWikis which wikis a country's
	// editors work on. Both are empty for the bundled sample.
	Bounds       []BoundObservation
	CountryWikis []CountryWiki
	// Missing are the cells releases left empty, with the reason; Noise the
	// privacy noise of imported counts; Readings which editions each
	// country reads.
	Missing  []Missing
	Noise    []Noise
	Readings []Reading
	// Movement is the movement context: published plan figures and
	// strategy initiatives.
	Movement Movement
	// Partial says a load left some tables out (store.Lean): such a
	// dataset is for reading, never for writing back.
	Partial bool
}

// New indexes the parts into a Dataset. It refuses parts that contradict each
// other (a duplicate country, an observation of an unknown indicator), since
// every later lookup relies on them being consistent. Every text is passed
// through CleanText, whoever built the parts: a dataset never carries a
// control character to a terminal.
func New(p Parts) (*Dataset, error) {
	b, err := prepare(p)
	if err != nil {
		return nil, err
	}
	return b.finish(p.Runs, p.Observations)
}

// Prepared is a dataset built but for its observations. A loader reading
// them on another goroutine prepares the rest meanwhile (Prepare), then
// finishes it with them (Finish), once; New does both.
type Prepared struct {
	d *Dataset
	p Parts // cleaned
}

// Prepare indexes the tables of the parts but the observations (Runs and
// Observations, which it leaves alone: another goroutine may be reading
// them into the parts); Finish files those and sets the scores. It refuses
// what New refuses of those tables.
func Prepare(p Parts) (*Prepared, error) {
	p.Runs, p.Observations = Runs{}, nil
	return prepare(p)
}

// Finish files the observations into the prepared dataset, sets its
// scores and returns it, or refuses them as New would.
func (b *Prepared) Finish(runs Runs, obs []Observation) (*Dataset, error) { return b.finish(runs, obs) }

// prepare is New up to the observations and the scores: the tables
// indexed.
func prepare(p Parts) (*Prepared, error) {
	// The dataset keeps cleanParts' copies of the tables: never the
	// caller's, which it may go on changing.
	p = cleanParts(p)
	d := &Dataset{
		Meta:       p.Meta,
		Countries:  p.Countries,
		Sources:    p.Sources,
		Indicators: p.Indicators,
		Languages:  p.Languages,
		Wikis:      p.Wikis,
		country:    make(map[string]int, len(p.Countries)),
		indicator:  make(map[string]int, len(p.Indicators)),
		source:     make(map[string]int, len(p.Sources)),
		obs:        make(map[string]map[string]Series, len(p.Countries)),
		wikipedia:  make(map[string]Wiki),
		ranks:      newRankCache(),
	}
	// By folded name, so that "Åland" sorts with the A's, not after
	// "Zimbabwe"; each name folded once, not at every comparison.
	folded := make(map[string]string, len(d.Countries))
	for _, c := range d.Countries {
		folded[c.ISO2] = Fold(c.Name)
	}
	slices.SortStableFunc(d.Countries, func(a, b Country) int {
		return cmp.Or(cmp.Compare(folded[a.ISO2], folded[b.ISO2]), cmp.Compare(a.ISO2, b.ISO2))
	})
	for i := range d.Countries {
		c := &d.Countries[i]
		if _, dup := d.country[c.ISO2]; dup {
			return nil, fmt.Errorf("country %s appears twice", c.ISO2)
		}
		d.country[c.ISO2] = i
		sortLanguages(c.Languages)
	}
	sort.Slice(d.Sources, func(i, j int) bool { return d.Sources[i].ID < d.Sources[j].ID })
	for i, s := range d.Sources {
		d.source[s.ID] = i
	}
	for i, ind := range d.Indicators {
		if _, dup := d.indicator[ind.ID]; dup {
			return nil, fmt.Errorf("indicator %s appears twice", ind.ID)
		}
		d.indicator[ind.ID] = i
	}
	// A growth input is as real as the input it rates: an import that replaces
	// editors makes editor growth real too.
	for i, ind := range d.Indicators {
		if !ind.Derived() {
			continue
		}
		base, ok := d.indicator[ind.GrowthOf]
		if !ok {
			return nil, fmt.Errorf("indicator %s rates unknown indicator %s", ind.ID, ind.GrowthOf)
		}
		d.Indicators[i].Modeled = d.Indicators[base].Modeled
		d.Indicators[i].SourceID = d.Indicators[base].SourceID
	}
	sort.Slice(d.Wikis, func(i, j int) bool { return d.Wikis[i].DB < d.Wikis[j].DB })
	for _, w := range d.Wikis {
		if w.Project == "wikipedia" {
			d.wikipedia[w.Lang] = w
		}
	}
	return &Prepared{d: d, p: p}, nil
}

// finish is New from the observations on.
func (b *Prepared) finish(runs Runs, obs []Observation) (*Dataset, error) {
	d, p := b.d, b.p
	// Building is most of a command's time, and on a second core the
	// scores need not wait: that goroutine writes their own fields, and
	// finish returns (wg.Wait, deferred) once it is done.
	var wg sync.WaitGroup
	defer wg.Wait()
	wg.Go(func() { d.setScores(p.allScores()) })
	f, err := d.indexObservations(runs, obs)
	if err != nil {
		return nil, err
	}
	if err := d.indexBounds(p); err != nil {
		return nil, err
	}
	if err := d.indexProvenance(p); err != nil {
		return nil, err
	}
	d.facetInputs = d.findFacetInputs()
	d.partial = p.Partial
	d.Movement = p.Movement.clone()
	for y := range f.years {
		d.Years = append(d.Years, y)
	}
	sort.Ints(d.Years)
	d.counts = d.countClasses(f.classes)
	d.modeledInputs = d.modeledOf()
	if len(f.unsettled) == 0 {
		d.yearFigures = f.tally.figures()
	} else {
		d.yearFigures = d.tallyYears() // a run's figures were counted before its series was whole
	}
	d.opening = d.choose()
	return d, nil
}

// Partial reports whether a load left some of the database's tables out:
// writing such a dataset would lose them.
func (d *Dataset) Partial() bool { return d.partial }

// Parts returns the tables the dataset was built from, as fresh slices:
// what a database write or a rebuilt dataset starts from.
func (d *Dataset) Parts() Parts {
	langs := make(map[string]string, len(d.Languages))
	for k, v := range d.Languages {
		langs[k] = v
	}
	return Parts{
		Meta:         d.Meta,
		Countries:    append([]Country(nil), d.Countries...),
		Sources:      append([]Source(nil), d.Sources...),
		Indicators:   append([]Indicator(nil), d.Indicators...),
		Languages:    langs,
		Wikis:        append([]Wiki(nil), d.Wikis...),
		Observations: d.Observations(),
		Scores:       d.Scores(),
		Bounds:       d.AllBounds(),
		CountryWikis: d.AllCountryWikis(),
		Missing:      d.AllMissing(),
		Noise:        d.AllNoise(),
		Readings:     d.AllReadings(),
		Movement:     d.Movement.clone(),
		Partial:      d.partial,
	}
}

// SetScores replaces the dataset's scores.
func (d *Dataset) SetScores(scores []Score) { d.setScores(slices.Values(scores)) }

func (d *Dataset) setScores(scores iter.Seq[Score]) {
	if d.ranks != nil {
		d.ranks.forgetScores()
	}
	d.scores = newScoreTable(scores, d.country)
}

// allScores are Scores, then those of ScoresFrom.
func (p Parts) allScores() iter.Seq[Score] {
	return func(yield func(Score) bool) {
		for _, s := range p.Scores {
			if !yield(s) {
				return
			}
		}
		if p.ScoresFrom != nil {
			for s := range p.ScoresFrom {
				if !yield(s) {
					return
				}
			}
		}
	}
}

// Country returns the country with the given ISO alpha-2 code.
func (d *Dataset) Country(iso2 string) (Country, bool) {
	i, ok := d.country[iso2]
	if !ok {
		return Country{}, false
	}
	return d.Countries[i], true
}

// Indicator returns the indicator with the given id.
func (d *Dataset) Indicator(id string) (Indicator, bool) {
	i, ok := d.indicator[id]
	if !ok {
		return Indicator{}, false
	}
	return d.Indicators[i], true
}

// Source returns the source with the given id.
func (d *Dataset) Source(id string) (Source, bool) {
	i, ok := d.source[id]
	if !ok {
		return Source{}, false
	}
	return d.Sources[i], true
}

// Inputs returns the scored inputs of a domain's facet, in catalog order.
func (d *Dataset) Inputs(domain DomainID, facet Facet) []Indicator {
	var out []Indicator
	for _, ind := range d.Indicators {
		if ind.Domain == domain && ind.Facet == facet && ind.Weight > 0 {
			out = append(out, ind)
		}
	}
	return out
}

// HasFacet reports whether a domain has any input in the facet.
func (d *Dataset) HasFacet(domain DomainID, facet Facet) bool {
	return len(d.Inputs(domain, facet)) > 0
}

// Series returns the observations of an indicator for a country. A derived
// (growth) indicator has no series of its own: ask for the one it rates.
func (d *Dataset) Series(iso2, indicator string) Series {
	return d.obs[iso2][indicator]
}

// Value returns the observation of an indicator for a country in a year.
func (d *Dataset) Value(iso2, indicator string, year int) (float64, bool) {
	return d.obs[iso2][indicator].At(year)
}

// ContextAt returns a context figure for a country as of a year: the latest
// published at or before it, else the earliest after it, with its own year.
func (d *Dataset) ContextAt(iso2, indicator string, year int) (Point, bool) {
	return d.obs[iso2][indicator].Latest(year)
}

// Score returns a scored facet of a domain for a country in a year.
func (d *Dataset) Score(iso2 string, domain DomainID, facet Facet, year int) (float64, bool) {
	return d.scores.get(d.country, iso2, domain, facet, year)
}

// Wikipedia returns the Wikipedia in a language (a CLDR or wiki code).
func (d *Dataset) Wikipedia(lang string) (Wiki, bool) {
	w, ok := d.wikipedia[WikiLang(lang)]
	return w, ok
}

// LanguageName returns the English name of a language code, or the code.
func (d *Dataset) LanguageName(code string) string {
	if n, ok := d.Languages[code]; ok && n != "" {
		return n
	}
	return code
}

// Observations returns every stored observation, ordered by country,
// indicator and year, for writing a database.
func (d *Dataset) Observations() []Observation {
	var out []Observation
	for iso2, byInd := range d.obs {
		for id, s := range byInd {
			for _, p := range s {
				out = append(out, Observation{iso2, id, p.Year, p.Value, p.Provenance()})
			}
		}
	}
	SortObservations(out)
	return out
}

// Scores returns every stored score, ordered by country, domain, facet, year.
func (d *Dataset) Scores() []Score {
	out := d.scores.all()
	slices.SortFunc(out, func(a, b Score) int {
		return cmp.Or(cmp.Compare(a.ISO2, b.ISO2), cmp.Compare(a.Domain, b.Domain), cmp.Compare(a.Facet, b.Facet), cmp.Compare(a.Year, b.Year))
	})
	return out
}

// LatestYear is the last year with activity observations, or 0 when none.
func (d *Dataset) LatestYear() int {
	if len(d.Years) == 0 {
		return 0
	}
	return d.Years[len(d.Years)-1]
}

// HasYear reports whether the dataset holds activity observations for year.
func (d *Dataset) HasYear(year int) bool {
	i := sort.SearchInts(d.Years, year)
	return i < len(d.Years) && d.Years[i] == year
}

// Modeled reports whether any figure of a scored input is modeled, so that
// screens and exports know to carry the "modeled" mark.
func (d *Dataset) Modeled() bool { return len(d.modeledInputs) > 0 }

// FullyModeled reports whether every figure of every scored input is
// modeled: the sample, or a database that imported context figures alone.
func (d *Dataset) FullyModeled() bool {
	counts := map[string]ClassCount{}
	for _, c := range d.counts {
		counts[c.Indicator] = c
	}
	for _, ind := range d.Indicators {
		if ind.Facet == Context || ind.Derived() {
			continue
		}
		if c := counts[ind.ID]; c.Real+c.Estimated > 0 || (c.Modeled == 0 && !ind.Modeled) {
			return false
		}
	}
	return d.Modeled()
}

// PartlyModeled reports whether an input has modeled figures beside real
// or estimated ones: an import gave some of its years.
func (d *Dataset) PartlyModeled(id string) bool {
	for _, c := range d.counts {
		if c.Indicator == id {
			return c.Modeled > 0 && c.Real+c.Estimated > 0
		}
	}
	return false
}

// ModeledInputs are the scored inputs with any modeled figure, in catalog
// order; growth inputs, computed from the input they rate, are left out.
// An input with no figure at all is modeled when its indicator says so.
func (d *Dataset) ModeledInputs() []Indicator { return slices.Clone(d.modeledInputs) }

// modeledOf finds the modeled inputs once, when the dataset is built: the
// status line and every checklist fact ask.
func (d *Dataset) modeledOf() []Indicator {
	counts := map[string]ClassCount{}
	for _, c := range d.counts {
		counts[c.Indicator] = c
	}
	var out []Indicator
	for _, ind := range d.Indicators {
		if ind.Facet == Context || ind.Derived() {
			continue
		}
		c := counts[ind.ID]
		if c.Modeled > 0 || (ind.Modeled && c.Real+c.Estimated == 0) {
			out = append(out, ind)
		}
	}
	return out
}

// cleanParts strips control characters from every text of the parts. The
// store cleans as it reads, so this costs nothing there (clean text is
// returned as it is); it guards datasets built any other way.
func cleanParts(p Parts) Parts {
	c := CleanText
	p.Meta = Meta{Title: c(p.Meta.Title), Kind: c(p.Meta.Kind), BuiltAt: c(p.Meta.BuiltAt), Notes: c(p.Meta.Notes), Origin: c(p.Meta.Origin)}
	countries := make([]Country, len(p.Countries))
	for i, k := range p.Countries {
		k.ISO2, k.ISO3, k.Name = c(k.ISO2), c(k.ISO3), c(k.Name)
		k.WikimediaRegion, k.UNContinent, k.UNSubregion = c(k.WikimediaRegion), c(k.UNContinent), c(k.UNSubregion)
		k.EconomicRegion, k.EmergingClass, k.MarketClass, k.DataRiskClass = c(k.EconomicRegion), c(k.EmergingClass), c(k.MarketClass), c(k.DataRiskClass)
		langs := make([]CountryLanguage, len(k.Languages))
		for j, l := range k.Languages {
			langs[j] = CountryLanguage{Lang: c(l.Lang), PopulationPct: l.PopulationPct, OfficialStatus: c(l.OfficialStatus)}
		}
		k.Languages = langs
		countries[i] = k
	}
	p.Countries = countries
	sources := make([]Source, len(p.Sources))
	for i, s := range p.Sources {
		sources[i] = Source{ID: c(s.ID), Title: c(s.Title), Publisher: c(s.Publisher), Year: s.Year, Licence: c(s.Licence), URL: c(s.URL), Note: c(s.Note)}
	}
	p.Sources = sources
	indicators := make([]Indicator, len(p.Indicators))
	for i, ind := range p.Indicators {
		ind.ID, ind.Name, ind.Unit, ind.Definition = c(ind.ID), c(ind.Name), c(ind.Unit), c(ind.Definition)
		ind.GrowthOf, ind.Per, ind.SourceID = c(ind.GrowthOf), c(ind.Per), c(ind.SourceID)
		ind.Domain, ind.Facet = DomainID(c(string(ind.Domain))), Facet(c(string(ind.Facet)))
		indicators[i] = ind
	}
	p.Indicators = indicators
	langs := make(map[string]string, len(p.Languages))
	for code, name := range p.Languages {
		langs[c(code)] = c(name)
	}
	p.Languages = langs
	wikis := make([]Wiki, len(p.Wikis))
	for i, w := range p.Wikis {
		wikis[i] = Wiki{DB: c(w.DB), Lang: c(w.Lang), Project: c(w.Project), Status: c(w.Status)}
	}
	p.Wikis = wikis
	bounds := make([]BoundObservation, len(p.Bounds))
	for i, b := range p.Bounds {
		b.ISO2, b.Indicator = c(b.ISO2), c(b.Indicator)
		bounds[i] = b
	}
	p.Bounds = bounds
	// A year of Geoeditors has hundreds of thousands of country × wiki
	// figures: they are copied only when a text needs cleaning.
	for _, cw := range p.CountryWikis {
		if c(cw.ISO2) != cw.ISO2 || c(cw.Wiki) != cw.Wiki {
			cws := make([]CountryWiki, len(p.CountryWikis))
			for j, cw := range p.CountryWikis {
				cw.ISO2, cw.Wiki = c(cw.ISO2), c(cw.Wiki)
				cws[j] = cw
			}
			p.CountryWikis = cws
			break
		}
	}
	missing := make([]Missing, len(p.Missing))
	for i, m := range p.Missing {
		missing[i] = Missing{ISO2: c(m.ISO2), Indicator: c(m.Indicator), Year: m.Year, Reason: c(m.Reason), Source: c(m.Source)}
	}
	p.Missing = missing
	// The dataset's readings are windows on this copy (indexProvenance).
	readings := make([]Reading, len(p.Readings))
	for i, r := range p.Readings {
		r.ISO2, r.Project, r.Period, r.Source = c(r.ISO2), c(r.Project), c(r.Period), c(r.Source)
		readings[i] = r
	}
	p.Readings = readings
	// Observations and runs, the largest tables, are cleaned as they are
	// filed (settle), in the one pass that visits each point.
	return p
}

// SortObservations orders observations by country, indicator and year: the
// order of the database's rows and of every list of them.
func SortObservations(obs []Observation) {
	slices.SortFunc(obs, func(a, b Observation) int {
		return cmp.Or(cmp.Compare(a.ISO2, b.ISO2), cmp.Compare(a.Indicator, b.Indicator), cmp.Compare(a.Year, b.Year))
	})
}
