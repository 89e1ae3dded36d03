// Package countries is the home screen: every country as a table row, to
// search, filter, sort, mark and open.
package countries

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/common"
	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/report"
)

// mode is what the keyboard is doing: moving in the table or typing.
type mode int

const (
	browsing  mode = iota
	searching      // typing a / search
	filtering      // typing a filter expression
)

// Screen is the countries table.
type Screen struct {
	ctx   *common.Context
	keys  Keys
	table components.Table
	input textinput.Model

	rows  []row
	order []int // rows in sort order
	shown []int // the rows of order that pass the search, filter and region

	mode    mode
	search  string // folded
	filter  model.Filter
	before  model.Filter // the filter when editing began, for esc
	errMsg  string       // what is wrong with the expression being typed
	errPos  [2]int
	region  string
	regions []string
	sortBy  sortKey
	desc    bool
	clicked string // the country last clicked, for click-again-to-open
	styled  string // the theme the input was styled with

	width, height int
	layout        layout
}

// New builds the screen over the context's dataset.
func New(ctx *common.Context) *Screen {
	s := &Screen{ctx: ctx, keys: newKeys(), table: components.NewTable(ctx.Theme)}
	s.input = textinput.New()
	s.styleInput()
	s.regions = ctx.Data.WikimediaRegions()
	for _, c := range ctx.Data.Countries {
		s.rows = append(s.rows, newRow(ctx.Data, c))
	}
	s.refresh()
	return s
}

// styleInput gives the text input the theme's styles (it has its own
// defaults, made for dark terminals, with colour even under mono). The
// cursor does not blink: a blink is a redraw every half second for nothing.
func (s *Screen) styleInput() {
	th := s.ctx.Theme
	var st textinput.Styles
	st.Focused = textinput.StyleState{Prompt: th.Input, Text: th.Text, Placeholder: th.Muted, Suggestion: th.Muted}
	st.Blurred = st.Focused
	st.Cursor = textinput.CursorStyle{Color: th.Input.GetForeground(), Shape: tea.CursorBlock}
	s.input.SetStyles(st)
	s.styled = th.Name
}

// refresh reads the year's figures, sorts and filters again.
func (s *Screen) refresh() {
	for i := range s.rows {
		s.rows[i].refresh(s.ctx.Data, s.ctx.Year)
	}
	s.resort()
}

func (s *Screen) resort() {
	s.order = order(s.rows, s.sortBy, s.desc)
	s.apply()
}

// apply keeps the rows that pass the region, search and filter, leaving the
// cursor on the same country when it is still shown.
func (s *Screen) apply() { s.applyJump(false) }

// applyJump is apply that, for a search just typed, moves the cursor to the
// likeliest country instead (see bestMatch).
func (s *Screen) applyJump(jump bool) {
	current := ""
	if i := s.table.Cursor(); i >= 0 && i < len(s.shown) {
		current = s.rows[s.shown[i]].c.ISO2
	}
	s.shown = s.shown[:0]
	d, year := s.ctx.Data, s.ctx.Year
	for _, i := range s.order {
		r := &s.rows[i]
		if s.region != "" && r.c.WikimediaRegion != s.region {
			continue
		}
		if s.search != "" && !strings.Contains(r.hay, s.search) {
			continue
		}
		if !s.filter.Empty() && !s.filter.Match(d, r.c, year) {
			continue
		}
		s.shown = append(s.shown, i)
	}
	s.ctx.Shown = nil
	if len(s.shown) < len(s.rows) {
		s.ctx.Shown = make(map[string]bool, len(s.shown))
		for _, i := range s.shown {
			s.ctx.Shown[s.rows[i].c.ISO2] = true
		}
	}
	s.table.SetRows(tableRows{s})
	cursor := 0
	for n, i := range s.shown {
		if s.rows[i].c.ISO2 == current {
			cursor = n
			break
		}
	}
	if jump && s.search != "" {
		cursor = s.bestMatch()
	}
	s.table.SetCursor(cursor)
}

