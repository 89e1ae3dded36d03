package model_test

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
)

func TestNewRefuses(t *testing.T) {
	tests := []struct {
		name    string
		change  func(p *model.Parts)
		mention string // the error names the culprit
	}{
		{"duplicate country", func(p *model.Parts) {
			p.Countries = append(p.Countries, model.Country{ISO2: "BR", ISO3: "BRA", Name: "Brasil"})
		}, "BR"},
		{"duplicate indicator", func(p *model.Parts) {
			p.Indicators = append(p.Indicators, model.Indicator{ID: indEvents, Domain: model.Readership, Facet: model.Presence, Weight: 1})
		}, indEvents},
		{"growth of an unknown indicator", func(p *model.Parts) {
			p.Indicators = append(p.Indicators, model.Indicator{ID: "ind.x_growth", Domain: model.Readership, Facet: model.Growth, Weight: 1, GrowthOf: "ind.x"})
		}, "ind.x"},
		{"observation of an unknown country", func(p *model.Parts) {
			p.Observations = append(p.Observations, model.Observation{ISO2: "ZZ", Indicator: indDevices, Year: 2020, Value: 1})
		}, "ZZ"},
		{"observation of an unknown indicator", func(p *model.Parts) {
			p.Observations = append(p.Observations, model.Observation{ISO2: "BR", Indicator: "ind.nothing", Year: 2020, Value: 1})
		}, "ind.nothing"},
		{"observation of a derived indicator", func(p *model.Parts) {
			p.Observations = append(p.Observations, model.Observation{ISO2: "BR", Indicator: indGrowth, Year: 2021, Value: 50})
		}, indGrowth},
		{"two values for one country, indicator and year", func(p *model.Parts) {
			p.Observations = append(p.Observations, model.Observation{ISO2: "FR", Indicator: indEvents, Year: 2021, Value: 9})
		}, "2021"},
		{"two values for one year side by side, in one run", func(p *model.Parts) {
			i := slices.IndexFunc(p.Observations, func(o model.Observation) bool {
				return o.ISO2 == "FR" && o.Indicator == indEvents && o.Year == 2021
			})
			p.Observations = slices.Insert(p.Observations, i+1, p.Observations[i])
		}, "2021"},
		{"a value that is not a number", func(p *model.Parts) {
			p.Observations = append(p.Observations, model.Observation{ISO2: "BR", Indicator: indEvents, Year: 2019, Value: math.NaN()})
		}, "not a number"},
		{"an infinite value", func(p *model.Parts) {
			p.Observations = append(p.Observations, model.Observation{ISO2: "BR", Indicator: indEvents, Year: 2019, Value: math.Inf(1)})
		}, "not a number"},
		{"two context values in one year", func(p *model.Parts) {
			p.Observations = append(p.Observations, model.Observation{ISO2: "KE", Indicator: indGDP, Year: 2020, Value: 3})
		}, indGDP},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := fixtureParts()
			tt.change(&p)
			d, err := model.New(p)
			if err == nil {
				t.Fatalf("New accepted the parts (%d countries)", len(d.Countries))
			}
			if !strings.Contains(err.Error(), tt.mention) {
				t.Errorf("error %q does not mention %q", err, tt.mention)
			}
		})
	}
}

