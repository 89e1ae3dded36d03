package country

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestReadings pages through the country screen at 80x24 and at a large
// size: the editions a country reads and its English Wikipedia months are
// there with their month, class and source, every frame fits, and a
// country in no split shows none.
func TestReadings(t *testing.T) {
	tests := []struct {
		iso2  string
		wants []string
		not   []string
	}{
		{"BR", []string{
			"Reads", "80.0%", // the Portuguese Wikipedia's share beside the language
			"Editions it reads", "June 2017 · Wikipedia views only · real",
			"Portuguese 80.0% · English 15.6%", "Other 0.5%",
			"of its views went to the Wikipedias of its languages",
			"Wikipedia Views Visualized", "Erik Zachte", "CC-BY-SA",
			"English Wikipedia by month", "May 2015 – Jun 2021 · English Wikipedia only · real",
			"May 2015 ", " Jun 2021", "Peak ", "74 months", "Wikimedia REST API",
		}, nil},
		// A protected country's counts are buckets; its shares are not.
		{"CN", []string{"Editions it reads", "English 77.2%", "English Wikipedia by month", "–"}, nil},
		// Antarctica is in no split (it has English Wikipedia months).
		{"AQ", []string{"English Wikipedia by month"}, []string{"Editions it reads", "Reads:"}},
	}
	for _, size := range [][2]int{{80, 24}, {200, 60}} {
		for _, tt := range tests {
			s := open(t, newContext(), tt.iso2, size[0], size[1])
			var pages []string
			for range 30 {
				view := s.View()
				checkFrame(t, view, size[0], size[1])
				pages = append(pages, ansi.Strip(view))
				press(s, "pgdown")
			}
			// Wrapped lines are read as one text.
			plain := strings.Join(strings.Fields(strings.Join(pages, "\n")), " ")
			for _, w := range tt.wants {
				if !strings.Contains(plain, strings.Join(strings.Fields(w), " ")) {
					t.Errorf("%s %dx%d: %q missing", tt.iso2, size[0], size[1], w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(plain, w) {
					t.Errorf("%s %dx%d: %q shown for a country without a split", tt.iso2, size[0], size[1], w)
				}
			}
		}
	}
}