// bestMatch is the shown row a search most likely means: an exact name or
// code first, then a name that starts with the text, then one with a word
// that does, then any other match; among equals the most populous. So
// "nige" lands on Nigeria, and "niger" on Niger. The rows keep their sort
// order: only the cursor moves.
func (s *Screen) bestMatch() int {
	best, bestTier, bestPop := 0, 99, -1.0
	for n, i := range s.shown {
		r := &s.rows[i]
		tier := 4
		switch {
		case r.folded == s.search || r.iso2 == s.search || r.iso3 == s.search:
			tier = 0
		case strings.HasPrefix(r.folded, s.search):
			tier = 1
		case strings.Contains(r.folded, " "+s.search):
			tier = 2
		case strings.Contains(r.folded, s.search):
			tier = 3
		}
		if tier < bestTier || tier == bestTier && r.pop > bestPop {
			best, bestTier, bestPop = n, tier, r.pop
		}
	}
	return best
}

// SetSize lays the table out for the body's size.
func (s *Screen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.layout = newLayout(w)
	s.table.Columns = s.layout.columns(s.sortBy, s.desc)
	s.table.SetSize(w, max(2, h-s.barLines()))
	s.input.SetWidth(max(10, w-12))
}

// barLines is the height of the search and filter bar above the table.
func (s *Screen) barLines() int {
	if s.mode == filtering && s.errMsg != "" {
		return 2
	}
	return 1
}

// Crumb names the screen.
func (s *Screen) Crumb() string { return "Countries" }

// Capturing is true while a search or filter is being typed.
func (s *Screen) Capturing() bool { return s.mode != browsing }

// Back clears, one press at a time, the search, the filter and the region.
func (s *Screen) Back() bool {
	switch {
	case s.search != "":
		s.search = ""
	case !s.filter.Empty():
		s.filter = model.Filter{}
	case s.region != "":
		s.region = ""
	default:
		return false
	}
	s.apply()
	return true
}

// Status says how many countries are shown and why.
func (s *Screen) Status() []string {
	out := []string{fmt.Sprintf("%d of %d countries", len(s.shown), len(s.rows))}
	if s.region != "" {
		out = append(out, "region: "+s.region)
	}
	if n := len(s.ctx.Marks); n > 0 {
		out = append(out, fmt.Sprintf("%d marked", n))
	}
	arrow := "↑"
	if s.desc {
		arrow = "↓"
	}
	out = append(out, "by "+s.sortBy.name()+" "+arrow)
	return out
}

// Update handles keys, mouse and year changes.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.YearChangedMsg:
		s.refresh()
		return s, nil
	case tea.KeyPressMsg:
		if s.mode != browsing {
			return s, s.typing(msg)
		}
		return s, s.browse(msg)
	case tea.PasteMsg:
		if s.mode == browsing {
			return s, nil
		}
		var cmd tea.Cmd
		s.input, cmd = s.input.Update(msg)
		s.edited()
		return s, cmd
	case tea.MouseClickMsg:
		msg.Y -= s.barLines()
		if s.table.Update(msg) {
			// A second click on the same country opens it; the rows may
			// have changed between the clicks, so the country is compared,
			// not the row.
			now := s.rows[s.shown[s.table.Cursor()]].c.ISO2
			if now == s.clicked {
				s.clicked = ""
				return s, s.open()
			}
			s.clicked = now
		}
		return s, nil
	case tea.MouseWheelMsg:
		s.table.Update(msg)
		return s, nil
	}
	return s, nil
}

func (s *Screen) browse(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.Open):
		return s.open()
	case key.Matches(msg, k.Search):
		s.mode = searching
		s.input.Prompt = "/ "
		s.input.SetValue(s.search)
		s.input.CursorEnd()
		s.relayout()
		return s.input.Focus()
	case key.Matches(msg, k.Filter):
		s.mode = filtering
		s.before = s.filter
		s.input.Prompt = "filter: "
		s.input.SetValue(s.filter.String())
		s.input.CursorEnd()
		s.errMsg = ""
		s.relayout()
		return s.input.Focus()
	case key.Matches(msg, k.Region):
		s.region = nextRegion(s.regions, s.region)
		s.apply()
	case key.Matches(msg, k.Sort):
		keys := sortKeys()
		for i, sk := range keys {
			if sk == s.sortBy {
				s.sortBy = keys[(i+1)%len(keys)]
				break
			}
		}
		s.desc = s.sortBy.descendingFirst()
		s.table.Columns = s.layout.columns(s.sortBy, s.desc)
		s.resort()
	case key.Matches(msg, k.Reverse):
		s.desc = !s.desc
		s.table.Columns = s.layout.columns(s.sortBy, s.desc)
		s.resort()
	case key.Matches(msg, k.Compare):
		return s.ctx.Go(common.CompareMarkedMsg{})
	case key.Matches(msg, k.Mark):
		if i := s.table.Cursor(); i >= 0 {
			s.ctx.ToggleMark(s.rows[s.shown[i]].c.ISO2)
			s.table.SetCursor(i + 1) // like a file manager: mark and move on
		}
	default:
		s.table.Update(msg)
	}
	return nil
}

