package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/ui/tour"
)

// captionHeight is the lines a tour's caption takes above the tabs.
const captionHeight = 2

// player plays a tour: the step shown, and the keys still to send.
//
// Keys cannot be undone, so going back a step rebuilds the interface as it
// was at the start and sends the keys of every step before again. Keys are
// sent one at a time; when a key's command has messages (a screen opening
// another), they are handled before the next key, in order, as they would
// be had a person typed slowly. The commands run outside Update, so a step
// that reads a file never holds the keyboard.
type player struct {
	t       *tour.Tour
	step    int // the step shown
	started bool
	queue   []tea.KeyPressMsg
}

// tourMsgs are the messages the commands of a tour's key gave, to handle
// before the next key.
type tourMsgs struct{ msgs []tea.Msg }

// The keys that move through a tour. They are the tour's whatever the
// screen: a presenter's space or arrow never lands in the screen by
// mistake.
var (
	tourNext = key.NewBinding(key.WithKeys("space", "right"), key.WithHelp("space/→", "next step"))
	tourPrev = key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "step back"))
)

func (m *Model) tourKeys() key.Binding {
	b := key.NewBinding(key.WithKeys("space", "right", "left"))
	b.SetHelp("space/→ ←", "step")
	return b
}

func (m *Model) captionLines() int {
	if m.tour.t == nil {
		return 0
	}
	return captionHeight
}

// startTour plays the first step once the window is big enough to lay the
// screens out.
func (m *Model) startTour() tea.Cmd {
	if m.tour.t == nil || m.tour.started || m.tooSmall() {
		return nil
	}
	m.tour.started = true
	m.tour.step = 0
	m.tour.queue = append(m.tour.queue, m.tour.t.Steps[0].Keys...)
	return m.pump()
}

// tourKey handles the keys that move through a tour; ok is false for any
// other key, which goes to the interface as usual.
func (m *Model) tourKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	p := &m.tour
	if p.t == nil || !p.started || m.tooSmall() {
		return nil, false
	}
	next, prev := key.Matches(msg, tourNext), key.Matches(msg, tourPrev)
	if !next && !prev {
		return nil, false
	}
	if len(p.queue) > 0 {
		return nil, true // a step still playing: its keys first
	}
	switch {
	case next && p.step < len(p.t.Steps)-1:
		p.step++
		p.queue = append(p.queue, p.t.Steps[p.step].Keys...)
	case prev && p.step > 0:
		p.step--
		m.replay()
	default:
		return nil, true
	}
	m.present.echo = nil
	return m.pump(), true
}

// replay rebuilds the interface as at the start and queues the keys of
// every step up to the one shown.
func (m *Model) replay() {
	m.build(m.ctx.Theme)
	m.notice = ""
	for _, st := range m.tour.t.Steps[:m.tour.step+1] {
		m.tour.queue = append(m.tour.queue, st.Keys...)
	}
}

// pump sends the queued keys until one has a command to run; the command's
// messages come back as tourMsgs and the rest of the keys follow them.
func (m *Model) pump() tea.Cmd {
	for len(m.tour.queue) > 0 {
		k := m.tour.queue[0]
		m.tour.queue = m.tour.queue[1:]
		m.present.record(k)
		_, cmd := m.key(k)
		cmd = tea.Batch(cmd, m.catchUp())
		if cmd != nil {
			return collect(cmd)
		}
	}
	return nil
}

// collect runs a command and those it batches, in order, and gives their
// messages back as one.
func collect(cmd tea.Cmd) tea.Cmd {
	return func() tea.Msg {
		var msgs []tea.Msg
		var run func(tea.Cmd)
		run = func(c tea.Cmd) {
			if c == nil {
				return
			}
			switch msg := c().(type) {
			case nil:
			case tea.BatchMsg:
				for _, c := range msg {
					run(c)
				}
			default:
				msgs = append(msgs, msg)
			}
		}
		run(cmd)
		return tourMsgs{msgs: msgs}
	}
}

// tourResults handles the messages of a tour key's commands, then sends the
// next keys.
func (m *Model) tourResults(r tourMsgs) tea.Cmd {
	var cmds []tea.Cmd
	for _, msg := range r.msgs {
		if _, ok := msg.(tea.QuitMsg); ok {
			return tea.Quit
		}
		_, cmd := m.update(msg)
		cmds = append(cmds, cmd, m.catchUp())
	}
	if cmd := tea.Batch(cmds...); cmd != nil {
		return collect(cmd)
	}
	return m.pump()
}

// captionView is the tour's caption above the tabs: the step's number and
// its words, wrapped to the caption's lines.
func (m *Model) captionView() []string {
	p := m.tour
	if p.t == nil {
		return nil
	}
	th := m.ctx.Theme
	step := max(0, p.step)
	head := fmt.Sprintf(" %d/%d ", step+1, len(p.t.Steps))
	text := p.t.Steps[step].Caption
	if step == 0 && p.t.Title != "" {
		text = p.t.Title + ": " + text
	}
	w := max(1, m.width-ansi.StringWidth(head)-2)
	lines := strings.Split(ansi.Wordwrap(text, w, ""), "\n")
	if len(lines) > captionHeight {
		lines = lines[:captionHeight]
		lines[captionHeight-1] = ansi.Truncate(lines[captionHeight-1]+" …", w, "…")
	}
	out := make([]string, captionHeight)
	for i := range out {
		prefix := strings.Repeat(" ", ansi.StringWidth(head))
		if i == 0 {
			prefix = th.TabActive.Render(head)
		}
		line := ""
		if i < len(lines) {
			line = lines[i]
		}
		out[i] = fitLine(prefix+" "+th.Strong.Render(line), m.width)
	}
	return out
}
