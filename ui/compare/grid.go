package compare

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/theme"
)

// selection is what the cursor of a grid moves over.
type selection int

const (
	byColumn selection = iota // the scrolling columns: regions or countries side by side
	byRow                     // the rows: one region a row
)

// gridLine is a line of a grid's body: a label and one cell per column, or
// a text across the grid (a group's heading) when cells is nil.
type gridLine struct {
	label string
	cells []string
	text  string
	item  int // byRow: the region the line stands for; -1 for none
}

// grid is a table whose first column (the measures' or the regions' names)
// stays put while the other columns scroll sideways, and whose header stays
// put while the lines scroll up and down. Its cursor selects a column or a
// row; every column is preceded by a cell that marks the selected column
// (▶) and every line by a cell that marks the selected row.
//
//	‹ (hidden left)   ▶CEECA            ESEAP      ›
//	Measure           Central & East…   East, Sout…
//	Countries             32 ███▏·····     48 ███▊···
type grid struct {
	th      *theme.Theme
	sel     selection
	frozenW int
	widths  []int      // the scrolling columns
	groups  []string   // byRow: each column's group, drawn over the header; nil for none
	head    [][]string // header lines: the frozen cell, then one per column
	lines   []gridLine

	showGroups    bool
	cursor        int // the selected column (byColumn) or item (byRow)
	hoff          int // the first scrolling column shown
	top           int // the first body line shown
	width, height int
}

// items is how many things the cursor moves over.
func (g *grid) items() int {
	if g.sel == byColumn {
		return len(g.widths)
	}
	n := 0
	for _, l := range g.lines {
		if l.item >= 0 {
			n = max(n, l.item+1)
		}
	}
	return n
}

func (g *grid) headLines() int {
	n := len(g.head)
	if g.showGroups && g.groups != nil {
		n++
	}
	return n
}

// bodyHeight is the number of body lines shown.
func (g *grid) bodyHeight() int { return max(0, g.height-g.headLines()) }

// itemLine is the body line of a row item, or -1.
func (g *grid) itemLine(item int) int {
	for i, l := range g.lines {
		if l.item == item {
			return i
		}
	}
	return -1
}

// clamp keeps the cursor and the scroll positions in range, the selection
// in view.
func (g *grid) clamp() {
	n := g.items()
	g.cursor = min(max(g.cursor, 0), max(n-1, 0))
	bh := g.bodyHeight()
	if g.sel == byRow && bh > 0 {
		if l := g.itemLine(g.cursor); l >= 0 {
			if l < g.top {
				g.top = l
			}
			if l >= g.top+bh {
				g.top = l - bh + 1
			}
		}
	}
	g.top = min(max(g.top, 0), max(len(g.lines)-bh, 0))

	g.hoff = min(max(g.hoff, 0), max(len(g.widths)-1, 0))
	if g.sel == byColumn && len(g.widths) > 0 {
		if g.cursor < g.hoff {
			g.hoff = g.cursor
		}
		for g.hoff < g.cursor && g.lastShown() < g.cursor {
			g.hoff++
		}
	}
	// Scroll back as far as still shows the last column: a window that
	// grew hides no column it has room for.
	for g.hoff > 0 && g.width > 0 {
		g.hoff--
		if g.hasMoreRight() {
			g.hoff++
			break
		}
	}
}

// visible are the scrolling columns drawn: from hoff, as many as fit, and
// at least one.
func (g *grid) visible() []int {
	var cols []int
	used := 1 + g.frozenW
	for i := g.hoff; i < len(g.widths); i++ {
		if used+1+g.widths[i] > g.width && len(cols) > 0 {
			break
		}
		cols = append(cols, i)
		used += 1 + g.widths[i]
	}
	return cols
}

func (g *grid) lastShown() int {
	cols := g.visible()
	if len(cols) == 0 {
		return -1
	}
	return cols[len(cols)-1]
}

func (g *grid) hasMoreRight() bool { return g.lastShown() < len(g.widths)-1 }

// columnAt is the column drawn at cell x, if any.
func (g *grid) columnAt(x int) (int, bool) {
	at := 1 + g.frozenW
	for _, c := range g.visible() {
		if x >= at && x < at+1+g.widths[c] {
			return c, true
		}
		at += 1 + g.widths[c]
	}
	return 0, false
}

// itemAt is the row item drawn at line y of the grid (the header included).
func (g *grid) itemAt(y int) (int, bool) {
	i := y - g.headLines()
	if i < 0 || i >= g.bodyHeight() || g.top+i >= len(g.lines) {
		return 0, false
	}
	l := g.lines[g.top+i]
	return l.item, l.item >= 0
}

// moveCursor moves the selection by n items.
func (g *grid) moveCursor(n int) {
	g.cursor += n
	g.clamp()
}

// scroll moves the body by n lines, leaving the cursor alone.
func (g *grid) scroll(n int) {
	g.top += n
	bh := g.bodyHeight()
	g.top = min(max(g.top, 0), max(len(g.lines)-bh, 0))
}

