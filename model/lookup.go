package model

import (
	"fmt"
	"sort"
	"strings"
)

// NotFoundError is returned when a country query matches nothing, or more
// than one country. It carries the closest names so that the message can
// suggest them.
type NotFoundError struct {
	Query       string
	Ambiguous   bool
	Suggestions []string // "Name (CODE)"
}

func (e *NotFoundError) Error() string {
	if e.Ambiguous {
		return fmt.Sprintf("%q matches several countries: %s; give its ISO code", e.Query, strings.Join(e.Suggestions, ", "))
	}
	if len(e.Suggestions) == 0 {
		return fmt.Sprintf("no country matches %q; list them with `equity countries`", e.Query)
	}
	return fmt.Sprintf("no country matches %q; did you mean %s?", e.Query, orList(e.Suggestions))
}

func orList(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}

// FindCountry finds a country by ISO alpha-2 code, alpha-3 code, name or
// another name it goes by (CountryAliases), in any case and with or without
// accents. A name may be a unique prefix
// ("nige" is ambiguous, "nigeria" is not).
func (d *Dataset) FindCountry(query string) (Country, error) {
	q := Fold(strings.TrimSpace(query))
	if q == "" {
		return Country{}, &NotFoundError{Query: query}
	}
	for _, c := range d.Countries {
		if q == Fold(c.ISO2) || q == Fold(c.ISO3) || q == Fold(c.Name) {
			return c, nil
		}
	}
	// Another name the country goes by ("UK", "Czechia", "DR Congo") before
	// a prefix, which would take "uk" for Ukraine.
	for alias, iso2 := range CountryAliases() {
		if Fold(alias) == q {
			if c, ok := d.Country(iso2); ok {
				return c, nil
			}
		}
	}
	var prefixed []Country
	for _, c := range d.Countries {
		if strings.HasPrefix(Fold(c.Name), q) {
			prefixed = append(prefixed, c)
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0], nil
	}
	if len(prefixed) > 1 {
		return Country{}, &NotFoundError{Query: query, Ambiguous: true, Suggestions: labels(prefixed, 6)}
	}
	return Country{}, &NotFoundError{Query: query, Suggestions: labels(d.closest(q, 3), 3)}
}

func labels(cs []Country, max int) []string {
	var out []string
	for i, c := range cs {
		if i == max {
			break
		}
		out = append(out, fmt.Sprintf("%s (%s)", c.Name, c.ISO2))
	}
	return out
}

// closest returns up to n countries whose names are nearest to q by edit
// distance, counting only those close enough to be a plausible typo.
func (d *Dataset) closest(q string, n int) []Country {
	type cand struct {
		c    Country
		dist int
	}
	var cands []cand
	for _, c := range d.Countries {
		name := Fold(c.Name)
		dist := Levenshtein(q, name)
		// A query that is a word of a longer name ("korea") is close too.
		if strings.Contains(name, q) {
			dist = min(dist, 1)
		}
		limit := max(2, len([]rune(q))/2)
		if dist <= limit {
			cands = append(cands, cand{c, dist})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].dist < cands[j].dist })
	var out []Country
	for i := 0; i < len(cands) && i < n; i++ {
		out = append(out, cands[i].c)
	}
	return out
}

// Levenshtein is the number of single-rune insertions, deletions and
// substitutions that turn a into b.
func Levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Fold lowers a string and strips its accents, so that "cote d'ivoire" finds
// "Côte d’Ivoire" and "aland" finds "Åland". Typographic apostrophes become
// plain ones for the same reason.
// It is appendFold, the allocation-free form the filter uses, into a new
// string.
func Fold(s string) string {
	return string(appendFold(make([]byte, 0, len(s)), s))
}
