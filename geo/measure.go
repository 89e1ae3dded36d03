package geo

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/equitylandscape/equity/model"
)

// Measure is what the map is coloured by: a scored facet of a domain, or a
// context figure.
type Measure struct {
	ID   string // "editorship", "editorship.presence", "internet"
	Name string // "Editorship", "Editorship presence", "Internet users"
	Unit string
	// Domain and Facet name a score; Indicator a context figure.
	Domain    model.DomainID
	Facet     model.Facet
	Indicator string
}

// IsScore reports whether the measure is a score (0–100).
func (m Measure) IsScore() bool { return m.Indicator == "" }

// figures are the context figures the map shows, with their short ids.
var figureIDs = []struct{ id, ind string }{
	{"internet", model.IndInternet},
	{"population", model.IndPopulation},
	{"gdp", model.IndGDPPerCap},
	{"mobile", model.IndMobile},
	{"literacy", model.IndLiteracy},
}

// Measures lists what the map can show for a dataset: every scored domain's
// overall, presence and growth score (growth where the domain has growth
// inputs), then the context figures it holds.
func Measures(d *model.Dataset) []Measure {
	var out []Measure
	for _, dom := range model.Domains() {
		out = append(out, Measure{ID: string(dom.ID), Name: dom.Name, Unit: "score 0–100", Domain: dom.ID, Facet: model.Overall})
		for _, f := range []model.Facet{model.Presence, model.Growth} {
			if !d.HasFacet(dom.ID, f) {
				continue
			}
			out = append(out, Measure{ID: string(dom.ID) + "." + string(f), Name: dom.Name + " " + string(f), Unit: "score 0–100", Domain: dom.ID, Facet: f})
		}
	}
	for _, f := range figureIDs {
		if ind, ok := d.Indicator(f.ind); ok {
			out = append(out, Measure{ID: f.id, Name: ind.Name, Unit: ind.Unit, Indicator: ind.ID})
		}
	}
	return out
}

// FindMeasure finds a measure by its id, the indicator's id or its name,
// ignoring case.
func FindMeasure(d *model.Dataset, query string) (Measure, error) {
	q := strings.ToLower(strings.TrimSpace(query))
	all := Measures(d)
	for _, m := range all {
		if q == m.ID || q == strings.ToLower(m.Name) || (m.Indicator != "" && q == m.Indicator) {
			return m, nil
		}
	}
	ids := make([]string, len(all))
	for i, m := range all {
		ids[i] = m.ID
	}
	return Measure{}, fmt.Errorf("no measure %q; use one of %s", model.CleanText(query), strings.Join(ids, ", "))
}

// Bins is the number of colour classes.
const Bins = 5

// Value is one country's figure of a measure.
type Value struct {
	ISO2   string
	OK     bool
	V      float64
	Class  model.Class // real, estimated or modeled
	Period string      // the figure's own period (a context figure may be of an earlier year)
	// Bin is the colour class, 0 (lowest) to Bins-1, when OK.
	Bin int
	// Missing is true when a release left the figure out (the country is
	// protected, under a threshold); Reason says why, or why there is no
	// figure at all.
	Missing bool
	Reason  string
	World   model.Standing
	Region  model.Standing
}

// Values are a measure's figures for every country of a dataset in a year,
// classed for the map.
type Values struct {
	Measure Measure
	Year    int
	All     []Value // in the order of Dataset.Countries
	index   map[string]int
	// Breaks are the class limits: class i holds Breaks[i] ≤ v < Breaks[i+1]
	// (the last includes its top).
	Breaks [Bins + 1]float64
	Counts [Bins]int
	// NoData counts countries without a figure; MissingN those a release
	// left out.
	NoData, MissingN int
	// ByClass counts the figures shown by class.
	ByClass map[model.Class]int
}

// Of returns a country's value.
func (v *Values) Of(iso2 string) (Value, bool) {
	i, ok := v.index[iso2]
	if !ok {
		return Value{}, false
	}
	return v.All[i], true
}

// Compute gives a measure's figures for a year with their class, reason,
// colour class and rank. Scores are classed at fixed limits (0, 20, ..., 100:
// scores are ranks, so each class holds about a fifth of the countries);
// other figures at their quintiles, rounded to two significant digits.
func Compute(d *model.Dataset, m Measure, year int) *Values {
	vs := &Values{Measure: m, Year: year, All: make([]Value, len(d.Countries)), index: make(map[string]int, len(d.Countries)), ByClass: map[model.Class]int{}}
	var present []float64
	for i, c := range d.Countries {
		vs.index[c.ISO2] = i
		v := value(d, m, c, year)
		vs.All[i] = v
		if v.OK {
			present = append(present, v.V)
			vs.ByClass[v.Class]++
		} else if v.Missing {
			vs.MissingN++
		} else {
			vs.NoData++
		}
	}
	vs.Breaks = breaks(m, present)
	desc := slices.Clone(present)
	slices.SortFunc(desc, func(a, b float64) int { return cmp.Compare(b, a) })
	byRegion := map[string][]float64{}
	for i, c := range d.Countries {
		if vs.All[i].OK && c.WikimediaRegion != "" {
			byRegion[c.WikimediaRegion] = append(byRegion[c.WikimediaRegion], vs.All[i].V)
		}
	}
	for i, c := range d.Countries {
		v := &vs.All[i]
		if !v.OK {
			continue
		}
		v.Bin = binOf(vs.Breaks, v.V)
		vs.Counts[v.Bin]++
		v.World = worldStanding(desc, v.V)
		if c.WikimediaRegion != "" {
			v.Region = standing(byRegion[c.WikimediaRegion], v.V)
		}
	}
	return vs
}

