package ui_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/equitylandscape/equity/ui"
	"github.com/equitylandscape/equity/ui/theme"
	"github.com/equitylandscape/equity/ui/tour"
)

// shippedTours are the tours in the repository and what their last step
// shows.
var shippedTours = []struct {
	file string
	end  []string
}{
	{"uc1-grants-nigeria.txt", []string{"Use case 1 · Nigeria", "Question 4 of 4", "1.4", "affiliates"}},
	{"uc2-support-ssa.txt", []string{"Use case 2 · Sub-Saharan Africa", "Question 5 of 5", "2.5"}},
}

func loadTour(t *testing.T, file string) *tour.Tour {
	t.Helper()
	tr, err := tour.Load(filepath.Join("..", "tours", file))
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// Every shipped tour plays end to end at 80x24: each step's caption
// stands at the top, nothing wraps, and the last step shows what it says.
// Going back a step replays the keys up to it.
func TestShippedToursPlay(t *testing.T) {
	files, _ := filepath.Glob("../tours/*.txt")
	if len(files) != len(shippedTours) {
		t.Errorf("tours/ holds %d tours, the test knows %d", len(files), len(shippedTours))
	}
	d := sample(t)
	for _, c := range shippedTours {
		t.Run(c.file, func(t *testing.T) {
			tr := loadTour(t, c.file)
			dr := &driver{tb: t, m: ui.New(d, ui.Options{Theme: theme.Mono, Tour: tr})}
			dr.send(tea.WindowSizeMsg{Width: 80, Height: 24})
			var screens []string
			for i, st := range tr.Steps {
				if i > 0 {
					dr.keys("space")
				}
				s := dr.screen()
				checkFrame(t, s, 80, 24)
				head := fmt.Sprintf("%d/%d", i+1, len(tr.Steps))
				if !strings.HasPrefix(strings.TrimSpace(s), head) {
					t.Errorf("step %d: the caption does not stand at the top:\n%s", i+1, s)
				}
				mustContain(t, s, strings.Fields(st.Caption)[0])
				screens = append(screens, s)
			}
			last := screens[len(screens)-1]
			mustContain(t, last, c.end...)
			dr.keys("space") // past the end: nothing moves
			if got := dr.screen(); got != last {
				t.Errorf("space on the last step changed the screen:\n%s", got)
			}
			dr.keys("left")
			if got, want := body(dr.screen()), body(screens[len(screens)-2]); got != want {
				t.Errorf("← did not bring back the step before:\n--- want\n%s\n--- got\n%s", want, got)
			}
			dr.keys("right")
			if got := body(dr.screen()); got != body(last) {
				t.Errorf("→ did not go forward again:\n%s", got)
			}
		})
	}
}

// body is a screen without its last line, the key echo (a replay echoes
// the keys of the step again).
func body(s string) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[:len(lines)-1], "\n")
}

// A tour plays in the real program: keys go through the program's loop
// with the messages they cause handled in order.
func TestTourProgram(t *testing.T) {
	d := sample(t)
	tr := loadTour(t, shippedTours[0].file)
	rec := &recorder{Model: ui.New(d, ui.Options{Theme: theme.Dark, Tour: tr}), last: new(screenText)}
	tm := teatest.NewTestModel(t, rec,
		teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	rec.waitFor(t, fmt.Sprintf("1/%d", len(tr.Steps)))
	for i := 1; i < len(tr.Steps); i++ {
		tm.Send(tea.KeyPressMsg{Code: tea.KeyRight})
		rec.waitFor(t, fmt.Sprintf("%d/%d", i+1, len(tr.Steps)))
	}
	for _, want := range shippedTours[0].end {
		rec.waitFor(t, want)
	}
	tm.Send(tea.KeyPressMsg{Code: tea.KeyLeft})
	rec.waitFor(t, "Question 3 of 4")
	tm.Type("q")
	tm.WaitFinished(t)
}
