package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

const (
	colGap   = "  "
	ellipsis = "…"
	minFlex  = 6 // a cut column keeps at least this many cells
)

func writeText(w io.Writer, doc Doc, opt Options) error {
	bw := bufio.NewWriter(w)
	bold, dim := lipgloss.NewStyle(), lipgloss.NewStyle()
	if opt.Styled {
		bold, dim = bold.Bold(true), dim.Faint(true)
	}
	writeTitle(bw, doc.Title, opt.Width, bold)
	for _, s := range doc.Sections {
		if forScriptsOnly(s) {
			continue
		}
		bw.WriteString("\n")
		switch s := s.(type) {
		case *TableSection:
			writeTitle(bw, s.Title, opt.Width, bold)
			writeTextTable(bw, s, opt, bold, dim)
		case *FieldsSection:
			writeTitle(bw, s.Title, opt.Width, bold)
			writeTextFields(bw, s, opt)
		}
	}
	if len(doc.Notes) > 0 {
		bw.WriteString("\n")
		for _, n := range doc.Notes {
			for _, line := range wrap(n, opt.Width) {
				bw.WriteString(dim.Render(line) + "\n")
			}
		}
	}
	return bw.Flush()
}

// writeTitle writes a title, if any, wrapped at the width.
func writeTitle(bw *bufio.Writer, title string, width int, bold lipgloss.Style) {
	if title == "" {
		return
	}
	for _, line := range wrap(title, width) {
		bw.WriteString(bold.Render(line) + "\n")
	}
}

// visible returns the indices of the columns text output shows.
func visible(cols []Column) []int {
	var out []int
	for i, c := range cols {
		if c.Show != ForScripts {
			out = append(out, i)
		}
	}
	return out
}

func writeTextTable(bw *bufio.Writer, t *TableSection, opt Options, bold, dim lipgloss.Style) {
	l := fitTable(t, opt.Width)
	line := func(cells func(i int) string, style func(string) string) {
		var b strings.Builder
		for n, i := range l.cols {
			if n > 0 {
				b.WriteString(colGap)
			}
			b.WriteString(pad(cells(i), l.widths[i], t.Columns[i].Right, n == len(l.cols)-1))
		}
		bw.WriteString(style(strings.TrimRight(b.String(), " ")) + "\n")
	}
	line(func(i int) string { return strings.ToUpper(l.titles[i]) }, func(s string) string { return bold.Render(s) })
	plain := func(s string) string { return s }
	for _, r := range t.Rows {
		// A row is as many lines as its longest wrapped cell.
		cells := map[int][]string{}
		height := 1
		for _, i := range l.cols {
			if t.Columns[i].Wrap && ansi.StringWidth(r[i].Text) > l.widths[i] {
				cells[i] = wordWrap(r[i].Text, l.widths[i])
				height = max(height, len(cells[i]))
			}
		}
		for n := range height {
			line(func(i int) string {
				switch ws, ok := cells[i]; {
				case ok && n < len(ws):
					return ws[n]
				case ok || n > 0:
					return ""
				}
				return r[i].Text
			}, plain)
		}
	}
	if len(l.dropped) > 0 {
		for _, s := range wrap(droppedNote(t, l.dropped, opt.Width), opt.Width) {
			bw.WriteString(dim.Render(s) + "\n")
		}
	}
}

// droppedNote names the columns a table left out to fit the width, so that
// a reader knows they exist and how to see them.
func droppedNote(t *TableSection, dropped []int, width int) string {
	names := make([]string, len(dropped))
	for n, i := range dropped {
		names[n] = t.Columns[i].Title
		for j, c := range t.Columns {
			// Two columns of one title ("In world" of presence and of
			// growth) are told apart by their keys.
			if j != i && c.Title == names[n] && c.Show != ForScripts {
				names[n] += " (" + t.Columns[i].Key + ")"
				break
			}
		}
	}
	what := "Column"
	if len(names) > 1 {
		what = "Columns"
	}
	return fmt.Sprintf("%s left out to fit %d columns: %s; a wider terminal or --format csv shows all.", what, width, strings.Join(names, ", "))
}

// pad fits s into width cells, cutting it with an ellipsis if it is longer.
// The last column is not padded on the right, so lines carry no trailing
// blanks.
func pad(s string, width int, right, last bool) string {
	if ansi.StringWidth(s) > width {
		s = ansi.Truncate(s, width, ellipsis)
	}
	gap := width - ansi.StringWidth(s)
	switch {
	case right:
		return strings.Repeat(" ", gap) + s
	case last:
		return s
	default:
		return s + strings.Repeat(" ", gap)
	}
}

func writeTextFields(bw *bufio.Writer, f *FieldsSection, opt Options) {
	labelWidth := 0
	for _, fl := range f.Fields {
		if fl.Show != ForScripts {
			labelWidth = max(labelWidth, ansi.StringWidth(fl.Label))
		}
	}
	for _, fl := range f.Fields {
		if fl.Show == ForScripts {
			continue
		}
		label := pad(fl.Label, labelWidth, false, false)
		valueWidth := 0
		if opt.Width > 0 {
			valueWidth = max(20, opt.Width-labelWidth-len(colGap))
		}
		for n, line := range wrap(fl.Text, valueWidth) {
			if n > 0 {
				label = strings.Repeat(" ", labelWidth)
			}
			bw.WriteString(strings.TrimRight(label+colGap+line, " ") + "\n")
		}
	}
}

// wordWrap breaks text at spaces into lines of at most width cells; a
// word wider than that is cut by pad.
func wordWrap(s string, width int) []string {
	return strings.Split(ansi.Wordwrap(s, width, ""), "\n")
}

// wrap breaks text into lines of at most width cells at spaces; width 0
// means one line.
func wrap(s string, width int) []string {
	if width <= 0 || ansi.StringWidth(s) <= width {
		return []string{s}
	}
	// Wrap, not Wordwrap: a word longer than the line (a path) is broken
	// rather than let through wider than the terminal.
	return strings.Split(ansi.Wrap(s, width, ""), "\n")
}
