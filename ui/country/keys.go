package country

import (
	"charm.land/bubbles/v2/key"

	"github.com/equitylandscape/equity/ui/keys"
)

// Keys are the country screen's bindings: moving between the domains,
// scrolling the page, opening a domain's inputs, and starting a use-case
// checklist for the country.
type Keys struct {
	keys.Page
	Checklist key.Binding
}

func newKeys() Keys {
	return Keys{
		Page:      keys.NewPage("open"),
		Checklist: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "use-case checklist")),
	}
}

// ShortHelp is the footer.
func (k Keys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Down, k.Checklist}
}

// FullHelp is the help overlay.
func (k Keys) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.Movement.All(), {k.Open, k.Checklist}}
}
