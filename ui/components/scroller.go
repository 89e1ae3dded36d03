package components

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/ui/keys"
	"github.com/equitylandscape/equity/ui/theme"
)

// Line is one line of a Scroller. Item is the index of the selectable item
// the line stands for, or -1 for plain text.
type Line struct {
	Text string
	Item int
}

// Text is a plain line.
func Text(s string) Line { return Line{Text: s, Item: -1} }

// Item is a selectable line.
func Item(s string, item int) Line { return Line{Text: s, Item: item} }

// Scroller is a page of lines that scrolls, with a cursor that moves
// between its selectable lines (the domains of a country, the countries of
// a list). Moving the cursor scrolls it into view; scrolling past the
// selectable lines reaches the text around them.
type Scroller struct {
	Keys keys.Movement

	lines         []Line
	items         []int // the line of each item
	cursor        int   // the selected item
	top           int
	width, height int
	theme         *theme.Theme
}

// NewScroller returns an empty scroller.
func NewScroller(th *theme.Theme) Scroller {
	return Scroller{Keys: keys.NewMovement(), theme: th}
}

// SetLines replaces the content, keeping the cursor on the same item
// number and the scroll position where it was.
func (s *Scroller) SetLines(lines []Line) {
	s.lines = lines
	s.items = s.items[:0]
	for i, l := range lines {
		if l.Item >= 0 {
			for len(s.items) <= l.Item {
				s.items = append(s.items, i)
			}
			s.items[l.Item] = i
		}
	}
	s.cursor = min(max(s.cursor, 0), max(len(s.items)-1, 0))
	s.clampTop()
}

// SetSize sets the page size.
func (s *Scroller) SetSize(w, h int) {
	s.width, s.height = w, h
	s.clampTop()
}

// Selected is the selected item, if the page has any.
func (s *Scroller) Selected() (int, bool) {
	if len(s.items) == 0 {
		return 0, false
	}
	return s.cursor, true
}

// Select moves the cursor to an item and scrolls it into view.
func (s *Scroller) Select(item int) {
	s.cursor = min(max(item, 0), max(len(s.items)-1, 0))
	s.follow()
}

// SelectedInView reports whether the selected item is on the page: enter
// should act only on what is seen.
func (s *Scroller) SelectedInView() bool {
	if len(s.items) == 0 {
		return false
	}
	line := s.items[s.cursor]
	return line >= s.top && line < s.top+s.height
}

// ScrollBy moves the page by n lines (negative is up).
func (s *Scroller) ScrollBy(n int) { s.scroll(n) }

// follow scrolls so the selected line is visible.
func (s *Scroller) follow() {
	if len(s.items) == 0 {
		return
	}
	line := s.items[s.cursor]
	if line < s.top {
		s.top = line
	}
	if line >= s.top+s.height {
		s.top = line - s.height + 1
	}
	s.clampTop()
}

func (s *Scroller) clampTop() {
	s.top = min(max(s.top, 0), max(len(s.lines)-s.height, 0))
}

// scroll moves the page by n lines; the cursor follows onto the nearest
// item still in view so that enter acts on what is seen.
func (s *Scroller) scroll(n int) {
	s.top += n
	s.clampTop()
	if len(s.items) == 0 {
		return
	}
	line := s.items[s.cursor]
	if line >= s.top && line < s.top+s.height {
		return
	}
	for i, l := range s.items {
		if l >= s.top && l < s.top+s.height {
			s.cursor = i
			if n < 0 {
				continue // scrolling up: take the lowest visible item
			}
			return
		}
	}
}

// Update moves the cursor or scrolls; it reports whether it used the
// message.
func (s *Scroller) Update(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.Keys.Up):
			// With the selection in view the cursor moves between items;
			// otherwise (text between or beyond them) the page scrolls a
			// line, and the cursor lands on the first item to come into
			// view.
			if s.SelectedInView() && s.cursor > 0 {
				s.cursor--
				s.follow()
			} else {
				s.scroll(-1)
			}
		case key.Matches(msg, s.Keys.Down):
			if s.SelectedInView() && s.cursor < len(s.items)-1 {
				s.cursor++
				s.follow()
			} else {
				s.scroll(1)
			}
		case key.Matches(msg, s.Keys.PageUp):
			s.scroll(-max(1, s.height-1))
		case key.Matches(msg, s.Keys.PageDown):
			s.scroll(max(1, s.height-1))
		case key.Matches(msg, s.Keys.Top):
			// The first item, in view: on a short window the page's top
			// may be text above it, which pgup still reaches.
			s.top, s.cursor = 0, 0
			s.follow()
		case key.Matches(msg, s.Keys.Bottom):
			// The last item, in view, rather than the page's end: text
			// below the items is a pgdn or ↓ further.
			s.cursor = max(len(s.items)-1, 0)
			if len(s.items) == 0 {
				s.top = len(s.lines)
				s.clampTop()
			} else {
				s.follow()
			}
		default:
			return false
		}
		return true
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			s.scroll(-3)
		case tea.MouseWheelDown:
			s.scroll(3)
		default:
			return false
		}
		return true
	case tea.MouseClickMsg:
		line := s.top + msg.Y
		if msg.Button != tea.MouseLeft || msg.Y < 0 || msg.Y >= s.height || line >= len(s.lines) || s.lines[line].Item < 0 {
			return false
		}
		s.cursor = s.lines[line].Item
		return true
	}
	return false
}

// ItemAt is the item drawn at line y of the page, if any.
func (s *Scroller) ItemAt(y int) (int, bool) {
	line := s.top + y
	if y < 0 || y >= s.height || line >= len(s.lines) || s.lines[line].Item < 0 {
		return 0, false
	}
	return s.lines[line].Item, true
}

// View draws the visible lines, exactly width × height; the selected item
// is marked ▶ and drawn in the selection style.
func (s *Scroller) View() string {
	var b strings.Builder
	for i := 0; i < s.height; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		n := s.top + i
		if n >= len(s.lines) {
			b.WriteString(strings.Repeat(" ", s.width))
			continue
		}
		l := s.lines[n]
		if l.Item >= 0 && len(s.items) > 0 && l.Item == s.cursor {
			b.WriteString(s.theme.Selected.Render(Fit("▶"+ansi.Strip(l.Text), s.width)))
			continue
		}
		prefix := ""
		if l.Item >= 0 {
			prefix = " "
		}
		b.WriteString(Fit(prefix+l.Text, s.width))
	}
	return b.String()
}

// AtTop and AtBottom tell whether there is more to scroll to.
func (s *Scroller) AtTop() bool    { return s.top == 0 }
func (s *Scroller) AtBottom() bool { return s.top+s.height >= len(s.lines) }
