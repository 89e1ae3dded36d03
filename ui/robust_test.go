package ui_test

import (
	"fmt"
	"image/color"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store"
	"github.com/equitylandscape/equity/ui"
	"github.com/equitylandscape/equity/ui/theme"
)

// newThemed is newDriver with a theme of choice.
func newThemed(tb testing.TB, d *model.Dataset, name string, w, h int) *driver {
	tb.Helper()
	dr := &driver{tb: tb, m: ui.New(d, ui.Options{Theme: name})}
	dr.send(tea.WindowSizeMsg{Width: w, Height: h})
	return dr
}

// raw is what the terminal is sent, styles included.
func (dr *driver) raw() string { return dr.m.View().Content }

// crumbs is the breadcrumb line.
func (dr *driver) crumbs() string {
	return strings.TrimSpace(strings.Split(dr.screen(), "\n")[1])
}

// --- sizes -------------------------------------------------------------------

// The walk at every size from the smallest the interface lays out
// for to a large shared screen: every frame is exactly the window.
func TestWalkAtEverySize(t *testing.T) {
	d := sample(t)
	for _, sz := range []struct{ w, h int }{{60, 16}, {61, 17}, {80, 24}, {100, 30}, {120, 40}, {200, 50}, {250, 70}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			dr := newDriver(t, d, sz.w, sz.h)
			step := func(name string, want ...string) {
				t.Helper()
				s := dr.screen()
				checkFrame(t, s, sz.w, sz.h)
				for _, w := range want {
					if !strings.Contains(s, w) {
						t.Errorf("%s: the screen does not show %q:\n%s", name, w, s)
					}
				}
			}
			step("home", "250 of 250 countries")
			dr.keys("/")
			step("/")
			dr.typing("nige")
			step("/nige", "2 of 250 countries", "Nigeria")
			dr.keys("enter")
			step("enter keeps the search", "search nige")
			dr.keys("enter")
			step("open", "Countries › Nigeria")
			// Down until Editorship is selected: one press where the
			// domains are on the page, a few more on a short window,
			// where down first scrolls them into view.
			presses := 0
			for !strings.Contains(dr.screen(), "▶Editorship") {
				if presses++; presses > 12 {
					t.Fatalf("Editorship never came under the cursor:\n%s", dr.screen())
				}
				dr.keys("down")
				step("down")
			}
			if sz.h >= 24 && presses != 1 {
				t.Errorf("%d presses of down to reach Editorship, want 1", presses)
			}
			dr.keys("enter")
			step("indicator", "Countries › Nigeria › Editorship")
			dr.keys("G")
			step("G", "Countries › Nigeria › Editorship")
			dr.keys("esc")
			step("esc", "Countries › Nigeria")
			dr.keys("esc")
			step("esc esc", "2 of 250 countries", "search nige")
			if c := dr.crumbs(); c != "Countries" {
				t.Errorf("back home the crumbs are %q", c)
			}
			dr.keys("?")
			step("?", "Keys — Countries")
			dr.keys("?")
			step("? again", "2 of 250 countries")
			if dr.quit {
				t.Error("the walk quit")
			}
		})
	}
}

// On a window too short to show the domains, enter does not open one the
// user cannot see.
func TestEnterOnlyOnWhatIsSeen(t *testing.T) {
	dr := newDriver(t, sample(t), 60, 16)
	dr.keys("/")
	dr.typing("nigeria")
	dr.keys("enter", "enter")
	if strings.Contains(dr.screen(), "▶") {
		t.Fatalf("a domain is on the page at 60x16; the test needs it off:\n%s", dr.screen())
	}
	dr.keys("enter")
	if c := dr.crumbs(); c != "Countries › Nigeria" {
		t.Errorf("enter with no domain in view opened %q", c)
	}
}

