package worldmap

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/geo"
	"github.com/equitylandscape/equity/ui/components"
)

// Layout: a side panel beside the map when the window is wide enough for
// both, else three lines under it.
const (
	panelW    = 36
	wideFrom  = 100
	underRows = 3
)

// View draws the body, exactly width × height.
func (s *Screen) View() string {
	if s.width <= 0 || s.height <= 0 {
		return components.Frame(nil, s.width, s.height)
	}
	th := s.ctx.Theme
	if s.world == nil {
		return components.Frame([]string{" " + th.Error.Render(s.err.Error())}, s.width, s.height)
	}
	v := s.vals()
	lines := []string{s.headline(v)}
	wide := s.width >= wideFrom
	mapW, mapRows := s.width, s.height-1-underRows
	if wide {
		mapW, mapRows = s.width-panelW-1, s.height-1
	}
	mapRows = max(1, mapRows)
	r := s.rasterFor(mapW, mapRows)
	drawn := r.Draw(geo.Fills(s.world, v, s.grey()), geo.DrawOptions{Mode: s.mode(), Light: s.light(), Selected: s.selected})
	if wide {
		panel := s.panel(v)
		for i, l := range drawn {
			p := ""
			if i < len(panel) {
				p = panel[i]
			}
			lines = append(lines, l+" "+components.Fit(p, panelW))
		}
	} else {
		lines = append(lines, drawn...)
		lines = append(lines, s.under(v)...)
	}
	return components.Frame(lines, s.width, s.height)
}

func (s *Screen) headline(v *geo.Values) string {
	th := s.ctx.Theme
	if s.finding {
		return " " + s.input.View()
	}
	if s.note != "" {
		return " " + th.Error.Render(s.note)
	}
	title := fmt.Sprintf("%s, %d", v.Measure.Name, v.Year)
	if s.region != "" {
		title += " — " + s.region
		if s.zoomed {
			title += " (zoomed)"
		}
	}
	left := " " + th.Heading.Render(title)
	for _, hint := range []string{"m measure · / find · R region · z zoom · enter open", "m measure · / find", "m measure"} {
		room := s.width - ansi.StringWidth(left) - 2
		if len(hint) <= room {
			return left + strings.Repeat(" ", room-ansi.StringWidth(hint)+1) + th.Muted.Render(hint) + " "
		}
	}
	return left
}

// selectedLines describe the selected country: name, value with class and
// period, rank in its region and the world.
func (s *Screen) selectedLines(v *geo.Values) (name, value, rank string) {
	c, ok := s.selectedCountry()
	if !ok {
		return "no country selected", "", ""
	}
	name = "◆ " + c.Name
	val, _ := v.Of(c.ISO2)
	if !val.OK {
		return name, "no figure: " + val.Reason, ""
	}
	value = fmt.Sprintf("%s %s (%s, %s)", geo.FormatValue(v.Measure, val.V), unitWord(v.Measure), val.Class, val.Period)
	rank = fmt.Sprintf("%d of %d in the world", val.World.Pos, val.World.Of)
	if c.WikimediaRegion != "" {
		rank = fmt.Sprintf("%d of %d in region, ", val.Region.Pos, val.Region.Of) + rank
	}
	return name, value, rank
}

func unitWord(m geo.Measure) string {
	if m.IsScore() {
		return "of 100"
	}
	return m.Unit
}

func (s *Screen) swatch(f geo.Fill) string {
	if s.mode() == geo.Colour {
		return geo.Swatch(f)
	}
	return geo.Glyph(f) + geo.Glyph(f)
}

// swatch1 is a one-cell swatch, for the legend in one line.
func (s *Screen) swatch1(f geo.Fill) string {
	if s.mode() == geo.Colour {
		sw := geo.Swatch(f)
		return strings.Replace(sw, "▀▀", "▀", 1)
	}
	return geo.Glyph(f)
}

// panel is the side panel: the selected country, then the legend.
func (s *Screen) panel(v *geo.Values) []string {
	th := s.ctx.Theme
	name, value, rank := s.selectedLines(v)
	var out []string
	out = append(out, th.Strong.Render(name))
	if c, ok := s.selectedCountry(); ok {
		region := c.WikimediaRegion
		if region == "" {
			region = "no Wikimedia region"
		}
		out = append(out, th.Muted.Render(region))
	}
	out = append(out, components.Wrap(value, panelW)...)
	out = append(out, components.Wrap(rank, panelW)...)
	out = append(out, "", th.Heading.Render(v.Measure.Name+", "+fmt.Sprint(v.Year)))
	for _, row := range geo.Legend(v) {
		out = append(out, components.Wrap(s.swatch(row.Fill)+" "+row.Text, panelW)...)
	}
	if s.grey() != nil {
		what := "outside the Countries filter"
		if s.region != "" {
			what = "outside " + s.region
		}
		out = append(out, components.Wrap(s.swatch(geo.FillGrey)+" "+what, panelW)...)
	}
	out = append(out, "")
	for _, n := range []string{geo.ClassNote(v), "Equal Earth projection: equal-area."} {
		for _, l := range components.Wrap(n, panelW) {
			out = append(out, th.Note.Render(l))
		}
	}
	return out
}

// under is the three lines under a narrow map: the selected country, the
// legend in one line, and the classes of the figures.
func (s *Screen) under(v *geo.Values) []string {
	th := s.ctx.Theme
	name, value, rank := s.selectedLines(v)
	first := th.Strong.Render(name)
	if value != "" {
		first += " · " + value
	}
	var legend []string
	for i := geo.Bins - 1; i >= 0; i-- {
		legend = append(legend, fmt.Sprintf("%s %s–%s %d", s.swatch1(geo.FillClass1+geo.Fill(i)), geo.FormatValue(v.Measure, v.Breaks[i]), geo.FormatValue(v.Measure, v.Breaks[i+1]), v.Counts[i]))
	}
	legend = append(legend, fmt.Sprintf("%s none %d", s.swatch1(geo.FillNoData), v.NoData), fmt.Sprintf("%s withheld %d", s.swatch1(geo.FillMissing), v.MissingN))
	third := rank
	if third != "" {
		third += " · "
	}
	third += geo.ClassNote(v)
	return []string{" " + first, " " + strings.Join(legend, " "), " " + th.Note.Render(third)}
}
