package model_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/equitylandscape/equity/model"
)

func lookupDataset(t *testing.T) *model.Dataset {
	t.Helper()
	d, err := model.New(model.Parts{Countries: []model.Country{
		{ISO2: "CI", ISO3: "CIV", Name: "Côte d’Ivoire"},
		{ISO2: "NE", ISO3: "NER", Name: "Niger"},
		{ISO2: "NG", ISO3: "NGA", Name: "Nigeria"},
		{ISO2: "AX", ISO3: "ALA", Name: "Åland Islands"},
		{ISO2: "KR", ISO3: "KOR", Name: "South Korea"},
		{ISO2: "KP", ISO3: "PRK", Name: "North Korea"},
		{ISO2: "FR", ISO3: "FRA", Name: "France"},
		{ISO2: "DE", ISO3: "DEU", Name: "Germany"},
		{ISO2: "GB", ISO3: "GBR", Name: "United Kingdom"},
		{ISO2: "UA", ISO3: "UKR", Name: "Ukraine"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestFindCountry(t *testing.T) {
	d := lookupDataset(t)
	tests := []struct {
		query string
		want  string // ISO2
	}{
		{"NG", "NG"},                  // alpha-2
		{"ng", "NG"},                  // any case
		{"NER", "NE"},                 // alpha-3
		{"prk", "KP"},                 // alpha-3, lower case
		{"Niger", "NE"},               // a full name wins over being a prefix of Nigeria
		{"NIGERIA", "NG"},             // full name, any case
		{"  france  ", "FR"},          // surrounding space ignored
		{"Côte d’Ivoire", "CI"},       // as written
		{"cote d'ivoire", "CI"},       // accents folded, plain apostrophe
		{"CÔTE D'IVOIRE", "CI"},       // upper case with accent
		{"aland islands", "AX"},       // Å folded
		{"aland", "AX"},               // unique prefix, folded
		{"germ", "DE"},                // unique prefix
		{"south", "KR"},               // unique prefix of a two-word name
		{"Co\u0302te d’Ivoire", "CI"}, // decomposed accent in the query
		{"UK", "GB"},                  // an alias before a prefix of Ukraine
		{"uk", "GB"},                  // in any case
		{"ukr", "UA"},                 // Ukraine's alpha-3
		{"Korea, Rep.", "KR"},         // the World Bank's name
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			c, err := d.FindCountry(tt.query)
			if err != nil || c.ISO2 != tt.want {
				t.Errorf("FindCountry(%q) = %s, %v; want %s", tt.query, c.ISO2, err, tt.want)
			}
		})
	}
}

func TestFindCountryNotFound(t *testing.T) {
	d := lookupDataset(t)
	tests := []struct {
		query       string
		ambiguous   bool
		suggestions []string
		message     string
	}{
		{
			// prefix of Niger and Nigeria, in dataset (name) order
			query: "nige", ambiguous: true, suggestions: []string{"Niger (NE)", "Nigeria (NG)"},
			message: `"nige" matches several countries: Niger (NE), Nigeria (NG); give its ISO code`,
		},
		{
			// "n" starts Niger, Nigeria and North Korea
			query: "N", ambiguous: true, suggestions: []string{"Niger (NE)", "Nigeria (NG)", "North Korea (KP)"},
			message: `"N" matches several countries: Niger (NE), Nigeria (NG), North Korea (KP); give its ISO code`,
		},
		{
			// nothing within 4 (= 8/2) edits of "atlantis": the shortest other names
			// (niger, france, nigeria, germany) share at most 2 letters in order with it
			query: "atlantis", suggestions: nil,
			message: "no country matches \"atlantis\"; list them with `equity countries`",
		},
		{
			// "germny" → "germany" is one insertion; limit max(2, 6/2) = 3
			query: "germny", suggestions: []string{"Germany (DE)"},
			message: `no country matches "germny"; did you mean Germany (DE)?`,
		},
		{
			// "nigeira" → "nigeria": 2 substitutions; → "niger": delete i and a, 2; limit max(2, 7/2) = 3;
			// equal distances keep dataset (name) order
			query: "nigeira", suggestions: []string{"Niger (NE)", "Nigeria (NG)"},
			message: `no country matches "nigeira"; did you mean Niger (NE) or Nigeria (NG)?`,
		},
		{
			// nearest first, whatever the name order: "nigerla" → "nigeria" is one
			// substitution (l→i), → "niger" two deletions; limit max(2, 7/2) = 3
			query: "nigerla", suggestions: []string{"Nigeria (NG)", "Niger (NE)"},
			message: `no country matches "nigerla"; did you mean Nigeria (NG) or Niger (NE)?`,
		},
		{
			// a word inside two names counts as a near miss
			query: "korea", suggestions: []string{"North Korea (KP)", "South Korea (KR)"},
			message: `no country matches "korea"; did you mean North Korea (KP) or South Korea (KR)?`,
		},
		{
			query: "   ", suggestions: nil,
			message: "no country matches \"   \"; list them with `equity countries`",
		},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			c, err := d.FindCountry(tt.query)
			var nf *model.NotFoundError
			if !errors.As(err, &nf) {
				t.Fatalf("FindCountry(%q) = %+v, %v; want a *NotFoundError", tt.query, c, err)
			}
			if nf.Query != tt.query || nf.Ambiguous != tt.ambiguous || !slices.Equal(nf.Suggestions, tt.suggestions) {
				t.Errorf("error = %+v; want ambiguous %v, suggestions %q", nf, tt.ambiguous, tt.suggestions)
			}
			if err.Error() != tt.message {
				t.Errorf("message\n got %s\nwant %s", err, tt.message)
			}
		})
	}
}

func TestNotFoundErrorMessage(t *testing.T) {
	// three suggestions: commas, then "or"
	e := &model.NotFoundError{Query: "x", Suggestions: []string{"A (AA)", "B (BB)", "C (CC)"}}
	if want := `no country matches "x"; did you mean A (AA), B (BB) or C (CC)?`; e.Error() != want {
		t.Errorf("got %s\nwant %s", e, want)
	}
	// a query with quotes is quoted safely
	e = &model.NotFoundError{Query: `a"b`}
	if want := "no country matches \"a\\\"b\"; list them with `equity countries`"; e.Error() != want {
		t.Errorf("got %s\nwant %s", e, want)
	}
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"a", "", 1},             // one deletion
		{"", "abc", 3},           // three insertions
		{"abc", "abc", 0},        // equal
		{"abc", "abd", 1},        // one substitution
		{"abc", "acb", 2},        // a swap is two substitutions
		{"kitten", "sitting", 3}, // k→s, e→i, +g
		{"flaw", "lawn", 2},      // -f, +n
		{"niger", "nigeria", 2},  // +i, +a
		{"côte", "cote", 1},      // runes, not bytes: ô is one substitution (2 bytes)
		{"日本", "日本国", 1},         // one rune inserted
		{"åland", "aland", 1},
	}
	for _, tt := range tests {
		if got := model.Levenshtein(tt.a, tt.b); got != tt.want {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := model.Levenshtein(tt.b, tt.a); got != tt.want {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d (symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"france", "france"},
		{"FRANCE", "france"},
		{"Côte d’Ivoire", "cote d'ivoire"},            // accent and typographic apostrophe
		{"Co\u0302te d\u2019Ivoire", "cote d'ivoire"}, // already decomposed
		{"‘quoted’", "'quoted'"},
		{"Åland Islands", "aland islands"},
		{"São Tomé and Príncipe", "sao tome and principe"},
		{"CURAÇAO", "curacao"},
		{"Türkiye", "turkiye"},
		{"Réunion", "reunion"},
		{"日本", "日本"}, // nothing to fold
	}
	for _, tt := range tests {
		if got := model.Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
