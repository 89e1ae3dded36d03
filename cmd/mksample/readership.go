package main

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/equitylandscape/equity/model"
)

// Source ids of the estimated readership figures: each names its method.
const (
	srcPageviewsEst = "est-pageviews-loglinear"
	srcDevicesEst   = "est-devices-regional-split"
)

// The years whose readership is estimated between the real releases, and
// the year of the latest release.
const (
	estFirstYear  = 2018
	estLastYear   = 2024
	releaseYear25 = 2025
)

// reasonProtected says why a protected country has no readership figure
// after 2017, in the importer's own words for the same absence.
const reasonProtected = "not in the release: protected country (the Wikimedia Country and Territory Protection List)"

// monthIndex counts months from year 0, January = 0: the time axis of the
// interpolation.
func monthIndex(year, month int) float64 { return float64(year*12 + month - 1) }

// realViews is one country's real monthly page views in one release.
type realViews struct {
	year   int
	month  int
	views  float64
	source string
}

// readership is what the readership facts give the dataset.
type readershipFacts struct {
	observations []model.Observation
	bounds       []model.BoundObservation
	missing      []model.Missing
	// published marks, by indicator, the countries whose readership is real,
	// estimated or missing with a reason: the model leaves them alone.
	published map[string]map[string]bool
	// counts for the sources rows' notes
	estimatedViews, estimatedDevices, protected, fromJune2016 int
}

