package model

// These tests are inside the package so that the allocation-free folding of
// the filter can be checked against Fold and regionKey rune by rune.

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func ptr(v float64) *float64 { return &v }

// filterDataset is seven hand-made countries. In 2024 and 2023:
//
// France also speaks some zh_Hant ("Traditional Chinese").
//
//	        region                         class  market  prot risk  pop 2024   internet literacy gdp
//	AQ Antarctica  (no region, classification, language or figure)
//	CI Côte d’Ivoire  Sub-Saharan Africa   LDC    Create  no   —     10.2 m(*)  20       50       —
//	FR France      Northern & Western Eur. Dev.   —       no   20    68 m       85       99       50 000
//	IN India       South Asia              Emerg. Expand  no   45.5  1.41 b     19.2     74       7 000
//	NG Nigeria     Sub-Saharan Africa      Emerg. Build   no   60.2  220 m      42       62       4 900
//	PK Pakistan    South Asia              LDC    Protect yes  70    240 m      10.8     59       5 500
//	RS Serbia      Central & Eastern Europe & Central Asia
//	                                       Emerg. Expand  no   35    6.7 m      78       98       21 000
//
// (*) 9.8 m in 2023. Scores are in filterScores.
func filterDataset(t testing.TB) *Dataset {
	t.Helper()
	var context []Indicator
	for _, ind := range Catalog() {
		if ind.Facet == Context || ind.MostRecent() && !ind.Derived() {
			context = append(context, ind)
		}
	}
	obs := func(iso2, ind string, year int, v float64) Observation {
		return Observation{ISO2: iso2, Indicator: ind, Year: year, Value: v}
	}
	d, err := New(Parts{
		Countries: []Country{
			{ISO2: "IN", ISO3: "IND", Name: "India", WikimediaRegion: "South Asia", UNContinent: "Asia", UNSubregion: "Southern Asia",
				EconomicRegion: "Global South", EmergingClass: "Emerging", MarketClass: "Expand", DataRiskScore: ptr(45.5),
				Languages: []CountryLanguage{{Lang: "hi", PopulationPct: 40, OfficialStatus: "official"}, {Lang: "en", PopulationPct: 10, OfficialStatus: "official"}, {Lang: "bn", PopulationPct: 8}}},
			{ISO2: "PK", ISO3: "PAK", Name: "Pakistan", WikimediaRegion: "South Asia", UNContinent: "Asia", UNSubregion: "Southern Asia",
				EconomicRegion: "Global South", EmergingClass: "Least Developed", MarketClass: "Protect", Protected: true, DataRiskScore: ptr(70),
				Languages: []CountryLanguage{{Lang: "pa", PopulationPct: 40}, {Lang: "en", PopulationPct: 10, OfficialStatus: "official"}, {Lang: "ur", PopulationPct: 8, OfficialStatus: "official"}}},
			{ISO2: "NG", ISO3: "NGA", Name: "Nigeria", WikimediaRegion: "Sub-Saharan Africa", UNContinent: "Africa", UNSubregion: "Western Africa",
				EconomicRegion: "Global South", EmergingClass: "Emerging", MarketClass: "Build", DataRiskScore: ptr(60.2),
				Languages: []CountryLanguage{{Lang: "en", PopulationPct: 50, OfficialStatus: "official"}, {Lang: "ha", PopulationPct: 30}, {Lang: "yo", PopulationPct: 20}, {Lang: "kr", PopulationPct: 2}}},
			{ISO2: "CI", ISO3: "CIV", Name: "Côte d’Ivoire", WikimediaRegion: "Sub-Saharan Africa", UNContinent: "Africa", UNSubregion: "Western Africa",
				EconomicRegion: "Global South", EmergingClass: "Least Developed", MarketClass: "Create",
				Languages: []CountryLanguage{{Lang: "fr", PopulationPct: 99, OfficialStatus: "official"}}},
			{ISO2: "FR", ISO3: "FRA", Name: "France", WikimediaRegion: "Northern & Western Europe", UNContinent: "Europe", UNSubregion: "Western Europe",
				EconomicRegion: "Global North", EmergingClass: "Developed", DataRiskScore: ptr(20),
				Languages: []CountryLanguage{{Lang: "fr", PopulationPct: 100, OfficialStatus: "official"}, {Lang: "zh_Hant", PopulationPct: 0.1}, {Lang: "an", PopulationPct: 0.1}}},
			{ISO2: "RS", ISO3: "SRB", Name: "Serbia", WikimediaRegion: "Central & Eastern Europe & Central Asia", UNContinent: "Europe", UNSubregion: "Southern Europe",
				EconomicRegion: "Global North", EmergingClass: "Emerging", MarketClass: "Expand", DataRiskScore: ptr(35),
				Languages: []CountryLanguage{{Lang: "sr_Latn", PopulationPct: 90, OfficialStatus: "official"}, {Lang: "hu", PopulationPct: 3}}},
			{ISO2: "AQ", ISO3: "ATA", Name: "Antarctica"},
		},
		Indicators: context,
		Languages: map[string]string{
			"en": "English", "fr": "French", "hi": "Hindi", "bn": "Bangla", "ha": "Hausa", "yo": "Yoruba",
			"kr": "Kanuri", "ur": "Urdu", "pa": "Punjabi", "sr": "Serbian", "sr_Latn": "Serbian (Latin)", "hu": "Hungarian", "zh": "Chinese", "zh_Hant": "Traditional Chinese",
			"ar": "Arabic", "an": "Aragonese",
		},
		Wikis: []Wiki{
			{DB: "enwiki", Lang: "en", Project: "wikipedia", Status: "open"},
			{DB: "frwiki", Lang: "fr", Project: "wikipedia", Status: "open"},
			{DB: "hiwiki", Lang: "hi", Project: "wikipedia", Status: "open"},
			{DB: "hawiki", Lang: "ha", Project: "wikipedia", Status: "open"},
			{DB: "yowiki", Lang: "yo", Project: "wikipedia", Status: "open"},
			{DB: "krwiki", Lang: "kr", Project: "wikipedia", Status: "closed"},
			{DB: "urwiki", Lang: "ur", Project: "wikipedia", Status: "open"},
			{DB: "pawiki", Lang: "pa", Project: "wikipedia", Status: "open"},
			{DB: "srwiki", Lang: "sr", Project: "wikipedia", Status: "open"},
			{DB: "huwiki", Lang: "hu", Project: "wikipedia", Status: "open"},
			{DB: "zhwiki", Lang: "zh", Project: "wikipedia", Status: "open"},
			{DB: "bnwiktionary", Lang: "bn", Project: "wiktionary", Status: "open"}, // no Bangla Wikipedia here
		},
		Observations: []Observation{
			obs("CI", IndPopulation, 2023, 9.8e6), obs("CI", IndPopulation, 2024, 10.2e6),
			obs("FR", IndPopulation, 2022, 68e6),
			obs("IN", IndPopulation, 2022, 1.41e9),
			obs("NG", IndPopulation, 2022, 220e6),
			obs("PK", IndPopulation, 2022, 240e6),
			obs("RS", IndPopulation, 2022, 6.7e6),

			obs("CI", IndInternet, 2014, 20), obs("FR", IndInternet, 2014, 85), obs("IN", IndInternet, 2014, 19.2),
			obs("NG", IndInternet, 2014, 42), obs("PK", IndInternet, 2014, 10.8), obs("RS", IndInternet, 2014, 78),

			obs("CI", IndLiteracy, 2022, 50), obs("FR", IndLiteracy, 2022, 99), obs("IN", IndLiteracy, 2022, 74),
			obs("NG", IndLiteracy, 2022, 62), obs("PK", IndLiteracy, 2022, 59), obs("RS", IndLiteracy, 2022, 98),

			obs("FR", IndGDPPerCap, 2022, 50000), obs("IN", IndGDPPerCap, 2022, 7000), obs("NG", IndGDPPerCap, 2022, 4900),
			obs("PK", IndGDPPerCap, 2022, 5500), obs("RS", IndGDPPerCap, 2022, 21000),
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	d.SetScores(filterScores())
	return d
}

// filterScores: readership presence/growth/overall, editorship overall and
// a few others, in 2024 and 2023. Serbia has no editorship score in 2024.
func filterScores() []Score {
	var out []Score
	add := func(year int, dom DomainID, f Facet, byCountry map[string]float64) {
		for iso2, v := range byCountry {
			out = append(out, Score{ISO2: iso2, Domain: dom, Facet: f, Year: year, Score: v})
		}
	}
	add(2024, Readership, Presence, map[string]float64{"IN": 80, "PK": 40, "NG": 30, "CI": 20, "FR": 95, "RS": 60})
	add(2024, Readership, Growth, map[string]float64{"IN": 70, "PK": 61, "NG": 59.9, "CI": 65, "FR": 30, "RS": 60})
	add(2024, Readership, Overall, map[string]float64{"IN": 75, "PK": 50.5, "NG": 44.95, "CI": 42.5, "FR": 62.5, "RS": 60})
	add(2024, Editorship, Overall, map[string]float64{"IN": 55, "PK": 39.9, "NG": 40, "CI": 20, "FR": 95})
	add(2024, Programs, Overall, map[string]float64{"IN": 70, "FR": 30})
	add(2024, Grants, Overall, map[string]float64{"NG": 80, "PK": 20})
	add(2024, Affiliates, Overall, map[string]float64{"FR": 90, "IN": 10})
	add(2024, Affiliates, Presence, map[string]float64{"FR": 90, "IN": 10})

	add(2023, Readership, Growth, map[string]float64{"IN": 65, "PK": 50, "NG": 70, "CI": 40, "FR": 62, "RS": 55})
	add(2023, Editorship, Overall, map[string]float64{"IN": 35, "PK": 45, "NG": 38, "CI": 25, "FR": 90, "RS": 50})
	return out
}

// matching returns the ISO2 codes of the countries the expression keeps.
func matching(t testing.TB, d *Dataset, expr string, year int) []string {
	t.Helper()
	f, err := ParseFilter(expr)
	if err != nil {
		t.Fatalf("ParseFilter(%q): %v", expr, err)
	}
	out := []string{}
	for _, c := range d.Countries {
		if f.Match(d, c, year) {
			out = append(out, c.ISO2)
		}
	}
	sort.Strings(out)
	return out
}

func codes(s string) []string {
	out := strings.Fields(s)
	if out == nil {
		return []string{}
	}
	return out
}

const everyone = "AQ CI FR IN NG PK RS"

func TestFilterMatch(t *testing.T) {
	d := filterDataset(t)
	tests := []struct {
		expr string
		year int
		want string // ISO2 codes, sorted
	}{
		// The examples of the brief.
		{`region:"South Asia"`, 2024, "IN PK"},
		{`subregion:western`, 2024, "CI FR NG"}, // Western Africa and Western Europe
		{`class:emerging`, 2024, "IN NG RS"},
		{`protected:no`, 2024, "AQ CI FR IN NG RS"},
		{`editorship<40`, 2024, "CI PK"},           // 20, 39.9; Nigeria's 40 is not below 40
		{`readership.growth>60`, 2024, "CI IN PK"}, // 65, 70, 61; Serbia's 60 is not above
		{`population>10m`, 2024, "CI FR IN NG PK"}, // Côte d’Ivoire at 10.2 m in 2024
		{`region:"South Asia" editorship<40 readership.growth>60`, 2024, "PK"},

		// region: the Wikimedia region, folded like regionKey, equal or a prefix.
		{`region:south`, 2024, "IN PK"}, // not Sub-Saharan Africa
		{`region:SOUTH`, 2024, "IN PK"},
		{`region:sub-saharan`, 2024, "CI NG"},
		{`region:"sub saharan africa"`, 2024, "CI NG"},
		{`region:"Central & Eastern"`, 2024, "RS"},
		{`region:"central and eastern europe and central asia"`, 2024, "RS"}, // "&" reads as "and"
		{`region:"Northern & Western Europe"`, 2024, "FR"},
		{`region:"northern and western europe"`, 2024, "FR"},
		{`region:asia`, 2024, ""},                        // a prefix, not a substring
		{`region:"south asia pacific"`, 2024, ""},        // longer than the field
		{`-region:"south asia"`, 2024, "AQ CI FR NG RS"}, // Antarctica has no region: it matches the negation

		// subregion, continent
		{`subregion:"Western Africa"`, 2024, "CI NG"},
		{`subregion:southern`, 2024, "IN PK RS"},
		{`continent:africa`, 2024, "CI NG"},
		{`continent:eu`, 2024, "FR RS"},
		{`continent:Asia`, 2024, "IN PK"},

		// economic: "north" and "south" stand for Global North and South
		{`economic:south`, 2024, "CI IN NG PK"},
		{`economic:so`, 2024, "CI IN NG PK"},
		{`economic:north`, 2024, "FR RS"},
		{`economic:n`, 2024, "FR RS"},
		{`economic:"Global North"`, 2024, "FR RS"},
		{`economic:global`, 2024, "CI FR IN NG PK RS"},

		// class
		{`class:least`, 2024, "CI PK"},
		{`class:"Least Developed"`, 2024, "CI PK"},
		{`class:least-developed`, 2024, "CI PK"},
		{`class:developed`, 2024, "FR"}, // not "Least Developed": a prefix
		{`class:dev`, 2024, "FR"},
		{`-class:emerging`, 2024, "AQ CI FR PK"},

		// market
		{`market:build`, 2024, "NG"},
		{`market:create`, 2024, "CI"},
		{`market:expand`, 2024, "IN RS"},
		{`market:protect`, 2024, "PK"},
		{`-market:expand`, 2024, "AQ CI FR NG PK"}, // France has no market class

		// protected
		{`protected:yes`, 2024, "PK"},
		{`protected:true`, 2024, "PK"},
		{`protected:Y`, 2024, "PK"},
		{`protected:"yes"`, 2024, "PK"},
		{`protected:false`, 2024, "AQ CI FR IN NG RS"},
		{`protected:n`, 2024, "AQ CI FR IN NG RS"},
		{`-protected:yes`, 2024, "AQ CI FR IN NG RS"},

		// lang: a code, the base of a scripted code, or an English name
		{`lang:fr`, 2024, "CI FR"},
		{`lang:FR`, 2024, "CI FR"},
		{`lang:french`, 2024, "CI FR"},
		{`lang:fren`, 2024, "CI FR"},
		{`lang:sr`, 2024, "RS"}, // the base of sr_Latn
		{`lang:sr_Latn`, 2024, "RS"},
		{`lang:sr-latn`, 2024, "RS"},
		{`lang:serbian`, 2024, "RS"},
		{`lang:"Serbian (Latin)"`, 2024, "RS"},
		{`lang:latin`, 2024, ""}, // names match by their start
		{`lang:zh`, 2024, "FR"},  // the base of zh_Hant
		{`lang:traditional`, 2024, "FR"},
		{`lang:chinese`, 2024, "FR"}, // the name of the base, zh
		{`wiki:chinese`, 2024, "FR"}, // zh_Hant is read on zhwiki
		{`lang:en`, 2024, "IN NG PK"},
		{`lang:english`, 2024, "IN NG PK"},
		{`lang:kr`, 2024, "NG"},
		{`lang:kanuri`, 2024, "NG"},
		{`lang:bn`, 2024, "IN"},
		{`lang:xx`, 2024, ""},
		{`lang:ar`, 2024, ""},     // Arabic, which no one here speaks; not Aragonese by its start
		{`lang:arag`, 2024, "FR"}, // but a name's start that is no code finds it
		{`lang:an`, 2024, "FR"},
		{`-lang:en`, 2024, "AQ CI FR RS"},

		// wiki: only languages with an open Wikipedia
		{`wiki:fr`, 2024, "CI FR"},
		{`wiki:kr`, 2024, ""},     // the Kanuri Wikipedia is closed
		{`wiki:kanuri`, 2024, ""}, // by name too
		{`wiki:bn`, 2024, ""},     // a Wiktionary is not a Wikipedia
		{`wiki:sr`, 2024, "RS"},   // sr_Latn is read on srwiki
		{`wiki:serbian`, 2024, "RS"},
		{`wiki:hausa`, 2024, "NG"},
		{`-wiki:en`, 2024, "AQ CI FR RS"},

		// domain scores; a country without a score never matches
		{`editorship<=40`, 2024, "CI NG PK"},
		{`editors<40`, 2024, "CI PK"},
		{`edit<40`, 2024, "CI PK"}, // a unique start of a field name
		{`editorship>90`, 2024, "FR"},
		{`editorship>=95`, 2024, "FR"},
		{`editorship=40`, 2024, "NG PK"}, // 39.9 rounds to 40
		{`editorship=40.0`, 2024, "NG"},  // but not to 40.0
		{`editorship==40.0`, 2024, "NG"},
		{`editorship!=40`, 2024, "CI FR IN"}, // Serbia and Antarctica have no score
		{`-editorship<40`, 2024, "AQ FR IN NG RS"},
		{`readership.growth>=60`, 2024, "CI IN PK RS"},
		{`readership.g>60`, 2024, "CI IN PK"},
		{`READERSHIP.GROWTH>60`, 2024, "CI IN PK"},
		{`readers.presence>50`, 2024, "FR IN RS"},
		{`readership>=75`, 2024, "IN"},
		{`readership.overall>=75`, 2024, "IN"},
		{`programs>50`, 2024, "IN"},
		{`grants>50`, 2024, "NG"},
		{`affiliates>50`, 2024, "FR"},

		// context figures
		{`population>10M`, 2024, "CI FR IN NG PK"},
		{`population>=1.41b`, 2024, "IN"},
		{`population<7000k`, 2024, "RS"},
		{`population<6.7m`, 2024, ""},
		{`population=6.7m`, 2024, "RS"},
		{`pop>10m`, 2024, "CI FR IN NG PK"},
		{`internet>50`, 2024, "FR RS"},
		{`internet>50%`, 2024, "FR RS"},
		{`internet=19.2`, 2024, "IN"},
		{`internet<20`, 2024, "IN PK"}, // Côte d’Ivoire's 20 is not below 20
		{`literacy<60`, 2024, "CI PK"},
		{`literacy<70`, 2024, "CI NG PK"},
		{`gdp<5k`, 2024, "NG"},
		{`gdp>5000`, 2024, "FR IN PK RS"},
		{`-gdp<5k`, 2024, "AQ CI FR IN PK RS"}, // Côte d’Ivoire has no GDP figure

		// risk: Côte d’Ivoire and Antarctica have none
		{`risk>60`, 2024, "NG PK"},
		{`risk<=20`, 2024, "FR"},
		{`risk>=0`, 2024, "FR IN NG PK RS"},
		{`-risk>60`, 2024, "AQ CI FR IN RS"},

		// bare words: a substring of the folded name, ISO2 or ISO3
		{`nigeria`, 2024, "NG"},
		{`NIGERIA`, 2024, "NG"},
		{`ind`, 2024, "IN"},
		{`cote`, 2024, "CI"},
		{`CÔTE`, 2024, "CI"},
		{`"cote d'ivoire"`, 2024, "CI"},
		{`"Côte d’Ivoire"`, 2024, "CI"},
		{`civ`, 2024, "CI"}, // ISO3
		{`rs`, 2024, "RS"},  // ISO2
		{`ia`, 2024, "IN NG RS"},
		{`-ia`, 2024, "AQ CI FR PK"},
		{`atlantis`, 2024, ""},

		// AND
		{`region:"south asia" editorship<40`, 2024, "PK"},
		{`class:emerging protected:no lang:en`, 2024, "IN NG"},
		{`continent:africa -class:emerging`, 2024, "CI"},
		{`economic:south population>100m literacy>60`, 2024, "IN NG"},
		{`lang:fr -fra`, 2024, "CI"},

		// whitespace around and between terms
		{"  region:south \t editorship<40  ", 2024, "PK"},
		{"region:south\u00a0editorship<40", 2024, "PK"}, // a no-break space separates too
		{"", 2024, everyone},
		{"   ", 2024, everyone},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%d", tt.expr, tt.year), func(t *testing.T) {
			got := matching(t, d, tt.expr, tt.year)
			if want := codes(tt.want); !slices.Equal(got, want) {
				t.Errorf("%q in %d keeps %v, want %v", tt.expr, tt.year, got, want)
			}
		})
	}
}

// Scores are read for the year asked; context figures are the latest at or
// before it, else the earliest after it.
func TestFilterYear(t *testing.T) {
	d := filterDataset(t)
	tests := []struct {
		expr string
		year int
		want string
	}{
		{`editorship<40`, 2024, "CI PK"},
		{`editorship<40`, 2023, "CI IN NG"}, // 25, 35, 38
		{`readership.growth>60`, 2024, "CI IN PK"},
		{`readership.growth>60`, 2023, "FR IN NG"}, // 62, 65, 70
		{`region:"South Asia" editorship<40 readership.growth>60`, 2024, "PK"},
		{`region:"South Asia" editorship<40 readership.growth>60`, 2023, "IN"},
		{`population>10m`, 2024, "CI FR IN NG PK"},
		{`population>10m`, 2023, "FR IN NG PK"}, // Côte d’Ivoire at 9.8 m
		{`population>10m`, 2030, "CI FR IN NG PK"},
		{`population>10m`, 2010, "FR IN NG PK"}, // the earliest figure, 2023's 9.8 m
		{`editorship<100`, 2022, ""},            // no scores that year
		{`-editorship<100`, 2022, everyone},
	}
	for _, tt := range tests {
		if got, want := matching(t, d, tt.expr, tt.year), codes(tt.want); !slices.Equal(got, want) {
			t.Errorf("%q in %d keeps %v, want %v", tt.expr, tt.year, got, want)
		}
	}
}

func TestFilterParse(t *testing.T) {
	tests := []struct {
		expr  string
		terms int
		str   string
	}{
		{"", 0, ""},
		{"   \t ", 0, ""},
		{"nigeria", 1, "nigeria"},
		{"  region:south   editorship<40\tnigeria  ", 3, "region:south   editorship<40\tnigeria"},
		{`region:"South Asia" -protected:yes`, 2, `region:"South Asia" -protected:yes`},
		{`"south korea" -"north korea"`, 2, `"south korea" -"north korea"`},
		{"a\u00a0b\u2003c", 3, "a\u00a0b\u2003c"}, // Unicode spaces separate
		{`region:"a b c"`, 1, `region:"a b c"`},   // spaces inside quotes do not
	}
	for _, tt := range tests {
		f, err := ParseFilter(tt.expr)
		if err != nil {
			t.Errorf("ParseFilter(%q): %v", tt.expr, err)
			continue
		}
		if len(f.terms) != tt.terms || f.String() != tt.str || f.Empty() != (tt.terms == 0) {
			t.Errorf("ParseFilter(%q): %d terms, String %q, Empty %v; want %d, %q, %v",
				tt.expr, len(f.terms), f.String(), f.Empty(), tt.terms, tt.str, tt.terms == 0)
		}
	}
}

func TestFilterParseTerms(t *testing.T) {
	tests := []struct {
		expr  string
		field fieldID
		neg   bool
		text  string
		code  string
	}{
		{`nigeria`, fieldWord, false, "nigeria", ""},
		{`-Nigéria`, fieldWord, true, "nigeria", ""},
		{`"say \"hi\""`, fieldWord, false, `say "hi"`, ""},    // \" is a quote
		{`"back\\slash"`, fieldWord, false, `back\slash`, ""}, // \\ is a backslash
		{`"a\b"`, fieldWord, false, `a\b`, ""},                // any other backslash is itself
		{`-region:"South Asia"`, fieldRegion, true, "south asia", ""},
		{`region:"Latin America & Caribbean"`, fieldRegion, false, "latin america and caribbean", ""},
		{`region:"  Sub–Saharan,  "`, fieldRegion, false, "sub–saharan", ""}, // an en dash is kept, like regionKey
		{`economic:s`, fieldEconomic, false, "global s", ""},
		{`economic:global`, fieldEconomic, false, "global", ""},
		{`lang:sr-Latn`, fieldLang, false, "sr latn", "sr_latn"},
		{`wiki:"Serbian (Latin)"`, fieldWiki, false, "serbian latin", "serbian (latin)"},
	}
	for _, tt := range tests {
		f, err := ParseFilter(tt.expr)
		if err != nil {
			t.Errorf("ParseFilter(%q): %v", tt.expr, err)
			continue
		}
		if len(f.terms) != 1 {
			t.Errorf("ParseFilter(%q): %d terms, want 1", tt.expr, len(f.terms))
			continue
		}
		tm := f.terms[0]
		if tm.field != tt.field || tm.neg != tt.neg || string(tm.text) != tt.text || tm.code != tt.code {
			t.Errorf("ParseFilter(%q) = field %d neg %v text %q code %q; want %d %v %q %q",
				tt.expr, tm.field, tm.neg, tm.text, tm.code, tt.field, tt.neg, tt.text, tt.code)
		}
	}

	// Quotes and escapes, seen through Match.
	quoted := Country{ISO2: "QQ", Name: `The "Quoted" Back\Slash Land`}
	for expr, want := range map[string]bool{
		`"\"quoted\" back\\slash"`: true,
		`"\"quoted\" back\slash"`:  true,
		`"\"quoted\"  back"`:       false, // two spaces are two spaces inside quotes
		`quoted`:                   true,
		`-"\"quoted\""`:            false,
	} {
		f, err := ParseFilter(expr)
		if err != nil {
			t.Errorf("ParseFilter(%q): %v", expr, err)
			continue
		}
		if got := f.Match(nil, quoted, 2024); got != want {
			t.Errorf("%s matches %q: %v, want %v", expr, quoted.Name, got, want)
		}
	}
}

func TestFilterNumbers(t *testing.T) {
	tests := []struct {
		expr        string
		op          cmpOp
		num, lo, hi float64
	}{
		{`population>10m`, opGT, 10e6, 9.5e6, 10.5e6},
		{`population>10M`, opGT, 10e6, 9.5e6, 10.5e6},
		{`population>=1.5K`, opGE, 1500, 1450, 1550},
		{`population<2b`, opLT, 2e9, 1.5e9, 2.5e9},
		{`population<=.5m`, opLE, 5e5, 4.5e5, 5.5e5},
		{`population=1.41b`, opEQ, 1.41e9, 1.405e9, 1.415e9},
		{`internet>50%`, opGT, 50, 49.5, 50.5},
		{`internet!=12.5%`, opNE, 12.5, 12.45, 12.55},
		{`internet=19.25`, opEQ, 19.25, 19.245, 19.255},
		{`risk>+5`, opGT, 5, 4.5, 5.5},
		{`readership.growth>-5`, opGT, -5, -5.5, -4.5},
		{`risk>7.`, opGT, 7, 6.5, 7.5},
		{`population>"3m%"`, opGT, 3e6, 2.5e6, 3.5e6},
		{`gdp==5k`, opEQ, 5000, 4500, 5500},
	}
	for _, tt := range tests {
		f, err := ParseFilter(tt.expr)
		if err != nil {
			t.Errorf("ParseFilter(%q): %v", tt.expr, err)
			continue
		}
		tm := f.terms[0]
		if tm.op != tt.op || !near(tm.num, tt.num) || !near(tm.lo, tt.lo) || !near(tm.hi, tt.hi) {
			t.Errorf("ParseFilter(%q) = op %d %v [%v, %v); want op %d %v [%v, %v)",
				tt.expr, tm.op, tm.num, tm.lo, tm.hi, tt.op, tt.num, tt.lo, tt.hi)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func TestFilterFieldsResolve(t *testing.T) {
	tests := []struct {
		expr  string
		field fieldID
		dom   DomainID
		facet Facet
		ind   string
	}{
		{`readership>1`, fieldScore, Readership, Overall, ""},
		{`readers.presence>1`, fieldScore, Readership, Presence, ""},
		{`editorship.growth>1`, fieldScore, Editorship, Growth, ""},
		{`editors.overall>1`, fieldScore, Editorship, Overall, ""},
		{`programs.p>1`, fieldScore, Programs, Presence, ""},
		{`grants.Growth>1`, fieldScore, Grants, Growth, ""},
		{`affiliates>1`, fieldScore, Affiliates, Overall, ""},
		{`affiliates.growth>1`, fieldScore, Affiliates, Growth, ""},
		{`population>1`, fieldContext, "", "", IndPopulation},
		{`internet>1`, fieldContext, "", "", IndInternet},
		{`literacy>1`, fieldContext, "", "", IndLiteracy},
		{`gdp>1`, fieldContext, "", "", IndGDPPerCap},
		{`lit>1`, fieldContext, "", "", IndLiteracy},
		{`risk>1`, fieldRisk, "", "", ""},
		{`sub:x`, fieldSubregion, "", "", ""},
		{`prot:yes`, fieldProtected, "", "", ""},
		{`Région:x`, fieldRegion, "", "", ""},
	}
	for _, tt := range tests {
		f, err := ParseFilter(tt.expr)
		if err != nil {
			t.Errorf("ParseFilter(%q): %v", tt.expr, err)
			continue
		}
		tm := f.terms[0]
		if tm.field != tt.field || tm.dom != tt.dom || tm.facet != tt.facet || tm.ind != tt.ind {
			t.Errorf("ParseFilter(%q) = %d %q %q %q; want %d %q %q %q",
				tt.expr, tm.field, tm.dom, tm.facet, tm.ind, tt.field, tt.dom, tt.facet, tt.ind)
		}
	}
}

// Each domain also answers to its short name, with or without the final dot
// of an abbreviation ("Affil."), and with a facet.
func TestFilterShortNames(t *testing.T) {
	for _, dom := range Domains() {
		short := dom.Short
		names := []string{short, strings.ToUpper(short), strings.TrimSuffix(short, ".")}
		for _, name := range names {
			for expr, facet := range map[string]Facet{
				name + ">1": Overall,
				strings.TrimSuffix(name, ".") + ".growth>1": Growth,
			} {
				f, err := ParseFilter(expr)
				if err != nil {
					t.Errorf("ParseFilter(%q): %v", expr, err)
					continue
				}
				if tm := f.terms[0]; tm.field != fieldScore || tm.dom != dom.ID || tm.facet != facet {
					t.Errorf("ParseFilter(%q) = %d %q %q; want the %s score, %s", expr, tm.field, tm.dom, tm.facet, dom.ID, facet)
				}
			}
		}
	}
}

const allFields = "region, subregion, continent, economic, class, market, protected, lang, wiki, " +
	"readership, editorship, programs, grants, affiliates, access, population, internet, mobile, literacy, gdp, risk"

func TestFilterErrors(t *testing.T) {
	tests := []struct {
		expr     string
		pos, end int
		msg      string
		col      int // of Error(); 0 means pos+1
	}{
		{`edtorship<40`, 0, 9, `unknown field "edtorship"; did you mean editorship?`, 0},
		{`  edtorship<40`, 2, 11, `unknown field "edtorship"; did you mean editorship?`, 0},
		{`regoin:x`, 0, 6, `unknown field "regoin"; did you mean region?`, 0},
		{`region:south xyzzy:3`, 13, 18, `unknown field "xyzzy"; the fields are ` + allFields, 0},
		{`re>3`, 0, 2, `field "re" is ambiguous: region or readership?`, 0},
		{`:south`, 0, 1, `missing field before ":"; the fields are ` + allFields, 0},
		{`.growth>3`, 0, 7, `missing field before ".growth"`, 0},
		{`growth>60`, 0, 6, `growth needs a domain, as in readership.growth>60`, 0},
		{`-presence<3`, 1, 9, `presence needs a domain, as in readership.presence>60`, 0},

		{`region:`, 0, 7, `missing value after "region:"; for example region:"South Asia"`, 0},
		{`region: south`, 0, 7, `missing value after "region:"; for example region:"South Asia"`, 0},
		{`editorship<`, 0, 11, `missing number after "editorship<"; for example editorship<40`, 0},
		{`population> 10m`, 0, 11, `missing number after "population>"; for example population>10m`, 0},
		{`editorship<forty`, 11, 16, `"forty" is not a number`, 0},
		{`editorship<"forty"`, 11, 18, `"forty" is not a number`, 0},
		{`population>1.2.3`, 11, 16, `"1.2.3" is not a number`, 0},
		{`population>1e6`, 11, 14, `"1e6" is not a number`, 0},
		{`population>1,000`, 11, 16, `"1,000" is not a number: write it without thousands separators, with a point for decimals`, 0},
		{`population>10x`, 13, 14, `unknown suffix "x" in "10x": use k, m or b (thousand, million, billion)`, 0},
		{`population>10kb`, 13, 15, `unknown suffix "kb" in "10kb": use k, m or b (thousand, million, billion)`, 0},
		{`population>"10x"`, 11, 16, `unknown suffix "x" in "10x": use k, m or b (thousand, million, billion)`, 0},

		{`region.presence:x`, 6, 15, `region has no .presence: only the domain scores (readership, editorship, programs, grants, affiliates, access) have facets`, 0},
		{`gdp.growth>3`, 3, 10, `gdp has no .growth: only the domain scores (readership, editorship, programs, grants, affiliates, access) have facets`, 0},
		{`editorship.grwth>3`, 11, 16, `unknown facet "grwth"; did you mean growth?`, 0},
		{`editorship.xyz>3`, 11, 14, `unknown facet "xyz"; use presence, growth or overall`, 0},
		{`editorship.>3`, 10, 11, `missing facet after "editorship.": add presence, growth or overall`, 0},

		{`editorship:high`, 10, 11, `editorship is a number: compare it with < or >, as in editorship<40`, 0},
		{`population:10m`, 10, 11, `population is a number: compare it with < or >, as in population>10m`, 0},
		{`region>3`, 6, 7, `region is text: write region:VALUE, as in region:"South Asia"`, 0},
		{`class<=2`, 5, 7, `class is text: write class:VALUE, as in class:emerging`, 0},
		{`protected>=1`, 9, 11, `protected is yes or no: write protected:yes or protected:no`, 0},
		{`editorship=>40`, 10, 12, `unknown operator "=>"; use : for text, or <, <=, >, >=, = or != for numbers`, 0},
		{`editorship!40`, 10, 11, `unknown operator "!"; use : for text, or <, <=, >, >=, = or != for numbers`, 0},

		{`region:"south asia`, 7, 18, `unterminated quote: close it with "`, 0},
		{`"south`, 0, 6, `unterminated quote: close it with "`, 0},
		{`region:"south\"`, 7, 15, `unterminated quote: close it with "`, 0}, // the quote is escaped
		{`region:"south"asia`, 14, 15, `missing space after the closing quote`, 0},
		{`region:so"uth"`, 9, 10, `a quote can only open a value, as in region:"South Asia"`, 0},
		{`nige"ria"`, 4, 5, `a quote can only open a value, as in region:"South Asia"`, 0},

		{`- region:x`, 0, 1, `"-" needs a term after it, as in -protected:yes`, 0},
		{`nigeria -`, 8, 9, `"-" needs a term after it, as in -protected:yes`, 0},
		{`protected:maybe`, 10, 15, `protected is yes or no, not "maybe"`, 0},
		{`region:"--"`, 7, 11, `"--" has no letters or digits to match`, 0},
		{`lang:"()"`, 5, 9, `"()" names no language; give a code or a name, as in lang:fr`, 0},
		{"\u0301", 0, 2, `"́" has nothing to search for`, 0},

		// Pos and End are bytes; the column of Error counts characters.
		{`région>3`, 7, 8, `région is text: write région:VALUE, as in region:"South Asia"`, 7},
		{`Côte editorship<x`, 17, 18, `"x" is not a number`, 17},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			f, err := ParseFilter(tt.expr)
			var fe *FilterError
			if !errors.As(err, &fe) {
				t.Fatalf("ParseFilter(%q) = %v, %v; want a *FilterError", tt.expr, f, err)
			}
			if fe.Pos != tt.pos || fe.End != tt.end || fe.Msg != tt.msg {
				t.Errorf("ParseFilter(%q) error at [%d, %d) %q\nwant at [%d, %d) %q", tt.expr, fe.Pos, fe.End, fe.Msg, tt.pos, tt.end, tt.msg)
			}
			if fe.Pos < 0 || fe.End > len(tt.expr) || fe.Pos >= fe.End {
				t.Errorf("ParseFilter(%q) error at [%d, %d): not a token of the input", tt.expr, fe.Pos, fe.End)
			}
			col := tt.col
			if col == 0 {
				col = tt.pos + 1
			}
			if want := fmt.Sprintf("column %d: %s", col, tt.msg); err.Error() != want {
				t.Errorf("Error() = %q, want %q", err.Error(), want)
			}
			if !f.Empty() || f.String() != "" {
				t.Errorf("ParseFilter(%q) returned a filter with its error: %q", tt.expr, f.String())
			}
		})
	}
}

func TestFilterErrorExample(t *testing.T) {
	_, err := ParseFilter("edtorship<40")
	if want := `column 1: unknown field "edtorship"; did you mean editorship?`; err == nil || err.Error() != want {
		t.Errorf("ParseFilter(edtorship<40) = %v, want %s", err, want)
	}
	if got := (&FilterError{Pos: 4, End: 6, Msg: "x"}).Error(); got != "column 5: x" {
		t.Errorf("a FilterError made by hand reads %q, want column 5: x", got)
	}
}

func TestFilterEmpty(t *testing.T) {
	d := filterDataset(t)
	var zero Filter
	if !zero.Empty() || zero.String() != "" {
		t.Errorf("zero Filter: Empty %v, String %q", zero.Empty(), zero.String())
	}
	for _, c := range d.Countries {
		if !zero.Match(d, c, 2024) || !zero.Match(nil, c, 0) {
			t.Errorf("the zero Filter refuses %s", c.ISO2)
		}
	}
	f, err := ParseFilter(" nigeria ")
	if err != nil || f.Empty() || f.String() != "nigeria" {
		t.Errorf("ParseFilter(\" nigeria \") = Empty %v, String %q, %v", f.Empty(), f.String(), err)
	}
}

// A filter that needs data finds none without a dataset, rather than failing.
func TestFilterNilDataset(t *testing.T) {
	c := Country{ISO2: "FR", ISO3: "FRA", Name: "France", WikimediaRegion: "Northern & Western Europe",
		Languages: []CountryLanguage{{Lang: "fr"}}, DataRiskScore: ptr(20)}
	for expr, want := range map[string]bool{
		"france": true, "region:northern": true, "lang:fr": true, "risk<30": true,
		"lang:french": false, "wiki:fr": false, "editorship>0": false, "population>0": false, "-population>0": true,
	} {
		f, err := ParseFilter(expr)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Match(nil, c, 2024); got != want {
			t.Errorf("%s without a dataset: %v, want %v", expr, got, want)
		}
	}
}

func TestFilterFields(t *testing.T) {
	fields := FilterFields()
	var names []string
	for _, f := range fields {
		names = append(names, f.Name)
		if f.Help == "" {
			t.Errorf("field %s has no help", f.Name)
		}
		// The kind says which operators the parser takes.
		text, textErr := ParseFilter(f.Name + ":yes")
		num, numErr := ParseFilter(f.Name + ">1")
		switch f.Kind {
		case "text":
			if textErr != nil || numErr == nil || text.terms[0].op != opText {
				t.Errorf("text field %s: %s:yes → %v; %s>1 → %v", f.Name, f.Name, textErr, f.Name, numErr)
			}
		case "number":
			if numErr != nil || textErr == nil || num.terms[0].op != opGT {
				t.Errorf("number field %s: %s>1 → %v; %s:yes → %v", f.Name, f.Name, numErr, f.Name, textErr)
			}
		default:
			t.Errorf("field %s is of kind %q", f.Name, f.Kind)
		}
	}
	if got := strings.Join(names, ", "); got != allFields {
		t.Errorf("FilterFields() = %s\nwant %s", got, allFields)
	}
	// Every domain is a field.
	for _, dom := range Domains() {
		if !slices.Contains(names, string(dom.ID)) {
			t.Errorf("domain %s is not a filter field", dom.ID)
		}
	}
}

// Match folds country text into buffers on the stack: it must not allocate.
func TestFilterMatchAllocs(t *testing.T) {
	d := filterDataset(t)
	for _, expr := range []string{
		"nigeria", "côte", "region:sub", `region:"central & eastern"`, "subregion:western", "continent:africa",
		"economic:south", "class:least", "market:build", "protected:yes", "lang:serbian", "lang:fr", "wiki:hausa",
		"wiki:kr", "editorship<40", "readership.growth>60", "population>10m", "internet=19.2", "literacy>1",
		"gdp>1", "risk>60", "-region:south", `region:"South Asia" editorship<40 readership.growth>60`,
	} {
		f, err := ParseFilter(expr)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		allocs := testing.AllocsPerRun(50, func() {
			for _, c := range d.Countries {
				if f.Match(d, c, 2024) {
					n++
				}
			}
		})
		if allocs != 0 {
			t.Errorf("%s: Match allocates %v times over %d countries", expr, allocs, len(d.Countries))
		}
	}
}

// referenceFold is Fold as its documentation reads: NFD, combining marks
// dropped, typographic apostrophes made plain, lower case.
func referenceFold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '’' || r == '‘':
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// referenceKey is regionKey as its documentation reads: folded, "&" read
// as "and", letters and digits in words separated by single spaces.
func referenceKey(s string) string {
	s = strings.ReplaceAll(referenceFold(s), "&", " and ")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}), " ")
}

