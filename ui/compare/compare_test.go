package compare

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
	"github.com/equitylandscape/equity/ui/common"
	"github.com/equitylandscape/equity/ui/keys"
	"github.com/equitylandscape/equity/ui/report"
	"github.com/equitylandscape/equity/ui/theme"
)

// The golden files' flag. The teatest dependency defines -update in the
// packages that import it; this one does not, but look it up first so that
// it never panics as defined twice.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "write the golden files in testdata/")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

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

func newContext(marks ...string) *common.Context {
	return &common.Context{
		Data:  dataset,
		Theme: theme.New(theme.Mono, true),
		Keys:  keys.NewGlobal(),
		Year:  dataset.LatestFullYear(),
		Marks: marks,
	}
}

func open(ctx *common.Context, w, h int) *Screen {
	s := New(ctx)
	s.SetSize(w, h)
	return s
}

var keyCodes = map[string]rune{
	"down": tea.KeyDown, "up": tea.KeyUp, "enter": tea.KeyEnter, "left": tea.KeyLeft, "right": tea.KeyRight,
	"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "home": tea.KeyHome, "end": tea.KeyEnd,
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

// run runs a command and returns its message, or nil.
func run(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	return cmd()
}

// checkFrame fails unless the view is exactly h lines of exactly w cells.
func checkFrame(t *testing.T, view string, w, h int) {
	t.Helper()
	if h == 0 {
		if view != "" {
			t.Fatalf("%dx%d: view is %q, want nothing", w, h, view)
		}
		return
	}
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

// plain is the view without styles.
func plain(s *Screen) string { return ansi.Strip(s.View()) }

// golden compares a view with testdata/name, or writes it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if updating() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run `go test ./ui/compare -update` to create it)", err)
	}
	if string(want) != got {
		t.Errorf("view differs from %s (review, then `go test ./ui/compare -update`):\n--- want\n%s\n--- got\n%s", path, want, got)
	}
}

var sizes = []struct{ w, h int }{{80, 20}, {200, 46}}

func TestRegionsShowEveryWikimediaRegion(t *testing.T) {
	regions := dataset.WikimediaRegions()
	if len(regions) != 8 {
		t.Fatalf("the dataset has %d Wikimedia regions, want 8", len(regions))
	}
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			s := open(newContext(), sz.w, sz.h)
			view := s.View()
			checkFrame(t, view, sz.w, sz.h)
			text := ansi.Strip(view)
			full, abbr := 0, 0
			for _, r := range regions {
				a, ok := model.RegionAbbr(r)
				if !ok {
					t.Fatalf("no abbreviation for %q", r)
				}
				if strings.Contains(text, r) {
					full++
				}
				if containsWord(text, a) {
					abbr++
				}
			}
			// Whole names everywhere, or the abbreviations everywhere.
			if full != 8 && abbr != 8 {
				t.Errorf("%d whole names and %d abbreviations of 8 regions shown:\n%s", full, abbr, text)
			}
			if !strings.Contains(text, "Wikimedia regions, "+fmt.Sprint(dataset.LatestFullYear())) {
				t.Errorf("no heading naming the grouping and year:\n%s", text)
			}
			if !strings.Contains(text, "MODELED") {
				t.Errorf("no line saying what is modeled:\n%s", text)
			}
			if got := s.Status(); len(got) == 0 || got[0] != "8 Wikimedia regions" {
				t.Errorf("status %q, want it to start with 8 Wikimedia regions", got)
			}
		})
	}
}

