package country

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
	"github.com/equitylandscape/equity/ui/common"
	"github.com/equitylandscape/equity/ui/keys"
	"github.com/equitylandscape/equity/ui/theme"
)

var update = flag.Bool("update", false, "write the golden files in testdata/")

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

func newContext() *common.Context {
	return &common.Context{
		Data:  dataset,
		Theme: theme.New(theme.Mono, true),
		Keys:  keys.NewGlobal(),
		Year:  dataset.LatestFullYear(),
	}
}

func open(t *testing.T, ctx *common.Context, iso2 string, w, h int) *Screen {
	t.Helper()
	c, ok := ctx.Data.Country(iso2)
	if !ok {
		t.Fatalf("no country %s in the dataset", iso2)
	}
	s := New(ctx, c)
	s.SetSize(w, h)
	return s
}

// checkFrame fails unless the view is exactly h lines of exactly w cells.
func checkFrame(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("%dx%d: view has %d lines, want %d", w, h, len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Errorf("%dx%d: line %d is %d cells wide, want %d: %q", w, h, i, got, w, ansi.Strip(l))
		}
	}
}

var keyCodes = map[string]rune{
	"down": tea.KeyDown, "up": tea.KeyUp, "enter": tea.KeyEnter,
	"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
}

func keyMsg(k string) tea.KeyPressMsg {
	if c, ok := keyCodes[k]; ok {
		return tea.KeyPressMsg{Code: c}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

// press sends keys and returns the last command.
func press(s *Screen, ks ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range ks {
		_, cmd = s.Update(keyMsg(k))
	}
	return cmd
}

// opened runs a command and returns the indicator it asks to open.
func opened(t *testing.T, cmd tea.Cmd) (common.OpenIndicatorMsg, bool) {
	t.Helper()
	if cmd == nil {
		return common.OpenIndicatorMsg{}, false
	}
	msg, ok := cmd().(common.OpenIndicatorMsg)
	if !ok {
		t.Fatalf("command gave %T, want common.OpenIndicatorMsg", cmd())
	}
	return msg, true
}

// whole is every line of the page, read by paging down to its end.
func whole(s *Screen) string {
	seen := map[string]bool{}
	var out []string
	for range 20 {
		for _, l := range strings.Split(ansi.Strip(s.View()), "\n") {
			if !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
		press(s, "pgdown")
	}
	return strings.Join(out, "\n")
}

func mustContain(t *testing.T, where, view string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(view, w) {
			t.Errorf("%s: %q missing from\n%s", where, w, view)
		}
	}
}

func TestNigeria(t *testing.T) {
	for _, size := range [][2]int{{80, 20}, {200, 46}} {
		w, h := size[0], size[1]
		where := fmt.Sprintf("NG %dx%d", w, h)
		s := open(t, newContext(), "NG", w, h)
		view := s.View()
		checkFrame(t, view, w, h)
		plain := ansi.Strip(view)
		mustContain(t, where, plain, "Nigeria", "NG / NGA", "Sub-Saharan Africa", "Western Africa, Africa",
			"Global South", "Emerging", "Expand", "not on the protection list", "45.2/100 (Lower risk)",
			"232.68 M", "41.2%", "2024", "63.2%", "2021", "$6,440", "World Bank WDI")
		for _, dom := range model.Domains() {
			// Short names below the wide layout, full names from it.
			mustContain(t, where, plain, domainName(dom, w >= wide))
		}
		// Ranks as "pos/of", as the dataset ranks Editorship's presence.
		year := newContext().Year
		region, _ := dataset.Rank("NG", model.Editorship, model.Presence, year, func(c model.Country) bool { return c.WikimediaRegion == "Sub-Saharan Africa" })
		world, _ := dataset.Rank("NG", model.Editorship, model.Presence, year, nil)
		mustContain(t, where, plain, fmt.Sprintf("%d/%d", region.Pos, region.Of), fmt.Sprintf("%d/%d", world.Pos, world.Of), "no growth inputs", "*")
		// The domains are visible without scrolling.
		mustContain(t, where, plain, "▶Readership")
		all := whole(s)
		mustContain(t, where, all, "English", "Hausa", "hawiki (open)", "official", "no Wikipedia",
			"19, largest share first", "MODELED")
	}
}

func TestStatusAndCrumb(t *testing.T) {
	s := open(t, newContext(), "NG", 80, 20)
	if got := s.Crumb(); got != "Nigeria" {
		t.Errorf("crumb %q", got)
	}
	if got := strings.Join(s.Status(), " · "); got != "Sub-Saharan Africa · 19 languages" {
		t.Errorf("status %q", got)
	}
	if s.Capturing() || s.Back() {
		t.Error("the country screen neither captures keys nor uses esc")
	}
	if len(s.Keys().ShortHelp()) == 0 || len(s.Keys().FullHelp()) == 0 {
		t.Error("no key help")
	}
}

func TestProtectedCountry(t *testing.T) {
	s := open(t, newContext(), "CN", 200, 46)
	mustContain(t, "CN", ansi.Strip(s.View()), "Protected", model.ProtectionNote, "84.0/100")
	s.SetSize(80, 20)
	view := s.View()
	checkFrame(t, view, 80, 20)
	// Wrapped at 80 columns, but all there and the domains still in view.
	plain := strings.Join(strings.Fields(ansi.Strip(view)), " ")
	mustContain(t, "CN 80x20", plain, model.ProtectionNote, "Readership", "Affiliates†")
}

func TestCountryWithoutRegion(t *testing.T) {
	for _, size := range [][2]int{{80, 20}, {200, 46}, {60, 12}} {
		s := open(t, newContext(), "AQ", size[0], size[1])
		view := s.View()
		checkFrame(t, view, size[0], size[1])
		if size[0] == 200 {
			mustContain(t, "AQ", ansi.Strip(view), "Antarctica", "Wikimedia region    none", "no score published", "not enough data", "—")
		}
		if got := s.Status()[0]; got != "no Wikimedia region" {
			t.Errorf("AQ status %q", got)
		}
		press(s, "down", "down", "enter", "G", "pgup")
	}
}

// TestNoActivity finds a country with no activity in a domain and checks
// the screen says so rather than "not enough data".
func TestNoActivity(t *testing.T) {
	year := dataset.LatestFullYear()
	for _, c := range dataset.Countries {
		p := dataset.Profile(c, year)
		for _, dp := range p.Domains {
			if dp.Presence.Explanation.Idle {
				s := open(t, newContext(), c.ISO2, 200, 46)
				mustContain(t, c.ISO2, ansi.Strip(s.View()), model.NoActivity)
				return
			}
		}
	}
	t.Skip("no country without activity in the sample data")
}

func TestEnterOpensSelectedDomain(t *testing.T) {
	s := open(t, newContext(), "NG", 80, 20)
	msg, ok := opened(t, press(s, "down", "down", "enter"))
	if !ok || msg != (common.OpenIndicatorMsg{ISO2: "NG", Domain: model.Programs}) {
		t.Fatalf("down down enter gave %+v", msg)
	}
	if view := ansi.Strip(s.View()); !strings.Contains(view, "▶Programs & Events") {
		t.Errorf("cursor not drawn on Programs:\n%s", view)
	}
	msg, _ = opened(t, press(s, "k", "enter"))
	if msg.Domain != model.Editorship {
		t.Errorf("k enter opened %s", msg.Domain)
	}
	if cmd := press(s, "j"); cmd != nil {
		t.Error("moving sent a command")
	}
}

// rowOf finds the line of the view where a domain's row is drawn.
func rowOf(t *testing.T, s *Screen, name string) int {
	t.Helper()
	for y, l := range strings.Split(ansi.Strip(s.View()), "\n") {
		if strings.HasPrefix(l[len(string([]rune(l)[0])):], name) {
			return y
		}
	}
	t.Fatalf("no row %q in\n%s", name, ansi.Strip(s.View()))
	return 0
}

func TestClick(t *testing.T) {
	s := open(t, newContext(), "NG", 80, 20)
	click := func(y int) tea.Cmd {
		_, cmd := s.Update(tea.MouseClickMsg{X: 4, Y: y, Button: tea.MouseLeft})
		return cmd
	}
	grants := rowOf(t, s, "Grants")
	if cmd := click(grants); cmd != nil {
		t.Fatal("a click on an unselected row opened it")
	}
	if s.Selected() != model.Grants {
		t.Fatalf("click selected %s", s.Selected())
	}
	msg, ok := opened(t, click(grants))
	if !ok || msg.Domain != model.Grants {
		t.Fatalf("second click gave %+v", msg)
	}
	// A click then enter opens too.
	click(rowOf(t, s, "Editorship"))
	if msg, _ := opened(t, press(s, "enter")); msg.Domain != model.Editorship {
		t.Errorf("click then enter opened %s", msg.Domain)
	}
	// A click on text selects nothing.
	if cmd := click(0); cmd != nil || s.Selected() != model.Editorship {
		t.Error("a click on the name line changed the selection")
	}
}

func TestScrollReachesLanguages(t *testing.T) {
	s := open(t, newContext(), "NG", 80, 20)
	// G selects the last domain and shows it; the page's end is pages
	// further down.
	press(s, "G")
	view := ansi.Strip(s.View())
	mustContain(t, "after G", view, "▶Access")
	for i := 0; i < 20 && !strings.Contains(view, "MODELED"); i++ {
		press(s, "pgdown")
		view = ansi.Strip(s.View())
	}
	mustContain(t, "paging down after G", view, "MODELED")
	// The languages' table ends above the editions it reads: page up
	// from the end reaches its last row.
	for i := 0; i < 5 && !strings.Contains(view, "Fula (Adlam)"); i++ {
		press(s, "pgup")
		view = ansi.Strip(s.View())
	}
	mustContain(t, "paging up from the end", view, "Fula (Adlam)")
	// The selection followed onto a visible line or stayed put; an arrow
	// brings the selected domain back into view first.
	press(s, "g")
	mustContain(t, "after g", ansi.Strip(s.View()), "Nigeria (NG / NGA)")
	s.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	s.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	checkFrame(t, s.View(), 80, 20)
}

func TestDownReachesTheDomains(t *testing.T) {
	s := open(t, newContext(), "NG", 60, 12)
	// At 60x12 the domain rows start below the first page: the first
	// arrow shows the selected domain rather than skipping past it.
	if view := ansi.Strip(s.View()); strings.Contains(view, "▶") {
		t.Skip("the rows fit on the first page")
	}
	// Down scrolls the text a line at a time until the domains come into
	// view; the cursor then lands on the first, and moves from there.
	for i := 0; i < 12 && !strings.Contains(ansi.Strip(s.View()), "▶"); i++ {
		press(s, "down")
	}
	if s.Selected() != model.Readership {
		t.Errorf("the first domain to come into view is %s", s.Selected())
	}
	mustContain(t, "60x12", ansi.Strip(s.View()), "▶Readership")
	press(s, "down")
	if s.Selected() != model.Editorship {
		t.Errorf("the next down selected %s", s.Selected())
	}
}

func TestResize(t *testing.T) {
	s := open(t, newContext(), "NG", 80, 20)
	for _, size := range [][2]int{{60, 12}, {40, 5}, {1, 1}, {0, 0}, {120, 30}, {250, 60}, {80, 20}} {
		s.SetSize(size[0], size[1])
		view := s.View()
		if size[1] > 0 {
			checkFrame(t, view, size[0], size[1])
		}
		press(s, "down", "pgdown", "G", "up")
	}
}

func TestTableLayoutFits(t *testing.T) {
	for w := 10; w <= 260; w++ {
		for _, wideNames := range []bool{false, true} {
			l := newTableLayout(w, len(dataset.Years), wideNames)
			if l.total() > w && l.pRanks+l.gRanks > 0 {
				t.Errorf("width %d: layout %+v is %d wide", w, l, l.total())
			}
			if l.pBar > 0 && l.pBar < minBar || l.pBar > maxBar {
				t.Errorf("width %d: bar of %d", w, l.pBar)
			}
		}
	}
	// At 80 columns (79 beside the marker) nothing is dropped but the
	// growth bar.
	l := newTableLayout(79, 7, false)
	if l.trend != 7 || l.pBar == 0 || l.pRanks != 2 || l.gRanks != 2 {
		t.Errorf("80 columns: %+v", l)
	}
}

func TestTrendGaps(t *testing.T) {
	got := trendValues([]int{2018, 2019, 2020}, []model.Point{{Year: 2019, Value: 40}, {Year: 2020, Value: 60}}, 7)
	if len(got) != 3 || !math.IsNaN(got[0]) || got[1] != 40 || got[2] != 60 {
		t.Errorf("trend %v", got)
	}
}

func TestYearChanged(t *testing.T) {
	ctx := newContext()
	s := open(t, ctx, "NG", 80, 20)
	latest := fmt.Sprintf("Domains, %d", ctx.Year)
	mustContain(t, "before", ansi.Strip(s.View()), latest)
	ctx.Year = dataset.Years[0]
	s.Update(common.YearChangedMsg{})
	view := ansi.Strip(s.View())
	mustContain(t, "after", view, fmt.Sprintf("Domains, %d", ctx.Year))
	if strings.Contains(view, latest) {
		t.Errorf("still showing %s", latest)
	}
	checkFrame(t, s.View(), 80, 20)
}

func TestGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 20}, {200, 46}} {
		s := open(t, newContext(), "NG", size[0], size[1])
		got := ansi.Strip(s.View()) + "\n"
		path := filepath.Join("testdata", fmt.Sprintf("nigeria-%dx%d.golden", size[0], size[1]))
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./ui/country -update to write it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs; run go test ./ui/country -update if the change is meant.\ngot:\n%s\nwant:\n%s", path, got, want)
		}
	}
}

