package model_test

import (
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
)

func TestComparable(t *testing.T) {
	R, E, M := model.ClassReal, model.ClassEstimated, model.ClassModeled
	tests := []struct {
		a, b model.Class
		want bool
	}{
		{R, R, true}, {R, E, true}, {E, R, true}, {E, E, true}, {M, M, true},
		{R, M, false}, {M, R, false}, {E, M, false}, {M, E, false},
	}
	for _, tt := range tests {
		if got := model.Comparable(tt.a, tt.b); got != tt.want {
			t.Errorf("Comparable(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestWeaker(t *testing.T) {
	R, E, M := model.ClassReal, model.ClassEstimated, model.ClassModeled
	tests := []struct{ a, b, want model.Class }{
		{R, R, R}, {R, E, E}, {E, R, E}, {R, M, M}, {M, R, M}, {E, M, M}, {M, E, M}, {E, E, E},
	}
	for _, tt := range tests {
		if got := model.Weaker(tt.a, tt.b); got != tt.want {
			t.Errorf("Weaker(%s, %s) = %s, want %s", tt.a, tt.b, got, tt.want)
		}
	}
}

// provenanceParts is the scoring fixture with some cells given a provenance
// of their own: Brazil's 2021 devices are real from an import, Kenya's 2021
// devices estimated; France's 2019 devices are missing with a reason.
func provenanceParts() model.Parts {
	p := fixtureParts()
	for i, o := range p.Observations {
		switch {
		case o.ISO2 == "BR" && o.Indicator == indDevices && o.Year == 2021:
			p.Observations[i].Provenance = model.Provenance{Class: model.ClassReal, Source: "geo", Period: "2021-01 to 2021-06"}
		case o.ISO2 == "KE" && o.Indicator == indDevices && o.Year == 2021:
			p.Observations[i].Provenance = model.Provenance{Class: model.ClassEstimated, Source: "est"}
		}
	}
	p.Sources = append(p.Sources, model.Source{ID: "geo", Title: "Geo"}, model.Source{ID: "est", Title: "Estimate"})
	p.Missing = []model.Missing{{ISO2: "FR", Indicator: indDevices, Year: 2019, Reason: "not in the release: protected country", Source: "geo"}}
	p.Noise = []model.Noise{{ISO2: "BR", Indicator: indDevices, Year: 2021, Epsilon: 1.1, SD: 1.3}}
	p.Readings = []model.Reading{
		{ISO2: "BR", Project: "pt.wikipedia", Year: 2017, Period: "2017-06", Views: 100, Bounds: model.Bounds{Lower: 95, Upper: 105}},
		{ISO2: "BR", Project: "en.wikipedia", Year: 2017, Period: "2017-06", Views: 300, Bounds: model.Bounds{Lower: 295, Upper: 305}},
		{ISO2: "BR", Project: "es.wikipedia", Year: 2016, Period: "2016-06", Views: 5},
	}
	return p
}

func TestProvenance(t *testing.T) {
	d, err := model.New(provenanceParts())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		iso2, ind  string
		year       int
		want       model.Provenance
		wantExists bool
	}{
		{"given: real from an import", "BR", indDevices, 2021, model.Provenance{Class: model.ClassReal, Source: "geo", Period: "2021-01 to 2021-06"}, true},
		{"default: a modeled indicator's cell is modeled, citing the indicator's source", "BR", indDevices, 2020, model.Provenance{Class: model.ClassModeled, Source: "sample", Period: "2020"}, true},
		{"default: an indicator not modeled is real", "BR", indEvents, 2020, model.Provenance{Class: model.ClassReal, Period: "2020"}, true},
		{"given: estimated, with the year as its period", "KE", indDevices, 2021, model.Provenance{Class: model.ClassEstimated, Source: "est", Period: "2021"}, true},
		{"growth: real over modeled measures the model: missing", "BR", indGrowth, 2021, model.Provenance{}, false},
		{"growth: estimated over modeled: missing", "KE", indGrowth, 2021, model.Provenance{}, false},
		{"growth: modeled over modeled is modeled, citing the later", "FR", indGrowth, 2021, model.Provenance{Class: model.ClassModeled, Source: "sample", Period: "2021"}, true},
		{"growth: no earlier year", "NG", indGrowth, 2021, model.Provenance{}, false},
		{"no cell", "NG", indDevices, 2020, model.Provenance{}, false},
		{"unknown indicator", "BR", "ind.none", 2020, model.Provenance{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := d.Provenance(tt.iso2, tt.ind, tt.year)
			if ok != tt.wantExists || got != tt.want {
				t.Errorf("Provenance(%s, %s, %d) = %+v, %v; want %+v, %v", tt.iso2, tt.ind, tt.year, got, ok, tt.want, tt.wantExists)
			}
			if c := d.ClassOf(tt.iso2, tt.ind, tt.year); c != tt.want.Class {
				t.Errorf("ClassOf = %q, want %q", c, tt.want.Class)
			}
		})
	}

	// Scoring agrees: no growth rate across a real and a modeled year.
	for _, iso2 := range []string{"BR", "KE"} {
		if v, _, ok := d.InputValue(iso2, indicator(t, d, indGrowth), 2021); ok {
			t.Errorf("%s growth 2021 = %v, want missing", iso2, v)
		}
	}
	if _, _, ok := d.InputValue("FR", indicator(t, d, indGrowth), 2021); !ok {
		t.Error("FR growth 2021 is missing, though both years are modeled")
	}

	// Provenance survives the round trip a database write makes.
	for _, o := range d.Observations() {
		if o.ISO2 == "BR" && o.Indicator == indDevices && o.Year == 2021 && o.Source != "geo" {
			t.Errorf("Observations() lost the provenance: %+v", o)
		}
	}
	if m, ok := d.MissingReason("FR", indDevices, 2019); !ok || !strings.Contains(m.Reason, "protected") {
		t.Errorf("MissingReason(FR) = %+v, %v", m, ok)
	}
	if _, ok := d.MissingReason("FR", indDevices, 2020); ok {
		t.Error("a given cell has a missing reason")
	}
	if n, ok := d.NoiseOf("BR", indDevices, 2021); !ok || n.SD != 1.3 {
		t.Errorf("NoiseOf(BR) = %+v, %v", n, ok)
	}
	rs := d.Readings("BR", 2017)
	if len(rs) != 2 || rs[0].Project != "en.wikipedia" || rs[1].Project != "pt.wikipedia" {
		t.Errorf("Readings(BR, 2017) = %+v, want en then pt", rs)
	}
	if ys := d.ReadingYears("BR"); len(ys) != 2 || ys[0] != 2016 || ys[1] != 2017 {
		t.Errorf("ReadingYears(BR) = %v", ys)
	}
	counts := map[string]model.ClassCount{}
	for _, c := range d.ClassCounts() {
		counts[c.Indicator] = c
	}
	if c := counts[indDevices]; c.Real != 1 || c.Estimated != 1 || c.Modeled != 7 || c.Missing != 1 {
		t.Errorf("ClassCounts(devices) = %+v, want 1 real, 1 estimated, 7 modeled, 1 missing", c)
	}
	if _, ok := counts[indGrowth]; ok {
		t.Error("ClassCounts counts a derived indicator")
	}
}

func TestNewRefusesProvenance(t *testing.T) {
	tests := []struct {
		name    string
		change  func(p *model.Parts)
		mention string
	}{
		{"a class that is not one of the three", func(p *model.Parts) {
			p.Observations[0].Class = "guessed"
		}, "guessed"},
		{"a cell both given and missing", func(p *model.Parts) {
			p.Missing = append(p.Missing, model.Missing{ISO2: "BR", Indicator: indDevices, Year: 2020, Reason: "x"})
		}, "both given and missing"},
		{"missing of an unknown country", func(p *model.Parts) {
			p.Missing = append(p.Missing, model.Missing{ISO2: "ZZ", Indicator: indDevices, Year: 2020})
		}, "ZZ"},
		{"noise with no epsilon", func(p *model.Parts) {
			p.Noise = append(p.Noise, model.Noise{ISO2: "BR", Indicator: indDevices, Year: 2020, SD: 1})
		}, "epsilon"},
		{"negative views", func(p *model.Parts) {
			p.Readings = append(p.Readings, model.Reading{ISO2: "BR", Project: "x", Year: 2017, Views: -1})
		}, "views"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := provenanceParts()
			tt.change(&p)
			if _, err := model.New(p); err == nil || !strings.Contains(err.Error(), tt.mention) {
				t.Errorf("New = %v, want an error mentioning %q", err, tt.mention)
			}
		})
	}
}

// The default year is the latest year every scored domain has figures in;
// a later year with one domain alone is left for --year.
func TestDefaultYear(t *testing.T) {
	real := model.Provenance{Class: model.ClassReal, Source: "sample", Period: "2025-09"}
	tests := []struct {
		name string
		// modeled marks every figure of the fixture modeled first.
		modeled bool
		extra   []model.Observation
		want    int
		why     string
	}{
		{"every domain has every year", false, nil, 2021,
			"2021 is the latest year whose scores rest mostly on published figures"},
		{"a later year with modeled devices alone", false,
			[]model.Observation{{ISO2: "BR", Indicator: indDevices, Year: 2025, Value: 1}}, 2021,
			"2021 is the latest year whose scores rest mostly on published figures"},
		{"a later year with real devices alone, after published years in more domains", false,
			[]model.Observation{{ISO2: "BR", Indicator: indDevices, Year: 2025, Value: 1, Provenance: real}}, 2021,
			"2021 is the latest year whose scores rest mostly on published figures"},
		{"a later year of real figures after modeled years", true,
			[]model.Observation{{ISO2: "BR", Indicator: indDevices, Year: 2025, Value: 1, Provenance: real}}, 2025,
			"2025 is the latest year whose scores rest mostly on published figures (100% real or estimated); Editorship has no figures in 2025"},
		{"no year rests on published figures", true, nil, 2021,
			"2021 is the latest year with figures in the most domains, though most of them are modeled (0% real or estimated)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The fixture's readership inputs, and editors of 2020–2021: two
			// domains.
			p := fixtureParts()
			p.Indicators = append(p.Indicators, model.Indicator{ID: "ind.editors", Domain: model.Editorship, Facet: model.Presence, Name: "Editors", Unit: "editors", Weight: 100})
			p.Observations = append(p.Observations,
				model.Observation{ISO2: "BR", Indicator: "ind.editors", Year: 2020, Value: 5},
				model.Observation{ISO2: "BR", Indicator: "ind.editors", Year: 2021, Value: 6})
			if tt.modeled {
				for i := range p.Observations {
					p.Observations[i].Provenance = model.Provenance{Class: model.ClassModeled, Source: "sample"}
				}
			}
			p.Observations = append(p.Observations, tt.extra...)
			d, err := model.New(p)
			if err != nil {
				t.Fatal(err)
			}
			if got := d.DefaultYear(); got != tt.want {
				t.Errorf("DefaultYear = %d, want %d (years %v)", got, tt.want, d.Years)
			}
			if got := d.Opening().Why(); !strings.HasPrefix(got, tt.why) {
				t.Errorf("Why = %q, want it to start %q", got, tt.why)
			}
		})
	}
}

// Provenances gives equal provenances one copy to share, whatever comes
// between them, and different ones copies of their own, which the caller's
// later changes do not reach.
func TestProvenancesShare(t *testing.T) {
	a := model.Provenance{Class: model.ClassReal, Source: "wdi", Period: "2020"}
	b := model.Provenance{Class: model.ClassEstimated, Source: "wdi", Period: "2020"}
	given := []model.Provenance{a, a, b, a, {}, b, {}}
	var ps model.Provenances // the zero value, ready
	got := make([]*model.Provenance, len(given))
	for i, pv := range given {
		if got[i] = ps.Of(pv); *got[i] != pv {
			t.Errorf("call %d: %+v, want %+v", i, *got[i], pv)
		}
	}
	for i := range given {
		for j := range i {
			if shared, equal := got[i] == got[j], given[i] == given[j]; shared != equal {
				t.Errorf("calls %d and %d: shared %v, equal %v", j, i, shared, equal)
			}
		}
	}
	a.Source = "changed"
	if got[0].Source != "wdi" {
		t.Error("the shared copy follows the caller's value")
	}
}
