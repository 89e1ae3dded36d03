package ui_test

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui"
	"github.com/equitylandscape/equity/ui/theme"
)

// sizes are the two terminals every flow is tried at: a laptop's default
// and a large shared screen.
var sizes = []struct{ w, h int }{{80, 24}, {120, 40}}

// The walk the issue describes: search, open a country, open a domain, come
// back with the search still there, look at the help, quit.
func TestExploreFlow(t *testing.T) {
	d := sample(t)
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			dr := newDriver(t, d, sz.w, sz.h)
			home := dr.screen()
			checkFrame(t, home, sz.w, sz.h)
			mustContain(t, home, "1 Countries", "Countries", "250 of 250 countries", "real ", "mostly published figures", "Afghanistan")
			golden(t, fmt.Sprintf("home-%dx%d.txt", sz.w, sz.h), home)

			// The opening year has published figures alone; the walk goes
			// on a year back, where the sample models every domain.
			dr.keys("Y")
			year := d.Years[slices.Index(d.Years, d.DefaultYear())-1]
			// The badge now counts estimated and modeled figures, with
			// the marks the table carries.
			mustContain(t, dr.screen(), fmt.Sprint(year), "~est.", "*modeled", "~", "*")

			dr.keys("/")
			dr.typing("nige")
			s := dr.screen()
			checkFrame(t, s, sz.w, sz.h)
			mustContain(t, s, "2 of 250 countries", "Niger", "Nigeria")
			mustNotContain(t, s, "Afghanistan", "Algeria")

			dr.keys("enter") // keep the search
			dr.keys("enter") // open the likeliest match
			s = dr.screen()
			checkFrame(t, s, sz.w, sz.h)
			mustContain(t, s, "Countries › Nigeria", "Sub-Saharan Africa", "English", "Readership", "Editorship")
			golden(t, fmt.Sprintf("country-ng-%dx%d.txt", sz.w, sz.h), s)

			dr.keys("down", "enter") // Editorship
			s = dr.screen()
			checkFrame(t, s, sz.w, sz.h)
			mustContain(t, s, "Countries › Nigeria › Editorship", "Wikipedia editors")
			presence, ok := d.Score("NG", model.Editorship, model.Presence, year)
			if !ok {
				t.Fatalf("Nigeria has no editorship score in %d", year)
			}
			mustContain(t, s, fmt.Sprintf("%.1f", presence))
			golden(t, fmt.Sprintf("indicator-ng-editorship-%dx%d.txt", sz.w, sz.h), s)

			dr.keys("esc", "esc")
			s = dr.screen()
			mustContain(t, s, "2 of 250 countries", "search", "nige", "Nigeria")
			mustNotContain(t, s, "Countries ›")

			dr.keys("?")
			s = dr.screen()
			checkFrame(t, s, sz.w, sz.h)
			mustContain(t, s, "Keys — Countries", "search", "filter", "quit")
			dr.keys("?")
			mustNotContain(t, dr.screen(), "Keys — Countries")

			dr.keys("q")
			if !dr.quit {
				t.Error("q did not quit")
			}
		})
	}
}

// The same walk through a real Bubble Tea program: keys arrive through
// the program's input, the renderer writes to a terminal stream, and q ends
// the program. The screen is read from what the model last drew, since the
// renderer writes only the cells that change.
func TestExploreProgram(t *testing.T) {
	d := sample(t)
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			rec := &recorder{Model: ui.New(d, ui.Options{Theme: theme.Mono}), last: new(screenText)}
			tm := teatest.NewTestModel(t, rec,
				teatest.WithInitialTermSize(sz.w, sz.h),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
			rec.waitFor(t, "250 of 250 countries")
			tm.Type("/nige")
			rec.waitFor(t, "2 of 250 countries")
			tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
			tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
			rec.waitFor(t, "Countries › Nigeria")
			tm.Send(tea.KeyPressMsg{Code: tea.KeyDown})
			tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
			rec.waitFor(t, "Countries › Nigeria › Editorship")
			tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
			tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
			rec.waitFor(t, "2 of 250 countries")
			tm.Type("?")
			rec.waitFor(t, "Keys — Countries")
			tm.Type("?q")
			tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
			out, _ := io.ReadAll(tm.FinalOutput(t))
			if !bytes.Contains(out, []byte("\x1b[?1049l")) {
				t.Error("the program did not leave the alternate screen: the terminal is not restored")
			}
		})
	}
}

// screenText is the last screen a model drew, shared with the test.
type screenText struct {
	mu   sync.Mutex
	text string
}

// recorder wraps the root model and keeps what it draws.
type recorder struct {
	tea.Model
	last *screenText
}

func (r *recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	r.Model, cmd = r.Model.Update(msg)
	return r, cmd
}

func (r *recorder) View() tea.View {
	v := r.Model.View()
	r.last.mu.Lock()
	r.last.text = ansi.Strip(v.Content)
	r.last.mu.Unlock()
	return v
}

func (r *recorder) waitFor(t *testing.T, text string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		r.last.mu.Lock()
		s := r.last.text
		r.last.mu.Unlock()
		if strings.Contains(s, text) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the screen never showed %q; last screen:\n%s", text, s)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
