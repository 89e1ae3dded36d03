package report_test

import (
	"testing"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/report"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{0, "0"},
		{7, "7"},
		{0.4, "0.4"},
		{12.345, "12.3"}, // small non-integers keep one decimal
		{99.5, "99.5"},
		{150.7, "151"}, // from 100 on, whole numbers
		{999, "999"},
		{1000, "1,000"},
		{1234, "1,234"},
		{1234.5, "1,235"},
		{9999, "9,999"},
		{10000, "10 k"},
		{12345, "12.3 k"},
		{26012, "26 k"},
		{388900, "388.9 k"},
		{999949, "999.9 k"},
		{1e6, "1 M"},
		{4.56e6, "4.56 M"},
		{31165654, "31.17 M"},
		{236747000, "236.75 M"},
		{1.41e9, "1.41 B"},
		{8.1e9, "8.1 B"},
		// at the edge of a unit, what rounds up to the next one is shown in it
		{9999.6, "10 k"},
		{999960, "1 M"},
		{999_999_999, "1 B"},
		// negatives mirror positives
		{-7, "-7"},
		{-0.4, "-0.4"},
		{-1234, "-1,234"},
		{-26012, "-26 k"},
		{-1234567, "-1.23 M"},
		{-236747000, "-236.75 M"},
		{-1.41e9, "-1.41 B"},
	}
	for _, tt := range tests {
		if got := report.Number(tt.v); got != tt.want {
			t.Errorf("Number(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{0, "0.0%"},
		{43, "43.0%"},
		{19.21, "19.2%"},
		{4.66, "4.7%"},
		{100, "100.0%"},
		{-3.04, "-3.0%"},
	}
	for _, tt := range tests {
		if got := report.Percent(tt.v); got != tt.want {
			t.Errorf("Percent(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{0, "0.0"},
		{50, "50.0"},
		{61.54, "61.5"},
		{97.56, "97.6"},
		{100, "100.0"},
		{200.0 / 3, "66.7"},
	}
	for _, tt := range tests {
		if got := report.Score(tt.v); got != tt.want {
			t.Errorf("Score(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestMoney(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{0, "$0"},
		{12, "$12"},
		{999.6, "$1,000"},
		{5800, "$5,800"},
		{12300, "$12,300"},
		{449500, "$449,500"},
		{999999, "$999,999"},
		{1e6, "$1 M"},
		{1.2e6, "$1.2 M"},
		{2.5e6, "$2.5 M"},
		{12345678, "$12.35 M"},
	}
	for _, tt := range tests {
		if got := report.Money(tt.v); got != tt.want {
			t.Errorf("Money(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestSigned(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{4.2, "+4.2%"},
		{6.84, "+6.8%"},
		{150, "+150.0%"},
		{-3, "−3.0%"}, // a true minus sign, U+2212
		{-0.44, "−0.4%"},
		{-100, "−100.0%"},
		{0, "+0.0%"},
		{-0.04, "+0.0%"}, // rounds to nothing: no minus on a zero
	}
	for _, tt := range tests {
		if got := report.Signed(tt.v); got != tt.want {
			t.Errorf("Signed(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "0"},
		{7, "7"},
		{999, "999"},
		{1000, "1,000"},
		{26012, "26,012"},
		{100000, "100,000"},
		{1234567, "1,234,567"},
		{-1234, "-1,234"},
		{-999, "-999"},
	}
	for _, tt := range tests {
		if got := report.Count(tt.n); got != tt.want {
			t.Errorf("Count(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestRange(t *testing.T) {
	tests := []struct {
		lo, hi float64
		want   string
	}{
		{0, 0, "0"},
		{1, 10, "1–10"},
		{11, 20, "11–20"},
		{4321, 4330, "4,321–4,330"},
		{1230, 1310, "1,230–1,310"},
		{1230.5, 1310.5, "1,231–1,311"},
		{9991, 10000, "9,991–10,000"},   // too narrow to abbreviate
		{12341, 12350, "12,341–12,350"}, // "12.3 k–12.3 k" would say nothing
		{1234561, 1234570, "1,234,561–1,234,570"},
		{12230, 13100, "12.2 k–13.1 k"}, // wide enough to read abbreviated
		{5.5, 5.5, "5.5"},
	}
	for _, tt := range tests {
		if got := report.Range(model.Bounds{Lower: tt.lo, Upper: tt.hi}); got != tt.want {
			t.Errorf("Range(%v, %v) = %q, want %q", tt.lo, tt.hi, got, tt.want)
		}
	}
}

// Observe goes through model.Dataset.Shown: a protected country's imported
// count is its bucket alone; another's is exact, with the range it was
// published in; a modeled count is exact even for a protected country.
func TestObserve(t *testing.T) {
	inds := model.Catalog()
	for i := range inds {
		inds[i].Modeled = inds[i].Domain == model.Readership
	}
	d, err := model.New(model.Parts{
		Indicators: inds,
		Countries:  []model.Country{{ISO2: "PX", Name: "Protectia", Protected: true}, {ISO2: "OX", Name: "Openia"}},
		Observations: []model.Observation{
			{ISO2: "PX", Indicator: model.IndWPEditors, Year: 2024, Value: 4327},
			{ISO2: "OX", Indicator: model.IndWPEditors, Year: 2024, Value: 4327},
		},
		Bounds: []model.BoundObservation{
			{ISO2: "PX", Indicator: model.IndWPEditors, Year: 2024, Bounds: model.Bounds{Lower: 4300, Upper: 4354}},
			{ISO2: "OX", Indicator: model.IndWPEditors, Year: 2024, Bounds: model.Bounds{Lower: 4300, Upper: 4354}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	px, _ := d.Country("PX")
	ox, _ := d.Country("OX")
	editors, _ := d.Indicator(model.IndWPEditors)
	devices, _ := d.Indicator(model.IndDevices)
	tests := []struct {
		name  string
		c     model.Country
		ind   model.Indicator
		year  int
		text  string
		exact bool
	}{
		{"protected, imported", px, editors, 2024, "4,321–4,330", false},
		{"protected, imported, no range published", px, editors, 2023, "4,321–4,330", false},
		{"protected, modeled", px, devices, 2024, "4,327", true},
		{"unprotected, imported, published range", ox, editors, 2024, "4,327 (4,300–4,354)", true},
		{"unprotected, imported, no range", ox, editors, 2023, "4,327", true},
	}
	for _, tt := range tests {
		o := report.Observe(d, tt.c, tt.ind, tt.year, 4327, report.Number)
		if o.Text() != tt.text || o.Exact != tt.exact {
			t.Errorf("%s: %q, exact %v; want %q, %v", tt.name, o.Text(), o.Exact, tt.text, tt.exact)
		}
	}
	if o := report.WikiEditors(d, px, model.Bounds{Lower: 4300, Upper: 4354}); o.Text() != "4,321–4,330" || o.Exact {
		t.Errorf("a protected country's wiki editors: %+v", o)
	}
	if o := report.WikiEditors(d, ox, model.Bounds{Lower: 4300, Upper: 4354}); o.Text() != "4,327 (4,300–4,354)" || !o.Exact {
		t.Errorf("an unprotected country's wiki editors: %+v", o)
	}
}

func TestShortSource(t *testing.T) {
	for _, c := range []struct{ title, publisher, want string }{
		{"Unicode CLDR 48 territory information", "Unicode, Inc.", "CLDR 48"},
		{"CIA World Factbook, 2015 edition", "Central Intelligence Agency", "CIA World Factbook"},
		{"Wikimedia canonical data: countries and wikis", "Wikimedia Foundation", "canonical data"},
		{"Modeled Wikimedia activity (equity sample model)", "equity project", "Modeled Wikimedia activity"},
		// the publisher's whole name is part of the source's: kept
		{"World Bank WDI: Population, total (API_SP.POP.TOTL.csv)", "World Bank", "World Bank WDI"},
		{"Geoeditors, 2023-01 (geoeditors-monthly-2023-01.tsv)", "Wikimedia Foundation", "Geoeditors"},
		{"Report", "Report", "Report"},
	} {
		if got := report.ShortSource(model.Source{Title: c.title, Publisher: c.publisher}); got != c.want {
			t.Errorf("ShortSource(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

// The modeled note calls modeled exactly what is: the sample's activity
// figures all, an imported database's remaining modeled inputs by name
// (growth inputs follow the input they rate), a real database nothing.
func TestModeledNote(t *testing.T) {
	dataset := func(kind string, modeled func(model.Indicator) bool) *model.Dataset {
		inds := model.Catalog()
		for i := range inds {
			inds[i].Modeled = inds[i].Facet != model.Context && modeled(inds[i])
		}
		d, err := model.New(model.Parts{Meta: model.Meta{Kind: kind}, Indicators: inds})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	all := func(model.Indicator) bool { return true }
	none := func(model.Indicator) bool { return false }
	readers := func(i model.Indicator) bool { return i.Domain == model.Readership }
	for _, tc := range []struct {
		name string
		d    *model.Dataset
		want string
	}{
		{"sample", dataset(model.KindSample, all),
			"SAMPLE DATA: the Wikimedia activity figures behind these scores (readers, editors, events, grants, affiliates) are MODELED, not published"},
		{"imported, readership still modeled", dataset(model.KindImported, readers),
			"PARTLY MODELED: the Wikimedia activity figures behind these scores: readers are MODELED, not published; the others are published"},
		{"imported, all real", dataset(model.KindImported, none), ""},
		{"imported, context figures alone", dataset(model.KindImported, all),
			"MODELED: the Wikimedia activity figures behind these scores (readers, editors, events, grants, affiliates) are MODELED, not published"},
	} {
		if got := report.ModeledNote(tc.d, "behind these scores"); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestPercentile(t *testing.T) {
	for _, c := range []struct {
		in   float64
		want string
	}{
		{86.7, "87th"}, {92.1, "92nd"}, {1.2, "1st"}, {3, "3rd"}, {11, "11th"}, {12.4, "12th"},
		{13, "13th"}, {21, "21st"}, {22, "22nd"}, {23, "23rd"}, {0, "0th"}, {100, "100th"}, {-5, "0th"}, {101, "100th"},
	} {
		if got := report.Percentile(c.in); got != c.want {
			t.Errorf("Percentile(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}