// Below the smallest size the screen is one line asking for a bigger
// window, naming both sizes when they fit; q quits.
func TestTooSmall(t *testing.T) {
	d := sample(t)
	for _, sz := range []struct{ w, h int }{{59, 16}, {60, 15}, {40, 10}, {20, 5}, {12, 3}, {1, 1}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			dr := newDriver(t, d, sz.w, sz.h)
			for _, k := range []string{"", "/", "down", "enter", "?", "tab", aboutKey} {
				if k != "" {
					dr.keys(k)
				}
				s := dr.screen()
				if strings.Contains(s, "\n") {
					t.Fatalf("after %q the screen is more than one line:\n%s", k, s)
				}
				if w := ansi.StringWidth(s); w > sz.w || w == 0 {
					t.Fatalf("after %q the line is %d cells in a window of %d: %q", k, w, sz.w, s)
				}
				if t.Failed() {
					return // once is enough
				}
				have := fmt.Sprintf("%d×%d", sz.w, sz.h)
				need := fmt.Sprintf("%d×%d", ui.MinWidth, ui.MinHeight)
				switch {
				case sz.w >= 59:
					if !strings.Contains(s, have) || !strings.Contains(s, need) || !strings.Contains(strings.ToLower(s), "bigger") || !strings.Contains(s, "q quits") && !strings.Contains(s, "press q") {
						t.Errorf("the line %q should ask for a bigger window, name %s and %s, and say q quits", s, have, need)
					}
				case sz.w >= 40:
					if !strings.Contains(s, have) || !strings.Contains(s, need) || !strings.Contains(strings.ToLower(s), "bigger") {
						t.Errorf("the line %q should ask for a bigger window and name %s and %s", s, have, need)
					}
				case sz.w >= 16:
					if !strings.Contains(s, have) || !strings.Contains(s, need) {
						t.Errorf("the line %q should name %s and %s", s, have, need)
					}
				case sz.w >= len(have):
					if !strings.Contains(s, have) && !strings.Contains(s, need) {
						t.Errorf("the line %q names no size", s)
					}
				}
				if dr.quit {
					t.Fatalf("%q quit", k)
				}
			}
			if v := dr.m.View(); !v.AltScreen {
				t.Error("the small screen left the alternate screen")
			}
			dr.keys("q")
			if !dr.quit {
				t.Error("q did not quit")
			}
		})
	}
}

// Resizing on the indicator screen, through sizes too small and back, never
// panics, keeps every frame exact and comes back to the same screen.
func TestResizeNeverPanics(t *testing.T) {
	d := sample(t)
	dr := newDriver(t, d, 200, 50)
	dr.keys("/")
	dr.typing("nigeria")
	dr.keys("enter", "enter", "down", "enter")
	if c := dr.crumbs(); !strings.Contains(c, "Nigeria › Editorship") {
		t.Fatalf("not on the indicator screen: %q", c)
	}
	for _, sz := range []struct{ w, h int }{{200, 50}, {60, 16}, {30, 8}, {120, 40}, {59, 40}, {250, 15}, {0, 0}, {1, 200}, {60, 16}, {80, 24}} {
		dr.send(tea.WindowSizeMsg{Width: sz.w, Height: sz.h})
		s := dr.screen()
		switch {
		case sz.w == 0:
			// Nothing to lay out.
		case sz.w < ui.MinWidth || sz.h < ui.MinHeight:
			if strings.Contains(s, "\n") {
				t.Errorf("%dx%d: more than one line", sz.w, sz.h)
			}
		default:
			checkFrame(t, s, sz.w, sz.h)
			if !strings.Contains(s, "Countries › Nigeria › Editorship") {
				t.Errorf("%dx%d: the indicator screen is gone:\n%s", sz.w, sz.h, s)
			}
		}
		// Keys at every size.
		dr.keys("down", "G", "g")
		if sz.w >= ui.MinWidth && sz.h >= ui.MinHeight {
			checkFrame(t, dr.screen(), sz.w, sz.h)
		}
	}
}

func TestZeroSizeFirst(t *testing.T) {
	d := sample(t)
	dr := &driver{tb: t, m: ui.New(d, ui.Options{Theme: theme.Mono})}
	_ = dr.m.View() // before any size
	dr.send(tea.WindowSizeMsg{Width: 0, Height: 0})
	_ = dr.m.View()
	dr.keys("/", "n", "enter", "down", "?", "tab")
	_ = dr.m.View()
	dr.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	checkFrame(t, dr.screen(), 80, 24)
	dr.keys("q")
	if !dr.quit {
		t.Error("q did not quit")
	}
}

// --- themes ------------------------------------------------------------------

