package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/theme"
)

// echoKeys is how many of the last keys the footer keeps in presentation
// mode: enough for a word typed into a search ("/ n i g e r i a ⏎").
const echoKeys = 16

// presentation is the state of the presentation mode. The echo shows the
// last keys until others replace them: no timer clears it, so an idle
// screen stays idle.
type presentation struct {
	on   bool
	dark bool     // the terminal's background (dark until it says), for an auto theme
	echo []string // the last keys, oldest first
}

// record adds a key to the echo while presenting.
func (p *presentation) record(msg tea.KeyPressMsg) {
	if !p.on {
		return
	}
	p.echo = append(p.echo, keyLabel(msg))
	if n := len(p.echo); n > echoKeys {
		p.echo = append(p.echo[:0], p.echo[n-echoKeys:]...)
	}
}

// keyLabel is how a key reads to someone watching: a symbol for the keys
// that have one, the character typed, else the key's name ("ctrl+s").
func keyLabel(msg tea.KeyPressMsg) string {
	switch s := msg.String(); s {
	case "enter":
		return "⏎"
	case "space":
		return "␣"
	case "backspace":
		return "⌫"
	case "up":
		return "↑"
	case "down":
		return "↓"
	case "left":
		return "←"
	case "right":
		return "→"
	case "tab":
		return "⇥"
	case "shift+tab":
		return "⇤"
	default:
		if msg.Text != "" {
			return model.CleanText(msg.Text)
		}
		return model.CleanText(s)
	}
}

// setPresent turns the presentation mode on or off. On, the theme is the
// high-contrast one (mono stays mono: NO_COLOR is the user's word); off,
// the theme chosen at the start comes back. Screens hold the theme by
// pointer, so changing it in place restyles them all.
func (m *Model) setPresent(on bool) {
	m.present.on = on
	m.present.echo = nil
	name := m.themeName
	if on && name != theme.Mono {
		name = theme.HighContrast
	}
	*m.ctx.Theme = *theme.New(name, m.present.dark)
}

// presentLine is the footer's last line in presentation mode: the keys
// last pressed on the left, the few keys that matter on the right.
func (m *Model) presentLine() string {
	th := m.ctx.Theme
	g := m.ctx.Keys
	essentials := []key.Binding{g.Help, g.Back, g.Present, g.Quit}
	if m.screen().Capturing() {
		// While typing, ?, P and q are letters.
		essentials = []key.Binding{g.Back}
	}
	if m.tour.t != nil {
		essentials = append([]key.Binding{m.tourKeys()}, essentials...)
	}
	var hints []string
	for _, b := range essentials {
		desc := b.Help().Desc
		if b.Help().Key == g.Present.Help().Key {
			desc = "present" // the footer's room is for the keys pressed
		}
		hints = append(hints, b.Help().Key+" "+desc)
	}
	right := th.Muted.Render(strings.Join(hints, " · "))
	room := m.width - 2 - ansi.StringWidth(right) - 2
	left := "keys: " + m.echoText(max(0, room-len("keys: ")))
	if room < len("keys: ")+8 {
		// A narrow window: the keys pressed matter more than the hints.
		return fitLine(" "+th.Strong.Render("keys: "+m.echoText(m.width-8)), m.width)
	}
	pad := max(1, m.width-2-ansi.StringWidth(left)-ansi.StringWidth(right))
	return fitLine(" "+th.Strong.Render(left)+strings.Repeat(" ", pad)+right, m.width)
}

// echoText is the last keys that fit in w cells, newest last.
func (m *Model) echoText(w int) string {
	echo := m.present.echo
	for len(echo) > 0 && ansi.StringWidth(strings.Join(echo, " ")) > w {
		echo = echo[1:]
	}
	return strings.Join(echo, " ")
}

// ThemeName is the name of the theme in use (the presentation mode changes
// it).
func (m *Model) ThemeName() string { return m.ctx.Theme.Name }
