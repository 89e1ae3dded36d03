package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/equitylandscape/equity/model"
)

// Number formats a count for reading: 1,234 below ten thousand, then 12.3 k,
// 4.56 M, 1.41 B. Small non-integers keep one decimal (0.4 editors a month).
func Number(v float64) string {
	a := math.Abs(v)
	// Each unit starts where the smaller one would round up to 1000 of
	// itself: 999,960 is "1 M", not "1000 k".
	switch {
	case a >= 999_995_000:
		return trim(v/1e9, 2) + " B"
	case a >= 999_950:
		return trim(v/1e6, 2) + " M"
	case a >= 9_999.5:
		return trim(v/1e3, 1) + " k"
	case a != math.Trunc(a) && a < 100:
		return strconv.FormatFloat(v, 'f', 1, 64)
	default:
		return thousands(math.Round(v))
	}
}

// trim formats with up to n decimals, dropping trailing zeros.
func trim(v float64, n int) string {
	s := strconv.FormatFloat(v, 'f', n, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Count formats a whole number with thousands separators: "26,012".
func Count(n int) string { return thousands(float64(n)) }

func thousands(v float64) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', 0, 64)
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Percent formats a percentage with one decimal: "43.0%".
func Percent(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) + "%" }

// Score formats a 0–100 score with one decimal.
func Score(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// Money formats US dollars: "$12,300", "$1.2 M".
func Money(v float64) string {
	if math.Abs(v) >= 1e6 {
		return "$" + trim(v/1e6, 2) + " M"
	}
	return "$" + thousands(math.Round(v))
}

// YearSpan writes years as a range when they run without a gap
// ("2018–2024"), else as a list.
func YearSpan(years []int) string {
	switch {
	case len(years) == 0:
		return "none"
	case len(years) > 2 && years[len(years)-1]-years[0] == len(years)-1:
		return fmt.Sprintf("%d–%d", years[0], years[len(years)-1])
	}
	s := make([]string, len(years))
	for i, y := range years {
		s[i] = strconv.Itoa(y)
	}
	return strings.Join(s, ", ")
}

// Figure formats a context figure by what it measures: a share as a
// percentage, GDP per capita as dollars, anything else as a number.
func Figure(indicator string, v float64) string {
	switch indicator {
	case model.IndInternet, model.IndLiteracy:
		return Percent(v)
	case model.IndGDPPerCap:
		return Money(v)
	case model.IndMobile:
		return strconv.FormatFloat(v, 'f', 1, 64) // "101.7" per 100 people
	}
	return Number(v)
}

// Signed formats a rate with its sign: "+4.2%", "−3.0%" (a true minus).
func Signed(v float64) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', 1, 64) + "%"
	if v < 0 && s != "0.0%" { // a fall too small to show is no fall
		return "−" + s
	}
	return "+" + s
}

// Range formats a range of counts: "11–20", "1,230–1,310", "12.2 k–13.1 k".
// A range of one value is that value; a range too narrow for the
// abbreviations' three figures to tell its ends apart (a bucket of ten
// at 12,341) is written in full: "12,341–12,350".
func Range(b model.Bounds) string {
	if b.Lower == b.Upper {
		return Number(b.Lower)
	}
	if b.Upper-b.Lower < math.Abs(b.Upper)/100 {
		return thousands(math.Round(b.Lower)) + "–" + thousands(math.Round(b.Upper))
	}
	return Number(b.Lower) + "–" + Number(b.Upper)
}

// Observed is a country's observation as it may be shown (see Observe).
type Observed struct {
	// Value is the value written by its format, or, where it must not be
	// shown exactly, its bucket alone: "4,321–4,330".
	Value string
	// Exact says whether the value itself may be shown and exported.
	Exact bool
	// Range is the bucket when the value is not exact, else the range the
	// value was published in (it is then the range's middle); HasRange says
	// whether there is either.
	Range    model.Bounds
	HasRange bool
	// Narrow is a range too narrow beside the figure to be worth reading.
	Narrow bool
}

// Observe formats an observation v of an indicator for a country in a
// year as model.Dataset.Shown allows: an imported raw count of a protected
// country as its bucket only; any other value by format, with the range it
// was published in (imported Geoeditors counts) when there is one.
func Observe(d *model.Dataset, c model.Country, ind model.Indicator, year int, v float64, format func(float64) string) Observed {
	pub, ok := d.Bounds(c.ISO2, ind.ID, year)
	return observe(d, c, ind, v, pub, ok, format)
}

// WikiEditors is how many of a country's editors work on one wiki, from
// the range it was published in (model.CountryWiki), as it may be shown:
// the range's middle with the range beside it, or, for a country on the
// protection list, the bucket of the middle alone.
func WikiEditors(d *model.Dataset, c model.Country, b model.Bounds) Observed {
	// Country × wiki figures come only from an imported Geoeditors
	// release: they are raw editor counts, never modeled.
	ind, _ := d.Indicator(model.IndWPEditors)
	ind.Modeled = false
	return observe(d, c, ind, b.Mid(), b, true, Number)
}

func observe(d *model.Dataset, c model.Country, ind model.Indicator, v float64, pub model.Bounds, published bool, format func(float64) string) Observed {
	b, exact := d.Shown(c, ind, v)
	if !exact {
		return Observed{Value: Range(b), Range: b, HasRange: true}
	}
	o := Observed{Value: format(v), Exact: true}
	if published && pub.Lower != pub.Upper {
		o.Range, o.HasRange = pub, true
		// A range under a thousandth of the figure (a count rounded up to
		// the thousand, 380,114,001–380,115,000) says nothing the
		// rounded figure does not: it stays in the range columns only.
		o.Narrow = pub.Upper-pub.Lower < math.Abs(v)/1000
	}
	return o
}

// Text is the observation for reading: the value, with its published range
// beside it ("1,270 (1,230–1,310)"), or the bucket alone.
func (o Observed) Text() string {
	if o.Exact && o.HasRange && !o.Narrow {
		return o.Value + " (" + Range(o.Range) + ")"
	}
	return o.Value
}

// WikiLanguage names a wiki's language, with its project when it is not a
// Wikipedia: "Hausa", "Hausa Wiktionary"; "" for a wiki the dataset does
// not list.
func WikiLanguage(d *model.Dataset, db string) string {
	for _, w := range d.Wikis {
		if w.DB != db {
			continue
		}
		name := d.LanguageName(w.Lang)
		if w.Project != "" && w.Project != "wikipedia" {
			name += " " + strings.ToUpper(w.Project[:1]) + w.Project[1:]
		}
		return name
	}
	return ""
}

// ShortSource is a source's title cut to what names it, for a column of
// figures: up to the first comma, colon or parenthesis, up to the first word
// with a digit (a release), and without a first word that only repeats the
// publisher's: "Unicode CLDR 48 territory information" by "Unicode, Inc."
// is "CLDR 48"; "World Bank WDI: Population" by "World Bank" stays "World
// Bank WDI", since the publisher's whole name is part of the source's.
func ShortSource(s model.Source) string {
	t := s.Title
	if i := strings.IndexAny(t, ",:("); i > 0 {
		t = t[:i]
	}
	words := strings.Fields(t)
	for i, w := range words {
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			words = words[:i+1]
			break
		}
	}
	pub := strings.Fields(strings.NewReplacer(",", " ", ".", " ").Replace(s.Publisher))
	whole := len(pub) > 1 && len(words) > len(pub) && strings.Join(words[:len(pub)], " ") == strings.Join(pub, " ")
	if !whole && len(words) > 1 && len(pub) > 0 && pub[0] == words[0] {
		words = words[1:]
	}
	if len(words) == 0 {
		return s.Title
	}
	return strings.Join(words, " ")
}

