package model

import "strings"

// DomainID names a domain of the Equity Landscape. Scored domains have
// presence (and sometimes growth) inputs; context domains are shown beside the
// scores and never folded into them.
type DomainID string

// The scored domains, in the order the Equity Landscape lists them.
const (
	Readership DomainID = "readership"
	Editorship DomainID = "editorship"
	Programs   DomainID = "programs"
	Grants     DomainID = "grants"
	Affiliates DomainID = "affiliates"
)

// The context domains.
const (
	Population DomainID = "population"
	Access     DomainID = "access"
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
		{Affiliates, "Affiliates Leadership", "Affil.", "How many recognised Wikimedia affiliates the country hosts, how long they have existed and how many members they have. Project-defined: the Equity Landscape has not published this domain's inputs.", false},
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

// Derived reports whether the indicator's values are computed from another
// indicator rather than observed.
func (i Indicator) Derived() bool { return i.GrowthOf != "" }

// Catalog indicator ids. Context inputs are shared by several parts of the
// program (the grants ratio, representation, the filter language).
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
	IndAffTenure      = "affiliates.tenure_years"
	IndAffMembers     = "affiliates.members"
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

		{ID: IndAffiliates, Domain: Affiliates, Facet: Presence, Name: "Affiliates", Unit: "affiliates",
			Definition: "Recognised Wikimedia affiliates (chapters, thematic organisations, user groups) based in the country at the end of the year.", Weight: 40},
		{ID: IndAffTenure, Domain: Affiliates, Facet: Presence, Name: "Affiliate tenure", Unit: "years",
			Definition: "Years since recognition, summed over the country's affiliates: how long organised communities have existed there.", Weight: 30},
		{ID: IndAffMembers, Domain: Affiliates, Facet: Presence, Name: "Affiliate members", Unit: "people",
			Definition: "Members reported by the country's affiliates at the end of the year.", Weight: 30},
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
		growthOf(byID[IndAffMembers], 100, false),
	}

	context := []Indicator{
		{ID: IndPopulation, Domain: Population, Facet: Context, Name: "Population", Unit: "people",
			Definition: "People living in the country."},
		{ID: IndInternet, Domain: Access, Facet: Context, Name: "Internet users", Unit: "% of population",
			Definition: "Share of the population using the internet."},
		{ID: IndLiteracy, Domain: Access, Facet: Context, Name: "Literacy", Unit: "% of population",
			Definition: "Share of the population that can read and write."},
		{ID: IndGDPPerCap, Domain: Economy, Facet: Context, Name: "GDP per capita (PPP)", Unit: "US$",
			Definition: "Gross domestic product at purchasing power parity, divided by population."},
		{ID: IndMobile, Domain: Access, Facet: Context, Name: "Mobile subscriptions", Unit: "per 100 people",
			Definition: "Mobile cellular subscriptions per 100 people (World Bank IT.CEL.SETS.P2); one person may hold several."},
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
	return Indicator{
		ID:              p.ID + growthSuffix,
		Domain:          p.Domain,
		Facet:           Growth,
		Name:            name + " growth",
		Unit:            growthUnit,
		Definition:      growthDefinition + lowerFirst(name) + growthZeroBaseDef,
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