// scrollColumns moves the columns shown by n, leaving the cursor alone
// (byRow).
func (g *grid) scrollColumns(n int) {
	if n > 0 && !g.hasMoreRight() {
		return
	}
	g.hoff = min(max(g.hoff+n, 0), max(len(g.widths)-1, 0))
}

// more says whether body lines are hidden above and below.
func (g *grid) more() (above, below bool) {
	return g.top > 0, g.top+g.bodyHeight() < len(g.lines)
}

// View draws the grid, exactly width × height.
func (g *grid) View() []string {
	if g.height <= 0 || g.width <= 0 {
		return nil
	}
	th := g.th
	cols := g.visible()
	var out []string
	if g.showGroups && g.groups != nil {
		out = append(out, g.groupLine(cols))
	}
	for i, h := range g.head {
		out = append(out, g.headLine(i, h, cols))
	}
	bh := g.bodyHeight()
	for i := 0; i < bh; i++ {
		n := g.top + i
		if n >= len(g.lines) {
			out = append(out, strings.Repeat(" ", g.width))
			continue
		}
		l := g.lines[n]
		if l.cells == nil {
			out = append(out, components.Fit(" "+l.text, g.width))
			continue
		}
		selected := g.sel == byRow && l.item >= 0 && l.item == g.cursor
		var b strings.Builder
		if selected {
			b.WriteString("▶")
		} else {
			b.WriteString(" ")
		}
		b.WriteString(components.Fit(l.label, g.frozenW))
		for _, c := range cols {
			b.WriteString(" ")
			cell := ""
			if c < len(l.cells) {
				cell = l.cells[c]
			}
			b.WriteString(components.Fit(cell, g.widths[c]))
		}
		line := components.Fit(b.String(), g.width)
		if selected {
			// The selection's style must reach every cell: inner styles
			// would reset it halfway along the line.
			line = th.Selected.Render(ansi.Strip(line))
		}
		out = append(out, line)
	}
	if len(out) > g.height {
		out = out[:g.height]
	}
	return out
}

// headLine draws a header line: the last is underlined across, like a
// table's; the selected column's cells are drawn selected, with ▶.
func (g *grid) headLine(i int, h []string, cols []int) string {
	th := g.th
	last := i == len(g.head)-1
	base := th.Strong
	if last {
		base = th.Header
	}
	cell := func(n int) string {
		if n < len(h) {
			return ansi.Strip(h[n])
		}
		return ""
	}
	gutter := " "
	if i == 0 && g.hoff > 0 {
		gutter = "‹"
	}
	frozen := cell(0)
	if last {
		// Say when lines are hidden above or below.
		hint := ""
		switch above, below := g.more(); {
		case above && below:
			hint = "↕ more"
		case above:
			hint = "↑ more"
		case below:
			hint = "↓ more"
		}
		switch {
		case hint == "":
		case frozen == "":
			frozen = hint
		case ansi.StringWidth(frozen)+1+ansi.StringWidth(hint) <= g.frozenW:
			frozen += " " + hint
		}
	}
	var b strings.Builder
	used := 1 + g.frozenW
	b.WriteString(base.Render(gutter + components.Fit(frozen, g.frozenW)))
	for _, c := range cols {
		mark := " "
		selected := g.sel == byColumn && c == g.cursor
		if selected && i == 0 {
			mark = "▶"
		}
		w := min(g.widths[c], max(0, g.width-used-1))
		text := mark + components.Fit(cell(c+1), w)
		used += 1 + w
		if selected {
			b.WriteString(th.Selected.Render(text))
		} else {
			b.WriteString(base.Render(text))
		}
		if used >= g.width {
			break
		}
	}
	if used < g.width {
		b.WriteString(base.Render(strings.Repeat(" ", g.width-used)))
	}
	line := components.Fit(b.String(), g.width)
	if i == 0 && g.hasMoreRight() && g.width > 1 {
		line = ansi.Truncate(line, g.width-1, "") + base.Render("›")
	}
	return line
}

// groupLine names the groups of the visible columns over them, each over
// a rule as wide as its columns.
func (g *grid) groupLine(cols []int) string {
	th := g.th
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", 1+g.frozenW))
	for i := 0; i < len(cols); {
		j, w := i, 0
		for j < len(cols) && g.groups[cols[j]] == g.groups[cols[i]] {
			w += 1 + g.widths[cols[j]]
			j++
		}
		name := " " + g.groups[cols[i]]
		if i == 0 && g.hoff > 0 && cols[0] > 0 && g.groups[cols[0]-1] == g.groups[cols[0]] {
			name = " …" + g.groups[cols[i]] // the group began off the left edge
		}
		if ansi.StringWidth(name)+2 > w {
			b.WriteString(th.Label.Render(components.Fit(name, w)))
		} else {
			b.WriteString(th.Label.Render(name+" ") + th.Muted.Render(strings.Repeat("─", w-ansi.StringWidth(name)-1)))
		}
		i = j
	}
	return components.Fit(b.String(), g.width)
}
