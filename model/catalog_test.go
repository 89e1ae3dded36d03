package model_test

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/equitylandscape/equity/model"
)

func catalogByID(t *testing.T) map[string]model.Indicator {
	t.Helper()
	byID := map[string]model.Indicator{}
	for _, ind := range model.Catalog() {
		if _, dup := byID[ind.ID]; dup {
			t.Errorf("indicator id %q appears twice in the catalog", ind.ID)
		}
		byID[ind.ID] = ind
	}
	return byID
}

func TestCatalogIDsUnique(t *testing.T) {
	byID := catalogByID(t)
	// 18 presence + 9 growth + 3 context
	if n := len(model.Catalog()); n != 30 || len(byID) != 30 {
		t.Errorf("catalog has %d indicators (%d ids), want 30", n, len(byID))
	}
	// the exported ids name catalog entries
	for _, id := range []string{
		model.IndPopulation, model.IndInternet, model.IndLiteracy, model.IndGDPPerCap,
		model.IndDevices, model.IndPageviews, model.IndWPEditors, model.IndAllEditors, model.IndVeryActive,
		model.IndOrganizers, model.IndParticipants, model.IndProgramGrants,
		model.IndGrantsHistUSD, model.IndGrantsYearUSD, model.IndGrantsHistN, model.IndGrantsYearN,
		model.IndAffiliates, model.IndAffMaxSize, model.IndAffTenure, model.IndAffGovernance, model.IndAffSizeGrowth,
		model.IndMobile,
	} {
		if _, ok := byID[id]; !ok {
			t.Errorf("exported id %s is not in the catalog", id)
		}
	}
}

func TestDomains(t *testing.T) {
	want := []model.DomainID{model.Readership, model.Editorship, model.Programs, model.Grants, model.Affiliates, model.Access}
	ds := model.Domains()
	if len(ds) != len(want) {
		t.Fatalf("%d domains, want %d", len(ds), len(want))
	}
	for i, d := range ds {
		if d.ID != want[i] {
			t.Errorf("domain %d is %s, want %s (Equity Landscape order)", i, d.ID, want[i])
		}
		if d.Name == "" || d.About == "" {
			t.Errorf("domain %s lacks a name or description", d.ID)
		}
		if n := utf8.RuneCountInString(d.Short); n == 0 || n > 8 {
			t.Errorf("domain %s short heading %q has %d characters, want 1–8", d.ID, d.Short, n)
		}
		// only Affiliates and Access are project-defined
		if d.WeightsPublished != (d.ID != model.Affiliates && d.ID != model.Access) {
			t.Errorf("domain %s WeightsPublished = %v", d.ID, d.WeightsPublished)
		}
		got, ok := model.DomainByID(d.ID)
		if !ok || got != d {
			t.Errorf("DomainByID(%s) = %+v, %v", d.ID, got, ok)
		}
	}
	if _, ok := model.DomainByID(model.Population); ok {
		t.Errorf("DomainByID found the context domain %s among the scored domains", model.Population)
	}
}

func TestCatalogScoredDomainsHavePresence(t *testing.T) {
	count := map[model.DomainID]map[model.Facet]int{}
	for _, ind := range model.Catalog() {
		if count[ind.Domain] == nil {
			count[ind.Domain] = map[model.Facet]int{}
		}
		count[ind.Domain][ind.Facet]++
	}
	// presence inputs per domain, from the Build 1 table (affiliates project-defined)
	// and the pipeline's (affiliates: count, size, tenure, governance;
	// access: internet users and mobile subscriptions)
	want := map[model.DomainID]int{model.Readership: 2, model.Editorship: 3, model.Programs: 3, model.Grants: 4, model.Affiliates: 4, model.Access: 2}
	for _, d := range model.Domains() {
		if got := count[d.ID][model.Presence]; got != want[d.ID] {
			t.Errorf("domain %s has %d presence inputs, want %d", d.ID, got, want[d.ID])
		}
		// literacy is Access's context figure, shown beside its score
		if n := count[d.ID][model.Context]; n != 0 && !(d.ID == model.Access && n == 1) {
			t.Errorf("scored domain %s has %d context inputs", d.ID, n)
		}
	}
	if n := count[model.Programs][model.Growth]; n != 0 {
		t.Errorf("Programs has %d growth inputs; the Equity Landscape has none yet", n)
	}
}

func TestCatalogWeights(t *testing.T) {
	type facetKey struct {
		d model.DomainID
		f model.Facet
	}
	sum := map[facetKey]float64{}
	published := map[facetKey]bool{}
	for _, ind := range model.Catalog() {
		if ind.Facet == model.Context {
			if ind.Weight != 0 || ind.WeightPublished {
				t.Errorf("context input %s has weight %v (published %v); context is never scored", ind.ID, ind.Weight, ind.WeightPublished)
			}
			continue
		}
		if ind.Weight <= 0 {
			t.Errorf("scored input %s has weight %v", ind.ID, ind.Weight)
		}
		k := facetKey{ind.Domain, ind.Facet}
		sum[k] += ind.Weight
		if ind.WeightPublished {
			published[k] = true
		}
	}
	// Published: readership 50+50, growth 50+50; editorship 33.3×3 = 99.9, growth 50+50;
	// programs 33.3×3 = 99.9; grants 33.3+33.3+16.7+16.7 = 100.
	for k := range published {
		if math.Abs(sum[k]-100) > 0.2 {
			t.Errorf("published weights of %s %s sum to %v, want 100 ± 0.2", k.d, k.f, sum[k])
		}
	}
	if len(published) != 6 {
		t.Errorf("%d facets with published weights, want 6 (readership ×2, editorship ×2, programs, grants presence)", len(published))
	}
}

