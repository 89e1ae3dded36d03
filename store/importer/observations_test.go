package importer

import (
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
)

func TestReadObservations(t *testing.T) {
	names := NewNames(fixtureCountries(t))
	got, ps := ReadObservations(open(t, "observations.csv"), "observations.csv", names, model.Catalog())
	checkProblems(t, ps, "observations.csv", want{9, false, "no value for NG programs.participants 2023; row skipped"})
	deepEqual(t, "observations", got, []model.Observation{
		obs("BQ", model.IndPageviews, 2023, 1.25e6),
		obs("CI", model.IndGrantsYearUSD, 2023, 18500.5),
		obs("IN", model.IndLiteracy, 2023, 76.3),
		obs("KE", model.IndOrganizers, 2023, 12),
		obs("NA", model.IndAffiliates, 2022, 1),
		obs("NA", model.IndAffiliates, 2023, 2),
		obs("NG", model.IndOrganizers, 2023, 41),
	})
}

func TestReadObservationsBad(t *testing.T) {
	names := NewNames(fixtureCountries(t))
	const file = "observations-bad.csv"
	got, ps := ReadObservations(open(t, file), file, names, model.Catalog())
	checkProblems(t, ps, file,
		want{3, false, `country "Atlantis" is not in the countries list (an ISO code or a name); row skipped`},
		want{4, false, "no value for NG programs.participants 2023; row skipped"},
		want{5, true, `indicator "programs.organisers" is not a catalog input; it may be one of readership.devices, readership.pageviews, editorship.wp_editors,`},
		want{6, true, "indicator editorship.wp_editors_growth is computed from editorship.wp_editors, not imported: import editorship.wp_editors instead"},
		want{7, false, "NG programs.organizers 2023 repeats line 2; kept once"},
		want{8, true, "two values for NG programs.organizers 2023: 40 here, 41 on line 2"},
		want{9, true, `year "twenty23" is not a year from 1900 to 2100`},
		want{10, true, `value "140" is out of range for context.internet_pct (% of population)`},
		want{11, true, `value "many" is not a number`},
		want{12, true, "3 columns, the header has 4"},
	)
	if !ps.Fatal() {
		t.Error("not fatal")
	}
	if !strings.Contains(ps[2].Msg, "context.gdp_pc_ppp") || strings.Contains(ps[2].Msg, "_growth") {
		t.Errorf("the list of inputs is not every non-derived input: %s", ps[2].Msg)
	}
	deepEqual(t, "observations", got, []model.Observation{obs("NG", model.IndOrganizers, 2023, 41)})
}

func TestReadObservationsShape(t *testing.T) {
	names := NewNames(fixtureCountries(t))
	for _, tc := range []struct {
		name, text string
		wants      []want
		n          int
	}{
		{"empty", "", []want{{0, true, "the file is empty"}}, 0},
		{"no header", "NG,programs.organizers,2023,41\n", []want{{1, true, `it has no column "country"`}}, 0},
		{"BOM and order", "\ufeffYear,Value,Country,Indicator\n2023,41,NG,programs.organizers\n", nil, 1},
		{"negative", "country,indicator,year,value\nNG,programs.organizers,2023,-1\n", []want{{2, true, `value "-1" is out of range`}}, 0},
		{"hex", "country,indicator,year,value\nNG,programs.organizers,2023,0x10\n", []want{{2, true, `value "0x10" is not a number`}}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ps := ReadObservations(strings.NewReader(tc.text), "o.csv", names, model.Catalog())
			checkProblems(t, ps, "o.csv", tc.wants...)
			if len(got) != tc.n {
				t.Errorf("%d observations, want %d", len(got), tc.n)
			}
		})
	}
}
