package importer

import (
	"strings"

	"github.com/equitylandscape/equity/model"
)

// Names resolves country names and ISO codes to ISO alpha-2 codes: the
// canonical names, alpha-2 and alpha-3 codes of the countries it was made
// from, and the other names public releases give them (Aliases). Matching
// ignores case, accents and surrounding spaces (model.Fold), so "cote
// d'ivoire", "Côte d’Ivoire" and "CIV" all find CI.
type Names struct {
	iso2 map[string]string // folded name or code → ISO2
}

// NewNames indexes the countries' names and codes, and the aliases of the
// countries that are among them. A canonical name always wins over an alias.
func NewNames(countries []model.Country) *Names {
	n := &Names{iso2: make(map[string]string, 4*len(countries)+len(Aliases()))}
	known := make(map[string]bool, len(countries))
	for _, c := range countries {
		known[c.ISO2] = true
	}
	for alias, iso2 := range Aliases() {
		if known[iso2] {
			n.add(alias, iso2)
		}
	}
	for _, c := range countries {
		for _, key := range []string{c.ISO2, c.ISO3, c.Name} {
			n.add(key, c.ISO2)
		}
	}
	return n
}

// add indexes a name as written and folded: most lookups are of a name
// exactly as a release spells it, which then needs no folding.
func (n *Names) add(name, iso2 string) {
	if name = strings.TrimSpace(name); name != "" {
		n.iso2[name] = iso2
		n.iso2[model.Fold(name)] = iso2
	}
}

// Lookup returns the ISO alpha-2 code of a country name, alias, alpha-2 or
// alpha-3 code.
func (n *Names) Lookup(name string) (iso2 string, ok bool) {
	key := strings.TrimSpace(name)
	if key == "" {
		return "", false
	}
	// Try the name as written before folding it, which allocates.
	if iso2, ok = n.iso2[key]; ok {
		return iso2, true
	}
	iso2, ok = n.iso2[model.Fold(key)]
	return iso2, ok
}

