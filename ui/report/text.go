package report

import (
	"bufio"
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
	if doc.Title != "" {
		bw.WriteString(bold.Render(doc.Title) + "\n")
	}
	for _, s := range doc.Sections {
		if forScriptsOnly(s) {
			continue
		}
		bw.WriteString("\n")
		switch s := s.(type) {
		case *TableSection:
			if s.Title != "" {
				bw.WriteString(bold.Render(s.Title) + "\n")
			}
			writeTextTable(bw, s, opt, bold)
		case *FieldsSection:
			if s.Title != "" {
				bw.WriteString(bold.Render(s.Title) + "\n")
			}
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

func writeTextTable(bw *bufio.Writer, t *TableSection, opt Options, bold lipgloss.Style) {
	cols := visible(t.Columns)
	widths := make([]int, len(t.Columns))
	for _, i := range cols {
		widths[i] = ansi.StringWidth(t.Columns[i].Title)
		for _, r := range t.Rows {
			widths[i] = max(widths[i], ansi.StringWidth(r[i].Text))
		}
	}
	fit(t.Columns, cols, widths, opt.Width)
	line := func(cells func(i int) string, style func(string) string) {
		var b strings.Builder
		for n, i := range cols {
			if n > 0 {
				b.WriteString(colGap)
			}
			b.WriteString(pad(cells(i), widths[i], t.Columns[i].Right, n == len(cols)-1))
		}
		bw.WriteString(style(strings.TrimRight(b.String(), " ")) + "\n")
	}
	line(func(i int) string { return strings.ToUpper(t.Columns[i].Title) }, func(s string) string { return bold.Render(s) })
	for _, r := range t.Rows {
		line(func(i int) string { return r[i].Text }, func(s string) string { return s })
	}
}

// fit cuts flexible columns, widest first, until the table fits the width.
func fit(all []Column, cols []int, widths []int, width int) {
	if width <= 0 {
		return
	}
	total := func() int {
		t := len(colGap) * (len(cols) - 1)
		for _, i := range cols {
			t += widths[i]
		}
		return t
	}
	for total() > width {
		widest := -1
		for _, i := range cols {
			if all[i].Flex && widths[i] > minFlex && (widest < 0 || widths[i] > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return // nothing left to cut: the terminal wraps
		}
		widths[widest] = max(minFlex, widths[widest]-(total()-width))
	}
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
