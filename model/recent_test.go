package model_test

import (
	"math"
	"slices"
	"testing"

	"github.com/equitylandscape/equity/model"
)

// accessDataset has World Bank figures since 1990 with gaps, and activity
// figures (modeled editors) in 2021–2023 only.
func accessDataset(t *testing.T) *model.Dataset {
	t.Helper()
	real := func(iso2, ind string, year int, v float64) model.Observation {
		return model.Observation{ISO2: iso2, Indicator: ind, Year: year, Value: v,
			Provenance: model.Provenance{Class: model.ClassReal, Source: "wdi"}}
	}
	var obs []model.Observation
	for _, iso2 := range []string{"ML", "FR", "NG"} {
		for y := 2021; y <= 2023; y++ {
			obs = append(obs, model.Observation{ISO2: iso2, Indicator: model.IndWPEditors, Year: y, Value: 10,
				Provenance: model.Provenance{Class: model.ClassModeled, Source: "model"}})
		}
	}
	obs = append(obs,
		real("ML", model.IndInternet, 1990, 0), real("ML", model.IndInternet, 2021, 30), real("ML", model.IndInternet, 2022, 35.2),
		real("ML", model.IndMobile, 2021, 100), real("ML", model.IndMobile, 2022, 110),
		// France's last figures are of 2021: they stand for 2022 and 2023
		real("FR", model.IndInternet, 2020, 80), real("FR", model.IndInternet, 2021, 88),
		real("FR", model.IndMobile, 2021, 115),
		// Nigeria has only a figure of 2024, after every year of the
		// dataset, and one too old to stand for 2023
		real("NG", model.IndInternet, 2024, 40), real("NG", model.IndMobile, 2023-model.MostRecentMaxAge-1, 50),
	)
	d, err := model.New(model.Parts{
		Countries:  []model.Country{{ISO2: "ML", Name: "Mali"}, {ISO2: "FR", Name: "France"}, {ISO2: "NG", Name: "Nigeria"}},
		Sources:    []model.Source{{ID: "wdi", Title: "World Bank WDI"}, {ID: "model", Title: "model"}},
		Indicators: model.Catalog(), Observations: obs,
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestAccessYearsAreTheActivityYears(t *testing.T) {
	d := accessDataset(t)
	if want := []int{2021, 2022, 2023}; !slices.Equal(d.Years, want) {
		t.Errorf("Years = %v, want %v: the World Bank's decades are not the explorer's years", d.Years, want)
	}
}

func TestAccessMostRecentValue(t *testing.T) {
	d := accessDataset(t)
	ind := func(id string) model.Indicator {
		i, ok := d.Indicator(id)
		if !ok {
			t.Fatalf("no indicator %s", id)
		}
		return i
	}
	tests := []struct {
		iso2, id string
		year     int
		ok       bool
		want     float64
		period   string
	}{
		{"ML", model.IndInternet, 2022, true, 35.2, "2022"},
		{"ML", model.IndInternet, 2023, true, 35.2, "2022 (most recent value)"},
		{"FR", model.IndInternet, 2023, true, 88, "2021 (most recent value)"},
		{"FR", model.IndMobile, 2022, true, 115, "2021 (most recent value)"},
		// never a later figure: it would score a year from its future
		{"NG", model.IndInternet, 2023, false, 0, ""},
		{"NG", model.IndMobile, 2023, false, 0, ""},
		{"NG", model.IndMobile, 2022, true, 50, "2017 (most recent value)"},
		// growth: the most recent figure against the one of the year before it
		{"ML", model.IndInternet + "_growth", 2023, true, 100 * (35.2 - 30) / 30, "2021–2022 (most recent value)"},
		{"FR", model.IndInternet + "_growth", 2022, true, 10, "2020–2021 (most recent value)"},
		// France has no mobile figure of 2020: no yearly change
		{"FR", model.IndMobile + "_growth", 2022, false, 0, ""},
	}
	for _, tt := range tests {
		v, _, ok := d.InputValue(tt.iso2, ind(tt.id), tt.year)
		if ok != tt.ok || ok && math.Abs(v-tt.want) > 1e-9 {
			t.Errorf("InputValue(%s, %s, %d) = %v, %v; want %v, %v", tt.iso2, tt.id, tt.year, v, ok, tt.want, tt.ok)
		}
		pv, ok := d.Provenance(tt.iso2, tt.id, tt.year)
		if ok != tt.ok || pv.Period != tt.period || ok && pv.Class != model.ClassReal {
			t.Errorf("Provenance(%s, %s, %d) = %+v, %v; want real for %q", tt.iso2, tt.id, tt.year, pv, ok, tt.period)
		}
	}
}

func TestAccessScoresAndExplanation(t *testing.T) {
	d := accessDataset(t)
	d.SetScores(model.ComputeScores(d))
	// 2023: Mali 35.2 and 110, France 88 and 115 (both of earlier years)
	ml, okML := d.Score("ML", model.Access, model.Presence, 2023)
	fr, okFR := d.Score("FR", model.Access, model.Presence, 2023)
	if !okML || !okFR || ml != 0 || fr != 100 {
		t.Errorf("Access presence 2023: ML %v %v, FR %v %v; want 0 and 100", ml, okML, fr, okFR)
	}
	if _, ok := d.Score("NG", model.Access, model.Presence, 2023); ok {
		t.Error("Nigeria has an Access score from a figure of a later year")
	}
	e := d.RankFacet(model.Access, model.Presence, 2023).Explain("FR")
	if len(e.Inputs) != 2 || e.Inputs[0].AsOf != 2021 || e.Inputs[1].AsOf != 2021 {
		t.Errorf("France's 2023 explanation does not give its figures' own year 2021: %+v", e.Inputs)
	}
	e = d.RankFacet(model.Editorship, model.Presence, 2023).Explain("FR")
	if e.Inputs[0].AsOf != 0 {
		t.Errorf("an activity input has AsOf %d; it is always of the year", e.Inputs[0].AsOf)
	}
	// Access rests on real figures: not among the modeled inputs
	for _, ind := range d.ModeledInputs() {
		if ind.Domain == model.Access {
			t.Errorf("%s is listed as modeled", ind.ID)
		}
	}
}

func TestGrowthRatio(t *testing.T) {
	if r, ok := model.GrowthRatio(30, 33); !ok || math.Abs(r-1.1) > 1e-12 {
		t.Errorf("GrowthRatio(30, 33) = %v, %v; want 1.1", r, ok)
	}
	if _, ok := model.GrowthRatio(0, 3); ok {
		t.Error("GrowthRatio from zero is finite")
	}
}