// Fold (appendFold) folds as the reference does, over every rune and for
// words.
func TestAppendFold(t *testing.T) {
	check := func(s string) bool {
		if got, want := Fold(s), referenceFold(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
			return false
		}
		return true
	}
	for _, s := range []string{"", "Côte d’Ivoire", "ÅLAND", "São Tomé & Príncipe", "Curaçao", "Türkiye",
		"Réunion", "한국", "Co\u0302te", "ǅ", "ﬁ", "İstanbul", "Ὀδυσσεύς", "\xff\xfe", "Ω K Å"} {
		check(s)
	}
	bad := 0
	for r := rune(0); r <= unicode.MaxRune && bad < 5; r++ {
		if !check(string(r)) {
			bad++
		}
	}
}

// appendKey writes what regionKey returns, or with a limit at least that
// much of its start.
func TestAppendKey(t *testing.T) {
	check := func(s string) bool {
		want := referenceKey(s)
		if got := regionKey(s); got != want {
			t.Errorf("regionKey(%q) = %q, want %q", s, got, want)
			return false
		}
		for limit := range len(want) + 2 {
			got := string(appendKey([]byte("x"), s, limit))
			if !strings.HasPrefix("x"+want, got) || len(got)-1 < min(limit, len(want)) {
				t.Errorf("appendKey(%q, limit %d) = %q, not the start of %q", s, limit, got[1:], want)
				return false
			}
		}
		return true
	}
	for _, s := range []string{"", "&", "&&", " & ", "a&b", "South Asia", "Sub-Saharan Africa",
		"Central & Eastern Europe & Central Asia", "East, Southeast Asia, & Pacific", "  --Middle East & North Africa-- ",
		"Latin America & Caribbean", "Côte d’Ivoire", "Serbian (Latin)", "A–B", "x\u00a0y", "R&D"} {
		check(s)
	}
	bad := 0
	for r := rune(0); r < 0x3000 && bad < 5; r++ {
		if !check("a" + string(r) + "&" + string(r) + "b") {
			bad++
		}
	}
}

