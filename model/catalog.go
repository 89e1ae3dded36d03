package model

import "strings"

// DomainID names a domain of the Equity Landscape. Scored domains have
// presence (and sometimes growth) inputs; context domains are shown beside the
// scores and never folded into them.
type DomainID string

// The scored domains, in the order the Equity Landscape lists them, then
// Access, which the Foundation's pipeline scores beside them.
const (
	Readership DomainID = "readership"
	Editorship DomainID = "editorship"
	Programs   DomainID = "programs"
	Grants     DomainID = "grants"
	Affiliates DomainID = "affiliates"
	Access     DomainID = "access"
)

// The context domains. Literacy is a context figure of the Access domain.
const (
	Population DomainID = "population"
	Economy    DomainID = "economy"
)

// Facet is one side of a domain score.
type Facet string

// Presence and growth are scored; Overall is a domain's combined score;
// Context marks inputs that describe a country without being scored.
const (
	Presence Facet = "presence"
	Growth   Facet = "growth"
	Overall  Facet = "overall"
	Context  Facet = "context"
)

// Domain describes a scored domain.
type Domain struct {
	ID    DomainID
	Name  string
	Short string // a column heading of at most 7 characters
	About string // what the domain measures, in plain words
	// WeightsPublished is false where the Equity Landscape has not published
	// the inputs or weights and this project defined them.
	WeightsPublished bool
}

// Domains returns the scored domains in display order.
func Domains() []Domain {
	return []Domain{
		{Readership, "Readership", "Readers", "How much the country reads Wikimedia projects, and how fast that grows.", true},
		{Editorship, "Editorship", "Editors", "How many people in the country edit, how many of them edit a lot, and how fast their number grows.", true},
		{Programs, "Programs & Events Leadership", "Events", "How many people in the country organise and join Wikimedia events and programs.", true},
		{Grants, "Grants Leadership", "Grants", "How much Wikimedia grant funding the country's communities lead, set against what money buys there.", true},
		{Affiliates, "Affiliates Leadership", "Affil.", "How many recognised Wikimedia affiliates the country hosts, how large and how long-standing the largest and oldest are, how they are governed, and whether they grow: the inputs of the Foundation's pipeline. Project-defined weights: the Equity Landscape has not published this domain's.", false},
		{Access, "Access", "Access", "How many people in the country can reach the internet and a mobile network, and how fast that grows: World Bank figures, the most recent published for each year. The Foundation's pipeline also scores Social Progress Index inputs and the GSMA Mobile Connectivity Index, which have no public copy here.", false},
	}
}

// DomainByID returns the scored domain with the given id.
func DomainByID(id DomainID) (Domain, bool) {
	for _, d := range Domains() {
		if d.ID == id {
			return d, true
		}
	}
	return Domain{}, false
}

// Indicator is one input of the catalog. Weights are relative within a facet;
// scoring renormalises them over the inputs a country has.
type Indicator struct {
	ID         string
	Domain     DomainID
	Facet      Facet
	Name       string
	Unit       string
	Definition string
	Weight     float64
	// WeightPublished is true when the weight comes from the Equity Landscape's
	// published Build 1 metrics schema, false when this project chose it.
	WeightPublished bool
	// GrowthOf, for a growth input, is the indicator whose year-over-year rate
	// it is; its own observations are never stored.
	GrowthOf string
	// Per, when set, is a context indicator the raw value is divided by before
	// ranking (grants are ranked per US$ of GDP per capita, PPP).
	Per string
	// SourceID and Modeled describe the dataset the indicator was loaded from,
	// not the catalog: an import replaces them.
	SourceID string
	Modeled  bool
}

// MostRecent reports whether a year without a figure of the indicator takes
// the most recent earlier one, as the World Bank's "most recent value" and
// the Foundation's pipeline do: the Access inputs, national statistics
// published for some years only. Such a figure keeps its own year
// (Provenance), and its decades of figures do not make the explorer's years.
func (i Indicator) MostRecent() bool { return i.Domain == Access && i.Facet != Context }

// Derived reports whether the indicator's values are computed from another
// indicator rather than observed.
func (i Indicator) Derived() bool { return i.GrowthOf != "" }

