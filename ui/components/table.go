// Package components holds the pieces screens are built from: a data table
// with a frozen first column, inline bars, sparklines and histograms.
package components

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/ui/keys"
	"github.com/equitylandscape/equity/ui/theme"
)

// Column is one column of a Table.
type Column struct {
	Title string
	Width int
	Right bool
}

// Rows supplies a table's cells when they are drawn, so that a table of
// twenty thousand rows costs only the rows on screen.
type Rows interface {
	Len() int
	// Cell is the text of a cell, possibly styled; the table cuts and pads
	// it to the column's width.
	Cell(row, col int) string
	// Marked reports whether a row carries the mark (●).
	Marked(row int) bool
}

// TableKeys are a table's bindings.
type TableKeys struct {
	keys.Movement
	Left  key.Binding
	Right key.Binding
}

// NewTableKeys returns the table bindings.
func NewTableKeys() TableKeys {
	return TableKeys{
		Movement: keys.NewMovement(),
		Left:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "scroll left")),
		Right:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "scroll right")),
	}
}

// gutter is the two cells left of every row: the cursor (▶) and the mark
// (●), so that neither depends on colour.
const gutter = 2

// Table is a scrolling table with a cursor. Its first Frozen columns stay
// put when the others scroll sideways.
type Table struct {
	Keys    TableKeys
	Columns []Column
	Frozen  int

	rows          Rows
	cursor, top   int
	hoff          int // the first scrolling column shown
	width, height int
	theme         *theme.Theme
}

// NewTable returns an empty table.
func NewTable(th *theme.Theme) Table {
	return Table{Keys: NewTableKeys(), theme: th, Frozen: 1}
}

// SetRows replaces the rows, keeping the cursor in range.
func (t *Table) SetRows(r Rows) {
	t.rows = r
	t.clamp()
}

// SetTheme changes the styles (the background colour became known).
func (t *Table) SetTheme(th *theme.Theme) { t.theme = th }

// SetSize sets the table's size, header included.
func (t *Table) SetSize(w, h int) {
	t.width, t.height = w, h
	t.clamp()
}

// Cursor is the index of the selected row, or -1 when there are no rows.
func (t *Table) Cursor() int {
	if t.len() == 0 {
		return -1
	}
	return t.cursor
}

// SetCursor selects a row.
func (t *Table) SetCursor(i int) {
	t.cursor = i
	t.clamp()
}

// HasMoreRight reports whether columns are hidden to the right.
func (t *Table) HasMoreRight() bool { return t.lastShown() < len(t.Columns)-1 }

// HOffset is how many scrolling columns are hidden to the left.
func (t *Table) HOffset() int { return t.hoff }

func (t *Table) len() int {
	if t.rows == nil {
		return 0
	}
	return t.rows.Len()
}

// page is the number of rows the body shows.
func (t *Table) page() int { return max(1, t.height-1) }

func (t *Table) clamp() {
	n := t.len()
	t.cursor = min(max(t.cursor, 0), max(n-1, 0))
	if t.cursor < t.top {
		t.top = t.cursor
	}
	if t.cursor >= t.top+t.page() {
		t.top = t.cursor - t.page() + 1
	}
	t.top = min(max(t.top, 0), max(n-t.page(), 0))
	maxOff := max(len(t.Columns)-t.Frozen-1, 0)
	t.hoff = min(max(t.hoff, 0), maxOff)
	// Scroll back as far as still shows the last column: a window that
	// grew hides no column it has room for.
	for t.hoff > 0 && t.width > 0 {
		t.hoff--
		if t.HasMoreRight() {
			t.hoff++
			break
		}
	}
}

// Update moves the cursor and scrolls. It reports whether it used the
// message.
func (t *Table) Update(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, t.Keys.Up):
			t.cursor--
		case key.Matches(msg, t.Keys.Down):
			t.cursor++
		case key.Matches(msg, t.Keys.PageUp):
			t.cursor -= t.page()
		case key.Matches(msg, t.Keys.PageDown):
			t.cursor += t.page()
		case key.Matches(msg, t.Keys.Top):
			t.cursor = 0
		case key.Matches(msg, t.Keys.Bottom):
			t.cursor = t.len() - 1
		case key.Matches(msg, t.Keys.Left):
			t.hoff--
		case key.Matches(msg, t.Keys.Right):
			if t.HasMoreRight() {
				t.hoff++
			}
		default:
			return false
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			t.cursor -= 3
		case tea.MouseWheelDown:
			t.cursor += 3
		case tea.MouseWheelLeft:
			t.hoff--
		case tea.MouseWheelRight:
			if t.HasMoreRight() {
				t.hoff++
			}
		default:
			return false
		}
	case tea.MouseClickMsg:
		row, ok := t.RowAt(msg.Y)
		if !ok || msg.Button != tea.MouseLeft {
			return false
		}
		t.cursor = row
	default:
		return false
	}
	t.clamp()
	return true
}

