package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store/importer"
)

// The real rows of the differentially private Geoeditors release the
// reference holds: Chile, July 2023 – June 2024.
const (
	refGeoeditors   = "wikimedia-editors/geoeditors_monthly_CL_2023-07_to_2024.csv"
	geoeditorsFile  = "geoeditors.csv"
	srcGeoeditorsDP = "geoeditors-dp-cl"
)

// extractGeoeditors reads the release through the importer's reader and
// writes each country's monthly active editors (5 or more edits) of the
// Wikipedias and of all projects, the very active ones (100 or more), the
// rows each sum is made of and the count's epsilon: what the yearly
// figures and their noise are made from.
func extractGeoeditors(path string, countries table) (table, error) {
	var cs []model.Country
	for _, r := range countries.rows {
		cs = append(cs, model.Country{ISO2: r[0], ISO3: r[1], Name: r[2]})
	}
	f, err := os.Open(path)
	if err != nil {
		return table{}, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	rel, ps := importer.ReadGeoeditorsDP(f, filepath.Base(path), importer.NewNames(cs))
	if ps.Fatal() {
		return table{}, errors.New(firstFatal(ps))
	}
	t := table{name: geoeditorsFile, header: []string{"iso2", "month", "wp_editors", "wp_rows", "all_editors", "all_rows", "very_active", "count_eps", "sum_eps", "threshold"}}
	active := func(c importer.DPCounts) (float64, int) {
		return c.Editors[importer.DPLevel5to99] + c.Editors[importer.DPLevel100], c.Rows[importer.DPLevel5to99] + c.Rows[importer.DPLevel100]
	}
	for _, m := range rel.Months {
		for iso2, c := range m.Countries {
			wp, wpRows := active(c.Wikipedia)
			all, allRows := active(c.All)
			t.rows = append(t.rows, []string{iso2, fmt.Sprintf("%04d-%02d", m.Year, m.Month),
				num(wp), strconv.Itoa(wpRows), num(all), strconv.Itoa(allRows), num(c.All.Editors[importer.DPLevel100]), num(c.CountEps), num(c.SumEps), num(c.Threshold)})
		}
	}
	if len(t.rows) == 0 {
		return table{}, fmt.Errorf("read %s: no rows for any country", path)
	}
	sortRows(t.rows, 2)
	return t, nil
}

// geoeditorFacts are the real editor figures of a year, averaged over the
// year's months in the release, with their noise.
type geoeditorFacts struct {
	observations []model.Observation
	noise        []model.Noise
	months       map[string][]string // ISO2 → months read
}

// readGeoeditors averages each country's monthly figures over the year's
// months in the file, as the importer does: active editors of the
// Wikipedias and of all projects, and the very active share of the
// active. The noise of a mean is that of the sum of the months' noisy
// counts (importer.DPNoise), over the months.
func readGeoeditors(dir string) (geoeditorFacts, error) {
	gf := geoeditorFacts{months: map[string][]string{}}
	rows, err := readRecords(dir, geoeditorsFile)
	if err != nil {
		return gf, err
	}
	type key struct {
		iso2 string
		year int
	}
	type sums struct {
		wp, all, very, varWP, varAll, eps float64
		sumEps, threshold                 float64
		months                            []string
	}
	by := map[key]*sums{}
	for _, r := range rows {
		year, err := strconv.Atoi(r["month"][:min(4, len(r["month"]))])
		if err != nil {
			return gf, fmt.Errorf("%s %s: month %q is not YYYY-MM", geoeditorsFile, r["iso2"], r["month"])
		}
		var v [8]float64
		for i, col := range []string{"wp_editors", "wp_rows", "all_editors", "all_rows", "very_active", "count_eps", "sum_eps", "threshold"} {
			x, ok, err := r.num(col)
			if err != nil || !ok {
				return gf, fmt.Errorf("%s %s %s: column %s is missing or not a number", geoeditorsFile, r["iso2"], r["month"], col)
			}
			v[i] = x
		}
		k := key{r["iso2"], year}
		s := by[k]
		if s == nil {
			s = &sums{eps: math.Inf(1)}
			by[k] = s
		}
		s.wp, s.all, s.very = s.wp+v[0], s.all+v[2], s.very+v[4]
		if v[5] > 0 {
			nWP, nAll := importer.DPNoise(int(v[1]), v[5]), importer.DPNoise(int(v[3]), v[5])
			s.varWP, s.varAll = s.varWP+nWP*nWP, s.varAll+nAll*nAll
			s.eps = math.Min(s.eps, v[5])
			s.sumEps, s.threshold = v[6], math.Max(s.threshold, v[7])
		}
		s.months = append(s.months, r["month"])
		gf.months[r["iso2"]] = append(gf.months[r["iso2"]], r["month"])
	}
	keys := make([]key, 0, len(by))
	for k := range by {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].iso2 != keys[j].iso2 {
			return keys[i].iso2 < keys[j].iso2
		}
		return keys[i].year < keys[j].year
	})
	for _, k := range keys {
		s := by[k]
		sort.Strings(s.months)
		n := float64(len(s.months))
		pv := model.Provenance{Class: model.ClassReal, Source: srcGeoeditorsDP, Period: s.months[0] + " to " + s.months[len(s.months)-1]}
		gf.observations = append(gf.observations,
			model.Observation{ISO2: k.iso2, Indicator: model.IndWPEditors, Year: k.year, Value: round(s.wp/n, 2), Provenance: pv},
			model.Observation{ISO2: k.iso2, Indicator: model.IndAllEditors, Year: k.year, Value: round(s.all/n, 2), Provenance: pv})
		if s.all > 0 {
			gf.observations = append(gf.observations, model.Observation{ISO2: k.iso2, Indicator: model.IndVeryActive, Year: k.year, Value: round(100*s.very/s.all, 1), Provenance: pv})
		}
		if !math.IsInf(s.eps, 1) {
			gf.noise = append(gf.noise,
				model.Noise{ISO2: k.iso2, Indicator: model.IndWPEditors, Year: k.year, Epsilon: s.eps, SD: math.Sqrt(s.varWP) / n, SumEpsilon: s.sumEps, Threshold: s.threshold},
				model.Noise{ISO2: k.iso2, Indicator: model.IndAllEditors, Year: k.year, Epsilon: s.eps, SD: math.Sqrt(s.varAll) / n, SumEpsilon: s.sumEps, Threshold: s.threshold})
		}
	}
	return gf, nil
}