// readReadership reads the real page views and the regional unique devices
// and estimates each country's page views and unique devices of the years
// between the releases.
func readReadership(dir string, countries []model.Country) (readershipFacts, error) {
	rf := readershipFacts{published: map[string]map[string]bool{model.IndPageviews: {}, model.IndDevices: {}}}
	byISO := map[string]model.Country{}
	for _, c := range countries {
		byISO[c.ISO2] = c
	}
	rows, err := readRecords(dir, pageviewsFile)
	if err != nil {
		return rf, err
	}
	views := map[string][]realViews{}
	for _, r := range rows {
		iso2 := r["iso2"]
		if _, ok := byISO[iso2]; !ok {
			return rf, fmt.Errorf("%s: unknown country %s", pageviewsFile, iso2)
		}
		year, err := strconv.Atoi(r["year"])
		if err != nil {
			return rf, fmt.Errorf("%s %s: year %q is not a year", pageviewsFile, iso2, r["year"])
		}
		var v [3]float64
		for i, col := range []string{"views", "lower", "upper"} {
			x, ok, err := r.num(col)
			if err != nil || !ok || x < 0 {
				return rf, fmt.Errorf("%s %s %d: column %s is missing or not a count", pageviewsFile, iso2, year, col)
			}
			v[i] = x
		}
		period := r["period"]
		month := 0
		if len(period) >= 7 {
			month, _ = strconv.Atoi(period[5:7])
		}
		if month < 1 || month > 12 || period[:4] != r["year"] {
			return rf, fmt.Errorf("%s %s %d: period %q does not start with the year's month as YYYY-MM", pageviewsFile, iso2, year, period)
		}
		views[iso2] = append(views[iso2], realViews{year: year, month: month, views: v[0], source: r["source"]})
		rf.observations = append(rf.observations, model.Observation{ISO2: iso2, Indicator: model.IndPageviews, Year: year, Value: v[0],
			Provenance: model.Provenance{Class: model.ClassReal, Source: r["source"], Period: period}})
		if v[1] != v[2] {
			rf.bounds = append(rf.bounds, model.BoundObservation{ISO2: iso2, Indicator: model.IndPageviews, Year: year, Bounds: model.Bounds{Lower: v[1], Upper: v[2]}})
		}
	}

	// Page views of the years between: log-linear between the nearest real
	// figures before and after each year (June 2016 or 2017, January 2022
	// and 2023 for the eleven largest countries, September 2025).
	estimated := map[string]map[int]float64{} // ISO2 → year → views, real or estimated
	for _, c := range countries {
		vs := views[c.ISO2]
		sort.Slice(vs, func(i, j int) bool { return vs[i].year < vs[j].year })
		real := map[int]bool{}
		for _, v := range vs {
			real[v.year] = true
		}
		if c.Protected {
			// Absent from the 2025 release by its privacy rule: no
			// estimate, and no model in its place; a figure another
			// release publishes (Russia's January 2022 and 2023) stands.
			rf.protected++
			rf.published[model.IndPageviews][c.ISO2] = true
			rf.published[model.IndDevices][c.ISO2] = true
			for year := estFirstYear; year <= releaseYear25; year++ {
				if real[year] {
					rf.missing = append(rf.missing, model.Missing{ISO2: c.ISO2, Indicator: model.IndDevices, Year: year, Reason: reasonProtected, Source: srcWikistats2})
					continue
				}
				rf.missing = append(rf.missing, model.Missing{ISO2: c.ISO2, Indicator: model.IndPageviews, Year: year, Reason: reasonProtected, Source: srcWikistats2})
				if year <= estLastYear {
					rf.missing = append(rf.missing, model.Missing{ISO2: c.ISO2, Indicator: model.IndDevices, Year: year, Reason: reasonProtected, Source: srcWikistats2})
				}
			}
			continue
		}
		hasBefore, hasAfter := false, false
		for _, v := range vs {
			hasBefore = hasBefore || v.year < estFirstYear && v.views > 0
			hasAfter = hasAfter || v.year == releaseYear25 && v.views > 0
		}
		if !hasBefore || !hasAfter {
			continue
		}
		rf.published[model.IndPageviews][c.ISO2] = true
		rf.estimatedViews++
		if !real[2017] {
			rf.fromJune2016++
		}
		estimated[c.ISO2] = map[int]float64{}
		for year := estFirstYear; year <= estLastYear; year++ {
			// The middle of the year stands for its average month.
			t := monthIndex(year, 7) - 0.5
			if real[year] {
				for _, v := range vs {
					if v.year == year {
						estimated[c.ISO2][year] = v.views
					}
				}
				continue
			}
			var before, after *realViews
			for i := range vs {
				switch at := monthIndex(vs[i].year, vs[i].month); {
				case at <= t && vs[i].views > 0:
					before = &vs[i]
				case at > t && after == nil && vs[i].views > 0:
					after = &vs[i]
				}
			}
			t0, t1 := monthIndex(before.year, before.month), monthIndex(after.year, after.month)
			v := math.Round(before.views * math.Pow(after.views/before.views, (t-t0)/(t1-t0)))
			estimated[c.ISO2][year] = v
			rf.observations = append(rf.observations, model.Observation{ISO2: c.ISO2, Indicator: model.IndPageviews, Year: year, Value: v,
				Provenance: model.Provenance{Class: model.ClassEstimated, Source: srcPageviewsEst,
					Period: fmt.Sprintf("%d (between %04d-%02d and %04d-%02d)", year, before.year, before.month, after.year, after.month)}})
		}
	}

	devices, err := rf.splitDevices(dir, countries, views, estimated)
	if err != nil {
		return rf, err
	}
	rf.observations = append(rf.observations, devices...)
	return rf, nil
}

