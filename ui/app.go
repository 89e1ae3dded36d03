// Package ui is equity's interactive explorer: a root model that owns the
// shared context and a stack of screens per section, and draws the header
// (sections and breadcrumbs) and footer (status and keys) around them.
package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store"
	"github.com/equitylandscape/equity/store/session"
	"github.com/equitylandscape/equity/ui/about"
	"github.com/equitylandscape/equity/ui/checklist"
	"github.com/equitylandscape/equity/ui/common"
	"github.com/equitylandscape/equity/ui/compare"
	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/countries"
	"github.com/equitylandscape/equity/ui/country"
	"github.com/equitylandscape/equity/ui/indicator"
	"github.com/equitylandscape/equity/ui/keys"
	"github.com/equitylandscape/equity/ui/movement"
	"github.com/equitylandscape/equity/ui/theme"
	"github.com/equitylandscape/equity/ui/tour"
	"github.com/equitylandscape/equity/ui/worldmap"
)

// The smallest terminal the interface lays out for; smaller ones get one
// line asking for more room.
const (
	MinWidth  = 60
	MinHeight = 16
)

// Chrome: the header (sections, breadcrumbs) and footer (status, keys).
const (
	headerLines = 2
	footerLines = 2
)

// Options choose how the interface looks and where it keeps things.
type Options struct {
	// Theme is one of theme.Names(); "auto" follows the terminal's
	// background.
	Theme string
	// Sessions keeps the checklists' verdicts and notes; nil keeps them only
	// while the program runs (the checklist says so).
	Sessions *session.Store
	// Present starts in presentation mode: the last keys pressed in the
	// footer, the high-contrast theme, the footer cut to the essentials.
	Present bool
	// Tour is a script of steps to play in presentation mode; nil for none.
	Tour *tour.Tour
}

// section is a top-level part of the interface with its own stack of
// screens, so that leaving it and coming back finds it as it was.
type section struct {
	name  string
	stack []common.Screen
}

func (s *section) top() common.Screen { return s.stack[len(s.stack)-1] }

// Model is the root of the interface.
type Model struct {
	opt       Options
	data      *model.Dataset
	ctx       *common.Context
	sessions  *session.Store
	themeName string
	sections  []*section
	active    int
	width     int
	height    int
	showHelp  bool
	helpPage  components.HelpPage
	help      help.Model
	// seen is the year each screen last drew for. A year change goes to
	// the screen in view alone; the others catch up when they come into
	// view, so that a keystroke does not rebuild every hidden screen.
	seen map[common.Screen]int

	// Presentation mode and the tour being played (present.go,
	// tourplay.go).
	present presentation
	tour    player
	// notice is a line the footer shows until the next key: the command
	// copied, or why the explorer opened on its year.
	notice string
}

// New builds the interface over a dataset.
func New(d *model.Dataset, opt Options) *Model {
	name := opt.Theme
	if name == "" {
		name = theme.Auto
	}
	m := &Model{opt: opt, data: d, sessions: opt.Sessions, themeName: name, help: help.New(), helpPage: components.NewHelpPage()}
	m.present.dark = true // until the terminal says otherwise
	m.build(theme.New(name, true))
	m.tour.t = opt.Tour
	if opt.Present || opt.Tour != nil {
		m.setPresent(true)
	}
	if opt.Tour == nil && m.ctx.Year == d.DefaultYear() {
		m.notice = openingNotice(d.Opening(), d.LatestFullYear())
	}
	return m
}

// openingNotice says in one short line why the explorer opened on its
// year, and what the year lacks: the first thing a person sees may be a
// year of published page views alone.
func openingNotice(o model.Opening, full int) string {
	if o.Year == 0 {
		return ""
	}
	why := fmt.Sprintf("%d: mostly published figures", o.Year)
	if !o.Solid {
		why = fmt.Sprintf("%d: the most domains, mostly modeled figures", o.Year)
	}
	if len(o.Without) > 0 {
		names := make([]string, len(o.Without))
		for i, dom := range o.Without {
			names[i] = dom.Short
		}
		why += " · no " + strings.Join(names, ", ")
		if full != 0 && full < o.Year {
			why += fmt.Sprintf(" · Y: %d", full)
		}
	}
	return why
}

