package movement

import (
	"charm.land/bubbles/v2/key"

	"github.com/equitylandscape/equity/ui/keys"
)

// Keys are the Movement section's bindings. v switches the page, as it
// switches the view in Compare; s sorts the initiatives. The root's y and Y
// step the year of the computed editors.
type Keys struct {
	keys.Movement
	Page key.Binding
	Sort key.Binding
	// YearHint only reminds of y in the footer: the root steps the year.
	YearHint key.Binding
}

func newKeys() Keys {
	return Keys{
		Movement: keys.NewMovement(),
		Page:     key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "other page")),
		Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort")),
		YearHint: keys.NewGlobal().YearHint(),
	}
}

// with returns a copy of a binding with other help text.
func with(b key.Binding, k, desc string) key.Binding {
	b.SetHelp(k, desc)
	return b
}

// mtpKeys are the bindings of the Thriving Movement page.
type mtpKeys struct{ k Keys }

func (m mtpKeys) ShortHelp() []key.Binding {
	return []key.Binding{with(m.k.Page, "v", "strategy"), m.k.YearHint, m.k.Down, m.k.PageDown}
}

func (m mtpKeys) FullHelp() [][]key.Binding {
	k := m.k
	return [][]key.Binding{k.Movement.All(), {
		with(k.Page, "v", "strategy priorities page"),
	}}
}

// strategyKeys are the bindings of the strategy priorities page.
type strategyKeys struct{ k Keys }

func (s strategyKeys) ShortHelp() []key.Binding {
	return []key.Binding{with(s.k.Page, "v", "metrics"), s.k.Sort, s.k.Down, s.k.PageDown}
}

func (s strategyKeys) FullHelp() [][]key.Binding {
	k := s.k
	return [][]key.Binding{{
		with(k.Up, "↑/k", "previous initiative"), with(k.Down, "↓/j", "next initiative"),
		k.PageUp, k.PageDown, k.Top, k.Bottom,
	}, {
		with(k.Page, "v", "Thriving Movement metrics page"), with(k.Sort, "s", "sort: number, votes, recommendation"),
	}}
}
