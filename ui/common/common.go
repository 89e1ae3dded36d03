// Package common holds what every screen shares: the context (dataset,
// theme, size, year, marked countries), the Screen interface the root model
// drives, and the messages screens send to move between each other.
package common

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/keys"
	"github.com/equitylandscape/equity/ui/theme"
)

// Context is the state the root model owns and every screen reads: one
// value, passed by pointer, never a package variable.
type Context struct {
	Data  *model.Dataset
	Theme *theme.Theme
	Keys  keys.Global
	// Year is the year every screen shows; the root steps it (y, Y).
	Year int
	// Marks are the countries marked for comparison, by ISO2, in the order
	// they were marked.
	Marks []string
	// Shown are the countries the Countries screen's search, filter and
	// region leave in its table, by ISO2; nil when they leave every one.
	// The map greys the others.
	Shown map[string]bool
	// pending is the move a screen asked for (Go) and the root has not
	// yet taken.
	pending *navigation
}

// Marked reports whether a country is marked.
func (c *Context) Marked(iso2 string) bool {
	for _, m := range c.Marks {
		if m == iso2 {
			return true
		}
	}
	return false
}

// ToggleMark marks or unmarks a country.
func (c *Context) ToggleMark(iso2 string) {
	for i, m := range c.Marks {
		if m == iso2 {
			c.Marks = append(c.Marks[:i:i], c.Marks[i+1:]...)
			return
		}
	}
	c.Marks = append(c.Marks, iso2)
}

// NextYear steps the year shown to the dataset's next year, from the last
// back to the first; a year the dataset does not hold goes to its latest.
func (c *Context) NextYear() {
	years := c.Data.Years
	for i, y := range years {
		if y == c.Year {
			c.Year = years[(i+1)%len(years)]
			return
		}
	}
	if len(years) > 0 {
		c.Year = years[len(years)-1]
	}
}

// PrevYear steps the year shown back to the dataset's previous year, from
// the first round to the last.
func (c *Context) PrevYear() {
	years := c.Data.Years
	for i, y := range years {
		if y == c.Year {
			c.Year = years[(i+len(years)-1)%len(years)]
			return
		}
	}
	if len(years) > 0 {
		c.Year = years[len(years)-1]
	}
}

// Screen is one page of the interface: the countries table, a country, an
// indicator. The root model draws the header and footer around its body.
type Screen interface {
	// Update handles a message. Mouse messages arrive with Y relative to
	// the top of the body.
	Update(msg tea.Msg) (Screen, tea.Cmd)
	// View draws the body, exactly Width × Height cells as last set.
	View() string
	// SetSize gives the body's size.
	SetSize(width, height int)
	// Crumb names the screen in the breadcrumbs ("Nigeria").
	Crumb() string
	// Keys are the screen's own bindings, for the footer and the help.
	Keys() help.KeyMap
	// Status describes what is shown, for the status line ("12 of 250").
	Status() []string
	// Capturing is true while the user types into an input: every key
	// then goes to the screen, q and ? included.
	Capturing() bool
	// Back handles esc: true when the screen used it (to clear a filter),
	// false to let the root go back to the previous screen.
	Back() bool
}

// Commander is a screen that can say which `equity` command prints what it
// shows: the arguments after "equity", unquoted ("country", "NG", "--year",
// "2022"). The root quotes them for the shell and puts them on the
// clipboard.
type Commander interface {
	Command() []string
}

// KeyClaimer is a screen that uses, in its current state, a key the root
// would otherwise take: the checklist records "unsure" with ?, so its help
// moves to another key there.
type KeyClaimer interface {
	ClaimsKey(msg tea.KeyPressMsg) bool
}

// StartChecklistMsg asks the root to open the Checklists section for a
// country (the country screen's u).
type StartChecklistMsg struct{ ISO2 string }

// HelpNoter is a screen with more to say in the help overlay than its keys
// (the countries screen lists the filter language's fields).
type HelpNoter interface {
	HelpNote(width int) []string
}

// OpenCountryMsg asks the root to open a country's screen.
type OpenCountryMsg struct{ ISO2 string }

// OpenIndicatorMsg asks the root to open a domain's indicator screen for a
// country.
type OpenIndicatorMsg struct {
	ISO2   string
	Domain model.DomainID
}

// ShowCountriesMsg asks the root to show the countries table filtered by an
// expression of the filter language (a region of the compare view).
type ShowCountriesMsg struct {
	Filter string
}

// CompareMarkedMsg asks the root to show the marked countries side by side.
type CompareMarkedMsg struct{}

// YearChangedMsg tells screens that Context.Year changed.
type YearChangedMsg struct{}

// Cmd wraps a message in a command.
func Cmd(msg tea.Msg) tea.Cmd {
	return func() tea.Msg { return msg }
}
