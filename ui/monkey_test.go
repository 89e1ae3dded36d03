package ui_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/equitylandscape/equity/store/session"
	"github.com/equitylandscape/equity/ui"
	"github.com/equitylandscape/equity/ui/theme"
)

// A seeded random walk over every screen: thousands of key presses, mouse
// wheel turns and clicks, with the window resized now and then. Whatever
// the order, nothing panics and every frame is exactly the window. Quit
// keys are left out so the walk goes on; the seed is in the failure.
func TestRandomWalk(t *testing.T) {
	d := sample(t)
	vocabulary := []string{
		"1", "2", "3", "4", "tab", "enter", "enter", "esc", "backspace", "up", "down", "down", "left", "right",
		"?", "/", "f", "R", "s", "S", "y", "g", "G", "c", "x", "v", "space", "u", "n", "p", "N", "e", "a", "H", "j", "k", "h", "l",
		"b", "r", "z", "i", ":", "<", "5", `"`, "-",
	}
	steps := 3000
	if testing.Short() {
		steps = 500
	}
	for seed := uint64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			t.Chdir(t.TempDir()) // w writes a report here
			rng := rand.New(rand.NewPCG(seed, 2026))
			dr := &driver{tb: t, m: ui.New(d, ui.Options{Theme: theme.HighContrast, Sessions: session.New(t.TempDir())})}
			w, h := 80, 24
			dr.send(tea.WindowSizeMsg{Width: w, Height: h})
			var trail []string
			// The screens the walk saw, by their breadcrumbs: a walk that
			// stays on one screen proves little.
			seen := map[string]bool{}
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("panic %v after %s", r, strings.Join(trail[max(0, len(trail)-30):], " "))
				}
			}()
			for i := 0; i < steps; i++ {
				switch n := rng.IntN(100); {
				case n < 2:
					w, h = 40+rng.IntN(180), 8+rng.IntN(60)
					trail = append(trail, fmt.Sprintf("[%dx%d]", w, h))
					dr.send(tea.WindowSizeMsg{Width: w, Height: h})
				case n < 5:
					trail = append(trail, "[wheel]")
					dr.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown, X: rng.IntN(w), Y: rng.IntN(h)})
				case n < 7:
					x, y := rng.IntN(w), rng.IntN(h)
					trail = append(trail, fmt.Sprintf("[click %d,%d]", x, y))
					dr.send(tea.MouseClickMsg{Button: tea.MouseLeft, X: x, Y: y})
				default:
					k := vocabulary[rng.IntN(len(vocabulary))]
					trail = append(trail, k)
					dr.keys(k)
				}
				if dr.quit {
					t.Fatalf("the walk quit after %s", strings.Join(trail[max(0, len(trail)-30):], " "))
				}
				s := dr.screen()
				if ls := strings.Split(s, "\n"); len(ls) > 1 {
					seen[strings.TrimSpace(ls[1])] = true
				}
				if w >= 60 && h >= 16 {
					checkFrame(t, s, w, h)
				} else if strings.Count(s, "\n") >= h {
					t.Fatalf("%dx%d: the too-small message is %d lines", w, h, strings.Count(s, "\n")+1)
				}
				if t.Failed() {
					t.Fatalf("after %s:\n%s", strings.Join(trail[max(0, len(trail)-30):], " "), s)
				}
			}
			if len(seen) < 10 {
				t.Errorf("the walk saw only %d screens: %v", len(seen), seen)
			}
		})
	}
}