// benchDataset is 250 countries in 8 regions with editorship scores and
// populations.
func benchDataset(b *testing.B) *Dataset {
	b.Helper()
	regions := []string{"Central & Eastern Europe & Central Asia", "East, Southeast Asia, & Pacific",
		"Latin America & Caribbean", "Middle East & North Africa", "North America",
		"Northern & Western Europe", "South Asia", "Sub-Saharan Africa"}
	var context []Indicator
	for _, ind := range Catalog() {
		if ind.Facet == Context || ind.MostRecent() && !ind.Derived() {
			context = append(context, ind)
		}
	}
	p := Parts{Indicators: context}
	var scores []Score
	for i := range 250 {
		iso2 := fmt.Sprintf("%c%c", 'A'+i/26, 'A'+i%26)
		p.Countries = append(p.Countries, Country{ISO2: iso2, ISO3: iso2 + "X", Name: fmt.Sprintf("Républica %d", i),
			WikimediaRegion: regions[i%len(regions)], UNSubregion: "Western Africa", EmergingClass: "Emerging"})
		p.Observations = append(p.Observations, Observation{ISO2: iso2, Indicator: IndPopulation, Year: 2022, Value: float64(i) * 1e6})
		scores = append(scores,
			Score{ISO2: iso2, Domain: Editorship, Facet: Overall, Year: 2024, Score: float64(i % 100)},
			Score{ISO2: iso2, Domain: Readership, Facet: Growth, Year: 2024, Score: float64((i * 7) % 100)})
	}
	d, err := New(p)
	if err != nil {
		b.Fatal(err)
	}
	d.SetScores(scores)
	return d
}

// BenchmarkFilterMatch runs a three-term filter over 250 countries: one
// iteration is the whole table.
func BenchmarkFilterMatch(b *testing.B) {
	d := benchDataset(b)
	f, err := ParseFilter(`region:"sub-saharan" editorship<40 population>10m`)
	if err != nil {
		b.Fatal(err)
	}
	// Every term is evaluated for some countries: check the filter keeps some.
	kept := 0
	for _, c := range d.Countries {
		if f.Match(d, c, 2024) {
			kept++
		}
	}
	if kept == 0 || kept == len(d.Countries) {
		b.Fatalf("the benchmark filter keeps %d of %d countries", kept, len(d.Countries))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range d.Countries {
			f.Match(d, c, 2024)
		}
	}
}