func TestNewIndexes(t *testing.T) {
	d := fixture(t)
	var names []string
	for _, c := range d.Countries {
		names = append(names, c.Name)
	}
	if want := []string{"Brazil", "Chile", "France", "Kenya", "Nigeria"}; !slices.Equal(names, want) {
		t.Errorf("Countries = %v, want sorted by name %v", names, want)
	}
	if c, ok := d.Country("KE"); !ok || c.Name != "Kenya" {
		t.Errorf("Country(KE) = %+v, %v", c, ok)
	}
	if _, ok := d.Country("ke"); ok {
		t.Errorf("Country is an exact ISO2 lookup; lower case is FindCountry's job")
	}
	if _, ok := d.Country("ZZ"); ok {
		t.Errorf("Country(ZZ) found")
	}
	if s, ok := d.Source("sample"); !ok || s.Title != "Sample" {
		t.Errorf("Source(sample) = %+v, %v", s, ok)
	}
	if v, ok := d.Value("CL", indEvents, 2021); !ok || v != 7 {
		t.Errorf("Value(CL, events, 2021) = %v, %v; want 7", v, ok)
	}
	// context figures of 2019 and 2022 are not activity years; devices/grants/events give 2020 and 2021
	if !slices.Equal(d.Years, []int{2020, 2021}) {
		t.Errorf("Years = %v, want [2020 2021]", d.Years)
	}
	if d.LatestYear() != 2021 || !d.HasYear(2020) || d.HasYear(2019) || d.HasYear(2022) {
		t.Errorf("LatestYear %d, HasYear 2020/2019/2022 = %v/%v/%v", d.LatestYear(), d.HasYear(2020), d.HasYear(2019), d.HasYear(2022))
	}
	// inputs in catalog order with a weight; the context indicator is not an input
	var ids []string
	for _, ind := range d.Inputs(model.Readership, model.Presence) {
		ids = append(ids, ind.ID)
	}
	if want := []string{indDevices, indGrants, indEvents}; !slices.Equal(ids, want) {
		t.Errorf("Inputs(readership, presence) = %v, want %v", ids, want)
	}
	if !d.HasFacet(model.Readership, model.Growth) || d.HasFacet(model.Editorship, model.Presence) {
		t.Errorf("HasFacet readership growth %v, editorship presence %v; want true, false",
			d.HasFacet(model.Readership, model.Growth), d.HasFacet(model.Editorship, model.Presence))
	}
	if !d.Modeled() {
		t.Errorf("Modeled() = false with modeled devices")
	}
}

// An input without weight is listed in the catalog but never scored.
func TestInputsSkipUnweighted(t *testing.T) {
	p := fixtureParts()
	p.Indicators = append(p.Indicators,
		model.Indicator{ID: "ind.unweighted", Domain: model.Readership, Facet: model.Presence, Name: "Unweighted"},
		model.Indicator{ID: "ed.unweighted", Domain: model.Editorship, Facet: model.Presence, Name: "Unweighted"},
	)
	p.Observations = append(p.Observations, model.Observation{ISO2: "BR", Indicator: "ind.unweighted", Year: 2020, Value: 1})
	d, err := model.New(p)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, ind := range d.Inputs(model.Readership, model.Presence) {
		ids = append(ids, ind.ID)
	}
	if want := []string{indDevices, indGrants, indEvents}; !slices.Equal(ids, want) {
		t.Errorf("Inputs(readership, presence) = %v, want %v", ids, want)
	}
	if d.HasFacet(model.Editorship, model.Presence) {
		t.Errorf("HasFacet(editorship, presence) with only an unweighted input")
	}
	// the unweighted input changes no score: BR presence 2020 is still 200/3
	if e := d.RankFacet(model.Readership, model.Presence, 2020).Explain("BR"); !same(e.Score, 200.0/3) || e.TotalWeight != 100 {
		t.Errorf("BR presence 2020 = %v of total weight %v, want 200/3 of 100", e.Score, e.TotalWeight)
	}
}