// ModeledNote says which figures of d are modeled, for the footnote of a
// screen or an output; where names what the figures are behind ("behind
// these scores", "in this evidence"). It is empty when nothing is modeled.
// The bundled sample is modeled through; an imported database names the
// inputs that are still the sample's, so that real figures are never
// called modeled, nor modeled ones real.
func ModeledNote(d *model.Dataset, where string) string {
	if !d.Modeled() {
		return ""
	}
	if d.FullyModeled() {
		// An import of context figures alone leaves every activity figure
		// the sample's.
		lead := "SAMPLE DATA"
		if d.Meta.Kind != model.KindSample {
			lead = "MODELED"
		}
		return lead + ": the Wikimedia activity figures " + where + " (readers, editors, events, grants, affiliates) are MODELED, not published"
	}
	lead := "PARTLY MODELED"
	if d.Meta.Kind == model.KindSample {
		lead = "SAMPLE DATA, PARTLY MODELED"
	}
	modeled, partly := modeledGroups(d)
	var parts []string
	if len(modeled) > 0 {
		parts = append(parts, joinAnd(modeled)+" are MODELED, not published")
	}
	parts = append(parts, partly...)
	if len(d.ModeledInputs()) < scoredInputs(d) {
		parts = append(parts, "the others are "+publishedWords(d))
	}
	return lead + ": the Wikimedia activity figures " + where + ": " + strings.Join(parts, "; ")
}

