// Package compare is the Compare section: the regions of a grouping side
// by side (the 8 Wikimedia regions first), and the countries marked in the
// table side by side.
//
// Regions are one column each when they all fit, with the measures as rows
// and their names frozen on the left; on a narrower terminal they are one
// row each, with the measures as columns that scroll sideways. Every
// measure has a bar scaled across the regions, so the eye can compare.
package compare

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/common"
	"github.com/equitylandscape/equity/ui/components"
)

// view is which comparison the screen shows.
type view int

const (
	regionsView view = iota
	countriesView
)

// Screen is the Compare section's screen.
type Screen struct {
	ctx  *common.Context
	keys Keys
	view view

	grouping model.Grouping
	agg      model.Aggregates
	// The regions view: its grid, the line over it and the notes under it;
	// rowsLayout is true when the regions are rows (a narrow terminal).
	reg        grid
	regHeading string
	regNotes   []string
	rowsLayout bool

	// The countries view: its grid, heading and notes, or the explanation
	// shown while fewer than two countries are marked.
	cmp         grid
	cmpHeading  string
	cmpNotes    []string
	cmpEmpty    []string
	profiles    []model.Profile
	profilesKey string

	width, height int
	// built is what each view was laid out for: the theme (it changes in
	// place when the terminal's background becomes known), the year, the
	// size, the grouping and the marks. A difference lays it out again.
	built [2]string
}

// New builds the screen on the regions view of the Wikimedia regions.
func New(ctx *common.Context) *Screen {
	return &Screen{ctx: ctx, keys: newKeys(), grouping: model.GroupWikimedia}
}

// ShowCountries switches to the marked countries (the table's c).
func (s *Screen) ShowCountries() {
	s.view = countriesView
	s.ensure()
}

// Grouping is the grouping the regions view shows.
func (s *Screen) Grouping() model.Grouping { return s.grouping }

// stamp is what a view's layout depends on.
func (s *Screen) stamp(v view) string {
	st := fmt.Sprint(s.ctx.Theme.Name, "|", s.ctx.Year, "|", s.width, "x", s.height)
	if v == regionsView {
		return st + "|" + string(s.grouping)
	}
	return st + "|" + strings.Join(s.ctx.Marks, ",")
}

// ensure lays the current view out again if anything it depends on
// changed: the marks change in the countries table, the theme in place.
func (s *Screen) ensure() {
	st := s.stamp(s.view)
	if s.built[s.view] == st {
		return
	}
	s.built[s.view] = st
	if s.view == regionsView {
		s.buildRegions()
	} else {
		s.buildCountries()
	}
}

// SetSize lays the view out for the body's size.
func (s *Screen) SetSize(w, h int) {
	s.width, s.height = max(0, w), max(0, h)
	s.ensure()
}

// fit sizes a grid to the body under the heading line and returns the
// notes to draw under it: all of them when they fit, else the short note,
// else none; the grid keeps at least its header and a line.
func (s *Screen) fit(g *grid, notes []string, short string) []string {
	th := s.ctx.Theme
	g.width = s.width
	avail := max(0, s.height-1)
	var lines []string
	for _, n := range notes {
		lines = append(lines, components.Wrap(n, max(1, s.width-1))...)
	}
	g.showGroups = true
	need := g.headLines() + len(g.lines)
	if need+len(lines) > avail && g.groups != nil {
		g.showGroups = false // the measures' groups go before the notes
		need--
	}
	if need+len(lines) > avail {
		lines = nil
		if short != "" && avail >= g.headLines()+2 {
			lines = []string{short}
		}
	}
	g.height = min(avail-len(lines), g.headLines()+len(g.lines))
	g.clamp()
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = components.Fit(" "+th.Note.Render(l), s.width)
	}
	return out
}

// headline is the line over a view: its title, and the longest of the
// hints of its keys that fits at the right.
func (s *Screen) headline(title string, hints ...string) string {
	th := s.ctx.Theme
	left := " " + th.Heading.Render(title)
	lw := ansi.StringWidth(left)
	for _, hint := range hints {
		if hw := ansi.StringWidth(hint); lw+2+hw+1 <= s.width {
			return left + strings.Repeat(" ", s.width-lw-hw-1) + th.Muted.Render(hint) + " "
		}
	}
	return components.Fit(left, s.width)
}