func (s *Screen) open() tea.Cmd {
	i := s.table.Cursor()
	if i < 0 {
		return nil
	}
	return s.ctx.Go(common.OpenCountryMsg{ISO2: s.rows[s.shown[i]].c.ISO2})
}

// typing handles a key while the search or filter input has the keyboard:
// the table follows every keystroke.
func (s *Screen) typing(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.Accept):
		s.mode = browsing
		s.input.Blur()
		s.errMsg = ""
		s.relayout()
		return nil
	case key.Matches(msg, k.Cancel):
		if s.mode == searching {
			s.search = "" // esc clears the search
		} else {
			s.filter = s.before // esc gives back the filter editing began with
		}
		s.mode = browsing
		s.input.Blur()
		s.errMsg = ""
		s.relayout()
		s.apply()
		return nil
	case key.Matches(msg, k.TypingUp, k.TypingDown):
		// Arrows still move in the table while typing; letters type.
		s.table.Update(msg)
		return nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	s.edited()
	return cmd
}

// edited follows the input: the search narrows the table at once; a filter
// that parses replaces the last good one, and one that does not is
// explained under the input.
func (s *Screen) edited() {
	text := s.input.Value()
	if s.mode == searching {
		if q := model.Fold(strings.TrimSpace(text)); q != s.search {
			s.search = q
			s.applyJump(true)
		}
		return
	}
	f, err := model.ParseFilter(text)
	if err != nil {
		// A wrong expression keeps the last good filter on the table.
		if fe, ok := err.(*model.FilterError); ok {
			s.errMsg, s.errPos = fe.Msg, [2]int{fe.Pos, fe.End}
		} else {
			s.errMsg, s.errPos = err.Error(), [2]int{0, len(text)}
		}
	} else {
		s.errMsg = ""
		s.filter = f
		s.apply()
	}
	s.relayout()
}

func (s *Screen) relayout() { s.SetSize(s.width, s.height) }

// ShowFilter replaces the search, filter and region with a filter
// expression (a region chosen in the compare view). An expression that does
// not parse opens in the filter bar, where its error shows as if typed, and
// the table stays as it was.
func (s *Screen) ShowFilter(expr string) tea.Cmd {
	f, err := model.ParseFilter(expr)
	if err != nil {
		s.mode, s.before = filtering, s.filter
		s.input.Prompt = "filter: "
		s.input.SetValue(expr)
		s.input.CursorEnd()
		s.edited()
		return s.input.Focus()
	}
	s.mode, s.search, s.region, s.filter, s.errMsg = browsing, "", "", f, ""
	s.input.Blur()
	s.relayout()
	s.apply()
	s.table.SetCursor(0)
	return nil
}

func nextRegion(regions []string, current string) string {
	if current == "" {
		if len(regions) == 0 {
			return ""
		}
		return regions[0]
	}
	for i, r := range regions {
		if r == current && i+1 < len(regions) {
			return regions[i+1]
		}
	}
	return ""
}

// View draws the search and filter bar over the table.
func (s *Screen) View() string {
	th := s.ctx.Theme
	var bar string
	switch s.mode {
	case searching, filtering:
		if s.styled != th.Name {
			s.styleInput()
		}
		bar = components.Fit(" "+s.input.View(), s.width)
		if s.mode == filtering && s.errMsg != "" {
			// Positions are byte offsets: measure the text before and of
			// the error in cells, so the caret sits under it whatever the
			// characters.
			text := s.input.Value()
			from, to := min(s.errPos[0], len(text)), min(max(s.errPos[1], s.errPos[0]), len(text))
			caretAt := 1 + ansi.StringWidth(s.input.Prompt) + ansi.StringWidth(text[:from])
			width := max(1, ansi.StringWidth(text[from:to]))
			// The note that the table is unchanged comes first: a long
			// message is cut, never the reassurance.
			under := strings.Repeat(" ", caretAt) + strings.Repeat("^", width) + " (last good filter kept) " + s.errMsg
			bar += "\n" + th.Error.Render(components.Fit(under, s.width))
		}
	default:
		bar = s.summary()
	}
	lines := []string{bar}
	lines = append(lines, s.table.View())
	return strings.Join(lines, "\n")
}

// summary is the bar when nothing is being typed: what narrows the table,
// or a hint of how to narrow it.
func (s *Screen) summary() string {
	th := s.ctx.Theme
	var parts []string
	if s.search != "" {
		parts = append(parts, th.Label.Render("search ")+th.Strong.Render(s.search))
	}
	if !s.filter.Empty() {
		parts = append(parts, th.Label.Render("filter ")+th.Strong.Render(s.filter.String()))
	}
	if s.region != "" {
		parts = append(parts, th.Label.Render("region ")+th.Strong.Render(s.region))
	}
	if len(parts) == 0 {
		return components.Fit(th.Muted.Render(" / search · f filter · R region · s sort · y year · space mark · c compare"), s.width)
	}
	return components.Fit(" "+strings.Join(parts, th.Muted.Render(" · "))+th.Muted.Render("   (esc clears)"), s.width)
}

// Keys are the bindings for the footer and help: the input's while typing,
// the table's otherwise.
func (s *Screen) Keys() help.KeyMap {
	if s.mode != browsing {
		return inputHelp{s.keys}
	}
	return s.keys
}

// tableRows shows the screen's filtered rows to the table component.
type tableRows struct{ s *Screen }

func (t tableRows) Len() int          { return len(t.s.shown) }
func (t tableRows) Marked(r int) bool { return t.s.ctx.Marked(t.s.rows[t.s.shown[r]].c.ISO2) }

func (t tableRows) Cell(r, col int) string {
	s := t.s
	th := s.ctx.Theme
	row := &s.rows[s.shown[r]]
	switch c := s.layout.kinds[col]; {
	case c == colName:
		return row.highlight(s.search, func(m string) string { return th.Match.Render(m) })
	case c == colCode:
		return row.c.ISO2
	case c == colRegion:
		if s.layout.fullRegion {
			return row.c.WikimediaRegion
		}
		return row.region
	case c == colPop:
		if !row.hasPop {
			return th.Muted.Render("—")
		}
		return report.Number(row.pop)
	case c == colInternet:
		if !row.hasInternet {
			return th.Muted.Render("—")
		}
		if row.internetAsOf != 0 {
			// An old figure says its year: "0.0% ’90".
			return report.Percent(row.internet) + th.Muted.Render(fmt.Sprintf(" ’%02d", row.internetAsOf%100))
		}
		return report.Percent(row.internet)
	default:
		i := int(c - colDomain)
		return s.layout.domainCell(th, row.score[i], row.hasScore[i], row.class[i], row.growth[i], row.hasGrowth[i])
	}
}

// HelpNote lists the filter language's fields under the keys in the help:
// the language is learnt from the help, not from a manual.
func (s *Screen) HelpNote(width int) []string {
	th := s.ctx.Theme
	var text, num []string
	for _, f := range model.FilterFields() {
		if f.Kind == "number" {
			num = append(num, f.Name)
		} else {
			text = append(text, f.Name+":")
		}
	}
	// Hanging lines under a label, so that every field is listed however
	// narrow the window: the help scrolls.
	hang := func(label, text string) []string {
		var out []string
		for i, l := range components.Wrap(text, max(10, width-7)) {
			if i == 0 {
				out = append(out, th.Label.Render(label)+" "+l)
			} else {
				out = append(out, strings.Repeat(" ", 7)+l)
			}
		}
		return out
	}
	var lines []string
	for _, l := range components.Wrap("Filter language (f) — terms separated by spaces all hold; -term negates", width) {
		lines = append(lines, th.Heading.Render(l))
	}
	lines = append(lines, hang("text  ", strings.Join(text, " "))...)
	lines = append(lines, hang("number", strings.Join(num, " ")+" with < <= > >= = !=")...)
	for _, l := range components.Wrap(`e.g. region:"South Asia" class:emerging editorship<40 readership.growth>60 population>10m`, width) {
		lines = append(lines, th.Muted.Render(l))
	}
	return lines
}
