package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store/importer"
)

// The real figures of the movement metrics: monthly active editors per
// Wikimedia region (June 2022 – February 2024), and the eleven largest
// countries' page views of January 2022 and January 2023.
const (
	refRegionEditors  = "wmf-movement-metrics/regional_active_editors.csv"
	refTopCountries   = "wmf-movement-metrics/by_country_jan23_top11.csv"
	regionEditorsFile = "regional_editors.csv"

	srcTopReaders   = "wmf-movement-metrics-top11"
	srcRegionTotals = "wmf-movement-metrics-regional-editors"
	srcCalibrated   = "equity-sample-model-calibrated"
)

// topColumns are the movement metrics' columns of the eleven countries'
// figures and the month each stands for. "Corrected January 2022" is the
// Foundation's own correction of the raw figure (Canada's and the United
// States' page views).
func topColumns() map[string]string {
	return map[string]string{"Corrected January 2022": "2022-01", "jan23x": "2023-01"}
}

// extractRegionEditors reads the regional monthly active editors into long
// rows: region, month, editors. Editors of no known country (an empty
// region) or of a country with no region (UNCLASSED) are no region's and
// are left out.
func extractRegionEditors(path string, countries table) (table, error) {
	header, recs, err := readDelimited(path, ',')
	if err != nil {
		return table{}, err
	}
	regions := map[string]bool{}
	for _, r := range countries.rows {
		regions[r[3]] = true
	}
	var cols [3]int
	for i, name := range []string{"month", "wmf_region", "total_active_editors"} {
		if cols[i], err = column(header, name, path); err != nil {
			return table{}, err
		}
	}
	t := table{name: regionEditorsFile, header: []string{"region", "month", "editors"}}
	for _, rec := range recs {
		month, region := strings.TrimSpace(rec[cols[0]]), strings.TrimSpace(rec[cols[1]])
		if region == "" || region == "UNCLASSED" {
			continue
		}
		if !regions[region] {
			return table{}, fmt.Errorf("read %s: region %q is not a Wikimedia region of countries.csv", path, region)
		}
		if len(month) != 7 || month[4] != '-' {
			return table{}, fmt.Errorf("read %s: month %q is not YYYY-MM", path, month)
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(rec[cols[2]]), 64)
		if err != nil || v < 0 {
			return table{}, fmt.Errorf("read %s: %s %s: %q is not a count of editors", path, month, region, rec[cols[2]])
		}
		t.rows = append(t.rows, []string{region, month, num(v)})
	}
	if len(t.rows) == 0 {
		return table{}, fmt.Errorf("read %s: no regional rows", path)
	}
	sortRows(t.rows, 2)
	return t, nil
}

// extractTopReaders reads the eleven countries' page views ("readers") of
// January 2022 and January 2023 into rows of the page views file. Their
// active editors, beside them in the file, are not taken: they count on
// another basis than the regional totals (the United States' 62,832 in
// January 2022 against 14,715 for all of North America), so they are no
// figure of this project's active editors (5 or more edits a month).
func extractTopReaders(path string, countries table) ([][]string, error) {
	header, recs, err := readDelimited(path, ',')
	if err != nil {
		return nil, err
	}
	var cs []model.Country
	for _, r := range countries.rows {
		cs = append(cs, model.Country{ISO2: r[0], ISO3: r[1], Name: r[2]})
	}
	names := importer.NewNames(cs)
	category, err := column(header, "category", path)
	if err != nil {
		return nil, err
	}
	country, err := column(header, "country", path)
	if err != nil {
		return nil, err
	}
	var rows [][]string
	for name, month := range topColumns() {
		col, err := column(header, name, path)
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			if strings.TrimSpace(rec[category]) != "readers" {
				continue
			}
			iso2, ok := names.Lookup(strings.TrimSpace(rec[country]))
			if !ok {
				return nil, fmt.Errorf("read %s: readers of %q, which is no country of countries.csv", path, rec[country])
			}
			v, err := strconv.ParseFloat(strings.TrimSpace(rec[col]), 64)
			if err != nil || v <= 0 {
				return nil, fmt.Errorf("read %s: %s %s: %q is not a count of page views", path, iso2, name, rec[col])
			}
			rows = append(rows, []string{iso2, month[:4], month, num(v), num(v), num(v), srcTopReaders})
		}
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("read %s: no readers rows", path)
	}
	return rows, nil
}

// editorTotals are the real editor figures the model is held to.
type editorTotals struct {
	// region → year → the year's monthly totals
	regions map[string]map[int][]float64
	months  map[int][]string // year → its months with regional totals
}

