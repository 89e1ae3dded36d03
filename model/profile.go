package model

// Figure is a context figure of a country with the year it is for.
type Figure struct {
	Indicator Indicator
	Point     Point
	OK        bool
}

// SourceID is the sources row the figure cites: its own (a World Bank
// year beside a CLDR one), else its indicator's.
func (f Figure) SourceID() string {
	if src := f.Point.Provenance().Source; f.OK && src != "" {
		return src
	}
	return f.Indicator.SourceID
}

// LanguageInfo is a language of a country with its Wikipedia, if any.
type LanguageInfo struct {
	CountryLanguage
	Name      string
	Wikipedia Wiki
	HasWiki   bool // a Wikipedia exists in the language, open or closed
}

// NoNameNote stands for the name of a language CLDR gives no English name
// (Nigerian Fulfulde's code fuv): the code is shown beside it already.
const NoNameNote = "(no English name in CLDR)"

// Named is the language's name for a table that shows its code beside it:
// the code twice would say nothing.
func (l LanguageInfo) Named() string {
	if l.Name == "" || l.Name == l.Lang {
		return NoNameNote
	}
	return l.Name
}

// FacetScore is a country's score in one facet of a domain, with its place
// in its region and in the world.
type FacetScore struct {
	Score    float64
	OK       bool
	InRegion Standing
	InWorld  Standing
	// Explanation shows how a presence or growth score is made; it is empty
	// for Overall, which is the mean of the two.
	Explanation Explanation
}

// DomainProfile is a country's standing in one scored domain.
type DomainProfile struct {
	Domain   Domain
	Presence FacetScore
	Growth   FacetScore
	Overall  FacetScore
	// HasGrowth is false for a domain without growth inputs (Programs).
	HasGrowth bool
	// Trend is the overall score over the dataset's years (missing years
	// are left out).
	Trend []Point
	// Class is the weakest class of the figures the overall score rests
	// on; "" without a score.
	Class Class
	// NoFigures is true when no country has a figure of the domain in the
	// year (the sample models its domains for some years only).
	NoFigures bool
	// Withheld is the short reason when the releases left out every
	// figure of the domain for the country ("withheld: protected
	// country"); "" otherwise.
	Withheld string
}

// Profile is everything known about one country in one year: what the
// country command prints and the country screen shows.
type Profile struct {
	Country   Country
	Year      int
	Context   []Figure
	Languages []LanguageInfo
	Domains   []DomainProfile
}

// ContextIndicators are the context figures a profile shows, in order.
func ContextIndicators() []string {
	return []string{IndPopulation, IndInternet, IndMobile, IndLiteracy, IndGDPPerCap}
}

// Profile assembles a country's profile for a year.
func (d *Dataset) Profile(c Country, year int) Profile {
	p := Profile{Country: c, Year: year}
	for _, id := range ContextIndicators() {
		ind, ok := d.Indicator(id)
		if !ok {
			continue
		}
		pt, has := d.ContextAt(c.ISO2, id, year)
		p.Context = append(p.Context, Figure{Indicator: ind, Point: pt, OK: has})
	}
	for _, l := range c.Languages {
		w, has := d.Wikipedia(l.Lang)
		p.Languages = append(p.Languages, LanguageInfo{CountryLanguage: l, Name: d.LanguageName(l.Lang), Wikipedia: w, HasWiki: has})
	}
	for _, dom := range Domains() {
		p.Domains = append(p.Domains, d.domainProfile(c, dom, year))
	}
	return p
}

func (d *Dataset) domainProfile(c Country, dom Domain, year int) DomainProfile {
	dp := DomainProfile{Domain: dom, HasGrowth: d.HasFacet(dom.ID, Growth), NoFigures: d.NoFigures(dom.ID, year)}
	if !dp.NoFigures {
		dp.Withheld, _ = d.Withheld(c.ISO2, dom.ID, year)
	}
	dp.Class, _ = d.ScoreClass(c.ISO2, dom.ID, Overall, year)
	dp.Presence = d.facetScore(c, dom.ID, Presence, year)
	dp.Growth = d.facetScore(c, dom.ID, Growth, year)
	dp.Overall = d.facetScore(c, dom.ID, Overall, year)
	dp.Presence.Explanation = d.RankFacet(dom.ID, Presence, year).Explain(c.ISO2)
	if dp.HasGrowth {
		dp.Growth.Explanation = d.RankFacet(dom.ID, Growth, year).Explain(c.ISO2)
	}
	dp.Trend = d.Trend(c.ISO2, dom.ID, Overall)
	return dp
}

func (d *Dataset) facetScore(c Country, dom DomainID, f Facet, year int) FacetScore {
	var fs FacetScore
	fs.Score, fs.OK = d.Score(c.ISO2, dom, f, year)
	if !fs.OK {
		return fs
	}
	fs.InWorld, _ = d.Rank(c.ISO2, dom, f, year, nil)
	fs.InRegion, _ = d.RankInRegion(c.ISO2, dom, f, year)
	return fs
}

// Trend is a country's score in a facet of a domain over the dataset's years.
func (d *Dataset) Trend(iso2 string, dom DomainID, f Facet) []Point {
	var out []Point
	for _, y := range d.Years {
		if v, ok := d.Score(iso2, dom, f, y); ok {
			out = append(out, Point{Year: y, Value: v})
		}
	}
	return out
}
