// Package movement is the Movement section: the frame the Equity Landscape
// tracks progress against. Its first page sets the Medium-term plan's
// Thriving Movement figures, as published, beside the same editor metric
// computed from the open database, by market and Wikimedia region, against
// the goal; its second lists the 45 strategy initiatives with their votes
// and quartiles, marking those that bear on equity. v switches the page.
package movement

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/common"
	"github.com/equitylandscape/equity/ui/components"
)

// page is which of the two pages shows.
type page int

const (
	metricsPage page = iota
	strategyPage
)

// Screen is the Movement section's screen.
type Screen struct {
	ctx  *common.Context
	keys Keys
	page page

	goal  model.EditorGoal
	order model.InitiativeOrder
	inits []model.Initiative // in order

	metrics  components.Scroller
	strategy components.Scroller
	detailH  int

	width, height int
	// built is what the pages were laid out for: theme, year, size, order.
	built string
}

// New builds the section on its metrics page.
func New(ctx *common.Context) *Screen {
	s := &Screen{ctx: ctx, keys: newKeys(), metrics: components.NewScroller(ctx.Theme), strategy: components.NewScroller(ctx.Theme)}
	s.order = model.ByVotes
	return s
}

func (s *Screen) stamp() string {
	return fmt.Sprint(s.ctx.Theme.Name, "|", s.ctx.Year, "|", s.width, "x", s.height, "|", s.order)
}

// ensure lays the pages out again when what they depend on changed.
func (s *Screen) ensure() {
	st := s.stamp()
	if st == s.built {
		return
	}
	s.built = st
	s.goal = model.ComputeEditorGoal(s.ctx.Data, s.ctx.Year)
	s.inits = model.SortInitiatives(s.ctx.Data.Movement.Initiatives, s.order)
	w := s.width
	s.metrics.SetSize(w, max(0, s.height-1))
	s.metrics.SetLines(s.metricsLines())
	s.layoutStrategy()
}

// SetSize lays the pages out for the body's size.
func (s *Screen) SetSize(w, h int) {
	s.width, s.height = max(0, w), max(0, h)
	s.ensure()
}

// Crumb names the page.
func (s *Screen) Crumb() string {
	if s.page == strategyPage {
		return "Strategy priorities"
	}
	return "Thriving Movement"
}

// Capturing is false: the section has no text input.
func (s *Screen) Capturing() bool { return false }

// Back leaves esc to the root.
func (s *Screen) Back() bool { return false }

// Keys are the current page's bindings.
func (s *Screen) Keys() help.KeyMap {
	if s.page == strategyPage {
		return strategyKeys{s.keys}
	}
	return mtpKeys{s.keys}
}

// HelpNote explains the pages' marks in the help overlay.
func (s *Screen) HelpNote(width int) []string {
	notes := []string{
		"▲ on track: the change meets the published goal; ▼ off track: it falls short. MODELED, partly MODELED or real says what the editor figures of each line are.",
		"◆ marks an initiative that bears on equity and this tool's users, with the reason under the list; ¹ a footnote of the page to the votes.",
		"Quartiles, as the page defines them: " + model.QuartileName(1) + "; " + model.QuartileName(2) + "; " + model.QuartileName(3) + "; " + model.QuartileName(4) + ".",
	}
	var out []string
	for _, n := range notes {
		out = append(out, components.Wrap(n, max(1, width))...)
	}
	return out
}

// Status says what the page shows.
func (s *Screen) Status() []string {
	s.ensure()
	if s.page == strategyPage {
		out := []string{fmt.Sprintf("%d initiatives", len(s.inits))}
		if i, ok := s.strategy.Selected(); ok && i < len(s.inits) {
			out = append(out, fmt.Sprintf("%d %s", s.inits[i].Number, s.inits[i].Name))
		}
		return out
	}
	return []string{fmt.Sprintf("editors %d vs %d", s.goal.Year, s.goal.Prev), s.goal.Mix.Word()}
}

// Update handles keys, the mouse and year changes.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	s.ensure()
	switch msg := msg.(type) {
	case common.YearChangedMsg:
		s.ensure()
	case tea.KeyPressMsg:
		k := s.keys
		switch {
		case key.Matches(msg, k.Page):
			s.page = 1 - s.page
		case key.Matches(msg, k.Sort) && s.page == strategyPage:
			s.order = s.order.Next()
			s.ensure()
			s.strategy.Select(0)
		default:
			s.scroller().Update(msg)
		}
	case tea.MouseClickMsg:
		msg.Y-- // the page's heading
		s.scroller().Update(msg)
	case tea.MouseWheelMsg:
		s.scroller().Update(msg)
	}
	return s, nil
}

func (s *Screen) scroller() *components.Scroller {
	if s.page == strategyPage {
		return &s.strategy
	}
	return &s.metrics
}

// headline is the line over a page: its title, and the longest of the
// hints that fits at the right.
func (s *Screen) headline(title string, hints ...string) string {
	th := s.ctx.Theme
	left := " " + th.Heading.Render(title)
	lw := ansi.StringWidth(left)
	for _, hint := range hints {
		if hw := ansi.StringWidth(hint); lw+2+hw+1 <= s.width {
			return left + strings.Repeat(" ", s.width-lw-hw-1) + th.Muted.Render(hint) + " "
		}
	}
	return components.Fit(left, s.width)
}

// View draws the body, exactly width × height.
func (s *Screen) View() string {
	s.ensure()
	var lines []string
	if s.page == strategyPage {
		lines = append(lines, s.headline("Strategy priorities: "+s.order.Name(), "s sort · v Thriving Movement metrics", "s sort · v metrics", "s sort"))
		lines = append(lines, s.strategyHeader())
		lines = append(lines, strings.Split(s.strategy.View(), "\n")...)
		lines = append(lines, s.detail()...)
	} else {
		lines = append(lines, s.headline(fmt.Sprintf("Thriving Movement: editors %d vs %d", s.goal.Year, s.goal.Prev),
			"y year · v strategy priorities", "y year · v strategy", "v strategy"))
		lines = append(lines, strings.Split(s.metrics.View(), "\n")...)
	}
	return components.Frame(lines, s.width, s.height)
}