// Crumb names the view.
func (s *Screen) Crumb() string {
	if s.view == countriesView {
		return "Countries compared"
	}
	return "Regions"
}

// Capturing is false: the screen has no text input.
func (s *Screen) Capturing() bool { return false }

// Back leaves esc to the root: there is nothing to clear.
func (s *Screen) Back() bool { return false }

// Keys are the current view's bindings.
func (s *Screen) Keys() help.KeyMap {
	if s.view == countriesView {
		return countryKeys{s.keys}
	}
	return regionKeys{s.keys, s.rowsLayout}
}

// Status says what is compared and what is selected.
func (s *Screen) Status() []string {
	s.ensure()
	if s.view == countriesView {
		all, shown := s.marked(), s.compared()
		switch {
		case len(shown) < minCountries:
			return []string{fmt.Sprintf("%d marked", len(all))}
		case len(all) > len(shown):
			return []string{fmt.Sprintf("%d of %d marked countries", len(shown), len(all)), shown[s.cmp.cursor].Name}
		}
		return []string{fmt.Sprintf("%d countries", len(shown)), shown[s.cmp.cursor].Name}
	}
	out := []string{groupCount(s.grouping, len(s.agg.Regions))}
	if r, ok := s.selectedRegion(); ok {
		out = append(out, r)
	}
	return out
}

// groupCount says how many groups a grouping has: "8 Wikimedia regions".
func groupCount(g model.Grouping, n int) string {
	switch g {
	case model.GroupEmerging:
		return fmt.Sprintf("%d emerging-community classes", n)
	case model.GroupEconomic:
		return "Global North and South"
	}
	return fmt.Sprintf("%d %s", n, g.Title())
}

// selectedRegion is the region under the cursor.
func (s *Screen) selectedRegion() (string, bool) {
	if s.reg.cursor < 0 || s.reg.cursor >= len(s.agg.Regions) {
		return "", false
	}
	return s.agg.Regions[s.reg.cursor].Name, true
}

// selectedCountry is the country column under the cursor.
func (s *Screen) selectedCountry() (model.Country, bool) {
	shown := s.compared()
	if len(shown) < minCountries || s.cmp.cursor >= len(shown) {
		return model.Country{}, false
	}
	return shown[s.cmp.cursor], true
}

// Update handles keys, the mouse and year changes.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.YearChangedMsg:
		s.ensure()
		return s, nil
	case tea.KeyPressMsg:
		s.ensure()
		return s, s.key(msg)
	case tea.MouseClickMsg:
		s.ensure()
		return s, s.click(msg)
	case tea.MouseWheelMsg:
		s.ensure()
		s.wheel(msg)
	}
	return s, nil
}

func (s *Screen) key(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.View):
		if s.view == regionsView {
			s.view = countriesView
		} else {
			s.view = regionsView
		}
		s.ensure()
		return nil
	}
	if s.view == countriesView {
		return s.countryKey(msg)
	}
	return s.regionKey(msg)
}

func (s *Screen) regionKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	g := &s.reg
	switch {
	case key.Matches(msg, k.Grouping):
		s.grouping = nextGrouping(s.grouping)
		g.cursor, g.hoff, g.top = 0, 0, 0
		s.ensure()
	case key.Matches(msg, k.Open):
		return s.openRegion()
	case s.rowsLayout:
		// One row a region: ↑/↓ select, ←/→ scroll the measures.
		switch {
		case key.Matches(msg, k.Up):
			g.moveCursor(-1)
		case key.Matches(msg, k.Down):
			g.moveCursor(1)
		case key.Matches(msg, k.PageUp):
			g.moveCursor(-max(1, g.bodyHeight()-1))
		case key.Matches(msg, k.PageDown):
			g.moveCursor(max(1, g.bodyHeight()-1))
		case key.Matches(msg, k.Top):
			g.moveCursor(-g.items())
		case key.Matches(msg, k.Bottom):
			g.moveCursor(g.items())
		case key.Matches(msg, k.Left):
			g.scrollColumns(-1)
		case key.Matches(msg, k.Right):
			g.scrollColumns(1)
		}
	default:
		s.columnKey(g, msg)
	}
	return nil
}

