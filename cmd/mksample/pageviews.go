package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store/importer"
)

// Reference files of real page views by country, relative to the reference
// directory: Wikipedia's views of June 2016 and June 2017 ("Wikipedia
// Views Visualized") and all projects' of September 2025 (Wikistats 2).
const (
	refWivivi2016   = "wikimedia-readership/wivivi/datamaps-views-per-country-2016-06.csv"
	refWivivi2017   = "wikimedia-readership/wivivi/datamaps-views-per-country-2017-06.csv"
	refWikistats2   = "wikimedia-readership/wikistats2/all-projects_page-views-by-country_2025-09.csv"
	refRegionDevice = "wmf-movement-metrics/regional_unique_devices.tsv"
)

// The project's CSVs of the page view facts.
const (
	pageviewsFile     = "pageviews.csv"
	regionDevicesFile = "regional_devices.csv"
)

// Source ids of the real page views, one per release.
const (
	srcWivivi2016 = "wivivi-2016-06"
	srcWivivi2017 = "wivivi-2017-06"
	srcWikistats2 = "wikistats2-2025-09"
)

// pageviewRelease is one reference file of page views by country and how
// it is read.
type pageviewRelease struct {
	path, source, period string
	read                 func(r *os.File, file string, cs []model.Country) (importer.Views, importer.Problems)
}

func pageviewReleases() []pageviewRelease {
	wivivi := func(r *os.File, file string, cs []model.Country) (importer.Views, importer.Problems) {
		return importer.ReadWivivi(r, file, cs)
	}
	wikistats := func(r *os.File, file string, cs []model.Country) (importer.Views, importer.Problems) {
		return importer.ReadWikistats2(r, file, cs)
	}
	return []pageviewRelease{
		{refWivivi2016, srcWivivi2016, "2016-06 (Wikipedia only)", wivivi},
		{refWivivi2017, srcWivivi2017, "2017-06 (Wikipedia only)", wivivi},
		{refWikistats2, srcWikistats2, "2025-09", wikistats},
	}
}

// extractPageviews reads the three releases through the importer's readers
// and returns one row per country and release: the month's views of the
// project the release covers (all Wikipedias, or all projects) with the
// bounds its rounding gives.
func extractPageviews(refDir string, countries table) (table, error) {
	var cs []model.Country
	for _, r := range countries.rows {
		cs = append(cs, model.Country{ISO2: r[0], ISO3: r[1]})
	}
	t := table{name: pageviewsFile, header: []string{"iso2", "year", "period", "views", "lower", "upper", "source"}}
	for _, rel := range pageviewReleases() {
		path := filepath.Join(refDir, rel.path)
		f, err := os.Open(path)
		if err != nil {
			return table{}, fmt.Errorf("read %s: %w", path, err)
		}
		v, ps := rel.read(f, filepath.Base(path), cs)
		f.Close()
		if ps.Fatal() {
			return table{}, errors.New(firstFatal(ps))
		}
		n := 0
		for _, m := range v.Months {
			if m.Project != "wikipedia" && m.Project != "all-projects" {
				continue
			}
			n++
			for _, c := range m.Countries {
				t.rows = append(t.rows, []string{c.ISO2, strconv.Itoa(m.Year), rel.period, num(c.Views), num(c.Bounds.Lower), num(c.Bounds.Upper), rel.source})
			}
		}
		if n != 1 {
			return table{}, fmt.Errorf("read %s: %d months of views of all Wikipedias or all projects, want one", path, n)
		}
	}
	sortRows(t.rows, 2)
	return t, nil
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// regionColumns maps the columns of the regional unique devices file to
// the Wikimedia regions of the canonical countries. Its unclassed and
// unknown columns are devices of no country and are not taken.
func regionColumns() map[string]string {
	return map[string]string{
		"central_eastern_europe_central_asia_unique_devices": "Central & Eastern Europe & Central Asia",
		"east_southeast_asia_pacific_unique_devices":         "East, Southeast Asia, & Pacific",
		"latin_america_caribbean_unique_devices":             "Latin America & Caribbean",
		"middle_east_north_africa_unique_devices":            "Middle East & North Africa",
		"north_america_unique_devices":                       "North America",
		"northern_western_europe_unique_devices":             "Northern & Western Europe",
		"south_asia_unique_devices":                          "South Asia",
		"subsaharan_africa_unique_devices":                   "Sub-Saharan Africa",
	}
}

// extractRegionDevices reads the movement metrics' monthly unique devices
// per Wikimedia region into long rows: region, month (YYYY-MM), devices.
// The file is a published table with no importer reader of its own.
func extractRegionDevices(path string, countries table) (table, error) {
	header, recs, err := readDelimited(path, '\t')
	if err != nil {
		return table{}, err
	}
	regions := map[string]bool{}
	for _, r := range countries.rows {
		regions[r[3]] = true
	}
	monthCol, err := column(header, "month", path)
	if err != nil {
		return table{}, err
	}
	t := table{name: regionDevicesFile, header: []string{"region", "month", "devices"}}
	cols := regionColumns()
	found := 0
	for i, h := range header {
		region, ok := cols[strings.TrimSpace(h)]
		if !ok {
			continue
		}
		if !regions[region] {
			return table{}, fmt.Errorf("read %s: region %q of column %s is not a Wikimedia region of countries.csv", path, region, h)
		}
		found++
		for _, rec := range recs {
			month := strings.TrimSpace(rec[monthCol])
			if len(month) < 7 || month[4] != '-' {
				return table{}, fmt.Errorf("read %s: month %q is not YYYY-MM-DD", path, month)
			}
			v, err := strconv.ParseFloat(strings.TrimSpace(rec[i]), 64)
			if err != nil || v < 0 {
				return table{}, fmt.Errorf("read %s: %s %s: %q is not a count of devices", path, month, h, rec[i])
			}
			t.rows = append(t.rows, []string{region, month[:7], num(v)})
		}
	}
	if found != len(cols) {
		return table{}, fmt.Errorf("read %s: %d of the %d regional columns found", path, found, len(cols))
	}
	sortRows(t.rows, 2)
	return t, nil
}