// sgrColours lists the colours the SGR sequences of s set, as the
// parameter that introduces each: 30–37, 90–97 (foreground), 40–47,
// 100–107 (background), 38, 48, 58 (extended).
func sgrColours(s string) []string {
	var out []string
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return out
		}
		s = s[i+2:]
		end := strings.IndexFunc(s, func(r rune) bool { return r >= 0x40 && r <= 0x7e })
		if end < 0 {
			return out
		}
		if s[end] == 'm' {
			params := strings.Split(s[:end], ";")
			for j := 0; j < len(params); j++ {
				head, _, sub := strings.Cut(params[j], ":")
				n, _ := strconv.Atoi(head)
				switch {
				case n >= 30 && n <= 37, n >= 40 && n <= 47, n >= 90 && n <= 97, n >= 100 && n <= 107:
					out = append(out, head)
				case n == 38 || n == 48 || n == 58:
					out = append(out, head)
					if !sub && j+1 < len(params) {
						if params[j+1] == "5" {
							j += 2
						} else if params[j+1] == "2" {
							j += 4
						}
					}
				}
			}
		}
		s = s[end+1:]
	}
}

// toIndicator walks from home to Nigeria's Editorship screen, checking the
// frame of each screen on the way, and returns the three raw screens.
func toIndicator(t *testing.T, dr *driver, w, h int) (home, country, ind string) {
	t.Helper()
	checkFrame(t, dr.screen(), w, h)
	home = dr.raw()
	dr.keys("/")
	dr.typing("nigeria")
	dr.keys("enter", "enter")
	checkFrame(t, dr.screen(), w, h)
	mustContain(t, dr.screen(), "Countries › Nigeria")
	country = dr.raw()
	dr.keys("down", "enter")
	checkFrame(t, dr.screen(), w, h)
	mustContain(t, dr.screen(), "Countries › Nigeria › Editorship")
	ind = dr.raw()
	return home, country, ind
}

func TestThemes(t *testing.T) {
	d := sample(t)
	plain := map[string]string{}
	for _, name := range []string{theme.Dark, theme.Light, theme.HighContrast, theme.Mono} {
		t.Run(name, func(t *testing.T) {
			dr := newThemed(t, d, name, 80, 24)
			home, country, ind := toIndicator(t, dr, 80, 24)
			dr.keys("?")
			checkFrame(t, dr.screen(), 80, 24)
			help := dr.raw()
			dr.keys("?", aboutKey)
			checkFrame(t, dr.screen(), 80, 24)
			about := dr.raw()
			screens := map[string]string{"home": home, "country": country, "indicator": ind, "help": help, "about": about}
			for where, raw := range screens {
				cols := sgrColours(raw)
				if name == theme.Mono && len(cols) > 0 {
					t.Errorf("mono: the %s screen sets colours %q", where, slices.Compact(slices.Sorted(slices.Values(cols))))
				}
				if name == theme.Mono && (strings.Contains(raw, "38;") || strings.Contains(raw, "48;")) {
					t.Errorf("mono: the %s screen has an extended colour", where)
				}
				if name != theme.Mono && len(cols) == 0 {
					t.Errorf("%s: the %s screen has no colour", name, where)
				}
				if name != theme.Mono && !strings.Contains(raw, "38;") {
					t.Errorf("%s: the %s screen has no 38; colour", name, where)
				}
				// Themes change styles, never text (but mono frames the help
				// with plain lines rather than rounded corners).
				if where == "help" {
					continue
				}
				text := ansi.Strip(raw)
				if prev, ok := plain[where]; ok && prev != text {
					t.Errorf("%s: the %s screen's text differs from another theme's", name, where)
				}
				plain[where] = text
			}
		})
	}
}

// While a search or filter is typed under mono, no 24-bit or 256-colour
// escape appears. (The text input still draws its prompt and cursor in
// basic colour 37 under every theme: it takes bubbles' default dark styles
// rather than the theme's; reported, not asserted here.)
func TestMonoWhileTyping(t *testing.T) {
	dr := newThemed(t, sample(t), theme.Mono, 80, 24)
	dr.keys("/")
	dr.typing("ni")
	for _, step := range []string{"search", "filter"} {
		raw := dr.raw()
		if strings.Contains(raw, "38;") || strings.Contains(raw, "48;") {
			t.Errorf("mono %s: an extended colour: %q", step, slices.Compact(slices.Sorted(slices.Values(sgrColours(raw)))))
		}
		dr.keys("enter", "f")
		dr.typing("population>1m =")
	}
}

