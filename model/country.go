package model

import (
	"sort"
	"strings"
)

// Country is a country or territory of the Wikimedia canonical list, with the
// classifications the Foundation publishes for it.
type Country struct {
	ISO2            string
	ISO3            string
	Name            string
	WikimediaRegion string // one of the 8 regions of 2022; empty for Antarctica
	UNContinent     string
	UNSubregion     string
	EconomicRegion  string // Global North or Global South
	EmergingClass   string // Developed, Emerging, Least Developed, or empty
	MarketClass     string // Build, Create, Expand, Protect, or empty
	Protected       bool   // on the country and territory protection list
	DataRiskScore   *float64
	DataRiskClass   string
	Languages       []CountryLanguage // largest share first
}

// CountryLanguage is a language spoken in a country, with the share of the
// population that speaks it (CLDR) and its official status there.
type CountryLanguage struct {
	Lang           string // CLDR code, possibly with a script: "sr_Latn"
	PopulationPct  float64
	OfficialStatus string // official, de_facto_official, official_regional, official_minority or empty
}

// Status says the language's official status in words: "official",
// "de facto official", "official (regional)", "official (minority)", or ""
// where CLDR gives none.
func (l CountryLanguage) Status() string {
	switch l.OfficialStatus {
	case "official":
		return "official"
	case "de_facto_official":
		return "de facto official"
	case "official_regional":
		return "official (regional)"
	case "official_minority":
		return "official (minority)"
	}
	return ""
}

// Wiki is one Wikimedia wiki of the canonical list.
type Wiki struct {
	DB      string // database code, e.g. "frwiki"
	Lang    string // language code as the wiki list spells it, e.g. "fr", "yue"
	Project string // wikipedia, wiktionary, ...
	Status  string // open or closed
}

// Open reports whether the wiki still accepts edits.
func (w Wiki) Open() bool { return w.Status == "open" }

// ProtectionNote explains the protection list in one line, for screens and
// exports that show a protected country.
const ProtectionNote = "on the Wikimedia country and territory protection list: raw activity counts are published only in buckets"

// ProtectionRule is the rule for protected countries' figures, word for
// word as the About screen and the README state it (Dataset.Shown applies
// it).
const ProtectionRule = "for countries on the protection list, imported raw counts are shown and exported only as buckets (as the public Geoeditors release does: 1–10, 11–20, …), never as exact counts; scores are shown."

// WikiLang maps a CLDR language code to the code the Wikimedia wiki list uses
// for the same language. The wiki list drops scripts ("zh_Hant" is read on
// zhwiki) and calls Norwegian Bokmål "no".
func WikiLang(cldr string) string {
	base, _, _ := strings.Cut(cldr, "_")
	if base == "nb" {
		return "no"
	}
	return base
}

// sortLanguages orders a country's languages largest share first, then by
// code, so that screens and exports list them the same way.
func sortLanguages(ls []CountryLanguage) {
	sort.SliceStable(ls, func(i, j int) bool {
		if ls[i].PopulationPct != ls[j].PopulationPct {
			return ls[i].PopulationPct > ls[j].PopulationPct
		}
		return ls[i].Lang < ls[j].Lang
	})
}