// Catalog indicator ids. Context inputs are shared by several parts of the
// program (the grants ratio, representation, the filter language). Internet
// users and mobile subscriptions are scored inputs of Access now, and keep
// their context ids so that databases and long CSVs that name them still do.
const (
	IndPopulation = "context.population"
	IndInternet   = "context.internet_pct"
	IndLiteracy   = "context.literacy_pct"
	IndGDPPerCap  = "context.gdp_pc_ppp"
	IndMobile     = "context.mobile_per100"

	IndDevices        = "readership.devices"
	IndPageviews      = "readership.pageviews"
	IndWPEditors      = "editorship.wp_editors"
	IndAllEditors     = "editorship.all_editors"
	IndVeryActive     = "editorship.very_active_pct"
	IndOrganizers     = "programs.organizers"
	IndParticipants   = "programs.participants"
	IndProgramGrants  = "programs.grants"
	IndGrantsHistUSD  = "grants.historic_usd"
	IndGrantsYearUSD  = "grants.annual_usd"
	IndGrantsHistN    = "grants.historic_count"
	IndGrantsYearN    = "grants.annual_count"
	IndAffiliates     = "affiliates.count"
	IndAffMaxSize     = "affiliates.max_size"
	IndAffTenure      = "affiliates.tenure_years"
	IndAffGovernance  = "affiliates.governance"
	IndAffSizeGrowth  = "affiliates.size_change"
	growthSuffix      = "_growth"
	growthUnit        = "% / year"
	growthDefinition  = "Year-over-year change of "
	growthZeroBaseDef = "; missing when the previous year is zero or absent."
)

