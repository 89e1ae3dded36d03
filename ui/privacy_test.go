package ui_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/about"
	"github.com/equitylandscape/equity/ui/common"
	"github.com/equitylandscape/equity/ui/country"
	"github.com/equitylandscape/equity/ui/indicator"
	"github.com/equitylandscape/equity/ui/keys"
	"github.com/equitylandscape/equity/ui/report"
	"github.com/equitylandscape/equity/ui/theme"
)

// privacyData is cmd/equity's privacy fixture: Protectia (PX) on the
// protection list and Openia (OX) not, both with 4327 imported Wikipedia
// editors in 2024 (4093 and 4000 in 2023), published as 4300–4354;
// readership is modeled (Protectia: 7919 devices).
func privacyData(tb testing.TB) *model.Dataset {
	tb.Helper()
	var inds []model.Indicator
	for _, ind := range model.Catalog() {
		if ind.Domain != model.Editorship && ind.ID != model.IndAffiliates && ind.Facet != model.Context {
			ind.Modeled = true
		}
		inds = append(inds, ind)
	}
	const ssa = "Sub-Saharan Africa"
	hausa := []model.CountryLanguage{{Lang: "ha", PopulationPct: 60, OfficialStatus: "official"}}
	p := model.Parts{
		Meta:       model.Meta{Title: "privacy fixture", Kind: model.KindImported},
		Indicators: inds,
		Languages:  map[string]string{"ha": "Hausa"},
		Wikis:      []model.Wiki{{DB: "hawiki", Lang: "ha", Project: "wikipedia", Status: "open"}},
		Countries: []model.Country{
			{ISO2: "PX", ISO3: "PXX", Name: "Protectia", WikimediaRegion: ssa, Protected: true, Languages: hausa},
			{ISO2: "OX", ISO3: "OXX", Name: "Openia", WikimediaRegion: ssa, Languages: hausa},
			{ISO2: "AX", ISO3: "AXX", Name: "Alphaland", WikimediaRegion: ssa},
			{ISO2: "BX", ISO3: "BXX", Name: "Betaland", WikimediaRegion: ssa},
		},
	}
	for _, r := range []struct {
		iso2                       string
		wp0, wp, all0, all, d0, d1 float64
	}{
		{"PX", 4093, 4327, 4800, 5008, 7500, 7919},
		{"OX", 4000, 4327, 4800, 5008, 7000, 7100},
		{"AX", 100, 120, 150, 160, 3000, 3100},
		{"BX", 50, 40, 60, 70, 2000, 2100},
	} {
		for _, o := range []struct {
			ind    string
			v0, v1 float64
		}{
			{model.IndWPEditors, r.wp0, r.wp}, {model.IndAllEditors, r.all0, r.all},
			{model.IndVeryActive, 12.5, 13.5}, {model.IndDevices, r.d0, r.d1}, {model.IndPageviews, r.d0 * 10, r.d1 * 10},
		} {
			p.Observations = append(p.Observations,
				model.Observation{ISO2: r.iso2, Indicator: o.ind, Year: 2023, Value: o.v0},
				model.Observation{ISO2: r.iso2, Indicator: o.ind, Year: 2024, Value: o.v1})
		}
	}
	for _, iso2 := range []string{"PX", "OX"} {
		p.Bounds = append(p.Bounds, model.BoundObservation{ISO2: iso2, Indicator: model.IndWPEditors, Year: 2024, Bounds: model.Bounds{Lower: 4300, Upper: 4354}})
		p.CountryWikis = append(p.CountryWikis, model.CountryWiki{ISO2: iso2, Wiki: "hawiki", Year: 2024,
			Editors: model.Bounds{Lower: 4300, Upper: 4354}, VeryActive: model.Bounds{Lower: 500, Upper: 560}})
	}
	d, err := model.New(p)
	if err != nil {
		tb.Fatal(err)
	}
	d.SetScores(model.ComputeScores(d))
	return d
}

func privacyContext(d *model.Dataset) *common.Context {
	return &common.Context{Data: d, Theme: theme.New(theme.Mono, true), Keys: keys.NewGlobal(), Year: 2024}
}

// tall draws a screen tall enough to show all of it, stripped of styles.
func tall(s common.Screen, w int) string {
	s.SetSize(w, 400)
	return ansi.Strip(s.View())
}

// protectedLeaks are Protectia's exact imported figures: its Wikipedia
// editors of 2024 and 2023, its all-project editors, and the range they
// were published in (not a bucket).
var protectedLeaks = []string{"4,327", "4,093", "5,008", "4,300", "4,354"}

// The indicator screen shows a protected country's imported counts, the
// counts its growth runs between and its first and last values over the
// years as buckets; its scores, growth rates and modeled counts as they
// are. An unprotected country's imported count has its range beside it.
func TestIndicatorProtectedCounts(t *testing.T) {
	d := privacyData(t)
	ctx := privacyContext(d)
	px, _ := d.Country("PX")
	ox, _ := d.Country("OX")
	presence, ok := d.Score("PX", model.Editorship, model.Presence, 2024)
	if !ok {
		t.Fatal("Protectia has no editorship presence score")
	}
	for _, w := range []int{120, 80} {
		view := tall(indicator.New(ctx, px, model.Editorship), w)
		mustNotContain(t, view, protectedLeaks...)
		mustContain(t, view, "4,321–4,330", "5,001–5,010", "(4,091–4,100 → 4,321–4,330, ×", "4,091–4,100 → 4,321–4,330", "protected: a bucket", report.Score(presence))

		view = tall(indicator.New(ctx, px, model.Readership), w)
		mustContain(t, view, "7,919", "7,500 (2023) → 7,919 (2024)") // modeled: exact

		view = tall(indicator.New(ctx, ox, model.Editorship), w)
		mustContain(t, view, "4,327", "(real · 4,300–4,354)", "(4,000 → 4,327, ×", "4,000 (2023) → 4,327 (2024)")
	}
}

// The country screen lists the wikis a country's editors work on, below
// its languages: a protected country's as buckets, another's with ranges.
func TestCountryScreenWikis(t *testing.T) {
	d := privacyData(t)
	ctx := privacyContext(d)
	px, _ := d.Country("PX")
	ox, _ := d.Country("OX")
	for _, w := range []int{120, 80} {
		view := tall(country.New(ctx, px), w)
		mustNotContain(t, view, protectedLeaks...)
		mustContain(t, view, "Wikis its editors work on", "hawiki", "4,321–4,330", "521–530")
		if strings.Index(view, "Wikis its editors work on") < strings.Index(view, "Languages") {
			t.Errorf("the wikis come before the languages:\n%s", view)
		}
		view = tall(country.New(ctx, ox), w)
		mustContain(t, view, "4,327 (4,300–4,354)", "530 (500–560)")
	}
	// The bundled sample has none: no section.
	ctx = privacyContext(sample(t))
	ng, _ := ctx.Data.Country("NG")
	ctx.Year = ctx.Data.LatestYear()
	mustNotContain(t, tall(country.New(ctx, ng), 120), "Wikis its editors work on")
}

// The About screen states the rule word for word.
func TestAboutStatesTheRule(t *testing.T) {
	view := tall(about.New(privacyContext(sample(t))), 300)
	flat := strings.Join(strings.Fields(view), " ")
	mustContain(t, flat, "The rule: "+model.ProtectionRule)
}
