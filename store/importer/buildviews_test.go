package importer

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
)

// Page views merge as a full release of their year: Wikistats 2's
// September 2025 replaces 2025's pageviews; a protected country the release
// leaves out is missing with that reason, never zero; wivivi's June 2017
// brings Wikipedia views and the editions each country reads; an
// en.wikipedia month goes to the reading table alone.
func TestBuildPageviews(t *testing.T) {
	pv := func(name string) string { return filepath.Join("testdata", "pageviews", name) }
	base := bundled(t)
	in := Inputs{Pageviews: []string{
		pv("all-projects_page-views-by-country_2025-09.csv"),
		pv("datamaps-views-per-country-2017-06.csv"),
		pv("top-by-country-en.wikipedia-2019-01.json"),
	}}
	res := Build(base, in, buildDate, nil)
	if res.Dataset == nil {
		t.Fatalf("no dataset: %v", res.Problems)
	}
	d := res.Dataset

	tests := []struct {
		name   string
		iso2   string
		year   int
		value  float64
		class  model.Class
		period string
	}{
		{"Wikistats 2, US September 2025", "US", 2025, 3320643000, model.ClassReal, "2025-09"},
		{"wivivi, US June 2017: 3.2^B", "US", 2017, 3.2e9, model.ClassReal, "2017-06 (Wikipedia only)"},
		// The sample's own figure of 2020 is estimated from its published
		// 2017 and 2025 ones; it stays as it was, with its provenance.
		{"a year no file covers keeps the sample's", "US", 2020, must(base.Value("US", model.IndPageviews, 2020)), model.ClassEstimated, "2020 (between 2017-06 and 2022-01)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := d.Value(tt.iso2, model.IndPageviews, tt.year)
			pv, _ := d.Provenance(tt.iso2, model.IndPageviews, tt.year)
			if !ok || v != tt.value || pv.Class != tt.class || pv.Period != tt.period {
				t.Errorf("%s %d = %v, %v, %+v; want %v, %s, %s", tt.iso2, tt.year, v, ok, pv, tt.value, tt.class, tt.period)
			}
		})
	}
	if b, ok := d.Bounds("US", model.IndPageviews, 2025); !ok || b.Lower != 3320642001 || b.Upper != 3320643000 {
		t.Errorf("US 2025 bounds = %+v, %v; want the thousand the figure was rounded up from", b, ok)
	}
	// China is protected: not in the 2025 release, missing with the reason.
	if m, ok := d.MissingReason("CN", model.IndPageviews, 2025); !ok || !strings.Contains(m.Reason, "protected") {
		t.Errorf("CN 2025 = %+v, %v; want missing, protected", m, ok)
	}
	if _, ok := d.Value("CN", model.IndPageviews, 2025); ok {
		t.Error("CN has 2025 page views")
	}
	// The editions the US reads in June 2017, and in January 2019 on
	// English Wikipedia.
	// The imported split replaces the sample's of the same month (one
	// split, not two), and the imported month replaces that month of the
	// sample's English Wikipedia series.
	rs := d.Editions("US", 2017)
	if len(rs) != len(base.Editions("US", 2017)) || rs[0].Project != "en.wikipedia" || rs[0].Share != 91.3 || rs[0].Period != "2017-06 (Wikipedia only)" {
		t.Errorf("US editions 2017 = %+v; want one split, English Wikipedia first, 91.3%%", rs)
	}
	var jan2019 []model.Reading
	for _, r := range d.ReadingSeries("US", "en.wikipedia") {
		if r.Period == "2019-01" {
			jan2019 = append(jan2019, r)
		}
	}
	if len(jan2019) != 1 || jan2019[0].Source == "aqs-enwiki" || jan2019[0].Views != 2.5e9 {
		t.Errorf("US English Wikipedia, January 2019 = %+v; want the imported month alone", jan2019)
	}
	basePV, _ := base.Provenance("US", model.IndPageviews, 2019)
	if _, ok := d.Value("US", model.IndPageviews, 2019); !ok {
		t.Error("an en.wikipedia file cleared the Pageviews input of 2019")
	} else if pv, _ := d.Provenance("US", model.IndPageviews, 2019); pv != basePV {
		t.Errorf("an en.wikipedia file changed the Pageviews input of 2019: %+v", pv)
	}
	// 2025's scores rest on real page views: the explorer opens there, and
	// the page views need no note about where they go on to.
	if y := d.DefaultYear(); y != 2025 || d.LatestYear() != 2025 {
		t.Errorf("default year %d, latest %d; want 2025 and 2025", y, d.LatestYear())
	}
	summary := strings.Join(res.Summary, "\n")
	for _, want := range []string{"page views of", "Wikipedia only", "which editions"} {
		if !strings.Contains(summary, want) {
			t.Errorf("summary lacks %q:\n%s", want, summary)
		}
	}
	if strings.Contains(summary, "Pageviews go on to") {
		t.Errorf("summary says the page views go on past the opening year:\n%s", summary)
	}
	// The same year from two files is refused: which is right is the
	// user's call.
	again := Build(base, Inputs{Pageviews: []string{pv("all-projects_page-views-by-country_2025-09.csv"), pv("top-by-country-all-projects-2025-09.json")}}, buildDate, nil)
	if again.Dataset != nil || !strings.Contains(again.Problems.String(), "gives readership.pageviews for 2025, which all-projects_page-views-by-country_2025-09.csv gives too") {
		t.Errorf("two files of 2025: %v", again.Problems)
	}
}

