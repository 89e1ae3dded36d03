package main

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/equitylandscape/equity/model"
)

// Seed fixes every modeled figure: the same sources and seed give the same
// database on every build.
const Seed = 2022

// The modeled years.
const (
	firstYear = 2018
	lastYear  = 2024
)

// contentProjects are the language projects whose openness measures how
// developed a language's Wikimedia presence is.
func contentProjects() []string {
	return []string{"wikipedia", "wiktionary", "wikibooks", "wikinews", "wikiquote", "wikisource", "wikiversity", "wikivoyage"}
}

// country is what the model knows of one country before it invents
// anything: real covariates only.
type covariates struct {
	iso2         string
	internetPop  float64 // people online (population × internet %, imputed where missing)
	literacy     float64 // 0–1
	reach        float64 // 0–1: how likely a person reads a language with a strong open Wikipedia
	class        string  // emerging classification
	gdpPerCapita float64
	freedom      float64 // 0–1: how freely people can read and edit, from the data risk score
}

// modeled is one country's modeled activity, by indicator and year.
type modeled map[string]map[int]float64

func (m modeled) set(ind string, year int, v float64) {
	if m[ind] == nil {
		m[ind] = map[int]float64{}
	}
	m[ind][year] = v
}

// generate invents the Wikimedia activity inputs for every country and year
// from the real covariates, with a random stream of its own for each country,
// so that adding or removing a country never changes another's figures. The
// shapes follow
// what the movement's own reports say: reading and editing follow internet
// population and languages with big open Wikipedias; growth is faster in
// emerging communities; grants go mostly to emerging and least developed
// communities; affiliates exist where editors are many.
//
// Where the readership is published or estimated, or missing by a
// release's rule, the modeled readership is left out (generate); the model
// still draws it (modelAll), so that every other modeled figure is the
// same as before the published figures came in.
func generate(f *facts) []model.Observation {
	all := modelAll(f)
	out := all[:0]
	for _, o := range all {
		if !f.readership.published[o.Indicator][o.ISO2] {
			out = append(out, o)
		}
	}
	return out
}

// modelAll is the model's own figures of every input for every country,
// before published figures replace any.
func modelAll(f *facts) []model.Observation {
	strength := languageStrength(f.wikis)
	var out []model.Observation
	for _, c := range f.countries {
		cv := covariates{
			iso2:         c.ISO2,
			internetPop:  f.population[c.ISO2] * internetShare(f, c.ISO2) / 100,
			literacy:     f.literacy[c.ISO2] / 100,
			reach:        reach(c.Languages, strength),
			class:        c.EmergingClass,
			gdpPerCapita: f.gdpPerCap[c.ISO2],
			freedom:      freedom(c.DataRiskScore),
		}
		if f.population[c.ISO2] < 1000 {
			// Uninhabited or nearly so (Antarctica, Bouvet Island): nobody
			// to read or edit, and CLDR's figures are placeholders.
			continue
		}
		rng := rand.New(rand.NewPCG(Seed, hashCode(c.ISO2)))
		m := modeled{}
		readership(cv, rng, m)
		editorship(cv, rng, m)
		pastTenure := affiliates(cv, rng, m)
		programs(cv, rng, m)
		grants(cv, rng, m, pastTenure)
		for _, ind := range sortedIndicators(m) {
			for year := firstYear; year <= lastYear; year++ {
				if v, ok := m[ind][year]; ok {
					out = append(out, model.Observation{ISO2: c.ISO2, Indicator: ind, Year: year, Value: v,
						Provenance: model.Provenance{Class: model.ClassModeled, Source: srcModel}})
				}
			}
		}
	}
	return out
}

