package model_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/equitylandscape/equity/model"
)

// The hand-made dataset the profile tests are worked out on.
//
// Six countries (dataset order by name: AQ FR GH KE NG NO) in two regions,
// Antarctica in none. The indicators are the whole catalog, context ones
// listed first and backwards (Profile must follow ContextIndicators, not the
// dataset's order); only three scored inputs are observed:
//
//	             readership.devices   devices growth   programs 2024
//	             2023    2024         2024             organizers participants
//	AQ  —          10      12          +20%             —          —
//	FR  NWE      1000    1100          +10%            10        100
//	GH  SSA       100     150          +50%             4         90
//	KE  SSA       200     220          +10%             0          0   all zero: idle
//	NG  SSA       500     400          −20%             6         80
//	NO  NWE       800    1000          +25%             2         10
//
// Readership presence: one input of weight 50 out of 100 is present (exactly
// the half needed), so the mean is the devices rank, and the score ranks the
// means again: the same. Ranks of six values are 0, 20, 40, 60, 80, 100.
//
//	2023 and 2024 presence   AQ 0   GH 20   KE 40   NG 60   NO 80   FR 100
//	2024 growth (FR, KE tie at positions 1 and 2: 100 × 1.5 / 5 = 30)
//	                         NG 0   FR 30   KE 30   AQ 60   NO 80   GH 100
//	2024 overall = mean      AQ 30  FR 65   GH 60   KE 35   NG 30   NO 80
//	2023 overall = presence (no growth in the first year)
//
// Programs presence 2024: organizers and participants (33.3 each of 99.9,
// more than half) ranked among five; KE has only zeros and is not ranked.
//
//	organizers     KE 0  NO 25  GH 50  NG 75  FR 100
//	participants   KE 0  NO 25  NG 50  GH 75  FR 100
//	mean           NO 25  GH 62.5  NG 62.5  FR 100
//	score (of 4)   NO 0   GH 50    NG 50    FR 100   (GH, NG tie at 1.5 / 3)
//	overall = presence: Programs has no growth inputs
const (
	profRegionAfrica = "Sub-Saharan Africa"
	profRegionEurope = "Northern & Western Europe"
)