// Aliases returns the names that public releases give countries where they
// differ from the canonical names (the English Wikipedia's titles), with the
// ISO alpha-2 code they stand for: the World Bank's ("Korea, Rep.", "Lao
// PDR", "Congo, Dem. Rep."), the UN's and ISO's formal names ("Iran (Islamic
// Republic of)", "Korea, Republic of", "Viet Nam"), MaxMind's, which
// geolocation (and so Geoeditors) uses ("DR Congo", "Hashemite Kingdom of
// Jordan", "The Netherlands"), and current or former short names
// ("Czechia", "Türkiye", "Swaziland", "Burma"). Accents and case do not
// matter (model.Fold): "Cote d'Ivoire" is "Côte d'Ivoire". A new map each
// call: there is no package state to change.
func Aliases() map[string]string {
	return map[string]string{
		"Aland Islands":                                "AX",
		"Åland Islands":                                "AX",
		"Bahamas, The":                                 "BS",
		"The Bahamas":                                  "BS",
		"Bolivia (Plurinational State of)":             "BO",
		"Plurinational State of Bolivia":               "BO",
		"Bonaire, Sint Eustatius and Saba":             "BQ",
		"Caribbean Netherlands":                        "BQ",
		"Brunei Darussalam":                            "BN",
		"Burma":                                        "MM",
		"Cabo Verde":                                   "CV",
		"Cocos [Keeling] Islands":                      "CC",
		"Cocos Islands":                                "CC",
		"Congo, Dem. Rep.":                             "CD",
		"Congo, The Democratic Republic of the":        "CD",
		"Democratic Republic of Congo":                 "CD",
		"DR Congo":                                     "CD",
		"DRC":                                          "CD",
		"Congo-Kinshasa":                               "CD",
		"Congo (Kinshasa)":                             "CD",
		"Congo, Rep.":                                  "CG",
		"Congo":                                        "CG",
		"Congo Republic":                               "CG",
		"Congo-Brazzaville":                            "CG",
		"Congo (Brazzaville)":                          "CG",
		"Côte d'Ivoire":                                "CI",
		"Czechia":                                      "CZ",
		"Egypt, Arab Rep.":                             "EG",
		"Falkland Islands (Malvinas)":                  "FK",
		"French Southern Territories":                  "TF",
		"Gambia, The":                                  "GM",
		"The Gambia":                                   "GM",
		"Hashemite Kingdom of Jordan":                  "JO",
		"Heard and McDonald Islands":                   "HM",
		"Holy See":                                     "VA",
		"Vatican":                                      "VA",
		"Hong Kong SAR, China":                         "HK",
		"China, Hong Kong SAR":                         "HK",
		"Hong Kong SAR":                                "HK",
		"Iran, Islamic Rep.":                           "IR",
		"Iran (Islamic Republic of)":                   "IR",
		"Islamic Republic of Iran":                     "IR",
		"Korea, Dem. People's Rep.":                    "KP",
		"Korea, Democratic People's Republic of":       "KP",
		"Democratic People's Republic of Korea":        "KP",
		"Korea (Democratic People's Republic of)":      "KP",
		"Korea, Rep.":                                  "KR",
		"Korea, Republic of":                           "KR",
		"Korea (Republic of)":                          "KR",
		"Republic of Korea":                            "KR",
		"Kyrgyz Republic":                              "KG",
		"Lao PDR":                                      "LA",
		"Lao People's Democratic Republic":             "LA",
		"Macao SAR, China":                             "MO",
		"China, Macao SAR":                             "MO",
		"Macau":                                        "MO",
		"Macedonia":                                    "MK",
		"Republic of North Macedonia":                  "MK",
		"The former Yugoslav Republic of Macedonia":    "MK",
		"Micronesia":                                   "FM",
		"Micronesia, Fed. Sts.":                        "FM",
		"Micronesia (Federated States of)":             "FM",
		"Moldova, Republic of":                         "MD",
		"Republic of Moldova":                          "MD",
		"Netherlands (Kingdom of the)":                 "NL",
		"The Netherlands":                              "NL",
		"Palestine, State of":                          "PS",
		"State of Palestine":                           "PS",
		"West Bank and Gaza":                           "PS",
		"Palestinian Territory":                        "PS",
		"Pitcairn":                                     "PN",
		"Republic of Lithuania":                        "LT",
		"Reunion":                                      "RE",
		"Russian Federation":                           "RU",
		"Saint Helena":                                 "SH",
		"Saint Helena, Ascension and Tristan da Cunha": "SH",
		"Saint Martin (French part)":                   "MF",
		"St. Martin (French part)":                     "MF",
		"Sint Maarten (Dutch part)":                    "SX",
		"St. Kitts and Nevis":                          "KN",
		"St Kitts and Nevis":                           "KN",
		"St. Lucia":                                    "LC",
		"St. Vincent and the Grenadines":               "VC",
		"St Vincent and Grenadines":                    "VC",
		"Saint Vincent and Grenadines":                 "VC",
		"St Barthélemy":                                "BL",
		"Slovak Republic":                              "SK",
		"Somalia, Fed. Rep.":                           "SO",
		"South Georgia and South Sandwich Islands":     "GS",
		"Svalbard and Jan Mayen Islands":               "SJ",
		"Swaziland":                                    "SZ",
		"eSwatini":                                     "SZ",
		"Syrian Arab Republic":                         "SY",
		"Taiwan, China":                                "TW",
		"Taiwan, Province of China":                    "TW",
		"Tanzania, United Republic of":                 "TZ",
		"United Republic of Tanzania":                  "TZ",
		"Timor-Leste":                                  "TL",
		"Türkiye":                                      "TR",
		"Turkiye":                                      "TR",
		"U.S. Minor Outlying Islands":                  "UM",
		"U.S. Outlying Islands":                        "UM",
		"U.S. Virgin Islands":                          "VI",
		"Virgin Islands (U.S.)":                        "VI",
		"Virgin Islands, U.S.":                         "VI",
		"Virgin Islands (British)":                     "VG",
		"Virgin Islands, British":                      "VG",
		"United Kingdom of Great Britain and Northern Ireland": "GB",
		"UK":                                 "GB",
		"United States of America":           "US",
		"Venezuela, RB":                      "VE",
		"Venezuela (Bolivarian Republic of)": "VE",
		"Bolivarian Republic of Venezuela":   "VE",
		"Viet Nam":                           "VN",
		"Wallis and Futuna Islands":          "WF",
		"Yemen, Rep.":                        "YE",
	}
}