// The auto theme follows the terminal's background: it starts dark and
// becomes exactly the light theme when a light background is reported, on
// every screen already drawn; an explicit theme ignores the report.
func TestAutoThemeFollowsBackground(t *testing.T) {
	d := sample(t)
	auto := newThemed(t, d, theme.Auto, 100, 30)
	if cmd := auto.m.Init(); cmd == nil {
		t.Error("the auto theme does not ask for the background colour")
	}
	dark := newThemed(t, d, theme.Dark, 100, 30)
	light := newThemed(t, d, theme.Light, 100, 30)
	type screens struct{ home, country, ind string }
	walk := func(dr *driver) screens {
		h, c, i := toIndicator(t, dr, 100, 30)
		return screens{h, c, i}
	}
	a, dk, lt := walk(auto), walk(dark), walk(light)
	if a != dk {
		t.Error("auto before any report is not the dark theme")
	}
	if dk == lt {
		t.Fatal("dark and light draw the same")
	}
	// The report arrives while the indicator screen is on top: the screens
	// under it must restyle too.
	auto.send(tea.BackgroundColorMsg{Color: color.White})
	dark.send(tea.BackgroundColorMsg{Color: color.White})
	if auto.raw() == a.ind {
		t.Fatal("a light background did not change the auto theme")
	}
	if auto.raw() != lt.ind {
		t.Error("auto on a light background draws the indicator screen unlike the light theme")
	}
	if dark.raw() != dk.ind {
		t.Error("an explicit dark theme changed on a light background report")
	}
	auto.keys("esc")
	light.keys("esc")
	if auto.raw() != light.raw() {
		t.Error("auto on a light background draws the country screen unlike the light theme")
	}
	auto.keys("esc")
	light.keys("esc")
	if auto.raw() != light.raw() {
		t.Error("auto on a light background draws the home screen unlike the light theme")
	}
	auto.keys(aboutKey)
	light.keys(aboutKey)
	if auto.raw() != light.raw() {
		t.Error("auto on a light background draws About unlike the light theme")
	}
	// And back to dark.
	auto.send(tea.BackgroundColorMsg{Color: color.Black})
	dark.keys("esc", "esc", aboutKey)
	if auto.raw() != dark.raw() {
		t.Error("auto back on a dark background draws About unlike the dark theme")
	}
}

// --- hostile data ------------------------------------------------------------

// evil is what a hostile or broken database might hold: a title-setting
// OSC, a clear-screen CSI, a bidi override and a newline.
const evil = "\x1b]0;pwned\x07\x1b[2J\u202e\nX"

// hostileParts is the sample with evil in country names (the first rows of
// the table, and Nigeria), in the names of Afghanistan's and Nigeria's main
// languages, in a source title and in the meta title.
func hostileParts(t *testing.T) model.Parts {
	d := sample(t)
	p := model.Parts{
		Meta:         d.Meta,
		Countries:    slices.Clone(d.Countries),
		Sources:      slices.Clone(d.Sources),
		Indicators:   d.Indicators,
		Languages:    maps.Clone(d.Languages),
		Wikis:        d.Wikis,
		Observations: d.Observations(),
		Scores:       d.Scores(),
	}
	p.Meta.Title = "Hostile " + evil + " title"
	for i, c := range p.Countries {
		switch c.ISO2 {
		case "AF", "AX", "AL", "NG":
			p.Countries[i].Name = c.Name + evil
			p.Languages[c.Languages[0].Lang] += evil
		}
	}
	for i := range p.Sources {
		p.Sources[i].Title = "Source " + evil + p.Sources[i].Title
	}
	return p
}

// checkClean fails if the screen holds a control character or the raw
// output an escape sequence that came from data.
func checkClean(t *testing.T, where string, dr *driver) {
	t.Helper()
	raw, s := dr.raw(), dr.screen()
	for _, bad := range []string{"\x1b]", "\x1b[2J", "\x07", "\u202e"} {
		if strings.Contains(raw, bad) {
			t.Errorf("%s: the output holds %q", where, bad)
		}
	}
	for _, r := range s {
		if r == '\n' {
			continue
		}
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			t.Errorf("%s: the screen holds %U", where, r)
			return
		}
	}
}

