package model_test

import (
	"math"
	"slices"
	"testing"

	"github.com/equitylandscape/equity/model"
)

// readingParts are the fixture with Brazil's splits of 2016 and 2017 and
// a few months of its English Wikipedia series, one of them the split's
// own month, given out of order.
func readingParts() model.Parts {
	p := fixtureParts()
	p.Wikis = []model.Wiki{
		{DB: "enwiki", Lang: "en", Project: "wikipedia", Status: "open"},
		{DB: "ptwiki", Lang: "pt", Project: "wikipedia", Status: "open"},
		{DB: "zh_yuewiki", Lang: "yue", Project: "wikipedia", Status: "open"},
		{DB: "be_x_oldwiki", Lang: "be-tarask", Project: "wikipedia", Status: "open"},
	}
	p.Languages = map[string]string{"en": "English", "pt": "Portuguese", "yue": "Cantonese", "be-tarask": "Belarusian (Taraškievica orthography)"}
	for i := range p.Countries {
		if p.Countries[i].ISO2 == "BR" {
			p.Countries[i].Languages = []model.CountryLanguage{{Lang: "pt", PopulationPct: 98}, {Lang: "en", PopulationPct: 5}}
		}
	}
	split := model.SplitPeriod(2017, 6)
	p.Readings = []model.Reading{
		{ISO2: "BR", Project: "en.wikipedia", Year: 2017, Period: "2017-07", Views: 52},
		{ISO2: "BR", Project: model.OtherEdition, Year: 2017, Period: split, Views: 9, Share: 3},
		{ISO2: "BR", Project: "zh-yue.wikipedia", Year: 2017, Period: split, Views: 3, Share: 1},
		{ISO2: "BR", Project: "en.wikipedia", Year: 2017, Period: split, Views: 48, Share: 16},
		{ISO2: "BR", Project: "pt.wikipedia", Year: 2017, Period: split, Views: 240, Share: 80},
		{ISO2: "BR", Project: "en.wikipedia", Year: 2017, Period: "2017-06", Views: 50},
		{ISO2: "BR", Project: "en.wikipedia", Year: 2015, Period: "2015-05", Views: 40},
		{ISO2: "BR", Project: "be-tarask.wikipedia", Year: 2016, Period: model.SplitPeriod(2016, 6), Views: 1, Share: 100},
		{ISO2: "KE", Project: "en.wikipedia", Year: 2017, Period: "2017-06", Views: 7},
	}
	return p
}

func TestEditions(t *testing.T) {
	d, err := model.New(readingParts())
	if err != nil {
		t.Fatal(err)
	}
	projects := func(rs []model.Reading) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Project)
		}
		return out
	}
	tests := []struct {
		name string
		iso2 string
		year int
		want []string
	}{
		{"the year's split, largest share first, Other last", "BR", 2017, []string{"pt.wikipedia", "en.wikipedia", "zh-yue.wikipedia", model.OtherEdition}},
		{"a later year takes the latest split before it", "BR", 2024, []string{"pt.wikipedia", "en.wikipedia", "zh-yue.wikipedia", model.OtherEdition}},
		{"the year of the earlier split", "BR", 2016, []string{"be-tarask.wikipedia"}},
		{"no split before the first", "BR", 2015, nil},
		{"a series alone is no split", "KE", 2017, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := projects(d.Editions(tt.iso2, tt.year)); !slices.Equal(got, tt.want) {
				t.Errorf("Editions(%s, %d) = %v, want %v", tt.iso2, tt.year, got, tt.want)
			}
		})
	}

	var periods []string
	for _, r := range d.ReadingSeries("BR", "en.wikipedia") {
		periods = append(periods, r.Period)
		if r.InSplit() || r.Class() != model.ClassReal {
			t.Errorf("series reading %+v is in a split or not real", r)
		}
	}
	if want := []string{"2015-05", "2017-06", "2017-07"}; !slices.Equal(periods, want) {
		t.Errorf("ReadingSeries(BR) = %v, want %v: the split's English Wikipedia row is not a month of the series", periods, want)
	}
}

func TestEditionNames(t *testing.T) {
	d, err := model.New(readingParts())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		project, want string
	}{
		{"en.wikipedia", "English"},
		{"zh-yue.wikipedia", "Cantonese"},                                // database zh_yuewiki, language yue
		{"be-tarask.wikipedia", "Belarusian (Taraškievica orthography)"}, // renamed: be_x_oldwiki
		{model.OtherEdition, "Other"},
		{"xx.wikipedia", "xx.wikipedia"}, // no such wiki: the project as given
	}
	for _, tt := range tests {
		if got := d.EditionName(model.Reading{Project: tt.project}); got != tt.want {
			t.Errorf("EditionName(%s) = %q, want %q", tt.project, got, tt.want)
		}
	}
}

func TestSpokenShare(t *testing.T) {
	d, err := model.New(readingParts())
	if err != nil {
		t.Fatal(err)
	}
	br, _ := d.FindCountry("BR")
	split := d.Editions("BR", 2017)
	pct, n := d.SpokenShare(br, split)
	if math.Abs(pct-96) > 1e-9 || n != 2 {
		t.Errorf("SpokenShare(BR) = %v, %d; want 96 (pt 80 + en 16), 2 editions", pct, n)
	}
	pt, _ := d.Wikipedia("pt")
	if v, ok := d.ShareOf(split, pt); !ok || v != 80 {
		t.Errorf("ShareOf(ptwiki) = %v, %v", v, ok)
	}
	if _, ok := d.ShareOf(split, model.Wiki{DB: "frwiki"}); ok {
		t.Error("ShareOf(frwiki) found an edition the split does not name")
	}
}

func TestMonthName(t *testing.T) {
	for period, want := range map[string]string{
		"2017-06":                  "June 2017",
		"2017-06 (Wikipedia only)": "June 2017",
		"2017":                     "2017",
		"":                         "",
	} {
		if got := model.MonthName(period); got != want {
			t.Errorf("MonthName(%q) = %q, want %q", period, got, want)
		}
	}
	if got := model.ShortMonth("2015-05"); got != "May 2015" {
		t.Errorf("ShortMonth = %q", got)
	}
}
