package compare

import (
	"charm.land/bubbles/v2/key"

	"github.com/equitylandscape/equity/ui/keys"
)

// Keys are the compare screen's bindings. g switches the grouping here, so
// the first line is home alone (not g, as in the other screens).
type Keys struct {
	keys.Movement
	Left     key.Binding
	Right    key.Binding
	Open     key.Binding
	Grouping key.Binding
	// YearHint only reminds of y in the footer: the root steps the year.
	YearHint key.Binding
	View     key.Binding
	Remove   key.Binding
}

func newKeys() Keys {
	m := keys.NewMovement()
	m.Top = key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "first"))
	return Keys{
		Movement: m,
		Left:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous")),
		Right:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Grouping: key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "grouping")),
		YearHint: keys.NewGlobal().YearHint(),
		View:     key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "countries")),
		Remove:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "remove")),
	}
}

// with returns a copy of a binding with other help text.
func with(b key.Binding, k, desc string) key.Binding {
	b.SetHelp(k, desc)
	return b
}

// regionKeys are the bindings of the regions view. With one column per
// region ←/→ select a region and ↑/↓ scroll the measures; with one row per
// region ↑/↓ select and ←/→ scroll the measures sideways.
type regionKeys struct {
	k    Keys
	rows bool
}

func (r regionKeys) moves() []key.Binding {
	k := r.k
	if r.rows {
		return []key.Binding{
			with(k.Up, "↑/k", "previous region"), with(k.Down, "↓/j", "next region"),
			with(k.Left, "←/h", "scroll left"), with(k.Right, "→/l", "scroll right"),
			k.PageUp, k.PageDown, with(k.Top, "home", "first region"), with(k.Bottom, "G/end", "last region"),
		}
	}
	return []key.Binding{
		with(k.Left, "←/h", "previous region"), with(k.Right, "→/l", "next region"),
		with(k.Up, "↑/k", "scroll up"), with(k.Down, "↓/j", "scroll down"),
		k.PageUp, k.PageDown, with(k.Top, "home", "top"), with(k.Bottom, "G/end", "bottom"),
	}
}

func (r regionKeys) ShortHelp() []key.Binding {
	k := r.k
	return []key.Binding{with(k.Open, "enter", "countries"), k.Grouping, k.YearHint, with(k.View, "v", "marked")}
}

func (r regionKeys) FullHelp() [][]key.Binding {
	k := r.k
	return [][]key.Binding{r.moves(), {
		with(k.Open, "enter", "the region's countries"), with(k.Grouping, "g", "next grouping"),
		with(k.View, "v", "compare marked countries"),
	}}
}

// countryKeys are the bindings of the marked countries view.
type countryKeys struct{ k Keys }

func (c countryKeys) moves() []key.Binding {
	k := c.k
	return []key.Binding{
		with(k.Left, "←/h", "previous country"), with(k.Right, "→/l", "next country"),
		with(k.Up, "↑/k", "scroll up"), with(k.Down, "↓/j", "scroll down"),
		k.PageUp, k.PageDown, with(k.Top, "home", "top"), with(k.Bottom, "G/end", "bottom"),
	}
}

func (c countryKeys) ShortHelp() []key.Binding {
	k := c.k
	return []key.Binding{with(k.Left, "←/→", "select"), k.Remove, k.Open, with(k.View, "v", "regions")}
}

func (c countryKeys) FullHelp() [][]key.Binding {
	k := c.k
	return [][]key.Binding{c.moves(), {
		with(k.Open, "enter", "open the country"), with(k.Remove, "x", "remove from the comparison"),
		with(k.View, "v", "compare regions"),
	}}
}