// modeledGroups names what is modeled by domain where a whole domain is
// ("editors", "events"), else by input; and says of each input or domain
// that is modeled only in part what the rest of it is ("readers are
// estimated from published figures, modeled where none is published").
func modeledGroups(d *model.Dataset) (modeled, partly []string) {
	counts := map[string]model.ClassCount{}
	for _, c := range d.ClassCounts() {
		counts[c.Indicator] = c
	}
	inModel := map[string]bool{}
	for _, ind := range d.ModeledInputs() {
		inModel[ind.ID] = true
	}
	// rest says what the cells that are not modeled are, and how many.
	rest := func(c model.ClassCount) string {
		what := "real"
		switch {
		case c.Real > 0 && c.Estimated > 0:
			what = "real or estimated from published figures"
		case c.Estimated > 0:
			what = "estimated from published figures"
		}
		return fmt.Sprintf("%s for %s of %s figures, MODELED for the rest", what, Count(c.Real+c.Estimated), Count(c.Real+c.Estimated+c.Modeled))
	}
	for _, dom := range model.Domains() {
		var all, mod []model.Indicator
		whole, part := true, true
		for _, ind := range d.Inputs(dom.ID, model.Presence) {
			all = append(all, ind)
			if inModel[ind.ID] {
				mod = append(mod, ind)
			}
			whole = whole && inModel[ind.ID] && !d.PartlyModeled(ind.ID)
			part = part && d.PartlyModeled(ind.ID)
		}
		noun := strings.ToLower(dom.Short)
		if dom.ID == model.Affiliates {
			noun = "affiliates"
		}
		switch {
		case len(all) == 0 || len(mod) == 0:
		case whole:
			modeled = append(modeled, noun)
		case part && len(mod) == len(all):
			var sum model.ClassCount
			for _, ind := range all {
				c := counts[ind.ID]
				sum.Real, sum.Estimated, sum.Modeled = sum.Real+c.Real, sum.Estimated+c.Estimated, sum.Modeled+c.Modeled
			}
			partly = append(partly, fmt.Sprintf("%s are %s", noun, rest(sum)))
		default:
			for _, ind := range mod {
				if d.PartlyModeled(ind.ID) {
					partly = append(partly, fmt.Sprintf("%s is %s", ind.Name, rest(counts[ind.ID])))
				} else {
					modeled = append(modeled, ind.Name)
				}
			}
		}
	}
	return modeled, partly
}

// scoredInputs counts the inputs scores are made of (growth rates apart).
func scoredInputs(d *model.Dataset) int {
	n := 0
	for _, ind := range d.Indicators {
		if ind.Facet != model.Context && !ind.Derived() {
			n++
		}
	}
	return n
}

func joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// publishedWords says what the figures that are not modeled are: real,
// estimated from real ones, or both.
func publishedWords(d *model.Dataset) string {
	var real, est bool
	for _, c := range d.ClassCounts() {
		if ind, ok := d.Indicator(c.Indicator); ok && ind.Facet != model.Context {
			real = real || c.Real > 0
			est = est || c.Estimated > 0
		}
	}
	switch {
	case real && est:
		return "published, or estimated from published figures by a stated method"
	case est:
		return "estimated from published figures by a stated method"
	}
	return "published"
}

// ModeledNames lists the inputs with modeled figures, saying of each that
// an import made real in some years that it is "real in some years".
func ModeledNames(d *model.Dataset) string {
	counts := map[string]model.ClassCount{}
	for _, c := range d.ClassCounts() {
		counts[c.Indicator] = c
	}
	var names []string
	for _, ind := range d.ModeledInputs() {
		name := ind.Name
		if c := counts[ind.ID]; d.PartlyModeled(ind.ID) {
			switch {
			case c.Real > 0 && c.Estimated > 0:
				name += " (real or estimated for some countries and years)"
			case c.Estimated > 0:
				name += " (estimated for some countries and years)"
			default:
				name += " (real for some countries and years)"
			}
		}
		names = append(names, name)
	}
	return strings.Join(names, ", ")
}

// Percentile writes a percentile rank (0–100) as an ordinal: 86.7 is
// "87th", 1.2 "1st", 22 "22nd". A percentile is never written as a rank
// ("86.7 of 242" reads as a position); the count goes in a note.
func Percentile(p float64) string {
	return Ordinal(int(math.Round(math.Min(math.Max(p, 0), 100))))
}

// Ordinal writes 1st, 2nd, 3rd, 4th, 11th, 21st.
func Ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}