func TestYearsIgnoreContext(t *testing.T) {
	p := model.Parts{
		Countries: []model.Country{{ISO2: "FR", Name: "France"}},
		Indicators: []model.Indicator{
			{ID: "a", Domain: model.Readership, Facet: model.Presence, Weight: 1},
			{ID: "pop", Domain: model.Population, Facet: model.Context},
		},
		Observations: []model.Observation{
			{ISO2: "FR", Indicator: "pop", Year: 2010, Value: 1},
			{ISO2: "FR", Indicator: "a", Year: 2023, Value: 1},
			{ISO2: "FR", Indicator: "pop", Year: 2030, Value: 1},
			{ISO2: "FR", Indicator: "a", Year: 2019, Value: 1},
			{ISO2: "FR", Indicator: "a", Year: 2021, Value: 1},
		},
	}
	d, err := model.New(p)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{2019, 2021, 2023}; !slices.Equal(d.Years, want) {
		t.Errorf("Years = %v, want %v (ascending, no context years)", d.Years, want)
	}
	// only context data: no year to score
	p.Observations = []model.Observation{{ISO2: "FR", Indicator: "pop", Year: 2010, Value: 1}}
	if d, err = model.New(p); err != nil {
		t.Fatal(err)
	}
	if len(d.Years) != 0 || d.LatestYear() != 0 || d.Modeled() {
		t.Errorf("context-only dataset: Years %v, LatestYear %d, Modeled %v", d.Years, d.LatestYear(), d.Modeled())
	}
}

func TestSeries(t *testing.T) {
	d := fixture(t)
	// given out of order (2021 before 2019), stored ascending
	s := bareSeries(d.Series("BR", indGDP))
	if want := (model.Series{{Year: 2019, Value: 10}, {Year: 2021, Value: 20}}); !slices.Equal(s, want) {
		t.Fatalf("Series(BR, gdp) = %v, want %v", s, want)
	}
	if s := d.Series("NG", indGDP); len(s) != 0 {
		t.Errorf("Series(NG, gdp) = %v, want empty", s)
	}

	s = model.Series{{Year: 2015, Value: 1}, {Year: 2018, Value: 2}, {Year: 2020, Value: 3}}
	at := []struct {
		year int
		want float64
		ok   bool
	}{
		{2014, 0, false}, // before the first year
		{2015, 1, true},
		{2016, 0, false}, // between: At is exact, never the nearest
		{2018, 2, true},
		{2020, 3, true},
		{2021, 0, false}, // after the last
	}
	for _, tt := range at {
		if v, ok := s.At(tt.year); ok != tt.ok || v != tt.want {
			t.Errorf("At(%d) = %v, %v; want %v, %v", tt.year, v, ok, tt.want, tt.ok)
		}
	}
	latest := []struct {
		year int
		want model.Point
	}{
		{2010, model.Point{Year: 2015, Value: 1}}, // before the first: the earliest after
		{2015, model.Point{Year: 2015, Value: 1}},
		{2017, model.Point{Year: 2015, Value: 1}}, // between: the latest before, not the nearest (2018)
		{2018, model.Point{Year: 2018, Value: 2}},
		{2019, model.Point{Year: 2018, Value: 2}},
		{2025, model.Point{Year: 2020, Value: 3}}, // after the last: the last
	}
	for _, tt := range latest {
		if p, ok := s.Latest(tt.year); !ok || p != tt.want {
			t.Errorf("Latest(%d) = %+v, %v; want %+v", tt.year, p, ok, tt.want)
		}
	}
	if p, ok := (model.Series{}).Latest(2020); ok {
		t.Errorf("empty Latest = %+v, true", p)
	}
	if _, ok := (model.Series{}).At(2020); ok {
		t.Errorf("empty At found a value")
	}
	// ContextAt is Latest over the dataset's series
	if p, ok := d.ContextAt("CL", indGDP, 2020); !ok || bare(p) != (model.Point{Year: 2022, Value: 5}) {
		t.Errorf("ContextAt(CL, gdp, 2020) = %+v, %v; want {2022 5}", p, ok)
	}
}

