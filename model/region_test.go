package model_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
)

// The eight Wikimedia regions of 2022, spelled as the canonical data spells
// them, in the byte order WikimediaRegions sorts them in.
const (
	regCEE      = "Central & Eastern Europe & Central Asia"
	regESEAP    = "East, Southeast Asia, & Pacific"
	regLAC      = "Latin America & Caribbean"
	regMENA     = "Middle East & North Africa"
	regNA       = "North America"
	regNWE      = "Northern & Western Europe"
	regSA       = "South Asia"
	regSSA      = "Sub-Saharan Africa"
	allRegions  = `"Central & Eastern Europe & Central Asia", "East, Southeast Asia, & Pacific", "Latin America & Caribbean", "Middle East & North Africa", "North America", "Northern & Western Europe", "South Asia", "Sub-Saharan Africa"`
	noRegionMsg = "; the regions are " + allRegions
)

// regionDataset has a country or two in each region, listed out of order,
// and Antarctica, which has no region.
func regionDataset(t *testing.T) *model.Dataset {
	t.Helper()
	d, err := model.New(model.Parts{Countries: []model.Country{
		{ISO2: "ZA", Name: "South Africa", WikimediaRegion: regSSA},
		{ISO2: "US", Name: "United States", WikimediaRegion: regNA},
		{ISO2: "AQ", Name: "Antarctica"},
		{ISO2: "NG", Name: "Nigeria", WikimediaRegion: regSSA},
		{ISO2: "IN", Name: "India", WikimediaRegion: regSA},
		{ISO2: "FR", Name: "France", WikimediaRegion: regNWE},
		{ISO2: "BR", Name: "Brazil", WikimediaRegion: regLAC},
		{ISO2: "EG", Name: "Egypt", WikimediaRegion: regMENA},
		{ISO2: "CN", Name: "China", WikimediaRegion: regESEAP},
		{ISO2: "PL", Name: "Poland", WikimediaRegion: regCEE},
		{ISO2: "CA", Name: "Canada", WikimediaRegion: regNA},
	}})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestWikimediaRegions(t *testing.T) {
	tests := []struct {
		name      string
		countries []model.Country
		want      []string
	}{
		{"every region once, sorted, no empty one", regionDataset(t).Countries, []string{
			"Central & Eastern Europe & Central Asia",
			"East, Southeast Asia, & Pacific",
			"Latin America & Caribbean",
			"Middle East & North Africa",
			"North America",
			"Northern & Western Europe",
			"South Asia",
			"Sub-Saharan Africa",
		}},
		{"only countries without a region", []model.Country{{ISO2: "AQ", Name: "Antarctica"}}, nil},
		{"no countries", nil, nil},
		{"two countries of one region", []model.Country{
			{ISO2: "NG", Name: "Nigeria", WikimediaRegion: "Sub-Saharan Africa"},
			{ISO2: "KE", Name: "Kenya", WikimediaRegion: "Sub-Saharan Africa"},
		}, []string{"Sub-Saharan Africa"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := model.New(model.Parts{Countries: tt.countries})
			if err != nil {
				t.Fatal(err)
			}
			if got := d.WikimediaRegions(); !slices.Equal(got, tt.want) {
				t.Errorf("WikimediaRegions() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFindRegion(t *testing.T) {
	d := regionDataset(t)
	tests := []struct {
		query string
		want  string
	}{
		{"South Asia", "South Asia"},
		{"Sub-Saharan Africa", "Sub-Saharan Africa"},
		{"East, Southeast Asia, & Pacific", "East, Southeast Asia, & Pacific"},
		// any case, surrounding blanks
		{"south asia", "South Asia"},
		{"SOUTH ASIA", "South Asia"},
		{"  north america ", "North America"},
		// "&" read as "and"
		{"latin america and caribbean", "Latin America & Caribbean"},
		{"Middle East and North Africa", "Middle East & North Africa"},
		{"central and eastern europe and central asia", "Central & Eastern Europe & Central Asia"},
		// punctuation ignored, and the "&" may be left out altogether
		{"east southeast asia pacific", "East, Southeast Asia, & Pacific"},
		{"east, southeast asia, and pacific", "East, Southeast Asia, & Pacific"},
		{"latin america caribbean", "Latin America & Caribbean"},
		{"sub saharan africa", "Sub-Saharan Africa"},
		{"sub_saharan/africa", "Sub-Saharan Africa"},
		// accents ignored
		{"Latin Amérïca & Caribbean", "Latin America & Caribbean"},
		// a unique prefix
		{"sub-saharan", "Sub-Saharan Africa"},
		{"sub", "Sub-Saharan Africa"},
		{"central", "Central & Eastern Europe & Central Asia"},
		{"latin america &", "Latin America & Caribbean"},
		{"northern", "Northern & Western Europe"},
		{"lat", "Latin America & Caribbean"},
		// an exact name wins over the longer names it starts
		{"North America", "North America"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, err := d.FindRegion(tt.query)
			if err != nil || got != tt.want {
				t.Errorf("FindRegion(%q) = %q, %v; want %q", tt.query, got, err, tt.want)
			}
		})
	}
}

func TestFindRegionRefuses(t *testing.T) {
	d := regionDataset(t)
	tests := []struct {
		query   string
		message string // the whole error
	}{
		// "north" starts "North America" and "Northern & Western Europe"
		{"north", `"north" matches several Wikimedia regions: "North America", "Northern & Western Europe"; give more of the name`},
		{"s", `"s" matches several Wikimedia regions: "South Asia", "Sub-Saharan Africa"; give more of the name`},
		// a word inside a name is not a prefix of it
		{"europe", `no Wikimedia region matches "europe"` + noRegionMsg},
		{"Atlantis", `no Wikimedia region matches "Atlantis"` + noRegionMsg},
		{"south asia pacific", `no Wikimedia region matches "south asia pacific"` + noRegionMsg},
		// nothing to match
		{"", `no Wikimedia region matches ""` + noRegionMsg},
		{"   ", `no Wikimedia region matches "   "` + noRegionMsg},
		{"&", `no Wikimedia region matches "&"` + noRegionMsg},
		{"and", `no Wikimedia region matches "and"` + noRegionMsg},
		{"-", `no Wikimedia region matches "-"` + noRegionMsg},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got, err := d.FindRegion(tt.query)
			if err == nil {
				t.Fatalf("FindRegion(%q) = %q, want an error", tt.query, got)
			}
			if got != "" {
				t.Errorf("FindRegion(%q) returned %q with its error", tt.query, got)
			}
			if err.Error() != tt.message {
				t.Errorf("FindRegion(%q) error\n%s\nwant\n%s", tt.query, err, tt.message)
			}
		})
	}
}

// A dataset without regions has nothing to find, and says so.
func TestFindRegionNoRegions(t *testing.T) {
	d, err := model.New(model.Parts{Countries: []model.Country{{ISO2: "AQ", Name: "Antarctica"}}})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := d.FindRegion("antarctica"); err == nil || !strings.HasPrefix(err.Error(), `no Wikimedia region matches "antarctica"`) {
		t.Errorf("FindRegion(antarctica) = %q, %v; want a no-match error", got, err)
	}
}