// replace puts the real figures in the place of the model's for the same
// country, input and year.
func (gf geoeditorFacts) replace(obs []model.Observation) []model.Observation {
	type cell struct {
		iso2, ind string
		year      int
	}
	real := map[cell]model.Observation{}
	for _, o := range gf.observations {
		real[cell{o.ISO2, o.Indicator, o.Year}] = o
	}
	out := obs[:0]
	for _, o := range obs {
		k := cell{o.ISO2, o.Indicator, o.Year}
		if r, ok := real[k]; ok {
			out = append(out, r)
			delete(real, k)
			continue
		}
		out = append(out, o)
	}
	// A real figure where the model has none (a very active share of a
	// country the model gives fewer than one editor) goes in too.
	for _, o := range gf.observations {
		if _, left := real[cell{o.ISO2, o.Indicator, o.Year}]; left {
			out = append(out, o)
		}
	}
	return out
}

// geoeditorsSource is the sources row of the real editor figures.
func (gf geoeditorFacts) geoeditorsSource() model.Source {
	first, last := monthSpan(gf.months)
	return model.Source{ID: srcGeoeditorsDP, Title: "Geoeditors monthly release (differentially private): Chile, " + first + " to " + last,
		Publisher: "Wikimedia Foundation", Year: 2024, Licence: "CC0-1.0",
		URL: "https://analytics.wikimedia.org/published/datasets/geoeditors_monthly/",
		Note: "Real rows of the differentially private release for Chile, read by the importer's reader: active editors (5 or more edits in the " +
			"month) of the Wikipedias and of all projects, and the very active share, averaged over each year's months in the copy (2023: July to " +
			"December; 2024: January to June). Every count carries Laplace noise from the privacy budget epsilon; the noise is kept beside each " +
			"figure. The copy repeats its rows; each is counted once."}
}
