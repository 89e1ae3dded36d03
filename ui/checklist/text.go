package checklist

import "github.com/charmbracelet/x/ansi"

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
