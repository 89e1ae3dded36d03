package ui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// At the smallest size the explorer draws (60x16), every screen with a
// cursor keeps the selected row in the frame while the keys move it: a
// country's six domains, an indicator's countries, the strategy
// initiatives. Each screen is opened at a comfortable size and then shrunk,
// as a window is.
func TestShortWindowKeepsSelectionInView(t *testing.T) {
	d := sample(t)
	moves := []string{"down", "down", "down", "down", "down", "down", "down", "down", "down", "up", "up", "up", "up", "G", "up", "up", "g", "down", "G", "g"}
	pages := []string{"pgdn", "pgdn", "pgup", "G", "pgup", "g", "pgdn"}
	for _, c := range []struct {
		name  string
		setup func(dr *driver)
		// reach is how many ↓ the selection may take to come into view
		// from the page's top (text above the list on a short window).
		reach int
		keys  []string
	}{
		{"countries", func(dr *driver) {}, 0, append(moves, pages...)},
		{"country", func(dr *driver) { dr.keys("/"); dr.typing("nigeria"); dr.keys("enter", "enter") }, 6, moves},
		{"indicator", func(dr *driver) { dr.keys("/"); dr.typing("nigeria"); dr.keys("enter", "enter", "enter") }, -1, moves},
		{"regions", func(dr *driver) { dr.keys("2") }, 0, append(moves, pages...)},
		{"subregions", func(dr *driver) { dr.keys("2", "g") }, 0, append(moves, pages...)},
		{"compare countries", func(dr *driver) { dr.keys("space", "down", "space", "down", "space", "c") }, 0, append(moves, pages...)},
		{"checklist picker", func(dr *driver) { dr.keys("3") }, 0, append(moves, pages...)},
		// The country picker types letters: only the arrows and page keys move.
		{"checklist country picker", func(dr *driver) { dr.keys("3", "enter") }, 0, []string{"down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "pgdn", "pgdn", "up", "pgup", "pgup", "up", "down"}},
		{"strategy", func(dr *driver) { dr.keys("5", "v") }, 0, moves},
	} {
		t.Run(c.name, func(t *testing.T) {
			dr := newDriver(t, d, 120, 40)
			c.setup(dr)
			dr.send(tea.WindowSizeMsg{Width: 60, Height: 16})
			switch {
			case c.reach < 0:
				// The list is far below the text: G goes to it.
				dr.send(shortKey("G"))
			case c.reach > 0:
				for i := 0; i < c.reach && !strings.Contains(dr.screen(), "▶"); i++ {
					dr.send(shortKey("down"))
				}
			}
			if !strings.Contains(dr.screen(), "▶") {
				t.Fatalf("the selection is not in view after %d ↓:\n%s", max(c.reach, 0), dr.screen())
			}
			for i, k := range c.keys {
				dr.send(shortKey(k))
				s := dr.screen()
				checkFrame(t, s, 60, 16)
				if !strings.Contains(s, "▶") {
					t.Fatalf("after %v the selected row is outside the frame:\n%s", c.keys[:i+1], s)
				}
			}
		})
	}
}

// Screens without a row cursor scroll at 60x16 and stay in the frame; the
// map's cursor (◆) stays on it.
func TestShortWindowPagesScroll(t *testing.T) {
	d := sample(t)
	for _, c := range []struct {
		name  string
		setup func(dr *driver)
		mark  string
	}{
		{"about", func(dr *driver) { dr.keys("4") }, ""},
		{"movement", func(dr *driver) { dr.keys("5") }, ""},
		{"checklist question", func(dr *driver) { dr.keys("3", "enter"); dr.typing("nigeria"); dr.keys("enter") }, ""},
		{"map", func(dr *driver) { dr.keys("6") }, "◆"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dr := newDriver(t, d, 120, 40)
			c.setup(dr)
			dr.send(tea.WindowSizeMsg{Width: 60, Height: 16})
			first := dr.screen()
			for _, k := range []string{"down", "down", "pgdn", "G", "up", "pgup", "g", "down"} {
				dr.send(shortKey(k))
				s := dr.screen()
				checkFrame(t, s, 60, 16)
				if c.mark != "" && !strings.Contains(s, c.mark) {
					t.Fatalf("after %s the cursor %s is outside the frame:\n%s", k, c.mark, s)
				}
			}
			if c.mark == "" {
				dr.keys("g")
				dr.send(shortKey("pgdn"))
				if dr.screen() == first {
					t.Errorf("pgdn does not scroll:\n%s", first)
				}
			}
		})
	}
}

func shortKey(k string) tea.KeyPressMsg {
	switch k {
	case "pgdn":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	}
	return keyPress(k)
}
