package components

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Wrap breaks plain text into lines of at most width cells at spaces; a
// word longer than a line is broken where the line ends. Line breaks in the
// text are kept (a note's lines); an empty text is one empty line.
func Wrap(s string, width int) []string {
	width = max(1, width)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		start, cur, curW := len(out), "", 0
		for _, w := range strings.Fields(para) {
			ww := cellWidth(w)
			for ww > width {
				// A word longer than a line: fill the line, go on below.
				if cur != "" {
					out = append(out, cur)
					cur, curW = "", 0
				}
				head := ansi.Truncate(w, width, "")
				if head == "" { // a wide character on a line of one cell
					head = string([]rune(w)[:1])
				}
				out = append(out, head)
				w = w[len(head):]
				ww = cellWidth(w)
			}
			switch {
			case w == "":
			case cur == "":
				cur, curW = w, ww
			case curW+1+ww <= width:
				cur += " " + w
				curW += 1 + ww
			default:
				out = append(out, cur)
				cur, curW = w, ww
			}
		}
		// An empty paragraph is an empty line; a word broken to the end of
		// its last line leaves nothing more.
		if cur != "" || len(out) == start {
			out = append(out, cur)
		}
	}
	return out
}

// cellWidth is the width of text in terminal cells. Most text on screen is
// plain ASCII, one cell a byte, and is counted without the grapheme
// segmentation the rest needs.
func cellWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// Frame makes lines exactly w × h, the promise every screen's View keeps:
// each line cut or padded to w cells, missing lines blank, extra ones
// dropped.
func Frame(lines []string, w, h int) string {
	out := make([]string, max(0, h))
	for i := range out {
		if i < len(lines) {
			out[i] = Fit(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", max(0, w))
		}
	}
	return strings.Join(out, "\n")
}