// columnKey handles a key of a grid whose columns are selected: ←/→ select,
// ↑/↓ scroll.
func (s *Screen) columnKey(g *grid, msg tea.KeyPressMsg) {
	k := s.keys
	switch {
	case key.Matches(msg, k.Left):
		g.moveCursor(-1)
	case key.Matches(msg, k.Right):
		g.moveCursor(1)
	case key.Matches(msg, k.Up):
		g.scroll(-1)
	case key.Matches(msg, k.Down):
		g.scroll(1)
	case key.Matches(msg, k.PageUp):
		g.scroll(-max(1, g.bodyHeight()-1))
	case key.Matches(msg, k.PageDown):
		g.scroll(max(1, g.bodyHeight()-1))
	case key.Matches(msg, k.Top):
		g.scroll(-len(g.lines))
	case key.Matches(msg, k.Bottom):
		g.scroll(len(g.lines))
	}
}

func (s *Screen) countryKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.Open):
		return s.openCountry()
	case key.Matches(msg, k.Remove):
		if c, ok := s.selectedCountry(); ok {
			s.ctx.ToggleMark(c.ISO2)
			s.ensure()
		}
	default:
		if s.cmpEmpty == nil {
			s.columnKey(&s.cmp, msg)
		}
	}
	return nil
}

func (s *Screen) openRegion() tea.Cmd {
	r, ok := s.selectedRegion()
	if !ok {
		return nil
	}
	return s.ctx.Go(common.ShowCountriesMsg{Filter: s.grouping.Filter(r)})
}

func (s *Screen) openCountry() tea.Cmd {
	c, ok := s.selectedCountry()
	if !ok {
		return nil
	}
	return s.ctx.Go(common.OpenCountryMsg{ISO2: c.ISO2})
}

// click selects the region or country clicked (a column, or a row when
// regions are rows); a click on the one already selected opens it. Y is
// relative to the body, whose first line is the view's heading.
func (s *Screen) click(msg tea.MouseClickMsg) tea.Cmd {
	if msg.Button != tea.MouseLeft {
		return nil
	}
	y := msg.Y - 1
	g := &s.reg
	open := s.openRegion
	if s.view == countriesView {
		if s.cmpEmpty != nil {
			return nil
		}
		g, open = &s.cmp, s.openCountry
	}
	if y < 0 || y >= g.height {
		return nil
	}
	var item int
	var ok bool
	if g.sel == byRow {
		item, ok = g.itemAt(y)
	} else {
		item, ok = g.columnAt(msg.X)
	}
	if !ok {
		return nil
	}
	if item == g.cursor {
		return open()
	}
	g.cursor = item
	g.clamp()
	return nil
}

// wheel scrolls: up and down move the lines (or the selected row when
// regions are rows), left and right the columns.
func (s *Screen) wheel(msg tea.MouseWheelMsg) {
	g := &s.reg
	if s.view == countriesView {
		if s.cmpEmpty != nil {
			return
		}
		g = &s.cmp
	}
	switch msg.Button {
	case tea.MouseWheelUp:
		if g.sel == byRow {
			g.moveCursor(-3)
		} else {
			g.scroll(-3)
		}
	case tea.MouseWheelDown:
		if g.sel == byRow {
			g.moveCursor(3)
		} else {
			g.scroll(3)
		}
	case tea.MouseWheelLeft:
		if g.sel == byRow {
			g.scrollColumns(-1)
		} else {
			g.moveCursor(-1)
		}
	case tea.MouseWheelRight:
		if g.sel == byRow {
			g.scrollColumns(1)
		} else {
			g.moveCursor(1)
		}
	}
}

func nextGrouping(g model.Grouping) model.Grouping {
	all := model.Groupings()
	for i, x := range all {
		if x == g {
			return all[(i+1)%len(all)]
		}
	}
	return all[0]
}

// View draws the body, exactly width × height.
func (s *Screen) View() string {
	s.ensure()
	var lines []string
	switch {
	case s.view == regionsView:
		lines = append(lines, s.regHeading)
		lines = append(lines, s.reg.View()...)
		lines = append(lines, s.regNotes...)
	case s.cmpEmpty != nil:
		lines = append(lines, s.cmpHeading, "")
		lines = append(lines, s.cmpEmpty...)
	default:
		lines = append(lines, s.cmpHeading)
		lines = append(lines, s.cmp.View()...)
		lines = append(lines, s.cmpNotes...)
	}
	return components.Frame(lines, s.width, s.height)
}
