package movement

import (
	"fmt"
	"strings"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/report"
)

// The columns of the computed groups: the name, the published figure
// beside it (markets only), the change, the two years, the status against
// the goal, and what the figures are. The years go first on a narrow
// window, then the published figure.
func groupColumns(g model.EditorGoal, published bool, nameW int) []column {
	cols := []column{
		{title: "", width: nameW},
		{title: "Published", width: 13, drop: 2},
		{title: "YoY", width: 7, right: true},
		{title: fmt.Sprint(g.Prev), width: 8, right: true, drop: 4},
		{title: fmt.Sprint(g.Year), width: 8, right: true, drop: 3},
		{title: "Goal " + goalText(g), width: 12},
		{title: "Figures", width: 14, drop: 1},
	}
	if !published {
		cols[1].drop, cols[1].width = 9, 0
	}
	return cols
}

func goalText(g model.EditorGoal) string {
	if !g.HasGoal {
		return "—"
	}
	return fmt.Sprintf("%+g%%", g.Goal)
}

// published is the plan's Q1 status of a market, for the cell beside the
// computed one: "+7.3% 89K".
func published(mv model.Movement, id string) string {
	m, ok := mv.Metric(id)
	if !ok {
		return ""
	}
	s := ""
	if m.HasChange {
		s = report.Signed(m.Change)
	}
	if m.HasValue {
		s += fmt.Sprintf(" %gK", m.Value/1000)
	}
	return strings.TrimSpace(s)
}