// splitDevices estimates each country's unique devices from its region's
// real monthly total, averaged over the year's months, and the country's
// share of the region's page views that year. The protected countries'
// part of the region is set aside first, at their share of the region's
// Wikipedia views in June 2017, since they have no page views after it.
func (rf *readershipFacts) splitDevices(dir string, countries []model.Country, views map[string][]realViews, estimated map[string]map[int]float64) ([]model.Observation, error) {
	rows, err := readRecords(dir, regionDevicesFile)
	if err != nil {
		return nil, err
	}
	type regionYear struct {
		region string
		year   int
	}
	sum, months := map[regionYear]float64{}, map[regionYear][]string{}
	for _, r := range rows {
		year, err := strconv.Atoi(r["month"][:min(4, len(r["month"]))])
		v, ok, err2 := r.num("devices")
		if err != nil || err2 != nil || !ok {
			return nil, fmt.Errorf("%s: %s %s: not a month and a count of devices", regionDevicesFile, r["region"], r["month"])
		}
		k := regionYear{r["region"], year}
		sum[k] += v
		months[k] = append(months[k], r["month"])
	}

	// Each region's protected part, from the June 2017 Wikipedia views.
	protected, all := map[string]float64{}, map[string]float64{}
	for _, c := range countries {
		for _, v := range views[c.ISO2] {
			if v.year != 2017 {
				continue
			}
			all[c.WikimediaRegion] += v.views
			if c.Protected {
				protected[c.WikimediaRegion] += v.views
			}
		}
	}
	regionViews := map[regionYear]float64{}
	for _, c := range countries {
		for year, v := range estimated[c.ISO2] {
			regionViews[regionYear{c.WikimediaRegion, year}] += v
		}
	}

	var out []model.Observation
	for _, c := range countries {
		est := estimated[c.ISO2]
		if est == nil {
			continue
		}
		n := 0
		for year := estFirstYear; year <= estLastYear; year++ {
			k := regionYear{c.WikimediaRegion, year}
			if len(months[k]) == 0 || regionViews[k] <= 0 || all[c.WikimediaRegion] <= 0 {
				continue
			}
			open := 1 - protected[c.WikimediaRegion]/all[c.WikimediaRegion]
			mean := sum[k] / float64(len(months[k]))
			v := math.Round(mean * open * est[year] / regionViews[k])
			period := strconv.Itoa(year)
			if len(months[k]) < 12 {
				period = fmt.Sprintf("%d (%s to %s)", year, months[k][0], months[k][len(months[k])-1])
			}
			out = append(out, model.Observation{ISO2: c.ISO2, Indicator: model.IndDevices, Year: year, Value: v,
				Provenance: model.Provenance{Class: model.ClassEstimated, Source: srcDevicesEst, Period: period}})
			n++
		}
		if n > 0 {
			rf.published[model.IndDevices][c.ISO2] = true
			rf.estimatedDevices++
		}
	}
	return out, nil
}