func sortedIndicators(m modeled) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func hashCode(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// languageStrength scores each wiki language 0–1 by how many of its content
// projects are open, counting only languages with an open Wikipedia:
// English, with every project open, scores 1.
func languageStrength(wikis []model.Wiki) map[string]float64 {
	projects := map[string]bool{}
	for _, p := range contentProjects() {
		projects[p] = true
	}
	open := map[string]int{}
	hasWikipedia := map[string]bool{}
	for _, w := range wikis {
		if !w.Open() || !projects[w.Project] {
			continue
		}
		open[w.Lang]++
		if w.Project == "wikipedia" {
			hasWikipedia[w.Lang] = true
		}
	}
	out := map[string]float64{}
	for lang, n := range open {
		if hasWikipedia[lang] {
			out[lang] = math.Pow(float64(n)/float64(len(projects)), 1.5)
		}
	}
	return out
}

// reach is the chance that a person reads at least one language with a
// strong open Wikipedia, taking the country's languages as independent.
func reach(langs []model.CountryLanguage, strength map[string]float64) float64 {
	miss := 1.0
	for _, l := range langs {
		share := math.Min(l.PopulationPct/100, 1)
		miss *= 1 - share*strength[model.WikiLang(l.Lang)]
	}
	return 1 - miss
}

// The curve that imputes internet use from GDP per capita (PPP):
// share = a + b × ln(GDP per capita), fitted by least squares to the 213
// inhabited countries that have a World Bank internet figure and a GDP per
// capita as of covariateYear (r = 0.87; TestInternetCurve refits it). The
// constants are fixed rather than refitted on each build so that no
// country's figures depend on another's.
const (
	internetCurveA = -143.71
	internetCurveB = 21.051
)

// internetShare is the World Bank's internet share of a country as of
// covariateYear, or for the 29 inhabited territories it has no figure for
// (Taiwan, Western Sahara, French Guiana, Jersey, ...) the share the curve
// gives for the country's GDP per capita, kept within 1–95%. The imputed
// share only feeds the model: it is never stored as a fact.
func internetShare(f *facts, iso2 string) float64 {
	if v, ok := f.internet[iso2]; ok {
		return v
	}
	gdp := f.gdpPerCap[iso2]
	if gdp <= 0 {
		return 1
	}
	return math.Min(95, math.Max(1, internetCurveA+internetCurveB*math.Log(gdp)))
}

// freedom turns the data risk score (Freedom House and RSF based) into the
// share of would-be readers and editors who can reach the projects: full up
// to a score of 62, falling to a twentieth where Wikipedia is blocked
// outright (the highest-risk countries).
func freedom(risk *float64) float64 {
	if risk == nil {
		return 1
	}
	return math.Min(1, math.Max(0.05, 1-(*risk-62)/22))
}

// classGrowth is the typical yearly growth of a community by its emerging
// classification: established communities are flat, emerging ones grow.
func classGrowth(class string) float64 {
	switch class {
	case "Developed":
		return 0.005
	case "Emerging":
		return 0.05
	case "Least Developed":
		return 0.08
	}
	return 0.02
}

// editingCulture scales how many readers become editors: long-established
// communities convert more readers than young ones.
func editingCulture(class string) float64 {
	switch class {
	case "Developed":
		return 1.6
	case "Emerging":
		return 0.8
	case "Least Developed":
		return 0.5
	}
	return 1.0
}

// grantFocus is how strongly the Foundation's grants favour a community:
// mostly emerging and least developed ones.
func grantFocus(class string) float64 {
	switch class {
	case "Developed":
		return 0.35
	case "Emerging":
		return 1.8
	case "Least Developed":
		return 2.4
	}
	return 0.5
}

// pandemic is the extra change of a year: reading and editing rose in 2020
// and partly fell back in 2021; in-person events stopped in 2020.
func pandemic(year int, events bool) float64 {
	switch {
	case events && year == 2020:
		return -0.45
	case events && year == 2021:
		return 0.25
	case year == 2020:
		return 0.08
	case year == 2021:
		return -0.04
	}
	return 0
}

func lognormal(rng *rand.Rand, sigma float64) float64 {
	return math.Exp(sigma * rng.NormFloat64())
}

// poisson draws a count with mean lambda (Knuth's method for small means, a
// rounded normal for large ones).
func poisson(rng *rand.Rand, lambda float64) float64 {
	if lambda <= 0 {
		return 0
	}
	if lambda > 30 {
		return math.Max(0, math.Round(lambda+math.Sqrt(lambda)*rng.NormFloat64()))
	}
	l, k, p := math.Exp(-lambda), 0.0, 1.0
	for {
		p *= rng.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

func round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p) / p
}

// path grows a 2018 level year by year at the community's typical rate, with
// noise and the pandemic's mark. Index 0 is firstYear: a slice, not a map, so
// that callers draw their own random numbers in year order.
func path(rng *rand.Rand, start, trend, noise float64, events bool) []float64 {
	out := []float64{start}
	v := start
	for year := firstYear + 1; year <= lastYear; year++ {
		v *= 1 + trend + pandemic(year, events) + noise*rng.NormFloat64()
		v = math.Max(v, 0)
		out = append(out, v)
	}
	return out
}

func readership(cv covariates, rng *rand.Rand, m modeled) {
	// About one device in two online reads Wikimedia in a month where the
	// languages are well served, far fewer where they are not.
	devices := cv.internetPop * (0.08 + 0.7*cv.reach) * cv.freedom * lognormal(rng, 0.25)
	perDevice := (5 + 9*cv.reach) * lognormal(rng, 0.15)
	trend := classGrowth(cv.class) * 0.8
	for i, d := range path(rng, devices, trend, 0.04, false) {
		year := firstYear + i
		m.set(model.IndDevices, year, round(d, 0))
		m.set(model.IndPageviews, year, round(d*perDevice*(1+0.02*rng.NormFloat64()), 0))
	}
}

func editorship(cv covariates, rng *rand.Rand, m modeled) {
	perMillion := (0.8 + 60*cv.reach*cv.reach) * editingCulture(cv.class) * math.Max(cv.literacy, 0.2) * cv.freedom * lognormal(rng, 0.25)
	wp := cv.internetPop / 1e6 * perMillion
	otherProjects := 1.15 + 0.25*rng.Float64()
	veryActive := 0.12 * lognormal(rng, 0.2)
	trend := classGrowth(cv.class) * 1.2
	for i, e := range path(rng, wp, trend, 0.07, false) {
		year := firstYear + i
		// A yearly average of monthly counts, to hundredths.
		e = round(e, 2)
		m.set(model.IndWPEditors, year, e)
		m.set(model.IndAllEditors, year, round(e*otherProjects, 2))
		if e >= 1 {
			va := math.Min(0.35, math.Max(0.02, veryActive*(1+0.1*rng.NormFloat64())))
			m.set(model.IndVeryActive, year, round(100*va, 1))
		}
	}
}

// affiliates founds the country's affiliates by 2024 in proportion to its
// editors, each with a recognition year, a governance and a membership that
// grows, and gives the pipeline's inputs: how many, the largest size class,
// the years since the first, the most formal governance and the largest
// change of size class. It returns the affiliates' summed tenure in the
// first year, from which grants model their history.
func affiliates(cv covariates, rng *rand.Rand, m modeled) float64 {
	editors := m[model.IndWPEditors][lastYear]
	n := 0.0
	// A community of fewer than 15 Wikipedia editors (the median country
	// has some 24 in 2024) seldom sustains an affiliate.
	if editors >= 15 {
		n = poisson(rng, 0.45*math.Log2(1+editors/20))
	}
	type affiliate struct {
		founded    int
		members    float64
		governance float64
	}
	// Governance has a stream of its own, so that the draws of rng, which
	// programs and grants go on from, are what they were.
	gov := rand.New(rand.NewPCG(Seed^0x676f76, hashCode(cv.iso2)))
	var affs []affiliate
	for i := 0; i < int(n); i++ {
		// Chapters came first (2004–2012), user groups after 2013.
		founded := 2013 + rng.IntN(12)
		chapter := i == 0 && cv.class == "Developed"
		if chapter {
			founded = 2004 + rng.IntN(9)
		}
		affs = append(affs, affiliate{founded, 12 + 40*lognormal(rng, 0.8), governance(gov, chapter)})
	}
	size := func(a affiliate, year int) float64 {
		return sizeClass(a.members * math.Pow(1+classGrowth(cv.class)+0.03, float64(year-a.founded)))
	}
	var pastTenure float64
	for year := firstYear; year <= lastYear; year++ {
		var count, maxSize, tenure, governance, summed float64
		growth, grew := 0.0, false
		for _, a := range affs {
			if a.founded > year {
				continue
			}
			count++
			summed += float64(year - a.founded)
			tenure = math.Max(tenure, float64(year-a.founded))
			maxSize = math.Max(maxSize, size(a, year))
			governance = math.Max(governance, a.governance)
			if a.founded < year {
				change := size(a, year) - size(a, year-1)
				if !grew || change > growth {
					growth, grew = change, true
				}
			}
		}
		if year == firstYear {
			pastTenure = summed
		}
		m.set(model.IndAffiliates, year, count)
		m.set(model.IndAffMaxSize, year, maxSize)
		m.set(model.IndAffTenure, year, tenure)
		m.set(model.IndAffGovernance, year, governance)
		if grew {
			m.set(model.IndAffSizeGrowth, year, growth)
		}
	}
	return pastTenure
}

// sizeClass grades an affiliate by its members, 1 to 5, as the pipeline's
// affiliate_size does; its thresholds are not published, these are the
// project's: under 10, 10–24, 25–49, 50–99, 100 or more.
func sizeClass(members float64) float64 {
	switch {
	case members < 10:
		return 1
	case members < 25:
		return 2
	case members < 50:
		return 3
	case members < 100:
		return 4
	}
	return 5
}

// governance draws an affiliate's governance as the pipeline codes it: 0
// none, 1 by consensus, 2 an elected board. Chapters have boards; a user
// group mostly decides by consensus, and some have a board.
func governance(rng *rand.Rand, chapter bool) float64 {
	if chapter {
		return 2
	}
	switch u := rng.Float64(); {
	case u < 0.15:
		return 2
	case u < 0.75:
		return 1
	}
	return 0
}

func programs(cv covariates, rng *rand.Rand, m modeled) {
	focus := 1.0
	if cv.class == "Emerging" || cv.class == "Least Developed" {
		focus = 1.5
	}
	for year := firstYear; year <= lastYear; year++ {
		editors := m[model.IndAllEditors][year]
		affs := m[model.IndAffiliates][year]
		lambda := (0.02*editors*focus + 3*affs) * (1 + pandemic(year, true))
		organizers := poisson(rng, lambda)
		participants := 0.0
		if organizers > 0 {
			participants = math.Round(organizers * (8 + 25*rng.Float64()))
		}
		m.set(model.IndOrganizers, year, organizers)
		m.set(model.IndParticipants, year, participants)
		m.set(model.IndProgramGrants, year, poisson(rng, 0.08*organizers*grantFocus(cv.class)))
	}
}

// grants draws each year's grants from the country's editors and the
// Foundation's focus, and keeps a running total that starts from a modeled
// pre-2018 history where affiliates existed before (pastTenure: their
// summed years in the first year).
func grants(cv covariates, rng *rand.Rand, m modeled, pastTenure float64) {
	var histUSD, histN float64
	if tenure := pastTenure; tenure > 0 {
		histN = poisson(rng, 1.5*tenure*grantFocus(cv.class))
		histUSD = histN * 9000 * lognormal(rng, 0.4)
	}
	for year := firstYear; year <= lastYear; year++ {
		editors := m[model.IndAllEditors][year]
		affs := m[model.IndAffiliates][year]
		n := 0.0
		if editors >= 3 {
			// Grantmaking is harder where organising is risky.
			n = poisson(rng, (0.05*math.Pow(editors, 0.6)+0.8*affs)*grantFocus(cv.class)*math.Sqrt(cv.freedom))
		}
		usd := 0.0
		for i := 0; i < int(n); i++ {
			usd += 6000 * lognormal(rng, 0.9)
		}
		usd = round(usd, -2)
		histN += n
		histUSD += usd
		m.set(model.IndGrantsYearN, year, n)
		m.set(model.IndGrantsYearUSD, year, usd)
		m.set(model.IndGrantsHistN, year, histN)
		m.set(model.IndGrantsHistUSD, year, round(histUSD, -2))
	}
}
