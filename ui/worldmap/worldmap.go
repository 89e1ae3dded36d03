// Package worldmap is the Map section: the world on the equal-area Equal
// Earth projection, coloured by any domain score or context figure of the
// year in five classes, with a cursor that moves from country to country
// and a side panel naming the selected country's value, class and rank.
// The geometry is rasterised once per size and view, and recoloured per
// measure; nothing is read from disk after the start.
package worldmap

import (
	"fmt"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/equitylandscape/equity/geo"
	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/common"
)

// Screen is the Map section's screen.
type Screen struct {
	ctx      *common.Context
	keys     Keys
	world    *geo.World
	err      error
	measures []geo.Measure
	measure  int
	selected int    // World index
	region   string // highlighted Wikimedia region, "" for none
	zoomed   bool

	finding bool
	input   textinput.Model
	note    string // a one-line message: a country not found

	width, height int
	// Caches: the raster per size and view, the values per measure and
	// year.
	raster    *geo.Raster
	rasterKey string
	values    map[string]*geo.Values
}

// New builds the section; the map's geometry is decoded here, once.
func New(ctx *common.Context) *Screen {
	s := &Screen{ctx: ctx, keys: newKeys(), values: map[string]*geo.Values{}, selected: -1}
	s.world, s.err = geo.Load()
	s.measures = geo.Measures(ctx.Data)
	s.input = textinput.New()
	s.input.Prompt = "find: "
	if s.world != nil {
		// Start on a country with a figure, in the middle of the map.
		if i, ok := s.world.Index("NG"); ok {
			s.selected = i
		} else if len(s.world.Countries) > 0 {
			s.selected = 0
		}
	}
	return s
}

// SetSize gives the body's size.
func (s *Screen) SetSize(w, h int) { s.width, s.height = max(0, w), max(0, h) }

// Crumb names the screen.
func (s *Screen) Crumb() string {
	if m, ok := s.current(); ok {
		return "Map: " + m.Name
	}
	return "Map"
}

// Capturing is true while a country's name is typed.
func (s *Screen) Capturing() bool { return s.finding }

// Back ends a search, then a zoom, then a highlighted region.
func (s *Screen) Back() bool {
	switch {
	case s.finding:
		s.finding = false
		s.input.Blur()
	case s.zoomed:
		s.zoomed = false
	case s.region != "":
		s.region = ""
	default:
		return false
	}
	return true
}

// Keys are the screen's bindings.
func (s *Screen) Keys() help.KeyMap {
	if s.finding {
		return findKeys{}
	}
	return s.keys
}

// Status says what is shown.
func (s *Screen) Status() []string {
	var out []string
	if m, ok := s.current(); ok {
		out = append(out, m.Name)
	}
	if s.region != "" {
		out = append(out, s.region)
	}
	if s.ctx.Shown != nil {
		out = append(out, fmt.Sprintf("%d countries in the Countries filter", len(s.ctx.Shown)))
	}
	return out
}

// HelpNote explains the map's marks.
func (s *Screen) HelpNote(width int) []string {
	return []string{
		"The map is Equal Earth, an equal-area projection: each country's share of the map is its share of the world.",
		"◆ marks the selected country, which is also drawn in reverse (white on dark terminals).",
		"Countries too small for the map's outlines are points: / finds them. Greyed countries are outside the highlighted region or the Countries filter.",
	}
}

func (s *Screen) current() (geo.Measure, bool) {
	if len(s.measures) == 0 {
		return geo.Measure{}, false
	}
	return s.measures[s.measure], true
}

// SelectMeasure shows a measure by id; false when there is none.
func (s *Screen) SelectMeasure(id string) bool {
	for i, m := range s.measures {
		if m.ID == id {
			s.measure = i
			return true
		}
	}
	return false
}

// Select puts the cursor on a country.
func (s *Screen) Select(iso2 string) bool {
	if s.world == nil {
		return false
	}
	i, ok := s.world.Index(iso2)
	if ok {
		s.selected = i
	}
	return ok
}

// vals are the current measure's values for the year, computed once each.
func (s *Screen) vals() *geo.Values {
	m, ok := s.current()
	if !ok {
		return nil
	}
	k := fmt.Sprint(m.ID, "|", s.ctx.Year)
	v, ok := s.values[k]
	if !ok {
		v = geo.Compute(s.ctx.Data, m, s.ctx.Year)
		s.values[k] = v
	}
	return v
}

// Update handles keys, clicks and year changes.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if s.world == nil {
		return s, nil
	}
	switch msg := msg.(type) {
	case common.YearChangedMsg:
		// Values are per year: the next draw computes the new year's.
	case tea.KeyPressMsg:
		if s.finding {
			return s, s.typing(msg)
		}
		s.note = ""
		return s, s.key(msg)
	case tea.PasteMsg:
		// A name pasted into find, on one line.
		if s.finding {
			msg.Content = model.CleanText(msg.Content)
			var cmd tea.Cmd
			s.input, cmd = s.input.Update(msg)
			return s, cmd
		}
	case tea.MouseClickMsg:
		if r := s.raster; r != nil && msg.Button == tea.MouseLeft {
			col, row := msg.X, msg.Y-1 // the headline
			if col < r.Cols && row >= 0 && row < r.Rows {
				if c := r.CellCountry(col, row); c != geo.Sea {
					s.selected = c
				}
			}
		}
	}
	return s, nil
}

