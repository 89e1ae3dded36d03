package main

import (
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
)

// figures are the modeled observations by country, indicator and year.
type figures map[string]map[string]map[int]float64

func (fg figures) at(iso2, ind string, year int) (float64, bool) {
	v, ok := fg[iso2][ind][year]
	return v, ok
}

func index(obs []model.Observation) figures {
	fg := figures{}
	for _, o := range obs {
		if fg[o.ISO2] == nil {
			fg[o.ISO2] = map[string]map[int]float64{}
		}
		if fg[o.ISO2][o.Indicator] == nil {
			fg[o.ISO2][o.Indicator] = map[int]float64{}
		}
		fg[o.ISO2][o.Indicator][o.Year] = o.Value
	}
	return fg
}

// modeledFigures reads the committed facts and models the activity.
func modeledFigures(t *testing.T) (*facts, figures) {
	t.Helper()
	f, err := readFacts(committedDir)
	if err != nil {
		t.Fatal(err)
	}
	// The model's own figures, readership included where published or
	// estimated figures replace it in the database: its shapes are what
	// these tests check.
	return f, index(modelAll(f))
}

// internetPop is the people online by the real figures alone (World Bank
// internet share × population, as of covariateYear), for the inhabited countries that have
// both: the model's own imputation is left out so that the shapes are
// checked against facts, not against the model.
func internetPop(f *facts) map[string]float64 {
	out := map[string]float64{}
	for iso2, pct := range f.internet {
		if p := f.population[iso2]; p >= 1000 {
			out[iso2] = p * pct / 100
		}
	}
	return out
}

// spearman is the rank correlation of two equally long samples (ties share
// their mid rank).
func spearman(xs, ys []float64) float64 {
	return pearson(midRanks(xs), midRanks(ys))
}

func midRanks(xs []float64) []float64 {
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return xs[idx[a]] < xs[idx[b]] })
	ranks := make([]float64, len(xs))
	for lo := 0; lo < len(idx); {
		hi := lo
		for hi+1 < len(idx) && xs[idx[hi+1]] == xs[idx[lo]] {
			hi++
		}
		for k := lo; k <= hi; k++ {
			ranks[idx[k]] = float64(lo+hi) / 2
		}
		lo = hi + 1
	}
	return ranks
}

