package model_test

import (
	"math"
	"slices"
	"testing"

	"github.com/equitylandscape/equity/model"
)

// nan is a missing value in the tables below.
var nan = math.NaN()

// same reports whether two floats are equal within rounding, with NaN equal
// to NaN (a missing value expected missing).
func same(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return a == b || math.Abs(a-b) <= 1e-9
}

func sameSlice(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !same(a[i], b[i]) {
			return false
		}
	}
	return true
}

func TestPercentileRanks(t *testing.T) {
	tests := []struct {
		name   string
		values []float64
		want   []float64
	}{
		{"empty", []float64{}, []float64{}},
		// n=1: a single value sits at the middle
		{"one value", []float64{7}, []float64{50}},
		{"one value among missing", []float64{nan, 7, nan}, []float64{nan, 50, nan}},
		// n=2: positions 0 and 1 → 100*0/1 = 0, 100*1/1 = 100
		{"two values", []float64{3, 1}, []float64{100, 0}},
		// n=5, distinct: positions 0..4 → 0, 25, 50, 75, 100
		{"five distinct", []float64{40, 10, 50, 20, 30}, []float64{75, 0, 100, 25, 50}},
		// n=4: 1,1 at positions 0,1 → mid 0.5 → 100*0.5/3 = 50/3; 5 at 2 → 200/3; 9 at 3 → 100
		{"tie at the bottom", []float64{1, 5, 1, 9}, []float64{50.0 / 3, 200.0 / 3, 50.0 / 3, 100}},
		// n=4: 5,5 at positions 1,2 → mid 1.5 → 100*1.5/3 = 50
		{"tie in the middle", []float64{5, 1, 9, 5}, []float64{50, 0, 100, 50}},
		// n=4: 9,9 at positions 2,3 → mid 2.5 → 100*2.5/3 = 250/3; 5 at 1 → 100/3
		{"tie at the top", []float64{9, 1, 9, 5}, []float64{250.0 / 3, 0, 250.0 / 3, 100.0 / 3}},
		// n=5: 2,2,2 at positions 1,2,3 → mid 2 → 100*2/4 = 50
		{"three-way tie", []float64{2, 0, 2, 8, 2}, []float64{50, 0, 50, 100, 50}},
		// all at positions 0..2 → mid 1 → 100*1/2 = 50
		{"all equal", []float64{4, 4, 4}, []float64{50, 50, 50}},
		// positions 0,1 → mid 0.5 → 100*0.5/1 = 50
		{"two equal", []float64{4, 4}, []float64{50, 50}},
		// NaN is neither counted nor ranked: n=3 over 10,20,30 → 0, 50, 100
		{"missing skipped", []float64{nan, 10, nan, 20, 30}, []float64{nan, 0, nan, 50, 100}},
		{"all missing", []float64{nan, nan}, []float64{nan, nan}},
		// -10 < -5 < 0 → positions 0,1,2 → 0, 50, 100
		{"negative values", []float64{-5, 0, -10}, []float64{50, 100, 0}},
		// -Inf < 0 < +Inf, n=3
		{"infinities", []float64{math.Inf(1), 0, math.Inf(-1)}, []float64{100, 50, 0}},
		// 0 and -0 are the same number: positions 0,1 → mid 0.5 → 100*0.5/2 = 25
		{"signed zero ties", []float64{0, math.Copysign(0, -1), 1}, []float64{25, 25, 100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.values)
			got := model.PercentileRanks(in)
			if !sameSlice(got, tt.want) {
				t.Errorf("PercentileRanks(%v) = %v, want %v", tt.values, got, tt.want)
			}
			if !sameSlice(in, tt.values) {
				t.Errorf("PercentileRanks changed its input to %v", in)
			}
		})
	}
}

// A value's rank depends on the values, never on where it sits in the list.
func TestPercentileRanksOrderIndependent(t *testing.T) {
	// n=6 over 3,3,7,10,10,10:
	// 3,3 at positions 0,1 → mid 0.5 → 100*0.5/5 = 10
	// 7 at position 2 → 100*2/5 = 40
	// 10,10,10 at positions 3,4,5 → mid 4 → 100*4/5 = 80
	want := map[float64]float64{3: 10, 7: 40, 10: 80}
	orders := [][]float64{
		{3, 3, 7, 10, 10, 10},
		{10, 10, 10, 7, 3, 3},
		{10, 3, 10, 7, 10, 3},
		{7, 10, 3, 10, 3, 10},
	}
	for _, values := range orders {
		got := model.PercentileRanks(values)
		for i, v := range values {
			if !same(got[i], want[v]) {
				t.Errorf("in %v, value %v ranks %v, want %v", values, v, got[i], want[v])
			}
		}
	}
}

