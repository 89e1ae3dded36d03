package worldmap_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/equitylandscape/equity/geo"
	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
	"github.com/equitylandscape/equity/ui"
	"github.com/equitylandscape/equity/ui/common"
	"github.com/equitylandscape/equity/ui/keys"
	"github.com/equitylandscape/equity/ui/theme"
	"github.com/equitylandscape/equity/ui/worldmap"
)

var dataset *model.Dataset

func TestMain(m *testing.M) {
	flag.Parse()
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	dataset = d
	os.Exit(m.Run())
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if updating() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui/worldmap -update)", err)
	}
	if string(want) != got {
		t.Errorf("screen differs from %s (review, then `go test ./ui/worldmap -update`):\n%s", path, got)
	}
}

func newScreen(th string, w, h int) (*worldmap.Screen, *common.Context) {
	ctx := &common.Context{Data: dataset, Theme: theme.New(th, true), Keys: keys.NewGlobal(), Year: dataset.DefaultYear()}
	s := worldmap.New(ctx)
	s.SetSize(w, h)
	return s, ctx
}

func press(s *worldmap.Screen, k string) tea.Cmd {
	codes := map[string]rune{"left": tea.KeyLeft, "right": tea.KeyRight, "up": tea.KeyUp, "down": tea.KeyDown, "enter": tea.KeyEnter, "esc": tea.KeyEscape}
	msg := tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
	if c, ok := codes[k]; ok {
		msg = tea.KeyPressMsg{Code: c}
	}
	_, cmd := s.Update(msg)
	return cmd
}