// TestThemes checks that no theme's styles change the layout.
func TestThemes(t *testing.T) {
	for _, name := range []string{theme.Dark, theme.Light, theme.HighContrast} {
		ctx := newContext()
		ctx.Theme = theme.New(name, true)
		for _, iso2 := range []string{"NG", "CN", "AQ"} {
			for _, size := range [][2]int{{80, 20}, {200, 46}, {60, 12}} {
				s := open(t, ctx, iso2, size[0], size[1])
				checkFrame(t, s.View(), size[0], size[1])
				press(s, "down")
				checkFrame(t, s.View(), size[0], size[1])
			}
		}
	}
}

// TestThemeChangesInPlace: the root replaces the theme's value when the
// terminal's background becomes known; the screen draws with the new one.
func TestThemeChangesInPlace(t *testing.T) {
	ctx := newContext()
	ctx.Theme = theme.New(theme.Dark, true)
	s := open(t, ctx, "NG", 80, 20)
	before := s.View()
	*ctx.Theme = *theme.New(theme.Light, false)
	after := s.View()
	if before == after {
		t.Error("the view did not change with the theme")
	}
	if ansi.Strip(before) != ansi.Strip(after) {
		t.Error("the theme changed the text")
	}
}

// A protected country's readership says it is withheld and why, not "not
// enough data".
func TestWithheldReadership(t *testing.T) {
	s := open(t, newContext(), "CN", 80, 20)
	press(s, "G")
	view := ansi.Strip(s.View())
	var row string
	for _, l := range strings.Split(view, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "Readership") {
			row = l
		}
	}
	mustContain(t, "China's readership row", row, "withheld", "protected country")
	if strings.Contains(row, "not enough data") {
		t.Errorf("China's readership row: %q", row)
	}
}