// RowAt is the row drawn at line y of the table (0 is the header).
func (t *Table) RowAt(y int) (int, bool) {
	row := t.top + y - 1
	if y < 1 || row >= t.len() || y > t.page() {
		return 0, false
	}
	return row, true
}

// visible returns the columns drawn: the frozen ones, then the scrolling
// ones from hoff on, as many as fit.
func (t *Table) visible() []int {
	var cols []int
	used := gutter
	for i := 0; i < t.Frozen && i < len(t.Columns); i++ {
		cols = append(cols, i)
		used += t.Columns[i].Width + 1
	}
	for i := t.Frozen + t.hoff; i < len(t.Columns); i++ {
		if used+t.Columns[i].Width > t.width && len(cols) > t.Frozen {
			break
		}
		cols = append(cols, i)
		used += t.Columns[i].Width + 1
	}
	return cols
}

func (t *Table) lastShown() int {
	cols := t.visible()
	if len(cols) == 0 {
		return -1
	}
	return cols[len(cols)-1]
}

// View draws the header and the visible rows, exactly width × height.
func (t *Table) View() string {
	if t.height <= 0 {
		return ""
	}
	th := t.theme
	cols := t.visible()
	var b strings.Builder
	b.Grow((t.width + 16) * t.height)

	// Header, with arrows where columns are hidden to either side.
	var head strings.Builder
	if t.hoff > 0 {
		head.WriteString("‹ ")
	} else {
		head.WriteString(strings.Repeat(" ", gutter))
	}
	for n, i := range cols {
		if n > 0 {
			head.WriteByte(' ')
		}
		head.WriteString(fit(t.Columns[i].Title, t.Columns[i].Width, t.Columns[i].Right))
	}
	line := fit(head.String(), t.width, false)
	if t.HasMoreRight() && t.width > 0 {
		line = fit(head.String(), t.width-1, false) + "›"
	}
	b.WriteString(th.Header.Render(line))

	if t.height == 1 {
		return b.String() // room for the header only
	}
	end := min(t.top+t.page(), t.len())
	for r := t.top; r < end; r++ {
		b.WriteByte('\n')
		b.WriteString(t.row(r, cols))
	}
	for r := end - t.top; r < t.page() && t.height > 1; r++ {
		b.WriteByte('\n')
		b.WriteString(strings.Repeat(" ", t.width))
	}
	return b.String()
}

func (t *Table) row(r int, cols []int) string {
	th := t.theme
	selected := r == t.cursor
	var line strings.Builder
	switch {
	case selected:
		line.WriteString("▶")
	default:
		line.WriteString(" ")
	}
	if t.rows.Marked(r) {
		line.WriteString(th.Mark.Render("●"))
	} else {
		line.WriteString(" ")
	}
	for n, i := range cols {
		if n > 0 {
			line.WriteByte(' ')
		}
		cell := t.rows.Cell(r, i)
		if selected {
			// The selection's own style must reach every cell: inner
			// styles would reset it halfway along the line.
			cell = ansi.Strip(cell)
		}
		line.WriteString(fit(cell, t.Columns[i].Width, t.Columns[i].Right))
	}
	s := fit(line.String(), t.width, false)
	if selected {
		return th.Selected.Render(ansi.Strip(s))
	}
	return s
}

// fit cuts or pads s to exactly w cells.
func fit(s string, w int, right bool) string {
	if w <= 0 {
		return ""
	}
	n := cellWidth(s)
	if n > w {
		s = ansi.Truncate(s, w, "…")
		n = ansi.StringWidth(s)
	}
	pad := strings.Repeat(" ", w-n)
	if right {
		return pad + s
	}
	return s + pad
}

// Fit cuts or pads s to exactly w cells, for screens that lay out text.
func Fit(s string, w int) string { return fit(s, w, false) }

// FitRight is Fit aligned to the right.
func FitRight(s string, w int) string { return fit(s, w, true) }
