package ui_test

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/equitylandscape/equity/ui"
	"github.com/equitylandscape/equity/ui/theme"
)

// The key echo, in the real program at 80x24 with the colour profile
// pinned: the keys typed show in the footer as someone watching would
// read them, and the footer keeps only the essential keys.
func TestPresentEchoGolden(t *testing.T) {
	d := sample(t)
	rec := &recorder{Model: ui.New(d, ui.Options{Theme: theme.Dark, Present: true}), last: new(screenText)}
	tm := teatest.NewTestModel(t, rec,
		teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	rec.waitFor(t, "250 of 250 countries")
	tm.Type("/nige")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	rec.waitFor(t, "keys: / n i g e ⏎")
	rec.last.mu.Lock()
	s := rec.last.text
	rec.last.mu.Unlock()
	checkFrame(t, s, 80, 24)
	mustContain(t, s, "? help", "P present", "q quit", "2 of 250 countries")
	mustNotContain(t, s, "enter open • / search")
	golden(t, "present-echo-80x24.txt", s)
	tm.Type("q")
	tm.WaitFinished(t)
}

// P turns the presentation mode on and off: the high-contrast theme, the
// echo, the theme chosen coming back. Typed into a search, P is a letter.
func TestPresentToggle(t *testing.T) {
	d := sample(t)
	m := ui.New(d, ui.Options{Theme: theme.Dark})
	dr := &driver{tb: t, m: m}
	dr.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if m.ThemeName() != theme.Dark {
		t.Fatalf("theme %q", m.ThemeName())
	}
	dr.keys("P")
	if m.ThemeName() != theme.HighContrast {
		t.Errorf("P gave the theme %q, not high-contrast", m.ThemeName())
	}
	dr.keys("s")
	mustContain(t, dr.screen(), "keys: s")
	dr.keys("/")
	dr.typing("Pe")
	mustContain(t, dr.screen(), "keys: s / P e")
	if m.ThemeName() != theme.HighContrast {
		t.Error("P typed into the search left the presentation mode")
	}
	dr.keys("esc", "esc", "P")
	if m.ThemeName() != theme.Dark {
		t.Errorf("P again gave the theme %q, not the one chosen", m.ThemeName())
	}
	mustNotContain(t, dr.screen(), "keys:")

	// NO_COLOR's mono stays mono.
	mono := ui.New(d, ui.Options{Theme: theme.Mono, Present: true})
	if mono.ThemeName() != theme.Mono {
		t.Errorf("presenting under mono gave %q", mono.ThemeName())
	}
}

// The echo keeps the last keys that fit, newest last, at any width.
func TestPresentEchoFits(t *testing.T) {
	d := sample(t)
	for _, w := range []int{60, 80, 200} {
		dr := &driver{tb: t, m: ui.New(d, ui.Options{Theme: theme.Mono, Present: true})}
		dr.send(tea.WindowSizeMsg{Width: w, Height: 24})
		dr.keys("f")
		dr.typing("market:expand internet<20")
		s := dr.screen()
		checkFrame(t, s, w, 24)
		lines := strings.Split(s, "\n")
		last := lines[len(lines)-1]
		if !strings.Contains(last, "< 2 0") {
			t.Errorf("%d columns: the newest keys are not in the echo: %q", w, last)
		}
		mustContain(t, s, "market:expand internet<20")
	}
}

// y and ] step the year forward, Y and [ back, on every screen; in a
// checklist y is the verdict and the brackets step the year.
func TestYearKeys(t *testing.T) {
	d := sample(t)
	if len(d.Years) < 3 {
		t.Skip("the dataset has fewer than three years")
	}
	latest := d.DefaultYear()
	prev := func(y int) int {
		for i, x := range d.Years {
			if x == y {
				return d.Years[(i+len(d.Years)-1)%len(d.Years)]
			}
		}
		return 0
	}
	dr := newDriver(t, d, 80, 24)
	status := func() string {
		lines := strings.Split(dr.screen(), "\n")
		return lines[len(lines)-2]
	}
	mustContain(t, status(), fmt.Sprint(latest))
	dr.keys("Y")
	mustContain(t, status(), fmt.Sprint(prev(latest)))
	dr.keys("[")
	mustContain(t, status(), fmt.Sprint(prev(prev(latest))))
	dr.keys("]", "y")
	mustContain(t, status(), fmt.Sprint(latest))

	// A country's page follows, and so does the Movement section.
	dr.keys("/")
	dr.typing("nigeria")
	dr.keys("enter", "enter", "Y")
	mustContain(t, dr.screen(), fmt.Sprintf("Domains, %d", prev(latest)))
	dr.keys("y", "5", "Y")
	mustContain(t, status(), fmt.Sprint(prev(latest)))

	// The checklist: y answers yes, [ steps the year.
	dr.keys("3", "enter")
	dr.typing("nigeria")
	dr.keys("enter", "y")
	s := dr.screen()
	mustContain(t, s, "✓ YES", fmt.Sprint(prev(latest)))
	dr.keys("]")
	mustContain(t, dr.screen(), fmt.Sprintf("Nigeria · %d", latest))
}

// The help lists the section keys there are, and the year keys.
func TestHelpSections(t *testing.T) {
	d := sample(t)
	dr := newDriver(t, d, 120, 40)
	tabs := strings.Count(strings.Split(dr.screen(), "\n")[0], " ") // not used: count the sections from the tabs
	_ = tabs
	n := 0
	for i := 1; i <= 9; i++ {
		if strings.Contains(strings.Split(dr.screen(), "\n")[0], fmt.Sprintf(" %d ", i)) {
			n = i
		}
	}
	dr.keys("?")
	s := dr.screen()
	mustContain(t, s, fmt.Sprintf("1–%d", n), "go to section", "y ]", "next year", "Y [", "previous year", "C", "copy as command", "P", "presentation mode")
	mustNotContain(t, s, "1–9")
	dr.keys("?", fmt.Sprint(n+1))
	if strings.Contains(strings.Split(dr.screen(), "\n")[1], "Countries") == false {
		t.Errorf("a section key past the last section moved away:\n%s", dr.screen())
	}
}