// build makes the context and every section's first screen, at the
// dataset's default year: at the start, and again when a tour goes back a
// step and replays the keys from the beginning.
func (m *Model) build(th *theme.Theme) {
	ctx := &common.Context{
		Data:  m.data,
		Theme: th,
		Keys:  keys.NewGlobal(),
		Year:  m.data.DefaultYear(),
	}
	m.ctx = ctx
	m.sections = []*section{
		{name: "Countries", stack: []common.Screen{countries.New(ctx)}},
		{name: "Compare", stack: []common.Screen{compare.New(ctx)}},
		{name: "Checklists", stack: []common.Screen{checklist.NewPicker(ctx, m.sessions)}},
		{name: "About", stack: []common.Screen{about.New(ctx)}},
		{name: "Movement", stack: []common.Screen{movement.New(ctx)}},
		{name: "Map", stack: []common.Screen{worldmap.New(ctx)}},
	}
	// The section keys are as many as the sections, however many are
	// added.
	ctx.Keys = ctx.Keys.ForSections(len(m.sections))
	m.active = 0
	m.showHelp = false
	m.seen = map[common.Screen]int{}
	for _, s := range m.sections {
		m.seen[s.top()] = ctx.Year
	}
	if m.width > 0 {
		m.resize()
	}
}

// Init asks the terminal for its background colour when the theme follows
// it.
func (m *Model) Init() tea.Cmd {
	if m.themeName == theme.Auto {
		return tea.RequestBackgroundColor
	}
	return nil
}

func (m *Model) screen() common.Screen { return m.sections[m.active].top() }

// Update routes a message: the root keeps the keys that work everywhere and
// passes the rest to the screen on top of the active section. The screen
// then in view is brought to the current year if it missed a change.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := m.update(msg)
	return m, tea.Batch(cmd, m.catchUp())
}

// catchUp gives the screen in view the year change it missed while hidden.
func (m *Model) catchUp() tea.Cmd {
	s := m.sections[m.active]
	top := s.top()
	if y, ok := m.seen[top]; ok && y == m.ctx.Year {
		return nil
	}
	next, cmd := top.Update(common.YearChangedMsg{})
	s.stack[len(s.stack)-1] = next
	m.seen[next] = m.ctx.Year
	return cmd
}

func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		return m, m.startTour()

	case tourMsgs:
		return m, m.tourResults(msg)

	case tea.BackgroundColorMsg:
		m.present.dark = msg.IsDark()
		if m.themeName == theme.Auto && !m.present.on {
			// Screens and components hold the theme by pointer: changing
			// it in place restyles them all.
			*m.ctx.Theme = *theme.New(theme.Auto, msg.IsDark())
		}
		return m, nil

	case common.OpenCountryMsg:
		if c, ok := m.ctx.Data.Country(msg.ISO2); ok {
			m.push(country.New(m.ctx, c))
		}
		return m, nil

	case common.OpenIndicatorMsg:
		if c, ok := m.ctx.Data.Country(msg.ISO2); ok {
			m.push(indicator.New(m.ctx, c, msg.Domain))
		}
		return m, nil

	case common.ShowCountriesMsg:
		// A region chosen in the compare view: the countries table,
		// narrowed to it.
		s := m.show(sectionCountries)
		if t, ok := s.(*countries.Screen); ok {
			return m, t.ShowFilter(msg.Filter)
		}
		return m, nil

	case checklist.OpenMsg:
		uc, ok := model.UseCaseByNumber(msg.UseCase)
		if !ok {
			return m, nil
		}
		m.show(sectionChecklists)
		sc, cmd := checklist.New(m.ctx, m.sessions, uc, msg.Subject)
		m.push(sc)
		return m, cmd

	case common.StartChecklistMsg:
		if p, ok := m.show(sectionChecklists).(*checklist.Picker); ok {
			p.Preselect(msg.ISO2)
		}
		return m, nil

	case checklist.Result:
		// File work finishes when it finishes: the result goes to the
		// screens of the section whichever is on top (each takes its own).
		s := m.sections[sectionChecklists]
		var cmds []tea.Cmd
		for i, sc := range s.stack {
			var cmd tea.Cmd
			s.stack[i], cmd = sc.Update(msg)
			cmds = append(cmds, cmd)
		}
		return m, tea.Batch(cmds...)

	case common.CompareMarkedMsg:
		s := m.show(sectionCompare)
		if c, ok := s.(*compare.Screen); ok {
			c.ShowCountries()
		}
		return m, nil

	case common.YearChangedMsg:
		// The screen in view now; the rest when they come into view
		// (catchUp).
		return m, m.catchUp()

	case tea.PasteMsg:
		// Every input gets pasted text without controls or direction
		// overrides: they would reach the terminal as the input echoes.
		msg.Content = model.CleanLines(msg.Content)
		return m, m.forward(msg)

	case tea.KeyPressMsg:
		if msg.Text != "" {
			// A typed invisible character (a right-to-left override) is
			// no key for any input.
			if msg.Text = model.CleanText(msg.Text); msg.Text == "" {
				return m, nil
			}
		}
		m.notice = "" // shown until the next key
		if cmd, ok := m.tourKey(msg); ok {
			return m, cmd
		}
		m.present.record(msg)
		return m.key(msg)

	case tea.MouseMsg:
		return m.mouse(msg)
	}
	return m, m.forward(msg)
}