// metricsLines writes the Thriving Movement page for the width.
func (s *Screen) metricsLines() []components.Line {
	th := s.ctx.Theme
	d := s.ctx.Data
	g := s.goal
	mv := d.Movement
	w := max(20, s.width-2)
	var out []components.Line
	add := func(text string) { out = append(out, components.Text(" "+text)) }
	para := func(style func(...string) string, text string) {
		for _, l := range components.Wrap(text, w) {
			add(style(l))
		}
	}
	heading := func(text string) {
		out = append(out, components.Text(""))
		for _, l := range components.Wrap(text, w) {
			add(th.Heading.Render(l))
		}
	}

	// Loud first: what the computed figures are.
	word := g.Mix.Word()
	note := model.EditorsClassNote(g.Mix)
	if g.Mix.AnyModeled() {
		lines := components.Wrap(note, max(1, w-len(word)-3))
		for i, l := range lines {
			if i == 0 {
				add(th.Badge.Render(" "+strings.ToUpper(word)+" ") + " " + th.Strong.Render(strings.TrimPrefix(l, strings.ToUpper(word)+": ")))
				continue
			}
			add(strings.Repeat(" ", len(word)+3) + th.Strong.Render(l))
		}
	} else {
		para(th.Strong.Render, note)
	}
	if mv.Empty() {
		para(th.Note.Render, "This database holds no movement context (its movement_metrics and initiatives tables are empty); the bundled database has it.")
	}
	if g.HasGoal {
		para(th.Text.Render, fmt.Sprintf("Goal, as published: monthly active editors %+g%% a year (the plan's Y2 goal). ▲ on track meets it, ▼ off track falls short.", g.Goal))
	}

	// Markets: published beside computed.
	heading(fmt.Sprintf("By market: published Q1 FY2020-21 beside computed %d vs %d", g.Year, g.Prev))
	nameW := widest("", "Established markets", "  of which Least Developed")
	cols := groupColumns(g, true, nameW)
	shown, first := layout(cols, s.width, 14)
	out = append(out, s.headerLine(cols, shown, first, "Market"))
	pub := map[string]string{
		model.MarketAll: published(mv, model.MetricEditorsQ1), model.MarketEstablished: published(mv, model.MetricEditorsQ1Establish),
		model.MarketEmerging: published(mv, model.MetricEditorsQ1Emerging),
	}
	for _, gr := range append([]model.GroupGrowth{g.Total}, g.Markets...) {
		out = append(out, components.Text(s.groupRow(cols, shown, first, gr, pub[gr.Name])))
	}

	heading(fmt.Sprintf("By Wikimedia region, %d vs %d", g.Year, g.Prev))
	var names []string
	for _, r := range g.Regions {
		names = append(names, r.Name)
	}
	cols = groupColumns(g, false, widest("", names...))
	shown, first = layout(cols, s.width, 14)
	out = append(out, s.headerLine(cols, shown, first, "Region"))
	for _, gr := range g.Regions {
		out = append(out, components.Text(s.groupRow(cols, shown, first, gr, "")))
	}

	heading("Every year: the movement's monthly active editors")
	ycols := []column{{title: "Year", width: 4}, {title: "Editors", width: 9, right: true}, {title: "YoY", width: 7, right: true},
		{title: "Goal " + goalText(g), width: 12}, {title: "Figures", width: 14, drop: 1}}
	shown, first = layout(ycols, s.width, 4)
	out = append(out, s.headerLine(ycols, shown, first, "Year"))
	for _, y := range g.Series {
		change := "—"
		if y.OK {
			change = report.Signed(y.Change)
		}
		out = append(out, components.Text(row(ycols, shown, first, []string{
			fmt.Sprint(y.Year), report.Number(y.Total), change, model.Track(y.OnTrack, y.OK, g.HasGoal), y.Mix.Word(),
		})))
	}

	heading(fmt.Sprintf("Grew most, %d vs %d (editors a month added)", g.Year, g.Prev))
	tcols := []column{{title: "Country", width: 22}, {title: "Market", width: 19, drop: 2}, {title: "Added", width: 7, right: true},
		{title: "YoY", width: 7, right: true}, {title: "Figures", width: 9, drop: 1}}
	shown, first = layout(tcols, s.width, 12)
	out = append(out, s.headerLine(tcols, shown, first, "Country"))
	for _, c := range g.Top {
		change := "—"
		if c.OK {
			change = report.Signed(c.Change)
		}
		cls := string(c.Class)
		if c.Class == model.ClassModeled {
			cls = "MODELED"
		}
		out = append(out, components.Text(row(tcols, shown, first, []string{
			c.Country.Name, model.MarketOf(c.Country), "+" + report.Number(c.Added), change, cls,
		})))
	}
	if m, ok := mv.Metric(model.MetricEditorsLargest); ok {
		para(th.Text.Render, "Published: the largest year-over-year growth in Q1 FY2020-21 was in "+m.Note+".")
	}

	heading("Published: Thriving Movement metrics, MTP tuning session Q1 FY2020-21")
	last := ""
	for _, m := range mv.Metrics {
		if m.Metric != last {
			for _, l := range components.Wrap(m.Metric, w) {
				add(th.Strong.Render(l))
			}
			last = m.Metric
		}
		value := "—"
		if m.HasValue {
			value = fmt.Sprintf("%g", m.Value)
			if strings.HasPrefix(m.Unit, "%") {
				value += "%"
			} else if m.Value >= 1000 {
				value = report.Count(int(m.Value))
			}
		}
		change := ""
		if m.HasChange {
			change = " " + report.Signed(m.Change) + " YoY"
		}
		line := fmt.Sprintf("%s, %s: %s%s — “%s”", m.Segment, m.Period, value, change, m.Note)
		for i, l := range components.Wrap(line, w-2) {
			if i == 0 {
				add("  " + th.Text.Render(l))
			} else {
				add("    " + th.Text.Render(l))
			}
		}
	}

	heading("How the editors are computed")
	para(th.Note.Render, model.EditorGoalMethod)
	if src, ok := d.Source("wmf-mtp-q1-fy2020-21"); ok {
		para(th.Muted.Render, "Source: "+src.Title+", "+src.Publisher+" ("+fmt.Sprint(src.Year)+"). "+src.Note)
	}
	return out
}

// headerLine is a table's header row on the page.
func (s *Screen) headerLine(cols []column, shown []int, first int, name string) components.Line {
	t := titles(cols)
	t[0] = name
	return components.Text(s.ctx.Theme.Header.Render(components.Fit(row(cols, shown, first, t), s.width)))
}

// groupRow is one market or region: its change and status, and what its
// figures are, in words.
func (s *Screen) groupRow(cols []column, shown []int, first int, gr model.GroupGrowth, pub string) string {
	change, before, now := "—", "—", "—"
	if gr.OK {
		change = report.Signed(gr.Change)
	}
	if gr.Countries > 0 {
		before, now = report.Number(gr.Before), report.Number(gr.Now)
	}
	if pub == "" {
		pub = "—"
	}
	status := model.Track(gr.OnTrack, gr.OK, s.goal.HasGoal)
	if status == "" {
		status = "—"
	}
	return row(cols, shown, first, []string{gr.Name, pub, change, before, now, status, gr.Mix.Word()})
}
