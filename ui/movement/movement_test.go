package movement_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
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
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
	"github.com/equitylandscape/equity/ui"
	"github.com/equitylandscape/equity/ui/common"
	"github.com/equitylandscape/equity/ui/keys"
	"github.com/equitylandscape/equity/ui/movement"
	"github.com/equitylandscape/equity/ui/theme"
)

// dataset is the bundled sample database, loaded once.
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

// golden compares a screen with testdata/name, or writes it under -update.
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
		t.Fatalf("%v (run go test ./ui/movement -update)", err)
	}
	if string(want) != got {
		t.Errorf("screen differs from %s (review, then `go test ./ui/movement -update`):\n%s", path, got)
	}
}

func newScreen(d *model.Dataset, w, h int) *movement.Screen {
	s, _ := newScreenCtx(d, w, h)
	return s
}

// newScreenCtx also returns the context, whose year the root steps.
func newScreenCtx(d *model.Dataset, w, h int) (*movement.Screen, *common.Context) {
	ctx := &common.Context{Data: d, Theme: theme.New(theme.Mono, true), Keys: keys.NewGlobal(), Year: d.LatestFullYear()}
	s := movement.New(ctx)
	s.SetSize(w, h)
	return s, ctx
}

func press(s *movement.Screen, k string) {
	codes := map[string]rune{"down": tea.KeyDown, "pgdown": tea.KeyPgDown, "end": tea.KeyEnd}
	msg := tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
	if c, ok := codes[k]; ok {
		msg = tea.KeyPressMsg{Code: c}
	}
	_, cmd := s.Update(msg)
	for cmd != nil {
		m := cmd()
		if _, ok := m.(common.YearChangedMsg); !ok {
			break
		}
		_, cmd = s.Update(m)
	}
}

// checkFrame: exactly h lines of exactly w cells, nothing wider.
func checkFrame(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Errorf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n != w {
			t.Errorf("line %d is %d cells wide, want %d: %q", i+1, n, w, ansi.Strip(l))
		}
	}
}

// Every page at every size keeps to its frame, scrolled to the top and to
// the bottom, in every order.
func TestFrames(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{60, 12}, {80, 20}, {200, 56}, {61, 13}, {137, 31}} {
		s := newScreen(dataset, sz.w, sz.h)
		for _, step := range []string{"", "end", "v", "end", "s", "pgdown", "s", "end"} {
			if step != "" {
				press(s, step)
			}
			checkFrame(t, s.View(), sz.w, sz.h)
		}
	}
}

// The metrics page says MODELED loudly for the bundled sample, sets the
// published figures beside the computed ones, and says on or off track in
// words and signs.
func TestMetricsPage(t *testing.T) {
	s, ctx := newScreenCtx(dataset, 200, 200)
	v := ansi.Strip(s.View())
	for _, want := range []string{
		"MODELED", "the others the sample's MODELED figures",
		"+7.3% 89K", "+6.0% 71K", "+9.5% 23K", "Goal +5%",
		"▲ on track", "▼ off track", "Established markets", "Emerging markets", "of which Least Developed", "Not classified",
		"Sub-Saharan Africa", "Northern & Western Europe",
		"India, Argentina, Vietnam, Iran and Brazil",
		"Baseline: 99K active editors/month", "not available# (6.6%/mo†)", "Youth", "72% of newcomers",
	} {
		if !strings.Contains(strings.ToLower(v), strings.ToLower(want)) {
			t.Errorf("the metrics page does not say %q", want)
		}
	}
	if got := s.Status(); !strings.Contains(strings.Join(got, " "), "MODELED") {
		t.Errorf("status %v", got)
	}
	// The root's y steps the year of the computed figures.
	ctx.NextYear()
	s.Update(common.YearChangedMsg{})
	years := dataset.Years
	y := years[(slices.Index(years, dataset.LatestFullYear())+1)%len(years)]
	next := fmt.Sprintf("editors %d vs %d", y, y-1)
	if v := ansi.Strip(s.View()); !strings.Contains(v, next) {
		t.Errorf("after y: %s", strings.SplitN(v, "\n", 2)[0])
	}
}