// containsWord reports whether w occurs in s between non-letters.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isLetter(s[j-1])
		after := j+len(w) >= len(s) || !isLetter(s[j+len(w)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func TestLayoutFollowsWidth(t *testing.T) {
	s := open(newContext(), 80, 20)
	if !s.rowsLayout {
		t.Error("at 80 columns the 8 regions should be rows")
	}
	s.SetSize(200, 46)
	if s.rowsLayout {
		t.Error("at 200 columns the 8 regions should be columns")
	}
	// The measures all show at 200x46 without scrolling.
	text := plain(s)
	for _, want := range []string{"Countries", "Population", "Internet users", "Readership mean", "Affiliates median",
		"Grant dollars", "Representation ratio", "this project's measure", "below 1 = underrepresented"} {
		if !strings.Contains(text, want) {
			t.Errorf("200x46 lacks %q:\n%s", want, text)
		}
	}
}

func TestRatiosSayUnderAndOver(t *testing.T) {
	agg := dataset.Aggregate(model.GroupWikimedia, dataset.LatestFullYear())
	s := open(newContext(), 200, 46)
	text := plain(s)
	for _, r := range agg.Regions {
		if r.EditorsRatio.OK {
			if want := ratioText(r.EditorsRatio.Value); !strings.Contains(text, want) {
				t.Errorf("%s: no %q", r.Name, want)
			}
		}
	}
	for v, want := range map[float64]string{0.54: "0.54 under", 1.45: "1.45 over", 1.001: "1.00 even"} {
		if got := ratioText(v); got != want {
			t.Errorf("ratioText(%v) = %q, want %q", v, got, want)
		}
	}
	// A ratio under 1 never fills the bar up to 1; one over 1 always shows
	// its part past 1.
	th := theme.New(theme.Mono, true)
	if bar := ansi.Strip(ratioBarOf(th, 0.99, 2, 8)); !strings.Contains(bar, "│") {
		t.Errorf("0.99 of 2 drawn %q: 1 is not marked", bar)
	}
	if bar := ansi.Strip(ratioBarOf(th, 1.01, 2, 8)); !strings.Contains(bar, "▓") {
		t.Errorf("1.01 of 2 drawn %q: nothing past 1", bar)
	}
	for _, v := range []float64{0, 0.3, 1, 1.7, 2.4} {
		if got := ansi.StringWidth(ratioBarOf(th, v, 2.4, 7)); got != 7 {
			t.Errorf("ratio bar of %v is %d cells, want 7", v, got)
		}
	}
}

func TestGroupingCycles(t *testing.T) {
	for _, sz := range sizes {
		s := open(newContext(), sz.w, sz.h)
		all := model.Groupings()
		for i := range len(all) + 1 {
			g := all[i%len(all)]
			if s.Grouping() != g {
				t.Fatalf("%dx%d after %d g: grouping %s, want %s", sz.w, sz.h, i, s.Grouping(), g)
			}
			view := s.View()
			checkFrame(t, view, sz.w, sz.h)
			if !strings.Contains(ansi.Strip(view), g.Title()) {
				t.Errorf("%dx%d: heading does not name %q:\n%s", sz.w, sz.h, g.Title(), ansi.Strip(view))
			}
			if n := len(dataset.Aggregate(g, s.ctx.Year).Regions); len(s.agg.Regions) != n {
				t.Errorf("%s: %d regions shown, want %d", g, len(s.agg.Regions), n)
			}
			press(s, "g")
		}
	}
}

func TestYearSteps(t *testing.T) {
	ctx := newContext()
	s := open(ctx, 80, 20)
	years := dataset.Years
	from := ctx.Year
	// The root steps the year (y) and tells the screen.
	ctx.NextYear()
	msg := common.YearChangedMsg{}
	want := years[(slices.Index(years, from)+1)%len(years)] // the latest wraps round to the first
	if ctx.Year != want || ctx.Year == from {
		t.Fatalf("y moved the year from %d to %d, want %d", from, ctx.Year, want)
	}
	s.Update(msg)
	text := plain(s)
	if !strings.Contains(text, fmt.Sprintf("Wikimedia regions, %d", want)) {
		t.Errorf("the view does not show %d after the year changed:\n%s", want, text)
	}
	if s.agg.Year != want {
		t.Errorf("aggregates are of %d, want %d", s.agg.Year, want)
	}
	// Again: the next year.
	ctx.NextYear()
	s.Update(common.YearChangedMsg{})
	next := years[(slices.Index(years, want)+1)%len(years)]
	if ctx.Year != next || !strings.Contains(plain(s), fmt.Sprint(next)) {
		t.Errorf("second y: year %d, want %d", ctx.Year, next)
	}
}

// selectRegion moves the cursor to region i, with the keys of the layout.
func selectRegion(s *Screen, i int) {
	next := "right"
	if s.rowsLayout {
		next = "down"
	}
	press(s, "home")
	if !s.rowsLayout {
		for range len(s.agg.Regions) {
			press(s, "left")
		}
	}
	for range i {
		press(s, next)
	}
}

func TestEnterOpensTheRegionsCountries(t *testing.T) {
	for _, sz := range sizes {
		ctx := newContext()
		s := open(ctx, sz.w, sz.h)
		for _, g := range model.Groupings() {
			for i, r := range s.agg.Regions {
				selectRegion(s, i)
				if got, _ := s.selectedRegion(); got != r.Name {
					t.Fatalf("%dx%d %s: selected %q, want %q", sz.w, sz.h, g, got, r.Name)
				}
				msg, ok := run(press(s, "enter")).(common.ShowCountriesMsg)
				if !ok {
					t.Fatalf("%s %s: enter sent no ShowCountriesMsg", g, r.Name)
				}
				f, err := model.ParseFilter(msg.Filter)
				if err != nil {
					t.Fatalf("%s %s: filter %q does not parse: %v", g, r.Name, msg.Filter, err)
				}
				var got, want []string
				for _, c := range dataset.Countries {
					if f.Match(dataset, c, ctx.Year) {
						got = append(got, c.ISO2)
					}
				}
				for _, c := range r.Countries {
					want = append(want, c.ISO2)
				}
				slices.Sort(got)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("%s %q: filter %q matches %d countries, the region has %d", g, r.Name, msg.Filter, len(got), len(want))
				}
			}
			press(s, "g")
		}
	}
}

func TestMouseSelectsAndOpens(t *testing.T) {
	// Columns: click a region's column, then click it again.
	s := open(newContext(), 200, 46)
	g := &s.reg
	x := 1 + g.frozenW + 3*(1+g.widths[0]) + 2 // inside the fourth column
	click := tea.MouseClickMsg{X: x, Y: 6, Button: tea.MouseLeft}
	if _, cmd := s.Update(click); cmd != nil {
		t.Fatal("the first click opened the region")
	}
	if g.cursor != 3 {
		t.Fatalf("click selected column %d, want 3", g.cursor)
	}
	msg, ok := run(func() tea.Cmd { _, c := s.Update(click); return c }()).(common.ShowCountriesMsg)
	if !ok || msg.Filter != model.GroupWikimedia.Filter(s.agg.Regions[3].Name) {
		t.Errorf("second click sent %#v", msg)
	}

	// Rows: the third region's row is under the heading, the group line and
	// the two title lines.
	s = open(newContext(), 80, 20)
	row := tea.MouseClickMsg{X: 5, Y: 1 + s.reg.headLines() + 2, Button: tea.MouseLeft}
	s.Update(row)
	if s.reg.cursor != 2 {
		t.Fatalf("click selected row %d, want 2", s.reg.cursor)
	}
	if _, cmd := s.Update(row); cmd == nil {
		t.Error("second click on the row did not open it")
	}

	// The wheel scrolls the measures of the columns layout.
	s = open(newContext(), 200, 20)
	s.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if s.reg.top == 0 {
		t.Error("the wheel did not scroll")
	}
}

func TestCountriesSideBySide(t *testing.T) {
	ctx := newContext("BR", "IN", "NG")
	s := open(ctx, 200, 46)
	s.ShowCountries()
	if s.Crumb() != "Countries compared" {
		t.Errorf("crumb %q", s.Crumb())
	}
	view := s.View()
	checkFrame(t, view, 200, 46)
	text := ansi.Strip(view)
	for _, iso := range []string{"BR", "IN", "NG"} {
		c, _ := dataset.Country(iso)
		if !strings.Contains(text, c.Name) {
			t.Errorf("no %s:\n%s", c.Name, text)
		}
	}
	// Every domain's presence score of Nigeria, formatted as the view does.
	for _, dom := range model.Domains() {
		v, ok := dataset.Score("NG", dom.ID, model.Presence, ctx.Year)
		if !ok {
			continue
		}
		if want := report.Score(v); !strings.Contains(text, want) {
			t.Errorf("no %s presence score %s for Nigeria", dom.Name, want)
		}
	}
	for _, want := range []string{"Wikimedia region", "Population", "Internet users", "Protection", "not protected",
		"presence", "growth", "open Wikipedias", "Portuguese", "Hausa"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q:\n%s", want, text)
		}
	}
	if got := s.Status(); got[0] != "3 countries" || got[1] != "Brazil" {
		t.Errorf("status %q", got)
	}

	// enter opens the selected country; x removes it from the marks.
	press(s, "right")
	if msg, ok := run(press(s, "enter")).(common.OpenCountryMsg); !ok || msg.ISO2 != "IN" {
		t.Errorf("enter on India sent %#v", msg)
	}
	press(s, "x")
	if !slices.Equal(ctx.Marks, []string{"BR", "NG"}) {
		t.Fatalf("x on India left marks %v", ctx.Marks)
	}
	if strings.Contains(plain(s), "India") {
		t.Error("India is still shown after x")
	}
	press(s, "x")
	if len(ctx.Marks) != 1 {
		t.Fatalf("marks %v after a second x", ctx.Marks)
	}
	text = plain(s)
	if !strings.Contains(text, "Mark 2 to 6 countries with space in the Countries table, then press c there — 1 marked now") {
		t.Errorf("no explanation with one mark:\n%s", text)
	}
	checkFrame(t, s.View(), 200, 46)
	// Keys do nothing harmful there.
	press(s, "right", "x", "enter", "down", "left")
	if len(ctx.Marks) != 1 {
		t.Errorf("keys on the explanation changed the marks: %v", ctx.Marks)
	}
	// v goes back to the regions.
	press(s, "v")
	if s.Crumb() != "Regions" {
		t.Errorf("v: crumb %q, want Regions", s.Crumb())
	}
}

