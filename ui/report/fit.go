package report

import (
	"slices"

	"github.com/charmbracelet/x/ansi"
)

// layout is how a text table is drawn at a width: which columns, how wide,
// under which titles, and which columns it left out.
type layout struct {
	cols    []int // the columns shown, in order
	widths  []int // by column index
	titles  []string
	dropped []int // the columns left out to fit, in the table's order
}

// fitTable lays out the visible columns of t to width cells (0: no limit),
// as Column describes: shorter titles, then cut Flex columns, then dropped
// columns, each step only as far as the width needs.
func fitTable(t *TableSection, width int) layout {
	shown := visible(t.Columns)
	var dropped []int
	for {
		l := tryLayout(t, shown, width)
		if width <= 0 || l.total() <= width {
			l.dropped = dropped
			return l
		}
		next := -1
		for _, i := range shown {
			if d := t.Columns[i].Drop; d > 0 && (next < 0 || d >= t.Columns[next].Drop) {
				next = i
			}
		}
		if next < 0 {
			// Nothing left to leave out: the terminal wraps the rows.
			l.dropped = dropped
			return l
		}
		shown = slices.DeleteFunc(slices.Clone(shown), func(i int) bool { return i == next })
		dropped = append(dropped, next)
		slices.Sort(dropped)
	}
}

// tryLayout fits the given columns by titles and cuts alone.
func tryLayout(t *TableSection, shown []int, width int) layout {
	l := layout{cols: shown, widths: make([]int, len(t.Columns)), titles: make([]string, len(t.Columns))}
	cells := make([]int, len(t.Columns)) // the widest cell of each column
	for _, i := range shown {
		for _, r := range t.Rows {
			cells[i] = max(cells[i], ansi.StringWidth(r[i].Text))
		}
		l.titles[i] = t.Columns[i].Title
		l.widths[i] = max(cells[i], ansi.StringWidth(l.titles[i]))
	}
	if width <= 0 {
		return l
	}
	// Shorter titles first, the one that saves the most cells first: a
	// title is the cheapest thing to shorten.
	for l.total() > width {
		best, gain := -1, 0
		for _, i := range shown {
			c := t.Columns[i]
			if c.Short == "" || l.titles[i] == c.Short {
				continue
			}
			if g := l.widths[i] - max(cells[i], ansi.StringWidth(c.Short)); g > gain {
				best, gain = i, g
			}
		}
		if best < 0 {
			break
		}
		l.titles[best] = t.Columns[best].Short
		l.widths[best] -= gain
	}
	// Then the flexible columns, a cell at a time from the widest (the
	// rightmost of equals), each down to its floor: they end as even as
	// their floors allow, and the leftmost, usually the names, keep most.
	for over := l.total() - width; over > 0; over-- {
		widest := -1
		for _, i := range shown {
			c := t.Columns[i]
			if (c.Flex || c.Wrap) && l.widths[i] > c.floor() && (widest < 0 || l.widths[i] >= l.widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			break
		}
		l.widths[widest]--
	}
	return l
}

// floor is the narrowest a Flex column is cut to.
func (c Column) floor() int {
	if c.Min > 0 {
		return c.Min
	}
	return minFlex
}

// total is the width of a line of the table.
func (l layout) total() int {
	t := len(colGap) * max(0, len(l.cols)-1)
	for _, i := range l.cols {
		t += l.widths[i]
	}
	return t
}
