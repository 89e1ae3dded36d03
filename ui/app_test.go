package ui_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
	"github.com/equitylandscape/equity/ui"
	"github.com/equitylandscape/equity/ui/theme"
)

// updating reports whether -update was given. The flag is defined by the
// golden-file package teatest brings in; defining it again would panic.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func sample(tb testing.TB) *model.Dataset {
	tb.Helper()
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// driver runs the root model without a terminal: each message goes through
// Update, and the commands it returns are run at once and their messages
// fed back, so that a test reads the screen after every step exactly as the
// program would draw it.
type driver struct {
	tb   testing.TB
	m    tea.Model
	quit bool
}

func newDriver(tb testing.TB, d *model.Dataset, w, h int) *driver {
	tb.Helper()
	dr := &driver{tb: tb, m: ui.New(d, ui.Options{Theme: theme.Mono})}
	dr.send(tea.WindowSizeMsg{Width: w, Height: h})
	return dr
}

func (dr *driver) send(msg tea.Msg) {
	var cmd tea.Cmd
	dr.m, cmd = dr.m.Update(msg)
	dr.run(cmd)
}

func (dr *driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	msg := cmd()
	switch msg := msg.(type) {
	case nil:
	case tea.QuitMsg:
		dr.quit = true
	case tea.BatchMsg:
		for _, c := range msg {
			dr.run(c)
		}
	default:
		if isBlink(msg) {
			return // the text input's cursor: not part of what is drawn
		}
		dr.send(msg)
	}
}

// isBlink recognises the cursor's own messages by their package, so that a
// test does not wait on a timer.
func isBlink(msg tea.Msg) bool {
	return strings.Contains(strings.ToLower(fmt.Sprintf("%T", msg)), "cursor")
}

// keys sends key presses: single characters, or names like "enter", "esc",
// "down", "space", "?".
func (dr *driver) keys(keys ...string) {
	for _, k := range keys {
		dr.send(keyPress(k))
	}
}

// typing sends each rune of s as a key press.
func (dr *driver) typing(s string) {
	for _, r := range s {
		dr.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: string(r)}
}

// screen is what the terminal shows, without styles.
func (dr *driver) screen() string {
	return ansi.Strip(dr.m.View().Content)
}

// golden compares the screen with testdata/name, or rewrites it.
func golden(tb testing.TB, name, got string) {
	tb.Helper()
	path := filepath.Join("testdata", name)
	if updating() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run `go test ./ui -update` to create it)", err)
	}
	if got != string(want) {
		tb.Errorf("screen differs from %s (review, then `go test ./ui -update`):\n--- want\n%s\n--- got\n%s", path, want, got)
	}
}

// checkFrame asserts the screen is exactly w × h cells: nothing wraps.
func checkFrame(tb testing.TB, s string, w, h int) {
	tb.Helper()
	lines := strings.Split(s, "\n")
	if len(lines) != h {
		tb.Errorf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			tb.Errorf("line %d is %d cells wide, want %d: %q", i+1, got, w, l)
		}
	}
}

func mustContain(tb testing.TB, s string, wants ...string) {
	tb.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			tb.Errorf("screen does not show %q:\n%s", w, s)
		}
	}
}

func mustNotContain(tb testing.TB, s string, nots ...string) {
	tb.Helper()
	for _, n := range nots {
		if strings.Contains(s, n) {
			tb.Errorf("screen shows %q:\n%s", n, s)
		}
	}
}

// A year change reaches every section: the screen in view at once, the
// others as they come into view (a hidden screen is not rebuilt on every
// keystroke), and a screen under another in its section when it is back on
// top.
func TestYearReachesEverySection(t *testing.T) {
	d := sample(t)
	dr := newDriver(t, d, 120, 40)
	first, second := d.Years[0], d.Years[1]
	// Open Nigeria, go back to the table, change the year twice (the
	// latest year wraps to the first, then the second).
	dr.keys("/")
	dr.typing("nigeria")
	dr.keys("enter", "enter")
	if !strings.Contains(dr.screen(), "Nigeria") {
		t.Fatal("Nigeria did not open")
	}
	dr.keys("5") // Movement, drawn for the latest year, then hidden
	dr.keys("1", "esc", "y", "y")
	for _, tc := range []struct{ keys, want string }{
		{"5", fmt.Sprintf("editors %d vs %d", second, first)},
		{"2", fmt.Sprint(second)},
		{"1", fmt.Sprint(second)},
	} {
		dr.keys(tc.keys)
		if v := dr.screen(); !strings.Contains(v, tc.want) {
			t.Errorf("section %s lacks %q:\n%s", tc.keys, tc.want, v)
		}
	}
}