// Catalog returns every input of the Equity Landscape as this project
// implements it: the published Build 1 schema for readership, editorship,
// programs and grants presence; project-defined inputs where the schema is
// silent (grants growth, affiliates); and the context inputs. Source and
// Modeled are left empty: they belong to a dataset.
func Catalog() []Indicator {
	presence := []Indicator{
		{ID: IndDevices, Domain: Readership, Facet: Presence, Name: "Unique devices", Unit: "devices / month",
			Definition: "Average monthly unique devices reading any Wikimedia project from the country.", Weight: 50, WeightPublished: true},
		{ID: IndPageviews, Domain: Readership, Facet: Presence, Name: "Pageviews", Unit: "pageviews / month",
			Definition: "Average monthly pageviews of all Wikimedia projects from the country.", Weight: 50, WeightPublished: true},

		{ID: IndWPEditors, Domain: Editorship, Facet: Presence, Name: "Wikipedia editors", Unit: "editors / month",
			Definition: "Average monthly active editors (5 or more edits in the month) of any Wikipedia, located in the country.", Weight: 33.3, WeightPublished: true},
		{ID: IndAllEditors, Domain: Editorship, Facet: Presence, Name: "All-project editors", Unit: "editors / month",
			Definition: "Average monthly active editors (5 or more edits in the month) of any Wikimedia project, located in the country.", Weight: 33.3, WeightPublished: true},
		{ID: IndVeryActive, Domain: Editorship, Facet: Presence, Name: "Very active share", Unit: "% of active editors",
			Definition: "Share of the country's active editors who are very active (100 or more edits in the month). The published input is the share of editors who are active or very active; the public Geoeditors release counts only active editors, so this project uses the very active share of them.", Weight: 33.3, WeightPublished: true},

		{ID: IndOrganizers, Domain: Programs, Facet: Presence, Name: "Event organizers", Unit: "people / year",
			Definition: "People who organised at least one Wikimedia event or program in the country during the year.", Weight: 33.3, WeightPublished: true},
		{ID: IndParticipants, Domain: Programs, Facet: Presence, Name: "Event participants", Unit: "people / year",
			Definition: "People who took part in Wikimedia events or programs in the country during the year.", Weight: 33.3, WeightPublished: true},
		{ID: IndProgramGrants, Domain: Programs, Facet: Presence, Name: "Non-affiliate program grants", Unit: "grants / year",
			Definition: "Program grants made during the year to individuals and groups in the country that are not affiliates.", Weight: 33.3, WeightPublished: true},

		{ID: IndGrantsHistUSD, Domain: Grants, Facet: Presence, Name: "Historic grants (USD)", Unit: "US$, ranked ÷ GDP per capita PPP", Per: IndGDPPerCap,
			Definition: "All Wikimedia Foundation grant dollars to the country's communities up to and including the year, divided by GDP per capita (PPP) so that a dollar counts for what it buys there.", Weight: 33.3, WeightPublished: true},
		{ID: IndGrantsYearUSD, Domain: Grants, Facet: Presence, Name: "Annual grants (USD)", Unit: "US$, ranked ÷ GDP per capita PPP", Per: IndGDPPerCap,
			Definition: "Wikimedia Foundation grant dollars to the country's communities during the year, divided by GDP per capita (PPP).", Weight: 33.3, WeightPublished: true},
		{ID: IndGrantsHistN, Domain: Grants, Facet: Presence, Name: "Historic grant count", Unit: "grants",
			Definition: "Number of Wikimedia Foundation grants to the country's communities up to and including the year.", Weight: 16.7, WeightPublished: true},
		{ID: IndGrantsYearN, Domain: Grants, Facet: Presence, Name: "Annual grant count", Unit: "grants / year",
			Definition: "Number of Wikimedia Foundation grants to the country's communities during the year.", Weight: 16.7, WeightPublished: true},

		// The affiliates inputs are the Foundation's pipeline's
		// (analytics-refinery, affiliate_leadership_input_metrics.hql), so
		// that a user's own affiliates figures fit them; the weights are
		// this project's.
		{ID: IndAffiliates, Domain: Affiliates, Facet: Presence, Name: "Affiliates", Unit: "affiliates",
			Definition: "Recognised Wikimedia affiliates (chapters, thematic organisations, user groups) based in the country at the end of the year.", Weight: 30},
		{ID: IndAffMaxSize, Domain: Affiliates, Facet: Presence, Name: "Largest affiliate size", Unit: "size class 1–5",
			Definition: "The size class of the country's largest affiliate by members, 1 (smallest) to 5 (largest); 0 without an affiliate.", Weight: 25},
		{ID: IndAffTenure, Domain: Affiliates, Facet: Presence, Name: "Affiliate tenure", Unit: "years",
			Definition: "Years from the recognition of the country's first affiliate to the end of the year: how long organised communities have existed there.", Weight: 25},
		{ID: IndAffGovernance, Domain: Affiliates, Facet: Presence, Name: "Affiliate governance", Unit: "type 0–2",
			Definition: "The most formal governance among the country's affiliates: 0 none, 1 by consensus, 2 an elected board.", Weight: 20},

		{ID: IndInternet, Domain: Access, Facet: Presence, Name: "Internet users", Unit: "% of population",
			Definition: "Share of the population using the internet (World Bank IT.NET.USER.ZS); a year without a figure takes the most recent earlier one, shown with its own year.", Weight: 50},
		{ID: IndMobile, Domain: Access, Facet: Presence, Name: "Mobile subscriptions", Unit: "per 100 people",
			Definition: "Mobile cellular subscriptions per 100 people (World Bank IT.CEL.SETS.P2); one person may hold several. A year without a figure takes the most recent earlier one, shown with its own year.", Weight: 50},
	}

	byID := make(map[string]Indicator, len(presence))
	for _, p := range presence {
		byID[p.ID] = p
	}
	growth := []Indicator{
		growthOf(byID[IndDevices], 50, true),
		growthOf(byID[IndPageviews], 50, true),
		growthOf(byID[IndWPEditors], 50, true),
		growthOf(byID[IndAllEditors], 50, true),
		growthOf(byID[IndGrantsYearUSD], 50, false),
		growthOf(byID[IndGrantsYearN], 50, false),
		growthOf(byID[IndInternet], 50, false),
		growthOf(byID[IndMobile], 50, false),
		// Observed, not computed: the pipeline's size growth (size_growth)
		// is each affiliate's change of size class, the largest taken. Its
		// id does not end in _growth, which names the computed rates.
		{ID: IndAffSizeGrowth, Domain: Affiliates, Facet: Growth, Name: "Affiliate size growth", Unit: "size classes / year",
			Definition: "The largest change of size class during the year among the country's affiliates (+1: one moved up a class); missing without an affiliate the year before.", Weight: 100},
	}

	context := []Indicator{
		{ID: IndPopulation, Domain: Population, Facet: Context, Name: "Population", Unit: "people",
			Definition: "People living in the country."},
		{ID: IndLiteracy, Domain: Access, Facet: Context, Name: "Literacy", Unit: "% of population",
			Definition: "Share of the population that can read and write."},
		{ID: IndGDPPerCap, Domain: Economy, Facet: Context, Name: "GDP per capita (PPP)", Unit: "US$",
			Definition: "Gross domestic product at purchasing power parity, divided by population."},
	}

	// Listed domain by domain, presence before growth, as screens show them.
	var out []Indicator
	for _, d := range Domains() {
		for _, list := range [][]Indicator{presence, growth} {
			for _, ind := range list {
				if ind.Domain == d.ID {
					out = append(out, ind)
				}
			}
		}
	}
	return append(out, context...)
}

// growthOf builds the growth input that rates a presence input year over year.
// The rate is of the raw observation, before any Per division, because GDP
// per capita is a single figure for most countries and would cancel anyway.
func growthOf(p Indicator, weight float64, published bool) Indicator {
	name := p.Name
	def := growthDefinition + lowerFirst(name) + growthZeroBaseDef
	if p.MostRecent() {
		def = growthDefinition + lowerFirst(name) + ", from the figure of the year before the most recent one to the most recent one at or before the year; missing when either is absent or the first is zero."
	}
	return Indicator{
		ID:              p.ID + growthSuffix,
		Domain:          p.Domain,
		Facet:           Growth,
		Name:            name + " growth",
		Unit:            growthUnit,
		Definition:      def,
		Weight:          weight,
		WeightPublished: published,
		GrowthOf:        p.ID,
	}
}

func lowerFirst(s string) string {
	if s == "" || strings.HasPrefix(s, "Wikipedia") {
		return s
	}
	b := []byte(s)
	if b[0] >= 'A' && b[0] <= 'Z' {
		b[0] += 'a' - 'A'
	}
	return string(b)
}
