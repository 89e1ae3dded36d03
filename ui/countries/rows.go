package countries

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/equitylandscape/equity/model"
)

// row is one country as the table shows it: text that never changes
// (prepared once, folded for searching) and figures of the current year.
type row struct {
	c          model.Country
	folded     string // Fold(name), for highlighting a search match
	iso2, iso3 string // the codes folded, for the likeliest match
	// foldAt maps a byte offset of folded to the byte offset of the name it
	// came from, so a match found in folded text highlights the right part
	// of the real name.
	foldAt []int
	// hay is everything a search looks through: name, codes, region and
	// languages, folded.
	hay    string
	region string // abbreviated Wikimedia region

	pop, internet       float64
	hasPop, hasInternet bool
	// internetAsOf is the year of an internet figure more than a year
	// older than the year shown (the World Bank's most recent value), 0
	// otherwise.
	internetAsOf int
	// by domain, in model.Domains() order
	score     []float64
	hasScore  []bool
	growth    []float64
	hasGrowth []bool
	class     []model.Class // of the overall score
}

func newRow(d *model.Dataset, c model.Country) row {
	r := row{c: c, region: regionAbbr(c.WikimediaRegion)}
	var folded strings.Builder
	for i, ch := range c.Name {
		f := model.Fold(string(ch))
		for range len(f) { // one entry per byte: matches are byte offsets
			r.foldAt = append(r.foldAt, i)
		}
		folded.WriteString(f)
	}
	r.foldAt = append(r.foldAt, len(c.Name))
	r.folded = folded.String()
	r.iso2, r.iso3 = model.Fold(c.ISO2), model.Fold(c.ISO3)

	hay := []string{c.Name, c.ISO2, c.ISO3, c.WikimediaRegion, c.UNSubregion}
	for _, l := range c.Languages {
		hay = append(hay, l.Lang, d.LanguageName(l.Lang))
	}
	r.hay = model.Fold(strings.Join(hay, "\x00"))
	return r
}

// refresh reads the figures of a year.
func (r *row) refresh(d *model.Dataset, year int) {
	p, ok := d.ContextAt(r.c.ISO2, model.IndPopulation, year)
	r.pop, r.hasPop = p.Value, ok
	p, ok = d.ContextAt(r.c.ISO2, model.IndInternet, year)
	r.internet, r.hasInternet = p.Value, ok
	r.internetAsOf = 0
	if ok && p.Year < year-1 {
		r.internetAsOf = p.Year
	}
	doms := model.Domains()
	if len(r.score) != len(doms) {
		r.score, r.hasScore = make([]float64, len(doms)), make([]bool, len(doms))
		r.growth, r.hasGrowth = make([]float64, len(doms)), make([]bool, len(doms))
		r.class = make([]model.Class, len(doms))
	}
	for i, dom := range doms {
		r.score[i], r.hasScore[i] = d.Score(r.c.ISO2, dom.ID, model.Overall, year)
		r.growth[i], r.hasGrowth[i] = d.Score(r.c.ISO2, dom.ID, model.Growth, year)
		r.class[i], _ = d.ScoreClass(r.c.ISO2, dom.ID, model.Overall, year)
	}
}

// highlight returns the name with the first match of the folded query
// marked by style.
func (r *row) highlight(query string, style func(string) string) string {
	if query == "" {
		return r.c.Name
	}
	i := strings.Index(r.folded, query)
	if i < 0 {
		return r.c.Name
	}
	start, end := r.foldAt[i], r.foldAt[min(i+len(query), len(r.foldAt)-1)]
	if end <= start {
		return r.c.Name
	}
	// Extend to the end of the last rune the match touched.
	if end < len(r.c.Name) && !utf8.RuneStart(r.c.Name[end]) {
		for end < len(r.c.Name) && !utf8.RuneStart(r.c.Name[end]) {
			end++
		}
	}
	return r.c.Name[:start] + style(r.c.Name[start:end]) + r.c.Name[end:]
}

// regionAbbr shortens a Wikimedia region to the initials the movement uses
// (model.RegionAbbr), another name to its capitals.
func regionAbbr(region string) string {
	if a, ok := model.RegionAbbr(region); ok {
		return a
	}
	if region == "" {
		return "—"
	}
	var b strings.Builder
	for _, w := range strings.Fields(region) {
		if r, _ := utf8.DecodeRuneInString(w); r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sortKey is a column the table can be ordered by.
type sortKey int

const (
	byName sortKey = iota
	byRegion
	byPopulation
	byInternet
	byDomain // byDomain + i for the i-th domain
)

func sortKeys() []sortKey {
	keys := []sortKey{byName, byRegion, byPopulation, byInternet}
	for i := range model.Domains() {
		keys = append(keys, byDomain+sortKey(i))
	}
	return keys
}

func (k sortKey) name() string {
	switch k {
	case byName:
		return "name"
	case byRegion:
		return "region"
	case byPopulation:
		return "population"
	case byInternet:
		return "internet"
	}
	return strings.ToLower(model.Domains()[k-byDomain].Name)
}

// descendingFirst: names read A to Z, figures highest first.
func (k sortKey) descendingFirst() bool { return k >= byPopulation }

// value is the figure a numeric sort compares, and whether there is one.
func (r *row) value(k sortKey) (float64, bool) {
	switch k {
	case byPopulation:
		return r.pop, r.hasPop
	case byInternet:
		return r.internet, r.hasInternet
	}
	i := int(k - byDomain)
	return r.score[i], r.hasScore[i]
}

// order sorts row indices by a key. Rows without a value go last whichever
// way the sort runs; ties fall back to the name so the order is stable.
func order(rows []row, k sortKey, desc bool) []int {
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	byNameLess := func(a, b int) bool { return a < b } // rows are already by name
	sort.SliceStable(idx, func(x, y int) bool {
		a, b := &rows[idx[x]], &rows[idx[y]]
		switch k {
		case byName:
			if desc {
				return byNameLess(idx[y], idx[x])
			}
			return byNameLess(idx[x], idx[y])
		case byRegion:
			if a.c.WikimediaRegion == b.c.WikimediaRegion {
				return byNameLess(idx[x], idx[y])
			}
			if a.c.WikimediaRegion == "" || b.c.WikimediaRegion == "" {
				return b.c.WikimediaRegion == ""
			}
			if desc {
				return a.c.WikimediaRegion > b.c.WikimediaRegion
			}
			return a.c.WikimediaRegion < b.c.WikimediaRegion
		}
		va, oka := a.value(k)
		vb, okb := b.value(k)
		switch {
		case oka != okb:
			return oka
		case !oka || va == vb || math.IsNaN(va) || math.IsNaN(vb):
			return byNameLess(idx[x], idx[y])
		case desc:
			return va > vb
		default:
			return va < vb
		}
	})
	return idx
}
