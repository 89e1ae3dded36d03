package importer

import (
	"testing"

	"github.com/equitylandscape/equity/model"
)

func TestNamesLookup(t *testing.T) {
	n := NewNames(fixtureCountries(t))
	for _, tc := range []struct {
		name, want string
	}{
		{"NG", "NG"}, {"nga", "NG"}, {"Nigeria", "NG"}, {"  NIGERIA ", "NG"},
		{"Ivory Coast", "CI"}, {"Côte d'Ivoire", "CI"}, {"Cote d'Ivoire", "CI"}, {"CÔTE D’IVOIRE", "CI"}, {"CIV", "CI"},
		{"United States", "US"}, {"United States of America", "US"}, {"USA", "US"},
		{"Namibia", "NA"}, {"NA", "NA"}, {"na", "NA"}, {"NAM", "NA"},
		{"Czech Republic", "CZ"}, {"Czechia", "CZ"},
		{"Russia", "RU"}, {"Russian Federation", "RU"},
		{"Bonaire, Sint Eustatius and Saba", "BQ"}, {"Bonaire, Sint Eustatius, and Saba", "BQ"},
		{"Kosovo", "XK"}, {"XKX", "XK"},
		{"Atlantis", ""}, {"", ""}, {"Unknown", ""},
		// Aliases of countries that are not in the list find nothing.
		{"Viet Nam", ""}, {"Korea, Rep.", ""},
	} {
		got, ok := n.Lookup(tc.name)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tc.name, got, ok, tc.want)
		}
	}
}

// TestAliasesReference checks the alias table against the real canonical
// list: every alias names a country of the list, none is taken by another
// country's name or code, and every canonical name and code finds its own
// country.
func TestAliasesReference(t *testing.T) {
	cs := referenceCountries(t)
	n := NewNames(cs)
	known := map[string]bool{}
	for _, c := range cs {
		known[c.ISO2] = true
		for _, key := range []string{c.ISO2, c.ISO3, c.Name, model.Fold(c.Name)} {
			if got, _ := n.Lookup(key); got != c.ISO2 {
				t.Errorf("Lookup(%q) = %q, want %s", key, got, c.ISO2)
			}
		}
	}
	for alias, iso2 := range Aliases() {
		if !known[iso2] {
			t.Errorf("alias %q names %s, which is not a canonical country", alias, iso2)
		}
		if got, _ := n.Lookup(alias); got != iso2 {
			t.Errorf("Lookup(%q) = %q, want %s: the alias is taken", alias, got, iso2)
		}
	}
	// The names the brief and the releases use.
	for name, want := range map[string]string{
		"United States of America": "US", "Russian Federation": "RU", "Iran, Islamic Rep.": "IR", "Korea, Republic of": "KR",
		"Côte d'Ivoire": "CI", "Cote d'Ivoire": "CI", "Czech Republic": "CZ", "Czechia": "CZ", "Viet Nam": "VN",
		"Türkiye": "TR", "Turkiye": "TR", "Lao PDR": "LA", "Congo, Dem. Rep.": "CD", "Congo, Rep.": "CG",
		"Hong Kong SAR, China": "HK", "Macao SAR, China": "MO", "Egypt, Arab Rep.": "EG", "Yemen, Rep.": "YE",
		"Venezuela, RB": "VE", "Gambia, The": "GM", "Bahamas, The": "BS", "Micronesia, Fed. Sts.": "FM",
		"Kyrgyz Republic": "KG", "Slovak Republic": "SK", "St. Lucia": "LC", "Syrian Arab Republic": "SY",
		"West Bank and Gaza": "PS", "Cabo Verde": "CV", "Timor-Leste": "TL", "Brunei Darussalam": "BN",
		"Korea, Dem. People's Rep.": "KP", "Sao Tome and Principe": "ST", "Curacao": "CW", "Eswatini": "SZ",
		"DR Congo": "CD", "Congo Republic": "CG", "The Netherlands": "NL", "Hashemite Kingdom of Jordan": "JO",
		"Bolivia (Plurinational State of)": "BO", "Tanzania, United Republic of": "TZ", "Moldova, Republic of": "MD",
	} {
		if got, _ := n.Lookup(name); got != want {
			t.Errorf("Lookup(%q) = %q, want %s", name, got, want)
		}
	}
}

func TestAliasesIsAFreshMap(t *testing.T) {
	a := Aliases()
	a["Atlantis"] = "NG"
	delete(a, "Viet Nam")
	b := Aliases()
	if _, ok := b["Atlantis"]; ok || b["Viet Nam"] != "VN" {
		t.Error("Aliases returns a shared map")
	}
}