func profileParts() model.Parts {
	obs := func(iso2, ind string, year int, v float64) model.Observation {
		return model.Observation{ISO2: iso2, Indicator: ind, Year: year, Value: v}
	}
	var context, scored []model.Indicator
	for _, ind := range model.Catalog() {
		ind.SourceID = "sample"
		if ind.Facet == model.Context {
			context = append([]model.Indicator{ind}, context...)
		} else {
			ind.Modeled = true
			scored = append(scored, ind)
		}
	}
	return model.Parts{
		Meta:      model.Meta{Title: "profile fixture", Kind: model.KindSample},
		Sources:   []model.Source{{ID: "sample", Title: "Sample"}},
		Languages: map[string]string{"en": "English", "ha": "Hausa", "kr": "Kanuri", "nb": "Norwegian Bokmål", "se": "Northern Sami"},
		Wikis: []model.Wiki{
			{DB: "enwiki", Lang: "en", Project: "wikipedia", Status: "open"},
			{DB: "enwiktionary", Lang: "en", Project: "wiktionary", Status: "open"},
			{DB: "hawiki", Lang: "ha", Project: "wikipedia", Status: "open"},
			{DB: "krwiki", Lang: "kr", Project: "wikipedia", Status: "closed"},
			{DB: "nowiki", Lang: "no", Project: "wikipedia", Status: "open"},
			// a wiktionary is not a Wikipedia: Pidgin has none
			{DB: "pcmwiktionary", Lang: "pcm", Project: "wiktionary", Status: "open"},
		},
		Countries: []model.Country{
			{ISO2: "NG", ISO3: "NGA", Name: "Nigeria", WikimediaRegion: profRegionAfrica, Languages: []model.CountryLanguage{
				{Lang: "pcm", PopulationPct: 30},
				{Lang: "kr", PopulationPct: 4, OfficialStatus: "official_regional"},
				{Lang: "ha", PopulationPct: 30},
				{Lang: "en", PopulationPct: 53, OfficialStatus: "official"},
			}},
			{ISO2: "NO", ISO3: "NOR", Name: "Norway", WikimediaRegion: profRegionEurope, Languages: []model.CountryLanguage{
				{Lang: "se", PopulationPct: 0.5, OfficialStatus: "official_regional"},
				{Lang: "nb", PopulationPct: 95, OfficialStatus: "official"},
			}},
			{ISO2: "AQ", ISO3: "ATA", Name: "Antarctica"},
			{ISO2: "KE", ISO3: "KEN", Name: "Kenya", WikimediaRegion: profRegionAfrica},
			{ISO2: "GH", ISO3: "GHA", Name: "Ghana", WikimediaRegion: profRegionAfrica},
			{ISO2: "FR", ISO3: "FRA", Name: "France", WikimediaRegion: profRegionEurope},
		},
		Indicators: append(context, scored...),
		Observations: []model.Observation{
			obs("AQ", model.IndDevices, 2023, 10), obs("AQ", model.IndDevices, 2024, 12),
			obs("FR", model.IndDevices, 2023, 1000), obs("FR", model.IndDevices, 2024, 1100),
			obs("GH", model.IndDevices, 2023, 100), obs("GH", model.IndDevices, 2024, 150),
			obs("KE", model.IndDevices, 2023, 200), obs("KE", model.IndDevices, 2024, 220),
			obs("NG", model.IndDevices, 2023, 500), obs("NG", model.IndDevices, 2024, 400),
			obs("NO", model.IndDevices, 2023, 800), obs("NO", model.IndDevices, 2024, 1000),

			obs("FR", model.IndOrganizers, 2024, 10), obs("FR", model.IndParticipants, 2024, 100),
			obs("GH", model.IndOrganizers, 2024, 4), obs("GH", model.IndParticipants, 2024, 90),
			obs("KE", model.IndOrganizers, 2024, 0), obs("KE", model.IndParticipants, 2024, 0),
			obs("NG", model.IndOrganizers, 2024, 6), obs("NG", model.IndParticipants, 2024, 80),
			obs("NO", model.IndOrganizers, 2024, 2), obs("NO", model.IndParticipants, 2024, 10),

			// context: Nigeria's population in 2020, 2023 and 2025; internet
			// in 2014 only; no literacy; GDP per capita only after 2024
			obs("NG", model.IndPopulation, 2020, 200e6),
			obs("NG", model.IndPopulation, 2025, 230e6),
			obs("NG", model.IndPopulation, 2023, 220e6),
			obs("NG", model.IndInternet, 2014, 42.5),
			obs("NG", model.IndGDPPerCap, 2025, 5800),
			obs("NO", model.IndPopulation, 2024, 5.5e6),
			obs("NO", model.IndLiteracy, 2024, 100),
		},
	}
}

func profileDataset(t *testing.T) *model.Dataset {
	t.Helper()
	d, err := model.New(profileParts())
	if err != nil {
		t.Fatalf("New(profile fixture): %v", err)
	}
	d.SetScores(model.ComputeScores(d))
	return d
}

func profileOf(t *testing.T, d *model.Dataset, iso2 string, year int) model.Profile {
	t.Helper()
	c, ok := d.Country(iso2)
	if !ok {
		t.Fatalf("country %s not in the fixture", iso2)
	}
	p := d.Profile(c, year)
	if p.Country.ISO2 != iso2 || p.Year != year {
		t.Fatalf("Profile(%s, %d) is of %s in %d", iso2, year, p.Country.ISO2, p.Year)
	}
	return p
}