// After an import that made every editor figure real, the page says real;
// with some years real, partly MODELED.
func TestMetricsPageClasses(t *testing.T) {
	relabel := func(real func(year int) bool) *model.Dataset {
		p := dataset.Parts()
		for i, o := range p.Observations {
			if o.Indicator == model.IndAllEditors && real(o.Year) {
				p.Observations[i].Class = model.ClassReal
			}
		}
		p.Meta.Kind = model.KindImported
		d, err := model.New(p)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, tc := range []struct {
		name  string
		real  func(int) bool
		want  string
		never string
	}{
		{"all real", func(int) bool { return true }, "Real: these editor figures are published counts", "MODELED"},
		{"2024 real", func(y int) bool { return y == 2024 }, "PARTLY MODELED", ""},
	} {
		s := newScreen(relabel(tc.real), 200, 200)
		v := ansi.Strip(s.View())
		if !strings.Contains(v, tc.want) {
			t.Errorf("%s: the page does not say %q", tc.name, tc.want)
		}
		if tc.never != "" {
			// Only the published section may say MODELED: it never does.
			if strings.Contains(v, tc.never) {
				t.Errorf("%s: the page says %q", tc.name, tc.never)
			}
		}
	}
}

// The strategy page lists the 45, sorts them, marks those that bear on
// equity with the reason, and notes the footnote on 24.
func TestStrategyPage(t *testing.T) {
	s := newScreen(dataset, 120, 80)
	press(s, "v")
	v := ansi.Strip(s.View())
	for _, want := range []string{
		"Strategy priorities: by votes", "25 Regional & thematic hubs", "80", "66¹", "◆",
		"The regional hubs are this tool's first users", "first quartile (most",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("the strategy page does not say %q", want)
		}
	}
	first := func() string {
		lines := strings.Split(ansi.Strip(s.View()), "\n")
		return strings.TrimSpace(strings.TrimPrefix(lines[2], "▶"))
	}
	for _, tc := range []struct{ order, first string }{
		{"by recommendation", "2 Funding for underrepresented communities"},
		{"by number", "1 Systematic approach"},
		{"by votes", "25 Regional & thematic hubs"},
	} {
		press(s, "s")
		if !strings.HasPrefix(first(), tc.first) || !strings.Contains(ansi.Strip(s.View()), tc.order) {
			t.Errorf("%s: first row %q", tc.order, first())
		}
	}
	// The list ends with the page's notes: the footnote on 24.
	press(s, "end")
	if v := ansi.Strip(s.View()); !strings.Contains(v, "¹ 24 The Global Council") || !strings.Contains(v, "Interim Global Council") {
		t.Errorf("the footnote on 24 is not shown")
	}
}

// recorder wraps the root model and keeps the text of what it draws.
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

// The section through a real program: its number key, both pages, at the
// smallest common terminal and a large one, against golden files (mono
// theme, no colour).
func TestMovementProgram(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			rec := recorder{Model: ui.New(dataset, ui.Options{Theme: theme.Mono}), mu: &sync.Mutex{}, last: new(string)}
			tm := teatest.NewTestModel(t, rec, teatest.WithInitialTermSize(sz.w, sz.h),
				teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
			rec.waitFor(t, "250 of 250 countries")
			tm.Type("5")
			s := rec.waitFor(t, "By market")
			checkLines(t, s, sz.w, sz.h)
			golden(t, fmt.Sprintf("metrics-%dx%d.txt", sz.w, sz.h), s)
			tm.Type("v")
			s = rec.waitFor(t, "Strategy priorities: by votes")
			checkLines(t, s, sz.w, sz.h)
			golden(t, fmt.Sprintf("strategy-%dx%d.txt", sz.w, sz.h), s)
			tm.Type("?")
			rec.waitFor(t, "Keys — Strategy priorities")
			tm.Type("?q")
			tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
		})
	}
}

// checkLines: the whole screen, not a line wider than the terminal.
func checkLines(t *testing.T, s string, w, h int) {
	t.Helper()
	lines := strings.Split(s, "\n")
	if len(lines) != h {
		t.Errorf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line %d is %d cells wide: %q", i+1, n, l)
		}
	}
}