func TestWeightedMean(t *testing.T) {
	tests := []struct {
		name    string
		ranks   []float64
		weights []float64
		want    float64
		ok      bool
	}{
		// (50*10 + 25*20 + 25*30) / 100 = (500+500+750)/100 = 17.5
		{"all present", []float64{10, 20, 30}, []float64{50, 25, 25}, 17.5, true},
		// (75*100 + 25*0) / 100 = 75
		{"unequal weights", []float64{100, 0}, []float64{75, 25}, 75, true},
		// one of three missing: (33.3*60 + 33.3*90) / 66.6 = 75; 66.6 ≥ half of 99.9
		{"renormalised over present", []float64{nan, 60, 90}, []float64{33.3, 33.3, 33.3}, 75, true},
		// present 50+25 = 75 of 100: (50*30 + 25*90) / 75 = (1500+2250)/75 = 50
		{"renormalised unequal", []float64{30, nan, 90}, []float64{50, 25, 25}, 50, true},
		// present 50 of 100: exactly half is enough → 40/1
		{"exactly half present", []float64{nan, 40}, []float64{50, 50}, 40, true},
		// grants presence with only the historic inputs: 33.3 + 16.7 = 50 of 100 → exactly half
		// (33.3*60 + 16.7*0) / 50 = 1998/50 = 39.96
		{"grants historic only", []float64{60, nan, 0, nan}, []float64{33.3, 33.3, 16.7, 16.7}, 39.96, true},
		// 33.3 of 99.9 < 49.95 → missing
		{"less than half present", []float64{nan, nan, 90}, []float64{33.3, 33.3, 33.3}, 0, false},
		// 16.7 + 16.7 = 33.4 of 100 < 50 → missing
		{"grants counts only", []float64{nan, nan, 80, 80}, []float64{33.3, 33.3, 16.7, 16.7}, 0, false},
		{"nothing present", []float64{nan, nan}, []float64{50, 50}, 0, false},
		{"zero total weight", []float64{10, 20}, []float64{0, 0}, 0, false},
		{"no inputs", nil, nil, 0, false},
		// a zero rank is a real rank, not a missing one: (50*0 + 50*0)/100 = 0
		{"zero ranks present", []float64{0, 0}, []float64{50, 50}, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := model.WeightedMean(tt.ranks, tt.weights)
			if ok != tt.ok || (ok && !same(got, tt.want)) {
				t.Errorf("WeightedMean(%v, %v) = %v, %v; want %v, %v", tt.ranks, tt.weights, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestGrowthRate(t *testing.T) {
	tests := []struct {
		name      string
		prev, cur float64
		want      float64
		ok        bool
	}{
		{"rise", 100, 150, 50, true},                 // 100*(150-100)/100
		{"fall", 200, 180, -10, true},                // 100*(180-200)/200
		{"flat", 50, 50, 0, true},                    // no change is a rate of 0, not missing
		{"to zero", 10, 0, -100, true},               // 100*(0-10)/10
		{"fractional", 8, 9, 12.5, true},             // 100*1/8
		{"zero base", 0, 40, 0, false},               // no finite rate
		{"zero to zero", 0, 0, 0, false},             // still no rate
		{"negative base rises", -50, -25, 50, true},  // 100*(-25-(-50))/|-50| = 100*25/50
		{"negative base falls", -50, -75, -50, true}, // 100*(-75-(-50))/50 = 100*(-25)/50
		{"negative to positive", -20, 10, 150, true}, // 100*(10+20)/20
		{"missing base", nan, 40, 0, false},
		{"missing current", 40, nan, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := model.GrowthRate(tt.prev, tt.cur)
			if ok != tt.ok || (ok && !same(got, tt.want)) {
				t.Errorf("GrowthRate(%v, %v) = %v, %v; want %v, %v", tt.prev, tt.cur, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestCombineFacets(t *testing.T) {
	tests := []struct {
		name string
		p    float64
		hasP bool
		g    float64
		hasG bool
		want float64
		ok   bool
	}{
		{"both", 60, true, 40, true, 50, true},           // (60+40)/2
		{"both uneven", 100, true, 25, true, 62.5, true}, // (100+25)/2
		{"presence only", 60, true, 0, false, 60, true},  // presence alone, not (60+0)/2
		{"growth only", 0, false, 40, true, 0, false},    // no presence, no overall
		{"neither", 0, false, 0, false, 0, false},
		{"zero scores are scores", 0, true, 0, true, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := model.CombineFacets(tt.p, tt.hasP, tt.g, tt.hasG)
			if ok != tt.ok || (ok && !same(got, tt.want)) {
				t.Errorf("CombineFacets(%v, %v, %v, %v) = %v, %v; want %v, %v", tt.p, tt.hasP, tt.g, tt.hasG, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// The hand-made dataset every test below is worked out on.
//
// Five countries (dataset order is by name: BR CL FR KE NG), one scored domain
// (Readership) with three presence inputs and one growth input, one context
// indicator, two years of activity (2020, 2021).
//
//	presence  ind.devices  weight 50  plain
//	          ind.grants   weight 25  Per ctx.gdp
//	          ind.events   weight 25  plain
//	growth    ind.devices_growth weight 100, GrowthOf ind.devices
//
//	             devices      grants (raw)   events     ctx.gdp
//	             2020  2021   2020  2021     2020 2021
//	BR Brazil     100   150    100    10        5    5   2019: 10, 2021: 20
//	CL Chile        0    40    200   200        9    7   2022: 5
//	FR France     200   180     80    80        5    9   2020: 40
//	KE Kenya       50    60     30    30        1    7   2020: 0
//	NG Nigeria      —   300     50    50        3    2   —
const (
	indDevices = "ind.devices"
	indGrowth  = "ind.devices_growth"
	indGrants  = "ind.grants"
	indEvents  = "ind.events"
	indGDP     = "ctx.gdp"
)

const (
	regionLatAm  = "Latin America & Caribbean"
	regionEurope = "Northern & Western Europe"
	regionAfrica = "Sub-Saharan Africa"
)

func fixtureParts() model.Parts {
	obs := func(iso2, ind string, year int, v float64) model.Observation {
		return model.Observation{ISO2: iso2, Indicator: ind, Year: year, Value: v}
	}
	return model.Parts{
		Meta: model.Meta{Title: "fixture", Kind: model.KindSample},
		// deliberately not in name order
		Countries: []model.Country{
			{ISO2: "NG", ISO3: "NGA", Name: "Nigeria", WikimediaRegion: regionAfrica},
			{ISO2: "FR", ISO3: "FRA", Name: "France", WikimediaRegion: regionEurope},
			{ISO2: "BR", ISO3: "BRA", Name: "Brazil", WikimediaRegion: regionLatAm},
			{ISO2: "KE", ISO3: "KEN", Name: "Kenya", WikimediaRegion: regionAfrica},
			{ISO2: "CL", ISO3: "CHL", Name: "Chile", WikimediaRegion: regionLatAm},
		},
		Sources: []model.Source{{ID: "sample", Title: "Sample"}},
		Indicators: []model.Indicator{
			{ID: indDevices, Domain: model.Readership, Facet: model.Presence, Name: "Devices", Unit: "devices", Weight: 50, SourceID: "sample", Modeled: true},
			{ID: indGrants, Domain: model.Readership, Facet: model.Presence, Name: "Grants", Unit: "US$", Weight: 25, Per: indGDP},
			{ID: indEvents, Domain: model.Readership, Facet: model.Presence, Name: "Events", Unit: "events", Weight: 25},
			{ID: indGrowth, Domain: model.Readership, Facet: model.Growth, Name: "Devices growth", Unit: "% / year", Weight: 100, GrowthOf: indDevices},
			{ID: indGDP, Domain: model.Economy, Facet: model.Context, Name: "GDP", Unit: "US$"},
		},
		Observations: []model.Observation{
			obs("BR", indDevices, 2020, 100), obs("BR", indDevices, 2021, 150),
			obs("CL", indDevices, 2020, 0), obs("CL", indDevices, 2021, 40),
			obs("FR", indDevices, 2020, 200), obs("FR", indDevices, 2021, 180),
			obs("KE", indDevices, 2020, 50), obs("KE", indDevices, 2021, 60),
			obs("NG", indDevices, 2021, 300),

			obs("BR", indGrants, 2020, 100), obs("BR", indGrants, 2021, 10),
			obs("CL", indGrants, 2020, 200), obs("CL", indGrants, 2021, 200),
			obs("FR", indGrants, 2020, 80), obs("FR", indGrants, 2021, 80),
			obs("KE", indGrants, 2020, 30), obs("KE", indGrants, 2021, 30),
			obs("NG", indGrants, 2020, 50), obs("NG", indGrants, 2021, 50),

			obs("BR", indEvents, 2020, 5), obs("BR", indEvents, 2021, 5),
			obs("CL", indEvents, 2020, 9), obs("CL", indEvents, 2021, 7),
			obs("FR", indEvents, 2020, 5), obs("FR", indEvents, 2021, 9),
			obs("KE", indEvents, 2020, 1), obs("KE", indEvents, 2021, 7),
			obs("NG", indEvents, 2020, 3), obs("NG", indEvents, 2021, 2),

			obs("BR", indGDP, 2021, 20), obs("BR", indGDP, 2019, 10),
			obs("CL", indGDP, 2022, 5),
			obs("FR", indGDP, 2020, 40),
			obs("KE", indGDP, 2020, 0),
		},
	}
}

func fixture(t *testing.T) *model.Dataset {
	t.Helper()
	d, err := model.New(fixtureParts())
	if err != nil {
		t.Fatalf("New(fixture): %v", err)
	}
	return d
}

func indicator(t *testing.T, d *model.Dataset, id string) model.Indicator {
	t.Helper()
	ind, ok := d.Indicator(id)
	if !ok {
		t.Fatalf("indicator %s not in the dataset", id)
	}
	return ind
}

func TestInputValue(t *testing.T) {
	d := fixture(t)
	tests := []struct {
		name    string
		iso2    string
		ind     string
		year    int
		want    float64
		divisor model.Point
		ok      bool
	}{
		{"plain", "BR", indDevices, 2020, 100, model.Point{}, true},
		{"plain zero is a value", "CL", indDevices, 2020, 0, model.Point{}, true},
		{"plain missing", "NG", indDevices, 2020, 0, model.Point{}, false},
		{"plain year without data", "BR", indDevices, 2019, 0, model.Point{}, false},

		{"growth rise", "BR", indGrowth, 2021, 50, model.Point{}, true},  // 100*(150-100)/100
		{"growth fall", "FR", indGrowth, 2021, -10, model.Point{}, true}, // 100*(180-200)/200
		{"growth", "KE", indGrowth, 2021, 20, model.Point{}, true},       // 100*(60-50)/50
		{"growth from zero base", "CL", indGrowth, 2021, 0, model.Point{}, false},
		{"growth without previous year", "NG", indGrowth, 2021, 0, model.Point{}, false},
		{"growth in the first year", "BR", indGrowth, 2020, 0, model.Point{}, false},

		// Latest GDP at or before 2020 is 2019's 10 (not 2021's 20): 100/10
		{"per, earlier divisor", "BR", indGrants, 2020, 10, model.Point{Year: 2019, Value: 10}, true},
		// GDP of the same year: 10/20
		{"per, same-year divisor", "BR", indGrants, 2021, 0.5, model.Point{Year: 2021, Value: 20}, true},
		// nothing at or before 2020: the earliest after it, 2022's 5 → 200/5
		{"per, later divisor", "CL", indGrants, 2020, 40, model.Point{Year: 2022, Value: 5}, true},
		// 2020's 40 is the latest at or before 2021 → 80/40
		{"per, last divisor before", "FR", indGrants, 2021, 2, model.Point{Year: 2020, Value: 40}, true},
		{"per, zero divisor", "KE", indGrants, 2020, 0, model.Point{}, false},
		{"per, no divisor", "NG", indGrants, 2020, 0, model.Point{}, false},
		{"per, no raw value", "BR", indGrants, 2022, 0, model.Point{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, div, ok := d.InputValue(tt.iso2, indicator(t, d, tt.ind), tt.year)
			if ok != tt.ok || (ok && (!same(got, tt.want) || bare(div) != tt.divisor)) {
				t.Errorf("InputValue(%s, %s, %d) = %v, %+v, %v; want %v, %+v, %v",
					tt.iso2, tt.ind, tt.year, got, div, ok, tt.want, tt.divisor, tt.ok)
			}
		})
	}
}

func TestRankFacetValuesAndRanks(t *testing.T) {
	d := fixture(t)
	r := d.RankFacet(model.Readership, model.Presence, 2020)
	if want := []string{"BR", "CL", "FR", "KE", "NG"}; !slices.Equal(r.ISO2, want) {
		t.Fatalf("ISO2 = %v, want dataset order %v", r.ISO2, want)
	}
	var ids []string
	for _, in := range r.Inputs {
		ids = append(ids, in.ID)
	}
	if want := []string{indDevices, indGrants, indEvents}; !slices.Equal(ids, want) {
		t.Fatalf("Inputs = %v, want %v", ids, want)
	}
	//               BR      CL   FR   KE      NG
	wantValues := [][]float64{
		{100, 0, 200, 50, nan}, // devices
		{10, 40, 2, nan, nan},  // grants: 100/10, 200/5, 80/40, zero GDP, no GDP
		{5, 9, 5, 1, 3},        // events
	}
	wantRanks := [][]float64{
		// 4 present: CL 0 → 0, KE 50 → 100/3, BR 100 → 200/3, FR 200 → 100
		{200.0 / 3, 0, 100, 100.0 / 3, nan},
		// 3 present: FR 2 → 0, BR 10 → 50, CL 40 → 100
		{50, 100, 0, nan, nan},
		// 5 present: KE 1 → 0, NG 3 → 25, BR/FR 5 at 2,3 → mid 2.5 → 62.5, CL 9 → 100
		{62.5, 100, 62.5, 0, 25},
	}
	// BR (50*200/3 + 25*50 + 25*62.5)/100 = 100/3 + 12.5 + 15.625 = 1475/24
	// CL (0 + 25*100 + 25*100)/100 = 50
	// FR (50*100 + 0 + 25*62.5)/100 = 65.625
	// KE (50*100/3 + 25*0)/75 = 200/9 (grants missing, 75 of 100 present)
	// NG only events: 25 of 100 < half → missing
	wantMean := []float64{1475.0 / 24, 50, 65.625, 200.0 / 9, nan}
	// means ranked among 4: KE 22.2 → 0, CL 50 → 100/3, BR 61.5 → 200/3, FR 65.6 → 100
	wantScore := []float64{200.0 / 3, 100.0 / 3, 100, 0, nan}
	for i := range wantValues {
		if !sameSlice(r.Values[i], wantValues[i]) {
			t.Errorf("Values[%s] = %v, want %v", ids[i], r.Values[i], wantValues[i])
		}
		if !sameSlice(r.Ranks[i], wantRanks[i]) {
			t.Errorf("Ranks[%s] = %v, want %v", ids[i], r.Ranks[i], wantRanks[i])
		}
	}
	wantDivs := []model.Point{{Year: 2019, Value: 10}, {Year: 2022, Value: 5}, {Year: 2020, Value: 40}, {}, {}}
	if !slices.Equal([]model.Point(bareSeries(r.Divs[1])), wantDivs) {
		t.Errorf("Divs[grants] = %v, want %v", r.Divs[1], wantDivs)
	}
	if !sameSlice(r.Mean, wantMean) {
		t.Errorf("Mean = %v, want %v", r.Mean, wantMean)
	}
	if !sameSlice(r.Score, wantScore) {
		t.Errorf("Score = %v, want %v", r.Score, wantScore)
	}
}

func TestExplain(t *testing.T) {
	d := fixture(t)
	r := d.RankFacet(model.Readership, model.Presence, 2020)

	type input struct {
		present      bool
		value        float64
		divisor      model.Point
		rank         float64
		among        int
		weight       float64
		share        float64
		contribution float64
	}
	tests := []struct {
		iso2          string
		inputs        []input // devices, grants, events
		presentWeight float64
		mean, score   float64
		hasScore      bool
	}{
		{
			iso2: "BR",
			inputs: []input{
				{true, 100, model.Point{}, 200.0 / 3, 4, 50, 0.5, 100.0 / 3},          // 200/3 × 50/100
				{true, 10, model.Point{Year: 2019, Value: 10}, 50, 3, 25, 0.25, 12.5}, // 50 × 25/100
				{true, 5, model.Point{}, 62.5, 5, 25, 0.25, 15.625},                   // 62.5 × 25/100
			},
			// 100/3 + 12.5 + 15.625 = 1475/24 ≈ 61.46; second of 4 means from the top → 200/3
			presentWeight: 100, mean: 1475.0 / 24, score: 200.0 / 3, hasScore: true,
		},
		{
			iso2: "KE",
			inputs: []input{
				{true, 50, model.Point{}, 100.0 / 3, 4, 50, 2.0 / 3, 200.0 / 9}, // share 50/75; 100/3 × 2/3
				{false, 0, model.Point{}, 0, 3, 25, 0, 0},                       // zero GDP: missing
				{true, 1, model.Point{}, 0, 5, 25, 1.0 / 3, 0},                  // share 25/75; 0 × 1/3
			},
			// lowest of the 4 means → 0, although its devices rank 100/3 beats CL's 0
			presentWeight: 75, mean: 200.0 / 9, score: 0, hasScore: true,
		},
		{
			iso2: "FR",
			inputs: []input{
				{true, 200, model.Point{}, 100, 4, 50, 0.5, 50},
				{true, 2, model.Point{Year: 2020, Value: 40}, 0, 3, 25, 0.25, 0},
				{true, 5, model.Point{}, 62.5, 5, 25, 0.25, 15.625},
			},
			presentWeight: 100, mean: 65.625, score: 100, hasScore: true,
		},
		{
			// only events (25 of 100) present: less than half the weight, no
			// score, so no share or contribution either (they would sum to a
			// mean that does not exist)
			iso2: "NG",
			inputs: []input{
				{false, 0, model.Point{}, 0, 4, 50, 0, 0},
				{false, 0, model.Point{}, 0, 3, 25, 0, 0},
				{true, 3, model.Point{}, 25, 5, 25, 0, 0},
			},
			presentWeight: 25, hasScore: false,
		},
		{
			// not in the dataset at all
			iso2: "ZZ",
			inputs: []input{
				{false, 0, model.Point{}, 0, 4, 50, 0, 0},
				{false, 0, model.Point{}, 0, 3, 25, 0, 0},
				{false, 0, model.Point{}, 0, 5, 25, 0, 0},
			},
			presentWeight: 0, hasScore: false,
		},
	}
	for _, tt := range tests {
		t.Run(tt.iso2, func(t *testing.T) {
			e := r.Explain(tt.iso2)
			if e.Domain != model.Readership || e.Facet != model.Presence || e.Year != 2020 {
				t.Errorf("Explain names %s/%s/%d, want readership/presence/2020", e.Domain, e.Facet, e.Year)
			}
			if len(e.Inputs) != len(tt.inputs) {
				t.Fatalf("%d inputs explained, want %d", len(e.Inputs), len(tt.inputs))
			}
			var sum float64
			for i, w := range tt.inputs {
				g := e.Inputs[i]
				got := input{g.Present, g.Value, bare(g.Divisor), g.Rank, g.Among, g.Weight, g.Share, g.Contribution}
				if got.present != w.present || got.among != w.among || got.divisor != w.divisor ||
					!same(got.value, w.value) || !same(got.rank, w.rank) || !same(got.weight, w.weight) ||
					!same(got.share, w.share) || !same(got.contribution, w.contribution) {
					t.Errorf("input %s = %+v, want %+v", g.Indicator.ID, got, w)
				}
				sum += g.Contribution
			}
			if !same(e.PresentWeight, tt.presentWeight) || !same(e.TotalWeight, 100) {
				t.Errorf("weight %v of %v, want %v of 100", e.PresentWeight, e.TotalWeight, tt.presentWeight)
			}
			// BR, CL, FR and KE have a mean; NG does not
			if e.Among != 4 {
				t.Errorf("Among = %d, want 4", e.Among)
			}
			if e.HasScore != tt.hasScore {
				t.Fatalf("HasScore = %v, want %v", e.HasScore, tt.hasScore)
			}
			if !tt.hasScore {
				return
			}
			if !same(e.Mean, tt.mean) || !same(e.Score, tt.score) {
				t.Errorf("Mean, Score = %v, %v; want %v, %v", e.Mean, e.Score, tt.mean, tt.score)
			}
			if !same(sum, e.Mean) {
				t.Errorf("contributions sum to %v, Mean is %v", sum, e.Mean)
			}
		})
	}
}

func TestExplainGrowth(t *testing.T) {
	d := fixture(t)
	r := d.RankFacet(model.Readership, model.Growth, 2021)
	// growth 2021: BR +50, FR -10, KE +20; CL (zero base) and NG (no 2020) missing.
	// 3 present: FR → 0, KE → 50, BR → 100; one input, so mean = rank, score = mean re-ranked.
	e := r.Explain("KE")
	if !e.HasScore || !same(e.Mean, 50) || !same(e.Score, 50) || e.Among != 3 {
		t.Errorf("KE growth = mean %v score %v among %d (has %v), want 50, 50, 3", e.Mean, e.Score, e.Among, e.HasScore)
	}
	if in := e.Inputs[0]; !same(in.Value, 20) || !same(in.Share, 1) || in.Among != 3 {
		t.Errorf("KE growth input = %+v, want value 20, share 1, among 3", in)
	}
	if e := r.Explain("CL"); e.HasScore || e.Inputs[0].Present {
		t.Errorf("CL growth from a zero base explained as present: %+v", e)
	}
}

func TestComputeScores(t *testing.T) {
	d := fixture(t)
	type key struct {
		iso2  string
		facet model.Facet
		year  int
	}
	want := map[key]float64{
		// 2020 presence: means KE 200/9 < CL 50 < BR 1475/24 < FR 65.625 (see
		// TestRankFacetValuesAndRanks) → 0, 100/3, 200/3, 100; NG has too little weight.
		{"KE", model.Presence, 2020}: 0,
		{"CL", model.Presence, 2020}: 100.0 / 3,
		{"BR", model.Presence, 2020}: 200.0 / 3,
		{"FR", model.Presence, 2020}: 100,
		// 2020 growth: nobody has 2019 devices → no growth scores.
		// 2020 overall = presence alone.
		{"KE", model.Overall, 2020}: 0,
		{"CL", model.Overall, 2020}: 100.0 / 3,
		{"BR", model.Overall, 2020}: 200.0 / 3,
		{"FR", model.Overall, 2020}: 100,

		// 2021 presence ranks:
		//   devices (5): CL 40 → 0, KE 60 → 25, BR 150 → 50, FR 180 → 75, NG 300 → 100
		//   grants  (3): BR 10/20=0.5 → 0, FR 80/40=2 → 50, CL 200/5=40 → 100
		//   events  (5): NG 2 → 0, BR 5 → 25, CL/KE 7 → mid 2.5 → 62.5, FR 9 → 100
		// means:
		//   BR (50*50 + 25*0 + 25*25)/100 = 31.25
		//   CL (50*0 + 25*100 + 25*62.5)/100 = 40.625
		//   FR (50*75 + 25*50 + 25*100)/100 = 75
		//   KE (50*25 + 25*62.5)/75 = 2812.5/75 = 37.5
		//   NG (50*100 + 25*0)/75 = 200/3
		// ranked: BR 0, KE 25, CL 50, NG 75, FR 100
		{"BR", model.Presence, 2021}: 0,
		{"KE", model.Presence, 2021}: 25,
		{"CL", model.Presence, 2021}: 50,
		{"NG", model.Presence, 2021}: 75,
		{"FR", model.Presence, 2021}: 100,
		// 2021 growth: FR -10 → 0, KE +20 → 50, BR +50 → 100; CL, NG missing
		{"FR", model.Growth, 2021}: 0,
		{"KE", model.Growth, 2021}: 50,
		{"BR", model.Growth, 2021}: 100,
		// 2021 overall
		{"BR", model.Overall, 2021}: 50,   // (0+100)/2
		{"CL", model.Overall, 2021}: 50,   // presence alone (growth from a zero base)
		{"FR", model.Overall, 2021}: 50,   // (100+0)/2
		{"KE", model.Overall, 2021}: 37.5, // (25+50)/2
		{"NG", model.Overall, 2021}: 75,   // presence alone (no 2020 devices)
	}
	got := model.ComputeScores(d)
	seen := map[key]bool{}
	for _, s := range got {
		k := key{s.ISO2, s.Facet, s.Year}
		if s.Domain != model.Readership {
			t.Errorf("score for domain %s, which has no inputs: %+v", s.Domain, s)
			continue
		}
		if seen[k] {
			t.Errorf("score %+v given twice", s)
		}
		seen[k] = true
		w, ok := want[k]
		if !ok {
			t.Errorf("unexpected score %+v", s)
			continue
		}
		if !same(s.Score, w) {
			t.Errorf("%s %s %d = %v, want %v", s.ISO2, s.Facet, s.Year, s.Score, w)
		}
	}
	for k := range want {
		if !seen[k] {
			t.Errorf("missing score %s %s %d", k.iso2, k.facet, k.year)
		}
	}
	if len(got) != 21 { // 2020: 4 presence + 4 overall; 2021: 5 presence + 3 growth + 5 overall
		t.Errorf("%d scores, want 21", len(got))
	}
}

func TestRank(t *testing.T) {
	d := fixture(t)
	sc := func(iso2 string, v float64) model.Score {
		return model.Score{ISO2: iso2, Domain: model.Readership, Facet: model.Overall, Year: 2021, Score: v}
	}
	// FR 90 > BR 80 = CL 80 > KE 40; NG has none.
	d.SetScores([]model.Score{sc("FR", 90), sc("BR", 80+1e-12), sc("CL", 80), sc("KE", 40)})
	region := func(name string) func(model.Country) bool {
		return func(c model.Country) bool { return c.WikimediaRegion == name }
	}
	tests := []struct {
		name   string
		iso2   string
		facet  model.Facet
		year   int
		in     func(model.Country) bool
		want   model.Standing
		wantOK bool
	}{
		{"top", "FR", model.Overall, 2021, nil, model.Standing{Pos: 1, Of: 4}, true},
		{"tie shares second place", "BR", model.Overall, 2021, nil, model.Standing{Pos: 2, Of: 4}, true},
		{"tie shares second place too", "CL", model.Overall, 2021, nil, model.Standing{Pos: 2, Of: 4}, true},
		// three countries above: the tie takes places 2 and 3
		{"after a tie", "KE", model.Overall, 2021, nil, model.Standing{Pos: 4, Of: 4}, true},
		{"region with a tie", "BR", model.Overall, 2021, region(regionLatAm), model.Standing{Pos: 1, Of: 2}, true},
		// NG has no score, so Kenya is alone in its region
		{"region without peers", "KE", model.Overall, 2021, region(regionAfrica), model.Standing{Pos: 1, Of: 1}, true},
		{"no score", "NG", model.Overall, 2021, nil, model.Standing{}, false},
		{"other year", "FR", model.Overall, 2020, nil, model.Standing{}, false},
		{"other facet", "FR", model.Presence, 2021, nil, model.Standing{}, false},
		{"unknown country", "ZZ", model.Overall, 2021, nil, model.Standing{}, false},
		// Kenya is not in Latin America: no place there, rather than "3 of 2"
		{"outside the group", "KE", model.Overall, 2021, region(regionLatAm), model.Standing{}, false},
		// 80 and 80 + 1e-12 are the same score reached by different sums
		{"near-equal scores tie", "CL", model.Overall, 2021, nil, model.Standing{Pos: 2, Of: 4}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := d.Rank(tt.iso2, model.Readership, tt.facet, tt.year, tt.in)
			if ok != tt.wantOK || got != tt.want {
				t.Errorf("Rank(%s) = %+v, %v; want %+v, %v", tt.iso2, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

// Ranking the scores ComputeScores gives: 2021 overall is NG 75, BR = CL = FR
// 50, KE 37.5.
func TestRankComputedScores(t *testing.T) {
	d := fixture(t)
	d.SetScores(model.ComputeScores(d))
	tests := []struct {
		iso2 string
		want model.Standing
	}{
		{"NG", model.Standing{Pos: 1, Of: 5}},
		{"BR", model.Standing{Pos: 2, Of: 5}}, // three-way tie at 50 below NG
		{"CL", model.Standing{Pos: 2, Of: 5}},
		{"FR", model.Standing{Pos: 2, Of: 5}},
		{"KE", model.Standing{Pos: 5, Of: 5}},
	}
	for _, tt := range tests {
		got, ok := d.Rank(tt.iso2, model.Readership, model.Overall, 2021, nil)
		if !ok || got != tt.want {
			t.Errorf("Rank(%s) = %+v, %v; want %+v", tt.iso2, got, ok, tt.want)
		}
	}
}

// A country whose presence inputs are all zero has no activity in the domain
// and is not ranked; its zeros still count in each input's ranks. Growth is
// ranked even when it is all zero: a flat year is a value.
func TestNoActivity(t *testing.T) {
	ind := []model.Indicator{
		{ID: "a", Domain: model.Affiliates, Facet: model.Presence, Weight: 50},
		{ID: "b", Domain: model.Affiliates, Facet: model.Presence, Weight: 50},
		{ID: "a_growth", Domain: model.Affiliates, Facet: model.Growth, Weight: 100, GrowthOf: "a"},
	}
	o := func(iso2, id string, year int, v float64) model.Observation {
		return model.Observation{ISO2: iso2, Indicator: id, Year: year, Value: v}
	}
	d, err := model.New(model.Parts{
		Countries:  []model.Country{{ISO2: "AA", Name: "A"}, {ISO2: "BB", Name: "B"}, {ISO2: "CC", Name: "C"}, {ISO2: "DD", Name: "D"}},
		Indicators: ind,
		Observations: []model.Observation{
			o("AA", "a", 2020, 0), o("AA", "b", 2020, 0), o("AA", "a", 2021, 0), o("AA", "b", 2021, 0),
			o("BB", "a", 2020, 0), o("BB", "b", 2020, 0), o("BB", "a", 2021, 0), o("BB", "b", 2021, 0),
			o("CC", "a", 2020, 1), o("CC", "b", 2020, 5), o("CC", "a", 2021, 1), o("CC", "b", 2021, 5),
			o("DD", "a", 2020, 2), o("DD", "b", 2020, 0), o("DD", "a", 2021, 2), o("DD", "b", 2021, 0),
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	r := d.RankFacet(model.Affiliates, model.Presence, 2021)
	// input a: 0,0,1,2 → AA,BB tie at positions 0–1 → 50/3; CC 200/3; DD 100
	// input b: 0,0,5,0 → AA,BB,DD tie at 0–2 → 100/3; CC 100
	// means: CC (200/3+100)/2 = 250/3; DD (100+100/3)/2 = 200/3; AA, BB idle
	// re-ranked among CC and DD: DD 0, CC 100
	wantIdle := map[string]bool{"AA": true, "BB": true}
	for c, iso2 := range r.ISO2 {
		if r.Idle[c] != wantIdle[iso2] {
			t.Errorf("%s idle = %v", iso2, r.Idle[c])
		}
	}
	e := r.Explain("AA")
	if !e.Idle || e.HasScore || e.Among != 2 {
		t.Errorf("AA: idle %v, has score %v, among %d; want idle, no score, among 2", e.Idle, e.HasScore, e.Among)
	}
	if e.Inputs[0].Rank != 50.0/3 || !e.Inputs[0].Present {
		t.Errorf("AA's zero still ranks in input a: %+v", e.Inputs[0])
	}
	if e := r.Explain("CC"); !same(e.Score, 100) || !same(e.Mean, 250.0/3) {
		t.Errorf("CC: score %v mean %v, want 100 and 250/3", e.Score, e.Mean)
	}
	if e := r.Explain("DD"); !same(e.Score, 0) || !same(e.Mean, 200.0/3) {
		t.Errorf("DD: score %v mean %v, want 0 and 200/3", e.Score, e.Mean)
	}
	// growth of a: AA and BB from a zero base → missing; CC, DD 0% → both ranked, tie at 50
	g := d.RankFacet(model.Affiliates, model.Growth, 2021)
	for c, iso2 := range g.ISO2 {
		want := map[string]float64{"CC": 50, "DD": 50}[iso2]
		if _, ranked := map[string]bool{"CC": true, "DD": true}[iso2]; ranked != !math.IsNaN(g.Score[c]) || ranked && !same(g.Score[c], want) {
			t.Errorf("%s growth score %v", iso2, g.Score[c])
		}
	}
}
