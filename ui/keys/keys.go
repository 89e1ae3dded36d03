// Package keys holds the key bindings every screen shares. Screens keep
// their own bindings beside their code; the footer and the help overlay are
// generated from the same key.Binding values, so help never drifts from the
// keys.
package keys

import "charm.land/bubbles/v2/key"

// Global are the keys that work on every screen.
type Global struct {
	Quit        key.Binding
	ForceQuit   key.Binding
	Help        key.Binding
	Back        key.Binding
	NextSection key.Binding
	PrevSection key.Binding
	Section     key.Binding // 1–9: described once, matched by number
	// The year every screen shows: y and ] forward, Y and [ back. A
	// screen that types (a search, a note) or answers with y (a checklist)
	// keeps the letter; the brackets still step there.
	NextYear key.Binding
	PrevYear key.Binding
	// Present toggles the presentation mode (key echo, high contrast, a
	// short footer); Copy shows the command that prints the screen and
	// puts it on the clipboard.
	Present key.Binding
	Copy    key.Binding
}

// NewGlobal returns the global bindings.
func NewGlobal() Global {
	return Global{
		Quit:        key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Back:        key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		NextSection: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next section")),
		PrevSection: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous section")),
		Section:     key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1–9", "go to section")),
		NextYear:    key.NewBinding(key.WithKeys("y", "]"), key.WithHelp("y ]", "next year")),
		PrevYear:    key.NewBinding(key.WithKeys("Y", "["), key.WithHelp("Y [", "previous year")),
		Present:     key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "presentation mode")),
		Copy:        key.NewBinding(key.WithKeys("C"), key.WithHelp("C", "copy as command")),
	}
}

// ForSections narrows the section keys to the sections there are, so that
// the help says "1–6" when there are six, and 7 does nothing.
func (g Global) ForSections(n int) Global {
	n = max(1, min(n, 9))
	ks := make([]string, n)
	for i := range ks {
		ks[i] = string(rune('1' + i))
	}
	g.Section = key.NewBinding(key.WithKeys(ks...), key.WithHelp("1–"+ks[n-1], "go to section"))
	if n == 1 {
		g.Section.SetHelp("1", "go to section")
	}
	return g
}

// YearHint is the footer's reminder of the year keys on a screen whose
// figures change with the year. The root steps the year; the full help lists
// y and Y once, in the global column.
func (g Global) YearHint() key.Binding {
	b := g.NextYear
	b.SetHelp("y", "year")
	return b
}

// ShortHelp is what the footer shows after a screen's own keys.
func (g Global) ShortHelp() []key.Binding {
	return []key.Binding{g.Help, g.Back, g.Quit}
}

// FullHelp is the global column of the help overlay.
func (g Global) FullHelp() []key.Binding {
	return []key.Binding{g.Help, g.Back, g.NextSection, g.PrevSection, g.Section, g.NextYear, g.PrevYear, g.Copy, g.Present, g.Quit, g.ForceQuit}
}

// Page are the bindings of a page with things to open on it: a country's
// domains, a region's countries.
type Page struct {
	Movement
	Open key.Binding
}

// NewPage returns page bindings; what is the help's word for what enter
// opens ("open", "open country").
func NewPage(what string) Page {
	return Page{Movement: NewMovement(), Open: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", what))}
}

// ShortHelp is the footer.
func (p Page) ShortHelp() []key.Binding { return []key.Binding{p.Open, p.Down, p.PageDown} }

// FullHelp is the help overlay.
func (p Page) FullHelp() [][]key.Binding { return [][]key.Binding{p.Movement.All(), {p.Open}} }

// Movement are the bindings of anything with a cursor: tables and lists.
type Movement struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
}

// NewMovement returns the movement bindings (arrows and vi keys).
func NewMovement() Movement {
	return Movement{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b", "ctrl+u"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+f", "ctrl+d"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "first")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "last")),
	}
}

// All lists the movement bindings for a help column.
func (m Movement) All() []key.Binding {
	return []key.Binding{m.Up, m.Down, m.PageUp, m.PageDown, m.Top, m.Bottom}
}
