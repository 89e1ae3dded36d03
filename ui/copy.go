package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/common"
)

// copyCommand shows the `equity` command that prints what the screen shows
// and puts it on the clipboard through the terminal (OSC 52), so that a
// view can be pasted into a report or run again later.
func (m *Model) copyCommand() tea.Cmd {
	c, ok := m.screen().(common.Commander)
	if !ok || m.showHelp {
		m.notice = "no command prints this screen"
		return nil
	}
	line := CommandLine(c.Command())
	m.notice = "copied: " + line
	return tea.SetClipboard(line)
}

// CommandLine joins a command's arguments after "equity", each cleaned of
// control characters and quoted for a POSIX shell where it needs to be.
func CommandLine(args []string) string {
	out := []string{"equity"}
	for _, a := range args {
		out = append(out, ShellQuote(model.CleanText(a)))
	}
	return strings.Join(out, " ")
}

// ShellQuote quotes an argument for a POSIX shell: as it is when it is made
// of characters no shell treats specially, else in single quotes, with a
// single quote written '\”.
func ShellQuote(s string) string {
	if s == "" {
		return "''"
	}
	plain := true
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:,+@%", r)) {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// noticeLine is the footer's last line after C: the command, whole when it
// fits (the clipboard has it whole either way).
func (m *Model) noticeLine() string {
	return fitLine(" "+m.ctx.Theme.Strong.Render(m.notice), m.width)
}