func TestMarksChangedElsewhere(t *testing.T) {
	ctx := newContext("BR", "IN")
	s := open(ctx, 80, 20)
	s.ShowCountries()
	if strings.Contains(plain(s), "Nigeria") {
		t.Fatal("Nigeria shown before it is marked")
	}
	ctx.ToggleMark("NG") // the countries table marks one more
	if !strings.Contains(plain(s), "Nigeria") {
		t.Error("a mark made in the table is not shown")
	}
}

func TestMoreThanSixMarked(t *testing.T) {
	ctx := newContext("BR", "IN", "NG", "FR", "JP", "KE", "PE", "DE")
	s := open(ctx, 200, 46)
	s.ShowCountries()
	text := plain(s)
	if !strings.Contains(text, "6 of 8 marked countries") || !strings.Contains(text, "2 left out") {
		t.Errorf("no word of the two left out:\n%s", text)
	}
	if strings.Contains(text, "Peru") || strings.Contains(text, "Germany") {
		t.Error("a seventh country is shown")
	}
	checkFrame(t, s.View(), 200, 46)
	// At 80 columns the six scroll sideways, the selection in view.
	s.SetSize(80, 20)
	for range 5 {
		press(s, "right")
	}
	if c, _ := s.selectedCountry(); c.ISO2 != "KE" || !strings.Contains(plain(s), "Kenya") {
		t.Errorf("after five → selected %s; Kenya in view: %v", c.ISO2, strings.Contains(plain(s), "Kenya"))
	}
	checkFrame(t, s.View(), 80, 20)
}