func (m *Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	g := m.ctx.Keys
	if key.Matches(msg, g.ForceQuit) {
		return m, tea.Quit
	}
	if m.tooSmall() {
		if key.Matches(msg, g.Quit) {
			return m, tea.Quit
		}
		return m, nil // esc must not quit: the window may grow back
	}
	if m.showHelp {
		switch {
		case key.Matches(msg, g.Quit):
			return m, tea.Quit
		case key.Matches(msg, g.Help, g.Back):
			m.showHelp = false
		default:
			m.helpPage.Update(msg)
		}
		return m, nil
	}
	if m.screen().Capturing() {
		return m, m.forward(msg)
	}
	if c, ok := m.screen().(common.KeyClaimer); ok && c.ClaimsKey(msg) {
		return m, m.forward(msg)
	}
	switch {
	case key.Matches(msg, g.Quit):
		return m, tea.Quit
	case key.Matches(msg, g.Help):
		m.showHelp = true
		m.helpPage.Reset()
		return m, nil
	case key.Matches(msg, g.NextSection):
		m.active = (m.active + 1) % len(m.sections)
		return m, nil
	case key.Matches(msg, g.PrevSection):
		m.active = (m.active + len(m.sections) - 1) % len(m.sections)
		return m, nil
	case key.Matches(msg, g.Section):
		if n := int(msg.Code - '1'); n >= 0 && n < len(m.sections) {
			m.active = n
		}
		return m, nil
	case key.Matches(msg, g.NextYear):
		m.ctx.NextYear()
		return m, m.catchUp()
	case key.Matches(msg, g.PrevYear):
		m.ctx.PrevYear()
		return m, m.catchUp()
	case key.Matches(msg, g.Present):
		m.setPresent(!m.present.on)
		return m, nil
	case key.Matches(msg, g.Copy):
		return m, m.copyCommand()
	case key.Matches(msg, g.Back):
		if !m.screen().Back() {
			m.pop()
		}
		return m, nil
	}
	return m, m.forward(msg)
}

// mouse sends mouse messages to the screen in body coordinates; a click on
// a section's name in the header switches to it.
func (m *Model) mouse(msg tea.MouseMsg) (tea.Model, tea.Cmd) {
	if m.showHelp {
		m.helpPage.Update(msg)
		return m, nil
	}
	if m.tooSmall() {
		return m, nil
	}
	mouse := msg.Mouse()
	top := m.captionLines() // a tour's caption stands above the tabs
	if click, ok := msg.(tea.MouseClickMsg); ok && mouse.Y == top {
		for i, span := range m.tabSpans() {
			if click.X >= span[0] && click.X < span[1] {
				m.active = i
			}
		}
		return m, nil
	}
	if mouse.Y < top+headerLines || mouse.Y >= m.height-footerLines {
		return m, nil
	}
	switch msg := msg.(type) {
	case tea.MouseClickMsg:
		msg.Y -= top + headerLines
		return m, m.forward(msg)
	case tea.MouseWheelMsg:
		msg.Y -= top + headerLines
		return m, m.forward(msg)
	case tea.MouseReleaseMsg:
		msg.Y -= top + headerLines
		return m, m.forward(msg)
	}
	return m, nil
}

func (m *Model) forward(msg tea.Msg) tea.Cmd {
	s := m.sections[m.active]
	var cmd tea.Cmd
	s.stack[len(s.stack)-1], cmd = s.top().Update(msg)
	if nav, ok := m.ctx.TakeNavigation(); ok {
		// The move a key asked for happens now, so that the keys already
		// queued behind it reach the screen it opens.
		_, next := m.update(nav)
		return tea.Batch(cmd, next)
	}
	return cmd
}

// The sections, by index.
const (
	sectionCountries = iota
	sectionCompare
	sectionChecklists
	sectionAbout
	sectionMovement
	sectionMap
)

