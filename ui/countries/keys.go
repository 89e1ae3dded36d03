package countries

import (
	"charm.land/bubbles/v2/key"

	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/keys"
)

// Keys are the countries screen's bindings.
type Keys struct {
	components.TableKeys
	Open    key.Binding
	Search  key.Binding
	Filter  key.Binding
	Region  key.Binding
	Sort    key.Binding
	Reverse key.Binding
	// YearHint only reminds of y in the footer: the root steps the year.
	YearHint key.Binding
	Mark     key.Binding
	Compare  key.Binding
	Accept   key.Binding // while typing
	Cancel   key.Binding // while typing
	// While typing, only the arrows move in the table: j and k are
	// letters then ("kenya", "market:expand").
	TypingUp   key.Binding
	TypingDown key.Binding
}

func newKeys() Keys {
	return Keys{
		TableKeys:  components.NewTableKeys(),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Search:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		Filter:     key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "filter")),
		Region:     key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "region")),
		Sort:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort")),
		Reverse:    key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "reverse")),
		YearHint:   keys.NewGlobal().YearHint(),
		Mark:       key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "mark")),
		Compare:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "compare marked")),
		Accept:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "apply")),
		Cancel:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		TypingUp:   key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "up")),
		TypingDown: key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "down")),
	}
}

// ShortHelp is the footer while browsing.
func (k Keys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Search, k.Filter, k.Sort, k.YearHint, k.Mark}
}

// FullHelp is the help overlay while browsing.
func (k Keys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		append(k.Movement.All(), k.Left, k.Right),
		{k.Open, k.Search, k.Filter, k.Region, k.Sort, k.Reverse, k.Mark, k.Compare},
	}
}

// inputHelp is the footer and help while a search or filter is typed.
type inputHelp struct{ k Keys }

func (h inputHelp) ShortHelp() []key.Binding {
	return []key.Binding{h.k.Accept, h.k.Cancel, h.k.TypingUp, h.k.TypingDown}
}

func (h inputHelp) FullHelp() [][]key.Binding { return [][]key.Binding{h.ShortHelp()} }