// The Equity Landscape published no weights for grants growth nor for any of
// affiliates; everything else is the Build 1 schema.
func TestCatalogWeightPublished(t *testing.T) {
	for _, ind := range model.Catalog() {
		if ind.Facet == model.Context {
			continue
		}
		projectDefined := ind.Domain == model.Affiliates || ind.Domain == model.Access || (ind.Domain == model.Grants && ind.Facet == model.Growth)
		if ind.WeightPublished == projectDefined {
			t.Errorf("%s WeightPublished = %v, want %v", ind.ID, ind.WeightPublished, !projectDefined)
		}
	}
}

func TestCatalogGrowthInputs(t *testing.T) {
	byID := catalogByID(t)
	var growth []string
	for _, ind := range model.Catalog() {
		if ind.Facet != model.Growth {
			if ind.Derived() {
				t.Errorf("%s has GrowthOf %q but is a %s input", ind.ID, ind.GrowthOf, ind.Facet)
			}
			continue
		}
		growth = append(growth, ind.ID)
		if ind.ID == model.IndAffSizeGrowth {
			// the pipeline's size growth is observed: a change of size class
			if ind.Derived() {
				t.Errorf("%s is computed from %s; the pipeline observes it", ind.ID, ind.GrowthOf)
			}
			continue
		}
		if !ind.Derived() {
			t.Errorf("growth input %s has no GrowthOf", ind.ID)
			continue
		}
		base, ok := byID[ind.GrowthOf]
		switch {
		case !ok:
			t.Errorf("growth input %s rates unknown %s", ind.ID, ind.GrowthOf)
		case base.Facet != model.Presence || base.Domain != ind.Domain:
			t.Errorf("growth input %s rates %s, a %s %s input, want a %s presence input", ind.ID, base.ID, base.Domain, base.Facet, ind.Domain)
		}
		// a rate of the raw observation, never divided
		if ind.Per != "" {
			t.Errorf("growth input %s has Per %s", ind.ID, ind.Per)
		}
		if ind.Unit != "% / year" {
			t.Errorf("growth input %s unit %q, want %q", ind.ID, ind.Unit, "% / year")
		}
	}
	want := []string{
		model.IndDevices + "_growth", model.IndPageviews + "_growth",
		model.IndWPEditors + "_growth", model.IndAllEditors + "_growth",
		model.IndGrantsYearUSD + "_growth", model.IndGrantsYearN + "_growth",
		model.IndAffSizeGrowth,
		model.IndInternet + "_growth", model.IndMobile + "_growth",
	}
	if strings.Join(growth, " ") != strings.Join(want, " ") {
		t.Errorf("growth inputs = %v, want %v", growth, want)
	}
}

func TestCatalogPer(t *testing.T) {
	byID := catalogByID(t)
	var per []string
	for _, ind := range model.Catalog() {
		if ind.Per == "" {
			continue
		}
		per = append(per, ind.ID)
		div, ok := byID[ind.Per]
		if !ok || div.Facet != model.Context {
			t.Errorf("%s is divided by %q, which is not a context indicator", ind.ID, ind.Per)
		}
	}
	// the two grant dollar inputs, per GDP per capita PPP
	if want := model.IndGrantsHistUSD + " " + model.IndGrantsYearUSD; strings.Join(per, " ") != want {
		t.Errorf("Per inputs = %v, want %s", per, want)
	}
	if byID[model.IndGrantsYearUSD].Per != model.IndGDPPerCap {
		t.Errorf("annual grants divided by %s, want %s", byID[model.IndGrantsYearUSD].Per, model.IndGDPPerCap)
	}
}

func TestCatalogTexts(t *testing.T) {
	for _, ind := range model.Catalog() {
		if strings.TrimSpace(ind.Name) == "" || strings.TrimSpace(ind.Unit) == "" || strings.TrimSpace(ind.Definition) == "" {
			t.Errorf("%s lacks a name, unit or definition: %+v", ind.ID, ind)
		}
		if ind.SourceID != "" || ind.Modeled {
			t.Errorf("%s carries dataset facts in the catalog (source %q, modeled %v)", ind.ID, ind.SourceID, ind.Modeled)
		}
	}
	byID := catalogByID(t)
	// growth names and definitions use the raw quantity of a Per input, and keep proper nouns
	tests := []struct {
		id, name, definition string
	}{
		{model.IndDevices + "_growth", "Unique devices growth",
			"Year-over-year change of unique devices; missing when the previous year is zero or absent."},
		{model.IndGrantsYearUSD + "_growth", "Annual grants (USD) growth",
			"Year-over-year change of annual grants (USD); missing when the previous year is zero or absent."},
		{model.IndWPEditors + "_growth", "Wikipedia editors growth",
			"Year-over-year change of Wikipedia editors; missing when the previous year is zero or absent."},
	}
	for _, tt := range tests {
		ind := byID[tt.id]
		if ind.Name != tt.name || ind.Definition != tt.definition {
			t.Errorf("%s = %q / %q; want %q / %q", tt.id, ind.Name, ind.Definition, tt.name, tt.definition)
		}
	}
}