func TestProfileContext(t *testing.T) {
	d := profileDataset(t)
	type fig struct {
		id   string
		year int
		v    float64
		ok   bool
	}
	tests := []struct {
		iso2 string
		year int
		want []fig
	}{
		// the latest at or before the year: 2023 for 2024; a figure published
		// only after the year is the earliest one after it; a missing one is
		// listed, not OK
		{"NG", 2024, []fig{
			{model.IndPopulation, 2023, 220e6, true},
			{model.IndInternet, 2014, 42.5, true},
			{model.IndMobile, 0, 0, false},
			{model.IndLiteracy, 0, 0, false},
			{model.IndGDPPerCap, 2025, 5800, true},
		}},
		{"NG", 2023, []fig{
			{model.IndPopulation, 2023, 220e6, true},
			{model.IndInternet, 2014, 42.5, true},
			{model.IndMobile, 0, 0, false},
			{model.IndLiteracy, 0, 0, false},
			{model.IndGDPPerCap, 2025, 5800, true},
		}},
		{"NG", 2022, []fig{
			{model.IndPopulation, 2020, 200e6, true},
			{model.IndInternet, 2014, 42.5, true},
			{model.IndMobile, 0, 0, false},
			{model.IndLiteracy, 0, 0, false},
			{model.IndGDPPerCap, 2025, 5800, true},
		}},
		{"NG", 2030, []fig{
			{model.IndPopulation, 2025, 230e6, true},
			{model.IndInternet, 2014, 42.5, true},
			{model.IndMobile, 0, 0, false},
			{model.IndLiteracy, 0, 0, false},
			{model.IndGDPPerCap, 2025, 5800, true},
		}},
		{"NO", 2023, []fig{
			{model.IndPopulation, 2024, 5.5e6, true},
			{model.IndInternet, 0, 0, false},
			{model.IndMobile, 0, 0, false},
			{model.IndLiteracy, 2024, 100, true},
			{model.IndGDPPerCap, 0, 0, false},
		}},
		{"AQ", 2024, []fig{
			{model.IndPopulation, 0, 0, false},
			{model.IndInternet, 0, 0, false},
			{model.IndMobile, 0, 0, false},
			{model.IndLiteracy, 0, 0, false},
			{model.IndGDPPerCap, 0, 0, false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.iso2, func(t *testing.T) {
			p := profileOf(t, d, tt.iso2, tt.year)
			var got []fig
			for _, f := range p.Context {
				got = append(got, fig{f.Indicator.ID, f.Point.Year, f.Point.Value, f.OK})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Profile(%s, %d).Context =\n%v\nwant\n%v", tt.iso2, tt.year, got, tt.want)
			}
			// the figure carries its whole indicator, for its name and unit
			if len(p.Context) > 0 && (p.Context[0].Indicator.Name != "Population" || p.Context[0].Indicator.Unit != "people") {
				t.Errorf("first context indicator %+v, want Population in people", p.Context[0].Indicator)
			}
		})
	}
}

// A dataset without the context indicators profiles a country without them.
func TestProfileContextMissingIndicators(t *testing.T) {
	p := profileParts()
	var kept []model.Indicator
	for _, ind := range p.Indicators {
		if ind.ID != model.IndInternet && ind.ID != model.IndInternet+"_growth" && ind.ID != model.IndLiteracy {
			kept = append(kept, ind)
		}
	}
	p.Indicators = kept
	var obs []model.Observation
	for _, o := range p.Observations {
		if o.Indicator != model.IndInternet && o.Indicator != model.IndLiteracy {
			obs = append(obs, o)
		}
	}
	p.Observations = obs
	d, err := model.New(p)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range profileOf(t, d, "NG", 2024).Context {
		ids = append(ids, f.Indicator.ID)
	}
	if want := []string{model.IndPopulation, model.IndMobile, model.IndGDPPerCap}; !slices.Equal(ids, want) {
		t.Errorf("context of a dataset without internet and literacy = %v, want %v", ids, want)
	}
}

func TestProfileLanguages(t *testing.T) {
	d := profileDataset(t)
	enwiki := model.Wiki{DB: "enwiki", Lang: "en", Project: "wikipedia", Status: "open"}
	hawiki := model.Wiki{DB: "hawiki", Lang: "ha", Project: "wikipedia", Status: "open"}
	krwiki := model.Wiki{DB: "krwiki", Lang: "kr", Project: "wikipedia", Status: "closed"}
	nowiki := model.Wiki{DB: "nowiki", Lang: "no", Project: "wikipedia", Status: "open"}
	tests := []struct {
		iso2 string
		want []model.LanguageInfo
	}{
		// largest share first, then by code (ha before pcm at 30%)
		{"NG", []model.LanguageInfo{
			{CountryLanguage: model.CountryLanguage{Lang: "en", PopulationPct: 53, OfficialStatus: "official"}, Name: "English", Wikipedia: enwiki, HasWiki: true},
			{CountryLanguage: model.CountryLanguage{Lang: "ha", PopulationPct: 30}, Name: "Hausa", Wikipedia: hawiki, HasWiki: true},
			// no name and no Wikipedia (its wiktionary does not count)
			{CountryLanguage: model.CountryLanguage{Lang: "pcm", PopulationPct: 30}, Name: "pcm"},
			// a closed Wikipedia is still its Wikipedia
			{CountryLanguage: model.CountryLanguage{Lang: "kr", PopulationPct: 4, OfficialStatus: "official_regional"}, Name: "Kanuri", Wikipedia: krwiki, HasWiki: true},
		}},
		// Norwegian Bokmål ("nb") is read on the "no" Wikipedia
		{"NO", []model.LanguageInfo{
			{CountryLanguage: model.CountryLanguage{Lang: "nb", PopulationPct: 95, OfficialStatus: "official"}, Name: "Norwegian Bokmål", Wikipedia: nowiki, HasWiki: true},
			{CountryLanguage: model.CountryLanguage{Lang: "se", PopulationPct: 0.5, OfficialStatus: "official_regional"}, Name: "Northern Sami"},
		}},
		{"AQ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.iso2, func(t *testing.T) {
			got := profileOf(t, d, tt.iso2, 2024).Languages
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Languages of %s =\n%+v\nwant\n%+v", tt.iso2, got, tt.want)
			}
		})
	}
	if l := profileOf(t, d, "NG", 2024).Languages; len(l) == 4 && (!l[0].Wikipedia.Open() || l[3].Wikipedia.Open()) {
		t.Errorf("enwiki open %v, krwiki open %v; want true, false", l[0].Wikipedia.Open(), l[3].Wikipedia.Open())
	}
}