func (s *Screen) key(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.Left):
		s.move(geo.Left)
	case key.Matches(msg, k.Right):
		s.move(geo.Right)
	case key.Matches(msg, k.Up):
		s.move(geo.Up)
	case key.Matches(msg, k.Down):
		s.move(geo.Down)
	case key.Matches(msg, k.Measure):
		if len(s.measures) > 0 {
			s.measure = (s.measure + 1) % len(s.measures)
		}
	case key.Matches(msg, k.PrevMeasure):
		if len(s.measures) > 0 {
			s.measure = (s.measure + len(s.measures) - 1) % len(s.measures)
		}
	case key.Matches(msg, k.Region):
		s.nextRegion()
	case key.Matches(msg, k.Zoom):
		if s.region == "" {
			if c, ok := s.selectedCountry(); ok && c.WikimediaRegion != "" {
				s.region = c.WikimediaRegion
			}
		}
		s.zoomed = !s.zoomed && s.region != ""
	case key.Matches(msg, k.Find):
		s.finding = true
		s.input.SetValue("")
		return s.input.Focus()
	case key.Matches(msg, k.Open):
		if c, ok := s.selectedCountry(); ok {
			return s.ctx.Go(common.OpenCountryMsg{ISO2: c.ISO2})
		}
	}
	return nil
}

func (s *Screen) typing(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "enter":
		s.finding = false
		s.input.Blur()
		c, err := s.ctx.Data.FindCountry(s.input.Value())
		if err != nil {
			s.note = model.CleanText(err.Error())
			return nil
		}
		if !s.Select(c.ISO2) {
			s.note = c.Name + " has no place on the map."
		}
		return nil
	case "esc":
		s.finding = false
		s.input.Blur()
		return nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return cmd
}

// move goes to the nearest country in a direction, among those in view.
func (s *Screen) move(dir geo.Dir) {
	in := geo.Box{}
	if s.zoomed {
		in = s.view()
	}
	if next := s.world.Nearest(s.selected, dir, in); next >= 0 {
		s.selected = next
	}
}

// nextRegion highlights the next Wikimedia region, then none.
func (s *Screen) nextRegion() {
	regions := s.ctx.Data.WikimediaRegions()
	next := ""
	for i, r := range regions {
		if r == s.region {
			if i+1 < len(regions) {
				next = regions[i+1]
			}
			s.region = next
			if next == "" {
				s.zoomed = false
			}
			return
		}
	}
	if len(regions) > 0 {
		s.region = regions[0]
	}
}

func (s *Screen) selectedCountry() (model.Country, bool) {
	if s.world == nil || s.selected < 0 || s.selected >= len(s.world.Countries) {
		return model.Country{}, false
	}
	return s.ctx.Data.Country(s.world.Countries[s.selected].ISO2)
}

// view is the part of the world shown: all of it, or the highlighted
// region's box.
func (s *Screen) view() geo.Box {
	if !s.zoomed || s.region == "" {
		return geo.WorldBox()
	}
	var codes []string
	for _, c := range s.ctx.Data.Countries {
		if c.WikimediaRegion == s.region {
			codes = append(codes, c.ISO2)
		}
	}
	return s.world.Bounds(codes).Pad(0.05, 0.2)
}

// grey names the countries drawn grey: outside the highlighted region or
// the Countries filter.
func (s *Screen) grey() func(string) bool {
	shown := s.ctx.Shown
	if s.region == "" && shown == nil {
		return nil
	}
	return func(iso2 string) bool {
		if shown != nil && !shown[iso2] {
			return true
		}
		if s.region != "" {
			c, ok := s.ctx.Data.Country(iso2)
			return !ok || c.WikimediaRegion != s.region
		}
		return false
	}
}

// rasterFor returns the raster for a size and the current view, made once.
func (s *Screen) rasterFor(cols, rows int) *geo.Raster {
	view := s.view()
	k := fmt.Sprint(cols, "x", rows, "|", view)
	if s.raster == nil || s.rasterKey != k {
		s.raster, s.rasterKey = s.world.Rasterize(cols, rows, view), k
	}
	return s.raster
}

// mode is how the theme draws the map: shade glyphs under mono (and so
// under NO_COLOR), colours otherwise.
func (s *Screen) mode() geo.Mode {
	if s.ctx.Theme.Name == "mono" {
		return geo.Shade
	}
	return geo.Colour
}

func (s *Screen) light() bool { return s.ctx.Theme.Name == "light" }
