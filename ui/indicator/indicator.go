// Package indicator is the drill-down into one domain for one country: what
// the domain measures, where its inputs and weights come from, the
// country's raw values and how each becomes a rank, a weighted contribution
// and, summed and ranked again, the score shown everywhere else; then the
// values over the years, every country's score with this one marked, and
// the top and bottom of its region, to open.
package indicator

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/common"
	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/report"
)

// Screen is the indicator drill-down.
type Screen struct {
	ctx     *common.Context
	keys    Keys
	country model.Country
	domain  model.Domain
	page    components.Scroller
	f       facts

	lines []components.Line
	items []string // the ISO2 of each selectable item

	width, height int
	drawn         string // the theme the lines were styled with
}

// New builds the screen for a country's domain, for the context's year.
func New(ctx *common.Context, c model.Country, dom model.DomainID) *Screen {
	d, ok := model.DomainByID(dom)
	if !ok {
		d = model.Domain{ID: dom, Name: string(dom), WeightsPublished: true}
	}
	s := &Screen{ctx: ctx, keys: NewKeys(), country: c, domain: d, page: components.NewScroller(ctx.Theme)}
	s.page.Keys = s.keys.Movement
	s.f = gather(ctx.Data, c, dom, ctx.Year)
	s.relayout()
	return s
}

// SetSize lays the page out for the body's size.
func (s *Screen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.page.SetSize(w, h)
	s.relayout()
}

func (s *Screen) relayout() {
	s.lines, s.items = s.build()
	s.page.SetLines(s.lines)
	s.drawn = s.ctx.Theme.Name
}

// Crumb is the domain's name: "Countries › Nigeria › Editorship".
func (s *Screen) Crumb() string { return s.domain.Name }

// Keys are the screen's bindings.
func (s *Screen) Keys() help.KeyMap { return s.keys }

// Capturing is never true: the screen has no input.
func (s *Screen) Capturing() bool { return false }

// Back leaves esc to the root, which goes back to the country.
func (s *Screen) Back() bool { return false }

// Status gives the domain's facet scores: "presence 91.3 · growth 57.7".
func (s *Screen) Status() []string {
	var out []string
	for _, fs := range s.f.scores {
		if fs.facet == model.Overall {
			continue
		}
		v := "—"
		if fs.ok {
			v = report.Score(fs.value)
		}
		out = append(out, string(fs.facet)+" "+v)
	}
	return out
}

// Update scrolls the page, moves in the region list and opens a country.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.YearChangedMsg:
		s.f = gather(s.ctx.Data, s.country, s.domain.ID, s.ctx.Year)
		s.relayout()
	case tea.KeyPressMsg:
		k := s.keys
		switch {
		case key.Matches(msg, k.Open):
			return s, s.open()
		default:
			s.page.Update(msg)
		}
	case tea.MouseClickMsg:
		// A click on the selected country opens it; elsewhere it selects.
		if it, ok := s.page.ItemAt(msg.Y); ok && msg.Button == tea.MouseLeft {
			if sel, has := s.page.Selected(); has && sel == it {
				return s, s.open()
			}
		}
		s.page.Update(msg)
	case tea.MouseWheelMsg:
		s.page.Update(msg)
	}
	return s, nil
}

func (s *Screen) open() tea.Cmd {
	sel, ok := s.page.Selected()
	if !ok || !s.page.SelectedInView() || sel >= len(s.items) {
		return nil
	}
	return s.ctx.Go(common.OpenCountryMsg{ISO2: s.items[sel]})
}

// View draws the page, exactly the body's size.
func (s *Screen) View() string {
	// The theme changes in place when the terminal's background becomes
	// known: styled lines are drawn again.
	if s.drawn != s.ctx.Theme.Name {
		s.relayout()
	}
	return s.page.View()
}