func typeText(s *worldmap.Screen, text string) {
	for _, r := range text {
		s.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// selected is the country the screen names: the first line after ◆.
func selected(s *worldmap.Screen) string {
	v := ansi.Strip(s.View())
	i := strings.LastIndex(v, "◆ ")
	if i < 0 {
		return ""
	}
	rest := v[i+len("◆ "):]
	if j := strings.IndexAny(rest, "·\n"); j >= 0 {
		rest = rest[:j]
	}
	return strings.TrimSpace(rest)
}

// Arrows and hjkl go to the nearest country in that direction.
func TestMoves(t *testing.T) {
	for _, tc := range []struct {
		from, key, want string
	}{
		{"NG", "right", "Cameroon"},
		{"NG", "l", "Cameroon"},
		{"NG", "left", "Benin"},
		{"PT", "right", "Spain"},
		{"BR", "up", "French Guiana"},
		{"US", "up", "Canada"},
		{"CA", "down", "United States"},
	} {
		s, _ := newScreen(theme.Mono, 80, 20)
		s.Select(tc.from)
		press(s, tc.key)
		if got := selected(s); got != tc.want {
			t.Errorf("from %s, %s: %q, want %q", tc.from, tc.key, got, tc.want)
		}
	}
}

// m cycles through every measure and back; each names its year.
func TestMeasureCycles(t *testing.T) {
	s, ctx := newScreen(theme.Mono, 80, 20)
	first := s.Crumb()
	n := 0
	for {
		press(s, "m")
		n++
		if s.Crumb() == first || n > 100 {
			break
		}
		if !strings.Contains(ansi.Strip(s.View()), fmt.Sprint(ctx.Year)) {
			t.Errorf("%s: the year is not shown", s.Crumb())
		}
	}
	if want := len(model.Domains()) + 5; n < want {
		t.Errorf("m came back after %d measures, want at least %d", n, want)
	}
}

// / finds any country, a small island too, and enter opens it.
func TestFindAndOpen(t *testing.T) {
	s, _ := newScreen(theme.Mono, 80, 20)
	press(s, "/")
	if !s.Capturing() {
		t.Fatal("/ does not start a search")
	}
	typeText(s, "Tuvalu")
	press(s, "enter")
	if got := selected(s); got != "Tuvalu" {
		t.Fatalf("found %q, want Tuvalu", got)
	}
	cmd := press(s, "enter")
	if cmd == nil {
		t.Fatal("enter opens nothing")
	}
	if msg, ok := cmd().(common.OpenCountryMsg); !ok || msg.ISO2 != "TV" {
		t.Errorf("enter: %#v, want OpenCountryMsg{TV}", cmd())
	}
	press(s, "/")
	typeText(s, "Atlantis")
	press(s, "enter")
	if v := ansi.Strip(s.View()); !strings.Contains(v, "Atlantis") {
		t.Errorf("an unknown name says nothing:\n%s", v)
	}
}

// R highlights a region and greys the rest; z zooms to it; esc undoes.
func TestRegionAndZoom(t *testing.T) {
	s, _ := newScreen(theme.Mono, 200, 56)
	world := ansi.Strip(s.View())
	press(s, "R")
	region := dataset.WikimediaRegions()[0]
	v := ansi.Strip(s.View())
	if !strings.Contains(v, region) || !strings.Contains(v, "--") {
		t.Errorf("R: no %q or no greyed countries", region)
	}
	press(s, "z")
	zoomed := ansi.Strip(s.View())
	if !strings.Contains(zoomed, "(zoomed)") || zoomed == v {
		t.Error("z does not zoom")
	}
	if !s.Back() || !s.Back() || s.Back() {
		t.Error("esc does not end the zoom, then the region, then leave")
	}
	if got := ansi.Strip(s.View()); got != world {
		t.Error("after esc twice the map is not the world again")
	}
}

// The Countries filter greys the countries it leaves out.
func TestFilterGreys(t *testing.T) {
	s, ctx := newScreen(theme.Mono, 80, 20)
	before := ansi.Strip(s.View())
	ctx.Shown = map[string]bool{"NG": true}
	after := ansi.Strip(s.View())
	if strings.Count(after, "-") <= strings.Count(before, "-")+50 {
		t.Error("the countries outside the filter are not greyed")
	}
}

// A click on a country selects it.
func TestClickSelects(t *testing.T) {
	s, _ := newScreen(theme.Mono, 80, 20)
	s.Select("NG")
	lines := strings.Split(ansi.Strip(s.View()), "\n")
	for y, l := range lines {
		if x := strings.Index(l, "◆"); x >= 0 && y > 0 {
			col := ansi.StringWidth(l[:x])
			s.Select("US")
			s.Update(tea.MouseClickMsg{X: col, Y: y, Button: tea.MouseLeft})
			if got := selected(s); got != "Nigeria" {
				t.Errorf("a click on Nigeria's cell selects %q", got)
			}
			return
		}
	}
	t.Fatal("no ◆ on the map")
}

// Every size the interface lays out for: exactly the body's size.
func TestSizes(t *testing.T) {
	for _, th := range []string{theme.Mono, theme.Dark} {
		for _, sz := range [][2]int{{60, 12}, {80, 20}, {120, 36}, {200, 56}} {
			s, _ := newScreen(th, sz[0], sz[1])
			lines := strings.Split(s.View(), "\n")
			if len(lines) != sz[1] {
				t.Errorf("%s %dx%d: %d lines", th, sz[0], sz[1], len(lines))
			}
			for i, l := range lines {
				if n := ansi.StringWidth(l); n != sz[0] {
					t.Errorf("%s %dx%d: line %d is %d cells", th, sz[0], sz[1], i+1, n)
				}
			}
		}
	}
}

type recorder struct {
	tea.Model
	mu   *sync.Mutex
	last *string
}

func (r recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	r.Model, cmd = r.Model.Update(msg)
	return r, cmd
}

func (r recorder) View() tea.View {
	v := r.Model.View()
	r.mu.Lock()
	*r.last = ansi.Strip(v.Content)
	r.mu.Unlock()
	return v
}

func (r recorder) waitFor(t *testing.T, text string) string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		r.mu.Lock()
		s := *r.last
		r.mu.Unlock()
		if strings.Contains(s, text) {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("the screen never showed %q; last screen:\n%s", text, s)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// The section through a real program, in the mono theme: golden files at
// 80x24 and 200x60, and nothing wider than the window at 60x16.
func TestMapProgram(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {200, 60}, {60, 16}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			rec := recorder{Model: ui.New(dataset, ui.Options{Theme: theme.Mono}), mu: &sync.Mutex{}, last: new(string)}
			tm := teatest.NewTestModel(t, rec, teatest.WithInitialTermSize(sz.w, sz.h),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
			rec.waitFor(t, "countries")
			tm.Type("6")
			s := rec.waitFor(t, "◆ Nigeria")
			lines := strings.Split(s, "\n")
			if len(lines) != sz.h {
				t.Errorf("%d lines, want %d", len(lines), sz.h)
			}
			for i, l := range lines {
				if n := ansi.StringWidth(l); n > sz.w {
					t.Errorf("line %d is %d cells wide: %q", i+1, n, l)
				}
			}
			if sz.w >= 80 {
				golden(t, fmt.Sprintf("map-%dx%d.txt", sz.w, sz.h), s)
			}
			tm.Type("q")
			tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
		})
	}
}

// The command the map copies names a measure `equity map` accepts, for
// every measure the m key reaches.
func TestCommandMeasures(t *testing.T) {
	ctx := &common.Context{Data: dataset, Theme: theme.New(theme.Mono, true), Keys: keys.NewGlobal(), Year: dataset.DefaultYear()}
	s := worldmap.New(ctx)
	s.SetSize(80, 20)
	n := len(geo.Measures(dataset))
	if n == 0 {
		t.Fatal("no measures")
	}
	seen := map[string]bool{}
	for range n {
		args := s.Command()
		if len(args) < 5 || args[0] != "map" || args[1] != "--measure" || args[3] != "--year" || args[4] != fmt.Sprint(ctx.Year) {
			t.Fatalf("command %q", args)
		}
		if _, err := geo.FindMeasure(dataset, args[2]); err != nil {
			t.Errorf("equity map refuses the copied measure: %v", err)
		}
		seen[args[2]] = true
		s.Update(tea.KeyPressMsg{Code: 'm', Text: "m"})
	}
	if len(seen) != n {
		t.Errorf("m reached %d measures in %d presses, want %d", len(seen), n, n)
	}
}
