package movement

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/components"
)

// strategyColumns are the list's columns: number, name, recommendation,
// votes, quartile and the equity mark. A name is cut at maxNameW cells, so
// that its figures stay near it on a wide window; the detail under the
// list gives it whole.
func (s *Screen) strategyColumns() []column {
	w := 0
	for _, in := range s.inits {
		w = max(w, ansi.StringWidth(fmt.Sprintf("%2d %s", in.Number, in.Name)))
	}
	return []column{
		{title: "Initiative", width: min(w, maxNameW)},
		{title: "Rec", width: 3, right: true, drop: 1},
		{title: "Votes", width: 5, right: true},
		{title: "Q", width: 1, right: true},
		{title: "◆", width: 1},
	}
}

// maxNameW is the widest the initiatives' names are set.
const maxNameW = 96

// layoutStrategy sizes the list over the detail of the selected
// initiative, which keeps a third of the body at most.
func (s *Screen) layoutStrategy() {
	cols := s.strategyColumns()
	shown, first := layout(cols, s.width-1, 16)
	var lines []components.Line
	for i, in := range s.inits {
		votes := fmt.Sprint(in.Votes)
		if in.VoteNote != "" {
			votes += "¹"
		}
		mark := ""
		if in.Marked() {
			mark = "◆"
		}
		lines = append(lines, components.Item(row(cols, shown, first, []string{
			fmt.Sprintf("%2d %s", in.Number, in.Name), fmt.Sprint(in.Recommendation), votes, fmt.Sprint(in.Quartile), mark,
		})[1:], i))
	}
	th := s.ctx.Theme
	w := max(20, s.width-2)
	lines = append(lines, components.Text(""))
	for _, n := range s.strategyNotes() {
		for _, l := range components.Wrap(n, w) {
			lines = append(lines, components.Text(" "+th.Note.Render(l)))
		}
	}
	s.detailH = min(max(2, (s.height-2)/3), 8)
	s.strategy.SetSize(s.width, max(1, s.height-2-s.detailH))
	s.strategy.SetLines(lines)
}

// strategyHeader is the list's header row.
func (s *Screen) strategyHeader() string {
	cols := s.strategyColumns()
	shown, first := layout(cols, s.width-1, 16)
	t := titles(cols)
	t[0] = "No Initiative"
	return s.ctx.Theme.Header.Render(components.Fit(" "+row(cols, shown, first, t)[1:], s.width))
}

// strategyNotes are the page's notes under the list: the quartiles, the
// footnote, the marks and the source.
func (s *Screen) strategyNotes() []string {
	d := s.ctx.Data
	notes := []string{
		"Quartiles, as the page defines them: " + model.QuartileName(1) + "; " + model.QuartileName(2) + "; " + model.QuartileName(3) + "; " +
			model.QuartileName(4) + ". Our copy of the page does not carry its colours: each initiative's quartile is its percentile among the 45 by votes.",
	}
	for _, in := range d.Movement.Initiatives {
		if in.VoteNote != "" {
			notes = append(notes, fmt.Sprintf("¹ %d %s: %s", in.Number, in.Name, in.VoteNote))
		}
	}
	notes = append(notes,
		"◆ bears on equity and this tool's users: this project's reading, with its reason; not the page's.",
		"The page: the prioritization \"highlighted the initiatives that people find important to discuss. This does not necessarily mean support for the initiatives as they are\".")
	if src, ok := d.Source("meta-global-conversations-2020-11"); ok {
		notes = append(notes, "Source: "+src.Title+" ("+src.URL+").")
	}
	if d.Movement.Empty() {
		notes = append([]string{"This database holds no strategy initiatives (its initiatives table is empty); the bundled database has them."}, notes...)
	}
	return notes
}

// detail is the selected initiative in full, under the list: its name,
// recommendation, votes and quartile, the lines the page lists under it,
// and why it bears on equity.
func (s *Screen) detail() []string {
	th := s.ctx.Theme
	out := []string{th.Muted.Render(strings.Repeat("─", s.width))}
	i, ok := s.strategy.Selected()
	if !ok || i >= len(s.inits) {
		return out
	}
	in := s.inits[i]
	text := fmt.Sprintf("%d %s — recommendation %d, %s; %d votes, %s.", in.Number, in.Name, in.Recommendation, in.RecommendationName, in.Votes, strings.ToLower(model.QuartileName(in.Quartile)[:1])+model.QuartileName(in.Quartile)[1:])
	if in.Also != "" {
		text += " The page lists under it: " + in.Also + "."
	}
	if in.VoteNote != "" {
		text += " ¹ " + in.VoteNote
	}
	var lines []string
	if in.Marked() {
		lines = append(lines, components.Wrap("◆ "+in.Bearing, max(1, s.width-2))...)
	}
	lines = append(lines, components.Wrap(text, max(1, s.width-2))...)
	for n, l := range lines {
		if n >= s.detailH-1 {
			break
		}
		style := th.Text.Render
		if in.Marked() && n < len(lines)-len(components.Wrap(text, max(1, s.width-2))) {
			style = th.Strong.Render
		}
		out = append(out, " "+style(l))
	}
	return out
}