func TestGrowthInheritsFromRatedInput(t *testing.T) {
	p := fixtureParts()
	for i := range p.Indicators {
		if p.Indicators[i].ID == indGrowth {
			// whatever the growth input claims is replaced by its base's
			p.Indicators[i].Modeled = false
			p.Indicators[i].SourceID = "stale"
		}
	}
	// a second growth input rating a real (not modeled) input
	p.Indicators = append(p.Indicators, model.Indicator{
		ID: indEvents + "_growth", Domain: model.Readership, Facet: model.Growth, Weight: 1,
		GrowthOf: indEvents, Modeled: true, SourceID: "stale",
	})
	d, err := model.New(p)
	if err != nil {
		t.Fatal(err)
	}
	if g := indicator(t, d, indGrowth); !g.Modeled || g.SourceID != "sample" {
		t.Errorf("devices growth: Modeled %v, SourceID %q; want true, \"sample\" like devices", g.Modeled, g.SourceID)
	}
	if g := indicator(t, d, indEvents+"_growth"); g.Modeled || g.SourceID != "" {
		t.Errorf("events growth: Modeled %v, SourceID %q; want false, \"\" like events", g.Modeled, g.SourceID)
	}
	// the caller's parts are left alone
	if p.Indicators[3].SourceID != "stale" {
		t.Errorf("New changed the caller's indicator to %+v", p.Indicators[3])
	}
}

func TestCountryLanguagesSorted(t *testing.T) {
	langs := []model.CountryLanguage{
		{Lang: "en", PopulationPct: 10},
		{Lang: "fr", PopulationPct: 60, OfficialStatus: "official"},
		{Lang: "de", PopulationPct: 10},
		{Lang: "it", PopulationPct: 20},
		{Lang: "sr_Latn", PopulationPct: 0.5},
	}
	p := model.Parts{Countries: []model.Country{{ISO2: "CH", Name: "Switzerland", Languages: langs}}}
	d, err := model.New(p)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := d.Country("CH")
	var got []string
	for _, l := range c.Languages {
		got = append(got, l.Lang)
	}
	// 60, 20, then the 10s by code (de before en), then 0.5
	if want := []string{"fr", "it", "de", "en", "sr_Latn"}; !slices.Equal(got, want) {
		t.Errorf("languages = %v, want %v", got, want)
	}
	if langs[0].Lang != "en" {
		t.Errorf("New reordered the caller's languages: %v", langs)
	}
}

func TestWikiLang(t *testing.T) {
	tests := []struct{ cldr, want string }{
		{"fr", "fr"},
		{"zh_Hant", "zh"},
		{"zh_Hans", "zh"},
		{"sr_Latn", "sr"},
		{"nb", "no"},
		{"yue", "yue"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := model.WikiLang(tt.cldr); got != tt.want {
			t.Errorf("WikiLang(%q) = %q, want %q", tt.cldr, got, tt.want)
		}
	}
}

func TestWikipedia(t *testing.T) {
	p := model.Parts{Wikis: []model.Wiki{
		{DB: "zhwiktionary", Lang: "zh", Project: "wiktionary", Status: "open"},
		{DB: "zhwiki", Lang: "zh", Project: "wikipedia", Status: "open"},
		{DB: "nowiki", Lang: "no", Project: "wikipedia", Status: "open"},
		{DB: "srwiki", Lang: "sr", Project: "wikipedia", Status: "open"},
		{DB: "frwiktionary", Lang: "fr", Project: "wiktionary", Status: "open"},
		{DB: "howiki", Lang: "ho", Project: "wikipedia", Status: "closed"},
	}}
	d, err := model.New(p)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, db string
		ok, open bool
	}{
		{"zh_Hant", "zhwiki", true, true}, // the Wikipedia, not the Wiktionary
		{"zh", "zhwiki", true, true},
		{"nb", "nowiki", true, true},
		{"no", "nowiki", true, true},
		{"sr_Latn", "srwiki", true, true},
		{"ho", "howiki", true, false}, // closed wikis are found, and say so
		{"fr", "", false, false},      // only a Wiktionary
		{"de", "", false, false},
	}
	for _, tt := range tests {
		w, ok := d.Wikipedia(tt.lang)
		if ok != tt.ok || w.DB != tt.db || w.Open() != tt.open {
			t.Errorf("Wikipedia(%q) = %+v, %v; want %s, %v (open %v)", tt.lang, w, ok, tt.db, tt.ok, tt.open)
		}
	}
	var dbs []string
	for _, w := range d.Wikis {
		dbs = append(dbs, w.DB)
	}
	if want := []string{"frwiktionary", "howiki", "nowiki", "srwiki", "zhwiki", "zhwiktionary"}; !slices.Equal(dbs, want) {
		t.Errorf("Wikis = %v, want sorted by DB %v", dbs, want)
	}
}