func readEditorTotals(dir string) (editorTotals, error) {
	et := editorTotals{regions: map[string]map[int][]float64{}, months: map[int][]string{}}
	rows, err := readRecords(dir, regionEditorsFile)
	if err != nil {
		return et, err
	}
	seen := map[string]bool{}
	for _, r := range rows {
		year, err := strconv.Atoi(r["month"][:min(4, len(r["month"]))])
		v, ok, err2 := r.num("editors")
		if err != nil || err2 != nil || !ok {
			return et, fmt.Errorf("%s: %s %s: not a month and a count of editors", regionEditorsFile, r["region"], r["month"])
		}
		if et.regions[r["region"]] == nil {
			et.regions[r["region"]] = map[int][]float64{}
		}
		et.regions[r["region"]][year] = append(et.regions[r["region"]][year], v)
		if !seen[r["month"]] {
			seen[r["month"]] = true
			et.months[year] = append(et.months[year], r["month"])
		}
	}
	for _, ms := range et.months {
		sort.Strings(ms)
	}
	return et, nil
}

// calibrateEditors holds the modeled editors to the real regional totals:
// each region's countries are scaled together so that their all-project
// active editors add up to the region's real monthly total, averaged over
// the year's months with a total. Wikipedia editors scale with them. Years before the first total take the first year's
// scale, so that the model's trend goes on without a step. The scaled
// figures stay MODELED: only their sum is real.
func (et editorTotals) calibrateEditors(countries []model.Country, obs []model.Observation) (out []model.Observation, calibrated int) {
	region := map[string]string{}
	for _, c := range countries {
		region[c.ISO2] = c.WikimediaRegion
	}
	type key struct {
		iso2 string
		year int
	}
	all, wp := map[key]int{}, map[key]int{}
	for i, o := range obs {
		switch o.Indicator {
		case model.IndAllEditors:
			all[key{o.ISO2, o.Year}] = i
		case model.IndWPEditors:
			wp[key{o.ISO2, o.Year}] = i
		}
	}
	years := make([]int, 0, len(et.months))
	for y := range et.months {
		years = append(years, y)
	}
	sort.Ints(years)
	if len(years) == 0 {
		return obs, 0
	}

	real := map[key]bool{} // figures a release made real are not scaled
	for k, i := range all {
		real[k] = obs[i].Class != model.ClassModeled
	}

	// Each region's scale in each year with totals.
	scale := map[string]map[int]float64{}
	for r, byYear := range et.regions {
		scale[r] = map[int]float64{}
		for year, totals := range byYear {
			target := mean(totals)
			var fixed, modeled float64
			for k, i := range all {
				if k.year != year || region[k.iso2] != r {
					continue
				}
				if real[k] {
					fixed += obs[i].Value
				} else {
					modeled += obs[i].Value
				}
			}
			if modeled > 0 && target > fixed {
				scale[r][year] = (target - fixed) / modeled
			}
		}
	}
	for k, i := range all {
		if real[k] {
			continue
		}
		f, ok := scale[region[k.iso2]][max(k.year, years[0])]
		if !ok {
			continue
		}
		obs[i].Value = round(obs[i].Value*f, 2)
		obs[i].Provenance = model.Provenance{Class: model.ClassModeled, Source: srcCalibrated}
		if j, ok := wp[k]; ok {
			obs[j].Value = round(obs[j].Value*f, 2)
			obs[j].Provenance = model.Provenance{Class: model.ClassModeled, Source: srcCalibrated}
		}
		calibrated++
	}
	return obs, calibrated
}

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// editorSources are the sources rows of the real editor figures and of the
// calibrated model.
func (et editorTotals) editorSources(calibrated int) []model.Source {
	first, last := monthSpan(et.months)
	return []model.Source{
		{ID: srcCalibrated, Title: "Modeled editors, scaled to the real regional totals (equity sample model)", Publisher: "equity project, cmd/mksample",
			Year: lastYear, Licence: "CC0-1.0",
			Note: fmt.Sprintf("MODELED, not published: each country's modeled active editors (all projects, and Wikipedia with them) are scaled so that "+
				"a Wikimedia region's countries add up to its real monthly active editors (WMF movement metrics, %s to %s), averaged over the "+
				"year's months with a total; years before %s take the first year's scale. "+
				"The sum is real, each country's share of it is the model's. %d country-years.", first, last, first[:4], calibrated)},
		{ID: srcRegionTotals, Title: "Monthly active editors per Wikimedia region, June 2022 – February 2024 (WMF movement metrics)",
			Publisher: "Wikimedia Foundation research", Year: 2024, Licence: "published statistics (no licence stated)",
			URL:  "https://github.com/wikimedia-research/movement-metrics",
			Note: "The real totals the modeled editors are scaled to; editors of no known country are no region's and are left out. From wikimedia-research/movement-metrics (commit c56a6a05)."},
	}
}

// monthSpan is the first and the last of months (YYYY-MM) held by key.
func monthSpan[K comparable](months map[K][]string) (first, last string) {
	for _, ms := range months {
		for _, m := range ms {
			if first == "" || m < first {
				first = m
			}
			last = max(last, m)
		}
	}
	return first, last
}
