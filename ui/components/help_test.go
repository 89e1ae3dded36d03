package components

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func helpGroups() [][]key.Binding {
	b := func(k, d string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, d)) }
	off := b("z", "disabled")
	off.SetEnabled(false)
	return [][]key.Binding{
		{b("a", "first of the first column"), b("bb", "second"), off},
		{b("c", "a column with a much longer description than the others")},
		{b("d", "short"), b("e", "short too")},
		{off},
	}
}

func TestHelpColumns(t *testing.T) {
	th := mono()
	for _, tc := range []struct {
		width int
		rows  int // rows of columns, told by the blank lines between them
	}{
		{200, 1}, // all three side by side
		{90, 2},  // the third below
		{60, 3},  // one a row
		{20, 3},  // one a row, cut to the width
	} {
		t.Run(fmt.Sprint(tc.width), func(t *testing.T) {
			lines := HelpColumns(th.Help, helpGroups(), tc.width)
			text := ansi.Strip(strings.Join(lines, "\n"))
			if got := strings.Count(text, "\n\n") + 1; got != tc.rows {
				t.Errorf("%d rows of columns, want %d:\n%s", got, tc.rows, text)
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > tc.width {
					t.Errorf("line %q is %d cells, wider than %d", l, w, tc.width)
				}
			}
			// Every enabled key is there, whatever the width; the
			// disabled one and the empty group are not.
			for _, k := range []string{"a ", "bb ", "c ", "d ", "e "} {
				if !strings.Contains(text, k) {
					t.Errorf("key %q is missing:\n%s", k, text)
				}
			}
			if strings.Contains(text, "disabled") {
				t.Errorf("a disabled key is shown:\n%s", text)
			}
		})
	}
}

func TestHelpPageScrolls(t *testing.T) {
	th := mono()
	p := NewHelpPage()
	p.Title, p.Groups, p.Close = "Keys — Test", helpGroups(), "? closes"
	for i := 0; i < 30; i++ {
		p.Notes = append(p.Notes, fmt.Sprintf("note %d", i))
	}
	frame := func(w, h int) string {
		t.Helper()
		s := ansi.Strip(p.View(th, w, h))
		lines := strings.Split(s, "\n")
		if len(lines) != h {
			t.Fatalf("%d lines, want %d", len(lines), h)
		}
		for i, l := range lines {
			if ansi.StringWidth(l) != w {
				t.Fatalf("line %d is %d cells, want %d: %q", i+1, ansi.StringWidth(l), w, l)
			}
		}
		return s
	}
	s := frame(60, 16)
	if !strings.Contains(s, "Keys — Test") || !strings.Contains(s, "↓ more below") || strings.Contains(s, "more above") {
		t.Fatalf("at the top:\n%s", s)
	}
	p.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	if s = frame(60, 16); !strings.Contains(s, "↑ more above") {
		t.Fatalf("one line down:\n%s", s)
	}
	p.Update(tea.KeyPressMsg{Code: 'G', Text: "G"})
	if s = frame(60, 16); !strings.Contains(s, "? closes") || strings.Contains(s, "more below") {
		t.Fatalf("at the bottom:\n%s", s)
	}
	for i := 0; i < 5; i++ {
		p.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	}
	if s2 := frame(60, 16); s2 != s {
		t.Fatalf("scrolled past the bottom:\n%s", s2)
	}
	p.Reset()
	if s = frame(60, 16); !strings.Contains(s, "Keys — Test") {
		t.Fatalf("after Reset:\n%s", s)
	}
	// Tall enough: no scrolling, nothing said of more.
	if s = frame(200, 60); strings.Contains(s, "more") || !strings.Contains(s, "note 29") {
		t.Fatalf("on a tall window:\n%s", s)
	}
}