func TestLanguageName(t *testing.T) {
	d, err := model.New(model.Parts{Languages: map[string]string{"fr": "French", "xx": ""}})
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]string{"fr": "French", "de": "de", "xx": "xx"} {
		if got := d.LanguageName(code); got != want {
			t.Errorf("LanguageName(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestObservationsSortedAndRoundTrip(t *testing.T) {
	d := fixture(t)
	obs := d.Observations()
	// 9 devices + 10 grants + 10 events + 5 GDP
	if len(obs) != 34 {
		t.Fatalf("%d observations, want 34", len(obs))
	}
	less := func(a, b model.Observation) bool {
		if a.ISO2 != b.ISO2 {
			return a.ISO2 < b.ISO2
		}
		if a.Indicator != b.Indicator {
			return a.Indicator < b.Indicator
		}
		return a.Year < b.Year
	}
	for i := 1; i < len(obs); i++ {
		if !less(obs[i-1], obs[i]) {
			t.Fatalf("observations out of order at %d: %+v then %+v", i, obs[i-1], obs[i])
		}
	}
	// the first are Brazil's: ctx.gdp sorts before ind.*
	if obs[0] != (model.Observation{ISO2: "BR", Indicator: indGDP, Year: 2019, Value: 10, Provenance: model.Provenance{Class: model.ClassReal, Period: "2019"}}) {
		t.Errorf("first observation %+v, want BR ctx.gdp 2019 10", obs[0])
	}

	d.SetScores(model.ComputeScores(d))
	scores := d.Scores()
	if len(scores) != 21 {
		t.Fatalf("%d scores, want 21 (see TestComputeScores)", len(scores))
	}
	for i := 1; i < len(scores); i++ {
		a, b := scores[i-1], scores[i]
		ordered := a.ISO2 < b.ISO2 || a.ISO2 == b.ISO2 && (a.Domain < b.Domain || a.Domain == b.Domain &&
			(a.Facet < b.Facet || a.Facet == b.Facet && a.Year < b.Year))
		if !ordered {
			t.Fatalf("scores out of order at %d: %+v then %+v", i, a, b)
		}
	}
	// Brazil first: growth 2021, overall 2020, 2021, presence 2020, 2021
	if s := scores[0]; s.ISO2 != "BR" || s.Facet != model.Growth || s.Year != 2021 || s.Score != 100 {
		t.Errorf("first score %+v, want BR readership growth 2021 100", s)
	}

	p := fixtureParts()
	p.Observations = obs
	p.Scores = scores
	d2, err := model.New(p)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d2.Observations(), obs) {
		t.Errorf("observations changed through New")
	}
	if !reflect.DeepEqual(d2.Scores(), scores) {
		t.Errorf("scores changed through New")
	}
	if v, ok := d2.Score("KE", model.Readership, model.Overall, 2021); !ok || v != 37.5 {
		t.Errorf("Score(KE, readership, overall, 2021) = %v, %v; want 37.5", v, ok)
	}
	if _, ok := d2.Score("NG", model.Readership, model.Overall, 2020); ok {
		t.Errorf("NG has an overall score for 2020")
	}
}

// Countries are listed by name as a reader would alphabetise it: accents do
// not send "Åland" after "Zimbabwe".
func TestCountriesSortedByFoldedName(t *testing.T) {
	d, err := model.New(model.Parts{Countries: []model.Country{
		{ISO2: "ZW", Name: "Zimbabwe"}, {ISO2: "AX", Name: "Åland"}, {ISO2: "AL", Name: "Albania"}, {ISO2: "CI", Name: "Côte d’Ivoire"}, {ISO2: "CU", Name: "Cuba"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range d.Countries {
		got = append(got, c.ISO2)
	}
	// "aland" < "albania"; "cote" < "cuba"
	want := []string{"AX", "AL", "CI", "CU", "ZW"}
	if !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

// The dataset keeps its own copy of the language names.
func TestNewCopiesLanguages(t *testing.T) {
	langs := map[string]string{"fr": "French"}
	d, err := model.New(model.Parts{Languages: langs})
	if err != nil {
		t.Fatal(err)
	}
	langs["fr"] = "changed"
	if got := d.LanguageName("fr"); got != "French" {
		t.Errorf("LanguageName(fr) = %q after the caller changed its map", got)
	}
}

// bare drops a point's provenance, for tests about values alone.
func bare(p model.Point) model.Point { return model.Point{Year: p.Year, Value: p.Value} }

func bareSeries(s model.Series) model.Series {
	out := make(model.Series, len(s))
	for i, p := range s {
		out[i] = bare(p)
	}
	return out
}

// TestObservationsAnyOrder: the observations give the same dataset in key
// order (as loading reads them), reversed, or interleaved, where one
// country's indicator comes in several runs.
func TestObservationsAnyOrder(t *testing.T) {
	sorted := fixture(t).Observations()
	reversed := slices.Clone(sorted)
	slices.Reverse(reversed)
	var interleaved []model.Observation
	for i := range (len(sorted) + 1) / 2 {
		interleaved = append(interleaved, sorted[i])
		if j := i + (len(sorted)+1)/2; j < len(sorted) {
			interleaved = append(interleaved, sorted[j])
		}
	}
	for name, obs := range map[string][]model.Observation{"sorted": sorted, "reversed": reversed, "interleaved": interleaved} {
		p := fixtureParts()
		p.Observations = obs
		d, err := model.New(p)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := d.Observations(); !reflect.DeepEqual(got, sorted) {
			t.Errorf("%s: the observations changed through New", name)
		}
		for _, c := range d.Countries {
			for _, ind := range d.Indicators {
				s := d.Series(c.ISO2, ind.ID)
				if !slices.IsSortedFunc(s, func(a, b model.Point) int { return a.Year - b.Year }) {
					t.Errorf("%s: the series of %s for %s is out of year order", name, ind.ID, c.ISO2)
				}
			}
		}
		if got := d.Years; !reflect.DeepEqual(got, fixture(t).Years) {
			t.Errorf("%s: years %v, want %v", name, got, fixture(t).Years)
		}
	}
}

// TestNewCleansObservations: a control character in an observation's
// source, period or class never reaches the dataset, whichever row it is in
// and whether the row before shares the text, handed over as observations
// or as runs (as loading does).
func TestNewCleansObservations(t *testing.T) {
	for _, asRuns := range []bool{false, true} {
		for _, at := range []int{0, 1, 5} {
			for field, dirty := range map[string]func(o *model.Observation){
				"source": func(o *model.Observation) { o.Source = "wb\x1b[2J" },
				"period": func(o *model.Observation) { o.Period = "2019\x07" },
				"class":  func(o *model.Observation) { o.Class = "real\x1b" },
			} {
				p := fixtureParts()
				obs := fixture(t).Observations()
				for i := range obs {
					obs[i].Source, obs[i].Period = "wb", "p"
				}
				dirty(&obs[at])
				if at > 0 { // the row before has the same text
					dirty(&obs[at-1])
				}
				p.Observations = nil
				// As a store gives them: points share a provenance, which
				// New must not write (another point, or the other half
				// settled at once, reads it).
				shared := map[model.Provenance]*model.Provenance{}
				if asRuns {
					for _, o := range obs {
						pv, ok := shared[o.Provenance]
						if !ok {
							pv = &model.Provenance{Class: o.Class, Source: o.Source, Period: o.Period}
							shared[o.Provenance] = pv
						}
						p.Runs.Add(o.ISO2, o.Indicator, model.PointOf(o.Year, o.Value, pv))
					}
				} else {
					p.Observations = obs
				}
				d, err := model.New(p)
				if err != nil {
					t.Fatalf("%s at %d (runs %v): %v", field, at, asRuns, err)
				}
				for was, pv := range shared {
					if *pv != was {
						t.Errorf("%s at %d: New wrote the shared provenance %q as %q", field, at, was, *pv)
					}
				}
				if n := len(d.Observations()); n != len(obs) {
					t.Errorf("%s at %d (runs %v): %d observations, want %d", field, at, asRuns, n, len(obs))
				}
				for _, o := range d.Observations() {
					if s := o.Source + o.Period + string(o.Class); model.CleanText(s) != s {
						t.Errorf("%s at %d (runs %v): %q kept its control characters", field, at, asRuns, s)
					}
				}
			}
		}
	}
}

// BenchmarkNew builds the bundled dataset from its tables, as every load
// does after reading them.
func BenchmarkNew(b *testing.B) {
	p := bundled(b).Parts()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := model.New(p); err != nil {
			b.Fatal(err)
		}
	}
}

// TestNewLargeRuns: observations enough to be settled in two halves at once
// give the same dataset as any other, and a point refused in either half is
// reported, the first in the runs' order when both have one.
func TestNewLargeRuns(t *testing.T) {
	countries := []string{"BR", "CL", "FR", "KE", "NG"}
	inds := []string{indDevices, indEvents, indGDP}
	const years = 1000 // 15 runs of 1000 points: more than two halves' worth
	build := func(nan ...int) model.Parts {
		p := fixtureParts()
		p.Observations = nil
		k := 0
		for _, c := range countries {
			for _, ind := range inds {
				for y := range years {
					v := float64(y)
					if slices.Contains(nan, k) && y == 500 {
						v = math.NaN()
					}
					p.Runs.Add(c, ind, model.Point{Year: 1500 + y, Value: v})
				}
				k++
			}
		}
		return p
	}
	d, err := model.New(build())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Observations()); n != len(countries)*len(inds)*years {
		t.Errorf("%d observations, want %d", n, len(countries)*len(inds)*years)
	}
	if got := len(d.Years); got != years {
		t.Errorf("%d activity years, want %d", got, years)
	}
	if pv, ok := d.Provenance("NG", indDevices, 2400); !ok || pv.Class != model.ClassModeled || pv.Period != "2400" {
		t.Errorf("NG devices 2400: %+v, %v; want modeled, its indicator's, for 2400", pv, ok)
	}
	for _, tt := range []struct {
		nan  []int // runs with a NaN
		want string
	}{
		{[]int{1}, "ind.events for BR in 2000"},
		{[]int{13}, "ind.events for NG in 2000"},
		{[]int{13, 2}, "ctx.gdp for BR in 2000"},
	} {
		_, err := model.New(build(tt.nan...))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("NaN in runs %v: error %v, want one about %s", tt.nan, err, tt.want)
		}
	}
}

// TestPrepareFinish: a dataset prepared without its observations and
// finished with them is the one New builds, and Prepare refuses what New
// refuses of the other tables.
func TestPrepareFinish(t *testing.T) {
	p := fixtureParts()
	want, err := model.New(p)
	if err != nil {
		t.Fatal(err)
	}
	rest := p
	rest.Observations = nil
	prepared, err := model.Prepare(rest)
	if err != nil {
		t.Fatal(err)
	}
	got, err := prepared.Finish(model.Runs{}, p.Observations)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Observations(), want.Observations()) || !reflect.DeepEqual(got.Scores(), want.Scores()) ||
		!reflect.DeepEqual(got.Years, want.Years) || got.DefaultYear() != want.DefaultYear() ||
		!reflect.DeepEqual(got.ClassCounts(), want.ClassCounts()) || !reflect.DeepEqual(got.Countries, want.Countries) {
		t.Error("prepared and finished differs from New")
	}
	dup := p
	dup.Countries = append(slices.Clone(p.Countries), p.Countries[0])
	if _, err := model.Prepare(dup); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("Prepare of a country given twice: %v", err)
	}
}
