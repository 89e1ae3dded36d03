package ui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/equitylandscape/equity/ui"
	"github.com/equitylandscape/equity/ui/theme"
)

// No typed or pasted direction override or control character reaches the
// terminal through an input's echo, in any section (the Countries search,
// the Map's find).
func TestInputsDropInvisibleCharacters(t *testing.T) {
	for _, section := range []string{"1", "6"} {
		var m tea.Model = ui.New(sample(t), ui.Options{Theme: theme.Mono})
		m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		for _, k := range []string{section, "/"} {
			m, _ = m.Update(tea.KeyPressMsg{Code: rune(k[0]), Text: k})
		}
		for _, r := range "\u202eab\u200f" {
			m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		m, _ = m.Update(tea.PasteMsg{Content: "c\u202e\x1b[2Jd"})
		view := m.View().Content
		for _, bad := range []string{"\u202e", "\u200f", "\x1b[2J"} {
			if strings.Contains(view, bad) {
				t.Errorf("section %s: the screen holds %q", section, bad)
			}
		}
		if !strings.Contains(view, "ab") || !strings.Contains(view, "c[2Jd") {
			t.Errorf("section %s: the typed and pasted text is not in the input:\n%s", section, view)
		}
	}
}