func TestProfileDomains(t *testing.T) {
	d := profileDataset(t)
	p := profileOf(t, d, "NG", 2024)
	var ids []model.DomainID
	var growth []bool
	for _, dp := range p.Domains {
		ids = append(ids, dp.Domain.ID)
		growth = append(growth, dp.HasGrowth)
	}
	if want := []model.DomainID{"readership", "editorship", "programs", "grants", "affiliates", "access"}; !slices.Equal(ids, want) {
		t.Fatalf("Domains = %v, want one per scored domain in order %v", ids, want)
	}
	// every domain of the catalog has growth inputs but Programs
	if want := []bool{true, true, false, true, true, true}; !slices.Equal(growth, want) {
		t.Errorf("HasGrowth = %v, want %v", growth, want)
	}
	if p.Domains[2].Domain.Name != "Programs & Events Leadership" {
		t.Errorf("Domains[2] is %q, want the whole Domain of Programs", p.Domains[2].Domain.Name)
	}
}

// score is what a test expects of a FacetScore: no score at all, or a score
// with its standings.
type facetWant struct {
	ok              bool
	v               float64
	region, world   model.Standing
	explainedFacet  model.Facet // "" when no explanation is expected
	explainedScored bool
}

func TestProfileScores(t *testing.T) {
	d := profileDataset(t)
	none := facetWant{}
	st := func(pos, of int) model.Standing { return model.Standing{Pos: pos, Of: of} }
	tests := []struct {
		name                      string
		iso2                      string
		year                      int
		domain                    model.DomainID
		presence, growth, overall facetWant
		trend                     []model.Point
	}{
		// NG 2024 readership: presence 60 (region GH 20, KE 40, NG 60: first
		// of 3; world: NO 80 and FR 100 above: third of 6); growth 0, last
		// everywhere; overall 30, below FR 65, GH 60, KE 35, NO 80, level
		// with AQ 30: fifth of 6 in the world, third of 3 in the region
		{"NG readership 2024", "NG", 2024, model.Readership,
			facetWant{true, 60, st(1, 3), st(3, 6), model.Presence, true},
			facetWant{true, 0, st(3, 3), st(6, 6), model.Growth, true},
			facetWant{true, 30, st(3, 3), st(5, 6), "", false},
			[]model.Point{{Year: 2023, Value: 60}, {Year: 2024, Value: 30}}},
		// the first year has no growth: overall is presence alone
		{"NG readership 2023", "NG", 2023, model.Readership,
			facetWant{true, 60, st(1, 3), st(3, 6), model.Presence, true},
			facetWant{false, 0, st(0, 0), st(0, 0), model.Growth, false},
			facetWant{true, 60, st(1, 3), st(3, 6), "", false},
			[]model.Point{{Year: 2023, Value: 60}, {Year: 2024, Value: 30}}},
		// NG programs: 50, level with GH; FR 100 above; KE idle, AQ without
		// inputs: second of 4 in the world, first of 2 in the region
		{"NG programs 2024", "NG", 2024, model.Programs,
			facetWant{true, 50, st(1, 2), st(2, 4), model.Presence, true},
			none, // no growth facet, no explanation
			facetWant{true, 50, st(1, 2), st(2, 4), "", false},
			[]model.Point{{Year: 2024, Value: 50}}},
		// no programs in 2023 at all
		{"NG programs 2023", "NG", 2023, model.Programs,
			facetWant{false, 0, st(0, 0), st(0, 0), model.Presence, false},
			none,
			none,
			[]model.Point{{Year: 2024, Value: 50}}},
		// nothing observed: no score, but an explanation of why
		{"NG editorship 2024", "NG", 2024, model.Editorship,
			facetWant{false, 0, st(0, 0), st(0, 0), model.Presence, false},
			facetWant{false, 0, st(0, 0), st(0, 0), model.Growth, false},
			none,
			nil},
		// FR: presence 100 first everywhere; growth 30 level with KE: NO 80,
		// GH 100, AQ 60 above: fourth of 6, NO above: second of 2; overall 65
		// below NO 80 only
		{"FR readership 2024", "FR", 2024, model.Readership,
			facetWant{true, 100, st(1, 2), st(1, 6), model.Presence, true},
			facetWant{true, 30, st(2, 2), st(4, 6), model.Growth, true},
			facetWant{true, 65, st(2, 2), st(2, 6), "", false},
			[]model.Point{{Year: 2023, Value: 100}, {Year: 2024, Value: 65}}},
		// KE: only zeros in programs: no activity, no score
		{"KE programs 2024", "KE", 2024, model.Programs,
			facetWant{false, 0, st(0, 0), st(0, 0), model.Presence, false},
			none,
			none,
			nil},
		// Antarctica has no region: world standings only
		{"AQ readership 2024", "AQ", 2024, model.Readership,
			facetWant{true, 0, st(0, 0), st(6, 6), model.Presence, true},
			facetWant{true, 60, st(0, 0), st(3, 6), model.Growth, true},
			facetWant{true, 30, st(0, 0), st(5, 6), "", false},
			[]model.Point{{Year: 2023, Value: 0}, {Year: 2024, Value: 30}}},
		{"AQ programs 2024", "AQ", 2024, model.Programs,
			facetWant{false, 0, st(0, 0), st(0, 0), model.Presence, false},
			none,
			none,
			nil},
	}
	check := func(t *testing.T, what string, got model.FacetScore, want facetWant, dom model.DomainID, year int) {
		t.Helper()
		if got.OK != want.ok || !same(got.Score, want.v) || got.InRegion != want.region || got.InWorld != want.world {
			t.Errorf("%s = %v (ok %v), in region %v, in world %v; want %v (ok %v), %v, %v",
				what, got.Score, got.OK, got.InRegion, got.InWorld, want.v, want.ok, want.region, want.world)
		}
		e := got.Explanation
		if want.explainedFacet == "" {
			if !reflect.DeepEqual(e, model.Explanation{}) {
				t.Errorf("%s has an explanation %+v; want none", what, e)
			}
			return
		}
		if e.Domain != dom || e.Facet != want.explainedFacet || e.Year != year || e.HasScore != want.explainedScored {
			t.Errorf("%s explained as %s %s %d (has score %v); want %s %s %d (%v)",
				what, e.Domain, e.Facet, e.Year, e.HasScore, dom, want.explainedFacet, year, want.explainedScored)
		}
		if e.HasScore && !same(e.Score, want.v) {
			t.Errorf("%s explanation score %v, want %v", what, e.Score, want.v)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := profileOf(t, d, tt.iso2, tt.year)
			var dp *model.DomainProfile
			for i := range p.Domains {
				if p.Domains[i].Domain.ID == tt.domain {
					dp = &p.Domains[i]
				}
			}
			if dp == nil {
				t.Fatalf("no %s in the profile", tt.domain)
			}
			check(t, "presence", dp.Presence, tt.presence, tt.domain, tt.year)
			check(t, "growth", dp.Growth, tt.growth, tt.domain, tt.year)
			check(t, "overall", dp.Overall, tt.overall, tt.domain, tt.year)
			if len(dp.Trend) != len(tt.trend) {
				t.Fatalf("Trend = %v, want %v", dp.Trend, tt.trend)
			}
			for i := range tt.trend {
				if dp.Trend[i].Year != tt.trend[i].Year || !same(dp.Trend[i].Value, tt.trend[i].Value) {
					t.Errorf("Trend = %v, want %v", dp.Trend, tt.trend)
					break
				}
			}
		})
	}
}