// readershipSources are the sources rows of the real page views and of the
// two estimates, with the attribution the 2016 and 2017 reports' licence
// asks for.
func (rf *readershipFacts) readershipSources() []model.Source {
	wivivi := func(id string, year int, commit, folder string) model.Source {
		return model.Source{ID: id, Title: fmt.Sprintf("Wikipedia Views Visualized, June %d: Wikipedia page views by country", year),
			Publisher: "Wikimedia Foundation (Wikistats, author Erik Zachte)", Year: year, Licence: "CC-BY-SA",
			URL: "https://github.com/wikimedia/analytics-wikistats",
			Note: fmt.Sprintf("Wikimedia Foundation, CC-BY-SA, author Erik Zachte. The page views of all Wikipedias (not the other projects) from each country in June %d, "+
				"rounded as the report shows them (3.3^B, 892^K; the bounds of the rounding are kept); the one month stands for the year. "+
				"Includes the countries of the protection list. From wikimedia/analytics-wikistats, %s/datamaps-views-per-country-%d-06.csv (commit %s). "+
				"Figures derived from these are shared alike under CC BY-SA with this attribution.", year, folder, year, commit)}
	}
	return []model.Source{
		{ID: srcDevicesEst, Title: "Unique devices 2018–2024 estimated: a region's real total split by page view share (equity project)",
			Publisher: "equity project, cmd/mksample, from Wikimedia Foundation figures", Year: estLastYear,
			Licence: "CC-BY-SA (derived in part from Wikipedia Views Visualized, Wikimedia Foundation, author Erik Zachte)",
			URL:     "https://github.com/wikimedia-research/movement-metrics",
			Note: fmt.Sprintf("ESTIMATED from published figures, not published for any country. The real monthly unique devices of each Wikimedia region "+
				"(WMF movement metrics, wikimedia-research/movement-metrics, commit c56a6a05: January 2018 – February 2024), averaged over each year's months "+
				"(2024: January and February only), are split among the region's countries by each country's share of the region's estimated page views "+
				"that year (%s). The protected countries' part of the region is set aside first, at their share of the region's Wikipedia views in June 2017, "+
				"and they get no figure; devices of unclassed or unknown location are not split. A country with modeled page views gets no share and keeps "+
				"modeled devices, so a region's countries add up to slightly more than its real total. %d countries.", srcPageviewsEst, rf.estimatedDevices)},
		{ID: srcPageviewsEst, Title: "Page views 2018–2024 estimated: log-linear between each country's nearest real figures (equity project)",
			Publisher: "equity project, cmd/mksample, from Wikimedia Foundation figures", Year: estLastYear,
			Licence: "CC-BY-SA (derived from Wikipedia Views Visualized, Wikimedia Foundation, author Erik Zachte, and CC0 Wikistats 2 figures)",
			URL:     "https://stats.wikimedia.org/",
			Note: fmt.Sprintf("ESTIMATED from published figures, not published. Each country's monthly page views of 2018–2024 lie on the straight line, "+
				"in log scale (a constant monthly growth rate), between its own nearest real figures before and after, read at the middle of each year: "+
				"June 2017 (Wikipedia Views Visualized; June 2016 for the %d without a June 2017 figure), January 2022 and January 2023 for the eleven "+
				"largest countries (WMF movement metrics, real in those years), and September 2025 (Wikistats 2). The 2017 figure counts "+
				"Wikipedia only and the 2025 figure all Wikimedia projects: the views of the other projects (Wikipedia is the great majority) are "+
				"folded into the estimated growth, which runs slightly high; no correction is made. One month stands for each year. %d countries. "+
				"The %d countries of the protection list are absent from the 2025 release by its privacy rule: they have no estimate, and their "+
				"readership after 2017 is missing with that reason. Countries with no real figure before 2025 keep modeled figures for 2018–2024.",
				rf.fromJune2016, rf.estimatedViews, rf.protected)},
		{ID: srcTopReaders, Title: "Page views of the eleven largest countries, January 2022 and January 2023 (WMF movement metrics)",
			Publisher: "Wikimedia Foundation research", Year: 2023, Licence: "published statistics (no licence stated)",
			URL: "https://github.com/wikimedia-research/movement-metrics",
			Note: "Monthly page views (\"readers\") of the United States, Japan, Germany, the United Kingdom, India, Russia, France, Italy, Canada, " +
				"Poland and Spain in January 2022 (as corrected by the Foundation: Canada's and the United States' raw figures were low) and January " +
				"2023; one month stands for its year. Their active editors, in the same table, count on another basis than the regional totals " +
				"(the United States' 62,832 in January 2022 against 14,715 for all of North America) and are not used as active editors. " +
				"From wikimedia-research/movement-metrics (by_country_jan23_top11.csv, commit c56a6a05)."},
		wivivi(srcWivivi2016, 2016, "2dfdfea6", "traffic/html"),
		wivivi(srcWivivi2017, 2017, "43effc91", "traffic/wivivi"),
		{ID: srcWikistats2, Title: "Wikistats 2: All projects, Reading, Page views by country, September 2025", Publisher: "Wikimedia Foundation",
			Year: releaseYear25, Licence: "CC0-1.0", URL: "https://stats.wikimedia.org/#/all-projects/reading/page-views-by-country",
			Note: "The page views of all Wikimedia projects from each country in September 2025, as the pageview API's views_ceil (rounded up to the thousand; " +
				"the bounds are the figure less 999 to the figure); the one month stands for the year. Countries on the Wikimedia Country and Territory " +
				"Protection List are absent by the release's privacy rule: their absence is no figure, not zero. Saved by vaclavrozhon/vaclavrozhon.github.io " +
				"(widgets/data/wikipedia_country_pageviews.csv, commit 5fcb76f1, 2025-10-31)."},
	}
}
