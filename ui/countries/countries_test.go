package countries

import (
	"fmt"
	"slices"
	"strings"
	"sync"
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

var (
	loadOnce sync.Once
	loaded   *model.Dataset
	loadErr  error
)

// data is the bundled sample database, loaded once.
func data(t *testing.T) *model.Dataset {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = store.LoadFS(sampledata.FS, sampledata.DBName) })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return loaded
}

func newContext(t *testing.T) *common.Context {
	d := data(t)
	return &common.Context{Data: d, Theme: theme.New(theme.Mono, true), Keys: keys.NewGlobal(), Year: d.LatestFullYear()}
}

// newScreen is the countries screen over the sample at 120×30.
func newScreen(t *testing.T) *Screen {
	t.Helper()
	s := New(newContext(t))
	s.SetSize(120, 30)
	return s
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// press sends keys and returns the last key's command.
func press(s *Screen, ks ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range ks {
		_, cmd = s.Update(keyMsg(k))
	}
	return cmd
}

// typeText sends each rune of text as a key press.
func typeText(s *Screen, text string) {
	for _, r := range text {
		s.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// shown lists the ISO2 codes of the rows shown, in order.
func shown(s *Screen) []string {
	var out []string
	for _, i := range s.shown {
		out = append(out, s.rows[i].c.ISO2)
	}
	return out
}

func names(s *Screen) []string {
	var out []string
	for _, i := range s.shown {
		out = append(out, s.rows[i].c.Name)
	}
	return out
}

// selected is the ISO2 code of the row under the cursor, or "".
func selected(s *Screen) string {
	if i := s.table.Cursor(); i >= 0 {
		return s.rows[s.shown[i]].c.ISO2
	}
	return ""
}

func lines(s *Screen) []string { return strings.Split(ansi.Strip(s.View()), "\n") }

func checkFrame(t *testing.T, view string, w, h int) {
	t.Helper()
	ls := strings.Split(view, "\n")
	if len(ls) != h {
		t.Errorf("%dx%d: %d lines, want %d", w, h, len(ls), h)
	}
	for i, l := range ls {
		if got := ansi.StringWidth(l); got != w {
			t.Errorf("%dx%d: line %d is %d cells, want %d: %q", w, h, i, got, w, ansi.Strip(l))
		}
	}
}

// matching lists, in table order (by name), the countries for which keep
// holds: what the table should show, worked out without the screen.
func matching(d *model.Dataset, keep func(c model.Country) bool) []string {
	var out []string
	for _, c := range d.Countries {
		if keep(c) {
			out = append(out, c.ISO2)
		}
	}
	return out
}

func speaks(d *model.Dataset, c model.Country, language string) bool {
	for _, l := range c.Languages {
		if strings.Contains(model.Fold(d.LanguageName(l.Lang)), model.Fold(language)) {
			return true
		}
	}
	return false
}

// --- search ------------------------------------------------------------------

func TestSearchNige(t *testing.T) {
	s := newScreen(t)
	press(s, "/")
	if !s.Capturing() {
		t.Fatal("/ did not start a search")
	}
	typeText(s, "nige")
	if got := names(s); !slices.Equal(got, []string{"Niger", "Nigeria"}) {
		t.Fatalf("/nige shows %q, want Niger and Nigeria", got)
	}
	if selected(s) != "NG" {
		t.Errorf("/nige: cursor on %s, want Nigeria (the most populous match)", selected(s))
	}
	if st := strings.Join(s.Status(), " · "); !strings.Contains(st, "2 of 250 countries") {
		t.Errorf("status %q", st)
	}
	typeText(s, "r")
	if got := names(s); !slices.Equal(got, []string{"Niger", "Nigeria"}) || selected(s) != "NE" {
		t.Errorf("/niger shows %q with the cursor on %s, want Niger (the exact name)", got, selected(s))
	}
	press(s, "backspace")
	if selected(s) != "NG" {
		t.Errorf("back to /nige: cursor on %s, want NG", selected(s))
	}
	// Arrows move in the table while typing.
	press(s, "up")
	if selected(s) != "NE" || !s.Capturing() {
		t.Errorf("up while typing: cursor on %s, capturing %v", selected(s), s.Capturing())
	}
	// esc while typing clears the search.
	press(s, "esc")
	if s.Capturing() || s.search != "" || len(s.shown) != len(s.rows) {
		t.Errorf("esc: capturing %v, search %q, %d rows shown", s.Capturing(), s.search, len(s.shown))
	}
	// enter keeps it, and the bar says so.
	press(s, "/")
	typeText(s, "nige")
	press(s, "enter")
	if s.Capturing() || len(s.shown) != 2 {
		t.Errorf("enter: capturing %v, %d rows", s.Capturing(), len(s.shown))
	}
	if bar := lines(s)[0]; !strings.Contains(bar, "search nige") || !strings.Contains(bar, "esc clears") {
		t.Errorf("bar after enter: %q", bar)
	}
	// / again edits the search it left.
	press(s, "/")
	if s.input.Value() != "nige" {
		t.Errorf("/ again starts from %q, want nige", s.input.Value())
	}
}

func TestSearchFields(t *testing.T) {
	d := data(t)
	for _, c := range []struct {
		query  string
		cursor string                   // the likeliest match
		want   func(model.Country) bool // which countries should be shown; nil: only check cursor
	}{
		{"NGA", "NG", nil}, // ISO3, exact: Nigeria over names holding "nga"
		{"ng", "NG", nil},  // ISO2, exact
		{"fr", "FR", nil},
		{"guinea", "GN", nil}, // the exact name before Papua New Guinea and Equatorial Guinea
		{"congo", "CD", nil},  // two word matches: the more populous
		{"aland", "AX", nil},  // accents do not matter
		{"ÅLAND", "AX", nil},
		{"hausa", "NG", func(c model.Country) bool { return speaks(d, c, "Hausa") }},
		{"sub-saharan", "", func(c model.Country) bool {
			return strings.Contains(c.WikimediaRegion, "Sub-Saharan") || strings.Contains(c.UNSubregion, "Sub-Saharan")
		}},
		{"south asia", "", func(c model.Country) bool {
			return strings.Contains(model.Fold(c.WikimediaRegion+"\x00"+c.UNSubregion), "south asia") ||
				strings.Contains(model.Fold(c.Name), "south asia")
		}},
	} {
		t.Run(c.query, func(t *testing.T) {
			s := newScreen(t)
			press(s, "/")
			typeText(s, c.query)
			if len(s.shown) == 0 {
				t.Fatalf("/%s shows nothing", c.query)
			}
			if c.cursor != "" && selected(s) != c.cursor {
				t.Errorf("/%s: cursor on %s, want %s (shown: %q)", c.query, selected(s), c.cursor, names(s))
			}
			if c.cursor != "" && !slices.Contains(shown(s), c.cursor) {
				t.Errorf("/%s does not show %s", c.query, c.cursor)
			}
			if c.want != nil {
				if got, want := shown(s), matching(d, c.want); !slices.Equal(got, want) {
					t.Errorf("/%s shows %d countries %q,\nwant %d %q", c.query, len(got), got, len(want), want)
				}
			}
			// The rows keep their order: only the cursor moves.
			for i := 1; i < len(s.shown); i++ {
				if s.shown[i] < s.shown[i-1] {
					t.Errorf("/%s: rows out of name order: %q", c.query, names(s))
					break
				}
			}
		})
	}
	if n := len(matching(d, func(c model.Country) bool { return speaks(d, c, "Hausa") })); n < 2 {
		t.Errorf("only %d countries speak Hausa: the language search is not tested", n)
	}
}

func TestSearchNothing(t *testing.T) {
	s := newScreen(t)
	press(s, "/")
	typeText(s, "zzzq")
	if len(s.shown) != 0 || s.table.Cursor() != -1 {
		t.Fatalf("/zzzq: %d rows, cursor %d", len(s.shown), s.table.Cursor())
	}
	press(s, "enter")
	if cmd := press(s, "enter"); cmd != nil {
		t.Errorf("enter on an empty table returned a command: %v", cmd())
	}
	press(s, "space", "down", "G", "g", "right")
	if len(s.ctx.Marks) != 0 {
		t.Errorf("space on an empty table marked %q", s.ctx.Marks)
	}
	checkFrame(t, s.View(), 120, 30)
	if st := strings.Join(s.Status(), " · "); !strings.Contains(st, "0 of 250 countries") {
		t.Errorf("status %q", st)
	}
}

// The name cell wraps exactly the matched text in the Match style.
func TestSearchHighlight(t *testing.T) {
	ctx := newContext(t)
	match := ctx.Theme.Match.Render
	for _, c := range []struct {
		query, iso2, want string
	}{
		{"nige", "NG", match("Nige") + "ria"},
		{"nige", "NE", match("Nige") + "r"},
		{"GERIA", "NG", "Ni" + match("geria")},
		{"aland", "AX", match("Åland")},
		{"land", "AX", "Å" + match("land")},
		{"å", "AX", match("Å") + "land"},
		{"tome", "ST", "São " + match("Tomé") + " and Príncipe"},
		{"sao tome and prin", "ST", match("São Tomé and Prín") + "cipe"},
		{"union", "RE", "Ré" + match("union")},
		{"curacao", "CW", match("Curaçao")},
		{"nga", "NG", "Nigeria"}, // matched by its ISO3: nothing in the name to mark
		{"hausa", "NE", "Niger"}, // matched by a language
	} {
		s := New(ctx)
		s.SetSize(120, 30)
		press(s, "/")
		typeText(s, c.query)
		n := slices.Index(shown(s), c.iso2)
		if n < 0 {
			t.Errorf("/%s does not show %s", c.query, c.iso2)
			continue
		}
		if got := (tableRows{s}).Cell(n, 0); got != c.want {
			t.Errorf("/%s: %s's name cell is %q, want %q", c.query, c.iso2, got, c.want)
		}
	}

	// Names that keep a letter of more than one byte after folding (ł, ß):
	// the match is still the right part of the name.
	d := data(t)
	for _, c := range []struct{ name, query, want string }{
		{"Łódź Land", "land", "Łódź [Land]"},
		{"Łódź Land", "łodz", "[Łódź] Land"},
		{"Straße Island", "island", "Straße [Island]"},
		{"Straße", "e", "Straß[e]"},
		{"Ωmega Øya", "oya", "Ωmega Øya"}, // ø does not fold to o: no match in the name
		{"Ωmega Øya", "øya", "Ωmega [Øya]"},
	} {
		r := newRow(d, model.Country{Name: c.name})
		got := r.highlight(model.Fold(c.query), func(m string) string { return "[" + m + "]" })
		if got != c.want {
			t.Errorf("highlight(%q in %q) = %q, want %q", c.query, c.name, got, c.want)
		}
	}
}

// --- filter ------------------------------------------------------------------

func TestFilter(t *testing.T) {
	d := data(t)
	s := newScreen(t)
	year := s.ctx.Year
	under40 := matching(d, func(c model.Country) bool {
		v, ok := d.Score(c.ISO2, model.Editorship, model.Overall, year)
		return ok && v < 40
	})
	if len(under40) < 10 || len(under40) > 240 {
		t.Fatalf("%d countries have editorship < 40: pick another test", len(under40))
	}

	press(s, "f")
	if !s.Capturing() {
		t.Fatal("f did not open the filter")
	}
	typeText(s, "editorship<40")
	if s.errMsg != "" {
		t.Fatalf("editorship<40: error %q", s.errMsg)
	}
	if got := shown(s); !slices.Equal(got, under40) {
		t.Fatalf("editorship<40 shows %d countries, want %d", len(got), len(under40))
	}
	for _, iso := range shown(s) {
		if v, ok := d.Score(iso, model.Editorship, model.Overall, year); !ok || v >= 40 {
			t.Errorf("editorship<40 shows %s with %v, %v", iso, v, ok)
		}
	}

	// A continuation that is wrong from its first key: the error shows
	// under the input with a caret under the offending text, and the table
	// keeps editorship<40.
	typeText(s, " =1")
	if s.errMsg == "" {
		t.Fatal("editorship<40 =1 gave no error")
	}
	ls := lines(s)
	if !strings.Contains(ls[1], "missing field") {
		t.Errorf("the line under the input does not say what is wrong: %q", ls[1])
	}
	caret := strings.Index(ls[1], "^")
	if want := strings.Index(ls[0], "=1"); caret != want || caret < 0 {
		t.Errorf("caret at %d, want %d under %q:\n%s\n%s", caret, want, "=", ls[0], ls[1])
	}
	if got := shown(s); !slices.Equal(got, under40) {
		t.Errorf("with the error the table shows %d countries, want the %d of editorship<40", len(got), len(under40))
	}
	checkTyping(t, s.View(), 120, 30)
	// enter keeps the good filter.
	press(s, "enter")
	if s.Capturing() || s.filter.String() != "editorship<40" || !slices.Equal(shown(s), under40) {
		t.Errorf("enter: capturing %v, filter %q, %d rows", s.Capturing(), s.filter.String(), len(s.shown))
	}
	if bar := lines(s)[0]; !strings.Contains(bar, "filter editorship<40") {
		t.Errorf("bar after enter: %q", bar)
	}
	checkFrame(t, s.View(), 120, 30)

	// f again starts from the filter; esc while editing gives it back, even
	// after a good change was applied.
	press(s, "f")
	if s.input.Value() != "editorship<40" {
		t.Errorf("f again starts from %q", s.input.Value())
	}
	typeText(s, " population>10m")
	if s.filter.String() != "editorship<40 population>10m" || len(s.shown) >= len(under40) {
		t.Errorf("population>10m: filter %q, %d rows", s.filter.String(), len(s.shown))
	}
	for _, iso := range shown(s) {
		if p, ok := d.ContextAt(iso, model.IndPopulation, year); !ok || p.Value <= 10e6 {
			t.Errorf("population>10m shows %s with %v", iso, p.Value)
		}
	}
	press(s, "esc")
	if s.Capturing() || s.filter.String() != "editorship<40" || !slices.Equal(shown(s), under40) {
		t.Errorf("esc: capturing %v, filter %q, %d rows; want editorship<40 back", s.Capturing(), s.filter.String(), len(s.shown))
	}
}

// Typed a key at a time, "editorship<40 bogus:1" passes through good
// expressions (bare words are names) before it goes wrong: the table keeps
// the last of them.
func TestFilterKeepsLastGood(t *testing.T) {
	d := data(t)
	s := newScreen(t)
	text := "editorship<40 bogus:1"
	press(s, "f")
	typeText(s, text)
	if s.errMsg == "" {
		t.Fatalf("%q gave no error", text)
	}
	if v := strings.Join(lines(s)[:2], "\n"); !strings.Contains(v, "bogus") || !strings.Contains(v, "^") {
		t.Errorf("the error is not shown under the input:\n%s", v)
	}
	lastGood := ""
	for i := range len(text) + 1 {
		if _, err := model.ParseFilter(text[:i]); err == nil {
			lastGood = text[:i]
		}
	}
	f, _ := model.ParseFilter(lastGood)
	want := matching(d, func(c model.Country) bool { return f.Match(d, c, s.ctx.Year) })
	if got := shown(s); !slices.Equal(got, want) || s.filter.String() != strings.TrimSpace(lastGood) {
		t.Errorf("the table shows %d rows under filter %q; want the %d of the last good %q", len(got), s.filter.String(), len(want), lastGood)
	}
}

func TestFilterEscFromEmpty(t *testing.T) {
	s := newScreen(t)
	press(s, "f")
	typeText(s, "class:emerging")
	if len(s.shown) == len(s.rows) || len(s.shown) == 0 {
		t.Fatalf("class:emerging shows %d rows", len(s.shown))
	}
	press(s, "esc")
	if !s.filter.Empty() || len(s.shown) != len(s.rows) {
		t.Errorf("esc: filter %q, %d rows", s.filter.String(), len(s.shown))
	}
}

// --- region, sort, year, back -------------------------------------------------

func TestRegionCycle(t *testing.T) {
	d := data(t)
	s := newScreen(t)
	regions := d.WikimediaRegions()
	if len(regions) != 8 {
		t.Fatalf("%d regions", len(regions))
	}
	for _, want := range append(slices.Clone(regions), "") {
		press(s, "R")
		if s.region != want {
			t.Fatalf("R: region %q, want %q", s.region, want)
		}
		exp := matching(d, func(c model.Country) bool { return want == "" || c.WikimediaRegion == want })
		if got := shown(s); !slices.Equal(got, exp) {
			t.Errorf("region %q: %d rows, want %d", want, len(got), len(exp))
		}
		st := strings.Join(s.Status(), " · ")
		if want != "" && !strings.Contains(st, "region: "+want) {
			t.Errorf("status %q does not name the region", st)
		}
		if want == "" && strings.Contains(st, "region:") {
			t.Errorf("status %q names a region after the cycle", st)
		}
	}
}

// value is the figure a numeric sort key orders by, read from the dataset.
func value(d *model.Dataset, iso2 string, k sortKey, year int) (float64, bool) {
	switch k {
	case byPopulation:
		p, ok := d.ContextAt(iso2, model.IndPopulation, year)
		return p.Value, ok
	case byInternet:
		p, ok := d.ContextAt(iso2, model.IndInternet, year)
		return p.Value, ok
	}
	return d.Score(iso2, model.Domains()[k-byDomain].ID, model.Overall, year)
}

// checkOrder checks the shown rows are sorted by k, with the rows without
// a value last, and ties by name.
func checkOrder(t *testing.T, s *Screen, k sortKey, desc bool) {
	t.Helper()
	d, year := s.ctx.Data, s.ctx.Year
	rank := map[string]int{}
	for i, c := range d.Countries {
		rank[c.ISO2] = i
	}
	iso := shown(s)
	if len(iso) != len(d.Countries) {
		t.Fatalf("%d rows shown", len(iso))
	}
	for i := 1; i < len(iso); i++ {
		a, b := d.Countries[rank[iso[i-1]]], d.Countries[rank[iso[i]]]
		var ok bool
		switch k {
		case byName:
			ok = rank[a.ISO2] < rank[b.ISO2] != desc
		case byRegion:
			switch {
			case b.WikimediaRegion == "":
				ok = a.WikimediaRegion != "" || rank[a.ISO2] < rank[b.ISO2]
			case a.WikimediaRegion == "":
				ok = false
			case a.WikimediaRegion == b.WikimediaRegion:
				ok = rank[a.ISO2] < rank[b.ISO2]
			default:
				ok = a.WikimediaRegion < b.WikimediaRegion != desc
			}
		default:
			va, oka := value(d, a.ISO2, k, year)
			vb, okb := value(d, b.ISO2, k, year)
			switch {
			case !okb:
				ok = oka || rank[a.ISO2] < rank[b.ISO2]
			case !oka:
				ok = false
			case va == vb:
				ok = rank[a.ISO2] < rank[b.ISO2]
			default:
				ok = va < vb != desc
			}
		}
		if !ok {
			t.Fatalf("by %s (desc %v): %s before %s", k.name(), desc, a.Name, b.Name)
		}
	}
}

func TestSortCycle(t *testing.T) {
	d := data(t)
	s := newScreen(t)
	checkOrder(t, s, byName, false)
	want := []struct {
		key  sortKey
		name string
		desc bool
	}{
		{byRegion, "region", false},
		{byPopulation, "population", true},
		{byInternet, "internet", true},
	}
	for i, dom := range model.Domains() {
		want = append(want, struct {
			key  sortKey
			name string
			desc bool
		}{byDomain + sortKey(i), strings.ToLower(dom.Name), true})
	}
	want = append(want, struct {
		key  sortKey
		name string
		desc bool
	}{byName, "name", false})
	withoutValue := 0
	for _, w := range want {
		press(s, "s")
		if s.sortBy != w.key || s.desc != w.desc {
			t.Fatalf("s: sort by %s desc %v, want %s desc %v", s.sortBy.name(), s.desc, w.name, w.desc)
		}
		arrow := map[bool]string{true: "↓", false: "↑"}
		if st := strings.Join(s.Status(), " · "); !strings.Contains(st, "by "+w.name+" "+arrow[w.desc]) {
			t.Errorf("status %q does not say by %s %s", st, w.name, arrow[w.desc])
		}
		checkOrder(t, s, w.key, w.desc)
		// The column title carries the arrow.
		if head := lines(s)[1]; !strings.Contains(head, arrow[w.desc]) {
			t.Errorf("by %s: header %q has no %s", w.name, head, arrow[w.desc])
		}
		press(s, "S")
		if s.desc == w.desc {
			t.Fatalf("S did not reverse by %s", w.name)
		}
		checkOrder(t, s, w.key, !w.desc)
		press(s, "S")
		checkOrder(t, s, w.key, w.desc)
		if w.key >= byPopulation {
			for _, c := range d.Countries {
				if _, ok := value(d, c.ISO2, w.key, s.ctx.Year); !ok {
					withoutValue++
					break
				}
			}
		}
	}
	if withoutValue < 3 {
		t.Errorf("only %d numeric sorts have a country without a value: 'last both ways' is hardly tested", withoutValue)
	}
}

// The sorted column's title keeps its arrow at every layout, shortened if
// need be.
func TestSortArrowInHeader(t *testing.T) {
	for _, w := range []int{80, 100, 120, 140, 200} {
		s := New(newContext(t))
		s.SetSize(w, 12)
		for range sortKeys() {
			for range 2 { // both ways
				arrow := "↑"
				if s.desc {
					arrow = "↓"
				}
				n := 0
				for i, c := range s.table.Columns {
					if strings.Contains(c.Title, arrow) {
						n++
						if ansi.StringWidth(c.Title) > c.Width {
							t.Errorf("%d: title %q is wider than its column (%d)", w, c.Title, c.Width)
						}
						if i == 0 && s.sortBy != byName || i > 0 && s.sortBy == byName {
							t.Errorf("%d: by %s the arrow is on column %d", w, s.sortBy.name(), i)
						}
					}
				}
				shown := slices.Contains(s.layout.kinds, colInternet) || s.sortBy != byInternet
				if head := lines(s)[1]; shown && (n != 1 || !strings.Contains(head, arrow)) {
					t.Errorf("%d: by %s %s the header is %q", w, s.sortBy.name(), arrow, head)
				}
				// a column given way: the status line names the sort
				if st := strings.Join(s.Status(), " · "); !shown && (n != 0 || !strings.Contains(st, "by internet "+arrow)) {
					t.Errorf("%d: by internet, not shown, the status says %q", w, st)
				}
				press(s, "S")
			}
			press(s, "s")
		}
	}
}

func TestSortKeepsCursorCountry(t *testing.T) {
	s := newScreen(t)
	press(s, "/")
	typeText(s, "nigeria")
	press(s, "enter") // keep Nigeria under the cursor
	s.Back()          // and show every row
	if selected(s) != "NG" || len(s.shown) != len(s.rows) {
		t.Fatalf("cursor on %s with %d rows", selected(s), len(s.shown))
	}
	for range 4 {
		press(s, "s")
		if selected(s) != "NG" {
			t.Fatalf("by %s the cursor moved to %s", s.sortBy.name(), selected(s))
		}
	}
}

func TestYearSteps(t *testing.T) {
	d := data(t)
	s := newScreen(t)
	years := d.Years
	if len(years) < 2 {
		t.Fatalf("years %v", years)
	}
	ng := slices.Index(shown(s), "NG")
	col := slices.Index(s.layout.kinds, colDomain+1) // Editorship
	start := slices.Index(years, s.ctx.Year)
	year := s.ctx.Year
	changed := 0
	for i := range years {
		want := years[(start+1+i)%len(years)] // from the latest, y wraps to the first
		// The root steps the year (y) and tells the screen.
		s.ctx.NextYear()
		if s.ctx.Year != want {
			t.Fatalf("y from %d: year %d, want %d", year, s.ctx.Year, want)
		}
		msg := common.YearChangedMsg{}
		before := (tableRows{s}).Cell(ng, col)
		s.Update(msg)
		after := (tableRows{s}).Cell(ng, col)
		v, ok := d.Score("NG", model.Editorship, model.Overall, want)
		if ok && !strings.Contains(ansi.Strip(after), fmt.Sprintf("%5.1f", v)) {
			t.Errorf("%d: Nigeria's editorship cell %q, want %.1f", want, ansi.Strip(after), v)
		}
		if after != before {
			changed++
		}
		year = want
	}
	if s.ctx.Year != d.LatestFullYear() {
		t.Errorf("after %d steps the year is %d, want %d again", len(years), s.ctx.Year, d.LatestFullYear())
	}
	// Years without modeled editors (the real page view releases alone)
	// show no editorship: stepping from one to the next changes nothing.
	still := 0
	for i, y := range years {
		if d.NoFigures(model.Editorship, y) && d.NoFigures(model.Editorship, years[(i+len(years)-1)%len(years)]) {
			still++
		}
	}
	if changed < len(years)-1-still {
		t.Errorf("the figures changed in only %d of %d steps", changed, len(years))
	}
}

func TestBackClearsOneAtATime(t *testing.T) {
	s := newScreen(t)
	press(s, "R")
	press(s, "f")
	typeText(s, "population>1m")
	press(s, "enter")
	press(s, "/")
	typeText(s, "a")
	press(s, "enter")
	region := s.region
	steps := []struct {
		search, filter, region string
		used                   bool
	}{
		{"", "population>1m", region, true},
		{"", "", region, true},
		{"", "", "", true},
		{"", "", "", false},
	}
	for i, w := range steps {
		used := s.Back()
		if used != w.used || s.search != w.search || s.filter.String() != w.filter || s.region != w.region {
			t.Errorf("Back %d: used %v, search %q, filter %q, region %q; want %v, %q, %q, %q",
				i+1, used, s.search, s.filter.String(), s.region, w.used, w.search, w.filter, w.region)
		}
	}
	if len(s.shown) != len(s.rows) {
		t.Errorf("everything cleared but %d of %d rows shown", len(s.shown), len(s.rows))
	}
}

// --- layout ------------------------------------------------------------------

func TestLayoutByWidth(t *testing.T) {
	for _, c := range []struct {
		width                  int
		bars, fullRegion, code bool
		scrolls                bool
		head                   []string // in the header
		notHead                []string
	}{
		{250, true, true, true, false, []string{"Country", "Code", "Region", "People", "Online", "Readers", "Affil."}, nil},
		// six domains: the bars need 155 columns
		{160, true, true, true, false, []string{"Code", "Affil.", "Access"}, nil},
		{140, false, true, true, false, []string{"Code", "Affil.", "Access"}, nil},
		// an old internet figure says its year: the column takes 10 cells
		{120, false, false, true, false, []string{"Code", "Affil.", "Access"}, nil},
		{100, false, false, false, false, []string{"Online", "Affil.", "Access"}, []string{"Code"}},
		// every domain at 80; the internet users give way (Access ranks them)
		{80, false, false, false, false, []string{"Region", "People", "Affil.", "Access"}, []string{"Code", "Online"}},
		{60, false, false, false, true, []string{"Country", "Region"}, []string{"Code", "Affil."}},
	} {
		t.Run(fmt.Sprint(c.width), func(t *testing.T) {
			s := New(newContext(t))
			s.SetSize(c.width, 20)
			l := s.layout
			if l.bars != c.bars || l.fullRegion != c.fullRegion || slices.Contains(l.kinds, colCode) != c.code {
				t.Errorf("bars %v, full region %v, code %v; want %v, %v, %v", l.bars, l.fullRegion, slices.Contains(l.kinds, colCode), c.bars, c.fullRegion, c.code)
			}
			if s.table.HasMoreRight() != c.scrolls {
				t.Errorf("scrolls %v, want %v", s.table.HasMoreRight(), c.scrolls)
			}
			if !c.scrolls && l.total() > c.width {
				t.Errorf("columns take %d cells of %d", l.total(), c.width)
			}
			ls := lines(s)
			for _, h := range c.head {
				if !strings.Contains(ls[1], h) {
					t.Errorf("header %q lacks %q", ls[1], h)
				}
			}
			for _, h := range c.notHead {
				if strings.Contains(ls[1], h) {
					t.Errorf("header %q has %q", ls[1], h)
				}
			}
			row := ls[2] // Afghanistan
			if got := strings.Contains(row, "South Asia"); got != c.fullRegion {
				t.Errorf("full region name shown %v: %q", got, row)
			}
			if got := strings.ContainsAny(row, "█▏▎▍▌▋▊▉"); got != c.bars {
				t.Errorf("bars shown %v: %q", got, row)
			}
			if got := strings.Contains(row, " AF "); got != c.code {
				t.Errorf("code shown %v: %q", got, row)
			}
			checkFrame(t, s.View(), c.width, 20)
		})
	}
	// Every width from the narrowest to the widest: the columns fit unless
	// the table scrolls, and dropping is in order (bars, then full regions,
	// then the code).
	prev := newLayout(300)
	for w := 299; w >= 40; w-- {
		l := newLayout(w)
		if l.total() > w && l.total() != newLayout(0).total() {
			t.Errorf("width %d: columns take %d", w, l.total())
		}
		if l.bars && !prev.bars || l.fullRegion && !prev.fullRegion || slices.Contains(l.kinds, colCode) && !slices.Contains(prev.kinds, colCode) {
			t.Errorf("width %d brings back a column width %d dropped", w, w+1)
		}
		if !l.fullRegion && l.bars || !slices.Contains(l.kinds, colCode) && l.fullRegion {
			t.Errorf("width %d: dropped out of order (bars %v, full region %v, code %v)", w, l.bars, l.fullRegion, slices.Contains(l.kinds, colCode))
		}
		prev = l
	}
}

func TestScrollSideways(t *testing.T) {
	s := New(newContext(t))
	s.SetSize(60, 12)
	head := lines(s)[1]
	if strings.HasPrefix(head, "‹") || !strings.HasSuffix(head, "›") {
		t.Fatalf("at 60 the header should show › only: %q", head)
	}
	press(s, "l")
	head, row := lines(s)[1], lines(s)[2]
	if !strings.HasPrefix(head, "‹") || strings.Contains(head, "Region") {
		t.Errorf("after l: header %q, want ‹ and the region scrolled away", head)
	}
	if !strings.Contains(row, "Afghanistan") || !strings.Contains(head, "Country") {
		t.Errorf("after l the name column is gone: %q / %q", head, row)
	}
	for range 10 {
		press(s, "right")
	}
	head = lines(s)[1]
	if strings.HasSuffix(head, "›") || !strings.Contains(head, "Affil.") {
		t.Errorf("scrolled to the end: header %q, want Affil. and no ›", head)
	}
	if !strings.Contains(lines(s)[2], "Afghanistan") {
		t.Errorf("scrolled to the end, the name column is gone: %q", lines(s)[2])
	}
	checkFrame(t, s.View(), 60, 12)
	for range 10 {
		press(s, "h")
	}
	head = lines(s)[1]
	if strings.HasPrefix(head, "‹") || !strings.Contains(head, "Region") {
		t.Errorf("scrolled back: header %q", head)
	}
}

// checkTyping is checkFrame for a screen with the search or filter input
// open: the input's line is not padded to the width (the root pads the
// body), so it is checked for fitting rather than for filling.
func checkTyping(t *testing.T, view string, w, h int) {
	t.Helper()
	ls := strings.Split(view, "\n")
	if len(ls) != h {
		t.Errorf("%dx%d: %d lines, want %d", w, h, len(ls), h)
	}
	for i, l := range ls {
		got := ansi.StringWidth(l)
		if got > w || i > 0 && got != w {
			t.Errorf("%dx%d: line %d is %d cells, want %d: %q", w, h, i, got, w, ansi.Strip(l))
		}
	}
}

// The screen draws exactly its size at every width, in every mode. The
// heights are those a body can have: the root needs 16 lines, 4 of them
// its own.
func TestViewSize(t *testing.T) {
	for _, w := range []int{60, 61, 79, 80, 89, 94, 100, 110, 120, 139, 140, 148, 200, 250} {
		for _, h := range []int{12, 30, 50} {
			s := New(newContext(t))
			s.SetSize(w, h)
			checkFrame(t, s.View(), w, h)
			press(s, "/")
			typeText(s, "ni")
			checkTyping(t, s.View(), w, h)
			press(s, "enter")
			checkFrame(t, s.View(), w, h)
			press(s, "f")
			typeText(s, "population>1m =")
			checkTyping(t, s.View(), w, h)
			press(s, "enter", "l", "l", "s", "s", "s", "s")
			checkFrame(t, s.View(), w, h)
			s.SetSize(w+7, h+3) // and again after a resize
			checkFrame(t, s.View(), w+7, h+3)
		}
	}
}

// --- mouse and marks ----------------------------------------------------------

func click(s *Screen, y int) tea.Cmd {
	_, cmd := s.Update(tea.MouseClickMsg{X: 5, Y: y, Button: tea.MouseLeft})
	return cmd
}

func TestMouse(t *testing.T) {
	s := newScreen(t)
	// Line 0 is the bar, 1 the header, 2 the first row.
	if cmd := click(s, 4); cmd != nil || s.table.Cursor() != 2 {
		t.Fatalf("click on line 4: cursor %d, command %v", s.table.Cursor(), cmd)
	}
	want := s.rows[s.shown[2]].c.ISO2
	cmd := click(s, 4)
	if cmd == nil {
		t.Fatal("a second click on the selected row did not open it")
	}
	if msg, ok := cmd().(common.OpenCountryMsg); !ok || msg.ISO2 != want {
		t.Errorf("second click: %#v, want OpenCountryMsg{%s}", cmd(), want)
	}
	// A click on another row selects it without opening.
	if cmd := click(s, 6); cmd != nil || s.table.Cursor() != 4 {
		t.Errorf("click on line 6: cursor %d, command %v", s.table.Cursor(), cmd)
	}
	// The bar and header are not rows.
	for _, y := range []int{0, 1} {
		if cmd := click(s, y); cmd != nil || s.table.Cursor() != 4 {
			t.Errorf("click on line %d: cursor %d, command %v", y, s.table.Cursor(), cmd)
		}
	}
	s.Update(tea.MouseWheelMsg{X: 5, Y: 5, Button: tea.MouseWheelDown})
	if s.table.Cursor() != 7 {
		t.Errorf("wheel down: cursor %d, want 7", s.table.Cursor())
	}
	s.Update(tea.MouseWheelMsg{X: 5, Y: 5, Button: tea.MouseWheelUp})
	s.Update(tea.MouseWheelMsg{X: 5, Y: 5, Button: tea.MouseWheelUp})
	s.Update(tea.MouseWheelMsg{X: 5, Y: 5, Button: tea.MouseWheelUp})
	if s.table.Cursor() != 0 {
		t.Errorf("wheel up: cursor %d, want 0", s.table.Cursor())
	}
	// With the filter's error line the rows start a line lower.
	press(s, "f")
	typeText(s, "=") // wrong from the first key: every row stays
	if s.barLines() != 2 {
		t.Fatalf("bar lines %d with an error", s.barLines())
	}
	click(s, 5)
	if s.table.Cursor() != 2 {
		t.Errorf("click on line 5 under an error line: cursor %d, want 2", s.table.Cursor())
	}
}

func TestMarks(t *testing.T) {
	s := newScreen(t)
	press(s, "space")
	if !slices.Equal(s.ctx.Marks, []string{"AF"}) || s.table.Cursor() != 1 {
		t.Fatalf("space: marks %q, cursor %d", s.ctx.Marks, s.table.Cursor())
	}
	if row := lines(s)[2]; !strings.HasPrefix(row, " ●Afghanistan") {
		t.Errorf("marked row %q", row)
	}
	if st := strings.Join(s.Status(), " · "); !strings.Contains(st, "1 marked") {
		t.Errorf("status %q", st)
	}
	press(s, "space", "space")
	if !slices.Equal(s.ctx.Marks, []string{"AF", "AX", "AL"}) {
		t.Errorf("marks %q", s.ctx.Marks)
	}
	press(s, "up", "space") // unmarks Albania
	if !slices.Equal(s.ctx.Marks, []string{"AF", "AX"}) {
		t.Errorf("unmark: marks %q", s.ctx.Marks)
	}
	press(s, "G", "space") // the last row: the cursor stays
	if s.table.Cursor() != len(s.shown)-1 || len(s.ctx.Marks) != 3 {
		t.Errorf("space on the last row: cursor %d, %d marks", s.table.Cursor(), len(s.ctx.Marks))
	}
	// Marks survive a search that hides them.
	press(s, "/")
	typeText(s, "nige")
	press(s, "enter")
	s.Back()
	press(s, "g")
	if len(s.ctx.Marks) != 3 || !strings.HasPrefix(lines(s)[2], "▶●Afghanistan") {
		t.Errorf("after a search: marks %q, row %q", s.ctx.Marks, lines(s)[2])
	}
}

func TestKeysHelp(t *testing.T) {
	s := newScreen(t)
	short := func() []string {
		var out []string
		for _, b := range s.Keys().ShortHelp() {
			out = append(out, b.Help().Key)
		}
		return out
	}
	if got := short(); !slices.Contains(got, "/") || !slices.Contains(got, "enter") {
		t.Errorf("browsing keys %q", got)
	}
	press(s, "/")
	if got := short(); slices.Contains(got, "/") || !slices.Contains(got, "esc") {
		t.Errorf("typing keys %q", got)
	}
	note := s.HelpNote(60)
	if len(note) == 0 || !strings.Contains(ansi.Strip(strings.Join(note, "\n")), "editorship") {
		t.Errorf("help note %q", note)
	}
	for _, l := range note {
		if ansi.StringWidth(l) > 60 {
			t.Errorf("help note line is %d cells: %q", ansi.StringWidth(l), ansi.Strip(l))
		}
	}
}

// A region handed over by the compare view narrows the table; one whose
// expression does not parse (a region name from a hostile database) opens
// in the filter bar with its error, and the table stays whole.
func TestShowFilter(t *testing.T) {
	s := newScreen(t)
	all := len(shown(s))
	s.ShowFilter(`region:"South Asia"`)
	if got := len(shown(s)); got != 8 || s.Capturing() {
		t.Fatalf("region:\"South Asia\" shows %d countries (capturing %v), want 8", got, s.Capturing())
	}
	s.ShowFilter(`region:"South Asia`)
	if !s.Capturing() || s.errMsg == "" {
		t.Fatalf("a bad expression: capturing %v, error %q; want the filter bar with its error", s.Capturing(), s.errMsg)
	}
	if !strings.Contains(ansi.Strip(s.View()), s.errMsg) {
		t.Errorf("the error %q is not on screen:\n%s", s.errMsg, ansi.Strip(s.View()))
	}
	if got := len(shown(s)); got != 8 {
		t.Errorf("a bad expression changed the table: %d countries shown, want the 8 of before (of %d)", got, all)
	}
}

// Every printable character types into the search and the filter: j and k
// are letters there, not the cursor ("kenya" was "enya"), and so is every
// other key the table binds (s, S, y, R, f, c, space, q…).
func TestTypingTakesEveryCharacter(t *testing.T) {
	var ascii strings.Builder
	for r := rune(' '); r <= '~'; r++ {
		ascii.WriteRune(r)
	}
	for _, open := range []string{"/", "f"} {
		for _, text := range []string{"kenya", "market:expand", "gdp<5k internet<20", "jjkk", ascii.String(), "Côte d'Ivoire", "日本", "Ελλάδα", "مصر"} {
			s := newScreen(t)
			press(s, open)
			typeText(s, text)
			if got := s.input.Value(); got != text {
				t.Errorf("%s then %q: the input holds %q", open, text, got)
			}
		}
	}
	s := newScreen(t)
	press(s, "/")
	typeText(s, "kenya")
	// Kenya, and Cameroon, where Kenyang is spoken.
	if got := shown(s); !slices.Equal(got, []string{"CM", "KE"}) {
		t.Errorf("/kenya shows %v, want Cameroon and Kenya", got)
	}
}
