// Package country is the country screen: everything `equity country`
// prints about one country, laid out for reading. Its identity and
// classifications, people and access, then one selectable row per domain
// (enter opens the domain's inputs), its languages and their Wikipedias.
package country

import (
	"fmt"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/common"
	"github.com/equitylandscape/equity/ui/components"
)

// Screen is one country's profile for the context's year.
type Screen struct {
	ctx     *common.Context
	keys    Keys
	country model.Country
	profile model.Profile
	body    components.Scroller

	width, height int
	// built is the theme and width the scroller's lines were drawn for: a
	// theme that changes in place (the terminal's background became known)
	// or a new width draws them again.
	built struct {
		theme string
		width int
		year  int
	}
}

// New builds the screen for a country.
func New(ctx *common.Context, c model.Country) *Screen {
	s := &Screen{ctx: ctx, keys: newKeys(), country: c, body: components.NewScroller(ctx.Theme)}
	s.body.Keys = s.keys.Movement
	s.load()
	return s
}

// load reads the profile of the context's year.
func (s *Screen) load() {
	s.profile = s.ctx.Data.Profile(s.country, s.ctx.Year)
	s.built.theme = "" // draw again
}

// relayout draws the lines again when the theme, width or year changed.
func (s *Screen) relayout() {
	th := s.ctx.Theme
	if s.built.theme == th.Name && s.built.width == s.width && s.built.year == s.profile.Year {
		return
	}
	s.built.theme, s.built.width, s.built.year = th.Name, s.width, s.profile.Year
	s.body.SetLines(render(s.ctx, s.profile, s.width))
}

// SetSize lays the page out for the body's size.
func (s *Screen) SetSize(w, h int) {
	s.width, s.height = max(0, w), max(0, h)
	s.body.SetSize(s.width, s.height)
	s.relayout()
}

// Crumb is the country's name.
func (s *Screen) Crumb() string { return s.country.Name }

// Keys are the bindings for the footer and help.
func (s *Screen) Keys() help.KeyMap { return s.keys }

// Capturing is always false: the screen has no text input.
func (s *Screen) Capturing() bool { return false }

// Back leaves esc to the root, which goes back to the previous screen.
func (s *Screen) Back() bool { return false }

// Status names the country's region and how many languages it lists.
func (s *Screen) Status() []string {
	region := s.country.WikimediaRegion
	if region == "" {
		region = "no Wikimedia region"
	}
	n := len(s.profile.Languages)
	langs := fmt.Sprintf("%d languages", n)
	if n == 1 {
		langs = "1 language"
	}
	return []string{region, langs}
}

// Selected is the domain under the cursor.
func (s *Screen) Selected() model.DomainID {
	i, _ := s.body.Selected()
	return s.profile.Domains[i].Domain.ID
}

// Update handles keys, mouse and year changes.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.YearChangedMsg:
		s.load()
		s.relayout()
		return s, nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.keys.Open):
			return s, s.open()
		case key.Matches(msg, s.keys.Checklist):
			return s, s.ctx.Go(common.StartChecklistMsg{ISO2: s.country.ISO2})
		}
		s.body.Update(msg)
		return s, nil
	case tea.MouseClickMsg:
		before, _ := s.body.Selected()
		was := s.body.SelectedInView()
		clicked, onItem := s.body.ItemAt(msg.Y)
		if s.body.Update(msg) && onItem && was && clicked == before {
			// A click on the domain already selected opens it.
			return s, s.open()
		}
		return s, nil
	case tea.MouseWheelMsg:
		s.body.Update(msg)
		return s, nil
	}
	return s, nil
}

func (s *Screen) open() tea.Cmd {
	// Only what is seen: on a short window the domains may be below the page.
	if _, ok := s.body.Selected(); !ok || !s.body.SelectedInView() || len(s.profile.Domains) == 0 {
		return nil
	}
	return s.ctx.Go(common.OpenIndicatorMsg{ISO2: s.country.ISO2, Domain: s.Selected()})
}

// View draws the page, exactly width × height.
func (s *Screen) View() string {
	s.relayout()
	return s.body.View()
}