func value(d *model.Dataset, m Measure, c model.Country, year int) Value {
	v := Value{ISO2: c.ISO2}
	if !m.IsScore() {
		if p, ok := d.ContextAt(c.ISO2, m.Indicator, year); ok {
			pv := p.Provenance()
			v.OK, v.V, v.Class, v.Period = true, p.Value, pv.Class, pv.Period
			if v.Period == "" {
				v.Period = fmt.Sprint(p.Year)
			}
			if v.Class == "" {
				v.Class = model.ClassReal
			}
			return v
		}
		return missing(d, c, []string{m.Indicator}, year, v)
	}
	facets := []model.Facet{m.Facet}
	if m.Facet == model.Overall {
		facets = []model.Facet{model.Presence, model.Growth}
	}
	var inputs []string
	for _, f := range facets {
		for _, ind := range d.Inputs(m.Domain, f) {
			inputs = append(inputs, ind.ID)
		}
	}
	s, ok := d.Score(c.ISO2, m.Domain, m.Facet, year)
	if !ok {
		if m.Facet != model.Growth && d.Idle(c.ISO2, m.Domain, year) {
			v.Reason = model.NoActivity
			return v
		}
		return missing(d, c, inputs, year, v)
	}
	v.OK, v.V, v.Period = true, s, fmt.Sprint(year)
	// A score is as good as the weakest figure it is made of.
	for _, id := range inputs {
		if p, ok := d.Provenance(c.ISO2, id, year); ok && p.Class != "" {
			if v.Class == "" {
				v.Class = p.Class
			} else {
				v.Class = model.Weaker(v.Class, p.Class)
			}
		}
	}
	if v.Class == "" {
		v.Class = model.ClassModeled
	}
	return v
}

// missing says why a country has no figure: the reason a release gave for
// leaving one of its inputs out, or the protection list, or no data.
func missing(d *model.Dataset, c model.Country, inputs []string, year int, v Value) Value {
	for _, id := range inputs {
		ids := []string{id}
		if ind, ok := d.Indicator(id); ok && ind.Derived() {
			ids = []string{ind.GrowthOf, id}
		}
		for _, id := range ids {
			if m, ok := d.MissingReason(c.ISO2, id, year); ok {
				v.Missing, v.Reason = true, m.Reason
				return v
			}
		}
	}
	if c.Protected {
		v.Missing, v.Reason = true, "protected: no figure published"
		return v
	}
	v.Reason = "no data"
	return v
}

func breaks(m Measure, present []float64) [Bins + 1]float64 {
	var b [Bins + 1]float64
	if m.IsScore() {
		for i := range b {
			b[i] = float64(i) * 100 / Bins
		}
		return b
	}
	if len(present) == 0 {
		return b
	}
	s := slices.Clone(present)
	slices.Sort(s)
	b[0], b[Bins] = s[0], s[len(s)-1]
	for i := 1; i < Bins; i++ {
		b[i] = round2(s[i*len(s)/Bins])
	}
	for i := 1; i <= Bins; i++ {
		b[i] = max(b[i], b[i-1])
	}
	return b
}

// round2 rounds to two significant digits: legend limits people can read.
func round2(x float64) float64 {
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return x
	}
	p := math.Pow(10, math.Floor(math.Log10(math.Abs(x)))-1)
	return math.Round(x/p) * p
}

func binOf(b [Bins + 1]float64, v float64) int {
	for i := Bins - 1; i > 0; i-- {
		if v >= b[i] {
			return i
		}
	}
	return 0
}

// worldStanding is standing over values sorted highest first, by search.
func worldStanding(desc []float64, v float64) model.Standing {
	above, _ := slices.BinarySearchFunc(desc, v, func(o, v float64) int {
		if o > v+1e-9 {
			return -1
		}
		return 1
	})
	return model.Standing{Pos: 1 + above, Of: len(desc)}
}

// standing places v among values: 1 is the highest; equal values share.
func standing(values []float64, v float64) model.Standing {
	st := model.Standing{Pos: 1, Of: len(values)}
	for _, o := range values {
		if o > v+1e-9 {
			st.Pos++
		}
	}
	return st
}

// FormatValue writes a figure for the legend and the panel: scores whole,
// populations and money with thousands separators, percentages with one
// decimal.
func FormatValue(m Measure, v float64) string {
	switch {
	case m.IsScore():
		return fmt.Sprintf("%.0f", v)
	case math.Abs(v) >= 1e9:
		return fmt.Sprintf("%.1f bn", v/1e9)
	case math.Abs(v) >= 1e6:
		return fmt.Sprintf("%.1f m", v/1e6)
	case math.Abs(v) >= 1e4:
		return fmt.Sprintf("%.0f k", v/1e3)
	case math.Abs(v) >= 100:
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}