// walkHostile drives the interface over d and checks every screen.
func walkHostile(t *testing.T, d *model.Dataset) {
	t.Helper()
	for _, sz := range []struct{ w, h int }{{80, 24}, {200, 50}} {
		dr := newDriver(t, d, sz.w, sz.h)
		checkClean(t, "home", dr)
		checkFrame(t, dr.screen(), sz.w, sz.h)
		// The hostile rows are drawn, cleaned: the test is not vacuous (at 80
		// columns the name column shows "Afghanistan]0…").
		mustContain(t, dr.screen(), "Afghanistan]0")
		dr.keys("/")
		dr.typing("afgh")
		checkClean(t, "search", dr)
		dr.keys("enter", "enter")
		checkClean(t, "country", dr)
		checkFrame(t, dr.screen(), sz.w, sz.h)
		mustContain(t, dr.screen(), "Countries › Afghanistan]0;pwned")
		dr.keys("?")
		checkClean(t, "help", dr)
		dr.keys("?", "down", "enter")
		checkClean(t, "indicator", dr)
		checkFrame(t, dr.screen(), sz.w, sz.h)
		dr.keys("G")
		checkClean(t, "indicator, end", dr)
		dr.keys(aboutKey)
		checkClean(t, "about", dr)
		checkFrame(t, dr.screen(), sz.w, sz.h)
		mustContain(t, dr.screen(), "Hostile ]0;pwned")
		sources := false
		for range 30 {
			dr.send(tea.KeyPressMsg{Code: tea.KeyPgDown})
			checkClean(t, "about, scrolled", dr)
			sources = sources || strings.Contains(dr.screen(), "Source ]0;pwned")
		}
		if !sources {
			t.Error("About never showed a source title")
		}
		if v := dr.m.View(); strings.ContainsAny(v.WindowTitle, "\x1b\x07") {
			t.Errorf("window title %q", v.WindowTitle)
		}
	}
}

// Strings from a database are cleaned when it loads: the interface never
// sends a terminal what a hostile file holds.
func TestHostileDatabase(t *testing.T) {
	d, err := model.New(hostileParts(t))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "hostile.db")
	if err := store.Write(path, d); err != nil {
		t.Fatal(err)
	}
	loaded, err := store.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	walkHostile(t, loaded)
}

// --- sections ----------------------------------------------------------------

func activeTab(t *testing.T, dr *driver) string {
	t.Helper()
	first := strings.Split(dr.raw(), "\n")[0]
	th := theme.New(theme.Mono, true)
	var active []string
	for i, name := range sections() {
		tab := fmt.Sprintf(" %d %s ", i+1, name)
		switch {
		case strings.Contains(first, th.TabActive.Render(tab)):
			active = append(active, name)
		case !strings.Contains(first, th.Tab.Render(tab)) && !strings.Contains(first, tab):
			t.Errorf("the tab line does not show %q: %q", tab, first)
		}
	}
	if len(active) != 1 {
		t.Fatalf("%d active tabs on %q", len(active), first)
	}
	return active[0]
}

