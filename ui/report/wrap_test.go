package report

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWrapBreaksLongWords(t *testing.T) {
	for _, tc := range []struct {
		s     string
		width int
		lines int
	}{
		{"short", 20, 1},
		{"two words", 0, 1}, // no width: one line
		{"a note written in a few words", 10, 4},
		{"/home/someone/.local/share/equity/checklists/uc1-NG.json", 20, 3},
	} {
		got := wrap(tc.s, tc.width)
		if len(got) != tc.lines {
			t.Errorf("wrap(%q, %d) = %q, want %d lines", tc.s, tc.width, got, tc.lines)
		}
		for _, l := range got {
			if tc.width > 0 && ansi.StringWidth(l) > tc.width {
				t.Errorf("wrap(%q, %d): line %q is wider", tc.s, tc.width, l)
			}
		}
	}
}
