package country

import (
	"charm.land/bubbles/v2/key"

	"github.com/equitylandscape/equity/ui/keys"
)

// Keys are the country screen's bindings: moving between the domains,
// scrolling the page, and opening a domain's inputs.
type Keys struct {
	keys.Movement
	Open key.Binding
}

func newKeys() Keys {
	return Keys{
		Movement: keys.NewMovement(),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
	}
}

// ShortHelp is the footer.
func (k Keys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Up, k.Down, k.PageDown}
}

// FullHelp is the help overlay.
func (k Keys) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.Movement.All(), {k.Open}}
}
