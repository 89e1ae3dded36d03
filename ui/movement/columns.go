package movement

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/ui/components"
)

// column is one column of a text table on a page. The first column takes
// the room the others leave; when the page is too narrow, the columns with
// the highest drop go first.
type column struct {
	title string
	width int
	right bool
	drop  int // 0 never goes
}

// layout decides which columns a width shows and how wide the first is:
// the first keeps at least minFirst cells.
func layout(cols []column, width, minFirst int) (shown []int, first int) {
	drops := map[int]bool{}
	for i, c := range cols {
		if i > 0 && c.width == 0 {
			drops[i] = true // a column this table does not have
		}
	}
	for {
		used := 0
		shown = shown[:0]
		for i, c := range cols {
			if i == 0 || drops[i] {
				continue
			}
			used += c.width + 1
		}
		first = width - 1 - used // a space of margin on the left
		if first >= minFirst || len(drops) == len(cols)-1 {
			break
		}
		worst := -1
		for i, c := range cols {
			if i > 0 && !drops[i] && c.drop > 0 && (worst < 0 || c.drop > cols[worst].drop) {
				worst = i
			}
		}
		if worst < 0 {
			break
		}
		drops[worst] = true
	}
	for i := range cols {
		if !drops[i] {
			shown = append(shown, i)
		}
	}
	return shown, max(1, min(first, cols[0].width))
}

// row sets cells (styled or not) in the shown columns.
func row(cols []column, shown []int, first int, cells []string) string {
	var b strings.Builder
	b.WriteByte(' ')
	for n, i := range shown {
		w := cols[i].width
		if i == 0 {
			w = first
		}
		if n > 0 {
			b.WriteByte(' ')
		}
		cell := ""
		if i < len(cells) {
			cell = cells[i]
		}
		if cols[i].right {
			b.WriteString(components.FitRight(cell, w))
		} else {
			b.WriteString(components.Fit(cell, w))
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// titles are the columns' titles, for a header row.
func titles(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.title
	}
	return out
}

// widest is the width of the widest text, at least the title's.
func widest(title string, texts ...string) int {
	w := ansi.StringWidth(title)
	for _, t := range texts {
		w = max(w, ansi.StringWidth(t))
	}
	return w
}
