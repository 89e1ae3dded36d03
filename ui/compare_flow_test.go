package ui_test

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/equitylandscape/equity/ui"
	"github.com/equitylandscape/equity/ui/theme"
)

// The walk of the compare issue: the regions side by side, a region opened
// as a filtered table, three countries marked and compared.
func TestCompareFlow(t *testing.T) {
	d := sample(t)
	for _, sz := range []struct{ w, h int }{{80, 24}, {200, 50}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			dr := newDriver(t, d, sz.w, sz.h)
			dr.keys("2")
			s := dr.screen()
			checkFrame(t, s, sz.w, sz.h)
			mustContain(t, s, "Wikimedia regions", "CEECA", "ESEAP", "LAC", "MENA", "NWE", "SSA", "South Asia", "North America")
			golden(t, fmt.Sprintf("compare-regions-%dx%d.txt", sz.w, sz.h), s)

			// enter on the selected region shows its countries.
			dr.keys("enter")
			s = dr.screen()
			mustContain(t, s, "1 Countries", "filter", "region:")
			if c := dr.crumbs(); c != "Countries" {
				t.Errorf("enter on a region: crumbs %q", c)
			}
			dr.keys("esc") // clears the filter

			for _, name := range []string{"brazil", "india", "nigeria"} {
				dr.keys("/")
				dr.typing(name)
				dr.keys("enter", "space", "esc")
			}
			mustContain(t, dr.screen(), "3 marked")
			dr.keys("c")
			s = dr.screen()
			checkFrame(t, s, sz.w, sz.h)
			mustContain(t, s, "Countries compared", "Brazil", "India", "Nigeria")
			golden(t, fmt.Sprintf("compare-countries-%dx%d.txt", sz.w, sz.h), s)

			// The marks survive going back and forth.
			dr.keys("1", "2")
			mustContain(t, dr.screen(), "Brazil", "India", "Nigeria")
		})
	}
}

// The compare walk through a real program.
func TestCompareProgram(t *testing.T) {
	d := sample(t)
	rec := &recorder{Model: ui.New(d, ui.Options{Theme: theme.Mono}), last: new(screenText)}
	tm := teatest.NewTestModel(t, rec, teatest.WithInitialTermSize(200, 50),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	rec.waitFor(t, "250 of 250 countries")
	for _, name := range []string{"brazil", "india", "nigeria"} {
		tm.Type("/" + name)
		tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
		tm.Send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
		tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	}
	rec.waitFor(t, "3 marked")
	tm.Type("c")
	rec.waitFor(t, "Countries compared")
	rec.waitFor(t, "Nigeria")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
