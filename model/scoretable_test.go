package model_test

import (
	"cmp"
	"reflect"
	"slices"
	"testing"

	"github.com/equitylandscape/equity/model"
)

// TestScoresKept: every score given is found again and written back, also
// those outside the grid of known countries, scored domains and facets.
func TestScoresKept(t *testing.T) {
	in := []model.Score{
		{ISO2: "BR", Domain: model.Readership, Facet: model.Overall, Year: 2025, Score: 0},
		{ISO2: "BR", Domain: model.Readership, Facet: model.Presence, Year: 2016, Score: 12.5},
		{ISO2: "CL", Domain: model.Access, Facet: model.Growth, Year: 2020, Score: 99},
		{ISO2: "XX", Domain: model.Readership, Facet: model.Overall, Year: 2025, Score: 1}, // no such country
		{ISO2: "CL", Domain: "literacy", Facet: model.Overall, Year: 2025, Score: 2},       // not a scored domain
		{ISO2: "CL", Domain: model.Grants, Facet: model.Context, Year: 2025, Score: 3},     // not a scored facet
	}
	p := model.Parts{
		Meta:      model.Meta{Title: "fixture"},
		Countries: []model.Country{{ISO2: "BR", ISO3: "BRA", Name: "Brazil"}, {ISO2: "CL", ISO3: "CHL", Name: "Chile"}},
		Scores:    in,
	}
	d, err := model.New(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range in {
		if got, ok := d.Score(s.ISO2, s.Domain, s.Facet, s.Year); !ok || got != s.Score {
			t.Errorf("Score(%s, %s, %s, %d) = %v, %v; want %v", s.ISO2, s.Domain, s.Facet, s.Year, got, ok, s.Score)
		}
	}
	absent := []model.Score{
		{ISO2: "BR", Domain: model.Readership, Facet: model.Overall, Year: 2024}, // inside the grid, never given
		{ISO2: "BR", Domain: model.Readership, Facet: model.Overall, Year: 2015}, // before it
		{ISO2: "BR", Domain: model.Readership, Facet: model.Overall, Year: 2026}, // after it
		{ISO2: "ZZ", Domain: model.Access, Facet: model.Growth, Year: 2020},
	}
	for _, s := range absent {
		if got, ok := d.Score(s.ISO2, s.Domain, s.Facet, s.Year); ok {
			t.Errorf("Score(%s, %s, %s, %d) = %v; want none", s.ISO2, s.Domain, s.Facet, s.Year, got)
		}
	}
	want := append([]model.Score(nil), in...)
	slices.SortFunc(want, func(a, b model.Score) int {
		return cmp.Or(cmp.Compare(a.ISO2, b.ISO2), cmp.Compare(a.Domain, b.Domain), cmp.Compare(a.Facet, b.Facet), cmp.Compare(a.Year, b.Year))
	})
	if got := d.Scores(); !reflect.DeepEqual(got, want) {
		t.Errorf("Scores() = %+v\nwant %+v", got, want)
	}
}
