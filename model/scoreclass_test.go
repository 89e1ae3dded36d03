package model_test

import (
	"testing"

	"github.com/equitylandscape/equity/model"
)

func TestScoreClass(t *testing.T) {
	of := func(c model.Class) model.Provenance { return model.Provenance{Class: c, Source: "s"} }
	p := model.Parts{
		Meta:      model.Meta{Title: "fixture"},
		Countries: []model.Country{{ISO2: "BR", ISO3: "BRA", Name: "Brazil"}, {ISO2: "CL", ISO3: "CHL", Name: "Chile"}},
		Sources:   []model.Source{{ID: "s", Title: "S"}},
		Indicators: []model.Indicator{
			{ID: "views", Domain: model.Readership, Facet: model.Presence, Name: "Views", Unit: "views", Weight: 50},
			{ID: "devices", Domain: model.Readership, Facet: model.Presence, Name: "Devices", Unit: "devices", Weight: 50},
			{ID: "views_growth", Domain: model.Readership, Facet: model.Growth, Name: "Views growth", Unit: "%", Weight: 100, GrowthOf: "views"},
		},
		Observations: []model.Observation{
			{ISO2: "BR", Indicator: "views", Year: 2024, Value: 10, Provenance: of(model.ClassEstimated)},
			{ISO2: "BR", Indicator: "views", Year: 2025, Value: 12, Provenance: of(model.ClassReal)},
			{ISO2: "BR", Indicator: "devices", Year: 2024, Value: 3, Provenance: of(model.ClassModeled)},
			{ISO2: "CL", Indicator: "views", Year: 2024, Value: 10, Provenance: of(model.ClassModeled)},
			{ISO2: "CL", Indicator: "views", Year: 2025, Value: 12, Provenance: of(model.ClassReal)},
		},
	}
	d, err := model.New(p)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		iso2  string
		facet model.Facet
		year  int
		want  model.Class
		ok    bool
	}{
		{"real figure alone", "BR", model.Presence, 2025, model.ClassReal, true},
		{"an estimate beside a modeled figure is modeled", "BR", model.Presence, 2024, model.ClassModeled, true},
		{"growth between real and estimated is estimated", "BR", model.Growth, 2025, model.ClassEstimated, true},
		{"overall takes the weaker facet", "BR", model.Overall, 2025, model.ClassEstimated, true},
		{"no growth across modeled and real", "CL", model.Growth, 2025, "", false},
		{"overall without growth is presence's", "CL", model.Overall, 2025, model.ClassReal, true},
		{"no figures", "CL", model.Presence, 2023, "", false},
		{"unknown country", "XX", model.Presence, 2025, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := d.ScoreClass(tt.iso2, model.Readership, tt.facet, tt.year)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ScoreClass(%s, %s, %d) = %q, %v; want %q, %v", tt.iso2, tt.facet, tt.year, got, ok, tt.want, tt.ok)
			}
		})
	}
}