// Flush finishes what screens still have to keep (a checklist's last
// verdict or a note being edited) when the program ends.
func (m *Model) Flush() error {
	var errs []error
	for _, s := range m.sections {
		for _, sc := range s.stack {
			if f, ok := sc.(interface{ Flush() error }); ok {
				if err := f.Flush(); err != nil {
					errs = append(errs, err)
				}
			}
		}
	}
	return errors.Join(errs...)
}

// show makes a section active, back at its first screen, and returns that
// screen.
func (m *Model) show(i int) common.Screen {
	m.active = i
	s := m.sections[i]
	for _, gone := range s.stack[1:] {
		delete(m.seen, gone)
	}
	s.stack = s.stack[:1]
	return s.stack[0]
}

func (m *Model) push(sc common.Screen) {
	s := m.sections[m.active]
	sc.SetSize(m.bodySize())
	s.stack = append(s.stack, sc)
	m.seen[sc] = m.ctx.Year // made for the current year
}

func (m *Model) pop() {
	s := m.sections[m.active]
	if len(s.stack) > 1 {
		delete(m.seen, s.top())
		s.stack = s.stack[:len(s.stack)-1]
	}
}

func (m *Model) bodySize() (int, int) {
	return m.width, max(0, m.height-headerLines-footerLines-m.captionLines())
}

func (m *Model) resize() {
	w, h := m.bodySize()
	for _, s := range m.sections {
		for _, sc := range s.stack {
			sc.SetSize(w, h)
		}
	}
	m.help.SetWidth(m.width)
}

