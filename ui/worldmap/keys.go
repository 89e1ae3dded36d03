package worldmap

import (
	"charm.land/bubbles/v2/key"
)

// Keys are the Map section's bindings. The year is the global year keys':
// the map redraws when it changes.
type Keys struct {
	Left, Right, Up, Down key.Binding
	Measure, PrevMeasure  key.Binding
	Open, Find, Region    key.Binding
	Zoom                  key.Binding
}

func newKeys() Keys {
	return Keys{
		Left:        key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "country to the west")),
		Right:       key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "country to the east")),
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "country to the north")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "country to the south")),
		Measure:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "next measure")),
		PrevMeasure: key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "previous measure")),
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open country")),
		Find:        key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "find a country")),
		Region:      key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "highlight a region")),
		Zoom:        key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "zoom to region")),
	}
}

// ShortHelp is the footer.
func (k Keys) ShortHelp() []key.Binding {
	return []key.Binding{k.Measure, k.Find, k.Region, k.Zoom, k.Open}
}

// FullHelp is the help overlay.
func (k Keys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Left, k.Right, k.Up, k.Down, k.Open}, {k.Measure, k.PrevMeasure, k.Find, k.Region, k.Zoom}}
}

// findKeys are the keys while typing a country's name.
type findKeys struct{}

func (findKeys) ShortHelp() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to country")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

func (f findKeys) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }
