package checklist

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/ui/components"
)

// wrap breaks plain text into lines of at most width cells at spaces; a
// word longer than a line is broken where the line ends. Line breaks in the
// text are kept (a note's lines); an empty text is one empty line.
func wrap(s string, width int) []string {
	width = max(1, width)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		cur := ""
		for _, w := range strings.Fields(para) {
			for ansi.StringWidth(w) > width {
				// A word longer than a line: fill the line, go on below.
				if cur != "" {
					out = append(out, cur)
					cur = ""
				}
				head := ansi.Truncate(w, width, "")
				if head == "" { // a wide character on a line of one cell
					head = string([]rune(w)[:1])
				}
				out = append(out, head)
				w = w[len(head):]
			}
			switch {
			case w == "":
			case cur == "":
				cur = w
			case ansi.StringWidth(cur)+1+ansi.StringWidth(w) <= width:
				cur += " " + w
			default:
				out = append(out, cur)
				cur = w
			}
		}
		out = append(out, cur)
	}
	return out
}

// fit cuts or pads a (possibly styled) line to exactly w cells.
func fit(s string, w int) string { return components.Fit(s, w) }

// frame makes lines exactly w × h: each line fitted, missing lines blank,
// extra lines dropped.
func frame(lines []string, w, h int) string {
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = fit(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", max(0, w))
		}
	}
	return strings.Join(out, "\n")
}

// truncLeft keeps the end of a text that is too long, where a path has its
// file name: "…/checklists/uc1-NG.json".
func truncLeft(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return "…" + ansi.TruncateLeft(s, ansi.StringWidth(s)-w+1, "")
}
