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

// Aliases are model.CountryAliases: the names public releases give
// countries where they differ from the canonical ones.
func Aliases() map[string]string { return model.CountryAliases() }
