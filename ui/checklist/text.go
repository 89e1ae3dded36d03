package checklist

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/ui/components"
)

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
