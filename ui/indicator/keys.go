package indicator

import (
	"charm.land/bubbles/v2/key"

	"github.com/equitylandscape/equity/ui/keys"
)

// Keys are the indicator screen's bindings: the page scrolls, and the
// region's countries at its foot are a list to open from.
type Keys struct {
	keys.Movement
	Open key.Binding
}

// NewKeys returns the indicator screen's bindings.
func NewKeys() Keys {
	return Keys{
		Movement: keys.NewMovement(),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open country")),
	}
}

// ShortHelp is the footer.
func (k Keys) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.PageDown, k.Open}
}

// FullHelp is the help overlay.
func (k Keys) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.Movement.All(), {k.Open}}
}