// A file with no rows for any country is refused, whatever its kind:
// nothing was imported, and no figure was cleared.
func TestBuildRefusesEmptyFiles(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		in   Inputs
	}{
		{"a long CSV with only a header", Inputs{Observations: []string{writeFile(t, dir, "obs.csv", "country,indicator,year,value\n")}}},
		{"a long CSV of unknown countries", Inputs{Observations: []string{writeFile(t, dir, "atl.csv", "country,indicator,year,value\nAtlantis,programs.organizers,2023,4\n")}}},
		{"a Wikistats 2 export with only unknown rows", Inputs{Pageviews: []string{writeFile(t, dir, "all-projects_views_2025-09.csv",
			"country,rank,timestamp,total.total,month,timeRange.start,timeRange.end\n--,1,1756684800000,1000,2025-09-01T00:00:00.000Z,2025-09-01T00:00:00.000Z,2025-10-01T00:00:00.000Z\n")}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Build(bundled(t), tt.in, buildDate, nil)
			if res.Dataset != nil || !strings.Contains(res.Problems.String(), "has no rows for any country: nothing was imported") {
				t.Errorf("dataset %v; problems: %v", res.Dataset != nil, res.Problems)
			}
		})
	}
}

// One row for Brazil changes Brazil's cell alone: every other country's
// figures of that input, in every year, stay as they were.
func TestBuildOneRowChangesOneCell(t *testing.T) {
	base := bundled(t)
	path := writeFile(t, t.TempDir(), "brazil.csv", "country,indicator,year,value\nBR,editorship.wp_editors,2023,4321\n")
	res := Build(base, Inputs{Observations: []string{path}}, buildDate, nil)
	if res.Dataset == nil {
		t.Fatal(res.Problems)
	}
	d := res.Dataset
	changed := 0
	for _, o := range base.Observations() {
		v, ok := d.Value(o.ISO2, o.Indicator, o.Year)
		if !ok || v != o.Value {
			changed++
			if o.ISO2 != "BR" || o.Indicator != model.IndWPEditors || o.Year != 2023 {
				t.Errorf("%s %s %d = %v, %v; want %v as it was", o.ISO2, o.Indicator, o.Year, v, ok, o.Value)
			}
		}
	}
	if changed != 1 {
		t.Errorf("%d cells changed, want 1", changed)
	}
	if len(res.Changes) != 1 || res.Changes[0] != (Change{Indicator: model.IndWPEditors, Year: 2023, Changed: 1}) {
		t.Errorf("changes = %+v", res.Changes)
	}
	if pv, _ := d.Provenance("BR", model.IndWPEditors, 2023); pv.Class != model.ClassReal {
		t.Errorf("BR 2023 = %+v, want real", pv)
	}
	if ind, _ := d.Indicator(model.IndWPEditors); !ind.Modeled {
		t.Error("Wikipedia editors called real, though every other cell is modeled")
	}
}