func pearson(xs, ys []float64) float64 {
	n := float64(len(xs))
	var mx, my float64
	for i := range xs {
		mx += xs[i] / n
		my += ys[i] / n
	}
	var sxy, sxx, syy float64
	for i := range xs {
		dx, dy := xs[i]-mx, ys[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	return sxy / math.Sqrt(sxx*syy)
}

func TestSpearmanAndMedian(t *testing.T) {
	if r := spearman([]float64{1, 2, 3, 4}, []float64{10, 20, 30, 1000}); math.Abs(r-1) > 1e-12 {
		t.Errorf("monotone spearman %v, want 1", r)
	}
	if r := spearman([]float64{1, 2, 3, 4}, []float64{4, 3, 2, 1}); math.Abs(r+1) > 1e-12 {
		t.Errorf("reversed spearman %v, want -1", r)
	}
	if got := midRanks([]float64{5, 1, 5, 3}); !slices.Equal(got, []float64{2.5, 0, 2.5, 1}) {
		t.Errorf("midRanks %v", got)
	}
	if m := testMedian([]float64{3, 1, 2}); m != 2 {
		t.Errorf("median %v, want 2", m)
	}
	if m := testMedian([]float64{4, 1, 3, 2}); m != 2.5 {
		t.Errorf("median %v, want 2.5", m)
	}
}

// TestReadingFollowsInternetPopulation: larger internet populations, with
// languages that have big open Wikipedias, read and edit more.
func TestReadingFollowsInternetPopulation(t *testing.T) {
	f, fg := modeledFigures(t)
	online := internetPop(f)
	var pops, devices, editors []float64
	for iso2, p := range online {
		d, ok1 := fg.at(iso2, model.IndDevices, lastYear)
		e, ok2 := fg.at(iso2, model.IndWPEditors, lastYear)
		if !ok1 || !ok2 {
			t.Errorf("%s is online but has no modeled readers or editors in %d", iso2, lastYear)
			continue
		}
		pops, devices, editors = append(pops, p), append(devices, d), append(editors, e)
	}
	rDev, rEd := spearman(pops, devices), spearman(pops, editors)
	t.Logf("%d countries: Spearman(internet population, devices) = %.3f, (internet population, Wikipedia editors) = %.3f", len(pops), rDev, rEd)
	if rDev <= 0.7 {
		t.Errorf("Spearman(internet population, unique devices) = %.3f, want > 0.7", rDev)
	}
	if rEd <= 0.7 {
		t.Errorf("Spearman(internet population, Wikipedia editors) = %.3f, want > 0.7", rEd)
	}

	// The countries with the most editors are all big online populations.
	worldMedian := testMedian(slices.Collect(maps.Values(online)))
	type country struct {
		iso2    string
		editors float64
	}
	var all []country
	for iso2 := range fg {
		if e, ok := fg.at(iso2, model.IndWPEditors, lastYear); ok {
			all = append(all, country{iso2, e})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].editors != all[j].editors {
			return all[i].editors > all[j].editors
		}
		return all[i].iso2 < all[j].iso2
	})
	var top []string
	for _, c := range all[:10] {
		top = append(top, c.iso2)
		p, ok := online[c.iso2]
		if !ok || p <= worldMedian {
			t.Errorf("%s has the most Wikipedia editors (%.0f) but an internet population of %.0f (known %v), not above the world median %.0f",
				c.iso2, c.editors, p, ok, worldMedian)
		}
	}
	t.Logf("top 10 by Wikipedia editors in %d: %v; world median internet population %.0f", lastYear, top, worldMedian)

	// Languages matter beyond numbers: among countries of similar size,
	// those whose people read a strong open Wikipedia read more per person
	// online.
	strength := languageStrength(f.wikis)
	var reachHi, reachLo []float64
	for _, c := range f.countries {
		p, ok := online[c.ISO2]
		d, ok2 := fg.at(c.ISO2, model.IndDevices, lastYear)
		if !ok || !ok2 || p == 0 {
			continue
		}
		if r := reach(c.Languages, strength); r >= 0.5 {
			reachHi = append(reachHi, d/p)
		} else if r < 0.2 {
			reachLo = append(reachLo, d/p)
		}
	}
	hi, lo := testMedian(reachHi), testMedian(reachLo)
	t.Logf("devices per internet user: median %.3f where language reach ≥ 0.5 (%d countries), %.3f where < 0.2 (%d)", hi, len(reachHi), lo, len(reachLo))
	if hi < 2*lo {
		t.Errorf("devices per internet user: median %.3f with well-served languages, %.3f without; want at least twice", hi, lo)
	}
}

// TestGrowthFasterInEmergingCommunities compares the compound yearly growth
// of Wikipedia editors, 2019–2024, by emerging classification.
func TestGrowthFasterInEmergingCommunities(t *testing.T) {
	f, fg := modeledFigures(t)
	byClass := map[string][]float64{}
	for _, c := range f.countries {
		from, ok1 := fg.at(c.ISO2, model.IndWPEditors, 2019)
		to, ok2 := fg.at(c.ISO2, model.IndWPEditors, 2024)
		if !ok1 || !ok2 || from <= 0 {
			continue
		}
		byClass[c.EmergingClass] = append(byClass[c.EmergingClass], math.Pow(to/from, 1.0/5)-1)
	}
	med := map[string]float64{}
	for _, class := range slices.Sorted(maps.Keys(byClass)) {
		rates := byClass[class]
		med[class] = testMedian(rates)
		t.Logf("%-16q %3d countries: median compound growth of Wikipedia editors 2019–2024 %+.1f%%/year", class, len(rates), 100*med[class])
	}
	for _, class := range []string{"Emerging", "Least Developed"} {
		if len(byClass[class]) < 10 || med[class] <= med["Developed"] {
			t.Errorf("%s: median growth %+.2f%%/year over %d countries, want above Developed's %+.2f%%/year",
				class, 100*med[class], len(byClass[class]), 100*med["Developed"])
		}
	}
}

// TestGrantsGoToEmergingCommunities: most grant dollars of 2018–2024 go to
// emerging and least developed communities.
func TestGrantsGoToEmergingCommunities(t *testing.T) {
	f, fg := modeledFigures(t)
	byClass := map[string]float64{}
	var total float64
	for _, c := range f.countries {
		for year := firstYear; year <= lastYear; year++ {
			v, _ := fg.at(c.ISO2, model.IndGrantsYearUSD, year)
			byClass[c.EmergingClass] += v
			total += v
		}
	}
	if total <= 0 {
		t.Fatal("no grant dollars at all")
	}
	for _, class := range slices.Sorted(maps.Keys(byClass)) {
		usd := byClass[class]
		t.Logf("%-16q US$ %12.0f, %5.1f%% of the 2018–2024 total", class, usd, 100*usd/total)
	}
	if share := (byClass["Emerging"] + byClass["Least Developed"]) / total; share <= 0.6 {
		t.Errorf("emerging and least developed communities get %.1f%% of grant dollars, want > 60%%", 100*share)
	}
}

// TestAffiliatesWhereEditorsAreMany: affiliates exist where editors are many.
//
// The model founds affiliates from 8 Wikipedia editors up, a little below
// the median country (about 14): a few countries with an affiliate sit just
// under the median, as small real communities with a user group do. So the
// check is that almost all of them (90%) are above the median and none is
// in the bottom 40%.
func TestAffiliatesWhereEditorsAreMany(t *testing.T) {
	_, fg := modeledFigures(t)
	var all, with, without []float64
	type country struct {
		iso2    string
		editors float64
	}
	var hosts []country
	for iso2 := range fg {
		e, ok := fg.at(iso2, model.IndWPEditors, lastYear)
		if !ok {
			continue
		}
		all = append(all, e)
		if n, _ := fg.at(iso2, model.IndAffiliates, lastYear); n >= 1 {
			with = append(with, e)
			hosts = append(hosts, country{iso2, e})
		} else {
			without = append(without, e)
		}
	}
	if len(with) < 20 {
		t.Fatalf("only %d countries have an affiliate in %d", len(with), lastYear)
	}
	sort.Slice(hosts, func(i, j int) bool { return hosts[i].iso2 < hosts[j].iso2 })
	sorted := slices.Sorted(slices.Values(all))
	med, p40 := testMedian(all), sorted[len(sorted)*4/10]
	above := 0
	for _, h := range hosts {
		if h.editors > med {
			above++
			continue
		}
		t.Logf("%s has an affiliate with %.2f Wikipedia editors, at or below the median country's %.2f", h.iso2, h.editors, med)
		if h.editors < p40 {
			t.Errorf("%s has an affiliate in %d but %.2f Wikipedia editors, in the bottom 40%% of countries (below %.2f)", h.iso2, lastYear, h.editors, p40)
		}
	}
	if share := float64(above) / float64(len(hosts)); share < 0.9 {
		t.Errorf("%d of %d countries with an affiliate (%.0f%%) have more Wikipedia editors than the median country (%.2f); want at least 90%%",
			above, len(hosts), 100*share, med)
	}
	mw, mwo := testMedian(with), testMedian(without)
	t.Logf("%d: %d countries with affiliates, %d of them above the median; median %.1f Wikipedia editors with affiliates, %.1f without (%.0f times), %.1f over all %d",
		lastYear, len(with), above, mw, mwo, mw/mwo, med, len(all))
	if mw < 3*mwo {
		t.Errorf("median Wikipedia editors with affiliates %.1f, without %.1f: want at least 3 times", mw, mwo)
	}
}

// TestDataRiskLowersReading: where the data risk score is high (Wikipedia
// blocked or reading watched), fewer people online read.
func TestDataRiskLowersReading(t *testing.T) {
	f, fg := modeledFigures(t)
	online := internetPop(f)
	perUser := map[string]float64{}
	for iso2, p := range online {
		if d, ok := fg.at(iso2, model.IndDevices, lastYear); ok && p > 0 {
			perUser[iso2] = d / p
		}
	}
	world := testMedian(slices.Collect(maps.Values(perUser)))
	var risky []string
	for _, c := range f.countries {
		if c.DataRiskScore == nil || *c.DataRiskScore < 80 {
			continue
		}
		risky = append(risky, c.ISO2)
		v, ok := perUser[c.ISO2]
		if !ok {
			t.Logf("%s (risk %.1f) has no real internet figure to compare", c.ISO2, *c.DataRiskScore)
			continue
		}
		t.Logf("%s (risk %.1f): %.4f devices per internet user", c.ISO2, *c.DataRiskScore, v)
		if v >= world {
			t.Errorf("%s has a data risk score of %.1f but %.4f devices per internet user, not below the world median %.4f", c.ISO2, *c.DataRiskScore, v, world)
		}
	}
	t.Logf("world median %.4f devices per internet user over %d countries", world, len(perUser))
	for _, want := range []string{"CN", "IR"} {
		if !slices.Contains(risky, want) {
			t.Errorf("%s is not among the countries with a data risk score ≥ 80 (%v)", want, risky)
		}
	}
}

// TestInternetCurve refits the curve that imputes internet use from GDP per
// capita to the real figures: a change of the figures that moves it means
// the constants should be refitted too.
func TestInternetCurve(t *testing.T) {
	f, err := readFacts(committedDir)
	if err != nil {
		t.Fatal(err)
	}
	var xs, ys []float64
	for iso2, pct := range f.internet {
		if g := f.gdpPerCap[iso2]; f.population[iso2] >= 1000 && g > 0 {
			xs = append(xs, math.Log(g))
			ys = append(ys, pct)
		}
	}
	n := float64(len(xs))
	var mx, my float64
	for i := range xs {
		mx += xs[i] / n
		my += ys[i] / n
	}
	var sxy, sxx float64
	for i := range xs {
		sxy += (xs[i] - mx) * (ys[i] - my)
		sxx += (xs[i] - mx) * (xs[i] - mx)
	}
	b := sxy / sxx
	a := my - b*mx
	t.Logf("%d countries: share = %.3f + %.4f × ln(GDP per capita), r = %.3f", len(xs), a, b, pearson(xs, ys))
	if len(xs) != 213 || math.Abs(a-internetCurveA) > 0.01 || math.Abs(b-internetCurveB) > 0.001 {
		t.Errorf("refitted over %d countries: a = %.3f, b = %.4f; the constants are %v, %v over 213", len(xs), a, b, internetCurveA, internetCurveB)
	}
}

func TestGenerateDeterministic(t *testing.T) {
	f, err := readFacts(committedDir)
	if err != nil {
		t.Fatal(err)
	}
	a, b := generate(f), generate(f)
	if !slices.Equal(a, b) {
		t.Fatal("two calls of generate on the same facts differ")
	}
	if len(a) == 0 {
		t.Fatal("generate made no observations")
	}
}

// Each country's figures come from its own covariates and its own random
// stream: removing any country leaves every other's figures the same to the
// last bit, including those whose internet share is imputed (EH, GF, AS, KP
// share a sub-region with NG, BR, TV, CN).
func TestCountriesIndependent(t *testing.T) {
	f, fg := modeledFigures(t)
	for _, gone := range []string{"FR", "IN", "CC", "NG", "BR", "TV", "CN", "DE"} {
		g := *f
		g.countries = slices.DeleteFunc(slices.Clone(f.countries), func(c model.Country) bool { return c.ISO2 == gone })
		if len(g.countries) != len(f.countries)-1 {
			t.Fatalf("%s is not among the countries", gone)
		}
		without := index(modelAll(&g))
		if _, ok := without[gone]; ok {
			t.Errorf("%s removed but still modeled", gone)
		}
		for iso2, byInd := range fg {
			if iso2 != gone && !sameFigures(byInd, without[iso2]) {
				t.Errorf("removing %s changes %s's figures", gone, iso2)
			}
		}
	}
}

func sameFigures(a, b map[string]map[int]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for ind, years := range a {
		if len(years) != len(b[ind]) {
			return false
		}
		for y, v := range years {
			if w, ok := b[ind][y]; !ok || w != v {
				return false
			}
		}
	}
	return true
}

func TestModeledValuesSane(t *testing.T) {
	f, err := readFacts(committedDir)
	if err != nil {
		t.Fatal(err)
	}
	obs := generate(f)
	fg := index(obs)
	if len(fg) == 0 {
		t.Fatal("no modeled observations")
	}

	for _, iso2 := range []string{"AQ", "BV"} {
		if p := f.population[iso2]; p >= 1000 {
			t.Errorf("%s population %.0f, want an uninhabited territory", iso2, p)
		}
	}
	inhabited := 0
	for _, c := range f.countries {
		_, active := fg[c.ISO2]
		if f.population[c.ISO2] < 1000 {
			if active {
				t.Errorf("%s (population %.0f) has modeled activity", c.ISO2, f.population[c.ISO2])
			}
			continue
		}
		inhabited++
		if !active {
			t.Errorf("%s (population %.0f) has no modeled activity", c.ISO2, f.population[c.ISO2])
		}
	}
	t.Logf("%d observations for %d inhabited countries", len(obs), inhabited)

	catalog := map[string]model.Indicator{}
	for _, ind := range model.Catalog() {
		catalog[ind.ID] = ind
	}
	for _, o := range obs {
		ind, ok := catalog[o.Indicator]
		switch {
		case !ok || ind.Derived() || ind.Facet == model.Context:
			t.Errorf("%s %d: %s is not a modeled input", o.ISO2, o.Year, o.Indicator)
		case o.Year < firstYear || o.Year > lastYear:
			t.Errorf("%s %s: year %d outside %d–%d", o.ISO2, o.Indicator, o.Year, firstYear, lastYear)
		case math.IsNaN(o.Value) || math.IsInf(o.Value, 0) || o.Value < 0:
			t.Errorf("%s %s %d = %v, want a finite value ≥ 0", o.ISO2, o.Indicator, o.Year, o.Value)
		case strings.HasPrefix(ind.Unit, "%") && o.Value > 100:
			t.Errorf("%s %s %d = %v%%, want within 0–100", o.ISO2, o.Indicator, o.Year, o.Value)
		}
	}

	for iso2, byInd := range fg {
		for _, pair := range [][2]string{
			{model.IndGrantsHistUSD, model.IndGrantsYearUSD},
			{model.IndGrantsHistN, model.IndGrantsYearN},
		} {
			prev := 0.0
			for year := firstYear; year <= lastYear; year++ {
				hist, ok1 := byInd[pair[0]][year]
				annual, ok2 := byInd[pair[1]][year]
				if !ok1 || !ok2 {
					t.Errorf("%s %d: historic or annual %s missing", iso2, year, pair[0])
					continue
				}
				if hist < prev {
					t.Errorf("%s %s falls from %v to %v in %d", iso2, pair[0], prev, hist, year)
				}
				if hist < annual {
					t.Errorf("%s %d: %s %v is less than %s %v", iso2, year, pair[0], hist, pair[1], annual)
				}
				prev = hist
			}
		}
		for year := firstYear; year <= lastYear; year++ {
			wp, ok1 := byInd[model.IndWPEditors][year]
			all, ok2 := byInd[model.IndAllEditors][year]
			if ok1 && ok2 && all < wp {
				t.Errorf("%s %d: %v all-project editors, fewer than its %v Wikipedia editors", iso2, year, all, wp)
			}
		}
	}
}