func TestSmallAndOddSizes(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{60, 12}, {40, 5}, {0, 0}, {1, 1}, {60, 3}, {300, 80}} {
		for _, marks := range [][]string{nil, {"BR", "IN", "NG"}} {
			ctx := newContext(marks...)
			s := open(ctx, sz.w, sz.h)
			for range model.Groupings() {
				checkFrame(t, s.View(), sz.w, sz.h)
				press(s, "g", "right", "down", "end", "pgdown")
				s.Update(tea.MouseClickMsg{X: sz.w / 2, Y: sz.h / 2, Button: tea.MouseLeft})
				s.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
			}
			s.ShowCountries()
			checkFrame(t, s.View(), sz.w, sz.h)
			press(s, "right", "down", "enter")
			checkFrame(t, s.View(), sz.w, sz.h)
		}
	}
	// 60x12 still shows all 8 regions.
	s := open(newContext(), 60, 12)
	text := plain(s)
	for _, r := range dataset.WikimediaRegions() {
		a, _ := model.RegionAbbr(r)
		if !containsWord(text, a) {
			t.Errorf("60x12 lacks %s:\n%s", a, text)
		}
	}
}

func TestResizeKeepsFrames(t *testing.T) {
	s := open(newContext("BR", "IN", "NG"), 80, 20)
	for _, sz := range []struct{ w, h int }{{200, 46}, {60, 12}, {120, 30}, {80, 20}} {
		s.SetSize(sz.w, sz.h)
		checkFrame(t, s.View(), sz.w, sz.h)
		s.ShowCountries()
		checkFrame(t, s.View(), sz.w, sz.h)
		press(s, "v")
	}
}

