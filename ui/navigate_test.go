package ui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/ui"
	"github.com/equitylandscape/equity/ui/theme"
)

// Keys typed faster than a screen opens (a paste, tmux send-keys) reach
// the screen they were meant for: each key goes in before the commands of
// the one before it have run, as when they queue in the program's input.
func TestKeysAheadOfCommandsReachTheOpenedScreen(t *testing.T) {
	d := sample(t)
	var m tea.Model = ui.New(d, ui.Options{Theme: theme.Mono})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	press := func(k tea.KeyPressMsg) { m, _ = m.Update(k) } // the command is dropped: not yet run
	for _, r := range "/nigeria" {
		press(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	press(tea.KeyPressMsg{Code: tea.KeyEnter}) // keep the search
	press(tea.KeyPressMsg{Code: tea.KeyEnter}) // open Nigeria
	press(tea.KeyPressMsg{Code: tea.KeyDown})  // its second domain
	press(tea.KeyPressMsg{Code: tea.KeyEnter}) // open it
	screen := ansi.Strip(m.View().Content)
	crumbs := strings.Split(screen, "\n")[1]
	if !strings.Contains(crumbs, "Countries › Nigeria › Editorship") || strings.Count(crumbs, "Nigeria") != 1 {
		t.Errorf("breadcrumbs %q, want Countries › Nigeria › Editorship", strings.TrimSpace(crumbs))
	}
}