// The explanation inside a profile is the whole of it, inputs included.
func TestProfileExplanation(t *testing.T) {
	d := profileDataset(t)
	p := profileOf(t, d, "NG", 2024)
	read := p.Domains[0]
	devices, _ := d.Indicator(model.IndDevices)
	pageviews, _ := d.Indicator(model.IndPageviews)
	want := model.Explanation{
		Domain: model.Readership, Facet: model.Presence, Year: 2024,
		Inputs: []model.InputExplanation{
			// 400 devices, fourth lowest of six: 100 × 3 / 5 = 60
			{Indicator: devices, Value: 400, Present: true, Rank: 60, Among: 6, Weight: 50, Share: 1, Contribution: 60},
			{Indicator: pageviews, Among: 0, Weight: 50},
		},
		PresentWeight: 50, TotalWeight: 100, Mean: 60, Score: 60, Among: 6, HasScore: true,
	}
	if !reflect.DeepEqual(read.Presence.Explanation, want) {
		t.Errorf("NG readership presence explanation =\n%+v\nwant\n%+v", read.Presence.Explanation, want)
	}
	g := read.Growth.Explanation
	if len(g.Inputs) != 2 || g.Inputs[0].Indicator.ID != "readership.devices_growth" || !same(g.Inputs[0].Value, -20) ||
		!same(g.Inputs[0].Rank, 0) || g.Inputs[0].Among != 6 || g.Inputs[1].Present || g.Among != 6 {
		t.Errorf("NG readership growth explanation = %+v; want devices growth −20%% ranked 0 of 6, pageviews growth absent", g)
	}
	// KE's programs: every input zero, so idle, not ranked
	ke := profileOf(t, d, "KE", 2024).Domains[2].Presence.Explanation
	if !ke.Idle || ke.HasScore || ke.Among != 4 || !same(ke.PresentWeight, 66.6) {
		t.Errorf("KE programs presence explanation: idle %v, has score %v, among %d, present weight %v; want true, false, 4, 66.6",
			ke.Idle, ke.HasScore, ke.Among, ke.PresentWeight)
	}
}

func TestLanguageNamed(t *testing.T) {
	tests := []struct {
		code, name, want string
	}{
		{"ha", "Hausa", "Hausa"},
		{"fuv", "fuv", model.NoNameNote}, // LanguageName falls back to the code
		{"amo", "", model.NoNameNote},
	}
	for _, tt := range tests {
		l := model.LanguageInfo{CountryLanguage: model.CountryLanguage{Lang: tt.code}, Name: tt.name}
		if got := l.Named(); got != tt.want {
			t.Errorf("%s %q: Named() = %q, want %q", tt.code, tt.name, got, tt.want)
		}
	}
}