func TestThemeChangesInPlace(t *testing.T) {
	ctx := newContext()
	s := open(ctx, 80, 20)
	before := s.View()
	*ctx.Theme = *theme.New(theme.Dark, true)
	after := s.View()
	if before == after {
		t.Error("the view did not restyle when the theme changed in place")
	}
	if ansi.Strip(before) != ansi.Strip(after) {
		t.Error("a theme change altered the text")
	}
}

func TestKeys(t *testing.T) {
	s := open(newContext(), 80, 20)
	var helps []string
	for _, col := range s.Keys().FullHelp() {
		for _, b := range col {
			helps = append(helps, b.Help().Key)
		}
	}
	for _, want := range []string{"enter", "g", "v", "↑/k", "←/h"} {
		if !slices.Contains(helps, want) {
			t.Errorf("regions help lacks %q: %v", want, helps)
		}
	}
	// y and Y are the root's, listed once in the global column.
	if slices.Contains(helps, "y") {
		t.Errorf("regions help lists y beside the global y/Y: %v", helps)
	}
	if g := keyMsg("g"); key.Matches(g, s.keys.Top) {
		t.Error("g is bound to the first line as well as to the grouping")
	}
	s.ShowCountries()
	helps = helps[:0]
	for _, b := range s.Keys().ShortHelp() {
		helps = append(helps, b.Help().Key)
	}
	if !slices.Contains(helps, "x") {
		t.Errorf("countries keys lack x: %v", helps)
	}
	if s.Capturing() || s.Back() {
		t.Error("the screen captures keys or uses esc")
	}
}

func TestGoldens(t *testing.T) {
	for _, sz := range sizes {
		s := open(newContext("BR", "IN", "NG"), sz.w, sz.h)
		golden(t, fmt.Sprintf("regions-%dx%d.golden", sz.w, sz.h), plain(s))
		s.ShowCountries()
		golden(t, fmt.Sprintf("countries-%dx%d.golden", sz.w, sz.h), plain(s))
	}
}

// BenchmarkGroupingKey is g on the regions view at 200x46, from Update to
// the end of View: a new grouping aggregated and laid out.
func BenchmarkGroupingKey(b *testing.B) {
	s := open(newContext(), 200, 46)
	for b.Loop() {
		press(s, "g")
		_ = s.View()
	}
}

// BenchmarkCountriesView is the countries view of six countries drawn
// after the year changed.
func BenchmarkCountriesView(b *testing.B) {
	ctx := newContext("BR", "IN", "NG", "FR", "JP", "KE")
	s := open(ctx, 200, 46)
	s.ShowCountries()
	for b.Loop() {
		ctx.NextYear()
		s.Update(common.YearChangedMsg{})
		_ = s.View()
	}
}