func TestSections(t *testing.T) {
	dr := newDriver(t, sample(t), 120, 40)
	expect := func(step, section string) {
		t.Helper()
		if got := activeTab(t, dr); got != section {
			t.Errorf("%s: the active tab is %s, want %s", step, got, section)
		}
		s := dr.screen()
		checkFrame(t, s, 120, 40)
		switch section {
		case "About":
			mustContain(t, s, "Sources")
			if c := dr.crumbs(); c != "About" {
				t.Errorf("%s: crumbs %q", step, c)
			}
		case "Compare":
			if c := dr.crumbs(); c != "Regions" {
				t.Errorf("%s: crumbs %q", step, c)
			}
		case "Checklists":
			if c := dr.crumbs(); c != "Checklists" {
				t.Errorf("%s: crumbs %q", step, c)
			}
		case "Movement":
			if c := dr.crumbs(); c != "Thriving Movement" {
				t.Errorf("%s: crumbs %q", step, c)
			}
		case "Map":
			if c := dr.crumbs(); !strings.HasPrefix(c, "Map") {
				t.Errorf("%s: crumbs %q", step, c)
			}
		default:
			if !strings.HasPrefix(dr.crumbs(), "Countries") {
				t.Errorf("%s: crumbs %q", step, dr.crumbs())
			}
		}
	}
	expect("start", "Countries")
	for i := 1; i <= len(sections()); i++ {
		dr.keys("tab")
		expect(fmt.Sprintf("tab ×%d", i), sections()[i%len(sections())])
	}
	dr.send(tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	expect("shift+tab", sections()[len(sections())-1])
	dr.send(tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	expect("shift+tab again", sections()[len(sections())-2])
	dr.keys(aboutKey)
	expect(aboutKey, "About")
	dr.keys(fmt.Sprint(len(sections()) + 1)) // no such section: nothing happens
	expect("a number past the last section", "About")
	dr.keys("esc") // nothing under About
	expect("esc on About", "About")
	dr.keys("1")
	expect("1", "Countries")

	// Each section keeps its own stack, and About its scroll.
	dr.keys("/")
	dr.typing("nigeria")
	dr.keys("enter", "enter")
	if c := dr.crumbs(); c != "Countries › Nigeria" {
		t.Fatalf("crumbs %q", c)
	}
	dr.keys(aboutKey, "down", "down", "down")
	about := dr.screen()
	dr.keys("1")
	if c := dr.crumbs(); c != "Countries › Nigeria" {
		t.Errorf("back from About: crumbs %q, want Nigeria still open", c)
	}
	dr.keys(aboutKey)
	if dr.screen() != about {
		t.Errorf("About lost its place:\n%s\nwas:\n%s", dr.screen(), about)
	}
	dr.keys("1", "esc")
	if c := dr.crumbs(); c != "Countries" {
		t.Errorf("esc from Nigeria: crumbs %q", c)
	}
	// Section keys are letters while typing.
	dr.keys("/")
	dr.typing("2")
	dr.send(tea.KeyPressMsg{Code: tea.KeyTab})
	if got := activeTab(t, dr); got != "Countries" {
		t.Errorf("typing 2 or tab in the search switched to %s", got)
	}
	dr.keys("esc")
}

func TestClickOnTabs(t *testing.T) {
	dr := newDriver(t, sample(t), 100, 30)
	first := strings.Split(dr.screen(), "\n")[0]
	at := func(label string) int {
		i := strings.Index(first, label)
		if i < 0 {
			t.Fatalf("no %q on %q", label, first)
		}
		return ansi.StringWidth(first[:i])
	}
	click := func(x int) {
		dr.send(tea.MouseClickMsg{X: x, Y: 0, Button: tea.MouseLeft})
	}
	about, countries := at(aboutKey+" About"), at("1 Countries")
	for _, c := range []struct {
		x    int
		want string
	}{
		{about, "About"},
		{about + len(aboutKey+" About"), "About"}, // the tab's trailing space
		{countries, "Countries"},
		{about - 1, "About"},         // the leading space of About's tab
		{about - 2, "About"},         // between the tabs: nothing
		{countries - 1, "Countries"}, // the leading space of Countries' tab
		{about, "About"},
		{1, "About"},             // the program's name: nothing
		{countries - 2, "About"}, // between the name and the tabs
		{countries + 3, "Countries"},
		{99, "Countries"}, // empty header: nothing
	} {
		click(c.x)
		if got := activeTab(t, dr); got != c.want {
			t.Errorf("click at %d on %q: %s active, want %s", c.x, first, got, c.want)
		}
	}
}

// --- marks -------------------------------------------------------------------

func TestMarksInTheTable(t *testing.T) {
	dr := newDriver(t, sample(t), 80, 24)
	row := func(n int) string { return strings.Split(dr.screen(), "\n")[4+n] }
	dr.keys("space")
	if !strings.HasPrefix(row(0), " ●Afghanistan") {
		t.Errorf("the marked row is %q, want ● in the gutter", row(0))
	}
	if !strings.HasPrefix(row(1), "▶ Åland") {
		t.Errorf("space did not move down: %q", row(1))
	}
	mustContain(t, dr.screen(), "1 marked")
	checkFrame(t, dr.screen(), 80, 24)
	dr.keys("enter") // Åland
	if c := dr.crumbs(); c != "Countries › Åland" {
		t.Fatalf("crumbs %q", c)
	}
	dr.keys("esc")
	if !strings.HasPrefix(row(0), " ●Afghanistan") || !strings.HasPrefix(row(1), "▶ Åland") {
		t.Errorf("back home the mark or the cursor is gone: %q / %q", row(0), row(1))
	}
	mustContain(t, dr.screen(), "1 marked")
	dr.keys("2", "1", "up", "space")
	if strings.Contains(dr.screen(), "marked") || strings.Contains(row(0), "●") {
		t.Errorf("space on a marked row did not unmark it: %q", row(0))
	}
}

// A dataset built in memory, by any code, is as clean: model.New cleans
// every text too.
func TestHostileDatasetInMemory(t *testing.T) {
	d, err := model.New(hostileParts(t))
	if err != nil {
		t.Fatal(err)
	}
	walkHostile(t, d)
}

// The sections in their order on the tab line; About is the last, and
// aboutKey the number key that shows it.
const aboutKey = "4"

func sections() []string {
	return []string{"Countries", "Compare", "Checklists", "About", "Movement", "Map"}
}
