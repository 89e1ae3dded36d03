package model_test

import (
	"testing"

	"github.com/equitylandscape/equity/model"
)

// Raw counts of protected countries are shown in buckets of ten, as the
// public Geoeditors release gives them: 0 alone, then 1–10, 11–20, ...
func TestBucket(t *testing.T) {
	tests := []struct {
		v    float64
		want model.Bounds
	}{
		{0, model.Bounds{Lower: 0, Upper: 0}},
		{-3, model.Bounds{Lower: 0, Upper: 0}},
		{0.4, model.Bounds{Lower: 1, Upper: 10}},
		{1, model.Bounds{Lower: 1, Upper: 10}},
		{10, model.Bounds{Lower: 1, Upper: 10}},
		{11, model.Bounds{Lower: 11, Upper: 20}},
		{20, model.Bounds{Lower: 11, Upper: 20}},
		{21, model.Bounds{Lower: 21, Upper: 30}},
		{99.5, model.Bounds{Lower: 91, Upper: 100}},
		{1234, model.Bounds{Lower: 1231, Upper: 1240}},
		{4327, model.Bounds{Lower: 4321, Upper: 4330}},
	}
	for _, tt := range tests {
		if got := model.Bucket(tt.v); got != tt.want {
			t.Errorf("Bucket(%v) = %v, want %v", tt.v, got, tt.want)
		}
	}
}

// Every indicator of the catalog is a count or not, and the list below
// names each one, so that a new indicator has to be placed.
func TestIsCountCatalog(t *testing.T) {
	counts := map[string]bool{
		model.IndDevices:       true,
		model.IndPageviews:     true,
		model.IndWPEditors:     true,
		model.IndAllEditors:    true,
		model.IndVeryActive:    false, // a share
		model.IndOrganizers:    true,
		model.IndParticipants:  true,
		model.IndProgramGrants: true,
		model.IndGrantsHistUSD: false, // dollars
		model.IndGrantsYearUSD: false,
		model.IndGrantsHistN:   true,
		model.IndGrantsYearN:   true,
		model.IndAffiliates:    true,
		model.IndAffTenure:     true,
		model.IndAffMaxSize:    false, // a grade
		model.IndAffGovernance: false, // a grade
		model.IndAffSizeGrowth: false, // a change of grade
		model.IndPopulation:    false, // context: public figures
		model.IndInternet:      false, // Access: a national rate
		model.IndLiteracy:      false,
		model.IndGDPPerCap:     false,
		model.IndMobile:        false, // Access: per 100 people, not a count
	}
	for _, ind := range model.Catalog() {
		want, listed := counts[ind.ID]
		if ind.Derived() {
			// A growth rate is a derived figure, never a count.
			want, listed = false, true
		}
		if !listed {
			t.Errorf("%s is not listed here: is it a count?", ind.ID)
			continue
		}
		if got := ind.IsCount(); got != want {
			t.Errorf("%s (%s).IsCount() = %v, want %v", ind.ID, ind.Unit, got, want)
		}
	}
}

// Exact and Shown: only an imported (not modeled) count of a protected
// country is shown as a bucket; modeled figures, shares, dollars and
// unprotected countries are shown as they are.
func TestExactAndShown(t *testing.T) {
	d, err := model.New(model.Parts{Indicators: model.Catalog()})
	if err != nil {
		t.Fatal(err)
	}
	ind := func(id string, modeled bool) model.Indicator {
		i, ok := d.Indicator(id)
		if !ok {
			t.Fatalf("no indicator %s", id)
		}
		i.Modeled = modeled
		return i
	}
	protected := model.Country{ISO2: "PX", Name: "Protectia", Protected: true}
	open := model.Country{ISO2: "OX", Name: "Openia"}
	const v = 4327.0
	bucket := model.Bounds{Lower: 4321, Upper: 4330}
	exact := model.Bounds{Lower: v, Upper: v}
	tests := []struct {
		name    string
		c       model.Country
		ind     model.Indicator
		exact   bool
		wantBox model.Bounds
	}{
		{"protected, imported count", protected, ind(model.IndWPEditors, false), false, bucket},
		{"protected, imported affiliates", protected, ind(model.IndAffiliates, false), false, bucket},
		{"protected, modeled count", protected, ind(model.IndWPEditors, true), true, exact},
		{"protected, imported share", protected, ind(model.IndVeryActive, false), true, exact},
		{"protected, imported dollars", protected, ind(model.IndGrantsYearUSD, false), true, exact},
		{"protected, imported growth", protected, ind(model.IndWPEditors+"_growth", false), true, exact},
		{"protected, context", protected, ind(model.IndPopulation, false), true, exact},
		{"unprotected, imported count", open, ind(model.IndWPEditors, false), true, exact},
		{"unprotected, modeled count", open, ind(model.IndWPEditors, true), true, exact},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := d.Exact(tt.c, tt.ind); got != tt.exact {
				t.Errorf("Exact = %v, want %v", got, tt.exact)
			}
			b, ok := d.Shown(tt.c, tt.ind, v)
			if ok != tt.exact || b != tt.wantBox {
				t.Errorf("Shown(%v) = %v, %v; want %v, %v", v, b, ok, tt.wantBox, tt.exact)
			}
		})
	}
}

// A region's sums take a protected country's imported count as the middle
// of its bucket: the exact sum, less the other countries' exact counts,
// would give the count away. Its modeled counts are summed as they are.
func TestAggregateProtectedCounts(t *testing.T) {
	inds := model.Catalog()
	for i := range inds {
		inds[i].Modeled = inds[i].Domain == model.Readership
	}
	d, err := model.New(model.Parts{
		Indicators: inds,
		Countries: []model.Country{
			{ISO2: "PX", Name: "Protectia", WikimediaRegion: "South Asia", Protected: true},
			{ISO2: "OX", Name: "Openia", WikimediaRegion: "South Asia"},
		},
		Observations: []model.Observation{
			{ISO2: "PX", Indicator: model.IndWPEditors, Year: 2024, Value: 4327},
			{ISO2: "OX", Indicator: model.IndWPEditors, Year: 2024, Value: 100},
			{ISO2: "PX", Indicator: model.IndDevices, Year: 2024, Value: 7919},
			{ISO2: "OX", Indicator: model.IndDevices, Year: 2024, Value: 1000},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	agg := d.Aggregate(model.GroupWikimedia, 2024)
	if len(agg.Regions) != 1 {
		t.Fatalf("%d regions, want 1", len(agg.Regions))
	}
	r := agg.Regions[0]
	if r.Editors.Amount != 4325.5+100 || agg.World.Editors.Amount != 4325.5+100 {
		t.Errorf("editors: region %v, world %v; want %v", r.Editors.Amount, agg.World.Editors.Amount, 4325.5+100)
	}
	if r.Readers.Amount != 7919+1000 {
		t.Errorf("readers (modeled) %v, want %v", r.Readers.Amount, 7919+1000)
	}
}
