package checklist

import (
	"sort"
	"strings"
	"unicode"

	"github.com/equitylandscape/equity/model"
)

// candidate is a subject the picker offers: a country, or (for use case 2)
// a Wikimedia region.
type candidate struct {
	subject model.Subject
	name    string // as shown, cleaned
	folded  string // model.Fold of the name
	codes   []string
	region  bool
	pop     float64 // people, for ordering equal matches
	members int     // a region's countries
}

// candidates are the subjects of a use case: the regions first (when the use
// case takes them), then the countries, each group by name.
func candidates(d *model.Dataset, uc model.UseCase, year int) []candidate {
	var out []candidate
	byRegion := false
	for _, k := range uc.Subjects {
		byRegion = byRegion || k == model.SubjectRegion
	}
	if byRegion {
		pops, members := map[string]float64{}, map[string]int{}
		for _, c := range d.Countries {
			if r := c.WikimediaRegion; r != "" {
				members[r]++
				if p, ok := d.ContextAt(c.ISO2, model.IndPopulation, year); ok {
					pops[r] += p.Value
				}
			}
		}
		for _, r := range d.WikimediaRegions() {
			name := model.CleanText(r)
			out = append(out, candidate{
				subject: model.Subject{Region: r, Grouping: model.GroupWikimedia},
				name:    name, folded: model.Fold(name), region: true,
				pop: pops[r], members: members[r],
			})
		}
	}
	countries := make([]candidate, 0, len(d.Countries))
	for _, c := range d.Countries {
		name := model.CleanText(c.Name)
		cd := candidate{subject: model.Subject{Country: c}, name: name, folded: model.Fold(name)}
		for _, code := range []string{c.ISO2, c.ISO3} {
			if code != "" {
				cd.codes = append(cd.codes, model.Fold(code))
			}
		}
		if p, ok := d.ContextAt(c.ISO2, model.IndPopulation, year); ok {
			cd.pop = p.Value
		}
		countries = append(countries, cd)
	}
	sort.SliceStable(countries, func(i, j int) bool { return countries[i].folded < countries[j].folded })
	return append(out, countries...)
}

// Match tiers, best first.
const (
	tierExact      = iota // the name, or an ISO code
	tierPrefix            // the name starts with the text
	tierWordPrefix        // a word of the name does
	tierSubstring         // the name holds it
	tierLetters           // the name holds its letters in order (3 or more)
	noMatch        = -1
)

// tier says how well a candidate matches a folded query.
func (c *candidate) tier(q string) int {
	switch {
	case q == "":
		return tierExact
	case c.folded == q || c.isCode(q):
		return tierExact
	case strings.HasPrefix(c.folded, q):
		return tierPrefix
	case wordPrefix(c.folded, q):
		return tierWordPrefix
	case strings.Contains(c.folded, q):
		return tierSubstring
	}
	if len([]rune(q)) >= 3 && inOrder(c.folded, q) {
		return tierLetters
	}
	return noMatch
}

func (c *candidate) isCode(q string) bool {
	for _, code := range c.codes {
		if code == q {
			return true
		}
	}
	return false
}

// wordPrefix reports whether a word of s (after a space, a hyphen, an
// apostrophe or other punctuation) starts with q.
func wordPrefix(s, q string) bool {
	prev := ' '
	for i, r := range s {
		if !isWordRune(prev) && isWordRune(r) && strings.HasPrefix(s[i:], q) {
			return true
		}
		prev = r
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// inOrder reports whether the letters of q appear in s in order, the
// loosest match: "brzl" finds Brazil.
func inOrder(s, q string) bool {
	qr := []rune(strings.ReplaceAll(q, " ", ""))
	i := 0
	for _, r := range s {
		if i < len(qr) && r == qr[i] {
			i++
		}
	}
	return i == len(qr)
}

// match returns the candidates that match a query, best first: by tier,
// then regions before countries, then the most people; the list order
// (by name) breaks the last ties. An empty query gives every candidate in
// list order.
func match(all []candidate, query string) []int {
	q := model.Fold(strings.TrimSpace(query))
	type hit struct{ i, tier int }
	var hits []hit
	for i := range all {
		if t := all[i].tier(q); t != noMatch {
			hits = append(hits, hit{i, t})
		}
	}
	if q != "" {
		sort.SliceStable(hits, func(a, b int) bool {
			ha, hb := hits[a], hits[b]
			ca, cb := &all[ha.i], &all[hb.i]
			switch {
			case ha.tier != hb.tier:
				return ha.tier < hb.tier
			case ca.region != cb.region:
				return ca.region
			}
			return ca.pop > cb.pop
		})
	}
	out := make([]int, len(hits))
	for n, h := range hits {
		out[n] = h.i
	}
	return out
}
