package components

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/ui/keys"
	"github.com/equitylandscape/equity/ui/theme"
)

// helpSeparator is the gap between two columns of keys.
const helpSeparator = "    "

// HelpColumns lays groups of key bindings out as columns of keys and what
// they do: as many columns side by side as width holds, the others in rows
// below, so that on a narrow window no key is dropped and no line is wider
// than width (bubbles' help drops the columns that do not fit, and lets
// one through that it cannot replace with its ellipsis).
func HelpColumns(st help.Styles, groups [][]key.Binding, width int) []string {
	type column struct {
		lines []string
		width int
	}
	var cols []column
	for _, g := range groups {
		var ks, ds []string
		for _, b := range g {
			if b.Enabled() && (b.Help().Key != "" || b.Help().Desc != "") {
				ks = append(ks, b.Help().Key)
				ds = append(ds, b.Help().Desc)
			}
		}
		if len(ks) == 0 {
			continue
		}
		kw := 0
		for _, k := range ks {
			kw = max(kw, ansi.StringWidth(k))
		}
		c := column{}
		for i := range ks {
			line := st.FullKey.Render(ks[i]+strings.Repeat(" ", kw-ansi.StringWidth(ks[i]))) + " " + st.FullDesc.Render(ds[i])
			if ansi.StringWidth(line) > width {
				line = ansi.Truncate(line, width, "…")
			}
			c.lines = append(c.lines, line)
			c.width = max(c.width, ansi.StringWidth(line))
		}
		cols = append(cols, c)
	}

	var out []string
	flush := func(row []column) {
		if len(row) == 0 {
			return
		}
		if len(out) > 0 {
			out = append(out, "")
		}
		height := 0
		for _, c := range row {
			height = max(height, len(c.lines))
		}
		for i := 0; i < height; i++ {
			var b strings.Builder
			for j, c := range row {
				if j > 0 {
					b.WriteString(st.FullSeparator.Render(helpSeparator))
				}
				cell := ""
				if i < len(c.lines) {
					cell = c.lines[i]
				}
				if j < len(row)-1 {
					cell += strings.Repeat(" ", c.width-ansi.StringWidth(cell))
				}
				b.WriteString(cell)
			}
			out = append(out, b.String())
		}
	}
	var row []column
	used := 0
	for _, c := range cols {
		need := c.width
		if len(row) > 0 {
			need += len(helpSeparator)
		}
		if len(row) > 0 && used+need > width {
			flush(row)
			row, used, need = nil, 0, c.width
		}
		row = append(row, c)
		used += need
	}
	flush(row)
	return out
}

// HelpPage is a full-help overlay: a title, the key columns, notes and how
// to close it, framed and centred. On a window too short for it, it
// scrolls, and says that more is above or below.
type HelpPage struct {
	Title  string
	Groups [][]key.Binding
	Notes  []string // lines, possibly styled, at most HelpWidth wide (longer ones are cut)
	Close  string   // "? or esc closes this help"

	top  int
	max  int // the last top, as of the last View
	keys keys.Movement
}

// NewHelpPage returns a help page at its top.
func NewHelpPage() HelpPage { return HelpPage{keys: keys.NewMovement()} }

// Reset scrolls back to the top, for the next time the help opens.
func (p *HelpPage) Reset() { p.top = 0 }

// Update scrolls the page with the movement keys and the mouse wheel.
func (p *HelpPage) Update(msg tea.Msg) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, p.keys.Up):
			p.top--
		case key.Matches(msg, p.keys.Down):
			p.top++
		case key.Matches(msg, p.keys.PageUp):
			p.top -= 10
		case key.Matches(msg, p.keys.PageDown):
			p.top += 10
		case key.Matches(msg, p.keys.Top):
			p.top = 0
		case key.Matches(msg, p.keys.Bottom):
			p.top = p.max
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			p.top -= 3
		case tea.MouseWheelDown:
			p.top += 3
		}
	}
	p.top = min(max(p.top, 0), p.max)
}

// HelpWidth is the width of a help page's text on a window width wide: the
// frame takes two columns of border and two of padding, and one more
// column each side keeps it off the window's edge.
func HelpWidth(width int) int { return max(10, width-6) }

// View draws the page in exactly width × height cells.
func (p *HelpPage) View(th *theme.Theme, width, height int) string {
	inner := HelpWidth(width)
	lines := []string{th.Heading.Render(ansi.Truncate(p.Title, inner, "…")), ""}
	lines = append(lines, HelpColumns(th.Help, p.Groups, inner)...)
	if len(p.Notes) > 0 {
		lines = append(lines, "")
		for _, l := range p.Notes {
			if ansi.StringWidth(l) > inner {
				l = ansi.Truncate(l, inner, "…")
			}
			lines = append(lines, l)
		}
	}
	lines = append(lines, "")
	for _, l := range Wrap(p.Close, inner) {
		lines = append(lines, th.Muted.Render(l))
	}

	// The frame is as wide as the widest line, visible or not, so that it
	// keeps its size as the page scrolls.
	widest := 0
	for _, l := range lines {
		widest = max(widest, ansi.StringWidth(l))
	}
	room := max(1, height-2) // inside the frame's top and bottom
	p.max = max(0, len(lines)-room)
	p.top = min(max(p.top, 0), p.max)
	if p.max > 0 {
		lines = lines[p.top : p.top+room]
		if p.top > 0 {
			lines[0] = th.Muted.Render("↑ more above: ↑/k, pgup")
		}
		if p.top < p.max {
			lines[len(lines)-1] = th.Muted.Render("↓ more below: ↓/j, pgdn")
		}
	}
	for i, l := range lines {
		lines[i] = l + strings.Repeat(" ", max(0, widest-ansi.StringWidth(l)))
	}
	box := th.Box.Render(strings.Join(lines, "\n"))
	return Frame(strings.Split(lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, box), "\n"), width, height)
}