func (m *Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

// View draws the whole screen.
func (m *Model) View() tea.View {
	var v tea.View
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "equity — " + m.sections[m.active].name
	if m.width == 0 {
		return v // no size yet: nothing to lay out
	}
	if m.tooSmall() {
		v.SetContent(tooSmallLine(m.width, m.height))
		return v
	}
	_, bodyH := m.bodySize()
	body := m.screen().View()
	if m.showHelp {
		body = m.helpView(bodyH)
	}
	parts := append(m.captionView(), m.tabsLine(), m.crumbsLine(), bodyLines(body, m.width, bodyH), m.statusLine(), m.keysLine())
	v.SetContent(strings.Join(parts, "\n"))
	return v
}

// bodyLines holds a body to its height. Screens draw exactly width ×
// height, so this only guards the count of lines, without measuring or
// styling them again on every frame.
func bodyLines(body string, width, height int) string {
	n := strings.Count(body, "\n") + 1
	switch {
	case height <= 0:
		return ""
	case n > height:
		cut := 0
		for range height {
			cut += strings.IndexByte(body[cut:], '\n') + 1
		}
		return body[:cut-1]
	case n < height:
		return body + strings.Repeat("\n"+strings.Repeat(" ", width), height-n)
	}
	return body
}

// tooSmallLine asks for a bigger window in the longest wording that fits,
// so that a narrow window still shows both sizes whole rather than a cut
// "60×1…".
func tooSmallLine(w, h int) string {
	have, need := fmt.Sprintf("%d×%d", w, h), fmt.Sprintf("%d×%d", MinWidth, MinHeight)
	for _, msg := range []string{
		"equity needs a window of at least " + need + "; this one is " + have + ". Make it bigger, or press q.",
		"Make the window bigger: " + have + ", equity needs " + need + ". q quits.",
		"Bigger window, please: " + have + ", need " + need,
		have + ", need " + need,
		have + " < " + need,
		have,
	} {
		if ansi.StringWidth(msg) <= w {
			return msg
		}
	}
	return ansi.Truncate(have, w, "…")
}

// tabLabels are the sections' tabs: " 1 Countries ". When they do not all
// fit the window, the sections not shown are their numbers alone, so that
// the active one is always in view.
func (m *Model) tabLabels() []string {
	labels := make([]string, len(m.sections))
	total := len(" equity ") + 1
	for i, s := range m.sections {
		labels[i] = fmt.Sprintf(" %d %s ", i+1, s.name)
		total += ansi.StringWidth(labels[i]) + 1
	}
	if total > m.width {
		for i := range labels {
			if i != m.active {
				labels[i] = fmt.Sprintf(" %d ", i+1)
			}
		}
	}
	return labels
}

// tabSpans gives the columns each section's tab occupies on the first line.
func (m *Model) tabSpans() [][2]int {
	x := len(" equity ") + 1
	var spans [][2]int
	for _, tab := range m.tabLabels() {
		w := ansi.StringWidth(tab)
		spans = append(spans, [2]int{x, x + w})
		x += w + 1
	}
	return spans
}

func (m *Model) tabsLine() string {
	th := m.ctx.Theme
	var b strings.Builder
	b.WriteString(th.App.Render(" equity "))
	b.WriteByte(' ')
	for i, tab := range m.tabLabels() {
		if i == m.active {
			b.WriteString(th.TabActive.Render(tab))
		} else {
			b.WriteString(th.Tab.Render(tab))
		}
		b.WriteByte(' ')
	}
	return fitLine(b.String(), m.width)
}

func (m *Model) crumbsLine() string {
	th := m.ctx.Theme
	s := m.sections[m.active]
	var crumbs []string
	for i, sc := range s.stack {
		c := sc.Crumb()
		if i == len(s.stack)-1 {
			crumbs = append(crumbs, th.CrumbLast.Render(c))
		} else {
			crumbs = append(crumbs, th.Crumb.Render(c))
		}
	}
	return fitLine(" "+strings.Join(crumbs, th.Crumb.Render(" › ")), m.width)
}

func (m *Model) statusLine() string {
	th := m.ctx.Theme
	// The year, the database and the modeled badge always show; the
	// screen's own items give way when the line is short of room.
	tail := []string{fmt.Sprint(m.ctx.Year)}
	if d := m.ctx.Data; d.Meta.Origin != store.EmbeddedOrigin && d.Meta.Origin != "" {
		// Another database than the bundled one: name it.
		tail = append(tail, filepath.Base(d.Meta.Origin))
	}
	// The badge is the share of the year's Wikimedia activity figures
	// that are real, estimated and modeled, with the marks the tables
	// use; it stands out while any is modeled.
	badge := ""
	figures := m.ctx.Data.YearFigures(m.ctx.Year)
	if share := components.ClassShare(figures); share != "" {
		badge = th.Status.Render(" " + share + " ")
		if figures.Modeled > 0 {
			badge = th.Badge.Render(" " + share + " ")
		}
	}
	end := strings.Join(tail, " · ")
	head := strings.Join(m.screen().Status(), " · ")
	if head != "" {
		end = " · " + end
		room := m.width - 1 - ansi.StringWidth(end) - ansi.StringWidth(badge) - 2
		if ansi.StringWidth(head) > room {
			head = ansi.Truncate(head, max(0, room), "…")
		}
	}
	line := " " + th.Status.Render(head+end)
	if badge != "" {
		line += strings.Repeat(" ", max(1, m.width-ansi.StringWidth(line)-ansi.StringWidth(badge)-1)) + badge
	}
	return fitLine(line, m.width)
}

func (m *Model) keysLine() string {
	if m.notice != "" {
		return m.noticeLine()
	}
	if m.present.on {
		return m.presentLine()
	}
	m.help.Styles = m.ctx.Theme.Help
	bindings := m.screen().Keys().ShortHelp()
	// While typing, only the input's keys work; a screen that claims ?
	// has its own help key.
	if !m.screen().Capturing() {
		g := m.ctx.Keys.ShortHelp()
		if c, ok := m.screen().(common.KeyClaimer); ok && c.ClaimsKey(tea.KeyPressMsg{Code: '?', Text: "?"}) {
			g = []key.Binding{m.ctx.Keys.Back, m.ctx.Keys.Quit}
		}
		bindings = append(bindings, g...)
	}
	m.help.SetWidth(m.width - 1)
	return fitLine(" "+m.help.ShortHelpView(bindings), m.width)
}

// helpView is the full help: the screen's keys, then the global ones, in
// columns, framed; it scrolls when the window is too short for it.
func (m *Model) helpView(height int) string {
	p := &m.helpPage
	p.Title = "Keys — " + m.screen().Crumb()
	p.Groups = append(m.screen().Keys().FullHelp(), m.ctx.Keys.FullHelp())
	p.Notes = nil
	if n, ok := m.screen().(common.HelpNoter); ok {
		p.Notes = n.HelpNote(components.HelpWidth(m.width))
	}
	p.Close = "? or esc closes this help"
	return p.View(m.ctx.Theme, m.width, height)
}

// fitLine cuts or pads a line to exactly w cells.
func fitLine(s string, w int) string {
	n := ansi.StringWidth(s)
	if n > w {
		return ansi.Truncate(s, w, "…")
	}
	return s + strings.Repeat(" ", w-n)
}
